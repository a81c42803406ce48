"""Reading a published disclosure as it is: a text dump, or grids extracted from its tables.

:func:`read_text` reads the text a document exports (each table row a block of tab-indented
cells, rows separated by blank lines, titles and the explanation as plain lines);
:func:`read_grids` and :func:`read_bundle` read tables that a PDF or spreadsheet extractor gave
as rows of cells. Both return the :class:`~govbudget.disclosure.DepartmentBudget` with everything
the document holds — the nine tables, units, procurement, fixed assets, performance goals and
the facts the explanation states — or, when its titles are those of final accounts (收入支出决算
总表 …), the :class:`~govbudget.disclosure.DepartmentFinalAccounts` with the nine 决算 tables and
the units (pass ``phase=Phase.BUDGET`` or ``Phase.FINAL`` to read one family and get its precise
type). Either carries, in ``read_findings``, a finding for
everything that could not be read: an unrecognised table (READ-TABLE), a column, a cell or a
row of a table (READ-COLUMN, READ-CELL, READ-ROW), a sentence of the explanation. Nothing is
dropped silently: ``check(budget)`` reports those findings beside the rules' own.

>>> from importlib import resources
>>> text = resources.files("govbudget").joinpath("samples", "kaiping_2025.txt").read_text("utf-8")
>>> budget = read_text(text)
>>> len(budget.tables), len(budget.project_goals), budget.read_findings
(9, 3, ())
>>> budget.basic_expenditure.value("302", "total")
Decimal('11.39')
"""

from __future__ import annotations

import contextlib
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Literal, overload

import attrs

from govbudget.amounts import Unit, parse_amount
from govbudget.checks.reading import READ_TABLE, READ_TITLE
from govbudget.classification import normalize_name
from govbudget.disclosure import (
    ASSET_KINDS,
    AssetRow,
    BudgetUnit,
    DepartmentBudget,
    DepartmentFinalAccounts,
    FixedAssetsTable,
    ProcurementItem,
    ProcurementTable,
)
from govbudget.errors import AmountError, GovBudgetError
from govbudget.findings import Finding, Location, Severity
from govbudget.performance import (
    DepartmentGoalItem,
    DepartmentPerformanceGoals,
    GoalError,
    ProjectPerformanceGoal,
)
from govbudget.reading.explanation import read_facts
from govbudget.reading.final_explanation import read_final_facts
from govbudget.reading.goal_grid import read_goal_grid
from govbudget.reading.grid import READ_CELL, GridError, read_grid
from govbudget.tables import (
    STANDARD_FINAL_TABLES,
    STANDARD_TABLES,
    Detail,
    Phase,
    Table,
    TableError,
    TwoSidedTable,
    strip_ordinal,
)

__all__ = [
    "READ_TABLE",
    "READ_TITLE",
    "DocumentError",
    "LimitError",
    "Limits",
    "PrintedTable",
    "read_bundle",
    "read_grids",
    "read_text",
    "split_text",
]


class DocumentError(GovBudgetError, ValueError):
    """Input that is not a budget disclosure at all: no table found, or not a grid bundle."""


class LimitError(DocumentError):
    """Input larger than the reader's :class:`Limits` allow; raised before any work is done."""


@attrs.frozen(slots=True)
class Limits:
    """How large an input the readers accept. A department's disclosure is a few hundred rows;
    the defaults leave a margin of a thousand, and refuse what would only be an accident or an
    attack. Pass your own to read larger documents.

    >>> read_text("x" * 11, limits=Limits(max_chars=10))
    Traceback (most recent call last):
    ...
    govbudget.reading.document.LimitError: the input has 11 characters; the limit is 10 (Limits.max_chars)
    """

    max_chars: int = 20_000_000
    max_tables: int = 1_000
    max_rows: int = 200_000
    max_cells: int = 1_000
    max_depth: int = 100
    """How deep a JSON text may nest arrays and objects (a document nests fewer than ten)."""

    def check_text(self, text: str) -> None:
        """Refuse a text longer than ``max_chars``."""
        if len(text) > self.max_chars:
            raise LimitError(
                f"the input has {len(text)} characters; the limit is {self.max_chars} "
                "(Limits.max_chars)"
            )

    def check_json(self, text: str) -> None:
        """Refuse a JSON text longer than ``max_chars`` or nested deeper than ``max_depth``,
        before it is parsed: one pass over the text, which need not be valid JSON.

        >>> Limits(max_depth=3).check_json('{"tables": [[["deep"]]]}')
        Traceback (most recent call last):
        ...
        govbudget.reading.document.LimitError: the JSON nests deeper than 3 arrays and objects at line 1, column 14 (Limits.max_depth)
        """
        self.check_text(text)
        offset = _json_too_deep(text, self.max_depth)
        if offset is not None:
            line = text.count("\n", 0, offset) + 1
            column = offset - (text.rfind("\n", 0, offset) + 1) + 1
            raise LimitError(
                f"the JSON nests deeper than {self.max_depth} arrays and objects at line {line}, "
                f"column {column} (Limits.max_depth)"
            )

    def check_tables(self, tables: Sequence[PrintedTable]) -> None:
        """Refuse more tables, rows or cells in a row than the limits allow."""
        if len(tables) > self.max_tables:
            raise LimitError(
                f"{len(tables)} tables; the limit is {self.max_tables} (Limits.max_tables)"
            )
        rows = sum(len(table.rows) for table in tables)
        if rows > self.max_rows:
            raise LimitError(f"{rows} table rows; the limit is {self.max_rows} (Limits.max_rows)")
        widest = max((len(row) for table in tables for row in table.rows), default=0)
        if widest > self.max_cells:
            raise LimitError(
                f"a row of {widest} cells; the limit is {self.max_cells} (Limits.max_cells)"
            )


