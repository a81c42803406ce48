"""Final accounts (部门决算): consistent ones built from actuals and carry-overs, and their parts.

:func:`final_accounts_from` builds the nine 决算 tables from a ledger of *actual* line items (what
was spent, 元 to the 分) and the :class:`Balance` each fund carries into and out of the year
under each functional 项 (年初结转和结余, 年末结转和结余). Each fund's income under each 项 is
what balances it: 本年收入 = 本年支出 + 年末结转和结余 − 年初结转和结余. Every printed cell is
rounded half up on its own from its exact sum, as a budget system prints it, so every identity
of the family holds under the rounding model (收入总计 = 支出总计, each fund's 年初 + 收入 = 支出 +
年末, the summaries against the tables …) while 本年收入 ≠ 本年支出 and income by subject ≠
expenditure by subject, as in real final accounts.

:func:`stated_final_facts` states what the tables show, as an explanation (决算情况说明) would:
the totals, the structure of the 一般公共预算财政拨款支出 with its shares, one execution statement
per 项 with a 年初预算数 (完成年初预算的 N%, rounded half up), the "三公" expenses against their
budgets.

:func:`final_accounts` draws consistent final accounts (``check`` finds no error in them),
:func:`final_tables` valid tables of the nine classes whose figures need not add up.

The module is long because building, stating and drawing final accounts share one model of
actuals and balances; split apart, each part would repeat it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from govbudget.amounts import Figure, Unit, round_half_up, to_unit
from govbudget.classification import economic_classification
from govbudget.disclosure import DepartmentFinalAccounts, StatedChange
from govbudget.disclosure.facts import (
    FINAL_AMOUNT_FACTS,
    FINAL_FACT_LABELS,
    THREE_PUBLIC_KEYS,
    FinalStatedFacts,
)
from govbudget.disclosure.statements import SHARE_OF, StatedClass, StatedExecution, StatedShare
from govbudget.disclosure.text_figures import TableFigures, text_figures
from govbudget.ledger import (
    Appropriation,
    BasicKind,
    ExpenditureKind,
    FundSource,
    Ledger,
    LineItem,
    ThreePublicItem,
    UnitFundKind,
)
from govbudget.ledger.derivation import chinese_ordinal
from govbudget.strategies.ledgers import FUNCTIONAL, UNITS
from govbudget.strategies.ledgers import _amounts as _ledger_amounts
from govbudget.strategies.tables import _table
from govbudget.tables import (
    STANDARD_FINAL_TABLES,
    BasicExpenditureFinalTable,
    ExpenditureFinalTable,
    FiscalAppropriationFinalSummary,
    GeneralPublicExpenditureFinalTable,
    GovernmentFundFinalTable,
    IncomeExpenditureFinalSummary,
    IncomeFinalTable,
    RowSpec,
    RowsTable,
    StateCapitalFinalTable,
    Table,
    TableHeader,
    ThreePublicExpensesFinalTable,
)

__all__ = [
    "Balance",
    "BasicLayout",
    "BudgetColumns",
    "final_accounts",
    "final_accounts_from",
    "final_tables",
    "stated_final_facts",
]

Fund = Appropriation | UnitFundKind
"""A fund of final accounts: one of the three appropriations, or a kind of the unit's own money."""

_ZERO = Decimal("0.00")
_Sums = dict[str, dict[str, Decimal]]
_RowInput = tuple[str, str, dict[str, Decimal]]


def _yuan(value: str | int | Decimal) -> Decimal:
    amount = Decimal(value) if isinstance(value, (str, int)) else value
    if not isinstance(amount, Decimal) or amount < 0:
        raise ValueError(f"a balance is a non-negative amount in 元, not {value!r}")
    return amount


def _fund(value: Fund | str) -> Fund:
    if isinstance(value, (Appropriation, UnitFundKind)):
        return value
    for kind in (Appropriation, UnitFundKind):
        try:
            return kind(value)
        except ValueError:
            continue
    raise ValueError(f"{value!r} is no appropriation and no kind of unit funds")


@attrs.frozen(slots=True)
class Balance:
    """What one fund carries into the year (年初结转和结余) and out of it (年末结转和结余) under
    one functional 项, in 元.

    >>> Balance("政府性基金预算拨款", "2120803", carry_over="300", carry_forward="500.00")
    Balance(fund=<Appropriation.GOVERNMENT_FUND: '政府性基金预算拨款'>, functional='2120803', carry_over=Decimal('300'), carry_forward=Decimal('500.00'))
    """

    fund: Fund = attrs.field(converter=_fund)
    functional: str
    carry_over: Decimal = attrs.field(default=_ZERO, converter=_yuan)
    carry_forward: Decimal = attrs.field(default=_ZERO, converter=_yuan)


