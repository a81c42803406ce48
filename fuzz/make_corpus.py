"""The seed corpus of the fuzz targets, built from the real inputs govbudget ships and tests.

Run ``.venv/bin/python fuzz/make_corpus.py`` once before fuzzing: it writes
``fuzz/corpus/<target>/seed-*`` (the corpus directories are not kept in git; the fuzzer adds
its own inputs beside the seeds). The seeds, whole and cut into single tables (a small input
runs many times faster):

- the seed text ``src/govbudget/samples/kaiping_2025.txt``, and every grid bundle written out
  as a text dump of the same layout;
- the grid bundles ``tests/data/seed_bundle.json`` and ``tests/data/cases/*.json``;
- the JSON documents of what the readers read from them (``to_json``: budgets, tables, goals);
- every distinct cell of them, for the amount and target parsers.

``tests/test_fuzz.py`` replays the same seeds (:func:`seeds`) through the targets, without
atheris.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "src" / "govbudget" / "samples" / "kaiping_2025.txt"
BUNDLES = [
    ROOT / "tests" / "data" / "seed_bundle.json",
    *sorted((ROOT / "tests" / "data" / "cases").glob("*.json")),
]


def as_text(bundle: dict[str, Any]) -> str:
    """A grid bundle as a text dump: each table its title line, then its rows, each cell a line
    beginning with a tab and a blank line after each row; then the narrative."""
    parts: list[str] = []
    for table in bundle.get("tables", []):
        rows = ["\n".join("\t" + cell for cell in row) for row in table["rows"] if row]
        parts.append(table["title"] + "\n" + "\n\n".join(rows))
    parts.append(bundle.get("narrative", ""))
    return "\n\n".join(parts) + "\n"


def _single_tables(bundle: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for table in bundle.get("tables", []):
        yield {
            "department": bundle.get("department", ""),
            "budget_year": bundle.get("budget_year", 2025),
            "tables": [table],
        }


def _text_tables(text: str) -> Iterator[str]:
    """The seed text cut before each title line: every table on its own, the year line kept."""
    lines = text.split("\n")
    starts = [
        i
        for i, line in enumerate(lines)
        if line
        and not line.startswith("\t")
        and i + 1 < len(lines)
        and lines[i + 1].startswith("\t")
    ]
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        yield "预算年度：2025\n" + "\n".join(lines[start:end])


def seeds() -> dict[str, list[bytes]]:
    """The seed inputs of every target, as bytes."""
    from govbudget import check, read_bundle, read_text
    from govbudget.writing import to_json

    text = SEED_TEXT.read_text("utf-8")
    bundles = [json.loads(path.read_text("utf-8")) for path in BUNDLES]
    texts = [text, *(as_text(bundle) for bundle in bundles), *_text_tables(text)]
    grids = [*bundles, *(single for bundle in bundles for single in _single_tables(bundle))]
    budgets = [read_text(text), *(read_bundle(bundle) for bundle in bundles)]
    documents = [to_json(budget) for budget in budgets]
    documents += [to_json(table) for table in budgets[0].tables]
    documents += [to_json(goal) for goal in budgets[0].project_goals]
    documents.append(to_json(check(budgets[0])))
    cells = sorted(
        {
            cell
            for bundle in bundles
            for table in bundle["tables"]
            for row in table["rows"]
            for cell in row
        }
    )
    return {
        "read_text": [t.encode("utf-8") for t in texts],
        "read_bundle": [json.dumps(b, ensure_ascii=False).encode("utf-8") for b in grids],
        "from_json": [d.encode("utf-8") for d in documents],
        "amounts": [c.encode("utf-8") for c in cells],
    }


def main() -> None:
    for name, inputs in seeds().items():
        directory = ROOT / "fuzz" / "corpus" / name
        directory.mkdir(parents=True, exist_ok=True)
        for data in inputs:
            (directory / f"seed-{hashlib.sha1(data).hexdigest()[:16]}").write_bytes(data)
        print(f"{name}: {len(inputs)} seeds in {directory.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
