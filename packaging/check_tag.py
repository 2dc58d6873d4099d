"""Stop a release whose tag does not match the version in pyproject.toml (tag v1.2.3 = 1.2.3).

    python packaging/check_tag.py v0.1.0

The installers take their version from pyproject.toml; a tag that says otherwise would publish
files whose names and "About" disagree with the release they are attached to.
"""

from __future__ import annotations

import sys

import datafiles


def tag_problem(tag: str, version: str) -> str | None:
    if tag != f"v{version}":
        return f"tag {tag!r} does not match pyproject.toml's version {version!r} (expected 'v{version}')"
    return None


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    problem = tag_problem(sys.argv[1], datafiles.project().version)
    if problem:
        sys.exit(f"check_tag: {problem}")
    print(f"tag {sys.argv[1]} matches version {datafiles.project().version}")