_JSON_SPECIAL = re.compile(r'["\[\]{}]')
# Every byte but a quote or a bracket, and the strings left once escapes are gone.
_NOT_STRUCTURE = bytes(set(range(256)) - set(b'"[]{}'))
_BRACKETED_STRING = re.compile(rb'"[^"]*"')
_INNERMOST = re.compile(rb"\[\]|\{\}")
_PASSES = 8  # more than the nesting of any budget document
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def _json_too_deep(text: str, limit: int) -> int | None:
    """The offset of the first bracket nested deeper than ``limit`` (brackets in strings do not
    count), or ``None``. Linear: a run of backslashes before a quote is counted once.

    >>> _json_too_deep('{"a": [[1], "[[[["]}', 3), _json_too_deep('{"a": [[[1]]]}', 3)
    (None, 8)
    >>> _json_too_deep('{"a": "[[[[', 3) is None  # unterminated: the parser will say where
    True
    """
    # Every document takes this quick path, in C: with the escaped backslashes and quotes gone,
    # quotes delimit the strings exactly; drop everything but quotes and brackets, then the
    # strings. Each pass removes the innermost pairs (one level of nesting), which leaves nothing
    # of a budget document within a few passes; the few brackets of anything deeper are counted
    # one by one. An input that may be too deep (or is unbalanced, or has an unterminated
    # string) is walked below, which also finds the offset.
    plain = text.replace("\\\\", "").replace('\\"', "") if "\\" in text else text
    structure = plain.encode("utf-8", "surrogatepass").translate(None, _NOT_STRUCTURE)
    # Nearly every string holds no bracket and is left as "": dropping adjacent quotes keeps
    # the others alternating (opening, closing), so the strings left still hold what they held.
    brackets = structure.replace(b'""', b"")
    if b'"' in brackets:
        brackets = _BRACKETED_STRING.sub(b"", brackets)
    removed = 0
    while brackets and removed < min(limit, _PASSES):
        brackets = _INNERMOST.sub(b"", brackets)
        removed += 1
    steps = map(_STEP.get, brackets, itertools.repeat(0))  # an unterminated string's quote: 0
    if max(itertools.accumulate(steps), default=0) <= limit - removed:
        return None
    depth = 0
    position = 0
    while (match := _JSON_SPECIAL.search(text, position)) is not None:
        char, position = match[0], match.end()
        if char == '"':
            while True:
                end = text.find('"', position)
                if end < 0:
                    return None  # an unterminated string: the parser will say where
                start = end
                while start > position and text[start - 1] == "\\":
                    start -= 1
                position = end + 1
                if (end - start) % 2 == 0:
                    break
        elif char in "[{":
            depth += 1
            if depth > limit:
                return match.start()
        else:
            depth -= 1
    return None


@attrs.frozen(slots=True)
class PrintedTable:
    """A table as a document prints it: its title, its rows of cells, and where it stands.

    ``lines`` gives where each row stands — its line in a text dump, its place (from 1) among
    the rows of a grid — so findings point at it; ``title_line`` is the line of the title in a
    text dump (0 when unknown).
    """

    title: str
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()
    title_line: int = 0

    def figures(self) -> int:
        """How many cells hold a number: what must reach the model or be reported unread."""
        return sum(1 for row in self.rows for cell in row if _is_number(cell))


_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")


def _is_number(cell: str) -> bool:
    return _NUMBER.fullmatch(unicodedata.normalize("NFKC", cell).strip()) is not None


# -- the text layout ---------------------------------------------------------------------------

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")


@attrs.frozen(slots=True)
class _Text:
    text: str
    line: int


@attrs.frozen(slots=True)
class _Cells:
    cells: tuple[str, ...]
    line: int


def _tokens(text: str) -> Iterator[_Text | _Cells]:
    """Plain lines and table rows. A row is a run of tab-indented lines (one cell each, a tab
    alone is an empty cell); a line that is empty, or white space only, ends it."""
    cells: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.lstrip("\ufeff")
        if line.startswith("\t"):
            if not cells:
                start = number
            cells.append(line[1:].strip())
            continue
        if cells:
            yield _Cells(tuple(cells), start)
            cells = []
        stripped = _BOOKMARK.sub("", line).strip()
        if stripped:
            yield _Text(stripped, number)
    if cells:
        yield _Cells(tuple(cells), start)


def split_text(text: str) -> tuple[list[PrintedTable], list[tuple[int, str]]]:
    """Split a text dump into its tables and the lines of its explanation (with line numbers).

    A table is a title line followed by rows, or rows whose first row is a lone title cell
    (部门机构设置情况, 部门固定资产占用情况表); "注：…" lines right after a table are its notes.
    """
    tokens = list(_tokens(text))
    tables: list[PrintedTable] = []
    narrative: list[tuple[int, str]] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        title_line = 0
        if (
            isinstance(token, _Text)
            and isinstance(following, _Cells)
            and _looks_like_title(token.text)
        ):
            title, title_line, index = token.text, token.line, index + 1
        elif isinstance(token, _Cells):
            title = ""
        else:
            assert isinstance(token, _Text)
            narrative.append((token.line, token.text))
            index += 1
            continue
        rows: list[tuple[str, ...]] = []
        lines: list[int] = []
        while index < len(tokens) and isinstance(tokens[index], _Cells):
            row = tokens[index]
            assert isinstance(row, _Cells)
            rows.append(row.cells)
            lines.append(row.line)
            index += 1
        if not title and rows and len([c for c in rows[0] if c]) == 1 and _is_title(rows[0][0]):
            title, title_line, rows, lines = rows[0][0], lines[0], rows[1:], lines[1:]
        notes: list[str] = []
        while (
            index < len(tokens)
            and isinstance(tokens[index], _Text)
            and _NOTE.match(tokens[index].text)  # type: ignore[union-attr]
        ):
            notes.append(tokens[index].text)  # type: ignore[union-attr]
            index += 1
        tables.append(PrintedTable(title, tuple(rows), tuple(lines), tuple(notes), title_line))
    return tables, narrative