class BasicLayout(enum.Enum):
    """How the 一般公共预算财政拨款基本支出决算表 is printed."""

    HALVES = "halves"
    """上海 and the central template: 人员经费 and 公用经费 side by side, one column 决算数, each
    half closed by its total (人员经费合计, 公用经费合计)."""
    COLUMNS = "columns"
    """The budget's layout: 合计 = 人员经费 + 公用经费 as columns, a 合计 row first."""


class BudgetColumns(enum.Enum):
    """The budget columns the 一般公共预算财政拨款支出决算表 prints before its 决算数."""

    NONE = "none"  # 上海
    BUDGET = "budget"  # 年初预算数
    BOTH = "both"  # 年初预算数 and 调整预算数


_EMPTY_NOTES: Mapping[type[Table], str] = {
    IncomeExpenditureFinalSummary: "注：本部门本年度无收支决算，空表列示。",
    IncomeFinalTable: "注：本部门本年度无收入决算，空表列示。",
    ExpenditureFinalTable: "注：本部门本年度无支出决算，空表列示。",
    FiscalAppropriationFinalSummary: "注：本部门本年度无财政拨款收支决算，空表列示。",
    GeneralPublicExpenditureFinalTable: "注：本部门本年度无一般公共预算财政拨款支出，空表列示。",
    BasicExpenditureFinalTable: "注：本部门本年度无一般公共预算财政拨款基本支出，空表列示。",
    ThreePublicExpensesFinalTable: "注：本部门本年度无财政拨款“三公”经费，空表列示。",
    GovernmentFundFinalTable: "注：本部门本年度无政府性基金预算财政拨款收入和支出，故本表无数据。",
    StateCapitalFinalTable: "注：本部门本年度无国有资本经营预算财政拨款收入和支出，故本表无数据。",
}

_PERSONNEL_CLASSES = ("301", "303")


def _keys(kind: type[Table], block: str) -> tuple[str, ...]:
    """The fixed rows of a block, in the standard layout."""
    return tuple(row.key for row in kind.SPEC.block(block).rows)


def fund_of(item: LineItem) -> Fund:
    """The fund an actual is spent from: its appropriation (carried-over appropriations too),
    else its kind of unit funds (财政专户管理资金 is 事业收入, other carried-over money 其他收入).

    >>> fund_of(LineItem("2013701", "30101", "1", "基本支出", unit="本级", basic_kind="人员经费"))
    <Appropriation.GENERAL_PUBLIC: '一般公共预算拨款'>
    """
    if item.appropriation is not None:
        return item.appropriation
    if item.unit_fund_kind is not None:
        return item.unit_fund_kind
    if item.fund is FundSource.SPECIAL_ACCOUNT:
        return UnitFundKind.SERVICE_INCOME
    return UnitFundKind.OTHER_INCOME


def _add(sums: _Sums, rows: Iterable[str], columns: Iterable[str], amount: Decimal) -> None:
    for row in rows:
        cells = sums.setdefault(row, {})
        for column in columns:
            cells[column] = cells.get(column, _ZERO) + amount


def _ancestry(code: str) -> tuple[str, ...]:
    return tuple(code[:length] for length in (3, 5, 7) if length <= len(code))


@attrs.frozen(slots=True)
class _Flow:
    """One fund under one 项: 年初, 本年收入, 本年支出, 年末, exact 元."""

    carry_over: Decimal
    income: Decimal
    expenditure: Decimal
    carry_forward: Decimal


@attrs.frozen(slots=True)
class _Builder:
    ledger: Ledger
    header: TableHeader
    flows: Mapping[tuple[Fund, str], _Flow]

    def figures(self, cells: Mapping[str, Decimal]) -> dict[str, Decimal]:
        """Each exact sum rounded on its own to the table's unit."""
        unit = self.header.unit
        return {column: to_unit(amount, Unit.YUAN, unit) for column, amount in cells.items()}

    def subject_rows(self, sums: _Sums, *, total_first: bool = True) -> list[_RowInput]:
        codes = sorted(key for key in sums if key != "total")
        rows = [(key, self.ledger.subject_name(key), self.figures(sums[key])) for key in codes]
        if not rows:
            return []
        total = ("total", "合计", self.figures(sums["total"]))
        return [total, *rows] if total_first else [*rows, total]

    def class_rows(self, sums: _Sums) -> list[_RowInput]:
        return [
            (code, f"{chinese_ordinal(n)}、{self.ledger.subject_name(code)}", self.figures(cells))
            for n, (code, cells) in enumerate(sorted(sums.items()), start=1)
        ]

    def rows_table(
        self, kind: type[RowsTable], rows: list[_RowInput], columns: Sequence[str]
    ) -> RowsTable:
        empty = all(not values for _key, _label, values in rows)
        note = _EMPTY_NOTES[kind] if empty else None
        return kind.from_rows(self.header, [] if empty else rows, columns=columns, note=note)


