"""Ledgers, line items, and consistent budgets derived from them.

Line items are valid items of every kind; :func:`budgets` derives whole disclosures from drawn
ledgers, so their sums add up by construction — rounded the way a budget system rounds, each
printed cell on its own.

Amounts are drawn in 分 and lean on what rounding to 0.01万元 (100元) finds hard: exact ties
(…50.00元, rounded up), one 分 on either side of a tie, and zero, beside amounts of any size.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from govbudget.amounts import Unit
from govbudget.classification import economic_classification, functional_classification
from govbudget.disclosure import BudgetUnit, DepartmentBudget
from govbudget.ledger import (
    Appropriation,
    BasicKind,
    ClassLayout,
    ExpenditureKind,
    FundSource,
    Ledger,
    LineItem,
    Phrasing,
    ThreePublicItem,
    UnitFundKind,
    derive,
)
from govbudget.performance import Indicator, ProjectPerformanceGoal

__all__ = ["budgets", "ledgers", "line_items", "phrasings"]

FUNCTIONAL = tuple(code for code in functional_classification(2025) if len(code) == 7)
ECONOMIC = tuple(code for code in economic_classification(2025) if len(code) == 5)
UNITS = (
    BudgetUnit("某局本级", "行政", "正处级", "财政拨款"),
    BudgetUnit("某局信息中心", "事业", "正科级", "财政补助"),
    BudgetUnit("某局执法大队", "参公", "副处级", "财政拨款"),
)
PROJECTS = ("13020525P00916610001A", "13020525P00916610002B", "13020525P00916610003C")
_FISCAL_KINDS = (ExpenditureKind.BASIC, ExpenditureKind.PROJECT)
# One indicator under each level-1 the framework requires; no money target, which would be held
# against the derived budget.
_INDICATORS = (
    Indicator("产出指标", "数量指标", "完成数量", "完成数量", "≥1个", "项目实施方案"),
    Indicator("效益指标", "社会效益指标", "服务覆盖率", "服务覆盖率", "≥90%", "项目实施方案"),
    Indicator("满意度指标", "服务对象满意度指标", "满意度", "满意度", "≥90%", "项目实施方案"),
)

# 5,000分 = 50元 = 0.005万元: a tie of rounding to 万元 with two decimals.
_TIE = 5000
_HUNDRED_YUAN = 10000


def _amounts() -> st.SearchStrategy[Decimal]:
    """Amounts in 元 (two decimals): any, or within a 分 of a rounding tie of 0.01万元."""
    near_tie = st.builds(
        lambda hundreds, shift: Decimal(hundreds * _HUNDRED_YUAN + _TIE + shift).scaleb(-2),
        st.integers(0, 10**6),
        st.sampled_from((-1, 0, 1)),
    )
    anything = st.integers(0, 10**13).map(lambda cents: Decimal(cents).scaleb(-2))
    return st.one_of(st.just(Decimal("0.00")), near_tie, anything)


@st.composite
def line_items(draw: st.DrawFn, units: tuple[BudgetUnit, ...] = UNITS) -> LineItem:
    """A valid line item of one of ``units``: kinds that fit its fund source."""
    fund = draw(st.sampled_from(FundSource))
    carry_over_of = None
    if fund is FundSource.CARRY_OVER:
        carry_over_of = draw(st.none() | st.sampled_from(Appropriation))
    fiscal = fund.appropriation is not None or carry_over_of is not None
    kind = draw(st.sampled_from(_FISCAL_KINDS if fiscal else tuple(ExpenditureKind)))
    return LineItem(
        draw(st.sampled_from(FUNCTIONAL)),
        draw(st.sampled_from(ECONOMIC)),
        draw(_amounts()),
        kind,
        unit=draw(st.sampled_from(units)).name,
        fund=fund,
        basic_kind=draw(st.sampled_from(BasicKind)) if kind is ExpenditureKind.BASIC else None,
        project=draw(st.sampled_from(PROJECTS)) if kind is ExpenditureKind.PROJECT else None,
        unit_fund_kind=(
            draw(st.sampled_from(UnitFundKind)) if fund is FundSource.UNIT_FUNDS else None
        ),
        carry_over_of=carry_over_of,
        three_public=draw(st.none() | st.sampled_from(ThreePublicItem)),
    )


@st.composite
def ledgers(
    draw: st.DrawFn,
    *,
    year: int | None = None,
    max_items: int = 12,
    kinds: tuple[ExpenditureKind, ...] | None = None,
) -> Ledger:
    """A valid ledger of one to three units, up to ``max_items`` items (only of ``kinds`` when
    given) and a goal for some of its projects, some printing 上年结转资金 apart."""
    chosen_year = year if year is not None else draw(st.sampled_from((2024, 2025, 2026)))
    units = tuple(draw(st.lists(st.sampled_from(UNITS), min_size=1, max_size=3, unique=True)))
    items = draw(st.lists(line_items(units), max_size=max_items))
    if kinds is not None:
        items = [item for item in items if item.kind in kinds]
    projects = sorted({item.project for item in items if item.project is not None})
    goals = [
        ProjectPerformanceGoal(
            year=chosen_year,
            code=code,
            name=f"项目{number}",
            carry_over=draw(st.sampled_from((None, Decimal("0.00")))),
            indicators=_INDICATORS,
        )
        for number, code in enumerate(projects, start=1)
        if draw(st.booleans())
    ]
    return Ledger(
        "某局",
        chosen_year,
        department_code=draw(st.sampled_from((None, "897"))),
        units=units,
        items=items,
        goals=goals,
    )


@st.composite
def budgets(
    draw: st.DrawFn,
    *,
    year: int | None = None,
    max_items: int = 12,
    unit: Unit = Unit.WAN_YUAN,
) -> DepartmentBudget:
    """Consistent department budgets: derived from a drawn ledger, every table and stated fact
    from the same exact sums, so ``check`` finds no error in any of them.

    >>> from hypothesis import given, settings
    >>> from govbudget import check
    >>> @settings(max_examples=10, database=None)
    ... @given(budgets())
    ... def test(budget):
    ...     assert check(budget).errors == ()
    >>> test()
    """
    ledger = draw(ledgers(year=year, max_items=max_items))
    return derive(ledger, unit=unit, classes=draw(st.sampled_from(ClassLayout)))


def phrasings() -> st.SearchStrategy[Phrasing]:
    """Every way :class:`~govbudget.ledger.Phrasing` words a change: the comparison (比2024年预算,
    较上年预算, 与2024年预算相比，, 同比 …), the direction words, the reason's opening, the comma
    (full-width or ASCII) and the percentage after a comma or in brackets.

    >>> from hypothesis import given
    >>> @given(phrasings())
    ... def test(phrasing):
    ...     assert phrasing.comparison in Phrasing.COMPARISONS
    >>> test()
    """
    return st.builds(
        Phrasing,
        comparison=st.sampled_from(Phrasing.COMPARISONS),
        increase=st.none() | st.sampled_from(Phrasing.INCREASES),
        decrease=st.none() | st.sampled_from(Phrasing.DECREASES),
        rise=st.sampled_from(Phrasing.INCREASES),
        fall=st.sampled_from(Phrasing.DECREASES),
        reason=st.sampled_from(Phrasing.REASONS),
        comma=st.sampled_from(Phrasing.COMMAS),
        bracketed=st.booleans(),
    )
