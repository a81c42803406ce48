"""The final-accounts explanation (决算情况说明): its stated facts, and the rules on them.

Every expectation on a real text was read off that text: the two Shanghai final accounts
(tests/data/narratives/shanghai-putuo-*-final.txt, the "narrative" of the bundles in
tests/data/cases/), and an invented explanation in the national template wording
(tests/data/narratives/national-template-2024-final.txt), whose figures are all consistent.
Every finding pinned on a real text is justified where it is pinned.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from govbudget import DepartmentFinalAccounts, Severity, read_bundle, rules
from govbudget.amounts import round_half_up
from govbudget.checks import check
from govbudget.disclosure.facts import (
    FINAL_AMOUNT_FACTS,
    FINAL_CHANGE_FACTS,
    FINAL_CHANGE_OF,
    FINAL_COUNT_FACTS,
    FINAL_FACT_LABELS,
    FinalStatedFacts,
)
from govbudget.disclosure.statements import (
    SHARE_OF,
    Restatement,
    StatedChange,
    StatedClass,
    StatedEvaluation,
    StatedExecution,
    StatedShare,
    direction_signs,
)
from govbudget.disclosure.text_figures import (
    FigureLookup,
    FinalTextTables,
    TableFigures,
    text_figures,
)
from govbudget.errors import AmountError, AmountTypeError
from govbudget.ledger.execution import ExecutionRate
from govbudget.reading.explanation import READ_FACT, TXT_PLACEHOLDER
from govbudget.reading.final_explanation import FinalFactsReading, read_final_facts

DATA = Path(__file__).parent / "data"
NARRATIVES = DATA / "narratives"
SHIQUAN = "shanghai-putuo-shiquan-2025-final"
CAIZHENGJU = "shanghai-putuo-caizhengju-2024-final"
NATIONAL = "national-template-2024-final"

FACTS_RULES = [
    "TXT-FINAL-RATE",
    "TXT-FINAL-BUDGET-CHANGE",
    "TXT-FINAL-ZERO-BUDGET",
    "TXT-FINAL-DIRECTION",
    "TXT-FINAL-RESTATED",
    "TXT-FINAL-SHARE",
    "TXT-FINAL-SUM",
    "TXT-FINAL-CHANGE",
]


def narrative(case: str) -> str:
    return (NARRATIVES / f"{case}.txt").read_text("utf-8")


def read(case: str) -> FinalStatedFacts:
    facts, findings = read_final_facts(narrative(case))
    assert findings == ()
    return facts


def amounts(facts: FinalStatedFacts) -> dict[str, str]:
    """Every stated amount as printed (so 0 and 0.00 differ)."""
    return {
        name: str(getattr(facts, name))
        for name in FINAL_AMOUNT_FACTS
        if getattr(facts, name) is not None
    }


def changes(facts: FinalStatedFacts) -> dict[str, tuple[str, str | None, str | None, str | None]]:
    out = {}
    for name in FINAL_CHANGE_FACTS:
        change = getattr(facts, name)
        if change is not None:
            percent = None if change.percent is None else str(change.percent)
            out[name] = (str(change.amount), percent, change.reason, change.word)
    return out


def digest(execution: StatedExecution) -> tuple[object, ...]:
    def s(value: Decimal | None) -> str | None:
        return None if value is None else str(value)

    return (
        execution.path[-1] if execution.path else execution.key,
        execution.line,
        s(execution.amount),
        s(execution.budgeted),
        s(execution.actual),
        s(execution.rate),
        execution.word,
    )


def findings_of(subject: object, select: list[str] | None = None) -> list[tuple[str, str, str]]:
    report = check(subject, select=select or ["TXT-FINAL"])
    return [(f.rule, f.severity.value, f.location.row or "") for f in report]


# --- the national template (invented, consistent) -------------------------------------------------


def test_the_national_template_is_read_whole() -> None:
    facts = read(NATIONAL)
    assert facts.year == 2024
    assert amounts(facts) == {
        # 2024年度收入、支出决算总计1,286.40万元 … （一）收入决算总计1,286.40万元
        "income_expenditure_total": "1286.40",
        "income_total": "1180.40",  # 1.本年收入决算1,180.40万元 / 本年收入合计1,180.40万元
        "fiscal_appropriation": "1120.40",
        "subsidy_from_superior": "0",
        "service_income": "45.00",
        "operating_income": "0",
        "remittance_from_subordinates": "0",
        "other_income": "15.00",
        "non_fiscal_balance_used": "0",  # 2.使用非财政拨款结余和专用结余0万元
        "carry_over": "106.00",
        "expenditure_total": "1203.60",
        "basic": "812.30",
        "project": "391.30",
        "remittance_to_superior": "0",
        "operating_expenditure": "0",
        "subsidy_to_subordinates": "0",
        "balance_distribution": "0",
        "carry_forward": "82.80",
        "fiscal_total": "1190.40",  # 财政拨款收入、支出决算总计1,190.40万元
        "general_public_expenditure": "1143.60",
        "government_fund_expenditure": "0",
        "state_capital_expenditure": "0",
        "general_public_basic": "812.30",
        "personnel": "735.60",
        "public": "76.70",
        "travel_abroad": "2.40",
        "vehicles": "9.60",
        "vehicle_purchase": "0",
        "vehicle_operation": "9.60",
        "reception": "1.20",
        "agency_running_costs": "76.70",
        "procurement_total": "186.50",
        "procurement_goods": "46.50",
        "procurement_works": "0",
        "procurement_services": "140.00",
        "procurement_sme": "160.20",  # 授予中小企业合同金额160.20万元
        "procurement_small_micro": "120.00",
    }
    assert changes(facts) == {
        "income_expenditure_total_change": ("86.40", "7.20", "大气污染防治项目资金增加", "增加"),
        "income_total_change": ("80.40", "7.31", "财政拨款收入增加", "增加"),
        "expenditure_total_change": ("95.10", "8.58", "大气污染防治项目支出增加", "增加"),
        "fiscal_total_change": ("60.40", "5.35", "大气污染防治项目资金增加", "增加"),
        "general_public_expenditure_change": ("43.60", "3.96", "大气污染防治项目支出增加", "增加"),
        "three_public_change": ("-1.80", "-12.00", "公务接待批次减少", "减少"),
        "agency_running_costs_change": ("-3.30", "-4.13", "压减日常公用经费", "减少"),
    }
    assert {share.part: (str(share.percent), share.whole) for share in facts.shares} == {
        "fiscal_appropriation": ("94.92", "income_total"),
        "subsidy_from_superior": ("0", "income_total"),
        "service_income": ("3.81", "income_total"),
        "operating_income": ("0", "income_total"),
        "remittance_from_subordinates": ("0", "income_total"),
        "other_income": ("1.27", "income_total"),
        "basic": ("67.49", "expenditure_total"),
        "project": ("32.51", "expenditure_total"),
        "remittance_to_superior": ("0", "expenditure_total"),
        "operating_expenditure": ("0", "expenditure_total"),
        "subsidy_to_subordinates": ("0", "expenditure_total"),
        "general_public_expenditure": ("95.01", "expenditure_total"),  # 占本年支出合计的95.01%
        "travel_abroad": ("18.18", "three_public_total"),
        "vehicles": ("72.73", "three_public_total"),
        "reception": ("9.09", "three_public_total"),
        "procurement_sme": ("85.90", "procurement_total"),  # 占政府采购支出总额的85.90%
        "procurement_small_micro": ("74.91", "procurement_sme"),  # 占授予中小企业合同金额的
    }
    assert [(c.name, str(c.amount), str(c.share)) for c in facts.general_public_classes] == [
        ("社会保障和就业支出", "98.50", "8.61"),  # 社会保障和就业（类）支出98.50万元，占8.61%
        ("卫生健康支出", "42.10", "3.68"),
        ("节能环保支出", "930.00", "81.32"),
        ("住房保障支出", "73.00", "6.38"),
    ]
    general = facts.general_public_execution
    assert general is not None
    assert digest(general) == (
        "general_public_expenditure",
        29,
        None,
        "1100.00",
        "1143.60",
        "103.96",
        "大于",
    )
    assert general.word_basis == "年初" and general.reason == "年中追加大气污染防治项目资金"
    assert [digest(e) for e in facts.executions] == [
        ("机关事业单位基本养老保险缴费支出", 30, None, "65.00", "66.20", "101.85", "大于"),
        ("机关事业单位职业年金缴费支出", 31, None, "32.50", "32.30", "99.38", "小于"),
        ("行政单位医疗", 32, None, "40.00", "42.10", "105.25", "大于"),
        ("行政运行", 33, None, "560.00", "548.60", "97.96", "小于"),
        ("建设项目环评审查与监督", 34, None, "120.00", "150.40", "125.33", "大于"),
        ("大气", 35, None, "210.00", "231.00", "110.00", "大于"),
        ("住房公积金", 36, None, "72.50", "73.00", "100.69", "大于"),
    ]
    assert facts.executions[4].adjusted == Decimal("150.40")  # 调整预算为150.40万元
    assert facts.executions[0].path == (
        "社会保障和就业支出",
        "行政事业单位养老支出",
        "机关事业单位基本养老保险缴费支出",
    )
    assert [digest(e) for e in facts.three_public_executions] == [
        ("three_public_total", 45, None, "18.00", "13.20", "73.33", "小于"),
        ("travel_abroad", 45, None, "3.00", "2.40", "80.00", None),
        ("vehicles", 45, None, "12.00", "9.60", "80.00", None),
        ("reception", 45, None, "3.00", "1.20", "40.00", None),
    ]
    assert {name: getattr(facts, name) for name in FINAL_COUNT_FACTS} == {
        "travel_groups": 1,  # 全年安排因公出国（境）团组1个，累计4人次
        "travel_people": 4,
        "vehicles_purchased": 0,  # 全年按规定更新购置公务用车0辆
        "vehicles_held": 3,  # 公务用车保有量为3辆
        "reception_batches": 12,  # 国内公务接待12批次，96人次
        "reception_people": 96,
        "vehicles_total": 5,  # 共有车辆5辆
        "general_equipment": 1,  # 单价50万元以上通用设备1台（套）
        "special_equipment": 2,  # 单价100万元以上专用设备2台（套）
        "equipment_over_million": None,
    }
    assert sum(count for _, count in facts.vehicle_kinds) == 5
    assert [(e.stage, e.projects, str(e.amount), e.share) for e in facts.evaluations] == [
        ("绩效自评", 9, "391.30", Decimal("100")),
        ("部门评价", 2, "180.00", None),
    ]
    assert facts.quote("agency_running_costs") == (
        "本部门2024年度机关运行经费支出76.70万元，比2023年度减少3.30万元，下降4.13%。"
    )


def test_the_national_template_passes_every_rule() -> None:
    assert findings_of(read(NATIONAL)) == []


# --- the two real final accounts --------------------------------------------------------------

SHIQUAN_ITEMS = [
    # (项, line, figure after the name, 年初预算, 支出决算, 完成率, 决算数…预算数)
    ("统计信息事务", 43, "20.04", "77.59", "20.04", "25.83", "小于"),
    ("统计管理", 48, "3.39", "3.84", "3.39", "88.28", "小于"),
    ("一般行政管理事务", 53, "46.50", "49.18", "46.50", "94.55", "小于"),
    ("一般行政管理事务", 58, "105.65", "105.80", "105.65", "99.86", "小于"),
    ("一般行政管理事务", 64, "100.96", "107.50", "100.96", "93.92", "小于"),
    ("一般行政管理事务", 70, "7.73", "10", "7.73", "77.30", "小于"),
    ("一般行政管理事务", 74, "22.64", "20.66", "22.64", "109.58", "大于"),
    ("公共法律服务", 80, "27.09", "30", "27.09", "90.30", "小于"),
    ("其他公共安全支出", 85, "323.47", "323.50", "323.47", "99.99", "小于"),
    ("其他教育支出", 90, "16.24", "20", "16.24", "81.20", "小于"),
    ("科普活动", 95, "5.57", "10", "5.57", "55.70", "小于"),
    ("群众文化", 100, "62.51", "20", "62.51", "312.55", "大于"),
    ("群众体育", 106, "20", "20", "20", "100", "等于"),
    ("归口管理的行政单位离退休", 110, "252.74", "256.44", "252.74", "98.56", "小于"),
    ("事业单位离退休", 116, "220.79", "224.43", "220.79", "98.38", "小于"),
    ("机关事业单位基本养老保险缴费支出", 122, "545.84", "569.98", "545.84", "95.76", "小于"),
    # “…职业年金缴费支出（项）”257.14 万元 … 支出决算为 245.53 万元: read as printed
    ("机关事业单位职业年金缴费支出", 128, "257.14", "274.82", "245.53", "93.57", "小于"),
    ("其他行政事业单位养老支出", 134, "5.43", "5.44", "5.43", "99.82", "小于"),
    ("公益性岗位补贴", 139, "200.18", "256", "200.18", "78.20", "小于"),
    # 年初预算为 0 元 (in 元, so 0E-4 万元), and no rate
    ("死亡抚恤", 144, "177.17", "0.0000", "177.17", None, "大于"),
    ("一般行政管理事务", 148, "7.11", "8.30", "7.11", "85.66", "小于"),
    ("其他城市生活救助", 153, "30", "30", "30", "100", "等于"),
    ("其他社会保障和就业支出", 157, "1322.92", "1339.11", "1322.92", "98.79", "小于"),
    ("计划生育服务", 164, "18.15", "20", "18.15", "90.75", "小于"),
    ("行政单位医疗", 169, "102.55", "179.11", "102.55", "57.26", "小于"),
    ("事业单位医疗", 174, "150.70", "164.40", "150.70", "91.67", "小于"),
    ("减排专项支出", 179, "150", "0", "150", None, "大于"),  # 年初预算为 0，(no unit)
    ("行政运行", 183, "1715.05", "1676.41", "1715.05", "102.30", "大于"),
    ("一般行政管理事务", 190, "1342.64", "1482.50", "1342.64", "90.57", "小于"),
    ("城管执法", 196, "1289.35", "1280.01", "1289.35", "100.73", "大于"),
    ("其他社区城乡管理事务支出", 203, "7682.11", "8064.54", "7682.11", "95.26", "小于"),
    ("其他城乡社区公共设施支出", 210, "615.12", "1190.14", "615.12", "51.68", "小于"),
    ("城乡社区环境卫生", 220, "854.35", "1024.01", "854.35", "83.43", "小于"),
    ("其他城乡社区支出", 227, "84.86", "60", "84.86", "141.43", "大于"),
    ("住房公积金", 234, "434.93", "450.84", "434.93", "96.47", "小于"),
    ("购房补贴", 239, "417.16", "411.02", "417.16", "101.49", "大于"),
    ("其他城乡社区住宅支出", 244, "307.95", "616.08", "307.95", "49.99", "小于"),
    ("其他消防救援事务支出", 249, "98.23", "106", "98.23", "92.67", "小于"),
]


def test_shiquan_is_read_whole() -> None:
    facts = read(SHIQUAN)
    assert facts.year == 2025  # 第三部分 …2025 年度\n部门决算情况说明
    assert amounts(facts) == {
        "income_expenditure_total": "19044.27",
        "income_total": "19044.27",
        "fiscal_appropriation": "19044.27",
        "expenditure_total": "19044.27",
        "basic": "14206",  # 基本支出 14,206 万\n元: no decimals printed
        "project": "4838.27",
        "fiscal_total": "19044.27",
        "general_public_expenditure": "19044.27",
        "general_public_basic": "14206",
        "personnel": "12010.40",
        "public": "2195.60",
        "travel_abroad": "0",  # 因公出国（境）费支出决算 0 万元
        "vehicles": "37.35",
        "vehicle_purchase": "25",  # 公务用车购置支出为 25 万元
        "vehicle_operation": "12.35",
        "reception": "0",  # 公务接待费支出决算 0 万元 (the 三公 statement says 1.53: below)
        "agency_running_costs": "627.04",
        "procurement_total": "1062.09",
        "procurement_goods": "80.98",
        "procurement_works": "269.03",
        "procurement_services": "712.08",
        "procurement_sme_reserved": "690.47",
        "procurement_small_micro_reserved": "293.72",
        "procurement_sme_reserved_awarded": "690.47",
        "procurement_small_micro_reserved_awarded": "293.72",
        "procurement_other_sme_awarded": "0",
    }
    reason = "抚恤金项目金额的增加"
    assert changes(facts) == {
        "income_expenditure_total_change": ("100.46", "0.53", reason, "增加"),
        "fiscal_total_change": ("100.46", "0.53", reason, "增加"),
        "general_public_expenditure_change": ("100.46", "0.53", reason, "增加"),
        # 决算数比 2024 年度减\n增加 21.90 万元: the word as printed
        "three_public_change": ("21.90", "141.75", None, "减增加"),
        "travel_abroad_change": ("0", None, None, "持平"),
        "vehicles_change": ("21.90", "141.75", "2025年新购置一辆公车", "增加"),
        "reception_change": ("0", None, None, "持平"),
        "agency_running_costs_change": ("-54.47", "-7.99", "办公经费的节约", "减少"),
    }
    assert [(c.name, str(c.amount), str(c.share)) for c in facts.general_public_classes] == [
        ("一般公共服务", "306.90", "1.61"),
        ("公共安全支出", "350.56", "1.84"),
        ("教育支出", "16.24", "0.08"),
        ("科学技术支出", "5.57", "0.03"),
        ("文化体育与传媒支出", "82.51", "0.43"),
        ("社会保障和就业支出", "3019.34", "15.85"),
        ("卫生健康支出", "271.40", "1.43"),
        ("节能环保支出", "150", "0.79"),
        ("城乡社区支出", "13583.48", "71.33"),
        ("住房保障支出", "1160.04", "6.09"),
        ("灾害防治及应急管理支出", "98.23", "0.52"),  # 11“. 灾害防治…”: the quote misplaced
    ]
    general = facts.general_public_execution
    assert general is not None
    assert digest(general) == (
        "general_public_expenditure",
        38,
        None,
        "21864.85",
        "19044.27",
        "87.10",
        "大小于",
    )
    assert [digest(e) for e in facts.executions] == SHIQUAN_ITEMS
    assert [digest(e) for e in facts.three_public_executions] == [
        ("three_public_total", 265, None, "53.93", "37.35", "69.26", "小于"),
        ("travel_abroad", 266, None, None, "0", "0", None),
        ("vehicles", 267, None, None, "37.35", "71.28", None),
        ("reception", 268, None, None, "1.53", "0", None),  # 支出决算为 1.53 万元，完成预算的 0%
    ]
    total = facts.three_public_executions[0]
    assert total.reason == "无公务接待开支、对公车严格管理节约用车"
    assert (facts.travel_groups, facts.travel_people, facts.vehicles_held) == (0, 0, 8)
    assert (facts.vehicles_total, facts.equipment_over_million) == (10, 0)
    assert facts.vehicle_kinds[-1] == ("其他用车", 10) and len(facts.vehicle_kinds) == 8
    assert [(e.stage, e.projects, str(e.amount), e.score, e.rated) for e in facts.evaluations] == [
        ("编报绩效目标", 48, "7589.42", None, None),
        ("绩效跟踪评价", 48, "4974.93", None, None),
        ("绩效自评", 48, "4974.93", Decimal("99.22"), 48),
    ]


CAIZHENGJU_ITEMS = [
    # No figure after the name and no rate: 年初预算为…，支出决算为…。决算数小于预算数…
    ("行政运行", 32, None, "1560.05", "1511.89", None, "小于"),
    ("一般行政管理事务", 35, None, "10.00", "10.00", None, "基本持平"),
    ("信息化建设", 38, None, "135.90", "135.25", None, "小于"),
    ("财政委托业务支出", 41, None, "450.52", "449.52", None, "小于"),
    ("行政单位离退休", 45, None, "85.55", "84.65", None, "小于"),
    ("机关事业单位基本养老保险缴费支出", 48, None, "161.62", "160.75", None, "小于"),
    ("机关事业单位职业年金缴费支出", 52, None, "80.81", "80.38", None, "小于"),
    ("其他行政事业单位养老支出", 56, None, "0.94", "0.94", None, "基本持平"),
    ("行政单位医疗", 59, None, "62.29", "60.99", None, "小于"),
    ("住房公积金", 62, None, "187.75", "187.19", None, "小于"),
    ("购房补贴", 65, None, "258.50", "258.50", None, "基本持平"),
]


def test_caizhengju_is_read_whole() -> None:
    facts = read(CAIZHENGJU)
    assert facts.year == 2024
    assert amounts(facts) == {
        "income_expenditure_total": "2995.39",
        "income_total": "2946.25",
        "fiscal_appropriation": "2940.05",
        "other_income": "6.2",
        "expenditure_total": "2940.05",
        "basic": "2336.91",
        "project": "603.14",
        "fiscal_total": "0.3",  # 财政拨款收入支出总计0.3万元: as printed (see below)
        "general_public_expenditure": "2940.05",
        "general_public_basic": "2336.91",
        "personnel": "2152.26",
        "public": "184.65",
        "agency_running_costs": "184.65",
        "procurement_total": "251.25",
        "procurement_goods": "4.79",
        "procurement_works": "0",
        "procurement_services": "246.47",
        "procurement_sme_reserved": "246.47",
        "procurement_small_micro_reserved": "0",
        "procurement_sme_reserved_awarded": "246.47",
        "procurement_small_micro_reserved_awarded": "0",
        "procurement_other_sme_awarded": "4.79",
    }
    reason = "基本支出中人员进出及退休变化，以及项目支出中合同支付进度条款等原因减少支付"
    assert changes(facts) == {
        "income_expenditure_total_change": ("-56.95", "-1.87", reason, "减少"),
        # 财政拨款收入支出总计持平。主要原因：\n基本支出中…: the reason continues on the next line
        "fiscal_total_change": ("0", None, reason, "持平"),
        "general_public_expenditure_change": ("-63.14", "-2.10", reason, "减少"),
        "three_public_change": ("0", None, None, "持平"),  # 决算数与2023年度持平
        "travel_abroad_change": ("0", None, None, "持平"),
        "vehicles_change": ("0", None, None, "持平"),
        "reception_change": ("0", None, None, "持平"),
        "agency_running_costs_change": (
            "2.55",
            "1.40",
            "优化办公环境、提升照明效率，更换了老旧照明设施，导致相关支出略有增加",
            "增加",
        ),
    }
    assert [digest(e) for e in facts.executions] == CAIZHENGJU_ITEMS
    assert [digest(e) for e in facts.three_public_executions] == [
        ("three_public_total", 77, None, "0.95", "0.00", "0", "小于"),
        ("travel_abroad", 78, None, None, "0.00", "0", None),
        ("vehicles", 78, None, None, "0.00", "0", None),
        ("reception", 79, None, None, "0.00", "0", None),
    ]
    assert [(c.name, str(c.share)) for c in facts.general_public_classes] == [
        ("一般公共服务支出", "71.73"),  # 一般公共服务支出（类）2106.66万元，占71.73%
        ("社会保障和就业支出", "11.11"),
        ("卫生健康支出", "2.07"),
        ("住房保障支出", "15.16"),
    ]
    assert (facts.vehicles_total, facts.equipment_over_million) == (0, 2)
    assert facts.evaluations[-1].rated == 4


def test_the_shiquan_explanation_reports_its_real_mistakes() -> None:
    """Each finding is a real fault of the text, found from the text alone:

    - TXT-FINAL-CHANGE: "“三公”经费财政拨款支出决算数比 2024 年度减\\n增加 21.90 万元" — the
      template's 增加/减少 half edited; the amount (37.35 − 15.45) and 141.75% agree.
    - TXT-FINAL-DIRECTION: "决算数大小于预算数" — garbled; 19,044.27 < 21,864.85 is 小于.
    - TXT-FINAL-RATE: 职业年金 "年初预算为274.82 万元，支出决算为 245.53 万元，完成年初预算的
      93.57%": 245.53 / 274.82 = 89.34%; 93.57% is 257.14 / 274.82, the figure after the item's
      name and the one the 一般公共预算财政拨款支出决算表 prints (2080506: 257.14), so 245.53 is
      the slip.
    - TXT-FINAL-RESTATED (职业年金): the same statement gives 257.14 and 245.53.
    - TXT-FINAL-RESTATED (公务接待费): "公务接待费支出决算为 1.53 万元，完成预算的 0%" against
      "公务接待费支出决算 0 万元" twice further on and "无公务接待开支"; the "三公" table prints
      预算数 1.53, 决算数 0: the budget was written as the actual.
    - TXT-FINAL-SHARE (warning): 教育支出 16.24 / 19,044.27 = 0.0853% is 0.09%, printed 0.08%:
      rounded half up, the eleven shares add to 100.01%; the text printed 0.08 so that they
      add to 100.00% — one unit of the last decimal, hence a warning, not an error.

    Every other stated rate (38 items, the whole 87.10%, the "三公" 69.26% and 71.28%), share,
    sum and change agrees with its figures under the rounding model.
    """
    report = check(read(SHIQUAN), select=["TXT-FINAL"])
    occupational = (
        "社会保障和就业支出（类）行政事业单位离退休（款）机关事业单位职业年金缴费支出（项）"
    )
    assert [(f.rule, f.severity.value, f.location.row, f.location.line) for f in report] == [
        ("TXT-FINAL-CHANGE", "error", "“三公”经费比上年增减", None),
        ("TXT-FINAL-DIRECTION", "error", "一般公共预算财政拨款支出", 38),
        ("TXT-FINAL-RATE", "error", occupational, 128),
        ("TXT-FINAL-RESTATED", "error", "公务接待费", 268),
        ("TXT-FINAL-RESTATED", "error", occupational, 128),
        ("TXT-FINAL-SHARE", "warning", "教育支出", 28),
    ]
    change, direction, rate, reception, restated, share = report
    assert "表述为“减增加”，用语自相矛盾" in change.message
    assert "表述为“决算数大小于预算数”，用语自相矛盾，决算 19044.27万元小于预算 21864.85万元" in (
        direction.message
    )
    assert (rate.expected, rate.actual) == (Decimal("89.34"), Decimal("93.57"))
    assert "按前文所述决算数 257.14万元计算则相符" in rate.message
    assert (reception.expected, reception.actual) == (Decimal("0"), Decimal("1.53"))
    assert (restated.expected, restated.actual) == (Decimal("257.14"), Decimal("245.53"))
    assert (share.expected, share.actual) == (Decimal("0.09"), Decimal("0.08"))
    assert "0.0852%～0.0854%" in share.message


def test_the_caizhengju_explanation_reports_its_real_mistakes() -> None:
    """Each finding is a real fault of the text, found from the text alone:

    - TXT-FINAL-SHARE: "一般公共服务支出（类）2106.66万元，占71.73%": 2106.66 / 2940.05 =
      71.65%; the other three shares (11.11%, 2.07%, 15.16%) are right, and the four printed
      add to 100.07%.
    - TXT-FINAL-SUM: "财政拨款收入支出总计0.3万元" is less than the 财政拨款收入 2940.05 of the
      same text (总计 = 本年收入 + 年初结转和结余 ≥ 本年收入); the 财政拨款收入支出决算总表
      prints 总计 2,961.68.

    The other figures agree: the shares 99.79%, 0.21%, 79.49%, 20.51%, 100.00%; the whole
    98.20% (2940.05 / 2993.92); the "三公" 0% of 0.95; 2940.05 + 6.2 = 2946.25; 2336.91 +
    603.14 = 2940.05; 2152.26 + 184.65 = 2336.91; the classes add to 2940.06 (±0.025); the
    three 基本持平 items are equal; the changes -1.87%, -2.10%, 1.40%.
    """
    report = check(read(CAIZHENGJU), select=["TXT-FINAL"])
    assert [(f.rule, f.severity.value, f.location.row, f.location.line) for f in report] == [
        ("TXT-FINAL-SHARE", "error", "一般公共服务支出", 24),
        ("TXT-FINAL-SUM", "error", "财政拨款收入支出总计", None),
    ]
    share, total = report
    assert (share.expected, share.actual) == (Decimal("71.65"), Decimal("71.73"))
    assert (total.expected, total.actual) == (Decimal("2940.05"), Decimal("0.3"))


# --- the text against the tables of the real cases ----------------------------------------------


def lookup_of(case: str) -> FigureLookup:
    """What the tables of the real bundle print of the stated figures: the lookup
    ``check(DepartmentFinalAccounts)`` builds from its typed tables."""
    accounts = read_bundle(json.loads((DATA / "cases" / f"{case}.json").read_text("utf-8")))
    assert isinstance(accounts, DepartmentFinalAccounts)
    return text_figures(accounts)


def test_shiquan_against_its_tables() -> None:
    """With the tables:

    - TXT-FINAL-TABLE: 职业年金 支出决算 245.53 against 2080506's 257.14 (the slip above);
    - TXT-FINAL-TABLE: "三公" 公务接待费 支出决算 1.53 against the table's 决算数 0 (its 预算数
      is 1.53: the budget written as the actual);
    - TXT-FINAL-TABLE-RATE (warning): "因公出国（境）费决算为 0 万元，完成预算的 0%" while the
      table has no 因公出国（境）费 budget (blank): a rate over a zero budget means nothing.

    Everything else the tables print agrees: 545.84 (text) and 545.85 (2080505) are one
    rounding apart; 公务用车 71.28% is 37.35 / 52.40 of the table; 公务接待费 0% is 0 / 1.53.
    Two items name rows the table does not print (统计信息事务（项）, the table's 2010505 is
    专项统计业务; 文化体育与传媒支出 for 文化旅游体育与传媒支出 as a class), and are not compared.
    """
    pair = FinalTextTables(read(SHIQUAN), lookup_of(SHIQUAN))
    report = check(pair, select=["TXT-FINAL-TABLE"])
    occupational = (
        "社会保障和就业支出（类）行政事业单位离退休（款）机关事业单位职业年金缴费支出（项）"
    )
    assert [(f.rule, f.severity.value, f.location.row, f.location.column) for f in report] == [
        ("TXT-FINAL-TABLE", "error", "公务接待费", "财政拨款“三公”经费支出决算表"),
        ("TXT-FINAL-TABLE", "error", occupational, "一般公共预算财政拨款支出决算表"),
        ("TXT-FINAL-TABLE-RATE", "warning", "因公出国（境）费", "财政拨款“三公”经费支出决算表"),
    ]
    reception, occupation, _ = report
    assert (reception.expected, reception.actual) == (Decimal("0"), Decimal("1.53"))
    assert (occupation.expected, occupation.actual) == (Decimal("257.14"), Decimal("245.53"))


def test_caizhengju_against_its_tables() -> None:
    """With the tables:

    - TXT-FINAL-TABLE: 财政拨款收入支出总计 0.3 against the 财政拨款收入支出决算总表's 2,961.68;
    - TXT-FINAL-TABLE-RATE (warning, twice): "因公出国（境）费决算为0.00万元，完成预算的0%" and
      the same of 公务用车购置及运行维护费, while the "三公" table budgets only 公务接待费 (0.95):
      rates over zero budgets.

    The eleven items' 决算数 equal table 5, the classes too (326.72; the 收入支出决算总表's
    326.71 is the tables' own matter), the income and expenditure totals and 人员经费 /
    公用经费 their tables.
    """
    pair = FinalTextTables(read(CAIZHENGJU), lookup_of(CAIZHENGJU))
    report = check(pair, select=["TXT-FINAL-TABLE"])
    assert [(f.rule, f.severity.value, f.location.row) for f in report] == [
        ("TXT-FINAL-TABLE", "error", "财政拨款收入支出总计"),
        ("TXT-FINAL-TABLE-RATE", "warning", "公务用车购置及运行维护费"),
        ("TXT-FINAL-TABLE-RATE", "warning", "因公出国（境）费"),
    ]
    assert (report[0].expected, report[0].actual) == (Decimal("2961.68"), Decimal("0.3"))


def test_the_text_table_rules_check_final_accounts() -> None:
    # DepartmentFinalAccounts yields FinalTextTables(facts, text_figures(accounts)) among its
    # parts, so check() runs the text-table rules beside the facts-only ones.
    bundle = json.loads((DATA / "cases" / f"{CAIZHENGJU}.json").read_text("utf-8"))
    report = check(read_bundle(bundle), select=["TXT-FINAL"])
    assert sorted({f.rule for f in report}) == [
        "TXT-FINAL-SHARE",
        "TXT-FINAL-SUM",
        "TXT-FINAL-TABLE",
        "TXT-FINAL-TABLE-RATE",
    ]


# --- TXT-FINAL-RATE and TXT-FINAL-ZERO-BUDGET -----------------------------------------------------


def execution(**fields: object) -> StatedExecution:
    fields.setdefault("rate_basis", "年初预算")
    return StatedExecution("某（类）某（款）某（项）", **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("budgeted", "actual", "rate"),
    [
        ("21864.85", "19044.27", "87.10"),
        ("10", "7.73", "77.30"),  # a budget printed 10 stands for 9.5…10.5
        ("179.11", "102.55", "57"),  # "57%" is 56.5…57.5 (57.26)
        ("0.95", "0.00", "0"),
        ("20", "20", "100"),
    ],
)
def test_a_rate_that_agrees(budgeted: str, actual: str, rate: str) -> None:
    facts = FinalStatedFacts(executions=[execution(budgeted=budgeted, actual=actual, rate=rate)])
    assert findings_of(facts, ["TXT-FINAL-RATE", "TXT-FINAL-ZERO-BUDGET"]) == []


@pytest.mark.parametrize(
    ("budgeted", "actual", "rate", "expected"),
    [
        ("274.82", "245.53", "93.57", "89.34"),
        ("179.11", "102.55", "58", "57.26"),  # 58% is 57.5…58.5: 57.26 is out
        ("21864.85", "19044.27", "87.11", "87.10"),
    ],
)
def test_a_rate_that_does_not(budgeted: str, actual: str, rate: str, expected: str) -> None:
    facts = FinalStatedFacts(executions=[execution(budgeted=budgeted, actual=actual, rate=rate)])
    (finding,) = check(facts, select=["TXT-FINAL-RATE"])
    assert finding.severity is Severity.ERROR
    assert (finding.expected, finding.actual) == (Decimal(expected), Decimal(rate))
    assert finding.location.row == "某（类）某（款）某（项）"


def test_a_rate_on_the_adjusted_budget_uses_it() -> None:
    on_adjusted = execution(
        budgeted="120.00", adjusted="150.40", actual="150.40", rate="100", rate_basis="调整预算"
    )
    plain = attrs.evolve(on_adjusted, rate_basis="预算")  # either budget may be meant
    assert findings_of(FinalStatedFacts(executions=[on_adjusted, plain])) == []
    wrong = attrs.evolve(on_adjusted, rate_basis="年初预算")  # 150.40 / 120.00 = 125.33%
    assert findings_of(FinalStatedFacts(executions=[wrong])) == [
        ("TXT-FINAL-RATE", "error", "某（类）某（款）某（项）")
    ]


def test_a_rate_over_a_zero_budget() -> None:
    for budget in ("0", "0.00", "0.0000"):
        facts = FinalStatedFacts(executions=[execution(budgeted=budget, actual="5", rate="0")])
        assert findings_of(facts) == [
            ("TXT-FINAL-ZERO-BUDGET", "warning", "某（类）某（款）某（项）")
        ]
    # No rate stated over the zero budget: nothing to report (shiquan's 死亡抚恤, 减排专项支出).
    facts = FinalStatedFacts(executions=[execution(budgeted="0", actual="150", word="大于")])
    assert findings_of(facts) == []


RATE_MONEY = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2)
ACTUAL_MONEY = st.decimals(min_value=Decimal("0.00"), max_value=Decimal("99999.99"), places=2)


@given(RATE_MONEY, ACTUAL_MONEY)
def test_a_rate_rounded_half_up_is_never_reported(budget: Decimal, actual: Decimal) -> None:
    rate = round_half_up(actual * 100 / budget, 2)
    facts = FinalStatedFacts(executions=[execution(budgeted=budget, actual=actual, rate=rate)])
    assert findings_of(facts, ["TXT-FINAL-RATE"]) == []


@given(RATE_MONEY, ACTUAL_MONEY, st.decimals(min_value=Decimal("0.01"), max_value=100, places=2))
def test_a_rate_off_by_more_than_its_interval_is_always_reported(
    budget: Decimal, actual: Decimal, excess: Decimal
) -> None:
    computed = ExecutionRate(budget, actual)
    assert computed.low is not None and computed.high is not None
    # Beyond the width of the figures' range and the half unit of the printed rate.
    off = round_half_up(computed.high + Decimal("0.005") + excess, 2)
    facts = FinalStatedFacts(executions=[execution(budgeted=budget, actual=actual, rate=off)])
    assert findings_of(facts, ["TXT-FINAL-RATE"]) == [
        ("TXT-FINAL-RATE", "error", "某（类）某（款）某（项）")
    ]


# --- TXT-FINAL-DIRECTION ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("budgeted", "actual", "word"),
    [
        ("77.59", "20.04", "小于"),
        ("20.66", "22.64", "大于"),
        ("20", "20", "等于"),
        ("20", "20", "大于"),  # 19.5…20.5 each: 决算数 may exceed 预算数
        ("10.00", "10.00", "基本持平"),
        ("100.00", "99.20", "基本持平"),  # within 1%
        ("0", "150", "大于"),
    ],
)
def test_a_comparison_that_agrees(budgeted: str, actual: str, word: str) -> None:
    facts = FinalStatedFacts(executions=[execution(budgeted=budgeted, actual=actual, word=word)])
    assert findings_of(facts, ["TXT-FINAL-DIRECTION"]) == []


@pytest.mark.parametrize(
    ("budgeted", "actual", "word", "says"),
    [
        ("77.59", "20.04", "大于", "表述为“决算数大于预算数”，决算 20.04万元小于"),
        ("20.66", "22.64", "小于", "表述为“决算数小于预算数”，决算 22.64万元大于"),
        ("20.00", "20.04", "等于", "表述为“决算数等于预算数”"),
        ("1560.05", "1511.89", "基本持平", "表述为“决算数基本持平预算数”"),  # 96.91%
        ("21864.85", "19044.27", "大小于", "用语自相矛盾，决算 19044.27万元小于"),
    ],
)
def test_a_comparison_that_does_not(budgeted: str, actual: str, word: str, says: str) -> None:
    facts = FinalStatedFacts(executions=[execution(budgeted=budgeted, actual=actual, word=word)])
    (finding,) = check(facts, select=["TXT-FINAL-DIRECTION"])
    assert says in finding.message


def test_a_garbled_comparison_is_reported_without_figures() -> None:
    facts = FinalStatedFacts(executions=[execution(word="大小于")])
    assert findings_of(facts, ["TXT-FINAL-DIRECTION"]) == [
        ("TXT-FINAL-DIRECTION", "error", "某（类）某（款）某（项）")
    ]


@given(RATE_MONEY, ACTUAL_MONEY)
def test_the_true_comparison_is_never_reported_and_its_opposite_is(
    budget: Decimal, actual: Decimal
) -> None:
    true = {1: "大于", -1: "小于", 0: "等于"}[(actual > budget) - (actual < budget)]
    facts = FinalStatedFacts(executions=[execution(budgeted=budget, actual=actual, word=true)])
    assert findings_of(facts, ["TXT-FINAL-DIRECTION"]) == []
    assume(abs(actual - budget) > Decimal("0.01"))  # more than two half cents apart
    opposite = "小于" if actual > budget else "大于"
    wrong = FinalStatedFacts(executions=[execution(budgeted=budget, actual=actual, word=opposite)])
    assert len(findings_of(wrong, ["TXT-FINAL-DIRECTION"])) == 1


# --- TXT-FINAL-RESTATED -------------------------------------------------------------------------


def test_one_figure_stated_once_is_not_restated() -> None:
    facts = FinalStatedFacts(
        reception="0",
        executions=[execution(amount="545.84", actual="545.84")],
        three_public_executions=[StatedExecution("公务接待费", key="reception", actual="0.00")],
        restatements=[],
    )
    assert findings_of(facts, ["TXT-FINAL-RESTATED"]) == []
    # 545.84 and 545.85 are one rounding apart: the same figure.
    close = FinalStatedFacts(executions=[execution(amount="545.84", actual="545.85")])
    assert findings_of(close, ["TXT-FINAL-RESTATED"]) == []


def test_a_figure_stated_twice_is_restated() -> None:
    facts = FinalStatedFacts(
        reception="0",
        executions=[execution(amount="257.14", actual="245.53")],
        three_public_executions=[StatedExecution("公务接待费", key="reception", actual="1.53")],
        personnel="10.00",
        restatements=[Restatement("personnel", "12.00", "人员经费12.00万元。")],
    )
    assert findings_of(facts, ["TXT-FINAL-RESTATED"]) == [
        ("TXT-FINAL-RESTATED", "error", "人员经费"),
        ("TXT-FINAL-RESTATED", "error", "公务接待费"),
        ("TXT-FINAL-RESTATED", "error", "某（类）某（款）某（项）"),
    ]


def test_a_fact_stated_again_is_read_as_a_restatement() -> None:
    facts, findings = read_final_facts("人员经费10万元。\n人员经费10.00万元。\n人员经费12万元。")
    assert findings == ()
    assert facts.personnel == Decimal("10")
    (again,) = facts.restatements
    assert (again.name, again.value, again.quote) == (
        "personnel",
        Decimal("12"),
        "人员经费12万元。",
    )
    (finding,) = check(facts, select=["TXT-FINAL-RESTATED"])
    assert "人员经费前文为 10万元，此处为 12万元" in finding.message


# --- TXT-FINAL-SHARE ----------------------------------------------------------------------------


def test_a_share_that_agrees() -> None:
    facts = FinalStatedFacts(
        expenditure_total="2940.05",
        basic="2336.91",
        project="603.14",
        shares=[StatedShare("basic", "79.49"), StatedShare("project", "20.51")],
        general_public_expenditure="19044.27",
        general_public_classes=[StatedClass("教育支出", "16.24", share="0.09")],
    )
    assert findings_of(facts, ["TXT-FINAL-SHARE"]) == []


def test_a_share_that_does_not() -> None:
    facts = FinalStatedFacts(
        general_public_expenditure="2940.05",
        general_public_classes=[
            StatedClass("一般公共服务支出", "2106.66", share="71.73"),  # caizhengju: 71.65
            StatedClass("教育支出", "16.24", share="0.58"),  # 0.5524: three units off
        ],
        procurement_total="186.50",
        procurement_sme="160.20",
        shares=[StatedShare("procurement_sme", "85.88")],  # 85.893…85.904: one unit off
    )
    assert findings_of(facts, ["TXT-FINAL-SHARE"]) == [
        ("TXT-FINAL-SHARE", "error", "一般公共服务支出"),
        ("TXT-FINAL-SHARE", "error", "教育支出"),
        ("TXT-FINAL-SHARE", "warning", "授予中小企业合同金额"),
    ]


@given(RATE_MONEY, ACTUAL_MONEY)
def test_a_share_rounded_half_up_is_never_reported(whole: Decimal, part: Decimal) -> None:
    share = round_half_up(part * 100 / whole, 2)
    facts = FinalStatedFacts(
        expenditure_total=whole, basic=part, shares=[StatedShare("basic", share)]
    )
    assert findings_of(facts, ["TXT-FINAL-SHARE"]) == []


# --- TXT-FINAL-SUM --------------------------------------------------------------------------------


def test_parts_that_add_up() -> None:
    facts = FinalStatedFacts(
        general_public_basic="2336.91",
        personnel="2152.26",
        public="184.65",
        procurement_total="251.25",
        procurement_goods="4.79",
        procurement_works="0",
        procurement_services="246.47",
        income_total="2946.25",
        fiscal_appropriation="2940.05",  # 其中 lists two parts: they may not exceed the total
        other_income="6.2",
        vehicles_total=10,
        vehicle_kinds=[("执法执勤用车", 0), ("其他用车", 10)],
        evaluations=[
            StatedEvaluation("绩效自评", projects=48, ratings=[("优", 48), ("不合格", 0)])
        ],
    )
    assert findings_of(facts, ["TXT-FINAL-SUM"]) == []
    partial = FinalStatedFacts(income_total="100.00", fiscal_appropriation="60.00")
    assert findings_of(partial, ["TXT-FINAL-SUM"]) == []


def test_parts_that_do_not() -> None:
    facts = FinalStatedFacts(
        general_public_basic="2336.91",
        personnel="2152.26",
        public="194.65",
        fiscal_total="0.3",
        fiscal_appropriation="2940.05",
        three_public_executions=[
            StatedExecution("“三公”经费", key="three_public_total", actual="37.35")
        ],
        travel_abroad="0",
        vehicles="37.35",
        reception="1.53",
        vehicles_total=5,
        vehicle_kinds=[("执法执勤用车", 2), ("其他用车", 2)],
        evaluations=[
            StatedEvaluation("绩效自评", projects=4, ratings=[("优", 3), ("良", 0), ("不合格", 0)])
        ],
    )
    assert findings_of(facts, ["TXT-FINAL-SUM"]) == [
        ("TXT-FINAL-SUM", "error", "“三公”经费"),  # 0 + 37.35 + 1.53 ≠ 37.35
        ("TXT-FINAL-SUM", "error", "一般公共预算财政拨款基本支出"),
        ("TXT-FINAL-SUM", "error", "绩效自评项目数"),
        ("TXT-FINAL-SUM", "error", "财政拨款收入支出总计"),
        ("TXT-FINAL-SUM", "error", "车辆数"),
    ]


YUAN = st.integers(min_value=0, max_value=10**10)


@given(YUAN, YUAN, YUAN)
def test_parts_rounded_from_exact_amounts_always_add_up(a: int, b: int, c: int) -> None:
    """Three exact amounts in 元, each printed in 万元 to two decimals, and their exact total
    printed the same way: rounding never makes the parts disagree with the total."""

    def wan(yuan: int) -> Decimal:
        return round_half_up(Decimal(yuan) / 10000, 2)

    facts = FinalStatedFacts(
        procurement_total=wan(a + b + c),
        procurement_goods=wan(a),
        procurement_works=wan(b),
        procurement_services=wan(c),
    )
    assert findings_of(facts, ["TXT-FINAL-SUM"]) == []


def test_items_stay_within_the_whole() -> None:
    whole = StatedExecution(
        "一般公共预算财政拨款支出", key="general_public_expenditure", budgeted="100", actual="90"
    )
    items = [
        StatedExecution("甲", path=("a", "b", "c"), budgeted="60", actual="50"),
        StatedExecution("乙", path=("a", "b", "d"), budgeted="30", actual="50"),
    ]
    facts = FinalStatedFacts(general_public_execution=whole, executions=items)
    assert findings_of(facts, ["TXT-FINAL-SUM"]) == [
        ("TXT-FINAL-SUM", "error", "一般公共预算财政拨款支出决算数")
    ]


# --- TXT-FINAL-CHANGE ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "amount", "percent", "word"),
    [
        ("37.35", "21.90", "141.75", "增加"),  # shiquan's 三公: 21.90 / 15.45
        ("627.04", "-54.47", "-7.99", "减少"),
        ("0.3", "0", None, "持平"),
        ("1", "0.6", "150", "增加"),  # last year 0.4 could be 0 by rounding: not refutable
    ],
)
def test_a_change_that_agrees(current: str, amount: str, percent: str | None, word: str) -> None:
    facts = FinalStatedFacts(
        agency_running_costs=current,
        agency_running_costs_change=StatedChange(amount, percent=percent, word=word),
    )
    assert findings_of(facts, ["TXT-FINAL-CHANGE"]) == []


@pytest.mark.parametrize(
    ("amount", "percent", "word", "says"),
    [
        ("21.90", "141.75", "减增加", "表述为“减增加”，用语自相矛盾"),
        ("-21.90", None, "增加", "方向相反"),
        ("21.90", None, "持平", "表述为“持平”，金额却为 21.90万元"),
        ("21.90", "-141.75", "增加", "方向相反"),
        ("21.90", "14.17", "增加", "应为 141.62%～141.88%"),
        ("37.35", "100", "增加", "上年基数为 0.00万元（零或负数）"),
    ],
)
def test_a_change_that_does_not(amount: str, percent: str | None, word: str, says: str) -> None:
    facts = FinalStatedFacts(
        three_public_executions=[
            StatedExecution("“三公”经费", key="three_public_total", actual="37.35")
        ],
        three_public_change=StatedChange(amount, percent=percent, word=word),
    )
    (finding,) = check(facts, select=["TXT-FINAL-CHANGE"])
    assert finding.location.row == "“三公”经费比上年增减"
    assert says in finding.message


@given(
    st.decimals(min_value=Decimal("1.00"), max_value=Decimal("99999.99"), places=2),
    st.decimals(min_value=Decimal("-9999.99"), max_value=Decimal("9999.99"), places=2),
)
def test_a_change_percentage_rounded_half_up_is_never_reported(
    previous: Decimal, amount: Decimal
) -> None:
    current = previous + amount
    assume(current >= 0)
    percent = round_half_up(amount * 100 / previous, 2)
    word = "增加" if amount > 0 else "减少" if amount < 0 else "持平"
    facts = FinalStatedFacts(
        reception=current, reception_change=StatedChange(amount, percent=percent, word=word)
    )
    assert findings_of(facts, ["TXT-FINAL-CHANGE"]) == []


# --- TXT-FINAL-BUDGET-CHANGE -------------------------------------------------------------------------

# 涪陵区焦石镇 2020 (tests/data/pages): the "三公" total compared with last year and with the
# year-start budget in one sentence, its items with the budget too.
FULING = (
    "经比较2020年度镇本级“三公”经费41万元,较上年减少19万元,下降43.78% ,较年初预算数减少4万元,"
    "下降2.2%。主要是严格落实我镇过紧日子十条举措。其中:公务用车购置及运行维护费21 万元,较上年减少"
    "16万元,较年初预算数减少4万元,主要是事业单位公车改革;公务接待费20万元,公务接待费较上年减少"
    "2.5万元,较年初预算数减少1万元,主要是认真贯彻落实中央八项规定。"
)


def test_a_change_against_the_budget_is_read_into_the_execution_statement() -> None:
    reading = read_final_facts(FULING, year=2020)
    assert [
        (e.key, e.amount, e.difference, e.difference_rate, e.difference_basis)
        for e in reading.facts.three_public_executions
    ] == [
        ("three_public_total", 41, -4, Decimal("-2.2"), "年初"),
        ("vehicles", 21, -4, None, "年初"),
        ("reception", 20, -1, None, "年初"),
    ]
    # The changes against last year are read as before, apart from these.
    assert reading.facts.three_public_change == StatedChange(
        "-19", percent="-43.78", word="减少", of="41"
    )
    assert reading.findings == ()


def test_a_wrong_percentage_against_the_budget_is_found() -> None:
    facts = read_final_facts(FULING, year=2020).facts
    (finding,) = check(facts, select=["TXT-FINAL-BUDGET-CHANGE"])
    assert finding.expected == Decimal("-8.89") and finding.actual == Decimal("-2.2")
    assert "按年初预算 45万元推算应为 -8.89%" in finding.message


def test_a_difference_that_contradicts_the_stated_budget_is_found() -> None:
    stated = StatedExecution(
        "“三公”经费",
        key="three_public_total",
        budgeted="45.00",
        actual="41.00",
        difference="-5.00",
    )
    facts = FinalStatedFacts(three_public_executions=[stated])
    (finding,) = check(facts, select=["TXT-FINAL-BUDGET-CHANGE"])
    assert (finding.expected, finding.actual) == (Decimal("-4.00"), Decimal("-5.00"))


def test_a_change_against_the_budget_of_an_item_without_a_statement_is_said() -> None:
    reading = read_final_facts("人员经费100万元,较年初预算减少5万元。", year=2020)
    assert [(f.rule, f.location.row) for f in reading.findings] == [("READ-FACT", "人员经费")]


@given(
    st.decimals(min_value=Decimal("1.00"), max_value=Decimal("99999.99"), places=2),
    st.decimals(min_value=Decimal("-9999.99"), max_value=Decimal("9999.99"), places=2),
)
def test_a_percentage_against_the_budget_rounded_half_up_is_never_reported(
    budget: Decimal, difference: Decimal
) -> None:
    actual = budget + difference
    assume(actual >= 0)
    stated = StatedExecution(
        "“三公”经费",
        key="three_public_total",
        actual=actual,
        difference=difference,
        difference_rate=round_half_up(difference * 100 / budget, 2),
    )
    facts = FinalStatedFacts(three_public_executions=[stated])
    assert findings_of(facts, ["TXT-FINAL-BUDGET-CHANGE"]) == []


# --- TXT-FINAL-TABLE and TXT-FINAL-TABLE-RATE -------------------------------------------------------

T5 = "一般公共预算财政拨款支出决算表"


def t5_rows(**more: object) -> list[TableFigures]:
    return [
        TableFigures(T5, "201", name="一般公共服务支出", actual="2106.66"),
        TableFigures(T5, "20106", name="财政事务", actual="2106.66"),
        TableFigures(
            T5,
            "2010601",
            name="行政运行",
            actual="1511.89",
            **more,  # type: ignore[arg-type]
        ),
    ]


def item(**fields: object) -> StatedExecution:
    return StatedExecution(
        "一般公共服务支出（类）财政事务（款）行政运行（项）",
        path=("一般公共服务支出", "财政事务", "行政运行"),
        **fields,  # type: ignore[arg-type]
    )


def test_stated_figures_that_equal_the_tables() -> None:
    rows = t5_rows(budgeted="1560.05", columns={"actual", "budgeted"})
    facts = FinalStatedFacts(
        executions=[item(budgeted="1560.05", actual="1511.89")],
        general_public_classes=[StatedClass("一般公共服务", "2106.66")],
        fiscal_total="2961.68",
    )
    figures = FigureLookup(
        rows=rows,
        facts={"fiscal_total": TableFigures("财政拨款收入支出决算总表", "总计", actual="2961.68")},
    )
    assert findings_of(FinalTextTables(facts, figures)) == []


def test_stated_figures_that_do_not() -> None:
    rows = t5_rows(budgeted="1560.05", columns={"actual", "budgeted"})
    facts = FinalStatedFacts(
        executions=[item(budgeted="1500.05", actual="1511.89")],
        general_public_classes=[StatedClass("一般公共服务", "2106.76")],
        fiscal_total="0.3",
    )
    figures = FigureLookup(
        rows=rows,
        facts={"fiscal_total": TableFigures("财政拨款收入支出决算总表", "总计", actual="2961.68")},
    )
    assert findings_of(FinalTextTables(facts, figures)) == [
        ("TXT-FINAL-TABLE", "error", "一般公共服务"),
        ("TXT-FINAL-TABLE", "error", "一般公共服务支出（类）财政事务（款）行政运行（项）"),
        ("TXT-FINAL-TABLE", "error", "财政拨款收入支出总计"),
    ]


def test_a_column_the_table_does_not_print_is_not_a_blank() -> None:
    # Shanghai's table 5 prints no 年初预算数: a stated budget is not compared with "zero".
    facts = FinalStatedFacts(executions=[item(budgeted="1560.05", actual="1511.89", rate="50")])
    assert (
        findings_of(FinalTextTables(facts, FigureLookup(rows=t5_rows())), ["TXT-FINAL-TABLE"]) == []
    )


def test_a_rate_without_its_budget_is_checked_against_the_table() -> None:
    budgeted = t5_rows(budgeted="1560.05", columns={"actual", "budgeted"})
    right = FinalStatedFacts(executions=[item(actual="1511.89", rate="96.91")])
    wrong = FinalStatedFacts(executions=[item(actual="1511.89", rate="90.00")])
    blank = t5_rows(budgeted=None, columns={"actual", "budgeted"})
    assert findings_of(FinalTextTables(right, FigureLookup(rows=budgeted))) == []
    assert findings_of(FinalTextTables(wrong, FigureLookup(rows=budgeted))) == [
        ("TXT-FINAL-TABLE-RATE", "error", "一般公共服务支出（类）财政事务（款）行政运行（项）")
    ]
    assert findings_of(FinalTextTables(right, FigureLookup(rows=blank))) == [
        ("TXT-FINAL-TABLE-RATE", "warning", "一般公共服务支出（类）财政事务（款）行政运行（项）")
    ]


def test_items_are_found_by_code_or_by_names() -> None:
    lookup = FigureLookup(rows=t5_rows())
    assert lookup.item(("一般公共服务", "财政事务", "行政运行"), None) is not None
    assert lookup.item((), "2010601") is not None
    assert lookup.item(("一般公共服务", "财政事务", "信息化建设"), None) is None
    assert lookup.item(("无此类", "财政事务", "行政运行"), None) is not None  # the class open
    assert lookup.fact("income_total") is None
    with pytest.raises(ValueError, match="unknown columns"):
        TableFigures(T5, "201", columns={"预算"})


# --- the reader ---------------------------------------------------------------------------------


def test_a_reading_is_a_pair() -> None:
    reading = read_final_facts("机关运行经费支出184.65万元。", year=2024)
    assert isinstance(reading, FinalFactsReading)
    facts, findings = reading
    assert (facts.year, facts.agency_running_costs, findings) == (2024, Decimal("184.65"), ())


def test_placeholders_are_reported() -> None:
    text = (
        "XX单位2024年度部门决算情况说明\n"
        "2024年度收入、支出决算总计X万元。与2023年度相比，收入、支出决算总计增加（减少）5万元。\n"
        "一般公共预算财政拨款支出年初预算为万元，支出决算为10万元，决算数大于（小于）预算数。"
    )
    _, findings = read_final_facts(text)
    assert [(f.rule, f.severity, f.location.row, f.location.line) for f in findings] == [
        ("TXT-PLACEHOLDER", Severity.ERROR, "XX单位", 1),
        ("TXT-PLACEHOLDER", Severity.ERROR, "X", 2),
        ("TXT-PLACEHOLDER", Severity.ERROR, "增加（减少）", 2),
        ("TXT-PLACEHOLDER", Severity.ERROR, "大于（小于）", 3),
        ("TXT-PLACEHOLDER", Severity.ERROR, "金额", 3),
    ]


def test_what_cannot_be_read_is_reported() -> None:
    text = (
        "人员经费1,23.4万元。\n"  # a figure that is no number
        "与上年相比增加5万元。\n"  # a change of nothing read
        "完成年初预算的98%。"  # a rate outside any execution statement
    )
    facts, findings = read_final_facts(text)
    assert facts.personnel is None
    assert [(f.rule, f.severity, f.location.line) for f in findings] == [
        ("READ-FACT", Severity.WARNING, 1),
        ("READ-FACT", Severity.WARNING, 2),
        ("READ-FACT", Severity.WARNING, 3),
    ]


def test_figures_in_yuan_are_converted_exactly() -> None:
    facts, _ = read_final_facts(
        "1.一般公共服务（类）财政事务（款）行政运行（项）。年初预算为15,600,500元，"
        "支出决算为15,118,900.00元，完成年初预算的96.91%。"
    )
    (only,) = facts.executions
    assert (only.budgeted, only.actual) == (Decimal("1560.0500"), Decimal("1511.890000"))
    assert findings_of(facts) == []


NAMES = st.sampled_from(
    [
        ("一般公共服务支出", "财政事务", "行政运行"),
        ("社会保障和就业支出", "行政事业单位养老支出", "机关事业单位职业年金缴费支出"),
        ("卫生健康支出", "行政事业单位医疗", "行政单位医疗"),
        ("节能环保支出", "环境监测与监察", "建设项目环评审查与监督"),
    ]
)


@given(NAMES, RATE_MONEY, ACTUAL_MONEY, st.booleans(), st.integers(min_value=10, max_value=40))
def test_an_execution_statement_reads_back(
    names: tuple[str, str, str], budget: Decimal, actual: Decimal, headline: bool, wrap: int
) -> None:
    """Facts rendered in the national wording, the text wrapped anywhere, read back as they
    were, and agree with every rule."""
    rate = round_half_up(actual * 100 / budget, 2)
    word = "大于" if actual > budget else "小于" if actual < budget else "等于"
    cls, section, entry = names
    name = f"{cls}（类）{section}（款）{entry}（项）"
    head = f"“{name}”{actual:,}万元，主要用于：日常工作。" if headline else f"{name}。"
    text = (
        f"1.{head}年初预算为{budget:,}万元，支出决算为{actual:,}万元，完成年初预算的{rate}%。"
        f"决算数{word}年初预算数的主要原因是工作安排调整。"
    )
    lines = [text[i : i + wrap] for i in range(0, len(text), wrap)]
    facts, findings = read_final_facts("\n".join(lines))
    assert findings == ()
    (read_back,) = facts.executions
    assert read_back.path == names
    assert (read_back.budgeted, read_back.actual, read_back.rate) == (budget, actual, rate)
    assert read_back.amount == (actual if headline else None)
    assert (read_back.word, read_back.reason) == (word, "工作安排调整")
    assert findings_of(facts) == []


# --- the model ----------------------------------------------------------------------------------


def test_every_fact_has_a_label_and_every_share_a_whole() -> None:
    assert set(FINAL_AMOUNT_FACTS) | set(FINAL_COUNT_FACTS) | set(FINAL_CHANGE_FACTS) == set(
        FINAL_FACT_LABELS
    )
    assert set(FINAL_CHANGE_OF) == set(FINAL_CHANGE_FACTS)
    assert set(FINAL_CHANGE_OF.values()) <= set(FINAL_AMOUNT_FACTS)
    assert set(SHARE_OF) | set(SHARE_OF.values()) <= set(FINAL_AMOUNT_FACTS)


def test_the_facts_refuse_floats_and_negative_counts() -> None:
    with pytest.raises(AmountTypeError):
        FinalStatedFacts(basic=1.5)  # type: ignore[arg-type]
    with pytest.raises(AmountTypeError):
        StatedExecution("x", rate=93.57)  # type: ignore[arg-type]
    with pytest.raises(AmountError):
        FinalStatedFacts(vehicles_total=-1)
    with pytest.raises(AmountError):
        FinalStatedFacts(vehicles_total=2.0)  # type: ignore[arg-type]
    assert FinalStatedFacts().stated() == ()


def test_direction_words() -> None:
    assert direction_signs("减增加") == {1, -1}
    assert direction_signs("增加增加") == {1}
    assert direction_signs(None) == frozenset()
    assert StatedExecution("x", word="基本持平").loose


def test_the_rules_are_registered() -> None:
    registered = {r.id: r for r in rules()}
    severities = {name: registered[name].severity for name in registered if "TXT-FINAL" in name}
    assert severities == {
        "TXT-FINAL-RATE": Severity.ERROR,
        "TXT-FINAL-BUDGET-CHANGE": Severity.ERROR,
        "TXT-FINAL-ZERO-BUDGET": Severity.WARNING,
        "TXT-FINAL-DIRECTION": Severity.ERROR,
        "TXT-FINAL-RESTATED": Severity.ERROR,
        "TXT-FINAL-SHARE": Severity.ERROR,
        "TXT-FINAL-SUM": Severity.ERROR,
        "TXT-FINAL-CHANGE": Severity.ERROR,
        "TXT-FINAL-TABLE": Severity.ERROR,
        "TXT-FINAL-TABLE-RATE": Severity.ERROR,
    }
    for name in FACTS_RULES:
        assert registered[name].applies_to is FinalStatedFacts
        assert registered[name].description and registered[name].title
    assert registered["TXT-FINAL-TABLE"].applies_to is FinalTextTables
    # The reader raises the budget reader's rules, declared once.
    assert registered["READ-FACT"] is READ_FACT and registered["TXT-PLACEHOLDER"] is TXT_PLACEHOLDER


FRAGMENTS = st.sampled_from(
    [
        "\n",
        "。",
        "，",
        "；",
        "其中：",
        "1.",
        "（二）",
        "十、",
        "年初预算为",
        "支出决算为",
        "完成年初预算的87.10%",
        "决算数大小于预算数的主要原因：",
        "一般公共预算财政拨款支出",
        "“三公”经费财政拨款支出年初预算为",
        "公务接待费",
        "社会保障和就业支出（类）行政事业单位离退休（款）事业单位离退休（项）",
        "主要用于以下方面：",
        "占",
        "12.5%",
        "1,234.56万元",
        "0",
        "元",
        "1,23.4万元",
        "比2023年度减增加",
        "持平",
        "共有车辆3辆，其中：其他用车",
        "绩效自评的项目4个",
        "绩效评级为“优”的项目4个",
        "XX",
    ]
)


@given(st.lists(FRAGMENTS, max_size=40).map("".join) | st.text(max_size=200))
def test_any_text_reads_to_facts_and_findings(text: str) -> None:
    facts, findings = read_final_facts(text)
    assert isinstance(facts, FinalStatedFacts)
    assert all(f.rule in ("READ-FACT", "TXT-PLACEHOLDER") for f in findings)
    check(facts, select=["TXT-FINAL"])  # the rules take whatever was read


# 安徽省寿县文物保护中心, 2023 (tests/data/cases/pages/anhui-shouxian-relics-center-2023).
SHOUXIAN = (
    "安徽省寿县文物保护中心2023年度一般公共预算财政拨款“三公”经费支出预算为3万元,"
    "支出决算为1.71万元,完成预算的43%,较上年减少1.29万元,下降43%。\n"
    "1.公务接待费预算为1万元,支出决算为0.53万元,完成预算的47%;较上年减少0.47万元,下降47 %。"
)


def test_execution_statements_worded_as_anhui_words_them() -> None:
    """The total's statement with 财政拨款 before “三公”经费, and an item's statement in a
    paragraph of its own: both read, so that their rates are checked."""
    facts, findings = read_final_facts(SHOUXIAN, year=2023)
    total, reception = facts.three_public_executions
    assert (total.key, total.budgeted, total.actual, total.rate) == (
        "three_public_total",
        Decimal("3"),
        Decimal("1.71"),
        Decimal("43"),
    )
    assert (reception.key, reception.budgeted, reception.actual, reception.rate) == (
        "reception",
        Decimal("1"),
        Decimal("0.53"),
        Decimal("47"),
    )
    assert findings == ()


def test_a_change_is_checked_against_the_amount_of_its_own_sentence() -> None:
    """广西 柳州北部新区, 2018: the year-start budget's items are (wrongly) called 支出决算 first,
    so the same item is stated twice; each change is checked against the amount beside it
    (27 − 27 = 0 against 54: −50.0%), not against the first (42)."""
    said = (
        "2018年度“三公”经费预算54万元,其中:公务接待费支出决算42万元。\n"
        "2018年度“三公”经费决算支出51万元,其中:公务接待费支出决算27万元,"
        "与上年相比减少27万元,下降50.0%。"
    )
    facts, _findings = read_final_facts(said, year=2018)
    assert facts.reception_change is not None and facts.reception_change.of == Decimal("27")
    assert "TXT-FINAL-CHANGE" not in check(facts).rule_ids()


def test_a_comparison_is_of_the_item_named_before_it_in_its_clause() -> None:
    """广西 梧州农检中心, 2020: "公务接待费支出决算比预算无增减变化,比去年增加0.5万元" is the
    change of 公务接待费, though the total was the last figure read."""
    said = (
        "“三公”经费支出决算总额为5.48万元,比去年增加1.55万元,增长39.4%。其中,"
        "公务接待费支出决算1.5万元。公务接待费支出决算比预算无增减变化,比去年增加0.5万元,增长50%。"
    )
    facts, findings = read_final_facts(said, year=2020)
    assert facts.reception_change is not None
    assert (facts.reception_change.amount, facts.reception_change.percent) == (
        Decimal("0.5"),
        Decimal("50"),
    )
    assert findings == ()


def test_a_part_of_a_change_is_named_not_read_as_the_year_s_figure() -> None:
    """重庆 渝中区, 2017: "减少了“三公”经费342.74万元,其中…308.87万元" explains part of a
    decrease; neither figure is the year's, and the reader says it cannot place them."""
    said = (
        "与上年相比,2017年度的“三公”经费支出减少了1,276.52万元,下降了22.75%。其中,部分减少的"
        "经费是因为三个单位上划到市级,减少了“三公”经费342.74万元,其中公务用车购置及运行维护费"
        "308.87万元。"
    )
    facts, findings = read_final_facts(said, year=2017)
    assert facts.three_public_total is None and facts.vehicles is None
    assert [f.rule for f in findings] == ["READ-FACT", "READ-FACT"]


def test_changes_stated_respectively_go_to_the_items_in_turn() -> None:
    """福建省级, 2016: "分别减少0.18亿元和0.56亿元,下降133.1%和43.7%" are the changes of the
    two items named before, in turn; the first percentage is impossible (0.18 ÷ 0.32 = 56.25%)."""
    said = (
        "公务用车购置及运行费1.41亿元,包括公务用车购置费0.14亿元和公务用车运行费1.27亿元,"
        "与2015年相比,分别减少0.18亿元和0.56亿元,下降133.1%和43.7%。"
    )
    facts, findings = read_final_facts(said, year=2016)
    purchase, operation = facts.vehicle_purchase_change, facts.vehicle_operation_change
    assert purchase is not None and operation is not None
    assert (purchase.amount, purchase.percent) == (Decimal("-1800"), Decimal("-133.1"))
    assert (operation.amount, operation.percent) == (Decimal("-5600"), Decimal("-43.7"))
    assert findings == ()
