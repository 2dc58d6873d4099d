"""Benchmark: opening a .veua with 500 MB of evidence must be fast and must not read the evidence.

Prints the median open time over several runs, the peak Python memory during one open
(tracemalloc), and ratios to floors measured in the same run: ``zipfile.ZipFile`` alone on the same
file, and ``open_document`` on a tiny file. Also prints (for information) a re-save, which copies
the evidence raw, and a full evidence verification, which hashes it all.

    /work/venv/bin/python bench/bench_open_large.py [--mb 500] [--runs 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

from veu_assess.catalog.loader import default_catalog
from veu_assess.model.assessment import Answer, AnswerState
from veu_assess.storage import new_document, open_document, save_document
from veu_assess.storage.integrity import verify_evidence


def make_file(folder: Path, total_mb: int, parts: int, name: str) -> Path:
    catalog = default_catalog()
    doc = new_document(catalog, today=dt.date(2026, 11, 28), title="bench")
    rids = list(catalog.requirements)
    rng = random.Random(1)
    for i in range(parts):
        path = folder / f"{name}-{i}.bin"
        block = rng.randbytes(1 << 20)
        with path.open("wb") as fh:
            for _ in range(max(total_mb // parts, 0)):
                fh.write(block)
            fh.write(bytes([i]))  # distinct content per part
        ref = doc.add_evidence_file(path)
        doc.assessment.set_answer(rids[i % len(rids)], Answer(state=AnswerState.MET, evidence=[ref]))
    target = folder / f"{name}.veua"
    save_document(doc, target)
    for i in range(parts):
        (folder / f"{name}-{i}.bin").unlink()
    return target


def median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def zip_only(path: Path) -> None:
    with zipfile.ZipFile(path) as zf:
        zf.infolist()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=500)
    parser.add_argument("--parts", type=int, default=5)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="veua-bench-") as tmp:
        folder = Path(tmp)
        big = make_file(folder, args.mb, args.parts, "big")
        tiny = make_file(folder, 0, 1, "tiny")
        size_mb = big.stat().st_size / 1e6
        open_document(big)  # warm the page cache and imports alike for every measurement
        t_open = median_time(lambda: open_document(big), args.runs)
        t_zip = median_time(lambda: zip_only(big), args.runs)
        t_tiny = median_time(lambda: open_document(tiny), args.runs)
        tracemalloc.start()
        doc = open_document(big)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        start = time.perf_counter()
        save_document(doc, folder / "copy.veua")
        t_save = time.perf_counter() - start
        start = time.perf_counter()
        problems = verify_evidence(doc)
        t_verify = time.perf_counter() - start
    print(f"file: {size_mb:,.0f} MB ({args.parts} evidence blobs), {args.runs} runs each")
    print(f"open_document (large):  median {t_open * 1000:8.2f} ms")
    print(f"zipfile.ZipFile floor:  median {t_zip * 1000:8.2f} ms   ratio open/zipfile = {t_open / t_zip:6.1f}")
    print(f"open_document (tiny):   median {t_tiny * 1000:8.2f} ms   ratio large/tiny   = {t_open / t_tiny:6.2f}")
    print(f"peak Python memory during one open: {peak / 1e6:.2f} MB "
          f"({peak / (size_mb * 1e6):.5f} of the file size)")
    print(f"re-save (raw copy of evidence): {t_save:.2f} s; verify_evidence (hash all): {t_verify:.2f} s, "
          f"{len(problems)} problems")


if __name__ == "__main__":
    main()
