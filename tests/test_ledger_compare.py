"""Consolidation, year-over-year comparison with its stated changes, budget against final
accounts."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govbudget import DepartmentBudget, Finding, Severity, Unit, agree, check
from govbudget.amounts import round_half_up, to_unit
from govbudget.disclosure import BudgetUnit, StatedChange
from govbudget.ledger import (
    STANDARD_CHANGES,
    BasicKind,
    ExecutionRate,
    ExpenditureKind,
    Ledger,
    LedgerError,
    LineItem,
    ThreePublicItem,
    compare_execution,
    compare_years,
    consolidate,
    derive,
    explanation,
    with_changes,
)
from govbudget.reading import read_facts
from govbudget.strategies.ledgers import ledgers
from govbudget.tables import ExpenditureTable

OFFICE = BudgetUnit("某局本级", "行政")
BASIC, PROJECT = ExpenditureKind.BASIC, ExpenditureKind.PROJECT
KINDS = (BASIC, PROJECT)
REASONS = dict.fromkeys(STANDARD_CHANGES, "工作任务调整")


def ledger(year: int, *items: LineItem) -> Ledger:
    return Ledger("某局", year, units=[OFFICE], items=items)


def basic(amount: str, **fields: object) -> LineItem:
    arguments: dict[str, object] = {
        "functional": "2013701",
        "economic": "30101",
        "amount": amount,
        "kind": BASIC,
        "unit": OFFICE.name,
        "basic_kind": BasicKind.PERSONNEL,
    }
    arguments.update(fields)
    return LineItem(**arguments)  # type: ignore[arg-type]


def project(amount: str, code: str = "2013702") -> LineItem:
    return LineItem(code, "30227", amount, PROJECT, unit=OFFICE.name, project="P1")


# -- consolidation -----------------------------------------------------------------------------


@settings(max_examples=100)
@given(ledgers())
def test_consolidating_the_units_then_deriving_is_deriving_the_department(value: Ledger) -> None:
    parts = [value.of_unit(unit.name) for unit in value.units]
    merged = consolidate(parts)
    assert sorted(merged.items, key=repr) == sorted(value.items, key=repr)
    whole, consolidated = derive(value), derive(merged)
    assert consolidated.tables == whole.tables
    assert consolidated.facts == whole.facts
    assert sorted(consolidated.project_goals, key=repr) == sorted(whole.project_goals, key=repr)


@settings(max_examples=100)
@given(ledgers())
def test_the_department_agrees_with_its_units_added_up(value: Ledger) -> None:
    """Each department cell is rounded once from the exact sum, so it need not be the sum of
    the units' printed cells — but it always agrees with it under the rounding model."""
    department = derive(value).expenditure
    units = [derive(value.of_unit(unit.name)).expenditure for unit in value.units]
    assert department is not None and all(units)
    for row in department.rows:
        for column in department.columns:
            parts = [table.value(row.key, column) for table in units if table is not None]
            assert agree(department.value(row.key, column), parts).ok


def test_consolidation_refuses_what_does_not_add_up() -> None:
    office = ledger(2025, basic("1"))
    with pytest.raises(LedgerError, match="different years"):
        consolidate([office, ledger(2024)])
    with pytest.raises(LedgerError, match="twice"):
        consolidate([office, office])
    named = attrs.evolve(office, names={"2019901": "某某事务"})
    other = Ledger("某局", 2025, units=[BudgetUnit("某中心")], names={"2019901": "另一事务"})
    with pytest.raises(LedgerError, match="both"):
        consolidate([named, other])
    with pytest.raises(LedgerError, match="at least one"):
        consolidate([])
    renamed = consolidate([office], department="某某局", department_code="123")
    assert (renamed.department, renamed.department_code) == ("某某局", "123")


def test_a_department_can_print_a_cent_its_units_do_not() -> None:
    centre = BudgetUnit("某中心", "事业")
    department = consolidate(
        [
            ledger(2025, basic("40")),
            Ledger("某局", 2025, units=[centre], items=[basic("40", unit="某中心")]),
        ]
    )
    printed = [
        derive(part).expenditure.value("total", "total")  # type: ignore[union-attr]
        for part in (department.of_unit(OFFICE.name), department.of_unit("某中心"), department)
    ]
    assert printed == [Decimal("0.00"), Decimal("0.00"), Decimal("0.01")]


