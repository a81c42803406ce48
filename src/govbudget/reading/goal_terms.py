"""The layout of a project goal table with long-term and annual indicators side by side
(武汉市青山区's 2020 项目支出绩效目标表, Hubei): :class:`TermsReader` reads it. The layout is
described in :mod:`govbudget.reading.goal_grid`."""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence

import attrs

from govbudget.amounts import Unit
from govbudget.checks import Severity
from govbudget.checks.reading import READ_GOAL_CELL, READ_GOAL_ROW
from govbudget.performance import ProjectPerformanceGoal
from govbudget.reading.goal_cells import (
    INDICATOR_FIELDS,
    LEVEL_HEADERS,
    GoalLabel,
    ProjectReading,
    field_cell,
    goal_labels,
    label_key,
    label_pairs,
    names_a_year,
)
from govbudget.reading.printed import UNIT_SUFFIX

__all__ = ["TermsReader", "terms_marks"]

_FUNDS = "项目资金"
_GOALS = "总体目标"
_INDICATOR_TITLE = "绩效项目指标表"
_FACT_LABELS = frozenset(
    label_key(label) for label in ("主管部门及编码", "实施单位", "项目属性", "项目起止时间")
)
# The year's money and its field; the money of the whole period (资金总额, 其中:财政拨款,
# 其他资金) is kept as facts, a sum over years never to be compared with one year's spending.
_YEAR_FIELDS = {
    label_key("当年资金总额"): "budget",
    label_key("年度预算资金总额"): "budget",  # 烟台's 政策和项目预算绩效目标表
    label_key("当年财政拨款"): "financial_funds",
    label_key("当年其他资金"): "other_funds",
}
_PERIOD_LABELS = frozenset(label_key(label) for label in ("资金总额", "财政拨款", "其他资金"))
# The parts of a year's total, where no period is printed.
_PERIOD_SPLIT = {label_key("财政拨款"): "financial_funds", label_key("其他资金"): "other_funds"}
# The labels only this layout prints, by which read_goal_grid recognises it.
_MARKS = frozenset(label_key(label) for label in (_INDICATOR_TITLE, _GOALS, "主管部门及编码"))
# A header names its level and its term: 二级指标(长期), 指标值(年度).
_HEADER = re.compile(rf"(?P<heading>{'|'.join(INDICATOR_FIELDS)})(?:\((?P<term>长期|年度)\))?")
_LONG = "长期"
# What a first column may print beside the indicator header and down its rows.
_BLOCK_LABELS = frozenset({"", label_key("绩效指标")})


class _Block(enum.Enum):
    HEADER = enum.auto()
    FUNDS = enum.auto()
    GOALS = enum.auto()
    INDICATORS = enum.auto()


def _heading(cell: str) -> tuple[str, bool] | None:
    """The field an indicator heading names, and whether it heads a long-term indicator's."""
    match = _HEADER.fullmatch(label_key(cell))
    return None if match is None else (INDICATOR_FIELDS[match["heading"]], match["term"] == _LONG)


def _is_funds(key: str) -> bool:
    """Whether a label is the money block's: 项目资金, or 项目资金（万元） with its unit."""
    rest = key.removeprefix(label_key(_FUNDS))
    return key.startswith(label_key(_FUNDS)) and (
        not rest or UNIT_SUFFIX.fullmatch(rest) is not None
    )


def _money_key(cell: str) -> str:
    """A money label as compared: 其中:当年财政拨款 is 当年财政拨款, 当年资金总额: without its colon."""
    return label_key(cell).removeprefix("其中:").rstrip(":")


