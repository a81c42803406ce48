"""Writing what govbudget holds: JSON documents and their schema, text, Markdown, HTML and CSV
renderings, reports, Fiscal Data Package exports, data frames and budget-against-actual tables.

>>> import govbudget.writing
>>> all(hasattr(govbudget.writing, name) for name in govbudget.writing.__all__)
True
"""

from __future__ import annotations

from govbudget.writing.dataframe import to_dataframe
from govbudget.writing.execution import (
    execution_to_dict,
    execution_to_json,
    execution_to_markdown,
    execution_to_text,
)
from govbudget.writing.fdp import fdp_csv, fdp_descriptor, fdp_rows
from govbudget.writing.grid import Grid, render_grid
from govbudget.writing.jsonio import JSONError, from_dict, from_json, to_dict, to_json
from govbudget.writing.render import (
    to_csv,
    to_html,
    to_markdown,
    to_text,
)
from govbudget.writing.report import (
    report_to_dict,
    report_to_html,
    report_to_json,
    report_to_markdown,
    report_to_text,
)

__all__ = [
    "Grid",
    "JSONError",
    "execution_to_dict",
    "execution_to_json",
    "execution_to_markdown",
    "execution_to_text",
    "fdp_csv",
    "fdp_descriptor",
    "fdp_rows",
    "from_dict",
    "from_json",
    "render_grid",
    "report_to_dict",
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
]
