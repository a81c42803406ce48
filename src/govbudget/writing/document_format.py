"""The format of govbudget's JSON documents: its version and keys, the classes a document may
hold, how each scalar is read and written, the declarations documents are written from, and
:class:`JSONError` with the path to a bad value. :mod:`govbudget.writing.converter` makes the
converter from them, :mod:`govbudget.writing.schema` the JSON Schema."""

from __future__ import annotations

import difflib
import enum
import functools
import json
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final, TypeVar

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)

from govbudget.amounts import parse_amount
from govbudget.classification import Catalogue, Subject
from govbudget.disclosure import (
    AssetRow,
    BudgetUnit,
    DepartmentBudget,
    DepartmentFinalAccounts,
    FixedAssetsTable,
    ProcurementItem,
    ProcurementTable,
    StatedChange,
    StatedFacts,
)
from govbudget.disclosure.facts import FinalStatedFacts
from govbudget.disclosure.statements import (
    Restatement,
    StatedClass,
    StatedEvaluation,
    StatedExecution,
    StatedShare,
)
from govbudget.errors import GovBudgetError, JSONError
from govbudget.findings import Finding, Location, Report
from govbudget.performance import (
    CostFigure,
    CostItem,
    DepartmentGoalItem,
    DepartmentGoalTable,
    DepartmentIndicator,
    DepartmentPerformanceGoals,
    DutyGoal,
    Indicator,
    ProjectPerformanceGoal,
    SpendingCheckpoint,
    TargetValue,
)
from govbudget.tables import (
    BlockSpec,
    Row,
    Table,
    TableHeader,
)

__all__ = [
    "AMOUNT",
    "AMOUNT_PATTERN",
    "CLASSES",
    "DOCUMENT_TYPES",
    "FORMAT_VERSION",
    "KIND_KEY",
    "OMITTED_IF_DEFAULT",
    "ROW_KEY",
    "ROW_KEYS",
    "ROW_LABEL",
    "SCALARS",
    "TYPE_KEY",
    "VERSION_KEY",
    "InvalidError",
    "JSONError",
    "TableBlock",
    "describe",
    "document_fields",
    "jsonpath",
    "locate",
    "not_an_amount",
    "read_enum",
    "read_str",
    "scalar_schema",
    "table_blocks",
    "within",
    "write_amount",
    "write_enum",
]

T = TypeVar("T")

FORMAT_VERSION: Final = 1
"""The version of the document format this govbudget writes, and the newest it reads."""

TYPE_KEY: Final = "type"
"""The key of a document's type tag: a class name, or ``"Table"`` for the nine tables."""
VERSION_KEY: Final = "version"
"""The key of a document's format version."""
KIND_KEY: Final = "kind"
"""The key of a table's kind: its ``SPEC.key`` ("basic_expenditure")."""
ROW_KEYS: Final = ("key", "label")
"""The keys of a table row besides its columns."""

AMOUNT_PATTERN: Final = r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:E[+-][0-9]+)?"
"""An amount as the format writes it: fixed point with its printed decimals, or, for a figure
whose precision is coarser than 1 (182.21万元 converted to 元: ``1.8221E+6``), the exponent form
that keeps that precision. No thousands separators, no blank marks: a blank is ``null``."""

AMOUNT = re.compile(AMOUNT_PATTERN)
ROW_KEY, ROW_LABEL = ROW_KEYS
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

# Every class a document holds, each after the classes its fields hold: the order in which the
# converter makes their hooks, so that the hook made for a class finds those of its fields.
CLASSES: tuple[type, ...] = (
    Location,
    Finding,
    Report,
    Subject,
    Catalogue,
    TableHeader,
    Table,
    BudgetUnit,
    AssetRow,
    FixedAssetsTable,
    ProcurementItem,
    ProcurementTable,
    StatedChange,
    StatedFacts,
    StatedExecution,
    StatedClass,
    StatedShare,
    StatedEvaluation,
    Restatement,
    FinalStatedFacts,
    SpendingCheckpoint,
    Indicator,
    CostFigure,
    CostItem,
    ProjectPerformanceGoal,
    DepartmentGoalItem,
    DepartmentPerformanceGoals,
    DutyGoal,
    DepartmentIndicator,
    DepartmentGoalTable,
    DepartmentBudget,
    DepartmentFinalAccounts,
)

OMITTED_IF_DEFAULT: Final[Mapping[type, tuple[str, ...]]] = {
    ProjectPerformanceGoal: ProjectPerformanceGoal.shown_if_set,
    StatedChange: ("of",),
    StatedExecution: ("difference", "difference_rate", "difference_basis"),
}
"""Fields written only when they hold something: those added to a class after documents of it
were written, and printed by few layouts, so that a document without them is written as before
and one written before reads as it did."""

