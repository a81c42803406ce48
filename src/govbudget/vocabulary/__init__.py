"""The words of budget disclosures, as data: the concepts, the terms that name them, the titles
of the tables, the labels of the stated facts.

Each concept — an amount a disclosure names (公务接待费, 本年收入合计, 上年结转结余 …) or a word of
the tables' layout (合计, 预算数, 决算数) — is declared once in ``data/concepts.csv``; every
other way it is printed is one line of ``data/terms.csv``::

    concept,term,use,family,context,note
    reception,公务接待费用,any,,,

``use`` says where the term names the concept: ``any``, ``cell`` (a whole printed label or
header only: "购置费" in a "三公" table, not in a sentence) or ``text`` (running text only);
``family`` restricts it to ``budget`` or ``final`` (部门预算 or 部门决算); ``context`` to one table
(a table key: "上年结转" is the appropriations' carry-over in the appropriation summary). The
tables' declarations link each row and column to a concept, and take its terms as the other
headers and labels they accept; the readers of explanations take the terms of each stated
fact's concept; ``data/titles.csv`` holds the titles a table is also printed under, and
``data/facts.csv`` the label of each stated fact in findings. A synonym a province prints is one
line of data.

The data is read on first use, once.

>>> concept("reception").label
'公务接待费'
>>> cell_words("vehicle_purchase", "budget", "three_public_expenses")
('公务用车购置费', '购置费', '公务用车购置', '车辆购置')
>>> text_words("vehicle_purchase", "final")
('公务用车购置费', '公务用车购置')
>>> fact_labels("final")["income_total"]
'本年收入合计'
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterator, Mapping

import attrs

from govbudget.errors import GovBudgetError

__all__ = [
    "FAMILIES",
    "Concept",
    "FactLabels",
    "Term",
    "Use",
    "VocabularyError",
    "cell_words",
    "concept",
    "concepts",
    "fact_concepts",
    "fact_labels",
    "fact_of",
    "text_words",
    "titles",
]

FAMILIES = ("budget", "final")
"""The two families of disclosures, as the data names them: 部门预算 and 部门决算."""


class VocabularyError(GovBudgetError, ValueError):
    """The vocabulary's data is malformed, or a concept it does not declare was asked for."""


class Use(enum.Enum):
    """Where a term names its concept."""

    ANY = "any"
    """In a table's labels and headers, and in running text."""
    CELL = "cell"
    """Only as a whole printed label or header: too short or too generic for running text."""
    TEXT = "text"
    """Only in running text (an explanation's sentence)."""


@attrs.frozen(slots=True)
class Term:
    """One way a concept is printed, and where it names the concept."""

    text: str
    use: Use = Use.ANY
    family: str | None = None
    context: str | None = None
    note: str = ""

    def names_in(self, use: Use, family: str, context: str | None) -> bool:
        """Whether the term names its concept in a ``use`` of ``family`` (in table ``context``)."""
        return (
            self.use in (Use.ANY, use)
            and self.family in (None, family)
            and self.context in (None, context)
        )


@attrs.frozen(slots=True)
class Concept:
    """A concept: its key, its label as a standard layout prints it, its English name, and every
    other term it is printed with."""

    key: str
    label: str
    english: str
    terms: tuple[Term, ...] = ()

    def words(self, use: Use, family: str, context: str | None = None) -> tuple[str, ...]:
        """The terms naming the concept in ``use`` (cells or text) of ``family`` — those of a
        table too when ``context`` is its key — in the order of the data, each once."""
        found = (t.text for t in self.terms if t.names_in(use, family, context))
        return tuple(dict.fromkeys(found))


def _rows(name: str) -> list[dict[str, str]]:
    # With the first use of the data, not with govbudget.
    import csv
    import io
    from importlib import resources

    text = (
        resources.files("govbudget.vocabulary").joinpath("data").joinpath(name).read_text("utf-8")
    )
    return list(csv.DictReader(io.StringIO(text)))


def _optional(value: str, allowed: tuple[str, ...] | None, what: str, where: str) -> str | None:
    if not value:
        return None
    if allowed is not None and value not in allowed:
        raise VocabularyError(f"{where}: {what} {value!r} is not one of {', '.join(allowed)}")
    return value


