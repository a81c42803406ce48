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
govbudget.errors.JSONError: $.rows[0].public: '12.3.4' is not an amount

All the readers and writers are hooks of one cattrs converter (:mod:`govbudget.writing.converter`),
configured once; the model classes know nothing of JSON. :mod:`govbudget.writing.schema` generates
the JSON Schema of the format from the same declarations.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from json.encoder import encode_basestring as _encode_string
from typing import Any, Final, TypeVar, overload

from govbudget.limits import Limits
from govbudget.writing.converter import CONVERTER
from govbudget.writing.document_format import (
    AMOUNT_PATTERN,
    DOCUMENT_TYPES,
    FORMAT_VERSION,
    KIND_KEY,
    ROW_KEYS,
    TYPE_KEY,
    VERSION_KEY,
    JSONError,
    TableBlock,
    describe,
    document_fields,
    jsonpath,
    locate,
    scalar_schema,
    table_blocks,
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
    body: dict[str, object] = CONVERTER.unstructure(obj, DOCUMENT_TYPES[tag])
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
        raise JSONError(f"$.{VERSION_KEY}", f"{describe(version)} is not an integer")
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
    govbudget.errors.JSONError: $.level: unknown key: BudgetUnit has no field 'level'

    A key may be left out where the model has a default.

    Raises:
        JSONError: for anything that is not a document of the current format (or of an older
            one that migrates to it), with the path to the fault.
    """
    if not isinstance(data, Mapping):
        raise JSONError("$", f"{describe(data)} is not a govbudget document (a JSON object)")
    tag = data.get(TYPE_KEY)
    kind = DOCUMENT_TYPES.get(tag) if type(tag) is str else None
    if kind is None:
        reason = (
            "required key is missing"
            if TYPE_KEY not in data
            else f"{describe(tag)} is not a document type: one of " + ", ".join(DOCUMENT_TYPES)
        )
        raise JSONError(f"$.{TYPE_KEY}", reason)
    body = {k: v for k, v in _upgrade(data).items() if k not in (TYPE_KEY, VERSION_KEY)}
    try:
        obj: object = CONVERTER.structure(body, kind)
    except Exception as error:
        located = locate(error)
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
    govbudget.errors.JSONError: $.tables[0].rows[0][0]: not valid JSON (Expecting ',' delimiter at line 1, column 50)

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
            jsonpath(_path_at(text, error.pos)),
            # Some messages end in "at" ("Unterminated string starting at"): say it once.
            f"not valid JSON ({error.msg.removesuffix(' at')} at line {error.lineno}, "
            f"column {error.colno})",
        ) from None
    except ValueError:
        # Python refuses to convert an integer of too many digits (sys.set_int_max_str_digits).
        digits = _LONG_NUMBER.search(text)
        offset = digits.start() if digits else 0
        raise JSONError(
            jsonpath(_path_at(text, offset)),
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
    govbudget.errors.JSONError: $.version: unknown format version 2 (written by a newer govbudget?); this govbudget reads version 1
    """
    data = parse_json(text, limits=limits)
    if not isinstance(data, dict):
        raise JSONError("$", f"{describe(data)} is not a govbudget document (a JSON object)")
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