def _flows(ledger: Ledger, balances: Iterable[Balance]) -> dict[tuple[Fund, str], _Flow]:
    spent: dict[tuple[Fund, str], Decimal] = {}
    for item in ledger.items:
        key = (fund_of(item), item.functional)
        spent[key] = spent.get(key, _ZERO) + item.amount
    kept: dict[tuple[Fund, str], tuple[Decimal, Decimal]] = {}
    for balance in balances:
        key = (balance.fund, balance.functional)
        before, after = kept.get(key, (_ZERO, _ZERO))
        kept[key] = (before + balance.carry_over, after + balance.carry_forward)
    flows = {}
    for key in sorted(spent.keys() | kept.keys(), key=lambda k: (k[1], k[0].value)):
        expenditure = spent.get(key, _ZERO)
        carry_over, carry_forward = kept.get(key, (_ZERO, _ZERO))
        income = expenditure + carry_forward - carry_over
        if income < 0:
            fund, code = key
            raise ValueError(
                f"{fund.value} under {code}: 年初结转和结余 {carry_over}元 exceeds 本年支出 "
                f"{expenditure}元 + 年末结转和结余 {carry_forward}元 (本年收入 would be negative)"
            )
        flows[key] = _Flow(carry_over, income, expenditure, carry_forward)
    return flows


def _summary(builder: _Builder) -> IncomeExpenditureFinalSummary:
    income: _Sums = {}
    classes: _Sums = {}
    footer: _Sums = {}
    for (fund, _code), flow in builder.flows.items():
        if isinstance(fund, Appropriation):
            rows: tuple[str, ...] = (fund.income_row, "fiscal_appropriation")
        else:
            rows = (fund.key,)
        _add(income, (*rows, "income_total", "grand_total"), ("amount",), flow.income)
        _add(income, ("carry_over", "grand_total"), ("amount",), flow.carry_over)
        _add(footer, ("carry_forward", "grand_total"), ("amount",), flow.carry_forward)
    for item in builder.ledger.items:
        _add(classes, (item.functional[:3],), ("amount",), item.amount)
        _add(footer, ("expenditure_total", "grand_total"), ("amount",), item.amount)
    spec = IncomeExpenditureFinalSummary.SPEC
    if not builder.flows:
        table = IncomeExpenditureFinalSummary.from_rows(
            builder.header, [], [], note=_EMPTY_NOTES[IncomeExpenditureFinalSummary]
        )
    else:
        table = IncomeExpenditureFinalSummary.from_rows(
            builder.header,
            [
                (key, _label(spec.blocks[0].row(key)), builder.figures(income.get(key, {})))
                for key in _keys(IncomeExpenditureFinalSummary, "income")
            ],
            [
                *builder.class_rows(classes),
                *(
                    (key, _label(spec.blocks[1].row(key)), builder.figures(footer.get(key, {})))
                    for key in ("expenditure_total", "surplus_distribution", "carry_forward")
                ),
                ("grand_total", "总计", builder.figures(footer.get("grand_total", {}))),
            ],
        )
    assert isinstance(table, IncomeExpenditureFinalSummary)
    return table


def _label(row: RowSpec | None) -> str:
    assert row is not None  # the layouts name declared rows only
    return row.label


def _appropriation_summary(builder: _Builder) -> FiscalAppropriationFinalSummary:
    income: _Sums = {}
    classes: _Sums = {}
    footer: _Sums = {}
    fiscal = False
    for (fund, _code), flow in builder.flows.items():
        if not isinstance(fund, Appropriation):
            continue
        fiscal = True
        column = fund.key
        _add(
            income,
            (fund.income_row, "income_total", "grand_total"),
            ("amount",),
            flow.income,
        )
        _add(
            income,
            ("carry_over", f"carry_over_{column}", "grand_total"),
            ("amount",),
            flow.carry_over,
        )
        _add(footer, ("carry_forward", "grand_total"), ("total", column), flow.carry_forward)
    for item in builder.ledger.items:
        if item.appropriation is not None:
            columns = ("total", item.appropriation.key)
            _add(classes, (item.functional[:3],), columns, item.amount)
            _add(footer, ("expenditure_total", "grand_total"), columns, item.amount)
    spec = FiscalAppropriationFinalSummary.SPEC
    if not fiscal:
        table = FiscalAppropriationFinalSummary.from_rows(
            builder.header, [], [], note=_EMPTY_NOTES[FiscalAppropriationFinalSummary]
        )
    else:
        table = FiscalAppropriationFinalSummary.from_rows(
            builder.header,
            [
                (key, _label(spec.blocks[0].row(key)), builder.figures(income.get(key, {})))
                for key in _keys(FiscalAppropriationFinalSummary, "income")
            ],
            [
                *builder.class_rows(classes),
                *(
                    (key, _label(spec.blocks[1].row(key)), builder.figures(footer.get(key, {})))
                    for key in ("expenditure_total", "carry_forward", "grand_total")
                ),
            ],
        )
    assert isinstance(table, FiscalAppropriationFinalSummary)
    return table


