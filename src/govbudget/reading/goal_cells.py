"""What the readers of the layouts of a project goal table share: the findings of one
reading; cells read as labels, money and percentages; rows of labels and their values, the
goal texts under their labels, the budget year's row, the indicator header and its rows; and
the goal built from what was read."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from govbudget.amounts import (
    Figure,
    Unit,
    convert,
    decimal_places,
    format_amount,
    parse_amount,
)
from govbudget.characters import fold
from govbudget.checks import Finding, Location, Rule, Severity
from govbudget.checks.reading import (
    READ_GOAL_CELL,
    READ_GOAL_MISSING,
    READ_GOAL_ROW,
    READ_YEAR,
    YEAR_UNKNOWN,
)
from govbudget.errors import AmountError
from govbudget.performance import (
    GoalError,
    Indicator,
    Level2,
    ProjectPerformanceGoal,
)

__all__ = [
    "INDICATOR_FIELDS",
    "LEVEL_HEADERS",
    "TARGET_HEADER",
    "GoalLabel",
    "IndicatorCells",
    "ProjectReading",
    "Reading",
    "carried",
    "field_cell",
    "figure_cell",
    "filled",
    "goal_labels",
    "label_key",
    "label_pairs",
    "levels_of",
    "money_cell",
    "names_a_year",
    "percent_cell",
    "statements",
]

_SPACE = re.compile(r"\s+")


def label_key(text: str) -> str:
    """A label as compared: NFKC, no spaces ("其中：财政    资金" is "其中:财政资金")."""
    return _SPACE.sub("", fold(text))


# The year row of a form: （2021年度）, or with a bracket lost ("2020年度)"), as label_key prints it.
_YEAR_ROW = re.compile(r"\(?(?P<year>[0-9]{4})年度?\)?")
# A money cell: the figure, its unit, and what follows (a bracketed breakdown), NFKC.
_MONEY = re.compile(
    r"(?P<figure>[-+]?[0-9][0-9,]*(?:\.[0-9]+)?)(?P<unit>亿元|万元|元)?(?P<rest>.*)", re.S
)
LEVEL_HEADERS = ("一级指标", "二级指标", "三级指标")
TARGET_HEADER = "指标值"
# The indicator columns no layout goes without, each by the field of IndicatorCells it holds;
# a layout's own headings add to them (绩效指标描述, 指标内容, 当年预期实现值 …).
INDICATOR_FIELDS = {
    LEVEL_HEADERS[0]: "level1",
    LEVEL_HEADERS[1]: "level2",
    LEVEL_HEADERS[2]: "name",
    TARGET_HEADER: "target",
}
_ANNUAL_GOAL = "年度目标"
_NAME = "项目名称"
_Field = TypeVar("_Field")


class Reading:
    """What the readers of goal tables share, a department's too: the findings of one
    reading."""

    found: list[Finding]

    def problem(
        self,
        rule: Rule,
        message: str,
        *,
        row: str | None = None,
        column: str | None = None,
        line: int | None = None,
        severity: Severity | None = None,
    ) -> None:
        # The table (the project's name) is filled in at the end, when it is known.
        where = Location(row=row, column=column, line=line)
        self.found.append(rule.finding(message, location=where, severity=severity))

    def extra_cells(self, cells: Sequence[str], used: set[int], line: int, row: str) -> None:
        for index, cell in enumerate(cells):
            if index not in used and cell:
                self.problem(
                    READ_GOAL_CELL,
                    f"“{row}”行第 {index + 1} 栏的“{cell}”在版式中没有位置，未读取",
                    row=row,
                    line=line,
                )


@attrs.define
class ProjectReading(Reading):
    """What the readers of the layouts of a project goal table share: the grid's rows, what
    one reading has read so far, and the reading of what the layouts print alike. ``year`` is
    the year given, then the year printed where none was given."""

    rows: list[list[str]]
    year: int | None
    name: str = ""
    facts: list[tuple[str, str]] = attrs.Factory(list)
    goals: list[str] = attrs.Factory(list)
    indicators: list[Indicator] = attrs.Factory(list)
    found: list[Finding] = attrs.Factory(list)

    def printed_rows(self) -> Iterator[tuple[int, list[str]]]:
        """The rows that print anything, each with its line."""
        return ((index + 1, cells) for index, cells in enumerate(self.rows) if any(cells))

    def project_goal(self, unit: Unit, **parts: Any) -> ProjectPerformanceGoal | None:
        """The goal read, in ``unit``, with the ``parts`` only some layouts print (the money by
        field, the costs, the code …); ``None``, with a finding, when the grid lacks the name
        or the goal cannot be built from what was read. A grid that prints no year, given
        none, is read with the year unknown (a READ-YEAR finding says so)."""
        if not self.name:
            self.problem(READ_GOAL_MISSING, "未印项目名称，无法建立项目绩效目标")
            return None
        if self.year is None:
            self.problem(READ_YEAR, YEAR_UNKNOWN)
        try:
            return ProjectPerformanceGoal(
                year=self.year,
                name=self.name,
                unit=unit,
                goals=self.goals,
                indicators=self.indicators,
                facts=self.facts,
                **{"code": "", **parts},  # the seed's layout alone prints a code
            )
        except GoalError as error:
            self.problem(READ_GOAL_CELL, f"无法建立项目绩效目标：{error}")
            return None

    def stray_row(self, cells: Sequence[str], line: int) -> None:
        self.problem(
            READ_GOAL_ROW,
            f"第 {line} 行不属于绩效目标表的任何部分，未读取（该行为：{filled(cells)}）",
            line=line,
        )

    def unknown_heading(self, cell: str, line: int) -> None:
        self.problem(
            READ_GOAL_CELL,
            f"指标表头“{cell}”不是本版式的栏目，该栏未读取",
            column=cell,
            line=line,
        )

    def no_header(self) -> None:
        self.problem(READ_GOAL_MISSING, "未印指标表头（一级指标、二级指标……），未读取指标")

    def no_unit(self, unit: Unit) -> None:
        """Report that no cell prints the money's unit, which is read as ``unit``."""
        self.problem(
            READ_GOAL_MISSING, f"未印金额单位，按{unit.label}读取", severity=Severity.WARNING
        )

    def read_label_row(self, cells: Sequence[str], line: int, fact_labels: Collection[str]) -> None:
        """Read a row of labels, each followed by its value: 项目名称's names the project, the
        others' (``fact_labels``, as label_key prints them) are kept as facts."""

        def is_label(cell: str) -> bool:
            return label_key(cell) in fact_labels or label_key(cell) == _NAME

        pairs, unplaced = label_pairs(cells, is_label)
        for _column, label, value in pairs:
            if label_key(label) != _NAME:
                self.facts.append((label, value))
            elif self.name:
                self.problem(
                    READ_GOAL_CELL, f"“{label}”重复印出，“{value}”未读取", row=label, line=line
                )
            else:
                self.name = value
        self.extra_cells(cells, set(range(len(cells))) - set(unplaced), line, cells[0])

    def header_columns(
        self, cells: Sequence[str], line: int, field_of: Callable[[str], _Field | None]
    ) -> dict[_Field, int]:
        """The columns of an indicator header by the field ``field_of`` reads each heading as;
        a heading it does not know is reported, and its column left unread."""
        columns: dict[_Field, int] = {}
        for column, cell in enumerate(cells):
            field = field_of(cell)
            if field is not None:
                columns[field] = column
            elif cell:
                self.unknown_heading(cell, line)
        return columns

    def complete_columns(
        self, columns: dict[str, int], line: int, which: str = ""
    ) -> dict[str, int]:
        """The columns of an indicator header, or none, reported, when it lacks a column of
        :data:`INDICATOR_FIELDS` (``which`` says which indicators' header it is)."""
        missing = [field for field in INDICATOR_FIELDS.values() if field not in columns]
        if not missing:
            return columns
        self.problem(
            READ_GOAL_MISSING,
            f"指标表头缺少{which}“{'、'.join(missing)}”所在栏，其下各行未读取",
            line=line,
        )
        return {}

    def indicator_row(
        self,
        cells: Sequence[str],
        line: int,
        above: tuple[str, str],
        columns: Mapping[str, int],
        *,
        read_elsewhere: Iterable[int] = (),
        keep: bool = True,
    ) -> tuple[Indicator | None, tuple[str, str]]:
        """The indicator of a row under a header's ``columns`` (by field), as :meth:`indicator`
        reads it, kept among the goal's indicators if ``keep``; the cells in no column and not
        ``read_elsewhere`` are reported. A header that could not be read (no columns) leaves
        every row under it unread, each reported."""
        if not columns:
            self.problem(
                READ_GOAL_ROW, f"第 {line} 行指标未读取（指标表头不全）：{filled(cells)}", line=line
            )
            return None, above
        printed = IndicatorCells.read(cells, columns)
        used = {*columns.values(), *read_elsewhere}
        self.extra_cells(cells, used, line, printed.name or "指标")
        indicator, levels = self.indicator(printed, line, above, cells)
        if indicator is not None and keep:
            self.indicators.append(indicator)
        return indicator, levels

    def unknown_money(self, row: str, label: str, value: str, line: int) -> None:
        self.problem(
            READ_GOAL_CELL,
            f"{row}的“{label}”不是本版式的栏目，“{value}”未读取",
            row=row,
            line=line,
        )

    def read_year_row(self, cells: Sequence[str], line: int) -> None:
        """Read the budget year from a form's year row (（2021年度）): the year given wins, and
        a printed year that differs from it is reported."""
        self.extra_cells(cells, {0}, line, cells[0])
        match = _YEAR_ROW.fullmatch(label_key(cells[0]))
        printed = int(match["year"]) if match else None
        year = self.year
        if year is not None and printed is not None and printed != year:
            self.problem(
                READ_GOAL_CELL,
                f"表头印“{cells[0]}”，与给出的预算年度 {year} 不符，按 {year} 年读取",
                row=cells[0],
                line=line,
            )
        self.year = year if year is not None else printed

    def indicator(
        self, cells: IndicatorCells, line: int, above: tuple[str, str], printed: Sequence[str]
    ) -> tuple[Indicator | None, tuple[str, str]]:
        """The indicator of one row and its level-1 and level-2, blank ones carried down from
        the row above (``above``, read or not); ``None``, reported with the row's cells
        (``printed``), when a level or the name is blank with nothing to carry.

        A level-1 left blank with no row above to repeat takes the level-1 its level-2 belongs
        to in the framework, reported as an error (the table does leave it out).
        """
        level1, level2 = carried(cells.level1, cells.level2, above)
        name = cells.name
        kind = Level2.read(level2)
        if name and not level1 and kind is not None:
            level1 = kind.parent.label
            self.problem(
                READ_GOAL_ROW,
                f"第 {line} 行指标“{name}”的一级指标空白，且上一行没有可沿用的一级指标："
                f"按二级指标“{level2}”所属读作“{level1}”",
                row=name,
                column=LEVEL_HEADERS[0],
                line=line,
            )
        if self.blank_level(line, (level1, level2, name), filled(printed)):
            return None, (level1, level2)
        indicator = Indicator(level1, level2, name, cells.description, cells.target, cells.basis)
        return indicator, (level1, level2)

    def blank_level(self, line: int, levels: tuple[str, str, str], row: str) -> bool:
        """Whether an indicator's level-1, level-2 or name (``levels``, blank ones carried
        down) is blank; if so it is reported, quoting the row as ``row``."""
        if all(levels):
            return False
        blank = next(
            header for header, level in zip(LEVEL_HEADERS, levels, strict=True) if not level
        )
        why = "" if blank == LEVEL_HEADERS[2] else f"，且上一行没有可沿用的{blank}"
        self.problem(
            READ_GOAL_ROW,
            f"第 {line} 行指标的{blank}空白{why}，未读取（该行为：{row}）",
            row=levels[2] or None,
            column=blank,
            line=line,
        )
        return True

    def goal_texts(self, labels: Sequence[GoalLabel], cells: Sequence[str], line: int) -> None:
        """Read a row of goal texts, each under its label (the nearest label at its left): the
        year's goal into the goals, a line each, the others into the facts under their label."""
        used: set[int] = set()
        for column, cell in enumerate(cells):
            owners = [label for label in labels if label.column <= column]
            if not cell or not owners:
                continue
            used.add(column)
            owner = owners[-1]
            if owner.annual:
                self.goals += statements(cell)
            else:
                self.facts.append((owner.label, cell))
        self.extra_cells(cells, used, line, labels[0].label if labels else "绩效目标")

    def money_cells(
        self, printed: Sequence[tuple[str, str, str, int]], row: str, labelled: Unit | None = None
    ) -> tuple[Unit, dict[str, Figure]]:
        """Read money cells printed with their unit ("10000万元"): ``printed`` holds each one's
        field, label, cell and line. The unit is the one printed (``labelled``, printed in the
        row's label, when no cell prints one; else 万元, reported if there are cells); figures with more decimals than it publishes
        (10606.7522万元, to the 元) or printed in two units are read in 元, converted exactly,
        and the change of unit is noted. A cell that is no figure is reported and read blank."""
        read: list[tuple[str, Decimal, Unit | None]] = []
        figures: dict[str, Figure] = {}
        seen: set[str] = set()
        for field, label, cell, line in printed:
            if field in seen:
                self.problem(
                    READ_GOAL_CELL, f"“{label}”重复印出，“{cell}”未读取", row=row, line=line
                )
                continue
            seen.add(field)
            match = money_cell(cell) if cell else None
            try:
                value = parse_amount(match[0]) if match else None
            except AmountError:
                value = None
            if value is None or match is None:
                if cell:
                    self.problem(READ_GOAL_CELL, f"“{label}”的“{cell}”不是金额", row=row, line=line)
                figures[field] = None
            else:
                read.append((field, value, match[1]))
        units = {unit for _, _, unit in read if unit is not None}
        unit = units.pop() if len(units) == 1 else None if units else labelled
        finest = max((decimal_places(value) or 0 for _, value, _ in read), default=0)
        if units or (unit is not None and finest > unit.places):
            self.problem(
                READ_GOAL_CELL,
                f"{row}的金额印至 {finest} 位小数或分印两种单位，按元读取（精确换算）",
                row=row,
                severity=Severity.INFO,
            )
            unit = Unit.YUAN
        for field, value, printed_unit in read:
            given = printed_unit or unit or Unit.WAN_YUAN
            figures[field] = convert(value, given, unit or given)
        if unit is None and printed:
            self.no_unit(Unit.WAN_YUAN)
        return unit or Unit.WAN_YUAN, figures

    def located(self, name: str) -> tuple[Finding, ...]:
        """The findings, located in the table of the project named ``name``."""
        table = f"项目绩效目标表：{name}" if name else "项目绩效目标表"
        return tuple(
            attrs.evolve(finding, location=attrs.evolve(finding.location, table=table))
            for finding in self.found
        )


