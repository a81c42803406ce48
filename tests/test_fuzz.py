"""Fuzzing the readers with structure-aware mutations of real inputs.

The property of every reader: it returns a result, or raises the library's own error type
(``GovBudgetError``); never anything else. Mutations start from the seed (text and grid
bundle): lines and cells dropped, duplicated, swapped, garbled, digits changed, truncated.

The coverage-guided fuzzer (atheris, ``fuzz/``) runs the targets of ``fuzz/targets.py``; here
the same targets replay its seed corpus and every input it ever crashed on
(``fuzz/regressions/<target>/``), without atheris, so CI keeps them fixed. Hostile JSON (deep,
long, huge numbers) is refused early by the limits (``Limits.max_depth``, ``max_chars``).
"""

from __future__ import annotations

import contextlib
import importlib
import json
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govbudget import GovBudgetError, check, parse_amount, read_bundle, read_text, to_json
from govbudget.limits import _json_too_deep
from govbudget.performance import parse_target
from govbudget.reading import LimitError, Limits
from govbudget.writing import JSONError, from_dict, from_json
from govbudget.writing.jsonio import parse_json

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


# The quick profile (CI) runs 60 examples of each mutation property; HYPOTHESIS_PROFILE=thorough
# runs as many as the profile says (5,000).
EXAMPLES = 60 if settings.default.max_examples <= 200 else settings.default.max_examples
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


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


@settings(max_examples=max(300, settings.default.max_examples))
@given(st.text(max_size=40))
def test_parse_amount_returns_or_refuses(text: str) -> None:
    with contextlib.suppress(GovBudgetError):
        parse_amount(text)


@settings(max_examples=max(300, settings.default.max_examples))
@given(st.text(max_size=40))
def test_parse_target_always_reads_and_prints_back(text: str) -> None:
    target = parse_target(text)
    assert parse_target(target.text) == target


# --- the coverage-guided fuzzer's targets, replayed ------------------------------------------

FUZZ_DIR = Path(__file__).resolve().parent.parent / "fuzz"
sys.path.insert(0, str(FUZZ_DIR))
targets = importlib.import_module("targets")
make_corpus = importlib.import_module("make_corpus")
TARGETS: dict[str, Callable[[bytes], None]] = targets.TARGETS


@pytest.fixture(scope="module")
def seeds() -> dict[str, list[bytes]]:
    return make_corpus.seeds()  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_every_seed_of_the_fuzz_corpus_passes_its_target(
    name: str, seeds: dict[str, list[bytes]]
) -> None:
    assert seeds[name], name
    for data in seeds[name]:
        TARGETS[name](data)


REGRESSIONS = sorted((FUZZ_DIR / "regressions").glob("*/*"))


