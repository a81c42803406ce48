"""Within-table rules for the nine standard tables, generated from their declarations.

Each table's ``SPEC`` says which formulas hold between its columns and rows; this module turns
every declared formula into findings, with the rounding model of :func:`govbudget.agree`. For
each table ``Tn`` the rules are:

- ``Tn-COLUMNS``: in every row, each column formula (合计 = 基本支出 + 项目支出 …);
- ``Tn-TOTAL``: each declared row formula (合计 = Σ 类, 收入总计 = 本年收入合计 + 上年结转结余 …);
- ``Tn-SUM-ROWS``: each printed 类/款 row equals the sum of its printed children, per column;
- ``Tn-BALANCE`` and the other identities between the two sides of a summary table;
- ``Tn-DUPLICATE``, ``Tn-HIERARCHY``, ``Tn-DETAIL``: rows printed twice, codes out of their
  tree or out of order, detail that stops above 项 (functional) or 款 (economic);
- ``Tn-CODE-NAME`` and ``Tn-CODE-UNKNOWN``: codes against the year's catalogue and, where it
  lacks them, the codes observed in real documents
  (:func:`~govbudget.classification.known_subject`).

A table without the corresponding declaration gets no such rule (the 三公 table has no codes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from functools import partial
from operator import itemgetter

from govbudget.amounts import (
    Agreement,
    Figure,
    Interval,
    disagreement,
    disagreements,
    exact_sum,
    format_amount,
)
from govbudget.checks.registry import Rule, rule
from govbudget.classification import (
    OBSERVED_NOTE,
    Catalogue,
    KnownSubject,
    Level,
    Scheme,
    economic_classification,
    functional_classification,
    known_subject,
    observed_classification,
)
from govbudget.errors import UnknownEditionError
from govbudget.findings import Finding, Location, Severity
from govbudget.tables import (
    DETAIL,
    Block,
    BlockSpec,
    Cell,
    Change,
    Detail,
    Identity,
    Row,
    Table,
    strip_ordinal,
)
from govbudget.tables.cells import figures_at, top_level_rows

__all__ = ["table_rules"]


def _pairs(table: Table) -> Iterator[tuple[BlockSpec, Block]]:
    return zip(table.SPEC.blocks, table.blocks(), strict=True)


def _row_name(spec: BlockSpec, row: Row) -> str:
    side = f"{spec.label}方" if spec.label else ""
    if row.code is not None:
        return f"{side}{row.code}“{row.label}”"
    return f"{side}“{row.label}”"


def _location(table: Table, spec: BlockSpec, row: Row | None, column: str | None) -> Location:
    label = None
    if row is not None:
        label = row.code or row.label
        if spec.label:
            label = f"{spec.label}·{label}"
    header = None if column is None else spec.header_of(column)
    return Location(table=table.title, row=label, column=header)


def _figures(agreement: Agreement) -> str:
    return (
        f"印 {format_amount(agreement.actual)}，应为 {format_amount(agreement.expected)}，"
        f"差额 {format_amount(agreement.difference)}，超出舍入容差 "
        f"{format_amount(agreement.tolerance)}"
    )


def _picker(indices: Sequence[int]) -> Callable[[tuple[Figure, ...]], tuple[Figure, ...]]:
    """The figures at ``indices`` of a row's values, as a tuple, picked in one C call."""
    if len(indices) == 1:
        return itemgetter(slice(indices[0], indices[0] + 1))
    return itemgetter(*indices)


