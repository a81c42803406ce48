"""Project goal tables as grids: the seed's three grids read into the example's goals, goals
render in the seed's layout, and reading what was rendered gives back the goal.

What the reader cannot read it reports (READ-GOAL-…), row by row; it never drops a cell.
"""

from __future__ import annotations

import importlib.util
import json
import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from govbudget import Severity, Unit
from govbudget.checks import rules
from govbudget.performance import (
    GoalError,
    Indicator,
    Level1,
    Level2,
    ProjectPerformanceGoal,
    SpendingCheckpoint,
)
from govbudget.reading.goal_grid import GoalGridReading, read_goal_grid, render_goal_grid

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("seed_goals", ROOT / "examples" / "seed_goals.py")
assert _spec is not None and _spec.loader is not None
seed_goals = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(seed_goals)

PROJECTS: list[ProjectPerformanceGoal] = seed_goals.project_goals()
BUNDLE = json.loads((ROOT / "tests" / "data" / "seed_bundle.json").read_text("utf-8"))
GRIDS: list[list[list[str]]] = [
    table["rows"] for table in BUNDLE["tables"] if table["title"].endswith("绩效目标表")
]
SECURITY_GRID = GRIDS[0]


def read(grid: list[list[str]]) -> GoalGridReading:
    return read_goal_grid(grid, year=2025)


def squeezed(grid: list[list[str]]) -> list[list[str]]:
    """The grid without the spaces a PDF puts inside and around cells ("其中：财政    资金")."""
    return [[re.sub(r"\s+", "", cell) for cell in row] for row in grid]


def replaced(grid: list[list[str]], row: int, cells: list[str]) -> list[list[str]]:
    changed = [list(r) for r in grid]
    changed[row] = cells
    return changed


# --- the seed -------------------------------------------------------------------------------


@pytest.mark.parametrize("index", [0, 1, 2], ids=["10.00", "12.00", "68.00"])
def test_the_seed_grids_read_into_the_example_goals(index: int) -> None:
    reading = read(GRIDS[index])
    assert reading.findings == ()
    assert reading.goal == PROJECTS[index]


@pytest.mark.parametrize("index", [0, 1, 2], ids=["10.00", "12.00", "68.00"])
def test_the_example_goals_render_as_the_seed_prints_them(index: int) -> None:
    assert squeezed(render_goal_grid(PROJECTS[index])) == squeezed(GRIDS[index])


def test_the_rendered_seed_layout() -> None:
    grid = render_goal_grid(PROJECTS[2])
    assert {len(row) for row in grid} == {7}
    assert grid[:3] == [
        ["单位：万元", "", "", "", "", "", ""],
        ["项目编码", "13020525P00916610002P", "项目名称", "本级网络舆情监测与处置经费", "", "", ""],
        ["预算规模及资金用途", "预算数", "68.00", "其中：财政资金", "68.00", "其他资金", ""],
    ]
    assert grid[8:10] == [
        ["产出指标", "质量指标", "网络信息服务质量情况", "网络信息服务质量情况", "≥95%",
         "唐网信委【2024】2号", ""],
        ["", "数量指标", "采购数量", "采购数量", "≤4个", "唐网信委【2024】2号", ""],
    ]  # fmt: skip


def test_rows_that_drop_their_repeated_cells_are_read() -> None:
    """A merged level-1 (or level-1 and level-2) cell may come out as missing cells rather than
    blank ones: ["质量指标", "网络技术培训指导率", …] under 产出指标."""
    grid = [list(row) for row in SECURITY_GRID]
    grid[9] = [
        "质量指标",
        "网络技术培训指导率",
        "网络技术培训指导率",
        "≥90%",
        "唐网办字【2024】2号",
        "",
    ]
    grid[10] = grid[10][1:]
    reading = read(grid)
    assert reading.findings == ()
    assert reading.goal == PROJECTS[0]


def test_a_row_that_drops_both_repeated_levels_is_read() -> None:
    goal = attrs.evolve(
        PROJECTS[0],
        indicators=[*PROJECTS[0].indicators, attrs.evolve(PROJECTS[0].indicators[-1], name="x")],
    )
    grid = render_goal_grid(goal)
    grid[-1] = grid[-1][2:]  # ["x", "服务群体满意度", "≥90%", …]
    assert read(grid).goal == goal


def test_a_grid_trimmed_at_the_end_is_read() -> None:
    """Rows whose trailing blank cells were cut (a blank basis) are told apart from rows that
    lost their leading cells by their first cell: a level-1 name starts a whole row."""
    grid = [list(row) for row in SECURITY_GRID]
    grid[8] = ["产出指标", "数量指标", "采购数量", "完成信息系统及设备的采购", "1个"]
    reading = read(grid)
    assert reading.goal is not None and reading.goal.indicators[0].basis == ""


# --- round trips ----------------------------------------------------------------------------

TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
    | st.sampled_from("产出效益满意度指标数量质量 \n、，。%≥≤万元"),
    max_size=12,
)
NAMED = TEXT.filter(lambda text: bool(text.strip()))
STATEMENT = NAMED.filter(lambda text: len(text.strip().splitlines()) == 1)
LEVEL1 = st.sampled_from([level.label for level in Level1]) | NAMED
LEVEL2 = st.sampled_from([level.label for level in Level2]) | NAMED
TARGET = (
    st.sampled_from(["≥90%", "1个", "≤10万元", "≤68万", "<5%", "=100.00(%)", "合理", ""]) | TEXT
)


@st.composite
def units_and_amounts(draw: st.DrawFn) -> tuple[Unit, list[Decimal | None]]:
    unit = draw(st.sampled_from(Unit))
    amount = st.none() | st.decimals(
        min_value=-(10**12), max_value=10**12, places=draw(st.integers(0, unit.places))
    )
    return unit, [draw(amount) for _ in range(4)]


def indicators(basis: st.SearchStrategy[str | None]) -> st.SearchStrategy[Indicator]:
    return st.builds(Indicator, LEVEL1, LEVEL2, NAMED, TEXT, TARGET, basis)


@st.composite
def goals(draw: st.DrawFn) -> ProjectPerformanceGoal:
    unit, (budget, financial, other, carry_over) = draw(units_and_amounts())
    # A layout either has the basis column (every basis is text) or has not (every one None).
    basis = draw(st.sampled_from([TEXT, st.none()]))
    rows = draw(st.lists(indicators(basis), max_size=6))
    if rows and draw(st.booleans()):  # indicators under a repeated level-1 and level-2
        rows.append(attrs.evolve(rows[-1], name=draw(NAMED)))
    goal = ProjectPerformanceGoal(
        year=draw(st.integers(2000, 2100)),
        code=draw(st.from_regex(r"[0-9A-Z]{0,21}", fullmatch=True)),
        name=draw(NAMED),
        unit=unit,
        budget=budget,
        financial_funds=financial,
        other_funds=other,
        carry_over=carry_over,
        purpose=draw(TEXT),
        schedule=draw(
            st.lists(
                st.builds(
                    SpendingCheckpoint,
                    NAMED,
                    st.none() | st.decimals(min_value=-200, max_value=200, places=2),
                ),
                max_size=8,
            )
        ),
        goals=draw(st.lists(STATEMENT, max_size=3)),
        indicators=rows,
        facts=draw(st.lists(st.tuples(NAMED, TEXT), max_size=3)),
    )
    try:
        render_goal_grid(goal)
    except GoalError:
        assume(False)  # a fact labelled like a part of the layout: refused, see below
    return goal


@given(goals())
def test_reading_a_rendered_goal_gives_the_goal(goal: ProjectPerformanceGoal) -> None:
    grid = render_goal_grid(goal)
    reading = read_goal_grid(grid, year=goal.year)
    assert reading.findings == ()
    assert reading.goal == goal
    assert render_goal_grid(reading.goal) == grid
    assert len({len(row) for row in grid}) == 1


@given(goals())
def test_rendering_what_was_read_is_stable(goal: ProjectPerformanceGoal) -> None:
    once = render_goal_grid(goal)
    read_back = read_goal_grid(once, year=goal.year).goal
    assert read_back is not None
    assert render_goal_grid(read_back) == once


def test_carry_over_and_facts_render_and_read_back() -> None:
    goal = attrs.evolve(
        PROJECTS[0],
        carry_over=Decimal("2.00"),
        financial_funds=Decimal("8.00"),
        facts=[("项目性质", "阶段性项目"), ("主管部门", "")],
    )
    grid = render_goal_grid(goal)
    assert grid[2][:2] == ["项目性质", "阶段性项目"]
    assert grid[4][-2:] == ["上年结转资金", "2.00"]
    assert read(grid).goal == goal


def test_a_goal_without_a_basis_column_renders_without_it() -> None:
    rows = [attrs.evolve(row, basis=None) for row in PROJECTS[0].indicators]
    goal = attrs.evolve(PROJECTS[0], indicators=rows)
    grid = render_goal_grid(goal)
    assert grid[7][:6] == ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", ""]
    assert read(grid).goal == goal


def test_a_fact_labelled_like_the_layout_is_refused() -> None:
    with pytest.raises(GoalError, match="'绩效目标'"):
        render_goal_grid(attrs.evolve(PROJECTS[0], facts=[("绩效目标", "x")]))
    with pytest.raises(GoalError):
        render_goal_grid(attrs.evolve(PROJECTS[0], facts=[("单位名称", "x")]))


# --- what the reader cannot read, it reports ------------------------------------------------


def test_an_unreadable_figure_is_reported_and_left_blank() -> None:
    grid = replaced(
        SECURITY_GRID,
        2,
        ["预算规模及资金用途", "预算数", "十万", "其中：财政资金", "10.001", "其他资金", ""],
    )
    reading = read(grid)
    assert reading.goal is not None
    assert (reading.goal.budget, reading.goal.financial_funds) == (None, None)
    assert [(f.rule, f.location.column, f.location.line) for f in reading.findings] == [
        ("READ-GOAL-CELL", "预算数", 3),
        ("READ-GOAL-CELL", "其中：财政资金", 3),
    ]
    assert reading.findings[1].message == "“其中：财政资金”的“10.001”有 3 位小数，万元金额至多 2 位"
    assert reading.findings[0].location.table == "项目绩效目标表：本级网络安全工作经费"