def _income(builder: _Builder) -> RowsTable:
    sums: _Sums = {}
    for (fund, code), flow in builder.flows.items():
        column = "fiscal_appropriation" if isinstance(fund, Appropriation) else fund.key
        if flow.income:
            _add(sums, ("total", *_ancestry(code)), ("total", column), flow.income)
    printed = [column.key for column in IncomeFinalTable.SPEC.blocks[0].columns]
    return builder.rows_table(IncomeFinalTable, builder.subject_rows(sums), printed)


def _expenditure(builder: _Builder) -> RowsTable:
    sums: _Sums = {}
    for item in builder.ledger.items:
        columns = ("total", item.kind.key)
        _add(sums, ("total", *_ancestry(item.functional)), columns, item.amount)
    printed = [column.key for column in ExpenditureFinalTable.SPEC.blocks[0].columns]
    return builder.rows_table(ExpenditureFinalTable, builder.subject_rows(sums), printed)


def _general_public(
    builder: _Builder,
    budgets: Mapping[str, Decimal],
    adjusted: Mapping[str, Decimal],
    printed: BudgetColumns,
) -> RowsTable:
    sums: _Sums = {}
    for item in builder.ledger.items:
        if item.appropriation is Appropriation.GENERAL_PUBLIC:
            columns = ("total", item.kind.key)
            _add(sums, ("total", *_ancestry(item.functional)), columns, item.amount)
    budget_columns: list[str] = []
    if printed is not BudgetColumns.NONE:
        budget_columns.append("budget")
        for code, amount in budgets.items():
            _add(sums, ("total", *_ancestry(code)), ("budget",), amount)
    if printed is BudgetColumns.BOTH:
        budget_columns.append("adjusted_budget")
        for code, amount in adjusted.items():
            _add(sums, ("total", *_ancestry(code)), ("adjusted_budget",), amount)
    rows = builder.subject_rows(sums)
    printed_columns = [*budget_columns, "total", "basic", "project"]
    return builder.rows_table(GeneralPublicExpenditureFinalTable, rows, printed_columns)


def _basic(builder: _Builder, layout: BasicLayout) -> RowsTable:
    sums: _Sums = {}
    for item in builder.ledger.items:
        if item.appropriation is Appropriation.GENERAL_PUBLIC and item.basic_kind is not None:
            half = "personnel" if item.basic_kind is BasicKind.PERSONNEL else "public"
            _add(sums, ("total", *_ancestry(item.economic)), ("total", half), item.amount)
    if layout is BasicLayout.COLUMNS:
        rows = builder.subject_rows(sums)
        columns: tuple[str, ...] = ("total", "personnel", "public")
    else:
        halves: _Sums = {}
        for code, cells in sums.items():
            if len(code) == 3:
                half = "personnel_total" if code in _PERSONNEL_CLASSES else "public_total"
                _add(halves, (half,), ("total",), cells["total"])
        rows = [
            (key, builder.ledger.subject_name(key), builder.figures({"total": sums[key]["total"]}))
            for key in sorted(key for key in sums if key != "total")
        ]
        if rows:
            rows += [
                (key, label, builder.figures(halves.get(key, {"total": _ZERO})))
                for key, label in (
                    ("personnel_total", "人员经费合计"),
                    ("public_total", "公用经费合计"),
                )
            ]
        columns = ("total",)
    return builder.rows_table(BasicExpenditureFinalTable, rows, columns)


def _three_public(builder: _Builder, budgets: Mapping[ThreePublicItem, Decimal]) -> RowsTable:
    sums: _Sums = {}
    for item in builder.ledger.items:
        if item.three_public is not None and item.appropriation is not None:
            _add(sums, item.three_public.rows, ("actual",), item.amount)
    for each, amount in budgets.items():
        _add(sums, each.rows, ("budget",), amount)
    spec = ThreePublicExpensesFinalTable.SPEC.blocks[0]
    rows = (
        [
            (key, _label(spec.row(key)), builder.figures(sums.get(key, {})))
            for key in ThreePublicExpensesFinalTable.SPEC.block("rows").rows_under("total")
        ]
        if sums
        else []
    )
    return builder.rows_table(ThreePublicExpensesFinalTable, rows, ("budget", "actual"))


