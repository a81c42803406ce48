"""Bulk checking: :mod:`govbudget.bulk`, ``govbudget check --jobs N`` and the Dask example.

The outcome of a file is the same whether it is checked in this process, on a pool of processes
or on a Dask cluster; ``--jobs 2`` prints byte for byte what ``--jobs 1`` prints, progress bar
included, and exits the same; a bad file, a fault of govbudget's on one file or a dying worker
costs only that file.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import govbudget.bulk
from govbudget.bulk import FileOutcome, check_bytes, check_file, check_files, files_in, load_file
from govbudget.strategies import example_budget
from govbudget.writing import to_json
from test_cli import stderr_on_a_terminal  # the pseudo-terminal helper of tests/test_cli.py

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "src" / "govbudget" / "samples" / "kaiping_2025.txt"
SEED_BUNDLE = ROOT / "tests" / "data" / "seed_bundle.json"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Good, bad and unreadable files: the seed as text and bundle (an error each), a generated
    budget without error (as JSON), and files that cannot be read, one in a subdirectory."""
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "seed.txt").write_bytes(SEED_TEXT.read_bytes())
    (folder / "seed_bundle.json").write_bytes(SEED_BUNDLE.read_bytes())
    (folder / "example.json").write_text(to_json(example_budget()), "utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "report.json").write_text('{"type": "Report", "version": 1, "findings": []}')
    (folder / "sub").mkdir()
    (folder / "sub" / "truncated.json").write_bytes(SEED_BUNDLE.read_bytes()[:3000])
    (folder / "sub" / "notes.docx").write_bytes(b"PK")  # not a *.json, *.txt or *.pdf: not checked
    return folder


# --- the library -------------------------------------------------------------------------------


def test_files_in_finds_json_and_txt_sorted(corpus: Path) -> None:
    names = [Path(path).relative_to(corpus).as_posix() for path in files_in(corpus)]
    assert names == [
        "empty.txt",
        "example.json",
        "image.txt",
        "report.json",
        "seed.txt",
        "seed_bundle.json",
        "sub/truncated.json",
    ]


def test_outcomes_of_good_bad_and_unreadable_files(corpus: Path) -> None:
    seed = check_file(corpus / "seed.txt")
    assert seed.path == str(corpus / "seed.txt")
    assert (seed.kind, seed.error, seed.ok, seed.readable) == (
        "DepartmentBudget",
        None,
        False,
        True,
    )
    assert seed.report is not None and seed.report.rule_ids()[0] == "TXT-FIXED-ASSETS"
    example = check_file(corpus / "example.json")
    assert example.ok and example.report is not None and not example.report.errors
    expected = {
        "empty.txt": (None, "the file is empty"),
        "image.txt": (None, "not a text file (it holds NUL bytes)"),
        "report.json": ("Report", "a Report document: no rule checks it"),
        "sub/truncated.json": (None, "not valid JSON"),
        "missing.txt": (None, "no such file or directory"),
        "sub": (None, "Is a directory"),
    }
    for name, (kind, error) in expected.items():
        outcome = check_file(corpus / name)
        assert outcome.kind == kind and outcome.report is None, name
        assert outcome.error is not None and error in outcome.error, outcome.error
        assert not outcome.ok and not outcome.readable


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root reads a file without permission"
)
def test_a_file_without_permission_is_an_outcome(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_bytes(SEED_TEXT.read_bytes())
    path.chmod(0)
    assert check_file(path).error == "Permission denied"


def test_check_bytes_is_check_file_without_the_file(corpus: Path) -> None:
    for path in files_in(corpus):
        assert check_bytes(Path(path).read_bytes(), path) == check_file(path)


def test_load_file_gives_the_object_or_raises(corpus: Path) -> None:
    assert type(load_file(corpus / "seed_bundle.json")).__name__ == "DepartmentBudget"
    with pytest.raises(govbudget.bulk.UnreadableError, match="not valid JSON"):
        load_file(corpus / "sub" / "truncated.json")


def test_a_fault_of_govbudget_is_the_outcome_of_that_file_only(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(obj: object, **_options: object) -> govbudget.Report:
        raise RuntimeError("boom")

    monkeypatch.setattr(govbudget.bulk, "check", broken)
    outcomes = list(check_files([corpus / "seed.txt", corpus / "empty.txt"], jobs=1))
    assert outcomes[0].kind == "DepartmentBudget"
    assert outcomes[0].error == (
        "govbudget failed on this file (RuntimeError: boom); please report it"
    )
    assert outcomes[1].error == "the file is empty"


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_check_files_in_input_order_as_check_file(corpus: Path, jobs: int) -> None:
    paths = [*files_in(corpus), str(corpus / "missing.json"), *reversed(files_in(corpus))]
    outcomes = list(check_files(paths, jobs=jobs))
    assert outcomes == [check_file(path) for path in paths]


def test_check_files_takes_paths_as_it_goes(tmp_path: Path) -> None:
    path = tmp_path / "example.json"
    path.write_text(to_json(example_budget()), "utf-8")
    taken = 0

    def paths() -> Iterator[Path]:
        nonlocal taken
        for _ in range(1000):
            taken += 1
            yield path

    outcomes = check_files(paths(), jobs=2)
    assert next(outcomes).ok
    assert taken <= 2 * govbudget.bulk._AHEAD_PER_WORKER + 1
    outcomes.close()  # type: ignore[attr-defined]  # a generator: the pool ends, no more is read
    assert taken <= 2 * govbudget.bulk._AHEAD_PER_WORKER + 1


def test_jobs_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        check_files([], jobs=0)


_POISON = "poison.txt"


def _dies_on_poison(path: str) -> FileOutcome:
    """A task whose process dies (as when the kernel kills it) on one file."""
    if path.endswith(_POISON):
        os._exit(70)
    return check_file(path)


@pytest.mark.skipif(sys.platform == "win32", reason="the task is found in the worker by fork")
def test_a_dying_worker_costs_only_its_file(corpus: Path) -> None:
    import multiprocessing

    if multiprocessing.get_context().get_start_method() != "fork":
        pytest.skip("the test's task reaches the workers only when they are forked")
    paths = [*files_in(corpus), str(corpus / _POISON), *files_in(corpus)]
    outcomes = list(govbudget.bulk._pooled(iter(paths), 2, _dies_on_poison))
    poisoned = len(files_in(corpus))
    assert outcomes[poisoned] == FileOutcome(
        str(corpus / _POISON), error="the process checking this file died"
    )
    others = outcomes[:poisoned] + outcomes[poisoned + 1 :]
    assert others == [check_file(path) for path in paths if not path.endswith(_POISON)]


# --- the command line --------------------------------------------------------------------------


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govbudget", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )


@pytest.mark.parametrize("form", ["text", "json", "markdown"])
def test_jobs_2_prints_and_exits_as_jobs_1(corpus: Path, form: str) -> None:
    one = run("check", "--format", form, "--jobs", "1", corpus, SEED_TEXT, corpus / "missing.txt")
    two = run("check", "--format", form, "--jobs", "2", corpus, SEED_TEXT, corpus / "missing.txt")
    assert one.returncode == 2
    # empty, image, report, truncated, missing: one line each, no traceback
    assert len(one.stderr.splitlines()) == 5 and "Traceback" not in one.stderr
    assert str(SEED_TEXT) in one.stdout
    assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr)


@pytest.mark.parametrize(
    ("files", "status"),
    [(["example.json"], 0), (["example.json", "seed.txt"], 1), (["seed.txt", "empty.txt"], 2)],
)
def test_exit_status_is_the_same_on_every_jobs(
    corpus: Path, tmp_path: Path, files: list[str], status: int
) -> None:
    for name in files:
        (tmp_path / name).write_bytes((corpus / name).read_bytes())
    for jobs in ("1", "2"):
        result = run("check", "--quiet", "--jobs", jobs, tmp_path)
        assert (result.returncode, result.stdout) == (status, ""), result.stderr


def test_fail_on_warning_with_jobs(corpus: Path, tmp_path: Path) -> None:
    # 2230198, a code that neither the catalogue nor real documents know: warnings, no error.
    warned = (corpus / "example.json").read_text("utf-8").replace("2230199", "2230198")
    (tmp_path / "a.json").write_text(warned, "utf-8")
    (tmp_path / "b.json").write_bytes((corpus / "example.json").read_bytes())
    assert run("check", "-q", "-j", "2", tmp_path).returncode == 0
    assert run("check", "-q", "-j", "2", "--fail-on", "warning", tmp_path).returncode == 1


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_jobs_that_are_not_a_number_of_processes(jobs: str) -> None:
    result = run("check", "--jobs", jobs, SEED_TEXT)
    assert result.returncode == 2
    assert "usage:" in result.stderr and "not a number of processes" in result.stderr


def _children(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()


@pytest.mark.skipif(
    not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
    reason="finding the workers of a process needs Linux's /proc",
)
def test_ctrl_c_under_jobs_stops_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    """Ctrl-C at a terminal interrupts every process of its group while the workers check:
    the parent stops handing out files, says so in one line and exits 130; the workers leave
    the interrupt to it."""
    for number in range(400):
        (tmp_path / f"{number:03}.txt").write_bytes(SEED_TEXT.read_bytes())
    process = subprocess.Popen(
        [sys.executable, "-m", "govbudget", "check", "--jobs", "2", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        start_new_session=True,  # a process group of its own, as a terminal's job has
    )
    deadline = time.monotonic() + 60
    while len(_children(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # the workers are checking files
    os.killpg(process.pid, signal.SIGINT)
    printed, errors = process.communicate(timeout=60)
    assert process.returncode == 130, errors.decode("utf-8", "replace")
    assert errors.decode("utf-8") == "govbudget: 已中断 (interrupted)\n"
    assert printed == b""  # the reports of several files are written at the end


def test_workers_leave_ctrl_c_to_the_parent() -> None:
    with govbudget.bulk._pool(1) as pool:
        handler = pool.submit(functools.partial(signal.getsignal, signal.SIGINT)).result()
    assert handler == signal.SIG_IGN
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # this process's own


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_the_progress_bar_is_the_same_on_every_jobs(corpus: Path) -> None:
    out_one, bar_one = stderr_on_a_terminal("check", "--jobs", "1", corpus)
    out_two, bar_two = stderr_on_a_terminal("check", "--jobs", "2", corpus)
    assert "] 6/7 truncated.json" in bar_one
    assert (out_two, bar_two) == (out_one, bar_one)


# --- Dask --------------------------------------------------------------------------------------


def test_the_dask_example_gives_the_outcomes_of_check_file(corpus: Path) -> None:
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    spec = importlib.util.spec_from_file_location("dask_check", ROOT / "examples" / "dask_check.py")
    assert spec is not None and spec.loader is not None
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    paths = example.expand([str(corpus)])
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        outcomes = example.check_on_dask(paths, client)
        assert len(client.scheduler_info()["workers"]) == 2
    assert outcomes == [check_file(path) for path in paths]
    summary = example.summary(outcomes)
    assert summary.splitlines()[-1].startswith("7 个文件 files：3 个已检查 checked")
