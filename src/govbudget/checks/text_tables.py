"""Rules between an explanation and its tables (表文相符): ``TXT-…`` for a budget,
``TXT-FINAL-TABLE`` and ``TXT-FINAL-TABLE-RATE`` for final accounts; and ``TXT-SUMS``, a
budget's explanation against its own parts.

A budget's stated facts are compared with the cells that print them (the claims of each rule
below: 预算收入 with 收支总表's 收入总计, 基本支出 with 支出总表's 合计行 …), in 万元 and under the
rounding model. A final-accounts explanation's execution statements and named facts are
compared with :class:`~govbudget.disclosure.text_figures.FinalTextTables`, what its tables print
of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal

import attrs

from govbudget.amounts import Figure, Interval, agree_sums, disagreement, in_wan
from govbudget.checks.comparisons import Side, side
from govbudget.checks.comparisons import each as each_claim
from govbudget.checks.registry import Rule, rule
from govbudget.checks.wording import (
    bounds,
    in_explanation,
    percent,
    said,
    shown,
)
from govbudget.disclosure import ASSET_PARTS, DepartmentBudget
from govbudget.disclosure.facts import FACT_LABELS, FINAL_AMOUNT_FACTS, FINAL_FACT_LABELS
from govbudget.disclosure.statements import StatedExecution
from govbudget.disclosure.text_figures import FinalFigures, FinalTextTables, TableFigures
from govbudget.findings import Finding, Location, Severity
from govbudget.rates import ExecutionRate
from govbudget.tables import (
    BasicExpenditureTable,
    Cell,
    ExpenditureTable,
    FiscalAppropriationSummary,
    IncomeExpenditureSummary,
    Table,
    ThreePublicExpensesTable,
)
from govbudget.vocabulary import fact_concepts

__all__ = ["BUDGET_TEXT_TABLE", "FINAL_TEXT_TABLE"]

T1, T3, T4 = IncomeExpenditureSummary, ExpenditureTable, FiscalAppropriationSummary
T6, T9 = BasicExpenditureTable, ThreePublicExpensesTable
_TABLE = "情况说明"


# -- a budget ----------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Stated:
    """A stated fact compared with table cells; ``label`` names it in messages (by default its
    label among a budget's facts)."""

    fact: str
    side: Side
    label: str = attrs.field()

    @label.default
    def _fact_label(self) -> str:
        return FACT_LABELS[self.fact]


def _claims(kind: type[Table], block: str, rows: Iterable[str], column: str) -> tuple[Stated, ...]:
    """Each fact of a budget whose concept one of ``rows`` of a table holds, claimed against
    that row's cell in ``column``: the vocabulary links the two."""
    spec = kind.SPEC.block(block)
    held: dict[str, str] = {}
    for key in rows:
        row = spec.row(key)
        if row is not None:
            held.setdefault(row.concept or row.key, key)
    return tuple(
        Stated(fact, side(kind, block, held[concept], column))
        for fact, concept in fact_concepts("budget").items()
        if concept in held
    )


def _stated(rule: Rule, budget: DepartmentBudget, claim: Stated) -> Iterator[Finding]:
    value = getattr(budget.facts, claim.fact)
    read = claim.side.read(budget)
    if value is None or read is None or not read[1]:
        return
    result = disagreement((value,), read[0])
    if result is not None:
        quote = budget.facts.quote(claim.fact)
        quoted = said(quote)
        yield rule.finding(
            f"情况说明称{claim.label} {shown(value)}万元，{claim.side.kind.SPEC.title}为 "
            f"{shown(result.expected)}万元，差额 {shown(result.difference)}"
            f"（舍入容差 {shown(result.tolerance)}）{quoted}",
            location=Location(table="情况说明", row=claim.label, column=claim.side.kind.SPEC.title),
            agreement=result,
        )


def _statements(claims: tuple[Stated, ...]) -> Callable[..., Iterator[Finding]]:
    return each_claim(_stated, claims)


def _text(
    suffix: str, title: str, description: str, function: Callable[..., Iterator[Finding]]
) -> Rule:
    return rule(
        f"TXT-{suffix}", title, Severity.ERROR, applies_to=DepartmentBudget, description=description
    )(function)


TXT_INCOME = _text(
    "INCOME",
    "Stated income equals the summary table",
    "情况说明的预算收入及各项来源 = 收支总表收入栏。",
    _statements(_claims(T1, "income", (row.key for row in T1.SPEC.block("income").rows), "amount")),
)


TXT_EXPENDITURE = _text(
    "EXPENDITURE",
    "Stated expenditure equals the expenditure table",
    "情况说明的支出预算、基本支出、项目支出 = 支出总表合计行。",
    _statements(
        tuple(
            Stated(fact, side(T3, "rows", "total", column))
            for fact, column in (
                ("expenditure_total", "total"),
                ("basic", "basic"),
                ("project", "project"),
            )
        )
    ),
)


TXT_APPROPRIATIONS = _text(
    "APPROPRIATIONS",
    "Stated appropriation expenditure equals the appropriation summary",
    "情况说明的财政拨款支出预算及一般公共预算、政府性基金、国有资本经营预算拨款支出 = 财政拨款收支总表本年支出合计。",
    _statements(
        tuple(
            Stated(fact, side(T4, "expenditure", "expenditure_total", column), label)
            for fact, label, column in (
                ("fiscal_expenditure", "财政拨款支出预算", "total"),
                ("general_public_expenditure", "一般公共预算拨款支出预算", "general_public"),
                ("government_fund_expenditure", "政府性基金拨款支出预算", "government_fund"),
                ("state_capital_expenditure", "国有资本经营预算拨款支出预算", "state_capital"),
            )
        )
    ),
)


def _basic_split(rule: Rule, budget: DepartmentBudget) -> Iterator[Finding]:
    # The text splits all basic expenditure; table 6 shows the 一般公共预算 part only. The two
    # are comparable only when that part is all of it (支出总表's 基本支出 = table 6's 合计).
    whole = Side(T3, (Cell("rows", "total", "basic"),)).read(budget)
    general = Side(T6, (Cell("rows", "total", "total"),)).read(budget)
    if whole is None or general is None or disagreement(whole[0], general[0]) is not None:
        return
    for claim in (
        Stated("personnel", side(T6, "rows", "total", "personnel")),
        Stated("public", side(T6, "rows", "total", "public")),
    ):
        yield from _stated(rule, budget, claim)


TXT_BASIC_SPLIT = _text(
    "BASIC-SPLIT",
    "Stated personnel and public expenses equal the basic expenditure table",
    "情况说明的人员经费、公用经费 = 一般公共预算财政拨款基本支出表合计行（基本支出全部由一般公共预算"
    "安排时；否则两者口径不同，不作比较）。",
    _basic_split,
)


TXT_THREE_PUBLIC = _text(
    "THREE-PUBLIC",
    'Stated "three public" expenses equal their table',
    "情况说明的“三公”经费合计及各项 = “三公”经费表（空表即为零）。",
    _statements(_claims(T9, "rows", T9.SPEC.block("rows").rows_under("total"), "total")),
)


def _agency_costs(rule: Rule, budget: DepartmentBudget) -> Iterator[Finding]:
    stated = budget.facts.agency_running_costs
    three = budget.three_public_expenses
    if three is not None and three.row("agency_running_costs") is not None:
        claim = Stated("agency_running_costs", side(T9, "rows", "agency_running_costs", "total"))
        yield from _stated(rule, budget, claim)
        return
    basic = budget.basic_expenditure
    if stated is None or basic is None:
        return
    claim = Stated("agency_running_costs", side(T6, "rows", "total", "public"))
    severity = None if budget.has_administrative_units else Severity.WARNING
    for finding in _stated(rule, budget, claim):
        if severity is None:
            yield finding
        else:
            yield attrs.evolve(
                finding,
                severity=severity,
                message=finding.message + "；本部门无行政、参公单位，机关运行经费不必等于公用经费",
            )


TXT_AGENCY_COSTS = _text(
    "AGENCY-COSTS",
    "Stated agency running costs equal their table",
    "情况说明的机关运行经费 = “三公”经费表中的机关运行经费（如有），否则 = 基本支出表公用经费合计"
    "（行政、参公单位；其他单位为警告）。",
    _agency_costs,
)


def _procurement(rule: Rule, budget: DepartmentBudget) -> Iterator[Finding]:
    stated, table = budget.facts.procurement_total, budget.procurement
    if stated is None or table is None:
        return
    result = disagreement((stated,), in_wan((item.total for item in table.items), table.unit))
    if result is not None:
        yield rule.finding(
            f"情况说明称政府采购预算 {shown(stated)}万元，政府采购预算表合计 "
            f"{shown(result.expected)}万元，差额 {shown(result.difference)}",
            location=Location(table="情况说明", row="政府采购预算", column=table.title),
            agreement=result,
        )


TXT_PROCUREMENT = _text(
    "PROCUREMENT",
    "Stated procurement equals the procurement table",
    "情况说明的政府采购预算总额 = 政府采购预算表各项合计之和（空表即为零）。",
    _procurement,
)


def _fixed_assets(rule: Rule, budget: DepartmentBudget) -> Iterator[Finding]:
    stated, table = budget.facts.fixed_assets_value, budget.fixed_assets
    if stated is None or table is None:
        return
    if table.row("total") is not None:
        values = [table.value("total")]
    else:
        values = [row.value for row in table.rows if row.key in ASSET_PARTS]
    result = disagreement((stated,), in_wan(values, table.unit))
    if result is not None:
        date = f"（截止 {table.as_of}）" if table.as_of else ""
        quote = budget.facts.quote("fixed_assets_value")
        quoted = said(quote)
        yield rule.finding(
            f"情况说明称上年末固定资产金额为 {shown(stated)}万元，部门固定资产占用情况表"
            f"{date}资产总额为 {shown(result.expected)}万元{quoted}",
            location=Location(table="情况说明", row="上年末固定资产金额", column=table.title),
            agreement=result,
        )


TXT_FIXED_ASSETS = _text(
    "FIXED-ASSETS",
    "Stated fixed assets equal the fixed-assets table",
    "情况说明的上年末固定资产金额 = 部门固定资产占用情况表的资产总额。",
    _fixed_assets,
)


_INCOME = T1.SPEC.block("income")
_THREE_PUBLIC = T9.SPEC.block("rows")
# The sums between stated facts that the tables' formulas state between the cells that print
# them (the stated 预算收入 is 收入总计, which the text splits to the finest sources it names).
_TEXT_SUMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "income_total",
        (
            *_INCOME.row_parts("fiscal_appropriation"),
            "special_account",
            "unit_funds",
            "carry_over",
        ),
    ),
    ("expenditure_total", ("basic", "project")),
    ("basic", T6.SPEC.block("rows").column_parts("total")),
    ("three_public_total", _THREE_PUBLIC.row_parts("total")),
    ("vehicles", _THREE_PUBLIC.row_parts("vehicles")),
    ("fiscal_appropriation", _INCOME.row_parts("fiscal_appropriation")),
    ("unit_funds", _INCOME.row_parts("unit_funds")),
    (
        "fiscal_expenditure",
        ("general_public_expenditure", "government_fund_expenditure", "state_capital_expenditure"),
    ),
    ("procurement_total", ("procurement_goods", "procurement_works", "procurement_services")),
)
_CHANGE_SUMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("change", ("change_basic", "change_project")),
    ("three_public_change", ("travel_abroad_change", "vehicles_change", "reception_change")),
    ("vehicles_change", ("vehicle_purchase_change", "vehicle_operation_change")),
    (
        "fiscal_expenditure_change",
        (
            "general_public_expenditure_change",
            "government_fund_expenditure_change",
            "state_capital_expenditure_change",
        ),
    ),
)


