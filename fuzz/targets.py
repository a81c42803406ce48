"""The fuzz targets of govbudget's readers, and the mutators that keep their inputs well formed.

Every target takes the bytes of one input and checks one property; whatever else it raises is
a crash. The property of every reader: it returns a result, or raises govbudget's own error
(:class:`~govbudget.GovBudgetError`), nothing else. The document readers also keep the
accounting: every figure printed in a table reaches the budget or is named by a finding
(``account_text``, ``account_bundle`` of :mod:`govbudget.reading`).

The targets import no atheris: ``fuzz/fuzz_readers.py`` runs them under the coverage-guided
fuzzer, ``tests/test_fuzz.py`` replays the seed corpus and every regression input through them.
"""

from __future__ import annotations

import contextlib
import json
import random
from collections.abc import Callable
from typing import Any

from govbudget import GovBudgetError, check, parse_amount, read_bundle, read_text
from govbudget.performance import parse_target
from govbudget.reading import account_bundle, account_text
from govbudget.writing import from_json
from govbudget.writing.jsonio import parse_json

__all__ = ["MUTATORS", "TARGETS", "decode"]


class PropertyError(AssertionError):
    """A target's property does not hold (as opposed to an exception escaping a reader)."""


def decode(data: bytes) -> str:
    """The text of an input: UTF-8, undecodable bytes replaced (the readers take ``str``)."""
    return data.decode("utf-8", "replace")


def read_text_target(data: bytes) -> None:
    """``read_text`` returns a budget that ``check`` can check, or raises GovBudgetError; and
    every figure of the text's tables is in the budget or named by a finding."""
    text = decode(data)
    try:
        budget = read_text(text)
    except GovBudgetError:
        return
    check(budget)
    accounting = account_text(text)
    if accounting.lost:
        raise PropertyError(f"figures lost without a finding: {accounting.lost[:3]}")


def read_bundle_target(data: bytes) -> None:
    """A grid bundle (JSON text): ``read_bundle`` returns a budget or raises GovBudgetError,
    and every figure of its tables is in the budget or named by a finding."""
    try:
        bundle = parse_json(decode(data))
        if not isinstance(bundle, dict):
            return
        budget = read_bundle(bundle)
    except GovBudgetError:
        return
    check(budget)
    accounting = account_bundle(bundle)
    if accounting.lost:
        raise PropertyError(f"figures lost without a finding: {accounting.lost[:3]}")


def from_json_target(data: bytes) -> None:
    """``from_json`` returns an object or raises GovBudgetError (JSONError, LimitError)."""
    try:
        from_json(decode(data))
    except GovBudgetError:
        return


def amounts_target(data: bytes) -> None:
    """``parse_amount`` returns a figure or raises GovBudgetError; ``parse_target`` reads any
    text, and reads what it prints back to the same value."""
    text = decode(data)
    with contextlib.suppress(GovBudgetError):
        parse_amount(text)
    target = parse_target(text)
    if parse_target(target.text) != target:
        raise PropertyError(f"parse_target({target.text!r}) does not read back to {target!r}")


TARGETS: dict[str, Callable[[bytes], None]] = {
    "read_text": read_text_target,
    "read_bundle": read_bundle_target,
    "from_json": from_json_target,
    "amounts": amounts_target,
}
"""The targets by name: the name is also the corpus directory (``fuzz/corpus/<name>``)."""


# --- structure-aware mutations ----------------------------------------------------------------
# libFuzzer mutates bytes; a text dump or a JSON document mutated byte by byte soon stops being
# one, and the fuzzer explores the parsers' error paths only. These mutators work on lines, rows
# and cells as the hypothesis tests do, and leave the rest to libFuzzer's own byte mutations.

_GARBAGE = [
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
    "栏次",
    "\t栏次",
    "序号",
    "\t0.00",
    "\t1,234.5",
    "\t99999999999",
    "单位：元",
    "\t单位：万元",
    "预算年度：2025",
    "\t201",
    "\t2010101",
    "\t-3.00",
    "\t100%",
]


