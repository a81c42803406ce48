"""The nine standard tables of a budget and the nine of final accounts, in their standard order,
and lookup by number or key."""

from __future__ import annotations

from govbudget.tables.basic import BasicExpenditureTable
from govbudget.tables.by_function import (
    ExpenditureTable,
    GeneralPublicExpenditureTable,
    GovernmentFundExpenditureTable,
    IncomeTable,
    StateCapitalExpenditureTable,
)
from govbudget.tables.final import STANDARD_FINAL_TABLES
from govbudget.tables.model import Table
from govbudget.tables.spec import Phase
from govbudget.tables.summary import FiscalAppropriationSummary, IncomeExpenditureSummary
from govbudget.tables.three_public import ThreePublicExpensesTable

__all__ = ["STANDARD_FINAL_TABLES", "STANDARD_TABLES", "standard_tables", "table_type"]

STANDARD_TABLES: tuple[type[Table], ...] = (
    IncomeExpenditureSummary,
    IncomeTable,
    ExpenditureTable,
    FiscalAppropriationSummary,
    GeneralPublicExpenditureTable,
    BasicExpenditureTable,
    GovernmentFundExpenditureTable,
    StateCapitalExpenditureTable,
    ThreePublicExpensesTable,
)
"""The nine table classes of a budget, table 1 first."""


def standard_tables(phase: Phase) -> tuple[type[Table], ...]:
    """The nine table classes of a family: :data:`STANDARD_TABLES` or :data:`STANDARD_FINAL_TABLES`.

    >>> [kind.SPEC.rule_prefix for kind in standard_tables(Phase.FINAL)][:3]
    ['F1', 'F2', 'F3']
    """
    return STANDARD_FINAL_TABLES if phase is Phase.FINAL else STANDARD_TABLES


def table_type(which: int | str, phase: Phase = Phase.BUDGET) -> type[Table]:
    """The table class for a number (1–9, of the ``phase``'s family) or a key of either family.

    >>> table_type(6).__name__, table_type("income").SPEC.title
    ('BasicExpenditureTable', '部门预算收入总表')
    >>> table_type(7, Phase.FINAL).__name__, table_type("income_final").SPEC.title
    ('ThreePublicExpensesFinalTable', '收入决算表')
    """
    both = (*STANDARD_TABLES, *standard_tables(Phase.FINAL))
    for kind in both:
        if kind.SPEC.key == which:
            return kind
    for kind in standard_tables(phase):
        if kind.SPEC.number == which:
            return kind
    keys = ", ".join(kind.SPEC.key for kind in both)
    raise KeyError(f"no standard table {which!r}: numbers 1–9 or one of {keys}")
