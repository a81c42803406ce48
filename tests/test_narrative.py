"""Stated facts from the explanation (情况说明), and the rules on what it says of changes.

Every expectation on a real text was read off that text: the seed (src/govbudget/samples/
kaiping_2025.txt from "第一部分" on, and the "narrative" of tests/data/seed_bundle.json) and the
Shanghai narratives copied from /work/shared/cases into tests/data/narratives/ (three 2026
budgets, and two final accounts read for robustness only).
"""

from __future__ import annotations

import importlib.util
import json
import sys
import unicodedata
from decimal import Decimal
from importlib import resources
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import Severity, rules
from govbudget.amounts import Unit, convert
from govbudget.checks import check
from govbudget.disclosure.facts import (
    AMOUNT_FACTS,
    CHANGE_FACTS,
    CHANGE_OF,
    FACT_LABELS,
    StatedFacts,
)
from govbudget.disclosure.statements import StatedChange
from govbudget.reading.explanation import READ_FACT, TXT_PLACEHOLDER, FactsReading, read_facts

DATA = Path(__file__).parent / "data"
NARRATIVES = DATA / "narratives"

Printed = dict[str, object]


def printed(facts: StatedFacts) -> Printed:
    """Every stated fact as printed: amounts as their str (so 0 and 0.00 differ), changes as
    (amount, percent, reason, word)."""
    out: Printed = {"year": facts.year}
    for name in facts.stated():
        value = getattr(facts, name)
        if isinstance(value, StatedChange):
            percent = None if value.percent is None else str(value.percent)
            out[name] = (str(value.amount), percent, value.reason, value.word)
        else:
            out[name] = str(value)
    return out


def narrative(case: str) -> str:
    return (NARRATIVES / f"{case}.txt").read_text("utf-8")


@pytest.fixture(scope="module")
def seed_narrative() -> str:
    text = resources.files("govbudget").joinpath("samples", "kaiping_2025.txt").read_text("utf-8")
    return text[text.index("第一部分") :]


# --- the seed ------------------------------------------------------------------------------------

SEED: Printed = {
    "year": 2025,
    # 1、收入说明: 2025年预算收入283.61万元，其中：一般公共预算收入283.61万元，基金预算收入0.00万元，
    # 国有资本经营预算收入0.00万元，财政专户核拨收入0.00万元，单位资金收入0.00万元，上年结转结余0.00万元。
    "income_total": "283.61",
    "general_public_budget": "283.61",
    "government_fund": "0.00",
    "state_capital": "0.00",
    "special_account": "0.00",
    "unit_funds": "0.00",
    "carry_over": "0.00",
    # 2、支出说明: 2025年支出预算283.61万元，其中基本支出193.61万元，包括人员经费182.21万元和
    # 日常公用经费11.39万元；项目支出90.00万元
    "expenditure_total": "283.61",
    "basic": "193.61",
    "personnel": "182.21",
    "public": "11.39",
    "project": "90.00",
    # 3、比上年增减情况: 2025年预算收支安排283.61万元，较2024年预算增加21.20万元，其中：基本支出
    # 减少8.80万元，主要为…导致基本支出减少项目支出增加30.00万元，主要为… (no comma before 项目支出:
    # the first reason stops at the next figure's label)
    "change": ("21.20", None, None, "增加"),
    "change_basic": ("-8.80", None, "本单位调走公务员3名及节约基本支出导致基本支出减少", "减少"),
    "change_project": (
        "30.00",
        None,
        "网络安全和信息化工作内容增加，网络舆情工作难度加深，项目支出增加",
        "增加",
    ),
    # 三、2025年，我部门机关运行经费共计安排11.39万元
    "agency_running_costs": "11.39",
    # 四、the "三公" paragraph; 与2024年相比增加0.00万元 opens a sentence of its own, so it is the
    # change of the paragraph's first figure, the total
    "three_public_total": "0.00",
    "travel_abroad": "0.00",
    "vehicles": "0.00",
    "vehicle_purchase": "0.00",
    "vehicle_operation": "0.00",
    "reception": "0.00",
    "three_public_change": ("0.00", None, "无“三公”经费预算", "增加"),
    # 九、上年末固定资产金额为0.00万元（详见下表）。本年度拟购置固定资产总额为0.00万元
    "fixed_assets_value": "0.00",
    "planned_asset_purchases": "0.00",
}


def test_the_seed_yields_exactly_its_facts(seed_narrative: str) -> None:
    reading = read_facts(seed_narrative)
    assert isinstance(reading, FactsReading)
    assert printed(reading.facts) == SEED
    # 2025年底…不低于90％ and 2020年底 in the goals, 3名, 2人: no figure; no placeholder either
    assert reading.findings == ()


def test_the_seed_bundle_reads_the_same(seed_narrative: str) -> None:
    bundle = json.loads((DATA / "seed_bundle.json").read_text("utf-8"))
    from_bundle = read_facts(bundle["narrative"]).facts
    assert from_bundle == read_facts(seed_narrative).facts


def test_every_fact_keeps_its_sentence(seed_narrative: str) -> None:
    facts = read_facts(seed_narrative).facts
    assert {name for name, _ in facts.quotes} == set(facts.stated())
    assert facts.quote("fixed_assets_value") == (
        "中共唐山市开平区委网络安全和信息化委员会办公室（含所属单位）上年末固定资产金额为0.00万元"
        "（详见下表）。"
    )
    assert facts.quote("three_public_change") == (
        "与2024年相比增加0.00万元，增减变化的主要原因是无“三公”经费预算"
    )
    assert facts.quote("public") == facts.quote("expenditure_total")


