"""The whole disclosure derived from a ledger, rounded as budget systems round.

:func:`derive` builds the nine standard tables, the project budgets of the goals and the facts
the explanation states, from the exact 元 sums of the line items. Each printed cell is rounded
half up *on its own* from its exact sum — a 类 row, a 合计 row or column, a total of the summary
— never by adding rounded figures, exactly as a budget system prints them. The printed figures
then need not add up (the seed's 302 款 add to 11.38 where 11.39 is printed), but they always
agree under the rounding model, so ``check(derive(ledger))`` finds no rounding error. With
``unit=Unit.YUAN`` the tables hold the exact sums and add up exactly.

>>> from govbudget import check
>>> from govbudget.disclosure import BudgetUnit
>>> from govbudget.ledger import BasicKind, ExpenditureKind, Ledger, LineItem
>>> BASIC = ExpenditureKind.BASIC
>>> items = [LineItem("2013701", economic, amount, BASIC, unit="本级", basic_kind=kind)
...          for economic, amount, kind in [("30101", "38012", BasicKind.PERSONNEL),
...                                          ("30201", "4050", BasicKind.PUBLIC),
...                                          ("30205", "4050", BasicKind.PUBLIC)]]
>>> budget = derive(Ledger("某局", 2025, units=[BudgetUnit("本级", "行政")], items=items))
>>> basic = budget.basic_expenditure
>>> [(row.key, [str(v) for v in row.values]) for row in basic.rows]
[('total', ['4.61', '3.80', '0.81']), ('301', ['3.80', '3.80', 'None']), ('30101', ['3.80', '3.80', 'None']), ('302', ['0.81', 'None', '0.81']), ('30201', ['0.41', 'None', '0.41']), ('30205', ['0.41', 'None', '0.41'])]
>>> check(budget).errors
()
>>> budget.facts.expenditure_total, budget.facts.personnel, budget.facts.agency_running_costs
(Decimal('4.61'), Decimal('3.80'), Decimal('0.81'))

The 302 row prints 0.81 where its two 款 print 0.41 + 0.41 = 0.82: each 款 of 4,050元 is
0.405万元 and rounds half up to 0.41, while their 8,100元 is 0.81万元. ``check`` finds no error:
three rounded figures may differ by 0.015. In 元 the same tables hold the exact sums:

>>> in_yuan = derive(Ledger("某局", 2025, units=[BudgetUnit("本级", "行政")], items=items),
...                  unit=Unit.YUAN)
>>> in_yuan.basic_expenditure.value("302", "public")
Decimal('8100.00')
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Context, Decimal, Inexact, InvalidOperation, Overflow

import attrs

from govbudget.amounts import (
    Unit,
    convert,
    decimal_places,
    exact_sum,
    round_half_up,
    to_unit,
)
from govbudget.classification import Scheme
from govbudget.disclosure import DepartmentBudget, StatedFacts
from govbudget.ledger.items import (
    Appropriation,
    FundSource,
    Ledger,
    LineItem,
    UnitFundKind,
    catalogue,
)
from govbudget.performance import ProjectPerformanceGoal
from govbudget.tables import (
    BasicExpenditureTable,
    BlockSpec,
    Cell,
    ExpenditureTable,
    FiscalAppropriationSummary,
    GeneralPublicExpenditureTable,
    GovernmentFundExpenditureTable,
    IncomeExpenditureSummary,
    IncomeTable,
    RowsTable,
    StateCapitalExpenditureTable,
    Table,
    TableHeader,
    ThreePublicExpensesTable,
    figures_at,
)

__all__ = [
    "EMPTY_NOTES",
    "FACT_CELLS",
    "ClassLayout",
    "chinese_ordinal",
    "derive",
    "fact_cell",
    "fact_figures",
    "sum_figures",
    "table_facts",
]


class ClassLayout(enum.Enum):
    """Which 类 rows the two summary tables (1 and 4) print on their expenditure side."""

    ALL = "all"
    """Every 类 of the year's catalogue in code order, with money or not (the seed's layout);
    a 类 with money that the catalogue lacks is put in its place by code."""
    WITH_MONEY = "with_money"
    """Only the 类 that items reach (table 4: that fiscal appropriations reach)."""


EMPTY_NOTES: Mapping[type[Table], str] = {
    IncomeExpenditureSummary: "注：本部门无收支预算，空表列示。",
    IncomeTable: "注：本部门无收入预算，空表列示。",
    ExpenditureTable: "注：本部门无支出预算，空表列示。",
    FiscalAppropriationSummary: "注：无财政拨款收支预算，空表列示。",
    GeneralPublicExpenditureTable: "注：无一般公共预算财政拨款预算，空表列示。",
    BasicExpenditureTable: "注：无一般公共预算财政拨款基本支出预算，空表列示。",
    GovernmentFundExpenditureTable: "注：无政府性基金预算财政拨款预算，空表列示。",
    StateCapitalExpenditureTable: "注：无国有资本经营预算财政拨款预算，空表列示。",
    ThreePublicExpensesTable: "注：无财政拨款“三公”经费支出预算，空表列示。",
}
"""The note each table prints when it has nothing to show (空表列示并说明), in the seed's words
where the seed prints one."""

_Sums = dict[str, dict[str, Decimal]]
"""Exact sums in 元 by row and column. A cell that no item reaches is absent: it prints blank,
while a cell that items reach prints a figure, 0.00 included."""

_INCOME_COLUMNS: Mapping[FundSource, str] = {
    FundSource.GENERAL_PUBLIC: "fiscal_appropriation",
    FundSource.GOVERNMENT_FUND: "fiscal_appropriation",
    FundSource.STATE_CAPITAL: "fiscal_appropriation",
    FundSource.SPECIAL_ACCOUNT: "special_account",
}
_SUMMARY_SOURCES: Mapping[FundSource, str] = {
    FundSource.GENERAL_PUBLIC: "general_public_budget",
    FundSource.GOVERNMENT_FUND: "government_fund",
    FundSource.STATE_CAPITAL: "state_capital",
    FundSource.SPECIAL_ACCOUNT: "special_account",
    FundSource.UNIT_FUNDS: "unit_funds",
}
# The appropriations: their column in tables 4 and 9, their income row in table 4, their table.
_APPROPRIATION_TABLES: Mapping[Appropriation, type[RowsTable]] = {
    Appropriation.GENERAL_PUBLIC: GeneralPublicExpenditureTable,
    Appropriation.GOVERNMENT_FUND: GovernmentFundExpenditureTable,
    Appropriation.STATE_CAPITAL: StateCapitalExpenditureTable,
}
# The standard layout of the income sides: the rows the seed prints, in its order.
_SUMMARY_INCOME = (
    "general_public_budget",
    "government_fund",
    "state_capital",
    "special_account",
    "unit_funds",
    "income_total",
    "carry_over",
    "grand_total",
)
_APPROPRIATION_INCOME = (
    "general_public_budget",
    "government_fund",
    "state_capital",
    "income_total",
    "carry_over",
    "carry_over_general_public",
    "carry_over_government_fund",
    "carry_over_state_capital",
    "grand_total",
)
_FOOTER = ("expenditure_total", "carry_forward", "grand_total")
_THREE_PUBLIC_LAYOUT = ThreePublicExpensesTable.SPEC.block("rows").rows_under("total")
_NUMERALS = "一二三四五六七八九"
# The kinds whose values add up to 资产总额 (办公用房 is a part of 房屋).
_ASSET_PARTS = ("buildings", "vehicles", "equipment", "other")
_ZERO = Decimal("0.00")
_EXACT = Context(prec=80, traps=[Inexact, InvalidOperation, Overflow])

_RowInput = tuple[str, str, dict[str, Decimal]]


def chinese_ordinal(number: int) -> str:
    """The Chinese numeral that numbers a 类 row or a heading, 1 to 99.

    >>> [chinese_ordinal(n) for n in (1, 10, 18, 20, 31)]
    ['一', '十', '十八', '二十', '三十一']
    """
    tens, units = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _NUMERALS[tens - 1] + "十")
    return head + ("" if units == 0 else _NUMERALS[units - 1])


def _add(sums: _Sums, rows: Iterable[str], columns: Iterable[str], amount: Decimal) -> None:
    columns = tuple(columns)
    for row in rows:
        cells = sums.setdefault(row, {})
        for column in columns:
            cells[column] = exact_sum([cells.get(column), amount])


def _ancestry(code: str) -> tuple[str, ...]:
    return tuple(code[:length] for length in (3, 5, 7) if length <= len(code))


@attrs.frozen(slots=True)
class _Printer:
    """What every table of one derivation shares: the ledger and the header (department,
    year, unit)."""

    ledger: Ledger
    header: TableHeader

    def figures(self, cells: Mapping[str, Decimal]) -> dict[str, Decimal]:
        """Each exact sum rounded on its own to the table's unit."""
        return {
            column: to_unit(sum_, Unit.YUAN, self.header.unit) for column, sum_ in cells.items()
        }

    def subject_rows(
        self,
        items: Sequence[LineItem],
        code: Callable[[LineItem], str],
        columns: Callable[[LineItem], Iterable[str]],
    ) -> list[_RowInput]:
        """The 合计 row, then a row per subject and per subject above it, in code order (a 类
        before its 款, a 款 before its 项: the order of the code strings)."""
        sums: _Sums = {}
        for item in items:
            _add(sums, ("total", *_ancestry(code(item))), columns(item), item.amount)
        keys = ["total", *sorted(key for key in sums if key != "total")] if sums else []
        return [
            (
                key,
                "合计" if key == "total" else self.ledger.subject_name(key),
                self.figures(sums[key]),
            )
            for key in keys
        ]

    def rows_table(self, kind: type[RowsTable], rows: list[_RowInput]) -> RowsTable:
        note = None if rows else EMPTY_NOTES[kind]
        return kind.from_rows(self.header, rows, note=note)


