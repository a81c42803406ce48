"""What the readers of both layouts of a project goal table share: the findings of one
reading, and cells read as labels, money and percentages."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs

from govbudget.amounts import Figure, Unit, decimal_places, format_amount, parse_amount
from govbudget.checks import Finding, Location, Rule, Severity
from govbudget.checks.reading import READ_GOAL_CELL, READ_GOAL_MISSING
from govbudget.errors import AmountError
from govbudget.performance import (
    GoalError,
    ProjectPerformanceGoal,
)

__all__ = ["Reading", "figure_cell", "filled", "label_key", "percent_cell"]

_SPACE = re.compile(r"\s+")


def label_key(text: str) -> str:
    """A label as compared: NFKC, no spaces ("其中：财政    资金" is "其中:财政资金")."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


_NO_YEAR = "未印预算年度，也未给出 year，无法建立项目绩效目标"


class Reading:
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


def figure_cell(text: str, label: str, unit: Unit) -> tuple[Figure, str | None]:
    """The money figure a cell prints in ``unit``, or ``None`` and why it cannot be read."""
    try:
        value = parse_amount(text)
    except AmountError:
        return None, f"“{label}”的“{text}”不是金额"
    places = decimal_places(value)
    if places is not None and places > unit.places:
        return None, f"“{label}”的“{text}”有 {places} 位小数，{unit.label}金额至多 {unit.places} 位"
    return value, None


def percent_cell(value: Decimal | None) -> str:
    return "" if value is None else f"{format_amount(value)}%"


def filled(cells: Sequence[str]) -> str:
    """The printed cells of a row, for a finding that quotes a row it could not read."""
    return "｜".join(cell for cell in cells if cell)
