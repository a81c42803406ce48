"""Shanghai's layout of a project goal table, the 财政项目支出绩效目标申报表:
:class:`ShanghaiReader` reads it. The layout is described in
:mod:`govbudget.reading.goal_grid`."""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence

import attrs

from govbudget.amounts import Figure, Unit
from govbudget.checks import Severity
from govbudget.checks.reading import READ_GOAL_CELL, READ_GOAL_MISSING, READ_GOAL_ROW
from govbudget.errors import AmountError
from govbudget.performance import (
    Indicator,
    ProjectPerformanceGoal,
)
from govbudget.reading.goal_cells import (
    INDICATOR_FIELDS,
    LEVEL_HEADERS,
    TARGET_HEADER,
    ProjectReading,
    figure_cell,
    filled,
    label_key,
    levels_of,
    statements,
)

__all__ = ["ShanghaiReader", "shanghai_marks"]


class _Label(enum.Enum):
    """What a label cell of Shanghai's layout stands for."""

    TITLE = enum.auto()  # 财政项目支出绩效目标申报表, where the grid keeps its title row
    NAME = enum.auto()  # 项目名称
    FACT = enum.auto()  # 项目性质, 主管部门, 计划开始日期 …
    FUNDS = enum.auto()  # 项目资金（元）, which starts the money block and prints its unit
    TOTAL = enum.auto()  # 项目资金总额, 其中：财政资金: the money of the project's whole period
    YEAR_FUNDS = enum.auto()  # 年度资金申请总额, 其中：当年财政拨款, 上年结转资金
    OTHER = enum.auto()  # 其他资金: of the whole period or of the year, by its column
    GOALS = enum.auto()  # 项目绩效目标
    OVERALL = enum.auto()  # 项目总体目标(2024 年-2026 年), 项目总目标
    ANNUAL = enum.auto()  # 年度总体目标
    INDICATORS = enum.auto()  # 绩效指标


_SH_LABELS = {
    label_key(label): kind
    for kind, labels in (
        (_Label.TITLE, ["财政项目支出绩效目标申报表"]),
        (_Label.NAME, ["项目名称"]),
        (
            _Label.FACT,
            ["项目性质", "项目类别", "主管部门", "实施单位", "计划开始日期", "计划完成日期"],
        ),
        (_Label.FUNDS, ["项目资金"]),
        (_Label.TOTAL, ["项目资金总额", "财政资金"]),
        (_Label.YEAR_FUNDS, ["年度资金申请总额", "当年财政拨款", "上年结转资金"]),
        (_Label.OTHER, ["其他资金"]),
        (_Label.GOALS, ["项目绩效目标"]),
        (_Label.ANNUAL, ["年度总体目标"]),
        (_Label.INDICATORS, ["绩效指标"]),
    )
    for label in labels
}
# Labels that carry more than the label: the unit (项目资金（元）), the period (项目总体目标(2024
# 年-2026 年)).
_SH_PREFIXES = (
    (label_key("项目资金（"), _Label.FUNDS),
    ("项目总体目标", _Label.OVERALL),
    ("项目总目标", _Label.OVERALL),
)
_SH_FIELDS = {
    label_key("年度资金申请总额"): "budget",
    label_key("当年财政拨款"): "financial_funds",
    label_key("上年结转资金"): "carry_over",
    label_key("其他资金"): "other_funds",
}
# The labels that start rows of the layout, by which read_goal_grid recognises it.
_SH_STARTS = frozenset(
    {_Label.TITLE, _Label.NAME, _Label.FACT, _Label.FUNDS, _Label.GOALS, _Label.INDICATORS}
)
_SH_YEAR = re.compile(r"\((?P<year>.*)年度\)")  # （2026年度）, as label_key prints it
_SH_UNIT = re.compile(r"项目资金(?:\((?P<unit>.*)\))?")
_SH_GOALS_ROW = "项目绩效目标"
_QUOTE = '"'


def _label_key(cell: str) -> str:
    """A label as compared: 其中：财政资金 is the 财政资金 it is part of."""
    return label_key(cell).removeprefix(label_key("其中："))


def _sh_label(cell: str) -> _Label | None:
    """What a cell of Shanghai's layout labels, or ``None`` for a value."""
    key = _label_key(cell)
    kind = _SH_LABELS.get(key)
    if kind is None:
        kind = next((kind for prefix, kind in _SH_PREFIXES if key.startswith(prefix)), None)
    return kind


def _sh_field(cell: str) -> str | None:
    """The field an indicator heading names: the target's is headed 年度(/项目)指标值."""
    key = label_key(cell)
    if key.endswith(TARGET_HEADER):
        return INDICATOR_FIELDS[TARGET_HEADER]
    return INDICATOR_FIELDS.get(key)