_OTHER_KINDS = ("operating", "remittance_to_superior", "subsidy_to_subordinates")


def _other_kinds(budget: DepartmentBudget) -> bool:
    """Whether the budget spends as 经营支出, 上解上级支出 or 对附属单位补助支出, which the stated
    facts have no field for: then 支出 ≠ 基本支出 + 项目支出 and the sum is not checked."""
    expenditure = budget.expenditure
    if expenditure is None:
        return False
    return any(expenditure.value("total", column) is not None for column in _OTHER_KINDS)


def _text_sums(rule: Rule, budget: DepartmentBudget) -> Iterator[Finding]:
    facts = budget.facts
    skipped = {"expenditure_total", "change"} if _other_kinds(budget) else set()
    checks: list[tuple[str, tuple[str, ...], Figure, list[Figure]]] = []
    for total, parts in _TEXT_SUMS:
        if total not in skipped:
            checks.append((total, parts, getattr(facts, total), [getattr(facts, p) for p in parts]))
    for total, parts in _CHANGE_SUMS:
        if total in skipped:
            continue
        changes = [getattr(facts, p) for p in parts]
        whole = getattr(facts, total)
        checks.append(
            (
                total,
                parts,
                None if whole is None else whole.amount,
                [None if c is None else c.amount for c in changes]
                if all(c is not None for c in changes)
                else [],
            )
        )
    for total, parts, value, figures in checks:
        if value is None or not figures or any(f is None for f in figures):
            continue
        result = disagreement((value,), figures)
        if result is not None:
            names = " + ".join(FACT_LABELS[p] for p in parts)
            yield rule.finding(
                f"情况说明自身不平：{FACT_LABELS[total]} {shown(value)} ≠ {names} "
                f"{shown(result.expected)}，差额 {shown(result.difference)}",
                location=Location(table="情况说明", row=FACT_LABELS[total]),
                agreement=result,
            )


