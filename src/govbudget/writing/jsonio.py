"""govbudget's own JSON documents: every model type to JSON and back, through one converter.

A document is a JSON object that names its type and the format version, then holds the
object's fields in their declared order. Amounts are strings exactly as held ("182.21", "0.00",
"47483458"), a blank cell is ``null``; a table row is an object keyed by column, beside the
table's printed column order; a table says which of the nine it is by its ``kind``:

>>> from govbudget import TableHeader
>>> from govbudget.tables import BasicExpenditureTable
>>> table = BasicExpenditureTable.from_rows(
...     TableHeader("某部门", 2025),
...     [("302", "商品和服务支出", {"total": "11.39", "public": "11.39"})],
... )
>>> document = to_dict(table)
>>> document["type"], document["version"], document["kind"]
('Table', 1, 'basic_expenditure')
>>> document["rows"]
[{'key': '302', 'label': '商品和服务支出', 'total': '11.39', 'personnel': None, 'public': '11.39'}]
>>> from_json(to_json(table)) == table
True

Reading is strict: an unknown key, a wrong type, a malformed amount or an unknown kind is a
:class:`JSONError` that gives the path to the bad value:

>>> document["rows"][0]["public"] = "12.3.4"
>>> from_dict(document)
Traceback (most recent call last):
...
govbudget.writing.jsonio.JSONError: $.rows[0].public: '12.3.4' is not an amount

All the readers and writers are hooks of one cattrs converter, configured once when this module
is imported; the model classes know nothing of JSON. :mod:`govbudget.writing.schema` generates
the JSON Schema of the format from the same declarations.
"""

from __future__ import annotations

import difflib
import enum
import functools
import json
import math
import re
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from json.encoder import encode_basestring as _encode_string
from typing import Any, Final, TypeVar, overload

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

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
from govbudget.errors import GovBudgetError
from govbudget.findings import Finding, Location, Report
from govbudget.limits import Limits
from govbudget.performance import (
    DepartmentGoalItem,
    DepartmentPerformanceGoals,
    Indicator,
    ProjectPerformanceGoal,
    SpendingCheckpoint,
    TargetValue,
)
from govbudget.tables import (
    STANDARD_FINAL_TABLES,
    STANDARD_TABLES,
    BlockSpec,
    Row,
    Table,
    TableHeader,
)

