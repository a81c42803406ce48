"""DepartmentBudget: one department's budget disclosure for one year, as one checkable object."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar

import attrs

from govbudget.disclosure.assets import FixedAssetsTable
from govbudget.disclosure.base import Disclosure, findings
from govbudget.disclosure.facts import StatedFacts
from govbudget.disclosure.procurement import ProcurementTable
from govbudget.findings import Finding
from govbudget.performance import (
    DepartmentGoalTable,
    DepartmentPerformanceGoals,
    ProjectPerformanceGoal,
)
from govbudget.tables import (
    BasicExpenditureTable,
    ExpenditureTable,
    FiscalAppropriationSummary,
    GeneralPublicExpenditureTable,
    GovernmentFundExpenditureTable,
    IncomeExpenditureSummary,
    IncomeTable,
    Phase,
    StateCapitalExpenditureTable,
    ThreePublicExpensesTable,
)

__all__ = ["DepartmentBudget"]


def _goals(goals: Iterable[ProjectPerformanceGoal]) -> tuple[ProjectPerformanceGoal, ...]:
    return tuple(goals)


@attrs.frozen(slots=True, repr=False)
class DepartmentBudget(Disclosure):
    """One department's budget disclosure (部门预算公开) for one budget year.

    It holds the standard tables as published (at most one of each; a missing one is a
    completeness finding, not an error at construction), the department's units (机构设置),
    the procurement and fixed-assets tables, the project and department performance goals (as
    the explanation states them, ``department_goals``, and as a 部门整体支出绩效目标表 prints
    them, ``department_goal_table``), and the facts the explanation states. ``check(budget)`` runs every table rule on every table
    and every rule between tables, text and tables, and for completeness, in one report.
    ``read_findings`` are what the reader of a published document could not read (READ-…);
    the report of ``check`` includes them, so nothing unread goes unreported.

    >>> budget = DepartmentBudget("中共唐山市开平区委网络安全和信息化委员会办公室", 2025, "897")
    >>> budget.basic_expenditure is None, budget.missing_tables()[0].__name__
    (True, 'IncomeExpenditureSummary')
    >>> budget
    <DepartmentBudget 中共唐山市开平区委网络安全和信息化委员会办公室 2025: 0 tables, 0 project goals, 0 facts>
    """

    PHASE: ClassVar[Phase] = Phase.BUDGET

    procurement: ProcurementTable | None = None
    fixed_assets: FixedAssetsTable | None = None
    project_goals: tuple[ProjectPerformanceGoal, ...] = attrs.field(default=(), converter=_goals)
    department_goals: DepartmentPerformanceGoals | None = None
    facts: StatedFacts = attrs.field(factory=StatedFacts)
    read_findings: tuple[Finding, ...] = attrs.field(default=(), converter=findings)
    department_goal_table: DepartmentGoalTable | None = attrs.field(default=None, kw_only=True)

    def _held(self) -> list[tuple[int, str, str]]:
        return [
            (len(self.tables), "table", "tables"),
            (len(self.project_goals), "project goal", "project goals"),
            (len(self.facts.stated()), "fact", "facts"),
        ]

    def parts(self) -> Iterator[object]:
        """What the disclosure is made of, each checked with its own rules by ``check``: the
        stated facts, the tables, the goals, the procurement and fixed-assets tables."""
        yield self.facts
        yield from self.tables
        yield from self.project_goals
        for part in (
            self.department_goals,
            self.department_goal_table,
            self.procurement,
            self.fixed_assets,
        ):
            if part is not None:
                yield part

    @property
    def income_expenditure_summary(self) -> IncomeExpenditureSummary | None:
        """Table 1, 部门预算收支总表."""
        return self.table(IncomeExpenditureSummary)

    @property
    def income(self) -> IncomeTable | None:
        """Table 2, 部门预算收入总表."""
        return self.table(IncomeTable)

    @property
    def expenditure(self) -> ExpenditureTable | None:
        """Table 3, 部门预算支出总表."""
        return self.table(ExpenditureTable)

    @property
    def fiscal_appropriation_summary(self) -> FiscalAppropriationSummary | None:
        """Table 4, 部门预算财政拨款收支总表."""
        return self.table(FiscalAppropriationSummary)

    @property
    def general_public_expenditure(self) -> GeneralPublicExpenditureTable | None:
        """Table 5, 一般公共预算财政拨款支出表."""
        return self.table(GeneralPublicExpenditureTable)

    @property
    def basic_expenditure(self) -> BasicExpenditureTable | None:
        """Table 6, 一般公共预算财政拨款基本支出表."""
        return self.table(BasicExpenditureTable)

    @property
    def government_fund_expenditure(self) -> GovernmentFundExpenditureTable | None:
        """Table 7, 政府性基金预算财政拨款支出表."""
        return self.table(GovernmentFundExpenditureTable)

    @property
    def state_capital_expenditure(self) -> StateCapitalExpenditureTable | None:
        """Table 8, 国有资本经营预算财政拨款支出表."""
        return self.table(StateCapitalExpenditureTable)

    @property
    def three_public_expenses(self) -> ThreePublicExpensesTable | None:
        """Table 9, 财政拨款"三公"经费支出表."""
        return self.table(ThreePublicExpensesTable)

    @property
    def has_administrative_units(self) -> bool:
        """Whether any unit is 行政 or 参公 (then 机关运行经费 = 公用经费 of table 6)."""
        return any(unit.is_administrative for unit in self.units)
