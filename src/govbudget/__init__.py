"""govbudget: a typed data model and consistency checks for Chinese department budget disclosures.

>>> from decimal import Decimal
>>> import govbudget
>>> govbudget.agree(Decimal("193.61"), [Decimal("182.21"), Decimal("11.39")]).ok
True
>>> govbudget.functional_classification(2025)["20137"].name
'网信事务'

Every name of ``__all__`` is there, the readers, writers, ledger and final accounts loaded on
first use:

>>> all(hasattr(govbudget, name) for name in govbudget.__all__)
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from govbudget import _lazy
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
from govbudget.checks import RULES as _RULES
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
from govbudget.disclosure import (
    AssetRow,
    BudgetUnit,
    DepartmentBudget,
    FixedAssetsTable,
    ProcurementItem,
    ProcurementTable,
    StatedChange,
    StatedFacts,
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
from govbudget.performance import (
    DepartmentPerformanceGoals,
    Indicator,
    ProjectPerformanceGoal,
    SpendingCheckpoint,
    TargetValue,
    parse_target,
)
from govbudget.tables import _LAZY as _LAZY_TABLES
from govbudget.tables import (
    STANDARD_TABLES,
    BasicExpenditureTable,
    ExpenditureTable,
    FiscalAppropriationSummary,
    GeneralPublicExpenditureTable,
    GovernmentFundExpenditureTable,
    IncomeExpenditureSummary,
    IncomeTable,
    Phase,
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

if TYPE_CHECKING:
    from govbudget.disclosure import DepartmentFinalAccounts, Disclosure
    from govbudget.formats import (
        DocumentError,
        GoalGridReading,
        GridError,
        GridReading,
        JSONError,
        fdp_csv,
        fdp_descriptor,
        fdp_rows,
        from_dict,
        from_json,
        read_bundle,
        read_facts,
        read_goal_grid,
        read_grid,
        read_grids,
        read_text,
        render_goal_grid,
        render_grid,
        report_to_html,
        report_to_json,
        report_to_markdown,
        report_to_text,
        to_csv,
        to_dataframe,
        to_dict,
        to_html,
        to_json,
        to_markdown,
        to_text,
    )
    from govbudget.ledger import (
        Appropriation,
        BasicKind,
        BudgetComparison,
        Change,
        ClassLayout,
        Execution,
        ExecutionComparison,
        ExpenditureKind,
        FundSource,
        Ledger,
        LedgerError,
        LineItem,
        LineItemError,
        ThreePublicItem,
        UnitFundKind,
        compare,
        compare_execution,
        consolidate,
        derive,
        explanation,
        table_facts,
        with_changes,
    )
    from govbudget.rates import ExecutionRate
    from govbudget.tables import (
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

# The readers and writers (formats), the ledger and the final accounts (部门决算) are most of
# govbudget's code, and checking a budget needs none of them: their names are imported on first
# use (PEP 562), so that importing govbudget stays quick. Each name of __all__ is in the package
# or in this table.
_LAZY: dict[str, str] = {
    "DepartmentFinalAccounts": "govbudget.disclosure",
    "Disclosure": "govbudget.disclosure",
    "ExecutionRate": "govbudget.rates",
    **dict.fromkeys(_LAZY_TABLES, "govbudget.tables"),  # the tables of final accounts
    **dict.fromkeys(
        (
            "DocumentError",
            "GoalGridReading",
            "GridError",
            "GridReading",
            "JSONError",
            "fdp_csv",
            "fdp_descriptor",
            "fdp_rows",
            "from_dict",
            "from_json",
            "read_bundle",
            "read_facts",
            "read_goal_grid",
            "read_grid",
            "read_grids",
            "read_text",
            "render_goal_grid",
            "render_grid",
            "report_to_html",
            "report_to_json",
            "report_to_markdown",
            "report_to_text",
            "to_csv",
            "to_dataframe",
            "to_dict",
            "to_html",
            "to_json",
            "to_markdown",
            "to_text",
        ),
        "govbudget.formats",
    ),
    **dict.fromkeys(
        (
            "Appropriation",
            "BasicKind",
            "BudgetComparison",
            "Change",
            "ClassLayout",
            "Execution",
            "ExecutionComparison",
            "ExpenditureKind",
            "FundSource",
            "Ledger",
            "LedgerError",
            "LineItem",
            "LineItemError",
            "ThreePublicItem",
            "UnitFundKind",
            "compare",
            "compare_execution",
            "consolidate",
            "derive",
            "explanation",
            "table_facts",
            "with_changes",
        ),
        "govbudget.ledger",
    ),
}

__all__ = [
    "STANDARD_FINAL_TABLES",
    "STANDARD_TABLES",
    "Agreement",
    "AmountError",
    "AmountTypeError",
    "Appropriation",
    "AssetRow",
    "BasicExpenditureFinalTable",
    "BasicExpenditureTable",
    "BasicKind",
    "BudgetComparison",
    "BudgetUnit",
    "Catalogue",
    "CatalogueError",
    "Change",
    "CheckFailedError",
    "ClassLayout",
    "DepartmentBudget",
    "DepartmentFinalAccounts",
    "DepartmentPerformanceGoals",
    "Disclosure",
    "DocumentError",
    "Execution",
    "ExecutionComparison",
    "ExecutionRate",
    "ExpenditureFinalTable",
    "ExpenditureKind",
    "ExpenditureTable",
    "Figure",
    "Finding",
    "FiscalAppropriationFinalSummary",
    "FiscalAppropriationSummary",
    "FixedAssetsTable",
    "FundSource",
    "GeneralPublicExpenditureFinalTable",
    "GeneralPublicExpenditureTable",
    "GoalGridReading",
    "GovBudgetError",
    "GovernmentFundExpenditureTable",
    "GovernmentFundFinalTable",
    "GridError",
    "GridReading",
    "IncomeExpenditureFinalSummary",
    "IncomeExpenditureSummary",
    "IncomeFinalTable",
    "IncomeTable",
    "Indicator",
    "Interval",
    "JSONError",
    "Ledger",
    "LedgerError",
    "Level",
    "LineItem",
    "LineItemError",
    "Location",
    "Phase",
    "ProcurementItem",
    "ProcurementTable",
    "ProjectPerformanceGoal",
    "Report",
    "Row",
    "RowsTable",
    "Rule",
    "Scheme",
    "Severity",
    "SpendingCheckpoint",
    "StateCapitalExpenditureTable",
    "StateCapitalFinalTable",
    "StatedChange",
    "StatedFacts",
    "Subject",
    "Table",
    "TableError",
    "TableHeader",
    "TargetValue",
    "ThreePublicExpensesFinalTable",
    "ThreePublicExpensesTable",
    "ThreePublicItem",
    "TwoSidedTable",
    "Unit",
    "UnitFundKind",
    "UnknownCodeError",
    "UnknownEditionError",
    "__version__",
    "agree",
    "agree_sums",
    "check",
    "compare",
    "compare_execution",
    "consolidate",
    "convert",
    "decimal_places",
    "derive",
    "economic_classification",
    "economic_mapping",
    "exact_sum",
    "explanation",
    "fdp_csv",
    "fdp_descriptor",
    "fdp_rows",
    "format_amount",
    "from_dict",
    "from_json",
    "functional_classification",
    "half_width",
    "parse_amount",
    "parse_target",
    "read_bundle",
    "read_facts",
    "read_goal_grid",
    "read_grid",
    "read_grids",
    "read_text",
    "render_goal_grid",
    "render_grid",
    "report_to_html",
    "report_to_json",
    "report_to_markdown",
    "report_to_text",
    "round_half_up",
    "rules",
    "table_facts",
    "table_type",
    "to_csv",
    "to_dataframe",
    "to_dict",
    "to_html",
    "to_json",
    "to_markdown",
    "to_text",
    "to_unit",
    "with_changes",
]

_getattr, __dir__ = _lazy.attach(__name__, _LAZY)
if not TYPE_CHECKING:  # a type checker sees the names imported above, and no others
    __getattr__ = _getattr


# The readers declare the READ-… rules when they are imported: the catalogue imports them when
# it is first listed (rules(), RULES.copy()), so that it is whole without importing them here.
_RULES.declared_by("govbudget.formats")


def _repr_html_(self: object) -> str:
    """Stands in for the HTML a notebook shows of the model's objects until the first display
    imports :mod:`govbudget.formats.notebook`, which puts the real method in its place."""
    importlib.import_module("govbudget.formats.notebook")
    method = type(self)._repr_html_  # type: ignore[attr-defined]
    if method is _repr_html_:  # the class is not one the module gives an HTML form
        raise TypeError(f"{type(self).__name__} has no HTML form")
    return str(method(self))


# The classes govbudget.formats.notebook gives an HTML form (it cannot be a method of theirs:
# tables and disclosures never import formats). DepartmentFinalAccounts, imported later, takes
# the budget's.
for _kind in (Table, FixedAssetsTable, ProcurementTable, DepartmentBudget, Report):
    _kind._repr_html_ = _repr_html_  # type: ignore[union-attr]
del _kind
