"""Stated facts from the explanation (情况说明): the figures its standard sentences state.

:func:`read_facts` reads the figures an explanation states into :class:`StatedFacts`: income and
its sources, expenditure with 基本支出 (人员经费, 公用经费) and 项目支出, the change against last
year with its parts, 机关运行经费, the "三公" statement, procurement and fixed assets.

>>> reading = read_facts(
...     "2025年预算收入283.61万元，其中：一般公共预算收入283.61万元。\\n"
...     "2025年预算收支安排283.61万元，较2024年预算增加21.20万元，其中：基本支出减少8.80万元，"
...     "主要为人员调出。"
... )
>>> facts = reading.facts
>>> facts.year, facts.income_total, facts.general_public_budget
(2025, Decimal('283.61'), Decimal('283.61'))
>>> facts.change.amount, facts.change_basic.amount, facts.change_basic.reason
(Decimal('21.20'), Decimal('-8.80'), '人员调出')
>>> facts.quote("income_total")
'2025年预算收入283.61万元，其中：一般公共预算收入283.61万元。'

How a sentence is read. A figure is a number followed by 元, 万元 or 亿元 (a year, a
percentage, a count or a document number such as 唐网办字【2024】2号 never is); figures in 元 or
亿元 are converted exactly to 万元, so their printed precision moves with them. What a figure
stands for is decided by the words just before it:

- a label, maybe followed by 预算/安排/共计/为…: ``公务接待费0.46万元``, ``机关运行经费共计安排11.39万元``;
  the longest label wins, so ``一般公共预算收入`` is never read as ``预算收入``;
- a label and a direction word: ``基本支出减少8.80万元`` is the change of 基本支出;
- a comparison and a direction word: ``比2025年预算减少19.79万元`` is the change of the figure last
  read in the same clause group (up to ；or 。), else of the first figure of the paragraph
  (``公务接待费0.46万元。与2025年预算持平``); ``持平`` is a change of 0.

A percentage after a change (``减少49万元，下降38.28%``) is that change's percentage; a reason
(``主要原因是…``, ``主要为…``) after a change is its reason, up to the end of the clause group or
the next figure's label.

Before matching, every line is normalized (NFKC: full-width digits and punctuation; quotation
marks dropped; spaces between words dropped) and the lines are joined: a line break inside a
sentence (``事业\\n收入0万元``, ``75万\\n元``) disappears, while a break before a heading
(``一、``, ``（二）``, ``3、``) or after a line well short of the text's width ends a paragraph.
Every character keeps the line it came from, so findings give the line of the narrative and
quotes and reasons are printed as the original text. Lines starting with a tab
(the table rows of a text dump) are left out.

What the reader cannot read it reports instead of guessing: an unfilled template placeholder
(TXT-PLACEHOLDER: ``XX局``, ``XXX``, ``××``, ``增长(下降)``, ``(团组名称)``, a figure left blank),
and (READ-FACT) a figure it cannot parse, a change it cannot attach to a figure, and a fact
stated twice with different figures.

>>> reading = read_facts("XX局2025年机关运行经费安排11.39万元，比上年增长(下降)0%。")
>>> reading.facts.agency_running_costs
Decimal('11.39')
>>> [(f.rule, f.location.row, f.location.line) for f in reading.findings]
[('TXT-PLACEHOLDER', 'XX局', 1), ('TXT-PLACEHOLDER', '增长(下降)', 1)]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal

import attrs

from govbudget.amounts import Unit, convert, format_amount, parse_amount
from govbudget.checks import Finding, Location, Severity
from govbudget.checks.reading import READ_FACT, TXT_PLACEHOLDER
from govbudget.disclosure.facts import CHANGE_OF, FACT_LABELS, StatedFacts
from govbudget.disclosure.statements import DIRECTION_WORDS, StatedChange
from govbudget.errors import AmountError
from govbudget.reading.phrasing import (
    EXPLANATION,
    FLAT,
    GROUP_ENDS,
    HEADING,
    PERCENT_SIGNS,
    PLACEHOLDERS,
    SENTENCE_ENDS,
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

__all__ = ["READ_FACT", "TXT_PLACEHOLDER", "FactsReading", "read_facts"]


@attrs.frozen(slots=True)
class FactsReading:
    """What :func:`read_facts` read: the facts, and the findings on what it could not read."""

    facts: StatedFacts
    findings: tuple[Finding, ...] = ()


# -- the vocabulary ----------------------------------------------------------------------------

# The pseudo-fact of the whole budget (预算收支安排283.61万元): not stored, but the subject of
# the change that follows it (比上年增减, the field ``change``).
_BUDGET = "budget"

# The words stating each fact (the terms of its concept in a budget's explanations, in the
# form the text is matched in: ASCII parentheses, no quotation marks).
_LABELS: Mapping[str, tuple[str, ...]] = {
    **{fact: stated_as(concept, "budget") for fact, concept in fact_concepts("budget").items()},
    _BUDGET: stated_as("whole_budget", "budget"),
}

# Reasons given for several changes at once: 财政拨款收入支出减少的主要原因是….
_REASON_LABELS: Mapping[str, tuple[str, ...]] = {
    "财政拨款收入支出": ("fiscal_appropriation_change", "fiscal_expenditure_change"),
}

# The change field of each fact that has one (the budget as a whole: ``change``).
_CHANGE_FIELD: Mapping[str, str] = {
    **{amount: change for change, amount in CHANGE_OF.items() if change != "change"},
    _BUDGET: "change",
}

_FACT_OF_LABEL = {label: fact for fact, labels in _LABELS.items() for label in labels}

# A line break inside one of these is a wrap, however short the line (事业\n收入).
_WORD_CUTS = word_cuts(
    (*_FACT_OF_LABEL, *_REASON_LABELS, *DIRECTION_WORDS, "主要原因", "主要为", "预算")
)


_LABEL = alternatives(_FACT_OF_LABEL)
# 支出 after a label (机关运行经费支出627.04万元) but never 收入支出: 财政拨款收入支出总计 is
# another figure than 财政拨款收入. A parenthesis is an aside (机关运行经费（唐财预〔2025〕12号）
# 安排…, 政府采购金额（以合同签订为准）为…).
_FILLER = (
    r"(?:财政拨款|预算|预安排|(?<!收入)支出|金额|总额|总计|合计|共计|安排|数|为|是|:"
    r"|\([^()\n]*\))*"
)
_DIRECTION = rf"(?:{alternatives(DIRECTION_WORDS)})+了?"
_COMPARE = comparison("预算数?")

# Each is matched against the words before a figure, anchored at the figure.
_LEADS = Leads.of(_LABEL, _FILLER, _DIRECTION, _COMPARE)
# A comparison just before a percentage's direction word (较上年预算 in 较上年预算下降90.54%).
_COMPARED = re.compile(rf"{_COMPARE}$")
# A clause that is a direction word and its amount, nothing more (减少6万元).
_BARE_CHANGE = re.compile(rf"(?P<word>{_DIRECTION})")
# What may stand before a reason that opens its sentence: 下降的主要原因是…
_REASON_OPENING = re.compile(rf"(?:{_DIRECTION})?的?")
_REASON_LEAD = re.compile(
    # …减少的主要原因是…, and …减少的原因主要是… (湛江)
    rf"(?P<label>{alternatives([*_FACT_OF_LABEL, *_REASON_LABELS])})(?:{_DIRECTION})?的(?:原因)?$"
)

# A figure: the number as printed (validated by parse_amount) and its unit; the lookbehinds
# keep a figure whole ("1,234.56" is never read from its "234.56").
_FIGURE = re.compile(
    r"(?<![\d.])(?<!\d,)(?P<sign>[+-]?)(?P<number>\d(?:[\d,.]*\d)?)(?P<unit>亿元|万元|元)"
)
_BLANK_FIGURE = re.compile(r"(?<![\d万亿])(?:亿元|万元|元)")
_BLANK_PERCENT = re.compile(r"(?P<word>占|增长|下降|增加|减少|上升|降低|增幅|降幅)(?:了|为)?%")
_PERCENT = re.compile(
    r"(?P<word>增长|下降|增加|减少|上升|降低|增幅|降幅)(?:了|为)?"
    r"(?P<number>[+-]?\d+(?:\.\d+)?)%"
    # in brackets after the change's amount: 较上年减少1.5万元(42.86%)
    r"|(?<=元)\((?P<bare>\d+(?:\.\d+)?)%\)"
)
_REASON = re.compile(r"主要原因(?:是|为|:)?|原因(?:是|为|:)|主要为|主要是")

_UNITS = {"元": Unit.YUAN, "万元": Unit.WAN_YUAN, "亿元": Unit.YI_YUAN}
_SIGN_WORDS = re.compile("|".join(DIRECTION_WORDS))
_YEAR_OF_TITLE = re.compile(r"(?<!\d)(\d{4})年度?部门(?:预算|决算)")
_YEAR_OF_STATEMENT = re.compile(
    r"(?<!\d)(\d{4})年度?,?[^,;。\n\d]{0,40}?(?:预算收入|收入预算|支出预算|预算收支)"
)

# -- what the sentences say ----------------------------------------------------------------------


@attrs.frozen(slots=True)
class _Figure:
    """A figure of ``key`` (a fact, or the budget as a whole); ``value`` is ``None`` when the
    number cannot be read. ``start`` is where its label begins."""

    position: int
    start: int
    key: str
    value: Decimal | None
    printed: str


@attrs.frozen(slots=True)
class _Change:
    """A change against last year, of ``key`` or, when ``None``, of what the sentence is about.
    ``start`` is where its label or comparison begins. A ``bare`` one is a sentence of a
    direction word and an amount only (…下降42.86%。减少6万元。): the amount of the change the
    sentence before stated."""

    position: int
    start: int
    key: str | None
    value: Decimal | None
    word: str
    printed: str
    bare: bool = False


@attrs.frozen(slots=True)
class _Percent:
    """A percentage of a change; ``signed`` is ``False`` for one printed without a direction
    word (减少1.5万元(42.86%)), which takes the sign of the change's amount."""

    position: int
    value: Decimal
    signed: bool = True
    word: str = ""


