"""The vocabulary as data: every word of the tables and the explanation readers comes from
``govbudget/vocabulary/data``, is declared once, and a synonym added there reaches every place
that reads the concept."""

from __future__ import annotations

import csv
import io
from importlib import resources

import attrs
import pytest

from govbudget import vocabulary
from govbudget.classification import normalize_name
from govbudget.disclosure.facts import FACT_LABELS, FINAL_FACT_LABELS, FinalStatedFacts, StatedFacts
from govbudget.reading import explanation, final_explanation, phrasing
from govbudget.reading.recognition import GOVERNMENT
from govbudget.tables import (
    STANDARD_FINAL_TABLES,
    STANDARD_TABLES,
    ThreePublicExpensesTable,
    strip_ordinal,
)

TABLES = (*STANDARD_TABLES, *STANDARD_FINAL_TABLES)
KEYS = {kind.SPEC.key for kind in TABLES}


def data(name: str) -> list[dict[str, str]]:
    text = resources.files("govbudget.vocabulary").joinpath("data", name).read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_every_term_names_a_declared_concept_in_a_known_table() -> None:
    concepts = vocabulary.concepts()
    for row in data("terms.csv"):
        assert row["concept"] in concepts, row
        assert row["context"] in ("", *KEYS), row
        assert row["use"] in ("any", "cell", "text"), row
        assert row["family"] in ("", "budget", "final"), row
    # Titles of tables outside the standard sets, recognised to be told apart from them.
    assert {row["table"] for row in data("titles.csv")} <= KEYS | {GOVERNMENT}


def test_a_term_is_declared_once() -> None:
    seen: set[tuple[str, ...]] = set()
    for row in data("terms.csv"):
        key = (
            row["concept"],
            normalize_name(row["term"]),
            row["use"],
            row["family"],
            row["context"],
        )
        assert key not in seen, row
        seen.add(key)


@pytest.mark.parametrize("kind", TABLES, ids=lambda kind: kind.SPEC.key)
def test_every_row_and_column_names_a_concept_and_no_two_share_a_word(kind: type) -> None:
    concepts = vocabulary.concepts()
    for block in kind.SPEC.blocks:
        headers: dict[str, str] = {}
        for column in block.columns:
            assert (column.concept or column.key) in concepts, column
            for word in {normalize_name(w) for w in (column.header, *column.aliases)}:
                assert headers.setdefault(word, column.key) == column.key, (word, column.key)
        labels: dict[tuple[str, str | None], str] = {}
        for row in block.rows:
            assert (row.concept or row.key) in concepts, row
            for word in {strip_ordinal(w) for w in (row.label, *row.aliases)}:
                assert labels.setdefault((word, row.under), row.key) == row.key, (word, row.key)


@pytest.mark.parametrize(
    ("labels", "facts"),
    [(explanation._LABELS, StatedFacts), (final_explanation._LABELS, FinalStatedFacts)],
)
def test_no_word_of_an_explanation_states_two_facts(
    labels: dict[str, tuple[str, ...]], facts: type
) -> None:
    stated: dict[str, str] = {}
    for fact, words in labels.items():
        assert fact in attrs.fields_dict(facts) or fact == "budget", fact
        for word in words:
            assert stated.setdefault(word, fact) == fact, (word, fact)


def test_every_fact_has_a_label() -> None:
    for facts, labels in ((StatedFacts, FACT_LABELS), (FinalStatedFacts, FINAL_FACT_LABELS)):
        for field in attrs.fields(facts):
            if (
                field.type in ("Figure", "StatedChange | None", "int | None")
                and field.name != "year"
            ):
                assert field.name in labels, field.name


def test_a_synonym_is_one_line_of_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """A province prints 公务接待支出 for 公务接待费: one line in terms.csv, and both a "三公" table
    and an explanation read it."""
    reception = ThreePublicExpensesTable.SPEC.block("rows").row("reception")
    assert reception is not None and not reception.matches("公务接待支出")
    assert "公务接待支出" not in phrasing.stated_as("reception", "budget")
    rows = vocabulary._rows

    def with_the_line(name: str) -> list[dict[str, str]]:
        found = rows(name)
        if name == "terms.csv":
            found.append(
                {
                    "concept": "reception",
                    "term": "公务接待支出",
                    "use": "any",
                    "family": "",
                    "context": "",
                    "note": "a test's province",
                }
            )
        return found

    monkeypatch.setattr(vocabulary, "_rows", with_the_line)
    vocabulary.concepts.cache_clear()
    try:
        spec = attrs.evolve(ThreePublicExpensesTable.SPEC)  # rows that ask the data afresh
        again = spec.block("rows").row("reception")
        assert again is not None and again.matches("公务接待支出")
        assert "公务接待支出" in phrasing.stated_as("reception", "budget")
        assert "公务接待支出" in phrasing.stated_as("reception", "final")
    finally:
        vocabulary.concepts.cache_clear()


def test_a_malformed_line_says_where_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(vocabulary.VocabularyError, match="no concept 'nothing'"):
        vocabulary.concept("nothing")
    original = vocabulary._rows
    line = {"concept": "reception", "term": "x", "use": "sometimes", "family": "", "context": ""}

    def broken(name: str) -> list[dict[str, str]]:
        return [{**line, "note": ""}] if name == "terms.csv" else original(name)

    monkeypatch.setattr(vocabulary, "_rows", broken)
    vocabulary.concepts.cache_clear()
    try:
        with pytest.raises(vocabulary.VocabularyError, match=r"terms.csv, line 2: use 'sometimes'"):
            vocabulary.concepts()
    finally:
        monkeypatch.undo()
        vocabulary.concepts.cache_clear()
