"""Reading final accounts (部门决算): titles, layouts, which family a document is.

The two real final accounts of 上海市普陀区 are read and checked in test_document.py; here each
way a 决算 table can be printed is read on its own.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from govbudget import (
    DepartmentBudget,
    DepartmentFinalAccounts,
    Phase,
    check,
    read_bundle,
    read_grids,
    read_text,
)
from govbudget.reading import read_grid
from govbudget.reading.recognition import recognise as _recognise
from govbudget.tables import (
    BasicExpenditureFinalTable,
    ExpenditureFinalTable,
    IncomeExpenditureFinalSummary,
    IncomeFinalTable,
    ThreePublicExpensesFinalTable,
)
from govbudget.writing import render_grid
from test_final_tables import consistent

CASES = Path(__file__).parent / "data" / "cases"


def case(name: str) -> dict[str, object]:
    loaded: dict[str, object] = json.loads((CASES / f"{name}.json").read_text("utf-8"))
    return loaded


def table_of(bundle: dict[str, object], title: str) -> dict[str, object]:
    tables = bundle["tables"]
    assert isinstance(tables, list)
    found: dict[str, object] = next(t for t in tables if t["title"] == title)
    return found


# -- titles ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("收入支出决算总表", IncomeExpenditureFinalSummary),
        ("公开01表 收入支出决算总表", IncomeExpenditureFinalSummary),
        ("收入支出决算总表（公开01表）", IncomeExpenditureFinalSummary),
        ("2024年度部门决算收入支出决算总表", IncomeExpenditureFinalSummary),
        ("单位决算收入支出决算总表", IncomeExpenditureFinalSummary),
        ("部门收支决算总表", IncomeExpenditureFinalSummary),
        ("收入决算表", IncomeFinalTable),
        ("2. 支出决算表", ExpenditureFinalTable),
        ("一般公共预算财政拨款基本支出决算明细表", BasicExpenditureFinalTable),
        ("公开07表 财政拨款“三公”经费支出决算表", ThreePublicExpensesFinalTable),
        ('一般公共预算财政拨款"三公"经费支出决算表', ThreePublicExpensesFinalTable),
    ],
)
def test_the_titles_of_final_accounts_are_recognised(title: str, kind: type) -> None:
    assert _recognise(title) is kind


def test_budget_titles_keep_their_budget_tables() -> None:
    recognised = _recognise("部门支出预算总表")
    assert isinstance(recognised, type)
    assert recognised.SPEC.phase is Phase.BUDGET  # type: ignore[attr-defined]
    assert _recognise("二、部门决算单位构成") == "units"


# -- layouts -----------------------------------------------------------------------------------


def test_the_sideways_three_public_table_reads_one_row_per_item() -> None:
    # 上海: one line of figures under item / sub-item / 预算数|决算数; 小计 is the vehicles row,
    # and the lone 财政拨款“三公”经费 over the items is a header, not the department.
    grid = table_of(case("shanghai-putuo-shiquan-2025-final"), "财政拨款“三公”经费支出决算表")
    rows = grid["rows"]
    assert isinstance(rows, list)
    reading = read_grid(ThreePublicExpensesFinalTable, rows, year=2025, department="石泉路街道")
    table = reading.table
    assert reading.findings == ()
    assert table.header.department == "石泉路街道"
    assert table.columns == ("budget", "actual")
    assert [row.key for row in table.rows] == [
        "total",
        "travel_abroad",
        "vehicles",
        "vehicle_purchase",
        "vehicle_operation",
        "reception",
    ]
    assert table.value("vehicles", "budget") == Decimal("52.40")
    assert table.value("vehicle_operation", "actual") == Decimal("12.35")
    assert table.note == "注：本表反映部门本年度“三公”经费支出预决算情况。"
    # every row points at the line of the figures it was read from
    assert check(table).ok


def test_a_sideways_cell_that_is_not_a_figure_is_reported_at_its_line() -> None:
    grid = [
        ["单位：万元", "", "", ""],
        ["合计", "", "公务接待费", ""],
        ["预 算 数", "决 算 数", "预 算 数", "决 算 数"],
        ["1.53", "abc", "1.53", "0"],
    ]
    reading = read_grid(ThreePublicExpensesFinalTable, grid, year=2025, department="某局")
    assert [(f.rule, f.location.line) for f in reading.findings] == [("READ-CELL", 4)]
    assert reading.table.value("total", "actual") is None
    assert reading.table.value("reception", "actual") == Decimal("0")


def test_a_vertical_three_public_table_with_numbered_and_spaced_labels() -> None:
    grid = [
        ["编制单位：某局", "", "单位：万元"],
        ["项  目", "预 算 数", "决 算 数"],
        ["合计", "20.00", "15.00"],
        ["1.因公出国（境）费", "", ""],
        ["2.公务用车购置及运行维护费", "15.00", "10.00"],
        ["（1）公务用车购置费", "10.00", "8.00"],
        ["（2）公务用车运行维护费", "5.00", "2.00"],
        ["3.公务接待费", "5.00", "5.00"],
    ]
    reading = read_grid(ThreePublicExpensesFinalTable, grid, year=2024)
    assert reading.findings == ()
    table = reading.table
    assert table.header.department == "某局"
    assert [row.key for row in table.rows][2:5] == [
        "vehicles",
        "vehicle_purchase",
        "vehicle_operation",
    ]
    assert table.value("vehicle_purchase", "actual") == Decimal("8.00")
    assert check(table).ok


def test_a_table_in_two_halves_reads_as_one_list_in_class_order() -> None:
    grid = [
        ["", "", "", "", "", "单位：万元"],
        ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"],
        ["301", "工资福利支出", "10.00", "302", "商品和服务支出", "3.00"],
        ["30101", "基本工资", "10.00", "30201", "办公费", "3.00"],
        ["303", "对个人和家庭的补助", "1.00", "310", "资本性支出", "abc"],
        ["30302", "退休费", "1.00", "31002", "办公设备购置", ""],
        ["人员经费合计", "", "11.00", "公用经费合计", "", "3.00"],
    ]
    reading = read_grid(BasicExpenditureFinalTable, grid, year=2024, department="某局")
    table = reading.table
    assert [row.key for row in table.rows] == [
        "301",
        "30101",
        "302",
        "30201",
        "303",
        "30302",
        "310",
        "31002",
        "personnel_total",
        "public_total",
    ]
    # a cell of the right half is reported at the line it is printed on
    assert [(f.rule, f.location.row, f.location.line) for f in reading.findings] == [
        ("READ-CELL", "310", 5)
    ]
    assert table.value("personnel_total", "total") == Decimal("11.00")
    assert check(table).ok


def test_a_code_header_printed_on_the_line_of_the_total_row() -> None:
    grid = [
        ["", "", "", "", "", "单位：万元"],
        ["项目", "", "", "", "本年收入合计", "财政拨款收入"],
        ["支出功能分类", "", "", "科目名称", "", ""],
        ["科目编码", "", "", "", "", ""],
        ["类", "款", "项", "合计", "10.00", "10.00"],
        ["210", "", "", "卫生健康支出", "10.00", "10.00"],
        ["210", "11", "", "行政事业单位医疗", "10.00", "10.00"],
        ["210", "11", "01", "行政单位医疗", "10.00", "10.00"],
    ]
    reading = read_grid(IncomeFinalTable, grid, year=2024, department="某局")
    assert reading.findings == ()
    assert [row.key for row in reading.table.rows] == ["total", "210", "21011", "2101101"]
    assert check(reading.table).ok


def test_the_total_row_of_an_empty_table_printed_on_the_line_of_the_headers() -> None:
    grid = table_of(
        case("shanghai-putuo-shiquan-2025-final"), "政府性基金预算财政拨款收入支出决算表"
    )
    rows = grid["rows"]
    assert isinstance(rows, list)
    from govbudget.tables import GovernmentFundFinalTable

    reading = read_grid(GovernmentFundFinalTable, rows, year=2025, department="石泉路街道")
    table = reading.table
    assert reading.findings == ()
    assert table.is_empty
    assert [row.key for row in table.rows] == ["total"]
    assert table.columns == (
        "carry_over",
        "income",
        "expenditure",
        "basic",
        "project",
        "carry_forward",
    )
    # the 说明 under the table is its note, as the 注 is
    assert table.note is not None and "故本表无数据" in table.note


@pytest.mark.parametrize("index", range(9))
def test_every_final_table_reads_back_as_rendered(index: int) -> None:
    table = consistent().tables[index]
    grid = render_grid(table)
    assert grid[1][1] == "决算年度：2025"
    reading = read_grid(type(table), grid)
    assert reading.findings == ()
    assert reading.table == table


# -- which family a document is ----------------------------------------------------------------


def test_final_accounts_read_as_final_accounts_by_their_titles() -> None:
    bundle = case("shanghai-putuo-caizhengju-2024-final")
    accounts = read_bundle({**bundle, "kind": "budget"})  # the titles outweigh a wrong hint
    assert isinstance(accounts, DepartmentFinalAccounts)
    assert accounts.phase is Phase.FINAL
    assert accounts.facts.income_total == Decimal("2946.25")  # the explanation is read too


def test_a_budget_reads_as_a_budget_and_can_be_asked_for_as_final_accounts() -> None:
    bundle = case("shanghai-putuo-chengguan-2026")
    budget = read_bundle(bundle)
    assert isinstance(budget, DepartmentBudget)
    assert budget.phase is Phase.BUDGET
    accounts = read_bundle(bundle, phase=Phase.FINAL)
    assert isinstance(accounts, DepartmentFinalAccounts)
    assert accounts.tables == ()
    unread = [f for f in accounts.read_findings if f.rule == "READ-TABLE"]
    assert len(unread) == 10  # the nine tables and the project goal table
    assert all("未读入" in f.message for f in unread)


def test_a_budget_table_among_final_ones_is_reported_unread() -> None:
    bundle = case("shanghai-putuo-caizhengju-2024-final")
    budget_table = table_of(case("shanghai-putuo-chengguan-2026"), "2026年部门收入预算总表")
    tables = bundle["tables"]
    assert isinstance(tables, list)
    accounts = read_grids([*tables, budget_table], year=2024, department="上海市普陀区财政局")
    assert isinstance(accounts, DepartmentFinalAccounts)
    assert len(accounts.tables) == 9
    unread = [f for f in accounts.read_findings if f.rule == "READ-TABLE"]
    assert [f.location.table for f in unread] == ["2026年部门收入预算总表"]
    assert "是部门预算表" in unread[0].message


def test_where_no_title_tells_the_bundle_kind_does() -> None:
    grid = table_of(case("shanghai-putuo-caizhengju-2024-final"), "收入决算表")
    untitled = {"title": "", "rows": grid["rows"]}
    bundle = {
        "department": "上海市普陀区财政局",
        "budget_year": 2024,
        "kind": "final_accounts",
        "tables": [untitled],
    }
    accounts = read_bundle(bundle)
    assert isinstance(accounts, DepartmentFinalAccounts)
    assert [type(t) for t in accounts.tables] == [IncomeFinalTable]


def _dump(bundle: dict[str, object]) -> str:
    """A grid bundle as a text dump: titles and narrative as lines, each cell a tabbed line."""
    out: list[str] = []
    tables = bundle["tables"]
    assert isinstance(tables, list)
    for table in tables:
        out.append(table["title"])
        for row in table["rows"]:
            out.extend("\t" + cell for cell in row)
            out.append("")
        out.append("")
    narrative = bundle["narrative"]
    assert isinstance(narrative, str)
    out.append(narrative)
    return "\n".join(out)


def test_final_accounts_read_from_a_text_dump_as_from_their_grids() -> None:
    bundle = case("shanghai-putuo-caizhengju-2024-final")
    accounts = read_text(
        _dump(bundle), year=2024, department="上海市普陀区财政局", phase=Phase.FINAL
    )
    assert accounts.tables == read_bundle(bundle, phase=Phase.FINAL).tables
    assert [
        f.rule for f in accounts.read_findings if f.location.table != "二、部门决算单位构成"
    ] == []


def test_the_national_state_capital_layout_reads_its_total_as_expenditure() -> None:
    from govbudget.tables import StateCapitalFinalTable

    grid = [
        ["编制单位：某局", "", "", "", "单位：万元"],
        ["科目编码", "科目名称", "本年支出", "", ""],
        ["", "", "合计", "基本支出", "项目支出"],
        ["", "合计", "5.00", "", "5.00"],
        ["223", "国有资本经营预算支出", "5.00", "", "5.00"],
    ]
    reading = read_grid(StateCapitalFinalTable, grid, year=2024)
    assert reading.findings == ()
    table = reading.table
    assert table.columns == ("expenditure", "basic", "project")
    # the 合计 under 本年支出 is a column's header, not the 合计 row merged into the header
    assert [row.key for row in table.rows] == ["total", "223"]
    assert table.value("223", "expenditure") == Decimal("5.00")
