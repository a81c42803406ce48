"""The values every table is made of: header facts, rows, blocks, and the table base class.

A table holds figures exactly as printed: a ``Decimal`` with its printed precision, or ``None``
for a blank cell. It refuses what is malformed (a float, a code of the wrong length for its
table, an unknown column, a third decimal) and accepts sums that do not add up: the rules find
those (see :mod:`govbudget.checks`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import ClassVar

import attrs

from govbudget.amounts import Figure, Unit, decimal_places, parse_amount
from govbudget.classification import Level, Scheme
from govbudget.errors import GovBudgetError
from govbudget.tables.spec import BlockSpec, Cell, Detail, TableSpec

__all__ = ["Block", "Row", "Table", "TableError", "TableHeader"]


_CENT = Decimal("0.01")


def is_code(key: str) -> bool:
    """Whether a row key is a subject code: one or more ASCII digits.

    The rules ask this of every row many times, so it is a pair of string methods, not a
    regular expression (``isascii`` costs nothing; ``isdigit`` alone would accept other digits).

    >>> is_code("2013701"), is_code("total"), is_code("２０１"), is_code("")
    (True, False, False, False)
    """
    return key.isascii() and key.isdigit()


class TableError(GovBudgetError, ValueError):
    """A table that cannot be built: the message says which table, row and column, and why."""


def _figures(values: Iterable[str | int | Decimal | None]) -> tuple[Figure, ...]:
    return tuple([None if value is None else parse_amount(value) for value in values])


@attrs.frozen(slots=True)
class TableHeader:
    """The facts printed above a table: department, budget year, unit.

    ``department_code`` is the code printed before the name where there is one (the seed prints
    "897中共唐山市开平区委网络安全和信息化委员会办公室"); ``department`` is the name as printed.
    """

    department: str
    year: int | None = attrs.field()
    unit: Unit = Unit.WAN_YUAN
    department_code: str | None = attrs.field(default=None)

    @year.validator
    def _check_year(self, _attribute: object, year: int | None) -> None:
        if year is None:
            return
        if isinstance(year, bool) or not isinstance(year, int) or not 1949 < year < 2200:
            raise TableError(f"budget year {year!r} is not a plausible year")

    @department_code.validator
    def _check_code(self, _attribute: object, code: str | None) -> None:
        if code is not None and not is_code(code):
            raise TableError(f"department code {code!r} is not all digits")


@attrs.frozen(slots=True)
class Row:
    """One printed row: its key, its label as printed, its figures in the table's column order.

    For a row of a table by classification the key is the subject code and the label its name
    as printed; a fixed row (合计, 本年收入合计, 公务接待费 …) has the key its table declares.
    Figures may be given as text and are read with :func:`~govbudget.amounts.parse_amount`.

    >>> Row("2013701", "行政运行", ["166.59", "166.59", None])
    Row(key='2013701', label='行政运行', values=(Decimal('166.59'), Decimal('166.59'), None))
    """

    key: str
    label: str
    values: tuple[Figure, ...] = attrs.field(converter=_figures)

    @functools.cached_property
    def code(self) -> str | None:
        """The subject code of the row, or ``None`` for a fixed row."""
        # Cached (in a slot of its own, not a field) as the rules ask it of every row often.
        return self.key if is_code(self.key) else None


@attrs.frozen(slots=True)
class Block:
    """One block of a table as printed: its columns (keys, printed order) and its rows."""

    columns: tuple[str, ...]
    rows: tuple[Row, ...]

    def index(self, column: str) -> int | None:
        """The position of a printed column, or ``None`` when it was not printed."""
        return self.columns.index(column) if column in self.columns else None

    @functools.cached_property
    def _first_rows(self) -> dict[str, Row]:
        # The rules look rows up by key again and again; the block is immutable, so the index
        # is built once, on first use, and kept with the block (attrs gives it a slot of its
        # own: it is no field, and neither compared, nor printed, nor pickled).
        first: dict[str, Row] = {}
        for row in self.rows:
            first.setdefault(row.key, row)
        return first

    @functools.cached_property
    def by_column(self) -> tuple[tuple[Figure, ...], ...]:
        """The figures column by column (in :attr:`columns` order), each down the rows.

        The sum rules read a table by columns; the transposition is made once, on first use.

        >>> block = Block(("amount", "basic"), (Row("201", "一般公共服务", ["3.00", "1.00"]),
        ...                                     Row("208", "社会保障和就业", ["2.00", None])))
        >>> block.by_column
        ((Decimal('3.00'), Decimal('2.00')), (Decimal('1.00'), None))
        """
        if not self.rows:
            return tuple(() for _ in self.columns)
        return tuple(zip(*(row.values for row in self.rows), strict=True))

    @functools.cached_property
    def to_the_cent(self) -> bool:
        """Whether every printed figure has two decimals (so each stands for ±0.005), as in
        nearly every table: the sum rules then add the figures in one pass.

        >>> Block(("amount",), (Row("201", "一般公共服务", ["3.00"]),)).to_the_cent
        True
        >>> Block(("amount",), (Row("201", "一般公共服务", ["30000"]),)).to_the_cent
        False
        """
        cent = _CENT
        return all(
            value is None or value.same_quantum(cent) for row in self.rows for value in row.values
        )

    def row(self, key: str) -> Row | None:
        """The first row with this key."""
        return self._first_rows.get(key)

    def value(self, row: str, column: str) -> Figure:
        """The figure at a row and column; ``None`` when blank, absent or not printed."""
        found, index = self.row(row), self.index(column)
        if found is None or index is None:
            return None
        return found.values[index]


def _check_block(table: str, spec: BlockSpec, block: Block, unit: Unit) -> None:
    where = f"{table}.{spec.key}" if table else spec.key
    known = {c.key for c in spec.columns}
    for column in block.columns:
        if column not in known:
            raise TableError(f"{where}: unknown column {column!r}; the columns are {sorted(known)}")
    if len(set(block.columns)) != len(block.columns):
        raise TableError(f"{where}: a column is given twice in {block.columns}")
    fixed = {r.key for r in spec.rows}
    lengths = _code_lengths(spec.detail, spec.scheme)
    codes = spec.detail is not Detail.NONE
    width = len(block.columns)
    most = unit.places
    for number, row in enumerate(block.rows):
        key, values = row.key, row.values
        if len(values) != width:
            raise TableError(
                f"{_place(where, number, row)}: {len(values)} figures for {width} columns"
            )
        # A detail row's code of a length this table prints passes; anything else is looked at
        # closely (a 类 printed by name passes too; the rest raises).
        if key not in fixed and not (codes and is_code(key) and len(key) in lengths):
            _check_detail_key(where, number, row, spec, lengths)
    if most >= 2 and block.to_the_cent:
        return  # every figure has two decimals: none has too many
    # A percentage is printed to what precision the table likes, whatever its money's unit.
    percent = {index for index, key in enumerate(block.columns) if spec.column(key).percent}
    for number, row in enumerate(block.rows):
        for index, value in enumerate(row.values):
            if value is None or index in percent:
                continue
            places = decimal_places(value)
            if places is not None and places > most:
                raise TableError(
                    f"{_place(where, number, row)}, column {spec.header_of(block.columns[index])}: "
                    f"{value} has {places} decimals; a table in {unit.label} prints at most "
                    f"{unit.places}"
                )


def _place(where: str, number: int, row: Row) -> str:
    # Only an error message needs it: not built for every row of every table that is fine.
    return f"{where}.rows[{number}] ({row.key} {row.label})"


def _code_lengths(detail: Detail, scheme: Scheme | None) -> tuple[int, ...]:
    """The lengths of the codes a block of this detail and scheme prints, shortest first."""
    lengths = {Level.CLASS: 3, Level.SECTION: 5, Level.ITEM: 7}
    deepest = Level.CLASS if detail is Detail.CLASSES else Level.ITEM
    if scheme is not None:
        deepest = min(deepest, scheme.deepest)
    return tuple(sorted(length for level, length in lengths.items() if level <= deepest))


def _check_detail_key(
    where: str, number: int, row: Row, spec: BlockSpec, allowed: tuple[int, ...]
) -> None:
    key = row.key
    if spec.detail is Detail.NONE:
        known = [r.key for r in spec.rows]
        raise TableError(f"{_place(where, number, row)}: unknown row {key!r}; the rows are {known}")
    if not is_code(key):
        if spec.detail is Detail.CLASSES and key.strip():
            return  # a 类 printed by name that no catalogue codes (the seed's 人行科目)
        raise TableError(f"{_place(where, number, row)}: row code {key!r} is not all digits")
    if len(key) not in allowed:
        raise TableError(
            f"{_place(where, number, row)}: row code {key!r} has {len(key)} digits; this "
            "table's codes have " + " or ".join(str(n) for n in allowed)
        )


@attrs.frozen(slots=True, repr=False)
class Table:
    """Base of the nine table classes: the header facts and a printed note.

    ``note`` is the note printed under the table, e.g. "注：无政府性基金预算财政拨款预算，空表列示。"
    Subclasses declare ``SPEC`` and expose their blocks through :meth:`blocks`.
    """

    SPEC: ClassVar[TableSpec]

    header: TableHeader

    def blocks(self) -> tuple[Block, ...]:
        """The table's blocks, in the order of ``SPEC.blocks``."""
        raise NotImplementedError

    @property
    def title(self) -> str:
        """The table's standard title."""
        return self.SPEC.title

    @functools.cached_property
    def _cells(self) -> dict[Cell, tuple[tuple[Figure, ...], bool]]:
        # What figures_at found for each cell asked so far. The rules of a disclosure ask for
        # the same cells of a table many times; the table is immutable, so each is found once.
        return {}

    @property
    def is_empty(self) -> bool:
        """True when no figure is printed: no rows, or rows of blank cells only (上海 prints an
        empty table with a 合计 row of blanks)."""
        return all(
            value is None for block in self.blocks() for row in block.rows for value in row.values
        )

    def __repr__(self) -> str:
        """What the table is and how big, not every figure (attrs' repr of a table runs long).

        >>> from govbudget.tables import ExpenditureTable, IncomeExpenditureSummary
        >>> ExpenditureTable(TableHeader("网信办", 2025), columns=("total", "basic", "project"))
        <ExpenditureTable 部门预算支出总表 2025 万元: 0 rows × 3 columns>
        >>> IncomeExpenditureSummary(TableHeader("网信办", 2025))
        <IncomeExpenditureSummary 部门预算收支总表 2025 万元: income 0 rows × 1 column, expenditure 0 rows × 1 column>
        """
        sizes = [
            f"{len(block.rows)} {'row' if len(block.rows) == 1 else 'rows'} × "
            f"{len(block.columns)} {'column' if len(block.columns) == 1 else 'columns'}"
            for block in self.blocks()
        ]
        if len(sizes) > 1:
            sizes = [
                f"{spec.key} {size}" for spec, size in zip(self.SPEC.blocks, sizes, strict=True)
            ]
        header = self.header
        return (
            f"<{type(self).__name__} {self.title} {header.year} {header.unit.label}: "
            f"{', '.join(sizes)}>"
        )

    def block(self, key: str) -> Block:
        """The block with this key ("rows", "income", "expenditure")."""
        for spec, block in zip(self.SPEC.blocks, self.blocks(), strict=True):
            if spec.key == key:
                return block
        raise KeyError(f"{type(self).__name__} has no block {key!r}")

    def _validate(self) -> None:
        for spec, block in zip(self.SPEC.blocks, self.blocks(), strict=True):
            _check_block(type(self).__name__, spec, block, self.header.unit)

    def _repr_html_(self) -> str:
        """The HTML a notebook shows: the table, tinted where its findings point
        (:func:`govbudget.writing.notebook.part_html`)."""
        from govbudget.writing.notebook import part_html  # the writers, at the first display

        return part_html(self)


def rows_from_mapping(
    spec: BlockSpec,
    columns: tuple[str, ...],
    rows: Iterable[tuple[str, str, Mapping[str, str | int | Decimal | None]]],
) -> tuple[Row, ...]:
    """Rows from ``(key, label, {column: figure})`` triples, aligned with ``columns``."""
    built = []
    for key, label, values in rows:
        unknown = set(values) - set(columns)
        if unknown:
            known = [spec.header_of(c) for c in columns if c in {s.key for s in spec.columns}]
            raise TableError(
                f"row {key} {label}: columns {sorted(unknown)} are not printed in this "
                f"table (printed: {known})"
            )
        built.append(Row(key, label, tuple(values.get(column) for column in columns)))
    return tuple(built)
