"""Reading in a notebook: short reprs, ``_repr_html_`` everywhere, highlighted cells.

The highlights are checked against an independent reading of the HTML (html.parser): for every
cell of every table of the seed and of the three 上海 budgets, a finding located the way the
rules locate one tints exactly that cell, whose text is the figure of the model.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest

from govbudget import (
    DepartmentBudget,
    Finding,
    Report,
    Severity,
    Table,
    TableHeader,
    check,
    read_bundle,
)
from govbudget.amounts import format_amount
from govbudget.disclosure import FixedAssetsTable, ProcurementItem, ProcurementTable
from govbudget.findings import Location
from govbudget.tables import STANDARD_TABLES, BasicExpenditureTable, Row
from govbudget.writing.render import to_html
from govbudget.writing.report import report_to_html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "examples"))
from seed_budget import build_budget  # noqa: E402  (examples/ is put on the path just above)

SEED = build_budget()
SHANGHAI = {
    name: read_bundle(
        json.loads((ROOT / f"tests/data/cases/shanghai-putuo-{name}-2026.json").read_text("utf-8"))
    )
    for name in ("chengguan", "jianguanwei", "wenlvju")
}
BUDGETS = {"seed": SEED, **SHANGHAI}
TABLES = [(f"{name}-{t.SPEC.number}", t) for name, b in BUDGETS.items() for t in b.tables]


class Cells(HTMLParser):
    """The body cells of an HTML page: text, class and title of each ``<td>``, and the
    attributes of the captions and headings."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[dict[str, str]] = []
        self.marked_headings: list[dict[str, str]] = []
        self._cell: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        if tag == "td":
            self._cell = {**found, "text": ""}
            self.cells.append(self._cell)
        elif tag in ("caption", "h2") and "class" in found:
            self.marked_headings.append(found)

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell["text"] += data


def cells_of(page: str) -> Cells:
    parser = Cells()
    parser.feed(page)
    parser.close()
    return parser


def marked(page: str) -> list[dict[str, str]]:
    return [cell for cell in cells_of(page).cells if cell.get("class", "").startswith("govbudget-")]


def located(table: Table, block: int, row: Row, column: str | None) -> Location:
    """A location as the table rules give it: code or label, after the side in a two-sided
    table; the column by its standard header."""
    spec = table.SPEC.blocks[block]
    name = row.code or row.label
    return Location(
        table=table.title,
        row=f"{spec.label}·{name}" if spec.label else name,
        column=None if column is None else spec.header_of(column),
    )


# --- reprs -----------------------------------------------------------------------------------


def test_reprs_say_what_and_how_big() -> None:
    assert repr(SEED) == (
        "<DepartmentBudget 中共唐山市开平区委网络安全和信息化委员会办公室 2025: "
        "9 tables, 3 project goals, 25 facts>"
    )
    assert (
        repr(SEED.expenditure)
        == "<ExpenditureTable 部门预算支出总表 2025 万元: 12 rows × 6 columns>"
    )
    assert repr(SEED.income_expenditure_summary) == (
        "<IncomeExpenditureSummary 部门预算收支总表 2025 万元: "
        "income 8 rows × 1 column, expenditure 34 rows × 1 column>"
    )
    assert repr(check(SEED)) == "<Report 错误 1 项，警告 2 项，提示 3 项>"
    assert repr(SHANGHAI["chengguan"]).endswith("2 read findings>")


@pytest.mark.parametrize("kind", STANDARD_TABLES, ids=lambda kind: kind.__name__)
def test_every_table_class_has_the_short_repr(kind: type[Table]) -> None:
    table = SEED.table(kind)
    assert table is not None
    assert re.fullmatch(rf"<{kind.__name__} {table.title} 2025 万元: .* columns?>", repr(table))
    assert "Decimal" not in repr(table)


def test_the_model_never_imports_the_writers_when_it_is_imported() -> None:
    # Only a display method asks for them, when a notebook calls it.
    src = ROOT / "src" / "govbudget"
    for module in [*(src / "tables").glob("*.py"), *(src / "disclosure").glob("*.py")]:
        tree = ast.parse(module.read_text("utf-8"))
        for node in tree.body:
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            assert not any(name.startswith("govbudget.writing") for name in names), module


