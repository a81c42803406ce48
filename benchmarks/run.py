"""Run the benchmark suite: ``python -m benchmarks [--quick] [--output PATH]``.

Prints a table (absolute medians, ratios to the pydantic and msgspec references measured in
the same run, issue #10's targets met or not) and writes every figure as JSON, with the machine
described, for comparison across commits. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

import govbudget
from benchmarks import fresh, reference, workloads
from benchmarks.machine import describe
from benchmarks.report import render, targets
from benchmarks.timing import Timing, measure, measure_group
from govbudget.bulk import check_files
from govbudget.ledger import ClassLayout

__all__ = ["main"]

DEFAULT_OUTPUT = Path(__file__).resolve().parent / "results" / "latest.json"


@attrs.frozen
class Settings:
    """How much to measure: ``--quick`` for the test, the full run for docs/performance.md."""

    repeats: int  # batches per measure on the realistic department and the seed
    big_repeats: int  # batches per measure on inputs ×10 and larger
    min_time: float  # seconds per batch (calls per batch are calibrated to it)
    scales: tuple[int, ...]  # sizes of the synthetic department
    read_factors: tuple[int, ...]  # sizes of the seed's text
    import_runs: int
    stream: int  # departments checked as a stream
    bulk_files: int  # copies of the seed checked with --jobs 1 and on every core
    bulk_runs: int


FULL = Settings(15, 7, 0.2, (1, 10, 100), (1, 10, 100), 15, 10_000, 200, 5)
QUICK = Settings(3, 2, 0.005, (1, 2), (1, 2), 3, 30, 4, 1)


def _progress(message: str) -> None:
    print(f"[benchmarks] {message}", file=sys.stderr, flush=True)


def _timings(timings: dict[str, Timing]) -> dict[str, Any]:
    return {name: timing.as_json() for name, timing in timings.items()}


# The rules whose comparisons the references make ("the same sums"): the within-table sums of
# the nine budget tables.
SUM_RULES = tuple(
    r.id
    for r in govbudget.rules()
    if r.id[:2] in {f"T{n}" for n in range(1, 10)}
    and r.id.endswith(("-COLUMNS", "-TOTAL", "-SUM-ROWS"))
)


def _document_group(
    text: str, budget: govbudget.DepartmentBudget, refs: dict[str, Any]
) -> dict[str, Callable[[], object]]:
    """govbudget and both references on one JSON text, timed in the same rounds, with the
    floor of any decoder built on the standard library: ``json.loads`` alone."""
    pydantic_decode, pydantic_shapes = refs["pydantic"]
    msgspec_decode, msgspec_shapes = refs["msgspec"]
    return {
        "from_json": lambda: govbudget.from_json(text),
        "to_json": lambda: govbudget.to_json(budget),
        "check": lambda: govbudget.check(budget),
        "from_json+check": lambda: govbudget.check(govbudget.from_json(text)),
        "from_json+sums": lambda: govbudget.check(govbudget.from_json(text), select=SUM_RULES),
        "json.loads": lambda: json.loads(text),
        "pydantic": lambda: pydantic_decode(text),
        "pydantic+sums": lambda: reference.sums(pydantic_decode(text), pydantic_shapes, [0, 0, 0]),
        "msgspec": lambda: msgspec_decode(text),
        "msgspec+sums": lambda: reference.sums(msgspec_decode(text), msgspec_shapes, [0, 0, 0]),
    }


def _sanity(texts: dict[str, str], refs: dict[str, Any]) -> dict[str, Any]:
    """The references must count the comparisons, rounding differences and failures that
    govbudget's rules make, and ``check`` must report one finding per failure."""
    out: dict[str, Any] = {}
    for name, text in texts.items():
        tallies = {}
        for library, (decode, shapes) in refs.items():
            counts = [0, 0, 0]
            reference.sums(decode(text), shapes, counts)
            tallies[library] = reference.Tally(*counts)
        budget = govbudget.from_json(text)
        own, findings = reference.govbudget_tally(budget)
        tallies["govbudget"] = own
        # What "from_json+sums" times: check with only those rules finds the same.
        selected = len(govbudget.check(budget, select=SUM_RULES).findings)
        agree = len(set(tallies.values())) == 1 and findings == selected == own.failed
        out[name] = {
            **{library: tally._asdict() for library, tally in tallies.items()},
            "check_findings": findings,
            "sum_rules_findings": selected,
            "agree": agree,
        }
    return out


