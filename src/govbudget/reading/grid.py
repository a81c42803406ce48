"""Published grids: a table read from rows of string cells by its declaration.

A *grid* is a table as printed: rows of string cells, "" for an empty cell.
:func:`~govbudget.writing.grid.render_grid` prints a table in the normalized published layout
(title, department line, two header rows, the 栏次 row, the rows, the note); :func:`read_grid`
reads that layout back, and the layouts real disclosures print: codes split over 类 | 款 | 项 columns, headers repeated at page breaks,
summary tables without 序号 or 栏次, the 三公 table transposed.

Neither spells out a table's columns or rows. Both read ``Table.SPEC``, and every
table is one of three shapes:

- rows by subject code under a 合计 row (``Detail.SUBJECTS``: tables 2, 3, 5, 6, 7, 8);
- fixed rows (``Detail.NONE``: table 9);
- two sides, income | expenditure (tables 1 and 4), the expenditure side by 类.

Columns are found by their printed header, never by position. What the reader cannot read it
reports and does not guess: a column with figures whose header it does not know (READ-COLUMN),
a cell that is not a figure of the table's unit (READ-CELL), a row that is not one of the
table's (READ-ROW). Facts it cannot do without (the year, the department, the unit) raise
:class:`GridError` when neither the grid nor the caller gives them.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Generic, TypeAlias, TypeVar

import attrs

from govbudget.amounts import Figure, Unit, parse_amount
from govbudget.checks import Finding, Location, Severity
from govbudget.checks.reading import READ_CELL, READ_COLUMN, READ_ROW, READ_UNIT
from govbudget.classification import (
    Catalogue,
    Level,
    Scheme,
    economic_classification,
    editions,
    functional_classification,
    normalize_name,
)
from govbudget.errors import AmountError, GovBudgetError, UnknownEditionError
from govbudget.reading.layouts import reshape
from govbudget.reading.printed import (
    LINE_NUMBERS,
    NAME_HEADER,
    NOTE,
    NUMBERING,
    UNIT_SUFFIX,
    as_compared,
    note_rows,
)
from govbudget.tables import (
    Block,
    BlockSpec,
    ColumnSpec,
    Detail,
    Row,
    RowSpec,
    RowsTable,
    Table,
    TableError,
    TableHeader,
    TwoSidedTable,
    strip_ordinal,
)

__all__ = [
    "READ_CELL",
    "READ_COLUMN",
    "READ_ROW",
    "GridError",
    "GridReading",
    "read_grid",
]

T = TypeVar("T", bound=Table)
T_co = TypeVar("T_co", bound=Table, covariant=True)


class GridError(GovBudgetError, ValueError):
    """A grid that cannot be read as the table asked for.

    Raised when the year, the department or the unit is neither printed nor given, and when the
    grid lacks what its shape needs: a subject-code column, the two 项目 columns of a summary.
    """


@attrs.frozen(slots=True)
class GridReading(Generic[T_co]):
    """What :func:`read_grid` read: the table, and the findings about what it could not read."""

    table: T_co
    findings: tuple[Finding, ...] = ()


# --- reading: cells and header facts --------------------------------------------------------

_DIGITS = re.compile(r"[0-9]+")
_CODE_PARTS = frozenset({"类", "款", "项"})
_YEAR = re.compile(r"(?:预算|决算)年度:?(\d{4})")
_TITLE_YEAR = re.compile(r"^(\d{4})年")
# 单位：万元, 金额单位：元, (单位:万元), or the unit alone: 万元
_UNIT = re.compile(r"^\(?(?:金额)?单位:|^(?:亿元|万元|元)$")
# Headers that total whatever the header above them names, when one does.
_SUBTOTALS = frozenset({"合计", "小计"})
# A cell a form says need not be filled: not applicable, neither a zero nor a fault.
_NOT_APPLICABLE = re.compile(r"^(?:单位)?(?:不需填列|无需填列|不需填写|不适用)$")
_DEPARTMENT = re.compile(
    # 部门：江苏省人大常委会办公厅 (江苏's 公开表)
    r"^\s*(?:编制部门|编制单位|单位名称|部门名称|部门)\s*[:：]\s*(.*?)\s*$",
    re.DOTALL,
)
_DEPARTMENT_CODE = re.compile(r"^([0-9]+)(\D.*)$", re.DOTALL)


def _figure_or_none(text: str) -> Figure:
    try:
        return parse_amount(text)
    except AmountError:
        return None


def _is_blank(text: str) -> bool:
    try:
        return parse_amount(text) is None
    except AmountError:
        return False


def _is_numeric(text: str) -> bool:
    """Whether a cell prints a number: a figure, or a percentage ("95%")."""
    return _figure_or_none(text.strip().removesuffix("%").removesuffix("％")) is not None


def _has_figure(cells: Iterable[str]) -> bool:
    return any(_figure_or_none(cell) is not None for cell in cells)


def _filled(cells: Sequence[str]) -> list[str]:
    return [cell.strip() for cell in cells if cell.strip()]


def _signature(cells: Sequence[str]) -> tuple[str, ...]:
    return tuple(normalize_name(cell) for cell in cells)


class _Role(enum.Enum):
    """What a grid column holds."""

    SEQUENCE = "sequence"
    CODE = "code"
    NAME = "name"
    FIGURES = "figures"
    UNKNOWN = "unknown"


def _label_role(text: str) -> _Role | None:
    """The role a header names by itself: 序号, a code (类/款/项, …编码), a name (项目, …科目名称)."""
    name = normalize_name(text)
    if name in NUMBERING:
        return _Role.SEQUENCE
    if name in _CODE_PARTS or "编码" in name:
        return _Role.CODE
    if name == "项目" or NAME_HEADER in name:
        return _Role.NAME
    return None


def _is_fact(text: str) -> bool:
    name = normalize_name(text)
    return bool(_YEAR.search(name) or _UNIT.match(name) or _DEPARTMENT.match(text))


def _is_note(text: str) -> bool:
    return NOTE.match(text) is not None


@attrs.frozen(slots=True)
class _Facts:
    """The header facts printed above a grid; ``department`` is "" when printed empty."""

    year: int | None
    unit: Unit | None
    department: str | None
    department_code: str | None


def _preamble_end(rows: Sequence[Sequence[str]]) -> int:
    """The first row of the column headers: after the title and the 预算年度/单位/编制部门 lines."""
    for index, cells in enumerate(rows):
        filled = _filled(cells)
        if not filled or any(_is_fact(cell) for cell in filled):
            continue
        alone = filled[0]
        if (
            len(filled) == 1
            and _label_role(alone) is None
            and not _has_figure(filled)
            and not _is_note(alone)
        ):
            continue  # a title, or a department line printed on its own
        return index
    return len(rows)


def _split_code(line: str) -> tuple[str, str | None]:
    """A department line "897中共…" as (name, code); the code is the leading digits."""
    match = _DEPARTMENT_CODE.match(line)
    if match is None:
        return line, None
    return match[2].strip(), match[1]


def _facts(title: str, rows: Sequence[Sequence[str]]) -> _Facts:
    year: int | None = None
    title_year: int | None = None
    unit: Unit | None = None
    prefixed: str | None = None
    lines: list[tuple[bool, str]] = []
    for cells in rows:
        filled = _filled(cells)
        beside_facts = any(_is_fact(cell) for cell in filled)
        for position, text in enumerate(filled):
            name = normalize_name(text)
            year_match = _YEAR.search(name)
            department_match = _DEPARTMENT.match(text)
            if year_match is not None:
                year = year or int(year_match[1])
            elif _UNIT.match(name):
                try:
                    unit = unit or Unit.from_label(text)
                except AmountError as error:
                    raise GridError(f"{title}: {error}") from error
            elif department_match is not None:
                # "部门：" in one cell and the name in the next (江苏's 公开表九).
                after = filled[position + 1 : position + 2]
                value = department_match[1] or next(
                    (cell for cell in after if not _is_fact(cell)), ""
                )
                prefixed = value if prefixed is None else prefixed
            elif name.endswith("表"):
                title_match = _TITLE_YEAR.match(name)
                title_year = title_year or (int(title_match[1]) if title_match else None)
            else:
                lines.append((beside_facts, text))
    if prefixed is not None:
        department, code = _split_code(prefixed) if prefixed else ("", None)
    elif lines:
        # The line printed beside 预算年度 is the department; otherwise the last lone line, the
        # title coming first.
        chosen = next((text for beside, text in lines if beside), lines[-1][1])
        department, code = _split_code(chosen)
    else:
        department, code = None, None
    return _Facts(year or title_year, unit, department, code)


def _header_unit(header: Sequence[Sequence[str]]) -> Unit | None:
    """The unit printed in the column headers ("2017年度支出 (万元)") when no line above says it,
    the one unit they agree on."""
    units = {
        match["unit"]
        for cells in header
        for cell in cells
        if (match := UNIT_SUFFIX.search(normalize_name(cell))) is not None and match["unit"] != "%"
    }
    return Unit.from_label(units.pop()) if len(units) == 1 else None


def _table_header(
    kind: type[Table],
    preamble: Sequence[Sequence[str]],
    year: int | None,
    department: str | None,
    unit: Unit | None,
    assumed_unit: Unit | None = None,
) -> tuple[TableHeader, bool]:
    """The table's header facts, and whether its unit is ``assumed_unit`` for want of one."""
    title = kind.SPEC.title
    facts = _facts(title, preamble)
    # A grid that prints no year, given none, is read with the year unknown.
    found_year = facts.year or year
    # A grid that prints no department, given none, is read with the department unknown ("").
    name = facts.department or department or ""
    found_unit = facts.unit or unit or assumed_unit
    if found_unit is None:
        raise GridError(
            f"{title}: the grid prints no unit (“单位：万元” or “单位：元”); pass unit="
        )
    code = facts.department_code if facts.department else None
    try:
        return TableHeader(name, found_year, found_unit, code), not (facts.unit or unit)
    except TableError as error:
        raise GridError(f"{title}: {error}") from error


