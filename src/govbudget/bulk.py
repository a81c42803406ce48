"""Checking many files: read each disclosure, check it, and say what became of it — on all cores.

:func:`check_file` reads one file the way ``govbudget check`` does (a text dump, a grid bundle or
a govbudget JSON document, in UTF-8 or GB18030), checks what it holds and returns a
:class:`FileOutcome`: the path, what was read, and the :class:`~govbudget.findings.Report` or
the reason the file could not be read. It never raises for a bad file, so one broken file
never ends a run over ten thousand. :func:`check_files` does the same for many files over a
pool of processes and yields the outcomes in input order; the command line is built on it
(``govbudget check DIR --jobs N``), and the same :func:`check_file` runs unchanged on a cluster
engine (``examples/dask_check.py``).

An outcome is small (a report pickles to a few kilobytes): workers send back outcomes, never
the budgets they read. Each worker loads the bundled classification catalogues once, when a
check first needs them, and keeps them for every file it checks after.

This module and :mod:`govbudget.cli` are the only ones that touch files; this one only reads.

>>> from importlib import resources
>>> sample = str(resources.files("govbudget").joinpath("samples", "kaiping_2025.txt"))
>>> [(outcome.kind, outcome.ok, outcome.error) for outcome in check_files([sample, "nowhere.txt"])]
[('DepartmentBudget', False, None), (None, False, 'no such file or directory')]
"""

from __future__ import annotations

import functools
import itertools
import os
import re
import signal
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from govbudget.checks import check, rules
from govbudget.disclosure import Scope
from govbudget.errors import GovBudgetError
from govbudget.findings import Report
from govbudget.tables import Phase, Table

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = [
    "SUFFIXES",
    "FileOutcome",
    "Selection",
    "UnreadableError",
    "check_bytes",
    "check_file",
    "check_files",
    "decode",
    "files_in",
    "load_file",
]

SUFFIXES = (".json", ".txt", ".pdf")
"""The files :func:`files_in` finds in a directory (case-insensitive)."""

# Control characters a text file may hold; any other one means the bytes are not text.
_TEXT_CONTROLS = frozenset("\t\n\r\f")
# How many files may be handed to the pool ahead of the one whose outcome is awaited, per
# worker: enough to keep every worker busy behind a slow file, few enough that a stream of
# ten thousand paths never holds ten thousand pending results.
_AHEAD_PER_WORKER = 8


class UnreadableError(Exception):
    """An input that is not a disclosure govbudget can read; the message says why."""


@attrs.frozen(slots=True)
class FileOutcome:
    """What became of one file: what was read and its report, or why it could not be read.

    ``path`` is the file as it was given (``str`` of a :class:`~pathlib.Path`); ``kind`` the
    type of the object read (``"DepartmentBudget"`` for a text dump or a grid bundle; a
    govbudget JSON document may hold one table, ``"IncomeTable"``), ``None`` when nothing could
    be read. Exactly one of ``report`` and ``error`` is set: ``error`` is a one-line reason,
    as ``govbudget check`` prints it after the file's name. ``phase``, ``department`` and
    ``year`` say what was read — a budget (部门预算) or final accounts (部门决算), whose, of which
    year — where the object says (a table: its family and header); :attr:`subject` says it in
    one line.

    >>> outcome = check_bytes(b"", "empty.txt")
    >>> outcome
    FileOutcome(path='empty.txt', kind=None, report=None, error='the file is empty')
    >>> outcome.ok, outcome.readable
    (False, False)
    """

    path: str
    kind: str | None = None
    report: Report | None = None
    error: str | None = None
    phase: Phase | None = attrs.field(default=None, repr=False)
    department: str | None = attrs.field(default=None, repr=False)
    year: int | None = attrs.field(default=None, repr=False)

    @property
    def subject(self) -> str | None:
        """What was read, for people: ``"部门决算 · 2024 · 上海市普陀区财政局"`` (a single table:
        its class after); ``None`` when the object says no phase."""
        if self.phase is None:
            return None
        parts = [f"部门{self.phase.label}", str(self.year or ""), self.department or ""]
        if self.kind not in ("DepartmentBudget", "DepartmentFinalAccounts"):
            parts.append(self.kind or "")
        return " · ".join(part for part in parts if part)

    @property
    def readable(self) -> bool:
        """True when the file was read and checked (``report`` is set)."""
        return self.report is not None

    @property
    def ok(self) -> bool:
        """True when the file was read and its report holds no error."""
        return self.report is not None and self.report.ok


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
    govbudget.bulk.UnreadableError: not a text file (it holds NUL bytes); give --encoding for UTF-16
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