def _fund_table(
    builder: _Builder, appropriation: Appropriation, kind: type[RowsTable]
) -> RowsTable:
    sums: _Sums = {}
    for (fund, code), flow in builder.flows.items():
        if fund is appropriation:
            rows = ("total", *_ancestry(code))
            _add(sums, rows, ("carry_over",), flow.carry_over)
            _add(sums, rows, ("income",), flow.income)
            _add(sums, rows, ("expenditure",), flow.expenditure)
            _add(sums, rows, ("carry_forward",), flow.carry_forward)
    for item in builder.ledger.items:
        if item.appropriation is appropriation:
            rows = ("total", *_ancestry(item.functional))
            _add(sums, rows, (item.kind.key,), item.amount)
    columns = [column.key for column in kind.SPEC.blocks[0].columns]
    return builder.rows_table(kind, builder.subject_rows(sums), columns)


def final_accounts_from(
    ledger: Ledger,
    *,
    balances: Iterable[Balance] = (),
    budgets: Mapping[str, str | int | Decimal] | None = None,
    adjusted_budgets: Mapping[str, str | int | Decimal] | None = None,
    three_public_budgets: Mapping[ThreePublicItem, str | int | Decimal] | None = None,
    unit: Unit = Unit.WAN_YUAN,
    budget_columns: BudgetColumns | None = None,
    basic_layout: BasicLayout = BasicLayout.HALVES,
    facts: FinalStatedFacts | None = None,
) -> DepartmentFinalAccounts:
    """The nine 决算 tables of a ledger of actuals (元), with its carry-overs and budgets.

    ``balances`` are the carry-overs of each fund under each 项 (a fund's income under a 项 is
    derived: 本年支出 + 年末 − 年初); ``budgets`` and ``adjusted_budgets`` the 年初预算数 and
    调整预算数 of the 一般公共预算 items (7-digit codes, 元) that table 5 prints
    (``budget_columns``: by default the 年初预算数 when budgets are given); and
    ``three_public_budgets`` the "三公" 预算数. ``facts`` are the explanation's (default: every
    figure the tables show, :func:`stated_final_facts`).

    >>> from govbudget import check
    >>> from govbudget.disclosure import BudgetUnit
    >>> items = [
    ...     LineItem("2013701", "30101", "1000000", "基本支出", unit="本级", basic_kind="人员经费"),
    ...     LineItem("2120803", "31005", "400000", "项目支出", unit="本级",
    ...              fund="政府性基金预算拨款", project="P1"),
    ... ]
    >>> ledger = Ledger("某局", 2025, units=[BudgetUnit("本级", "行政")], items=items,
    ...                 names={"21208": "国有土地使用权出让收入安排的支出"})
    >>> accounts = final_accounts_from(
    ...     ledger,
    ...     balances=[Balance("政府性基金预算拨款", "2120803", "100000", "250000")],
    ...     budgets={"2013701": "1050000"})
    >>> fund = accounts.government_fund_expenditure
    >>> [str(fund.value("total", c)) for c in ("carry_over", "income", "expenditure", "carry_forward")]
    ['10.00', '55.00', '40.00', '25.00']
    >>> accounts.facts.general_public_execution.rate
    Decimal('95.24')
    >>> check(accounts).errors
    ()
    """
    header = TableHeader(ledger.department, ledger.year, unit, ledger.department_code)
    builder = _Builder(ledger, header, _flows(ledger, balances))
    yuan = {code: _yuan(amount) for code, amount in (budgets or {}).items()}
    adjusted = {code: _yuan(amount) for code, amount in (adjusted_budgets or {}).items()}
    three = {item: _yuan(amount) for item, amount in (three_public_budgets or {}).items()}
    if budget_columns is None:
        budget_columns = (
            BudgetColumns.BOTH if adjusted else BudgetColumns.BUDGET if yuan else BudgetColumns.NONE
        )
    tables: list[Table] = [
        _summary(builder),
        _income(builder),
        _expenditure(builder),
        _appropriation_summary(builder),
        _general_public(builder, yuan, adjusted, budget_columns),
        _basic(builder, basic_layout),
        _three_public(builder, three),
        _fund_table(builder, Appropriation.GOVERNMENT_FUND, GovernmentFundFinalTable),
        _fund_table(builder, Appropriation.STATE_CAPITAL, StateCapitalFinalTable),
    ]
    accounts = DepartmentFinalAccounts(
        ledger.department,
        ledger.year,
        department_code=ledger.department_code,
        tables=tables,
        units=ledger.units,
    )
    return attrs.evolve(
        accounts, facts=facts if facts is not None else stated_final_facts(accounts)
    )


