"""Regional conventions: rules whose content differs between regions, with their parameters.

Which economic classes make up 人员经费 and 公用经费 in the 基本支出表 is such a convention. The
built-in rule ``T6-CONVENTION`` uses the common one (人员经费 = 301 + 303, 公用经费 = 302 + 310) with
warning severity; a region with another convention registers its own rule made by
:func:`economic_convention` in a registry of its own and ignores the built-in one:

>>> from govbudget.checks import RULES, Severity, check
>>> from govbudget.tables import BasicExpenditureTable
>>> mine = RULES.copy()
>>> _ = mine.rule("USER-T6-CONVENTION", "人员经费 includes 309", Severity.WARNING,
...               applies_to=BasicExpenditureTable, description="人员经费 = 301 + 303 + 309。"
...               )(economic_convention(personnel=("301", "303", "309")))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from govbudget.amounts import disagreement, format_amount
from govbudget.checks.registry import Rule, rule
from govbudget.findings import Finding, Location, Severity
from govbudget.tables import BasicExpenditureTable

__all__ = ["T6_CONVENTION", "economic_convention"]


def economic_convention(
    personnel: Iterable[str] = ("301", "303"), public: Iterable[str] = ("302", "310")
) -> Callable[[Rule, BasicExpenditureTable], Iterator[Finding]]:
    """A rule function: the 合计 row's 人员经费 and 公用经费 equal the 合计 of the given 类 rows."""
    split = {"personnel": tuple(personnel), "public": tuple(public)}

    def run(rule: Rule, table: BasicExpenditureTable) -> Iterator[Finding]:
        if "total" not in table.columns or table.row("total") is None:
            return
        for column, classes in split.items():
            if column not in table.columns:
                continue
            rows = [table.value(code, "total") for code in classes if table.row(code) is not None]
            result = disagreement((table.value("total", column),), rows)
            if result is not None:
                header = table.SPEC.blocks[0].header_of(column)
                yield rule.finding(
                    f"合计行“{header}” {format_amount(result.actual)} ≠ "
                    f"{' + '.join(classes)} 各类合计之和 {format_amount(result.expected)}"
                    f"（差额 {format_amount(result.difference)}）：请核对本地区的人员经费、公用经费口径",
                    location=Location(table=table.title, row="合计", column=header),
                    agreement=result,
                )

    return run


T6_CONVENTION = rule(
    "T6-CONVENTION",
    "Personnel and public expenses follow the classes of the convention",
    Severity.WARNING,
    applies_to=BasicExpenditureTable,
    description="一般公共预算财政拨款基本支出表：人员经费 = 301 + 303 类合计，公用经费 = 302 + 310 类合计"
    "（常见口径；口径不同的地区可换用自己的规则）。",
)(economic_convention())
