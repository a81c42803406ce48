"""Reading a declared cell of a table, with the declared meaning of what was not printed.

A rule that compares "本年收入合计" of table 1 must still work when a region prints no such row:
the row's formula says what stands for it (the sum of the income rows). These functions give,
for a cell named by block, row and column keys, the printed figures that stand for it.
"""

from __future__ import annotations

from collections.abc import Container, Iterator, Mapping

from govbudget.amounts import Figure
from govbudget.tables.model import Block, Row, Table
from govbudget.tables.spec import DETAIL, BlockSpec, Cell, Detail

__all__ = ["figures_at", "top_level_rows"]


def top_level_rows(spec: BlockSpec, block: Block) -> list[Row]:
    """The detail rows whose parent is not printed: the 类 rows, or the highest printed level."""
    fixed = {r.key for r in spec.rows}
    detail = [row for row in block.rows if row.key not in fixed]
    if spec.detail is not Detail.SUBJECTS:
        return detail
    printed = {row.key for row in detail}
    # A row is on top when neither its 类 (three digits) nor its 款 (five) is printed.
    return [
        row
        for row in detail
        if not (
            (len(row.key) > 3 and row.key[:3] in printed)
            or (len(row.key) > 5 and row.key[:5] in printed)
        )
    ]


def figures_at(table: Table, cell: Cell) -> tuple[list[Figure], bool]:
    """The printed figures that stand for ``cell``, and whether anything stands for it at all.

    A printed cell stands for itself. An unprinted row or column with a formula stands for the
    figures of its parts (recursively); an unprinted one without a formula stands for nothing
    (an exact zero). The flag is ``False`` when nothing printed stands for the cell, so a rule
    can skip a comparison with a table that does not show the figure at all.

    >>> from govbudget.tables import IncomeExpenditureSummary, TableHeader
    >>> t1 = IncomeExpenditureSummary.from_rows(
    ...     TableHeader("某部门", 2026),
    ...     income=[("general_public_budget", "1. 一般公共预算", {"amount": "10.00"}),
    ...             ("service_income", "二、事业收入", {"amount": "2.00"})],
    ...     expenditure=[])
    >>> figures_at(t1, Cell("income", "income_total", "amount"))
    ([Decimal('10.00'), Decimal('2.00')], True)
    """
    known = table._cells.get(cell)
    if known is None:
        known = table._cells[cell] = _figures_at(table, cell)
    figures, seen = known
    return list(figures), seen


def _figures_at(table: Table, cell: Cell) -> tuple[tuple[Figure, ...], bool]:
    spec = table.SPEC.block(cell.block)
    block = table.block(cell.block)
    row_formulas, column_formulas = _formulas(spec)
    printed = block._first_rows
    rows: list[Row] = []
    for key in _expand(cell.row, printed, row_formulas):
        if key == DETAIL:
            rows.extend(top_level_rows(spec, block))
        else:
            rows.append(printed[key])
    indices = [block.columns.index(c) for c in _expand(cell.column, block.columns, column_formulas)]
    return tuple(row.values[i] for row in rows for i in indices), bool(rows and indices)


def _expand(
    part: str, present: Container[str], formulas: Mapping[str, tuple[str, ...]]
) -> Iterator[str]:
    """As :meth:`BlockSpec.expand_rows` and :meth:`BlockSpec.expand_columns` do, with the
    formulas looked up once per declaration: the printed keys that stand for ``part``.
    :data:`DETAIL` stands for itself (it names no column)."""
    if part == DETAIL or part in present:
        yield part
    elif part in formulas:
        for each in formulas[part]:
            yield from _expand(each, present, formulas)


_Formulas = dict[str, tuple[str, ...]]
# The row and column formulas of each block declaration, by total. Declarations are module
# constants, kept by identity; an entry holds its declaration, so that no id is reused.
_FORMULAS: dict[int, tuple[BlockSpec, _Formulas, _Formulas]] = {}


def _formulas(spec: BlockSpec) -> tuple[_Formulas, _Formulas]:
    entry = _FORMULAS.get(id(spec))
    if entry is None:
        rows = {f.total: f.parts for f in spec.row_formulas}
        columns = {f.total: f.parts for f in spec.column_formulas}
        entry = _FORMULAS[id(spec)] = (spec, rows, columns)
    return entry[1], entry[2]
