"""A whole disclosure or a part of one: what the reader decides, what ``check`` runs on each,
and how a user overrides it (``check(scope=…)``, ``govbudget check --scope``), with
``--select`` and ``--ignore`` beside it.

A part is a real page: the "三公" page of 怀远县水利局 (tests/data/cases/pages, 安徽), one table and
its explanation. Read as a part it is spared the nine-tables rule; read as whole it is not.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import attrs
from hypothesis import given, settings

from govbudget import check, read_bundle, read_text, rules
from govbudget.disclosure import DepartmentBudget, DepartmentFinalAccounts, Scope
from govbudget.strategies import budgets, final_accounts

DATA = Path(__file__).resolve().parent / "data"
PAGE = DATA / "cases" / "pages" / "anhui-huaiyuan-water-bureau-2025" / "bundle.json"
WHOLE_ONLY = {"DOC-TABLES", "DOC-AGENCY-COSTS", "DOCF-TABLES"}


def page() -> dict[str, object]:
    loaded: dict[str, object] = json.loads(PAGE.read_text("utf-8"))
    return loaded


def ids(report: object) -> list[str]:
    return [finding.rule for finding in report]  # type: ignore[attr-defined]


def test_the_whole_only_rules_are_declared_so() -> None:
    assert {r.id for r in rules() if r.whole_only} == WHOLE_ONLY


def test_a_three_public_page_is_read_and_checked_as_a_part() -> None:
    budget = read_bundle(page())
    assert budget.scope is Scope.PART
    report = check(budget)
    assert not WHOLE_ONLY & set(ids(report))
    (note,) = [f for f in report if f.rule == "DOC-PART"]
    assert note.severity.value == "info"
    assert note.message.startswith("本文档是部门预算公开的一部分，含：")
    assert "情况说明" in note.message and "DOC-TABLES、DOC-AGENCY-COSTS" in note.message


def test_the_same_page_checked_as_whole_misses_its_tables() -> None:
    report = check(read_bundle(page()), scope=Scope.WHOLE)
    assert ids(report).count("DOC-TABLES") >= 8
    assert "DOC-PART" not in ids(report)


def test_a_bundle_says_what_it_holds() -> None:
    whole = read_bundle({**page(), "scope": "whole"})
    assert whole.scope is Scope.WHOLE and "DOC-TABLES" in ids(check(whole))


def test_the_seed_is_whole_and_its_report_unchanged(seed_text: str) -> None:
    read = read_text(seed_text)
    assert read.scope is Scope.WHOLE
    assert check(read) == check(attrs.evolve(read, scope=None))


def test_one_table_that_presents_itself_as_the_disclosure_is_whole() -> None:
    seed: dict[str, object] = json.loads((DATA / "seed_bundle.json").read_text("utf-8"))
    one = {**seed, "tables": seed["tables"][:1], "narrative": ""}  # type: ignore[index]
    assert read_bundle(one).scope is Scope.PART
    presented = {**one, "narrative": "中共唐山市开平区委网信办2025年部门预算公开"}
    assert read_bundle(presented).scope is Scope.WHOLE


def test_an_explanation_alone_is_a_part_whatever_its_heading_says() -> None:
    text = "2025年部门预算公开\n一、收入预算\n2025年预算收入283.61万元。\n"
    assert read_text(text, year=2025, department="某局").scope is Scope.PART


def test_a_budget_built_in_code_is_whole() -> None:
    empty = DepartmentBudget("某局", 2025)
    assert empty.is_whole and ids(check(empty)).count("DOC-TABLES") == 9


def test_a_part_without_a_three_public_statement_is_not_asked_for_one() -> None:
    part = DepartmentBudget("某局", 2025, scope=Scope.PART)
    assert ids(check(part)) == ["DOC-PART"]
    assert "DOC-THREE-PUBLIC" in ids(check(part, scope=Scope.WHOLE))


@settings(max_examples=15, deadline=None)
@given(budgets())
def test_a_part_gets_the_whole_report_less_the_whole_only_rules(budget: DepartmentBudget) -> None:
    whole, part = check(budget, scope=Scope.WHOLE), check(budget, scope=Scope.PART)
    kept = [f for f in whole if f.rule not in WHOLE_ONLY and f.rule != "DOC-THREE-PUBLIC"]
    assert [f for f in part if f.rule not in ("DOC-PART", "DOC-THREE-PUBLIC")] == kept
    assert ids(part).count("DOC-PART") == 1


@settings(max_examples=5, deadline=None)
@given(final_accounts())
def test_final_accounts_as_a_part(accounts: DepartmentFinalAccounts) -> None:
    part = check(accounts, scope=Scope.PART)
    assert "DOCF-TABLES" not in ids(part) and ids(part).count("DOC-PART") == 1


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govbudget", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_the_command_line_selects_ignores_and_scopes() -> None:
    as_part = run("check", PAGE, "--format", "json", "--select", "DOC")
    assert as_part.returncode == 0, as_part.stderr
    assert [f["rule"] for f in json.loads(as_part.stdout)["findings"]] == ["DOC-PART"]
    as_whole = run("check", PAGE, "--format", "json", "--scope", "whole", "--select", "DOC,READ")
    found = [f["rule"] for f in json.loads(as_whole.stdout)["findings"]]
    assert as_whole.returncode == 1 and "DOC-TABLES" in found and "DOC-PART" not in found
    ignored = run("check", PAGE, "--format", "json", "--scope", "whole", "--select", "DOC")
    ignored_more = run(
        "check", PAGE, "--format", "json", "--scope", "whole", "--select", "DOC",
        "--ignore", "DOC-TABLES", "--ignore", "doc-agency-costs",
    )  # fmt: skip
    left = {f["rule"] for f in json.loads(ignored_more.stdout)["findings"]}
    assert left == {f["rule"] for f in json.loads(ignored.stdout)["findings"]} - WHOLE_ONLY


def test_an_unknown_rule_is_a_usage_error() -> None:
    result = run("check", "--select", "T6,NOPE")
    assert result.returncode == 2
    assert "no rule is NOPE or starts with NOPE-" in result.stderr


def test_a_table_the_reader_could_not_read_is_not_called_missing() -> None:
    """The seed's "三公" table under a title and rows nothing recognises: the reader says it
    could not read a table (READ-TABLE, an error); DOC-TABLES says only that 表9 was not read
    and may be that table (a warning), not that the department failed to publish it."""
    bundle = json.loads((DATA / "seed_bundle.json").read_text("utf-8"))
    for table in bundle["tables"]:
        if "三公" in table["title"]:
            table["title"], table["rows"] = "某某统计表", [["项目", "金额"], ["甲", "2.00"]]
    report = check(read_bundle(bundle), select=["DOC-TABLES", "READ-TABLE"])
    assert [(f.rule, f.severity.value) for f in report] == [
        ("READ-TABLE", "error"),
        ("DOC-TABLES", "warning"),
    ]
    assert report[1].message.startswith("未读到财政拨款“三公”经费支出表（表9）：文件中有 1 张表")
    intact = json.loads((DATA / "seed_bundle.json").read_text("utf-8"))
    intact["tables"] = [t for t in intact["tables"] if "三公" not in t["title"]]
    (missing,) = check(read_bundle(intact), select=["DOC-TABLES"])
    assert (missing.severity.value, missing.message[:3]) == ("error", "未公开")


def test_an_item_in_a_sentence_the_reader_could_not_read_is_not_called_missing() -> None:
    """百色, 2024: "因公出国(境)经费费62万元" (a misprinted label) is reported by READ-FACT; the
    "三公" statement then says that sentence was not read, as a warning, not that the item is
    missing."""
    page = DATA / "pages" / "guangxi-baise-2024-text" / "bundle.json"
    report = check(read_bundle(json.loads(page.read_text("utf-8"))), select=["DOC-THREE-PUBLIC"])
    messages = [(f.severity.value, f.message) for f in report]
    assert (
        "warning",
        "“三公”经费说明中写到因公出国（境）费的句子未能读入（见 READ-FACT），未核对",
    ) in (messages)
    assert not any("未列明" in message for _severity, message in messages)
