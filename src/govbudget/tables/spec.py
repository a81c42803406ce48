"""Declarations: each table says once what its columns, rows and formulas are.

A table is made of one or two *blocks* (the two sides of a summary table are two blocks). A
:class:`BlockSpec` declares the block's columns (key, Chinese header, 栏次 number, the other
headers real tables print), its fixed rows (key, label, aliases), the formulas between columns
(合计 = 基本支出 + 项目支出) and between rows (收入总计 = 本年收入合计 + 上年结转结余), and whether it
has detail rows by subject code. A :class:`TableSpec` gathers the blocks and the identities
between them (收入总计 = 支出总计). The rules, the grid renderer and the grid parser all read these
declarations; none of them spells out a table's columns again.

>>> from govbudget.tables import ExpenditureTable
>>> block = ExpenditureTable.SPEC.blocks[0]
>>> [c.header for c in block.columns]
['合计', '基本支出', '项目支出', '经营支出', '上解上级支出', '对附属单位补助支出']
>>> block.describe(block.column_formulas[0])
'合计 = 基本支出 + 项目支出 + 经营支出 + 上解上级支出 + 对附属单位补助支出'
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Collection, Iterator

import attrs

from govbudget.classification import Scheme, normalize_name
from govbudget.vocabulary import cell_words, titles

__all__ = [
    "DETAIL",
    "BlockSpec",
    "Cell",
    "Change",
    "ColumnSpec",
    "Detail",
    "Formula",
    "Identity",
    "Phase",
    "RowSpec",
    "TableSpec",
    "strip_ordinal",
]

DETAIL = "*"
"""In a row formula's parts: every top-level detail row of the block (each 类 printed)."""

_ORDINAL = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(](?:[一二三四五六七八九十]+|\d+)[)）]|\d+[.．、](?!\d))\s*"
)


def strip_ordinal(label: str) -> str:
    """A printed row label without its ordinal ("一、", "1. ", "（二）") and white space.

    >>> strip_ordinal("二十、住房保障支出"), strip_ordinal("1. 一般公共预算"), strip_ordinal("合 计")
    ('住房保障支出', '一般公共预算', '合计')
    >>> strip_ordinal("（1）公务用车购置费")
    '公务用车购置费'
    """
    return normalize_name(_ORDINAL.sub("", normalize_name(label)))


class Phase(enum.Enum):
    """Which half of the year-cycle a table belongs to: the budget or the final accounts.

    Every department publishes its budget (部门预算) in spring and its final accounts (部门决算)
    for the year before; the two families have tables of the same shapes with other meanings,
    and a table's ``SPEC.phase`` tells rules, readers and renderers which one they hold.

    >>> Phase.FINAL.label, Phase.BUDGET.rule_letter, Phase.FINAL.rule_letter
    ('决算', 'T', 'F')
    """

    BUDGET = "预算"
    FINAL = "决算"

    @property
    def label(self) -> str:
        """The Chinese name: 预算 or 决算."""
        return self.value

    @property
    def family(self) -> str:
        """The family's name in the vocabulary's data: ``budget`` or ``final``."""
        return "budget" if self is Phase.BUDGET else "final"

    @property
    def rule_letter(self) -> str:
        """The letter of the family's table rule ids: ``T`` (T1-TOTAL …) or ``F`` (F1-TOTAL …)."""
        return "T" if self is Phase.BUDGET else "F"


class Detail(enum.Enum):
    """What detail rows a block has besides its fixed rows."""

    NONE = "none"
    """Only the declared fixed rows (the 三公 table, the income side of a summary)."""
    CLASSES = "classes"
    """One row per functional 类 (the expenditure side of a summary table)."""
    SUBJECTS = "subjects"
    """Rows by subject code at every level, 类/款/项 (the tables by classification)."""


@attrs.frozen(slots=True)
class _Words:
    """Where the vocabulary finds the other words of a table's rows and columns: the table's
    key and its family. Set by the :class:`TableSpec` that holds them."""

    table: str = ""
    family: str = ""

    def of(self, concept: str, printed: str) -> tuple[str, ...]:
        """The other words of ``concept`` in this table, but ``printed`` (the declaration's own)."""
        if not self.table:
            return ()
        own = strip_ordinal(printed)
        return tuple(
            word
            for word in cell_words(concept, self.family, self.table)
            if strip_ordinal(word) != own
        )


_UNBOUND = _Words()


