"""The command line, run as a user runs it: ``python -m govbudget …`` in a subprocess.

Every command, format and exit status; inputs that cannot be read end with exit status 2 and
one line on stderr naming the file, never a traceback. The tests that read a real disclosure
need the readers of govbudget.reading.document and are skipped while those cannot be imported.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from govbudget import __version__

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "src" / "govbudget" / "samples" / "kaiping_2025.txt"
SEED_BUNDLE = ROOT / "tests" / "data" / "seed_bundle.json"


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "govbudget", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        check=False,
    )


def assert_unreadable(result: subprocess.CompletedProcess[str], name: str, why: str) -> None:
    """Exit 2, one line on stderr naming the file and the fault, no traceback, no report."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert name in lines[0] and why in lines[0]
    assert result.stdout == ""


# --- usage, version, rules -----------------------------------------------------------------------


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"govbudget {__version__}"


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("frobnicate",),
        ("check", "--format", "yaml"),
        ("check", "--fail-on", "never"),
        ("render",),
        ("render", str(SEED_BUNDLE), "--format", "pdf"),
        ("rules", "--format", "json"),
        ("check", "--year", "twenty"),
    ],
    ids=lambda args: " ".join(args) or "nothing",
)
def test_bad_usage_exits_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert "Traceback" not in result.stderr


def catalogue() -> list[dict[str, str]]:
    """The rules a fresh interpreter knows once the readers are imported (as `check` on a file
    does): in-process, the rules other tests import would count too."""
    program = (
        "import json, govbudget.reading.document\n"
        "from govbudget import rules\n"
        "print(json.dumps([{'id': r.id, 'severity': r.severity.value, 'title': r.title,"
        " 'description': r.description} for r in rules()], ensure_ascii=False))"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, check=True, encoding="utf-8"
    )
    listed: list[dict[str, str]] = json.loads(result.stdout)
    return listed


def test_rules_as_text_lists_every_rule() -> None:
    result = run("rules")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    listed = catalogue()
    assert any(rule["id"] == "READ-CELL" for rule in listed)
    assert len(lines) == 2 * len(listed)
    for head, described, rule in zip(lines[::2], lines[1::2], listed, strict=True):
        assert head.split()[:2] == [rule["id"], rule["severity"]]
        assert head.endswith(rule["title"])
        assert described == f"    {rule['description']}"


def test_rules_as_markdown() -> None:
    result = run("rules", "--format", "markdown")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("| id | severity |")
    listed = catalogue()
    assert len(lines) == 2 + len(listed)
    assert all(f"| {rule['id']} |" in result.stdout for rule in listed)


