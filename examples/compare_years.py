"""Two years of a small department: ledgers of its two units, consolidated, derived, compared.

某区财政局 has its own office (本级, 行政) and an information centre (事业) with some income of
its own. Each unit keeps a ledger; the department's budget is the two added up. The comparison
of 2025 with 2024 is printed by 类, by basic and project expenditure and by "三公" item, then
stated as the explanation's 比上年增减 (with the reasons a budget officer gives), written as
text, read back and checked: no error, and a warning per table that prints 2010650 事业运行,
which the shipped catalogue (partial) lacks and the ledger names itself. Last, 2024's budget is set beside its final accounts (决算).

The budgets are compared in 元, so that every stated change is rounded once from exact amounts
(a change of two printed 万元 figures is only known to ±0.01万元).

Run:  python examples/compare_years.py
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from govbudget import Unit, check
from govbudget.amounts import format_amount
from govbudget.disclosure import BudgetUnit
from govbudget.ledger import (
    BasicKind,
    ExpenditureKind,
    FundSource,
    Ledger,
    LineItem,
    ThreePublicItem,
    UnitFundKind,
    compare_execution,
    compare_years,
    consolidate,
    derive,
    explanation,
    with_changes,
)
from govbudget.reading import read_facts
from govbudget.tables import ExpenditureTable

DEPARTMENT = "某区财政局"
OFFICE = BudgetUnit("某区财政局本级", "行政", "正处级", "财政拨款")
CENTRE = BudgetUnit("某区财政信息中心", "事业", "正科级", "财政补助")
PERSONNEL, PUBLIC = BasicKind.PERSONNEL, BasicKind.PUBLIC
# 事业运行 of 财政事务 is missing from the shipped (partial) catalogue: the ledger names it.
NAMES = {"2010650": "事业运行"}

# The office: functional 项, economic 款, 2024 and 2025 in 元, 人员经费 or 公用经费, "三公" item.
OFFICE_BASIC = (
    ("2010601", "30101", "1826400.00", "1901200.00", PERSONNEL, None),
    ("2010601", "30102", "734150.00", "760300.00", PERSONNEL, None),
    ("2080505", "30108", "292224.00", "304192.00", PERSONNEL, None),
    ("2101101", "30110", "164388.00", "171108.00", PERSONNEL, None),
    ("2210201", "30113", "219168.00", "228144.00", PERSONNEL, None),
    ("2010601", "30201", "86000.00", "80000.00", PUBLIC, None),
    ("2010601", "30217", "12000.00", "8000.00", PUBLIC, ThreePublicItem.RECEPTION),
    ("2010601", "30231", "36000.00", "36000.00", PUBLIC, ThreePublicItem.VEHICLE_OPERATION),
)
# Projects: functional 项, economic 款, 2024 and 2025 in 元 ("0" where there was none), code.
OFFICE_PROJECTS = (
    ("2010607", "31007", "450000.00", "380000.00", "P2024001"),  # 财政信息化建设
    ("2010602", "30227", "0", "260000.00", "P2025003"),  # 预算绩效评价
)
# The centre: its basic expenditure, half from 一般公共预算, half from its own 事业收入.
CENTRE_BASIC = (
    ("2010650", "30101", "402600.00", "418500.00", PERSONNEL, FundSource.GENERAL_PUBLIC),
    ("2010650", "30107", "215300.00", "220100.00", PERSONNEL, FundSource.UNIT_FUNDS),
    ("2101102", "30110", "37120.00", "38350.00", PERSONNEL, FundSource.GENERAL_PUBLIC),
    ("2010650", "30201", "28400.00", "25600.00", PUBLIC, FundSource.UNIT_FUNDS),
)
# What 2024 really spent where it differs from the budget (the final accounts, 决算), in 元:
# less on the IT project, more on the centre's office costs, and an unbudgeted 提租补贴.
ACTUAL_2024 = {("2010607", "31007"): "412350.00", ("2010650", "30201"): "31280.00"}
UNBUDGETED_2024 = LineItem(
    "2210202", "30199", "18000.00", ExpenditureKind.BASIC, unit=OFFICE.name, basic_kind=PERSONNEL
)

REASONS = {
    "change": "新增预算绩效评价项目，人员工资标准调整",
    "change_basic": "人员工资标准调整",
    "change_project": "新增预算绩效评价项目",
    "agency_running_costs_change": "压减一般性支出",
    "three_public_change": "落实“过紧日子”要求，压减公务接待",
    "reception_change": "压减公务接待",
}


def office(year: int) -> Ledger:
    """The office's ledger of 2024 or 2025."""
    column = 2 if year == 2024 else 3
    items = [
        LineItem(
            row[0],
            row[1],
            row[column],
            ExpenditureKind.BASIC,
            unit=OFFICE.name,
            basic_kind=row[4],
            three_public=row[5],
        )
        for row in OFFICE_BASIC
    ]
    items += [
        LineItem(
            row[0], row[1], row[column], ExpenditureKind.PROJECT, unit=OFFICE.name, project=row[4]
        )
        for row in OFFICE_PROJECTS
        if row[column] != "0"
    ]
    return Ledger(DEPARTMENT, year, department_code="101", units=[OFFICE], items=items)