def figure_cell(text: str, label: str, unit: Unit) -> tuple[Figure, str | None]:
    """The money figure a cell prints in ``unit``, or ``None`` and why it cannot be read."""
    try:
        value = parse_amount(text)
    except AmountError:
        return None, f"“{label}”的“{text}”不是金额"
    places = decimal_places(value)
    if places is not None and places > unit.places:
        return None, f"“{label}”的“{text}”有 {places} 位小数，{unit.label}金额至多 {unit.places} 位"
    return value, None


def percent_cell(value: Decimal | None) -> str:
    return "" if value is None else f"{format_amount(value)}%"


def statements(cell: str) -> list[str]:
    """The goal statements of a cell, a line each."""
    return [part.strip() for part in cell.splitlines() if part.strip()]


def filled(cells: Sequence[str]) -> str:
    """The printed cells of a row, for a finding that quotes a row it could not read."""
    return "｜".join(cell for cell in cells if cell)


@attrs.frozen(slots=True)
class GoalLabel:
    """A label over goal texts (中期目标, 长期目标, 年度目标) and the column it stands in;
    ``annual`` for the budget year's goal, read as the goal's statements."""

    column: int
    label: str
    annual: bool


@attrs.frozen(slots=True)
class IndicatorCells:
    """The cells of one indicator row, by what they hold; ``basis`` is ``None`` where the
    layout has no basis column."""

    level1: str
    level2: str
    name: str
    description: str
    target: str
    basis: str | None = None

    @classmethod
    def read(cls, cells: Sequence[str], columns: Mapping[str, int]) -> IndicatorCells:
        """The cells of a row under a header's ``columns`` (by field), with no basis."""
        fields = ("level1", "level2", "name", "description", "target")
        return cls(*(field_cell(cells, columns, field) for field in fields))


