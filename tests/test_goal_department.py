"""Department goal tables (部门整体支出绩效目标表 and its variants): four real tables read whole,
what the reader and the rules say of each and why, minimal edits that make each rule fire.

The grids are the bundles of ``tests/data/pages/fujian-ningde-…`` and ``tests/data/goal-pages/``;
each page's notes.md gives its source, the arithmetic checked with Decimal, and the findings.
"""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path

import attrs
from hypothesis import given
from hypothesis import strategies as st

from govbudget import check
from govbudget.checks.reading import YEAR_UNKNOWN
from govbudget.performance import (
    DepartmentGoalTable,
    Indicator,
    ProjectPerformanceGoal,
)
from govbudget.reading import read_department_goal_grid

DATA = Path(__file__).resolve().parent / "data"
PAGES = {
    "ningde": DATA / "pages" / "fujian-ningde-party-history-chronicles-office-2019",
    "chongqing": DATA / "goal-pages" / "chongqing-meteorological-bureau-2026-department",
    "guangzhou": DATA / "goal-pages" / "guangdong-guangzhou-zwfw-2026-department",
    "yueyanglou": DATA / "goal-pages" / "hunan-yueyanglou-price-certification-2023-department",
}
NEW_RULES = ["PG-RATE", "PG-PLACEHOLDER", "PG-DEPT-FUNDS", "PG-DEPT-DUTIES", "PG-WEIGHTS"]


def bundle(name: str) -> tuple[list[list[str]], int]:
    data = json.loads((PAGES[name] / "bundle.json").read_text("utf-8"))
    rows: list[list[str]] = data["tables"][0]["rows"]
    return rows, data["budget_year"]


def read(rows: list[list[str]], year: int) -> DepartmentGoalTable:
    table = read_department_goal_grid(rows, year=year).goals
    assert table is not None
    return table


def findings(table: DepartmentGoalTable) -> list[tuple[str, str | None, Decimal | None]]:
    return [(f.rule, f.location.row, f.actual) for f in check(table, select=NEW_RULES)]


def edited(name: str, row: int | str, column: int, text: str) -> DepartmentGoalTable:
    """The table with one cell changed; ``row`` is the row's index or a cell it holds."""
    rows, year = bundle(name)
    changed = copy.deepcopy(rows)
    line = row if isinstance(row, int) else next(i for i, r in enumerate(rows) if row in r)
    changed[line][column] = text
    return read(changed, year)


# --- the reader ------------------------------------------------------------------------------


def test_ningde_read_whole() -> None:
    """Every block of the Fujian layout: header, 年度预算安排, 年度总体目标 (4 lines), three
    履职 rows, seven indicators (the last, truncated in the stored page, with a blank target)."""
    rows, year = bundle("ningde")
    reading = read_department_goal_grid(rows, year=year)
    assert reading.findings == ()
    table = reading.goals
    assert table is not None
    assert (table.department, table.budget_code) == ("中共宁德市委党史和地方志研究室", "901001033")
    assert (table.total, table.basic, table.project) == (
        Decimal("171.41"),
        Decimal("110.61"),
        Decimal("60.8"),
    )
    assert len(table.overall.splitlines()) == 4
    assert [d.amount for d in table.duties] == [Decimal("49.8"), Decimal("11"), Decimal("171.41")]
    assert [d.project for d in table.duties][-1] == "基本支出"
    assert len(table.indicators) == 7
    assert table.indicators[-1].target.text == ""


def test_chongqing_read_without_levels_with_weights() -> None:
    """The level-less layout: comparator, value and unit in three cells, a weight, 是否核心 as a
    fact; the header repeated on the second page is read again, not as an indicator."""
    rows, year = bundle("chongqing")
    reading = read_department_goal_grid(rows, year=year)
    assert reading.findings == ()
    table = reading.goals
    assert table is not None
    assert table.department == "重庆市气象局"
    assert len(table.indicators) == 11
    first = table.indicators[0]
    assert (first.level1, first.name, first.target.text, first.weight) == (
        "",
        "气候预测准确率",
        "≥68%",
        Decimal("12"),
    )
    assert table.indicators[-1].facts == (("是否核心", "否"),)


