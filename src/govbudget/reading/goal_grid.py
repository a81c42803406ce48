r"""项目绩效目标表 as a published grid: render a goal in the seed's layout; read the seed's layout
and Shanghai's 财政项目支出绩效目标申报表.

A grid is the table as printed: rows of string cells, "" for an empty cell, every row the same
width. :func:`read_goal_grid` tells the two layouts apart by the labels that start their rows
and reads either; a grid with the labels of neither is no goal table, and raises
:class:`GoalGridError`.

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
import re
import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs

from govbudget.amounts import Figure, Unit, decimal_places, format_amount, parse_amount
from govbudget.checks import Finding, Location, Report, Rule, Severity
from govbudget.checks.reading import READ_GOAL_CELL, READ_GOAL_MISSING, READ_GOAL_ROW
from govbudget.errors import AmountError, GovBudgetError
from govbudget.performance import (
    GoalError,
    Indicator,
    Level1,
    Level2,
    ProjectPerformanceGoal,
    SpendingCheckpoint,
    parse_percent,
)

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
    """A grid that is not a project goal table at all: no row starts with a label of either
    layout (项目编码, 预算规模及资金用途, 绩效目标 … or 项目名称, 项目资金（元）, 绩效指标 …).

    A goal table that misses a part, or prints a cell that cannot be read, is read with
    findings instead.
    """


class GoalLayout(enum.Enum):
    """The published layouts of a project goal table, named by their printed titles."""

    SEED = "项目绩效目标表"
    SHANGHAI = "财政项目支出绩效目标申报表"


_WIDTH = 7  # the seed's grid: the budget row has seven cells
_CODE = "项目编码"
_NAME = "项目名称"
_FUNDS = "预算规模及资金用途"
_SCHEDULE = "资金支出计划（%）"
_GOALS = "绩效目标"
_BUDGET_LABELS = (
    ("budget", "预算数"),
    ("financial_funds", "其中：财政资金"),
    ("other_funds", "其他资金"),
    ("carry_over", "上年结转资金"),
)
_HEADERS = ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据")
_REQUIRED_HEADERS = ("一级指标", "二级指标", "三级指标", "指标值")
_SPACE = re.compile(r"\s+")


def _key(text: str) -> str:
    """A label as compared: NFKC, no spaces ("其中：财政    资金" is "其中:财政资金")."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


_FIELD_OF_LABEL = {_key(label): field for field, label in _BUDGET_LABELS} | {
    _key("财政资金"): "financial_funds",
    _key("上年结转"): "carry_over",
}
_HEADER_KEYS = {_key(header): header for header in _HEADERS}


class _Part(enum.Enum):
    """The parts of the layout, each started by a row whose first cell is its label."""

    UNIT = enum.auto()
    CODE = enum.auto()
    FUNDS = enum.auto()
    SCHEDULE = enum.auto()
    GOALS = enum.auto()
    HEADER = enum.auto()


_PARTS = {
    _key(_CODE): _Part.CODE,
    _key(_FUNDS): _Part.FUNDS,
    _key(_GOALS): _Part.GOALS,
    _key(_HEADERS[0]): _Part.HEADER,
}
_PART_PREFIXES = ((_key("单位"), _Part.UNIT), (_key("资金支出计划"), _Part.SCHEDULE))


def _part(first_cell: str) -> _Part | None:
    """Which part of the layout a row starts, by its first cell; ``None`` for none."""
    key = _key(first_cell)
    for prefix, part in _PART_PREFIXES:
        if key.startswith(prefix):
            return part
    return _PARTS.get(key)


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


_NO_YEAR = "未印预算年度，也未给出 year，无法建立项目绩效目标"


