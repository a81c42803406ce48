"""The nine tables of final accounts (部门决算), their rules and DepartmentFinalAccounts.

One consistent set of final accounts is built by hand; every rule of the family (F1–F9, XF,
DOCF) passes on it, and each is broken in one way that must fire it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import DepartmentFinalAccounts, Phase, Table, TableHeader, check, rules
from govbudget.amounts import round_half_up
from govbudget.tables import (
    STANDARD_FINAL_TABLES,
    BasicExpenditureFinalTable,
    ExpenditureFinalTable,
    ExpenditureTable,
    FiscalAppropriationFinalSummary,
    GeneralPublicExpenditureFinalTable,
    GovernmentFundFinalTable,
    IncomeExpenditureFinalSummary,
    IncomeFinalTable,
    Row,
    RowsTable,
    StateCapitalFinalTable,
    TableError,
    ThreePublicExpensesFinalTable,
    TwoSidedTable,
    standard_tables,
    table_type,
)

YEAR = 2025
HEADER = TableHeader("某街道办事处", YEAR)
Cells = Mapping[str, str]


def functional(rows: list[tuple[str, str, Cells]]) -> list[tuple[str, str, Cells]]:
    return rows


def consistent() -> DepartmentFinalAccounts:
    """Final accounts whose every identity holds: 一般公共预算 900 and 政府性基金 100 received,
    其他收入 50, carry-overs of 20 (15 of them appropriations) and carry-forwards of 30."""
    t1 = IncomeExpenditureFinalSummary.from_rows(
        HEADER,
        income=[
            ("general_public_budget", "一、一般公共预算财政拨款收入", {"amount": "900.00"}),
            ("government_fund", "二、政府性基金预算财政拨款收入", {"amount": "100.00"}),
            ("other_income", "八、其他收入", {"amount": "50.00"}),
            ("income_total", "本年收入合计", {"amount": "1,050.00"}),
            ("use_of_balance", "使用非财政拨款结余", {}),
            ("carry_over", "年初结转和结余", {"amount": "20.00"}),
            ("grand_total", "总计", {"amount": "1,070.00"}),
        ],
        expenditure=[
            ("201", "一、一般公共服务支出", {"amount": "640.00"}),
            ("208", "八、社会保障和就业支出", {"amount": "300.00"}),
            ("212", "十一、城乡社区支出", {"amount": "100.00"}),
            ("expenditure_total", "本年支出合计", {"amount": "1,040.00"}),
            ("surplus_distribution", "结余分配", {}),
            ("carry_forward", "年末结转和结余", {"amount": "30.00"}),
            ("grand_total", "总计", {"amount": "1,070.00"}),
        ],
    )
    t2 = IncomeFinalTable.from_rows(
        HEADER,
        [
            (
                "total",
                "合计",
                {"total": "1,050.00", "fiscal_appropriation": "1,000.00", "other_income": "50.00"},
            ),
            (
                "201",
                "一般公共服务支出",
                {"total": "650.00", "fiscal_appropriation": "600.00", "other_income": "50.00"},
            ),
            (
                "20101",
                "人大事务",
                {"total": "650.00", "fiscal_appropriation": "600.00", "other_income": "50.00"},
            ),
            (
                "2010101",
                "行政运行",
                {"total": "650.00", "fiscal_appropriation": "600.00", "other_income": "50.00"},
            ),
            ("208", "社会保障和就业支出", {"total": "300.00", "fiscal_appropriation": "300.00"}),
            (
                "20805",
                "行政事业单位养老支出",
                {"total": "300.00", "fiscal_appropriation": "300.00"},
            ),
            (
                "2080505",
                "机关事业单位基本养老保险缴费支出",
                {"total": "300.00", "fiscal_appropriation": "300.00"},
            ),
            ("212", "城乡社区支出", {"total": "100.00", "fiscal_appropriation": "100.00"}),
            (
                "21208",
                "国有土地使用权出让收入安排的支出",
                {"total": "100.00", "fiscal_appropriation": "100.00"},
            ),
            ("2120803", "城市建设支出", {"total": "100.00", "fiscal_appropriation": "100.00"}),
        ],
        columns=["total", "fiscal_appropriation", "other_income"],
    )
    t3 = ExpenditureFinalTable.from_rows(
        HEADER,
        [
            ("total", "合计", {"total": "1,040.00", "basic": "700.00", "project": "340.00"}),
            *(
                (code, name, {"total": total, "basic": basic, "project": project})
                for code, name, total, basic, project in (
                    ("201", "一般公共服务支出", "640.00", "500.00", "140.00"),
                    ("20101", "人大事务", "640.00", "500.00", "140.00"),
                    ("2010101", "行政运行", "640.00", "500.00", "140.00"),
                    ("208", "社会保障和就业支出", "300.00", "200.00", "100.00"),
                    ("20805", "行政事业单位养老支出", "300.00", "200.00", "100.00"),
                    ("2080505", "机关事业单位基本养老保险缴费支出", "300.00", "200.00", "100.00"),
                    ("212", "城乡社区支出", "100.00", "", "100.00"),
                    ("21208", "国有土地使用权出让收入安排的支出", "100.00", "", "100.00"),
                    ("2120803", "城市建设支出", "100.00", "", "100.00"),
                )
            ),
        ],
        columns=["total", "basic", "project"],
    )
    t4 = FiscalAppropriationFinalSummary.from_rows(
        HEADER,
        income=[
            ("general_public_budget", "一、一般公共预算财政拨款", {"amount": "900.00"}),
            ("government_fund", "二、政府性基金预算财政拨款", {"amount": "100.00"}),
            ("state_capital", "三、国有资本经营预算财政拨款", {}),
            ("income_total", "本年收入合计", {"amount": "1,000.00"}),
            ("carry_over", "年初财政拨款结转和结余", {"amount": "15.00"}),
            ("carry_over_general_public", "一、一般公共预算财政拨款", {"amount": "10.00"}),
            ("carry_over_government_fund", "二、政府性基金预算财政拨款", {"amount": "5.00"}),
            ("carry_over_state_capital", "三、国有资本经营预算财政拨款", {}),
            ("grand_total", "总计", {"amount": "1,015.00"}),
        ],
        expenditure=[
            ("201", "一、一般公共服务支出", {"total": "590.00", "general_public": "590.00"}),
            ("208", "八、社会保障和就业支出", {"total": "300.00", "general_public": "300.00"}),
            ("212", "十一、城乡社区支出", {"total": "95.00", "government_fund": "95.00"}),
            (
                "expenditure_total",
                "本年支出合计",
                {"total": "985.00", "general_public": "890.00", "government_fund": "95.00"},
            ),
            (
                "carry_forward",
                "年末财政拨款结转和结余",
                {"total": "30.00", "general_public": "20.00", "government_fund": "10.00"},
            ),
            (
                "grand_total",
                "总计",
                {"total": "1,015.00", "general_public": "910.00", "government_fund": "105.00"},
            ),
        ],
    )
    t5 = GeneralPublicExpenditureFinalTable.from_rows(
        HEADER,
        [
            *(
                (code, name, {"budget": budget, "total": total, "basic": basic, "project": project})
                for code, name, budget, total, basic, project in (
                    ("201", "一般公共服务支出", "600.00", "590.00", "500.00", "90.00"),
                    ("20101", "人大事务", "600.00", "590.00", "500.00", "90.00"),
                    ("2010101", "行政运行", "600.00", "590.00", "500.00", "90.00"),
                    ("208", "社会保障和就业支出", "310.00", "300.00", "200.00", "100.00"),
                    ("20805", "行政事业单位养老支出", "310.00", "300.00", "200.00", "100.00"),
                    (
                        "2080505",
                        "机关事业单位基本养老保险缴费支出",
                        "310.00",
                        "300.00",
                        "200.00",
                        "100.00",
                    ),
                )
            ),
            (
                "total",
                "合计",
                {"budget": "910.00", "total": "890.00", "basic": "700.00", "project": "190.00"},
            ),
        ],
        columns=["budget", "total", "basic", "project"],
    )
    t6 = BasicExpenditureFinalTable.from_rows(
        HEADER,
        [
            *(
                (code, name, {"total": x})
                for code, name, x in (
                    ("301", "工资福利支出", "500.00"),
                    ("30101", "基本工资", "300.00"),
                    ("30102", "津贴补贴", "200.00"),
                    ("302", "商品和服务支出", "140.00"),
                    ("30201", "办公费", "135.00"),
                    ("30217", "公务接待费", "5.00"),
                    ("303", "对个人和家庭的补助", "50.00"),
                    ("30302", "退休费", "50.00"),
                    ("310", "资本性支出", "10.00"),
                    ("31002", "办公设备购置", "10.00"),
                    ("personnel_total", "人员经费合计", "550.00"),
                    ("public_total", "公用经费合计", "150.00"),
                )
            ),
        ],
        columns=["total"],
    )
    t7 = ThreePublicExpensesFinalTable.from_rows(
        HEADER,
        [
            ("total", "合计", {"budget": "20.00", "actual": "15.00"}),
            ("travel_abroad", "因公出国（境）费", {}),
            ("vehicles", "公务用车购置及运行维护费", {"budget": "15.00", "actual": "10.00"}),
            ("vehicle_purchase", "公务用车购置费", {"budget": "10.00", "actual": "8.00"}),
            ("vehicle_operation", "公务用车运行维护费", {"budget": "5.00", "actual": "2.00"}),
            ("reception", "公务接待费", {"budget": "5.00", "actual": "5.00"}),
        ],
    )
    fund = {
        "carry_over": "5.00",
        "income": "100.00",
        "expenditure": "95.00",
        "project": "95.00",
        "carry_forward": "10.00",
    }
    t8 = GovernmentFundFinalTable.from_rows(
        HEADER,
        [
            ("total", "合计", fund),
            ("212", "城乡社区支出", fund),
            ("21208", "国有土地使用权出让收入安排的支出", fund),
            ("2120803", "城市建设支出", fund),
        ],
    )
    t9 = StateCapitalFinalTable(
        HEADER, note="注：本部门无国有资本经营预算财政拨款收入和支出，故本表无数据。"
    )
    return DepartmentFinalAccounts(
        "某街道办事处", YEAR, tables=[t1, t2, t3, t4, t5, t6, t7, t8, t9]
    )


ACCOUNTS = consistent()

# -- changing one thing ------------------------------------------------------------------------


def _replace(accounts: DepartmentFinalAccounts, table: Table) -> DepartmentFinalAccounts:
    tables = [table if type(t) is type(table) else t for t in accounts.tables]
    return attrs.evolve(accounts, tables=tables)


def _rows(table: Table, block: str) -> tuple[Row, ...]:
    return table.block(block).rows


def _with_rows(table: Table, block: str, rows: list[Row]) -> Table:
    if isinstance(table, TwoSidedTable):
        return attrs.evolve(table, **{block: tuple(rows)})
    assert isinstance(table, RowsTable)
    return attrs.evolve(table, rows=tuple(rows))


def edit(
    kind: type[Table],
    change: Callable[[list[Row], tuple[str, ...]], list[Row]],
    block: str = "rows",
) -> DepartmentFinalAccounts:
    table = ACCOUNTS.table(kind)
    assert table is not None
    rows = list(_rows(table, block))
    return _replace(ACCOUNTS, _with_rows(table, block, change(rows, table.block(block).columns)))


def setting(
    kind: type[Table], key: str, column: str, value: str | None, block: str = "rows"
) -> DepartmentFinalAccounts:
    def change(rows: list[Row], columns: tuple[str, ...]) -> list[Row]:
        at = columns.index(column)
        return [
            Row(r.key, r.label, [value if i == at else v for i, v in enumerate(r.values)])
            if r.key == key
            else r
            for r in rows
        ]

    return edit(kind, change, block)


def dropping(kind: type[Table], key: str, block: str = "rows") -> DepartmentFinalAccounts:
    return edit(kind, lambda rows, _c: [r for r in rows if r.key != key], block)


def doubling(kind: type[Table], key: str, block: str = "rows") -> DepartmentFinalAccounts:
    return edit(kind, lambda rows, _c: [*rows, next(r for r in rows if r.key == key)], block)


def renaming(
    kind: type[Table], key: str, label: str, block: str = "rows"
) -> DepartmentFinalAccounts:
    return edit(
        kind,
        lambda rows, _c: [attrs.evolve(r, label=label) if r.key == key else r for r in rows],
        block,
    )


def adding(kind: type[Table], row: Row, block: str = "rows") -> DepartmentFinalAccounts:
    return edit(kind, lambda rows, _c: [*rows, row], block)


def unknown_code(kind: type[Table]) -> DepartmentFinalAccounts:
    """A class, section and item that neither the catalogue nor the codes observed in real
    documents hold, with money (304 and 299 are numbers no classification uses)."""
    table = ACCOUNTS.table(kind)
    assert table is not None
    width = len(table.block("rows").columns)
    codes = ("304", "30499") if kind is BasicExpenditureFinalTable else ("299", "29999", "2999999")
    return edit(
        kind,
        lambda rows, _c: [*rows, *(Row(code, "某支出", ["0.00"] * width) for code in codes)],
    )


F1, F2, F3 = IncomeExpenditureFinalSummary, IncomeFinalTable, ExpenditureFinalTable
F4, F5, F6 = (
    FiscalAppropriationFinalSummary,
    GeneralPublicExpenditureFinalTable,
    BasicExpenditureFinalTable,
)
F7, F8, F9 = ThreePublicExpensesFinalTable, GovernmentFundFinalTable, StateCapitalFinalTable


def _by_subject(
    kind: type[Table], prefix: str, item: str, section: str
) -> dict[str, Callable[[], DepartmentFinalAccounts]]:
    first = ACCOUNTS.table(kind)
    assert first is not None
    column = first.block("rows").columns[-1]
    return {
        f"{prefix}-TOTAL": lambda: setting(kind, "total", column, "999.00"),
        f"{prefix}-SUM-ROWS": lambda: setting(kind, section, column, "1.00"),
        f"{prefix}-DUPLICATE": lambda: doubling(kind, item),
        f"{prefix}-HIERARCHY": lambda: dropping(kind, section),
        f"{prefix}-DETAIL": lambda: dropping(kind, item),
        f"{prefix}-CODE-NAME": lambda: renaming(kind, item, "某某支出"),
        f"{prefix}-CODE-UNKNOWN": lambda: unknown_code(kind),
    }


def _state_capital_with(value: str) -> DepartmentFinalAccounts:
    fund = {"carry_over": "1.00", "income": value, "expenditure": "1.00", "project": "1.00"}
    t9 = StateCapitalFinalTable.from_rows(
        HEADER,
        [
            ("total", "合计", fund),
            ("212", "城乡社区支出", fund),
            ("21208", "国有土地使用权出让收入安排的支出", fund),
            ("2120803", "城市建设支出", fund),
        ],
    )
    return _replace(ACCOUNTS, t9)


def _compared_with_last_year(
    change: str, rate: str, column: str = "change_amount"
) -> DepartmentFinalAccounts:
    """The accounts' "三公" table compared with last year, its 合计 row printing ``change`` and
    ``rate`` in the ``column`` pair (增减 or 减少); the other rows print theirs consistently."""
    rate_column = column.replace("amount", "rate")
    sign = "-" if column.startswith("decrease") else ""

    def row(budget: str, actual: str, previous: str, moved: str, moved_rate: str) -> dict[str, str]:
        return {
            "budget": budget,
            "actual": actual,
            "previous_actual": previous,
            column: sign + moved,
            rate_column: sign + moved_rate,
        }

    t7 = F7.from_rows(
        HEADER,
        [
            (
                "total",
                "合计",
                {**row("20.00", "15.00", "12.00", "", ""), column: change, rate_column: rate},
            ),
            ("travel_abroad", "因公出国（境）费", {}),
            (
                "vehicles",
                "公务用车购置及运行维护费",
                row("15.00", "10.00", "8.00", "2.00", "25.00"),
            ),
            ("vehicle_purchase", "公务用车购置费", row("10.00", "8.00", "6.00", "2.00", "33.33")),
            (
                "vehicle_operation",
                "公务用车运行维护费",
                row("5.00", "2.00", "2.00", "0.00", "0.00"),
            ),
            ("reception", "公务接待费", row("5.00", "5.00", "4.00", "1.00", "25.00")),
        ],
        columns=["budget", "actual", "previous_actual", column, rate_column],
    )
    return _replace(ACCOUNTS, t7)


def test_a_change_against_last_year_is_checked_as_printed() -> None:
    """15.00 against 12.00 last year: 增减 3.00, 25%; a decrease column prints −3.00 as 减少额."""
    assert check(_compared_with_last_year("3.00", "25.00"), select=["F7"]).findings == ()
    assert check(_compared_with_last_year("3.00", "25"), select=["F7"]).findings == ()
    decreased = _compared_with_last_year("-3.00", "-25.00", "decrease_amount")
    assert check(decreased, select=["F7"]).findings == ()
    wrong = check(_compared_with_last_year("3.00", "20.00"), select=["F7"])
    assert wrong.rule_ids() == ("F7-CHANGE-RATE",)


_CENTS = st.integers(min_value=1, max_value=10**9).map(lambda n: Decimal(n).scaleb(-4))


@given(current=_CENTS, previous=_CENTS, places=st.sampled_from([0, 1, 2]))
def test_a_change_rounded_from_true_figures_always_agrees(
    current: Decimal, previous: Decimal, places: int
) -> None:
    """Whatever the true figures, printing them and their change and rate rounded (half up) to
    the cent, and the rate to ``places`` decimals, gives no change finding: the rules tell a
    rounding difference from an error."""

    def printed(value: Decimal, digits: int = 2) -> str:
        return str(round_half_up(value, digits))

    rate = (current - previous) / previous * 100
    row = {
        "actual": printed(current),
        "previous_actual": printed(previous),
        "change_amount": printed(current - previous),
        "change_rate": printed(rate, places),
    }
    alone = {k: v for k, v in row.items() if k != "change_amount"}
    for values in (row, alone):
        t7 = F7.from_rows(HEADER, [("reception", "公务接待费", values)], columns=list(values))
        assert check(t7, select=["F7-CHANGE", "F7-CHANGE-RATE"]).findings == (), values


BROKEN: dict[str, Callable[[], DepartmentFinalAccounts]] = {
    # 1 收入支出决算总表
    "F1-TOTAL": lambda: setting(F1, "income_total", "amount", "1,060.00", "income"),
    "F1-BALANCE": lambda: setting(F1, "grand_total", "amount", "1,080.00", "expenditure"),
    "F1-DUPLICATE": lambda: doubling(F1, "201", "expenditure"),
    "F1-CODE-NAME": lambda: renaming(F1, "201", "一、外交支出", "expenditure"),
    "F1-CODE-UNKNOWN": lambda: adding(F1, Row("218", "某某支出", ["1.00"]), "expenditure"),
    # 2, 3, 5 by functional subject
    "F2-COLUMNS": lambda: setting(F2, "2010101", "total", "651.00"),
    **_by_subject(F2, "F2", "2080505", "20805"),
    "F3-COLUMNS": lambda: setting(F3, "2010101", "basic", "501.00"),
    **_by_subject(F3, "F3", "2080505", "20805"),
    "F5-COLUMNS": lambda: setting(F5, "2010101", "project", "91.00"),
    **_by_subject(F5, "F5", "2080505", "20805"),
    # 4 财政拨款收入支出决算总表
    "F4-COLUMNS": lambda: setting(F4, "201", "total", "591.00", "expenditure"),
    "F4-TOTAL": lambda: setting(F4, "carry_over_general_public", "amount", "11.00", "income"),
    "F4-BALANCE": lambda: setting(F4, "grand_total", "total", "1,016.00", "expenditure"),
    "F4-FUND-GENERAL-PUBLIC": lambda: setting(
        F4, "general_public_budget", "amount", "901.00", "income"
    ),
    "F4-FUND-GOVERNMENT-FUND": lambda: setting(
        F4, "carry_forward", "government_fund", "11.00", "expenditure"
    ),
    "F4-FUND-STATE-CAPITAL": lambda: setting(F4, "state_capital", "amount", "0.01", "income"),
    "F4-DUPLICATE": lambda: doubling(F4, "208", "expenditure"),
    "F4-CODE-NAME": lambda: renaming(F4, "208", "八、卫生健康支出", "expenditure"),
    "F4-CODE-UNKNOWN": lambda: adding(
        F4, Row("218", "某某支出", ["0.00", "0.00", None, None]), "expenditure"
    ),
    # 6 基本支出决算表
    **_by_subject(F6, "F6", "30302", "303"),
    "F6-COLUMNS": lambda: _replace(
        ACCOUNTS,
        BasicExpenditureFinalTable.from_rows(
            HEADER,
            [("301", "工资福利支出", {"total": "10.00", "personnel": "9.00"})],
            columns=["total", "personnel", "public"],
        ),
    ),
    "F6-TOTAL": lambda: adding(F6, Row("total", "合计", ["701.00"])),
    "F6-PERSONNEL": lambda: setting(F6, "personnel_total", "total", "551.00"),
    "F6-PUBLIC": lambda: setting(F6, "public_total", "total", "149.00"),
    # 7 "三公"
    "F7-TOTAL": lambda: setting(F7, "vehicles", "actual", "11.00"),
    "F7-DUPLICATE": lambda: doubling(F7, "reception"),
    "F7-CHANGE": lambda: _compared_with_last_year("2.00", "25.00"),
    "F7-CHANGE-RATE": lambda: _compared_with_last_year("3.00", "2.50"),
    # 8, 9 政府性基金, 国有资本经营预算
    **_by_subject(F8, "F8", "2120803", "21208"),
    "F8-COLUMNS": lambda: setting(F8, "2120803", "project", "94.00"),
    "F8-BALANCE": lambda: setting(F8, "total", "carry_forward", "11.00"),
    "F8-TOTAL": lambda: setting(F8, "total", "income", "99.00"),
    "F9-COLUMNS": lambda: _replace(
        ACCOUNTS,
        StateCapitalFinalTable.from_rows(
            HEADER, [("2120803", "城市建设支出", {"expenditure": "2.00", "basic": "1.00"})]
        ),
    ),
    "F9-BALANCE": lambda: _state_capital_with("2.00"),
    "F9-TOTAL": lambda: _replace(
        ACCOUNTS,
        StateCapitalFinalTable.from_rows(
            HEADER,
            [
                ("total", "合计", {"expenditure": "2.00"}),
                ("212", "城乡社区支出", {"expenditure": "1.00"}),
                ("21208", "国有土地使用权出让收入安排的支出", {"expenditure": "1.00"}),
                ("2120803", "城市建设支出", {"expenditure": "1.00"}),
            ],
        ),
    ),
    "F9-SUM-ROWS": lambda: _replace(
        ACCOUNTS,
        StateCapitalFinalTable.from_rows(
            HEADER,
            [
                ("212", "城乡社区支出", {"expenditure": "2.00"}),
                ("21208", "国有土地使用权出让收入安排的支出", {"expenditure": "1.00"}),
            ],
        ),
    ),
    "F9-DUPLICATE": lambda: _replace(
        ACCOUNTS,
        StateCapitalFinalTable.from_rows(HEADER, [("total", "合计", {}), ("total", "合计", {})]),
    ),
    "F9-HIERARCHY": lambda: _replace(
        ACCOUNTS, StateCapitalFinalTable.from_rows(HEADER, [("2120803", "城市建设支出", {})])
    ),
    "F9-DETAIL": lambda: _replace(
        ACCOUNTS, StateCapitalFinalTable.from_rows(HEADER, [("212", "城乡社区支出", {})])
    ),
    "F9-CODE-NAME": lambda: _replace(
        ACCOUNTS, StateCapitalFinalTable.from_rows(HEADER, [("212", "农林水支出", {})])
    ),
    "F9-CODE-UNKNOWN": lambda: _replace(
        ACCOUNTS,
        StateCapitalFinalTable.from_rows(HEADER, [("299", "某支出", {"expenditure": "1.00"})]),
    ),
    # between tables
    "XF-F1-F2": lambda: setting(F2, "total", "other_income", "40.00"),
    "XF-F1-F3": lambda: setting(F3, "total", "total", "1,041.00"),
    "XF-F1-F3-CLASSES": lambda: setting(F3, "208", "total", "301.00"),
    "XF-F1-F4": lambda: setting(F4, "government_fund", "amount", "101.00", "income"),
    "XF-F4-F1-BALANCES": lambda: setting(F1, "carry_over", "amount", "10.00", "income"),
    "XF-F4-F5": lambda: setting(F5, "208", "total", "299.00"),
    "XF-F4-F8": lambda: setting(F8, "212", "expenditure", "96.00"),
    "XF-F4-F9": lambda: _state_capital_with("1.00"),
    "XF-F4-TOTALS": lambda: setting(F5, "total", "total", "891.00"),
    "XF-F4-FUNDS": lambda: setting(F8, "total", "income", "101.00"),
    "XF-F5-F6": lambda: setting(F5, "total", "basic", "701.00"),
    "XF-APPROPRIATIONS-WITHIN-ALL": lambda: setting(F5, "2010101", "project", "141.00"),
    "XF-F7-F6": lambda: setting(F7, "reception", "actual", "4.00"),
    # completeness
    "DOCF-TABLES": lambda: attrs.evolve(ACCOUNTS, tables=ACCOUNTS.tables[:-1]),
    "DOCF-EMPTY-NOTE": lambda: _replace(ACCOUNTS, StateCapitalFinalTable(HEADER)),
    "DOCF-YEAR": lambda: _replace(
        ACCOUNTS, StateCapitalFinalTable(TableHeader("某街道办事处", YEAR - 1), note="注：无。")
    ),
}

FAMILY = [
    r.id
    for r in rules()
    if r.id.startswith(("XF-", "DOCF-")) or r.id[:2] in {f"F{n}" for n in range(1, 10)}
]


def test_every_rule_of_the_family_is_broken_here() -> None:
    assert sorted(BROKEN) == sorted(FAMILY)


def test_the_consistent_accounts_pass_every_rule() -> None:
    report = check(ACCOUNTS, select=FAMILY)
    assert list(report) == []


@pytest.mark.parametrize("rule", sorted(BROKEN))
def test_each_rule_passes_on_the_consistent_accounts(rule: str) -> None:
    assert check(ACCOUNTS, select=[rule]).rule_ids() == ()


@pytest.mark.parametrize("rule", sorted(BROKEN))
def test_each_rule_fires_on_its_corruption(rule: str) -> None:
    report = check(BROKEN[rule](), select=[rule])
    assert rule in report.rule_ids(), rule
    finding = report.filter(rule=rule)[0]
    assert finding.message and finding.title


# -- the declarations --------------------------------------------------------------------------


def test_the_final_family_is_nine_tables_of_phase_final() -> None:
    assert len(STANDARD_FINAL_TABLES) == 9
    assert standard_tables(Phase.FINAL) == STANDARD_FINAL_TABLES
    assert [kind.SPEC.number for kind in STANDARD_FINAL_TABLES] == list(range(1, 10))
    assert all(kind.SPEC.phase is Phase.FINAL for kind in STANDARD_FINAL_TABLES)
    assert all("决算" in kind.SPEC.title for kind in STANDARD_FINAL_TABLES)
    assert ExpenditureTable.SPEC.phase is Phase.BUDGET
    assert ExpenditureTable.SPEC.rule_prefix == "T3"
    assert ExpenditureFinalTable.SPEC.rule_prefix == "F3"
    keys = [kind.SPEC.key for kind in STANDARD_FINAL_TABLES]
    assert len(set(keys)) == 9
    assert all(
        table_type(key) is kind for key, kind in zip(keys, STANDARD_FINAL_TABLES, strict=True)
    )
    assert table_type(7, Phase.FINAL) is ThreePublicExpensesFinalTable
    assert table_type(7) is not ThreePublicExpensesFinalTable
    with pytest.raises(KeyError):
        table_type("no_such_table")


def test_no_false_identity_is_declared() -> None:
    # 本年收入 need not equal 本年支出, nor income by subject expenditure by subject: the
    # consistent accounts above differ in both, and no rule minds.
    t1 = ACCOUNTS.income_expenditure_summary
    assert t1 is not None
    assert t1.block("income").value("income_total", "amount") != t1.block("expenditure").value(
        "expenditure_total", "amount"
    )
    assert ACCOUNTS.income is not None and ACCOUNTS.expenditure is not None
    assert ACCOUNTS.income.value("201", "total") != ACCOUNTS.expenditure.value("201", "total")


def test_rounding_differences_are_not_errors() -> None:
    # 326.71 in the summary against 326.72 in the expenditure table: within 0.005 + 0.005.
    broken = setting(F1, "208", "amount", "299.99", "expenditure")
    assert "XF-F1-F3-CLASSES" not in check(broken).rule_ids()


def test_final_accounts_hold_only_final_tables() -> None:
    with pytest.raises(TableError, match="部门预算表"):
        DepartmentFinalAccounts("某部门", YEAR, tables=[ExpenditureTable(HEADER)])
    with pytest.raises(TableError, match="two"):
        DepartmentFinalAccounts("某部门", YEAR, tables=[F9(HEADER), F9(HEADER)])


def test_final_accounts_accessors() -> None:
    assert ACCOUNTS.phase is Phase.FINAL
    assert ACCOUNTS.missing_tables() == ()
    assert ACCOUNTS.table(F6) is ACCOUNTS.basic_expenditure
    assert ACCOUNTS.table("basic_expenditure_final") is ACCOUNTS.basic_expenditure
    assert ACCOUNTS.table("basic_expenditure") is None
    for name, kind in (
        ("income_expenditure_summary", F1),
        ("income", F2),
        ("expenditure", F3),
        ("fiscal_appropriation_summary", F4),
        ("general_public_expenditure", F5),
        ("basic_expenditure", F6),
        ("three_public_expenses", F7),
        ("government_fund_expenditure", F8),
        ("state_capital_expenditure", F9),
    ):
        assert isinstance(getattr(ACCOUNTS, name), kind)
    assert repr(ACCOUNTS).startswith("<DepartmentFinalAccounts 某街道办事处 2025: 9 tables")
    assert repr(ACCOUNTS.table(F6)).startswith(
        "<BasicExpenditureFinalTable 一般公共预算财政拨款基本支出决算表"
    )


def test_an_unprinted_total_of_the_basic_table_stands_for_the_sum_of_its_classes() -> None:
    from govbudget.tables import Cell, figures_at

    basic = ACCOUNTS.basic_expenditure
    assert basic is not None
    figures, seen = figures_at(basic, Cell("rows", "total", "total"))
    assert seen and sum(f for f in figures if f is not None) == Decimal("700.00")


def test_the_three_public_table_reads_budget_against_actual() -> None:
    three = ACCOUNTS.three_public_expenses
    assert three is not None
    assert three.columns == ("budget", "actual")
    assert three.value("vehicles", "budget") - three.value("vehicles", "actual") == Decimal("5.00")  # type: ignore[operator]
