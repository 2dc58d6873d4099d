"""Signed sign-offs: sign -> valid; changed content, edited statements, swapped or expired
certificates, wrong key usage, garbage; trust; legacy files; the review schema step."""

from __future__ import annotations

import base64
import datetime as dt
import zipfile
from pathlib import Path

import pytest
from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs7

from tests.signing.keyfactory import SERVER_ONLY, make_cert
from veu_assess.catalog.loader import Catalog
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.model.review import REVIEW_SCHEMA_ITEMS, REVIEW_SCHEMA_UNSIGNED, SignOff, SignOffRole
from veu_assess.resources import sample_path
from veu_assess.signing.cms import check_signing_certificate, sign
from veu_assess.signing.errors import SigningError
from veu_assess.signing.keys import Identity, new_identity
from veu_assess.signing.signoff import signed_sign_off
from veu_assess.signing.statement import statement_bytes
from veu_assess.signing.trust import TrustList, load_trust_file, trust_from_fingerprints
from veu_assess.signing.verify import SignatureState, verify_all, verify_signoff
from veu_assess.storage.document import Document
from veu_assess.storage.errors import VeuaFormatError
from veu_assess.storage.veua import open_document, save_document


@pytest.fixture(scope="module")
def ann() -> Identity:
    return new_identity("Ann Auditor", "Example LLP")


@pytest.fixture
def doc() -> Document:
    return open_document(sample_path())


def _rid(catalog: Catalog) -> str:
    return next(r.id for _, r in catalog.iter_requirements())


def _replace_signature(doc: Document, index: int, blob: bytes) -> None:
    so = doc.review.signoffs[index]
    doc.review.signoffs = [*doc.review.signoffs[:index],
                           so.model_copy(update={"signature": base64.b64encode(blob).decode()}),
                           *doc.review.signoffs[index + 1:]]


def _raw_signature(identity: Identity, data: bytes) -> bytes:
    """A signature made directly with cryptography, without the app's checks on the certificate."""
    return pkcs7.PKCS7SignatureBuilder().set_data(data).add_signer(identity.cert, identity.key, hashes.SHA256()).sign(
        serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary])


def test_sign_then_verify_is_valid_but_unconfirmed(doc: Document, ann: Identity) -> None:
    so = signed_sign_off(doc, ann, "auditor", "Lead auditor", "Reviewed.")
    assert (so.name, so.organisation, so.catalog_version) == ("Ann Auditor", "Example LLP",
                                                              doc.assessment.catalog_version)
    assert doc.review.schema_version == REVIEW_SCHEMA_ITEMS
    assert so.item_digests and so.other_digest  # what it covered item by item is in the signed statement
    assert b'"item_digests":' in statement_bytes(so) and b"veua-signoff-statement-v2" in statement_bytes(so)
    v = verify_signoff(doc, 0)
    assert (v.state, v.matches, v.ok, v.fingerprint) == (SignatureState.UNCONFIRMED, True, True, ann.fingerprint)
    assert "valid, signer not confirmed: Ann Auditor (Example LLP), SHA-256 " + ann.fingerprint in v.line()


def test_trusted_fingerprint_and_certificate_file(doc: Document, ann: Identity, tmp_path: Path) -> None:
    signed_sign_off(doc, ann, "auditor")
    assert verify_signoff(doc, 0, trust_from_fingerprints([ann.fingerprint.lower().replace(":", "")])).state \
        is SignatureState.TRUSTED
    other = new_identity("Bob", "Elsewhere")
    assert verify_signoff(doc, 0, trust_from_fingerprints([other.fingerprint])).state is SignatureState.UNCONFIRMED
    pem = tmp_path / "ann.pem"
    pem.write_bytes(ann.cert.public_bytes(serialization.Encoding.PEM))
    assert verify_signoff(doc, 0, load_trust_file(pem)).state is SignatureState.TRUSTED
    listing = tmp_path / "trusted.txt"
    listing.write_text(f"# our auditors\nSHA256 Fingerprint={ann.fingerprint}\n")
    assert verify_signoff(doc, 0, load_trust_file(listing)).state is SignatureState.TRUSTED
    listing.write_text("not a fingerprint\n")
    with pytest.raises(SigningError, match="line 1"):
        load_trust_file(listing)


