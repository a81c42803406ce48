"""The two families of disclosures: a department's budget (部门预算) and its final accounts
(部门决算).

Both are the same kind of thing — nine standard tables, an explanation stating their figures, a
department and a year — with other tables, other facts and other words. A :class:`Family` says
what is particular to one: its phase, its tables, the class of its disclosure and of its stated
facts, how it numbers its tables, the labels of its facts. The readers, the rules and the
corruptions are written once and ask the family of what they hold (:func:`family_of`).

>>> BUDGET.numbered(BUDGET.tables[5]), FINAL.numbered(FINAL.tables[6])
('表6', '公开07表')
>>> family_of(FINAL.disclosure("某部门", 2024)) is FINAL
True
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from govbudget.disclosure import (
    DepartmentBudget,
    DepartmentFinalAccounts,
    Disclosure,
    FinalStatedFacts,
    StatedFacts,
)
from govbudget.disclosure.facts import CHANGE_OF, FACT_LABELS, FINAL_CHANGE_OF, FINAL_FACT_LABELS
from govbudget.tables import Phase, Table, standard_tables

__all__ = ["BUDGET", "FAMILIES", "FINAL", "Family", "family_of"]


@attrs.frozen(slots=True)
class Family:
    """What is particular to one family of disclosures."""

    phase: Phase
    name: str
    """The family's name in the vocabulary's data: ``budget`` or ``final``."""
    label: str
    """The name a report prints: 部门预算 or 部门决算."""
    disclosure: type[Disclosure]
    facts: type[StatedFacts] | type[FinalStatedFacts]
    numbering: str
    """How the family numbers its tables in messages: ``表{number}``, ``公开{number:02d}表``."""
    completeness: str
    """The family of its completeness rules' ids: ``DOC`` or ``DOCF``."""
    change_of: Mapping[str, str]
    """For each stated change, the stated amount it is a change of."""
    fact_labels: Mapping[str, str]
    """The label findings print for each stated fact."""

    @property
    def tables(self) -> tuple[type[Table], ...]:
        """The family's nine table classes, table 1 first."""
        return standard_tables(self.phase)

    def numbered(self, kind: type[Table]) -> str:
        """A table's number as the family prints it in messages."""
        return self.numbering.format(number=kind.SPEC.number)


BUDGET = Family(
    Phase.BUDGET,
    "budget",
    "部门预算",
    DepartmentBudget,
    StatedFacts,
    "表{number}",
    "DOC",
    CHANGE_OF,
    FACT_LABELS,
)
"""The budget (部门预算): the nine tables of a year's budget, its goals and explanation."""

FINAL = Family(
    Phase.FINAL,
    "final",
    "部门决算",
    DepartmentFinalAccounts,
    FinalStatedFacts,
    "公开{number:02d}表",
    "DOCF",
    FINAL_CHANGE_OF,
    FINAL_FACT_LABELS,
)
"""The final accounts (部门决算): what the year's budget became."""

FAMILIES: Mapping[Phase, Family] = {BUDGET.phase: BUDGET, FINAL.phase: FINAL}
"""Each family by its phase."""


def family_of(disclosure: Disclosure) -> Family:
    """The family of a disclosure."""
    return FAMILIES[disclosure.phase]
