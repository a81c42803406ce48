"""Rules on a whole disclosure: between tables, between text and tables, and completeness.

Cross-table rules (``X-…``, 表表相符) compare cells of two tables. Each comparison names its
cells by block, row and column key, so a region that does not print a subtotal is compared
through the declared formula of that subtotal (see :func:`govbudget.tables.figures_at`), and
figures of tables in 元 and in 万元 are compared after an exact conversion. Text–table rules
(``TXT-…``, 表文相符) compare the stated facts of the explanation with the tables; completeness
rules (``DOC-…``) ask that every part of a disclosure be there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

import attrs

from govbudget.amounts import (
    Agreement,
    Figure,
    Unit,
    convert,
    decimal_places,
    disagreement,
    format_amount,
)
from govbudget.checks.registry import Rule, rule
from govbudget.disclosure import DepartmentBudget, FixedAssetsTable, ProcurementTable
from govbudget.disclosure.facts import FACT_LABELS
from govbudget.findings import Finding, Location, Severity
from govbudget.tables import (
    BasicExpenditureTable,
    Cell,
    ExpenditureTable,
    FiscalAppropriationSummary,
    GeneralPublicExpenditureTable,
    GovernmentFundExpenditureTable,
    IncomeExpenditureSummary,
    IncomeTable,
    RowsTable,
    StateCapitalExpenditureTable,
    Table,
    ThreePublicExpensesTable,
    figures_at,
)

__all__ = [
    "BUDGET_COMPLETENESS",
    "BUDGET_CROSS_TABLE",
    "BUDGET_TEXT_TABLE",
    "OTHER_TABLE_RULES",
]

C = TypeVar("C")
D = TypeVar("D")
_T = TypeVar("_T", bound=Table)


class Tabled(Protocol):
    """A disclosure whose tables the cross-table rules read: a budget or final accounts."""

    def table(self, kind: type[_T]) -> _T | None: ...


def _shown(value: Figure) -> str:
    """A figure for a message: 元 converted to 万元 carries up to six decimals; show at most two
    (the finding itself keeps the exact figures)."""
    places = decimal_places(value)
    return format_amount(value, places=2 if places is not None and places > 2 else None)


def _wan(figures: Iterable[Figure], unit: Unit) -> list[Figure]:
    if unit is Unit.WAN_YUAN:
        return list(figures)
    return [None if f is None else convert(f, unit, Unit.WAN_YUAN) for f in figures]


def _wan_one(figure: Figure, unit: Unit) -> Figure:
    if unit is Unit.WAN_YUAN or figure is None:
        return figure
    return convert(figure, unit, Unit.WAN_YUAN)


@attrs.frozen(slots=True)
class Side:
    """Cells of one table whose figures are summed: one side of a comparison."""

    kind: type[Table]
    cells: tuple[Cell, ...]

    def read(self, disclosure: Tabled) -> tuple[list[Figure], bool] | None:
        """The figures (in 万元) and whether anything printed stands for the cells; ``None``
        when the disclosure lacks the table."""
        table = disclosure.table(self.kind)
        if table is None:
            return None
        figures: list[Figure] = []
        seen = False
        for cell in self.cells:
            found, printed = figures_at(table, cell)
            figures.extend(_wan(found, table.header.unit))
            seen = seen or printed
        # An empty table stands for zeros; asked last, as scanning it costs more than a cell.
        return figures, seen or table.is_empty


def _side(kind: type[Table], block: str, row: str, *columns: str) -> Side:
    return Side(kind, tuple(Cell(block, row, column) for column in columns))


@attrs.frozen(slots=True)
class Comparison:
    """``Σ left = Σ right`` between two tables (``≤`` where ``at_most``), named in Chinese for
    the message."""

    label: str
    left: Side
    right: Side
    at_most: bool = False


def _money(agreement: Agreement) -> str:
    return (
        f"{_shown(agreement.actual)} 与 {_shown(agreement.expected)} 不符，"
        f"差额 {_shown(agreement.difference)}（舍入容差 {_shown(agreement.tolerance)}）"
    )


def _compare(rule: Rule, disclosure: Tabled, comparison: Comparison) -> Iterator[Finding]:
    left, right = comparison.left.read(disclosure), comparison.right.read(disclosure)
    if left is None or right is None or not (left[1] and right[1]):
        return
    result = disagreement(left[0], right[0])
    if result is not None and (not comparison.at_most or result.difference > result.tolerance):
        left_title, right_title = comparison.left.kind.SPEC.title, comparison.right.kind.SPEC.title
        relation = f"超过{right_title}：" if comparison.at_most else f"{right_title} "
        yield rule.finding(
            f"{comparison.label}：{left_title} {relation}{_money(result)}",
            location=Location(table=left_title, row=comparison.label),
            agreement=result,
        )


def _each(
    check: Callable[[Rule, D, C], Iterator[Finding]], items: Iterable[C]
) -> Callable[..., Iterator[Finding]]:
    """A rule function that applies ``check`` to each declared comparison or claim."""
    declared = tuple(items)

    def run(rule: Rule, disclosure: D) -> Iterator[Finding]:
        for item in declared:
            yield from check(rule, disclosure, item)

    return run


def _comparisons(comparisons: Iterable[Comparison]) -> Callable[..., Iterator[Finding]]:
    return _each(_compare, comparisons)


T1, T2, T3, T4 = IncomeExpenditureSummary, IncomeTable, ExpenditureTable, FiscalAppropriationSummary
T5, T6, T7, T8 = (
    GeneralPublicExpenditureTable,
    BasicExpenditureTable,
    GovernmentFundExpenditureTable,
    StateCapitalExpenditureTable,
)
T9 = ThreePublicExpensesTable
_UNIT_FUNDS = (
    "service_income",
    "operating_income",
    "subsidy_from_superior",
    "remittance_from_subordinates",
    "other_income",
)

_T1_T2 = tuple(
    Comparison(label, _side(T1, "income", row, "amount"), _side(T2, "rows", "total", *columns))
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
    Comparison(label, _side(T1, "income", row, "amount"), _side(T4, "income", row, "amount"))
    for row, label in (
        ("general_public_budget", "一般公共预算拨款收入"),
        ("government_fund", "政府性基金预算拨款收入"),
        ("state_capital", "国有资本经营预算拨款收入"),
    )
)

_T1_T3 = (
    Comparison(
        "本年支出合计",
        _side(T1, "expenditure", "expenditure_total", "amount"),
        _side(T3, "rows", "total", "total"),
    ),
)

_T4_APPROPRIATIONS = tuple(
    Comparison(
        f"本年支出合计（{kind.SPEC.title}）",
        _side(T4, "expenditure", "expenditure_total", column),
        _side(kind, "rows", "total", "total"),
    )
    for column, kind in (("general_public", T5), ("government_fund", T7), ("state_capital", T8))
)

_T5_T6 = (
    Comparison(
        "一般公共预算基本支出",
        _side(T5, "rows", "total", "basic"),
        _side(T6, "rows", "total", "total"),
    ),
)


def _class_figures(table: Table, block: str, column: str) -> dict[str, list[Figure]] | None:
    """Per 类 code, the printed figures of one column (blanks left out: they add nothing);
    ``None`` when the column was not printed."""
    rows = table.block(block)
    if column not in rows.columns:
        return None
    index = rows.columns.index(column)
    unit = table.header.unit
    found: dict[str, list[Figure]] = {}
    for row in rows.rows:
        code = row.code
        if code is not None and len(code) == 3:
            figures = found.setdefault(code, [])
            if row.values[index] is not None:
                figures.append(_wan_one(row.values[index], unit))
    return found


def _by_class(
    left: tuple[type[Table], str, str], right: tuple[type[Table], str, str], label: str
) -> Callable[..., Iterator[Finding]]:
    def run(rule: Rule, disclosure: Tabled) -> Iterator[Finding]:
        left_table, right_table = disclosure.table(left[0]), disclosure.table(right[0])
        if left_table is None or right_table is None:
            return
        left_figures = _class_figures(left_table, left[1], left[2])
        right_figures = _class_figures(right_table, right[1], right[2])
        if left_figures is None or right_figures is None:
            return
        for code in sorted(left_figures.keys() | right_figures.keys()):
            printed = left_figures.get(code, []), right_figures.get(code, [])
            if not (printed[0] or printed[1]):
                continue  # nothing printed for the class: exact zeros, which agree
            result = disagreement(*printed)
            if result is not None:
                yield rule.finding(
                    f"{code}类{label}：{left_table.title} {right_table.title} {_money(result)}",
                    location=Location(table=left_table.title, row=code),
                    agreement=result,
                )

    return run


def _within_all_funds(rule: Rule, budget: DepartmentBudget) -> Iterator[Finding]:
    all_funds = budget.expenditure
    if all_funds is None:
        return
    parts = [t for t in (budget.table(T5), budget.table(T7), budget.table(T8)) if t is not None]
    for column in ("total", "basic", "project"):
        whole = _codes(all_funds, column)
        if whole is None:
            continue
        sums: dict[str, list[Figure]] = {}
        for table in parts:
            for code, figures in (_codes(table, column) or {}).items():
                sums.setdefault(code, []).extend(figures)
        for code in sorted(sums):
            result = disagreement(sums[code], whole.get(code, ()))
            if result is not None and result.difference > result.tolerance:
                header = all_funds.SPEC.blocks[0].header_of(column)
                yield rule.finding(
                    f"{code} 的财政拨款{header}（一般公共预算、政府性基金、国有资本经营预算合计）"
                    f"超过部门预算支出总表中该科目的全部{header}：{_money(result)}",
                    location=Location(table=all_funds.title, row=code, column=header),
                    agreement=result,
                )


def _codes(table: RowsTable, column: str) -> dict[str, list[Figure]] | None:
    if column not in table.columns:
        return None
    index = table.columns.index(column)
    unit = table.header.unit
    return {
        row.key: [_wan_one(row.values[index], unit)] for row in table.rows if row.code is not None
    }


_THREE_PUBLIC_IN_BASIC = (
    ("travel_abroad", "30212", "因公出国（境）费用"),
    ("reception", "30217", "公务接待费"),
    ("vehicle_operation", "30231", "公务用车运行维护费"),
)


def _three_public_in_basic(rule: Rule, budget: DepartmentBudget) -> Iterator[Finding]:
    three, basic = budget.three_public_expenses, budget.basic_expenditure
    if three is None or basic is None:
        return
    for item, code, name in _THREE_PUBLIC_IN_BASIC:
        in_basic, seen = figures_at(basic, Cell("rows", code, "total"))
        if not seen:
            continue
        in_three, _ = figures_at(three, Cell("rows", item, "total"))
        result = disagreement(_wan(in_three, three.header.unit), _wan(in_basic, basic.header.unit))
        if result is not None and -result.difference > result.tolerance:
            yield rule.finding(
                f"“三公”经费表的{name} {_shown(result.actual) or '（空）'} 少于基本支出表"
                f" {code}“{name}” {_shown(result.expected)}",
                location=Location(table=three.title, row=name),
                agreement=result,
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
    result = disagreement(budgets, _wan(projects, expenditure.header.unit))
    if result is None:
        return
    where = Location(table="项目绩效目标表", row="项目预算合计")
    if result.difference > result.tolerance:
        yield rule.finding(
            f"已公开的 {len(budgets)} 个项目绩效目标预算合计 {_shown(result.actual)}万元，"
            f"超过部门预算支出总表项目支出 {_shown(result.expected)}万元",
            location=where,
            agreement=result,
        )
    elif -result.difference > result.tolerance:
        yield rule.finding(
            f"已公开的 {len(budgets)} 个项目绩效目标预算合计 {_shown(result.actual)}万元，"
            f"少于项目支出 {_shown(result.expected)}万元：未公开全部项目的绩效目标",
            location=where,
            agreement=result,
            severity=Severity.INFO,
        )


def _cross(
    suffix: str, title: str, description: str, function: Callable[..., Iterator[Finding]]
) -> Rule:
    return rule(
        f"X-{suffix}", title, Severity.ERROR, applies_to=DepartmentBudget, description=description
    )(function)


X_T1_T2 = _cross(
    "T1-T2",
    "The summary's income equals the income table",
    "收支总表的本年收入合计、上年结转、收入总计及各项收入 = 收入总表合计行的对应栏。",
    _comparisons(_T1_T2),
)
X_T1_T3 = _cross(
    "T1-T3",
    "The summary's expenditure equals the expenditure table",
    "收支总表的本年支出合计 = 支出总表合计。",
    _comparisons(_T1_T3),
)
X_T1_T3_CLASSES = _cross(
    "T1-T3-CLASSES",
    "Each class of the summary equals the expenditure table",
    "收支总表每一类支出 = 支出总表该类的合计（收支总表未列的类视为零）。",
    _by_class((T1, "expenditure", "amount"), (T3, "rows", "total"), "支出"),
)
X_T1_T4 = _cross(
    "T1-T4",
    "The summary's appropriation income equals the appropriation summary",
    "收支总表的一般公共预算、政府性基金、国有资本经营预算拨款收入 = 财政拨款收支总表的对应收入。",
    _comparisons(_T1_T4),
)
X_T4_FUNDS = tuple(
    _cross(
        f"T4-T{kind.SPEC.number}",
        f"The appropriation summary's {column.replace('_', ' ')} column equals table {kind.SPEC.number}",
        f"财政拨款收支总表{name}财政拨款栏每一类 = {kind.SPEC.title}该类合计。",
        _by_class((T4, "expenditure", column), (kind, "rows", "total"), f"{name}财政拨款支出"),
    )
    for column, kind, name in (
        ("general_public", T5, "一般公共预算"),
        ("government_fund", T7, "政府性基金预算"),
        ("state_capital", T8, "国有资本经营预算"),
    )
)
X_T4_TOTALS = _cross(
    "T4-TOTALS",
    "The appropriation summary's totals equal the appropriation tables",
    "财政拨款收支总表本年支出合计的各栏 = 一般公共预算、政府性基金、国有资本经营预算财政拨款支出表的合计。",
    _comparisons(_T4_APPROPRIATIONS),
)
X_T5_T6 = _cross(
    "T5-T6",
    "Basic expenditure equals the basic expenditure table",
    "一般公共预算财政拨款支出表的基本支出合计 = 一般公共预算财政拨款基本支出表合计。",
    _comparisons(_T5_T6),
)
X_APPROPRIATIONS_WITHIN_ALL = _cross(
    "APPROPRIATIONS-WITHIN-ALL",
    "Appropriations never exceed all funds",
    "每个功能科目的财政拨款支出（表5、表7、表8之和）不超过支出总表中该科目的支出（合计、基本、项目各栏）。",
    _within_all_funds,
)
X_GOALS_PROJECTS = _cross(
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
)(_three_public_in_basic)


# -- text and tables -------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Stated:
    """A stated fact compared with table cells."""

    fact: str
    label: str
    side: Side


def _stated(rule: Rule, budget: DepartmentBudget, claim: Stated) -> Iterator[Finding]:
    value = getattr(budget.facts, claim.fact)
    read = claim.side.read(budget)
    if value is None or read is None or not read[1]:
        return
    result = disagreement((value,), read[0])
    if result is not None:
        quote = budget.facts.quote(claim.fact)
        said = f"（原文：“{quote}”）" if quote else ""
        yield rule.finding(
            f"情况说明称{claim.label} {_shown(value)}万元，{claim.side.kind.SPEC.title}为 "
            f"{_shown(result.expected)}万元，差额 {_shown(result.difference)}"
            f"（舍入容差 {_shown(result.tolerance)}）{said}",
            location=Location(table="情况说明", row=claim.label, column=claim.side.kind.SPEC.title),
            agreement=result,
        )


def _statements(claims: tuple[Stated, ...]) -> Callable[..., Iterator[Finding]]:
    return _each(_stated, claims)


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
    _statements(
        (
            Stated("income_total", "预算收入", _side(T1, "income", "grand_total", "amount")),
            *(
                Stated(fact, label, _side(T1, "income", fact, "amount"))
                for fact, label in (
                    ("general_public_budget", "一般公共预算收入"),
                    ("government_fund", "政府性基金预算收入"),
                    ("state_capital", "国有资本经营预算收入"),
                    ("special_account", "财政专户管理资金收入"),
                    ("unit_funds", "单位资金收入"),
                    ("carry_over", "上年结转结余"),
                    ("fiscal_appropriation", "财政拨款收入"),
                    ("service_income", "事业收入"),
                    ("operating_income", "事业单位经营收入"),
                    ("subsidy_from_superior", "上级补助收入"),
                    ("remittance_from_subordinates", "附属单位上缴收入"),
                    ("other_income", "其他收入"),
                )
            ),
        )
    ),
)
TXT_EXPENDITURE = _text(
    "EXPENDITURE",
    "Stated expenditure equals the expenditure table",
    "情况说明的支出预算、基本支出、项目支出 = 支出总表合计行。",
    _statements(
        tuple(
            Stated(fact, label, _side(T3, "rows", "total", column))
            for fact, label, column in (
                ("expenditure_total", "支出预算", "total"),
                ("basic", "基本支出", "basic"),
                ("project", "项目支出", "project"),
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
            Stated(fact, label, _side(T4, "expenditure", "expenditure_total", column))
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
        Stated("personnel", "人员经费", _side(T6, "rows", "total", "personnel")),
        Stated("public", "公用经费", _side(T6, "rows", "total", "public")),
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
    _statements(
        tuple(
            Stated(fact, label, _side(T9, "rows", row, "total"))
            for fact, row, label in (
                ("three_public_total", "total", "“三公”经费"),
                ("travel_abroad", "travel_abroad", "因公出国（境）费"),
                ("vehicles", "vehicles", "公务用车购置及运行维护费"),
                ("vehicle_purchase", "vehicle_purchase", "公务用车购置费"),
                ("vehicle_operation", "vehicle_operation", "公务用车运行维护费"),
                ("reception", "reception", "公务接待费"),
            )
        )
    ),
)


def _agency_costs(rule: Rule, budget: DepartmentBudget) -> Iterator[Finding]:
    stated = budget.facts.agency_running_costs
    three = budget.three_public_expenses
    if three is not None and three.row("agency_running_costs") is not None:
        claim = Stated(
            "agency_running_costs",
            "机关运行经费",
            _side(T9, "rows", "agency_running_costs", "total"),
        )
        yield from _stated(rule, budget, claim)
        return
    basic = budget.basic_expenditure
    if stated is None or basic is None:
        return
    claim = Stated("agency_running_costs", "机关运行经费", _side(T6, "rows", "total", "public"))
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
    result = disagreement((stated,), _wan((item.total for item in table.items), table.unit))
    if result is not None:
        yield rule.finding(
            f"情况说明称政府采购预算 {_shown(stated)}万元，政府采购预算表合计 "
            f"{_shown(result.expected)}万元，差额 {_shown(result.difference)}",
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
        values = [row.value for row in table.rows if row.key in _ASSET_PARTS]
    result = disagreement((stated,), _wan(values, table.unit))
    if result is not None:
        date = f"（截止 {table.as_of}）" if table.as_of else ""
        quote = budget.facts.quote("fixed_assets_value")
        said = f"（原文：“{quote}”）" if quote else ""
        yield rule.finding(
            f"情况说明称上年末固定资产金额为 {_shown(stated)}万元，部门固定资产占用情况表"
            f"{date}资产总额为 {_shown(result.expected)}万元{said}",
            location=Location(table="情况说明", row="上年末固定资产金额", column=table.title),
            agreement=result,
        )


_ASSET_PARTS = ("buildings", "vehicles", "equipment", "other")

TXT_FIXED_ASSETS = _text(
    "FIXED-ASSETS",
    "Stated fixed assets equal the fixed-assets table",
    "情况说明的上年末固定资产金额 = 部门固定资产占用情况表的资产总额。",
    _fixed_assets,
)

_TEXT_SUMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "income_total",
        (
            "general_public_budget",
            "government_fund",
            "state_capital",
            "special_account",
            "unit_funds",
            "carry_over",
        ),
    ),
    ("expenditure_total", ("basic", "project")),
    ("basic", ("personnel", "public")),
    ("three_public_total", ("travel_abroad", "vehicles", "reception")),
    ("vehicles", ("vehicle_purchase", "vehicle_operation")),
    ("fiscal_appropriation", ("general_public_budget", "government_fund", "state_capital")),
    (
        "unit_funds",
        (
            "service_income",
            "operating_income",
            "subsidy_from_superior",
            "remittance_from_subordinates",
            "other_income",
        ),
    ),
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
_FACT_LABELS = FACT_LABELS


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
            names = " + ".join(_FACT_LABELS[p] for p in parts)
            yield rule.finding(
                f"情况说明自身不平：{_FACT_LABELS[total]} {_shown(value)} ≠ {names} "
                f"{_shown(result.expected)}，差额 {_shown(result.difference)}",
                location=Location(table="情况说明", row=_FACT_LABELS[total]),
                agreement=result,
            )


TXT_SUMS = _text(
    "SUMS",
    "The explanation's own figures add up",
    "情况说明中：预算收入 = 各项来源之和；支出 = 基本 + 项目；基本支出 = 人员经费 + 公用经费；"
    "“三公”经费 = 各项之和；比上年增减 = 基本支出增减 + 项目支出增减（均在各项都有表述时）。",
    _text_sums,
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
        f"DOC-{suffix}", title, severity, applies_to=DepartmentBudget, description=description
    )(function)


def _missing(rule: Rule, budget: DepartmentBudget) -> Iterator[Finding]:
    for kind in budget.missing_tables():
        yield rule.finding(
            f"未公开{kind.SPEC.title}（表{kind.SPEC.number}）；无数据时也应空表列示并说明",
            location=Location(table=kind.SPEC.title),
        )


def _unexplained_empty(rule: Rule, tables: Iterable[Table]) -> Iterator[Finding]:
    """The tables printed empty without a note saying why (budget and final accounts alike)."""
    for table in tables:
        if table.is_empty and not (getattr(table, "note", None) or "").strip():
            yield rule.finding(
                f"{table.title}为空表，但未说明原因（空表应列示并说明）",
                location=Location(table=table.title),
            )


def _empty_notes(rule: Rule, budget: DepartmentBudget) -> Iterator[Finding]:
    yield from _unexplained_empty(rule, budget.tables)
    procurement = budget.procurement
    if procurement is not None and procurement.is_empty and not procurement.notes:
        yield rule.finding(
            f"{procurement.title}为空表，但未说明原因", location=Location(table=procurement.title)
        )


_THREE_PUBLIC_ITEMS = ("three_public_total", "travel_abroad", "vehicles", "reception")
_THREE_PUBLIC_CHANGES = (
    "three_public_change",
    "travel_abroad_change",
    "vehicles_change",
    "reception_change",
)


def _three_public_statement(rule: Rule, budget: DepartmentBudget) -> Iterator[Finding]:
    facts = budget.facts
    where = Location(table="情况说明", row="“三公”经费")
    missing = [_FACT_LABELS[name] for name in _THREE_PUBLIC_ITEMS if getattr(facts, name) is None]
    if missing:
        yield rule.finding(f"“三公”经费说明未列明：{'、'.join(missing)}", location=where)
    items = [getattr(facts, name) for name in _THREE_PUBLIC_CHANGES[1:]]
    # The reason for a change of the total may be given item by item (上海: "公务用车购置及运行费
    # …增加27万元，主要原因是…"): the total then needs no reason of its own.
    explained_by_items = any(c is not None and c.amount != 0 for c in items) and all(
        c is None or c.amount == 0 or (c.reason or "").strip() for c in items
    )
    for name in _THREE_PUBLIC_CHANGES:
        change = getattr(facts, name)
        if change is None or change.amount == 0 or (change.reason or "").strip():
            continue
        if name == "three_public_change" and explained_by_items:
            continue
        yield rule.finding(
            f"{_FACT_LABELS[name]} {_shown(change.amount)}万元，未说明增减变化原因",
            location=where,
        )
    if facts.three_public_change is None:
        yield rule.finding(
            "“三公”经费说明未与上年比较，也未说明增减变化原因",
            location=where,
            severity=Severity.WARNING,
        )


def _agency_stated(rule: Rule, budget: DepartmentBudget) -> Iterator[Finding]:
    if budget.facts.agency_running_costs is None:
        yield rule.finding(
            "情况说明未说明机关运行经费安排情况",
            location=Location(table="情况说明", row="机关运行经费"),
        )


def _years(rule: Rule, budget: DepartmentBudget) -> Iterator[Finding]:
    found: list[tuple[str, int | None]] = [(t.title, t.header.year) for t in budget.tables]
    found.append(("情况说明", budget.facts.year))
    found += [(f"项目绩效目标表：{g.name}", g.year) for g in budget.project_goals]
    if budget.department_goals is not None:
        found.append(("部门整体绩效目标", budget.department_goals.year))
    for where, year in found:
        if year is not None and year != budget.year:
            yield rule.finding(
                f"{where}的预算年度为 {year}，与本部门预算年度 {budget.year} 不一致",
                location=Location(table=where),
            )


DOC_TABLES = _doc(
    "TABLES",
    "All nine standard tables are published",
    "九张标准表齐全（无数据的表也应空表列示）。",
    _missing,
)
DOC_EMPTY_NOTE = _doc(
    "EMPTY-NOTE",
    "An empty table says why it is empty",
    "空表列示并说明原因（九张表及政府采购预算表）。",
    _empty_notes,
)
DOC_THREE_PUBLIC = _doc(
    "THREE-PUBLIC",
    'The "three public" statement is complete',
    "“三公”经费说明列明合计及因公出国（境）费、公务用车购置及运行维护费、公务接待费，"
    "并说明与上年相比的增减变化及原因。",
    _three_public_statement,
)
DOC_AGENCY_COSTS = _doc(
    "AGENCY-COSTS",
    "Agency running costs are stated",
    "情况说明中说明机关运行经费安排情况。",
    _agency_stated,
)
DOC_YEAR = _doc(
    "YEAR",
    "One budget year everywhere",
    "各表、情况说明、绩效目标的预算年度与部门预算年度一致。",
    _years,
)


# -- the other tables of a disclosure ----------------------------------------------------------


@rule(
    "FA-TOTAL",
    "Total fixed assets equal the sum of their kinds",
    Severity.ERROR,
    applies_to=FixedAssetsTable,
    description="部门固定资产占用情况表：资产总额（价值）= 房屋 + 车辆 + 单价较高的设备 + 其他固定资产。",
)
def _assets_total(rule: Rule, table: FixedAssetsTable) -> Iterator[Finding]:
    total = table.row("total")
    parts = [row.value for row in table.rows if row.key in _ASSET_PARTS]
    if total is None or not any(row.key in _ASSET_PARTS for row in table.rows):
        return
    result = disagreement((total.value,), parts)
    if result is not None:
        yield rule.finding(
            f"资产总额 {_shown(total.value)} ≠ 各类资产价值之和 {_shown(result.expected)}",
            location=Location(table=table.title, row=total.label, column="价值"),
            agreement=result,
        )


@rule(
    "FA-OFFICE",
    "Office buildings are part of buildings",
    Severity.ERROR,
    applies_to=FixedAssetsTable,
    description="部门固定资产占用情况表：其中办公用房的面积和价值不超过房屋。",
)
def _office_within_buildings(rule: Rule, table: FixedAssetsTable) -> Iterator[Finding]:
    office, buildings = table.row("office_buildings"), table.row("buildings")
    if office is None or buildings is None:
        return
    for column, mine, theirs in (
        ("数量", office.quantity, buildings.quantity),
        ("价值", office.value, buildings.value),
    ):
        if mine is None:
            continue
        result = disagreement((mine,), (theirs,))
        if result is not None and result.difference > result.tolerance:
            yield rule.finding(
                f"其中办公用房{column} {_shown(mine)} 超过房屋{column} {_shown(theirs) or '（空）'}",
                location=Location(table=table.title, row=office.label, column=column),
                agreement=result,
            )


@rule(
    "PROC-COLUMNS",
    "Each procurement line's sources add up to its total",
    Severity.ERROR,
    applies_to=ProcurementTable,
    description="政府采购预算表每一行：合计 = 一般公共预算拨款 + 基金预算拨款 + 国有资本经营预算拨款 + "
    "财政专户核拨 + 单位资金 + 上年结转结余。",
)
def _procurement_columns(rule: Rule, table: ProcurementTable) -> Iterator[Finding]:
    for item in table.items:
        result = disagreement((item.total,), item.sources())
        if result is not None:
            yield rule.finding(
                f"采购项目“{item.item}”合计 {_shown(item.total)} ≠ 各资金来源之和 "
                f"{_shown(result.expected)}",
                location=Location(table=table.title, row=item.item, column="合计"),
                agreement=result,
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

BUDGET_COMPLETENESS: tuple[Rule, ...] = (
    DOC_TABLES,
    DOC_EMPTY_NOTE,
    DOC_THREE_PUBLIC,
    DOC_AGENCY_COSTS,
    DOC_YEAR,
)
"""The completeness rules of a budget disclosure, ``DOC-…``."""

OTHER_TABLE_RULES: tuple[Rule, ...] = (
    _assets_total,
    _office_within_buildings,
    _procurement_columns,
)
"""The rules of the fixed-assets (``FA-…``) and procurement (``PROC-…``) tables."""
