"""Tables for reading: Markdown, aligned text, HTML and CSV.

Every renderer of a table starts from :func:`~govbudget.writing.grid.render_grid`, the table as
printed, and reads its layout (title, department line, header rows, the 栏次 row, the rows, the
note); none of them knows a table's columns. A column is a money column when its header is one
the table's declaration gives a money column, so figures are right-aligned in every format. A
group header printed once over a run of columns (本年收入 over 小计 and the sources) spans that
run; a header with nothing under it spans both header rows.

:func:`to_markdown`, :func:`to_text` and :func:`to_html` take one of the nine tables, the
fixed-assets or procurement table, or a whole :class:`~govbudget.disclosure.DepartmentBudget` (its
tables in standard order, then its units, fixed assets and procurement) or
:class:`~govbudget.disclosure.DepartmentFinalAccounts` (its nine 决算 tables, then its
units); :func:`to_csv` gives the grid as CSV. :func:`to_html` can highlight the cells that
findings point at. Reports are rendered by :mod:`govbudget.writing.report`.

The functions are pure and return strings; :mod:`govbudget.writing.notebook` makes them the
``_repr_html_`` of tables, disclosures and reports.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TypeAlias

import attrs

from govbudget.amounts import Figure, format_amount
from govbudget.classification import normalize_name
from govbudget.disclosure import (
    BudgetUnit,
    DepartmentBudget,
    Disclosure,
    FixedAssetsTable,
    ProcurementItem,
    ProcurementTable,
)
from govbudget.findings import Finding
from govbudget.tables import (
    BlockSpec,
    Row,
    Table,
    TwoSidedTable,
    standard_tables,
    strip_ordinal,
)
from govbudget.writing.cells import (
    FIGURE_STYLE,
    GAP,
    HTML_TABLE,
    TINTS,
    display_width,
    markdown_cell,
    markdown_row,
    pad,
    text_line,
    text_row,
)
from govbudget.writing.grid import Grid, render_grid

__all__ = [
    "Part",
    "Renderable",
    "to_csv",
    "to_html",
    "to_markdown",
    "to_text",
]

Part: TypeAlias = "Table | FixedAssetsTable | ProcurementTable"
"""One table of a disclosure: one of the nine, the fixed-assets or the procurement table."""

Renderable: TypeAlias = "Part | Disclosure"
"""What the table renderers take: one table, or a whole disclosure (budget or final accounts)."""

_WHOLE = Disclosure

_LINE_NUMBERS = "栏次"
# --- the printed layout ----------------------------------------------------------------------


@attrs.frozen(slots=True)
class _Printed:
    """A table as printed, in parts: what every format renders.

    ``header`` holds the header rows as printed (a group once over its run, "" elsewhere);
    ``numbers`` is the 栏次 row, ``None`` where a table prints none; ``money`` says for each
    column whether it holds figures (right-aligned). ``names`` gives, for each cell of the body,
    the names (see :func:`_row_key`) by which a finding's location can name its row, and
    ``labels`` the columns that name a row (code, name, label): what a finding about a whole row
    highlights.
    """

    title: str
    facts: tuple[str, ...]
    header: tuple[tuple[str, ...], ...]
    numbers: tuple[str, ...] | None
    body: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...]
    money: tuple[bool, ...]
    names: tuple[tuple[frozenset[str], ...], ...]
    labels: tuple[bool, ...]

    @property
    def width(self) -> int:
        return len(self.money)

    def grid(self) -> Grid:
        """The rows as printed, each as wide as the table (the layout of ``render_grid``)."""
        rows: list[Sequence[str]] = [[self.title], self.facts, *self.header]
        if self.numbers is not None:
            rows.append(self.numbers)
        rows += [*self.body, *([note] for note in self.notes)]
        return [[*row, *([""] * (self.width - len(row)))] for row in rows]


def _trimmed(cells: Sequence[str]) -> tuple[str, ...]:
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return tuple(cells[:end])


def _lowest(header: Sequence[Sequence[str]], column: int) -> str:
    """The header printed lowest in a column: the column's own header, under any group."""
    return next((row[column] for row in reversed(header) if row[column]), "")


