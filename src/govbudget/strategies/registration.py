"""Registration with hypothesis: ``st.from_type(T)`` for every public type of govbudget.

pyproject.toml names :func:`_hypothesis_setup_hook` in the ``hypothesis`` entry-point group, so
after ``pip install govbudget[testing]`` hypothesis calls it when it starts, and
``st.from_type(DepartmentBudget)`` works without importing anything from govbudget first.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from govbudget.amounts import Unit
from govbudget.classification import Subject
from govbudget.disclosure import DepartmentBudget, DepartmentFinalAccounts, StatedFacts
from govbudget.disclosure.facts import FinalStatedFacts
from govbudget.findings import Finding, Location, Report, Severity
from govbudget.ledger import Ledger, LineItem
from govbudget.performance import (
    DepartmentPerformanceGoals,
    Indicator,
    ProjectPerformanceGoal,
    SpendingCheckpoint,
    TargetValue,
)
from govbudget.strategies.final import final_accounts, final_tables
from govbudget.strategies.goals import department_goals, project_goals
from govbudget.strategies.ledgers import budgets, ledgers, line_items
from govbudget.strategies.tables import tables
from govbudget.strategies.values import amounts, subjects
from govbudget.tables import STANDARD_FINAL_TABLES, STANDARD_TABLES, Row, TableHeader

__all__: list[str] = []

_TEXT = st.text(alphabet="预算支出收入合计基本项目经费", min_size=1, max_size=8)


def _locations() -> st.SearchStrategy[Location]:
    return st.builds(
        Location,
        table=st.none() | _TEXT,
        row=st.none() | _TEXT,
        column=st.none() | _TEXT,
        line=st.none() | st.integers(1, 10_000),
    )


def _findings() -> st.SearchStrategy[Finding]:
    return st.builds(
        Finding,
        rule=st.from_regex(r"\A[A-Z][A-Z0-9]{0,3}-[A-Z]{2,8}\Z", fullmatch=True),
        severity=st.sampled_from(Severity),
        title=_TEXT,
        message=_TEXT,
        location=_locations(),
        expected=amounts(),
        actual=amounts(),
        difference=amounts(),
        tolerance=st.none() | st.just(Decimal("0.010")),
    )


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each public type (called by hypothesis through its entry point)."""
    for kind in STANDARD_TABLES:
        st.register_type_strategy(kind, tables(kind))
    for kind in STANDARD_FINAL_TABLES:
        st.register_type_strategy(kind, final_tables(kind))
    st.register_type_strategy(
        TableHeader,
        st.builds(
            TableHeader,
            department=_TEXT,
            year=st.integers(2024, 2026),
            unit=st.sampled_from(Unit),
            department_code=st.none() | st.from_regex(r"\A[0-9]{3}\Z", fullmatch=True),
        ),
    )
    st.register_type_strategy(
        Row,
        st.builds(
            Row, key=st.just("total"), label=st.just("合计"), values=st.lists(amounts(), max_size=6)
        ),
    )
    st.register_type_strategy(ProjectPerformanceGoal, project_goals())
    st.register_type_strategy(DepartmentPerformanceGoals, department_goals())
    st.register_type_strategy(
        Indicator, project_goals().flatmap(lambda goal: st.sampled_from(goal.indicators))
    )
    st.register_type_strategy(
        SpendingCheckpoint, project_goals().flatmap(lambda goal: st.sampled_from(goal.schedule))
    )
    st.register_type_strategy(
        TargetValue,
        project_goals().flatmap(lambda goal: st.sampled_from([i.target for i in goal.indicators])),
    )
    st.register_type_strategy(Subject, subjects())
    st.register_type_strategy(LineItem, line_items())
    st.register_type_strategy(Ledger, ledgers())
    st.register_type_strategy(DepartmentBudget, budgets())
    st.register_type_strategy(StatedFacts, budgets().map(lambda budget: budget.facts))
    st.register_type_strategy(DepartmentFinalAccounts, final_accounts())
    st.register_type_strategy(
        FinalStatedFacts, final_accounts().map(lambda accounts: accounts.facts)
    )
    st.register_type_strategy(Location, _locations())
    st.register_type_strategy(Finding, _findings())
    st.register_type_strategy(Report, st.builds(Report, st.lists(_findings(), max_size=5)))
