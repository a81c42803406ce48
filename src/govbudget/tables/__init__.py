"""The nine standard tables of a department budget and the nine of its final accounts, their
declarations and their values.

>>> import govbudget.tables
>>> all(hasattr(govbudget.tables, name) for name in govbudget.tables.__all__)
True
"""

from __future__ import annotations

from govbudget.tables.basic import BasicExpenditureFinalTable, BasicExpenditureTable
from govbudget.tables.by_function import (
    ExpenditureFinalTable,
    ExpenditureTable,
    GeneralPublicExpenditureFinalTable,
    GeneralPublicExpenditureTable,
    GovernmentFundExpenditureTable,
    GovernmentFundFinalTable,
    IncomeFinalTable,
    IncomeTable,
    StateCapitalExpenditureTable,
    StateCapitalFinalTable,
)
from govbudget.tables.cells import figures_at, top_level_rows
from govbudget.tables.model import Block, Row, Table, TableError, TableHeader
from govbudget.tables.shapes import RowsTable, TwoSidedTable
from govbudget.tables.spec import (
    DETAIL,
    BlockSpec,
    Cell,
    Change,
    ColumnSpec,
    Detail,
    Formula,
    Identity,
    Phase,
    RowSpec,
    TableSpec,
    strip_ordinal,
)
from govbudget.tables.standard import (
    STANDARD_FINAL_TABLES,
    STANDARD_TABLES,
    standard_tables,
    table_type,
)
from govbudget.tables.summary import (
    FiscalAppropriationFinalSummary,
    FiscalAppropriationSummary,
    IncomeExpenditureFinalSummary,
    IncomeExpenditureSummary,
)
from govbudget.tables.three_public import ThreePublicExpensesFinalTable, ThreePublicExpensesTable

__all__ = [
    "DETAIL",
    "STANDARD_FINAL_TABLES",
    "STANDARD_TABLES",
    "BasicExpenditureFinalTable",
    "BasicExpenditureTable",
    "Block",
    "BlockSpec",
    "Cell",
    "Change",
    "ColumnSpec",
    "Detail",
    "ExpenditureFinalTable",
    "ExpenditureTable",
    "FiscalAppropriationFinalSummary",
    "FiscalAppropriationSummary",
    "Formula",
    "GeneralPublicExpenditureFinalTable",
    "GeneralPublicExpenditureTable",
    "GovernmentFundExpenditureTable",
    "GovernmentFundFinalTable",
    "Identity",
    "IncomeExpenditureFinalSummary",
    "IncomeExpenditureSummary",
    "IncomeFinalTable",
    "IncomeTable",
    "Phase",
    "Row",
    "RowSpec",
    "RowsTable",
    "StateCapitalExpenditureTable",
    "StateCapitalFinalTable",
    "Table",
    "TableError",
    "TableHeader",
    "TableSpec",
    "ThreePublicExpensesFinalTable",
    "ThreePublicExpensesTable",
    "TwoSidedTable",
    "figures_at",
    "standard_tables",
    "strip_ordinal",
    "table_type",
    "top_level_rows",
]