def _from_table(table: Table) -> _Printed:
    """Split the grid of a table into its printed parts.

    ``render_grid`` prints the title, the department line, the header rows, the 栏次 row, the
    rows (each starting with its 序号) and the note, in this order.
    """
    grid = render_grid(table)
    numbers_at = next(n for n, row in enumerate(grid) if row[0] == _LINE_NUMBERS)
    header = tuple(tuple(row) for row in grid[2:numbers_at])
    end = numbers_at + 1
    while end < len(grid) and grid[end][0].isdigit():
        end += 1
    money_headers = {column.header for block in table.SPEC.blocks for column in block.columns}
    width = len(grid[0])
    money = tuple(_lowest(header, c) in money_headers for c in range(width))
    return _Printed(
        title=grid[0][0],
        facts=_trimmed(grid[1]),
        header=header,
        numbers=tuple(grid[numbers_at]),
        body=tuple(tuple(row) for row in grid[numbers_at + 1 : end]),
        notes=tuple(row[0] for row in grid[end:]),
        money=money,
        names=_table_names(table, end - numbers_at - 1, width),
        # Column 0 is the 序号, which names no row.
        labels=tuple(c > 0 and not money[c] for c in range(width)),
    )


def _row_key(name: str) -> str:
    """A row's name as findings and cells are matched by: a side prefix ("收入·") kept, the
    ordinal and white space of the name dropped, so that "收入·一、一般公共预算拨款收入" and
    "收入·一般公共预算拨款收入" meet.

    >>> _row_key("收入·一、一般公共预算拨款收入"), _row_key("2013701"), _row_key("合 计")
    ('收入·一般公共预算拨款收入', '2013701', '合计')
    """
    side, dot, rest = name.rpartition("·")
    return f"{side}{dot}{strip_ordinal(rest)}"


def _names(spec: BlockSpec, row: Row) -> frozenset[str]:
    """The names a finding can give a row by: its code where it has one (a rule names a coded
    row by code, as "行政运行" is printed under many 款), else its label as printed and as
    declared; each also after the side ("收入·…") in a table of two sides."""
    if row.code is not None:
        plain = {row.code}
    else:
        declared = spec.row(row.key)
        plain = {row.label, *((declared.label,) if declared is not None else ())}
    sides = {f"{spec.label}·{name}" for name in plain} if spec.label else set()
    return frozenset(_row_key(name) for name in plain | sides)


def _side_lines(spec: BlockSpec, rows: Sequence[Row], height: int) -> list[int]:
    """The body line of each row of one side of a two-sided table, as ``render_grid`` pairs the
    sides: detail rows from the top, the trailing run of footer rows (本年收入合计 … 收入总计)
    at the bottom, so that the two totals share the last line."""
    cut = len(rows)
    while cut:
        declared = spec.row(rows[cut - 1].key)
        if declared is None or not declared.footer:
            break
        cut -= 1
    return [n if n < cut else height - (len(rows) - n) for n in range(len(rows))]


def _table_names(table: Table, height: int, width: int) -> tuple[tuple[frozenset[str], ...], ...]:
    """The row names of every body cell of a table's grid (none for the 序号 column)."""
    cells: list[list[frozenset[str]]] = [[frozenset()] * width for _ in range(height)]
    if isinstance(table, TwoSidedTable):
        start = 1
        for spec, block in zip(table.SPEC.blocks, table.blocks(), strict=True):
            end = start + 1 + len(block.columns)  # the side's label column, then its figures
            for line, row in zip(_side_lines(spec, block.rows, height), block.rows, strict=True):
                cells[line][start:end] = [_names(spec, row)] * (end - start)
            start = end
    else:
        spec = table.SPEC.blocks[0]
        for line, row in enumerate(table.blocks()[0].rows):
            cells[line][1:] = [_names(spec, row)] * (width - 1)
    return tuple(tuple(line) for line in cells)


