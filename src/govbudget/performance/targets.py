"""Target values (指标值): a comparator, a number and a unit, read from the text as printed.

Goal tables print a target as text: "≥90%", "1个", "≤10万元", "<5%", and in Shanghai's forms
"=100.00(%)" or a word, "合理", "提升". :func:`parse_target` reads the comparator, the number
(a :class:`~decimal.Decimal` that keeps its printed precision) and the unit, and keeps the text,
so a target prints back exactly as it was written:

>>> target = parse_target("≤10万元")
>>> target.comparator, target.number, target.unit
(<Comparator.LE: '≤'>, Decimal('10'), '万元')
>>> str(target)
'≤10万元'
>>> parse_target("=100.00(%)").number, parse_target("=100.00(%)").unit
(Decimal('100.00'), '%')
>>> parse_target("优良").comparator
<Comparator.QUALITATIVE: '定性'>

A bare number states the value to reach ("1个" is ``=``); a comparator may also be written in
words, before the number ("不低于90%") or after it ("90%以上"). A target with nothing to measure
(blank, a dash, a comparator without its number) has no comparator at all, which is what rule
PG-TARGET reports:

>>> parse_target("1个").comparator, parse_target("90%以上").comparator
(<Comparator.EQ: '='>, <Comparator.GE: '≥'>)
>>> parse_target("≥").measurable, parse_target("").measurable
(False, False)
"""

from __future__ import annotations

import enum
import functools
import re
from decimal import Decimal

import attrs

from govbudget.amounts import Unit
from govbudget.characters import fold
from govbudget.performance.errors import GoalTypeError

__all__ = ["Comparator", "TargetValue", "parse_target"]


class Comparator(enum.Enum):
    """How a target compares: ≥, ≤, >, <, =, or a value stated in words (定性)."""

    GE = "≥"
    LE = "≤"
    GT = ">"
    LT = "<"
    EQ = "="
    QUALITATIVE = "定性"

    @property
    def symbol(self) -> str:
        """The symbol as printed (定性 for a value in words)."""
        return self.value


_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_DIGIT = re.compile(r"\d")
_BRACKETED = re.compile(r"\((.*)\)")
# A year printed as a target ("2025年底前完成") is a deadline in words, not the number 2025.
_YEAR = re.compile(r"(?:19|20)\d{2}")
_BLANK_MARKS = frozenset({"", "-", "--", "—", "——", "–", "/", "\\"})
# A bare number followed by a long text is a sentence, not a figure and its unit.
_MAX_BARE_UNIT = 4

_SYMBOLS = {"≧": "≥", "⩾": "≥", ">=": "≥", "≦": "≤", "⩽": "≤", "<=": "≤", "==": "="}
_PREFIXES = sorted(
    [
        ("≥", Comparator.GE),
        ("≤", Comparator.LE),
        (">", Comparator.GT),
        ("<", Comparator.LT),
        ("=", Comparator.EQ),
        ("大于等于", Comparator.GE),
        ("大于或等于", Comparator.GE),
        ("不低于", Comparator.GE),
        ("不少于", Comparator.GE),
        ("不小于", Comparator.GE),
        ("小于等于", Comparator.LE),
        ("小于或等于", Comparator.LE),
        ("不高于", Comparator.LE),
        ("不超过", Comparator.LE),
        ("不多于", Comparator.LE),
        ("不大于", Comparator.LE),
        ("大于", Comparator.GT),
        ("高于", Comparator.GT),
        ("超过", Comparator.GT),
        ("多于", Comparator.GT),
        ("小于", Comparator.LT),
        ("低于", Comparator.LT),
        ("少于", Comparator.LT),
        ("等于", Comparator.EQ),
    ],
    key=lambda pair: -len(pair[0]),  # longest first: 大于等于 before 大于
)
_SUFFIXES = (
    ("及以上", Comparator.GE),
    ("以上", Comparator.GE),
    ("及以下", Comparator.LE),
    ("以下", Comparator.LE),
    ("以内", Comparator.LE),
)
_MONEY_UNITS = {
    "元": Unit.YUAN,
    "万元": Unit.WAN_YUAN,
    "万": Unit.WAN_YUAN,
    "亿元": Unit.YI_YUAN,
    "亿": Unit.YI_YUAN,
}

_Reading = tuple[Comparator | None, Decimal | None, str]
_NOTHING: _Reading = (None, None, "")
_IN_WORDS: _Reading = (Comparator.QUALITATIVE, None, "")


def _normal(text: str) -> str:
    normal = _SPACE.sub("", fold(text))
    for variant, symbol in _SYMBOLS.items():
        normal = normal.replace(variant, symbol)
    return normal


