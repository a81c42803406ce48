"""Deriving the disclosure from a ledger: independent rounding, layouts, notes, goals, facts.

The properties: every derived budget passes every rule (the rounding model absorbs what
independent rounding does); every 万元 cell is its exact 元 cell rounded on its own; in 元 every
sum holds exactly.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from govbudget import Finding, Table, Unit, agree, check
from govbudget.amounts import agree_sums, to_unit
from govbudget.disclosure import BudgetUnit
from govbudget.ledger import (
    EMPTY_NOTES,
    Appropriation,
    BasicKind,
    ClassLayout,
    ExpenditureKind,
    FundSource,
    Ledger,
    LineItem,
    ThreePublicItem,
    UnitFundKind,
    derive,
    table_facts,
)
from govbudget.performance import ProjectPerformanceGoal
from govbudget.strategies.ledgers import ledgers
from govbudget.tables import DETAIL, figures_at, top_level_rows

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))

from seed_budget import FACTS, build_budget

OFFICE = BudgetUnit("某局本级", "行政")
BASIC, PROJECT = ExpenditureKind.BASIC, ExpenditureKind.PROJECT
OTHER_KINDS = frozenset(ExpenditureKind) - {BASIC, PROJECT}


def item(amount: str, **fields: object) -> LineItem:
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


def ledger(*items: LineItem, **fields: object) -> Ledger:
    arguments: dict[str, object] = {"units": [OFFICE], "items": items}
    arguments.update(fields)
    return Ledger("某局", 2025, **arguments)  # type: ignore[arg-type]


def errors(ledger: Ledger, **options: object) -> list[Finding]:
    """The errors of the derived budget."""
    return list(check(derive(ledger, **options)).errors)  # type: ignore[arg-type]


@given(ledgers(), st.sampled_from(ClassLayout))
def test_every_derived_budget_passes_every_rule(value: Ledger, layout: ClassLayout) -> None:
    assert errors(value, classes=layout) == []


@settings(max_examples=50)
@given(ledgers(), st.sampled_from((Unit.YUAN, Unit.YI_YUAN)))
def test_derived_budgets_pass_in_every_unit(value: Ledger, unit: Unit) -> None:
    assert errors(value, unit=unit) == []


def cells(table: Table) -> Iterator[tuple[int, str, str, Decimal | None]]:
    for side, block in enumerate(table.blocks()):
        for row in block.rows:
            for column, figure in zip(block.columns, row.values, strict=True):
                yield side, row.key, column, figure


@settings(max_examples=100)
@given(ledgers())
def test_each_printed_cell_is_its_exact_sum_rounded_on_its_own(value: Ledger) -> None:
    in_wan, in_yuan = derive(value), derive(value, unit=Unit.YUAN)
    for rounded, exact in zip(in_wan.tables, in_yuan.tables, strict=True):
        expected = [
            (
                side,
                key,
                column,
                None if figure is None else to_unit(figure, Unit.YUAN, Unit.WAN_YUAN),
            )
            for side, key, column, figure in cells(exact)
        ]
        assert list(cells(rounded)) == expected


def exact_faults(table: Table) -> Iterator[str]:
    """Every declared sum of a table that does not hold exactly: columns, rows, 类/款 = Σ
    children, and the identities between the sides."""
    for spec, block in zip(table.SPEC.blocks, table.blocks(), strict=True):
        present = set(block.columns)
        for formula in spec.column_formulas:
            parts = spec.expand_columns(formula.parts, present)
            for row in block.rows:
                figures = [block.value(row.key, part) for part in parts]
                if not agree(block.value(row.key, formula.total), figures, exact=True).ok:
                    yield f"{table.title} {row.key}: {formula}"
        printed = {row.key for row in block.rows}
        for formula in spec.row_formulas:
            if block.row(formula.total) is None:
                continue
            rows = []
            for part in spec.expand_rows(formula.parts, printed):
                found = block.row(part)
                rows += top_level_rows(spec, block) if part == DETAIL else [found] if found else []
            if not rows:
                continue  # none of the parts printed (五、单位资金 without its sources)
            for column in block.columns:
                figures = [block.value(row.key, column) for row in rows]
                if not agree(block.value(formula.total, column), figures, exact=True).ok:
                    yield f"{table.title} {formula} {column}"
        for parent in block.rows:
            children = [row for row in block.rows if row.code and row.code[:-2] == parent.code]
            for column in block.columns:
                figures = [block.value(child.key, column) for child in children]
                if children and not agree(block.value(parent.key, column), figures, exact=True).ok:
                    yield f"{table.title} {parent.key} {column}"
    for identity in table.SPEC.identities:
        left = [f for cell in identity.left for f in figures_at(table, cell)[0]]
        right = [f for cell in identity.right for f in figures_at(table, cell)[0]]
        if not agree_sums(left, right, exact=True).ok:
            yield f"{table.title} {identity.suffix}"


@settings(max_examples=100)
@given(ledgers())
def test_in_yuan_every_sum_holds_exactly(value: Ledger) -> None:
    budget = derive(value, unit=Unit.YUAN)
    assert [fault for table in budget.tables for fault in exact_faults(table)] == []
    t1, t3, t4, t5, t6 = (
        budget.income_expenditure_summary,
        budget.expenditure,
        budget.fiscal_appropriation_summary,
        budget.general_public_expenditure,
        budget.basic_expenditure,
    )
    assert t1 and t3 and t4 and t5 and t6
    total = t1.block("income").value("grand_total", "amount")
    assert (total or 0) == (t3.value("total", "total") or 0) == value.total
    assert (t5.value("total", "basic") or 0) == (t6.value("total", "total") or 0)
    assert (t4.block("expenditure").value("expenditure_total", "general_public") or 0) == (
        t5.value("total", "total") or 0
    )


def test_operating_expenditure_passes_the_text_rules() -> None:
    # 经营支出 is 支出 too: TXT-SUMS does not take 支出预算 = 基本支出 + 项目支出 then.
    own = item(
        "50000",
        kind=ExpenditureKind.OPERATING,
        basic_kind=None,
        fund=FundSource.UNIT_FUNDS,
        unit_fund_kind=UnitFundKind.OPERATING_INCOME,
    )
    assert check(derive(ledger(item("100000"), own))).errors == ()


def test_the_summaries_print_every_class_of_the_catalogue_or_those_with_money() -> None:
    value = ledger(item("100000"), item("50000", functional="2210201", economic="30113"))
    full = derive(value, extra_classes=("人行科目",)).income_expenditure_summary
    assert full is not None
    classes = [
        row
        for row in full.expenditure
        if row.key not in ("expenditure_total", "carry_forward", "grand_total")
    ]
    assert len(classes) == 31
    assert (classes[0].label, classes[19].label, classes[30].label) == (
        "一、一般公共服务支出",
        "二十、住房保障支出",
        "三十一、人行科目",
    )
    assert [row.values for row in classes if row.values != (None,)] == [
        (Decimal("10.00"),),
        (Decimal("5.00"),),
    ]
    short = derive(value, classes=ClassLayout.WITH_MONEY, extra_classes=("人行科目",))
    summary = short.income_expenditure_summary
    assert summary is not None
    assert [(row.key, row.label) for row in summary.expenditure][:2] == [
        ("201", "一、一般公共服务支出"),
        ("221", "二、住房保障支出"),
    ]
    assert check(short).errors == ()


def test_a_ledger_without_items_derives_nine_empty_tables_with_their_notes() -> None:
    budget = derive(ledger())
    assert [table.is_empty for table in budget.tables] == [True] * 9
    assert [table.note for table in budget.tables] == [EMPTY_NOTES[type(t)] for t in budget.tables]  # type: ignore[attr-defined]
    assert check(budget).errors == ()


def test_each_appropriation_has_its_table_and_carry_over_its_rows() -> None:
    fund = item(
        "30000",
        fund=FundSource.GOVERNMENT_FUND,
        functional="2120803",
        economic="30227",
        kind=PROJECT,
        basic_kind=None,
        project="P1",
    )
    carried = item(
        "20000",
        fund=FundSource.CARRY_OVER,
        carry_over_of=Appropriation.STATE_CAPITAL,
        functional="2080505",
        economic="30108",
    )
    budget = derive(ledger(item("100000"), fund, carried))
    assert budget.government_fund_expenditure is not None
    assert budget.government_fund_expenditure.value("2120803", "project") == Decimal("3.00")
    assert budget.state_capital_expenditure is not None
    assert budget.state_capital_expenditure.value("total", "basic") == Decimal("2.00")
    t4 = budget.fiscal_appropriation_summary
    assert t4 is not None
    income = t4.block("income")
    assert income.value("income_total", "amount") == Decimal("13.00")
    assert income.value("carry_over_state_capital", "amount") == Decimal("2.00")
    assert income.value("grand_total", "amount") == Decimal("15.00")
    t2 = budget.income
    assert t2 is not None
    assert (t2.value("total", "carry_over"), t2.value("total", "current_year")) == (
        Decimal("2.00"),
        Decimal("13.00"),
    )
    assert check(budget).errors == ()


def test_the_three_public_table_shows_fiscal_items_only() -> None:
    car = item(
        "83000",
        economic="30231",
        basic_kind=BasicKind.PUBLIC,
        three_public=ThreePublicItem.VEHICLE_OPERATION,
    )
    guests = item(
        "4600",
        economic="30217",
        basic_kind=BasicKind.PUBLIC,
        three_public=ThreePublicItem.RECEPTION,
        fund=FundSource.UNIT_FUNDS,
        unit_fund_kind=UnitFundKind.OTHER_INCOME,
    )
    budget = derive(ledger(car, guests))
    table = budget.three_public_expenses
    assert table is not None and table.note is None
    assert [(row.key, row.values[:2]) for row in table.rows] == [
        ("total", (Decimal("8.30"), Decimal("8.30"))),
        ("travel_abroad", (None, None)),
        ("vehicles", (Decimal("8.30"), Decimal("8.30"))),
        ("vehicle_purchase", (None, None)),
        ("vehicle_operation", (Decimal("8.30"), Decimal("8.30"))),
        ("reception", (None, None)),
    ]
    facts = budget.facts
    assert (facts.three_public_total, facts.reception, facts.travel_abroad) == (
        Decimal("8.30"),
        Decimal("0.00"),
        Decimal("0.00"),
    )
    # The reception paid from own funds is in neither table: both show 一般公共预算 money only.
    assert check(budget).errors == ()


def test_goals_get_their_project_budgets_by_source() -> None:
    fiscal = item("80000", kind=PROJECT, basic_kind=None, project="P1", economic="30227")
    own = item(
        "20049",
        kind=PROJECT,
        basic_kind=None,
        project="P1",
        economic="30227",
        fund=FundSource.UNIT_FUNDS,
        unit_fund_kind=UnitFundKind.SERVICE_INCOME,
    )
    carried = item(
        "10000",
        kind=PROJECT,
        basic_kind=None,
        project="P1",
        economic="30227",
        fund=FundSource.CARRY_OVER,
        carry_over_of=Appropriation.GENERAL_PUBLIC,
    )
    goal = ProjectPerformanceGoal(year=2025, code="P1", name="某项目", budget=Decimal("1"))
    derived = derive(ledger(fiscal, own, carried, goals=[goal])).project_goals[0]
    assert (derived.budget, derived.financial_funds, derived.other_funds, derived.carry_over) == (
        Decimal("11.00"),
        Decimal("9.00"),
        Decimal("2.00"),
        None,
    )
    apart = attrs.evolve(goal, carry_over=Decimal("0"))
    shown = derive(ledger(fiscal, own, carried, goals=[apart]), unit=Unit.YUAN).project_goals[0]
    assert (shown.budget, shown.financial_funds, shown.other_funds, shown.carry_over) == (
        Decimal("110049.00"),
        Decimal("80000.00"),
        Decimal("20049.00"),
        Decimal("10000.00"),
    )
    assert shown.unit is Unit.YUAN


def test_personnel_and_public_are_stated_only_when_the_basic_table_holds_all_basic() -> None:
    own = item("50000", fund=FundSource.UNIT_FUNDS, unit_fund_kind=UnitFundKind.SERVICE_INCOME)
    all_fiscal = derive(ledger(item("100000"))).facts
    assert (all_fiscal.basic, all_fiscal.personnel, all_fiscal.public) == (
        Decimal("10.00"),
        Decimal("10.00"),
        Decimal("0.00"),
    )
    mixed = derive(ledger(item("100000"), own)).facts
    assert (mixed.basic, mixed.personnel, mixed.public) == (Decimal("15.00"), None, None)
    assert (mixed.unit_funds, mixed.service_income, mixed.other_income) == (
        Decimal("5.00"),
        Decimal("5.00"),
        Decimal("0.00"),
    )
    assert all_fiscal.service_income is None


def test_table_facts_read_a_published_budget() -> None:
    """The seed's own tables state what its text states, except the fixed assets: the text
    says 0.00万元, the table 20.61 — the seed's one real fault."""
    seed = build_budget()
    read = table_facts(seed)
    for name in read.stated():
        if name == "fixed_assets_value":
            assert (read.fixed_assets_value, FACTS.fixed_assets_value) == (
                Decimal("20.61"),
                Decimal("0.00"),
            )
        elif name == "procurement_total":
            assert read.procurement_total == Decimal("0.00")
        else:
            assert getattr(read, name) == getattr(FACTS, name), name
