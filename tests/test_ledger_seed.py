"""The seed as a ledger (examples/seed_ledger.py): its derived tables print every figure the seed
prints, its four rounding differences included — the seed reconciles completely."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from govbudget import DepartmentBudget, Severity, Unit, agree, check
from govbudget.ledger import derive, explanation
from govbudget.reading import read_facts

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))

import seed_ledger
from seed_budget import FACTS
from seed_goals import project_goals
from seed_tables import build_tables

DERIVED: DepartmentBudget = derive(seed_ledger.ledger(), extra_classes=seed_ledger.UNCODED_CLASSES)
SEED = build_tables()


@pytest.mark.parametrize("number", range(1, 10))
def test_each_derived_table_is_the_published_table(number: int) -> None:
    derived, printed = DERIVED.tables[number - 1], SEED[number - 1]
    assert derived.SPEC.number == number
    assert derived == printed


def test_every_printed_figure_is_reproduced() -> None:
    """The same, figure by figure: equal tables could hide nothing, but a failure here names
    the cell."""
    for derived, printed in zip(DERIVED.tables, SEED, strict=True):
        for mine, theirs in zip(derived.blocks(), printed.blocks(), strict=True):
            assert mine.columns == theirs.columns
            assert [row.key for row in mine.rows] == [row.key for row in theirs.rows]
            for row in theirs.rows:
                for column in theirs.columns:
                    assert mine.value(row.key, column) == theirs.value(row.key, column), (
                        f"{printed.title} {row.key} {column}"
                    )


def children_sum(code: str, column: str) -> Decimal:
    """The 款 of a 类 of the derived 基本支出表, added up as printed."""
    basic = DERIVED.basic_expenditure
    assert basic is not None
    figures = [basic.value(row.key, column) for row in basic.rows if len(row.key) == 5]
    keys = [row.key for row in basic.rows if len(row.key) == 5]
    return sum(
        (f or Decimal(0) for f, key in zip(figures, keys, strict=True) if key.startswith(code)),
        Decimal(0),
    )


def test_the_four_rounding_differences_come_out_as_printed() -> None:
    basic, expenditure = DERIVED.basic_expenditure, DERIVED.expenditure
    assert basic is not None and expenditure is not None
    assert (basic.value("302", "total"), children_sum("302", "total")) == (
        Decimal("11.39"),
        Decimal("11.38"),
    )
    assert (basic.value("301", "total"), children_sum("301", "total")) == (
        Decimal("182.21"),
        Decimal("182.22"),
    )
    split = [basic.value("total", "personnel"), basic.value("total", "public")]
    assert (basic.value("total", "total"), sum(split, Decimal(0))) == (
        Decimal("193.61"),
        Decimal("193.60"),
    )
    classes = [expenditure.value(code, "total") for code in ("201", "210", "221")]
    assert classes == [Decimal("256.59"), Decimal("14.53"), Decimal("12.48")]
    assert (expenditure.value("total", "total"), sum(classes, Decimal(0))) == (
        Decimal("283.61"),
        Decimal("283.60"),
    )
    # Each is a rounding difference, as the rounding model says; in 元 the sums hold exactly.
    assert agree(basic.value("total", "total"), split).ok
    exact = derive(seed_ledger.ledger(), unit=Unit.YUAN).basic_expenditure
    assert exact is not None
    assert exact.value("302", "total") == Decimal("113905.00")
    assert exact.value("total", "total") == Decimal("1936050.00")


def test_the_search_finds_the_offsets_the_example_holds() -> None:
    assert seed_ledger.find_offsets() == seed_ledger.OFFSETS
    assert all(abs(offset) < 50 for offset in seed_ledger.OFFSETS)


def test_each_item_prints_as_the_seed_prints_its_row() -> None:
    for each, printed in zip(seed_ledger.items(), seed_ledger.PRINTED, strict=True):
        assert each.amount.scaleb(-4).quantize(Decimal("0.01")) == Decimal(printed)


def test_the_derived_facts_are_the_seeds_stated_facts() -> None:
    derived = DERIVED.facts
    assert set(derived.stated()) <= set(FACTS.stated())
    for name in derived.stated():
        assert getattr(derived, name) == getattr(FACTS, name), name
    # What the text states beyond the tables: the changes, and the (wrong) fixed assets.
    assert set(FACTS.stated()) - set(derived.stated()) == {
        "change",
        "change_basic",
        "change_project",
        "three_public_change",
        "fixed_assets_value",
        "planned_asset_purchases",
    }


def test_the_goals_get_the_budgets_their_tables_print() -> None:
    assert list(DERIVED.project_goals) == project_goals()


def test_the_derived_seed_has_no_error() -> None:
    report = check(DERIVED)
    assert report.errors == ()
    assert [f.rule for f in report.warnings] == ["DOC-THREE-PUBLIC"]  # no comparison stated
    assert {f.rule for f in report if f.severity is Severity.INFO} == {"PG-COST-EQUALS-BUDGET"}


def test_the_seeds_explanation_reads_back_and_agrees_with_the_tables() -> None:
    """The derived facts with the changes the seed states, written and read again."""
    changes = {
        name: getattr(FACTS, name)
        for name in ("change", "change_basic", "change_project", "three_public_change")
    }
    budget = attrs.evolve(DERIVED, facts=attrs.evolve(DERIVED.facts, **changes))
    text = explanation(budget)
    assert "较2024年预算" not in text and "比2024年预算增加21.20万元" in text
    reading = read_facts(text)
    assert reading.findings == ()
    assert attrs.evolve(reading.facts, quotes=()) == budget.facts
    report = check(attrs.evolve(budget, facts=reading.facts))
    assert report.errors == ()
