"""The stated facts of a final-accounts explanation (决算情况说明): what the text asserts.

A final-accounts explanation (部门决算情况说明) states the year's actual figures (决算数) in
standard sentences: the totals and their parts with their shares (占 X%), the changes against
last year, one execution statement per functional item ("X（类）Y（款）Z（项）" with 年初预算、
支出决算 and 完成年初预算的 N%), the basic expenditure, the "三公" expenses with their budgets and
physical quantities, 机关运行经费, government procurement, state-owned assets and the
performance evaluations. :class:`FinalStatedFacts` holds what the text states; every field is
optional (``None`` or empty: not stated).

Amounts are in 万元, kept with the precision the text printed (a :class:`~decimal.Decimal`,
never a float); percentages are :class:`~decimal.Decimal` as printed ("87.10" keeps its two
decimals, "57" none); counts are ``int``. Every statement keeps the sentence it was read from,
so that a finding can quote it.

>>> facts = FinalStatedFacts(
...     year=2024, expenditure_total="2940.05", basic="2336.91", project="603.14",
...     shares=[StatedShare("basic", "79.49")])
>>> facts.basic, facts.share("basic").percent, facts.share("basic").whole
(Decimal('2336.91'), Decimal('79.49'), 'expenditure_total')
>>> facts.stated()
('expenditure_total', 'basic', 'project', 'shares')

An execution statement (决算数 against 预算数) of one functional item:

>>> item = StatedExecution(
...     "社会保障和就业支出（类）行政事业单位离退休（款）机关事业单位职业年金缴费支出（项）",
...     path=("社会保障和就业支出", "行政事业单位离退休", "机关事业单位职业年金缴费支出"),
...     amount="257.14", budgeted="274.82", actual="245.53", rate="93.57",
...     rate_basis="年初预算", word="小于")
>>> item.actual, item.rate, item.signs
(Decimal('245.53'), Decimal('93.57'), frozenset({-1}))
>>> item.budget_for(item.rate_basis)
(Decimal('274.82'),)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal

import attrs

from govbudget.amounts import Figure, parse_amount
from govbudget.disclosure.facts import DIRECTION_WORDS, StatedChange
from govbudget.errors import AmountError
from govbudget.vocabulary import FactLabels

__all__ = [
    "COMPARISON_WORDS",
    "FINAL_AMOUNT_FACTS",
    "FINAL_CHANGE_FACTS",
    "FINAL_CHANGE_OF",
    "FINAL_COUNT_FACTS",
    "FINAL_FACT_LABELS",
    "SHARE_OF",
    "THREE_PUBLIC_KEYS",
    "FinalStatedFacts",
    "Restatement",
    "StatedClass",
    "StatedEvaluation",
    "StatedExecution",
    "StatedShare",
    "direction_signs",
]


def _amount(value: str | int | Decimal | None) -> Figure:
    return None if value is None else parse_amount(value)


def _percent(value: str | int | Decimal | None) -> Decimal | None:
    return None if value is None else parse_amount(value)


def _count(value: int | str | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise AmountError(f"{value!r} is not a count: counts are int")
    count = int(value)
    if count < 0:
        raise AmountError(f"a count cannot be negative: {value!r}")
    return count


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(str(name) for name in value)


# One converter per element type: the attrs plugin of mypy does not solve a generic one.
def _classes(value: Iterable[StatedClass]) -> tuple[StatedClass, ...]:
    return tuple(value)


def _executions(value: Iterable[StatedExecution]) -> tuple[StatedExecution, ...]:
    return tuple(value)


def _evaluations(value: Iterable[StatedEvaluation]) -> tuple[StatedEvaluation, ...]:
    return tuple(value)


def _shares(value: Iterable[StatedShare]) -> tuple[StatedShare, ...]:
    return tuple(value)


def _restatements(value: Iterable[Restatement]) -> tuple[Restatement, ...]:
    return tuple(value)


def _change(value: StatedChange | str | int | Decimal | None) -> StatedChange | None:
    if value is None or isinstance(value, StatedChange):
        return value
    return StatedChange(value)


def _pairs(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(name), str(text)) for name, text in value)


def _counted(value: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    out = []
    for name, count in value:
        checked = _count(count)
        assert checked is not None
        out.append((str(name), checked))
    return tuple(out)


COMPARISON_WORDS: Mapping[str, int] = {
    "大于": 1,
    "高于": 1,
    "超过": 1,
    "小于": -1,
    "低于": -1,
    "等于": 0,
    "持平": 0,
    "相等": 0,
    "一致": 0,
    "相同": 0,
    "相符": 0,
}
"""The words a text compares 决算数 with 预算数 by, and the sign of 决算数 − 预算数 each states.
"基本持平" and "基本一致" state equality loosely (see TXT-FINAL-DIRECTION)."""

_STRAY_DIRECTIONS = {"增": 1, "减": -1}
_COMPARATIVES = re.compile(r"([大小高低]+)于")
_COMPARATIVE_SIGNS = {"大": 1, "高": 1, "小": -1, "低": -1}


def direction_signs(word: str | None) -> frozenset[int]:
    """The signs a direction word of a change states, counting the stray 增 or 减 a half-edited
    template leaves ("减增加": both), which :attr:`StatedChange.signs` does not see.

    >>> sorted(direction_signs("减增加")), direction_signs("减少"), direction_signs("持平")
    ([-1, 1], frozenset({-1}), frozenset({0}))
    """
    rest = word or ""
    signs = set()
    for each in sorted(DIRECTION_WORDS, key=len, reverse=True):
        if each in rest:
            signs.add(DIRECTION_WORDS[each])
            rest = rest.replace(each, "")
    signs.update(sign for stray, sign in _STRAY_DIRECTIONS.items() if stray in rest)
    return frozenset(signs)


@attrs.frozen(slots=True)
class StatedExecution:
    """One execution statement: an item's 决算数 against its 预算数, as the text states it.

    ``item`` is the subject as printed ("一般公共服务（类）统计信息事务（款）统计管理（项）", or
    "“三公”经费"); ``path`` its names by level (类, 款, 项) for a functional item; ``code`` the
    functional code where the text prints one; ``key`` the fact the statement is about where
    it is not a functional item (``"general_public_expenditure"`` for the whole
    一般公共预算财政拨款支出, ``"three_public_total"``, ``"travel_abroad"``, … for the "三公"
    statement). ``amount`` is the figure printed right after the item's name ("…（项）”
    20.04 万元"), ``actual`` the one stated as 支出决算为…: both are 决算数, and a statement
    that gives two different ones contradicts itself. ``budgeted`` is 年初预算 (or plain 预算),
    ``adjusted`` 调整预算. ``rate`` is 完成…预算的 N% with ``rate_basis`` the budget it names
    ("年初预算", "调整预算" or "预算"); ``word`` is the comparison as printed ("大于", "小于",
    "等于", "基本持平", and the garbled "大小于"), with ``word_basis``; ``reason`` the reason
    given (…的主要原因：…). ``quote`` is the statement as printed, ``line`` its first line.

    >>> StatedExecution("“三公”经费", key="three_public_total", budgeted="53.93",
    ...                 actual="37.35", rate="69.26", rate_basis="预算").label
    '“三公”经费'
    >>> StatedExecution("x", word="大小于").signs == frozenset({1, -1})
    True
    """

    item: str
    path: tuple[str, ...] = attrs.field(default=(), converter=_names)
    code: str | None = None
    key: str | None = None
    amount: Figure = attrs.field(default=None, converter=_amount)
    budgeted: Figure = attrs.field(default=None, converter=_amount)
    adjusted: Figure = attrs.field(default=None, converter=_amount)
    actual: Figure = attrs.field(default=None, converter=_amount)
    rate: Decimal | None = attrs.field(default=None, converter=_percent)
    rate_basis: str | None = None
    word: str | None = None
    word_basis: str | None = None
    reason: str | None = None
    quote: str = ""
    line: int | None = None

    @property
    def label(self) -> str:
        """The subject as messages print it."""
        if self.key is not None and self.key in FINAL_FACT_LABELS:
            return FINAL_FACT_LABELS[self.key]
        return self.item

    @property
    def signs(self) -> frozenset[int]:
        """The signs of 决算数 − 预算数 the comparison word states: one for a plain word, two
        when the word contradicts itself ("大小于"), none without a word."""
        rest = (self.word or "").replace("基本", "")
        signs = {sign for each, sign in COMPARISON_WORDS.items() if each in rest}
        # A garbled word ("大小于"): every 大/小 before the 于 states its own sign.
        for run in _COMPARATIVES.findall(rest):
            signs.update(_COMPARATIVE_SIGNS[char] for char in run)
        return frozenset(signs)

    @property
    def loose(self) -> bool:
        """Whether the word states equality loosely ("基本持平", "基本一致")."""
        return "基本" in (self.word or "")

    @property
    def stated_actual(self) -> Figure:
        """The 决算数 the statement's own rate and comparison speak of: 支出决算为…, else the
        figure after the item's name."""
        return self.actual if self.actual is not None else self.amount

    @staticmethod
    def basis_name(basis: str | None) -> str:
        """The budget a basis names, as messages print it: 年初预算, 调整预算 or 预算.

        >>> StatedExecution.basis_name("调整后预算"), StatedExecution.basis_name(None)
        ('调整预算', '预算')
        """
        if basis is not None and "调整" in basis:
            return "调整预算"
        if basis is not None and "年初" in basis:
            return "年初预算"
        return "预算"

    def budget_for(self, basis: str | None) -> tuple[Decimal, ...]:
        """The stated budgets a rate or a comparison on ``basis`` may refer to: 年初预算 for
        "年初", 调整预算 for "调整", and either for a plain "预算"."""
        if basis is not None and "调整" in basis:
            chosen: tuple[Figure, ...] = (self.adjusted,)
        elif basis is not None and "年初" in basis:
            chosen = (self.budgeted,)
        else:
            chosen = (self.budgeted, self.adjusted)
        return tuple(each for each in chosen if each is not None)


