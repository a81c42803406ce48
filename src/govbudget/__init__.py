"""govbudget: a typed data model and consistency checks for Chinese department budget disclosures.

>>> from decimal import Decimal
>>> import govbudget
>>> govbudget.agree(Decimal("193.61"), [Decimal("182.21"), Decimal("11.39")]).ok
True
>>> govbudget.functional_classification(2025)["20137"].name
'网信事务'
"""

from __future__ import annotations

from govbudget._version import __version__
from govbudget.amounts import (
    Agreement,
    Figure,
    Interval,
    Unit,
    agree,
    agree_sums,
    convert,
    decimal_places,
    exact_sum,
    format_amount,
    half_width,
    parse_amount,
    round_half_up,
    to_unit,
)
from govbudget.checks import Finding, Location, Report, Rule, Severity, check, rules
from govbudget.classification import (
    Catalogue,
    Level,
    Scheme,
    Subject,
    economic_classification,
    economic_mapping,
    functional_classification,
)
from govbudget.errors import (
    AmountError,
    AmountTypeError,
    CatalogueError,
    CheckFailedError,
    GovBudgetError,
    UnknownCodeError,
    UnknownEditionError,
)
from govbudget.tables import (
    STANDARD_TABLES,
    BasicExpenditureTable,
    ExpenditureTable,
    FiscalAppropriationSummary,
    GeneralPublicExpenditureTable,
    GovernmentFundExpenditureTable,
    IncomeExpenditureSummary,
    IncomeTable,
    Row,
    RowsTable,
    StateCapitalExpenditureTable,
    Table,
    TableError,
    TableHeader,
    ThreePublicExpensesTable,
    TwoSidedTable,
    table_type,
)

__all__ = [
    "STANDARD_TABLES",
    "Agreement",
    "AmountError",
    "AmountTypeError",
    "BasicExpenditureTable",
    "Catalogue",
    "CatalogueError",
    "CheckFailedError",
    "ExpenditureTable",
    "Figure",
    "Finding",
    "FiscalAppropriationSummary",
    "GeneralPublicExpenditureTable",
    "GovBudgetError",
    "GovernmentFundExpenditureTable",
    "IncomeExpenditureSummary",
    "IncomeTable",
    "Interval",
    "Level",
    "Location",
    "Report",
    "Row",
    "RowsTable",
    "Rule",
    "Scheme",
    "Severity",
    "StateCapitalExpenditureTable",
    "Subject",
    "Table",
    "TableError",
    "TableHeader",
    "ThreePublicExpensesTable",
    "TwoSidedTable",
    "Unit",
    "UnknownCodeError",
    "UnknownEditionError",
    "__version__",
    "agree",
    "agree_sums",
    "check",
    "convert",
    "decimal_places",
    "economic_classification",
    "economic_mapping",
    "exact_sum",
    "format_amount",
    "functional_classification",
    "half_width",
    "parse_amount",
    "round_half_up",
    "rules",
    "table_type",
    "to_unit",
]
