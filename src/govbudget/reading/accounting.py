"""Nothing lost: every figure a table prints reaches the budget, or a finding names it.

:func:`account_text`, :func:`account_grids` and :func:`account_bundle` read a disclosure as
:func:`~govbudget.reading.read_text`, :func:`~govbudget.reading.read_grids` and
:func:`~govbudget.reading.read_bundle` do, and account for every *numeric cell* of its tables
(a cell that prints a number: ``"14.53"``, ``"47,483,458"``, ``"201"``, ``"95%"``; the cells
:meth:`~govbudget.reading.PrintedTable.figures` counts). Each is exactly one of:

- **in the model**: the part of the budget read from the cell's table holds its figure — an
  amount of a table row, a subject code (row key; a code printed over 类 | 款 | 项 cells holds
  each of them), a goal's money or percentage, a procurement or fixed-asset figure, or a line
  of a text the reader joined from several cells. Cells are matched to the part's figures by
  value, as many cells as the part holds that figure;
- **numbering**: a whole number under a 序号 header or in the 栏次 row, which numbers the rows or
  columns of the table and holds no figure of it;
- **unread**: a finding of the reader names it — READ-TABLE its table (or, with the line of a
  row, that row), READ-COLUMN its column (第N列), READ-ROW, READ-GOAL-ROW and any finding whose
  message says a whole row was not read (该行…未读入, 第 N 行…未读取) its row, READ-CELL and
  READ-GOAL-CELL the cell they quote (“14.5O”) in the row of their line; in a goal table, a
  header column the layout has no place for (该栏未读取) the cells under it, an incomplete
  indicator header (未读取指标) every row under it;
- **lost**: none of these — a figure the reader dropped without a word, which is a bug.

So ``printed == in_model + numbering + unread + len(lost)``, and a reading loses nothing when
``lost`` is empty. The seed's 15 tables print 397 numeric cells: 217 figures and codes that the
budget holds, and 180 numbers of 序号 columns and 栏次 rows:

>>> from importlib import resources
>>> text = resources.files("govbudget").joinpath("samples", "kaiping_2025.txt").read_text("utf-8")
>>> account_text(text)
Accounting(printed=397, in_model=217, numbering=180, unread=0, lost=())

A row the reader cannot place is unread, and said so:

>>> from govbudget import read_grids
>>> tables = [{"title": "部门预算支出总表", "rows": [
...     ["某部门", "预算年度：2025", "单位：万元"],
...     ["功能分类科目编码", "功能分类科目名称", "合计", "基本支出"],
...     ["210", "卫生健康支出", "14.53", "14.53"],
...     ["", "不知道是什么", "1.00", "1.00"]]}]
>>> account_grids(tables)
Accounting(printed=5, in_model=3, numbering=0, unread=2, lost=())
>>> [finding.rule for finding in read_grids(tables).read_findings]
['READ-ROW']

The narrative (情况说明) is not a table: the facts it states are accounted for by
:func:`~govbudget.reading.read_facts` and its READ-FACT findings, not here.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Final, cast

import attrs

from govbudget.checks.reading import READ_TABLE
from govbudget.classification import normalize_name
from govbudget.disclosure import (
    DepartmentBudget,
    DepartmentFinalAccounts,
    FixedAssetsTable,
    ProcurementTable,
)
from govbudget.findings import Finding
from govbudget.limits import Limits
from govbudget.reading.assembly import _Assembler, _stated_department, _stated_unit
from govbudget.reading.document import _printed, read_bundle, read_grids, read_text
from govbudget.reading.printed import NUMBERING, PrintedTable, is_number, numbered_lines
from govbudget.reading.text_dump import split_text
from govbudget.tables import Detail, Phase, Table

__all__ = ["Accounting", "NumericCell", "account_bundle", "account_grids", "account_text"]


_LIMITS: Final = Limits()


@attrs.frozen(slots=True)
class NumericCell:
    """A numeric cell of the input: its table (as printed; ``tables[i]`` when untitled), its
    line in a text dump or its row (from 1) in a grid, its column (from 1), its text."""

    table: str
    line: int
    column: int
    text: str

    def __str__(self) -> str:
        return f"{self.table} 第{self.line}行第{self.column}列“{self.text}”"


@attrs.frozen(slots=True)
class Accounting:
    """Where every numeric cell of a document's tables went (see the module's description)."""

    printed: int
    in_model: int
    numbering: int
    unread: int
    lost: tuple[NumericCell, ...] = ()

    @property
    def balanced(self) -> bool:
        """Whether nothing was lost: every numeric cell is in the model, numbering or unread."""
        return not self.lost

    def __add__(self, other: Accounting) -> Accounting:
        return Accounting(
            self.printed + other.printed,
            self.in_model + other.in_model,
            self.numbering + other.numbering,
            self.unread + other.unread,
            self.lost + other.lost,
        )


def account_text(
    text: str,
    *,
    year: int | None = None,
    department: str | None = None,
    limits: Limits = _LIMITS,
) -> Accounting:
    """Account for the numeric cells of a text dump's tables, read as :func:`read_text` reads
    them (with the same arguments, and the same errors)."""
    budget = read_text(text, year=year, department=department, limits=limits)
    tables, narrative = split_text(text)
    accounting = _account(tables, narrative, budget, text=True, department=department)
    # A cell of the text that split_text put in no table would be lost before any reading.
    cells = sum(1 for line in text.splitlines() if _is_numeric_cell(line.lstrip("\ufeff")))
    if cells != accounting.printed:
        outside = NumericCell("", 0, 0, f"{cells - accounting.printed} numeric cells")
        accounting = attrs.evolve(accounting, printed=cells, lost=(*accounting.lost, outside))
    return accounting


def _is_numeric_cell(line: str) -> bool:
    return line.startswith("\t") and is_number(line[1:])


def account_grids(
    tables: Iterable[PrintedTable | Mapping[str, object]],
    narrative: str = "",
    *,
    year: int | None = None,
    department: str | None = None,
    limits: Limits = _LIMITS,
) -> Accounting:
    """Account for the numeric cells of grids, read as :func:`read_grids` reads them."""
    tables = list(tables)
    budget = read_grids(tables, narrative, year=year, department=department, limits=limits)
    # A note row ("注：…", no number beside it) holds no numeric cell: the rows are all here.
    printed = [_printed(table, index) for index, table in enumerate(tables)]
    return _account(printed, numbered_lines(narrative), budget, text=False, department=department)


def account_bundle(bundle: Mapping[str, object], *, limits: Limits = _LIMITS) -> Accounting:
    """Account for the numeric cells of a grid bundle, read as :func:`read_bundle` reads it."""
    budget = read_bundle(bundle, limits=limits)
    tables = bundle.get("tables")
    assert isinstance(tables, list)  # read_bundle has checked it
    department = bundle.get("department")
    printed = [_printed(table, index) for index, table in enumerate(tables)]
    hint = department if isinstance(department, str) and department else None
    narrative = bundle.get("narrative", "")
    assert isinstance(narrative, str)  # read_bundle has checked it
    return _account(printed, numbered_lines(narrative), budget, text=False, department=hint)


# --- reading, table by table --------------------------------------------------------------------

_Disclosure = DepartmentBudget | DepartmentFinalAccounts


@attrs.frozen(slots=True)
class _Read:
    """One printed table, what it became in the budget, and the findings its reading gave."""

    table: PrintedTable
    index: int
    parts: tuple[object, ...]
    findings: tuple[Finding, ...]


def _readings(
    tables: Sequence[PrintedTable],
    narrative: Sequence[tuple[int, str]],
    budget: _Disclosure,
    *,
    text: bool,
    department: str | None,
) -> Iterator[_Read]:
    """Each table read again as the document reader read it (the same reader, for the same
    year and family, table after table), with the parts of the budget it gave that the
    finished budget still holds."""
    phase = Phase.FINAL if isinstance(budget, DepartmentFinalAccounts) else Phase.BUDGET
    department = department or _stated_department(tables, narrative)
    assembler = _Assembler(budget.year, department, phase, _stated_unit(narrative))
    log: list[tuple[PrintedTable, list[object], list[Finding]]] = []
    for table in tables:
        findings = len(assembler.findings)
        before = dict(assembler.tables)
        goals, units = len(assembler.goals), len(assembler.units)
        procurement, assets = assembler.procurement, assembler.fixed_assets
        department_goals = assembler.department_goal_table
        assembler.read(table, text=text)
        # A table printed in two parts is joined: each part is held by the joined table.
        parts: list[object] = [t for k, t in assembler.tables.items() if before.get(k) is not t]
        parts += [*assembler.goals[goals:], *assembler.units[units:]]
        if assembler.procurement is not procurement:
            parts.append(assembler.procurement)
        if assembler.fixed_assets is not assets:
            parts.append(assembler.fixed_assets)
        if assembler.department_goal_table is not department_goals:
            parts.append(assembler.department_goal_table)
        log.append((table, parts, assembler.findings[findings:]))
    if set(assembler.tables.values()) != set(budget.tables):
        raise RuntimeError("govbudget bug: the accounting read other tables than the reader")
    # A later procurement or fixed-assets table replaces an earlier one, which is gone.
    final = (assembler.procurement, assembler.fixed_assets)
    for index, (table, parts, found) in enumerate(log):
        kept = tuple(
            assembler.tables.get(type(part), part) if isinstance(part, Table) else part
            for part in parts
            if not isinstance(part, ProcurementTable | FixedAssetsTable)
            or any(part is last for last in final)
        )
        yield _Read(table, index, kept, tuple(found))


def _account(
    tables: Sequence[PrintedTable],
    narrative: Sequence[tuple[int, str]],
    budget: _Disclosure,
    *,
    text: bool,
    department: str | None,
) -> Accounting:
    result = Accounting(0, 0, 0, 0)
    for read in _readings(tables, narrative, budget, text=text, department=department):
        result += _account_table(read)
    return result


Position = tuple[int, int]  # (row index in the printed table, column index), from 0


def _account_table(read: _Read) -> Accounting:
    table = read.table
    numeric = {
        (r, c): cell
        for r, row in enumerate(table.rows)
        for c, cell in enumerate(row)
        if is_number(cell)
    }
    unread = _unread(table, read.findings, numeric)
    rest = {position: None for position in numeric if position not in unread}
    line_numbers = _line_numbers(table, rest)
    for position in line_numbers:
        del rest[position]
    codes = Counter(_codes(read.parts))
    in_model = 0
    for r in range(len(table.rows)):
        whole = [
            (position, normalize_name(numeric[position]))
            for position in sorted(rest)
            if position[0] == r and _WHOLE.fullmatch(normalize_name(numeric[position]))
        ]
        for key, spelled in _spellings(whole, codes):
            codes[key] -= 1
            in_model += len(spelled)
            for position in spelled:
                del rest[position]
    numbering = line_numbers | _sequence_numbers(table, rest)
    for position in numbering - line_numbers:
        del rest[position]
    held = Counter(_figures(read.parts))
    lines = Counter(_lines(read.parts))
    lost: list[NumericCell] = []
    for position in rest:
        value = _value(numeric[position])
        if held[value] > 0:
            held[value] -= 1
            in_model += 1
        elif lines[numeric[position]] > 0:
            lines[numeric[position]] -= 1  # kept as a line of a text (a goal's text block)
            in_model += 1
        else:
            row, column = position
            line = table.lines[row] if row < len(table.lines) else row + 1
            lost.append(NumericCell(_title(table, read.index), line, column + 1, numeric[position]))
    return Accounting(len(numeric), in_model, len(numbering), len(unread), tuple(lost))


def _title(table: PrintedTable, index: int) -> str:
    return table.title or f"tables[{index}]"


# --- what the findings name ------------------------------------------------------------------

_COLUMN = re.compile(r"^第(\d+)列")
_ROW = re.compile(r"该行[^，。]*未读|^第\s*\d+\s*行.*?未读取")
_QUOTED = re.compile(r"“([^“”]*)”")


def _unread(
    table: PrintedTable, findings: Iterable[Finding], numeric: Mapping[Position, str]
) -> set[Position]:
    """The numeric cells the findings of a table's reading name."""
    rows_at: dict[int, list[int]] = {}
    for index, number in enumerate(table.lines or range(1, len(table.rows) + 1)):
        rows_at.setdefault(number, []).append(index)
    named: set[Position] = set()
    for finding in findings:
        line = finding.location.line
        rows = rows_at.get(line, []) if line is not None else []
        if finding.rule == READ_TABLE.id and not rows:
            return set(numeric)  # the whole table
        column = _COLUMN.match(finding.message)
        if column and "该列" in finding.message:
            named |= {p for p in numeric if p[1] == int(column[1]) - 1}
        elif rows and ("未读取指标" in finding.message or "其下各行未读取" in finding.message):
            # A goal table's indicator header lacks a column: no row under it is read.
            named |= {p for p in numeric if p[0] >= rows[0]}
        elif rows and "该栏未读取" in finding.message:
            # A goal table's header names a column the layout has no place for: the column
            # under that header cell is not read.
            quoted = set(_QUOTED.findall(finding.message))
            under = {c for c, cell in enumerate(table.rows[rows[0]]) if cell in quoted}
            named |= {p for p in numeric if p[1] in under and p[0] >= rows[0]}
        elif rows and (finding.rule == READ_TABLE.id or _ROW.search(finding.message)):
            named |= {p for p in numeric if p[0] in rows}
        elif rows:
            quoted = set(_QUOTED.findall(finding.message))
            named |= {p for p in numeric if p[0] in rows and numeric[p] in quoted}
    return named


