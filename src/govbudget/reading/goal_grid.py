r"""项目绩效目标表 as a published grid: render a goal in the seed's layout; read the seed's layout,
Shanghai's 财政项目支出绩效目标申报表 and three more (:class:`GoalLayout`).

A grid is the table as printed: rows of string cells, "" for an empty cell, every row the same
width. :func:`read_goal_grid` tells the layouts apart by the labels that start their rows and
reads each; a grid with the labels of none is no goal table, and raises :class:`GoalGridError`.
The three more, each read by a module of its own and shown on its real page in docs/goals.md:

- 项目预算成本构成 (:mod:`~govbudget.reading.goal_costs`, 鄂州 2022): the cost of each item
  by column — the year's 金额 and earlier years' 实际执行数 — with its 测算(公式)依据, and a 合计
  row, read into ``costs`` and ``cost_total``;
- long-term and annual indicators side by side (:mod:`~govbudget.reading.goal_terms`, 武汉青山
  2020): 项目资金 of the whole period and of the year, 中期目标 and 年度目标;
- the application form with 年度资金总额及构成 (:mod:`~govbudget.reading.goal_application`,
  宁乡坝塘 2021): money by source (自有资金 is ``own_funds``), 项目立项情况, 项目实施进度计划,
  and separate 长期绩效指标 and 年度绩效指标 blocks.

In these, only the year's indicators are read: a long-term indicator is reported, not read.

The seed's layout
-----------------

Section 七 of the 2025 Kaiping disclosure prints, row by row:

- ``单位：万元``;
- ``项目编码 | <code> | 项目名称 | <name>``;
- ``预算规模及资金用途 | 预算数 | <budget> | 其中：财政资金 | <funds> | 其他资金 | <funds>``, and
  under it the purpose (资金用途) in the second cell;
- ``资金支出计划（%） | 3月底 | 6月底 | …``, and under it the cumulative percentages;
- ``绩效目标 | <goal>``, one goal statement per row;
- ``一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 | 指标值确定依据``, then one row per
  indicator, the level-1 and level-2 cells left blank where they repeat the row above.

>>> from decimal import Decimal
>>> from govbudget.performance import Indicator, ProjectPerformanceGoal
>>> goal = ProjectPerformanceGoal(2025, "13020525P00916610003B", "本级网络安全工作经费",
...     budget=Decimal("10.00"), financial_funds=Decimal("10.00"),
...     indicators=[Indicator("产出指标", "数量指标", "采购数量", "完成信息系统及设备的采购", "1个",
...                           "唐网办字【2024】2号"),
...                 Indicator("产出指标", "质量指标", "网络技术培训指导率", "网络技术培训指导率",
...                           "≥90%", "唐网办字【2024】2号")])
>>> grid = render_goal_grid(goal)
>>> grid[-1]
['', '质量指标', '网络技术培训指导率', '网络技术培训指导率', '≥90%', '唐网办字【2024】2号', '']
>>> read_goal_grid(grid, year=2025).goal == goal
True

The layout does not print the budget year: give it as ``year``. The reader finds each part by
its label, not by its row number, and reads indicator rows whose repeated cells were dropped
rather than left blank (a row shorter than the header row lost its leading cells).

Shanghai's layout
-----------------

The goal tables of 上海市普陀区's 2026 disclosures (财政项目支出绩效目标申报表) print labels and
values side by side, eight columns wide:

- ``（2026年度）``, the budget year;
- ``项目名称 | | <name> | | 项目性质 | <…> | 项目类别 | <…>``, then 主管部门 and 实施单位,
  计划开始日期 and 计划完成日期, each label followed by its value;
- ``项目资金（元）``: the money of the project's whole period at the left (项目资金总额, 其中：
  财政资金, 其他资金) and of the budget year at the right (年度资金申请总额, 其中：当年财政拨款,
  上年结转资金, 其他资金), in 元 with thousands separators;
- ``项目绩效目标 | 项目总体目标(2024 年-2026 年) | … | 年度总体目标``, and the two texts under
  their labels, several lines each;
- ``绩效指标 | 一级指标 | 二级指标 | 三级指标 | | | 年度(/项目)指标值``, then one row per
  indicator, repeated level-1 and level-2 cells left blank. The level-1 may be 成本指标
  (财预〔2021〕101号); there is no description and no basis column.

A :class:`~govbudget.performance.ProjectPerformanceGoal` holds it thus:

- ``budget`` is the year's 年度资金申请总额: a goal's budget is what the budget year spends on
  the project, the figure the disclosure's 项目支出 holds and rule PG-FUNDS adds up. Its parts
  are 其中：当年财政拨款 (``financial_funds``), 上年结转资金 (``carry_over``) and the year's
  其他资金 (``other_funds``); ``unit`` is the printed 元;
- ``goals`` are the lines of 年度总体目标, the goals of the budget year;
- ``facts`` keep, label and value exactly as printed and in printed order, what no field
  holds: 项目性质, 项目类别, 主管部门, 实施单位, 计划开始日期, 计划完成日期; the whole period's
  项目资金总额, 其中：财政资金 and 其他资金 (a sum over several years, never to be compared
  with one year's 项目支出); and 项目总体目标 under its printed label, period included. That
  goal spans the project's whole period, so it may name years before the budget year without
  being stale: as a fact, PG-STALE-YEAR does not read it;
- ``code`` and ``purpose`` are "" and ``schedule`` is empty (not printed); each indicator's
  ``description`` is "" and its ``basis`` ``None`` (no such columns, so PG-BASIS is silent);
- ``year`` is the printed year, or the ``year`` argument when none is printed. When both are
  there and differ, the argument (the year of the disclosure the table is read for) wins and
  the printed year is reported.

>>> printed = [
...     ["（2026年度）", "", "", "", "", "", "", ""],
...     ["项目名称", "", "拆违经费", "", "项目性质", "阶段性项目", "项目类别", "特定目标类"],
...     ["项目资金（元）", "", "项目资金总额", "", "10,308,000.00", "年度资金申请总额", "", "3,498,000.00"],
...     ["", "", "其中：财政资金", "", "10,308,000.00", "其中：当年财政拨款", "", "3,498,000.00"],
...     ["", "", "", "", "", "上年结转资金", "", "0.00"],
...     ["", "", "其他资金", "", "0.00", "其他资金", "", "0.00"],
...     ["项目绩效目标", "项目总体目标(2024 年-2026 年)", "", "", "", "年度总体目标", "", ""],
...     ["", "完成拆违任务。", "", "", "", "1.完成年度拆违任务。\n2.新增违建“零增长”。", "", ""],
...     ["绩效指标", "一级指标", "二级指标", "三级指标", "", "", "年度(/项目)指标值", ""],
...     ["", "产出指标", "数量指标", "完成年度拆违计划", "", "", "=100.00(%)", ""],
...     ["", "", "质量指标", "违法建筑销项正确率", "", "", "=100.00(%)", ""]]
>>> reading = read_goal_grid(printed)
>>> reading.layout, reading.findings
(<GoalLayout.SHANGHAI: '财政项目支出绩效目标申报表'>, ())
>>> read = reading.goal
>>> read.year, read.unit, read.budget, read.financial_funds, read.carry_over, read.other_funds
(2026, <Unit.YUAN: '元'>, Decimal('3498000.00'), Decimal('3498000.00'), Decimal('0.00'), Decimal('0.00'))
>>> read.goals
('1.完成年度拆违任务。', '2.新增违建“零增长”。')
>>> for label, value in read.facts:
...     print(f"{label}: {value}")
项目性质: 阶段性项目
项目类别: 特定目标类
项目资金总额: 10,308,000.00
其中：财政资金: 10,308,000.00
其他资金: 0.00
项目总体目标(2024 年-2026 年): 完成拆违任务。
>>> read.indicators[1].level1, read.indicators[1].target.number, read.indicators[1].basis
('产出指标', Decimal('100.00'), None)

:func:`render_goal_grid` prints the seed's layout for any goal, one read from Shanghai's
included: its facts print as label/value rows and its goals one per row, so the rendered grid
reads back (``year`` given) into the same goal.

>>> read_goal_grid(render_goal_grid(read), year=2026).goal == read
True

What cannot be read is reported
-------------------------------

In either layout, what the reader cannot read it reports, never drops: a figure or a
percentage that is not one, a cell where the layout has nothing (READ-GOAL-CELL); a row that
belongs to no part of the layout, an indicator row with no level to repeat (READ-GOAL-ROW); a
table without a project name, a budget year or an indicator header (READ-GOAL-MISSING, and no
goal when the name or the year is missing). Two things of the real Shanghai tables are read
*and* reported:

- a goal text printed inside a pair of ASCII double quotes — spreadsheet quoting of a cell
  with line breaks, pasted into the form; 拆违经费 prints both its goal texts so — is read
  without them, noted as READ-GOAL-CELL (info);
- an indicator row whose level-1 is blank with no row above to repeat takes the level-1 its
  level-2 belongs to in the framework, reported as READ-GOAL-ROW (error: the table does leave
  it out). 兰溪路-真南路下立交工程 prints 生态环境成本指标 without its 成本指标.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

import attrs

from govbudget.checks import Finding, Report
from govbudget.checks.reading import READ_GOAL_CELL, READ_GOAL_MISSING, READ_GOAL_ROW
from govbudget.errors import GovBudgetError
from govbudget.performance import (
    ProjectPerformanceGoal,
)
from govbudget.reading.goal_application import ApplicationReader, application_marks
from govbudget.reading.goal_costs import CostsReader, costs_marks
from govbudget.reading.goal_seed import SeedReader, render_goal_grid, seed_marks
from govbudget.reading.goal_shanghai import ShanghaiReader, shanghai_marks
from govbudget.reading.goal_terms import TermsReader, terms_marks

__all__ = [
    "READ_GOAL_CELL",
    "READ_GOAL_MISSING",
    "READ_GOAL_ROW",
    "GoalGridError",
    "GoalGridReading",
    "GoalLayout",
    "read_goal_grid",
    "render_goal_grid",
]


class GoalGridError(GovBudgetError, ValueError):
    """A grid that is not a project goal table at all: no row starts with a label of any
    layout (项目编码, 预算规模及资金用途, 绩效目标 …, 项目名称, 项目资金（元）, 绩效指标 …).

    A goal table that misses a part, or prints a cell that cannot be read, is read with
    findings instead.
    """


class GoalLayout(enum.Enum):
    """The published layouts of a project goal table, named by their printed titles."""

    SEED = "项目绩效目标表"
    SHANGHAI = "财政项目支出绩效目标申报表"
    COSTS = "项目支出绩效目标表（项目预算成本构成）"
    TERMS = "项目支出绩效目标表（长期与年度指标并列）"
    APPLICATION = "项目绩效目标表（年度资金总额及构成）"


@attrs.frozen(slots=True)
class GoalGridReading:
    """What :func:`read_goal_grid` read: the goal (``None`` when the grid lacks what a goal
    needs), a finding for everything it could not read, and the layout it saw."""

    goal: ProjectPerformanceGoal | None
    findings: tuple[Finding, ...] = ()
    layout: GoalLayout = GoalLayout.SEED

    @property
    def report(self) -> Report:
        """The reader's findings as a report."""
        return Report(self.findings)


