"""Line items and the ledger: a department's budget as the budget system holds it, in 元.

A :class:`LineItem` is one amount of the budget system: where it is spent (functional 项, 7
digits), on what (economic 款, 5 digits), from which money (fund source), as which kind of
expenditure, by which budget unit — exact, in 元 to the 分. A :class:`Ledger` is a department's
items for one year, with its units and the goals of its projects. Every table of the disclosure
is derived from it (:func:`govbudget.ledger.derive`).

>>> office = BudgetUnit("某局本级", "行政")
>>> salary = LineItem("2013701", "30101", "694912.34", ExpenditureKind.BASIC,
...                   unit="某局本级", basic_kind=BasicKind.PERSONNEL)
>>> salary.fund, salary.appropriation, salary.amount
(<FundSource.GENERAL_PUBLIC: '一般公共预算拨款'>, <Appropriation.GENERAL_PUBLIC: '一般公共预算拨款'>, Decimal('694912.34'))
>>> ledger = Ledger("某局", 2025, units=[office], items=[salary])
>>> ledger.total
Decimal('694912.34')

Construction checks form: codes of the right shape, kinds that fit together, amounts in 元 with
at most two decimals and never a float. The error names the item and the field:

>>> LineItem("2013701", "30101", "100.00", ExpenditureKind.PROJECT, unit="某局本级",
...          basic_kind=BasicKind.PERSONNEL)
Traceback (most recent call last):
...
govbudget.ledger.items.LineItemError: line item 2013701/30101 一般公共预算拨款 项目支出 100.00元 (某局本级), field basic_kind: 人员经费 is a part of 基本支出 only, not of 项目支出
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Iterable, Mapping
from decimal import Context, Decimal
from typing import TypeVar

import attrs

from govbudget.amounts import decimal_places, exact_sum, format_amount, parse_amount
from govbudget.classification import (
    Catalogue,
    Scheme,
    economic_classification,
    functional_classification,
)
from govbudget.disclosure import BudgetUnit
from govbudget.errors import AmountError, GovBudgetError, UnknownEditionError
from govbudget.performance import ProjectPerformanceGoal
from govbudget.tables import ThreePublicExpensesTable

__all__ = [
    "Appropriation",
    "BasicKind",
    "ExpenditureKind",
    "FundSource",
    "Ledger",
    "LedgerError",
    "LineItem",
    "LineItemError",
    "ThreePublicItem",
    "UnitFundKind",
]


class LedgerError(GovBudgetError, ValueError):
    """A ledger the model refuses to hold: an unknown unit, a goal of no project, two years."""


class LineItemError(LedgerError):
    """A line item of the wrong form. ``field`` names the attribute at fault; ``index`` is the
    item's place in its ledger when the ledger found the fault."""

    def __init__(self, message: str, field: str, index: int | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.index = index


class Appropriation(enum.Enum):
    """The three fiscal appropriations (财政拨款), each with its own expenditure table."""

    GENERAL_PUBLIC = "一般公共预算拨款"
    GOVERNMENT_FUND = "政府性基金预算拨款"
    STATE_CAPITAL = "国有资本经营预算拨款"

    @property
    def key(self) -> str:
        """Its column in the appropriation summary and the "三公" table: ``general_public`` …"""
        return self.name.lower()

    @property
    def income_row(self) -> str:
        """Its income row in the summaries: ``general_public_budget``, ``government_fund`` …"""
        return "general_public_budget" if self is Appropriation.GENERAL_PUBLIC else self.key


class FundSource(enum.Enum):
    """Where an item's money comes from (资金来源)."""

    GENERAL_PUBLIC = "一般公共预算拨款"
    GOVERNMENT_FUND = "政府性基金预算拨款"
    STATE_CAPITAL = "国有资本经营预算拨款"
    SPECIAL_ACCOUNT = "财政专户管理资金"
    UNIT_FUNDS = "单位资金"
    CARRY_OVER = "上年结转"

    @property
    def appropriation(self) -> Appropriation | None:
        """The fiscal appropriation this source is, or ``None`` for the other sources.

        >>> FundSource.GOVERNMENT_FUND.appropriation, FundSource.UNIT_FUNDS.appropriation
        (<Appropriation.GOVERNMENT_FUND: '政府性基金预算拨款'>, None)
        """
        return _APPROPRIATIONS.get(self)


_APPROPRIATIONS = {
    FundSource.GENERAL_PUBLIC: Appropriation.GENERAL_PUBLIC,
    FundSource.GOVERNMENT_FUND: Appropriation.GOVERNMENT_FUND,
    FundSource.STATE_CAPITAL: Appropriation.STATE_CAPITAL,
}


class UnitFundKind(enum.Enum):
    """The kinds of a unit's own funds (单位资金)."""

    SERVICE_INCOME = "事业收入"
    OPERATING_INCOME = "经营收入"
    SUBSIDY_FROM_SUPERIOR = "上级补助收入"
    REMITTANCE_FROM_SUBORDINATES = "附属单位上缴收入"
    OTHER_INCOME = "其他收入"

    @property
    def key(self) -> str:
        """Its row in the summary and its column in the income table: ``service_income`` …"""
        return self.name.lower()


class ExpenditureKind(enum.Enum):
    """The kind of an expenditure: the columns of the 支出总表."""

    BASIC = "基本支出"
    PROJECT = "项目支出"
    OPERATING = "经营支出"
    REMITTANCE_TO_SUPERIOR = "上解上级支出"
    SUBSIDY_TO_SUBORDINATES = "对附属单位补助支出"

    @property
    def key(self) -> str:
        """Its column in the expenditure tables: ``basic``, ``project`` …"""
        return self.name.lower()


class BasicKind(enum.Enum):
    """The two parts of basic expenditure."""

    PERSONNEL = "人员经费"
    PUBLIC = "公用经费"

    @property
    def key(self) -> str:
        """Its column in the basic expenditure table: ``personnel`` or ``public``."""
        return self.name.lower()


class ThreePublicItem(enum.Enum):
    """The "三公" items an expenditure may be (the rows of table 9 that are not sums)."""

    TRAVEL_ABROAD = "因公出国（境）费"
    VEHICLE_PURCHASE = "公务用车购置费"
    VEHICLE_OPERATION = "公务用车运行维护费"
    RECEPTION = "公务接待费"

    @property
    def key(self) -> str:
        """Its row in the "三公" table: ``travel_abroad`` …"""
        return self.name.lower()

    @property
    def rows(self) -> tuple[str, ...]:
        """The rows of the "三公" table its money adds to: the 合计, the subtotals above it, its
        own (by the table's formulas).

        >>> ThreePublicItem.VEHICLE_PURCHASE.rows
        ('total', 'vehicles', 'vehicle_purchase')
        """
        formulas = {f.total: f.parts for f in ThreePublicExpensesTable.SPEC.blocks[0].row_formulas}

        def path(key: str) -> tuple[str, ...]:
            above = next((total for total, parts in formulas.items() if key in parts), None)
            return (key,) if above is None else (*path(above), key)

        return path(self.key)


E = TypeVar("E", bound=enum.Enum)

_FUNCTIONAL = re.compile(r"2\d{6}")
_ECONOMIC = re.compile(r"3\d{4}")
_SUBJECT = re.compile(r"2(?:\d{2}|\d{4}|\d{6})|3(?:\d{2}|\d{4})")
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s")
_CENT = Decimal("0.01")
_WIDE = Context(prec=80)  # quantizing the largest figures parse_amount accepts stays exact
# Tables 5, 7 and 8 split each appropriation's expenditure into 基本支出 and 项目支出 only.
_FISCAL_KINDS = (ExpenditureKind.BASIC, ExpenditureKind.PROJECT)


def _member(kind: type[E], value: E | str, field: str) -> E:
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except (ValueError, TypeError):
        values = "、".join(str(member.value) for member in kind)
        raise LineItemError(
            f"line item field {field}: {value!r} is not one of {values}", field
        ) from None


def _code(value: str, pattern: re.Pattern[str], what: str, field: str) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise LineItemError(f"line item field {field}: {value!r} is not {what}", field)
    return value


def _functional(value: str) -> str:
    return _code(value, _FUNCTIONAL, "a functional 项 code (7 digits, 2xxxxxx)", "functional")


def _economic(value: str) -> str:
    return _code(value, _ECONOMIC, "a department economic 款 code (5 digits, 3xxxx)", "economic")


def _amount(value: str | int | Decimal) -> Decimal:
    try:
        amount = parse_amount(value)
    except AmountError as error:
        raise LineItemError(f"line item field amount: {error}", "amount") from error
    if amount is None:
        raise LineItemError(
            f"line item field amount: {value!r} is blank; give 0 for nothing", "amount"
        )
    places = decimal_places(amount)
    if places is not None and places > 2:
        raise LineItemError(
            f"line item field amount: {value!r} has {places} decimals; an amount in 元 has at "
            "most two (分)",
            "amount",
        )
    if amount < 0:
        raise LineItemError(
            f"line item field amount: {value!r} is negative; a budget line item is never below 0",
            "amount",
        )
    # Every item holds 分, so that equal amounts are equal Decimals and sums print alike.
    return amount.quantize(_CENT, context=_WIDE)


def _kind(value: ExpenditureKind | str) -> ExpenditureKind:
    return _member(ExpenditureKind, value, "kind")


def _fund(value: FundSource | str) -> FundSource:
    return _member(FundSource, value, "fund")


def _basic_kind(value: BasicKind | str | None) -> BasicKind | None:
    return None if value is None else _member(BasicKind, value, "basic_kind")


def _unit_fund_kind(value: UnitFundKind | str | None) -> UnitFundKind | None:
    return None if value is None else _member(UnitFundKind, value, "unit_fund_kind")


def _carry_over_of(value: Appropriation | str | None) -> Appropriation | None:
    return None if value is None else _member(Appropriation, value, "carry_over_of")


def _three_public(value: ThreePublicItem | str | None) -> ThreePublicItem | None:
    return None if value is None else _member(ThreePublicItem, value, "three_public")


def _unit(value: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise LineItemError(f"line item field unit: {value!r} is not a unit's name", "unit")
    return value.strip()


def _project(value: str | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or _SPACE.search(value.strip()):
        raise LineItemError(
            f"line item field project: {value!r} is not a project code (no spaces)", "project"
        )
    return value.strip()


@attrs.frozen(slots=True)
class LineItem:
    """One amount of the budget system, in 元 to the 分.

    - ``functional``: the functional 项 (7 digits, 支出功能分类); ``economic``: the department
      economic 款 (5 digits, 部门预算支出经济分类);
    - ``amount``: exact 元 (str, int or Decimal; at most two decimals; never negative, never a
      float);
    - ``kind``: 基本支出 with ``basic_kind`` (人员经费 or 公用经费), 项目支出 with ``project`` (the
      project code), 经营支出, 上解上级支出 or 对附属单位补助支出;
    - ``unit``: the name of the budget unit that spends it (one of its ledger's units);
    - ``fund``: the source, 一般公共预算拨款 unless said otherwise; 单位资金 with its
      ``unit_fund_kind``; 上年结转 with ``carry_over_of``, the appropriation whose carried-over
      money it is (``None``: money that was no appropriation, such as unit funds);
    - ``three_public``: the "三公" item the expenditure is, if any. Table 9 shows the fiscal
      appropriations' "三公" expenses only, so an item of other money is tagged but not shown.

    Closed sets are enums with Chinese values; the values themselves are accepted too:

    >>> item = LineItem("2013702", "30227", "680000", "项目支出", unit="本级",
    ...                 project="13020525P00916610002P", fund="上年结转", carry_over_of="一般公共预算拨款")
    >>> item.kind, item.appropriation, item.amount
    (<ExpenditureKind.PROJECT: '项目支出'>, <Appropriation.GENERAL_PUBLIC: '一般公共预算拨款'>, Decimal('680000.00'))
    >>> LineItem("2013701", "30101", 12.5, "基本支出", unit="本级", basic_kind="人员经费")
    Traceback (most recent call last):
    ...
    govbudget.ledger.items.LineItemError: line item field amount: 12.5 is a float: money is read from str, int or Decimal, never from a float
    """

    functional: str = attrs.field(converter=_functional)
    economic: str = attrs.field(converter=_economic)
    amount: Decimal = attrs.field(converter=_amount)
    kind: ExpenditureKind = attrs.field(converter=_kind)
    unit: str = attrs.field(kw_only=True, converter=_unit)
    fund: FundSource = attrs.field(default=FundSource.GENERAL_PUBLIC, kw_only=True, converter=_fund)
    basic_kind: BasicKind | None = attrs.field(default=None, kw_only=True, converter=_basic_kind)
    project: str | None = attrs.field(default=None, kw_only=True, converter=_project)
    unit_fund_kind: UnitFundKind | None = attrs.field(
        default=None, kw_only=True, converter=_unit_fund_kind
    )
    carry_over_of: Appropriation | None = attrs.field(
        default=None, kw_only=True, converter=_carry_over_of
    )
    three_public: ThreePublicItem | None = attrs.field(
        default=None, kw_only=True, converter=_three_public
    )

    def __attrs_post_init__(self) -> None:
        basic = self.kind is ExpenditureKind.BASIC
        if basic and self.basic_kind is None:
            self._refuse("basic_kind", "基本支出 is either 人员经费 or 公用经费: say which")
        if not basic and self.basic_kind is not None:
            self._refuse(
                "basic_kind",
                f"{self.basic_kind.value} is a part of 基本支出 only, not of {self.kind.value}",
            )
        project = self.kind is ExpenditureKind.PROJECT
        if project and self.project is None:
            self._refuse("project", "项目支出 belongs to a project: give its project code")
        if not project and self.project is not None:
            self._refuse("project", f"a project code belongs to 项目支出, not to {self.kind.value}")
        own_funds = self.fund is FundSource.UNIT_FUNDS
        if own_funds and self.unit_fund_kind is None:
            self._refuse(
                "unit_fund_kind",
                "单位资金 is 事业收入, 经营收入, 上级补助收入, 附属单位上缴收入 or 其他收入: say which",
            )
        if not own_funds and self.unit_fund_kind is not None:
            self._refuse(
                "unit_fund_kind",
                f"{self.unit_fund_kind.value} is a kind of 单位资金, not of {self.fund.value}",
            )
        if self.carry_over_of is not None and self.fund is not FundSource.CARRY_OVER:
            self._refuse(
                "carry_over_of", f"only 上年结转 money is carried over, not {self.fund.value}"
            )
        if self.appropriation is not None and self.kind not in _FISCAL_KINDS:
            self._refuse(
                "kind",
                f"{self.appropriation.value} money is spent as 基本支出 or 项目支出 "
                f"(the columns of its expenditure table), not as {self.kind.value}",
            )

    def _refuse(self, field: str, reason: str) -> None:
        raise LineItemError(f"line item {self.describe()}, field {field}: {reason}", field)

    @property
    def appropriation(self) -> Appropriation | None:
        """The fiscal appropriation whose table shows the item: its fund's, or the one whose
        money was carried over; ``None`` for money that is no appropriation."""
        return self.carry_over_of if self.fund is FundSource.CARRY_OVER else self.fund.appropriation

    def describe(self) -> str:
        """The item in a few words, as messages name it.

        >>> LineItem("2101101", "30110", "145312", "基本支出", unit="本级", basic_kind="人员经费").describe()
        '2101101/30110 一般公共预算拨款 基本支出 145312.00元 (本级)'
        """
        fund = self.fund.value
        if self.unit_fund_kind is not None:
            fund += f"（{self.unit_fund_kind.value}）"
        if self.carry_over_of is not None:
            fund += f"（{self.carry_over_of.value}）"
        amount = format_amount(self.amount)
        return (
            f"{self.functional}/{self.economic} {fund} {self.kind.value} {amount}元 ({self.unit})"
        )


def _units(units: Iterable[BudgetUnit]) -> tuple[BudgetUnit, ...]:
    return tuple(units)


def _items(items: Iterable[LineItem]) -> tuple[LineItem, ...]:
    return tuple(items)


def _goals(goals: Iterable[ProjectPerformanceGoal]) -> tuple[ProjectPerformanceGoal, ...]:
    return tuple(goals)


def _names(names: Mapping[str, str] | Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    pairs = names.items() if isinstance(names, Mapping) else names
    return tuple(sorted((str(code), str(name)) for code, name in pairs))


def catalogue(scheme: Scheme, year: int) -> Catalogue | None:
    """The shipped catalogue of a classification for a budget year; ``None`` when no edition
    serves that year (then a ledger names its subjects itself, in ``Ledger.names``).

    >>> catalogue(Scheme.FUNCTIONAL, 2025).edition, catalogue(Scheme.FUNCTIONAL, 2019)
    (2025, None)
    """
    try:
        if scheme is Scheme.FUNCTIONAL:
            return functional_classification(year)
        return economic_classification(year, scope=scheme.value.removeprefix("economic_"))
    except UnknownEditionError:
        return None


def _scheme_of(code: str) -> Scheme:
    return Scheme.FUNCTIONAL if code.startswith("2") else Scheme.ECONOMIC_DEPARTMENT


def _ancestry(code: str) -> tuple[str, ...]:
    """The code and the codes above it: 2013701 → 201, 20137, 2013701."""
    return tuple(code[:length] for length in (3, 5, 7) if length <= len(code))


@attrs.frozen(slots=True)
class Ledger:
    """A department's line items for one budget year: the source every table is derived from.

    - ``department`` and ``department_code``: as the tables print them;
    - ``units``: the department's budget units (本级 and 所属单位); each item names one;
    - ``items``: the line items, in any order;
    - ``goals``: performance goal tables of projects of the items (their budgets are derived,
      whatever figures they hold);
    - ``names``: names of subjects the year's shipped catalogue lacks (code → name), for every
      code an item uses or sits under (the shipped catalogues are partial).

    The ledger refuses an item of a unit it does not have, a code with no name, a name that
    contradicts the catalogue, a goal of another year or of no project:

    >>> item = LineItem("2019999", "30299", "100", "项目支出", unit="本级", project="P1")
    >>> ledger = Ledger("某局", 2025, units=[BudgetUnit("本级")], items=[item])
    >>> ledger.subject_name("20199"), ledger.subject_name("30299")
    ('其他一般公共服务支出', '其他商品和服务支出')
    >>> Ledger("某局", 2025, units=[BudgetUnit("本级")],
    ...        items=[attrs.evolve(item, functional="2019901")])
    Traceback (most recent call last):
    ...
    govbudget.ledger.items.LineItemError: items[0] 2019901/30299 一般公共预算拨款 项目支出 100.00元 (本级), field functional: 2019901 is not in the 2025 支出功能分类科目 catalogue; give its name in Ledger.names
    """

    department: str
    year: int
    department_code: str | None = attrs.field(default=None, kw_only=True)
    units: tuple[BudgetUnit, ...] = attrs.field(default=(), kw_only=True, converter=_units)
    items: tuple[LineItem, ...] = attrs.field(default=(), kw_only=True, converter=_items)
    goals: tuple[ProjectPerformanceGoal, ...] = attrs.field(
        default=(), kw_only=True, converter=_goals
    )
    names: tuple[tuple[str, str], ...] = attrs.field(default=(), kw_only=True, converter=_names)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.department, str) or not self.department.strip():
            raise LedgerError(f"a ledger needs its department's name, not {self.department!r}")
        if (
            isinstance(self.year, bool)
            or not isinstance(self.year, int)
            or not 1949 < self.year < 2200
        ):
            raise LedgerError(f"budget year {self.year!r} is not a plausible year")
        if self.department_code is not None and not _DIGITS.fullmatch(self.department_code):
            raise LedgerError(f"department code {self.department_code!r} is not all digits")
        self._check_units()
        self._check_names()
        for index, item in enumerate(self.items):
            self._check_item(index, item)
        self._check_goals()

    def _check_units(self) -> None:
        seen: set[str] = set()
        for unit in self.units:
            if not isinstance(unit, BudgetUnit):
                raise LedgerError(f"{unit!r} is not a BudgetUnit")
            if unit.name in seen:
                raise LedgerError(f"the ledger holds unit {unit.name!r} twice")
            seen.add(unit.name)

    def _check_names(self) -> None:
        for code, name in self.names:
            if not _SUBJECT.fullmatch(code):
                raise LedgerError(
                    f"Ledger.names: {code!r} is no functional (2xx, 5 or 7 digits) or department "
                    "economic (3xx, 5 digits) subject code"
                )
            if not name.strip():
                raise LedgerError(f"Ledger.names: subject {code} has a blank name")
            known = catalogue(_scheme_of(code), self.year)
            subject = None if known is None else known.get(code)
            if subject is not None and subject.name != name:
                raise LedgerError(
                    f"Ledger.names: {code} is {subject.name!r} in the catalogue of "
                    f"{_scheme_of(code).label}, not {name!r}"
                )

    def _check_item(self, index: int, item: LineItem) -> None:
        if not isinstance(item, LineItem):
            raise LedgerError(f"items[{index}]: {item!r} is not a LineItem")

        def refuse(field: str, reason: str) -> None:
            raise LineItemError(
                f"items[{index}] {item.describe()}, field {field}: {reason}", field, index
            )

        if item.unit not in {unit.name for unit in self.units}:
            units = "、".join(unit.name for unit in self.units) or "none"
            refuse("unit", f"{item.unit!r} is not a unit of the ledger (its units: {units})")
        for field, code in (("functional", item.functional), ("economic", item.economic)):
            for each in _ancestry(code):
                if self._name(each) is None:
                    scheme = _scheme_of(each)
                    known = catalogue(scheme, self.year)
                    where = (
                        f"the {known.edition} {scheme.label} catalogue"
                        if known is not None
                        else f"any shipped catalogue of {self.year}"
                    )
                    refuse(field, f"{each} is not in {where}; give its name in Ledger.names")

    def _check_goals(self) -> None:
        projects = {item.project for item in self.items}
        seen: set[str] = set()
        for goal in self.goals:
            if not isinstance(goal, ProjectPerformanceGoal):
                raise LedgerError(f"{goal!r} is not a ProjectPerformanceGoal")
            if goal.year != self.year:
                raise LedgerError(
                    f"goal {goal.code} {goal.name} is of {goal.year}, the ledger of {self.year}"
                )
            if goal.code not in projects:
                raise LedgerError(
                    f"goal {goal.code} {goal.name}: no line item is of project {goal.code!r}"
                )
            if goal.code in seen:
                raise LedgerError(f"the ledger holds two goals of project {goal.code}")
            seen.add(goal.code)

    def _name(self, code: str) -> str | None:
        known = catalogue(_scheme_of(code), self.year)
        subject = None if known is None else known.get(code)
        if subject is not None:
            return subject.name
        # ``names`` is kept sorted (see _names): a binary search, not a dict per lookup, since
        # derive asks once per row.
        index = bisect.bisect_left(self.names, (code,))
        if index < len(self.names) and self.names[index][0] == code:
            return self.names[index][1]
        return None

    def subject_name(self, code: str) -> str:
        """The name of a functional or economic subject: the catalogue's, else the ledger's own."""
        name = self._name(code)
        if name is None:
            raise LedgerError(f"the ledger of {self.year} has no name for subject {code!r}")
        return name

    @property
    def total(self) -> Decimal:
        """The sum of every item, exact, in 元."""
        return exact_sum(item.amount for item in self.items)

    def projects(self) -> tuple[str, ...]:
        """The project codes of the items, in the order they first appear."""
        return tuple(dict.fromkeys(item.project for item in self.items if item.project is not None))

    def of_unit(self, name: str) -> Ledger:
        """The ledger of one unit: its items and the goals of their projects.

        >>> ledger = Ledger("某局", 2025, units=[BudgetUnit("本级"), BudgetUnit("某中心")])
        >>> [unit.name for unit in ledger.of_unit("某中心").units]
        ['某中心']
        """
        units = [unit for unit in self.units if unit.name == name]
        if not units:
            raise LedgerError(f"the ledger has no unit {name!r}")
        items = [item for item in self.items if item.unit == name]
        projects = {item.project for item in items}
        return attrs.evolve(
            self, units=units, items=items, goals=[g for g in self.goals if g.code in projects]
        )