# --- reading: header rows and body rows -------------------------------------------------------


def _header_end(rows: Sequence[Sequence[str]], start: int) -> tuple[list[Sequence[str]], int]:
    """The header rows from ``start``, and the index of the first body row.

    The header ends at the 栏次 row where there is one. Otherwise it ends at the first row with
    a figure, or at a row whose only cells stand under the code and name columns (the 合计 row
    of an empty table, printed without figures).
    """
    header: list[Sequence[str]] = []
    label_columns: set[int] = set()
    for index in range(start, len(rows)):
        cells = rows[index]
        filled = {j for j, cell in enumerate(cells) if cell.strip()}
        if not filled:
            continue
        first = cells[min(filled)].strip()
        if _is_line_numbers(cells):
            return header, index + 1
        if _is_note(first) or any(map(_is_numeric, cells)):
            return header, index
        roles = {j for j in filled if _label_role(cells[j]) is not None}
        if not roles and filled <= label_columns:
            return header, index
        header.append(cells)
        label_columns |= roles
    return header, len(rows)


def _is_line_numbers(cells: Sequence[str]) -> bool:
    """Whether a row is the 栏次 row: 栏次 first, then column numbers. A figure among them (a
    body row run into it) makes it a body row, which the reader reads or reports."""
    filled = [normalize_name(cell) for cell in _filled(cells)]
    return (
        bool(filled)
        and filled[0] == LINE_NUMBERS
        and not any(_is_numeric(cell) and not _DIGITS.fullmatch(cell) for cell in filled[1:])
    )