class _Reading:
    """What the readers of both layouts share: the findings of one reading."""

    found: list[Finding]

    def build(
        self, name: str, year: int | None, make: Callable[[int], ProjectPerformanceGoal]
    ) -> ProjectPerformanceGoal | None:
        """The goal ``make`` builds for ``year``; ``None``, with a finding, when the grid lacks
        the name or the year, or the goal cannot be built from what was read."""
        if not name:
            self.problem(READ_GOAL_MISSING, "未印项目名称，无法建立项目绩效目标")
            return None
        if year is None:
            self.problem(READ_GOAL_MISSING, _NO_YEAR)
            return None
        try:
            return make(year)
        except GoalError as error:
            self.problem(READ_GOAL_CELL, f"无法建立项目绩效目标：{error}")
            return None

    def problem(
        self,
        rule: Rule,
        message: str,
        *,
        row: str | None = None,
        column: str | None = None,
        line: int | None = None,
        severity: Severity | None = None,
    ) -> None:
        # The table (the project's name) is filled in at the end, when it is known.
        where = Location(row=row, column=column, line=line)
        self.found.append(rule.finding(message, location=where, severity=severity))

    def extra_cells(self, cells: Sequence[str], used: set[int], line: int, row: str) -> None:
        for index, cell in enumerate(cells):
            if index not in used and cell:
                self.problem(
                    READ_GOAL_CELL,
                    f"“{row}”行第 {index + 1} 栏的“{cell}”在版式中没有位置，未读取",
                    row=row,
                    line=line,
                )

    def located(self, name: str) -> tuple[Finding, ...]:
        """The findings, located in the table of the project named ``name``."""
        table = f"项目绩效目标表：{name}" if name else "项目绩效目标表"
        return tuple(
            attrs.evolve(finding, location=attrs.evolve(finding.location, table=table))
            for finding in self.found
        )


def _figure(text: str, label: str, unit: Unit) -> tuple[Figure, str | None]:
    """The money figure a cell prints in ``unit``, or ``None`` and why it cannot be read."""
    try:
        value = parse_amount(text)
    except AmountError:
        return None, f"“{label}”的“{text}”不是金额"
    places = decimal_places(value)
    if places is not None and places > unit.places:
        return None, f"“{label}”的“{text}”有 {places} 位小数，{unit.label}金额至多 {unit.places} 位"
    return value, None


def _percent(value: Decimal | None) -> str:
    return "" if value is None else f"{format_amount(value)}%"


def render_goal_grid(goal: ProjectPerformanceGoal) -> list[list[str]]:
    """The goal as a grid in the seed's layout (see the module's description).

    The budget row prints 上年结转资金 only when the goal has it; ``facts`` print as label/value
    rows under the code row; the 指标值确定依据 column is left out when no indicator has a
    basis column (every ``basis`` is ``None``), and a ``None`` basis beside others prints blank. A fact labelled like a part of the layout (项目名称, 绩效目标 …)
    would read back as that part, so it is refused.

    Raises:
        GoalError: for a fact whose label is a label of the layout.
    """
    for label, _value in goal.facts:
        if _part(label) is not None:
            raise GoalError(f"fact {label!r}: a label of the goal table layout cannot be a fact")
    # A goal from a layout without the basis column (every basis None) prints without it.
    with_basis = not goal.indicators or any(row.basis is not None for row in goal.indicators)
    funds: list[str] = []
    for field, label in _BUDGET_LABELS:
        value: Figure = getattr(goal, field)
        if field != "carry_over" or value is not None:
            funds += [label, format_amount(value)]
    rows: list[list[str]] = [
        [f"单位：{goal.unit.label}"],
        [_CODE, goal.code, _NAME, goal.name],
        *([label, value] for label, value in goal.facts),
        [_FUNDS, *funds],
        ["", goal.purpose],
        [_SCHEDULE, *(checkpoint.label for checkpoint in goal.schedule)],
        ["", *(_percent(checkpoint.percent) for checkpoint in goal.schedule)],
        [_GOALS, goal.goals[0] if goal.goals else ""],
        *(["", statement] for statement in goal.goals[1:]),
        list(_HEADERS if with_basis else _HEADERS[:-1]),
    ]
    previous: Indicator | None = None
    for row in goal.indicators:
        same_level1 = previous is not None and previous.level1 == row.level1
        same_level2 = same_level1 and previous is not None and previous.level2 == row.level2
        rows.append(
            [
                "" if same_level1 else row.level1,
                "" if same_level2 else row.level2,
                row.name,
                row.description,
                row.target.text,
                *([row.basis or ""] if with_basis else []),
            ]
        )
        previous = row
    width = max(_WIDTH, *(len(row) for row in rows))
    return [row + [""] * (width - len(row)) for row in rows]


