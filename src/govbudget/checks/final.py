"""Rules of the final accounts (部门决算): each table's, between tables, and completeness.

The within-table rules ``F1-…`` … ``F9-…`` are generated from the declarations of the nine 决算
tables by the generator of the budget's ``T1``–``T9`` rules (:mod:`govbudget.checks.tables`):
columns, totals, parent rows, the identities each ``SPEC`` declares (``F1-BALANCE``,
``F4-FUND-…``, ``F6-PERSONNEL`` …), duplicates, the code tree, detail and the catalogue.

The cross-table rules ``XF-…`` compare cells of two tables of the same accounts, each only
where it is true of final accounts: the summary's income and expenditure against 收入决算表 and
支出决算表, the appropriation summary against the appropriation tables, 基本支出 against its
table, appropriations within all funds. Income by subject is never compared with expenditure
by subject, nor 本年收入 with 本年支出: carry-overs make them differ. Completeness rules
``DOCF-…`` ask for the nine tables, a note under each empty one, and one year everywhere.

>>> from govbudget.checks import rules
>>> [r.id for r in rules() if r.id.startswith("F4-")][:4]
['F4-COLUMNS', 'F4-TOTAL', 'F4-BALANCE', 'F4-FUND-GENERAL-PUBLIC']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from govbudget.amounts import (
    Figure,
    agree_sums,
)
from govbudget.checks.disclosure import (
    Comparison,
    _by_class,
    _comparisons,
    _money,
    _shown,
    _side,
    _unexplained_empty,
    _wan,
)
from govbudget.checks.registry import Rule, rule
from govbudget.disclosure.final import DepartmentFinalAccounts
from govbudget.findings import Finding, Location, Severity
from govbudget.tables import (
    BasicExpenditureFinalTable,
    Cell,
    ExpenditureFinalTable,
    FiscalAppropriationFinalSummary,
    GeneralPublicExpenditureFinalTable,
    GovernmentFundFinalTable,
    IncomeExpenditureFinalSummary,
    IncomeFinalTable,
    StateCapitalFinalTable,
    Table,
    ThreePublicExpensesFinalTable,
    figures_at,
)

__all__ = ["FINAL_COMPLETENESS", "FINAL_CROSS_TABLE"]


F1, F2, F3 = IncomeExpenditureFinalSummary, IncomeFinalTable, ExpenditureFinalTable
F4, F5, F6 = (
    FiscalAppropriationFinalSummary,
    GeneralPublicExpenditureFinalTable,
    BasicExpenditureFinalTable,
)
F7, F8, F9 = ThreePublicExpensesFinalTable, GovernmentFundFinalTable, StateCapitalFinalTable


def _cross(
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


_SOURCES = (
    ("fiscal_appropriation", "财政拨款收入"),
    ("subsidy_from_superior", "上级补助收入"),
    ("service_income", "事业收入"),
    ("operating_income", "经营收入"),
    ("remittance_from_subordinates", "附属单位上缴收入"),
    ("other_income", "其他收入"),
)

XF_F1_F2 = _cross(
    "F1-F2",
    "The summary's income equals the income table",
    "收入支出决算总表的本年收入合计及各项收入（财政拨款、上级补助、事业、经营、附属单位上缴、其他收入）"
    "= 收入决算表合计行的对应栏。",
    _comparisons(
        (
            Comparison(
                "本年收入合计",
                _side(F1, "income", "income_total", "amount"),
                _side(F2, "rows", "total", "total"),
            ),
            *(
                Comparison(
                    label,
                    _side(F1, "income", source, "amount"),
                    _side(F2, "rows", "total", source),
                )
                for source, label in _SOURCES
            ),
        )
    ),
)
XF_F1_F3 = _cross(
    "F1-F3",
    "The summary's expenditure equals the expenditure table",
    "收入支出决算总表的本年支出合计 = 支出决算表合计行的本年支出合计。",
    _comparisons(
        (
            Comparison(
                "本年支出合计",
                _side(F1, "expenditure", "expenditure_total", "amount"),
                _side(F3, "rows", "total", "total"),
            ),
        )
    ),
)
XF_F1_F3_CLASSES = _cross(
    "F1-F3-CLASSES",
    "Each class of the summary equals the expenditure table",
    "收入支出决算总表每一类支出 = 支出决算表该类的本年支出合计（未列的类视为零）。",
    _by_class((F1, "expenditure", "amount"), (F3, "rows", "total"), "支出"),
)
XF_F1_F4 = _cross(
    "F1-F4",
    "The summary's appropriation income equals the appropriation summary",
    "收入支出决算总表的一般公共预算、政府性基金预算、国有资本经营预算财政拨款收入 = "
    "财政拨款收入支出决算总表的对应收入。",
    _comparisons(
        Comparison(label, _side(F1, "income", row, "amount"), _side(F4, "income", row, "amount"))
        for row, label in (
            ("general_public_budget", "一般公共预算财政拨款收入"),
            ("government_fund", "政府性基金预算财政拨款收入"),
            ("state_capital", "国有资本经营预算财政拨款收入"),
        )
    ),
)
XF_F4_F1_BALANCES = _cross(
    "F4-F1-BALANCES",
    "Appropriation balances are part of all balances",
    "财政拨款收入支出决算总表的年初（年末）财政拨款结转和结余不超过收入支出决算总表的年初（年末）"
    "结转和结余（后者还含非财政拨款的结转和结余）。",
    _comparisons(
        (
            Comparison(
                "年初结转和结余",
                _side(F4, "income", "carry_over", "amount"),
                _side(F1, "income", "carry_over", "amount"),
                at_most=True,
            ),
            Comparison(
                "年末结转和结余",
                _side(F4, "expenditure", "carry_forward", "total"),
                _side(F1, "expenditure", "carry_forward", "amount"),
                at_most=True,
            ),
        )
    ),
)
XF_F4_APPROPRIATIONS = tuple(
    _cross(
        f"F4-F{kind.SPEC.number}",
        f"The appropriation summary's {column.replace('_', ' ')} column equals "
        f"final table {kind.SPEC.number}",
        f"财政拨款收入支出决算总表{name}财政拨款栏每一类 = {kind.SPEC.title}该类的本年支出。",
        _by_class((F4, "expenditure", column), (kind, "rows", fund_column), f"{name}财政拨款支出"),
    )
    for column, kind, fund_column, name in (
        ("general_public", F5, "total", "一般公共预算"),
        ("government_fund", F8, "expenditure", "政府性基金预算"),
        ("state_capital", F9, "expenditure", "国有资本经营预算"),
    )
)
XF_F4_TOTALS = _cross(
    "F4-TOTALS",
    "The appropriation summary's totals equal the appropriation tables",
    "财政拨款收入支出决算总表本年支出合计的一般公共预算、政府性基金、国有资本经营预算栏 = "
    "一般公共预算财政拨款支出决算表、政府性基金和国有资本经营预算财政拨款收入支出决算表的合计。",
    _comparisons(
        Comparison(
            f"本年支出合计（{kind.SPEC.title}）",
            _side(F4, "expenditure", "expenditure_total", column),
            _side(kind, "rows", "total", fund_column),
        )
        for column, kind, fund_column in (
            ("general_public", F5, "total"),
            ("government_fund", F8, "expenditure"),
            ("state_capital", F9, "expenditure"),
        )
    ),
)
XF_F4_FUNDS = _cross(
    "F4-FUNDS",
    "The appropriation summary's fund balances equal the fund tables",
    "财政拨款收入支出决算总表中政府性基金、国有资本经营预算财政拨款的年初结转和结余、本年收入、"
    "年末结转和结余 = 对应收入支出决算表合计行。",
    _comparisons(
        Comparison(
            f"{label}（{kind.SPEC.title}）",
            _side(F4, block, row, column),
            _side(kind, "rows", "total", fund_column),
        )
        for kind, fund in ((F8, "government_fund"), (F9, "state_capital"))
        for label, block, row, column, fund_column in (
            ("年初结转和结余", "income", f"carry_over_{fund}", "amount", "carry_over"),
            ("本年收入", "income", fund, "amount", "income"),
            ("年末结转和结余", "expenditure", "carry_forward", fund, "carry_forward"),
        )
    ),
)
XF_F5_F6 = _cross(
    "F5-F6",
    "Basic expenditure equals the basic expenditure table",
    "一般公共预算财政拨款支出决算表的基本支出合计 = 一般公共预算财政拨款基本支出决算表的合计"
    "（未印合计行时为各类之和）。",
    _comparisons(
        (
            Comparison(
                "一般公共预算财政拨款基本支出",
                _side(F5, "rows", "total", "basic"),
                _side(F6, "rows", "total", "total"),
            ),
        )
    ),
)


def _codes(table: Table, column: str) -> dict[str, list[Figure]] | None:
    rows = table.block("rows")
    if column not in rows.columns:
        return None
    index = rows.columns.index(column)
    return {
        row.key: _wan([row.values[index]], table.header.unit)
        for row in rows.rows
        if row.code is not None
    }


def _within_all_funds(rule: Rule, accounts: DepartmentFinalAccounts) -> Iterator[Finding]:
    all_funds = accounts.expenditure
    if all_funds is None:
        return
    parts = [
        (table, column)
        for kind, column in ((F5, "total"), (F8, "expenditure"), (F9, "expenditure"))
        if (table := accounts.table(kind)) is not None
    ]
    for column in ("total", "basic", "project"):
        whole = _codes(all_funds, column)
        if whole is None:
            continue
        sums: dict[str, list[Figure]] = {}
        for table, total in parts:
            for code, figures in (
                _codes(table, total if column == "total" else column) or {}
            ).items():
                sums.setdefault(code, []).extend(figures)
        for code in sorted(sums):
            result = agree_sums(sums[code], whole.get(code, []))
            if result.difference > result.tolerance:
                header = all_funds.SPEC.blocks[0].header_of(column)
                yield rule.finding(
                    f"{code} 的财政拨款{header}（一般公共预算、政府性基金、国有资本经营预算之和）"
                    f"超过支出决算表中该科目的{header}：{_money(result)}",
                    location=Location(table=all_funds.title, row=code, column=header),
                    agreement=result,
                )


XF_APPROPRIATIONS_WITHIN_ALL = _cross(
    "APPROPRIATIONS-WITHIN-ALL",
    "Appropriations never exceed all funds",
    "每个功能科目的财政拨款支出（表5、表8、表9之和）不超过支出决算表中该科目的支出"
    "（本年支出合计、基本支出、项目支出各栏）。",
    _within_all_funds,
)

_THREE_PUBLIC_IN_BASIC = (
    ("travel_abroad", "30212", "因公出国（境）费用"),
    ("reception", "30217", "公务接待费"),
    ("vehicle_operation", "30231", "公务用车运行维护费"),
)


def _three_public_in_basic(rule: Rule, accounts: DepartmentFinalAccounts) -> Iterator[Finding]:
    three, basic = accounts.three_public_expenses, accounts.basic_expenditure
    if three is None or basic is None or "actual" not in three.columns:
        return
    for item, code, name in _THREE_PUBLIC_IN_BASIC:
        in_basic, seen = figures_at(basic, Cell("rows", code, "total"))
        if not seen:
            continue
        in_three, _ = figures_at(three, Cell("rows", item, "actual"))
        result = agree_sums(_wan(in_three, three.header.unit), _wan(in_basic, basic.header.unit))
        if -result.difference > result.tolerance:
            yield rule.finding(
                f"“三公”经费决算表的{name}决算数 {_shown(result.actual) or '（空）'} 少于基本支出"
                f"决算表 {code}“{name}” {_shown(result.expected)}",
                location=Location(table=three.title, row=name, column="决算数"),
                agreement=result,
            )


XF_F7_F6 = _cross(
    "F7-F6",
    'The "three public" actuals cover the basic expenditure of the same items',
    "“三公”经费支出决算表的因公出国（境）费、公务接待费、公务用车运行维护费决算数不少于基本支出决算表 "
    "30212、30217、30231 的金额（“三公”经费也可能列在项目支出中，故只查“不少于”）。",
    _three_public_in_basic,
    Severity.WARNING,
)


# -- completeness ----------------------------------------------------------------------------


def _doc(
    suffix: str,
    title: str,
    description: str,
    function: Callable[..., Iterator[Finding]],
    severity: Severity = Severity.ERROR,
) -> Rule:
    return rule(
        f"DOCF-{suffix}",
        title,
        severity,
        applies_to=DepartmentFinalAccounts,
        description=description,
    )(function)


def _missing(rule: Rule, accounts: DepartmentFinalAccounts) -> Iterator[Finding]:
    for kind in accounts.missing_tables():
        yield rule.finding(
            f"未公开{kind.SPEC.title}（公开{kind.SPEC.number:02d}表）；无数据时也应空表列示并说明",
            location=Location(table=kind.SPEC.title),
        )


def _empty_notes(rule: Rule, accounts: DepartmentFinalAccounts) -> Iterator[Finding]:
    return _unexplained_empty(rule, accounts.tables)


def _years(rule: Rule, accounts: DepartmentFinalAccounts) -> Iterator[Finding]:
    for table in accounts.tables:
        if table.header.year != accounts.year:
            yield rule.finding(
                f"{table.title}的决算年度为 {table.header.year}，与本部门决算年度 "
                f"{accounts.year} 不一致",
                location=Location(table=table.title),
            )


DOCF_TABLES = _doc(
    "TABLES",
    "All nine tables of the final accounts are published",
    "部门决算九张公开表齐全（无数据的表也应空表列示）。",
    _missing,
)
DOCF_EMPTY_NOTE = _doc(
    "EMPTY-NOTE",
    "An empty table says why it is empty",
    "部门决算的空表列示并说明原因。",
    _empty_notes,
)
DOCF_YEAR = _doc(
    "YEAR",
    "One year everywhere",
    "各决算表的年度与部门决算年度一致。",
    _years,
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

FINAL_COMPLETENESS: tuple[Rule, ...] = (DOCF_TABLES, DOCF_EMPTY_NOTE, DOCF_YEAR)
"""The completeness rules of final accounts, ``DOCF-…``."""
