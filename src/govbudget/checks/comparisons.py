"""Comparing the cells of a disclosure's tables: what the cross-table and text–table rules of
both families are made of.

Each comparison names its cells by table class, block, row and column key, so a region that does
not print a subtotal is compared through the declared formula of that subtotal (see
:func:`govbudget.tables.figures_at`), and figures of tables in 元 and in 万元 are compared after
an exact conversion to 万元 (:func:`govbudget.amounts.in_wan`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

import attrs

from govbudget.amounts import Figure, disagreement, in_wan
from govbudget.checks.registry import Rule
from govbudget.checks.wording import disagreed, shown
from govbudget.disclosure import Disclosure
from govbudget.findings import Finding, Location
from govbudget.tables import Cell, Table, figures_at

__all__ = [
    "Comparison",
    "Side",
    "by_class",
    "comparisons",
    "each",
    "side",
    "three_public_in_basic",
    "within_all_funds",
]

C = TypeVar("C")
D = TypeVar("D", bound=Disclosure)


@attrs.frozen(slots=True)
class Side:
    """Cells of one table whose figures are summed: one side of a comparison."""

    kind: type[Table]
    cells: tuple[Cell, ...]

    def read(self, disclosure: Disclosure) -> tuple[list[Figure], bool] | None:
        """The figures (in 万元) and whether anything printed stands for the cells; ``None``
        when the disclosure lacks the table."""
        table = disclosure.table(self.kind)
        if table is None:
            return None
        figures: list[Figure] = []
        seen = False
        for cell in self.cells:
            found, printed = figures_at(table, cell)
            figures.extend(in_wan(found, table.header.unit))
            seen = seen or printed
        # An empty table stands for zeros; asked last, as scanning it costs more than a cell.
        # One with a block of no column read is no empty table: its figures were not read.
        return figures, seen or (all(block.columns for block in table.blocks()) and table.is_empty)


def side(kind: type[Table], block: str, row: str, *columns: str) -> Side:
    """The cells of one row of a table, in the given columns."""
    return Side(kind, tuple(Cell(block, row, column) for column in columns))


@attrs.frozen(slots=True)
class Comparison:
    """``Σ left = Σ right`` between two tables (``≤`` where ``at_most``), named in Chinese for
    the message."""

    label: str
    left: Side
    right: Side
    at_most: bool = False


def _compare(rule: Rule, disclosure: Disclosure, comparison: Comparison) -> Iterator[Finding]:
    left, right = comparison.left.read(disclosure), comparison.right.read(disclosure)
    if left is None or right is None or not (left[1] and right[1]):
        return
    result = disagreement(left[0], right[0])
    if result is not None and (not comparison.at_most or result.difference > result.tolerance):
        left_title, right_title = comparison.left.kind.SPEC.title, comparison.right.kind.SPEC.title
        relation = f"超过{right_title}：" if comparison.at_most else f"{right_title} "
        yield rule.finding(
            f"{comparison.label}：{left_title} {relation}{disagreed(result)}",
            location=Location(table=left_title, row=comparison.label),
            agreement=result,
        )


def each(
    check: Callable[[Rule, D, C], Iterator[Finding]], items: Iterable[C]
) -> Callable[[Rule, D], Iterator[Finding]]:
    """A rule function that applies ``check`` to each declared comparison or claim."""
    declared = tuple(items)

    def run(rule: Rule, disclosure: D) -> Iterator[Finding]:
        for item in declared:
            yield from check(rule, disclosure, item)

    return run


def comparisons(declared: Iterable[Comparison]) -> Callable[[Rule, Disclosure], Iterator[Finding]]:
    """A rule function comparing each declared pair of sides."""
    return each(_compare, declared)


def _class_figures(table: Table, block: str, column: str) -> dict[str, list[Figure]] | None:
    """Per 类 code, the printed figures of one column (blanks left out: they add nothing);
    ``None`` when the column was not printed."""
    rows = table.block(block)
    if column not in rows.columns:
        return None
    index = rows.columns.index(column)
    found: dict[str, list[Figure]] = {}
    for row in rows.rows:
        code = row.code
        if code is not None and len(code) == 3:
            figures = found.setdefault(code, [])
            if row.values[index] is not None:
                figures.extend(in_wan([row.values[index]], table.header.unit))
    return found


def by_class(
    left: tuple[type[Table], str, str], right: tuple[type[Table], str, str], label: str
) -> Callable[[Rule, Disclosure], Iterator[Finding]]:
    """A rule function comparing, class by class (类), a column of one table with a column of
    another; a class neither prints is an exact zero on both sides."""

    def run(rule: Rule, disclosure: Disclosure) -> Iterator[Finding]:
        left_table, right_table = disclosure.table(left[0]), disclosure.table(right[0])
        if left_table is None or right_table is None:
            return
        left_figures = _class_figures(left_table, left[1], left[2])
        right_figures = _class_figures(right_table, right[1], right[2])
        if left_figures is None or right_figures is None:
            return
        for code in sorted(left_figures.keys() | right_figures.keys()):
            printed = left_figures.get(code, []), right_figures.get(code, [])
            if not (printed[0] or printed[1]):
                continue  # nothing printed for the class: exact zeros, which agree
            result = disagreement(*printed)
            if result is not None:
                yield rule.finding(
                    f"{code}类{label}：{left_table.title} {right_table.title} {disagreed(result)}",
                    location=Location(table=left_table.title, row=code),
                    agreement=result,
                )

    return run


def _codes(table: Table, column: str) -> dict[str, list[Figure]] | None:
    rows = table.block("rows")
    if column not in rows.columns:
        return None
    index = rows.columns.index(column)
    return {
        row.key: in_wan([row.values[index]], table.header.unit)
        for row in rows.rows
        if row.code is not None
    }


def within_all_funds(
    all_funds: type[Table], parts: tuple[tuple[type[Table], str], ...], message: str
) -> Callable[[Rule, Disclosure], Iterator[Finding]]:
    """A rule function: for each functional code, the appropriations' expenditure (the
    ``parts``, each with the column that holds its total) does not exceed the expenditure of
    all funds in table ``all_funds``, in its 合计, 基本支出 and 项目支出 columns. ``message``
    words a finding, from ``code``, ``header`` (the column) and ``figures``."""

    def run(rule: Rule, disclosure: Disclosure) -> Iterator[Finding]:
        whole_table = disclosure.table(all_funds)
        if whole_table is None:
            return
        tables = [(t, total) for kind, total in parts if (t := disclosure.table(kind)) is not None]
        for column in ("total", "basic", "project"):
            whole = _codes(whole_table, column)
            if whole is None:
                continue
            sums: dict[str, list[Figure]] = {}
            for table, total in tables:
                for code, figures in (
                    _codes(table, total if column == "total" else column) or {}
                ).items():
                    sums.setdefault(code, []).extend(figures)
            for code in sorted(sums):
                result = disagreement(sums[code], whole.get(code, ()))
                if result is not None and result.difference > result.tolerance:
                    header = whole_table.SPEC.blocks[0].header_of(column)
                    yield rule.finding(
                        message.format(code=code, header=header, figures=disagreed(result)),
                        location=Location(table=whole_table.title, row=code, column=header),
                        agreement=result,
                    )

    return run


_THREE_PUBLIC_IN_BASIC = (
    ("travel_abroad", "30212", "因公出国（境）费用"),
    ("reception", "30217", "公务接待费"),
    ("vehicle_operation", "30231", "公务用车运行维护费"),
)


def three_public_in_basic(
    three_public: type[Table], basic: type[Table], column: str, message: str, where: str | None
) -> Callable[[Rule, Disclosure], Iterator[Finding]]:
    """A rule function: each "三公" item (in ``column`` of table ``three_public``) is at least
    what the basic expenditure table ``basic`` spends on it (30212, 30217, 30231): "三公"
    money may also be project money, so only "at least" is checked. ``message`` words a finding,
    from ``name``, ``code``, ``actual`` and ``expected``; ``where`` names the column it locates,
    which must then be printed (a 合计 column stands for its formula's parts when it is not)."""

    def run(rule: Rule, disclosure: Disclosure) -> Iterator[Finding]:
        three, spent = disclosure.table(three_public), disclosure.table(basic)
        if three is None or spent is None:
            return
        if where is not None and column not in three.block("rows").columns:
            return
        for item, code, name in _THREE_PUBLIC_IN_BASIC:
            in_basic, seen = figures_at(spent, Cell("rows", code, "total"))
            if not seen:
                continue
            in_three, _ = figures_at(three, Cell("rows", item, column))
            result = disagreement(
                in_wan(in_three, three.header.unit), in_wan(in_basic, spent.header.unit)
            )
            if result is not None and -result.difference > result.tolerance:
                yield rule.finding(
                    message.format(
                        name=name,
                        code=code,
                        actual=shown(result.actual) or "（空）",
                        expected=shown(result.expected),
                    ),
                    location=Location(table=three.title, row=name, column=where),
                    agreement=result,
                )

    return run
