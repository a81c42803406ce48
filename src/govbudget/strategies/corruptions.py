"""Broken on purpose: one known corruption of a consistent budget, and the rules it must fire.

A :class:`Corruption` holds the broken object (a budget, a document read back into a budget, or
a catalogue), what was done to it, and the rule ids that must fire, each at least once (and,
where it is known, the row where one of them fires). This is what lets anyone test a checker:
given a budget that passes, break it in one known way and ask whether the checker says so.

:func:`corruptions` draws one corruption of a budget drawn from a strategy;
:data:`CORRUPTIONS` lists every kind, so a test can apply each of them in turn.

The module is long because it holds every kind of corruption of a budget, each a short function
next to the editing helpers they all use; the list that names them is the one place a new kind
is added.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import TypeVar

import attrs
from hypothesis import strategies as st

from govbudget.amounts import Unit, convert, round_half_up
from govbudget.classification import Catalogue, Scheme, Subject
from govbudget.disclosure import (
    AssetRow,
    DepartmentBudget,
    DepartmentFinalAccounts,
    Disclosure,
    StatedChange,
)
from govbudget.families import family_of
from govbudget.performance import (
    CostFigure,
    CostItem,
    DepartmentGoalTable,
    DepartmentIndicator,
    DutyGoal,
    Indicator,
    SpendingCheckpoint,
)
from govbudget.reading.document import read_bundle
from govbudget.reading.goal_grid import render_goal_grid
from govbudget.tables import (
    BasicExpenditureTable,
    Detail,
    ExpenditureTable,
    FiscalAppropriationSummary,
    GeneralPublicExpenditureTable,
    IncomeExpenditureSummary,
    IncomeTable,
    Phase,
    Row,
    RowsTable,
    Table,
    ThreePublicExpensesTable,
    TwoSidedTable,
)
from govbudget.tables.summary import FUNDS
from govbudget.writing.grid import render_grid

__all__ = ["CORRUPTIONS", "TABLE_CORRUPTIONS", "Corruption", "corrupt", "corruptions"]

BIG = Decimal("1000.00")
"""How far a figure is moved: beyond any rounding tolerance of a real table."""


@attrs.frozen(slots=True)
class Corruption:
    """One known corruption: the object to check, what was done, the rules that must fire.

    ``row`` is the row (code, or label) of a finding of one of ``rules`` where that is known.
    """

    kind: str
    description: str
    target: object
    rules: frozenset[str]
    row: str | None = None


Corrupter = Callable[[DepartmentBudget], Iterator[Corruption]]
D = TypeVar("D", bound=Disclosure)

_FUND_INCOMES = frozenset(row for _, row, _ in FUNDS)


# -- editing tables -----------------------------------------------------------------------------


def _replace(budget: D, table: Table) -> D:
    return attrs.evolve(
        budget, tables=[table if type(t) is type(table) else t for t in budget.tables]
    )


def _with_rows(table: Table, block: int, rows: list[Row]) -> Table:
    if isinstance(table, RowsTable):
        return attrs.evolve(table, rows=rows)
    assert isinstance(table, TwoSidedTable)
    if block == 0:
        return attrs.evolve(table, income=rows)
    return attrs.evolve(table, expenditure=rows)


def _bump(row: Row, index: int, delta: Decimal) -> Row:
    values = list(row.values)
    values[index] = (values[index] or Decimal("0.00")) + delta
    return attrs.evolve(row, values=values)


def _moved(
    kind: str,
    disclosure: D,
    table: Table,
    block: int,
    key: str,
    columns: tuple[str, ...],
    by: Decimal,
    what: str,
    *rules: str,
    at: str | None = None,
) -> Corruption:
    """``disclosure`` with the row ``key`` of a block of ``table`` moved by ``by`` in
    ``columns`` (those printed); described and expected to break ``rules`` as :func:`_edited`."""
    printed = table.blocks()[block]
    indices = [printed.columns.index(column) for column in columns if column in printed.columns]
    rows = []
    for row in printed.rows:
        if row.key == key:
            for index in indices:
                row = _bump(row, index, by)
        rows.append(row)
    return _edited(kind, disclosure, table, block, rows, what, *rules, at=at)


def _spent(table: Table | None, row: str, column: str, unit: Unit) -> Decimal:
    """A figure of an expenditure table (支出总表, 支出决算表) in ``unit``, to the cent; zero
    when it is not printed. A corruption that must break an "at most" rule raises a figure past
    it."""
    value = None if table is None else table.block("rows").value(row, column)
    if table is None or value is None:
        return Decimal("0.00")
    return round_half_up(convert(value, table.header.unit, unit))


def _edited(
    kind: str,
    budget: D,
    table: Table,
    block: int,
    rows: list[Row],
    what: str,
    *rules: str,
    at: str | None = None,
) -> Corruption:
    """``budget`` with ``rows`` printed in block ``block`` of ``table``: "<title> <what>",
    which must break ``rules``; a rule of that table is named without its prefix ("TOTAL",
    "SUM-ROWS"), a rule between tables in full ("X-T1-T2", "XF-F1-F2")."""
    prefix = table.SPEC.rule_prefix
    return Corruption(
        kind,
        f"{table.title} {what}",
        _replace(budget, _with_rows(table, block, rows)),
        frozenset(rule if rule.startswith(("X-", "XF-")) else f"{prefix}-{rule}" for rule in rules),
        at,
    )


def _subject_tables(budget: Disclosure) -> Iterator[RowsTable]:
    for table in budget.tables:
        subjects = isinstance(table, RowsTable) and table.SPEC.blocks[0].detail is Detail.SUBJECTS
        if subjects and isinstance(table, RowsTable) and any(row.code for row in table.rows):
            yield table


# -- corruptions of one table -------------------------------------------------------------------


def _figure(budget: Disclosure) -> Iterator[Corruption]:
    """A figure of a child row moved far: its parent no longer adds up (Tn-SUM-ROWS)."""
    for table in _subject_tables(budget):
        keys = {row.key for row in table.rows}
        for index, row in enumerate(table.rows):
            if row.code is None or len(row.code) == 3 or row.code[:-2] not in keys:
                continue
            moved = list(table.rows)
            moved[index] = _bump(row, 0, BIG)
            yield _edited(
                "figure",
                budget,
                table,
                0,
                moved,
                f"{row.code} 合计 +{BIG}",
                "SUM-ROWS",
                at=row.code[:-2],
            )
            break


def _total(budget: Disclosure) -> Iterator[Corruption]:
    """A 合计 row moved far (Tn-TOTAL)."""
    for table in budget.tables:
        if not isinstance(table, RowsTable) or table.row("total") is None or table.is_empty:
            continue
        rows = [_bump(r, 0, BIG) if r.key == "total" else r for r in table.rows]
        yield _edited("total", budget, table, 0, rows, f"合计 +{BIG}", "TOTAL")


def _column(budget: Disclosure) -> Iterator[Corruption]:
    """One column of a row moved far: the row's columns no longer add up (Tn-COLUMNS)."""
    for table in budget.tables:
        for number, block in enumerate(table.blocks()):
            spec = table.SPEC.blocks[number]
            if not spec.column_formulas or len(block.columns) < 2:
                continue
            total = spec.column_formulas[0].total  # 合计 (of a 决算 fund table: 本年支出 小计)
            if total not in block.columns:
                continue
            at = block.columns.index(total)
            for index, row in enumerate(block.rows):
                if row.values[at] is None:
                    continue
                rows = list(block.rows)
                rows[index] = _bump(row, at, BIG)
                yield _edited(
                    "column",
                    budget,
                    table,
                    number,
                    rows,
                    f"{row.label} {spec.header_of(total)}栏 +{BIG}",
                    "COLUMNS",
                )
                break


