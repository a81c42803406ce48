"""Within-table rules on the seed's nine tables: rounding differences pass, slips are caught.

The oracle below enumerates every equality a table declares, cell by cell, without using the
rule module. Changing one printed figure by 1.00 must be reported by exactly the equalities the
figure takes part in, at their row and column; a change that keeps every equality inside its
tolerance must be reported by none.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from govbudget import Table, TableHeader, check
from govbudget.amounts import half_width
from govbudget.classification import OBSERVED_NOTE
from govbudget.tables import (
    DETAIL,
    BasicExpenditureTable,
    Detail,
    ExpenditureTable,
    IncomeExpenditureSummary,
    IncomeTable,
    Row,
    RowsTable,
    TableError,
    ThreePublicExpensesTable,
    TwoSidedTable,
)

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "seed_tables.py"
_spec = importlib.util.spec_from_file_location("seed_tables", EXAMPLE)
assert _spec is not None and _spec.loader is not None
seed_tables = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(seed_tables)

TABLES: list[Table] = seed_tables.build_tables()
HEADER: TableHeader = seed_tables.HEADER

CellRef = tuple[int, int, int]  # block, row, column
Equality = tuple[str, str | None, str | None, CellRef, tuple[CellRef, ...]]


def location_row(table: Table, block: int, row: Row) -> str:
    label = row.code or row.label
    side = table.SPEC.blocks[block].label
    return f"{side}·{label}" if side else label


def equalities(table: Table) -> Iterator[Equality]:
    """Every equality of a table: (rule, location row, location column, total, parts)."""
    prefix = table.SPEC.rule_prefix
    for b, (spec, block) in enumerate(zip(table.SPEC.blocks, table.blocks(), strict=True)):
        present_columns = set(block.columns)
        keys = [row.key for row in block.rows]
        fixed = {r.key for r in spec.rows}
        detail = [i for i, key in enumerate(keys) if key not in fixed]
        if spec.detail is Detail.SUBJECTS:
            top = [
                i
                for i in detail
                if not any(keys[i][:n] in keys for n in (3, 5) if n < len(keys[i]))
            ]
        else:
            top = detail
        for r, row in enumerate(block.rows):
            for formula in spec.column_formulas:
                if formula.total not in present_columns:
                    continue
                parts = spec.expand_columns(formula.parts, present_columns)
                if parts:
                    total = block.columns.index(formula.total)
                    yield (
                        f"{prefix}-COLUMNS",
                        location_row(table, b, row),
                        spec.header_of(formula.total),
                        (b, r, total),
                        tuple((b, r, block.columns.index(p)) for p in parts),
                    )
        for formula in spec.row_formulas:
            if formula.total not in keys:
                continue
            rows: list[int] = []
            for part in spec.expand_rows(formula.parts, set(keys)):
                rows.extend(top if part == DETAIL else [keys.index(part)])
            if not rows:
                continue
            total_row = keys.index(formula.total)
            for c, column in enumerate(block.columns):
                yield (
                    f"{prefix}-TOTAL",
                    location_row(table, b, block.rows[total_row]),
                    spec.header_of(column),
                    (b, total_row, c),
                    tuple((b, r, c) for r in rows),
                )
        if spec.detail is Detail.SUBJECTS:
            for p, parent in enumerate(block.rows):
                kids = [i for i in detail if len(keys[i]) > 3 and keys[i][:-2] == parent.key]
                for c, column in enumerate(block.columns):
                    if kids:
                        yield (
                            f"{prefix}-SUM-ROWS",
                            location_row(table, b, parent),
                            spec.header_of(column),
                            (b, p, c),
                            tuple((b, k, c) for k in kids),
                        )
    for identity in table.SPEC.identities:
        sides = []
        for cells in (identity.left, identity.right):
            refs = []
            for cell in cells:
                b = [s.key for s in table.SPEC.blocks].index(cell.block)
                spec, block = table.SPEC.blocks[b], table.blocks()[b]
                keys = [row.key for row in block.rows]
                fixed = {r.key for r in spec.rows}
                for key in spec.expand_rows((cell.row,), set(keys)):
                    rows = (
                        [i for i, k in enumerate(keys) if k not in fixed]
                        if key == DETAIL
                        else [keys.index(key)]
                    )
                    for column in spec.expand_columns((cell.column,), set(block.columns)):
                        refs.extend((b, r, block.columns.index(column)) for r in rows)
            sides.append(tuple(refs))
        if sides[0] and sides[1]:
            first = identity.left[0]
            b = [s.key for s in table.SPEC.blocks].index(first.block)
            block = table.blocks()[b]
            row = block.row(first.row)
            yield (
                f"{table.SPEC.rule_prefix}-{identity.suffix}",
                None if row is None else location_row(table, b, row),
                table.SPEC.blocks[b].header_of(first.column),
                sides[0][0],
                sides[0][1:] + sides[1],
            )


def value(table: Table, ref: CellRef) -> Decimal | None:
    b, r, c = ref
    return table.blocks()[b].rows[r].values[c]


def broken(table: Table) -> set[tuple[str, str | None, str | None]]:
    """The equalities whose difference exceeds the rounding tolerance, computed by hand."""
    found = set()
    for rule_id, row, column, total, parts in equalities(table):
        figures = [value(table, total)] + [value(table, p) for p in parts]
        if rule_id.endswith(("BALANCE",)) or "-FUND-" in rule_id:
            left_count = 1 + sum(1 for p in parts if p[0] == total[0])
            left = sum((f or Decimal(0) for f in figures[:left_count]), Decimal(0))
            right = sum((f or Decimal(0) for f in figures[left_count:]), Decimal(0))
            difference = left - right
        else:
            difference = (figures[0] or Decimal(0)) - sum(
                (f or Decimal(0) for f in figures[1:]), Decimal(0)
            )
        tolerance = sum((half_width(f) for f in figures), Decimal(0))
        if abs(difference) > tolerance:
            found.add((rule_id, row, column))
    return found


def involving(table: Table, ref: CellRef) -> set[tuple[str, str | None, str | None]]:
    return {
        (rule_id, row, column)
        for rule_id, row, column, total, parts in equalities(table)
        if ref == total or ref in parts
    }


def with_value(table: Table, ref: CellRef, new: Decimal) -> Table:
    b, r, c = ref
    rows = list(table.blocks()[b].rows)
    values = list(rows[r].values)
    values[c] = new
    rows[r] = attrs.evolve(rows[r], values=values)
    if isinstance(table, RowsTable):
        return attrs.evolve(table, rows=rows)
    assert isinstance(table, TwoSidedTable)
    return attrs.evolve(table, **{"income" if b == 0 else "expenditure": rows})


def printed_cells() -> Iterator[tuple[Table, CellRef]]:
    for table in TABLES:
        for b, block in enumerate(table.blocks()):
            for r, row in enumerate(block.rows):
                for c, figure in enumerate(row.values):
                    if figure is not None:
                        yield table, (b, r, c)


CELLS = list(printed_cells())


def cell_id(item: tuple[Table, CellRef]) -> str:
    table, (b, r, c) = item
    block = table.blocks()[b]
    return f"T{table.SPEC.number}-{block.rows[r].key}-{block.columns[c]}"


def error_locations(table: Table) -> set[tuple[str, str | None, str | None]]:
    return {(f.rule, f.location.row, f.location.column) for f in check(table).errors}


def test_the_seed_tables_have_no_finding() -> None:
    for table in TABLES:
        assert check(table).findings == (), table.title


def test_the_seed_rounding_differences_are_real_and_pass() -> None:
    basic = TABLES[5]
    assert isinstance(basic, BasicExpenditureTable)
    items_302 = [
        row.values[0] for row in basic.rows if row.key.startswith("302") and row.key != "302"
    ]
    items_301 = [
        row.values[0] for row in basic.rows if row.key.startswith("301") and row.key != "301"
    ]
    assert sum(items_302, Decimal(0)) == Decimal("11.38") != basic.value("302", "total")
    assert sum(items_301, Decimal(0)) == Decimal("182.22") != basic.value("301", "total")
    personnel, public = basic.value("total", "personnel"), basic.value("total", "public")
    assert personnel is not None and public is not None
    assert personnel + public == Decimal("193.60") != basic.value("total", "total")
    classes = sum(Decimal(x) for x in ("256.59", "14.53", "12.48"))
    assert classes == Decimal("283.60") != TABLES[1].value("total", "total")  # type: ignore[attr-defined]
    assert broken(basic) == set()


@pytest.mark.parametrize("item", CELLS, ids=[cell_id(item) for item in CELLS])
def test_a_slip_of_one_is_reported_by_every_equality_it_takes_part_in(
    item: tuple[Table, CellRef],
) -> None:
    table, ref = item
    original = value(table, ref)
    assert original is not None
    for delta in (Decimal("1.00"), Decimal("-1.00")):
        changed = with_value(table, ref, original + delta)
        expected = involving(table, ref)
        assert broken(changed) == expected
        assert error_locations(changed) == expected


@pytest.mark.parametrize("item", CELLS, ids=[cell_id(item) for item in CELLS])
def test_a_change_inside_every_tolerance_is_reported_by_none(item: tuple[Table, CellRef]) -> None:
    table, ref = item
    original = value(table, ref)
    assert original is not None
    for delta in (Decimal("0.01"), Decimal("-0.01")):
        changed = with_value(table, ref, original + delta)
        assert error_locations(changed) == broken(changed)
        if not broken(changed):
            assert check(changed).errors == ()


def test_at_least_one_cent_change_stays_inside_and_one_breaks_a_tight_sum() -> None:
    basic = TABLES[5]
    inside = with_value(basic, (0, 11, 0), Decimal("3.81"))  # 30201 合计 3.80 → 3.81
    assert check(inside).errors == ()
    tight = with_value(basic, (0, 0, 0), Decimal("193.62"))  # 合计 193.61 → 193.62
    # 193.62 is 0.02 from both 182.21 + 11.39 (人员 + 公用) and 301 + 302: tolerance 0.015.
    assert {f.rule for f in check(tight).errors} == {"T6-COLUMNS", "T6-TOTAL"}
    (finding,) = check(tight).filter(rule="T6-COLUMNS")
    assert finding.location.row == "合计"
    assert (finding.expected, finding.actual, finding.difference, finding.tolerance) == (
        Decimal("193.60"),
        Decimal("193.62"),
        Decimal("0.02"),
        Decimal("0.015"),
    )


def test_a_finding_names_table_row_column_figures_and_tolerance() -> None:
    basic = TABLES[5]
    changed = with_value(basic, (0, 10, 2), Decimal("12.39"))  # 302 公用经费
    findings = {f.rule: f for f in check(changed).errors}
    assert set(findings) == {"T6-COLUMNS", "T6-SUM-ROWS", "T6-TOTAL"}
    sum_rows = findings["T6-SUM-ROWS"]
    assert (sum_rows.location.table, sum_rows.location.row, sum_rows.location.column) == (
        "一般公共预算财政拨款基本支出表",
        "302",
        "公用经费",
    )
    assert (sum_rows.expected, sum_rows.actual, sum_rows.tolerance) == (
        Decimal("11.38"),
        Decimal("12.39"),
        Decimal("0.035"),
    )
    assert "302“商品和服务支出”" in sum_rows.message and "11.38" in sum_rows.message


# -- structure rules -----------------------------------------------------------------------


def functional(*rows: tuple[str, str, str]) -> ExpenditureTable:
    return ExpenditureTable.from_rows(
        HEADER, ((code, name, {"total": amount, "basic": amount}) for code, name, amount in rows)
    )


def test_hierarchy_missing_parent() -> None:
    table = functional(("201", "一般公共服务支出", "10.00"), ("2013701", "行政运行", "10.00"))
    (finding,) = check(table, select=["T3-HIERARCHY"])
    assert finding.location.row == "2013701"
    assert "20137 未列示" in finding.message


def test_hierarchy_order() -> None:
    table = functional(
        ("210", "卫生健康支出", "5.00"),
        ("21011", "行政事业单位医疗", "5.00"),
        ("2101101", "行政单位医疗", "5.00"),
        ("201", "一般公共服务支出", "10.00"),
        ("20137", "网信事务", "10.00"),
        ("2013701", "行政运行", "10.00"),
    )
    (finding,) = check(table, select=["T3-HIERARCHY"])
    assert finding.location.row == "201"
    assert "顺序" in finding.message


def test_duplicate_rows() -> None:
    table = functional(
        ("210", "卫生健康支出", "5.00"),
        ("21011", "行政事业单位医疗", "5.00"),
        ("2101101", "行政单位医疗", "5.00"),
        ("2101101", "行政单位医疗", "5.00"),
    )
    assert [f.location.row for f in check(table, select=["T3-DUPLICATE"])] == ["2101101"]
    assert check(table, select=["T3-SUM-ROWS"]).rule_ids() == ("T3-SUM-ROWS",)


def test_detail_must_reach_item_level() -> None:
    table = functional(("210", "卫生健康支出", "5.00"), ("21011", "行政事业单位医疗", "5.00"))
    (finding,) = check(table, select=["T3-DETAIL"])
    assert finding.location.row == "21011"
    assert "项级" in finding.message


def test_economic_detail_stops_at_section() -> None:
    table = BasicExpenditureTable.from_rows(
        HEADER,
        [
            ("301", "工资福利支出", {"total": "1.00"}),
            ("30101", "基本工资", {"total": "1.00"}),
            ("302", "商品和服务支出", {"total": "1.00"}),
        ],
    )
    assert [f.location.row for f in check(table, select=["T6-DETAIL"])] == ["302"]


def test_code_name_contradiction_is_an_error_and_unknown_code_a_warning() -> None:
    # 2130101 农业农村·行政运行 is a real code that neither the edition nor the codes observed
    # in real documents hold.
    table = functional(
        ("210", "卫生健康支出", "5.00"),
        ("21011", "行政事业单位医疗", "5.00"),
        ("2101101", "行政单位医疗保险", "5.00"),
        ("213", "农林水支出", "2.00"),
        ("21301", "农业农村", "2.00"),
        ("2130101", "行政运行", "2.00"),
    )
    report = check(table, select=["T3-CODE"])
    assert [(f.rule, f.severity.value, f.location.row) for f in report] == [
        ("T3-CODE-NAME", "error", "2101101"),
        ("T3-CODE-UNKNOWN", "warning", "2130101"),
    ]
    assert "行政单位医疗保险" in report[0].message and "行政单位医疗”" in report[0].message
    assert "不完整" in report[1].message and OBSERVED_NOTE not in report[1].message


def test_a_code_only_observed_is_known_and_its_name_said_to_be_observed() -> None:
    # 2010350 事业运行 is in no shipped edition; seven 2026 budgets print it.
    office = [
        ("201", "一般公共服务支出", "3.00"),
        ("20103", "政府办公厅（室）及相关机构事务", "3.00"),
    ]
    known = check(functional(*office, ("2010350", "事业运行", "3.00")), select=["T3-CODE"])
    assert known.findings == ()
    report = check(functional(*office, ("2010350", "事业单位运行", "3.00")), select=["T3-CODE"])
    assert [(f.rule, f.severity.value, f.location.row) for f in report] == [
        ("T3-CODE-NAME", "warning", "2010350")
    ]
    assert report[0].message == (
        "科目 2010350 印作“事业单位运行”，该科目见于 2026 年的 7 份实际公开文件，名为“事业运行”"
        f"（{OBSERVED_NOTE}）"
    )


def test_the_renamed_20805_under_its_old_name_says_when_that_name_was_used() -> None:
    pensions = [
        ("208", "社会保障和就业支出", "1.00"),
        ("2080505", "机关事业单位基本养老保险缴费支出", "1.00"),
    ]
    now = functional(pensions[0], ("20805", "行政事业单位养老支出", "1.00"), pensions[1])
    assert check(now, select=["T3-CODE"]).findings == ()
    old = functional(pensions[0], ("20805", "行政事业单位离退休", "1.00"), pensions[1])
    (finding,) = check(old, select=["T3-CODE"])
    assert (finding.rule, finding.severity.value) == ("T3-CODE-NAME", "error")
    assert finding.message == (
        "科目 20805 印作“行政事业单位离退休”，2025年版支出功能分类科目中为“行政事业单位养老支出”"
        f"；实际公开文件中 2017—2019 年用“行政事业单位离退休”（{OBSERVED_NOTE}）"
    )


def test_an_economic_section_only_observed_is_known() -> None:
    # 399 其他支出 and 39907 国家赔偿费用支出: in no shipped edition, printed in 2024–2026.
    rows = [
        ("399", "其他支出", {"total": "1.00"}),
        ("39907", "国家赔偿费用支出", {"total": "1.00"}),
    ]
    assert check(BasicExpenditureTable.from_rows(HEADER, rows), select=["T6-CODE"]).findings == ()
    misnamed = [rows[0], ("39907", "国家赔偿支出", {"total": "1.00"})]
    (finding,) = check(BasicExpenditureTable.from_rows(HEADER, misnamed), select=["T6-CODE"])
    assert (finding.rule, finding.severity.value) == ("T6-CODE-NAME", "warning")
    assert "名为“国家赔偿费用支出”" in finding.message and OBSERVED_NOTE in finding.message


def test_a_code_observed_only_in_other_years_is_unknown_and_says_when_it_was_seen() -> None:
    # 2080504 未归口管理的行政单位离退休 was printed in budgets of 2017–2019 only.
    table = functional(
        ("208", "社会保障和就业支出", "1.00"),
        ("20805", "行政事业单位养老支出", "1.00"),
        ("2080504", "未归口管理的行政单位离退休", "1.00"),
    )
    (finding,) = check(table, select=["T3-CODE"])
    assert (finding.rule, finding.location.row) == ("T3-CODE-UNKNOWN", "2080504")
    assert finding.message.endswith(
        "；该编码在实际公开文件中只见于其他年度（2017—2019 年，4 份文件，"
        f"名为“未归口管理的行政单位离退休”；{OBSERVED_NOTE}）"
    )


def test_no_catalogue_for_the_year_is_said_once() -> None:
    old = attrs.evolve(HEADER, year=2019)
    table = ExpenditureTable.from_rows(old, [("210", "卫生健康支出", {"total": "1.00"})])
    assert [f.rule for f in check(table, select=["T3-CODE"])] == ["T3-CODE-UNKNOWN"]


def test_summary_class_names_are_checked_without_their_ordinals() -> None:
    summary = seed_tables.income_expenditure_summary()
    renamed = [
        attrs.evolve(row, label="二十、住房支出") if row.key == "221" else row
        for row in summary.expenditure
    ]
    report = check(attrs.evolve(summary, expenditure=renamed), select=["T1-CODE"])
    assert [(f.rule, f.location.row) for f in report] == [("T1-CODE-NAME", "支出·221")]


def test_an_unknown_class_is_reported_only_when_it_carries_money() -> None:
    summary = seed_tables.income_expenditure_summary()
    assert check(summary, select=["T1-CODE"]).findings == ()
    funded = [
        attrs.evolve(row, values=(Decimal("1.00"),)) if row.key == "人行科目" else row
        for row in summary.expenditure
    ]
    report = check(attrs.evolve(summary, expenditure=funded), select=["T1-CODE"])
    assert [(f.rule, f.location.row) for f in report] == [
        ("T1-CODE-UNKNOWN", "支出·三十一、人行科目")
    ]


def test_regional_columns_expand_through_the_declared_formulas() -> None:
    # 上海 prints 合计 and four sources, no 小计 and no 上年结转: 合计 = Σ printed sources.
    columns = (
        "total",
        "fiscal_appropriation",
        "service_income",
        "operating_income",
        "other_income",
    )
    table = IncomeTable.from_rows(
        attrs.evolve(HEADER, unit=HEADER.unit),
        [
            (
                "total",
                "合计",
                {"total": "12.00", "fiscal_appropriation": "10.00", "service_income": "2.00"},
            )
        ],
        columns=columns,
    )
    assert check(table, select=["T2-COLUMNS"]).findings == ()
    wrong = IncomeTable.from_rows(
        HEADER,
        [
            (
                "total",
                "合计",
                {"total": "13.00", "fiscal_appropriation": "10.00", "service_income": "2.00"},
            )
        ],
        columns=columns,
    )
    (finding,) = check(wrong, select=["T2-COLUMNS"])
    assert finding.expected == Decimal("12.00")
    assert "财政拨款收入 + 事业收入 + 经营收入 + 其他收入" in finding.message


def test_summary_without_subtotals_expands_to_the_classes() -> None:
    summary = IncomeExpenditureSummary.from_rows(
        HEADER,
        income=[
            ("fiscal_appropriation", "一、财政拨款收入", {"amount": "10.00"}),
            ("general_public_budget", "1. 一般公共预算", {"amount": "10.00"}),
            ("service_income", "二、事业收入", {}),
            ("grand_total", "收入总计", {"amount": "10.00"}),
        ],
        expenditure=[
            ("208", "一、社会保障和就业支出", {"amount": "4.00"}),
            ("210", "二、卫生健康支出", {"amount": "6.00"}),
            ("grand_total", "支出总计", {"amount": "10.00"}),
        ],
    )
    assert check(summary).findings == ()
    off = attrs.evolve(
        summary,
        expenditure=(
            *summary.expenditure[:1],
            attrs.evolve(summary.expenditure[1], values=("7.00",)),
            summary.expenditure[2],
        ),
    )
    # 支出总计 still equals 收入总计; it is the classes that no longer add up to it.
    assert {f.rule for f in check(off).errors} == {"T1-TOTAL"}


def test_three_public_expenses_formulas() -> None:
    table = ThreePublicExpensesTable.from_rows(
        HEADER,
        [
            ("total", "合计", {"total": "114.22", "general_public": "114.22"}),
            ("travel_abroad", "因公出国（境）费", {"total": "0.00", "general_public": "0.00"}),
            (
                "vehicles",
                "公务用车购置及运行维护费",
                {"total": "113.76", "general_public": "113.76"},
            ),
            ("vehicle_purchase", "公务用车购置费", {"total": "75.00", "general_public": "75.00"}),
            (
                "vehicle_operation",
                "公务用车运行维护费",
                {"total": "38.76", "general_public": "38.76"},
            ),
            ("reception", "公务接待费", {"total": "0.46", "general_public": "0.46"}),
            (
                "agency_running_costs",
                "机关运行经费",
                {"total": "507.25", "general_public": "507.25"},
            ),
        ],
    )
    assert check(table).findings == ()
    rows = [
        attrs.evolve(r, values=("38.00", "38.00", None, None))
        if r.key == "vehicle_operation"
        else r
        for r in table.rows
    ]
    report = check(attrs.evolve(table, rows=rows))
    assert [(f.rule, f.location.row, f.location.column) for f in report] == [
        ("T9-TOTAL", "公务用车购置及运行维护费", "一般公共预算财政拨款"),
        ("T9-TOTAL", "公务用车购置及运行维护费", "合计"),
    ]


# -- construction refuses what is malformed ----------------------------------------------------


def test_construction_refuses_malformed_tables() -> None:
    with pytest.raises(TableError, match="unknown column"):
        ExpenditureTable(HEADER, columns=("total", "salary"))
    with pytest.raises(TableError, match="3 decimals"):
        ExpenditureTable.from_rows(HEADER, [("201", "一般公共服务支出", {"total": "1.234"})])
    with pytest.raises(TableError, match="4 digits"):
        ExpenditureTable.from_rows(HEADER, [("2013", "x", {"total": "1.00"})])
    with pytest.raises(TableError, match="not all digits"):
        ExpenditureTable.from_rows(HEADER, [("20A", "x", {"total": "1.00"})])
    with pytest.raises(TableError, match=r"7 digits; this table.s codes have 3 or 5"):
        BasicExpenditureTable.from_rows(HEADER, [("3010101", "x", {"total": "1.00"})])
    with pytest.raises(TableError, match="unknown row"):
        ThreePublicExpensesTable.from_rows(HEADER, [("fuel", "燃油费", {"total": "1.00"})])
    with pytest.raises(TableError, match="2 figures for 6 columns"):
        ExpenditureTable(HEADER, rows=(Row("201", "一般公共服务支出", ("1.00", "1.00")),))
    with pytest.raises(TableError, match="not printed"):
        ExpenditureTable.from_rows(HEADER, [("201", "x", {"basic": "1.00"})], columns=("total",))
    with pytest.raises(TypeError):
        Row("201", "x", (1.5,))  # type: ignore[arg-type]


def test_construction_accepts_sums_that_do_not_add_up() -> None:
    table = functional(("210", "卫生健康支出", "5.00"), ("21011", "行政事业单位医疗", "4.00"))
    assert not check(table).ok


def test_tables_pickle_and_compare_by_value() -> None:
    import pickle

    for table in TABLES:
        assert pickle.loads(pickle.dumps(table)) == table
    assert TABLES[2] != TABLES[4]  # same figures, different tables


# -- the seed's grids, as transcribed, read into exactly these objects ------------------------


def test_the_transcribed_seed_grids_read_into_the_objects_the_example_builds() -> None:
    import json

    from govbudget.reading import read_grid
    from govbudget.writing import render_grid

    bundle = json.loads((Path(__file__).parent / "data" / "seed_bundle.json").read_text("utf-8"))
    for table, printed in zip(TABLES, bundle["tables"][:9], strict=True):
        reading = read_grid(type(table), printed["rows"])
        assert reading.findings == ()
        assert reading.table == table, table.title
        assert read_grid(type(table), render_grid(table)).table == table


def test_the_personnel_and_public_convention() -> None:
    basic = TABLES[5]
    assert check(basic, select=["T6-CONVENTION"]).findings == ()
    # 30113 住房公积金 moved from 人员经费 to 公用经费 in the 合计 row only: the classes disagree.
    moved = with_value(with_value(basic, (0, 0, 1), Decimal("169.73")), (0, 0, 2), Decimal("23.87"))
    found = check(moved, select=["T6-CONVENTION"])
    assert [(f.severity.value, f.location.column, f.expected) for f in found] == [
        ("warning", "人员经费", Decimal("182.21")),
        ("warning", "公用经费", Decimal("11.39")),
    ]


def test_a_region_with_another_convention_brings_its_own_rule() -> None:
    from govbudget.checks import RULES, Severity
    from govbudget.checks.conventions import economic_convention

    basic = TABLES[5]
    mine = RULES.copy()
    mine.rule(
        "USER-T6-CONVENTION",
        "公用经费 is 302 only",
        Severity.WARNING,
        applies_to=BasicExpenditureTable,
        description="公用经费 = 302。",
    )(economic_convention(personnel=("301",), public=("302",)))
    assert check(basic, registry=mine, select=["USER"]).findings == ()
    strict = RULES.copy()
    strict.rule(
        "USER-T6-CONVENTION",
        "人员经费 is 303 only",
        Severity.WARNING,
        applies_to=BasicExpenditureTable,
        description="人员经费 = 303。",
    )(economic_convention(personnel=("303",), public=("302",)))
    assert check(basic, registry=strict, select=["USER"]).rule_ids() == ("USER-T6-CONVENTION",)