DOCUMENT_TYPES: Final[Mapping[str, type]] = {kind.__name__: kind for kind in reversed(CLASSES)}
"""The type tags of documents and the classes they name. The nine tables share the tag
``"Table"``, with the nine of final accounts, and tell themselves apart by ``kind``. A :class:`~govbudget.tables.Row` and a
:class:`~govbudget.performance.TargetValue` are written only inside the object that holds them:
a row needs its table's columns, a target value is written as its text."""


# --- locating errors -------------------------------------------------------------------------


class InvalidError(Exception):
    """Raised by the hooks below: why a value is refused, where it is relative to the hook that
    found it, and the error found further in (``cause``), if any."""

    def __init__(self, reason: str, *at: str | int, cause: Exception | None = None) -> None:
        super().__init__(reason, at, cause)
        self.reason = reason
        self.at = at
        self.cause = cause


def within(error: Exception, *at: str | int) -> InvalidError:
    return InvalidError("", *at, cause=error)


def jsonpath(segments: list[str | int]) -> str:
    path = "$"
    for segment in segments:
        if isinstance(segment, int):
            path += f"[{segment}]"
        elif _NAME.fullmatch(segment):
            path += f".{segment}"
        else:
            path += "['" + segment.replace("\\", "\\\\").replace("'", "\\'") + "']"
    return path


