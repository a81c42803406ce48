"""Money figures: parsing without floats, units, rounding, and the rounding model.

A published budget table prints figures rounded to a unit (万元 with two decimals, or 元). A
printed figure therefore stands for an *interval*: "11.39" is any exact value in
[11.385, 11.395]. govbudget keeps the printed precision in the :class:`~decimal.Decimal` itself
(``Decimal("0.00")`` has exponent −2, ``Decimal("0")`` exponent 0) and uses ``None`` for a blank
cell, which is an exact zero: nothing was printed, so nothing was rounded.

>>> parse_amount("1,234.56")
Decimal('1234.56')
>>> parse_amount("１２.３")
Decimal('12.3')
>>> parse_amount("—") is None
True
>>> half_width(Decimal("11.39"))
Decimal('0.005')

A total agrees with its parts when the interval of the total meets the interval of the sum of the
parts (the XBRL Calculations 1.1 model). The seed's 302 items add to 11.38 where 11.39 is
printed; with seven rounded figures the tolerance is 7 × 0.005:

>>> parts = ["3.80", "0.40", "2.05", "0.92", "1.15", "3.06"]
>>> result = agree(Decimal("11.39"), [Decimal(p) for p in parts])
>>> result.ok, result.difference, result.tolerance
(True, Decimal('0.01'), Decimal('0.035'))
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import (
    ROUND_CEILING,
    ROUND_FLOOR,
    ROUND_HALF_UP,
    Context,
    Decimal,
    Inexact,
    InvalidOperation,
    Overflow,
    localcontext,
)
from itertools import repeat
from operator import is_not
from typing import TypeVar

import attrs

from govbudget.characters import fold
from govbudget.errors import AmountError, AmountTypeError

__all__ = [
    "MAX_DIGITS",
    "Agreement",
    "Figure",
    "Interval",
    "Unit",
    "agree",
    "agree_sums",
    "convert",
    "decimal_places",
    "difference",
    "disagreement",
    "disagreements",
    "exact_sum",
    "format_amount",
    "half_width",
    "in_wan",
    "parse_amount",
    "round_half_up",
    "to_unit",
]

Figure = Decimal | None
"""A cell's value: a printed figure (its exponent is its printed precision) or ``None`` (blank)."""

MAX_DIGITS = 34
"""Most significant digits a figure may have. Real budgets need about 20 (10¹⁵ 元 to the 分)."""

# Arithmetic on money must never round silently: every sum and conversion runs in a context
# that raises instead. Rounding is done on purpose, by round_half_up, in its own context.
_EXACT = Context(prec=80, traps=[InvalidOperation, Inexact, Overflow])
_ROUNDING = Context(prec=80, rounding=ROUND_HALF_UP, traps=[InvalidOperation, Overflow])
# Quotients rounded outwards, so that an interval of them holds every exact one.
_DOWN = Context(prec=28, rounding=ROUND_FLOOR, traps=[InvalidOperation, Overflow])
_UP = Context(prec=28, rounding=ROUND_CEILING, traps=[InvalidOperation, Overflow])
_ZERO = Decimal(0)
_FIVE = Decimal(5)
# Nearly every figure is printed with two decimals: comparing its exponent with that of a cent
# (same_quantum, no allocation) answers for them without building the tuple of all the digits
# that as_tuple() makes. These fast paths give the very values of the general ones.
_CENT = Decimal("0.01")
_HALF_CENT = _FIVE.scaleb(-3)
_NONES = repeat(None)
# A figure to the cent below this has at most MAX_DIGITS digits.
_CENT_BOUND = Decimal(f"1E{MAX_DIGITS - 2}")

K = TypeVar("K")

# Marks of a cell left empty; 无 ("none", 渝中区's 国(境)外公务接待情况) too: read as blank, not 0.
_BLANK_MARKS = frozenset({"", "-", "--", "—", "——", "–", "―", "─", "无"})
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_SPACE = re.compile(r"\s+")


