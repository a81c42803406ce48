"""Rules on the statements of a final-accounts explanation (决算情况说明), each checked against
the others: rates, comparison words, figures stated twice, shares and sums.

The rules on :class:`~govbudget.disclosure.facts.FinalStatedFacts` look at the text
alone, so they fire without any table:

- ``TXT-FINAL-RATE``: a stated 完成率 agrees with 决算数 ÷ 预算数. Every printed figure stands for
  the interval of its precision, the rate "87.10%" for 87.095…87.105 and "57%" for 56.5…57.5;
  the ratio's interval over the two amounts' intervals is :class:`~govbudget.rates.ExecutionRate`
  (four corners, outward rounding), and the rate agrees when the two intervals meet.
- ``TXT-FINAL-ZERO-BUDGET``: a 完成率 stated over a budget that is zero (warning: it means
  nothing).
- ``TXT-FINAL-DIRECTION``: "决算数大于/小于/等于预算数" agrees with the two figures (each an
  interval: "大于" is refuted only when 决算数 cannot exceed 预算数); a word that contradicts
  itself ("大小于") is always reported; "基本持平" allows 1%.
- ``TXT-FINAL-RESTATED``: one 决算数 stated twice with two figures: in one execution statement
  ("…（项）”257.14 万元 … 支出决算为 245.53 万元"), between an execution statement and the
  same figure elsewhere, or a fact stated again further on.
- ``TXT-FINAL-SHARE``: 占 X% agrees with part ÷ whole (the same interval arithmetic); a share
  off by no more than one unit of its last decimal is a warning (shares adjusted so that they
  add up to 100%, or cut instead of rounded), more is an error.
- ``TXT-FINAL-SUM``: parts agree with their totals (人员经费 + 公用经费 = 基本支出, 货物 + 工程 +
  服务 = 政府采购, the "三公" items, 本年收入 and 本年支出 by kind, …) under the rounding model
  (:func:`~govbudget.amounts.agree_sums`); a list that may be partial (其中：…) only may not
  exceed its total; counts (车辆, 评级) are exact.

The changes against last year are :mod:`govbudget.checks.changes`'s (``TXT-FINAL-CHANGE``), the
statements against the tables :mod:`govbudget.checks.text_tables`'s.

>>> from govbudget.checks import check
>>> from govbudget.disclosure.facts import FinalStatedFacts
>>> from govbudget.disclosure.statements import StatedExecution
>>> item = StatedExecution("某（类）某（款）某（项）", budgeted="274.82", actual="245.53",
...                        rate="93.57", rate_basis="年初预算", word="小于")
>>> (finding,) = check(FinalStatedFacts(executions=[item]), select=["TXT-FINAL"])
>>> finding.rule, finding.expected
('TXT-FINAL-RATE', Decimal('89.34'))
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from govbudget.amounts import Interval, agree_sums, decimal_places
from govbudget.checks.registry import Rule, rule
from govbudget.checks.wording import (
    EXACT,
    HUNDRED,
    SHOWN,
    bounds,
    change_bounds,
    in_explanation,
    percent,
    said,
    shown,
    sign,
)
from govbudget.disclosure.facts import FINAL_FACT_LABELS, FinalStatedFacts
from govbudget.disclosure.statements import StatedExecution
from govbudget.findings import Finding, Location, Severity
from govbudget.rates import ExecutionRate
from govbudget.tables import (
    BasicExpenditureFinalTable,
    BlockSpec,
    ExpenditureFinalTable,
    IncomeExpenditureFinalSummary,
    ThreePublicExpensesFinalTable,
)
from govbudget.vocabulary import fact_of

F1, F3 = IncomeExpenditureFinalSummary, ExpenditureFinalTable
F6, F7 = BasicExpenditureFinalTable, ThreePublicExpensesFinalTable

__all__ = ["STATEMENT_RULES"]

_TABLE = "情况说明"


_LOOSE = Interval(Decimal(99), Decimal(101))  # 基本持平: within 1% of the budget


_COMPARED = {1: "大于", -1: "小于", 0: "等于"}


@rule(
    "TXT-FINAL-RATE",
    "A stated execution rate agrees with its figures",
    Severity.ERROR,
    applies_to=FinalStatedFacts,
    description="决算情况说明中“完成（年初）预算的 N%” = 决算数 ÷ 预算数 × 100；百分比与两个金额各按其"
    "印刷精度视为区间（87.10% 为 87.095%～87.105%，57% 为 56.5%～57.5%），区间相交即相符。",
)
def _rate(rule: Rule, facts: FinalStatedFacts) -> Iterator[Finding]:
    for execution in facts.all_executions():
        actual, rate = execution.stated_actual, execution.rate
        budgets = execution.budget_for(execution.rate_basis)
        if rate is None or actual is None or not budgets:
            continue
        rates = [ExecutionRate(budget, actual) for budget in budgets]
        if any(each.zero_budget for each in rates):
            continue  # TXT-FINAL-ZERO-BUDGET
        stated = Interval.of(rate)
        spans = [each.interval for each in rates]
        if any(span is not None and span.meets(stated) for span in spans):
            continue
        budget, first, span = budgets[0], rates[0], spans[0]
        assert span is not None
        message = (
            f"{execution.label}{StatedExecution.basis_name(execution.rate_basis)} {shown(budget)}万元、决算 "
            f"{shown(actual)}万元，完成率应为 {percent(first.point or Decimal(0))}"
            f"（{bounds(span, rate)}），原文为 {percent(rate)}"
        )
        amount = execution.amount
        if amount is not None and execution.actual is not None and amount != execution.actual:
            other = ExecutionRate(budget, amount).interval
            if other is not None and other.meets(stated):
                message += f"；按前文所述决算数 {shown(amount)}万元计算则相符"
        yield rule.finding(
            message + said(execution.quote),
            location=in_explanation(execution.label, execution.line),
            expected=first.point,
            actual=rate,
        )


@rule(
    "TXT-FINAL-BUDGET-CHANGE",
    "A stated change against the budget agrees with its figures",
    Severity.ERROR,
    applies_to=FinalStatedFacts,
    description="决算情况说明中“较（年初）预算数增减 X 万元，增减 Y%”：预算数印出时 X = 决算数 − 预算数；"
    "Y = X ÷（决算数 − X）× 100，即增减额占预算数的百分比。各数按其印刷精度视为区间，区间相交即相符。",
)
def _against_budget(rule: Rule, facts: FinalStatedFacts) -> Iterator[Finding]:
    for execution in facts.all_executions():
        difference, actual = execution.difference, execution.stated_actual
        if difference is None or actual is None:
            continue
        basis = StatedExecution.basis_name(execution.difference_basis)
        where = in_explanation(execution.label, execution.line)
        stated = f"较{basis}增减 {shown(difference)}万元"
        budgets = execution.budget_for(execution.difference_basis)
        if budgets and not (Interval.of(actual) - Interval.of(budgets[0])).meets(
            Interval.of(difference)
        ):
            gap = EXACT.subtract(actual, budgets[0])
            yield rule.finding(
                f"{execution.label}{basis} {shown(budgets[0])}万元、决算 {shown(actual)}万元，相差 "
                f"{shown(gap)}万元，原文{stated}" + said(execution.quote),
                location=where,
                expected=gap,
                actual=difference,
            )
        rate = execution.difference_rate
        base = EXACT.subtract(actual, difference)
        # A budget that rounding lets be zero or less refutes no percentage.
        if rate is None or base <= EXACT.add(
            Interval.of(actual).half_width, Interval.of(difference).half_width
        ):
            continue
        span = change_bounds(difference, actual)
        if span.meets(Interval.of(rate)):
            continue
        expected = SHOWN.quantize(
            SHOWN.divide(EXACT.multiply(difference, HUNDRED), base), Decimal("0.01")
        )
        yield rule.finding(
            f"{execution.label}决算 {shown(actual)}万元，{stated}，按{basis} {shown(base)}万元推算"
            f"应为 {percent(expected)}（{bounds(span, rate)}），原文为 {percent(rate)}"
            + said(execution.quote),
            location=where,
            expected=expected,
            actual=rate,
        )


@rule(
    "TXT-FINAL-ZERO-BUDGET",
    "No execution rate is stated over a zero budget",
    Severity.WARNING,
    applies_to=FinalStatedFacts,
    description="预算数为零（或空）时完成率无从计算，决算情况说明不应表述“完成预算的 N%”。",
)
def _zero_budget(rule: Rule, facts: FinalStatedFacts) -> Iterator[Finding]:
    for execution in facts.all_executions():
        budgets = execution.budget_for(execution.rate_basis)
        if execution.rate is None or not budgets:
            continue
        if all(ExecutionRate(budget, execution.stated_actual).zero_budget for budget in budgets):
            yield rule.finding(
                f"{execution.label}{StatedExecution.basis_name(execution.rate_basis)}为 {shown(budgets[0])}万元，"
                f"完成率无从计算，原文却称完成预算的 {percent(execution.rate)}"
                + said(execution.quote),
                location=in_explanation(execution.label, execution.line),
                actual=execution.rate,
            )


def _refutes(stated: int, actual: Interval, budget: Interval) -> bool:
    """Whether the figures rule out the comparison ``stated`` (its sign) of 决算数 with 预算数."""
    if stated > 0:
        return actual.high <= budget.low
    if stated < 0:
        return actual.low >= budget.high
    return not actual.meets(budget)


def _loosely_equal(actual: Decimal, budget: Decimal) -> bool:
    rate = ExecutionRate(budget, actual)
    span = rate.interval
    if span is None:  # a zero budget: only a zero actual is about level with it
        return Interval.of(actual).meets(Interval.of(budget))
    return span.meets(_LOOSE)


@rule(
    "TXT-FINAL-DIRECTION",
    "The comparison of actual with budget agrees with the figures",
    Severity.ERROR,
    applies_to=FinalStatedFacts,
    description="决算情况说明中“决算数大于/小于/等于预算数”与所述决算数、预算数一致（各按印刷精度视为"
    "区间，只有区间排除该关系时才报告）；用语不自相矛盾（如“大小于”）；“基本持平”允许相差 1%。",
)
def _direction(rule: Rule, facts: FinalStatedFacts) -> Iterator[Finding]:
    for execution in facts.all_executions():
        if not execution.word:
            continue
        quoted = said(execution.quote)
        where = in_explanation(execution.label, execution.line)
        actual = execution.stated_actual
        budgets = execution.budget_for(execution.word_basis)
        signs = execution.signs
        truth = ""
        if actual is not None and budgets:
            truth = (
                f"，决算 {shown(actual)}万元{_COMPARED[sign(actual - budgets[0])]}"
                f"{StatedExecution.basis_name(execution.word_basis)} {shown(budgets[0])}万元"
            )
        if len(signs) > 1:
            yield rule.finding(
                f"{execution.label}表述为“决算数{execution.word}预算数”，用语自相矛盾{truth}{quoted}",
                location=where,
            )
            continue
        if actual is None or not budgets or not signs:
            continue
        (stated,) = signs
        if execution.loose and stated == 0:
            wrong = not any(_loosely_equal(actual, budget) for budget in budgets)
        else:
            wrong = all(
                _refutes(stated, Interval.of(actual), Interval.of(budget)) for budget in budgets
            )
        if wrong:
            yield rule.finding(
                f"{execution.label}表述为“决算数{execution.word}预算数”{truth}{quoted}",
                location=where,
                expected=budgets[0],
                actual=actual,
            )


def _differ(first: Decimal, second: Decimal) -> bool:
    return not Interval.of(first).meets(Interval.of(second))


@rule(
    "TXT-FINAL-RESTATED",
    "One actual figure is stated once",
    Severity.ERROR,
    applies_to=FinalStatedFacts,
    description="同一事项的决算数只有一个：同一说明中科目名称后的金额与“支出决算为”的金额一致，执行情况中"
    "的决算数与他处所述一致，同一金额前后所述一致（按印刷精度视为区间）。",
)
def _restated(rule: Rule, facts: FinalStatedFacts) -> Iterator[Finding]:
    for execution in facts.all_executions():
        amount, actual = execution.amount, execution.actual
        where = in_explanation(execution.label, execution.line)
        if amount is not None and actual is not None and _differ(amount, actual):
            yield rule.finding(
                f"{execution.label}前称 {shown(amount)}万元，后称支出决算为 {shown(actual)}万元"
                + said(execution.quote),
                location=where,
                expected=amount,
                actual=actual,
            )
        elsewhere = None if execution.key is None else getattr(facts, execution.key, None)
        stated = execution.stated_actual
        if isinstance(elsewhere, Decimal) and stated is not None and _differ(elsewhere, stated):
            yield rule.finding(
                f"{execution.label}的决算数，执行情况称 {shown(stated)}万元，他处称 "
                f"{shown(elsewhere)}万元{said(execution.quote)}"
                f"{said(facts.quote(execution.key or ''))}",
                location=where,
                expected=elsewhere,
                actual=stated,
            )
    for again in facts.restatements:
        label = FINAL_FACT_LABELS.get(again.name, again.name)
        first = getattr(facts, again.name, None)
        yield rule.finding(
            f"{label}前文为 {shown(first)}万元，此处为 {shown(again.value)}万元"
            + said(again.quote),
            location=in_explanation(label),
            expected=first if isinstance(first, Decimal) else None,
            actual=again.value,
        )


def _share_finding(
    rule: Rule,
    label: str,
    part: Decimal,
    whole: Decimal,
    stated_percent: Decimal,
    where: Location,
    quote: str | None,
    whole_label: str,
) -> Finding | None:
    rate = ExecutionRate(whole, part)
    span = rate.interval
    if span is None:
        return None
    stated = Interval.of(stated_percent)
    if span.meets(stated):
        return None
    unit = Decimal(1).scaleb(-(decimal_places(stated_percent) or 0))
    near = Interval(EXACT.subtract(stated.low, unit), EXACT.add(stated.high, unit))
    severity = Severity.WARNING if span.meets(near) else Severity.ERROR
    note = (
        "；相差在末位一个单位以内，可能为使各项占比合计为 100% 而调整或截断"
        if severity is Severity.WARNING
        else ""
    )
    return rule.finding(
        f"{label} {shown(part)}万元占{whole_label} {shown(whole)}万元应为 "
        f"{percent(rate.point or Decimal(0))}（{bounds(span, stated_percent)}），原文为 {percent(stated_percent)}{note}"
        + said(quote),
        location=where,
        expected=rate.point,
        actual=stated_percent,
        severity=severity,
    )


@rule(
    "TXT-FINAL-SHARE",
    "A stated share agrees with its part and its whole",
    Severity.ERROR,
    applies_to=FinalStatedFacts,
    description="决算情况说明中“占 X%” = 该项 ÷ 所属总额 × 100，各数按印刷精度视为区间；相差不超过末位一个"
    "单位时为警告（可能为凑足 100% 而调整），超过时为错误。",
)
def _share(rule: Rule, facts: FinalStatedFacts) -> Iterator[Finding]:
    for share in facts.shares:
        part, whole = facts.figure(share.part), facts.figure(share.whole)
        if part is None or whole is None:
            continue
        label = FINAL_FACT_LABELS.get(share.part, share.part)
        found = _share_finding(
            rule,
            label,
            part,
            whole,
            share.percent,
            in_explanation(label),
            share.quote,
            FINAL_FACT_LABELS.get(share.whole, share.whole),
        )
        if found is not None:
            yield found
    whole = facts.figure("general_public_expenditure")
    for each in facts.general_public_classes:
        if each.share is None or whole is None:
            continue
        found = _share_finding(
            rule,
            each.name,
            each.amount,
            whole,
            each.share,
            in_explanation(each.name, each.line),
            each.quote,
            FINAL_FACT_LABELS["general_public_expenditure"],
        )
        if found is not None:
            yield found


def _stated(block: BlockSpec, keys: Iterable[str]) -> tuple[str, ...]:
    """The stated facts of final accounts that the rows or columns ``keys`` of a block print."""
    concepts = {row.key: row.concept or row.key for row in block.rows}
    concepts.update((column.key, column.concept or column.key) for column in block.columns)
    return tuple(fact_of("final", concepts[key]) for key in keys)


_F1_INCOME, _F1_SPENT = F1.SPEC.block("income"), F1.SPEC.block("expenditure")
_F3, _F6, _F7 = F3.SPEC.block("rows"), F6.SPEC.block("rows"), F7.SPEC.block("rows")

# (total, parts, complete): a complete list must add up to its total when every part is stated;
# a list that may leave parts out (其中：…) only may not exceed it. The complete ones are the
# tables' formulas, between the facts that print their cells.
_SUMS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("general_public_basic", _stated(_F6, _F6.column_parts("total")), True),
    ("procurement_total", ("procurement_goods", "procurement_works", "procurement_services"), True),
    ("three_public_total", _stated(_F7, _F7.row_parts("total")), True),
    ("vehicles", _stated(_F7, _F7.row_parts("vehicles")), True),
    ("income_total", _stated(_F1_INCOME, _F1_INCOME.row_parts("income_total")), True),
    ("expenditure_total", _stated(_F3, _F3.column_parts("total")), True),
    ("income_expenditure_total", _stated(_F1_INCOME, _F1_INCOME.row_parts("grand_total")), True),
    ("income_expenditure_total", _stated(_F1_SPENT, _F1_SPENT.row_parts("grand_total")), True),
    ("fiscal_total", ("fiscal_appropriation",), False),
    ("expenditure_total", ("general_public_expenditure",), False),
    ("procurement_total", ("procurement_sme",), False),
    ("procurement_sme", ("procurement_small_micro",), False),
    ("procurement_sme_reserved", ("procurement_small_micro_reserved",), False),
    (
        "procurement_total",
        ("procurement_sme_reserved_awarded", "procurement_other_sme_awarded"),
        False,
    ),
)


def _sum_finding(
    rule: Rule,
    total_label: str,
    total: Decimal,
    parts: list[tuple[str, Decimal]],
    equal: bool,
    line: int | None = None,
    quote: str | None = None,
) -> Finding | None:
    result = agree_sums([total], [value for _, value in parts])
    if equal and result.ok:
        return None
    if not equal and result.difference >= -result.tolerance:
        return None
    listed = " + ".join(f"{label} {shown(value)}" for label, value in parts)
    relation = "应等于" if equal else "不应超过"
    return rule.finding(
        f"{listed} = {shown(result.expected)}万元，{relation}{total_label} {shown(total)}万元，"
        f"差额 {shown(result.difference)}（舍入容差 {shown(result.tolerance)}）{said(quote)}",
        location=in_explanation(total_label, line),
        agreement=result,
    )


def _count_finding(
    rule: Rule,
    total_label: str,
    total: int,
    parts: list[tuple[str, int]],
    equal: bool,
    line: int | None = None,
) -> Finding | None:
    counted = sum(count for _, count in parts)
    if counted == total or (not equal and counted < total):
        return None
    listed = " + ".join(f"{label} {count}" for label, count in parts)
    relation = "应等于" if equal else "不应超过"
    return rule.finding(
        f"{listed} = {counted}，{relation}{total_label} {total}",
        location=in_explanation(total_label, line),
        expected=Decimal(counted),
        actual=Decimal(total),
    )


def _items_within(rule: Rule, facts: FinalStatedFacts) -> Iterator[Finding]:
    """The items (项) of the execution statements, each once, within the whole's 决算数 and
    预算数: a text may leave items out, never count more."""
    whole = facts.general_public_execution
    if whole is None:
        return
    items = {each.path: each for each in facts.executions if len(each.path) == 3}
    label = FINAL_FACT_LABELS["general_public_expenditure"]
    for total, what, parts in (
        (whole.stated_actual, "决算数", [(e.path[-1], e.stated_actual) for e in items.values()]),
        (whole.budgeted, "年初预算数", [(e.path[-1], e.budgeted) for e in items.values()]),
    ):
        stated = [(name, value) for name, value in parts if value is not None]
        if total is None or not stated:
            continue
        found = _sum_finding(rule, f"{label}{what}", total, stated, False, whole.line)
        if found is not None:
            yield found


@rule(
    "TXT-FINAL-SUM",
    "Stated parts agree with their totals",
    Severity.ERROR,
    applies_to=FinalStatedFacts,
    description="决算情况说明中各项与其合计一致（按舍入模型）：人员经费 + 公用经费 = 一般公共预算财政拨款基本支出，"
    "货物 + 工程 + 服务 = 政府采购支出，“三公”各项 = 合计，本年收入、本年支出及收支总计的各项全部列出时 = 合计"
    "（只列部分时不超过合计），财政拨款收入不超过财政拨款收入支出总计，授予中小（小微）企业金额不超过"
    "其总额，各类支出不超过一般公共预算财政拨款支出；车辆、绩效评级的个数相加一致。",
)
def _sums(rule: Rule, facts: FinalStatedFacts) -> Iterator[Finding]:
    for total_name, names, complete in _SUMS:
        total = facts.figure(total_name)
        parts = [(n, facts.figure(n)) for n in names]
        stated = [(FINAL_FACT_LABELS[n], value) for n, value in parts if value is not None]
        if total is None or not stated:
            continue
        equal = complete and len(stated) == len(parts)
        found = _sum_finding(
            rule,
            FINAL_FACT_LABELS[total_name],
            total,
            stated,
            equal,
            quote=facts.quote(total_name),
        )
        if found is not None:
            yield found
    whole = facts.figure("general_public_expenditure")
    if whole is not None and facts.general_public_classes:
        classes = [(each.name, each.amount) for each in facts.general_public_classes]
        found = _sum_finding(
            rule,
            "一般公共预算财政拨款支出",
            whole,
            classes,
            False,
            facts.general_public_classes[0].line,
        )
        if found is not None:
            yield found
    yield from _items_within(rule, facts)
    if facts.vehicles_total is not None and facts.vehicle_kinds:
        equal = any("其他" in kind for kind, _ in facts.vehicle_kinds)
        found = _count_finding(
            rule,
            FINAL_FACT_LABELS["vehicles_total"],
            facts.vehicles_total,
            list(facts.vehicle_kinds),
            equal,
        )
        if found is not None:
            yield found
    for evaluation in facts.evaluations:
        if evaluation.projects is None or not evaluation.ratings:
            continue
        equal = any(grade == "不合格" for grade, _ in evaluation.ratings)
        found = _count_finding(
            rule,
            f"{evaluation.stage}项目数",
            evaluation.projects,
            [(f"评级为“{grade}”", count) for grade, count in evaluation.ratings],
            equal,
            evaluation.line,
        )
        if found is not None:
            yield found


STATEMENT_RULES: tuple[Rule, ...] = (
    _rate,
    _against_budget,
    _zero_budget,
    _direction,
    _restated,
    _share,
    _sums,
)
"""``TXT-FINAL-RATE``, ``-ZERO-BUDGET``, ``-DIRECTION``, ``-RESTATED``, ``-SHARE``, ``-SUM``."""
