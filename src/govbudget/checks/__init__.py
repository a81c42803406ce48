"""Findings, reports, the rule registry and :func:`check`.

Importing this package registers the rules of a budget; those of final accounts and of the
readers are imported when the catalogue is first listed (:func:`rules` is always the whole
catalogue) or, for final accounts, when :func:`check` first meets one of their objects.
"""

from __future__ import annotations

import govbudget.checks.catalogues
import govbudget.checks.conventions
import govbudget.checks.disclosure
import govbudget.checks.narrative
import govbudget.checks.performance
import govbudget.checks.tables  # noqa: F401  (registers the T1–T9, PG, X, TXT and DOC rules)
from govbudget.checks.registry import (
    RULES,
    Registry,
    Rule,
    check,
    declare,
    register_carried,
    register_parts,
    rule,
    rules,
)
from govbudget.findings import Finding, Location, Report, Severity

__all__ = [
    "RULES",
    "Finding",
    "Location",
    "Registry",
    "Report",
    "Rule",
    "Severity",
    "check",
    "declare",
    "register_carried",
    "register_parts",
    "rule",
    "rules",
]

# The rules of final accounts (F1–F9, XF, DOCF, then those of the explanation, TXT-FINAL) come
# after those of the budget in the catalogue. A budget never needs them: they are imported when
# the catalogue is first listed, or check first meets an object of the final accounts' types.
RULES.declared_by(
    "govbudget.checks.final",
    "govbudget.checks.final_narrative",
    types_in=(
        "govbudget.disclosure.final",
        "govbudget.disclosure.final_facts",
        "govbudget.tables.final",
    ),
)
