"""DepartmentFinalAccounts: one department's final accounts (部门决算) for one year.

The counterpart of :class:`~govbudget.disclosure.DepartmentBudget` for the other half of the
year-cycle: the nine 决算 tables (:data:`~govbudget.tables.STANDARD_FINAL_TABLES`), the units
the accounts consolidate (单位构成), the facts the explanation states, and what its reader could
not read. ``check(final_accounts)`` runs the ``F1``–``F9`` table rules on every table and the
rules between the tables (``XF-…``) and for completeness (``DOCF-…``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import attrs

from govbudget.disclosure.base import Disclosure, findings
from govbudget.disclosure.facts import FinalStatedFacts
from govbudget.findings import Finding
from govbudget.tables import (
    BasicExpenditureFinalTable,
    ExpenditureFinalTable,
    FiscalAppropriationFinalSummary,
    GeneralPublicExpenditureFinalTable,
    GovernmentFundFinalTable,
    IncomeExpenditureFinalSummary,
    IncomeFinalTable,
    Phase,
    StateCapitalFinalTable,
    ThreePublicExpensesFinalTable,
)

__all__ = ["DepartmentFinalAccounts"]


@attrs.frozen(slots=True, repr=False)
class DepartmentFinalAccounts(Disclosure):
    """One department's final accounts (部门决算公开) for one year.

    ``year`` is the year the accounts close (a 2024 部门决算 is published in 2025). It holds the
    nine 决算 tables as published (at most one of each; a missing one is a completeness finding,
    not an error at construction), the units the accounts consolidate (单位构成), the facts the
    explanation states (``facts``, a :class:`~govbudget.disclosure.facts.FinalStatedFacts`),
    and ``read_findings``: what the reader of a published document could not read, reported by
    ``check`` beside the rules' own findings.

    >>> from govbudget.tables import TableHeader, ThreePublicExpensesFinalTable
    >>> three = ThreePublicExpensesFinalTable.from_rows(TableHeader("上海市普陀区财政局", 2024), [
    ...     ("total", "合计", {"budget": "0.95"}), ("reception", "公务接待费", {"budget": "0.95"})])
    >>> accounts = DepartmentFinalAccounts("上海市普陀区财政局", 2024, tables=[three])
    >>> accounts
    <DepartmentFinalAccounts 上海市普陀区财政局 2024: 1 table, 0 facts>
    >>> accounts.three_public_expenses is three, accounts.table("three_public_expenses_final") is three
    (True, True)
    >>> accounts.phase.label, accounts.missing_tables()[0].__name__
    ('决算', 'IncomeExpenditureFinalSummary')
    """

    PHASE: ClassVar[Phase] = Phase.FINAL

    facts: FinalStatedFacts = attrs.field(factory=FinalStatedFacts)
    read_findings: tuple[Finding, ...] = attrs.field(default=(), converter=findings)

    def _held(self) -> list[tuple[int, str, str]]:
        return [(len(self.tables), "table", "tables"), (len(self.facts.stated()), "fact", "facts")]

    def parts(self) -> Iterator[object]:
        """What the accounts are made of, each checked with its own rules by ``check``: the
        stated facts, the facts beside what the tables print of them
        (:class:`~govbudget.disclosure.text_figures.FinalTextTables`), and the tables."""
        yield self.facts
        # Only checking needs the explanation against the tables: loaded with it, not with the model.
        from govbudget.disclosure.text_figures import FinalTextTables, text_figures

        yield FinalTextTables(self.facts, text_figures(self))
        yield from self.tables

    @property
    def income_expenditure_summary(self) -> IncomeExpenditureFinalSummary | None:
        """Table 1, 收入支出决算总表."""
        return self.table(IncomeExpenditureFinalSummary)

    @property
    def income(self) -> IncomeFinalTable | None:
        """Table 2, 收入决算表."""
        return self.table(IncomeFinalTable)

    @property
    def expenditure(self) -> ExpenditureFinalTable | None:
        """Table 3, 支出决算表."""
        return self.table(ExpenditureFinalTable)

    @property
    def fiscal_appropriation_summary(self) -> FiscalAppropriationFinalSummary | None:
        """Table 4, 财政拨款收入支出决算总表."""
        return self.table(FiscalAppropriationFinalSummary)

    @property
    def general_public_expenditure(self) -> GeneralPublicExpenditureFinalTable | None:
        """Table 5, 一般公共预算财政拨款支出决算表."""
        return self.table(GeneralPublicExpenditureFinalTable)

    @property
    def basic_expenditure(self) -> BasicExpenditureFinalTable | None:
        """Table 6, 一般公共预算财政拨款基本支出决算表."""
        return self.table(BasicExpenditureFinalTable)

    @property
    def three_public_expenses(self) -> ThreePublicExpensesFinalTable | None:
        """Table 7, 财政拨款“三公”经费支出决算表."""
        return self.table(ThreePublicExpensesFinalTable)

    @property
    def government_fund_expenditure(self) -> GovernmentFundFinalTable | None:
        """Table 8, 政府性基金预算财政拨款收入支出决算表."""
        return self.table(GovernmentFundFinalTable)

    @property
    def state_capital_expenditure(self) -> StateCapitalFinalTable | None:
        """Table 9, 国有资本经营预算财政拨款收入支出决算表."""
        return self.table(StateCapitalFinalTable)
