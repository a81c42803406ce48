"""A table as a document prints it, before it is read: its title, its rows of cells as printed,
the line each row came from, the notes printed under it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import attrs

from govbudget.classification import normalize_name

__all__ = [
    "BOOKMARK",
    "CODE_HEADER",
    "LINE_NUMBERS",
    "NAME_HEADER",
    "NOTE",
    "NUMBERING",
    "SEQUENCE",
    "UNIT_SUFFIX",
    "PrintedTable",
    "as_compared",
    "is_number",
    "note_rows",
    "numbered_lines",
]

# The headers every table prints over its numbering, its line numbers and its subjects.
SEQUENCE = "序号"
# Headers of a column that numbers the rows: 序号, and 行次 of the final accounts' forms.
NUMBERING = frozenset({SEQUENCE, "行次"})
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


# A note under a table: 注：…, 说明：…, 备注：… (numbered or not).
NOTE = re.compile(r"^(?:备注|注|说明)\s*\d*\s*[:：]")


def numbered_lines(narrative: str) -> list[tuple[int, str]]:
    """The lines of an explanation that hold anything, each with its number (from 1)."""
    return [
        (number, line)
        for number, line in enumerate(narrative.splitlines(), start=1)
        if line.strip()
    ]


def note_rows(rows: Sequence[Sequence[str]]) -> list[bool]:
    """Which rows are a table's note: one that begins 注：/说明：/备注： with no figure beside
    it, and each row after it that holds words in one cell only (the note going on: "2、…").

    >>> note_rows([["合计", "1.00"], ["注：1、…", ""], ["2、…", ""], ["3", "2.00"]])
    [False, True, True, False]
    """
    flags: list[bool] = []
    for row in rows:
        filled = [cell for cell in row if cell.strip()]
        begins = bool(filled) and NOTE.match(filled[0].strip()) is not None
        goes_on = bool(flags) and flags[-1] and len(filled) == 1 and not is_number(filled[0])
        flags.append((begins and not any(map(is_number, filled[1:]))) or goes_on)
    return flags


_WHEREOF = re.compile(r"^其中[:：]?")
# The unit a header or label ends with, in brackets: 2017年度支出 (万元), 增减幅度（%）.
UNIT_SUFFIX = re.compile(r"\((?:金额)?(?:单位[:：])?(?P<unit>亿元|万元|元|%)\)$")
_YEAR_WORD = re.compile(r"(\d{4})(?:年度|年|-度|-|度)")


def as_compared(text: str, year: int | None = None) -> str:
    """A header or row label as a reader compares it with the declared ones: full width and
    spaces folded (:func:`~govbudget.classification.normalize_name`), no 其中： in front, no
    unit in brackets at the end, and, when the table's ``year`` is known, its year and the year
    before written 本年 and 上年 (2024年预算数 in a 2024 table is 本年预算数, 2023年预算数 上年预算数).

    >>> as_compared("其中：公共预算财政拨款"), as_compared("2017年度支出 （万元）", 2017)
    ('公共预算财政拨款', '本年支出')
    >>> as_compared("2016年比2015年增减%", 2016), as_compared("2016-执行数", 2017)
    ('本年比上年增减%', '上年执行数')
    """
    name = UNIT_SUFFIX.sub("", _WHEREOF.sub("", normalize_name(text)))
    if year is None:
        return name

    def relative(match: re.Match[str]) -> str:
        printed = int(match[1])
        return "本年" if printed == year else "上年" if printed == year - 1 else match[0]

    return _YEAR_WORD.sub(relative, name)
