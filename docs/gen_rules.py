"""Write docs/rules.md from the rule registry: python docs/gen_rules.py"""

from __future__ import annotations

from pathlib import Path

from govbudget.formats.rule_catalogue import rule_catalogue_markdown

PAGE = Path(__file__).resolve().parent / "rules.md"

INTRO = """# 规则目录 · Rule catalogue

Every built-in rule, generated from the registry by `python docs/gen_rules.py` (a test fails
when this page is stale). Rule ids are stable; see [checking](checks.md) for the id scheme.
Rules marked *(reader)* are raised while a document is read, not by `check`.

"""


def page() -> str:
    """The whole page."""
    return INTRO + rule_catalogue_markdown()


if __name__ == "__main__":
    PAGE.write_text(page(), encoding="utf-8")
