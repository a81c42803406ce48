"""The command line on final accounts (部门决算): ``check`` says which family it read, ``render``
and ``convert`` take final accounts, ``compare`` sets a budget beside its final accounts.

Run in this process through ``main([...])`` (``--jobs 1``), but for one test as a user runs it,
in a subprocess. The inputs are the two real final accounts of tests/data/cases and the seed:
its budget (the bundled text) and its hand-built 2025 final accounts
(examples/seed_final_accounts.py), written as a govbudget JSON document.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from govbudget import DepartmentFinalAccounts, check, from_json, read_bundle, to_json
from govbudget.cli import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, main

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "cases"
SEED_TEXT = ROOT / "src" / "govbudget" / "samples" / "kaiping_2025.txt"
FINALS = {
    "caizhengju": (CASES / "shanghai-putuo-caizhengju-2024-final.json", "上海市普陀区财政局", 2024),
    "shiquan": (
        CASES / "shanghai-putuo-shiquan-2025-final.json",
        "上海市普陀区人民政府石泉路街道办事处",
        2025,
    ),
}
SEED = "中共唐山市开平区委网络安全和信息化委员会办公室"


def cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    status = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def accounts(name: str) -> DepartmentFinalAccounts:
    path = FINALS[name][0]
    read = read_bundle(json.loads(path.read_text("utf-8")))
    assert isinstance(read, DepartmentFinalAccounts)
    return read


def _example() -> ModuleType:
    path = ROOT / "examples" / "seed_final_accounts.py"
    spec = importlib.util.spec_from_file_location("seed_final_accounts", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seed_final(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's 2025 final accounts as a govbudget JSON document."""
    path = tmp_path_factory.mktemp("seed") / "kaiping_2025_final.json"
    path.write_text(to_json(_example().seed_final_accounts()), encoding="utf-8")
    return path


# -- check says which family it read -----------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FINALS))
def test_check_says_it_read_final_accounts(capsys: pytest.CaptureFixture[str], name: str) -> None:
    path, department, year = FINALS[name]
    expected = check(accounts(name))
    status, out, err = cli(capsys, "check", path)
    assert err == ""
    assert status == (EXIT_OK if expected.ok else EXIT_FINDINGS)
    assert out.splitlines()[0] == f"部门决算 · {year} · {department}"
    assert out.splitlines()[-1] == expected.summary()

    status, out, _ = cli(capsys, "check", "--format", "json", path)
    data = json.loads(out)
    assert list(data)[:4] == ["phase", "department", "year", "ok"]
    assert (data["phase"], data["department"], data["year"]) == ("final_accounts", department, year)
    assert data["counts"] == dict(expected.counts)
    assert [f["rule"] for f in data["findings"]] == [f.rule for f in expected]

    status, out, _ = cli(capsys, "check", "--format", "markdown", path)
    assert out.startswith(f"部门决算 · {year} · {department}\n\n**检查结果**")


