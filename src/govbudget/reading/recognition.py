"""Which declared table a printed table is, on the evidence it prints.

A table printed under one of the titles a table is published under (its declared title or a
variant the vocabulary lists, after the numbering, the year and the owner are taken off) is that
table: :func:`recognise` says so from the title alone. Any other table is scored against every
declared table of the family on what it prints (:func:`recognise_table`):

- its title: the words it shares with the titles a table is published under, each word weighed
  by how few tables use it (“三公” says more than 支出; a department's name says nothing);
- its headers and row labels: the labels of each table's columns and rows it prints, weighed the
  same way (因公出国（境）费 belongs to two tables, 合计 to all);
- its codes: a column of functional subject codes (201, 20101, 2010101) or of economic ones (301,
  30101) says a table by subject.

The best-scoring table is taken when it clearly beats the next; the evidence is kept, so the
reader can say what a table was read as and why, and, when nothing fits, name the two closest.

>>> from govbudget.reading.printed import PrintedTable
>>> page = PrintedTable("2024年昌宁县卡斯镇“三公”经费预算财政拨款情况统计表", (
...     ("项目", "2023年预算数", "2024年预算数"),
...     ("因公出国（境）费", "0", "0"),
...     ("公务接待费", "1.20", "1.00")))
>>> found = recognise_table(page)
>>> found.kind.SPEC.title, found.exact
('财政拨款“三公”经费支出表', False)
>>> found.best.evidence[:2]
('标题称预算', '标题与“财政拨款“三公”经费支出表”相近')
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

import attrs

from govbudget.classification import Scheme, normalize_name
from govbudget.reading.printed import BOOKMARK, PrintedTable
from govbudget.tables import (
    STANDARD_FINAL_TABLES,
    STANDARD_TABLES,
    Detail,
    Phase,
    Table,
    strip_ordinal,
)
from govbudget.vocabulary import titles

__all__ = [
    "ASSETS",
    "DEPARTMENT_GOAL",
    "GOAL",
    "GOVERNMENT",
    "PROCUREMENT",
    "UNITS",
    "Candidate",
    "Kind",
    "Recognition",
    "closest_names",
    "describe",
    "is_title",
    "looks_like_title",
    "recognise",
    "recognise_table",
]


_QUOTES = re.compile(r"[\"'“”‘’「」『』]")
# Numbering in every form a title is printed with: 表1, 表一：, 附表1, 预算01表, 公开01表, 一、, 1.
_NUMBERING = re.compile(
    r"^(?:附?表[0-9一二三四五六七八九十]+[:、.]?|[一二三四五六七八九十]+、|\d+[、.])"
    r"|[(]?(?:部门|单位)?(?:预算|决算)?(?:公开)?\d+表[)]?"
)
# 2024年, 2024年度, 2024-度 (a form's 年 lost), 2024
_YEAR = re.compile(r"\d{4}(?:年度?|-度?|度)?")
_OWNER = re.compile(r"^(?:部门|单位)")


def _canonical(title: str) -> str:
    """A title reduced to what tells tables apart: no numbering, no year, no 部门/单位 in front,
    no 预算/财务, no quotes, no spaces ("2026年部门财务收支预算总表" and "部门预算收支总表" both
    give 收支总表), no leading 决算 ("部门决算收入支出决算总表" gives 收入支出决算总表)."""
    text = _QUOTES.sub("", normalize_name(BOOKMARK.sub("", title)))
    text = _NUMBERING.sub("", text)
    text = _YEAR.sub("", text)
    text = _OWNER.sub("", text)
    if text.startswith("决算") and "决算" in text[2:]:
        text = text[2:]
    return text.replace("预算", "").replace("财务", "")


_STANDARD = {
    _canonical(name): kind
    for kind in (*STANDARD_TABLES, *STANDARD_FINAL_TABLES)
    for name in (kind.SPEC.title, *kind.SPEC.title_aliases)
}


UNITS, GOAL, PROCUREMENT, ASSETS = "units", "goal", "procurement", "fixed_assets"
DEPARTMENT_GOAL = "department_goal"
# A table of a government's own budget (revenue by tax, transfers), not of a department's.
GOVERNMENT = "government_budget"
_GOVERNMENT_TITLES = tuple(_canonical(name) for name in titles(GOVERNMENT))


Kind = type[Table] | str


def recognise(title: str) -> Kind | None:
    """The table a title is one of the titles of, or ``None``: the title alone decides."""
    canonical = _canonical(title)
    if canonical in _STANDARD:
        return _STANDARD[canonical]
    if canonical.endswith(
        ("机构设置情况", "机构设置情况表", "单位构成", "单位构成情况", "单位构成表")
    ):
        return UNITS
    if canonical.endswith(("绩效目标表", "绩效目标申报表")):
        # 部门整体支出绩效目标表: the department's goals, not a project's.
        return DEPARTMENT_GOAL if "整体" in canonical else GOAL
    if canonical.startswith("政府采购") or canonical in ("政府采购表", "政府采购"):
        return PROCUREMENT
    if "固定资产占用情况" in canonical:
        return ASSETS
    if canonical.endswith(_GOVERNMENT_TITLES):
        return GOVERNMENT
    return None


def is_title(text: str) -> bool:
    return recognise(text) is not None


def looks_like_title(text: str) -> bool:
    """A known title, or a short line naming a table (…表) just above a table's rows."""
    name = normalize_name(BOOKMARK.sub("", text))
    return is_title(text) or (len(name) <= 40 and name.endswith("表"))