def _scaling(settings: Settings) -> dict[str, Any]:
    """The synthetic department at every size, decoded and checked in the same rounds: the
    sizes are compared with each other, so they must share the machine's load."""
    departments = []
    for scale in settings.scales:
        _progress(f"scaling: building the department ×{scale}")
        departments.append(workloads.department(scale))
    group: dict[str, Callable[[], object]] = {}
    for department in departments:
        text, budget = department.json, department.budget
        group[f"×{department.scale} from_json"] = lambda text=text: govbudget.from_json(text)
        group[f"×{department.scale} check"] = lambda budget=budget: govbudget.check(budget)
        group[f"×{department.scale} from_json+check"] = lambda text=text: govbudget.check(
            govbudget.from_json(text)
        )
    _progress("scaling: decode and check at every size")
    timings = measure_group(group, repeats=settings.big_repeats, min_time=settings.min_time)
    sizes = []
    for department in departments:
        scale, budget, source = department.scale, department.budget, department.ledger
        _progress(f"scaling: derive ×{scale}")
        # Derivation is measured alone (×100 takes seconds): a figure of its growth, not a ratio.
        derive = measure(
            lambda source=source: govbudget.derive(source, classes=ClassLayout.WITH_MONEY),
            repeats=1 if scale >= 100 else 3,
            min_time=settings.min_time,
        )
        mine = {
            measure_name: timings[f"×{scale} {measure_name}"]
            for measure_name in ("from_json", "check", "from_json+check")
        }
        total = mine["from_json+check"].median
        report = govbudget.check(budget)
        sizes.append(
            {
                "scale": scale,
                "rows": department.rows,
                "figures": department.figures,
                "printed_figures": department.printed,
                "items": len(source.items),
                "projects": len(budget.project_goals),
                "json_chars": len(department.json),
                "findings": len(report.findings),
                "errors": len(report.errors),
                **_timings(mine),
                "derive": derive.as_json(),
                "per_row_us": total / department.rows * 1e6,
                "per_figure_us": total / department.figures * 1e6,
                # Goals and facts grow with the tables but are neither rows nor figures: the
                # JSON text measures all the content.
                "per_kchar_us": total / len(department.json) * 1e9,
                "derive_per_item_us": derive.median / len(source.items) * 1e6,
            }
        )
    _marginal(sizes, "rows", "per_row_us")
    first, last = sizes[0], sizes[-1]
    return {
        "sizes": sizes,
        "ratio_per_row": last["per_row_us"] / first["per_row_us"],
        "ratio_marginal_per_row": _ratio(sizes, "marginal_per_row_us"),
        "ratio_per_figure": last["per_figure_us"] / first["per_figure_us"],
        "ratio_per_kchar": last["per_kchar_us"] / first["per_kchar_us"],
        "ratio_derive_per_item": last["derive_per_item_us"] / first["derive_per_item_us"],
        "from": first["scale"],
        "to": last["scale"],
    }


def _marginal(sizes: list[dict[str, Any]], count: str, per: str) -> None:
    """Add the cost of each size's extra rows (lines) over the size before: constant when the
    cost grows linearly, whatever the fixed cost every input pays once."""
    previous = None
    for size in sizes:
        key = f"marginal_{per}"
        size[key] = None
        if previous is not None:
            extra_time = size[per] * size[count] - previous[per] * previous[count]
            size[key] = extra_time / (size[count] - previous[count])
        previous = size


