"""Valid tables of the nine classes, built from their declarations.

The tables are valid (the model accepts them) but not consistent: figures are any figures, so
sums need not add up — what a reader, a renderer or a serializer must cope with. Rows are what
a printed table can hold: codes and names from the shipped catalogue in code order, fixed rows
in their declared order with their declared labels, 类 by code with an ordinal label. For
tables whose sums add up, derive them from a ledger (:func:`govbudget.strategies.budgets`).
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from govbudget import Unit, economic_classification, functional_classification
from govbudget.classification import Catalogue, Scheme
from govbudget.tables import (
    STANDARD_TABLES,
    BlockSpec,
    Detail,
    Row,
    RowsTable,
    Table,
    TableHeader,
    TwoSidedTable,
)

__all__ = ["tables"]

_DIGITS = "一二三四五六七八九"
_UNCATALOGUED_CLASS = "人行科目"  # printed by the seed's 收支总表, absent from every catalogue
_DEPARTMENTS = (
    "中共唐山市开平区委网络安全和信息化委员会办公室",
    "上海市普陀区城市管理行政执法局",
    "普陀区文化和旅游局（本级）",
)
_NOTES = (
    "注：无政府性基金预算财政拨款预算，空表列示。",
    "注：本年度无国有资本经营预算支出，故本表无数据",
    "注：本表反映部门本年度“三公”经费支出预算情况。",
)


def _ordinal(number: int) -> str:
    """一 … 九十九, as printed before a 类: 十一, 二十, 三十一."""
    tens, units = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens - 1] + "十")
    return head + ("" if units == 0 else _DIGITS[units - 1])


def _catalogue(scheme: Scheme | None) -> Catalogue:
    if scheme is Scheme.ECONOMIC_DEPARTMENT:
        return economic_classification(2025)
    return functional_classification(2025)


def _figures(unit: Unit) -> st.SearchStrategy[Decimal | None]:
    cents = st.integers(-(10**11), 10**11).map(lambda n: Decimal(n).scaleb(-2))
    if unit is Unit.YUAN:
        whole = st.integers(-(10**9), 10**9).map(Decimal)
        return st.none() | cents | whole
    return st.none() | cents


@st.composite
def _columns(draw: st.DrawFn, spec: BlockSpec) -> tuple[str, ...]:
    keys = [column.key for column in spec.columns]
    chosen = draw(st.lists(st.sampled_from(keys), unique=True, min_size=1))
    if "total" in keys and "total" not in chosen:
        chosen.insert(0, "total")
    if draw(st.booleans()):
        chosen.sort(key=keys.index)
    return tuple(chosen)


@st.composite
def _fixed_rows(draw: st.DrawFn, spec: BlockSpec) -> list[tuple[str, str]]:
    """A subset of the declared rows in declared order; a row declared ``under`` another only
    with that one, since the same label means another row without it."""
    chosen: list[tuple[str, str]] = []
    for row in spec.rows:
        anchored = row.under is None or row.under in {key for key, _label in chosen}
        if anchored and draw(st.booleans()):
            chosen.append((row.key, row.label))
    return chosen


@st.composite
def _subject_rows(draw: st.DrawFn, spec: BlockSpec) -> list[tuple[str, str]]:
    catalogue = _catalogue(spec.scheme)
    codes = sorted(draw(st.lists(st.sampled_from(list(catalogue)), unique=True, max_size=8)))
    rows = [(code, catalogue[code].name) for code in codes]
    total = [(row.key, row.label) for row in spec.rows]
    where = draw(st.sampled_from(("first", "last", "none")))
    return total + rows if where == "first" else rows + total if where == "last" else rows


@st.composite
def _class_rows(draw: st.DrawFn, spec: BlockSpec) -> list[tuple[str, str]]:
    roots = _catalogue(spec.scheme).roots()
    chosen = sorted(
        draw(st.lists(st.sampled_from(roots), unique=True, max_size=8)), key=lambda s: s.code
    )
    classes = [(subject.code, subject.name) for subject in chosen]
    if draw(st.booleans()):
        classes.append((_UNCATALOGUED_CLASS, _UNCATALOGUED_CLASS))
    rows = [(key, f"{_ordinal(n)}、{name}") for n, (key, name) in enumerate(classes, start=1)]
    return rows + draw(_fixed_rows(spec))


@st.composite
def _rows(
    draw: st.DrawFn, spec: BlockSpec, columns: tuple[str, ...], unit: Unit, empty: bool
) -> tuple[Row, ...]:
    if empty:
        return ()
    if spec.detail is Detail.SUBJECTS:
        labelled = draw(_subject_rows(spec))
    elif spec.detail is Detail.CLASSES:
        labelled = draw(_class_rows(spec))
    else:
        labelled = draw(_fixed_rows(spec))
    figures = _figures(unit)
    return tuple(
        Row(key, label, tuple(draw(figures) for _column in columns)) for key, label in labelled
    )


_DEPARTMENT_TEXT = st.text(
    alphabet="中共市区县委办公室局财政教育卫生健康委员会人民政府街道（）", min_size=1, max_size=20
)


@st.composite
def _header(draw: st.DrawFn) -> TableHeader:
    return TableHeader(
        department=draw(st.sampled_from(_DEPARTMENTS) | _DEPARTMENT_TEXT),
        # A table that prints no year is read with the year unknown: rules must cope.
        year=draw(st.sampled_from((2024, 2025, 2026, None))),
        unit=draw(st.sampled_from((Unit.WAN_YUAN, Unit.YUAN))),
        department_code=draw(st.none() | st.from_regex(r"\A[0-9]{1,6}\Z")),
    )


@st.composite
def _table(draw: st.DrawFn, kind: type[Table]) -> Table:
    header = draw(_header())
    empty = draw(st.integers(0, 9)) == 0
    note = draw(st.sampled_from(_NOTES)) if empty or draw(st.integers(0, 4)) == 0 else None
    blocks = []
    for spec in kind.SPEC.blocks:
        columns = draw(_columns(spec))
        blocks.append((columns, draw(_rows(spec, columns, header.unit, empty))))
    if issubclass(kind, TwoSidedTable):
        (income_columns, income), (expenditure_columns, expenditure) = blocks
        return kind(header, income, expenditure, income_columns, expenditure_columns, note)
    assert issubclass(kind, RowsTable)
    ((columns, rows),) = blocks
    return kind(header, rows, columns, note)


def tables(kind: type[Table] | None = None) -> st.SearchStrategy[Table]:
    """Valid tables of ``kind``, or of any of the nine classes (figures need not add up).

    >>> from hypothesis import given
    >>> from govbudget import check
    >>> from govbudget.tables import ExpenditureTable
    >>> @given(tables(ExpenditureTable))
    ... def test(table):
    ...     assert isinstance(table, ExpenditureTable)
    ...     check(table)  # any figures: a checker must cope, whatever it reports
    >>> test()
    """
    if kind is None:
        return st.sampled_from(STANDARD_TABLES).flatmap(_table)
    return _table(kind)
