"""Money figures, codes and subjects."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from govbudget.amounts import Figure, Unit
from govbudget.classification import (
    Level,
    Scheme,
    Subject,
    economic_classification,
    functional_classification,
)

__all__ = ["amounts", "codes", "subjects", "yuan_amounts"]

_LENGTHS = {Level.CLASS: 3, Level.SECTION: 5, Level.ITEM: 7}


def amounts(
    unit: Unit = Unit.WAN_YUAN,
    *,
    blank: bool = True,
    min_value: int = -(10**9),
    max_value: int = 10**9,
) -> st.SearchStrategy[Figure]:
    """Figures as a table of ``unit`` prints them: two decimals, ``0.00`` among them, and blank
    cells (``None``) unless ``blank=False``; 元 tables also print whole numbers.

    >>> from decimal import Decimal
    >>> from hypothesis import given
    >>> @given(amounts(blank=False))
    ... def test(figure):
    ...     assert isinstance(figure, Decimal) and -figure.as_tuple().exponent == 2
    >>> test()
    """
    cents = st.integers(min_value * 100, max_value * 100).map(lambda n: Decimal(n).scaleb(-2))
    printed = cents | st.just(Decimal("0.00"))
    if unit is Unit.YUAN:
        printed = printed | st.integers(min_value, max_value).map(Decimal)
    return st.none() | printed if blank else printed


def yuan_amounts(*, min_value: int = 0, max_value: int = 10**9) -> st.SearchStrategy[Decimal]:
    """Exact amounts in 元 to the 分, as a budget system holds line items."""
    return st.integers(min_value * 100, max_value * 100).map(lambda n: Decimal(n).scaleb(-2))


def _catalogue_subjects(scheme: Scheme) -> list[Subject]:
    if scheme is Scheme.FUNCTIONAL:
        return list(functional_classification(2025).subjects)
    scope = "department" if scheme is Scheme.ECONOMIC_DEPARTMENT else "government"
    return list(economic_classification(2025, scope=scope).subjects)


def subjects(
    scheme: Scheme = Scheme.FUNCTIONAL, level: Level | None = None
) -> st.SearchStrategy[Subject]:
    """Subjects of the shipped catalogue (2025 edition), optionally of one level."""
    found = [s for s in _catalogue_subjects(scheme) if level is None or s.level is level]
    return st.sampled_from(found)


def codes(
    scheme: Scheme = Scheme.FUNCTIONAL, level: Level | None = None, *, real: bool = True
) -> st.SearchStrategy[str]:
    """Subject codes: real codes of the shipped catalogue, or synthetic well-formed ones
    (``real=False``: digits of the right length for the level, 3/5/7 functional, 3/5 economic)."""
    if real:
        return subjects(scheme, level).map(lambda subject: subject.code)
    levels = [lv for lv in Level if lv <= scheme.deepest] if level is None else [level]
    return st.sampled_from(levels).flatmap(
        lambda lv: st.from_regex(rf"\A[0-9]{{{_LENGTHS[lv]}}}\Z", fullmatch=True)
    )
