"""The strategies of final accounts: consistent accounts pass every rule, their tables and facts
are what they promise, and st.from_type knows the new types."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govbudget import DepartmentFinalAccounts, Ledger, LineItem, Table, check
from govbudget.disclosure import BudgetUnit
from govbudget.disclosure.facts import FinalStatedFacts
from govbudget.strategies import (
    Balance,
    Corruption,
    corruptions,
    example_budget,
    example_final_accounts,
    final_accounts,
    final_accounts_from,
    final_tables,
    stated_final_facts,
)
from govbudget.strategies.final import BasicLayout, BudgetColumns
from govbudget.tables import STANDARD_FINAL_TABLES


@settings(max_examples=40, deadline=None)
@given(final_accounts())
def test_consistent_final_accounts_have_no_error(accounts: DepartmentFinalAccounts) -> None:
    report = check(accounts)
    assert report.errors == (), [(f.rule, f.message) for f in report.errors]
    assert check(accounts) == report


@settings(max_examples=40, deadline=None)
@given(final_accounts())
def test_the_income_balances_the_carry_overs(accounts: DepartmentFinalAccounts) -> None:
    # 本年收入 need not equal 本年支出: the carry-overs make up the difference, exactly so in 元.
    summary = accounts.income_expenditure_summary
    assert summary is not None and [type(t) for t in accounts.tables] == list(STANDARD_FINAL_TABLES)
    if summary.is_empty:
        return

    def get(side: str, row: str) -> Decimal:
        value = summary.block(side).value(row, "amount")
        return value if value is not None else Decimal(0)

    tolerance = Decimal("0.02") if summary.header.unit.label == "万元" else Decimal(0)
    left = get("income", "income_total") + get("income", "carry_over")
    right = get("expenditure", "expenditure_total") + get("expenditure", "carry_forward")
    assert abs(left - right) <= tolerance


@settings(max_examples=30, deadline=None)
@given(corruptions(final_accounts(max_items=6)))
def test_a_corruption_of_drawn_final_accounts_fires_its_rules(corruption: Corruption) -> None:
    errors = check(corruption.target).errors
    assert corruption.rules <= {f.rule for f in errors}, corruption.description
    if corruption.row is not None:
        rows = [f.location.row or "" for f in errors if f.rule in corruption.rules]
        assert any(row.endswith(corruption.row) for row in rows)


@pytest.mark.parametrize("kind", STANDARD_FINAL_TABLES, ids=lambda k: k.__name__)
def test_final_tables_of_each_class(kind: type[Table]) -> None:
    @settings(max_examples=10, deadline=None, database=None)
    @given(final_tables(kind), st.from_type(kind))
    def run(drawn: Table, registered: Table) -> None:
        assert type(drawn) is kind and type(registered) is kind
        assert check(drawn) == check(drawn)

    run()


@settings(max_examples=10, deadline=None)
@given(st.from_type(DepartmentFinalAccounts), st.from_type(FinalStatedFacts))
def test_from_type_draws_consistent_final_accounts_and_facts(
    accounts: DepartmentFinalAccounts, facts: FinalStatedFacts
) -> None:
    assert check(accounts).errors == ()
    assert check(facts).errors == ()


def test_the_example_final_accounts_execute_the_example_budget() -> None:
    budget, accounts = example_budget(), example_final_accounts()
    assert (accounts.department, accounts.year) == (budget.department, budget.year)
    assert check(accounts).errors == ()
    assert all(not table.is_empty for table in accounts.tables)
    # table 5's 年初预算数 is the budget's 一般公共预算 expenditure, item by item
    t5, planned = accounts.general_public_expenditure, budget.general_public_expenditure
    assert t5 is not None and planned is not None
    assert [(r.key, t5.value(r.key, "budget")) for r in t5.rows] == [
        (r.key, planned.value(r.key, "total")) for r in planned.rows
    ]
    # the "三公" 预算数 is the budget's
    three, budgeted = accounts.three_public_expenses, budget.three_public_expenses
    assert three is not None and budgeted is not None
    assert three.value("total", "budget") == budgeted.value("total", "total")
    facts = accounts.facts
    assert facts.general_public_execution is not None
    assert [e.rate for e in facts.executions] == [
        Decimal("99.65"),
        Decimal("95.88"),
        Decimal("100.00"),
        Decimal("100.00"),
    ]
    assert [e.key for e in facts.three_public_executions][:1] == ["three_public_total"]
    assert facts.three_public_executions[0].budgeted == three.value("total", "budget")


def _ledger(*items: LineItem) -> Ledger:
    return Ledger(
        "某局",
        2025,
        units=[BudgetUnit("本级", "行政")],
        items=items,
        names={"21208": "国有土地使用权出让收入安排的支出"},
    )


def test_a_fund_cannot_carry_over_more_than_it_spends_and_keeps() -> None:
    item = LineItem("2013701", "30101", "100", "基本支出", unit="本级", basic_kind="人员经费")
    with pytest.raises(ValueError, match="本年收入 would be negative"):
        final_accounts_from(
            _ledger(item), balances=[Balance("一般公共预算拨款", "2013701", "200", "50")]
        )


@pytest.mark.parametrize("layout", BasicLayout)
@pytest.mark.parametrize("columns", BudgetColumns)
def test_every_layout_is_consistent(layout: BasicLayout, columns: BudgetColumns) -> None:
    items = [
        LineItem("2013701", "30101", "1000000", "基本支出", unit="本级", basic_kind="人员经费"),
        LineItem("2013701", "30201", "5000.50", "基本支出", unit="本级", basic_kind="公用经费"),
        LineItem("2013702", "30227", "300000", "项目支出", unit="本级", project="P1"),
    ]
    accounts = final_accounts_from(
        _ledger(*items),
        balances=[Balance("一般公共预算拨款", "2013702", "10000", "20000")],
        budgets={"2013701": "1100000", "2013702": "290000"},
        adjusted_budgets={"2013701": "1050000"},
        budget_columns=columns,
        basic_layout=layout,
    )
    assert check(accounts).errors == ()
    facts = accounts.facts
    assert facts.personnel == Decimal("100.00") and facts.public == Decimal("0.50")
    if columns is BudgetColumns.NONE:
        assert facts.executions == () and facts.general_public_execution is None
    else:
        assert [e.word for e in facts.executions] == ["小于", "大于"]
    assert stated_final_facts(accounts) == facts