@attrs.frozen(slots=True)
class ColumnSpec:
    """A money column: key, header as the standard layout prints it, 栏次 number, the concept
    it holds.

    ``group`` is the header printed above a run of columns (本年收入 over 小计 and the sources).
    ``concept`` names the concept of the vocabulary (:mod:`govbudget.vocabulary`) whose terms
    are the column's other headers; by default the column's key. A ``percent`` column holds
    percentages (增减幅度), not money: no row formula adds it up. An ``optional`` column is
    printed by some tables only (上年预算数 beside a "三公" table's figures): a table built in code
    leaves it out unless asked.
    """

    key: str
    header: str
    number: int
    group: str | None = None
    concept: str | None = None
    words: _Words = attrs.field(default=_UNBOUND, eq=False, repr=False)
    percent: bool = attrs.field(default=False, kw_only=True)
    optional: bool = attrs.field(default=False, kw_only=True)

    @functools.cached_property
    def aliases(self) -> tuple[str, ...]:
        """The other headers real tables print for the column (from the vocabulary)."""
        return self.words.of(self.concept or self.key, self.header)

    def matches(self, printed: str) -> bool:
        """Whether a printed header names this column (white space and full width ignored)."""
        wanted = normalize_name(printed)
        return wanted == normalize_name(self.header) or any(
            wanted == normalize_name(alias) for alias in self.aliases
        )


@attrs.frozen(slots=True)
class RowSpec:
    """A fixed row: key, label as the standard layout prints it, the concept it holds.

    ``concept`` names the concept of the vocabulary whose terms are the row's other labels; by
    default the row's key. ``under`` names a row after which this label takes this meaning: the
    income side of the 财政拨款收支总表 prints "一、一般公共预算拨款" twice, the second time under
    年初财政拨款结转和结余. ``footer`` rows are the totals at the bottom of a side, aligned across
    the two sides. A ``count`` row holds numbers of things (团组数, 公务用车保有量), not money.
    """

    key: str
    label: str
    concept: str | None = None
    under: str | None = None
    footer: bool = False
    words: _Words = attrs.field(default=_UNBOUND, eq=False, repr=False)
    count: bool = attrs.field(default=False, kw_only=True)

    @functools.cached_property
    def aliases(self) -> tuple[str, ...]:
        """The other labels real tables print for the row (from the vocabulary)."""
        return self.words.of(self.concept or self.key, self.label)

    def matches(self, printed: str) -> bool:
        """Whether a printed label names this row (ordinals, white space, full width ignored)."""
        wanted = strip_ordinal(printed)
        return wanted == strip_ordinal(self.label) or any(
            wanted == strip_ordinal(alias) for alias in self.aliases
        )


@attrs.frozen(slots=True)
class Formula:
    """``total = Σ parts``, between columns of one row or between rows of one column."""

    total: str
    parts: tuple[str, ...]


@attrs.frozen(slots=True)
class Change:
    """A change against another year printed beside the figures it is of: ``change`` =
    ``current`` − ``previous`` (``sign`` −1 for a column of decreases, 减少额), and ``rate`` =
    ``change`` ÷ ``previous`` in percent. ``previous`` names the columns that may hold last
    year's figure (上年预算数, 上年执行数), the first printed being used.
    """

    current: str
    previous: tuple[str, ...]
    change: str | None = None
    rate: str | None = None
    sign: int = 1


@attrs.frozen(slots=True)
class Cell:
    """One cell of a table by block, row and column key."""

    block: str
    row: str
    column: str


@attrs.frozen(slots=True)
class Identity:
    """An equality between cells of different blocks: ``Σ left = Σ right``.

    ``suffix`` completes the rule id (``T1-`` + ``BALANCE``); ``title`` is the English rule
    title and ``description`` says in Chinese what is compared.
    """

    suffix: str
    title: str
    description: str
    left: tuple[Cell, ...]
    right: tuple[Cell, ...]


