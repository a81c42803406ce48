"""Reference implementations of the same work in pydantic v2 and in msgspec.

What someone would write instead of govbudget: models of the JSON document (amounts as
``Decimal``, blanks ``None``, unknown keys refused), decoded and structured in one call, then
the sums a checker of the nine tables must do, for every table block:

- every row: each column formula (合计 = 基本支出 + 项目支出 …);
- every declared total row: 合计 = Σ 类 (or the fixed rows it totals), per column;
- every printed 类 (款): = Σ its printed 款 (项), per column;

each with the rounding tolerance ``|total − Σ parts| ≤ Σ half-widths`` (half a unit of the last
printed decimal of every figure, from the ``Decimal`` exponent) — what ``govbudget.agree`` does.

Both references are generated from govbudget's JSON Schema, so they hold exactly the shape our
JSON has and follow it when it grows, and they share one plain-Python :func:`sums` over the
formulas, which are extracted once into :data:`SHAPES` (plain tuples: what a hand-written script
would hard-code). Only govbudget's *declarations* are read, at import time; nothing of
govbudget runs inside the timed calls.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import typing
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Literal, NamedTuple

import msgspec
import pydantic

import govbudget.tables
from govbudget import DepartmentBudget, agree, check
from govbudget.tables import DETAIL, STANDARD_TABLES, Detail, Table
from govbudget.tables.cells import top_level_rows
from govbudget.writing.jsonio import table_blocks
from govbudget.writing.schema import json_schema

__all__ = [
    "SHAPES",
    "BlockShape",
    "Tally",
    "govbudget_tally",
    "msgspec_decoder",
    "pydantic_model",
    "sums",
]


# -- the shape: the formulas of every table block, as plain data --------------------------------


@dataclasses.dataclass(frozen=True)
class BlockShape:
    """One block of a table kind: where its rows and printed columns are in the document, its
    fixed rows and its formulas."""

    rows: str
    columns: str
    fixed: frozenset[str]
    subjects: bool  # detail rows by code at every level: the top level is what has no parent
    column_formulas: Mapping[str, tuple[str, ...]]  # total → parts, in declared order
    row_formulas: Mapping[str, tuple[str, ...]]
    sum_rows: bool  # the table checks 类 = Σ 款 = Σ 项 (tables by classification)


def _shapes() -> dict[str, tuple[BlockShape, ...]]:
    shapes = {}
    # Final-accounts tables, where the installed govbudget has them: documents share one union.
    final: tuple[type[Table], ...] = getattr(govbudget.tables, "STANDARD_FINAL_TABLES", ())
    for kind in (*STANDARD_TABLES, *final):
        by_subject = any(spec.detail is Detail.SUBJECTS for spec in kind.SPEC.blocks)
        shapes[kind.SPEC.key] = tuple(
            BlockShape(
                rows=block.rows,
                columns=block.columns,
                fixed=frozenset(row.key for row in block.spec.rows),
                subjects=block.spec.detail is Detail.SUBJECTS,
                column_formulas={f.total: f.parts for f in block.spec.column_formulas},
                row_formulas={f.total: f.parts for f in block.spec.row_formulas},
                sum_rows=by_subject,
            )
            for block in table_blocks(kind)
        )
    return shapes


SHAPES: Mapping[str, tuple[BlockShape, ...]] = _shapes()
"""Table kind → its blocks' shapes."""


# -- the sums, shared by both references ------------------------------------------------------


class Tally(NamedTuple):
    """What the sums found: comparisons made, those off by a rounding difference (not zero but
    within tolerance), and those that fail."""

    comparisons: int
    rounding: int
    failed: int


_ZERO = Decimal(0)
_HALF: dict[int, Decimal] = {}


def _half(value: Decimal | None) -> Decimal:
    if value is None:
        return _ZERO
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    half = _HALF.get(exponent)
    if half is None:
        half = _HALF[exponent] = Decimal((0, (5,), exponent - 1))
    return half


