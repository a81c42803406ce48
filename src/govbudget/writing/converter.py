"""The one cattrs converter that reads and writes every document type, configured once when
this module is imported from the declarations of :mod:`govbudget.writing.document_format`; the
model classes know nothing of JSON."""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from govbudget.tables import (
    STANDARD_FINAL_TABLES,
    STANDARD_TABLES,
    Row,
    Table,
)
from govbudget.writing.document_format import (
    AMOUNT,
    CLASSES,
    KIND_KEY,
    OMITTED_IF_DEFAULT,
    ROW_KEY,
    ROW_KEYS,
    ROW_LABEL,
    SCALARS,
    InvalidError,
    TableBlock,
    describe,
    document_fields,
    not_an_amount,
    read_enum,
    read_str,
    table_blocks,
    within,
    write_amount,
    write_enum,
)

__all__ = ["CONVERTER"]

T = TypeVar("T")

CONVERTER = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)


def _is_optional(kind: object) -> bool:
    args = typing.get_args(kind)
    return (
        typing.get_origin(kind) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def _optional_reader(kind: object) -> Callable[[object, object], object]:
    (inner,) = (arg for arg in typing.get_args(kind) if arg is not type(None))
    read = CONVERTER.get_structure_hook(inner)

    def read_optional(value: object, _type: object) -> object:
        return None if value is None else read(value, inner)

    return read_optional


def _is_sequence(kind: object) -> bool:
    args = typing.get_args(kind)
    return typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


def _sequence_reader(kind: object) -> Callable[[object, object], tuple[object, ...]]:
    item = typing.get_args(kind)[0]
    read = CONVERTER.get_structure_hook(item)

    def read_sequence(value: object, _type: object) -> tuple[object, ...]:
        if type(value) is not list:
            raise InvalidError(f"{describe(value)} is not an array")
        items = []
        for index, each in enumerate(value):
            try:
                items.append(read(each, item))
            except Exception as error:
                raise within(error, index) from None
        return tuple(items)

    return read_sequence


def _sequence_writer(kind: object) -> Callable[[tuple[object, ...]], list[object]]:
    write = CONVERTER.get_unstructure_hook(typing.get_args(kind)[0])
    return lambda values: [write(value) for value in values]


def _is_pair(kind: object) -> bool:
    return typing.get_origin(kind) is tuple and not _is_sequence(kind)


def _pair_reader(kind: object) -> Callable[[object, object], tuple[object, ...]]:
    items = typing.get_args(kind)
    reads = [CONVERTER.get_structure_hook(item) for item in items]

    def read_pair(value: object, _type: object) -> tuple[object, ...]:
        if type(value) is not list:
            raise InvalidError(f"{describe(value)} is not an array")
        if len(value) != len(items):
            raise InvalidError(f"an array of {len(value)} items, where {len(items)} belong")
        out = []
        for index, (read, item, each) in enumerate(zip(reads, items, value, strict=True)):
            try:
                out.append(read(each, item))
            except Exception as error:
                raise within(error, index) from None
        return tuple(out)

    return read_pair


def _pair_writer(kind: object) -> Callable[[tuple[object, ...]], list[object]]:
    writes = [CONVERTER.get_unstructure_hook(item) for item in typing.get_args(kind)]
    return lambda values: [write(value) for write, value in zip(writes, values, strict=True)]


def _is_mapping(kind: object) -> bool:
    return typing.get_origin(kind) in (Mapping, dict)


def _mapping_reader(kind: object) -> Callable[[object, object], dict[str, object]]:
    _key, item = typing.get_args(kind)
    read = CONVERTER.get_structure_hook(item)

    def read_mapping(value: object, _type: object) -> dict[str, object]:
        if type(value) is not dict:
            raise InvalidError(f"{describe(value)} is not an object")
        out = {}
        for key, each in value.items():
            try:
                out[key] = read(each, item)
            except Exception as error:
                raise within(error, key) from None
        return out

    return read_mapping


def _mapping_writer(kind: object) -> Callable[[Mapping[str, object]], dict[str, object]]:
    write = CONVERTER.get_unstructure_hook(typing.get_args(kind)[1])
    return lambda values: {key: write(value) for key, value in values.items()}


def _register_class(cls: type) -> None:
    generated: Callable[[Mapping[str, Any], type], object] = make_dict_structure_fn(cls, CONVERTER)

    def read_object(value: object, _type: object) -> object:
        # The generated function indexes into the value: anything but an object is refused
        # here, with the type that was expected.
        if type(value) is not dict:
            raise InvalidError(f"{describe(value)} is not an object ({cls.__name__})")
        return generated(value, cls)

    CONVERTER.register_structure_hook(cls, read_object)
    write: Callable[[Any], dict[str, object]] = make_dict_unstructure_fn(cls, CONVERTER)
    defaults = {
        name: attrs.fields_dict(cls)[name].default for name in OMITTED_IF_DEFAULT.get(cls, ())
    }
    if not defaults:
        CONVERTER.register_unstructure_hook(cls, write)
        return

    def write_object(value: object) -> dict[str, object]:
        written = write(value)
        for name, default in defaults.items():
            if getattr(value, name) == default:
                del written[name]
        return written

    CONVERTER.register_unstructure_hook(cls, write_object)


def _row_reader(block: TableBlock) -> Callable[[object, tuple[str, ...]], Row]:
    declared = {column.key for column in block.spec.columns}

    def read_row(value: object, columns: tuple[str, ...]) -> Row:
        if type(value) is not dict:
            raise InvalidError(f"{describe(value)} is not an object (a row)")
        key, label = value.get(ROW_KEY), value.get(ROW_LABEL)
        if type(key) is not str or type(label) is not str:
            # Not the texts they must be: _field says which and why, in the order of ROW_KEYS.
            key, label = (_field(value, name, read_str) for name in ROW_KEYS)
        figures: list[Decimal | None] = []
        for column in columns:
            try:
                figure = value[column]
            except KeyError:
                raise InvalidError("required key is missing", column) from None
            if figure is None:
                figures.append(None)
            elif type(figure) is str and AMOUNT.fullmatch(figure):
                # Row's converter bounds the digits, as it does for a row built in code.
                figures.append(Decimal(figure))
            else:
                raise InvalidError(not_an_amount(figure), column)
        if len(value) != len(columns) + len(ROW_KEYS):
            extra = next(k for k in value if k not in columns and k not in ROW_KEYS)
            where = "is not printed in this table" if extra in declared else "is not a column"
            raise InvalidError(
                f"unknown key: {extra!r} {where} (columns: {', '.join(columns)})", extra
            )
        return Row(key, label, tuple(figures))

    return read_row


def _field(value: dict[str, object], name: str, read: Callable[[object], T]) -> T:
    try:
        return read(value[name])
    except KeyError:
        raise InvalidError("required key is missing", name) from None
    except InvalidError as error:
        raise within(error, name) from None


def _columns_reader(block: TableBlock) -> Callable[[object], tuple[str, ...]]:
    declared = [column.key for column in block.spec.columns]

    def read_columns(value: object) -> tuple[str, ...]:
        if type(value) is not list:
            raise InvalidError(f"{describe(value)} is not an array")
        for index, column in enumerate(value):
            if column not in declared:
                raise InvalidError(
                    f"{describe(column)} is not a column of this table: one of "
                    + ", ".join(declared),
                    index,
                )
            if column in value[:index]:
                raise InvalidError(f"{describe(column)} is listed twice", index)
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
    reads = {name: CONVERTER.get_structure_hook(type_) for name, type_, _ in plain}
    writes = {name: CONVERTER.get_unstructure_hook(type_) for name, type_, _ in plain}
    row_reads = [(block, _row_reader(block), _columns_reader(block)) for block in blocks]
    names = [field.name for field in document_fields(kind)]
    keys = [KIND_KEY, *names]
    columns_of = {block.rows: block.columns for block in blocks}
    tag = kind.SPEC.key

    def read(value: dict[str, object]) -> Table:
        for key in value:
            if key not in keys:
                raise InvalidError(f"unknown key: a table has {', '.join(keys)}", key)
        args: dict[str, Any] = {}
        for name, type_, required in plain:
            if name in value:
                try:
                    args[name] = reads[name](value[name], type_)
                except Exception as error:
                    raise within(error, name) from None
            elif required:
                raise InvalidError("required key is missing", name)
        for block, read_row, read_columns in row_reads:
            columns = (
                _field(value, block.columns, read_columns)
                if block.columns in value
                else block.spec.standard_columns
            )
            rows = value.get(block.rows, [])
            if type(rows) is not list:
                raise InvalidError(f"{describe(rows)} is not an array", block.rows)
            built = []
            for index, row in enumerate(rows):
                try:
                    built.append(read_row(row, columns))
                except Exception as error:
                    raise within(error, block.rows, index) from None
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
        obj: dict[str, object] = {ROW_KEY: row.key, ROW_LABEL: row.label}
        for column, figure in zip(columns, row.values, strict=True):
            obj[column] = None if figure is None else write_amount(figure)
        objects.append(obj)
    return objects


def _register_tables() -> None:
    kinds_of_tables = (*STANDARD_TABLES, *STANDARD_FINAL_TABLES)
    hooks = {kind.SPEC.key: _table_hooks(kind) for kind in kinds_of_tables}
    writers = {kind: hooks[kind.SPEC.key][1] for kind in kinds_of_tables}
    kinds = ", ".join(hooks)

    def read_table(value: object, _type: object) -> Table:
        if type(value) is not dict:
            raise InvalidError(f"{describe(value)} is not an object (a table)")
        if KIND_KEY not in value:
            raise InvalidError("required key is missing", KIND_KEY)
        found = hooks.get(value[KIND_KEY]) if type(value[KIND_KEY]) is str else None
        if found is None:
            raise InvalidError(
                f"{describe(value[KIND_KEY])} is not a table kind: one of {kinds}", KIND_KEY
            )
        return found[0](value)

    def write_table(table: Table) -> dict[str, object]:
        return writers[type(table)](table)

    CONVERTER.register_structure_hook(Table, read_table)
    CONVERTER.register_unstructure_hook(Table, write_table)


def _configure() -> None:
    """Register every hook, once: scalars, then containers, then the classes bottom-up."""
    for kind, (read, write, _schema) in SCALARS.items():
        CONVERTER.register_structure_hook(kind, read)
        CONVERTER.register_unstructure_hook(kind, write)
    # By class, like cattrs' own hooks for str and int, which would otherwise take precedence;
    # IntEnum too, since int comes before Enum in the bases of an IntEnum.
    for kind in (enum.Enum, enum.IntEnum):
        CONVERTER.register_structure_hook(kind, read_enum)
        CONVERTER.register_unstructure_hook(kind, write_enum)
    CONVERTER.register_structure_hook_factory(_is_optional, _optional_reader)
    CONVERTER.register_structure_hook_factory(_is_sequence, _sequence_reader)
    CONVERTER.register_unstructure_hook_factory(_is_sequence, _sequence_writer)
    CONVERTER.register_structure_hook_factory(_is_pair, _pair_reader)
    CONVERTER.register_unstructure_hook_factory(_is_pair, _pair_writer)
    CONVERTER.register_structure_hook_factory(_is_mapping, _mapping_reader)
    CONVERTER.register_unstructure_hook_factory(_is_mapping, _mapping_writer)
    for cls in CLASSES:
        if cls is Table:
            _register_tables()
        else:
            _register_class(cls)


_configure()
