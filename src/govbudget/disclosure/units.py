"""The department's units (机构设置): who spends the budget."""

from __future__ import annotations

import attrs

__all__ = ["BudgetUnit"]

_ADMINISTRATIVE = ("行政", "参公", "参照公务员法管理")


@attrs.frozen(slots=True)
class BudgetUnit:
    """One budget unit of the department, as the 部门机构设置情况 table prints it.

    ``nature`` is 单位性质 (行政, 事业, 参公 …), ``grade`` 单位规格 (正科级 …) and ``funding``
    经费保障形式 (财政拨款, 财政补助 …).

    >>> unit = BudgetUnit("中共唐山市开平区委网络安全和信息化委员会办公室本级", "行政", "正科级", "财政拨款")
    >>> unit.is_administrative
    True
    """

    name: str
    nature: str | None = None
    grade: str | None = None
    funding: str | None = None

    @property
    def is_administrative(self) -> bool:
        """行政 units and units managed like the civil service (参公) have 机关运行经费."""
        return self.nature is not None and self.nature.startswith(_ADMINISTRATIVE)
