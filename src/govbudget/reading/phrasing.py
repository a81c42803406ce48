"""The words and the text of an explanation as both readers match them.

A narrative is matched as a :class:`Source`: its lines normalized (NFKC, quotation marks and
spaces between Chinese words dropped) and joined into paragraphs, every character keeping the
line and column it came from, so that a finding quotes the sentence as printed. The labels of
facts are matched in the same form (:func:`stated_as`), longest first (:func:`alternatives`).

>>> text = as_matched("一般公共预算\\n收入283.61万元。", word_cuts(["一般公共预算收入"]))
>>> text.text, text.line(7), text.original(0, len(text.text))
('一般公共预算收入283.61万元。', 2, '一般公共预算收入283.61万元。')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal

import attrs

from govbudget.characters import ANNOTATION, fold_char
from govbudget.checks.reading import READ_FACT
from govbudget.disclosure.statements import DIRECTION_WORDS
from govbudget.findings import Finding, Location, Severity
from govbudget.vocabulary import text_words
from govbudget.vocabulary.placeholders import PLACEHOLDERS

__all__ = [
    "EXPLANATION",
    "FLAT",
    "GROUP_ENDS",
    "HEADING",
    "PERCENT_SIGNS",
    "PLACEHOLDERS",
    "SENTENCE_ENDS",
    "Leads",
    "Parts",
    "Source",
    "WordCuts",
    "alternatives",
    "as_matched",
    "comparison",
    "names_last_year",
    "stated_as",
    "unread_fact",
    "word_cuts",
]

WordCuts = frozenset[tuple[str, str]]
"""The ways of cutting a reader's words in two (:func:`word_cuts`)."""

_QUOTES = frozenset("\"'“”‘’「」『』")


def stated_as(concept: str, family: str) -> tuple[str, ...]:
    """The terms of ``concept`` in the explanations of ``family``, in the form the readers
    match text in: NFKC (ASCII parentheses and commas), no quotation marks, no spaces.

    >>> stated_as("three_public_total", "budget")[:2]
    ('三公经费', '财政拨款三公经费')
    """
    return tuple(
        dict.fromkeys(
            "".join(
                c
                for c in unicodedata.normalize("NFKC", word)
                if c not in _QUOTES and not c.isspace()
            )
            for word in text_words(concept, family)
        )
    )