class Unit(enum.Enum):
    """A money unit of a published table, with the power of ten it stands for.

    >>> Unit.WAN_YUAN.label, Unit.WAN_YUAN.exponent
    ('万元', 4)
    >>> Unit.from_label("单位：万元")
    <Unit.WAN_YUAN: '万元'>
    """

    YUAN = "元"
    WAN_YUAN = "万元"
    YI_YUAN = "亿元"

    @property
    def label(self) -> str:
        """The unit as printed in a table's 单位 line."""
        return self.value

    @property
    def exponent(self) -> int:
        """The power of ten of one unit in 元: 0 for 元, 4 for 万元, 8 for 亿元."""
        return _UNIT_EXPONENTS[self]

    @property
    def places(self) -> int:
        """Decimal places published for this unit: two (分 for 元; 0.01 万元 = 100 元)."""
        return 2

    @classmethod
    def from_label(cls, text: str) -> Unit:
        """Read a unit from its label, tolerating a 单位/金额单位 prefix, full-width colons,
        brackets around it and a remark after it.

        >>> Unit.from_label("单位:元"), Unit.from_label("（单位：万元）")
        (<Unit.YUAN: '元'>, <Unit.WAN_YUAN: '万元'>)
        >>> Unit.from_label("单位：万元（保留两位小数）"), Unit.from_label("万元")
        (<Unit.WAN_YUAN: '万元'>, <Unit.WAN_YUAN: '万元'>)
        """
        label = _SPACE.sub("", fold(text))
        label = re.sub(r"^\(?(?:金额)?单位[:：]?", "", label)
        label = re.sub(r"\)$|\((?!单位)[^()]*\)$", "", label)
        for unit in cls:
            if label == unit.value:
                return unit
        raise AmountError(f"unknown money unit {text!r}: expected 元, 万元 or 亿元")


_UNIT_EXPONENTS = {Unit.YUAN: 0, Unit.WAN_YUAN: 4, Unit.YI_YUAN: 8}


def _bounded(value: Decimal, original: object) -> Decimal:
    if value.same_quantum(_CENT) and -_CENT_BOUND < value < _CENT_BOUND:
        return value  # the common figure, finite and short: the checks below would pass it
    if not value.is_finite():
        raise AmountError(f"{original!r} is not a money figure: NaN and infinities are refused")
    adjusted = value.adjusted()  # the exponent of the leading digit
    # A figure to the cent has its digits from the leading one down to the second decimal.
    digits = adjusted + 3 if value.same_quantum(_CENT) else len(value.as_tuple().digits)
    if digits > MAX_DIGITS or adjusted > MAX_DIGITS:
        raise AmountError(f"{original!r} has more than {MAX_DIGITS} digits")
    return value


def parse_amount(value: str | int | Decimal) -> Figure:
    """Read a money figure as printed, without ever passing through a float.

    Accepts thousands separators, full-width digits and punctuation, surrounding spaces, a sign,
    and the blank marks of an empty cell ("", "-", "—", "无"), which give ``None``. The printed
    precision is kept: ``"0.00"`` stays ``Decimal('0.00')``, distinct from a blank.

    >>> parse_amount(" 12.48 ")
    Decimal('12.48')
    >>> parse_amount("-3.00")
    Decimal('-3.00')
    >>> parse_amount("47,483,458")
    Decimal('47483458')
    >>> parse_amount("12.3.4")
    Traceback (most recent call last):
    ...
    govbudget.errors.AmountError: cannot read '12.3.4' as a money figure
    >>> parse_amount(0.1)
    Traceback (most recent call last):
    ...
    govbudget.errors.AmountTypeError: 0.1 is a float: money is read from str, int or Decimal, ...

    Raises:
        AmountTypeError: for a ``float``, a ``bool`` or any other type.
        AmountError: for text that is not a figure, NaN, infinities, absurdly long numbers.
    """
    if isinstance(value, Decimal):
        return _bounded(value, value)
    if isinstance(value, (bool, float)):
        kind = type(value).__name__
        raise AmountTypeError(
            f"{value!r} is a {kind}: money is read from str, int or Decimal, never from a {kind}"
        )
    if isinstance(value, int):
        return _bounded(Decimal(value), value)
    if not isinstance(value, str):
        raise AmountTypeError(
            f"{value!r} is a {type(value).__name__}: money is read from str, int or Decimal"
        )
    text = unicodedata.normalize("NFKC", value).strip().replace("\u2212", "-")
    if text in _BLANK_MARKS:
        return None
    if _NUMBER.fullmatch(text) is None:
        raise AmountError(f"cannot read {value!r} as a money figure")
    return _bounded(Decimal(text.replace(",", "")), value)


