"""Fiscal Data Package export: a disclosure's figures as one long table, one amount per row.

A `Fiscal Data Package <https://specs.frictionlessdata.io/fiscal-data-package/>`_ (FDP 1.0)
is a Tabular Data Package whose columns say which fiscal concept they hold (their
``columnType``): the year, the administrative, functional and economic classifications, the
fund source, the phase and direction of the budget, the amount. :func:`fdp_rows` gives the
rows, :func:`fdp_csv` the CSV file and :func:`fdp_descriptor` its ``datapackage.json``; the
functions are pure and write no file.

**What is exported.** Six of the nine tables classify money by subject, and each becomes a
*dataset*, named in the ``dataset`` column by the table's key:

- table 2, 部门预算收入总表 (``income``): revenue by fund source (财政拨款收入, 事业收入, …,
  上年结转) and functional 类/款/项;
- table 3, 部门预算支出总表 (``expenditure``): expenditure of all sources by kind (基本支出,
  项目支出, …) and functional subject;
- tables 5, 7 and 8, the appropriation tables (``general_public_expenditure``,
  ``government_fund_expenditure``, ``state_capital_expenditure``): expenditure of one fund
  source by kind and functional subject;
- table 6, 一般公共预算财政拨款基本支出表 (``basic_expenditure``): basic expenditure of
  一般公共预算 by kind (人员经费, 公用经费) and economic 类/款.

Tables 1 and 4 summarise these by 类 and the 三公 table (9) is no classification of the
budget, so none of the three is exported.

**No amount counted twice.** Within a dataset, only *leaf* cells are exported: a row with no
printed child (a 项, or a 类 or 款 printed without its children; the 合计 row only when the table
prints nothing else) and a column that no printed column details (合计 is not exported when
基本支出 and 项目支出 are printed; 小计 not when the sources are). A row or column of blanks
only counts as not printed, so that a table printing its 合计 alone loses nothing. So the
amounts of one dataset add up to its table's 合计 wherever the table itself adds up (and where
it does not, the table rules say so). *Across* datasets the same money appears more than once:
table 3 holds all expenditure, table 5 its 一般公共预算 part, table 6 the basic part of that.
Sum within one dataset (filter on ``dataset``), never across.

A blank cell gives no row; a printed 0.00 does. Amounts are exactly as held, in the unit of
their table (the ``unit`` column: 元 or 万元), never converted and never a float. Names are as
the table prints them; a level whose row the table does not print has its code and an empty
name. The phase is ``approved``: a department budget is published after the finance
department has approved it (部门预算经批复后公开), and 决算 tables are not read.

>>> from govbudget import DepartmentBudget, TableHeader
>>> from govbudget.tables import BasicExpenditureTable
>>> header = TableHeader("网信办", 2025, department_code="897")
>>> t6 = BasicExpenditureTable.from_rows(header, [
...     ("total", "合计", {"total": "193.61", "personnel": "182.21", "public": "11.39"}),
...     ("301", "工资福利支出", {"total": "182.21", "personnel": "182.21"}),
...     ("30101", "基本工资", {"total": "182.21", "personnel": "182.21"}),
...     ("302", "商品和服务支出", {"total": "11.39", "public": "11.39"})])
>>> budget = DepartmentBudget("网信办", 2025, "897", tables=[t6])
>>> for row in fdp_rows(budget):
...     print(row["economic_class_code"], row["economic_section_code"] or "-",
...           row["expenditure_kind_name"], row["amount"], row["unit"])
301 30101 人员经费 182.21 万元
302 - 公用经费 11.39 万元
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from decimal import Decimal

import attrs

from govbudget.amounts import Unit
from govbudget.classification import Scheme
from govbudget.disclosure import DepartmentBudget
from govbudget.tables import (
    BasicExpenditureTable,
    BlockSpec,
    ExpenditureTable,
    FiscalAppropriationSummary,
    GeneralPublicExpenditureTable,
    GovernmentFundExpenditureTable,
    IncomeTable,
    Row,
    RowsTable,
    StateCapitalExpenditureTable,
)
from govbudget.writing.cells import JSON

__all__ = ["FDP_COLUMNS", "FdpColumn", "fdp_csv", "fdp_descriptor", "fdp_rows"]

PHASE = "approved"
"""The FDP phase of a published department budget (部门预算, approved before publication)."""

CURRENCY = "CNY"


@attrs.frozen(slots=True)
class FdpColumn:
    """One column of the export: its name, Table Schema type, FDP ``columnType``, Chinese title,
    and the constraints a validator checks (``required``, ``pattern``, ``enum``)."""

    name: str
    type: str
    column_type: str
    title: str
    description: str = ""
    required: bool = False
    pattern: str | None = None
    enum: tuple[str, ...] = ()

    def field(self) -> dict[str, JSON]:
        """The column as a Table Schema field with its ``columnType``."""
        field: dict[str, JSON] = {
            "name": self.name,
            "title": self.title,
            "type": self.type,
            "columnType": self.column_type,
        }
        if self.description:
            field["description"] = self.description
        constraints: dict[str, JSON] = {}
        if self.required:
            constraints["required"] = True
        if self.pattern is not None:
            constraints["pattern"] = self.pattern
        if self.enum:
            constraints["enum"] = list(self.enum)
        if constraints:
            field["constraints"] = constraints
        return field


_LEVELS = ((3, "class", "类"), (5, "section", "款"), (7, "item", "项"))
"""The levels of a classification: digits of the code, column-name word, Chinese name."""


def _levels(scheme: str, fdp: str, chinese: str, depth: int) -> list[FdpColumn]:
    """The code and name columns of the first ``depth`` levels of a classification."""
    columns = []
    for number, (digits, level, word) in enumerate(_LEVELS[:depth], start=1):
        prefix = f"{fdp}:generic:level{number}"
        columns += [
            FdpColumn(
                f"{scheme}_{level}_code",
                "string",
                f"{prefix}:code",
                f"{chinese}{word}编码",
                pattern=f"[0-9]{{{digits}}}",
            ),
            FdpColumn(
                f"{scheme}_{level}_name", "string", f"{prefix}:label", f"{chinese}{word}名称"
            ),
        ]
    return columns


FDP_COLUMNS: tuple[FdpColumn, ...] = (
    FdpColumn("year", "integer", "date:fiscal-year", "预算年度", required=True),
    FdpColumn(
        "department_code", "string", "administrative-classification:generic:level1:code", "部门编码"
    ),
    FdpColumn(
        "department",
        "string",
        "administrative-classification:generic:level1:label",
        "部门名称",
        required=True,
    ),
    FdpColumn("phase", "string", "phase:id", "预算阶段", required=True, enum=(PHASE,)),
    FdpColumn(
        "direction",
        "string",
        "direction",
        "收支",
        required=True,
        enum=("expenditure", "revenue"),
    ),
    FdpColumn(
        "dataset",
        "string",
        "value-kind:code",
        "来源表",
        "The table the amount is read from; sum amounts within one dataset only.",
        required=True,
    ),
    FdpColumn("dataset_title", "string", "value-kind:label", "来源表名称", required=True),
    FdpColumn("fund_source", "string", "fin-source:generic:code", "资金来源"),
    FdpColumn("fund_source_name", "string", "fin-source:generic:label", "资金来源名称"),
    FdpColumn("expenditure_kind", "string", "expenditure-type:code", "支出类型"),
    FdpColumn("expenditure_kind_name", "string", "expenditure-type:label", "支出类型名称"),
    *_levels("functional", "functional-classification", "功能分类", 3),
    *_levels("economic", "economic-classification", "经济分类", 2),
    FdpColumn(
        "amount",
        "number",
        "value",
        "金额",
        "As published, in the unit of the unit column; a decimal, exact.",
        required=True,
    ),
    FdpColumn(
        "unit",
        "string",
        "value-unit:code",
        "金额单位",
        "元 or 万元 (1 万元 = 10000 元), as the table prints it.",
        required=True,
        enum=tuple(unit.label for unit in Unit),
    ),
    FdpColumn("currency", "string", "value-currency:code", "币种", required=True, enum=(CURRENCY,)),
)
"""The columns of the export, in order: they drive :func:`fdp_rows` and :func:`fdp_descriptor`."""

_CUSTOM_TYPES: list[JSON] = [{"name": "value-unit:code", "dataType": "string"}]
"""The one ``columnType`` the budget taxonomy lacks: the unit an amount is printed in."""


@attrs.frozen(slots=True)
class _Dataset:
    """How a table's cells become rows: the direction, and what its columns are (fund sources
    or kinds of expenditure); ``fund`` is the source of a table that holds one source only."""

    kind: type[RowsTable]
    direction: str
    columns_are: str
    fund: str | None = None


_DATASETS = (
    _Dataset(IncomeTable, "revenue", "fund_source"),
    _Dataset(ExpenditureTable, "expenditure", "expenditure_kind"),
    _Dataset(GeneralPublicExpenditureTable, "expenditure", "expenditure_kind", "general_public"),
    _Dataset(BasicExpenditureTable, "expenditure", "expenditure_kind", "general_public"),
    _Dataset(GovernmentFundExpenditureTable, "expenditure", "expenditure_kind", "government_fund"),
    _Dataset(StateCapitalExpenditureTable, "expenditure", "expenditure_kind", "state_capital"),
)

# The appropriations' names, as the 财政拨款收支总表 declares its expenditure columns.
_FUNDS = FiscalAppropriationSummary.SPEC.block("expenditure")


def _leaf_columns(spec: BlockSpec, table: RowsTable) -> list[str]:
    """The columns with a figure that no other column with a figure details."""
    present = tuple(
        column
        for index, column in enumerate(table.columns)
        if any(row.values[index] is not None for row in table.rows)
    )
    formulas = {formula.total: formula.parts for formula in spec.column_formulas}
    return [
        column
        for column in present
        if not (column in formulas and spec.expand_columns(formulas[column], present))
    ]


def _leaf_rows(rows: tuple[Row, ...]) -> list[Row]:
    """The detail rows with a figure and no child with a figure; the 合计 row when no detail
    row has a figure."""
    figured = [row for row in rows if any(value is not None for value in row.values)]
    detail = [row for row in figured if row.code is not None]
    if not detail:
        return [row for row in figured if row.key == "total"]
    codes = [row.key for row in detail]
    return [
        row
        for row in detail
        if not any(other != row.key and other.startswith(row.key) for other in codes)
    ]


def _classification(scheme: str, code: str, names: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    """The code and printed name of each level of a code: "2013701" is 类 201, 款 20137, 项
    2013701."""
    for digits, level, _word in _LEVELS:
        if digits <= len(code):
            yield f"{scheme}_{level}_code", code[:digits]
            yield f"{scheme}_{level}_name", names.get(code[:digits], "")


def _dataset_rows(budget: DepartmentBudget, dataset: _Dataset) -> Iterator[dict[str, str]]:
    table = budget.table(dataset.kind)
    if table is None:
        return
    spec = table.SPEC.blocks[0]
    scheme = "functional" if spec.scheme is Scheme.FUNCTIONAL else "economic"
    names = {row.key: row.label.strip() for row in table.rows if row.code is not None}
    fixed = dict.fromkeys((column.name for column in FDP_COLUMNS), "")
    fixed.update(
        year="" if budget.year is None else str(budget.year),
        department_code=budget.department_code or "",
        department=budget.department,
        phase=PHASE,
        direction=dataset.direction,
        dataset=table.SPEC.key,
        dataset_title=table.title,
        unit=table.header.unit.label,
        currency=CURRENCY,
    )
    if dataset.fund is not None:
        fixed.update(fund_source=dataset.fund, fund_source_name=_FUNDS.header_of(dataset.fund))
    columns = _leaf_columns(spec, table)
    for row in _leaf_rows(table.rows):
        where = dict(_classification(scheme, row.code, names)) if row.code else {}
        for column in columns:
            value = row.values[table.columns.index(column)]
            if value is None:
                continue
            yield {
                **fixed,
                **where,
                dataset.columns_are: column,
                f"{dataset.columns_are}_name": spec.header_of(column),
                "amount": _text(value),
            }


def _text(value: Decimal) -> str:
    """An amount as held, in fixed point ("1.8221E+6" would be "1822100")."""
    return format(value, "f")


def fdp_rows(budget: DepartmentBudget) -> list[dict[str, str]]:
    """The disclosure's amounts in long format, one amount per row, every value a string.

    Keys are the names of :data:`FDP_COLUMNS`, in order; an empty string where a row has no
    value (no 项 under a 款, no fund source in table 3). Datasets come in table order, rows and
    columns as printed. See the module documentation for what is exported and why no amount is
    counted twice within a dataset.
    """
    return [row for dataset in _DATASETS for row in _dataset_rows(budget, dataset)]


def fdp_csv(budget: DepartmentBudget) -> str:
    """:func:`fdp_rows` as CSV text with a header line: the ``budget.csv`` of the package.

    >>> from govbudget import DepartmentBudget
    >>> fdp_csv(DepartmentBudget("网信办", 2025)).split(",")[:3]
    ['year', 'department_code', 'department']
    """
    buffer = io.StringIO()
    # "\n" as in every CSV govbudget writes; csv readers (and frictionless) read either ending.
    writer = csv.DictWriter(buffer, [c.name for c in FDP_COLUMNS], lineterminator="\n")
    writer.writeheader()
    writer.writerows(fdp_rows(budget))
    return buffer.getvalue()


def fdp_descriptor(budget: DepartmentBudget, *, path: str = "budget.csv") -> dict[str, JSON]:
    """The ``datapackage.json`` of the export: a Tabular Data Package with FDP metadata.

    One resource, ``path`` (the CSV of :func:`fdp_csv`), whose Table Schema gives every column
    its type, its FDP ``columnType`` and its constraints. ``amount`` is a ``number``: the CSV
    holds the decimal text as published, and Table Schema readers (frictionless among them)
    read a number as a decimal, so no digit is lost; the unit is the ``unit`` column, the
    currency the ``currency`` column (CNY). The budget year is the calendar year (预算年度自公历
    1月1日起至12月31日止).

    >>> from govbudget import DepartmentBudget
    >>> descriptor = fdp_descriptor(DepartmentBudget("网信办", 2025, "897"))
    >>> descriptor["name"], descriptor["profile"], descriptor["fiscalPeriod"]
    ('department-budget-897-2025', 'tabular-data-package', {'start': '2025-01-01', 'end': '2025-12-31'})
    """
    code = f"{budget.department_code}-" if budget.department_code else ""
    year = "year-unknown" if budget.year is None else budget.year
    # FDP's fiscal period is optional: a budget read with the year unknown states none.
    period: dict[str, JSON] = (
        {}
        if budget.year is None
        else {"fiscalPeriod": {"start": f"{budget.year}-01-01", "end": f"{budget.year}-12-31"}}
    )
    return {
        "profile": "tabular-data-package",
        "name": f"department-budget-{code}{year}",
        "title": budget.title,
        "description": (
            "部门预算公开的各表金额，一行一个金额（长表）。同一金额见于多张表（如支出总表与一般公共"
            "预算财政拨款支出表）：请按 dataset 分别汇总，勿跨表相加。"
        ),
        "countryCode": "CN",
        "granularity": "aggregated",
        **period,
        "columnTypes": [
            "https://frictionlessdata.io/taxonomies/fiscal/budgets.json",
            _CUSTOM_TYPES,
        ],
        "resources": [
            {
                "name": "budget",
                "path": path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [column.field() for column in FDP_COLUMNS],
                    "missingValues": [""],
                },
            }
        ],
    }