@attrs.frozen(slots=True)
class _Reason:
    """A reason marker (主要原因是…); the reason's text starts at ``stop``. ``targets`` are the
    changes a reason names (财政拨款收入支出减少的主要原因是…), else it is the last change's."""

    position: int
    stop: int
    targets: tuple[str, ...]


_Event = _Figure | _Change | _Percent | _Reason


@attrs.frozen(slots=True)
class _Scope:
    """What a clause speaks of: ``earlier``, an earlier year it names as its subject ("2013年
    “三公”经费执行数为71.54亿元" in a 2014 budget: last year's spending, not the budget), and
    ``base``, what its changes are against (预算 or 执行数, "与2013年执行数相比")."""

    earlier: int | None = None
    base: str | None = None


_ANY_COMPARISON = re.compile(_COMPARE)
_NAMED_YEAR = re.compile(r"(\d{4})年")
_EXECUTED = re.compile("执行|决算")
# Clauses: a comma ends one too (a comma inside "1,234.56" cuts a figure, which names no year).
_CLAUSE_ENDS = GROUP_ENDS | {","}


def _scopes(text: str, clauses: Parts, paragraphs: Parts, year: int | None) -> list[_Scope]:
    """Each clause's scope. A clause that names a year before its figure, outside its
    comparisons, sets the subject's year (the budget year, or an earlier one); so do the
    clauses of its sentence before it that state nothing ("2024年，本部门…"). One that names
    none, and the base of changes, carry on from the clause before, within the paragraph."""
    scopes: list[_Scope] = []
    current, paragraph, carried = _Scope(), -1, ""
    for start, stop in clauses.spans:
        if paragraphs.owner[start] != paragraph:
            current, paragraph, carried = _Scope(), paragraphs.owner[start], ""
        clause = text[start:stop]
        figure = _FIGURE.search(clause)
        compared = _ANY_COMPARISON.search(clause)
        subject = _ANY_COMPARISON.sub(
            "", carried + (clause[: figure.start()] if figure else clause)
        )
        # A clause that states something has a subject: a figure, a percentage or 持平
        # ("2016年预算与2015年预算持平"); a reason ("2025年无购置计划") has none.
        states = figure or _PERCENT.search(clause) or FLAT.search(clause)
        stated = states is not None and _REASON.search(clause) is None
        named = [int(found) for found in _NAMED_YEAR.findall(subject)] if stated else []
        opening = states is None and _REASON.search(clause) is None and clause[-1:] == ","
        carried = carried + clause if opening else ""
        earlier = current.earlier
        if named and year is not None and named[-1] <= year:
            earlier = named[-1] if named[-1] < year else None
        base = current.base
        if compared is not None and compared.group():
            base = "执行数" if _EXECUTED.search(compared.group()) else "预算"
        current = _Scope(earlier, base)
        scopes.append(current)
    return scopes