# -- the explanation ---------------------------------------------------------------------------


def _stated(figure: Figure) -> Decimal:
    """A table's figure (万元, maybe converted from 元) as a text states it: two decimals."""
    return round_half_up(figure if figure is not None else _ZERO, 2)


def _percent(part: Figure, whole: Figure) -> Decimal | None:
    """part ÷ whole × 100, rounded half up, of the tables' own figures (which a text states
    rounded to 0.01万元); ``None`` when the whole is zero or states as zero."""
    if whole is None or _stated(whole) == 0:
        return None
    return round_half_up((part or _ZERO) * 100 / whole, 2)


def _word(actual: Figure, budget: Figure) -> str:
    actual, budget = actual or _ZERO, budget or _ZERO
    return "大于" if actual > budget else "小于" if actual < budget else "等于"


def _item_text(path: Sequence[str]) -> str:
    return "".join(f"{name}（{level}）" for name, level in zip(path, "类款项", strict=False))


def _executions(rows: Sequence[TableFigures]) -> Iterator[StatedExecution]:
    names = {row.row: row.name for row in rows}
    for row in rows:
        if len(row.row) != 7 or not row.prints("budgeted"):
            continue
        budget, actual = _stated(row.budgeted), _stated(row.actual)
        path = (names.get(row.row[:3], ""), names.get(row.row[:5], ""), row.name)
        yield StatedExecution(
            _item_text(path),
            path=path,
            code=row.row,
            budgeted=budget,
            adjusted=_stated(row.adjusted) if row.prints("adjusted") else None,
            actual=actual,
            rate=_percent(row.actual, row.budgeted),
            rate_basis="年初预算",
            word=_word(row.actual, row.budgeted),
            word_basis="年初预算",
            reason="严格执行预算" if actual <= budget else "年中追加预算",
        )


def _three_public_executions(found: Mapping[str, TableFigures]) -> Iterator[StatedExecution]:
    for key in THREE_PUBLIC_KEYS:
        row = found.get(key)
        if row is None:
            continue
        actual = _stated(row.actual)
        budget = _stated(row.budgeted) if row.prints("budgeted") else None
        rate = None if budget is None else _percent(row.actual, row.budgeted)
        if key == "three_public_total":
            yield StatedExecution(
                FINAL_FACT_LABELS[key],
                key=key,
                budgeted=budget,
                actual=actual,
                rate=rate,
                rate_basis="预算",
                word=None if budget is None else _word(row.actual, row.budgeted),
                word_basis="预算",
            )
        else:  # "公务接待费支出决算为 1.20 万元，完成预算的 40%": the budget left to the table
            yield StatedExecution(
                FINAL_FACT_LABELS[key], key=key, actual=actual, rate=rate, rate_basis="预算"
            )


def stated_final_facts(accounts: DepartmentFinalAccounts) -> FinalStatedFacts:
    """What an explanation states of the tables, each figure as they print it (in 万元, two
    decimals): the totals and their parts with their shares, the classes of the
    一般公共预算财政拨款支出 with their shares, its execution and that of every 项 the
    table budgets (完成年初预算的 N%, rounded half up), and the "三公" expenses against their
    budgets. Nothing the tables do not show is stated.

    >>> from govbudget.tables import TableHeader
    >>> t7 = ThreePublicExpensesFinalTable.from_rows(TableHeader("某部门", 2025), [
    ...     ("total", "合计", {"budget": "3.00", "actual": "1.20"}),
    ...     ("reception", "公务接待费", {"budget": "3.00", "actual": "1.20"})])
    >>> facts = stated_final_facts(DepartmentFinalAccounts("某部门", 2025, tables=[t7]))
    >>> facts.three_public_total, facts.three_public_executions[0].rate
    (Decimal('1.20'), Decimal('40.00'))
    """
    lookup = text_figures(accounts)
    found: dict[str, TableFigures] = {}
    for name, row in lookup.facts:
        found.setdefault(name, row)
    exact = {
        name: row.actual
        for name, row in found.items()
        if name in FINAL_AMOUNT_FACTS and row.prints("actual")
    }
    amounts = {name: _stated(figure) for name, figure in exact.items()}
    shares = [
        StatedShare(part, percent)
        for part, whole in SHARE_OF.items()
        if part in exact
        and whole in exact
        and (percent := _percent(exact[part], exact[whole])) is not None
    ]
    general = found.get("general_public_expenditure")
    classes = [
        StatedClass(
            row.name,
            _stated(row.actual),
            share=None if general is None else _percent(row.actual, general.actual),
            code=row.row,
        )
        for row in lookup.rows
        if len(row.row) == 3 and row.prints("actual")
    ]
    execution = None
    if general is not None and general.prints("budgeted") and general.prints("actual"):
        execution = StatedExecution(
            FINAL_FACT_LABELS["general_public_expenditure"],
            key="general_public_expenditure",
            budgeted=_stated(general.budgeted),
            actual=_stated(general.actual),
            rate=_percent(general.actual, general.budgeted),
            rate_basis="年初预算",
            word=_word(general.actual, general.budgeted),
            word_basis="年初预算",
        )
    return FinalStatedFacts(
        year=accounts.year,
        general_public_classes=classes,
        general_public_execution=execution,
        executions=list(_executions(lookup.rows)),
        three_public_executions=list(_three_public_executions(found)),
        shares=shares,
        **amounts,  # type: ignore[arg-type]
    )


