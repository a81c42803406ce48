"""The project as a newcomer meets it: README commands, CI script, examples, version."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import govbudget

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    return re.findall(r"```bash\n(.+?)\n```", readme, flags=re.DOTALL)


def test_readme_has_the_two_commands_and_ci_runs_the_test_command() -> None:
    main_job, tests = readme_commands()
    assert "examples/" in main_job or "govbudget check" in main_job
    assert "pytest" in tests
    assert tests in (ROOT / ".ci" / "run").read_text("utf-8")


def test_ci_script_runs_linters_and_strict_mypy() -> None:
    script = (ROOT / ".ci" / "run").read_text("utf-8")
    for step in ("ruff check", "ruff format --check", "mypy --strict src/", "set -euo pipefail"):
        assert step in script


EXAMPLES = sorted((ROOT / "examples").glob("*.py"))


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_every_example_runs(example: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(example)], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


def test_version_is_declared_once() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert re.fullmatch(r"\d+\.\d+\.\d+(\.dev\d+)?", govbudget.__version__)
