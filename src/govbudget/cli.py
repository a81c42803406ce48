"""The command line: ``govbudget check``, ``render``, ``convert``, ``compare`` and ``rules``. The
only module touching files.

``check`` reads disclosures (a text dump, a grid bundle or a govbudget JSON document, in UTF-8 or
GB18030) — budgets (部门预算) or final accounts (部门决算), and says which it read — checks them
and prints the report; ``render`` prints a disclosure's tables as text, Markdown, HTML or CSV;
``convert`` writes what an input holds as a govbudget JSON document; ``compare`` sets a year's
budget beside its final accounts (:func:`govbudget.ledger.compare_execution`); ``rules`` lists
the rule catalogue. Exit status: 0 when no error was found, 1 when one was (or a
warning, with ``--fail-on warning``), 2 when an input cannot be read or the usage is wrong —
with a one-line message on stderr that names the file, never a traceback.

Reading and checking a file is :mod:`govbudget.bulk`'s: it turns bytes into text and text into
a JSON value where the file is JSON, and says precisely what is wrong when it cannot (for JSON,
the path to the fault); the readers of :mod:`govbudget.reading.document` turn the text or the
bundle into a ``DepartmentBudget`` or a ``DepartmentFinalAccounts``, and :mod:`govbudget.writing.jsonio` a govbudget document into
the object it holds. ``check --jobs N`` checks the files on N processes
(:func:`govbudget.bulk.check_files`); the output is the same as with ``--jobs 1``.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import TextIO

from govbudget import (
    DepartmentBudget,
    DepartmentFinalAccounts,
    Phase,
    Report,
    Severity,
    __version__,
)
from govbudget.bulk import (
    FileOutcome,
    Selection,
    UnreadableError,
    check_bytes,
    check_files,
    decode,
    files_in,
    load_file,
)
from govbudget.checks import rules
from govbudget.disclosure import Scope
from govbudget.writing import render
from govbudget.writing.cells import JSON, text_columns
from govbudget.writing.reference import rule_catalogue_markdown
from govbudget.writing.report import report_to_dict, report_to_markdown, report_to_text

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "UnreadableError",
    "build_parser",
    "decode",
    "main",
]

EXIT_OK = 0
"""No finding at or above the ``--fail-on`` severity."""
EXIT_FINDINGS = 1
"""At least one finding at or above the ``--fail-on`` severity (by default: an error)."""
EXIT_UNREADABLE = 2
"""An input could not be read, or the command line was wrong."""

_SAMPLE = "samples/kaiping_2025.txt"
_ERASE_LINE = "\r\x1b[K"


# --- reading ---------------------------------------------------------------------------------


def _load_one(args: argparse.Namespace, path: str | None = None) -> object | None:
    """The object of the one input of ``render`` or ``convert`` (or of ``path``, one input of
    ``compare``); ``None``, said on stderr, when it cannot be read."""
    planned = _planned([args.path if path is None else path])[0]
    if isinstance(planned, FileOutcome):
        _complain(planned.path, planned.error or "")
        return None
    try:
        obj = load_file(planned, encoding=args.encoding, year=args.year, department=args.department)
    except UnreadableError as error:
        _complain(planned, str(error))
        return None
    if isinstance(obj, (DepartmentBudget, DepartmentFinalAccounts)) and obj.read_findings:
        _complain(
            planned,
            f"{len(obj.read_findings)} part(s) could not be read; `govbudget check` lists them",
        )
    return obj


def _planned(paths: Sequence[str]) -> list[FileOutcome | str]:
    """The files to read, in order: each file given, and the *.json and *.txt files under each
    directory given (:func:`govbudget.bulk.files_in`); a path that does not exist, or a
    directory without such files, is an outcome at once."""
    planned: list[FileOutcome | str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = files_in(path)
            if not found:
                planned.append(
                    FileOutcome(given, error="a directory without *.json or *.txt files")
                )
            planned += found
        elif path.exists():
            planned.append(given)
        else:
            planned.append(FileOutcome(given, error="no such file or directory"))
    return planned


def _sample(selection: Selection) -> FileOutcome:
    """The outcome of the bundled example, ``check`` without a PATH."""
    folder, name = _SAMPLE.split("/")
    sample = resources.files("govbudget").joinpath(folder).joinpath(name)
    return check_bytes(sample.read_bytes(), f"govbudget/{_SAMPLE}", selection=selection)


def _write(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader of stdout went away (`| head`): drop the rest quietly; the exit status
        # still gives the verdict.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


# --- check -----------------------------------------------------------------------------------


def _complain(name: str, message: str) -> None:
    print(f"govbudget: {name}: {message}", file=sys.stderr)


def _progress(stream: TextIO, done: int, total: int, name: str) -> None:
    width = 24
    filled = width * done // total
    bar = "#" * filled + "-" * (width - filled)
    # Redrawn in place: stderr is a terminal whenever the bar is shown.
    stream.write(f"{_ERASE_LINE}[{bar}] {done}/{total} {Path(name).name[:40]}")
    stream.flush()


def _exit_status(outcomes: Sequence[FileOutcome], fail_on: Severity) -> int:
    if any(outcome.error is not None for outcome in outcomes):
        return EXIT_UNREADABLE
    if any(
        finding.severity.at_least(fail_on)
        for outcome in outcomes
        if outcome.report is not None
        for finding in outcome.report
    ):
        return EXIT_FINDINGS
    return EXIT_OK


_PHASE_NAMES = {Phase.BUDGET: "budget", Phase.FINAL: "final_accounts"}


def _subject(outcome: FileOutcome, end: str) -> str:
    """The line saying what a file held (部门决算 · 2024 · 上海市普陀区财政局), then ``end``;
    nothing when the object says no phase."""
    return "" if outcome.subject is None else outcome.subject + end


def _read(outcome: FileOutcome) -> dict[str, JSON]:
    """What a file held, for JSON: ``phase`` (``"budget"`` or ``"final_accounts"``, ``null``
    when the object says none), ``department`` and ``year``."""
    phase = None if outcome.phase is None else _PHASE_NAMES[outcome.phase]
    return {"phase": phase, "department": outcome.department, "year": outcome.year}


def _summary_rows(outcomes: Sequence[FileOutcome]) -> list[list[str]]:
    rows = [["文件 file", "错误", "警告", "提示", "说明"]]
    for outcome in outcomes:
        if outcome.report is None:
            rows.append([outcome.path, "-", "-", "-", f"无法读取：{outcome.error}"])
        else:
            counts = outcome.report.counts
            rows.append([outcome.path, *(str(counts[s.value]) for s in Severity), ""])
    return rows


def _several_as_text(outcomes: Sequence[FileOutcome]) -> str:
    blocks = []
    for outcome in outcomes:
        body = (
            report_to_text(outcome.report)
            if outcome.report is not None
            else f"无法读取：{outcome.error}\n"
        )
        blocks.append(f"== {outcome.path} ==\n" + _subject(outcome, "\n") + body)
    table = "\n".join(text_columns(_summary_rows(outcomes), right={1, 2, 3}))
    return "\n".join([*blocks, "== 汇总 summary ==", table]) + "\n"


def _several_as_markdown(outcomes: Sequence[FileOutcome]) -> str:
    blocks = []
    for outcome in outcomes:
        body = (
            report_to_markdown(outcome.report)
            if outcome.report is not None
            else f"无法读取：{outcome.error}\n"
        )
        blocks.append(f"## {outcome.path}\n\n" + _subject(outcome, "\n\n") + body)
    rows = _summary_rows(outcomes)
    table = ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    table.insert(1, "|---|---:|---:|---:|---|")
    return "\n".join([*blocks, "## 汇总 summary", "", *table]) + "\n"


def _several_as_json(outcomes: Sequence[FileOutcome]) -> str:
    files: list[JSON] = []
    for outcome in outcomes:
        if outcome.report is None:
            files.append({"path": outcome.path, "error": outcome.error})
        else:
            files.append({"path": outcome.path, **_read(outcome), **report_to_dict(outcome.report)})
    ok = all(outcome.report is not None and outcome.report.ok for outcome in outcomes)
    return json.dumps({"files": files, "ok": ok}, ensure_ascii=False, indent=2) + "\n"


def _one_as_text(outcome: FileOutcome, report: Report) -> str:
    return _subject(outcome, "\n\n") + report_to_text(report)


def _one_as_markdown(outcome: FileOutcome, report: Report) -> str:
    return _subject(outcome, "\n\n") + report_to_markdown(report)


def _one_as_json(outcome: FileOutcome, report: Report) -> str:
    data = {**_read(outcome), **report_to_dict(report)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_REPORT_FORMATS: dict[str, Callable[[FileOutcome, Report], str]] = {
    "text": _one_as_text,
    "json": _one_as_json,
    "markdown": _one_as_markdown,
}
_SEVERAL_FORMATS: dict[str, Callable[[Sequence[FileOutcome]], str]] = {
    "text": _several_as_text,
    "json": _several_as_json,
    "markdown": _several_as_markdown,
}


_SCOPE_CHOICES: dict[str, Scope | None] = {"auto": None, "whole": Scope.WHOLE, "part": Scope.PART}


def _rule_patterns(text: str) -> list[str]:
    """``--select``/``--ignore``: comma-separated rule ids or families, each naming a rule of
    the catalogue (T6 names T6-COLUMNS …; X-T1 names X-T1-T2 …)."""
    patterns = [part.strip().upper() for part in text.split(",") if part.strip()]
    ids = [r.id for r in rules()]
    for pattern in patterns:
        if not any(i == pattern or i.startswith(pattern + "-") for i in ids):
            raise argparse.ArgumentTypeError(
                f"no rule is {pattern} or starts with {pattern}- (govbudget rules lists them)"
            )
    return patterns


def command_check(args: argparse.Namespace) -> int:
    """``govbudget check``: read, check and report each input; the exit status is the verdict."""
    selection = Selection(
        None if args.select is None else tuple(args.select),
        tuple(args.ignore),
        _SCOPE_CHOICES[args.scope],
    )
    planned = _planned(args.paths) if args.paths else [_sample(selection)]
    several = len(planned) > 1 or any(Path(p).is_dir() for p in args.paths)
    show_progress = several and not args.quiet and sys.stderr.isatty()
    # Checked ahead on --jobs processes, the outcomes come back in order: what is printed, and
    # when, is the same as with --jobs 1.
    checked = check_files(
        (item for item in planned if isinstance(item, str)),
        jobs=args.jobs,
        encoding=args.encoding,
        year=args.year,
        department=args.department,
        selection=selection,
    )
    outcomes: list[FileOutcome] = []
    for done, item in enumerate(planned):
        name = item if isinstance(item, str) else item.path
        if show_progress:
            _progress(sys.stderr, done, len(planned), name)
        outcome = next(checked) if isinstance(item, str) else item
        if show_progress:
            sys.stderr.write(_ERASE_LINE)  # a message must not run on from the bar
        if outcome.error is not None:
            _complain(outcome.path, outcome.error)
        outcomes.append(outcome)
    next(checked, None)  # ends the pool of processes, if there is one
    if not args.quiet:
        if several:
            _write(_SEVERAL_FORMATS[args.format](outcomes))
        elif outcomes[0].report is not None:
            _write(_REPORT_FORMATS[args.format](outcomes[0], outcomes[0].report))
    return _exit_status(outcomes, Severity(args.fail_on))


# --- render ----------------------------------------------------------------------------------


def _html_document(budget: DepartmentBudget | DepartmentFinalAccounts) -> str:
    """A page a browser shows as it is: the charset declared, the title in the head."""
    title = budget.title
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n</head>\n<body>\n"
        f"{render.to_html(budget)}</body>\n</html>\n"
    )


_RENDERERS: dict[str, Callable[[DepartmentBudget | DepartmentFinalAccounts], str]] = {
    "text": render.to_text,
    "markdown": render.to_markdown,
    "html": _html_document,
    "csv": render.to_csv,
}


def _refuses_to_overwrite(args: argparse.Namespace) -> bool:
    """Whether ``-o FILE`` exists without ``--force``; said on stderr. Asked before reading
    anything: a long read must not end in a refusal."""
    if args.output and Path(args.output).exists() and not args.force:
        _complain(args.output, "exists; add --force to overwrite it")
        return True
    return False


def _deliver(output: str, args: argparse.Namespace, encoding: str = "utf-8") -> int:
    """Write ``output`` to stdout, or to ``-o FILE``; the exit status."""
    if not args.output:
        _write(output)
        return EXIT_OK
    try:
        with Path(args.output).open(
            "w" if args.force else "x", encoding=encoding, newline=""
        ) as file:
            file.write(output)
    except OSError as error:
        _complain(args.output, error.strerror or str(error))
        return EXIT_UNREADABLE
    return EXIT_OK


def command_render(args: argparse.Namespace) -> int:
    """``govbudget render``: print a disclosure's tables, or write them to ``-o FILE``."""
    if _refuses_to_overwrite(args):
        return EXIT_UNREADABLE
    budget = _load_one(args)
    if budget is None:
        return EXIT_UNREADABLE
    if not isinstance(budget, (DepartmentBudget, DepartmentFinalAccounts)):
        _complain(args.path, f"a {type(budget).__name__} document: render prints a disclosure")
        return EXIT_UNREADABLE
    # A BOM lets spreadsheet programs on Windows open a Chinese CSV in the right encoding.
    encoding = "utf-8-sig" if args.format == "csv" else "utf-8"
    return _deliver(_RENDERERS[args.format](budget), args, encoding)


