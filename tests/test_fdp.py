"""The Fiscal Data Package export, validated by frictionless and summed back against the tables.

Each package is written to pytest's tmp_path and validated with the real ``frictionless``
package (zero errors), read back (every amount a Decimal, as held), and each dataset's amounts
are summed: they must make the 合计 of their table, so that nothing is lost and nothing counted
twice, on the seed and on the three 上海 budgets.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from govbudget import DepartmentBudget, TableHeader, agree, read_bundle
from govbudget.tables import (
    BasicExpenditureTable,
    ExpenditureTable,
    GeneralPublicExpenditureTable,
    GovernmentFundExpenditureTable,
    IncomeTable,
    RowsTable,
    StateCapitalExpenditureTable,
)
from govbudget.writing.fdp import FDP_COLUMNS, fdp_csv, fdp_descriptor, fdp_rows

frictionless = pytest.importorskip("frictionless")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "examples"))
from seed_budget import build_budget  # noqa: E402  (examples/ is put on the path just above)

SHANGHAI = {
    name: read_bundle(
        json.loads((ROOT / f"tests/data/cases/shanghai-putuo-{name}-2026.json").read_text("utf-8"))
    )
    for name in ("chengguan", "jianguanwei", "wenlvju")
}
BUDGETS = {"seed": build_budget(), **SHANGHAI}
DATASET_TABLES = {
    kind.SPEC.key: kind
    for kind in (
        IncomeTable,
        ExpenditureTable,
        GeneralPublicExpenditureTable,
        BasicExpenditureTable,
        GovernmentFundExpenditureTable,
        StateCapitalExpenditureTable,
    )
}
every_budget = pytest.mark.parametrize("name", list(BUDGETS))


def write_package(budget: DepartmentBudget, folder: Path) -> Path:
    (folder / "budget.csv").write_text(fdp_csv(budget), encoding="utf-8")
    descriptor = folder / "datapackage.json"
    descriptor.write_text(json.dumps(fdp_descriptor(budget), ensure_ascii=False), "utf-8")
    return descriptor


@every_budget
def test_frictionless_validates_the_package_with_no_error(name: str, tmp_path: Path) -> None:
    report = frictionless.validate(str(write_package(BUDGETS[name], tmp_path)))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.stats["errors"] == 0


@every_budget
def test_frictionless_reads_every_amount_back_exactly(name: str, tmp_path: Path) -> None:
    package = frictionless.Package(str(write_package(BUDGETS[name], tmp_path)))
    read = package.get_resource("budget").read_rows()
    rows = fdp_rows(BUDGETS[name])
    assert [row["amount"] for row in read] == [Decimal(row["amount"]) for row in rows]
    assert all(isinstance(row["amount"], Decimal) for row in read)
    assert {row["year"] for row in read} == {BUDGETS[name].year}


def test_the_validation_is_real(tmp_path: Path) -> None:
    """A unit outside 元/万元, an amount that is no number and a 类 code of 4 digits fail."""
    descriptor = write_package(BUDGETS["seed"], tmp_path)
    text = (tmp_path / "budget.csv").read_text("utf-8").splitlines()
    first = next(csv.DictReader(io.StringIO("\n".join(text[:2]))))
    first.update(unit="美元", amount="12,3x", functional_class_code="2010")
    bad = io.StringIO()
    writer = csv.DictWriter(bad, list(first), lineterminator="\n")
    writer.writeheader()
    writer.writerow(first)
    (tmp_path / "budget.csv").write_text(bad.getvalue(), "utf-8")
    report = frictionless.validate(str(descriptor))
    kinds = {(error[0], error[1]) for error in report.flatten(["fieldName", "type"])}
    assert kinds >= {
        ("unit", "constraint-error"),
        ("amount", "type-error"),
        ("functional_class_code", "constraint-error"),
    }


def dataset_sums(budget: DepartmentBudget) -> dict[str, list[Decimal]]:
    amounts: dict[str, list[Decimal]] = defaultdict(list)
    for row in fdp_rows(budget):
        amounts[row["dataset"]].append(Decimal(row["amount"]))
    return amounts


@every_budget
def test_each_dataset_adds_up_to_its_tables_total(name: str) -> None:
    budget = BUDGETS[name]
    amounts = dataset_sums(budget)
    checked = 0
    for key, kind in DATASET_TABLES.items():
        table = budget.table(kind)
        assert isinstance(table, RowsTable)
        total = table.value("total", "total")
        if total is None:  # an empty table (空表列示) exports nothing
            assert key not in amounts
            continue
        # The one agreement of the rounding model: the seed's 万元 tables print 合计 283.61
        # over parts that add to 283.60, as published; the 上海 tables in 元 add up exactly.
        assert agree(total, amounts[key]).ok, (key, total, sum(amounts[key]))
        if name != "seed":
            assert sum(amounts[key]) == total, key
        checked += 1
    assert checked >= 4


def test_datasets_overlap_so_they_are_summed_apart() -> None:
    """建设和管理委员会 spends 一般公共预算 and 政府性基金 money: table 3 holds both."""
    amounts = dataset_sums(SHANGHAI["jianguanwei"])
    parts = amounts["general_public_expenditure"] + amounts["government_fund_expenditure"]
    assert sum(amounts["expenditure"]) == sum(parts) == Decimal("3286618082.20")


@every_budget
def test_only_leaf_rows_and_leaf_columns_are_exported(name: str) -> None:
    """No exported row has a child with a figure; no total column is exported where its parts
    are printed (they are, in these tables)."""
    budget = BUDGETS[name]
    for row in fdp_rows(budget):
        table = budget.table(DATASET_TABLES[row["dataset"]])
        assert isinstance(table, RowsTable)
        scheme = "economic" if row["dataset"] == "basic_expenditure" else "functional"
        code = row[f"{scheme}_class_code"]
        code = row[f"{scheme}_section_code"] or code
        code = row.get(f"{scheme}_item_code") or code
        figured = [r.key for r in table.rows if r.code and any(v is not None for v in r.values)]
        assert code in figured
        assert not any(other != code and other.startswith(code) for other in figured), row
        column = row["fund_source"] if row["dataset"] == "income" else row["expenditure_kind"]
        assert column not in ("total", "current_year"), row


@every_budget
def test_a_row_is_one_amount_and_no_amount_is_given_twice(name: str) -> None:
    keys = [
        (
            row["dataset"],
            row["functional_item_code"] or row["functional_section_code"],
            row["functional_class_code"],
            row["economic_section_code"] or row["economic_class_code"],
            row["fund_source"],
            row["expenditure_kind"],
        )
        for row in fdp_rows(BUDGETS[name])
    ]
    assert len(keys) == len(set(keys))


def test_the_seed_rows_say_where_the_money_comes_from_and_goes() -> None:
    rows = fdp_rows(BUDGETS["seed"])
    by_dataset = defaultdict(list)
    for row in rows:
        by_dataset[row["dataset"]].append(row)
    assert {r["fund_source"] for r in by_dataset["income"]} == {"fiscal_appropriation"}
    assert {r["direction"] for r in by_dataset["income"]} == {"revenue"}
    assert {r["fund_source_name"] for r in by_dataset["general_public_expenditure"]} == {
        "一般公共预算财政拨款"
    }
    assert {r["expenditure_kind_name"] for r in by_dataset["basic_expenditure"]} == {
        "人员经费",
        "公用经费",
    }
    first = by_dataset["expenditure"][0]
    assert {k: v for k, v in first.items() if v} == {
        "year": "2025",
        "department_code": "897",
        "department": "中共唐山市开平区委网络安全和信息化委员会办公室",
        "phase": "approved",
        "direction": "expenditure",
        "dataset": "expenditure",
        "dataset_title": "部门预算支出总表",
        "expenditure_kind": "basic",
        "expenditure_kind_name": "基本支出",
        "functional_class_code": "201",
        "functional_class_name": "一般公共服务支出",
        "functional_section_code": "20137",
        "functional_section_name": "网信事务",
        "functional_item_code": "2013701",
        "functional_item_name": "行政运行",
        "amount": "166.59",
        "unit": "万元",
        "currency": "CNY",
    }


def test_a_table_of_its_total_only_is_exported_as_that_total() -> None:
    header = TableHeader("某部门", 2026, department_code="123")
    t3 = ExpenditureTable.from_rows(
        header,
        [("total", "合计", {"total": "10.00"})],
        columns=("total", "basic", "project"),
    )
    [row] = fdp_rows(DepartmentBudget("某部门", 2026, "123", tables=[t3]))
    assert (row["expenditure_kind"], row["functional_class_code"], row["amount"]) == (
        "total",
        "",
        "10.00",
    )


def test_an_amount_held_with_an_exponent_is_written_in_fixed_point() -> None:
    header = TableHeader("某部门", 2026, department_code="123")
    t3 = ExpenditureTable.from_rows(
        header, [("201", "一般公共服务支出", {"basic": Decimal("1.8221E+6")})]
    )
    [row] = fdp_rows(DepartmentBudget("某部门", 2026, tables=[t3]))
    assert row["amount"] == "1822100"


def test_the_descriptor_maps_every_column_to_a_fiscal_concept() -> None:
    descriptor = fdp_descriptor(BUDGETS["seed"])
    assert descriptor["profile"] == "tabular-data-package"
    [resource] = descriptor["resources"]  # type: ignore[misc]
    assert resource["path"] == "budget.csv"  # type: ignore[index]
    fields = resource["schema"]["fields"]  # type: ignore[index]
    assert [f["name"] for f in fields] == [c.name for c in FDP_COLUMNS]
    types = {f["name"]: f["columnType"] for f in fields}
    assert types["year"] == "date:fiscal-year"
    assert types["department"] == "administrative-classification:generic:level1:label"
    assert types["functional_item_code"] == "functional-classification:generic:level3:code"
    assert types["economic_class_code"] == "economic-classification:generic:level1:code"
    assert types["fund_source"] == "fin-source:generic:code"
    assert (types["phase"], types["direction"], types["amount"]) == (
        "phase:id",
        "direction",
        "value",
    )
    amount = next(f for f in fields if f["name"] == "amount")
    assert amount["type"] == "number"
    unit = next(f for f in fields if f["name"] == "unit")
    assert unit["constraints"]["enum"] == ["元", "万元", "亿元"]
    assert fdp_csv(BUDGETS["seed"]).splitlines()[0].split(",") == [c.name for c in FDP_COLUMNS]


def test_an_empty_disclosure_is_a_valid_package_of_no_rows(tmp_path: Path) -> None:
    budget = DepartmentBudget("某部门", 2026)
    assert fdp_rows(budget) == []
    report = frictionless.validate(str(write_package(budget, tmp_path)))
    assert report.valid
