"""Nothing lost: every figure a table prints is in the model, is numbering, or a finding names it.

``govbudget.reading.account_text`` / ``account_bundle`` count the numeric cells of an input's
tables and where each went; ``printed == in_model + numbering + unread`` with nothing ``lost``
on the seed, on the real cases, and on mutations of them (lines, rows and cells dropped,
duplicated, swapped, garbled, digits changed, the input cut short). Each reader fix the
mutations called for has its regression test below, with the input that lost a figure.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govbudget import GovBudgetError, read_bundle, read_grids, read_text
from govbudget.reading import (
    Accounting,
    account_bundle,
    account_grids,
    account_text,
    read_department_goal_grid,
)

DATA = Path(__file__).parent / "data"
SEED_BUNDLE: dict[str, Any] = json.loads((DATA / "seed_bundle.json").read_text("utf-8"))
CASES = sorted((DATA / "cases").glob("*.json"))

# The quick profile runs in CI; HYPOTHESIS_PROFILE=thorough runs as many examples as it says.
EXAMPLES = 40 if settings.default.max_examples <= 200 else settings.default.max_examples
MUTATIONS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# --- the seed and the real cases, counted exactly ------------------------------------------


def test_the_seed_text_loses_nothing(seed_text: str) -> None:
    # 397 numeric cells in its 15 tables: 217 figures and codes in the model, 180 numbers of
    # the 序号 column and the 栏次 row, nothing unread.
    assert account_text(seed_text) == Accounting(printed=397, in_model=217, numbering=180, unread=0)


def test_the_seed_bundle_loses_nothing() -> None:
    assert account_bundle(SEED_BUNDLE) == Accounting(
        printed=397, in_model=217, numbering=180, unread=0
    )


BUDGETS = {
    "shanghai-putuo-chengguan-2026": 412,
    "shanghai-putuo-jianguanwei-2026": 887,
    "shanghai-putuo-wenlvju-2026": 663,
}


@pytest.mark.parametrize("case", sorted(BUDGETS))
def test_a_real_budget_loses_nothing(case: str) -> None:
    bundle = json.loads((DATA / "cases" / f"{case}.json").read_text("utf-8"))
    printed = BUDGETS[case]
    # Shanghai prints no 序号 and no 栏次: every numeric cell is a figure or a code.
    assert account_bundle(bundle) == Accounting(
        printed=printed, in_model=printed, numbering=0, unread=0
    )


@pytest.mark.parametrize("path", CASES, ids=lambda path: path.stem)
def test_every_real_case_balances(path: Path) -> None:
    accounting = account_bundle(json.loads(path.read_text("utf-8")))
    assert accounting.lost == ()
    assert accounting.printed == accounting.in_model + accounting.numbering + accounting.unread


# --- mutations ---------------------------------------------------------------------------------

GARBAGE = st.sampled_from(
    ["", "\t", "abc", "\t12.3.4", "\t-", "注：", "\t合 计", "\t栏次", "\t序号", "\t0.00", "\t201",
     "\t1,234.5", "\t100%", "\t单位：元", "预算年度：2025", "１２３", "\t" * 12]
)  # fmt: skip


@st.composite
def mutated_text(draw: st.DrawFn, text: str) -> str:
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "dup", "swap", "garbage", "digit", "cut", "blank"]))
        if action == "drop":
            del lines[at]
        elif action == "dup":
            lines.insert(at, lines[at])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif action == "garbage":
            lines.insert(at, draw(GARBAGE))
        elif action == "digit":
            lines[at] = _digit(draw, lines[at])
        elif action == "blank":
            lines.insert(at, "")
        else:
            lines = lines[:at]
    return "\n".join(lines)


def _digit(draw: st.DrawFn, text: str) -> str:
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    if not digits:
        return text
    i = draw(st.sampled_from(digits))
    return text[:i] + draw(st.sampled_from("0123456789.,-%")) + text[i + 1 :]


@st.composite
def mutated_bundle(draw: st.DrawFn, bundle: dict[str, Any]) -> dict[str, Any]:
    bundle = json.loads(json.dumps(bundle))
    tables = bundle["tables"]
    for _ in range(draw(st.integers(1, 6))):
        table = draw(st.sampled_from(tables))
        rows = table["rows"]
        if not rows:
            continue
        at = draw(st.integers(0, len(rows) - 1))
        row = rows[at]
        column = draw(st.integers(0, max(len(row) - 1, 0)))
        action = draw(
            st.sampled_from(
                ["drop-row", "dup-row", "swap-rows", "drop-cell", "dup-cell", "swap-cells",
                 "garble", "digit", "cut-row", "cut-table", "title"]
            )
        )  # fmt: skip
        if action == "drop-row":
            del rows[at]
        elif action == "dup-row":
            rows.insert(at, list(row))
        elif action == "swap-rows":
            other = draw(st.integers(0, len(rows) - 1))
            rows[at], rows[other] = rows[other], rows[at]
        elif action == "cut-table":
            del rows[at:]
        elif action == "title":
            table["title"] = draw(GARBAGE).strip("\t")
        elif not row:
            continue
        elif action == "drop-cell":
            del row[column]
        elif action == "dup-cell":
            row.insert(column, row[column])
        elif action == "swap-cells":
            other = draw(st.integers(0, len(row) - 1))
            row[column], row[other] = row[other], row[column]
        elif action == "garble":
            row[column] = draw(GARBAGE).strip("\t")
        elif action == "digit":
            row[column] = _digit(draw, row[column])
        else:
            del row[column:]
    return bundle


def _balanced(account: Any, data: Any) -> None:
    try:
        accounting = account(data)
    except GovBudgetError:
        return
    assert accounting.lost == (), accounting.lost
    assert accounting.printed == accounting.in_model + accounting.numbering + accounting.unread


@MUTATIONS
@given(st.data())
def test_a_mutated_seed_text_loses_nothing_silently(seed_text: str, data: st.DataObject) -> None:
    _balanced(account_text, data.draw(mutated_text(seed_text)))


@MUTATIONS
@given(mutated_bundle(SEED_BUNDLE))
def test_a_mutated_seed_bundle_loses_nothing_silently(bundle: dict[str, Any]) -> None:
    _balanced(account_bundle, bundle)


@MUTATIONS
@given(
    st.sampled_from(sorted(BUDGETS)).flatmap(
        lambda case: mutated_bundle(
            json.loads((DATA / "cases" / f"{case}.json").read_text("utf-8"))
        )
    )
)
def test_a_mutated_real_budget_loses_nothing_silently(bundle: dict[str, Any]) -> None:
    _balanced(account_bundle, bundle)


# --- the reader fixes the mutations called for ----------------------------------------------

HEAD = [["某部门", "预算年度：2025", "单位：万元"]]
EXPENDITURE = [["序号", "科目编码", "科目名称", "合计", "基本支出"]]


def _findings(tables: list[dict[str, Any]]) -> list[str]:
    budget = read_grids(tables)
    return [str(finding) for finding in budget.read_findings]


def _grid(rows: list[list[str]], title: str = "部门预算支出总表") -> list[dict[str, Any]]:
    return [{"title": title, "rows": rows}]


def test_a_row_short_of_a_cell_is_reported_not_shifted() -> None:
    # The name cell dropped: the figures would slide under the wrong headers, the first one
    # into the name column.
    tables = _grid([*HEAD, *EXPENDITURE, ["1", "210", "14.53", "14.53"]])
    assert _findings(tables) == [
        "错误 READ-ROW [部门预算支出总表 / 14.53 / 第3行] "
        "第3行科目名称“14.53”是数字（少印或多印了一格？），该行未读入"
    ]
    assert account_grids(tables).lost == ()


def test_a_figure_under_the_sequence_header_is_reported() -> None:
    # A text row broken in two by a blank line: the second half's figure lands under 序号.
    tables = _grid([*HEAD, *EXPENDITURE, ["1", "210", "卫生健康支出", "14.53"], ["14.53"]])
    assert _findings(tables) == [
        "错误 READ-CELL [部门预算支出总表 / 序号 / 第4行] 第4行序号栏的“14.53”不是序号，未读入"
    ]
    assert account_grids(tables) == Accounting(printed=4, in_model=2, numbering=1, unread=1)


def test_a_figure_beside_the_header_facts_is_reported() -> None:
    tables = _grid(
        [
            ["某部门", "12", "单位：万元", "预算年度：2025"],
            *EXPENDITURE[:1],
            ["1", "210", "卫生健康支出", "14.53"],
        ]
    )
    assert "第1行“12”印在表头（预算年度、单位、编制部门）一行中，未读入" in _findings(tables)[0]
    assert account_grids(tables).lost == ()


def test_a_line_numbers_row_run_into_a_body_row_is_read_as_a_row() -> None:
    rows = [*HEAD, *EXPENDITURE, ["栏次", "合计", "193.61", "193.61"]]
    assert "第3行科目名称“193.61”是数字" in _findings(_grid(rows))[0]
    assert account_grids(_grid(rows)).lost == ()


def test_a_number_where_a_summary_prints_a_label_is_reported() -> None:
    rows = [
        *HEAD,
        ["项目", "预算数", "项目", "预算数"],
        ["一、一般公共预算拨款收入", "283.61", "一、一般公共服务支出", "256.59"],
        ["收入总计", "支出总计", "283.61", ""],
    ]
    findings = _findings(_grid(rows, "部门预算收支总表"))
    assert any("项目名称“283.61”是数字" in finding for finding in findings)
    assert account_grids(_grid(rows, "部门预算收支总表")).lost == ()


def test_a_figure_in_the_code_cells_of_the_total_row_is_reported() -> None:
    rows = [
        ["编制部门：某部门", "", "", "", "单位：元"],
        ["功能分类科目编码", "", "", "功能分类科目名称", "合计"],
        ["类", "款", "项", "", ""],
        ["210", "", "", "卫生健康支出", "1,000"],
        ["合计", "201", "", "", "1,000"],
    ]
    tables = [{"title": "2026年部门支出预算总表", "rows": rows}]
    assert read_grids(tables, year=2026).read_findings[0].message == (
        "第5行“201”印在“合计”行的编码栏，未读入"
    )
    assert account_grids(tables, year=2026).lost == ()


def test_a_note_row_with_a_figure_is_a_row_of_the_table() -> None:
    rows = [
        *HEAD,
        ["项目", "预算数", "项目", "预算数"],
        ["注：", "", "一、一般公共服务支出", "5.00"],
    ]
    tables = _grid(rows, "部门预算收支总表")
    assert account_grids(tables).lost == ()
    # The 注： beside it holds no figure: a label that loses nothing, so nothing is reported.
    budget = read_grids(tables)
    assert budget.read_findings == ()
    assert budget.income_expenditure_summary.block("expenditure").value("201", "amount") == Decimal(
        "5.00"
    )


def test_a_schedule_percentage_beyond_the_checkpoints_is_reported(seed_text: str) -> None:
    text = seed_text.replace("\t75%\n\t100%\n", "\t75%\n\t100%\n\t100%\n", 1)
    messages = [finding.message for finding in read_text(text).read_findings]
    assert messages == ["资金支出计划第 6 栏印有“100%”，但没有时间节点"]
    assert account_text(text).lost == ()


def test_a_fixed_asset_figure_on_a_row_of_its_own_is_reported(seed_text: str) -> None:
    text = seed_text.replace("\t资产总额\n\t89\n\t20.61\n", "\t资产总额\n\t89\n\n\t20.61\n", 1)
    assert [f.rule for f in read_text(text).read_findings] == ["READ-TABLE"]
    assert account_text(text).lost == ()


def test_figures_in_the_procurement_header_are_reported(seed_text: str) -> None:
    text = seed_text.replace("\t项目名称\n\t预算", "\t项目名称\n\t11\n\t预算", 1)
    assert [f.message for f in read_text(text).read_findings] == ["第1705行“11”印在表头中，未读入"]
    assert account_text(text).lost == ()


def test_a_second_procurement_or_fixed_assets_table_is_reported_not_replacing_the_first() -> None:
    assets = {
        "title": "部门固定资产占用情况表",
        "rows": [["项目", "数量", "价值（金额单位：万元）"], ["资产总额", "89", "20.61"]],
    }
    tables = [*_grid([*HEAD, *EXPENDITURE, ["1", "210", "卫生健康支出", "14.53"]]), assets, assets]
    budget = read_grids(tables)
    assert budget.fixed_assets is not None
    assert [f.message for f in budget.read_findings] == [
        "表“部门固定资产占用情况表”与前面的固定资产占用情况表重复，其中 2 个数字未读入"
    ]
    assert account_grids(tables) == Accounting(printed=7, in_model=4, numbering=1, unread=2)


def test_the_accounting_reads_as_the_readers_do() -> None:
    # The same errors as the reader: input that is no disclosure is refused alike.
    with pytest.raises(GovBudgetError):
        account_text("这不是一份部门预算。")
    with pytest.raises(GovBudgetError):
        account_bundle({"rows": []})
    assert read_bundle(SEED_BUNDLE).read_findings == ()


def test_a_percentage_among_the_headers_ends_them_and_is_reported() -> None:
    # A percentage is no amount, but a number: a header row holding one is a body row, and a
    # row holding one is no repeated header (both dropped it silently).
    rows = [
        ["编制部门：某部门", "", "", "", "", "单位：元"],
        ["功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出"],
        ["类", "款", "项", "", "100%", ""],
        ["210", "", "", "卫生健康支出", "1,000", "1,000"],
    ]
    tables = [{"title": "2026年部门支出预算总表", "rows": rows}]
    messages = [finding.message for finding in read_grids(tables, year=2026).read_findings]
    assert "第3行科目编码“类”不是本表可用的编码，该行未读入" in messages
    assert account_grids(tables, year=2026).lost == ()
    summary = [*HEAD, ["100%", "", "支出", ""], ["项目", "预算数", "项目", "预算数"]]
    tables = [*_grid([*HEAD, *EXPENDITURE]), *_grid(summary, "部门预算收支总表")]
    assert account_grids(tables) == Accounting(printed=1, in_model=0, numbering=0, unread=1)


def test_a_goal_funds_row_printed_twice_is_reported_not_overwritten() -> None:
    bundle = json.loads(json.dumps(SEED_BUNDLE))
    goal = next(table for table in bundle["tables"] if table["title"].endswith("绩效目标表"))
    funds = next(i for i, row in enumerate(goal["rows"]) if row[0] == "预算规模及资金用途")
    goal["rows"].insert(funds + 1, [*goal["rows"][funds][:2], "13.00", *goal["rows"][funds][3:]])
    messages = [finding.message for finding in read_bundle(bundle).read_findings]
    assert "“预算数”重复印出，“13.00”未读取" in messages
    assert account_bundle(bundle).lost == ()


def test_a_number_in_a_collapsed_header_is_not_rebuilt_away(seed_text: str) -> None:
    # A text dump's header rows are rebuilt from the 栏次 row; a number among them was dropped
    # with them. Now the table is read as printed, and what it cannot read is reported.
    text = seed_text.replace("\t序号\n\t收入\n\t支出\n", "\t序号\n\t收入\n\t支出\n\t99\n", 1)
    assert [finding.rule for finding in read_text(text).read_findings] == ["READ-TABLE"]
    assert account_text(text) == Accounting(printed=398, in_model=209, numbering=142, unread=47)


def test_a_department_goal_table_loses_nothing() -> None:
    """宁德's 部门整体支出绩效目标表: every figure is in the department goal table read."""
    page = DATA / "pages" / "fujian-ningde-party-history-chronicles-office-2019" / "bundle.json"
    accounting = account_bundle(json.loads(page.read_text("utf-8")))
    assert accounting.printed == accounting.in_model + accounting.numbering + accounting.unread
    assert accounting.lost == ()


