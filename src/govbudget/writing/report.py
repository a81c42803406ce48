"""Reports for people and for programs: a :class:`~govbudget.findings.Report` as text,
Markdown and HTML (:func:`report_to_text`, :func:`report_to_markdown`, :func:`report_to_html`),
and as JSON (:func:`report_to_dict`, :func:`report_to_json`), whose shape is fixed: amounts are
strings, never floats."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from decimal import Decimal

from govbudget.findings import Finding, Report, Severity
from govbudget.writing.cells import (
    FIGURE_STYLE,
    HTML_TABLE,
    JSON,
    TINTS,
    display_width,
    markdown_row,
)

__all__ = [
    "report_to_dict",
    "report_to_html",
    "report_to_json",
    "report_to_markdown",
    "report_to_text",
]


_NO_TABLE = "（未指明表格）"
# expected, actual (as printed), difference, tolerance: the order of every report
_FIGURES = ("应为", "实为", "差额", "容差")
# The columns of a report as a table (Markdown, HTML): one row per finding.
_REPORT_COLUMNS = ("级别", "规则", "表", "位置", "说明", *_FIGURES)


def _amount(value: Decimal | None) -> str | None:
    """An amount as held ("0.00" stays "0.00"); never a float."""
    return None if value is None else str(value)


def _figures(finding: Finding) -> tuple[str | None, ...]:
    return (
        _amount(finding.expected),
        _amount(finding.actual),
        _amount(finding.difference),
        _amount(finding.tolerance),
    )


def _where(finding: Finding) -> str:
    location = finding.location
    parts = [part for part in (location.row, location.column) if part]
    if location.line is not None:
        parts.append(f"第{location.line}行")
    return " / ".join(parts)


def _by_table(report: Report) -> dict[str, list[Finding]]:
    """Findings grouped by table, the groups in the order the report first names them."""
    groups: dict[str, list[Finding]] = {}
    for finding in report:
        groups.setdefault(finding.location.table or _NO_TABLE, []).append(finding)
    return groups


def _figure_line(figures: Sequence[str | None], widths: Sequence[int]) -> str:
    fields = [
        f"{label} {figure:>{width}}"
        if figure is not None
        else " " * (display_width(label) + 1 + width)
        for label, figure, width in zip(_FIGURES, figures, widths, strict=True)
    ]
    return "  ".join(fields).rstrip()


def report_to_text(report: Report) -> str:
    """A report for people: findings grouped by table, figures aligned, a summary at the end.

    Each finding gives its severity, rule id and place in the table, the message, and the
    figures compared (应为 expected, 实为 as printed, 差额 difference, 容差 tolerance).

    >>> from decimal import Decimal
    >>> from govbudget import Finding, Report, Severity
    >>> from govbudget.findings import Location
    >>> finding = Finding("T6-SUM-ROWS", Severity.ERROR, "Parent row equals the sum of its children",
    ...     "302 公用经费 12.39 与其下各款之和 11.38 不符",
    ...     Location("一般公共预算财政拨款基本支出表", "302", "公用经费"),
    ...     Decimal("11.38"), Decimal("12.39"), Decimal("1.01"), Decimal("0.035"))
    >>> print(report_to_text(Report([finding])))
    一般公共预算财政拨款基本支出表
      错误  T6-SUM-ROWS  302 / 公用经费
            302 公用经费 12.39 与其下各款之和 11.38 不符
            应为 11.38  实为 12.39  差额 1.01  容差 0.035
    <BLANKLINE>
    错误 1 项，警告 0 项，提示 0 项
    <BLANKLINE>
    """
    if not report:
        return f"未发现问题。\n{report.summary()}\n"
    rule_width = max(len(finding.rule) for finding in report)
    widths = [
        max(len(_figures(finding)[n] or "") for finding in report) for n in range(len(_FIGURES))
    ]
    indent = " " * (2 + display_width(Severity.ERROR.label) + 2)
    blocks = []
    for table, findings in _by_table(report).items():
        lines = [table]
        for finding in findings:
            head = f"  {finding.severity.label}  {finding.rule:<{rule_width}}  {_where(finding)}"
            lines += [head.rstrip(), indent + finding.message]
            figures = _figures(finding)
            if any(figure is not None for figure in figures):
                lines.append(indent + _figure_line(figures, widths))
        blocks.append("\n".join(lines))
    return "\n\n".join([*blocks, report.summary()]) + "\n"


def _finding_dict(finding: Finding) -> dict[str, JSON]:
    expected, actual, difference, tolerance = _figures(finding)
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "table": finding.location.table,
        "row": finding.location.row,
        "column": finding.location.column,
        "expected": expected,
        "actual": actual,
        "difference": difference,
        "tolerance": tolerance,
        "message": finding.message,
        "title": finding.title,
    }


def report_to_dict(report: Report) -> dict[str, JSON]:
    """The report as the object :func:`report_to_json` writes (for embedding in a larger one).

    >>> report_to_dict(Report())
    {'ok': True, 'counts': {'error': 0, 'warning': 0, 'info': 0}, 'findings': []}
    """
    counts = report.counts
    return {
        "ok": report.ok,
        "counts": {severity.value: counts[severity.value] for severity in Severity},
        "findings": [_finding_dict(finding) for finding in report],
    }


def report_to_json(report: Report) -> str:
    """The report as JSON for programs, in a fixed shape and key order.

    ``{"ok", "counts": {"error", "warning", "info"}, "findings": [{"rule", "severity", "table",
    "row", "column", "expected", "actual", "difference", "tolerance", "message", "title"}]}``;
    amounts are strings exactly as held ("0.00"), ``null`` when absent, never floats; Chinese
    text is written as is.

    >>> from decimal import Decimal
    >>> from govbudget import Finding, Severity
    >>> from govbudget.findings import Location
    >>> finding = Finding("T9-SUM", Severity.WARNING, "Sum", "合计不符", Location("三公"),
    ...                   actual=Decimal("0.00"))
    >>> print(report_to_json(Report([finding])))
    {
      "ok": true,
      "counts": {
        "error": 0,
        "warning": 1,
        "info": 0
      },
      "findings": [
        {
          "rule": "T9-SUM",
          "severity": "warning",
          "table": "三公",
          "row": null,
          "column": null,
          "expected": null,
          "actual": "0.00",
          "difference": null,
          "tolerance": null,
          "message": "合计不符",
          "title": "Sum"
        }
      ]
    }
    """
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2)


def report_to_markdown(report: Report) -> str:
    """A report as Markdown for an issue tracker: the summary, then one table row per finding.

    >>> from govbudget import Finding, Severity
    >>> from govbudget.findings import Location
    >>> finding = Finding("DOC-EMPTY", Severity.INFO, "Empty", "空表未说明 | 原因", Location("表7"))
    >>> print(report_to_markdown(Report([finding])))
    **检查结果**：错误 0 项，警告 0 项，提示 1 项
    <BLANKLINE>
    | 级别 | 规则 | 表 | 位置 | 说明 | 应为 | 实为 | 差额 | 容差 |
    |---|---|---|---|---|---:|---:|---:|---:|
    | 提示 | `DOC-EMPTY` | 表7 |  | 空表未说明 \\| 原因 |  |  |  |  |
    <BLANKLINE>
    """
    out = [f"**检查结果**：{report.summary()}", ""]
    if not report:
        out.append("未发现问题。")
        return "\n".join(out) + "\n"
    out.append(markdown_row(_REPORT_COLUMNS))
    out.append("|---|---|---|---|---|---:|---:|---:|---:|")
    for finding in report:
        out.append(
            markdown_row(
                [
                    finding.severity.label,
                    f"`{finding.rule}`",
                    finding.location.table or "",
                    _where(finding),
                    finding.message,
                    *(figure or "" for figure in _figures(finding)),
                ]
            )
        )
    return "\n".join(out) + "\n"


def report_to_html(report: Report) -> str:
    """A report as HTML, for a notebook: the summary, then a table of the findings, one row per
    finding tinted by its severity, figures right-aligned (the columns of
    :func:`report_to_markdown`). All text is escaped.

    >>> from govbudget import Finding, Severity
    >>> from govbudget.findings import Location
    >>> finding = Finding("DOC-EMPTY", Severity.INFO, "Empty", "空表未说明 <原因>", Location("表7"))
    >>> print(report_to_html(Report([finding])))
    <div class="govbudget-report">
    <p><strong>检查结果</strong>：错误 0 项，警告 0 项，提示 1 项</p>
    <table class="govbudget" border="1" style="border-collapse:collapse">
    <thead>
    <tr><th>级别</th><th>规则</th><th>表</th><th>位置</th><th>说明</th><th>应为</th><th>实为</th><th>差额</th><th>容差</th></tr>
    </thead>
    <tbody>
    <tr style="background:#d1ecf1" class="govbudget-info"><td><span style="white-space:nowrap">提示</span></td><td><code style="white-space:nowrap">DOC-EMPTY</code></td><td>表7</td><td></td><td>空表未说明 &lt;原因&gt;</td><td style="text-align:right"></td><td style="text-align:right"></td><td style="text-align:right"></td><td style="text-align:right"></td></tr>
    </tbody>
    </table>
    </div>
    <BLANKLINE>
    >>> "未发现问题" in report_to_html(Report())
    True
    """
    escape = html.escape
    out = [
        '<div class="govbudget-report">',
        f"<p><strong>检查结果</strong>：{escape(report.summary())}</p>",
    ]
    if not report:
        out += ["<p>未发现问题。</p>", "</div>"]
        return "\n".join(out) + "\n"
    out += [HTML_TABLE, "<thead>"]
    out.append("<tr>" + "".join(f"<th>{name}</th>" for name in _REPORT_COLUMNS) + "</tr>")
    out += ["</thead>", "<tbody>"]
    for finding in report:
        severity = finding.severity
        words = [
            # A narrow column must not break "错误" or a rule id over two lines.
            f'<span style="white-space:nowrap">{escape(severity.label)}</span>',
            f'<code style="white-space:nowrap">{escape(finding.rule)}</code>',
            escape(finding.location.table or ""),
            escape(_where(finding)),
            escape(finding.message),
        ]
        figures = [escape(figure or "") for figure in _figures(finding)]
        out.append(
            f'<tr style="background:{TINTS[severity]}" class="govbudget-{severity.value}">'
            + "".join(f"<td>{word}</td>" for word in words)
            + "".join(f'<td style="{FIGURE_STYLE}">{figure}</td>' for figure in figures)
            + "</tr>"
        )
    out += ["</tbody>", "</table>", "</div>"]
    return "\n".join(out) + "\n"
