"""``import govbudget`` loads what a budget needs and no more (issue #10): the final accounts
(部门决算), their rules, the ledger and the formats are imported on first use. Yet every public
name is there, the rules of final accounts are registered whenever something needs them, and the
rule catalogue has one order whatever a program does first.

The tests run fresh interpreters, as this one has imported everything already. No timings
are asserted here: ``python -m benchmarks`` measures them.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from govbudget import DepartmentFinalAccounts, Report, check, read_bundle, read_text, rules
from govbudget.strategies import corrupt, example_final_accounts

DATA = Path(__file__).resolve().parent / "data"

# What `import govbudget` leaves for later.
LATER = (
    "govbudget.checks.final",
    "govbudget.checks.final_narrative",
    "govbudget.disclosure.final",
    "govbudget.disclosure.final_facts",
    "govbudget.formats",
    "govbudget.ledger",
    "govbudget.tables.final",
)


def left_for_later(loaded: list[str]) -> list[str]:
    """The modules of ``loaded`` that `import govbudget` leaves for later, or in them."""
    return [m for m in loaded if m in LATER or m.startswith(tuple(f"{each}." for each in LATER))]


def fresh(code: str) -> str:
    """What ``code`` prints, run in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_import_govbudget_leaves_the_final_accounts_the_ledger_and_the_formats() -> None:
    loaded = json.loads(
        fresh("import json, sys, govbudget; print(json.dumps(sorted(sys.modules)))")
    )
    assert "govbudget.checks.tables" in loaded  # (the budget's rules are there)
    assert left_for_later(loaded) == []


def test_checking_a_budget_leaves_them_too(seed_text: str) -> None:
    budget = read_text(seed_text)
    code = (
        "import json, pickle, sys, govbudget\n"
        "report = govbudget.check(pickle.loads(sys.stdin.buffer.read()))\n"
        "print(json.dumps([len(report), sorted(sys.modules)]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], input=pickle.dumps(budget), capture_output=True, check=False
    )
    assert result.returncode == 0, result.stderr.decode()
    findings, loaded = json.loads(result.stdout)
    assert findings == len(check(budget)) > 0
    assert left_for_later(loaded) == []


def named(value: object) -> str:
    """A class or a function by its module and name, anything else by its type."""
    if hasattr(value, "__qualname__"):
        return f"{value.__module__}.{value.__qualname__}"
    return type(value).__qualname__


PACKAGES = [
    "govbudget",
    "govbudget.checks",
    "govbudget.disclosure",
    "govbudget.formats",
    "govbudget.ledger",
    "govbudget.tables",
    "govbudget.tables.standard",
]


@pytest.mark.parametrize("package", PACKAGES)
def test_every_public_name_is_there_from_a_fresh_start(package: str) -> None:
    code = (
        f"import json, {package} as package\n"
        + inspect.getsource(named)
        + "found = {name: named(getattr(package, name)) for name in package.__all__}\n"
        "print(json.dumps([found, sorted(set(package.__all__) - set(dir(package)))]))\n"
    )
    found, not_in_dir = json.loads(fresh(code))
    assert not_in_dir == []
    module = importlib.import_module(package)
    assert found == {name: named(getattr(module, name)) for name in module.__all__}


def test_execution_rate_is_one_class_wherever_it_is_imported_from() -> None:
    import govbudget
    import govbudget.ledger
    import govbudget.ledger.comparison
    import govbudget.rates

    assert govbudget.ExecutionRate is govbudget.rates.ExecutionRate
    assert govbudget.ledger.ExecutionRate is govbudget.ledger.comparison.ExecutionRate
    assert govbudget.ledger.ExecutionRate is govbudget.rates.ExecutionRate


# What a program may do first; each must leave the rule catalogue as it always is.
TINY_ACCOUNTS = (
    "from govbudget.tables import TableHeader, ThreePublicExpensesFinalTable\n"
    "three = ThreePublicExpensesFinalTable.from_rows(TableHeader('某部门', 2024), [\n"
    "    ('total', '合计', {'budget': '0.95'}), ('reception', '公务接待费', {'budget': '0.95'})])\n"
    "accounts = govbudget.DepartmentFinalAccounts('某部门', 2024, tables=[three])\n"
)
FIRST = {
    "rules()": "govbudget.rules()",
    "RULES.copy()": "govbudget.checks.RULES.copy()",
    "import formats": "import govbudget.formats",
    "import a reader": "import govbudget.formats.grid",
    "import the final rules": "import govbudget.checks.final",
    "import the explanation's rules": "import govbudget.checks.final_narrative",
    "import the ledger": "import govbudget.ledger",
    "check final accounts": TINY_ACCOUNTS + "govbudget.check(accounts)",
    "check a final table": TINY_ACCOUNTS + "govbudget.check(three)",
    "check stated facts": "govbudget.check(govbudget.disclosure.FinalStatedFacts())",
    "check a budget": "govbudget.check(govbudget.DepartmentBudget('某部门', 2025))",
}


