"""Fuzzing the readers with structure-aware mutations of real inputs.

The property of every reader: it returns a result, or raises the library's own error type
(``GovBudgetError``); never anything else. Mutations start from the seed (text and grid
bundle): lines and cells dropped, duplicated, swapped, garbled, digits changed, truncated.
"""

from __future__ import annotations

import contextlib
import json
from importlib import resources
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govbudget import GovBudgetError, check, parse_amount, parse_target, read_bundle, read_text

SEED_TEXT = resources.files("govbudget").joinpath("samples", "kaiping_2025.txt").read_text("utf-8")
SEED_LINES = SEED_TEXT.splitlines()
SEED_BUNDLE: dict[str, Any] = json.loads(
    (Path(__file__).parent / "data" / "seed_bundle.json").read_text("utf-8")
)

GARBAGE = st.sampled_from(
    [
        "",
        "\t",
        "\t\t",
        "abc",
        "\t12.3.4",
        "\t-",
        "注：",
        "合计",
        "\t合 计",
        "１２３",
        "\x00",
        "𠀀",
        "\t" * 30,
    ]
) | st.text(max_size=20)


@st.composite
def mutated_lines(draw: st.DrawFn) -> str:
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(1, 8))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(
            st.sampled_from(["drop", "duplicate", "swap", "garbage", "digit", "truncate"])
        )
        if action == "drop":
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif action == "garbage":
            lines.insert(at, draw(GARBAGE))
        elif action == "digit":
            line = lines[at]
            digits = [i for i, c in enumerate(line) if c.isdigit()]
            if digits:
                i = draw(st.sampled_from(digits))
                lines[at] = line[:i] + draw(st.sampled_from("0123456789.,-")) + line[i + 1 :]
        else:
            lines = lines[:at]
    return "\n".join(lines)


def reads_or_refuses(read: Any, data: Any) -> None:
    try:
        budget = read(data)
    except GovBudgetError:
        return
    check(budget)


FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(mutated_lines())
def test_read_text_never_crashes(text: str) -> None:
    reads_or_refuses(read_text, text)


@st.composite
def mutated_bundle(draw: st.DrawFn) -> dict[str, Any]:
    bundle = json.loads(json.dumps(SEED_BUNDLE))
    tables = bundle["tables"]
    for _ in range(draw(st.integers(1, 6))):
        table = draw(st.sampled_from(tables))
        rows = table["rows"]
        if not rows:
            continue
        at = draw(st.integers(0, len(rows) - 1))
        action = draw(st.sampled_from(["drop-row", "dup-row", "cell", "shorten", "title"]))
        if action == "drop-row":
            del rows[at]
        elif action == "dup-row":
            rows.insert(at, list(rows[at]))
        elif action == "cell" and rows[at]:
            column = draw(st.integers(0, len(rows[at]) - 1))
            rows[at][column] = draw(GARBAGE)
        elif action == "shorten":
            rows[at] = rows[at][: draw(st.integers(0, len(rows[at])))]
        else:
            table["title"] = draw(GARBAGE)
    return bundle  # type: ignore[no-any-return]


@FUZZ
@given(mutated_bundle())
def test_read_bundle_never_crashes(bundle: dict[str, Any]) -> None:
    reads_or_refuses(read_bundle, bundle)


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_parse_amount_returns_or_refuses(text: str) -> None:
    with contextlib.suppress(GovBudgetError):
        parse_amount(text)


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_parse_target_always_reads_and_prints_back(text: str) -> None:
    target = parse_target(text)
    assert parse_target(target.text) == target