def _from_json(text: str, year: int | None, department: str | None) -> object:
    """What a JSON text holds: the object of a govbudget document (a JSON object with a type
    tag), else the disclosure of a grid bundle (a JSON object with a "tables" list), ``year``
    and ``department`` filling the bundle's fields it leaves out."""
    from govbudget.reading.document import read_bundle
    from govbudget.writing.jsonio import TYPE_KEY, from_dict, parse_json

    data = parse_json(text)
    if isinstance(data, dict) and TYPE_KEY in data:
        return from_dict(data)
    if not isinstance(data, dict) or not isinstance(data.get("tables"), list):
        raise UnreadableError(
            f'JSON, but neither a govbudget document (no "{TYPE_KEY}") nor a grid bundle '
            '(no "tables" list)'
        )
    given = {"budget_year": year, "department": department}
    return read_bundle({key: value for key, value in given.items() if value is not None} | data)


def _load(
    data: bytes, name: str, encoding: str | None, year: int | None, department: str | None
) -> object:
    """What one file's bytes hold; :class:`UnreadableError` with the reason when nothing.

    A document that prints no year, given none, takes the one its file name gives
    ("2024年某局部门预算.txt"), with a READ-YEAR note saying so.
    """
    pdf = data.startswith(b"%PDF")
    text = "" if pdf else decode(data, encoding)
    # Imported only once there is something to read: the readers are the largest part of the
    # package, and --version, rules and usage errors need none of it.
    from govbudget.checks.reading import READ_YEAR
    from govbudget.disclosure import DepartmentBudget, DepartmentFinalAccounts
    from govbudget.findings import Severity
    from govbudget.reading.document import read_text

    def read(year: int | None) -> object:
        if pdf:
            # The pdf extra's reader, imported with it: a PDF needs pdfplumber.
            from govbudget.reading.pdf import read_pdf

            return read_pdf(data, year=year, department=department)
        if name.lower().endswith(".json") or text.lstrip().startswith("{"):
            return _from_json(text, year, department)
        return read_text(text, year=year, department=department)

    try:
        loaded = read(year)
        named = _named_year(name)
        if (
            isinstance(loaded, DepartmentBudget | DepartmentFinalAccounts)
            and loaded.year is None
            and named is not None
        ):
            again = read(named)
            assert isinstance(again, DepartmentBudget | DepartmentFinalAccounts)
            said = READ_YEAR.finding(
                f"文件未印预算年度，按文件名“{Path(name).name}”中的 {named} 年读入，请核实",
                severity=Severity.INFO,
            )
            return attrs.evolve(again, read_findings=(*again.read_findings, said))
        return loaded
    except GovBudgetError as error:
        raise UnreadableError(str(error)) from None


# A year in a file name: four digits standing alone (2024年…, …-2024-…, 2024_…), 1950–2099.
_NAMED_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


def _named_year(name: str) -> int | None:
    """The one year a file's name gives; ``None`` when it gives none or several."""
    years = {int(found) for found in _NAMED_YEAR.findall(Path(name).name)}
    return years.pop() if len(years) == 1 else None


def _read_bytes(path: str | os.PathLike[str]) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise UnreadableError("no such file or directory") from None
    except OSError as error:
        raise UnreadableError(error.strerror or str(error)) from None