def test_the_seed_agrees_with_the_facts_of_its_example(seed_narrative: str) -> None:
    """examples/seed_budget.py typed the facts in by hand; the reader finds the same."""
    examples = Path(__file__).resolve().parent.parent / "examples"
    spec = importlib.util.spec_from_file_location("seed_budget", examples / "seed_budget.py")
    assert spec is not None and spec.loader is not None
    example = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(examples))  # the example imports its sibling modules
    try:
        spec.loader.exec_module(example)
    finally:
        sys.path.remove(str(examples))
    read = read_facts(seed_narrative).facts
    typed: StatedFacts = example.FACTS
    assert attrs.evolve(read, quotes=()) == attrs.evolve(typed, quotes=())
    for name, sentence in typed.quotes:
        assert read.quote(name) == sentence


# --- the Shanghai budgets ----------------------------------------------------------------------

# What the three 2026 budgets say, read off each text. Deliberately not read: the 财政拨款支出主要
# 内容 list ("“…（项）”261.47万元": figures by functional subject, not a StatedFacts field), the
# goals' 涉及项目预算资金 (not a fact of the model), vehicle and equipment counts (辆, 套: not money)
# and 单价100万元（含）以上设备 (a threshold, whose lead is no label). None of the three states
# 上年末固定资产 in money, 基本支出 or 项目支出.
CHENGGUAN: Printed = {
    "year": 2026,  # 2026年部门预算编制说明
    "income_total": "4748.35",  # 收入预算4748.35万元
    "fiscal_appropriation": "4748.35",
    # 比2025年预算减少19.79万元; the reason is a sentence of its own:
    # 财政拨款收入支出减少的主要原因是项目支出减少。 (for both fiscal changes)
    "fiscal_appropriation_change": ("-19.79", None, "项目支出减少", "减少"),
    # 事业\n收入0万元: a word cut by the line; "0" keeps its precision (±0.5万元)
    "service_income": "0",
    "operating_income": "0",
    "other_income": "0",
    "expenditure_total": "4748.35",
    "fiscal_expenditure": "4748.35",
    "fiscal_expenditure_change": ("-19.79", None, "项目支出减少", "减少"),
    "general_public_expenditure": "4748.35",  # 一般公共预算\n拨款支出预算4748.35万元
    "general_public_expenditure_change": ("-19.79", None, None, "减少"),
    "government_fund_expenditure": "0",
    "government_fund_expenditure_change": ("0", None, None, "持平"),
    "state_capital_expenditure": "0",
    "state_capital_expenditure_change": ("0", None, None, "持平"),
    "agency_running_costs": "507.25",
    "three_public_total": "114.22",
    "travel_abroad": "0",
    "vehicles": "113.76",
    "vehicle_purchase": "75",  # 75万\n元
    "vehicle_operation": "38.76",
    "reception": "0.46",
    "three_public_change": ("27", None, None, "增加"),
    "travel_abroad_change": ("0", None, None, "持平"),
    # 主要原因公务用车购置费增加 (no 是)
    "vehicles_change": ("27", None, "公务用车购置费增加", "增加"),
    # a reason that holds a year and a count, never a figure
    "vehicle_purchase_change": (
        "27",
        None,
        "2026年度预计淘汰更新执法车辆5辆，比2025年增加2辆",
        "增加",
    ),
    "vehicle_operation_change": ("0", None, "严控公车运维科目开支", "持平"),  # 与2025\n年预算持平
    # （三）公务接待费0.46万元。与2025年预算持平，…: the paragraph's figure
    "reception_change": ("0", None, "公务接待费预算无变化", "持平"),
    "procurement_total": "595.28",
    "procurement_goods": "77.10",
    "procurement_works": "0",
    "procurement_services": "518.18",  # 518.18\n万元
    "procurement_sme": "343.49",
    "procurement_small_micro": "178.85",  # 178.85万\n元
}

JIANGUANWEI: Printed = {
    "year": 2026,
    "income_total": "328661",  # 328,661万元: thousands separators
    "fiscal_appropriation": "328661",
    "fiscal_appropriation_change": ("115649", None, "增加了雨污混接整治工程项目支出", "增加"),
    "service_income": "0",
    "operating_income": "0",
    "other_income": "0",
    "expenditure_total": "328661",
    "fiscal_expenditure": "328661",
    "fiscal_expenditure_change": ("115649", None, "增加了雨污混接整治工程项目支出", "增加"),
    "general_public_expenditure": "49376",
    "general_public_expenditure_change": ("-5965", None, None, "减少"),
    "government_fund_expenditure": "279285.70",
    "government_fund_expenditure_change": ("119614", None, None, "增加"),
    "state_capital_expenditure": "0",  # 国有资\n本经营预算拨款支出预算0万元，比2025年预算增加0万元
    "state_capital_expenditure_change": ("0", None, None, "增加"),
    "agency_running_costs": "124.56",
    "three_public_total": "42.24",
    "travel_abroad": "0",
    "vehicles": "42.24",
    "vehicle_purchase": "0",  # 公务用车购置费0\n万元
    "vehicle_operation": "42.24",
    "reception": "0",
    "three_public_change": ("0", None, None, "持平"),  # 比2025年预算持平
    "travel_abroad_change": (
        "0",
        None,
        "因公出国（境）费由区外办统一编报预算、统一管理",
        "增加",
    ),
    "vehicles_change": ("0", None, "没有增加公车购置及运行费", "增加"),
    "vehicle_purchase_change": ("0", None, "没有安排公车购置费预算", "增加"),
    "vehicle_operation_change": ("0", None, "没有增加公车运行费", "增加"),
    "reception_change": ("0", None, "没有安排公务接待费预算", "增加"),
    "procurement_total": "214355.48",
    "procurement_goods": "21.62",
    "procurement_works": "189512.14",
    "procurement_services": "24821.72",  # 服务预\n算24,821.72万元
    "procurement_sme": "85742.20",
    "procurement_small_micro": "55732.43",
}

