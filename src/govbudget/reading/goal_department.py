r"""The department goal table (部门整体支出绩效目标表) as a published grid:
:func:`read_department_goal_grid` reads it into a
:class:`~govbudget.performance.DepartmentGoalTable`.

Provinces print the table in several layouts; all are blocks, each started by a label in the
first column, and the reader finds each block by its label, not by its row number:

- a header block: 部门(单位)名称 (部门名称, 单位名称), 部门预算编码, other labelled cells kept as
  facts (部门(单位)职责 …); a leading ``*`` (a required field of the form) is no part of a label;
- the money block, 年度预算安排(万元) (Fujian) or 预算整体情况 (Guangdong): 资金总额, 基本支出,
  项目支出, each label followed by its figure, several pairs to a row; other pairs (财政拨款,
  其他资金 …) are kept as facts, and a 预算金额（万元） cell heads a column and gives the unit;
- the overall goal, 年度总体目标 (年度总体绩效目标, 总体绩效目标, 当年整体绩效目标), its text in
  the cells right of the label or in the rows under it;
- the duties, 年度履职目标 (部门职能 | 年度目标任务 | 支出项目名称 | 预算金额) or 年度重点工作任务
  (名称 | 主要实施内容 | 拟投入的资金 | 期望达到的目标), the header in the label's row, one row
  per duty under it (a page break may print the label again);
- the indicators, under a header row that holds 一级指标 or 指标名称: levels (一级指标, 二级指标,
  blank where they repeat the row above), the name (三级指标, 指标名称), the target (目标值,
  指标值, 年度指标值; or 指标性质 | 指标值 | 计量单位 in three cells, read joined), 指标解释, the
  weight (指标权重(%), 权重, 分值); other columns are kept with each indicator as facts.

The budget year is a printed "(2019年度)" row or the ``year`` argument; given both and
different, the argument wins and the printed year is reported. Fujian's table, 宁德, 2019:

>>> printed = [
...     ["2019年度)", "", "", "", ""],
...     ["部门(单位)名称", "中共宁德市委党史和地方志研究室", "部门预算编码", "901001033", ""],
...     ["年度预算安排(万元)", "资金总额", "171.41", "", ""],
...     ["", "项目支出", "60.8", "", ""],
...     ["", "基本支出", "110.61", "", ""],
...     ["年度总体目标", "目标1:确保本室各人员工资及福利的发放;", "", "", ""],
...     ["年度履职目标", "部门职能", "年度目标任务", "支出项目名称", "预算金额(万元)"],
...     ["", "确保日常工作正常运行", "按时发放2019年人员工资待遇", "基本支出", "171.41"],
...     ["一级指标", "二级指标", "三级指标", "指标解释", "目标值"],
...     ["产出指标", "数量指标", "确保日常工作正常运行", "100%", "100%"],
...     ["", "", "按年度发放绩效奖、文明奖、综治平安奖、应休未休补贴", "60%", "≥60%"]]
>>> reading = read_department_goal_grid(printed)
>>> reading.findings
()
>>> table = reading.goals
>>> table.year, table.department, table.budget_code, table.total, table.basic, table.project
(2019, '中共宁德市委党史和地方志研究室', '901001033', Decimal('171.41'), Decimal('110.61'), Decimal('60.8'))
>>> table.duties[0].project, table.duties[0].amount
('基本支出', Decimal('171.41'))
>>> [(row.level1, row.level2, row.target.text) for row in table.indicators]
[('产出指标', '数量指标', '100%'), ('产出指标', '数量指标', '≥60%')]

Chongqing's layout prints no levels and a weight per indicator:

>>> reading = read_department_goal_grid([
...     ["单位名称", "重庆市气象局", "", "", "", "", ""],
...     ["绩效指标", "指标名称", "指标性质", "指标值", "计量单位", "指标权重(%)", "是否核心"],
...     ["", "气候预测准确率", "≥", "68", "%", "12", "是"]], year=2026)
>>> row = reading.goals.indicators[0]
>>> row.level1, row.target.text, row.weight, row.facts
('', '≥68%', Decimal('12'), (('是否核心', '是'),))

What the reader cannot read it reports, never drops: a cell where the layout has nothing, a
figure that is not one, a 计量单位 that contradicts the unit the value prints (READ-GOAL-CELL);
a row that belongs to no block, an indicator row without its name (READ-GOAL-ROW); a table
without a budget year (READ-GOAL-MISSING, and no table is built).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from decimal import Decimal

import attrs

from govbudget.amounts import Unit
from govbudget.checks import Finding, Report, Severity
from govbudget.checks.reading import (
    READ_GOAL_CELL,
    READ_GOAL_MISSING,
    READ_GOAL_ROW,
    READ_YEAR,
    YEAR_UNKNOWN,
)
from govbudget.errors import AmountError
from govbudget.performance import (
    DEPARTMENT_GOAL_TABLE_HEADING,
    DepartmentGoalTable,
    DepartmentIndicator,
    DutyGoal,
    GoalError,
    parse_percent,
)
from govbudget.reading.goal_cells import Reading, figure_cell, filled, label_key

__all__ = ["DepartmentGoalReading", "read_department_goal_grid"]


class _Block(enum.Enum):
    """The blocks of a department goal table, each started by its label in the first column."""

    HEADER = enum.auto()
    MONEY = enum.auto()
    OVERALL = enum.auto()
    DUTIES = enum.auto()
    INDICATORS = enum.auto()


def _key(cell: str) -> str:
    """A label as compared: NFKC, no spaces, no leading * (the form's required-field mark)."""
    return label_key(cell).lstrip("*")


# The labels that start blocks; a label may carry a unit in brackets (年度预算安排(万元)).
_BLOCK_LABELS = {
    _key(label): block
    for block, labels in (
        (_Block.MONEY, ["年度预算安排", "预算整体情况"]),
        (_Block.OVERALL, ["年度总体目标", "年度总体绩效目标", "总体绩效目标", "当年整体绩效目标"]),
        (_Block.DUTIES, ["年度履职目标", "年度重点工作任务"]),
        (_Block.INDICATORS, ["绩效指标"]),
    )
    for label in labels
}
_FIELD_LABELS = {
    _key(label): field
    for field, labels in (
        ("department", ["部门(单位)名称", "部门名称", "单位名称"]),
        ("budget_code", ["部门预算编码"]),
    )
    for label in labels
}
_MONEY_FIELDS = {_key("资金总额"): "total", _key("基本支出"): "basic", _key("项目支出"): "project"}
_UNIT_HEADER = _key("预算金额")  # 预算金额（万元）: heads a column of figures, gives the unit
_BRACKETED = re.compile(r"\((?P<inner>[^()]*)\)$")
_YEAR = re.compile(r"\(?(?P<year>\d{4})年度\)?")
_TITLE_WORDS = ("绩效目标表", "绩效目标申报表")

# The duty columns by header: the field each header fills.
_DUTY_HEADERS = (
    ("duty", ("部门职能", "名称")),
    ("task", ("年度目标任务", "主要实施内容")),
    ("project", ("支出项目名称",)),
    ("amount", ("预算金额", "拟投入的资金")),
    ("expected", ("期望达到的目标",)),
)
# The indicator columns by header; a header is matched whole, or by its start where it carries
# a unit or a note in brackets (指标权重(%), 预算金额(万元)).
_INDICATOR_HEADERS = (
    ("level1", ("一级指标",)),
    ("level2", ("二级指标",)),
    ("name", ("三级指标", "指标名称")),
    ("comparator", ("指标性质",)),
    ("target", ("年度指标值", "指标值", "目标值")),
    ("measure", ("计量单位",)),
    ("description", ("指标解释",)),
    ("weight", ("指标权重", "权重", "分值")),
)
_LEVEL_HEADERS = (_key("一级指标"), _key("指标名称"))


def _header_field(cell: str, headers: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    """The field a header cell names, or ``None``: the header whole, or before its brackets."""
    key = _key(cell)
    bare = _BRACKETED.sub("", key)
    for field, names in headers:
        if any(bare == _key(name) for name in names):
            return field
    return None


def _unit_in(label: str) -> str | None:
    """The unit printed in a label's brackets (年度预算安排(万元)), or ``None``."""
    match = _BRACKETED.search(_key(label))
    return match["inner"] if match else None


def _block(cell: str) -> _Block | None:
    key = _key(cell)
    return _BLOCK_LABELS.get(key) or _BLOCK_LABELS.get(_BRACKETED.sub("", key))


@attrs.frozen(slots=True)
class DepartmentGoalReading:
    """What :func:`read_department_goal_grid` read: the table (``None`` without a budget
    year) and a finding for everything it could not read."""

    goals: DepartmentGoalTable | None
    findings: tuple[Finding, ...] = ()

    @property
    def report(self) -> Report:
        """The reader's findings as a report."""
        return Report(self.findings)


@attrs.define
class _DepartmentReader(Reading):
    """The state of one reading: what has been read so far and what could not be."""

    rows: list[list[str]]
    year: int | None
    unit: Unit | None = None
    fields: dict[str, str] = attrs.Factory(dict)
    money: dict[str, Decimal | None] = attrs.Factory(dict)
    facts: list[tuple[str, str]] = attrs.Factory(list)
    overall: list[str] = attrs.Factory(list)
    duties: list[DutyGoal] = attrs.Factory(list)
    duty_columns: dict[str, int] = attrs.Factory(dict)
    indicators: list[DepartmentIndicator] = attrs.Factory(list)
    # The indicator columns by field and the other columns by printed header, once read.
    columns: dict[str, int] | None = None
    others: dict[int, str] = attrs.Factory(dict)
    levels: tuple[str, str] = ("", "")  # the level-1 and level-2 printed last
    found: list[Finding] = attrs.Factory(list)

    def read(self) -> None:
        block = _Block.HEADER
        for index, cells in enumerate(self.rows):
            line = index + 1
            if not any(cells):
                continue
            first = cells[0]
            started = _block(first)
            if any(_key(cell) in _LEVEL_HEADERS for cell in cells):
                block = _Block.INDICATORS
                self.read_indicator_header(cells, line)
            elif block is _Block.INDICATORS and self.columns is not None and not started:
                self.read_indicator(cells, line)
            elif started is _Block.DUTIES or (block is _Block.DUTIES and not first):
                block = _Block.DUTIES
                self.read_duty_row(cells, line, starts=started is _Block.DUTIES)
            elif started is not None:
                block = started
                self.read_block_start(block, cells, line)
            elif block is _Block.MONEY and not first:
                self.read_money(cells, 0, line)
            elif block is _Block.OVERALL and (not first or sum(map(bool, cells)) == 1):
                self.overall += [cell for cell in cells if cell]
            elif (year := _YEAR.fullmatch(_key(first))) and sum(map(bool, cells)) == 1:
                self.read_year(first, int(year["year"]), line)
            elif any(word in _key(first) for word in _TITLE_WORDS) and sum(map(bool, cells)) == 1:
                continue  # the title, printed as the grid's first row
            elif first:
                block = _Block.HEADER
                self.read_labelled(cells, line)
            else:
                self.problem(
                    READ_GOAL_ROW,
                    f"第 {line} 行不属于目标表的任何部分，未读取（该行为：{filled(cells)}）",
                    line=line,
                )

    def read_year(self, cell: str, printed: int, line: int) -> None:
        if self.year is None:
            self.year = printed
        elif printed != self.year:
            self.problem(
                READ_GOAL_CELL,
                f"表头印“{cell}”，与给出的预算年度 {self.year} 不符，按 {self.year} 年读取",
                row=cell,
                line=line,
            )

    def read_labelled(self, cells: list[str], line: int) -> None:
        """A header row: labels, each followed by its value (部门名称 | … | 部门预算编码 | …)."""
        pending: str | None = None
        for cell in cells:
            if not cell:
                continue
            if pending is None:
                pending = cell
            else:
                self.keep(pending, cell)
                pending = None
        if pending is not None:
            self.keep(pending, "")

    def keep(self, label: str, value: str) -> None:
        field = _FIELD_LABELS.get(_key(label))
        if field is None or field in self.fields:
            self.facts.append((label, value))
        else:
            self.fields[field] = value

    def read_block_start(self, block: _Block, cells: list[str], line: int) -> None:
        label = cells[0]
        if block is _Block.MONEY:
            self.read_unit(label, line)
            self.read_money(cells, 1, line)
        elif block is _Block.OVERALL:
            self.overall += [cell for cell in cells[1:] if cell]
        else:  # 绩效指标 alone on its row: the header follows
            self.extra_cells(cells, {0}, line, label)

    def read_unit(self, label: str, line: int) -> None:
        printed = _unit_in(label)
        if printed is None:
            return
        try:
            unit = Unit.from_label(printed)
        except AmountError:
            self.problem(READ_GOAL_CELL, f"“{label}”的单位“{printed}”不是金额单位", line=line)
            return
        if self.unit is not None and unit is not self.unit:
            self.problem(
                READ_GOAL_CELL,
                f"“{label}”的单位{unit.label}与前文的{self.unit.label}不同，按{self.unit.label}读取",
                line=line,
            )
        else:
            self.unit = unit

    def read_money(self, cells: list[str], start: int, line: int) -> None:
        """Read label | figure pairs; a label without a figure heads a column pair."""
        pending: str | None = None
        for cell in cells[start:]:
            if not cell:
                continue
            if _key(cell).startswith(_UNIT_HEADER):
                self.read_unit(cell, line)
                pending = None
            elif pending is None:
                pending = cell
            elif _figure_like(cell):
                self.money_value(pending, cell, line)
                pending = None
            else:  # the label before was a heading of its column (部门预算支出, 收入来源)
                pending = cell
        if pending is not None:
            self.problem(
                READ_GOAL_CELL,
                f"“{pending}”未印金额",
                row=pending,
                column="年度预算安排",
                line=line,
            )

    def money_value(self, label: str, cell: str, line: int) -> None:
        field = _MONEY_FIELDS.get(_key(label))
        if field is None:
            self.facts.append((label, cell))
            return
        figure, problem = figure_cell(cell, label, self.unit or Unit.WAN_YUAN)
        if field in self.money:
            problem = f"“{label}”重复印出，“{cell}”未读取"
        else:
            self.money[field] = figure
        if problem is not None:
            self.problem(READ_GOAL_CELL, problem, row=label, column="年度预算安排", line=line)

    def read_duty_row(self, cells: list[str], line: int, *, starts: bool) -> None:
        headers = {
            column: field
            for column, cell in enumerate(cells)
            if column and (field := _header_field(cell, _DUTY_HEADERS)) is not None
        }
        if starts and headers:
            self.duty_columns = {field: column for column, field in headers.items()}
            for column, field in headers.items():
                if field == "amount":
                    self.read_unit(cells[column], line)
            self.extra_cells(cells, {0, *headers}, line, cells[0])
            return
        columns = self.duty_columns
        if not columns:
            self.problem(
                READ_GOAL_ROW, f"第 {line} 行履职目标未读取（未印表头）：{filled(cells)}", line=line
            )
            return
        self.extra_cells(cells, {0, *columns.values()}, line, cells[0] or "年度履职目标")
        text = {field: cells[column] for field, column in columns.items()}
        amount = None
        if text.get("amount"):
            amount, problem = figure_cell(text["amount"], "预算金额", self.unit or Unit.WAN_YUAN)
            if problem is not None:
                self.problem(READ_GOAL_CELL, problem, row=text.get("duty"), line=line)
        self.duties.append(
            DutyGoal(
                text.get("duty", ""),
                text.get("task", ""),
                text.get("project") if "project" in columns else None,
                amount,
                text.get("expected", ""),
            )
        )

    def read_indicator_header(self, cells: list[str], line: int) -> None:
        columns: dict[str, int] = {}
        self.others = {}
        for column, cell in enumerate(cells):
            field = _header_field(cell, _INDICATOR_HEADERS)
            if field is not None and field not in columns:
                columns[field] = column
            elif cell and _block(cell) is not _Block.INDICATORS:
                self.others[column] = cell
        if "name" not in columns or "target" not in columns:
            missing = "、".join(h for h in ("三级指标", "指标值") if h not in cells)
            self.problem(READ_GOAL_MISSING, f"指标表头缺少“{missing}”，其下各行未读取", line=line)
        self.columns = columns

    def read_indicator(self, cells: list[str], line: int) -> None:
        columns = self.columns or {}
        if "name" not in columns or "target" not in columns:
            self.problem(
                READ_GOAL_ROW, f"第 {line} 行指标未读取（指标表头不全）：{filled(cells)}", line=line
            )
            return
        text = {field: cells[column] for field, column in columns.items()}
        level1 = text.get("level1") or self.levels[0]
        level2 = text.get("level2") or (self.levels[1] if not text.get("level1") else "")
        self.levels = level1, level2
        name = text["name"]
        if not name:
            self.problem(
                READ_GOAL_ROW,
                f"第 {line} 行指标的三级指标空白，未读取（该行为：{filled(cells)}）",
                column="三级指标",
                line=line,
            )
            return
        weight = None
        if text.get("weight"):
            try:
                weight = parse_percent(text["weight"])
            except GoalError:
                self.problem(
                    READ_GOAL_CELL, f"“{name}”的权重“{text['weight']}”不是数字", row=name, line=line
                )
        facts = [(header, cells[column]) for column, header in self.others.items()]
        # Cells under no indicator header (a wide table prints its money beside the first
        # indicator): reported, never dropped.
        self.extra_cells(cells, {*columns.values(), *self.others}, line, name)
        self.indicators.append(
            DepartmentIndicator(
                level1,
                level2,
                name,
                self.target(text, name, line),
                text.get("description", ""),
                weight,
                [(header, value) for header, value in facts if value],
            )
        )

    def target(self, text: dict[str, str], name: str, line: int) -> str:
        """The target as printed, the comparator and the 计量单位 joined where printed apart."""
        value, measure = text["target"], text.get("measure", "")
        if measure and not _DIGITS_END.search(value):
            self.problem(
                READ_GOAL_CELL,
                f"“{name}”的计量单位“{measure}”与指标值“{value}”不符（指标值已带单位或为文字），"
                "未并入指标值",
                row=name,
                column="计量单位",
                line=line,
                severity=Severity.WARNING,
            )
            measure = ""
        return f"{text.get('comparator', '')}{value}{measure}"

    def in_table(self) -> tuple[Finding, ...]:
        """The findings, located in the department goal table."""
        return tuple(
            attrs.evolve(
                finding,
                location=attrs.evolve(finding.location, table=DEPARTMENT_GOAL_TABLE_HEADING),
            )
            for finding in self.found
        )

    def table(self) -> DepartmentGoalTable | None:
        if self.year is None:
            self.problem(READ_YEAR, YEAR_UNKNOWN)
        if self.money and self.unit is None:
            self.problem(READ_GOAL_MISSING, "未印金额单位，按万元读取", severity=Severity.WARNING)
        if self.columns is None:
            self.problem(READ_GOAL_MISSING, "未印指标表头（一级指标、指标名称……），未读取指标")
        try:
            return DepartmentGoalTable(
                self.year,
                "\n".join(self.overall),
                department=self.fields.get("department", ""),
                budget_code=self.fields.get("budget_code", ""),
                unit=self.unit or Unit.WAN_YUAN,
                total=self.money.get("total"),
                basic=self.money.get("basic"),
                project=self.money.get("project"),
                duties=self.duties,
                indicators=self.indicators,
                facts=self.facts,
            )
        except GoalError as error:
            self.problem(READ_GOAL_CELL, f"无法建立部门整体绩效目标：{error}")
            return None


_DIGITS_END = re.compile(r"\d$")
_FIGURE = re.compile(r"[+-]?[\d,]+(?:\.\d+)?")


def _figure_like(cell: str) -> bool:
    """Whether a cell prints a figure (to be read as one), not a label."""
    return _FIGURE.fullmatch(label_key(cell)) is not None


def read_department_goal_grid(
    grid: Sequence[Sequence[str]], *, year: int | None = None
) -> DepartmentGoalReading:
    """Read a department goal table (部门整体支出绩效目标表 and its variants; see the module's
    description) from its grid: rows of string cells, "" for an empty cell.

    ``year`` is the budget year of the disclosure the table belongs to; where the table prints
    none, it is the year of the table. It never raises on what a grid holds: what cannot be
    read is a finding, and a table that prints no year, given none, is read with the year
    unknown (a READ-YEAR finding says which checks that leaves out).

    >>> reading = read_department_goal_grid([["单位名称", "某局"]])
    >>> reading.goals.department, reading.goals.year
    ('某局', None)
    >>> [finding.rule for finding in reading.findings]
    ['READ-YEAR', 'READ-GOAL-MISSING']
    """
    rows = [[cell.strip() for cell in row] or [""] for row in grid]
    width = max((len(row) for row in rows), default=1)
    reader = _DepartmentReader([row + [""] * (width - len(row)) for row in rows], year)
    reader.read()
    table = reader.table()
    return DepartmentGoalReading(table, reader.in_table())
