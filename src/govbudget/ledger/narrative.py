"""The explanation (情况说明) written from a budget's stated facts, in the seed's sentences.

:func:`explanation` writes the standard paragraphs — 收入说明, 支出说明, 比上年增减, 机关运行经费,
"三公"经费, 政府采购, 国有资产 — from :attr:`DepartmentBudget.facts`, figures printed as the
facts hold them ("2025年预算收入283.61万元，其中：一般公共预算收入283.61万元…"). Every sentence is
one that :func:`govbudget.reading.explanation.read_facts` reads, so reading the text gives back the
budget's facts, and the text–table rules hold for it whenever they hold for the facts.

>>> from govbudget import DepartmentBudget, StatedFacts
>>> from govbudget.disclosure import StatedChange
>>> facts = StatedFacts(year=2025, expenditure_total="283.61", basic="193.61", project="90.00",
...                     change_basic=StatedChange("-8.80", word="减少", reason="人员调出"))
>>> print(explanation(DepartmentBudget("某局", 2025, facts=facts)))
某局2025年部门预算信息公开情况说明
一、部门预算安排的总体情况
1、支出说明
2025年支出预算283.61万元，其中：基本支出193.61万元，项目支出90.00万元。
2、比上年增减情况
2025年预算收支安排283.61万元，其中：基本支出比2024年预算减少8.80万元，主要原因是人员调出。
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import ClassVar

import attrs

from govbudget.amounts import format_amount
from govbudget.disclosure import DepartmentBudget, StatedChange, StatedFacts
from govbudget.disclosure.facts import FACT_LABELS
from govbudget.disclosure.statements import DIRECTION_WORDS
from govbudget.ledger.derivation import chinese_ordinal
from govbudget.ledger.items import LedgerError

__all__ = ["Phrasing", "explanation"]

# A reason runs to the end of its clause group in the reader: it must not end one itself, hold a
# figure (which would be read as a fact), or begin or end with what the reader strips.
_GROUP_ENDS = re.compile(r"[。；;！!？?\n\r]")
_FIGURE = re.compile(r"\d\s*(?:亿元|万元|元)")
_STRIPPED = ",，。;；:： \t"

_Clause = tuple[str, str | None, str | None, str]
"""A printed label, the fact it states (or ``None``: no figure), the change of it, and what
follows the clause when it states no change."""

_INCOME: Sequence[_Clause] = (
    ("财政拨款收入", "fiscal_appropriation", "fiscal_appropriation_change", "，"),
    ("一般公共预算收入", "general_public_budget", None, "，"),
    ("政府性基金预算收入", "government_fund", None, "，"),
    ("国有资本经营预算收入", "state_capital", None, "，"),
    ("财政专户管理资金收入", "special_account", None, "，"),
    ("单位资金收入", "unit_funds", None, "，"),
    ("事业收入", "service_income", None, "，"),
    ("事业单位经营收入", "operating_income", None, "，"),
    ("上级补助收入", "subsidy_from_superior", None, "，"),
    ("附属单位上缴收入", "remittance_from_subordinates", None, "，"),
    ("其他收入", "other_income", None, "，"),
    ("上年结转结余", "carry_over", None, "，"),
)
_EXPENDITURE: Sequence[_Clause] = (
    ("基本支出", "basic", None, "，"),
    ("包括人员经费", "personnel", None, ""),
    ("和公用经费", "public", None, "；"),
    ("项目支出", "project", None, "，"),
)
_APPROPRIATIONS: Sequence[_Clause] = (
    (
        "一般公共预算拨款支出",
        "general_public_expenditure",
        "general_public_expenditure_change",
        "，",
    ),
    (
        "政府性基金预算拨款支出",
        "government_fund_expenditure",
        "government_fund_expenditure_change",
        "，",
    ),
    (
        "国有资本经营预算拨款支出",
        "state_capital_expenditure",
        "state_capital_expenditure_change",
        "，",
    ),
)
_THREE_PUBLIC: Sequence[_Clause] = (
    ("因公出国（境）费", "travel_abroad", "travel_abroad_change", "，"),
    ("公务用车购置及运行维护费", "vehicles", "vehicles_change", "，"),
    ("其中公务用车购置费", "vehicle_purchase", "vehicle_purchase_change", "，"),
    ("公务用车运行维护费", "vehicle_operation", "vehicle_operation_change", "；"),
    ("公务接待费", "reception", "reception_change", "，"),
)
_PROCUREMENT: Sequence[_Clause] = (
    ("政府采购货物预算", "procurement_goods", None, "，"),
    ("政府采购工程预算", "procurement_works", None, "，"),
    ("政府采购服务预算", "procurement_services", None, "；"),
    ("面向中小企业预留政府采购项目", "procurement_sme", None, "，"),
    ("其中预留给小型和微型企业的政府采购项目", "procurement_small_micro", None, "，"),
)
_ASSETS: Sequence[_Clause] = (
    ("上年末固定资产金额为", "fixed_assets_value", None, "，"),
    ("本年度拟购置固定资产总额为", "planned_asset_purchases", None, "，"),
)


@attrs.frozen(slots=True)
class Phrasing:
    """How the written explanation words a change against last year, each part one of the forms
    real explanations print (and the reader reads, docs/narrative.md); the default is the
    seed's. :func:`govbudget.strategies.phrasings` draws them all.

    >>> from govbudget.disclosure import StatedChange
    >>> Phrasing(comparison="较上年预算", decrease="下降").word(StatedChange("-8.80", word="减少"))
    '下降'
    """

    COMPARISONS: ClassVar[tuple[str, ...]] = (
        "比{year}年预算",
        "较{year}年预算",
        "与{year}年预算相比，",
        "比上年",
        "较上年预算",
        "同比",
    )
    INCREASES: ClassVar[tuple[str, ...]] = ("增加", "增长", "上升")
    DECREASES: ClassVar[tuple[str, ...]] = ("减少", "下降", "降低")
    REASONS: ClassVar[tuple[str, ...]] = ("主要原因是", "主要为", "原因是")
    COMMAS: ClassVar[tuple[str, ...]] = ("，", ",")

    comparison: str = attrs.field(
        default=COMPARISONS[0], validator=attrs.validators.in_(COMPARISONS)
    )
    increase: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(INCREASES))
    )
    """The word of a rise in amount; ``None``: the change's own word."""
    decrease: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(DECREASES))
    )
    """The word of a fall in amount; ``None``: the change's own word."""
    rise: str = attrs.field(default="增长", validator=attrs.validators.in_(INCREASES))
    """The word of a rise in percentage (…，增长4.35%)."""
    fall: str = attrs.field(default="下降", validator=attrs.validators.in_(DECREASES))
    """The word of a fall in percentage."""
    reason: str = attrs.field(default=REASONS[0], validator=attrs.validators.in_(REASONS))
    comma: str = attrs.field(default=COMMAS[0], validator=attrs.validators.in_(COMMAS))
    bracketed: bool = False
    """The percentage in brackets after the amount (减少1.5万元(42.86%)), not after a comma."""

    def word(self, change: StatedChange) -> str:
        """The direction word a change is stated with: this phrasing's word for its direction
        (its own word's, or its sign's when it has none), or its own word where the phrasing
        names none; 持平 for no direction."""
        own = change.word if change.word in DIRECTION_WORDS else None
        if own is not None:
            sign = DIRECTION_WORDS[own]
        else:
            moved = change.amount if change.amount is not None else change.percent or 0
            sign = 1 if moved > 0 else -1 if moved < 0 else 0
        chosen = self.increase if sign > 0 else self.decrease if sign < 0 else "持平"
        return chosen or own or ("增加" if sign > 0 else "减少")


