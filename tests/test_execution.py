"""A budget against its final accounts: compare_execution pairs every budget cell with its
actual across the two table families, rates under the rounding model, the variances and which
of them the explanation accounts for."""

from __future__ import annotations

import importlib.util
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govbudget import DepartmentBudget, DepartmentFinalAccounts, TableHeader, Unit
from govbudget.disclosure.facts import FinalStatedFacts
from govbudget.disclosure.statements import StatedExecution
from govbudget.ledger import (
    EXECUTION_PAIRS,
    Appropriation,
    BasicKind,
    ExecutionComparison,
    FundSource,
    Ledger,
    LedgerError,
    LineItem,
    Measure,
    ThreePublicItem,
    UnitFundKind,
    compare_execution,
    compare_years,
    derive,
)
from govbudget.strategies import Balance, final_accounts_from, ledgers
from govbudget.strategies.final import fund_of
from govbudget.tables import (
    STANDARD_FINAL_TABLES,
    STANDARD_TABLES,
    BasicExpenditureFinalTable,
    BasicExpenditureTable,
    ExpenditureFinalTable,
    ExpenditureTable,
    FiscalAppropriationFinalSummary,
    FiscalAppropriationSummary,
    GeneralPublicExpenditureFinalTable,
    GeneralPublicExpenditureTable,
    IncomeExpenditureFinalSummary,
    IncomeExpenditureSummary,
    IncomeFinalTable,
    IncomeTable,
    Row,
    ThreePublicExpensesFinalTable,
    ThreePublicExpensesTable,
    table_type,
)

ROOT = Path(__file__).resolve().parent.parent
HEADER = TableHeader("某局", 2025)


