"""Reading published disclosures whole: the seed as text and as grids, three real Shanghai budgets
and two real Shanghai final accounts.

Every error the checks report on a real document is pinned here with the reason it is a real
mistake of that document.
"""

from __future__ import annotations

import json
import re
import sys
from decimal import Decimal
from importlib import resources
from pathlib import Path

import attrs
import pytest

from govbudget import (
    DepartmentBudget,
    DepartmentFinalAccounts,
    Report,
    check,
    parse_amount,
    read_bundle,
    read_grids,
    read_text,
)
from govbudget.classification import OBSERVED_NOTE
from govbudget.disclosure import Scope
from govbudget.reading import DocumentError
from govbudget.reading.text_dump import split_text
from govbudget.tables import STANDARD_FINAL_TABLES, Detail, Phase

DATA = Path(__file__).parent / "data"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))

from seed_budget import build_budget  # noqa: E402

SEED_TEXT = resources.files("govbudget").joinpath("samples", "kaiping_2025.txt").read_text("utf-8")


def without_quotes(budget: DepartmentBudget) -> DepartmentBudget:
    """The budget without what only a reader knows: the sentences facts were read from, and
    the scope it saw (a budget built in code says none, and is whole)."""
    return attrs.evolve(
        budget,
        facts=attrs.evolve(budget.facts, quotes=()),
        read_findings=budget.read_findings,
        scope=None,
    )


def case(name: str) -> dict[str, object]:
    loaded: dict[str, object] = json.loads((DATA / "cases" / f"{name}.json").read_text("utf-8"))
    return loaded


# -- the seed ---------------------------------------------------------------------------------


def test_the_seed_text_reads_into_the_budget_the_example_builds() -> None:
    read = read_text(SEED_TEXT)
    assert read.read_findings == ()
    assert read.scope is Scope.WHOLE
    assert without_quotes(read) == without_quotes(build_budget())
    # every fact keeps the sentence it was read from
    assert read.facts.quote("fixed_assets_value") is not None
    assert "上年末固定资产金额为0.00万元" in (read.facts.quote("fixed_assets_value") or "")


def test_the_seed_text_gives_exactly_the_report_of_the_seed() -> None:
    report = check(read_text(SEED_TEXT))
    assert report == check(build_budget())
    assert [f.rule for f in report.errors] == ["TXT-FIXED-ASSETS"]
    assert report.counts == {"error": 1, "warning": 2, "info": 3}


def test_the_seed_as_a_grid_bundle_reads_the_same() -> None:
    bundle = json.loads((DATA / "seed_bundle.json").read_text("utf-8"))
    assert read_bundle(bundle) == read_text(SEED_TEXT)


def test_a_reader_finding_points_at_the_line_of_the_text() -> None:
    broken = SEED_TEXT.replace("\t69.49\n\t69.49", "\t69.49\n\tabc", 1)
    budget = read_text(broken)
    (finding,) = budget.read_findings
    line = next(n for n, text in enumerate(broken.splitlines(), 1) if text == "\tabc")
    assert finding.rule == "READ-CELL"
    assert finding.location.row == "30101"
    # the reader points at the row: the line of its first cell, four cells above "abc"
    assert finding.location.line == line - 4
    assert f"第{line - 4}行" in finding.message
    assert "READ-CELL" in check(budget).rule_ids()


def test_split_text_finds_every_table_and_the_explanation() -> None:
    tables, narrative = split_text(SEED_TEXT)
    titles = [table.title for table in tables]
    assert titles[:9] == [
        "部门预算收支总表",
        "部门预算收入总表",
        "部门预算支出总表",
        "部门预算财政拨款收支总表",
        "部门预算一般公共预算财政拨款支出表",
        "部门预算一般公共预算财政拨款基本支出表",
        "部门预算政府性基金预算财政拨款支出表",
        "部门预算国有资本经营预算财政拨款支出表",
        "部门预算财政拨款“三公”经费支出表",
    ]
    assert titles[9:] == [
        "部门机构设置情况",
        "1、本级网络安全工作经费绩效目标表",
        "2、本级网络宣传和信息化工作经费绩效目标表",
        "3、本级网络舆情监测与处置经费绩效目标表",
        "部门政府采购预算",
        "部门固定资产占用情况表",
    ]
    assert tables[6].notes == ("注：无政府性基金预算财政拨款预算，空表列示。",)
    assert narrative[0][1].startswith("第一部分")
    assert sum(table.figures() for table in tables[:9]) > 300