@attrs.frozen(slots=True)
class _Line:
    """A body row: its number in the grid (from 1), its cells, and whether a repeated header
    (a page break) came between it and the body row before."""

    number: int
    cells: tuple[str, ...]
    after_repeat: bool


def _is_header_repeat(cells: Sequence[str], headers: set[tuple[str, ...]]) -> bool:
    if _signature(cells) in headers:
        return True
    filled = [normalize_name(cell) for cell in _filled(cells)]
    if _is_line_numbers(cells) or all(cell in _CODE_PARTS for cell in filled):
        return True
    numbers = any(map(_is_numeric, cells))
    return not numbers and any(_label_role(cell) is not None for cell in filled)


def _body(
    rows: Sequence[Sequence[str]],
    start: int,
    header: Sequence[Sequence[str]],
    lines_of_rows: Sequence[int] | None,
) -> tuple[list[_Line], list[str]]:
    """The body rows to read, and the notes (rows that begin "注：", their cells joined).

    A row's number is its line in the source when ``lines_of_rows`` gives it, else its place
    in the grid (from 1)."""
    headers = {_signature(cells) for cells in header}
    lines: list[_Line] = []
    notes: list[str] = []
    repeat = False
    is_note = note_rows(rows[start:])
    for index in range(start, len(rows)):
        cells = rows[index]
        filled = _filled(cells)
        if not filled:
            continue
        if is_note[index - start]:
            notes.append("".join(filled))
        elif _is_header_repeat(cells, headers):
            repeat = True
        else:
            number = index + 1 if lines_of_rows is None else lines_of_rows[index]
            lines.append(_Line(number, tuple(cells), repeat))
            repeat = False
    return lines, notes


# --- reading: columns -------------------------------------------------------------------------


@attrs.frozen(slots=True)
class _Column:
    """A grid column and what it holds.

    ``header`` is the header cell that decided (for an unknown column, its lowest header);
    ``depth`` the header row it stands in, deeper being more specific; ``key`` the column (or,
    in a transposed table, the row) it is; ``duplicate_of`` the column that took its key.
    """

    index: int
    role: _Role
    header: str
    depth: int = -1
    key: str | None = None
    duplicate_of: int | None = None


Matcher: TypeAlias = Callable[[str], "str | None"]


def _no_match(_text: str) -> str | None:
    return None


def _column_matcher(specs: Sequence[ColumnSpec]) -> Matcher:
    def match(text: str) -> str | None:
        return next((spec.key for spec in specs if spec.matches(text)), None)

    return match


def _row_matcher(block: BlockSpec) -> Matcher:
    def match(text: str) -> str | None:
        found = _fixed_row(block, text, set())
        return None if found is None else found.key

    return match


