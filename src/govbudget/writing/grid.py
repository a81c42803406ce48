"""A table printed as a grid: rows of string cells in the normalized published layout, from
its declaration (``Table.SPEC``); :func:`~govbudget.reading.grid.read_grid` reads it back.
Every renderer of :mod:`govbudget.writing.render` starts from :func:`render_grid`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from govbudget.amounts import format_amount
from govbudget.reading.printed import CODE_HEADER, LINE_NUMBERS, NAME_HEADER, SEQUENCE
from govbudget.tables import BlockSpec, ColumnSpec, Detail, Row, RowsTable, Table, TwoSidedTable

__all__ = ["Grid", "render_grid"]

Grid: TypeAlias = list[list[str]]
"""A printed table: rows of string cells, every row the same width, "" for an empty cell."""


def render_grid(table: Table) -> Grid:
    """Print a table in the normalized published layout, from its declaration.

    Rows: the title; the department line with 预算年度 and 单位; two header rows (a group such as
    一般公共预算基本支出 above its run of columns); the 栏次 row; the table's rows, numbered;
    the note. Figures keep their printed precision; a blank cell prints "".

    >>> from govbudget.tables import BasicExpenditureTable, TableHeader
    >>> header = TableHeader("中共唐山市开平区委网信办", 2025, department_code="897")
    >>> table = BasicExpenditureTable.from_rows(header, [
    ...     ("total", "合计", {"total": "193.61", "personnel": "182.21", "public": "11.39"}),
    ...     ("301", "工资福利支出", {"total": "182.21", "personnel": "182.21"}),
    ... ])
    >>> for row in render_grid(table):
    ...     print("|".join(row))
    一般公共预算财政拨款基本支出表|||||
    897中共唐山市开平区委网信办|预算年度：2025|单位：万元|||
    序号|支出部门经济分类科目||一般公共预算基本支出||
    |科目编码|科目名称|合计|人员经费|公用经费
    栏次|1|2|3|4|5
    1||合计|193.61|182.21|11.39
    2|301|工资福利支出|182.21|182.21|
    """
    header = table.header
    department = f"{header.department_code or ''}{header.department}"
    rows: Grid = [
        [table.title],
        [
            department,
            f"{table.SPEC.phase.label}年度：{'' if header.year is None else header.year}",
            f"单位：{header.unit.label}",
        ],
    ]
    if isinstance(table, TwoSidedTable):
        rows.extend(_render_two_sided(table))
        note = table.note
    elif isinstance(table, RowsTable):
        rows.extend(_render_rows(table))
        note = table.note
    else:
        raise TypeError(f"{type(table).__name__} is neither a RowsTable nor a TwoSidedTable")
    if note:
        rows.append([note])
    width = max(len(row) for row in rows)
    return [row + [""] * (width - len(row)) for row in rows]


def _column_headers(specs: Sequence[ColumnSpec]) -> tuple[list[str], list[str]]:
    """The two header rows over a run of columns: a group once over its run, then the headers."""
    upper: list[str] = []
    lower: list[str] = []
    previous: str | None = None
    for spec in specs:
        if spec.group is None:
            upper.append(spec.header)
            lower.append("")
        else:
            upper.append(spec.group if spec.group != previous else "")
            lower.append(spec.header)
        previous = spec.group
    return upper, lower


def _figures(row: Row) -> list[str]:
    return [format_amount(value) for value in row.values]


def _line_numbers(width: int) -> list[str]:
    return [LINE_NUMBERS, *(str(n) for n in range(1, width))]


def _render_rows(table: RowsTable) -> Grid:
    block = table.SPEC.blocks[0]
    upper, lower = _column_headers([block.column(key) for key in table.columns])
    if block.detail is Detail.SUBJECTS:
        first = [SEQUENCE, block.label_header, "", *upper]
        second = ["", CODE_HEADER, NAME_HEADER, *lower]
        body = [
            [str(n), row.code or "", row.label, *_figures(row)]
            for n, row in enumerate(table.rows, start=1)
        ]
    else:
        first = [SEQUENCE, block.label_header, *upper]
        second = ["", "", *lower]
        body = [[str(n), row.label, *_figures(row)] for n, row in enumerate(table.rows, start=1)]
    return [first, second, _line_numbers(len(first)), *body]


def _footer_start(spec: BlockSpec, rows: tuple[Row, ...]) -> int:
    """Where the trailing run of footer rows (本年收入合计 … 收入总计) begins."""
    start = len(rows)
    while start > 0:
        declared = spec.row(rows[start - 1].key)
        if declared is None or not declared.footer:
            break
        start -= 1
    return start


def _render_two_sided(table: TwoSidedTable) -> Grid:
    specs = table.SPEC.blocks
    sides = (
        (specs[0], table.income, table.income_columns),
        (specs[1], table.expenditure, table.expenditure_columns),
    )
    first = [SEQUENCE]
    second = [""]
    tops: list[list[list[str]]] = []
    feet: list[list[list[str]]] = []
    for spec, rows, columns in sides:
        first += [spec.label, *([""] * len(columns))]
        second += [spec.label_header, *(spec.header_of(key) for key in columns)]
        cells = [[row.label, *_figures(row)] for row in rows]
        cut = _footer_start(spec, rows)
        tops.append(cells[:cut])
        feet.append(cells[cut:])
    blanks = [[""] * (1 + len(columns)) for _spec, _rows, columns in sides]
    top = max(len(part) for part in tops)
    foot = max(len(part) for part in feet)
    # Detail rows pair from the top; footers pair from the bottom so that 收入总计 and 支出总计
    # share the last line, as printed.
    body: Grid = []
    for n in range(top + foot):
        line = [str(n + 1)]
        for side in range(2):
            if n < top:
                part, index = tops[side], n
            else:
                part, index = feet[side], n - top - (foot - len(feet[side]))
            line += part[index] if 0 <= index < len(part) else blanks[side]
        body.append(line)
    return [first, second, _line_numbers(len(second)), *body]