# --- numbering ---------------------------------------------------------------------------------

_WHOLE = re.compile(r"\d+")


def _whole(table: PrintedTable, numeric: Container[Position], r: int) -> set[Position]:
    return {
        (r, c)
        for c, cell in enumerate(table.rows[r])
        if (r, c) in numeric and _WHOLE.fullmatch(normalize_name(cell))
    }


def _line_numbers(table: PrintedTable, numeric: Container[Position]) -> set[Position]:
    """The whole numbers of the 栏次 rows, which number the columns."""
    found: set[Position] = set()
    for r, row in enumerate(table.rows):
        filled = [normalize_name(cell) for cell in row if cell.strip()]
        if filled and filled[0] == "栏次":
            found |= _whole(table, numeric, r)
    return found


def _sequence_numbers(table: PrintedTable, numeric: Container[Position]) -> set[Position]:
    """The whole numbers under a 序号 header (in a header row: one without numbers), which
    number the rows."""
    found: set[Position] = set()
    sequence: set[int] = set()
    for r, row in enumerate(table.rows):
        found |= {p for p in _whole(table, numeric, r) if p[1] in sequence}
        if not any(is_number(cell) for cell in row):
            sequence |= {c for c, cell in enumerate(row) if normalize_name(cell) in NUMBERING}
    return found