def _classify(
    header: Sequence[Sequence[str]],
    index: int,
    match: Matcher,
    groups: Collection[str] = (),
) -> _Column:
    """Read a column's header cells from the lowest upwards; the first that names something wins.

    A group header (本年收入 over 小计 and the sources) names no column of its own, even where it
    is also another name of one: above a header that names nothing it is passed over, so an
    unknown column under 本年收入 stays unknown instead of being read as 小计.
    """
    lowest = ""
    subtotal: _Column | None = None
    for depth in range(len(header) - 1, -1, -1):
        text = header[depth][index].strip()
        if not text:
            continue
        if lowest and normalize_name(text) in groups:
            continue
        lowest = lowest or text
        role = _label_role(text)
        if role is not None:
            return subtotal or _Column(index, role, text, depth)
        key = match(text)
        if key is not None and subtotal is not None:
            # 合计 under 公车购置及运行维护费 is that item's total, not the table's.
            return subtotal if key == subtotal.key else attrs.evolve(subtotal, key=key, header=text)
        if key is not None and normalize_name(text) in _SUBTOTALS:
            subtotal = _Column(index, _Role.FIGURES, text, depth, key)
        elif key is not None:
            return _Column(index, _Role.FIGURES, text, depth, key)
    return subtotal or _Column(index, _Role.UNKNOWN, lowest)


def _settle(columns: Sequence[_Column], *, codes: bool, name: bool) -> list[_Column]:
    """Keep what a region can hold: one name column, code columns only where codes are read,
    each key once (the column whose header is lowest, that is most specific, keeps it; at one
    depth, a header that names the concept beats a bare 合计, which may total more: 江苏's
    合计 | “三公”经费 | … | 会议费 | 培训费)."""
    best: dict[str, _Column] = {}
    for column in columns:
        if column.key is not None:
            held = best.get(column.key)
            if held is None or (column.depth, _named(column)) > (held.depth, _named(held)):
                best[column.key] = column
    settled: list[_Column] = []
    named = False
    for column in columns:
        if (column.role is _Role.CODE and not codes) or (
            column.role is _Role.NAME and (named or not name)
        ):
            column = attrs.evolve(column, role=_Role.UNKNOWN)
        elif column.role is _Role.NAME:
            named = True
        elif column.key is not None and best[column.key] is not column:
            held = best[column.key]
            column = attrs.evolve(column, role=_Role.UNKNOWN, key=None, duplicate_of=held.index)
        settled.append(column)
    return settled


_BARE_TOTALS = frozenset({"合计", "总计"})


def _named(column: _Column) -> bool:
    """Whether a column's header names what it holds, not a bare 合计 or 总计."""
    return normalize_name(column.header) not in _BARE_TOTALS


def _of(columns: Sequence[_Column], role: _Role) -> list[_Column]:
    return [column for column in columns if column.role is role]


# --- reading: rows ----------------------------------------------------------------------------


def _fixed_row(block: BlockSpec, label: str, seen: set[str]) -> RowSpec | None:
    """The fixed row a label names; a row declared ``under`` another only once that one is read."""
    candidates = [row for row in block.rows if row.matches(label)]
    for row in candidates:
        if row.under is not None and row.under in seen:
            return row
    return next((row for row in candidates if row.under is None), None)


def _first_fixed(block: BlockSpec, texts: Iterable[str], seen: set[str]) -> tuple[str, str] | None:
    """The first text that names a fixed row, as (row key, text): Shanghai prints 合计 in the
    code column, the standard layout in the name column."""
    for text in texts:
        found = _fixed_row(block, text, seen) if text else None
        if found is not None:
            return found.key, text
    return None


def _catalogue(scheme: Scheme | None, year: int | None) -> Catalogue | None:
    """The catalogue that names the 类 of a year; with the year unknown, the newest edition's:
    it only turns a printed 类 name into its code, and a name it does not hold stays a name."""
    if year is None:
        year = editions()[-1].last_year
    try:
        if scheme is Scheme.FUNCTIONAL:
            return functional_classification(year)
        if scheme is Scheme.ECONOMIC_DEPARTMENT:
            return economic_classification(year, "department")
        if scheme is Scheme.ECONOMIC_GOVERNMENT:
            return economic_classification(year, "government")
    except UnknownEditionError:
        return None
    return None


def _build(kind: type[T], header: TableHeader, blocks: Sequence[Block], note: str | None) -> T:
    if issubclass(kind, TwoSidedTable):
        income, expenditure = blocks
        return kind(
            header, income.rows, expenditure.rows, income.columns, expenditure.columns, note
        )
    if issubclass(kind, RowsTable):
        (only,) = blocks
        return kind(header, only.rows, only.columns, note)
    raise TypeError(f"{kind.__name__} is neither a RowsTable nor a TwoSidedTable")


