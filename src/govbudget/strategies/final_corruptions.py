"""Final accounts (部门决算) broken on purpose: each corruption and the rules it must fire.

The corruptions of one table (a figure, a 合计, a column, a row printed twice, renamed, moved or
left without its detail) are those of a budget (:mod:`govbudget.strategies.corruptions`): they
read the declarations, so they break a 决算 table the way they break its budget twin and name
its ``F…`` rule. The others are the final family's own: an appropriation's income or a fund
table's balance moved, a summary against the tables (``XF-…``), a table missing, empty without
its note or of another year (``DOCF-…``), and the explanation (``TXT-FINAL-…``): a rate, a
comparison word, a share, a sum, a change, a figure against the tables, a rate against the
table's budget.

>>> from govbudget import check
>>> from govbudget.strategies.example import example_final_accounts
>>> found = list(corrupt_final(example_final_accounts()))
>>> all(c.rules <= {f.rule for f in check(c.target).errors} for c in found[:5])
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any

import attrs

from govbudget.amounts import Figure, Interval, round_half_up
from govbudget.disclosure import DepartmentFinalAccounts
from govbudget.disclosure.facts import (
    FINAL_AMOUNT_FACTS,
    FINAL_CHANGE_FACTS,
    FINAL_CHANGE_OF,
    FINAL_FACT_LABELS,
    FinalStatedFacts,
)
from govbudget.disclosure.statements import Restatement, StatedExecution
from govbudget.disclosure.text_figures import text_figures
from govbudget.rates import ExecutionRate
from govbudget.strategies.corruptions import (
    BIG,
    TABLE_CORRUPTIONS,
    Corruption,
    _fund_incomes,
    _incomplete,
    _moved,
    _replace,
    _spent,
)
from govbudget.tables import (
    ExpenditureFinalTable,
    GovernmentFundFinalTable,
    IncomeFinalTable,
    Row,
    StateCapitalFinalTable,
    Table,
)

__all__ = ["FINAL_CORRUPTIONS", "FinalCorrupter", "corrupt_final"]

FinalCorrupter = Callable[[DepartmentFinalAccounts], Iterator[Corruption]]

_TEN = Decimal(10)


def _printed(table: Table | None, block: int, key: str, column: str) -> bool:
    """Whether ``table`` prints a figure (a blank cell counts) at row ``key`` and ``column``."""
    if table is None:
        return False
    printed = table.blocks()[block]
    return printed.row(key) is not None and column in printed.columns


# -- tables of the final family ------------------------------------------------------------------


def _fund_balance(accounts: DepartmentFinalAccounts) -> Iterator[Corruption]:
    """One appropriation's income in the 财政拨款收入支出决算总表 moved far: its 年初 + 收入 =
    支出 + 年末 fails (F4-FUND-…), and it no longer equals the 收入支出决算总表 (XF-F1-F4)."""
    yield from _fund_incomes(accounts, accounts.fiscal_appropriation_summary, "XF-F1-F4")


def _fund_tables(accounts: DepartmentFinalAccounts) -> Iterator[Corruption]:
    """The 年末结转和结余 of a fund table's 合计 moved far (F8/F9-BALANCE)."""
    for kind in (GovernmentFundFinalTable, StateCapitalFinalTable):
        table = accounts.table(kind)
        if table is None or table.is_empty or not _printed(table, 0, "total", "carry_forward"):
            continue
        what = f"合计 年末结转和结余 +{BIG}"
        yield _moved(
            "fund-table", accounts, table, 0, "total", ("carry_forward",), BIG, what, "BALANCE"
        )


def _basic(accounts: DepartmentFinalAccounts) -> Iterator[Corruption]:
    """The 基本支出决算表 broken where its two layouts differ: the totals of the halves
    (F6-PERSONNEL, F6-PUBLIC), a 合计 row printed wrong (F6-TOTAL), and, printed as the budget's
    columns, 合计 ≠ 人员经费 + 公用经费 (F6-COLUMNS)."""
    table = accounts.basic_expenditure
    if table is None or table.is_empty:
        return
    classes = [row for row in table.rows if row.code is not None and len(row.code) == 3]
    personnel = [row for row in classes if row.key in ("301", "303")]
    # A half's total is compared with its classes only where the half prints one.
    for key, rule, half in (
        ("personnel_total", "PERSONNEL", personnel),
        ("public_total", "PUBLIC", [row for row in classes if row not in personnel]),
    ):
        if table.row(key) is not None and half:
            yield _moved("basic", accounts, table, 0, key, ("total",), BIG, f"{key} +{BIG}", rule)
    if table.row("total") is None:
        whole = sum((row.values[0] or Decimal(0) for row in classes), Decimal("0.00"))
        total = Row("total", "合计", [whole + BIG, *([None] * (len(table.columns) - 1))])
        yield Corruption(
            "basic",
            f"{table.title} 合计行印为各类之和 +{BIG}",
            _replace(accounts, attrs.evolve(table, rows=[total, *table.rows])),
            frozenset({"F6-TOTAL"}),
        )
    if table.columns == ("total",):
        # The same table in the budget's layout, one 人员经费 figure moved.
        rows = []
        moved = False
        for row in table.rows:
            (value,) = row.values
            paid = row.key == "personnel_total" or (row.code or "")[:3] in ("301", "303")
            public = row.key == "public_total" or not paid
            figures = [value, value if paid else None, value if public else None]
            if paid and not moved and row.code is not None:
                figures[1] = (value or Decimal("0.00")) + BIG
                moved = True
            rows.append(attrs.evolve(row, values=figures))
        if moved:
            columns = ("total", "personnel", "public")
            yield Corruption(
                "basic",
                f"{table.title} 按人员经费、公用经费分栏，人员经费 +{BIG}",
                _replace(accounts, attrs.evolve(table, rows=rows, columns=columns)),
                frozenset({"F6-COLUMNS"}),
            )


