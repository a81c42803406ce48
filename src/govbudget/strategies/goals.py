"""Performance goals: project goal tables with a complete indicator framework."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from govbudget.amounts import Unit
from govbudget.performance import (
    DepartmentGoalItem,
    DepartmentPerformanceGoals,
    Indicator,
    ProjectPerformanceGoal,
    SpendingCheckpoint,
)

__all__ = ["department_goals", "project_goals"]

_CHECKPOINTS = ("3月底", "6月底", "10月底", "12月底")
_TEXT = st.text(
    alphabet="保障网络安全信息化宣传监测处置提升服务质量效率群众满意", min_size=2, max_size=12
)
_BASIS = st.sampled_from(("唐网信委【2024】2号", "唐网办字【2024】2号", "行业标准", "历史数据"))
_PERCENT_TARGETS = ("≥90%", "≥95%", "≥80%", "<5%", "=100%")
_COUNT_TARGETS = ("1个", "2个", "≤4个", "≥3套")

# The framework of 财预〔2020〕10号 as the seed prints it: (level 1, level 2) pairs.
_REQUIRED = (
    ("产出指标", "数量指标"),
    ("产出指标", "质量指标"),
    ("产出指标", "时效指标"),
    ("效益指标", "社会效益指标"),
    ("满意度指标", "服务对象满意度指标"),
)
_OPTIONAL = (
    ("效益指标", "经济效益指标"),
    ("效益指标", "生态效益指标"),
    ("效益指标", "可持续影响指标"),
)


@st.composite
def _schedule(draw: st.DrawFn) -> tuple[SpendingCheckpoint, ...]:
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=3, max_size=3)))
    percents = [*cuts, 100]
    return tuple(
        SpendingCheckpoint(label, Decimal(percent))
        for label, percent in zip(_CHECKPOINTS, percents, strict=True)
    )


@st.composite
def _indicator(draw: st.DrawFn, level1: str, level2: str) -> Indicator:
    name = draw(_TEXT)
    target = draw(st.sampled_from(_COUNT_TARGETS if level2 == "数量指标" else _PERCENT_TARGETS))
    return Indicator(level1, level2, name, name, target, draw(_BASIS))


@st.composite
def project_goals(draw: st.DrawFn, year: int | None = None) -> ProjectPerformanceGoal:
    """Project goal tables that every PG rule accepts (a cost target may equal the budget,
    which is only a note): funds that add up, a schedule rising to 100%, every required
    level-1 indicator, measurable targets with a basis, no year older than the budget's."""
    budget_year = draw(st.integers(2024, 2026)) if year is None else year
    budget = Decimal(draw(st.integers(1, 10**7))).scaleb(-2)
    financial = Decimal(draw(st.integers(0, int(budget * 100)))).scaleb(-2)
    other = budget - financial
    pairs = [*_REQUIRED, *draw(st.lists(st.sampled_from(_OPTIONAL), unique=True, max_size=3))]
    indicators = [draw(_indicator(level1, level2)) for level1, level2 in pairs]
    # A cost ceiling above the budget is the PG-COST error; at or below it is a valid target.
    cost_cap = budget - Decimal(draw(st.integers(0, int(budget * 100)))).scaleb(-2)
    indicators.insert(
        3,
        Indicator(
            "产出指标", "成本指标", "项目总成本", "项目总成本", f"≤{cost_cap}万元", draw(_BASIS)
        ),
    )
    order = {"产出指标": 0, "效益指标": 1, "满意度指标": 2}
    indicators.sort(key=lambda indicator: order[indicator.level1])
    return ProjectPerformanceGoal(
        year=budget_year,
        code=draw(st.from_regex(r"\A13020525P[0-9]{11}[A-Z]\Z", fullmatch=True)),
        name=draw(_TEXT) + "经费",
        budget=budget,
        financial_funds=financial,
        other_funds=other if other else None,
        unit=Unit.WAN_YUAN,
        purpose="用于" + draw(_TEXT),
        schedule=draw(_schedule()),
        goals=[f"1.{draw(_TEXT)}"],
        indicators=indicators,
    )


@st.composite
def department_goals(draw: st.DrawFn, year: int | None = None) -> DepartmentPerformanceGoals:
    """Department goals whose texts name no year older than the budget's."""
    budget_year = draw(st.integers(2024, 2026)) if year is None else year
    items = draw(
        st.lists(st.builds(DepartmentGoalItem, _TEXT, _TEXT, _TEXT), min_size=1, max_size=4)
    )
    return DepartmentPerformanceGoals(budget_year, draw(_TEXT), tuple(items), ())