def _digit(text: str, rng: random.Random) -> str:
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    if not digits:
        return text
    at = rng.choice(digits)
    return text[:at] + rng.choice("0123456789.,-%") + text[at + 1 :]


def mutate_lines(text: str, rng: random.Random) -> str:
    """Drop, duplicate, swap, garble, re-digit lines; truncate."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        if not lines:
            break
        at = rng.randrange(len(lines))
        action = rng.randrange(7)
        if action == 0:
            del lines[at]
        elif action == 1:
            lines.insert(at, lines[at])
        elif action == 2:
            other = rng.randrange(len(lines))
            lines[at], lines[other] = lines[other], lines[at]
        elif action == 3:
            lines.insert(at, rng.choice(_GARBAGE))
        elif action == 4:
            lines[at] = _digit(lines[at], rng)
        elif action == 5:
            lines = lines[: at + 1]
        else:
            end = min(len(lines), at + rng.randint(1, 12))
            lines[at:end] = []  # a whole row or table
    return "\n".join(lines)


def _rows(document: Any) -> list[list[Any]]:
    """The row lists of a grid bundle, or of any JSON value (a document's lists of values)."""
    found: list[list[Any]] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            found.append(value)
            for item in value:
                walk(item)

    walk(document)
    return found


def mutate_json(document: Any, rng: random.Random) -> Any:
    """Drop, duplicate, swap items of lists; garble, re-digit or retype strings; drop keys."""
    for _ in range(rng.randint(1, 4)):
        lists = [found for found in _rows(document) if found]
        if not lists:
            break
        target = rng.choice(lists)
        at = rng.randrange(len(target))
        action = rng.randrange(8)
        if action == 0:
            del target[at]
        elif action == 1:
            target.insert(at, json.loads(json.dumps(target[at])))
        elif action == 2:
            other = rng.randrange(len(target))
            target[at], target[other] = target[other], target[at]
        elif action == 3:
            target[at] = rng.choice(_GARBAGE).strip("\t") if isinstance(target[at], str) else []
        elif action == 4 and isinstance(target[at], str):
            target[at] = _digit(target[at], rng)
        elif action == 5:
            target[at] = rng.choice([None, 0, 1.5, True, "", [], {}, "0.00", -1, 10**30])
        elif action == 6 and isinstance(target[at], dict) and target[at]:
            del target[at][rng.choice(list(target[at]))]
        elif action == 7 and isinstance(target[at], dict):
            key = rng.choice(list(target[at]) or ["title"])
            target[at][key] = rng.choice(["", "部门预算支出总表", "决算表", 2025, None, []])
    return document


def _text_mutator(
    data: bytes, max_size: int, seed: int, mutate: Callable[[bytes, int], bytes]
) -> bytes:
    rng = random.Random(seed)
    if rng.random() < 0.5:
        result = mutate_lines(decode(data), rng).encode("utf-8")
    else:
        result = mutate(data, max_size)
    return result[:max_size]


def _json_mutator(
    data: bytes, max_size: int, seed: int, mutate: Callable[[bytes, int], bytes]
) -> bytes:
    rng = random.Random(seed)
    if rng.random() < 0.6:
        try:
            document = json.loads(decode(data))
        except (ValueError, RecursionError):
            document = None
        if document is not None:
            result = json.dumps(mutate_json(document, rng), ensure_ascii=False).encode("utf-8")
            if len(result) <= max_size:
                return result
    return mutate(data, max_size)


MUTATORS: dict[str, Callable[[bytes, int, int, Callable[[bytes, int], bytes]], bytes]] = {
    "read_text": _text_mutator,
    "read_bundle": _json_mutator,
    "from_json": _json_mutator,
}
"""Custom mutators by target (``(data, max_size, seed, byte_mutate) -> data``); a target without
one gets libFuzzer's byte mutations only."""
