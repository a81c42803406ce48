"""What a department's budget and its final accounts have in common: who, which year, the nine
tables of their family, the units, and what their reader could not read.

:class:`~govbudget.disclosure.DepartmentBudget` and
:class:`~govbudget.disclosure.DepartmentFinalAccounts` are the two families of
:class:`Disclosure`; each holds the tables of its own family (``PHASE``), at most one of each.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from typing import ClassVar, TypeVar, overload

import attrs

from govbudget.disclosure.units import BudgetUnit
from govbudget.findings import Finding
from govbudget.tables import Phase, Table, TableError, standard_tables

__all__ = ["Disclosure", "Scope"]

T = TypeVar("T", bound=Table)


def _tables(tables: Iterable[Table]) -> tuple[Table, ...]:
    return tuple(tables)


def _units(units: Iterable[BudgetUnit]) -> tuple[BudgetUnit, ...]:
    return tuple(units)


def findings(found: Iterable[Finding]) -> tuple[Finding, ...]:
    """A tuple of findings (the converter of ``read_findings``)."""
    return tuple(found)


_NOT_OF_THE_FAMILY = {
    Phase.BUDGET: "{name} is not one of the nine standard tables",
    Phase.FINAL: "{name} is not one of the nine tables of final accounts",
}
_TWICE = {
    Phase.BUDGET: "the disclosure holds two {title}",
    Phase.FINAL: "the final accounts hold two {title}",
}


class Scope(enum.Enum):
    """What a document holds of a disclosure: all of it, or a part.

    A whole disclosure (the standard set of tables, or a document that presents itself as the
    部门预算公开 / 部门决算公开) must hold everything its family requires, and the completeness
    rules say what it lacks; a part — a "三公" page, a goal table, an explanation alone, any
    subset of tables — is checked for what it holds.

    >>> Scope("part").label
    '部分'
    """

    WHOLE = "whole"
    PART = "part"

    @property
    def label(self) -> str:
        """The scope as a report names it."""
        return _SCOPE_LABELS[self]


_SCOPE_LABELS = {Scope.WHOLE: "完整公开", Scope.PART: "部分"}


@attrs.frozen(slots=True, repr=False)
class Disclosure:
    """A department's disclosure of one year: its budget (部门预算) or its final accounts (部门决算).

    It holds the standard tables of its family as published (at most one of each; a missing one
    is a completeness finding, not an error at construction) and the units it covers (机构设置,
    单位构成). ``check`` runs the rules of its family on it and on its :meth:`parts`.

    ``scope`` is what the document it was read from holds (:class:`Scope`): a reader says; a
    disclosure built in code, which says nothing (``None``), is whole.
    """

    PHASE: ClassVar[Phase]

    department: str
    year: int | None
    department_code: str | None = None
    tables: tuple[Table, ...] = attrs.field(default=(), converter=_tables)
    units: tuple[BudgetUnit, ...] = attrs.field(default=(), converter=_units)
    scope: Scope | None = attrs.field(default=None, kw_only=True)

    @tables.validator
    def _one_of_each(self, _attribute: object, tables: tuple[Table, ...]) -> None:
        family = standard_tables(self.PHASE)
        seen: set[type[Table]] = set()
        for table in tables:
            kind = type(table)
            if kind not in family:
                message = _NOT_OF_THE_FAMILY[self.PHASE].format(name=kind.__name__)
                if self.PHASE is Phase.FINAL and kind.SPEC.phase is Phase.BUDGET:
                    message += "（它是部门预算表）"
                raise TableError(message)
            if kind in seen:
                raise TableError(_TWICE[self.PHASE].format(title=kind.SPEC.title))
            seen.add(kind)

    @property
    def is_whole(self) -> bool:
        """Whether the disclosure is whole (see :class:`Scope`): the completeness rules run."""
        return self.scope is not Scope.PART

    @property
    def phase(self) -> Phase:
        """Which family the disclosure is: :attr:`Phase.BUDGET` or :attr:`Phase.FINAL`."""
        return self.PHASE

    @overload
    def table(self, kind: type[T]) -> T | None: ...
    @overload
    def table(self, kind: str) -> Table | None: ...
    def table(self, kind: type[T] | str) -> T | Table | None:
        """The published table of this class or key (``"basic_expenditure_final"``), or
        ``None`` when the disclosure lacks it."""
        if isinstance(kind, str):
            return next((table for table in self.tables if table.SPEC.key == kind), None)
        for table in self.tables:
            if isinstance(table, kind):
                return table
        return None

    def missing_tables(self) -> tuple[type[Table], ...]:
        """The standard tables of the family the disclosure does not hold, in standard order."""
        present = {type(table) for table in self.tables}
        return tuple(kind for kind in standard_tables(self.PHASE) if kind not in present)

    def parts(self) -> Iterator[object]:
        """What the disclosure is made of, each checked with its own rules by ``check``."""
        yield from self.tables

    def _held(self) -> list[tuple[int, str, str]]:
        """What the repr counts: (how many, one, many)."""
        return [(len(self.tables), "table", "tables")]

    @property
    def title(self) -> str:
        """The document's name as a report heads it: whose, which year, which family.

        >>> from govbudget import DepartmentBudget
        >>> DepartmentBudget("某局", 2025).title, DepartmentBudget("某局", None).title
        ('某局 2025年部门预算', '某局 部门预算（年度未知）')
        """
        family = f"部门{self.PHASE.label}"
        if self.year is None:
            return f"{self.department} {family}（年度未知）"
        return f"{self.department} {self.year}年{family}"

    def __repr__(self) -> str:
        """Whose disclosure, which year, and how much it holds, not every figure."""
        counts = self._held()
        read = getattr(self, "read_findings", ())
        if read:
            counts.append((len(read), "read finding", "read findings"))
        held = ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts)
        year = "year unknown" if self.year is None else self.year
        return f"<{type(self).__name__} {self.department} {year}: {held}>"

    def _repr_html_(self) -> str:
        """The HTML a notebook shows: every part, tinted where the findings point, and the
        report (:func:`govbudget.writing.notebook.disclosure_html`)."""
        from govbudget.writing.notebook import disclosure_html  # the writers, at the first display

        return disclosure_html(self)