def test_guangzhou_read_money_pairs_and_key_tasks() -> None:
    """Guangdong's 预算整体情况: two label/figure pairs a row, 预算金额（万元） as the unit; the
    pairs that are no 基本/项目支出 are kept as facts; the key tasks have no 支出项目名称."""
    rows, year = bundle("guangzhou")
    reading = read_department_goal_grid(rows, year=year)
    assert reading.findings == ()
    table = reading.goals
    assert table is not None
    assert (table.total, table.basic, table.project) == (
        None,
        Decimal("12634.14"),
        Decimal("86246.64"),
    )
    assert ("财政拨款", "98,880.78") in table.facts
    assert [d.amount for d in table.duties] == [
        Decimal(v) for v in ("164.85", "12000.00", "1108.00", "1756.90", "51365.96")
    ]
    assert all(d.project is None for d in table.duties)
    assert len(table.indicators) == 21
    # 年度指标值 is the target; 实施周期指标值 is kept beside it.
    assert table.indicators[0].facts == (("实施周期指标值", "≥20"),)


def test_yueyanglou_reader_findings() -> None:
    """Hunan's form prints a 计量单位 % beside 28.8万元 and beside the words 应保尽保 (not
    joined, a warning each), and a 经济效益指标 row without an indicator (an error: the row
    prints only its 评(扣)分标准)."""
    rows, year = bundle("yueyanglou")
    reading = read_department_goal_grid(rows, year=year)
    assert [(f.rule, f.severity.name, f.location.line) for f in reading.findings] == [
        ("READ-GOAL-CELL", "WARNING", 6),
        ("READ-GOAL-ROW", "ERROR", 10),
        ("READ-GOAL-CELL", "WARNING", 11),
    ]
    table = reading.goals
    assert table is not None
    assert table.facts == (("*部门(单位)职责", "负责价格认定工作"),)
    assert [row.target.text for row in table.indicators] == [
        "28.8万元",
        "100%",
        "按月安排",
        "100%",
        "应保尽保",
    ]
    assert table.indicators[-1].level1 == "效益指标"  # carried over the unread row


def test_printed_year_against_given() -> None:
    rows, _ = bundle("ningde")
    assert read(rows, 2019).year == 2019
    reading = read_department_goal_grid(rows)
    assert reading.goals is not None and reading.goals.year == 2019
    other = read_department_goal_grid(rows, year=2020)
    assert [f.rule for f in other.findings] == ["READ-GOAL-CELL"]
    assert other.goals is not None and other.goals.year == 2020


def test_no_year_is_read_with_the_year_unknown() -> None:
    rows, year = bundle("guangzhou")
    reading = read_department_goal_grid(rows)
    assert reading.goals is not None and reading.goals.year is None
    assert [f.message for f in reading.findings] == [YEAR_UNKNOWN]
    # Everything but the year is read as it is with the year given.
    given = read_department_goal_grid(rows, year=year).goals
    assert given is not None and attrs.evolve(reading.goals, year=year) == given


@given(st.lists(st.lists(st.text(max_size=8), min_size=1, max_size=6), max_size=12))
def test_any_grid_is_read_without_raising(grid: list[list[str]]) -> None:
    reading = read_department_goal_grid(grid, year=2025)
    assert reading.goals is not None or reading.findings


# --- the rules on the real tables ------------------------------------------------------------


def test_ningde_duties_basic_line_carries_the_total() -> None:
    """The 基本支出 line of 年度履职目标 prints 171.41, the 资金总额, not the 110.61 基本支出
    (a difference of exactly the 60.8 项目支出); the project lines, 49.8 + 11 = 60.8, agree;
    资金总额 171.41 = 110.61 + 60.8 agrees."""
    rows, year = bundle("ningde")
    assert findings(read(rows, year)) == [
        ("PG-DEPT-DUTIES", "确保日常工作正常运行", Decimal("171.41"))
    ]


