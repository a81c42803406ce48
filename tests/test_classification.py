"""Classification catalogues: the shipped editions, lookups, loading an official edition."""

from __future__ import annotations

import itertools
import pickle
import re

import pytest

from govbudget import check, economic_classification, functional_classification
from govbudget.classification import (
    Catalogue,
    Level,
    Scheme,
    Subject,
    economic_mapping,
    editions,
    normalize_name,
)
from govbudget.errors import CatalogueError, UnknownCodeError, UnknownEditionError

CODE = re.compile(r"\d{3}(?:\d{2}){0,2}")
ORDINAL = re.compile(r"^[一二三四五六七八九十]+、")


def printed_codes(text: str) -> list[tuple[str, str]]:
    """Every (code, name) pair printed in a table row of the seed's text dump."""
    cells = [line.strip() for line in text.splitlines() if line.startswith("\t")]
    return [
        (cell, following)
        for cell, following in itertools.pairwise(cells)
        if CODE.fullmatch(cell) and following and not following[0].isdigit()
    ]


def test_every_code_printed_in_the_seed_resolves_to_its_printed_name(seed_text: str) -> None:
    pairs = printed_codes(seed_text)
    functional = functional_classification(2025)
    economic = economic_classification(2025)
    assert len(pairs) == 49  # 11 functional codes in each of tables 2, 3 and 5; 16 economic
    for code, name in pairs:
        catalogue = economic if code.startswith("3") else functional
        assert catalogue.lookup(code).name == name, code


def test_every_class_named_in_the_seed_summary_is_known_by_name(seed_text: str) -> None:
    summary = seed_text.split("部门预算收入总表")[0]
    names = [
        ORDINAL.sub("", line.strip())
        for line in summary.splitlines()
        if ORDINAL.match(line.strip())
    ]
    not_classes = {"一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入"}
    not_classes |= {"财政专户管理资金收入", "单位资金", "人行科目"}
    names = [name for name in names if name not in not_classes]
    assert len(names) == 30  # 一 to 三十; 三十一、人行科目 has no known code
    classes = functional_classification(2025)
    for name in names:
        (subject,) = classes.by_name(name)
        assert subject.level is Level.CLASS


def test_shipped_sizes_match_the_sources() -> None:
    functional = functional_classification(2025)
    by_level = [sum(1 for s in functional.subjects if s.level is level) for level in Level]
    assert by_level == [30, 42, 75]
    economic = economic_classification(2025)
    assert (len(economic), len(economic.roots())) == (100, 9)
    assert len(economic_classification(2025, scope="government")) == 15


@pytest.mark.parametrize(
    "catalogue",
    [
        functional_classification(2025),
        economic_classification(2025),
        economic_classification(2025, scope="government"),
    ],
    ids=["functional", "department", "government"],
)
def test_shipped_catalogues_pass_the_catalogue_rules(catalogue: Catalogue) -> None:
    report = check(catalogue)
    assert report.ok and len(report) == 0, report


def test_get_and_lookup() -> None:
    catalogue = functional_classification(2025)
    assert catalogue.get("9999999") is None
    with pytest.raises(UnknownCodeError, match=r"9999999.*partial"):
        catalogue.lookup("9999999")
    with pytest.raises(KeyError):
        catalogue["9999999"]
    assert "2013701" in catalogue and "9999999" not in catalogue


def test_tree_navigation() -> None:
    catalogue = functional_classification(2025)
    assert [s.code for s in catalogue.children("20137")] == ["2013701", "2013702", "2013704"]
    assert catalogue.parent_of("2013701") == catalogue["20137"]
    assert catalogue.parent_of("201") is None
    assert [s.code for s in catalogue.ancestors("2013701")] == ["201", "20137"]
    assert [s.name for s in catalogue.path("2101101")] == [
        "卫生健康支出",
        "行政事业单位医疗",
        "行政单位医疗",
    ]
    assert catalogue.children("2013701") == ()


def test_iteration_is_in_code_order_and_depth_first() -> None:
    codes = list(functional_classification(2025))
    assert codes == sorted(codes)
    assert codes.index("201") < codes.index("20137") < codes.index("2013701") < codes.index("204")


def test_names_repeat_and_by_name_finds_them_all() -> None:
    found = functional_classification(2025).by_name("行政运行")
    assert len(found) > 3 and all(s.code.endswith("01") for s in found)


