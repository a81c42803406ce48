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
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from govbudget.amounts import Figure, parse_amount
from govbudget.errors import AmountError

__all__ = ["AMOUNT_FACTS", "StatedChange", "StatedFacts"]


def _amount(value: str | int | Decimal | None) -> Figure:
    return None if value is None else parse_amount(value)


def _change(value: StatedChange | str | int | Decimal | None) -> StatedChange | None:
    if value is None or isinstance(value, StatedChange):
        return value
    return StatedChange(value)


def _quotes(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(name), str(text)) for name, text in value)


@attrs.frozen(slots=True)
class StatedChange:
    """A change against last year as the text states it: a signed amount (万元), maybe a
    percentage, maybe the reason given.

    "减少8.80万元" is ``StatedChange("-8.80")``; "持平" is ``StatedChange("0")``.

    >>> StatedChange("-49", percent="-38.28", reason="项目支出减少").amount
    Decimal('-49')
    """

    amount: Decimal = attrs.field(converter=parse_amount)
    percent: Decimal | None = attrs.field(default=None, converter=_amount)
    reason: str | None = None

    @amount.validator
    def _present(self, _attribute: object, value: Decimal | None) -> None:
        if value is None:
            raise AmountError("a stated change needs an amount (持平 is 0)")


@attrs.frozen(slots=True)
class StatedFacts:
    """The figures the explanation (情况说明) states, each optional.

    Income (收入说明): ``income_total`` (预算收入, all sources and carry-over) and its sources.
    Expenditure (支出说明): ``expenditure_total``, ``basic`` with ``personnel`` (人员经费) and
    ``public`` (公用经费), ``project``. Change against last year (比上年增减): ``change`` with
    ``change_basic`` and ``change_project``. ``agency_running_costs`` (机关运行经费). The
    "三公" statement: its total, the items, and the changes with their reasons. Procurement
    total, fixed-asset value at the end of last year and planned purchases.
    """

    year: int | None = None
    income_total: Figure = attrs.field(default=None, converter=_amount)
    general_public_budget: Figure = attrs.field(default=None, converter=_amount)
    government_fund: Figure = attrs.field(default=None, converter=_amount)
    state_capital: Figure = attrs.field(default=None, converter=_amount)
    special_account: Figure = attrs.field(default=None, converter=_amount)
    unit_funds: Figure = attrs.field(default=None, converter=_amount)
    carry_over: Figure = attrs.field(default=None, converter=_amount)
    expenditure_total: Figure = attrs.field(default=None, converter=_amount)
    basic: Figure = attrs.field(default=None, converter=_amount)
    personnel: Figure = attrs.field(default=None, converter=_amount)
    public: Figure = attrs.field(default=None, converter=_amount)
    project: Figure = attrs.field(default=None, converter=_amount)
    change: StatedChange | None = attrs.field(default=None, converter=_change)
    change_basic: StatedChange | None = attrs.field(default=None, converter=_change)
    change_project: StatedChange | None = attrs.field(default=None, converter=_change)
    agency_running_costs: Figure = attrs.field(default=None, converter=_amount)
    three_public_total: Figure = attrs.field(default=None, converter=_amount)
    travel_abroad: Figure = attrs.field(default=None, converter=_amount)
    vehicles: Figure = attrs.field(default=None, converter=_amount)
    vehicle_purchase: Figure = attrs.field(default=None, converter=_amount)
    vehicle_operation: Figure = attrs.field(default=None, converter=_amount)
    reception: Figure = attrs.field(default=None, converter=_amount)
    three_public_change: StatedChange | None = attrs.field(default=None, converter=_change)
    travel_abroad_change: StatedChange | None = attrs.field(default=None, converter=_change)
    vehicles_change: StatedChange | None = attrs.field(default=None, converter=_change)
    reception_change: StatedChange | None = attrs.field(default=None, converter=_change)
    procurement_total: Figure = attrs.field(default=None, converter=_amount)
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


AMOUNT_FACTS: tuple[str, ...] = tuple(
    field.name
    for field in attrs.fields(StatedFacts)
    if field.name not in ("year", "quotes") and not field.name.endswith("change")
)
"""The names of the facts that are amounts (the others are changes, the year and quotes)."""