def _ratio(sizes: list[dict[str, Any]], key: str) -> float | None:
    """The last step's marginal cost over the first step's (``None`` with two sizes only)."""
    steps = [size[key] for size in sizes if size[key] is not None]
    return steps[-1] / steps[0] if len(steps) >= 2 else None


def _read_scaling(settings: Settings) -> dict[str, Any]:
    """read_text of the seed extended to every size, in the same rounds (see _scaling)."""
    texts = {}
    for factor in settings.read_factors:
        _progress(f"read_text scaling: the seed ×{factor}")
        texts[factor] = workloads.seed_text_scaled(factor)
    timings = measure_group(
        {
            f"×{factor}": lambda text=text: govbudget.read_text(text)
            for factor, (text, _added) in texts.items()
        },
        repeats=settings.big_repeats,
        min_time=settings.min_time,
    )
    sizes = []
    for factor, (text, added) in texts.items():
        budget = govbudget.read_text(text)
        read_findings = [finding.rule for finding in budget.read_findings]
        rows = [len(t.rows) for t in (budget.income, budget.expenditure) if t is not None]
        timing = timings[f"×{factor}"]
        lines = text.count("\n") + 1
        sizes.append(
            {
                "factor": factor,
                "lines": lines,
                "chars": len(text),
                "rows_added_per_table": added,
                "table_rows": rows,
                "read_findings": read_findings,
                "read_text": timing.as_json(),
                "per_line_us": timing.median / lines * 1e6,
            }
        )
    _marginal(sizes, "lines", "per_line_us")
    return {
        "sizes": sizes,
        "ratio_per_line": sizes[-1]["per_line_us"] / sizes[0]["per_line_us"],
        "ratio_marginal_per_line": _ratio(sizes, "marginal_per_line_us"),
        "from": sizes[0]["factor"],
        "to": sizes[-1]["factor"],
        "all_read": all(not size["read_findings"] for size in sizes),
    }


def run(settings: Settings, *, quick: bool) -> dict[str, Any]:
    started = time.perf_counter()
    results: dict[str, Any] = {
        "format": 1,
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "quick": quick,
        "settings": attrs.asdict(settings),
        "machine": describe(),
    }
    _progress("building the workloads and the references")
    refs = {"pydantic": reference.pydantic_model(), "msgspec": reference.msgspec_decoder()}
    department = workloads.department(1)
    seed_text = workloads.seed_text()
    seed = govbudget.read_text(seed_text)
    seed_json = govbudget.to_json(seed)
    results["workloads"] = {
        "department": {
            "rows": department.rows,
            "figures": department.figures,
            "printed_figures": department.printed,
            "items": len(department.ledger.items),
            "projects": len(department.budget.project_goals),
            "json_chars": len(department.json),
            "findings": len(govbudget.check(department.budget).findings),
        },
        "seed": {
            "rows": workloads.table_size(seed)[0],
            "figures": workloads.table_size(seed)[1],
            "printed_figures": workloads.table_size(seed)[2],
            "lines": seed_text.count("\n") + 1,
            "json_chars": len(seed_json),
            "findings": len(govbudget.check(seed).findings),
        },
    }
    results["sum_rules"] = list(SUM_RULES)
    _progress("sanity check of the references")
    results["sanity"] = _sanity(
        {
            "department": department.json,
            "seed": seed_json,
            "corrupted": workloads.corrupted(department.json),
        },
        refs,
    )
    measures: dict[str, Any] = {}
    _progress("the realistic department: govbudget, pydantic, msgspec")
    measures["department"] = _timings(
        measure_group(
            _document_group(department.json, department.budget, refs),
            repeats=settings.repeats,
            min_time=settings.min_time,
        )
    )
    _progress("the seed: govbudget, pydantic, msgspec, read_text")
    group = _document_group(seed_json, seed, refs)
    group["read_text"] = lambda: govbudget.read_text(seed_text)
    measures["seed"] = _timings(
        measure_group(group, repeats=settings.repeats, min_time=settings.min_time)
    )
    _progress("derive")
    ledger = department.ledger
    measures["derive"] = measure(
        lambda: govbudget.derive(ledger, classes=ClassLayout.WITH_MONEY),
        repeats=settings.repeats,
        min_time=settings.min_time,
    ).as_json()
    measures["scaling"] = _scaling(settings)
    measures["read_scaling"] = _read_scaling(settings)
    measures["bulk"] = _bulk(settings, seed_text)
    _progress("import govbudget in fresh interpreters")
    measures["import"] = fresh.import_time(settings.import_runs)
    _progress(f"{settings.stream:,} departments checked as a stream (tracemalloc)")
    measures["stream"] = fresh.stream_memory(settings.stream)
    results["measures"] = measures
    results["ratios"] = _ratios(measures)
    results["targets"] = targets(results)
    results["seconds"] = round(time.perf_counter() - started, 1)
    return results


