"""一般公共预算财政拨款基本支出表 (table 6): basic expenditure by economic subject.

Rows are department economic subjects (类 3 digits, 款 5) under a 合计 row; columns 合计 =
人员经费 + 公用经费.

>>> from govbudget.tables import BasicExpenditureTable, TableHeader
>>> header = TableHeader("中共唐山市开平区委网络安全和信息化委员会办公室", 2025, department_code="897")
>>> table = BasicExpenditureTable.from_rows(header, [
...     ("total", "合计", {"total": "193.61", "personnel": "182.21", "public": "11.39"}),
... ])
>>> table.value("total", "public")
Decimal('11.39')
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from govbudget.classification import Scheme
from govbudget.tables.by_function import TOTAL_IS_SUM_OF_CLASSES, TOTAL_ROW
from govbudget.tables.shapes import RowsTable
from govbudget.tables.spec import BlockSpec, ColumnSpec, Detail, Formula, TableSpec

__all__ = ["BasicExpenditureTable"]

_GROUP = "一般公共预算基本支出"

BASIC_SPEC = TableSpec(
    number=6,
    key="basic_expenditure",
    title="一般公共预算财政拨款基本支出表",
    blocks=(
        BlockSpec(
            key="rows",
            label="",
            columns=(
                ColumnSpec("total", "合计", 3, group=_GROUP),
                ColumnSpec("personnel", "人员经费", 4, group=_GROUP),
                ColumnSpec("public", "公用经费", 5, group=_GROUP),
            ),
            rows=(TOTAL_ROW,),
            column_formulas=(Formula("total", ("personnel", "public")),),
            row_formulas=(TOTAL_IS_SUM_OF_CLASSES,),
            detail=Detail.SUBJECTS,
            scheme=Scheme.ECONOMIC_DEPARTMENT,
            label_header="支出部门经济分类科目",
        ),
    ),
)


@attrs.frozen(slots=True, repr=False)
class BasicExpenditureTable(RowsTable):
    """一般公共预算财政拨款基本支出表 (table 6). Columns: 合计 = 人员经费 + 公用经费."""

    SPEC: ClassVar[TableSpec] = BASIC_SPEC
