"""Tables, disclosures and reports in a notebook: each shows itself as HTML.

Jupyter, VS Code and other notebooks show an object by its ``_repr_html_`` when it has one.
Each of the model's classes defines the method and hands the work to this module, imported at
the first display (the model sits below :mod:`govbudget.writing` and never imports it when it
is itself imported):

- a table (one of the nine, the fixed-assets or the procurement table) shows as its HTML
  table, the cells that its own findings (``check(table)``) point at tinted, and below it the
  findings, when there are any;
- a :class:`~govbudget.disclosure.DepartmentBudget` shows every part, the cells that
  ``check(budget)`` points at tinted (hover a cell for the finding), then the whole report,
  including the findings about the explanation that no cell can show;
- a :class:`~govbudget.findings.Report` shows as a table of its findings.

>>> from govbudget import Report, TableHeader
>>> from govbudget.tables import BasicExpenditureTable
>>> table = BasicExpenditureTable.from_rows(TableHeader("网信办", 2025), [
...     ("total", "合计", {"total": "193.61", "personnel": "182.21", "public": "12.39"})])
>>> page = table._repr_html_()
>>> 'class="govbudget-error"' in page, "T6-COLUMNS" in page
(True, True)
>>> Report()._repr_html_().startswith('<div class="govbudget-report">')
True
"""

from __future__ import annotations

from govbudget.checks import check
from govbudget.disclosure import Disclosure
from govbudget.writing.render import Part, to_html
from govbudget.writing.report import report_to_html

__all__ = ["disclosure_html", "part_html"]


def part_html(part: Part) -> str:
    """A table (one of the nine, the fixed-assets or the procurement table) as its HTML table,
    the cells its own findings point at tinted, then the findings, when there are any."""
    report = check(part)
    page = to_html(part, highlight=report)
    # A clean table shows as the table alone: a notebook shows tables often, and "no problem"
    # under each would be noise.
    return page + report_to_html(report) if report else page


def disclosure_html(disclosure: Disclosure) -> str:
    """A budget or final accounts: every part, the cells ``check`` points at tinted (hover a
    cell for the finding), then the whole report."""
    report = check(disclosure)
    return to_html(disclosure, highlight=report) + report_to_html(report)