def _plain_names(labels: Iterable[str], width: int) -> tuple[tuple[frozenset[str], ...], ...]:
    """Row names for a table whose rows have no key: each row is named by its label."""
    return tuple((frozenset({_row_key(label)}),) * width for label in labels)


def _from_units(department: str, units: Sequence[BudgetUnit]) -> _Printed:
    return _Printed(
        title="部门机构设置情况",
        facts=(department,),
        header=(("单位名称", "单位性质", "单位规格", "经费保障形式"),),
        numbers=None,
        body=tuple(
            (unit.name, unit.nature or "", unit.grade or "", unit.funding or "") for unit in units
        ),
        notes=(),
        money=(False,) * 4,
        names=_plain_names((unit.name for unit in units), 4),
        labels=(True, False, False, False),
    )


def _from_assets(table: FixedAssetsTable) -> _Printed:
    as_of = (f"截止时间：{table.as_of}",) if table.as_of else ()
    return _Printed(
        title=table.title,
        facts=(table.department, *as_of, f"单位：{table.unit.label}"),
        header=(("项目", "数量", "价值"),),
        numbers=None,
        body=tuple(
            (row.label, format_amount(row.quantity), format_amount(row.value)) for row in table.rows
        ),
        notes=(table.note,) if table.note else (),
        money=(False, True, True),
        names=_plain_names((row.label for row in table.rows), 3),
        labels=(True, False, False),
    )


# The two header rows of the procurement table as the seed prints them; what is a money column.
_PROCUREMENT_GROUPS = (
    "政府采购项目来源",
    "",
    "采购物品名称",
    "政府采购目录序号",
    "计量单位",
    "数量",
    "单价",
    "政府采购金额（当年部门预算安排资金）",
    *([""] * 6),
    "预留中小微企业份额",
)
_PROCUREMENT_HEADERS = (
    "项目名称",
    "预算资金",
    *([""] * 5),
    "合计",
    "一般公共预算拨款",
    "基金预算拨款",
    "国有资本经营预算拨款",
    "财政专户核拨",
    "单位资金",
    "上年结转结余",
    "",
)
_PROCUREMENT_MONEY = (False, True, False, False, False, *([True] * 10))


def _procurement_row(item: ProcurementItem) -> tuple[str, ...]:
    figures: list[Figure] = [item.total, *item.sources(), item.sme_reserve]
    return (
        item.project or "",
        format_amount(item.project_budget),
        item.item,
        item.catalogue_number or "",
        item.measure or "",
        format_amount(item.quantity),
        format_amount(item.unit_price),
        *(format_amount(figure) for figure in figures),
    )


def _from_procurement(table: ProcurementTable) -> _Printed:
    return _Printed(
        title=table.title,
        facts=(table.department, f"单位：{table.unit.label}"),
        header=(_PROCUREMENT_GROUPS, _PROCUREMENT_HEADERS),
        numbers=None,
        body=tuple(_procurement_row(item) for item in table.items),
        notes=table.notes,
        money=_PROCUREMENT_MONEY,
        names=_plain_names((item.item for item in table.items), len(_PROCUREMENT_MONEY)),
        labels=tuple(not money for money in _PROCUREMENT_MONEY),
    )


def _part(obj: Part) -> _Printed:
    if isinstance(obj, FixedAssetsTable):
        return _from_assets(obj)
    if isinstance(obj, ProcurementTable):
        return _from_procurement(obj)
    return _from_table(obj)


def _parts(obj: Disclosure) -> Iterator[_Printed]:
    """What a renderer prints of a disclosure: every part, in order."""
    for kind in standard_tables(obj.phase):
        table = obj.table(kind)
        if table is not None:
            yield _from_table(table)
    if obj.units:
        yield _from_units(obj.department, obj.units)
    if not isinstance(obj, DepartmentBudget):
        return
    if obj.fixed_assets is not None:
        yield _from_assets(obj.fixed_assets)
    if obj.procurement is not None:
        yield _from_procurement(obj.procurement)


# --- merged header cells ---------------------------------------------------------------------


