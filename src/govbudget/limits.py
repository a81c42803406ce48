"""Limits on what the readers accept, checked before anything is parsed: the size of an input
and, for JSON, how deeply it nests.

>>> Limits(max_chars=10).check_text("x" * 11)
Traceback (most recent call last):
...
govbudget.errors.LimitError: the input has 11 characters; the limit is 10 (Limits.max_chars)

The readers (:mod:`govbudget.reading`) and the JSON decoder (:mod:`govbudget.writing.jsonio`) check
their input against them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Protocol

import attrs

from govbudget.errors import LimitError

__all__ = ["Limits", "Printed"]


class Printed(Protocol):
    """A printed table as the limits see it: rows of cells."""

    @property
    def rows(self) -> Sequence[Sequence[str]]: ...


@attrs.frozen(slots=True)
class Limits:
    """How large an input the readers accept. A department's disclosure is a few hundred rows;
    the defaults leave a margin of a thousand, and refuse what would only be an accident or an
    attack. Pass your own to read larger documents.

    >>> from govbudget.reading import read_text
    >>> read_text("x" * 11, limits=Limits(max_chars=10))
    Traceback (most recent call last):
    ...
    govbudget.errors.LimitError: the input has 11 characters; the limit is 10 (Limits.max_chars)
    """

    max_chars: int = 20_000_000
    max_tables: int = 1_000
    max_rows: int = 200_000
    max_cells: int = 1_000
    max_depth: int = 100
    """How deep a JSON text may nest arrays and objects (a document nests fewer than ten)."""

    def check_text(self, text: str) -> None:
        """Refuse a text longer than ``max_chars``."""
        if len(text) > self.max_chars:
            raise LimitError(
                f"the input has {len(text)} characters; the limit is {self.max_chars} "
                "(Limits.max_chars)"
            )

    def check_json(self, text: str) -> None:
        """Refuse a JSON text longer than ``max_chars`` or nested deeper than ``max_depth``,
        before it is parsed: one pass over the text, which need not be valid JSON.

        >>> Limits(max_depth=3).check_json('{"tables": [[["deep"]]]}')
        Traceback (most recent call last):
        ...
        govbudget.errors.LimitError: the JSON nests deeper than 3 arrays and objects at line 1, column 14 (Limits.max_depth)
        """
        self.check_text(text)
        offset = _json_too_deep(text, self.max_depth)
        if offset is not None:
            line = text.count("\n", 0, offset) + 1
            column = offset - (text.rfind("\n", 0, offset) + 1) + 1
            raise LimitError(
                f"the JSON nests deeper than {self.max_depth} arrays and objects at line {line}, "
                f"column {column} (Limits.max_depth)"
            )

    def check_tables(self, tables: Sequence[Printed]) -> None:
        """Refuse more tables, rows or cells in a row than the limits allow."""
        if len(tables) > self.max_tables:
            raise LimitError(
                f"{len(tables)} tables; the limit is {self.max_tables} (Limits.max_tables)"
            )
        rows = sum(len(table.rows) for table in tables)
        if rows > self.max_rows:
            raise LimitError(f"{rows} table rows; the limit is {self.max_rows} (Limits.max_rows)")
        widest = max((len(row) for table in tables for row in table.rows), default=0)
        if widest > self.max_cells:
            raise LimitError(
                f"a row of {widest} cells; the limit is {self.max_cells} (Limits.max_cells)"
            )


_JSON_SPECIAL = re.compile(r'["\[\]{}]')


# Every byte but a quote or a bracket, and the strings left once escapes are gone.
_NOT_STRUCTURE = bytes(set(range(256)) - set(b'"[]{}'))


_BRACKETED_STRING = re.compile(rb'"[^"]*"')


_INNERMOST = re.compile(rb"\[\]|\{\}")


_PASSES = 8  # more than the nesting of any budget document


_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def _json_too_deep(text: str, limit: int) -> int | None:
    """The offset of the first bracket nested deeper than ``limit`` (brackets in strings do not
    count), or ``None``. Linear: a run of backslashes before a quote is counted once.

    >>> _json_too_deep('{"a": [[1], "[[[["]}', 3), _json_too_deep('{"a": [[[1]]]}', 3)
    (None, 8)
    >>> _json_too_deep('{"a": "[[[[', 3) is None  # unterminated: the parser will say where
    True
    """
    # Every document takes this quick path, in C: with the escaped backslashes and quotes gone,
    # quotes delimit the strings exactly; drop everything but quotes and brackets, then the
    # strings. Each pass removes the innermost pairs (one level of nesting), which leaves nothing
    # of a budget document within a few passes; the few brackets of anything deeper are counted
    # one by one. An input that may be too deep (or is unbalanced, or has an unterminated
    # string) is walked below, which also finds the offset.
    plain = text.replace("\\\\", "").replace('\\"', "") if "\\" in text else text
    structure = plain.encode("utf-8", "surrogatepass").translate(None, _NOT_STRUCTURE)
    # Nearly every string holds no bracket and is left as "": dropping adjacent quotes keeps
    # the others alternating (opening, closing), so the strings left still hold what they held.
    brackets = structure.replace(b'""', b"")
    if b'"' in brackets:
        brackets = _BRACKETED_STRING.sub(b"", brackets)
    removed = 0
    while brackets and removed < min(limit, _PASSES):
        brackets = _INNERMOST.sub(b"", brackets)
        removed += 1
    steps = map(_STEP.get, brackets, itertools.repeat(0))  # an unterminated string's quote: 0
    if max(itertools.accumulate(steps), default=0) <= limit - removed:
        return None
    depth = 0
    position = 0
    while (match := _JSON_SPECIAL.search(text, position)) is not None:
        char, position = match[0], match.end()
        if char == '"':
            while True:
                end = text.find('"', position)
                if end < 0:
                    return None  # an unterminated string: the parser will say where
                start = end
                while start > position and text[start - 1] == "\\":
                    start -= 1
                position = end + 1
                if (end - start) % 2 == 0:
                    break
        elif char in "[{":
            depth += 1
            if depth > limit:
                return match.start()
        else:
            depth -= 1
    return None