WENLVJU: Printed = {
    "year": 2026,
    "income_total": "27807.61",
    "fiscal_appropriation": "27807.61",
    # 比2025年预算增加增加27.45万\n元: the doubled word is kept as printed
    "fiscal_appropriation_change": ("27.45", None, "基本支出增加", "增加增加"),
    "service_income": "0",
    "operating_income": "0",
    "other_income": "0",
    "expenditure_total": "27807.61",
    "fiscal_expenditure": "27807.61",
    "fiscal_expenditure_change": ("27.45", None, "基本支出增加", "增加"),
    "general_public_expenditure": "27807.61",
    "general_public_expenditure_change": ("27.45", None, None, "增加"),
    "government_fund_expenditure": "0",
    # 与2025年预算增加持平: a real contradiction, kept for TXT-DIRECTION
    "government_fund_expenditure_change": ("0", None, None, "增加持平"),
    "state_capital_expenditure": "0",
    "state_capital_expenditure_change": ("0", None, None, "持平"),
    "agency_running_costs": "182.65",
    "three_public_total": "11.49",
    "travel_abroad": "0",
    "vehicles": "9.38",
    "vehicle_purchase": "0",
    "vehicle_operation": "9.38",
    "reception": "2.11",
    "three_public_change": ("0", None, None, "持平"),
    "travel_abroad_change": ("0", None, "此项经费由区统筹安排", "持平"),
    "vehicles_change": ("0", None, "厉行节约，严格按照规定执行“三公”经费", "持平"),
    "vehicle_purchase_change": ("0", None, "2025年无公车购置计划", "持平"),
    "vehicle_operation_change": ("0", None, "厉行节约，严格按照规定执行“三公”经费", "持平"),
    "reception_change": ("0", None, "厉行节约，严格按照规定执行“三公”经费", "持平"),
    "procurement_total": "8536.39",
    "procurement_goods": "692.93",
    "procurement_works": "5269.82",
    "procurement_services": "2573.64",
    "procurement_sme": "2603.50",
    "procurement_small_micro": "847.33",
}


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("shanghai-putuo-chengguan-2026", CHENGGUAN),
        ("shanghai-putuo-jianguanwei-2026", JIANGUANWEI),
        ("shanghai-putuo-wenlvju-2026", WENLVJU),
    ],
)
def test_a_shanghai_budget_yields_its_facts(case: str, expected: Printed) -> None:
    assert printed(read_facts(narrative(case)).facts) == expected


def test_the_shanghai_budgets_have_no_finding_but_a_left_instruction() -> None:
    assert read_facts(narrative("shanghai-putuo-chengguan-2026")).findings == ()
    assert read_facts(narrative("shanghai-putuo-wenlvju-2026")).findings == ()
    # 涉及项目预算资金314,076.90万元。（绩效目标管理工作情况，以及编报绩效目标的项目数量、单位数量、
    # 预算金额等）: the template's instruction left in the published text, on line 58
    (finding,) = read_facts(narrative("shanghai-putuo-jianguanwei-2026")).findings
    assert finding.rule == "TXT-PLACEHOLDER"
    assert finding.location.line == 58
    assert finding.location.row == (
        "（绩效目标管理工作情况，以及编报绩效目标的项目数量、单位数量、预算金额等）"
    )


def test_the_shanghai_quotes_are_the_printed_sentences_with_lines_joined() -> None:
    facts = read_facts(narrative("shanghai-putuo-chengguan-2026")).facts
    assert facts.quote("vehicles") == (
        "（二）公务用车购置及运行费113.76万元，比2025年预算增加27万元，主要原因公务用车购置费增加。"
    )
    assert facts.quote("vehicle_purchase") == (
        "其中：公务用车购置费75万元，比2025年预算增加27万元，主要原因是2026年度预计淘汰更新执法车辆"
        "5辆，比2025年增加2辆；公务用车运行费38.76万元，与2025年预算持平，主要原因是严控公车运维科目"
        "开支。"
    )
    assert facts.quote("service_income") == (
        "2026年，普陀区城市管理行政执法局收入预算4748.35万元，其中：财政拨款收入4748.35万元，"
        "比2025年预算减少19.79万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。"
    )


# Final accounts: read for robustness. Every figure read is what the text states (a final
# account's actual figure); the 决算-specific statements (年初预算为…, 支出决算为…, 完成预算的…%)
# are not read, and the 三公 total 年初预算为 53.93 / 支出决算为 37.35 is neither.
SHIQUAN: Printed = {
    "year": 2025,  # 第三部分 …2025 年度\n部门决算情况说明
    # 其中：财政拨款收入 19,044.27 万元，占 100%; 财政拨款收入支出总计增加 100.46 万元 is another
    # figure (收入支出总计), not read
    "fiscal_appropriation": "19044.27",
    "basic": "14206",
    "personnel": "12010.40",
    "public": "2195.60",
    "project": "4838.27",
    "general_public_expenditure": "19044.27",
    # 与 2024 年度相比，一般公共预算财政拨款支出增加\n100.46 万元，增长 0.53%。
    "general_public_expenditure_change": ("100.46", "0.53", "抚恤金项目金额的增加", "增加"),
    # 机关运行经费支出 627.04 万元，比 2024 年度减少 54.47 万元，下降 7.99%。
    "agency_running_costs": "627.04",
    "agency_running_costs_change": ("-54.47", "-7.99", "办公经费的节约", "减少"),
    "travel_abroad": "0",  # 1、因公出国（境）费支出 0 万元。
    "vehicles": "37.35",  # 2、公务用车购置及运行维护费支出 37.35 万元。
    "vehicle_purchase": "25",  # 其中：公务用车购置支出为 25 万元。
    "reception": "0",  # 3、公务接待费支出 0 万元。
    "travel_abroad_change": ("0", None, None, "持平"),  # 因公出国（境）费支出与 2024 年持平
    "reception_change": ("0", None, None, "持平"),  # 公务接待费与2024年持平
    "procurement_total": "1062.09",  # 政府采购金额（以合同签订为准）为 1062.09 万元
    "procurement_goods": "80.98",  # 其中：货物采购金额 80.98 万元、工程采购金额 269.03 万元…
    "procurement_works": "269.03",
    "procurement_services": "712.08",
    "procurement_sme": "690.47",
    "procurement_small_micro": "293.72",
}
CAIZHENGJU: Printed = {
    "year": 2024,
    "fiscal_appropriation": "2940.05",  # not 财政拨款收入支出总计0.3万元 (another figure)
    "other_income": "6.2",
    "basic": "2336.91",
    "personnel": "2152.26",
    "public": "184.65",
    "project": "603.14",
    "general_public_expenditure": "2940.05",
    "general_public_expenditure_change": (
        "-63.14",
        "-2.10",
        "基本支出中人员进出及退休变化，以及项目支出中合同支付进度条款等原因减少支付",
        "减少",
    ),
    "agency_running_costs": "184.65",
    "agency_running_costs_change": (
        "2.55",
        "1.40",
        "优化办公环境、提升照明效率，更换了老旧照明设施，导致相关支出略有增加",
        "增加",
    ),
    "procurement_total": "251.25",
    "procurement_goods": "4.79",
    "procurement_works": "0",
    "procurement_services": "246.47",
    "procurement_sme": "246.47",
    "procurement_small_micro": "0",
}


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("shanghai-putuo-shiquan-2025-final", SHIQUAN),
        ("shanghai-putuo-caizhengju-2024-final", CAIZHENGJU),
    ],
)
def test_final_accounts_are_read_without_inventing(case: str, expected: Printed) -> None:
    assert printed(read_facts(narrative(case)).facts) == expected