@attrs.frozen(slots=True)
class _HeaderCell:
    """A header cell with the rows and columns it spans."""

    row: int
    column: int
    text: str
    colspan: int = 1
    rowspan: int = 1


def _header_cells(header: Sequence[Sequence[str]]) -> list[_HeaderCell]:
    """The header rows as cells that span: a group printed once over blank cells spans the
    columns below which something is printed; a header with blanks below spans those rows."""
    height = len(header)
    width = len(header[0]) if header else 0
    covered: set[tuple[int, int]] = set()
    cells: list[_HeaderCell] = []
    for r in range(height):
        c = 0
        while c < width:
            if (r, c) in covered:
                c += 1
                continue
            text = header[r][c]
            colspan = 1
            if text and r + 1 < height:
                while (
                    c + colspan < width
                    and not header[r][c + colspan]
                    and (r, c + colspan) not in covered
                    and header[r + 1][c + colspan]
                ):
                    colspan += 1
            rowspan = 1
            if text:
                while r + rowspan < height and not any(header[r + rowspan][c : c + colspan]):
                    rowspan += 1
            covered.update((r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan))
            cells.append(_HeaderCell(r, c, text, colspan, rowspan))
            c += colspan
    return cells


def _column_names(printed: _Printed) -> list[str]:
    """One header per column, the headers above it joined: "本年收入 / 小计"."""
    names: list[list[str]] = [[] for _ in range(printed.width)]
    for cell in _header_cells(printed.header):
        if cell.text:
            for column in range(cell.column, cell.column + cell.colspan):
                names[column].append(cell.text)
    return [" / ".join(parts) for parts in names]


# --- Markdown --------------------------------------------------------------------------------


def _markdown_part(printed: _Printed) -> str:
    out = [f"## {printed.title}", ""]
    if printed.facts:
        out += [" · ".join(fact for fact in printed.facts if fact), ""]
    out.append(markdown_row(_column_names(printed)))
    out.append("|" + "|".join("---:" if money else "---" for money in printed.money) + "|")
    if printed.numbers is not None:
        out.append(markdown_row(printed.numbers))
    out += [markdown_row(row) for row in printed.body]
    for note in printed.notes:
        out += ["", markdown_cell(note)]
    return "\n".join(out) + "\n"


def to_markdown(obj: Renderable) -> str:
    """A table (or every part of a disclosure) as Markdown: a heading, the department line, a
    pipe table whose header joins a group and its columns, figures right-aligned, then notes.

    >>> from govbudget import TableHeader
    >>> from govbudget.tables import BasicExpenditureTable
    >>> table = BasicExpenditureTable.from_rows(TableHeader("网信办", 2025), [
    ...     ("total", "合计", {"total": "193.61", "personnel": "182.21", "public": "11.39"})])
    >>> print(to_markdown(table))
    ## 一般公共预算财政拨款基本支出表
    <BLANKLINE>
    网信办 · 预算年度：2025 · 单位：万元
    <BLANKLINE>
    | 序号 | 支出部门经济分类科目 / 科目编码 | 支出部门经济分类科目 / 科目名称 | 一般公共预算基本支出 / 合计 | 一般公共预算基本支出 / 人员经费 | 一般公共预算基本支出 / 公用经费 |
    |---|---|---|---:|---:|---:|
    | 栏次 | 1 | 2 | 3 | 4 | 5 |
    | 1 |  | 合计 | 193.61 | 182.21 | 11.39 |
    <BLANKLINE>
    """
    if not isinstance(obj, _WHOLE):
        return _markdown_part(_part(obj))
    sections = [f"# {obj.title}\n", *(_markdown_part(p) for p in _parts(obj))]
    return "\n".join(sections)


# --- aligned text ----------------------------------------------------------------------------


