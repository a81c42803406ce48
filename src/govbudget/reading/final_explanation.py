"""Stated facts from a final-accounts explanation (部门决算情况说明).

:func:`read_final_facts` reads the figures a final-accounts explanation states into
:class:`~govbudget.disclosure.facts.FinalStatedFacts`: the totals and their parts with
their shares (占 X%), the changes against last year, the execution statement of every item
("X（类）Y（款）Z（项）" … 年初预算为… 支出决算为… 完成年初预算的 N% … 决算数小于预算数的主要原因
…), the basic expenditure, the "三公" statement with its budgets, rates and physical quantities,
机关运行经费, procurement, state-owned assets and the performance evaluations.

The module is long because one text states all of these, often in one sentence; the readers of
each kind share one pass over the text and its masks, so that a figure is read by exactly one
of them.

>>> facts, findings = read_final_facts(
...     "2024年度部门决算情况说明\\n"
...     "本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目支出603.14万元，"
...     "占20.51%。\\n"
...     "1.一般公共服务（类）财政事务（款）信息化建设（项）。年初预算为135.90万元，支出决算为"
...     "135.25万元，完成年初预算的99.52%。决算数小于预算数的主要原因：项目调减。")
>>> facts.year, facts.basic, facts.share("basic").percent
(2024, Decimal('2336.91'), Decimal('79.49'))
>>> (item,) = facts.executions
>>> item.path, item.budgeted, item.actual, item.rate, item.word, item.reason
(('一般公共服务', '财政事务', '信息化建设'), Decimal('135.90'), Decimal('135.25'), Decimal('99.52'), '小于', '项目调减')
>>> findings
()

The text is prepared as the budget reader prepares it (:mod:`govbudget.reading.explanation`):
each line normalized (NFKC, quotation marks and spaces between Chinese words dropped), lines
joined where a PDF wrapped them, every character remembering its line. A final-accounts text
wraps inside item names and reasons ("…统计信息\\n事务（项）"), so a line break is kept only
before a heading (一、 （一） 1. 1、), after a heading alone on its line, and after a full stop.

What a sentence states is decided by the words before its figure, as in the budget reader
(the longest label wins; "财政拨款收入支出总计" is never "财政拨款收入"), and what follows it:
"占 X%" is its share, "增加/减少 …万元，增长/下降 X%" a change and its percentage, "主要原因…"
the reason. An execution statement runs from its item's name to the next item (or the end of
its paragraph); the "三公" statement from "“三公”经费财政拨款支出（年初）预算为" to its reason,
split into the total and the items after "其中：".

What the reader cannot read it reports (:data:`~govbudget.reading.explanation.READ_FACT`,
warning) instead of guessing: a figure it cannot parse, a change it cannot attach, a rate
outside any execution statement; an unfilled template placeholder is
:data:`~govbudget.reading.explanation.TXT_PLACEHOLDER` (error): XX局, "X万元", 增加（减少）,
大于（小于）, a figure left blank.

>>> _, findings = read_final_facts("收入支出决算总计X万元，与上年相比增加（减少）5万元。")
>>> [(f.rule, f.location.row) for f in findings]
[('TXT-PLACEHOLDER', 'X'), ('TXT-PLACEHOLDER', '增加（减少）')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import NamedTuple

import attrs

from govbudget.amounts import Interval, Unit, convert, format_amount, parse_amount
from govbudget.checks.reading import TXT_PLACEHOLDER
from govbudget.disclosure.facts import (
    FINAL_CHANGE_OF,
    FINAL_FACT_LABELS,
    THREE_PUBLIC_KEYS,
    FinalStatedFacts,
)
from govbudget.disclosure.statements import (
    DIRECTION_WORDS,
    Restatement,
    StatedChange,
    StatedClass,
    StatedEvaluation,
    StatedExecution,
    StatedShare,
)
from govbudget.errors import AmountError
from govbudget.findings import Finding, Location
from govbudget.reading.phrasing import (
    EXPLANATION,
    FLAT,
    HEADING,
    PERCENT_SIGNS,
    PLACEHOLDERS,
    Leads,
    Parts,
    Source,
    alternatives,
    as_matched,
    comparison,
    names_last_year,
    stated_as,
    unread_fact,
    word_cuts,
)
from govbudget.vocabulary import fact_concepts

__all__ = ["FinalFactsReading", "read_final_facts"]

_CJK = "\u4e00-\u9fff"


class FinalFactsReading(NamedTuple):
    """What :func:`read_final_facts` read: the facts, and the findings on what it could not
    read. A pair, so ``facts, findings = read_final_facts(text)`` works."""

    facts: FinalStatedFacts
    findings: tuple[Finding, ...]


# -- the vocabulary ----------------------------------------------------------------------------

# The words stating each amount (the terms of its concept in final accounts' explanations).
_LABELS: Mapping[str, tuple[str, ...]] = {
    fact: stated_as(concept, "final") for fact, concept in fact_concepts("final").items()
}
_FACT_OF_LABEL = {label: fact for fact, labels in _LABELS.items() for label in labels}
_CHANGE_FIELD = {amount: change for change, amount in FINAL_CHANGE_OF.items()}

# The "三公" items an execution statement names after 其中：.
_THREE_PUBLIC_LABELS = {label: fact for fact in THREE_PUBLIC_KEYS for label in _LABELS[fact]}

# A line break inside one of these is a wrap, however short the line.
_WORD_CUTS = word_cuts((*_FACT_OF_LABEL, *DIRECTION_WORDS, "主要原因", "预算"))


_LABEL = alternatives(_FACT_OF_LABEL)
_THREE_PUBLIC_LABEL = re.compile(alternatives(_THREE_PUBLIC_LABELS))
_THREE_PUBLIC_LEAD = re.compile(rf":?(?:\d[.、])?(?P<label>{_THREE_PUBLIC_LABEL.pattern})")
# What may stand between a label and its figure: 机关运行经费支出627.04万元, 支出决算为…,
# 政府采购金额（以合同签订为准）为…, 收入、支出决算总计各增加….
_FILLER = r"(?:决算数|决算|支出|金额|总额|合计|总计|共计|数|为|是|:|各|\([^()\n]*\))*"
# A stray 增 or 减 is the half-edited template's (比2024年度减增加21.90万元).
_DIRECTION = r"(?:增加|增长|上升|减少|下降|降低|持平|增|减)+了?"
_COMPARE = comparison("决算数?")

_LEADS = Leads.of(_LABEL, _FILLER, _DIRECTION, _COMPARE)
_REASON_LEAD = re.compile(rf"(?P<label>{_LABEL}){_FILLER}(?:{_DIRECTION})?的$")
_WHOLE = re.compile(rf"(?P<label>{_LABEL}){_FILLER}")

_NUMBER = r"(?P<sign>[+-]?)(?P<number>\d(?:[\d,.]*\d)?)"
_UNIT = r"(?P<unit>亿元|万元|元|万(?![" + _CJK + r"]))"
_FIGURE = re.compile(rf"(?<![\d.])(?<!\d,){_NUMBER}{_UNIT}")
# In an execution statement a budget may be printed without its unit (年初预算为0，).
_LOOSE_FIGURE = rf"{_NUMBER}(?:{_UNIT}|(?![\d.%年个辆人台批次]|,\d))"
_SHARE_AFTER = re.compile(r",?占(?P<whole>[^,;。%\d]{0,30}?)的?(?P<number>\d+(?:\.\d+)?)%")
_PERCENT_AFTER = re.compile(
    r",?(?P<word>增长|下降|增加|减少|上升|降低|增幅|降幅)(?:了|为|达到|达)?(?P<number>[+-]?\d+(?:\.\d+)?)%"
)
_REASON = re.compile(r"主要原因(?:是|为)?:?|原因(?:是|为|:)")

# -- execution statements -------------------------------------------------------------------------

_NAME = rf"(?:[{_CJK}、]|\((?!类\)|款\)|项\))[{_CJK}]{{1,4}}\))+"
_ITEM = re.compile(rf"(?P<cls>[{_CJK}]+)\(类\)(?P<sec>{_NAME})\(款\)(?:(?P<itm>{_NAME})\(项\))?")
_GENERAL_EXECUTION = re.compile(
    r"一般公共预算财政拨款支出(?:决算)?(?=(?:年初|全年|调整后?)?预算数?(?:为|是|:))"
)
# 三公经费财政拨款支出年初预算为…, and as 安徽 words it: 财政拨款三公经费支出预算为…
_THREE_PUBLIC_EXECUTION = re.compile(
    r"三公经费(?:财政拨款)?支出(?:决算)?(?=(?:年初|全年)?预算数?(?:为|是|:))"
)
_BUDGETED = re.compile(
    rf"(?<!调整)(?<!调整后)(?P<basis>年初|全年)?预算数?(?:为|是|:){_LOOSE_FIGURE}"
)
_ADJUSTED = re.compile(rf"调整后?预算数?(?:为|是|:)?{_LOOSE_FIGURE}")
_ACTUAL = re.compile(rf"决算数?(?:为|是|:)?{_LOOSE_FIGURE}")
_RATE = re.compile(
    r"完成(?P<basis>年初预算|调整后?预算|全年预算|预算)数?的?(?P<number>\d+(?:\.\d+)?)%"
    r"|(?P<basis2>预算)?(?:完成率|执行率)(?:为|是|达)?(?P<number2>\d+(?:\.\d+)?)%"
)
_COMPARISON = re.compile(
    r"决算数?(?:(?P<word>[大小高低等]+于|超过)(?P<basis>年初|调整后?)?预算数?"
    r"|与(?P<basis2>年初|调整后?)?预算数?(?P<word2>基本持平|持平|基本一致|一致|相等|相同|相符))"
)

# -- other statements -----------------------------------------------------------------------------

_CLASS_LIST = re.compile(r"主要用于以下(?:几个)?方面:?")
_CLASS_ENTRY = re.compile(
    rf"(?P<name>[{_CJK}]+?)(?P<cls>\(类\))?(?P<tail>支出)?(?<![\d.])(?<!\d,){_NUMBER}{_UNIT}"
    r"(?:,?占(?P<share>\d+(?:\.\d+)?)%)?"
)
_CHINESE_HEADING = re.compile(
    r"第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)"
)
_MAJOR_BREAK = re.compile(rf"\n(?={_CHINESE_HEADING.pattern})")
_HEADING_BREAK = re.compile(rf"\n(?={HEADING.pattern})")

_STAGE = re.compile(
    r"编报绩效目标|绩效目标申报|绩效跟踪(?:评价)?|绩效运行监控|绩效监控|绩效自评"
    r"|部门(?:绩效)?评价|财政(?:重点)?(?:绩效)?评价|重点(?:绩效)?评价"
)
_PROJECTS = re.compile(r"项目(?P<a>\d+)个|(?P<b>\d+)个(?:一级|二级)?项目")
_EVALUATED_AMOUNT = re.compile(
    rf"(?:涉及|共涉及)?(?:预算)?(?:金额|资金)(?:为|共计)?(?<![\d.]){_NUMBER}{_UNIT}"
)
_EVALUATED_SHARE = re.compile(r"占[^,;。%\d]*?的?(?P<number>\d+(?:\.\d+)?)%")
_SCORE = re.compile(r"平均得分(?:为)?(?P<number>\d+(?:\.\d+)?)分")
_RATING = re.compile(r"(?:绩效)?评级为(?P<grade>优|良|中|合格|不合格|差)的项目(?P<n>\d+)个")

_COUNTS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (
        re.compile(r"因公出国\(境\)团组(?P<a>\d+)个(?:[,、]?(?:累计|共)?(?P<b>\d+)人次?)?"),
        ("travel_groups", "travel_people"),
    ),
    (re.compile(r"公务用车保有量(?:为)?(?P<a>\d+)辆"), ("vehicles_held",)),
    (
        re.compile(
            r"(?:更新)?购置(?:公务用车|车辆)(?P<a>\d+)辆|公务用车购置数量?(?:为)?(?P<b>\d+)辆"
        ),
        ("vehicles_purchased", "vehicles_purchased"),
    ),
    (
        re.compile(r"国内公务接待(?P<a>\d+)批次(?:[,、]?(?:累计|共)?(?:接待)?(?P<b>\d+)人次?)?"),
        ("reception_batches", "reception_people"),
    ),
    (
        re.compile(r"单价(?:50|五十)万元(?:\(含\))?以上的?通用设备(?P<a>\d+)台"),
        ("general_equipment",),
    ),
    (
        re.compile(r"单价(?:100|一百)万元(?:\(含\))?以上的?专用设备(?P<a>\d+)台"),
        ("special_equipment",),
    ),
    (
        re.compile(r"单价(?:100|一百)万元(?:\(含\))?以上的?设备(?:\(不含车辆\))?(?P<a>\d+)台"),
        ("equipment_over_million",),
    ),
)
_VEHICLES_TOTAL = re.compile(r"共有车辆(?P<n>\d+)辆")
_VEHICLE_KIND = re.compile(rf"(?P<kind>[{_CJK}()]+?用车)(?P<n>\d+)辆")

_MORE_PLACEHOLDERS = re.compile(
    r"(?<![A-Za-z0-9])[Xx×](?![A-Za-z0-9])(?=万|元|%|个|辆|人|批|台|项)"  # X万元, X%
    r"|(?:大于|小于|等于)[(/](?:大于|小于|等于)\)?"  # 大于(小于)
)
_BLANK_FIGURE = re.compile(r"(?<=为|是|算|出|计|额|入|费|余)(?:亿元|万元)")
_YEAR = re.compile(r"(?<!\d)(\d{4})年度?(?:部门|单位)?决算")
_YEAR_OF_TOTAL = re.compile(r"(?<!\d)(\d{4})年度?收入、?支出(?:决算)?总计")
_UNITS = {"元": Unit.YUAN, "万元": Unit.WAN_YUAN, "万": Unit.WAN_YUAN, "亿元": Unit.YI_YUAN}


# -- the text as matched -----------------------------------------------------------------------


def _prepared(narrative: str) -> Source:
    """The budget reader's joined text, with a paragraph break kept only before a heading,
    after a heading alone on its line, and after a full stop: a final-accounts text wraps
    inside item names and reasons wherever its margin falls."""
    source = as_matched(narrative, _WORD_CUTS)
    text = source.text
    keep: list[int] = []
    start = 0
    for index, char in enumerate(text):
        if char != "\n":
            keep.append(index)
            continue
        paragraph = text[start:index]
        start = index + 1
        heading_alone = bool(_CHINESE_HEADING.match(paragraph)) and not any(
            mark in paragraph for mark in "。,;:"
        )
        if (
            HEADING.match(text, index + 1)
            or heading_alone
            or paragraph.endswith(("。", "!", "?"))
            or not paragraph
        ):
            keep.append(index)
    return Source(
        "".join(text[i] for i in keep), tuple(source.origins[i] for i in keep), source.lines
    )


def _value(sign: str, number: str, unit: str | None) -> Decimal | None:
    try:
        value = parse_amount(sign + number)
    except AmountError:
        return None
    assert value is not None  # a number was matched
    return convert(value, _UNITS[unit or "万元"], Unit.WAN_YUAN)


def _percent(number: str) -> Decimal:
    value = parse_amount(number)
    assert value is not None
    return value


# -- the reading ---------------------------------------------------------------------------------


@attrs.define
class _Reader:
    """One reading: the text, the spans read as statements of their own, what was read so
    far, and the findings."""

    source: Source
    sentences: Parts
    groups: Parts
    paragraphs: Parts
    year: int | None = None
    masked: list[tuple[int, int]] = attrs.Factory(list)
    amounts: dict[str, Decimal] = attrs.Factory(dict)
    changes: dict[str, StatedChange] = attrs.Factory(dict)
    counts: dict[str, int] = attrs.Factory(dict)
    kinds: list[tuple[str, int]] = attrs.Factory(list)
    shares: dict[str, StatedShare] = attrs.Factory(dict)
    restatements: list[Restatement] = attrs.Factory(list)
    classes: list[StatedClass] = attrs.Factory(list)
    executions: list[StatedExecution] = attrs.Factory(list)
    general: StatedExecution | None = None
    three_public: list[StatedExecution] = attrs.Factory(list)
    evaluations: list[StatedEvaluation] = attrs.Factory(list)
    quotes: list[tuple[str, str]] = attrs.Factory(list)
    findings: list[Finding] = attrs.Factory(list)

    @property
    def text(self) -> str:
        return self.source.text

    def sentence(self, position: int) -> str:
        """The sentence at ``position``, as printed."""
        return self.source.original(*self.sentences.span(position))

    def warn(self, position: int, row: str, message: str) -> None:
        self.findings.append(unread_fact(self.source, self.sentences, position, row, message))

    def is_masked(self, position: int) -> bool:
        return any(start <= position < end for start, end in self.masked)

    def paragraph_end(self, position: int) -> int:
        end = self.text.find("\n", position)
        return len(self.text) if end < 0 else end

    def section_end(self, position: int) -> int:
        """Where the text after ``position`` reaches a heading (一、 （二） 3. 4、): a statement
        runs on across a line that a wrap happened to end with 。."""
        found = _HEADING_BREAK.search(self.text, position)
        return len(self.text) if found is None else found.start()

    def sentence_end(self, position: int, limit: int) -> int:
        for index in range(position, limit):
            if self.text[index] in "。!?":
                return index + 1
        return limit

    # -- facts -------------------------------------------------------------------------------

    def amount(self, name: str, value: Decimal, position: int) -> None:
        known = self.amounts.get(name)
        if known is None:
            self.amounts[name] = value
            self.quotes.append((name, self.sentence(position)))
        elif not Interval.of(known).meets(Interval.of(value)):
            self.restatements.append(Restatement(name, value, self.sentence(position)))

    def change(
        self, name: str, value: Decimal, word: str, position: int, of: Decimal | None = None
    ) -> str | None:
        field = _CHANGE_FIELD.get(name)
        if field is None:
            label = FINAL_FACT_LABELS.get(name, "比上年增减")
            self.warn(position, label, f"比上年增减（{word}）无法对应到“{label}”")
            return None
        known = self.changes.get(field)
        if known is None:
            self.changes[field] = StatedChange(value, word=word, of=of)
            self.quotes.append((field, self.sentence(position)))
            return field
        if not Interval.of(known.amount).meets(Interval.of(value)):
            label = FINAL_FACT_LABELS[field]
            self.warn(
                position,
                label,
                f"{label}前文为 {format_amount(known.amount)}万元，此处为 "
                f"{format_amount(value)}万元，以前文为准",
            )
        return None

    def share(self, name: str, match: re.Match[str], position: int) -> None:
        if name in self.shares:
            return
        whole = match["whole"]
        named = _WHOLE.fullmatch(whole) if whole else None
        kwargs = {} if named is None else {"whole": _FACT_OF_LABEL[named["label"]]}
        share = StatedShare(
            name, _percent(match["number"]), quote=self.sentence(position), **kwargs
        )
        if share.whole:
            self.shares[name] = share


def _mask(reader: _Reader, start: int, end: int) -> None:
    reader.masked.append((start, end))


def _comparison(reader: _Reader, start: int, end: int) -> tuple[str | None, str | None, str | None]:
    """The comparison of 决算数 with 预算数 in ``text[start:end]``, the budget it names, and the
    reason given after it (…的主要原因：…, to the end of its sentence)."""
    body = reader.text[start:end]
    comparison = _COMPARISON.search(body)
    word = basis = reason = None
    if comparison is not None:
        word = comparison["word"] or comparison["word2"]
        basis = comparison["basis"] or comparison["basis2"]
    marker = _REASON.search(body, comparison.end() if comparison is not None else 0)
    if marker is not None:
        stop = reader.sentence_end(start + marker.end(), end)
        reason = reader.source.original(start + marker.end(), stop).strip("。,，;；:： ") or None
    return word, basis, reason


def _statement(
    reader: _Reader,
    item: str,
    start: int,
    body_start: int,
    end: int,
    *,
    path: tuple[str, ...] = (),
    key: str | None = None,
    headline: bool = False,
    compared: tuple[int, int] | None = None,
) -> StatedExecution:
    """Read one execution statement: its figures from ``text[body_start:end]`` (the figure at
    its start is the item's own when ``headline``), its comparison and reason from there or
    from ``compared``; its quote runs from ``start``."""
    body = reader.text[body_start:end]
    amount = None
    if headline:
        head = _FIGURE.match(body)
        if head is not None:
            amount = _value(head["sign"], head["number"], head["unit"])
    figures: dict[str, Decimal | None] = {}
    for name, pattern in (("budgeted", _BUDGETED), ("adjusted", _ADJUSTED), ("actual", _ACTUAL)):
        found = pattern.search(body)
        if found is not None:
            figures[name] = _value(found["sign"], found["number"], found["unit"])
            if figures[name] is None:
                reader.warn(body_start + found.start(), item, f"无法读取金额“{found.group()}”")
    rate = _RATE.search(body)
    rate_value = rate_basis = None
    if rate is not None:
        rate_value = _percent(rate["number"] or rate["number2"])
        rate_basis = rate["basis"] or rate["basis2"] or "预算"
    word, word_basis, reason = _comparison(reader, *(compared or (body_start, end)))
    quote = reader.source.original(start, end)
    if compared is not None and compared[0] >= end:
        quote += reader.source.original(*compared)
    return StatedExecution(
        item,
        path=path,
        key=key,
        amount=amount,
        budgeted=figures.get("budgeted"),
        adjusted=figures.get("adjusted"),
        actual=figures.get("actual"),
        rate=rate_value,
        rate_basis=rate_basis,
        word=word,
        word_basis=word_basis,
        reason=reason,
        quote=quote,
        line=reader.source.line(start),
    )


def _items(reader: _Reader) -> None:
    """The execution statements of functional items and of the whole 一般公共预算财政拨款支出."""
    text = reader.text
    found = list(_ITEM.finditer(text))
    starts = [match.start() for match in found]
    for index, match in enumerate(found):
        end = reader.section_end(match.end())
        if index + 1 < len(found):
            end = min(end, starts[index + 1])
        cls = match["cls"].removeprefix("其中")
        names = [cls, match["sec"]] + ([match["itm"]] if match["itm"] else [])
        levels = ("（类）", "（款）", "（项）")
        item = "".join(name + level for name, level in zip(names, levels, strict=False))
        item = item.replace("(", "（").replace(")", "）")
        execution = _statement(
            reader, item, match.start(), match.end(), end, path=tuple(names), headline=True
        )
        reader.executions.append(execution)
        _mask(reader, match.start(), end)
    for match in _GENERAL_EXECUTION.finditer(text):
        if reader.is_masked(match.start()):
            continue
        end = reader.section_end(match.end())
        end = min([end, *(start for start in starts if start > match.start())])
        if reader.general is None:
            reader.general = _statement(
                reader,
                FINAL_FACT_LABELS["general_public_expenditure"],
                match.start(),
                match.end(),
                end,
                key="general_public_expenditure",
            )
        _mask(reader, match.start(), end)


# An item's own execution statement, in a paragraph of its own (1.公务接待费预算为1万元,支出决算
# 为0.53万元,完成预算的47%).
_THREE_PUBLIC_ITEM_EXECUTION = re.compile(
    rf"(?P<label>{_THREE_PUBLIC_LABEL.pattern})(?:支出)?(?=(?:年初|全年)?预算数?(?:为|是|:))"
)


def _three_public(reader: _Reader) -> None:
    """The "三公" execution statements: the total, then each item after 其中：, and the items'
    statements of their own."""
    _three_public_total(reader)
    read = {execution.key for execution in reader.three_public}
    for item in _THREE_PUBLIC_ITEM_EXECUTION.finditer(reader.text):
        key = _THREE_PUBLIC_LABELS[item["label"]]
        if key in read or reader.is_masked(item.start()):
            continue
        stop = reader.sentence_end(item.end(), reader.paragraph_end(item.start()))
        reader.three_public.append(
            _statement(reader, FINAL_FACT_LABELS[key], item.start(), item.start(), stop, key=key)
        )
        read.add(key)
        _mask(reader, item.start(), stop)


def _three_public_total(reader: _Reader) -> None:
    text = reader.text
    match = _THREE_PUBLIC_EXECUTION.search(text)
    if match is None or reader.is_masked(match.start()):
        return
    start = match.start()
    paragraph_end = reader.paragraph_end(start)
    comparison = _COMPARISON.search(text, start, reader.section_end(start))
    if comparison is not None:
        end = reader.sentence_end(comparison.end(), len(text))
        compared_from = reader.sentences.span(comparison.start())[0]
    else:
        last = [m.end() for m in _RATE.finditer(text, start, paragraph_end)]
        last += [m.end() for m in _ACTUAL.finditer(text, start, paragraph_end)]
        end = reader.sentence_end(max(last, default=match.end()), paragraph_end)
        compared_from = end
    _mask(reader, start, end)
    split = text.find("其中", start, compared_from)
    total_end = compared_from if split < 0 else split
    # The comparison and its reason belong to the item it names before 决算数, by default the
    # total (2025年度“三公”经费支出决算数小于预算数的主要原因：…).
    compared_key = "three_public_total"
    if comparison is not None:
        named = _THREE_PUBLIC_LABEL.search(text, compared_from, comparison.start())
        if named is not None:
            compared_key = _THREE_PUBLIC_LABELS[named.group()]
    parts: list[tuple[str, int, int]] = [("three_public_total", start, total_end)]
    if split >= 0:
        position = split + 2
        for piece in re.finditer(r"[^;。]+", text[position:compared_from]):
            piece_start = position + piece.start()
            lead = _THREE_PUBLIC_LEAD.match(piece.group())
            if lead is None:
                continue
            parts.append(
                (
                    _THREE_PUBLIC_LABELS[lead["label"]],
                    piece_start + lead.start("label"),
                    position + piece.end(),
                )
            )
    for key, part_start, part_end in parts:
        span = (compared_from, end) if comparison is not None and key == compared_key else None
        execution = _statement(
            reader, FINAL_FACT_LABELS[key], part_start, part_start, part_end, key=key, compared=span
        )
        reader.three_public.append(execution)


def _classes(reader: _Reader) -> None:
    """The structure of 一般公共预算财政拨款支出 by class: 主要用于以下方面：…"""
    text = reader.text
    for match in _CLASS_LIST.finditer(text):
        start = match.end()
        stop = _MAJOR_BREAK.search(text, start)
        end = len(text) if stop is None else stop.start()
        execution = _GENERAL_EXECUTION.search(text, start, end)
        if execution is not None:
            end = execution.start()
        for entry in _CLASS_ENTRY.finditer(text, start, end):
            value = _value(entry["sign"], entry["number"], entry["unit"])
            name = entry["name"] + (entry["tail"] or "")
            if value is None:
                reader.warn(entry.start(), name, f"无法读取金额“{entry.group()}”")
                continue
            share = None if entry["share"] is None else _percent(entry["share"])
            reader.classes.append(
                StatedClass(
                    name,
                    value,
                    share=share,
                    quote=reader.source.original(*reader.groups.span(entry.start())),
                    line=reader.source.line(entry.start()),
                )
            )
        _mask(reader, start, end)


def _evaluations(reader: _Reader) -> None:
    """Performance evaluations: 绩效自评的…项目48个，涉及预算金额…，平均得分…（绩效评级为“优”…）"""
    text = reader.text
    for start, end in reader.groups.spans:
        group = text[start:end]
        rating = _RATING.search(group)
        stop = len(group) if rating is None else rating.start()
        stage = _STAGE.search(group, 0, stop)
        projects = _PROJECTS.search(group, 0, stop)
        amount = _EVALUATED_AMOUNT.search(group, 0, stop)
        if stage is not None and (projects is not None or amount is not None):
            share = _EVALUATED_SHARE.search(group, 0, stop)
            score = _SCORE.search(group, 0, stop)
            reader.evaluations.append(
                StatedEvaluation(
                    stage.group(),
                    projects=None if projects is None else int(projects["a"] or projects["b"]),
                    amount=None
                    if amount is None
                    else _value(amount["sign"], amount["number"], amount["unit"]),
                    share=None if share is None else _percent(share["number"]),
                    score=None if score is None else _percent(score["number"]),
                    quote=reader.source.original(start, end),
                    line=reader.source.line(start),
                )
            )
            _mask(reader, start, end)
        if rating is not None and reader.evaluations:
            last = reader.evaluations[-1]
            found = [(m["grade"], int(m["n"])) for m in _RATING.finditer(group)]
            reader.evaluations[-1] = attrs.evolve(last, ratings=(*last.ratings, *found))
            _mask(reader, start, end)


def _counts(reader: _Reader) -> None:
    """Physical quantities: 团组、人次、保有量、购置数、接待批次、车辆、设备."""
    text = reader.text
    for pattern, names in _COUNTS:
        for match in pattern.finditer(text):
            for group, name in zip(("a", "b"), names, strict=False):
                value = match[group] if group in pattern.groupindex else None
                if value is not None and name not in reader.counts:
                    reader.counts[name] = int(value)
                    reader.quotes.append((name, reader.sentence(match.start())))
    total = _VEHICLES_TOTAL.search(text)
    if total is not None:
        reader.counts["vehicles_total"] = int(total["n"])
        reader.quotes.append(("vehicles_total", reader.sentence(total.start())))
        stop = reader.sentences.span(total.start())[1]
        for kind in _VEHICLE_KIND.finditer(text, total.end(), stop):
            reader.kinds.append((kind["kind"].removeprefix("其中").lstrip(":"), int(kind["n"])))


def _facts(reader: _Reader) -> None:
    """The amounts, their shares and changes, and the reasons, outside the statements read on
    their own."""
    text = reader.text
    subject: dict[int, str] = {}  # the last amount of each paragraph
    parts_of_change: set[int] = set()  # clause groups that state a part of a change
    stated: dict[int, tuple[str, Decimal, int]] = {}  # and its figure and sentence
    last_change: dict[int, str] = {}  # the last change of each paragraph, until an amount
    events: list[tuple[int, str, re.Match[str]]] = []
    for match in _FIGURE.finditer(text):
        if not reader.is_masked(match.start()):
            events.append((match.start(), "figure", match))
    for match in FLAT.finditer(text):
        if not reader.is_masked(match.start()):
            events.append((match.start(), "flat", match))
    for match in _REASON.finditer(text):
        if not reader.is_masked(match.start()):
            events.append((match.start(), "reason", match))
    for position, kind, match in sorted(events, key=lambda event: event[0]):
        paragraph = reader.paragraphs.owner[position]
        group_start = reader.groups.span(position)[0]
        if kind == "reason":
            named = _REASON_LEAD.search(text[group_start:position])
            fields: list[str] = []
            if named is not None:
                field = _CHANGE_FIELD.get(_FACT_OF_LABEL[named["label"]])
                fields = [] if field is None else [field]
            elif paragraph in last_change:
                fields = [last_change[paragraph]]
            stop = reader.sentence_end(match.end(), reader.paragraph_end(match.end()))
            said = reader.source.original(match.end(), stop).strip("。,，;；:： ")
            for field in fields:
                known = reader.changes.get(field)
                if known is not None and known.reason is None and said:
                    reader.changes[field] = attrs.evolve(known, reason=said)
            continue
        if kind == "flat":
            lead = text[group_start : match.end()]
            named_change = _LEADS.change.search(lead)
            compared = named_change or _LEADS.compare.search(lead)
            if compared is None:
                continue
            about = (
                _FACT_OF_LABEL[named_change["label"]]
                if named_change is not None
                else subject.get(paragraph)
            )
            if about is None:
                reader.warn(position, "比上年增减", "比上年增减（持平）无法对应到所说明的金额")
                continue
            field = reader.change(about, Decimal(0), compared["word"], position)
            if field is not None:
                last_change[paragraph] = field
            continue
        lead = text[group_start:position]
        value = _value(match["sign"], match["number"], match["unit"])
        fact = _LEADS.fact.search(lead)
        if fact is not None and names_last_year(lead[: fact.start()], reader.year):
            continue  # last year's figure, named in the comparison
        inverted = fact is not None and _DIRECTION_BEFORE.search(lead[: fact.start()])
        if fact is not None and (inverted or reader.groups.owner[position] in parts_of_change):
            # 减少了“三公”经费342.74万元, 其中公务用车…308.87万元: a part of a change, the one a
            # reason explains, not the year's figure; what it is a part of is not read.
            parts_of_change.add(reader.groups.owner[position])
            name = _FACT_OF_LABEL[fact["label"]]
            reader.warn(
                position,
                FINAL_FACT_LABELS[name],
                f"“{match.group()}”是{FINAL_FACT_LABELS[name]}增减中的一部分，无法对应到所说明的增减",
            )
            continue
        if fact is not None:
            name = _FACT_OF_LABEL[fact["label"]]
            if value is None:
                reader.warn(position, FINAL_FACT_LABELS[name], f"无法读取金额“{match.group()}”")
                continue
            reader.amount(name, value, position)
            subject[paragraph] = name
            stated[paragraph] = (name, value, reader.sentences.owner[position])
            last_change.pop(paragraph, None)
            share = _SHARE_AFTER.match(text, match.end())
            if share is not None:
                reader.share(name, share, position)
            continue
        named_change = _LEADS.change.search(lead)
        compared = named_change or _LEADS.compare.search(lead)
        against = _AGAINST_BUDGET.search(lead)
        if compared is None and against is not None:
            about = _mentioned(lead[: against.start()]) or subject.get(paragraph)
            _against_budget(reader, about, against, match, value, position)
            continue
        if compared is None:
            continue
        # 公务接待费支出决算比预算无增减变化,比去年增加0.5万元: the item named earlier in the
        # clause group, with no figure of its own, is what the comparison is of.
        mentioned = None if named_change is not None else _mentioned(lead[: compared.start()])
        about = (
            _FACT_OF_LABEL[named_change["label"]]
            if named_change is not None
            else mentioned or subject.get(paragraph)
        )
        if about is None:
            reader.warn(
                position, "比上年增减", f"比上年增减（{compared['word']}）无法对应到所说明的金额"
            )
            continue
        if value is None:
            reader.warn(position, "比上年增减", f"无法读取金额“{match.group()}”")
            continue
        signed = _signed(compared["word"], value)
        # The amount its own sentence states for the item, where it states one.
        beside = stated.get(paragraph)
        of = (
            beside[1]
            if beside is not None
            and beside[0] == about
            and beside[2] == reader.sentences.owner[position]
            else None
        )
        field = reader.change(about, signed, compared["word"], position, of)
        if field is None:
            continue
        last_change[paragraph] = field
        percent = _percent_after(text, match.end())
        if percent is not None:
            reader.changes[field] = attrs.evolve(reader.changes[field], percent=percent)


_DIRECTION_WORD = re.compile("|".join(DIRECTION_WORDS) + "|增|减")
_FALLS = frozenset({"减少", "下降", "降低", "减"})


def _signed(word: str, value: Decimal) -> Decimal:
    """A change figure signed by the last direction word of ``word`` (a zero never negative)."""
    words = _DIRECTION_WORD.findall(word)
    signed = -value if words and words[-1] in _FALLS else value
    return abs(signed) if signed == 0 else signed


def _percent_after(text: str, end: int) -> Decimal | None:
    """The signed percentage printed right after a change's figure (…减少4万元,下降2.2%)."""
    percent = _PERCENT_AFTER.match(text, end)
    if percent is None:
        return None
    number = _percent(percent["number"])
    return -number if PERCENT_SIGNS[percent["word"]] < 0 else number


# A change of the year's figure against its budget: 较年初预算数减少4万元,下降2.2% (涪陵焦石镇).
_AGAINST_BUDGET = re.compile(
    rf"(?:比|较|与)(?P<basis>年初|调整后?|全年)?预算数?(?:相比)?,?(?P<word>{_DIRECTION})$"
)


def _against_budget(
    reader: _Reader,
    about: str | None,
    against: re.Match[str],
    figure: re.Match[str],
    value: Decimal | None,
    position: int,
) -> None:
    """Record a change against the budget as the difference of the item's execution statement
    (its "三公" one, or the whole 一般公共预算财政拨款支出's); said where it has none."""
    label = FINAL_FACT_LABELS.get(about or "", "决算与预算比较")
    if value is None:
        reader.warn(position, label, f"无法读取金额“{figure.group()}”")
        return
    if about not in THREE_PUBLIC_KEYS and about != "general_public_expenditure":
        reader.warn(position, label, f"与预算相比的增减（{against['word']}）无法对应到所说明的金额")
        return
    signed = _signed(against["word"], value)
    rate = _percent_after(reader.text, figure.end())
    basis = against["basis"] or "预算"
    statements = reader.three_public if about in THREE_PUBLIC_KEYS else None
    known = (
        next((each for each in statements if each.key == about), None)
        if statements is not None
        else reader.general
    )
    if known is not None:
        if known.difference is None:
            updated = attrs.evolve(
                known, difference=signed, difference_rate=rate, difference_basis=basis
            )
            if statements is None:
                reader.general = updated
            else:
                statements[statements.index(known)] = updated
        return
    made = StatedExecution(
        label,
        key=about,
        amount=reader.amounts.get(about),
        quote=reader.sentence(position),
        line=reader.source.line(position),
        difference=signed,
        difference_rate=rate,
        difference_basis=basis,
    )
    if statements is None:
        reader.general = made
    else:
        statements.append(made)


_MENTION = re.compile(rf"(?P<label>{_LABEL})")
# A direction word right before a label: 减少了“三公”经费342.74万元 states a change.
_DIRECTION_BEFORE = re.compile(rf"(?:{_DIRECTION})$")
_ANY_FIGURE = re.compile(r"\d[\d,.]*(?:亿元|万元|元)")


def _mentioned(words: str) -> str | None:
    """The fact last named in ``words`` with no figure after it, if any."""
    mentions = list(_MENTION.finditer(words))
    if not mentions or _ANY_FIGURE.search(words, mentions[-1].end()):
        return None
    return _FACT_OF_LABEL[mentions[-1]["label"]]


# 分别减少0.18亿元和0.56亿元,下降133.1%和43.7%: changes of the items named just before, in turn.
_AMOUNT = r"\d(?:[\d,.]*\d)?(?:亿元|万元|元)"
_RESPECTIVELY = re.compile(
    rf"分别(?P<word>{_DIRECTION})(?P<amounts>{_AMOUNT}(?:(?:和|、|及){_AMOUNT})+)"
    rf"(?:,(?P<word2>{_DIRECTION})(?P<percents>\d+(?:\.\d+)?%(?:(?:和|、|及)\d+(?:\.\d+)?%)+))?"
)
_AMOUNT_IN = re.compile(rf"{_NUMBER}{_UNIT}")


def _respectively(reader: _Reader) -> None:
    """Changes stated for several items at once (…包括公务用车购置费0.14亿元和公务用车运行费
    1.27亿元,与2015年相比,分别减少0.18亿元和0.56亿元,下降133.1%和43.7%): each amount and
    percentage goes, in turn, to the items its sentence named with a figure before it."""
    text = reader.text
    for match in _RESPECTIVELY.finditer(text):
        if reader.is_masked(match.start()):
            continue
        start = reader.sentences.span(match.start())[0]
        named = [
            (_FACT_OF_LABEL[fact["label"]], _value(fact["sign"], fact["number"], fact["unit"]))
            for fact in re.finditer(
                rf"(?P<label>{_LABEL}){_FILLER}{_NUMBER}{_UNIT}", text[start : match.start()]
            )
        ]
        amounts = list(_AMOUNT_IN.finditer(match["amounts"]))
        if len(named) < len(amounts):
            continue  # what the amounts are of is not named: the changes go unread, reported
        sign = (
            -1
            if DIRECTION_WORDS.get(re.findall("|".join(DIRECTION_WORDS), match["word"])[-1], 1) < 0
            else 1
        )
        percents = re.findall(r"\d+(?:\.\d+)?", match["percents"] or "")
        for index, ((name, of), amount) in enumerate(
            zip(named[-len(amounts) :], amounts, strict=True)
        ):
            value = _value("", amount["number"], amount["unit"])
            if value is None:
                continue
            field = reader.change(name, sign * value, match["word"], match.start(), of)
            if field is not None and index < len(percents):
                reader.changes[field] = attrs.evolve(
                    reader.changes[field], percent=sign * _percent(percents[index])
                )
        _mask(reader, match.start(), match.end())


def _unread_rates(reader: _Reader) -> None:
    for match in _RATE.finditer(reader.text):
        if not reader.is_masked(match.start()):
            reader.warn(match.start(), "完成率", f"完成率“{match.group()}”无法对应到所说明的科目")


def _placeholders(reader: _Reader) -> Iterator[Finding]:
    text, source = reader.text, reader.source
    for pattern in (PLACEHOLDERS, _MORE_PLACEHOLDERS):
        for match in pattern.finditer(text):
            printed = source.original(match.start(), match.end())
            yield TXT_PLACEHOLDER.finding(
                f"情况说明留有未填写的模板占位符“{printed}”：{reader.sentence(match.start())}",
                location=Location(table=EXPLANATION, row=printed, line=source.line(match.start())),
            )
    for match in _BLANK_FIGURE.finditer(text):
        if match.start() > 0 and text[match.start() - 1].isdigit():
            continue
        yield TXT_PLACEHOLDER.finding(
            f"金额未填写：{reader.sentence(match.start())}",
            location=Location(table=EXPLANATION, row="金额", line=source.line(match.start())),
        )


def _year(text: str, default: int | None) -> int | None:
    text = text.replace("\n", "")
    for pattern in (_YEAR, _YEAR_OF_TOTAL):
        match = pattern.search(text)
        if match is not None and 1949 < int(match[1]) < 2200:
            return int(match[1])
    return default


def read_final_facts(narrative: str, *, year: int | None = None) -> FinalFactsReading:
    """Read the figures a final-accounts explanation (决算情况说明) states, with the findings
    on what it could not read.

    ``year`` is used when the text names no year (its title, "2024年度部门决算…", or
    "2024年度收入、支出决算总计…"). Findings locate the line of ``narrative`` (1-based).

    >>> facts, _ = read_final_facts(
    ...     "“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元，完成预算的0%，其中："
    ...     "公务接待费支出决算为0.00万元，完成预算的0%。", year=2024)
    >>> total, reception = facts.three_public_executions
    >>> total.key, total.budgeted, total.actual, total.rate, reception.key, reception.budgeted
    ('three_public_total', Decimal('0.95'), Decimal('0.00'), Decimal('0'), 'reception', None)
    """
    source = _prepared(narrative)
    text = source.text
    stated_year = _year(text, year)
    reader = _Reader(
        source,
        Parts.of(text, frozenset("。!?\n")),
        Parts.of(text, frozenset("。!?;\n")),
        Parts.of(text, frozenset("\n")),
        stated_year,
    )
    if text:
        _items(reader)
        _three_public(reader)
        _classes(reader)
        _evaluations(reader)
        _respectively(reader)
        _facts(reader)
        _counts(reader)
        _unread_rates(reader)
    findings = [*reader.findings, *_placeholders(reader)]
    make: Callable[..., FinalStatedFacts] = FinalStatedFacts
    facts = make(
        year=stated_year,
        general_public_classes=reader.classes,
        general_public_execution=reader.general,
        executions=reader.executions,
        three_public_executions=reader.three_public,
        vehicle_kinds=reader.kinds,
        evaluations=reader.evaluations,
        shares=list(reader.shares.values()),
        restatements=reader.restatements,
        quotes=reader.quotes,
        **reader.amounts,
        **reader.changes,
        **reader.counts,
    )
    ordered = sorted(findings, key=lambda f: (f.location.line or 0, f.rule, f.message))
    return FinalFactsReading(facts, tuple(ordered))
