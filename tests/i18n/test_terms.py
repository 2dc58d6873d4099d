"""One Japanese name per concept across the interface (.ts), the questionnaire (forms/) and the
report's labels: a reader who sees "発展モジュール" on one page and "ストレッチモジュール" on the
next takes them for two things."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent

# concept: (the name used, variants that must not appear)
TERMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "stretch module (Jan 2025 rules)": ("発展", ("ストレッチ",)),
    "evidence": ("証跡", ("証拠", "エビデンス")),
    "accelerator": ("アクセラレータ", ("アクセラレーター",)),
    "reviewer (the auditor's identity)": ("レビュー担当者", ("レビュアー", "レビューア")),
}


def _japanese_texts() -> dict[str, str]:
    """Every Japanese text a user reads, by file: .ts translations, forms/, report labels."""
    texts: dict[str, str] = {}
    ts = REPO / "veu_assess" / "translations" / "veu_assess_ja.ts"
    texts[ts.name] = "\n".join(re.findall(r"<translation[^>]*>(.*?)</translation>", ts.read_text("utf-8"), re.S))
    for path in sorted((REPO / "forms").rglob("*.yaml")) + sorted((REPO / "templates").rglob("ja/*.yaml")):
        texts[str(path.relative_to(REPO))] = path.read_text("utf-8")
    return texts


def _variants_found(concept: str, texts: dict[str, str]) -> list[tuple[str, str]]:
    _used, variants = TERMS[concept]
    return [(name, variant) for name, text in texts.items() for variant in variants if variant in text]


@pytest.mark.parametrize("concept", sorted(TERMS))
def test_one_japanese_name_per_concept(concept: str) -> None:
    used = TERMS[concept][0]
    texts = _japanese_texts()
    assert any(used in text for text in texts.values()), f"{used} not found: the scan reads nothing"
    assert _variants_found(concept, texts) == [], f"{concept}: write {used}"


def test_the_check_finds_a_known_inconsistent_pair() -> None:
    """The review page said ストレッチモジュール where forms and the report say 発展モジュール."""
    texts = {"veu_assess_ja.ts": "ストレッチモジュール（別途採点）", "forms/modules.yaml": "発展：2025 年 1 月の規則"}
    assert _variants_found("stretch module (Jan 2025 rules)", texts) == [("veu_assess_ja.ts", "ストレッチ")]