_NOTE = re.compile(r"^(?:注|说明)\d*[:：]")


# -- recognising tables ------------------------------------------------------------------------

_QUOTES = re.compile(r"[\"'“”‘’「」]")
_TITLE_PREFIX = re.compile(r"^(?:\d+[、.．]|[一二三四五六七八九十]+、)?(?:\d{4}年度?)?")
_OWNER = re.compile(r"^(?:部门|单位)")
_NUMBERING = re.compile(r"[(]?(?:部门|单位)?(?:预算|决算)?公开\d+表[)]?")


def _canonical(title: str) -> str:
    """A title reduced to what tells tables apart: no year, no 部门/单位, no 预算/财务, no
    quotes, no spaces ("2026年部门财务收支预算总表" and "部门预算收支总表" both give 收支总表), no
    numbering ("公开01表"), no leading 决算 ("部门决算收入支出决算总表" gives 收入支出决算总表)."""
    text = _QUOTES.sub("", normalize_name(_BOOKMARK.sub("", title)))
    text = _NUMBERING.sub("", text)
    text = _TITLE_PREFIX.sub("", text)
    text = _OWNER.sub("", text)
    if text.startswith("决算") and "决算" in text[2:]:
        text = text[2:]
    return text.replace("预算", "").replace("财务", "")


_STANDARD = {
    _canonical(name): kind
    for kind in (*STANDARD_TABLES, *STANDARD_FINAL_TABLES)
    for name in (kind.SPEC.title, *kind.SPEC.title_aliases)
}
_UNITS, _GOAL, _PROCUREMENT, _ASSETS = "units", "goal", "procurement", "fixed_assets"
Kind = type[Table] | str


def _recognise(title: str) -> Kind | None:
    canonical = _canonical(title)
    if canonical in _STANDARD:
        return _STANDARD[canonical]
    if canonical.endswith(
        ("机构设置情况", "机构设置情况表", "单位构成", "单位构成情况", "单位构成表")
    ):
        return _UNITS
    if canonical.endswith(("绩效目标表", "绩效目标申报表")) and "整体" not in canonical:
        return _GOAL
    if canonical.startswith("政府采购") or canonical in ("政府采购表", "政府采购"):
        return _PROCUREMENT
    if "固定资产占用情况" in canonical:
        return _ASSETS
    return None


def _is_title(text: str) -> bool:
    return _recognise(text) is not None


def _looks_like_title(text: str) -> bool:
    """A known title, or a short line naming a table (…表) just above a table's rows."""
    name = normalize_name(_BOOKMARK.sub("", text))
    return _is_title(text) or (len(name) <= 40 and name.endswith("表"))


def _by_headers(
    table: PrintedTable, kinds: Sequence[type[Table]] = STANDARD_TABLES
) -> type[Table] | None:
    """A standard table (of ``kinds``) recognised by its headers when it has no title: unique
    best match."""
    texts = {normalize_name(cell) for row in table.rows[:6] for cell in row if cell}
    scores: dict[type[Table], int] = {}
    for kind in kinds:
        wanted = {
            normalize_name(name)
            for block in kind.SPEC.blocks
            for column in block.columns
            for name in (column.header, *column.aliases, column.group or "")
            if name and column.key != "total"
        }
        scores[kind] = len(texts & wanted)
    best = max(scores.values(), default=0)
    winners = [kind for kind, score in scores.items() if score == best]
    return winners[0] if best >= 2 and len(winners) == 1 else None


# -- making collapsed header rows rectangular (text dumps) --------------------------------------

_LEFT = {
    "序号",
    "科目编码",
    "科目名称",
    "编码",
    "项目",
    "栏次",
    "功能分类科目",
    "支出部门经济分类科目",
}


def _leaves(kind: type[Table], header: Sequence[Sequence[str]]) -> list[str] | None:
    """The money-column headers of a collapsed header, in column order, or ``None``."""
    frame = [cell for cell in header[0] if cell]
    below = [cell for row in header[1:] for cell in row if cell]
    block = kind.SPEC.blocks[0]
    if issubclass(kind, TwoSidedTable):
        lowest = [cell for cell in header[-1] if cell]
        return lowest if sum(1 for c in lowest if normalize_name(c) == "项目") == 2 else None
    left = _LEFT | {normalize_name(block.label_header)}
    groups = {normalize_name(c.group) for c in block.columns if c.group}
    queue = [cell for cell in below if normalize_name(cell) not in left]
    leaves: list[str] = []
    for cell in frame:
        name = normalize_name(cell)
        if name in left:
            continue
        if name in groups and queue:
            members = [c for c in block.columns if c.group and normalize_name(c.group) == name]
            while queue and any(member.matches(queue[0]) for member in members):
                leaves.append(queue.pop(0))
            continue
        leaves.append(cell)
    leaves.extend(queue)
    return leaves


