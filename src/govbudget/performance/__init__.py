"""Performance goals: project goal tables, the department's goals, indicators and targets.

See :mod:`govbudget.performance.goals` for the classes, :mod:`~govbudget.performance.framework`
for the indicator framework and :mod:`~govbudget.performance.targets` for target values. The
rules that check them are in :mod:`govbudget.checks.goals`.
"""

from __future__ import annotations

from govbudget.performance.errors import GoalError, GoalTypeError
from govbudget.performance.framework import Level1, Level2, normalize_level
from govbudget.performance.goals import (
    DEPARTMENT_GOAL_TABLE_HEADING,
    DEPARTMENT_GOALS_HEADING,
    SPECIAL_FUNDS_HEADING,
    CostFigure,
    CostItem,
    DepartmentGoalItem,
    DepartmentGoalTable,
    DepartmentIndicator,
    DepartmentPerformanceGoals,
    DutyGoal,
    GoalDocument,
    GoalText,
    Indicator,
    ProjectPerformanceGoal,
    SpendingCheckpoint,
    names_a_rate,
    parse_percent,
)
from govbudget.performance.targets import Comparator, TargetValue, parse_target

__all__ = [
    "DEPARTMENT_GOALS_HEADING",
    "DEPARTMENT_GOAL_TABLE_HEADING",
    "SPECIAL_FUNDS_HEADING",
    "Comparator",
    "CostFigure",
    "CostItem",
    "DepartmentGoalItem",
    "DepartmentGoalTable",
    "DepartmentIndicator",
    "DepartmentPerformanceGoals",
    "DutyGoal",
    "GoalDocument",
    "GoalError",
    "GoalText",
    "GoalTypeError",
    "Indicator",
    "Level1",
    "Level2",
    "ProjectPerformanceGoal",
    "SpendingCheckpoint",
    "TargetValue",
    "names_a_rate",
    "normalize_level",
    "parse_percent",
    "parse_target",
]