# -- strategies --------------------------------------------------------------------------------

_ECONOMIC = economic_classification(2025)
_THREE_PUBLIC_CODES = {
    "30212": ThreePublicItem.TRAVEL_ABROAD,
    "30217": ThreePublicItem.RECEPTION,
    "30231": ThreePublicItem.VEHICLE_OPERATION,
    "31013": ThreePublicItem.VEHICLE_PURCHASE,
}
_PERSONNEL = tuple(code for code in _ECONOMIC if len(code) == 5 and code[:3] in _PERSONNEL_CLASSES)
_PUBLIC = tuple(code for code in _ECONOMIC if len(code) == 5 and code[:3] not in _PERSONNEL_CLASSES)
_FUNDS: tuple[Fund, ...] = (
    Appropriation.GENERAL_PUBLIC,
    Appropriation.GENERAL_PUBLIC,
    Appropriation.GENERAL_PUBLIC,
    Appropriation.GOVERNMENT_FUND,
    Appropriation.STATE_CAPITAL,
    *UnitFundKind,
)


@st.composite
def _actual(draw: st.DrawFn) -> LineItem:
    """An actual of a fund: fiscal money as 基本支出 or 项目支出, basic expenditure 人员经费
    on 301/303 and 公用经费 on the other classes, "三公" by its economic subject."""
    fund = draw(st.sampled_from(_FUNDS))
    fiscal = isinstance(fund, Appropriation)
    kinds = (ExpenditureKind.BASIC, ExpenditureKind.PROJECT) if fiscal else tuple(ExpenditureKind)
    kind = draw(st.sampled_from(kinds))
    personnel = kind is ExpenditureKind.BASIC and draw(st.booleans())
    economic = draw(st.sampled_from(_PERSONNEL if personnel else _PUBLIC))
    if kind is ExpenditureKind.BASIC:
        basic_kind = BasicKind.PERSONNEL if economic[:3] in _PERSONNEL_CLASSES else BasicKind.PUBLIC
    else:
        basic_kind = None
    source = FundSource(fund.value) if isinstance(fund, Appropriation) else FundSource.UNIT_FUNDS
    return LineItem(
        draw(st.sampled_from(FUNCTIONAL)),
        economic,
        draw(_ledger_amounts()),
        kind,
        unit=draw(st.sampled_from(UNITS)).name,
        fund=source,
        basic_kind=basic_kind,
        project="P1" if kind is ExpenditureKind.PROJECT else None,
        unit_fund_kind=fund if isinstance(fund, UnitFundKind) else None,
        three_public=_THREE_PUBLIC_CODES.get(economic),
    )


def _money(max_yuan: int = 10**9) -> st.SearchStrategy[Decimal]:
    return st.integers(0, max_yuan * 100).map(lambda cents: Decimal(cents).scaleb(-2))


@st.composite
def _balances(draw: st.DrawFn, items: Sequence[LineItem]) -> list[Balance]:
    spent: dict[tuple[Fund, str], Decimal] = {}
    for item in items:
        key = (fund_of(item), item.functional)
        spent[key] = spent.get(key, _ZERO) + item.amount
    keys = sorted(spent, key=lambda k: (k[1], k[0].value))
    extra = draw(
        st.lists(st.tuples(st.sampled_from(_FUNDS), st.sampled_from(FUNCTIONAL)), max_size=2)
    )
    balances = []
    # Each (fund, subject) once: two balances of one, each bounded alone, could carry over more
    # than it spends and carries forward together.
    for fund, code in dict.fromkeys([*keys, *extra]):
        if not draw(st.booleans()):
            continue
        carry_forward = draw(_money() | st.just(_ZERO))
        carry_over = min(
            draw(_money() | st.just(_ZERO)), spent.get((fund, code), _ZERO) + carry_forward
        )
        balances.append(Balance(fund, code, carry_over, carry_forward))
    return balances


