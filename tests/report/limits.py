"""Assessments at the storage limits, built through the model's own API (so the files are valid).

Used by the layout tests and ``bench/bench_report.py``: every site, every module, every item
answered, every text field at its maximum length, many evidence references and verdicts.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from tests.report.helpers import attach_blobs, blob, evidence
from veu_assess.catalog.loader import Catalog
from veu_assess.engine.visibility import visible_items
from veu_assess.model.assessment import MAX_SHORT, MAX_TEXT, Answer, AnswerState, Site
from veu_assess.model.review import Review, SignOff, Verdict, VerdictState
from veu_assess.storage.document import Document, new_document

STATES = [AnswerState.MET, AnswerState.PARTIALLY_MET, AnswerState.NOT_MET, AnswerState.UNCERTAIN,
          AnswerState.NOT_APPLICABLE]


def text(n: int, seed: str = "Line of a long note: requirement REQ-01 checked; ") -> str:
    """``n`` characters of prose with a line break every few sentences (the worst for layout)."""
    unit = seed + "確認済み（詳細は別紙）。\n"
    return (unit * (n // len(unit) + 1))[:n]


def limits_doc(catalog: Catalog, *, sites: int = 200, long_answers: int = 110, long_verdicts: int = 170,
               cited: int = 10, distinct_evidence: int = 600, folder: Path | None = None) -> Document:
    """A file at the storage limits (each JSON part of a .veua holds at most 32 MiB, so the
    100,000-character fields fill it): ``sites`` sites with 1,000-character names and addresses,
    every module, every item answered with a 1,000-character owner and ``cited`` evidence
    references (of ``distinct_evidence`` files), the first ``long_answers`` answers with
    100,000-character justification and notes, ``long_verdicts`` verdicts with 100,000-character
    comments (the other items get short ones), and 100 sign-offs with 100,000-character statements.
    With ``folder``, the evidence files are real files written there (so the document can be
    saved); the bench saves and reopens it, which shows the app accepts it."""
    doc = new_document(catalog, today=dt.date(2026, 11, 28), title=text(MAX_SHORT, "Title "))
    doc.assessment.id = "11111111-2222-3333-4444-555555555555"
    p = doc.assessment.profile
    p.applicant_name = text(MAX_SHORT, "Applicant ")
    p.destination_country, p.parent_hq_country = "AE", "JP"
    p.sells_compute_to_third_parties, p.hosts_model_training, p.has_government_ownership = True, True, False
    p.modules = [m.id for m in catalog.header.modules]
    p.sites = [Site(id=f"site-{i:03d}", name=f"{i:03d} " + text(MAX_SHORT - 4, "Site "),
                    address=text(MAX_SHORT, "Address "), country="AE") for i in range(sites)]
    long = ascii_text(MAX_TEXT)
    names = [f"{n:04d}-" + "evidence-file-name-" * 9 + ".pdf" for n in range(distinct_evidence)]
    if folder is None:
        refs = [evidence(n, name) for n, name in enumerate(names)]
    else:
        refs = []
        for n, name in enumerate(names):
            (folder / name).write_bytes(blob(n))
            refs.append(doc.add_evidence_file(folder / name))
    its = visible_items(catalog, doc.assessment)
    for i, it in enumerate(its):
        body = long if i < long_answers else "Short note.\n" * 5
        doc.assessment.set_answer(it.requirement.id, Answer(
            state=STATES[i % len(STATES)], justification=body, notes=body, owner=text(MAX_SHORT, "Owner "),
            due=dt.date(2027, 3, 31), evidence=[refs[(i * cited + k) % distinct_evidence] for k in range(cited)]),
            it.site_id)
    review = Review()
    review.verdicts = {it.key: Verdict(state=VerdictState.NEEDS_INFO, comment=long if i < long_verdicts else "\n".join(
        f"REQ-{n:03d}" for n in range(75)), reviewer=text(MAX_SHORT), date=dt.date(2026, 11, 27))
        for i, it in enumerate(its)}
    digest = doc.digest()
    review.signoffs = [SignOff(name=text(MAX_SHORT, "Name "), organisation=text(MAX_SHORT, "Org "),
                               role=text(MAX_SHORT, "Role "), date=dt.date(2026, 11, 28), statement=long,
                               digest=digest) for _ in range(100)]
    doc.review = review
    return attach_blobs(doc) if folder is None else doc


def ascii_text(n: int, seed: int = 1) -> str:
    """``n`` characters of short lines of varied words (one byte each in the file, so the most
    characters fit; varied, so the file's compression ratio stays within the reader's limit)."""
    rng = random.Random(seed)
    words = ["requirement", "REQ-01", "checked", "policy", "site", "access", "log", "audit", "record",
             "attachment", "reviewed", "control", "evidence", "2026", "section", "4.2", "the", "and", "of"]
    out: list[str] = []
    size = 0
    while size < n:
        line = " ".join(rng.choice(words) + str(rng.randrange(1000)) for _ in range(rng.randrange(3, 12))) + "\n"
        out.append(line)
        size += len(line)
    return "".join(out)[:n]