def test_what_the_final_accounts_leave_unread_is_reported() -> None:
    # 2024年度“三公”经费财政拨款支出决算数与2023年度持平。: a change of a figure the reader does not
    # read (决算数), so it cannot say whose change it is
    (finding,) = read_facts(narrative("shanghai-putuo-caizhengju-2024-final")).findings
    assert (finding.rule, finding.severity, finding.location.line) == (
        "READ-FACT",
        Severity.WARNING,
        82,
    )
    assert read_facts(narrative("shanghai-putuo-shiquan-2025-final")).findings == ()


# --- variants ------------------------------------------------------------------------------------


def facts_of(text: str, **kwargs: int) -> Printed:
    return printed(read_facts(text, **kwargs).facts)


def test_yuan_is_converted_exactly_and_keeps_its_precision() -> None:
    found = facts_of(
        "2025年预算收入2836100元，其中：一般公共预算收入2,836,100.00元，上年结转结余0元。"
    )
    assert found == {
        "year": 2025,
        "income_total": "283.6100",
        "general_public_budget": "283.610000",
        "carry_over": "0.0000",
    }
    assert facts_of("收入预算1.2亿元。")["income_total"] == "1.2E+4"


def test_full_width_digits_and_punctuation() -> None:
    assert facts_of(
        "２０２５年预算收入２８３．６１万元，其中：一般公共预算收入２８３．６１万元。"
    ) == {
        "year": 2025,
        "income_total": "283.61",
        "general_public_budget": "283.61",
    }


@pytest.mark.parametrize(
    "text",
    [
        "其中：事业\n收入0万元；其他收入0万元。",
        "其中：事业收\n入0万元；其他收入0\n万元。",
        "其中：事业收入0万\n元；其他收入0万元。",
        "其中：事 业 收 入 0 万元；其他收入 0 万元。",
    ],
)
def test_words_and_figures_cut_by_line_breaks_or_spaces(text: str) -> None:
    assert facts_of(text) == {"year": None, "service_income": "0", "other_income": "0"}


def test_a_break_in_a_comparison_and_the_lines_of_a_finding() -> None:
    text = "公务用车运行费38.76万元，与2025\n年预算持平，主要原因是严控开支。\nXX局。"
    reading = read_facts(text)
    assert printed(reading.facts)["vehicle_operation_change"] == ("0", None, "严控开支", "持平")
    (finding,) = reading.findings
    assert (finding.rule, finding.location.line, finding.location.row) == (
        "TXT-PLACEHOLDER",
        3,
        "XX局",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("项目支出79万元，比上年预算减少49万元，下降38.28%。", ("-49", "-38.28", None, "减少")),
        ("项目支出79万元，较上年减少了49万元，降幅38.28%。", ("-49", "-38.28", None, "减少了")),
        ("项目支出128万元，比上年增长49万元，增长62.02%。", ("49", "62.02", None, "增长")),
        ("项目支出128万元，与上年相比，增加49万元。", ("49", None, None, "增加")),
        ("项目支出128万元，与上年持平。", ("0", None, None, "持平")),
        ("项目支出128万元，比2024年预算持平0.00万元。", ("0.00", None, None, "持平")),
        ("项目支出128万元，比上年增加-5万元。", ("-5", None, None, "增加")),
        ("项目支出128万元，比上年减少0.00万元。", ("0.00", None, None, "减少")),
    ],
)
def test_changes_percentages_and_words(text: str, expected: tuple[object, ...]) -> None:
    assert facts_of(text)["change_project"] == expected


def test_a_change_named_by_its_label_and_its_reason() -> None:
    found = facts_of("其中：基本支出减少了8.80万元，主要是人员调出；项目支出增长了3万元。")
    assert found["change_basic"] == ("-8.80", None, "人员调出", "减少了")
    assert found["change_project"] == ("3", None, None, "增长了")


def test_a_comparison_opening_a_sentence_belongs_to_the_paragraph() -> None:
    found = facts_of(
        "2026年“三公”经费预算数为114.22万元，比2025年预算增加27万元。其中：\n"
        "（三）公务接待费0.46万元。与2025年预算持平，主要原因是预算无变化。"
    )
    assert found["three_public_change"] == ("27", None, None, "增加")
    assert found["reception_change"] == ("0", None, "预算无变化", "持平")