def _value(match: re.Match[str]) -> Decimal | None:
    try:
        value = parse_amount(match["sign"] + match["number"])
    except AmountError:
        return None
    assert value is not None  # a number was matched
    return convert(value, _UNITS[match["unit"]], Unit.WAN_YUAN)


def _signed(word: str, value: Decimal) -> Decimal:
    """A printed change figure signed by the last direction word before it (持平 keeps the
    figure, so that 持平5万元 stays visibly wrong)."""
    signed = -value if DIRECTION_WORDS[_SIGN_WORDS.findall(word)[-1]] < 0 else value
    return abs(signed) if signed == 0 else signed


# A paragraph that is only a label, numbered or not (（一）因公出国（境）经费): the heading of
# the sentences under it, which may state its figures without naming it again.
_HEADING_LABEL = re.compile(rf"^(?:{HEADING.pattern})?(?P<label>{_LABEL})[。:]?$")
# The words before a figure that names nothing: 2022年预算安排0万元 under such a heading.
_BARE = re.compile(rf"^(?:(?P<year>\d{{4}})年度?)?{_FILLER}$")


def _headings(text: str, paragraphs: Parts) -> dict[int, str]:
    """The fact each paragraph stands under: the label of the last heading paragraph before
    it (until the next heading of any kind)."""
    under: dict[int, str] = {}
    current: str | None = None
    for index, (start, stop) in enumerate(paragraphs.spans):
        line = text[start:stop].strip()
        heading = _HEADING_LABEL.match(line)
        if heading is not None:
            current = _FACT_OF_LABEL[heading["label"]]
        elif HEADING.match(line):
            current = None
        elif current is not None:
            under[index] = current
    return under