def _duplicate(budget: Disclosure) -> Iterator[Corruption]:
    """A row printed twice (Tn-DUPLICATE)."""
    for table in budget.tables:
        for number, block in enumerate(table.blocks()):
            if block.rows:
                row = block.rows[-1]
                rows = [*block.rows, row]
                yield _edited(
                    "duplicate", budget, table, number, rows, f"{row.label} 重复", "DUPLICATE"
                )
                break


def _rename(budget: Disclosure) -> Iterator[Corruption]:
    """A subject printed under a name that contradicts the catalogue (Tn-CODE-NAME)."""
    for table in budget.tables:
        for number, block in enumerate(table.blocks()):
            spec = table.SPEC.blocks[number]
            if spec.detail is Detail.NONE:
                continue
            for index, row in enumerate(block.rows):
                if row.code is not None:
                    rows = list(block.rows)
                    rows[index] = attrs.evolve(row, label=row.label + "（改）")
                    yield _edited(
                        "rename", budget, table, number, rows, f"{row.code} 改名", "CODE-NAME"
                    )
                    break


def _orphan(budget: Disclosure) -> Iterator[Corruption]:
    """A 款 without its 项 (functional) or a 类 without its 款 (economic) (Tn-DETAIL)."""
    for table in _subject_tables(budget):
        deepest = table.SPEC.blocks[0].scheme
        depth = 7 if deepest is Scheme.FUNCTIONAL else 5
        parents = [r for r in table.rows if r.code and len(r.code) == depth - 2]
        if not parents:
            continue
        parent = parents[0].key
        rows = [
            r for r in table.rows if not (r.code and r.code.startswith(parent) and r.key != parent)
        ]
        yield _edited(
            "orphan", budget, table, 0, rows, f"{parent} 删去下级科目", "DETAIL", at=parent
        )