# --- convert ---------------------------------------------------------------------------------


def command_convert(args: argparse.Namespace) -> int:
    """``govbudget convert``: write what an input holds as a govbudget JSON document."""
    from govbudget.writing.jsonio import to_json

    if _refuses_to_overwrite(args):
        return EXIT_UNREADABLE
    obj = _load_one(args)
    if obj is None:
        return EXIT_UNREADABLE
    return _deliver(to_json(obj), args)


# --- compare ---------------------------------------------------------------------------------


def command_compare(args: argparse.Namespace) -> int:
    """``govbudget compare``: a year's budget against its final accounts (预算数, 决算数, 完成率,
    the variances the explanation must account for)."""
    from govbudget.classification import normalize_name
    from govbudget.ledger import ExecutionComparison, LedgerError, compare_execution
    from govbudget.writing import execution

    if _refuses_to_overwrite(args):
        return EXIT_UNREADABLE
    budget = _load_one(args, args.budget)
    if budget is None:
        return EXIT_UNREADABLE
    final = _load_one(args, args.final)
    if final is None:
        return EXIT_UNREADABLE
    for path, obj, wanted in (
        (args.budget, budget, DepartmentBudget),
        (args.final, final, DepartmentFinalAccounts),
    ):
        if not isinstance(obj, wanted):
            held = getattr(obj, "phase", None)
            what = f"部门{held.label}" if isinstance(held, Phase) else f"a {type(obj).__name__}"
            need = (
                "部门预算 (a budget)" if wanted is DepartmentBudget else "部门决算 (final accounts)"
            )
            _complain(path, f"{what} document: compare needs {need} here")
            return EXIT_UNREADABLE
    assert isinstance(budget, DepartmentBudget) and isinstance(final, DepartmentFinalAccounts)
    if normalize_name(budget.department) != normalize_name(final.department):
        # Names are spelled otherwise from one document to the next: said, not refused.
        _complain(args.final, f"note: of {final.department}, the budget of {budget.department}")
    try:
        comparison = compare_execution(budget, final)
    except LedgerError as error:
        _complain(args.final, str(error))
        return EXIT_UNREADABLE
    formats: dict[str, Callable[[ExecutionComparison], str]] = {
        "text": execution.execution_to_text,
        "markdown": execution.execution_to_markdown,
        "json": lambda compared: execution.execution_to_json(compared) + "\n",
    }
    return _deliver(formats[args.format](comparison), args)


