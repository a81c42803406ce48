"""Formats a disclosure is printed in: published grids of tables and goal tables, reference docs.

Importing this package declares the reader rules (READ-…), so the rule catalogue lists them.
"""

from __future__ import annotations

from govbudget.formats.goal_grid import GoalGridReading, read_goal_grid, render_goal_grid
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

__all__ = [
    "READ_CELL",
    "READ_COLUMN",
    "READ_ROW",
    "GoalGridReading",
    "Grid",
    "GridError",
    "GridReading",
    "read_goal_grid",
    "read_grid",
    "render_goal_grid",
    "render_grid",
]
