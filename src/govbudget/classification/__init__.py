"""Classifications of government expenditure (政府收支分类科目), one catalogue per edition."""

from __future__ import annotations

from govbudget.classification.catalogue import Catalogue, Level, Scheme, Subject, normalize_name
from govbudget.classification.editions import (
    Edition,
    economic_classification,
    economic_mapping,
    editions,
    functional_classification,
)

__all__ = [
    "Catalogue",
    "Edition",
    "Level",
    "Scheme",
    "Subject",
    "economic_classification",
    "economic_mapping",
    "editions",
    "functional_classification",
    "normalize_name",
]
