"""Peak memory of checking departments as a stream, run in a fresh interpreter.

``python -m benchmarks.stream COUNT`` reads COUNT departments one JSON text at a time
(``from_json`` → ``check`` → drop) and prints, as JSON, the peak memory tracemalloc saw while
doing it, with checkpoints (1, 10, 100 … departments) that show whether the peak keeps growing.

The texts are the realistic synthetic department of a few seeds, renamed for each department
(``某局`` → ``某局00042``): every text is new, as in a real corpus, while generating them costs
a string replacement instead of a ledger derivation per department. The stream runs twice:
first untraced, for the time per department and the process's peak resident memory (what an
operator sees), then under tracemalloc (which slows Python about tenfold and whose bookkeeping
inflates the resident memory), for the peak of the memory Python allocates. tracemalloc starts
after the imports and the first pass, so its peak is what the stream itself holds: the
documents in flight plus whatever the library retains from one department to the next.
"""

from __future__ import annotations

import json
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable

import govbudget
from benchmarks.workloads import department

__all__ = ["main"]

SEEDS = 8


def _peak_rss_mb() -> float:
    """The process's peak resident memory, interpreter and imports included. Linux's VmHWM
    starts afresh at exec; ``ru_maxrss`` would report the parent's peak when it is larger
    (Linux keeps it across fork and exec), which here is the benchmark runner's."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1e3
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3  # kilobytes on Linux


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    count = int(args[0]) if args else 10_000
    templates = [department(1, seed=seed).json for seed in range(SEEDS)]
    govbudget.check(govbudget.from_json(templates[0]))  # warm caches

    def stream(checkpoint: Callable[[int], None]) -> int:
        errors = 0
        for number in range(1, count + 1):
            text = templates[number % SEEDS].replace("某局", f"某局{number:05d}")
            errors += len(govbudget.check(govbudget.from_json(text)).errors)
            del text
            checkpoint(number)
        return errors

    start = time.perf_counter()
    errors = stream(lambda _number: None)
    seconds = time.perf_counter() - start
    max_rss_mb = _peak_rss_mb()

    checkpoints = []

    def traced(number: int) -> None:
        if number in (1, 10, 100, 1000, 10_000, count):
            current, peak = tracemalloc.get_traced_memory()
            checkpoints.append(
                {"departments": number, "current_mb": current / 1e6, "peak_mb": peak / 1e6}
            )

    tracemalloc.start()
    start = time.perf_counter()
    errors += stream(traced)
    traced_seconds = time.perf_counter() - start
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    result = {
        "departments": count,
        "peak_mb": peak / 1e6,
        "current_mb": current / 1e6,
        "checkpoints": checkpoints,
        "seconds": seconds,
        "per_department_ms": seconds / count * 1e3,
        "max_rss_mb": max_rss_mb,
        "traced_seconds": traced_seconds,
        "errors": errors,
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
