"""The JSON Schema of govbudget documents: generated, shipped, and agreeing with the reader."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

import govbudget
from govbudget.strategies import project_goals, tables
from govbudget.tables import STANDARD_FINAL_TABLES, STANDARD_TABLES
from govbudget.writing.jsonio import DOCUMENT_TYPES, ROW_KEYS, from_dict, to_dict
from govbudget.writing.schema import SCHEMA_DIALECT, json_schema, schema_text

ROOT = Path(__file__).resolve().parent.parent
SHANGHAI_BUDGETS = sorted((ROOT / "tests" / "data" / "cases").glob("shanghai-*-2026.json"))
REGENERATE = (
    "python -c \"from govbudget.writing.schema import schema_text; print(schema_text(), end='')\""
    " > src/govbudget/writing/document.schema.json"
)

sys.path.insert(0, str(ROOT / "examples"))
from seed_budget import build_budget  # noqa: E402

SEED = build_budget()
VALIDATOR = Draft202012Validator(json_schema())


def test_the_shipped_schema_is_the_generated_one() -> None:
    shipped = resources.files("govbudget.writing").joinpath("document.schema.json")
    text = shipped.read_text("utf-8")
    assert json.loads(text) == json_schema(), f"stale: regenerate with {REGENERATE}"
    assert text == schema_text(), f"stale: regenerate with {REGENERATE}"


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json_schema()
    assert schema["$schema"] == SCHEMA_DIALECT
    Draft202012Validator.check_schema(schema)


def test_the_schema_has_a_branch_per_document_type_and_table_kind() -> None:
    branches = json_schema()["allOf"]
    assert isinstance(branches, list)
    tags = [
        branch["then"]["properties"]["type"]["const"]
        for branch in branches
        if "type" in branch["then"]["properties"]
    ]
    assert sorted(set(tags)) == sorted(DOCUMENT_TYPES)
    assert tags.count("Table") == len(STANDARD_TABLES) + len(STANDARD_FINAL_TABLES)


def test_a_row_of_each_block_has_exactly_the_declared_columns() -> None:
    definitions = json_schema()["$defs"]
    assert isinstance(definitions, dict)
    for kind in STANDARD_TABLES:
        for block in kind.SPEC.blocks:
            row = definitions[f"{kind.__name__}.{block.key}"]
            declared = [*ROW_KEYS, *(column.key for column in block.columns)]
            assert list(row["properties"]) == declared
            assert row["additionalProperties"] is False


def _seed_documents() -> list[object]:
    parts: list[object] = [SEED, *SEED.tables, SEED.facts, *SEED.project_goals, *SEED.units]
    parts += [SEED.procurement, SEED.fixed_assets, SEED.department_goals, govbudget.check(SEED)]
    parts += [govbudget.functional_classification(2025), SEED.project_goals[0].indicators[0]]
    return parts


@pytest.mark.parametrize("obj", _seed_documents(), ids=lambda obj: type(obj).__name__)
def test_the_seed_documents_are_valid(obj: object) -> None:
    errors = list(VALIDATOR.iter_errors(to_dict(obj)))
    assert not errors, best_match(errors).message


@pytest.mark.parametrize("path", SHANGHAI_BUDGETS, ids=lambda path: path.stem)
def test_the_shanghai_budgets_are_valid(path: Path) -> None:
    budget = govbudget.read_bundle(json.loads(path.read_text("utf-8")))
    assert budget.tables
    errors = list(VALIDATOR.iter_errors(to_dict(budget)))
    assert not errors, best_match(errors).message


@settings(max_examples=50)
@given(tables() | project_goals())
def test_generated_documents_are_valid(obj: object) -> None:
    errors = list(VALIDATOR.iter_errors(to_dict(obj)))
    assert not errors, best_match(errors).message


def _corrupt(change: str) -> dict[str, Any]:
    document = to_dict(SEED)
    row = document["tables"][5]["rows"][3]  # 基本支出表, 30102 津贴补贴
    if change == "amount as a number":
        row["public"] = 11.39
    elif change == "malformed amount":
        row["public"] = "12.3.4"
    elif change == "unknown key in a row":
        row["bogus"] = "1.00"
    elif change == "unknown key at the top":
        document["budget_year"] = 2025
    elif change == "unknown key in the facts":
        document["facts"]["incom_total"] = "283.61"
    elif change == "unknown table kind":
        document["tables"][5]["kind"] = "basic"
    elif change == "unknown version":
        document["version"] = 2
    elif change == "unknown unit":
        document["tables"][5]["header"]["unit"] = "千元"
    return document


CORRUPTIONS = [
    "amount as a number",
    "malformed amount",
    "unknown key in a row",
    "unknown key at the top",
    "unknown key in the facts",
    "unknown table kind",
    "unknown version",
    "unknown unit",
]


@pytest.mark.parametrize("change", CORRUPTIONS)
def test_a_corrupted_document_fails_the_schema_as_it_fails_the_reader(change: str) -> None:
    document = _corrupt(change)
    assert not VALIDATOR.is_valid(document)
    with pytest.raises(govbudget.GovBudgetError):
        from_dict(document)


def test_the_schema_points_at_an_amount_written_as_a_number() -> None:
    error = best_match(VALIDATOR.iter_errors(_corrupt("amount as a number")))
    assert error.json_path == "$.tables[5].rows[3].public"
