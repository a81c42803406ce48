"""Reading a PDF as departments publish it: its tables and its explanation (the ``pdf`` extra).

:func:`extract_pdf` takes what a PDF prints apart, with pdfplumber (MIT; it reads the ruling
lines of a table and the position of every character): each table drawn with lines, as rows of
cells, with the title and the unit lines printed above it; a table continued over pages joined
into one (its header rows, repeated on the next page, dropped); the text outside the tables, in
reading order, as the explanation, without page numbers. :func:`read_pdf` reads that through
the same recognition and readers as every other input (:func:`~govbudget.reading.read_grids`).

A PDF with no text layer (scanned pages) is refused with a message saying so: it must be made
searchable (OCR) first. pdfplumber is imported by this module alone, at the first read.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from govbudget.characters import fold
from govbudget.disclosure import DepartmentBudget, DepartmentFinalAccounts, Scope
from govbudget.errors import DocumentError
from govbudget.limits import Limits
from govbudget.reading.document import read_grids
from govbudget.reading.printed import PrintedTable, is_number
from govbudget.tables import Phase

if TYPE_CHECKING:
    from pdfplumber.page import Page

__all__ = ["PdfContents", "extract_pdf", "read_pdf"]

SCANNED = "这份 PDF 没有文本层（扫描件），请先做 OCR（文字识别）再检查"
"""What a PDF of page images is told: no report can be made of it."""


@attrs.frozen(slots=True)
class PdfContents:
    """What a PDF prints: its tables (title, the unit lines above them and their rows) and
    its explanation (the text outside the tables, one line per printed line), and how many
    pages it has."""

    tables: tuple[PrintedTable, ...]
    narrative: str
    pages: int


@attrs.frozen(slots=True)
class _Line:
    top: float
    text: str


# A line that is a page number (3, - 3 -, 第3页, 第 3 页 共 20 页), not part of the text.
_PAGE_NUMBER = re.compile(r"[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d+\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?")
# Lines printed between a title and its table that the grid reader reads as the table's own.
_PREAMBLE = re.compile(r"单位[:：]|编制(?:部门|单位)|预算年度|金额单位|单位名称")
_CONTINUED = re.compile(r"续表|（续）|\(续\)")
# A line that opens as a table's row does (一、 (一) 1. 1、 2013701), not as a title.
_ROW_LIKE = re.compile(r"[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、]|\d{3,7}\s")
# Lines whose tops differ by less than this (points) are one printed line.
_SAME_LINE = 3.0


def _free_lines(page: Page, boxes: Sequence[tuple[float, float, float, float]]) -> list[_Line]:
    """The page's text outside ``boxes`` (its tables), as printed lines top to bottom."""
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
    inside = [(x0 - 1, top - 1, x1 + 1, bottom + 1) for x0, top, x1, bottom in boxes]
    kept = [
        word
        for word in words
        if not any(
            x0 <= word["x0"] and word["x1"] <= x1 and y0 <= (word["top"] + word["bottom"]) / 2 <= y1
            for x0, y0, x1, y1 in inside
        )
    ]
    kept.sort(key=lambda word: (round(word["top"]), word["x0"]))
    lines: list[list[tuple[float, float, str]]] = []  # each word's top, left and text
    for word in kept:
        placed = (float(word["top"]), float(word["x0"]), str(word["text"]))
        if lines and abs(lines[-1][0][0] - placed[0]) < _SAME_LINE:
            lines[-1].append(placed)
        else:
            lines.append([placed])
    made = []
    for line in lines:
        text = _joined([word for _top, _left, word in sorted(line, key=lambda w: w[1])])
        if text and not _PAGE_NUMBER.fullmatch(text):
            made.append(_Line(line[0][0], text))
    return made


def _joined(parts: Sequence[str]) -> str:
    """Words of one line joined: with no space between Chinese characters (a PDF spaces them
    for layout), with one between two words of Latin script or figures."""
    text = ""
    for part in parts:
        if text and (text[-1].isascii() and text[-1].isalnum()) and part[:1].isascii():
            text += " "
        text += part
    return text.strip()


def _cells(rows: Sequence[Sequence[str | None]]) -> list[tuple[str, ...]]:
    """A table's rows as printed: an empty cell "", a cell wrapped over lines joined."""
    made = [
        tuple(_joined((cell or "").split("\n")) if cell else "" for cell in row) for row in rows
    ]
    return [row for row in made if any(cell.strip() for cell in row)]


@attrs.define
class _Pages:
    """The tables and lines read so far, page after page."""

    tables: list[PrintedTable] = attrs.Factory(list)
    narrative: list[str] = attrs.Factory(list)

    def add_page(self, page: Page) -> None:
        found = sorted(page.find_tables(), key=lambda table: table.bbox[1])
        boxes = [table.bbox for table in found]
        lines = _free_lines(page, boxes)
        used: set[int] = set()
        previous_bottom = 0.0
        for table in found:
            extracted = table.extract()
            rows = _cells(extracted)
            if not rows:
                continue
            above = [
                index
                for index, line in enumerate(lines)
                if previous_bottom <= line.top < table.bbox[1] and index not in used
            ]
            first = previous_bottom == 0.0
            previous_bottom = table.bbox[3]
            preamble, title = self._title(lines, above, used)
            if not title and (inside := _title_row(extracted)) is not None:
                # A frame drawn round the page takes the title and unit lines into the table:
                # they are its first row, one cell across.
                title, preamble = inside
                rows = rows[1:]
            if self._continues(title, first or not above, rows):
                last = self.tables[-1]
                header = len(last.rows) and _repeated(last.rows, rows)
                self.tables[-1] = attrs.evolve(last, rows=last.rows + tuple(rows[header:]))
                continue
            width = max(len(row) for row in rows)
            split = [_preamble_cells(text) for text in preamble]
            padded = [tuple(cells + [""] * (width - len(cells))) for cells in split]
            self.tables.append(PrintedTable(title, tuple(padded + rows)))
        self.narrative += [line.text for index, line in enumerate(lines) if index not in used]

    @staticmethod
    def _title(lines: list[_Line], above: list[int], used: set[int]) -> tuple[list[str], str]:
        """The unit lines and the title printed right above a table: the nearest line that is
        not a unit line is its title."""
        preamble: list[str] = []
        for index in reversed(above):
            text = lines[index].text
            if _ROW_LIKE.match(fold(text)) and "表" not in text:
                break  # an item's label ("十六、金融支出"): the table's, not a title
            used.add(index)
            if _PREAMBLE.search(fold(text)):
                preamble.insert(0, text)
                continue
            return preamble, text
        return preamble, ""

    def _continues(self, title: str, topmost: bool, rows: Sequence[tuple[str, ...]]) -> bool:
        """Whether a table goes on from the one before: it says 续表, or it is the first of its
        page and has no title, as wide as the last table."""
        if not self.tables:
            return False
        if _CONTINUED.search(title):
            return True
        width = max(len(row) for row in self.tables[-1].rows)
        return not title and topmost and max(len(row) for row in rows) == width