def carried(level1: str, level2: str, above: tuple[str, str]) -> tuple[str, str]:
    """An indicator's level-1 and level-2, blank ones repeating ``above``'s: the level-2 only
    under the same level-1."""
    if not level1:
        level1 = above[0]
    if not level2 and above[0] == level1:
        level2 = above[1]
    return level1, level2


def levels_of(indicator: Indicator | None) -> tuple[str, str]:
    """The level-1 and level-2 that rows under ``indicator`` carry down (none under none)."""
    return ("", "") if indicator is None else (indicator.level1, indicator.level2)


def field_cell(cells: Sequence[str], columns: Mapping[str, int], field: str) -> str:
    """The cell of a row in the column of ``field``; "" where the header has no such column."""
    return cells[columns[field]] if field in columns else ""


def goal_labels(cells: Sequence[str]) -> list[GoalLabel]:
    """The labels of a row heading goal texts, the first cell (the row's own label) aside."""
    return [
        GoalLabel(column, cell, label_key(cell) == _ANNUAL_GOAL)
        for column, cell in enumerate(cells)
        if cell and column > 0
    ]


def label_pairs(
    cells: Sequence[str], is_label: Callable[[str], bool]
) -> tuple[list[tuple[int, str, str]], list[int]]:
    """The labels of a row with the values after them: each label's column, the label and
    its value (the next cell that is no label, "" when another label comes first), and the
    columns of values with no label before them. The first cell is always a label."""
    pairs: list[tuple[int, str, str]] = []
    unplaced: list[int] = []
    pending: tuple[int, str] | None = None
    for column, cell in enumerate(cells):
        if not cell:
            continue
        if column == 0 or is_label(cell):
            if pending is not None:
                pairs.append((*pending, ""))
            pending = column, cell
        elif pending is not None:
            pairs.append((*pending, cell))
            pending = None
        else:
            unplaced.append(column)
    if pending is not None:
        pairs.append((*pending, ""))
    return pairs, unplaced


def money_cell(text: str) -> tuple[str, Unit | None, str] | None:
    """A money cell as printed with its unit: the figure, the unit (``None`` if none) and what
    follows it; ``None`` when the cell does not start with a figure.

    >>> money_cell("6923.3552万元(其中:上级财政资金:6923.3552万元)")
    ('6923.3552', <Unit.WAN_YUAN: '万元'>, '(其中:上级财政资金:6923.3552万元)')
    >>> money_cell("三百万") is None
    True
    """
    match = _MONEY.fullmatch(_SPACE.sub("", fold(text)))
    if match is None:
        return None
    unit = Unit.from_label(match["unit"]) if match["unit"] else None
    return match["figure"], unit, match["rest"]


def names_a_year(cell: str) -> bool:
    """Whether a cell is a form's year row: （2021年度）, 2020年度) (a bracket lost)."""
    return _YEAR_ROW.fullmatch(label_key(cell)) is not None
