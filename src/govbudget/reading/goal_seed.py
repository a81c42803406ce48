"""The seed's layout of a project goal table (项目绩效目标表, section 七 of the 2025 Kaiping
disclosure): :func:`render_goal_grid` prints a goal in it and :class:`SeedReader` reads it.
The layout is described in :mod:`govbudget.reading.goal_grid`."""

from __future__ import annotations

import enum
from collections.abc import Sequence

import attrs

from govbudget.amounts import Figure, Unit, format_amount
from govbudget.checks.reading import READ_GOAL_CELL, READ_GOAL_MISSING, READ_GOAL_ROW
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
from govbudget.reading.goal_cells import (
    INDICATOR_FIELDS,
    LEVEL_HEADERS,
    TARGET_HEADER,
    ProjectReading,
    carried,
    figure_cell,
    label_key,
    levels_of,
    percent_cell,
    statements,
)

__all__ = ["SeedReader", "render_goal_grid", "seed_marks"]

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
    ("own_funds", "自有资金"),
)
_OPTIONAL_FUNDS = ("carry_over", "own_funds")  # printed only by the goals that have them
_DESCRIPTION = "绩效指标描述"
_BASIS = "指标值确定依据"
_HEADERS = (*LEVEL_HEADERS, _DESCRIPTION, TARGET_HEADER, _BASIS)


_FIELD_OF_LABEL = {label_key(label): field for field, label in _BUDGET_LABELS} | {
    label_key("财政资金"): "financial_funds",
    label_key("上年结转"): "carry_over",
}
_HEADER_KEYS = {label_key(header): header for header in _HEADERS}


class _Part(enum.Enum):
    """The parts of the layout, each started by a row whose first cell is its label."""

    UNIT = enum.auto()
    CODE = enum.auto()
    FUNDS = enum.auto()
    SCHEDULE = enum.auto()
    GOALS = enum.auto()
    HEADER = enum.auto()


_PARTS = {
    label_key(_CODE): _Part.CODE,
    label_key(_FUNDS): _Part.FUNDS,
    label_key(_GOALS): _Part.GOALS,
    label_key(_HEADERS[0]): _Part.HEADER,
}
_PART_PREFIXES = ((label_key("单位"), _Part.UNIT), (label_key("资金支出计划"), _Part.SCHEDULE))


def _part(first_cell: str) -> _Part | None:
    """Which part of the layout a row starts, by its first cell; ``None`` for none."""
    key = label_key(first_cell)
    for prefix, part in _PART_PREFIXES:
        if key.startswith(prefix):
            return part
    return _PARTS.get(key)


def render_goal_grid(goal: ProjectPerformanceGoal) -> list[list[str]]:
    """The goal as a grid in the seed's layout (see the module's description).

    The budget row prints 上年结转资金 and 自有资金 only when the goal has them; ``facts`` print as label/value
    rows under the code row; the 指标值确定依据 column is left out when no indicator has a
    basis column (every ``basis`` is ``None``), and a ``None`` basis beside others prints blank. A fact labelled like a part of the layout (项目名称, 绩效目标 …)
    would read back as that part, so it is refused; so is a goal with 项目预算成本构成, which the
    layout has no rows for.

    Raises:
        GoalError: for a fact whose label is a label of the layout, or a goal with costs.
    """
    if goal.costs or goal.cost_total is not None:
        raise GoalError("the seed's layout has no place for 项目预算成本构成 (costs)")
    for label, _value in goal.facts:
        if _part(label) is not None:
            raise GoalError(f"fact {label!r}: a label of the goal table layout cannot be a fact")
    # A goal from a layout without the basis column (every basis None) prints without it.
    with_basis = not goal.indicators or any(row.basis is not None for row in goal.indicators)
    funds: list[str] = []
    for field, label in _BUDGET_LABELS:
        value: Figure = getattr(goal, field)
        if field not in _OPTIONAL_FUNDS or value is not None:
            funds += [label, format_amount(value)]
    rows: list[list[str]] = [
        [f"单位：{goal.unit.label}"],
        [_CODE, goal.code, _NAME, goal.name],
        *([label, value] for label, value in goal.facts),
        [_FUNDS, *funds],
        ["", goal.purpose],
        [_SCHEDULE, *(checkpoint.label for checkpoint in goal.schedule)],
        ["", *(percent_cell(checkpoint.percent) for checkpoint in goal.schedule)],
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
class SeedReader(ProjectReading):
    """The state of one reading of the seed's layout: what has been read so far and what could
    not be."""

    unit: Unit | None = None
    code: str = ""
    funds: dict[str, Figure] = attrs.Factory(dict)
    purpose: str = ""
    schedule: list[SpendingCheckpoint] = attrs.Factory(list)

    def figure(self, text: str, label: str, line: int) -> Figure:
        value, problem = figure_cell(text, label, self.unit or Unit.WAN_YUAN)
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
            key = label_key(cell)
            if index not in used and key in (label_key(_CODE), label_key(_NAME)):
                value = cells[index + 1]
                if key == label_key(_CODE):
                    self.code = value
                else:
                    self.name = value
                used |= {index, index + 1}
        self.extra_cells(cells, used, line, _CODE)

    def read_funds(self, cells: list[str], line: int) -> None:
        used = {0}
        for index, cell in enumerate(cells[:-1]):
            field = _FIELD_OF_LABEL.get(label_key(cell))
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
                self.goals += statements(cell)
            last += 1
        return last - 1

    def read_fact(self, cells: list[str], line: int) -> None:
        texts = [index for index, cell in enumerate(cells[1:], start=1) if cell]
        self.facts.append((cells[0], cells[texts[0]] if texts else ""))
        self.extra_cells(cells, {0, *texts[:1]}, line, cells[0])

    def read_indicators(self, start: int) -> None:
        if start >= len(self.rows):
            self.no_header()
            return
        header = self.rows[start]
        columns = self.header_columns(
            header, start + 1, lambda cell: _HEADER_KEYS.get(label_key(cell))
        )
        missing = [header for header in INDICATOR_FIELDS if header not in columns]
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

        level1, level2, name = (cell(header) for header in LEVEL_HEADERS)
        self.extra_cells(cells, set(columns.values()), line, name or "指标")
        level1, level2 = carried(level1, level2, levels_of(previous))
        if self.blank_level(line, (level1, level2, name), "｜".join(cells)):
            return None
        basis = cell(_BASIS) if _BASIS in columns else None
        indicator = Indicator(level1, level2, name, cell(_DESCRIPTION), cell(TARGET_HEADER), basis)
        self.indicators.append(indicator)
        return indicator

    def goal(self) -> ProjectPerformanceGoal | None:
        if self.unit is None:
            self.no_unit(Unit.WAN_YUAN)
        return self.project_goal(
            self.unit or Unit.WAN_YUAN,
            code=self.code,
            purpose=self.purpose,
            schedule=self.schedule,
            **self.funds,
        )


def seed_marks(starts: Sequence[str]) -> tuple[bool, bool]:
    """Whether the first cells of a grid's rows hold labels only the seed's layout prints
    (项目编码, 预算规模及资金用途, 资金支出计划), and whether labels it shares with others
    (绩效目标, 一级指标)."""
    parts = {_part(cell) for cell in starts}
    return bool(parts & {_Part.CODE, _Part.FUNDS, _Part.SCHEDULE}), bool(
        parts & {_Part.GOALS, _Part.HEADER}
    )
