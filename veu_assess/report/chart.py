"""The section-score chart: a horizontal bar chart drawn with reportlab graphics.

Every string in the drawing names an embedded font explicitly: reportlab graphics default to
Helvetica, which would put a non-embedded font into the PDF.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors

from veu_assess.i18n_format import format_percent
from veu_assess.report.context import SectionInfo
from veu_assess.report.fonts import FontSet, has_cjk
from veu_assess.report.layout import fit
from veu_assess.report.styles import BAD, GOOD, MUTED, RULE, WARN

BAR_HEIGHT = 20


def _colour(score: float | None) -> colors.Color:
    if score is None:
        return RULE
    return GOOD if score >= 85 else WARN if score >= 60 else BAD


def score_chart(sections: list[SectionInfo], fonts: FontSet, width: float, no_score: str) -> Drawing:
    """Bars for the sections in scope; 85% and 60% guide lines mark the level thresholds."""
    label_width = 165.0
    raw = [f"{s.id}  {s.title}" for s in sections]
    font = fonts.cjk if any(has_cjk(t) for t in raw) else fonts.body
    # Clipped by measured width: a label never runs into the margin (Japanese titles are wide).
    labels = [fit(t, 7.5, label_width - 10, font, fonts.order) for t in raw]
    height = BAR_HEIGHT * len(sections) + 30
    d = Drawing(width, height, initialFontName=fonts.body)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 18
    chart.width, chart.height = width - label_width - 40, BAR_HEIGHT * len(sections)
    # Categories are drawn bottom-up; reverse so the first section is at the top.
    ordered = list(reversed(sections))
    chart.data = [[s.score if s.score is not None else 0.0 for s in ordered]]
    chart.categoryAxis.categoryNames = list(reversed(labels))
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = MUTED
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = fonts.body
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = MUTED
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.barWidth = BAR_HEIGHT * 0.6
    chart.groupSpacing = BAR_HEIGHT * 0.4
    chart.bars.strokeColor = None
    for i, s in enumerate(ordered):
        chart.bars[(0, i)].fillColor = _colour(s.score)
    chart.barLabels.fontName = fonts.body  # no bar labels are drawn (values below), but never Helvetica
    d.add(chart)
    step = chart.height / max(len(ordered), 1)
    for i, s in enumerate(ordered):
        value = s.score or 0.0
        x = chart.x + chart.width * value / 100 + 4
        text = no_score if s.score is None else format_percent(s.score)
        d.add(String(x, chart.y + step * i + step / 2 - 3, text, fontName=fonts.body, fontSize=7.5,
                     fillColor=colors.black))
    for threshold in (60, 85):
        x = chart.x + chart.width * threshold / 100
        d.add(Line(x, chart.y, x, chart.y + chart.height, strokeColor=MUTED, strokeDashArray=[2, 2],
                   strokeWidth=0.5))
    return d