def test_an_unknown_title_is_read_by_its_headers_with_a_note() -> None:
    text = SEED_TEXT.replace("部门预算收入总表", "部门预算某某表", 1)
    budget = read_text(text)
    (note,) = budget.read_findings
    assert (note.rule, note.severity.value) == ("READ-TITLE", "info")
    assert budget.income == read_text(SEED_TEXT).income


def test_a_partly_recognised_table_reports_the_column_it_cannot_read() -> None:
    text = SEED_TEXT.replace("部门预算收入总表", "部门预算某某表", 1).replace("\t小计", "\t丙", 1)
    budget = read_text(text)
    assert [(f.rule, f.location.column) for f in budget.read_findings] == [
        ("READ-TITLE", None),
        ("READ-COLUMN", "丙"),
    ]
    assert budget.income is not None
    assert "current_year" not in budget.income.columns


def test_an_unrecognised_table_is_reported_with_its_unread_figures() -> None:
    text = SEED_TEXT + "某某统计表\n\t名称\n\t数量\n\n\t甲\n\t12.00\n\n\t乙\n\t3\n\n"
    budget = read_text(text)
    (finding,) = budget.read_findings
    assert finding.rule == "READ-TABLE"
    assert "某某统计表" in finding.message
    assert "其中 2 个数字未读入" in finding.message
    assert finding.location.line == len(SEED_TEXT.splitlines()) + 1  # the title's line
    assert "READ-TABLE" in check(budget).rule_ids()


def test_a_table_without_a_title_is_recognised_by_its_headers() -> None:
    text = SEED_TEXT.replace(
        " [bookmark: _Toc_2_2_0000000006]部门预算一般公共预算财政拨款基本支出表\n", ""
    )
    budget = read_text(text)
    assert budget.basic_expenditure == read_text(SEED_TEXT).basic_expenditure


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "这是一段与预算无关的文字。"],
)
def test_text_that_is_no_disclosure_is_a_document_error(text: str) -> None:
    with pytest.raises(DocumentError):
        read_text(text)


def test_a_bundle_of_the_wrong_shape_is_a_document_error() -> None:
    with pytest.raises(DocumentError, match="tables"):
        read_bundle({"narrative": "…"})
    with pytest.raises(DocumentError, match=r"tables\[0\]\.rows\[1\]"):
        read_grids([{"title": "部门预算支出总表", "rows": [["a"], "b"]}])


# -- three real budgets of 上海市普陀区 ---------------------------------------------------------

_CODE_HEADER = re.compile(r"编码|^[类款项]$")


def printed_money(table: dict[str, object]) -> list[Decimal]:
    """The figures of a printed grid: number cells outside code, 序号 and 栏次 columns."""
    rows = table["rows"]
    assert isinstance(rows, list)
    code_columns = {
        j for row in rows[:5] for j, cell in enumerate(row) if _CODE_HEADER.search(cell.strip())
    }
    figures = []
    for row in rows:
        if row and row[0].strip() in ("栏次", "序号"):
            continue
        for j, cell in enumerate(row):
            text = cell.strip().replace(",", "")
            if j in code_columns or not re.fullmatch(r"-?\d+(\.\d+)?", text):
                continue
            if re.fullmatch(r"\d{3}|\d{2}", text) and j in code_columns:
                continue
            figures.append(Decimal(text))
    return figures


def model_money(budget: DepartmentBudget | DepartmentFinalAccounts) -> list[Decimal]:
    return [
        value
        for table in budget.tables
        for block in table.blocks()
        for row in block.rows
        for value in row.values
        if value is not None
    ]


REAL = [
    "shanghai-putuo-chengguan-2026",
    "shanghai-putuo-jianguanwei-2026",
    "shanghai-putuo-wenlvju-2026",
]


