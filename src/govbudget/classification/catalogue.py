"""Subjects and catalogues: one classification edition as a tree of codes.

>>> catalogue = Catalogue.from_csv(
...     "code,name,level,parent_code\\n201,一般公共服务支出,1,\\n20137,网信事务,2,201\\n",
...     Scheme.FUNCTIONAL,
...     edition=2025,
... )
>>> catalogue["20137"].name
'网信事务'
>>> [subject.code for subject in catalogue.path("20137")]
['201', '20137']
"""

from __future__ import annotations

import csv
import enum
import functools
import io
import re
from collections.abc import Iterator, Mapping

import attrs

from govbudget.characters import fold
from govbudget.errors import CatalogueError, UnknownCodeError

__all__ = ["Catalogue", "Level", "Scheme", "Subject", "normalize_name"]

_DIGITS = re.compile(r"[0-9]+")
_SPACE = re.compile(r"\s+")


class Level(enum.IntEnum):
    """The level of a subject: 类 (class), 款 (section), 项 (item)."""

    CLASS = 1
    SECTION = 2
    ITEM = 3

    @property
    def label(self) -> str:
        """The Chinese name of the level.

        >>> Level.SECTION.label
        '款'
        """
        return "类款项"[self - 1]

    @classmethod
    def of_code(cls, code: str) -> Level:
        """The level a code's length implies: 3 digits 类, 5 digits 款, 7 digits 项.

        >>> Level.of_code("2013701")
        <Level.ITEM: 3>
        """
        try:
            return _LEVEL_BY_LENGTH[len(code)]
        except KeyError:
            raise CatalogueError(
                f"code {code!r} has {len(code)} digits: a subject code has 3, 5 or 7"
            ) from None


_LEVEL_BY_LENGTH = {3: Level.CLASS, 5: Level.SECTION, 7: Level.ITEM}


class Scheme(enum.Enum):
    """Which classification a catalogue belongs to."""

    FUNCTIONAL = "functional"
    ECONOMIC_DEPARTMENT = "economic_department"
    ECONOMIC_GOVERNMENT = "economic_government"

    @property
    def label(self) -> str:
        """The official Chinese name of the classification."""
        return _SCHEME_LABELS[self]

    @property
    def deepest(self) -> Level:
        """The most detailed level: 项 for the functional classification, 款 for the economic."""
        return Level.ITEM if self is Scheme.FUNCTIONAL else Level.SECTION


_SCHEME_LABELS = {
    Scheme.FUNCTIONAL: "支出功能分类科目",
    Scheme.ECONOMIC_DEPARTMENT: "部门预算支出经济分类科目",
    Scheme.ECONOMIC_GOVERNMENT: "政府预算支出经济分类科目",
}


# Rules and readers compare the same few hundred names (catalogue names, printed labels) over
# and over; the form of a name depends on the name alone.
@functools.lru_cache(maxsize=8192)
def normalize_name(name: str) -> str:
    """The form in which two printed names are compared: NFKC, no white space.

    Tables print the same name with full-width or ASCII parentheses and with stray spaces.

    >>> normalize_name("因公出国(境)费用") == normalize_name("因公出国（境）费用")
    True
    """
    return _SPACE.sub("", fold(name))


def _check_code(_instance: object, _attribute: object, code: str) -> None:
    if not _DIGITS.fullmatch(code):
        raise CatalogueError(f"subject code {code!r} is not all digits")
    Level.of_code(code)


@attrs.frozen(slots=True)
class Subject:
    """One node of a classification (科目): its code, name, level and parent code.

    The level follows from the code's length and the parent is the code without its last two
    digits, so a subject refuses a code that contradicts either.

    >>> Subject("2013701", "行政运行")
    Subject(code='2013701', name='行政运行', level=<Level.ITEM: 3>, parent='20137')
    """

    code: str = attrs.field(validator=_check_code)
    name: str = attrs.field()
    level: Level = attrs.field()
    parent: str | None = attrs.field()

    @name.validator
    def _check_name(self, _attribute: object, name: str) -> None:
        if not name.strip():
            raise CatalogueError(f"subject {self.code} has an empty name")

    @level.default
    def _level_from_code(self) -> Level:
        return Level.of_code(self.code)

    @level.validator
    def _check_level(self, _attribute: object, level: Level) -> None:
        if level != Level.of_code(self.code):
            raise CatalogueError(
                f"subject {self.code} is given level {int(level)} but its length means "
                f"{Level.of_code(self.code).label} (level {int(Level.of_code(self.code))})"
            )

    @parent.default
    def _parent_from_code(self) -> str | None:
        return None if self.level is Level.CLASS else self.code[:-2]

    @parent.validator
    def _check_parent(self, _attribute: object, parent: str | None) -> None:
        expected = None if self.level is Level.CLASS else self.code[:-2]
        if parent != expected:
            raise CatalogueError(
                f"subject {self.code} is given parent {parent!r}; its code means {expected!r}"
            )


def _index(subjects: tuple[Subject, ...]) -> dict[str, Subject]:
    index: dict[str, Subject] = {}
    for subject in subjects:
        if subject.code in index:
            raise CatalogueError(f"code {subject.code} appears twice in the catalogue")
        index[subject.code] = subject
    return index


