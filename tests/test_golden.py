"""Behaviour kept byte for byte: every golden output (tests/golden.py) is what it was recorded as.

A change of structure (a module moved, two twins made one) must leave every report, rendering
and JSON document as it was; a change of behaviour records the new outputs with
``python tests/golden.py --write`` and says why in its commit.
"""

from __future__ import annotations

import json

import pytest

from golden import GOLDEN, digest, outputs

RECORDED: dict[str, str] = json.loads(GOLDEN.read_text("utf-8"))
PRODUCED = dict(outputs())


def test_every_recorded_output_is_still_produced() -> None:
    assert sorted(RECORDED) == sorted(PRODUCED)


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_the_output_is_byte_identical(name: str) -> None:
    assert digest(PRODUCED[name]) == RECORDED[name], (
        f"{name} changed: `python tests/golden.py --dump DIR` writes it for a diff"
    )


def test_the_golden_outputs_cover_every_kind_of_input() -> None:
    kinds = {name.split("/")[0] for name in RECORDED}
    assert {"seed", "seed-bundle", "cases", "pages", "narratives", "goals", "examples"} <= kinds
    # every corruption of both example disclosures has its report
    assert sum(name.startswith("examples/budget/corruption-") for name in RECORDED) > 100
    assert sum(name.startswith("examples/final/corruption-") for name in RECORDED) > 80
