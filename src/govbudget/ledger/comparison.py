"""A budget against last year's (比上年增减).

:func:`compare_years` pairs every printed cell of two years' tables and gives the change of each, by
类, basic and project, and the "三公" items; :meth:`BudgetComparison.stated_changes` states them
as the explanation's 比上年增减 (:class:`~govbudget.disclosure.StatedChange`, with 增加, 减少 or
持平). Changes are in 万元. A change of two printed figures is known to ±0.01万元 (each figure
±0.005), so a text that states changes of printed 万元 tables may not add up under the rounding
model; compare budgets derived in 元 (``derive(ledger, unit=Unit.YUAN)``) and every stated change
is rounded once, from exact amounts.

>>> from govbudget import Unit
>>> from govbudget.disclosure import BudgetUnit
>>> from govbudget.ledger import BasicKind, ExpenditureKind, Ledger, LineItem, derive
>>> def budget(year, salary, project):
...     items = [LineItem("2013701", "30101", salary, ExpenditureKind.BASIC, unit="本级",
...                       basic_kind=BasicKind.PERSONNEL),
...              LineItem("2013702", "30227", project, ExpenditureKind.PROJECT, unit="本级",
...                       project="P1")]
...     return derive(Ledger("某局", year, units=[BudgetUnit("本级", "行政")], items=items),
...                   unit=Unit.YUAN)
>>> comparison = compare_years(budget(2024, "1000000", "600000"), budget(2025, "912000", "900000"))
>>> comparison.total.amount, comparison.basic.word, comparison.project.word
(Decimal('21.200000'), '减少', '增加')
>>> comparison.stated_changes()["change_basic"]
StatedChange(amount=Decimal('-8.80'), percent=None, reason=None, word='减少', of=None)
>>> [(change.row, change.amount) for change in comparison.by_class()]
[('201', Decimal('21.200000'))]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from decimal import Context, Decimal

import attrs

from govbudget.amounts import (
    Figure,
    Interval,
    Unit,
    convert,
    decimal_places,
    difference,
    round_half_up,
)
from govbudget.disclosure import (
    DepartmentBudget,
    StatedChange,
    StatedFacts,
)
from govbudget.disclosure.facts import CHANGE_OF, FACT_LABELS, THREE_PUBLIC_KEYS
from govbudget.ledger.derivation import fact_cell, fact_figures, sum_figures
from govbudget.ledger.items import LedgerError
from govbudget.tables import (
    STANDARD_TABLES,
    ExpenditureTable,
    Table,
)

__all__ = [
    "STANDARD_CHANGES",
    "BudgetComparison",
    "Change",
    "compare_years",
    "with_changes",
]

STANDARD_CHANGES: tuple[str, ...] = (
    "change",
    "change_basic",
    "change_project",
    "agency_running_costs_change",
    "three_public_change",
    "travel_abroad_change",
    "vehicles_change",
    "vehicle_purchase_change",
    "vehicle_operation_change",
    "reception_change",
)
"""The changes an explanation states by default: the budget as a whole with its 基本支出 and
项目支出 (as the seed states them), 机关运行经费, and the "三公" total and items."""

_HUNDRED = Decimal(100)
_ZERO = Decimal(0)
_EXACT = Context(prec=80)
_WORDS = {1: "增加", -1: "减少", 0: "持平"}


def _sign(value: Decimal) -> int:
    return (value > 0) - (value < 0)


def _value(figure: Figure) -> Decimal:
    return _ZERO if figure is None else figure


@attrs.frozen(slots=True)
class Change:
    """One figure of last year beside this year's, in 万元: a cell of a table (``table`` its
    title, ``block``, ``row`` and ``column`` its keys, ``label`` the row as printed) or a
    stated fact (``row`` the fact's name, ``label`` its Chinese name). A blank is ``None``.

    >>> change = Change("部门预算支出总表", "total", "合计", "basic",
    ...                 Decimal("202.41"), Decimal("193.61"))
    >>> change.amount, change.word, change.percent()
    (Decimal('-8.80'), '减少', Decimal('-4.35'))
    >>> change.interval
    Interval(low=Decimal('-8.810'), high=Decimal('-8.790'))
    """

    table: str
    row: str
    label: str
    column: str
    previous: Figure
    current: Figure
    block: str = "rows"

    @property
    def amount(self) -> Decimal:
        """This year's figure less last year's, exactly (a blank counts as zero)."""
        return difference(self.current, self.previous)

    @property
    def interval(self) -> Interval:
        """The changes the two printed figures allow: each stands for its interval."""
        return Interval.of(self.current) - Interval.of(self.previous)

    @property
    def stated_amount(self) -> Decimal:
        """The change as a text states it: two decimals at most."""
        amount = self.amount
        places = decimal_places(amount)
        return round_half_up(amount, 2) if places is not None and places > 2 else amount

    @property
    def word(self) -> str:
        """增加, 减少 or 持平, by the sign of the change as stated."""
        return _WORDS[_sign(self.stated_amount)]

    def percent(self) -> Decimal | None:
        """The change in percent of last year, half up to two decimals; ``None`` when last year
        is blank, zero or negative (no percentage means anything then)."""
        previous = self.previous
        if previous is None or previous <= 0:
            return None
        return round_half_up(_EXACT.divide(_EXACT.multiply(self.amount, _HUNDRED), previous), 2)

    def stated(self, *, reason: str | None = None, percent: bool = False) -> StatedChange:
        """The change as the explanation states it (比上年增减).

        With ``percent``, the percentage is stated where it means something: last year
        positive, the change not 持平, and last year as the text's own figures give it (this
        year less the change, both as stated) positive, or TXT-PERCENT could not read it.

        >>> Change("", "reception", "公务接待费", "total", None, Decimal("0.46")).stated(
        ...     percent=True, reason="新增接待任务")
        StatedChange(amount=Decimal('0.46'), percent=None, reason='新增接待任务', word='增加', of=None)
        """
        amount = self.stated_amount
        share = self.percent() if percent and amount != 0 else None
        if share is not None:
            now = _value(self.current)
            shown = round_half_up(now, 2) if (decimal_places(now) or 0) > 2 else now
            if _EXACT.subtract(shown, amount) <= 0:
                share = None
        return StatedChange(amount, percent=share, reason=reason, word=self.word)


def _in_wan(figure: Figure, unit: Unit) -> Figure:
    return None if figure is None else convert(figure, unit, Unit.WAN_YUAN)


def _cells(left: Table, right: Table) -> Iterator[tuple[str, str, str, str, Figure, Figure]]:
    """Each cell printed in either table, as (block, row, label, column, left, right) in 万元:
    rows in the right table's order, then the rows only the left prints; columns declared."""
    for spec, mine, theirs in zip(left.SPEC.blocks, left.blocks(), right.blocks(), strict=True):
        keys = [row.key for row in theirs.rows]
        keys += [row.key for row in mine.rows if row.key not in keys]
        for key in keys:
            printed = theirs.row(key) or mine.row(key)
            assert printed is not None  # the key comes from one of the two
            for column in (c.key for c in spec.columns):
                before = _in_wan(mine.value(key, column), left.header.unit)
                after = _in_wan(theirs.value(key, column), right.header.unit)
                if before is not None or after is not None:
                    yield spec.key, key, printed.label, column, before, after


