"""Rules of a budget's fixed-assets table (``FA-…``) and procurement table (``PROC-…``).

>>> from govbudget.checks import check
>>> from govbudget.disclosure import AssetRow, FixedAssetsTable
>>> assets = FixedAssetsTable("某部门", rows=[AssetRow("total", "资产总额", value="30.00"),
...                                       AssetRow("buildings", "房屋", value="20.00"),
...                                       AssetRow("vehicles", "车辆", value="9.00")])
>>> [f.message for f in check(assets)]
['资产总额 30.00 ≠ 各类资产价值之和 29.00']
"""

from __future__ import annotations

from collections.abc import Iterator

from govbudget.amounts import disagreement
from govbudget.checks.registry import Rule, rule
from govbudget.checks.wording import shown
from govbudget.disclosure import ASSET_PARTS, FixedAssetsTable, ProcurementTable
from govbudget.findings import Finding, Location, Severity

__all__ = ["OTHER_TABLE_RULES"]


@rule(
    "FA-TOTAL",
    "Total fixed assets equal the sum of their kinds",
    Severity.ERROR,
    applies_to=FixedAssetsTable,
    description="部门固定资产占用情况表：资产总额（价值）= 房屋 + 车辆 + 单价较高的设备 + 其他固定资产。",
)
def _assets_total(rule: Rule, table: FixedAssetsTable) -> Iterator[Finding]:
    total = table.row("total")
    parts = [row.value for row in table.rows if row.key in ASSET_PARTS]
    if total is None or not any(row.key in ASSET_PARTS for row in table.rows):
        return
    result = disagreement((total.value,), parts)
    if result is not None:
        yield rule.finding(
            f"资产总额 {shown(total.value)} ≠ 各类资产价值之和 {shown(result.expected)}",
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
                f"其中办公用房{column} {shown(mine)} 超过房屋{column} {shown(theirs) or '（空）'}",
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
                f"采购项目“{item.item}”合计 {shown(item.total)} ≠ 各资金来源之和 "
                f"{shown(result.expected)}",
                location=Location(table=table.title, row=item.item, column="合计"),
                agreement=result,
            )


OTHER_TABLE_RULES: tuple[Rule, ...] = (
    _assets_total,
    _office_within_buildings,
    _procurement_columns,
)
"""The rules of the fixed-assets (``FA-…``) and procurement (``PROC-…``) tables."""