def _income_column(item: LineItem) -> str:
    if item.unit_fund_kind is not None:
        return item.unit_fund_kind.key
    return _INCOME_COLUMNS[item.fund]


def _income_table(printer: _Printer) -> RowsTable:
    def columns(item: LineItem) -> tuple[str, ...]:
        if item.fund is FundSource.CARRY_OVER:
            return ("total", "carry_over")
        return ("total", "current_year", _income_column(item))

    items = printer.ledger.items
    return printer.rows_table(IncomeTable, printer.subject_rows(items, _functional, columns))


def _functional(item: LineItem) -> str:
    return item.functional


def _expenditure_table(printer: _Printer) -> RowsTable:
    rows = printer.subject_rows(
        printer.ledger.items, _functional, lambda item: ("total", item.kind.key)
    )
    return printer.rows_table(ExpenditureTable, rows)


def _appropriation_table(printer: _Printer, appropriation: Appropriation) -> RowsTable:
    items = [item for item in printer.ledger.items if item.appropriation is appropriation]
    rows = printer.subject_rows(items, _functional, lambda item: ("total", item.kind.key))
    return printer.rows_table(_APPROPRIATION_TABLES[appropriation], rows)


def _basic_table(printer: _Printer) -> RowsTable:
    items = [
        item
        for item in printer.ledger.items
        if item.appropriation is Appropriation.GENERAL_PUBLIC and item.basic_kind is not None
    ]

    def columns(item: LineItem) -> tuple[str, ...]:
        assert item.basic_kind is not None  # 基本支出 by construction of the list
        return ("total", item.basic_kind.key)

    rows = printer.subject_rows(items, lambda item: item.economic, columns)
    return printer.rows_table(BasicExpenditureTable, rows)