def _rectangular(kind: type[Table], table: PrintedTable) -> tuple[list[list[str]], list[int]]:
    """The rows of a text-dump table with its collapsed header rows rebuilt, when the 栏次 row
    says how wide the table is and the headers name exactly that many columns; and the source
    line of each row."""
    rows = [list(row) for row in table.rows]
    lines = list(table.lines) or [0] * len(rows)
    numbers = next(
        (i for i, row in enumerate(rows) if row and normalize_name(row[0]) == "栏次"), None
    )
    if numbers is None:
        return rows, lines
    width = len(rows[numbers])
    start = next(
        (i for i, row in enumerate(rows[:numbers]) if row and normalize_name(row[0]) == "序号"),
        None,
    )
    if start is None or all(len(row) == width for row in rows[start:numbers]):
        return rows, lines
    if any(_is_number(cell) for row in rows[start:numbers] for cell in row):
        return rows, lines  # a number is no header: the reader reads or reports that row
    leaves = _leaves(kind, rows[start:numbers])
    if leaves is None:
        return rows, lines
    block = kind.SPEC.blocks[0]
    if issubclass(kind, TwoSidedTable):
        synthetic = ["序号", *leaves]
    elif block.detail is Detail.NONE:
        synthetic = ["序号", "项目", *leaves]
    else:
        synthetic = ["序号", "科目编码", "科目名称", *leaves]
    if len(synthetic) != width:
        return rows, lines
    return [*rows[:start], synthetic, *rows[numbers:]], [
        *lines[:start],
        lines[start],
        *lines[numbers:],
    ]


# -- the other tables of a disclosure ----------------------------------------------------------


def _header_index(
    rows: Sequence[Sequence[str]], names: Iterable[str]
) -> tuple[int, dict[str, int]]:
    """The first row naming any of ``names``, and the column of each name found in it."""
    wanted = [normalize_name(name) for name in names]
    for index, row in enumerate(rows):
        found = {}
        for column, cell in enumerate(row):
            key = normalize_name(cell)
            for name in wanted:
                if key.startswith(name) and name not in found:
                    found[name] = column
        if found:
            return index, found
    return -1, {}


