"""Reading a published PDF (the pdf extra): tables from ruling lines, titles, the explanation,
scanned pages refused, and the CLI on a .pdf file.

The fixture is a real document: 江苏省人大常委会办公厅 2019 部门预算公开表 (13 pages, tables only,
from ../shared/corpus/ob-js-renda-2019-budget-tables, byte for byte).
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("pdfplumber")

from govbudget import DepartmentBudget, check
from govbudget.bulk import load_file
from govbudget.errors import DocumentError
from govbudget.reading.pdf import (
    SCANNED,
    _preamble_cells,
    _repeated,
    _title_row,
    extract_pdf,
    read_pdf,
)
from govbudget.tables import GeneralPublicExpenditureTable, ThreePublicExpensesTable

RENDA = Path(__file__).parent / "data" / "pdf" / "jiangsu-renda-2019-budget-tables.pdf"


def one_page_pdf(content: bytes) -> bytes:
    """A one-page PDF that draws ``content`` (a content stream) and has no text."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        start,
    )
    return bytes(out)


# A page image (a one-pixel inline image stretched over the page), as a scanner makes it.
SCANNED_PAGE = one_page_pdf(b"q 100 0 0 100 0 0 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q")
# A line drawn and nothing else: no text and no image, what a damaged file may leave.
EMPTY_PAGE = one_page_pdf(b"0 0 m 100 100 l S")


def test_the_tables_are_taken_apart_with_their_titles() -> None:
    contents = extract_pdf(RENDA.read_bytes())
    assert contents.pages == 13
    titles = [table.title for table in contents.tables]
    # The title and unit lines stand inside each table's frame: its first row, read apart.
    assert titles[:4] == [
        "收支预算总表 公开表一",
        "收入预算总表 公开表二",
        "支出预算总表 公开表三",
        "财政拨款收支预算总表 公开表四",
    ]
    assert contents.tables[0].rows[0] == (
        "部门：江苏省人大常委会办公厅",
        "单位：万元",
        "",
        "",
        "",
        "",
    )
    assert contents.narrative == ""


def test_a_pdf_is_read_through_the_same_recognition() -> None:
    budget = read_pdf(RENDA.read_bytes())
    assert isinstance(budget, DepartmentBudget)
    assert (budget.year, budget.department) == (2019, "江苏省人大常委会办公厅")
    t7 = budget.table(GeneralPublicExpenditureTable)
    assert t7 is not None and t7.header.department == "江苏省人大常委会办公厅"
    three = budget.table(ThreePublicExpensesTable)
    # 公开表九 prints "部门：" and the name in two cells.
    assert three is not None and three.header.department == "江苏省人大常委会办公厅"
    # Its 合计 (2,600.71) totals 会议费 and 培训费 too: the “三公”经费 column is the total.
    assert three.value("total", three.columns[0]) == Decimal("767.60")
    assert three.value("travel_abroad", three.columns[0]) == Decimal("199.25")
    assert not [f for f in check(budget) if f.rule == "T9-TOTAL"]
    # Every table that could not be read says so: none is taken for an empty one.
    read = {finding.rule for finding in budget.read_findings}
    assert "READ-TABLE" in read and "READ-TITLE" in read


def test_a_path_is_loaded_as_its_bytes_are_read() -> None:
    assert load_file(RENDA) == read_pdf(RENDA.read_bytes())
    with pytest.raises(DocumentError, match="from its bytes"):
        read_pdf(str(RENDA))  # type: ignore[arg-type]


def test_a_pdf_without_a_text_layer_is_refused_with_the_reason() -> None:
    with pytest.raises(DocumentError, match="没有文本层"):
        extract_pdf(SCANNED_PAGE)
    with pytest.raises(DocumentError, match="neither text nor an image"):
        extract_pdf(EMPTY_PAGE)


@pytest.mark.parametrize("cut", [4, 5000, 40000])
def test_a_damaged_pdf_is_refused_without_a_traceback(cut: int) -> None:
    with pytest.raises(DocumentError):
        read_pdf(RENDA.read_bytes()[:cut])


def test_bytes_that_are_no_pdf_are_refused() -> None:
    with pytest.raises(DocumentError, match="not a PDF"):
        read_pdf("2025年部门预算".encode())


def test_the_cli_checks_a_pdf_and_refuses_a_scan(tmp_path: Path) -> None:
    def run(path: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "govbudget", "check", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )

    checked = run(RENDA)
    assert checked.returncode == 1, checked.stderr
    assert "部门预算 · 2019 · 江苏省人大常委会办公厅" in checked.stdout
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(SCANNED_PAGE)
    refused = run(scan)
    assert refused.returncode == 2 and SCANNED in refused.stderr


def test_a_title_row_is_a_title_only_when_it_names_a_table() -> None:
    assert _title_row([["预算01表\n收支总表", None], ["项目", "金额"]]) == ("预算01表 收支总表", [])
    assert _title_row(
        [[None, "收入预算总表\n公开表二\n部门： 某部门 单位：万元"], ["项目", "金额"]]
    ) == (
        "收入预算总表 公开表二",
        ["部门： 某部门 单位：万元"],
    )
    # A lone label in a continued table's first row is one of its rows.
    assert _title_row([[None, "二十二、灾害防治及应急管理支出"], ["", "1.00"]]) is None


def test_unit_lines_are_split_where_the_pdf_spaced_them() -> None:
    assert _preamble_cells("部门： 江苏省人大常委会办公厅 单位：万元") == [
        "部门：江苏省人大常委会办公厅",
        "单位：万元",
    ]


def test_header_rows_repeated_after_a_page_break_are_dropped() -> None:
    header = [("科目编码", "科目名称", "金额"), ("", "合计", "1.00")]
    assert _repeated(header, [("科目编码", "科目名称", "金额"), ("201", "一般", "1.00")]) == 1
    # A row of figures is never a header, even printed the same.
    assert _repeated([("1", "2")], [("1", "2")]) == 0


def test_a_directory_s_pdfs_are_checked(tmp_path: Path) -> None:
    (tmp_path / "renda.pdf").write_bytes(RENDA.read_bytes())
    (tmp_path / "notes.docx").write_bytes(b"PK")
    checked = subprocess.run(
        [sys.executable, "-m", "govbudget", "check", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "renda.pdf" in checked.stdout and "notes.docx" not in checked.stdout


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=2000), st.lists(st.integers(0, 87_000), max_size=8))
def test_any_damage_is_read_or_refused_never_a_traceback(tail: bytes, flips: list[int]) -> None:
    """Garbage after the PDF marker, and the real file with bytes overwritten."""
    damaged = bytearray(RENDA.read_bytes())
    for position in flips:
        damaged[position % len(damaged)] ^= 0xFF
    for data in (b"%PDF-1.4\n" + tail, bytes(damaged)):
        with contextlib.suppress(DocumentError):
            read_pdf(data)