def decimal_places(figure: Figure) -> int | None:
    """The number of decimals a figure was printed with; ``None`` for a blank cell.

    >>> decimal_places(Decimal("0.00")), decimal_places(Decimal("0")), decimal_places(None)
    (2, 0, None)
    """
    if figure is None:
        return None
    if figure.__class__ is Decimal and figure.same_quantum(_CENT):
        return 2
    exponent = figure.as_tuple().exponent
    assert isinstance(exponent, int)  # finite by construction
    return max(0, -exponent)


def format_amount(figure: Figure, *, places: int | None = None, thousands: bool = False) -> str:
    """Print a figure the way tables print it: fixed point, "" for a blank cell.

    With ``places`` the figure is rounded half up to that many decimals first.

    >>> format_amount(Decimal("1822100")), format_amount(None)
    ('1822100', '')
    >>> format_amount(Decimal("1.8221E+6"), places=2, thousands=True)
    '1,822,100.00'
    """
    if figure is None:
        return ""
    if places is not None:
        figure = round_half_up(figure, places)
    return format(figure, ",f" if thousands else "f")


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """Round to ``places`` decimals with ROUND_HALF_UP (四舍五入), as fiscal systems do.

    Ties go away from zero, whatever the sign.

    >>> round_half_up(Decimal("182.215")), round_half_up(Decimal("-0.005"))
    (Decimal('182.22'), Decimal('-0.01'))
    """
    return value.quantize(Decimal(1).scaleb(-places), context=_ROUNDING)


def convert(value: Decimal, from_unit: Unit, to_unit: Unit) -> Decimal:
    """Convert between units exactly; the printed precision moves with the figure.

    >>> convert(Decimal("47483458"), Unit.YUAN, Unit.WAN_YUAN)
    Decimal('4748.3458')
    >>> format_amount(convert(Decimal("182.21"), Unit.WAN_YUAN, Unit.YUAN))
    '1822100'
    """
    return value.scaleb(from_unit.exponent - to_unit.exponent, context=_EXACT)


def to_unit(value: Decimal, from_unit: Unit, to_unit: Unit, places: int | None = None) -> Decimal:
    """Convert exactly, then round half up to ``places`` (default: the target's published places).

    >>> to_unit(Decimal("1822149.99"), Unit.YUAN, Unit.WAN_YUAN)
    Decimal('182.21')
    """
    converted = convert(value, from_unit, to_unit)
    return round_half_up(converted, to_unit.places if places is None else places)


def in_wan(figures: Iterable[Figure], unit: Unit) -> list[Figure]:
    """Figures printed in ``unit`` converted exactly to 万元, blanks kept blank.

    >>> in_wan([Decimal("1822149.99"), None], Unit.YUAN)
    [Decimal('182.214999'), None]
    """
    if unit is Unit.WAN_YUAN:
        return list(figures)
    return [None if f is None else convert(f, unit, Unit.WAN_YUAN) for f in figures]


def exact_sum(values: Iterable[Figure]) -> Decimal:
    """Add figures exactly, blanks counting as zero; raises rather than round.

    >>> exact_sum([Decimal("182.21"), None, Decimal("11.39")])
    Decimal('193.60')
    """
    total = _ZERO
    for value in values:
        if value is not None:
            total = _EXACT.add(total, value)
    return total


