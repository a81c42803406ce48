"""Tables, disclosures and reports in a notebook: each shows itself as HTML.

Jupyter, VS Code and other notebooks show an object by its ``_repr_html_`` when it has one.
The model cannot define that method itself: ``tables`` and ``disclosure`` sit below
``formats`` and never import it. This module attaches the methods instead, once, when it is
imported: ``import govbudget`` gives the classes a stand-in that imports it at the first
display, so a notebook shows HTML without importing the formats up front:

- a table (one of the nine, the fixed-assets or the procurement table) shows as its HTML
  table, the cells that its own findings (``check(table)``) point at tinted, and below it the
  findings, when there are any;
- a :class:`~govbudget.disclosure.DepartmentBudget` shows every part, the cells that
  ``check(budget)`` points at tinted (hover a cell for the finding), then the whole report,
  including the findings about the explanation that no cell can show;
- a :class:`~govbudget.findings.Report` shows as a table of its findings.

>>> from govbudget import BasicExpenditureTable, Report, TableHeader
>>> table = BasicExpenditureTable.from_rows(TableHeader("网信办", 2025), [
...     ("total", "合计", {"total": "193.61", "personnel": "182.21", "public": "12.39"})])
>>> page = table._repr_html_()
>>> 'class="govbudget-error"' in page, "T6-COLUMNS" in page
(True, True)
>>> Report()._repr_html_().startswith('<div class="govbudget-report">')
True
"""

from __future__ import annotations

from collections.abc import Callable

from govbudget.checks import check
from govbudget.disclosure import (
    DepartmentBudget,
    DepartmentFinalAccounts,
    FixedAssetsTable,
    ProcurementTable,
)
from govbudget.findings import Report
from govbudget.formats.render import Part, report_to_html, to_html
from govbudget.tables import Table

__all__ = ["install"]

_REPR_HTML = "_repr_html_"  # the method IPython's display looks up


def _part_html(part: Part) -> str:
    report = check(part)
    page = to_html(part, highlight=report)
    # A clean table shows as the table alone: a notebook shows tables often, and "no problem"
    # under each would be noise.
    return page + report_to_html(report) if report else page


def _budget_html(budget: DepartmentBudget | DepartmentFinalAccounts) -> str:
    report = check(budget)
    return to_html(budget, highlight=report) + report_to_html(report)


_METHODS: tuple[tuple[type[object], Callable[..., str]], ...] = (
    (Table, _part_html),
    (FixedAssetsTable, _part_html),
    (ProcurementTable, _part_html),
    (DepartmentBudget, _budget_html),
    (DepartmentFinalAccounts, _budget_html),
    (Report, report_to_html),
)


def install() -> None:
    """Give the model's classes their ``_repr_html_``; done when this module is imported.

    Calling it again changes nothing. The nine table classes inherit the method from
    :class:`~govbudget.tables.Table`.

    >>> from govbudget import ExpenditureTable
    >>> install()
    >>> ExpenditureTable._repr_html_ is Table._repr_html_
    True
    """
    for kind, method in _METHODS:
        # setattr, as the classes declare no such attribute for a type checker to see.
        setattr(kind, _REPR_HTML, method)


install()
