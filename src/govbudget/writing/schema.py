"""The JSON Schema (draft 2020-12) of govbudget's documents, generated from the model.

Nothing here repeats the model: the schema is walked from the fields and types of the classes
(:func:`~govbudget.writing.jsonio.document_fields`), the declarations of the nine tables (their
blocks and columns, :func:`~govbudget.writing.jsonio.table_blocks`) and the forms in which
:mod:`~govbudget.writing.jsonio` writes values that are not objects
(:func:`~govbudget.writing.jsonio.scalar_schema`). The package ships the result as
``govbudget/writing/document.schema.json`` for programs in other languages; a test keeps that
file equal to :func:`json_schema`.

>>> schema = json_schema()
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> schema["$defs"]["BasicExpenditureTable.rows"]["properties"]["public"]
{'description': '公用经费（栏次 5）', 'oneOf': [{'$ref': '#/$defs/amount'}, {'type': 'null'}]}
>>> schema["$defs"]["amount"]["pattern"]
'^-?(?:0|[1-9][0-9]*)(?:\\\\.[0-9]+)?(?:E[+-][0-9]+)?$'
"""

from __future__ import annotations

import enum
import json
import types
import typing
from collections.abc import Mapping

import attrs

from govbudget.tables import STANDARD_FINAL_TABLES, STANDARD_TABLES, Row, Table
from govbudget.writing.document_format import (
    DOCUMENT_TYPES,
    FORMAT_VERSION,
    KIND_KEY,
    ROW_KEYS,
    TYPE_KEY,
    VERSION_KEY,
    TableBlock,
    document_fields,
    scalar_schema,
    table_blocks,
)

__all__ = ["SCHEMA_DIALECT", "json_schema", "schema_text"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of :func:`json_schema`."""

Schema = dict[str, object]

# The type of a table's cell: what Row holds beside its key and label, one figure per column.
(_CELLS,) = (field.type for field in document_fields(Row) if field.name not in ROW_KEYS)
_CELL = typing.get_args(_CELLS)[0]


def _ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def _summary(doc: str | None) -> str | None:
    """The first paragraph of a docstring, on one line: a schema's description."""
    if not doc:
        return None
    return " ".join(doc.strip().split("\n\n")[0].split())


def _described(schema: Schema, doc: str | None) -> Schema:
    summary = _summary(doc)
    if summary is None:
        return schema
    title = {"title": schema["title"]} if "title" in schema else {}
    return {**title, "description": summary, **schema}


class _Builder:
    """Walks types into schemas, collecting every named one in ``defs`` once."""

    def __init__(self) -> None:
        self.defs: dict[str, Schema] = {}

    def value(self, kind: object) -> Schema:
        """The schema of a field of type ``kind``: inline, or a reference to a definition."""
        scalar = scalar_schema(kind)
        if scalar is not None:
            title = scalar.get("title")
            if not isinstance(title, str):
                return scalar  # JSON's own string, integer, boolean
            if isinstance(kind, type) and issubclass(kind, enum.Enum):
                scalar = _described(scalar, kind.__doc__)
            self.defs.setdefault(title, scalar)
            return _ref(title)
        origin, args = typing.get_origin(kind), typing.get_args(kind)
        if origin in (typing.Union, types.UnionType):
            (inner,) = (arg for arg in args if arg is not type(None))
            return {"oneOf": [self.value(inner), {"type": "null"}]}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.value(args[0])}
        if origin is tuple:
            return {
                "type": "array",
                "prefixItems": [self.value(arg) for arg in args],
                "minItems": len(args),
                "items": False,
            }
        if origin in (Mapping, dict):
            return {"type": "object", "additionalProperties": self.value(args[1])}
        if kind is Table:
            return self._tables()
        if isinstance(kind, type) and attrs.has(kind):
            if kind.__name__ not in self.defs:
                self.defs[kind.__name__] = {}  # taken, in case a field refers back to it
                self.defs[kind.__name__] = self.body(kind)
            return _ref(kind.__name__)
        raise TypeError(f"the document format has no JSON form for {kind!r}")

    def body(self, cls: type, head: Schema | None = None) -> Schema:
        """The object schema of ``cls``: its fields (a table's kind and blocks), after ``head``."""
        properties: Schema = dict(head or {})
        required = list(properties)
        if issubclass(cls, Table):
            properties[KIND_KEY] = {"const": cls.SPEC.key}
            required.append(KIND_KEY)
            blocks = {block.rows: block for block in table_blocks(cls)}
            columns = {block.columns: block for block in table_blocks(cls)}
        else:
            blocks = columns = {}
        for field in document_fields(cls):
            if field.name in blocks:
                row = self._row(cls, blocks[field.name])
                properties[field.name] = {"type": "array", "items": row}
            elif field.name in columns:
                keys = [column.key for column in columns[field.name].spec.columns]
                properties[field.name] = {
                    "type": "array",
                    "items": {"enum": keys},
                    "uniqueItems": True,
                }
            else:
                properties[field.name] = self.value(field.type)
            if field.default is attrs.NOTHING:
                required.append(field.name)
        if issubclass(cls, Table):
            doc: str | None = f"{cls.SPEC.title}（表{cls.SPEC.number}）"
        else:
            doc = cls.__doc__
        return _described(
            {
                "title": cls.__name__,
                "type": "object",
                "properties": properties,
                "required": required,
                "additionalProperties": False,
            },
            doc,
        )

    def _tables(self) -> Schema:
        if Table.__name__ not in self.defs:
            self.defs[Table.__name__] = {
                "description": "One of the nine standard tables of a budget or of final "
                "accounts, told apart by its kind.",
                **_dispatch(
                    [
                        ({KIND_KEY: kind.SPEC.key}, self.value(kind))
                        for kind in (*STANDARD_TABLES, *STANDARD_FINAL_TABLES)
                    ]
                ),
            }
        return _ref(Table.__name__)

    def _row(self, kind: type[Table], block: TableBlock) -> Schema:
        name = f"{kind.__name__}.{block.spec.key}"
        side = f"（{block.spec.label}）" if block.spec.label else ""
        properties: Schema = {
            ROW_KEYS[0]: {
                "description": "The subject code, or the key of a declared row ('total').",
                "type": "string",
            },
            ROW_KEYS[1]: {"description": "The row's label as printed.", "type": "string"},
        }
        for column in block.spec.columns:
            properties[column.key] = {
                "description": f"{column.header}（栏次 {column.number}）",
                **self.value(_CELL),
            }
        self.defs[name] = {
            "description": f"A row of {kind.SPEC.title}{side}, keyed by column; a blank is null.",
            "type": "object",
            "properties": properties,
            "required": list(ROW_KEYS),
            "additionalProperties": False,
        }
        return _ref(name)