class _Assembler:
    """Reads every printed table into the budget's parts and collects the findings."""

    def __init__(
        self, year: int | None, department: str | None, phase: Phase = Phase.BUDGET
    ) -> None:
        self.year = year
        self.department = department
        self.phase = phase
        self.findings: list[Finding] = []
        self.tables: dict[type[Table], Table] = {}
        self.units: list[BudgetUnit] = []
        self.goals: list[ProjectPerformanceGoal] = []
        self.procurement: ProcurementTable | None = None
        self.fixed_assets: FixedAssetsTable | None = None

    def unread(self, table: PrintedTable, why: str) -> None:
        title = table.title or "（无标题的表）"
        line = table.title_line or None
        self.findings.append(
            READ_TABLE.finding(
                f"表“{title}”{why}，其中 {table.figures()} 个数字未读入",
                location=Location(table=title, line=line),
            )
        )

    def _relocate(self, findings: Iterable[Finding], table: PrintedTable) -> Iterator[Finding]:
        """Goal-grid findings point at grid rows; a text dump's point at its source lines."""
        for finding in findings:
            line = finding.location.line
            if table.lines and line is not None and 0 < line <= len(table.lines):
                line = table.lines[line - 1]
            yield attrs.evolve(finding, location=attrs.evolve(finding.location, line=line))

    def read(self, table: PrintedTable, *, text: bool) -> None:
        kind = _recognise(table.title) if table.title else None
        if isinstance(kind, type) and kind.SPEC.phase is not self.phase:
            self.unread(
                table, f"是部门{kind.SPEC.phase.label}表，本文档按部门{self.phase.label}读入"
            )
            return
        if isinstance(kind, str) and kind != _UNITS and self.phase is Phase.FINAL:
            self.unread(table, "不是部门决算的公开表，未读入")
            return
        # A 决算 (final accounts) table has the headers of its budget twin but other meanings:
        # it is not read as a budget table, nor a budget table as a 决算 one.
        if kind is None and (self.phase is Phase.FINAL or "决算" not in table.title):
            kind = _by_headers(
                table, STANDARD_FINAL_TABLES if self.phase is Phase.FINAL else STANDARD_TABLES
            )
            if kind is not None and table.title:
                self.findings.append(
                    READ_TITLE.finding(
                        f"表标题“{table.title}”未能识别，按表头读作{kind.SPEC.title}",
                        location=Location(table=table.title, line=table.title_line or None),
                    )
                )
        if kind is None:
            self.unread(table, "无法识别")
        elif isinstance(kind, str):
            {
                _UNITS: self.read_units,
                _GOAL: self.read_goal,
                _PROCUREMENT: self.read_procurement,
                _ASSETS: self.read_assets,
            }[kind](table)
        else:
            self.read_standard(kind, table, text=text)

    def read_standard(self, kind: type[Table], table: PrintedTable, *, text: bool) -> None:
        if kind in self.tables:
            self.unread(table, f"与前面的{kind.SPEC.title}重复")
            return
        if text:
            rows, lines = _rectangular(kind, table)
        else:
            rows, lines = [list(row) for row in table.rows], list(table.lines)
        grid = [*([table.title],) * bool(table.title), *rows, *([note] for note in table.notes)]
        numbers = [table.title_line] * bool(table.title) + lines + [0] * len(table.notes)
        try:
            reading = read_grid(
                kind, grid, year=self.year, department=self.department, lines=numbers
            )
        except (GridError, TableError) as error:
            self.unread(table, f"无法读入（{error}）")
            return
        self.findings.extend(reading.findings)
        self.tables[kind] = reading.table

    def read_goal(self, table: PrintedTable) -> None:
        if self.year is None:
            self.unread(table, "无法确定预算年度")
            return
        try:
            reading = read_goal_grid([list(row) for row in table.rows], year=self.year)
        except (GoalError, GovBudgetError) as error:
            self.unread(table, f"无法读入（{error}）")
            return
        self.findings.extend(self._relocate(reading.findings, table))
        if reading.goal is None:
            self.unread(table, "缺少项目绩效目标表的必要内容")
        else:
            self.goals.append(reading.goal)

    def unread_cells(
        self,
        table: PrintedTable,
        number: int,
        cells: Iterable[str],
        why: str,
        severity: Severity | None = None,
    ) -> None:
        """Report the numeric cells of row ``number`` that no part of the budget holds."""
        figures = [cell for cell in cells if _is_number(cell)]
        if figures:
            line = table.lines[number] if table.lines else number + 1
            quoted = "、".join(f"“{cell}”" for cell in figures)
            self.findings.append(
                READ_CELL.finding(
                    f"第{line}行{quoted}{why}，未读入",
                    location=Location(table=table.title or None, line=line),
                    severity=severity,
                )
            )

    def read_units(self, table: PrintedTable) -> None:
        names = ("单位名称", "单位性质", "单位规格", "经费保障形式")
        index, columns = _header_index(table.rows, names)
        if "单位名称" not in columns:
            self.unread(table, "缺少“单位名称”列")
            return
        keys = [normalize_name(name) for name in names]
        for number, row in enumerate(table.rows[: index + 1]):
            self.unread_cells(table, number, row, "印在表头中")
        # A 序号 column numbers the units (部门决算单位构成): its whole numbers are no figures.
        sequence = {j for j, c in enumerate(table.rows[index]) if normalize_name(c) == "序号"}
        for number, row in enumerate(table.rows[index + 1 :], start=index + 1):
            cells = [
                row[columns[k]] if k in columns and columns[k] < len(row) else "" for k in keys
            ]
            if cells[0]:
                self.units.append(BudgetUnit(cells[0], *(cell or None for cell in cells[1:])))
                others = [
                    cell
                    for j, cell in enumerate(row)
                    if j not in columns.values() and not (j in sequence and cell.isdigit())
                ]
                self.unread_cells(table, number, others, "不在本表的任何一栏")
            else:
                self.unread_cells(table, number, row, "所在行没有单位名称")

    def read_procurement(self, table: PrintedTable) -> None:
        # The header spans three rows; the body rows, where there are any, hold one purchase
        # each in the standard column order of the published table.
        if self.procurement is not None:
            self.unread(table, "与前面的政府采购预算表重复")
            return
        fields = (
            "project",
            "project_budget",
            "item",
            "catalogue_number",
            "measure",
            "quantity",
            "unit_price",
            "total",
            "general_public",
            "government_fund",
            "state_capital",
            "special_account",
            "unit_funds",
            "carry_over",
            "sme_reserve",
        )
        money = {"project_budget", "quantity", "unit_price", "total", "sme_reserve"}
        money |= {"general_public", "government_fund", "state_capital", "special_account"}
        money |= {"unit_funds", "carry_over"}
        unit = Unit.WAN_YUAN
        items: list[ProcurementItem] = []
        body = False
        for number, row in enumerate(table.rows):
            filled = [cell for cell in row if cell]
            for cell in filled:
                if normalize_name(cell).startswith("单位"):
                    with contextlib.suppress(AmountError):
                        unit = Unit.from_label(cell)
            if not filled:
                continue
            if normalize_name(filled[0]) in ("合计",) or normalize_name(filled[0]).startswith(
                ("政府采购项目来源", "项目名称", "合计")
            ):
                body = True
                # The 合计 row is the sum of the items, which the model holds, not a row of its own.
                total = normalize_name(filled[0]).startswith("合计")
                why = "是合计行的数字（合计不单独读入）" if total else "印在表头中"
                self.unread_cells(table, number, row, why, Severity.INFO if total else None)
                continue
            if not body:
                self.unread_cells(table, number, row, "印在表头之上")
                continue
            if not any(_is_number(cell) for cell in row):
                continue
            self.unread_cells(table, number, row[len(fields) :], "超出本表的栏目")
            values: dict[str, str | None] = {}
            for field, cell in zip(fields, row, strict=False):
                values[field] = cell or None
            try:
                parsed = {
                    field: (parse_amount(value) if field in money and value else value)
                    for field, value in values.items()
                }
                items.append(ProcurementItem(**parsed))  # type: ignore[arg-type]
            except (AmountError, TypeError) as error:
                line = table.lines[number] if table.lines else number + 1
                self.findings.append(
                    READ_TABLE.finding(
                        f"政府采购预算表第{line}行无法读入（{error}）",
                        location=Location(table=table.title, line=line),
                    )
                )
        self.procurement = ProcurementTable(self.department or "", tuple(items), unit, table.notes)

    def read_assets(self, table: PrintedTable) -> None:
        if self.fixed_assets is not None:
            self.unread(table, "与前面的固定资产占用情况表重复")
            return
        as_of: str | None = None
        unit = Unit.WAN_YUAN
        rows: list[AssetRow] = []
        for number, row in enumerate(table.rows):
            filled = [cell for cell in row if cell]
            for cell in filled:
                date = re.search(r"(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})", cell)
                if "截止" in cell and date:
                    as_of = f"{date[1]}-{int(date[2]):02d}-{int(date[3]):02d}"
                if "金额单位" in cell and "元" in cell:
                    unit = Unit.YUAN if "万元" not in cell else Unit.WAN_YUAN
            if not filled:
                continue
            key = _asset_kind(filled[0])
            if key is None:
                if any(_is_number(cell) for cell in row):
                    line = table.lines[number] if table.lines else number + 1
                    self.findings.append(
                        READ_TABLE.finding(
                            f"固定资产表第{line}行“{filled[0]}”无法识别，该行数字未读入",
                            location=Location(table=table.title, row=filled[0], line=line),
                        )
                    )
                continue
            cells = [*list(row[1:3]), "", ""]
            self.unread_cells(table, number, row[3:], "超出本表的栏目")
            try:
                rows.append(AssetRow(key, row[0], cells[0] or None, cells[1] or None))
            except (AmountError, TableError) as error:
                line = table.lines[number] if table.lines else number + 1
                self.findings.append(
                    READ_TABLE.finding(
                        f"固定资产表第{line}行无法读入（{error}）",
                        location=Location(table=table.title, row=filled[0], line=line),
                    )
                )
        try:
            self.fixed_assets = FixedAssetsTable(self.department or "", as_of, rows, unit)
        except TableError as error:
            self.unread(table, f"无法读入（{error}）")


