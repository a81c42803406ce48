"""Consolidation: a department's budget is its units' budgets added up (本级 + 所属单位).

Units keep their own ledgers; the department's ledger holds all their items, so its tables are
rounded once from the exact department-wide sums — not added up from the units' rounded tables.

>>> from govbudget.disclosure import BudgetUnit
>>> from govbudget.ledger import BasicKind, ExpenditureKind, Ledger, LineItem, derive
>>> def unit_ledger(name, amount):
...     item = LineItem("2013701", "30101", amount, ExpenditureKind.BASIC, unit=name,
...                     basic_kind=BasicKind.PERSONNEL)
...     return Ledger("某局", 2025, units=[BudgetUnit(name)], items=[item])
>>> office, centre = unit_ledger("某局本级", "40"), unit_ledger("某中心", "40")
>>> department = consolidate([office, centre])
>>> [unit.name for unit in department.units], department.total
(['某局本级', '某中心'], Decimal('80.00'))

Each unit prints 0.00万元 for its 40元; the department prints 0.01万元 for its 80元:

>>> [derive(each).expenditure.value("total", "total") for each in (office, centre, department)]
[Decimal('0.00'), Decimal('0.00'), Decimal('0.01')]
"""

from __future__ import annotations

from collections.abc import Iterable

from govbudget.ledger.items import Ledger, LedgerError
from govbudget.performance import ProjectPerformanceGoal

__all__ = ["consolidate"]


def consolidate(
    ledgers: Iterable[Ledger], *, department: str | None = None, department_code: str | None = None
) -> Ledger:
    """One ledger of the whole department from its units' ledgers, all of one year.

    The department is named ``department`` (and ``department_code``), by default as the first
    ledger names it (本级 first). Units, items, goals and subject names are put together; a unit
    or a project goal in two ledgers, two years, or two names for one subject are refused.
    """
    parts = list(ledgers)
    if not parts:
        raise LedgerError("nothing to consolidate: give at least one ledger")
    first = parts[0]
    years = sorted({part.year for part in parts})
    if len(years) > 1:
        raise LedgerError(f"cannot consolidate ledgers of different years: {years}")
    # A project may span units: each unit's ledger then holds its goal (Ledger.of_unit does).
    goals: dict[str, ProjectPerformanceGoal] = {}
    for part in parts:
        for goal in part.goals:
            if goals.setdefault(goal.code, goal) != goal:
                raise LedgerError(f"the ledgers hold two different goals of project {goal.code}")
    names: dict[str, str] = {}
    for part in parts:
        for code, name in part.names:
            if names.setdefault(code, name) != name:
                raise LedgerError(
                    f"the ledgers name subject {code} both {names[code]!r} and {name!r}"
                )
    # Ledger itself refuses a unit held twice, naming it.
    return Ledger(
        first.department if department is None else department,
        first.year,
        department_code=first.department_code if department is None else department_code,
        units=[unit for part in parts for unit in part.units],
        items=[item for part in parts for item in part.items],
        goals=goals.values(),
        names=names,
    )