def _move(budget: Disclosure) -> Iterator[Corruption]:
    """A child row moved under another parent (Tn-HIERARCHY: out of its tree's order)."""
    for table in _subject_tables(budget):
        coded = [r for r in table.rows if r.code]
        first = next((r for r in coded if len(r.key) > 3), None)
        if first is None or first is coded[-1]:
            continue
        rows = [r for r in table.rows if r is not first]
        at = max(i for i, r in enumerate(rows) if r.code) + 1
        rows.insert(at, first)
        if [r.key for r in rows if r.code] == sorted(r.key for r in rows if r.code):
            continue
        yield _edited(
            "move", budget, table, 0, rows, f"{first.code} 移到他处", "HIERARCHY", at=first.code
        )


def _swap(budget: Disclosure) -> Iterator[Corruption]:
    """Two columns of a child row swapped (Tn-SUM-ROWS at its parent)."""
    for table in _subject_tables(budget):
        if len(table.columns) < 3:
            continue
        keys = {row.key for row in table.rows}
        for index, row in enumerate(table.rows):
            a, b = row.values[1], row.values[2]
            apart = abs((a or Decimal(0)) - (b or Decimal(0)))
            # Columns a few 分 apart may swap within the rounding tolerance: not a corruption.
            if row.code is None or len(row.key) == 3 or row.key[:-2] not in keys or apart <= 1:
                continue
            values = list(row.values)
            values[1], values[2] = b, a
            rows = list(table.rows)
            rows[index] = attrs.evolve(row, values=values)
            yield _edited(
                "swap", budget, table, 0, rows, f"{row.code} 两栏互换", "SUM-ROWS", at=row.key[:-2]
            )
            break


def _year_on_year(budget: Disclosure) -> Iterator[Corruption]:
    """A table that compares with last year, printed so that last year equals this year (每行
    增减 0, 幅度 0%), then one row's change moved far (Tn-CHANGE) or its rate (Tn-CHANGE-RATE)."""
    for table in budget.tables:
        if not isinstance(table, RowsTable) or table.is_empty:
            continue
        spec = table.SPEC.blocks[0]
        for change in spec.changes:
            if change.sign < 0 or change.change is None or change.rate is None:
                continue
            if change.current not in table.columns:
                continue
            at = table.columns.index(change.current)
            previous, columns = change.previous[0], table.columns
            added = (previous, change.change, change.rate)
            rows = [
                attrs.evolve(
                    row,
                    values=[
                        *row.values,
                        row.values[at],
                        None if row.values[at] is None else Decimal("0.00"),
                        None if row.values[at] is None else Decimal("0.00"),
                    ],
                )
                for row in table.rows
            ]
            widened = attrs.evolve(table, columns=(*columns, *added), rows=rows)
            first = next(
                (n for n, row in enumerate(rows) if row.values[at] not in (None, Decimal(0))), None
            )
            if first is None:
                continue
            for column, moved, rule_suffix in (
                (change.change, BIG, "CHANGE"),
                (change.rate, Decimal("50.00"), "CHANGE-RATE"),
            ):
                index = len(columns) + added.index(column)
                broken = list(rows)
                broken[first] = _bump(rows[first], index, moved)
                what = f"{rows[first].label} {spec.header_of(column)} +{moved}"
                yield _edited(
                    "year-on-year", budget, widened, 0, broken, what, rule_suffix,
                    at=rows[first].label,
                )  # fmt: skip
            break


def _summary_totals(budget: Disclosure) -> Iterator[Corruption]:
    """收入总计 of a summary moved far (T1/T4 or F1/F4 BALANCE and TOTAL)."""
    for table in budget.tables:
        if not isinstance(table, TwoSidedTable) or table.block("income").row("grand_total") is None:
            continue
        rows = [_bump(r, 0, BIG) if r.key == "grand_total" else r for r in table.income]
        yield _edited(
            "summary-total", budget, table, 0, rows, f"收入总计 +{BIG}", "BALANCE", "TOTAL"
        )