# 长沙职业教育基地, 2026 (a wide 部门整体支出绩效目标表, from a published PDF): the money is printed
# on the first indicator's row, under headers the indicator header row does not repeat.
_WIDE_HEADER = "单位编码 单位名称 年度预算申请 _ _ 整体绩效目标 一级指标 二级指标 三级指标 指标值类型 指标值 计量单位"
_WIDE_ROW = "201056 长沙职业教育基地综合协调办公室 656.73 386.73 270.00 夯实思想政治根基 成本指标 经济成本指标 项目支出 ≤ 270 万元"
WIDE_GOALS = [
    [cell.replace("_", "") for cell in _WIDE_HEADER.split()],
    _WIDE_ROW.split(),
]


def test_cells_under_no_indicator_header_are_reported_not_dropped() -> None:
    reading = read_department_goal_grid(WIDE_GOALS, year=2026)
    unplaced = [f.message for f in reading.findings if f.rule == "READ-GOAL-CELL"]
    # Under a header of its own row a cell is kept as a fact of the indicator; under none, it
    # is reported (386.73 and 270.00 print under the merged 年度预算申请).
    assert reading.goals is not None
    assert ("年度预算申请", "656.73") in reading.goals.indicators[0].facts
    assert [m for m in unplaced if "386.73" in m or "270.00" in m] == unplaced
    assert len(unplaced) == 2
