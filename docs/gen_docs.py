"""Regenerate the reference parts of the docs from the code: python docs/gen_docs.py

Writes docs/rules.md whole, and in every page the text between the markers
``<!-- BEGIN GENERATED: ClassName -->`` and ``<!-- END GENERATED -->`` (the declaration of that
table class). A test fails when a page is stale.
"""

from __future__ import annotations

import re
from pathlib import Path

import govbudget.tables
from govbudget.writing.reference import rule_catalogue_markdown, table_reference_markdown

DOCS = Path(__file__).resolve().parent
RULES_PAGE = DOCS / "rules.md"
MARKED = re.compile(
    r"(<!-- BEGIN GENERATED: (?P<name>\w+) -->\n)(?P<body>.*?)(<!-- END GENERATED -->)", re.DOTALL
)

RULES_INTRO = """# 规则目录 · Rule catalogue

Every built-in rule, generated from the registry by `python docs/gen_docs.py` (a test fails
when this page is stale). Rule ids are stable; see [checking](checks.md) for the id scheme.
Rules marked *(reader)* are raised while a document is read, not by `check`. The example
finding of each error rule is what `check` reports when `govbudget.strategies` breaks a
consistent budget (`example_budget()`) or consistent final accounts (`example_final_accounts()`)
in the one way that must fire that rule.

"""


def example_findings() -> dict[str, str]:
    """For each error rule, the message of a finding it gives on a corrupted example budget or
    corrupted example final accounts."""
    from itertools import chain

    from govbudget import check
    from govbudget.strategies import corrupt, example_budget, example_final_accounts

    found: dict[str, str] = {}
    for corruption in chain(corrupt(example_budget()), corrupt(example_final_accounts())):
        for finding in check(corruption.target).errors:
            if finding.rule in corruption.rules:
                found.setdefault(finding.rule, finding.message)
    return found


def rules_page() -> str:
    """The whole rule catalogue page."""
    return RULES_INTRO + rule_catalogue_markdown(examples=example_findings())


def regenerate(text: str) -> str:
    """A page with every marked section replaced by the declaration it names."""

    def section(match: re.Match[str]) -> str:
        kind = getattr(govbudget.tables, match["name"])
        return match.group(1) + "\n" + table_reference_markdown(kind) + "\n" + match.group(4)

    return MARKED.sub(section, text)


def pages() -> dict[Path, str]:
    """Every generated page, by path, as it should read."""
    wanted = {RULES_PAGE: rules_page()}
    for page in sorted(DOCS.rglob("*.md")):
        text = page.read_text("utf-8")
        if MARKED.search(text):
            wanted[page] = regenerate(text)
    return wanted


if __name__ == "__main__":
    for path, text in pages().items():
        path.write_text(text, encoding="utf-8")
