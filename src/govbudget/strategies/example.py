"""A deterministic consistent budget, and its final accounts, with something in every part, for
examples and docs."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from govbudget.amounts import round_half_up
from govbudget.disclosure import (
    AssetRow,
    BudgetUnit,
    DepartmentBudget,
    DepartmentFinalAccounts,
    FixedAssetsTable,
    ProcurementItem,
    ProcurementTable,
    StatedChange,
)
from govbudget.disclosure.statements import StatedEvaluation, StatedShare
from govbudget.ledger import (
    Appropriation,
    Ledger,
    LineItem,
    ThreePublicItem,
    UnitFundKind,
    derive,
)
from govbudget.performance import Indicator, ProjectPerformanceGoal, SpendingCheckpoint
from govbudget.strategies.final import Balance, final_accounts_from

__all__ = ["example_budget", "example_final_accounts"]


def _items() -> list[LineItem]:
    """The example department's line items of 2025 (元): its budget."""
    item = LineItem
    return [
        item("2013701", "30101", "1234567.89", "基本支出", unit="本级", basic_kind="人员经费"),
        item("2013701", "30113", "234567.80", "基本支出", unit="本级", basic_kind="人员经费"),
        item("2013701", "30201", "34567.45", "基本支出", unit="本级", basic_kind="公用经费"),
        item(
            "2013701",
            "30217",
            "4567.45",
            "基本支出",
            unit="本级",
            basic_kind="公用经费",
            three_public="公务接待费",
        ),
        item(
            "2013701",
            "30231",
            "14567.45",
            "基本支出",
            unit="本级",
            basic_kind="公用经费",
            three_public="公务用车运行维护费",
        ),
        item("2013702", "30227", "680000", "项目支出", unit="本级", project="P1"),
        item("2013704", "30227", "120000", "项目支出", unit="本级", project="P2"),
        item("2101101", "30110", "145300", "基本支出", unit="本级", basic_kind="人员经费"),
        item(
            "2120803",
            "31005",
            "500000",
            "项目支出",
            unit="本级",
            project="P3",
            fund="政府性基金预算拨款",
        ),
        item(
            "2230199",
            "30227",
            "20000",
            "项目支出",
            unit="本级",
            project="P4",
            fund="国有资本经营预算拨款",
        ),
        item(
            "2013702",
            "30101",
            "10000",
            "项目支出",
            unit="本级",
            project="P5",
            fund="单位资金",
            unit_fund_kind="事业收入",
        ),
    ]


def _ledger(items: list[LineItem]) -> Ledger:
    return Ledger(
        "某部门",
        2025,
        department_code="123",
        units=[BudgetUnit("本级", "行政")],
        items=items,
        names={
            "22301": "解决历史遗留问题及改革成本支出",
            "2230199": "其他解决历史遗留问题及改革成本支出",
        },
    )


def example_budget() -> DepartmentBudget:
    """A consistent budget with money in every table, a project goal, fixed assets and
    procurement: the budget every corruption of :data:`CORRUPTIONS` applies to.

    >>> from govbudget import check
    >>> check(example_budget()).errors
    ()
    """
    items = _items()
    goal = ProjectPerformanceGoal(
        year=2025,
        code="P1",
        name="网络安全工作经费",
        budget=Decimal("68.00"),
        financial_funds=Decimal("68.00"),
        purpose="保障网络安全",
        schedule=[
            SpendingCheckpoint(m, Decimal(p))
            for m, p in (("3月底", 25), ("6月底", 50), ("10月底", 75), ("12月底", 100))
        ],
        goals=["1.加强网络安全监测"],
        indicators=[
            Indicator("产出指标", "数量指标", "采购数量", "采购数量", "1个", "唐网办字【2024】2号"),
            Indicator(
                "效益指标",
                "社会效益指标",
                "确保网络安全",
                "确保网络安全",
                "≥90%",
                "唐网办字【2024】2号",
            ),
            Indicator(
                "满意度指标",
                "服务对象满意度指标",
                "服务群体满意度",
                "服务群体满意度",
                "≥90%",
                "唐网办字【2024】2号",
            ),
        ],
    )
    budget = derive(_ledger(items))
    assert budget.basic_expenditure is not None
    assert budget.fiscal_appropriation_summary is not None
    facts = attrs.evolve(
        budget.facts,
        year=2025,
        personnel=budget.basic_expenditure.value("total", "personnel"),
        public=budget.basic_expenditure.value("total", "public"),
        fiscal_expenditure=budget.fiscal_appropriation_summary.block("expenditure").value(
            "expenditure_total", "total"
        ),
        fixed_assets_value="30.00",
        procurement_total="5.00",
        change=StatedChange("21.20", word="增加"),
        change_basic=StatedChange("-8.80", word="减少", reason="人员减少"),
        change_project=StatedChange("30.00", word="增加", reason="项目增加"),
        three_public_change=StatedChange("0.00", word="持平", reason="无变化"),
    )
    return attrs.evolve(
        budget,
        project_goals=[goal],
        facts=facts,
        fixed_assets=FixedAssetsTable(
            "某部门",
            "2024-12-31",
            [
                AssetRow("total", "资产总额", None, "30.00"),
                AssetRow("buildings", "房屋", "100", "20.00"),
                AssetRow("other", "其他固定资产", "5", "10.00"),
            ],
        ),
        procurement=ProcurementTable(
            "某部门", [ProcurementItem("计算机", total="5.00", general_public="5.00")]
        ),
    )