def _figures(
    text: str, groups: Parts, under: Mapping[int, str], paragraphs: Parts, year: int | None
) -> Iterator[_Event]:
    for match in _FIGURE.finditer(text):
        group_start = groups.span(match.start())[0]
        lead = text[group_start : match.start()]
        value, printed = _value(match), match.group()
        fact = _LEADS.fact.search(lead)
        if fact is not None and names_last_year(lead[: fact.start()], year):
            continue  # last year's figure, named in the comparison
        if fact is not None:
            label = _FACT_OF_LABEL[fact["label"]]
            yield _Figure(match.start(), group_start + fact.start(), label, value, printed)
            continue
        heading = under.get(paragraphs.owner[match.start()])
        bare = _BARE.match(lead)
        # Last year's figure under the heading (2015年预算数15万元) is not the year's.
        if heading is not None and bare and (bare["year"] is None or int(bare["year"]) == year):
            yield _Figure(match.start(), group_start, heading, value, printed)
            continue
        named = _LEADS.change.search(lead)
        found = named or _LEADS.compare.search(lead)
        if found is not None:
            key = None if named is None else _FACT_OF_LABEL[named["label"]]
            signed = None if value is None else _signed(found["word"], value)
            start = group_start + found.start()
            yield _Change(match.start(), start, key, signed, found["word"], printed)
            continue
        bare = _BARE_CHANGE.fullmatch(lead)
        if bare is not None:
            signed = None if value is None else _signed(bare["word"], value)
            yield _Change(match.start(), group_start, None, signed, bare["word"], printed, True)


def _flat(text: str, groups: Parts) -> Iterator[_Event]:
    """持平 with no figure after it: a change of 0."""
    for match in FLAT.finditer(text):
        group_start = groups.span(match.start())[0]
        lead = text[group_start : match.end()]
        named = _LEADS.change.search(lead)
        found = named or _LEADS.compare.search(lead)
        if found is not None:
            key = None if named is None else _FACT_OF_LABEL[named["label"]]
            start = group_start + found.start()
            yield _Change(match.start(), start, key, Decimal(0), found["word"], match.group())