def half_width(figure: Figure, *, exact: bool = False) -> Decimal:
    """Half the width of the interval a printed figure stands for: ½·10^−d for d decimals.

    Blank cells and figures declared exact stand for themselves (width zero).

    >>> half_width(Decimal("283.61")), half_width(Decimal("47483458")), half_width(None)
    (Decimal('0.005'), Decimal('0.5'), Decimal('0'))
    >>> half_width(Decimal("283.61"), exact=True)
    Decimal('0')
    """
    if figure is None or exact:
        return _ZERO
    if figure.__class__ is Decimal and figure.same_quantum(_CENT):
        return _HALF_CENT
    exponent = figure.as_tuple().exponent
    assert isinstance(exponent, int)  # finite by construction
    return _FIVE.scaleb(exponent - 1)


def difference(later: Figure, earlier: Figure) -> Decimal:
    """``later - earlier`` exactly, a blank counting as zero.

    >>> difference(Decimal("912000"), None), difference(Decimal("0.95"), Decimal("1.2"))
    (Decimal('912000'), Decimal('-0.25'))
    """
    return _EXACT.subtract(_ZERO if later is None else later, _ZERO if earlier is None else earlier)


@attrs.frozen(slots=True)
class Interval:
    """The closed interval of exact values a figure stands for.

    >>> Interval.of(Decimal("11.39"))
    Interval(low=Decimal('11.385'), high=Decimal('11.395'))
    >>> Interval.of(Decimal("11.39")).meets(Interval.of(Decimal("11.38")))
    True
    >>> Interval.exact(Decimal("11.39")).meets(Interval.exact(Decimal("11.38")))
    False
    """

    low: Decimal
    high: Decimal

    def __attrs_post_init__(self) -> None:
        if self.low > self.high:
            raise AmountError(f"empty interval: low {self.low} is above high {self.high}")

    @classmethod
    def of(cls, figure: Figure, *, exact: bool = False) -> Interval:
        """The interval of a printed figure (a blank cell is the exact zero)."""
        value = _ZERO if figure is None else figure
        width = half_width(figure, exact=exact)
        return cls(_EXACT.subtract(value, width), _EXACT.add(value, width))

    @classmethod
    def exact(cls, value: Decimal) -> Interval:
        """A value known exactly, such as a line item in 元."""
        return cls(value, value)

    @property
    def midpoint(self) -> Decimal:
        """The centre of the interval: the printed figure for an interval made by :meth:`of`."""
        return _EXACT.divide(_EXACT.add(self.low, self.high), 2)

    @property
    def half_width(self) -> Decimal:
        """Half of ``high - low``."""
        return _EXACT.divide(_EXACT.subtract(self.high, self.low), 2)

    def __add__(self, other: Interval) -> Interval:
        return Interval(_EXACT.add(self.low, other.low), _EXACT.add(self.high, other.high))

    def __sub__(self, other: Interval) -> Interval:
        """The differences of a value of ``self`` and one of ``other``.

        >>> Interval.of(Decimal("8.00")) - Interval.of(Decimal("5.00"))
        Interval(low=Decimal('2.990'), high=Decimal('3.010'))
        """
        return Interval(
            _EXACT.subtract(self.low, other.high), _EXACT.subtract(self.high, other.low)
        )

    def percent_of(self, whole: Interval) -> Interval | None:
        """The percentages ``self`` may be of ``whole`` (``self`` ÷ ``whole`` × 100), rounded
        outwards at 28 digits; ``None`` when ``whole`` may be zero.

        >>> rate = Interval.of(Decimal("-78")).percent_of(Interval.of(Decimal("90")))
        >>> round(rate.low, 2), round(rate.high, 2)
        (Decimal('-87.71'), Decimal('-85.64'))
        """
        if whole.low <= 0 <= whole.high:
            return None
        corners = [
            (numerator * 100, denominator)
            for numerator in (self.low, self.high)
            for denominator in (whole.low, whole.high)
        ]
        return Interval(
            min(_DOWN.divide(n, d) for n, d in corners), max(_UP.divide(n, d) for n, d in corners)
        )

    def meets(self, other: Interval) -> bool:
        """Whether the two intervals share at least one value."""
        return self.low <= other.high and other.low <= self.high