def centre(year: int) -> Ledger:
    """The centre's ledger of 2024 or 2025."""
    column = 2 if year == 2024 else 3
    items = [
        LineItem(
            row[0],
            row[1],
            row[column],
            ExpenditureKind.BASIC,
            unit=CENTRE.name,
            basic_kind=row[4],
            fund=row[5],
            unit_fund_kind=UnitFundKind.SERVICE_INCOME if row[5] is FundSource.UNIT_FUNDS else None,
        )
        for row in CENTRE_BASIC
    ]
    return Ledger(DEPARTMENT, year, units=[CENTRE], items=items, names=NAMES)


def department(year: int) -> Ledger:
    """本级 + 所属单位: the department's ledger."""
    return consolidate([office(year), centre(year)], department=DEPARTMENT, department_code="101")


def final_accounts_2024() -> Ledger:
    """2024 as spent: the budget's items at their actual amounts, and what was not budgeted."""
    budgeted = department(2024)
    items = [
        attrs.evolve(item, amount=ACTUAL_2024.get((item.functional, item.economic), item.amount))
        for item in budgeted.items
    ]
    return attrs.evolve(budgeted, items=[*items, UNBUDGETED_2024])


def shown(value: Decimal | None) -> str:
    """A figure in 万元 with two decimals; a blank as —."""
    return "—" if value is None else format_amount(value, places=2)


def main() -> None:
    before, after = (
        derive(department(2024), unit=Unit.YUAN),
        derive(department(2025), unit=Unit.YUAN),
    )
    comparison = compare_years(before, after)
    print(f"{DEPARTMENT} 2025年部门预算与2024年比较（万元）")
    for label, change in (
        ("支出合计", comparison.total),
        ("基本支出", comparison.basic),
        ("项目支出", comparison.project),
    ):
        print(
            f"  {label}：{shown(change.previous)} → {shown(change.current)}，"
            f"{change.word} {shown(abs(change.stated_amount))}"
        )
    print("  按类：")
    for change in comparison.by_class():
        print(
            f"    {change.row} {change.label}：{shown(change.previous)} → {shown(change.current)}"
            f"（{change.word} {shown(abs(change.stated_amount))}）"
        )
    print("  “三公”经费：")
    for change in comparison.three_public():
        print(
            f"    {change.label}：{shown(change.previous)} → {shown(change.current)}（{change.word}）"
        )

    stated = with_changes(derive(department(2025)), comparison, reasons=REASONS, percent=True)
    text = explanation(stated)
    print()
    print(text)
    report = check(attrs.evolve(stated, facts=read_facts(text).facts))
    print()
    print(f"情况说明读回并检查：{report.summary()}")
    for finding in report:
        print(f"  {finding}")

    execution = compare_execution(derive(department(2024)), derive(final_accounts_2024()))
    print()
    print("2024年预算执行（决算数 ÷ 预算数）：")
    for row in ("total", "2010607", "2010650", "2210202"):
        cell = execution.cell(ExpenditureTable, row, "total")
        if cell is not None:
            print(
                f"  {cell.label}：预算 {shown(cell.budgeted)}，决算 {shown(cell.actual)}，{cell.rate}"
            )


if __name__ == "__main__":
    main()
