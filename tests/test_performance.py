"""Performance goals: target values, the indicator framework, construction, and the PG rules.

Every rule has a passing and a failing case, built from the seed's own tables (examples/
seed_goals.py) by changing one thing. The seed itself is pinned at the end: no errors, a note on
each project's cost ceiling, and two warnings on goal text copied from 2020 and 2021.
"""

from __future__ import annotations

import importlib.util
import itertools
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import Report, Severity, Unit, check
from govbudget.checks import Location, rules
from govbudget.errors import GovBudgetError
from govbudget.performance import (
    Comparator,
    DepartmentGoalItem,
    DepartmentPerformanceGoals,
    GoalDocument,
    GoalError,
    GoalTypeError,
    Indicator,
    Level1,
    Level2,
    ProjectPerformanceGoal,
    SpendingCheckpoint,
    TargetValue,
    normalize_level,
    parse_percent,
    parse_target,
)

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "seed_goals.py"
_spec = importlib.util.spec_from_file_location("seed_goals", EXAMPLE)
assert _spec is not None and _spec.loader is not None
seed_goals = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(seed_goals)

PROJECTS: list[ProjectPerformanceGoal] = seed_goals.project_goals()
SECURITY, PUBLICITY, MONITORING = PROJECTS
DEPARTMENT: DepartmentPerformanceGoals = seed_goals.department_goals()


def pg(document: GoalDocument, rule: str) -> Report:
    """The findings of one rule (``select`` alone would add PG-COST-EQUALS-BUDGET to PG-COST)."""
    return check(document, select=[rule]).filter(rule=rule)


def with_row(
    goal: ProjectPerformanceGoal, index: int, **changes: str | None
) -> ProjectPerformanceGoal:
    rows = list(goal.indicators)
    rows[index] = attrs.evolve(rows[index], **changes)
    return attrs.evolve(goal, indicators=rows)


def schedule(*percents: str | None) -> list[SpendingCheckpoint]:
    labels = ["3月底", "6月底", "10月底", "12月底", "次年3月底", "次年6月底"]
    return [
        SpendingCheckpoint(labels[i], None if p is None else Decimal(p))
        for i, p in enumerate(percents)
    ]


# --- target values --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "comparator", "number", "unit"),
    [
        # the seed's forms
        ("≥90%", Comparator.GE, "90", "%"),
        ("1个", Comparator.EQ, "1", "个"),
        ("≤4个", Comparator.LE, "4", "个"),
        ("≤10万元", Comparator.LE, "10", "万元"),
        ("≤68万", Comparator.LE, "68", "万"),
        ("<5%", Comparator.LT, "5", "%"),
        ("2个", Comparator.EQ, "2", "个"),
        # Shanghai's forms
        ("=100.00(%)", Comparator.EQ, "100.00", "%"),
        ("≥90.00(%)", Comparator.GE, "90.00", "%"),
        # other spellings of the comparators
        (">95%", Comparator.GT, "95", "%"),
        ("＞５％", Comparator.GT, "5", "%"),
        (">=80%", Comparator.GE, "80", "%"),
        ("≧80%", Comparator.GE, "80", "%"),
        ("不低于95%", Comparator.GE, "95", "%"),
        ("不超过20万元", Comparator.LE, "20", "万元"),
        ("大于等于3次", Comparator.GE, "3", "次"),
        ("90%以上", Comparator.GE, "90", "%"),
        ("10万元以内", Comparator.LE, "10", "万元"),
        ("≤10,308,000.00元", Comparator.LE, "10308000.00", "元"),
        (" ≥ 90 % ", Comparator.GE, "90", "%"),
    ],
)
def test_a_target_reads_into_comparator_number_and_unit(
    text: str, comparator: Comparator, number: str, unit: str
) -> None:
    target = parse_target(text)
    assert (target.comparator, target.number, target.unit) == (comparator, Decimal(number), unit)
    assert target.measurable and not target.qualitative
    assert str(target) == text.strip()  # prints back as written


def test_a_number_keeps_its_printed_precision() -> None:
    assert str(parse_target("=100.00(%)").number) == "100.00"
    assert str(parse_target("≥90%").number) == "90"