# --- rules -----------------------------------------------------------------------------------


def _rules_as_text() -> str:
    catalogue = rules()
    heads = text_columns([[r.id, r.severity.value, r.title] for r in catalogue])
    lines = []
    for head, each in zip(heads, catalogue, strict=True):
        lines += [head, f"    {each.description}"]
    return "\n".join(lines) + "\n"


def command_rules(args: argparse.Namespace) -> int:
    """``govbudget rules``: the rule catalogue (id, severity, title, description)."""
    if args.format == "markdown":
        _write(rule_catalogue_markdown())
    else:
        _write(_rules_as_text())
    return EXIT_OK


# --- the parser ------------------------------------------------------------------------------


def _add_reading_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encoding",
        help="the inputs' encoding (default: UTF-8 with or without BOM, else GB18030)",
    )
    parser.add_argument(
        "--year",
        type=int,
        help="the budget year, for a document that does not print it (a bundle's budget_year wins)",
    )
    parser.add_argument(
        "--department", help="the department, for a document that omits it (a bundle's wins)"
    )


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a number of processes: {text!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``govbudget``."""
    parser = argparse.ArgumentParser(
        prog="govbudget",
        description="部门预算公开的一致性检查 · consistency checks for department budget disclosures",
    )
    parser.add_argument("--version", action="version", version=f"govbudget {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    checking = commands.add_parser(
        "check",
        help="check disclosures and report what is inconsistent",
        description="Check each file (a text dump, a grid bundle or a govbudget JSON document; "
        "a directory: its *.json and *.txt files). Without a PATH, check the bundled example.",
    )
    checking.add_argument("paths", nargs="*", metavar="PATH")
    checking.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    checking.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default="error",
        help="exit 1 when a finding is this grave or graver (default: error)",
    )
    checking.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print no report and no progress: the exit "
        "status says it all (read errors still go to stderr)",
    )
    checking.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        metavar="N",
        help="check the files on N processes (default: one per core); the output is the "
        "same for every N",
    )
    checking.add_argument(
        "--select",
        type=_rule_patterns,
        action="extend",
        metavar="RULE",
        help="run only these rules: ids or families, comma-separated (T6, DOC-TABLES, X)",
    )
    checking.add_argument(
        "--ignore",
        type=_rule_patterns,
        action="extend",
        default=[],
        metavar="RULE",
        help="leave these rules out: ids or families, comma-separated",
    )
    checking.add_argument(
        "--scope",
        choices=tuple(_SCOPE_CHOICES),
        default="auto",
        help="check each disclosure as a whole one (all nine tables required …) or as a part "
        "(a “三公” page, one table, an explanation alone); auto: as the document shows",
    )
    _add_reading_options(checking)

    rendering = commands.add_parser(
        "render",
        help="print a disclosure's tables as text, Markdown, HTML or CSV",
        description="Print every table of a disclosure, in standard order, then its units, "
        "fixed assets and procurement.",
    )
    rendering.add_argument("path", metavar="PATH")
    rendering.add_argument("--format", choices=tuple(_RENDERERS), default="text")
    rendering.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
    rendering.add_argument("--force", action="store_true", help="let -o overwrite FILE")
    _add_reading_options(rendering)

    converting = commands.add_parser(
        "convert",
        help="write what an input holds as a govbudget JSON document",
        description="Read a text dump, a grid bundle or a govbudget JSON document and write it "
        "as a govbudget JSON document (docs/format.md).",
    )
    converting.add_argument("path", metavar="PATH")
    converting.add_argument(
        "--to", choices=("json",), required=True, help="the format to write: json"
    )
    converting.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
    converting.add_argument("--force", action="store_true", help="let -o overwrite FILE")
    _add_reading_options(converting)

    comparing = commands.add_parser(
        "compare",
        help="a budget against its final accounts: 完成率 and the variances to explain",
        description="Pair every cell of a year's budget with its actual in the final accounts "
        "of that year (both read as check reads them) and print the totals with their 完成率, "
        "the variances the explanation must account for and whether it does, and the counts.",
    )
    comparing.add_argument("budget", metavar="BUDGET", help="the budget (部门预算)")
    comparing.add_argument("final", metavar="FINAL", help="its final accounts (部门决算)")
    comparing.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    comparing.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
    comparing.add_argument("--force", action="store_true", help="let -o overwrite FILE")
    _add_reading_options(comparing)

    listing = commands.add_parser("rules", help="list the rules: id, severity, title, description")
    listing.add_argument("--format", choices=("text", "markdown"), default="text")
    return parser


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": command_check,
    "render": command_render,
    "convert": command_convert,
    "compare": command_compare,
    "rules": command_rules,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``govbudget`` with ``argv`` (default: the process's arguments); the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except KeyboardInterrupt:
        # One line instead of a traceback; under --jobs the workers finish the files they hold
        # and check no other.
        print("govbudget: 已中断 (interrupted)", file=sys.stderr)
        return 130  # 128 + SIGINT, as a shell reports it