def _asset_kind(label: str) -> str | None:
    name = re.sub(r"[（(][^）)]*[）)]", "", strip_ordinal(label)).removeprefix("其中:")
    for key, labels in ASSET_KINDS.items():
        for known in labels:
            known_name = re.sub(r"[（(][^）)]*[）)]", "", strip_ordinal(known)).removeprefix(
                "其中:"
            )
            if name == known_name:
                return key
    return None


# -- the department's goals from the explanation -----------------------------------------------

_SECTION = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]\s*(.*)$")


def _department_goals(
    lines: Sequence[tuple[int, str]], year: int
) -> DepartmentPerformanceGoals | None:
    """部门整体绩效目标 (总体 and 分项) and the goals of the special funds, where stated."""
    texts = [text for _line, text in lines]
    start = next((i for i, t in enumerate(texts) if "部门整体绩效目标" in t), None)
    if start is None:
        return None
    overall = ""
    items: list[DepartmentGoalItem] = []
    special: list[DepartmentGoalItem] = []
    target = items
    current: dict[str, str] | None = None

    def flush() -> None:
        if current is not None and current.get("title"):
            target.append(
                DepartmentGoalItem(
                    current["title"], current.get("goal", ""), current.get("indicators", "")
                )
            )

    index = start + 1
    while index < len(texts):
        text = texts[index]
        if re.match(r"^(?:\d+、|[一二三四五六七八九十]+、)", text) and "专项资金" in text:
            flush()
            current = None
            target = special
        elif re.match(r"^(?:\d+、|[一二三四五六七八九十]+、)", text) and "分项" not in text:
            break
        elif text.startswith("绩效目标") and current is not None:
            current["goal"] = text.split("：", 1)[-1].split(":", 1)[-1].strip()
        elif text.startswith("绩效指标") and current is not None:
            current["indicators"] = text.split("：", 1)[-1].split(":", 1)[-1].strip()
        else:
            section = _SECTION.match(text)
            if section and section[2] in ("总体绩效目标",):
                overall = texts[index + 1] if index + 1 < len(texts) else ""
                index += 2
                continue
            if section and section[2] in ("分项绩效目标", "工作保障措施"):
                flush()
                current = None
                if section[2] == "工作保障措施":
                    target = []
                index += 1
                continue
            if section:
                flush()
                current = {"title": section[2]}
        index += 1
    flush()
    if not (overall or items or special):
        return None
    return DepartmentPerformanceGoals(year, overall, tuple(items), tuple(special))


# -- putting it together -----------------------------------------------------------------------

_YEAR_LINE = re.compile(r"预算年度[:：]?\s*(\d{4})")
_TITLE_YEAR = re.compile(r"(\d{4})年")


def _consensus(tables: Sequence[PrintedTable], narrative: Sequence[tuple[int, str]]) -> int | None:
    years: Counter[int] = Counter()
    for table in tables:
        for row in table.rows[:3]:
            for cell in row:
                match = _YEAR_LINE.search(normalize_name(cell))
                if match:
                    years[int(match[1])] += 1
        title_year = _TITLE_YEAR.match(normalize_name(table.title))
        if title_year:
            years[int(title_year[1])] += 1
    if not years:
        for _line, text in narrative[:5]:
            match = _TITLE_YEAR.search(text)
            if match:
                years[int(match[1])] += 1
    return years.most_common(1)[0][0] if years else None


def _phase_of(tables: Sequence[PrintedTable], hint: Phase | None) -> Phase:
    """Which family a document is: the family of most of its recognised standard titles;
    where they do not tell, ``hint`` (a bundle's "kind"), else a budget."""
    counts = Counter(
        kind.SPEC.phase
        for table in tables
        if table.title and isinstance(kind := _recognise(table.title), type)
    )
    if counts[Phase.FINAL] != counts[Phase.BUDGET]:
        return Phase.FINAL if counts[Phase.FINAL] > counts[Phase.BUDGET] else Phase.BUDGET
    return hint or Phase.BUDGET