# -- year over year ------------------------------------------------------------------------------


def test_changes_by_cell_class_kind_and_three_public_items() -> None:
    car = basic(
        "30000",
        economic="30231",
        basic_kind=BasicKind.PUBLIC,
        three_public=ThreePublicItem.VEHICLE_OPERATION,
    )
    before = derive(ledger(2024, basic("1000000"), project("600000"), car))
    after = derive(ledger(2025, basic("912000"), project("900000"), project("50000", "2210201")))
    comparison = compare_years(before, after)
    assert (comparison.total.amount, comparison.basic.amount, comparison.project.amount) == (
        Decimal("23.20"),
        Decimal("-11.80"),
        Decimal("35.00"),
    )
    assert [(c.row, c.previous, c.current) for c in comparison.by_class()] == [
        ("201", Decimal("163.00"), Decimal("181.20")),
        ("221", None, Decimal("5.00")),
    ]
    three = {change.row: change for change in comparison.three_public()}
    assert (three["three_public_total"].amount, three["vehicle_operation"].word) == (
        Decimal("-3.00"),
        "减少",
    )
    assert three["reception"].word == "持平"
    cell = comparison.cell(ExpenditureTable, "2013701", "basic")
    assert cell is not None and cell.interval.low == Decimal("-11.81")
    assert comparison.cell(ExpenditureTable, "2013701", "operating") is None


def test_stated_changes_say_increase_decrease_or_flat() -> None:
    before = derive(ledger(2024, basic("1000000"), project("600000")))
    after = derive(ledger(2025, basic("912000"), project("600000")))
    stated = compare_years(before, after).stated_changes(
        reasons={"change_basic": "人员调出"}, percent=True
    )
    assert stated["change"] == StatedChange("-8.80", percent="-5.50", word="减少")
    assert stated["change_basic"] == StatedChange(
        "-8.80", percent="-8.80", reason="人员调出", word="减少"
    )
    assert stated["change_project"] == StatedChange("0.00", word="持平")
    assert stated["three_public_change"] == StatedChange("0.00", word="持平")
    with pytest.raises(LedgerError, match="not changes"):
        compare_years(before, after).stated_changes(("basic",))
    with pytest.raises(LedgerError, match="not a year before"):
        compare_years(after, before)


def test_no_percentage_over_nothing_last_year() -> None:
    before = derive(ledger(2024, basic("1000000")))
    after = derive(ledger(2025, basic("1000000"), project("600000")))
    stated = compare_years(before, after).stated_changes(percent=True)
    assert stated["change_project"] == StatedChange("60.00", word="增加")


def with_read_facts(budget: DepartmentBudget) -> DepartmentBudget:
    """The budget with the facts its generated explanation states, as a reader reads them."""
    reading = read_facts(explanation(budget))
    assert reading.findings == ()
    assert attrs.evolve(reading.facts, quotes=()) == budget.facts
    return attrs.evolve(budget, facts=reading.facts)


def text_errors(budget: DepartmentBudget) -> list[Finding]:
    return [f for f in check(budget).errors if f.rule.startswith(("TXT", "DOC"))]


@settings(max_examples=100)
@given(ledgers(year=2024, kinds=KINDS), ledgers(year=2025, kinds=KINDS), st.booleans())
def test_changes_of_budgets_in_yuan_make_a_text_that_passes(
    previous: Ledger, current: Ledger, percent: bool
) -> None:
    """Changes of exact amounts, each rounded once: the text adds up and its percentages agree."""
    before, after = derive(previous, unit=Unit.YUAN), derive(current, unit=Unit.YUAN)
    stated = with_changes(after, compare_years(before, after), reasons=REASONS, percent=percent)
    assert text_errors(with_read_facts(stated)) == []


