"""The application form of a project goal table with its money by source and separate
long-term and annual indicator blocks (宁乡市坝塘镇's 2021 项目绩效目标表, Hunan):
:class:`ApplicationReader` reads it. The layout is described in
:mod:`govbudget.reading.goal_grid`."""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence

import attrs

from govbudget.characters import fold
from govbudget.checks import Severity
from govbudget.checks.reading import READ_GOAL_CELL, READ_GOAL_ROW
from govbudget.performance import ProjectPerformanceGoal
from govbudget.reading.goal_cells import (
    INDICATOR_FIELDS,
    LEVEL_HEADERS,
    GoalLabel,
    ProjectReading,
    field_cell,
    filled,
    goal_labels,
    label_key,
    money_cell,
    names_a_year,
)
from govbudget.vocabulary.placeholders import TEMPLATE_ROW

__all__ = ["ApplicationReader", "application_marks"]

_MONEY = "年度资金总额及构成"
_APPROVAL = "项目立项情况"
_PLAN = "项目实施进度计划"
_GOALS = "项目绩效目标"
_LONG_TERM = "长期绩效指标"
_ANNUAL = "年度绩效指标"
_FACT_LABELS = frozenset(
    label_key(label)
    for label in ("项目属性", "主管部门", "主管部门编码", "项目单位", "项目负责人", "联系电话")
)
# The money by source and its field: 自有资金 is the unit's own funds (单位资金).
_MONEY_FIELDS = {"总额": "budget", "财政拨款": "financial_funds", "自有资金": "own_funds"}
_OTHER = "其他"
_ORDINAL = re.compile(r"^[一二三四五六七八九十]+、")
# The labels only this layout prints, by which read_goal_grid recognises it.
_MARKS = frozenset(label_key(label) for label in (_MONEY, _APPROVAL, _PLAN, _LONG_TERM, _ANNUAL))
_INDICATOR_COLUMNS = {**INDICATOR_FIELDS, "指标内容": "name", "备注": "remark"}


class _Block(enum.Enum):
    HEADER = enum.auto()
    MONEY = enum.auto()
    APPROVAL = enum.auto()
    PLAN = enum.auto()
    GOALS = enum.auto()
    LONG_TERM = enum.auto()
    ANNUAL = enum.auto()


_BLOCKS = {
    label_key(_MONEY): _Block.MONEY,
    label_key(_APPROVAL): _Block.APPROVAL,
    label_key(_PLAN): _Block.PLAN,
    label_key(_GOALS): _Block.GOALS,
    label_key(_LONG_TERM): _Block.LONG_TERM,
    label_key(_ANNUAL): _Block.ANNUAL,
}


def _money_key(cell: str) -> str:
    """A money label as compared: 二、自有资金: is 自有资金."""
    return _ORDINAL.sub("", label_key(cell)).rstrip(":")


def _is_template_row(cells: Sequence[str]) -> bool:
    """Whether the row prints a template's "…" and nothing else."""
    printed = [fold(cell) for cell in cells if cell]
    return bool(printed) and all(TEMPLATE_ROW.fullmatch(cell) for cell in printed)