def _assemble(
    tables: Sequence[PrintedTable],
    narrative: Sequence[tuple[int, str]],
    *,
    text: bool,
    year: int | None,
    department: str | None,
    department_code: str | None = None,
    phase: Phase | None = None,
    hint: Phase | None = None,
) -> DepartmentBudget | DepartmentFinalAccounts:
    if not tables and not narrative:
        raise DocumentError("the document holds no table and no text")
    year = year or _consensus(tables, narrative)
    if year is None:
        raise DocumentError(
            "the budget year cannot be found (no 预算年度 line, no year in a title)"
        )
    phase = phase or _phase_of(tables, hint)
    assembler = _Assembler(year, department, phase)
    for table in tables:
        assembler.read(table, text=text)
    if not assembler.tables and not assembler.goals and not narrative:
        raise DocumentError("no table of a budget disclosure was recognised")
    standard = STANDARD_FINAL_TABLES if phase is Phase.FINAL else STANDARD_TABLES
    read_tables = [assembler.tables[k] for k in standard if k in assembler.tables]
    names = Counter(t.header.department for t in read_tables if t.header.department)
    codes = Counter(t.header.department_code for t in read_tables if t.header.department_code)
    name = names.most_common(1)[0][0] if names else (department or "")
    code = department_code or (codes.most_common(1)[0][0] if codes else None)
    findings = list(assembler.findings)
    narrative_text = "\n".join(line for _number, line in narrative)
    # The explanation of final accounts states other facts than a budget's: its own reader.
    final_reading = read_final_facts(narrative_text, year=year) if phase is Phase.FINAL else None
    reading = read_facts(narrative_text, year=year) if final_reading is None else None
    stated = (
        final_reading.findings if final_reading is not None else reading.findings if reading else ()
    )
    first_line = narrative[0][0] if narrative else 1
    findings.extend(
        attrs.evolve(
            finding,
            location=attrs.evolve(
                finding.location,
                line=None
                if finding.location.line is None or not text
                else _source_line(narrative, finding.location.line, first_line),
            ),
        )
        for finding in stated
    )
    if final_reading is not None:
        return DepartmentFinalAccounts(
            department=name,
            year=year,
            department_code=code,
            tables=read_tables,
            units=assembler.units,
            facts=final_reading.facts,
            read_findings=findings,
        )
    assert reading is not None
    procurement = assembler.procurement
    if procurement is not None and not procurement.department:
        procurement = attrs.evolve(procurement, department=name)
    assets = assembler.fixed_assets
    if assets is not None and not assets.department:
        assets = attrs.evolve(assets, department=name)
    return DepartmentBudget(
        department=name,
        year=year,
        department_code=code,
        tables=read_tables,
        units=assembler.units,
        procurement=procurement,
        fixed_assets=assets,
        project_goals=assembler.goals,
        department_goals=_department_goals(narrative, year),
        facts=reading.facts,
        read_findings=findings,
    )


def _source_line(narrative: Sequence[tuple[int, str]], line: int, _first: int) -> int:
    """The source line of the ``line``-th line of the joined narrative."""
    return narrative[line - 1][0] if 0 < line <= len(narrative) else line


@overload
def read_text(
    text: str,
    *,
    year: int | None = ...,
    department: str | None = ...,
    phase: Literal[Phase.BUDGET],
    limits: Limits = ...,
) -> DepartmentBudget: ...
@overload
def read_text(
    text: str,
    *,
    year: int | None = ...,
    department: str | None = ...,
    phase: Literal[Phase.FINAL],
    limits: Limits = ...,
) -> DepartmentFinalAccounts: ...
@overload
def read_text(
    text: str,
    *,
    year: int | None = ...,
    department: str | None = ...,
    phase: Phase | None = ...,
    limits: Limits = ...,
) -> DepartmentBudget | DepartmentFinalAccounts: ...
def read_text(
    text: str,
    *,
    year: int | None = None,
    department: str | None = None,
    phase: Phase | None = None,
    limits: Limits = Limits(),
) -> DepartmentBudget | DepartmentFinalAccounts:
    """Read a disclosure exported to text: tables as tab-indented cells, the explanation as lines.

    ``year`` and ``department`` supply what the document does not print. The document is a
    budget (:class:`DepartmentBudget`) or final accounts (:class:`DepartmentFinalAccounts`) as
    its titles say (…决算表); ``phase`` reads it as the one family asked for, and gives the
    precise type: tables of the other family are then reported unread (READ-TABLE). Raises
    :class:`DocumentError` when the text holds no disclosure at all, :class:`LimitError` when
    it is larger than ``limits`` allow.
    """
    limits.check_text(text)
    tables, narrative = split_text(text)
    limits.check_tables(tables)
    return _assemble(tables, narrative, text=True, year=year, department=department, phase=phase)


