"""Every corruption breaks a consistent budget (or consistent final accounts) in one known way,
and every error rule is the one that must fire for at least one corruption — so no error rule
is untested."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govbudget import DepartmentBudget, DepartmentFinalAccounts, Severity, check, rules
from govbudget.strategies.corruptions import CORRUPTIONS, Corruption, corrupt, corruptions
from govbudget.strategies.example import example_budget, example_final_accounts
from govbudget.strategies.final_corruptions import FINAL_CORRUPTIONS

BASE = example_budget()
FINAL = example_final_accounts()
ALL = [*corrupt(BASE), *corrupt(FINAL)]


def _id(corruption: Corruption) -> str:
    family = "final" if isinstance(corruption.target, DepartmentFinalAccounts) else "budget"
    return f"{family}:{corruption.kind}:{'+'.join(sorted(corruption.rules))}"


def test_the_base_budget_and_final_accounts_are_consistent() -> None:
    assert check(BASE).errors == ()
    assert check(FINAL).errors == ()


@pytest.mark.parametrize("corruption", ALL, ids=[_id(c) for c in ALL])
def test_each_corruption_fires_its_rules_where_it_says(corruption: Corruption) -> None:
    report = check(corruption.target)
    fired = {f.rule for f in report.errors}
    assert corruption.rules <= fired, (corruption.description, sorted(fired))
    if corruption.row is not None:
        rows = {f.location.row for f in report.errors if f.rule in corruption.rules}
        assert any(row is not None and row.endswith(corruption.row) for row in rows), rows


def test_every_error_rule_has_a_corruption_that_must_fire_it() -> None:
    # The whole registry: the budget's rules and those of final accounts (F1–F9, XF, DOCF,
    # TXT-FINAL).
    covered = set().union(*(c.rules for c in ALL))
    errors = {r.id for r in rules() if r.severity is Severity.ERROR}
    assert errors - covered == set()
    assert {"F6-PERSONNEL", "XF-F4-FUNDS", "DOCF-YEAR", "TXT-FINAL-TABLE-RATE"} <= covered


def test_every_kind_of_corruption_applies_to_the_full_budget() -> None:
    kinds = {corrupter.__name__ for corrupter in CORRUPTIONS}
    applied = {
        c for corrupter in CORRUPTIONS for c in [next(corrupter(BASE), None)] if c is not None
    }
    assert len(applied) == len(kinds)


def test_every_kind_of_corruption_applies_to_the_full_final_accounts() -> None:
    for corrupter in FINAL_CORRUPTIONS:
        assert next(corrupter(FINAL), None) is not None, corrupter.__name__


def test_corrupt_tells_a_budget_from_final_accounts() -> None:
    assert all(isinstance(c.target, DepartmentBudget) for c in corrupt(BASE) if c.kind == "fact")
    assert all(isinstance(c.target, DepartmentFinalAccounts) for c in corrupt(FINAL))


@settings(max_examples=20, deadline=None)
@given(corruptions(st.just(BASE)))
def test_a_drawn_corruption_fires_its_rules(corruption: Corruption) -> None:
    assert corruption.rules <= {f.rule for f in check(corruption.target).errors}


@settings(max_examples=20, deadline=None)
@given(corruptions(st.just(FINAL)))
def test_a_drawn_corruption_of_final_accounts_fires_its_rules(corruption: Corruption) -> None:
    assert corruption.rules <= {f.rule for f in check(corruption.target).errors}


def test_the_goal_corruption_exceeds_the_projects_the_goals_did_not_cover() -> None:
    """Found by hypothesis: a project goal covering a small part of large project expenditure
    stayed within it when raised by 1,000.00, and fired nothing. The corruption raises it past
    all the project expenditure."""
    budget = example_budget()
    expenditure = budget.expenditure
    assert expenditure is not None
    project = expenditure.columns.index("project")
    rows = [
        attrs.evolve(
            row,
            values=[
                v + Decimal("20000.00") if i == project and v is not None else v
                for i, v in enumerate(row.values)
            ],
        )
        if row.key == "total"
        else row
        for row in expenditure.rows
    ]
    large = attrs.evolve(
        budget,
        tables=[attrs.evolve(t, rows=rows) if t is expenditure else t for t in budget.tables],
    )
    assert not check(large, select=["X-GOALS-PROJECTS"]).errors
    (goal,) = [c for c in corrupt(large) if c.rules == {"X-GOALS-PROJECTS"}]
    errors = check(goal.target, select=["X-GOALS-PROJECTS"]).errors
    assert [f.rule for f in errors] == ["X-GOALS-PROJECTS"]
    assert errors[0].actual > errors[0].expected > Decimal("20000.00")


@pytest.mark.parametrize(
    ("base", "rule"),
    [(BASE, "X-APPROPRIATIONS-WITHIN-ALL"), (FINAL, "XF-APPROPRIATIONS-WITHIN-ALL")],
)
def test_the_appropriation_corruption_exceeds_all_the_money_of_its_item(
    base: DepartmentBudget | DepartmentFinalAccounts, rule: str
) -> None:
    """The same flaw as the goal corruption's, in the appropriations-within-all rules: an item
    with 20,000.00 of other money in the expenditure table stayed above its appropriation raised
    by 1,000.00. The corruption raises the appropriation past all the item's money."""
    general, expenditure = base.general_public_expenditure, base.expenditure
    assert general is not None and expenditure is not None
    total = general.columns.index("total")
    code = next(r.key for r in general.rows if len(r.key) == 7 and r.values[total] is not None)
    column = expenditure.columns.index("total")
    rows = [
        attrs.evolve(
            row,
            values=[
                v + Decimal("20000.00") if i == column and v is not None else v
                for i, v in enumerate(row.values)
            ],
        )
        if row.key == code
        else row
        for row in expenditure.rows
    ]
    large = attrs.evolve(
        base,
        tables=[attrs.evolve(t, rows=rows) if t is expenditure else t for t in base.tables],
    )
    assert not check(large, select=[rule]).errors
    (raised,) = [c for c in corrupt(large) if c.rules == {rule}]
    errors = check(raised.target, select=[rule]).errors
    assert [(f.rule, f.location.row) for f in errors] == [(rule, code)]