@attrs.frozen(slots=True)
class _Style:
    previous_year: int
    phrasing: Phrasing


def _reason(name: str, reason: str) -> str:
    """The reason as printed, refused when the reader could not give it back whole."""
    if (
        not reason
        or _GROUP_ENDS.search(reason)
        or _FIGURE.search(reason)
        or reason.strip(_STRIPPED) != reason
    ):
        raise LedgerError(
            f"the reason for {FACT_LABELS[name]} ({reason!r}) cannot stand in one clause: give it "
            "without figures, without 。；！？ or a line break, and without punctuation at its ends"
        )
    return reason


def _compared(name: str, change: StatedChange, style: _Style) -> str:
    """比2024年预算减少8.80万元，下降4.35%，主要原因是… — or 与2024年预算持平, as ``style``
    words it."""
    phrasing, word = style.phrasing, style.phrasing.word(change)
    compared = phrasing.comparison.format(year=style.previous_year)
    if word == "持平":
        text = f"与{style.previous_year}年预算持平"
    elif change.amount is None:
        # A percentage alone: "比2024年预算下降90.54%".
        stated = abs(change.percent) if change.percent is not None else Decimal(0)
        text = f"{compared}{word}{format_amount(stated)}%"
    else:
        text = f"{compared}{word}{format_amount(abs(change.amount))}万元"
        if change.percent is not None and phrasing.bracketed:
            text += f"({format_amount(abs(change.percent))}%)"
        elif change.percent is not None:
            direction = phrasing.fall if change.percent < 0 else phrasing.rise
            text += f"{phrasing.comma}{direction}{format_amount(abs(change.percent))}%"
    if change.reason is not None:
        text += f"{phrasing.comma}{phrasing.reason}{_reason(name, change.reason)}"
    return text


