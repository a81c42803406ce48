"""govbudget's JSON documents: round trips, stable bytes, amounts as held, strict reading."""

from __future__ import annotations

import copy
import json
import os
import pickle
import subprocess
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import govbudget
from govbudget import (
    DepartmentBudget,
    Finding,
    GovBudgetError,
    Report,
    Severity,
    Table,
    TableHeader,
    Unit,
    check,
    functional_classification,
)
from govbudget.amounts import convert
from govbudget.classification import Subject
from govbudget.disclosure import BudgetUnit, ProcurementItem, ProcurementTable
from govbudget.performance import parse_target
from govbudget.reading.goal_grid import read_goal_grid
from govbudget.strategies import department_goals, project_goals, subjects, tables
from govbudget.tables import BasicExpenditureTable, Row
from govbudget.writing import jsonio
from govbudget.writing.jsonio import (
    DOCUMENT_TYPES,
    FORMAT_VERSION,
    JSONError,
    from_dict,
    from_json,
    parse_json,
    to_dict,
    to_json,
)

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "tests" / "data" / "cases").glob("*.json"))

sys.path.insert(0, str(ROOT / "examples"))
from seed_budget import build_budget  # noqa: E402

SEED = build_budget()


def _seed_parts() -> Iterator[tuple[str, object]]:
    yield "seed budget", SEED
    for table in SEED.tables:
        yield type(table).__name__, table
    assert SEED.procurement is not None and SEED.fixed_assets is not None
    yield "procurement", SEED.procurement
    yield "fixed assets", SEED.fixed_assets
    yield "facts", SEED.facts
    yield "department goals", SEED.department_goals
    for number, goal in enumerate(SEED.project_goals):
        yield f"project goal {number}", goal
        yield f"indicator of goal {number}", goal.indicators[0]
        yield f"checkpoint of goal {number}", goal.schedule[0]
    yield "unit", SEED.units[0]
    yield "asset row", SEED.fixed_assets.rows[0]
    assert SEED.department_goals is not None
    yield "department goal item", SEED.department_goals.items[0]
    item = ProcurementItem(
        "台式计算机",
        project="本级网络安全工作经费",
        catalogue_number="A02010104",
        measure="台",
        quantity="2",
        unit_price="0.50",
        total="1.00",
        general_public="1.00",
        sme_reserve="1.00",
    )
    yield "procurement item", item
    yield "procurement with an item", ProcurementTable(SEED.department, items=[item])
    report = check(SEED)
    yield "report", report
    yield "finding", report[0]
    yield "location", report[0].location
    change = SEED.facts.change_basic
    assert change is not None
    yield "stated change", change
    yield "header", SEED.tables[0].header
    yield "catalogue", functional_classification(2025)
    yield "subject", functional_classification(2025)["2013701"]


def _documents() -> Iterator[tuple[str, object]]:
    yield from _seed_parts()
    sample = (ROOT / "src" / "govbudget" / "samples" / "kaiping_2025.txt").read_text("utf-8")
    yield "kaiping text", govbudget.read_text(sample)
    for path in CASES:
        yield path.stem, govbudget.read_bundle(json.loads(path.read_text("utf-8")))
    yield from _final_parts()
    yield from _department_goal_table()
    yield from _cost_breakdown()


def _cost_breakdown() -> Iterator[tuple[str, object]]:
    """A real 项目支出绩效目标表 with 项目预算成本构成 (鄂州, 湖北), read from its page, and its
    cost rows."""
    page = ROOT / "tests" / "data" / "goal-pages" / "hubei-ezhou-office-building-2022"
    bundle = json.loads((page / "bundle.json").read_text("utf-8"))
    goal = read_goal_grid(bundle["tables"][0]["rows"], year=bundle["budget_year"]).goal
    assert goal is not None and goal.costs and goal.cost_total is not None
    yield "cost breakdown goal", goal
    yield "cost item", goal.costs[0]
    yield "cost figure", goal.cost_total.figures[1]


def _department_goal_table() -> Iterator[tuple[str, object]]:
    """A real 部门整体支出绩效目标表 (宁德, 福建), read from its page, and its parts."""
    page = ROOT / "tests" / "data" / "pages" / "fujian-ningde-party-history-chronicles-office-2019"
    budget = govbudget.read_bundle(json.loads((page / "bundle.json").read_text("utf-8")))
    assert isinstance(budget, govbudget.DepartmentBudget)
    table = budget.department_goal_table
    assert table is not None and table.duties and table.indicators
    yield "department goal page", budget
    yield "department goal table", table
    yield "duty goal", table.duties[0]
    yield "department indicator", table.indicators[0]


