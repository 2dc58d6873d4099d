"""The .veua file: read, write, limits, hashes, autosave, recovery (no Qt)."""

from typing import TYPE_CHECKING

from veu_assess._lazy import lazy_exports

if TYPE_CHECKING:
    from veu_assess.storage.digest import content_digest
    from veu_assess.storage.document import Document, new_document
    from veu_assess.storage.errors import VeuaError
    from veu_assess.storage.veua import open_document, save_document

__all__ = ["Document", "VeuaError", "content_digest", "new_document", "open_document", "save_document"]

# Imported on first use: importing one module of the package must not load them all.
__getattr__ = lazy_exports(
    __name__,
    {
        "content_digest": "veu_assess.storage.digest",
        "Document": "veu_assess.storage.document",
        "new_document": "veu_assess.storage.document",
        "VeuaError": "veu_assess.storage.errors",
        "open_document": "veu_assess.storage.veua",
        "save_document": "veu_assess.storage.veua",
    },
)