def _pairs(
    left: DepartmentBudget, right: DepartmentBudget
) -> Iterator[tuple[Table, str, str, str, str, Figure, Figure]]:
    for kind in STANDARD_TABLES:
        mine, theirs = left.table(kind), right.table(kind)
        if mine is None or theirs is None:
            continue
        for block, row, label, column, before, after in _cells(mine, theirs):
            yield theirs, block, row, label, column, before, after


@attrs.frozen(slots=True)
class BudgetComparison:
    """This year's budget against last year's: every cell's change, and the changes the
    explanation states.

    ``changes`` holds a :class:`Change` for every cell printed in either year's table (tables
    both budgets hold, in standard order); :meth:`fact_change` gives the change of a stated
    fact, read from the cells the fact is stated from.
    """

    previous: DepartmentBudget
    current: DepartmentBudget
    changes: tuple[Change, ...]

    def table(self, kind: type[Table]) -> tuple[Change, ...]:
        """The changes of one table's cells."""
        return tuple(change for change in self.changes if change.table == kind.SPEC.title)

    def cell(
        self, kind: type[Table], row: str, column: str, *, block: str = "rows"
    ) -> Change | None:
        """The change of one cell; ``None`` when neither year prints it."""
        for change in self.table(kind):
            if (change.block, change.row, change.column) == (block, row, column):
                return change
        return None

    def by_class(self) -> tuple[Change, ...]:
        """The change of each 类 of the 支出总表 (合计 column)."""
        return tuple(
            change
            for change in self.table(ExpenditureTable)
            if len(change.row) == 3 and change.column == "total"
        )

    def fact_change(self, name: str) -> Change | None:
        """The change of a stated fact, by the name of the change (``"change_basic"``) or of
        the fact (``"basic"``); ``None`` when a budget lacks the table the fact is stated from.
        An empty table (空表) counts as zero."""
        fact = CHANGE_OF.get(name, name)
        before, after = fact_figures(self.previous, fact), fact_figures(self.current, fact)
        if before is None or after is None:
            return None
        kind, cell = fact_cell(self.current, fact)
        return Change(
            kind.SPEC.title,
            fact,
            FACT_LABELS[fact],
            cell.column,
            sum_figures(before),
            sum_figures(after),
            block=cell.block,
        )

    def _fact(self, name: str) -> Change:
        change = self.fact_change(name)
        if change is None:
            raise LedgerError(f"a budget lacks the table {FACT_LABELS[name]} is stated from")
        return change

    @property
    def total(self) -> Change:
        """The change of the whole expenditure (支出总表 合计)."""
        return self._fact("expenditure_total")

    @property
    def basic(self) -> Change:
        """The change of 基本支出."""
        return self._fact("basic")

    @property
    def project(self) -> Change:
        """The change of 项目支出."""
        return self._fact("project")

    def three_public(self) -> tuple[Change, ...]:
        """The changes of the "三公" total and items (an empty table is zero)."""
        return tuple(self._fact(name) for name in THREE_PUBLIC_KEYS)

    def stated_changes(
        self,
        names: tuple[str, ...] = STANDARD_CHANGES,
        *,
        reasons: Mapping[str, str] | None = None,
        percent: bool = False,
    ) -> dict[str, StatedChange]:
        """The 比上年增减 facts (by the names of :data:`CHANGE_OF`), with the reasons given.

        A change whose table a budget lacks is left out. A reason is a person's words: give
        one for every change that is not 持平 (DOC-THREE-PUBLIC asks it of the "三公" ones).
        """
        unknown = [name for name in names if name not in CHANGE_OF]
        if unknown:
            raise LedgerError(f"{unknown} are not changes an explanation states")
        given = reasons or {}
        stated = {}
        for name in names:
            change = self.fact_change(name)
            if change is not None:
                stated[name] = change.stated(reason=given.get(name), percent=percent)
        return stated