def _unquoted(text: str) -> str | None:
    r"""The text inside a pair of ASCII double quotes that encloses all of it, else ``None``.

    >>> _unquoted('"1.完成年度拆违任务。\n2.新增违建“零增长”。\n"'), _unquoted('"甲"与"乙"')
    ('1.完成年度拆违任务。\n2.新增违建“零增长”。', None)
    """
    inner = text[1:-1]
    if len(text) < 2 or text[0] != _QUOTE or text[-1] != _QUOTE or _QUOTE in inner:
        return None
    return inner.strip()


@attrs.define
class ShanghaiReader(ProjectReading):
    """The state of one reading of Shanghai's layout: what has been read so far and what could
    not be."""

    unit: Unit | None = None
    funds_label: str = "项目资金"  # as printed, where findings on the money block point
    funds: dict[str, Figure] = attrs.Factory(dict)
    # The indicator columns once the header is read; empty for a header without them.
    header: dict[str, int] | None = None

    def read(self) -> None:
        # 其他资金 is printed twice in a row, the period's at the left and the year's at the
        # right: the year's stands in the column of the year's other labels or right of it.
        year_column = min(
            (
                column
                for cells in self.rows
                for column, cell in enumerate(cells)
                if _sh_label(cell) is _Label.YEAR_FUNDS
            ),
            default=None,
        )
        labels: list[tuple[int, str, int | None]] = []  # the goal labels of the row above
        previous: Indicator | None = None
        for line, cells in self.printed_rows():
            kinds = [_sh_label(cell) for cell in cells]
            if any(label_key(cell) == LEVEL_HEADERS[0] for cell in cells):
                self.read_header(cells, line)  # also a header repeated on a new page
            elif self.header is not None:
                previous = self.read_indicator(cells, line, self.header, previous) or previous
            elif _Label.OVERALL in kinds or _Label.ANNUAL in kinds:
                labels = self.read_goal_labels(cells, kinds, line)
            elif labels and not any(kinds):
                self.read_goal_texts(cells, labels, line)
                labels = []  # one row of texts: a row after it is no goal text
            elif (year := _SH_YEAR.fullmatch(label_key(cells[0]))) is not None:
                self.read_year(cells, year["year"], line)
            elif any(kinds):
                labels = []
                self.read_labelled(cells, kinds, year_column, line)
            else:
                self.problem(
                    READ_GOAL_ROW,
                    f"第 {line} 行不属于申报表的任何部分，未读取（该行为：{filled(cells)}）",
                    line=line,
                )

    def read_year(self, cells: list[str], printed: str, line: int) -> None:
        """Read the year row, ``printed`` being what its brackets hold before 年度."""
        self.extra_cells(cells, {0}, line, cells[0])
        if not re.fullmatch(r"[0-9]{4}", printed):
            self.problem(READ_GOAL_CELL, f"“{cells[0]}”不是预算年度", row=cells[0], line=line)
        elif self.year is None:
            self.year = int(printed)
        elif int(printed) != self.year:
            self.problem(
                READ_GOAL_CELL,
                f"表头印“{cells[0]}”，与给出的预算年度 {self.year} 不符，按 {self.year} 年读取",
                row=cells[0],
                line=line,
            )

    def read_labelled(
        self, cells: list[str], kinds: list[_Label | None], year_column: int | None, line: int
    ) -> None:
        """Read a row of labels, each followed by its value (the next cell that is no label)."""
        used: set[int] = set()
        pending: tuple[int, str, _Label] | None = None  # a label still waiting for its value
        for column, (cell, kind) in enumerate(zip(cells, kinds, strict=True)):
            if not cell:
                continue
            if kind is None:
                if pending is not None:
                    self.assign(*pending, cell, year_column, line)
                    used.add(column)
                    pending = None
                continue
            used.add(column)
            if pending is not None:  # the label before was printed without its value
                self.assign(*pending, "", year_column, line)
            pending = None
            if kind is _Label.FUNDS:
                self.read_unit(cell, line)
            elif kind not in (_Label.TITLE, _Label.GOALS, _Label.INDICATORS):
                pending = column, cell, kind
        if pending is not None:
            self.assign(*pending, "", year_column, line)
        row = next(cell for cell, kind in zip(cells, kinds, strict=True) if kind is not None)
        self.extra_cells(cells, used, line, row)

    def assign(
        self,
        column: int,
        label: str,
        kind: _Label,
        value: str,
        year_column: int | None,
        line: int,
    ) -> None:
        """Keep the value of a label: in its field, or as a fact."""
        for_the_year = kind is _Label.YEAR_FUNDS or (
            kind is _Label.OTHER and year_column is not None and column >= year_column
        )
        if kind is _Label.NAME:
            if self.name:
                self.problem(
                    READ_GOAL_CELL, f"“{label}”重复印出，“{value}”未读取", row=label, line=line
                )
            else:
                self.name = value
        elif for_the_year:
            field = _SH_FIELDS[_label_key(label)]
            figure, problem = figure_cell(value, label, self.unit or Unit.YUAN)
            if field in self.funds:
                problem = f"“{label}”重复印出，“{value}”未读取"
            else:
                self.funds[field] = figure
            if problem is not None:
                self.problem(READ_GOAL_CELL, problem, row=self.funds_label, column=label, line=line)
        else:  # a fact: 项目性质 …, or the money of the whole period, kept as printed
            self.facts.append((label, value))

    def read_unit(self, cell: str, line: int) -> None:
        self.funds_label = cell
        match = _SH_UNIT.fullmatch(label_key(cell))
        printed = match["unit"] if match else None
        if printed is None:
            return  # no unit printed: goal() says so
        try:
            self.unit = Unit.from_label(printed)
        except AmountError:
            self.unit = Unit.YUAN
            self.problem(
                READ_GOAL_CELL,
                f"“{cell}”的单位“{printed}”不是金额单位，按元读取",
                row=cell,
                line=line,
            )

    def read_goal_labels(
        self, cells: list[str], kinds: list[_Label | None], line: int
    ) -> list[tuple[int, str, int | None]]:
        """Read the labels of the goal texts: each one's column, label and, for the overall
        goal, the index of the fact that will hold its text."""
        labels: list[tuple[int, str, int | None]] = []
        used: set[int] = set()
        for column, (cell, kind) in enumerate(zip(cells, kinds, strict=True)):
            if kind is _Label.OVERALL:
                labels.append((column, cell, len(self.facts)))
                self.facts.append((cell, ""))
            elif kind is _Label.ANNUAL:
                labels.append((column, cell, None))
            if kind in (_Label.OVERALL, _Label.ANNUAL, _Label.GOALS):
                used.add(column)
        self.extra_cells(cells, used, line, _SH_GOALS_ROW)
        return labels

    def read_goal_texts(
        self, cells: list[str], labels: list[tuple[int, str, int | None]], line: int
    ) -> None:
        """Read the goal texts, each under its label: merged cells print a text in the first
        column of the label it stands under, or right of it."""
        used: set[int] = set()
        for column, cell in enumerate(cells):
            owners = [label for label in labels if label[0] <= column]
            if not cell or not owners:
                continue
            used.add(column)
            _, label, fact = owners[-1]
            text = self.unquoted(cell, label, line)
            if fact is None:
                self.goals += statements(text)
            else:  # a merged cell may print its text in two columns: both are kept
                printed = self.facts[fact][1]
                self.facts[fact] = (label, f"{printed}\n{text}" if printed else text)
        self.extra_cells(cells, used, line, _SH_GOALS_ROW)

    def unquoted(self, text: str, label: str, line: int) -> str:
        inner = _unquoted(text)
        if inner is None:
            return text
        self.problem(
            READ_GOAL_CELL,
            f"“{label}”全文印在一对英文双引号内（电子表格单元格的引号，粘贴时带入），读取时去掉引号",
            row=_SH_GOALS_ROW,
            column=label,
            line=line,
            severity=Severity.INFO,
        )
        return inner

    def read_header(self, cells: list[str], line: int) -> None:
        # 绩效指标 titles the indicator rows: it heads no column of theirs, and is no stray.
        headings = ["" if _sh_label(cell) is _Label.INDICATORS else cell for cell in cells]
        columns = self.header_columns(headings, line, _sh_field)
        missing = [heading for heading, field in INDICATOR_FIELDS.items() if field not in columns]
        if missing:
            self.problem(
                READ_GOAL_MISSING,
                f"指标表头缺少“{'、'.join(missing)}”，其下各行未读取",
                line=line,
            )
            columns = {}
        self.header = columns

    def read_indicator(
        self, cells: list[str], line: int, columns: dict[str, int], previous: Indicator | None
    ) -> Indicator | None:
        # A blank level repeats the last indicator read, where the other layouts repeat the row
        # above even if it was not read.
        return self.indicator_row(cells, line, levels_of(previous), columns)[0]

    def goal(self) -> ProjectPerformanceGoal | None:
        if self.unit is None:
            self.no_unit(Unit.YUAN)
        if self.header is None:
            self.no_header()
        return self.project_goal(self.unit or Unit.YUAN, **self.funds)


def shanghai_marks(starts: Sequence[str]) -> bool:
    """Whether the first cells of a grid's rows hold labels that start rows of Shanghai's
    layout (项目名称, 项目资金（元）, 项目绩效目标, （2026年度） …)."""
    return any(
        _sh_label(cell) in _SH_STARTS or _SH_YEAR.fullmatch(label_key(cell)) for cell in starts
    )
