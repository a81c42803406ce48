"""Rules on what the explanation says of changes: its percentages and its direction words.

Both rules look at the stated facts alone (:class:`~govbudget.disclosure.StatedFacts`), so they
hold whatever the tables say.

``TXT-PERCENT``: a change stated with a percentage is checked against its own amounts. Last
year's figure is ``current − change``, so the percentage is ``change / (current − change) × 100``
where ``current`` is the stated figure the change belongs to (:data:`CHANGE_OF`). Every printed
figure stands for the interval of its precision (``49`` is 48.5…49.5, ``38.28`` is
38.275…38.285); the ratio is monotonic in each of its two arguments, so its interval over the box
of the amounts' intervals is spanned by the four corners, computed with outward rounding. The
percentage agrees when its interval meets that of the ratio.

>>> from govbudget.disclosure import StatedChange, StatedFacts
>>> from govbudget.checks import check
>>> fine = StatedFacts(project="79", change_project=StatedChange("-49", percent="-38.28"))
>>> check(fine, select=["TXT-PERCENT"]).findings
()
>>> wrong = StatedFacts(project="79", change_project=StatedChange("-49", percent="-48.28"))
>>> print(check(wrong, select=["TXT-PERCENT"])[0].message)
项目支出比上年增减 -49万元、-48.28%，按本年 79万元推算（上年 128万元）应为 -38.68%～-37.89%

A percentage of a change over a zero or negative base (last year nothing, or less than nothing)
says nothing; it is its own finding:

>>> new = StatedFacts(reception="5.00", reception_change=StatedChange("5.00", percent="100"))
>>> print(check(new, select=["TXT-PERCENT"])[0].message)
公务接待费比上年增减 5.00万元，而本年为 5.00万元：上年基数为 0.00万元（零或负数），不能表述为增减 100%

``TXT-DIRECTION``: the word agrees with the sign. "增加" with a negative amount, "减少" with a
positive one, "持平" with a non-zero amount, a word that contradicts itself ("增加持平"), and an
amount and a percentage of opposite signs are findings.

>>> both = StatedFacts(government_fund_expenditure="0",
...                    government_fund_expenditure_change=StatedChange("0", word="增加持平"))
>>> print(check(both, select=["TXT-DIRECTION"])[0].message)
政府性基金拨款支出比上年增减表述为“增加持平”，用语自相矛盾
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal, Inexact

from govbudget.amounts import decimal_places, format_amount, half_width
from govbudget.checks.registry import Rule, rule
from govbudget.disclosure.facts import CHANGE_FACTS, CHANGE_OF, FACT_LABELS, StatedFacts
from govbudget.findings import Finding, Location, Severity

__all__ = ["CHANGE_RULES"]

_TABLE = "情况说明"
_HUNDRED = Decimal(100)
# Differences of printed figures are exact; a ratio is not, so its bounds are rounded outwards
# (down for the lowest corner, up for the highest): the interval can only grow, never exclude a
# percentage that rounding explains.
_EXACT = Context(prec=80, traps=[Inexact])
_DOWN = Context(prec=28, rounding=ROUND_FLOOR)
_UP = Context(prec=28, rounding=ROUND_CEILING)
_SHOWN = Context(prec=28, rounding=ROUND_HALF_UP)


def _where(name: str) -> Location:
    return Location(table=_TABLE, row=FACT_LABELS[name])


def _said(facts: StatedFacts, name: str) -> str:
    quote = facts.quote(name)
    return f"（原文：“{quote}”）" if quote else ""


def _percent_text(value: Decimal) -> str:
    return f"{format_amount(value)}%"


def _ratio_bounds(change: Decimal, current: Decimal) -> tuple[Decimal, Decimal]:
    """The least and greatest ``change / (current − change) × 100`` over the box of the two
    figures' intervals, the base being positive throughout."""
    a_width, c_width = half_width(change), half_width(current)
    corners = [
        (_EXACT.multiply(a, _HUNDRED), _EXACT.subtract(c, a))
        for a in (_EXACT.subtract(change, a_width), _EXACT.add(change, a_width))
        for c in (_EXACT.subtract(current, c_width), _EXACT.add(current, c_width))
    ]
    low = min(_DOWN.divide(top, base) for top, base in corners)
    high = max(_UP.divide(top, base) for top, base in corners)
    return low, high


