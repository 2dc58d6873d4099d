"""The questionnaire: pydantic schema of forms/ and its loader (no Qt)."""

from veu_assess.catalog.loader import Catalog, CatalogError, default_catalog, load_catalog

__all__ = ["Catalog", "CatalogError", "default_catalog", "load_catalog"]