@attrs.frozen(slots=True)
class StatedClass:
    """One class of the 一般公共预算财政拨款支出 structure (主要用于以下方面：…): its name as
    printed without "（类）", its amount and its share of the whole (占 X%).

    >>> StatedClass("一般公共服务支出", "2106.66", share="71.73").share
    Decimal('71.73')
    """

    name: str
    amount: Decimal = attrs.field(converter=parse_amount)
    share: Decimal | None = attrs.field(default=None, converter=_percent)
    code: str | None = None
    quote: str = ""
    line: int | None = None


@attrs.frozen(slots=True)
class StatedShare:
    """A share the text states (占 X%): of the fact ``part``, in percent of the fact ``whole``
    (by default the whole of :data:`SHARE_OF`).

    >>> StatedShare("procurement_sme", "85.90").whole
    'procurement_total'
    """

    part: str
    percent: Decimal = attrs.field(converter=parse_amount)
    whole: str = attrs.field()
    quote: str = ""

    @whole.default
    def _default_whole(self) -> str:
        return SHARE_OF.get(self.part, "")


@attrs.frozen(slots=True)
class StatedEvaluation:
    """One performance-evaluation statement (绩效目标、绩效跟踪、绩效自评、部门评价 …): the
    stage, how many projects, the money they cover, its share where stated, the average score
    and the count of each rating (优, 良, 合格, 不合格).

    >>> evaluation = StatedEvaluation("绩效自评", projects=48, amount="4974.93",
    ...                               score="99.22", ratings=[("优", 48), ("良", 0)])
    >>> evaluation.projects, evaluation.rated
    (48, 48)
    """

    stage: str
    projects: int | None = attrs.field(default=None, converter=_count)
    amount: Figure = attrs.field(default=None, converter=_amount)
    share: Decimal | None = attrs.field(default=None, converter=_percent)
    score: Decimal | None = attrs.field(default=None, converter=_percent)
    ratings: tuple[tuple[str, int], ...] = attrs.field(default=(), converter=_counted)
    quote: str = ""
    line: int | None = None

    @property
    def rated(self) -> int | None:
        """The projects counted by rating; ``None`` when no rating is stated."""
        return sum(count for _, count in self.ratings) if self.ratings else None


