"""Findings, reports, the rule registry and :func:`check`.

Importing this package registers every rule module, so :func:`rules` is the whole catalogue.
"""

from __future__ import annotations

import govbudget.checks.catalogues
import govbudget.checks.conventions
import govbudget.checks.disclosure
import govbudget.checks.narrative
import govbudget.checks.performance
import govbudget.checks.tables  # (registers the T1–T9, PG, X, TXT and DOC rules)
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
# after those of the budget in the catalogue.
import govbudget.checks.final
import govbudget.checks.final_narrative  # noqa: F401