# --- _repr_html_ -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "obj",
    [*SEED.tables, SEED.fixed_assets, SEED.procurement, SEED, check(SEED)],
    ids=lambda obj: type(obj).__name__,
)
def test_everything_shows_as_html(obj: object) -> None:
    page = obj._repr_html_()  # type: ignore[attr-defined]
    assert isinstance(page, str)
    assert "<table" in page


def test_the_classes_define_their_html_and_the_tables_inherit_it() -> None:
    for kind in (*STANDARD_TABLES, FixedAssetsTable, ProcurementTable):
        assert kind._repr_html_ is not None  # type: ignore[attr-defined]
    assert DepartmentBudget._repr_html_ is not Table._repr_html_  # type: ignore[attr-defined]
    assert all(
        kind._repr_html_ is Table._repr_html_  # type: ignore[attr-defined]
        for kind in STANDARD_TABLES
    )


def test_a_clean_table_shows_alone_a_faulty_one_with_its_findings() -> None:
    clean = SEED.expenditure
    assert clean is not None and not check(clean)
    assert "govbudget-report" not in clean._repr_html_()  # type: ignore[attr-defined]
    faulty = BasicExpenditureTable.from_rows(
        TableHeader("网信办", 2025),
        [("total", "合计", {"total": "193.61", "personnel": "182.21", "public": "12.39"})],
    )
    page = faulty._repr_html_()  # type: ignore[attr-defined]
    assert "govbudget-report" in page
    assert {cell["text"] for cell in marked(page) if cell.get("title")} >= {"193.61"}


def test_a_disclosure_shows_its_findings_on_the_cells_and_then_the_whole_report() -> None:
    t6 = SEED.basic_expenditure
    assert t6 is not None
    rows = [Row(r.key, r.label, ("12.39", None, "12.39")) if r.key == "302" else r for r in t6.rows]
    tables = [attrs.evolve(t6, rows=rows) if t is t6 else t for t in SEED.tables]
    broken = attrs.evolve(SEED, tables=tables)
    page = broken._repr_html_()  # type: ignore[attr-defined]
    report = check(broken)
    errors = [cell for cell in marked(page) if cell["class"] == "govbudget-error"]
    # 302's 合计 and 公用经费 (12.39 ≠ its 款), the 合计 row's 合计 and 公用经费 (≠ its 类)
    assert sorted(cell["text"] for cell in errors) == ["11.39", "12.39", "12.39", "193.61"]
    assert all("T6-" in cell["title"] for cell in errors)
    # The report follows the tables, with the finding about the explanation no cell can show.
    assert page.index("</article>") < page.index("govbudget-report")
    assert "TXT-FIXED-ASSETS" in page[page.index("govbudget-report") :]
    assert len(report) == page[page.index("govbudget-report") :].count("<tr style=")


def test_a_warning_on_a_real_budget_tints_the_cells_it_names() -> None:
    budget = SHANGHAI["wenlvju"]
    page = budget._repr_html_()  # type: ignore[attr-defined]
    t6 = budget.basic_expenditure
    assert t6 is not None
    warned = [cell["text"] for cell in marked(page) if "T6-CONVENTION" in cell["title"]]
    assert warned == [format_amount(t6.value("total", c)) for c in ("personnel", "public")]


# --- highlight -------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "table"), TABLES, ids=[name for name, _table in TABLES])
def test_a_finding_tints_exactly_the_cell_it_locates(name: str, table: Table) -> None:
    findings = []
    text: dict[str, str] = {}  # by message, the figure of the cell the finding is about
    where: dict[str, Location] = {}
    for b, block in enumerate(table.blocks()):
        for r, row in enumerate(block.rows):
            for column, value in zip(block.columns, row.values, strict=True):
                message = f"{b}/{r}/{column}"
                where[message] = located(table, b, row, column)
                findings.append(Finding("X", Severity.INFO, "x", message, where[message]))
                text[message] = format_amount(value)
    cells = marked(to_html(table, highlight=findings))
    assert len(cells) == len(findings)
    for cell in cells:
        messages = [line.removeprefix("提示 X：") for line in cell["title"].split("\n")]
        # A location names one cell, except where a table prints two rows of the same label
        # (table 4 prints 一、一般公共预算拨款 twice): then it names both, and both are tinted.
        assert len({where[message] for message in messages}) == 1
        assert len(messages) == sum(where[m] == where[messages[0]] for m in where)
        assert cell["text"] in {text[message] for message in messages}