# --- what the budget holds -------------------------------------------------------------------


def _value(text: str) -> Decimal:
    """A numeric cell's figure, as compared: no thousands separators, no percent sign."""
    plain = unicodedata.normalize("NFKC", text).strip().replace(",", "").removesuffix("%")
    return Decimal(plain)


def _spellings(
    cells: Sequence[tuple[Position, str]], codes: Mapping[str, int]
) -> Iterator[tuple[str, list[Position]]]:
    """The subject codes a row's whole-number cells spell, each by cells in column order
    ("2013701", or "201" | "37" | "01", with cells of other columns between them): the code
    spelled by the most cells first, then the others, each cell used once. Where two cells
    could be the first, the later (a 序号 comes before the code)."""
    cells = list(cells)
    while cells:
        best: tuple[str, list[int]] | None = None
        for key, count in codes.items():
            if count > 0:
                found = _spell(key, cells, 0)
                if found is not None and (best is None or len(found) > len(best[1])):
                    best = (key, found)
        if best is None:
            return
        yield best[0], [cells[i][0] for i in best[1]]
        cells = [cell for i, cell in enumerate(cells) if i not in best[1]]


def _spell(key: str, cells: Sequence[tuple[Position, str]], start: int) -> list[int] | None:
    """Indexes of ``cells`` from ``start`` on whose texts, in order, make up ``key``: its first
    part the latest cell that can begin it, each other part the nearest after the one before
    (two codes side by side are two spellings)."""
    if not key:
        return []
    first = start == 0
    order = range(len(cells) - 1, -1, -1) if first else range(start, len(cells))
    for index in order:
        text = cells[index][1]
        if key.startswith(text):
            rest = _spell(key[len(text) :], cells, index + 1)
            if rest is not None:
                return [index, *rest]
    return None


