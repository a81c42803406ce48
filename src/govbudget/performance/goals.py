"""Project performance goal tables (项目绩效目标表) and the department's goals (部门整体绩效目标).

A :class:`ProjectPerformanceGoal` is one project's table as printed: the project's code and
name, its budget and where the money comes from, what it is for, the spending schedule, the goal
statements and the indicators. The seed's first table:

>>> from decimal import Decimal
>>> goal = ProjectPerformanceGoal(
...     year=2025, code="13020525P00916610003B", name="本级网络安全工作经费",
...     budget=Decimal("10.00"), financial_funds=Decimal("10.00"), other_funds=None,
...     purpose="用于保障我区网络安全，加强网络安全监控",
...     schedule=[SpendingCheckpoint("3月底", Decimal("25")), SpendingCheckpoint("12月底", Decimal("100"))],
...     goals=["1.加强网络安全监测，保障我区网络安全"],
...     indicators=[Indicator("产出指标", "成本指标", "项目总成本", "项目总成本", "≤10万元",
...                           "唐网办字【2024】2号")])
>>> goal.heading
'项目绩效目标表：本级网络安全工作经费'
>>> goal.indicators[0].target.number, goal.indicators[0].is_cost
(Decimal('10'), True)

Construction checks form, not content: a float, a percentage that is not a number, a third
decimal in 万元 are refused with a :class:`~govbudget.performance.errors.GoalError` that names
the field; a schedule that stops at 90% or a cost above the budget is held as printed, for the
PG rules (:mod:`govbudget.checks.goals`) to report.

>>> SpendingCheckpoint("3月底", 0.25)
Traceback (most recent call last):
...
govbudget.performance.errors.GoalTypeError: SpendingCheckpoint.percent: 0.25 is a float; ...

A department goal table (:class:`DepartmentGoalTable`) is the department's goals with what its
table prints besides: the 年度预算安排, the 年度履职目标 rows (:class:`DutyGoal`) and the
indicators (:class:`DepartmentIndicator`, weights included).

The module is over 600 lines because the field validators are shared by every class of the
model: split, each part would import the other's private helpers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import ClassVar, TypeVar

import attrs

from govbudget.amounts import Unit, decimal_places
from govbudget.characters import fold
from govbudget.performance.errors import GoalError, GoalTypeError
from govbudget.performance.framework import Level1, Level2
from govbudget.performance.targets import TargetValue, strip_text

__all__ = [
    "DEPARTMENT_GOALS_HEADING",
    "DEPARTMENT_GOAL_TABLE_HEADING",
    "SPECIAL_FUNDS_HEADING",
    "CostFigure",
    "CostItem",
    "DepartmentGoalItem",
    "DepartmentGoalTable",
    "DepartmentIndicator",
    "DepartmentPerformanceGoals",
    "DutyGoal",
    "GoalDocument",
    "GoalText",
    "Indicator",
    "ProjectPerformanceGoal",
    "SpendingCheckpoint",
    "names_a_rate",
    "parse_percent",
]

DEPARTMENT_GOALS_HEADING = "部门整体绩效目标"
"""Where findings on the department's goals point (section 五 of the seed)."""

SPECIAL_FUNDS_HEADING = "部门主管专项资金绩效目标"
"""Where findings on the goals of the department's special funds point (the seed's section 6)."""

DEPARTMENT_GOAL_TABLE_HEADING = "部门整体绩效目标表"
"""Where findings on a department goal table (部门整体支出绩效目标表 and its variants) point."""

_PERCENT = re.compile(r"[+-]?\d+(?:\.\d+)?")
_PERCENT_SIGNS = ("(%)", "%")
_BLANKS = frozenset({"", "-", "--", "—", "——", "–", "/"})
_SPACE = re.compile(r"\s")

T = TypeVar("T")
E = TypeVar("E")