def compare_years(previous: DepartmentBudget, current: DepartmentBudget) -> BudgetComparison:
    """Compare a department's budget with its budget of an earlier year (比上年增减); a budget
    against its final accounts is :func:`compare_execution`.

    >>> compare_years(DepartmentBudget("某局", 2024), DepartmentBudget("某局", 2025)).changes
    ()
    """
    for given in (previous, current):
        if not isinstance(given, DepartmentBudget):
            raise LedgerError(
                f"compare_years compares two budgets, not {type(given).__name__}"
                "（预算与决算请用 compare_execution）"
            )
    if previous.year is None or current.year is None:
        raise LedgerError(
            "compare_years: a budget was read with the year unknown; give its year (read "
            "with year=…) to compare it with another year"
        )
    if previous.year >= current.year:
        raise LedgerError(
            f"compare_years(previous, current): {previous.year} is not a year before {current.year}"
        )
    changes = [
        Change(table.title, row, label, column, before, after, block=block)
        for table, block, row, label, column, before, after in _pairs(previous, current)
    ]
    return BudgetComparison(previous, current, tuple(changes))


def with_changes(
    budget: DepartmentBudget,
    comparison: BudgetComparison,
    *,
    names: tuple[str, ...] = STANDARD_CHANGES,
    reasons: Mapping[str, str] | None = None,
    percent: bool = False,
) -> DepartmentBudget:
    """The budget with the comparison's 比上年增减 added to its stated facts."""
    # The changes are named by their field names; StatedFacts checks each value.
    evolve: Callable[..., StatedFacts] = attrs.evolve
    changes = comparison.stated_changes(names, reasons=reasons, percent=percent)
    return attrs.evolve(budget, facts=evolve(budget.facts, **changes))
