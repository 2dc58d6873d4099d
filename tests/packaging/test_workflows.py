"""The GitHub workflows (.github/workflows) and the scripts they share with .ci/run.

actionlint checks the workflows' syntax and expressions (.ci/actionlint, run by .ci/run); these
tests check what actionlint cannot know: that every script a step runs is in the repository, that
CI and release cover the three OSes, and that CI runs the same checks as .ci/run.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
WORKFLOWS = REPO / ".github" / "workflows"
# A path into the repository as a step writes it: .ci/... or packaging/..., up to a space or quote.
SCRIPT = re.compile(r"(?<![\w/$.])((?:\.ci|packaging)/[\w./*-]+)")
SHARED_SCRIPTS = [".ci/run", ".ci/checks", ".ci/actionlint", ".ci/venv", ".ci/apt-qt-runtime",
                  "packaging/release-linux", "packaging/draft-release", "packaging/windows/build-windows",
                  "packaging/macos/test-dmg", "packaging/macos/setup-signing", "packaging/smoke-test"]


def load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def scripts_run_by(command: str) -> list[tuple[str, bool]]:
    """(path, run directly) for every repository path in a step's command; paths that follow
    `python` are read by Python, the others are executed and so must be executable."""
    found = []
    for match in SCRIPT.finditer(command):
        before = command[: match.start()].rstrip().split()
        found.append((match.group(1), not (before and before[-1] == "python")))
    return found


def test_the_step_parser_finds_paths() -> None:
    assert scripts_run_by('.ci/venv "$RUNNER_TEMP/venv" .ci/checks') == [(".ci/venv", True), (".ci/checks", True)]
    assert scripts_run_by("python packaging/check_tag.py x") == [("packaging/check_tag.py", False)]
    assert scripts_run_by('echo "$HOME/packaging/x"') == []


@pytest.mark.parametrize("name", ["ci.yml", "release.yml"])
def test_every_script_a_step_runs_exists(name: str) -> None:
    seen = []
    for step in steps(load(name)):
        for path, executed in scripts_run_by(step.get("run", "")):
            seen.append(path)
            matches = list(REPO.glob(path)) if "*" in path else [REPO / path]
            assert matches and all(m.is_file() for m in matches), f"{name}: step {step.get('name')!r} runs {path}"
            if executed and sys.platform != "win32":  # Windows has no execute bits
                assert all(os.access(m, os.X_OK) for m in matches), f"{path} is not executable"
    assert seen, f"{name} runs no script of the repository"


def test_every_action_is_pinned_to_a_version() -> None:
    for name in ("ci.yml", "release.yml"):
        for step in steps(load(name)):
            if "uses" in step:
                assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+", step["uses"]), step["uses"]


def os_families(labels: list[str]) -> set[str]:
    return {label.split("-")[0] for label in labels}


def test_release_builds_on_the_three_oses() -> None:
    build = load("release.yml")["jobs"]["build"]
    include = build["strategy"]["matrix"]["include"]
    assert os_families([entry["os"] for entry in include]) == {"ubuntu", "windows", "macos"}
    assert {entry["target"] for entry in include} == {"linux", "windows", "macos"}
    assert build["runs-on"] == "${{ matrix.os }}"
    release = load("release.yml")
    assert release[True]["push"]["tags"] == ["v*"]  # YAML 1.1 reads the key `on` as True
    commands = " ".join(step.get("run", "") for step in steps(release))
    for script in ("packaging/release-linux", "packaging/windows/build-windows", "installer_test.py",
                   "packaging/macos/build-macos", "packaging/macos/test-dmg", "packaging/draft-release"):
        assert script in commands


def test_ci_runs_the_shared_checks_on_the_three_oses_and_every_python() -> None:
    ci = load("ci.yml")
    job = ci["jobs"]["checks"]
    assert os_families(job["strategy"]["matrix"]["os"]) == {"ubuntu", "windows", "macos"}
    assert job["strategy"]["matrix"]["python"] == ["3.11", "3.12", "3.13"]
    assert any(".ci/checks" in step.get("run", "") for step in job["steps"])
    assert set(ci[True]) == {"push", "pull_request"}


def test_ci_run_and_the_workflows_share_one_script() -> None:
    run = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    checks = (REPO / ".ci" / "checks").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    # The README's test command, as .ci/checks runs it (with the venv's `python`).
    readme_command = "python3 -m pip install -e '.[test]' && python3 -m pytest"
    assert readme_command in readme
    assert readme_command.replace("python3", "python") in checks
    assert "ruff check" in checks and "mypy" in checks
    assert "ruff check" not in run and "pytest" not in run  # no second copy in .ci/run
    for script in (".ci/checks", ".ci/actionlint", "packaging/release-linux"):
        assert re.search(rf"^{re.escape(script)}\b", run, re.M), f".ci/run does not run {script}"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX execute bits and shells")
@pytest.mark.parametrize("script", SHARED_SCRIPTS)
def test_shared_shell_scripts_parse_and_are_executable(script: str) -> None:
    path = REPO / script
    assert os.access(path, os.X_OK), f"{script} is not executable"
    subprocess.run(["bash", "-n", str(path)], check=True)


@pytest.mark.skipif(sys.platform == "win32" or shutil.which("sha256sum") is None,
                    reason="draft-release runs on the Ubuntu runner (bash, GNU sha256sum)")
def test_draft_release_writes_sha256_sums(tmp_path: Path) -> None:
    (tmp_path / "a.deb").write_bytes(b"deb")
    (tmp_path / "b setup.exe").write_bytes(b"exe")
    subprocess.run([str(REPO / "packaging" / "draft-release"), "v0.0.0", str(tmp_path)],
                   check=True, capture_output=True, env={**os.environ, "DRY_RUN": "1"})
    lines = (tmp_path / "SHA256SUMS").read_text().splitlines()
    assert lines == [f"{hashlib.sha256(b'deb').hexdigest()}  a.deb",
                     f"{hashlib.sha256(b'exe').hexdigest()}  b setup.exe"]
