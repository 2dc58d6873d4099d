"""The questionnaire: pydantic schema of forms/ and its loader (no Qt)."""

from typing import TYPE_CHECKING

from veu_assess._lazy import lazy_exports

if TYPE_CHECKING:
    from veu_assess.catalog.loader import Catalog, CatalogError, default_catalog, load_catalog

__all__ = ["Catalog", "CatalogError", "default_catalog", "load_catalog"]

# Imported on first use: importing one module of the package must not load them all.
__getattr__ = lazy_exports(
    __name__,
    {
        "Catalog": "veu_assess.catalog.loader",
        "CatalogError": "veu_assess.catalog.loader",
        "default_catalog": "veu_assess.catalog.loader",
        "load_catalog": "veu_assess.catalog.loader",
    },
)