@attrs.frozen(slots=True)
class Restatement:
    """A fact stated again further on with another figure: ``name`` kept its first figure,
    here the text states ``value``."""

    name: str
    value: Decimal = attrs.field(converter=parse_amount)
    quote: str = ""


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
    income_expenditure_total: Figure = attrs.field(default=None, converter=_amount)
    income_expenditure_total_change: StatedChange | None = attrs.field(
        default=None, converter=_change
    )
    income_total: Figure = attrs.field(default=None, converter=_amount)
    income_total_change: StatedChange | None = attrs.field(default=None, converter=_change)
    fiscal_appropriation: Figure = attrs.field(default=None, converter=_amount)
    subsidy_from_superior: Figure = attrs.field(default=None, converter=_amount)
    service_income: Figure = attrs.field(default=None, converter=_amount)
    operating_income: Figure = attrs.field(default=None, converter=_amount)
    remittance_from_subordinates: Figure = attrs.field(default=None, converter=_amount)
    other_income: Figure = attrs.field(default=None, converter=_amount)
    non_fiscal_balance_used: Figure = attrs.field(default=None, converter=_amount)
    carry_over: Figure = attrs.field(default=None, converter=_amount)
    expenditure_total: Figure = attrs.field(default=None, converter=_amount)
    expenditure_total_change: StatedChange | None = attrs.field(default=None, converter=_change)
    basic: Figure = attrs.field(default=None, converter=_amount)
    project: Figure = attrs.field(default=None, converter=_amount)
    remittance_to_superior: Figure = attrs.field(default=None, converter=_amount)
    operating_expenditure: Figure = attrs.field(default=None, converter=_amount)
    subsidy_to_subordinates: Figure = attrs.field(default=None, converter=_amount)
    balance_distribution: Figure = attrs.field(default=None, converter=_amount)
    carry_forward: Figure = attrs.field(default=None, converter=_amount)
    fiscal_total: Figure = attrs.field(default=None, converter=_amount)
    fiscal_total_change: StatedChange | None = attrs.field(default=None, converter=_change)
    general_public_expenditure: Figure = attrs.field(default=None, converter=_amount)
    general_public_expenditure_change: StatedChange | None = attrs.field(
        default=None, converter=_change
    )
    government_fund_expenditure: Figure = attrs.field(default=None, converter=_amount)
    state_capital_expenditure: Figure = attrs.field(default=None, converter=_amount)
    general_public_classes: tuple[StatedClass, ...] = attrs.field(default=(), converter=_classes)
    general_public_execution: StatedExecution | None = None
    executions: tuple[StatedExecution, ...] = attrs.field(default=(), converter=_executions)
    general_public_basic: Figure = attrs.field(default=None, converter=_amount)
    personnel: Figure = attrs.field(default=None, converter=_amount)
    public: Figure = attrs.field(default=None, converter=_amount)
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
    three_public_executions: tuple[StatedExecution, ...] = attrs.field(
        default=(), converter=_executions
    )
    travel_groups: int | None = attrs.field(default=None, converter=_count)
    travel_people: int | None = attrs.field(default=None, converter=_count)
    vehicles_purchased: int | None = attrs.field(default=None, converter=_count)
    vehicles_held: int | None = attrs.field(default=None, converter=_count)
    reception_batches: int | None = attrs.field(default=None, converter=_count)
    reception_people: int | None = attrs.field(default=None, converter=_count)
    agency_running_costs: Figure = attrs.field(default=None, converter=_amount)
    agency_running_costs_change: StatedChange | None = attrs.field(default=None, converter=_change)
    procurement_total: Figure = attrs.field(default=None, converter=_amount)
    procurement_goods: Figure = attrs.field(default=None, converter=_amount)
    procurement_works: Figure = attrs.field(default=None, converter=_amount)
    procurement_services: Figure = attrs.field(default=None, converter=_amount)
    procurement_sme: Figure = attrs.field(default=None, converter=_amount)
    procurement_small_micro: Figure = attrs.field(default=None, converter=_amount)
    procurement_sme_reserved: Figure = attrs.field(default=None, converter=_amount)
    procurement_small_micro_reserved: Figure = attrs.field(default=None, converter=_amount)
    procurement_sme_reserved_awarded: Figure = attrs.field(default=None, converter=_amount)
    procurement_small_micro_reserved_awarded: Figure = attrs.field(default=None, converter=_amount)
    procurement_other_sme_awarded: Figure = attrs.field(default=None, converter=_amount)
    vehicles_total: int | None = attrs.field(default=None, converter=_count)
    vehicle_kinds: tuple[tuple[str, int], ...] = attrs.field(default=(), converter=_counted)
    general_equipment: int | None = attrs.field(default=None, converter=_count)
    special_equipment: int | None = attrs.field(default=None, converter=_count)
    equipment_over_million: int | None = attrs.field(default=None, converter=_count)
    evaluations: tuple[StatedEvaluation, ...] = attrs.field(default=(), converter=_evaluations)
    shares: tuple[StatedShare, ...] = attrs.field(default=(), converter=_shares)
    restatements: tuple[Restatement, ...] = attrs.field(default=(), converter=_restatements)
    quotes: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_pairs)

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


