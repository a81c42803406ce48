"""Project goal tables of the layouts read after the seed's and Shanghai's: 鄂州's with
项目预算成本构成, 武汉青山's with long-term and annual indicators side by side, and 宁乡坝塘's
申报表 with its money by source and its indicator blocks. Each real page is read whole, its
reader findings and rule findings pinned with their reasons (see each page's notes.md).
"""

from __future__ import annotations

import contextlib
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import Unit, check
from govbudget.performance import CostFigure, CostItem, ProjectPerformanceGoal
from govbudget.reading.goal_grid import GoalGridError, GoalLayout, read_goal_grid

PAGES = Path(__file__).resolve().parent / "data" / "goal-pages"
EZHOU = "hubei-ezhou-office-building-2022"
QINGSHAN = "hubei-wuhan-qingshan-education-2020"
BATANG = "hunan-ningxiang-batang-town-2021"


def grid(page: str) -> list[list[str]]:
    rows: list[list[str]] = json.loads((PAGES / page / "bundle.json").read_text("utf-8"))["tables"][
        0
    ]["rows"]
    return rows


def edited(page: str, row: int, column: int, text: str) -> list[list[str]]:
    rows = [list(cells) for cells in grid(page)]
    rows[row][column] = text
    return rows


def read(rows: list[list[str]], year: int) -> ProjectPerformanceGoal:
    goal = read_goal_grid(rows, year=year).goal
    assert goal is not None
    return goal


def rules_found(goal: ProjectPerformanceGoal) -> list[tuple[str, str | None, str | None]]:
    return [(f.rule, f.location.row, f.location.column) for f in check(goal)]


# --- 鄂州: 项目预算成本构成 -------------------------------------------------------------------


def test_ezhou_is_read_whole() -> None:
    reading = read_goal_grid(grid(EZHOU), year=2022)
    goal = reading.goal
    assert reading.layout is GoalLayout.COSTS and goal is not None
    assert goal.name == "滨湖大胆办公大楼运行保障" and goal.unit is Unit.WAN_YUAN
    assert goal.budget is None  # no 预算数 and no sources printed: the costs hold the money
    assert goal.facts == (
        ("主管部门审核意见", "单位公章:年月 日"),
        ("项目类别", "本级支出项目"),
        ("项目性质", "持续性项目"),
        ("立项依据", "市机关事务服务中心三定方案"),
        ("保障绩效目标实现措施", ""),
    )
    columns = ("金额", "2020年实际执行数", "2021年实际执行数")

    def item(name: str, basis: str, *figures: str) -> CostItem:
        return CostItem(
            name, [CostFigure(c, Decimal(f)) for c, f in zip(columns, figures, strict=True)], basis
        )

    assert goal.costs == (
        item("保安服务费", "依据招标文件", "191", "191", "191"),
        item("保洁服务费", "依据招标文件", "99", "99", "99"),
        item("水电气、维修维护费", "根据三定方案,各项费用据实结算", "524", "372.88", "504.55"),
    )
    assert goal.cost_total == item("合计", "", "814", "662.98", "794.55")
    assert goal.goals == ("以办公大楼服务对象满意为目标,着力打造文明型机关、卫生Z口机关。",)
    assert [(i.level1, i.level2, i.name, i.target.text) for i in goal.indicators][::3] == [
        ("产出指标", "数量指标", "办公大楼日常维修维护次数", "2280次"),
        ("产出指标", "质量指标", "经常性大型设备更新验收合格率", "292%"),
        ("产出指标", "成本指标", "水电气消耗下降率", ">"),
    ]
    assert len(goal.indicators) == 7
    assert all(i.basis is None for i in goal.indicators)  # no basis column


def test_ezhou_reader_findings() -> None:
    """The header prints no 三级指标 (info); every 一级指标 cell is blank, so the first row's
    is taken from its level-2 (error: the table leaves it out) and carried down; no unit."""
    found = [
        (f.rule, f.severity.name, f.location.line)
        for f in read_goal_grid(grid(EZHOU), year=2022).findings
    ]
    assert found == [
        ("READ-GOAL-CELL", "INFO", 12),
        ("READ-GOAL-ROW", "ERROR", 13),
        ("READ-GOAL-MISSING", "WARNING", None),
    ]


