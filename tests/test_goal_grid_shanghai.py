"""Shanghai's 财政项目支出绩效目标申报表: the two real goal tables read whole, what the rules say
of them and why, the round trip through the seed's layout, and what the reader reports.

The grids in ``tests/data/shanghai_goals/`` are the last tables of the 2026 disclosures of
上海市普陀区城市管理行政执法局 (拆违经费) and 上海市普陀区建设和管理委员会 (兰溪路-真南路下立交工程),
as the shared grid bundles hold them (PDF tables extracted by GovBudgetChecker; each file names
its source). Where a test says what the PDF prints, it cites the page text of that source.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import Severity, Unit, check
from govbudget.amounts import convert, format_amount, parse_amount
from govbudget.checks.reading import YEAR_UNKNOWN
from govbudget.errors import AmountError
from govbudget.performance import Indicator, ProjectPerformanceGoal
from govbudget.reading.goal_grid import (
    GoalGridError,
    GoalGridReading,
    GoalLayout,
    read_goal_grid,
    render_goal_grid,
)

DATA = Path(__file__).resolve().parent / "data" / "shanghai_goals"


def load(name: str) -> list[list[str]]:
    rows: list[list[str]] = json.loads((DATA / f"{name}.json").read_text("utf-8"))["rows"]
    return rows


CHENGGUAN = load("chengguan-2026")
JIANGUANWEI = load("jianguanwei-2026")
GRIDS = {"拆违经费": CHENGGUAN, "兰溪路-真南路下立交工程": JIANGUANWEI}

OVERALL_CHENGGUAN = (
    "1.完成市、区相关部门下达的年度拆违任务。\n"
    "2.新增违建“零增长”，坚决做到“无增减存”。\n"
    "3.开展存量违建专项治理，快速降低违建点位数。\n"
    "4.开展普查数据平台“拆一件、销一项、存一档”目标管理。"
)


def indicators(level1: str, level2: str, *rows: tuple[str, str]) -> list[Indicator]:
    """Indicators under one level-1 and level-2, as Shanghai prints them: no description and
    no basis column."""
    return [Indicator(level1, level2, name, "", target, None) for name, target in rows]


CHAIWEI = ProjectPerformanceGoal(
    year=2026,
    code="",
    name="拆违经费",
    unit=Unit.YUAN,
    budget=Decimal("3498000.00"),
    financial_funds=Decimal("3498000.00"),
    carry_over=Decimal("0.00"),
    other_funds=Decimal("0.00"),
    goals=OVERALL_CHENGGUAN.splitlines(),  # the year's goals repeat the period's word for word
    indicators=[
        *indicators("成本指标", "经济成本指标", ("成本控制合理性", "合理")),
        *indicators("产出指标", "数量指标", ("完成年度拆违计划", "=100.00(%)")),
        *indicators("产出指标", "质量指标", ("违法建筑销项正确率", "=100.00(%)")),
        *indicators("产出指标", "时效指标", ("新增违建处置率", "=100.00(%)")),
        *indicators("效益指标", "社会效益指标", ("群众政策知晓度", "≥90.00(%)")),
        *indicators("效益指标", "生态效益指标", ("提升城市环境美化指数", "提高")),
        *indicators("效益指标", "可持续影响指标", ("新增违建发生数", "降低")),
        *indicators("满意度指标", "服务对象满意度指标", ("群众满意度", "≥90.00(%)")),
    ],
    facts=[
        ("项目性质", "阶段性项目"),
        ("项目类别", "特定目标类"),
        ("主管部门", "普陀区城市管理行政执法局执法大队"),
        ("实施单位", "上海市普陀区城市管理行政执法局执法大队"),
        ("计划开始日期", "2024-01-01"),
        ("计划完成日期", "2026-12-31"),
        ("项目资金总额", "10,308,000.00"),
        ("其中：财政资金", "10,308,000.00"),
        ("其他资金", "0.00"),
        ("项目总体目标(2024 年-2026 年)", OVERALL_CHENGGUAN),
    ],
)

UNDERPASS = ProjectPerformanceGoal(
    year=2026,
    code="",
    name="兰溪路-真南路下立交工程",
    unit=Unit.YUAN,
    budget=Decimal("226145100.00"),
    financial_funds=Decimal("226145100.00"),
    carry_over=Decimal("0"),
    other_funds=Decimal("0"),
    goals=["积极推进项目前期征收工作，年内开展管线搬迁及维护结构施工。"],
    indicators=[
        *indicators("成本指标", "生态环境成本指标", ("文明施工情况", "可控")),
        *indicators("产出指标", "数量指标", ("道路建设长度", "985米")),
        *indicators("产出指标", "质量指标", ("项目验收达标率", "=100.00(%)")),
        *indicators("产出指标", "时效指标", ("项目完成及时性", "及时")),
        *indicators(
            "效益指标",
            "社会效益指标",
            ("道路安全隐患减少情况", "减少"),
            ("道路景观提升情况", "提升"),
            ("道路通行能力提升情况", "提升"),
        ),
        *indicators("效益指标", "可持续影响指标", ("长效管理制度健全性", "健全")),
        *indicators("满意度指标", "服务对象满意度指标", ("居民群众满意度", "≥90.00(%)")),
    ],
    facts=[
        ("项目性质", "阶段性项目"),
        ("项目类别", "特定目标类"),
        ("主管部门", "上海市普陀区建设和管理委员会"),
        ("实施单位", "上海市普陀区市政工程建设中心"),
        ("计划开始日期", "2026/1/1"),
        ("计划完成日期", "2027/12/31"),
        ("项目资金总额", "771,325,800.00"),
        ("其中：财政资金", "771,325,800.00"),
        ("其他资金", "0"),
        (
            "项目总目标",
            "为居民出行提供快速便捷的通道，完善、提高了路网服务功能分流中环路的交通压力、"
            "强化铁路两侧的片区的交通联系，支撑区域一体化发展。",
        ),
    ],
)
GOALS = {"拆违经费": CHAIWEI, "兰溪路-真南路下立交工程": UNDERPASS}


def replaced(grid: list[list[str]], row: int, column: int, text: str) -> list[list[str]]:
    changed = [list(cells) for cells in grid]
    changed[row][column] = text
    return changed


def summary(reading: GoalGridReading) -> list[tuple[str, str, str | None, int | None]]:
    return [
        (f.rule, f.severity.value, f.location.column, f.location.line) for f in reading.findings
    ]


# --- the two real tables --------------------------------------------------------------------


@pytest.mark.parametrize("name", GRIDS)
def test_the_real_tables_read_whole(name: str) -> None:
    reading = read_goal_grid(GRIDS[name])
    assert reading.layout is GoalLayout.SHANGHAI
    assert reading.goal == GOALS[name]


def test_the_year_and_the_given_year_agree() -> None:
    assert read_goal_grid(CHENGGUAN, year=2026) == read_goal_grid(CHENGGUAN)


def test_the_budget_is_the_years_amount() -> None:
    """A goal's budget is the budget year's 年度资金申请总额, not the period's 项目资金总额.

    The PDFs' 项目经费情况说明 give the year's figure: “本年度拆违经费预算金额为349.80万元” and
    “2026年度预算安排22,614.51万元”. The period's 10,308,000.00 and 771,325,800.00 元 are sums
    over 2024–2026 and 2026–2027, kept as printed among the facts.
    """
    for goal, stated in [(CHAIWEI, "349.80"), (UNDERPASS, "22614.51")]:
        assert goal.budget is not None
        assert convert(goal.budget, Unit.YUAN, Unit.WAN_YUAN) == Decimal(stated)
    assert dict(CHAIWEI.facts)["项目资金总额"] == "10,308,000.00"


def test_what_the_reader_reports_on_the_real_tables() -> None:
    """Two real blemishes of the documents, each read and reported.

    拆违经费 prints both goal texts inside a pair of ASCII double quotes: the PDF's page text
    shows ``"1.完成市、区相关部门下达的年度拆违任务。`` and a closing ``"`` line, spreadsheet
    quoting pasted into the form. Nothing is wrong with the goals, so this is a note (info).

    兰溪路-真南路下立交工程 prints 生态环境成本指标 with a blank level-1: the page text reads
    “生态环境 / 文明施工情况 可控 / 成本指标”, the level-2 wrapped over two lines and no level-1
    beside it. The form leaves out a required cell, a real mistake: an error. The framework puts
    生态环境成本指标 under 成本指标 alone, so the row is read, not dropped.
    """
    chaiwei = read_goal_grid(CHENGGUAN)
    assert summary(chaiwei) == [
        ("READ-GOAL-CELL", "info", "项目总体目标(2024 年-2026 年)", 10),
        ("READ-GOAL-CELL", "info", "年度总体目标", 10),
    ]
    assert all("英文双引号" in f.message for f in chaiwei.findings)
    underpass = read_goal_grid(JIANGUANWEI)
    (finding,) = underpass.findings
    assert (finding.rule, finding.severity, finding.location.row) == (
        "READ-GOAL-ROW",
        Severity.ERROR,
        "文明施工情况",
    )
    assert finding.message.endswith("按二级指标“生态环境成本指标”所属读作“成本指标”")
    assert finding.location.table == "项目绩效目标表：兰溪路-真南路下立交工程"


@pytest.mark.parametrize("name", GOALS)
def test_the_pg_rules_find_nothing_wrong_with_the_real_goals(name: str) -> None:
    """No PG rule fires on either goal, and rightly so:

    - PG-FUNDS: 3,498,000.00 = 3,498,000.00 + 0.00 + 0.00 and 226,145,100.00 = 226,145,100.00
      + 0 + 0 (当年财政拨款 + 上年结转资金 + 其他资金);
    - PG-LEVEL, PG-FRAMEWORK: each level-2 stands under its own level-1 (成本指标 holds the
      new framework's 经济成本指标 and 生态环境成本指标), and 产出, 效益, 满意度 are all there;
    - PG-TARGET, PG-PERCENT: every target is a comparator and a number ("=100.00(%)",
      "≥90.00(%)", "985米") or a value in words ("合理", "提高", "降低", "可控", "及时",
      "减少", "提升", "健全"), and the percentages lie within 0–100;
    - PG-SCHEDULE, PG-BASIS: the form prints neither a spending schedule nor a basis column;
    - PG-COST, PG-COST-EQUALS-BUDGET: both cost targets are in words, with no amount to compare;
    - PG-STALE-YEAR: the year's goals and the indicators name no year. The period's goal is a
      fact: it spans 2024–2026 and may name years before 2026 without being stale.

    The documents' one real mistake, the missing level-1, is the reader's finding (see above).
    """
    assert list(check(GOALS[name], select=["PG"])) == []


# --- the round trip through the seed's layout -----------------------------------------------


@pytest.mark.parametrize("name", GOALS)
def test_a_shanghai_goal_survives_the_seed_layout(name: str) -> None:
    goal = GOALS[name]
    grid = render_goal_grid(goal)
    reading = read_goal_grid(grid, year=2026)
    assert reading.layout is GoalLayout.SEED
    assert reading.findings == ()
    assert reading.goal == goal
    # Every figure and fact is printed: the year's money in the budget row, the rest as facts.
    assert ["预算规模及资金用途", "预算数", format_amount(goal.budget)] == grid[12][:3]
    assert [row[:2] for row in grid[2:12]] == [list(fact) for fact in goal.facts]


# --- nothing printed is dropped -------------------------------------------------------------

# The labels of the layout, printed to say what the cells beside them hold. (The year and the
# label of the overall goal say more, and are held: see held.)
LABELS = frozenset(
    {
        "项目名称",
        "项目性质",
        "项目类别",
        "主管部门",
        "实施单位",
        "计划开始日期",
        "计划完成日期",
        "项目资金（元）",
        "项目资金总额",
        "其中：财政资金",
        "年度资金申请总额",
        "其中：当年财政拨款",
        "上年结转资金",
        "其他资金",
        "项目绩效目标",
        "年度总体目标",
        "绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度(/项目)指标值",
    }
)


def held(goal: ProjectPerformanceGoal) -> tuple[set[str], set[Decimal]]:
    """Every line of text and every figure the goal holds."""
    texts = [f"（{goal.year}年度）", goal.name, *goal.goals]
    texts += [part for fact in goal.facts for part in fact]
    for row in goal.indicators:
        texts += [row.level1, row.level2, row.name, row.target.text]
    lines = {line.strip() for text in texts for line in text.splitlines()}
    figures = [goal.budget, goal.financial_funds, goal.carry_over, goal.other_funds]
    return lines, {figure for figure in figures if figure is not None}


def figure(text: str) -> Decimal | None:
    try:
        return parse_amount(text)
    except AmountError:
        return None


def unread(grid: list[list[str]], reading: GoalGridReading) -> list[str]:
    """The printed cells that are neither a label, nor held by the goal, nor quoted by a
    finding: what the reader dropped silently."""
    assert reading.goal is not None
    lines, figures = held(reading.goal)
    messages = " ".join(finding.message for finding in reading.findings)
    dropped = []
    for cell in (cell.strip() for row in grid for cell in row):
        # A text in quotes is held without them (and the quotes are reported).
        forms = [{line.strip() for line in text.splitlines()} - {""}
                 for text in (cell, cell.strip('"').strip())]  # fmt: skip
        if not cell or cell in LABELS or cell in messages or any(f <= lines for f in forms):
            continue
        if figure(cell) is None or figure(cell) not in figures:
            dropped.append(cell)
    return dropped


@pytest.mark.parametrize("name", GRIDS)
def test_every_printed_cell_is_held_or_reported(name: str) -> None:
    assert unread(GRIDS[name], read_goal_grid(GRIDS[name])) == []


# Text without the characters of the layout's labels, so that a changed cell is never a label.
CELL_TEXT = st.text(alphabet='甲乙丙丁戊0123456789,.%≥=()" \n', max_size=8)
POSITIONS = st.sampled_from([(name, row, column) for name, grid in GRIDS.items()
                             for row in range(len(grid)) for column in range(8)
                             if grid[row][column].strip() not in LABELS])  # fmt: skip


@given(st.lists(st.tuples(POSITIONS, CELL_TEXT), min_size=1, max_size=4))
def test_a_changed_cell_is_held_or_reported(
    changes: list[tuple[tuple[str, int, int], str]],
) -> None:
    """Whatever a value cell (or a blank one) prints, the reader holds it or reports it, and
    never raises."""
    name = changes[0][0][0]
    grid = GRIDS[name]
    for (table, row, column), text in changes:
        if table == name:
            grid = replaced(grid, row, column, text)
    reading = read_goal_grid(grid, year=2026)
    if reading.goal is None:  # the name was blanked
        assert [f.message for f in reading.findings if f.rule == "READ-GOAL-MISSING"] == [
            "未印项目名称，无法建立项目绩效目标"
        ]
    else:
        assert unread(grid, reading) == []


@given(
    st.sampled_from(list(GRIDS.values())),
    st.lists(st.tuples(st.integers(0, 19), st.integers(0, 8), st.text(max_size=6)), max_size=6),
)
def test_the_reader_never_raises_on_a_goal_table(
    grid: list[list[str]], cuts: list[tuple[int, int, str]]
) -> None:
    """Rows cut short, cells changed to any text, labels included: findings, not exceptions."""
    rows = [list(cells) for cells in grid]
    for row, keep, text in cuts:
        if row < len(rows):
            rows[row] = rows[row][:keep]
            if rows[row]:
                rows[row][-1] = text
    try:
        read_goal_grid(rows)
    except GoalGridError:
        # Only when the cuts left no row that starts with a label of the layout.
        starts = {
            "（2026年度）",
            "项目名称",
            "主管部门",
            "计划开始日期",
            "项目资金（元）",
            "项目绩效目标",
        }
        assert not any(row and row[0].strip() in starts | {"绩效指标", "一级指标"} for row in rows)


# --- what the reader cannot read, it reports ------------------------------------------------


def test_an_unreadable_or_duplicated_figure_is_reported() -> None:
    grid = replaced(CHENGGUAN, 4, 7, "三百万")
    grid = replaced(grid, 5, 7, "3,498,000.001")
    grid.insert(7, ["", "", "", "", "", "上年结转资金", "", "9.00"])  # printed twice
    reading = read_goal_grid(grid)
    assert reading.goal is not None
    assert (reading.goal.budget, reading.goal.financial_funds) == (None, None)
    assert reading.goal.carry_over == Decimal("0.00")
    assert [(f.message, f.location.row) for f in reading.findings if f.rule == "READ-GOAL-CELL"
            and f.severity is Severity.ERROR] == [
        ("“年度资金申请总额”的“三百万”不是金额", "项目资金（元）"),
        ("“其中：当年财政拨款”的“3,498,000.001”有 3 位小数，元金额至多 2 位", "项目资金（元）"),
        ("“上年结转资金”重复印出，“9.00”未读取", "项目资金（元）"),
    ]  # fmt: skip


def test_the_years_other_funds_are_told_from_the_periods_by_their_column() -> None:
    grid = replaced(JIANGUANWEI, 7, 4, "12.00")  # the period's 其他资金
    grid = replaced(grid, 7, 7, "34.00")  # the year's
    goal = read_goal_grid(grid).goal
    assert goal is not None
    assert goal.other_funds == Decimal("34.00") and dict(goal.facts)["其他资金"] == "12.00"


def test_a_printed_year_other_than_the_given_one_is_reported() -> None:
    reading = read_goal_grid(CHENGGUAN, year=2025)
    assert reading.goal is not None and reading.goal.year == 2025
    assert (
        reading.findings[0].message
        == "表头印“（2026年度）”，与给出的预算年度 2025 不符，按 2025 年读取"
    )
    assert reading.findings[0].severity is Severity.ERROR


def test_an_unreadable_or_missing_year() -> None:
    unreadable = replaced(CHENGGUAN, 0, 0, "（二〇二六年度）")
    assert read_goal_grid(unreadable, year=2026).goal == CHAIWEI
    reading = read_goal_grid(unreadable)
    assert reading.goal == attrs.evolve(CHAIWEI, year=None)
    assert [f.message for f in reading.findings if f.severity is Severity.ERROR] == [
        "“（二〇二六年度）”不是预算年度"
    ]
    assert [f.message for f in reading.findings if f.rule == "READ-YEAR"] == [YEAR_UNKNOWN]
    assert read_goal_grid(JIANGUANWEI[1:], year=2026).goal == UNDERPASS
    assert read_goal_grid(JIANGUANWEI[1:]).goal == attrs.evolve(UNDERPASS, year=None)


def test_a_title_row_and_short_rows_are_read() -> None:
    """An extractor may keep the title row, and cut the blank cells at the end of a row."""
    grid = [["财政项目支出绩效目标申报表"], *(row[: max(i for i, c in enumerate([*row, "x"]) if c)]
                                     for row in JIANGUANWEI)]  # fmt: skip
    assert any(len(row) < 8 for row in grid)
    reading = read_goal_grid(grid)
    assert reading.goal == UNDERPASS and len(reading.findings) == 1


def test_stray_cells_and_rows_are_reported() -> None:
    grid = replaced(CHENGGUAN, 1, 3, "（暂定）")  # between the name and 项目性质
    grid = replaced(grid, 3, 7, "备注")
    grid = replaced(grid, 12, 4, "完成率")  # inside 三级指标's merged cell
    grid.insert(8, ["", "", "", "", "", "", "", "说明：金额为含税价"])
    reading = read_goal_grid(grid)
    assert reading.goal is not None and reading.goal.name == "拆违经费"
    assert [f.message for f in reading.findings if f.severity is Severity.ERROR] == [
        "“项目名称”行第 4 栏的“（暂定）”在版式中没有位置，未读取",
        "“计划开始日期”行第 8 栏的“备注”在版式中没有位置，未读取",
        "第 9 行不属于申报表的任何部分，未读取（该行为：说明：金额为含税价）",
        "“完成年度拆违计划”行第 5 栏的“完成率”在版式中没有位置，未读取",
    ]


def test_a_label_printed_without_its_value_is_kept_blank() -> None:
    grid = replaced(JIANGUANWEI, 2, 5, "")  # 实施单位 left blank
    grid = replaced(grid, 6, 7, "")  # 上年结转资金 left blank
    goal = read_goal_grid(grid).goal
    assert goal is not None
    assert ("实施单位", "") in goal.facts and goal.carry_over is None


def test_indicator_rows_that_cannot_be_read_are_reported_with_their_text() -> None:
    no_level = replaced(JIANGUANWEI, 11, 2, "文明施工指标")  # not a level-2 of the framework
    reading = read_goal_grid(no_level)
    assert reading.goal is not None and len(reading.goal.indicators) == 8
    assert reading.findings[0].message == (
        "第 12 行指标的一级指标空白，且上一行没有可沿用的一级指标，未读取"
        "（该行为：文明施工指标｜文明施工情况｜可控）"
    )
    nameless = read_goal_grid(replaced(CHENGGUAN, 13, 3, ""))
    assert [f.location.column for f in nameless.findings if f.rule == "READ-GOAL-ROW"] == [
        "三级指标"
    ]


def test_a_broken_or_missing_indicator_header_is_reported() -> None:
    broken = read_goal_grid(replaced(CHENGGUAN, 10, 6, ""))
    assert broken.goal is not None and broken.goal.indicators == ()
    assert summary(broken)[2:4] == [
        ("READ-GOAL-MISSING", "error", None, 11),
        ("READ-GOAL-ROW", "error", None, 12),
    ]
    assert (
        broken.findings[3].message
        == "第 12 行指标未读取（指标表头不全）：成本指标｜经济成本指标｜成本控制合理性｜合理"
    )
    headless = read_goal_grid(JIANGUANWEI[:10] + JIANGUANWEI[11:])
    assert headless.goal is not None and headless.goal.indicators == ()
    assert [f.rule for f in headless.findings] == ["READ-GOAL-ROW"] * 9 + ["READ-GOAL-MISSING"]


def test_a_header_repeated_on_a_new_page_is_read() -> None:
    grid = [*JIANGUANWEI[:15], JIANGUANWEI[10], *JIANGUANWEI[15:]]
    assert read_goal_grid(grid).goal == UNDERPASS


def test_goal_texts_are_read_from_the_row_under_their_labels() -> None:
    """A merged cell may print its text in a column right of its label's: it is still the
    label's. A second row of texts belongs to no part of the layout, and is reported."""
    grid = replaced(JIANGUANWEI, 9, 3, "第二段。")
    grid.insert(10, ["", "", "", "", "", "第二条年度目标。", "", ""])
    reading = read_goal_grid(grid)
    assert reading.goal is not None
    assert dict(reading.goal.facts)["项目总目标"].endswith("一体化发展。\n第二段。")
    assert reading.findings[0].message == (
        "第 11 行不属于申报表的任何部分，未读取（该行为：第二条年度目标。）"
    )


def test_quotes_inside_a_text_are_kept() -> None:
    grid = replaced(JIANGUANWEI, 9, 5, '"积极推进"征收"工作"')
    reading = read_goal_grid(grid)
    assert reading.goal is not None and reading.goal.goals == ('"积极推进"征收"工作"',)
    assert len(reading.findings) == 1  # the missing level-1, no quote note


def test_the_unit_is_read_or_reported() -> None:
    dollars = read_goal_grid(replaced(CHENGGUAN, 4, 0, "项目资金（美元）"))
    assert dollars.goal is not None and dollars.goal.unit is Unit.YUAN
    assert dollars.findings[0].message == "“项目资金（美元）”的单位“美元”不是金额单位，按元读取"
    unitless = read_goal_grid(replaced(CHENGGUAN, 4, 0, "项目资金"))
    assert unitless.goal is not None and unitless.goal.unit is Unit.YUAN
    assert [
        (f.severity, f.message) for f in unitless.findings if f.rule == "READ-GOAL-MISSING"
    ] == [(Severity.WARNING, "未印金额单位，按元读取")]
    in_wan = read_goal_grid(replaced(CHENGGUAN, 4, 0, "项目资金（万元）")).goal
    assert in_wan is not None and in_wan.unit is Unit.WAN_YUAN


def test_a_table_without_a_name_gives_no_goal() -> None:
    reading = read_goal_grid(replaced(CHENGGUAN, 1, 2, ""))
    assert reading.goal is None
    assert reading.findings[-1].message == "未印项目名称，无法建立项目绩效目标"
    assert reading.findings[-1].location.table == "项目绩效目标表"
    twice = read_goal_grid(replaced(CHENGGUAN, 3, 4, "项目名称"))
    assert twice.goal is not None and twice.goal.name == "拆违经费"
    assert "“项目名称”重复印出，“2026-12-31”未读取" in [f.message for f in twice.findings]


def test_a_grid_that_is_no_goal_table_is_refused() -> None:
    with pytest.raises(GoalGridError, match="not a project goal table"):
        read_goal_grid([])
    with pytest.raises(GoalGridError):
        read_goal_grid(
            [["单位：元", "", "编制部门：上海市普陀区建设和管理委员会"], ["项目", "预算数"]]
        )


def test_the_layouts_are_told_apart() -> None:
    assert read_goal_grid(render_goal_grid(CHAIWEI), year=2026).layout is GoalLayout.SEED
    # A Shanghai header row that lost its blank first cell starts with 一级指标, as the seed's
    # does: the other rows still say which layout it is.
    grid = [list(row) for row in JIANGUANWEI]
    grid[10] = grid[10][1:]
    assert read_goal_grid(grid).layout is GoalLayout.SHANGHAI


def test_a_goal_the_model_refuses_is_reported() -> None:
    reading = read_goal_grid(replaced(CHENGGUAN, 0, 0, "（1900年度）"))
    assert reading.goal is None
    assert reading.findings[-1].message.startswith("无法建立项目绩效目标：")


def test_a_goal_with_other_facts_keeps_them_through_the_seed_layout() -> None:
    goal = attrs.evolve(UNDERPASS, facts=[*UNDERPASS.facts, ("备注", "")])
    assert read_goal_grid(render_goal_grid(goal), year=2026).goal == goal


def test_the_seed_layout_prints_no_year() -> None:
    """The seed's layout prints no year: without ``year`` the goal is read with the year
    unknown, and a finding says so."""
    reading = read_goal_grid(render_goal_grid(CHAIWEI))
    assert reading.goal == attrs.evolve(CHAIWEI, year=None)
    assert [f.message for f in reading.findings] == [YEAR_UNKNOWN]
