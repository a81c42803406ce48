"""DepartmentFinalAccounts: one department's final accounts (部门决算) for one year.

The counterpart of :class:`~govbudget.disclosure.DepartmentBudget` for the other half of the
year-cycle: the nine 决算 tables (:data:`~govbudget.tables.STANDARD_FINAL_TABLES`), the units
the accounts consolidate (单位构成), the facts the explanation states, and what its reader could
not read. ``check(final_accounts)`` runs the ``F1``–``F9`` table rules on every table and the
rules between the tables (``XF-…``) and for completeness (``DOCF-…``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar, TypeAlias, TypeVar, overload

import attrs

from govbudget.disclosure.budget import DepartmentBudget
from govbudget.disclosure.final_facts import FinalStatedFacts
from govbudget.disclosure.text_figures import FinalTextTables, text_figures
from govbudget.disclosure.units import BudgetUnit
from govbudget.findings import Finding
from govbudget.tables import (
    STANDARD_FINAL_TABLES,
    BasicExpenditureFinalTable,
    ExpenditureFinalTable,
    FiscalAppropriationFinalSummary,
    GeneralPublicExpenditureFinalTable,
    GovernmentFundFinalTable,
    IncomeExpenditureFinalSummary,
    IncomeFinalTable,
    Phase,
    StateCapitalFinalTable,
    Table,
    TableError,
    ThreePublicExpensesFinalTable,
)

__all__ = ["DepartmentFinalAccounts", "Disclosure"]

T = TypeVar("T", bound=Table)


def _tables(tables: Iterable[Table]) -> tuple[Table, ...]:
    return tuple(tables)


def _units(units: Iterable[BudgetUnit]) -> tuple[BudgetUnit, ...]:
    return tuple(units)


def _findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(findings)


@attrs.frozen(slots=True, repr=False)
class DepartmentFinalAccounts:
    """One department's final accounts (部门决算公开) for one year.

    ``year`` is the year the accounts close (a 2024 部门决算 is published in 2025). It holds the
    nine 决算 tables as published (at most one of each; a missing one is a completeness finding,
    not an error at construction), the units the accounts consolidate (单位构成), the facts the
    explanation states (``facts``, a :class:`~govbudget.disclosure.final_facts.FinalStatedFacts`),
    and ``read_findings``: what
    the reader of a published document could not read, reported by ``check`` beside the rules'
    own findings.

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

    department: str
    year: int
    department_code: str | None = None
    tables: tuple[Table, ...] = attrs.field(default=(), converter=_tables)
    units: tuple[BudgetUnit, ...] = attrs.field(default=(), converter=_units)
    facts: FinalStatedFacts = attrs.field(factory=FinalStatedFacts)
    read_findings: tuple[Finding, ...] = attrs.field(default=(), converter=_findings)

    @tables.validator
    def _one_of_each(self, _attribute: object, tables: tuple[Table, ...]) -> None:
        seen: set[type[Table]] = set()
        for table in tables:
            kind = type(table)
            if kind not in STANDARD_FINAL_TABLES:
                raise TableError(
                    f"{kind.__name__} is not one of the nine tables of final accounts"
                    + ("（它是部门预算表）" if kind.SPEC.phase is Phase.BUDGET else "")
                )
            if kind in seen:
                raise TableError(f"the final accounts hold two {kind.SPEC.title}")
            seen.add(kind)

    def __repr__(self) -> str:
        """Whose accounts, which year, how much they hold, not every figure."""
        counts = [
            (len(self.tables), "table", "tables"),
            (len(self.facts.stated()), "fact", "facts"),
        ]
        if self.read_findings:
            counts.append((len(self.read_findings), "read finding", "read findings"))
        held = ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts)
        return f"<DepartmentFinalAccounts {self.department} {self.year}: {held}>"

    @property
    def phase(self) -> Phase:
        """:attr:`Phase.FINAL`: what was read is final accounts, not a budget."""
        return self.PHASE

    def parts(self) -> Iterator[object]:
        """What the accounts are made of, each checked with its own rules by ``check``: the
        stated facts, the facts beside what the tables print of them
        (:class:`~govbudget.disclosure.text_figures.FinalTextTables`), and the tables."""
        yield self.facts
        yield FinalTextTables(self.facts, text_figures(self))
        yield from self.tables

    @overload
    def table(self, kind: type[T]) -> T | None: ...
    @overload
    def table(self, kind: str) -> Table | None: ...
    def table(self, kind: type[T] | str) -> T | Table | None:
        """The published table of this class or key (``"basic_expenditure_final"``), or
        ``None`` when the accounts lack it."""
        for table in self.tables:
            if isinstance(kind, str):
                if table.SPEC.key == kind:
                    return table
            elif isinstance(table, kind):
                return table
        return None

    def missing_tables(self) -> tuple[type[Table], ...]:
        """The nine tables the accounts do not hold, in standard order."""
        present = {type(table) for table in self.tables}
        return tuple(kind for kind in STANDARD_FINAL_TABLES if kind not in present)

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

    def _repr_html_(self) -> str:
        """The HTML a notebook shows: every part, tinted where the findings point, and the
        report (:func:`govbudget.writing.notebook.disclosure_html`)."""
        from govbudget.writing.notebook import disclosure_html  # the writers, at the first display

        return disclosure_html(self)


Disclosure: TypeAlias = DepartmentBudget | DepartmentFinalAccounts
"""What a reader of a published document returns: a budget or final accounts."""
