"""The PDF readiness report: context (plain data) -> jinja2 text -> reportlab flowables -> PDF bytes.

Entry points are in ``veu_assess.report.api``: ``render_report`` (bytes) and ``write_report``
(an atomic file write). Nothing here imports Qt; both are safe to call from a worker thread.
"""
