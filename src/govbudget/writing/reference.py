"""Reference documentation generated from the declarations: the rule catalogue and the tables.

The documentation pages are written from these functions (``python docs/gen_docs.py``), so
what the docs say about columns, formulas and rules is what the code declares.

>>> from govbudget.checks import Registry, Severity
>>> registry = Registry()
>>> _ = registry.declare("READ-X", "Cells are read", Severity.ERROR, description="单元格可读。")
>>> print(rule_catalogue_markdown(registry))
| id | severity | applies to | title | 比较内容 |
|---|---|---|---|---|
| READ-X | error | (reader) | Cells are read | 单元格可读。 |
<BLANKLINE>
"""

from __future__ import annotations

from collections.abc import Mapping

from govbudget.checks import RULES, Registry
from govbudget.tables import Detail, Table

__all__ = ["rule_catalogue_markdown", "table_reference_markdown"]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def rule_catalogue_markdown(
    registry: Registry = RULES, examples: Mapping[str, str] | None = None
) -> str:
    """Every rule of ``registry`` as a Markdown table, in registration order; with
    ``examples`` (rule id → the message of a finding), a column showing one finding of each."""
    head = "| id | severity | applies to | title | 比较内容 |"
    lines = [head + (" 示例 · Example finding |" if examples is not None else ""), ""]
    lines[1] = "|---" * (6 if examples is not None else 5) + "|"
    for each in registry.rules():
        kind = "(reader)" if each.applies_to is None else each.applies_to.__name__
        line = (
            f"| {each.id} | {each.severity.value} | {kind} | {_cell(each.title)} "
            f"| {_cell(each.description)} |"
        )
        if examples is not None:
            line += f" {_cell(examples.get(each.id, ''))} |"
        lines.append(line)
    return "\n".join(lines) + "\n"


_DETAIL = {
    Detail.NONE: "fixed rows only",
    Detail.CLASSES: "one row per functional 类 (key: the 类 code)",
    Detail.SUBJECTS: "rows by subject code, 类/款/项 (key: the code), under a 合计 row",
}


def table_reference_markdown(kind: type[Table], registry: Registry = RULES) -> str:
    """The declaration of one table class as Markdown: blocks, columns, rows, formulas, rules.

    >>> from govbudget.tables import BasicExpenditureTable
    >>> print(table_reference_markdown(BasicExpenditureTable).splitlines()[0])
    **`BasicExpenditureTable`** — 一般公共预算财政拨款基本支出表 (table 6, key `basic_expenditure`)
    """
    spec = kind.SPEC
    out = [
        f"**`{kind.__name__}`** — {spec.title} (table {spec.number}, key `{spec.key}`)",
        "",
    ]
    if spec.title_aliases:
        out += ["Also printed as: " + "、".join(spec.title_aliases) + ".", ""]
    for block in spec.blocks:
        name = f"Block `{block.key}` ({block.label})" if block.label else f"Block `{block.key}`"
        scheme = f", {block.scheme.label}" if block.scheme else ""
        out += [f"{name}: {_DETAIL[block.detail]}{scheme}.", ""]
        out += ["| column key | header | 栏次 | group | other headers |", "|---|---|---|---|---|"]
        out += [
            f"| `{c.key}` | {c.header} | {c.number} | {c.group or ''} | {'、'.join(c.aliases)} |"
            for c in block.columns
        ]
        out.append("")
        if block.rows:
            out += ["| row key | label | other labels |", "|---|---|---|"]
            out += [f"| `{r.key}` | {r.label} | {'、'.join(r.aliases)} |" for r in block.rows]
            out.append("")
        formulas = [block.describe(f) for f in (*block.column_formulas, *block.row_formulas)]
        if formulas:
            out += ["Formulas: " + "; ".join(formulas) + ".", ""]
    out += ["| rule | severity | title |", "|---|---|---|"]
    out += [
        f"| {r.id} | {r.severity.value} | {_cell(r.title)} |"
        for r in registry.rules()
        if r.applies_to is kind
    ]
    return "\n".join(out) + "\n"