# -- between the tables ----------------------------------------------------------------------


def _cross(accounts: DepartmentFinalAccounts) -> Iterator[Corruption]:
    """One table against another (XF-…): a table's totals moved, consistently within it."""
    for kind, columns, rule in (
        (IncomeFinalTable, ("total", "fiscal_appropriation"), "XF-F1-F2"),
        (ExpenditureFinalTable, ("total", "basic"), "XF-F1-F3"),
    ):
        table = accounts.table(kind)
        if table is not None and _printed(table, 0, "total", "total"):
            yield _moved("cross", accounts, table, 0, "total", columns, BIG, f"合计行 +{BIG}", rule)
    summary = accounts.income_expenditure_summary
    if summary is not None:
        coded = [row for row in summary.expenditure if row.code is not None]
        if coded:
            yield _moved(
                "cross",
                accounts,
                summary,
                1,
                coded[0].key,
                ("amount",),
                BIG,
                f"{coded[0].code} +{BIG}",
                "XF-F1-F3-CLASSES",
                at=coded[0].code,
            )
    appropriation = accounts.fiscal_appropriation_summary
    if summary is not None and appropriation is not None:
        everything = summary.block("income").value("carry_over", "amount")
        fiscal = appropriation.block("income").value("carry_over", "amount")
        if _printed(summary, 0, "carry_over", "amount") and _printed(
            appropriation, 0, "carry_over", "amount"
        ):
            by = (everything or Decimal(0)) - (fiscal or Decimal(0)) + BIG
            yield _moved(
                "cross",
                accounts,
                appropriation,
                0,
                "carry_over",
                ("amount",),
                by,
                f"年初财政拨款结转和结余超过{summary.title}的年初结转和结余",
                "XF-F4-F1-BALANCES",
            )
    if appropriation is not None:
        side = appropriation.block("expenditure")
        for fund, rule in (
            ("general_public", "XF-F4-F5"),
            ("government_fund", "XF-F4-F8"),
            ("state_capital", "XF-F4-F9"),
        ):
            if fund not in side.columns:
                continue
            index = side.columns.index(fund)
            coded = [r for r in side.rows if r.code is not None and r.values[index] is not None]
            if coded:
                yield _moved(
                    "cross",
                    accounts,
                    appropriation,
                    1,
                    coded[0].key,
                    (fund,),
                    BIG,
                    f"{coded[0].code} {fund} +{BIG}",
                    rule,
                    at=coded[0].code,
                )
        if _printed(appropriation, 1, "expenditure_total", "general_public"):
            yield _moved(
                "cross",
                accounts,
                appropriation,
                1,
                "expenditure_total",
                ("general_public",),
                BIG,
                f"本年支出合计 一般公共预算财政拨款 +{BIG}",
                "XF-F4-TOTALS",
            )
    fund_table = accounts.government_fund_expenditure
    if (
        appropriation is not None
        and fund_table is not None
        and not fund_table.is_empty
        and _printed(fund_table, 0, "total", "income")
    ):
        yield _moved(
            "cross",
            accounts,
            fund_table,
            0,
            "total",
            ("income",),
            BIG,
            f"合计 本年收入 +{BIG}",
            "XF-F4-FUNDS",
        )
    general = accounts.general_public_expenditure
    if general is not None and _printed(general, 0, "total", "basic"):
        yield _moved(
            "cross",
            accounts,
            general,
            0,
            "total",
            ("total", "basic"),
            BIG,
            f"合计 基本支出 +{BIG}",
            "XF-F5-F6",
        )
    if general is not None and "total" in general.columns:
        items = [row for row in general.rows if row.code is not None and len(row.code) == 7]
        if items:
            # Past all the money of the item (non-appropriation money included).
            excess = BIG + _spent(accounts.expenditure, items[0].key, "total", general.header.unit)
            yield _moved(
                "cross",
                accounts,
                general,
                0,
                items[0].key,
                ("total",),
                excess,
                f"{items[0].code} 合计 +{excess}",
                "XF-APPROPRIATIONS-WITHIN-ALL",
                at=items[0].code,
            )