def _expand(
    parts: Iterable[str], present: set[str], formulas: Mapping[str, tuple[str, ...]]
) -> list[str]:
    """The printed parts standing for ``parts``: an unprinted part with a formula stands for
    its own parts (合计 = 小计 + 上年结转 without 小计 printed), one without stands for nothing."""
    out: list[str] = []
    for part in parts:
        if part in present:
            out.append(part)
        elif part in formulas:
            out.extend(_expand(formulas[part], present, formulas))
    return out


def _is_code(key: str) -> bool:
    return key.isascii() and key.isdigit()


def sums(document: Any, shapes: Mapping[type, tuple[BlockShape, ...]], counts: list[int]) -> None:
    """Every sum of every table of a structured ``document``, added to ``counts`` (comparisons,
    rounding, failed). ``shapes`` maps each table model class to its blocks' shapes."""

    def compare(total: Decimal | None, parts: list[Decimal | None]) -> None:
        centre = _ZERO
        tolerance = _half(total)
        for part in parts:
            if part is not None:
                centre += part
                tolerance += _half(part)
        difference = (_ZERO if total is None else total) - centre
        counts[0] += 1
        if difference:
            counts[1 if abs(difference) <= tolerance else 2] += 1

    for table in document.tables:
        for shape in shapes[type(table)]:
            rows = getattr(table, shape.rows)
            columns: list[str] = list(getattr(table, shape.columns))
            present = set(columns)
            # Each row's columns.
            checks = [
                (total, parts)
                for total, formula in shape.column_formulas.items()
                if total in present and (parts := _expand(formula, present, shape.column_formulas))
            ]
            for row in rows:
                for total, parts in checks:
                    compare(getattr(row, total), [getattr(row, p) for p in parts])
            # Total rows: 合计 = Σ 类, 本年收入合计 = Σ sources …
            by_key: dict[str, Any] = {}
            for row in rows:
                by_key.setdefault(row.key, row)
            for total_key, formula in shape.row_formulas.items():
                total_row = by_key.get(total_key)
                if total_row is None:
                    continue
                summed: list[Any] = []
                for part in _expand(formula, {*by_key, DETAIL}, shape.row_formulas):
                    if part == DETAIL:
                        summed.extend(_top_level(rows, shape))
                    elif part in by_key:
                        summed.append(by_key[part])
                if summed:
                    for column in columns:
                        compare(getattr(total_row, column), [getattr(r, column) for r in summed])
            # Each printed 类 (款) = Σ its printed 款 (项).
            if shape.sum_rows:
                children: dict[str, list[Any]] = {}
                for row in rows:
                    if len(row.key) > 3 and _is_code(row.key):
                        children.setdefault(row.key[:-2], []).append(row)
                for parent in rows:
                    kids = children.get(parent.key) if _is_code(parent.key) else None
                    if kids:
                        for column in columns:
                            compare(getattr(parent, column), [getattr(k, column) for k in kids])


def _top_level(rows: list[Any], shape: BlockShape) -> list[Any]:
    detail = [row for row in rows if row.key not in shape.fixed]
    if not shape.subjects:
        return detail
    printed = {row.key for row in detail}
    return [
        row for row in detail if not any(row.key[:n] in printed for n in (3, 5) if n < len(row.key))
    ]


# -- models generated from the JSON Schema ----------------------------------------------------

_Schema = Mapping[str, Any]


