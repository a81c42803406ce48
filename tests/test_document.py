"""Reading published disclosures whole: the seed as text and as grids, three real Shanghai budgets.

Every error the checks report on a real document is pinned here with the reason it is a real
mistake of that document.
"""

from __future__ import annotations

import json
import re
import sys
from decimal import Decimal
from importlib import resources
from pathlib import Path

import attrs
import pytest

from govbudget import (
    DepartmentBudget,
    DocumentError,
    Report,
    check,
    parse_amount,
    read_bundle,
    read_grids,
    read_text,
)
from govbudget.formats.document import split_text
from govbudget.tables import Detail

DATA = Path(__file__).parent / "data"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))

from seed_budget import build_budget  # noqa: E402

SEED_TEXT = resources.files("govbudget").joinpath("samples", "kaiping_2025.txt").read_text("utf-8")


def without_quotes(budget: DepartmentBudget) -> DepartmentBudget:
    return attrs.evolve(
        budget, facts=attrs.evolve(budget.facts, quotes=()), read_findings=budget.read_findings
    )


def case(name: str) -> dict[str, object]:
    loaded: dict[str, object] = json.loads((DATA / "cases" / f"{name}.json").read_text("utf-8"))
    return loaded


# -- the seed ---------------------------------------------------------------------------------


def test_the_seed_text_reads_into_the_budget_the_example_builds() -> None:
    read = read_text(SEED_TEXT)
    assert read.read_findings == ()
    assert without_quotes(read) == without_quotes(build_budget())
    # every fact keeps the sentence it was read from
    assert read.facts.quote("fixed_assets_value") is not None
    assert "上年末固定资产金额为0.00万元" in (read.facts.quote("fixed_assets_value") or "")


def test_the_seed_text_gives_exactly_the_report_of_the_seed() -> None:
    report = check(read_text(SEED_TEXT))
    assert report == check(build_budget())
    assert [f.rule for f in report.errors] == ["TXT-FIXED-ASSETS"]
    assert report.counts == {"error": 1, "warning": 2, "info": 3}


def test_the_seed_as_a_grid_bundle_reads_the_same() -> None:
    bundle = json.loads((DATA / "seed_bundle.json").read_text("utf-8"))
    assert read_bundle(bundle) == read_text(SEED_TEXT)


def test_a_reader_finding_points_at_the_line_of_the_text() -> None:
    broken = SEED_TEXT.replace("\t69.49\n\t69.49", "\t69.49\n\tabc", 1)
    budget = read_text(broken)
    (finding,) = budget.read_findings
    line = next(n for n, text in enumerate(broken.splitlines(), 1) if text == "\tabc")
    assert finding.rule == "READ-CELL"
    assert finding.location.row == "30101"
    # the reader points at the row: the line of its first cell, four cells above "abc"
    assert finding.location.line == line - 4
    assert f"第{line - 4}行" in finding.message
    assert "READ-CELL" in check(budget).rule_ids()


def test_split_text_finds_every_table_and_the_explanation() -> None:
    tables, narrative = split_text(SEED_TEXT)
    titles = [table.title for table in tables]
    assert titles[:9] == [
        "部门预算收支总表",
        "部门预算收入总表",
        "部门预算支出总表",
        "部门预算财政拨款收支总表",
        "部门预算一般公共预算财政拨款支出表",
        "部门预算一般公共预算财政拨款基本支出表",
        "部门预算政府性基金预算财政拨款支出表",
        "部门预算国有资本经营预算财政拨款支出表",
        "部门预算财政拨款“三公”经费支出表",
    ]
    assert titles[9:] == [
        "部门机构设置情况",
        "1、本级网络安全工作经费绩效目标表",
        "2、本级网络宣传和信息化工作经费绩效目标表",
        "3、本级网络舆情监测与处置经费绩效目标表",
        "部门政府采购预算",
        "部门固定资产占用情况表",
    ]
    assert tables[6].notes == ("注：无政府性基金预算财政拨款预算，空表列示。",)
    assert narrative[0][1].startswith("第一部分")
    assert sum(table.figures() for table in tables[:9]) > 300


def test_an_unknown_title_is_read_by_its_headers_with_a_note() -> None:
    text = SEED_TEXT.replace("部门预算收入总表", "部门预算某某表", 1)
    budget = read_text(text)
    (note,) = budget.read_findings
    assert (note.rule, note.severity.value) == ("READ-TITLE", "info")
    assert budget.income == read_text(SEED_TEXT).income