def _text_widths(printed: _Printed, cells: Sequence[_HeaderCell]) -> list[int]:
    rows = [*([printed.numbers] if printed.numbers is not None else []), *printed.body]
    widths = [0] * printed.width
    for row in rows:
        for column, text in enumerate(row):
            widths[column] = max(widths[column], display_width(text))
    for cell in cells:
        if cell.colspan == 1:
            widths[cell.column] = max(widths[cell.column], display_width(cell.text))
    # A group wider than the columns it spans widens the last of them.
    for cell in cells:
        if cell.colspan > 1:
            end = cell.column + cell.colspan
            have = sum(widths[cell.column : end]) + GAP * (cell.colspan - 1)
            widths[end - 1] += max(display_width(cell.text) - have, 0)
    return widths


def _text_part(printed: _Printed) -> list[str]:
    cells = _header_cells(printed.header)
    widths = _text_widths(printed, cells)
    aligns = [">" if money else "<" for money in printed.money]
    lines = [printed.title]
    if printed.facts:
        lines.append(text_line(fact for fact in printed.facts if fact))
    # A header that spans rows is printed in the lowest of them, beside the columns' own
    # headers, where a reader looks for the name of a column.
    starts = {(cell.row + cell.rowspan - 1, cell.column): cell for cell in cells}
    for r in range(len(printed.header)):
        pieces: list[str] = []
        column = 0
        while column < printed.width:
            cell = starts.get((r, column))
            if cell is None:  # above a header that spans rows
                pieces.append(" " * widths[column])
                column += 1
                continue
            end = column + cell.colspan
            span = sum(widths[column:end]) + GAP * (cell.colspan - 1)
            align = "^" if cell.colspan > 1 else aligns[column]
            pieces.append(pad(cell.text, span, align))
            column = end
        lines.append(text_line(pieces))
    if printed.numbers is not None:
        lines.append(text_row(printed.numbers, widths, aligns))
    lines.append("-" * (sum(widths) + GAP * (printed.width - 1)))
    lines += [text_row(row, widths, aligns) for row in printed.body]
    return [*lines, *printed.notes]


def to_text(obj: Renderable) -> str:
    """A table (or every part of a disclosure) as plain text in aligned columns.

    A wide (CJK) character counts two columns; figures are right-aligned; a group header is
    centred over its run of columns. A rule separates the headers and the 栏次 row from the rows.

    >>> from govbudget import TableHeader
    >>> from govbudget.tables import BasicExpenditureTable
    >>> table = BasicExpenditureTable.from_rows(TableHeader("网信办", 2025), [
    ...     ("total", "合计", {"total": "193.61", "personnel": "182.21", "public": "11.39"}),
    ...     ("301", "工资福利支出", {"total": "182.21", "personnel": "182.21"})])
    >>> print(to_text(table))
    一般公共预算财政拨款基本支出表
    网信办  预算年度：2025  单位：万元
           支出部门经济分类科目      一般公共预算基本支出
    序号  科目编码  科目名称        合计  人员经费  公用经费
    栏次  1         2                  3         4         5
    --------------------------------------------------------
    1               合计          193.61    182.21     11.39
    2     301       工资福利支出  182.21    182.21
    <BLANKLINE>
    """
    if not isinstance(obj, _WHOLE):
        return "\n".join(_text_part(_part(obj))) + "\n"
    title = obj.title
    blocks = ["\n".join([title, "=" * display_width(title)])]
    blocks += ["\n".join(_text_part(printed)) for printed in _parts(obj)]
    return "\n\n".join(blocks) + "\n"


# --- HTML ------------------------------------------------------------------------------------


def _attributes(cell: _HeaderCell) -> str:
    spans = ""
    if cell.colspan > 1:
        spans += f' colspan="{cell.colspan}"'
    if cell.rowspan > 1:
        spans += f' rowspan="{cell.rowspan}"'
    return spans


def _marked(findings: Sequence[Finding], style: str = "") -> str:
    """The attributes of an element: its ``style``, and where findings point at it, a tint and
    a class for the gravest of them and the findings in its ``title`` (shown on hover)."""
    if not findings:
        return f' style="{style}"' if style else ""
    gravest = min((finding.severity for finding in findings), key=lambda s: s.rank)
    tint = f"background:{TINTS[gravest]}"
    title = "\n".join(f"{f.severity.label} {f.rule}：{f.message}" for f in findings)
    style = f"{style};{tint}" if style else tint
    return f' style="{style}" class="govbudget-{gravest.value}" title="{html.escape(title)}"'


