"""A table as a document prints it, before it is read: its title, its rows of cells as printed,
the line each row came from, the notes printed under it.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

__all__ = [
    "BOOKMARK",
    "CODE_HEADER",
    "LINE_NUMBERS",
    "NAME_HEADER",
    "NOTE",
    "SEQUENCE",
    "PrintedTable",
    "is_number",
]

# The headers every table prints over its numbering, its line numbers and its subjects.
SEQUENCE = "序号"
LINE_NUMBERS = "栏次"
CODE_HEADER = "科目编码"
NAME_HEADER = "科目名称"


@attrs.frozen(slots=True)
class PrintedTable:
    """A table as a document prints it: its title, its rows of cells, and where it stands.

    ``lines`` gives where each row stands — its line in a text dump, its place (from 1) among
    the rows of a grid — so findings point at it; ``title_line`` is the line of the title in a
    text dump (0 when unknown).
    """

    title: str
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()
    title_line: int = 0

    def figures(self) -> int:
        """How many cells hold a number: what must reach the model or be reported unread."""
        return sum(1 for row in self.rows for cell in row if is_number(cell))


_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")


def is_number(cell: str) -> bool:
    return _NUMBER.fullmatch(unicodedata.normalize("NFKC", cell).strip()) is not None


BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")


NOTE = re.compile(r"^(?:注|说明)\d*[:：]")