def test_a_partly_recognised_table_reports_the_column_it_cannot_read() -> None:
    text = SEED_TEXT.replace("部门预算收入总表", "部门预算某某表", 1).replace("\t小计", "\t丙", 1)
    budget = read_text(text)
    assert [(f.rule, f.location.column) for f in budget.read_findings] == [
        ("READ-TITLE", None),
        ("READ-COLUMN", "丙"),
    ]
    assert budget.income is not None
    assert "current_year" not in budget.income.columns


def test_an_unrecognised_table_is_reported_with_its_unread_figures() -> None:
    text = SEED_TEXT + "某某统计表\n\t名称\n\t数量\n\n\t甲\n\t12.00\n\n\t乙\n\t3\n\n"
    budget = read_text(text)
    (finding,) = budget.read_findings
    assert finding.rule == "READ-TABLE"
    assert "某某统计表" in finding.message
    assert "其中 2 个数字未读入" in finding.message
    assert finding.location.line == len(SEED_TEXT.splitlines()) + 1  # the title's line
    assert "READ-TABLE" in check(budget).rule_ids()


def test_a_table_without_a_title_is_recognised_by_its_headers() -> None:
    text = SEED_TEXT.replace(
        " [bookmark: _Toc_2_2_0000000006]部门预算一般公共预算财政拨款基本支出表\n", ""
    )
    budget = read_text(text)
    assert budget.basic_expenditure == read_text(SEED_TEXT).basic_expenditure


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "这是一段与预算无关的文字。"],
)
def test_text_that_is_no_disclosure_is_a_document_error(text: str) -> None:
    with pytest.raises(DocumentError):
        read_text(text)


def test_a_bundle_of_the_wrong_shape_is_a_document_error() -> None:
    with pytest.raises(DocumentError, match="tables"):
        read_bundle({"narrative": "…"})
    with pytest.raises(DocumentError, match=r"tables\[0\]\.rows\[1\]"):
        read_grids([{"title": "部门预算支出总表", "rows": [["a"], "b"]}])


# -- three real budgets of 上海市普陀区 ---------------------------------------------------------

_CODE_HEADER = re.compile(r"编码|^[类款项]$")


def printed_money(table: dict[str, object]) -> list[Decimal]:
    """The figures of a printed grid: number cells outside code, 序号 and 栏次 columns."""
    rows = table["rows"]
    assert isinstance(rows, list)
    code_columns = {
        j for row in rows[:5] for j, cell in enumerate(row) if _CODE_HEADER.search(cell.strip())
    }
    figures = []
    for row in rows:
        if row and row[0].strip() in ("栏次", "序号"):
            continue
        for j, cell in enumerate(row):
            text = cell.strip().replace(",", "")
            if j in code_columns or not re.fullmatch(r"-?\d+(\.\d+)?", text):
                continue
            if re.fullmatch(r"\d{3}|\d{2}", text) and j in code_columns:
                continue
            figures.append(Decimal(text))
    return figures


def model_money(budget: DepartmentBudget) -> list[Decimal]:
    return [
        value
        for table in budget.tables
        for block in table.blocks()
        for row in block.rows
        for value in row.values
        if value is not None
    ]


REAL = [
    "shanghai-putuo-chengguan-2026",
    "shanghai-putuo-jianguanwei-2026",
    "shanghai-putuo-wenlvju-2026",
]


@pytest.mark.parametrize("name", REAL)
def test_a_real_budget_is_read_whole(name: str) -> None:
    bundle = case(name)
    budget = read_bundle(bundle)
    assert len(budget.tables) == 9
    assert budget.year == 2026
    assert len(budget.project_goals) == (0 if name.endswith("wenlvju-2026") else 1)
    # every table recognised, every cell read: no READ-TABLE, READ-COLUMN, READ-CELL, READ-ROW
    assert [
        f.rule
        for f in budget.read_findings
        if f.rule in {"READ-TABLE", "READ-COLUMN", "READ-CELL", "READ-ROW"}
    ] == []
    # every figure printed in the nine tables is in the model: same count, same sum
    tables = bundle["tables"]
    assert isinstance(tables, list)
    standard = [t for t in tables if "绩效目标" not in t["title"]]
    printed = [f for t in standard for f in printed_money(t)]
    in_model = model_money(budget)
    assert len(printed) == len(in_model)
    assert sum(printed) == sum(in_model)


