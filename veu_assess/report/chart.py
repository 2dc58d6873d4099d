"""The section chart: readiness and completeness per section as paired horizontal bars.

Readiness (unanswered counts as not met) is coloured by the level thresholds; completeness (the
answered share) is a neutral bar under it, so a section with unanswered items can never look full.
Category labels are the section ids (short, never cut); the table beside the chart gives each full
name. A legend above the bars explains both bars and the dashed 60 % / 85 % threshold lines; it
wraps to the chart's width in either language.

Every string in the drawing names an embedded font explicitly: reportlab graphics default to
Helvetica, which would put a non-embedded font into the PDF.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from veu_assess.i18n_format import format_percent
from veu_assess.report.context import SectionInfo
from veu_assess.report.fonts import FontSet, has_cjk
from veu_assess.report.styles import BAD, GOOD, MUTED, RULE, WARN

PAIR_HEIGHT = 24  # one section: two bars and the gap after them
LABEL_WIDTH = 60.0
LEGEND_SIZE = 7.5
COMPLETENESS = colors.HexColor("#7a8fa6")
THRESHOLDS = (60, 85)


def _colour(score: float | None) -> colors.Color:
    if score is None:
        return RULE
    return GOOD if score >= THRESHOLDS[1] else WARN if score >= THRESHOLDS[0] else BAD


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of ``text`` no wider than ``width``: at spaces, or between any characters for CJK."""
    lines: list[str] = []
    current = ""
    tokens = list(text) if has_cjk(text) else text.split(" ")
    joiner = "" if has_cjk(text) else " "
    for tok in tokens:
        trial = tok if not current else current + joiner + tok
        if stringWidth(trial, font, size) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = tok.lstrip()
    if current:
        lines.append(current)
    return lines


def legend_lines(entries: list[str], font: str, width: float) -> list[tuple[int, str]]:
    """(entry index, line) for each legend line, wrapped to fit beside its swatch."""
    out: list[tuple[int, str]] = []
    for i, text in enumerate(entries):
        out += [(i, line) for line in wrap(text, font, LEGEND_SIZE, width - 16)]
    return out


def score_chart(sections: list[SectionInfo], fonts: FontSet, width: float, no_score: str,
                legend: tuple[str, str, str] = ("Readiness", "Completeness", "60 % / 85 %")) -> Drawing:
    """Paired bars for the sections in scope, with a legend; ``legend``: readiness, completeness
    and threshold texts in the report's language."""
    font = fonts.cjk if any(has_cjk(t) for t in legend) else fonts.body
    lines = legend_lines(list(legend), font, width)
    legend_height = 11 * len(lines) + 6
    chart_height = PAIR_HEIGHT * len(sections)
    d = Drawing(width, chart_height + 30 + legend_height, initialFontName=fonts.body)
    chart = HorizontalBarChart()
    chart.x, chart.y = LABEL_WIDTH, 18
    chart.width, chart.height = width - LABEL_WIDTH - 40, chart_height
    ordered = list(reversed(sections))  # categories are drawn bottom-up: first section on top
    # Series 0 is drawn lowest within a category: completeness under readiness.
    chart.data = [[s.completeness for s in ordered], [s.score if s.score is not None else 0.0 for s in ordered]]
    chart.categoryAxis.categoryNames = [s.id for s in ordered]
    chart.categoryAxis.labels.fontName = fonts.body
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = MUTED
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = fonts.body
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = MUTED
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.barWidth = PAIR_HEIGHT * 0.36
    chart.groupSpacing = PAIR_HEIGHT * 0.28
    chart.barSpacing = 0
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = COMPLETENESS
    for i, s in enumerate(ordered):
        chart.bars[(1, i)].fillColor = _colour(s.score)
    chart.barLabels.fontName = fonts.body  # no bar labels are drawn (values below), but never Helvetica
    d.add(chart)
    step = chart.height / max(len(ordered), 1)
    for i, s in enumerate(ordered):
        base = chart.y + step * i + chart.groupSpacing / 2
        for value, shown, y in ((s.completeness, format_percent(s.completeness, "en"), base),
                                (s.score or 0.0, no_score if s.score is None else format_percent(s.score, "en"),
                                 base + chart.barWidth)):
            x = chart.x + chart.width * value / 100 + 3
            d.add(String(x, y + chart.barWidth / 2 - 2.5, shown, fontName=fonts.body, fontSize=6.5,
                         fillColor=colors.black))
    for threshold in THRESHOLDS:
        x = chart.x + chart.width * threshold / 100
        d.add(Line(x, chart.y, x, chart.y + chart.height, strokeColor=MUTED, strokeDashArray=[2, 2],
                   strokeWidth=0.5))
    _draw_legend(d, lines, font, chart.y + chart.height + 12 + legend_height - 11)
    return d


def _draw_legend(d: Drawing, lines: list[tuple[int, str]], font: str, top: float) -> None:
    swatches: dict[int, tuple[colors.Color, bool]] = {0: (GOOD, False), 1: (COMPLETENESS, False), 2: (MUTED, True)}
    seen: set[int] = set()
    y = top
    for entry, line in lines:
        if entry not in seen:
            seen.add(entry)
            colour, dashed = swatches.get(entry, (MUTED, False))
            if dashed:
                d.add(Line(0, y + 3, 10, y + 3, strokeColor=colour, strokeDashArray=[2, 2], strokeWidth=0.8))
            else:
                d.add(Rect(0, y, 10, 6, fillColor=colour, strokeColor=None))
                if entry == 0:  # readiness takes the threshold colours: show all three
                    d.add(Rect(0, y, 3.3, 6, fillColor=BAD, strokeColor=None))
                    d.add(Rect(3.3, y, 3.4, 6, fillColor=WARN, strokeColor=None))
        d.add(String(16, y, line, fontName=font, fontSize=LEGEND_SIZE, fillColor=colors.black))
        y -= 11