def test_ezhou_rule_findings() -> None:
    """The 2020 合计 662.98 against 191 + 99 + 372.88 = 662.88 (PG-COST-TOTAL); the rate 292%
    (PG-RATE); the target ">" (PG-TARGET); only output indicators printed (PG-FRAMEWORK)."""
    assert rules_found(read(grid(EZHOU), 2022)) == [
        ("PG-COST-TOTAL", "合计", "2020年实际执行数"),
        ("PG-FRAMEWORK", "效益指标", "一级指标"),
        ("PG-FRAMEWORK", "满意度指标", "一级指标"),
        ("PG-RATE", "经常性大型设备更新验收合格率", "指标值"),
        ("PG-TARGET", "水电气消耗下降率", "指标值"),
    ]


def test_cost_total_fires_on_the_real_mistake_only() -> None:
    (finding,) = check(read(grid(EZHOU), 2022), select=["PG-COST-TOTAL"])
    assert finding.message == (
        "项目预算成本构成“2020年实际执行数”栏：合计 ≠ 各成本项目之和"
        "（印 662.98，应为 662.88，差额 0.10，超出舍入容差 0.020）"
    )
    assert finding.actual == Decimal("662.98") and finding.expected == Decimal("662.88")
    # 662.98 → 662.88, the figure the parts add up to: nothing to report.
    assert list(check(read(edited(EZHOU, 8, 3, "662.88"), 2022), select=["PG-COST-TOTAL"])) == []


def test_cost_total_reads_a_column_at_its_finest_precision() -> None:
    """In the 2020 column 191 stands beside 372.88 and is read as 191.00 (±0.005); in the 金额
    column every figure is whole and each stands for ±0.5, so 合计 816 against 814 is within
    the 4 × 0.5 of rounding and 817 is not."""
    clean = edited(EZHOU, 8, 3, "662.88")
    clean[8][1] = "816"
    assert list(check(read(clean, 2022), select=["PG-COST-TOTAL"])) == []
    clean[8][1] = "817"
    (finding,) = check(read(clean, 2022), select=["PG-COST-TOTAL"])
    assert finding.location.column == "金额" and finding.actual == Decimal("817")


def test_cost_rows_that_cannot_be_read_are_reported() -> None:
    reading = read_goal_grid(edited(EZHOU, 5, 3, "一百九十一"), year=2022)
    assert reading.goal is not None and reading.goal.costs[0].figure("2020年实际执行数") is None
    assert next(f.message for f in reading.findings if f.rule == "READ-GOAL-CELL") == (
        "“保安服务费／2020年实际执行数”的“一百九十一”不是金额"
    )


def test_the_seed_layout_refuses_costs() -> None:
    from govbudget.performance import GoalError
    from govbudget.reading.goal_grid import render_goal_grid

    with pytest.raises(GoalError, match="项目预算成本构成"):
        render_goal_grid(read(grid(EZHOU), 2022))


# --- any grid -------------------------------------------------------------------------------

LABELS = ["项目名称", "项目预算成本构成", "合计", "绩效目标", "绩效指标", "一级指标", "二级指标",
          "立项依据", "绩效项目指标表", "项目资金", "总体目标", "年度资金总额及构成", "项目绩效目标",
          "长期绩效指标", "年度绩效指标", "…", "2020年度)", "10000万元", "88", ""]  # fmt: skip
CELLS = st.one_of(st.sampled_from(LABELS), st.text(max_size=6))


@given(st.lists(st.lists(CELLS, min_size=1, max_size=7), max_size=14))
def test_any_grid_is_read_or_refused_without_a_traceback(rows: list[list[str]]) -> None:
    """Any grid of strings: a reading, or GoalGridError for a grid with no goal-table label."""
    with contextlib.suppress(GoalGridError):
        read_goal_grid(rows, year=2022)


@pytest.mark.parametrize("page", [EZHOU, QINGSHAN, BATANG])
@given(st.data())
def test_a_real_page_with_any_cell_changed_is_read(page: str, data: st.DataObject) -> None:
    rows = [list(cells) for cells in grid(page)]
    for _ in range(data.draw(st.integers(1, 4))):
        row = data.draw(st.integers(0, len(rows) - 1))
        if rows[row]:
            rows[row][data.draw(st.integers(0, len(rows[row]) - 1))] = data.draw(CELLS)
        if data.draw(st.booleans()):
            rows[row] = rows[row][: data.draw(st.integers(0, len(rows[row])))]
    with contextlib.suppress(GoalGridError):
        read_goal_grid(rows)


# --- 烟台: the header one column in, 绩效指标 printed down the first column ------------------

