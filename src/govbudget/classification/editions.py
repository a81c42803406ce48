"""The catalogues shipped with govbudget, one folder of CSV files per edition, read lazily.

``data/editions.csv`` lists each edition with the budget years it serves and whether it is
partial; ``data/<edition>/`` holds one CSV per scheme, the department→government economic
mapping and the provenance of every row. Nothing is read until a catalogue is first asked for,
and each file is read once.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Mapping

import attrs

from govbudget.classification.catalogue import Catalogue, Scheme
from govbudget.errors import CatalogueError, UnknownEditionError

__all__ = [
    "Edition",
    "economic_classification",
    "economic_mapping",
    "editions",
    "functional_classification",
]

_SCOPES = {"department": Scheme.ECONOMIC_DEPARTMENT, "government": Scheme.ECONOMIC_GOVERNMENT}


@attrs.frozen(slots=True)
class Edition:
    """One shipped edition: its name (a year) and the budget years it serves."""

    edition: int
    first_year: int
    last_year: int
    partial: bool

    def serves(self, year: int) -> bool:
        """Whether this edition is the one to use for a budget of ``year``."""
        return self.first_year <= year <= self.last_year


def _read(*parts: str) -> str:
    # Imported with the first file read, not with govbudget: importlib.resources brings
    # pathlib, tempfile, zipfile…, which importing govbudget (or checking) does not need.
    from importlib import resources

    return resources.files("govbudget.classification").joinpath("data", *parts).read_text("utf-8")


@functools.cache
def editions() -> tuple[Edition, ...]:
    """The shipped editions, oldest first.

    >>> editions()
    (Edition(edition=2025, first_year=2024, last_year=2026, partial=True),)
    """
    rows = csv.DictReader(io.StringIO(_read("editions.csv")))
    return tuple(
        sorted(
            (
                Edition(
                    int(row["edition"]),
                    int(row["first_year"]),
                    int(row["last_year"]),
                    row["partial"].strip().lower() == "true",
                )
                for row in rows
            ),
            key=lambda edition: edition.edition,
        )
    )


def _edition_for(year: int) -> Edition:
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"a budget year is an int, not {year!r}")
    for edition in editions():
        if edition.serves(year):
            return edition
    served = ", ".join(f"{e.first_year}–{e.last_year}" for e in editions())
    raise UnknownEditionError(
        f"no classification edition is shipped for budget year {year} (shipped: {served}); "
        "load an official edition with Catalogue.from_csv"
    )


@functools.cache
def _sources(edition: int) -> Mapping[Scheme, Mapping[str, tuple[str, ...]]]:
    found: dict[Scheme, dict[str, tuple[str, ...]]] = {scheme: {} for scheme in Scheme}
    for row in csv.DictReader(io.StringIO(_read(str(edition), "provenance.csv"))):
        found[Scheme(row["scheme"])][row["code"]] = tuple(row["source_ids"].split(";"))
    return found


@functools.cache
def _catalogue(scheme: Scheme, year: int) -> Catalogue:
    edition = _edition_for(year)
    text = _read(str(edition.edition), f"{scheme.value}.csv")
    catalogue = Catalogue.from_csv(text, scheme, edition.edition, partial=edition.partial)
    return attrs.evolve(catalogue, sources=_sources(edition.edition)[scheme])


def functional_classification(year: int) -> Catalogue:
    """The functional classification (支出功能分类科目) for a budget year.

    >>> catalogue = functional_classification(2025)
    >>> catalogue["2013704"].name, catalogue["2013704"].level.label
    ('信息安全事务', '项')
    >>> [s.name for s in catalogue.path("2013704")]
    ['一般公共服务支出', '网信事务', '信息安全事务']
    >>> catalogue.partial
    True
    """
    return _catalogue(Scheme.FUNCTIONAL, year)


def economic_classification(year: int, scope: str = "department") -> Catalogue:
    """The economic classification for a budget year.

    ``scope="department"`` gives 部门预算支出经济分类科目 (codes 30x), ``scope="government"``
    gives 政府预算支出经济分类科目 (codes 50x).

    >>> economic_classification(2025)["30239"].name
    '其他交通费用'
    >>> economic_classification(2025, scope="government")["50101"].name
    '工资奖金津补贴'
    """
    try:
        scheme = _SCOPES[scope]
    except KeyError:
        raise CatalogueError(
            f"unknown economic classification scope {scope!r}: 'department' or 'government'"
        ) from None
    return _catalogue(scheme, year)


_MAPPING_UNITS = ("机关", "事业单位")


@functools.cache
def economic_mapping(year: int, unit: str = "机关") -> Mapping[str, str]:
    """The 部门 → 政府 economic cross-walk (30x 款 → 50x 款) known for a budget year.

    The target depends on the kind of unit that spends: ``"机关"`` maps to 501/502,
    ``"事业单位"`` to 505; pensions map to 509 for both. Partial like the catalogues: only the
    pairs a published source states.

    >>> economic_mapping(2025)["30113"], economic_mapping(2025, unit="事业单位")["30113"]
    ('50103', '50501')
    """
    if unit not in _MAPPING_UNITS:
        raise CatalogueError(f"unknown unit kind {unit!r} for the mapping: '机关' or '事业单位'")
    edition = _edition_for(year)
    rows = csv.DictReader(io.StringIO(_read(str(edition.edition), "economic_mapping.csv")))
    mapping: dict[str, str] = {}
    for row in rows:
        # 离退休 rows (509, transfers to households) apply whatever kind of unit pays them.
        if not row["context"].startswith((unit, "离退休")):
            continue
        department, government = row["department_code"], row["government_code"]
        if mapping.setdefault(department, government) != government:
            raise CatalogueError(f"economic mapping gives two targets for {department} ({unit})")
    return mapping
