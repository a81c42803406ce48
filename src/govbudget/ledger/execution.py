"""A budget against its final accounts (预算数 and 决算数, 完成率).

:func:`compare_execution` pairs every cell of a year's
budget with its actual in the final accounts of that year (:class:`Execution`): each budget
table with its 决算 twin, as the one declaration :data:`EXECUTION_PAIRS` says. Every pair has its
完成率 under the rounding model (:class:`ExecutionRate`: an interval, and no rate over a zero
budget); :meth:`ExecutionComparison.variances` lists the cells whose actual differs from the
budget beyond rounding, and :meth:`ExecutionComparison.explanations` those the explanation
must account for, with the statement it makes of each (:class:`VarianceExplanation`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from decimal import Decimal

import attrs

from govbudget.amounts import (
    Figure,
    Interval,
    difference,
    in_wan,
)
from govbudget.disclosure import (
    DepartmentBudget,
    DepartmentFinalAccounts,
)
from govbudget.disclosure.facts import FinalStatedFacts
from govbudget.disclosure.statements import StatedExecution
from govbudget.ledger.items import LedgerError
from govbudget.rates import ExecutionRate
from govbudget.tables import (
    STANDARD_TABLES,
    Detail,
    ExpenditureTable,
    GeneralPublicExpenditureTable,
    IncomeTable,
    Phase,
    Table,
    ThreePublicExpensesTable,
    table_type,
)
from govbudget.tables.model import is_code

__all__ = [
    "EXECUTION_PAIRS",
    "SAME_FAMILY_PAIRS",
    "Execution",
    "ExecutionComparison",
    "ExecutionRate",
    "Measure",
    "Pairing",
    "VarianceExplanation",
    "compare_execution",
]


class Measure(enum.Enum):
    """What the final-accounts figure beside a budget cell is: the year's actual (决算数), or a
    budget the final accounts print of their own — 年初预算数 (the "三公" table's 预算数) or
    调整预算数.

    >>> Measure.ACTUAL.label, Measure.ADJUSTED.label
    ('决算数', '调整预算数')
    """

    ACTUAL = "决算数"
    BUDGET = "预算数"
    ADJUSTED = "调整预算数"

    @property
    def label(self) -> str:
        """The Chinese name of the figure."""
        return self.value


@attrs.frozen(slots=True)
class Pairing:
    """One column of a budget table beside one column of a final-accounts table.

    ``budget`` and ``final`` are table keys (``SPEC.key``), ``block`` and ``final_block`` the
    blocks, ``column`` and ``final_column`` the column keys, ``measure`` what the final figure
    is. Each row is paired with the row of the same key in the other table — a functional or
    economic code, or a fixed row both tables declare — unless ``rows`` names the pairs (budget
    row, final row). ``fallback`` is the budget column taken where the budget table does not
    print ``column`` (上海's 收入总表 prints 合计 but no 本年收入 小计).

    >>> pairing = EXECUTION_PAIRS[0]
    >>> pairing.budget, pairing.final, pairing.column, pairing.measure.label
    ('income_expenditure_summary', 'income_expenditure_final_summary', 'amount', '决算数')
    """

    budget: str
    block: str
    column: str
    final: str
    final_block: str
    final_column: str
    measure: Measure = Measure.ACTUAL
    rows: tuple[tuple[str, str], ...] = ()
    fallback: str | None = None


_BY_FUNCTION = ("total", "basic", "project")
# The income sources and kinds of expenditure the two families print alike (a budget's
# 财政专户收入 and 上年结转 have no 决算 column).
_INCOME_SOURCES = tuple(
    source
    for source in IncomeTable.SPEC.block("rows").column_parts("current_year")
    if source != "special_account"
)
_EXPENDITURE_KINDS = ("total", *ExpenditureTable.SPEC.block("rows").column_parts("total"))
_FUND_COLUMNS = ("total", "general_public", "government_fund", "state_capital")


def _same(budget: str, final: str, block: str, columns: tuple[str, ...]) -> tuple[Pairing, ...]:
    return tuple(Pairing(budget, block, column, final, block, column) for column in columns)


def _fund(budget: str, final: str) -> tuple[Pairing, ...]:
    # 合计 / 基本支出 / 项目支出 ↔ 本年支出 小计 / 基本支出 / 项目支出
    return (
        Pairing(budget, "rows", "total", final, "rows", "expenditure"),
        *_same(budget, final, "rows", ("basic", "project")),
    )


EXECUTION_PAIRS: tuple[Pairing, ...] = (
    # 1 收支总表 ↔ 收入支出决算总表: both sides, each row by key (sources, 类, totals)
    *_same("income_expenditure_summary", "income_expenditure_final_summary", "income", ("amount",)),
    *_same(
        "income_expenditure_summary", "income_expenditure_final_summary", "expenditure", ("amount",)
    ),
    # 2 收入总表 ↔ 收入决算表, by functional code: 本年收入 (小计, else 合计) and each source
    Pairing("income", "rows", "current_year", "income_final", "rows", "total", fallback="total"),
    *_same("income", "income_final", "rows", _INCOME_SOURCES),
    # 3 支出总表 ↔ 支出决算表, by functional code and kind
    *_same("expenditure", "expenditure_final", "rows", _EXPENDITURE_KINDS),
    # 4 财政拨款收支总表 ↔ 财政拨款收入支出决算总表
    *_same(
        "fiscal_appropriation_summary", "fiscal_appropriation_final_summary", "income", ("amount",)
    ),
    *_same(
        "fiscal_appropriation_summary",
        "fiscal_appropriation_final_summary",
        "expenditure",
        _FUND_COLUMNS,
    ),
    # 5 一般公共预算财政拨款支出表 ↔ its 决算表: 决算数, and the final's own 年初/调整预算数
    *_same("general_public_expenditure", "general_public_expenditure_final", "rows", _BY_FUNCTION),
    Pairing(
        "general_public_expenditure",
        "rows",
        "total",
        "general_public_expenditure_final",
        "rows",
        "budget",
        Measure.BUDGET,
    ),
    Pairing(
        "general_public_expenditure",
        "rows",
        "total",
        "general_public_expenditure_final",
        "rows",
        "adjusted_budget",
        Measure.ADJUSTED,
    ),
    # 6 基本支出表 ↔ 基本支出决算表, by economic code: 合计 (人员经费 + 公用经费) ↔ 决算数; the
    # budget's 人员经费 / 公用经费 totals ↔ the final's 人员经费合计 / 公用经费合计
    *_same(
        "basic_expenditure", "basic_expenditure_final", "rows", ("total", "personnel", "public")
    ),
    Pairing(
        "basic_expenditure",
        "rows",
        "personnel",
        "basic_expenditure_final",
        "rows",
        "total",
        rows=(("total", "personnel_total"),),
    ),
    Pairing(
        "basic_expenditure",
        "rows",
        "public",
        "basic_expenditure_final",
        "rows",
        "total",
        rows=(("total", "public_total"),),
    ),
    # 7, 8 政府性基金 and 国有资本经营预算 tables ↔ their 收入支出决算表
    *_fund("government_fund_expenditure", "government_fund_final"),
    *_fund("state_capital_expenditure", "state_capital_final"),
    # 9 "三公" 合计栏 ↔ 决算数, and ↔ the final's own 预算数
    Pairing(
        "three_public_expenses", "rows", "total", "three_public_expenses_final", "rows", "actual"
    ),
    Pairing(
        "three_public_expenses",
        "rows",
        "total",
        "three_public_expenses_final",
        "rows",
        "budget",
        Measure.BUDGET,
    ),
)
"""How a budget's cells pair with the final accounts' (:func:`compare_execution`): each budget
table with its 决算 twin, column by column, in 万元. Columns one family has and the other has not
(财政专户收入, 上年结转 of the 收入总表; 使用非财政拨款结余, 结余分配; 机关运行经费) pair with nothing."""

SAME_FAMILY_PAIRS: tuple[Pairing, ...] = tuple(
    Pairing(kind.SPEC.key, block.key, column.key, kind.SPEC.key, block.key, column.key)
    for kind in STANDARD_TABLES
    for block in kind.SPEC.blocks
    for column in block.columns
)
"""The pairing of a budget with actuals laid out as a budget (a budget derived from a ledger of
what was spent): every cell with the same cell."""


@attrs.frozen(slots=True)
class Execution:
    """One cell of the budget beside its actual in the final accounts, in 万元.

    ``table``, ``block``, ``row`` and ``column`` locate the budget cell (``table`` is the
    budget table's title), ``label`` is the row as printed; ``final_table``, ``final_block``,
    ``final_row`` and ``final_column`` locate the final-accounts cell (by default the same).
    ``measure`` says what ``actual`` is: the 决算数, or a budget the final accounts print
    (:class:`Measure`). A blank is ``None``, an exact zero.

    >>> cell = Execution("一般公共预算财政拨款支出表", "2013701", "行政运行", "total",
    ...                  Decimal("166.59"), Decimal("163.42"))
    >>> cell.difference, cell.differs, cell.rate.point
    (Decimal('-3.17'), True, Decimal('98.10'))
    >>> Execution("表", "total", "合计", "total", Decimal("10.00"), Decimal("10.004")).differs
    False
    """

    table: str
    row: str
    label: str
    column: str
    budgeted: Figure
    actual: Figure
    block: str = "rows"
    final_table: str = attrs.field(default=attrs.Factory(lambda self: self.table, takes_self=True))
    final_block: str = attrs.field(default=attrs.Factory(lambda self: self.block, takes_self=True))
    final_row: str = attrs.field(default=attrs.Factory(lambda self: self.row, takes_self=True))
    final_column: str = attrs.field(
        default=attrs.Factory(lambda self: self.column, takes_self=True)
    )
    measure: Measure = Measure.ACTUAL

    @property
    def rate(self) -> ExecutionRate:
        """完成率 of this cell."""
        return ExecutionRate(self.budgeted, self.actual)

    @property
    def difference(self) -> Decimal:
        """决算数 less 预算数, exactly (a blank counts as zero)."""
        return difference(self.actual, self.budgeted)

    @property
    def interval(self) -> Interval:
        """The differences the two printed figures allow: each stands for its interval."""
        return Interval.of(self.actual) - Interval.of(self.budgeted)

    @property
    def differs(self) -> bool:
        """Whether the two figures differ beyond rounding: no exact amount rounds to both."""
        return not Interval.of(self.budgeted).meets(Interval.of(self.actual))


@attrs.frozen(slots=True)
class VarianceExplanation:
    """A variance the explanation must account for, beside the statement it makes of it
    (``None``: the text says nothing of the item).

    >>> from govbudget.disclosure.statements import StatedExecution
    >>> cell = Execution("表", "2013704", "信息安全事务", "total", Decimal("10.00"),
    ...                  Decimal("13.20"))
    >>> said = StatedExecution("信息安全事务（项）", reason="使用上年结转资金")
    >>> VarianceExplanation(cell, said).explained, VarianceExplanation(cell).explained
    (True, False)
    """

    execution: Execution
    statement: StatedExecution | None = None

    @property
    def reason(self) -> str | None:
        """The reason the text gives (…的主要原因：…), ``None`` when it gives none."""
        reason = None if self.statement is None else self.statement.reason
        return reason.strip() or None if reason else None

    @property
    def explained(self) -> bool:
        """Whether the text accounts for the variance: a statement with a reason."""
        return self.reason is not None


_GENERAL_PUBLIC = GeneralPublicExpenditureTable.SPEC.title
_THREE_PUBLIC = ThreePublicExpensesTable.SPEC.title
_TOTALS: tuple[tuple[str, type[Table], str], ...] = (
    ("支出合计", ExpenditureTable, "total"),
    ("基本支出", ExpenditureTable, "basic"),
    ("项目支出", ExpenditureTable, "project"),
    ("一般公共预算财政拨款支出", GeneralPublicExpenditureTable, "total"),
    ("“三公”经费", ThreePublicExpensesTable, "total"),
)


@attrs.frozen(slots=True)
class ExecutionComparison:
    """A year's budget against its final accounts (部门决算), cell by cell.

    ``cells`` holds an :class:`Execution` for every budget cell paired with a final-accounts
    cell (:data:`EXECUTION_PAIRS`), printed on either side, tables in standard order.
    :meth:`variances` are the cells whose actual differs from the budget beyond rounding;
    :meth:`explanations` those the explanation must account for, with what it says of each.
    """

    budget: DepartmentBudget
    final: DepartmentFinalAccounts | DepartmentBudget
    cells: tuple[Execution, ...]

    def table(
        self, kind: type[Table], *, measure: Measure | None = Measure.ACTUAL
    ) -> tuple[Execution, ...]:
        """The pairs of one table (the budget's, or its 决算 twin), of one ``measure`` (``None``:
        every one)."""
        final = kind.SPEC.phase is Phase.FINAL
        return tuple(
            each
            for each in self.cells
            if (each.final_table if final else each.table) == kind.SPEC.title
            and (measure is None or each.measure is measure)
        )

    def cell(
        self,
        kind: type[Table],
        row: str,
        column: str,
        *,
        block: str = "rows",
        measure: Measure = Measure.ACTUAL,
    ) -> Execution | None:
        """The pair of one cell, located in the budget table or (for a 决算 table) in the
        final-accounts table; ``None`` when neither prints it."""
        final = kind.SPEC.phase is Phase.FINAL
        for each in self.table(kind, measure=measure):
            place = (
                (each.final_block, each.final_row, each.final_column)
                if final
                else (each.block, each.row, each.column)
            )
            if place == (block, row, column):
                return each
        return None

    def totals(self) -> dict[str, Execution]:
        """The whole and its main parts, by Chinese name, where the tables print them: 支出合计,
        基本支出 and 项目支出 (支出总表 合计行), 一般公共预算财政拨款支出 and “三公”经费 (合计)."""
        found = {}
        for label, kind, column in _TOTALS:
            cell = self.cell(kind, "total", column)
            if cell is not None:
                found[label] = cell
        return found

    def zero_budgets(self) -> tuple[Execution, ...]:
        """The cells whose budget is, or may be, zero (空 or 0.00): no rate exists — spent
        without a budget where the actual is not zero."""
        return tuple(
            each for each in self.cells if each.measure is Measure.ACTUAL and each.rate.zero_budget
        )

    def variances(self, kind: type[Table] | None = None) -> tuple[Execution, ...]:
        """The cells (of one table, or all) whose 决算数 differs from the budget beyond
        rounding, in order; each has its :attr:`~Execution.rate` (and over a zero budget, says
        there is none)."""
        cells = self.cells if kind is None else self.table(kind)
        return tuple(each for each in cells if each.measure is Measure.ACTUAL and each.differs)

    def restated_budgets(self) -> tuple[Execution, ...]:
        """The cells where the final accounts print a budget of their own (年初预算数, 调整预算数,
        the "三公" 预算数) other than the budget's figure, beyond rounding: a 调整预算数 may
        differ, a 年初预算数 should not."""
        return tuple(
            each for each in self.cells if each.measure is not Measure.ACTUAL and each.differs
        )

    def explanations(self) -> tuple[VarianceExplanation, ...]:
        """The variances the explanation (决算情况说明) must account for, with the statement it
        makes of each.

        They are the variances of the 一般公共预算财政拨款支出 — its whole (合计) and each item
        at the finest level printed (项) — and of the "三公" expenses. An item's statement is
        the one about it (found by code, else by its names 类 → 款 → 项), else about its 款 or
        类; a "三公" item without a reason of its own takes the reason of the "三公" statement,
        which texts give once for the three.
        """
        from govbudget.disclosure.text_figures import FigureLookup, TableFigures

        facts = (
            self.final.facts
            if isinstance(self.final, DepartmentFinalAccounts)
            else FinalStatedFacts()
        )
        general = [
            each
            for each in self.cells
            if each.measure is Measure.ACTUAL
            and each.table == _GENERAL_PUBLIC
            and each.column == "total"
        ]
        codes = [each.row for each in general if is_code(each.row)]
        lookup = FigureLookup(
            rows=[
                TableFigures(each.final_table, each.row, name=each.label)
                for each in general
                if each.row in codes
            ]
        )
        stated: dict[str, StatedExecution] = {}
        for statement in facts.executions:
            found = lookup.item(statement.path, statement.code)
            if found is not None and (found.row not in stated or stated[found.row].reason is None):
                stated[found.row] = statement
        explanations = []
        for each in general:
            if not each.differs:
                continue
            if each.row == "total":
                explanations.append(VarianceExplanation(each, facts.general_public_execution))
            elif each.row in codes and not any(
                other != each.row and other.startswith(each.row) for other in codes
            ):
                said = next(
                    (
                        stated[code]
                        for code in (each.row, each.row[:5], each.row[:3])
                        if code in stated
                    ),
                    None,
                )
                explanations.append(VarianceExplanation(each, said))
        whole = facts.execution("three_public_total")
        for each in self.variances():
            if each.table != _THREE_PUBLIC or each.column != "total":
                continue
            said = facts.execution("three_public_total" if each.row == "total" else each.row)
            if (said is None or said.reason is None) and whole is not None and whole.reason:
                said = whole
            explanations.append(VarianceExplanation(each, said))
        return tuple(explanations)

    def unexplained(self) -> tuple[Execution, ...]:
        """The variances the explanation must account for and does not (no reason given)."""
        return tuple(each.execution for each in self.explanations() if not each.explained)


def _in_wan_of(table: Table, block: str, row: str, column: str) -> Figure:
    return in_wan([table.block(block).value(row, column)], table.header.unit)[0]


def _printed(table: Table, block: str, column: str, fallback: str | None = None) -> str | None:
    """The column of a table that stands for ``column``: itself, else ``fallback``, where
    printed; an empty table (空表) prints every column as zero."""
    if table.is_empty:
        return column
    printed = table.block(block)
    if printed.index(column) is not None:
        return column
    if fallback is not None and printed.index(fallback) is not None:
        return fallback
    return None


def _row_printed(table: Table, block: str, row: str) -> bool:
    return table.is_empty or table.block(block).row(row) is not None


def _paired_rows(
    mine: Table, block: str, theirs: Table, final_block: str
) -> Iterator[tuple[str, str]]:
    """The rows of a budget block paired by key with the final block's, as (key, label): rows
    in the final's order, then those only the budget prints. A code pairs where either prints
    it (an unprinted code is a zero); a fixed row where both tables declare it and print it."""
    left, right = mine.block(block), theirs.block(final_block)
    left_spec, right_spec = mine.SPEC.block(block), theirs.SPEC.block(final_block)
    seen: set[str] = set()
    for row in (*right.rows, *left.rows):
        if row.key in seen:
            continue
        seen.add(row.key)
        if is_code(row.key):
            if left_spec.detail is Detail.NONE or right_spec.detail is Detail.NONE:
                continue
        elif (
            left_spec.row(row.key) is None
            or right_spec.row(row.key) is None
            or not (
                _row_printed(mine, block, row.key) and _row_printed(theirs, final_block, row.key)
            )
        ):
            continue
        printed = right.row(row.key) or left.row(row.key)
        assert printed is not None  # the key comes from one of the two
        yield row.key, printed.label


def _execution(
    mine: Table,
    block: str,
    theirs: Table,
    final_block: str,
    cells: tuple[str, str, str, str, str],
    measure: Measure,
) -> Execution | None:
    """The pair of one budget cell and one final cell (``cells``: the budget's row, the final
    row, the label, the budget's column, the final column), when either is printed."""
    row, final_row, label, column, final_column = cells
    before = _in_wan_of(mine, block, row, column)
    after = _in_wan_of(theirs, final_block, final_row, final_column)
    if before is None and after is None:
        return None
    return Execution(
        mine.title,
        row,
        label,
        column,
        before,
        after,
        block,
        theirs.title,
        final_block,
        final_row,
        final_column,
        measure,
    )


def _executions(
    budget: DepartmentBudget,
    final: DepartmentFinalAccounts | DepartmentBudget,
    pairings: tuple[Pairing, ...],
) -> Iterator[Execution]:
    groups: dict[tuple[str, str, str, str], list[Pairing]] = {}
    for pairing in pairings:
        key = (pairing.budget, pairing.block, pairing.final, pairing.final_block)
        groups.setdefault(key, []).append(pairing)
    for (budget_key, block, final_key, final_block), members in groups.items():
        mine, theirs = budget.table(table_type(budget_key)), final.table(table_type(final_key))
        if mine is None or theirs is None:
            continue
        by_key = []
        for pairing in members:
            column = _printed(mine, block, pairing.column, pairing.fallback)
            final_column = _printed(theirs, final_block, pairing.final_column)
            if column is not None and final_column is not None and not pairing.rows:
                by_key.append((pairing, column, final_column))

        for row, label in _paired_rows(mine, block, theirs, final_block):
            for pairing, column, final_column in by_key:
                cells = (row, row, label, column, final_column)
                found = _execution(mine, block, theirs, final_block, cells, pairing.measure)
                if found is not None:
                    yield found
        for pairing in members:
            column = _printed(mine, block, pairing.column, pairing.fallback)
            final_column = _printed(theirs, final_block, pairing.final_column)
            if column is None or final_column is None:
                continue
            for row, final_row in pairing.rows:
                if not (
                    _row_printed(mine, block, row) and _row_printed(theirs, final_block, final_row)
                ):
                    continue
                printed = theirs.block(final_block).row(final_row)
                label = printed.label if printed is not None else final_row
                cells = (row, final_row, label, column, final_column)
                found = _execution(mine, block, theirs, final_block, cells, pairing.measure)
                if found is not None:
                    yield found


def compare_execution(
    budget: DepartmentBudget, final: DepartmentFinalAccounts | DepartmentBudget
) -> ExecutionComparison:
    """Pair every cell of a year's budget with its actual in the final accounts of that year.

    Each budget table is paired with its 决算 twin as :data:`EXECUTION_PAIRS` declares —
    收支总表 with 收入支出决算总表, the tables by functional code row by row, the 基本支出表 by
    economic code, the "三公" items — in 万元, whatever unit either prints. The final accounts
    may also be laid out as a budget (a budget derived from a ledger of what was spent): then
    each cell pairs with the same cell (:data:`SAME_FAMILY_PAIRS`).

    >>> from govbudget import DepartmentFinalAccounts, TableHeader
    >>> from govbudget.tables import (GeneralPublicExpenditureFinalTable,
    ...                               GeneralPublicExpenditureTable)
    >>> budget = DepartmentBudget("某局", 2025, tables=[GeneralPublicExpenditureTable.from_rows(
    ...     TableHeader("某局", 2025), [
    ...         ("total", "合计", {"total": "90.00", "project": "90.00"}),
    ...         ("2013702", "一般行政管理事务", {"total": "80.00", "project": "80.00"}),
    ...         ("2013704", "信息安全事务", {"total": "10.00", "project": "10.00"})])])
    >>> final = DepartmentFinalAccounts("某局", 2025, tables=[
    ...     GeneralPublicExpenditureFinalTable.from_rows(TableHeader("某局", 2025), [
    ...         ("total", "合计", {"total": "91.55", "project": "91.55"}),
    ...         ("2013702", "一般行政管理事务", {"total": "76.85", "project": "76.85"}),
    ...         ("2013704", "信息安全事务", {"total": "13.20", "project": "13.20"}),
    ...         ("2013799", "其他网信事务支出", {"total": "1.50", "project": "1.50"})],
    ...         columns=["total", "basic", "project"])])
    >>> execution = compare_execution(budget, final)
    >>> [(v.row, v.column, str(v.difference)) for v in execution.variances()][:3]
    [('total', 'total', '1.55'), ('total', 'project', '1.55'), ('2013702', 'total', '-3.15')]
    >>> print(execution.cell(GeneralPublicExpenditureTable, "2013704", "total").rate)
    完成率 132.00%（131.88%～132.12%）
    >>> [(c.row, str(c.rate)) for c in execution.zero_budgets()][:1]
    [('2013799', '预算数为零（空），决算数 1.50：完成率无从计算')]
    >>> [e.execution.row for e in execution.explanations()]
    ['total', '2013702', '2013704', '2013799']
    """
    if isinstance(budget, DepartmentFinalAccounts):
        raise LedgerError("compare_execution(budget, final): the budget comes first")
    if budget.year is None or final.year is None:
        raise LedgerError(
            "compare_execution: a side was read with the year unknown; give its year (read "
            "with year=…) so that the budget and the final accounts are known to be of one year"
        )
    if budget.year != final.year:
        raise LedgerError(
            f"the budget of {budget.year} is not executed by final accounts of {final.year}"
        )
    pairings = EXECUTION_PAIRS if isinstance(final, DepartmentFinalAccounts) else SAME_FAMILY_PAIRS
    return ExecutionComparison(budget, final, tuple(_executions(budget, final, pairings)))
