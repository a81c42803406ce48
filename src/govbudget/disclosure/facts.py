"""The stated facts of an explanation: the figures the text asserts, as typed fields, one class
per family — :class:`StatedFacts` for a budget's 情况说明, :class:`FinalStatedFacts` for a final
accounts' 决算情况说明.

Every fact is optional: ``None`` (or empty) means the text did not state it. Amounts are in 万元
with the precision the text printed ("0.00万元" is ``Decimal("0.00")``); a text that states 元 is
converted exactly, so its precision moves with it. ``quotes`` keeps, for any fact, the
sentence it was read from, so a finding can show the officer where the text says it. The
statements the facts are made of are :mod:`govbudget.disclosure.statements`'.

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

A final-accounts explanation states the year's actual figures (决算数) in standard sentences: the
totals and their parts with their shares (占 X%), the changes against last year, one execution
statement per functional item, the basic expenditure, the "三公" expenses with their budgets and
physical quantities, 机关运行经费, government procurement, state-owned assets and the
performance evaluations:

>>> facts = FinalStatedFacts(
...     year=2024, expenditure_total="2940.05", basic="2336.91", project="603.14",
...     shares=[StatedShare("basic", "79.49")])
>>> facts.basic, facts.share("basic").percent, facts.share("basic").whole
(Decimal('2336.91'), Decimal('79.49'), 'expenditure_total')
>>> facts.stated()
('expenditure_total', 'basic', 'project', 'shares')
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal

import attrs

from govbudget.amounts import Figure
from govbudget.disclosure.statements import (
    Restatement,
    StatedChange,
    StatedClass,
    StatedEvaluation,
    StatedExecution,
    StatedShare,
    to_amount,
    to_classes,
    to_count,
    to_counted,
    to_evaluations,
    to_executions,
    to_pairs,
    to_restatements,
    to_shares,
)
from govbudget.vocabulary import FactLabels

__all__ = [
    "AMOUNT_FACTS",
    "CHANGE_FACTS",
    "CHANGE_OF",
    "FACT_LABELS",
    "FINAL_AMOUNT_FACTS",
    "FINAL_CHANGE_FACTS",
    "FINAL_CHANGE_OF",
    "FINAL_COUNT_FACTS",
    "FINAL_FACT_LABELS",
    "THREE_PUBLIC_KEYS",
    "FinalStatedFacts",
    "StatedFacts",
]


def _change(value: StatedChange | str | int | Decimal | None) -> StatedChange | None:
    if value is None or isinstance(value, StatedChange):
        return value
    return StatedChange(value)


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
    income_total: Figure = attrs.field(default=None, converter=to_amount)
    income_change: StatedChange | None = attrs.field(default=None, converter=_change)
    fiscal_appropriation: Figure = attrs.field(default=None, converter=to_amount)
    fiscal_appropriation_change: StatedChange | None = attrs.field(default=None, converter=_change)
    general_public_budget: Figure = attrs.field(default=None, converter=to_amount)
    government_fund: Figure = attrs.field(default=None, converter=to_amount)
    state_capital: Figure = attrs.field(default=None, converter=to_amount)
    special_account: Figure = attrs.field(default=None, converter=to_amount)
    unit_funds: Figure = attrs.field(default=None, converter=to_amount)
    service_income: Figure = attrs.field(default=None, converter=to_amount)
    operating_income: Figure = attrs.field(default=None, converter=to_amount)
    subsidy_from_superior: Figure = attrs.field(default=None, converter=to_amount)
    remittance_from_subordinates: Figure = attrs.field(default=None, converter=to_amount)
    other_income: Figure = attrs.field(default=None, converter=to_amount)
    carry_over: Figure = attrs.field(default=None, converter=to_amount)
    expenditure_total: Figure = attrs.field(default=None, converter=to_amount)
    expenditure_change: StatedChange | None = attrs.field(default=None, converter=_change)
    basic: Figure = attrs.field(default=None, converter=to_amount)
    personnel: Figure = attrs.field(default=None, converter=to_amount)
    public: Figure = attrs.field(default=None, converter=to_amount)
    project: Figure = attrs.field(default=None, converter=to_amount)
    change: StatedChange | None = attrs.field(default=None, converter=_change)
    change_basic: StatedChange | None = attrs.field(default=None, converter=_change)
    change_project: StatedChange | None = attrs.field(default=None, converter=_change)
    fiscal_expenditure: Figure = attrs.field(default=None, converter=to_amount)
    fiscal_expenditure_change: StatedChange | None = attrs.field(default=None, converter=_change)
    general_public_expenditure: Figure = attrs.field(default=None, converter=to_amount)
    general_public_expenditure_change: StatedChange | None = attrs.field(
        default=None, converter=_change
    )
    government_fund_expenditure: Figure = attrs.field(default=None, converter=to_amount)
    government_fund_expenditure_change: StatedChange | None = attrs.field(
        default=None, converter=_change
    )
    state_capital_expenditure: Figure = attrs.field(default=None, converter=to_amount)
    state_capital_expenditure_change: StatedChange | None = attrs.field(
        default=None, converter=_change
    )
    agency_running_costs: Figure = attrs.field(default=None, converter=to_amount)
    agency_running_costs_change: StatedChange | None = attrs.field(default=None, converter=_change)
    three_public_total: Figure = attrs.field(default=None, converter=to_amount)
    travel_abroad: Figure = attrs.field(default=None, converter=to_amount)
    vehicles: Figure = attrs.field(default=None, converter=to_amount)
    vehicle_purchase: Figure = attrs.field(default=None, converter=to_amount)
    vehicle_operation: Figure = attrs.field(default=None, converter=to_amount)
    reception: Figure = attrs.field(default=None, converter=to_amount)
    three_public_change: StatedChange | None = attrs.field(default=None, converter=_change)
    travel_abroad_change: StatedChange | None = attrs.field(default=None, converter=_change)
    vehicles_change: StatedChange | None = attrs.field(default=None, converter=_change)
    vehicle_purchase_change: StatedChange | None = attrs.field(default=None, converter=_change)
    vehicle_operation_change: StatedChange | None = attrs.field(default=None, converter=_change)
    reception_change: StatedChange | None = attrs.field(default=None, converter=_change)
    procurement_total: Figure = attrs.field(default=None, converter=to_amount)
    procurement_goods: Figure = attrs.field(default=None, converter=to_amount)
    procurement_works: Figure = attrs.field(default=None, converter=to_amount)
    procurement_services: Figure = attrs.field(default=None, converter=to_amount)
    procurement_sme: Figure = attrs.field(default=None, converter=to_amount)
    procurement_small_micro: Figure = attrs.field(default=None, converter=to_amount)
    fixed_assets_value: Figure = attrs.field(default=None, converter=to_amount)
    planned_asset_purchases: Figure = attrs.field(default=None, converter=to_amount)
    quotes: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=to_pairs)

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


def _converted_by(facts: type, *converters: object) -> tuple[str, ...]:
    """The fields of a facts class made by one of ``converters``: its amounts, its changes …"""
    return tuple(f.name for f in attrs.fields(facts) if f.converter in converters)


AMOUNT_FACTS: tuple[str, ...] = _converted_by(StatedFacts, to_amount)
"""The names of the facts that are amounts (the others are changes, the year and quotes)."""


CHANGE_FACTS: tuple[str, ...] = _converted_by(StatedFacts, _change)
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


@attrs.frozen(slots=True)
class FinalStatedFacts:
    """The figures a final-accounts explanation (决算情况说明) states, each optional.

    Totals (收入支出决算总体情况): ``income_expenditure_total`` (收入支出总计) and its parts
    ``income_total`` (本年收入合计), ``non_fiscal_balance_used``, ``carry_over`` (年初结转和结余)
    and ``expenditure_total`` (本年支出合计), ``balance_distribution``, ``carry_forward``.
    Income by source: ``fiscal_appropriation``, ``subsidy_from_superior``, ``service_income``,
    ``operating_income``, ``remittance_from_subordinates``, ``other_income``. Expenditure:
    ``basic``, ``project``, ``remittance_to_superior``, ``operating_expenditure``,
    ``subsidy_to_subordinates``. ``fiscal_total`` (财政拨款收入支出总计);
    ``general_public_expenditure`` (一般公共预算财政拨款支出) with its ``general_public_classes``,
    its ``general_public_execution`` (年初预算 / 决算 / 完成率 of the whole) and the
    ``executions`` of its items. ``general_public_basic`` (一般公共预算财政拨款基本支出) with
    ``personnel`` and ``public``. The "三公" actuals ``three_public_total``, ``travel_abroad``,
    ``vehicles``, ``vehicle_purchase``, ``vehicle_operation``, ``reception``, their
    ``three_public_executions`` (预算数 / 决算数 / 完成率, keyed by those names) and physical
    quantities (团组数, 人次, 购置数, 保有量, 接待批次, 人次). ``agency_running_costs``.
    Procurement actuals: the total, goods, works, services, the contracts awarded to small and
    medium enterprises (``procurement_sme``, 授予中小企业合同金额) and to small and micro ones,
    and the Shanghai form's reserved amounts and awards. Assets: ``vehicles_total`` with
    ``vehicle_kinds``, equipment counts. ``evaluations``.

    ``<fact>_change`` are the changes against last year (:data:`FINAL_CHANGE_OF`); ``shares``
    the stated 占 X%; ``restatements`` the facts stated again with another figure; ``quotes``
    the sentence each fact was read from.
    """

    year: int | None = None
    income_expenditure_total: Figure = attrs.field(default=None, converter=to_amount)
    income_expenditure_total_change: StatedChange | None = attrs.field(
        default=None, converter=_change
    )
    income_total: Figure = attrs.field(default=None, converter=to_amount)
    income_total_change: StatedChange | None = attrs.field(default=None, converter=_change)
    fiscal_appropriation: Figure = attrs.field(default=None, converter=to_amount)
    subsidy_from_superior: Figure = attrs.field(default=None, converter=to_amount)
    service_income: Figure = attrs.field(default=None, converter=to_amount)
    operating_income: Figure = attrs.field(default=None, converter=to_amount)
    remittance_from_subordinates: Figure = attrs.field(default=None, converter=to_amount)
    other_income: Figure = attrs.field(default=None, converter=to_amount)
    non_fiscal_balance_used: Figure = attrs.field(default=None, converter=to_amount)
    carry_over: Figure = attrs.field(default=None, converter=to_amount)
    expenditure_total: Figure = attrs.field(default=None, converter=to_amount)
    expenditure_total_change: StatedChange | None = attrs.field(default=None, converter=_change)
    basic: Figure = attrs.field(default=None, converter=to_amount)
    project: Figure = attrs.field(default=None, converter=to_amount)
    remittance_to_superior: Figure = attrs.field(default=None, converter=to_amount)
    operating_expenditure: Figure = attrs.field(default=None, converter=to_amount)
    subsidy_to_subordinates: Figure = attrs.field(default=None, converter=to_amount)
    balance_distribution: Figure = attrs.field(default=None, converter=to_amount)
    carry_forward: Figure = attrs.field(default=None, converter=to_amount)
    fiscal_total: Figure = attrs.field(default=None, converter=to_amount)
    fiscal_total_change: StatedChange | None = attrs.field(default=None, converter=_change)
    general_public_expenditure: Figure = attrs.field(default=None, converter=to_amount)
    general_public_expenditure_change: StatedChange | None = attrs.field(
        default=None, converter=_change
    )
    government_fund_expenditure: Figure = attrs.field(default=None, converter=to_amount)
    state_capital_expenditure: Figure = attrs.field(default=None, converter=to_amount)
    general_public_classes: tuple[StatedClass, ...] = attrs.field(default=(), converter=to_classes)
    general_public_execution: StatedExecution | None = None
    executions: tuple[StatedExecution, ...] = attrs.field(default=(), converter=to_executions)
    general_public_basic: Figure = attrs.field(default=None, converter=to_amount)
    personnel: Figure = attrs.field(default=None, converter=to_amount)
    public: Figure = attrs.field(default=None, converter=to_amount)
    three_public_total: Figure = attrs.field(default=None, converter=to_amount)
    travel_abroad: Figure = attrs.field(default=None, converter=to_amount)
    vehicles: Figure = attrs.field(default=None, converter=to_amount)
    vehicle_purchase: Figure = attrs.field(default=None, converter=to_amount)
    vehicle_operation: Figure = attrs.field(default=None, converter=to_amount)
    reception: Figure = attrs.field(default=None, converter=to_amount)
    three_public_change: StatedChange | None = attrs.field(default=None, converter=_change)
    travel_abroad_change: StatedChange | None = attrs.field(default=None, converter=_change)
    vehicles_change: StatedChange | None = attrs.field(default=None, converter=_change)
    vehicle_purchase_change: StatedChange | None = attrs.field(default=None, converter=_change)
    vehicle_operation_change: StatedChange | None = attrs.field(default=None, converter=_change)
    reception_change: StatedChange | None = attrs.field(default=None, converter=_change)
    three_public_executions: tuple[StatedExecution, ...] = attrs.field(
        default=(), converter=to_executions
    )
    travel_groups: int | None = attrs.field(default=None, converter=to_count)
    travel_people: int | None = attrs.field(default=None, converter=to_count)
    vehicles_purchased: int | None = attrs.field(default=None, converter=to_count)
    vehicles_held: int | None = attrs.field(default=None, converter=to_count)
    reception_batches: int | None = attrs.field(default=None, converter=to_count)
    reception_people: int | None = attrs.field(default=None, converter=to_count)
    agency_running_costs: Figure = attrs.field(default=None, converter=to_amount)
    agency_running_costs_change: StatedChange | None = attrs.field(default=None, converter=_change)
    procurement_total: Figure = attrs.field(default=None, converter=to_amount)
    procurement_goods: Figure = attrs.field(default=None, converter=to_amount)
    procurement_works: Figure = attrs.field(default=None, converter=to_amount)
    procurement_services: Figure = attrs.field(default=None, converter=to_amount)
    procurement_sme: Figure = attrs.field(default=None, converter=to_amount)
    procurement_small_micro: Figure = attrs.field(default=None, converter=to_amount)
    procurement_sme_reserved: Figure = attrs.field(default=None, converter=to_amount)
    procurement_small_micro_reserved: Figure = attrs.field(default=None, converter=to_amount)
    procurement_sme_reserved_awarded: Figure = attrs.field(default=None, converter=to_amount)
    procurement_small_micro_reserved_awarded: Figure = attrs.field(
        default=None, converter=to_amount
    )
    procurement_other_sme_awarded: Figure = attrs.field(default=None, converter=to_amount)
    vehicles_total: int | None = attrs.field(default=None, converter=to_count)
    vehicle_kinds: tuple[tuple[str, int], ...] = attrs.field(default=(), converter=to_counted)
    general_equipment: int | None = attrs.field(default=None, converter=to_count)
    special_equipment: int | None = attrs.field(default=None, converter=to_count)
    equipment_over_million: int | None = attrs.field(default=None, converter=to_count)
    evaluations: tuple[StatedEvaluation, ...] = attrs.field(default=(), converter=to_evaluations)
    shares: tuple[StatedShare, ...] = attrs.field(default=(), converter=to_shares)
    restatements: tuple[Restatement, ...] = attrs.field(default=(), converter=to_restatements)
    quotes: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=to_pairs)

    def stated(self) -> tuple[str, ...]:
        """The names of the fields the text stated, in declaration order."""
        return tuple(
            field.name
            for field in attrs.fields(FinalStatedFacts)
            if field.name not in ("year", "quotes") and getattr(self, field.name) not in (None, ())
        )

    def quote(self, name: str) -> str | None:
        """The sentence a fact was read from, when the reader kept it."""
        for fact, text in self.quotes:
            if fact == name:
                return text
        return None

    def share(self, part: str) -> StatedShare | None:
        """The share stated of a fact (占 X%), if any."""
        for share in self.shares:
            if share.part == part:
                return share
        return None

    def all_executions(self) -> Iterator[StatedExecution]:
        """Every execution statement: the whole 一般公共预算财政拨款支出's, each item's, the
        "三公" statement's."""
        if self.general_public_execution is not None:
            yield self.general_public_execution
        yield from self.executions
        yield from self.three_public_executions

    def execution(self, key: str) -> StatedExecution | None:
        """The execution statement about a fact: ``"general_public_expenditure"`` or one of
        the "三公" names."""
        if key == "general_public_expenditure":
            return self.general_public_execution
        for each in self.three_public_executions:
            if each.key == key:
                return each
        return None

    def figure(self, name: str) -> Figure:
        """The 决算数 the text states of a fact: the amount, else the 决算数 of its execution
        statement ("三公"经费…支出决算为 37.35 万元 states the "三公" total).

        >>> FinalStatedFacts(three_public_executions=[StatedExecution(
        ...     "“三公”经费", key="three_public_total", actual="37.35")]).figure(
        ...     "three_public_total")
        Decimal('37.35')
        """
        value = getattr(self, name, None)
        if isinstance(value, Decimal):
            return value
        execution = self.execution(name)
        return None if execution is None else execution.stated_actual