@rule(
    "TXT-PERCENT",
    "A stated percentage of change agrees with its amounts",
    Severity.ERROR,
    applies_to=StatedFacts,
    description="情况说明中比上年增减的百分比 = 增减额 ÷（本年数 − 增减额）× 100，各数字按其印刷精度"
    "视为区间，区间相交即相符；上年基数为零或为负时不应表述增减百分比。",
)
def _percent(rule: Rule, facts: StatedFacts) -> Iterator[Finding]:
    for name in CHANGE_FACTS:
        change = getattr(facts, name)
        current = getattr(facts, CHANGE_OF[name])
        if change is None or change.percent is None or current is None:
            continue
        amount, percent = change.amount, change.percent
        base = _EXACT.subtract(current, amount)
        label = FACT_LABELS[name]
        stated = f"{label} {format_amount(amount)}万元、{_percent_text(percent)}"
        if base <= 0:
            yield rule.finding(
                f"{label} {format_amount(amount)}万元，而本年为 {format_amount(current)}万元："
                f"上年基数为 {format_amount(base)}万元（零或负数），不能表述为增减 "
                f"{_percent_text(percent)}{_said(facts, name)}",
                location=_where(name),
                actual=percent,
            )
            continue
        widths = _EXACT.add(half_width(current), half_width(amount))
        if base <= widths:
            # Rounding lets last year's figure be zero: any percentage of the right sign could
            # be true, so nothing can be refuted.
            continue
        low, high = _ratio_bounds(amount, current)
        margin = half_width(percent)
        if _EXACT.add(percent, margin) >= low and _EXACT.subtract(percent, margin) <= high:
            continue
        places = Decimal(1).scaleb(-max(2, decimal_places(percent) or 0))
        expected = _SHOWN.quantize(_SHOWN.divide(_EXACT.multiply(amount, _HUNDRED), base), places)
        yield rule.finding(
            f"{stated}，按本年 {format_amount(current)}万元推算（上年 {format_amount(base)}万元）"
            f"应为 {_percent_text(_DOWN.quantize(low, places))}～"
            f"{_percent_text(_UP.quantize(high, places))}{_said(facts, name)}",
            location=_where(name),
            expected=expected,
            actual=percent,
        )


def _sign(value: Decimal) -> int:
    return (value > 0) - (value < 0)


@rule(
    "TXT-DIRECTION",
    "The direction word of a change agrees with its sign",
    Severity.ERROR,
    applies_to=StatedFacts,
    description="情况说明中比上年增减的用语与金额符号一致：“增加”“增长”不配负数，“减少”“下降”不配正数，"
    "“持平”的金额为零，用语不自相矛盾（如“增加持平”），增减额与百分比同号。",
)
def _direction(rule: Rule, facts: StatedFacts) -> Iterator[Finding]:
    for name in CHANGE_FACTS:
        change = getattr(facts, name)
        if change is None:
            continue
        label, amount, signs = FACT_LABELS[name], change.amount, change.signs
        if len(signs) > 1:
            message = f"表述为“{change.word}”，用语自相矛盾"
        elif signs == {0} and amount != 0:
            message = f"表述为“{change.word}”，金额却为 {format_amount(amount)}万元"
        elif signs and _sign(amount) not in (0, *signs):
            message = f"表述为“{change.word}”，金额却为 {format_amount(amount)}万元，方向相反"
        elif change.percent is not None and _sign(amount) * _sign(change.percent) < 0:
            message = (
                f"增减额 {format_amount(amount)}万元与百分比 {_percent_text(change.percent)}"
                "方向相反"
            )
        else:
            continue
        yield rule.finding(f"{label}{message}{_said(facts, name)}", location=_where(name))


CHANGE_RULES: tuple[Rule, ...] = (
    _percent,
    _direction,
)
"""The rules on the changes a budget's explanation states, each against itself."""
