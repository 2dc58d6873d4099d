"""The main window's pages for one session in one language: Profile, one page per section,
Review, Report, and the live summary beside the side list.

``build_pages`` makes what the first window shows: the Profile page (the first page), the
section pages (empty shells that fill when first shown) and the summary. The Review and Report
pages are made later (issue 22: the window shows sooner): when first asked for (``pages.review``,
a visit, iterating the pages), or one at a time by ``build_next`` once the window is on screen.
Either way a page exists whenever code asks for it; ``built`` says which exist so far without
making one. The window finds a page by name (``pages.review``), not by its place in the stack.
``Pages`` is also the sequence the side list and the stack show, in the order Back/Next walk them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias, overload

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from veu_assess.catalog.loader import Catalog
from veu_assess.ui.profile_page import ProfilePage
from veu_assess.ui.readonly import make_read_only
from veu_assess.ui.section_page import SectionPage
from veu_assess.ui.session import Session
from veu_assess.ui.summary_panel import SummaryPanel

if TYPE_CHECKING:
    from veu_assess.ui.report_page import ReportPage
    from veu_assess.ui.review_page import ReviewPage

Page: TypeAlias = "ProfilePage | SectionPage | ReviewPage | ReportPage"


def _make_review(session: Session, lang: str, parent: QWidget | None) -> ReviewPage:
    from veu_assess.ui.review_page import ReviewPage  # its module (tables, sign-off list) too

    return ReviewPage(session, lang, parent)


def _make_report(session: Session, lang: str, parent: QWidget | None) -> ReportPage:
    from veu_assess.ui.report_page import ReportPage

    return ReportPage(session, lang, parent)


class Pages(Sequence[Page]):
    """The pages by name, and in order (profile, sections, review, report) as a sequence.

    ``on_built(row, page)`` is told of each page made after construction, so the navigator can
    put it in the stack at its row.
    """

    def __init__(self, session: Session, lang: str, profile: ProfilePage, sections: tuple[SectionPage, ...],
                 summary: SummaryPanel) -> None:
        self.session, self.lang = session, lang
        self.profile, self.sections = profile, sections
        self.summary = summary  # not a page: the score and level under the side list
        self.on_built: Callable[[int, Page], None] = lambda _row, _page: None
        # Made inside the window's page stack: a page made as a window of its own (no parent)
        # and moved in afterwards took the activation from the main window (offscreen, the
        # keyboard tests lost the focus).
        self.parent: QWidget | None = None
        self._review: ReviewPage | None = None
        self._report: ReportPage | None = None

    # --- the pages made later --------------------------------------------------------------
    @property
    def review(self) -> ReviewPage:
        if self._review is None:
            self._review = _make_review(self.session, self.lang, self.parent)
            self.on_built(len(self.sections) + 1, self._review)
        return self._review

    @property
    def report(self) -> ReportPage:
        if self._report is None:
            self._report = _make_report(self.session, self.lang, self.parent)
            self.on_built(len(self.sections) + 2, self._report)
        return self._report

    def built_review(self) -> ReviewPage | None:
        """The Review page if it was made already (refreshing a page nobody made is no work)."""
        return self._review

    def build_next(self) -> bool:
        """Make one page not made yet (Review, then Report); False when every page exists."""
        if self._review is None:
            _ = self.review
            return True
        if self._report is None:
            _ = self.report
            return True
        return False

    def all_built(self) -> bool:
        return self._review is not None and self._report is not None

    def built(self) -> list[QWidget | None]:
        """Each row's page, or None where the page is not made yet (nothing is made here)."""
        return [self.profile, *self.sections, self._review, self._report]

    def title(self, row: int) -> str:
        """The side-list title of the page at ``row``, without making the page."""
        page = self.built()[row]
        if page is not None:
            return str(page.page_title())  # type: ignore[attr-defined]
        # The pages' own translation contexts (``self.tr`` in ReviewPage and ReportPage).
        if row == len(self.sections) + 1:
            return QCoreApplication.translate("ReviewPage", "Review")
        return QCoreApplication.translate("ReportPage", "Report")

    def is_section(self, row: int) -> bool:
        return 1 <= row <= len(self.sections)

    # --- the sequence ------------------------------------------------------------------------
    def _order(self) -> tuple[Page, ...]:
        return (self.profile, *self.sections, self.review, self.report)

    @overload
    def __getitem__(self, index: int) -> Page: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Page]: ...

    def __getitem__(self, index: int | slice) -> Page | Sequence[Page]:
        if isinstance(index, int):
            rows = len(self)
            row = index + rows if index < 0 else index
            if not 0 <= row < rows:
                raise IndexError(index)
            if row == rows - 2:
                return self.review
            if row == rows - 1:
                return self.report
            return self.profile if row == 0 else self.sections[row - 1]
        return self._order()[index]

    def __len__(self) -> int:
        return len(self.sections) + 3

    def __iter__(self) -> Iterator[Page]:
        return iter(self._order())

    def index(self, value: Any, start: int = 0, stop: int | None = None) -> int:
        """The row of a page (made pages only are compared: finding one makes none)."""
        for row, page in enumerate(self.built()):
            if page is not None and page is value and row >= start and (stop is None or row < stop):
                return row
        raise ValueError("not one of these pages")

    def section_holding(self, key: str) -> SectionPage | None:
        """The section page whose requirements include the answer ``key``."""
        for page in self.sections:
            if any(it.key == key for it in page.session.result.items if it.section.id == page.section.id):
                return page
        return None


def build_pages(session: Session, catalog: Catalog, lang: str) -> Pages:
    """The pages the first window needs for ``session`` in ``lang`` (the rest: ``Pages``)."""
    profile = ProfilePage(session, lang)
    if session.review_mode:
        make_read_only(profile)
    return Pages(
        session,
        lang,
        profile=profile,
        sections=tuple(SectionPage(session, section, lang) for section in catalog.sections),
        summary=SummaryPanel(session, lang),
    )