@attrs.frozen(slots=True)
class Agreement:
    """The outcome of comparing a printed total with its parts.

    ``expected`` is the sum of the parts, ``actual`` the total as printed, ``difference`` is
    ``actual - expected`` and ``tolerance`` the most that rounding can explain. The comparison
    agrees (``ok``) when ``|difference| <= tolerance``.
    """

    expected: Decimal
    actual: Decimal
    difference: Decimal
    tolerance: Decimal

    @property
    def ok(self) -> bool:
        """Whether rounding can explain the difference."""
        return abs(self.difference) <= self.tolerance

    def __bool__(self) -> bool:
        return self.ok


def agree(
    total: Figure | Interval, parts: Iterable[Figure | Interval], *, exact: bool = False
) -> Agreement:
    """Decide whether a total agrees with the sum of its parts under the rounding model.

    Each figure stands for the interval of its printed precision (see :func:`half_width`); the
    total agrees when its interval meets the interval of the sum, that is when
    ``|total − Σ parts| ≤ ½·10^−d_total + Σ ½·10^−d_part``. Blank cells (``None``), figures
    given as exact :class:`Interval` values, and every figure when ``exact=True`` contribute no
    width, so exact data is compared exactly. This, :func:`agree_sums`, which it calls, and
    :func:`disagreement`, which the rules call, are the only place govbudget decides agreement:
    all three make the one computation.

    The seed's 基本支出表 prints 人员经费 182.21 and 公用经费 11.39 but 合计 193.61:

    >>> result = agree(Decimal("193.61"), [Decimal("182.21"), Decimal("11.39")])
    >>> result.ok, result.expected, result.difference, result.tolerance
    (True, Decimal('193.60'), Decimal('0.01'), Decimal('0.015'))

    The same figures as exact 元 amounts do not agree:

    >>> agree(Decimal("193.61"), [Decimal("182.21"), Decimal("11.39")], exact=True).ok
    False
    """
    return agree_sums([total], parts, exact=exact)


def agree_sums(
    left: Iterable[Figure | Interval], right: Iterable[Figure | Interval], *, exact: bool = False
) -> Agreement:
    """Whether ``Σ left`` agrees with ``Σ right``: :func:`agree` for equalities such as
    本年收入 + 年初结转 = 本年支出 + 年末结转. ``actual`` is the left sum, ``expected`` the right.

    >>> agree_sums([Decimal("283.61"), None], [Decimal("283.61"), Decimal("0.00")]).tolerance
    Decimal('0.015')
    """
    return Agreement(*_compared(left, right, exact))


def disagreement(
    left: Iterable[Figure | Interval], right: Iterable[Figure | Interval], *, exact: bool = False
) -> Agreement | None:
    """:func:`agree_sums` for the rules, which compare hundreds of figures per disclosure and
    report only what disagrees: the same decision, but ``None`` when the sums agree, so that
    nothing is built for the comparisons that pass.

    >>> disagreement([Decimal("193.61")], [Decimal("182.21"), Decimal("11.39")]) is None
    True
    >>> disagreement([Decimal("12.39")], [Decimal("11.38")]).difference
    Decimal('1.01')
    """
    if left.__class__ is list is right.__class__ and _exactly_equal(left, right):
        return None  # most sums are exact: the tolerance is not needed
    expected, actual, difference, tolerance = _compared(left, right, exact)
    if abs(difference) <= tolerance:  # Agreement.ok
        return None
    return Agreement(expected, actual, difference, tolerance)


def _exactly_equal(left: list[Figure | Interval], right: list[Figure | Interval]) -> bool:
    """Whether two lists of figures (no intervals) have exactly the same sum."""
    left_sum, right_sum = _plain_sum(left), _plain_sum(right)
    return left_sum is not None and right_sum is not None and left_sum == right_sum


def _plain_sum(figures: list[Figure | Interval]) -> Decimal | None:
    """The exact sum of printed figures; ``None`` when an interval is among them."""
    add = _EXACT.add
    total = _ZERO
    for figure in figures:
        if figure.__class__ is Decimal:
            total = add(total, figure)
        elif figure is not None:
            return None  # an interval: left to the general comparison
    return total


