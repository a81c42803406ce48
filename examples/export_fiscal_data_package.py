"""Export a budget as a Fiscal Data Package: long-format rows and their descriptor.

Writes nothing: prints the descriptor's column types and the first rows, and checks that each
dataset adds up to its table's 合计 (leaf cells only, so nothing is counted twice).

Run:  python examples/export_fiscal_data_package.py
"""

from __future__ import annotations

import json
from collections import defaultdict
from decimal import Decimal
from importlib import resources

from govbudget import agree, read_text
from govbudget.tables import table_type
from govbudget.writing import fdp_descriptor, fdp_rows


def main() -> None:
    text = resources.files("govbudget").joinpath("samples", "kaiping_2025.txt").read_text("utf-8")
    budget = read_text(text)
    rows = fdp_rows(budget)
    descriptor = fdp_descriptor(budget)
    fields = descriptor["resources"][0]["schema"]["fields"]  # type: ignore[index]
    print(json.dumps([(f["name"], f.get("columnType")) for f in fields], ensure_ascii=False)[:400])
    print(f"{len(rows)} rows; the first: {json.dumps(rows[0], ensure_ascii=False)}")
    parts: dict[str, list[Decimal]] = defaultdict(list)
    for row in rows:
        parts[row["dataset"]].append(Decimal(row["amount"]))
    for dataset, amounts in sorted(parts.items()):
        table = budget.table(table_type(dataset))
        assert table is not None
        printed = table.block("rows").value("total", "total")
        result = agree(printed, amounts)
        verdict = "一致" if result.ok else "不一致"
        print(f"  {dataset}: 叶子合计 {result.expected}，表中合计 {printed}：{verdict}")
        assert result.ok


if __name__ == "__main__":
    main()
