"""Classifications of government expenditure (政府收支分类科目): one catalogue per edition, and
the codes observed in real documents as a second, weaker source."""

from __future__ import annotations

from govbudget.classification.catalogue import Catalogue, Level, Scheme, Subject, normalize_name
from govbudget.classification.editions import (
    Edition,
    economic_classification,
    economic_mapping,
    editions,
    functional_classification,
)
from govbudget.classification.observed import (
    OBSERVED_NOTE,
    KnownSubject,
    Observation,
    ObservedCatalogue,
    ObservedName,
    known_subject,
    observed_classification,
)

__all__ = [
    "OBSERVED_NOTE",
    "Catalogue",
    "Edition",
    "KnownSubject",
    "Level",
    "Observation",
    "ObservedCatalogue",
    "ObservedName",
    "Scheme",
    "Subject",
    "economic_classification",
    "economic_mapping",
    "editions",
    "functional_classification",
    "known_subject",
    "normalize_name",
    "observed_classification",
]