def _fund_incomes(disclosure: D, table: Table | None, cross: str) -> Iterator[Corruption]:
    """One appropriation's income in the appropriation summary (财政拨款收支总表) moved far: its
    FUND-… identity fails, and the summary no longer agrees with the whole summary (``cross``)."""
    if table is None:
        return
    for identity in table.SPEC.identities:
        incomes = [cell.row for cell in identity.left if cell.row in _FUND_INCOMES]
        if identity.suffix.startswith("FUND-") and incomes:
            key = incomes[0]
            if table.block("income").value(key, "amount") is not None:
                what = f"{key} +{BIG}"
                yield _moved(
                    "fund",
                    disclosure,
                    table,
                    0,
                    key,
                    ("amount",),
                    BIG,
                    what,
                    identity.suffix,
                    cross,
                )


def _fund_balance(budget: DepartmentBudget) -> Iterator[Corruption]:
    """One appropriation's income in table 4 moved far (T4-FUND-…, and X-T1-T4)."""
    yield from _fund_incomes(budget, budget.table(FiscalAppropriationSummary), "X-T1-T4")


# -- corruptions between tables -----------------------------------------------------------------


def _cross(budget: DepartmentBudget) -> Iterator[Corruption]:
    """One table's totals moved far, consistently within the table (X-…)."""
    moves: list[tuple[type[Table], int, str, tuple[int, ...], str]] = [
        (IncomeTable, 0, "total", (0, 1, 2), "X-T1-T2"),
        (ExpenditureTable, 0, "total", (0, 1), "X-T1-T3"),
        (BasicExpenditureTable, 0, "total", (0, 1), "X-T5-T6"),
    ]
    for kind, block, key, columns, rule in moves:
        table = budget.table(kind)
        if table is None or table.blocks()[block].row(key) is None:
            continue
        rows = list(table.blocks()[block].rows)
        for index, row in enumerate(rows):
            if row.key == key:
                for column in columns:
                    if column < len(row.values):
                        row = _bump(row, column, BIG)
                rows[index] = row
        yield _edited("cross", budget, table, block, rows, f"合计行 +{BIG}", rule)
    summary = budget.table(IncomeExpenditureSummary)
    if summary is not None:
        coded = [r for r in summary.expenditure if r.code and r.values[0] is not None]
        if coded:
            rows = [_bump(r, 0, BIG) if r is coded[0] else r for r in summary.expenditure]
            yield _edited(
                "cross",
                budget,
                summary,
                1,
                rows,
                f"{coded[0].code} +{BIG}",
                "X-T1-T3-CLASSES",
                at=coded[0].code,
            )
    appropriation = budget.table(FiscalAppropriationSummary)
    if appropriation is not None:
        for fund, rule in (
            ("general_public", "X-T4-T5"),
            ("government_fund", "X-T4-T7"),
            ("state_capital", "X-T4-T8"),
        ):
            side = appropriation.block("expenditure")
            if fund not in side.columns:
                continue
            index = side.columns.index(fund)
            coded = [r for r in side.rows if r.code and r.values[index] is not None]
            if coded:
                rows = [_bump(r, index, BIG) if r is coded[0] else r for r in side.rows]
                yield _edited(
                    "cross",
                    budget,
                    appropriation,
                    1,
                    rows,
                    f"{coded[0].code} {fund} +{BIG}",
                    rule,
                    at=coded[0].code,
                )
            total = side.row("expenditure_total")
            if total is not None and total.values[index] is not None and rule == "X-T4-T5":
                rows = [
                    _bump(r, index, BIG) if r.key == "expenditure_total" else r for r in side.rows
                ]
                yield _edited(
                    "cross",
                    budget,
                    appropriation,
                    1,
                    rows,
                    f"本年支出合计 {fund} +{BIG}",
                    "X-T4-TOTALS",
                )
    general = budget.table(GeneralPublicExpenditureTable)
    if general is not None:
        items = [r for r in general.rows if r.code and len(r.code) == 7 and r.values[0] is not None]
        if items:
            # Past all the money of the item (unit funds included): appropriations then exceed it.
            excess = BIG + _spent(budget.expenditure, items[0].key, "total", general.header.unit)
            rows = [_bump(r, 0, excess) if r is items[0] else r for r in general.rows]
            yield _edited(
                "cross",
                budget,
                general,
                0,
                rows,
                f"{items[0].code} +{excess}",
                "X-APPROPRIATIONS-WITHIN-ALL",
                at=items[0].code,
            )
    if budget.project_goals:
        goal = budget.project_goals[0]
        if goal.budget is not None:
            # More than all the project expenditure: the goals' budgets then exceed it, whatever
            # share of the projects they covered before.
            excess = BIG + _spent(budget.expenditure, "total", "project", goal.unit)
            bigger = attrs.evolve(
                goal,
                budget=goal.budget + excess,
                financial_funds=(goal.financial_funds or Decimal(0)) + excess,
            )
            yield Corruption(
                "cross",
                f"项目 {goal.name} 预算 +{BIG}",
                attrs.evolve(budget, project_goals=[bigger, *budget.project_goals[1:]]),
                frozenset({"X-GOALS-PROJECTS"}),
            )


