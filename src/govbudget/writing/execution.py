"""A budget against its final accounts, for people and for programs: ``govbudget compare``.

:func:`execution_to_text`, :func:`execution_to_markdown` and :func:`execution_to_json` print an
:class:`~govbudget.ledger.ExecutionComparison`: the whole and its main parts (预算数, 决算数,
差额, 完成率), the variances the explanation must account for with what it says of each, and
the counts — every pair, every variance, the zero budgets, the budgets the final accounts print
otherwise. JSON holds every pair too. Amounts are in 万元, as strings in JSON (never floats); a
rate is the rate of the printed figures with, in JSON, the range the rounding model allows.

>>> from govbudget import DepartmentBudget, DepartmentFinalAccounts, TableHeader
>>> from govbudget.ledger import compare_execution
>>> from govbudget.tables import ExpenditureFinalTable, ExpenditureTable
>>> header = TableHeader("某局", 2025)
>>> budget = DepartmentBudget("某局", 2025, tables=[ExpenditureTable.from_rows(header, [
...     ("total", "合计", {"total": "80.00", "project": "80.00"}),
...     ("2013702", "一般行政管理事务", {"total": "80.00", "project": "80.00"})])])
>>> final = DepartmentFinalAccounts("某局", 2025, tables=[ExpenditureFinalTable.from_rows(
...     header, [("total", "合计", {"total": "76.85", "project": "76.85"}),
...              ("2013702", "一般行政管理事务", {"total": "76.85", "project": "76.85"})])])
>>> print(execution_to_text(compare_execution(budget, final)))
部门预算 2025 ↔ 部门决算 2025 · 某局（万元）
<BLANKLINE>
          预算数  决算数   差额  完成率
支出合计   80.00   76.85  -3.15  96.06%
项目支出   80.00   76.85  -3.15  96.06%
<BLANKLINE>
差异 4 处（各表各栏，超出舍入），其中预算数为零 0 处；情况说明须解释 0 处，未说明原因 0 处；决算所列预算与预算不同 0 处。
<BLANKLINE>
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from govbudget.amounts import Figure, decimal_places, format_amount
from govbudget.disclosure import DepartmentBudget, DepartmentFinalAccounts
from govbudget.ledger.execution import Execution, ExecutionComparison, VarianceExplanation
from govbudget.tables import ThreePublicExpensesTable
from govbudget.tables.model import is_code
from govbudget.writing.cells import JSON, text_columns

__all__ = [
    "execution_to_dict",
    "execution_to_json",
    "execution_to_markdown",
    "execution_to_text",
]

_CENT = Decimal("0.01")
_PHASES = {"预算": "budget", "决算": "final_accounts"}
_THREE_PUBLIC = ThreePublicExpensesTable.SPEC.title


def _money(value: Figure) -> str:
    """A figure as printed, two decimals at most (元 converted to 万元 carry more); blank: 空."""
    if value is None:
        return "空"
    places = decimal_places(value)
    return format_amount(value, places=2 if places is not None and places > 2 else None)


def _signed(value: Decimal) -> str:
    shown = _money(value)
    return shown if value <= 0 else f"+{shown}"


def _rate(cell: Execution) -> str:
    point = cell.rate.point
    return "预算数为零" if point is None else f"{format_amount(point)}%"


def _said(each: VarianceExplanation) -> str:
    if each.explained:
        return f"已说明：{each.reason}"
    return "未说明原因" if each.statement is not None else "情况说明未提及"


def _title(comparison: ExecutionComparison) -> str:
    budget, final = comparison.budget, comparison.final
    return (
        f"部门{budget.phase.label} {budget.year} ↔ 部门{final.phase.label} {final.year} · "
        f"{final.department}（万元）"
    )


def _counts(comparison: ExecutionComparison) -> dict[str, int]:
    explanations, variances = comparison.explanations(), comparison.variances()
    return {
        "cells": len(comparison.cells),
        "variances": len(variances),
        "unbudgeted": sum(each.rate.zero_budget for each in variances),
        "to_explain": len(explanations),
        "unexplained": sum(not each.explained for each in explanations),
        "restated_budgets": len(comparison.restated_budgets()),
    }


def _summary(comparison: ExecutionComparison) -> str:
    counts = _counts(comparison)
    return (
        f"差异 {counts['variances']} 处（各表各栏，超出舍入），其中预算数为零 "
        f"{counts['unbudgeted']} 处；情况说明须解释 {counts['to_explain']} 处，未说明原因 "
        f"{counts['unexplained']} 处；决算所列预算与预算不同 {counts['restated_budgets']} 处。"
    )


_TOTAL_HEAD = ["", "预算数", "决算数", "差额", "完成率"]
_ITEM_HEAD = ["科目", "名称", "预算数", "决算数", "差额", "完成率", "说明"]


def _total_rows(comparison: ExecutionComparison) -> list[list[str]]:
    return [
        [label, _money(cell.budgeted), _money(cell.actual), _signed(cell.difference), _rate(cell)]
        for label, cell in comparison.totals().items()
    ]


def _item_rows(comparison: ExecutionComparison) -> list[list[str]]:
    rows = []
    for each in comparison.explanations():
        cell = each.execution
        if is_code(cell.row):
            subject = cell.row
        else:
            subject = "“三公”" if cell.table == _THREE_PUBLIC else "合计"
        rows.append(
            [
                subject,
                cell.label,
                _money(cell.budgeted),
                _money(cell.actual),
                _signed(cell.difference),
                _rate(cell),
                _said(each),
            ]
        )
    return rows


def execution_to_text(comparison: ExecutionComparison) -> str:
    """The comparison for people: the totals, the variances to explain, the counts."""
    blocks = [_title(comparison)]
    totals = _total_rows(comparison)
    if totals:
        blocks.append("\n".join(text_columns([_TOTAL_HEAD, *totals], right={1, 2, 3, 4})))
    items = _item_rows(comparison)
    if items:
        lines = text_columns([_ITEM_HEAD, *items], right={2, 3, 4, 5})
        blocks.append(
            "情况说明须解释的差异（一般公共预算财政拨款支出各项、“三公”经费）\n" + "\n".join(lines)
        )
    blocks.append(_summary(comparison))
    return "\n\n".join(blocks) + "\n"


def _md_table(head: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> str:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    rule = "|" + "|".join("---:" if n in right else "---" for n in range(len(head))) + "|"
    return "\n".join([line(head), rule, *(line(row) for row in rows)])


def execution_to_markdown(comparison: ExecutionComparison) -> str:
    """The comparison as Markdown: the same parts as :func:`execution_to_text`, as tables."""
    blocks = [f"**{_title(comparison)}**"]
    totals = _total_rows(comparison)
    if totals:
        blocks.append(_md_table(["项目", *_TOTAL_HEAD[1:]], totals, {1, 2, 3, 4}))
    items = _item_rows(comparison)
    if items:
        blocks.append("**情况说明须解释的差异**（一般公共预算财政拨款支出各项、“三公”经费）")
        blocks.append(_md_table(_ITEM_HEAD, items, {2, 3, 4, 5}))
    blocks.append(_summary(comparison))
    return "\n\n".join(blocks) + "\n"


def _amount(value: Figure) -> str | None:
    return None if value is None else str(value)


def _cell_dict(cell: Execution) -> dict[str, JSON]:
    rate = cell.rate
    low, high = rate.low, rate.high
    return {
        "table": cell.table,
        "block": cell.block,
        "row": cell.row,
        "label": cell.label,
        "column": cell.column,
        "final_table": cell.final_table,
        "final_block": cell.final_block,
        "final_row": cell.final_row,
        "final_column": cell.final_column,
        "measure": cell.measure.label,
        "budgeted": _amount(cell.budgeted),
        "actual": _amount(cell.actual),
        "difference": str(cell.difference),
        "differs": cell.differs,
        "zero_budget": rate.zero_budget,
        "rate": _amount(rate.point),
        "rate_low": None if low is None else str(low.quantize(_CENT, rounding=ROUND_FLOOR)),
        "rate_high": None if high is None else str(high.quantize(_CENT, rounding=ROUND_CEILING)),
    }


def _side(disclosure: DepartmentBudget | DepartmentFinalAccounts) -> dict[str, JSON]:
    return {
        "department": disclosure.department,
        "year": disclosure.year,
        "phase": _PHASES[disclosure.phase.label],
    }


def execution_to_dict(comparison: ExecutionComparison) -> dict[str, JSON]:
    """The comparison as the object :func:`execution_to_json` writes.

    ``{"budget", "final", "unit", "counts", "totals", "explanations", "cells"}``: the two
    disclosures (department, year, phase ``"budget"`` or ``"final_accounts"``), the counts of
    :func:`execution_to_text`, the totals by Chinese name, the variances to explain (each a
    cell with ``statement``, ``reason`` and ``explained``) and every pair.
    """
    explanations: list[JSON] = []
    for each in comparison.explanations():
        entry = _cell_dict(each.execution)
        entry["statement"] = None if each.statement is None else each.statement.item
        entry["reason"] = each.reason
        entry["explained"] = each.explained
        explanations.append(entry)
    counts: dict[str, JSON] = dict(_counts(comparison))
    totals: dict[str, JSON] = {
        label: _cell_dict(cell) for label, cell in comparison.totals().items()
    }
    return {
        "budget": _side(comparison.budget),
        "final": _side(comparison.final),
        "unit": "万元",
        "counts": counts,
        "totals": totals,
        "explanations": explanations,
        "cells": [_cell_dict(cell) for cell in comparison.cells],
    }


def execution_to_json(comparison: ExecutionComparison) -> str:
    """The comparison as JSON for programs, in a fixed shape (:func:`execution_to_dict`);
    Chinese written as is, amounts as strings."""
    return json.dumps(execution_to_dict(comparison), ensure_ascii=False, indent=2)
