"""Tables and reports for reading: every table in every format, checked against its grid.

The seed's nine tables (examples/seed_tables.py) and its whole disclosure
(examples/seed_budget.py) are rendered; each format is read back with an independent tool —
csv.reader, html.parser, a display-width measure written here — and compared with
``render_grid``, which every renderer starts from.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import unicodedata
from collections.abc import Callable, Iterator
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from govbudget import DepartmentBudget, Finding, Report, Severity, Table, TableHeader, check
from govbudget.findings import Location
from govbudget.tables import STANDARD_TABLES, ExpenditureTable, IncomeTable
from govbudget.writing import render_grid
from govbudget.writing.cells import display_width, text_columns
from govbudget.writing.render import to_csv, to_html, to_markdown, to_text
from govbudget.writing.report import (
    report_to_dict,
    report_to_json,
    report_to_markdown,
    report_to_text,
)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))
from seed_budget import build_budget
from seed_tables import build_tables

TABLES: list[Table] = build_tables()
BUDGET: DepartmentBudget = build_budget()
OTHER_TITLES = ["部门机构设置情况", "部门固定资产占用情况表", "部门政府采购预算表"]
HEADER_ROWS = 2  # render_grid: title, department line, two header rows, the 栏次 row, …


def table_id(table: Table) -> str:
    return type(table).__name__


every_table = pytest.mark.parametrize("table", TABLES, ids=table_id)


def width_of(text: str) -> int:
    """Display width measured here, independently of the renderer: W and F count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def grid_parts(table: Table) -> tuple[list[str], list[list[str]], list[list[str]]]:
    """(the 栏次 row, the numbered rows, the note rows) of a table's grid."""
    grid = render_grid(table)
    numbers = 2 + HEADER_ROWS
    assert grid[numbers][0] == "栏次"
    body = [row for row in grid[numbers + 1 :] if row[0].isdigit()]
    notes = grid[numbers + 1 + len(body) :]
    return grid[numbers], body, notes


def money_columns(table: Table) -> list[int]:
    """The columns of the grid headed by a money column of the declaration."""
    grid = render_grid(table)
    headers = {c.header for block in table.SPEC.blocks for c in block.columns}
    lowest = [next((r[c] for r in (grid[3], grid[2]) if r[c]), "") for c in range(len(grid[0]))]
    return [c for c, header in enumerate(lowest) if header in headers]


def test_the_seed_gives_all_nine_tables() -> None:
    assert [type(t) for t in TABLES] == list(STANDARD_TABLES)


# --- CSV -----------------------------------------------------------------------------------------


@every_table
def test_csv_reads_back_as_the_grid(table: Table) -> None:
    assert list(csv.reader(io.StringIO(to_csv(table)))) == render_grid(table)


def test_csv_of_a_disclosure_is_one_section_per_part() -> None:
    sections = to_csv(BUDGET).split("\n\n")
    titles = [t.title for t in TABLES] + OTHER_TITLES
    assert [s.splitlines()[0] for s in sections] == [f"# {title}" for title in titles]
    for section, table in zip(sections, TABLES, strict=False):
        rows = list(csv.reader(io.StringIO(section.split("\n", 1)[1])))
        assert rows == render_grid(table)


def test_csv_quotes_what_needs_quoting() -> None:
    table = ExpenditureTable.from_rows(
        TableHeader('单位,"甲"', 2025),
        [("total", "合计", {"total": "1.00", "basic": "1.00"})],
        note="注：含逗号,与换行\n第二行",
    )
    assert list(csv.reader(io.StringIO(to_csv(table)))) == render_grid(table)


# --- Markdown ------------------------------------------------------------------------------------


def markdown_table(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("|")]


