"""Test a rule of your own with govbudget's strategies.

A budget office wants one more rule: no 项 row of the 支出总表 may exceed ten million 万元 (a
typing slip that adds digits). The rule goes in a registry of its own, and hypothesis checks
it on tables the strategies draw: it fires exactly when a figure is that large.

The first version of this rule read ``row.values[0]`` — the first printed column — and the
property failed at once on a drawn table that prints 基本支出 before 合计: real layouts differ,
so a rule reads a column by its key (``table.value(code, "total")``).

Run:  python examples/test_a_user_rule.py
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from hypothesis import given, settings

from govbudget import Finding, Severity, check
from govbudget.checks import RULES, Rule
from govbudget.findings import Location
from govbudget.strategies import tables
from govbudget.tables import ExpenditureTable

LIMIT = Decimal("10000000")
MINE = RULES.copy()


@MINE.rule(
    "USER-HUGE",
    "No item is absurdly large",
    Severity.ERROR,
    applies_to=ExpenditureTable,
    description="支出总表每个项级科目的合计不超过一千万万元。",
)
def huge(rule: Rule, table: ExpenditureTable) -> Iterator[Finding]:
    for row in table.rows:
        value = table.value(row.key, "total")
        if row.code and len(row.code) == 7 and value is not None and value > LIMIT:
            yield rule.finding(
                f"{row.code} 合计 {value} 超过 {LIMIT}",
                location=Location(table=table.title, row=row.code),
            )


@settings(max_examples=200, database=None)
@given(tables(ExpenditureTable))
def test_the_rule_fires_exactly_on_huge_items(table: ExpenditureTable) -> None:
    fired = {f.location.row for f in check(table, registry=MINE, select=["USER"])}
    huge_rows = set()
    for row in table.rows:
        if row.code and len(row.code) == 7 and "total" in table.columns:
            value = row.values[table.columns.index("total")]
            if value is not None and value > LIMIT:
                huge_rows.add(row.code)
    assert fired == huge_rows


if __name__ == "__main__":
    test_the_rule_fires_exactly_on_huge_items()
    print("USER-HUGE: the property holds on 200 drawn tables")