def report_of(name: str) -> Report:
    return check(read_bundle(case(name)))


def test_chengguan_has_no_error() -> None:
    report = report_of("shanghai-putuo-chengguan-2026")
    assert report.errors == ()
    assert report.warnings == ()
    # Notes only: the goal texts were pasted inside spreadsheet quotes; one of many projects
    # has its goals published.
    assert sorted(f.rule for f in report.infos) == [
        "READ-GOAL-CELL",
        "READ-GOAL-CELL",
        "X-GOALS-PROJECTS",
    ]


def test_jianguanwei_errors_are_real_mistakes_of_the_document() -> None:
    report = report_of("shanghai-putuo-jianguanwei-2026")
    errors = sorted((f.rule, f.location.row or "") for f in report.errors)
    assert errors == [
        # The goal table prints 生态环境成本指标 with no level-1 indicator (the PDF omits it).
        ("READ-GOAL-ROW", "文明施工情况"),
        # The text states 328,661万元 four times where the tables print 3,286,618,082.20元 =
        # 328,661.81万元: truncated, not rounded (四舍五入 gives 328,662).
        ("TXT-APPROPRIATIONS", "财政拨款支出预算"),
        ("TXT-EXPENDITURE", "支出预算"),
        ("TXT-INCOME", "财政拨款收入"),
        ("TXT-INCOME", "预算收入"),
        # A template instruction left in the published text.
        (
            "TXT-PLACEHOLDER",
            "（绩效目标管理工作情况，以及编报绩效目标的项目数量、单位数量、预算金额等）",
        ),
        # 财政拨款支出 +115,649 stated, its parts −5,965 + 119,614 + 0 = 113,649.
        ("TXT-SUMS", "财政拨款支出比上年增减"),
    ]
    sums = report.filter(rule="TXT-SUMS")[0]
    assert (sums.actual, sums.expected) == (Decimal("115649"), Decimal("113649"))
    assert report.warnings == ()


def test_wenlvju_errors_are_real_mistakes_of_the_document() -> None:
    report = report_of("shanghai-putuo-wenlvju-2026")
    # "政府性基金拨款支出预算0万元，比2025年预算增加持平": the words contradict each other.
    assert [(f.rule, f.location.row) for f in report.errors] == [
        ("TXT-DIRECTION", "政府性基金拨款支出比上年增减")
    ]
    # Not an error: this 基本支出表 splits class 303 between 人员经费 (3,259,560) and 公用经费
    # (452,720), so the common convention 人员经费 = 301 + 303 does not hold here.
    assert [(f.rule, f.location.column, f.difference) for f in report.warnings] == [
        ("T6-CONVENTION", "人员经费", Decimal("-452720")),
        ("T6-CONVENTION", "公用经费", Decimal("452720")),
    ]


def test_shanghai_tables_read_in_yuan_and_compare_with_wan_yuan() -> None:
    budget = read_bundle(case("shanghai-putuo-chengguan-2026"))
    assert budget.expenditure is not None
    assert budget.expenditure.header.unit.label == "元"
    assert budget.three_public_expenses is not None
    assert budget.three_public_expenses.header.unit.label == "万元"
    assert budget.three_public_expenses.value("agency_running_costs", "total") == Decimal("507.25")
    assert budget.facts.agency_running_costs == Decimal("507.25")
    assert budget.expenditure.SPEC.blocks[0].detail is Detail.SUBJECTS
    assert budget.expenditure.value("2120104", "total") == parse_amount("33,775,592")


@pytest.mark.parametrize(
    "name", ["shanghai-putuo-shiquan-2025-final", "shanghai-putuo-caizhengju-2024-final"]
)
def test_final_accounts_are_not_misread_as_a_budget(name: str) -> None:
    # The 决算 family is another issue; until then every 决算 table is reported unread, with
    # the count of its figures, and none is read as its budget twin by its headers.
    budget = read_bundle(case(name))
    assert budget.tables == ()
    unread = [f for f in budget.read_findings if f.rule == "READ-TABLE"]
    assert len(unread) == len(case(name)["tables"])  # type: ignore[arg-type]