FINAL_AMOUNT_FACTS: tuple[str, ...] = _converted_by(FinalStatedFacts, to_amount)
"""The names of the facts that are amounts (万元)."""


FINAL_CHANGE_FACTS: tuple[str, ...] = _converted_by(FinalStatedFacts, _change)
"""The names of the facts that are changes against last year (:class:`StatedChange`)."""


FINAL_COUNT_FACTS: tuple[str, ...] = _converted_by(FinalStatedFacts, to_count)
"""The names of the facts that are counts (团组数, 车辆数, …)."""


FINAL_CHANGE_OF: Mapping[str, str] = {
    "income_expenditure_total_change": "income_expenditure_total",
    "income_total_change": "income_total",
    "expenditure_total_change": "expenditure_total",
    "fiscal_total_change": "fiscal_total",
    "general_public_expenditure_change": "general_public_expenditure",
    "three_public_change": "three_public_total",
    "travel_abroad_change": "travel_abroad",
    "vehicles_change": "vehicles",
    "vehicle_purchase_change": "vehicle_purchase",
    "vehicle_operation_change": "vehicle_operation",
    "reception_change": "reception",
    "agency_running_costs_change": "agency_running_costs",
}
"""For every change, the amount of this year it is a change of."""


THREE_PUBLIC_KEYS: tuple[str, ...] = (
    "three_public_total",
    "travel_abroad",
    "vehicles",
    "vehicle_purchase",
    "vehicle_operation",
    "reception",
)
"""The keys of the "三公" execution statements: the total and its items."""


FINAL_FACT_LABELS: Mapping[str, str] = FactLabels("final", FINAL_CHANGE_OF)
"""The Chinese label of every amount, count and change, as findings print it (from the
vocabulary's ``data/facts.csv``)."""
