"""A document that prints no year, given none, is read with the year unknown (#19, item 5).

The year is ``None``: every figure is read as it is with the year, a READ-YEAR warning says so
once, and the rules that need the year (catalogue names, the parts' years, stale years) leave
out what they cannot decide instead of guessing.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from govbudget import (
    DepartmentBudget,
    GovBudgetError,
    TableHeader,
    Unit,
    check,
    from_json,
    read_bundle,
    read_text,
    to_json,
)
from govbudget.bulk import load_file
from govbudget.checks.reading import YEAR_UNKNOWN
from govbudget.ledger import compare_years, explanation
from govbudget.tables import ExpenditureTable

PAGES = Path(__file__).parent / "data" / "pages"

# Real page: 南通市国资委 2016 "三公" budget, its year printed in the title and one header.
NANTONG = json.loads((PAGES / "jiangsu-nantong-sasac-2016" / "bundle.json").read_text("utf-8"))


def without_years(bundle: dict[str, Any]) -> dict[str, Any]:
    """The bundle as a page that prints no year: budget_year gone, "2016年" cut everywhere."""
    cut = copy.deepcopy(bundle)
    del cut["budget_year"]
    for table in cut["tables"]:
        table["title"] = re.sub(r"\d{4}年", "", table["title"])
        table["rows"] = [[re.sub(r"\d{4}年", "", cell) for cell in row] for row in table["rows"]]
    cut["narrative"] = re.sub(r"\d{4}年", "", cut.get("narrative", ""))
    return cut


def test_a_page_without_its_year_reads_the_same_figures() -> None:
    dated = read_bundle(NANTONG)
    undated = read_bundle(without_years(NANTONG))
    assert isinstance(undated, DepartmentBudget)
    assert (dated.year, undated.year) == (2016, None)
    assert [t.header.year for t in undated.tables] == [None]
    assert [t.rows for t in undated.tables] == [t.rows for t in dated.tables]
    assert [(f.rule, f.message) for f in undated.read_findings if f.rule == "READ-YEAR"] == [
        ("READ-YEAR", YEAR_UNKNOWN)
    ]


def test_a_page_without_its_year_gets_the_same_findings_and_the_warning() -> None:
    def said(budget: DepartmentBudget) -> list[tuple[str, str]]:
        return [(f.rule, f.message) for f in check(budget) if f.rule not in ("READ-YEAR",)]

    dated, undated = read_bundle(NANTONG), read_bundle(without_years(NANTONG))
    assert isinstance(dated, DepartmentBudget) and isinstance(undated, DepartmentBudget)
    # The titles' year aside (READ-TITLE quotes the title), the page says the same.
    assert [r for r, _ in said(undated)] == [r for r, _ in said(dated)]
    assert [f.rule for f in check(undated) if f.rule == "READ-YEAR"] == ["READ-YEAR"]


def test_the_year_given_fills_what_the_page_does_not_print() -> None:
    budget = read_bundle({**without_years(NANTONG), "budget_year": 2016})
    assert budget.year == 2016
    assert not [f for f in budget.read_findings if f.rule == "READ-YEAR"]


def test_an_explanation_alone_without_a_year() -> None:
    # The 游仙区 sentence of #20 with its year cut.
    budget = read_text("政府办“三公”经费财政拨款预算数9万元,较上年预算下降40%,减少6万元。")
    assert isinstance(budget, DepartmentBudget)
    assert budget.year is None and budget.facts.three_public_total == 9
    assert budget.title == " 部门预算（年度未知）"
    assert [f.rule for f in budget.read_findings] == ["READ-YEAR"]


def test_a_year_unknown_survives_json() -> None:
    budget = read_bundle(without_years(NANTONG))
    text = to_json(budget)
    assert json.loads(text)["year"] is None
    back = from_json(text)
    assert back == budget and to_json(back) == text


def test_codes_are_not_held_against_a_guessed_edition() -> None:
    # A 2017 document's names differ from 2025's: with no year, no edition is assumed.
    header = TableHeader("某局", None, Unit.WAN_YUAN)
    table = ExpenditureTable.from_rows(header, [("20805", "行政事业单位离退休", {"total": "5.00"})])
    findings = [f for f in check(table) if "CODE" in f.rule]
    assert [(f.rule, f.severity.label, f.message) for f in findings] == [
        ("T3-CODE-UNKNOWN", "提示", "预算年度未知，未按支出功能分类科目核对科目编码与名称")
    ]


def test_the_ledger_refuses_what_needs_a_year() -> None:
    unknown, known = DepartmentBudget("某局", None), DepartmentBudget("某局", 2025)
    with pytest.raises(GovBudgetError, match="year unknown"):
        compare_years(unknown, known)
    with pytest.raises(GovBudgetError, match="no year"):
        explanation(unknown)


def test_text_without_an_amount_is_no_disclosure() -> None:
    with pytest.raises(GovBudgetError, match="states no amount"):
        read_text("这是一段与预算无关的文字。")
    # With tables beside it, the document is reported: each unread table says why.
    budget = read_bundle(
        {
            "tables": [{"title": "某某统计表", "rows": [["项目", "金额"], ["甲", "2.00"]]}],
            "narrative": "部门概况。",
        }
    )
    assert [f.rule for f in budget.read_findings] == ["READ-TABLE", "READ-YEAR"]


def test_the_cli_checks_a_page_without_its_year(tmp_path: Path) -> None:
    path = tmp_path / "page.json"
    path.write_text(json.dumps(without_years(NANTONG), ensure_ascii=False), "utf-8")

    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "govbudget", "check", str(path), *extra],
            capture_output=True,
            text=True,
            check=False,
        )

    undated = run()
    assert undated.returncode == 0, undated.stderr
    assert "READ-YEAR" in undated.stdout and "年度未知" in undated.stdout
    dated = run("--year", "2016")
    assert dated.returncode == 0 and "READ-YEAR" not in dated.stdout


def test_a_file_name_gives_the_year_a_document_does_not_print(tmp_path: Path) -> None:
    path = tmp_path / "2016年市国资委三公经费.json"
    path.write_text(json.dumps(without_years(NANTONG), ensure_ascii=False), "utf-8")
    budget = load_file(path)
    assert isinstance(budget, DepartmentBudget) and budget.year == 2016
    assert [
        (f.rule, f.severity.label, f.message) for f in budget.read_findings if f.rule == "READ-YEAR"
    ] == [
        (
            "READ-YEAR",
            "提示",
            "文件未印预算年度，按文件名“2016年市国资委三公经费.json”中的 2016 年读入，请核实",
        )
    ]
    # The printed year wins over the name's, and two years in a name give none.
    for named in ("2019年市国资委.json", "2015-2016.json"):
        (tmp_path / named).write_text(json.dumps(NANTONG, ensure_ascii=False), "utf-8")
        printed = load_file(tmp_path / named)
        assert isinstance(printed, DepartmentBudget) and printed.year == 2016
    (tmp_path / "2015-2016.json").write_text(
        json.dumps(without_years(NANTONG), ensure_ascii=False), "utf-8"
    )
    assert getattr(load_file(tmp_path / "2015-2016.json"), "year", 0) is None
