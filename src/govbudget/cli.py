"""The command line: ``govbudget check``, ``render``, ``convert`` and ``rules``. The only module
touching files.

``check`` reads disclosures (a text dump, a grid bundle or a govbudget JSON document, in UTF-8 or
GB18030), checks them and prints the report; ``render`` prints a disclosure's tables as text,
Markdown, HTML or CSV; ``convert`` writes what an input holds as a govbudget JSON document;
``rules`` lists the rule catalogue. Exit status: 0 when no error was found, 1 when one was (or a
warning, with ``--fail-on warning``), 2 when an input cannot be read or the usage is wrong —
with a one-line message on stderr that names the file, never a traceback.

Reading is split in two: this module turns bytes into text and text into a JSON value where
the file is JSON, and says precisely what is wrong when it cannot (for JSON, the path to the
fault); the readers of :mod:`govbudget.formats.document` turn the text or the bundle into a
``DepartmentBudget``, and :mod:`govbudget.formats.jsonio` a govbudget document into the object it
holds.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import TextIO

import attrs

from govbudget import DepartmentBudget, GovBudgetError, Report, Severity, __version__, check, rules
from govbudget.formats import render
from govbudget.formats.reference import rule_catalogue_markdown

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
_SUFFIXES = (".json", ".txt")
_ERASE_LINE = "\r\x1b[K"
# Control characters a text file may hold; any other one means the bytes are not text.
_TEXT_CONTROLS = frozenset("\t\n\r\f")


class UnreadableError(Exception):
    """An input that is not a disclosure this program can read; the message says why."""


@attrs.frozen(slots=True)
class _Source:
    """A file to read: the name messages give it, and how to get its bytes."""

    name: str
    read: Callable[[], bytes]

    @property
    def is_json(self) -> bool:
        return self.name.lower().endswith(".json")


@attrs.frozen(slots=True)
class _Outcome:
    """What became of one source: its report, or why it could not be read."""

    name: str
    report: Report | None = None
    error: str | None = None


@attrs.frozen(slots=True)
class _ReadOptions:
    encoding: str | None
    year: int | None
    department: str | None


# --- reading ---------------------------------------------------------------------------------


def decode(data: bytes, encoding: str | None = None) -> str:
    """The text of a file's bytes: in ``encoding``, or UTF-8 (BOM or not), else GB18030.

    Raises :class:`UnreadableError` for an empty file, for bytes that are not text (a NUL byte, a
    control character) and for bytes that are valid in none of the encodings tried.

    >>> decode("合计".encode("gb18030")), decode("\\ufeff合计".encode("utf-8"))
    ('合计', '合计')
    >>> decode(b"PK\\x03\\x04\\x00")
    Traceback (most recent call last):
    ...
    govbudget.cli.UnreadableError: not a text file (it holds NUL bytes); give --encoding for UTF-16
    """
    if not data.strip():
        raise UnreadableError("the file is empty")
    if encoding is None and b"\x00" in data:
        raise UnreadableError("not a text file (it holds NUL bytes); give --encoding for UTF-16")
    if encoding is not None:
        text = _decode_as(data, encoding)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Chinese government documents are often saved as GBK; GB18030 reads GBK and more.
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError as error:
                raise UnreadableError(
                    f"neither UTF-8 nor GB18030 (byte {data[error.start]:#04x} at offset "
                    f"{error.start}); give --encoding"
                ) from None
    for number, line in enumerate(text.split("\n"), start=1):
        bad = next((c for c in line if _is_control(c)), None)
        if bad is not None:
            raise UnreadableError(
                f"not a text file (control character U+{ord(bad):04X} on line {number})"
            )
    return text.removeprefix("\ufeff")


def _is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc" and char not in _TEXT_CONTROLS


def _decode_as(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise UnreadableError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as error:
        raise UnreadableError(
            f"not valid {encoding} (byte {data[error.start]:#04x} at offset {error.start})"
        ) from None


def _from_json(text: str) -> object:
    """What a JSON text holds: the object of a govbudget document (a JSON object with a type
    tag), else the disclosure of a grid bundle (a JSON object with a "tables" list)."""
    from govbudget.formats.document import read_bundle
    from govbudget.formats.jsonio import TYPE_KEY, from_dict, parse_json

    data = parse_json(text)
    if isinstance(data, dict) and TYPE_KEY in data:
        return from_dict(data)
    if not isinstance(data, dict) or not isinstance(data.get("tables"), list):
        raise UnreadableError(
            f'JSON, but neither a govbudget document (no "{TYPE_KEY}") nor a grid bundle '
            '(no "tables" list)'
        )
    return read_bundle(data)


def _load(source: _Source, options: _ReadOptions) -> object:
    """Read one source: the disclosure of a text dump or a grid bundle, or the object of a
    govbudget document; raise :class:`UnreadableError` with the reason."""
    try:
        data = source.read()
    except OSError as error:
        raise UnreadableError(error.strerror or str(error)) from None
    text = decode(data, options.encoding)
    # Imported only once there is something to read: the readers are the largest part of the
    # package, and --version, rules and usage errors need none of it.
    from govbudget.formats.document import read_text

    try:
        if source.is_json or text.lstrip().startswith("{"):
            return _from_json(text)
        return read_text(text, year=options.year, department=options.department)
    except GovBudgetError as error:
        raise UnreadableError(str(error)) from None


def _load_one(args: argparse.Namespace) -> object | None:
    """The object of the one input of ``render`` or ``convert``; ``None``, said on stderr, when
    it cannot be read."""
    source = next(iter(_sources([args.path])))
    if isinstance(source, _Outcome):
        _complain(source.name, source.error or "")
        return None
    try:
        obj = _load(source, _ReadOptions(args.encoding, args.year, args.department))
    except UnreadableError as error:
        _complain(source.name, str(error))
        return None
    if isinstance(obj, DepartmentBudget) and obj.read_findings:
        _complain(
            source.name,
            f"{len(obj.read_findings)} part(s) could not be read; `govbudget check` lists them",
        )
    return obj


def _sources(paths: Sequence[str]) -> Iterator[_Source | _Outcome]:
    """The files to read, in order: each file given, and the *.json and *.txt files under each
    directory given (sorted, recursively); a path that does not exist is an outcome at once."""
    if not paths:
        folder, name = _SAMPLE.split("/")
        sample = resources.files("govbudget").joinpath(folder).joinpath(name)
        yield _Source(f"govbudget/{_SAMPLE}", sample.read_bytes)
        return
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _SUFFIXES
            )
            if not found:
                yield _Outcome(given, error="a directory without *.json or *.txt files")
            for each in found:
                yield _Source(str(each), each.read_bytes)
        elif path.exists():
            yield _Source(given, path.read_bytes)
        else:
            yield _Outcome(given, error="no such file or directory")


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


def _check_one(source: _Source, options: _ReadOptions) -> _Outcome:
    try:
        obj = _load(source, options)
    except UnreadableError as error:
        return _Outcome(source.name, error=str(error))
    if not rules(applies_to=type(obj)):
        # A report, a finding, a subject: a document, but nothing a rule checks.
        return _Outcome(source.name, error=f"a {type(obj).__name__} document: no rule checks it")
    return _Outcome(source.name, report=check(obj))


def _progress(stream: TextIO, done: int, total: int, name: str) -> None:
    width = 24
    filled = width * done // total
    bar = "#" * filled + "-" * (width - filled)
    # Redrawn in place: stderr is a terminal whenever the bar is shown.
    stream.write(f"{_ERASE_LINE}[{bar}] {done}/{total} {Path(name).name[:40]}")
    stream.flush()


def _exit_status(outcomes: Sequence[_Outcome], fail_on: Severity) -> int:
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


def _summary_rows(outcomes: Sequence[_Outcome]) -> list[list[str]]:
    rows = [["文件 file", "错误", "警告", "提示", "说明"]]
    for outcome in outcomes:
        if outcome.report is None:
            rows.append([outcome.name, "-", "-", "-", f"无法读取：{outcome.error}"])
        else:
            counts = outcome.report.counts
            rows.append([outcome.name, *(str(counts[s.value]) for s in Severity), ""])
    return rows


def _several_as_text(outcomes: Sequence[_Outcome]) -> str:
    blocks = []
    for outcome in outcomes:
        body = (
            render.report_to_text(outcome.report)
            if outcome.report is not None
            else f"无法读取：{outcome.error}\n"
        )
        blocks.append(f"== {outcome.name} ==\n{body}")
    table = "\n".join(render.text_columns(_summary_rows(outcomes), right={1, 2, 3}))
    return "\n".join([*blocks, "== 汇总 summary ==", table]) + "\n"


def _several_as_markdown(outcomes: Sequence[_Outcome]) -> str:
    blocks = []
    for outcome in outcomes:
        body = (
            render.report_to_markdown(outcome.report)
            if outcome.report is not None
            else f"无法读取：{outcome.error}\n"
        )
        blocks.append(f"## {outcome.name}\n\n{body}")
    rows = _summary_rows(outcomes)
    table = ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    table.insert(1, "|---|---:|---:|---:|---|")
    return "\n".join([*blocks, "## 汇总 summary", "", *table]) + "\n"


def _several_as_json(outcomes: Sequence[_Outcome]) -> str:
    files: list[render.JSON] = []
    for outcome in outcomes:
        if outcome.report is None:
            files.append({"path": outcome.name, "error": outcome.error})
        else:
            files.append({"path": outcome.name, **render.report_to_dict(outcome.report)})
    ok = all(outcome.report is not None and outcome.report.ok for outcome in outcomes)
    return json.dumps({"files": files, "ok": ok}, ensure_ascii=False, indent=2) + "\n"


_REPORT_FORMATS: dict[str, Callable[[Report], str]] = {
    "text": render.report_to_text,
    "json": lambda report: render.report_to_json(report) + "\n",
    "markdown": render.report_to_markdown,
}
_SEVERAL_FORMATS: dict[str, Callable[[Sequence[_Outcome]], str]] = {
    "text": _several_as_text,
    "json": _several_as_json,
    "markdown": _several_as_markdown,
}


def command_check(args: argparse.Namespace) -> int:
    """``govbudget check``: read, check and report each input; the exit status is the verdict."""
    options = _ReadOptions(args.encoding, args.year, args.department)
    planned = list(_sources(args.paths))
    several = len(planned) > 1 or any(Path(p).is_dir() for p in args.paths)
    show_progress = several and not args.quiet and sys.stderr.isatty()
    outcomes: list[_Outcome] = []
    for done, item in enumerate(planned):
        if show_progress:
            _progress(sys.stderr, done, len(planned), item.name)
        outcome = item if isinstance(item, _Outcome) else _check_one(item, options)
        if show_progress:
            sys.stderr.write(_ERASE_LINE)  # a message must not run on from the bar
        if outcome.error is not None:
            _complain(outcome.name, outcome.error)
        outcomes.append(outcome)
    if not args.quiet:
        if several:
            _write(_SEVERAL_FORMATS[args.format](outcomes))
        elif outcomes[0].report is not None:
            _write(_REPORT_FORMATS[args.format](outcomes[0].report))
    return _exit_status(outcomes, Severity(args.fail_on))


# --- render ----------------------------------------------------------------------------------


def _html_document(budget: DepartmentBudget) -> str:
    """A page a browser shows as it is: the charset declared, the title in the head."""
    title = f"{budget.department} {budget.year}年部门预算"
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n</head>\n<body>\n"
        f"{render.to_html(budget)}</body>\n</html>\n"
    )


_RENDERERS: dict[str, Callable[[DepartmentBudget], str]] = {
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
    if not isinstance(budget, DepartmentBudget):
        _complain(args.path, f"a {type(budget).__name__} document: render prints a disclosure")
        return EXIT_UNREADABLE
    # A BOM lets spreadsheet programs on Windows open a Chinese CSV in the right encoding.
    encoding = "utf-8-sig" if args.format == "csv" else "utf-8"
    return _deliver(_RENDERERS[args.format](budget), args, encoding)


# --- convert ---------------------------------------------------------------------------------


def command_convert(args: argparse.Namespace) -> int:
    """``govbudget convert``: write what an input holds as a govbudget JSON document."""
    from govbudget.formats.jsonio import to_json

    if _refuses_to_overwrite(args):
        return EXIT_UNREADABLE
    obj = _load_one(args)
    if obj is None:
        return EXIT_UNREADABLE
    return _deliver(to_json(obj), args)


# --- rules -----------------------------------------------------------------------------------


def _rules_as_text() -> str:
    catalogue = rules()
    heads = render.text_columns([[r.id, r.severity.value, r.title] for r in catalogue])
    lines = []
    for head, each in zip(heads, catalogue, strict=True):
        lines += [head, f"    {each.description}"]
    return "\n".join(lines) + "\n"


def command_rules(args: argparse.Namespace) -> int:
    """``govbudget rules``: the rule catalogue (id, severity, title, description)."""
    # The readers declare the rules they raise (READ-…) when imported; the catalogue lists
    # every rule `check` can report on a file, theirs included.
    import govbudget.formats.document  # noqa: F401

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
        "--year", type=int, help="the budget year, for a text dump that does not print it"
    )
    parser.add_argument("--department", help="the department, for a text dump that omits it")


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

    listing = commands.add_parser("rules", help="list the rules: id, severity, title, description")
    listing.add_argument("--format", choices=("text", "markdown"), default="text")
    return parser


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": command_check,
    "render": command_render,
    "convert": command_convert,
    "rules": command_rules,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``govbudget`` with ``argv`` (default: the process's arguments); the exit status."""
    args = build_parser().parse_args(argv)
    return _COMMANDS[args.command](args)