@pytest.mark.parametrize("text", ["优良", "合理", "提升", "健全", "提高", "降低", "不低于上年"])
def test_a_value_in_words_is_qualitative(text: str) -> None:
    target = parse_target(text)
    assert target.comparator is Comparator.QUALITATIVE
    assert (target.number, target.unit, target.measurable) == (None, "", True)


@pytest.mark.parametrize("text", ["2025年底前完成", "90%-95%", "按进度完成第3阶段工作"])
def test_a_sentence_starting_with_a_number_is_a_value_in_words(text: str) -> None:
    assert parse_target(text).qualitative


@pytest.mark.parametrize("text", ["", "  ", "-", "—", "/", "≥", "≤万元", "≥上年", "≥90%-95%"])
def test_a_target_with_nothing_to_measure_has_no_comparator(text: str) -> None:
    target = parse_target(text)
    assert target.comparator is None and not target.measurable


def test_money_units_read_a_bare_wan_as_wan_yuan() -> None:
    assert parse_target("≤68万").money_unit() is Unit.WAN_YUAN
    assert parse_target("≤10万元").money_unit() is Unit.WAN_YUAN
    assert parse_target("≤5000元").money_unit() is Unit.YUAN
    assert parse_target("≤1亿").money_unit() is Unit.YI_YUAN
    assert parse_target("≥90%").money_unit() is None
    assert parse_target("合理").money_unit() is None


def test_targets_are_equal_by_their_text() -> None:
    assert TargetValue("≥90%") == parse_target(" ≥90% ")
    assert TargetValue("≥90%") != TargetValue("≥90.0%")
    assert hash(TargetValue("1个")) == hash(parse_target("1个"))


def test_a_target_is_text() -> None:
    with pytest.raises(GoalTypeError, match=r"TargetValue\.text: 0\.9 is a float"):
        TargetValue(0.9)  # type: ignore[arg-type]


# --- the framework --------------------------------------------------------------------------


def test_each_level2_has_its_level1() -> None:
    assert [level.label for level in Level1.OUTCOME.allowed] == [
        "经济效益指标",
        "社会效益指标",
        "生态效益指标",
        "可持续影响指标",
    ]
    assert Level1.SATISFACTION.allowed == (Level2.SATISFACTION,)
    assert [level.label for level in Level1.COST.allowed] == [
        "经济成本指标",
        "社会成本指标",
        "生态环境成本指标",
    ]
    assert {level for level1 in Level1 for level in level1.allowed} == set(Level2)


@pytest.mark.parametrize(
    ("name", "level"),
    [("产出", Level1.OUTPUT), (" 满意度指标 ", Level1.SATISFACTION), ("成本指标", Level1.COST)],
)
def test_level1_names_are_read_as_printed(name: str, level: Level1) -> None:
    assert Level1.read(name) is level


def test_level_names_are_normalized() -> None:
    assert normalize_level("服务对象满意度") == "服务对象满意度指标"
    assert normalize_level("经济 效益指标") == "经济效益指标"
    assert Level2.read("效率指标") is None and Level1.read("") is None


# --- construction ---------------------------------------------------------------------------