def _columns(rule: Rule, table: Table) -> Iterator[Finding]:
    for spec, block in _pairs(table):
        present = set(block.columns)
        checks = []
        for formula in spec.column_formulas:
            if formula.total not in present:
                continue
            parts = spec.expand_columns(formula.parts, present)
            if parts:
                pick = _picker([block.columns.index(p) for p in parts])
                checks.append((formula, block.columns.index(formula.total), pick, parts))
        if not checks:
            continue
        comparisons = (
            ((row, formula, parts), row.values[total], pick(row.values))
            for row in block.rows
            for formula, total, pick, parts in checks
        )
        for (row, formula, parts), result in disagreements(
            comparisons, to_the_cent=block.to_the_cent
        ):
            equation = " + ".join(spec.header_of(p) for p in parts)
            yield rule.finding(
                f"{_row_name(spec, row)}：{spec.header_of(formula.total)} ≠ "
                f"{equation}（{_figures(result)}）",
                location=_location(table, spec, row, formula.total),
                agreement=result,
            )


def _ancestors(code: str) -> tuple[str, ...]:
    return tuple(code[:length] for length in (3, 5) if length < len(code))


def _total(rule: Rule, table: Table) -> Iterator[Finding]:
    for spec, block in _pairs(table):
        printed = {row.key for row in block.rows}
        positions = {id(row): index for index, row in enumerate(block.rows)}
        summed = spec.summed(block.columns)
        # A subtotal left blank while its parts are printed (公务用车购置及运行维护 | 小计 empty):
        # reported once, and its parts stand for it in the totals above it.
        blank: dict[tuple[str, str], list[Figure]] = {}
        for formula in spec.row_formulas:
            total_row = block.row(formula.total)
            if total_row is None:
                continue
            rows = _formula_rows(spec, block, formula.parts, printed)
            for index, column in enumerate(block.columns):
                parts = [row.values[index] for row in rows if row.values[index] is not None]
                if column in summed and total_row.values[index] is None and any(parts):
                    blank[(formula.total, column)] = parts
                    yield rule.finding(
                        f"{_row_name(spec, total_row)}的“{spec.header_of(column)}”未填，"
                        f"而其各项共 {format_amount(exact_sum(parts))}（{spec.describe(formula)}）",
                        location=_location(table, spec, total_row, column),
                        expected=exact_sum(parts),
                    )
        for formula in spec.row_formulas:
            total_row = block.row(formula.total)
            if total_row is None:
                continue
            rows = _formula_rows(spec, block, formula.parts, printed)
            if not rows:
                continue
            total = positions[id(total_row)]
            pick = _picker([positions[id(row)] for row in rows])
            comparisons = (
                (column, figures[total], _filled_in(pick(figures), rows, column, blank))
                for column, figures in zip(block.columns, block.by_column, strict=True)
                if column in summed and (formula.total, column) not in blank
            )
            for column, result in disagreements(comparisons, to_the_cent=block.to_the_cent):
                names = " + ".join(spec.name_of(part) for part in formula.parts)
                yield rule.finding(
                    f"{_row_name(spec, total_row)}的“{spec.header_of(column)}” ≠ "
                    f"{names}（{_figures(result)}）",
                    location=_location(table, spec, total_row, column),
                    agreement=result,
                )


def _formula_rows(
    spec: BlockSpec, block: Block, parts: tuple[str, ...], printed: set[str]
) -> list[Row]:
    """The printed rows that stand for a row formula's parts."""
    rows: list[Row] = []
    for part in spec.expand_rows(parts, printed):
        if part == DETAIL:
            rows.extend(top_level_rows(spec, block))
        else:
            found = block.row(part)
            if found is not None:
                rows.append(found)
    return rows


def _filled_in(
    figures: tuple[Figure, ...],
    rows: list[Row],
    column: str,
    blank: dict[tuple[str, str], list[Figure]],
) -> tuple[Figure, ...]:
    """The parts' figures, a blank subtotal replaced by its own parts."""
    if not blank:
        return figures
    filled: list[Figure] = []
    for row, figure in zip(rows, figures, strict=True):
        filled.extend(blank.get((row.key, column), (figure,)))
    return tuple(filled)


