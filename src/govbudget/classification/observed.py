"""Codes observed in real documents: a second source of subjects, beside the official editions.

No complete official edition is shipped, so a code that departments really use may be missing
from the catalogue of its year. ``data/observed/`` holds the code–name pairs printed in at least
two real documents, with the years of those documents, how many there are and the other names
printed for a code (its ``SOURCES.md`` says where they come from). An observation says what
documents print, not what the Ministry of Finance published: it is weaker evidence than an
edition, and a message that relies on it says so (:data:`OBSERVED_NOTE`).

:func:`known_subject` asks both sources for a code of a budget year and says where the subject
comes from:

>>> from govbudget.classification import Scheme
>>> official = known_subject(Scheme.FUNCTIONAL, "2013701", 2025)
>>> official.official, official.edition
(True, 2025)
>>> observed = known_subject(Scheme.FUNCTIONAL, "2010350", 2025)
>>> observed.official, observed.subject.name
(False, '事业运行')
>>> observed.observation.label, observed.observation.documents
('observed 2026-2026', 7)
>>> known_subject(Scheme.FUNCTIONAL, "2130101", 2025) is None
True

**Which years an observation vouches for.** Codes change with editions, not with years, and
``data/editions.csv`` says which budget years one edition serves (2025: 2024–2026). A name
vouches for the years of the documents that print it and for every year of an edition that
serves one of them: 2010350 事业运行, printed in 2026 budgets, is known for 2024–2026; 2080504
未归口管理的行政单位离退休, printed only in 2017–2019, for none of those years. A code is
known by observation in the years one of its names vouches for; an alternative name whose years
the per-document evidence does not give is a name of the code whenever the code is known.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterator, Mapping

import attrs

from govbudget.classification.catalogue import Catalogue, Level, Scheme, Subject, normalize_name
from govbudget.classification.editions import _catalogue, _read, editions
from govbudget.errors import CatalogueError, UnknownCodeError, UnknownEditionError

__all__ = [
    "OBSERVED_NOTE",
    "KnownSubject",
    "Observation",
    "ObservedCatalogue",
    "ObservedName",
    "known_subject",
    "observed_classification",
]

OBSERVED_NOTE = "名称据实际公开文件观察，非官方科目表"
"""What a message says beside a name that comes from observation, not from an edition."""

_OBSERVED = re.compile(r"observed (\d{4})-(\d{4})")
# The source's rows that restate the partial official catalogue: no document is behind them.
_RESTATED = "shared partial catalogue only"
_COLUMNS = ("code", "name", "level", "parent", "edition", "scheme", "n_docs", "alt_names")
_VARIANT_COLUMNS = ("code", "name", "year", "scheme")


def _years(first: int, last: int) -> str:
    """Years as a message prints them: "2026 年", "2017—2019 年"."""
    return f"{first} 年" if first == last else f"{first}—{last} 年"


def _vouches(first: int | None, last: int | None, year: int) -> bool:
    """Whether documents of ``first``–``last`` vouch for a budget ``year`` (see the module)."""
    if first is None or last is None:
        return True
    if first <= year <= last:
        return True
    return any(e.serves(year) and first <= e.last_year and e.first_year <= last for e in editions())


@attrs.frozen(slots=True)
class ObservedName:
    """A name that real documents print for a code, with the years of those documents.

    The years are ``None`` when the data does not say when the name was printed.

    >>> former = ObservedName("行政事业单位离退休", 2017, 2019)
    >>> former.vouches_for(2018), former.vouches_for(2025), former.years
    (True, False, '2017—2019 年')
    """

    name: str
    first_year: int | None = None
    last_year: int | None = attrs.field(default=None)

    @last_year.validator
    def _check_years(self, _attribute: object, last: int | None) -> None:
        first = self.first_year
        if (first is None) != (last is None) or (
            first is not None and last is not None and first > last
        ):
            raise CatalogueError(f"years {first}–{last} of the name {self.name} are not a span")

    @property
    def years(self) -> str:
        """The years, as a Chinese message prints them; empty when they are not known."""
        if self.first_year is None or self.last_year is None:
            return ""
        return _years(self.first_year, self.last_year)

    def vouches_for(self, year: int) -> bool:
        """Whether the name is one of the code's names in a budget ``year`` (see the module)."""
        return _vouches(self.first_year, self.last_year, year)