@every_table
def test_markdown_has_the_title_a_header_the_line_numbers_and_every_row(table: Table) -> None:
    text = to_markdown(table)
    numbers, body, notes = grid_parts(table)
    lines = markdown_table(text)
    assert text.startswith(f"## {table.title}\n")
    assert len(lines) == 2 + 1 + len(body)
    width = len(numbers)
    assert all(line.count(" | ") == width - 1 for line in lines if not line.startswith("|-"))
    assert lines[2] == "| " + " | ".join(numbers) + " |"
    for line, row in zip(lines[3:], body, strict=True):
        assert line == "| " + " | ".join(row) + " |"
    for note in notes:
        assert f"\n{note[0]}\n" in text


@every_table
def test_markdown_right_aligns_the_money_columns(table: Table) -> None:
    alignment = markdown_table(to_markdown(table))[1].strip("|").split("|")
    right = [c for c, cell in enumerate(alignment) if cell == "---:"]
    assert right == money_columns(table)


def test_markdown_header_joins_a_group_with_its_columns() -> None:
    header = markdown_table(to_markdown(TABLES[1]))[0]
    assert "| 本年收入 / 小计 |" in header
    assert "| 功能分类科目 / 科目编码 |" in header
    assert "| 合计 |" in header and "| 上年结转 |" in header


def test_markdown_escapes_pipes() -> None:
    table = ExpenditureTable.from_rows(
        TableHeader("甲|乙", 2025), [("201", "一般|公共", {"total": "1.00"})]
    )
    assert "| 201 | 一般\\|公共 | 1.00 |" in to_markdown(table)


# --- aligned text --------------------------------------------------------------------------------


def cell_spans(line: str, cells: list[str]) -> Iterator[tuple[int, int, int]]:
    """(column, display start, display end) of each non-empty cell, found left to right."""
    at = 0
    for column, cell in enumerate(cells):
        if not cell:
            continue
        start = line.index(cell, at)
        at = start + len(cell)
        yield column, width_of(line[:start]), width_of(line[:at])


def text_rows(table: Table) -> tuple[list[str], list[list[str]]]:
    """The text lines of the 栏次 row and the numbered rows, with their grid cells."""
    lines = to_text(table).splitlines()
    numbers, body, _notes = grid_parts(table)
    first = next(n for n, line in enumerate(lines) if line.startswith("栏次"))
    rows = [numbers, *body]
    # the rule under the 栏次 row
    assert set(lines[first + 1]) == {"-"}
    return [lines[first], *lines[first + 2 : first + 2 + len(body)]], rows


@every_table
def test_text_aligns_columns_counting_wide_characters_twice(table: Table) -> None:
    lines, rows = text_rows(table)
    money = set(money_columns(table))
    starts: dict[int, set[int]] = {}
    ends: dict[int, set[int]] = {}
    for line, cells in zip(lines, rows, strict=True):
        for column, start, end in cell_spans(line, cells):
            starts.setdefault(column, set()).add(start)
            ends.setdefault(column, set()).add(end)
    for column in starts:
        if column in money:
            assert len(ends[column]) == 1, f"column {column} is not right-aligned"
        else:
            assert len(starts[column]) == 1, f"column {column} is not left-aligned"


def test_the_alignment_is_by_display_width_not_by_characters() -> None:
    lines, rows = text_rows(TABLES[1])
    total = 3  # 合计
    char_ends = set()
    display_ends = set()
    for line, cells in zip(lines[1:], rows[1:], strict=True):
        char_ends.add(line.index(cells[total]) + len(cells[total]))
        display_ends.add(width_of(line[: line.index(cells[total]) + len(cells[total])]))
    assert len(display_ends) == 1
    assert len(char_ends) > 1  # labels of different lengths in CJK: characters would not align


@every_table
def test_text_holds_the_title_the_department_line_and_the_notes(table: Table) -> None:
    lines = to_text(table).splitlines()
    grid = render_grid(table)
    _numbers, _body, notes = grid_parts(table)
    assert lines[0] == table.title
    assert lines[1].split() == [cell for cell in grid[1] if cell]
    assert lines[len(lines) - len(notes) :] == [note[0] for note in notes]
    assert all(line == line.rstrip() for line in lines)


