"""The seed as a ledger: line items in 元 whose derived tables print exactly the seed's figures.

The seed (the 2025 budget of 中共唐山市开平区委网信办, examples/seed_tables.py) prints four
rounding differences: its 301 款 add to 182.22 where 182.21 is printed, its 302 款 to 11.38
where 11.39 is printed, 人员经费 182.21 + 公用经费 11.39 = 193.60 where 193.61 is printed, and
its three 类 256.59 + 14.53 + 12.48 = 283.60 where 283.61 is printed. A budget system that holds
exact 元 and rounds every printed cell on its own produces such differences; this ledger is one
set of exact amounts that produces exactly these.

How the amounts were found. Each item is a 款 of the 基本支出表 (or a project) at its printed
figure × 10,000元 plus an offset of less than 50元, so that the item itself prints as the seed
prints it. The tables are sums of items, so every printed figure bounds the sum of the offsets of
the items it adds up (p万元 stands for p × 10,000 − 50 ≤ x < p × 10,000 + 50元); which items a
figure adds up is asked of ``derive`` itself, by moving one item by 1元. :func:`find_offsets`
searches offsets in steps of 5元 that keep every figure within its bounds, smallest first,
narrowing what each group of items may take before it tries a value (a small constraint search;
it takes well under a second). :data:`OFFSETS` is what it finds, and a test runs it again: the
seed reconciles completely — every figure of its nine tables, rounding differences included.

Where each basic item is spent is the natural reading of the seed: health insurance (30110)
under 2101101 行政单位医疗, housing fund (30113) under 2210201 住房公积金, everything else under
2013701 行政运行; the three projects are those of the seed's goal tables (10.00 under 2013704
信息安全事务, 12.00 + 68.00 under 2013702 一般行政管理事务).

Run:  python examples/seed_ledger.py
"""

from __future__ import annotations

from decimal import Decimal

from seed_goals import project_goals
from seed_tables import HEADER, build_tables

from govbudget import Unit, check, to_text
from govbudget.disclosure import BudgetUnit
from govbudget.ledger import BasicKind, ExpenditureKind, Ledger, LineItem, derive

OFFICE = f"{HEADER.department}本级"
UNCODED_CLASSES = ("人行科目",)  # the 收支总表's 31st 类, printed by name, coded nowhere
PERSONNEL, PUBLIC = BasicKind.PERSONNEL, BasicKind.PUBLIC

# Basic expenditure: functional 项, economic 款, the 款 as printed (万元), 人员经费 or 公用经费.
BASIC = (
    ("2013701", "30101", "69.49", PERSONNEL),
    ("2013701", "30102", "24.68", PERSONNEL),
    ("2013701", "30103", "4.26", PERSONNEL),
    ("2013701", "30107", "39.72", PERSONNEL),
    ("2013701", "30108", "16.15", PERSONNEL),
    ("2101101", "30110", "14.53", PERSONNEL),
    ("2013701", "30112", "0.91", PERSONNEL),
    ("2210201", "30113", "12.48", PERSONNEL),
    ("2013701", "30201", "3.80", PUBLIC),
    ("2013701", "30205", "0.40", PUBLIC),
    ("2013701", "30207", "2.05", PUBLIC),
    ("2013701", "30228", "0.92", PUBLIC),
    ("2013701", "30229", "1.15", PUBLIC),
    ("2013701", "30239", "3.06", PUBLIC),
)
# Projects: functional 项, economic 款, budget as printed in its goal table (万元), project code.
PROJECTS = (
    ("2013704", "31007", "10.00", "13020525P00916610003B"),  # 本级网络安全工作经费
    ("2013702", "31007", "12.00", "13020525P00916610004Y"),  # 本级网络宣传和信息化工作经费
    ("2013702", "30227", "68.00", "13020525P00916610002P"),  # 本级网络舆情监测与处置经费
)
PRINTED = tuple(printed for _f, _e, printed, _k in BASIC) + tuple(p for _f, _e, p, _c in PROJECTS)

# What find_offsets() finds: 元 added to each item's printed figure, in the order above.
OFFSETS = (-10, -10, -10, -10, -10, 5, -10, 0, 20, 20, 20, 15, 15, 15, 0, 0, 0)