def _percents(text: str) -> Iterator[_Event]:
    for match in _PERCENT.finditer(text):
        if match["bare"] is not None:
            yield _Percent(match.start(), Decimal(match["bare"]), signed=False)
            continue
        value = Decimal(match["number"])
        signed = -value if PERCENT_SIGNS[match["word"]] < 0 else value
        yield _Percent(match.start(), signed, word=match["word"])


def _reasons(text: str, groups: Parts) -> Iterator[_Event]:
    for match in _REASON.finditer(text):
        named = _REASON_LEAD.search(text[groups.span(match.start())[0] : match.start()])
        targets: tuple[str, ...] = ()
        if named is not None:
            label = named["label"]
            if label in _REASON_LABELS:
                targets = _REASON_LABELS[label]
            elif _FACT_OF_LABEL[label] in _CHANGE_FIELD:
                targets = (_CHANGE_FIELD[_FACT_OF_LABEL[label]],)
        yield _Reason(match.start(), match.end(), targets)


def _label_of(key: str) -> str:
    return FACT_LABELS.get(key, "预算收支")


@attrs.define
class _Reader:
    """One reading: the text, what has been read so far, and the findings."""

    source: Source
    sentences: Parts
    amounts: dict[str, Decimal] = attrs.Factory(dict)
    changes: dict[str, StatedChange] = attrs.Factory(dict)
    bases: dict[str, str] = attrs.Factory(dict)  # what each change is against
    quotes: list[tuple[str, str]] = attrs.Factory(list)
    findings: list[Finding] = attrs.Factory(list)
    aside: set[int] = attrs.Factory(set)  # the sentences said to be of another phase

    def set_aside(self, position: int, row: str, why: str) -> None:
        """Say once per sentence that what it states is not of the budget year's budget."""
        sentence = self.sentences.owner[position]
        if sentence not in self.aside:
            self.aside.add(sentence)
            self.findings.append(
                unread_fact(self.source, self.sentences, position, row, why, Severity.INFO)
            )

    def sentence(self, position: int) -> str:
        """The sentence at ``position``, as printed."""
        return self.source.original(*self.sentences.span(position))

    def warn(self, position: int, row: str, message: str) -> None:
        self.findings.append(unread_fact(self.source, self.sentences, position, row, message))

    def figure(self, event: _Figure) -> None:
        if event.value is None:
            self.warn(event.position, _label_of(event.key), f"无法读取金额“{event.printed}”")
            return
        if event.key == _BUDGET:
            return
        known = self.amounts.get(event.key)
        if known is None:
            self.amounts[event.key] = event.value
            self.quotes.append((event.key, self.sentence(event.position)))
        elif known != event.value:
            self.conflict(event.position, event.key, known, event.value)

    def change(self, event: _Change, key: str | None, base: str | None) -> str | None:
        """Record a change of ``key`` against ``base``; the field it went to, if it was
        recorded. A change of a field already stated against another base (与上年预算相比, then
        与上年执行数相比) is another comparison, not a second figure of the same."""
        field = None if key is None else _CHANGE_FIELD.get(key)
        if field is None:
            row = "比上年增减" if key is None else _label_of(key)
            about = "所说明的金额" if key is None else f"“{row}”"
            self.warn(event.position, row, f"比上年增减（{event.word}）无法对应到{about}")
            return None
        if event.value is None:
            self.warn(event.position, FACT_LABELS[field], f"无法读取金额“{event.printed}”")
            return None
        known = self.changes.get(field)
        against = self.bases.get(field)
        if known is not None and base is not None and against is not None and base != against:
            self.set_aside(
                event.position,
                FACT_LABELS[field],
                f"与上年{base}相比的增减未读入：已按与上年{against}相比读入",
            )
            return None
        if known is None:
            self.changes[field] = StatedChange(event.value, word=event.word)
            self.quotes.append((field, self.sentence(event.position)))
            if base is not None:
                self.bases[field] = base
            return field
        if known.amount is None:
            # 下降40%,减少6万元: the amount of the change its percentage began.
            self.changes[field] = attrs.evolve(known, amount=event.value, word=event.word)
            return field
        if known.amount != event.value:
            self.conflict(event.position, field, known.amount, event.value)
        return None

    def percent_alone(
        self, event: _Percent, word: str, key: str | None, base: str | None
    ) -> str | None:
        """Record a change of ``key`` stated as a percentage alone (较上年预算下降90.54%)."""
        field = None if key is None else _CHANGE_FIELD.get(key)
        if field is None or field in self.changes:
            return None
        self.changes[field] = StatedChange(None, percent=event.value, word=word)
        self.quotes.append((field, self.sentence(event.position)))
        if base is not None:
            self.bases[field] = base
        return field

    def conflict(self, position: int, field: str, known: Decimal, value: Decimal) -> None:
        label = FACT_LABELS[field]
        self.warn(
            position,
            label,
            f"{label}前文为 {format_amount(known)}万元，此处为 {format_amount(value)}万元，以前文为准",
        )

    def percent(self, field: str, event: _Percent) -> None:
        known = self.changes[field]
        falls = known.amount is not None and known.amount < 0
        value = -event.value if not event.signed and falls else event.value
        if known.percent is None:
            self.changes[field] = attrs.evolve(known, percent=value)

    def reason(self, fields: Iterable[str], text: str, base: str | None) -> None:
        for field in fields:
            known = self.changes.get(field)
            against = self.bases.get(field)
            if base is not None and against is not None and base != against:
                continue  # the reason of the other comparison
            if known is not None and known.reason is None and text:
                self.changes[field] = attrs.evolve(known, reason=text)