@attrs.frozen(slots=True)
class BlockSpec:
    """The declaration of one block of a table."""

    key: str
    label: str
    columns: tuple[ColumnSpec, ...]
    rows: tuple[RowSpec, ...] = ()
    column_formulas: tuple[Formula, ...] = ()
    row_formulas: tuple[Formula, ...] = ()
    detail: Detail = Detail.NONE
    scheme: Scheme | None = None
    label_header: str = "项目"
    label_number: int = 1
    changes: tuple[Change, ...] = ()

    def __attrs_post_init__(self) -> None:
        column_keys = {c.key for c in self.columns}
        row_keys = {r.key for r in self.rows}
        for formula in self.column_formulas:
            unknown = {formula.total, *formula.parts} - column_keys
            if unknown:
                raise ValueError(f"block {self.key}: formula names unknown columns {unknown}")
        for formula in self.row_formulas:
            unknown = {formula.total, *formula.parts} - row_keys - {DETAIL}
            if unknown:
                raise ValueError(f"block {self.key}: formula names unknown rows {unknown}")
        for change in self.changes:
            named = {change.current, *change.previous, change.change, change.rate} - {None}
            if named - column_keys:
                raise ValueError(f"block {self.key}: change names unknown columns {named}")

    @property
    def standard_columns(self) -> tuple[str, ...]:
        """The columns of the standard layout, the default of a table built in code."""
        return tuple(column.key for column in self.columns if not column.optional)

    def summed(self, columns: Collection[str]) -> tuple[str, ...]:
        """Those of ``columns`` that add up down the rows: money, not percentages."""
        percent = {c.key for c in self.columns if c.percent}
        return tuple(key for key in columns if key not in percent)

    def bound(self, words: _Words) -> BlockSpec:
        """The block, each row and column finding its other words as ``words`` says."""
        return attrs.evolve(
            self,
            columns=tuple(attrs.evolve(c, words=words) for c in self.columns),
            rows=tuple(attrs.evolve(r, words=words) for r in self.rows),
        )

    def column(self, key: str) -> ColumnSpec:
        """The declaration of column ``key``."""
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(f"block {self.key!r} has no column {key!r}")

    def row(self, key: str) -> RowSpec | None:
        """The declaration of fixed row ``key``; ``None`` for a detail row."""
        for row in self.rows:
            if row.key == key:
                return row
        return None

    def header_of(self, column: str) -> str:
        """The standard header of a column."""
        return self.column(column).header

    def row_parts(self, total: str) -> tuple[str, ...]:
        """The parts of the first row formula of ``total`` (合计 = Σ 类, 本年收入合计 = …).

        >>> from govbudget.tables import ThreePublicExpensesTable
        >>> ThreePublicExpensesTable.SPEC.block("rows").row_parts("vehicles")
        ('vehicle_purchase', 'vehicle_operation')
        """
        return next(f.parts for f in self.row_formulas if f.total == total)

    def column_parts(self, total: str) -> tuple[str, ...]:
        """The parts of the column formula of ``total`` (合计 = 基本支出 + 项目支出 …)."""
        return next(f.parts for f in self.column_formulas if f.total == total)

    def rows_under(self, total: str) -> tuple[str, ...]:
        """``total`` and every row its formulas reach, in formula order: the tree of a total.

        >>> from govbudget.tables import ThreePublicExpensesTable
        >>> ThreePublicExpensesTable.SPEC.block("rows").rows_under("total")
        ('total', 'travel_abroad', 'vehicles', 'vehicle_purchase', 'vehicle_operation', 'reception')
        """
        formulas = {f.total: f.parts for f in self.row_formulas}
        found: list[str] = []

        def walk(key: str) -> None:
            found.append(key)
            for part in formulas.get(key, ()):
                walk(part)

        walk(total)
        return tuple(found)

    def name_of(self, key: str) -> str:
        """The Chinese name of a column, a fixed row (without its ordinal) or ``DETAIL``."""
        if key == DETAIL:
            return "各类"
        row = self.row(key)
        if row is not None:
            return _ORDINAL.sub("", row.label.strip())
        return self.header_of(key)

    def describe(self, formula: Formula) -> str:
        """A formula in Chinese, with headers or row labels: '合计 = 基本支出 + 项目支出'."""
        parts = " + ".join(self.name_of(part) for part in formula.parts)
        return f"{self.name_of(formula.total)} = {parts}"

    def expand_columns(self, parts: tuple[str, ...], present: Collection[str]) -> tuple[str, ...]:
        """The printed columns that stand for ``parts``.

        An unprinted part that is the total of another column formula is replaced by that
        formula's parts (合计 = 小计 + 上年结转 becomes 合计 = Σ sources + 上年结转 when 小计 is
        not printed); an unprinted part with no formula contributes nothing.
        """
        return tuple(_expand(parts, present, {f.total: f.parts for f in self.column_formulas}))

    def expand_rows(self, parts: tuple[str, ...], present: Collection[str]) -> tuple[str, ...]:
        """The printed rows (and :data:`DETAIL`) that stand for ``parts``; see expand_columns."""
        formulas = {f.total: f.parts for f in self.row_formulas}
        return tuple(_expand(parts, {*present, DETAIL}, formulas))


def _expand(
    parts: tuple[str, ...], present: Collection[str], formulas: dict[str, tuple[str, ...]]
) -> Iterator[str]:
    for part in parts:
        if part in present:
            yield part
        elif part in formulas:
            yield from _expand(formulas[part], present, formulas)


@attrs.frozen(slots=True)
class TableSpec:
    """The declaration of one of the nine standard tables of a budget or of final accounts."""

    number: int
    key: str
    title: str
    blocks: tuple[BlockSpec, ...]
    identities: tuple[Identity, ...] = ()
    phase: Phase = Phase.BUDGET

    def __attrs_post_init__(self) -> None:
        # The rows and columns learn where the vocabulary keeps their other words: this table.
        # (A frozen class's own initialisation may set its fields so, as attrs documents.)
        words = _Words(self.key, self.phase.family)
        object.__setattr__(self, "blocks", tuple(block.bound(words) for block in self.blocks))

    @functools.cached_property
    def title_aliases(self) -> tuple[str, ...]:
        """The other titles the table is printed under (from the vocabulary)."""
        return titles(self.key)

    @property
    def rule_prefix(self) -> str:
        """The family of this table's rule ids: ``T1`` … ``T9`` (budget), ``F1`` … ``F9``
        (final accounts)."""
        return f"{self.phase.rule_letter}{self.number}"

    def block(self, key: str) -> BlockSpec:
        """The declaration of block ``key``."""
        for block in self.blocks:
            if block.key == key:
                return block
        raise KeyError(f"table {self.key!r} has no block {key!r}")