@functools.cache
def concepts() -> Mapping[str, Concept]:
    """Every concept, by key, with its terms.

    >>> len(concepts()) > 50, "三公" in concepts()["three_public_total"].label
    (True, True)
    """
    terms: dict[str, list[Term]] = {}
    for number, row in enumerate(_rows("terms.csv"), start=2):
        where = f"vocabulary/data/terms.csv, line {number}"
        try:
            use = Use(row["use"] or "any")
        except ValueError:
            raise VocabularyError(f"{where}: use {row['use']!r} is not any, cell or text") from None
        term = Term(
            row["term"],
            use,
            _optional(row["family"], FAMILIES, "family", where),
            _optional(row["context"], None, "context", where),
            row["note"],
        )
        terms.setdefault(row["concept"], []).append(term)
    found = {
        row["key"]: Concept(
            row["key"], row["label"], row["english"], tuple(terms.pop(row["key"], ()))
        )
        for row in _rows("concepts.csv")
    }
    if terms:
        raise VocabularyError(
            f"vocabulary/data/terms.csv: terms of undeclared concepts {sorted(terms)}"
        )
    return found


def concept(key: str) -> Concept:
    """The concept ``key``.

    >>> concept("travel_abroad").english
    'official travel abroad'
    """
    found = concepts().get(key)
    if found is None:
        raise VocabularyError(
            f"no concept {key!r} in the vocabulary (vocabulary/data/concepts.csv)"
        )
    return found


def cell_words(key: str, family: str, table: str) -> tuple[str, ...]:
    """The labels and headers naming concept ``key`` in table ``table`` of ``family``."""
    return concept(key).words(Use.CELL, family, table)


def text_words(key: str, family: str) -> tuple[str, ...]:
    """The terms naming concept ``key`` in the explanations of ``family``."""
    return concept(key).words(Use.TEXT, family)


@functools.cache
def _titles() -> Mapping[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for row in _rows("titles.csv"):
        found.setdefault(row["table"], []).append(row["title"])
    return {table: tuple(each) for table, each in found.items()}


def titles(table: str) -> tuple[str, ...]:
    """The titles table ``table`` is also printed under (its standard title is its
    declaration's).

    >>> titles("income_final")
    ('收入决算总表',)
    """
    return _titles().get(table, ())


@functools.cache
def _facts() -> Mapping[str, tuple[Mapping[str, str], Mapping[str, str]]]:
    labels: dict[str, dict[str, str]] = {family: {} for family in FAMILIES}
    links: dict[str, dict[str, str]] = {family: {} for family in FAMILIES}
    known = concepts()
    for number, row in enumerate(_rows("facts.csv"), start=2):
        where = f"vocabulary/data/facts.csv, line {number}"
        family = _optional(row["family"], FAMILIES, "family", where)
        if family is None:
            raise VocabularyError(f"{where}: a fact belongs to one family")
        labels[family][row["fact"]] = row["label"]
        if row["concept"]:
            if row["concept"] not in known:
                raise VocabularyError(f"{where}: no concept {row['concept']!r}")
            links[family][row["fact"]] = row["concept"]
    return {family: (labels[family], links[family]) for family in FAMILIES}


def fact_labels(family: str) -> Mapping[str, str]:
    """The label findings print for each stated fact of ``family`` that is an amount or a count
    (a change's label is its amount's, followed by 比上年增减)."""
    return _facts()[family][0]


def fact_concepts(family: str) -> Mapping[str, str]:
    """The concept each stated fact of ``family`` is an amount of, where it is one."""
    return _facts()[family][1]


def fact_of(family: str, concept: str) -> str:
    """The stated fact of ``family`` that is an amount of ``concept``.

    >>> fact_of("final", "operating"), fact_of("budget", "income_grand_total")
    ('operating_expenditure', 'income_total')
    """
    found = [fact for fact, each in fact_concepts(family).items() if each == concept]
    if len(found) != 1:
        raise VocabularyError(f"{len(found)} stated facts of {family} are amounts of {concept!r}")
    return found[0]


class FactLabels(Mapping[str, str]):
    """The label findings print for each stated fact of a family, read on first use: the
    labels of ``data/facts.csv``, then each change's, its amount's label followed by 比上年增减
    (``change_of`` names the amount of each change) unless the data gives it one.

    >>> labels = FactLabels("budget", {"change_basic": "basic", "change": "expenditure_total"})
    >>> labels["basic"], labels["change_basic"], labels["change"]
    ('基本支出', '基本支出比上年增减', '预算收支比上年增减')
    """

    def __init__(self, family: str, change_of: Mapping[str, str]) -> None:
        self._family = family
        self._change_of = change_of
        self._labels: dict[str, str] | None = None

    def _all(self) -> dict[str, str]:
        if self._labels is None:
            given = fact_labels(self._family)
            self._labels = {
                **given,
                **{
                    change: f"{given[amount]}比上年增减"
                    for change, amount in self._change_of.items()
                    if change not in given
                },
            }
        return self._labels

    def __getitem__(self, name: str) -> str:
        return self._all()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())