def _sum_rows(rule: Rule, table: Table) -> Iterator[Finding]:
    for spec, block in _pairs(table):
        children: dict[str, list[int]] = {}
        for index, row in enumerate(block.rows):
            if row.code is not None and len(row.code) > 3:
                children.setdefault(row.code[:-2], []).append(index)
        if not children:
            continue
        families = [
            (parent, index, kids, _picker(kids))
            for index, parent in enumerate(block.rows)
            if parent.code is not None and (kids := children.get(parent.key))
        ]
        comparisons = (
            ((parent, kids, column), figures[index], pick(figures))
            for parent, index, kids, pick in families
            for column, figures in zip(block.columns, block.by_column, strict=True)
        )
        for (parent, kids, column), result in disagreements(
            comparisons, to_the_cent=block.to_the_cent
        ):
            level = "款" if len(block.rows[kids[0]].key) == 5 else "项"
            yield rule.finding(
                f"{_row_name(spec, parent)}的“{spec.header_of(column)}”≠ 其下各{level}之和"
                f"（{_figures(result)}）",
                location=_location(table, spec, parent, column),
                agreement=result,
            )


def _changes(table: Table) -> Iterator[tuple[BlockSpec, Row, Change, dict[str, Figure]]]:
    """Each row of a block that prints a change against last year, with the figures of the
    change's columns it prints (the first printed of the columns for last year as "previous")."""
    for spec, block in _pairs(table):
        for change in spec.changes:
            previous = next((key for key in change.previous if key in block.columns), None)
            if previous is None or change.current not in block.columns:
                continue
            wanted = {"current": change.current, "previous": previous}
            for name, key in (("change", change.change), ("rate", change.rate)):
                if key is not None and key in block.columns:
                    wanted[name] = key
            counts = {r.key for r in spec.rows if r.count}
            for row in block.rows:
                if row.key in counts:
                    continue
                figures = {
                    name: row.values[block.columns.index(key)] for name, key in wanted.items()
                }
                yield spec, row, change, figures


def _signed(figure: Figure, sign: int) -> Figure:
    return None if figure is None else figure * sign


def _change_amounts(rule: Rule, table: Table) -> Iterator[Finding]:
    for spec, row, change, figures in _changes(table):
        current, previous, printed = (figures.get(n) for n in ("current", "previous", "change"))
        if printed is None or current is None or previous is None or change.change is None:
            continue
        result = disagreement([_signed(printed, change.sign)], [current, _signed(previous, -1)])
        if result is not None:
            yield rule.finding(
                f"{_row_name(spec, row)}：{spec.header_of(change.change)} ≠ "
                f"{spec.header_of(change.current)} − 上年（{_figures(result)}）",
                location=_location(table, spec, row, change.change),
                agreement=result,
            )


def _change_rates(rule: Rule, table: Table) -> Iterator[Finding]:
    for spec, row, change, figures in _changes(table):
        current, previous, printed, rate = (
            figures.get(n) for n in ("current", "previous", "change", "rate")
        )
        if rate is None or previous is None or change.rate is None:
            continue
        # The change as this year less last year, and the printed rate of it likewise. Without
        # a printed change the rate is this year over last less 100%, last year's figure taken
        # once: (37 − 73) ÷ 73 can only be −50.34% to −48.28% with both rounded to the 万元.
        whole = Interval.of(previous)
        if printed is not None:
            expected = Interval.of(printed * change.sign).percent_of(whole)
        elif current is not None:
            ratio = Interval.of(current).percent_of(whole)
            expected = None if ratio is None else ratio - Interval.exact(Decimal(100))
        else:
            continue
        if expected is None or expected.meets(Interval.of(rate * change.sign)):
            continue
        bounds = sorted((expected.low * change.sign, expected.high * change.sign))
        yield rule.finding(
            f"{_row_name(spec, row)}：{spec.header_of(change.rate)}印 {format_amount(rate)}%，"
            f"按所印金额应在 {_percent(bounds[0])}% 与 {_percent(bounds[1])}% 之间",
            location=_location(table, spec, row, change.rate),
            expected=round(expected.midpoint * change.sign, 2),
            actual=rate,
        )


def _percent(value: Decimal) -> str:
    return format_amount(round(value, 2))


