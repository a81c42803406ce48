"""The nine standard tables of a department budget, their declarations and their values."""

from __future__ import annotations

from govbudget.tables.basic import BasicExpenditureTable
from govbudget.tables.by_function import (
    ExpenditureTable,
    GeneralPublicExpenditureTable,
    GovernmentFundExpenditureTable,
    IncomeTable,
    StateCapitalExpenditureTable,
)
from govbudget.tables.cells import figures_at, top_level_rows
from govbudget.tables.model import Block, Row, Table, TableError, TableHeader
from govbudget.tables.shapes import RowsTable, TwoSidedTable
from govbudget.tables.spec import (
    DETAIL,
    BlockSpec,
    Cell,
    ColumnSpec,
    Detail,
    Formula,
    Identity,
    RowSpec,
    TableSpec,
    strip_ordinal,
)
from govbudget.tables.standard import STANDARD_TABLES, table_type
from govbudget.tables.summary import FiscalAppropriationSummary, IncomeExpenditureSummary
from govbudget.tables.three_public import ThreePublicExpensesTable

__all__ = [
    "DETAIL",
    "STANDARD_TABLES",
    "BasicExpenditureTable",
    "Block",
    "BlockSpec",
    "Cell",
    "ColumnSpec",
    "Detail",
    "ExpenditureTable",
    "FiscalAppropriationSummary",
    "Formula",
    "GeneralPublicExpenditureTable",
    "GovernmentFundExpenditureTable",
    "Identity",
    "IncomeExpenditureSummary",
    "IncomeTable",
    "Row",
    "RowSpec",
    "RowsTable",
    "StateCapitalExpenditureTable",
    "Table",
    "TableError",
    "TableHeader",
    "TableSpec",
    "ThreePublicExpensesTable",
    "TwoSidedTable",
    "figures_at",
    "strip_ordinal",
    "table_type",
    "top_level_rows",
]
