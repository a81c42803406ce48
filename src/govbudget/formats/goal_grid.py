"""项目绩效目标表 as a published grid: render a goal in the seed's layout, and read it back.

A grid is the table as printed: rows of string cells, "" for an empty cell, every row the same
width. The seed's layout (section 七 of the 2025 Kaiping disclosure) is, row by row:

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

The reader finds each part by its label, not by its row number, and reads indicator rows whose
repeated cells were dropped rather than left blank (a row shorter than the header row lost its
leading cells). What it cannot read it reports, never drops: a figure or a percentage that is
not one (READ-GOAL-CELL), a row that belongs to no part of the layout or an indicator row with
no level to repeat (READ-GOAL-ROW), a table without a project name (READ-GOAL-MISSING). Shanghai's
财政项目支出绩效目标申报表 is another layout, with a reader of its own.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal

import attrs

from govbudget.amounts import Figure, Unit, decimal_places, format_amount, parse_amount
from govbudget.checks import Finding, Location, Report, Rule, Severity, declare
from govbudget.errors import AmountError
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
    "GoalGridReading",
    "read_goal_grid",
    "render_goal_grid",
]

READ_GOAL_CELL = declare(
    "READ-GOAL-CELL",
    "Goal table cells are read",
    Severity.ERROR,
    description=(
        "项目绩效目标表的金额、百分比、金额单位等单元格按其所在栏读取；无法读取的单元格、"
        "版式中没有位置的单元格逐一报告，不猜测、不丢弃。"
    ),
)
READ_GOAL_ROW = declare(
    "READ-GOAL-ROW",
    "Goal table rows fit the layout",
    Severity.ERROR,
    description=(
        "项目绩效目标表的每一行属于版式的某一部分；指标行中空白的一级、二级指标沿用上一行，"
        "无可沿用者报告。"
    ),
)
READ_GOAL_MISSING = declare(
    "READ-GOAL-MISSING",
    "Goal table prints what a goal needs",
    Severity.ERROR,
    description="项目绩效目标表印有项目名称、指标表头和金额单位；缺少项目名称或指标表头时无法读取。",
)

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
    needs) and a finding for everything it could not read."""

    goal: ProjectPerformanceGoal | None
    findings: tuple[Finding, ...] = ()

    @property
    def report(self) -> Report:
        """The reader's findings as a report."""
        return Report(self.findings)


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
class _Reader:
    """The state of one reading: what has been read so far and what could not be."""

    rows: list[list[str]]
    year: int
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

    def figure(self, text: str, label: str, line: int) -> Figure:
        try:
            value = parse_amount(text)
        except AmountError:
            self.problem(
                READ_GOAL_CELL,
                f"“{label}”的“{text}”不是金额",
                row=_FUNDS,
                column=label,
                line=line,
            )
            return None
        unit = self.unit or Unit.WAN_YUAN
        places = decimal_places(value)
        if places is not None and places > unit.places:
            self.problem(
                READ_GOAL_CELL,
                f"“{label}”的“{text}”有 {places} 位小数，{unit.label}金额至多 {unit.places} 位",
                row=_FUNDS,
                column=label,
                line=line,
            )
            return None
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
        for column, label in enumerate(labels[1:], start=1):
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
        if not self.name:
            self.problem(READ_GOAL_MISSING, "未印项目名称，无法建立项目绩效目标")
            return None
        try:
            return ProjectPerformanceGoal(
                year=self.year,
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
            )
        except GoalError as error:
            self.problem(READ_GOAL_CELL, f"无法建立项目绩效目标：{error}")
            return None

    def findings(self) -> tuple[Finding, ...]:
        table = f"项目绩效目标表：{self.name}" if self.name else "项目绩效目标表"
        return tuple(
            attrs.evolve(found, location=attrs.evolve(found.location, table=table))
            for found in self.found
        )


def read_goal_grid(grid: Sequence[Sequence[str]], *, year: int) -> GoalGridReading:
    """Read a project goal table printed in the seed's layout (see the module's description).

    ``year`` is the budget year of the disclosure the table belongs to (the table itself does
    not print it). Cells are read with outer spaces stripped.
    """
    rows = [[cell.strip() for cell in row] or [""] for row in grid]
    reader = _Reader(rows, year)
    reader.read_indicators(reader.read())
    goal = reader.goal()
    return GoalGridReading(goal, reader.findings())
