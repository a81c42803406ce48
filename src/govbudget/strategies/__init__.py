"""Hypothesis strategies for govbudget's types: valid, consistent, and broken on purpose.

This package is the only part of govbudget that imports hypothesis (install the extra:
``pip install govbudget[testing]``). Tables from :func:`tables` are valid but their sums need
not add up; goals from :func:`project_goals` pass every PG rule; :func:`corruptions` breaks a
consistent budget in one known way and says which rules must fire.
"""

from __future__ import annotations

from govbudget.strategies.corruptions import CORRUPTIONS, Corruption, corrupt, corruptions
from govbudget.strategies.example import example_budget
from govbudget.strategies.goals import department_goals, project_goals
from govbudget.strategies.ledgers import budgets, ledgers, line_items
from govbudget.strategies.tables import tables
from govbudget.strategies.values import amounts, codes, subjects, yuan_amounts

__all__ = [
    "CORRUPTIONS",
    "Corruption",
    "amounts",
    "budgets",
    "codes",
    "corrupt",
    "corruptions",
    "department_goals",
    "example_budget",
    "ledgers",
    "line_items",
    "project_goals",
    "subjects",
    "tables",
    "yuan_amounts",
]