def load_file(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    year: int | None = None,
    department: str | None = None,
) -> object:
    """What a file holds: the :class:`~govbudget.disclosure.DepartmentBudget` of a text dump or
    a grid bundle, or the object of a govbudget JSON document (a budget, one table, …).

    A file is read as JSON when its name ends in ``.json`` or its text starts with ``{``; other
    files are text dumps. ``encoding`` overrides the detection of :func:`decode`; ``year`` and
    ``department`` stand in for what a text dump does not print. Raises
    :class:`UnreadableError` with a one-line reason when the file cannot be read.

    >>> from importlib import resources
    >>> budget = load_file(resources.files("govbudget").joinpath("samples", "kaiping_2025.txt"))
    >>> type(budget).__name__, budget.year
    ('DepartmentBudget', 2025)
    >>> load_file("nowhere.json")
    Traceback (most recent call last):
    ...
    govbudget.bulk.UnreadableError: no such file or directory
    """
    return _load(_read_bytes(path), os.fspath(path), encoding, year, department)


# --- checking --------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Selection:
    """Which rules a run keeps (``select``, ``ignore``: ids or families, as
    :func:`~govbudget.check` takes them) and what a disclosure is checked as (``scope``:
    ``None`` as its reader said)."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    scope: Scope | None = None


_EVERY_RULE = Selection()


def _check_loaded(
    name: str, load: Callable[[], object], selection: Selection = _EVERY_RULE
) -> FileOutcome:
    try:
        obj = load()
    except UnreadableError as error:
        return FileOutcome(name, error=str(error))
    except Exception as error:  # a fault of govbudget's, not of the file: report, go on
        return FileOutcome(name, error=_internal(error))
    kind = type(obj).__name__
    if not rules(applies_to=type(obj)):
        # A report, a finding, a subject: a document, but nothing a rule checks.
        return FileOutcome(name, kind, error=f"a {kind} document: no rule checks it")
    try:
        report = check(obj, select=selection.select, ignore=selection.ignore, scope=selection.scope)
    except Exception as error:
        return FileOutcome(name, kind, error=_internal(error))
    phase, department, year = _about(obj)
    return FileOutcome(name, kind, report=report, phase=phase, department=department, year=year)


def _about(obj: object) -> tuple[Phase | None, str | None, int | None]:
    """The family, department and year of what was read, where it says them."""
    if isinstance(obj, Table):
        return obj.SPEC.phase, obj.header.department, obj.header.year
    phase, department, year = (getattr(obj, name, None) for name in ("phase", "department", "year"))
    return (
        phase if isinstance(phase, Phase) else None,
        department if isinstance(department, str) else None,
        year if isinstance(year, int) else None,
    )


def _internal(error: Exception) -> str:
    return f"govbudget failed on this file ({type(error).__name__}: {error}); please report it"


def check_bytes(
    data: bytes,
    name: str,
    *,
    encoding: str | None = None,
    year: int | None = None,
    department: str | None = None,
    selection: Selection = _EVERY_RULE,
) -> FileOutcome:
    """Read and check a file's bytes, ``name`` being the file's name (``.json`` or not).

    For bytes that do not come from a local file: a member of an archive, an object in a
    bucket. Otherwise as :func:`check_file`.

    >>> check_bytes(b'{"tables": {}}', "bundle.json").error
    'JSON, but neither a govbudget document (no "type") nor a grid bundle (no "tables" list)'
    """
    return _check_loaded(name, lambda: _load(data, name, encoding, year, department), selection)


def check_file(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    year: int | None = None,
    department: str | None = None,
    selection: Selection = _EVERY_RULE,
) -> FileOutcome:
    """Read one file as :func:`load_file` does and check what it holds with the rules of
    ``selection`` (every rule, each disclosure as its reader said, by default); never raises
    for a bad file.

    The outcome has the report, or the reason the file could not be read (it does not exist,
    is empty, is not text, is truncated JSON, is not a disclosure …) or holds nothing a rule
    checks. An exception raised by govbudget itself on this file is an outcome too, with the
    exception in the message, so that a run over many files goes on.

    >>> from importlib import resources
    >>> outcome = check_file(resources.files("govbudget").joinpath("samples", "kaiping_2025.txt"))
    >>> outcome.kind, outcome.report.summary()
    ('DepartmentBudget', '错误 1 项，警告 2 项，提示 3 项')
    >>> outcome.subject
    '部门预算 · 2025 · 中共唐山市开平区委网络安全和信息化委员会办公室'
    >>> [finding.rule for finding in outcome.report.errors]
    ['TXT-FIXED-ASSETS']
    """
    name = os.fspath(path)
    return _check_loaded(
        name, lambda: _load(_read_bytes(path), name, encoding, year, department), selection
    )


def files_in(directory: str | os.PathLike[str]) -> list[str]:
    """The ``*.json`` and ``*.txt`` files under ``directory`` (recursively), sorted by path:
    the files ``govbudget check DIR`` checks.

    >>> from importlib import resources
    >>> [Path(name).name for name in files_in(resources.files("govbudget").joinpath("samples"))]
    ['kaiping_2025.txt']
    """
    return [
        str(found)
        for found in sorted(Path(directory).rglob("*"))
        if found.suffix.lower() in SUFFIXES and found.is_file()
    ]


def check_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    encoding: str | None = None,
    year: int | None = None,
    department: str | None = None,
    selection: Selection = _EVERY_RULE,
) -> Iterator[FileOutcome]:
    """:func:`check_file` for each path, on ``jobs`` processes; the outcomes in input order.

    ``jobs`` defaults to every core (:func:`os.cpu_count`); with ``jobs=1``, or fewer than two
    paths, the files are checked in this process. The paths are consumed as the outcomes are:
    a generator of a million paths is fine. Each outcome is the same as :func:`check_file`
    gives in this process. A worker process that dies (killed, out of memory) costs only the
    file it was checking: that file is checked again alone, and its outcome says so if the
    process dies again.

    >>> from importlib import resources
    >>> sample = resources.files("govbudget").joinpath("samples", "kaiping_2025.txt")
    >>> outcomes = list(check_files([sample, sample, "nowhere.txt"], jobs=2))
    >>> [outcome.report.summary() if outcome.report else outcome.error for outcome in outcomes]
    ['错误 1 项，警告 2 项，提示 3 项', '错误 1 项，警告 2 项，提示 3 项', 'no such file or directory']
    """
    workers = (os.cpu_count() or 1) if jobs is None else jobs
    if workers < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    task = functools.partial(
        check_file, encoding=encoding, year=year, department=department, selection=selection
    )
    given = (os.fspath(path) for path in paths)
    if workers == 1:
        return map(task, given)
    return _pooled(given, workers, task)


def _pooled(
    paths: Iterator[str], workers: int, task: Callable[[str], FileOutcome]
) -> Iterator[FileOutcome]:
    """``map(task, paths)`` on a pool of ``workers`` processes, in order, a bounded number of
    paths ahead; a pool broken by a dying worker is replaced."""
    # Imported here: multiprocessing is a fair part of the import time of the package, and only
    # a pool needs it.
    from concurrent.futures.process import BrokenProcessPool

    first = list(itertools.islice(paths, 2))
    if len(first) < 2:
        yield from map(task, first)
        return
    pending: deque[tuple[str, Future[FileOutcome]]] = deque()
    pool = _pool(workers)
    try:
        for path in itertools.chain(first, paths):
            try:
                pending.append((path, pool.submit(task, path)))
            except BrokenProcessPool:
                pool.shutdown(wait=False)
                pool = _pool(workers)
                pending.append((path, pool.submit(task, path)))
            if len(pending) >= workers * _AHEAD_PER_WORKER:
                yield _result(*pending.popleft(), task)
        while pending:
            yield _result(*pending.popleft(), task)
    finally:
        # Also when the consumer stops early: what has not started is not started.
        pool.shutdown(wait=True, cancel_futures=True)


def _pool(workers: int) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers, initializer=_worker_started)


def _worker_started() -> None:
    # Ctrl-C reaches every process of the terminal's group. It is the parent's to handle: it
    # stops handing out files and waits for those being checked. A worker interrupted would
    # give up its file, or print a traceback if it was waiting for the next.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _result(
    path: str, future: Future[FileOutcome], task: Callable[[str], FileOutcome]
) -> FileOutcome:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:
        # Some worker died; every file it left unfinished is checked again, each in a process
        # of its own, so that only the file that kills its process is blamed.
        return _alone(path, task)


def _alone(path: str, task: Callable[[str], FileOutcome]) -> FileOutcome:
    from concurrent.futures.process import BrokenProcessPool

    with _pool(1) as pool:
        try:
            return pool.submit(task, path).result()
        except BrokenProcessPool:
            return FileOutcome(path, error="the process checking this file died")
