"""完成率 of two printed figures under the rounding model.

:class:`ExecutionRate` sits below both the checks of final accounts (a stated 完成率 against its
figures, ``TXT-FINAL-RATE``) and the ledger's comparison of a budget with its final accounts
(:func:`~govbudget.ledger.compare_execution`), so that checking needs no ledger. It is also
importable from :mod:`govbudget.ledger` and :mod:`govbudget`.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal

import attrs

from govbudget.amounts import Figure, Interval, format_amount, round_half_up

__all__ = ["ExecutionRate"]

_HUNDRED = Decimal(100)
_ZERO = Decimal(0)
_EXACT = Context(prec=80)
# A ratio is not exact: its bounds are rounded outwards, so the interval can only grow.
_DOWN = Context(prec=28, rounding=ROUND_FLOOR)
_UP = Context(prec=28, rounding=ROUND_CEILING)


@attrs.frozen(slots=True)
class ExecutionRate:
    """完成率 = 决算数 ÷ 预算数 × 100 of two printed figures (a blank is an exact zero), as the
    interval the figures allow: each stands for its interval, and the ratio's bounds are rounded
    outwards. Over a budget that may be zero — its interval reaches 0 — there is no rate, and
    :attr:`zero_budget` says so rather than dividing by zero.

    >>> rate = ExecutionRate(Decimal("200.00"), Decimal("197.00"))
    >>> rate.point, rate.low.quantize(Decimal("0.0001")), rate.high.quantize(Decimal("0.0001"))
    (Decimal('98.50'), Decimal('98.4950'), Decimal('98.5050'))
    >>> print(rate)
    完成率 98.50%（98.49%～98.51%）
    >>> print(ExecutionRate(Decimal("0.00"), Decimal("5.00")))
    预算数为零（0.00），决算数 5.00：完成率无从计算
    """

    budgeted: Figure
    actual: Figure

    @property
    def zero_budget(self) -> bool:
        """Whether the budget may be zero: then no rate exists."""
        budgeted = Interval.of(self.budgeted)
        return budgeted.low <= 0 <= budgeted.high

    def _ratios(self) -> Iterator[tuple[Decimal, Decimal]]:
        budgeted, actual = Interval.of(self.budgeted), Interval.of(self.actual)
        # The ratio is monotonic in each figure where the budget keeps its sign: its extremes
        # are at the corners of the two intervals.
        for top in (actual.low, actual.high):
            for base in (budgeted.low, budgeted.high):
                yield _EXACT.multiply(top, _HUNDRED), base

    @property
    def low(self) -> Decimal | None:
        """The least rate the figures allow, in percent; ``None`` over a zero budget."""
        if self.zero_budget:
            return None
        return min(_DOWN.divide(top, base) for top, base in self._ratios())

    @property
    def high(self) -> Decimal | None:
        """The greatest rate the figures allow, in percent; ``None`` over a zero budget."""
        if self.zero_budget:
            return None
        return max(_UP.divide(top, base) for top, base in self._ratios())

    @property
    def interval(self) -> Interval | None:
        """The least and greatest rate the figures allow; ``None`` over a zero budget."""
        low, high = self.low, self.high
        return None if low is None or high is None else Interval(low, high)

    @property
    def point(self) -> Decimal | None:
        """The rate of the printed figures, half up to two decimals; ``None`` over a zero
        budget."""
        if self.zero_budget or self.budgeted is None:
            return None
        actual = _ZERO if self.actual is None else self.actual
        ratio = _EXACT.divide(_EXACT.multiply(actual, _HUNDRED), self.budgeted)
        return round_half_up(ratio, 2)

    def __str__(self) -> str:
        point, low, high = self.point, self.low, self.high
        if point is None or low is None or high is None:
            return (
                f"预算数为零（{format_amount(self.budgeted) or '空'}），"
                f"决算数 {format_amount(self.actual) or '空'}：完成率无从计算"
            )
        cent = Decimal("0.01")
        least = low.quantize(cent, rounding=ROUND_FLOOR)
        most = high.quantize(cent, rounding=ROUND_CEILING)
        return f"完成率 {format_amount(point)}%（{format_amount(least)}%～{format_amount(most)}%）"
