"""Rules on classification catalogues, for editions a user loads from a file.

The shipped editions pass them; an official edition typed or converted by hand may not.
"""

from __future__ import annotations

from collections.abc import Iterator

from govbudget.checks.registry import Rule, rule
from govbudget.classification import Catalogue, normalize_name
from govbudget.findings import Finding, Location, Severity

__all__ = ["CATALOGUE_RULES"]


def _where(catalogue: Catalogue, code: str) -> Location:
    return Location(table=f"{catalogue.scheme.label}（{catalogue.edition}）", row=code)


@rule(
    "CAT-PARENT",
    "Every subject's parent is in the catalogue",
    Severity.ERROR,
    applies_to=Catalogue,
    description="每个款、项科目的上级科目（编码去掉末两位）都在目录中。",
)
def _parent_present(rule: Rule, catalogue: Catalogue) -> Iterator[Finding]:
    for subject in catalogue.subjects:
        if subject.parent is not None and subject.parent not in catalogue:
            yield rule.finding(
                f"科目 {subject.code}“{subject.name}”的上级科目 {subject.parent} 不在目录中",
                location=_where(catalogue, subject.code),
            )


@rule(
    "CAT-SIBLING-NAME",
    "Subjects under one parent have distinct names",
    Severity.WARNING,
    applies_to=Catalogue,
    description="同一上级科目下的科目名称不重复（重复多为录入错误）。",
)
def _distinct_sibling_names(rule: Rule, catalogue: Catalogue) -> Iterator[Finding]:
    seen: dict[tuple[str | None, str], str] = {}
    for subject in catalogue.subjects:
        key = (subject.parent, normalize_name(subject.name))
        first = seen.setdefault(key, subject.code)
        if first != subject.code:
            yield rule.finding(
                f"科目 {subject.code} 与 {first} 同属上级 {subject.parent or '（无）'}，"
                f"名称同为“{subject.name}”",
                location=_where(catalogue, subject.code),
            )


CATALOGUE_RULES: tuple[Rule, ...] = (
    _parent_present,
    _distinct_sibling_names,
)
"""The rules on classification catalogues, ``CAT-…``."""
