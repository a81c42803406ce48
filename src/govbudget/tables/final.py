"""The nine tables of the final accounts (部门决算): what was really received and spent.

Every department publishes, for the year before, the final accounts of its budget. The tables
have the shapes of the budget's (:mod:`govbudget.tables.summary`, :mod:`~.by_function` …) with
other columns and other identities, and their ``SPEC.phase`` is :attr:`Phase.FINAL`: their
rules are ``F1-…`` … ``F9-…``, and readers and renderers tell them from their budget twins.
They are numbered as the central template and 上海 publish them (公开01表 … 公开09表):

== ========================================= ===============================================
#  class                                     表名
== ========================================= ===============================================
1  :class:`IncomeExpenditureFinalSummary`    收入支出决算总表
2  :class:`IncomeFinalTable`                 收入决算表
3  :class:`ExpenditureFinalTable`            支出决算表
4  :class:`FiscalAppropriationFinalSummary`  财政拨款收入支出决算总表
5  :class:`GeneralPublicExpenditureFinalTable` 一般公共预算财政拨款支出决算表
6  :class:`BasicExpenditureFinalTable`       一般公共预算财政拨款基本支出决算表
7  :class:`ThreePublicExpensesFinalTable`    财政拨款“三公”经费支出决算表
8  :class:`GovernmentFundFinalTable`         政府性基金预算财政拨款收入支出决算表
9  :class:`StateCapitalFinalTable`           国有资本经营预算财政拨款收入支出决算表
== ========================================= ===============================================

Only true identities are declared. Final accounts carry money over: 本年收入 need not equal
本年支出 (收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 balances 支出总计 =
本年支出合计 + 结余分配 + 年末结转和结余), and income by functional subject need not mirror
expenditure by subject.

>>> from govbudget.tables import TableHeader
>>> header = TableHeader("上海市普陀区财政局", 2024)
>>> t1 = IncomeExpenditureFinalSummary.from_rows(
...     header,
...     income=[("general_public_budget", "一、一般公共预算财政拨款收入", {"amount": "2,940.05"}),
...             ("other_income", "八、其他收入", {"amount": "6.20"}),
...             ("income_total", "本年收入合计", {"amount": "2,946.25"}),
...             ("carry_over", "年初结转和结余", {"amount": "49.14"}),
...             ("grand_total", "总计", {"amount": "2,995.39"})],
...     expenditure=[("201", "一、一般公共服务支出", {"amount": "2,940.05"}),
...                  ("expenditure_total", "本年支出合计", {"amount": "2,940.05"}),
...                  ("carry_forward", "年末结转和结余", {"amount": "55.34"}),
...                  ("grand_total", "总计", {"amount": "2,995.39"})],
... )
>>> t1.SPEC.phase.label, t1.SPEC.rule_prefix
('决算', 'F1')
>>> from govbudget import check
>>> check(t1).ok
True
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from govbudget.classification import Scheme
from govbudget.tables.by_function import TOTAL_IS_SUM_OF_CLASSES, TOTAL_ROW, functional_block
from govbudget.tables.model import Table
from govbudget.tables.shapes import RowsTable, TwoSidedTable
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
from govbudget.tables.summary import (
    EXPENDITURE_FORMULAS,
    FUND_CARRY_OVER_FORMULA,
    FUND_COLUMNS_FORMULA,
    FUND_INCOME_FORMULA,
    fund_columns,
    fund_identities,
    fund_rows,
)
from govbudget.tables.three_public import THREE_PUBLIC_FORMULAS, THREE_PUBLIC_ITEMS

__all__ = [
    "STANDARD_FINAL_TABLES",
    "BasicExpenditureFinalTable",
    "ExpenditureFinalTable",
    "FiscalAppropriationFinalSummary",
    "GeneralPublicExpenditureFinalTable",
    "GovernmentFundFinalTable",
    "IncomeExpenditureFinalSummary",
    "IncomeFinalTable",
    "StateCapitalFinalTable",
    "ThreePublicExpensesFinalTable",
]

_FINAL = Phase.FINAL

# -- 1 收入支出决算总表 ----------------------------------------------------------------------------

FINAL_SUMMARY_SPEC = TableSpec(
    number=1,
    key="income_expenditure_final_summary",
    title="收入支出决算总表",
    phase=_FINAL,
    blocks=(
        BlockSpec(
            key="income",
            label="收入",
            columns=(ColumnSpec("amount", "决算数", 2),),
            rows=(
                RowSpec("general_public_budget", "一、一般公共预算财政拨款收入"),
                RowSpec("government_fund", "二、政府性基金预算财政拨款收入"),
                RowSpec("state_capital", "三、国有资本经营预算财政拨款收入"),
                RowSpec("fiscal_appropriation", "财政拨款收入"),
                RowSpec("subsidy_from_superior", "四、上级补助收入"),
                RowSpec("service_income", "五、事业收入"),
                RowSpec("operating_income", "六、经营收入"),
                RowSpec("remittance_from_subordinates", "七、附属单位上缴收入"),
                RowSpec("other_income", "八、其他收入"),
                RowSpec("income_total", "本年收入合计", footer=True),
                RowSpec("use_of_balance", "使用非财政拨款结余", footer=True),
                RowSpec("carry_over", "年初结转和结余", footer=True),
                RowSpec("grand_total", "总计", "income_grand_total", footer=True),
            ),
            row_formulas=(
                Formula(
                    "fiscal_appropriation",
                    ("general_public_budget", "government_fund", "state_capital"),
                ),
                Formula(
                    "income_total",
                    (
                        "fiscal_appropriation",
                        "subsidy_from_superior",
                        "service_income",
                        "operating_income",
                        "remittance_from_subordinates",
                        "other_income",
                    ),
                ),
                Formula("grand_total", ("income_total", "use_of_balance", "carry_over")),
            ),
        ),
        BlockSpec(
            key="expenditure",
            label="支出",
            columns=(ColumnSpec("amount", "决算数", 4),),
            rows=(
                RowSpec("expenditure_total", "本年支出合计", footer=True),
                RowSpec("surplus_distribution", "结余分配", footer=True),
                RowSpec("carry_forward", "年末结转和结余", footer=True),
                RowSpec("grand_total", "总计", "expenditure_grand_total", footer=True),
            ),
            row_formulas=(
                Formula("expenditure_total", (DETAIL,)),
                Formula(
                    "grand_total", ("expenditure_total", "surplus_distribution", "carry_forward")
                ),
            ),
            detail=Detail.CLASSES,
            scheme=Scheme.FUNCTIONAL,
            label_number=3,
        ),
    ),
    identities=(
        Identity(
            "BALANCE",
            "Total income equals total expenditure",
            "收入总计 = 支出总计。",
            (Cell("income", "grand_total", "amount"),),
            (Cell("expenditure", "grand_total", "amount"),),
        ),
    ),
)

# -- 4 财政拨款收入支出决算总表 ------------------------------------------------------------------------

FINAL_APPROPRIATION_SPEC = TableSpec(
    number=4,
    key="fiscal_appropriation_final_summary",
    title="财政拨款收入支出决算总表",
    phase=_FINAL,
    blocks=(
        BlockSpec(
            key="income",
            label="收入",
            columns=(ColumnSpec("amount", "决算数", 2),),
            rows=fund_rows("财政拨款", "总计"),
            row_formulas=(
                FUND_INCOME_FORMULA,
                FUND_CARRY_OVER_FORMULA,
                Formula("grand_total", ("income_total", "carry_over")),
            ),
        ),
        BlockSpec(
            key="expenditure",
            label="支出",
            columns=fund_columns(4),
            rows=(
                RowSpec("expenditure_total", "本年支出合计", footer=True),
                RowSpec(
                    "carry_forward", "年末财政拨款结转和结余", "fiscal_carry_forward", footer=True
                ),
                RowSpec("grand_total", "总计", "expenditure_grand_total", footer=True),
            ),
            column_formulas=(FUND_COLUMNS_FORMULA,),
            row_formulas=EXPENDITURE_FORMULAS,
            detail=Detail.CLASSES,
            scheme=Scheme.FUNCTIONAL,
            label_number=3,
        ),
    ),
    identities=fund_identities("final"),
)

# -- 2, 3, 5 the tables by functional subject --------------------------------------------------

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
    phase=_FINAL,
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
    phase=_FINAL,
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
    phase=_FINAL,
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

# -- 6 一般公共预算财政拨款基本支出决算表 -------------------------------------------------------------

_PERSONNEL_CLASSES = ("301", "303")
_PUBLIC_CLASSES = ("302", "307", "309", "310", "311", "312", "313", "399")

FINAL_BASIC_SPEC = TableSpec(
    number=6,
    key="basic_expenditure_final",
    title="一般公共预算财政拨款基本支出决算表",
    phase=_FINAL,
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

# -- 7 财政拨款“三公”经费支出决算表 --------------------------------------------------------------------

FINAL_THREE_PUBLIC_SPEC = TableSpec(
    number=7,
    key="three_public_expenses_final",
    title="财政拨款“三公”经费支出决算表",
    phase=_FINAL,
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

# -- 8, 9 政府性基金 and 国有资本经营预算财政拨款收入支出决算表 ------------------------------------------

_THIS_YEAR = "本年支出"


def _fund_spec(number: int, key: str, title: str) -> TableSpec:
    return TableSpec(
        number=number,
        key=key,
        title=title,
        phase=_FINAL,
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


# -- the classes -------------------------------------------------------------------------------


@attrs.frozen(slots=True, repr=False)
class IncomeExpenditureFinalSummary(TwoSidedTable):
    """收入支出决算总表 (final table 1): all income by source beside all expenditure by 类.

    Income rows (column 决算数, key ``"amount"``): 一般公共预算 / 政府性基金 / 国有资本经营预算
    财政拨款收入, 上级补助收入, 事业收入, 经营收入, 附属单位上缴收入, 其他收入, 本年收入合计,
    使用非财政拨款结余, 年初结转和结余, 总计 (收入总计 = 本年收入合计 + 使用非财政拨款结余 +
    年初结转和结余). Expenditure rows: one per 类, 本年支出合计, 结余分配, 年末结转和结余, 总计
    (支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余); the two 总计 are equal.
    """

    SPEC: ClassVar[TableSpec] = FINAL_SUMMARY_SPEC


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
class FiscalAppropriationFinalSummary(TwoSidedTable):
    """财政拨款收入支出决算总表 (final table 4): appropriations received beside their expenditure.

    Income rows (column 决算数): the three appropriations, 本年收入合计, 年初财政拨款结转和结余 with
    its three parts, 总计. Expenditure columns: 合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营
    预算财政拨款; rows: one per 类, 本年支出合计, 年末财政拨款结转和结余, 总计. For each
    appropriation, carry-over and income equal expenditure and carry-forward (``F4-FUND-…``).
    """

    SPEC: ClassVar[TableSpec] = FINAL_APPROPRIATION_SPEC


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


STANDARD_FINAL_TABLES: tuple[type[Table], ...] = (
    IncomeExpenditureFinalSummary,
    IncomeFinalTable,
    ExpenditureFinalTable,
    FiscalAppropriationFinalSummary,
    GeneralPublicExpenditureFinalTable,
    BasicExpenditureFinalTable,
    ThreePublicExpensesFinalTable,
    GovernmentFundFinalTable,
    StateCapitalFinalTable,
)
"""The nine table classes of final accounts (部门决算), 公开01表 first (三公 is table 7)."""
