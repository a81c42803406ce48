"""The stated facts of the explanation: the figures the narrative asserts, as typed fields.

Every fact is optional: ``None`` means the text did not state it. Amounts are in 万元 with the
precision the text printed ("0.00万元" is ``Decimal("0.00")``); a text that states 元 is
converted exactly, so its precision moves with it. ``quotes`` keeps, for any fact, the
sentence it was read from, so a finding can show the officer where the text says it.

>>> facts = StatedFacts(year=2025, income_total="283.61", fixed_assets_value="0.00")
>>> facts.income_total, facts.expenditure_total
(Decimal('283.61'), None)
>>> facts.stated()
('income_total', 'fixed_assets_value')

Every change names the amount it is a change of (:data:`CHANGE_OF`), and every fact has the
Chinese label that messages print (:data:`FACT_LABELS`):

>>> CHANGE_OF["change_basic"], FACT_LABELS["change_basic"]
('basic', '基本支出比上年增减')
>>> "change_basic" in CHANGE_FACTS, "change_basic" in AMOUNT_FACTS
(True, False)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from govbudget.amounts import Figure, parse_amount
from govbudget.errors import AmountError
from govbudget.vocabulary import FactLabels

__all__ = [
    "AMOUNT_FACTS",
    "CHANGE_FACTS",
    "CHANGE_OF",
    "DIRECTION_WORDS",
    "FACT_LABELS",
    "StatedChange",
    "StatedFacts",
]


def _amount(value: str | int | Decimal | None) -> Figure:
    return None if value is None else parse_amount(value)


def _change(value: StatedChange | str | int | Decimal | None) -> StatedChange | None:
    if value is None or isinstance(value, StatedChange):
        return value
    return StatedChange(value)


DIRECTION_WORDS: Mapping[str, int] = {
    "增加": 1,
    "增长": 1,
    "上升": 1,
    "减少": -1,
    "下降": -1,
    "降低": -1,
    "持平": 0,
}
"""The words a text states a change with, and the sign of the change each one states."""


def _quotes(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(name), str(text)) for name, text in value)


@attrs.frozen(slots=True)
class StatedChange:
    """A change against last year as the text states it: a signed amount (万元), maybe a
    percentage, maybe the reason given.

    "减少8.80万元" is ``StatedChange("-8.80")``; "持平" is ``StatedChange("0")``. ``percent`` is
    signed like the amount ("下降38.28%" is ``-38.28``). ``word`` is the word the text states
    the direction with, as printed ("增加", "减少", "持平", …), so that a rule can tell
    "增加-5万元" or "持平" beside a non-zero amount from a consistent statement.

    >>> StatedChange("-49", percent="-38.28", reason="项目支出减少").amount
    Decimal('-49')
    >>> StatedChange("0", word="持平").word
    '持平'
    """

    amount: Decimal = attrs.field(converter=parse_amount)
    percent: Decimal | None = attrs.field(default=None, converter=_amount)
    reason: str | None = None
    word: str | None = None

    @property
    def signs(self) -> frozenset[int]:
        """The signs the direction word states: one for a plain word, none without a word, two
        or three when the word contradicts itself.

        >>> StatedChange("-8.80", word="减少").signs
        frozenset({-1})
        >>> sorted(StatedChange("0", word="增加持平").signs)
        [0, 1]
        """
        word = self.word or ""
        return frozenset(sign for each, sign in DIRECTION_WORDS.items() if each in word)

    @amount.validator
    def _present(self, _attribute: object, value: Decimal | None) -> None:
        if value is None:
            raise AmountError("a stated change needs an amount (持平 is 0)")


@attrs.frozen(slots=True)
class StatedFacts:
    """The figures the explanation (情况说明) states, each optional.

    Income (收入说明): ``income_total`` (预算收入, all sources and carry-over) and its sources:
    ``fiscal_appropriation`` (财政拨款收入) and its parts ``general_public_budget``,
    ``government_fund``, ``state_capital``; ``special_account``; ``unit_funds`` and its parts
    ``service_income`` (事业收入), ``operating_income`` (事业单位经营收入),
    ``subsidy_from_superior``, ``remittance_from_subordinates``, ``other_income``;
    ``carry_over``. Expenditure (支出说明): ``expenditure_total``, ``basic`` with ``personnel``
    (人员经费) and ``public`` (公用经费), ``project``; by appropriation ``fiscal_expenditure``
    (财政拨款支出) with ``general_public_expenditure``, ``government_fund_expenditure`` and
    ``state_capital_expenditure``. Change against last year (比上年增减): ``change`` (the whole
    budget) with ``change_basic`` and ``change_project``, and ``<fact>_change`` for the facts
    the text compares one by one. ``agency_running_costs`` (机关运行经费). The "三公"
    statement: its total, the items, and the changes with their reasons. Procurement: the
    total, ``procurement_goods`` / ``_works`` / ``_services`` (货物、工程、服务) and the share
    reserved for SMEs (``procurement_sme``, 面向中小企业预留) and, within it, for small and micro
    enterprises (``procurement_small_micro``). Fixed-asset value at the end of last year and
    planned purchases.

    The Shanghai template states income by source and expenditure by appropriation, each
    compared with last year:

    >>> shanghai = StatedFacts(
    ...     income_total="4748.35", fiscal_appropriation="4748.35",
    ...     fiscal_appropriation_change=StatedChange("-19.79", word="减少"),
    ...     service_income="0", operating_income="0", other_income="0",
    ...     procurement_total="595.28", procurement_goods="77.10", procurement_works="0",
    ...     procurement_services="518.18", procurement_sme="343.49",
    ...     procurement_small_micro="178.85")
    >>> shanghai.fiscal_appropriation_change.amount, shanghai.service_income
    (Decimal('-19.79'), Decimal('0'))
    >>> [name for name in shanghai.stated() if name.startswith("procurement")]
    ['procurement_total', 'procurement_goods', 'procurement_works', 'procurement_services', 'procurement_sme', 'procurement_small_micro']
    """

    year: int | None = None
    income_total: Figure = attrs.field(default=None, converter=_amount)
    income_change: StatedChange | None = attrs.field(default=None, converter=_change)
    fiscal_appropriation: Figure = attrs.field(default=None, converter=_amount)
    fiscal_appropriation_change: StatedChange | None = attrs.field(default=None, converter=_change)
    general_public_budget: Figure = attrs.field(default=None, converter=_amount)
    government_fund: Figure = attrs.field(default=None, converter=_amount)
    state_capital: Figure = attrs.field(default=None, converter=_amount)
    special_account: Figure = attrs.field(default=None, converter=_amount)
    unit_funds: Figure = attrs.field(default=None, converter=_amount)
    service_income: Figure = attrs.field(default=None, converter=_amount)
    operating_income: Figure = attrs.field(default=None, converter=_amount)
    subsidy_from_superior: Figure = attrs.field(default=None, converter=_amount)
    remittance_from_subordinates: Figure = attrs.field(default=None, converter=_amount)
    other_income: Figure = attrs.field(default=None, converter=_amount)
    carry_over: Figure = attrs.field(default=None, converter=_amount)
    expenditure_total: Figure = attrs.field(default=None, converter=_amount)
    expenditure_change: StatedChange | None = attrs.field(default=None, converter=_change)
    basic: Figure = attrs.field(default=None, converter=_amount)
    personnel: Figure = attrs.field(default=None, converter=_amount)
    public: Figure = attrs.field(default=None, converter=_amount)
    project: Figure = attrs.field(default=None, converter=_amount)
    change: StatedChange | None = attrs.field(default=None, converter=_change)
    change_basic: StatedChange | None = attrs.field(default=None, converter=_change)
    change_project: StatedChange | None = attrs.field(default=None, converter=_change)
    fiscal_expenditure: Figure = attrs.field(default=None, converter=_amount)
    fiscal_expenditure_change: StatedChange | None = attrs.field(default=None, converter=_change)
    general_public_expenditure: Figure = attrs.field(default=None, converter=_amount)
    general_public_expenditure_change: StatedChange | None = attrs.field(
        default=None, converter=_change
    )
    government_fund_expenditure: Figure = attrs.field(default=None, converter=_amount)
    government_fund_expenditure_change: StatedChange | None = attrs.field(
        default=None, converter=_change
    )
    state_capital_expenditure: Figure = attrs.field(default=None, converter=_amount)
    state_capital_expenditure_change: StatedChange | None = attrs.field(
        default=None, converter=_change
    )
    agency_running_costs: Figure = attrs.field(default=None, converter=_amount)
    agency_running_costs_change: StatedChange | None = attrs.field(default=None, converter=_change)
    three_public_total: Figure = attrs.field(default=None, converter=_amount)
    travel_abroad: Figure = attrs.field(default=None, converter=_amount)
    vehicles: Figure = attrs.field(default=None, converter=_amount)
    vehicle_purchase: Figure = attrs.field(default=None, converter=_amount)
    vehicle_operation: Figure = attrs.field(default=None, converter=_amount)
    reception: Figure = attrs.field(default=None, converter=_amount)
    three_public_change: StatedChange | None = attrs.field(default=None, converter=_change)
    travel_abroad_change: StatedChange | None = attrs.field(default=None, converter=_change)
    vehicles_change: StatedChange | None = attrs.field(default=None, converter=_change)
    vehicle_purchase_change: StatedChange | None = attrs.field(default=None, converter=_change)
    vehicle_operation_change: StatedChange | None = attrs.field(default=None, converter=_change)
    reception_change: StatedChange | None = attrs.field(default=None, converter=_change)
    procurement_total: Figure = attrs.field(default=None, converter=_amount)
    procurement_goods: Figure = attrs.field(default=None, converter=_amount)
    procurement_works: Figure = attrs.field(default=None, converter=_amount)
    procurement_services: Figure = attrs.field(default=None, converter=_amount)
    procurement_sme: Figure = attrs.field(default=None, converter=_amount)
    procurement_small_micro: Figure = attrs.field(default=None, converter=_amount)
    fixed_assets_value: Figure = attrs.field(default=None, converter=_amount)
    planned_asset_purchases: Figure = attrs.field(default=None, converter=_amount)
    quotes: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_quotes)

    def stated(self) -> tuple[str, ...]:
        """The names of the facts the text stated, in declaration order."""
        return tuple(
            field.name
            for field in attrs.fields(StatedFacts)
            if field.name not in ("year", "quotes") and getattr(self, field.name) is not None
        )

    def quote(self, name: str) -> str | None:
        """The sentence a fact was read from, when the reader kept it."""
        for fact, text in self.quotes:
            if fact == name:
                return text
        return None


def _converted_by(converter: object) -> tuple[str, ...]:
    return tuple(f.name for f in attrs.fields(StatedFacts) if f.converter is converter)


AMOUNT_FACTS: tuple[str, ...] = _converted_by(_amount)
"""The names of the facts that are amounts (the others are changes, the year and quotes)."""

CHANGE_FACTS: tuple[str, ...] = _converted_by(_change)
"""The names of the facts that are changes against last year (:class:`StatedChange`)."""

CHANGE_OF: Mapping[str, str] = {
    "income_change": "income_total",
    "fiscal_appropriation_change": "fiscal_appropriation",
    "expenditure_change": "expenditure_total",
    # 比上年增减 is stated for the budget as a whole (预算收支安排), which is its expenditure.
    "change": "expenditure_total",
    "change_basic": "basic",
    "change_project": "project",
    "fiscal_expenditure_change": "fiscal_expenditure",
    "general_public_expenditure_change": "general_public_expenditure",
    "government_fund_expenditure_change": "government_fund_expenditure",
    "state_capital_expenditure_change": "state_capital_expenditure",
    "agency_running_costs_change": "agency_running_costs",
    "three_public_change": "three_public_total",
    "travel_abroad_change": "travel_abroad",
    "vehicles_change": "vehicles",
    "vehicle_purchase_change": "vehicle_purchase",
    "vehicle_operation_change": "vehicle_operation",
    "reception_change": "reception",
}
"""For every change, the amount of this year it is a change of (``current`` in ``current − change
= last year``)."""

FACT_LABELS: Mapping[str, str] = FactLabels("budget", CHANGE_OF)
"""The Chinese label of every fact, as findings print it (from the vocabulary's
``data/facts.csv``; a change's is its amount's followed by 比上年增减)."""