# -- the text and the tables --------------------------------------------------------------------

_FACT_RULES = {
    "income_total": "TXT-INCOME",
    "expenditure_total": "TXT-EXPENDITURE",
    "fiscal_expenditure": "TXT-APPROPRIATIONS",
    "personnel": "TXT-BASIC-SPLIT",
    "three_public_total": "TXT-THREE-PUBLIC",
    "agency_running_costs": "TXT-AGENCY-COSTS",
    "procurement_total": "TXT-PROCUREMENT",
    "fixed_assets_value": "TXT-FIXED-ASSETS",
}


def _fact(budget: DepartmentBudget) -> Iterator[Corruption]:
    """A stated fact that contradicts its table (TXT-…)."""
    for fact, rule in _FACT_RULES.items():
        value = getattr(budget.facts, fact)
        if value is None:
            continue
        if fact == "agency_running_costs" and not budget.has_administrative_units:
            continue  # without 行政/参公 units a difference is only a warning
        facts = attrs.evolve(budget.facts, **{fact: value + BIG})
        yield Corruption(
            "fact", f"情况说明 {fact} +{BIG}", attrs.evolve(budget, facts=facts), frozenset({rule})
        )
    change = budget.facts.change
    if (
        change is not None
        and change.amount is not None
        and budget.facts.change_basic
        and budget.facts.change_project
    ):
        facts = attrs.evolve(budget.facts, change=attrs.evolve(change, amount=change.amount + BIG))
        yield Corruption(
            "fact",
            "比上年增减不等于其各部分之和",
            attrs.evolve(budget, facts=facts),
            frozenset({"TXT-SUMS"}),
        )
    total = budget.facts.expenditure_total
    if total is not None and total > 0:
        wrong = StatedChange(Decimal("10.00"), percent=Decimal("99.00"), word="增加")
        facts = attrs.evolve(budget.facts, expenditure_change=wrong)
        yield Corruption(
            "fact",
            "增减百分比与金额不符",
            attrs.evolve(budget, facts=facts),
            frozenset({"TXT-PERCENT"}),
        )
        contradiction = StatedChange(Decimal("-10.00"), word="增加")
        facts = attrs.evolve(budget.facts, expenditure_change=contradiction)
        yield Corruption(
            "fact",
            "“增加”一个负数",
            attrs.evolve(budget, facts=facts),
            frozenset({"TXT-DIRECTION"}),
        )


# -- completeness -----------------------------------------------------------------------------


def _incomplete(disclosure: Disclosure) -> Iterator[Corruption]:
    """A table left out, a table of another year, an empty table without its note (DOC-… or
    DOCF-…, as the family names its completeness rules)."""
    if not disclosure.tables:
        return
    prefix = family_of(disclosure).completeness
    last = disclosure.tables[-1]
    yield Corruption(
        "missing-table",
        f"删去{last.title}",
        attrs.evolve(disclosure, tables=disclosure.tables[:-1]),
        frozenset({f"{prefix}-TABLES"}),
    )
    if last.header.year is not None and disclosure.year is not None:
        header = attrs.evolve(last.header, year=last.header.year - 1)
        yield Corruption(
            "year",
            f"{last.title} 年度改为 {header.year}",
            _replace(disclosure, attrs.evolve(last, header=header)),
            frozenset({f"{prefix}-YEAR"}),
        )
    empty = next((t for t in disclosure.tables if t.is_empty and isinstance(t, RowsTable)), None)
    if isinstance(empty, RowsTable):
        broken: RowsTable = attrs.evolve(empty, note=None)
    elif isinstance(last, RowsTable):
        broken = attrs.evolve(last, rows=(), note=None)
    else:
        return
    yield Corruption(
        "note",
        f"{broken.title} 空表不说明",
        _replace(disclosure, broken),
        frozenset({f"{prefix}-EMPTY-NOTE"}),
    )