@pytest.mark.parametrize(
    "text",
    [
        "根据唐网办字【2024】2号文件，2025年机关运行经费安排11.39万元。",
        "2025年机关运行经费安排11.39万元，2025年底网上可办事项不低于90％，比2024年增加2辆。",
        "2025年机关运行经费11.39万元；2025年人员经费增长5%，公务接待费2025\n年安排3次。",
    ],
)
def test_a_year_a_percentage_or_a_document_number_is_never_an_amount(text: str) -> None:
    reading = read_facts(text)
    assert printed(reading.facts) == {"year": None, "agency_running_costs": "11.39"}
    assert reading.findings == ()


def test_a_parenthesis_between_a_label_and_its_figure_is_an_aside() -> None:
    text = "机关运行经费（唐财预〔2025〕12号）安排11.39万元。"
    assert printed(read_facts(text).facts) == {"year": None, "agency_running_costs": "11.39"}


def test_the_longest_label_wins() -> None:
    found = facts_of(
        "一般公共预算收入1万元，政府性基金预算收入2万元，国有资本经营预算收入3万元，预算收入6万元；"
        "财政拨款支出预算4万元；一般公共预算拨款支出预算5万元；支出预算7万元；事业单位经营收入8万元。"
    )
    assert found == {
        "year": None,
        "income_total": "6",
        "general_public_budget": "1",
        "government_fund": "2",
        "state_capital": "3",
        "operating_income": "8",
        "expenditure_total": "7",
        "fiscal_expenditure": "4",
        "general_public_expenditure": "5",
    }


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("中共某委2025年部门预算信息公开情况说明\n机关运行经费11.39万元。", None, 2025),
        ("2026年，某局收入预算1万元。", 2025, 2026),
        ("2024年度部门决算情况说明", None, 2024),
        ("机关运行经费11.39万元。", 2027, 2027),
        ("机关运行经费11.39万元，较2024年预算增加1万元。", None, None),
    ],
)
def test_the_budget_year(text: str, year: int | None, expected: int | None) -> None:
    assert read_facts(text, year=year).facts.year == expected


def test_nothing_to_read() -> None:
    assert read_facts("") == FactsReading(StatedFacts())
    assert read_facts("\t表格\t1.00\n\n").facts == StatedFacts()


# --- placeholders and what cannot be read ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("XX局2025年部门预算。", "XX局"),
        ("本部门XXX。", "XXX"),
        ("ＸＸ单位机关运行经费。", "ＸＸ单位"),
        ("××部门。", "××部门"),
        ("“三公”经费比上年增长(下降)0%。", "增长(下降)"),
        ("“三公”经费比上年增加（减少）0万元。", "增加（减少）"),
        ("安排因公出国（境）团组0个，0(团组名称)。", "(团组名称)"),
        (
            "项目资金1万元。（绩效目标管理工作情况，以及项目数量等）",
            "（绩效目标管理工作情况，以及项目数量等）",
        ),
        ("机关运行经费____万元。", "____"),
        ("公务接待费万元。", "公务接待费"),
        # 湛江 2017: a change's amount and a share left blank
        ("公务接待费30万元,比上年减少 万元。", "比上年增减"),
        ("公务接待费30万元,占 %。", "占比"),
        ("公务接待费30万元,比上年下降 %。", "比上年增减"),
    ],
)
def test_an_unfilled_placeholder_is_a_finding(text: str, row: str) -> None:
    reading = read_facts("前言。\n" + text)
    assert [(f.rule, f.severity, f.location.row, f.location.line) for f in reading.findings] == [
        ("TXT-PLACEHOLDER", Severity.ERROR, row, 2)
    ]
    assert reading.findings[0].location.table == "情况说明"


def test_real_words_are_no_placeholders() -> None:
    text = (
        "单价100万元（含）以上设备（不含车辆）2套。IPv6规模部署。公务用车购置费（含车辆购置税）1万元。"
        "公务接待费30万元,占12.5%,比上年减少2万元,下降6.25%。"
    )
    assert read_facts(text).findings == ()


def test_a_figure_that_cannot_be_read() -> None:
    (finding,) = read_facts("机关运行经费安排1,23.4万元。").findings
    assert (finding.rule, finding.location.row) == ("READ-FACT", "机关运行经费")
    assert "1,23.4万元" in finding.message


def test_a_change_with_nothing_to_belong_to() -> None:
    reading = read_facts("比上年增加5万元。\n人员经费10.00万元，比上年增加1万元。")
    assert printed(reading.facts) == {"year": None, "personnel": "10.00"}
    assert [(f.rule, f.location.row, f.location.line) for f in reading.findings] == [
        ("READ-FACT", "比上年增减", 1),
        ("READ-FACT", "人员经费", 2),
    ]


def test_a_fact_stated_twice_keeps_the_first_figure() -> None:
    reading = read_facts("人员经费10万元。\n人员经费10.00万元。\n人员经费12万元。")
    assert printed(reading.facts)["personnel"] == "10"
    (finding,) = reading.findings
    assert (finding.rule, finding.location.line) == ("READ-FACT", 3)
    assert "前文为 10万元，此处为 12万元" in finding.message


def test_the_reader_rules_are_declared() -> None:
    declared = {r.id: r for r in rules()}
    for reader_rule in (TXT_PLACEHOLDER, READ_FACT):
        assert declared[reader_rule.id] is reader_rule
        assert reader_rule.applies_to is None


# --- the property: facts rendered into the seed's sentences read back --------------------------