_STEP, _REACH = 5, 45  # offsets tried: -45, -40, …, 45 元 (an item moves less than 50元)
_HALF = 50  # 元: 0.005万元, half the width of a printed figure


def items(offsets: tuple[int, ...] = OFFSETS) -> list[LineItem]:
    """The line items with the given offsets in 元."""
    amounts = [
        Decimal(printed).scaleb(4) + offset
        for printed, offset in zip(PRINTED, offsets, strict=True)
    ]
    basic = [
        LineItem(functional, economic, amount, ExpenditureKind.BASIC, unit=OFFICE, basic_kind=kind)
        for (functional, economic, _printed, kind), amount in zip(
            BASIC, amounts[: len(BASIC)], strict=True
        )
    ]
    projects = [
        LineItem(functional, economic, amount, ExpenditureKind.PROJECT, unit=OFFICE, project=code)
        for (functional, economic, _printed, code), amount in zip(
            PROJECTS, amounts[len(BASIC) :], strict=True
        )
    ]
    return basic + projects


def ledger(offsets: tuple[int, ...] = OFFSETS) -> Ledger:
    """The seed's ledger: one unit, its items, the goals of its three projects."""
    return Ledger(
        HEADER.department,
        HEADER.year,
        department_code=HEADER.department_code,
        units=[BudgetUnit(OFFICE, "行政", "正科级", "财政拨款")],
        items=items(offsets),
        goals=project_goals(),
    )


_Key = tuple[int, int, str, str]
_Constraint = tuple[tuple[int, ...], int, int]


def _cells(offsets: tuple[int, ...]) -> dict[_Key, Decimal]:
    """Every figure of the tables derived in 元, by table, block, row and column."""
    derived = derive(ledger(offsets), unit=Unit.YUAN, extra_classes=UNCODED_CLASSES)
    return {
        (number, side, row.key, column): value
        for number, table in enumerate(derived.tables)
        for side, block in enumerate(table.blocks())
        for row in block.rows
        for column, value in zip(block.columns, row.values, strict=True)
        if value is not None
    }


def constraints() -> list[_Constraint]:
    """For each printed figure of the seed, the items it adds up and the bounds of the sum of
    their offsets: a figure p (万元) stands for the 元 amounts p × 10,000 − 50 ≤ x < p × 10,000
    + 50 (half up). Which items a cell adds up is asked of :func:`derive` itself: the cells
    that move when one item moves by 1元."""
    zero = tuple(0 for _ in PRINTED)
    base = _cells(zero)
    reach = []
    for index in range(len(zero)):
        moved = _cells((*zero[:index], 1, *zero[index + 1 :]))
        reach.append({key for key, value in moved.items() if value != base.get(key)})
    found: set[_Constraint] = set()
    for number, table in enumerate(build_tables()):
        for side, block in enumerate(table.blocks()):
            for row in block.rows:
                for column, figure in zip(block.columns, row.values, strict=True):
                    if figure is None:
                        continue
                    key = (number, side, row.key, column)
                    exact = int(figure.scaleb(4) - base[key])
                    members = tuple(i for i, cells in enumerate(reach) if key in cells)
                    found.add((members, exact - _HALF, exact + _HALF))
    return sorted(found)


def _narrowed(domains: list[list[int]], bounds: list[_Constraint]) -> list[list[int]] | None:
    """The offsets each item may still take once every figure's bounds are respected, given
    what the other items may take; ``None`` when some item has none left."""
    domains = [list(domain) for domain in domains]
    changed = True
    while changed:
        changed = False
        for members, low, high in bounds:
            for i in members:
                least = sum(min(domains[j]) for j in members if j != i)
                most = sum(max(domains[j]) for j in members if j != i)
                # A figure stands for low ≤ Σ < high: whole 元 up to high − 1.
                kept = [v for v in domains[i] if v + most >= low and v + least <= high - 1]
                if not kept:
                    return None
                if len(kept) < len(domains[i]):
                    domains[i], changed = kept, True
    return domains