@pytest.mark.parametrize("name", REAL)
def test_a_real_budget_is_read_whole(name: str) -> None:
    bundle = case(name)
    budget = read_bundle(bundle)
    assert len(budget.tables) == 9
    assert budget.year == 2026
    assert len(budget.project_goals) == (0 if name.endswith("wenlvju-2026") else 1)
    # every table recognised, every cell read: no READ-TABLE, READ-COLUMN, READ-CELL, READ-ROW
    assert [
        f.rule
        for f in budget.read_findings
        if f.rule in {"READ-TABLE", "READ-COLUMN", "READ-CELL", "READ-ROW"}
    ] == []
    # every figure printed in the nine tables is in the model: same count, same sum
    tables = bundle["tables"]
    assert isinstance(tables, list)
    standard = [t for t in tables if "绩效目标" not in t["title"]]
    printed = [f for t in standard for f in printed_money(t)]
    in_model = model_money(budget)
    assert len(printed) == len(in_model)
    assert sum(printed) == sum(in_model)


def report_of(name: str) -> Report:
    return check(read_bundle(case(name)))


def test_chengguan_has_no_error() -> None:
    report = report_of("shanghai-putuo-chengguan-2026")
    assert report.errors == ()
    assert report.warnings == ()
    # Notes only: the goal texts were pasted inside spreadsheet quotes; one of many projects
    # has its goals published.
    assert sorted(f.rule for f in report.infos) == [
        "READ-GOAL-CELL",
        "READ-GOAL-CELL",
        "X-GOALS-PROJECTS",
    ]


def test_jianguanwei_errors_are_real_mistakes_of_the_document() -> None:
    report = report_of("shanghai-putuo-jianguanwei-2026")
    errors = sorted((f.rule, f.location.row or "") for f in report.errors)
    assert errors == [
        # The goal table prints 生态环境成本指标 with no level-1 indicator (the PDF omits it).
        ("READ-GOAL-ROW", "文明施工情况"),
        # The text states 328,661万元 four times where the tables print 3,286,618,082.20元 =
        # 328,661.81万元: truncated, not rounded (四舍五入 gives 328,662).
        ("TXT-APPROPRIATIONS", "财政拨款支出预算"),
        ("TXT-EXPENDITURE", "支出预算"),
        ("TXT-INCOME", "财政拨款收入"),
        ("TXT-INCOME", "预算收入"),
        # A template instruction left in the published text.
        (
            "TXT-PLACEHOLDER",
            "（绩效目标管理工作情况，以及编报绩效目标的项目数量、单位数量、预算金额等）",
        ),
        # 财政拨款支出 +115,649 stated, its parts −5,965 + 119,614 + 0 = 113,649.
        ("TXT-SUMS", "财政拨款支出比上年增减"),
    ]
    sums = report.filter(rule="TXT-SUMS")[0]
    assert (sums.actual, sums.expected) == (Decimal("115649"), Decimal("113649"))
    assert report.warnings == ()


def test_wenlvju_errors_are_real_mistakes_of_the_document() -> None:
    report = report_of("shanghai-putuo-wenlvju-2026")
    # "政府性基金拨款支出预算0万元，比2025年预算增加持平": the words contradict each other.
    assert [(f.rule, f.location.row) for f in report.errors] == [
        ("TXT-DIRECTION", "政府性基金拨款支出比上年增减")
    ]
    # Not an error: this 基本支出表 splits class 303 between 人员经费 (3,259,560) and 公用经费
    # (452,720), so the common convention 人员经费 = 301 + 303 does not hold here.
    assert [(f.rule, f.location.column, f.difference) for f in report.warnings] == [
        ("T6-CONVENTION", "人员经费", Decimal("-452720")),
        ("T6-CONVENTION", "公用经费", Decimal("452720")),
    ]


def test_shanghai_tables_read_in_yuan_and_compare_with_wan_yuan() -> None:
    budget = read_bundle(case("shanghai-putuo-chengguan-2026"))
    assert budget.expenditure is not None
    assert budget.expenditure.header.unit.label == "元"
    assert budget.three_public_expenses is not None
    assert budget.three_public_expenses.header.unit.label == "万元"
    assert budget.three_public_expenses.value("agency_running_costs", "total") == Decimal("507.25")
    assert budget.facts.agency_running_costs == Decimal("507.25")
    assert budget.expenditure.SPEC.blocks[0].detail is Detail.SUBJECTS
    assert budget.expenditure.value("2120104", "total") == parse_amount("33,775,592")