@pytest.mark.parametrize("path", REGRESSIONS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_input_the_fuzzer_crashed_on_passes_its_target(path: Path) -> None:
    TARGETS[path.parent.name](path.read_bytes())


def test_the_regressions_cover_what_the_fuzzer_found() -> None:
    assert {path.parent.name for path in REGRESSIONS} >= {"from_json", "read_text"}


# --- hostile JSON -------------------------------------------------------------------------------


def test_deeply_nested_json_is_refused_before_it_is_parsed() -> None:
    for text in (
        "[" * 100_000,
        '{"a": ' * 100_000,
        '{"tables": ' + "[" * 100_000 + "]" * 100_000 + "}",
    ):
        with pytest.raises(LimitError, match=r"deeper than 100 .*\(Limits.max_depth\)"):
            parse_json(text)
        with pytest.raises(LimitError, match="max_depth"):
            from_json(text)


def test_the_depth_limit_is_configurable_and_counts_no_bracket_in_a_string() -> None:
    with pytest.raises(LimitError, match="deeper than 3 arrays and objects at line 2, column 4"):
        parse_json('{"a":\n [[[1]]]}', limits=Limits(max_depth=3))
    assert parse_json('["[[[[", "\\\\", "\\"[["]', limits=Limits(max_depth=1)) == [
        "[[[[",
        "\\",
        '"[[',
    ]
    assert parse_json("[[[1]]]", limits=Limits(max_depth=3)) == [[[1]]]


def test_an_enormous_json_text_is_refused_by_its_length() -> None:
    document = json.dumps({"type": "BudgetUnit", "version": 1, "name": "x" * 5_000})
    with pytest.raises(LimitError, match=r"the limit is 1000 \(Limits.max_chars\)"):
        from_json(document, limits=Limits(max_chars=1_000))
    assert from_json(document).name == "x" * 5_000  # type: ignore[attr-defined]


def test_a_number_too_long_for_python_is_a_json_error() -> None:
    with pytest.raises(JSONError, match=r"^\$\.a\[1\]: not valid JSON \(a number of 5000 digits"):
        parse_json('{"a": [0, ' + "9" * 5_000 + "]}")


def test_every_document_of_the_seed_reads_within_the_default_limits(seed_text: str) -> None:
    budget = read_text(seed_text)
    assert from_json(to_json(budget)) == budget
    assert from_json(to_json(check(budget))) == check(budget)


def test_deep_python_values_are_refused_by_the_schema_not_by_recursion() -> None:
    deep: list[Any] = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(JSONError, match=r"\$\.name: an array is not a string"):
        from_dict({"type": "BudgetUnit", "version": 1, "name": deep})
    with pytest.raises(GovBudgetError, match=r"tables\[0\]\.rows\[0\]"):
        read_bundle({"tables": [{"title": "t", "rows": [deep]}]})


# --- what the fuzzers found, one test each --------------------------------------------------


def test_a_table_document_listing_a_column_twice_is_a_json_error(seed_text: str) -> None:
    # atheris, from_json: the row reader assumed distinct columns (StopIteration escaped).
    document = json.loads(to_json(read_text(seed_text).basic_expenditure))
    document["columns"] = ["personnel", "total", "total", "public"]
    with pytest.raises(JSONError, match=r"^\$\.columns\[2\]: 'total' is listed twice$"):
        from_dict(document)


def test_a_bundle_whose_table_is_not_an_object_is_a_document_error() -> None:
    # The accounting's mutations: read_bundle raised AttributeError on a table 3 or "x".
    for table in (3, "x", ["部门预算支出总表"], None):
        with pytest.raises(GovBudgetError, match=r"tables\[1\] is not"):
            read_bundle({"tables": [{"title": "t", "rows": []}, table]})


def _depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


_JSON_VALUES = st.recursive(
    st.none() | st.integers() | st.text(alphabet='[]{}"\\ab\n\u4e2d'),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(alphabet='[]{}"\\a', max_size=3), inner, max_size=3)
    ),
    max_leaves=20,
)


@given(
    value=_JSON_VALUES,
    limit=st.integers(min_value=0, max_value=12),
    nesting=st.integers(min_value=0, max_value=14),
)
def test_the_json_depth_guard_measures_the_nesting_json_loads_sees(
    value: object, limit: int, nesting: int
) -> None:
    # Brackets, quotes and backslashes inside strings and keys must not count. The value is
    # wrapped in more arrays (beside a sibling) to go past the guard's removal passes
    # (document._PASSES), after which it counts what is left bracket by bracket.
    for _ in range(nesting):
        value = [value, {"[": []}]
    text = json.dumps(value, ensure_ascii=False)
    assert (_json_too_deep(text, limit) is None) == (_depth(json.loads(text)) <= limit)


@given(text=st.text(alphabet='[]{}"\\a:,'), limit=st.integers(min_value=0, max_value=4))
def test_the_json_depth_guard_takes_any_text(text: str, limit: int) -> None:
    # Unterminated strings and stray escapes included: an offset at an opening bracket, or None.
    offset = _json_too_deep(text, limit)
    assert offset is None or text[offset] in "[{"