class _Builder:
    """Translates the schema's definitions to model classes of one library."""

    def __init__(self, schema: _Schema) -> None:
        self.defs: Mapping[str, _Schema] = schema["$defs"]
        self.models: dict[str, Any] = {}
        self.kinds: dict[type, str] = {}

    def model(self, name: str, definition: _Schema) -> Any:
        raise NotImplementedError

    def tagged_union(self, names: list[str]) -> Any:
        raise NotImplementedError

    def ref(self, name: str) -> Any:
        if name == "amount":
            return Decimal
        definition = self.defs[name]
        if definition.get("type") != "object":
            return self.type_of(definition)
        if name not in self.models:
            self.models[name] = self.model(name, definition)
        return self.models[name]

    def type_of(self, schema: _Schema) -> Any:
        if "$ref" in schema:
            return self.ref(schema["$ref"].rsplit("/", 1)[1])
        if "oneOf" in schema:
            options = schema["oneOf"]
            if len(options) == 2 and {"type": "null"} in options:
                (other,) = (o for o in options if o != {"type": "null"})
                return self.type_of(other) | None
        names = _union(schema)
        if names is not None:
            return self.tagged_union(names)
        if "const" in schema:
            return Literal[schema["const"]]
        if "enum" in schema:
            return Literal[tuple(schema["enum"])]
        kind = schema.get("type")
        if kind == "array":
            if "prefixItems" in schema:
                return tuple[tuple(self.type_of(item) for item in schema["prefixItems"])]
            return list[self.type_of(schema["items"])]
        simple = {"string": str, "integer": int, "boolean": bool}
        if kind in simple:
            return simple[kind]
        raise ValueError(f"no translation for schema {schema}")

    def fields(self, definition: _Schema) -> Iterable[tuple[str, Any, bool]]:
        """(name, type, required) of an object's properties."""
        required = set(definition.get("required", ()))
        for name, prop in definition["properties"].items():
            yield name, self.type_of(prop), name in required


def _union(schema: _Schema) -> list[str] | None:
    """The definitions a union of objects told apart by a tag stands for, in either of the
    forms the schema writes it: ``oneOf`` of references, or ``allOf`` of ``if`` tag ``then``
    reference (what JSON Schema validators report more precisely)."""
    if "oneOf" in schema:
        options = [option.get("$ref") for option in schema["oneOf"]]
    elif "allOf" in schema:
        options = [branch.get("then", {}).get("$ref") for branch in schema["allOf"]]
    else:
        return None
    if not all(options):
        return None
    return [str(option).rsplit("/", 1)[1] for option in options]


def _document_schema(schema: _Schema, title: str) -> _Schema:
    """The schema of the document of type ``title``, in either form the top level has."""
    branches = [
        *schema.get("oneOf", ()),
        *(b["then"] for b in schema.get("allOf", ()) if "then" in b),
    ]
    for branch in branches:
        if "$ref" in branch:
            branch = schema["$defs"][branch["$ref"].rsplit("/", 1)[1]]
        if branch.get("title") == title:
            return typing.cast(_Schema, branch)
    raise LookupError(f"the JSON Schema has no {title} document")


def _any_of(members: tuple[Any, ...]) -> Any:
    """``A | B | …`` of classes built at run time."""
    return functools.reduce(operator.or_, members)


def _default(kind: Any) -> Any:
    """A missing optional field: an empty list for a list, ``None`` otherwise."""
    return [] if typing.get_origin(kind) is list else None


class _Pydantic(_Builder):
    def model(self, name: str, definition: _Schema) -> Any:
        fields: dict[str, Any] = {}
        for field, kind, required in self.fields(definition):
            if required:
                fields[field] = (kind, ...)
            elif _default(kind) == []:
                fields[field] = (kind, pydantic.Field(default_factory=list))
            else:
                fields[field] = (kind, None)
        config = pydantic.ConfigDict(extra="forbid")
        model = pydantic.create_model(name.replace(".", "_"), __config__=config, **fields)
        kind_schema = definition["properties"].get("kind", {})
        if "const" in kind_schema:
            self.kinds[model] = kind_schema["const"]
        return model

    def tagged_union(self, names: list[str]) -> Any:
        members = tuple(self.ref(name) for name in names)
        return typing.Annotated[_any_of(members), pydantic.Field(discriminator="kind")]