@attrs.define
class _SeedReader(_Reading):
    """The state of one reading of the seed's layout: what has been read so far and what could
    not be."""

    rows: list[list[str]]
    year: int | None
    unit: Unit | None = None
    code: str = ""
    name: str = ""
    funds: dict[str, Figure] = attrs.Factory(dict)
    purpose: str = ""
    schedule: list[SpendingCheckpoint] = attrs.Factory(list)
    goals: list[str] = attrs.Factory(list)
    facts: list[tuple[str, str]] = attrs.Factory(list)
    indicators: list[Indicator] = attrs.Factory(list)
    found: list[Finding] = attrs.Factory(list)

    def figure(self, text: str, label: str, line: int) -> Figure:
        value, problem = _figure(text, label, self.unit or Unit.WAN_YUAN)
        if problem is not None:
            self.problem(READ_GOAL_CELL, problem, row=_FUNDS, column=label, line=line)
        return value

    def read(self) -> int:
        """Read the rows above the indicator header; return the header's index (or len)."""
        index = 0
        while index < len(self.rows):
            cells, line = self.rows[index], index + 1
            part = _part(cells[0])
            if not any(cells):
                pass
            elif part is _Part.HEADER:
                return index
            elif part is _Part.UNIT:
                self.read_unit(cells, line)
            elif part is _Part.CODE:
                self.read_code(cells, line)
            elif part is _Part.FUNDS:
                self.read_funds(cells, line)
                index = self.read_purpose(index + 1)
            elif part is _Part.SCHEDULE:
                index = self.read_schedule(index)
            elif part is _Part.GOALS:
                index = self.read_goals(index)
            elif cells[0]:
                self.read_fact(cells, line)
            else:
                self.problem(
                    READ_GOAL_ROW,
                    f"第 {line} 行不属于绩效目标表的任何部分，未读取",
                    line=line,
                )
            index += 1
        return index

    def read_unit(self, cells: list[str], line: int) -> None:
        try:
            self.unit = Unit.from_label(cells[0])
        except AmountError:
            self.problem(READ_GOAL_CELL, f"“{cells[0]}”不是金额单位", row=cells[0], line=line)
        self.extra_cells(cells, {0}, line, cells[0])

    def read_code(self, cells: list[str], line: int) -> None:
        used: set[int] = set()
        for index, cell in enumerate(cells[:-1]):
            key = _key(cell)
            if index not in used and key in (_key(_CODE), _key(_NAME)):
                value = cells[index + 1]
                if key == _key(_CODE):
                    self.code = value
                else:
                    self.name = value
                used |= {index, index + 1}
        self.extra_cells(cells, used, line, _CODE)

    def read_funds(self, cells: list[str], line: int) -> None:
        used = {0}
        for index, cell in enumerate(cells[:-1]):
            field = _FIELD_OF_LABEL.get(_key(cell))
            if index in used or field is None:
                continue
            used |= {index, index + 1}
            if field in self.funds:  # printed twice: the first is kept, the other reported
                value = cells[index + 1]
                self.problem(
                    READ_GOAL_CELL,
                    f"“{cell}”重复印出，“{value}”未读取",
                    row=_FUNDS,
                    column=cell,
                    line=line,
                )
                continue
            self.funds[field] = self.figure(cells[index + 1], cell, line)
        self.extra_cells(cells, used, line, _FUNDS)

    def read_purpose(self, index: int) -> int:
        """Read the purpose from the row under the budget row; return the last row read."""
        if index >= len(self.rows) or self.rows[index][0]:
            return index - 1
        cells = self.rows[index]
        texts = [i for i, cell in enumerate(cells) if cell]
        if texts:
            self.purpose = cells[texts[0]]
        self.extra_cells(cells, {0, *texts[:1]}, index + 1, "资金用途")
        return index

    def read_schedule(self, index: int) -> int:
        """Read the checkpoint row and the percentages under it; return the last row read."""
        labels = self.rows[index]
        line = index + 1
        values = self.rows[index + 1] if index + 1 < len(self.rows) else []
        if values and values[0]:
            values = []  # the next row is another part: no percentages were printed
        for column in range(1, max(len(labels), len(values))):
            label = labels[column] if column < len(labels) else ""
            text = values[column] if column < len(values) else ""
            if not label:
                if text:
                    self.problem(
                        READ_GOAL_CELL,
                        f"资金支出计划第 {column + 1} 栏印有“{text}”，但没有时间节点",
                        row=_SCHEDULE,
                        line=line + 1,
                    )
                continue
            try:
                percent = parse_percent(text)
            except GoalError:
                self.problem(
                    READ_GOAL_CELL,
                    f"资金支出计划“{label}”的“{text}”不是百分比",
                    row=_SCHEDULE,
                    column=label,
                    line=line + 1,
                )
                percent = None
            self.schedule.append(SpendingCheckpoint(label, percent))
        return index + 1 if values else index

    def read_goals(self, index: int) -> int:
        """Read the goal row and the rows continuing it; return the last row read."""
        last = index
        while last < len(self.rows):
            cells = self.rows[last]
            if last > index and (cells[0] or not any(cells)):
                break
            for cell in cells[1:]:
                self.goals += [line.strip() for line in cell.splitlines() if line.strip()]
            last += 1
        return last - 1

    def read_fact(self, cells: list[str], line: int) -> None:
        texts = [index for index, cell in enumerate(cells[1:], start=1) if cell]
        self.facts.append((cells[0], cells[texts[0]] if texts else ""))
        self.extra_cells(cells, {0, *texts[:1]}, line, cells[0])

    def read_indicators(self, start: int) -> None:
        if start >= len(self.rows):
            self.problem(READ_GOAL_MISSING, "未印指标表头（一级指标、二级指标……），未读取指标")
            return
        header = self.rows[start]
        columns: dict[str, int] = {}
        for index, cell in enumerate(header):
            known = _HEADER_KEYS.get(_key(cell))
            if known is not None:
                columns[known] = index
            elif cell:
                self.problem(
                    READ_GOAL_CELL,
                    f"指标表头“{cell}”不是本版式的栏目，该栏未读取",
                    column=cell,
                    line=start + 1,
                )
        missing = [header for header in _REQUIRED_HEADERS if header not in columns]
        if missing:
            self.problem(
                READ_GOAL_MISSING,
                f"指标表头缺少“{'、'.join(missing)}”，未读取指标",
                line=start + 1,
            )
            return
        previous: Indicator | None = None
        for index in range(start + 1, len(self.rows)):
            cells = self.aligned(self.rows[index], len(header))
            if any(cells):
                previous = self.read_indicator(cells, columns, index + 1, previous) or previous

    @staticmethod
    def aligned(cells: list[str], width: int) -> list[str]:
        """The row with the cells a merged level-1 or level-2 dropped put back as blanks.

        A row shorter than the header lost cells at its front when its first cell is not a
        level-1 name: one (the level-1) when it starts with a level-2, else two.
        """
        short = width - len(cells)
        if short <= 0 or Level1.read(cells[0] if cells else "") is not None:
            shift = 0
        elif Level2.read(cells[0]) is not None:
            shift = 1
        else:
            shift = min(short, 2)
        shifted = [""] * shift + cells
        return shifted + [""] * (width - len(shifted))

    def read_indicator(
        self, cells: list[str], columns: dict[str, int], line: int, previous: Indicator | None
    ) -> Indicator | None:
        def cell(header: str) -> str:
            return cells[columns[header]] if header in columns else ""

        used = set(columns.values())
        self.extra_cells(cells, used, line, cell("三级指标") or "指标")
        level1, level2 = cell("一级指标"), cell("二级指标")
        if not level1 and previous is not None:
            level1 = previous.level1
        if not level2 and previous is not None and previous.level1 == level1:
            level2 = previous.level2
        name = cell("三级指标")
        if not level1 or not level2 or not name:
            blank = "一级指标" if not level1 else "二级指标" if not level2 else "三级指标"
            why = "" if blank == "三级指标" else f"，且上一行没有可沿用的{blank}"
            self.problem(
                READ_GOAL_ROW,
                f"第 {line} 行指标的{blank}空白{why}，未读取（该行为：{'｜'.join(cells)}）",
                row=name or None,
                column=blank,
                line=line,
            )
            return None
        basis = cell("指标值确定依据") if "指标值确定依据" in columns else None
        indicator = Indicator(level1, level2, name, cell("绩效指标描述"), cell("指标值"), basis)
        self.indicators.append(indicator)
        return indicator

    def goal(self) -> ProjectPerformanceGoal | None:
        if self.unit is None:
            self.problem(READ_GOAL_MISSING, "未印金额单位，按万元读取", severity=Severity.WARNING)
        return self.build(
            self.name,
            self.year,
            lambda year: ProjectPerformanceGoal(
                year=year,
                code=self.code,
                name=self.name,
                unit=self.unit or Unit.WAN_YUAN,
                purpose=self.purpose,
                schedule=self.schedule,
                goals=self.goals,
                indicators=self.indicators,
                facts=self.facts,
                budget=self.funds.get("budget"),
                financial_funds=self.funds.get("financial_funds"),
                other_funds=self.funds.get("other_funds"),
                carry_over=self.funds.get("carry_over"),
            ),
        )


