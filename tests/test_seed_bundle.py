"""The seed disclosure as a grid bundle: tests/data/seed_bundle.json against the text dump.

The bundle is a hand-checked transcription of src/govbudget/samples/kaiping_2025.txt into the
grid-bundle format of the real cases. These tests prove it lost nothing: the numeric tokens of
each standard table, and every non-empty cell of the dump in order, are derived from the text
itself and compared with the bundle.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

BUNDLE = Path(__file__).parent / "data" / "seed_bundle.json"

STANDARD = [
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
OTHERS = [
    "部门机构设置情况",
    "1、本级网络安全工作经费绩效目标表",
    "2、本级网络宣传和信息化工作经费绩效目标表",
    "3、本级网络舆情监测与处置经费绩效目标表",
    "部门政府采购预算",
    "部门固定资产占用情况表",
]
DEPARTMENT = "中共唐山市开平区委网络安全和信息化委员会办公室"
HEAD = ["897" + DEPARTMENT, "预算年度：2025", "单位：万元"]

NUMBER = re.compile(r"\d+(?:\.\d+)?")
STANDARD_MARKER = re.compile(r"\[bookmark: _Toc_2_2_\d+\]")
ANY_MARKER = re.compile(r"\[bookmark: [^\]]*\]")

Table = dict[str, Any]


@pytest.fixture(scope="module")
def bundle() -> dict[str, Any]:
    return json.loads(BUNDLE.read_text("utf-8"))


@pytest.fixture(scope="module")
def tables(bundle: dict[str, Any]) -> dict[str, Table]:
    return {table["title"]: table for table in bundle["tables"]}


def rows_of(tables: dict[str, Table], title: str) -> list[list[str]]:
    rows: list[list[str]] = tables[title]["rows"]
    return rows


def standard_sections(text: str) -> list[str]:
    """The text of each of the nine standard tables: marker to marker, the last to 第一部分."""
    head = text[: text.index("\n第一部分")]
    before, *sections = STANDARD_MARKER.split(head)
    assert before.strip() == ""
    return sections


def numbers(text: str) -> Counter[str]:
    return Counter(NUMBER.findall(text))


# -- shape ---------------------------------------------------------------------------------------


def test_metadata(bundle: dict[str, Any]) -> None:
    assert bundle["source"] == {
        "document": "中共唐山市开平区委网信办 2025 年部门预算公开",
        "file": "src/govbudget/samples/kaiping_2025.txt",
    }
    assert bundle["department"] == DEPARTMENT
    assert bundle["budget_year"] == 2025
    assert bundle["kind"] == "budget"
    assert list(bundle) == ["source", "department", "budget_year", "kind", "tables", "narrative"]


def test_fifteen_tables_in_document_order(bundle: dict[str, Any]) -> None:
    assert [table["title"] for table in bundle["tables"]] == STANDARD + OTHERS
    assert all(set(table) == {"title", "rows"} for table in bundle["tables"])


@pytest.mark.parametrize("title", STANDARD + OTHERS)
def test_every_table_is_a_rectangular_grid_of_strings(tables: dict[str, Table], title: str) -> None:
    rows = rows_of(tables, title)
    assert rows
    assert len({len(row) for row in rows}) == 1, [len(row) for row in rows]
    assert all(isinstance(cell, str) for row in rows for cell in row)


@pytest.mark.parametrize(
    ("title", "width", "height"),
    [
        ("部门预算收支总表", 5, 38),
        ("部门预算收入总表", 13, 16),
        ("部门预算支出总表", 9, 16),
        ("部门预算财政拨款收支总表", 8, 41),
        ("部门预算一般公共预算财政拨款支出表", 6, 16),
        ("部门预算一般公共预算财政拨款基本支出表", 6, 21),
        ("部门预算政府性基金预算财政拨款支出表", 6, 6),
        ("部门预算国有资本经营预算财政拨款支出表", 6, 6),
        ("部门预算财政拨款“三公”经费支出表", 6, 6),
    ],
)
def test_standard_table_dimensions(
    tables: dict[str, Table], title: str, width: int, height: int
) -> None:
    rows = rows_of(tables, title)
    assert (len(rows[0]), len(rows)) == (width, height)
    assert rows[0] == HEAD + [""] * (width - 3)
    assert rows[1][0] == "序号"
    assert rows[3][0] == "栏次"
    assert rows[3][1:] == [str(n) for n in range(1, width)]


# -- cells ---------------------------------------------------------------------------------------


def test_summary_rows(tables: dict[str, Table]) -> None:
    rows = rows_of(tables, "部门预算收支总表")
    assert rows[1] == ["序号", "收入", "", "支出", ""]
    assert rows[2] == ["", "项  目", "预算数", "项  目", "预算数"]
    assert rows[4] == ["1", "一、一般公共预算拨款收入", "283.61", "一、一般公共服务支出", "256.59"]
    assert rows[5] == ["2", "二、政府性基金预算拨款收入", "", "二、外交支出", ""]
    assert rows[35] == ["32", "本年收入合计", "283.61", "本年支出合计", "283.61"]
    assert rows[37] == ["34", "收入总计", "283.61", "支出总计", "283.61"]


def test_income_header_rows(tables: dict[str, Table]) -> None:
    rows = rows_of(tables, "部门预算收入总表")
    assert rows[1] == ["序号", "功能分类科目", "", "合计", "本年收入"] + [""] * 7 + ["上年结转"]
    assert rows[2] == [
        "",
        "科目    编码",
        "科目名称",
        "",
        "小计",
        "财政拨款 收入",
        "财政专户 收入",
        "事业收入",
        "经营收入",
        "上级补助收入",
        "附属单位上缴收入",
        "其他收入",
        "",
    ]
    assert rows[4] == ["1", "", "合计", "283.61", "283.61", "283.61"] + [""] * 7


def test_expenditure_rows(tables: dict[str, Table]) -> None:
    rows = rows_of(tables, "部门预算支出总表")
    assert rows[1][5:] == ["项目支出", "经营支出", "上解上级     支出", "对附属单位补助支出"]
    assert rows[8] == ["5", "2013702", "一般行政管理事务", "80.00", "", "80.00", "", "", ""]


def test_fiscal_summary_rows(tables: dict[str, Table]) -> None:
    rows = rows_of(tables, "部门预算财政拨款收支总表")
    assert rows[1] == ["序号", "收入", "", "支出", "", "", "", ""]
    assert rows[2][6] == "政府性基金预算财政    拨款"
    assert rows[36] == [
        "33",
        "年初财政拨款结转和结余",
        "",
        "年末财政拨款结转和结余",
        "",
        "",
        "",
        "",
    ]
    assert rows[40] == ["37", "收入总计", "283.61", "支出总计", "283.61", "283.61", "", ""]


def test_basic_expenditure_rows(tables: dict[str, Table]) -> None:
    rows = rows_of(tables, "部门预算一般公共预算财政拨款基本支出表")
    assert rows[1] == ["序号", "支出部门经济分类科目", "", "一般公共预算基本支出", "", ""]
    assert rows[2] == ["", "科目编码", "科目名称", "合计", "人员经费", "公用经费"]
    by_code = {row[1]: row for row in rows[4:]}
    assert by_code["302"] == ["11", "302", "商品和服务支出", "11.39", "", "11.39"]
    assert by_code["301"] == ["2", "301", "工资福利支出", "182.21", "182.21", ""]
    assert by_code[""] == ["1", "", "合计", "193.61", "182.21", "11.39"]
    assert rows[-1] == ["17", "30239", "其他交通费用", "3.06", "", "3.06"]


@pytest.mark.parametrize(
    ("title", "note"),
    [
        ("部门预算政府性基金预算财政拨款支出表", "注：无政府性基金预算财政拨款预算，空表列示。"),
        (
            "部门预算国有资本经营预算财政拨款支出表",
            "注：无国有资本经营预算财政拨款预算，空表列示。",
        ),
        ("部门预算财政拨款“三公”经费支出表", "注：无财政拨款“三公”经费支出预算，空表列示。"),
    ],
)
def test_empty_tables_keep_their_empty_row_and_note(
    tables: dict[str, Table], title: str, note: str
) -> None:
    rows = rows_of(tables, title)
    assert rows[4] == [""] * 6
    assert rows[5] == [note, "", "", "", "", ""]


def test_three_public_header_rows(tables: dict[str, Table]) -> None:
    rows = rows_of(tables, "部门预算财政拨款“三公”经费支出表")
    assert rows[1] == ["序号", "项  目", "资 金 性 质", "", "", ""]
    assert rows[2] == [
        "",
        "",
        "合计",
        "一般公共预算              财政拨款",
        "政府性基金                  预算拨款",
        "国有资本经营              预算财政拨款",
    ]


def test_other_tables(tables: dict[str, Table]) -> None:
    assert rows_of(tables, "部门机构设置情况")[1] == [
        DEPARTMENT + "本级",
        "行政",
        "正科级",
        "财政拨款",
    ]
    goal = rows_of(tables, "3、本级网络舆情监测与处置经费绩效目标表")
    assert goal[2] == [
        "预算规模及资金用途",
        "预算数",
        "68.00",
        "其中：财政    资金",
        "68.00",
        "其他资金",
        " ",
    ]
    assert goal[11] == [
        "",
        "成本指标",
        "项目总成本",
        "项目总成本",
        "≤68万",
        "唐网信委【2024】2号",
        "",
    ]
    procurement = rows_of(tables, "部门政府采购预算")
    assert procurement[-1][0] == "注：无政府采购预算，空表列示。"
    assets = rows_of(tables, "部门固定资产占用情况表")
    assert assets[2] == ["资产总额", "89", "20.61"]
    assert assets[4][0] == "\u3000\u3000其中：办公用房（平方米）"


# -- nothing lost --------------------------------------------------------------------------------


@pytest.mark.parametrize("index", range(9), ids=STANDARD)
def test_numeric_tokens_of_each_standard_table_match_its_section_of_the_text(
    bundle: dict[str, Any], seed_text: str, index: int
) -> None:
    section = standard_sections(seed_text)[index]
    table = bundle["tables"][index]
    assert section.split("\n", 1)[0].strip() == table["title"]
    cells = "\n".join(cell for row in table["rows"] for cell in row)
    assert numbers(table["title"] + "\n" + cells) == numbers(section)


def test_every_non_empty_cell_of_the_text_is_in_the_bundle_in_order(
    bundle: dict[str, Any], seed_text: str
) -> None:
    printed = [line[1:] for line in seed_text.splitlines() if line.startswith("\t")]
    notes = {row[0] for table in bundle["tables"] for row in table["rows"] if row[0][:2] == "注："}
    cells = [
        cell
        for table in bundle["tables"]
        for row in table["rows"]
        for cell in row
        if cell and cell not in notes
    ]
    assert cells == [cell for cell in printed if cell]


def test_narrative_is_the_text_after_the_tables_less_titles_and_notes(
    bundle: dict[str, Any], seed_text: str
) -> None:
    narrative = bundle["narrative"]
    assert "[bookmark" not in narrative
    paragraphs = narrative.split("\n")
    assert paragraphs[0].startswith("第一部分  ")
    assert paragraphs[-1] == "我部门无其他需要说明的事项。"
    titles = set(STANDARD + OTHERS)
    notes = {row[0] for table in bundle["tables"] for row in table["rows"] if row[0][:2] == "注："}
    lines = [ANY_MARKER.sub("", line) for line in seed_text.splitlines()]
    tail = lines[next(i for i, line in enumerate(lines) if line.startswith("第一部分")) :]
    expected = [
        line
        for line in tail
        if line.strip() and not line.startswith("\t") and line not in titles | notes
    ]
    assert paragraphs == expected
    assert "6、 部门主管专项资金预算安排情况及绩效目标" in paragraphs
    assert "2025年，我部门机关运行经费共计安排11.39万元" in narrative