@pytest.mark.parametrize("first", FIRST.values(), ids=FIRST.keys())
def test_the_catalogue_has_one_order_whatever_comes_first(first: str) -> None:
    code = f"import json, govbudget\n{first}\nprint(json.dumps([r.id for r in govbudget.rules()]))"
    assert json.loads(fresh(code)) == [r.id for r in rules()]


def final_accounts() -> list[DepartmentFinalAccounts]:
    """Two real final accounts, read with their faults, and the example broken in every way
    that must fire an error rule of final accounts."""
    real = [
        read_bundle(json.loads(path.read_text("utf-8")))
        for path in sorted((DATA / "cases").glob("*-final.json"))
    ]
    broken = [corruption.target for corruption in corrupt(example_final_accounts())]
    everything = [each for each in [*real, *broken] if isinstance(each, DepartmentFinalAccounts)]
    assert len(everything) == len(real) + len(broken)
    return everything


# The first thing checked, from the final accounts with the most findings, and with which rules.
FIRST_CHECKED: dict[
    str, tuple[Callable[[DepartmentFinalAccounts], object], tuple[str, ...] | None]
] = {
    "final accounts": (lambda accounts: accounts, None),
    "a final table": (lambda accounts: next(t for t in accounts.tables if check(t)), None),
    "stated facts": (lambda accounts: accounts.facts, None),
    "final accounts, some rules": (lambda accounts: accounts, ("XF", "TXT-FINAL")),
}

CHECK_IN_A_FRESH_INTERPRETER = """
import pickle, sys
import govbudget
with open(sys.argv[1], "rb") as given:
    checks = pickle.load(given)
# Reading the objects imported their classes, and none of the rules on them.
assert "govbudget.checks.final" not in sys.modules, "the test would prove nothing"
reports = [govbudget.check(obj, select=select) for obj, select in checks]
with open(sys.argv[2], "wb") as taken:
    pickle.dump(reports, taken)
"""


@pytest.mark.parametrize(("take", "select"), FIRST_CHECKED.values(), ids=FIRST_CHECKED.keys())
def test_the_first_check_of_final_accounts_reports_as_any_later_one(
    take: Callable[[DepartmentFinalAccounts], object],
    select: tuple[str, ...] | None,
    tmp_path: Path,
) -> None:
    everything = final_accounts()
    richest = max(everything, key=lambda accounts: len(check(accounts)))
    checks = [(take(richest), select), *((accounts, None) for accounts in everything)]
    given, taken = tmp_path / "checks.pickle", tmp_path / "reports.pickle"
    given.write_bytes(pickle.dumps(checks))
    result = subprocess.run(
        [sys.executable, "-c", CHECK_IN_A_FRESH_INTERPRETER, str(given), str(taken)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    reports: list[Report] = pickle.loads(taken.read_bytes())
    assert reports == [check(obj, select=select) for obj, select in checks]
    assert reports[0] and all(reports[1:3])  # (the real accounts have findings)


def test_a_registry_of_ones_own_checks_the_parts_of_final_accounts_from_a_fresh_start() -> None:
    # What final accounts are made of is declared with their rules: a registry without them
    # walks into the tables all the same.
    mine = (
        "from govbudget.checks import Registry, Severity\n"
        "mine = Registry()\n"
        "@mine.rule('USER-SEEN', 'Seen', Severity.INFO,\n"
        "           applies_to=type(three), description='见到三公表。')\n"
        "def seen(rule, table):\n"
        "    yield rule.finding(table.title)\n"
        "print(govbudget.check(accounts, registry=mine).rule_ids())\n"
    )
    assert fresh("import govbudget\n" + TINY_ACCOUNTS + mine).strip() == "('USER-SEEN',)"


def test_final_accounts_show_as_html_in_a_notebook_from_a_fresh_start() -> None:
    code = (
        "import govbudget\n"
        "from govbudget.disclosure import DepartmentFinalAccounts\n"
        "page = DepartmentFinalAccounts('某部门', 2024)._repr_html_()\n"
        "print(page.splitlines()[:2])\n"
    )
    assert (
        fresh(code).strip()
        == """['<article class="govbudget">', '<h1>某部门 2024年部门决算</h1>']"""
    )