def test_a_fingerprint_list_starting_with_zero_is_not_taken_for_der(tmp_path: Path) -> None:
    # "0" is byte 0x30, the first byte of a DER certificate: a list whose first fingerprint begins
    # with 0 (one in sixteen) was refused as a broken certificate.
    listing = tmp_path / "trusted-signers.txt"
    for first in ("0" * 64, "0A" + "1" * 62, ":".join(["0F"] * 32)):
        listing.write_text(first + "\n")
        assert len(load_trust_file(listing).fingerprints) == 1
    der = tmp_path / "ann.der"
    der.write_bytes(new_identity("Ann", "X").cert.public_bytes(serialization.Encoding.DER))
    assert len(load_trust_file(der).fingerprints) == 1
    der.write_bytes(b"\x30\x82\x01\x00broken")
    with pytest.raises(SigningError, match="DER"):
        load_trust_file(der)


def test_trust_in_the_issuer_covers_certificates_it_issued(doc: Document) -> None:
    ca = make_cert("Example Audit CA", ca=True, key_usage="ca-only")
    auditor = make_cert("Ann Auditor", issuer=ca)
    signed_sign_off(doc, auditor, "auditor")
    v = verify_signoff(doc, 0, TrustList(frozenset({ca.fingerprint})))
    assert v.state is SignatureState.TRUSTED and v.chain == (ca.fingerprint,)


def test_changed_answer_keeps_the_signature_valid_but_says_content_changed(doc: Document, ann: Identity,
                                                                           catalog: Catalog) -> None:
    signed_sign_off(doc, ann, "auditor")
    doc.assessment.set_answer(_rid(catalog), Answer(state=AnswerState.NOT_MET, notes="changed"))
    v = verify_signoff(doc, 0)
    assert v.valid and not v.matches and not v.ok
    assert "content changed after sign-off" in v.line()


@pytest.mark.parametrize("field,value", [("statement", "Something else."), ("role", "Junior"),
                                         ("date", dt.date(2026, 1, 2)), ("digest", "0" * 64),
                                         ("catalog_version", "1999.1"), ("item_digests", {}),
                                         ("item_digests", {"REQ-X": "0" * 64}), ("other_digest", "0" * 64)])
def test_an_edited_statement_is_invalid(doc: Document, ann: Identity, field: str, value: object) -> None:
    signed_sign_off(doc, ann, "auditor", statement="Reviewed.")
    doc.review.signoffs = [doc.review.signoffs[0].model_copy(update={field: value})]
    v = verify_signoff(doc, 0)
    assert v.state is SignatureState.INVALID and not v.ok
    assert "other bytes" in v.reason or "date is outside" in v.reason


def test_item_digests_cannot_be_stripped_from_or_added_to_a_signed_sign_off(doc: Document, ann: Identity,
                                                                            catalog: Catalog) -> None:
    doc.assessment.set_answer(_rid(catalog), Answer(state=AnswerState.MET))
    signed_sign_off(doc, ann, "auditor", statement="Reviewed.")
    stripped = doc.review.signoffs[0].model_copy(update={"item_digests": None, "other_digest": None})
    doc.review.signoffs = [stripped]  # looks like a sign-off of an earlier app, with the same signature
    assert verify_signoff(doc, 0).state is SignatureState.INVALID
    # A sign-off signed as issue 21's app did (statement v1, no items) still verifies ...
    legacy = stripped.model_copy(update={"signature": None})
    blob = sign(ann, statement_bytes(legacy))
    assert b"veua-signoff-statement-v1" in statement_bytes(legacy)
    doc.review.signoffs = [legacy.model_copy(update={"signature": base64.b64encode(blob).decode()})]
    assert verify_signoff(doc, 0).state is SignatureState.UNCONFIRMED
    # ... and item digests added to it afterwards break it.
    doc.review.signoffs = [doc.review.signoffs[0].model_copy(update={"item_digests": {}, "other_digest": "0" * 64})]
    assert verify_signoff(doc, 0).state is SignatureState.INVALID