__all__ = [
    "AMOUNT_PATTERN",
    "DOCUMENT_TYPES",
    "FORMAT_VERSION",
    "KIND_KEY",
    "ROW_KEYS",
    "TYPE_KEY",
    "VERSION_KEY",
    "JSONError",
    "TableBlock",
    "document_fields",
    "from_dict",
    "from_json",
    "parse_json",
    "scalar_schema",
    "table_blocks",
    "to_dict",
    "to_json",
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

_AMOUNT = re.compile(AMOUNT_PATTERN)
_KEY, _LABEL = ROW_KEYS
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

# Every class a document holds, each after the classes its fields hold: the order in which the
# converter makes their hooks, so that the hook made for a class finds those of its fields.
_CLASSES: tuple[type, ...] = (
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
    ProjectPerformanceGoal,
    DepartmentGoalItem,
    DepartmentPerformanceGoals,
    DepartmentBudget,
    DepartmentFinalAccounts,
)

DOCUMENT_TYPES: Final[Mapping[str, type]] = {kind.__name__: kind for kind in reversed(_CLASSES)}
"""The type tags of documents and the classes they name. The nine tables share the tag
``"Table"``, with the nine of final accounts, and tell themselves apart by ``kind``. A :class:`~govbudget.tables.Row` and a
:class:`~govbudget.performance.TargetValue` are written only inside the object that holds them:
a row needs its table's columns, a target value is written as its text."""


class JSONError(GovBudgetError, ValueError):
    """A JSON text that is not a govbudget document; ``path`` says where, in JSONPath.

    >>> error = JSONError("$.tables[3].rows[5].basic", "'12.3.4' is not an amount")
    >>> str(error), error.path
    ("$.tables[3].rows[5].basic: '12.3.4' is not an amount", '$.tables[3].rows[5].basic')
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


# --- locating errors -------------------------------------------------------------------------


class _InvalidError(Exception):
    """Raised by the hooks below: why a value is refused, where it is relative to the hook that
    found it, and the error found further in (``cause``), if any."""

    def __init__(self, reason: str, *at: str | int, cause: Exception | None = None) -> None:
        super().__init__(reason, at, cause)
        self.reason = reason
        self.at = at
        self.cause = cause


def _within(error: Exception, *at: str | int) -> _InvalidError:
    return _InvalidError("", *at, cause=error)


def _jsonpath(segments: list[str | int]) -> str:
    path = "$"
    for segment in segments:
        if isinstance(segment, int):
            path += f"[{segment}]"
        elif _NAME.fullmatch(segment):
            path += f".{segment}"
        else:
            path += "['" + segment.replace("\\", "\\\\").replace("'", "\\'") + "']"
    return path


def _located(error: Exception) -> Exception:
    """The first fault in ``error`` as a :class:`JSONError`, or, where that is no fault of the
    document but a bug, the exception of the bug, which must surface as itself."""
    path: list[str | int] = []
    while True:
        if isinstance(error, _InvalidError):
            path.extend(error.at)
            if error.cause is None:
                return JSONError(_jsonpath(path), error.reason)
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
            return JSONError(_jsonpath([*path, key]), _unknown_key(error.cl, key))
        elif isinstance(error, KeyError) and path and error.args == (path[-1],):
            return JSONError(_jsonpath(path), "required key is missing")
        elif isinstance(error, GovBudgetError):
            return JSONError(_jsonpath(path), str(error))
        else:
            return error


def _unknown_key(cls: type, key: str) -> str:
    names = [field.name for field in document_fields(cls)]
    close = difflib.get_close_matches(key, names, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown key: {cls.__name__} has no field {key!r}{hint}"


def _describe(value: object) -> str:
    """A JSON value as an error message shows it."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:40] + "…")
    return json.dumps(value)


# --- scalars ---------------------------------------------------------------------------------


def _read_text(value: object, _type: object = str) -> str:
    if type(value) is str:
        return value
    raise _InvalidError(f"{_describe(value)} is not a string")


def _read_int(value: object, _type: object = int) -> int:
    if type(value) is int:
        return value
    raise _InvalidError(f"{_describe(value)} is not an integer")


def _read_bool(value: object, _type: object = bool) -> bool:
    if type(value) is bool:
        return value
    raise _InvalidError(f"{_describe(value)} is not true or false")


def _read_amount(value: object, _type: object = Decimal) -> Decimal:
    if type(value) is str and _AMOUNT.fullmatch(value):
        # parse_amount bounds the number of digits, as it does for every figure.
        figure = parse_amount(Decimal(value))
        assert figure is not None  # a Decimal is never blank
        return figure
    raise _InvalidError(_not_an_amount(value))


def _not_an_amount(value: object) -> str:
    if type(value) in (int, float):
        return f"{_describe(value)} is a number; an amount is a string, as printed"
    return f"{_describe(value)} is not an amount"


def _write_amount(value: Decimal) -> str:
    text = str(value)
    if "E" not in text:
        return text
    # str() switches to the exponent form for tiny figures too; those keep their precision in
    # fixed point. Only a precision coarser than 1 (a positive exponent) needs the exponent.
    exponent = value.as_tuple().exponent
    return format(value, "f") if isinstance(exponent, int) and exponent <= 0 else text


def _read_target(value: object, _type: object = TargetValue) -> TargetValue:
    return TargetValue(_read_text(value))


def _write_target(value: TargetValue) -> str:
    return value.text


_Scalar = tuple[Callable[[object, object], object], Callable[[Any], object], dict[str, object]]

_SCALARS: dict[type, _Scalar] = {
    str: (_read_text, lambda value: value, {"type": "string"}),
    int: (_read_int, lambda value: value, {"type": "integer"}),
    bool: (_read_bool, lambda value: value, {"type": "boolean"}),
    Decimal: (
        _read_amount,
        _write_amount,
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
        raise _InvalidError(f"{_describe(value)} is not a {kind.__name__}: one of {choices}")

    return read, _write_enum, {"title": kind.__name__, "enum": list(by_value)}


def _read_enum(value: object, kind: type[enum.Enum]) -> object:
    return _enum_scalar(kind)[0](value, kind)


def _write_enum(member: enum.Enum) -> object:
    return member.value


def _scalar(kind: object) -> _Scalar | None:
    if not isinstance(kind, type):
        return None
    if issubclass(kind, enum.Enum):
        return _enum_scalar(kind)
    return _SCALARS.get(kind)


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
    ['amount', 'percent', 'reason', 'word']
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


# --- the converter ---------------------------------------------------------------------------

_CONVERTER = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)


def _is_optional(kind: object) -> bool:
    args = typing.get_args(kind)
    return (
        typing.get_origin(kind) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def _optional_reader(kind: object) -> Callable[[object, object], object]:
    (inner,) = (arg for arg in typing.get_args(kind) if arg is not type(None))
    read = _CONVERTER.get_structure_hook(inner)

    def read_optional(value: object, _type: object) -> object:
        return None if value is None else read(value, inner)

    return read_optional


def _is_sequence(kind: object) -> bool:
    args = typing.get_args(kind)
    return typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


def _sequence_reader(kind: object) -> Callable[[object, object], tuple[object, ...]]:
    item = typing.get_args(kind)[0]
    read = _CONVERTER.get_structure_hook(item)

    def read_sequence(value: object, _type: object) -> tuple[object, ...]:
        if type(value) is not list:
            raise _InvalidError(f"{_describe(value)} is not an array")
        items = []
        for index, each in enumerate(value):
            try:
                items.append(read(each, item))
            except Exception as error:
                raise _within(error, index) from None
        return tuple(items)

    return read_sequence


def _sequence_writer(kind: object) -> Callable[[tuple[object, ...]], list[object]]:
    write = _CONVERTER.get_unstructure_hook(typing.get_args(kind)[0])
    return lambda values: [write(value) for value in values]


def _is_pair(kind: object) -> bool:
    return typing.get_origin(kind) is tuple and not _is_sequence(kind)


def _pair_reader(kind: object) -> Callable[[object, object], tuple[object, ...]]:
    items = typing.get_args(kind)
    reads = [_CONVERTER.get_structure_hook(item) for item in items]

    def read_pair(value: object, _type: object) -> tuple[object, ...]:
        if type(value) is not list:
            raise _InvalidError(f"{_describe(value)} is not an array")
        if len(value) != len(items):
            raise _InvalidError(f"an array of {len(value)} items, where {len(items)} belong")
        out = []
        for index, (read, item, each) in enumerate(zip(reads, items, value, strict=True)):
            try:
                out.append(read(each, item))
            except Exception as error:
                raise _within(error, index) from None
        return tuple(out)

    return read_pair


def _pair_writer(kind: object) -> Callable[[tuple[object, ...]], list[object]]:
    writes = [_CONVERTER.get_unstructure_hook(item) for item in typing.get_args(kind)]
    return lambda values: [write(value) for write, value in zip(writes, values, strict=True)]


def _is_mapping(kind: object) -> bool:
    return typing.get_origin(kind) in (Mapping, dict)


def _mapping_reader(kind: object) -> Callable[[object, object], dict[str, object]]:
    _key, item = typing.get_args(kind)
    read = _CONVERTER.get_structure_hook(item)

    def read_mapping(value: object, _type: object) -> dict[str, object]:
        if type(value) is not dict:
            raise _InvalidError(f"{_describe(value)} is not an object")
        out = {}
        for key, each in value.items():
            try:
                out[key] = read(each, item)
            except Exception as error:
                raise _within(error, key) from None
        return out

    return read_mapping


def _mapping_writer(kind: object) -> Callable[[Mapping[str, object]], dict[str, object]]:
    write = _CONVERTER.get_unstructure_hook(typing.get_args(kind)[1])
    return lambda values: {key: write(value) for key, value in values.items()}


def _register_class(cls: type) -> None:
    generated: Callable[[Mapping[str, Any], type], object] = make_dict_structure_fn(cls, _CONVERTER)

    def read_object(value: object, _type: object) -> object:
        # The generated function indexes into the value: anything but an object is refused
        # here, with the type that was expected.
        if type(value) is not dict:
            raise _InvalidError(f"{_describe(value)} is not an object ({cls.__name__})")
        return generated(value, cls)

    _CONVERTER.register_structure_hook(cls, read_object)
    _CONVERTER.register_unstructure_hook(cls, make_dict_unstructure_fn(cls, _CONVERTER))


def _row_reader(block: TableBlock) -> Callable[[object, tuple[str, ...]], Row]:
    declared = {column.key for column in block.spec.columns}

    def read_row(value: object, columns: tuple[str, ...]) -> Row:
        if type(value) is not dict:
            raise _InvalidError(f"{_describe(value)} is not an object (a row)")
        key, label = value.get(_KEY), value.get(_LABEL)
        if type(key) is not str or type(label) is not str:
            # Not the texts they must be: _field says which and why, in the order of ROW_KEYS.
            key, label = (_field(value, name, _read_text) for name in ROW_KEYS)
        figures: list[Decimal | None] = []
        for column in columns:
            try:
                figure = value[column]
            except KeyError:
                raise _InvalidError("required key is missing", column) from None
            if figure is None:
                figures.append(None)
            elif type(figure) is str and _AMOUNT.fullmatch(figure):
                # Row's converter bounds the digits, as it does for a row built in code.
                figures.append(Decimal(figure))
            else:
                raise _InvalidError(_not_an_amount(figure), column)
        if len(value) != len(columns) + len(ROW_KEYS):
            extra = next(k for k in value if k not in columns and k not in ROW_KEYS)
            where = "is not printed in this table" if extra in declared else "is not a column"
            raise _InvalidError(
                f"unknown key: {extra!r} {where} (columns: {', '.join(columns)})", extra
            )
        return Row(key, label, tuple(figures))

    return read_row


def _field(value: dict[str, object], name: str, read: Callable[[object], T]) -> T:
    try:
        return read(value[name])
    except KeyError:
        raise _InvalidError("required key is missing", name) from None
    except _InvalidError as error:
        raise _within(error, name) from None


def _columns_reader(block: TableBlock) -> Callable[[object], tuple[str, ...]]:
    declared = [column.key for column in block.spec.columns]

    def read_columns(value: object) -> tuple[str, ...]:
        if type(value) is not list:
            raise _InvalidError(f"{_describe(value)} is not an array")
        for index, column in enumerate(value):
            if column not in declared:
                raise _InvalidError(
                    f"{_describe(column)} is not a column of this table: one of "
                    + ", ".join(declared),
                    index,
                )
            if column in value[:index]:
                raise _InvalidError(f"{_describe(column)} is listed twice", index)
        return tuple(value)

    return read_columns


def _table_hooks(
    kind: type[Table],
) -> tuple[Callable[[dict[str, object]], Table], Callable[[Table], dict[str, object]]]:
    """The reader and the writer of one table class, made once from its fields and blocks."""
    blocks = table_blocks(kind)
    block_fields = {name for block in blocks for name in (block.rows, block.columns)}
    # The other fields (header, note) are values like any other: the converter reads them.
    plain = [
        (field.name, field.type, field.default is attrs.NOTHING)
        for field in document_fields(kind)
        if field.name not in block_fields
    ]
    reads = {name: _CONVERTER.get_structure_hook(type_) for name, type_, _ in plain}
    writes = {name: _CONVERTER.get_unstructure_hook(type_) for name, type_, _ in plain}
    row_reads = [(block, _row_reader(block), _columns_reader(block)) for block in blocks]
    names = [field.name for field in document_fields(kind)]
    keys = [KIND_KEY, *names]
    columns_of = {block.rows: block.columns for block in blocks}
    tag = kind.SPEC.key

    def read(value: dict[str, object]) -> Table:
        for key in value:
            if key not in keys:
                raise _InvalidError(f"unknown key: a table has {', '.join(keys)}", key)
        args: dict[str, Any] = {}
        for name, type_, required in plain:
            if name in value:
                try:
                    args[name] = reads[name](value[name], type_)
                except Exception as error:
                    raise _within(error, name) from None
            elif required:
                raise _InvalidError("required key is missing", name)
        for block, read_row, read_columns in row_reads:
            columns = (
                _field(value, block.columns, read_columns)
                if block.columns in value
                else tuple(column.key for column in block.spec.columns)
            )
            rows = value.get(block.rows, [])
            if type(rows) is not list:
                raise _InvalidError(f"{_describe(rows)} is not an array", block.rows)
            built = []
            for index, row in enumerate(rows):
                try:
                    built.append(read_row(row, columns))
                except Exception as error:
                    raise _within(error, block.rows, index) from None
            args[block.rows], args[block.columns] = tuple(built), columns
        return kind(**args)

    def write(table: Table) -> dict[str, object]:
        out: dict[str, object] = {KIND_KEY: tag}
        for name in names:
            value = getattr(table, name)
            if name in writes:
                out[name] = writes[name](value)
            elif name in columns_of:
                out[name] = _row_objects(value, getattr(table, columns_of[name]))
            else:
                out[name] = list(value)  # a block's printed columns
        return out

    return read, write


def _row_objects(rows: tuple[Row, ...], columns: tuple[str, ...]) -> list[dict[str, object]]:
    objects = []
    for row in rows:
        obj: dict[str, object] = {_KEY: row.key, _LABEL: row.label}
        for column, figure in zip(columns, row.values, strict=True):
            obj[column] = None if figure is None else _write_amount(figure)
        objects.append(obj)
    return objects


def _register_tables() -> None:
    kinds_of_tables = (*STANDARD_TABLES, *STANDARD_FINAL_TABLES)
    hooks = {kind.SPEC.key: _table_hooks(kind) for kind in kinds_of_tables}
    writers = {kind: hooks[kind.SPEC.key][1] for kind in kinds_of_tables}
    kinds = ", ".join(hooks)

    def read_table(value: object, _type: object) -> Table:
        if type(value) is not dict:
            raise _InvalidError(f"{_describe(value)} is not an object (a table)")
        if KIND_KEY not in value:
            raise _InvalidError("required key is missing", KIND_KEY)
        found = hooks.get(value[KIND_KEY]) if type(value[KIND_KEY]) is str else None
        if found is None:
            raise _InvalidError(
                f"{_describe(value[KIND_KEY])} is not a table kind: one of {kinds}", KIND_KEY
            )
        return found[0](value)

    def write_table(table: Table) -> dict[str, object]:
        return writers[type(table)](table)

    _CONVERTER.register_structure_hook(Table, read_table)
    _CONVERTER.register_unstructure_hook(Table, write_table)


def _configure() -> None:
    """Register every hook, once: scalars, then containers, then the classes bottom-up."""
    for kind, (read, write, _schema) in _SCALARS.items():
        _CONVERTER.register_structure_hook(kind, read)
        _CONVERTER.register_unstructure_hook(kind, write)
    # By class, like cattrs' own hooks for str and int, which would otherwise take precedence;
    # IntEnum too, since int comes before Enum in the bases of an IntEnum.
    for kind in (enum.Enum, enum.IntEnum):
        _CONVERTER.register_structure_hook(kind, _read_enum)
        _CONVERTER.register_unstructure_hook(kind, _write_enum)
    _CONVERTER.register_structure_hook_factory(_is_optional, _optional_reader)
    _CONVERTER.register_structure_hook_factory(_is_sequence, _sequence_reader)
    _CONVERTER.register_unstructure_hook_factory(_is_sequence, _sequence_writer)
    _CONVERTER.register_structure_hook_factory(_is_pair, _pair_reader)
    _CONVERTER.register_unstructure_hook_factory(_is_pair, _pair_writer)
    _CONVERTER.register_structure_hook_factory(_is_mapping, _mapping_reader)
    _CONVERTER.register_unstructure_hook_factory(_is_mapping, _mapping_writer)
    for cls in _CLASSES:
        if cls is Table:
            _register_tables()
        else:
            _register_class(cls)


_configure()


# --- documents -------------------------------------------------------------------------------

# A migration turns a document of version n into one of version n + 1; the reader applies them
# in turn, so a document of any version it has a chain of migrations for reads as the current.
_MIGRATIONS: dict[int, Callable[[dict[str, object]], dict[str, object]]] = {}


def _tag_of(obj: object) -> str:
    for kind in type(obj).__mro__:
        if DOCUMENT_TYPES.get(kind.__name__) is kind:
            return kind.__name__
    raise TypeError(
        f"a {type(obj).__name__} is not a govbudget document; the documents are "
        + ", ".join(DOCUMENT_TYPES)
    )


def to_dict(obj: object) -> dict[str, object]:
    """``obj`` as a document of JSON values: its type tag, the format version, its fields.

    >>> from govbudget.disclosure import BudgetUnit
    >>> to_dict(BudgetUnit("本级", "行政"))
    {'type': 'BudgetUnit', 'version': 1, 'name': '本级', 'nature': '行政', 'grade': None, 'funding': None}

    Raises:
        TypeError: for an object that is not one of :data:`DOCUMENT_TYPES`.
    """
    tag = _tag_of(obj)
    body: dict[str, object] = _CONVERTER.unstructure(obj, DOCUMENT_TYPES[tag])
    return {TYPE_KEY: tag, VERSION_KEY: FORMAT_VERSION, **body}


def to_json(obj: object) -> str:
    """``obj`` as a JSON document: :func:`to_dict` written with indent 2, Chinese as is, keys in
    declared order and a final newline, so the same object always gives the same text.

    >>> from govbudget.findings import Location
    >>> print(to_json(Location(table="部门预算支出总表", row="201")), end="")
    {
      "type": "Location",
      "version": 1,
      "table": "部门预算支出总表",
      "row": "201",
      "column": null,
      "line": null
    }
    """
    return _indented(to_dict(obj)) + "\n"


# json.dumps writes with an indent in pure Python, generically (it is fast without one only);
# documents are made of a few JSON types, written here to the very same text, three to four
# times as fast. Strings go through json's own (C) escaping.


def _indented(value: object) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``."""
    out: list[str] = []
    _write(value, out, "\n")
    return "".join(out)


def _write(value: object, out: list[str], newline: str) -> None:
    if isinstance(value, str):
        out.append(_encode_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float_text(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            out.append(separator)
            out.append(_encode_string(_key_text(key)))
            out.append(": ")
            _write(item, out, inner)
            separator = "," + inner
        out.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            out.append(separator)
            _write(item, out, inner)
            separator = "," + inner
        out.append(newline + "]")
    else:
        raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def _float_text(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (math.inf, -math.inf):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _key_text(key: object) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return _float_text(key)
    if key is True or key is False or key is None:
        return {True: "true", False: "false", None: "null"}[key]
    if isinstance(key, int):
        return int.__repr__(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")


def _upgrade(data: Mapping[str, object]) -> Mapping[str, object]:
    version = data.get(VERSION_KEY)
    if VERSION_KEY not in data:
        raise JSONError(f"$.{VERSION_KEY}", "required key is missing")
    if type(version) is not int:
        raise JSONError(f"$.{VERSION_KEY}", f"{_describe(version)} is not an integer")
    while version != FORMAT_VERSION:
        migrate = _MIGRATIONS.get(version)
        if migrate is None:
            newer = " (written by a newer govbudget?)" if version > FORMAT_VERSION else ""
            raise JSONError(
                f"$.{VERSION_KEY}",
                f"unknown format version {version}{newer}; this govbudget reads version "
                + ", ".join(str(v) for v in (*sorted(_MIGRATIONS), FORMAT_VERSION)),
            )
        data = migrate(dict(data))
        version += 1
    return data


@overload
def from_dict(data: Mapping[str, object]) -> object: ...
@overload
def from_dict(data: Mapping[str, object], cls: type[T]) -> T: ...
def from_dict(data: Mapping[str, object], cls: type[T] | None = None) -> T | object:
    """The object a document holds. With ``cls``, the document must hold a ``cls``.

    >>> from govbudget.disclosure import BudgetUnit
    >>> from_dict({"type": "BudgetUnit", "version": 1, "name": "本级"}, BudgetUnit)
    BudgetUnit(name='本级', nature=None, grade=None, funding=None)
    >>> from_dict({"type": "BudgetUnit", "version": 1, "name": "本级", "level": 1})
    Traceback (most recent call last):
    ...
    govbudget.writing.jsonio.JSONError: $.level: unknown key: BudgetUnit has no field 'level'

    A key may be left out where the model has a default.

    Raises:
        JSONError: for anything that is not a document of the current format (or of an older
            one that migrates to it), with the path to the fault.
    """
    if not isinstance(data, Mapping):
        raise JSONError("$", f"{_describe(data)} is not a govbudget document (a JSON object)")
    tag = data.get(TYPE_KEY)
    kind = DOCUMENT_TYPES.get(tag) if type(tag) is str else None
    if kind is None:
        reason = (
            "required key is missing"
            if TYPE_KEY not in data
            else f"{_describe(tag)} is not a document type: one of " + ", ".join(DOCUMENT_TYPES)
        )
        raise JSONError(f"$.{TYPE_KEY}", reason)
    body = {k: v for k, v in _upgrade(data).items() if k not in (TYPE_KEY, VERSION_KEY)}
    try:
        obj: object = _CONVERTER.structure(body, kind)
    except Exception as error:
        located = _located(error)
        if isinstance(located, JSONError):
            raise located from None
        if located is error:
            raise
        raise located from error
    if cls is not None and not isinstance(obj, cls):
        raise JSONError(
            f"$.{TYPE_KEY}", f"a {type(obj).__name__} document, where a {cls.__name__} is expected"
        )
    return obj


_LIMITS: Final = Limits()


def parse_json(text: str, *, limits: Limits = _LIMITS) -> object:
    """The JSON value of ``text``; a text that is not JSON raises a :class:`JSONError` whose path
    says where the text breaks off or goes wrong.

    >>> parse_json('{"tables": [{"title": "部门预算收支总表", "rows": [["合计" "1.00"]]}]}')
    Traceback (most recent call last):
    ...
    govbudget.writing.jsonio.JSONError: $.tables[0].rows[0][0]: not valid JSON (Expecting ',' delimiter at line 1, column 50)

    A text longer than ``limits.max_chars``, or nested deeper than ``limits.max_depth``, is
    refused before it is parsed:

    >>> parse_json("[" * 100_000)
    Traceback (most recent call last):
    ...
    govbudget.errors.LimitError: the JSON nests deeper than 100 arrays and objects at line 1, column 101 (Limits.max_depth)
    """
    limits.check_json(text)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise JSONError(
            _jsonpath(_path_at(text, error.pos)),
            # Some messages end in "at" ("Unterminated string starting at"): say it once.
            f"not valid JSON ({error.msg.removesuffix(' at')} at line {error.lineno}, "
            f"column {error.colno})",
        ) from None
    except ValueError:
        # Python refuses to convert an integer of too many digits (sys.set_int_max_str_digits).
        digits = _LONG_NUMBER.search(text)
        offset = digits.start() if digits else 0
        raise JSONError(
            _jsonpath(_path_at(text, offset)),
            f"not valid JSON (a number of {len(digits[0]) if digits else 'too many'} digits "
            f"at offset {offset})",
        ) from None


# Python's default limit is 4300 digits; the pattern only finds where the number is.
_LONG_NUMBER = re.compile(r"\d{4301,}")


@overload
def from_json(text: str, *, limits: Limits = ...) -> object: ...
@overload
def from_json(text: str, cls: type[T], *, limits: Limits = ...) -> T: ...
def from_json(text: str, cls: type[T] | None = None, *, limits: Limits = _LIMITS) -> T | object:
    """The object a JSON document holds (see :func:`from_dict`). A text larger or deeper than
    ``limits`` allow (``max_chars``, ``max_depth``) raises :class:`~govbudget.reading.LimitError`
    before it is parsed.

    >>> from govbudget import Finding
    >>> from_json('{"type": "Finding", "version": 2, "rule": "T1-BALANCE"}', Finding)
    Traceback (most recent call last):
    ...
    govbudget.writing.jsonio.JSONError: $.version: unknown format version 2 (written by a newer govbudget?); this govbudget reads version 1
    """
    data = parse_json(text, limits=limits)
    if not isinstance(data, dict):
        raise JSONError("$", f"{_describe(data)} is not a govbudget document (a JSON object)")
    return from_dict(data) if cls is None else from_dict(data, cls)


_TOKEN = re.compile(
    r'\s*(?:(?P<string>"(?:[^"\\]|\\.)*")|(?P<open>[\[{])|(?P<close>[\]}])|(?P<comma>,)'
    r'|(?P<colon>:)|[^\s\[\]{},:"]+)',
    re.DOTALL,
)


def _path_at(text: str, end: int) -> list[str | int]:
    """The path of the value being read at offset ``end`` of a JSON text, read from the text
    before it (which need not be valid up to there: this runs when the text is not)."""
    # One frame per open container: an array's index, or an object's current key and whether
    # the next string is a key.
    frames: list[list[Any]] = []
    position = 0
    while position < end:
        token = _TOKEN.match(text, position)
        if token is None or token.end() > end:
            break
        position = token.end()
        top = frames[-1] if frames else None
        if token["open"]:
            frames.append([0] if token["open"] == "[" else [None, True])
        elif token["close"] and frames:
            frames.pop()
        elif token["comma"] and top is not None:
            if len(top) == 1:
                top[0] += 1
            else:
                top[:] = [None, True]
        elif token["string"] and top is not None and len(top) == 2 and top[1]:
            try:
                top[:] = [json.loads(token["string"]), False]
            except json.JSONDecodeError:
                break
    return [frame[0] for frame in frames if frame[0] is not None]