# -- scoring on the evidence -------------------------------------------------------------------

# Words every title prints around what tells tables apart.
_GENERIC = re.compile(r"总体情况|情况|明细|统计|汇总|一览|部门|单位|表")


def _core(title: str) -> str:
    return _GENERIC.sub("", _canonical(title))


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _label(text: str) -> str:
    """A header or row label as compared: no ordinal, no 其中, no spaces, no unit in brackets."""
    name = strip_ordinal(text)
    name = re.sub(r"^其中[:：]?", "", name)
    return strip_ordinal(re.sub(r"\((?:万?元|%)\)$", "", name))


@attrs.frozen(slots=True)
class _Declared:
    """What a declared table is known by: the bigrams of its titles' cores, its labels."""

    kind: type[Table]
    titles: tuple[tuple[str, frozenset[str]], ...]
    labels: frozenset[str]
    scheme: Scheme | None


def _declared(kind: type[Table]) -> _Declared:
    titles = tuple(
        (name, frozenset(_bigrams(_core(name))))
        for name in (kind.SPEC.title, *kind.SPEC.title_aliases)
    )
    labels: set[str] = set()
    subjects = None
    for block in kind.SPEC.blocks:
        for column in block.columns:
            labels.update(_label(word) for word in (column.header, *column.aliases))
            if column.group:
                labels.add(_label(column.group))
        for row in block.rows:
            labels.update(_label(word) for word in (row.label, *row.aliases))
        if block.detail is Detail.SUBJECTS:
            subjects = block.scheme
    return _Declared(kind, titles, frozenset(label for label in labels if label), subjects)


@attrs.frozen(slots=True)
class _Vocabulary:
    """The declared tables of a family and how much each title word or label tells."""

    declared: tuple[_Declared, ...]
    bigram_weight: dict[str, float]
    label_weight: dict[str, float]


def _idf(documents: Iterable[Iterable[str]], count: int) -> dict[str, float]:
    frequency: Counter[str] = Counter()
    for words in documents:
        frequency.update(set(words))
    return {word: math.log((count + 1) / (df + 0.5)) for word, df in frequency.items()}


@functools.cache
def _vocabulary(phases: tuple[Phase, ...]) -> _Vocabulary:
    kinds = [
        kind
        for phase in phases
        for kind in (STANDARD_TABLES if phase is Phase.BUDGET else STANDARD_FINAL_TABLES)
    ]
    declared = tuple(_declared(kind) for kind in kinds)
    bigrams = _idf(
        (frozenset().union(*(grams for _name, grams in each.titles)) for each in declared),
        len(declared),
    )
    labels = _idf((each.labels for each in declared), len(declared))
    return _Vocabulary(declared, bigrams, labels)


@attrs.frozen(slots=True)
class Candidate:
    """A declared table a printed one may be, its score and the evidence for it, in Chinese."""

    kind: Kind
    score: float
    evidence: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class Recognition:
    """What a printed table was read as (``kind``, ``None`` when nothing fits), whether its
    title alone said so (``exact``), and the candidates it was weighed against, best first."""

    kind: Kind | None
    exact: bool = False
    candidates: tuple[Candidate, ...] = ()

    @property
    def best(self) -> Candidate:
        """The best candidate (the one read, when one was)."""
        return self.candidates[0]

    def closest(self, count: int = 2) -> tuple[Candidate, ...]:
        """The ``count`` best candidates that have any evidence at all."""
        return tuple(c for c in self.candidates[:count] if c.score > 0)


# How much each kind of evidence weighs: a title that shares the telling words of a table's
# titles (1.0 for all of them) counts as much as three telling labels.
_TITLE_WEIGHT = 6.0
_LABEL_CAP = 9.0
_CODES_WEIGHT = 2.0
# The best is taken when it scores this much at least, and this many times the next or this
# much more (the twin of the other family differs by the family its title names).
_ENOUGH = 3.0
_CLEARLY = 1.3
_AHEAD = 1.5


