"""The statements an explanation (情况说明) makes, as values: a change against last year, an
execution statement (决算数 against 预算数), a class of expenditure, a share, an evaluation, a
figure stated again.

Amounts are in 万元 with the precision the text printed (a :class:`~decimal.Decimal`, never a
float); percentages are :class:`~decimal.Decimal` as printed ("87.10" keeps its two decimals,
"57" none); counts are ``int``. Every statement keeps the sentence it was read from, so that a
finding can quote it. The facts of each family (:mod:`govbudget.disclosure.facts`) are made of
them.

>>> StatedChange("-49", percent="-38.28", reason="项目支出减少").amount
Decimal('-49')

An execution statement (决算数 against 预算数) of one functional item:

>>> item = StatedExecution(
...     "社会保障和就业支出（类）行政事业单位离退休（款）机关事业单位职业年金缴费支出（项）",
...     path=("社会保障和就业支出", "行政事业单位离退休", "机关事业单位职业年金缴费支出"),
...     amount="257.14", budgeted="274.82", actual="245.53", rate="93.57",
...     rate_basis="年初预算", word="小于")
>>> item.actual, item.rate, item.signs
(Decimal('245.53'), Decimal('93.57'), frozenset({-1}))
>>> item.budget_for(item.rate_basis)
(Decimal('274.82'),)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from govbudget.amounts import Figure, parse_amount
from govbudget.errors import AmountError
from govbudget.tables import IncomeExpenditureFinalSummary
from govbudget.vocabulary import fact_labels

__all__ = [
    "COMPARISON_WORDS",
    "DIRECTION_WORDS",
    "SHARE_OF",
    "Restatement",
    "StatedChange",
    "StatedClass",
    "StatedEvaluation",
    "StatedExecution",
    "StatedShare",
    "direction_signs",
]


def to_amount(value: str | int | Decimal | None) -> Figure:
    return None if value is None else parse_amount(value)


DIRECTION_WORDS: Mapping[str, int] = {
    "增加": 1,
    "增长": 1,
    "上升": 1,
    "减少": -1,
    "下降": -1,
    "降低": -1,
    "持平": 0,
}
"""The words a text states a change with, and the sign of the change each one states."""


@attrs.frozen(slots=True)
class StatedChange:
    """A change against last year as the text states it: a signed amount (万元), maybe a
    percentage, maybe the reason given.

    "减少8.80万元" is ``StatedChange("-8.80")``; "持平" is ``StatedChange("0")``. ``percent`` is
    signed like the amount ("下降38.28%" is ``-38.28``). A change stated as a percentage alone
    ("较上年预算下降90.54%") has no amount (``None``): one of the two is always there. ``of``
    is the year's amount the sentence states the change beside (…决算支出51万元,与上年相比减少
    17万元: 51), when it states one: the change is checked against it, not against an amount the
    text states elsewhere for the same item. ``word`` is the word the text states
    the direction with, as printed ("增加", "减少", "持平", …), so that a rule can tell
    "增加-5万元" or "持平" beside a non-zero amount from a consistent statement.

    >>> StatedChange("-49", percent="-38.28", reason="项目支出减少").amount
    Decimal('-49')
    >>> StatedChange("0", word="持平").word
    '持平'
    >>> StatedChange(None, percent="-90.54", word="下降").amount is None
    True
    """

    amount: Decimal | None = attrs.field(converter=to_amount)
    percent: Decimal | None = attrs.field(default=None, converter=to_amount)
    reason: str | None = None
    word: str | None = None
    of: Decimal | None = attrs.field(default=None, converter=to_amount, kw_only=True)

    @property
    def signs(self) -> frozenset[int]:
        """The signs the direction word states: one for a plain word, none without a word, two
        or three when the word contradicts itself.

        >>> StatedChange("-8.80", word="减少").signs
        frozenset({-1})
        >>> sorted(StatedChange("0", word="增加持平").signs)
        [0, 1]
        """
        word = self.word or ""
        return frozenset(sign for each, sign in DIRECTION_WORDS.items() if each in word)

    @amount.validator
    def _present(self, _attribute: object, value: Decimal | None) -> None:
        if value is None and self.percent is None:
            raise AmountError("a stated change needs an amount or a percentage (持平 is 0)")

    @property
    def moved(self) -> bool:
        """Whether the change is not nil: a non-zero amount, or a non-zero percentage alone."""
        if self.amount is not None:
            return self.amount != 0
        return self.percent is not None and self.percent != 0


def to_percent(value: str | int | Decimal | None) -> Decimal | None:
    return None if value is None else parse_amount(value)


def to_count(value: int | str | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise AmountError(f"{value!r} is not a count: counts are int")
    count = int(value)
    if count < 0:
        raise AmountError(f"a count cannot be negative: {value!r}")
    return count


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(str(name) for name in value)


# One converter per element type: the attrs plugin of mypy does not solve a generic one.
def to_classes(value: Iterable[StatedClass]) -> tuple[StatedClass, ...]:
    return tuple(value)


def to_executions(value: Iterable[StatedExecution]) -> tuple[StatedExecution, ...]:
    return tuple(value)


def to_evaluations(value: Iterable[StatedEvaluation]) -> tuple[StatedEvaluation, ...]:
    return tuple(value)


def to_shares(value: Iterable[StatedShare]) -> tuple[StatedShare, ...]:
    return tuple(value)


def to_restatements(value: Iterable[Restatement]) -> tuple[Restatement, ...]:
    return tuple(value)


def to_pairs(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(name), str(text)) for name, text in value)


def to_counted(value: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    out = []
    for name, number in value:
        checked = to_count(number)
        assert checked is not None
        out.append((str(name), checked))
    return tuple(out)


COMPARISON_WORDS: Mapping[str, int] = {
    "大于": 1,
    "高于": 1,
    "超过": 1,
    "小于": -1,
    "低于": -1,
    "等于": 0,
    "持平": 0,
    "相等": 0,
    "一致": 0,
    "相同": 0,
    "相符": 0,
}
"""The words a text compares 决算数 with 预算数 by, and the sign of 决算数 − 预算数 each states.
"基本持平" and "基本一致" state equality loosely (see TXT-FINAL-DIRECTION)."""


_STRAY_DIRECTIONS = {"增": 1, "减": -1}


_COMPARATIVES = re.compile(r"([大小高低]+)于")


_COMPARATIVE_SIGNS = {"大": 1, "高": 1, "小": -1, "低": -1}


def direction_signs(word: str | None) -> frozenset[int]:
    """The signs a direction word of a change states, counting the stray 增 or 减 a half-edited
    template leaves ("减增加": both), which :attr:`StatedChange.signs` does not see.

    >>> sorted(direction_signs("减增加")), direction_signs("减少"), direction_signs("持平")
    ([-1, 1], frozenset({-1}), frozenset({0}))
    """
    rest = word or ""
    signs = set()
    for each in sorted(DIRECTION_WORDS, key=len, reverse=True):
        if each in rest:
            signs.add(DIRECTION_WORDS[each])
            rest = rest.replace(each, "")
    signs.update(sign for stray, sign in _STRAY_DIRECTIONS.items() if stray in rest)
    return frozenset(signs)


@attrs.frozen(slots=True)
class StatedExecution:
    """One execution statement: an item's 决算数 against its 预算数, as the text states it.

    ``item`` is the subject as printed ("一般公共服务（类）统计信息事务（款）统计管理（项）", or
    "“三公”经费"); ``path`` its names by level (类, 款, 项) for a functional item; ``code`` the
    functional code where the text prints one; ``key`` the fact the statement is about where
    it is not a functional item (``"general_public_expenditure"`` for the whole
    一般公共预算财政拨款支出, ``"three_public_total"``, ``"travel_abroad"``, … for the "三公"
    statement). ``amount`` is the figure printed right after the item's name ("…（项）”
    20.04 万元"), ``actual`` the one stated as 支出决算为…: both are 决算数, and a statement
    that gives two different ones contradicts itself. ``budgeted`` is 年初预算 (or plain 预算),
    ``adjusted`` 调整预算. ``rate`` is 完成…预算的 N% with ``rate_basis`` the budget it names
    ("年初预算", "调整预算" or "预算"); ``word`` is the comparison as printed ("大于", "小于",
    "等于", "基本持平", and the garbled "大小于"), with ``word_basis``; ``reason`` the reason
    given (…的主要原因：…). ``difference`` is 决算数 − 预算数 where the text states it as a change
    against the budget ("较年初预算数减少4万元"), ``difference_rate`` its percentage of the budget
    ("下降2.2%"), ``difference_basis`` the budget named. ``quote`` is the statement as printed,
    ``line`` its first line.

    >>> StatedExecution("“三公”经费", key="three_public_total", budgeted="53.93",
    ...                 actual="37.35", rate="69.26", rate_basis="预算").label
    '“三公”经费'
    >>> StatedExecution("x", word="大小于").signs == frozenset({1, -1})
    True
    """

    item: str
    path: tuple[str, ...] = attrs.field(default=(), converter=_names)
    code: str | None = None
    key: str | None = None
    amount: Figure = attrs.field(default=None, converter=to_amount)
    budgeted: Figure = attrs.field(default=None, converter=to_amount)
    adjusted: Figure = attrs.field(default=None, converter=to_amount)
    actual: Figure = attrs.field(default=None, converter=to_amount)
    rate: Decimal | None = attrs.field(default=None, converter=to_percent)
    rate_basis: str | None = None
    word: str | None = None
    word_basis: str | None = None
    reason: str | None = None
    difference: Figure = attrs.field(default=None, converter=to_amount)
    difference_rate: Decimal | None = attrs.field(default=None, converter=to_percent)
    difference_basis: str | None = None
    quote: str = ""
    line: int | None = None

    @property
    def label(self) -> str:
        """The subject as messages print it."""
        labels = fact_labels("final")
        if self.key is not None and self.key in labels:
            return labels[self.key]
        return self.item

    @property
    def signs(self) -> frozenset[int]:
        """The signs of 决算数 − 预算数 the comparison word states: one for a plain word, two
        when the word contradicts itself ("大小于"), none without a word."""
        rest = (self.word or "").replace("基本", "")
        signs = {sign for each, sign in COMPARISON_WORDS.items() if each in rest}
        # A garbled word ("大小于"): every 大/小 before the 于 states its own sign.
        for run in _COMPARATIVES.findall(rest):
            signs.update(_COMPARATIVE_SIGNS[char] for char in run)
        return frozenset(signs)

    @property
    def loose(self) -> bool:
        """Whether the word states equality loosely ("基本持平", "基本一致")."""
        return "基本" in (self.word or "")

    @property
    def stated_actual(self) -> Figure:
        """The 决算数 the statement's own rate and comparison speak of: 支出决算为…, else the
        figure after the item's name."""
        return self.actual if self.actual is not None else self.amount

    @staticmethod
    def basis_name(basis: str | None) -> str:
        """The budget a basis names, as messages print it: 年初预算, 调整预算 or 预算.

        >>> StatedExecution.basis_name("调整后预算"), StatedExecution.basis_name(None)
        ('调整预算', '预算')
        """
        if basis is not None and "调整" in basis:
            return "调整预算"
        if basis is not None and "年初" in basis:
            return "年初预算"
        return "预算"

    def budget_for(self, basis: str | None) -> tuple[Decimal, ...]:
        """The stated budgets a rate or a comparison on ``basis`` may refer to: 年初预算 for
        "年初", 调整预算 for "调整", and either for a plain "预算"."""
        if basis is not None and "调整" in basis:
            chosen: tuple[Figure, ...] = (self.adjusted,)
        elif basis is not None and "年初" in basis:
            chosen = (self.budgeted,)
        else:
            chosen = (self.budgeted, self.adjusted)
        return tuple(each for each in chosen if each is not None)