class _Reader:
    """Reads the body of one grid into the blocks of one table, collecting findings."""

    def __init__(
        self,
        kind: type[Table],
        header: TableHeader,
        header_rows: Sequence[Sequence[str]],
        lines: Sequence[_Line],
        width: int,
    ) -> None:
        self.kind = kind
        self.header = header
        self.header_rows = header_rows
        self.lines = lines
        self.width = width
        self.title = kind.SPEC.title
        self.keys: list[tuple[str, ...]] = [() for _block in kind.SPEC.blocks]
        self.findings: list[Finding] = []

    def read(self) -> list[Block]:
        blocks = self.kind.SPEC.blocks
        if issubclass(self.kind, TwoSidedTable):
            return self._two_sided(blocks[0], blocks[1])
        if blocks[0].detail is Detail.SUBJECTS:
            return [self._subjects(blocks[0])]
        return [self._labelled(blocks[0])]

    # findings

    def _place(self, side: int, row: str) -> str:
        label = self.kind.SPEC.blocks[side].label
        return f"{label}·{row}" if label else row

    def _unread_columns(self, columns: Iterable[_Column]) -> None:
        for column in columns:
            if column.role is _Role.SEQUENCE:
                self._unread_numbering(column)
            if column.role is not _Role.UNKNOWN:
                continue
            if all(_is_blank(line.cells[column.index]) for line in self.lines):
                continue  # an empty column with a header of its own: nothing is lost
            number = column.index + 1
            if not any(_is_numeric(line.cells[column.index]) for line in self.lines):
                # Words beside the figures (增减原因): no figure is lost, the words are.
                self.findings.append(
                    READ_COLUMN.finding(
                        f"第{number}列“{column.header}”是文字栏，本表没有它的位置，该列文字未读入",
                        location=Location(table=self.title, column=column.header or None),
                        severity=Severity.WARNING,
                    )
                )
                continue
            if column.duplicate_of is not None:
                what = f"与第{column.duplicate_of + 1}列是同一栏"
            elif column.header:
                what = "无法识别"
            else:
                what = "为空"
            header = f"表头“{column.header}”" if column.header else "表头"
            self.findings.append(
                READ_COLUMN.finding(
                    f"第{number}列{header}{what}，该列数字未读入",
                    location=Location(table=self.title, column=column.header or None),
                )
            )

    def _unread_numbering(self, column: _Column) -> None:
        """A figure under 序号 numbers no row (a row run short, or into the next): report it."""
        for line in self.lines:
            text = line.cells[column.index].strip()
            if _is_numeric(text) and not _DIGITS.fullmatch(normalize_name(text)):
                self.findings.append(
                    READ_CELL.finding(
                        f"第{line.number}行{column.header}栏的“{text}”不是序号，未读入",
                        location=Location(table=self.title, column=column.header, line=line.number),
                    )
                )

    def _unread_row(self, side: int, line: _Line, label: str, why: str) -> None:
        self.findings.append(
            READ_ROW.finding(
                f"第{line.number}行{why}，该行未读入",
                location=Location(
                    table=self.title,
                    row=self._place(side, label) if label else None,
                    line=line.number,
                ),
            )
        )

    # cells and rows

    def _figure(self, side: int, line: _Line, row: str, column: _Column) -> Figure:
        text = line.cells[column.index]
        if _NOT_APPLICABLE.match(normalize_name(text)):
            return None
        declared = self.kind.SPEC.blocks[side]
        if column.key in {c.key for c in declared.columns if c.percent}:
            text = normalize_name(text).removesuffix("%")
        try:
            return parse_amount(text)
        except AmountError:
            self.findings.append(
                READ_CELL.finding(
                    f"第{line.number}行“{text.strip()}”不是金额，该格按空白读入",
                    location=Location(
                        table=self.title,
                        row=self._place(side, row),
                        column=column.header,
                        line=line.number,
                    ),
                )
            )
            return None

    def _refused(self, side: int, row: Row) -> bool:
        """Whether the table refuses this row (its code, or a figure's decimals)."""
        blocks = [
            Block(keys, (row,) if index == side else ()) for index, keys in enumerate(self.keys)
        ]
        try:
            _build(self.kind, self.header, blocks, None)
        except TableError:
            return True
        return False

    def _row(
        self,
        side: int,
        line: _Line,
        key: str,
        label: str,
        money: Sequence[_Column],
        code_header: str | None = None,
    ) -> Row | None:
        place = key if _DIGITS.fullmatch(key) else label
        if self._refused(side, Row(key, label, [None] * len(money))):
            self.findings.append(
                READ_CELL.finding(
                    f"第{line.number}行科目编码“{key}”不是本表可用的编码，该行未读入",
                    location=Location(
                        table=self.title,
                        row=self._place(side, place),
                        column=code_header,
                        line=line.number,
                    ),
                )
            )
            return None
        values = [self._figure(side, line, place, column) for column in money]
        if not self._refused(side, Row(key, label, values)):
            return Row(key, label, values)
        for index, column in enumerate(money):
            alone = [value if at == index else None for at, value in enumerate(values)]
            if values[index] is not None and self._refused(side, Row(key, label, alone)):
                self.findings.append(
                    READ_CELL.finding(
                        f"第{line.number}行“{line.cells[column.index].strip()}”的小数位数超出"
                        f"以{self.header.unit.label}为单位的表，该格按空白读入",
                        location=Location(
                            table=self.title,
                            row=self._place(side, place),
                            column=column.header,
                            line=line.number,
                        ),
                    )
                )
                values[index] = None
        return Row(key, label, values)

    def _label_key(self, block: BlockSpec, label: str, seen: set[str]) -> str | None:
        """The key of a row printed by label: a fixed row, or a 类 by name where the block has them."""
        fixed = _fixed_row(block, as_compared(label, self.header.year), seen)
        if fixed is not None:
            return fixed.key
        if block.detail is not Detail.CLASSES:
            return None
        name = strip_ordinal(label)
        catalogue = _catalogue(block.scheme, self.header.year)
        if catalogue is not None:
            for subject in catalogue.by_name(name):
                if subject.level is Level.CLASS:
                    return subject.code
        # A 类 the catalogue does not hold (the seed's 三十一、人行科目) is kept by its name.
        return name or None

    # the three shapes

    def _resolve(
        self, indices: Iterable[int], match: Matcher, groups: Collection[str] = ()
    ) -> list[_Column]:
        year = self.header.year

        def compared(text: str) -> str | None:
            return match(as_compared(text, year))

        return [_classify(self.header_rows, index, compared, groups) for index in indices]

    def _by_header(self, indices: Iterable[int], specs: Sequence[ColumnSpec]) -> list[_Column]:
        """The columns by their headers against ``specs``, their groups passed over."""
        groups = {normalize_name(spec.group) for spec in specs if spec.group}
        return self._resolve(indices, _column_matcher(specs), groups)

    def _subjects(self, block: BlockSpec) -> Block:
        columns = _settle(self._by_header(range(self.width), block.columns), codes=True, name=True)
        codes, names, money = (
            _of(columns, role) for role in (_Role.CODE, _Role.NAME, _Role.FIGURES)
        )
        if not codes:
            raise GridError(f"{self.title}: no subject-code column (科目编码, or 类 | 款 | 项)")
        self._unread_columns(columns)
        self.keys[0] = tuple(str(column.key) for column in money)
        rows: list[Row] = []
        seen: set[str] = set()
        for line in self.lines:
            parts = [line.cells[column.index].strip() for column in codes]
            code = normalize_name("".join(parts))
            label = line.cells[names[0].index].strip() if names else ""
            if _is_numeric(label):
                self._unread_row(0, line, label, f"科目名称“{label}”是数字（少印或多印了一格？）")
                continue
            fixed = None if _DIGITS.fullmatch(code) else _first_fixed(block, (label, *parts), seen)
            if fixed is not None:
                key, label = fixed
                for part in parts:
                    if part != label and _is_numeric(part):
                        self.findings.append(
                            READ_CELL.finding(
                                f"第{line.number}行“{part}”印在“{label}”行的编码栏，未读入",
                                location=Location(
                                    table=self.title,
                                    row=key,
                                    column=codes[0].header,
                                    line=line.number,
                                ),
                            )
                        )
            elif code:
                key = code  # the table itself refuses a code of the wrong form, see _row
            elif label or not all(_is_blank(line.cells[c.index]) for c in money):
                self._unread_row(0, line, label, "既无科目编码，也不是合计行")
                continue
            else:
                continue  # only a 序号, or cells of an unread column
            row = self._row(0, line, key, label, money, codes[0].header)
            if row is not None:
                rows.append(row)
                seen.add(key)
        return Block(self.keys[0], tuple(rows))

    def _labelled(self, block: BlockSpec) -> Block:
        columns = _settle(self._by_header(range(self.width), block.columns), codes=False, name=True)
        names = _of(columns, _Role.NAME)
        if not names:
            by_row = _settle(
                self._resolve(range(self.width), _row_matcher(block)), codes=False, name=False
            )
            if len(_of(by_row, _Role.FIGURES)) > len(_of(columns, _Role.FIGURES)):
                return self._transposed(block, by_row)
            columns = self._labels_by_content(block, columns)
            names = _of(columns, _Role.NAME)
        if not names:
            raise GridError(f"{self.title}: no “项目” column and no row labels in the header")
        self._unread_columns(columns)
        money = _of(columns, _Role.FIGURES)
        self.keys[0] = tuple(str(column.key) for column in money)
        rows: list[Row] = []
        seen: set[str] = set()
        for line in self.lines:
            row = self._side(0, block, line, names[0], money, seen)
            if row is not None:
                rows.append(row)
        return Block(self.keys[0], tuple(rows))

    def _labels_by_content(self, block: BlockSpec, columns: list[_Column]) -> list[_Column]:
        """The label column found by what it holds, when its header does not say (支出 | 预算数):
        the unknown column whose cells name most of the block's rows, two at least."""
        year = self.header.year
        counts = {
            column.index: sum(
                _fixed_row(block, as_compared(line.cells[column.index], year), set()) is not None
                for line in self.lines
            )
            for column in columns
            if column.role is _Role.UNKNOWN
        }
        best = max(counts, key=lambda index: counts[index], default=None)
        if best is None or counts[best] < 2:
            return columns
        return [
            attrs.evolve(column, role=_Role.NAME) if column.index == best else column
            for column in columns
        ]

    def _side(
        self,
        side: int,
        block: BlockSpec,
        line: _Line,
        name: _Column,
        money: Sequence[_Column],
        seen: set[str],
    ) -> Row | None:
        """One row of a block printed by label (a fixed row or a 类), or ``None``."""
        label = line.cells[name.index].strip()
        if not label:
            if not all(_is_blank(line.cells[column.index]) for column in money):
                where = f"{block.label}方" if block.label else ""
                self._unread_row(side, line, "", f"{where}有数字却没有项目名称")
            return None
        if _is_numeric(label):
            self._unread_row(side, line, label, f"项目名称“{label}”是数字（少印或多印了一格？）")
            return None
        key = self._label_key(block, label, seen)
        if key is None:
            # A heading between the rows (二、相关统计数) holds no figure: nothing is lost.
            if not all(_is_blank(line.cells[column.index]) for column in money):
                self._unread_row(side, line, label, f"“{label}”不是本表的行")
            return None
        row = self._row(side, line, key, label, money)
        if row is not None:
            seen.add(key)
        return row

    def _line_columns(
        self, block: BlockSpec, columns: list[_Column]
    ) -> tuple[_Column, list[str]] | None:
        """In a table printed sideways with a line per column (2015年 | 2016年 | 2016年比2015年
        增减%), the column that names each line's column and the keys it names, in order."""
        if len(self.lines) < 2:
            return None
        match = _column_matcher(block.columns)
        year = self.header.year
        for column in columns:
            if column.role is not _Role.UNKNOWN:
                continue
            keys = [match(as_compared(line.cells[column.index], year)) for line in self.lines]
            named = [key for key in keys if key is not None]
            if len(named) == len(keys) and len(set(named)) == len(named):
                return column, named
        return None

    def _transposed(self, block: BlockSpec, columns: list[_Column]) -> Block:
        """The 三公 table printed sideways: each header is a row, the one line of figures the
        block's first column (its 合计); a page repeat of the same figures is read once. Where
        each line is labelled by a column of the block, each line is that column."""
        by_line = self._line_columns(block, columns)
        if by_line is not None:
            return self._transposed_lines(columns, *by_line)
        self._unread_columns(columns)
        value = block.columns[0]
        self.keys[0] = (value.key,)
        first: _Line | None = None
        for line in self.lines:
            if first is None:
                first = line
            elif not (line.after_repeat and _signature(line.cells) == _signature(first.cells)):
                self._unread_row(
                    0,
                    line,
                    "",
                    f"是第{first.number}行之外的又一行数字（按列列示的表只有一行数字，"
                    "分页重复时与之相同）",
                )
        if first is None:
            return Block(self.keys[0], ())
        rows: list[Row] = []
        for column in _of(columns, _Role.FIGURES):
            cell = _Column(column.index, _Role.FIGURES, value.header, key=value.key)
            row = self._row(0, first, str(column.key), column.header, [cell])
            if row is not None:
                rows.append(row)
        return Block(self.keys[0], tuple(rows))

    def _transposed_lines(self, columns: list[_Column], labels: _Column, keys: list[str]) -> Block:
        self._unread_columns(column for column in columns if column.index != labels.index)
        self.keys[0] = tuple(keys)
        rows: list[Row] = []
        for column in _of(columns, _Role.FIGURES):
            cells = [
                _Column(column.index, _Role.FIGURES, line.cells[labels.index].strip(), key=key)
                for line, key in zip(self.lines, keys, strict=True)
            ]
            label, place = column.header, str(column.key)
            values = [
                self._figure(0, line, place, cell)
                for line, cell in zip(self.lines, cells, strict=True)
            ]
            row = Row(place, label, values)
            if self._refused(0, row):
                self._unread_row(0, self.lines[0], label, "其数字不合本表的单位或小数位数")
                continue
            rows.append(row)
        return Block(self.keys[0], tuple(rows))

    def _two_sided(self, income: BlockSpec, expenditure: BlockSpec) -> list[Block]:
        # Headers of either side count as names here, so that a column is a 项目 column only when
        # 项目 is its most specific header, as it is for each side below.
        either = (*income.columns, *expenditure.columns)
        labels = _of(self._by_header(range(self.width), either), _Role.NAME)
        if len(labels) != 2:
            raise GridError(
                f"{self.title}: a summary table prints two “项目” columns (income, expenditure) "
                f"in its lowest header row; this grid has {len(labels)}"
            )
        bounds = (labels[0].index, labels[1].index, self.width)
        lead = self._resolve(range(bounds[0]), _no_match)
        sides = [
            _settle(
                self._by_header(range(bounds[n], bounds[n + 1]), spec.columns),
                codes=False,
                name=True,
            )
            for n, spec in enumerate((income, expenditure))
        ]
        self._unread_columns([*_settle(lead, codes=False, name=False), *sides[0], *sides[1]])
        monies = [_of(columns, _Role.FIGURES) for columns in sides]
        self.keys = [tuple(str(column.key) for column in money) for money in monies]
        read: list[list[Row]] = [[], []]
        seen: list[set[str]] = [set(), set()]
        for line in self.lines:
            for n, spec in enumerate((income, expenditure)):
                row = self._side(n, spec, line, sides[n][0], monies[n], seen[n])
                if row is not None:
                    read[n].append(row)
        return [Block(self.keys[n], tuple(read[n])) for n in range(2)]