def _unstated(budget: DepartmentBudget) -> Iterator[Corruption]:
    """A statement the explanation must make left out (DOC-AGENCY-COSTS, DOC-THREE-PUBLIC)."""
    if budget.facts.agency_running_costs is not None:
        facts = attrs.evolve(budget.facts, agency_running_costs=None)
        yield Corruption(
            "statement",
            "未说明机关运行经费",
            attrs.evolve(budget, facts=facts),
            frozenset({"DOC-AGENCY-COSTS"}),
        )
    facts = attrs.evolve(budget.facts, reception=None)
    yield Corruption(
        "statement",
        "“三公”说明缺公务接待费",
        attrs.evolve(budget, facts=facts),
        frozenset({"DOC-THREE-PUBLIC"}),
    )


# -- the other parts of a disclosure -------------------------------------------------------------


def _parts(budget: DepartmentBudget) -> Iterator[Corruption]:
    """Fixed assets, procurement and performance goals broken (FA-…, PROC-…, PG-…)."""
    assets = budget.fixed_assets
    if assets is not None and assets.row("total") is not None:
        rows = [
            attrs.evolve(r, value=(r.value or Decimal(0)) + BIG) if r.key == "total" else r
            for r in assets.rows
        ]
        yield Corruption(
            "assets", "资产总额 +1000", attrs.evolve(assets, rows=rows), frozenset({"FA-TOTAL"})
        )
        office = [r for r in assets.rows if r.key == "buildings"]
        if office:
            bigger = AssetRow(
                "office_buildings", "其中：办公用房", None, (office[0].value or Decimal(0)) + BIG
            )
            yield Corruption(
                "assets",
                "办公用房大于房屋",
                attrs.evolve(assets, rows=[*assets.rows, bigger]),
                frozenset({"FA-OFFICE"}),
            )
    procurement = budget.procurement
    if procurement is not None and procurement.items:
        item = procurement.items[0]
        broken = attrs.evolve(item, total=(item.total or Decimal(0)) + BIG)
        yield Corruption(
            "procurement",
            "采购合计不等于各资金来源之和",
            attrs.evolve(procurement, items=[broken, *procurement.items[1:]]),
            frozenset({"PROC-COLUMNS"}),
        )
    for goal in budget.project_goals[:1]:
        yield Corruption(
            "goal",
            "二级指标挂在错误的一级指标下",
            attrs.evolve(
                goal,
                indicators=[
                    attrs.evolve(goal.indicators[0], level2="社会效益指标"),
                    *goal.indicators[1:],
                ],
            ),
            frozenset({"PG-LEVEL"}),
            None,
        )
        kept = [i for i in goal.indicators if i.level1 != "满意度指标"]
        yield Corruption(
            "goal", "缺满意度指标", attrs.evolve(goal, indicators=kept), frozenset({"PG-FRAMEWORK"})
        )
        if goal.schedule:
            decreasing = [
                *goal.schedule[:-1],
                SpendingCheckpoint(goal.schedule[-1].label, Decimal("90")),
            ]
            yield Corruption(
                "goal",
                "资金支出计划未达100%",
                attrs.evolve(goal, schedule=decreasing),
                frozenset({"PG-SCHEDULE"}),
            )
            over = [SpendingCheckpoint(goal.schedule[0].label, Decimal("120")), *goal.schedule[1:]]
            yield Corruption(
                "goal",
                "百分比超过100",
                attrs.evolve(goal, schedule=over),
                frozenset({"PG-PERCENT"}),
            )
        unmeasurable = Indicator("产出指标", "数量指标", "采购数量", "采购数量", "≥", "依据")
        yield Corruption(
            "goal",
            "指标值不可衡量",
            attrs.evolve(goal, indicators=[unmeasurable, *goal.indicators]),
            frozenset({"PG-TARGET"}),
        )
        if goal.budget is not None:
            yield Corruption(
                "goal",
                "预算数不等于财政资金与其他资金之和",
                attrs.evolve(goal, financial_funds=(goal.financial_funds or Decimal(0)) + BIG),
                frozenset({"PG-FUNDS"}),
            )
            cost = Indicator(
                "成本指标",
                "经济成本指标",
                "项目总成本",
                "项目总成本",
                f"≤{goal.budget + BIG}万元",
                "依据",
            )
            yield Corruption(
                "goal",
                "成本指标超过预算",
                attrs.evolve(goal, indicators=[*goal.indicators, cost]),
                frozenset({"PG-COST"}),
            )