# --- Shanghai's 财政项目支出绩效目标申报表 ------------------------------------------------------


class _Label(enum.Enum):
    """What a label cell of Shanghai's layout stands for."""

    TITLE = enum.auto()  # 财政项目支出绩效目标申报表, where the grid keeps its title row
    NAME = enum.auto()  # 项目名称
    FACT = enum.auto()  # 项目性质, 主管部门, 计划开始日期 …
    FUNDS = enum.auto()  # 项目资金（元）, which starts the money block and prints its unit
    TOTAL = enum.auto()  # 项目资金总额, 其中：财政资金: the money of the project's whole period
    YEAR_FUNDS = enum.auto()  # 年度资金申请总额, 其中：当年财政拨款, 上年结转资金
    OTHER = enum.auto()  # 其他资金: of the whole period or of the year, by its column
    GOALS = enum.auto()  # 项目绩效目标
    OVERALL = enum.auto()  # 项目总体目标(2024 年-2026 年), 项目总目标
    ANNUAL = enum.auto()  # 年度总体目标
    INDICATORS = enum.auto()  # 绩效指标


_SH_LABELS = {
    _key(label): kind
    for kind, labels in (
        (_Label.TITLE, ["财政项目支出绩效目标申报表"]),
        (_Label.NAME, ["项目名称"]),
        (
            _Label.FACT,
            ["项目性质", "项目类别", "主管部门", "实施单位", "计划开始日期", "计划完成日期"],
        ),
        (_Label.FUNDS, ["项目资金"]),
        (_Label.TOTAL, ["项目资金总额", "财政资金"]),
        (_Label.YEAR_FUNDS, ["年度资金申请总额", "当年财政拨款", "上年结转资金"]),
        (_Label.OTHER, ["其他资金"]),
        (_Label.GOALS, ["项目绩效目标"]),
        (_Label.ANNUAL, ["年度总体目标"]),
        (_Label.INDICATORS, ["绩效指标"]),
    )
    for label in labels
}
# Labels that carry more than the label: the unit (项目资金（元）), the period (项目总体目标(2024
# 年-2026 年)).
_SH_PREFIXES = (
    (_key("项目资金（"), _Label.FUNDS),
    ("项目总体目标", _Label.OVERALL),
    ("项目总目标", _Label.OVERALL),
)
_SH_FIELDS = {
    _key("年度资金申请总额"): "budget",
    _key("当年财政拨款"): "financial_funds",
    _key("上年结转资金"): "carry_over",
    _key("其他资金"): "other_funds",
}
# The labels that start rows of the layout, by which read_goal_grid recognises it.
_SH_STARTS = frozenset(
    {_Label.TITLE, _Label.NAME, _Label.FACT, _Label.FUNDS, _Label.GOALS, _Label.INDICATORS}
)
_SH_YEAR = re.compile(r"\((?P<year>.*)年度\)")  # （2026年度）, as _key prints it
_SH_UNIT = re.compile(r"项目资金(?:\((?P<unit>.*)\))?")
_SH_LEVELS = ("一级指标", "二级指标", "三级指标")
_SH_TARGET = "指标值"  # the target column is headed 年度(/项目)指标值
_SH_GOALS_ROW = "项目绩效目标"
_QUOTE = '"'


