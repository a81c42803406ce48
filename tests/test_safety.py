"""Safety: limits on input size, no code execution, no network, no writing from the core."""

from __future__ import annotations

import ast
from importlib import resources
from pathlib import Path

import pytest

from govbudget import GovBudgetError, read_bundle, read_text
from govbudget.errors import LimitError
from govbudget.limits import Limits

SRC = Path(__file__).resolve().parent.parent / "src" / "govbudget"
SEED = resources.files("govbudget").joinpath("samples", "kaiping_2025.txt").read_text("utf-8")


def test_limits_refuse_large_inputs_before_reading() -> None:
    with pytest.raises(LimitError, match="max_chars"):
        read_text(SEED, limits=Limits(max_chars=1000))
    with pytest.raises(LimitError, match="max_rows"):
        read_text(SEED, limits=Limits(max_rows=10))
    with pytest.raises(LimitError, match="max_cells"):
        read_bundle({"tables": [{"title": "t", "rows": [["1"] * 20]}]}, limits=Limits(max_cells=10))
    with pytest.raises(LimitError, match="max_tables"):
        read_bundle({"tables": [{"title": "t", "rows": []}] * 3}, limits=Limits(max_tables=2))
    assert issubclass(LimitError, GovBudgetError)


def test_the_default_limits_read_the_seed() -> None:
    assert len(read_text(SEED).tables) == 9


_FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
_FORBIDDEN_MODULES = {
    "pickle",
    "marshal",
    "shelve",
    "socket",
    "urllib",
    "http",
    "subprocess",
    "ftplib",
}
# Only the command line writes files, and only it and the bulk checker read the files a user
# names; everything else is pure (package data is read through importlib.resources).
_FILE_CALLS = {"open"}
_MAY_USE_FILES = {"cli.py"}
_MAY_READ_FILES = {"cli.py", "bulk.py"}


def python_files() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", python_files(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_code_execution_no_network_no_file_writes(path: Path) -> None:
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in _FORBIDDEN_CALLS, f"{path.name}:{node.lineno}"
            if path.name not in _MAY_READ_FILES:
                assert node.func.id not in _FILE_CALLS, f"{path.name}:{node.lineno}"
        if isinstance(node, ast.Import):
            for alias in node.names:
                assert alias.name.split(".")[0] not in _FORBIDDEN_MODULES, (
                    f"{path.name}:{node.lineno}"
                )
        if isinstance(node, ast.ImportFrom) and node.module:
            assert node.module.split(".")[0] not in _FORBIDDEN_MODULES, f"{path.name}:{node.lineno}"
        if isinstance(node, ast.Attribute) and node.attr in {
            "write_text",
            "write_bytes",
            "unlink",
            "mkdir",
        }:
            assert path.name in _MAY_USE_FILES, f"{path.name}:{node.lineno} writes files"
        if isinstance(node, ast.Attribute) and node.attr in {"read_bytes", "open", "iterdir"}:
            assert path.name in _MAY_READ_FILES, f"{path.name}:{node.lineno} reads files"