def alternatives(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, longest first, so that the alternation
    prefers 一般公共预算收入 to 预算收入."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@attrs.frozen(slots=True)
class Leads:
    """The words that may stand before a figure and say what it is, each pattern anchored at
    the figure: a label (``fact``: 机关运行经费安排), a label and a direction (``change``:
    基本支出减少), a comparison and a direction (``compare``: 比2025年预算减少)."""

    fact: re.Pattern[str]
    change: re.Pattern[str]
    compare: re.Pattern[str]

    @classmethod
    def of(cls, label: str, filler: str, direction: str, comparison: str) -> Leads:
        """The leads of a reader: ``label`` names a fact, ``filler`` may follow it (预算, 为 …),
        ``direction`` is a direction word, ``comparison`` a comparison with last year. A
        percentage may come between the comparison and the amount (较2021年预算下降40%,减少)."""
        percent = rf"(?:(?:{direction})[+-]?\d+(?:\.\d+)?%,?)?"
        # 比上年减少支出0.88亿元: the word may name what changed after it.
        word = rf"(?P<word>{direction})(?:支出)?"
        return cls(
            re.compile(rf"(?P<label>{label}){filler}$"),
            re.compile(rf"(?P<label>{label}){filler}(?:{comparison})?{percent}{word}$"),
            re.compile(rf"{comparison}{percent}{word}$"),
        )


def comparison(phase_words: str) -> str:
    """A comparison with last year, as explanations of a family word it: 比上年, 较上一年,
    比去年, 较2021年预算数, 与上年相比, 比上年同期, 同比, 较上年年初预算; ``phase_words``
    is what may name the figure compared with (预算数?, 决算数?)."""
    return (
        rf"(?:同比|(?:比|较|与|同)(?:上年|上一年|去年|\d{{4}}年)度?(?:年初)?"
        rf"(?:{phase_words}|同期|执行数)?(?:相比|比较)?"
        # naming last year's amount: 与2018年…总额27389.54万元相比, 较2014年度…合计16.08万元
        rf"|(?:比|较|与)(?:上年|上一年|去年|\d{{4}}年)度?[^,;。\d]*?\d[\d,.]*(?:亿元|万元|元)"
        rf"(?:相比|比较)?),?"
    )


_LAST_YEAR_CLAUSE = re.compile(
    r"(?:与|(?<!比)较|比(?!较))(?:上年|上一年|去年|(?P<year>\d{4})年)度?(?:(?!相比|比较)[^,;。])*$"
)


def names_last_year(lead: str, year: int | None) -> bool:
    """Whether ``lead`` ends in a clause that opens with a comparison with an earlier year and
    has not closed it (与2018年…总额 before 27389.54万元相比): a figure after it is the one
    compared with, last year's, not a figure of the ``year``.

    >>> names_last_year("2019年总额为21372.02万元,与2018年总额", 2019)
    True
    >>> names_last_year("经比较2020年度镇本级三公经费", 2020), names_last_year("与上年相比,总额", 2020)
    (False, False)
    """
    match = _LAST_YEAR_CLAUSE.search(lead)
    if match is None:
        return False
    return match["year"] is None or year is None or int(match["year"]) < year


EXPLANATION = "情况说明"
"""Where a finding on an explanation points: the table of its location."""


def unread_fact(
    source: Source,
    sentences: Parts,
    position: int,
    row: str,
    why: str,
    severity: Severity | None = None,
) -> Finding:
    """The READ-FACT finding on what the sentence at ``position`` states and a reader could
    not read: ``why``, then the sentence as printed; ``severity`` INFO for what a reader
    leaves out on purpose (another year's figures)."""
    sentence = source.original(*sentences.span(position))
    where = Location(table=EXPLANATION, row=row, line=source.line(position))
    return READ_FACT.finding(f"{why}：{sentence}", location=where, severity=severity)


# 持平 with no figure after it: a change of 0.
FLAT = re.compile(r"持平(?![+-]?\d)")

# The sign of a percentage after each word (增幅 and 降幅 name a change without a direction).
PERCENT_SIGNS = {**DIRECTION_WORDS, "增幅": 1, "降幅": -1}

_OPENING_QUOTES = frozenset("“‘「『\"'")
_CLOSING_QUOTES = frozenset("”’」』\"'")
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
HEADING = re.compile(
    r"(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)"
    r"|\d{1,2}(?:、|\.(?!\d)))"
)
SENTENCE_ENDS = frozenset("。!?\n")
GROUP_ENDS = SENTENCE_ENDS | {";"}
# A line ending or starting so is a figure or a sentence cut in two.
_CUT_BEFORE = frozenset(",、0123456789万亿(")
_CUT_AFTER = frozenset("元万年%,、。;:).")
_SHORT = Decimal("0.75")
_PUNCTUATION = frozenset("。,;:!?")


@attrs.frozen(slots=True)
class Source:
    """The narrative as matched: normalized and joined, each character with its origin.

    ``text`` holds "\\n" where a paragraph ends; ``origins[i]`` is the (line, column) in
    ``lines`` of ``text[i]``.
    """

    text: str
    origins: tuple[tuple[int, int], ...]
    lines: tuple[str, ...]

    def line(self, position: int) -> int:
        """The 1-based line of the narrative the character at ``position`` came from."""
        return self.origins[min(position, len(self.origins) - 1)][0] + 1

    def original(self, start: int, end: int) -> str:
        """The text of ``text[start:end]`` as printed, lines joined, quotation marks kept."""
        while end > start and self.text[end - 1] == "\n":
            end -= 1
        if end <= start:
            return ""
        (first, column), (last, stop) = self.origins[start], self.origins[end - 1]
        while column > 0 and self.lines[first][column - 1] in _OPENING_QUOTES:
            column -= 1
        stop += 1
        while stop < len(self.lines[last]) and self.lines[last][stop] in _CLOSING_QUOTES:
            stop += 1
        if first == last:
            return self.lines[first][column:stop].strip()
        middle = (self.lines[number].strip() for number in range(first + 1, last))
        return "".join(
            (self.lines[first][column:].strip(), *middle, self.lines[last][:stop].strip())
        )


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _normalized(line: str) -> list[tuple[str, int]]:
    """A line's characters folded (NFKC, simplified), without quotation marks, bookmarks,
    inserted pronunciations and spaces between words, each with its column in the line."""
    hidden = {
        c
        for pattern in (_BOOKMARK, ANNOTATION)
        for m in pattern.finditer(line)
        for c in range(m.start(), m.end())
    }
    chars = [
        (n, column)
        for column, c in enumerate(line)
        if column not in hidden
        for n in fold_char(c)
        if n not in _QUOTES
    ]
    kept: list[tuple[str, int]] = []
    for index, (c, column) in enumerate(chars):
        if c.isspace():
            before = chars[index - 1][0] if index else ""
            after = chars[index + 1][0] if index + 1 < len(chars) else ""
            # A space only separates two words of Latin script (IPv6 规模); between Chinese
            # words and around figures ("19,044.27 万元", "2025 年度") it is layout.
            if not (_latin(before) and _latin(after)):
                continue
            c = " "
        kept.append((c, column))
    return kept


def _latin(c: str) -> bool:
    return c.isascii() and c.isalnum()


def _soft(before: str, after: str, width: int, wrap: int, cuts: WordCuts) -> bool:
    """Whether a line break between two lines is a mere wrap inside a paragraph.

    A full line is wrapped even when it ends with 。: a wrapped PDF text breaks wherever the
    margin falls, and the 。 still ends its sentence. A paragraph never ends inside a word, so
    a break inside one of the reader's words (事业\\n收入) is a wrap however short the line.
    """
    if HEADING.match(after):
        return False
    if before[-1] in _CUT_BEFORE or after[0] in _CUT_AFTER:
        return True
    if any(before.endswith(head) and after.startswith(tail) for head, tail in cuts):
        return True
    if HEADING.match(before) and not _PUNCTUATION.intersection(before):
        return False  # a heading alone on its line (四、财政拨款“三公”经费预算情况…), however long
    # A line that stops well short of the text's width ends its paragraph.
    return width >= _SHORT * wrap


def word_cuts(words: Iterable[str]) -> WordCuts:
    """Every way of cutting one of ``words`` in two: a line break there is a wrap inside the
    word, however short the line before it."""
    return frozenset((word[:cut], word[cut:]) for word in words for cut in range(1, len(word)))


def as_matched(narrative: str, cuts: WordCuts) -> Source:
    """The narrative as matched (see :class:`Source`): its lines normalized and joined, a
    paragraph ended where a line ends well short of the text's width or before a heading, and
    kept whole across a break that falls inside one of the reader's words (``cuts``)."""
    lines = tuple(narrative.splitlines())
    read: list[tuple[int, list[tuple[str, int]]] | None] = []
    for number, line in enumerate(lines):
        chars = [] if line.startswith("\t") else _normalized(line)
        read.append((number, chars) if chars else None)
    widths = {entry[0]: _width(lines[entry[0]].strip()) for entry in read if entry is not None}
    wrap = max(widths.values(), default=0)
    text: list[str] = []
    origins: list[tuple[int, int]] = []
    previous: tuple[int, list[tuple[str, int]]] | None = None
    for entry in read:
        if entry is None:
            previous = None
            if text and text[-1] != "\n":
                text.append("\n")
                origins.append(origins[-1])
            continue
        number, chars = entry
        if previous is not None:
            before = "".join(c for c, _ in previous[1])
            after = "".join(c for c, _ in chars)
            if not _soft(before, after, widths[previous[0]], wrap, cuts):
                text.append("\n")
                origins.append(origins[-1])
        text.extend(c for c, _ in chars)
        origins.extend((number, column) for _, column in chars)
        previous = entry
    return Source("".join(text), tuple(origins), lines)


@attrs.frozen(slots=True)
class Parts:
    """A text cut into parts (paragraphs, sentences or clause groups) by their end characters,
    each end in its part, with the part each character is in. Inside brackets only a
    paragraph's end ends a part: "(公务用车购置费100万元;运行维护费400万元。)比上年增加0万元" is
    one sentence, its change that of the item before the brackets."""

    spans: tuple[tuple[int, int], ...]
    owner: tuple[int, ...]

    @classmethod
    def of(cls, text: str, ends: frozenset[str]) -> Parts:
        spans: list[tuple[int, int]] = []
        owner: list[int] = []
        start, depth = 0, 0
        for index, c in enumerate(text):
            owner.append(len(spans))
            depth = 0 if c == "\n" else depth + 1 if c == "(" else max(0, depth - (c == ")"))
            if (c in ends and (depth == 0 or c == "\n")) or index == len(text) - 1:
                spans.append((start, index + 1))
                start = index + 1
        return cls(tuple(spans), tuple(owner))

    def span(self, position: int) -> tuple[int, int]:
        """The part the character at ``position`` is in."""
        return self.spans[self.owner[position]]
