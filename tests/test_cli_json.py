"""The command line and govbudget's JSON documents: ``check`` reads them, ``convert`` writes them.

Run as a user runs it, ``python -m govbudget …`` in a subprocess: exit status 0, 1 or 2, and an
input that cannot be read gives one line on stderr naming the file and, for a JSON document, the
path to the fault; never a traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import govbudget
from govbudget import DepartmentBudget
from govbudget.writing.jsonio import from_json, to_json

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "src" / "govbudget" / "samples" / "kaiping_2025.txt"
SEED_BUNDLE = ROOT / "tests" / "data" / "seed_bundle.json"
CHENGGUAN = ROOT / "tests" / "data" / "cases" / "shanghai-putuo-chengguan-2026.json"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govbudget", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )


def assert_unreadable(result: subprocess.CompletedProcess[str], *parts: str) -> str:
    """Exit 2, no report, and one line on stderr holding every part; the line."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert all(part in lines[0] for part in parts), lines[0]
    assert result.stdout == ""
    return lines[0]


@pytest.fixture(scope="module")
def seed_document(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled example as a govbudget JSON document, written by ``convert``."""
    path = tmp_path_factory.mktemp("documents") / "kaiping_2025.json"
    result = run("convert", SEED_TEXT, "--to", "json", "-o", path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    return path


# --- convert -----------------------------------------------------------------------------------


def test_convert_writes_the_document_of_a_text_dump_to_stdout() -> None:
    result = run("convert", SEED_TEXT, "--to", "json")
    assert result.returncode == 0, result.stderr
    expected = govbudget.read_text(SEED_TEXT.read_text("utf-8"))
    assert result.stdout == to_json(expected)
    assert from_json(result.stdout, DepartmentBudget) == expected


def test_convert_writes_the_document_of_a_grid_bundle_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "预算.json"
    result = run("convert", SEED_BUNDLE, "--to", "json", "-o", target)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    bundle = json.loads(SEED_BUNDLE.read_text("utf-8"))
    assert target.read_bytes() == to_json(govbudget.read_bundle(bundle)).encode("utf-8")


def test_convert_of_a_document_gives_the_same_bytes(seed_document: Path) -> None:
    result = run("convert", seed_document, "--to", "json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.encode("utf-8") == seed_document.read_bytes()


def test_convert_says_what_could_not_be_read_and_keeps_it(tmp_path: Path) -> None:
    target = tmp_path / "chengguan.json"
    result = run("convert", CHENGGUAN, "--to", "json", "-o", target)
    assert result.returncode == 0
    assert "could not be read; `govbudget check` lists them" in result.stderr
    budget = from_json(target.read_text("utf-8"), DepartmentBudget)
    assert budget.read_findings


def test_convert_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("keep me", "utf-8")
    assert_unreadable(
        run("convert", SEED_TEXT, "--to", "json", "-o", target), "out.json", "--force"
    )
    assert target.read_text("utf-8") == "keep me"
    result = run("convert", SEED_TEXT, "--to", "json", "-o", target, "--force")
    assert result.returncode == 0
    assert target.read_text("utf-8").startswith('{\n  "type": "DepartmentBudget",')


@pytest.mark.parametrize(
    "args", [("convert", str(SEED_TEXT)), ("convert", str(SEED_TEXT), "--to", "yaml")]
)
def test_convert_needs_a_known_target_format(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "--to" in result.stderr and "Traceback" not in result.stderr


def test_convert_of_an_unreadable_input_exits_2(tmp_path: Path) -> None:
    assert_unreadable(run("convert", tmp_path / "missing.txt", "--to", "json"), "missing.txt")


# --- check -------------------------------------------------------------------------------------


def test_check_reads_a_document_as_it_reads_the_text(seed_document: Path) -> None:
    from_document = run("check", seed_document, "--format", "json")
    from_text = run("check", SEED_TEXT, "--format", "json")
    assert from_document.returncode == from_text.returncode == 1
    assert json.loads(from_document.stdout) == json.loads(from_text.stdout)


def test_check_reads_documents_and_bundles_side_by_side(
    tmp_path: Path, seed_document: Path
) -> None:
    (tmp_path / "document.json").write_bytes(seed_document.read_bytes())
    (tmp_path / "bundle.json").write_bytes(SEED_BUNDLE.read_bytes())
    result = run("check", tmp_path, "--format", "json")
    assert result.returncode == 1, result.stderr
    files = json.loads(result.stdout)["files"]
    assert [Path(entry["path"]).name for entry in files] == ["bundle.json", "document.json"]
    assert all("error" not in entry for entry in files)


def test_check_reads_a_document_of_one_table(tmp_path: Path) -> None:
    budget = govbudget.read_text(SEED_TEXT.read_text("utf-8"))
    table = budget.basic_expenditure
    path = tmp_path / "t6.json"
    path.write_text(to_json(table), "utf-8")
    result = run("check", path, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ok"] is True


def test_render_reads_a_document(seed_document: Path) -> None:
    from_document = run("render", seed_document)
    assert from_document.returncode == 0
    assert from_document.stdout == run("render", SEED_TEXT).stdout


def _document_of(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_a_truncated_document_exits_2_with_the_path_where_it_breaks_off(
    tmp_path: Path, seed_document: Path
) -> None:
    text = seed_document.read_text("utf-8")
    cut = text[: text.index('"personnel"', text.index('"basic_expenditure"')) + 5]
    path = _document_of(tmp_path, "cut.json", cut)
    assert_unreadable(
        run("check", path), "cut.json", "$.tables[5].rows[0]: not valid JSON (Unterminated string"
    )


@pytest.mark.parametrize(
    ("old", "new", "path", "why"),
    [
        ('"public": "11.39"', '"public": 11.39', "$.tables[5].rows[0].public", "is a number"),
        ('"public": "11.39"', '"public": "11.3.9"', "$.tables[5].rows[0].public", "not an amount"),
        (
            '"public": "11.39"',
            '"public": "11.39", "extra": "1"',
            "$.tables[5].rows[0].extra",
            "unknown key",
        ),
        ('"kind": "basic_expenditure"', '"kind": "t6"', "$.tables[5].kind", "not a table kind"),
        ('"version": 1', '"version": 9', "$.version", "unknown format version 9"),
        ('"type": "DepartmentBudget"', '"type": "Budget"', "$.type", "not a document type"),
    ],
)
def test_an_invalid_document_exits_2_with_the_path_to_the_fault(
    tmp_path: Path, seed_document: Path, old: str, new: str, path: str, why: str
) -> None:
    text = seed_document.read_text("utf-8")
    assert old in text
    bad = _document_of(tmp_path, "bad.json", text.replace(old, new, 1))
    for command in ("check", "render", "convert"):
        extra = ("--to", "json") if command == "convert" else ()
        line = assert_unreadable(run(command, bad, *extra), "bad.json", f"{path}: ", why)
        assert line.startswith("govbudget: ")


def test_a_document_that_no_rule_checks_is_refused_by_check(tmp_path: Path) -> None:
    path = _document_of(tmp_path, "report.json", to_json(govbudget.Report()))
    assert_unreadable(run("check", path), "report.json", "a Report document: no rule checks it")
    assert_unreadable(run("render", path), "report.json", "render prints a disclosure")
    converted = run("convert", path, "--to", "json")
    assert converted.returncode == 0 and converted.stdout == path.read_text("utf-8")


def test_json_without_type_or_tables_is_neither_document_nor_bundle(tmp_path: Path) -> None:
    path = _document_of(tmp_path, "other.json", '{"version": 1}')
    assert_unreadable(run("check", path), "other.json", 'no "type"', 'no "tables" list')
