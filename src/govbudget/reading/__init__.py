"""Reading what departments publish: text dumps, grids, grid bundles, explanations, goal tables.

The readers turn printed tables and text into the model (:mod:`govbudget.tables`,
:mod:`govbudget.disclosure`, :mod:`govbudget.performance`) and report what they could not read
as findings of the ``READ-…`` rules; :func:`account_text` and its siblings prove that no printed
figure was lost.

>>> import govbudget.reading
>>> all(hasattr(govbudget.reading, name) for name in govbudget.reading.__all__)
True
"""

from __future__ import annotations

from govbudget.checks.reading import READ_TABLE
from govbudget.errors import DocumentError, LimitError
from govbudget.limits import Limits
from govbudget.reading.accounting import (
    Accounting,
    NumericCell,
    account_bundle,
    account_grids,
    account_text,
)
from govbudget.reading.document import read_bundle, read_grids, read_text
from govbudget.reading.explanation import READ_FACT, TXT_PLACEHOLDER, FactsReading, read_facts
from govbudget.reading.final_explanation import FinalFactsReading, read_final_facts
from govbudget.reading.goal_department import DepartmentGoalReading, read_department_goal_grid
from govbudget.reading.goal_grid import (
    GoalGridError,
    GoalGridReading,
    GoalLayout,
    read_goal_grid,
    render_goal_grid,
)
from govbudget.reading.grid import (
    READ_CELL,
    READ_COLUMN,
    READ_ROW,
    GridError,
    GridReading,
    read_grid,
)
from govbudget.reading.printed import PrintedTable
from govbudget.reading.text_dump import split_text

__all__ = [
    "READ_CELL",
    "READ_COLUMN",
    "READ_FACT",
    "READ_ROW",
    "READ_TABLE",
    "TXT_PLACEHOLDER",
    "Accounting",
    "DepartmentGoalReading",
    "DocumentError",
    "FactsReading",
    "FinalFactsReading",
    "GoalGridError",
    "GoalGridReading",
    "GoalLayout",
    "GridError",
    "GridReading",
    "LimitError",
    "Limits",
    "NumericCell",
    "PrintedTable",
    "account_bundle",
    "account_grids",
    "account_text",
    "read_bundle",
    "read_department_goal_grid",
    "read_facts",
    "read_final_facts",
    "read_goal_grid",
    "read_grid",
    "read_grids",
    "read_text",
    "render_goal_grid",
    "split_text",
]