def _final_parts() -> Iterator[tuple[str, object]]:
    """The parts of final accounts that a document of its own can hold."""
    from govbudget.disclosure.statements import Restatement

    path = ROOT / "tests" / "data" / "cases" / "shanghai-putuo-shiquan-2025-final.json"
    accounts = govbudget.read_bundle(json.loads(path.read_text("utf-8")))
    assert isinstance(accounts, govbudget.DepartmentFinalAccounts)
    facts = accounts.facts
    yield "final facts", facts
    yield "stated execution", facts.executions[0]
    yield "stated class", facts.general_public_classes[0]
    yield "stated share", facts.shares[0]
    yield "stated evaluation", facts.evaluations[0]
    yield "restatement", Restatement("income_total", "19,044.26", "本年收入合计19,044.26万元")
    for table in accounts.tables:
        yield f"final {type(table).__name__}", table


DOCUMENTS = list(_documents())


@pytest.mark.parametrize("obj", [obj for _, obj in DOCUMENTS], ids=[n for n, _ in DOCUMENTS])
def test_round_trip_gives_an_equal_object_and_the_same_bytes(obj: object) -> None:
    text = to_json(obj)
    back = from_json(text)
    assert type(back) is type(obj)
    assert back == obj
    # Decimal("0.00") == Decimal("0"): equality alone would not see a precision lost.
    assert to_json(back) == text
    assert to_json(obj) == text
    assert json.loads(text) == to_dict(obj)
    assert text.endswith("}\n") and not text.endswith("\n\n")


_WRITE_SEED = """
import sys
sys.path.insert(0, "examples")
from seed_budget import build_budget
from govbudget import check, functional_classification
from govbudget.writing.jsonio import to_json
budget = build_budget()
for obj in (budget, check(budget), functional_classification(2025)):
    sys.stdout.buffer.write(to_json(obj).encode("utf-8"))
"""


def test_two_processes_write_the_same_bytes() -> None:
    outputs = [
        subprocess.run(
            [sys.executable, "-c", _WRITE_SEED],
            capture_output=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        ).stdout
        for seed in ("1", "2")
    ]
    assert outputs[0] == outputs[1]
    assert outputs[0].startswith(to_json(SEED).encode("utf-8"))


def test_every_document_type_is_covered() -> None:
    assert {to_dict(obj)["type"] for _, obj in DOCUMENTS} == set(DOCUMENT_TYPES)


def test_read_findings_travel_with_the_budget() -> None:
    budget = next(obj for name, obj in DOCUMENTS if name == "shanghai-putuo-chengguan-2026")
    assert isinstance(budget, DepartmentBudget) and budget.read_findings
    back = from_json(to_json(budget), DepartmentBudget)
    assert back.read_findings == budget.read_findings
    assert check(back) == check(budget)


@given(tables())
def test_any_table_round_trips_to_the_same_bytes(table: Table) -> None:
    text = to_json(table)
    back = from_json(text, Table)
    assert back == table
    assert to_json(back) == text
    assert back.blocks() == table.blocks()


@given(project_goals() | department_goals() | subjects())
def test_any_goal_or_subject_round_trips_to_the_same_bytes(obj: object) -> None:
    text = to_json(obj)
    back = from_json(text)
    assert back == obj
    assert to_json(back) == text


def _walk(value: object) -> Iterator[object]:
    yield value
    if isinstance(value, dict):
        for each in value.values():
            yield from _walk(each)
    elif isinstance(value, list):
        for each in value:
            yield from _walk(each)


def test_no_amount_is_ever_a_float() -> None:
    for _, obj in DOCUMENTS:
        assert not any(isinstance(value, float) for value in _walk(to_dict(obj)))


HEADER = TableHeader("某部门", 2025, Unit.YUAN)


def test_amounts_are_written_exactly_as_held() -> None:
    table = BasicExpenditureTable.from_rows(
        HEADER,
        [("302", "商品和服务支出", {"total": "47483458", "personnel": "0.00", "public": "182.21"})],
    )
    row = to_dict(table)["rows"][0]
    assert row == {
        "key": "302",
        "label": "商品和服务支出",
        "total": "47483458",
        "personnel": "0.00",
        "public": "182.21",
    }


