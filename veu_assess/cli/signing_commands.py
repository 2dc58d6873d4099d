"""Signing on the command line: `keys new`, `signoff add`, `signoff export`, `verify`.

Passphrases come from a prompt or from the environment variable named by ``--passphrase-env``,
never from the command line (where other users see it in the process list). cryptography and
pyHanko are imported inside the commands, so other commands do not load them. Bad input of any
kind (wrong passphrase, a damaged key file, a refused certificate) is one line and exit 2, with
nothing written.
"""

from __future__ import annotations

import argparse
import base64
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from veu_assess.bugs import InputError
from veu_assess.cli.paths import check_input_file, check_new_output, check_not_overwriting, output_file
from veu_assess.text.terminal import printable

EXIT_OK, EXIT_FAILED = 0, 2
ROLES = {"auditor": "auditor", "operator": "operator_officer"}


def register(sub: Any) -> None:
    keys = sub.add_parser("keys", help="make a signing key (a self-signed certificate in a .p12 file)")
    ksub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True,
                               parser_class=type(keys))
    p = ksub.add_parser("new", help="a new elliptic-curve key and self-signed certificate for signing")
    p.add_argument("--name", required=True, help="the signer's name (the certificate's CN)")
    p.add_argument("--org", default="", help="the signer's organisation (the certificate's O)")
    p.add_argument("-o", "--output", required=True, type=output_file, help="the .p12 file to write")
    _passphrase_arg(p)
    p.set_defaults(func=cmd_keys_new)

    so = sub.add_parser("signoff", help="sign off an assessment with a key, or export sign-offs for openssl")
    ssub = so.add_subparsers(dest="signoff_command", metavar="ACTION", required=True, parser_class=type(so))
    p = ssub.add_parser("add", help="add a signed sign-off to a .veua file (saved in place)")
    p.add_argument("file", type=Path, help="the .veua file")
    p.add_argument("--key", required=True, type=Path, help="the signer's PKCS #12 file (.p12/.pfx)")
    _passphrase_arg(p)
    p.add_argument("--role", required=True, choices=sorted(ROLES), help="sign as the auditor or the operator")
    p.add_argument("--title", default="", help="the signer's title or function (e.g. 'Lead auditor')")
    p.add_argument("--statement", required=True, help="the statement the signer makes")
    p.set_defaults(func=cmd_signoff_add)
    p = ssub.add_parser("export", help="write each signed sign-off's statement, signature and certificate")
    p.add_argument("file", type=Path, help="the .veua file")
    p.add_argument("-o", "--output-dir", required=True, type=Path, help="a folder for the files")
    p.set_defaults(func=cmd_signoff_export)

    p = sub.add_parser("verify", help="check every sign-off's signature and whether the content still matches")
    p.add_argument("file", type=Path, help="the .veua file")
    p.add_argument("--trust", action="append", type=Path, default=[], metavar="FILE",
                   help="a certificate (PEM/DER) or fingerprint list of signers to trust (repeatable)")
    p.add_argument("--no-user-trust", action="store_true", help="ignore the app's trusted-signers setting")
    p.set_defaults(func=cmd_verify)


def _passphrase_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--passphrase-env", metavar="VAR",
                   help="read the passphrase from this environment variable (default: ask)")


def read_passphrase(var: str | None, confirm: bool = False) -> str:
    if var:
        value = os.environ.get(var)
        if value is None:
            raise InputError(f"--passphrase-env {var}: the environment variable {var} is not set")
        return value
    if not sys.stdin.isatty():
        raise InputError("no passphrase: there is no terminal to ask on; use --passphrase-env VAR")
    first = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("Passphrase again: ") != first:
        raise InputError("the two passphrases differ; nothing was written")
    return first