def _three_public_table(printer: _Printer) -> RowsTable:
    sums: _Sums = {}
    for item in printer.ledger.items:
        if item.three_public is None or item.appropriation is None:
            continue
        column = item.appropriation.key
        _add(sums, item.three_public.rows, ("total", column), item.amount)
    spec = ThreePublicExpensesTable.SPEC.blocks[0]
    rows = (
        [
            (key, _label(spec, key), printer.figures(sums.get(key, {})))
            for key in _THREE_PUBLIC_LAYOUT
        ]
        if sums
        else []
    )
    return printer.rows_table(ThreePublicExpensesTable, rows)


def _label(block: BlockSpec, key: str) -> str:
    """The label a declared row prints with, ordinal included ("一、一般公共预算拨款收入")."""
    row = block.row(key)
    assert row is not None  # the layouts above name declared rows only
    return row.label


def _class_rows(
    printer: _Printer,
    sums: _Sums,
    layout: ClassLayout,
    extra: Sequence[str],
) -> list[_RowInput]:
    """The 类 rows of a summary's expenditure side, with ordinals: ``sums`` by 类 code."""
    codes = set(sums)
    uncoded: Sequence[str] = ()
    if layout is ClassLayout.ALL:
        known = catalogue(Scheme.FUNCTIONAL, printer.ledger.year)
        codes |= {subject.code for subject in known.roots()} if known is not None else set()
        uncoded = extra
    keys = [*sorted(codes), *uncoded]
    rows: list[_RowInput] = []
    for number, key in enumerate(keys, start=1):
        name = printer.ledger.subject_name(key) if key in codes else key
        rows.append((key, f"{chinese_ordinal(number)}、{name}", printer.figures(sums.get(key, {}))))
    return rows


