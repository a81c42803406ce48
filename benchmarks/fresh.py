"""Measures that need a fresh interpreter: ``import govbudget`` and the memory stream."""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

__all__ = ["import_time", "stream_memory"]

ROOT = Path(__file__).resolve().parent.parent
_IMPORTTIME = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")
# What `import govbudget` should not pull in (issue #10: loaded lazily, if at all).
_HEAVY = ("hypothesis", "pandas", "numpy", "jsonschema", "frictionless")


def _run(*args: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=True, cwd=ROOT, env=env
    )


def _wall(code: str, env: Mapping[str, str]) -> float:
    start = time.perf_counter()
    _run("-c", code, env=env)
    return time.perf_counter() - start


def _environments(cache: str) -> dict[str, dict[str, str]]:
    """The children's environments: "warm" reads the bytecode a priming import wrote to
    ``cache``, as an installed package has it (pip compiles it); "cold" compiles govbudget's
    source at every import, as a checkout run with ``PYTHONDONTWRITEBYTECODE`` does (when no
    ``__pycache__`` sits beside the source)."""
    inherited = {
        name: value
        for name, value in os.environ.items()
        if name not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")
    }
    return {
        "warm": {**inherited, "PYTHONPYCACHEPREFIX": cache},
        "cold": {**inherited, "PYTHONDONTWRITEBYTECODE": "1"},
    }


@attrs.define
class _Samples:
    """One environment's measures over the runs."""

    bare: list[float] = attrs.Factory(list)
    full: list[float] = attrs.Factory(list)
    cumulative: list[int] = attrs.Factory(list)
    children: dict[str, list[int]] = attrs.Factory(dict)
    own: dict[str, list[int]] = attrs.Factory(dict)

    def add_importtime(self, lines: list[str]) -> None:
        # A module's imports are printed before it: the govbudget line closes its subtree.
        subtree: list[tuple[str, int]] = []
        selves: list[tuple[str, int]] = []
        for line in lines:
            match = _IMPORTTIME.match(line)
            if match is None:
                continue
            self_time, total, indent, name = match.groups()
            depth = len(indent) // 2
            selves.append((name, int(self_time)))
            if depth == 1:
                subtree.append((name, int(total)))
            elif depth == 0:
                if name == "govbudget":
                    self.cumulative.append(int(total))
                    for child, micros in subtree:
                        self.children.setdefault(child, []).append(micros)
                    for module, micros in selves:
                        self.own.setdefault(module, []).append(micros)
                subtree = []
                selves = []


def _slowest(times: dict[str, list[int]]) -> dict[str, float]:
    medians = sorted(((statistics.median(t), name) for name, t in times.items()), reverse=True)
    return {name: round(micros / 1e3, 2) for micros, name in medians[:8]}


def import_time(runs: int) -> dict[str, Any]:
    """``import govbudget`` in a fresh interpreter, ``runs`` times, both warm (the bytecode
    cached, as pip installs the package: the target) and cold (the source compiled): the
    wall-clock time of ``python -c "import govbudget"`` minus that of ``python -c pass`` (all
    interleaved, medians), and the cumulative time ``-X importtime`` reports for the package,
    with its slowest direct imports and modules (where the time goes). Keys without ``_cold``
    are the warm figures."""
    with tempfile.TemporaryDirectory(prefix="govbudget-pycache-") as cache:
        environments = _environments(cache)
        _run("-c", "import govbudget", env=environments["warm"])  # writes the bytecode
        samples = {mode: _Samples() for mode in environments}
        for _ in range(runs):
            for mode, env in environments.items():
                sample = samples[mode]
                sample.bare.append(_wall("pass", env))
                sample.full.append(_wall("import govbudget", env))
                timed = _run("-X", "importtime", "-c", "import govbudget", env=env)
                sample.add_importtime(timed.stderr.splitlines())
    modules = _run(
        "-c",
        "import sys, json, govbudget; print(json.dumps(sorted(sys.modules)))",
    ).stdout
    loaded = json.loads(modules)
    warm, cold = samples["warm"], samples["cold"]

    def wall(sample: _Samples) -> float:
        return statistics.median(sample.full) * 1e3 - statistics.median(sample.bare) * 1e3

    def importtime(sample: _Samples) -> float | None:
        return statistics.median(sample.cumulative) / 1e3 if sample.cumulative else None

    return {
        "runs": runs,
        "wall_ms": wall(warm),
        "wall_ms_cold": wall(cold),
        "python_startup_ms": statistics.median(warm.bare) * 1e3,
        "python_startup_ms_cold": statistics.median(cold.bare) * 1e3,
        "importtime_ms": importtime(warm),
        "importtime_ms_cold": importtime(cold),
        # Cumulative time of govbudget's direct imports, and the modules slowest on their own
        # (their module body: building converters, compiling patterns, importing a library);
        # cold, compiling each module's source adds to its own time.
        "direct_imports_ms": _slowest(warm.children),
        "slowest_modules_self_ms": _slowest(warm.own),
        "slowest_modules_self_ms_cold": _slowest(cold.own),
        "modules_loaded": len(loaded),
        "heavy_modules_loaded": [m for m in _HEAVY if m in loaded],
    }


def stream_memory(count: int) -> dict[str, Any]:
    """Peak memory of ``count`` departments checked as a stream (``benchmarks.stream``)."""
    result: dict[str, Any] = json.loads(_run("-m", "benchmarks.stream", str(count)).stdout)
    return result