def _owner(instance: object, attribute: attrs.Attribute[T]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def _type_name(value: object) -> str:
    return type(value).__name__


def _check_year(instance: object, attribute: attrs.Attribute[T], year: T) -> None:
    if year is None:
        return
    if isinstance(year, bool) or not isinstance(year, int):
        raise GoalTypeError(f"{_owner(instance, attribute)}: {year!r} is not an int")
    if not 1949 < year < 2200:
        raise GoalError(f"{_owner(instance, attribute)}: {year} is not a plausible budget year")


def _check_text(instance: object, attribute: attrs.Attribute[T], value: T) -> None:
    if not isinstance(value, str):
        raise GoalTypeError(
            f"{_owner(instance, attribute)}: {value!r} is a {_type_name(value)}, not text"
        )


def _check_named(instance: object, attribute: attrs.Attribute[T], value: T) -> None:
    _check_text(instance, attribute, value)
    if not value:
        raise GoalError(f"{_owner(instance, attribute)}: must not be blank")


def _check_optional_text(instance: object, attribute: attrs.Attribute[T], value: T) -> None:
    if value is not None:
        _check_text(instance, attribute, value)


def _optional_text(value: str | None) -> str | None:
    return None if value is None else strip_text(value)


def _check_decimal(instance: object, attribute: attrs.Attribute[T], value: T) -> None:
    if value is None:
        return
    if not isinstance(value, Decimal):
        reader = "parse_percent" if attribute.name == "percent" else "parse_amount"
        hint = f"; read printed text with {reader}" if isinstance(value, str) else ""
        raise GoalTypeError(
            f"{_owner(instance, attribute)}: {value!r} is a {_type_name(value)}; give a Decimal "
            f"or None{hint}"
        )
    if not value.is_finite():
        raise GoalError(f"{_owner(instance, attribute)}: {value!r} is not a number")


def _elements(
    kind: type[E], what: str
) -> Callable[[object, attrs.Attribute[tuple[E, ...]], tuple[E, ...]], None]:
    def check(
        instance: object, attribute: attrs.Attribute[tuple[E, ...]], values: tuple[E, ...]
    ) -> None:
        for index, value in enumerate(values):
            if not isinstance(value, kind):
                raise GoalTypeError(
                    f"{_owner(instance, attribute)}[{index}]: {value!r} is a {_type_name(value)},"
                    f" not {what}"
                )

    return check


def parse_percent(text: str) -> Decimal | None:
    """Read a printed percentage ("25%", "25", "100.00(%)"); ``None`` for a blank cell.

    >>> parse_percent("25%"), parse_percent("１００％"), parse_percent("")
    (Decimal('25'), Decimal('100'), None)
    >>> parse_percent("二成")
    Traceback (most recent call last):
    ...
    govbudget.performance.errors.GoalError: '二成' is not a percentage
    """
    normal = _SPACE.sub("", fold(text))
    if normal in _BLANKS:
        return None
    for sign in _PERCENT_SIGNS:
        normal = normal.removesuffix(sign)
    if not _PERCENT.fullmatch(normal):
        raise GoalError(f"{text!r} is not a percentage")
    return Decimal(normal)


@attrs.frozen(slots=True)
class SpendingCheckpoint:
    """One checkpoint of the spending schedule (资金支出计划): by when, and how much of the
    budget is spent by then, cumulative, in percent (``None`` for a blank cell).

    >>> SpendingCheckpoint("6月底", parse_percent("50%"))
    SpendingCheckpoint(label='6月底', percent=Decimal('50'))
    """

    label: str = attrs.field(converter=strip_text, validator=_check_named)
    percent: Decimal | None = attrs.field(validator=_check_decimal)


def _target(value: TargetValue | str) -> TargetValue:
    if isinstance(value, TargetValue):
        return value
    if not isinstance(value, str):
        raise GoalTypeError(
            f"Indicator.target: {value!r} is a {_type_name(value)}; give the printed text"
        )
    return TargetValue(value)


@attrs.frozen(slots=True)
class Indicator:
    """One indicator row: its level-1 and level-2 (as printed), the level-3 name, the
    description, the target value and the basis of the target (指标值确定依据).

    The arguments follow the printed columns; ``target`` may be given as text. The three level
    names must not be blank: a cell left blank under a repeated parent is the printed form of
    the parent's name, which the grid reader puts back. ``basis`` is ``None`` when the layout
    has no basis column at all (Shanghai's forms) and ``""`` when the column was printed blank,
    which rule PG-BASIS reports.

    >>> row = Indicator("效益指标", "生态效益指标", "资源消耗", "资源消耗", "<5%", "唐网办字【2024】2号")
    >>> row.level1_kind, row.level2_kind, row.target.comparator
    (<Level1.OUTCOME: '效益指标'>, <Level2.ECOLOGICAL: '生态效益指标'>, <Comparator.LT: '<'>)
    """

    level1: str = attrs.field(converter=strip_text, validator=_check_named)
    level2: str = attrs.field(converter=strip_text, validator=_check_named)
    name: str = attrs.field(converter=strip_text, validator=_check_named)
    description: str = attrs.field(converter=strip_text, validator=_check_text)
    target: TargetValue = attrs.field(converter=_target)
    basis: str | None = attrs.field(converter=_optional_text, validator=_check_optional_text)

    @property
    def level1_kind(self) -> Level1 | None:
        """The framework's level-1 this row names, or ``None`` for a name it does not know."""
        return Level1.read(self.level1)

    @property
    def level2_kind(self) -> Level2 | None:
        """The framework's level-2 this row names, or ``None`` for a name it does not know."""
        return Level2.read(self.level2)

    @property
    def is_cost(self) -> bool:
        """Whether this is a cost indicator: under the level-1 成本指标, or the level-2 成本指标."""
        return self.level1_kind is Level1.COST or self.level2_kind is Level2.COST


@attrs.frozen(slots=True)
class GoalText:
    """One printed text of a goal document and where it stands, for rules that read the text."""

    table: str
    row: str
    column: str
    text: str


@attrs.frozen(slots=True)
class GoalDocument:
    """What project and department goals share: the budget year of their disclosure and texts.

    Rules that read the goal texts (PG-STALE-YEAR) apply to this class, so they run on both.
    """

    year: int | None = attrs.field(validator=_check_year)

    @property
    def heading(self) -> str:
        """Where findings on the document point, as a report prints it."""
        raise NotImplementedError

    def texts(self) -> tuple[GoalText, ...]:
        """The goal texts a reader would hold against the budget year."""
        raise NotImplementedError

    def printed(self) -> tuple[GoalText, ...]:
        """Every text the document prints, names and facts included, for rules that look for
        what a template leaves behind (PG-PLACEHOLDER): the goal texts by default."""
        return self.texts()

    def targets(self) -> tuple[tuple[str, TargetValue], ...]:
        """Each indicator's name and target value, in printed order; none by default."""
        return ()


@attrs.frozen(slots=True)
class CostFigure:
    """One figure of a row of 项目预算成本构成: the column it stands in, as printed (金额,
    2020年实际执行数 …), and the figure in the goal's unit, ``None`` for a blank cell.

    >>> CostFigure("2020年实际执行数", Decimal("372.88"))
    CostFigure(column='2020年实际执行数', amount=Decimal('372.88'))
    """

    column: str = attrs.field(converter=strip_text, validator=_check_named)
    amount: Decimal | None = attrs.field(validator=_check_decimal)


def _cost_figures(values: Iterable[CostFigure]) -> tuple[CostFigure, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class CostItem:
    """One row of 项目预算成本构成 (the budget's cost by item, with what each item cost in
    earlier years): the item's name (保安服务费, or 合计 for the total row), its figures by
    column in printed order, and the basis of its estimate (测算(公式)依据, ``""`` blank).

    >>> item = CostItem("保安服务费", [CostFigure("金额", Decimal("191"))], "依据招标文件")
    >>> item.figure("金额"), item.figure("2020年实际执行数")
    (Decimal('191'), None)
    """

    name: str = attrs.field(converter=strip_text, validator=_check_named)
    figures: tuple[CostFigure, ...] = attrs.field(
        converter=_cost_figures, validator=_elements(CostFigure, "a CostFigure")
    )
    basis: str = attrs.field(default="", converter=strip_text, validator=_check_text)

    def figure(self, column: str) -> Decimal | None:
        """The figure in the column labelled ``column``; ``None`` when blank or not printed."""
        return next((figure.amount for figure in self.figures if figure.column == column), None)


def _cost_items(values: Iterable[CostItem]) -> tuple[CostItem, ...]:
    return tuple(values)


def _checkpoints(values: Iterable[SpendingCheckpoint]) -> tuple[SpendingCheckpoint, ...]:
    return tuple(values)


def _indicators(values: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return tuple(values)


def _statements(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        raise GoalTypeError(
            "ProjectPerformanceGoal.goals: give a sequence of statements, not one string"
        )
    return tuple(strip_text(value) for value in values)


def _pairs(owner: str, values: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Label/value pairs as printed, outer spaces stripped; ``owner`` names the field in errors."""
    pairs = tuple(values)
    for index, pair in enumerate(pairs):
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise GoalTypeError(f"{owner}[{index}]: {pair!r} is not a (label, value) pair")
    return tuple((strip_text(label), strip_text(text)) for label, text in pairs)


# One converter per field of pairs: the attrs plugin of mypy types named functions only.
def _project_facts(values: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return _pairs("ProjectPerformanceGoal.facts", values)


def _indicator_facts(values: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return _pairs("DepartmentIndicator.facts", values)


def _table_facts(values: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return _pairs("DepartmentGoalTable.facts", values)


def _check_goals(
    instance: object, attribute: attrs.Attribute[tuple[str, ...]], values: tuple[str, ...]
) -> None:
    for index, value in enumerate(values):
        where = f"{_owner(instance, attribute)}[{index}]"
        if not isinstance(value, str):
            raise GoalTypeError(f"{where}: {value!r} is a {_type_name(value)}, not text")
        if len(value.splitlines()) != 1:
            raise GoalError(
                f"{where}: {value!r} is not one statement; give each goal on its own, not blank"
            )


def _check_facts(
    instance: object,
    attribute: attrs.Attribute[tuple[tuple[str, str], ...]],
    values: tuple[tuple[str, str], ...],
) -> None:
    for index, (label, text) in enumerate(values):
        where = f"{_owner(instance, attribute)}[{index}]"
        if not isinstance(label, str) or not isinstance(text, str):
            raise GoalTypeError(f"{where}: a fact is a pair of texts, label and value")
        if not label:
            raise GoalError(f"{where}: a fact needs its label")


def _check_code(instance: object, attribute: attrs.Attribute[T], code: T) -> None:
    _check_text(instance, attribute, code)
    if isinstance(code, str) and _SPACE.search(code):
        raise GoalError(f"{_owner(instance, attribute)}: {code!r} has spaces inside")


@attrs.frozen(slots=True)
class ProjectPerformanceGoal(GoalDocument):
    """One project performance goal table (项目绩效目标表) as printed.

    - ``year``: the budget year of the disclosure the table belongs to;
    - ``code`` (项目编码, ``""`` where none is printed) and ``name`` (项目名称);
    - ``budget`` (预算数), of which ``financial_funds`` (财政资金), ``other_funds`` (其他资金),
      ``carry_over`` (上年结转资金, printed by some layouts) and ``own_funds`` (自有资金, printed
      by Hunan's form), in ``unit``; ``None`` is a blank cell;
    - ``purpose`` (资金用途) and ``schedule`` (资金支出计划: cumulative percentages by
      checkpoint, in printed order);
    - ``goals`` (绩效目标): the statements as printed, one per line or row;
    - ``indicators``: the indicator rows in printed order. Each names its level-1 and level-2,
      so the rows are the three-level tree as the published grid holds it, and a level-2 under
      the wrong level-1 can be held and reported;
    - ``facts``: other label/value pairs of the header block that no rule reads (Shanghai's
      forms print 项目性质, 主管部门, 计划开始日期, 项目资金总额 …), in printed order;
    - ``costs`` and ``cost_total``: the item rows and the 合计 row of 项目预算成本构成, printed
      by Hubei's 鄂州 form (empty and ``None`` where not printed).
    """

    code: str = attrs.field(converter=strip_text, validator=_check_code)
    name: str = attrs.field(converter=strip_text, validator=_check_named)
    budget: Decimal | None = attrs.field(default=None, validator=_check_decimal)
    financial_funds: Decimal | None = attrs.field(default=None, validator=_check_decimal)
    other_funds: Decimal | None = attrs.field(default=None, validator=_check_decimal)
    unit: Unit = attrs.field(default=Unit.WAN_YUAN, validator=attrs.validators.instance_of(Unit))
    purpose: str = attrs.field(default="", converter=strip_text, validator=_check_text)
    schedule: tuple[SpendingCheckpoint, ...] = attrs.field(
        default=(),
        converter=_checkpoints,
        validator=_elements(SpendingCheckpoint, "a SpendingCheckpoint"),
    )
    goals: tuple[str, ...] = attrs.field(default=(), converter=_statements, validator=_check_goals)
    indicators: tuple[Indicator, ...] = attrs.field(
        default=(), converter=_indicators, validator=_elements(Indicator, "an Indicator")
    )
    carry_over: Decimal | None = attrs.field(default=None, validator=_check_decimal)
    facts: tuple[tuple[str, str], ...] = attrs.field(
        default=(), converter=_project_facts, validator=_check_facts
    )
    own_funds: Decimal | None = attrs.field(default=None, validator=_check_decimal)
    costs: tuple[CostItem, ...] = attrs.field(
        default=(), converter=_cost_items, validator=_elements(CostItem, "a CostItem")
    )
    cost_total: CostItem | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(CostItem))
    )

    # Parts printed by few layouts, added after goals were first written: shown (in the repr and
    # in JSON documents) only when set, so that a goal without them reads and writes as before.
    shown_if_set: ClassVar[tuple[str, ...]] = ("own_funds", "costs", "cost_total")

    def __repr__(self) -> str:
        shown = (
            f"{field.name}={getattr(self, field.name)!r}"
            for field in attrs.fields(type(self))
            if field.name not in self.shown_if_set or getattr(self, field.name) != field.default
        )
        return f"{type(self).__name__}({', '.join(shown)})"

    def __attrs_post_init__(self) -> None:
        money = [
            (field, getattr(self, field))
            for field in ("budget", "financial_funds", "other_funds", "carry_over", "own_funds")
        ]
        for item in (*self.costs, *([self.cost_total] if self.cost_total else [])):
            money += [(f"costs[{item.name}].{f.column}", f.amount) for f in item.figures]
        for field, value in money:
            places = decimal_places(value)
            if places is not None and places > self.unit.places:
                raise GoalError(
                    f"ProjectPerformanceGoal.{field}: {value} has {places} "
                    f"decimals; a table in {self.unit.label} prints at most {self.unit.places}"
                )

    @property
    def heading(self) -> str:
        """Where findings on this table point: 项目绩效目标表：<project name>."""
        return f"项目绩效目标表：{self.name}"

    def texts(self) -> tuple[GoalText, ...]:
        """The purpose, the goals and each indicator's name, description and target.

        The basis is left out: it cites the documents the targets rest on, which are older
        than the budget by nature. So is the project name, which may carry its start year.
        """
        where = self.heading
        found = [GoalText(where, "预算规模及资金用途", "资金用途", self.purpose)]
        found += [GoalText(where, "绩效目标", "绩效目标", goal) for goal in self.goals]
        for row in self.indicators:
            found += [
                GoalText(where, row.name, "三级指标", row.name),
                GoalText(where, row.name, "绩效指标描述", row.description),
                GoalText(where, row.name, "指标值", row.target.text),
            ]
        return tuple(text for text in found if text.text)

    def printed(self) -> tuple[GoalText, ...]:
        """The goal texts, the project's name and its facts (label and value)."""
        where = self.heading
        found = [GoalText(where, "项目名称", "项目名称", self.name)]
        found += [GoalText(where, label, label, value) for label, value in self.facts]
        found += [
            GoalText(where, row.name, "指标值确定依据", row.basis or "") for row in self.indicators
        ]
        found += [GoalText(where, item.name, "测算(公式)依据", item.basis) for item in self.costs]
        return tuple(text for text in found if text.text) + self.texts()

    def targets(self) -> tuple[tuple[str, TargetValue], ...]:
        """Each indicator's name and target value."""
        return tuple((row.name, row.target) for row in self.indicators)


@attrs.frozen(slots=True)
class DepartmentGoalItem:
    """One itemised goal (分项绩效目标): its heading, the 绩效目标 and the 绩效指标 text.

    ``title`` is the heading as printed without its ordinal ("积极开展各种主题活动。" for
    "（一）积极开展各种主题活动。").
    """

    title: str = attrs.field(converter=strip_text, validator=_check_named)
    goal: str = attrs.field(default="", converter=strip_text, validator=_check_text)
    indicators: str = attrs.field(default="", converter=strip_text, validator=_check_text)


def _items(values: Iterable[DepartmentGoalItem]) -> tuple[DepartmentGoalItem, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class DepartmentPerformanceGoals(GoalDocument):
    """The department's performance goals as its disclosure states them.

    ``overall`` is 总体绩效目标, ``items`` the 分项绩效目标 of 部门整体绩效目标, and
    ``special_fund_items`` the 分项绩效目标 published for the special funds the department
    administers (部门主管专项资金预算安排情况及绩效目标), where a disclosure has that section.

    >>> goals = DepartmentPerformanceGoals(2025, "处理区委网络安全和信息化委员会日常事务工作……",
    ...     items=[DepartmentGoalItem("积极开展各种主题活动。", "全面展示开平日新月异的发展变化……")])
    >>> [(t.table, t.row, t.column) for t in goals.texts()][1]
    ('部门整体绩效目标', '积极开展各种主题活动。', '绩效目标')
    """

    overall: str = attrs.field(default="", converter=strip_text, validator=_check_text)
    items: tuple[DepartmentGoalItem, ...] = attrs.field(
        default=(),
        converter=_items,
        validator=_elements(DepartmentGoalItem, "a DepartmentGoalItem"),
    )
    special_fund_items: tuple[DepartmentGoalItem, ...] = attrs.field(
        default=(),
        converter=_items,
        validator=_elements(DepartmentGoalItem, "a DepartmentGoalItem"),
    )

    @property
    def heading(self) -> str:
        """Where findings on the department's goals point: 部门整体绩效目标."""
        return DEPARTMENT_GOALS_HEADING

    def texts(self) -> tuple[GoalText, ...]:
        """The overall goal, then each item's goal and indicator text, section by section."""
        found = [GoalText(DEPARTMENT_GOALS_HEADING, "总体绩效目标", "绩效目标", self.overall)]
        for heading, items in (
            (DEPARTMENT_GOALS_HEADING, self.items),
            (SPECIAL_FUNDS_HEADING, self.special_fund_items),
        ):
            for item in items:
                found += [
                    GoalText(heading, item.title, "绩效目标", item.goal),
                    GoalText(heading, item.title, "绩效指标", item.indicators),
                ]
        return tuple(text for text in found if text.text)


@attrs.frozen(slots=True)
class DutyGoal:
    """One row of the 年度履职目标 (or 年度重点工作任务) block of a department goal table.

    ``duty`` is 部门职能 (or the task's 名称), ``task`` 年度目标任务 (主要实施内容),
    ``project`` 支出项目名称 (``None`` where the layout has no such column), ``amount`` the
    预算金额 (拟投入的资金) in the table's unit, ``None`` for a blank cell, and ``expected``
    期望达到的目标 ("" where not printed).

    >>> DutyGoal("确保日常工作正常运行", "按时发放2019年人员工资待遇", "基本支出", Decimal("171.41"))
    DutyGoal(duty='确保日常工作正常运行', task='按时发放2019年人员工资待遇', project='基本支出', amount=Decimal('171.41'), expected='')
    """

    duty: str = attrs.field(converter=strip_text, validator=_check_text)
    task: str = attrs.field(converter=strip_text, validator=_check_text)
    project: str | None = attrs.field(converter=_optional_text, validator=_check_optional_text)
    amount: Decimal | None = attrs.field(validator=_check_decimal)
    expected: str = attrs.field(default="", converter=strip_text, validator=_check_text)


@attrs.frozen(slots=True)
class DepartmentIndicator:
    """One indicator row of a department goal table.

    ``level1`` and ``level2`` are "" where the layout prints no level columns (Chongqing's
    table lists 指标名称 alone); ``name`` is the 三级指标 or 指标名称; ``target`` the target as
    printed (a layout that prints the comparator, the value and the unit in three cells is read
    as their text joined: "≥" "68" "%" is "≥68%"); ``weight`` the 指标权重 or 分值 (``None``
    where none is printed); ``description`` the 指标解释; ``facts`` the other columns of the row,
    header and cell as printed (指标值类型, 评(扣)分标准, 是否核心 …).

    >>> row = DepartmentIndicator("", "", "气候预测准确率", "≥68%", weight=Decimal("12"),
    ...                           facts=[("是否核心", "是")])
    >>> row.target.comparator, row.target.number, row.is_rate
    (<Comparator.GE: '≥'>, Decimal('68'), True)
    """

    level1: str = attrs.field(converter=strip_text, validator=_check_text)
    level2: str = attrs.field(converter=strip_text, validator=_check_text)
    name: str = attrs.field(converter=strip_text, validator=_check_named)
    target: TargetValue = attrs.field(converter=_target)
    description: str = attrs.field(default="", converter=strip_text, validator=_check_text)
    weight: Decimal | None = attrs.field(default=None, validator=_check_decimal)
    facts: tuple[tuple[str, str], ...] = attrs.field(
        default=(), converter=_indicator_facts, validator=_check_facts
    )

    @property
    def is_rate(self) -> bool:
        """Whether the indicator names a rate (see :func:`names_a_rate`)."""
        return names_a_rate(self.name)


# A rate names itself by its last word: 准确率, 传输及时率（国家地面站）, 进驻检查率.
_RATE = re.compile(r"率\s*(?:[(（][^()（）]*[)）])?\s*[.。]?$")


def names_a_rate(name: str) -> bool:
    """Whether an indicator's name names a rate (…率, a bracketed note or a stop after it),
    whose target as a percentage cannot exceed 100%.

    >>> names_a_rate("验收合格率"), names_a_rate("观测系统传输及时率（国家地面站）")
    (True, True)
    >>> names_a_rate("汇聚数据数量."), names_a_rate("率先完成改革")
    (False, False)
    """
    return _RATE.search(name) is not None


def _duties(values: Iterable[DutyGoal]) -> tuple[DutyGoal, ...]:
    return tuple(values)


def _department_indicators(
    values: Iterable[DepartmentIndicator],
) -> tuple[DepartmentIndicator, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class DepartmentGoalTable(DepartmentPerformanceGoals):
    """A department goal table (部门整体支出绩效目标表, 部门整体绩效目标表, 部门整体预算绩效目标
    申报表) as printed: the department's goals, with what the table holds beyond them.

    - ``department`` (部门(单位)名称) and ``budget_code`` (部门预算编码), "" where not printed;
    - ``total``, ``basic`` and ``project``: the 年度预算安排 (资金总额, 基本支出, 项目支出) in
      ``unit``, ``None`` where not printed;
    - ``duties``: the 年度履职目标 (or 年度重点工作任务) rows;
    - ``indicators``: the indicator rows, levels carried down as printed;
    - ``facts``: other labelled cells of the header and money blocks (部门(单位)职责, 财政拨款,
      其他资金 …), label and value as printed;
    - ``overall`` (inherited) is the 年度总体目标, its lines joined by line breaks.

    Being a :class:`DepartmentPerformanceGoals`, it stands wherever the department's goals do.

    >>> table = DepartmentGoalTable(2019, "目标1:确保本室各人员工资及福利的发放;",
    ...     department="中共宁德市委党史和地方志研究室", total=Decimal("171.41"),
    ...     basic=Decimal("110.61"), project=Decimal("60.8"))
    >>> table.heading, table.basic + table.project == table.total
    ('部门整体绩效目标表', True)
    """

    department: str = attrs.field(default="", converter=strip_text, validator=_check_text)
    budget_code: str = attrs.field(default="", converter=strip_text, validator=_check_code)
    unit: Unit = attrs.field(default=Unit.WAN_YUAN, validator=attrs.validators.instance_of(Unit))
    total: Decimal | None = attrs.field(default=None, validator=_check_decimal)
    basic: Decimal | None = attrs.field(default=None, validator=_check_decimal)
    project: Decimal | None = attrs.field(default=None, validator=_check_decimal)
    duties: tuple[DutyGoal, ...] = attrs.field(
        default=(), converter=_duties, validator=_elements(DutyGoal, "a DutyGoal")
    )
    indicators: tuple[DepartmentIndicator, ...] = attrs.field(
        default=(),
        converter=_department_indicators,
        validator=_elements(DepartmentIndicator, "a DepartmentIndicator"),
    )
    facts: tuple[tuple[str, str], ...] = attrs.field(
        default=(), converter=_table_facts, validator=_check_facts
    )

    @property
    def heading(self) -> str:
        """Where findings on the table point: 部门整体绩效目标表."""
        return DEPARTMENT_GOAL_TABLE_HEADING

    def texts(self) -> tuple[GoalText, ...]:
        """The overall goal, each duty's task and expected result, each indicator's name,
        description and target."""
        where = self.heading
        found = [GoalText(where, "年度总体目标", "年度总体目标", self.overall)]
        for duty in self.duties:
            found += [
                GoalText(where, duty.duty, "年度目标任务", duty.task),
                GoalText(where, duty.duty, "期望达到的目标", duty.expected),
            ]
        for row in self.indicators:
            found += [
                GoalText(where, row.name, "三级指标", row.name),
                GoalText(where, row.name, "指标解释", row.description),
                GoalText(where, row.name, "指标值", row.target.text),
            ]
        return tuple(text for text in found if text.text)

    def printed(self) -> tuple[GoalText, ...]:
        """The goal texts, the department's name, its facts and each duty's name and project."""
        where = self.heading
        found = [GoalText(where, "部门(单位)名称", "部门(单位)名称", self.department)]
        found += [GoalText(where, label, label, value) for label, value in self.facts]
        for duty in self.duties:
            found += [
                GoalText(where, duty.duty, "部门职能", duty.duty),
                GoalText(where, duty.duty, "支出项目名称", duty.project or ""),
            ]
        return tuple(text for text in found if text.text) + self.texts()

    def targets(self) -> tuple[tuple[str, TargetValue], ...]:
        """Each indicator's name and target value."""
        return tuple((row.name, row.target) for row in self.indicators)