def test_by_name_tolerates_parenthesis_width() -> None:
    economic = economic_classification(2025)
    (subject,) = economic.by_name("因公出国(境)费用")
    assert subject.code == "30212" and subject.name == "因公出国（境）费用"
    assert normalize_name("上解上级     支出") == "上解上级支出"


def test_economic_scope_is_checked() -> None:
    with pytest.raises(CatalogueError, match="scope"):
        economic_classification(2025, scope="unit")


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_the_edition_serves_the_years_of_its_documents(year: int) -> None:
    assert functional_classification(year).edition == 2025


def test_no_edition_for_other_years() -> None:
    with pytest.raises(UnknownEditionError, match=r"2019.*2024–2026"):
        functional_classification(2019)
    assert [e.edition for e in editions()] == [2025]


def test_economic_mapping_depends_on_the_kind_of_unit() -> None:
    assert economic_mapping(2025)["30228"] == "50201"
    assert economic_mapping(2025, unit="事业单位")["30228"] == "50502"
    assert economic_mapping(2025)["30302"] == economic_mapping(2025, unit="事业单位")["30302"]
    government = economic_classification(2025, scope="government")
    department = economic_classification(2025)
    for unit in ("机关", "事业单位"):
        for source, target in economic_mapping(2025, unit=unit).items():
            assert source in department and target in government


def test_sources_of_a_code() -> None:
    assert "seed_kaiping2025" in functional_classification(2025).sources["20137"]


def test_subject_refuses_malformed_codes() -> None:
    with pytest.raises(CatalogueError, match="digits"):
        Subject("20A37", "网信事务")
    with pytest.raises(CatalogueError, match="3, 5 or 7"):
        Subject("2013", "网信事务")
    with pytest.raises(CatalogueError, match="level"):
        Subject("20137", "网信事务", Level.CLASS)
    with pytest.raises(CatalogueError, match="parent"):
        Subject("20137", "网信事务", Level.SECTION, "202")
    with pytest.raises(CatalogueError, match="empty name"):
        Subject("20137", " ")


def test_economic_catalogue_refuses_item_level() -> None:
    with pytest.raises(CatalogueError, match="deeper"):
        Catalogue(Scheme.ECONOMIC_DEPARTMENT, 2025, (Subject("3010101", "x"),))


OFFICIAL = """code,name,level,parent_code
201,一般公共服务支出,1,
20101,人大事务,2,201
2010101,行政运行,3,20101
2010102,一般行政管理事务,3,20101
"""


def test_load_an_official_edition_from_csv_text() -> None:
    catalogue = Catalogue.from_csv(OFFICIAL, Scheme.FUNCTIONAL, 2027)
    assert catalogue.edition == 2027 and not catalogue.partial
    assert catalogue.lookup("2010102").name == "一般行政管理事务"
    with pytest.raises(UnknownCodeError) as raised:
        catalogue.lookup("2010103")
    assert "partial" not in str(raised.value)


def test_csv_errors_name_the_line() -> None:
    with pytest.raises(CatalogueError, match="line 3"):
        Catalogue.from_csv(
            OFFICIAL.replace("20101,人大事务,2,201", "20101,人大事务,3,201"),
            Scheme.FUNCTIONAL,
            2027,
        )
    with pytest.raises(CatalogueError, match="twice"):
        Catalogue.from_csv(OFFICIAL + "20101,人大事务,2,201\n", Scheme.FUNCTIONAL, 2027)
    with pytest.raises(CatalogueError, match="columns"):
        Catalogue.from_csv("code,title\n201,x\n", Scheme.FUNCTIONAL, 2027)


def test_catalogue_rules_fire_on_a_broken_edition() -> None:
    broken = Catalogue.from_csv(
        "code,name,level,parent_code\n201,一般公共服务支出,1,\n2010101,行政运行,3,20101\n"
        "20102,政协事务,2,201\n20103,政协事务,2,201\n",
        Scheme.FUNCTIONAL,
        2027,
    )
    report = check(broken)
    assert [(f.rule, f.location.row) for f in report] == [
        ("CAT-PARENT", "2010101"),
        ("CAT-SIBLING-NAME", "20103"),
    ]
    assert "20101 不在目录中" in report[0].message
    assert not report.ok


def test_catalogues_pickle() -> None:
    catalogue = functional_classification(2025)
    copy = pickle.loads(pickle.dumps(catalogue))
    assert copy == catalogue and copy["20137"] == catalogue["20137"]
