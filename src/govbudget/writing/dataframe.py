"""Tables and disclosures as pandas DataFrames, for those who have pandas.

pandas is optional (``pip install govbudget[pandas]``): nothing else in govbudget imports it,
and this module imports it only when :func:`to_dataframe` is called, so ``import govbudget``
works without it and says what to install when it is missing.

Amounts stay ``Decimal`` objects in columns of dtype ``object``, blank cells ``None``: a float
column would turn 0.1 + 0.2 into 0.30000000000000004 and a blank into NaN. Sum them with
``sum(frame["amount"])`` or ``frame.groupby(...)["amount"].sum()``, which add Decimals exactly.

>>> from govbudget import TableHeader
>>> from govbudget.tables import ExpenditureTable
>>> table = ExpenditureTable.from_rows(TableHeader("网信办", 2025), [
...     ("total", "合计", {"total": "283.61", "basic": "193.61", "project": "90.00"}),
...     ("201", "一般公共服务支出", {"total": "256.59", "basic": "166.59", "project": "90.00"}),
...     ("210", "卫生健康支出", {"total": "27.01", "basic": "27.01"}),
... ], columns=("total", "basic", "project"))
>>> frame = to_dataframe(table)
>>> print(frame.to_string(index=False))
  key    label  total  basic project
total       合计 283.61 193.61   90.00
  201 一般公共服务支出 256.59 166.59   90.00
  210   卫生健康支出  27.01  27.01    None
>>> frame["project"].dtype, frame.loc[1, "basic"]
(dtype('O'), Decimal('166.59'))
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from govbudget.amounts import Figure
from govbudget.disclosure import DepartmentBudget
from govbudget.tables import Table, TwoSidedTable
from govbudget.writing.fdp import FDP_COLUMNS, fdp_rows

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["to_dataframe"]

_MISSING = "to_dataframe needs pandas, an optional dependency: pip install govbudget[pandas]"


def _table_columns(table: Table) -> tuple[dict[str, list[str]], dict[str, list[Figure]]]:
    """A table's rows as columns: the words (side, key, label) and the figures, each printed
    money column by its key; a column that one side of a two-sided table lacks is None there."""
    blocks = list(zip(table.SPEC.blocks, table.blocks(), strict=True))
    words: dict[str, list[str]] = {}
    if isinstance(table, TwoSidedTable):
        words["side"] = [spec.key for spec, block in blocks for _row in block.rows]
    words["key"] = [row.key for _spec, block in blocks for row in block.rows]
    words["label"] = [row.label for _spec, block in blocks for row in block.rows]
    keys = dict.fromkeys(column for _spec, block in blocks for column in block.columns)
    figures = {
        column: [
            row.values[block.columns.index(column)] if column in block.columns else None
            for _spec, block in blocks
            for row in block.rows
        ]
        for column in keys
    }
    return words, figures


def to_dataframe(obj: Table | DepartmentBudget) -> pd.DataFrame:
    """A table as a frame of its rows, or a disclosure as its Fiscal Data Package rows.

    A table gives one row per printed row: ``key`` (the subject code, or the fixed row's key
    such as ``"total"``), ``label`` as printed, then one column per printed money column,
    named by its key (``total``, ``basic`` …; the headers are in ``type(table).SPEC``). A
    table of two sides adds ``side`` (``income`` or ``expenditure``) first.

    A :class:`~govbudget.disclosure.DepartmentBudget` gives the long rows of
    :func:`~govbudget.writing.fdp.fdp_rows`, one amount per row, ``year`` an integer and
    ``amount`` a Decimal; sum amounts within one ``dataset`` only.

    Raises ImportError, saying what to install, when pandas is not installed.
    """
    try:
        import pandas as pd
    except ImportError as error:
        raise ImportError(_MISSING) from error
    if isinstance(obj, DepartmentBudget):
        rows = fdp_rows(obj)
        # Annotated: pandas-stubs type the DataFrame constructor's result as Any.
        long: pd.DataFrame = pd.DataFrame(rows, columns=[column.name for column in FDP_COLUMNS])
        long["year"] = [int(row["year"]) for row in rows]
        long["amount"] = pd.Series([Decimal(row["amount"]) for row in rows], dtype=object)
        return long
    words, figures = _table_columns(obj)
    frame: pd.DataFrame = pd.DataFrame(words)
    for column, values in figures.items():
        frame[column] = pd.Series(values, dtype=object)
    return frame
