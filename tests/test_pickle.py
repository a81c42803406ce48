"""The model objects and reports pickle: a round trip gives an equal object that behaves the same.

Process pools (``govbudget check --jobs N``) and cluster engines (Dask) send tasks and results
between processes by pickling them: every table class, the whole disclosure, ledgers, goals,
findings, reports, catalogues and subjects, and the outcome of a file.
"""

from __future__ import annotations

import pickle
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govbudget import (
    DepartmentBudget,
    Ledger,
    LineItem,
    Report,
    Severity,
    check,
    derive,
    economic_classification,
    functional_classification,
    read_text,
)
from govbudget.bulk import FileOutcome, check_bytes
from govbudget.classification import Catalogue, Subject, economic_mapping
from govbudget.disclosure import BudgetUnit
from govbudget.strategies import (
    budgets,
    department_goals,
    example_budget,
    ledgers,
    project_goals,
    tables,
)
from govbudget.tables import STANDARD_TABLES

PROTOCOLS = sorted({pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL, 2})
SEED = resources.files("govbudget").joinpath("samples", "kaiping_2025.txt").read_text("utf-8")


def round_trip(obj: object, protocol: int = pickle.DEFAULT_PROTOCOL) -> object:
    """Pickled and unpickled: equal, of the same type, not the same object."""
    back = pickle.loads(pickle.dumps(obj, protocol=protocol))
    assert type(back) is type(obj)
    assert back == obj
    # == compares figures by value (0.00 == 0); the repr shows each as printed.
    assert repr(back) == repr(obj)
    assert back is not obj or obj is None
    return back


@pytest.fixture(scope="module", params=["seed", "example_budget"])
def budget(request: pytest.FixtureRequest) -> DepartmentBudget:
    """The seed as read from its text, and the generated budget with something everywhere."""
    return read_text(SEED) if request.param == "seed" else example_budget()


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_every_standard_table_class(budget: DepartmentBudget, protocol: int) -> None:
    assert {type(table) for table in budget.tables} == set(STANDARD_TABLES)
    for table in budget.tables:
        back = round_trip(table, protocol)
        assert check(back) == check(table)


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_the_whole_disclosure(budget: DepartmentBudget, protocol: int) -> None:
    back = round_trip(budget, protocol)
    assert isinstance(back, DepartmentBudget)
    assert check(back) == check(budget)
    for part in (
        *budget.units,
        budget.procurement,
        budget.fixed_assets,
        budget.facts,
        budget.department_goals,
        *budget.project_goals,
        *budget.read_findings,
    ):
        round_trip(part, protocol)


def test_the_disclosure_parts_that_were_pickled(budget: DepartmentBudget) -> None:
    """The fixture's budgets do hold the parts the test above pickles one by one."""
    assert budget.units and budget.procurement and budget.fixed_assets and budget.project_goals


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_findings_and_reports(budget: DepartmentBudget, protocol: int) -> None:
    report = check(budget)
    assert len(report) > 0
    back = round_trip(report, protocol)
    assert isinstance(back, Report)
    # Severities come back as the same members: `is` comparisons in Report still hold.
    assert all(finding.severity in Severity for finding in back)
    assert (back.ok, back.counts, back.rule_ids()) == (report.ok, report.counts, report.rule_ids())
    for finding in report:
        round_trip(finding, protocol)
        round_trip(finding.location, protocol)
    round_trip(Report(), protocol)


def test_a_ledger_and_what_it_derives() -> None:
    ledger = Ledger(
        "某局",
        2025,
        units=[BudgetUnit("本级", "行政")],
        items=[
            LineItem(
                "2013701", "30101", "1234567.89", "基本支出", unit="本级", basic_kind="人员经费"
            ),
            LineItem("2013702", "30227", "680000", "项目支出", unit="本级", project="P1"),
        ],
    )
    back = round_trip(ledger)
    assert isinstance(back, Ledger)
    for item in ledger.items:
        round_trip(item)
    assert derive(back) == derive(ledger)


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_catalogues_and_subjects(protocol: int) -> None:
    for catalogue in (
        functional_classification(2025),
        economic_classification(2025),
        economic_classification(2025, scope="government"),
    ):
        back = round_trip(catalogue, protocol)
        assert isinstance(back, Catalogue)
        # The indexes built when a catalogue is made come back too.
        assert list(back) == list(catalogue)
        for code in ("201", "2013701", "302", "30239"):
            if code in catalogue:
                assert back[code] == catalogue[code]
                assert back.children(code) == catalogue.children(code)
                subject = round_trip(catalogue[code], protocol)
                assert isinstance(subject, Subject)
    round_trip(economic_mapping(2025), protocol)


def test_the_outcome_of_a_file() -> None:
    read = check_bytes(SEED.encode("utf-8"), "kaiping_2025.txt")
    assert read.report is not None
    unreadable = check_bytes(b"", "empty.txt")
    for outcome in (read, unreadable):
        back = round_trip(outcome)
        assert isinstance(back, FileOutcome)
        assert back.ok == outcome.ok
    # Small: what a worker sends back is the report, not the budget it read.
    assert len(pickle.dumps(read)) < len(pickle.dumps(read_text(SEED))) / 5


def test_cloudpickle_as_dask_sends_them() -> None:
    cloudpickle = pytest.importorskip("cloudpickle")
    budget = example_budget()
    for obj in (budget, check(budget), functional_classification(2025)):
        assert cloudpickle.loads(cloudpickle.dumps(obj)) == obj


# --- drawn objects -----------------------------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(budgets())
def test_drawn_budgets_pickle(budget: DepartmentBudget) -> None:
    back = round_trip(budget)
    assert isinstance(back, DepartmentBudget)
    assert check(back) == check(budget)


@settings(max_examples=50, deadline=None)
@given(st.one_of(tables(), ledgers(), project_goals(), department_goals()))
def test_drawn_tables_ledgers_and_goals_pickle(obj: object) -> None:
    round_trip(obj, pickle.HIGHEST_PROTOCOL)