# 烟台市司法局 2026 部门预算 (../shared/corpus/rw-yantai-sifaju-2026-budget, a PDF), its first
# 政策和项目预算绩效目标表 as pdfplumber takes it apart.
YANTAI = [
    ["项目名称", "", "", "实施公车统管费用", "", ""],
    ["主管部门及代码", "", "", "225_烟台市司法局", "实施单位", "烟台市司法局"],
    ["项目资金（万元）", "", "", "年度预算资金总额：", "15.00", ""],
    ["", "", "", "其中：财政拨款", "15.00", ""],
    ["", "", "", "其他资金", "0.00", ""],
    ["总体目标", "完成当年租车费用的支付工作", "", "", "", ""],
    ["", "一级指标", "二级指标", "三级指标", "指标值", ""],
    ["绩效指标", "成本指标", "经济成本", "总支出不超过", "≤15万元", ""],
    ["绩效指标", "产出指标", "数量指标", "用车次数", "≥150次", ""],
    ["绩效指标", "产出指标", "时效指标", "支付及时率", "100%", ""],
    ["绩效指标", "效益指标", "社会效益指标", "支持业务开展程度", "100%支持", ""],
    ["绩效指标", "效益指标", "可持续影响指标", "部门业务保障度", "100%", ""],
    ["绩效指标", "满意度指标", "服务对象满意度指标", "使用车辆满意度", "100%", ""],
]


def test_yantai_is_read_whole() -> None:
    reading = read_goal_grid(YANTAI, year=2026)
    goal = reading.goal
    assert goal is not None and reading.findings == ()
    assert (goal.name, goal.unit) == ("实施公车统管费用", Unit.WAN_YUAN)
    # No period is printed: 其中：财政拨款 and 其他资金 are the year's, under its total.
    assert (goal.budget, goal.financial_funds, goal.other_funds) == (
        Decimal("15.00"),
        Decimal("15.00"),
        Decimal("0.00"),
    )
    assert [(i.level1, i.level2, i.name, i.target.text) for i in goal.indicators][:2] == [
        ("成本指标", "经济成本", "总支出不超过", "≤15万元"),
        ("产出指标", "数量指标", "用车次数", "≥150次"),
    ]
    assert [f.rule for f in check(goal) if f.severity.value == "error"] == []


# --- 武汉青山: long-term and annual indicators side by side -----------------------------------


def test_qingshan_is_read_whole() -> None:
    reading = read_goal_grid(grid(QINGSHAN), year=2020)
    goal = reading.goal
    assert reading.layout is GoalLayout.TERMS and goal is not None
    assert (goal.name, goal.year, goal.unit) == (
        "教育系统基础设施建设和设备购置",
        2020,
        Unit.WAN_YUAN,
    )
    # The year's money in its fields; the period's kept as facts.
    assert (goal.budget, goal.financial_funds, goal.other_funds) == (
        Decimal("10000"),
        Decimal("10000"),
        None,
    )
    assert goal.facts == (
        ("主管部门及编码", "[015001]武汉市青山区教育局"),
        ("实施单位", "武汉市青山区教育局"),
        ("项目属性", "基础建设、修缮类"),
        ("项目起止时间", "202001-202012"),
        ("资金总额", "10000万元"),
        ("其中:财政拨款", "10000万元"),
        ("其他资金", ""),
        ("中期目标", "优化教育布局,推进教育领域综合改革全面提升育人质量实现基础教育持续发展"),
    )
    assert goal.goals == ("按工作计划完成教育局重点项目建设经费预算安排",)
    assert [(i.level2, i.name, i.target.text) for i in goal.indicators] == [
        ("数量指标", "重点建设工程安排数量", "2"),
        ("质量指标", "重点建设工程验收合格率", "100%"),
        ("成本指标", "建设项目成本", "参照政府采购成本控制"),
        ("时效指标", "重点建设工程按期完成率", "100%"),
        ("可持续影响指标", "基础教育巩固提高情况", "巩固提高"),
        ("社会效益指标", "基础教育学校办学条件", "持续改善"),
        ("服务对象满意度指标", "学生、家长、社会满意度", "≥90%"),
    ]


def test_qingshan_findings() -> None:
    """The long-term half prints its level-2 alone on every row (a note); no rule finds
    anything: funds add up (10000 = 10000), no rate above 100%, no placeholder."""
    reading = read_goal_grid(grid(QINGSHAN), year=2020)
    assert [(f.rule, f.severity.name, f.message) for f in reading.findings] == [
        ("READ-GOAL-ROW", "INFO", "长期指标 7 行只印二级指标，三级指标与指标值空白（未填写）")
    ]
    assert reading.goal is not None and list(check(reading.goal)) == []