def _bulk(settings: Settings, seed_text: str) -> dict[str, Any]:
    """``check_files`` (what ``govbudget check DIR --jobs N`` runs) over copies of the seed, on
    one process and on every core, interleaved: the wall time of each and the speed-up."""
    workers = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number in range(settings.bulk_files):
            path = Path(folder) / f"{number:04}.txt"
            path.write_text(seed_text, "utf-8")
            paths.append(str(path))
        times: dict[int, list[float]] = {1: [], workers: []}
        for run in range(settings.bulk_runs):
            for jobs in times:
                _progress(f"bulk: {len(paths)} files, --jobs {jobs} (run {run + 1})")
                start = time.perf_counter()
                outcomes = list(check_files(paths, jobs=jobs))
                times[jobs].append(time.perf_counter() - start)
                if any(outcome.report is None for outcome in outcomes):
                    raise RuntimeError("a copy of the seed was not checked")
    one, every = statistics.median(times[1]), statistics.median(times[workers])
    return {
        "files": len(paths),
        "workers": workers,
        "runs": settings.bulk_runs,
        "seconds_jobs_1": [round(t, 3) for t in times[1]],
        "seconds_all_cores": [round(t, 3) for t in times[workers]],
        "median_jobs_1": one,
        "median_all_cores": every,
        "speedup": one / every,
    }


def _ratios(measures: dict[str, Any]) -> dict[str, float]:
    """govbudget's time over the reference's (below 1: govbudget is faster), except
    ``speedup_*``, the reference's time over govbudget's (above 1: govbudget is faster)."""
    d = {name: timing["median_ms"] for name, timing in measures["department"].items()}
    return {
        "decode_vs_pydantic": d["from_json"] / d["pydantic"],
        "decode_vs_msgspec": d["from_json"] / d["msgspec"],
        "speedup_vs_pydantic_sums": d["pydantic+sums"] / d["from_json+check"],
        "speedup_vs_msgspec_sums": d["msgspec+sums"] / d["from_json+check"],
        # The same work on both sides: decode, structure and only the sums the references make.
        "speedup_same_sums_vs_pydantic": d["pydantic+sums"] / d["from_json+sums"],
        "speedup_same_sums_vs_msgspec": d["msgspec+sums"] / d["from_json+sums"],
        "check_vs_decode": d["check"] / d["from_json"],
        # The floor: the standard library's json.loads alone, before any structuring.
        "json_loads_vs_msgspec": d["json.loads"] / d["msgspec"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="few repeats and small sizes (seconds, for tests)"
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help="where to write the JSON results (default: benchmarks/results/latest.json)",
    )
    parser.add_argument(
        "--stream",
        type=int,
        help="departments to check as a stream (default: 10000; --quick: 30)",
    )
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL
    if args.stream is not None:
        settings = attrs.evolve(settings, stream=args.stream)
    results = run(settings, quick=args.quick)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(render(results))
    print(f"\nresults: {args.output}")
    return 0
