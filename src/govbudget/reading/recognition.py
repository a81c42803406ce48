"""Which declared table a printed table is: by its title, or by its column headers when the
title is not one a table is printed under.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govbudget.classification import normalize_name
from govbudget.reading.printed import BOOKMARK, PrintedTable
from govbudget.tables import (
    STANDARD_FINAL_TABLES,
    STANDARD_TABLES,
    Table,
)

__all__ = [
    "ASSETS",
    "GOAL",
    "PROCUREMENT",
    "UNITS",
    "Kind",
    "by_headers",
    "is_title",
    "looks_like_title",
    "recognise",
]


_QUOTES = re.compile(r"[\"'“”‘’「」]")


_TITLE_PREFIX = re.compile(r"^(?:\d+[、.．]|[一二三四五六七八九十]+、)?(?:\d{4}年度?)?")


_OWNER = re.compile(r"^(?:部门|单位)")


_NUMBERING = re.compile(r"[(]?(?:部门|单位)?(?:预算|决算)?公开\d+表[)]?")


def _canonical(title: str) -> str:
    """A title reduced to what tells tables apart: no year, no 部门/单位, no 预算/财务, no
    quotes, no spaces ("2026年部门财务收支预算总表" and "部门预算收支总表" both give 收支总表), no
    numbering ("公开01表"), no leading 决算 ("部门决算收入支出决算总表" gives 收入支出决算总表)."""
    text = _QUOTES.sub("", normalize_name(BOOKMARK.sub("", title)))
    text = _NUMBERING.sub("", text)
    text = _TITLE_PREFIX.sub("", text)
    text = _OWNER.sub("", text)
    if text.startswith("决算") and "决算" in text[2:]:
        text = text[2:]
    return text.replace("预算", "").replace("财务", "")


_STANDARD = {
    _canonical(name): kind
    for kind in (*STANDARD_TABLES, *STANDARD_FINAL_TABLES)
    for name in (kind.SPEC.title, *kind.SPEC.title_aliases)
}


UNITS, GOAL, PROCUREMENT, ASSETS = "units", "goal", "procurement", "fixed_assets"


Kind = type[Table] | str


def recognise(title: str) -> Kind | None:
    canonical = _canonical(title)
    if canonical in _STANDARD:
        return _STANDARD[canonical]
    if canonical.endswith(
        ("机构设置情况", "机构设置情况表", "单位构成", "单位构成情况", "单位构成表")
    ):
        return UNITS
    if canonical.endswith(("绩效目标表", "绩效目标申报表")) and "整体" not in canonical:
        return GOAL
    if canonical.startswith("政府采购") or canonical in ("政府采购表", "政府采购"):
        return PROCUREMENT
    if "固定资产占用情况" in canonical:
        return ASSETS
    return None


def is_title(text: str) -> bool:
    return recognise(text) is not None


def looks_like_title(text: str) -> bool:
    """A known title, or a short line naming a table (…表) just above a table's rows."""
    name = normalize_name(BOOKMARK.sub("", text))
    return is_title(text) or (len(name) <= 40 and name.endswith("表"))


def by_headers(
    table: PrintedTable, kinds: Sequence[type[Table]] = STANDARD_TABLES
) -> type[Table] | None:
    """A standard table (of ``kinds``) recognised by its headers when it has no title: unique
    best match."""
    texts = {normalize_name(cell) for row in table.rows[:6] for cell in row if cell}
    scores: dict[type[Table], int] = {}
    for kind in kinds:
        wanted = {
            normalize_name(name)
            for block in kind.SPEC.blocks
            for column in block.columns
            for name in (column.header, *column.aliases, column.group or "")
            if name and column.key != "total"
        }
        scores[kind] = len(texts & wanted)
    best = max(scores.values(), default=0)
    winners = [kind for kind, score in scores.items() if score == best]
    return winners[0] if best >= 2 and len(winners) == 1 else None