def _sorted_subjects(subjects: tuple[Subject, ...]) -> tuple[Subject, ...]:
    # String order of prefix codes is the depth-first order of the tree: 201, 20101, 2010101.
    return tuple(sorted(subjects, key=lambda subject: subject.code))


@attrs.frozen(slots=True)
class Catalogue(Mapping[str, Subject]):
    """One edition of a classification: a mapping from code to :class:`Subject`, in code order.

    ``partial`` says that the edition is known to lack codes (the shipped data is built from
    published documents, not from the official edition), so a code missing from it is not
    proof that the code does not exist. ``sources`` maps a code to the ids of the documents it
    was seen in, where known.

    ``get`` returns ``None`` for an unknown code and ``lookup`` raises
    :class:`~govbudget.errors.UnknownCodeError`, as in pycountry.
    """

    scheme: Scheme
    edition: int
    subjects: tuple[Subject, ...] = attrs.field(converter=_sorted_subjects)
    partial: bool = False
    sources: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, eq=False, repr=False)
    _by_code: dict[str, Subject] = attrs.field(init=False, eq=False, repr=False)
    _children: dict[str | None, tuple[Subject, ...]] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_code = _index(self.subjects)
        deepest = self.scheme.deepest
        children: dict[str | None, list[Subject]] = {}
        for subject in self.subjects:
            if subject.level > deepest:
                raise CatalogueError(
                    f"code {subject.code} is a {subject.level.label}, deeper than the "
                    f"{deepest.label} level of {self.scheme.label}"
                )
            children.setdefault(subject.parent, []).append(subject)
        object.__setattr__(self, "_by_code", by_code)
        object.__setattr__(
            self, "_children", {key: tuple(value) for key, value in children.items()}
        )

    @classmethod
    def from_csv(
        cls, text: str, scheme: Scheme, edition: int, *, partial: bool = False
    ) -> Catalogue:
        """Build a catalogue from CSV text with the columns ``code,name,level,parent_code``.

        This is how a user loads a complete official edition: read the file, pass its text.
        Errors name the line of the CSV.
        """
        reader = csv.DictReader(io.StringIO(text))
        required = {"code", "name", "level", "parent_code"}
        missing = required - set(reader.fieldnames or ())
        if missing:
            raise CatalogueError(f"catalogue CSV lacks the columns {sorted(missing)}")
        subjects = []
        for line, row in enumerate(reader, start=2):
            try:
                subjects.append(
                    Subject(
                        row["code"].strip(),
                        row["name"].strip(),
                        Level(int(row["level"])),
                        row["parent_code"].strip() or None,
                    )
                )
            except (CatalogueError, ValueError) as error:
                raise CatalogueError(f"line {line} of the catalogue CSV: {error}") from error
        return cls(scheme, edition, tuple(subjects), partial=partial)

    def __getitem__(self, code: str) -> Subject:
        return self._by_code[code]

    def __iter__(self) -> Iterator[str]:
        return (subject.code for subject in self.subjects)

    def __len__(self) -> int:
        return len(self.subjects)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str, default: Subject | None = None) -> Subject | None:  # type: ignore[override]
        """The subject with this code, or ``default`` (``None``) when the edition lacks it."""
        return self._by_code.get(code, default)

    def lookup(self, code: str) -> Subject:
        """The subject with this code; raises :class:`UnknownCodeError` naming the edition."""
        subject = self._by_code.get(code)
        if subject is None:
            note = " (this edition is partial: the code may exist in the official edition)"
            raise UnknownCodeError(
                f"{code!r} is not in {self.scheme.label} edition {self.edition}"
                + (note if self.partial else "")
            )
        return subject

    def by_name(self, name: str) -> tuple[Subject, ...]:
        """Every subject with this name (names repeat: 行政运行 is under many 款), in code order.

        >>> from govbudget import functional_classification
        >>> [s.code for s in functional_classification(2025).by_name("网信事务")]
        ['20137']
        """
        wanted = normalize_name(name)
        return tuple(s for s in self.subjects if normalize_name(s.name) == wanted)

    def roots(self) -> tuple[Subject, ...]:
        """The 类 of the catalogue, in code order."""
        return tuple(s for s in self.subjects if s.level is Level.CLASS)

    def children(self, code: str) -> tuple[Subject, ...]:
        """The subjects directly under ``code``, in code order (empty for a leaf)."""
        self.lookup(code)
        return self._children.get(code, ())

    def parent_of(self, code: str) -> Subject | None:
        """The subject above ``code``; ``None`` for a 类, or when a partial edition lacks it."""
        parent = self.lookup(code).parent
        return None if parent is None else self._by_code.get(parent)

    def ancestors(self, code: str) -> tuple[Subject, ...]:
        """The subjects above ``code`` that the edition holds, from the 类 down."""
        self.lookup(code)
        prefixes = (code[:length] for length in (3, 5) if length < len(code))
        return tuple(self._by_code[p] for p in prefixes if p in self._by_code)

    def path(self, code: str) -> tuple[Subject, ...]:
        """The ancestors of ``code`` followed by its own subject."""
        return (*self.ancestors(code), self.lookup(code))
