"""政府采购预算表: the government procurement the budget provides for.

>>> table = ProcurementTable(
...     department="中共唐山市开平区委网络安全和信息化委员会办公室",
...     notes=("注：无政府采购预算，空表列示。",))
>>> table.is_empty
True
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from govbudget.amounts import Figure, Unit, parse_amount

__all__ = ["ProcurementItem", "ProcurementTable"]

SOURCES = (
    "general_public",
    "government_fund",
    "state_capital",
    "special_account",
    "unit_funds",
    "carry_over",
)
"""The source columns whose sum is an item's 合计 (当年部门预算安排资金)."""


def _figure(value: str | int | Decimal | None) -> Figure:
    return None if value is None else parse_amount(value)


@attrs.frozen(slots=True)
class ProcurementItem:
    """One procurement line: project, item, catalogue number, quantity, price and amounts."""

    item: str
    project: str | None = None
    project_budget: Figure = attrs.field(default=None, converter=_figure)
    catalogue_number: str | None = None
    measure: str | None = None
    quantity: Figure = attrs.field(default=None, converter=_figure)
    unit_price: Figure = attrs.field(default=None, converter=_figure)
    total: Figure = attrs.field(default=None, converter=_figure)
    general_public: Figure = attrs.field(default=None, converter=_figure)
    government_fund: Figure = attrs.field(default=None, converter=_figure)
    state_capital: Figure = attrs.field(default=None, converter=_figure)
    special_account: Figure = attrs.field(default=None, converter=_figure)
    unit_funds: Figure = attrs.field(default=None, converter=_figure)
    carry_over: Figure = attrs.field(default=None, converter=_figure)
    sme_reserve: Figure = attrs.field(default=None, converter=_figure)

    def sources(self) -> list[Figure]:
        """The amounts by source, in column order."""
        return [getattr(self, name) for name in SOURCES]


def _items(items: Iterable[ProcurementItem]) -> tuple[ProcurementItem, ...]:
    return tuple(items)


def _notes(notes: Iterable[str]) -> tuple[str, ...]:
    return tuple(notes)


@attrs.frozen(slots=True)
class ProcurementTable:
    """部门政府采购预算表: its items and the notes printed under it."""

    department: str
    items: tuple[ProcurementItem, ...] = attrs.field(default=(), converter=_items)
    unit: Unit = Unit.WAN_YUAN
    notes: tuple[str, ...] = attrs.field(default=(), converter=_notes)

    @property
    def title(self) -> str:
        """The table's title."""
        return "部门政府采购预算表"

    @property
    def is_empty(self) -> bool:
        """True when no item was printed."""
        return not self.items

    def _repr_html_(self) -> str:
        """The HTML a notebook shows: the table, tinted where its findings point
        (:func:`govbudget.writing.notebook.part_html`)."""
        from govbudget.writing.notebook import part_html  # the writers, at the first display

        return part_html(self)
