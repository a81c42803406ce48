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

The summaries of final accounts (收入支出决算总表, 财政拨款收入支出决算总表) carry money over:
收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 balances 支出总计 = 本年支出合计 +
结余分配 + 年末结转和结余.

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
from govbudget.tables.shapes import TwoSidedTable
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
    "FiscalAppropriationFinalSummary",
    "FiscalAppropriationSummary",
    "IncomeExpenditureFinalSummary",
    "IncomeExpenditureSummary",
]

_EXPENDITURE_FOOTER = (
    RowSpec("expenditure_total", "本年支出合计", footer=True),
    RowSpec("carry_forward", "年终结转结余", footer=True),
    RowSpec("grand_total", "支出总计", "expenditure_grand_total", footer=True),
)
EXPENDITURE_FORMULAS = (
    Formula("expenditure_total", (DETAIL,)),
    Formula("grand_total", ("expenditure_total", "carry_forward")),
)
"""本年支出合计 = Σ 类, and 支出总计 = 本年支出合计 + 年末结转和结余: the expenditure side of the
summaries of both families, with 结余分配 among the parts of 支出总计 in final accounts."""

FUNDS = (
    ("general_public", "general_public_budget", "一般公共预算"),
    ("government_fund", "government_fund", "政府性基金预算"),
    ("state_capital", "state_capital", "国有资本经营预算"),
)
"""The three appropriations: the key of the column, of the income row (the concept), and the
name both families print them by."""

FUND_INCOME_FORMULA = Formula("income_total", tuple(row for _column, row, _name in FUNDS))
FUND_CARRY_OVER_FORMULA = Formula(
    "carry_over", tuple(f"carry_over_{column}" for column, _row, _name in FUNDS)
)
FUND_COLUMNS_FORMULA = Formula("total", tuple(column for column, _row, _name in FUNDS))
"""合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算财政拨款, in both families."""


def fund_rows(suffix: str, phase_word: str) -> tuple[RowSpec, ...]:
    """The three appropriation rows of an appropriation summary's income side ("一、一般公共预算
    拨款" …), then 本年收入合计, the carry-over and its three parts, and 收入总计."""
    numbered = ("一、", "二、", "三、")
    rows = [
        RowSpec(row, f"{n}{name}{suffix}")
        for n, (_column, row, name) in zip(numbered, FUNDS, strict=True)
    ]
    rows.append(RowSpec("income_total", "本年收入合计", footer=True))
    rows.append(RowSpec("carry_over", "年初财政拨款结转和结余", "fiscal_carry_over", footer=True))
    rows += [
        RowSpec(f"carry_over_{column}", f"{n}{name}{suffix}", row, "carry_over", footer=True)
        for n, (column, row, name) in zip(numbered, FUNDS, strict=True)
    ]
    rows.append(RowSpec("grand_total", phase_word, "income_grand_total", footer=True))
    return tuple(rows)


def fund_columns(first: int) -> tuple[ColumnSpec, ...]:
    """合计 and the three appropriations' columns of an appropriation summary's expenditure side."""
    return (
        ColumnSpec("total", "合计", first),
        *(
            ColumnSpec(column, f"{name}财政拨款", number, concept=row)
            for number, (column, row, name) in enumerate(FUNDS, start=first + 1)
        ),
    )


def balance(column: str = "amount", where: str = "") -> Identity:
    """收入总计 = 支出总计: the identity of every summary table, its expenditure read in
    ``column`` (``where`` names that column in the explanation when it is not the only one)."""
    return Identity(
        "BALANCE",
        "Total income equals total expenditure",
        f"收入总计 = 支出总计{where}。",
        (Cell("income", "grand_total", "amount"),),
        (Cell("expenditure", "grand_total", column),),
    )


