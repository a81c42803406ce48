"""部门固定资产占用情况表: the fixed assets the department holds, by kind.

>>> from decimal import Decimal
>>> table = FixedAssetsTable(
...     department="中共唐山市开平区委网络安全和信息化委员会办公室", as_of="2024-12-31",
...     rows=(AssetRow("total", "资产总额", "89", "20.61"),
...           AssetRow("other", "4、其他固定资产", "89", "20.61")))
>>> table.value("total")
Decimal('20.61')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

import attrs

from govbudget.amounts import Figure, Unit, decimal_places, parse_amount
from govbudget.tables.model import TableError

__all__ = ["ASSET_KINDS", "ASSET_PARTS", "AssetRow", "FixedAssetsTable"]

ASSET_KINDS: dict[str, tuple[str, ...]] = {
    "total": ("资产总额", "合计"),
    "buildings": ("房屋", "房屋（平方米）"),
    "office_buildings": ("其中：办公用房", "办公用房（平方米）", "办公用房"),
    "vehicles": ("车辆", "车辆（台、辆）"),
    "equipment": ("单价在20万元以上的设备", "单价100万元（含）以上设备", "大型设备"),
    "other": ("其他固定资产", "其他"),
}
"""Row keys of the fixed-assets table and the labels real tables print for them."""

ASSET_PARTS = ("buildings", "vehicles", "equipment", "other")
"""The kinds whose values add up to the total (办公用房 is part of 房屋)."""

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _figure(value: str | int | Decimal | None) -> Figure:
    return None if value is None else parse_amount(value)


@attrs.frozen(slots=True)
class AssetRow:
    """One row: its key (see :data:`ASSET_KINDS`), label as printed, quantity and value."""

    key: str = attrs.field()
    label: str
    quantity: Figure = attrs.field(default=None, converter=_figure)
    value: Figure = attrs.field(default=None, converter=_figure)

    @key.validator
    def _known(self, _attribute: object, key: str) -> None:
        if key not in ASSET_KINDS:
            raise TableError(f"unknown fixed-asset row {key!r}; the rows are {list(ASSET_KINDS)}")


def _rows(rows: Iterable[AssetRow]) -> tuple[AssetRow, ...]:
    return tuple(rows)


@attrs.frozen(slots=True)
class FixedAssetsTable:
    """部门固定资产占用情况表: rows of quantity and value, as of a date (截止时间)."""

    department: str
    as_of: str | None = attrs.field(default=None)
    rows: tuple[AssetRow, ...] = attrs.field(default=(), converter=_rows)
    unit: Unit = Unit.WAN_YUAN
    note: str | None = None

    @as_of.validator
    def _iso_date(self, _attribute: object, as_of: str | None) -> None:
        if as_of is not None and not _DATE.fullmatch(as_of):
            raise TableError(f"fixed-assets date {as_of!r} is not YYYY-MM-DD")

    def __attrs_post_init__(self) -> None:
        for row in self.rows:
            places = decimal_places(row.value)
            if places is not None and places > self.unit.places:
                raise TableError(
                    f"fixed assets, row {row.label}: {row.value} has {places} decimals; "
                    f"a table in {self.unit.label} prints at most {self.unit.places}"
                )

    @property
    def title(self) -> str:
        """The table's title."""
        return "部门固定资产占用情况表"

    def row(self, key: str) -> AssetRow | None:
        """The first row with this key."""
        return next((row for row in self.rows if row.key == key), None)

    def value(self, key: str) -> Figure:
        """The value of a row; ``None`` when blank or not printed."""
        row = self.row(key)
        return None if row is None else row.value

    def _repr_html_(self) -> str:
        """The HTML a notebook shows: the table, tinted where its findings point
        (:func:`govbudget.writing.notebook.part_html`)."""
        from govbudget.writing.notebook import part_html  # the writers, at the first display

        return part_html(self)