def test_an_unreadable_percentage_is_reported() -> None:
    reading = read(replaced(SECURITY_GRID, 5, ["", "25%", "二成", "75%", "100%", "", ""]))
    (finding,) = reading.findings
    assert finding.rule == "READ-GOAL-CELL" and finding.location.column == "6月底"
    assert reading.goal is not None and reading.goal.schedule[1].percent is None


def test_cells_outside_the_layout_are_reported() -> None:
    grid = replaced(SECURITY_GRID, 1, [*SECURITY_GRID[1][:4], "备注", "", ""])
    grid = replaced(grid, 10, [*grid[10][:6], "多余"])
    grid = replaced(grid, 5, ["", "25%", "50%", "75%", "100%", "120%", ""])
    messages = [f.message for f in read(grid).findings]
    assert messages == [
        "“项目编码”行第 5 栏的“备注”在版式中没有位置，未读取",
        "资金支出计划第 6 栏印有“120%”，但没有时间节点",
        "“项目按计划完成率（%）”行第 7 栏的“多余”在版式中没有位置，未读取",
    ]


def test_a_stray_row_is_reported() -> None:
    grid = [list(row) for row in SECURITY_GRID]
    grid.insert(7, ["", "", "第二条目标之后的一段说明", "", "", "", ""])
    grid.insert(7, ["", "", "", "", "", "", ""])
    reading = read(grid)
    (finding,) = reading.findings
    assert finding.rule == "READ-GOAL-ROW" and finding.location.line == 9
    assert reading.goal == PROJECTS[0]


def test_an_indicator_row_with_nothing_to_repeat_is_reported() -> None:
    grid = replaced(SECURITY_GRID, 8, ["", "数量指标", "采购数量", "完成信息系统及设备的采购", "1个",
                                       "唐网办字【2024】2号", ""])  # fmt: skip
    reading = read(grid)
    # The four 产出 rows all leave 一级指标 blank, with no row above to repeat: each is reported.
    assert [(f.rule, f.location.column, f.location.line) for f in reading.findings] == [
        ("READ-GOAL-ROW", "一级指标", line) for line in (9, 10, 11, 12)
    ]
    assert reading.goal is not None
    assert [row.level1 for row in reading.goal.indicators] == ["效益指标"] * 4 + ["满意度指标"]


def test_an_indicator_without_a_name_is_reported() -> None:
    grid = replaced(SECURITY_GRID, 9, ["", "质量指标", "", "", "≥90%", "唐网办字【2024】2号", ""])
    (finding,) = read(grid).findings
    assert finding.location.column == "三级指标"
    assert "第 10 行指标的三级指标空白" in finding.message


def test_a_grid_without_a_name_or_indicator_header_is_reported() -> None:
    nameless = replaced(
        SECURITY_GRID, 1, ["项目编码", "13020525P00916610003B", "项目名称", "", "", "", ""]
    )
    reading = read(nameless)
    assert reading.goal is None
    assert [f.message for f in reading.findings] == ["未印项目名称，无法建立项目绩效目标"]
    assert reading.findings[0].location.table == "项目绩效目标表"
    headless = read(SECURITY_GRID[:7])
    assert headless.goal is not None and headless.goal.indicators == ()
    assert [f.rule for f in headless.findings] == ["READ-GOAL-MISSING"]


def test_an_unknown_header_column_and_a_missing_unit_are_reported() -> None:
    grid = replaced(SECURITY_GRID, 7, [*SECURITY_GRID[7][:6], "备注"])
    (column,) = read(grid).findings
    assert column.message == "指标表头“备注”不是本版式的栏目，该栏未读取"
    without_unit = read(SECURITY_GRID[1:])
    (unit,) = without_unit.findings
    assert unit.severity is Severity.WARNING and unit.message == "未印金额单位，按万元读取"
    assert without_unit.goal == PROJECTS[0]
    assert read(replaced(SECURITY_GRID, 0, ["单位：美元"])).findings[0].rule == "READ-GOAL-CELL"


def test_a_goal_the_model_refuses_is_reported() -> None:
    grid = replaced(SECURITY_GRID, 1, ["项目编码", "1302 0525", "项目名称", "本级网络安全工作经费"])
    reading = read(grid)
    assert reading.goal is None
    assert reading.report.errors[0].message.startswith("无法建立项目绩效目标：")


def test_the_reader_rules_are_declared() -> None:
    declared = {r.id: r for r in rules() if r.id.startswith("READ-GOAL-")}
    assert set(declared) == {"READ-GOAL-CELL", "READ-GOAL-ROW", "READ-GOAL-MISSING"}
    assert all(r.applies_to is None for r in declared.values())