# -- completeness ------------------------------------------------------------------------------


# -- the explanation ---------------------------------------------------------------------------


def _with_facts(accounts: DepartmentFinalAccounts, **changes: Any) -> DepartmentFinalAccounts:
    return attrs.evolve(accounts, facts=attrs.evolve(accounts.facts, **changes))


def _statements(facts: FinalStatedFacts) -> Iterator[tuple[str, int, StatedExecution]]:
    """Every execution statement with where it sits: the field and the index in it."""
    if facts.general_public_execution is not None:
        yield "general_public_execution", -1, facts.general_public_execution
    for index, each in enumerate(facts.executions):
        yield "executions", index, each
    for index, each in enumerate(facts.three_public_executions):
        yield "three_public_executions", index, each


def _restate(
    accounts: DepartmentFinalAccounts, field: str, index: int, execution: StatedExecution
) -> DepartmentFinalAccounts:
    if index < 0:
        return _with_facts(accounts, **{field: execution})
    statements = list(getattr(accounts.facts, field))
    statements[index] = execution
    return _with_facts(accounts, **{field: statements})


def _beyond(budgets: Iterable[Figure], actual: Figure) -> Decimal | None:
    """A rate that no reading of the figures allows: 10 points above the highest the intervals
    of ``actual`` over each of ``budgets`` reach; ``None`` over a budget that may be zero."""
    highs = []
    for budget in budgets:
        rate = ExecutionRate(budget, actual)
        if rate.high is None:
            return None
        highs.append(rate.high)
    return round_half_up(max(highs) + _TEN, 2) if highs else None


def _change_beyond(amount: Decimal, current: Decimal) -> Decimal | None:
    """A percentage of change no reading of the figures allows: 10 points above the highest
    ``amount ÷ (current − amount)`` over the figures' intervals; ``None`` when last year's
    figure may be zero or less."""
    change, now = Interval.of(amount), Interval.of(current)
    if now.low - change.high <= 0:
        return None
    highest = max(a * 100 / (c - a) for a in (change.low, change.high) for c in (now.low, now.high))
    return round_half_up(highest + _TEN, 2)


# (total, parts, whether the parts are all of the total's): a total moved away from all of its
# parts is reported; one a list may leave parts out of only where the parts exceed it.
_SUMS = (
    ("general_public_basic", ("personnel", "public"), True),
    ("three_public_total", ("travel_abroad", "vehicles", "reception"), True),
    ("expenditure_total", ("basic", "project"), False),
    ("income_total", ("fiscal_appropriation", "other_income", "service_income"), False),
    ("fiscal_total", ("fiscal_appropriation",), False),
)


