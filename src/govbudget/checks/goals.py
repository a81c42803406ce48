"""The PG rules: what goes wrong in project performance goal tables and the department's goals.

Goal tables go wrong in typical ways: an indicator under the wrong level, a level-1 missing, a
spending schedule that never reaches 100%, a cost target above the project's budget, a target
with nothing to measure, goal text copied from an old year. Each rule reports one of these; the
classes in :mod:`govbudget.performance` hold whatever was printed.

>>> from decimal import Context, Decimal
>>> from govbudget.checks import check
>>> from govbudget.performance import ProjectPerformanceGoal, SpendingCheckpoint
>>> goal = ProjectPerformanceGoal(2025, "", "示例项目", budget=Decimal("10.00"),
...     financial_funds=Decimal("8.00"), other_funds=Decimal("2.00"),
...     schedule=[SpendingCheckpoint("6月底", Decimal("60")),
...               SpendingCheckpoint("12月底", Decimal("90"))])
>>> for finding in check(goal, select=["PG-SCHEDULE", "PG-FUNDS"]):
...     print(finding)
错误 PG-SCHEDULE [项目绩效目标表：示例项目 / 资金支出计划（%） / 12月底] 资金支出计划到“12月底”累计 90%，未达到 100%

Money is compared under the rounding model (:func:`govbudget.agree`): a cost target of
"≤10万元" printed without decimals stands for 9.5 to 10.5万元, so against a budget of 10.00 it
is *equal* to the budget, which is worth a note (PG-COST-EQUALS-BUDGET), not an error.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from decimal import Context, Decimal

from govbudget.amounts import Agreement, agree, convert, disagreement, format_amount
from govbudget.characters import fold
from govbudget.checks.registry import Rule, rule
from govbudget.findings import Finding, Location, Severity
from govbudget.performance import (
    Comparator,
    DepartmentGoalTable,
    GoalDocument,
    Indicator,
    Level1,
    Level2,
    ProjectPerformanceGoal,
    TargetValue,
    names_a_rate,
)
from govbudget.vocabulary.placeholders import PLACEHOLDERS

__all__ = ["GOAL_RULES"]

_HUNDRED = Decimal(100)
_ZERO = Decimal(0)
_SCHEDULE_ROW = "资金支出计划（%）"
_FUNDS_ROW = "预算规模及资金用途"
# A four-digit year followed by 年, or a range of years whose end is followed by 年
# ("2024年-2026年", "2021—2025年"): the range counts by its end. Document numbers such as
# 唐网信委【2024】2号 print the year in brackets, without 年, and are not year references.
_YEAR_REFERENCE = re.compile(
    r"(?<![\d.])(?:(?:19|20)\d{2}\s*年?\s*[-－—–~～至到]\s*)?(?P<year>(?:19|20)\d{2})\s*年"
)
_CONTEXT = 12
_YEAR_MARK = "年"
# Characters whose NFKC is fixed (Unicode never changes a decomposition once assigned) and is
# not 年: ASCII, the CJK Unified Ideographs but 年 itself, the full-width forms of ASCII, and
# the punctuation of Chinese text.
_NEVER_YEAR_MARKS = re.compile(
    r"[\x00-\x7f\u4e00-\u5e73\u5e75-\u9fff\uff01-\uff5e"
    r"\u3000-\u3002\u2018\u2019\u201c\u201d\u300a\u300b\u3010\u3011\u2014\u2026]*"
)

# Characters that folding leaves as they are, or turns from one character the year pattern
# does not match into another it does not match (full-width punctuation and letters): in a
# text of these alone, the pattern finds what it would find in the folded text.
_FOLD_NEUTRAL = re.compile(
    r"[\x00-\x7f\u4e00-\u9fff\uff01-\uff0c\uff0f\uff1a-\uff5d"
    r"\u3001\u3002\u2018\u2019\u201c\u201d\u300a\u300b\u3010\u3011\u2014\u2026]*"
)


def _may_refer_to_a_year(text: str) -> bool:
    """Whether the folded text may hold a year reference, which ends in 年: most goal texts
    hold none and need not be folded.

    A character that folds to 年 (年 itself, or a compatibility form) keeps that 年 in the NFKC
    of the whole text, where 年 composes with nothing; NFKC is asked only of a text that holds
    a character outside those known never to give 年.
    """
    if _YEAR_MARK in text:
        return True
    if _NEVER_YEAR_MARKS.fullmatch(text):
        return False
    return _YEAR_MARK in fold(text)


def _fold(text: str) -> str:
    """NFKC character by character, keeping each character whose form is longer (so that
    positions in the result are positions in the text): full-width digits become digits."""
    return _UNSTABLE.sub(_fold_character, text)


# ASCII and the CJK Unified Ideographs have no decomposition, which Unicode's stability policy
# keeps so: NFKC leaves them as they are. Only the other characters of a text are normalised.
_UNSTABLE = re.compile(r"[^\x00-\x7f\u4e00-\u9fff]")


def _fold_character(match: re.Match[str]) -> str:
    char = match[0]
    form = unicodedata.normalize("NFKC", char)
    return form if len(form) == 1 else char


def _at(goal: ProjectPerformanceGoal, row: str, column: str | None = None) -> Location:
    return Location(table=goal.heading, row=row, column=column)


def _percent(value: Decimal) -> str:
    return f"{format_amount(value)}%"


def _figures(agreement: Agreement) -> str:
    return (
        f"印 {format_amount(agreement.actual)}，应为 {format_amount(agreement.expected)}，"
        f"差额 {format_amount(agreement.difference)}，超出舍入容差 "
        f"{format_amount(agreement.tolerance)}"
    )


# Indicator.level1_kind and level2_kind read the printed name each time they are asked; a goal
# table repeats a handful of names, so the rules ask through these memories of the same reads.
_level1 = functools.lru_cache(maxsize=256)(Level1.read)
_level2 = functools.lru_cache(maxsize=256)(Level2.read)


def _allowed(level: Level1) -> str:
    return "、".join(child.label for child in level.allowed)


@rule(
    "PG-LEVEL",
    "Each level-2 indicator sits under its own level-1",
    Severity.ERROR,
    applies_to=ProjectPerformanceGoal,
    description=(
        "一级指标属于指标体系（产出、效益、满意度、成本指标），二级指标列于其所属一级指标之下："
        "产出指标下为数量、质量、时效、成本指标；效益指标下为经济效益、社会效益、生态效益、"
        "可持续影响指标；满意度指标下为服务对象满意度指标；成本指标下为经济成本、社会成本、"
        "生态环境成本指标。"
    ),
)
def _levels(rule: Rule, goal: ProjectPerformanceGoal) -> Iterator[Finding]:
    for row in goal.indicators:
        level1, level2 = _level1(row.level1), _level2(row.level2)
        if level1 is None:
            known = "、".join(level.label for level in Level1)
            yield rule.finding(
                f"“{row.name}”的一级指标“{row.level1}”不在指标体系中（应为{known}）",
                location=_at(goal, row.name, "一级指标"),
            )
        elif level2 is None:
            yield rule.finding(
                f"“{row.name}”的二级指标“{row.level2}”不在指标体系中"
                f"（{level1.label}下应为{_allowed(level1)}）",
                location=_at(goal, row.name, "二级指标"),
            )
        elif level2.parent is not level1:
            yield rule.finding(
                f"二级指标“{row.level2}”属于“{level2.parent.label}”，却列于“{row.level1}”下"
                f"（{level1.label}下应为{_allowed(level1)}）",
                location=_at(goal, row.name, "二级指标"),
            )


@rule(
    "PG-FRAMEWORK",
    "Output, outcome and satisfaction indicators are all present",
    Severity.ERROR,
    applies_to=ProjectPerformanceGoal,
    description="产出指标、效益指标、满意度指标三个一级指标齐全，每个至少设一项指标（成本指标可选）。",
)
def _framework(rule: Rule, goal: ProjectPerformanceGoal) -> Iterator[Finding]:
    present = {_level1(row.level1) for row in goal.indicators}
    for level in Level1:
        if level.required and level not in present:
            yield rule.finding(
                f"未设一级指标“{level.label}”：绩效目标表应至少设一项{level.label}",
                location=_at(goal, level.label, "一级指标"),
            )


@rule(
    "PG-SCHEDULE",
    "The spending schedule is cumulative and reaches 100%",
    Severity.ERROR,
    applies_to=ProjectPerformanceGoal,
    description=(
        "资金支出计划为累计比例：每个时间节点均已填列，后一节点不低于前一节点，最后一个节点为 100%。"
    ),
)
def _schedule(rule: Rule, goal: ProjectPerformanceGoal) -> Iterator[Finding]:
    if not goal.schedule:
        return  # a layout without a schedule (Shanghai's forms): nothing printed, nothing to check
    previous: tuple[str, Decimal] | None = None  # the last printed checkpoint
    for checkpoint in goal.schedule:
        where = _at(goal, _SCHEDULE_ROW, checkpoint.label)
        if checkpoint.percent is None:
            yield rule.finding(f"资金支出计划“{checkpoint.label}”未填列", location=where)
            continue
        if previous is not None and checkpoint.percent < previous[1]:
            yield rule.finding(
                f"资金支出计划为累计比例，“{checkpoint.label}” {_percent(checkpoint.percent)}"
                f"低于“{previous[0]}” {_percent(previous[1])}",
                location=where,
                expected=previous[1],
                actual=checkpoint.percent,
            )
        previous = checkpoint.label, checkpoint.percent
    last = goal.schedule[-1]
    if last.percent is not None and last.percent != _HUNDRED:
        yield rule.finding(
            f"资金支出计划到“{last.label}”累计 {_percent(last.percent)}，未达到 100%",
            location=_at(goal, _SCHEDULE_ROW, last.label),
            expected=_HUNDRED,
            actual=last.percent,
        )


@rule(
    "PG-PERCENT",
    "Percentages lie between 0 and 100",
    Severity.ERROR,
    applies_to=ProjectPerformanceGoal,
    description=(
        "资金支出计划的百分比在 0–100 之间（错误）；以 % 为单位的指标值在 0–100 之间"
        "（警告：增长率等个别指标可能超过 100%）。"
    ),
)
def _percentages(rule: Rule, goal: ProjectPerformanceGoal) -> Iterator[Finding]:
    for checkpoint in goal.schedule:
        if checkpoint.percent is not None and not _ZERO <= checkpoint.percent <= _HUNDRED:
            yield rule.finding(
                f"资金支出计划“{checkpoint.label}”为 {_percent(checkpoint.percent)}，"
                "不在 0–100% 之间",
                location=_at(goal, _SCHEDULE_ROW, checkpoint.label),
                actual=checkpoint.percent,
            )
    for row in goal.indicators:
        number = row.target.number
        if _rate_above_hundred(row.name, row.target):
            continue  # PG-RATE reports it, as an error
        if row.target.is_percent and number is not None and not _ZERO <= number <= _HUNDRED:
            yield rule.finding(
                f"“{row.name}”的指标值“{row.target.text}”不在 0–100% 之间",
                location=_at(goal, row.name, "指标值"),
                actual=number,
                severity=Severity.WARNING,
            )


@rule(
    "PG-TARGET",
    "Every indicator has a measurable target",
    Severity.ERROR,
    applies_to=ProjectPerformanceGoal,
    description="每项指标的指标值可衡量：比较符与数值（如“≥90%”“1个”），或明确的定性值（如“优良”）。",
)
def _targets(rule: Rule, goal: ProjectPerformanceGoal) -> Iterator[Finding]:
    for row in goal.indicators:
        if row.target.measurable:
            continue
        problem = f"指标值“{row.target.text}”不可衡量" if row.target.text else "指标值未填列"
        yield rule.finding(
            f"“{row.name}”{problem}：应为比较符与数值（如“≥90%”），或明确的定性值（如“优良”）",
            location=_at(goal, row.name, "指标值"),
        )


@rule(
    "PG-BASIS",
    "Every target states its basis",
    Severity.WARNING,
    applies_to=ProjectPerformanceGoal,
    description="印有“指标值确定依据”一栏时，每项指标均填列确定依据（文件、标准或历史数据）。",
)
def _basis(rule: Rule, goal: ProjectPerformanceGoal) -> Iterator[Finding]:
    for row in goal.indicators:
        if row.basis == "":
            yield rule.finding(
                f"“{row.name}”的指标值确定依据未填列",
                location=_at(goal, row.name, "指标值确定依据"),
            )


@rule(
    "PG-FUNDS",
    "The budget equals financial funds plus other funds",
    Severity.ERROR,
    applies_to=ProjectPerformanceGoal,
    description="预算数 = 财政资金 + 其他资金（+ 上年结转资金、自有资金，印有时）。",
)
def _funds(rule: Rule, goal: ProjectPerformanceGoal) -> Iterator[Finding]:
    parts = [goal.financial_funds, goal.other_funds, goal.carry_over, goal.own_funds]
    if goal.budget is None and all(part is None for part in parts):
        return
    result = disagreement((goal.budget,), parts)
    if result is not None:
        names = (
            "财政资金 + 其他资金"
            + (" + 上年结转资金" if goal.carry_over is not None else "")
            + (" + 自有资金" if goal.own_funds is not None else "")
        )
        yield rule.finding(
            f"预算数 ≠ {names}（{_figures(result)}）",
            location=_at(goal, _FUNDS_ROW, "预算数"),
            agreement=result,
        )


@rule(
    "PG-COST-TOTAL",
    "The cost breakdown's total equals its items, column by column",
    Severity.ERROR,
    applies_to=ProjectPerformanceGoal,
    description=(
        "项目预算成本构成印有合计行时，每一栏（金额及各年度实际执行数）合计 = 各成本项目之和"
        "（按舍入模型比较；同一栏的数字精度相同，取该栏印出的最多小数位：同栏印有 372.88 时，"
        "191 即 191.00）。"
    ),
)
def _cost_total(rule: Rule, goal: ProjectPerformanceGoal) -> Iterator[Finding]:
    total = goal.cost_total
    if total is None or not goal.costs:
        return
    for figure in total.figures:
        column = _column_precision(
            [figure.amount, *(item.figure(figure.column) for item in goal.costs)]
        )
        if all(value is None for value in column):
            continue
        result = disagreement(column[:1], column[1:])
        if result is not None:
            yield rule.finding(
                f"项目预算成本构成“{figure.column}”栏：{total.name} ≠ 各成本项目之和"
                f"（{_figures(result)}）",
                location=_at(goal, total.name, figure.column),
                agreement=result,
            )


def _column_precision(figures: list[Decimal | None]) -> list[Decimal | None]:
    """The figures of one column at the finest precision any of them prints (exactly: a
    figure only gains zeros).

    A column of amounts is kept to one precision; where a word processor prints 191.00 as
    "191" beside 372.88, the "191" is to the cent, not a figure rounded to the 万元.
    """
    exponents = [int(value.as_tuple().exponent) for value in figures if value is not None]
    if not exponents:
        return figures
    finest = min(exponents)
    quantum = Decimal(1).scaleb(finest)
    return [
        None
        if value is None
        else value.quantize(quantum, context=Context(prec=max(1, value.adjusted() - finest + 1)))
        for value in figures
    ]


def _rate_above_hundred(name: str, target: TargetValue) -> bool:
    """Whether a rate's target is a percentage above 100 (a ceiling "≤120%" is one too: no
    rate reaches it, so it states nothing)."""
    number = target.number
    return target.is_percent and number is not None and number > _HUNDRED and names_a_rate(name)


def _money_costs(goal: ProjectPerformanceGoal) -> Iterator[tuple[Indicator, Decimal, Agreement]]:
    """Each cost indicator with a money target, the target in the goal's unit, and how it
    compares with the budget."""
    if goal.budget is None:
        return
    for row in goal.indicators:
        money = row.target.money_unit()
        # Most targets are no money: asked first, it spares reading the indicator's levels.
        if money is not None and row.target.number is not None and row.is_cost:
            amount = convert(row.target.number, money, goal.unit)
            yield row, amount, agree(amount, [goal.budget])


@rule(
    "PG-COST",
    "A cost target does not exceed the project's budget",
    Severity.ERROR,
    applies_to=ProjectPerformanceGoal,
    description="以金额表示的成本指标（如“≤10万元”，“万”视为万元）不超过项目预算数（按舍入模型比较）。",
)
def _cost(rule: Rule, goal: ProjectPerformanceGoal) -> Iterator[Finding]:
    for row, amount, result in _money_costs(goal):
        if not result.ok and result.difference > 0:
            yield rule.finding(
                f"成本指标“{row.name}”的指标值“{row.target.text}”"
                f"（{format_amount(amount)}{goal.unit.label}）超过项目预算数 "
                f"{format_amount(goal.budget)}{goal.unit.label}",
                location=_at(goal, row.name, "指标值"),
                agreement=result,
            )


@rule(
    "PG-COST-EQUALS-BUDGET",
    "A cost ceiling equal to the budget sets no cost goal",
    Severity.INFO,
    applies_to=ProjectPerformanceGoal,
    description="成本指标“≤X万元”（或“=X万元”）恰等于项目预算数：照抄预算数，未体现成本控制，仅作提示。",
)
def _cost_equals_budget(rule: Rule, goal: ProjectPerformanceGoal) -> Iterator[Finding]:
    for row, _amount, result in _money_costs(goal):
        if result.ok and row.target.comparator in (Comparator.LE, Comparator.EQ):
            yield rule.finding(
                f"成本指标“{row.name}”的指标值“{row.target.text}”等于项目预算数 "
                f"{format_amount(goal.budget)}{goal.unit.label}：照抄预算数，未体现成本控制目标",
                location=_at(goal, row.name, "指标值"),
                agreement=result,
            )


@rule(
    "PG-STALE-YEAR",
    "Goal text does not refer to years before the budget year",
    Severity.WARNING,
    applies_to=GoalDocument,
    description=(
        "绩效目标文字中的年份（如“2020年底”）不早于预算年度的上一年：更早的年份疑为沿用旧年度文字"
        "（警告）；上一年度仅作提示，因其常作为基数引用。文号中的年份（如“唐网信委【2024】2号”）"
        "及指标值确定依据不在此列。"
    ),
)
def _stale_years(rule: Rule, document: GoalDocument) -> Iterator[Finding]:
    if document.year is None:
        return  # no year to hold the texts against (READ-YEAR said the year is unknown)
    for text in document.texts():
        if not _may_refer_to_a_year(text.text):
            continue
        read = text.text if _FOLD_NEUTRAL.fullmatch(text.text) else _fold(text.text)
        for match in _YEAR_REFERENCE.finditer(read):
            year = int(match["year"])
            if year >= document.year:
                continue
            start, end = max(0, match.start() - _CONTEXT), match.end() + _CONTEXT
            quoted = (
                ("…" if start > 0 else "")
                + text.text[start:end]
                + ("…" if end < len(text.text) else "")
            )
            where = Location(table=text.table, row=text.row, column=text.column)
            if year == document.year - 1:
                yield rule.finding(
                    f"{text.column}“{quoted}”提到上一年度 {year} 年："
                    "若非作为基数引用，请核实是否沿用上年文字",
                    location=where,
                    expected=Decimal(document.year),
                    actual=Decimal(year),
                    severity=Severity.INFO,
                )
            else:
                yield rule.finding(
                    f"{text.column}“{quoted}”提到 {year} 年，早于预算年度 {document.year} 年："
                    "疑为沿用旧年度文字",
                    location=where,
                    expected=Decimal(document.year),
                    actual=Decimal(year),
                )


@rule(
    "PG-RATE",
    "A rate's target does not exceed 100%",
    Severity.ERROR,
    applies_to=GoalDocument,
    description=(
        "名称为“…率”的指标（合格率、及时率、覆盖率……），其以 % 表示的指标值不超过 100%："
        "比率不可能超过 100%，超过者多为笔误（如“92%”误作“292%”）。"
    ),
)
def _rates(rule: Rule, document: GoalDocument) -> Iterator[Finding]:
    for name, target in document.targets():
        if _rate_above_hundred(name, target):
            yield rule.finding(
                f"“{name}”是比率，指标值“{target.text}”超过 100%：疑为笔误",
                location=Location(table=document.heading, row=name, column="指标值"),
                expected=_HUNDRED,
                actual=target.number,
            )


@rule(
    "PG-PLACEHOLDER",
    "A goal table has no template placeholder left in",
    Severity.ERROR,
    applies_to=GoalDocument,
    description=(
        "绩效目标表不得留有未填写的模板占位符：XX、×××、(项目名称)、增长(下降)、下划线空格等"
        "（与情况说明的 TXT-PLACEHOLDER 同一词表）。"
    ),
)
def _placeholders(rule: Rule, document: GoalDocument) -> Iterator[Finding]:
    for text in document.printed():
        for match in PLACEHOLDERS.finditer(fold(text.text)):
            yield rule.finding(
                f"{text.column}“{text.text[:40]}”留有模板占位符“{match.group()}”，未填写",
                location=Location(table=text.table, row=text.row, column=text.column),
            )


_BASIC_PROJECT = "基本支出"  # the 支出项目名称 of a duty paid from the basic expenditure


def _department_at(table: DepartmentGoalTable, row: str, column: str | None = None) -> Location:
    return Location(table=table.heading, row=row, column=column)


@rule(
    "PG-DEPT-FUNDS",
    "The year's funds equal basic plus project expenditure",
    Severity.ERROR,
    applies_to=DepartmentGoalTable,
    description="部门整体绩效目标表的年度预算安排：资金总额 = 基本支出 + 项目支出（按舍入模型比较）。",
)
def _department_funds(rule: Rule, table: DepartmentGoalTable) -> Iterator[Finding]:
    if table.total is None:
        return
    result = disagreement((table.total,), [table.basic, table.project])
    if result is not None:
        yield rule.finding(
            f"资金总额 ≠ 基本支出 + 项目支出（{_figures(result)}）",
            location=_department_at(table, "资金总额", "年度预算安排"),
            agreement=result,
        )


@rule(
    "PG-DEPT-DUTIES",
    "The duties' amounts add up to the expenditure they name",
    Severity.ERROR,
    applies_to=DepartmentGoalTable,
    description=(
        "年度履职目标印有“支出项目名称”一栏时，各行预算金额按其支出项目合计：名为“基本支出”的行"
        "合计等于年度预算安排的基本支出，其余各行合计等于项目支出（按舍入模型比较）。"
        "未印该栏的版式（如年度重点工作任务）只列重点任务，不作比较。"
    ),
)
def _department_duties(rule: Rule, table: DepartmentGoalTable) -> Iterator[Finding]:
    duties = [duty for duty in table.duties if duty.project is not None]
    if not duties:
        return
    for label, total, rows in (
        ("基本支出", table.basic, [d for d in duties if d.project == _BASIC_PROJECT]),
        ("项目支出", table.project, [d for d in duties if d.project != _BASIC_PROJECT]),
    ):
        if total is None or not rows:
            continue
        result = disagreement([duty.amount for duty in rows], (total,))
        if result is not None:
            yield rule.finding(
                f"年度履职目标中支出项目为{label}的各行预算金额合计 ≠ 年度预算安排的{label}"
                f"（{_figures(result)}）",
                location=_department_at(table, rows[0].duty, "预算金额"),
                agreement=result,
            )


@rule(
    "PG-WEIGHTS",
    "Indicator weights add up to 100",
    Severity.ERROR,
    applies_to=DepartmentGoalTable,
    description=(
        "印有指标权重（分值）一栏时，每项指标均填列权重，各项权重合计恰为 100"
        "（权重为设定值而非舍入所得，不按舍入模型比较）。"
    ),
)
def _weights(rule: Rule, table: DepartmentGoalTable) -> Iterator[Finding]:
    weights = [row.weight for row in table.indicators]
    if all(weight is None for weight in weights):
        return
    for row in table.indicators:
        if row.weight is None:
            yield rule.finding(
                f"“{row.name}”未填列权重", location=_department_at(table, row.name, "指标权重")
            )
    # Weights are set, not rounded from a figure: they add up exactly, or they do not.
    result = disagreement(weights, (_HUNDRED,), exact=True)
    if result is not None:
        yield rule.finding(
            f"各项指标权重合计 {format_amount(result.actual)}，不等于 100",
            location=_department_at(table, "绩效指标", "指标权重"),
            agreement=result,
        )


GOAL_RULES: tuple[Rule, ...] = (
    _levels,
    _framework,
    _schedule,
    _percentages,
    _targets,
    _basis,
    _funds,
    _cost_total,
    _cost,
    _cost_equals_budget,
    _stale_years,
    _rates,
    _placeholders,
    _department_funds,
    _department_duties,
    _weights,
)
"""The rules on performance goals, ``PG-…``."""