# -- two real final accounts of 上海市普陀区 ---------------------------------------------------

FINAL = ["shanghai-putuo-shiquan-2025-final", "shanghai-putuo-caizhengju-2024-final"]


@pytest.mark.parametrize("name", FINAL)
def test_final_accounts_are_not_misread_as_a_budget(name: str) -> None:
    # Read as a budget, no 决算 table is read as its budget twin by its headers: each is
    # reported unread with the count of its figures (单位构成 is read as the units).
    budget = read_bundle(case(name), phase=Phase.BUDGET)
    assert budget.tables == ()
    unread = [f for f in budget.read_findings if f.rule == "READ-TABLE"]
    assert len(unread) == 9
    assert all("是部门决算表" in f.message for f in unread)


@pytest.mark.parametrize("name", FINAL)
def test_real_final_accounts_are_read_whole(name: str) -> None:
    bundle = case(name)
    accounts = read_bundle(bundle)
    assert isinstance(accounts, DepartmentFinalAccounts)
    assert accounts.phase is Phase.FINAL
    assert [type(t) for t in accounts.tables] == list(STANDARD_FINAL_TABLES)
    assert accounts.year == bundle["budget_year"]
    assert accounts.department == bundle["department"]
    assert len(accounts.units) == (6 if "shiquan" in name else 3)
    # every table recognised, every cell read
    assert [f.rule for f in accounts.read_findings if f.rule.startswith("READ-")] == []
    # every figure printed in the nine tables is in the model: same count, same sum
    tables = bundle["tables"]
    assert isinstance(tables, list)
    standard = [t for t in tables if "单位构成" not in t["title"]]
    printed = [f for t in standard for f in printed_money(t)]
    in_model = model_money(accounts)
    assert len(printed) == len(in_model) == (580 if "shiquan" in name else 195)
    assert sum(printed) == sum(in_model)


def final_report(name: str) -> Report:
    """The whole report of final accounts read from their bundle: the table rules (F1–F9, XF,
    DOCF), the rules on the explanation (TXT-FINAL, alone and against the tables) and reading."""
    return check(read_bundle(case(name)))


def pinned(report: Report) -> list[tuple[str, str, str, str]]:
    return [
        (f.rule, f.severity.value, f.location.row or "", f.location.column or "")
        for f in report
        if f.severity.value != "info"
    ]


