"""Medians over repeats, measured side by side.

The machine is shared and noisy, so the figures that are compared (govbudget against the
references, check against decode) are timed in the same rounds: each repeat runs every function
of a group once in turn, so a burst of load from elsewhere falls on all of them alike and the
ratios of medians stay meaningful when the absolute times do not.

Each timed batch runs a calibrated number of calls (like ``timeit``), after ``gc.collect()`` so
no batch pays for another's garbage; the collector stays enabled during the batch, because
structuring a document allocates thousands of objects and a user's program pays for collecting
them too (``timeit`` disables it, which flatters allocation-heavy code).
"""

from __future__ import annotations

import gc
import math
import statistics
import time
from collections.abc import Callable, Mapping

import attrs

__all__ = ["Timing", "measure", "measure_group"]


@attrs.frozen
class Timing:
    """A measure: the median and the fastest time of one call over ``repeats`` batches of
    ``loops`` calls, in seconds."""

    median: float
    fastest: float
    repeats: int
    loops: int

    def as_json(self) -> dict[str, float | int]:
        return {
            "median_ms": round(self.median * 1e3, 6),
            "min_ms": round(self.fastest * 1e3, 6),
            "repeats": self.repeats,
            "loops": self.loops,
        }


def _loops(function: Callable[[], object], min_time: float) -> int:
    """Calls per batch so that a batch lasts about ``min_time``; the first call also warms
    caches (catalogues, converter hooks), which a long-running checker has warm too."""
    start = time.perf_counter()
    function()
    once = time.perf_counter() - start
    return max(1, min(10_000, math.ceil(min_time / max(once, 1e-7))))


def measure_group(
    functions: Mapping[str, Callable[[], object]], *, repeats: int, min_time: float
) -> dict[str, Timing]:
    """Time every function of ``functions`` in the same rounds; the median per function."""
    loops = {name: _loops(function, min_time) for name, function in functions.items()}
    samples: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(repeats):
        for name, function in functions.items():
            count = loops[name]
            gc.collect()
            start = time.perf_counter()
            for _ in range(count):
                function()
            samples[name].append((time.perf_counter() - start) / count)
    return {
        name: Timing(statistics.median(times), min(times), repeats, loops[name])
        for name, times in samples.items()
    }


def measure(function: Callable[[], object], *, repeats: int, min_time: float) -> Timing:
    """Time one function."""
    return measure_group({"f": function}, repeats=repeats, min_time=min_time)["f"]
