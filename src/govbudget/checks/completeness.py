"""Completeness rules: every part of a disclosure is there, says why it is empty, and speaks of
one year — ``DOC-…`` for a budget, ``DOCF-…`` for final accounts.

The rule functions are written once for both families: each asks the disclosure's family
(:func:`govbudget.families.family_of`) how it numbers its tables and which year it speaks of.

>>> from govbudget.checks import check
>>> from govbudget.disclosure import DepartmentFinalAccounts
>>> report = check(DepartmentFinalAccounts("某部门", 2024), select=["DOCF-TABLES"])
>>> print(report[0].message)
未公开一般公共预算财政拨款基本支出决算表（公开06表）；无数据时也应空表列示并说明
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from govbudget.characters import fold
from govbudget.checks.reading import READ_FACT, READ_TABLE
from govbudget.checks.registry import Rule, rule
from govbudget.checks.wording import percent, shown
from govbudget.disclosure import (
    DepartmentBudget,
    DepartmentFinalAccounts,
    Disclosure,
    StatedChange,
)
from govbudget.families import BUDGET, FINAL, family_of
from govbudget.findings import Finding, Location, Severity
from govbudget.vocabulary import fact_concepts, text_words

__all__ = ["BUDGET_COMPLETENESS", "DOC_PART", "FINAL_COMPLETENESS"]


def _missing(rule: Rule, disclosure: Disclosure) -> Iterator[Finding]:
    family = family_of(disclosure)
    # A table the reader could not read may be the one missing: that is the reader's finding
    # (READ-TABLE), and a missing table is then only a likelihood, not a fault of the document.
    read: tuple[Finding, ...] = getattr(disclosure, "read_findings", ())
    unread = sum(finding.rule == READ_TABLE.id for finding in read)
    for kind in disclosure.missing_tables():
        where = f"{kind.SPEC.title}（{family.numbered(kind)}）"
        if unread:
            yield rule.finding(
                f"未读到{where}：文件中有 {unread} 张表未能读入（见 READ-TABLE），可能即是此表",
                location=Location(table=kind.SPEC.title),
                severity=Severity.WARNING,
            )
        else:
            yield rule.finding(
                f"未公开{where}；无数据时也应空表列示并说明",
                location=Location(table=kind.SPEC.title),
            )


def _empty_notes(rule: Rule, disclosure: Disclosure) -> Iterator[Finding]:
    # A table whose figures were printed but not read (a column not recognised) is no empty
    # table: the READ- finding on it says what happened.
    unread = {
        finding.location.table
        for finding in getattr(disclosure, "read_findings", ())
        if finding.rule.startswith("READ-") and finding.severity is Severity.ERROR
    }
    for table in disclosure.tables:
        if table.title in unread:
            continue
        if table.is_empty and not (getattr(table, "note", None) or "").strip():
            yield rule.finding(
                f"{table.title}为空表，但未说明原因（空表应列示并说明）",
                location=Location(table=table.title),
            )
    procurement = disclosure.procurement if isinstance(disclosure, DepartmentBudget) else None
    if procurement is not None and procurement.is_empty and not procurement.notes:
        yield rule.finding(
            f"{procurement.title}为空表，但未说明原因", location=Location(table=procurement.title)
        )


def _dated(disclosure: Disclosure) -> Iterator[tuple[str, int | None]]:
    """Each part of a disclosure that prints a year: its name, its year."""
    for table in disclosure.tables:
        yield table.title, table.header.year
    if isinstance(disclosure, DepartmentBudget):
        yield "情况说明", disclosure.facts.year
        for goal in disclosure.project_goals:
            yield f"项目绩效目标表：{goal.name}", goal.year
        if disclosure.department_goals is not None:
            yield "部门整体绩效目标", disclosure.department_goals.year


def _years(rule: Rule, disclosure: Disclosure) -> Iterator[Finding]:
    word = disclosure.phase.label
    if disclosure.year is None:
        return  # read with the year unknown: no part printed one (READ-YEAR said so)
    for where, year in _dated(disclosure):
        if year is not None and year != disclosure.year:
            yield rule.finding(
                f"{where}的{word}年度为 {year}，与本部门{word}年度 {disclosure.year} 不一致",
                location=Location(table=where),
            )


_THREE_PUBLIC_ITEMS = ("three_public_total", "travel_abroad", "vehicles", "reception")
_THREE_PUBLIC_CHANGES = (
    "three_public_change",
    "travel_abroad_change",
    "vehicles_change",
    "reception_change",
)


# The parts whose changes may explain an item's (公务用车: 购置费 and 运行维护费), and each item
# of the total with its parts.
_CHANGE_PARTS = {"vehicles_change": ("vehicle_purchase_change", "vehicle_operation_change")}
_ITEM_PARTS = tuple((name, _CHANGE_PARTS.get(name, ())) for name in _THREE_PUBLIC_CHANGES[1:])
_ITEM_AMOUNT_PARTS = {"vehicles": ("vehicle_purchase", "vehicle_operation")}


def _moved(change: StatedChange | None) -> bool:
    return change is not None and change.moved


def _explained(change: StatedChange | None) -> bool:
    return not _moved(change) or bool((change.reason or "").strip() if change else "")


def _stated(change: StatedChange) -> str:
    """A change as a finding states it: its amount, or its percentage when stated alone."""
    if change.amount is None:
        return percent(change.percent) if change.percent is not None else ""
    return f"{shown(change.amount)}万元"


def _plain(text: str) -> str:
    return "".join(c for c in fold(text) if c not in "“”\"'")


def _named_in_unread(budget: DepartmentBudget, names: Iterable[str]) -> list[str]:
    """Those of ``names`` (facts) that a sentence the reader reported as unread names."""
    said = [_plain(f.message) for f in budget.read_findings if f.rule == READ_FACT.id]
    concepts = fact_concepts("budget")
    return [
        name
        for name in names
        if any(
            _plain(word) in each for word in text_words(concepts[name], "budget") for each in said
        )
    ]


def _three_public_statement(rule: Rule, budget: DepartmentBudget) -> Iterator[Finding]:
    facts, labels = budget.facts, family_of(budget).fact_labels
    where = Location(table="情况说明", row="“三公”经费")
    stated = any(getattr(facts, name) is not None for name in _THREE_PUBLIC_ITEMS)
    if not budget.is_whole and not stated and facts.three_public_change is None:
        return  # a part without a "三公" statement is not asked for one
    # 公务用车 may be stated by its parts (购置 692万元, 运行及维护 4612万元).
    absent = [
        name
        for name in _THREE_PUBLIC_ITEMS
        if getattr(facts, name) is None
        and all(getattr(facts, part) is None for part in _ITEM_AMOUNT_PARTS.get(name, ()))
    ]
    # An item a sentence names that the reader could not read (因公出国(境)经费费62万元, a
    # READ-FACT) is stated: the reader's failure, not the document's.
    unread = _named_in_unread(budget, absent)
    missing = [labels[name] for name in absent if name not in unread]
    if missing:
        yield rule.finding(f"“三公”经费说明未列明：{'、'.join(missing)}", location=where)
    if unread:
        yield rule.finding(
            f"“三公”经费说明中写到{'、'.join(labels[name] for name in unread)}的句子未能读入"
            "（见 READ-FACT），未核对",
            location=where,
            severity=Severity.WARNING,
        )
    # The reason for a change of the total may be given item by item (上海: "公务用车购置及运行费
    # …增加27万元，主要原因是…"), and that of 公务用车 part by part (百色: 购置费 …, 运行维护费 …):
    # the whole then needs no reason of its own.
    unexplained: list[str] = []
    for name in _THREE_PUBLIC_CHANGES:
        change = getattr(facts, name)
        parts = [p for p in _CHANGE_PARTS.get(name, ()) if _moved(getattr(facts, p))]
        if change is None and name != "three_public_change":
            unexplained += [p for p in parts if not _explained(getattr(facts, p))]
        elif (
            _moved(change)
            and not _explained(change)
            and (not parts or any(not _explained(getattr(facts, p)) for p in parts))
        ):
            unexplained.append(name)
    total = facts.three_public_change
    by_items = unexplained == ["three_public_change"] and any(
        _moved(getattr(facts, name)) or any(_moved(getattr(facts, p)) for p in parts)
        for name, parts in _ITEM_PARTS
    )
    for name in unexplained:
        if name == "three_public_change" and by_items:
            continue
        change = getattr(facts, name)
        yield rule.finding(f"{labels[name]} {_stated(change)}，未说明增减变化原因", location=where)
    # Compared item by item (海南: 出国 −90.54%, 接待 +131.96%, each with its reason), the
    # statement is compared though its total is not.
    compared = total is not None or any(
        getattr(facts, name) is not None or any(getattr(facts, p) is not None for p in parts)
        for name, parts in _ITEM_PARTS
    )
    if not compared:
        yield rule.finding(
            "“三公”经费说明未与上年比较，也未说明增减变化原因",
            location=where,
            severity=Severity.WARNING,
        )


def _held(disclosure: Disclosure) -> list[str]:
    """What a disclosure holds, as a report names it."""
    held = [table.title for table in disclosure.tables]
    if isinstance(disclosure, DepartmentBudget):
        held += [] if disclosure.procurement is None else [disclosure.procurement.title]
        held += [] if disclosure.fixed_assets is None else [disclosure.fixed_assets.title]
        held += [f"项目绩效目标表：{goal.name}" for goal in disclosure.project_goals]
        held += [] if disclosure.department_goals is None else ["部门整体绩效目标"]
        table = disclosure.department_goal_table
        held += [] if table is None else [table.heading]
    held += ["机构设置"] if disclosure.units else []
    stated = isinstance(disclosure, (DepartmentBudget, DepartmentFinalAccounts)) and bool(
        disclosure.facts.stated()
    )
    return [*held, "情况说明"] if stated else held


def _part(rule: Rule, disclosure: Disclosure) -> Iterator[Finding]:
    if disclosure.is_whole:
        return
    family = family_of(disclosure)
    whole_only = "、".join(
        r.id
        for r in (*BUDGET_COMPLETENESS, *FINAL_COMPLETENESS)
        if r.whole_only and r.applies_to is not None and isinstance(disclosure, r.applies_to)
    )
    yield rule.finding(
        f"本文档是部门{family.phase.label}公开的一部分，含：{'、'.join(_held(disclosure)) or '无'}；"
        f"按部分检查，未运行完整性规则（{whole_only}）",
    )


def _agency_stated(rule: Rule, budget: DepartmentBudget) -> Iterator[Finding]:
    if budget.facts.agency_running_costs is None:
        yield rule.finding(
            "情况说明未说明机关运行经费安排情况",
            location=Location(table="情况说明", row="机关运行经费"),
        )


class _Declare(Protocol):
    def __call__(
        self,
        suffix: str,
        title: str,
        description: str,
        function: Callable[..., Iterator[Finding]],
        *,
        whole_only: bool = False,
    ) -> Rule: ...


def _rules(prefix: str, kind: type[Disclosure]) -> _Declare:
    def make(
        suffix: str,
        title: str,
        description: str,
        function: Callable[..., Iterator[Finding]],
        *,
        whole_only: bool = False,
    ) -> Rule:
        return rule(
            f"{prefix}-{suffix}",
            title,
            Severity.ERROR,
            applies_to=kind,
            description=description,
            whole_only=whole_only,
        )(function)

    return make


_budget = _rules(BUDGET.completeness, DepartmentBudget)
_final = _rules(FINAL.completeness, DepartmentFinalAccounts)

BUDGET_COMPLETENESS: tuple[Rule, ...] = (
    _budget(
        "TABLES",
        "All nine standard tables are published",
        "九张标准表齐全（无数据的表也应空表列示）；文件中有未能读入的表时，缺少的表可能即是它，"
        "只作警告。",
        _missing,
        whole_only=True,
    ),
    _budget(
        "EMPTY-NOTE",
        "An empty table says why it is empty",
        "空表列示并说明原因（九张表及政府采购预算表）。",
        _empty_notes,
    ),
    _budget(
        "THREE-PUBLIC",
        'The "three public" statement is complete',
        "“三公”经费说明列明合计及因公出国（境）费、公务用车购置及运行维护费、公务接待费，"
        "并说明与上年相比的增减变化及原因。",
        _three_public_statement,
    ),
    _budget(
        "AGENCY-COSTS",
        "Agency running costs are stated",
        "情况说明中说明机关运行经费安排情况。",
        _agency_stated,
        whole_only=True,
    ),
    _budget(
        "YEAR",
        "One budget year everywhere",
        "各表、情况说明、绩效目标的预算年度与部门预算年度一致。",
        _years,
    ),
)
"""The completeness rules of a budget disclosure, ``DOC-…``."""

FINAL_COMPLETENESS: tuple[Rule, ...] = (
    _final(
        "TABLES",
        "All nine tables of the final accounts are published",
        "部门决算九张公开表齐全（无数据的表也应空表列示）；文件中有未能读入的表时，缺少的表可能"
        "即是它，只作警告。",
        _missing,
        whole_only=True,
    ),
    _final(
        "EMPTY-NOTE",
        "An empty table says why it is empty",
        "部门决算的空表列示并说明原因。",
        _empty_notes,
    ),
    _final("YEAR", "One year everywhere", "各决算表的年度与部门决算年度一致。", _years),
)
"""The completeness rules of final accounts, ``DOCF-…``."""

DOC_PART = rule(
    "DOC-PART",
    "A part of a disclosure is checked as a part",
    Severity.INFO,
    applies_to=Disclosure,
    description="只含部门预算（决算）公开一部分的文档（“三公”经费页、绩效目标表、单独的情况说明、"
    "部分表格）按部分检查：列出其所含内容，不运行要求完整公开的规则（如九张表齐全）。",
)(_part)
"""The note on a part of a disclosure: what it holds, and which rules it is spared."""
