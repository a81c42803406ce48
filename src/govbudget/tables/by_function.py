"""Tables by functional classification: 收入总表, 支出总表 and the three appropriation tables.

Rows are functional subjects (类 3 digits, 款 5, 项 7) under a 合计 row; each parent row is the
sum of its children, and 合计 the sum of the 类 rows.

>>> from govbudget.tables import ExpenditureTable, TableHeader
>>> header = TableHeader("中共唐山市开平区委网络安全和信息化委员会办公室", 2025, department_code="897")
>>> table = ExpenditureTable.from_rows(header, [
...     ("total", "合计", {"total": "283.61", "basic": "193.61", "project": "90.00"}),
...     ("201", "一般公共服务支出", {"total": "256.59", "basic": "166.59", "project": "90.00"}),
... ])
>>> table.value("201", "project")
Decimal('90.00')
>>> table.value("201", "operating") is None
True
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from govbudget.classification import Scheme
from govbudget.tables.shapes import RowsTable
from govbudget.tables.spec import (
    DETAIL,
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
    "ExpenditureFinalTable",
    "ExpenditureTable",
    "GeneralPublicExpenditureFinalTable",
    "GeneralPublicExpenditureTable",
    "GovernmentFundExpenditureTable",
    "GovernmentFundFinalTable",
    "IncomeFinalTable",
    "IncomeTable",
    "StateCapitalExpenditureTable",
    "StateCapitalFinalTable",
]

TOTAL_ROW = RowSpec("total", "合计", footer=True)
TOTAL_IS_SUM_OF_CLASSES = Formula("total", (DETAIL,))


def functional_block(
    columns: tuple[ColumnSpec, ...], formulas: tuple[Formula, ...], group: str = "功能分类科目"
) -> BlockSpec:
    """The one block of a table by functional subject: a 合计 row (Σ 类) above rows by code."""
    return BlockSpec(
        key="rows",
        label="",
        columns=columns,
        rows=(TOTAL_ROW,),
        column_formulas=formulas,
        row_formulas=(TOTAL_IS_SUM_OF_CLASSES,),
        detail=Detail.SUBJECTS,
        scheme=Scheme.FUNCTIONAL,
        label_header=group,
    )


_INCOME_GROUP = "本年收入"
INCOME_SPEC = TableSpec(
    number=2,
    key="income",
    title="部门预算收入总表",
    blocks=(
        functional_block(
            (
                ColumnSpec("total", "合计", 3),
                ColumnSpec("current_year", "小计", 4, _INCOME_GROUP, "income_total"),
                ColumnSpec(
                    "fiscal_appropriation",
                    "财政拨款收入",
                    5,
                    group=_INCOME_GROUP,
                ),
                ColumnSpec(
                    "special_account",
                    "财政专户收入",
                    6,
                    group=_INCOME_GROUP,
                ),
                ColumnSpec("service_income", "事业收入", 7, group=_INCOME_GROUP),
                ColumnSpec(
                    "operating_income",
                    "经营收入",
                    8,
                    group=_INCOME_GROUP,
                ),
                ColumnSpec("subsidy_from_superior", "上级补助收入", 9, group=_INCOME_GROUP),
                ColumnSpec(
                    "remittance_from_subordinates", "附属单位上缴收入", 10, group=_INCOME_GROUP
                ),
                ColumnSpec("other_income", "其他收入", 11, group=_INCOME_GROUP),
                ColumnSpec("carry_over", "上年结转", 12),
            ),
            (
                Formula("total", ("current_year", "carry_over")),
                Formula(
                    "current_year",
                    (
                        "fiscal_appropriation",
                        "special_account",
                        "service_income",
                        "operating_income",
                        "subsidy_from_superior",
                        "remittance_from_subordinates",
                        "other_income",
                    ),
                ),
            ),
        ),
    ),
)

EXPENDITURE_SPEC = TableSpec(
    number=3,
    key="expenditure",
    title="部门预算支出总表",
    blocks=(
        functional_block(
            (
                ColumnSpec("total", "合计", 3),
                ColumnSpec("basic", "基本支出", 4),
                ColumnSpec("project", "项目支出", 5),
                ColumnSpec("operating", "经营支出", 6),
                ColumnSpec("remittance_to_superior", "上解上级支出", 7),
                ColumnSpec("subsidy_to_subordinates", "对附属单位补助支出", 8),
            ),
            (
                Formula(
                    "total",
                    (
                        "basic",
                        "project",
                        "operating",
                        "remittance_to_superior",
                        "subsidy_to_subordinates",
                    ),
                ),
            ),
        ),
    ),
)


def _appropriation_spec(number: int, key: str, title: str) -> TableSpec:
    return TableSpec(
        number=number,
        key=key,
        title=title,
        blocks=(
            functional_block(
                (
                    ColumnSpec("total", "合计", 3),
                    ColumnSpec("basic", "基本支出", 4),
                    ColumnSpec("project", "项目支出", 5),
                ),
                (Formula("total", ("basic", "project")),),
            ),
        ),
    )


GENERAL_PUBLIC_SPEC = _appropriation_spec(
    5,
    "general_public_expenditure",
    "一般公共预算财政拨款支出表",
)
GOVERNMENT_FUND_SPEC = _appropriation_spec(
    7,
    "government_fund_expenditure",
    "政府性基金预算财政拨款支出表",
)
STATE_CAPITAL_SPEC = _appropriation_spec(
    8,
    "state_capital_expenditure",
    "国有资本经营预算财政拨款支出表",
)


@attrs.frozen(slots=True, repr=False)
class IncomeTable(RowsTable):
    """部门预算收入总表 (table 2): income by functional subject and source.

    Columns: 合计 = 小计 (本年收入) + 上年结转; 小计 = 财政拨款收入 + 财政专户收入 + 事业收入 +
    经营收入 + 上级补助收入 + 附属单位上缴收入 + 其他收入.
    """

    SPEC: ClassVar[TableSpec] = INCOME_SPEC


@attrs.frozen(slots=True, repr=False)
class ExpenditureTable(RowsTable):
    """部门预算支出总表 (table 3): expenditure by functional subject and kind.

    Columns: 合计 = 基本支出 + 项目支出 + 经营支出 + 上解上级支出 + 对附属单位补助支出.
    """

    SPEC: ClassVar[TableSpec] = EXPENDITURE_SPEC


@attrs.frozen(slots=True, repr=False)
class GeneralPublicExpenditureTable(RowsTable):
    """一般公共预算财政拨款支出表 (table 5). Columns: 合计 = 基本支出 + 项目支出."""

    SPEC: ClassVar[TableSpec] = GENERAL_PUBLIC_SPEC


@attrs.frozen(slots=True, repr=False)
class GovernmentFundExpenditureTable(RowsTable):
    """政府性基金预算财政拨款支出表 (table 7). Columns: 合计 = 基本支出 + 项目支出."""

    SPEC: ClassVar[TableSpec] = GOVERNMENT_FUND_SPEC


@attrs.frozen(slots=True, repr=False)
class StateCapitalExpenditureTable(RowsTable):
    """国有资本经营预算财政拨款支出表 (table 8). Columns: 合计 = 基本支出 + 项目支出."""

    SPEC: ClassVar[TableSpec] = STATE_CAPITAL_SPEC


# -- final accounts ----------------------------------------------------------------------------

_INCOME_SOURCES = (
    "fiscal_appropriation",
    "subsidy_from_superior",
    "service_income",
    "operating_income",
    "remittance_from_subordinates",
    "other_income",
)


FINAL_INCOME_SPEC = TableSpec(
    number=2,
    key="income_final",
    title="收入决算表",
    phase=Phase.FINAL,
    blocks=(
        functional_block(
            (
                ColumnSpec("total", "本年收入合计", 3, concept="income_total"),
                ColumnSpec("fiscal_appropriation", "财政拨款收入", 4),
                ColumnSpec("subsidy_from_superior", "上级补助收入", 5),
                ColumnSpec("service_income", "事业收入", 6),
                ColumnSpec("operating_income", "经营收入", 7),
                ColumnSpec("remittance_from_subordinates", "附属单位上缴收入", 8),
                ColumnSpec("other_income", "其他收入", 9),
            ),
            (Formula("total", _INCOME_SOURCES),),
        ),
    ),
)


_EXPENDITURE_KINDS = (
    "basic",
    "project",
    "remittance_to_superior",
    "operating",
    "subsidy_to_subordinates",
)


FINAL_EXPENDITURE_SPEC = TableSpec(
    number=3,
    key="expenditure_final",
    title="支出决算表",
    phase=Phase.FINAL,
    blocks=(
        functional_block(
            (
                ColumnSpec("total", "本年支出合计", 3, concept="expenditure_total"),
                ColumnSpec("basic", "基本支出", 4),
                ColumnSpec("project", "项目支出", 5),
                ColumnSpec("remittance_to_superior", "上缴上级支出", 6),
                ColumnSpec("operating", "经营支出", 7),
                ColumnSpec("subsidy_to_subordinates", "对附属单位补助支出", 8),
            ),
            (Formula("total", _EXPENDITURE_KINDS),),
        ),
    ),
)


_SPENT = "决算数"


FINAL_GENERAL_PUBLIC_SPEC = TableSpec(
    number=5,
    key="general_public_expenditure_final",
    title="一般公共预算财政拨款支出决算表",
    phase=Phase.FINAL,
    blocks=(
        functional_block(
            (
                ColumnSpec("budget", "年初预算数", 3, concept="budgeted"),
                ColumnSpec("adjusted_budget", "调整预算数", 4),
                ColumnSpec("total", "合计", 5, _SPENT, "expenditure_total"),
                ColumnSpec("basic", "基本支出", 6, _SPENT),
                ColumnSpec("project", "项目支出", 7, _SPENT),
            ),
            (Formula("total", ("basic", "project")),),
        ),
    ),
)


_THIS_YEAR = "本年支出"


def _fund_spec(number: int, key: str, title: str) -> TableSpec:
    return TableSpec(
        number=number,
        key=key,
        title=title,
        phase=Phase.FINAL,
        blocks=(
            functional_block(
                (
                    ColumnSpec("carry_over", "年初结转和结余", 3),
                    ColumnSpec("income", "本年收入", 4, concept="income_total"),
                    ColumnSpec("expenditure", "小计", 5, _THIS_YEAR, "expenditure_total"),
                    ColumnSpec("basic", "基本支出", 6, _THIS_YEAR),
                    ColumnSpec("project", "项目支出", 7, _THIS_YEAR),
                    ColumnSpec("carry_forward", "年末结转和结余", 8),
                ),
                (Formula("expenditure", ("basic", "project")),),
            ),
        ),
        identities=(
            Identity(
                "BALANCE",
                "Carry-over and income equal expenditure and carry-forward",
                "合计行：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余。",
                (Cell("rows", "total", "carry_over"), Cell("rows", "total", "income")),
                (Cell("rows", "total", "expenditure"), Cell("rows", "total", "carry_forward")),
            ),
        ),
    )


FINAL_GOVERNMENT_FUND_SPEC = _fund_spec(
    8, "government_fund_final", "政府性基金预算财政拨款收入支出决算表"
)


FINAL_STATE_CAPITAL_SPEC = _fund_spec(
    9, "state_capital_final", "国有资本经营预算财政拨款收入支出决算表"
)


@attrs.frozen(slots=True, repr=False)
class IncomeFinalTable(RowsTable):
    """收入决算表 (final table 2): this year's income by functional subject and source.

    Columns: 本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 +
    其他收入. Income is booked by the subject it is received for, which need not be the subject
    it is spent on: no rule compares this table with the expenditure tables row by row.
    """

    SPEC: ClassVar[TableSpec] = FINAL_INCOME_SPEC


@attrs.frozen(slots=True, repr=False)
class ExpenditureFinalTable(RowsTable):
    """支出决算表 (final table 3): this year's expenditure by functional subject and kind.

    Columns: 本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出.
    """

    SPEC: ClassVar[TableSpec] = FINAL_EXPENDITURE_SPEC


@attrs.frozen(slots=True, repr=False)
class GeneralPublicExpenditureFinalTable(RowsTable):
    """一般公共预算财政拨款支出决算表 (final table 5).

    Columns: 年初预算数 (``budget``) and 调整预算数 (``adjusted_budget``) where the region prints
    them, then the 决算数: 合计 = 基本支出 + 项目支出. No formula relates the budget columns to
    the actual ones: the variance is what the explanation must account for.

    >>> from govbudget.tables import TableHeader
    >>> t5 = GeneralPublicExpenditureFinalTable.from_rows(TableHeader("某部门", 2024), [
    ...     ("2010601", "行政运行", {"budget": "1,560.05", "total": "1,511.89",
    ...                            "basic": "1,503.52", "project": "8.37"}),
    ... ], columns=["budget", "total", "basic", "project"])
    >>> t5.value("2010601", "budget") - t5.value("2010601", "total")
    Decimal('48.16')
    """

    SPEC: ClassVar[TableSpec] = FINAL_GENERAL_PUBLIC_SPEC


@attrs.frozen(slots=True, repr=False)
class GovernmentFundFinalTable(RowsTable):
    """政府性基金预算财政拨款收入支出决算表 (final table 8), by functional subject.

    Columns: 年初结转和结余, 本年收入, 本年支出 (小计 = 基本支出 + 项目支出), 年末结转和结余; on the
    合计 row, 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余 (``F8-BALANCE``).
    """

    SPEC: ClassVar[TableSpec] = FINAL_GOVERNMENT_FUND_SPEC


@attrs.frozen(slots=True, repr=False)
class StateCapitalFinalTable(RowsTable):
    """国有资本经营预算财政拨款收入支出决算表 (final table 9), by functional subject.

    上海 prints the layout of table 8 (年初结转和结余, 本年收入, 本年支出, 年末结转和结余); the central
    template prints only 合计 = 基本支出 + 项目支出 (its 合计 is the ``expenditure`` column).
    """

    SPEC: ClassVar[TableSpec] = FINAL_STATE_CAPITAL_SPEC
