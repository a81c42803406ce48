"""The shipped strategies: registered with hypothesis, valid, and what they promise."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from govbudget import Finding, ProjectPerformanceGoal, Report, check, functional_classification
from govbudget.classification import Level, Scheme, Subject
from govbudget.performance import DepartmentPerformanceGoals
from govbudget.strategies import (
    Corruption,
    amounts,
    budgets,
    codes,
    corruptions,
    department_goals,
    project_goals,
    tables,
)
from govbudget.tables import STANDARD_TABLES


def test_from_type_works_in_a_fresh_interpreter_without_importing_govbudget_strategies() -> None:
    program = (
        "from hypothesis import given, settings, strategies as st\n"
        "import govbudget\n"
        "kinds = [*govbudget.tables.STANDARD_TABLES, govbudget.ProjectPerformanceGoal, govbudget.Report,\n"
        "         govbudget.classification.Subject, govbudget.Finding, govbudget.TableHeader,\n"
        "         govbudget.DepartmentBudget, govbudget.Ledger, govbudget.LineItem,\n"
        "         *govbudget.tables.STANDARD_FINAL_TABLES, govbudget.DepartmentFinalAccounts]\n"
        "@settings(max_examples=3, database=None)\n"
        "@given(st.tuples(*(st.from_type(k) for k in kinds)))\n"
        "def run(values):\n"
        "    assert all(isinstance(v, k) for v, k in zip(values, kinds))\n"
        "run()\n"
        "import sys; assert 'govbudget.strategies' in sys.modules\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


@settings(max_examples=50)
@given(project_goals())
def test_drawn_project_goals_pass_every_pg_rule(goal: ProjectPerformanceGoal) -> None:
    assert check(goal, select=["PG"]).errors == ()


@settings(max_examples=30)
@given(department_goals())
def test_drawn_department_goals_name_no_stale_year(goals: DepartmentPerformanceGoals) -> None:
    assert check(goals, select=["PG"]).findings == ()


@given(st.sampled_from(STANDARD_TABLES).flatmap(tables))
def test_check_of_any_valid_table_is_deterministic(table: object) -> None:
    assert check(table) == check(table)


@given(codes(Scheme.FUNCTIONAL, Level.ITEM, real=False))
def test_synthetic_codes_are_well_formed(code: str) -> None:
    assert Subject(code, "某科目").level is Level.ITEM


@given(codes())
def test_real_codes_are_in_the_catalogue(code: str) -> None:
    assert code in functional_classification(2025)


@given(amounts(blank=False))
def test_amounts_have_two_decimals(figure: object) -> None:
    assert str(figure).split(".")[1].__len__() == 2


@given(st.from_type(Report))
def test_reports_from_type_are_ordered(report: Report) -> None:
    assert list(report) == sorted(report, key=Finding.sort_key)


@settings(max_examples=30, deadline=None)
@given(budgets())
def test_a_consistent_budget_has_no_error_and_its_report_is_deterministic(budget: object) -> None:
    report = check(budget)
    assert report.errors == ()
    assert check(budget) == report


@settings(max_examples=30, deadline=None)
@given(corruptions(budgets(max_items=8)))
def test_a_corrupted_budget_reports_the_expected_rule_at_the_expected_place(
    corruption: Corruption,
) -> None:
    errors = check(corruption.target).errors
    assert corruption.rules <= {f.rule for f in errors}, corruption.description
    if corruption.row is not None:
        rows = [f.location.row or "" for f in errors if f.rule in corruption.rules]
        assert any(row.endswith(corruption.row) for row in rows)