def _read(source: Source, year: int | None) -> _Reader:
    text = source.text
    paragraphs = Parts.of(text, frozenset("\n"))
    groups = Parts.of(text, GROUP_ENDS)
    reader = _Reader(source, Parts.of(text, SENTENCE_ENDS))
    clauses = Parts.of(text, _CLAUSE_ENDS)
    scopes = _scopes(text, clauses, paragraphs, year)
    under = _headings(text, paragraphs)
    events = sorted(
        [
            *_figures(text, groups, under, paragraphs, year),
            *_flat(text, groups),
            *_percents(text),
            *_reasons(text, groups),
        ],
        key=lambda event: event.position,
    )
    subject: dict[int, str] = {}  # the first figure of each paragraph
    last_figure: dict[int, str] = {}  # the last figure of each clause group
    last_change: dict[int, str] = {}  # the last change of each group, until a figure follows
    pending: dict[int, _Percent] = {}  # a percentage stated before its group's change
    # The last change: its group, its field and the fact it is the change of.
    previous: tuple[int, str, str | None] | None = None
    for index, event in enumerate(events):
        group = groups.owner[event.position]
        scope = scopes[clauses.owner[event.position]]
        if scope.earlier is not None:
            # An earlier year's figures are said to be left out; a reason of theirs goes too.
            if not isinstance(event, _Reason):
                reader.set_aside(
                    event.position, "上年数", f"所述为 {scope.earlier} 年的数字，不作为本年预算读入"
                )
            continue
        if isinstance(event, _Figure):
            reader.figure(event)
            subject.setdefault(paragraphs.owner[event.position], event.key)
            last_figure[group] = event.key
            last_change.pop(group, None)
        elif isinstance(event, _Change):
            about = last_figure.get(group) or subject.get(paragraphs.owner[event.position])
            if event.bare:
                about = previous[2] if previous is not None and previous[0] == group - 1 else None
            field = reader.change(event, event.key or about, scope.base)
            if field is not None:
                last_change[group] = field
                previous = (group, field, event.key or about)
                if group in pending:
                    reader.percent(field, pending.pop(group))
        elif isinstance(event, _Percent):
            if group in last_change:
                reader.percent(last_change[group], event)
            elif event.signed and _COMPARED.search(text[groups.spans[group][0] : event.position]):
                # 较上年预算下降90.54%: a change stated as a percentage, its amount maybe after
                # it (…下降40%,减少6万元), which then completes it.
                about = last_figure.get(group) or subject.get(paragraphs.owner[event.position])
                field = reader.percent_alone(event, event.word, about, scope.base)
                if field is not None:
                    last_change[group] = field
                    previous = (group, field, about)
            elif event.signed:
                pending[group] = event
        else:
            # A reason runs to the end of its group, or to the label of the next figure
            # (…导致基本支出减少项目支出增加30.00万元 has no comma before 项目支出).
            stop = groups.spans[group][1]
            for later in events[index + 1 :]:
                if groups.owner[later.position] != group:
                    break
                if isinstance(later, (_Figure, _Change)) and later.start >= event.stop:
                    stop = later.start
                    break
            said = source.original(event.stop, stop).strip(",，。;；:： ")
            if event.targets:
                reader.reason(event.targets, said, scope.base)
            elif group in last_change:
                reader.reason([last_change[group]], said, scope.base)
            elif (
                previous is not None
                and previous[0] == group - 1
                and _REASON_OPENING.fullmatch(text[groups.spans[group][0] : event.position])
            ):
                # A sentence of its own that gives the reason (…下降30%。主要原因是…) gives
                # the reason of the change the sentence before ended with.
                reader.reason([previous[1]], said, scope.base)
    return reader