def test_text_centres_a_group_over_its_columns() -> None:
    lines = to_text(TABLES[1]).splitlines()
    group, below = lines[2], lines[3]
    start = width_of(group[: group.index("本年收入")])
    # The run starts two spaces after the column of 合计 and ends with the column of 其他收入;
    # both are money columns, so their headers end where their columns end.
    left = width_of(below[: below.index("合计") + len("合计")]) + 2
    right = width_of(below[: below.index("其他收入") + len("其他收入")])
    assert left < start and start + width_of("本年收入") < right
    assert abs((start - left) - (right - start - width_of("本年收入"))) <= 1


def test_display_width_and_text_columns() -> None:
    assert display_width("部门ab") == 6
    assert display_width("　") == 2
    assert text_columns([["项目", "1.00"], ["a", "10.00"]], right={1}) == [
        "项目   1.00",
        "a     10.00",
    ]


# --- HTML ----------------------------------------------------------------------------------------


class TableShape(HTMLParser):
    """Checks that tags nest and close, and records each row's cells and spans by section."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.rows: dict[str, list[list[tuple[int, int]]]] = {}
        self.section = ""
        self.sections = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append(tag)
        found = dict(attrs)
        if tag in ("thead", "tbody", "tfoot"):
            self.section = tag
        elif tag == "section":
            self.sections += 1
        elif tag == "tr":
            self.rows.setdefault(self.section, []).append([])
        elif tag in ("td", "th"):
            spans = (int(found.get("colspan") or 1), int(found.get("rowspan") or 1))
            self.rows[self.section][-1].append(spans)

    def handle_endtag(self, tag: str) -> None:
        assert self.open, f"</{tag}> closes nothing"
        assert self.open.pop() == tag, f"</{tag}> closes another element"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(text: str) -> TableShape:
    shape = TableShape()
    shape.feed(text)
    shape.close()
    assert shape.open == [], f"unclosed: {shape.open}"
    return shape


def occupied_widths(rows: list[list[tuple[int, int]]]) -> list[int]:
    """How many grid columns each row fills, counting cells spanning down from rows above."""
    pending: list[tuple[int, int]] = []  # (rows still covered, columns) of cells spanning down
    widths = []
    for cells in rows:
        width = sum(columns for _rows, columns in pending)
        width += sum(colspan for colspan, _rowspan in cells)
        widths.append(width)
        pending = [(r - 1, c) for r, c in pending if r > 1]
        pending += [(rowspan - 1, colspan) for colspan, rowspan in cells if rowspan > 1]
    return widths


@every_table
def test_html_is_well_formed_with_a_cell_for_every_column(table: Table) -> None:
    numbers, body, notes = grid_parts(table)
    shape = parse_html(to_html(table))
    width = len(numbers)
    assert len(shape.rows["thead"]) == HEADER_ROWS + 1
    assert len(shape.rows.get("tbody", [])) == len(body)
    assert len(shape.rows.get("tfoot", [])) == len(notes)
    assert occupied_widths(shape.rows["thead"]) == [width] * (HEADER_ROWS + 1)
    assert all(len(cells) == width for cells in shape.rows.get("tbody", []))


def test_html_merges_groups_and_headers_over_blanks() -> None:
    shape = parse_html(to_html(TABLES[1]))
    upper, lower, numbers = shape.rows["thead"]
    # 序号 (rowspan 2), 功能分类科目 over code and name, 合计 (rowspan 2), 本年收入 over 8, 上年结转
    assert upper == [(1, 2), (2, 1), (1, 2), (8, 1), (1, 2)]
    assert lower == [(1, 1)] * 10
    assert numbers == [(1, 1)] * 13


def test_html_right_aligns_figures_and_leaves_blanks_empty() -> None:
    html = to_html(TABLES[2])
    assert '<td style="text-align:right">283.61</td>' in html
    assert '<td style="text-align:right"></td>' in html
    assert "<td>合计</td>" in html


def test_html_escapes_text() -> None:
    table = ExpenditureTable.from_rows(
        TableHeader("甲<&>乙", 2025),
        [("201", "一般<b>公共</b>", {"total": "1.00"})],
        note='注：<script>alert("&")</script>',
    )
    html = to_html(table)
    assert "<&>" not in html and "<b>" not in html and "<script>" not in html
    assert "甲&lt;&amp;&gt;乙" in html
    shape = parse_html(html)
    text = "".join(shape.text)
    assert "甲<&>乙" in text and 'alert("&")' in text


def test_html_of_a_disclosure_is_a_section_per_part() -> None:
    html = to_html(BUDGET)
    shape = parse_html(html)
    titles = [t.title for t in TABLES] + OTHER_TITLES
    assert shape.sections == len(titles)
    positions = [html.index(f"<h2>{title}</h2>") for title in titles]
    assert positions == sorted(positions)


# --- a whole disclosure --------------------------------------------------------------------------


@pytest.mark.parametrize("render", [to_markdown, to_text], ids=["markdown", "text"])
def test_a_disclosure_renders_every_part_in_standard_order(
    render: Callable[[DepartmentBudget], str],
) -> None:
    text = render(BUDGET)
    titles = [t.title for t in TABLES] + OTHER_TITLES
    positions = [text.index(title) for title in titles]
    assert positions == sorted(positions)
    assert "中共唐山市开平区委网络安全和信息化委员会办公室本级" in text
    assert "20.61" in text  # the fixed assets
    assert "注：无政府采购预算，空表列示。" in text


def test_a_disclosure_without_some_tables_renders_those_it_has() -> None:
    budget = DepartmentBudget("某单位", 2025, tables=[TABLES[1]])
    text = to_markdown(budget)
    assert text.startswith("# 某单位 2025年部门预算\n")
    assert IncomeTable.SPEC.title in text and ExpenditureTable.SPEC.title not in text


# --- reports -------------------------------------------------------------------------------------

FINDING_KEYS = [
    "rule",
    "severity",
    "table",
    "row",
    "column",
    "expected",
    "actual",
    "difference",
    "tolerance",
    "message",
    "title",
]
AMOUNTS = ("expected", "actual", "difference", "tolerance")


def no_floats(text: str) -> object:
    def refuse(literal: str) -> object:
        raise AssertionError(f"a float in the JSON: {literal}")

    return json.loads(text, parse_float=refuse)


def sample_report() -> Report:
    return Report(
        [
            Finding(
                "T6-SUM-ROWS",
                Severity.ERROR,
                "Parent row equals the sum of its children",
                "302“商品和服务支出”公用经费 12.39 与其下各款之和 11.38 不符",
                Location("一般公共预算财政拨款基本支出表", "302", "公用经费"),
                Decimal("11.38"),
                Decimal("12.39"),
                Decimal("1.01"),
                Decimal("0.035"),
            ),
            Finding(
                "T6-SUM-COLUMNS",
                Severity.WARNING,
                "Total equals the sum of the columns",
                "合计 0.00 与人员经费、公用经费之和 100.00 不符",
                Location("一般公共预算财政拨款基本支出表", "301", "合计"),
                Decimal("100.00"),
                Decimal("0.00"),
                Decimal("-100.00"),
                Decimal("0.015"),
            ),
            Finding(
                "DOC-EMPTY-NOTE",
                Severity.INFO,
                "An empty table says why",
                "空表未说明原因",
                Location("政府性基金预算财政拨款支出表"),
            ),
            Finding(
                "DOC-META",
                Severity.INFO,
                "No location",
                "未指明表格的提示",
                actual=Decimal("7.5"),
                tolerance=Decimal("0.05"),
            ),
        ]
    )


def test_report_json_has_the_exact_shape_and_types() -> None:
    data = no_floats(report_to_json(sample_report()))
    assert isinstance(data, dict)
    assert list(data) == ["ok", "counts", "findings"]
    assert data["ok"] is False
    assert data["counts"] == {"error": 1, "warning": 1, "info": 2}
    assert list(data["counts"]) == ["error", "warning", "info"]
    assert all(type(n) is int for n in data["counts"].values())
    for finding in data["findings"]:
        assert list(finding) == FINDING_KEYS
        assert all(isinstance(finding[k], str) for k in ("rule", "severity", "message", "title"))
        for key in ("table", "row", "column", *AMOUNTS):
            assert finding[key] is None or isinstance(finding[key], str)
    first, second, third, fourth = data["findings"]
    assert [first[k] for k in AMOUNTS] == ["11.38", "12.39", "1.01", "0.035"]
    assert second["actual"] == "0.00" and second["difference"] == "-100.00"
    assert [third[k] for k in AMOUNTS] == [None] * 4
    assert third["row"] is None and third["table"] == "政府性基金预算财政拨款支出表"
    assert fourth["table"] is None
    assert first["severity"] == "error" and first["message"].startswith("302“商品")


def test_report_json_writes_chinese_as_is_and_matches_the_dict() -> None:
    text = report_to_json(sample_report())
    assert "商品和服务支出" in text and "\\u" not in text
    assert json.loads(text) == report_to_dict(sample_report())


def test_report_json_of_the_seed_disclosure() -> None:
    data = no_floats(report_to_json(check(BUDGET)))
    assert isinstance(data, dict)
    assert data["ok"] is False
    errors = [f for f in data["findings"] if f["severity"] == "error"]
    assert [f["rule"] for f in errors] == ["TXT-FIXED-ASSETS"]


def test_report_text_groups_by_table_and_ends_with_the_summary() -> None:
    report = sample_report()
    text = report_to_text(report)
    lines = text.splitlines()
    assert lines[-1] == "错误 1 项，警告 1 项，提示 2 项"
    groups = [line for line in lines if line and not line.startswith(" ")][:-1]
    assert groups == [
        "一般公共预算财政拨款基本支出表",
        "政府性基金预算财政拨款支出表",
        "（未指明表格）",
    ]
    first = text.index("一般公共预算财政拨款基本支出表")
    assert first < text.index("T6-SUM-ROWS") < text.index("T6-SUM-COLUMNS")
    assert text.index("T6-SUM-COLUMNS") < text.index("政府性基金预算财政拨款支出表")
    assert "错误  T6-SUM-ROWS" in text and "警告  T6-SUM-COLUMNS" in text


def test_report_text_aligns_the_figures() -> None:
    lines = [line for line in report_to_text(sample_report()).splitlines() if "实为" in line]
    assert len(lines) == 3  # the third has no expected figure and no difference
    for label in ("实为", "容差"):
        assert len({width_of(line[: line.index(label)]) for line in lines}) == 1
    # the printed figures end in the same column
    assert len({width_of(line[: line.index("  差额")]) for line in lines[:2]}) == 1
    assert len({width_of(line[: line.index("  容差")]) for line in lines}) == 1


def test_report_text_of_no_findings() -> None:
    assert report_to_text(Report()) == "未发现问题。\n错误 0 项，警告 0 项，提示 0 项\n"


def test_report_markdown_is_a_table_with_the_summary() -> None:
    text = report_to_markdown(sample_report())
    lines = text.splitlines()
    assert lines[0] == "**检查结果**：错误 1 项，警告 1 项，提示 2 项"
    rows = markdown_table(text)
    assert len(rows) == 2 + len(sample_report())
    assert rows[2].startswith(
        "| 错误 | `T6-SUM-ROWS` | 一般公共预算财政拨款基本支出表 | 302 / 公用经费 |"
    )
    assert rows[2].endswith("| 11.38 | 12.39 | 1.01 | 0.035 |")
    assert "未发现问题。" in report_to_markdown(Report())