TXT_SUMS = _text(
    "SUMS",
    "The explanation's own figures add up",
    "情况说明中：预算收入 = 各项来源之和；支出 = 基本 + 项目；基本支出 = 人员经费 + 公用经费；"
    "“三公”经费 = 各项之和；比上年增减 = 基本支出增减 + 项目支出增减（均在各项都有表述时）。",
    _text_sums,
)


BUDGET_TEXT_TABLE: tuple[Rule, ...] = (
    TXT_INCOME,
    TXT_EXPENDITURE,
    TXT_APPROPRIATIONS,
    TXT_BASIC_SPLIT,
    TXT_THREE_PUBLIC,
    TXT_AGENCY_COSTS,
    TXT_PROCUREMENT,
    TXT_FIXED_ASSETS,
    TXT_SUMS,
)
"""The rules between a budget's explanation and its tables (表文相符), ``TXT-…``."""


# -- final accounts ----------------------------------------------------------------------------


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
        f"情况说明称{label}{what} {shown(stated)}万元，{row.table} {row.row} 为 "
        f"{shown(result.expected)}万元，差额 {shown(result.difference)}"
        f"（舍入容差 {shown(result.tolerance)}）{said(quote)}",
        location=in_explanation(label, line, row.table),
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
    for execution in facts.all_executions():
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
    for execution in facts.all_executions():
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
        where = in_explanation(execution.label, execution.line, row.table)
        quoted = said(execution.quote)
        printed = f"{row.table} {row.row} {StatedExecution.basis_name(execution.rate_basis)}数 {shown(budget) or '空'}"
        span = rate.interval
        if span is None:
            yield rule.finding(
                f"{execution.label}：{printed}，完成率无从计算，原文却称完成预算的 "
                f"{percent(execution.rate)}{quoted}",
                location=where,
                actual=execution.rate,
                severity=Severity.WARNING,
            )
            continue
        if span.meets(Interval.of(execution.rate)):
            continue
        yield rule.finding(
            f"{execution.label}：{printed}万元、决算数 {shown(actual) or '空'}，完成率应为 "
            f"{percent(rate.point or Decimal(0))}（{bounds(span, execution.rate)}），原文为 "
            f"{percent(execution.rate)}" + quoted,
            location=where,
            expected=rate.point,
            actual=execution.rate,
        )


FINAL_TEXT_TABLE: tuple[Rule, ...] = (_table, _table_rate)
"""``TXT-FINAL-TABLE`` and ``TXT-FINAL-TABLE-RATE``."""