def _placeholders(source: Source, reader: _Reader) -> Iterator[Finding]:
    text = source.text
    groups = Parts.of(text, GROUP_ENDS)
    for match in PLACEHOLDERS.finditer(text):
        printed = source.original(match.start(), match.end())
        yield TXT_PLACEHOLDER.finding(
            f"情况说明留有未填写的模板占位符“{printed}”：{reader.sentence(match.start())}",
            location=Location(table=EXPLANATION, row=printed, line=source.line(match.start())),
        )
    for match in _BLANK_FIGURE.finditer(text):
        lead = text[groups.span(match.start())[0] : match.start()]
        label = _LEADS.fact.search(lead)
        changed = _LEADS.change.search(lead) or _LEADS.compare.search(lead)
        if label is not None:
            row = _label_of(_FACT_OF_LABEL[label["label"]])
            blank = f"{row}的金额"
        elif changed is not None:
            # 比上年减少 万元: the amount of a change left blank.
            row, blank = "比上年增减", f"比上年{changed['word']}的金额"
        else:
            continue
        yield TXT_PLACEHOLDER.finding(
            f"{blank}未填写：{reader.sentence(match.start())}",
            location=Location(table=EXPLANATION, row=row, line=source.line(match.start())),
        )
    for match in _BLANK_PERCENT.finditer(text):
        # 占 %, 下降 %: a percentage left blank.
        row = "占比" if match["word"] == "占" else "比上年增减"
        yield TXT_PLACEHOLDER.finding(
            f"{row}的百分比未填写（“{match['word']} %”）：{reader.sentence(match.start())}",
            location=Location(table=EXPLANATION, row=row, line=source.line(match.start())),
        )


def _year(text: str, default: int | None) -> int | None:
    # A title may be wrapped after its heading (第三部分 …2025 年度\n部门决算情况说明).
    text = text.replace("\n", "")
    for pattern in (_YEAR_OF_TITLE, _YEAR_OF_STATEMENT):
        match = pattern.search(text)
        if match is not None and 1949 < int(match[1]) < 2200:
            return int(match[1])
    return default


def read_facts(narrative: str, *, year: int | None = None) -> FactsReading:
    """Read the figures an explanation (情况说明) states, with the findings on what it could not.

    ``year`` is used when the text names no budget year (its title, "2025年部门预算…", or the
    year that opens its income or expenditure statement, "2025年预算收入…"). Findings locate
    the line of ``narrative`` (1-based) in :class:`~govbudget.findings.Location` ``line``.

    Figures in 元 are converted exactly, keeping their precision:

    >>> read_facts("收入预算47,483,458元。").facts.income_total
    Decimal('4748.3458')
    >>> read_facts("机关运行经费预算为507.25万元。", year=2026).facts.year
    2026
    """
    source = as_matched(narrative, _WORD_CUTS)
    stated_year = _year(source.text, year)
    reader = _read(source, stated_year)
    findings = [*reader.findings, *_placeholders(source, reader)]
    # The facts are named by their field names; StatedFacts converts and checks each value.
    make: Callable[..., StatedFacts] = StatedFacts
    facts = make(year=stated_year, quotes=reader.quotes, **reader.amounts, **reader.changes)
    return FactsReading(
        facts, tuple(sorted(findings, key=lambda f: (f.location.line or 0, f.rule)))
    )
