"""The layout of a project goal table with 项目预算成本构成 (鄂州's 项目支出绩效目标表, Hubei):
:class:`CostsReader` reads it. The layout is described in :mod:`govbudget.reading.goal_grid`."""

from __future__ import annotations

import enum
from collections.abc import Sequence

import attrs

from govbudget.amounts import Unit
from govbudget.checks import Severity
from govbudget.checks.reading import READ_GOAL_CELL, READ_GOAL_ROW
from govbudget.performance import CostFigure, CostItem, ProjectPerformanceGoal
from govbudget.reading.goal_cells import (
    INDICATOR_FIELDS,
    LEVEL_HEADERS,
    ProjectReading,
    figure_cell,
    filled,
    label_key,
    statements,
)

__all__ = ["CostsReader", "costs_marks"]

_COSTS = "项目预算成本构成"
_GOALS = "绩效目标"
_INDICATORS = "绩效指标"
# The labels of the header block whose values are kept as facts.
_FACT_LABELS = frozenset(
    label_key(label) for label in ("主管部门审核意见", "项目类别", "项目性质", "立项依据")
)
# The labels only this layout prints, by which read_goal_grid recognises it (项目预算成本构成
# may carry a unit in brackets, so it is matched by its start).
_MARKS = frozenset({label_key("立项依据"), label_key("主管部门审核意见")})
_TOTALS = frozenset({"合计", "总计"})
_BASIS_WORD = "依据"  # 测算(公式)依据: the column of the estimate's basis, not a figure
_INDICATOR_COLUMNS = {
    **INDICATOR_FIELDS,
    "绩效标准": "description",
    "绩效指标描述": "description",
    "当年预期实现值": "target",
}


class _Block(enum.Enum):
    HEADER = enum.auto()
    COSTS = enum.auto()
    GOALS = enum.auto()
    INDICATORS = enum.auto()


@attrs.define
class CostsReader(ProjectReading):
    """The state of one reading of the layout with 项目预算成本构成."""

    # The cost columns: each figure column's index and label, and the basis column's index.
    cost_columns: list[tuple[int, str]] = attrs.Factory(list)
    basis_column: int | None = None
    costs: list[CostItem] = attrs.Factory(list)
    cost_total: CostItem | None = None
    columns: dict[str, int] | None = None  # the indicator columns, once the header is read

    def read(self) -> None:
        block = _Block.HEADER
        above = ("", "")  # the level-1 and level-2 of the indicator row above
        for line, cells in self.printed_rows():
            key = label_key(cells[0])
            if key == LEVEL_HEADERS[0]:
                block = _Block.INDICATORS
                self.read_header(cells, line)
            elif block is _Block.INDICATORS and self.columns is not None:
                above = self.indicator_row(cells, line, above, self.columns)[1]
            elif key.startswith(label_key(_COSTS)):
                block = _Block.COSTS
                self.read_cost_header(cells, line)
            elif key == label_key(_GOALS):
                block = _Block.GOALS
                self.read_goals(cells)
            elif key == label_key(_INDICATORS):
                block = _Block.HEADER
                # 绩效指标 | 保障绩效目标实现措施: headings over the indicators and the measures,
                # which the form leaves no row for; the measures' heading is kept, blank.
                self.facts += [(cell, "") for cell in cells[1:] if cell]
            elif block is _Block.COSTS and cells[0]:
                self.read_cost(cells, line)
            elif block is _Block.GOALS and not cells[0]:
                self.read_goals(cells)
            elif cells[0]:
                block = _Block.HEADER
                self.read_label_row(cells, line, _FACT_LABELS)
            else:
                self.stray_row(cells, line)

    def read_goals(self, cells: list[str]) -> None:
        for cell in cells[1:]:
            self.goals += statements(cell)

    def read_cost_header(self, cells: list[str], line: int) -> None:
        if self.cost_columns:
            self.problem(READ_GOAL_ROW, f"“{cells[0]}”重复印出，该表头未读取", line=line)
            return
        for column, cell in enumerate(cells[1:], start=1):
            if _BASIS_WORD in cell:
                self.basis_column = column
            elif cell:
                self.cost_columns.append((column, cell))

    def read_cost(self, cells: list[str], line: int) -> None:
        name = cells[0]
        figures = []
        for column, label in self.cost_columns:
            value, problem = figure_cell(cells[column], f"{name}／{label}", Unit.WAN_YUAN)
            if problem is not None:
                self.problem(READ_GOAL_CELL, problem, row=name, column=label, line=line)
            figures.append(CostFigure(label, value))
        basis = cells[self.basis_column] if self.basis_column is not None else ""
        item = CostItem(name, figures, basis)
        used = {0, *(column for column, _ in self.cost_columns)}
        self.extra_cells(cells, used | {self.basis_column or 0}, line, name)
        if label_key(name) not in _TOTALS:
            self.costs.append(item)
        elif self.cost_total is None:
            self.cost_total = item
        else:
            self.problem(
                READ_GOAL_ROW, f"“{name}”行重复印出，未读取（该行为：{filled(cells)}）", line=line
            )

    def read_header(self, cells: list[str], line: int) -> None:
        columns = self.header_columns(
            cells, line, lambda cell: _INDICATOR_COLUMNS.get(label_key(cell))
        )
        level2 = columns.get("level2")
        if "name" not in columns and level2 is not None and cells[level2 + 1 : level2 + 2] == [""]:
            # 鄂州 prints no 三级指标 over the names, which stand right of the level-2.
            columns["name"] = level2 + 1
            self.problem(
                READ_GOAL_CELL,
                f"指标表头第 {level2 + 2} 栏空白（未印“三级指标”），其下按三级指标读取",
                line=line,
                severity=Severity.INFO,
            )
        self.columns = self.complete_columns(columns, line)

    def goal(self) -> ProjectPerformanceGoal | None:
        if self.cost_columns:
            self.no_unit(Unit.WAN_YUAN)
        if self.columns is None:
            self.no_header()
        return self.project_goal(Unit.WAN_YUAN, costs=self.costs, cost_total=self.cost_total)


def costs_marks(starts: Sequence[str]) -> bool:
    """Whether the first cells of a grid's rows hold a label only this layout prints
    (项目预算成本构成, 立项依据, 主管部门审核意见)."""
    return any(
        label_key(cell) in _MARKS or label_key(cell).startswith(label_key(_COSTS))
        for cell in starts
    )
