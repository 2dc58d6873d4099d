"""Text shared by both front ends and the core's writers, free of Qt and of the CLI.

``terminal``: one safe line for a terminal or a one-line message (``printable``) and monospace
widths; ``summary``: the readiness summary as plain text and JSON (``veu-assess score`` and the
app's Report page). Scores and percentages are written by ``veu_assess.i18n_format``.
"""
