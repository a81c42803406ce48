"""How a cell is written in each format: its width in a terminal, text columns aligned by
it, a Markdown row, the HTML a table opens with and the tints of findings. The table and the
report renderers share them."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable, Sequence
from typing import TypeAlias

from govbudget.findings import Severity

__all__ = [
    "FIGURE_STYLE",
    "GAP",
    "HTML_TABLE",
    "JSON",
    "TINTS",
    "display_width",
    "markdown_cell",
    "markdown_row",
    "pad",
    "text_columns",
    "text_line",
    "text_row",
]

JSON: TypeAlias = "bool | int | str | list[JSON] | dict[str, JSON] | None"
"""A value :func:`json.dumps` writes as it is; no float, so no amount can lose a digit."""

GAP = 2  # spaces between the columns of a text table
_WIDE = frozenset({"W", "F"})


def display_width(text: str) -> int:
    """The columns ``text`` takes in a terminal: a wide (CJK) character takes two.

    Characters of East Asian width W or F count two, combining marks none, the rest one.

    >>> display_width("合计"), display_width("193.61"), display_width("（二）A")
    (4, 6, 7)
    """
    return sum(_char_width(char) for char in text)


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in _WIDE else 1


def pad(text: str, width: int, align: str) -> str:
    """``text`` padded with spaces to ``width`` display columns; ``align`` is "<", ">" or "^"."""
    space = max(width - display_width(text), 0)
    if align == ">":
        return " " * space + text
    if align == "^":
        return " " * (space // 2) + text + " " * (space - space // 2)
    return text + " " * space


def text_columns(rows: Sequence[Sequence[str]], *, right: Collection[int] = ()) -> list[str]:
    """Rows of cells as lines of aligned text columns, wide characters counted as two.

    The columns whose index is in ``right`` are right-aligned (figures, counts); trailing
    spaces are dropped.

    >>> for line in text_columns([["文件", "错误"], ["a.txt", "12"]], right={1}):
    ...     print(line + "|")
    文件   错误|
    a.txt    12|
    """
    count = max((len(row) for row in rows), default=0)
    widths = [
        max((display_width(row[c]) for row in rows if c < len(row)), default=0)
        for c in range(count)
    ]
    aligns = [">" if c in right else "<" for c in range(count)]
    return [text_row(row, widths, aligns) for row in rows]


def markdown_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(markdown_cell(cell) for cell in cells) + " |"


def text_line(cells: Iterable[str]) -> str:
    return (" " * GAP).join(cells).rstrip()


def text_row(row: Sequence[str], widths: Sequence[int], aligns: Sequence[str]) -> str:
    return text_line(pad(text, widths[c], aligns[c]) for c, text in enumerate(row))


# Borders come from the table's border attribute, so a cell carries a style only to align
# a figure or to tint a highlighted cell: the output stays small enough to paste into a mail or
# a notebook.
HTML_TABLE = '<table class="govbudget" border="1" style="border-collapse:collapse">'
FIGURE_STYLE = "text-align:right"
# Tints are inline because notebooks and mail readers may drop a <style> sheet; the class
# (govbudget-error, …) is there for a page that brings its own.
TINTS = {Severity.ERROR: "#f8d7da", Severity.WARNING: "#fff3cd", Severity.INFO: "#d1ecf1"}
