"""The generated explanation: read back, it states exactly the budget's facts, and the text–table
rules hold for it."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from govbudget import DepartmentBudget, StatedFacts, check
from govbudget.amounts import round_half_up
from govbudget.disclosure import StatedChange
from govbudget.disclosure.facts import AMOUNT_FACTS, CHANGE_FACTS, CHANGE_OF, FACT_LABELS
from govbudget.ledger import (
    ExpenditureKind,
    Ledger,
    LedgerError,
    Phrasing,
    derive,
    explanation,
)
from govbudget.reading import read_facts
from govbudget.strategies.ledgers import ledgers, phrasings

OTHER_KINDS = frozenset(ExpenditureKind) - {ExpenditureKind.BASIC, ExpenditureKind.PROJECT}
REASONS = ("人员调出", "网络安全和信息化工作内容增加", "落实“过紧日子”要求", "新增2名编制")


def read_back(facts: StatedFacts) -> StatedFacts:
    reading = read_facts(explanation(DepartmentBudget("某局", 2025, facts=facts)))
    assert reading.findings == ()
    return attrs.evolve(reading.facts, quotes=())


@settings(max_examples=100)
@given(ledgers())
def test_the_text_of_a_derived_budget_reads_back_and_passes_the_text_rules(value: Ledger) -> None:
    budget = derive(value)
    reading = read_facts(explanation(budget))
    assert reading.findings == ()
    assert attrs.evolve(reading.facts, quotes=()) == budget.facts
    read = attrs.evolve(budget, facts=reading.facts)
    faults = [f for f in check(read).errors if f.rule.startswith("TXT")]
    if any(item.kind in OTHER_KINDS for item in value.items):
        # The one gap of TXT-SUMS (支出 = 基本 + 项目), pinned in test_ledger_derive.
        faults = [f for f in faults if (f.rule, f.location.row) != ("TXT-SUMS", "支出预算")]
    assert faults == []


figures = st.integers(0, 10**9).map(lambda cents: Decimal(cents).scaleb(-2))


@st.composite
def changes(draw: st.DrawFn) -> StatedChange:
    """A change as a text states it: the word by the sign (增加 also for 0.00, as the seed
    says), maybe a percentage of the same sign, maybe a reason."""
    amount = draw(st.integers(-(10**8), 10**8).map(lambda cents: Decimal(cents).scaleb(-2)))
    reason = draw(st.none() | st.sampled_from(REASONS))
    if amount == 0 and draw(st.booleans()):
        return StatedChange(amount, reason=reason, word="持平")
    word = "减少" if amount < 0 else "增加"
    share = draw(st.none() | st.integers(0, 10**5).map(lambda n: Decimal(n).scaleb(-2)))
    percent = None if share is None else -share if amount < 0 else share
    return StatedChange(amount, percent=percent, reason=reason, word=word)


@st.composite
def stated_facts(draw: st.DrawFn) -> StatedFacts:
    amounts = {name: draw(st.none() | figures) for name in AMOUNT_FACTS}
    stated = {name: draw(st.none() | changes()) for name in CHANGE_FACTS}
    return StatedFacts(year=2025, **amounts, **stated)  # type: ignore[arg-type]


@given(stated_facts())
def test_every_fact_the_reader_knows_reads_back(facts: StatedFacts) -> None:
    assert read_back(facts) == facts


def test_the_standard_paragraphs() -> None:
    facts = StatedFacts(
        year=2025,
        income_total="283.61",
        general_public_budget="283.61",
        expenditure_total="283.61",
        basic="193.61",
        personnel="182.21",
        public="11.39",
        project="90.00",
        change=StatedChange("21.20", percent="8.08", word="增加"),
        agency_running_costs="11.39",
        three_public_total="0.00",
        three_public_change=StatedChange("0", word="持平"),
        procurement_total="12.00",
        procurement_services="12.00",
        fixed_assets_value="20.61",
    )
    assert explanation(DepartmentBudget("某局", 2025, facts=facts)).splitlines() == [
        "某局2025年部门预算信息公开情况说明",
        "一、部门预算安排的总体情况",
        "1、收入说明",
        "2025年预算收入283.61万元，其中：一般公共预算收入283.61万元。",
        "2、支出说明",
        "2025年支出预算283.61万元，其中：基本支出193.61万元，包括人员经费182.21万元和公用经费11.39万元；项目支出90.00万元。",
        "3、比上年增减情况",
        "2025年预算收支安排283.61万元，比2024年预算增加21.20万元，增长8.08%。",
        "二、机关运行经费安排情况",
        "2025年，本部门机关运行经费11.39万元。",
        "三、财政拨款“三公”经费预算情况及增减变化原因",
        "2025年，本部门财政拨款“三公”经费0.00万元，与2024年预算持平。",
        "四、政府采购预算情况",
        "2025年，本部门政府采购预算12.00万元，其中：政府采购服务预算12.00万元。",
        "五、国有资产信息",
        "本部门上年末固定资产金额为20.61万元。",
    ]
    assert read_back(facts) == facts


def test_a_budget_stating_nothing_has_only_its_title() -> None:
    assert explanation(DepartmentBudget("某局", 2025)) == "某局2025年部门预算信息公开情况说明"


def test_changes_are_compared_with_the_year_asked() -> None:
    facts = StatedFacts(year=2025, basic="1.00", change_basic=StatedChange("-1.00", word="减少"))
    text = explanation(DepartmentBudget("某局", 2025, facts=facts), previous_year=2023)
    assert "基本支出比2023年预算减少1.00万元" in text


@pytest.mark.parametrize("reason", ["人员调出。项目增加", "增加5万元", "，人员调出", "人员调出；"])
def test_a_reason_the_reader_could_not_give_back_is_refused(reason: str) -> None:
    facts = StatedFacts(year=2025, basic="1.00", change_basic=StatedChange("-1", reason=reason))
    with pytest.raises(LedgerError, match="基本支出比上年增减"):
        explanation(DepartmentBudget("某局", 2025, facts=facts))


@settings(max_examples=100)
@given(stated_facts(), stated_facts())
def test_last_year_s_statements_beside_this_year_s_are_left_out(
    facts: StatedFacts, earlier: StatedFacts
) -> None:
    """Budget explanations restate last year (2013年…执行数 beside the 2014 budget): every
    paragraph of last year's explanation that names its year, put after this year's, is said
    to be another year's (info findings) and changes nothing that is read of this year."""
    this_year = explanation(DepartmentBudget("某局", 2025, facts=facts))
    last_year = explanation(DepartmentBudget("某局", 2024, facts=attrs.evolve(earlier, year=2024)))
    dated = [line for line in last_year.splitlines()[1:] if line.startswith("2024年")]
    reading = read_facts("\n".join([this_year, *dated]))
    assert attrs.evolve(reading.facts, quotes=()) == facts
    assert {(f.rule, f.severity.label) for f in reading.findings} <= {("READ-FACT", "提示")}
    assert len(reading.findings) <= sum(line.count("。") for line in dated)


