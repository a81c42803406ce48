"""How govbudget's modules import: ``import govbudget`` loads the model and leaves checking,
reading, writing and the ledger for the first use of one of their names; every module imports
on its own, no module imports another that imports it back, and the rule catalogue has one
order whatever a program does first (the catalogue is a list, not what imports registered).

The tests run fresh interpreters, as this one has imported everything already. No timings
are asserted here: ``python -m benchmarks`` measures them.
"""

from __future__ import annotations

import ast
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
SRC = Path(__file__).resolve().parent.parent / "src"

# What `import govbudget` leaves for the first use of one of their names.
LATER = (
    "govbudget.checks",
    "govbudget.reading",
    "govbudget.writing",
    "govbudget.ledger",
    "govbudget.strategies",
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


def test_import_govbudget_loads_the_model_and_leaves_the_rest() -> None:
    loaded = json.loads(
        fresh("import json, sys, govbudget; print(json.dumps(sorted(sys.modules)))")
    )
    assert "govbudget.disclosure.final" in loaded  # (the model of both families is there)
    assert left_for_later(loaded) == []


def test_import_govbudget_reads_no_catalogue() -> None:
    # The editions and the codes observed in real documents are read at their first use.
    code = (
        "import json, sys, govbudget\n"
        "shipped = sys.modules['govbudget.classification.editions']\n"
        "observed = sys.modules['govbudget.classification.observed']\n"
        "read = [shipped._catalogue, shipped.editions, observed._observed, observed._known]\n"
        "print(json.dumps([[f.cache_info().currsize for f in read],\n"
        "                  'importlib.resources' in sys.modules]))\n"
    )
    assert json.loads(fresh(code)) == [[0, 0, 0, 0], False]


def test_checking_a_budget_loads_the_checks_and_nothing_else(seed_text: str) -> None:
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
    assert left_for_later(loaded) == [
        "govbudget.checks",
        *sorted(m for m in loaded if m.startswith("govbudget.checks.")),
    ]


def modules() -> list[str]:
    """Every module of govbudget, by its dotted name."""
    found = []
    for path in sorted((SRC / "govbudget").rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        found.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


def imported_at_load(module: str) -> set[str]:
    """The govbudget modules ``module`` imports when it is itself imported: its top-level
    imports, those under ``if`` (not ``TYPE_CHECKING``: a type checker's only) and ``try``,
    never those inside functions."""
    path = SRC / Path(*module.split("."))
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.If):
                if "TYPE_CHECKING" not in ast.unparse(node.test):
                    visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)

    visit(tree.body)
    known = set(modules())
    return {name for name in found if name in known and name != module}


def test_no_module_imports_one_that_imports_it_back() -> None:
    # (A package's own modules are imported by its __init__ after it starts, which is no cycle:
    # only the imports each module writes are followed.)
    graph = {module: imported_at_load(module) for module in modules()}
    cycles = []
    state: dict[str, int] = {}

    def walk(module: str, path: list[str]) -> None:
        state[module] = 1
        for needed in sorted(graph[module]):
            if state.get(needed) == 1:
                cycles.append([*path[path.index(needed) :], needed])
            elif needed not in state:
                walk(needed, [*path, needed])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            walk(module, [module])
    assert cycles == []


# The rooms of docs/architecture.md, lowest first: a module imports only from rooms below its own.
ROOMS: tuple[tuple[str, ...], ...] = (
    ("errors", "_version", "characters"),
    ("amounts", "findings", "limits", "vocabulary"),
    ("rates", "classification", "performance"),
    ("tables",),
    ("disclosure",),
    ("families", "govbudget"),  # govbudget: the package itself, which loads the model alone
    ("checks", "ledger"),
    ("reading",),
    ("writing",),
    ("strategies", "bulk"),
    ("cli",),
    ("__main__",),
)
FLOOR = {room: floor for floor, rooms in enumerate(ROOMS) for room in rooms}


def room_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def test_every_module_imports_only_from_the_rooms_below_its_own() -> None:
    upward = sorted(
        (module, needed)
        for module in modules()
        for needed in imported_at_load(module)
        if room_of(needed) != room_of(module) and FLOOR[room_of(needed)] >= FLOOR[room_of(module)]
    )
    assert upward == []
    assert {room_of(module) for module in modules()} == set(FLOOR)


@pytest.mark.parametrize("module", [m for m in modules() if m != "govbudget.__main__"])
def test_every_module_imports_on_its_own(module: str) -> None:
    if module.startswith("govbudget.strategies"):
        pytest.importorskip("hypothesis")
    if module == "govbudget.writing.dataframe":
        pytest.importorskip("pandas")
    fresh(f"import {module}")


def named(value: object) -> str:
    """A class or a function by its module and name, anything else by its type."""
    if hasattr(value, "__qualname__"):
        return f"{value.__module__}.{value.__qualname__}"
    return type(value).__qualname__


PACKAGES = [
    "govbudget",
    "govbudget.checks",
    "govbudget.disclosure",
    "govbudget.reading",
    "govbudget.writing",
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
    import govbudget.ledger
    import govbudget.ledger.execution
    import govbudget.rates

    assert govbudget.ledger.ExecutionRate is govbudget.ledger.execution.ExecutionRate
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
    "import reading": "import govbudget.reading",
    "import a reader": "import govbudget.reading.grid",
    "import the cross-table rules": "import govbudget.checks.cross_table",
    "import the statements' rules": "import govbudget.checks.statements",
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
assert "govbudget.checks" not in sys.modules, "the test would prove nothing"
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