def _clauses(facts: StatedFacts, clauses: Sequence[_Clause], style: _Style) -> Iterator[str]:
    """Each clause stated, ending with the separator that must follow it: a clause that states
    a change ends its clause group (；), so that a comparison or a reason never runs on into
    the next figure."""
    for label, fact, change_name, after in clauses:
        amount: Decimal | None = None if fact is None else getattr(facts, fact)
        change: StatedChange | None = None if change_name is None else getattr(facts, change_name)
        if amount is None and change is None:
            continue
        text = label if amount is None else f"{label}{format_amount(amount)}万元"
        if change is not None:
            assert change_name is not None  # a change is read only by its name
            joiner = "" if amount is None else "，"
            text += joiner + _compared(change_name, change, style)
        yield text + ("；" if change is not None else after)


def _sentence(
    facts: StatedFacts,
    lead: str,
    head: _Clause | None,
    parts: Sequence[_Clause],
    style: _Style,
) -> str:
    """``lead`` + the head clause, then 其中： + the parts; empty when nothing is stated."""
    first = list(_clauses(facts, [head], style)) if head is not None else []
    rest = list(_clauses(facts, parts, style))
    if not first and not rest:
        return ""
    text = lead + "".join(first)
    if first and rest:
        text += "其中："
    return (text + "".join(rest)).rstrip("，；") + "。"


def _paragraphs(facts: StatedFacts, year: int, style: _Style) -> Iterator[tuple[str, str]]:
    """(heading, text) of each paragraph that states something, in the standard order."""
    yield (
        "收入说明",
        _sentence(
            facts,
            f"{year}年",
            ("预算收入", "income_total", "income_change", "，"),
            _INCOME,
            style,
        ),
    )
    yield (
        "支出说明",
        _sentence(
            facts,
            f"{year}年",
            ("支出预算", "expenditure_total", "expenditure_change", "，"),
            _EXPENDITURE,
            style,
        )
        + _sentence(
            facts,
            "",
            ("财政拨款支出", "fiscal_expenditure", "fiscal_expenditure_change", "，"),
            _APPROPRIATIONS,
            style,
        ),
    )
    changes: Sequence[_Clause] = (
        ("基本支出", None, "change_basic", "，"),
        ("项目支出", None, "change_project", "，"),
    )
    if any(
        getattr(facts, name) is not None for name in ("change", "change_basic", "change_project")
    ):
        budget = ("预算收支安排", "expenditure_total", "change", "，")
        yield "比上年增减情况", _sentence(facts, f"{year}年", budget, changes, style)


def _sections(facts: StatedFacts, year: int, style: _Style) -> Iterator[tuple[str, str]]:
    agency = ("机关运行经费", "agency_running_costs", "agency_running_costs_change", "，")
    yield "机关运行经费安排情况", _sentence(facts, f"{year}年，本部门", agency, (), style)
    yield (
        "财政拨款“三公”经费预算情况及增减变化原因",
        _sentence(
            facts,
            f"{year}年，本部门",
            ("财政拨款“三公”经费", "three_public_total", "three_public_change", "，"),
            _THREE_PUBLIC,
            style,
        ),
    )
    yield (
        "政府采购预算情况",
        _sentence(
            facts,
            f"{year}年，本部门",
            ("政府采购预算", "procurement_total", None, "，"),
            _PROCUREMENT,
            style,
        ),
    )
    yield "国有资产信息", _sentence(facts, "本部门", None, _ASSETS, style)


def explanation(
    budget: DepartmentBudget, *, previous_year: int | None = None, phrasing: Phrasing | None = None
) -> str:
    """The explanation's standard paragraphs for the budget's stated facts, one line each.

    Only what the facts state is written, each figure as the facts hold it (0.00万元 stays
    0.00万元); a section with nothing stated is left out. Changes are compared with
    ``previous_year`` (the year before by default): "比2024年预算减少8.80万元", "与2024年预算持平",
    with the percentage and the reason where the change has them, worded as ``phrasing`` says
    (the seed's words by default). A reason must be words only (no figure, no 。 or ；), or it
    is refused: the reader would not give it back whole.
    """
    facts = budget.facts
    year = facts.year if facts.year is not None else budget.year
    if year is None:
        raise LedgerError(
            f"explanation: the budget of {budget.department} has no year (read with the year "
            "unknown), and the explanation names it in every section; give it one"
        )
    before = year - 1 if previous_year is None else previous_year
    style = _Style(before, phrasing or Phrasing())
    lines = [f"{budget.department}{year}年部门预算信息公开情况说明"]
    overall = [(heading, text) for heading, text in _paragraphs(facts, year, style) if text]
    if overall:
        lines.append("一、部门预算安排的总体情况")
        for number, (heading, text) in enumerate(overall, start=1):
            lines += [f"{number}、{heading}", text]
    sections = [(heading, text) for heading, text in _sections(facts, year, style) if text]
    for number, (heading, text) in enumerate(sections, start=2 if overall else 1):
        lines += [f"{chinese_ordinal(number)}、{heading}", text]
    return "\n".join(lines)
