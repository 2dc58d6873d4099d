"""VEU Readiness Assessor: Data Center Validated End-User readiness self-assessment."""

from importlib import metadata

try:
    __version__ = metadata.version("veu-assess")
except metadata.PackageNotFoundError:  # a source checkout that was not installed
    __version__ = "0.0.0+source"