def test_a_blank_cell_is_null_and_not_zero() -> None:
    table = BasicExpenditureTable.from_rows(
        HEADER, [("302", "商品和服务支出", {"total": "0.00", "public": "0"})]
    )
    row = to_dict(table)["rows"][0]
    assert (row["total"], row["personnel"], row["public"]) == ("0.00", None, "0")
    back = from_dict(to_dict(table), BasicExpenditureTable)
    assert back.rows[0].values == (Decimal("0.00"), None, Decimal("0"))
    assert [str(v) for v in back.rows[0].values if v is not None] == ["0.00", "0"]


@pytest.mark.parametrize(
    ("figure", "written"),
    [
        (convert(Decimal("182.21"), Unit.WAN_YUAN, Unit.YUAN), "1.8221E+6"),
        (Decimal("0.0000001"), "0.0000001"),
        (Decimal("-0.00"), "-0.00"),
        (Decimal("-8.80"), "-8.80"),
    ],
)
def test_the_precision_of_a_figure_survives(figure: Decimal, written: str) -> None:
    finding = Finding("T1-BALANCE", Severity.ERROR, "t", "m", actual=figure)
    assert to_dict(finding)["actual"] == written
    back = from_dict(to_dict(finding), Finding)
    assert back.actual is not None and back.actual.as_tuple() == figure.as_tuple()


def test_keys_follow_the_declared_order_and_rows_the_printed_columns() -> None:
    table = BasicExpenditureTable.from_rows(
        HEADER,
        [("302", "商品和服务支出", {"total": "11.39", "public": "11.39"})],
        columns=("public", "total"),
        note="注：示例",
    )
    document = to_dict(table)
    assert list(document) == ["type", "version", "kind", "header", "rows", "columns", "note"]
    assert list(document["rows"][0]) == ["key", "label", "public", "total"]
    assert document["columns"] == ["public", "total"]
    assert from_dict(document) == table


def test_target_values_are_their_text_and_enums_their_value() -> None:
    goal = SEED.project_goals[0]
    document = to_dict(goal)
    assert document["unit"] == "万元"
    assert document["indicators"][3]["target"] == "≤10万元"
    assert from_dict(document, type(goal)).indicators[3].target == parse_target("≤10万元")
    assert to_dict(Subject("201", "一般公共服务支出"))["level"] == 1


def test_from_dict_takes_the_defaults_of_the_model_for_keys_left_out() -> None:
    document = {"type": "Table", "version": 1, "kind": "three_public_expenses"}
    document["header"] = {"department": "某部门", "year": 2025}
    table = from_dict(document)
    assert table == govbudget.tables.ThreePublicExpensesTable(TableHeader("某部门", 2025))


def test_a_document_must_hold_the_class_asked_for() -> None:
    text = to_json(SEED)
    assert from_json(text, DepartmentBudget) == SEED
    with pytest.raises(JSONError, match=r"^\$\.type: a DepartmentBudget document, where a Report"):
        from_json(text, Report)


@pytest.mark.parametrize(
    "obj", [Row("201", "一般公共服务支出", ["1.00"]), parse_target("≥90%"), Decimal("1"), {}]
)
def test_only_documents_are_written(obj: object) -> None:
    with pytest.raises(TypeError, match="is not a govbudget document"):
        to_dict(obj)


# --- strict reading ------------------------------------------------------------------------

Document = dict[str, Any]
Mutation = Callable[[Document], None]


def _set(path: tuple[str | int, ...], value: object) -> Mutation:
    def mutate(document: Document) -> None:
        target = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return mutate


def _drop(path: tuple[str | int, ...]) -> Mutation:
    def mutate(document: Document) -> None:
        target = document
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return mutate


T6 = ("tables", 5)  # the seed's 基本支出表
ROW = (*T6, "rows", 3)  # 30102 津贴补贴