@overload
def read_grids(
    tables: Iterable[PrintedTable | Mapping[str, object]],
    narrative: str = ...,
    *,
    year: int | None = ...,
    department: str | None = ...,
    phase: Literal[Phase.BUDGET],
    hint: Phase | None = ...,
    limits: Limits = ...,
) -> DepartmentBudget: ...
@overload
def read_grids(
    tables: Iterable[PrintedTable | Mapping[str, object]],
    narrative: str = ...,
    *,
    year: int | None = ...,
    department: str | None = ...,
    phase: Literal[Phase.FINAL],
    hint: Phase | None = ...,
    limits: Limits = ...,
) -> DepartmentFinalAccounts: ...
@overload
def read_grids(
    tables: Iterable[PrintedTable | Mapping[str, object]],
    narrative: str = ...,
    *,
    year: int | None = ...,
    department: str | None = ...,
    phase: Phase | None = ...,
    hint: Phase | None = ...,
    limits: Limits = ...,
) -> DepartmentBudget | DepartmentFinalAccounts: ...
def read_grids(
    tables: Iterable[PrintedTable | Mapping[str, object]],
    narrative: str = "",
    *,
    year: int | None = None,
    department: str | None = None,
    phase: Phase | None = None,
    hint: Phase | None = None,
    limits: Limits = Limits(),
) -> DepartmentBudget | DepartmentFinalAccounts:
    """Read a disclosure from its tables as grids (``{"title", "rows"}``) and its explanation.

    A budget or final accounts, as the titles say (``hint`` decides where they do not);
    ``phase`` reads the one family asked for, as :func:`read_text` does.

    >>> budget = read_grids([{"title": "部门预算支出总表", "rows": [
    ...     ["某部门", "预算年度：2025", "单位：万元"],
    ...     ["功能分类科目编码", "功能分类科目名称", "合计", "基本支出"],
    ...     ["210", "卫生健康支出", "14.53", "14.53"]]}])
    >>> budget.expenditure.value("210", "basic"), [f.rule for f in budget.read_findings]
    (Decimal('14.53'), [])
    """
    limits.check_text(narrative)
    printed = []
    for index, table in enumerate(tables):
        if index >= limits.max_tables:
            raise LimitError(f"more than {limits.max_tables} tables (Limits.max_tables)")
        printed.append(_printed(table, index))
    limits.check_tables(printed)
    lines = [
        (number, line)
        for number, line in enumerate(narrative.splitlines(), start=1)
        if line.strip()
    ]
    return _assemble(
        printed, lines, text=False, year=year, department=department, phase=phase, hint=hint
    )


def _is_note_row(row: Sequence[str]) -> bool:
    """A grid row that is a note: "注：…" first, and no figure beside it (a row that has one
    is a row of the table, which the reader reads or reports)."""
    return bool(row) and _NOTE.match(row[0]) is not None and not any(map(_is_number, row[1:]))


def _printed(table: PrintedTable | Mapping[str, object], index: int) -> PrintedTable:
    if isinstance(table, PrintedTable):
        return table
    if not isinstance(table, Mapping):
        raise DocumentError(f"tables[{index}] is not {{'title': str, 'rows': [[str, …], …]}}")
    title = table.get("title", "")
    rows = table.get("rows")
    if not isinstance(title, str) or not isinstance(rows, list):
        raise DocumentError(f"tables[{index}] is not {{'title': str, 'rows': [[str, …], …]}}")
    cells: list[tuple[str, ...]] = []
    for number, row in enumerate(rows):
        if not isinstance(row, list) or not all(isinstance(cell, str) for cell in row):
            raise DocumentError(f"tables[{index}].rows[{number}] is not a list of strings")
        cells.append(tuple(cell.strip() for cell in row))
    kept = [n for n, row in enumerate(cells, start=1) if not _is_note_row(row)]
    notes = tuple(row[0] for row in cells if _is_note_row(row))
    return PrintedTable(title, tuple(cells[n - 1] for n in kept), tuple(kept), notes)


@overload
def read_bundle(
    bundle: Mapping[str, object], *, phase: Literal[Phase.BUDGET], limits: Limits = ...
) -> DepartmentBudget: ...
@overload
def read_bundle(
    bundle: Mapping[str, object], *, phase: Literal[Phase.FINAL], limits: Limits = ...
) -> DepartmentFinalAccounts: ...
@overload
def read_bundle(
    bundle: Mapping[str, object], *, phase: Phase | None = ..., limits: Limits = ...
) -> DepartmentBudget | DepartmentFinalAccounts: ...
def read_bundle(
    bundle: Mapping[str, object], *, phase: Phase | None = None, limits: Limits = Limits()
) -> DepartmentBudget | DepartmentFinalAccounts:
    """Read a grid bundle: ``{"tables": [{"title", "rows"}, …], "narrative": "…"}``.

    ``department``, ``budget_year`` and ``kind`` ("budget" or "final_accounts"), where present,
    are used as hints, never required: a bundle whose titles are 决算 tables reads into
    :class:`DepartmentFinalAccounts`, one of budget tables into :class:`DepartmentBudget`;
    ``phase`` reads the one family asked for (see :func:`read_text`).
    """
    tables = bundle.get("tables")
    if not isinstance(tables, list):
        raise DocumentError("a grid bundle is a JSON object with a 'tables' list")
    narrative = bundle.get("narrative", "")
    if not isinstance(narrative, str):
        raise DocumentError("the bundle's 'narrative' is not a string")
    year = bundle.get("budget_year")
    department = bundle.get("department")
    kind = bundle.get("kind")
    return read_grids(
        tables,
        narrative,
        year=year if isinstance(year, int) and not isinstance(year, bool) else None,
        department=department if isinstance(department, str) and department else None,
        phase=phase,
        hint=_KIND_HINTS.get(kind) if isinstance(kind, str) else None,
        limits=limits,
    )


_KIND_HINTS = {
    "budget": Phase.BUDGET,
    "预算": Phase.BUDGET,
    "final_accounts": Phase.FINAL,
    "final": Phase.FINAL,
    "决算": Phase.FINAL,
}
