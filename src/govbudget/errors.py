"""The exceptions govbudget raises.

Every exception the library raises on purpose derives from :class:`GovBudgetError`, so a caller
can catch the library's own errors apart from bugs. Inconsistent figures are *not* errors: they
are findings in a :class:`~govbudget.checks.Report`. Exceptions are for input the model refuses
to hold at all (a float for money, a malformed code, an unknown catalogue edition).

>>> from govbudget import parse_amount
>>> try:
...     parse_amount(1.5)
... except GovBudgetError as error:
...     print(type(error).__name__)
AmountTypeError
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govbudget.findings import Report

__all__ = [
    "AmountError",
    "AmountTypeError",
    "CatalogueError",
    "CheckFailedError",
    "DocumentError",
    "GovBudgetError",
    "JSONError",
    "LimitError",
    "UnknownCodeError",
    "UnknownEditionError",
]


class GovBudgetError(Exception):
    """Root of every exception raised by govbudget on purpose."""


class AmountError(GovBudgetError, ValueError):
    """A money figure that cannot be read: garbage text, NaN, an infinity."""


class AmountTypeError(AmountError, TypeError):
    """A money figure of a type that must never hold money (``float``, ``bool``)."""


class CatalogueError(GovBudgetError, ValueError):
    """A classification catalogue whose data cannot be read (bad columns, bad codes)."""


class UnknownCodeError(GovBudgetError, LookupError):
    """A code that the catalogue does not hold, raised by ``Catalogue.lookup``."""

    def __str__(self) -> str:
        # LookupError would otherwise print the repr of its argument.
        return str(self.args[0]) if self.args else ""


class UnknownEditionError(GovBudgetError, LookupError):
    """No edition of a classification is shipped for the requested budget year."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class CheckFailedError(GovBudgetError):
    """Raised by ``Report.raise_for_errors`` when a report holds at least one error finding.

    The whole report is kept in ``report``.
    """

    def __init__(self, message: str, report: Report) -> None:
        super().__init__(message)
        self.report = report


class DocumentError(GovBudgetError, ValueError):
    """Input that is not a budget disclosure at all: no table found, or not a grid bundle."""


class LimitError(DocumentError):
    """Input larger than the reader's :class:`~govbudget.limits.Limits` allow; raised before any
    work is done."""


class JSONError(GovBudgetError, ValueError):
    """A JSON text that is not a govbudget document; ``path`` says where, in JSONPath.

    >>> error = JSONError("$.tables[3].rows[5].basic", "'12.3.4' is not an amount")
    >>> str(error), error.path
    ("$.tables[3].rows[5].basic: '12.3.4' is not an amount", '$.tables[3].rows[5].basic')
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
