"""The rule catalogue as Markdown, generated from the registry for the documentation.

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

from govbudget.checks import RULES, Registry

__all__ = ["rule_catalogue_markdown"]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def rule_catalogue_markdown(registry: Registry = RULES) -> str:
    """Every rule of ``registry`` as a Markdown table, in registration order."""
    lines = [
        "| id | severity | applies to | title | 比较内容 |",
        "|---|---|---|---|---|",
    ]
    for each in registry.rules():
        kind = "(reader)" if each.applies_to is None else each.applies_to.__name__
        lines.append(
            f"| {each.id} | {each.severity.value} | {kind} | {_cell(each.title)} "
            f"| {_cell(each.description)} |"
        )
    return "\n".join(lines) + "\n"
