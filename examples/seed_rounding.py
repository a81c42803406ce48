"""The rounding model on the seed: 中共唐山市开平区委网信办, 2025 department budget.

Every sum printed in the seed's 一般公共预算财政拨款基本支出表 (table 6) is compared with its
parts. Four of them differ by 0.01万元, as published; the rounding model shows that each
difference is what rounding two-decimal figures produces, not an error. A transcription slip
of 1.00 is then caught. Run:  python examples/seed_rounding.py
"""

from __future__ import annotations

from decimal import Decimal

from govbudget import agree, economic_classification
from govbudget.amounts import format_amount

ECONOMIC = economic_classification(2025)

# Table 6 as printed: code → (合计, 人员经费, 公用经费); blank cells are None.
PRINTED: dict[str, tuple[str, str | None, str | None]] = {
    "301": ("182.21", "182.21", None),
    "30101": ("69.49", "69.49", None),
    "30102": ("24.68", "24.68", None),
    "30103": ("4.26", "4.26", None),
    "30107": ("39.72", "39.72", None),
    "30108": ("16.15", "16.15", None),
    "30110": ("14.53", "14.53", None),
    "30112": ("0.91", "0.91", None),
    "30113": ("12.48", "12.48", None),
    "302": ("11.39", None, "11.39"),
    "30201": ("3.80", None, "3.80"),
    "30205": ("0.40", None, "0.40"),
    "30207": ("2.05", None, "2.05"),
    "30228": ("0.92", None, "0.92"),
    "30229": ("1.15", None, "1.15"),
    "30239": ("3.06", None, "3.06"),
}
TOTAL = ("193.61", "182.21", "11.39")


def show(label: str, total: str, parts: list[str]) -> bool:
    result = agree(Decimal(total), [Decimal(p) for p in parts])
    verdict = "一致（舍入差异）" if result.ok and result.difference else "一致"
    if not result.ok:
        verdict = "不一致"
    print(
        f"{label:<28}印 {total:>7}  各项之和 {format_amount(result.expected):>7}"
        f"  差额 {format_amount(result.difference):>5}  容差 {format_amount(result.tolerance):>6}"
        f"  {verdict}"
    )
    return result.ok


def main() -> None:
    print("一般公共预算财政拨款基本支出表（单位：万元）\n")
    for code in ("301", "302"):
        children = [c.code for c in ECONOMIC.children(code) if c.code in PRINTED]
        name = ECONOMIC.lookup(code).name
        show(f"{code} {name} = Σ 款", PRINTED[code][0], [PRINTED[c][0] for c in children])
    show("合计 = 301 + 302", TOTAL[0], [PRINTED["301"][0], PRINTED["302"][0]])
    show("合计 = 人员经费 + 公用经费", TOTAL[0], [TOTAL[1], TOTAL[2]])
    for code, (total, personnel, public) in PRINTED.items():
        show(f"{code} 合计 = 人员 + 公用", total, [p for p in (personnel, public) if p])
        assert ECONOMIC.lookup(code).name  # every printed code is in the catalogue

    print("\n一处录入错误（302 印成 12.39）：")
    ok = show(
        "302 商品和服务支出 = Σ 款", "12.39", ["3.80", "0.40", "2.05", "0.92", "1.15", "3.06"]
    )
    assert not ok


if __name__ == "__main__":
    main()
