"""Findings, reports, the rule registry and check()."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest

from govbudget import Finding, Report, Severity, check, rules
from govbudget.checks import Registry, rule
from govbudget.classification import Catalogue, Scheme, Subject
from govbudget.errors import CheckFailedError
from govbudget.findings import Location


def finding(rule_id: str, severity: Severity, table: str = "", row: str = "") -> Finding:
    return Finding(
        rule=rule_id,
        severity=severity,
        title="title",
        message="消息",
        location=Location(table=table or None, row=row or None),
    )


def test_report_orders_errors_first_then_rule_then_location() -> None:
    report = Report(
        [
            finding("T3-B", Severity.INFO),
            finding("T6-SUM-ROWS", Severity.ERROR, "基本支出表", "302"),
            finding("T2-A", Severity.WARNING),
            finding("T6-SUM-ROWS", Severity.ERROR, "基本支出表", "301"),
        ]
    )
    assert [(f.rule, f.location.row) for f in report] == [
        ("T6-SUM-ROWS", "301"),
        ("T6-SUM-ROWS", "302"),
        ("T2-A", None),
        ("T3-B", None),
    ]
    assert report == Report(reversed(report.findings))


def test_counts_ok_and_filters() -> None:
    report = Report(
        [
            finding("T6-SUM-ROWS", Severity.ERROR, "基本支出表"),
            finding("T6-CODE-NAME", Severity.WARNING, "基本支出表"),
            finding("T3-X", Severity.INFO, "支出总表"),
        ]
    )
    assert report.counts == {"error": 1, "warning": 1, "info": 1}
    assert not report.ok
    assert len(report.filter(table="基本支出表")) == 2
    assert report.filter(rule=["T3-X", "T6-CODE-NAME"]).rule_ids() == ("T6-CODE-NAME", "T3-X")
    assert report.filter(severity="error").errors == report.errors
    assert len(report.filter(at_least=Severity.WARNING)) == 2
    assert report.filter(severity=Severity.ERROR, table="支出总表").findings == ()
    assert report.filter(severity="info").ok
    assert len(report + report) == 6


def test_raise_for_errors() -> None:
    clean = Report([finding("T3-X", Severity.WARNING)])
    assert clean.raise_for_errors() is clean
    broken = Report([finding("T6-SUM-ROWS", Severity.ERROR, "基本支出表", "302")])
    with pytest.raises(CheckFailedError, match=r"T6-SUM-ROWS \[基本支出表 / 302\]") as raised:
        broken.raise_for_errors()
    assert raised.value.report is broken


def test_summary_in_chinese() -> None:
    assert Report().summary() == "错误 0 项，警告 0 项，提示 0 项"


def test_findings_and_reports_pickle() -> None:
    report = Report([finding("T6-SUM-ROWS", Severity.ERROR, "基本支出表", "302")])
    assert pickle.loads(pickle.dumps(report)) == report


def test_registry_lists_every_rule_once_with_metadata() -> None:
    ids = [r.id for r in rules()]
    assert len(ids) == len(set(ids))
    for registered in rules():
        assert registered.title
        assert registered.description
        assert isinstance(registered.severity, Severity)
    assert {r.id for r in rules(applies_to=Catalogue)} >= {"CAT-PARENT", "CAT-SIBLING-NAME"}


def test_rule_ids_are_validated_and_unique() -> None:
    with pytest.raises(ValueError, match="form"):
        rule("lower-case", "t", Severity.INFO, applies_to=object, description="d")
    twin = rule("CAT-PARENT", "t", Severity.INFO, applies_to=object, description="d")(
        lambda r, o: ()
    )
    with pytest.raises(ValueError, match="twice"):
        Registry([*rules(), twin])


BROKEN = Catalogue(
    Scheme.FUNCTIONAL,
    2027,
    (Subject("201", "一般公共服务支出"), Subject("2010101", "行政运行")),
)


def test_select_and_ignore_by_id_or_family() -> None:
    assert check(BROKEN).rule_ids() == ("CAT-PARENT",)
    assert check(BROKEN, select=["CAT"]).rule_ids() == ("CAT-PARENT",)
    assert check(BROKEN, select=iter(["CAT-PARENT"])).rule_ids() == ("CAT-PARENT",)
    assert check(BROKEN, ignore=["CAT"]).findings == ()
    assert check(BROKEN, select=["CA"]).findings == ()


def test_check_visits_declared_parts() -> None:
    class Shelf:
        def __init__(self, *catalogues: Catalogue) -> None:
            self.catalogues = catalogues

        def parts(self) -> tuple[Catalogue, ...]:
            return self.catalogues

    report = check(Shelf(BROKEN, BROKEN))
    assert [f.rule for f in report] == ["CAT-PARENT", "CAT-PARENT"]


def test_a_finding_carries_the_compared_figures() -> None:
    from govbudget import agree

    (parent_rule,) = (r for r in rules() if r.id == "CAT-PARENT")
    result = agree(Decimal("12.39"), [Decimal("11.38")])
    made = parent_rule.finding("消息", agreement=result, location=Location(table="t"))
    assert (made.expected, made.actual, made.difference, made.tolerance) == (
        Decimal("11.38"),
        Decimal("12.39"),
        Decimal("1.01"),
        Decimal("0.010"),
    )
    assert made.severity is Severity.ERROR
    assert made.title == parent_rule.title


def test_the_generated_docs_are_up_to_date() -> None:
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "docs" / "gen_docs.py"
    spec = importlib.util.spec_from_file_location("gen_docs", script)
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    pages = generator.pages()
    assert len(pages) >= 6
    for path, text in pages.items():
        assert path.read_text("utf-8") == text, f"{path.name} is stale: run python docs/gen_docs.py"
    for registered in rules():
        assert f"| {registered.id} | {registered.severity.value} |" in pages[generator.RULES_PAGE]


def test_a_user_registry_does_not_leak_into_the_built_in_rules() -> None:
    from govbudget.checks import RULES, Registry

    mine = Registry()

    @mine.rule("USER-ANY", "Any", Severity.INFO, applies_to=Catalogue, description="任意")
    def _any(rule_: object, catalogue: Catalogue) -> list[Finding]:
        return []

    assert [r.id for r in mine.rules()] == ["USER-ANY"]
    assert "USER-ANY" not in [r.id for r in RULES.rules()]
    assert len(RULES.copy().rules()) == len(RULES.rules())
