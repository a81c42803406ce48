"""One department's budget disclosure and its final accounts: tables, units, procurement,
assets, goals, the facts their explanations state.

>>> import govbudget.disclosure
>>> all(hasattr(govbudget.disclosure, name) for name in govbudget.disclosure.__all__)
True
"""

from __future__ import annotations

from govbudget.disclosure.assets import ASSET_KINDS, ASSET_PARTS, AssetRow, FixedAssetsTable
from govbudget.disclosure.base import Disclosure, Scope
from govbudget.disclosure.budget import DepartmentBudget
from govbudget.disclosure.facts import AMOUNT_FACTS, FinalStatedFacts, StatedFacts
from govbudget.disclosure.final import DepartmentFinalAccounts
from govbudget.disclosure.procurement import ProcurementItem, ProcurementTable
from govbudget.disclosure.statements import (
    Restatement,
    StatedChange,
    StatedClass,
    StatedEvaluation,
    StatedExecution,
    StatedShare,
)
from govbudget.disclosure.units import BudgetUnit

__all__ = [
    "AMOUNT_FACTS",
    "ASSET_KINDS",
    "ASSET_PARTS",
    "AssetRow",
    "BudgetUnit",
    "DepartmentBudget",
    "DepartmentFinalAccounts",
    "Disclosure",
    "FinalStatedFacts",
    "FixedAssetsTable",
    "ProcurementItem",
    "ProcurementTable",
    "Restatement",
    "Scope",
    "StatedChange",
    "StatedClass",
    "StatedEvaluation",
    "StatedExecution",
    "StatedFacts",
    "StatedShare",
]