def test_caizhengju_2024_final_accounts_errors_are_real_mistakes_of_the_document() -> None:
    report = final_report("shanghai-putuo-caizhengju-2024-final")
    assert pinned(report) == [
        # "一般公共服务支出（类）2106.66万元，占71.73%": 2106.66 / 2940.05 = 71.65%; the other
        # three shares are right, and the four printed add to 100.07%.
        ("TXT-FINAL-SHARE", "error", "一般公共服务支出", ""),
        # "财政拨款收入支出总计0.3万元" is less than the 财政拨款收入 2940.05 of the same text
        # (总计 = 本年收入 + 年初结转和结余 ≥ 本年收入) …
        ("TXT-FINAL-SUM", "error", "财政拨款收入支出总计", ""),
        # … and than the 总计 2,961.68 its own 财政拨款收入支出决算总表 prints.
        ("TXT-FINAL-TABLE", "error", "财政拨款收入支出总计", "财政拨款收入支出决算总表"),
        # Warnings: "公务用车购置及运行维护费支出决算为0.00万元，完成预算的0%" and the same of
        # 因公出国（境）费, while the "三公" table budgets only 公务接待费 (0.95): a rate over a
        # zero (blank) budget means nothing.
        (
            "TXT-FINAL-TABLE-RATE",
            "warning",
            "公务用车购置及运行维护费",
            "财政拨款“三公”经费支出决算表",
        ),
        ("TXT-FINAL-TABLE-RATE", "warning", "因公出国（境）费", "财政拨款“三公”经费支出决算表"),
    ]
    total = report.filter(rule="TXT-FINAL-TABLE")[0]
    assert (total.expected, total.actual) == (Decimal("2961.68"), Decimal("0.3"))
    # The tables themselves have no error and no warning.
    tables = check(
        read_bundle(case("shanghai-putuo-caizhengju-2024-final")),
        select=[*(f"F{n}" for n in range(1, 10)), "XF", "DOCF", "READ"],
    )
    assert tables.errors == () and tables.warnings == ()
    accounts = read_bundle(case("shanghai-putuo-caizhengju-2024-final"), phase=Phase.FINAL)
    summary = accounts.income_expenditure_summary
    assert summary is not None
    # Not errors: 本年收入 2,946.25 ≠ 本年支出 2,940.05 is carried over (49.14 + 2,946.25 =
    # 2,940.05 + 55.34 = 2,995.39), and the summary's 社会保障和就业支出 326.71 against 326.72 in
    # the other tables is a rounding difference (tolerance 0.01).
    income = summary.block("income")
    expenditure = summary.block("expenditure")
    assert income.value("income_total", "amount") == Decimal("2946.25")
    assert expenditure.value("expenditure_total", "amount") == Decimal("2940.05")
    assert expenditure.value("208", "amount") == Decimal("326.71")
    assert accounts.expenditure is not None
    assert accounts.expenditure.value("208", "total") == Decimal("326.72")
    # the 基本支出决算表 printed in two halves reads as one list in class order
    basic = accounts.basic_expenditure
    assert basic is not None
    assert [r.key for r in basic.rows if r.code and len(r.code) == 3] == [
        "301",
        "302",
        "303",
        "310",
    ]
    assert basic.value("personnel_total", "total") == Decimal("2152.26")
    assert basic.value("public_total", "total") == Decimal("184.65")


OCCUPATIONAL = "社会保障和就业支出（类）行政事业单位离退休（款）机关事业单位职业年金缴费支出（项）"
THREE_PUBLIC = "财政拨款“三公”经费支出决算表"
GENERAL_PUBLIC = "一般公共预算财政拨款支出决算表"


