"""pandas, optional: tables and disclosures as DataFrames of Decimals, and a clear message
when pandas is missing."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from govbudget import DepartmentBudget, Table, check
from govbudget.writing.dataframe import to_dataframe
from govbudget.writing.fdp import FDP_COLUMNS, fdp_rows

pd = pytest.importorskip("pandas")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "examples"))
from seed_budget import build_budget  # noqa: E402  (examples/ is put on the path just above)

BUDGET = build_budget()


@pytest.mark.parametrize("table", BUDGET.tables, ids=lambda table: type(table).__name__)
def test_a_table_is_a_frame_of_its_rows_with_decimal_figures(table: Table) -> None:
    frame = to_dataframe(table)
    rows = [row for block in table.blocks() for row in block.rows]
    assert len(frame) == len(rows)
    assert list(frame["key"]) == [row.key for row in rows]
    assert list(frame["label"]) == [row.label for row in rows]
    for spec, block in zip(table.SPEC.blocks, table.blocks(), strict=True):
        mine = frame[frame["side"] == spec.key] if "side" in frame else frame
        for column in block.columns:
            assert frame[column].dtype == object
            assert list(mine[column]) == [block.value(row.key, column) for row in block.rows]
    money = frame.drop(columns=[c for c in ("side", "key", "label") if c in frame])
    assert all(value is None or isinstance(value, Decimal) for value in money.to_numpy().flat)


def test_a_two_sided_table_names_the_side_and_leaves_the_other_sides_columns_blank() -> None:
    summary = BUDGET.fiscal_appropriation_summary
    assert summary is not None
    frame = to_dataframe(summary)
    assert list(frame.columns[:3]) == ["side", "key", "label"]
    income = frame[frame["side"] == "income"]
    assert list(income["general_public"]) == [None] * len(income)
    assert income.loc[income["key"] == "grand_total", "amount"].item() == Decimal("283.61")


def test_figures_sum_as_decimals_exactly() -> None:
    table = BUDGET.basic_expenditure
    assert table is not None
    frame = to_dataframe(table)
    sections = frame[frame["key"].str.fullmatch(r"[0-9]{5}")]
    total = sum(sections["total"])
    # As printed: the 款 add up to 193.60 and 合计 is 193.61, a rounding apart.
    assert isinstance(total, Decimal) and total == Decimal("193.60")


def test_a_disclosure_is_the_frame_of_its_fiscal_data_package_rows() -> None:
    frame = to_dataframe(BUDGET)
    rows = fdp_rows(BUDGET)
    assert list(frame.columns) == [column.name for column in FDP_COLUMNS]
    assert len(frame) == len(rows)
    assert list(frame["amount"]) == [Decimal(row["amount"]) for row in rows]
    assert frame["amount"].dtype == object and frame["year"].dtype.kind == "i"
    totals = frame.groupby("dataset")["amount"].sum()
    assert totals["basic_expenditure"] == Decimal("193.60")
    assert isinstance(totals["basic_expenditure"], Decimal)


def test_an_empty_disclosure_is_an_empty_frame_with_every_column() -> None:
    frame = to_dataframe(DepartmentBudget("某部门", 2026))
    assert frame.empty and list(frame.columns) == [column.name for column in FDP_COLUMNS]


def test_without_pandas_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install govbudget\[pandas\]"):
        to_dataframe(BUDGET)


def test_the_core_never_imports_pandas() -> None:
    script = (
        "import sys, govbudget, govbudget.writing.dataframe, govbudget.writing.fdp\n"
        "govbudget.check(govbudget.DepartmentBudget('x', 2025))\n"
        "print('pandas' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "False"
    assert check(BUDGET)  # the seed's findings, with pandas loaded here, are unchanged
