""" "三公"经费 table (table 9): the three public expenses by fund source.

Rows: 合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费, and 公务用车购置及运行维护费 =
公务用车购置费 + 公务用车运行维护费. Columns: 合计 = 一般公共预算财政拨款 + 政府性基金预算拨款 +
国有资本经营预算财政拨款. Some regions print the table transposed with one column of totals and
add 机关运行经费 (kept as its own row, outside every formula).

>>> from govbudget.tables import ThreePublicExpensesTable, TableHeader
>>> header = TableHeader("中共唐山市开平区委网络安全和信息化委员会办公室", 2025, department_code="897")
>>> empty = ThreePublicExpensesTable(header, note="注：无财政拨款“三公”经费支出预算，空表列示。")
>>> empty.is_empty, empty.columns
(True, ('total', 'general_public', 'government_fund', 'state_capital'))
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from govbudget.tables.shapes import RowsTable
from govbudget.tables.spec import (
    BlockSpec,
    ColumnSpec,
    Formula,
    Phase,
    RowSpec,
    TableSpec,
)

__all__ = [
    "ThreePublicExpensesFinalTable",
    "ThreePublicExpensesTable",
]

_GROUP = "资金性质"

THREE_PUBLIC_ITEMS = (
    RowSpec("travel_abroad", "因公出国（境）费"),
    RowSpec("vehicles", "公务用车购置及运行维护费"),
    RowSpec("vehicle_purchase", "公务用车购置费"),
    RowSpec("vehicle_operation", "公务用车运行维护费"),
    RowSpec("reception", "公务接待费"),
)
"""The "三公" items, as the budget's and the final accounts' tables print them."""

THREE_PUBLIC_FORMULAS = (
    Formula("total", ("travel_abroad", "vehicles", "reception")),
    Formula("vehicles", ("vehicle_purchase", "vehicle_operation")),
)
"""合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费, and the vehicles' two parts."""

THREE_PUBLIC_SPEC = TableSpec(
    number=9,
    key="three_public_expenses",
    title="财政拨款“三公”经费支出表",
    blocks=(
        BlockSpec(
            key="rows",
            label="",
            columns=(
                ColumnSpec("total", "合计", 2, group=_GROUP),
                ColumnSpec(
                    "general_public", "一般公共预算财政拨款", 3, _GROUP, "general_public_budget"
                ),
                ColumnSpec("government_fund", "政府性基金预算拨款", 4, _GROUP),
                ColumnSpec("state_capital", "国有资本经营预算财政拨款", 5, _GROUP),
            ),
            rows=(
                RowSpec("total", "合计", "three_public_total"),
                *THREE_PUBLIC_ITEMS,
                RowSpec("agency_running_costs", "机关运行经费"),
            ),
            column_formulas=(
                Formula("total", ("general_public", "government_fund", "state_capital")),
            ),
            row_formulas=THREE_PUBLIC_FORMULAS,
            label_number=1,
        ),
    ),
)


@attrs.frozen(slots=True, repr=False)
class ThreePublicExpensesTable(RowsTable):
    """财政拨款"三公"经费支出表 (table 9): the three public expenses by fund source."""

    SPEC: ClassVar[TableSpec] = THREE_PUBLIC_SPEC


# -- final accounts ----------------------------------------------------------------------------

FINAL_THREE_PUBLIC_SPEC = TableSpec(
    number=7,
    key="three_public_expenses_final",
    title="财政拨款“三公”经费支出决算表",
    phase=Phase.FINAL,
    blocks=(
        BlockSpec(
            key="rows",
            label="",
            columns=(
                ColumnSpec("budget", "预算数", 2, concept="budgeted"),
                ColumnSpec("actual", "决算数", 3),
            ),
            rows=(RowSpec("total", "合计", "three_public_total"), *THREE_PUBLIC_ITEMS),
            row_formulas=THREE_PUBLIC_FORMULAS,
        ),
    ),
)


@attrs.frozen(slots=True, repr=False)
class ThreePublicExpensesFinalTable(RowsTable):
    """财政拨款“三公”经费支出决算表 (final table 7): 预算数 and 决算数 of each item.

    Rows: 合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费, and 公务用车购置及
    运行维护费 = 公务用车购置费 + 公务用车运行维护费, in each column. 上海 prints the table
    sideways, one line under a header of three levels (item, sub-item, 预算数 | 决算数); others
    print the items as rows. Both read into this class.

    >>> from govbudget.tables import TableHeader
    >>> t7 = ThreePublicExpensesFinalTable.from_rows(TableHeader("某部门", 2025), [
    ...     ("total", "合计", {"budget": "53.93", "actual": "37.35"}),
    ...     ("vehicles", "公务用车购置及运行维护费", {"budget": "52.40", "actual": "37.35"}),
    ...     ("reception", "公务接待费", {"budget": "1.53", "actual": "0"}),
    ... ])
    >>> t7.value("vehicles", "budget") - t7.value("vehicles", "actual")
    Decimal('15.05')
    """

    SPEC: ClassVar[TableSpec] = FINAL_THREE_PUBLIC_SPEC