def _at_least_one(_instance: object, _attribute: object, documents: int) -> None:
    if documents < 1:
        raise CatalogueError(f"an observation rests on {documents} documents")


@attrs.frozen(slots=True)
class Observation:
    """What real documents print for one code: the name most of them print (``subject``), the
    years of those documents, how many there are, and the other names printed for the code.

    >>> observation = observed_classification(Scheme.FUNCTIONAL)["20805"]
    >>> observation.label, observation.documents
    ('observed 2023-2026', 178)
    >>> [(n.name, n.years) for n in observation.names]
    [('行政事业单位养老支出', '2023—2026 年'), ('行政事业单位离退休', '2017—2019 年')]
    >>> observation.describe()
    '见于 2023—2026 年的 178 份实际公开文件'
    """

    scheme: Scheme
    subject: Subject
    first_year: int
    last_year: int = attrs.field()
    documents: int = attrs.field(validator=_at_least_one)
    alternatives: tuple[ObservedName, ...] = ()

    @last_year.validator
    def _check_years(self, _attribute: object, last: int) -> None:
        if self.first_year > last:
            raise CatalogueError(
                f"years {self.first_year}–{last} of code {self.subject.code} are not a span"
            )

    @property
    def label(self) -> str:
        """The source as the data names it: "observed 2019-2026", not an edition."""
        return f"observed {self.first_year}-{self.last_year}"

    @property
    def years(self) -> str:
        """The years of the documents, as a Chinese message prints them."""
        return _years(self.first_year, self.last_year)

    @property
    def names(self) -> tuple[ObservedName, ...]:
        """Every name printed for the code: the one most documents print first."""
        main = ObservedName(self.subject.name, self.first_year, self.last_year)
        return (main, *self.alternatives)

    def describe(self) -> str:
        """Where the subject was seen, in Chinese: years and number of documents."""
        return f"见于 {self.years}的 {self.documents} 份实际公开文件"

    def named(self, printed: str) -> ObservedName | None:
        """The observed name that ``printed`` is (compared as :func:`normalize_name` does),
        whatever its years; ``None`` when documents print no such name for the code.

        >>> observation = observed_classification(Scheme.FUNCTIONAL)["20805"]
        >>> observation.named("行政事业单位离退休").years
        '2017—2019 年'
        """
        wanted = normalize_name(printed)
        return next((n for n in self.names if normalize_name(n.name) == wanted), None)

    def vouches_for(self, year: int) -> bool:
        """Whether the code is known by observation for a budget ``year``: one of its names
        with known years vouches for it (see the module). 20805 was printed as
        行政事业单位离退休 in 2017–2019 and as 行政事业单位养老支出 since 2023:

        >>> observation = observed_classification(Scheme.FUNCTIONAL)["20805"]
        >>> observation.vouches_for(2018), observation.vouches_for(2021)
        (True, False)
        """
        return any(
            _vouches(name.first_year, name.last_year, year)
            for name in self.names
            if name.first_year is not None
        )


def _variant_years(text: str, scheme: Scheme) -> dict[tuple[str, str], tuple[int, int, int]]:
    """(code, normalised name) → (first year, last year, first line) of the per-document
    evidence for alternative names of ``scheme``."""
    reader = csv.DictReader(io.StringIO(text), restval="")
    _require(reader, _VARIANT_COLUMNS, "variant names CSV")
    found: dict[tuple[str, str], tuple[int, int, int]] = {}
    for line, row in enumerate(reader, start=2):
        if row["scheme"].strip() != scheme.value:
            continue
        try:
            year = int(row["year"])
        except ValueError:
            raise CatalogueError(
                f"line {line} of the variant names CSV: year {row['year']!r} is not a year"
            ) from None
        key = (row["code"].strip(), normalize_name(row["name"]))
        first, last, at = found.get(key, (year, year, line))
        found[key] = (min(first, year), max(last, year), at)
    return found


def _require(reader: csv.DictReader[str], columns: tuple[str, ...], what: str) -> None:
    missing = set(columns) - set(reader.fieldnames or ())
    if missing:
        raise CatalogueError(f"{what} lacks the columns {sorted(missing)}")


