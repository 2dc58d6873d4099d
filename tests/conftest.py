"""Test setup shared by every test: Qt runs offscreen, helpers build assessments."""

from __future__ import annotations

import os

# Without a display Qt aborts; the tests never need one.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
# The catalog cache (catalog/cache.py) of the tests' own, never the user's ~/.cache.
if "VEU_ASSESS_CACHE_DIR" not in os.environ:
    import tempfile

    os.environ["VEU_ASSESS_CACHE_DIR"] = tempfile.mkdtemp(prefix="veu-test-cache-")

import datetime as dt
from pathlib import Path

import pytest

from veu_assess.catalog.loader import Catalog, default_catalog
from veu_assess.storage.document import Document, new_document

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return default_catalog()


@pytest.fixture
def document(catalog: Catalog) -> Document:
    """A blank assessment dated 28 November 2026 (fixed so outputs are comparable)."""
    return new_document(catalog, today=dt.date(2026, 11, 28), title="Test assessment")