# What was really spent in 2025, where it differs from the budget (元).
_ACTUALS = {
    ("2013701", "30101"): "1228800.00",
    ("2013701", "30201"): "36012.30",
    ("2013701", "30217"): "3800.00",
    ("2013701", "30231"): "14210.50",
    ("2013702", "30227"): "652000.00",
    ("2120803", "31005"): "480000.00",
    ("2013702", "30101"): "9800.00",
}

# What each fund carried into 2025 and out of it (元).
_BALANCES = (
    Balance(Appropriation.GENERAL_PUBLIC, "2013702", "50000.00", "78000.00"),
    Balance(Appropriation.GOVERNMENT_FUND, "2120803", "30000.00", "50000.00"),
    Balance(Appropriation.STATE_CAPITAL, "2230199", "0.00", "5000.00"),
    Balance(UnitFundKind.SERVICE_INCOME, "2013702", "2000.00", "3000.00"),
)

# Last year's figures (万元) the explanation compares this year's with.
_LAST_YEAR = {
    "income_expenditure_total_change": ("income_expenditure_total", "270.00"),
    "expenditure_total_change": ("expenditure_total", "262.50"),
    "general_public_expenditure_change": ("general_public_expenditure", "230.00"),
    "three_public_change": ("three_public_total", "1.80"),
    "agency_running_costs_change": ("agency_running_costs", "5.51"),
}


def _change(current: Decimal, last: str, reason: str) -> StatedChange:
    amount = current - Decimal(last)
    word = "增加" if amount > 0 else "减少" if amount < 0 else "持平"
    percent = round_half_up(amount * 100 / Decimal(last), 2)
    return StatedChange(amount, percent=percent, word=word, reason=reason)


def example_final_accounts() -> DepartmentFinalAccounts:
    """The final accounts of :func:`example_budget`'s year: what the department really spent of
    that budget (less on salaries and receptions, more on office costs), its carry-overs, and
    an explanation stating the totals, each 项's execution against its 年初预算数 (table 5 prints
    it), the "三公" expenses against their budgets, changes against last year, procurement,
    vehicles and the performance self-evaluation. Consistent: the final accounts every
    corruption of :data:`~govbudget.strategies.corruptions.FINAL_CORRUPTIONS` applies to.

    >>> from govbudget import check
    >>> accounts = example_final_accounts()
    >>> check(accounts).errors, all(not table.is_empty for table in accounts.tables)
    ((), True)
    >>> t5 = accounts.general_public_expenditure
    >>> t5.value("2013701", "budget"), t5.value("2013701", "total")
    (Decimal('152.28'), Decimal('151.74'))
    >>> accounts.facts.executions[0].rate
    Decimal('99.65')
    """
    planned = _items()
    actuals = [
        attrs.evolve(item, amount=_ACTUALS.get((item.functional, item.economic), item.amount))
        for item in planned
    ]
    budgets: dict[str, Decimal] = {}
    three_public: dict[ThreePublicItem, Decimal] = {}
    for item in planned:
        if item.appropriation is Appropriation.GENERAL_PUBLIC:
            budgets[item.functional] = budgets.get(item.functional, Decimal(0)) + item.amount
        if item.three_public is not None and item.appropriation is not None:
            three_public[item.three_public] = (
                three_public.get(item.three_public, Decimal(0)) + item.amount
            )
    accounts = final_accounts_from(
        _ledger(actuals),
        balances=_BALANCES,
        budgets=budgets,
        three_public_budgets=three_public,
    )
    facts = attrs.evolve(accounts.facts, agency_running_costs=accounts.facts.public)
    changes: dict[str, Any] = {}
    for name, (of, last) in _LAST_YEAR.items():
        current = facts.figure(of)
        assert current is not None
        changes[name] = _change(current, last, "按实际工作需要安排支出")
    facts = attrs.evolve(
        facts,
        **changes,
        procurement_total="5.00",
        procurement_goods="5.00",
        procurement_works="0.00",
        procurement_services="0.00",
        procurement_sme="5.00",
        shares=[*facts.shares, StatedShare("procurement_sme", "100.00")],
        travel_groups=0,
        travel_people=0,
        vehicles_purchased=0,
        vehicles_held=1,
        reception_batches=3,
        reception_people=18,
        vehicles_total=1,
        vehicle_kinds=[("其他用车", 1)],
        evaluations=[StatedEvaluation("绩效自评", projects=2, ratings=[("优", 2), ("良", 0)])],
    )
    return attrs.evolve(accounts, facts=facts)