def _observation(
    row: Mapping[str, str], scheme: Scheme, variants: Mapping[tuple[str, str], tuple[int, int, int]]
) -> Observation | None:
    edition = row["edition"].strip()
    if edition == _RESTATED:
        return None
    span = _OBSERVED.fullmatch(edition)
    if span is None:
        raise CatalogueError(
            f"edition {edition!r} is neither 'observed YYYY-YYYY' nor {_RESTATED!r}"
        )
    subject = Subject(
        row["code"].strip(),
        row["name"].strip(),
        Level(int(row["level"])),
        row["parent"].strip() or None,
    )
    alternatives = []
    for name in filter(None, (part.strip() for part in row["alt_names"].split("|"))):
        evidence = variants.get((subject.code, normalize_name(name)))
        alternatives.append(
            ObservedName(name) if evidence is None else ObservedName(name, *evidence[:2])
        )
    return Observation(
        scheme, subject, int(span[1]), int(span[2]), int(row["n_docs"]), tuple(alternatives)
    )


def _in_code_order(observations: tuple[Observation, ...]) -> tuple[Observation, ...]:
    return tuple(sorted(observations, key=lambda observation: observation.subject.code))


@attrs.frozen(slots=True)
class ObservedCatalogue(Mapping[str, Observation]):
    """The observations of one classification: a mapping from code to :class:`Observation`, in
    code order.

    Unlike an edition it may hold codes deeper than the scheme's last level (local 项 of the
    economic classification, such as 3010201 规范性津补贴) and codes whose parent no document
    printed (50601 资本性支出（一） without 506).

    >>> observed = observed_classification(Scheme.ECONOMIC_DEPARTMENT)
    >>> observed["30226"].subject.name, observed["30226"].label
    ('劳务费', 'observed 2024-2026')
    >>> observed.get("30298") is None
    True
    """

    scheme: Scheme
    observations: tuple[Observation, ...] = attrs.field(converter=_in_code_order)
    _by_code: dict[str, Observation] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_code: dict[str, Observation] = {}
        for observation in self.observations:
            code = observation.subject.code
            if observation.scheme is not self.scheme:
                raise CatalogueError(
                    f"code {code} is observed for {observation.scheme.label}, not "
                    f"{self.scheme.label}"
                )
            if code in by_code:
                raise CatalogueError(f"code {code} is observed twice")
            by_code[code] = observation
        object.__setattr__(self, "_by_code", by_code)

    @classmethod
    def from_csv(cls, text: str, scheme: Scheme, *, variants: str = "") -> ObservedCatalogue:
        """Build the observations of ``scheme`` from CSV text with the columns
        ``code,name,level,parent,edition,scheme,n_docs,alt_names`` (rows of other schemes are
        passed over; ``alt_names`` are separated by ``|``).

        ``variants`` is CSV text with at least the columns ``code,name,year,scheme``, one row
        per document that prints an alternative name: it gives that name its years. Errors name
        the line of the CSV.

        >>> text = (
        ...     "code,name,level,parent,edition,scheme,n_docs,alt_names\\n"
        ...     "20805,行政事业单位养老支出,2,208,observed 2023-2026,functional,178,"
        ...     "行政事业单位离退休\\n"
        ... )
        >>> variants = "code,name,year,scheme\\n20805,行政事业单位离退休,2018,functional\\n"
        >>> observed = ObservedCatalogue.from_csv(text, Scheme.FUNCTIONAL, variants=variants)
        >>> observed["20805"].alternatives
        (ObservedName(name='行政事业单位离退休', first_year=2018, last_year=2018),)
        """
        years = _variant_years(variants, scheme) if variants else {}
        # A short row reads as empty cells, refused with its line below.
        reader = csv.DictReader(io.StringIO(text), restval="")
        _require(reader, _COLUMNS, "observed catalogue CSV")
        known = {each.value for each in Scheme}
        observations = []
        for line, row in enumerate(reader, start=2):
            try:
                if row["scheme"].strip() not in known:
                    raise CatalogueError(f"scheme {row['scheme']!r} is not one of {sorted(known)}")
                if row["scheme"].strip() != scheme.value:
                    continue
                observation = _observation(row, scheme, years)
            except (CatalogueError, ValueError) as error:
                raise CatalogueError(
                    f"line {line} of the observed catalogue CSV: {error}"
                ) from error
            if observation is not None:
                observations.append(observation)
        observed = cls(scheme, tuple(observations))
        for (code, name), (_first, _last, line) in years.items():
            if code not in observed or observed[code].named(name) is None:
                raise CatalogueError(
                    f"line {line} of the variant names CSV: {code} is not observed with that "
                    "name among its alternatives"
                )
        return observed

    def __getitem__(self, code: str) -> Observation:
        return self._by_code[code]

    def __iter__(self) -> Iterator[str]:
        return (observation.subject.code for observation in self.observations)

    def __len__(self) -> int:
        return len(self.observations)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str, default: Observation | None = None) -> Observation | None:  # type: ignore[override]
        """The observation of this code, or ``default`` (``None``) when no document printed it."""
        return self._by_code.get(code, default)

    def lookup(self, code: str) -> Observation:
        """The observation of this code; raises :class:`UnknownCodeError` when there is none."""
        observation = self._by_code.get(code)
        if observation is None:
            raise UnknownCodeError(
                f"{code!r} is not among the {self.scheme.label} codes observed in real documents"
            )
        return observation