def test_a_swapped_certificate_is_invalid(doc: Document, ann: Identity) -> None:
    signed_sign_off(doc, ann, "auditor")
    # Same subject, issuer and serial number, another key: the certificate looks like Ann's.
    impostor = make_cert("Ann Auditor", serial=ann.cert.serial_number, issuer_name=ann.cert.issuer)
    info = cms.ContentInfo.load(base64.b64decode(doc.review.signoffs[0].signature or ""))
    info["content"]["certificates"] = [asn1_x509.Certificate.load(
        impostor.cert.public_bytes(serialization.Encoding.DER))]
    _replace_signature(doc, 0, info.dump(force=True))
    v = verify_signoff(doc, 0)
    assert v.state is SignatureState.INVALID and "key" in v.reason


def test_another_persons_key_cannot_sign_in_ann_s_name(doc: Document, ann: Identity) -> None:
    signed_sign_off(doc, ann, "auditor")
    mallory = new_identity("Mallory", "Example LLP")
    so = doc.review.signoffs[0]
    _replace_signature(doc, 0, _raw_signature(mallory, statement_bytes(so)))
    v = verify_signoff(doc, 0)
    assert v.state is SignatureState.INVALID and "name recorded" in v.reason and v.signer.startswith("Mallory")


def test_a_certificate_expired_at_signing_is_invalid(doc: Document) -> None:
    old = make_cert(not_before=dt.datetime(2020, 1, 1, tzinfo=dt.UTC), not_after=dt.datetime(2021, 1, 1, tzinfo=dt.UTC))
    with pytest.raises(SigningError, match="expired"):
        signed_sign_off(doc, old, "auditor")
    assert doc.review.signoffs == []  # refused: nothing appended
    fresh = make_cert()
    signed_sign_off(doc, fresh, "auditor")
    so = doc.review.signoffs[0]
    _replace_signature(doc, 0, _raw_signature(old, statement_bytes(so)))
    v = verify_signoff(doc, 0)
    assert v.state is SignatureState.INVALID and "expired at signing" in v.reason


@pytest.mark.parametrize("kwargs,reason", [({"eku": SERVER_ONLY}, "extended key usage"),
                                           ({"key_usage": "ca-only", "ca": True}, "key usage")])
def test_wrong_key_usage_is_invalid(doc: Document, kwargs: dict[str, object], reason: str) -> None:
    tls = make_cert(**kwargs)  # type: ignore[arg-type]
    with pytest.raises(SigningError, match=reason):
        signed_sign_off(doc, tls, "auditor")
    signed_sign_off(doc, make_cert(), "auditor")
    _replace_signature(doc, 0, _raw_signature(tls, statement_bytes(doc.review.signoffs[0])))
    v = verify_signoff(doc, 0)
    assert v.state is SignatureState.INVALID and reason in v.reason


@pytest.mark.parametrize("blob", [b"garbage", b"\x30\x03\x02\x01\x01", b"\x30" + b"\xff" * 40, b""])
def test_a_garbage_signature_is_invalid(doc: Document, ann: Identity, blob: bytes) -> None:
    signed_sign_off(doc, ann, "auditor")
    if blob:
        _replace_signature(doc, 0, blob)
    else:
        doc.review.signoffs = [doc.review.signoffs[0].model_copy(update={"signature": "!!!not base64"})]
    v = verify_signoff(doc, 0)
    assert v.state is SignatureState.INVALID and v.reason


