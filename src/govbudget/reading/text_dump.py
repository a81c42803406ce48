"""The text a published document exports, cut into printed tables and the explanation: each
table row a block of tab-indented cells, rows separated by blank lines, titles and the
explanation as plain lines; and a text dump's header rows, which collapse a merged header
into fewer cells, made rectangular again.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from govbudget.classification import normalize_name
from govbudget.reading.printed import BOOKMARK, NOTE, PrintedTable, is_number
from govbudget.reading.recognition import is_title, looks_like_title
from govbudget.tables import (
    Detail,
    Table,
    TwoSidedTable,
)

__all__ = ["rectangular", "split_text"]


@attrs.frozen(slots=True)
class _Text:
    text: str
    line: int


@attrs.frozen(slots=True)
class _Cells:
    cells: tuple[str, ...]
    line: int


def _tokens(text: str) -> Iterator[_Text | _Cells]:
    """Plain lines and table rows. A row is a run of tab-indented lines (one cell each, a tab
    alone is an empty cell); a line that is empty, or white space only, ends it."""
    cells: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.lstrip("\ufeff")
        if line.startswith("\t"):
            if not cells:
                start = number
            cells.append(line[1:].strip())
            continue
        if cells:
            yield _Cells(tuple(cells), start)
            cells = []
        stripped = BOOKMARK.sub("", line).strip()
        if stripped:
            yield _Text(stripped, number)
    if cells:
        yield _Cells(tuple(cells), start)


def split_text(text: str) -> tuple[list[PrintedTable], list[tuple[int, str]]]:
    """Split a text dump into its tables and the lines of its explanation (with line numbers).

    A table is a title line followed by rows, or rows whose first row is a lone title cell
    (部门机构设置情况, 部门固定资产占用情况表); "注：…" lines right after a table are its notes.
    """
    tokens = list(_tokens(text))
    tables: list[PrintedTable] = []
    narrative: list[tuple[int, str]] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        title_line = 0
        if (
            isinstance(token, _Text)
            and isinstance(following, _Cells)
            and looks_like_title(token.text)
        ):
            title, title_line, index = token.text, token.line, index + 1
        elif isinstance(token, _Cells):
            title = ""
        else:
            assert isinstance(token, _Text)
            narrative.append((token.line, token.text))
            index += 1
            continue
        rows: list[tuple[str, ...]] = []
        lines: list[int] = []
        while index < len(tokens) and isinstance(tokens[index], _Cells):
            row = tokens[index]
            assert isinstance(row, _Cells)
            rows.append(row.cells)
            lines.append(row.line)
            index += 1
        if not title and rows and len([c for c in rows[0] if c]) == 1 and is_title(rows[0][0]):
            title, title_line, rows, lines = rows[0][0], lines[0], rows[1:], lines[1:]
        notes: list[str] = []
        while (
            index < len(tokens)
            and isinstance(tokens[index], _Text)
            and NOTE.match(tokens[index].text)  # type: ignore[union-attr]
        ):
            notes.append(tokens[index].text)  # type: ignore[union-attr]
            index += 1
        tables.append(PrintedTable(title, tuple(rows), tuple(lines), tuple(notes), title_line))
    return tables, narrative


_LEFT = {
    "序号",
    "科目编码",
    "科目名称",
    "编码",
    "项目",
    "栏次",
    "功能分类科目",
    "支出部门经济分类科目",
}


def _leaves(kind: type[Table], header: Sequence[Sequence[str]]) -> list[str] | None:
    """The money-column headers of a collapsed header, in column order, or ``None``."""
    frame = [cell for cell in header[0] if cell]
    below = [cell for row in header[1:] for cell in row if cell]
    block = kind.SPEC.blocks[0]
    if issubclass(kind, TwoSidedTable):
        lowest = [cell for cell in header[-1] if cell]
        return lowest if sum(1 for c in lowest if normalize_name(c) == "项目") == 2 else None
    left = _LEFT | {normalize_name(block.label_header)}
    groups = {normalize_name(c.group) for c in block.columns if c.group}
    queue = [cell for cell in below if normalize_name(cell) not in left]
    leaves: list[str] = []
    for cell in frame:
        name = normalize_name(cell)
        if name in left:
            continue
        if name in groups and queue:
            members = [c for c in block.columns if c.group and normalize_name(c.group) == name]
            while queue and any(member.matches(queue[0]) for member in members):
                leaves.append(queue.pop(0))
            continue
        leaves.append(cell)
    leaves.extend(queue)
    return leaves


def rectangular(kind: type[Table], table: PrintedTable) -> tuple[list[list[str]], list[int]]:
    """The rows of a text-dump table with its collapsed header rows rebuilt, when the 栏次 row
    says how wide the table is and the headers name exactly that many columns; and the source
    line of each row."""
    rows = [list(row) for row in table.rows]
    lines = list(table.lines) or [0] * len(rows)
    numbers = next(
        (i for i, row in enumerate(rows) if row and normalize_name(row[0]) == "栏次"), None
    )
    if numbers is None:
        return rows, lines
    width = len(rows[numbers])
    start = next(
        (i for i, row in enumerate(rows[:numbers]) if row and normalize_name(row[0]) == "序号"),
        None,
    )
    if start is None or all(len(row) == width for row in rows[start:numbers]):
        return rows, lines
    if any(is_number(cell) for row in rows[start:numbers] for cell in row):
        return rows, lines  # a number is no header: the reader reads or reports that row
    leaves = _leaves(kind, rows[start:numbers])
    if leaves is None:
        return rows, lines
    block = kind.SPEC.blocks[0]
    if issubclass(kind, TwoSidedTable):
        synthetic = ["序号", *leaves]
    elif block.detail is Detail.NONE:
        synthetic = ["序号", "项目", *leaves]
    else:
        synthetic = ["序号", "科目编码", "科目名称", *leaves]
    if len(synthetic) != width:
        return rows, lines
    return [*rows[:start], synthetic, *rows[numbers:]], [
        *lines[:start],
        lines[start],
        *lines[numbers:],
    ]
