"""Measures that need a fresh interpreter: ``import govbudget`` and the memory stream."""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

__all__ = ["import_time", "stream_memory"]

ROOT = Path(__file__).resolve().parent.parent
_IMPORTTIME = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")
# What `import govbudget` should not pull in (issue #10: loaded lazily, if at all).
_HEAVY = ("hypothesis", "pandas", "numpy", "jsonschema", "frictionless")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=True, cwd=ROOT
    )


def _wall(code: str) -> float:
    start = time.perf_counter()
    _run("-c", code)
    return time.perf_counter() - start


def import_time(runs: int) -> dict[str, Any]:
    """``import govbudget`` in a fresh interpreter, ``runs`` times: the wall-clock time of
    ``python -c "import govbudget"`` minus that of ``python -c pass`` (interleaved, medians),
    and the cumulative time ``-X importtime`` reports for the package, with its slowest
    direct imports (where the time goes)."""
    bare: list[float] = []
    full: list[float] = []
    cumulative: list[int] = []
    children: dict[str, list[int]] = {}
    own: dict[str, list[int]] = {}
    for _ in range(runs):
        bare.append(_wall("pass"))
        full.append(_wall("import govbudget"))
        lines = _run("-X", "importtime", "-c", "import govbudget").stderr.splitlines()
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
                    cumulative.append(int(total))
                    for child, micros in subtree:
                        children.setdefault(child, []).append(micros)
                    for module, micros in selves:
                        own.setdefault(module, []).append(micros)
                subtree = []
                selves = []
    modules = _run(
        "-c",
        "import sys, json, govbudget; print(json.dumps(sorted(sys.modules)))",
    ).stdout
    loaded = json.loads(modules)

    def slowest(times: dict[str, list[int]]) -> dict[str, float]:
        medians = sorted(((statistics.median(t), name) for name, t in times.items()), reverse=True)
        return {name: round(micros / 1e3, 2) for micros, name in medians[:8]}

    return {
        "runs": runs,
        "wall_ms": statistics.median(full) * 1e3 - statistics.median(bare) * 1e3,
        "python_startup_ms": statistics.median(bare) * 1e3,
        "importtime_ms": statistics.median(cumulative) / 1e3 if cumulative else None,
        # Cumulative time of govbudget's direct imports, and the modules slowest on their own
        # (their module body: building converters, compiling patterns, importing a library).
        "direct_imports_ms": slowest(children),
        "slowest_modules_self_ms": slowest(own),
        "modules_loaded": len(loaded),
        "heavy_modules_loaded": [m for m in _HEAVY if m in loaded],
    }


def stream_memory(count: int) -> dict[str, Any]:
    """Peak memory of ``count`` departments checked as a stream (``benchmarks.stream``)."""
    result: dict[str, Any] = json.loads(_run("-m", "benchmarks.stream", str(count)).stdout)
    return result