def find_offsets() -> tuple[int, ...]:
    """The offsets that make the derived tables print the seed's figures (see the module).

    An item alone prints as the seed prints it whatever its offset under 50元, so only the
    figures that add up several items bound anything. Items that those figures always add up
    together (the six 301 款 of 2013701, the six 302 款) form one group, and the search is over
    the groups' sums: it narrows what every group may take so that each printed figure stays
    reachable, then tries the smallest sums first, backing up when a group has none left. Each
    group's sum is spread over its items as evenly as steps of 5元 allow.
    """
    bounds = [bound for bound in constraints() if len(bound[0]) > 1]
    groups: dict[frozenset[int], list[int]] = {}
    for item in range(len(PRINTED)):
        member_of = frozenset(
            n for n, (members, _low, _high) in enumerate(bounds) if item in members
        )
        groups.setdefault(member_of, []).append(item)
    items_of = list(groups.values())
    group_bounds = [
        (tuple(g for g, items in enumerate(items_of) if items[0] in members), low, high)
        for members, low, high in bounds
    ]

    def grid(size: int) -> list[int]:
        reach = _REACH * size
        return sorted(range(-reach, reach + 1, _STEP), key=lambda total: (abs(total), total))

    def search(domains: list[list[int]]) -> list[list[int]] | None:
        narrowed = _narrowed(domains, group_bounds)
        if narrowed is None:
            return None
        open_groups = [g for g, domain in enumerate(narrowed) if len(domain) > 1]
        if not open_groups:
            return narrowed
        first = open_groups[0]
        for total in narrowed[first]:
            found = search([*narrowed[:first], [total], *narrowed[first + 1 :]])
            if found is not None:
                return found
        return None

    solution = search([grid(len(items)) for items in items_of])
    if solution is None:
        raise RuntimeError("no offsets of less than 50元 print the seed's figures")
    offsets = [0 for _ in PRINTED]
    for items, (total,) in zip(items_of, solution, strict=True):
        steps, extra = divmod(total // _STEP, len(items))
        for rank, item in enumerate(items):
            offsets[item] = _STEP * (steps + (1 if rank < extra else 0))
    return tuple(offsets)


def main() -> None:
    seed_ledger = ledger()
    budget = derive(seed_ledger, extra_classes=UNCODED_CLASSES)
    exact = derive(seed_ledger, unit=Unit.YUAN)
    seed = build_tables()
    same = [
        table.SPEC.number
        for table, printed in zip(budget.tables, seed, strict=True)
        if table == printed
    ]
    print(
        f"{HEADER.department} 2025年：{len(seed_ledger.items)} 笔明细，合计 {seed_ledger.total} 元"
    )
    print(f"与公开表格逐格相同的表：{same}（共 {len(seed)} 张）")
    basic, basic_yuan = budget.basic_expenditure, exact.basic_expenditure
    if basic is not None and basic_yuan is not None:
        print("舍入差异，各格独立四舍五入所致：")
        for code, column in (("301", "total"), ("302", "total")):
            parts = [
                row.values[0] for row in basic.rows if row.key[:3] == code and len(row.key) == 5
            ]
            print(
                f"  {code}：各款之和 {sum(p or 0 for p in parts)}，印 {basic.value(code, column)}"
                f"（精确 {basic_yuan.value(code, column)}元）"
            )
        print(
            f"  基本支出：人员经费 + 公用经费 = "
            f"{(basic.value('total', 'personnel') or 0) + (basic.value('total', 'public') or 0)}，"
            f"印 {basic.value('total', 'total')}（精确 {basic_yuan.value('total', 'total')}元）"
        )
    table, table_yuan = budget.expenditure, exact.expenditure
    if table is not None and table_yuan is not None:
        classes = [table.value(code, "total") or 0 for code in ("201", "210", "221")]
        print(
            f"  支出合计：三类之和 {sum(classes)}，印 {table.value('total', 'total')}"
            f"（精确 {table_yuan.value('total', 'total')}元）"
        )
    print(f"检查：{check(budget).summary()}")
    print()
    print(to_text(budget.basic_expenditure or seed[5]))


if __name__ == "__main__":
    main()
