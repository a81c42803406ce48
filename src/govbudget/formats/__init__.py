"""Formats a disclosure is printed in, read and written: documents, grids, text, Markdown, HTML.

Importing this package declares the reader rules (READ-…), so the rule catalogue lists them.
"""

from __future__ import annotations

from govbudget.formats.dataframe import to_dataframe
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
from govbudget.formats.fdp import fdp_csv, fdp_descriptor, fdp_rows
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
from govbudget.formats.jsonio import JSONError, from_dict, from_json, to_dict, to_json
from govbudget.formats.narrative import READ_FACT, TXT_PLACEHOLDER, FactsReading, read_facts
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

__all__ = [
    "READ_CELL",
    "READ_COLUMN",
    "READ_FACT",
    "READ_ROW",
    "READ_TABLE",
    "TXT_PLACEHOLDER",
    "DocumentError",
    "FactsReading",
    "GoalGridError",
    "GoalGridReading",
    "GoalLayout",
    "Grid",
    "GridError",
    "GridReading",
    "JSONError",
    "LimitError",
    "Limits",
    "PrintedTable",
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

import govbudget.formats.notebook  # noqa: F401  (gives the model its _repr_html_)