def _title_score(
    core: set[str], declared: _Declared, weight: dict[str, float]
) -> tuple[float, str]:
    """The weighted overlap (Dice) of a title's words with the closest of a table's titles;
    words no table uses (a department's name) weigh nothing."""
    known = math.fsum(weight.get(gram, 0.0) for gram in core)
    best, name = 0.0, ""
    for title, grams in declared.titles:
        shared = math.fsum(weight[gram] for gram in core & grams)
        whole = known + math.fsum(weight[gram] for gram in grams)
        score = 2 * shared / whole if whole else 0.0
        if score > best:
            best, name = score, title
    return best, name


def _printed_labels(table: PrintedTable) -> set[str]:
    return {_label(cell) for row in table.rows for cell in row if cell.strip()}


def _codes(table: PrintedTable) -> Scheme | None:
    """The scheme of the subject codes a table prints in a column, if it prints some."""
    codes = [
        digits
        for row in table.rows
        for cell in row[:3]
        if (digits := re.sub(r"\s", "", cell)).isdigit() and len(digits) in (3, 5, 7)
    ]
    if len(codes) < 2:
        return None
    economic = sum(code[:1] in "35" for code in codes)
    return Scheme.ECONOMIC_DEPARTMENT if economic * 2 > len(codes) else Scheme.FUNCTIONAL


def _economic(declared: Scheme | None, printed: Scheme) -> bool:
    economic = (Scheme.ECONOMIC_DEPARTMENT, Scheme.ECONOMIC_GOVERNMENT)
    return declared in economic and printed in economic


# The budgets a title may name without naming the budget family (一般公共预算“三公”经费决算表).
_BUDGET_NAMES = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|预算数|年初预算|调整预算")


def _phase_named(title: str) -> Phase | None:
    """The family a title names: 决算 (final accounts) or 预算 (a budget), if only one."""
    name = normalize_name(title)
    final = "决算" in name
    budget = "预算" in _BUDGET_NAMES.sub("", name)
    return None if final == budget else Phase.FINAL if final else Phase.BUDGET


def _candidates(table: PrintedTable, phases: tuple[Phase, ...]) -> Iterator[Candidate]:
    vocabulary = _vocabulary(phases)
    core = _bigrams(_core(table.title)) if table.title else set()
    printed = _printed_labels(table)
    scheme = _codes(table)
    named = _phase_named(table.title)
    for declared in vocabulary.declared:
        evidence: list[str] = []
        if declared.kind.SPEC.phase is named:
            evidence.append(f"标题称{named.label}")
        title, name = _title_score(core, declared, vocabulary.bigram_weight)
        score = _TITLE_WEIGHT * title
        if title >= 0.3:
            evidence.append(f"标题与“{name}”相近")
        # By weight, then by label: a set's order changes from one run to the next.
        shared = sorted(
            printed & declared.labels, key=lambda label: (-vocabulary.label_weight[label], label)
        )
        telling = [label for label in shared if vocabulary.label_weight[label] > 0.5]
        score += min(_LABEL_CAP, math.fsum(vocabulary.label_weight[label] for label in shared))
        evidence += [f"印有“{label}”" for label in telling[:4]]
        if scheme is not None and (declared.scheme is scheme or _economic(declared.scheme, scheme)):
            score += _CODES_WEIGHT
            evidence.append(f"印有{scheme.label}科目编码")
        # A title that names a family is not the title of a table of the other.
        if named is not None and declared.kind.SPEC.phase is not named:
            score /= 2
        yield Candidate(declared.kind, round(score, 3), tuple(evidence))


def recognise_table(table: PrintedTable, phase: Phase | None = None) -> Recognition:
    """What ``table`` is: by its title when it is one a table is printed under, else the
    declared table of ``phase`` (of either family when ``None``) it shows most evidence of,
    when that one clearly beats the rest."""
    exact = recognise(table.title) if table.title else None
    if exact is not None:
        return Recognition(exact, exact=True, candidates=(Candidate(exact, math.inf),))
    phases = (Phase.BUDGET, Phase.FINAL) if phase is None else (phase,)
    ranked = tuple(sorted(_candidates(table, phases), key=lambda c: -c.score))
    best = ranked[0] if ranked else None
    runner = ranked[1].score if len(ranked) > 1 else 0.0
    clearly = best is not None and (
        best.score >= _CLEARLY * runner or best.score - runner >= _AHEAD
    )
    if best is not None and best.score >= _ENOUGH and clearly:
        return Recognition(best.kind, candidates=ranked)
    return Recognition(None, candidates=ranked)


def describe(candidate: Candidate) -> str:
    """A candidate as a finding names it: the table and its evidence."""
    kind = candidate.kind
    name = kind.SPEC.title if isinstance(kind, type) else kind
    why = "、".join(candidate.evidence) or "无明显依据"
    return f"{name}（{why}）"


def closest_names(recognition: Recognition) -> Sequence[str]:
    """The closest candidates of an unrecognised table, each with its evidence."""
    return [describe(candidate) for candidate in recognition.closest()]
