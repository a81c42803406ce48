"""Reading a declared cell of a table, with the declared meaning of what was not printed.

A rule that compares "本年收入合计" of table 1 must still work when a region prints no such row:
the row's formula says what stands for it (the sum of the income rows). These functions give,
for a cell named by block, row and column keys, the printed figures that stand for it.
"""

from __future__ import annotations

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
    return [
        row for row in detail if not any(row.key[:n] in printed for n in (3, 5) if n < len(row.key))
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
    spec = table.SPEC.block(cell.block)
    block = table.block(cell.block)
    rows: list[Row] = []
    for key in spec.expand_rows((cell.row,), {row.key for row in block.rows}):
        if key == DETAIL:
            rows.extend(top_level_rows(spec, block))
        else:
            found = block.row(key)
            if found is not None:
                rows.append(found)
    indices = [block.columns.index(c) for c in spec.expand_columns((cell.column,), block.columns)]
    return [row.values[i] for row in rows for i in indices], bool(rows and indices)
