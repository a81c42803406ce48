"""The nine standard tables in their standard order, and lookup by number or key."""

from __future__ import annotations

from govbudget.tables.basic import BasicExpenditureTable
from govbudget.tables.by_function import (
    ExpenditureTable,
    GeneralPublicExpenditureTable,
    GovernmentFundExpenditureTable,
    IncomeTable,
    StateCapitalExpenditureTable,
)
from govbudget.tables.model import Table
from govbudget.tables.summary import FiscalAppropriationSummary, IncomeExpenditureSummary
from govbudget.tables.three_public import ThreePublicExpensesTable

__all__ = ["STANDARD_TABLES", "table_type"]

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
"""The nine table classes, table 1 first."""


def table_type(which: int | str) -> type[Table]:
    """The table class for a number (1–9) or a key ("basic_expenditure").

    >>> table_type(6).__name__, table_type("income").SPEC.title
    ('BasicExpenditureTable', '部门预算收入总表')
    """
    for kind in STANDARD_TABLES:
        if which in (kind.SPEC.number, kind.SPEC.key):
            return kind
    keys = ", ".join(kind.SPEC.key for kind in STANDARD_TABLES)
    raise KeyError(f"no standard table {which!r}: numbers 1–9 or one of {keys}")