# --- phrasing varied: what the generator makes true is never reported, what it makes false is --


def as_worded(facts: StatedFacts, phrasing: Phrasing) -> StatedFacts:
    """The facts as a reader gives them back from text in ``phrasing``: each change with the
    word the phrasing states it with."""
    worded = {
        name: attrs.evolve(change, word=phrasing.word(change))
        for name in CHANGE_FACTS
        if (change := getattr(facts, name)) is not None
    }
    return attrs.evolve(facts, quotes=(), **worded)


@settings(max_examples=200)
@given(stated_facts(), phrasings())
def test_every_fact_reads_back_in_every_phrasing(facts: StatedFacts, phrasing: Phrasing) -> None:
    text = explanation(DepartmentBudget("某局", 2025, facts=facts), phrasing=phrasing)
    reading = read_facts(text)
    assert reading.findings == ()
    assert attrs.evolve(reading.facts, quotes=()) == as_worded(facts, phrasing)


cents = st.integers(1, 10**8).map(lambda n: Decimal(n).scaleb(-2))


@st.composite
def true_changes(draw: st.DrawFn) -> tuple[StatedFacts, str]:
    """Facts stating one amount and its change against a true last year's figure, the
    percentage rounded half up as a careful writer rounds it; and the change's name."""
    name = draw(st.sampled_from(CHANGE_FACTS))
    previous, current = draw(cents), draw(cents)
    amount = current - previous
    percent = round_half_up(amount * 100 / previous, 2)
    word = "增加" if amount > 0 else "减少" if amount < 0 else "持平"
    change = StatedChange(amount, percent=percent, word=word)
    facts = StatedFacts(year=2025, **{CHANGE_OF[name]: current, name: change})  # type: ignore[arg-type]
    return facts, name


TEXT_RULES = ["TXT-PERCENT", "TXT-DIRECTION"]


@settings(max_examples=200)
@given(true_changes(), phrasings())
def test_a_true_change_is_never_reported_in_any_phrasing(
    stated: tuple[StatedFacts, str], phrasing: Phrasing
) -> None:
    facts, _name = stated
    read = read_facts(explanation(DepartmentBudget("某局", 2025, facts=facts), phrasing=phrasing))
    assert read.findings == ()
    assert check(read.facts, select=TEXT_RULES).findings == ()


@settings(max_examples=200)
@given(true_changes(), phrasings(), st.integers(1, 10**4))
def test_a_false_percentage_is_always_reported_in_any_phrasing(
    stated: tuple[StatedFacts, str], phrasing: Phrasing, off: int
) -> None:
    """A percentage moved off the truth by more than rounding can explain: a point and more
    beyond the widest the printed figures' intervals (half a cent each) allow, on the side of
    its sign."""
    facts, name = stated
    change = getattr(facts, name)
    assert change.amount is not None and change.percent is not None
    current = getattr(facts, CHANGE_OF[name])
    assume(change.amount != 0)  # 持平 is written without its percentage
    half = Decimal("0.005")
    corners = [
        (change.amount + da) * 100 / (current + dc - change.amount - da)
        for da in (-half, half)
        for dc in (-half, half)
        if current + dc - change.amount - da > 0
    ]
    assume(len(corners) == 4)
    beyond = Decimal(1) + Decimal(off) / 100
    moved = max(corners) + beyond if change.amount > 0 else min(corners) - beyond
    wrong = attrs.evolve(change, percent=round_half_up(moved, 2))
    text = explanation(
        DepartmentBudget("某局", 2025, facts=attrs.evolve(facts, **{name: wrong})),
        phrasing=phrasing,
    )
    read = read_facts(text)
    assert [f.location.row for f in check(read.facts, select=["TXT-PERCENT"])] == [
        FACT_LABELS[name]
    ]
