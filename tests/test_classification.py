"""Classification catalogues: the shipped editions, lookups, loading an official edition."""

from __future__ import annotations

import csv
import io
import itertools
import pickle
import re
from collections.abc import Iterable
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import check, economic_classification, functional_classification
from govbudget.classification import (
    Catalogue,
    Level,
    Observation,
    ObservedCatalogue,
    ObservedName,
    Scheme,
    Subject,
    economic_mapping,
    editions,
    known_subject,
    normalize_name,
    observed_classification,
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


# --- the codes observed in real documents ----------------------------------------------------


def edition_of(scheme: Scheme) -> Catalogue:
    if scheme is Scheme.FUNCTIONAL:
        return functional_classification(2025)
    return economic_classification(2025, scope=scheme.value.removeprefix("economic_"))


OBSERVATIONS = [o for scheme in Scheme for o in observed_classification(scheme).values()]


def shipped_rows() -> list[dict[str, str]]:
    data = resources.files("govbudget.classification").joinpath("data", "observed")
    return list(csv.DictReader(io.StringIO(data.joinpath("catalogue_observed.csv").read_text())))


def test_observed_sizes_match_the_sources() -> None:
    # The shared data's 698 rows, less 510 (its name is words of a sentence, see SOURCES.md)
    # and the 13 rows that restate the partial edition.
    assert len(shipped_rows()) == 697
    by_level = {
        scheme: [
            sum(o.subject.level is level for o in observed_classification(scheme).values())
            for level in Level
        ]
        for scheme in Scheme
    }
    assert by_level == {
        Scheme.FUNCTIONAL: [25, 124, 385],
        Scheme.ECONOMIC_DEPARTMENT: [10, 99, 8],
        Scheme.ECONOMIC_GOVERNMENT: [5, 28, 0],
    }


def test_rows_restating_the_edition_are_in_it_and_are_not_observations() -> None:
    restated = [row for row in shipped_rows() if row["edition"] == "shared partial catalogue only"]
    assert len(restated) == 13
    for row in restated:
        scheme = Scheme(row["scheme"])
        assert edition_of(scheme)[row["code"]].name == row["name"]
        assert row["code"] not in observed_classification(scheme)


def test_the_edition_and_the_observations_disagree_on_one_name() -> None:
    # The edition has 2111101 from one final accounts (石泉路街道 2025); three 2026 budgets print
    # 生态环境监测与信息, the name of 2111101 in the editions since 污染减排 was split up.
    differ = [
        (scheme.value, code)
        for scheme in Scheme
        for code, subject in edition_of(scheme).items()
        if code in observed_classification(scheme)
        and observed_classification(scheme)[code].subject.name != subject.name
    ]
    assert differ == [("functional", "2111101")]
    assert known_subject(Scheme.FUNCTIONAL, "2111101", 2026).accepts("生态环境监测与信息")
    assert known_subject(Scheme.FUNCTIONAL, "2111101", 2026).accepts("减排专项支出")


def test_every_observed_parent_is_known_but_five_of_the_government_scheme() -> None:
    orphans = [
        o.subject.code
        for o in OBSERVATIONS
        if o.subject.parent is not None
        and o.subject.parent not in observed_classification(o.scheme)
        and o.subject.parent not in edition_of(o.scheme)
    ]
    # No document printed the 类 506, 507 or 510 above these 款 (SOURCES.md, Gaps).
    assert orphans == ["50601", "50602", "50701", "50799", "51002"]


def test_a_code_only_observed_says_where_it_comes_from() -> None:
    found = known_subject(Scheme.FUNCTIONAL, "2010350", 2025)
    assert found is not None and not found.official and found.edition is None
    assert found.subject == Subject("2010350", "事业运行")
    assert found.observation is not None
    assert (found.observation.label, found.observation.documents) == ("observed 2026-2026", 7)
    official = known_subject(Scheme.FUNCTIONAL, "20103", 2025)
    assert official is not None and official.official and official.edition == 2025
    with pytest.raises(UnknownCodeError, match="observed in real documents"):
        observed_classification(Scheme.FUNCTIONAL).lookup("2130101")


@pytest.mark.parametrize(
    ("code", "known", "unknown"),
    [
        # printed in 2026 budgets: known for every year the 2025 edition serves, no other
        ("2010350", [2024, 2025, 2026], [2023, 2027]),
        # printed only in 2017–2019 (a 项 since removed): known then, not in 2024–2026
        ("2080504", [2017, 2018, 2019], [2016, 2020, 2024, 2025, 2026]),
    ],
)
def test_an_observation_is_known_for_the_years_it_vouches_for(
    code: str, known: list[int], unknown: list[int]
) -> None:
    assert all(known_subject(Scheme.FUNCTIONAL, code, year) for year in known)
    assert not any(known_subject(Scheme.FUNCTIONAL, code, year) for year in unknown)


def test_the_renamed_20805_is_known_by_both_names_with_their_years() -> None:
    observation = observed_classification(Scheme.FUNCTIONAL)["20805"]
    assert [(n.name, n.first_year, n.last_year) for n in observation.names] == [
        ("行政事业单位养老支出", 2023, 2026),
        ("行政事业单位离退休", 2017, 2019),
    ]
    now = known_subject(Scheme.FUNCTIONAL, "20805", 2025)
    assert now is not None and now.official
    assert now.accepts("行政事业单位养老支出") and not now.accepts("行政事业单位离退休")
    then = known_subject(Scheme.FUNCTIONAL, "20805", 2018)
    assert then is not None and not then.official  # (no edition is shipped for 2018)
    assert then.accepts("行政事业单位离退休") and not then.accepts("行政事业单位养老支出")
    assert known_subject(Scheme.FUNCTIONAL, "20805", 2021) is None  # printed under no name


def test_an_alternative_name_without_years_is_a_name_whenever_the_code_is_known() -> None:
    # 3010202 其他津补贴 is printed 改革性补贴 too; the evidence does not say when.
    (other,) = observed_classification(Scheme.ECONOMIC_DEPARTMENT)["3010202"].alternatives
    assert other == ObservedName("改革性补贴")
    found = known_subject(Scheme.ECONOMIC_DEPARTMENT, "3010202", 2024)
    assert found is not None and found.accepts("改革性补贴") and found.accepts("其他津补贴")
    assert not found.accepts("津贴补贴")  # (the other 项's alternative name)


def test_names_that_are_not_names_of_their_code_are_not_shipped() -> None:
    economic = observed_classification(Scheme.ECONOMIC_DEPARTMENT)
    assert economic["30208"].named("物业管理费") is None  # the name of 30209
    assert economic["309"].alternatives == ()
    assert observed_classification(Scheme.FUNCTIONAL)["2014004"].alternatives == ()
    assert "510" not in observed_classification(Scheme.ECONOMIC_GOVERNMENT)


@given(st.sampled_from(OBSERVATIONS), st.integers(2010, 2035))
def test_an_observation_vouches_for_its_years_and_for_whole_editions(
    observation: Observation, year: int
) -> None:
    spans = [(n.first_year, n.last_year) for n in observation.names if n.first_year is not None]
    if any(first <= year <= last for first, last in spans):
        assert observation.vouches_for(year)
    vouched = observation.vouches_for(year)
    for edition in editions():
        if edition.serves(year):
            same = range(edition.first_year, edition.last_year + 1)
            assert all(observation.vouches_for(other) == vouched for other in same)
    found = known_subject(observation.scheme, observation.subject.code, year)
    assert (found is not None and found.observation == observation) == vouched
    if found is not None:
        in_edition = observation.subject.code in edition_of(observation.scheme)
        assert found.official == (in_edition and year in range(2024, 2027))
        assert any(found.accepts(name.name) for name in observation.names)


def observed_csv(observations: Iterable[Observation]) -> tuple[str, str]:
    """Observations as the two CSV texts the loader reads: the catalogue, and the evidence of
    the alternative names (a document at each end of their years)."""
    catalogue, evidence = io.StringIO(), io.StringIO()
    rows, variants = csv.writer(catalogue), csv.writer(evidence)
    rows.writerow(["code", "name", "level", "parent", "edition", "scheme", "n_docs", "alt_names"])
    variants.writerow(["code", "name", "year", "scheme"])
    for o in observations:
        s = o.subject
        alternatives = "|".join(a.name for a in o.alternatives)
        level, parent = int(s.level), s.parent or ""
        rows.writerow(
            [s.code, s.name, level, parent, o.label, o.scheme.value, o.documents, alternatives]
        )
        for a in o.alternatives:
            for year in sorted({a.first_year, a.last_year} - {None}):
                variants.writerow([s.code, a.name, year, o.scheme.value])
    return catalogue.getvalue(), evidence.getvalue()


@given(
    st.lists(st.sampled_from(OBSERVATIONS), unique_by=lambda o: (o.scheme, o.subject.code)),
    st.sampled_from(Scheme),
)
def test_the_loader_round_trips(observations: list[Observation], scheme: Scheme) -> None:
    text, variants = observed_csv(observations)
    loaded = ObservedCatalogue.from_csv(text, scheme, variants=variants)
    assert loaded == ObservedCatalogue(scheme, tuple(o for o in observations if o.scheme is scheme))


def test_the_shipped_files_load_as_they_are_written() -> None:
    text, variants = observed_csv(OBSERVATIONS)
    for scheme in Scheme:
        assert ObservedCatalogue.from_csv(text, scheme, variants=variants) == (
            observed_classification(scheme)
        )


OBSERVED = """code,name,level,parent,edition,scheme,n_docs,alt_names
208,社会保障和就业支出,1,,observed 2017-2026,functional,188,
20805,行政事业单位养老支出,2,208,observed 2023-2026,functional,178,行政事业单位离退休
"""


def test_observed_csv_errors_name_the_line() -> None:
    with pytest.raises(CatalogueError, match=r"line 3 .*'observed YYYY-YYYY'"):
        ObservedCatalogue.from_csv(OBSERVED.replace("2023-2026", "2023"), Scheme.FUNCTIONAL)
    with pytest.raises(CatalogueError, match=r"line 2 .*scheme 'fiscal'"):
        ObservedCatalogue.from_csv(OBSERVED.replace("functional", "fiscal", 1), Scheme.FUNCTIONAL)
    with pytest.raises(CatalogueError, match=r"line 3 .*parent"):
        ObservedCatalogue.from_csv(OBSERVED.replace(",208,", ",209,"), Scheme.FUNCTIONAL)
    with pytest.raises(CatalogueError, match=r"line 3 .*not a span"):
        ObservedCatalogue.from_csv(OBSERVED.replace("2023-2026", "2026-2023"), Scheme.FUNCTIONAL)
    with pytest.raises(CatalogueError, match=r"line 3 .*0 documents"):
        ObservedCatalogue.from_csv(OBSERVED.replace(",178,", ",0,"), Scheme.FUNCTIONAL)
    with pytest.raises(CatalogueError, match="twice"):
        ObservedCatalogue.from_csv(OBSERVED + OBSERVED.splitlines()[2] + "\n", Scheme.FUNCTIONAL)
    with pytest.raises(CatalogueError, match="columns"):
        ObservedCatalogue.from_csv("code,name\n201,x\n", Scheme.FUNCTIONAL)
    with pytest.raises(CatalogueError, match=r"line 4 .*scheme ''"):
        ObservedCatalogue.from_csv(OBSERVED + "20806,企业改革补助,2,208\n", Scheme.FUNCTIONAL)
    stray = "code,name,year,scheme\n20805,行政事业单位离退休,2018,functional\n20805,离退,2018,functional\n"
    with pytest.raises(CatalogueError, match="line 3 of the variant names CSV"):
        ObservedCatalogue.from_csv(OBSERVED, Scheme.FUNCTIONAL, variants=stray)
    with pytest.raises(CatalogueError, match=r"line 2 of the variant names CSV.*year"):
        ObservedCatalogue.from_csv(
            OBSERVED, Scheme.FUNCTIONAL, variants=stray.replace("2018", "x", 1)
        )


def test_observations_pickle() -> None:
    observed = observed_classification(Scheme.FUNCTIONAL)
    assert pickle.loads(pickle.dumps(observed)) == observed
    found = known_subject(Scheme.FUNCTIONAL, "2010350", 2025)
    assert pickle.loads(pickle.dumps(found)) == found