FAULTS: list[tuple[str, Mutation, str, str]] = [
    (
        "malformed amount",
        _set((*ROW, "public"), "12.3.4"),
        "$.tables[5].rows[3].public",
        "'12.3.4' is not an amount",
    ),
    (
        "amount as a number",
        _set((*ROW, "public"), 11.39),
        "$.tables[5].rows[3].public",
        "11.39 is a number; an amount is a string",
    ),
    (
        "amount as an integer",
        _set((*ROW, "total"), 12),
        "$.tables[5].rows[3].total",
        "12 is a number",
    ),
    (
        "thousands separator",
        _set(("facts", "income_total"), "1,283.61"),
        "$.facts.income_total",
        "'1,283.61' is not an amount",
    ),
    (
        "blank mark",
        _set(("facts", "income_total"), "—"),
        "$.facts.income_total",
        "is not an amount",
    ),
    (
        "unknown column",
        _set((*ROW, "bogus"), "1.00"),
        "$.tables[5].rows[3].bogus",
        "'bogus' is not a column",
    ),
    (
        "column not printed",
        _set((*ROW, "basic"), "1.00"),
        "$.tables[5].rows[3].basic",
        "is not a column",
    ),
    (
        "column missing from a row",
        _drop((*ROW, "personnel")),
        "$.tables[5].rows[3].personnel",
        "required key is missing",
    ),
    (
        "row label not text",
        _set((*ROW, "label"), 3),
        "$.tables[5].rows[3].label",
        "3 is not a string",
    ),
    (
        "row not an object",
        _set(ROW, ["302", "1.00"]),
        "$.tables[5].rows[3]",
        "an array is not an object",
    ),
    (
        "unknown printed column",
        _set((*T6, "columns"), ["total", "basic"]),
        "$.tables[5].columns[1]",
        "'basic' is not a column of this table",
    ),
    (
        "unknown table kind",
        _set((*T6, "kind"), "basic"),
        "$.tables[5].kind",
        "'basic' is not a table kind",
    ),
    ("table without kind", _drop((*T6, "kind")), "$.tables[5].kind", "required key is missing"),
    ("unknown key in a table", _set((*T6, "title"), "x"), "$.tables[5].title", "unknown key"),
    (
        "unknown enum value",
        _set((*T6, "header", "unit"), "千元"),
        "$.tables[5].header.unit",
        "'千元' is not a Unit",
    ),
    (
        "year as text",
        _set((*T6, "header", "year"), "2025"),
        "$.tables[5].header.year",
        "'2025' is not an integer",
    ),
    ("year as a boolean", _set(("year",), True), "$.year", "true is not an integer"),
    ("year as a float", _set(("year",), 2025.0), "$.year", "2025.0 is not an integer"),
    (
        "misspelt key",
        _set(("facts", "incom_total"), "1.00"),
        "$.facts.incom_total",
        "StatedFacts has no field 'incom_total' (did you mean 'income_total'?)",
    ),
    ("unknown top-level key", _set(("budget_year",), 2025), "$.budget_year", "unknown key"),
    (
        "list where an object belongs",
        _set(("facts",), []),
        "$.facts",
        "an array is not an object (StatedFacts)",
    ),
    ("object where a list belongs", _set(("tables",), {}), "$.tables", "an object is not an array"),
    ("text where a list belongs", _set(("units",), "本级"), "$.units", "'本级' is not an array"),
    (
        "pair of the wrong length",
        _set(("facts", "quotes", 0), ["income_total"]),
        "$.facts.quotes[0]",
        "an array of 1 items, where 2 belong",
    ),
    (
        "target as a number",
        _set(("project_goals", 0, "indicators", 3, "target"), 10),
        "$.project_goals[0].indicators[3].target",
        "10 is not a string",
    ),
    (
        "unknown severity",
        _set(
            ("read_findings",),
            [{"rule": "READ-X", "severity": "fatal", "title": "t", "message": "m"}],
        ),
        "$.read_findings[0].severity",
        "'fatal' is not a Severity",
    ),
    ("missing field", _drop(("department",)), "$.department", "required key is missing"),
    (
        "a third decimal in 万元",
        _set((*ROW, "public"), "1.234"),
        "$.tables[5]",
        "1.234 has 3 decimals",
    ),
    (
        "a code of the wrong length",
        _set((*ROW, "key"), "30"),
        "$.tables[5]",
        "row code '30' has 2 digits",
    ),
    (
        "an unknown asset row",
        _set(("fixed_assets", "rows", 0, "key"), "land"),
        "$.fixed_assets.rows[0]",
        "unknown fixed-asset row 'land'",
    ),
    (
        "goal amount with 3 decimals",
        _set(("project_goals", 0, "budget"), "10.001"),
        "$.project_goals[0]",
        "has 3 decimals",
    ),
    (
        "two tables of a kind",
        lambda d: d["tables"].append(copy.deepcopy(d["tables"][0])),
        "$",
        "the disclosure holds two 部门预算收支总表",
    ),
    ("unknown type", _set(("type",), "Budget"), "$.type", "'Budget' is not a document type"),
    ("no type", _drop(("type",)), "$.type", "required key is missing"),
    (
        "newer version",
        _set(("version",), 2),
        "$.version",
        "unknown format version 2 (written by a newer govbudget?)",
    ),
    ("older version", _set(("version",), 0), "$.version", "unknown format version 0;"),
    ("version as text", _set(("version",), "1"), "$.version", "'1' is not an integer"),
    ("no version", _drop(("version",)), "$.version", "required key is missing"),
]


