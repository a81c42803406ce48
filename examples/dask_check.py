"""Check a corpus on Dask: the same check as ``govbudget check DIR``, spread over a cluster.

For corpora that outgrow one machine (a province's tens of thousands of departments, a national
corpus of several hundred thousand a year). A ``dask.bag`` of paths is mapped through
:func:`govbudget.bulk.check_file`, the very function ``govbudget check --jobs N`` runs on its
processes, on a local ``dask.distributed`` cluster of two worker processes; each worker sends
back a small :class:`~govbudget.bulk.FileOutcome` (the report, or why the file could not be
read), never the budget it read. On a real cluster, pass the scheduler's address instead of
starting a ``LocalCluster``; the workers must see the same paths (a shared file system), or map
:func:`~govbudget.bulk.check_bytes` over the bytes of each file.

Without a PATH, checks a small corpus written to a temporary directory: the bundled example as a
text dump and as a govbudget JSON document, a generated consistent budget, and an empty file.
Needs the extra: ``pip install govbudget[dask]``.

Run:  python examples/dask_check.py [PATH …]
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import dask.bag as db
from distributed import Client, LocalCluster

from govbudget import read_text
from govbudget.bulk import FileOutcome, check_file, files_in
from govbudget.strategies import example_budget
from govbudget.writing import to_json
from govbudget.writing.cells import text_columns


def check_on_dask(paths: Sequence[str], client: Client) -> list[FileOutcome]:
    """The outcome of each file, in the order of ``paths``, checked on ``client``'s workers."""
    bag = db.from_sequence(paths, npartitions=max(1, min(len(paths), 64)))
    outcomes: list[FileOutcome] = bag.map(check_file).compute(scheduler=client)
    return outcomes


def summary(outcomes: Sequence[FileOutcome]) -> str:
    """A line per file (errors, warnings, infos, or why it could not be read), then the totals."""
    rows = [["文件 file", "错误", "警告", "提示", "说明"]]
    for outcome in outcomes:
        if outcome.report is None:
            rows.append([outcome.path, "-", "-", "-", f"无法读取：{outcome.error}"])
        else:
            counts = outcome.report.counts
            rows.append([outcome.path, *(str(counts[s]) for s in ("error", "warning", "info")), ""])
    read = [outcome for outcome in outcomes if outcome.report is not None]
    failed = sum(not outcome.ok for outcome in read)
    totals = (
        f"{len(outcomes)} 个文件 files：{len(read)} 个已检查 checked（其中 {failed} 个有错误 "
        f"with errors），{len(outcomes) - len(read)} 个无法读取 unreadable"
    )
    return "\n".join([*text_columns(rows, right={1, 2, 3}), totals])


def demo_corpus(folder: Path) -> list[str]:
    """A few files to check: the seed as text and as JSON, a generated budget, an empty file."""
    seed = resources.files("govbudget").joinpath("samples", "kaiping_2025.txt").read_text("utf-8")
    (folder / "kaiping_2025.txt").write_text(seed, "utf-8")
    (folder / "kaiping_2025.json").write_text(to_json(read_text(seed)), "utf-8")
    (folder / "example.json").write_text(to_json(example_budget()), "utf-8")
    (folder / "empty.txt").write_text("", "utf-8")
    return files_in(folder)


def expand(given: Sequence[str]) -> list[str]:
    """Each file given, and the files ``govbudget check`` finds in each directory given."""
    return [path for each in given for path in (files_in(each) if Path(each).is_dir() else [each])]


def main(argv: Sequence[str]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        paths = expand(argv) if argv else demo_corpus(Path(scratch))
        with (
            LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            outcomes = check_on_dask(paths, client)
        print(summary(outcomes))


if __name__ == "__main__":
    main(sys.argv[1:])
