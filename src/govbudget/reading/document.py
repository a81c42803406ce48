"""Reading a published disclosure as it is: a text dump, or grids extracted from its tables.

:func:`read_text` reads the text a document exports (each table row a block of tab-indented
cells, rows separated by blank lines, titles and the explanation as plain lines);
:func:`read_grids` and :func:`read_bundle` read tables that a PDF or spreadsheet extractor gave
as rows of cells. Both return the :class:`~govbudget.disclosure.DepartmentBudget` with everything
the document holds — the nine tables, units, procurement, fixed assets, performance goals and
the facts the explanation states — or, when its titles are those of final accounts (收入支出决算
总表 …), the :class:`~govbudget.disclosure.DepartmentFinalAccounts` with the nine 决算 tables and
the units (pass ``phase=Phase.BUDGET`` or ``Phase.FINAL`` to read one family and get its precise
type). Either carries, in ``read_findings``, a finding for
everything that could not be read: an unrecognised table (READ-TABLE), a column, a cell or a
row of a table (READ-COLUMN, READ-CELL, READ-ROW), a sentence of the explanation. Nothing is
dropped silently: ``check(budget)`` reports those findings beside the rules' own.

>>> from importlib import resources
>>> text = resources.files("govbudget").joinpath("samples", "kaiping_2025.txt").read_text("utf-8")
>>> budget = read_text(text)
>>> len(budget.tables), len(budget.project_goals), budget.read_findings
(9, 3, ())
>>> budget.basic_expenditure.value("302", "total")
Decimal('11.39')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal, overload

from govbudget.disclosure import DepartmentBudget, DepartmentFinalAccounts, Scope
from govbudget.errors import DocumentError, LimitError
from govbudget.limits import Limits
from govbudget.reading.assembly import assemble
from govbudget.reading.printed import PrintedTable, note_rows, numbered_lines
from govbudget.reading.text_dump import split_text
from govbudget.tables import Phase

__all__ = ["read_bundle", "read_grids", "read_text"]


@overload
def read_text(
    text: str,
    *,
    year: int | None = ...,
    department: str | None = ...,
    phase: Literal[Phase.BUDGET],
    scope: Scope | None = ...,
    limits: Limits = ...,
) -> DepartmentBudget: ...


@overload
def read_text(
    text: str,
    *,
    year: int | None = ...,
    department: str | None = ...,
    phase: Literal[Phase.FINAL],
    scope: Scope | None = ...,
    limits: Limits = ...,
) -> DepartmentFinalAccounts: ...


@overload
def read_text(
    text: str,
    *,
    year: int | None = ...,
    department: str | None = ...,
    phase: Phase | None = ...,
    scope: Scope | None = ...,
    limits: Limits = ...,
) -> DepartmentBudget | DepartmentFinalAccounts: ...


def read_text(
    text: str,
    *,
    year: int | None = None,
    department: str | None = None,
    phase: Phase | None = None,
    scope: Scope | None = None,
    limits: Limits = Limits(),
) -> DepartmentBudget | DepartmentFinalAccounts:
    """Read a disclosure exported to text: tables as tab-indented cells, the explanation as lines.

    ``year`` and ``department`` supply what the document does not print. The document is a
    budget (:class:`DepartmentBudget`) or final accounts (:class:`DepartmentFinalAccounts`) as
    its titles say (…决算表); ``phase`` reads it as the one family asked for, and gives the
    precise type: tables of the other family are then reported unread (READ-TABLE). ``scope``
    says what the document holds when the caller knows (:class:`~govbudget.disclosure.Scope`);
    otherwise the reader decides: whole when it holds three standard tables or more, or when
    it presents itself as the 部门预算公开 / 部门决算公开 and holds one; a part when not. Raises
    :class:`DocumentError` when the text holds no disclosure at all, :class:`LimitError` when
    it is larger than ``limits`` allow.
    """
    limits.check_text(text)
    tables, narrative = split_text(text)
    limits.check_tables(tables)
    return assemble(
        tables, narrative, text=True, year=year, department=department, phase=phase, scope=scope
    )


@overload
def read_grids(
    tables: Iterable[PrintedTable | Mapping[str, object]],
    narrative: str = ...,
    *,
    year: int | None = ...,
    department: str | None = ...,
    phase: Literal[Phase.BUDGET],
    hint: Phase | None = ...,
    scope: Scope | None = ...,
    limits: Limits = ...,
) -> DepartmentBudget: ...


@overload
def read_grids(
    tables: Iterable[PrintedTable | Mapping[str, object]],
    narrative: str = ...,
    *,
    year: int | None = ...,
    department: str | None = ...,
    phase: Literal[Phase.FINAL],
    hint: Phase | None = ...,
    scope: Scope | None = ...,
    limits: Limits = ...,
) -> DepartmentFinalAccounts: ...


@overload
def read_grids(
    tables: Iterable[PrintedTable | Mapping[str, object]],
    narrative: str = ...,
    *,
    year: int | None = ...,
    department: str | None = ...,
    phase: Phase | None = ...,
    hint: Phase | None = ...,
    scope: Scope | None = ...,
    limits: Limits = ...,
) -> DepartmentBudget | DepartmentFinalAccounts: ...


def read_grids(
    tables: Iterable[PrintedTable | Mapping[str, object]],
    narrative: str = "",
    *,
    year: int | None = None,
    department: str | None = None,
    phase: Phase | None = None,
    hint: Phase | None = None,
    scope: Scope | None = None,
    limits: Limits = Limits(),
) -> DepartmentBudget | DepartmentFinalAccounts:
    """Read a disclosure from its tables as grids (``{"title", "rows"}``) and its explanation.

    A budget or final accounts, as the titles say (``hint`` decides where they do not);
    ``phase`` reads the one family asked for, as :func:`read_text` does.

    >>> budget = read_grids([{"title": "部门预算支出总表", "rows": [
    ...     ["某部门", "预算年度：2025", "单位：万元"],
    ...     ["功能分类科目编码", "功能分类科目名称", "合计", "基本支出"],
    ...     ["210", "卫生健康支出", "14.53", "14.53"]]}])
    >>> budget.expenditure.value("210", "basic"), [f.rule for f in budget.read_findings]
    (Decimal('14.53'), [])
    """
    limits.check_text(narrative)
    printed = []
    for index, table in enumerate(tables):
        if index >= limits.max_tables:
            raise LimitError(f"more than {limits.max_tables} tables (Limits.max_tables)")
        printed.append(_printed(table, index))
    limits.check_tables(printed)
    return assemble(
        printed,
        numbered_lines(narrative),
        text=False,
        year=year,
        department=department,
        phase=phase,
        hint=hint,
        scope=scope,
    )


def _printed(table: PrintedTable | Mapping[str, object], index: int) -> PrintedTable:
    if isinstance(table, PrintedTable):
        return table
    if not isinstance(table, Mapping):
        raise DocumentError(f"tables[{index}] is not {{'title': str, 'rows': [[str, …], …]}}")
    title = table.get("title", "")
    rows = table.get("rows")
    if not isinstance(title, str) or not isinstance(rows, list):
        raise DocumentError(f"tables[{index}] is not {{'title': str, 'rows': [[str, …], …]}}")
    cells: list[tuple[str, ...]] = []
    for number, row in enumerate(rows):
        if not isinstance(row, list) or not all(isinstance(cell, str) for cell in row):
            raise DocumentError(f"tables[{index}].rows[{number}] is not a list of strings")
        cells.append(tuple(cell.strip() for cell in row))
    is_note = note_rows(cells)
    kept = [n for n, note in enumerate(is_note, start=1) if not note]
    notes = tuple("".join(row) for row, note in zip(cells, is_note, strict=True) if note)
    return PrintedTable(title, tuple(cells[n - 1] for n in kept), tuple(kept), notes)


@overload
def read_bundle(
    bundle: Mapping[str, object], *, phase: Literal[Phase.BUDGET], limits: Limits = ...
) -> DepartmentBudget: ...


@overload
def read_bundle(
    bundle: Mapping[str, object], *, phase: Literal[Phase.FINAL], limits: Limits = ...
) -> DepartmentFinalAccounts: ...


@overload
def read_bundle(
    bundle: Mapping[str, object], *, phase: Phase | None = ..., limits: Limits = ...
) -> DepartmentBudget | DepartmentFinalAccounts: ...


def read_bundle(
    bundle: Mapping[str, object], *, phase: Phase | None = None, limits: Limits = Limits()
) -> DepartmentBudget | DepartmentFinalAccounts:
    """Read a grid bundle: ``{"tables": [{"title", "rows"}, …], "narrative": "…"}``.

    ``department``, ``budget_year``, ``kind`` ("budget" or "final_accounts") and ``scope``
    ("whole" or "part"), where present, are used as hints, never required: a bundle whose titles are 决算 tables reads into
    :class:`DepartmentFinalAccounts`, one of budget tables into :class:`DepartmentBudget`;
    ``phase`` reads the one family asked for (see :func:`read_text`).
    """
    tables = bundle.get("tables")
    if not isinstance(tables, list):
        raise DocumentError("a grid bundle is a JSON object with a 'tables' list")
    narrative = bundle.get("narrative", "")
    if not isinstance(narrative, str):
        raise DocumentError("the bundle's 'narrative' is not a string")
    year = bundle.get("budget_year")
    department = bundle.get("department")
    kind = bundle.get("kind")
    scope = bundle.get("scope")
    return read_grids(
        tables,
        narrative,
        year=year if isinstance(year, int) and not isinstance(year, bool) else None,
        department=department if isinstance(department, str) and department else None,
        phase=phase,
        hint=_KIND_HINTS.get(kind) if isinstance(kind, str) else None,
        scope=_SCOPES.get(scope) if isinstance(scope, str) else None,
        limits=limits,
    )


_SCOPES = {"whole": Scope.WHOLE, "part": Scope.PART}

_KIND_HINTS = {
    "budget": Phase.BUDGET,
    "预算": Phase.BUDGET,
    "final_accounts": Phase.FINAL,
    "final": Phase.FINAL,
    "决算": Phase.FINAL,
}