def _legacy_sign_off(doc: Document, name: str, organisation: str, statement: str = "") -> SignOff:
    """A sign-off as apps before review schema 3 made it: the content digest only, unsigned."""
    so = SignOff(name=name, organisation=organisation, kind=SignOffRole.OPERATOR_OFFICER, date=dt.date(2026, 11, 2),
                 statement=statement, digest=doc.digest())
    doc.review.signoffs = [*doc.review.signoffs, so]
    return so


def test_a_legacy_signoff_is_unsigned_and_verifies(doc: Document, tmp_path: Path) -> None:
    _legacy_sign_off(doc, "Hanako Sato", "Example KK")
    path = tmp_path / "legacy.veua"
    save_document(doc, path)
    with zipfile.ZipFile(path) as zf:
        assert b'"schema_version":1' in zf.read("review.json")  # unsigned reviews stay at version 1
    reopened = open_document(path)
    [v] = verify_all(reopened)
    assert (v.state, v.ok, v.label()) == (SignatureState.UNSIGNED, True, "unsigned (legacy)")


def test_signing_migrates_the_review_one_step_and_keeps_everything(doc: Document, ann: Identity,
                                                                    tmp_path: Path) -> None:
    legacy = _legacy_sign_off(doc, "Hanako Sato", "Example KK", statement="Complete.")
    path = tmp_path / "a.veua"
    save_document(doc, path)
    doc = open_document(path)
    assert doc.review.schema_version == REVIEW_SCHEMA_UNSIGNED
    signed_sign_off(doc, ann, "auditor", statement="Reviewed.")
    save_document(doc, path)
    again = open_document(path)
    assert again.review.schema_version == REVIEW_SCHEMA_ITEMS
    assert again.review.signoffs[0] == legacy and again.review.signoffs[0].item_digests is None
    assert again.source is not None and not again.source.problems
    assert [v.state for v in verify_all(again)] == [SignatureState.UNSIGNED, SignatureState.UNCONFIRMED]


def _rewrite_review(path: Path, target: Path, text: bytes) -> None:
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, text if info.filename == "review.json" else src.read(info))


def test_review_versions_and_signature_sizes_are_checked_on_open(doc: Document, ann: Identity,
                                                                 tmp_path: Path) -> None:
    signed_sign_off(doc, ann, "auditor")
    path = tmp_path / "s.veua"
    save_document(doc, path)
    raw = zipfile.ZipFile(path).read("review.json")
    for name, text, message in [
        ("v1.veua", raw.replace(b'"schema_version":3', b'"schema_version":1'), "need review schema version 2"),
        ("v2.veua", raw.replace(b'"schema_version":3', b'"schema_version":2'), "need review schema version 3"),
        ("v4.veua", raw.replace(b'"schema_version":3', b'"schema_version":4'), "newer app"),
        ("huge.veua", raw.replace(b'"signature":"', b'"signature":"' + b"A" * 70_000), "at most 65536"),
    ]:
        _rewrite_review(path, tmp_path / name, text)
        with pytest.raises(VeuaFormatError, match=message):
            open_document(tmp_path / name)


def test_the_statement_is_canonical_and_names_what_it_covers(doc: Document, ann: Identity) -> None:
    so = signed_sign_off(doc, ann, "auditor", "Lead", "Line one\nline two «ü»")
    data = statement_bytes(so)
    assert data == statement_bytes(SignOff.model_validate(so.model_dump(mode="json")))
    for part in (f"sha256:{so.digest}", '"signer_name":"Ann Auditor"', '"kind":"auditor"',
                 '"catalog_version":"' + so.catalog_version, "line two «ü»".replace("\n", "\\n"), "covers"):
        assert part.encode() in data


def test_a_certificate_not_yet_valid_cannot_sign() -> None:
    future = make_cert(not_before=dt.datetime.now(dt.UTC) + dt.timedelta(days=3))
    with pytest.raises(Exception, match="not yet valid"):
        check_signing_certificate(future.cert, dt.datetime.now(dt.UTC))
