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
from govbudget.tables.spec import (
    BlockSpec,
    Cell,
    ColumnSpec,
    Detail,
    Formula,
    Identity,
    Phase,
    RowSpec,
    TableSpec,
)

__all__ = [
    "BasicExpenditureFinalTable",
    "BasicExpenditureTable",
]

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


# -- final accounts ----------------------------------------------------------------------------

_PERSONNEL_CLASSES = ("301", "303")


_PUBLIC_CLASSES = ("302", "307", "309", "310", "311", "312", "313", "399")


FINAL_BASIC_SPEC = TableSpec(
    number=6,
    key="basic_expenditure_final",
    title="一般公共预算财政拨款基本支出决算表",
    phase=Phase.FINAL,
    blocks=(
        BlockSpec(
            key="rows",
            label="",
            columns=(
                ColumnSpec("total", "决算数", 3, concept="actual"),
                ColumnSpec("personnel", "人员经费", 4),
                ColumnSpec("public", "公用经费", 5),
            ),
            rows=(
                TOTAL_ROW,
                RowSpec("personnel_total", "人员经费合计", "personnel", footer=True),
                RowSpec("public_total", "公用经费合计", "public", footer=True),
            ),
            column_formulas=(Formula("total", ("personnel", "public")),),
            # The last formula of a row is the one an unprinted 合计 stands for: Σ 类.
            row_formulas=(
                Formula("total", ("personnel_total", "public_total")),
                TOTAL_IS_SUM_OF_CLASSES,
            ),
            detail=Detail.SUBJECTS,
            scheme=Scheme.ECONOMIC_DEPARTMENT,
            label_header="经济分类科目",
        ),
    ),
    identities=(
        Identity(
            "PERSONNEL",
            "Personnel expenses total the classes 301 and 303",
            "人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助（各栏）。",
            (Cell("rows", "personnel_total", "total"),),
            tuple(Cell("rows", code, "total") for code in _PERSONNEL_CLASSES),
        ),
        Identity(
            "PUBLIC",
            "Public expenses total the other classes (302, 310 …)",
            "公用经费合计 = 302 商品和服务支出 + 310 资本性支出 + 其他经济分类类级科目"
            "（307、309、311、312、313、399，列示时）。",
            (Cell("rows", "public_total", "total"),),
            tuple(Cell("rows", code, "total") for code in _PUBLIC_CLASSES),
        ),
    ),
)


@attrs.frozen(slots=True, repr=False)
class BasicExpenditureFinalTable(RowsTable):
    """一般公共预算财政拨款基本支出决算表 (final table 6): basic expenditure by economic subject.

    Rows are department economic subjects to the 款 under their 类. 上海 and the central
    template print the table in two halves side by side — 人员经费 (301, 303) on the left, 公用
    经费 (302, 310 …) on the right, each closed by its total (rows ``personnel_total`` and
    ``public_total``) — and one column, 决算数 (key ``"total"``); other regions print the budget
    layout, 合计 = 人员经费 + 公用经费 as columns. Both read into this class: the halves become one
    list of rows in class order.

    >>> from govbudget.tables import TableHeader
    >>> from govbudget import check
    >>> t6 = BasicExpenditureFinalTable.from_rows(TableHeader("某部门", 2024), [
    ...     ("301", "工资福利支出", {"total": "2,082.85"}),
    ...     ("30102", "津贴补贴", {"total": "2,082.85"}),
    ...     ("302", "商品和服务支出", {"total": "171.07"}),
    ...     ("30201", "办公费", {"total": "171.07"}),
    ...     ("personnel_total", "人员经费合计", {"total": "2,082.85"}),
    ...     ("public_total", "公用经费合计", {"total": "171.07"}),
    ... ], columns=["total"])
    >>> check(t6).ok
    True
    """

    SPEC: ClassVar[TableSpec] = FINAL_BASIC_SPEC