def _label_key(cell: str) -> str:
    """A label as compared: 其中：财政资金 is the 财政资金 it is part of."""
    return _key(cell).removeprefix(_key("其中："))


def _sh_label(cell: str) -> _Label | None:
    """What a cell of Shanghai's layout labels, or ``None`` for a value."""
    key = _label_key(cell)
    kind = _SH_LABELS.get(key)
    if kind is None:
        kind = next((kind for prefix, kind in _SH_PREFIXES if key.startswith(prefix)), None)
    return kind


def _unquoted(text: str) -> str | None:
    r"""The text inside a pair of ASCII double quotes that encloses all of it, else ``None``.

    >>> _unquoted('"1.完成年度拆违任务。\n2.新增违建“零增长”。\n"'), _unquoted('"甲"与"乙"')
    ('1.完成年度拆违任务。\n2.新增违建“零增长”。', None)
    """
    inner = text[1:-1]
    if len(text) < 2 or text[0] != _QUOTE or text[-1] != _QUOTE or _QUOTE in inner:
        return None
    return inner.strip()


@attrs.define
class _ShanghaiReader(_Reading):
    """The state of one reading of Shanghai's layout: what has been read so far and what could
    not be. ``year`` is the year given, then the year printed where none was given."""

    rows: list[list[str]]
    year: int | None
    unit: Unit | None = None
    name: str = ""
    funds_label: str = "项目资金"  # as printed, where findings on the money block point
    funds: dict[str, Figure] = attrs.Factory(dict)
    facts: list[tuple[str, str]] = attrs.Factory(list)
    goals: list[str] = attrs.Factory(list)
    indicators: list[Indicator] = attrs.Factory(list)
    # The indicator columns once the header is read; empty for a header without them.
    header: dict[str, int] | None = None
    found: list[Finding] = attrs.Factory(list)

    def read(self) -> None:
        # 其他资金 is printed twice in a row, the period's at the left and the year's at the
        # right: the year's stands in the column of the year's other labels or right of it.
        year_column = min(
            (
                column
                for cells in self.rows
                for column, cell in enumerate(cells)
                if _sh_label(cell) is _Label.YEAR_FUNDS
            ),
            default=None,
        )
        labels: list[tuple[int, str, int | None]] = []  # the goal labels of the row above
        previous: Indicator | None = None
        for index, cells in enumerate(self.rows):
            line = index + 1
            kinds = [_sh_label(cell) for cell in cells]
            if not any(cells):
                continue
            if any(_key(cell) == _SH_LEVELS[0] for cell in cells):
                self.read_header(cells, line)  # also a header repeated on a new page
            elif self.header is not None:
                previous = self.read_indicator(cells, line, previous) or previous
            elif _Label.OVERALL in kinds or _Label.ANNUAL in kinds:
                labels = self.read_goal_labels(cells, kinds, line)
            elif labels and not any(kinds):
                self.read_goal_texts(cells, labels, line)
                labels = []  # one row of texts: a row after it is no goal text
            elif (year := _SH_YEAR.fullmatch(_key(cells[0]))) is not None:
                self.read_year(cells, year["year"], line)
            elif any(kinds):
                labels = []
                self.read_labelled(cells, kinds, year_column, line)
            else:
                self.problem(
                    READ_GOAL_ROW,
                    f"第 {line} 行不属于申报表的任何部分，未读取（该行为：{_filled(cells)}）",
                    line=line,
                )

    def read_year(self, cells: list[str], printed: str, line: int) -> None:
        """Read the year row, ``printed`` being what its brackets hold before 年度."""
        self.extra_cells(cells, {0}, line, cells[0])
        if not re.fullmatch(r"[0-9]{4}", printed):
            self.problem(READ_GOAL_CELL, f"“{cells[0]}”不是预算年度", row=cells[0], line=line)
        elif self.year is None:
            self.year = int(printed)
        elif int(printed) != self.year:
            self.problem(
                READ_GOAL_CELL,
                f"表头印“{cells[0]}”，与给出的预算年度 {self.year} 不符，按 {self.year} 年读取",
                row=cells[0],
                line=line,
            )

    def read_labelled(
        self, cells: list[str], kinds: list[_Label | None], year_column: int | None, line: int
    ) -> None:
        """Read a row of labels, each followed by its value (the next cell that is no label)."""
        used: set[int] = set()
        pending: tuple[int, str, _Label] | None = None  # a label still waiting for its value
        for column, (cell, kind) in enumerate(zip(cells, kinds, strict=True)):
            if not cell:
                continue
            if kind is None:
                if pending is not None:
                    self.assign(*pending, cell, year_column, line)
                    used.add(column)
                    pending = None
                continue
            used.add(column)
            if pending is not None:  # the label before was printed without its value
                self.assign(*pending, "", year_column, line)
            pending = None
            if kind is _Label.FUNDS:
                self.read_unit(cell, line)
            elif kind not in (_Label.TITLE, _Label.GOALS, _Label.INDICATORS):
                pending = column, cell, kind
        if pending is not None:
            self.assign(*pending, "", year_column, line)
        row = next(cell for cell, kind in zip(cells, kinds, strict=True) if kind is not None)
        self.extra_cells(cells, used, line, row)

    def assign(
        self,
        column: int,
        label: str,
        kind: _Label,
        value: str,
        year_column: int | None,
        line: int,
    ) -> None:
        """Keep the value of a label: in its field, or as a fact."""
        for_the_year = kind is _Label.YEAR_FUNDS or (
            kind is _Label.OTHER and year_column is not None and column >= year_column
        )
        if kind is _Label.NAME:
            if self.name:
                self.problem(
                    READ_GOAL_CELL, f"“{label}”重复印出，“{value}”未读取", row=label, line=line
                )
            else:
                self.name = value
        elif for_the_year:
            field = _SH_FIELDS[_label_key(label)]
            figure, problem = _figure(value, label, self.unit or Unit.YUAN)
            if field in self.funds:
                problem = f"“{label}”重复印出，“{value}”未读取"
            else:
                self.funds[field] = figure
            if problem is not None:
                self.problem(READ_GOAL_CELL, problem, row=self.funds_label, column=label, line=line)
        else:  # a fact: 项目性质 …, or the money of the whole period, kept as printed
            self.facts.append((label, value))

    def read_unit(self, cell: str, line: int) -> None:
        self.funds_label = cell
        match = _SH_UNIT.fullmatch(_key(cell))
        printed = match["unit"] if match else None
        if printed is None:
            return  # no unit printed: goal() says so
        try:
            self.unit = Unit.from_label(printed)
        except AmountError:
            self.unit = Unit.YUAN
            self.problem(
                READ_GOAL_CELL,
                f"“{cell}”的单位“{printed}”不是金额单位，按元读取",
                row=cell,
                line=line,
            )

    def read_goal_labels(
        self, cells: list[str], kinds: list[_Label | None], line: int
    ) -> list[tuple[int, str, int | None]]:
        """Read the labels of the goal texts: each one's column, label and, for the overall
        goal, the index of the fact that will hold its text."""
        labels: list[tuple[int, str, int | None]] = []
        used: set[int] = set()
        for column, (cell, kind) in enumerate(zip(cells, kinds, strict=True)):
            if kind is _Label.OVERALL:
                labels.append((column, cell, len(self.facts)))
                self.facts.append((cell, ""))
            elif kind is _Label.ANNUAL:
                labels.append((column, cell, None))
            if kind in (_Label.OVERALL, _Label.ANNUAL, _Label.GOALS):
                used.add(column)
        self.extra_cells(cells, used, line, _SH_GOALS_ROW)
        return labels

    def read_goal_texts(
        self, cells: list[str], labels: list[tuple[int, str, int | None]], line: int
    ) -> None:
        """Read the goal texts, each under its label: merged cells print a text in the first
        column of the label it stands under, or right of it."""
        used: set[int] = set()
        for column, cell in enumerate(cells):
            owners = [label for label in labels if label[0] <= column]
            if not cell or not owners:
                continue
            used.add(column)
            _, label, fact = owners[-1]
            text = self.unquoted(cell, label, line)
            if fact is None:
                self.goals += [part.strip() for part in text.splitlines() if part.strip()]
            else:  # a merged cell may print its text in two columns: both are kept
                printed = self.facts[fact][1]
                self.facts[fact] = (label, f"{printed}\n{text}" if printed else text)
        self.extra_cells(cells, used, line, _SH_GOALS_ROW)

    def unquoted(self, text: str, label: str, line: int) -> str:
        inner = _unquoted(text)
        if inner is None:
            return text
        self.problem(
            READ_GOAL_CELL,
            f"“{label}”全文印在一对英文双引号内（电子表格单元格的引号，粘贴时带入），读取时去掉引号",
            row=_SH_GOALS_ROW,
            column=label,
            line=line,
            severity=Severity.INFO,
        )
        return inner

    def read_header(self, cells: list[str], line: int) -> None:
        columns: dict[str, int] = {}
        for column, cell in enumerate(cells):
            key = _key(cell)
            if key in _SH_LEVELS:
                columns[key] = column
            elif key.endswith(_SH_TARGET):
                columns[_SH_TARGET] = column
            elif cell and _sh_label(cell) is not _Label.INDICATORS:
                self.problem(
                    READ_GOAL_CELL,
                    f"指标表头“{cell}”不是本版式的栏目，该栏未读取",
                    column=cell,
                    line=line,
                )
        missing = [header for header in (*_SH_LEVELS, _SH_TARGET) if header not in columns]
        if missing:
            self.problem(
                READ_GOAL_MISSING,
                f"指标表头缺少“{'、'.join(missing)}”，其下各行未读取",
                line=line,
            )
            columns = {}
        self.header = columns

    def read_indicator(
        self, cells: list[str], line: int, previous: Indicator | None
    ) -> Indicator | None:
        columns = self.header
        if not columns:
            self.problem(
                READ_GOAL_ROW,
                f"第 {line} 行指标未读取（指标表头不全）：{_filled(cells)}",
                line=line,
            )
            return None
        level1, level2, name = (cells[columns[header]] for header in _SH_LEVELS)
        self.extra_cells(cells, set(columns.values()), line, name or "指标")
        if not level1 and previous is not None:
            level1 = previous.level1
        if not level2 and previous is not None and previous.level1 == level1:
            level2 = previous.level2
        kind = Level2.read(level2)
        if name and not level1 and kind is not None:
            # The first row of a level-1 left blank: its level-2 names it, as the framework
            # puts each level-2 under one level-1 (生态环境成本指标 under 成本指标).
            level1 = kind.parent.label
            self.problem(
                READ_GOAL_ROW,
                f"第 {line} 行指标“{name}”的一级指标空白，且上一行没有可沿用的一级指标："
                f"按二级指标“{level2}”所属读作“{level1}”",
                row=name,
                column=_SH_LEVELS[0],
                line=line,
            )
        if not level1 or not level2 or not name:
            blank = _SH_LEVELS[0] if not level1 else _SH_LEVELS[1] if not level2 else _SH_LEVELS[2]
            why = "" if blank == _SH_LEVELS[2] else f"，且上一行没有可沿用的{blank}"
            self.problem(
                READ_GOAL_ROW,
                f"第 {line} 行指标的{blank}空白{why}，未读取（该行为：{_filled(cells)}）",
                row=name or None,
                column=blank,
                line=line,
            )
            return None
        # No description and no basis column in this layout: "" and None (see Indicator).
        indicator = Indicator(level1, level2, name, "", cells[columns[_SH_TARGET]], None)
        self.indicators.append(indicator)
        return indicator

    def goal(self) -> ProjectPerformanceGoal | None:
        if self.unit is None:
            self.problem(READ_GOAL_MISSING, "未印金额单位，按元读取", severity=Severity.WARNING)
        if self.header is None:
            self.problem(READ_GOAL_MISSING, "未印指标表头（一级指标、二级指标……），未读取指标")
        return self.build(
            self.name,
            self.year,
            lambda year: ProjectPerformanceGoal(
                year=year,
                code="",
                name=self.name,
                unit=self.unit or Unit.YUAN,
                goals=self.goals,
                indicators=self.indicators,
                facts=self.facts,
                budget=self.funds.get("budget"),
                financial_funds=self.funds.get("financial_funds"),
                other_funds=self.funds.get("other_funds"),
                carry_over=self.funds.get("carry_over"),
            ),
        )


