"""Printed layouts that differ from the normalized one, reshaped before a grid is read.

:func:`~govbudget.reading.grid.read_grid` reads a table whose columns are named by the header
rows above them and whose rows follow below. Some tables are printed otherwise, above all in
the final accounts (部门决算); :func:`reshape` rewrites them into that layout first, keeping
every cell and the source line of every row, so that what cannot be read is still reported
by the reader, at its line:

- **a header cell merged into a body row**: the 类 | 款 | 项 header printed on the line of the
  合计 row ("类 | 款 | 项 | 合计 | 2,946.25 | …"), or the 合计 row of an empty table printed on
  the line of the lowest headers ("合计 | | 合计 | 基本支出 | 项目支出"): split into a header row and
  a body row;
- **two halves side by side**: the 基本支出决算表 prints 人员经费 (301, 303) on the left and 公用
  经费 (302, 310) on the right, each half with the same headers (科目编码 | 科目名称 | 决算数):
  stacked into one list, in class order;
- **sideways, under a header of several levels**: the 上海 "三公" 决算表 prints one line of
  figures under item | sub-item | 预算数/决算数 headers: turned into one row per item with the
  lowest headers as its columns.

>>> from govbudget.tables import ThreePublicExpensesFinalTable
>>> rows = [
...     ["合计", "", "公务接待费", ""],
...     ["预算数", "决算数", "预算数", "决算数"],
...     ["1.53", "0", "1.53", "0"],
... ]
>>> from govbudget.reading.grid import _header_end
>>> reshaped, lines, start = reshape(ThreePublicExpensesFinalTable.SPEC, rows, [1, 2, 3], 0, _header_end)
>>> reshaped, lines
([['项目', '预算数', '决算数', ''], ['合计', '1.53', '0', ''], ['公务接待费', '1.53', '0', '']], [1, 3, 3])
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from govbudget.amounts import parse_amount
from govbudget.classification import normalize_name
from govbudget.errors import AmountError
from govbudget.reading.printed import NOTE
from govbudget.tables import BlockSpec, Detail, TableSpec

__all__ = ["reshape"]

Rows = list[list[str]]
HeaderEnd = Callable[[Sequence[Sequence[str]], int], tuple[list[Sequence[str]], int]]

_CODE_PARTS = frozenset({"类", "款", "项"})
_CODE = re.compile(r"^(\d{3})\d*$")
_LABEL = re.compile(r"^(?:序号|项目|类|款|项)$|编码|科目名称|科目$")
_FACT = re.compile(r"(?:预算|决算)?年度|^(?:金额)?单位[:：]|编制(?:部门|单位)|单位名称|部门名称")


def _is_figure(text: str) -> bool:
    try:
        return parse_amount(text) is not None
    except AmountError:
        return False


def _filled(cells: Sequence[str]) -> list[int]:
    return [j for j, cell in enumerate(cells) if cell.strip()]


def reshape(
    spec: TableSpec,
    rows: Rows,
    lines: list[int],
    start: int,
    header_end: HeaderEnd,
) -> tuple[Rows, list[int], int]:
    """The rows of a grid in the layout the reader reads, their source lines, and where the
    preamble ends (``start``); the same rows when the grid is printed that way already.

    ``rows`` are rectangular, ``lines`` give the source line of each row and ``start`` the
    first row after the title and the 年度/单位/编制部门 lines; ``header_end`` is the reader's
    rule for where the header rows end (``(header rows, index of the first body row)``).
    """
    if len(spec.blocks) != 1 or not rows:
        return rows, lines, start
    block = spec.blocks[0]
    width = len(rows[0])
    if block.detail is Detail.SUBJECTS:
        rows, lines = _unmerge_code_header(rows, lines, start, header_end)
        rows, lines = _unmerge_total(block, rows, lines, start, header_end)
        rows, lines = _stack_halves(rows, lines, start, header_end)
    elif block.detail is Detail.NONE:
        rows, lines, start = _upright(block, rows, lines, start, header_end)
    # Narrower rows (a half, an upright table) are padded: the preamble keeps its width.
    return [row + [""] * (width - len(row)) for row in rows], lines, start


def _unmerge_code_header(
    rows: Rows, lines: list[int], start: int, header_end: HeaderEnd
) -> tuple[Rows, list[int]]:
    """The 类 | 款 | 项 header printed on the first body line: a header row of its own."""
    _header, body = header_end(rows, start)
    if body >= len(rows):
        return rows, lines
    cells = rows[body]
    parts = [j for j in _filled(cells) if normalize_name(cells[j]) in _CODE_PARTS]
    if len(parts) < 2 or not any(_is_figure(cell) for cell in cells):
        return rows, lines
    header = [cell if j in parts else "" for j, cell in enumerate(cells)]
    rest = ["" if j in parts else cell for j, cell in enumerate(cells)]
    return (
        [*rows[:body], header, rest, *rows[body + 1 :]],
        [*lines[:body], lines[body], lines[body], *lines[body + 1 :]],
    )


def _unmerge_total(
    block: BlockSpec, rows: Rows, lines: list[int], start: int, header_end: HeaderEnd
) -> tuple[Rows, list[int]]:
    """The 合计 row of an empty table printed on the line of the lowest column headers."""
    header, body = header_end(rows, start)
    if not header:
        return rows, lines
    last = max(index for index in range(start, body) if _filled(rows[index]))
    cells = rows[last]
    filled = _filled(cells)
    total = block.row("total")
    if total is None or len(filled) < 2 or not total.matches(cells[filled[0]]):
        return rows, lines
    if not any(_LABEL.search(normalize_name(rows[i][filled[0]])) for i in range(start, last)):
        return rows, lines  # the 合计 stands in a money column: it is that column's header
    if not all(any(c.matches(cells[j]) for c in block.columns) for j in filled[1:]):
        return rows, lines
    first = filled[0]
    header_row = ["" if j == first else cell for j, cell in enumerate(cells)]
    total_row = [cell if j == first else "" for j, cell in enumerate(cells)]
    return (
        [*rows[:last], header_row, total_row, *rows[last + 1 :]],
        [*lines[:last], lines[last], lines[last], *lines[last + 1 :]],
    )


def _stack_halves(
    rows: Rows, lines: list[int], start: int, header_end: HeaderEnd
) -> tuple[Rows, list[int]]:
    """A table printed as two halves side by side, with the same headers: one half above the
    other, the coded rows in class order (301, 302, 303, 310), then the others (the halves'
    totals, notes) in the order printed."""
    header, body = header_end(rows, start)
    width = len(rows[0]) if rows else 0
    half = width // 2
    if not header or width < 4 or width % 2:
        return rows, lines

    def signature(column: int) -> tuple[str, ...]:
        return tuple(normalize_name(row[column]) for row in header)

    left = [signature(j) for j in range(half)]
    if left != [signature(j) for j in range(half, width)] or not all(any(s) for s in left):
        return rows, lines
    halves: list[tuple[int, list[str]]] = []
    for side in (0, half):
        for index in range(body, len(rows)):
            cells = rows[index][side : side + half]
            if _filled(cells):
                halves.append((lines[index], cells))

    def order(item: tuple[int, tuple[int, list[str]]]) -> tuple[int, str, int]:
        position, (_line, cells) = item
        code = _CODE.match(cells[_filled(cells)[0]].strip())
        return (0, code[1], position) if code is not None else (1, "", position)

    stacked = [pair for _position, pair in sorted(enumerate(halves), key=order)]
    return (
        [*rows[:start], *(row[:half] for row in rows[start:body]), *(c for _l, c in stacked)],
        [*lines[:body], *(line for line, _c in stacked)],
    )


def _upright(
    block: BlockSpec, rows: Rows, lines: list[int], start: int, header_end: HeaderEnd
) -> tuple[Rows, list[int], int]:
    """A table of fixed rows printed sideways under a header of several levels — the items
    above, the columns (预算数 | 决算数) in the lowest header row — turned upright: a 项目 column
    and one row per item, in the order printed."""
    header, body = header_end(rows, start)
    if len(header) < 2:
        return rows, lines, start
    lowest = header[-1]
    named = {j: [c for c in block.columns if c.matches(lowest[j])] for j in _filled(lowest)}
    body_rows = [r for r in range(body, len(rows)) if _filled(rows[r])]
    notes = [r for r in body_rows if NOTE.match(rows[r][_filled(rows[r])[0]].strip())]
    figures = [r for r in body_rows if r not in notes]
    if (
        len(named) < 2
        or not all(named.values())
        or not figures
        or any(j not in named for r in figures for j in _filled(rows[r]))
        or not any(row.matches(cell) for h in header[:-1] for cell in h for row in block.rows)
    ):
        return rows, lines, start
    # Lone lines right above the header that state no fact and are no title (上海 prints
    # 财政拨款“三公”经费 over the items) are its top level, not a department line.
    top = start
    while top > 0:
        filled = _filled(rows[top - 1])
        text = normalize_name(rows[top - 1][filled[0]]) if len(filled) == 1 else ""
        if not text or _FACT.search(text) or text.endswith("表"):
            break
        top -= 1
    levels = [*rows[top:start], *header[:-1]]
    columns: list[str] = []
    items: dict[str, dict[str, int]] = {}
    for j in sorted(named):
        printed = lowest[j].strip()
        key = normalize_name(printed)
        if all(normalize_name(c) != key for c in columns):
            columns.append(printed)
        columns_of = items.setdefault(_item(block, levels, j), {})
        if key in columns_of:
            # Two columns claim the same item and column (a header misprinted or shifted):
            # turning the table upright would keep one figure and drop the other, so leave it
            # as printed for the reader to report what it cannot place.
            return rows, lines, start
        columns_of[key] = j
    upright: Rows = [["项目", *columns]]
    numbers = [lines[start]]
    for r in figures:
        for label, at in items.items():
            cells = [
                rows[r][at[normalize_name(c)]] if normalize_name(c) in at else "" for c in columns
            ]
            upright.append([label, *cells])
            numbers.append(lines[r])
    return (
        [*rows[:top], *upright, *(list(rows[r]) for r in notes)],
        [*lines[:top], *numbers, *(lines[r] for r in notes)],
        top,
    )


def _item(block: BlockSpec, levels: Sequence[Sequence[str]], column: int) -> str:
    """The row a column of a sideways table stands for: its headers from the top, each within
    the span of the one above; the most specific that names a row of the table (小计 under
    公务用车购置及运行维护费 names none, so the item does), else the most specific printed."""
    path: list[str] = []
    left = 0
    for level in levels:
        found = next((i for i in range(column, left - 1, -1) if level[i].strip()), None)
        if found is not None:
            path.append(level[found].strip())
            left = found
    for text in reversed(path):
        if any(row.matches(text) for row in block.rows):
            return text
    return path[-1] if path else ""