def fund_identities(order: str) -> tuple[Identity, ...]:
    """收入总计 = 支出总计 (合计栏), and each appropriation's income and carry-over equal its
    expenditure and carry-forward; ``order`` is how the family words the second
    ("budget": 本年收入 first, "final": 年初结转和结余 first)."""
    funds = []
    for column, row, name in FUNDS:
        income, carried = (
            Cell("income", row, "amount"),
            Cell("income", f"carry_over_{column}", "amount"),
        )
        spent = (
            Cell("expenditure", "expenditure_total", column),
            Cell("expenditure", "carry_forward", column),
        )
        if order == "budget":
            funds.append(
                Identity(
                    f"FUND-{column.upper().replace('_', '-')}",
                    f"Each appropriation's income and carry-over equal its expenditure ({name}财政拨款)",
                    f"{name}财政拨款：本年收入 + 年初结转和结余 = 本年支出 + 年末结转和结余。",
                    (income, carried),
                    spent,
                )
            )
        else:
            funds.append(
                Identity(
                    f"FUND-{column.upper().replace('_', '-')}",
                    "Each appropriation's carry-over and income equal its expenditure and "
                    f"carry-forward ({name}财政拨款)",
                    f"{name}财政拨款：年初财政拨款结转和结余 + 本年收入 = 本年支出 + 年末财政拨款结转和结余。",
                    (carried, income),
                    spent,
                )
            )
    return (balance("total", "（合计栏）"), *funds)


SUMMARY_SPEC = TableSpec(
    number=1,
    key="income_expenditure_summary",
    title="部门预算收支总表",
    blocks=(
        BlockSpec(
            key="income",
            label="收入",
            columns=(ColumnSpec("amount", "预算数", 2),),
            rows=(
                RowSpec("general_public_budget", "一、一般公共预算拨款收入"),
                RowSpec("government_fund", "二、政府性基金预算拨款收入"),
                RowSpec("state_capital", "三、国有资本经营预算拨款收入"),
                RowSpec("special_account", "四、财政专户管理资金收入"),
                RowSpec("unit_funds", "五、单位资金"),
                RowSpec("fiscal_appropriation", "财政拨款收入"),
                RowSpec("service_income", "事业收入"),
                RowSpec("operating_income", "事业单位经营收入"),
                RowSpec("subsidy_from_superior", "上级补助收入"),
                RowSpec("remittance_from_subordinates", "附属单位上缴收入"),
                RowSpec("other_income", "其他收入"),
                RowSpec("income_total", "本年收入合计", footer=True),
                RowSpec("carry_over", "上年结转结余", footer=True),
                RowSpec("grand_total", "收入总计", "income_grand_total", footer=True),
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
            columns=(ColumnSpec("amount", "预算数", 4),),
            rows=_EXPENDITURE_FOOTER,
            row_formulas=EXPENDITURE_FORMULAS,
            detail=Detail.CLASSES,
            scheme=Scheme.FUNCTIONAL,
            label_number=3,
        ),
    ),
    identities=(balance(),),
)

APPROPRIATION_SPEC = TableSpec(
    number=4,
    key="fiscal_appropriation_summary",
    title="部门预算财政拨款收支总表",
    blocks=(
        BlockSpec(
            key="income",
            label="收入",
            columns=(ColumnSpec("amount", "金额", 2),),
            rows=fund_rows("拨款", "收入总计"),
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
                _EXPENDITURE_FOOTER[0],
                RowSpec(
                    "carry_forward", "年末财政拨款结转和结余", "fiscal_carry_forward", footer=True
                ),
                _EXPENDITURE_FOOTER[2],
            ),
            column_formulas=(FUND_COLUMNS_FORMULA,),
            row_formulas=EXPENDITURE_FORMULAS,
            detail=Detail.CLASSES,
            scheme=Scheme.FUNCTIONAL,
            label_number=3,
        ),
    ),
    identities=fund_identities("budget"),
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


# -- final accounts ----------------------------------------------------------------------------

FINAL_SUMMARY_SPEC = TableSpec(
    number=1,
    key="income_expenditure_final_summary",
    title="收入支出决算总表",
    phase=Phase.FINAL,
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
    identities=(balance(),),
)


FINAL_APPROPRIATION_SPEC = TableSpec(
    number=4,
    key="fiscal_appropriation_final_summary",
    title="财政拨款收入支出决算总表",
    phase=Phase.FINAL,
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
class FiscalAppropriationFinalSummary(TwoSidedTable):
    """财政拨款收入支出决算总表 (final table 4): appropriations received beside their expenditure.

    Income rows (column 决算数): the three appropriations, 本年收入合计, 年初财政拨款结转和结余 with
    its three parts, 总计. Expenditure columns: 合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营
    预算财政拨款; rows: one per 类, 本年支出合计, 年末财政拨款结转和结余, 总计. For each
    appropriation, carry-over and income equal expenditure and carry-forward (``F4-FUND-…``).
    """

    SPEC: ClassVar[TableSpec] = FINAL_APPROPRIATION_SPEC
