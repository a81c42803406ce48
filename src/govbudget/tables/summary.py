"""The two summary tables, printed as two sides: 收支总表 (table 1) and 财政拨款收支总表 (table 4).

The income side has fixed rows (the sources, 本年收入合计, 上年结转, 收入总计); the expenditure
side has one row per functional 类 followed by 本年支出合计, 年终结转结余 and 支出总计. Regional
layouts print other income rows (上海: 一、财政拨款收入 with 1. 一般公共预算 … beneath, 事业收入 …)
and only the 类 that have money; the declared formulas cover both.

>>> from govbudget.tables import IncomeExpenditureSummary, TableHeader
>>> header = TableHeader("中共唐山市开平区委网络安全和信息化委员会办公室", 2025, department_code="897")
>>> summary = IncomeExpenditureSummary.from_rows(
...     header,
...     income=[("general_public_budget", "一、一般公共预算拨款收入", {"amount": "283.61"}),
...             ("grand_total", "收入总计", {"amount": "283.61"})],
...     expenditure=[("201", "一、一般公共服务支出", {"amount": "256.59"}),
...                  ("grand_total", "支出总计", {"amount": "283.61"})],
... )
>>> summary.block("income").value("grand_total", "amount")
Decimal('283.61')
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from govbudget.classification import Scheme
from govbudget.tables.shapes import TwoSidedTable
from govbudget.tables.spec import (
    DETAIL,
    BlockSpec,
    Cell,
    ColumnSpec,
    Detail,
    Formula,
    Identity,
    RowSpec,
    TableSpec,
)

__all__ = ["FiscalAppropriationSummary", "IncomeExpenditureSummary"]

_GP = ("一般公共预算拨款收入", "一般公共预算拨款", "一般公共预算", "一般公共预算收入")
_GF = ("政府性基金预算拨款收入", "政府性基金预算拨款", "政府性基金预算", "政府性基金预算收入")
_SC = (
    "国有资本经营预算拨款收入",
    "国有资本经营预算拨款",
    "国有资本经营预算",
    "国有资本经营预算收入",
)

_EXPENDITURE_FOOTER = (
    RowSpec("expenditure_total", "本年支出合计", footer=True),
    RowSpec(
        "carry_forward",
        "年终结转结余",
        aliases=("年末结转结余", "年终结转", "年末结转和结余"),
        footer=True,
    ),
    RowSpec("grand_total", "支出总计", footer=True),
)
_EXPENDITURE_FORMULAS = (
    Formula("expenditure_total", (DETAIL,)),
    Formula("grand_total", ("expenditure_total", "carry_forward")),
)

SUMMARY_SPEC = TableSpec(
    number=1,
    key="income_expenditure_summary",
    title="部门预算收支总表",
    title_aliases=("部门收支总表", "部门财务收支预算总表", "部门收支预算总表", "财务收支预算总表"),
    blocks=(
        BlockSpec(
            key="income",
            label="收入",
            columns=(ColumnSpec("amount", "预算数", 2, aliases=("金额", "预算金额")),),
            rows=(
                RowSpec("general_public_budget", "一、一般公共预算拨款收入", _GP),
                RowSpec("government_fund", "二、政府性基金预算拨款收入", _GF),
                RowSpec("state_capital", "三、国有资本经营预算拨款收入", _SC),
                RowSpec(
                    "special_account",
                    "四、财政专户管理资金收入",
                    ("财政专户管理资金", "财政专户核拨收入", "财政专户收入"),
                ),
                RowSpec("unit_funds", "五、单位资金", ("单位资金收入",)),
                RowSpec("fiscal_appropriation", "财政拨款收入", ("财政拨款",)),
                RowSpec("service_income", "事业收入"),
                RowSpec("operating_income", "事业单位经营收入", ("经营收入",)),
                RowSpec("subsidy_from_superior", "上级补助收入"),
                RowSpec("remittance_from_subordinates", "附属单位上缴收入"),
                RowSpec("other_income", "其他收入"),
                RowSpec("income_total", "本年收入合计", footer=True),
                RowSpec(
                    "carry_over",
                    "上年结转结余",
                    ("上年结转", "上年结转和结余", "上年结余"),
                    footer=True,
                ),
                RowSpec("grand_total", "收入总计", footer=True),
            ),
            row_formulas=(
                Formula(
                    "fiscal_appropriation",
                    ("general_public_budget", "government_fund", "state_capital"),
                ),
                Formula(
                    "unit_funds",
                    (
                        "service_income",
                        "operating_income",
                        "subsidy_from_superior",
                        "remittance_from_subordinates",
                        "other_income",
                    ),
                ),
                Formula("income_total", ("fiscal_appropriation", "special_account", "unit_funds")),
                Formula("grand_total", ("income_total", "carry_over")),
            ),
        ),
        BlockSpec(
            key="expenditure",
            label="支出",
            columns=(ColumnSpec("amount", "预算数", 4, aliases=("金额", "预算金额")),),
            rows=_EXPENDITURE_FOOTER,
            row_formulas=_EXPENDITURE_FORMULAS,
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

_FUNDS = (
    ("general_public", "general_public_budget", "一般公共预算财政拨款", _GP),
    ("government_fund", "government_fund", "政府性基金预算财政拨款", _GF),
    ("state_capital", "state_capital", "国有资本经营预算财政拨款", _SC),
)

APPROPRIATION_SPEC = TableSpec(
    number=4,
    key="fiscal_appropriation_summary",
    title="部门预算财政拨款收支总表",
    title_aliases=("部门财政拨款收支总表", "部门财政拨款收支预算总表", "财政拨款收支预算总表"),
    blocks=(
        BlockSpec(
            key="income",
            label="收入",
            columns=(ColumnSpec("amount", "金额", 2, aliases=("预算数", "预算金额")),),
            rows=(
                RowSpec("general_public_budget", "一、一般公共预算拨款", _GP),
                RowSpec("government_fund", "二、政府性基金预算拨款", _GF),
                RowSpec("state_capital", "三、国有资本经营预算拨款", _SC),
                RowSpec("income_total", "本年收入合计", footer=True),
                RowSpec(
                    "carry_over",
                    "年初财政拨款结转和结余",
                    ("上年结转", "年初结转和结余", "上年财政拨款结转和结余"),
                    footer=True,
                ),
                RowSpec(
                    "carry_over_general_public",
                    "一、一般公共预算拨款",
                    _GP,
                    under="carry_over",
                    footer=True,
                ),
                RowSpec(
                    "carry_over_government_fund",
                    "二、政府性基金预算拨款",
                    _GF,
                    under="carry_over",
                    footer=True,
                ),
                RowSpec(
                    "carry_over_state_capital",
                    "三、国有资本经营预算拨款",
                    _SC,
                    under="carry_over",
                    footer=True,
                ),
                RowSpec("grand_total", "收入总计", footer=True),
            ),
            row_formulas=(
                Formula(
                    "income_total", ("general_public_budget", "government_fund", "state_capital")
                ),
                Formula(
                    "carry_over",
                    (
                        "carry_over_general_public",
                        "carry_over_government_fund",
                        "carry_over_state_capital",
                    ),
                ),
                Formula("grand_total", ("income_total", "carry_over")),
            ),
        ),
        BlockSpec(
            key="expenditure",
            label="支出",
            columns=(
                ColumnSpec("total", "合计", 4),
                *(
                    ColumnSpec(key, header, number, aliases=aliases[2:3])
                    for number, (key, _row, header, aliases) in enumerate(_FUNDS, start=5)
                ),
            ),
            rows=(
                _EXPENDITURE_FOOTER[0],
                RowSpec(
                    "carry_forward",
                    "年末财政拨款结转和结余",
                    ("年末结转和结余", "年终结转结余"),
                    footer=True,
                ),
                _EXPENDITURE_FOOTER[2],
            ),
            column_formulas=(
                Formula("total", ("general_public", "government_fund", "state_capital")),
            ),
            row_formulas=_EXPENDITURE_FORMULAS,
            detail=Detail.CLASSES,
            scheme=Scheme.FUNCTIONAL,
            label_number=3,
        ),
    ),
    identities=(
        Identity(
            "BALANCE",
            "Total income equals total expenditure",
            "收入总计 = 支出总计（合计栏）。",
            (Cell("income", "grand_total", "amount"),),
            (Cell("expenditure", "grand_total", "total"),),
        ),
        *(
            Identity(
                f"FUND-{column.upper().replace('_', '-')}",
                f"Each appropriation's income and carry-over equal its expenditure ({header})",
                f"{header}：本年收入 + 年初结转和结余 = 本年支出 + 年末结转和结余。",
                (
                    Cell("income", row, "amount"),
                    Cell("income", f"carry_over_{column}", "amount"),
                ),
                (
                    Cell("expenditure", "expenditure_total", column),
                    Cell("expenditure", "carry_forward", column),
                ),
            )
            for column, row, header, _aliases in _FUNDS
        ),
    ),
)


@attrs.frozen(slots=True, repr=False)
class IncomeExpenditureSummary(TwoSidedTable):
    """部门预算收支总表 (table 1): all income by source beside all expenditure by 类.

    Income rows: the sources (一般公共预算拨款收入 … 单位资金, or regional variants), 本年收入合计,
    上年结转结余, 收入总计. Expenditure rows: one per 类 (key: the 类 code), 本年支出合计,
    年终结转结余, 支出总计. Both sides have one column, 预算数 (key ``"amount"``).
    """

    SPEC: ClassVar[TableSpec] = SUMMARY_SPEC


@attrs.frozen(slots=True, repr=False)
class FiscalAppropriationSummary(TwoSidedTable):
    """部门预算财政拨款收支总表 (table 4): appropriations received beside their expenditure by 类.

    Income rows: the three appropriations, 本年收入合计, 年初财政拨款结转和结余 with its three
    parts, 收入总计 (column 金额, key ``"amount"``). Expenditure columns: 合计 = 一般公共预算 +
    政府性基金预算 + 国有资本经营预算财政拨款.
    """

    SPEC: ClassVar[TableSpec] = APPROPRIATION_SPEC