@pytest.mark.parametrize(
    ("mutate", "path", "message"),
    [fault[1:] for fault in FAULTS],
    ids=[fault[0] for fault in FAULTS],
)
def test_a_faulty_document_is_refused_with_the_path_to_the_fault(
    mutate: Mutation, path: str, message: str
) -> None:
    document = to_dict(SEED)
    mutate(document)
    with pytest.raises(JSONError) as raised:
        from_dict(document)
    assert raised.value.path == path
    assert str(raised.value).startswith(f"{path}: ")
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)
    with pytest.raises(JSONError) as again:
        from_json(json.dumps(document, ensure_ascii=False))
    assert str(again.value) == str(raised.value)


def test_the_first_of_several_faults_is_named() -> None:
    document = to_dict(SEED)
    document["year"] = "2025"
    document["facts"]["income_total"] = 283.61
    with pytest.raises(JSONError, match=r"^\$\.year: "):
        from_dict(document)


@pytest.mark.parametrize(
    ("text", "path", "message"),
    [
        (
            '{"type": "DepartmentBudget", "version": 1, "tables": [{"kind": "income", "rows": [{"ke',
            "$.tables[0].rows[0]",
            "not valid JSON (Unterminated string starting at line 1",
        ),
        (
            '{"type": "Report", "version": 1, "findings": [',
            "$.findings[0]",
            "not valid JSON (Expecting value at line 1, column 47)",
        ),
        (
            '{"type": "Report", "version": 1,}',
            "$",
            "Expecting property name enclosed in double quotes",
        ),
        ("", "$", "not valid JSON (Expecting value at line 1, column 1)"),
        ('["Report", 1]', "$", "an array is not a govbudget document"),
        ("null", "$", "null is not a govbudget document"),
    ],
)
def test_a_text_that_is_no_document_is_refused_with_a_path(
    text: str, path: str, message: str
) -> None:
    with pytest.raises(JSONError) as raised:
        from_json(text)
    assert raised.value.path == path
    assert message in raised.value.reason


def test_the_path_of_a_key_that_is_no_name_is_bracketed() -> None:
    document = to_dict(functional_classification(2025))
    document["sources"] = {"2013701": ["doc-1", 2]}
    with pytest.raises(JSONError, match=r"^\$\.sources\['2013701'\]\[1\]: 2 is not a string"):
        from_dict(document)


def test_parse_json_reads_any_json_value() -> None:
    assert parse_json('{"tables": []}') == {"tables": []}
    with pytest.raises(JSONError, match=r"^\$\.tables\[1\]: not valid JSON"):
        parse_json('{"tables": [1, ]}')


def test_json_error_is_a_govbudget_error_with_a_path_and_pickles() -> None:
    error = JSONError("$.year", "'2025' is not an integer")
    assert isinstance(error, GovBudgetError) and isinstance(error, ValueError)
    copied = pickle.loads(pickle.dumps(error))
    assert (copied.path, copied.reason, str(copied)) == (error.path, error.reason, str(error))


def test_a_migration_turns_an_older_document_into_the_current_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = {"type": "BudgetUnit", "version": 0, "name": "本级", "kind": "行政"}
    with pytest.raises(JSONError, match=r"^\$\.version: unknown format version 0"):
        from_dict(old)

    def rename_kind_to_nature(document: dict[str, object]) -> dict[str, object]:
        document["nature"] = document.pop("kind")
        document["version"] = 1
        return document

    monkeypatch.setitem(jsonio._MIGRATIONS, 0, rename_kind_to_nature)
    assert from_dict(old) == BudgetUnit("本级", "行政")
    assert old["version"] == 0, "a migration works on a copy"
    assert FORMAT_VERSION == 1


def test_a_bug_met_while_reading_surfaces_as_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> None:
        raise ZeroDivisionError("a bug in the model")

    document = to_dict(SEED.tables[5])
    monkeypatch.setattr(govbudget.tables.model, "_check_block", broken)
    with pytest.raises(ZeroDivisionError, match="a bug in the model"):
        from_dict(document)
