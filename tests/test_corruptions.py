"""Every corruption breaks a consistent budget (or consistent final accounts) in one known way,
and every error rule is the one that must fire for at least one corruption — so no error rule
is untested."""

from __future__ import annotations

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
