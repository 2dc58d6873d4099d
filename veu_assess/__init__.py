"""VEU Readiness Assessor: Data Center Validated End-User readiness self-assessment."""

# A constant, not importlib.metadata: looking the installed distribution up cost
# `veu-assess --version` ~20 ms. pyproject.toml stays the source packaging reads;
# tests/cli/test_version.py fails when the two differ.
__version__ = "0.1.0"