def _codes(parts: Iterable[object]) -> Iterator[str]:
    """The subject codes of the rows of the tables among ``parts``."""
    for part in parts:
        if isinstance(part, Table):
            for spec, block in zip(part.SPEC.blocks, part.blocks(), strict=True):
                if spec.detail is not Detail.SUBJECTS:
                    continue  # classes printed by name: their codes are not printed
                for row in block.rows:
                    if _WHOLE.fullmatch(row.key):
                        yield row.key


def _figures(parts: Iterable[object]) -> Iterator[Decimal]:
    """Every figure the parts hold: amounts, and numbers held as text (a target "95%")."""
    for part in parts:
        yield from _walk(part)


def _lines(parts: Iterable[object]) -> Iterator[str]:
    """The lines of the texts the parts hold that are more than one line: where a reader
    joins the cells of a block of text, a number among them is kept as a line."""
    for part in parts:
        for text in _texts(part):
            if "\n" in text:
                yield from (line.strip() for line in text.split("\n"))


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _texts(item)
    elif attrs.has(type(value)) and not isinstance(value, Table):
        for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(value))):
            yield from _texts(getattr(value, field.name))


def _walk(value: object) -> Iterator[Decimal]:
    if isinstance(value, Decimal):
        yield value
    elif isinstance(value, bool):
        return
    elif isinstance(value, int):
        yield Decimal(value)
    elif isinstance(value, str):
        if is_number(value):
            try:
                yield _value(value)
            except InvalidOperation:
                return
    elif isinstance(value, Table):
        for block in value.blocks():
            for row in block.rows:
                yield from _walk(row.values)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _walk(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(value))):
            yield from _walk(getattr(value, field.name))
