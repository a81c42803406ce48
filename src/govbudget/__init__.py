"""govbudget: a typed data model and consistency checks for Chinese department budget disclosures.

The package itself holds the entry points and the main types; everything else is importable
from the subpackage that defines it (:mod:`govbudget.amounts`, :mod:`govbudget.tables`,
:mod:`govbudget.disclosure`, :mod:`govbudget.checks`, :mod:`govbudget.reading`,
:mod:`govbudget.writing`, :mod:`govbudget.ledger` …).

>>> from decimal import Decimal
>>> import govbudget
>>> govbudget.agree(Decimal("193.61"), [Decimal("182.21"), Decimal("11.39")]).ok
True
>>> govbudget.functional_classification(2025)["20137"].name
'网信事务'

``import govbudget`` loads the model; the checks, the readers, the writers and the ledger are
imported when one of their names is first used:

>>> all(hasattr(govbudget, name) for name in govbudget.__all__)
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from govbudget._version import __version__
from govbudget.amounts import Unit, agree, parse_amount
from govbudget.classification import economic_classification, functional_classification
from govbudget.disclosure import DepartmentBudget, DepartmentFinalAccounts, StatedFacts
from govbudget.errors import GovBudgetError
from govbudget.findings import Finding, Report, Severity
from govbudget.performance import ProjectPerformanceGoal
from govbudget.tables import Phase, Table, TableHeader

if TYPE_CHECKING:
    from govbudget.checks import check, rules
    from govbudget.ledger import Ledger, LineItem, compare_execution, compare_years, derive
    from govbudget.reading import read_bundle, read_grids, read_text
    from govbudget.writing import from_json, to_html, to_json, to_text

__all__ = [
    "DepartmentBudget",
    "DepartmentFinalAccounts",
    "Finding",
    "GovBudgetError",
    "Ledger",
    "LineItem",
    "Phase",
    "ProjectPerformanceGoal",
    "Report",
    "Severity",
    "StatedFacts",
    "Table",
    "TableHeader",
    "Unit",
    "__version__",
    "agree",
    "check",
    "compare_execution",
    "compare_years",
    "derive",
    "economic_classification",
    "from_json",
    "functional_classification",
    "parse_amount",
    "read_bundle",
    "read_grids",
    "read_text",
    "rules",
    "to_html",
    "to_json",
    "to_text",
]

# The entry points whose packages import on first use (PEP 562): checking, reading, writing and
# the ledger are most of govbudget's code and of its import time, and a program that holds a
# budget need not load them all. This table is the only deferred import of the package.
_ENTRY_POINTS: dict[str, str] = {
    **dict.fromkeys(("check", "rules"), "govbudget.checks"),
    **dict.fromkeys(("read_bundle", "read_grids", "read_text"), "govbudget.reading"),
    **dict.fromkeys(("from_json", "to_html", "to_json", "to_text"), "govbudget.writing"),
    **dict.fromkeys(
        ("Ledger", "LineItem", "compare_execution", "compare_years", "derive"), "govbudget.ledger"
    ),
}


# The subpackages imported on first use, as ``govbudget.writing.to_markdown`` after a bare
# ``import govbudget``.
_SUBPACKAGES = frozenset(("bulk", "checks", "cli", "ledger", "rates", "reading", "writing"))


def _entry_point(name: str) -> object:
    if name in _SUBPACKAGES:
        return importlib.import_module(f"{__name__}.{name}")
    module = _ENTRY_POINTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_ENTRY_POINTS})


if not TYPE_CHECKING:  # a type checker sees the names imported above, and no others
    __getattr__ = _entry_point
