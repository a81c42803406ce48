"""Checking: the rules, each family's list of them, the catalogue and :func:`check`.

Every rule module lists its rules in tuples; this package puts them together, in one order, the
catalogue's: the catalogue rules, the budget's rules, the final accounts' rules, the readers'
rules. Nothing is registered by importing a module, and the catalogue is the same whatever a
program does first.

>>> [r.id for r in BUDGET_RULES][:3]
['T6-CONVENTION', 'X-T1-T2', 'X-T1-T3']
>>> [r.id for r in FINAL_RULES][:2], len(RULES.rules()) == len(rules())
(['F1-TOTAL', 'F1-BALANCE'], True)
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from govbudget.checks.catalogues import CATALOGUE_RULES
from govbudget.checks.changes import BUDGET_CHANGE_RULES, FINAL_CHANGE_RULE
from govbudget.checks.completeness import BUDGET_COMPLETENESS, DOC_PART, FINAL_COMPLETENESS
from govbudget.checks.conventions import T6_CONVENTION
from govbudget.checks.cross_table import BUDGET_CROSS_TABLE, FINAL_CROSS_TABLE
from govbudget.checks.goals import GOAL_RULES
from govbudget.checks.other_tables import OTHER_TABLE_RULES
from govbudget.checks.reading import READING_RULES
from govbudget.checks.registry import Registry, Rule, declare, rule
from govbudget.checks.statements import STATEMENT_RULES
from govbudget.checks.tables import table_rules
from govbudget.checks.text_tables import BUDGET_TEXT_TABLE, FINAL_TEXT_TABLE
from govbudget.disclosure import Disclosure, Scope
from govbudget.findings import Finding, Location, Report, Severity
from govbudget.tables import STANDARD_FINAL_TABLES, STANDARD_TABLES

__all__ = [
    "BUDGET_RULES",
    "CATALOGUE_RULES",
    "FINAL_RULES",
    "READING_RULES",
    "RULES",
    "Finding",
    "Location",
    "Registry",
    "Report",
    "Rule",
    "Severity",
    "check",
    "declare",
    "rule",
    "rules",
]

BUDGET_RULES: tuple[Rule, ...] = (
    T6_CONVENTION,
    *BUDGET_CROSS_TABLE,
    *BUDGET_TEXT_TABLE,
    *BUDGET_COMPLETENESS,
    *OTHER_TABLE_RULES,
    *BUDGET_CHANGE_RULES,
    *GOAL_RULES,
    *(each for kind in STANDARD_TABLES for each in table_rules(kind)),
)
"""The rules of a budget disclosure (部门预算): between its tables, text and tables,
completeness, its other tables, its explanation's changes, its goals, then each table's own."""

FINAL_RULES: tuple[Rule, ...] = (
    *(each for kind in STANDARD_FINAL_TABLES for each in table_rules(kind)),
    *FINAL_CROSS_TABLE,
    *FINAL_COMPLETENESS,
    *STATEMENT_RULES,
    FINAL_CHANGE_RULE,
    *FINAL_TEXT_TABLE,
)
"""The rules of final accounts (部门决算): each table's own, between the tables,
completeness, and the explanation's."""

RULES = Registry((*CATALOGUE_RULES, *BUDGET_RULES, *FINAL_RULES, DOC_PART, *READING_RULES))
"""The built-in rules, in catalogue order."""


def rules(*, applies_to: type | None = None) -> tuple[Rule, ...]:
    """The built-in rules in catalogue order, or those that apply to one type."""
    return RULES.rules(applies_to=applies_to)


def check(
    obj: object,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    scope: Scope | None = None,
    registry: Registry = RULES,
) -> Report:
    """Run every applicable rule on ``obj`` and its parts and return the report.

    ``select`` keeps only the rules whose id is given or starts with a given family
    (``select=["T6"]`` runs ``T6-…``); ``ignore`` drops rules the same way; ``scope`` checks
    a disclosure as whole or as a part of one (:class:`~govbudget.disclosure.Scope`) whatever
    its reader said, ``None`` as it said; ``registry`` replaces the built-in rules with a
    registry of one's own.

    >>> from govbudget.classification import functional_classification
    >>> check(functional_classification(2025)).ok
    True
    >>> from govbudget.disclosure import DepartmentBudget
    >>> [f.rule for f in check(DepartmentBudget("某局", 2025, scope=Scope.PART))]
    ['DOC-PART']
    """
    if scope is not None and isinstance(obj, Disclosure) and obj.scope is not scope:
        obj = attrs.evolve(obj, scope=scope)
    return registry.check(obj, select=select, ignore=ignore)
