"""Findings and reports: what a check says, as data.

A :class:`Finding` is one fault (or remark) with the rule that found it, where it is, the
figures compared and a message for a budget officer. A :class:`Report` holds the findings of
one check in a stable order.

>>> from decimal import Decimal
>>> finding = Finding(
...     rule="T6-SUM-ROWS",
...     severity=Severity.ERROR,
...     title="Parent row equals the sum of its children",
...     message="302“商品和服务支出”公用经费 12.39 与其下各款之和 11.38 不符",
...     location=Location(table="一般公共预算财政拨款基本支出表", row="302", column="公用经费"),
...     expected=Decimal("11.38"),
...     actual=Decimal("12.39"),
...     difference=Decimal("1.01"),
...     tolerance=Decimal("0.035"),
... )
>>> report = Report([finding])
>>> report.ok, report.counts
(False, {'error': 1, 'warning': 0, 'info': 0})
>>> print(report.summary())
错误 1 项，警告 0 项，提示 0 项
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal

import attrs

from govbudget.errors import CheckFailedError

__all__ = ["Finding", "Location", "Report", "Severity"]


class Severity(enum.Enum):
    """How much a finding matters: an error is a fault, a warning is likely one, info is a note."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        """The Chinese word printed in reports.

        >>> Severity.WARNING.label
        '警告'
        """
        return _SEVERITY_LABELS[self]

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for info: the order in which reports list them."""
        return _SEVERITY_RANKS[self]

    def at_least(self, other: Severity) -> bool:
        """Whether this severity is as grave as ``other`` or graver.

        >>> Severity.ERROR.at_least(Severity.WARNING), Severity.INFO.at_least(Severity.WARNING)
        (True, False)
        """
        return self.rank <= other.rank


_SEVERITY_LABELS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
_SEVERITY_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@attrs.frozen(slots=True)
class Location:
    """Where a finding is: a table (or other part of a disclosure), a row, a column, a line.

    ``row`` is the row's code where it has one (``"302"``), otherwise its label as printed
    (``"本年收入合计"``); ``column`` is the column's header as printed. ``line`` is the line of
    the source text, for findings about documents that were read from text.

    >>> str(Location(table="部门预算支出总表", row="2013701", column="基本支出"))
    '部门预算支出总表 / 2013701 / 基本支出'
    """

    table: str | None = None
    row: str | None = None
    column: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        parts = [part for part in (self.table, self.row, self.column) if part]
        if self.line is not None:
            parts.append(f"第{self.line}行")
        return " / ".join(parts)

    def sort_key(self) -> tuple[str, str, str, int]:
        """A key that orders locations deterministically (absent parts first)."""
        return (self.table or "", self.row or "", self.column or "", self.line or 0)


@attrs.frozen(slots=True)
class Finding:
    """One result of one rule.

    ``expected`` is what the rule computed (e.g. the sum of the parts), ``actual`` the figure as
    printed, ``difference`` is ``actual - expected`` and ``tolerance`` the most that rounding
    explains. Rules that compare no figures leave the four as ``None``.
    """

    rule: str
    severity: Severity
    title: str
    message: str
    location: Location = Location()
    expected: Decimal | None = None
    actual: Decimal | None = None
    difference: Decimal | None = None
    tolerance: Decimal | None = None

    def __str__(self) -> str:
        where = f"[{self.location}] " if str(self.location) else ""
        return f"{self.severity.label} {self.rule} {where}{self.message}"

    def sort_key(self) -> tuple[int, str, tuple[str, str, str, int], str]:
        """The order of findings in a report: severity, rule id, location, message."""
        return (self.severity.rank, self.rule, self.location.sort_key(), self.message)


def _sorted(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=Finding.sort_key))


def _matches(value: str, wanted: str | Iterable[str] | None) -> bool:
    if wanted is None:
        return True
    if isinstance(wanted, str):
        return value == wanted
    return value in set(wanted)


@attrs.frozen(slots=True, repr=False)
class Report:
    """The findings of a check, errors first, then by rule id and location.

    A report is a sequence of findings (``len``, iteration, ``report[0]``) with counts, an
    ``ok`` verdict (no error), filters and :meth:`raise_for_errors`.
    """

    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_sorted)

    def __repr__(self) -> str:
        """The counts, not every finding.

        >>> Report()
        <Report 错误 0 项，警告 0 项，提示 0 项>
        """
        return f"<Report {self.summary()}>"

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __getitem__(self, index: int) -> Finding:
        return self.findings[index]

    def __add__(self, other: Report) -> Report:
        return Report(self.findings + other.findings)

    @property
    def ok(self) -> bool:
        """True when no finding is an error."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def counts(self) -> Mapping[str, int]:
        """Number of findings per severity, keyed ``"error"``, ``"warning"``, ``"info"``."""
        counts = {severity.value: 0 for severity in Severity}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        return counts

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The error findings."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The warning findings."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        """The info findings."""
        return tuple(f for f in self.findings if f.severity is Severity.INFO)

    def rule_ids(self) -> tuple[str, ...]:
        """The ids of the rules that fired, each once, in report order."""
        return tuple(dict.fromkeys(f.rule for f in self.findings))

    def filter(
        self,
        *,
        rule: str | Iterable[str] | None = None,
        table: str | Iterable[str] | None = None,
        severity: Severity | str | None = None,
        at_least: Severity | None = None,
    ) -> Report:
        """The findings that match every given criterion, as a new report.

        ``rule`` and ``table`` take one value or several; ``severity`` one severity (or its
        value, ``"error"``); ``at_least`` keeps findings as grave as the given severity or graver.
        """
        wanted = Severity(severity) if severity is not None else None
        return Report(
            f
            for f in self.findings
            if _matches(f.rule, rule)
            and (table is None or _matches(f.location.table or "", table))
            and (wanted is None or f.severity is wanted)
            and (at_least is None or f.severity.at_least(at_least))
        )

    def summary(self) -> str:
        """One line in Chinese: the count of each severity."""
        counts = self.counts
        return "，".join(f"{s.label} {counts[s.value]} 项" for s in Severity)

    def raise_for_errors(self) -> Report:
        """Return the report unchanged when it is ``ok``; raise :class:`CheckFailedError` otherwise.

        The exception's message lists the errors; the report is its ``report`` attribute.
        """
        if self.ok:
            return self
        lines = "\n".join(str(finding) for finding in self.errors)
        raise CheckFailedError(f"{len(self.errors)} error finding(s):\n{lines}", self)

    def _repr_html_(self) -> str:
        """The HTML a notebook shows: a table of the findings
        (:func:`govbudget.writing.report.report_to_html`)."""
        from govbudget.writing.report import report_to_html  # the writers, at the first display

        return report_to_html(self)