@attrs.frozen(slots=True)
class _Marks:
    """Where findings point in one printed table: ``cells`` by (body row, column); ``whole``
    holds the findings about the table itself, or about a row or cell it does not print."""

    whole: tuple[Finding, ...]
    cells: Mapping[tuple[int, int], Sequence[Finding]]


def _marks(printed: _Printed, findings: Iterable[Finding]) -> _Marks:
    """Match findings to cells: the table by title, the row by one of its names, the column by
    its lowest header; a finding that names a row but no column marks the row's label cells."""
    columns = [normalize_name(_lowest(printed.header, c)) for c in range(printed.width)]
    whole: list[Finding] = []
    cells: dict[tuple[int, int], list[Finding]] = {}
    for finding in findings:
        location = finding.location
        if location.table != printed.title:
            continue
        hits: list[tuple[int, int]] = []
        if location.row is not None:
            row = _row_key(location.row)
            column = None if location.column is None else normalize_name(location.column)
            hits = [
                (r, c)
                for r, names in enumerate(printed.names)
                for c in range(printed.width)
                if row in names[c]
                and (printed.labels[c] if column is None else columns[c] == column)
            ]
        for hit in hits:
            cells.setdefault(hit, []).append(finding)
        if not hits:
            whole.append(finding)
    return _Marks(tuple(whole), cells)


def _html_table(printed: _Printed, marks: _Marks, *, with_title: bool) -> str:
    escape = html.escape
    caption = [escape(printed.title)] if with_title else []
    # Each fact unbroken ("单位：万元" split over two lines reads badly); the line breaks between.
    facts = "　".join(
        f'<span style="white-space:nowrap">{escape(fact)}</span>' for fact in printed.facts if fact
    )
    if facts:
        caption.append(f'<div style="font-weight:normal;font-size:smaller">{facts}</div>')
    out = [HTML_TABLE]
    if caption:
        # Without its title the caption is only the department line: the findings about the
        # table then mark the heading the caller prints.
        whole = marks.whole if with_title else ()
        out.append(f"<caption{_marked(whole)}>{''.join(caption)}</caption>")
    out.append("<thead>")
    rows: list[list[_HeaderCell]] = [[] for _ in printed.header]
    for cell in _header_cells(printed.header):
        rows[cell.row].append(cell)
    for cells in rows:
        out.append(
            "<tr>" + "".join(f"<th{_attributes(c)}>{escape(c.text)}</th>" for c in cells) + "</tr>"
        )
    if printed.numbers is not None:
        out.append("<tr>" + "".join(f"<th>{escape(n)}</th>" for n in printed.numbers) + "</tr>")
    out += ["</thead>", "<tbody>"]
    for r, row in enumerate(printed.body):
        out.append(
            "<tr>"
            + "".join(
                f"<td{_marked(marks.cells.get((r, c), ()), FIGURE_STYLE if money else '')}>"
                f"{escape(text)}</td>"
                for c, (text, money) in enumerate(zip(row, printed.money, strict=True))
            )
            + "</tr>"
        )
    out.append("</tbody>")
    if printed.notes:
        out.append("<tfoot>")
        out += [
            f'<tr><td colspan="{printed.width}">{escape(note)}</td></tr>' for note in printed.notes
        ]
        out.append("</tfoot>")
    out.append("</table>")
    return "\n".join(out) + "\n"


