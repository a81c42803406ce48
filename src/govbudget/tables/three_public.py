""" "三公"经费 table (table 9): the three public expenses by fund source.

Rows: 合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费, and 公务用车购置及运行维护费 =
公务用车购置费 + 公务用车运行维护费. Columns: 合计 = 一般公共预算财政拨款 + 政府性基金预算拨款 +
国有资本经营预算财政拨款. Some regions print the table transposed with one column of totals, add
机关运行经费, 会议费, 培训费 or the counts behind the expenses (团组数, 公务用车保有量, 接待批次 …:
rows of their own, outside every formula), or compare with last year: 上年预算数 (or 上年执行数),
增减金额 = 本年 − 上年 and 增减幅度 = 增减 ÷ 上年 (in percent).

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
    Change,
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

OTHER_ROWS = (
    RowSpec("agency_running_costs", "机关运行经费"),
    RowSpec("meeting_costs", "会议费"),
    RowSpec("training_costs", "培训费"),
    RowSpec("travel_groups", "因公出国（境）团组数", count=True),
    RowSpec("travel_people", "因公出国（境）人次", count=True),
    RowSpec("vehicles_purchased", "公务用车购置数", count=True),
    RowSpec("vehicles_held", "公务用车保有量", count=True),
    RowSpec("reception_batches", "国内公务接待批次", count=True),
    RowSpec("reception_people", "国内公务接待人次", count=True),
    RowSpec("foreign_reception", "国（境）外公务接待", count=True),
)
"""What a "三公" table prints beside the three expenses, outside their total: 机关运行经费, 会议费
and 培训费 (some regions), and the counts behind the expenses (团组数, 保有量, 接待批次 …)."""


def _year_on_year(current: str, first: int) -> tuple[tuple[ColumnSpec, ...], tuple[Change, ...]]:
    """The columns a "三公" table prints to compare with last year, numbered from ``first``,
    and how they relate to ``current``: 增减 = 本年 − 上年, 幅度 = 增减 ÷ 上年 (and the
    decreases some print instead)."""
    previous = ("previous_budget", "previous_actual")
    columns = (
        ColumnSpec("previous_budget", "上年预算数", first, optional=True),
        ColumnSpec("previous_actual", "上年执行数", first + 1, optional=True),
        ColumnSpec("change_amount", "增减金额", first + 2, optional=True),
        ColumnSpec("change_rate", "增减幅度（%）", first + 3, percent=True, optional=True),
        ColumnSpec("decrease_amount", "减少额", first + 4, optional=True),
        ColumnSpec("decrease_rate", "减少率（%）", first + 5, percent=True, optional=True),
    )
    changes = (
        Change(current, previous, "change_amount", "change_rate"),
        Change(current, previous, "decrease_amount", "decrease_rate", sign=-1),
    )
    return columns, changes


_BUDGET_CHANGES = _year_on_year("total", 6)
_FINAL_CHANGES = _year_on_year("actual", 4)

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
                *_BUDGET_CHANGES[0],
            ),
            rows=(RowSpec("total", "合计", "three_public_total"), *THREE_PUBLIC_ITEMS, *OTHER_ROWS),
            column_formulas=(
                Formula("total", ("general_public", "government_fund", "state_capital")),
            ),
            row_formulas=THREE_PUBLIC_FORMULAS,
            label_number=1,
            changes=_BUDGET_CHANGES[1],
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
                *_FINAL_CHANGES[0],
            ),
            rows=(RowSpec("total", "合计", "three_public_total"), *THREE_PUBLIC_ITEMS, *OTHER_ROWS),
            row_formulas=THREE_PUBLIC_FORMULAS,
            changes=_FINAL_CHANGES[1],
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