def _example() -> ModuleType:
    path = ROOT / "examples" / "seed_final_accounts.py"
    spec = importlib.util.spec_from_file_location("seed_final_accounts", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seed() -> ExecutionComparison:
    example = _example()
    return compare_execution(example.seed_budget(), example.seed_final_accounts())


def budget_of(*tables: object, year: int = 2025) -> DepartmentBudget:
    return DepartmentBudget("某局", year, tables=tables)  # type: ignore[arg-type]


def final_of(*tables: object, facts: FinalStatedFacts | None = None) -> DepartmentFinalAccounts:
    return DepartmentFinalAccounts(
        "某局",
        2025,
        tables=tables,  # type: ignore[arg-type]
        facts=facts or FinalStatedFacts(),
    )


# -- the declaration ---------------------------------------------------------------------------


def test_the_pairing_is_declared_between_the_two_families() -> None:
    """Each budget table pairs with its 决算 twin alone (the "三公" table is 9 in a budget and 7
    in final accounts), on columns both declare."""
    twins = {(pairing.budget, pairing.final) for pairing in EXECUTION_PAIRS}
    assert twins == {
        ("income_expenditure_summary", "income_expenditure_final_summary"),
        ("income", "income_final"),
        ("expenditure", "expenditure_final"),
        ("fiscal_appropriation_summary", "fiscal_appropriation_final_summary"),
        ("general_public_expenditure", "general_public_expenditure_final"),
        ("basic_expenditure", "basic_expenditure_final"),
        ("government_fund_expenditure", "government_fund_final"),
        ("state_capital_expenditure", "state_capital_final"),
        ("three_public_expenses", "three_public_expenses_final"),
    }
    for pairing in EXECUTION_PAIRS:
        budget, final = table_type(pairing.budget), table_type(pairing.final)
        assert budget in STANDARD_TABLES and final in STANDARD_FINAL_TABLES
        budget.SPEC.block(pairing.block).column(pairing.column)
        final.SPEC.block(pairing.final_block).column(pairing.final_column)


def test_every_table_of_the_seed_pairs_with_its_twin(seed: ExecutionComparison) -> None:
    pairs = {(cell.table, cell.final_table) for cell in seed.cells}
    assert pairs == {
        (budget.SPEC.title, final.SPEC.title)
        for budget, final in (
            (IncomeExpenditureSummary, IncomeExpenditureFinalSummary),
            (IncomeTable, IncomeFinalTable),
            (ExpenditureTable, ExpenditureFinalTable),
            (FiscalAppropriationSummary, FiscalAppropriationFinalSummary),
            (GeneralPublicExpenditureTable, GeneralPublicExpenditureFinalTable),
            (BasicExpenditureTable, BasicExpenditureFinalTable),
            (ThreePublicExpensesTable, ThreePublicExpensesFinalTable),
        )
    }  # the budget's 政府性基金 and 国有资本 tables are empty, and so are the final's


def test_the_seed_pairs_cell_by_cell(seed: ExecutionComparison) -> None:
    # 收入总表 本年收入 小计 ↔ 收入决算表 本年收入合计, by code
    income = seed.cell(IncomeTable, "2013702", "current_year")
    assert income is not None and income.final_column == "total"
    assert (income.budgeted, income.actual) == (Decimal("80.00"), Decimal("79.25"))
    # the summary's 上年结转结余 (blank) ↔ 年初结转和结余: spent without a budget
    carry = seed.cell(IncomeExpenditureSummary, "carry_over", "amount", block="income")
    assert carry is not None and carry.rate.zero_budget and carry.actual == Decimal("3.20")
    # 基本支出 by economic code, and the 人员经费 total ↔ 人员经费合计 (301 + 303)
    salary = seed.cell(BasicExpenditureTable, "30101", "total")
    assert salary is not None and (salary.budgeted, salary.actual) == (
        Decimal("69.49"),
        Decimal("68.12"),
    )
    personnel = seed.cell(BasicExpenditureFinalTable, "personnel_total", "total")
    assert personnel is not None and (personnel.row, personnel.column) == ("total", "personnel")
    assert (personnel.budgeted, personnel.actual) == (Decimal("182.21"), Decimal("180.43"))
    # one budget cell, three final figures: 决算数, 年初预算数, 调整预算数
    item = seed.table(GeneralPublicExpenditureTable, measure=None)
    security = {c.measure: c.actual for c in item if (c.row, c.column) == ("2013704", "total")}
    assert security == {
        Measure.ACTUAL: Decimal("13.20"),
        Measure.BUDGET: Decimal("10.00"),
        Measure.ADJUSTED: Decimal("13.20"),
    }
    assert [c.row for c in seed.restated_budgets() if c.measure is Measure.BUDGET] == []
    # "三公": the budget's empty table (空表) is zero; the final prints 预算数 and 决算数 0.00
    three = seed.table(ThreePublicExpensesTable, measure=None)
    assert {(c.row, c.final_column) for c in three} >= {("total", "actual"), ("total", "budget")}
    assert not any(c.differs for c in three)


def test_the_seed_totals_and_variances(seed: ExecutionComparison) -> None:
    totals = {label: (c.budgeted, c.actual, c.rate.point) for label, c in seed.totals().items()}
    assert totals["支出合计"] == (Decimal("283.61"), Decimal("281.98"), Decimal("99.43"))
    assert totals["项目支出"] == (Decimal("90.00"), Decimal("90.05"), Decimal("100.06"))
    assert totals["“三公”经费"] == (None, Decimal("0.00"), None)
    items = {c.row: c.difference for c in seed.variances(GeneralPublicExpenditureTable)}
    assert items["2013704"] == Decimal("3.20") and items["2080801"] == Decimal("1.50")
    assert "2101101" not in items  # 14.53 spent as budgeted
    assert all(c.measure is Measure.ACTUAL and c.differs for c in seed.variances())
    assert {c.row for c in seed.zero_budgets() if c.actual} >= {"2080801", "carry_over"}


def test_the_explanation_accounts_for_all_variances_but_one(seed: ExecutionComparison) -> None:
    explained = {each.execution.row: each.explained for each in seed.explanations()}
    assert explained == {
        "total": True,
        "2013701": True,
        "2013702": True,
        "2013704": True,
        "2080801": False,
    }
    (missing,) = seed.unexplained()
    assert (missing.row, missing.label, missing.rate.zero_budget) == ("2080801", "死亡抚恤", True)


# -- pairing rules, by hand ----------------------------------------------------------------------


def test_a_budget_without_a_subtotal_pairs_its_total() -> None:
    """上海's 收入总表 prints 合计 and the sources, no 本年收入 小计: its 合计 stands in."""
    budget = budget_of(
        IncomeTable.from_rows(
            HEADER,
            [("total", "合计", {"total": "10.00", "fiscal_appropriation": "10.00"})],
            columns=["total", "fiscal_appropriation"],
        )
    )
    final = final_of(
        IncomeFinalTable.from_rows(
            HEADER, [("total", "合计", {"total": "9.00", "fiscal_appropriation": "9.00"})]
        )
    )
    cells = {(c.column, c.final_column): c for c in compare_execution(budget, final).cells}
    assert set(cells) == {("total", "total"), ("fiscal_appropriation", "fiscal_appropriation")}
    assert cells["total", "total"].rate.point == Decimal("90.00")


def test_figures_in_yuan_are_compared_in_wan() -> None:
    budget = budget_of(
        ExpenditureTable.from_rows(
            TableHeader("某局", 2025, unit=Unit.YUAN),
            [("2013701", "行政运行", {"total": "1665900", "basic": "1665900"})],
            columns=["total", "basic"],
        )
    )
    final = final_of(
        ExpenditureFinalTable.from_rows(
            HEADER, [("2013701", "行政运行", {"total": "166.59", "basic": "166.59"})]
        )
    )
    execution = compare_execution(budget, final)
    cell = execution.cell(ExpenditureTable, "2013701", "total")
    assert cell is not None and cell.budgeted == Decimal("166.5900")
    assert execution.variances() == () and cell.rate.point == Decimal("100.00")


def test_fixed_rows_pair_where_both_print_them_codes_where_either_does() -> None:
    budget = budget_of(
        GeneralPublicExpenditureTable.from_rows(
            HEADER,
            [
                ("total", "合计", {"total": "10.00"}),
                ("2013701", "行政运行", {"total": "10.00"}),
            ],
        )
    )
    final = final_of(
        GeneralPublicExpenditureFinalTable.from_rows(
            HEADER,
            [("2101101", "行政单位医疗", {"total": "2.00"})],
            columns=["total", "basic", "project"],
        )
    )
    execution = compare_execution(budget, final)
    assert [(c.row, c.budgeted, c.actual) for c in execution.cells] == [
        ("2101101", None, Decimal("2.00")),
        ("2013701", Decimal("10.00"), None),  # not spent: a rate of 0%
    ]
    assert execution.cells[1].rate.point == Decimal("0.00")
    # the final prints no 合计 row: the budget's is paired with nothing, not with a zero
    assert execution.cell(GeneralPublicExpenditureTable, "total", "total") is None


def test_an_empty_table_is_zeros() -> None:
    budget = budget_of(ThreePublicExpensesTable(HEADER, note="注：无“三公”经费预算，空表列示。"))
    final = final_of(
        ThreePublicExpensesFinalTable.from_rows(
            HEADER,
            [
                ("total", "合计", {"budget": "0.00", "actual": "0.46"}),
                ("reception", "公务接待费", {"budget": "0.00", "actual": "0.46"}),
            ],
        )
    )
    execution = compare_execution(budget, final)
    assert [(c.row, c.measure.label) for c in execution.variances()] == [
        ("total", "决算数"),
        ("reception", "决算数"),
    ]
    assert str(execution.variances()[1].rate) == "预算数为零（空），决算数 0.46：完成率无从计算"
    assert execution.restated_budgets() == ()


# -- which variances the explanation accounts for --------------------------------------------------


def _general_public(rows: list[tuple[str, str, str]], final: bool) -> object:
    kind = GeneralPublicExpenditureFinalTable if final else GeneralPublicExpenditureTable
    return kind.from_rows(
        HEADER,
        [(code, name, {"total": amount}) for code, name, amount in rows],
        columns=["total", "basic", "project"],
    )


BUDGETED = [
    ("total", "合计", "30.00"),
    ("201", "一般公共服务支出", "20.00"),
    ("20106", "财政事务", "20.00"),
    ("2010601", "行政运行", "10.00"),
    ("2010650", "事业运行", "10.00"),
    ("221", "住房保障支出", "10.00"),
    ("22102", "住房改革支出", "10.00"),
    ("2210201", "住房公积金", "10.00"),
]
SPENT = [
    ("total", "合计", "27.00"),
    ("201", "一般公共服务支出", "18.00"),
    ("20106", "财政事务", "18.00"),
    ("2010601", "行政运行", "9.00"),
    ("2010650", "事业运行", "9.00"),
    ("221", "住房保障支出", "9.00"),
    ("22102", "住房改革支出", "9.00"),
    ("2210201", "住房公积金", "9.00"),
]


def test_statements_are_found_by_names_by_code_and_by_their_kuan() -> None:
    facts = FinalStatedFacts(
        general_public_execution=StatedExecution(
            "一般公共预算财政拨款支出", key="general_public_expenditure", reason="厉行节约"
        ),
        executions=[
            # by names, 类 spelled without 支出
            StatedExecution(
                "一般公共服务（类）财政事务（款）行政运行（项）",
                path=("一般公共服务", "财政事务", "行政运行"),
                reason="人员减少",
            ),
            # a statement without a reason does not account for its item
            StatedExecution("事业运行", code="2010650", word="小于"),
            # a statement about the 款 accounts for its 项
            StatedExecution(
                "住房保障支出（类）住房改革支出（款）",
                path=("住房保障支出", "住房改革支出"),
                reason="缴存基数调整",
            ),
        ],
    )
    execution = compare_execution(
        budget_of(_general_public(BUDGETED, final=False)),
        final_of(_general_public(SPENT, final=True), facts=facts),
    )
    found = {
        each.execution.row: (each.statement.item[:4] if each.statement else None, each.reason)
        for each in execution.explanations()
    }
    assert found == {
        "total": ("一般公共", "厉行节约"),
        "2010601": ("一般公共", "人员减少"),
        "2010650": ("事业运行", None),
        "2210201": ("住房保障", "缴存基数调整"),
    }
    assert [cell.row for cell in execution.unexplained()] == ["2010650"]


def test_without_an_explanation_every_variance_is_unexplained() -> None:
    execution = compare_execution(
        budget_of(_general_public(BUDGETED, final=False)),
        final_of(_general_public(SPENT, final=True)),
    )
    assert [cell.row for cell in execution.unexplained()] == [
        "total",
        "2010601",
        "2010650",
        "2210201",
    ]
    assert all(each.statement is None for each in execution.explanations())


def test_a_three_public_item_takes_the_reason_of_the_three_public_statement() -> None:
    budget = budget_of(
        ThreePublicExpensesTable.from_rows(
            HEADER,
            [("total", "合计", {"total": "2.00"}), ("reception", "公务接待费", {"total": "2.00"})],
            columns=["total"],
        )
    )
    final = ThreePublicExpensesFinalTable.from_rows(
        HEADER,
        [
            ("total", "合计", {"budget": "2.00", "actual": "0.50"}),
            ("reception", "公务接待费", {"budget": "2.00", "actual": "0.50"}),
        ],
    )
    whole = StatedExecution("“三公”经费", key="three_public_total", reason="厉行节约")
    item = StatedExecution("公务接待费", key="reception", actual="0.50")
    facts = FinalStatedFacts(three_public_executions=[whole, item])
    explanations = compare_execution(budget, final_of(final, facts=facts)).explanations()
    assert [(e.execution.row, e.statement, e.explained) for e in explanations] == [
        ("total", whole, True),
        ("reception", whole, True),
    ]


# -- compare, and what is refused ---------------------------------------------------------------


def test_compare_years_compares_budgets_and_compare_execution_a_budget_and_its_accounts() -> None:
    budget, final = budget_of(year=2025), final_of()
    assert isinstance(compare_execution(budget, final), ExecutionComparison)
    assert compare_years(budget_of(year=2024), budget).changes == ()
    with pytest.raises(LedgerError, match="compare_execution"):
        compare_years(budget, final)  # type: ignore[arg-type]
    with pytest.raises(LedgerError, match="the budget comes first"):
        compare_execution(final, final)  # type: ignore[arg-type]
    with pytest.raises(LedgerError, match="not executed by final accounts of 2025"):
        compare_execution(budget_of(year=2024), final)


# -- the property: actuals equal to the budget ----------------------------------------------------


def _as_budgeted(item: LineItem) -> LineItem:
    """A line item as the two families agree on it: 人员经费 is 301 and 303 (the final
    accounts' 人员经费合计 is those classes), and 财政专户管理资金 is 事业收入 (the final
    accounts have no 财政专户 column: the budget's pairs with nothing)."""
    if item.fund is FundSource.SPECIAL_ACCOUNT:
        item = attrs.evolve(
            item, fund=FundSource.UNIT_FUNDS, unit_fund_kind=UnitFundKind.SERVICE_INCOME
        )
    if item.basic_kind is not None:
        personnel = item.economic[:3] in ("301", "303")
        item = attrs.evolve(item, basic_kind=BasicKind.PERSONNEL if personnel else BasicKind.PUBLIC)
    return item


def _spent_as_budgeted(ledger: Ledger, unit: Unit) -> DepartmentFinalAccounts:
    """Final accounts whose actuals are the ledger's items: the money the budget takes from
    last year's balances is carried over, and the 年初预算数 and "三公" 预算数 it prints are the
    budget's."""
    general: dict[str, Decimal] = defaultdict(Decimal)
    three: dict[ThreePublicItem, Decimal] = defaultdict(Decimal)
    opening: dict[tuple[Appropriation | UnitFundKind, str], Decimal] = defaultdict(Decimal)
    for item in ledger.items:
        if item.appropriation is Appropriation.GENERAL_PUBLIC:
            general[item.functional] += item.amount
        if item.three_public is not None and item.appropriation is not None:
            three[item.three_public] += item.amount
        if item.fund is FundSource.CARRY_OVER:
            opening[fund_of(item), item.functional] += item.amount
    return final_accounts_from(
        ledger,
        balances=[
            Balance(fund, code, carry_over=amount) for (fund, code), amount in opening.items()
        ],
        budgets=dict(general),
        three_public_budgets=dict(three),
        unit=unit,
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers(), st.sampled_from(Unit))
def test_spending_the_budget_to_the_fen_leaves_no_variance(ledger: Ledger, unit: Unit) -> None:
    """A budget against final accounts whose actuals are its own figures: no variance, no
    budget printed otherwise, nothing to explain, and every rate over a budget is 100% — the
    printed rate exactly where both print in the same unit, within the rounding model's range
    where one prints 元 and the other 万元."""
    ledger = attrs.evolve(ledger, items=[_as_budgeted(item) for item in ledger.items])
    budget = derive(ledger)
    execution = compare_execution(budget, _spent_as_budgeted(ledger, unit))
    assert execution.cells or not ledger.items
    assert execution.variances() == ()
    assert execution.restated_budgets() == ()
    assert execution.explanations() == ()
    for cell in execution.cells:
        rate = cell.rate
        if rate.zero_budget:
            continue
        assert rate.low is not None and rate.high is not None
        assert rate.low <= 100 <= rate.high
        if unit is Unit.WAN_YUAN:
            assert rate.point == Decimal("100.00")


def test_a_row_the_final_accounts_do_not_declare_pairs_with_nothing() -> None:
    """财政专户管理资金收入 and 单位资金 are budget rows of the 收支总表 the final accounts do not
    have."""
    summary = IncomeExpenditureSummary(
        HEADER,
        income=[
            Row("special_account", "四、财政专户管理资金收入", ["5.00"]),
            Row("grand_total", "收入总计", ["5.00"]),
        ],
        expenditure=[Row("grand_total", "支出总计", ["5.00"])],
    )
    final = IncomeExpenditureFinalSummary(
        HEADER,
        income=[Row("grand_total", "总计", ["5.00"])],
        expenditure=[Row("grand_total", "总计", ["5.00"])],
    )
    cells = compare_execution(budget_of(summary), final_of(final)).cells
    assert [(c.block, c.row) for c in cells] == [
        ("income", "grand_total"),
        ("expenditure", "grand_total"),
    ]
