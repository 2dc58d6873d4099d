"""Signatures an auditor can stand behind (no Qt): signer identities from PKCS #12 files, CMS
(PKCS #7) detached signatures over a canonical sign-off statement, their verification with a
trust setting, and PAdES signatures on the PDF report.

All cryptography comes from the ``cryptography`` package (keys, certificates, CMS signing) and
pyHanko (CMS signature integrity, PDF signing). Both are imported only by the functions that
need them, so opening the app or ``veu-assess --version`` never pays for them.
"""

from veu_assess.signing.errors import SigningError

__all__ = ["SigningError"]