def read_grid(
    kind: type[T],
    grid: Sequence[Sequence[str]],
    *,
    year: int | None = None,
    department: str | None = None,
    unit: Unit | None = None,
    lines: Sequence[int] | None = None,
    assumed_unit: Unit | None = None,
) -> GridReading[T]:
    """Read a printed grid as a table of ``kind``, with findings for whatever it could not read.

    Header facts are read from the rows above the column headers ("预算年度：2025", "单位：元",
    "编制部门：…" or a department line "897中共…", a title "2026年…表") or, for the unit, from
    the column headers ("2017年度支出（万元）"); ``year``, ``department`` and ``unit`` supply
    what the grid does not print; a grid that prints no year, given none, is read with the year
    unknown (``header.year`` is ``None``). ``assumed_unit`` is a unit inferred from elsewhere
    (the explanation's): the grid is read in it when it prints none, with a ``READ-UNIT``
    warning. Columns are found by their
    header, whatever their order; codes may be split over 类 | 款 | 项 columns; repeated headers
    (page breaks) and empty rows are skipped; a row beginning "注：" is the note. ``lines``
    gives the source line of each grid row (a grid cut from a text dump), so findings point at
    the line of the document rather than the row of the grid.

    >>> from govbudget.tables import ExpenditureTable
    >>> grid = [
    ...     ["编制部门：普陀区城市管理行政执法局", "", "", "", "", "", "单位：元"],
    ...     ["功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出", "项目支出"],
    ...     ["类", "款", "项", "", "", "", ""],
    ...     ["212", "01", "04", "城管执法", "33,775,592", "22,783,399", "10,992,193"],
    ...     ["合计", "", "", "", "33,775,592", "22,783,399", "abc"],
    ... ]
    >>> reading = read_grid(ExpenditureTable, grid, year=2026)
    >>> reading.table.columns
    ('total', 'basic', 'project')
    >>> reading.table.value("2120104", "project"), reading.table.value("total", "project")
    (Decimal('10992193'), None)
    >>> for finding in reading.findings:
    ...     print(finding)
    错误 READ-CELL [部门预算支出总表 / 合计 / 项目支出 / 第5行] 第5行“abc”不是金额，该格按空白读入

    Raises:
        GridError: when the year, the department or the unit is neither printed nor given, or
            the grid lacks the columns the table's shape needs (科目编码; the 项目 columns).
    """
    rows = [list(cells) for cells in grid]
    width = max((len(cells) for cells in rows), default=0)
    rows = [cells + [""] * (width - len(cells)) for cells in rows]
    start = _preamble_end(rows)
    if lines is not None and len(lines) != len(rows):
        raise GridError(f"{kind.SPEC.title}: {len(lines)} line numbers for {len(rows)} rows")
    # Layouts printed otherwise (halves side by side, sideways, merged lines) are reshaped first.
    numbers = list(lines) if lines is not None else list(range(1, len(rows) + 1))
    rows, numbers, start = reshape(kind.SPEC, rows, numbers, start, _header_end)
    header_rows, body = _header_end(rows, start)
    printed = unit or _header_unit(header_rows)
    header, unprinted = _table_header(kind, rows[:start], year, department, printed, assumed_unit)
    assumed: list[Finding] = []
    if unprinted:
        assert assumed_unit is not None
        assumed = [
            READ_UNIT.finding(
                f"表未印金额单位，按情况说明所用的{assumed_unit.label}读入，请核实",
                location=Location(table=kind.SPEC.title, line=(numbers or [0])[0] or None),
            )
        ]
    body_lines, notes = _body(rows, body, header_rows, numbers)
    reader = _Reader(kind, header, header_rows, body_lines, width)
    blocks = reader.read()
    table = _build(kind, header, blocks, "\n".join(notes) or None)
    return GridReading(
        table, (*assumed, *_preamble_figures(kind, rows[:start], numbers), *reader.findings)
    )


def _preamble_figures(
    kind: type[Table], preamble: Sequence[Sequence[str]], numbers: Sequence[int]
) -> list[Finding]:
    """A figure printed among the header facts (预算年度, 单位, 编制部门) is none of them: it
    is reported, not dropped."""
    return [
        READ_CELL.finding(
            f"第{numbers[index]}行“{text}”印在表头（预算年度、单位、编制部门）一行中，未读入",
            location=Location(table=kind.SPEC.title, line=numbers[index]),
        )
        for index, cells in enumerate(preamble)
        for text in _filled(cells)
        if _is_numeric(text)
    ]