def _goal_tables(budget: DepartmentBudget) -> Iterator[Corruption]:
    """A project goal with a rate above 100% or a placeholder (PG-RATE, PG-PLACEHOLDER); a
    department goal table of the disclosure's year and overall goal, broken (PG-DEPT-…,
    PG-WEIGHTS): the disclosures of the strategies print no such table, so its figures are
    made here; a project goal whose cost breakdown does not add up (PG-COST-TOTAL). Last of the
    corrupters, so that the corruptions before keep their numbers."""
    for goal in budget.project_goals[:1]:
        rate = Indicator("产出指标", "质量指标", "验收合格率", "验收合格率", "292%", "依据")
        yield Corruption(
            "goal",
            "比率指标值超过100%",
            attrs.evolve(goal, indicators=[*goal.indicators, rate]),
            frozenset({"PG-RATE"}),
        )
        yield Corruption(
            "goal",
            "资金用途留有模板占位符",
            attrs.evolve(goal, purpose=f"用于XX{goal.purpose}"),
            frozenset({"PG-PLACEHOLDER"}),
        )

    overall = budget.department_goals.overall if budget.department_goals is not None else ""
    basic, project = Decimal("60.00"), Decimal("40.00")
    table = DepartmentGoalTable(
        budget.year, overall, total=basic + project, basic=basic, project=project
    )
    yield Corruption(
        "goal",
        "资金总额不等于基本支出与项目支出之和",
        attrs.evolve(table, total=basic + project + BIG),
        frozenset({"PG-DEPT-FUNDS"}),
    )
    yield Corruption(
        "goal",
        "履职目标的基本支出行不等于基本支出",
        attrs.evolve(table, duties=[DutyGoal("保障运转", "按时发放工资", "基本支出", basic + BIG)]),
        frozenset({"PG-DEPT-DUTIES"}),
    )
    weighted = [
        DepartmentIndicator("产出指标", "数量指标", name, "≥1个", weight=Decimal("60"))
        for name in ("任务完成数", "服务次数")
    ]
    yield Corruption(
        "goal",
        "指标权重合计不为100",
        attrs.evolve(table, indicators=weighted),
        frozenset({"PG-WEIGHTS"}),
    )
    for goal in budget.project_goals[:1]:
        # After the department table's, so that the corruptions before keep their numbers.
        column = "金额"
        items = [
            CostItem(name, [CostFigure(column, amount)])
            for name, amount in (("服务费", Decimal("6.00")), ("维护费", Decimal("4.00")))
        ]
        total = CostItem("合计", [CostFigure(column, Decimal("10.00") + BIG)])
        yield Corruption(
            "goal",
            "成本构成合计不等于各项之和",
            attrs.evolve(goal, costs=items, cost_total=total),
            frozenset({"PG-COST-TOTAL"}),
        )


def _catalogue(_budget: DepartmentBudget) -> Iterator[Corruption]:
    """A catalogue whose subject has no parent (CAT-PARENT)."""
    catalogue = Catalogue(
        Scheme.FUNCTIONAL,
        2025,
        (Subject("201", "一般公共服务支出"), Subject("2013701", "行政运行")),
    )
    yield Corruption("catalogue", "项缺上级款", catalogue, frozenset({"CAT-PARENT"}), "2013701")


# -- corruptions of the published document -------------------------------------------------------


def _bundle(budget: DepartmentBudget) -> dict[str, object]:
    tables: list[dict[str, object]] = [
        {"title": table.title, "rows": render_grid(table)[1:]} for table in budget.tables
    ]
    tables += [
        {"title": f"{goal.name}绩效目标表", "rows": render_goal_grid(goal)}
        for goal in budget.project_goals
    ]
    return {
        "tables": tables,
        "narrative": "",
        "budget_year": budget.year,
        "department": budget.department,
    }


