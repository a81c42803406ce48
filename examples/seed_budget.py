"""The seed's whole DepartmentBudget, built in code, checked as one disclosure.

中共唐山市开平区委网信办, 2025: the nine tables (examples/seed_tables.py), its one unit, the
empty procurement table, the fixed-assets table, the three project performance goals and the
department goals (examples/seed_goals.py), and the facts its explanation states, as the text
states them. Expected report: one text–table error — the text says fixed assets were 0.00万元
at the end of last year, the table shows 20.61 — and the stale-year warnings of the
department goals.

Run:  python examples/seed_budget.py
"""

from __future__ import annotations

from seed_goals import department_goals, project_goals
from seed_tables import HEADER, build_tables

from govbudget import DepartmentBudget, StatedFacts, check
from govbudget.disclosure import (
    AssetRow,
    BudgetUnit,
    FixedAssetsTable,
    ProcurementTable,
    StatedChange,
)

DEPARTMENT = HEADER.department

FACTS = StatedFacts(
    year=2025,
    # 1、收入说明
    income_total="283.61",
    general_public_budget="283.61",
    government_fund="0.00",
    state_capital="0.00",
    special_account="0.00",
    unit_funds="0.00",
    carry_over="0.00",
    # 2、支出说明
    expenditure_total="283.61",
    basic="193.61",
    personnel="182.21",
    public="11.39",
    project="90.00",
    # 3、比上年增减情况
    change=StatedChange("21.20", word="增加"),
    change_basic=StatedChange(
        "-8.80", word="减少", reason="本单位调走公务员3名及节约基本支出导致基本支出减少"
    ),
    change_project=StatedChange(
        "30.00",
        word="增加",
        reason="网络安全和信息化工作内容增加，网络舆情工作难度加深，项目支出增加",
    ),
    # 三、机关运行经费
    agency_running_costs="11.39",
    # 四、"三公"经费
    three_public_total="0.00",
    travel_abroad="0.00",
    vehicles="0.00",
    vehicle_purchase="0.00",
    vehicle_operation="0.00",
    reception="0.00",
    three_public_change=StatedChange("0.00", word="增加", reason="无“三公”经费预算"),
    # 九、国有资产信息
    fixed_assets_value="0.00",
    planned_asset_purchases="0.00",
    quotes=[
        (
            "fixed_assets_value",
            "中共唐山市开平区委网络安全和信息化委员会办公室（含所属单位）上年末固定资产金额为0.00万元"
            "（详见下表）。",
        )
    ],
)


def build_budget() -> DepartmentBudget:
    """The seed disclosure as one object."""
    return DepartmentBudget(
        department=DEPARTMENT,
        year=2025,
        department_code="897",
        tables=build_tables(),
        units=[BudgetUnit(f"{DEPARTMENT}本级", "行政", "正科级", "财政拨款")],
        procurement=ProcurementTable(
            DEPARTMENT,
            notes=[
                "注：同一采购目录序号的物品，其单价会因配置规格不同而变动，均符合资产配置标准。"
                "涉密采购事项按照相关规定执行。",
                "注：无政府采购预算，空表列示。",
            ],
        ),
        fixed_assets=FixedAssetsTable(
            DEPARTMENT,
            as_of="2024-12-31",
            rows=[
                AssetRow("total", "资产总额", "89", "20.61"),
                AssetRow("buildings", "1、房屋（平方米）"),
                AssetRow("office_buildings", "其中：办公用房（平方米）"),
                AssetRow("vehicles", "2、车辆（台、辆）"),
                AssetRow("equipment", "3、单价在20万元以上的设备"),
                AssetRow("other", "4、其他固定资产", "89", "20.61"),
            ],
        ),
        project_goals=project_goals(),
        department_goals=department_goals(),
        facts=FACTS,
    )


def main() -> None:
    report = check(build_budget())
    print(f"{DEPARTMENT} 2025年部门预算：{report.summary()}")
    for finding in report:
        print(f"  {finding}")


if __name__ == "__main__":
    main()