MONEY = st.decimals(min_value=0, max_value=Decimal("99999.99"), places=2)
CHANGE = st.one_of(
    st.just(Decimal("0.00")),
    st.decimals(min_value=Decimal("-9999.99"), max_value=Decimal("9999.99"), places=2),
)
REASON = st.lists(
    st.sampled_from(
        [
            "本单位调走公务员3名",
            "节约基本支出导致基本支出减少",
            "网络安全和信息化工作内容增加",
            "网络舆情工作难度加深",
            "无“三公”经费预算",
            "压减一般性支出2项",
        ]
    ),
    min_size=1,
    max_size=3,
    unique=True,
).map("，".join)
WIDE = str.maketrans("0123456789.,", "０１２３４５６７８９．，")


@attrs.frozen
class Rendering:
    """How the figures are printed: the unit, thousands separators, full-width digits."""

    unit: str
    commas: bool
    wide: bool

    def figure(self, value: Decimal) -> tuple[str, Decimal]:
        """The figure as printed, and the 万元 amount it stands for."""
        shown = value.copy_abs()
        if self.unit == "元":
            shown = shown.scaleb(4).quantize(Decimal("0.01"))
        text = format(shown, ",f" if self.commas else "f")
        if self.wide:
            text = text.translate(WIDE)
        amount = convert(shown, Unit.YUAN, Unit.WAN_YUAN) if self.unit == "元" else shown
        return text + self.unit, amount

    def change(self, value: Decimal, flat: bool) -> tuple[str, StatedChange]:
        if flat and value == 0:
            return "持平", StatedChange("0", word="持平")
        word = "减少" if value < 0 else "增加"
        text, amount = self.figure(value)
        return word + text, StatedChange(-amount if value < 0 else amount, word=word)


@st.composite
def seed_sentences(draw: st.DrawFn) -> tuple[str, StatedFacts]:
    """The seed's standard sentences with drawn figures, and the facts they state."""
    year = draw(st.integers(2015, 2035))
    how = Rendering(draw(st.sampled_from(["万元", "元"])), draw(st.booleans()), draw(st.booleans()))
    amounts = {name: how.figure(draw(MONEY)) for name in SEED if name in AMOUNT_FACTS}
    flat = draw(st.booleans())
    changes = {
        name: how.change(draw(CHANGE), flat)
        for name in ("change", "change_basic", "change_project", "three_public_change")
    }
    reasons = {
        name: draw(REASON) for name in ("change_basic", "change_project", "three_public_change")
    }
    shown = {name: text for name, (text, _) in {**amounts, **changes}.items()}
    s = shown
    text = "\n".join(
        [
            f"中共某委{year}年部门预算信息公开情况说明",
            "1、收入说明",
            f"反映本部门当年全部收入。{year}年预算收入{s['income_total']}，其中：一般公共预算收入"
            f"{s['general_public_budget']}，基金预算收入{s['government_fund']}，国有资本经营预算收入"
            f"{s['state_capital']}，财政专户核拨收入{s['special_account']}，单位资金收入"
            f"{s['unit_funds']}，上年结转结余{s['carry_over']}。",
            "2、支出说明",
            f"收支预算总表支出栏反映支出预算的总体情况。{year}年支出预算{s['expenditure_total']}，"
            f"其中基本支出{s['basic']}，包括人员经费{s['personnel']}和日常公用经费{s['public']}；"
            f"项目支出{s['project']}，主要为本单位新增事业编制2人，日常公用经费主要用于日常办公和税费",
            "3、比上年增减情况",
            f"{year}年预算收支安排{s['expenditure_total']}，较{year - 1}年预算{s['change']}，其中：基本支出"
            f"{s['change_basic']}，主要为{reasons['change_basic']}项目支出{s['change_project']}，"
            f"主要为{reasons['change_project']}",
            "三、机关运行经费安排情况",
            f"{year}年，我部门机关运行经费共计安排{s['agency_running_costs']}，主要用于日常维修等日常运行支出。",
            "四、财政拨款“三公”经费预算情况及增减变化原因",
            f"{year}年，我部门财政拨款“三公”经费预算安排{s['three_public_total']}，其中因公出国（境）费"
            f"{s['travel_abroad']}；公务用车购置及运维费{s['vehicles']}（其中：公务用车购置费为"
            f"{s['vehicle_purchase']}，公务用车运维费{s['vehicle_operation']})；公务接待费"
            f"{s['reception']}。与{year - 1}年相比{s['three_public_change']}，增减变化的主要原因是"
            f"{reasons['three_public_change']}",
            "九、国有资产信息",
            f"某委（含所属单位）上年末固定资产金额为{s['fixed_assets_value']}（详见下表）。本年度拟购置"
            f"固定资产总额为{s['planned_asset_purchases']}，已按要求列入政府采购预算。",
        ]
    )
    stated_changes = {
        name: attrs.evolve(change, reason=reasons.get(name))
        for name, (_, change) in changes.items()
    }
    facts = StatedFacts(
        year=year, **{name: amount for name, (_, amount) in amounts.items()}, **stated_changes
    )
    return text, facts