class _Msgspec(_Builder):
    def model(self, name: str, definition: _Schema) -> Any:
        tag = definition["properties"].get("kind", {}).get("const")
        fields: list[tuple[str, Any] | tuple[str, Any, Any]] = []
        for field, kind, required in self.fields(definition):
            if field == "kind" and tag is not None:
                continue  # msgspec reads the tag itself
            fields.append((field, kind) if required else (field, kind, _default(kind)))
        options: dict[str, Any] = {"kw_only": True, "forbid_unknown_fields": True}
        if tag is not None:
            options |= {"tag_field": "kind", "tag": tag}
        model = msgspec.defstruct(name.replace(".", "_"), fields, **options)
        if tag is not None:
            self.kinds[model] = tag
        return model

    def tagged_union(self, names: list[str]) -> Any:
        return _any_of(tuple(self.ref(name) for name in names))


def _document(builder: _Builder) -> tuple[Any, dict[type, tuple[BlockShape, ...]]]:
    budget = _document_schema(json_schema(), "DepartmentBudget")
    document = builder.model("DepartmentBudget", budget)
    shapes = {cls: SHAPES[kind] for cls, kind in builder.kinds.items() if kind in SHAPES}
    return document, shapes


def pydantic_model() -> tuple[Callable[[str], Any], dict[type, tuple[BlockShape, ...]]]:
    """The pydantic v2 decode + structure of a document (``model_validate_json``), and the
    shapes of its table models."""
    document, shapes = _document(_Pydantic(json_schema()))
    return document.model_validate_json, shapes


def msgspec_decoder() -> tuple[Callable[[str], Any], dict[type, tuple[BlockShape, ...]]]:
    """The msgspec decode + structure of a document (a typed ``msgspec.json.Decoder``), and
    the shapes of its table structs."""
    document, shapes = _document(_Msgspec(json_schema()))
    return msgspec.json.Decoder(document).decode, shapes


# -- the same count through govbudget, for the sanity check -----------------------------------

_SUM_RULES = ("-COLUMNS", "-TOTAL", "-SUM-ROWS")


def govbudget_tally(budget: DepartmentBudget) -> tuple[Tally, int]:
    """The comparisons govbudget's within-table rules make (walked with govbudget's own
    declarations and :func:`govbudget.agree`), and how many findings ``check`` reports for those
    rules: the references must count the same."""
    counts = [0, 0, 0]

    def compare(total: Decimal | None, parts: list[Decimal | None]) -> None:
        result = agree(total, parts)
        counts[0] += 1
        if result.difference:
            counts[1 if result.ok else 2] += 1

    for table in budget.tables:
        by_subject = any(spec.detail is Detail.SUBJECTS for spec in table.SPEC.blocks)
        for spec, block in zip(table.SPEC.blocks, table.blocks(), strict=True):
            present = set(block.columns)
            for formula in spec.column_formulas:
                parts = (
                    spec.expand_columns(formula.parts, present) if formula.total in present else ()
                )
                for row in block.rows if parts else ():
                    compare(
                        row.values[block.columns.index(formula.total)],
                        [row.values[block.columns.index(p)] for p in parts],
                    )
            printed = {row.key for row in block.rows}
            for formula in spec.row_formulas:
                total = block.row(formula.total)
                if total is None:
                    continue
                rows = []
                for part in spec.expand_rows(formula.parts, printed):
                    if part == DETAIL:
                        rows.extend(top_level_rows(spec, block))
                    elif (found := block.row(part)) is not None:
                        rows.append(found)
                for index in range(len(block.columns)) if rows else ():
                    compare(total.values[index], [r.values[index] for r in rows])
            if by_subject:
                children: dict[str, list[Any]] = {}
                for row in block.rows:
                    if row.code is not None and len(row.code) > 3:
                        children.setdefault(row.code[:-2], []).append(row)
                for parent in block.rows:
                    kids = children.get(parent.key) if parent.code is not None else None
                    for index in range(len(block.columns)) if kids else ():
                        compare(parent.values[index], [k.values[index] for k in kids or ()])
    findings = sum(f.rule.endswith(_SUM_RULES) for f in check(budget).findings)
    return Tally(*counts), findings
