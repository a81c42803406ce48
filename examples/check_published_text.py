"""Check a published disclosure exported to text, as a 财政局 would before it goes online.

Reads the bundled seed (any text dump of the same layout works: pass its path), prints what
the reader found in it and the report, grouped by table.

Run:  python examples/check_published_text.py [PATH]
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from govbudget import check, read_text
from govbudget.writing import report_to_text


def main() -> None:
    if len(sys.argv) > 1:
        text = Path(sys.argv[1]).read_text("utf-8")
    else:
        text = (
            resources.files("govbudget").joinpath("samples", "kaiping_2025.txt").read_text("utf-8")
        )
    budget = read_text(text)
    print(
        f"{budget.department} {budget.year}：读入 {len(budget.tables)} 张表、"
        f"{len(budget.project_goals)} 张项目绩效目标表、{len(budget.facts.stated())} 个说明数字"
    )
    print(report_to_text(check(budget)))


if __name__ == "__main__":
    main()