def wrapped(text: str, width: int) -> str:
    """The text as a PDF prints it: every paragraph cut into lines of at most ``width`` columns."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for c in paragraph:
            size = 2 if unicodedata.east_asian_width(c) in "WF" else 1
            if used + size > width:
                lines.append(line)
                line, used = "", 0
            line, used = line + c, used + size
        lines.append(line)
    return "\n".join(lines)


@given(seed_sentences())
def test_the_seed_sentences_read_back_exactly(case: tuple[str, StatedFacts]) -> None:
    text, facts = case
    reading = read_facts(text)
    assert printed(reading.facts) == printed(facts)
    assert reading.findings == ()


@given(seed_sentences(), st.integers(40, 140))
def test_wrapping_the_lines_changes_nothing(case: tuple[str, StatedFacts], width: int) -> None:
    text, _ = case
    assert read_facts(wrapped(text, width)).facts == read_facts(text).facts


# --- the model's additions -----------------------------------------------------------------------


def test_every_fact_has_a_label_and_every_change_an_amount() -> None:
    assert set(AMOUNT_FACTS) | set(CHANGE_FACTS) == set(FACT_LABELS)
    assert set(CHANGE_OF) == set(CHANGE_FACTS)
    assert set(CHANGE_OF.values()) <= set(AMOUNT_FACTS)
    assert "change_basic" in CHANGE_FACTS and "change_basic" not in AMOUNT_FACTS


# --- TXT-PERCENT ---------------------------------------------------------------------------------


def percent_findings(facts: StatedFacts) -> list[str]:
    return [f.message for f in check(facts, select=["TXT-PERCENT"])]


@pytest.mark.parametrize(
    ("current", "amount", "percent"),
    [
        ("79", "-49", "-38.28"),  # 49 / 128
        ("79", "-49", "-38"),  # 0 decimals: 37.5 … 38.5 meets 37.89 … 38.68
        ("283.61", "21.20", "8.08"),  # 21.20 / 262.41 = 8.079 %
        ("627.04", "-54.47", "-7.99"),  # shiquan, final accounts
        ("0.46", "0", "0"),  # 持平, and 0 % of it
        ("1", "0.6", "150"),  # the base 0.4 could be 0 by rounding: nothing can be refuted
    ],
)
def test_a_percentage_that_agrees(current: str, amount: str, percent: str) -> None:
    facts = StatedFacts(reception=current, reception_change=StatedChange(amount, percent=percent))
    assert percent_findings(facts) == []


@pytest.mark.parametrize(
    ("current", "amount", "percent", "bounds"),
    [
        ("79", "-49", "-48.28", "-38.68%～-37.89%"),
        ("79", "-49", "38.28", "-38.68%～-37.89%"),  # the sign counts
        ("283.61", "21.20", "8.10", "8.07%～8.09%"),  # two decimals: 8.095 is out of reach
        ("10000", "100", "2", "1.00%～1.02%"),
    ],
)
def test_a_percentage_that_does_not(current: str, amount: str, percent: str, bounds: str) -> None:
    facts = StatedFacts(
        reception=current,
        reception_change=StatedChange(amount, percent=percent),
        quotes=[("reception_change", "与上年相比……")],
    )
    report = check(facts, select=["TXT-PERCENT"])
    (finding,) = report
    assert finding.severity is Severity.ERROR
    assert finding.location.table == "情况说明" and finding.location.row == "公务接待费比上年增减"
    assert f"应为 {bounds}" in finding.message
    assert finding.message.endswith("（原文：“与上年相比……”）")
    assert finding.actual == Decimal(percent)


@pytest.mark.parametrize(("current", "amount"), [("5.00", "5.00"), ("5.00", "7.00")])
def test_a_percentage_of_a_change_over_a_zero_base(current: str, amount: str) -> None:
    facts = StatedFacts(reception=current, reception_change=StatedChange(amount, percent="100"))
    (message,) = percent_findings(facts)
    assert "上年基数为" in message and "（零或负数）" in message


def test_a_percentage_without_its_figure_is_not_checked() -> None:
    assert percent_findings(StatedFacts(reception_change=StatedChange("5", percent="50"))) == []
    assert percent_findings(StatedFacts(reception="5", reception_change=StatedChange("5"))) == []


def test_the_whole_budget_change_is_a_change_of_expenditure() -> None:
    facts = StatedFacts(expenditure_total="283.61", change=StatedChange("21.20", percent="9"))
    (message,) = percent_findings(facts)
    assert message.startswith("预算收支比上年增减 21.20万元、9%")


def test_a_percentage_read_from_the_text_is_checked() -> None:
    reading = read_facts("项目支出79万元，比上年预算减少49万元，下降48.28%。")
    (finding,) = check(reading.facts, select=["TXT-PERCENT"])
    assert "比上年预算减少49万元，下降48.28%" in finding.message


# --- TXT-DIRECTION -------------------------------------------------------------------------------


def direction_findings(change: StatedChange) -> list[str]:
    facts = StatedFacts(vehicles="10", vehicles_change=change)
    return [f.message for f in check(facts, select=["TXT-DIRECTION"])]


@pytest.mark.parametrize(
    "change",
    [
        StatedChange("5", word="增加"),
        StatedChange("-5", word="减少"),
        StatedChange("-5", percent="-10", word="下降"),
        StatedChange("0", word="持平"),
        StatedChange("0.00", word="增加"),  # the seed's 增加0.00万元: nothing wrong in its sign
        StatedChange("27.45", word="增加增加"),  # doubled, not contradictory
        StatedChange("5"),  # no word, nothing to compare
    ],
)
def test_a_direction_that_agrees(change: StatedChange) -> None:
    assert direction_findings(change) == []


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (StatedChange("-5", word="增加"), "表述为“增加”，金额却为 -5万元，方向相反"),
        (StatedChange("5", word="减少"), "表述为“减少”，金额却为 5万元，方向相反"),
        (StatedChange("5", word="持平"), "表述为“持平”，金额却为 5万元"),
        (StatedChange("0", word="增加持平"), "表述为“增加持平”，用语自相矛盾"),
        (StatedChange("5", percent="-10", word="增加"), "增减额 5万元与百分比 -10%方向相反"),
    ],
)
def test_a_direction_that_does_not(change: StatedChange, says: str) -> None:
    (message,) = direction_findings(change)
    assert message.startswith("公务用车购置及运行维护费比上年增减" + says)


def test_a_direction_read_from_the_text_is_checked() -> None:
    assert check(read_facts("公务接待费5万元，比上年增加-2万元。").facts, select=["TXT-DIRECTION"])
    wenlvju = read_facts(narrative("shanghai-putuo-wenlvju-2026")).facts
    (finding,) = check(wenlvju, select=["TXT-DIRECTION", "TXT-PERCENT"])
    assert finding.location.row == "政府性基金拨款支出比上年增减"
    assert "与2025年预算增加持平" in finding.message


@pytest.mark.parametrize(
    "case",
    [
        "shanghai-putuo-chengguan-2026",
        "shanghai-putuo-jianguanwei-2026",
        "shanghai-putuo-shiquan-2025-final",
        "shanghai-putuo-caizhengju-2024-final",
    ],
)
def test_the_real_percentages_and_words_agree(case: str) -> None:
    """The four percentages of the final accounts (0.53%, -7.99%, -2.10%, 1.40%) agree with
    their amounts; only wenlvju's 增加持平 is a fault (above)."""
    facts = read_facts(narrative(case)).facts
    assert check(facts, select=["TXT-DIRECTION", "TXT-PERCENT"]).findings == ()