def _explanation(accounts: DepartmentFinalAccounts) -> Iterator[Corruption]:
    """The explanation against its own figures and against the tables (TXT-FINAL-…)."""
    facts = accounts.facts
    statements = list(_statements(facts))
    for field, index, each in statements:
        rate = _beyond(each.budget_for(each.rate_basis), each.stated_actual)
        if each.rate is not None and each.stated_actual is not None and rate is not None:
            yield Corruption(
                "statement",
                f"{each.label} 完成率改为 {rate}%",
                _restate(accounts, field, index, attrs.evolve(each, rate=rate)),
                frozenset({"TXT-FINAL-RATE"}),
                each.label,
            )
            break
    for field, index, each in statements:
        actual, budgets = each.stated_actual, each.budget_for(None)
        difference = None if actual is None or not budgets else actual - budgets[0]
        beyond = (
            None if difference is None or actual is None else _change_beyond(difference, actual)
        )
        if beyond is not None:
            yield Corruption(
                "statement",
                f"{each.label} 较预算增减 {difference}万元，百分比改为 {beyond}%",
                _restate(
                    accounts,
                    field,
                    index,
                    attrs.evolve(each, difference=difference, difference_rate=beyond),
                ),
                frozenset({"TXT-FINAL-BUDGET-CHANGE"}),
                each.label,
            )
            break
    for field, index, each in statements:
        actual, budgets = each.stated_actual, each.budget_for(each.word_basis)
        if each.word and actual is not None and budgets:
            apart = not Interval.of(actual).meets(Interval.of(budgets[0]))
            word = ("小于" if actual > budgets[0] else "大于") if apart else "大小于"
            yield Corruption(
                "statement",
                f"{each.label} 决算数{each.word}预算数改为“{word}”",
                _restate(accounts, field, index, attrs.evolve(each, word=word)),
                frozenset({"TXT-FINAL-DIRECTION"}),
                each.label,
            )
            break
    restated = next(
        (
            (field, index, each)
            for field, index, each in statements
            if each.actual is not None and each.key is None
        ),
        None,
    )
    if restated is not None:
        field, index, each = restated
        assert each.actual is not None
        yield Corruption(
            "statement",
            f"{each.label} 科目名称后的金额与支出决算不符",
            _restate(accounts, field, index, attrs.evolve(each, amount=each.actual + BIG)),
            frozenset({"TXT-FINAL-RESTATED"}),
            each.label,
        )
    else:
        name = next((n for n in FINAL_AMOUNT_FACTS if getattr(facts, n) is not None), None)
        if name is not None:
            again = Restatement(name, getattr(facts, name) + BIG)
            yield Corruption(
                "statement",
                f"{FINAL_FACT_LABELS[name]}后文另称一数",
                _with_facts(accounts, restatements=[*facts.restatements, again]),
                frozenset({"TXT-FINAL-RESTATED"}),
            )
    lookup = text_figures(accounts)
    for field, index, each in statements:
        row = None if each.key is None else lookup.fact(each.key)
        if each.rate is None or each.budget_for(each.rate_basis) or row is None:
            continue
        if not row.prints("budgeted") or not row.prints("actual"):
            continue
        rate = _beyond([row.budgeted], row.actual)
        if rate is not None:
            yield Corruption(
                "statement",
                f"{each.label} 完成率（预算数见表）改为 {rate}%",
                _restate(accounts, field, index, attrs.evolve(each, rate=rate)),
                frozenset({"TXT-FINAL-TABLE-RATE"}),
                each.label,
            )
            break
    for share in facts.shares:
        whole, part = facts.figure(share.whole), facts.figure(share.part)
        percent = None if whole is None or part is None else _beyond([whole], part)
        if percent is not None:
            others = [s for s in facts.shares if s is not share]
            yield Corruption(
                "statement",
                f"{FINAL_FACT_LABELS[share.part]}占比改为 {percent}%",
                _with_facts(accounts, shares=[attrs.evolve(share, percent=percent), *others]),
                frozenset({"TXT-FINAL-SHARE"}),
            )
            break
    for total, names, complete in _SUMS:
        value = getattr(facts, total)
        stated = [part for name in names if (part := facts.figure(name)) is not None]
        if value is None or not stated:
            continue
        if complete and len(stated) == len(names):
            moved, description = value + BIG, f"{FINAL_FACT_LABELS[total]} +{BIG}，各项不变"
        else:  # the parts exceed it, listed whole or not
            moved = sum(stated, Decimal("0.00")) - BIG
            description = f"{FINAL_FACT_LABELS[total]}改为各项之和 −{BIG}"
        yield Corruption(
            "statement",
            description,
            _with_facts(accounts, **{total: moved}),
            frozenset({"TXT-FINAL-SUM"}),
        )
        break
    for name in FINAL_CHANGE_FACTS:
        change = getattr(facts, name)
        if change is None:
            continue
        current = facts.figure(FINAL_CHANGE_OF[name])
        percent = None if current is None else _change_beyond(change.amount, current)
        if change.percent is not None and percent is not None:
            moved = attrs.evolve(change, percent=percent)
            description = f"{FINAL_FACT_LABELS[name]}的百分比改为 {percent}%"
        else:
            moved = attrs.evolve(change, word="减增加")
            description = f"{FINAL_FACT_LABELS[name]}表述为“减增加”"
        yield Corruption(
            "statement",
            description,
            _with_facts(accounts, **{name: moved}),
            frozenset({"TXT-FINAL-CHANGE"}),
        )
        break
    for name in FINAL_AMOUNT_FACTS:
        value, row = getattr(facts, name), lookup.fact(name)
        if value is not None and row is not None and row.prints("actual"):
            yield Corruption(
                "statement",
                f"情况说明 {FINAL_FACT_LABELS[name]} +{BIG}（与决算表不符）",
                _with_facts(accounts, **{name: value + BIG}),
                frozenset({"TXT-FINAL-TABLE"}),
            )
            break


FINAL_CORRUPTIONS: tuple[FinalCorrupter, ...] = (
    *TABLE_CORRUPTIONS,
    _fund_balance,
    _fund_tables,
    _basic,
    _cross,
    _incomplete,
    _explanation,
)
"""Every kind of corruption of final accounts, each a function from consistent final accounts
to the corruptions it can make of them (none when they have nothing to break that way)."""


def corrupt_final(accounts: DepartmentFinalAccounts) -> Iterator[Corruption]:
    """Every corruption of every kind these final accounts allow."""
    for corrupter in FINAL_CORRUPTIONS:
        yield from corrupter(accounts)
