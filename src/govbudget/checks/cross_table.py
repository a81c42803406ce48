"""Rules between the tables of one disclosure (表表相符): ``X-…`` for a budget, ``XF-…`` for final
accounts.

A budget's summary agrees with its income and expenditure tables, its appropriation summary
with the appropriation tables, the basic expenditure of table 5 with table 6, the project goals
disclosed stay within project expenditure, the "三公" items cover what the basic expenditure
table spends on them. Final accounts are compared only where it is true of them: the summary's
income and expenditure against 收入决算表 and 支出决算表, the appropriation summary against the
appropriation tables, 基本支出 against its table, appropriations within all funds. Income by
subject is never compared with expenditure by subject, nor 本年收入 with 本年支出: carry-overs make
them differ.

>>> from govbudget.checks import rules
>>> [r.id for r in rules() if r.id.startswith("XF-F4")]
['XF-F4-F1-BALANCES', 'XF-F4-F5', 'XF-F4-F8', 'XF-F4-F9', 'XF-F4-TOTALS', 'XF-F4-FUNDS']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from govbudget.amounts import Unit, convert, disagreement, in_wan
from govbudget.checks.comparisons import (
    Comparison,
    by_class,
    comparisons,
    side,
    three_public_in_basic,
    within_all_funds,
)
from govbudget.checks.registry import Rule, rule
from govbudget.checks.wording import shown
from govbudget.disclosure import DepartmentBudget, DepartmentFinalAccounts
from govbudget.findings import Finding, Location, Severity
from govbudget.tables import (
    BasicExpenditureFinalTable,
    BasicExpenditureTable,
    Cell,
    ExpenditureFinalTable,
    ExpenditureTable,
    FiscalAppropriationFinalSummary,
    FiscalAppropriationSummary,
    GeneralPublicExpenditureFinalTable,
    GeneralPublicExpenditureTable,
    GovernmentFundExpenditureTable,
    GovernmentFundFinalTable,
    IncomeExpenditureFinalSummary,
    IncomeExpenditureSummary,
    IncomeFinalTable,
    IncomeTable,
    StateCapitalExpenditureTable,
    StateCapitalFinalTable,
    ThreePublicExpensesFinalTable,
    ThreePublicExpensesTable,
    figures_at,
)

__all__ = ["BUDGET_CROSS_TABLE", "FINAL_CROSS_TABLE"]

T1, T2, T3, T4 = IncomeExpenditureSummary, IncomeTable, ExpenditureTable, FiscalAppropriationSummary
T5, T6, T7, T8 = (
    GeneralPublicExpenditureTable,
    BasicExpenditureTable,
    GovernmentFundExpenditureTable,
    StateCapitalExpenditureTable,
)
T9 = ThreePublicExpensesTable
F1, F2, F3 = IncomeExpenditureFinalSummary, IncomeFinalTable, ExpenditureFinalTable
F4, F5, F6 = (
    FiscalAppropriationFinalSummary,
    GeneralPublicExpenditureFinalTable,
    BasicExpenditureFinalTable,
)
F7, F8, F9 = ThreePublicExpensesFinalTable, GovernmentFundFinalTable, StateCapitalFinalTable

# -- a budget ----------------------------------------------------------------------------------


_UNIT_FUNDS = T1.SPEC.block("income").row_parts("unit_funds")


_T1_T2 = tuple(
    Comparison(label, side(T1, "income", row, "amount"), side(T2, "rows", "total", *columns))
    for label, row, columns in (
        ("本年收入合计", "income_total", ("current_year",)),
        ("上年结转", "carry_over", ("carry_over",)),
        ("收入总计", "grand_total", ("total",)),
        ("财政拨款收入", "fiscal_appropriation", ("fiscal_appropriation",)),
        ("财政专户管理资金收入", "special_account", ("special_account",)),
        ("单位资金", "unit_funds", _UNIT_FUNDS),
        *((T2.SPEC.blocks[0].header_of(source), source, (source,)) for source in _UNIT_FUNDS),
    )
)


_T1_T4 = tuple(
    Comparison(label, side(T1, "income", row, "amount"), side(T4, "income", row, "amount"))
    for row, label in (
        ("general_public_budget", "一般公共预算拨款收入"),
        ("government_fund", "政府性基金预算拨款收入"),
        ("state_capital", "国有资本经营预算拨款收入"),
    )
)


_T1_T3 = (
    Comparison(
        "本年支出合计",
        side(T1, "expenditure", "expenditure_total", "amount"),
        side(T3, "rows", "total", "total"),
    ),
)


_T4_APPROPRIATIONS = tuple(
    Comparison(
        f"本年支出合计（{kind.SPEC.title}）",
        side(T4, "expenditure", "expenditure_total", column),
        side(kind, "rows", "total", "total"),
    )
    for column, kind in (("general_public", T5), ("government_fund", T7), ("state_capital", T8))
)


_T5_T6 = (
    Comparison(
        "一般公共预算基本支出",
        side(T5, "rows", "total", "basic"),
        side(T6, "rows", "total", "total"),
    ),
)


def _goals_within_projects(rule: Rule, budget: DepartmentBudget) -> Iterator[Finding]:
    expenditure = budget.expenditure
    if expenditure is None or not budget.project_goals:
        return
    projects, seen = figures_at(expenditure, Cell("rows", "total", "project"))
    if not seen:
        return
    budgets = [
        None if goal.budget is None else convert(goal.budget, goal.unit, Unit.WAN_YUAN)
        for goal in budget.project_goals
    ]
    result = disagreement(budgets, in_wan(projects, expenditure.header.unit))
    if result is None:
        return
    where = Location(table="项目绩效目标表", row="项目预算合计")
    if result.difference > result.tolerance:
        yield rule.finding(
            f"已公开的 {len(budgets)} 个项目绩效目标预算合计 {shown(result.actual)}万元，"
            f"超过部门预算支出总表项目支出 {shown(result.expected)}万元",
            location=where,
            agreement=result,
        )
    elif -result.difference > result.tolerance:
        yield rule.finding(
            f"已公开的 {len(budgets)} 个项目绩效目标预算合计 {shown(result.actual)}万元，"
            f"少于项目支出 {shown(result.expected)}万元：未公开全部项目的绩效目标",
            location=where,
            agreement=result,
            severity=Severity.INFO,
        )


def _budget(
    suffix: str, title: str, description: str, function: Callable[..., Iterator[Finding]]
) -> Rule:
    return rule(
        f"X-{suffix}", title, Severity.ERROR, applies_to=DepartmentBudget, description=description
    )(function)


X_T1_T2 = _budget(
    "T1-T2",
    "The summary's income equals the income table",
    "收支总表的本年收入合计、上年结转、收入总计及各项收入 = 收入总表合计行的对应栏。",
    comparisons(_T1_T2),
)


X_T1_T3 = _budget(
    "T1-T3",
    "The summary's expenditure equals the expenditure table",
    "收支总表的本年支出合计 = 支出总表合计。",
    comparisons(_T1_T3),
)


X_T1_T3_CLASSES = _budget(
    "T1-T3-CLASSES",
    "Each class of the summary equals the expenditure table",
    "收支总表每一类支出 = 支出总表该类的合计（收支总表未列的类视为零）。",
    by_class((T1, "expenditure", "amount"), (T3, "rows", "total"), "支出"),
)


X_T1_T4 = _budget(
    "T1-T4",
    "The summary's appropriation income equals the appropriation summary",
    "收支总表的一般公共预算、政府性基金、国有资本经营预算拨款收入 = 财政拨款收支总表的对应收入。",
    comparisons(_T1_T4),
)


X_T4_FUNDS = tuple(
    _budget(
        f"T4-T{kind.SPEC.number}",
        f"The appropriation summary's {column.replace('_', ' ')} column equals table {kind.SPEC.number}",
        f"财政拨款收支总表{name}财政拨款栏每一类 = {kind.SPEC.title}该类合计。",
        by_class((T4, "expenditure", column), (kind, "rows", "total"), f"{name}财政拨款支出"),
    )
    for column, kind, name in (
        ("general_public", T5, "一般公共预算"),
        ("government_fund", T7, "政府性基金预算"),
        ("state_capital", T8, "国有资本经营预算"),
    )
)


X_T4_TOTALS = _budget(
    "T4-TOTALS",
    "The appropriation summary's totals equal the appropriation tables",
    "财政拨款收支总表本年支出合计的各栏 = 一般公共预算、政府性基金、国有资本经营预算财政拨款支出表的合计。",
    comparisons(_T4_APPROPRIATIONS),
)


X_T5_T6 = _budget(
    "T5-T6",
    "Basic expenditure equals the basic expenditure table",
    "一般公共预算财政拨款支出表的基本支出合计 = 一般公共预算财政拨款基本支出表合计。",
    comparisons(_T5_T6),
)


X_APPROPRIATIONS_WITHIN_ALL = _budget(
    "APPROPRIATIONS-WITHIN-ALL",
    "Appropriations never exceed all funds",
    "每个功能科目的财政拨款支出（表5、表7、表8之和）不超过支出总表中该科目的支出（合计、基本、项目各栏）。",
    within_all_funds(
        T3,
        ((T5, "total"), (T7, "total"), (T8, "total")),
        "{code} 的财政拨款{header}（一般公共预算、政府性基金、国有资本经营预算合计）"
        "超过部门预算支出总表中该科目的全部{header}：{figures}",
    ),
)


X_GOALS_PROJECTS = _budget(
    "GOALS-PROJECTS",
    "Disclosed project budgets stay within project expenditure",
    "已公开项目绩效目标的预算数之和不超过支出总表的项目支出（少于时为提示：未全部公开）。",
    _goals_within_projects,
)


X_T9_T6 = rule(
    "X-T9-T6",
    'The "three public" table covers the basic expenditure of the same items',
    Severity.WARNING,
    applies_to=DepartmentBudget,
    description="“三公”经费表的因公出国（境）费、公务接待费、公务用车运行维护费不少于基本支出表 30212、"
    "30217、30231 的金额（“三公”经费也可能列在项目支出中，故只查“不少于”）。",
)(
    three_public_in_basic(
        T9,
        T6,
        "total",
        "“三公”经费表的{name} {actual} 少于基本支出表 {code}“{name}” {expected}",
        None,
    )
)


BUDGET_CROSS_TABLE: tuple[Rule, ...] = (
    X_T1_T2,
    X_T1_T3,
    X_T1_T3_CLASSES,
    X_T1_T4,
    *X_T4_FUNDS,
    X_T4_TOTALS,
    X_T5_T6,
    X_APPROPRIATIONS_WITHIN_ALL,
    X_GOALS_PROJECTS,
    X_T9_T6,
)
"""The rules between the tables of a budget (表表相符), ``X-…``."""


# -- final accounts ----------------------------------------------------------------------------


def _final(
    suffix: str,
    title: str,
    description: str,
    function: Callable[..., Iterator[Finding]],
    severity: Severity = Severity.ERROR,
) -> Rule:
    return rule(
        f"XF-{suffix}",
        title,
        severity,
        applies_to=DepartmentFinalAccounts,
        description=description,
    )(function)


_F2 = F2.SPEC.block("rows")
_SOURCES = tuple((source, _F2.header_of(source)) for source in _F2.column_parts("total"))


XF_F1_F2 = _final(
    "F1-F2",
    "The summary's income equals the income table",
    "收入支出决算总表的本年收入合计及各项收入（财政拨款、上级补助、事业、经营、附属单位上缴、其他收入）"
    "= 收入决算表合计行的对应栏。",
    comparisons(
        (
            Comparison(
                "本年收入合计",
                side(F1, "income", "income_total", "amount"),
                side(F2, "rows", "total", "total"),
            ),
            *(
                Comparison(
                    label,
                    side(F1, "income", source, "amount"),
                    side(F2, "rows", "total", source),
                )
                for source, label in _SOURCES
            ),
        )
    ),
)


XF_F1_F3 = _final(
    "F1-F3",
    "The summary's expenditure equals the expenditure table",
    "收入支出决算总表的本年支出合计 = 支出决算表合计行的本年支出合计。",
    comparisons(
        (
            Comparison(
                "本年支出合计",
                side(F1, "expenditure", "expenditure_total", "amount"),
                side(F3, "rows", "total", "total"),
            ),
        )
    ),
)


XF_F1_F3_CLASSES = _final(
    "F1-F3-CLASSES",
    "Each class of the summary equals the expenditure table",
    "收入支出决算总表每一类支出 = 支出决算表该类的本年支出合计（未列的类视为零）。",
    by_class((F1, "expenditure", "amount"), (F3, "rows", "total"), "支出"),
)


XF_F1_F4 = _final(
    "F1-F4",
    "The summary's appropriation income equals the appropriation summary",
    "收入支出决算总表的一般公共预算、政府性基金预算、国有资本经营预算财政拨款收入 = "
    "财政拨款收入支出决算总表的对应收入。",
    comparisons(
        Comparison(label, side(F1, "income", row, "amount"), side(F4, "income", row, "amount"))
        for row, label in (
            ("general_public_budget", "一般公共预算财政拨款收入"),
            ("government_fund", "政府性基金预算财政拨款收入"),
            ("state_capital", "国有资本经营预算财政拨款收入"),
        )
    ),
)


XF_F4_F1_BALANCES = _final(
    "F4-F1-BALANCES",
    "Appropriation balances are part of all balances",
    "财政拨款收入支出决算总表的年初（年末）财政拨款结转和结余不超过收入支出决算总表的年初（年末）"
    "结转和结余（后者还含非财政拨款的结转和结余）。",
    comparisons(
        (
            Comparison(
                "年初结转和结余",
                side(F4, "income", "carry_over", "amount"),
                side(F1, "income", "carry_over", "amount"),
                at_most=True,
            ),
            Comparison(
                "年末结转和结余",
                side(F4, "expenditure", "carry_forward", "total"),
                side(F1, "expenditure", "carry_forward", "amount"),
                at_most=True,
            ),
        )
    ),
)


XF_F4_APPROPRIATIONS = tuple(
    _final(
        f"F4-F{kind.SPEC.number}",
        f"The appropriation summary's {column.replace('_', ' ')} column equals "
        f"final table {kind.SPEC.number}",
        f"财政拨款收入支出决算总表{name}财政拨款栏每一类 = {kind.SPEC.title}该类的本年支出。",
        by_class((F4, "expenditure", column), (kind, "rows", fund_column), f"{name}财政拨款支出"),
    )
    for column, kind, fund_column, name in (
        ("general_public", F5, "total", "一般公共预算"),
        ("government_fund", F8, "expenditure", "政府性基金预算"),
        ("state_capital", F9, "expenditure", "国有资本经营预算"),
    )
)


XF_F4_TOTALS = _final(
    "F4-TOTALS",
    "The appropriation summary's totals equal the appropriation tables",
    "财政拨款收入支出决算总表本年支出合计的一般公共预算、政府性基金、国有资本经营预算栏 = "
    "一般公共预算财政拨款支出决算表、政府性基金和国有资本经营预算财政拨款收入支出决算表的合计。",
    comparisons(
        Comparison(
            f"本年支出合计（{kind.SPEC.title}）",
            side(F4, "expenditure", "expenditure_total", column),
            side(kind, "rows", "total", fund_column),
        )
        for column, kind, fund_column in (
            ("general_public", F5, "total"),
            ("government_fund", F8, "expenditure"),
            ("state_capital", F9, "expenditure"),
        )
    ),
)


XF_F4_FUNDS = _final(
    "F4-FUNDS",
    "The appropriation summary's fund balances equal the fund tables",
    "财政拨款收入支出决算总表中政府性基金、国有资本经营预算财政拨款的年初结转和结余、本年收入、"
    "年末结转和结余 = 对应收入支出决算表合计行。",
    comparisons(
        Comparison(
            f"{label}（{kind.SPEC.title}）",
            side(F4, block, row, column),
            side(kind, "rows", "total", fund_column),
        )
        for kind, fund in ((F8, "government_fund"), (F9, "state_capital"))
        for label, block, row, column, fund_column in (
            ("年初结转和结余", "income", f"carry_over_{fund}", "amount", "carry_over"),
            ("本年收入", "income", fund, "amount", "income"),
            ("年末结转和结余", "expenditure", "carry_forward", fund, "carry_forward"),
        )
    ),
)


XF_F5_F6 = _final(
    "F5-F6",
    "Basic expenditure equals the basic expenditure table",
    "一般公共预算财政拨款支出决算表的基本支出合计 = 一般公共预算财政拨款基本支出决算表的合计"
    "（未印合计行时为各类之和）。",
    comparisons(
        (
            Comparison(
                "一般公共预算财政拨款基本支出",
                side(F5, "rows", "total", "basic"),
                side(F6, "rows", "total", "total"),
            ),
        )
    ),
)


XF_APPROPRIATIONS_WITHIN_ALL = _final(
    "APPROPRIATIONS-WITHIN-ALL",
    "Appropriations never exceed all funds",
    "每个功能科目的财政拨款支出（表5、表8、表9之和）不超过支出决算表中该科目的支出"
    "（本年支出合计、基本支出、项目支出各栏）。",
    within_all_funds(
        F3,
        ((F5, "total"), (F8, "expenditure"), (F9, "expenditure")),
        "{code} 的财政拨款{header}（一般公共预算、政府性基金、国有资本经营预算之和）"
        "超过支出决算表中该科目的{header}：{figures}",
    ),
)


XF_F7_F6 = _final(
    "F7-F6",
    'The "three public" actuals cover the basic expenditure of the same items',
    "“三公”经费支出决算表的因公出国（境）费、公务接待费、公务用车运行维护费决算数不少于基本支出决算表 "
    "30212、30217、30231 的金额（“三公”经费也可能列在项目支出中，故只查“不少于”）。",
    three_public_in_basic(
        F7,
        F6,
        "actual",
        "“三公”经费决算表的{name}决算数 {actual} 少于基本支出决算表 {code}“{name}” {expected}",
        "决算数",
    ),
    Severity.WARNING,
)


FINAL_CROSS_TABLE: tuple[Rule, ...] = (
    XF_F1_F2,
    XF_F1_F3,
    XF_F1_F3_CLASSES,
    XF_F1_F4,
    XF_F4_F1_BALANCES,
    *XF_F4_APPROPRIATIONS,
    XF_F4_TOTALS,
    XF_F4_FUNDS,
    XF_F5_F6,
    XF_APPROPRIATIONS_WITHIN_ALL,
    XF_F7_F6,
)
"""The rules between the tables of final accounts, ``XF-…``."""