def test_findings_on_the_fixed_assets_and_procurement_tables_tint_their_cells() -> None:
    assets = SEED.fixed_assets
    assert assets is not None
    finding = Finding(
        "FA-X", Severity.ERROR, "x", "资产", Location(assets.title, "资产总额", "价值")
    )
    assert [cell["text"] for cell in marked(to_html(assets, highlight=[finding]))] == ["20.61"]
    procurement = ProcurementTable(
        "某部门", items=[ProcurementItem("台式计算机", total="1.20", general_public="1.00")]
    )
    finding = Finding(
        "PROC-X", Severity.ERROR, "x", "来源", Location(procurement.title, "台式计算机", "合计")
    )
    assert [cell["text"] for cell in marked(to_html(procurement, highlight=[finding]))] == ["1.20"]


def test_a_finding_about_a_row_tints_its_code_and_name() -> None:
    table = SEED.expenditure
    assert table is not None
    row = table.rows[3]
    finding = Finding("X", Severity.WARNING, "x", "行", located(table, 0, row, None))
    cells = marked(to_html(table, highlight=[finding]))
    assert [cell["text"] for cell in cells] == ["2013701", "行政运行"]
    assert {cell["class"] for cell in cells} == {"govbudget-warning"}


def test_a_finding_about_the_table_or_an_unprinted_row_tints_the_caption() -> None:
    table = SEED.three_public_expenses
    assert table is not None
    whole = Finding("DOC-EMPTY", Severity.INFO, "x", "空表", Location(table.title))
    elsewhere = Finding("X", Severity.ERROR, "x", "无此行", Location(table.title, "公务接待费"))
    other = Finding("X", Severity.ERROR, "x", "他表", Location("部门预算支出总表", "201"))
    parsed = cells_of(to_html(table, highlight=[whole, elsewhere, other]))
    assert not [c for c in parsed.cells if "class" in c]
    [caption] = parsed.marked_headings
    assert caption["class"] == "govbudget-error"
    assert (
        "空表" in caption["title"]
        and "无此行" in caption["title"]
        and "他表" not in caption["title"]
    )
    # In a disclosure the section's heading carries them.
    sections = cells_of(to_html(SEED, highlight=[whole]))
    assert [h["class"] for h in sections.marked_headings] == ["govbudget-info"]


def test_the_gravest_finding_on_a_cell_tints_it_and_every_message_is_in_its_title() -> None:
    table = SEED.expenditure
    assert table is not None
    where = located(table, 0, table.rows[0], "total")
    findings = [
        Finding("A", Severity.INFO, "a", "一", where),
        Finding("B", Severity.WARNING, "b", '二 "<&>"', where),
    ]
    page = to_html(table, highlight=findings)
    [cell] = marked(page)
    assert cell["class"] == "govbudget-warning"
    assert cell["title"] == '提示 A：一\n警告 B：二 "<&>"'
    assert "background:#fff3cd" in cell["style"] and "text-align:right" in cell["style"]
    assert "&quot;&lt;&amp;&gt;&quot;" in page


def test_without_highlight_nothing_is_tinted() -> None:
    page = to_html(SEED)
    assert "govbudget-error" not in page and "background" not in page


# --- reports ---------------------------------------------------------------------------------


def test_report_html_lists_every_finding_escaped_and_tinted() -> None:
    report = check(SEED)
    page = report_to_html(report)
    assert len(cells_of(page).cells) == 9 * len(report)
    assert page.count('class="govbudget-error"') == len(report.errors)
    assert page.count('class="govbudget-warning"') == len(report.warnings)
    assert report.summary() in page
    assert "未发现问题" in report_to_html(Report())
