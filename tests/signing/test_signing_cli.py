"""The signing commands: keys new, signoff add/export, verify, and every bad input refused on one
line with exit 2 and nothing written; openssl verifies an exported sign-off of the sample."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

from tests.signing.keyfactory import PASSPHRASE, make_cert, write_p12
from veu_assess.cli.main import run
from veu_assess.resources import sample_path
from veu_assess.review import sign_off
from veu_assess.storage.veua import open_document, save_document


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("PP", PASSPHRASE)
    monkeypatch.setenv("VEU_ASSESS_DATA_DIR", str(tmp_path / "data"))  # an empty trust setting
    shutil.copy(sample_path(), tmp_path / "s.veua")
    return tmp_path


def _key(env: Path) -> Path:
    assert run(["keys", "new", "--name", "Ann Auditor", "--org", "Example LLP", "-o", str(env / "ann.p12"),
                "--passphrase-env", "PP"]) == 0
    return env / "ann.p12"


def _add(env: Path, key: Path, *extra: str) -> int:
    return run(["signoff", "add", str(env / "s.veua"), "--key", str(key), "--passphrase-env", "PP",
                "--role", "auditor", "--statement", "Reviewed.", *extra])


def test_keys_new_prints_the_fingerprint_and_never_overwrites(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = _key(env)
    out = capsys.readouterr().out
    assert "SHA-256 fingerprint: " in out and (env / "ann.cert.pem").is_file()
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    before = key.read_bytes()
    assert run(["keys", "new", "--name", "X", "-o", str(key), "--passphrase-env", "PP"]) == 2
    assert key.read_bytes() == before and "already exists" in capsys.readouterr().err


def test_keys_new_needs_a_passphrase_from_env_or_terminal(env: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    assert run(["keys", "new", "--name", "X", "-o", str(env / "k.p12"), "--passphrase-env", "UNSET_VAR_X"]) == 2
    assert "UNSET_VAR_X is not set" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # no terminal to ask on
    assert run(["keys", "new", "--name", "X", "-o", str(env / "k.p12")]) == 2
    assert "--passphrase-env" in capsys.readouterr().err and not (env / "k.p12").exists()
    monkeypatch.setenv("SHORT", "abc")
    assert run(["keys", "new", "--name", "X", "-o", str(env / "k.p12"), "--passphrase-env", "SHORT"]) == 2
    assert not (env / "k.p12").exists()


def test_sign_verify_trust_and_change(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = _key(env)
    assert _add(env, key) == 0
    capsys.readouterr()
    assert run(["verify", str(env / "s.veua")]) == 0
    out = capsys.readouterr().out
    assert "#1 valid, signer not confirmed: Ann Auditor (Example LLP), SHA-256 " in out and "content matches" in out
    assert run(["verify", str(env / "s.veua"), "--trust", str(env / "ann.cert.pem")]) == 0
    assert "#1 valid, trusted" in capsys.readouterr().out
    assert run(["validate", str(env / "s.veua")]) == 0
    assert "sign-offs: #1 valid, signer not confirmed" in capsys.readouterr().out
    doc = open_document(env / "s.veua")  # an answer edited after the sign-off
    key0 = next(iter(doc.assessment.answers))
    doc.assessment.answers[key0] = doc.assessment.answers[key0].model_copy(update={"notes": "edited"})
    save_document(doc, env / "s.veua")
    assert run(["verify", str(env / "s.veua")]) == 2
    assert "content changed after sign-off" in capsys.readouterr().out


def test_legacy_sign_offs_verify_as_unsigned(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = open_document(env / "s.veua")
    sign_off(doc, "Hanako Sato", kind="operator_officer")
    save_document(doc, env / "s.veua")
    assert run(["verify", str(env / "s.veua")]) == 0
    assert "#1 unsigned (legacy): Hanako Sato" in capsys.readouterr().out


def _ed25519_p12(path: Path) -> Path:
    key = ed25519.Ed25519PrivateKey.generate()
    import datetime as dt

    from cryptography import x509
    from cryptography.x509.oid import NameOID
    n = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Ed")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(n).issuer_name(n).public_key(key.public_key())
            .serial_number(1).not_valid_before(now).not_valid_after(now + dt.timedelta(days=9)).sign(key, None))
    path.write_bytes(pkcs12.serialize_key_and_certificates(b"e", key, cert, None,
                                                           BestAvailableEncryption(PASSPHRASE.encode())))
    return path


def _looping_p12(path: Path) -> Path:
    # Two CAs that certify each other (cross-certificates), and a leaf issued by one of them:
    # leaf -> B -> C -> B -> ...
    c_self = make_cert("Loop CA C", ca=True)
    b = make_cert("Loop CA B", ca=True, issuer=c_self)
    c = make_cert("Loop CA C", ca=True, key=c_self.key, issuer=b)  # type: ignore[arg-type]
    leaf = make_cert("Ann Auditor", issuer=b)
    return write_p12(path, leaf, extra=[b.cert, c.cert])


def _bad_keys(env: Path) -> dict[str, tuple[Path, str]]:
    good = _key(env)
    corrupt = env / "corrupt.p12"
    corrupt.write_bytes(good.read_bytes()[:200] + b"\x00" * 50 + good.read_bytes()[250:])
    garbage = env / "garbage.p12"
    garbage.write_bytes(os.urandom(3000))
    huge = env / "huge.p12"
    huge.write_bytes(b"\x30" * (2 << 20))
    other = make_cert("Other")
    mismatched = env / "mismatched.p12"
    mismatched.write_bytes(pkcs12.serialize_key_and_certificates(
        b"m", make_cert("Key owner").key, None, [other.cert], BestAvailableEncryption(PASSPHRASE.encode())))  # type: ignore[arg-type]
    certonly = env / "certonly.p12"
    certonly.write_bytes(pkcs12.serialize_key_and_certificates(b"c", None, other.cert, None,
                                                               BestAvailableEncryption(PASSPHRASE.encode())))
    return {
        "wrong passphrase": (good, "passphrase is wrong"),
        "corrupt": (corrupt, "damaged"),
        "foreign (not a key file)": (garbage, "not a PKCS #12 key file"),
        "the .veua itself": (env / "s.veua", "not a PKCS #12 key file"),
        "huge": (huge, "at most"),
        "key not matching the certificate": (mismatched, "does not belong"),
        "certificate without key": (certonly, "no private key"),
        "Ed25519 key": (_ed25519_p12(env / "ed.p12"), "cannot sign here"),
        "looping chain": (_looping_p12(env / "loop.p12"), "loops"),
        "expired": (write_p12(env / "old.p12", make_cert(
            not_before=__import__("datetime").datetime(2020, 1, 1, tzinfo=__import__("datetime").UTC),
            not_after=__import__("datetime").datetime(2021, 1, 1, tzinfo=__import__("datetime").UTC))), "expired"),
        "a TLS certificate": (write_p12(env / "tls.p12", make_cert(eku=__import__(
            "tests.signing.keyfactory", fromlist=["SERVER_ONLY"]).SERVER_ONLY)), "key usage"),
        "missing": (env / "nope.p12", "no such file"),
    }


def test_every_bad_key_is_one_line_exit_2_nothing_written(env: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    cases = _bad_keys(env)
    capsys.readouterr()
    before = (env / "s.veua").read_bytes()
    for what, (key, message) in cases.items():
        if what == "wrong passphrase":
            monkeypatch.setenv("PP", "not the passphrase")
        assert _add(env, key) == 2, what
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and message in err, (what, err)
        assert (env / "s.veua").read_bytes() == before, what
        assert run(["report", str(env / "s.veua"), "-o", str(env / "r.pdf"), "--sign", str(key),
                    "--passphrase-env", "PP"]) == 2, what
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and message in err and not (env / "r.pdf").exists(), (what, err)
        monkeypatch.setenv("PP", PASSPHRASE)
    assert sorted(p.name for p in env.iterdir() if p.suffix in (".veua", ".bak", ".tmp", ".pdf")) == ["s.veua"]


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_openssl_verifies_an_exported_sign_off_of_the_sample(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = _key(env)
    assert _add(env, key) == 0
    assert run(["signoff", "export", str(env / "s.veua"), "-o", str(env / "out")]) == 0
    out = env / "out"
    shutil.copy(env / "ann.cert.pem", out)
    commands = readme_openssl_commands()
    assert len(commands) == 2
    for cmd in commands:  # the README's commands, word for word, run where the files are
        ok = subprocess.run(cmd, capture_output=True, text=True, cwd=out)
        assert ok.returncode == 0 and "Verification successful" in ok.stderr, (cmd, ok.stderr)
    statement = out / "signoff-1.statement.json"
    statement.write_bytes(statement.read_bytes().replace(b"Reviewed.", b"Reviewed!"))
    for cmd in commands:
        bad = subprocess.run(cmd, capture_output=True, text=True, cwd=out)
        assert bad.returncode != 0 and "Verification failure" in bad.stderr


def readme_openssl_commands() -> list[list[str]]:
    """The `openssl cms -verify` commands of the README's section for a recipient with standard tools."""
    import shlex

    text = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    section = text[text.index("**Recipient with only standard tools**"):]
    block = section[section.index("```sh") + 5:section.index("```", section.index("```sh") + 5)]
    joined = block.replace("\\\n", " ")
    return [shlex.split(line, comments=True) for line in joined.splitlines() if line.startswith("openssl cms")]


def test_signing_commands_load_cryptography_only_when_used() -> None:
    script = ("import sys; from veu_assess.cli.main import build_parser; build_parser(); "
              "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in "
              "('cryptography', 'pyhanko', 'asn1crypto', 'pyhanko_certvalidator'))))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