def locate(error: Exception) -> Exception:
    """The first fault in ``error`` as a :class:`JSONError`, or, where that is no fault of the
    document but a bug, the exception of the bug, which must surface as itself."""
    path: list[str | int] = []
    while True:
        if isinstance(error, InvalidError):
            path.extend(error.at)
            if error.cause is None:
                return JSONError(jsonpath(path), error.reason)
            error = error.cause
        elif isinstance(error, BaseValidationError):
            # cattrs collects every fault of an object, in field order; one message names the
            # first. Each fault carries the key or index its parent found it at as a note.
            error = error.exceptions[0]
            for note in getattr(error, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    path.append(note.name)
                elif isinstance(note, IterableValidationNote):
                    path.append(note.index)
        elif isinstance(error, ForbiddenExtraKeysError):
            key = sorted(error.extra_fields)[0]
            return JSONError(jsonpath([*path, key]), _unknown_key(error.cl, key))
        elif isinstance(error, KeyError) and path and error.args == (path[-1],):
            return JSONError(jsonpath(path), "required key is missing")
        elif isinstance(error, GovBudgetError):
            return JSONError(jsonpath(path), str(error))
        else:
            return error


def _unknown_key(cls: type, key: str) -> str:
    names = [field.name for field in document_fields(cls)]
    close = difflib.get_close_matches(key, names, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown key: {cls.__name__} has no field {key!r}{hint}"


def describe(value: object) -> str:
    """A JSON value as an error message shows it."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:40] + "…")
    return json.dumps(value)


# --- scalars ---------------------------------------------------------------------------------


def read_str(value: object, _type: object = str) -> str:
    if type(value) is str:
        return value
    raise InvalidError(f"{describe(value)} is not a string")


def _read_int(value: object, _type: object = int) -> int:
    if type(value) is int:
        return value
    raise InvalidError(f"{describe(value)} is not an integer")


def _read_bool(value: object, _type: object = bool) -> bool:
    if type(value) is bool:
        return value
    raise InvalidError(f"{describe(value)} is not true or false")


def _read_amount(value: object, _type: object = Decimal) -> Decimal:
    if type(value) is str and AMOUNT.fullmatch(value):
        # parse_amount bounds the number of digits, as it does for every figure.
        figure = parse_amount(Decimal(value))
        assert figure is not None  # a Decimal is never blank
        return figure
    raise InvalidError(not_an_amount(value))


def not_an_amount(value: object) -> str:
    if type(value) in (int, float):
        return f"{describe(value)} is a number; an amount is a string, as printed"
    return f"{describe(value)} is not an amount"


def write_amount(value: Decimal) -> str:
    text = str(value)
    if "E" not in text:
        return text
    # str() switches to the exponent form for tiny figures too; those keep their precision in
    # fixed point. Only a precision coarser than 1 (a positive exponent) needs the exponent.
    exponent = value.as_tuple().exponent
    return format(value, "f") if isinstance(exponent, int) and exponent <= 0 else text


def _read_target(value: object, _type: object = TargetValue) -> TargetValue:
    return TargetValue(read_str(value))


def _write_target(value: TargetValue) -> str:
    return value.text


_Scalar = tuple[Callable[[object, object], object], Callable[[Any], object], dict[str, object]]

SCALARS: dict[type, _Scalar] = {
    str: (read_str, lambda value: value, {"type": "string"}),
    int: (_read_int, lambda value: value, {"type": "integer"}),
    bool: (_read_bool, lambda value: value, {"type": "boolean"}),
    Decimal: (
        _read_amount,
        write_amount,
        {
            "title": "amount",
            "description": "A money figure (or percentage) exactly as held: its printed decimals "
            "kept, never a JSON number.",
            "type": "string",
            "pattern": f"^{AMOUNT_PATTERN}$",
        },
    ),
    TargetValue: (
        _read_target,
        _write_target,
        {
            "title": "TargetValue",
            "description": "A target value (指标值) as printed; its comparator, number and unit "
            "are read from the text.",
            "type": "string",
        },
    ),
}


@functools.cache
def _enum_scalar(kind: type[enum.Enum]) -> _Scalar:
    by_value = {member.value: member for member in kind}
    value_type = type(next(iter(kind)).value)
    choices = ", ".join(json.dumps(value, ensure_ascii=False) for value in by_value)

    def read(value: object, _type: object = kind) -> enum.Enum:
        # An exact type check: True would otherwise be taken for the 1 of an IntEnum.
        if type(value) is value_type and value in by_value:
            return by_value[value]
        raise InvalidError(f"{describe(value)} is not a {kind.__name__}: one of {choices}")

    return read, write_enum, {"title": kind.__name__, "enum": list(by_value)}


def read_enum(value: object, kind: type[enum.Enum]) -> object:
    return _enum_scalar(kind)[0](value, kind)


def write_enum(member: enum.Enum) -> object:
    return member.value


def _scalar(kind: object) -> _Scalar | None:
    if not isinstance(kind, type):
        return None
    if issubclass(kind, enum.Enum):
        return _enum_scalar(kind)
    return SCALARS.get(kind)


def scalar_schema(kind: object) -> dict[str, object] | None:
    """The JSON Schema of a type the format writes as a JSON string, number or boolean, or
    ``None`` for a type written as an object or an array.

    >>> scalar_schema(Decimal)["pattern"] == f"^{AMOUNT_PATTERN}$"
    True
    >>> from govbudget import Unit
    >>> scalar_schema(Unit)["enum"], scalar_schema(Row)
    (['元', '万元', '亿元'], None)
    """
    found = _scalar(kind)
    return None if found is None else dict(found[2])


# --- the declarations documents are written from ---------------------------------------------


def document_fields(cls: type) -> tuple[attrs.Attribute[object], ...]:
    """The fields a document of ``cls`` writes, in declared order, with their types resolved.

    Derived fields (``init=False``: a target value's comparator, a catalogue's index) are not
    written; they follow from the others.

    >>> [field.name for field in document_fields(StatedChange)]
    ['amount', 'percent', 'reason', 'word', 'of']
    """
    return tuple(field for field in attrs.fields(attrs.resolve_types(cls)) if field.init)


@attrs.frozen(slots=True)
class TableBlock:
    """One block of a table class as a document writes it: the field holding its rows, the
    field holding its printed columns, and the block's declaration."""

    rows: str
    columns: str
    spec: BlockSpec


def table_blocks(kind: type[Table]) -> tuple[TableBlock, ...]:
    """The blocks of a table class: its row fields paired with its column fields and blocks.

    A table class declares a ``tuple[Row, ...]`` field and a ``tuple[str, ...]`` field per
    block, in the order of ``SPEC.blocks``; the n-th rows field is printed in the columns of
    the n-th columns field.

    >>> from govbudget.tables import IncomeExpenditureSummary
    >>> [(b.rows, b.columns, b.spec.key) for b in table_blocks(IncomeExpenditureSummary)]
    [('income', 'income_columns', 'income'), ('expenditure', 'expenditure_columns', 'expenditure')]
    """
    fields = document_fields(kind)
    rows = [field.name for field in fields if field.type == tuple[Row, ...]]
    columns = [field.name for field in fields if field.type == tuple[str, ...]]
    if not len(rows) == len(columns) == len(kind.SPEC.blocks):
        raise TypeError(f"{kind.__name__}: one rows field and one columns field per block")
    return tuple(
        TableBlock(r, c, spec) for r, c, spec in zip(rows, columns, kind.SPEC.blocks, strict=True)
    )