def disagreements(
    comparisons: Iterable[tuple[K, Figure, Sequence[Figure]]], *, to_the_cent: bool = False
) -> list[tuple[K, Agreement]]:
    """:func:`disagreement` of many ``(key, total, parts)`` comparisons: the key and the
    Agreement of each whose total does not agree with the sum of its parts, in order.

    A table's sum rules compare thousands of figures and nearly all agree. When the caller
    knows that every figure is printed to the cent (``to_the_cent``, as in nearly every
    table), each interval is ±0.005, so ``|total − Σ parts| ≤ 0.005 · n`` for the ``n``
    printed figures decides, summed in C in one exact pass; only what disagrees goes through
    :func:`disagreement` for the Agreement its finding reports. The decision is the same.

    >>> parts = [Decimal("182.21"), Decimal("11.39")]
    >>> comparisons = [("ok", Decimal("193.61"), parts), ("off", Decimal("194.61"), parts)]
    >>> [(key, found.difference) for key, found in disagreements(comparisons, to_the_cent=True)]
    [('off', Decimal('1.01'))]
    >>> disagreements(comparisons) == disagreements(comparisons, to_the_cent=True)
    True
    """
    if not to_the_cent:
        return [
            (key, found)
            for key, total, parts in comparisons
            if (found := disagreement((total,), parts)) is not None
        ]
    failing: list[tuple[K, Figure, Sequence[Figure]]] = []
    # Operators and sum() use the current context: this one is exact (a sum never rounds) and
    # is left before the caller sees the result, so no other arithmetic runs in it.
    with localcontext(_EXACT):
        for comparison in comparisons:
            _key, total, parts = comparison
            # A blank is an exact zero; so is a printed zero, which filter() drops as well.
            difference: Decimal = -sum(filter(None, parts), _ZERO)
            if total is not None:
                difference += total
            if not difference:
                continue  # most sums are exact: the tolerance is not needed
            counted: int = sum(map(is_not, parts, _NONES)) + (total is not None)
            if abs(difference) * 200 > counted:
                failing.append(comparison)
    checked = [(key, disagreement((total,), parts)) for key, total, parts in failing]
    return [(key, agreement) for key, agreement in checked if agreement is not None]


def _compared(
    left: Iterable[Figure | Interval], right: Iterable[Figure | Interval], exact: bool
) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """The fields of the Agreement of ``Σ left`` with ``Σ right``: expected, actual, their
    difference, and the tolerance.

    The rules call this hundreds of times per disclosure, so it is one loop per side, with the
    common figure (a Decimal printed to the cent) first. Exact additions give the same Decimal
    (value and exponent) in any order, so the half-widths of the cent figures are counted and
    added as one product. A blank is an exact zero and changes neither sum: it is skipped.
    """
    actual, actual_width, actual_cents = _summed(left, exact)
    expected, expected_width, expected_cents = _summed(right, exact)
    width = _EXACT.add(actual_width, expected_width)
    if cents := actual_cents + expected_cents:
        width = _EXACT.add(width, _EXACT.multiply(_HALF_CENT, cents))
    return expected, actual, _EXACT.subtract(actual, expected), width


def _summed(figures: Iterable[Figure | Interval], exact: bool) -> tuple[Decimal, Decimal, int]:
    """One side of a comparison: the sum of its figures (an interval by its midpoint), the sum
    of their half-widths but those of figures to the cent, and how many of those there are."""
    add = _EXACT.add
    total = width = _ZERO
    cents = 0
    for figure in figures:
        if figure is None:
            continue
        if figure.__class__ is Decimal:
            if exact:
                pass
            elif figure.same_quantum(_CENT):
                cents += 1
            else:
                width = add(width, half_width(figure))
            total = add(total, figure)
        else:
            centre, half = _centre_and_width(figure, exact)
            total = add(total, centre)
            width = add(width, half)
    return total, width, cents


def _centre_and_width(figure: Decimal | Interval, exact: bool) -> tuple[Decimal, Decimal]:
    if isinstance(figure, Interval):
        return figure.midpoint, figure.half_width
    return figure, half_width(figure, exact=exact)
