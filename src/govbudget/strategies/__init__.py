"""Hypothesis strategies for govbudget's types: valid, consistent, and broken on purpose.

This package is the only part of govbudget that imports hypothesis (install the extra:
``pip install govbudget[testing]``). Tables from :func:`tables` are valid but their sums need
not add up; goals from :func:`project_goals` pass every PG rule; :func:`corruptions` breaks a
consistent budget in one known way and says which rules must fire. Final accounts (部门决算)
have theirs: :func:`final_accounts` (consistent, built from actuals and carry-overs),
:func:`final_tables`, :func:`example_final_accounts`, and the corruptions of
:data:`FINAL_CORRUPTIONS`, which :func:`corrupt` and :func:`corruptions` apply to final accounts.
"""

from __future__ import annotations

from govbudget.strategies.corruptions import CORRUPTIONS, Corruption, corrupt, corruptions
from govbudget.strategies.example import example_budget, example_final_accounts
from govbudget.strategies.final import (
    Balance,
    final_accounts,
    final_accounts_from,
    final_tables,
    stated_final_facts,
)
from govbudget.strategies.final_corruptions import FINAL_CORRUPTIONS
from govbudget.strategies.goals import department_goals, project_goals
from govbudget.strategies.ledgers import budgets, ledgers, line_items, phrasings
from govbudget.strategies.tables import tables
from govbudget.strategies.values import amounts, codes, subjects, yuan_amounts

__all__ = [
    "CORRUPTIONS",
    "FINAL_CORRUPTIONS",
    "Balance",
    "Corruption",
    "amounts",
    "budgets",
    "codes",
    "corrupt",
    "corruptions",
    "department_goals",
    "example_budget",
    "example_final_accounts",
    "final_accounts",
    "final_accounts_from",
    "final_tables",
    "ledgers",
    "line_items",
    "phrasings",
    "project_goals",
    "stated_final_facts",
    "subjects",
    "tables",
    "yuan_amounts",
]
