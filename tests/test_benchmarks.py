"""The benchmark suite runs as the README says and reports every measure; timings are not
asserted (the machine is shared), only that they are there and that the references agree."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytest.importorskip("pydantic")
pytest.importorskip("msgspec")


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    output = tmp_path_factory.mktemp("benchmarks") / "results.json"
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "targets (issue #10)" in completed.stdout
    loaded: dict[str, Any] = json.loads(output.read_text("utf-8"))
    return loaded


def test_the_readme_names_the_command() -> None:
    assert "python -m benchmarks" in (ROOT / "README.md").read_text("utf-8")


def test_every_measure_is_reported(results: dict[str, Any]) -> None:
    measures = results["measures"]
    for workload in ("department", "seed"):
        for measure in (
            "from_json",
            "to_json",
            "check",
            "from_json+check",
            "pydantic",
            "pydantic+sums",
            "msgspec",
            "msgspec+sums",
        ):
            timing = measures[workload][measure]
            assert timing["median_ms"] > 0 and timing["repeats"] >= 1
    assert measures["seed"]["read_text"]["median_ms"] > 0
    assert measures["derive"]["median_ms"] > 0
    imports = measures["import"]
    for suffix in ("", "_cold"):  # bytecode cached (as installed), and the source compiled
        assert imports[f"wall_ms{suffix}"] is not None and imports[f"importtime_ms{suffix}"] > 0
        assert imports[f"python_startup_ms{suffix}"] > 0
        assert imports[f"slowest_modules_self_ms{suffix}"]
    bulk = measures["bulk"]
    assert bulk["files"] > 0 and bulk["speedup"] > 0 and bulk["workers"] >= 1
    assert len(bulk["seconds_jobs_1"]) == len(bulk["seconds_all_cores"]) == bulk["runs"]
    assert measures["stream"]["departments"] > 0 and measures["stream"]["peak_mb"] > 0
    assert measures["stream"]["errors"] == 0
    scaling = measures["scaling"]
    assert len(scaling["sizes"]) >= 2 and scaling["ratio_per_row"] > 0
    assert scaling["sizes"][-1]["rows"] > scaling["sizes"][0]["rows"]
    assert all(size["errors"] == 0 for size in scaling["sizes"])
    reading = measures["read_scaling"]
    assert len(reading["sizes"]) >= 2 and reading["ratio_per_line"] > 0
    assert reading["all_read"], "a scaled seed was not read in full"
    assert reading["sizes"][-1]["rows_added_per_table"] > 0
    assert set(results["ratios"]) == {
        "decode_vs_pydantic",
        "decode_vs_msgspec",
        "speedup_vs_pydantic_sums",
        "speedup_vs_msgspec_sums",
        "speedup_same_sums_vs_pydantic",
        "speedup_same_sums_vs_msgspec",
        "check_vs_decode",
        "json_loads_vs_msgspec",
    }
    assert scaling["ratio_per_kchar"] > 0


def test_the_workload_is_a_realistic_department(results: dict[str, Any]) -> None:
    department = results["workloads"]["department"]
    assert 120 <= department["rows"] <= 200
    assert 600 <= department["figures"] <= 1000
    assert department["projects"] >= 3


def test_the_references_do_the_same_sums(results: dict[str, Any]) -> None:
    sanity = results["sanity"]
    assert set(sanity) == {"department", "seed", "corrupted"}
    for tallies in sanity.values():
        assert tallies["agree"], tallies
        assert tallies["govbudget"]["comparisons"] > 0
    # The rounding model is exercised, and a corruption is found by all three alike.
    assert sanity["seed"]["govbudget"]["rounding"] > 0
    assert sanity["corrupted"]["pydantic"]["failed"] > 0
    assert sanity["corrupted"]["check_findings"] == sanity["corrupted"]["msgspec"]["failed"]
    # "from_json+sums" runs only the sum rules, which find the same.
    assert sanity["corrupted"]["sum_rules_findings"] == sanity["corrupted"]["check_findings"]
    # Every table's TOTAL; COLUMNS but in table 1; SUM-ROWS in the tables by subject (2, 3, 5-8).
    assert len(results["sum_rules"]) == 9 + 8 + 6
    assert {"T1-TOTAL", "T2-COLUMNS", "T3-SUM-ROWS"} <= set(results["sum_rules"])


def test_targets_and_machine_are_recorded(results: dict[str, Any]) -> None:
    assert len(results["targets"]) >= 7
    assert all(isinstance(target["met"], bool) for target in results["targets"])
    # The import target is judged warm, as pip installs the package, beside the cold figure.
    (imports,) = [t for t in results["targets"] if t["target"].startswith("import govbudget")]
    assert imports["value"] == round(results["measures"]["import"]["wall_ms"], 4)
    assert "compiling the source" in imports["note"]
    machine = results["machine"]
    assert machine["python"] and machine["cores"]
    assert set(machine["packages"]) >= {"govbudget", "attrs", "cattrs", "pydantic", "msgspec"}
