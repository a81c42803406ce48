"""Rules on what a final-accounts explanation (决算情况说明) states.

The rules on :class:`~govbudget.disclosure.final_facts.FinalStatedFacts` look at the text
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
- ``TXT-FINAL-CHANGE``: a change against last year agrees with its percentage and its word
  (as TXT-PERCENT and TXT-DIRECTION for a budget, and "减增加" is a word at odds with itself).

>>> from govbudget.checks import check
>>> from govbudget.disclosure.final_facts import FinalStatedFacts, StatedExecution
>>> item = StatedExecution("某（类）某（款）某（项）", budgeted="274.82", actual="245.53",
...                        rate="93.57", rate_basis="年初预算", word="小于")
>>> (finding,) = check(FinalStatedFacts(executions=[item]), select=["TXT-FINAL"])
>>> finding.rule, finding.expected
('TXT-FINAL-RATE', Decimal('89.34'))

The text–table rules ``TXT-FINAL-TABLE`` (stated figures against the tables) and
``TXT-FINAL-TABLE-RATE`` (a rate whose budget the text leaves out, against the table's budget)
apply to :class:`FinalTextTables`: the facts beside a :class:`FinalFigures`, anything that
answers two questions — the :class:`TableFigures` of a functional item (by its names by level,
or its code) and of a named fact. :class:`FigureLookup` answers them from rows.

How they reach a final-accounts disclosure: ``DepartmentFinalAccounts`` yields, among its
parts, ``FinalTextTables(accounts.facts, text_figures(accounts))``
(:func:`govbudget.disclosure.text_figures.text_figures`): a :class:`FigureLookup` built from its tables —
one :class:`TableFigures` per row of the 一般公共预算财政拨款支出决算表 (``row`` its code,
``name`` its 科目名称, ``actual`` its 合计 决算数, ``budgeted`` / ``adjusted`` where the table
prints 年初预算数 / 调整预算数, and ``columns`` naming the columns printed), and one per fact in
``facts`` (``"income_total"`` → 收入支出决算总表 本年收入合计, ``"fiscal_total"`` →
财政拨款收入支出决算总表 总计, ``"personnel"`` → 基本支出决算表 人员经费合计, the "三公" names →
the "三公" table's 预算数 and 决算数, …), in 万元. ``check(accounts)`` runs these rules beside
the facts-only ones.

>>> from govbudget.disclosure.text_figures import FigureLookup, TableFigures
>>> figures = FigureLookup(
...     rows=[TableFigures("一般公共预算财政拨款支出决算表", "2080506",
...                        name="机关事业单位职业年金缴费支出", actual="257.14")])
>>> item = StatedExecution(
...     "社会保障和就业支出（类）行政事业单位离退休（款）机关事业单位职业年金缴费支出（项）",
...     path=("社会保障和就业支出", "行政事业单位离退休", "机关事业单位职业年金缴费支出"),
...     actual="245.53")
>>> pair = FinalTextTables(FinalStatedFacts(executions=[item]), figures)
>>> [(f.rule, f.expected, f.actual) for f in check(pair, select=["TXT-FINAL-TABLE"])]
[('TXT-FINAL-TABLE', Decimal('257.14'), Decimal('245.53'))]
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal, Inexact

from govbudget.amounts import (
    Figure,
    Interval,
    agree_sums,
    decimal_places,
    format_amount,
    half_width,
)
from govbudget.checks.registry import Rule, rule
from govbudget.disclosure.final_facts import (
    FINAL_AMOUNT_FACTS,
    FINAL_CHANGE_FACTS,
    FINAL_CHANGE_OF,
    FINAL_FACT_LABELS,
    FinalStatedFacts,
    StatedExecution,
    direction_signs,
)
from govbudget.disclosure.text_figures import FinalFigures, FinalTextTables, TableFigures
from govbudget.findings import Finding, Location, Severity
from govbudget.rates import ExecutionRate

__all__ = ["EXPLANATION_RULES"]

_TABLE = "情况说明"
_HUNDRED = Decimal(100)
_EXACT = Context(prec=80, traps=[Inexact])
_DOWN = Context(prec=28, rounding=ROUND_FLOOR)
_UP = Context(prec=28, rounding=ROUND_CEILING)
_CENT = Decimal("0.01")
_LOOSE = Interval(Decimal(99), Decimal(101))  # 基本持平: within 1% of the budget


# -- helpers ---------------------------------------------------------------------------------------


def _money(value: Figure) -> str:
    """A figure for a message: at most two decimals (元 converted to 万元 carries more)."""
    places = decimal_places(value)
    return format_amount(value, places=2 if places is not None and places > 2 else None)


def _pct(value: Decimal) -> str:
    return f"{format_amount(value)}%"


def _said(quote: str | None) -> str:
    return f"（原文：“{quote}”）" if quote else ""


def _where(row: str, line: int | None = None, column: str | None = None) -> Location:
    return Location(table=_TABLE, row=row, column=column, line=line)


def _range(rate: ExecutionRate) -> Interval | None:
    low, high = rate.low, rate.high
    return None if low is None or high is None else Interval(low, high)


def _bounds(span: Interval, stated: Decimal | None = None) -> str:
    """The range of a percentage, rounded outwards to two decimals, or to as many more as it
    takes for the range shown to leave out the stated percentage it refutes."""
    places = 2
    while True:
        unit = Decimal(1).scaleb(-places)
        low = span.low.quantize(unit, rounding=ROUND_FLOOR)
        high = span.high.quantize(unit, rounding=ROUND_CEILING)
        shown = Interval(low, high)
        if stated is None or places >= 6 or not shown.meets(Interval.of(stated)):
            return f"{_pct(low)}～{_pct(high)}"
        places += 1


def _executions(facts: FinalStatedFacts) -> Iterator[StatedExecution]:
    if facts.general_public_execution is not None:
        yield facts.general_public_execution
    yield from facts.executions
    yield from facts.three_public_executions


def _basis(basis: str | None) -> str:
    if basis is not None and "调整" in basis:
        return "调整预算"
    if basis is not None and "年初" in basis:
        return "年初预算"
    return "预算"


def _sign(value: Decimal) -> int:
    return (value > 0) - (value < 0)


_COMPARED = {1: "大于", -1: "小于", 0: "等于"}


# -- TXT-FINAL-RATE and TXT-FINAL-ZERO-BUDGET ----------------------------------------------------


@rule(
    "TXT-FINAL-RATE",
    "A stated execution rate agrees with its figures",
    Severity.ERROR,
    applies_to=FinalStatedFacts,
    description="决算情况说明中“完成（年初）预算的 N%” = 决算数 ÷ 预算数 × 100；百分比与两个金额各按其"
    "印刷精度视为区间（87.10% 为 87.095%～87.105%，57% 为 56.5%～57.5%），区间相交即相符。",
)
def _rate(rule: Rule, facts: FinalStatedFacts) -> Iterator[Finding]:
    for execution in _executions(facts):
        actual, rate = execution.stated_actual, execution.rate
        budgets = execution.budget_for(execution.rate_basis)
        if rate is None or actual is None or not budgets:
            continue
        rates = [ExecutionRate(budget, actual) for budget in budgets]
        if any(each.zero_budget for each in rates):
            continue  # TXT-FINAL-ZERO-BUDGET
        stated = Interval.of(rate)
        spans = [_range(each) for each in rates]
        if any(span is not None and span.meets(stated) for span in spans):
            continue
        budget, first, span = budgets[0], rates[0], spans[0]
        assert span is not None
        message = (
            f"{execution.label}{_basis(execution.rate_basis)} {_money(budget)}万元、决算 "
            f"{_money(actual)}万元，完成率应为 {_pct(first.point or Decimal(0))}"
            f"（{_bounds(span, rate)}），原文为 {_pct(rate)}"
        )
        amount = execution.amount
        if amount is not None and execution.actual is not None and amount != execution.actual:
            other = _range(ExecutionRate(budget, amount))
            if other is not None and other.meets(stated):
                message += f"；按前文所述决算数 {_money(amount)}万元计算则相符"
        yield rule.finding(
            message + _said(execution.quote),
            location=_where(execution.label, execution.line),
            expected=first.point,
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
    for execution in _executions(facts):
        budgets = execution.budget_for(execution.rate_basis)
        if execution.rate is None or not budgets:
            continue
        if all(ExecutionRate(budget, execution.stated_actual).zero_budget for budget in budgets):
            yield rule.finding(
                f"{execution.label}{_basis(execution.rate_basis)}为 {_money(budgets[0])}万元，"
                f"完成率无从计算，原文却称完成预算的 {_pct(execution.rate)}"
                + _said(execution.quote),
                location=_where(execution.label, execution.line),
                actual=execution.rate,
            )


# -- TXT-FINAL-DIRECTION -------------------------------------------------------------------------


def _refutes(sign: int, actual: Interval, budget: Interval) -> bool:
    """Whether the figures rule out the comparison ``sign`` of 决算数 with 预算数."""
    if sign > 0:
        return actual.high <= budget.low
    if sign < 0:
        return actual.low >= budget.high
    return not actual.meets(budget)


def _loosely_equal(actual: Decimal, budget: Decimal) -> bool:
    rate = ExecutionRate(budget, actual)
    span = _range(rate)
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
    for execution in _executions(facts):
        if not execution.word:
            continue
        said = _said(execution.quote)
        where = _where(execution.label, execution.line)
        actual = execution.stated_actual
        budgets = execution.budget_for(execution.word_basis)
        signs = execution.signs
        truth = ""
        if actual is not None and budgets:
            truth = (
                f"，决算 {_money(actual)}万元{_COMPARED[_sign(actual - budgets[0])]}"
                f"{_basis(execution.word_basis)} {_money(budgets[0])}万元"
            )
        if len(signs) > 1:
            yield rule.finding(
                f"{execution.label}表述为“决算数{execution.word}预算数”，用语自相矛盾{truth}{said}",
                location=where,
            )
            continue
        if actual is None or not budgets or not signs:
            continue
        (sign,) = signs
        if execution.loose and sign == 0:
            wrong = not any(_loosely_equal(actual, budget) for budget in budgets)
        else:
            wrong = all(
                _refutes(sign, Interval.of(actual), Interval.of(budget)) for budget in budgets
            )
        if wrong:
            yield rule.finding(
                f"{execution.label}表述为“决算数{execution.word}预算数”{truth}{said}",
                location=where,
                expected=budgets[0],
                actual=actual,
            )


# -- TXT-FINAL-RESTATED --------------------------------------------------------------------------


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
    for execution in _executions(facts):
        amount, actual = execution.amount, execution.actual
        where = _where(execution.label, execution.line)
        if amount is not None and actual is not None and _differ(amount, actual):
            yield rule.finding(
                f"{execution.label}前称 {_money(amount)}万元，后称支出决算为 {_money(actual)}万元"
                + _said(execution.quote),
                location=where,
                expected=amount,
                actual=actual,
            )
        elsewhere = None if execution.key is None else getattr(facts, execution.key, None)
        stated = execution.stated_actual
        if isinstance(elsewhere, Decimal) and stated is not None and _differ(elsewhere, stated):
            yield rule.finding(
                f"{execution.label}的决算数，执行情况称 {_money(stated)}万元，他处称 "
                f"{_money(elsewhere)}万元{_said(execution.quote)}"
                f"{_said(facts.quote(execution.key or ''))}",
                location=where,
                expected=elsewhere,
                actual=stated,
            )
    for again in facts.restatements:
        label = FINAL_FACT_LABELS.get(again.name, again.name)
        first = getattr(facts, again.name, None)
        yield rule.finding(
            f"{label}前文为 {_money(first)}万元，此处为 {_money(again.value)}万元"
            + _said(again.quote),
            location=_where(label),
            expected=first if isinstance(first, Decimal) else None,
            actual=again.value,
        )


# -- TXT-FINAL-SHARE -----------------------------------------------------------------------------


def _share_finding(
    rule: Rule,
    label: str,
    part: Decimal,
    whole: Decimal,
    percent: Decimal,
    where: Location,
    quote: str | None,
    whole_label: str,
) -> Finding | None:
    rate = ExecutionRate(whole, part)
    span = _range(rate)
    if span is None:
        return None
    stated = Interval.of(percent)
    if span.meets(stated):
        return None
    unit = Decimal(1).scaleb(-(decimal_places(percent) or 0))
    near = Interval(_EXACT.subtract(stated.low, unit), _EXACT.add(stated.high, unit))
    severity = Severity.WARNING if span.meets(near) else Severity.ERROR
    note = (
        "；相差在末位一个单位以内，可能为使各项占比合计为 100% 而调整或截断"
        if severity is Severity.WARNING
        else ""
    )
    return rule.finding(
        f"{label} {_money(part)}万元占{whole_label} {_money(whole)}万元应为 "
        f"{_pct(rate.point or Decimal(0))}（{_bounds(span, percent)}），原文为 {_pct(percent)}{note}"
        + _said(quote),
        location=where,
        expected=rate.point,
        actual=percent,
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
            _where(label),
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
            _where(each.name, each.line),
            each.quote,
            FINAL_FACT_LABELS["general_public_expenditure"],
        )
        if found is not None:
            yield found


# -- TXT-FINAL-SUM -------------------------------------------------------------------------------

# (total, parts, complete): a complete list must add up to its total when every part is stated;
# a list that may leave parts out (其中：…) only may not exceed it.
_SUMS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("general_public_basic", ("personnel", "public"), True),
    ("procurement_total", ("procurement_goods", "procurement_works", "procurement_services"), True),
    ("three_public_total", ("travel_abroad", "vehicles", "reception"), True),
    ("vehicles", ("vehicle_purchase", "vehicle_operation"), True),
    (
        "income_total",
        (
            "fiscal_appropriation",
            "subsidy_from_superior",
            "service_income",
            "operating_income",
            "remittance_from_subordinates",
            "other_income",
        ),
        True,
    ),
    (
        "expenditure_total",
        (
            "basic",
            "project",
            "remittance_to_superior",
            "operating_expenditure",
            "subsidy_to_subordinates",
        ),
        True,
    ),
    ("income_expenditure_total", ("income_total", "non_fiscal_balance_used", "carry_over"), True),
    (
        "income_expenditure_total",
        ("expenditure_total", "balance_distribution", "carry_forward"),
        True,
    ),
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
    listed = " + ".join(f"{label} {_money(value)}" for label, value in parts)
    relation = "应等于" if equal else "不应超过"
    return rule.finding(
        f"{listed} = {_money(result.expected)}万元，{relation}{total_label} {_money(total)}万元，"
        f"差额 {_money(result.difference)}（舍入容差 {_money(result.tolerance)}）{_said(quote)}",
        location=_where(total_label, line),
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
        location=_where(total_label, line),
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


# -- TXT-FINAL-CHANGE ----------------------------------------------------------------------------


def _change_bounds(amount: Decimal, current: Decimal) -> Interval:
    """The least and greatest ``amount / (current − amount) × 100`` over the box of the two
    figures' intervals (the base positive throughout): the ratio is monotonic in each, so the
    corners bound it; rounded outwards."""
    change, now = Interval.of(amount), Interval.of(current)
    corners = [
        (_EXACT.multiply(a, _HUNDRED), _EXACT.subtract(c, a))
        for a in (change.low, change.high)
        for c in (now.low, now.high)
    ]
    return Interval(
        min(_DOWN.divide(top, base) for top, base in corners),
        max(_UP.divide(top, base) for top, base in corners),
    )


@rule(
    "TXT-FINAL-CHANGE",
    "A stated change against last year agrees with its percentage and its word",
    Severity.ERROR,
    applies_to=FinalStatedFacts,
    description="决算情况说明中比上年增减的百分比 = 增减额 ÷（本年数 − 增减额）× 100（各按印刷精度视为区间）；"
    "增减用语与符号一致，不自相矛盾（如“减增加”），增减额与百分比同号。",
)
def _change(rule: Rule, facts: FinalStatedFacts) -> Iterator[Finding]:
    for name in FINAL_CHANGE_FACTS:
        change = getattr(facts, name)
        if change is None:
            continue
        label, amount = FINAL_FACT_LABELS[name], change.amount
        said, where = _said(facts.quote(name)), _where(label)
        signs = direction_signs(change.word)
        wording = None
        if len(signs) > 1:
            wording = f"表述为“{change.word}”，用语自相矛盾"
        elif signs == {0} and amount != 0:
            wording = f"表述为“{change.word}”，金额却为 {_money(amount)}万元"
        elif signs and _sign(amount) not in (0, *signs):
            wording = f"表述为“{change.word}”，金额却为 {_money(amount)}万元，方向相反"
        elif change.percent is not None and _sign(amount) * _sign(change.percent) < 0:
            wording = f"增减额 {_money(amount)}万元与百分比 {_pct(change.percent)}方向相反"
        if wording is not None:
            yield rule.finding(f"{label}{wording}{said}", location=where)
            continue
        current = facts.figure(FINAL_CHANGE_OF[name])
        if change.percent is None or current is None:
            continue
        base = _EXACT.subtract(current, amount)
        if base <= 0:
            yield rule.finding(
                f"{label} {_money(amount)}万元，而本年为 {_money(current)}万元：上年基数为 "
                f"{_money(base)}万元（零或负数），不能表述为增减 {_pct(change.percent)}{said}",
                location=where,
                actual=change.percent,
            )
            continue
        if base <= _EXACT.add(half_width(current), half_width(amount)):
            continue  # last year's figure may be zero by rounding: nothing can be refuted
        span = _change_bounds(amount, current)
        if span.meets(Interval.of(change.percent)):
            continue
        expected = _DOWN.divide(_EXACT.multiply(amount, _HUNDRED), base)
        yield rule.finding(
            f"{label} {_money(amount)}万元、{_pct(change.percent)}，按本年 {_money(current)}万元"
            f"推算（上年 {_money(base)}万元）应为 {_bounds(span, change.percent)}{said}",
            location=where,
            expected=expected.quantize(_CENT),
            actual=change.percent,
        )


# -- text and tables ---------------------------------------------------------------------------


def _compare(
    rule: Rule,
    label: str,
    what: str,
    stated: Decimal,
    row: TableFigures,
    column: str,
    line: int | None,
    quote: str | None,
) -> Finding | None:
    if not row.prints(column):
        return None
    result = agree_sums([stated], [row.value(column)])
    if result.ok:
        return None
    return rule.finding(
        f"情况说明称{label}{what} {_money(stated)}万元，{row.table} {row.row} 为 "
        f"{_money(result.expected)}万元，差额 {_money(result.difference)}"
        f"（舍入容差 {_money(result.tolerance)}）{_said(quote)}",
        location=_where(label, line, row.table),
        agreement=result,
    )


def _row_of(figures: FinalFigures, execution: StatedExecution) -> TableFigures | None:
    if execution.key is not None:
        return figures.fact(execution.key)
    return figures.item(execution.path, execution.code)


@rule(
    "TXT-FINAL-TABLE",
    "Stated final-accounts figures equal the tables",
    Severity.ERROR,
    applies_to=FinalTextTables,
    description="决算情况说明所述金额与决算表一致：各科目的决算数（及表中列示的年初预算数、调整预算数）= "
    "一般公共预算财政拨款支出决算表，“三公”经费预算数、决算数 = “三公”经费支出决算表，收支总计、本年收入、"
    "本年支出、人员经费、公用经费等 = 相应决算表（按舍入模型）。",
)
def _table(rule: Rule, pair: FinalTextTables) -> Iterator[Finding]:
    facts, figures = pair.facts, pair.figures
    seen: set[tuple[str, str, Decimal]] = set()
    for name in FINAL_AMOUNT_FACTS:
        stated = getattr(facts, name)
        row = None if stated is None else figures.fact(name)
        if stated is None or row is None:
            continue
        label = FINAL_FACT_LABELS[name]
        seen.add((label, "actual", stated))
        found = _compare(rule, label, "", stated, row, "actual", None, facts.quote(name))
        if found is not None:
            yield found
    for each in facts.general_public_classes:
        row = figures.item((each.name,), each.code)
        if row is not None:
            found = _compare(rule, each.name, "", each.amount, row, "actual", each.line, each.quote)
            if found is not None:
                yield found
    for execution in _executions(facts):
        row = _row_of(figures, execution)
        if row is None:
            continue
        for what, stated, column in (
            ("", execution.amount, "actual"),
            ("支出决算", execution.actual, "actual"),
            ("年初预算", execution.budgeted, "budgeted"),
            ("调整预算", execution.adjusted, "adjusted"),
        ):
            if stated is None or (execution.label, column, stated) in seen:
                continue
            seen.add((execution.label, column, stated))
            found = _compare(
                rule, execution.label, what, stated, row, column, execution.line, execution.quote
            )
            if found is not None:
                yield found


@rule(
    "TXT-FINAL-TABLE-RATE",
    "A stated execution rate agrees with the tables' budget",
    Severity.ERROR,
    applies_to=FinalTextTables,
    description="决算情况说明只说完成率而未说预算数时（如“因公出国（境）费决算为0万元，完成预算的0%”），"
    "完成率按决算表的预算数与决算数核对（舍入模型）；表中预算数为零（空）时完成率无从计算，为警告。",
)
def _table_rate(rule: Rule, pair: FinalTextTables) -> Iterator[Finding]:
    facts, figures = pair.facts, pair.figures
    for execution in _executions(facts):
        if execution.rate is None or execution.budget_for(execution.rate_basis):
            continue
        row = _row_of(figures, execution)
        if row is None:
            continue
        column = "adjusted" if "调整" in (execution.rate_basis or "") else "budgeted"
        if not row.prints(column):
            continue
        budget = row.value(column)
        actual = row.value("actual") if row.prints("actual") else execution.stated_actual
        rate = ExecutionRate(budget, actual)
        where = _where(execution.label, execution.line, row.table)
        said = _said(execution.quote)
        printed = f"{row.table} {row.row} {_basis(execution.rate_basis)}数 {_money(budget) or '空'}"
        span = _range(rate)
        if span is None:
            yield rule.finding(
                f"{execution.label}：{printed}，完成率无从计算，原文却称完成预算的 "
                f"{_pct(execution.rate)}{said}",
                location=where,
                actual=execution.rate,
                severity=Severity.WARNING,
            )
            continue
        if span.meets(Interval.of(execution.rate)):
            continue
        yield rule.finding(
            f"{execution.label}：{printed}万元、决算数 {_money(actual) or '空'}，完成率应为 "
            f"{_pct(rate.point or Decimal(0))}（{_bounds(span, execution.rate)}），原文为 "
            f"{_pct(execution.rate)}" + said,
            location=where,
            expected=rate.point,
            actual=execution.rate,
        )


EXPLANATION_RULES: tuple[Rule, ...] = (
    _rate,
    _zero_budget,
    _direction,
    _restated,
    _share,
    _sums,
    _change,
    _table,
    _table_rate,
)
"""The rules on a final-accounts explanation, alone and against the tables, ``TXT-FINAL-…``."""