def test_the_seed_passes_both_rules(seed_narrative: str) -> None:
    facts = read_facts(seed_narrative).facts
    assert check(facts, select=["TXT-DIRECTION", "TXT-PERCENT"]).findings == ()


# -- phrasings of other provinces (#20) -------------------------------------------------------

# 四川省绵阳市游仙区政府办, 2022 (tests/data/cases/pages/sichuan-youxian-government-office-2022):
# the total with 财政拨款预算数 between label and figure, the percentage before the amount, the
# reason in the next sentence, the items under headings that the sentences do not repeat.
YOUXIAN = """一、2022游仙区政府办“三公”经费财政拨款预算总体情况
2022游仙区政府办“三公”经费财政拨款预算数9万元,较2021年预算下降40%,减少6万元。主要原因是节约开支。
(一)因公出国(境)经费
2022年预算安排0万元,与2021年预算持平
(二)公务接待费
2022年预算安排1万元,与2021年预算持平。
2021年预算数1万元。"""


def test_a_total_with_its_change_stated_percentage_first_and_its_reason_after() -> None:
    reading = read_facts(YOUXIAN, year=2022)
    facts = reading.facts
    assert facts.three_public_total == Decimal("9")
    assert facts.three_public_change == StatedChange(
        "-6", percent="-40", reason="节约开支", word="减少"
    )
    assert reading.findings == ()


def test_figures_under_a_heading_are_the_heading_s_and_last_year_s_are_not() -> None:
    facts = read_facts(YOUXIAN, year=2022).facts
    assert facts.travel_abroad == Decimal("0") and facts.reception == Decimal("1")
    assert facts.travel_abroad_change == StatedChange("0", word="持平")
    assert facts.reception_change == StatedChange("0", word="持平")


def test_a_reason_in_the_next_sentence_goes_to_that_change_only() -> None:
    said = "公务接待费638万元,比上年年初预算减少317万元。主要原因是减少接待。公务用车运行维护费2505万元,比上年年初预算减少174万元。"
    facts = read_facts(said, year=2024).facts
    assert facts.reception_change is not None and facts.reception_change.reason == "减少接待"
    assert facts.vehicle_operation_change == StatedChange("-174", word="减少")


@pytest.mark.parametrize(
    ("said", "year", "total"),
    [
        ("全县一般公共预算“三公”经费预安排2415.44万元,较上年预算增加36.67万元。", 2023, "2415.44"),
        ("2016 年“三公”经费财政拨款预算1.70万元,比2015年预算减少1.03万元。", 2016, "1.70"),
        ("“三公”经费预算9万元,同比减少6万元。", 2022, "9"),
    ],
)
def test_a_total_and_its_change_as_other_provinces_word_them(
    said: str, year: int, total: str
) -> None:
    reading = read_facts(said, year=year)
    assert reading.facts.three_public_total == Decimal(total)
    assert reading.facts.three_public_change is not None
    assert reading.findings == ()


def test_last_year_s_amount_named_in_the_comparison_is_not_the_year_s() -> None:
    """新疆, 2019: the 2018 total is named inside the comparison, the change follows it."""
    said = (
        "2019年,自治区本级“三公”经费总额为21372.02万元,"
        "与2018年一般公共预算“三公”经费总额27389.54万元相比,减少6017.52万元,下降21.97%。"
    )
    reading = read_facts(said, year=2019)
    assert reading.facts.three_public_total == Decimal("21372.02")
    assert reading.facts.three_public_change == StatedChange(
        "-6017.52", percent="-21.97", word="减少"
    )
    assert reading.findings == ()


def test_a_percentage_in_brackets_after_a_change_is_its_percentage() -> None:
    """陕西 新城区卫计局, 2019: 较上年减少1.5万元(42.86%) is −42.86%, which 1.5 ÷ 3.80 is not."""
    said = "公务接待费2.30万元,较上年减少1.5万元(42.86%),减少的主要原因是压缩接待开支。"
    change = read_facts(said, year=2019).facts.reception_change
    assert change == StatedChange("-1.5", percent="-42.86", reason="压缩接待开支", word="减少")


def test_a_change_stated_as_a_percentage_alone() -> None:
    """海南 交通运输厅, 2022: 较上年预算下降90.54% with no amount is still the change, with its
    reason; a later bare "减少6万元。" completes a percentage stated alone (四川 游仙区)."""
    said = "因公出国(境)经费7万元,较上年预算下降90.54%,主要原因是团组减少。"
    change = read_facts(said, year=2022).facts.travel_abroad_change
    assert change == StatedChange(None, percent="-90.54", reason="团组减少", word="下降")
    said = "公务用车运行维护费预算安排8万元,较2021年预算下降42.86%。减少6万元。主要原因是厉行节约。"
    reading = read_facts(said, year=2022)
    assert reading.facts.vehicle_operation_change == StatedChange(
        "-6", percent="-42.86", reason="厉行节约", word="减少"
    )
    assert reading.findings == ()


def test_a_bare_change_with_nothing_before_it_is_reported() -> None:
    reading = read_facts("机关运行经费10万元。\n\n减少1.29万元。", year=2022)
    assert [f.rule for f in reading.findings] == ["READ-FACT"]