def test_changes_of_printed_figures_may_not_add_up() -> None:
    """A change of two printed 万元 figures is known to ±0.01, not ±0.005: stated as printed,
    the whole change and its parts can differ by 0.02 where TXT-SUMS allows 0.015. From the
    same ledgers in 元 each change is rounded once and the text adds up."""
    previous = ledger(2024, basic("10040"), project("40"))  # 1.00 + 0.00, total 1.01
    current = ledger(2025, basic("20060"), project("60"))  # 2.01 + 0.01, total 2.01
    printed = compare_years(derive(previous), derive(current)).stated_changes()
    assert [printed[name].amount for name in ("change", "change_basic", "change_project")] == [
        Decimal("1.00"),
        Decimal("1.01"),
        Decimal("0.01"),
    ]
    wan = with_changes(
        derive(current), compare_years(derive(previous), derive(current)), reasons=REASONS
    )
    assert [(f.rule, f.location.row) for f in text_errors(with_read_facts(wan))] == [
        ("TXT-SUMS", "预算收支比上年增减")
    ]
    before, after = derive(previous, unit=Unit.YUAN), derive(current, unit=Unit.YUAN)
    exact = with_changes(after, compare_years(before, after), reasons=REASONS)
    assert [exact.facts.change, exact.facts.change_basic, exact.facts.change_project] == [
        StatedChange("1.00", reason="工作任务调整", word="增加"),
        StatedChange("1.00", reason="工作任务调整", word="增加"),
        StatedChange("0.00", reason="工作任务调整", word="持平"),
    ]
    assert text_errors(with_read_facts(exact)) == []


# -- budget against final accounts ---------------------------------------------------------------


def test_execution_rates_and_zero_budgets() -> None:
    budget = derive(ledger(2025, basic("1000000"), project("600000")))
    final = derive(ledger(2025, basic("985000"), project("600000"), project("5000", "2210201")))
    execution = compare_execution(budget, final)
    total = execution.cell(ExpenditureTable, "total", "total")
    assert total is not None
    assert (total.budgeted, total.actual, total.rate.point) == (
        Decimal("160.00"),
        Decimal("159.00"),
        Decimal("99.38"),
    )
    assert str(total.rate) == "完成率 99.38%（99.36%～99.39%）"
    unbudgeted = {(each.row, each.column) for each in execution.zero_budgets()}
    assert ("2210201", "total") in unbudgeted
    assert ("total", "total") not in unbudgeted
    with pytest.raises(LedgerError, match="not executed"):
        compare_execution(budget, derive(ledger(2024)))


def test_a_rate_over_a_zero_budget_is_said_not_computed() -> None:
    rate = ExecutionRate(None, Decimal("0.50"))
    assert (rate.zero_budget, rate.point, rate.low, rate.high) == (True, None, None, None)
    assert str(rate) == "预算数为零（空），决算数 0.50：完成率无从计算"
    assert ExecutionRate(Decimal("0.01"), Decimal("0.01")).zero_budget is False


@given(st.integers(1, 10**10), st.integers(0, 10**10))
def test_the_rate_of_printed_figures_holds_the_true_rate(budgeted: int, actual: int) -> None:
    """Rounded to 万元, budget and actual stand for intervals; the true rate is inside the
    interval of rates they allow, and the printed rate is that of the printed figures."""
    printed_budget = to_unit(Decimal(budgeted), Unit.YUAN, Unit.WAN_YUAN)
    printed_actual = to_unit(Decimal(actual), Unit.YUAN, Unit.WAN_YUAN)
    rate = ExecutionRate(printed_budget, printed_actual)
    if rate.zero_budget:
        assert printed_budget == 0
        return
    true = Decimal(actual) * 100 / Decimal(budgeted)
    assert rate.low is not None and rate.high is not None
    assert rate.low <= true <= rate.high
    assert rate.point == round_half_up(printed_actual * 100 / printed_budget)


def test_a_three_public_change_needs_its_reason() -> None:
    """A "三公" change stated without its reason is a DOC-THREE-PUBLIC error: reasons are a
    person's words, which the comparison does not make up."""
    car = basic(
        "30000",
        economic="30231",
        basic_kind=BasicKind.PUBLIC,
        three_public=ThreePublicItem.VEHICLE_OPERATION,
    )
    before, after = derive(ledger(2024, basic("1"), car)), derive(ledger(2025, basic("1")))
    stated = with_changes(after, compare_years(before, after))
    findings = [f for f in check(stated) if f.rule == "DOC-THREE-PUBLIC"]
    assert findings and all(f.severity is Severity.ERROR for f in findings)
    assert not [
        f
        for f in check(with_changes(after, compare_years(before, after), reasons=REASONS))
        if f.rule == "DOC-THREE-PUBLIC"
    ]