@attrs.define
class ApplicationReader(ProjectReading):
    """The state of one reading of the application form."""

    money: list[tuple[str, str, str, int]] = attrs.Factory(list)  # field, label, cell, line
    plan_headers: list[tuple[int, str]] = attrs.Factory(list)
    goal_labels: list[GoalLabel] = attrs.Factory(list)
    columns: dict[str, int] | None = None  # the indicator columns, once a header is read

    def read(self) -> None:
        block = _Block.HEADER
        above = ("", "")  # the level-1 and level-2 of the indicator row above
        for line, cells in self.printed_rows():
            key = label_key(cells[0])
            started = _BLOCKS.get(key)
            if _is_template_row(cells):
                self.problem(
                    READ_GOAL_ROW,
                    f"第 {line} 行是模板的“{filled(cells)}”行（示意可续列），填报时未删除：留有模板占位行",
                    line=line,
                    severity=Severity.WARNING,
                )
            elif key == LEVEL_HEADERS[0]:
                self.read_header(cells, line)
                above = ("", "")
            elif started is not None:
                block = started
                above = ("", "")
                self.read_block_start(block, cells, line)
            elif block in (_Block.LONG_TERM, _Block.ANNUAL) and self.columns is not None:
                long_term = block is _Block.LONG_TERM
                above = self.read_indicator(cells, line, above, self.columns, long_term)
            elif names_a_year(cells[0]):
                self.read_year_row(cells, line)
            elif not cells[0] and block is _Block.MONEY:
                self.read_money(cells, line)
            elif not cells[0] and block in (_Block.APPROVAL, _Block.PLAN):
                self.read_sub_rows(block, cells, line)
            elif not cells[0] and block is _Block.GOALS:
                self.goal_texts(self.goal_labels, cells, line)
            elif cells[0]:
                block = _Block.HEADER
                self.read_label_row(cells, line, _FACT_LABELS)
            else:
                self.stray_row(cells, line)

    def read_block_start(self, block: _Block, cells: list[str], line: int) -> None:
        if block is _Block.MONEY:
            self.read_money(cells, line)
        elif block is _Block.APPROVAL:
            self.read_sub_rows(block, cells, line)
        elif block is _Block.PLAN:
            self.plan_headers = [(c, cell) for c, cell in enumerate(cells) if cell and c > 1]
        elif block is _Block.GOALS:
            self.goal_labels = goal_labels(cells)
        else:  # 长期绩效指标, 年度绩效指标: a title over its own header
            self.extra_cells(cells, {0}, line, cells[0])

    def read_money(self, cells: list[str], line: int) -> None:
        """A row of the money by source: its label in the second cell, the amount in the third;
        a breakdown printed after the amount (其中:上级财政资金…) is kept as a fact."""
        label, value = cells[1], cells[2]
        key = _money_key(label)
        field = _MONEY_FIELDS.get(key, "other_funds" if key == _OTHER else None)
        if field is None:
            self.unknown_money(_MONEY, label, value, line)
        else:
            self.money.append((field, label, value, line))
            printed = money_cell(value)
            if printed is not None and printed[2]:
                self.facts.append((label, value))
        self.extra_cells(cells, {0, 1, 2}, line, label or _MONEY)

    def read_sub_rows(self, block: _Block, cells: list[str], line: int) -> None:
        """A row of 项目立项情况 (a sub-label and its text) or of 项目实施进度计划 (a task and a
        cell under each header), kept as facts."""
        used = {0, 1}
        if block is _Block.APPROVAL:
            self.facts.append((cells[1], cells[2]))
            used.add(2)
        else:
            for column, header in self.plan_headers:
                self.facts.append((f"{cells[1]}（{header}）", cells[column]))
                used.add(column)
        self.extra_cells(cells, used, line, cells[1] or cells[0])

    def read_header(self, cells: list[str], line: int) -> None:
        columns = self.header_columns(
            cells, line, lambda cell: _INDICATOR_COLUMNS.get(label_key(cell))
        )
        self.columns = self.complete_columns(columns, line)

    def read_indicator(
        self,
        cells: list[str],
        line: int,
        above: tuple[str, str],
        columns: dict[str, int],
        long_term: bool,
    ) -> tuple[str, str]:
        # The model holds the year's indicators only.
        indicator, levels = self.indicator_row(cells, line, above, columns, keep=not long_term)
        if indicator is None:
            return levels
        if long_term:
            self.problem(
                READ_GOAL_ROW,
                f"第 {line} 行是长期绩效指标“{indicator.name}”（指标值“{indicator.target.text}”），"
                "未读取：只读年度绩效指标",
                row=indicator.name,
                line=line,
                severity=Severity.WARNING,
            )
        elif remark := field_cell(cells, columns, "remark"):
            self.problem(
                READ_GOAL_CELL,
                f"“{indicator.name}”的备注“{remark}”未读取：指标没有备注栏",
                row=indicator.name,
                column="备注",
                line=line,
                severity=Severity.WARNING,
            )
        return levels

    def goal(self) -> ProjectPerformanceGoal | None:
        unit, funds = self.money_cells(self.money, _MONEY)
        if self.columns is None:
            self.no_header()
        return self.project_goal(unit, **funds)


def application_marks(starts: Sequence[str]) -> bool:
    """Whether the first cells of a grid's rows hold a label only this layout prints
    (年度资金总额及构成, 项目立项情况, 项目实施进度计划, 长期绩效指标, 年度绩效指标)."""
    return any(label_key(cell) in _MARKS for cell in starts)