def test_qingshan_one_cell_edits() -> None:
    # 当年财政拨款 10000 → 9000: the year's budget no longer adds up (PG-FUNDS).
    goal = read(edited(QINGSHAN, 5, 4, "9000万元"), 2020)
    assert rules_found(goal) == [("PG-FUNDS", "预算规模及资金用途", "预算数")]
    # A long-term target printed is reported, not dropped.
    reading = read_goal_grid(edited(QINGSHAN, 11, 3, "3"), year=2020)
    assert "第 12 行的长期指标“”（指标值“3”）未读取：只读年度指标" in [
        f.message for f in reading.findings
    ]


# --- 宁乡坝塘: the application form ------------------------------------------------------------


def test_batang_is_read_whole() -> None:
    """Money printed to four decimals of 万元 is read in 元, exactly; every indicator's
    指标内容 is blank, so no indicator can be read."""
    reading = read_goal_grid(grid(BATANG), year=2021)
    goal = reading.goal
    assert reading.layout is GoalLayout.APPLICATION and goal is not None
    assert (goal.name, goal.unit) == ("镇域内基础设施建设", Unit.YUAN)
    assert (goal.budget, goal.financial_funds, goal.own_funds, goal.other_funds) == (
        Decimal("106067522"),
        Decimal("69233552"),
        Decimal("0"),
        Decimal("36833970"),
    )
    assert goal.goals == ("全面完成集镇立面改造、机关、学校、乡村振兴等项目,搞好提质改造",)
    facts = dict(goal.facts)
    assert facts["长期目标"] == "改善镇域内基础设施,振兴乡村经济"
    assert facts["财政拨款:"] == "6923.3552万元(其中:上级财政资金:6923.3552万元;本级财政:0万元)"
    assert facts["1总体概念规划（完成时间）"] == "2020"
    assert goal.indicators == ()


def test_batang_reader_findings() -> None:
    """16 indicator rows without a name (each reported with its 88｜100), two satisfaction rows
    without a level-2, two "…" template rows left in (warnings), the cut 联系电, the change to 元."""
    found = [
        (f.rule, f.severity.name, f.location.line) for f in read_goal_grid(grid(BATANG)).findings
    ]
    template_rows = [line for rule, severity, line in found if severity == "WARNING"]
    assert template_rows == [26, 38]
    assert (
        sum(1 for f in read_goal_grid(grid(BATANG)).findings if "三级指标空白" in f.message) == 16
    )
    assert len(found) == 1 + 16 + 2 + 2 + 1


def test_a_template_row_left_in_is_reported_and_a_removed_one_is_not() -> None:
    def template_rows(rows: list[list[str]]) -> list[int | None]:
        return [f.location.line for f in read_goal_grid(rows).findings if "模板" in f.message]

    assert template_rows(grid(BATANG)) == [26, 38]
    assert template_rows(edited(BATANG, 25, 1, "")) == [38]


def test_batang_rules() -> None:
    """No indicator is named, so PG-FRAMEWORK finds none of the three required level-1s; the
    money adds up (10606.7522 = 6923.3552 + 0 + 3683.3970), so PG-FUNDS is silent until the
    total is edited (by 100万元: the "0万元" of 自有资金, printed whole, stands for ±0.5万元)."""
    assert [rule for rule, _, _ in rules_found(read(grid(BATANG), 2021))] == ["PG-FRAMEWORK"] * 3
    goal = read(edited(BATANG, 6, 2, "10706.7522万元"), 2021)
    (finding,) = check(goal, select=["PG-FUNDS"])
    assert finding.message.startswith("预算数 ≠ 财政资金 + 其他资金 + 自有资金")


@pytest.mark.parametrize("page", [QINGSHAN, BATANG])
def test_the_new_pages_need_no_year_given(page: str) -> None:
    reading = read_goal_grid(grid(page))
    assert reading.goal is not None and reading.goal.year == {QINGSHAN: 2020, BATANG: 2021}[page]


def test_a_money_label_printed_twice_is_reported() -> None:
    rows = edited(QINGSHAN, 6, 3, "当年资金总额")
    rows[6][4] = "5万元"
    reading = read_goal_grid(rows, year=2020)
    assert reading.goal is not None and reading.goal.budget == Decimal("10000")
    assert "“当年资金总额”重复印出，“5万元”未读取" in [f.message for f in reading.findings]