def test_shiquan_2025_final_errors_are_real_mistakes_of_the_document() -> None:
    report = final_report("shanghai-putuo-shiquan-2025-final")
    errors = sorted(
        (f.rule, f.location.row or "", f.location.column or "", f.difference) for f in report.errors
    )
    assert errors == [
        # 20805 has been 行政事业单位养老支出 in the classification for years (the 2024 final
        # accounts of 财政局 and the 2026 budgets of the same district print it so); this
        # document prints the old name 行政事业单位离退休 in its three tables by function.
        ("F2-CODE-NAME", "20805", "", None),
        ("F3-CODE-NAME", "20805", "", None),
        # Class 212 and its 款 21201 print 基本支出 1,066.51 where their items add up to 10,661.51
        # (2120101 1,690.05 + 2120104 1,289.35 + 2120199 7,682.11): a digit dropped, in both
        # 支出决算表 and 一般公共预算财政拨款支出决算表. It shows as 合计 ≠ 基本 + 项目 on both rows
        # (13,583.48 − 2,921.97 = 10,661.51 for 212; 12,029.15 − 1,367.64 = 10,661.51 for 21201),
        # as 21201 ≠ Σ 项, and as 合计 基本支出 14,206.00 (right, = the basic table) ≠ Σ 类.
        ("F3-COLUMNS", "212", "本年支出合计", Decimal("9595.00")),
        ("F3-COLUMNS", "21201", "本年支出合计", Decimal("9595.00")),
        ("F3-SUM-ROWS", "21201", "基本支出", Decimal("-9595.00")),
        ("F3-TOTAL", "合计", "基本支出", Decimal("9595.01")),
        ("F5-CODE-NAME", "20805", "", None),
        ("F5-COLUMNS", "212", "合计", Decimal("9595.00")),
        ("F5-COLUMNS", "21201", "合计", Decimal("9595.00")),
        ("F5-SUM-ROWS", "21201", "基本支出", Decimal("-9595.00")),
        ("F5-TOTAL", "合计", "基本支出", Decimal("9595.01")),
        # "“三公”经费财政拨款支出决算数比 2024 年度减\n增加 21.90 万元": the template's
        # 增加/减少 half edited; the amount (37.35 − 15.45) and 141.75% agree.
        ("TXT-FINAL-CHANGE", "“三公”经费比上年增减", "", None),
        # "决算数大小于预算数": garbled; 19,044.27 < 21,864.85 is 小于.
        ("TXT-FINAL-DIRECTION", "一般公共预算财政拨款支出", "", None),
        # 职业年金 "年初预算为274.82 万元，支出决算为 245.53 万元，完成年初预算的 93.57%":
        # 245.53 / 274.82 = 89.34%; 93.57% is 257.14 / 274.82, the figure after the item's
        # name and the one table 5 prints (2080506: 257.14), so 245.53 is the slip …
        ("TXT-FINAL-RATE", OCCUPATIONAL, "", None),
        # "公务接待费支出决算为 1.53 万元，完成预算的 0%" against "公务接待费支出决算 0 万元"
        # further on and "无公务接待开支"; the "三公" table prints 预算数 1.53, 决算数 0: the
        # budget written as the actual, in the text …
        ("TXT-FINAL-RESTATED", "公务接待费", "", None),
        # … the same statement gives 257.14 and 245.53 …
        ("TXT-FINAL-RESTATED", OCCUPATIONAL, "", None),
        # … and against the tables: 1.53 stated, 0 printed (the budget written as the actual) …
        ("TXT-FINAL-TABLE", "公务接待费", THREE_PUBLIC, Decimal("1.53")),
        # … and 245.53 stated, 257.14 printed by 2080506.
        ("TXT-FINAL-TABLE", OCCUPATIONAL, GENERAL_PUBLIC, Decimal("-11.61")),
    ]
    assert sorted((f.rule, f.location.row) for f in report.warnings) == [
        # 教育支出 16.24 / 19,044.27 = 0.0853% is 0.09%, printed 0.08% so that the eleven shares
        # add to 100.00% (rounded half up they add to 100.01%): one unit of the last decimal.
        ("TXT-FINAL-SHARE", "教育支出"),
        # "因公出国（境）费决算为 0 万元，完成预算的 0%" while the table budgets nothing for
        # 因公出国（境）费 (blank): a rate over a zero budget means nothing.
        ("TXT-FINAL-TABLE-RATE", "因公出国（境）费"),
    ]
    # The other 37 items' rates, the whole 87.10%, the "三公" 69.26% and 71.28%, every other
    # share, sum and change, and every other stated figure agree with the tables.
    accounts = read_bundle(case("shanghai-putuo-shiquan-2025-final"), phase=Phase.FINAL)
    three = accounts.three_public_expenses
    assert three is not None
    # the sideways "三公" table: 合计 53.93 budgeted, 37.35 spent; 公务接待费 printed "0"
    assert (three.value("total", "budget"), three.value("total", "actual")) == (
        Decimal("53.93"),
        Decimal("37.35"),
    )
    assert three.value("reception", "actual") == Decimal("0")
    assert three.value("travel_abroad", "budget") is None


def test_shiquan_2025_final_prints_20805_by_its_name_of_2017_2019() -> None:
    # 行政事业单位离退休 is the name of 20805 before the rename: budgets of 2017–2019 print it,
    # those of 2023–2026 print 行政事业单位养老支出 (the codes observed in real documents). Still
    # an error in 2025; the report says when the printed name was used, and that this is observed.
    report = final_report("shanghai-putuo-shiquan-2025-final")
    renamed = [f for f in report if f.rule.endswith("-CODE-NAME")]
    assert [(f.rule, f.severity.value) for f in renamed] == [
        ("F2-CODE-NAME", "error"),
        ("F3-CODE-NAME", "error"),
        ("F5-CODE-NAME", "error"),
    ]
    assert {f.message for f in renamed} == {
        "科目 20805 印作“行政事业单位离退休”，2025年版支出功能分类科目中为“行政事业单位养老支出”"
        f"；实际公开文件中 2017—2019 年用“行政事业单位离退休”（{OBSERVED_NOTE}）"
    }
