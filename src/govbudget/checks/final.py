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
from govbudget.checks.registry import Rule, register_carried, register_parts, rule
from govbudget.checks.tables import _register as _register_table_rules
from govbudget.disclosure.final import DepartmentFinalAccounts
from govbudget.findings import Finding, Location, Severity
from govbudget.tables import (
    STANDARD_FINAL_TABLES,
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

__all__: list[str] = []

for _kind in STANDARD_FINAL_TABLES:
    _register_table_rules(_kind)


def _parts(accounts: DepartmentFinalAccounts) -> Iterator[object]:
    yield accounts.facts
    yield _narrative.FinalTextTables(accounts.facts, text_figures(accounts))
    yield from accounts.tables


register_parts(DepartmentFinalAccounts, _parts)
register_carried(DepartmentFinalAccounts, lambda accounts: accounts.read_findings)

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
) -> None:
    rule(
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

_cross(
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
_cross(
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
_cross(
    "F1-F3-CLASSES",
    "Each class of the summary equals the expenditure table",
    "收入支出决算总表每一类支出 = 支出决算表该类的本年支出合计（未列的类视为零）。",
    _by_class((F1, "expenditure", "amount"), (F3, "rows", "total"), "支出"),
)
_cross(
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
_cross(
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
for _column, _kind, _fund_column, _name in (
    ("general_public", F5, "total", "一般公共预算"),
    ("government_fund", F8, "expenditure", "政府性基金预算"),
    ("state_capital", F9, "expenditure", "国有资本经营预算"),
):
    _cross(
        f"F4-F{_kind.SPEC.number}",
        f"The appropriation summary's {_column.replace('_', ' ')} column equals "
        f"final table {_kind.SPEC.number}",
        f"财政拨款收入支出决算总表{_name}财政拨款栏每一类 = {_kind.SPEC.title}该类的本年支出。",
        _by_class(
            (F4, "expenditure", _column), (_kind, "rows", _fund_column), f"{_name}财政拨款支出"
        ),
    )
_cross(
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
_cross(
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
_cross(
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


_cross(
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


_cross(
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
) -> None:
    rule(
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


_doc(
    "TABLES",
    "All nine tables of the final accounts are published",
    "部门决算九张公开表齐全（无数据的表也应空表列示）。",
    _missing,
)
_doc(
    "EMPTY-NOTE",
    "An empty table says why it is empty",
    "部门决算的空表列示并说明原因。",
    _empty_notes,
)
_doc(
    "YEAR",
    "One year everywhere",
    "各决算表的年度与部门决算年度一致。",
    _years,
)


# -- the explanation against the tables --------------------------------------------------------

# Imported last, so that the explanation's rules (TXT-FINAL-…) follow the tables' in the
# catalogue; as a module, because imported first it imports this one before defining its names.
from govbudget.checks import final_narrative as _narrative  # noqa: E402

_PRINTED_AS = {"total": "actual", "budget": "budgeted", "adjusted_budget": "adjusted"}

# The fact of the explanation, where the tables print it: table, block, row, column.
_FACT_CELLS: tuple[tuple[str, type[Table], str, str, str], ...] = (
    ("income_expenditure_total", F1, "income", "grand_total", "amount"),
    ("income_total", F1, "income", "income_total", "amount"),
    ("fiscal_appropriation", F1, "income", "fiscal_appropriation", "amount"),
    *((source, F1, "income", source, "amount") for source, _label in _SOURCES[1:]),
    ("non_fiscal_balance_used", F1, "income", "use_of_balance", "amount"),
    ("carry_over", F1, "income", "carry_over", "amount"),
    ("expenditure_total", F1, "expenditure", "expenditure_total", "amount"),
    ("balance_distribution", F1, "expenditure", "surplus_distribution", "amount"),
    ("carry_forward", F1, "expenditure", "carry_forward", "amount"),
    ("basic", F3, "rows", "total", "basic"),
    ("project", F3, "rows", "total", "project"),
    ("remittance_to_superior", F3, "rows", "total", "remittance_to_superior"),
    ("operating_expenditure", F3, "rows", "total", "operating"),
    ("subsidy_to_subordinates", F3, "rows", "total", "subsidy_to_subordinates"),
    ("fiscal_total", F4, "income", "grand_total", "amount"),
    ("general_public_basic", F5, "rows", "total", "basic"),
    ("government_fund_expenditure", F8, "rows", "total", "expenditure"),
    ("state_capital_expenditure", F9, "rows", "total", "expenditure"),
    ("personnel", F6, "rows", "personnel_total", "total"),
    ("public", F6, "rows", "public_total", "total"),
    ("personnel", F6, "rows", "total", "personnel"),  # the budget's layout: columns
    ("public", F6, "rows", "total", "public"),
)

_THREE_PUBLIC_ROWS = (
    ("three_public_total", "total"),
    ("travel_abroad", "travel_abroad"),
    ("vehicles", "vehicles"),
    ("vehicle_purchase", "vehicle_purchase"),
    ("vehicle_operation", "vehicle_operation"),
    ("reception", "reception"),
)


def _one(table: Table, cell: Cell) -> tuple[Figure, bool]:
    """The figure (in 万元) that stands for a cell — the sum of its parts where the table
    prints only those — and whether anything printed stands for it."""
    figures, seen = figures_at(table, cell)
    if not seen:
        return None, False
    wan = [f for f in _wan(figures, table.header.unit) if f is not None]
    return (sum(wan[1:], wan[0]) if wan else None), True


def _row_figures(
    table: Table, row: str, name: str, where: str | None = None
) -> _narrative.TableFigures | None:
    """A row of a table by functional subject or of the "三公" table in
    :class:`~govbudget.checks.final_narrative.TableFigures` terms: its 决算数 and the budgets the
    table prints; ``None`` when nothing printed stands for the row."""
    printed = table.block("rows")
    values: dict[str, Figure] = {}
    seen = False
    for column in printed.columns:
        meaning = "actual" if column == "actual" else _PRINTED_AS.get(column)
        if meaning is not None:
            values[meaning], stands = _one(table, Cell("rows", row, column))
            seen = seen or stands
    if not seen:
        return None
    found = printed.row(row)
    return _narrative.TableFigures(
        table.title,
        where or (found.label if found is not None else name),
        name=name,
        actual=values.get("actual"),
        budgeted=values.get("budgeted"),
        adjusted=values.get("adjusted"),
        columns=frozenset(values),
    )


def text_figures(accounts: DepartmentFinalAccounts) -> _narrative.FigureLookup:
    """What the tables print of the figures the explanation states (in 万元), for the rules
    ``TXT-FINAL-TABLE`` and ``TXT-FINAL-TABLE-RATE``.

    The rows are those of the 一般公共预算财政拨款支出决算表 with a code (决算数 = 合计, and
    年初预算数 / 调整预算数 where printed); the facts are the totals of the summaries, the
    kinds of 本年支出 of the 支出决算表, the 人员经费 / 公用经费 of the basic table and each
    "三公" item's 预算数 and 决算数. A figure the tables do not print is left out.

    >>> from govbudget.tables import TableHeader
    >>> t7 = ThreePublicExpensesFinalTable.from_rows(TableHeader("某部门", 2025), [
    ...     ("total", "合计", {"budget": "1.53", "actual": "0"}),
    ...     ("reception", "公务接待费", {"budget": "1.53", "actual": "0"})])
    >>> lookup = text_figures(DepartmentFinalAccounts("某部门", 2025, tables=[t7]))
    >>> reception = lookup.fact("reception")
    >>> reception.budgeted, reception.actual, sorted(reception.columns)
    (Decimal('1.53'), Decimal('0'), ['actual', 'budgeted'])
    >>> lookup.fact("travel_abroad") is None, lookup.fact("income_total") is None
    (True, True)
    """
    facts: list[tuple[str, _narrative.TableFigures]] = []
    for name, kind, block, row, column in _FACT_CELLS:
        table = accounts.table(kind)
        if table is None or column not in table.block(block).columns:
            continue
        value, seen = _one(table, Cell(block, row, column))
        if seen:
            label = table.SPEC.block(block).name_of(row)
            facts.append((name, _narrative.TableFigures(table.title, label, actual=value)))
    general = accounts.general_public_expenditure
    if general is not None:
        whole = _row_figures(general, "total", "合计")
        if whole is not None:
            facts.append(("general_public_expenditure", whole))
    three = accounts.three_public_expenses
    if three is not None:
        for name, row in _THREE_PUBLIC_ROWS:
            found = _row_figures(three, row, three.SPEC.block("rows").name_of(row))
            if found is not None:
                facts.append((name, found))
    rows: list[_narrative.TableFigures] = []
    if general is not None:
        for each in general.rows:
            if each.code is not None:
                found = _row_figures(general, each.key, each.label, each.code)
                if found is not None:
                    rows.append(found)
    return _narrative.FigureLookup(rows=rows, facts=facts)