def observed_classification(scheme: Scheme) -> ObservedCatalogue:
    """The codes of a classification observed in real documents, read once from the package data.

    >>> functional = observed_classification(Scheme.FUNCTIONAL)
    >>> len(functional), functional["2101199"].describe()
    (534, '见于 2026 年的 31 份实际公开文件')
    """
    return _observed(scheme)


@functools.cache
def _observed(scheme: Scheme) -> ObservedCatalogue:
    return ObservedCatalogue.from_csv(
        _read("observed", "catalogue_observed.csv"),
        scheme,
        variants=_read("observed", "variant_names.csv"),
    )


@attrs.frozen(slots=True)
class KnownSubject:
    """A code known for a budget year, and where it is known from.

    ``edition`` is the official edition that holds the code, ``None`` when none does;
    ``observation`` is what real documents print for it when an observation vouches for the
    year. ``subject`` is the edition's where there is one, else the observed one.

    >>> renamed = known_subject(Scheme.FUNCTIONAL, "20805", 2025)
    >>> renamed.subject.name, renamed.official
    ('行政事业单位养老支出', True)
    >>> renamed.accepts("行政事业单位养老支出"), renamed.accepts("行政事业单位离退休")
    (True, False)
    >>> known_subject(Scheme.FUNCTIONAL, "20805", 2018).accepts("行政事业单位离退休")
    True
    """

    scheme: Scheme
    year: int
    subject: Subject
    edition: int | None
    observation: Observation | None

    def __attrs_post_init__(self) -> None:
        if self.observation is None and self.edition is None:
            raise CatalogueError(f"subject {self.subject.code} is known from no source")

    @property
    def official(self) -> bool:
        """Whether an official edition holds the code (else it is known by observation only)."""
        return self.edition is not None

    def accepts(self, name: str) -> bool:
        """Whether ``name`` is a name of the code in the year: the edition's, or one that real
        documents print and that vouches for the year (compared as :func:`normalize_name` does)."""
        wanted = normalize_name(name)
        if self.official and normalize_name(self.subject.name) == wanted:
            return True
        if self.observation is None:
            return False
        return any(
            normalize_name(observed.name) == wanted and observed.vouches_for(self.year)
            for observed in self.observation.names
        )


def known_subject(scheme: Scheme, code: str, year: int) -> KnownSubject | None:
    """The subject with this code in a budget year: from the edition that serves the year, or
    else from observation; ``None`` when neither source knows the code for the year."""
    return _known(scheme.value, code, year)


# Rules ask for the same codes of the same few years, row after row, table after table (a large
# department prints thousands). Keyed by the scheme's value: hashing an enum member is a call
# into Python, hashing its string is not.
@functools.lru_cache(maxsize=65536)
def _known(value: str, code: str, year: int) -> KnownSubject | None:
    scheme = Scheme(value)
    catalogue: Catalogue | None
    try:
        catalogue = _catalogue(scheme, year)
    except UnknownEditionError:
        catalogue = None
    official = None if catalogue is None else catalogue.get(code)
    observation = observed_classification(scheme).get(code)
    if observation is not None and not observation.vouches_for(year):
        observation = None
    if catalogue is not None and official is not None:
        return KnownSubject(scheme, year, official, catalogue.edition, observation)
    if observation is not None:
        return KnownSubject(scheme, year, observation.subject, None, observation)
    return None
