"""One department's whole budget disclosure: tables, units, procurement, assets, goals, facts.

The final accounts and the facts their explanation states are imported on first use, as a
budget needs none of them:

>>> import govbudget.disclosure
>>> all(hasattr(govbudget.disclosure, name) for name in govbudget.disclosure.__all__)
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from govbudget import _lazy
from govbudget.disclosure.assets import ASSET_KINDS, AssetRow, FixedAssetsTable
from govbudget.disclosure.budget import DepartmentBudget
from govbudget.disclosure.facts import AMOUNT_FACTS, StatedChange, StatedFacts
from govbudget.disclosure.procurement import ProcurementItem, ProcurementTable
from govbudget.disclosure.units import BudgetUnit

if TYPE_CHECKING:
    from govbudget.disclosure.final import DepartmentFinalAccounts, Disclosure
    from govbudget.disclosure.final_facts import (
        FinalStatedFacts,
        Restatement,
        StatedClass,
        StatedEvaluation,
        StatedExecution,
        StatedShare,
    )

# The final accounts (部门决算) are imported on first use (PEP 562): a budget, and checking one,
# needs none of them. Each name of __all__ is in the package or in this table.
_LAZY: dict[str, str] = {
    "DepartmentFinalAccounts": "govbudget.disclosure.final",
    "Disclosure": "govbudget.disclosure.final",
    **dict.fromkeys(
        (
            "FinalStatedFacts",
            "Restatement",
            "StatedClass",
            "StatedEvaluation",
            "StatedExecution",
            "StatedShare",
        ),
        "govbudget.disclosure.final_facts",
    ),
}

__all__ = [
    "AMOUNT_FACTS",
    "ASSET_KINDS",
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
    "StatedChange",
    "StatedClass",
    "StatedEvaluation",
    "StatedExecution",
    "StatedFacts",
    "StatedShare",
]

_getattr, __dir__ = _lazy.attach(__name__, _LAZY)
if not TYPE_CHECKING:  # a type checker sees the names imported above, and no others
    __getattr__ = _getattr