def _dispatch(branches: list[tuple[dict[str, str], Schema]]) -> Schema:
    """One branch per tag, chosen by ``if``/``then`` on its tag values rather than by
    ``oneOf``: a document is validated against its own branch only, so an error points at the
    bad value inside it instead of at the failed choice between branches that differ only by
    their tag (a budget and final accounts both hold tables)."""
    allowed: dict[str, list[str]] = {}
    for keys, _ in branches:
        for key, value in keys.items():
            allowed.setdefault(key, []).append(value)
    first = next(iter(allowed))
    rules: list[Schema] = [
        {
            "if": {
                "properties": {key: {"const": value} for key, value in keys.items()},
                "required": list(keys),
            },
            "then": schema,
        }
        for keys, schema in branches
    ]
    for key, values in list(allowed.items())[1:]:
        # A second tag (a table's kind) is required and known only under the first tag values
        # that have it.
        owners = sorted({keys[first] for keys, _ in branches if key in keys})
        rules.append(
            {
                "if": {"properties": {first: {"enum": owners}}, "required": [first]},
                "then": {
                    "properties": {key: {"enum": list(dict.fromkeys(values))}},
                    "required": [key],
                },
            }
        )
    return {
        "properties": {first: {"enum": list(dict.fromkeys(allowed[first]))}},
        "required": [first],
        "allOf": rules,
    }


def json_schema() -> dict[str, object]:
    """The JSON Schema of a govbudget document of the current format version.

    Every document type is one ``if``/``then`` branch of the top-level ``allOf``, chosen by its
    ``type`` (and a table's by its ``kind``); the classes a document holds are in ``$defs``.

    >>> schema = json_schema()
    >>> budget = next(b["then"] for b in schema["allOf"]
    ...               if b["if"]["properties"] == {"type": {"const": "DepartmentBudget"}})
    >>> budget["properties"]["version"], budget["required"][:4]
    ({'const': 1}, ['type', 'version', 'department', 'year'])
    """
    builder = _Builder()
    head: Schema = {VERSION_KEY: {"const": FORMAT_VERSION}}
    branches: list[tuple[dict[str, str], Schema]] = []
    for tag, kind in DOCUMENT_TYPES.items():
        tagged = {TYPE_KEY: {"const": tag}, **head}
        if kind is Table:
            for table in (*STANDARD_TABLES, *STANDARD_FINAL_TABLES):
                keys = {TYPE_KEY: tag, KIND_KEY: table.SPEC.key}
                branches.append((keys, builder.body(table, tagged)))
        else:
            branches.append(({TYPE_KEY: tag}, builder.body(kind, tagged)))
    return {
        "$schema": SCHEMA_DIALECT,
        "title": f"govbudget document, format version {FORMAT_VERSION}",
        "description": "A JSON object naming its type and the format version, then the "
        "object's fields in declared order. Amounts are strings exactly as held; a blank is "
        "null; a table row is an object keyed by column.",
        "type": "object",
        **_dispatch(branches),
        "required": [TYPE_KEY, VERSION_KEY],
        "$defs": dict(sorted(builder.defs.items())),
    }


def schema_text() -> str:
    """:func:`json_schema` as the text of the shipped ``document.schema.json``.

    >>> schema_text().startswith('{\\n  "$schema": ')
    True
    """
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
