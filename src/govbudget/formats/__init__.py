"""Formats a disclosure is printed in, read and written: documents, grids, text, Markdown, HTML.

Importing this package declares the reader rules (READ-…), so the rule catalogue lists them;
the writers, JSON and the exports are imported when first used. A table, a disclosure or a
report shows as HTML in a notebook (:mod:`govbudget.formats.notebook`, loaded on first display).

>>> import govbudget.formats
>>> all(hasattr(govbudget.formats, name) for name in govbudget.formats.__all__)
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# The rules of final accounts come before the readers' in the catalogue: imported here, before
# the readers declare theirs, rather than at the first check of final accounts.
import govbudget.checks.final  # noqa: F401
from govbudget import _lazy

# The readers: importing them declares the READ-… rules (document imports the others, so
# the catalogue lists them in one order, whichever part of formats is imported first).
from govbudget.formats.document import (
    READ_TABLE,
    DocumentError,
    LimitError,
    Limits,
    PrintedTable,
    read_bundle,
    read_grids,
    read_text,
    split_text,
)
from govbudget.formats.final_narrative import FinalFactsReading, read_final_facts
from govbudget.formats.goal_grid import (
    GoalGridError,
    GoalGridReading,
    GoalLayout,
    read_goal_grid,
    render_goal_grid,
)
from govbudget.formats.grid import (
    READ_CELL,
    READ_COLUMN,
    READ_ROW,
    Grid,
    GridError,
    GridReading,
    read_grid,
    render_grid,
)
from govbudget.formats.narrative import READ_FACT, TXT_PLACEHOLDER, FactsReading, read_facts

if TYPE_CHECKING:
    from govbudget.formats.accounting import (
        Accounting,
        NumericCell,
        account_bundle,
        account_grids,
        account_text,
    )
    from govbudget.formats.dataframe import to_dataframe
    from govbudget.formats.execution import (
        execution_to_dict,
        execution_to_json,
        execution_to_markdown,
        execution_to_text,
    )
    from govbudget.formats.fdp import fdp_csv, fdp_descriptor, fdp_rows
    from govbudget.formats.jsonio import JSONError, from_dict, from_json, to_dict, to_json
    from govbudget.formats.render import (
        report_to_dict,
        report_to_html,
        report_to_json,
        report_to_markdown,
        report_to_text,
        to_csv,
        to_html,
        to_markdown,
        to_text,
    )

# The writers, JSON and the exports are imported on first use (PEP 562): reading a document
# or checking one needs none of them.
_LAZY: dict[str, str] = {
    name: module
    for module, names in {
        "govbudget.formats.accounting": (
            "Accounting",
            "NumericCell",
            "account_bundle",
            "account_grids",
            "account_text",
        ),
        "govbudget.formats.dataframe": ("to_dataframe",),
        "govbudget.formats.execution": (
            "execution_to_dict",
            "execution_to_json",
            "execution_to_markdown",
            "execution_to_text",
        ),
        "govbudget.formats.fdp": (
            "fdp_csv",
            "fdp_descriptor",
            "fdp_rows",
        ),
        "govbudget.formats.jsonio": (
            "JSONError",
            "from_dict",
            "from_json",
            "to_dict",
            "to_json",
        ),
        "govbudget.formats.render": (
            "report_to_dict",
            "report_to_html",
            "report_to_json",
            "report_to_markdown",
            "report_to_text",
            "to_csv",
            "to_html",
            "to_markdown",
            "to_text",
        ),
    }.items()
    for name in names
}

__all__ = [
    "READ_CELL",
    "READ_COLUMN",
    "READ_FACT",
    "READ_ROW",
    "READ_TABLE",
    "TXT_PLACEHOLDER",
    "Accounting",
    "DocumentError",
    "FactsReading",
    "FinalFactsReading",
    "GoalGridError",
    "GoalGridReading",
    "GoalLayout",
    "Grid",
    "GridError",
    "GridReading",
    "JSONError",
    "LimitError",
    "Limits",
    "NumericCell",
    "PrintedTable",
    "account_bundle",
    "account_grids",
    "account_text",
    "execution_to_dict",
    "execution_to_json",
    "execution_to_markdown",
    "execution_to_text",
    "fdp_csv",
    "fdp_descriptor",
    "fdp_rows",
    "from_dict",
    "from_json",
    "read_bundle",
    "read_facts",
    "read_final_facts",
    "read_goal_grid",
    "read_grid",
    "read_grids",
    "read_text",
    "render_goal_grid",
    "render_grid",
    "report_to_dict",
    "report_to_html",
    "report_to_json",
    "report_to_markdown",
    "report_to_text",
    "split_text",
    "to_csv",
    "to_dataframe",
    "to_dict",
    "to_html",
    "to_json",
    "to_markdown",
    "to_text",
]

_getattr, __dir__ = _lazy.attach(__name__, _LAZY)
if not TYPE_CHECKING:  # a type checker sees the names imported above, and no others
    __getattr__ = _getattr
