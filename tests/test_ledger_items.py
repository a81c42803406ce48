"""Line items and ledgers: what construction refuses, and how the refusal names the item."""

from __future__ import annotations

import pickle
from decimal import Decimal

import attrs
import pytest
from hypothesis import given

from govbudget import GovBudgetError
from govbudget.disclosure import BudgetUnit
from govbudget.ledger import (
    Appropriation,
    BasicKind,
    ExpenditureKind,
    FundSource,
    Ledger,
    LedgerError,
    LineItem,
    LineItemError,
    ThreePublicItem,
    UnitFundKind,
)
from govbudget.performance import ProjectPerformanceGoal
from govbudget.strategies.ledgers import ledgers, line_items

OFFICE = BudgetUnit("某局本级", "行政")
BASIC, PROJECT = ExpenditureKind.BASIC, ExpenditureKind.PROJECT


def salary(**changes: object) -> LineItem:
    item = LineItem("2013701", "30101", "694912.34", BASIC, unit=OFFICE.name, basic_kind="人员经费")
    return attrs.evolve(item, **changes) if changes else item


def refused(field: str, **fields: object) -> LineItemError:
    arguments: dict[str, object] = {
        "functional": "2013701",
        "economic": "30101",
        "amount": "100.00",
        "kind": BASIC,
        "unit": OFFICE.name,
        "basic_kind": BasicKind.PERSONNEL,
    }
    arguments.update(fields)
    with pytest.raises(LineItemError) as caught:
        LineItem(**arguments)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert isinstance(caught.value, GovBudgetError)
    return caught.value


def test_an_item_holds_exact_yuan_to_the_fen() -> None:
    assert salary().amount == Decimal("694912.34")
    assert LineItem("2013701", "30101", 100, BASIC, unit="x", basic_kind="人员经费").amount == (
        Decimal("100.00")
    )
    assert str(salary(amount=Decimal("5")).amount) == "5.00"


def test_closed_sets_take_members_or_their_chinese_values() -> None:
    item = LineItem(
        "2013702",
        "30227",
        "1",
        "项目支出",
        unit="x",
        project="P1",
        fund="单位资金",
        unit_fund_kind="事业收入",
        three_public="公务接待费",
    )
    assert item.kind is PROJECT
    assert item.fund is FundSource.UNIT_FUNDS
    assert item.unit_fund_kind is UnitFundKind.SERVICE_INCOME
    assert item.three_public is ThreePublicItem.RECEPTION
    assert item.appropriation is None


@pytest.mark.parametrize(
    ("field", "fields", "says"),
    [
        ("amount", {"amount": 1.5}, "float"),
        ("amount", {"amount": "1.005"}, "3 decimals"),
        ("amount", {"amount": "-1"}, "negative"),
        ("amount", {"amount": ""}, "blank"),
        ("amount", {"amount": "十元"}, "cannot read"),
        ("functional", {"functional": "20137"}, "functional 项 code"),
        ("functional", {"functional": "3013701"}, "functional 项 code"),
        ("economic", {"economic": "301"}, "economic 款 code"),
        ("economic", {"economic": "50101"}, "economic 款 code"),
        ("kind", {"kind": "日常支出"}, "not one of"),
        ("fund", {"fund": "自筹资金"}, "not one of"),
        ("unit", {"unit": " "}, "unit's name"),
        ("basic_kind", {"basic_kind": None}, "人员经费 or 公用经费"),
        ("basic_kind", {"kind": PROJECT, "project": "P1"}, "part of 基本支出 only"),
        ("project", {"kind": PROJECT, "basic_kind": None}, "project code"),
        ("project", {"project": "P1"}, "belongs to 项目支出"),
        ("project", {"kind": PROJECT, "basic_kind": None, "project": "P 1"}, "no spaces"),
        ("unit_fund_kind", {"fund": FundSource.UNIT_FUNDS}, "say which"),
        ("unit_fund_kind", {"unit_fund_kind": "事业收入"}, "kind of 单位资金"),
        ("carry_over_of", {"carry_over_of": Appropriation.GENERAL_PUBLIC}, "only 上年结转"),
        (
            "kind",
            {"kind": ExpenditureKind.OPERATING, "basic_kind": None},
            "基本支出 or 项目支出",
        ),
        (
            "kind",
            {
                "kind": ExpenditureKind.SUBSIDY_TO_SUBORDINATES,
                "basic_kind": None,
                "fund": FundSource.CARRY_OVER,
                "carry_over_of": Appropriation.STATE_CAPITAL,
            },
            "国有资本经营预算拨款 money",
        ),
    ],
)
def test_an_item_of_the_wrong_form_is_refused_by_field(
    field: str, fields: dict[str, object], says: str
) -> None:
    assert says in str(refused(field, **fields))


def test_a_cross_field_refusal_names_the_whole_item() -> None:
    error = refused("basic_kind", kind=PROJECT, project="P1")
    assert "2013701/30101 一般公共预算拨款 项目支出 100.00元 (某局本级)" in str(error)