@attrs.frozen(slots=True)
class StatedClass:
    """One class of the 一般公共预算财政拨款支出 structure (主要用于以下方面：…): its name as
    printed without "（类）", its amount and its share of the whole (占 X%).

    >>> StatedClass("一般公共服务支出", "2106.66", share="71.73").share
    Decimal('71.73')
    """

    name: str
    amount: Decimal = attrs.field(converter=parse_amount)
    share: Decimal | None = attrs.field(default=None, converter=to_percent)
    code: str | None = None
    quote: str = ""
    line: int | None = None


@attrs.frozen(slots=True)
class StatedShare:
    """A share the text states (占 X%): of the fact ``part``, in percent of the fact ``whole``
    (by default the whole of :data:`SHARE_OF`).

    >>> StatedShare("procurement_sme", "85.90").whole
    'procurement_total'
    """

    part: str
    percent: Decimal = attrs.field(converter=parse_amount)
    whole: str = attrs.field()
    quote: str = ""

    @whole.default
    def _default_whole(self) -> str:
        return SHARE_OF.get(self.part, "")


@attrs.frozen(slots=True)
class StatedEvaluation:
    """One performance-evaluation statement (绩效目标、绩效跟踪、绩效自评、部门评价 …): the
    stage, how many projects, the money they cover, its share where stated, the average score
    and the count of each rating (优, 良, 合格, 不合格).

    >>> evaluation = StatedEvaluation("绩效自评", projects=48, amount="4974.93",
    ...                               score="99.22", ratings=[("优", 48), ("良", 0)])
    >>> evaluation.projects, evaluation.rated
    (48, 48)
    """

    stage: str
    projects: int | None = attrs.field(default=None, converter=to_count)
    amount: Figure = attrs.field(default=None, converter=to_amount)
    share: Decimal | None = attrs.field(default=None, converter=to_percent)
    score: Decimal | None = attrs.field(default=None, converter=to_percent)
    ratings: tuple[tuple[str, int], ...] = attrs.field(default=(), converter=to_counted)
    quote: str = ""
    line: int | None = None

    @property
    def rated(self) -> int | None:
        """The projects counted by rating; ``None`` when no rating is stated."""
        return sum(count for _, count in self.ratings) if self.ratings else None


@attrs.frozen(slots=True)
class Restatement:
    """A fact stated again further on with another figure: ``name`` kept its first figure,
    here the text states ``value``."""

    name: str
    value: Decimal = attrs.field(converter=parse_amount)
    quote: str = ""


SHARE_OF: Mapping[str, str] = {
    **dict.fromkeys(
        IncomeExpenditureFinalSummary.SPEC.block("income").row_parts("income_total"),
        "income_total",
    ),
    **dict.fromkeys(
        (
            "basic",
            "project",
            "remittance_to_superior",
            "operating_expenditure",
            "subsidy_to_subordinates",
            "general_public_expenditure",
        ),
        "expenditure_total",
    ),
    "personnel": "general_public_basic",
    "public": "general_public_basic",
    "travel_abroad": "three_public_total",
    "vehicles": "three_public_total",
    "reception": "three_public_total",
    "vehicle_purchase": "vehicles",
    "vehicle_operation": "vehicles",
    "procurement_goods": "procurement_total",
    "procurement_works": "procurement_total",
    "procurement_services": "procurement_total",
    "procurement_sme": "procurement_total",
    "procurement_small_micro": "procurement_sme",
}
"""The whole a stated share (占 X%) of each fact is of, when the text does not name it."""
