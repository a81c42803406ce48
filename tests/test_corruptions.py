"""Every corruption breaks a consistent budget in one known way, and every error rule is the
one that must fire for at least one corruption — so no error rule is untested."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govbudget import (
    Severity,
    check,
    rules,
)
from govbudget.strategies.corruptions import CORRUPTIONS, Corruption, corrupt, corruptions
from govbudget.strategies.example import example_budget

BASE = example_budget()
ALL = list(corrupt(BASE))


def test_the_base_budget_is_consistent() -> None:
    assert check(BASE).errors == ()


@pytest.mark.parametrize(
    "corruption", ALL, ids=[f"{c.kind}:{'+'.join(sorted(c.rules))}" for c in ALL]
)
def test_each_corruption_fires_its_rules_where_it_says(corruption: Corruption) -> None:
    report = check(corruption.target)
    fired = {f.rule for f in report.errors}
    assert corruption.rules <= fired, (corruption.description, sorted(fired))
    if corruption.row is not None:
        rows = {f.location.row for f in report.errors if f.rule in corruption.rules}
        assert any(row is not None and row.endswith(corruption.row) for row in rows), rows


def test_every_error_rule_has_a_corruption_that_must_fire_it() -> None:
    covered = set().union(*(c.rules for c in ALL))
    errors = {r.id for r in rules() if r.severity is Severity.ERROR}
    assert errors - covered == set()


def test_every_kind_of_corruption_applies_to_the_full_budget() -> None:
    kinds = {corrupter.__name__ for corrupter in CORRUPTIONS}
    applied = {
        c for corrupter in CORRUPTIONS for c in [next(corrupter(BASE), None)] if c is not None
    }
    assert len(applied) == len(kinds)


@settings(max_examples=20, deadline=None)
@given(corruptions(st.just(BASE)))
def test_a_drawn_corruption_fires_its_rules(corruption: Corruption) -> None:
    assert corruption.rules <= {f.rule for f in check(corruption.target).errors}