# --- inputs that cannot be read ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.json", b" \n\t\n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL"),
        ("controls.txt", "部门预算\x01\x02".encode(), "control character"),
        ("truncated.json", b'{"tables": [{"title": "\xe9\x83\xa8', "not valid JSON"),
        ("not_a_bundle.json", '{"title": "部门预算收支总表"}'.encode(), '"tables"'),
        ("a_list.json", b"[1, 2, 3]", '"tables"'),
        ("tables_not_a_list.json", b'{"tables": {}}', '"tables"'),
        ("latin.txt", b"\xff\xfe\xff\xfe\x80\x80", "neither UTF-8 nor GB18030"),
    ],
)
def test_unreadable_input_exits_2_with_one_line(
    tmp_path: Path, name: str, content: bytes, why: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert_unreadable(run("check", path), name, why)


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    assert_unreadable(run("check", tmp_path / "missing.txt"), "missing.txt", "no such file")


def test_an_unknown_or_wrong_encoding_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes("部门预算收支总表".encode("gb18030"))
    assert_unreadable(run("check", "--encoding", "klingon", path), "seed.txt", "unknown encoding")
    assert_unreadable(run("check", "--encoding", "utf-8", path), "seed.txt", "not valid utf-8")


def test_render_an_unreadable_input_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_bytes(b"")
    assert_unreadable(run("render", path, "--format", "html"), "empty.json", "empty")


def test_quiet_prints_nothing_on_stdout(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = run("check", "--quiet", path)
    assert result.returncode == 2 and result.stdout == ""


def test_a_directory_gives_a_report_per_file_and_a_summary(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.json").write_bytes(b'{"tables": [')
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "ignored.docx").write_bytes(b"PK")
    result = run("check", tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 2  # one line per unreadable file
    out = result.stdout
    summary = out[out.index("== 汇总 summary ==") :].splitlines()
    assert summary[1].split()[:5] == ["文件", "file", "错误", "警告", "提示"]
    assert [line.split()[0] for line in summary[2:]] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "sub" / "b.json"),
    ]
    assert "the file is empty" in summary[2] and "not valid JSON" in summary[3]
    assert "ignored.docx" not in out


def stderr_on_a_terminal(*args: str | Path) -> tuple[str, str]:
    """Run with stderr on a pseudo-terminal (stdout a pipe): (stdout, what the terminal got)."""
    import pty

    master, slave = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "govbudget", *map(str, args)],
            stdout=subprocess.PIPE,
            stderr=slave,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            check=False,
        )
    finally:
        os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal is closed and drained
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    return result.stdout.decode("utf-8"), seen.decode("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_a_progress_bar_only_on_a_terminal_and_not_quiet(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"")
    out, terminal = stderr_on_a_terminal("check", tmp_path)
    assert "] 1/2 b.txt" in terminal
    assert "] " not in out and "== 汇总 summary ==" in out
    _out, quiet = stderr_on_a_terminal("check", "--quiet", tmp_path)
    assert "] " not in quiet and "a.txt: the file is empty" in quiet
    # not a terminal: the messages alone (see the test of a directory above)
    assert "] " not in run("check", tmp_path).stderr


def test_a_directory_as_json(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.json").write_bytes(b"{}")
    result = run("check", "--format", "json", tmp_path)
    assert result.returncode == 2
    data = json.loads(result.stdout)
    assert list(data) == ["files", "ok"] and data["ok"] is False
    assert [list(entry) for entry in data["files"]] == [["path", "error"], ["path", "error"]]
    assert data["files"][0]["path"] == str(tmp_path / "a.txt")


def test_an_empty_directory_exits_2(tmp_path: Path) -> None:
    result = run("check", tmp_path)
    assert result.returncode == 2
    assert "without *.json or *.txt" in result.stderr


def test_render_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("keep me", encoding="utf-8")
    result = run("render", SEED_BUNDLE, "--format", "markdown", "-o", target)
    assert result.returncode == 2
    assert "out.md" in result.stderr and "--force" in result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_text(encoding="utf-8") == "keep me"


# --- reading real disclosures --------------------------------------------------------------------


def only_error_is_fixed_assets(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    data = json.loads(result.stdout)
    assert data["ok"] is False and data["counts"]["error"] == 1
    errors = [f for f in data["findings"] if f["severity"] == "error"]
    assert [f["rule"] for f in errors] == ["TXT-FIXED-ASSETS"]


def test_the_seed_text_has_one_error() -> None:
    only_error_is_fixed_assets(run("check", "--format", "json", SEED_TEXT))


def test_the_seed_bundle_has_one_error() -> None:
    only_error_is_fixed_assets(run("check", "--format", "json", SEED_BUNDLE))


def test_the_seed_in_gb18030_has_one_error(tmp_path: Path) -> None:
    path = tmp_path / "kaiping_gb18030.txt"
    path.write_bytes(SEED_TEXT.read_text(encoding="utf-8").encode("gb18030"))
    only_error_is_fixed_assets(run("check", "--format", "json", path))
    only_error_is_fixed_assets(run("check", "--format", "json", "--encoding", "gbk", path))


def test_the_seed_with_a_bom_has_one_error(tmp_path: Path) -> None:
    path = tmp_path / "kaiping_bom.txt"
    path.write_bytes(SEED_TEXT.read_text(encoding="utf-8").encode("utf-8-sig"))
    only_error_is_fixed_assets(run("check", "--format", "json", path))


def test_check_without_a_path_checks_the_bundled_example() -> None:
    result = run("check")
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1].startswith("错误 1 项")
    assert "TXT-FIXED-ASSETS" in result.stdout


def test_fail_on_sets_the_gravity_that_fails(tmp_path: Path) -> None:
    # The seed with its one error corrected: the text states the table's 20.61万元.
    text = SEED_TEXT.read_text(encoding="utf-8")
    assert text.count("上年末固定资产金额为0.00万元") == 1
    path = tmp_path / "corrected.txt"
    path.write_text(text.replace("金额为0.00万元", "金额为20.61万元"), encoding="utf-8")
    result = run("check", "--format", "json", path)
    counts = json.loads(result.stdout)["counts"]
    assert counts["error"] == 0 and result.returncode == 0
    warned = run("check", "--quiet", "--fail-on", "warning", path)
    assert warned.returncode == (1 if counts["warning"] else 0)
    assert warned.stdout == ""
    noted = run("check", "--quiet", "--fail-on", "info", path)
    assert noted.returncode == (1 if counts["warning"] or counts["info"] else 0)


def test_check_as_markdown() -> None:
    result = run("check", "--format", "markdown", SEED_BUNDLE)
    assert result.returncode == 1
    # What was read comes first, then the report.
    assert result.stdout.startswith("部门预算 · 2025 · ")
    assert "\n\n**检查结果**：错误 1 项" in result.stdout
    assert "| 错误 | `TXT-FIXED-ASSETS` |" in result.stdout


def test_a_directory_of_two_disclosures(tmp_path: Path) -> None:
    (tmp_path / "text.txt").write_bytes(SEED_TEXT.read_bytes())
    (tmp_path / "bundle.json").write_bytes(SEED_BUNDLE.read_bytes())
    result = run("check", tmp_path)
    assert result.returncode == 1
    summary = result.stdout[result.stdout.index("== 汇总 summary ==") :].splitlines()
    assert [line.split()[:2] for line in summary[2:]] == [
        [str(tmp_path / "bundle.json"), "1"],
        [str(tmp_path / "text.txt"), "1"],
    ]
    data = json.loads(run("check", "--format", "json", tmp_path).stdout)
    assert data["ok"] is False
    read = ["path", "phase", "department", "year", "ok", "counts", "findings"]
    assert [list(entry) for entry in data["files"]] == [read] * 2
    assert {entry["phase"] for entry in data["files"]} == {"budget"}


@pytest.mark.parametrize("form", ["text", "markdown", "html", "csv"])
def test_render_to_stdout(form: str) -> None:
    result = run("render", SEED_TEXT, "--format", form)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    assert "部门预算收支总表" in out and "财政拨款“三公”经费支出表" in out
    if form == "html":
        assert out.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in out
    if form == "csv":
        sections = out.split("\n\n")
        assert sections[0].startswith("# 部门预算收支总表\n")
        assert all(section.startswith("# ") for section in sections)
        rows = list(csv.reader(io.StringIO(sections[1].split("\n", 1)[1])))
        assert rows[0][0] == "部门预算收入总表"


def test_render_to_a_file_and_force(tmp_path: Path) -> None:
    target = tmp_path / "seed.csv"
    assert run("render", SEED_TEXT, "--format", "csv", "-o", target).returncode == 0
    written = target.read_bytes()
    assert written.startswith("\ufeff".encode())  # for spreadsheet programs
    assert run("render", SEED_TEXT, "--format", "csv", "-o", target).returncode == 2
    result = run("render", SEED_TEXT, "--format", "text", "-o", target, "--force")
    assert result.returncode == 0
    assert target.read_text(encoding="utf-8").startswith("中共唐山市开平区委")