def _printed(table: Table, cell: Cell) -> bool:
    block = table.block(cell.block)
    return cell.column in block.columns and block.row(cell.row) is not None


def _identity(identity: Identity, rule: Rule, table: Table) -> Iterator[Finding]:
    left: list[Figure] = []
    right: list[Figure] = []
    left_seen = right_seen = False
    for cell in identity.left:
        figures, seen = figures_at(table, cell)
        left.extend(figures)
        left_seen = left_seen or seen
    for cell in identity.right:
        figures, seen = figures_at(table, cell)
        right.extend(figures)
        right_seen = right_seen or seen
    # Sums stand for totals left unprinted, but an identity none of whose own cells is printed
    # is not one the document states (a table cut off before its totals).
    if not (left_seen and right_seen) or not any(
        _printed(table, cell) for cell in (*identity.left, *identity.right)
    ):
        return
    result = disagreement(left, right)
    if result is not None:
        first = identity.left[0]
        spec = table.SPEC.block(first.block)
        yield rule.finding(
            f"{identity.description.rstrip('。')}不成立（{_figures(result)}）",
            location=_location(table, spec, table.block(first.block).row(first.row), first.column),
            agreement=result,
        )


def _duplicate(rule: Rule, table: Table) -> Iterator[Finding]:
    for spec, block in _pairs(table):
        seen: set[str] = set()
        for row in block.rows:
            if row.key in seen:
                yield rule.finding(
                    f"{_row_name(spec, row)}重复列示", location=_location(table, spec, row, None)
                )
            seen.add(row.key)


def _hierarchy(rule: Rule, table: Table) -> Iterator[Finding]:
    for spec, block in _pairs(table):
        if spec.detail is not Detail.SUBJECTS:
            continue
        coded = [row for row in block.rows if row.code is not None]
        printed = {row.key for row in coded}
        previous: Row | None = None
        for row in coded:
            key = row.key
            # Is the 类 or 款 above the code not printed? Asked without building the codes
            # (_ancestors), as nearly all are printed.
            if (len(key) > 3 and key[:3] not in printed) or (
                len(key) > 5 and key[:5] not in printed
            ):
                missing = [a for a in _ancestors(key) if a not in printed]
                yield rule.finding(
                    f"{_row_name(spec, row)}的上级科目 {'、'.join(missing)} 未列示",
                    location=_location(table, spec, row, None),
                )
            if previous is not None and row.key < previous.key:
                yield rule.finding(
                    f"{_row_name(spec, row)}排在 {previous.key} 之后，科目顺序错乱"
                    "（下级科目应紧随其上级科目）",
                    location=_location(table, spec, row, None),
                )
            previous = row


def _detail(rule: Rule, table: Table) -> Iterator[Finding]:
    for spec, block in _pairs(table):
        if spec.detail is not Detail.SUBJECTS or spec.scheme is None:
            continue
        deepest = spec.scheme.deepest
        parents = {row.code[:-2] for row in block.rows if row.code and len(row.code) > 3}
        for row in block.rows:
            if row.code is None or Level.of_code(row.code) >= deepest or row.key in parents:
                continue
            yield rule.finding(
                f"{_row_name(spec, row)}未细化到{deepest.label}级科目"
                f"（{spec.scheme.label}应公开到{deepest.label}级）",
                location=_location(table, spec, row, None),
            )


def _catalogue(scheme: Scheme, year: int | None) -> Catalogue | None:
    """The year's catalogue of a scheme, or ``None`` when no edition serves the year (or the
    year is unknown: names change between editions, so no edition is the safe guess)."""
    if year is None:
        return None
    key = (scheme, year)
    if key not in _CATALOGUES:
        # Looked up once per scheme and year: the shipped editions do not change while
        # govbudget runs, and a year without one would otherwise raise for every table.
        try:
            if scheme is Scheme.FUNCTIONAL:
                _CATALOGUES[key] = functional_classification(year)
            else:
                scope = scheme.value.removeprefix("economic_")
                _CATALOGUES[key] = economic_classification(year, scope=scope)
        except UnknownEditionError:
            _CATALOGUES[key] = None
    return _CATALOGUES[key]


