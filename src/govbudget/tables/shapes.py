"""The two shapes of table: one block of rows, or two sides (income | expenditure).

The nine table classes are these shapes with a declaration (``SPEC``) each.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from govbudget.amounts import Figure
from govbudget.tables.model import Block, Row, Table, TableHeader, rows_from_mapping

__all__ = ["RowsTable", "TwoSidedTable"]

RowInput = tuple[str, str, Mapping[str, str | int | Decimal | None]]


def _rows(rows: Iterable[Row]) -> tuple[Row, ...]:
    return tuple(rows)


def _keys(keys: Iterable[str]) -> tuple[str, ...]:
    return tuple(keys)


@attrs.frozen(slots=True, repr=False)
class RowsTable(Table):
    """A table of one block: rows (by subject code, or fixed rows) × money columns.

    ``columns`` are the keys of the printed columns in printed order (by default the standard
    ones); a column that was not printed is absent, which is not the same as a column of zeros.
    ``rows`` are in printed order, the 合计 row (key ``"total"``) where it was printed.
    """

    rows: tuple[Row, ...] = attrs.field(default=(), converter=_rows)
    columns: tuple[str, ...] = attrs.field(converter=_keys)
    note: str | None = None

    @columns.default
    def _standard_columns(self) -> tuple[str, ...]:
        return self.SPEC.blocks[0].standard_columns

    def __attrs_post_init__(self) -> None:
        self._validate()

    @functools.cached_property
    def _blocks(self) -> tuple[Block, ...]:
        # Made once per table (the table is immutable), so that what a block indexes on first
        # use serves every rule that reads it.
        return (Block(self.columns, self.rows),)

    def blocks(self) -> tuple[Block, ...]:
        return self._blocks

    @classmethod
    def from_rows(
        cls,
        header: TableHeader,
        rows: Iterable[RowInput],
        *,
        columns: Iterable[str] | None = None,
        note: str | None = None,
    ) -> RowsTable:
        """Build from ``(key, label, {column: figure})`` triples; unmentioned cells are blank.

        Subclasses return their own type.
        """
        spec = cls.SPEC.blocks[0]
        keys = spec.standard_columns if columns is None else tuple(columns)
        return cls(header, rows_from_mapping(spec, keys, rows), keys, note)

    def row(self, key: str) -> Row | None:
        """The first row with this key (a code, or ``"total"`` for the 合计 row)."""
        return self.blocks()[0].row(key)

    def value(self, key: str, column: str) -> Figure:
        """The figure at a row and a column; ``None`` if blank, absent or not printed."""
        return self.blocks()[0].value(key, column)


@attrs.frozen(slots=True, repr=False)
class TwoSidedTable(Table):
    """A summary table printed as two sides: income on the left, expenditure on the right."""

    income: tuple[Row, ...] = attrs.field(default=(), converter=_rows)
    expenditure: tuple[Row, ...] = attrs.field(default=(), converter=_rows)
    income_columns: tuple[str, ...] = attrs.field(converter=_keys)
    expenditure_columns: tuple[str, ...] = attrs.field(converter=_keys)
    note: str | None = None

    @income_columns.default
    def _standard_income_columns(self) -> tuple[str, ...]:
        return self.SPEC.blocks[0].standard_columns

    @expenditure_columns.default
    def _standard_expenditure_columns(self) -> tuple[str, ...]:
        return tuple(column.key for column in self.SPEC.blocks[1].columns)

    def __attrs_post_init__(self) -> None:
        self._validate()

    @functools.cached_property
    def _blocks(self) -> tuple[Block, ...]:
        # Made once per table, as for RowsTable.
        return (
            Block(self.income_columns, self.income),
            Block(self.expenditure_columns, self.expenditure),
        )

    def blocks(self) -> tuple[Block, ...]:
        return self._blocks

    @classmethod
    def from_rows(
        cls,
        header: TableHeader,
        income: Iterable[RowInput],
        expenditure: Iterable[RowInput],
        *,
        income_columns: Iterable[str] | None = None,
        expenditure_columns: Iterable[str] | None = None,
        note: str | None = None,
    ) -> TwoSidedTable:
        """Build from ``(key, label, {column: figure})`` triples for each side."""
        left, right = cls.SPEC.blocks
        left_keys = left.standard_columns if income_columns is None else tuple(income_columns)
        right_keys = (
            right.standard_columns if expenditure_columns is None else tuple(expenditure_columns)
        )
        return cls(
            header,
            rows_from_mapping(left, left_keys, income),
            rows_from_mapping(right, right_keys, expenditure),
            left_keys,
            right_keys,
            note,
        )