def to_html(obj: Renderable, *, highlight: Iterable[Finding] = ()) -> str:
    """A table as an HTML ``<table>``; a disclosure as an ``<article>`` of ``<section>`` s.

    The table's caption holds its title and department line; the header rows merge a group
    over its columns (``colspan``) and a header over the blanks under it (``rowspan``); the
    栏次 row closes the ``<thead>``; figures are right-aligned, blank cells empty, notes in the
    ``<tfoot>``. All text is escaped. The style is inline and small, for notebooks and mail.

    >>> from govbudget import TableHeader
    >>> from govbudget.tables import BasicExpenditureTable
    >>> table = BasicExpenditureTable.from_rows(TableHeader("网信办", 2025), [
    ...     ("total", "合计", {"total": "193.61", "personnel": "182.21", "public": "11.39"})])
    >>> page = to_html(table)
    >>> page.count("<tr>"), '<th colspan="3"' in page, '<th rowspan="2"' in page
    (4, True, True)
    >>> '<td style="text-align:right">193.61</td>' in page
    True

    ``highlight`` takes findings (a :class:`~govbudget.findings.Report` is an iterable of them)
    and tints the cells their locations point at: the table by its title, the row by its code
    (or its label where it has none), the column by its header; a finding with no column tints
    the row's code and name. The cell's ``title`` holds the findings, its class is
    ``govbudget-error``, ``govbudget-warning`` or ``govbudget-info`` after the gravest. A finding
    about the table as a whole, or about a row or cell the table does not print, tints its
    caption (its heading in a disclosure). Where a table prints two rows of one label (table 4
    prints 一、一般公共预算拨款 again under 年初结转和结余), a finding naming that label tints both.

    >>> from govbudget import Finding, Severity
    >>> from govbudget.findings import Location
    >>> finding = Finding("T6-COLUMNS", Severity.ERROR, "Sum", "合计 ≠ 人员经费 + 公用经费",
    ...                   Location("一般公共预算财政拨款基本支出表", "合计", "公用经费"))
    >>> print(to_html(table, highlight=[finding]).splitlines()[-3])  # doctest: +NORMALIZE_WHITESPACE
    <tr><td>1</td><td></td><td>合计</td><td style="text-align:right">193.61</td><td
    style="text-align:right">182.21</td><td style="text-align:right;background:#f8d7da"
    class="govbudget-error" title="错误 T6-COLUMNS：合计 ≠ 人员经费 + 公用经费">11.39</td></tr>
    """
    findings = tuple(highlight)
    if not isinstance(obj, _WHOLE):
        printed = _part(obj)
        return _html_table(printed, _marks(printed, findings), with_title=True)
    sections = [f'<article class="govbudget">\n<h1>{html.escape(obj.title)}</h1>']
    for printed in _parts(obj):
        marks = _marks(printed, findings)
        sections.append(
            f"<section>\n<h2{_marked(marks.whole)}>{html.escape(printed.title)}</h2>\n"
            f"{_html_table(printed, marks, with_title=False)}</section>"
        )
    return "\n".join(sections) + "\n</article>\n"


# --- CSV -------------------------------------------------------------------------------------


def _csv(grid: Grid) -> str:
    buffer = io.StringIO()
    # "\n" rather than csv's "\r\n": the string is for Python and for files written in text
    # mode; csv.reader reads either.
    csv.writer(buffer, lineterminator="\n").writerows(grid)
    return buffer.getvalue()


def to_csv(obj: Renderable) -> str:
    """The grid of a table as CSV, one line per printed row (see ``render_grid``).

    A disclosure gives one CSV section per part, each after a line "# <title>", the sections
    separated by a blank line.

    >>> from govbudget import TableHeader
    >>> from govbudget.tables import BasicExpenditureTable
    >>> table = BasicExpenditureTable.from_rows(TableHeader("网信办", 2025), [
    ...     ("total", "合计", {"total": "193.61", "personnel": "182.21", "public": "11.39"})])
    >>> print(to_csv(table))
    一般公共预算财政拨款基本支出表,,,,,
    网信办,预算年度：2025,单位：万元,,,
    序号,支出部门经济分类科目,,一般公共预算基本支出,,
    ,科目编码,科目名称,合计,人员经费,公用经费
    栏次,1,2,3,4,5
    1,,合计,193.61,182.21,11.39
    <BLANKLINE>
    """
    if not isinstance(obj, _WHOLE):
        return _csv(_part(obj).grid())
    return "\n".join(f"# {p.title}\n{_csv(p.grid())}" for p in _parts(obj))
