"""The .veua file: read, write, limits, hashes, autosave, recovery (no Qt)."""

from veu_assess.storage.digest import content_digest
from veu_assess.storage.document import Document, new_document
from veu_assess.storage.errors import VeuaError
from veu_assess.storage.veua import open_document, save_document

__all__ = ["Document", "VeuaError", "content_digest", "new_document", "open_document", "save_document"]