_CATALOGUES: dict[tuple[Scheme, int], Catalogue | None] = {}


def _coded_rows(table: Table) -> list[tuple[BlockSpec, Row, Catalogue | None]]:
    found = []
    for spec, block in _pairs(table):
        if spec.detail is Detail.NONE or spec.scheme is None:
            continue
        catalogue = _catalogue(spec.scheme, table.header.year)
        fixed = {r.key for r in spec.rows}
        found += [(spec, row, catalogue) for row in block.rows if row.key not in fixed]
    return found


def _misnamed(rule: Rule, code: str, printed: str, known: KnownSubject) -> tuple[str, Severity]:
    """What a CODE-NAME finding says, and how sure it is: a name that contradicts an edition is
    an error, one that contradicts only what documents print is a warning."""
    name, seen = known.subject.name, known.observation
    if known.official or seen is None:
        said = f"{known.edition}年版{known.scheme.label}中为“{name}”"
        severity = rule.severity
    else:
        said = f"该科目{seen.describe()}，名为“{name}”（{OBSERVED_NOTE}）"
        severity = Severity.WARNING
    message = f"科目 {code} 印作“{printed}”，{said}"
    observation = observed_classification(known.scheme).get(code)
    former = None if observation is None else observation.named(printed)
    if former is not None and former.years:
        # A name of another time (20805 行政事业单位离退休, renamed): say when it was used.
        message += f"；实际公开文件中 {former.years}用“{former.name}”（{OBSERVED_NOTE}）"
    return message, severity


def _code_name(rule: Rule, table: Table) -> Iterator[Finding]:
    year = table.header.year
    for spec, row, catalogue in _coded_rows(table):
        if catalogue is None or row.code is None or year is None:
            continue
        known = known_subject(catalogue.scheme, row.code, year)
        if known is None:
            continue
        printed = strip_ordinal(row.label) if spec.detail is Detail.CLASSES else row.label
        # Most names are printed as the catalogue spells them, equal before any normalising.
        if printed == known.subject.name or known.accepts(printed):
            continue
        message, severity = _misnamed(rule, row.code, printed, known)
        yield rule.finding(message, location=_location(table, spec, row, None), severity=severity)


def _code_unknown(rule: Rule, table: Table) -> Iterator[Finding]:
    year = table.header.year
    unchecked: set[str] = set()
    for spec, row, catalogue in _coded_rows(table):
        if catalogue is None:
            if spec.key not in unchecked:
                unchecked.add(spec.key)
                label = spec.scheme.label if spec.scheme else ""
                yield rule.finding(
                    f"预算年度未知，未按{label}核对科目编码与名称"
                    if year is None
                    else f"没有 {year} 年度的{label}目录，未核对科目编码与名称",
                    location=_location(table, spec, None, None),
                    # A limit of the catalogues shipped, not a fault of the document.
                    severity=Severity.INFO,
                )
        elif row.code is None:
            if any(value is not None and value != 0 for value in row.values):
                yield rule.finding(
                    f"{_row_name(spec, row)}列有金额，但科目目录中没有这一类",
                    location=_location(table, spec, row, None),
                )
        elif year is not None and known_subject(catalogue.scheme, row.code, year) is None:
            partial = "（随包目录不完整，请对照官方目录核实）" if catalogue.partial else ""
            observation = observed_classification(catalogue.scheme).get(row.code)
            seen = (
                ""
                if observation is None
                else f"；该编码在实际公开文件中只见于其他年度（{observation.years}，"
                f"{observation.documents} 份文件，名为“{observation.subject.name}”；{OBSERVED_NOTE}）"
            )
            yield rule.finding(
                f"科目编码 {row.code}“{row.label}”不在 {catalogue.edition} 年版"
                f"{catalogue.scheme.label}中{partial}{seen}",
                location=_location(table, spec, row, None),
            )