def test_the_seed_goals_hold_what_was_printed() -> None:
    assert SECURITY.code == "13020525P00916610003B"
    assert (SECURITY.budget, SECURITY.financial_funds, SECURITY.other_funds) == (
        Decimal("10.00"),
        Decimal("10.00"),
        None,
    )
    assert [c.percent for c in SECURITY.schedule] == [25, 50, 75, 100]
    assert SECURITY.goals == ("1.加强网络安全监测，保障我区网络安全",)
    assert len(SECURITY.indicators) == 9
    assert MONITORING.indicators[3].target.text == "≤68万"
    assert [p.budget for p in PROJECTS] == [Decimal("10.00"), Decimal("12.00"), Decimal("68.00")]
    assert SECURITY.heading == "项目绩效目标表：本级网络安全工作经费"
    assert SECURITY.unit is Unit.WAN_YUAN


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        ({"budget": 10.0}, GoalTypeError, r"ProjectPerformanceGoal\.budget: 10\.0 is a float"),
        ({"financial_funds": "10.00"}, GoalTypeError, r"financial_funds: .* parse_amount"),
        ({"other_funds": Decimal("0.001")}, GoalError, r"other_funds: 0\.001 has 3 decimals"),
        ({"carry_over": Decimal("Infinity")}, GoalError, r"carry_over: .* is not a number"),
        ({"year": 25}, GoalError, r"year: 25 is not a plausible budget year"),
        ({"year": True}, GoalTypeError, r"year: True is not an int"),
        ({"name": " "}, GoalError, r"ProjectPerformanceGoal\.name: must not be blank"),
        ({"code": "1302 0525"}, GoalError, r"code: .* has spaces inside"),
        ({"goals": "加强网络安全监测"}, GoalTypeError, r"goals: give a sequence of statements"),
        ({"goals": ["一\n二"]}, GoalError, r"goals\[0\]: .* is not one statement"),
        ({"goals": [""]}, GoalError, r"goals\[0\]"),
        ({"schedule": ["25%"]}, GoalTypeError, r"schedule\[0\]: '25%' is a str"),
        ({"indicators": [("产出指标",)]}, GoalTypeError, r"indicators\[0\]: .* not an Indicator"),
        ({"facts": [("项目性质",)]}, GoalTypeError, r"facts\[0\]: .* not a \(label, value\)"),
        ({"facts": [("", "x")]}, GoalError, r"facts\[0\]: a fact needs its label"),
        ({"unit": "万元"}, TypeError, r"unit"),
    ],
)
def test_construction_refuses_malformed_values_naming_the_field(
    change: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        attrs.evolve(SECURITY, **change)


def test_every_refusal_is_a_govbudget_error() -> None:
    for bad in (
        lambda: SpendingCheckpoint("3月底", 0.25),  # type: ignore[arg-type]
        lambda: SpendingCheckpoint("3月底", Decimal("NaN")),
        lambda: SpendingCheckpoint("", Decimal("25")),
        lambda: Indicator("", "数量指标", "采购数量", "", "1个", ""),
        lambda: Indicator("产出指标", "数量指标", "", "", "1个", ""),
        lambda: Indicator("产出指标", "数量指标", "采购数量", "", 1, ""),  # type: ignore[arg-type]
        lambda: Indicator("产出指标", "数量指标", "采购数量", None, "1个", ""),  # type: ignore[arg-type]
        lambda: DepartmentGoalItem(""),
        lambda: DepartmentPerformanceGoals(2025, items=["积极开展各种主题活动。"]),  # type: ignore[list-item]
        lambda: parse_percent("二成"),
    ):
        with pytest.raises(GovBudgetError):
            bad()


def test_percentages_are_read_from_print() -> None:
    assert parse_percent("25%") == Decimal("25")
    assert str(parse_percent("100.00(%)")) == "100.00"
    assert parse_percent("７５％") == Decimal("75")
    assert parse_percent("—") is None
    assert SpendingCheckpoint("12月底", parse_percent("100%")).percent == 100


def test_construction_accepts_inconsistent_content() -> None:
    odd = attrs.evolve(
        SECURITY,
        budget=Decimal("10.00"),
        financial_funds=Decimal("3.00"),
        schedule=schedule("50", "20", "90"),
        indicators=[Indicator("满意度指标", "数量指标", "x", "", "≤99万元", "")],
    )
    assert odd.schedule[-1].percent == 90  # the rules report it; construction holds it
    assert not check(odd, select=["PG"]).ok


def test_a_shanghai_table_can_be_held() -> None:
    """The last table of shanghai-putuo-chengguan-2026: 元, cost as a level-1, no basis column,
    annual and multi-year amounts, words for targets."""
    goal = ProjectPerformanceGoal(
        year=2026,
        code="",
        name="拆违经费",
        unit=Unit.YUAN,
        budget=Decimal("3498000.00"),  # 年度资金申请总额
        financial_funds=Decimal("3498000.00"),  # 其中：当年财政拨款
        carry_over=Decimal("0.00"),  # 上年结转资金
        other_funds=Decimal("0.00"),
        goals=[
            "1.完成市、区相关部门下达的年度拆违任务。",
            "2.新增违建“零增长”，坚决做到“无增减存”。",
        ],
        indicators=[
            Indicator("成本指标", "经济成本指标", "成本控制合理性", "", "合理", None),
            Indicator("产出指标", "数量指标", "完成年度拆违计划", "", "=100.00(%)", None),
            Indicator("效益指标", "生态效益指标", "提升城市环境美化指数", "", "提高", None),
            Indicator("满意度指标", "服务对象满意度指标", "群众满意度", "", "≥90.00(%)", None),
        ],
        facts=[
            ("项目性质", "阶段性项目"),
            ("项目类别", "特定目标类"),
            ("计划开始日期", "2024-01-01"),
            ("项目资金总额", "10,308,000.00"),
            ("项目总体目标(2024 年-2026 年)", "1.完成市、区相关部门下达的年度拆违任务。"),
        ],
    )
    assert goal.indicators[0].is_cost and goal.indicators[0].level1_kind is Level1.COST
    assert check(goal, select=["PG"]).findings == ()


# --- PG-LEVEL -------------------------------------------------------------------------------


def test_level_passes_on_both_frameworks() -> None:
    assert pg(SECURITY, "PG-LEVEL").findings == ()
    newer = with_row(SECURITY, 3, level1="成本指标", level2="经济成本指标")
    assert pg(newer, "PG-LEVEL").findings == ()


def test_level_reports_a_level2_under_the_wrong_level1() -> None:
    (finding,) = pg(with_row(SECURITY, 0, level1="效益指标"), "PG-LEVEL")
    assert finding.severity is Severity.ERROR
    assert finding.location == Location(
        table="项目绩效目标表：本级网络安全工作经费", row="采购数量", column="二级指标"
    )
    assert "二级指标“数量指标”属于“产出指标”，却列于“效益指标”下" in finding.message


def test_level_reports_cost_level2_under_the_cost_level1() -> None:
    (finding,) = pg(with_row(SECURITY, 3, level1="成本指标"), "PG-LEVEL")
    assert "成本指标下应为经济成本指标、社会成本指标、生态环境成本指标" in finding.message


def test_level_reports_names_outside_the_framework() -> None:
    (unknown1,) = pg(with_row(SECURITY, 0, level1="效率指标"), "PG-LEVEL")
    assert unknown1.location.column == "一级指标" and "“效率指标”不在指标体系中" in unknown1.message
    (unknown2,) = pg(with_row(SECURITY, 0, level2="数量质量指标"), "PG-LEVEL")
    assert unknown2.location.column == "二级指标"
    assert "产出指标下应为数量指标、质量指标、时效指标、成本指标" in unknown2.message


# --- PG-FRAMEWORK ---------------------------------------------------------------------------


def test_framework_passes_when_output_outcome_and_satisfaction_are_present() -> None:
    assert pg(SECURITY, "PG-FRAMEWORK").findings == ()


def test_framework_reports_a_missing_level1() -> None:
    without = attrs.evolve(SECURITY, indicators=SECURITY.indicators[:-1])
    (finding,) = pg(without, "PG-FRAMEWORK")
    assert finding.location.row == "满意度指标"
    assert finding.message == "未设一级指标“满意度指标”：绩效目标表应至少设一项满意度指标"


def test_framework_reports_all_three_when_there_are_no_indicators() -> None:
    rows = {f.location.row for f in pg(attrs.evolve(SECURITY, indicators=()), "PG-FRAMEWORK")}
    assert rows == {"产出指标", "效益指标", "满意度指标"}


# --- PG-SCHEDULE ----------------------------------------------------------------------------


def test_schedule_passes_on_the_seed() -> None:
    assert pg(SECURITY, "PG-SCHEDULE").findings == ()


def test_schedule_reports_a_decrease() -> None:
    (finding,) = pg(
        attrs.evolve(SECURITY, schedule=schedule("25", "50", "40", "100")), "PG-SCHEDULE"
    )
    assert finding.location.column == "10月底"
    assert (finding.expected, finding.actual) == (Decimal("50"), Decimal("40"))
    assert finding.message == "资金支出计划为累计比例，“10月底” 40%低于“6月底” 50%"


def test_schedule_reports_an_end_short_of_100() -> None:
    (finding,) = pg(
        attrs.evolve(SECURITY, schedule=schedule("25", "50", "75", "90")), "PG-SCHEDULE"
    )
    assert finding.location.column == "12月底"
    assert finding.message == "资金支出计划到“12月底”累计 90%，未达到 100%"


def test_schedule_reports_a_blank_checkpoint() -> None:
    (finding,) = pg(
        attrs.evolve(SECURITY, schedule=schedule("25", None, "75", "100")), "PG-SCHEDULE"
    )
    assert finding.message == "资金支出计划“6月底”未填列"


def test_schedule_is_not_checked_where_none_is_printed() -> None:
    assert pg(attrs.evolve(SECURITY, schedule=()), "PG-SCHEDULE").findings == ()


percents = st.decimals(min_value=0, max_value=100, places=2)


@given(st.lists(percents, min_size=0, max_size=5))
def test_any_non_decreasing_schedule_ending_at_100_passes(steps: list[Decimal]) -> None:
    values = [*sorted(steps), Decimal("100.00")]
    goal = attrs.evolve(SECURITY, schedule=schedule(*map(str, values)))
    assert pg(goal, "PG-SCHEDULE").findings == ()


@given(st.lists(percents, min_size=1, max_size=6))
def test_a_schedule_with_a_decrease_or_not_ending_at_100_fails(values: list[Decimal]) -> None:
    goal = attrs.evolve(SECURITY, schedule=schedule(*map(str, values)))
    decreases = any(b < a for a, b in itertools.pairwise(values))
    wrong_end = values[-1] != 100
    report = pg(goal, "PG-SCHEDULE")
    assert report.ok is not (decreases or wrong_end)
    assert len(report) == sum(b < a for a, b in itertools.pairwise(values)) + wrong_end


# --- PG-PERCENT -----------------------------------------------------------------------------


def test_percent_passes_on_the_seed() -> None:
    assert pg(SECURITY, "PG-PERCENT").findings == ()


def test_percent_reports_a_schedule_above_100_as_an_error() -> None:
    report = pg(attrs.evolve(SECURITY, schedule=schedule("25", "50", "120", "100")), "PG-PERCENT")
    (finding,) = report
    assert finding.severity is Severity.ERROR and finding.location.column == "10月底"


def test_percent_reports_a_target_outside_0_to_100_as_a_warning() -> None:
    """Below 0, or above 100 for what is no rate, is a warning; a rate above 100% is PG-RATE's
    error, not reported twice."""
    (finding,) = pg(with_row(SECURITY, 1, target="≥-5%"), "PG-PERCENT")
    assert finding.severity is Severity.WARNING
    assert finding.message == "“网络技术培训指导率”的指标值“≥-5%”不在 0–100% 之间"
    growth = with_row(SECURITY, 1, name="培训人次增长", target="≥120%")
    assert pg(growth, "PG-PERCENT").warnings
    rate = with_row(SECURITY, 1, target="≥120%")
    assert pg(rate, "PG-PERCENT").findings == ()
    assert [f.severity for f in pg(rate, "PG-RATE")] == [Severity.ERROR]


# --- PG-TARGET ------------------------------------------------------------------------------


def test_target_passes_on_numbers_and_words() -> None:
    assert pg(SECURITY, "PG-TARGET").findings == ()
    assert pg(with_row(SECURITY, 1, target="优良"), "PG-TARGET").findings == ()
    assert pg(with_row(SECURITY, 1, target="=100.00(%)"), "PG-TARGET").findings == ()


def test_target_reports_a_blank_or_a_comparator_without_a_number() -> None:
    (blank,) = pg(with_row(SECURITY, 1, target=""), "PG-TARGET")
    assert blank.message.startswith("“网络技术培训指导率”指标值未填列")
    assert blank.location.column == "指标值"
    (dangling,) = pg(with_row(SECURITY, 1, target="≥"), "PG-TARGET")
    assert "指标值“≥”不可衡量" in dangling.message


# --- PG-BASIS -------------------------------------------------------------------------------


def test_basis_reports_a_blank_basis_as_a_warning() -> None:
    assert pg(SECURITY, "PG-BASIS").findings == ()
    (finding,) = pg(with_row(SECURITY, 2, basis=""), "PG-BASIS")
    assert finding.severity is Severity.WARNING
    assert finding.location.column == "指标值确定依据"
    assert finding.message == "“项目按计划完成率（%）”的指标值确定依据未填列"


def test_basis_is_not_checked_where_the_layout_has_no_basis_column() -> None:
    assert pg(with_row(SECURITY, 2, basis=None), "PG-BASIS").findings == ()


# --- PG-FUNDS -------------------------------------------------------------------------------


def test_funds_pass_on_the_seed_with_other_funds_blank() -> None:
    assert pg(MONITORING, "PG-FUNDS").findings == ()


def test_funds_report_a_budget_that_is_not_the_sum_of_its_sources() -> None:
    goal = attrs.evolve(SECURITY, financial_funds=Decimal("8.00"), other_funds=Decimal("1.00"))
    (finding,) = pg(goal, "PG-FUNDS")
    assert (finding.expected, finding.actual, finding.difference, finding.tolerance) == (
        Decimal("9.00"),
        Decimal("10.00"),
        Decimal("1.00"),
        Decimal("0.015"),
    )
    assert finding.location == Location(
        table="项目绩效目标表：本级网络安全工作经费", row="预算规模及资金用途", column="预算数"
    )


def test_funds_agree_within_rounding_and_count_the_carry_over() -> None:
    rounded = attrs.evolve(SECURITY, financial_funds=Decimal("6.67"), other_funds=Decimal("3.34"))
    assert pg(rounded, "PG-FUNDS").findings == ()  # 10.01 vs 10.00: within 3 × 0.005
    carried = attrs.evolve(SECURITY, financial_funds=Decimal("8.00"), carry_over=Decimal("2.00"))
    assert pg(carried, "PG-FUNDS").findings == ()
    (blank,) = pg(attrs.evolve(SECURITY, budget=None), "PG-FUNDS")
    assert blank.actual == 0 and blank.expected == Decimal("10.00")
    empty = attrs.evolve(SECURITY, budget=None, financial_funds=None)
    assert pg(empty, "PG-FUNDS").findings == ()


# --- PG-COST and PG-COST-EQUALS-BUDGET ------------------------------------------------------


def test_cost_reports_a_cost_target_above_the_budget() -> None:
    (finding,) = pg(with_row(SECURITY, 3, target="≤11万元"), "PG-COST")
    assert finding.severity is Severity.ERROR
    assert (finding.actual, finding.expected, finding.difference) == (
        Decimal("11"),
        Decimal("10.00"),
        Decimal("1.00"),
    )
    assert finding.message == (
        "成本指标“项目总成本”的指标值“≤11万元”（11万元）超过项目预算数 10.00万元"
    )


def test_cost_converts_units_and_reads_the_newer_framework() -> None:
    in_yuan = with_row(SECURITY, 3, target="≤110000元")
    assert [f.actual for f in pg(in_yuan, "PG-COST")] == [Decimal("11.0000")]
    newer = with_row(SECURITY, 3, level1="成本指标", level2="经济成本指标", target="≤10.50万元")
    assert pg(newer, "PG-COST").errors


def test_cost_passes_below_the_budget_and_ignores_other_money_targets() -> None:
    assert pg(with_row(SECURITY, 3, target="≤9.50万元"), "PG-COST").findings == ()
    benefit = with_row(SECURITY, 4, target="≥50万元")  # 经济效益, not a cost
    assert pg(benefit, "PG-COST").findings == ()
    assert pg(attrs.evolve(with_row(SECURITY, 3, target="≤11万元"), budget=None), "PG-COST").ok


def test_a_cost_ceiling_equal_to_the_budget_is_a_note() -> None:
    for goal, text in zip(PROJECTS, ["≤10万元", "≤12万元", "≤68万"], strict=True):
        report = check(goal, select=["PG-COST"])
        assert report.ok
        (note,) = report.infos
        assert note.rule == "PG-COST-EQUALS-BUDGET"
        assert f"指标值“{text}”等于项目预算数" in note.message
        assert note.difference is not None and note.tolerance == Decimal("0.505")


def test_a_cost_ceiling_below_the_budget_is_no_note() -> None:
    assert pg(with_row(SECURITY, 3, target="≤9万元"), "PG-COST-EQUALS-BUDGET").findings == ()
    assert pg(with_row(SECURITY, 3, target="<10万元"), "PG-COST-EQUALS-BUDGET").findings == ()


# --- PG-STALE-YEAR --------------------------------------------------------------------------


def test_stale_years_in_the_special_funds_section_are_warnings() -> None:
    report = pg(DEPARTMENT, "PG-STALE-YEAR")
    assert [(f.severity, f.actual, f.location) for f in report] == [
        (
            Severity.WARNING,
            Decimal(2020),
            Location(
                table="部门主管专项资金绩效目标",
                row="全力做好涉唐涉开平网络舆情监测管控。",
                column="绩效指标",
            ),
        ),
        (
            Severity.WARNING,
            Decimal(2021),
            Location(
                table="部门主管专项资金绩效目标",
                row="着力加强网络基础管理和行政执法。",
                column="绩效指标",
            ),
        ),
    ]


def test_the_updated_department_goals_pass() -> None:
    """Section 五 says 2025年底 and 2025年国家网络安全宣传周: current, so nothing to report."""
    current = attrs.evolve(DEPARTMENT, special_fund_items=())
    assert pg(current, "PG-STALE-YEAR").findings == ()


def goal_text(text: str, year: int = 2025) -> DepartmentPerformanceGoals:
    return DepartmentPerformanceGoals(year, items=[DepartmentGoalItem("分项", text)])


@pytest.mark.parametrize(
    "text",
    [
        "依据唐网信委【2024】2号文件开展工作",  # a document number, not a year reference
        "依据唐政办〔2022〕15号",
        "组织好2025年国家网络安全宣传周",
        "完成2024年-2026年三年行动计划",  # a range counts by its end
        "落实2021—2025年发展规划",
        "到2030年基本建成",
        "编号12024年度",  # not a four-digit year
    ],
)
def test_text_without_stale_years_passes(text: str) -> None:
    assert pg(goal_text(text), "PG-STALE-YEAR").findings == ()


def test_last_year_is_only_a_note() -> None:
    """The budget is drafted in the autumn of the year before and often cites that year as the
    baseline ("较2024年增长"), so a year-old reference is a note, not a warning."""
    (finding,) = pg(goal_text("较2024年增长10%"), "PG-STALE-YEAR")
    assert finding.severity is Severity.INFO
    assert (
        finding.message
        == "绩效目标“较2024年增长10%”提到上一年度 2024 年：若非作为基数引用，请核实是否沿用上年文字"
    )


def test_older_years_are_warnings_wherever_the_text_is() -> None:
    (full_width,) = pg(goal_text("２０２０年底前完成"), "PG-STALE-YEAR")
    assert full_width.actual == 2020 and full_width.severity is Severity.WARNING
    (overall,) = pg(DepartmentPerformanceGoals(2025, "巩固2019年整改成果"), "PG-STALE-YEAR")
    assert overall.location == Location(
        table="部门整体绩效目标", row="总体绩效目标", column="绩效目标"
    )
    (purpose,) = pg(attrs.evolve(SECURITY, purpose="2022年采购的设备运维"), "PG-STALE-YEAR")
    assert purpose.location.column == "资金用途"
    (indicator,) = pg(with_row(SECURITY, 2, description="2023年底前完成"), "PG-STALE-YEAR")
    assert indicator.location == Location(
        table="项目绩效目标表：本级网络安全工作经费",
        row="项目按计划完成率（%）",
        column="绩效指标描述",
    )


def test_the_basis_is_not_read_for_years() -> None:
    assert pg(with_row(SECURITY, 0, basis="唐网办字（2019年）2号"), "PG-STALE-YEAR").findings == ()


# --- the registry ---------------------------------------------------------------------------


def test_the_pg_rules_are_registered_with_their_severities() -> None:
    registered = {r.id: r.severity for r in rules() if r.id.startswith("PG-")}
    assert registered == {
        "PG-LEVEL": Severity.ERROR,
        "PG-FRAMEWORK": Severity.ERROR,
        "PG-SCHEDULE": Severity.ERROR,
        "PG-PERCENT": Severity.ERROR,
        "PG-TARGET": Severity.ERROR,
        "PG-BASIS": Severity.WARNING,
        "PG-FUNDS": Severity.ERROR,
        "PG-COST": Severity.ERROR,
        "PG-COST-TOTAL": Severity.ERROR,
        "PG-COST-EQUALS-BUDGET": Severity.INFO,
        "PG-STALE-YEAR": Severity.WARNING,
        "PG-RATE": Severity.ERROR,
        "PG-PLACEHOLDER": Severity.ERROR,
        "PG-DEPT-FUNDS": Severity.ERROR,
        "PG-DEPT-DUTIES": Severity.ERROR,
        "PG-WEIGHTS": Severity.ERROR,
    }
    stale = next(r for r in rules() if r.id == "PG-STALE-YEAR")
    assert stale.applies_to is GoalDocument
    assert {r.id for r in rules(applies_to=DepartmentPerformanceGoals)} == {
        "PG-STALE-YEAR",
        "PG-RATE",
        "PG-PLACEHOLDER",
    }


# --- the seed, pinned -----------------------------------------------------------------------


def test_the_seed_reports_no_errors_three_notes_and_two_warnings() -> None:
    """What the seed's goals report, and why each finding is right:

    - PG-COST-EQUALS-BUDGET (info), once per project: the cost ceilings "≤10万元", "≤12万元"
      and "≤68万" (万 read as 万元) equal the budgets 10.00, 12.00 and 68.00 under the rounding
      model. Not above the budget, so no PG-COST error; but a ceiling that repeats the budget
      sets no cost goal, which is worth a note.
    - PG-STALE-YEAR (warning), twice: the special-funds section repeats section 五's itemised
      goals with "2020年底" and "2021年国家网络安全宣传周" where section 五 says 2025, a copy
      from an old year's disclosure.
    - Nothing else: every level-2 sits under its level-1 (成本指标 under 产出指标 is the 2020
      framework), the three level-1 are present, the schedules run 25/50/75/100, every target is
      measurable ("1个" is = 1), every basis is printed (唐网办字【2024】2号 is a document number,
      not a year reference), and 预算数 = 财政资金 with 其他资金 blank.
    """
    reports = {doc.heading: check(doc, select=["PG"]) for doc in [*PROJECTS, DEPARTMENT]}
    assert all(report.ok for report in reports.values())
    found = [(heading, f.rule, f.severity.value) for heading, r in reports.items() for f in r]
    assert found == [
        ("项目绩效目标表：本级网络安全工作经费", "PG-COST-EQUALS-BUDGET", "info"),
        ("项目绩效目标表：本级网络宣传和信息化工作经费", "PG-COST-EQUALS-BUDGET", "info"),
        ("项目绩效目标表：本级网络舆情监测与处置经费", "PG-COST-EQUALS-BUDGET", "info"),
        ("部门整体绩效目标", "PG-STALE-YEAR", "warning"),
        ("部门整体绩效目标", "PG-STALE-YEAR", "warning"),
    ]
    messages = [str(f) for f in reports["部门整体绩效目标"]]
    assert messages == [
        "警告 PG-STALE-YEAR [部门主管专项资金绩效目标 / 全力做好涉唐涉开平网络舆情监测管控。 / "
        "绩效指标] 绩效指标“…动政务服务事项网上办理，2020年底网上可办的政务服务事项…”提到 2020 年，"
        "早于预算年度 2025 年：疑为沿用旧年度文字",
        "警告 PG-STALE-YEAR [部门主管专项资金绩效目标 / 着力加强网络基础管理和行政执法。 / "
        "绩效指标] 绩效指标“…部门制定应急预案；组织好2021年国家网络安全宣传周开平活…”提到 2021 年，"
        "早于预算年度 2025 年：疑为沿用旧年度文字",
    ]
    monitoring = reports["项目绩效目标表：本级网络舆情监测与处置经费"]
    assert str(monitoring[0]) == (
        "提示 PG-COST-EQUALS-BUDGET [项目绩效目标表：本级网络舆情监测与处置经费 / 项目总成本 / "
        "指标值] 成本指标“项目总成本”的指标值“≤68万”等于项目预算数 68.00万元：照抄预算数，"
        "未体现成本控制目标"
    )


def test_the_seed_department_goals_hold_both_sections(seed_text: str) -> None:
    assert DEPARTMENT.year == 2025 and DEPARTMENT.heading == "部门整体绩效目标"
    assert [item.title for item in DEPARTMENT.items] == [
        "积极开展各种主题活动。",
        "全力做好涉唐涉开平网络舆情监测管控。",
        "着力加强网络基础管理和行政执法。",
    ]
    texts = [DEPARTMENT.overall] + [
        text
        for item in (*DEPARTMENT.items, *DEPARTMENT.special_fund_items)
        for text in (item.goal, item.indicators)
    ]
    for text in texts:
        assert text in seed_text  # copied as printed
    assert "2025年底网上可办" in DEPARTMENT.items[1].indicators
    assert "2020年底网上可办" in DEPARTMENT.special_fund_items[1].indicators


def test_the_example_prints_the_reports() -> None:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        seed_goals.main()
    printed = out.getvalue()
    assert "部门整体绩效目标：错误 0 项，警告 2 项，提示 0 项" in printed
    assert printed.count("PG-COST-EQUALS-BUDGET") == 3
