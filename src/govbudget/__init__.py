"""govbudget: a typed data model and consistency checks for Chinese department budget disclosures.

>>> from decimal import Decimal
>>> import govbudget
>>> govbudget.agree(Decimal("193.61"), [Decimal("182.21"), Decimal("11.39")]).ok
True
>>> govbudget.functional_classification(2025)["20137"].name
'网信事务'
"""

from __future__ import annotations

from govbudget._version import __version__
from govbudget.amounts import (
    Agreement,
    Figure,
    Interval,
    Unit,
    agree,
    convert,
    decimal_places,
    exact_sum,
    format_amount,
    half_width,
    parse_amount,
    round_half_up,
    to_unit,
)
from govbudget.checks import Finding, Location, Report, Rule, Severity, check, rules
from govbudget.classification import (
    Catalogue,
    Level,
    Scheme,
    Subject,
    economic_classification,
    economic_mapping,
    functional_classification,
)
from govbudget.errors import (
    AmountError,
    AmountTypeError,
    CatalogueError,
    CheckFailedError,
    GovBudgetError,
    UnknownCodeError,
    UnknownEditionError,
)

__all__ = [
    "Agreement",
    "AmountError",
    "AmountTypeError",
    "Catalogue",
    "CatalogueError",
    "CheckFailedError",
    "Figure",
    "Finding",
    "GovBudgetError",
    "Interval",
    "Level",
    "Location",
    "Report",
    "Rule",
    "Scheme",
    "Severity",
    "Subject",
    "Unit",
    "UnknownCodeError",
    "UnknownEditionError",
    "__version__",
    "agree",
    "check",
    "convert",
    "decimal_places",
    "economic_classification",
    "economic_mapping",
    "exact_sum",
    "format_amount",
    "functional_classification",
    "half_width",
    "parse_amount",
    "round_half_up",
    "rules",
    "to_unit",
]