def table_rules(kind: type[Table]) -> tuple[Rule, ...]:
    """The within-table rules of one table class, made from its declaration (``SPEC``), in
    catalogue order.

    >>> from govbudget.tables import ThreePublicExpensesTable
    >>> [r.id for r in table_rules(ThreePublicExpensesTable)]
    ['T9-COLUMNS', 'T9-TOTAL', 'T9-CHANGE', 'T9-CHANGE-RATE', 'T9-DUPLICATE']
    """
    spec = kind.SPEC
    prefix = spec.rule_prefix
    blocks = spec.blocks
    made: list[Rule] = []

    def formulas(pick: Iterable[str]) -> str:
        return "；".join(pick)

    def add(
        suffix: str, title: str, description: str, function: Callable[..., Iterator[Finding]]
    ) -> None:
        severity = Severity.WARNING if suffix == "CODE-UNKNOWN" else Severity.ERROR
        made.append(
            rule(
                f"{prefix}-{suffix}",
                title,
                severity,
                applies_to=kind,
                description=f"{spec.title}{description}",
            )(function)
        )

    column_formulas = [b.describe(f) for b in blocks for f in b.column_formulas]
    if column_formulas:
        add(
            "COLUMNS",
            "Each row's columns add up",
            f"每一行：{formulas(column_formulas)}。",
            _columns,
        )
    row_formulas = [b.describe(f) for b in blocks for f in b.row_formulas]
    if row_formulas:
        add(
            "TOTAL",
            "Total rows equal the sum of the rows they total",
            f"每一栏：{formulas(row_formulas)}。",
            _total,
        )
    subjects = any(b.detail is Detail.SUBJECTS for b in blocks)
    if subjects:
        add(
            "SUM-ROWS",
            "Each parent row equals the sum of its child rows",
            "每一栏：每个类（款）科目行 = 其下各款（项）科目行之和。",
            _sum_rows,
        )
    if any(b.changes for b in blocks):
        add(
            "CHANGE",
            "Each change against last year is this year less last year",
            "中增减金额 = 本年数 − 上年数（减少额 = 上年数 − 本年数），按舍入区间比较。",
            _change_amounts,
        )
        add(
            "CHANGE-RATE",
            "Each change in percent is the change over last year",
            "中增减幅度 = 增减金额 ÷ 上年数 × 100%；所印百分比与所印金额各代表一个区间，区间相交即相符。",
            _change_rates,
        )
    for identity in spec.identities:
        add(
            identity.suffix,
            identity.title,
            f"：{identity.description}",
            partial(_identity, identity),
        )
    add("DUPLICATE", "No row is printed twice", "中同一科目或同一项目只列示一次。", _duplicate)
    if subjects:
        add(
            "HIERARCHY",
            "Codes form a well-ordered tree",
            "中每个款、项科目的上级科目均已列示，且按科目编码顺序排列。",
            _hierarchy,
        )
        scheme = next(b.scheme for b in blocks if b.detail is Detail.SUBJECTS)
        level = scheme.deepest.label if scheme else "项"
        add(
            "DETAIL",
            "Detail reaches the level disclosure rules require",
            f"的科目细化到{level}级（功能分类到项，经济分类到款）。",
            _detail,
        )
    if any(b.detail is not Detail.NONE for b in blocks):
        add(
            "CODE-NAME",
            "Printed subject names match the catalogue",
            "中科目名称与该年度科目目录一致（实际公开文件在该年度用过的名称也算一致）；"
            "目录未收、仅据实际公开文件观察到的科目，名称不符为警告。",
            _code_name,
        )
        add(
            "CODE-UNKNOWN",
            "Subject codes are known to the catalogue",
            "中的科目编码见于该年度科目目录或该年度的实际公开文件（随包目录不完整，故为警告）。",
            _code_unknown,
        )
    return tuple(made)
