"""A deterministic consistent budget with something in every part, for examples and docs."""

from __future__ import annotations

from decimal import Decimal

import attrs

from govbudget.disclosure import (
    AssetRow,
    BudgetUnit,
    DepartmentBudget,
    FixedAssetsTable,
    ProcurementItem,
    ProcurementTable,
    StatedChange,
)
from govbudget.ledger import Ledger, LineItem, derive
from govbudget.performance import Indicator, ProjectPerformanceGoal, SpendingCheckpoint

__all__ = ["example_budget"]


def example_budget() -> DepartmentBudget:
    """A consistent budget with money in every table, a project goal, fixed assets and
    procurement: the budget every corruption of :data:`CORRUPTIONS` applies to.

    >>> from govbudget import check
    >>> check(example_budget()).errors
    ()
    """
    item = LineItem
    items = [
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
    ledger = Ledger(
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
    budget = derive(ledger)
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