def _unit(rest: str) -> str:
    bracketed = _BRACKETED.fullmatch(rest)
    return bracketed.group(1) if bracketed else rest


@functools.lru_cache(maxsize=4096)
def _read(text: str) -> _Reading:
    normal = _normal(text)
    if normal in _BLANK_MARKS:
        return _NOTHING
    comparator, rest, symbol = None, normal, False
    for prefix, meaning in _PREFIXES:
        if normal.startswith(prefix):
            comparator, rest, symbol = meaning, normal[len(prefix) :], len(prefix) == 1
            break
    number = _NUMBER.match(rest)
    if number is None:
        # A symbol promises a number ("≥" alone, "≥上年"); words are a value in words
        # ("优良", "不低于上年").
        return _NOTHING if symbol else _IN_WORDS
    unit = rest[number.end() :]
    if comparator is None:
        for suffix, meaning in _SUFFIXES:
            if unit.endswith(suffix):
                comparator, unit = meaning, unit[: -len(suffix)]
                break
    unit = _unit(unit)
    if comparator is None and (
        len(unit) > _MAX_BARE_UNIT
        or (_YEAR.fullmatch(number.group()) is not None and unit.startswith("年"))
    ):
        return _IN_WORDS  # a sentence or a date that starts with a number
    if _DIGIT.search(unit):
        return _NOTHING if symbol else _IN_WORDS  # "≥90%-95%", "90%-95%": not one number
    return comparator or Comparator.EQ, Decimal(number.group().replace(",", "")), unit


def strip_text(value: str) -> str:
    """Converter of text fields: outer spaces are not part of what was printed.

    A non-str falls through unchanged, so that the field's validator can name the field.
    """
    return value.strip() if isinstance(value, str) else value


def _target_text(value: str) -> str:
    # The text is checked here, not by a validator: the derived fields are read from it first.
    if not isinstance(value, str):
        raise GoalTypeError(
            f"TargetValue.text: {value!r} is a {type(value).__name__}; a target value is read "
            "from its printed text"
        )
    return value.strip()


@attrs.frozen(slots=True)
class TargetValue:
    """A target value as printed, with what it states read from the text.

    ``text`` is the printed text (outer spaces stripped) and the only thing a target is made of:
    ``comparator``, ``number`` and ``unit`` are read from it. ``comparator`` is ``None`` when the
    text states nothing measurable; for a qualitative value ``number`` is ``None`` and ``unit``
    is ``""``. Build one with :func:`parse_target` or ``TargetValue(text)``.

    >>> TargetValue("≥90.00(%)")
    TargetValue(text='≥90.00(%)', comparator=<Comparator.GE: '≥'>, number=Decimal('90.00'), unit='%')
    """

    text: str = attrs.field(converter=_target_text)
    comparator: Comparator | None = attrs.field(
        init=False,
        eq=False,
        default=attrs.Factory(lambda self: _read(self.text)[0], takes_self=True),
    )
    number: Decimal | None = attrs.field(
        init=False,
        eq=False,
        default=attrs.Factory(lambda self: _read(self.text)[1], takes_self=True),
    )
    unit: str = attrs.field(
        init=False,
        eq=False,
        default=attrs.Factory(lambda self: _read(self.text)[2], takes_self=True),
    )

    def __str__(self) -> str:
        return self.text

    @property
    def measurable(self) -> bool:
        """Whether the target states something to measure: a comparator and a number, or a
        qualitative value."""
        return self.comparator is not None

    @property
    def qualitative(self) -> bool:
        """Whether the target is a value in words ("优良", "合理", "提升")."""
        return self.comparator is Comparator.QUALITATIVE

    @property
    def is_percent(self) -> bool:
        """Whether the target is a number of percent ("≥90%", "=100.00(%)").

        >>> parse_target("<5%").is_percent, parse_target("1个").is_percent
        (True, False)
        """
        return self.number is not None and self.unit == "%"

    def money_unit(self) -> Unit | None:
        """The money unit of the target, or ``None`` when its unit is not money.

        A bare 万 reads as 万元 and a bare 亿 as 亿元: the seed prints the cost target of a
        68.00万元 project as "≤68万".

        >>> parse_target("≤68万").money_unit(), parse_target("≥90%").money_unit()
        (<Unit.WAN_YUAN: '万元'>, None)
        """
        if self.number is None:
            return None
        return _MONEY_UNITS.get(self.unit)


def parse_target(text: str) -> TargetValue:
    """Read a printed target value; it never fails on text (see :class:`TargetValue`).

    >>> parse_target("不低于95%").comparator, parse_target("2025年底前完成").qualitative
    (<Comparator.GE: '≥'>, True)
    """
    return TargetValue(text)
