"""The nine standard tables of a department budget and the nine of its final accounts, their
declarations and their values.

The tables of final accounts are imported on first use, as a budget needs none of them:

>>> import govbudget.tables
>>> all(hasattr(govbudget.tables, name) for name in govbudget.tables.__all__)
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from govbudget import _lazy
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
    Phase,
    RowSpec,
    TableSpec,
    strip_ordinal,
)
from govbudget.tables.standard import STANDARD_TABLES, standard_tables, table_type
from govbudget.tables.summary import FiscalAppropriationSummary, IncomeExpenditureSummary
from govbudget.tables.three_public import ThreePublicExpensesTable

if TYPE_CHECKING:
    from govbudget.tables.final import (
        STANDARD_FINAL_TABLES,
        BasicExpenditureFinalTable,
        ExpenditureFinalTable,
        FiscalAppropriationFinalSummary,
        GeneralPublicExpenditureFinalTable,
        GovernmentFundFinalTable,
        IncomeExpenditureFinalSummary,
        IncomeFinalTable,
        StateCapitalFinalTable,
        ThreePublicExpensesFinalTable,
    )

# The tables of final accounts are imported on first use (PEP 562): a budget, and checking one,
# needs none of them. Each name of __all__ is in the package or in this table.
_LAZY: dict[str, str] = dict.fromkeys(
    (
        "STANDARD_FINAL_TABLES",
        "BasicExpenditureFinalTable",
        "ExpenditureFinalTable",
        "FiscalAppropriationFinalSummary",
        "GeneralPublicExpenditureFinalTable",
        "GovernmentFundFinalTable",
        "IncomeExpenditureFinalSummary",
        "IncomeFinalTable",
        "StateCapitalFinalTable",
        "ThreePublicExpensesFinalTable",
    ),
    "govbudget.tables.final",
)

__all__ = [
    "DETAIL",
    "STANDARD_FINAL_TABLES",
    "STANDARD_TABLES",
    "BasicExpenditureFinalTable",
    "BasicExpenditureTable",
    "Block",
    "BlockSpec",
    "Cell",
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

_getattr, __dir__ = _lazy.attach(__name__, _LAZY)
if not TYPE_CHECKING:  # a type checker sees the names imported above, and no others
    __getattr__ = _getattr