def cmd_keys_new(args: argparse.Namespace) -> int:
    from cryptography.hazmat.primitives.serialization import Encoding

    from veu_assess.signing.keys import identity_to_p12, new_identity
    from veu_assess.storage.files import write_atomic

    out: Path = args.output
    check_new_output(None, out)
    check_not_overwriting(out, False)  # a key file is never replaced: it may be someone's only key
    identity = new_identity(args.name, args.org)
    data = identity_to_p12(identity, read_passphrase(args.passphrase_env, confirm=True))
    write_atomic(out, data, mode=0o600)
    cert_path = out.with_suffix(".cert.pem")
    if not os.path.lexists(cert_path):
        write_atomic(cert_path, identity.cert.public_bytes(Encoding.PEM))
    print(f"wrote the signing key of {printable(identity.name)} to {out} (keep it and its passphrase private)")
    print(f"certificate (to give to recipients): {cert_path}")
    print(f"SHA-256 fingerprint: {identity.fingerprint}")
    return EXIT_OK


def cmd_signoff_add(args: argparse.Namespace) -> int:
    from veu_assess.signing.keys import load_identity
    from veu_assess.signing.signoff import signed_sign_off
    from veu_assess.storage.integrity import IntegrityKind, integrity_state
    from veu_assess.storage.veua import open_document, save_document

    check_input_file(args.file)
    check_input_file(args.key)
    identity = load_identity(args.key, read_passphrase(args.passphrase_env))
    doc = open_document(args.file)
    state = integrity_state(doc)
    if state.kind is IntegrityKind.MODIFIED:
        raise InputError(f"{args.file.name} was {state}; open it in the app and check it before signing")
    signed_sign_off(doc, identity, ROLES[args.role], args.title, args.statement)
    save_document(doc, args.file)
    print(f"signed off {args.file.name} as {printable(identity.name)} ({args.role}); "
          f"certificate SHA-256 {identity.fingerprint}")
    return EXIT_OK


def cmd_signoff_export(args: argparse.Namespace) -> int:
    from cryptography.hazmat.primitives.serialization import Encoding

    from veu_assess.signing.cms import SignatureInvalid, check
    from veu_assess.signing.statement import statement_bytes
    from veu_assess.storage.files import write_atomic
    from veu_assess.storage.veua import open_document

    doc = open_document(args.file)
    signed = [(i, so) for i, so in enumerate(doc.review.signoffs) if so.signature]
    if not signed:
        raise InputError(f"{args.file.name} has no signed sign-offs")
    out: Path = args.output_dir
    if os.path.lexists(out) and not out.is_dir():
        raise InputError(f"{out}: is a file, not a folder")
    out.mkdir(parents=True, exist_ok=True)
    for i, so in signed:
        stem = out / f"signoff-{i + 1}"
        blob = base64.b64decode(so.signature or "")
        write_atomic(stem.with_suffix(".statement.json"), statement_bytes(so))
        write_atomic(stem.with_suffix(".p7s"), blob)
        try:  # the certificate, for -CAfile; a broken signature has none to write
            cert = check(statement_bytes(so), blob).cert
            write_atomic(stem.with_suffix(".cert.pem"), cert.public_bytes(Encoding.PEM))
        except SignatureInvalid:
            pass
        print(f"#{i + 1}: {stem}.statement.json, {stem}.p7s")
    print(f"check one with: openssl cms -verify -binary -inform DER -in {out}/signoff-N.p7s "
          f"-content {out}/signoff-N.statement.json -certfile {out}/signoff-N.cert.pem -noverify -out /dev/null")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from veu_assess.signing.trust import TrustList, load_trust_file, user_trust
    from veu_assess.signing.verify import verify_all
    from veu_assess.storage.integrity import integrity_state
    from veu_assess.storage.veua import open_document

    trust = TrustList() if args.no_user_trust else user_trust()
    for path in args.trust:
        trust = trust | load_trust_file(path)
    doc = open_document(args.file)
    verdicts = verify_all(doc, trust)
    print(f"{args.file.name}: {len(verdicts)} sign-off(s); file integrity: {integrity_state(doc)}")
    for v in verdicts:
        print(printable(v.line()))
    return EXIT_OK if all(v.ok for v in verdicts) else EXIT_FAILED