@attrs.define
class TermsReader(ProjectReading):
    """The state of one reading of the layout with long-term and annual indicators."""

    money: list[tuple[str, str, str, int]] = attrs.Factory(list)  # field, label, cell, line
    period: list[tuple[str, str, int]] = attrs.Factory(list)  # label, cell, line
    labelled: Unit | None = None  # the unit the money block's label prints: 项目资金（万元）
    goal_labels: list[GoalLabel] = attrs.Factory(list)
    # The indicator columns by field, annual and long-term, once the header is read.
    annual: dict[str, int] | None = None
    long_term: dict[str, int] = attrs.Factory(dict)
    unfilled: list[int] = attrs.Factory(list)  # long-term halves printing their level-2 alone

    def read(self) -> None:
        block = _Block.HEADER
        above = ("", "")  # the level-1 and level-2 of the indicator row above
        for line, cells in self.printed_rows():
            key = label_key(cells[0])
            # The header may stand one column in, beside the block's label (烟台: 绩效指标 |
            # 一级指标 | 二级指标 | …, the label printed down the first column).
            if key == LEVEL_HEADERS[0] or (
                key in _BLOCK_LABELS
                and label_key(cells[1:2][0] if cells[1:] else "") == LEVEL_HEADERS[0]
            ):
                block = _Block.INDICATORS
                self.read_header(cells, line)
            elif block is _Block.INDICATORS and self.annual is not None:
                above = self.read_indicator(cells, line, above, self.annual)
            elif key == label_key(_INDICATOR_TITLE):
                self.extra_cells(cells, {0}, line, cells[0])
            elif names_a_year(cells[0]):
                self.read_year_row(cells, line)
            elif _is_funds(key) or (block is _Block.FUNDS and not cells[0]):
                block = _Block.FUNDS
                self.read_money(cells, line)
            elif key == label_key(_GOALS):
                block = _Block.GOALS
                self.goal_labels = goal_labels(cells)
            elif block is _Block.GOALS and not cells[0]:
                self.goal_texts(self.goal_labels, cells, line)
            elif cells[0]:
                block = _Block.HEADER
                self.read_label_row(cells, line, _FACT_LABELS)
            else:
                self.stray_row(cells, line)

    def read_money(self, cells: list[str], line: int) -> None:
        printed = UNIT_SUFFIX.search(label_key(cells[0]))
        if printed is not None and printed["unit"] != "%":
            self.labelled = Unit.from_label(printed["unit"])

        def is_label(cell: str) -> bool:
            key = _money_key(cell)
            return key in _YEAR_FIELDS or key in _PERIOD_LABELS or key == _FUNDS

        pairs, unplaced = label_pairs(cells[1:], is_label)
        for _column, label, value in pairs:
            field = _YEAR_FIELDS.get(_money_key(label))
            if field is not None:
                self.money.append((field, label, value, line))
            elif _money_key(label) in _PERIOD_LABELS:
                self.facts.append((label, value))
                self.period.append((label, value, line))
            else:
                self.unknown_money(_FUNDS, label, value, line)
        self.extra_cells(cells, set(range(len(cells))) - {u + 1 for u in unplaced}, line, _FUNDS)

    def read_header(self, cells: list[str], line: int) -> None:
        columns = self.header_columns(cells, line, _heading)
        self.long_term.update({field: at for (field, long), at in columns.items() if long})
        annual = {field: at for (field, long), at in columns.items() if not long}
        self.annual = self.complete_columns(annual, line, "年度指标的")

    def read_indicator(
        self, cells: list[str], line: int, above: tuple[str, str], annual: dict[str, int]
    ) -> tuple[str, str]:
        if annual:
            self.read_long_term(cells, line)
        # The block's label printed down the first column, beside the header, is no stray.
        label = (
            [0]
            if min(annual.values(), default=0) > 0 and label_key(cells[0]) in _BLOCK_LABELS
            else []
        )
        read_elsewhere = [*self.long_term.values(), *label]
        return self.indicator_row(cells, line, above, annual, read_elsewhere=read_elsewhere)[1]

    def read_long_term(self, cells: list[str], line: int) -> None:
        """The long-term half of a row: the model holds the year's indicators only, so a
        long-term name or target is reported; a level-2 printed alone (the form's label left
        unfilled) is counted, for one note at the end."""
        name, target = (field_cell(cells, self.long_term, field) for field in ("name", "target"))
        if name or target:
            self.problem(
                READ_GOAL_CELL,
                f"第 {line} 行的长期指标“{name}”（指标值“{target}”）未读取：只读年度指标",
                row=name or None,
                line=line,
                severity=Severity.WARNING,
            )
        elif field_cell(cells, self.long_term, "level2"):
            self.unfilled.append(line)

    def goal(self) -> ProjectPerformanceGoal | None:
        # With no 资金总额 of the period printed, 其中：财政拨款 and 其他资金 under the year's
        # total are the year's (烟台: 年度预算资金总额 | 其中：财政拨款 | 其他资金).
        whole = label_key("资金总额")
        if self.period and all(_money_key(label) != whole for label, _, _ in self.period):
            split = [(label, value) for label, value, _ in self.period]
            self.facts = [fact for fact in self.facts if fact not in split]
            self.money += [
                (_PERIOD_SPLIT[_money_key(label)], label, value, line)
                for label, value, line in self.period
            ]
        unit, funds = self.money_cells(self.money, _FUNDS, self.labelled)
        if self.annual is None:
            self.no_header()
        if self.unfilled:
            self.problem(
                READ_GOAL_ROW,
                f"长期指标 {len(self.unfilled)} 行只印二级指标，三级指标与指标值空白（未填写）",
                line=self.unfilled[0],
                severity=Severity.INFO,
            )
        return self.project_goal(unit, **funds)


def terms_marks(starts: Sequence[str]) -> bool:
    """Whether the first cells of a grid's rows hold a label only this layout prints
    (绩效项目指标表, 总体目标, 主管部门及编码)."""
    return any(label_key(cell) in _MARKS for cell in starts)