def test_operating_expenditure_from_own_funds_is_fine() -> None:
    item = LineItem(
        "2013701",
        "30201",
        "5",
        ExpenditureKind.OPERATING,
        unit="x",
        fund=FundSource.UNIT_FUNDS,
        unit_fund_kind=UnitFundKind.OPERATING_INCOME,
    )
    assert item.appropriation is None


def test_carried_over_money_belongs_to_its_appropriation_or_to_none() -> None:
    carried = salary(fund=FundSource.CARRY_OVER, carry_over_of=Appropriation.GOVERNMENT_FUND)
    assert carried.appropriation is Appropriation.GOVERNMENT_FUND
    own = LineItem(
        "2013701", "30201", "5", ExpenditureKind.OPERATING, unit="x", fund=FundSource.CARRY_OVER
    )
    assert own.appropriation is None


def ledger(*items: LineItem, **fields: object) -> Ledger:
    arguments: dict[str, object] = {"units": [OFFICE], "items": items}
    arguments.update(fields)
    return Ledger("某局", 2025, **arguments)  # type: ignore[arg-type]


def test_the_ledger_names_the_item_and_the_field_it_refuses() -> None:
    with pytest.raises(LineItemError) as caught:
        ledger(salary(), salary(unit="某中心"))
    assert (caught.value.field, caught.value.index) == ("unit", 1)
    assert str(caught.value).startswith("items[1] 2013701/30101")
    assert "某中心" in str(caught.value)


def test_codes_need_a_name_from_the_catalogue_or_the_ledger() -> None:
    unknown = salary(functional="2019901")
    with pytest.raises(LineItemError, match="2019901 is not in the 2025") as caught:
        ledger(unknown)
    assert caught.value.field == "functional"
    named = ledger(unknown, names={"2019901": "某某事务"})
    assert named.subject_name("2019901") == "某某事务"
    assert named.subject_name("20199") == "其他一般公共服务支出"
    with pytest.raises(LineItemError, match="30100") as economic:
        ledger(salary(economic="30100"))
    assert economic.value.field == "economic"


def test_a_year_without_a_catalogue_names_every_subject_itself() -> None:
    with pytest.raises(LineItemError, match="any shipped catalogue of 2019"):
        Ledger("某局", 2019, units=[OFFICE], items=[salary()])
    names = {"201": "一般公共服务支出", "20137": "网信事务", "2013701": "行政运行"}
    names |= {"301": "工资福利支出", "30101": "基本工资"}
    assert Ledger("某局", 2019, units=[OFFICE], items=[salary()], names=names).total == Decimal(
        "694912.34"
    )


def test_names_must_not_contradict_the_catalogue_or_be_malformed() -> None:
    with pytest.raises(LedgerError, match="网信事务"):
        ledger(salary(), names={"20137": "网络事务"})
    with pytest.raises(LedgerError, match="no functional"):
        ledger(salary(), names={"4": "x"})


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"units": [OFFICE, OFFICE]}, "twice"),
        ({"year": 1800}, "plausible"),
        ({"department": " "}, "department"),
        ({"department_code": "A1"}, "digits"),
    ],
)
def test_the_ledger_refuses_what_it_cannot_hold(fields: dict[str, object], says: str) -> None:
    arguments: dict[str, object] = {"department": "某局", "year": 2025, "units": [OFFICE]}
    arguments.update(fields)
    with pytest.raises(LedgerError, match=says):
        Ledger(**arguments)  # type: ignore[arg-type]


def test_goals_belong_to_projects_of_the_year() -> None:
    project = salary(kind=PROJECT, basic_kind=None, project="P1")
    goal = ProjectPerformanceGoal(year=2025, code="P1", name="某项目")
    assert ledger(project, goals=[goal]).projects() == ("P1",)
    with pytest.raises(LedgerError, match="no line item is of project"):
        ledger(salary(), goals=[goal])
    with pytest.raises(LedgerError, match="of 2024"):
        ledger(project, goals=[attrs.evolve(goal, year=2024)])
    with pytest.raises(LedgerError, match="two goals"):
        ledger(project, goals=[goal, goal])


def test_a_unit_ledger_keeps_its_items_and_goals() -> None:
    centre = BudgetUnit("某中心", "事业")
    project = salary(kind=PROJECT, basic_kind=None, project="P1", unit="某中心")
    goal = ProjectPerformanceGoal(year=2025, code="P1", name="某项目")
    whole = ledger(salary(), project, units=[OFFICE, centre], goals=[goal])
    assert whole.of_unit("某中心").items == (project,)
    assert whole.of_unit("某中心").goals == (goal,)
    assert whole.of_unit("某局本级").goals == ()
    with pytest.raises(LedgerError, match="no unit"):
        whole.of_unit("某处")


@given(ledgers())
def test_ledgers_are_values_that_pickle(value: Ledger) -> None:
    assert pickle.loads(pickle.dumps(value)) == value
    assert hash(value) == hash(pickle.loads(pickle.dumps(value)))


@given(line_items())
def test_an_item_is_rebuilt_from_its_own_fields(item: LineItem) -> None:
    assert LineItem(**attrs.asdict(item, recurse=False)) == item