def _converted_by(*converters: object) -> tuple[str, ...]:
    return tuple(f.name for f in attrs.fields(FinalStatedFacts) if f.converter in converters)


FINAL_AMOUNT_FACTS: tuple[str, ...] = _converted_by(_amount)
"""The names of the facts that are amounts (万元)."""

FINAL_CHANGE_FACTS: tuple[str, ...] = _converted_by(_change)
"""The names of the facts that are changes against last year (:class:`StatedChange`)."""

FINAL_COUNT_FACTS: tuple[str, ...] = _converted_by(_count)
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

SHARE_OF: Mapping[str, str] = {
    **dict.fromkeys(
        (
            "fiscal_appropriation",
            "subsidy_from_superior",
            "service_income",
            "operating_income",
            "remittance_from_subordinates",
            "other_income",
        ),
        "income_total",
    ),
    **dict.fromkeys(
        (
            "basic",
            "project",
            "remittance_to_superior",
            "operating_expenditure",
            "subsidy_to_subordinates",
            "general_public_expenditure",
        ),
        "expenditure_total",
    ),
    "personnel": "general_public_basic",
    "public": "general_public_basic",
    "travel_abroad": "three_public_total",
    "vehicles": "three_public_total",
    "reception": "three_public_total",
    "vehicle_purchase": "vehicles",
    "vehicle_operation": "vehicles",
    "procurement_goods": "procurement_total",
    "procurement_works": "procurement_total",
    "procurement_services": "procurement_total",
    "procurement_sme": "procurement_total",
    "procurement_small_micro": "procurement_sme",
}
"""The whole a stated share (占 X%) of each fact is of, when the text does not name it."""

FINAL_FACT_LABELS: Mapping[str, str] = FactLabels("final", FINAL_CHANGE_OF)
"""The Chinese label of every amount, count and change, as findings print it (from the
vocabulary's ``data/facts.csv``)."""