def test_check_says_it_read_a_budget(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(capsys, "check", SEED_TEXT)
    assert status == EXIT_FINDINGS
    assert out.splitlines()[0] == f"部门预算 · 2025 · {SEED}"
    status, out, _ = cli(capsys, "check", "--format", "json", SEED_TEXT)
    assert json.loads(out)["phase"] == "budget"


def test_a_directory_of_both_families(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for name, (path, _department, _year) in FINALS.items():
        (tmp_path / f"{name}.json").write_bytes(path.read_bytes())
    (tmp_path / "seed.txt").write_bytes(SEED_TEXT.read_bytes())
    _status, out, _ = cli(capsys, "check", "--jobs", "1", tmp_path)
    assert "caizhengju.json ==\n部门决算 · 2024 · 上海市普陀区财政局\n" in out
    assert f"seed.txt ==\n部门预算 · 2025 · {SEED}\n" in out
    _status, out, _ = cli(capsys, "check", "--jobs", "1", "--format", "json", tmp_path)
    phases = {Path(entry["path"]).stem: entry["phase"] for entry in json.loads(out)["files"]}
    assert phases == {"caizhengju": "final_accounts", "seed": "budget", "shiquan": "final_accounts"}
    _status, out, _ = cli(capsys, "check", "--jobs", "1", "--format", "markdown", tmp_path)
    assert "## " + str(tmp_path / "shiquan.json") + "\n\n部门决算 · 2025 · " in out


# -- render and convert --------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["text", "markdown", "html", "csv"])
def test_render_final_accounts(capsys: pytest.CaptureFixture[str], form: str) -> None:
    status, out, err = cli(capsys, "render", "--format", form, FINALS["shiquan"][0])
    assert (status, err) == (EXIT_OK, "")
    for title in (
        "收入支出决算总表",
        "财政拨款“三公”经费支出决算表",
        "国有资本经营预算财政拨款收入支出决算表",
    ):
        assert title in out
    if form == "html":
        assert "<title>上海市普陀区人民政府石泉路街道办事处 2025年部门决算</title>" in out
    if form == "csv":
        assert len(list(csv.reader(io.StringIO(out)))) > 300


@pytest.mark.parametrize("name", sorted(FINALS))
def test_convert_final_accounts_and_check_the_document(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    target = tmp_path / f"{name}.json"
    status, out, err = cli(capsys, "convert", "--to", "json", "-o", target, FINALS[name][0])
    assert (status, out, err) == (EXIT_OK, "", "")
    assert from_json(target.read_text("utf-8")) == accounts(name)
    _status, from_bundle, _ = cli(capsys, "check", FINALS[name][0])
    _status, from_document, _ = cli(capsys, "check", target)
    assert from_document == from_bundle


# -- compare ---------------------------------------------------------------------------------------


def test_compare_the_seed_budget_with_its_final_accounts(
    capsys: pytest.CaptureFixture[str], seed_final: Path
) -> None:
    status, out, err = cli(capsys, "compare", SEED_TEXT, seed_final)
    assert (status, err) == (EXIT_OK, "")
    lines = out.splitlines()
    assert lines[0] == f"部门预算 2025 ↔ 部门决算 2025 · {SEED}（万元）"
    assert lines[3].split() == ["支出合计", "283.61", "281.98", "-1.63", "99.43%"]
    assert "2013704  信息安全事务" in out and "132.00%" in out
    assert [line.split()[-1] for line in lines if line.startswith("2080801")] == ["未说明原因"]
    assert lines[-1].startswith("差异 98 处")

    status, out, _ = cli(capsys, "compare", "--format", "json", SEED_TEXT, seed_final)
    data = json.loads(out)
    assert data["budget"] == {"department": SEED, "year": 2025, "phase": "budget"}
    assert data["final"]["phase"] == "final_accounts"
    assert data["counts"]["unexplained"] == 1 and data["counts"]["to_explain"] == 5
    total = data["totals"]["支出合计"]
    assert (total["budgeted"], total["actual"], total["rate"]) == ("283.61", "281.98", "99.43")
    assert (total["rate_low"], total["rate_high"]) == ("99.42", "99.43")
    assert [e["row"] for e in data["explanations"] if not e["explained"]] == ["2080801"]
    assert len(data["cells"]) == data["counts"]["cells"]

    status, out, _ = cli(capsys, "compare", "--format", "markdown", SEED_TEXT, seed_final)
    assert "| 2080801 | 死亡抚恤 | 空 | 1.50 | +1.50 | 预算数为零 | 未说明原因 |" in out


def test_compare_writes_to_a_file_and_never_overwrites(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_final: Path
) -> None:
    target = tmp_path / "execution.json"
    assert cli(capsys, "compare", "--format", "json", "-o", target, SEED_TEXT, seed_final)[0] == 0
    assert json.loads(target.read_text("utf-8"))["counts"]["variances"] == 98
    status, _out, err = cli(capsys, "compare", "-o", target, SEED_TEXT, seed_final)
    assert status == EXIT_UNREADABLE and "--force" in err


def test_compare_wants_a_budget_then_final_accounts_of_its_year(
    capsys: pytest.CaptureFixture[str], seed_final: Path
) -> None:
    status, out, err = cli(capsys, "compare", seed_final, SEED_TEXT)
    assert (status, out) == (EXIT_UNREADABLE, "")
    assert "部门决算 document: compare needs 部门预算 (a budget) here" in err
    status, out, err = cli(capsys, "compare", SEED_TEXT, SEED_TEXT)
    assert status == EXIT_UNREADABLE and "needs 部门决算 (final accounts)" in err
    status, out, err = cli(capsys, "compare", SEED_TEXT, FINALS["caizhengju"][0])
    assert status == EXIT_UNREADABLE
    assert "the budget of 2025 is not executed by final accounts of 2024" in err
    status, out, err = cli(capsys, "compare", SEED_TEXT, ROOT / "nowhere.json")
    assert status == EXIT_UNREADABLE and "no such file" in err


def test_compare_notes_two_departments(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = cli(capsys, "compare", SEED_TEXT, FINALS["shiquan"][0])
    assert status == EXIT_OK and out
    assert "note: of 上海市普陀区人民政府石泉路街道办事处, the budget of" in err


def test_compare_as_a_user_runs_it(seed_final: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "govbudget", "compare", str(SEED_TEXT), str(seed_final)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "情况说明须解释的差异" in result.stdout