def test_clean_pages() -> None:
    """Chongqing's weights add up to 100; Guangzhou's rates are at most 100% and its key tasks
    are not all its projects; Yueyanglou prints no money block. None gets a new finding."""
    for name in ("chongqing", "guangzhou", "yueyanglou"):
        rows, year = bundle(name)
        assert findings(read(rows, year)) == [], name


def test_funds_total_edited() -> None:
    """资金总额 171.41 → 181.41: no longer 110.61 + 60.8."""
    assert ("PG-DEPT-FUNDS", "资金总额", Decimal("181.41")) in findings(
        edited("ningde", 2, 2, "181.41")
    )


def test_duties_project_line_edited() -> None:
    """The first project line 49.8 → 39.8: the project lines total 50.8, not 60.8."""
    found = findings(edited("ningde", 10, 4, "39.8"))
    assert (
        "PG-DEPT-DUTIES",
        "组织、指导、编纂、督促和检查地方志、年鉴、地情工作",
        Decimal("50.8"),
    ) in (found)


def test_weights_edited() -> None:
    """气候预测准确率's weight 12 → 15: the weights total 103; blanked, one is missing and they
    total 88."""
    assert findings(edited("chongqing", "气候预测准确率", 5, "15")) == [
        ("PG-WEIGHTS", "绩效指标", Decimal("103"))
    ]
    assert findings(edited("chongqing", "气候预测准确率", 5, "")) == [
        ("PG-WEIGHTS", "气候预测准确率", None),
        ("PG-WEIGHTS", "绩效指标", Decimal("88")),
    ]


def test_rate_edited() -> None:
    """话务接通率 ≥93% → ≥193%: a rate above 100%."""
    assert findings(edited("guangzhou", "话务接通率", 5, "≥193%")) == [
        ("PG-RATE", "话务接通率", Decimal("193"))
    ]


def test_rate_on_a_project_goal_ezhou() -> None:
    """鄂州's 2022 project table prints 经常性大型设备更新验收合格率 "292%" (its neighbours print
    >92% and 95%): PG-RATE reports it as an error, and PG-PERCENT leaves it to PG-RATE."""
    goal = ProjectPerformanceGoal(
        2022,
        "",
        "滨湖大胆办公大楼运行保障",
        indicators=[
            Indicator(
                "产出指标",
                "质量指标",
                "经常性大型设备更新验收合格率",
                "反映办公大楼大型设备更新验收情况",
                "292%",
                None,
            ),
            Indicator(
                "产出指标",
                "质量指标",
                "重.要设备维修维保验收合格率",
                "反映设备设施维保质量情况",
                "95%",
                None,
            ),
        ],
    )
    assert [(f.rule, f.actual) for f in check(goal, select=["PG-RATE", "PG-PERCENT"])] == [
        ("PG-RATE", Decimal("292"))
    ]


def test_placeholder_edited() -> None:
    """年度总体绩效目标 "做好涉案、价格认定工作。" → "做好XX工作。": a template marker left in."""
    found = check(edited("yueyanglou", 2, 1, "做好XX工作。"), select=["PG-PLACEHOLDER"])
    assert [(f.rule, f.location.row) for f in found] == [("PG-PLACEHOLDER", "年度总体目标")]
    name = edited("yueyanglou", 0, 1, "(单位名称)")
    assert [f.location.row for f in check(name, select=["PG-PLACEHOLDER"])] == ["部门(单位)名称"]


@given(
    st.decimals(min_value=0, max_value=100000, places=2),
    st.decimals(min_value=0, max_value=100000, places=2),
    st.integers(min_value=-100, max_value=100),
)
def test_funds_property(basic: Decimal, project: Decimal, cents: int) -> None:
    """资金总额 printed to the cent agrees with 基本支出 + 项目支出 under the interval model
    when it is within one cent of their sum (each of the three figures may be rounded by half a
    cent), and not when it is further off."""
    total = basic + project + Decimal(cents) / 100
    table = DepartmentGoalTable(2025, "", total=total, basic=basic, project=project)
    fired = [f.rule for f in check(table, select=["PG-DEPT-FUNDS"])]
    assert fired == ([] if abs(cents) <= 1 else ["PG-DEPT-FUNDS"])
