"""Traditional script (a site's 繁體 copy of a page) is read as the simplified page it copies."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import DepartmentBudget, read_bundle
from govbudget.characters import fold
from govbudget.characters.folding import _table
from govbudget.reading import read_facts, read_final_facts
from govbudget.writing.jsonio import to_dict

PAGES = Path(__file__).parent / "data" / "pages"


def gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


SIMPLIFIED = st.characters(codec="gb2312", min_codepoint=0x4E00, max_codepoint=0x9FFF)


@given(st.text(SIMPLIFIED | st.sampled_from("，。、（）%0123456789万元 ")))
def test_folding_never_changes_a_simplified_text(text: str) -> None:
    assert fold(text) == unicodedata.normalize("NFKC", text)


def test_no_folded_character_is_a_simplified_one() -> None:
    assert not [chr(code) for code in _table() if gb2312(chr(code))]


# A traditional rendering of a simplified text: each character with a traditional form that
# folds back to it, as a 简繁 conversion gives it.
TRADITIONAL = {ord(simplified): chr(code) for code, simplified in sorted(_table().items())}


def traditional(text: str) -> str:
    return text.translate(TRADITIONAL)


def narrated_pages() -> list[str]:
    names = []
    for page in sorted(PAGES.iterdir()):
        bundle = json.loads((page / "bundle.json").read_text("utf-8"))
        if bundle.get("narrative"):
            names.append(page.name)
    return names


def folded(value: object) -> object:
    """Facts as JSON, their texts folded and their quotes left out: what a reader keeps of the
    page (reasons, quotes) is kept as printed, in the page's script."""
    if isinstance(value, str):
        return fold(value)
    if isinstance(value, list):
        return [folded(each) for each in value]
    if isinstance(value, dict):
        return {key: folded(each) for key, each in value.items() if key != "quotes"}
    return value


@pytest.mark.parametrize("name", narrated_pages())
def test_a_real_page_in_traditional_script_reads_as_in_simplified(name: str) -> None:
    bundle = json.loads((PAGES / name / "bundle.json").read_text("utf-8"))
    read = read_final_facts if bundle.get("kind") == "final_accounts" else read_facts
    simplified = read(bundle["narrative"], year=bundle.get("budget_year"))
    copied = read(traditional(bundle["narrative"]), year=bundle.get("budget_year"))
    assert folded(to_dict(copied.facts)) == folded(to_dict(simplified.facts))
    # Where a finding quotes the page (a placeholder's row), it quotes it as printed.
    assert [(f.rule, fold(f.location.row or "")) for f in copied.findings] == [
        (f.rule, fold(f.location.row or "")) for f in simplified.findings
    ]


def test_a_table_in_traditional_script_is_recognised_and_read() -> None:
    # 南通市国资委 2016 "三公" budget, its title, headers and labels in traditional script.
    bundle = json.loads((PAGES / "jiangsu-nantong-sasac-2016" / "bundle.json").read_text("utf-8"))
    copied = {
        **bundle,
        "tables": [
            {
                "title": traditional(t["title"]),
                "rows": [[traditional(c) for c in row] for row in t["rows"]],
            }
            for t in bundle["tables"]
        ],
    }
    original, read = read_bundle(bundle), read_bundle(copied)
    assert isinstance(read, DepartmentBudget) and isinstance(original, DepartmentBudget)
    assert [type(t) for t in read.tables] == [type(t) for t in original.tables]
    assert [[r.values for r in t.rows] for t in read.tables] == [
        [r.values for r in t.rows] for t in original.tables
    ]
    # Labels are kept as printed, in the script of the page.
    assert read.tables[0].rows[0].label != original.tables[0].rows[0].label


def test_inserted_pronunciations_are_left_out() -> None:
    # 湛江 (a mirror's copy): "經(jīng)費", "萬(wàn)元".
    reading = read_facts("2017年“三公”經(jīng)費(fèi)支出合計35萬(wàn)元。", year=2017)
    assert reading.facts.three_public_total == 35
