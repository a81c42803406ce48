"""How findings word figures, and the interval arithmetic of the rules on stated percentages.

A figure converted from 元 to 万元 carries up to six decimals; a message shows at most two (the
finding itself keeps the exact figures). A percentage computed from printed figures is an
interval: its bounds are rounded outwards, so that the interval can only grow and never refute a
percentage that rounding explains.

>>> from decimal import Decimal
>>> shown(Decimal("4748.3458")), percent(Decimal("-38.28")), said("比上年减少49万元")
('4748.35', '-38.28%', '（原文：“比上年减少49万元”）')
>>> change_bounds(Decimal("-49"), Decimal("79"))
Interval(low=Decimal('-38.671875'), high=Decimal('-37.890625'))
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal, Inexact

from govbudget.amounts import Agreement, Figure, Interval, decimal_places, format_amount
from govbudget.findings import Location

__all__ = [
    "DOWN",
    "EXACT",
    "HUNDRED",
    "SHOWN",
    "UP",
    "bounds",
    "change_bounds",
    "direction_wording",
    "disagreed",
    "in_explanation",
    "percent",
    "said",
    "shown",
    "sign",
]

HUNDRED = Decimal(100)
EXACT = Context(prec=80, traps=[Inexact])
"""Sums and differences of printed figures: exact, or an error."""
DOWN = Context(prec=28, rounding=ROUND_FLOOR)
"""The low bound of a ratio, rounded down."""
UP = Context(prec=28, rounding=ROUND_CEILING)
"""The high bound of a ratio, rounded up."""
SHOWN = Context(prec=28, rounding=ROUND_HALF_UP)
"""A ratio a message prints, rounded half up."""


def in_explanation(row: str, line: int | None = None, column: str | None = None) -> Location:
    """Where a finding on the explanation (情况说明) points: the fact's label, the line."""
    return Location(table="情况说明", row=row, column=column, line=line)


def shown(value: Figure) -> str:
    """A figure for a message, with at most two decimals."""
    places = decimal_places(value)
    return format_amount(value, places=2 if places is not None and places > 2 else None)


def percent(value: Decimal) -> str:
    """A percentage as printed: '-38.28%'."""
    return f"{format_amount(value)}%"


def said(quote: str | None) -> str:
    """The sentence a fact was read from, quoted after a message; nothing without one."""
    return f"（原文：“{quote}”）" if quote else ""


def disagreed(agreement: Agreement) -> str:
    """Two figures that disagree: each, the difference and the tolerance."""
    return (
        f"{shown(agreement.actual)} 与 {shown(agreement.expected)} 不符，"
        f"差额 {shown(agreement.difference)}（舍入容差 {shown(agreement.tolerance)}）"
    )


def sign(value: Decimal) -> int:
    """-1, 0 or 1."""
    return (value > 0) - (value < 0)


def change_bounds(amount: Decimal, current: Decimal) -> Interval:
    """The least and greatest ``amount / (current − amount) × 100`` — a change's percentage of
    last year's figure — over the box of the two printed figures' intervals, the base being
    positive throughout: the ratio is monotonic in each, so the corners bound it; rounded
    outwards."""
    change, now = Interval.of(amount), Interval.of(current)
    corners = [
        (EXACT.multiply(a, HUNDRED), EXACT.subtract(c, a))
        for a in (change.low, change.high)
        for c in (now.low, now.high)
    ]
    return Interval(
        min(DOWN.divide(top, base) for top, base in corners),
        max(UP.divide(top, base) for top, base in corners),
    )


def bounds(span: Interval, stated: Decimal | None = None) -> str:
    """The range of a percentage, rounded outwards to two decimals, or to as many more as it
    takes for the range shown to leave out the stated percentage it refutes.

    >>> bounds(Interval(Decimal("89.331"), Decimal("89.349")), Decimal("89.30"))
    '89.33%～89.35%'
    >>> bounds(Interval(Decimal("89.3351"), Decimal("89.349")), Decimal("89.33"))
    '89.3351%～89.3490%'
    """
    places = 2
    while True:
        low = DOWN.quantize(span.low, Decimal(1).scaleb(-places))
        high = UP.quantize(span.high, Decimal(1).scaleb(-places))
        if stated is None or places >= 6 or not Interval(low, high).meets(Interval.of(stated)):
            return f"{percent(low)}～{percent(high)}"
        places += 1


def direction_wording(
    signs: frozenset[int],
    word: str | None,
    amount: Decimal | None,
    stated_percent: Decimal | None,
    money: Callable[[Figure], str],
) -> str | None:
    """What is wrong with the direction of a stated change, or ``None``: a word at odds with
    itself ("增加持平", "减增加"), "持平" beside an amount, a word against the amount's sign, an
    amount and a percentage of opposite signs."""
    if len(signs) > 1:
        return f"表述为“{word}”，用语自相矛盾"
    if amount is None:
        # A percentage alone: its sign is the word's, read so; nothing to set against it.
        return None
    if signs == {0} and amount != 0:
        return f"表述为“{word}”，金额却为 {money(amount)}万元"
    if signs and sign(amount) not in (0, *signs):
        return f"表述为“{word}”，金额却为 {money(amount)}万元，方向相反"
    if stated_percent is not None and sign(amount) * sign(stated_percent) < 0:
        return f"增减额 {money(amount)}万元与百分比 {percent(stated_percent)}方向相反"
    return None
