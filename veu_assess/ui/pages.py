"""The main window's pages for one session in one language: Profile, one page per section,
Review, Report, and the live summary beside the side list.

``build_pages`` makes them all at once; the window finds a page by name (``pages.review``), not
by its place in the stack. ``Pages`` is also the sequence the side list and the stack show, in
the order Back/Next walk them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

from veu_assess.catalog.loader import Catalog
from veu_assess.ui.profile_page import ProfilePage
from veu_assess.ui.readonly import make_read_only
from veu_assess.ui.report_page import ReportPage
from veu_assess.ui.review_page import ReviewPage, SummaryPanel
from veu_assess.ui.section_page import SectionPage
from veu_assess.ui.session import Session

Page = ProfilePage | SectionPage | ReviewPage | ReportPage


@dataclass(frozen=True, eq=False)
class Pages(Sequence[Page]):
    """The pages by name, and in order (profile, sections, review, report) as a sequence."""

    profile: ProfilePage
    sections: tuple[SectionPage, ...]
    review: ReviewPage
    report: ReportPage
    summary: SummaryPanel  # not a page: the score and level under the side list
    _order: tuple[Page, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_order", (self.profile, *self.sections, self.review, self.report))

    @overload
    def __getitem__(self, index: int) -> Page: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Page]: ...

    def __getitem__(self, index: int | slice) -> Page | Sequence[Page]:
        return self._order[index]

    def __len__(self) -> int:
        return len(self._order)

    def __iter__(self) -> Iterator[Page]:
        return iter(self._order)

    def section_holding(self, key: str) -> SectionPage | None:
        """The section page whose requirements include the answer ``key``."""
        for page in self.sections:
            if any(it.key == key for it in page.session.result.items if it.section.id == page.section.id):
                return page
        return None


def build_pages(session: Session, catalog: Catalog, lang: str) -> Pages:
    """Every page for ``session`` in ``lang``; in review mode the profile is read-only."""
    profile = ProfilePage(session, lang)
    if session.review_mode:
        make_read_only(profile)
    return Pages(
        profile=profile,
        sections=tuple(SectionPage(session, section, lang) for section in catalog.sections),
        review=ReviewPage(session, lang),
        report=ReportPage(session, lang),
        summary=SummaryPanel(session, lang),
    )