def _filled(cells: Sequence[str]) -> str:
    """The printed cells of a row, for a finding that quotes a row it could not read."""
    return "｜".join(cell for cell in cells if cell)


# --- either layout ---------------------------------------------------------------------------


def _layout(rows: Sequence[Sequence[str]]) -> GoalLayout | None:
    """The layout a grid is printed in, by the labels that start its rows; ``None`` for none.

    项目编码, 预算规模及资金用途 and 资金支出计划 are the seed's alone, and a seed grid always
    prints them, also when its facts carry Shanghai's labels; 绩效目标 and 一级指标 start rows of
    the seed, but a Shanghai row that lost its blank first cell may start with 一级指标 too.
    """
    starts = [row[0] for row in rows if row[0]]
    parts = {_part(cell) for cell in starts}
    if parts & {_Part.CODE, _Part.FUNDS, _Part.SCHEDULE}:
        return GoalLayout.SEED
    if any(_sh_label(cell) in _SH_STARTS or _SH_YEAR.fullmatch(_key(cell)) for cell in starts):
        return GoalLayout.SHANGHAI
    if parts & {_Part.GOALS, _Part.HEADER}:
        return GoalLayout.SEED
    return None


def read_goal_grid(grid: Sequence[Sequence[str]], *, year: int | None = None) -> GoalGridReading:
    """Read a project goal table printed in the seed's layout or in Shanghai's (see the
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
    reader: _SeedReader | _ShanghaiReader
    if layout is GoalLayout.SEED:
        reader = _SeedReader(rows, year)
        reader.read_indicators(reader.read())
    else:
        width = max(len(row) for row in rows)  # short rows lost blank cells at their end
        reader = _ShanghaiReader([row + [""] * (width - len(row)) for row in rows], year)
        reader.read()
    goal = reader.goal()
    return GoalGridReading(goal, reader.located(reader.name), layout)