def _summary_table(
    printer: _Printer, layout: ClassLayout, extra: Sequence[str]
) -> IncomeExpenditureSummary:
    income: _Sums = {}
    classes: _Sums = {}
    footer: _Sums = {}
    for item in printer.ledger.items:
        if item.fund is FundSource.CARRY_OVER:
            rows: tuple[str, ...] = ("carry_over", "grand_total")
        else:
            rows = (_SUMMARY_SOURCES[item.fund], "income_total", "grand_total")
        _add(income, rows, ("amount",), item.amount)
        _add(classes, (item.functional[:3],), ("amount",), item.amount)
        _add(footer, ("expenditure_total", "grand_total"), ("amount",), item.amount)
    spec = IncomeExpenditureSummary.SPEC
    income_rows = [
        (key, _label(spec.blocks[0], key), printer.figures(income.get(key, {})))
        for key in _SUMMARY_INCOME
    ]
    expenditure_rows = [
        *_class_rows(printer, classes, layout, extra),
        *(
            (key, _label(spec.blocks[1], key), printer.figures(footer.get(key, {})))
            for key in _FOOTER
        ),
    ]
    empty = not printer.ledger.items
    summary = IncomeExpenditureSummary.from_rows(
        printer.header,
        income_rows,
        expenditure_rows,
        note=EMPTY_NOTES[IncomeExpenditureSummary] if empty else None,
    )
    assert isinstance(summary, IncomeExpenditureSummary)  # from_rows builds its own class
    return summary


def _appropriation_summary(
    printer: _Printer, layout: ClassLayout, extra: Sequence[str]
) -> FiscalAppropriationSummary:
    income: _Sums = {}
    classes: _Sums = {}
    footer: _Sums = {}
    fiscal = [item for item in printer.ledger.items if item.appropriation is not None]
    for item in fiscal:
        assert item.appropriation is not None  # fiscal by construction of the list
        if item.fund is FundSource.CARRY_OVER:
            column = item.appropriation.key
            rows: tuple[str, ...] = ("carry_over", f"carry_over_{column}", "grand_total")
        else:
            rows = (item.appropriation.income_row, "income_total", "grand_total")
        _add(income, rows, ("amount",), item.amount)
        columns = ("total", item.appropriation.key)
        _add(classes, (item.functional[:3],), columns, item.amount)
        _add(footer, ("expenditure_total", "grand_total"), columns, item.amount)
    spec = FiscalAppropriationSummary.SPEC
    income_rows = [
        (key, _label(spec.blocks[0], key), printer.figures(income.get(key, {})))
        for key in _APPROPRIATION_INCOME
    ]
    expenditure_rows = [
        *_class_rows(printer, classes, layout, extra),
        *(
            (key, _label(spec.blocks[1], key), printer.figures(footer.get(key, {})))
            for key in _FOOTER
        ),
    ]
    summary = FiscalAppropriationSummary.from_rows(
        printer.header,
        income_rows,
        expenditure_rows,
        note=None if fiscal else EMPTY_NOTES[FiscalAppropriationSummary],
    )
    assert isinstance(summary, FiscalAppropriationSummary)  # from_rows builds its own class
    return summary


def _goal(
    goal: ProjectPerformanceGoal, items: Sequence[LineItem], unit: Unit
) -> ProjectPerformanceGoal:
    """The goal with its budget derived from the items of its project.

    A layout that prints 上年结转资金 (``carry_over`` not ``None``) shows the carried-over money
    apart; otherwise 财政资金 holds the appropriations, carried over or not, and 其他资金 the rest.
    """
    apart = goal.carry_over is not None
    parts: dict[str, list[Decimal]] = {}
    for item in items:
        if apart and item.fund is FundSource.CARRY_OVER:
            part = "carry_over"
        elif item.appropriation is not None:
            part = "financial_funds"
        else:
            part = "other_funds"
        parts.setdefault(part, []).append(item.amount)

    def figure(amounts: Iterable[Decimal] | None) -> Decimal | None:
        return None if amounts is None else to_unit(exact_sum(amounts), Unit.YUAN, unit)

    return attrs.evolve(
        goal,
        unit=unit,
        budget=figure(item.amount for item in items),
        financial_funds=figure(parts.get("financial_funds")),
        other_funds=figure(parts.get("other_funds")),
        carry_over=figure(parts.get("carry_over")) if apart else None,
    )


