"""The published grid: rendering from declarations, reading it back, and reading real layouts.

Real layouts are copied as literals from the Shanghai cases (/work/shared/cases) and the seed's
grid bundle (tests/data/seed_bundle.json); every expectation below was read off those rows.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from govbudget import Severity, Unit, rules
from govbudget.checks import Location
from govbudget.reading import (
    READ_CELL,
    READ_COLUMN,
    READ_ROW,
    GridError,
    GridReading,
    read_grid,
)
from govbudget.strategies import tables
from govbudget.tables import (
    STANDARD_TABLES,
    BasicExpenditureTable,
    ExpenditureTable,
    FiscalAppropriationSummary,
    GeneralPublicExpenditureTable,
    IncomeExpenditureSummary,
    IncomeTable,
    Row,
    Table,
    TableHeader,
    ThreePublicExpensesTable,
)
from govbudget.writing import render_grid

SEED_BUNDLE = Path(__file__).parent / "data" / "seed_bundle.json"
KAIPING = "中共唐山市开平区委网络安全和信息化委员会办公室"
FACTS = [f"897{KAIPING}", "预算年度：2025", "单位：万元"]


def rows_of(reading: GridReading[Table]) -> list[tuple[str, str, tuple[Decimal | None, ...]]]:
    return [
        (row.key, row.label, row.values) for block in reading.table.blocks() for row in block.rows
    ]


# --- the property: render, read back, render again ----------------------------------------------


@pytest.mark.parametrize(
    "kind", [*STANDARD_TABLES, None], ids=lambda kind: kind.__name__ if kind else "any"
)
def test_reading_a_rendered_grid_gives_the_table_back(kind: type[Table] | None) -> None:
    @given(tables(kind))
    def round_trip(table: Table) -> None:
        grid = render_grid(table)
        assert len({len(row) for row in grid}) == 1
        reading = read_grid(type(table), grid)
        assert reading.findings == ()
        assert reading.table == table
        assert render_grid(reading.table) == grid

    round_trip()


# --- the rendered layout ---------------------------------------------------------------------


def test_a_two_sided_table_pairs_details_from_the_top_and_footers_from_the_bottom() -> None:
    header = TableHeader(KAIPING, 2025)
    table = FiscalAppropriationSummary.from_rows(
        header,
        income=[
            ("general_public_budget", "一、一般公共预算拨款", {"amount": "283.61"}),
            ("income_total", "本年收入合计", {"amount": "283.61"}),
            ("carry_over", "年初财政拨款结转和结余", {}),
            ("carry_over_general_public", "一、一般公共预算拨款", {"amount": "0.00"}),
            ("grand_total", "收入总计", {"amount": "283.61"}),
        ],
        expenditure=[
            ("201", "一、一般公共服务支出", {"total": "256.59", "general_public": "256.59"}),
            ("210", "二、卫生健康支出", {"total": "27.02", "general_public": "27.02"}),
            ("expenditure_total", "本年支出合计", {"total": "283.61"}),
            ("grand_total", "支出总计", {"total": "283.61"}),
        ],
        expenditure_columns=("total", "general_public"),
    )
    assert render_grid(table) == [
        ["部门预算财政拨款收支总表", "", "", "", "", ""],
        [KAIPING, "预算年度：2025", "单位：万元", "", "", ""],
        ["序号", "收入", "", "支出", "", ""],
        ["", "项目", "金额", "项目", "合计", "一般公共预算财政拨款"],
        ["栏次", "1", "2", "3", "4", "5"],
        ["1", "一、一般公共预算拨款", "283.61", "一、一般公共服务支出", "256.59", "256.59"],
        ["2", "", "", "二、卫生健康支出", "27.02", "27.02"],
        ["3", "本年收入合计", "283.61", "", "", ""],
        ["4", "年初财政拨款结转和结余", "", "", "", ""],
        ["5", "一、一般公共预算拨款", "0.00", "本年支出合计", "283.61", ""],
        ["6", "收入总计", "283.61", "支出总计", "283.61", ""],
    ]


def test_a_fixed_row_table_prints_its_group_once_over_the_run() -> None:
    table = ThreePublicExpensesTable.from_rows(
        TableHeader(KAIPING, 2025, department_code="897"),
        [("total", "合计", {"total": "1.50", "general_public": "1.50"})],
        columns=("total", "general_public"),
        note="注：本表为示例。",
    )
    assert render_grid(table) == [
        ["财政拨款“三公”经费支出表", "", "", ""],
        [f"897{KAIPING}", "预算年度：2025", "单位：万元", ""],
        ["序号", "项目", "资金性质", ""],
        ["", "", "合计", "一般公共预算财政拨款"],
        ["栏次", "1", "2", "3"],
        ["1", "合计", "1.50", "1.50"],
        ["注：本表为示例。", "", "", ""],
    ]


# --- hand-made variants of the standard layout ---------------------------------------------------


def expenditure_grid(*rows: list[str], headers: list[str] | None = None) -> list[list[str]]:
    printed = headers or ["合计", "基本支出", "项目支出"]
    return [
        ["部门预算支出总表"],
        FACTS,
        ["序号", "功能分类科目", "", *printed],
        ["", "科目编码", "科目名称", *([""] * len(printed))],
        ["栏次", *(str(n) for n in range(1, len(printed) + 3))],
        *rows,
    ]


def test_spaced_and_full_width_headers_and_a_spaced_total_label() -> None:
    grid = [
        ["部门预算支出总表"],
        FACTS,
        ["序号", "功能分类科目", "", "合 计", "基本支出", "项目支出", "上解上级     支出"],
        ["", "科目    编码", "科目名称", "", "", "", ""],
        ["1", "", "合 计", "283.61", "193.61", "90.00", ""],
        ["2", "２０１", "一般公共服务支出", "２５６．５９", "166.59", "90.00", ""],
    ]
    reading = read_grid(ExpenditureTable, grid)
    assert reading.findings == ()
    assert reading.table.columns == ("total", "basic", "project", "remittance_to_superior")
    assert rows_of(reading) == [
        ("total", "合 计", (Decimal("283.61"), Decimal("193.61"), Decimal("90.00"), None)),
        ("201", "一般公共服务支出", (Decimal("256.59"), Decimal("166.59"), Decimal("90.00"), None)),
    ]


def test_a_blank_cell_and_a_printed_zero_stay_distinct() -> None:
    grid = expenditure_grid(["1", "2013701", "行政运行", "166.59", "0.00", "—"])
    table = read_grid(ExpenditureTable, grid).table
    assert table.value("2013701", "basic") == Decimal("0.00")
    assert table.value("2013701", "basic") is not None
    assert table.value("2013701", "project") is None


def test_columns_are_found_by_header_and_keep_their_printed_order() -> None:
    grid = expenditure_grid(
        ["1", "201", "一般公共服务支出", "90.00", "256.59", "166.59"],
        headers=["项目支出", "合计", "基本支出"],
    )
    reading = read_grid(ExpenditureTable, grid)
    assert reading.findings == ()
    assert reading.table.columns == ("project", "total", "basic")
    assert reading.table.value("201", "total") == Decimal("256.59")
    assert reading.table.value("201", "project") == Decimal("90.00")


def test_an_unknown_column_with_a_figure_is_reported_once_and_not_read() -> None:
    grid = expenditure_grid(
        ["1", "", "合计", "283.61", "193.61", "90.00", "12.00", ""],
        ["2", "201", "一般公共服务支出", "256.59", "166.59", "90.00", "", ""],
        headers=["合计", "基本支出", "项目支出", "预算金额X", "备注"],
    )
    reading = read_grid(ExpenditureTable, grid)
    assert reading.table.columns == ("total", "basic", "project")
    (finding,) = reading.findings
    assert finding.rule == "READ-COLUMN"
    assert finding.severity is Severity.ERROR
    assert finding.message == "第7列表头“预算金额X”无法识别，该列数字未读入"
    assert finding.location == Location(table="部门预算支出总表", column="预算金额X")


def test_an_unknown_column_under_a_group_is_not_read_as_the_group() -> None:
    # 本年收入 is the group over the sources and also another name of 小计: above a header that
    # names nothing it must not make that column the 小计.
    grid = [
        FACTS,
        ["序号", "功能分类科目", "", "合计", "本年收入", "", ""],
        ["", "科目编码", "科目名称", "", "财政拨款收入", "预算外收入", "上年结转"],
        ["1", "201", "一般公共服务支出", "3.00", "1.00", "2.00", ""],
    ]
    reading = read_grid(IncomeTable, grid)
    assert reading.table.columns == ("total", "fiscal_appropriation", "carry_over")
    assert [f.message for f in reading.findings] == [
        "第6列表头“预算外收入”无法识别，该列数字未读入"
    ]
    lone = [FACTS, ["科目编码", "科目名称", "本年收入"], ["201", "一般公共服务支出", "1.00"]]
    assert read_grid(IncomeTable, lone).table.columns == ("current_year",)


def test_a_column_printed_twice_is_read_once_and_the_repeat_reported() -> None:
    grid = expenditure_grid(
        ["1", "201", "一般公共服务支出", "256.59", "256.59"], headers=["合计", "合计"]
    )
    reading = read_grid(ExpenditureTable, grid)
    assert reading.table.columns == ("total",)
    assert [f.message for f in reading.findings] == [
        "第5列表头“合计”与第4列是同一栏，该列数字未读入"
    ]


def test_text_in_a_number_cell_is_reported_with_its_row_and_column_and_read_as_blank() -> None:
    grid = expenditure_grid(
        ["1", "2013701", "行政运行", "166.59", "abc", ""],
        ["2", "2013702", "一般行政管理事务", "80.00", "", "80.00"],
    )
    reading = read_grid(ExpenditureTable, grid)
    (finding,) = reading.findings
    assert finding.rule == "READ-CELL"
    assert finding.location == Location(
        table="部门预算支出总表", row="2013701", column="基本支出", line=6
    )
    assert "“abc”" in finding.message
    assert reading.table.value("2013701", "total") == Decimal("166.59")
    assert reading.table.value("2013701", "basic") is None
    assert reading.table.value("2013702", "project") == Decimal("80.00")


def test_a_third_decimal_is_reported_per_cell_instead_of_refusing_the_table() -> None:
    grid = expenditure_grid(["1", "201", "一般公共服务支出", "256.591", "166.59", "90.00"])
    reading = read_grid(ExpenditureTable, grid)
    (finding,) = reading.findings
    assert (finding.rule, finding.location.row, finding.location.column) == (
        "READ-CELL",
        "201",
        "合计",
    )
    assert rows_of(reading) == [
        ("201", "一般公共服务支出", (None, Decimal("166.59"), Decimal("90.00")))
    ]


def test_codes_the_table_refuses_are_reported_and_their_rows_not_read() -> None:
    grid = expenditure_grid(
        ["1", "2013", "一般公共服务支出", "1.00", "", ""],
        ["2", "20a", "网信事务", "1.00", "", ""],
        ["3", "", "行政运行", "1.00", "", ""],
        ["4", "201", "一般公共服务支出", "1.00", "", ""],
    )
    reading = read_grid(ExpenditureTable, grid)
    assert [(f.rule, f.location.row, f.location.line) for f in reading.findings] == [
        ("READ-CELL", "2013", 6),
        ("READ-CELL", "网信事务", 7),
        ("READ-ROW", "行政运行", 8),
    ]
    assert [row.key for row in reading.table.rows] == ["201"]


def test_a_basic_expenditure_table_refuses_functional_item_codes() -> None:
    grid = [
        FACTS,
        ["序号", "支出部门经济分类科目", "", "一般公共预算基本支出", "", ""],
        ["", "科目编码", "科目名称", "合计", "人员经费", "公用经费"],
        ["1", "2013701", "行政运行", "1.00", "1.00", ""],
        ["2", "30101", "基本工资", "1.00", "1.00", ""],
    ]
    reading = read_grid(BasicExpenditureTable, grid)
    assert [(f.rule, f.location.row) for f in reading.findings] == [("READ-CELL", "2013701")]
    assert [row.key for row in reading.table.rows] == ["30101"]


def test_an_unknown_fixed_row_is_reported() -> None:
    grid = [
        FACTS,
        ["序号", "项  目", "资 金 性 质", ""],
        ["", "", "合计", "一般公共预算              财政拨款"],
        ["1", "合计", "1.50", "1.50"],
        ["2", "差旅费", "0.20", "0.20"],
        ["3", "公务接待费", "1.50", "1.50"],
    ]
    reading = read_grid(ThreePublicExpensesTable, grid)
    (finding,) = reading.findings
    assert finding.rule == "READ-ROW"
    assert finding.message == "第5行“差旅费”不是本表的行，该行未读入"
    assert [row.key for row in reading.table.rows] == ["total", "reception"]


def test_a_label_shared_with_an_under_row_means_the_first_row_before_its_anchor() -> None:
    grid = [
        FACTS,
        ["序号", "收入", "", "支出", ""],
        ["", "项目", "金额", "项目", "合计"],
        ["1", "一、一般公共预算拨款", "1.00", "", ""],
        ["2", "一、一般公共预算拨款", "2.00", "", ""],
    ]
    reading = read_grid(FiscalAppropriationSummary, grid)
    assert [row.key for row in reading.table.income] == [
        "general_public_budget",
        "general_public_budget",
    ]
    assert reading.findings == ()


def test_the_second_general_public_budget_row_under_the_carry_over_is_its_part() -> None:
    grid = [
        ["2025年部门财政拨款收支总表"],
        [f"897{KAIPING}", "预算年度：2025", "单位：万元"],
        ["序号", "收入", "", "支出", "", "", "", ""],
        [
            "",
            "项  目",
            "金额",
            "项  目",
            "合计",
            "一般公共预算财政拨款",
            "政府性基金预算财政    拨款",
            "国有资本经营预算财政拨款",
        ],
        ["栏次", "1", "2", "3", "4", "5", "6", "7"],
        ["1", "一、一般公共预算拨款", "283.61", "一、一般公共服务支出", "256.59", "256.59", "", ""],
        ["2", "二、政府性基金预算拨款", "", "二、外交支出", "", "", "", ""],
        ["3", "", "", "十、卫生健康支出", "27.02", "27.02", "", ""],
        ["4", "本年收入合计", "283.61", "本年支出合计", "283.61", "283.61", "", ""],
        [
            "5",
            "年初财政拨款结转和结余",
            "10.00",
            "年末财政拨款结转和结余",
            "10.00",
            "10.00",
            "",
            "",
        ],
        ["6", "一、一般公共预算拨款", "10.00", "", "", "", "", ""],
        ["7", "二、政府性基金预算拨款", "", "", "", "", "", ""],
        ["8", "收入总计", "293.61", "支出总计", "293.61", "293.61", "", ""],
    ]
    reading = read_grid(FiscalAppropriationSummary, grid)
    assert reading.findings == ()
    table = reading.table
    assert [(row.key, row.values) for row in table.income] == [
        ("general_public_budget", (Decimal("283.61"),)),
        ("government_fund", (None,)),
        ("income_total", (Decimal("283.61"),)),
        ("carry_over", (Decimal("10.00"),)),
        ("carry_over_general_public", (Decimal("10.00"),)),
        ("carry_over_government_fund", (None,)),
        ("grand_total", (Decimal("293.61"),)),
    ]
    assert [row.key for row in table.expenditure] == [
        "201",
        "202",
        "210",
        "expenditure_total",
        "carry_forward",
        "grand_total",
    ]
    assert table.expenditure_columns == (
        "total",
        "general_public",
        "government_fund",
        "state_capital",
    )


def test_classes_the_catalogue_lacks_are_kept_by_name() -> None:
    grid = [
        ["2030年部门收支总表"],
        [*FACTS[:1], "单位:元"],
        ["项目", "预算数", "项目", "预算数"],
        ["一、财政拨款收入", "100", "一、一般公共服务支出", "100"],
        ["", "", "三十一、人行科目", ""],
    ]
    reading = read_grid(IncomeExpenditureSummary, grid)
    assert reading.findings == ()
    assert reading.table.header.year == 2030  # no catalogue edition: every 类 is kept by name
    assert [row.key for row in reading.table.expenditure] == ["一般公共服务支出", "人行科目"]
    in_2025 = read_grid(IncomeExpenditureSummary, grid[1:], year=2025).table
    assert [row.key for row in in_2025.expenditure] == ["201", "人行科目"]


def test_a_summary_grid_without_its_two_label_columns_is_refused() -> None:
    grid = [FACTS, ["项目", "预算数", "预算数"], ["一、财政拨款收入", "1", "1"]]
    with pytest.raises(GridError, match="two “项目” columns"):
        read_grid(IncomeExpenditureSummary, grid)


def test_a_table_by_subject_without_a_code_column_is_refused() -> None:
    grid = [FACTS, ["科目名称", "合计"], ["行政运行", "1.00"]]
    with pytest.raises(GridError, match="subject-code column"):
        read_grid(ExpenditureTable, grid)


# --- header facts ---------------------------------------------------------------------------


BODY = [["功能分类科目编码", "功能分类科目名称", "合计"], ["201", "一般公共服务支出", "1.00"]]


def test_header_facts_come_from_the_lines_above_the_header() -> None:
    header = read_grid(
        ExpenditureTable, [["897某某局", "预算年度:2025", "单位:元"], *BODY]
    ).table.header
    assert header == TableHeader("某某局", 2025, Unit.YUAN, department_code="897")
    titled = [["2026年部门支出预算总表"], ["编制单位：某某局", "", "单位：万元"], *BODY]
    assert read_grid(ExpenditureTable, titled).table.header == TableHeader("某某局", 2026)


def test_arguments_supply_the_facts_the_grid_does_not_print() -> None:
    grid = [["编制部门：", "", "单位：元"], *BODY]
    header = read_grid(
        ExpenditureTable, grid, year=2026, department="上海市普陀区文化和旅游局"
    ).table.header
    assert header == TableHeader("上海市普陀区文化和旅游局", 2026, Unit.YUAN)
    bare = read_grid(ExpenditureTable, BODY, year=2025, department="某某局", unit=Unit.YUAN)
    assert bare.table.header == TableHeader("某某局", 2025, Unit.YUAN)


def test_the_printed_facts_win_over_the_arguments() -> None:
    grid = [["编制部门：普陀区城市管理行政执法局", "", "单位：元"], *BODY]
    header = read_grid(
        ExpenditureTable, grid, year=2026, department="上海市普陀区城市管理行政执法局"
    ).table.header
    assert header.department == "普陀区城市管理行政执法局"


def test_a_grid_with_no_year_is_read_with_the_year_unknown() -> None:
    header = read_grid(ExpenditureTable, [["编制部门：某某局", "单位：元"], *BODY]).table.header
    assert header == TableHeader("某某局", None, Unit.YUAN)


def test_a_department_label_and_its_name_in_two_cells() -> None:
    grid = [["部门：", "江苏省人大常委会办公厅", "单位：元"], *BODY]
    assert read_grid(ExpenditureTable, grid, year=2019).table.header == TableHeader(
        "江苏省人大常委会办公厅", 2019, Unit.YUAN
    )


def test_a_grid_with_no_department_is_read_with_the_department_unknown() -> None:
    # A PDF prints the department on its cover, not above each table (上海 final accounts).
    grid = [["编制部门：", "单位：元"], *BODY]
    assert read_grid(ExpenditureTable, grid, year=2025).table.header == TableHeader(
        "", 2025, Unit.YUAN
    )


@pytest.mark.parametrize(
    ("grid", "arguments", "message"),
    [
        ([["编制部门：某某局", "预算年度：2025"], *BODY], {}, "no unit"),
        ([["编制部门：某某局", "预算年度：2025", "单位：千元"], *BODY], {}, "unknown money unit"),
    ],
)
def test_missing_facts_raise_grid_error(
    grid: list[list[str]], arguments: dict[str, Any], message: str
) -> None:
    with pytest.raises(GridError, match=message):
        read_grid(ExpenditureTable, grid, **arguments)


# --- real layouts: Shanghai, 普陀区城市管理行政执法局 2026 ------------------------------------------


CHENGGUAN = "普陀区城市管理行政执法局"


def test_shanghai_expenditure_table_with_split_codes_in_yuan() -> None:
    grid = [
        ["2026年部门支出预算总表"],
        ["编制部门：普陀区城市管理行政执法局", "", "", "", "", "", "单位：元"],
        ["项目", "", "", "", "支出预算", "", ""],
        ["功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出", "项目支出"],
        ["类", "款", "项", "", "", "", ""],
        ["208", "", "", "社会保障和就业支出", "6,397,096", "6,103,096", "294,000"],
        ["208", "05", "", "行政事业单位养老支出", "6,103,096", "6,103,096", ""],
        ["208", "05", "01", "行政单位离退休", "2,614,680", "2,614,680", ""],
        ["208", "08", "01", "死亡抚恤", "294,000", "", "294,000"],
        ["212", "01", "04", "城管执法", "33,775,592", "22,783,399", "10,992,193"],
        ["合计", "", "", "", "47,483,458", "36,197,265", "11,286,193"],
    ]
    reading = read_grid(ExpenditureTable, grid)
    assert reading.findings == ()
    assert reading.table.header == TableHeader(CHENGGUAN, 2026, Unit.YUAN)
    assert reading.table.columns == ("total", "basic", "project")
    assert rows_of(reading) == [
        ("208", "社会保障和就业支出", (Decimal(6397096), Decimal(6103096), Decimal(294000))),
        ("20805", "行政事业单位养老支出", (Decimal(6103096), Decimal(6103096), None)),
        ("2080501", "行政单位离退休", (Decimal(2614680), Decimal(2614680), None)),
        ("2080801", "死亡抚恤", (Decimal(294000), None, Decimal(294000))),
        ("2120104", "城管执法", (Decimal(33775592), Decimal(22783399), Decimal(10992193))),
        ("total", "合计", (Decimal(47483458), Decimal(36197265), Decimal(11286193))),
    ]


def test_shanghai_headers_repeated_at_a_page_break_are_skipped() -> None:
    grid = [
        ["编制部门：普陀区城市管理行政执法局", "", "", "", "", "", "单位：元"],
        ["项目", "", "", "", "一般公共预算支出", "", ""],
        ["功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出", "项目支出"],
        ["类", "款", "项", "", "", "", ""],
        ["212", "01", "", "城乡社区管理事务", "33,775,592", "22,783,399", "10,992,193"],
        ["项目", "", "", "", "一般公共预算支出", "", ""],
        ["功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出", "项目支出"],
        ["类", "款", "项", "", "", "", ""],
        ["212", "01", "04", "城管执法", "33,775,592", "22,783,399", "10,992,193"],
        ["合计", "", "", "", "47,483,458", "36,197,265", "11,286,193"],
    ]
    reading = read_grid(GeneralPublicExpenditureTable, grid, year=2026)
    assert reading.findings == ()
    assert [row.key for row in reading.table.rows] == ["21201", "2120104", "total"]


def test_shanghai_empty_table_keeps_its_printed_total_row_and_note() -> None:
    grid = [
        ["编制部门：普陀区城市管理行政执法局", "", "", "", "", "", "单位：元"],
        ["项目", "", "", "", "政府性基金预算支出", "", ""],
        ["功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出", "项目支出"],
        ["类", "款", "项", "", "", "", ""],
        ["合计", "", "", "", "", "", ""],
        ["注：本年度无政府性基金预算支出，故本表无数据", "", "", "", "", "", ""],
    ]
    reading = read_grid(ExpenditureTable, grid, year=2026)
    assert reading.findings == ()
    assert rows_of(reading) == [("total", "合计", (None, None, None))]
    assert reading.table.note == "注：本年度无政府性基金预算支出，故本表无数据"


def test_shanghai_income_expenditure_summary() -> None:
    grid = [
        ["2026年部门财务收支预算总表"],
        ["编制部门：普陀区城市管理行政执法局", "", "", "单位：元"],
        ["本年收入", "", "本年支出", ""],
        ["项目", "预算数", "项目", "预算数"],
        ["一、财政拨款收入", "47,483,458", "一、社会保障和就业支出", "6,397,096"],
        ["1. 一般公共预算", "47,483,458", "二、卫生健康支出", "1,439,040"],
        ["2. 政府性基金预算", "", "三、城乡社区支出", "33,775,592"],
        ["3. 国有资本经营预算", "", "四、住房保障支出", "5,871,730"],
        ["二、事业收入", "", "", ""],
        ["三、事业单位经营收入", "", "", ""],
        ["四、其他收入", "", "", ""],
        ["收入总计", "47,483,458", "支出总计", "47,483,458"],
    ]
    reading = read_grid(IncomeExpenditureSummary, grid)
    assert reading.findings == ()
    table = reading.table
    assert (table.income_columns, table.expenditure_columns) == (("amount",), ("amount",))
    assert [(row.key, row.values[0]) for row in table.income] == [
        ("fiscal_appropriation", Decimal(47483458)),
        ("general_public_budget", Decimal(47483458)),
        ("government_fund", None),
        ("state_capital", None),
        ("service_income", None),
        ("operating_income", None),
        ("other_income", None),
        ("grand_total", Decimal(47483458)),
    ]
    assert [(row.key, row.label, row.values[0]) for row in table.expenditure] == [
        ("208", "一、社会保障和就业支出", Decimal(6397096)),
        ("210", "二、卫生健康支出", Decimal(1439040)),
        ("212", "三、城乡社区支出", Decimal(33775592)),
        ("221", "四、住房保障支出", Decimal(5871730)),
        ("grand_total", "支出总计", Decimal(47483458)),
    ]


THREE_PUBLIC_HEADER = [
    ["“三公”经费预算数", "", "", "", "", "", "机关运行经费预算数"],
    ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "", "", ""],
    ["", "", "", "小计", "购置费", "运行费", ""],
]
THREE_PUBLIC_FIGURES = ["114.22", "0.00", "0.46", "113.76", "75.00", "38.76", "507.25"]
THREE_PUBLIC = [
    ["编制部门：普陀区城市管理行政执法局", "", "", "", "", "", "单位:万元"],
    *THREE_PUBLIC_HEADER,
    THREE_PUBLIC_FIGURES,
]


def test_shanghai_transposed_three_public_table() -> None:
    reading = read_grid(ThreePublicExpensesTable, THREE_PUBLIC, year=2026)
    assert reading.findings == ()
    assert reading.table.header == TableHeader(CHENGGUAN, 2026, Unit.WAN_YUAN)
    assert reading.table.columns == ("total",)
    assert rows_of(reading) == [
        ("total", "合计", (Decimal("114.22"),)),
        ("travel_abroad", "因公出国(境)费", (Decimal("0.00"),)),
        ("reception", "公务接待费", (Decimal("0.46"),)),
        ("vehicles", "公务用车购置及运行费", (Decimal("113.76"),)),
        ("vehicle_purchase", "购置费", (Decimal("75.00"),)),
        ("vehicle_operation", "运行费", (Decimal("38.76"),)),
        ("agency_running_costs", "机关运行经费预算数", (Decimal("507.25"),)),
    ]


def test_a_transposed_block_repeated_on_a_new_page_is_read_once() -> None:
    repeated = [*THREE_PUBLIC, *THREE_PUBLIC_HEADER, THREE_PUBLIC_FIGURES]
    reading = read_grid(ThreePublicExpensesTable, repeated, year=2026)
    assert reading.findings == ()
    assert reading.table == read_grid(ThreePublicExpensesTable, THREE_PUBLIC, year=2026).table


def test_a_transposed_block_repeated_with_other_figures_is_reported() -> None:
    changed = ["114.22", "0.00", "0.46", "113.76", "75.00", "38.76", "500.00"]
    reading = read_grid(
        ThreePublicExpensesTable, [*THREE_PUBLIC, *THREE_PUBLIC_HEADER, changed], year=2026
    )
    (finding,) = reading.findings
    assert (finding.rule, finding.location.line) == ("READ-ROW", 9)
    assert reading.table.row("agency_running_costs") == Row(
        "agency_running_costs", "机关运行经费预算数", ["507.25"]
    )


# --- real layouts: the seed ------------------------------------------------------------------


def test_every_table_of_the_seed_bundle_reads_without_findings() -> None:
    bundle = json.loads(SEED_BUNDLE.read_text("utf-8"))
    readings = [
        read_grid(kind, table["rows"])
        for kind, table in zip(STANDARD_TABLES, bundle["tables"][:9], strict=True)
    ]
    assert [reading.findings for reading in readings] == [()] * 9
    summary, _income, expenditure, appropriation, _gp, basic, _gf, _sc, three = (
        reading.table for reading in readings
    )
    assert summary.header == TableHeader(KAIPING, 2025, Unit.WAN_YUAN, department_code="897")
    assert isinstance(summary, IncomeExpenditureSummary)
    assert len(summary.expenditure) == 34
    assert summary.expenditure[30] == Row("人行科目", "三十一、人行科目", [None])
    assert isinstance(expenditure, ExpenditureTable)
    assert expenditure.value("2013702", "project") == Decimal("80.00")
    assert isinstance(appropriation, FiscalAppropriationSummary)
    assert [row.key for row in appropriation.income][-4:] == [
        "carry_over_general_public",
        "carry_over_government_fund",
        "carry_over_state_capital",
        "grand_total",
    ]
    assert isinstance(basic, BasicExpenditureTable)
    assert basic.value("total", "public") == Decimal("11.39")
    assert isinstance(three, ThreePublicExpensesTable)
    assert three.is_empty
    assert three.note == "注：无财政拨款“三公”经费支出预算，空表列示。"


# --- the reader's rules ----------------------------------------------------------------------


def test_the_reader_rules_are_in_the_catalogue() -> None:
    declared = {r.id: r for r in rules()}
    for rule in (READ_COLUMN, READ_CELL, READ_ROW):
        assert declared[rule.id] is rule
        assert rule.applies_to is None
        assert rule.severity is Severity.ERROR


def test_a_named_total_beats_a_bare_one_at_one_depth() -> None:
    """江苏 公开表九: 合计 totals 会议费 and 培训费 too; the “三公”经费 column is the total."""
    grid = [
        ["部门：某局", "", "", "", "", "单位：万元"],
        [
            "合计",
            "“三公”经费",
            "因公出国（境）费",
            "公务用车购置及运行维护费",
            "公务接待费",
            "会议费",
        ],
        ["10.00", "6.00", "1.00", "2.00", "3.00", "4.00"],
    ]
    reading = read_grid(ThreePublicExpensesTable, grid, year=2019)
    table = reading.table
    assert table.value("total", table.columns[0]) == Decimal("6.00")
    assert [f.rule for f in reading.findings] == ["READ-COLUMN"]
