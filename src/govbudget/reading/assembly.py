"""Putting a disclosure together from what was printed: each recognised table read into its
class, the units, procurement and fixed-assets tables, the goals, the explanation's facts and
every finding on what could not be read, as a budget or as final accounts.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

import attrs

from govbudget.amounts import Unit, parse_amount
from govbudget.characters import fold
from govbudget.checks.reading import READ_TABLE, READ_TITLE, READ_YEAR, YEAR_UNKNOWN
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
    Scope,
)
from govbudget.errors import AmountError, DocumentError, GovBudgetError
from govbudget.findings import Finding, Location, Severity
from govbudget.performance import (
    DepartmentGoalItem,
    DepartmentGoalTable,
    DepartmentPerformanceGoals,
    GoalError,
    ProjectPerformanceGoal,
)
from govbudget.reading.explanation import read_facts
from govbudget.reading.final_explanation import read_final_facts
from govbudget.reading.goal_department import read_department_goal_grid
from govbudget.reading.goal_grid import read_goal_grid
from govbudget.reading.grid import READ_CELL, GridError, read_grid
from govbudget.reading.printed import PrintedTable, is_number
from govbudget.reading.recognition import (
    ASSETS,
    DEPARTMENT_GOAL,
    GOAL,
    GOVERNMENT,
    PROCUREMENT,
    UNITS,
    closest_names,
    describe,
    recognise_table,
)
from govbudget.reading.text_dump import rectangular
from govbudget.tables import (
    STANDARD_FINAL_TABLES,
    STANDARD_TABLES,
    Phase,
    Row,
    RowsTable,
    Table,
    TableError,
    strip_ordinal,
)

__all__ = ["assemble"]


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
        self,
        year: int | None,
        department: str | None,
        phase: Phase = Phase.BUDGET,
        stated_unit: Unit | None = None,
    ) -> None:
        self.year = year
        self.department = department
        self.phase = phase
        self.stated_unit = stated_unit
        self.department_goal_table: DepartmentGoalTable | None = None
        self.government = 0
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
        recognition = recognise_table(table, self.phase)
        kind = recognition.kind
        if isinstance(kind, type) and kind.SPEC.phase is not self.phase:
            self.unread(
                table, f"是部门{kind.SPEC.phase.label}表，本文档按部门{self.phase.label}读入"
            )
            return
        if kind == GOVERNMENT:
            self.government += 1
            self.unread(
                table,
                "是本级政府的预算表（按税种、转移性收支列示），不是部门预算或决算公开的表，未检查",
            )
            return
        if isinstance(kind, str) and kind != UNITS and self.phase is Phase.FINAL:
            self.unread(table, "不是部门决算的公开表，未读入")
            return
        if kind is None:
            closest = closest_names(recognition)
            self.unread(
                table, "无法识别" + (f"（最接近：{'；'.join(closest)}）" if closest else "")
            )
            return
        if not recognition.exact:
            title = table.title or "（无标题的表）"
            self.findings.append(
                READ_TITLE.finding(
                    f"表“{title}”读作{describe(recognition.best)}",
                    location=Location(table=title, line=table.title_line or None),
                )
            )
        if isinstance(kind, str):
            {
                UNITS: self.read_units,
                GOAL: self.read_goal,
                DEPARTMENT_GOAL: self.read_department_goal,
                PROCUREMENT: self.read_procurement,
                ASSETS: self.read_assets,
            }[kind](table)
        else:
            self.read_standard(kind, table, text=text)

    def read_standard(self, kind: type[Table], table: PrintedTable, *, text: bool) -> None:
        before = self.tables.get(kind)
        if before is not None and not isinstance(before, RowsTable):
            self.unread(table, f"与前面的{kind.SPEC.title}重复")
            return
        if text:
            rows, lines = rectangular(kind, table)
        else:
            rows, lines = [list(row) for row in table.rows], list(table.lines)
        grid = [*([table.title],) * bool(table.title), *rows, *([note] for note in table.notes)]
        numbers = [table.title_line] * bool(table.title) + lines + [0] * len(table.notes)
        # A second part of a table (the counts behind the "三公" expenses, printed apart) is
        # read with the first part's header facts where it prints none.
        year, department, unit = self.year, self.department, None
        if before is not None:
            year = year or before.header.year
            department = department or before.header.department
            unit = before.header.unit
        try:
            reading = read_grid(
                kind,
                grid,
                year=year,
                department=department,
                unit=unit,
                lines=numbers,
                assumed_unit=self.stated_unit,
            )
        except (GridError, TableError) as error:
            self.unread(table, f"无法读入（{error}）")
            return
        if before is None:
            self.findings.extend(reading.findings)
            self.tables[kind] = reading.table
            return
        assert isinstance(before, RowsTable) and isinstance(reading.table, RowsTable)
        joined = _joined(before, reading.table)
        if joined is None:
            self.unread(table, f"与前面的{kind.SPEC.title}重复")
            return
        self.findings.extend(reading.findings)
        self.tables[kind] = joined

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

    def read_department_goal(self, table: PrintedTable) -> None:
        if self.department_goal_table is not None:
            self.unread(table, "与前面的部门整体支出绩效目标表重复")
            return
        grid = [*([table.title],) * bool(table.title), *(list(row) for row in table.rows)]
        reading = read_department_goal_grid(grid, year=self.year)
        shifted = PrintedTable(table.title, table.rows, (table.title_line, *table.lines))
        self.findings.extend(self._relocate(reading.findings, shifted if table.title else table))
        if reading.goals is None:
            self.unread(table, "无法确定预算年度")
        else:
            self.department_goal_table = reading.goals

    def unread_cells(
        self,
        table: PrintedTable,
        number: int,
        cells: Iterable[str],
        why: str,
        severity: Severity | None = None,
    ) -> None:
        """Report the numeric cells of row ``number`` that no part of the budget holds."""
        figures = [cell for cell in cells if is_number(cell)]
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
            if not any(is_number(cell) for cell in row):
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
                if any(is_number(cell) for cell in row):
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


def _joined(first: RowsTable, second: RowsTable) -> RowsTable | None:
    """One table printed as two (its expenses, then the counts behind them): the rows of both,
    with the columns of both, when no row is printed in both; ``None`` when one is (a table
    printed twice)."""
    if {row.key for row in first.rows} & {row.key for row in second.rows}:
        return None
    columns = (*first.columns, *(key for key in second.columns if key not in first.columns))

    def widened(table: RowsTable) -> Iterator[Row]:
        for row in table.rows:
            values = dict(zip(table.columns, row.values, strict=True))
            yield attrs.evolve(row, values=tuple(values.get(key) for key in columns))

    note = "\n".join(note for note in (first.note, second.note) if note) or None
    return attrs.evolve(first, rows=(*widened(first), *widened(second)), columns=columns, note=note)


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


_SECTION = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]\s*(.*)$")


def _department_goals(
    lines: Sequence[tuple[int, str]], year: int | None
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


_YEAR_LINE = re.compile(r"预算年度[:：]?\s*(\d{4})")
_YEAR = re.compile(r"(\d{4})\s*年")  # PDF text spaces it: "2025 年度"


def _tables_year(tables: Sequence[PrintedTable]) -> int | None:
    """The year the tables print most: in a 预算年度 line, or first in a title."""
    years: Counter[int] = Counter()
    for table in tables:
        for row in table.rows[:3]:
            for cell in row:
                match = _YEAR_LINE.search(normalize_name(cell))
                if match:
                    years[int(match[1])] += 1
        title_year = _YEAR.search(normalize_name(table.title))
        if title_year:
            years[int(title_year[1])] += 1
    return years.most_common(1)[0][0] if years else None


# A heading that names the department: "中共上海市普陀区委社会工作部 2024 年度部门决算",
# "2026年北京市司法局部门预算", "上海市普陀区财政局2024年度部门决算".
_NAMED_DEPARTMENT = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分)?(?:\d{4}\s*年度?)?(?P<name>[^\d\s，,。:：]{4,40}?)\s*(?:\d{4}\s*年度?)?\s*"
    r"(?:部门|单位)(?:预算|决算)(?:公开|信息公开)?(?:情况说明)?$"
)


def _stated_department(
    tables: Sequence[PrintedTable], narrative: Sequence[tuple[int, str]]
) -> str | None:
    """The department a heading of the document names (its cover, its explanation's title)."""
    said = [line for _number, line in narrative[:10]] + [table.title for table in tables]
    for text in said:
        match = _NAMED_DEPARTMENT.match(_SPACES.sub("", fold(text)))
        if match is not None:
            return match["name"]
    return None


_SPACES = re.compile(r"\s+")


def _stated_year(narrative: Sequence[tuple[int, str]]) -> int | None:
    """The first year an explanation names in its opening lines (its heading, as a rule)."""
    return next(
        (int(match[1]) for _line, text in narrative[:5] for match in _YEAR.finditer(fold(text))),
        None,
    )


# A document that names itself the department's disclosure (2025年部门预算公开, 部门决算公开目录).
_PRESENTED_WHOLE = re.compile(r"部门(?:预算|决算)(?:信息)?公开")
_WHOLE_SET = 3  # standard tables: more than a part (a "三公" page, a summary) holds


def _scope_of(
    read: Sequence[Table], printed: Sequence[PrintedTable], narrative: Sequence[tuple[int, str]]
) -> Scope:
    """Whole when the document holds most of a standard set, or presents itself as the
    disclosure and holds a standard table; a part otherwise (an explanation alone is a part
    whatever it calls itself: pages quote the heading of the whole they were cut from)."""
    if len(read) >= _WHOLE_SET:
        return Scope.WHOLE
    said = [table.title for table in printed] + [line for _number, line in narrative[:20]]
    presented = any(_PRESENTED_WHOLE.search(normalize_name(text)) for text in said)
    return Scope.WHOLE if presented and read else Scope.PART


def _phase_of(
    tables: Sequence[PrintedTable], hint: Phase | None, narrative: Sequence[tuple[int, str]]
) -> Phase:
    """Which family a document is: the family of most of the tables its titles name; where
    they do not tell, ``hint`` (a bundle's "kind"); then the family most of its tables show
    evidence of; then the family its titles and explanation name more often (决算 against
    预算, the budgets' own names set aside); else a budget."""
    named: Counter[Phase] = Counter()
    shown: Counter[Phase] = Counter()
    for table in tables:
        found = recognise_table(table)
        if isinstance(found.kind, type):
            (named if found.exact else shown)[found.kind.SPEC.phase] += 1
    for votes in (named, None, shown):
        if votes is None:
            if hint is not None:
                return hint
        elif votes[Phase.FINAL] != votes[Phase.BUDGET]:
            return Phase.FINAL if votes[Phase.FINAL] > votes[Phase.BUDGET] else Phase.BUDGET
    said = "".join([*(table.title for table in tables), *(line for _n, line in narrative)])
    budget = len(_BUDGET_WORD.findall(_BUDGET_NAMES.sub("", said)))
    return Phase.FINAL if said.count("决算") > budget else Phase.BUDGET


# The budgets a text names without speaking of the budget family (一般公共预算 …).
_BUDGET_NAMES = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|年初预算|调整预算|预算数")
_BUDGET_WORD = re.compile("预算")


def assemble(
    tables: Sequence[PrintedTable],
    narrative: Sequence[tuple[int, str]],
    *,
    text: bool,
    year: int | None,
    department: str | None,
    department_code: str | None = None,
    phase: Phase | None = None,
    hint: Phase | None = None,
    scope: Scope | None = None,
) -> DepartmentBudget | DepartmentFinalAccounts:
    if not tables and not narrative:
        raise DocumentError("the document holds no table and no text")
    printed_year = _tables_year(tables)
    given = year
    year = year or printed_year or _stated_year(narrative)
    phase = phase or _phase_of(tables, hint, narrative)
    department = department or _stated_department(tables, narrative)
    assembler = _Assembler(year, department, phase, _stated_unit(narrative))
    for table in tables:
        assembler.read(table, text=text)
    held = assembler.tables or assembler.goals or assembler.department_goal_table
    # Text with no amount in it (no 万元, no 元) is no explanation of a budget, year or not; a
    # document with tables and text is reported, each unread table with its READ-TABLE.
    amounts = any(_STATED_AMOUNT.search(fold(line)) for _number, line in narrative)
    if not held and (not narrative or (not tables and not amounts)):
        if tables and assembler.government == len(tables):
            raise DocumentError(
                "these are tables of a government's own budget (一般公共预算收入执行情况表 …, "
                "revenue by tax and transfer), not of a department's disclosure: govbudget "
                "checks department budgets and final accounts (部门预算、部门决算)"
            )
        said = ", and its text states no amount (万元, 元)" if narrative else ""
        raise DocumentError(f"no table of a budget disclosure was recognised{said}")
    standard = STANDARD_FINAL_TABLES if phase is Phase.FINAL else STANDARD_TABLES
    read_tables = [assembler.tables[k] for k in standard if k in assembler.tables]
    names = Counter(t.header.department for t in read_tables if t.header.department)
    codes = Counter(t.header.department_code for t in read_tables if t.header.department_code)
    name = names.most_common(1)[0][0] if names else (department or "")
    code = department_code or (codes.most_common(1)[0][0] if codes else None)
    findings = list(assembler.findings)
    if year is None and not any(finding.rule == READ_YEAR.id for finding in findings):
        # A goal table's reader says it first, of its own table.
        findings.append(READ_YEAR.finding(YEAR_UNKNOWN))
    elif given is not None and printed_year is not None and given != printed_year:
        findings.append(
            READ_YEAR.finding(
                f"给定的年度为 {given}，文件所印的年度为 {printed_year}，按 {given} 读入，请核实"
            )
        )
    scope = scope or _scope_of(read_tables, tables, narrative)
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
            scope=scope,
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
        department_goal_table=assembler.department_goal_table,
        facts=reading.facts,
        read_findings=findings,
        scope=scope,
    )


# An amount and the unit it is stated in: 2364万元, 1,276.52 万元, 4.5亿元, 500元.
_STATED_AMOUNT = re.compile(r"\d[\d,]*(?:\.\d+)?\s*(亿元|万元|元)")


def _stated_unit(narrative: Sequence[tuple[int, str]]) -> Unit | None:
    """The one unit the explanation states its amounts in, if it uses one only."""
    units = {
        match[1] for _number, line in narrative for match in _STATED_AMOUNT.finditer(fold(line))
    }
    return Unit.from_label(units.pop()) if len(units) == 1 else None


def _source_line(narrative: Sequence[tuple[int, str]], line: int, _first: int) -> int:
    """The source line of the ``line``-th line of the joined narrative."""
    return narrative[line - 1][0] if 0 < line <= len(narrative) else line