@st.composite
def _changes(draw: st.DrawFn, facts: FinalStatedFacts) -> dict[str, StatedChange]:
    """Changes against last year of some stated figures: last year's figure drawn, the change
    and its percentage computed (half up) from it."""
    changes: dict[str, StatedChange] = {}
    for name, of in (
        ("income_expenditure_total_change", "income_expenditure_total"),
        ("expenditure_total_change", "expenditure_total"),
        ("fiscal_total_change", "fiscal_total"),
        ("general_public_expenditure_change", "general_public_expenditure"),
        ("three_public_change", "three_public_total"),
        ("agency_running_costs_change", "agency_running_costs"),
    ):
        current = facts.figure(of)
        if current is None or not draw(st.booleans()):
            continue
        last = draw(st.integers(1, 10**9).map(lambda cents: Decimal(cents).scaleb(-2)))
        amount = current - last
        word = "增加" if amount > 0 else "减少" if amount < 0 else "持平"
        percent = None if amount == 0 else round_half_up(amount * 100 / last, 2)
        changes[name] = StatedChange(amount, percent=percent, word=word)
    return changes


@st.composite
def final_accounts(
    draw: st.DrawFn, *, year: int | None = None, max_items: int = 10
) -> DepartmentFinalAccounts:
    """Consistent final accounts: the nine tables built from drawn actuals, carry-overs and
    budgets, the explanation stating (some of) what they show, so ``check`` finds no error.

    >>> from hypothesis import given, settings
    >>> from govbudget import check
    >>> @settings(max_examples=5, database=None, deadline=None)
    ... @given(final_accounts())
    ... def test(accounts):
    ...     assert check(accounts).errors == ()
    >>> test()
    """
    chosen_year = year if year is not None else draw(st.sampled_from((2024, 2025)))
    units = tuple(draw(st.lists(st.sampled_from(UNITS), min_size=1, max_size=3, unique=True)))
    items = [
        attrs.evolve(item, unit=draw(st.sampled_from(units)).name)
        for item in draw(st.lists(_actual(), max_size=max_items))
    ]
    ledger = Ledger(
        "某局",
        chosen_year,
        department_code=draw(st.sampled_from((None, "897"))),
        units=units,
        items=items,
    )
    general = sorted(
        {item.functional for item in items if item.appropriation is Appropriation.GENERAL_PUBLIC}
    )
    budget_columns = draw(st.sampled_from(BudgetColumns))
    budgets = {code: draw(_money(10**8)) for code in general if draw(st.integers(0, 4))}
    adjusted = {code: draw(_money(10**8)) for code in budgets if draw(st.booleans())}
    three = {each: draw(_money(10**6)) for each in ThreePublicItem if draw(st.booleans())}
    accounts = final_accounts_from(
        ledger,
        balances=draw(_balances(items)),
        budgets=budgets,
        adjusted_budgets=adjusted,
        three_public_budgets=three,
        unit=draw(st.sampled_from((Unit.WAN_YUAN, Unit.YUAN))),
        budget_columns=budget_columns,
        basic_layout=draw(st.sampled_from(BasicLayout)),
    )
    facts = accounts.facts
    if facts.public is not None and draw(st.booleans()):
        facts = attrs.evolve(facts, agency_running_costs=facts.public)
    changes: dict[str, Any] = draw(_changes(facts))
    facts = attrs.evolve(facts, **changes)
    # Leave some statements out: an explanation need not state everything.
    kept = {
        field.name: getattr(facts, field.name)
        for field in attrs.fields(FinalStatedFacts)
        if field.name == "year" or draw(st.integers(0, 5))
    }
    return attrs.evolve(accounts, facts=FinalStatedFacts(**kept))


def final_tables(kind: type[Table] | None = None) -> st.SearchStrategy[Table]:
    """Valid tables of ``kind``, or of any of the nine 决算 classes (figures need not add up).

    >>> from hypothesis import given, settings
    >>> from govbudget import check
    >>> @settings(max_examples=20, database=None)
    ... @given(final_tables())
    ... def test(table):
    ...     assert table.SPEC.phase.label == "决算"
    ...     check(table)  # any figures: a checker must cope, whatever it reports
    >>> test()
    """
    if kind is None:
        return st.sampled_from(STANDARD_FINAL_TABLES).flatmap(_table)
    return _table(kind)