def _document(budget: DepartmentBudget) -> Iterator[Corruption]:
    """The published grids broken: a cell, a column, a row, a table, a goal table (READ-…)."""
    bundle = _bundle(budget)
    tables = bundle["tables"]
    assert isinstance(tables, list)

    def read_with(edit: Callable[[list[dict[str, object]]], None]) -> DepartmentBudget:
        copy = [{"title": t["title"], "rows": [list(r) for r in t["rows"]]} for t in tables]
        edit(copy)
        return read_bundle({**bundle, "tables": copy}, phase=Phase.BUDGET)

    def figure_cell(rows: list[list[str]]) -> tuple[int, int] | None:
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if r > 3 and c > 2 and cell and cell[0].isdigit() and "." in cell:
                    return r, c
        return None

    def bad_cell(copy: list[dict[str, object]]) -> None:
        for table in copy:
            rows = table["rows"]
            assert isinstance(rows, list)
            where = figure_cell(rows)
            if where:
                rows[where[0]][where[1]] = "abc"
                return

    yield Corruption("document", "金额格写成文字", read_with(bad_cell), frozenset({"READ-CELL"}))

    def bad_column(copy: list[dict[str, object]]) -> None:
        for table in copy:
            rows = table["rows"]
            assert isinstance(rows, list)
            if figure_cell(rows):
                for r, row in enumerate(rows):
                    row.append("某某栏" if r == 1 else "1.00" if r > 3 else "")
                return

    yield Corruption(
        "document", "多出一个无法识别的栏", read_with(bad_column), frozenset({"READ-COLUMN"})
    )

    def bad_row(copy: list[dict[str, object]]) -> None:
        for table in copy:
            if table["title"] == ThreePublicExpensesTable.SPEC.title:
                rows = table["rows"]
                assert isinstance(rows, list)
                width = max(len(r) for r in rows)
                rows.append(["99", "燃油费", *["1.00"] * (width - 2)])

    if budget.table(ThreePublicExpensesTable) is not None:
        yield Corruption("document", "三公表多出一行", read_with(bad_row), frozenset({"READ-ROW"}))

    def bad_table(copy: list[dict[str, object]]) -> None:
        copy.append({"title": "某某统计表", "rows": [["名称", "数量"], ["甲", "12.00"]]})

    yield Corruption("document", "无法识别的表", read_with(bad_table), frozenset({"READ-TABLE"}))
    if budget.project_goals:

        def goal_cell(copy: list[dict[str, object]]) -> None:
            goal = copy[len(budget.tables)]
            rows = goal["rows"]
            assert isinstance(rows, list)
            for row in rows:
                if row and row[0].startswith("预算"):
                    row[2] = "十元"
                    return

        yield Corruption(
            "document", "项目预算数写成文字", read_with(goal_cell), frozenset({"READ-GOAL-CELL"})
        )

        def goal_missing(copy: list[dict[str, object]]) -> None:
            goal = copy[len(budget.tables)]
            rows = goal["rows"]
            assert isinstance(rows, list)
            goal["rows"] = [
                row
                for row in rows
                if not (row and row[0] == "项目名称")
                and not (len(row) > 2 and row[2] == "项目名称")
            ]

        yield Corruption(
            "document", "缺项目名称", read_with(goal_missing), frozenset({"READ-GOAL-MISSING"})
        )

        def goal_row(copy: list[dict[str, object]]) -> None:
            goal = copy[len(budget.tables)]
            rows = goal["rows"]
            assert isinstance(rows, list)
            header = next(i for i, row in enumerate(rows) if row and row[0] == "一级指标")
            rows[header + 1][0] = ""  # the first indicator loses its level 1, with none above

        yield Corruption(
            "document", "首个指标缺一级指标", read_with(goal_row), frozenset({"READ-GOAL-ROW"})
        )
    with_placeholder = read_bundle(
        {**bundle, "narrative": "2025年，XX局部门预算收入0.00万元。"}, phase=Phase.BUDGET
    )
    yield Corruption(
        "document", "说明留有模板占位符", with_placeholder, frozenset({"TXT-PLACEHOLDER"})
    )


TABLE_CORRUPTIONS: tuple[Callable[[Disclosure], Iterator[Corruption]], ...] = (
    _figure,
    _total,
    _column,
    _duplicate,
    _rename,
    _orphan,
    _move,
    _swap,
    _summary_totals,
    _year_on_year,
)
"""The corruptions of the tables alone, which a budget and final accounts both allow."""


CORRUPTIONS: tuple[Corrupter, ...] = (
    *TABLE_CORRUPTIONS,
    _fund_balance,
    _cross,
    _fact,
    _incomplete,
    _unstated,
    _parts,
    _catalogue,
    _document,
    _goal_tables,
)
"""Every kind of corruption, each a function from a consistent budget to the corruptions it
can make of it (none when the budget has nothing to break that way)."""


def corrupt(budget: Disclosure) -> Iterator[Corruption]:
    """Every corruption of every kind this budget allows; of final accounts, every kind of
    :data:`~govbudget.strategies.final_corruptions.FINAL_CORRUPTIONS` they allow."""
    if isinstance(budget, DepartmentBudget):
        for corrupter in CORRUPTIONS:
            yield from corrupter(budget)
        return
    # The corruptions of final accounts reuse this module's: imported here, not above.
    from govbudget.strategies.final_corruptions import corrupt_final

    assert isinstance(budget, DepartmentFinalAccounts)
    yield from corrupt_final(budget)


def corruptions(budgets: st.SearchStrategy[D]) -> st.SearchStrategy[Corruption]:
    """One corruption of a budget (or of final accounts) drawn from ``budgets`` (which must pass
    ``check`` with no error): the broken object and the rules that must fire."""
    return budgets.flatmap(
        lambda budget: st.sampled_from([c for c in corrupt(budget) if c.kind != "document"])
    )