# --- either layout ---------------------------------------------------------------------------


def _layout(rows: Sequence[Sequence[str]]) -> GoalLayout | None:
    """The layout a grid is printed in, by the labels that start its rows; ``None`` for none.

    项目编码, 预算规模及资金用途 and 资金支出计划 are the seed's alone, and a seed grid always
    prints them, also when its facts carry Shanghai's labels; 绩效目标 and 一级指标 start rows of
    the seed, but a Shanghai row that lost its blank first cell may start with 一级指标 too.
    """
    starts = [row[0] for row in rows if row[0]]
    seed_alone, seed_shared = seed_marks(starts)
    if seed_alone:
        return GoalLayout.SEED
    if costs_marks(starts):
        return GoalLayout.COSTS
    if terms_marks(starts):
        return GoalLayout.TERMS
    if application_marks(starts):
        return GoalLayout.APPLICATION
    if shanghai_marks(starts):
        return GoalLayout.SHANGHAI
    if seed_shared:
        return GoalLayout.SEED
    return None


def read_goal_grid(grid: Sequence[Sequence[str]], *, year: int | None = None) -> GoalGridReading:
    """Read a project goal table printed in any of the layouts of :class:`GoalLayout` (see the
    module's description), telling them apart by the labels that start their rows.

    ``year`` is the budget year of the disclosure the table belongs to: the seed's layout does
    not print it, Shanghai's prints it (（2026年度）) and ``year``, when given, is checked against
    it. Cells are read with outer spaces stripped.

    >>> read_goal_grid([["单位：元"], ["编制部门：普陀区城市管理行政执法局"]])
    Traceback (most recent call last):
    ...
    govbudget.reading.goal_grid.GoalGridError: not a project goal table: ...

    Raises:
        GoalGridError: when no row starts with a label of either layout.
    """
    rows = [[cell.strip() for cell in row] or [""] for row in grid]
    layout = _layout(rows)
    if layout is None:
        raise GoalGridError(
            "not a project goal table: no row starts with a label of the seed's layout "
            "(项目编码, 预算规模及资金用途, 绩效目标 …) or of Shanghai's 财政项目支出绩效目标申报表 "
            "(项目名称, 项目资金（元）, 项目绩效目标 …)"
        )
    reader: SeedReader | ShanghaiReader | CostsReader | TermsReader | ApplicationReader
    width = max(len(row) for row in rows)  # short rows lost blank cells at their end
    even = [row + [""] * (width - len(row)) for row in rows]
    # The newer layouts read labels and values up to the third cell of a row.
    wide = [row + [""] * (3 - len(row)) for row in even]
    if layout is GoalLayout.SEED:
        reader = SeedReader(rows, year)
        reader.read_indicators(reader.read())
    elif layout is GoalLayout.SHANGHAI:
        reader = ShanghaiReader(even, year)
        reader.read()
    elif layout is GoalLayout.COSTS:
        reader = CostsReader(wide, year)
        reader.read()
    elif layout is GoalLayout.TERMS:
        reader = TermsReader(wide, year)
        reader.read()
    else:
        reader = ApplicationReader(wide, year)
        reader.read()
    goal = reader.goal()
    return GoalGridReading(goal, reader.located(reader.name), layout)
