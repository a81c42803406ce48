"""The nine standard tables of a budget and the nine of final accounts, in their standard order,
and lookup by number or key.

The tables of final accounts (部门决算) have the shapes of the budget's with other columns and
other identities, and their ``SPEC.phase`` is :attr:`Phase.FINAL`: their rules are ``F1-…`` …
``F9-…``, and readers and renderers tell them from their budget twins. They are numbered as the central template and 上海 publish them (公开01表 … 公开09表):

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
"""

from __future__ import annotations

from govbudget.tables.basic import BasicExpenditureFinalTable, BasicExpenditureTable
from govbudget.tables.by_function import (
    ExpenditureFinalTable,
    ExpenditureTable,
    GeneralPublicExpenditureFinalTable,
    GeneralPublicExpenditureTable,
    GovernmentFundExpenditureTable,
    GovernmentFundFinalTable,
    IncomeFinalTable,
    IncomeTable,
    StateCapitalExpenditureTable,
    StateCapitalFinalTable,
)
from govbudget.tables.model import Table
from govbudget.tables.spec import Phase
from govbudget.tables.summary import (
    FiscalAppropriationFinalSummary,
    FiscalAppropriationSummary,
    IncomeExpenditureFinalSummary,
    IncomeExpenditureSummary,
)
from govbudget.tables.three_public import ThreePublicExpensesFinalTable, ThreePublicExpensesTable

__all__ = ["STANDARD_FINAL_TABLES", "STANDARD_TABLES", "standard_tables", "table_type"]

STANDARD_TABLES: tuple[type[Table], ...] = (
    IncomeExpenditureSummary,
    IncomeTable,
    ExpenditureTable,
    FiscalAppropriationSummary,
    GeneralPublicExpenditureTable,
    BasicExpenditureTable,
    GovernmentFundExpenditureTable,
    StateCapitalExpenditureTable,
    ThreePublicExpensesTable,
)
"""The nine table classes of a budget, table 1 first."""

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


def standard_tables(phase: Phase) -> tuple[type[Table], ...]:
    """The nine table classes of a family: :data:`STANDARD_TABLES` or :data:`STANDARD_FINAL_TABLES`.

    >>> [kind.SPEC.rule_prefix for kind in standard_tables(Phase.FINAL)][:3]
    ['F1', 'F2', 'F3']
    """
    return STANDARD_FINAL_TABLES if phase is Phase.FINAL else STANDARD_TABLES


def table_type(which: int | str, phase: Phase = Phase.BUDGET) -> type[Table]:
    """The table class for a number (1–9, of the ``phase``'s family) or a key of either family.

    >>> table_type(6).__name__, table_type("income").SPEC.title
    ('BasicExpenditureTable', '部门预算收入总表')
    >>> table_type(7, Phase.FINAL).__name__, table_type("income_final").SPEC.title
    ('ThreePublicExpensesFinalTable', '收入决算表')
    """
    both = (*STANDARD_TABLES, *standard_tables(Phase.FINAL))
    for kind in both:
        if kind.SPEC.key == which:
            return kind
    for kind in standard_tables(phase):
        if kind.SPEC.number == which:
            return kind
    keys = ", ".join(kind.SPEC.key for kind in both)
    raise KeyError(f"no standard table {which!r}: numbers 1–9 or one of {keys}")
