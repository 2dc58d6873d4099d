"""Benchmark: a .veua with thousands of small evidence files (a site's badge logs, one per day).

Prints the median time to open, verify every blob and re-save a file with ``--entries`` evidence
entries, and the ratio of each to a floor measured in the same run: reading every entry once
through one ``zipfile.ZipFile`` (what any zip tool must do at least). A pass that rebuilt the
archive per entry grew with the square of the count (10 000 entries: over five minutes).

    /work/venv/bin/python bench/bench_many_entries.py [--entries 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from veu_assess.catalog.loader import default_catalog
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.storage import new_document, open_document, save_document
from veu_assess.storage.integrity import verify_evidence


def make_file(folder: Path, entries: int) -> Path:
    catalog = default_catalog()
    doc = new_document(catalog, today=dt.date(2026, 11, 28), title="bench")
    src = folder / "src"
    src.mkdir()
    refs = []
    for i in range(entries):
        path = src / f"log-{i:05d}.txt"
        path.write_bytes(f"badge log {i}\n".encode() * 20)
        refs.append(doc.add_evidence_file(path))
    rids = list(catalog.requirements)
    per = -(-entries // len(rids))  # spread over the requirements: an answer cites at most 1 000
    for n, rid in enumerate(rids):
        if refs[n * per:(n + 1) * per]:
            doc.assessment.set_answer(rid, Answer(state=AnswerState.MET, evidence=refs[n * per:(n + 1) * per]))
    target = folder / "many.veua"
    save_document(doc, target)
    return target


def median_time(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = make_file(folder, args.entries)

        def floor() -> None:
            with zipfile.ZipFile(path) as zf:
                for name in zf.namelist():
                    zf.read(name)

        doc = open_document(path)
        base = median_time(floor, args.runs)
        opened = median_time(lambda: open_document(path), args.runs)
        verified = median_time(lambda: verify_evidence(doc), args.runs)
        resaved = median_time(lambda: save_document(open_document(path), folder / "copy.veua"), args.runs)
        print(f"{args.entries:,} entries, {path.stat().st_size / 1e6:.1f} MB, median of {args.runs} runs")
        print(f"  floor (zipfile reads every entry once) {base:8.3f} s")
        for label, value in (("open", opened), ("verify every blob", verified), ("open + re-save", resaved)):
            print(f"  {label:<38}{value:8.3f} s  x{value / base:.1f}")


if __name__ == "__main__":
    main()
