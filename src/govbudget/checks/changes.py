"""Rules on the changes against last year an explanation states: their percentages and their
direction words, each change against itself (so they hold whatever the tables say).

A change stated with a percentage is checked against its own amounts. Last year's figure is
``current − change``, so the percentage is ``change / (current − change) × 100`` where
``current`` is the stated figure the change belongs to (the family's ``change_of``). Every
printed figure stands for the interval of its precision (``49`` is 48.5…49.5, ``38.28`` is
38.275…38.285); the ratio is monotonic in each of its two arguments, so its interval over the
box of the amounts' intervals is spanned by the four corners, computed with outward rounding
(:func:`~govbudget.checks.wording.change_bounds`). The percentage agrees when its interval meets
that of the ratio.

A budget's explanation has two rules, ``TXT-PERCENT`` and ``TXT-DIRECTION``:

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

Final accounts' explanations have one, ``TXT-FINAL-CHANGE``, which also counts the stray 增 or 减
a half-edited template leaves ("减增加").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from govbudget.amounts import Figure, Interval, decimal_places, format_amount, half_width
from govbudget.checks.registry import Rule, rule
from govbudget.checks.wording import (
    DOWN,
    EXACT,
    HUNDRED,
    SHOWN,
    UP,
    bounds,
    change_bounds,
    direction_wording,
    percent,
    said,
    shown,
)
from govbudget.disclosure.facts import (
    CHANGE_FACTS,
    CHANGE_OF,
    FACT_LABELS,
    FINAL_CHANGE_FACTS,
    FINAL_CHANGE_OF,
    FINAL_FACT_LABELS,
    FinalStatedFacts,
    StatedFacts,
)
from govbudget.disclosure.statements import direction_signs
from govbudget.findings import Finding, Location, Severity

__all__ = ["BUDGET_CHANGE_RULES", "FINAL_CHANGE_RULE"]

_TABLE = "情况说明"
_CENT = Decimal("0.01")


def _where(label: str) -> Location:
    return Location(table=_TABLE, row=label)


def _unfounded(base: Decimal, current: Decimal, amount: Decimal) -> bool:
    """Whether rounding lets last year's figure be zero: then any percentage of the right sign
    could be true, and nothing can be refuted."""
    return base <= EXACT.add(half_width(current), half_width(amount))


def _unchanged(amount: Decimal, stated: Decimal) -> bool:
    """增加0万元,增长0%: no change, and no percentage claimed of a base, whatever the base."""
    return amount == 0 and stated == 0


def _no_base(
    label: str,
    amount: Decimal,
    current: Decimal,
    base: Decimal,
    stated: Decimal,
    money: Callable[[Figure], str],
) -> str:
    return (
        f"{label} {money(amount)}万元，而本年为 {money(current)}万元："
        f"上年基数为 {money(base)}万元（零或负数），不能表述为增减 {percent(stated)}"
    )


@rule(
    "TXT-PERCENT",
    "A stated percentage of change agrees with its amounts",
    Severity.ERROR,
    applies_to=StatedFacts,
    description="情况说明中比上年增减的百分比 = 增减额 ÷（本年数 − 增减额）× 100，各数字按其印刷精度"
    "视为区间，区间相交即相符；上年基数为零或为负时不应表述增减百分比。",
)
def _percentage(rule: Rule, facts: StatedFacts) -> Iterator[Finding]:
    for name in CHANGE_FACTS:
        change = getattr(facts, name)
        current = getattr(facts, CHANGE_OF[name])
        if change is None or change.percent is None or change.amount is None or current is None:
            continue
        amount, stated = change.amount, change.percent
        base = EXACT.subtract(current, amount)
        label = FACT_LABELS[name]
        if _unchanged(amount, stated):
            continue
        if base <= 0:
            yield rule.finding(
                _no_base(label, amount, current, base, stated, format_amount)
                + said(facts.quote(name)),
                location=_where(label),
                actual=stated,
            )
            continue
        if _unfounded(base, current, amount):
            continue
        span = change_bounds(amount, current)
        if span.meets(Interval.of(stated)):
            continue
        places = Decimal(1).scaleb(-max(2, decimal_places(stated) or 0))
        expected = SHOWN.quantize(SHOWN.divide(EXACT.multiply(amount, HUNDRED), base), places)
        yield rule.finding(
            f"{label} {format_amount(amount)}万元、{percent(stated)}，按本年 "
            f"{format_amount(current)}万元推算（上年 {format_amount(base)}万元）应为 "
            f"{percent(DOWN.quantize(span.low, places))}～{percent(UP.quantize(span.high, places))}"
            f"{said(facts.quote(name))}",
            location=_where(label),
            expected=expected,
            actual=stated,
        )


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
        wording = direction_wording(
            change.signs, change.word, change.amount, change.percent, format_amount
        )
        if wording is not None:
            label = FACT_LABELS[name]
            yield rule.finding(f"{label}{wording}{said(facts.quote(name))}", location=_where(label))


@rule(
    "TXT-FINAL-CHANGE",
    "A stated change against last year agrees with its percentage and its word",
    Severity.ERROR,
    applies_to=FinalStatedFacts,
    description="决算情况说明中比上年增减的百分比 = 增减额 ÷（本年数 − 增减额）× 100（各按印刷精度视为区间）；"
    "增减用语与符号一致，不自相矛盾（如“减增加”），增减额与百分比同号。",
)
def _final_change(rule: Rule, facts: FinalStatedFacts) -> Iterator[Finding]:
    for name in FINAL_CHANGE_FACTS:
        change = getattr(facts, name)
        if change is None:
            continue
        label, amount = FINAL_FACT_LABELS[name], change.amount
        quoted, where = said(facts.quote(name)), _where(label)
        wording = direction_wording(
            direction_signs(change.word), change.word, amount, change.percent, shown
        )
        if wording is not None:
            yield rule.finding(f"{label}{wording}{quoted}", location=where)
            continue
        current = change.of if change.of is not None else facts.figure(FINAL_CHANGE_OF[name])
        if change.percent is None or current is None:
            continue
        base = EXACT.subtract(current, amount)
        if _unchanged(amount, change.percent):
            continue
        if base <= 0:
            yield rule.finding(
                _no_base(label, amount, current, base, change.percent, shown) + quoted,
                location=where,
                actual=change.percent,
            )
            continue
        if _unfounded(base, current, amount):
            continue
        span = change_bounds(amount, current)
        if span.meets(Interval.of(change.percent)):
            continue
        expected = DOWN.divide(EXACT.multiply(amount, HUNDRED), base)
        yield rule.finding(
            f"{label} {shown(amount)}万元、{percent(change.percent)}，按本年 {shown(current)}万元"
            f"推算（上年 {shown(base)}万元）应为 {bounds(span, change.percent)}{quoted}",
            location=where,
            expected=expected.quantize(_CENT),
            actual=change.percent,
        )


BUDGET_CHANGE_RULES: tuple[Rule, ...] = (_percentage, _direction)
"""The rules on the changes a budget's explanation states, ``TXT-PERCENT`` and ``TXT-DIRECTION``."""

FINAL_CHANGE_RULE: Rule = _final_change
"""The rule on the changes a final-accounts explanation states, ``TXT-FINAL-CHANGE``."""