def derive(
    ledger: Ledger,
    *,
    unit: Unit = Unit.WAN_YUAN,
    classes: ClassLayout = ClassLayout.ALL,
    extra_classes: Sequence[str] = (),
) -> DepartmentBudget:
    """The department's budget disclosure derived from its ledger.

    - the nine tables in ``unit`` (万元 by default, 元 for the exact sums), every cell rounded
      half up on its own from its exact sum; tables 7, 8, 9 (and any other table with nothing
      to show) empty with their note (:data:`EMPTY_NOTES`);
    - the summaries (tables 1 and 4) in the standard layout: the income rows the seed prints
      and, on the expenditure side, the 类 of ``classes``; with :attr:`ClassLayout.ALL` they
      are followed by ``extra_classes``, rows printed by name that no catalogue codes (the
      seed's 三十一、人行科目) and that never hold money; 年终结转结余 is blank, for a budget
      carries nothing forward;
    - the units, the goals with their project budgets derived from their items, and the facts
      the explanation states, read from the tables derived in 万元 (:func:`table_facts`): a
      text states 万元 with two decimals, each rounded from its exact sum, in any unit.

    Tables 5 to 8 show each appropriation's money, this year's and carried over; table 6 the
    basic expenditure of 一般公共预算 by economic 类 and 款; table 9 the fiscal appropriations'
    "三公" items.
    """
    header = TableHeader(ledger.department, ledger.year, unit, ledger.department_code)
    printer = _Printer(ledger, header)
    tables: list[Table] = [
        _summary_table(printer, classes, extra_classes),
        _income_table(printer),
        _expenditure_table(printer),
        _appropriation_summary(printer, classes, extra_classes),
        _appropriation_table(printer, Appropriation.GENERAL_PUBLIC),
        _basic_table(printer),
        _appropriation_table(printer, Appropriation.GOVERNMENT_FUND),
        _appropriation_table(printer, Appropriation.STATE_CAPITAL),
        _three_public_table(printer),
    ]
    by_project: dict[str, list[LineItem]] = {}
    for item in ledger.items:
        if item.project is not None:
            by_project.setdefault(item.project, []).append(item)
    budget = DepartmentBudget(
        ledger.department,
        ledger.year,
        ledger.department_code,
        tables=tables,
        units=ledger.units,
        project_goals=[_goal(goal, by_project.get(goal.code, []), unit) for goal in ledger.goals],
    )
    # The text states 万元 with two decimals, rounded from the exact sums whatever the tables'
    # unit: read from tables in 万元 (a cell in 亿元 would state 2100万元 for 0.21亿元, ±50).
    in_wan = budget if unit is Unit.WAN_YUAN else derive(ledger, classes=classes)
    return attrs.evolve(budget, facts=table_facts(in_wan))


# -- the facts the explanation states --------------------------------------------------------

# Each fact and the cell it states (the cell the text–table rules compare it with).
FACT_CELLS: Mapping[str, tuple[type[Table], Cell]] = {
    "income_total": (IncomeExpenditureSummary, Cell("income", "grand_total", "amount")),
    **{
        fact: (IncomeExpenditureSummary, Cell("income", fact, "amount"))
        for fact in (
            "general_public_budget",
            "government_fund",
            "state_capital",
            "special_account",
            "unit_funds",
            "carry_over",
        )
    },
    **{
        fact: (IncomeTable, Cell("rows", "total", fact))
        for fact in (kind.key for kind in UnitFundKind)
    },
    "expenditure_total": (ExpenditureTable, Cell("rows", "total", "total")),
    "basic": (ExpenditureTable, Cell("rows", "total", "basic")),
    "project": (ExpenditureTable, Cell("rows", "total", "project")),
    "personnel": (BasicExpenditureTable, Cell("rows", "total", "personnel")),
    "public": (BasicExpenditureTable, Cell("rows", "total", "public")),
    "three_public_total": (ThreePublicExpensesTable, Cell("rows", "total", "total")),
    **{
        fact: (ThreePublicExpensesTable, Cell("rows", fact, "total"))
        for fact in (
            "travel_abroad",
            "vehicles",
            "vehicle_purchase",
            "vehicle_operation",
            "reception",
        )
    },
}


