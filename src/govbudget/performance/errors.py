"""The exceptions of the performance package: goals the model refuses to hold."""

from __future__ import annotations

from govbudget.errors import GovBudgetError

__all__ = ["GoalError", "GoalTypeError"]


class GoalError(GovBudgetError, ValueError):
    """A performance goal that cannot be built: the message names the class, the field and why.

    Inconsistent content (a schedule that stops short of 100%, a level-2 under the wrong
    level-1, a cost above the budget) is accepted and reported by the PG rules; this is raised
    for what the model cannot hold at all: a float for money, a percentage that is not a
    number, an indicator with no level-1 name.
    """


class GoalTypeError(GoalError, TypeError):
    """A value of a type that a goal field never holds: a ``float`` for money, a number for text."""