def _title_row(rows: Sequence[Sequence[str | None]]) -> tuple[str, list[str]] | None:
    """The title and unit lines of a table printed in its first row, one cell across; ``None``
    when the first row is not such a row."""
    printed = [row for row in rows if any(cell and cell.strip() for cell in row)]
    first = [cell for cell in printed[0] if cell and cell.strip()] if printed else []
    if len(first) != 1 or len(printed) < 2:
        return None
    lines = [line.strip() for line in first[0].split("\n") if line.strip()]
    preamble = [line for line in lines if _PREAMBLE.search(fold(line))]
    title = " ".join(line for line in lines if line not in preamble)
    # A title names a table (…表); a lone label in a first row is a row of the table.
    return (title, preamble) if "表" in title else None


def _preamble_cells(line: str) -> list[str]:
    """A unit line as the cells a grid prints it in: its parts apart where the PDF spaced them,
    a label ending in a colon kept with what follows ("部门：" "江苏省…" is one fact)."""
    cells: list[str] = []
    for part in line.split():
        if cells and re.search(r"[:：]$", cells[-1]):
            cells[-1] += part
        else:
            cells.append(part)
    return cells


def _repeated(before: Sequence[tuple[str, ...]], rows: Sequence[tuple[str, ...]]) -> int:
    """How many of ``rows`` repeat the header rows the table printed first (a page break)."""
    count = 0
    for row in rows:
        if count < len(before) and row == before[count] and not any(map(is_number, row)):
            count += 1
        else:
            break
    return count


def _checked(data: bytes, limits: Limits) -> bytes:
    if not isinstance(data, bytes):
        raise DocumentError(
            f"a PDF is read from its bytes, not from a {type(data).__name__} "
            "(Path(…).read_bytes(), or govbudget.load_file for a path)"
        )
    if not data.startswith(b"%PDF"):
        raise DocumentError("not a PDF (it does not begin with %PDF)")
    if len(data) > limits.max_chars:
        raise DocumentError(
            f"the PDF is {len(data):,} bytes, more than the limit of {limits.max_chars:,}"
        )
    return data


def extract_pdf(data: bytes, *, limits: Limits = Limits()) -> PdfContents:
    """What a PDF prints, taken apart: tables and explanation (see the module's description).

    Raises :class:`~govbudget.errors.DocumentError` for bytes that are no PDF, a PDF that
    cannot be opened, and a PDF with no text layer (:data:`SCANNED`).
    """
    data = _checked(data, limits)
    try:
        from pdfplumber.pdf import PDF
    except ImportError:
        raise DocumentError(
            'reading a PDF needs the pdf extra: pip install "govbudget[pdf]"'
        ) from None
    pages = _Pages()
    try:
        # From its bytes: the file, if any, was read by the caller.
        with PDF(io.BytesIO(data)) as pdf:
            count = len(pdf.pages)
            if not any(page.chars for page in pdf.pages):
                if any(page.images for page in pdf.pages):
                    raise DocumentError(SCANNED)
                raise DocumentError(
                    "the PDF's pages print nothing that can be read, neither text nor an image: "
                    "the file may be damaged or cut short"
                )
            for page in pdf.pages:
                pages.add_page(page)
    except DocumentError:
        raise
    except Exception as error:  # whatever a damaged file makes the parser raise
        raise DocumentError(f"the PDF cannot be read ({type(error).__name__}: {error})") from None
    return PdfContents(tuple(pages.tables), "\n".join(pages.narrative), count)


def read_pdf(
    data: bytes,
    *,
    year: int | None = None,
    department: str | None = None,
    phase: Phase | None = None,
    scope: Scope | None = None,
    limits: Limits = Limits(),
) -> DepartmentBudget | DepartmentFinalAccounts:
    """Read a published PDF, given as its bytes, into the disclosure it holds, as
    :func:`read_grids` reads its tables and explanation: a budget or final accounts as the
    titles say, ``year`` and ``department`` supplying what it does not print. Reading the
    file is the caller's, as for :func:`read_text` (:func:`govbudget.load_file` reads a path).
    """
    contents = extract_pdf(data, limits=limits)
    # As grids, so that notes under a table and the rows' places are read as a bundle's are.
    grids = [
        {"title": table.title, "rows": [list(row) for row in table.rows]}
        for table in contents.tables
    ]
    return read_grids(
        grids,
        contents.narrative,
        year=year,
        department=department,
        phase=phase,
        scope=scope,
        limits=limits,
    )