def fact_cell(budget: DepartmentBudget, fact: str) -> tuple[type[Table], Cell]:
    """The table and cell a fact is stated from (:data:`FACT_CELLS`). 机关运行经费 is the "三公"
    table's own row where it prints one, else the 公用经费 of the basic expenditure table, as the
    rule TXT-AGENCY-COSTS compares it.

    >>> fact_cell(DepartmentBudget("某局", 2025), "basic")
    (<class 'govbudget.tables.by_function.ExpenditureTable'>, Cell(block='rows', row='total', column='basic'))
    """
    if fact == "agency_running_costs":
        three = budget.three_public_expenses
        if three is not None and three.row("agency_running_costs") is not None:
            return ThreePublicExpensesTable, Cell("rows", "agency_running_costs", "total")
        return BasicExpenditureTable, Cell("rows", "total", "public")
    return FACT_CELLS[fact]


def fact_figures(budget: DepartmentBudget, fact: str) -> list[Decimal] | None:
    """The printed figures a fact is stated from, converted exactly to 万元 (blanks left out);
    ``None`` when the budget lacks the table or its table prints nothing that stands for the
    fact's cell. An empty table gives no figures: it states zero (空表列示: there is nothing)."""
    return _cell_figures(budget, *fact_cell(budget, fact))


def _cell_figures(budget: DepartmentBudget, kind: type[Table], cell: Cell) -> list[Decimal] | None:
    table = budget.table(kind)
    if table is None:
        return None
    figures, seen = figures_at(table, cell)
    if not (seen or table.is_empty):
        return None
    unit = table.header.unit
    return [convert(figure, unit, Unit.WAN_YUAN) for figure in figures if figure is not None]


def sum_figures(figures: Iterable[Decimal]) -> Decimal | None:
    """Printed figures added up exactly, keeping the finest precision among them; ``None`` for
    none. (:func:`~govbudget.amounts.exact_sum` starts from an exact 0, so the sum of 0.21亿元
    in 万元, ``2.1E+3`` ± 50, would come out as ``2100`` ± 0.5.)

    >>> sum_figures([Decimal("2.1E+3")]), sum_figures([Decimal("1.5E+3"), Decimal("0.25")])
    (Decimal('2.1E+3'), Decimal('1500.25'))
    """
    total: Decimal | None = None
    for figure in figures:
        total = figure if total is None else _EXACT.add(total, figure)
    return total


def _as_stated(figures: Iterable[Decimal]) -> Decimal:
    """Figures in 万元 added up as a text states them: two decimals at most, and nothing
    printed stated as 0.00."""
    total = sum_figures(figures)
    if total is None:
        return _ZERO
    places = decimal_places(total)
    return round_half_up(total, 2) if places is not None and places > 2 else total


def table_facts(budget: DepartmentBudget) -> StatedFacts:
    """The facts an explanation states, read from the budget's own tables.

    Income and its sources (收支总表), expenditure with 基本支出 and 项目支出 (支出总表), 人员经费
    and 公用经费 (基本支出表), 机关运行经费, the "三公" total and items (an empty table states 0),
    政府采购预算 (the procurement table's lines) and 上年末固定资产金额 (the fixed-assets table),
    each in 万元 as printed; the year is the budget's. The parts of 单位资金 are stated when there
    are unit funds at all. 人员经费 and 公用经费 are stated only when the basic expenditure table
    holds all of 基本支出 ("基本支出X万元，包括人员经费Y万元和公用经费Z万元" must add up; the table
    shows 一般公共预算 money only). Changes against last year come from a comparison
    (:func:`govbudget.ledger.compare_years`).
    """
    values: dict[str, Decimal] = {}
    for fact in (*FACT_CELLS, "agency_running_costs"):
        figures = fact_figures(budget, fact)
        if figures is not None:
            values[fact] = _as_stated(figures)
    if not values.get("unit_funds"):
        for fact in (kind.key for kind in UnitFundKind):
            values.pop(fact, None)
    split = _cell_figures(budget, BasicExpenditureTable, Cell("rows", "total", "total"))
    if split is None or values.get("basic") != _as_stated(split):
        values.pop("personnel", None)
        values.pop("public", None)
    procurement = budget.procurement
    if procurement is not None:
        values["procurement_total"] = _as_stated(
            convert(item.total, procurement.unit, Unit.WAN_YUAN)
            for item in procurement.items
            if item.total is not None
        )
    assets = budget.fixed_assets
    if assets is not None:
        shown = assets.row("total") is not None
        printed = [
            row.value for row in assets.rows if row.key in (("total",) if shown else _ASSET_PARTS)
        ]
        values["fixed_assets_value"] = _as_stated(
            convert(figure, assets.unit, Unit.WAN_YUAN) for figure in printed if figure is not None
        )
    make: Callable[..., StatedFacts] = StatedFacts
    return make(year=budget.year, **values)
