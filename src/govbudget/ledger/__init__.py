"""Line items in 元 and every table derived from them; consolidation; comparisons; the text.

A :class:`Ledger` holds a department's :class:`LineItem` s for one year. :func:`derive` builds
its whole disclosure (the nine tables, project budgets, stated facts), each printed figure
rounded on its own from exact sums; :func:`consolidate` adds units up into a department;
:func:`compare_years` sets two years side by side, and :func:`compare_execution` a budget
beside its final accounts (部门决算);
:func:`explanation` writes the explanation's standard paragraphs.
"""

from __future__ import annotations

from govbudget.ledger.comparison import (
    STANDARD_CHANGES,
    BudgetComparison,
    Change,
    compare_years,
    with_changes,
)
from govbudget.ledger.consolidation import consolidate
from govbudget.ledger.derivation import EMPTY_NOTES, ClassLayout, derive, table_facts
from govbudget.ledger.execution import (
    EXECUTION_PAIRS,
    SAME_FAMILY_PAIRS,
    Execution,
    ExecutionComparison,
    ExecutionRate,
    Measure,
    Pairing,
    VarianceExplanation,
    compare_execution,
)
from govbudget.ledger.items import (
    Appropriation,
    BasicKind,
    ExpenditureKind,
    FundSource,
    Ledger,
    LedgerError,
    LineItem,
    LineItemError,
    ThreePublicItem,
    UnitFundKind,
)
from govbudget.ledger.narrative import Phrasing, explanation

__all__ = [
    "EMPTY_NOTES",
    "EXECUTION_PAIRS",
    "SAME_FAMILY_PAIRS",
    "STANDARD_CHANGES",
    "Appropriation",
    "BasicKind",
    "BudgetComparison",
    "Change",
    "ClassLayout",
    "Execution",
    "ExecutionComparison",
    "ExecutionRate",
    "ExpenditureKind",
    "FundSource",
    "Ledger",
    "LedgerError",
    "LineItem",
    "LineItemError",
    "Measure",
    "Pairing",
    "Phrasing",
    "ThreePublicItem",
    "UnitFundKind",
    "VarianceExplanation",
    "compare_execution",
    "compare_years",
    "consolidate",
    "derive",
    "explanation",
    "table_facts",
    "with_changes",
]
