"""The figures the tables of final accounts print for what their explanation states.

A final-accounts explanation states 决算数, 年初预算数 and 完成率 of functional items and of named
facts (本年收入合计, the "三公" items …). :func:`text_figures` gives, from the accounts' tables,
what they print for each — a :class:`TableFigures` per row, found through a
:class:`FigureLookup` — and :class:`FinalTextTables` pairs the explanation's facts with them:
it is a part of :class:`~govbudget.disclosure.DepartmentFinalAccounts`, what the text–table
rules ``TXT-FINAL-TABLE`` and ``TXT-FINAL-TABLE-RATE`` check.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

import attrs

from govbudget.amounts import Figure, in_wan, parse_amount
from govbudget.characters import fold
from govbudget.disclosure.facts import FinalStatedFacts
from govbudget.tables import (
    BasicExpenditureFinalTable,
    Cell,
    ExpenditureFinalTable,
    FiscalAppropriationFinalSummary,
    GeneralPublicExpenditureFinalTable,
    GovernmentFundFinalTable,
    IncomeExpenditureFinalSummary,
    StateCapitalFinalTable,
    Table,
    figures_at,
)
from govbudget.vocabulary import fact_concepts

if TYPE_CHECKING:
    from govbudget.disclosure.final import DepartmentFinalAccounts

__all__ = ["FigureLookup", "FinalFigures", "FinalTextTables", "TableFigures", "text_figures"]

F1, F3, F4 = IncomeExpenditureFinalSummary, ExpenditureFinalTable, FiscalAppropriationFinalSummary
F5, F6 = GeneralPublicExpenditureFinalTable, BasicExpenditureFinalTable
F8, F9 = GovernmentFundFinalTable, StateCapitalFinalTable


def _columns(value: Iterable[str]) -> frozenset[str]:
    columns = frozenset(value)
    unknown = columns - {"actual", "budgeted", "adjusted"}
    if unknown:
        raise ValueError(f"unknown columns {sorted(unknown)}: use actual, budgeted, adjusted")
    return columns


def _figure(value: str | int | Decimal | None) -> Figure:
    return None if value is None else parse_amount(value)


@attrs.frozen(slots=True)
class TableFigures:
    """What a table prints for one row the text speaks of, in 万元: its 决算数 (``actual``),
    年初预算数 (``budgeted``) and 调整预算数 (``adjusted``). A blank cell is ``None`` (an exact
    zero); ``columns`` names the columns the table prints at all, so that a column the table
    does not have is never taken for a blank. ``table`` and ``row`` (a code, or the row's
    label) locate it; ``name`` is the row's name (科目名称), for matching by name.

    >>> row = TableFigures("财政拨款“三公”经费支出决算表", "公务接待费", budgeted="1.53",
    ...                    actual="0", columns={"budgeted", "actual"})
    >>> row.prints("budgeted"), row.prints("adjusted"), row.value("budgeted")
    (True, False, Decimal('1.53'))
    """

    table: str
    row: str
    name: str = ""
    actual: Figure = attrs.field(default=None, converter=_figure)
    budgeted: Figure = attrs.field(default=None, converter=_figure)
    adjusted: Figure = attrs.field(default=None, converter=_figure)
    columns: frozenset[str] = attrs.field(default=frozenset({"actual"}), converter=_columns)

    def prints(self, column: str) -> bool:
        """Whether the table prints ``column`` (``"actual"``, ``"budgeted"``, ``"adjusted"``)."""
        return column in self.columns

    def value(self, column: str) -> Figure:
        """The figure of ``column`` (``None``: blank, or not printed — ask :meth:`prints`)."""
        figure: Figure = getattr(self, column)
        return figure


class FinalFigures(Protocol):
    """Where the text–table rules look a stated figure up in the tables.

    ``item`` answers for a functional item or class: ``path`` is its names by level as the
    text prints them (("社会保障和就业支出", "行政事业单位离退休", "机关事业单位职业年金缴费支出"),
    or one class name), ``code`` its code when the text prints one. ``fact`` answers for a
    named fact of :class:`~govbudget.disclosure.facts.FinalStatedFacts`
    (``"income_total"``, ``"three_public_total"``, ``"reception"``, …). ``None``: the tables
    have no such row, and nothing is compared.
    """

    def item(self, path: tuple[str, ...], code: str | None) -> TableFigures | None:
        """The row of a functional item or class."""

    def fact(self, name: str) -> TableFigures | None:
        """The row of a named fact."""


def _plain(name: str) -> str:
    text = fold(name)
    for mark in ("(类)", "(款)", "(项)", " ", "\u3000", "“", "”", '"'):
        text = text.replace(mark, "")
    return text


def _same(printed: str, name: str) -> bool:
    """Whether a name as the text prints it names a row: equal, equal but for a trailing 支出
    ("一般公共服务" is 一般公共服务支出), or one ending with the other ("归口管理的行政单位离退休"
    is 行政单位离退休)."""
    a, b = _plain(printed), _plain(name)
    if a == b or a.removesuffix("支出") == b.removesuffix("支出"):
        return True
    shorter = min(len(a), len(b))
    return shorter >= 4 and (a.endswith(b) or b.endswith(a))


def _rows(value: Iterable[TableFigures]) -> tuple[TableFigures, ...]:
    return tuple(value)


def _fact_rows(
    value: Mapping[str, TableFigures] | Iterable[tuple[str, TableFigures]],
) -> tuple[tuple[str, TableFigures], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple((str(name), row) for name, row in items)


@attrs.frozen(slots=True)
class FigureLookup:
    """A :class:`FinalFigures` from rows: ``rows`` of a functional table (``row`` the code of
    3, 5 or 7 digits, ``name`` the 科目名称) and ``facts`` by name.

    An item is found by its code, else by its names level by level (类 → 款 under it → 项 under
    that): a class name the table spells otherwise ("文化体育与传媒支出") leaves the class open,
    and a name that fits no row, or several, finds nothing.

    >>> lookup = FigureLookup(rows=[
    ...     TableFigures("表5", "208", name="社会保障和就业支出", actual="3019.34"),
    ...     TableFigures("表5", "20805", name="行政事业单位离退休", actual="1281.95"),
    ...     TableFigures("表5", "2080501", name="行政单位离退休", actual="252.74")])
    >>> lookup.item(("社会保障和就业支出", "行政事业单位离退休", "归口管理的行政单位离退休"), None).row
    '2080501'
    >>> lookup.item(("社会保障和就业",), None).actual
    Decimal('3019.34')
    """

    rows: tuple[TableFigures, ...] = attrs.field(default=(), converter=_rows)
    facts: tuple[tuple[str, TableFigures], ...] = attrs.field(default=(), converter=_fact_rows)

    def item(self, path: tuple[str, ...], code: str | None) -> TableFigures | None:
        """The row of a functional item or class, by code or by names."""
        if code is not None:
            return next((row for row in self.rows if row.row == code), None)
        if not path:
            return None
        # A level whose name fits no row (a class the table spells otherwise, a table that
        # prints no 款 rows) is left open: the next level is sought under the last one found.
        prefixes: list[str] | None = None
        candidates: list[TableFigures] = []
        for depth, name in zip((3, 5, 7), path, strict=False):
            candidates = [
                row
                for row in self.rows
                if len(row.row) == depth
                and (prefixes is None or any(row.row.startswith(p) for p in prefixes))
                and _same(name, row.name)
            ]
            if candidates:
                prefixes = [row.row for row in candidates]
        return candidates[0] if len(candidates) == 1 else None

    def fact(self, name: str) -> TableFigures | None:
        """The row of a named fact."""
        return next((row for fact, row in self.facts if fact == name), None)


@attrs.frozen(slots=True)
class FinalTextTables:
    """A final-accounts explanation's facts beside the tables' figures: what ``TXT-FINAL-TABLE``
    and ``TXT-FINAL-TABLE-RATE`` check. A disclosure yields one among its parts."""

    facts: FinalStatedFacts
    figures: FinalFigures


_PRINTED_AS = {"total": "actual", "budget": "budgeted", "adjusted_budget": "adjusted"}

_Place = tuple[str, type[Table], str, str, str]

# The facts printed elsewhere than in the summary: table, block, row, column.
_MORE_CELLS: tuple[_Place, ...] = (
    ("basic", F3, "rows", "total", "basic"),
    ("project", F3, "rows", "total", "project"),
    ("remittance_to_superior", F3, "rows", "total", "remittance_to_superior"),
    ("operating_expenditure", F3, "rows", "total", "operating"),
    ("subsidy_to_subordinates", F3, "rows", "total", "subsidy_to_subordinates"),
    ("fiscal_total", F4, "income", "grand_total", "amount"),
    ("general_public_basic", F5, "rows", "total", "basic"),
    ("government_fund_expenditure", F8, "rows", "total", "expenditure"),
    ("state_capital_expenditure", F9, "rows", "total", "expenditure"),
    ("personnel", F6, "rows", "personnel_total", "total"),
    ("public", F6, "rows", "public_total", "total"),
    ("personnel", F6, "rows", "total", "personnel"),  # the budget's layout: columns
    ("public", F6, "rows", "total", "public"),
)


@functools.cache
def _fact_cells() -> tuple[_Place, ...]:
    """Each fact of the explanation, where the tables print it: fact, table, block, row,
    column. Every row of the summary holds a concept, and the fact of that concept is printed
    there (read from the vocabulary on first use)."""
    facts = {concept: fact for fact, concept in fact_concepts("final").items()}
    summary = tuple(
        (facts[row.concept or row.key], F1, block.key, row.key, "amount")
        for block in F1.SPEC.blocks
        for row in block.rows
        if (row.concept or row.key) in facts
    )
    return (*summary, *_MORE_CELLS)


_THREE_PUBLIC_ROWS = (
    ("three_public_total", "total"),
    ("travel_abroad", "travel_abroad"),
    ("vehicles", "vehicles"),
    ("vehicle_purchase", "vehicle_purchase"),
    ("vehicle_operation", "vehicle_operation"),
    ("reception", "reception"),
)


def _one(table: Table, cell: Cell) -> tuple[Figure, bool]:
    """The figure (in 万元) that stands for a cell — the sum of its parts where the table
    prints only those — and whether anything printed stands for it."""
    figures, seen = figures_at(table, cell)
    if not seen:
        return None, False
    wan = [f for f in in_wan(figures, table.header.unit) if f is not None]
    return (sum(wan[1:], wan[0]) if wan else None), True


def _row_figures(
    table: Table, row: str, name: str, where: str | None = None
) -> TableFigures | None:
    """A row of a table by functional subject or of the "三公" table in
    :class:`~govbudget.checks.finalTableFigures` terms: its 决算数 and the budgets the
    table prints; ``None`` when nothing printed stands for the row."""
    printed = table.block("rows")
    values: dict[str, Figure] = {}
    seen = False
    for column in printed.columns:
        meaning = "actual" if column == "actual" else _PRINTED_AS.get(column)
        if meaning is not None:
            values[meaning], stands = _one(table, Cell("rows", row, column))
            seen = seen or stands
    if not seen:
        return None
    found = printed.row(row)
    return TableFigures(
        table.title,
        where or (found.label if found is not None else name),
        name=name,
        actual=values.get("actual"),
        budgeted=values.get("budgeted"),
        adjusted=values.get("adjusted"),
        columns=frozenset(values),
    )


def text_figures(accounts: DepartmentFinalAccounts) -> FigureLookup:
    """What the tables print of the figures the explanation states (in 万元), for the rules
    ``TXT-FINAL-TABLE`` and ``TXT-FINAL-TABLE-RATE``.

    The rows are those of the 一般公共预算财政拨款支出决算表 with a code (决算数 = 合计, and
    年初预算数 / 调整预算数 where printed); the facts are the totals of the summaries, the
    kinds of 本年支出 of the 支出决算表, the 人员经费 / 公用经费 of the basic table and each
    "三公" item's 预算数 and 决算数. A figure the tables do not print is left out.

    >>> from govbudget.disclosure import DepartmentFinalAccounts
    >>> from govbudget.tables import TableHeader, ThreePublicExpensesFinalTable
    >>> t7 = ThreePublicExpensesFinalTable.from_rows(TableHeader("某部门", 2025), [
    ...     ("total", "合计", {"budget": "1.53", "actual": "0"}),
    ...     ("reception", "公务接待费", {"budget": "1.53", "actual": "0"})])
    >>> lookup = text_figures(DepartmentFinalAccounts("某部门", 2025, tables=[t7]))
    >>> reception = lookup.fact("reception")
    >>> reception.budgeted, reception.actual, sorted(reception.columns)
    (Decimal('1.53'), Decimal('0'), ['actual', 'budgeted'])
    >>> lookup.fact("travel_abroad") is None, lookup.fact("income_total") is None
    (True, True)
    """
    facts: list[tuple[str, TableFigures]] = []
    for name, kind, block, row, column in _fact_cells():
        table = accounts.table(kind)
        if table is None or column not in table.block(block).columns:
            continue
        value, seen = _one(table, Cell(block, row, column))
        if seen:
            label = table.SPEC.block(block).name_of(row)
            facts.append((name, TableFigures(table.title, label, actual=value)))
    general = accounts.general_public_expenditure
    if general is not None:
        whole = _row_figures(general, "total", "合计")
        if whole is not None:
            facts.append(("general_public_expenditure", whole))
    three = accounts.three_public_expenses
    if three is not None:
        for name, row in _THREE_PUBLIC_ROWS:
            found = _row_figures(three, row, three.SPEC.block("rows").name_of(row))
            if found is not None:
                facts.append((name, found))
    rows: list[TableFigures] = []
    if general is not None:
        for each in general.rows:
            if each.code is not None:
                found = _row_figures(general, each.key, each.label, each.code)
                if found is not None:
                    rows.append(found)
    return FigureLookup(rows=rows, facts=facts)
