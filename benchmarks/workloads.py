"""The inputs of the benchmarks, built deterministically (``random.Random(seed)``, no hypothesis).

- :func:`department`: a realistic synthetic department derived from a ledger, the way
  ``govbudget.strategies`` builds budgets (line items in 元 → :func:`govbudget.derive`), with
  fixed assets, procurement, stated changes and a performance goal for every project. At scale 1
  it has ~150 rows across the nine tables; at scale k it has k times the functional 项, projects
  and items (more rows), for the scaling measures.
- :func:`seed_text`: the bundled published disclosure (开平区委网信办 2025).
- :func:`seed_text_scaled`: the seed with its three tables by functional subject extended by
  extra 项 rows until the text is k times as long, for the reading-time scaling of issue #12.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import random
from collections.abc import Iterator
from decimal import Decimal

import attrs

import govbudget
from govbudget import DepartmentBudget, Ledger, LineItem
from govbudget.disclosure import (
    AssetRow,
    BudgetUnit,
    FixedAssetsTable,
    ProcurementItem,
    ProcurementTable,
    StatedChange,
)
from govbudget.ledger import (
    Appropriation,
    BasicKind,
    ClassLayout,
    ExpenditureKind,
    FundSource,
    ThreePublicItem,
    UnitFundKind,
)
from govbudget.performance import Indicator, ProjectPerformanceGoal, SpendingCheckpoint

__all__ = [
    "Department",
    "corrupted",
    "department",
    "seed_text",
    "seed_text_scaled",
    "table_size",
]

YEAR = 2025
UNITS = (
    BudgetUnit("某局本级", "行政", "正处级", "财政拨款"),
    BudgetUnit("某局信息中心", "事业", "正科级", "财政补助"),
    BudgetUnit("某局执法大队", "参公", "副处级", "财政拨款"),
)
# The functional 项 of scale 1: real subjects of the 2025 catalogue a city bureau budgets under
# (行政运行 and its neighbours, pensions, health insurance, housing fund, two urban projects).
_CORE_FUNCTIONAL = (
    "2013701",
    "2013702",
    "2013704",
    "2013999",
    "2070101",
    "2070199",
    "2080501",
    "2080505",
    "2080506",
    "2101101",
    "2101102",
    "2120101",
    "2120803",
    "2210201",
)
_PERSONNEL = ("30101", "30102", "30103", "30107", "30108", "30110", "30112", "30113")
_PUBLIC = ("30201", "30202", "30205", "30207", "30211", "30213", "30217", "30228", "30231")
_PROJECT = ("30227", "30226", "30299", "31002", "31013", "30213")
# The "三公" items an economic 款 is, as budget systems tag them.
_THREE_PUBLIC = {
    "30217": ThreePublicItem.RECEPTION,
    "30231": ThreePublicItem.VEHICLE_OPERATION,
    "30212": ThreePublicItem.TRAVEL_ABROAD,
    "31013": ThreePublicItem.VEHICLE_PURCHASE,
}
# One indicator under each level-1 the framework requires, none with a money target (which
# would be held against the derived budget), as in govbudget.strategies.
_INDICATORS = (
    Indicator("产出指标", "数量指标", "完成数量", "完成数量", "≥1个", "项目实施方案"),
    Indicator("产出指标", "时效指标", "按期完成率", "按期完成率", "≥95%", "项目实施方案"),
    Indicator("效益指标", "社会效益指标", "服务覆盖率", "服务覆盖率", "≥90%", "项目实施方案"),
    Indicator("满意度指标", "服务对象满意度指标", "满意度", "满意度", "≥90%", "项目实施方案"),
)
_SCHEDULE = tuple(
    SpendingCheckpoint(label, Decimal(percent))
    for label, percent in (("3月底", 25), ("6月底", 50), ("10月底", 75), ("12月底", 100))
)
_TIE = 5000  # 50.00元 in 分: a tie of rounding to 0.01万元, which budget systems round up


def _amount(rng: random.Random, low: int, high: int) -> Decimal:
    """元 with two decimals; one in four within a 分 of a rounding tie, as real ledgers are."""
    cents = rng.randrange(low * 100, high * 100)
    if rng.random() < 0.25:
        cents = cents // 10000 * 10000 + _TIE + rng.choice((-1, 0, 1))
    return Decimal(cents).scaleb(-2)


def _functional_codes(count: int) -> tuple[list[str], dict[str, str]]:
    """``count`` functional 项 codes: the core ones first, then the catalogue's other 项, then
    synthetic 项 under new 款 of real 类 (named in ``Ledger.names``; ``check`` warns that the
    shipped catalogue does not know them, as it does for real departments' rarer codes)."""
    catalogue = govbudget.functional_classification(YEAR)
    real = [c for c in sorted(catalogue) if len(c) == 7 and c[:3] < "223"]
    codes = list(_CORE_FUNCTIONAL) + [c for c in real if c not in _CORE_FUNCTIONAL]
    names: dict[str, str] = {}
    classes = [c for c in sorted(catalogue) if len(c) == 3 and c < "223"]
    section = 60
    while len(codes) < count:
        for klass in classes:
            kuan = f"{klass}{section:02d}"
            if kuan in catalogue:
                continue
            names[kuan] = f"合成款{kuan}"
            for item in range(1, 10):
                code = f"{kuan}{item:02d}"
                names[code] = f"合成项{code}"
                codes.append(code)
        section += 1
        if section > 99:
            raise ValueError(f"no room for {count} functional codes")
    chosen = sorted(codes[:count])
    used = {code[:5] for code in chosen} | set(chosen)
    return chosen, {code: name for code, name in names.items() if code in used}


def ledger(functional_count: int = 14, seed: int = 2025) -> Ledger:
    """A department's ledger: ``functional_count`` functional 项, a project per ~3 项, every
    fund source and expenditure kind the disclosure shows, "三公" items, carried-over money."""
    rng = random.Random(seed)
    functional, names = _functional_codes(functional_count)
    names |= {
        "22301": "解决历史遗留问题及改革成本支出",
        "2230199": "其他解决历史遗留问题及改革成本支出",
    }
    items: list[LineItem] = []
    project_number = 0
    projects: list[str] = []

    def new_project() -> str:
        nonlocal project_number
        project_number += 1
        code = f"13020525P{project_number:012d}"
        projects.append(code)
        return code

    for index, code in enumerate(functional):
        unit = UNITS[index % len(UNITS)].name
        # Basic expenditure: personnel on every 项 of 行政运行 kind, public on most.
        if index % 3 != 2:
            for economic in rng.sample(_PERSONNEL, 3):
                items.append(
                    LineItem(
                        code,
                        economic,
                        _amount(rng, 20_000, 900_000),
                        ExpenditureKind.BASIC,
                        unit=unit,
                        basic_kind=BasicKind.PERSONNEL,
                    )
                )
            for economic in rng.sample(_PUBLIC, 2):
                items.append(
                    LineItem(
                        code,
                        economic,
                        _amount(rng, 1_000, 60_000),
                        ExpenditureKind.BASIC,
                        unit=unit,
                        basic_kind=BasicKind.PUBLIC,
                        three_public=_THREE_PUBLIC.get(economic),
                    )
                )
        # A project on every third 项, with money from one of the other sources now and then.
        if index % 3 == 2 or index % 7 == 0:
            project = new_project()
            fund = rng.choice(
                (FundSource.GENERAL_PUBLIC,) * 5
                + (FundSource.GOVERNMENT_FUND, FundSource.CARRY_OVER, FundSource.SPECIAL_ACCOUNT)
            )
            for economic in rng.sample(_PROJECT, 2):
                items.append(
                    LineItem(
                        code,
                        economic,
                        _amount(rng, 10_000, 800_000),
                        ExpenditureKind.PROJECT,
                        unit=unit,
                        project=project,
                        fund=fund,
                        carry_over_of=(
                            Appropriation.GENERAL_PUBLIC if fund is FundSource.CARRY_OVER else None
                        ),
                        three_public=_THREE_PUBLIC.get(economic),
                    )
                )
        # The 事业 unit's own income pays part of its basic expenditure.
        if unit == UNITS[1].name and index % 2 == 0:
            items.append(
                LineItem(
                    code,
                    "30199",
                    _amount(rng, 5_000, 200_000),
                    ExpenditureKind.BASIC,
                    unit=unit,
                    fund=FundSource.UNIT_FUNDS,
                    unit_fund_kind=UnitFundKind.SERVICE_INCOME,
                    basic_kind=BasicKind.PERSONNEL,
                )
            )
    for _ in range(max(1, functional_count // 14)):
        items.append(
            LineItem(
                "2230199",
                "31299",
                _amount(rng, 10_000, 90_000),
                ExpenditureKind.PROJECT,
                unit=UNITS[0].name,
                project=new_project(),
                fund=FundSource.STATE_CAPITAL,
            )
        )
    goals = [
        ProjectPerformanceGoal(
            year=YEAR,
            code=code,
            name=f"项目{number}",
            purpose="保障本单位履行职能",
            schedule=_SCHEDULE,
            goals=["1.按期完成项目建设任务"],
            indicators=_INDICATORS,
        )
        for number, code in enumerate(projects, start=1)
    ]
    return Ledger(
        "某局",
        YEAR,
        department_code="897",
        units=UNITS,
        items=items,
        goals=goals,
        names=names,
    )


@attrs.frozen
class Department:
    """A workload: the ledger, the derived budget, its JSON text and its size."""

    scale: int
    ledger: Ledger
    budget: DepartmentBudget
    json: str
    rows: int
    figures: int
    printed: int


def table_size(budget: DepartmentBudget) -> tuple[int, int, int]:
    """Rows of the nine tables, their cells (blank or not), and the printed (non-blank) ones."""
    rows = cells = printed = 0
    for table in budget.tables:
        for block in table.blocks():
            rows += len(block.rows)
            for row in block.rows:
                cells += len(row.values)
                printed += sum(value is not None for value in row.values)
    return rows, cells, printed


def _complete(budget: DepartmentBudget, scale: int) -> DepartmentBudget:
    """The derived budget with what a ledger does not hold: fixed assets, procurement, the
    changes the text states (consistent with each other, as example_budget has them)."""
    assets = FixedAssetsTable(
        "某局",
        "2024-12-31",
        [
            AssetRow("total", "资产总额", None, f"{30 * scale}.00"),
            AssetRow("buildings", "房屋", "100", f"{20 * scale}.00"),
            AssetRow("other", "其他固定资产", "5", f"{10 * scale}.00"),
        ],
    )
    procurement = ProcurementTable(
        "某局",
        [
            ProcurementItem(f"计算机{n}", total="5.00", general_public="5.00")
            for n in range(1, scale + 1)
        ],
    )
    facts = attrs.evolve(
        budget.facts,
        fixed_assets_value=f"{30 * scale}.00",
        procurement_total=f"{5 * scale}.00",
        change=StatedChange("21.20", word="增加"),
        change_basic=StatedChange("-8.80", word="减少", reason="人员减少"),
        change_project=StatedChange("30.00", word="增加", reason="项目增加"),
        three_public_change=StatedChange("0.00", word="持平", reason="无变化"),
    )
    return attrs.evolve(budget, facts=facts, fixed_assets=assets, procurement=procurement)


# Rows of the nine tables against functional 项 in the ledger, measured on this generator:
# (14, 164), (140, 716), (700, 2627). Fixed rows (tables 1, 4, 9) make it affine, not linear.
_ROWS_FIT = ((14, 164), (140, 716), (700, 2627))


def functional_count(scale: int) -> int:
    """How many functional 项 give about ``scale`` times the rows of scale 1."""
    if scale == 1:
        return _ROWS_FIT[0][0]
    rows = scale * _ROWS_FIT[0][1]
    (n0, r0), (n1, r1) = _ROWS_FIT[:2] if rows <= _ROWS_FIT[1][1] else _ROWS_FIT[1:]
    return round(n0 + (rows - r0) * (n1 - n0) / (r1 - r0))


@functools.cache
def department(scale: int = 1, seed: int = 2025) -> Department:
    """The synthetic department at about ``scale`` times the rows of the realistic one
    (cached: each workload is built once per run)."""
    source = ledger(functional_count(scale), seed)
    budget = _complete(govbudget.derive(source, classes=ClassLayout.WITH_MONEY), scale)
    rows, figures, printed = table_size(budget)
    return Department(scale, source, budget, govbudget.to_json(budget), rows, figures, printed)


def corrupted(text: str) -> str:
    """A department's JSON with three figures changed, so that the sums disagree somewhere
    (each change breaks a column formula, a 类 = Σ 款 sum and a 合计 = Σ 类 total)."""
    document = json.loads(text)
    for table in document["tables"]:
        if table["kind"] in ("expenditure", "income", "general_public_expenditure"):
            row = next(r for r in table["rows"] if r["key"].isdigit() and len(r["key"]) == 5)
            column = next(c for c in table["columns"] if c != "total" and row.get(c) is not None)
            row[column] = str(Decimal(row[column]) + Decimal("1.00"))
    return json.dumps(document, ensure_ascii=False, indent=2)


def seed_text() -> str:
    """The bundled published disclosure, as ``govbudget check`` reads it."""
    return (
        importlib.resources.files("govbudget")
        .joinpath("samples", "kaiping_2025.txt")
        .read_text("utf-8")
    )


# The tables by functional subject, whose 2013704 row the scaled texts repeat under new codes.
_EXTENDED_TABLES = ("部门预算收入总表", "部门预算支出总表", "部门预算一般公共预算财政拨款支出表")
_TEMPLATE_CODE = "2013704"


def _extra_codes() -> Iterator[str]:
    """7-digit codes after 2013704 and before 类 210, none of them a catalogue subject: the
    added rows stay in code order between the seed's 2013704 and 210 rows (the reader does not
    ask for their 类 and 款 rows; ``check`` would)."""
    known = set(govbudget.functional_classification(YEAR))
    for number in range(2013705, 2100000):
        code = str(number)
        if code not in known:
            yield code


def seed_text_scaled(factor: float) -> tuple[str, int]:
    """The seed, its text ``factor`` times as long (in lines) by rows added to tables 2, 3 and 5
    (each a copy of the 2013704 row under a new code and name); and how many rows each of those
    tables gained. ``factor`` 1 is the seed itself."""
    lines = seed_text().split("\n")
    # The 2013704 row of each extended table: the lines from its first cell to its blank line.
    templates: list[tuple[int, list[str]]] = []
    table: str | None = None
    for number, line in enumerate(lines):
        title = next((t for t in _EXTENDED_TABLES if line.endswith(t)), None)
        if title is not None or "bookmark" in line:
            table = title
        if table is not None and line == f"\t{_TEMPLATE_CODE}":
            start = number - 1  # the 序号 cell
            end = lines.index("", number)
            templates.append((end + 1, lines[start : end + 1]))
    if len(templates) != len(_EXTENDED_TABLES):
        raise RuntimeError("the seed's layout changed: 2013704 is not in tables 2, 3 and 5")
    per_code = sum(len(rows) for _, rows in templates)
    extra = max(0, round((factor - 1) * len(lines) / per_code))
    codes = list(_take(_extra_codes(), extra))
    if len(codes) < extra:
        raise ValueError(f"no room for {extra} extra rows before 类 210")
    # Insert from the last table up, so the earlier insertion points stay where they are.
    for at, rows in reversed(templates):
        added: list[str] = []
        for code in codes:
            added.extend(_renamed(rows, code))
        lines[at:at] = added
    return "\n".join(lines), extra


def _take(iterator: Iterator[str], count: int) -> Iterator[str]:
    for _, code in zip(range(count), iterator, strict=False):
        yield code


def _renamed(rows: list[str], code: str) -> list[str]:
    renamed = list(rows)
    renamed[1] = f"\t{code}"
    renamed[2] = f"\t合成项目{code}"
    return renamed
