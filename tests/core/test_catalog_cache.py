"""The catalog cache (catalog/cache.py): a hit gives the same catalog as a full load; a cache
that is corrupt, truncated, of another key or of another type is never trusted; a change to the
forms is seen; a cache that cannot be written costs time, not function."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from veu_assess.catalog import cache, loader, routes
from veu_assess.resources import forms_dir


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("VEU_ASSESS_CACHE_DIR", str(folder))
    return folder


def _no_full_load(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(_folder: Path | None = None) -> loader.Catalog:
        raise AssertionError("a full load of forms/ where the cache should have served")

    monkeypatch.setattr(loader, "load_catalog", fail)


def test_a_hit_is_the_same_catalog_as_a_full_load(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    full = loader.load_catalog()
    first = cache.cached_catalog(forms_dir())  # a miss: loads and writes the cache
    assert first == full and (cache_dir / cache.CACHE_NAME).is_file()
    _no_full_load(monkeypatch)
    second = cache.cached_catalog(forms_dir())
    assert second == full and second is not first
    assert [s.id for s in second.sections] == [s.id for s in full.sections]
    assert list(cache_dir.iterdir()) == [cache_dir / cache.CACHE_NAME]  # no temporary file left


def _damage(data: bytes, how: str) -> bytes:
    head = len(cache.MAGIC)
    if how == "flipped payload byte":
        i = len(data) - 100
        return data[:i] + bytes([data[i] ^ 0xFF]) + data[i + 1 :]
    if how == "truncated":
        return data[: len(data) // 2]
    if how == "empty":
        return b""
    if how == "garbage":
        return b"\x80\x05garbage" * 50
    if how == "other key":
        return data[:head] + bytes(32) + data[head + 32 :]
    if how == "other magic":
        return b"X" + data[1:]
    raise AssertionError(how)


@pytest.mark.parametrize("how", ["flipped payload byte", "truncated", "empty", "garbage", "other key", "other magic"])
def test_a_damaged_cache_is_never_trusted_and_is_rebuilt(cache_dir: Path, how: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    full = cache.cached_catalog(forms_dir())
    path = cache_dir / cache.CACHE_NAME
    path.write_bytes(_damage(path.read_bytes(), how))
    loads = []
    real = loader.load_catalog
    monkeypatch.setattr(loader, "load_catalog", lambda folder=None: loads.append(folder) or real(folder))
    assert cache.cached_catalog(forms_dir()) == full
    assert len(loads) == 1  # a full load, not the damaged data
    assert cache.read_cache(path, cache.cache_key(forms_dir()), loader.Catalog) == full  # and a good cache again


def test_an_intact_pickle_of_something_else_is_not_taken_for_a_catalog(cache_dir: Path) -> None:
    key = cache.cache_key(forms_dir())
    path = cache_dir / cache.CACHE_NAME
    cache.write_cache(path, key, pickle.loads(pickle.dumps(loader.load_catalog())))
    payload = pickle.dumps({"not": "a catalog"})
    import hashlib

    path.write_bytes(cache.MAGIC + key + hashlib.sha256(payload).digest() + payload)
    assert cache.read_cache(path, key, loader.Catalog) is None


def test_a_change_to_the_forms_is_seen(tmp_path: Path, cache_dir: Path) -> None:
    forms = tmp_path / "forms"
    shutil.copytree(forms_dir(), forms)
    before = cache.cached_catalog(forms)
    header = forms / "catalog.yaml"
    text = header.read_text(encoding="utf-8")
    assert f"version: {before.version}" in text or f'version: "{before.version}"' in text
    header.write_text(text.replace(before.version, "9999.1.1", 1), encoding="utf-8")
    after = cache.cached_catalog(forms)
    assert after.version == "9999.1.1" and before.version != "9999.1.1"


def test_a_cache_that_cannot_be_written_costs_time_not_function(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("VEU_ASSESS_CACHE_DIR", str(blocker / "cache"))
    assert cache.cached_catalog(forms_dir()) == loader.load_catalog()


def test_an_unreadable_form_is_reported_by_the_full_load(tmp_path: Path, cache_dir: Path) -> None:
    forms = tmp_path / "forms"
    shutil.copytree(forms_dir(), forms)
    (forms / "catalog.yaml").unlink()
    with pytest.raises(loader.CatalogError, match=r"catalog\.yaml"):
        cache.cached_catalog(forms)


@pytest.mark.parametrize("edit", ["catalog.yaml", "sources.yaml", "sections/01-eligibility.yaml", "new.yaml"])
def test_the_key_covers_every_form_file(tmp_path: Path, edit: str) -> None:
    forms = tmp_path / "forms"
    shutil.copytree(forms_dir(), forms)
    before = cache.cache_key(forms)
    path = forms / edit
    path.write_bytes((path.read_bytes() if path.exists() else b"") + b"\n# edited\n")
    assert cache.cache_key(forms) != before


def test_routes_are_served_from_the_cache_and_never_from_a_damaged_one(cache_dir: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    full = routes.load_routes()
    assert cache.cached_routes(forms_dir()) == full  # a miss: read, validated and cached
    path = cache_dir / cache.ROUTES_CACHE_NAME
    assert path.is_file()
    reads: list[Path | None] = []
    real = routes.load_routes
    monkeypatch.setattr(routes, "load_routes", lambda folder=None: reads.append(folder) or real(folder))
    assert cache.cached_routes(forms_dir()) == full and reads == []  # a hit
    path.write_bytes(_damage(path.read_bytes(), "flipped payload byte"))
    assert cache.cached_routes(forms_dir()) == full and len(reads) == 1  # damaged: read again
    # A valid catalog pickle under the routes' name is not taken for routes (nor the other way).
    key = cache.cache_key(forms_dir())
    cache.write_cache(path, key, loader.load_catalog())
    assert cache.read_cache(path, key, routes.RoutesFile) is None
    cache.write_cache(cache_dir / cache.CACHE_NAME, key, full)
    assert cache.read_cache(cache_dir / cache.CACHE_NAME, key, loader.Catalog) is None


def test_a_change_to_routes_yaml_is_seen(tmp_path: Path, cache_dir: Path) -> None:
    forms = tmp_path / "forms"
    shutil.copytree(forms_dir(), forms)
    before = cache.cached_routes(forms)
    path = forms / "routes.yaml"
    first = before.rules[0].citation
    text = path.read_text(encoding="utf-8")
    assert first in text
    path.write_text(text.replace(first, "EDITED CITATION", 1), encoding="utf-8")
    assert cache.cached_routes(forms).rules[0].citation == "EDITED CITATION"


def test_a_data_file_is_cached_by_its_bytes_and_never_from_a_damaged_cache(tmp_path: Path, cache_dir: Path) -> None:
    path = tmp_path / "labels.yaml"
    path.write_text("a: one\n", encoding="utf-8")
    reads: list[Path] = []

    def read(p: Path) -> dict[str, str]:
        reads.append(p)
        import yaml

        return dict(yaml.safe_load(p.read_text(encoding="utf-8")))

    assert cache.cached_file(path, "t.pickle", dict, read) == {"a": "one"} and len(reads) == 1
    assert cache.cached_file(path, "t.pickle", dict, read) == {"a": "one"} and len(reads) == 1  # a hit
    path.write_text("a: two\n", encoding="utf-8")  # an edit: other bytes, another key
    assert cache.cached_file(path, "t.pickle", dict, read) == {"a": "two"} and len(reads) == 2
    where = cache_dir / "t.pickle"
    where.write_bytes(_damage(where.read_bytes(), "truncated"))
    assert cache.cached_file(path, "t.pickle", dict, read) == {"a": "two"} and len(reads) == 3
    # Something other than the expected kind under the right key is not taken.
    cache.write_cache(where, cache.file_key(path), ["a", "list"])
    assert cache.cached_file(path, "t.pickle", dict, read) == {"a": "two"} and len(reads) == 4


def test_the_labels_from_the_cache_are_the_files_labels(cache_dir: Path) -> None:
    from veu_assess.text import labels as labels_module

    for lang in ("en", "ja"):
        labels_module.labels.cache_clear()
        first = labels_module.labels(lang)
        labels_module.labels.cache_clear()
        second = labels_module.labels(lang)  # from the cache now
        assert (cache_dir / f"labels-{lang}.pickle").is_file()
        assert second.keys() == first.keys() and all(second[k] == first[k] for k in first.keys())
        assert first.keys() == list(labels_module._read_labels(first_path(lang)))
    labels_module.labels.cache_clear()


def first_path(lang: str) -> Path:
    from veu_assess.resources import templates_dir

    return templates_dir() / "report" / lang / "labels.yaml"


def test_a_rebuilt_bundle_of_the_same_version_never_reads_the_old_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A frozen bundle has no schema sources to hash: its executable stands in for them, so a
    rebuild (other classes, same version number) misses the cache instead of unpickling objects
    of the old shape."""
    assert cache.bundle_identity() == b""  # outside a bundle the sources are in the key
    executable = tmp_path / "veu-assess"
    executable.write_bytes(b"build 1")
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys.executable", str(executable))
    first = cache.cache_key(forms_dir())
    assert cache.cache_key(forms_dir()) == first  # the same build: the same key, the cache is used
    executable.write_bytes(b"build 2, same version")
    assert cache.cache_key(forms_dir()) != first
    monkeypatch.setattr("sys.executable", str(tmp_path / "gone"))
    assert cache.cache_key(forms_dir()) != cache.cache_key(forms_dir())  # unknown build: never a hit
