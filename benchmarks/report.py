"""Issue #10's targets judged on a run's results, and the table the command prints."""

from __future__ import annotations

from typing import Any

__all__ = ["render", "targets"]


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target: what it asks, the figure reached, whether it is met."""
    measures = results["measures"]
    ratios = results["ratios"]
    department = measures["department"]
    scaling = measures["scaling"]
    reading = measures["read_scaling"]
    stream = measures["stream"]
    imports = measures["import"]

    def target(
        name: str,
        value: float,
        limit: float,
        unit: str,
        *,
        at_least: bool = False,
        note: str | None = None,
    ) -> dict[str, Any]:
        met = value >= limit if at_least else value <= limit
        wanted = f"{'≥' if at_least else '≤'} {limit:g}{unit}"
        judged = {
            "target": name,
            "wanted": wanted,
            "value": round(value, 4),
            "unit": unit,
            "met": met,
        }
        return judged if note is None else {**judged, "note": note}

    return [
        target(
            "decode + structure + full check, one realistic department",
            department["from_json+check"]["median_ms"],
            1,
            " ms",
        ),
        target(
            "speed-up over pydantic decode + structure + the same sums",
            ratios["speedup_vs_pydantic_sums"],
            1.5,
            "×",
            at_least=True,
        ),
        target("decode + structure, relative to msgspec", ratios["decode_vs_msgspec"], 2, "×"),
        target("check, relative to decode + structure", ratios["check_vs_decode"], 1, "×"),
        target(
            f"decode + check per row, ×{scaling['to']} relative to ×{scaling['from']}",
            scaling["ratio_per_row"],
            1.2,
            "×",
        ),
        target(
            f"peak memory, {stream['departments']:,} departments as a stream",
            stream["peak_mb"],
            100,
            " MB",
        ),
        target(
            "import govbudget, fresh interpreter, bytecode cached (as installed)",
            imports["wall_ms"],
            150,
            " ms",
            note=f"compiling the source: {imports['wall_ms_cold']:.1f} ms",
        ),
        target(
            f"read_text per line, seed ×{reading['to']} relative to ×{reading['from']} (#12)",
            reading["ratio_per_line"],
            1.2,
            "×",
        ),
    ]


def _ms(value: float) -> str:
    return f"{value:10.3f}"


def _marginal(sizes: list[dict[str, Any]], key: str, what: str) -> str:
    steps = [size[key] for size in sizes if size[key] is not None]
    if not steps:
        return ""
    shown = " → ".join(f"{step:.1f}" for step in steps)
    return f"; each extra {what} costs {shown} µs from one size to the next"


def render(results: dict[str, Any]) -> str:
    """The table printed by ``python -m benchmarks``."""
    machine = results["machine"]
    measures = results["measures"]
    lines = [
        f"govbudget benchmarks — {results['date']}{'  (quick)' if results['quick'] else ''}",
        f"{machine['cpu']}, {machine['cores']} cores, load {machine['load_average']}, "
        f"Python {machine['python']}, {machine['os']}",
        "packages: " + ", ".join(f"{k} {v}" for k, v in machine["packages"].items()),
        f"commit: {machine['git_commit']}{' (uncommitted changes)' if machine['git_dirty'] else ''}",
        "",
    ]
    for name in ("department", "seed"):
        size = results["workloads"][name]
        lines.append(
            f"{name}: {size['rows']} rows, {size['figures']} figures "
            f"({size['printed_figures']} printed), JSON {size['json_chars']:,} chars — "
            "median ms per call"
        )
        for measure, timing in measures[name].items():
            lines.append(
                f"  {measure:<18}{_ms(timing['median_ms'])}   (min {timing['min_ms']:.3f})"
            )
        lines.append("")
    lines.append(f"  derive (department){_ms(measures['derive']['median_ms'])}")
    lines.append("")
    ratios = results["ratios"]
    lines += [
        "ratios (same run)",
        f"  govbudget from_json / pydantic decode+structure     {ratios['decode_vs_pydantic']:8.2f}",
        f"  govbudget from_json / msgspec decode+structure      {ratios['decode_vs_msgspec']:8.2f}",
        f"  pydantic decode+structure+sums / govbudget decode+check  {ratios['speedup_vs_pydantic_sums']:8.2f}",
        f"  msgspec decode+structure+sums / govbudget decode+check   {ratios['speedup_vs_msgspec_sums']:8.2f}",
        f"  pydantic decode+structure+sums / govbudget decode+the same sums  {ratios['speedup_same_sums_vs_pydantic']:8.2f}",
        f"  msgspec decode+structure+sums / govbudget decode+the same sums   {ratios['speedup_same_sums_vs_msgspec']:8.2f}",
        f"  govbudget check / from_json                          {ratios['check_vs_decode']:8.2f}",
        f"  json.loads alone / msgspec decode+structure          {ratios['json_loads_vs_msgspec']:8.2f}",
        "",
        "sanity (comparisons / rounding differences / failures; check's findings of those rules)",
    ]
    for name, tallies in results["sanity"].items():
        counts = {lib: tallies[lib] for lib in ("govbudget", "pydantic", "msgspec")}
        shown = "  ".join(
            f"{lib} {c['comparisons']}/{c['rounding']}/{c['failed']}" for lib, c in counts.items()
        )
        verdict = "agree" if tallies["agree"] else "DISAGREE"
        lines.append(f"  {name:<11}{shown}  check {tallies['check_findings']}  → {verdict}")
    lines += ["", "scaling: synthetic department (decode + check)"]
    lines.append(
        "  size     rows  figures  findings  from_json ms     check ms  both ms   µs/row  µs/figure  derive µs/item"
    )
    scaling = measures["scaling"]
    for size in scaling["sizes"]:
        lines.append(
            f"  ×{size['scale']:<5}{size['rows']:7}{size['figures']:9}{size['findings']:10}"
            f"{size['from_json']['median_ms']:11.2f}{size['check']['median_ms']:13.2f}"
            f"{size['from_json+check']['median_ms']:9.2f}{size['per_row_us']:9.1f}"
            f"{size['per_figure_us']:11.2f}{size['derive_per_item_us']:16.1f}"
        )
    lines.append(
        f"  per row ×{scaling['to']}/×{scaling['from']}: {scaling['ratio_per_row']:.2f}; "
        f"per figure: {scaling['ratio_per_figure']:.2f}; "
        f"per 1,000 JSON chars: {scaling['ratio_per_kchar']:.2f}; "
        f"derive per item: {scaling['ratio_derive_per_item']:.2f}"
        + _marginal(scaling["sizes"], "marginal_per_row_us", "row")
    )
    reading = measures["read_scaling"]
    lines += ["", "scaling: read_text of the seed extended by rows"]
    lines.append("  size     lines  rows added   read_text ms  µs/line  READ findings")
    for size in reading["sizes"]:
        lines.append(
            f"  ×{size['factor']:<5}{size['lines']:8}{size['rows_added_per_table']:12}"
            f"{size['read_text']['median_ms']:15.2f}{size['per_line_us']:9.2f}  "
            f"{len(size['read_findings'])}"
        )
    lines.append(
        f"  per line ×{reading['to']}/×{reading['from']}: {reading['ratio_per_line']:.2f}"
        + _marginal(reading["sizes"], "marginal_per_line_us", "line")
    )
    imports = measures["import"]
    lines += [
        "",
        f"import govbudget, bytecode cached: {imports['wall_ms']:.1f} ms wall (python startup "
        f"{imports['python_startup_ms']:.1f} ms excluded), -X importtime "
        f"{imports['importtime_ms']:.1f} ms; heavy modules loaded: "
        f"{', '.join(imports['heavy_modules_loaded']) or 'none'}",
        "  slowest modules (self ms): "
        + ", ".join(f"{k} {v}" for k, v in imports["slowest_modules_self_ms"].items()),
        f"import govbudget, source compiled: {imports['wall_ms_cold']:.1f} ms wall (python "
        f"startup {imports['python_startup_ms_cold']:.1f} ms excluded), -X importtime "
        f"{imports['importtime_ms_cold']:.1f} ms",
        "  slowest modules (self ms): "
        + ", ".join(f"{k} {v}" for k, v in imports["slowest_modules_self_ms_cold"].items()),
    ]
    bulk = measures["bulk"]
    lines.append(
        f"bulk: {bulk['files']} copies of the seed, check_files (govbudget check DIR --jobs N): "
        f"--jobs 1 {bulk['median_jobs_1']:.2f} s, --jobs {bulk['workers']} "
        f"{bulk['median_all_cores']:.2f} s (medians of {bulk['runs']}): "
        f"{bulk['speedup']:.2f}× on {bulk['workers']} cores"
    )
    stream = measures["stream"]
    lines += [
        f"stream: {stream['departments']:,} departments from_json → check → drop in "
        f"{stream['seconds']:.1f} s ({stream['per_department_ms']:.2f} ms each), process max RSS "
        f"{stream['max_rss_mb']:.1f} MB; under tracemalloc ({stream['traced_seconds']:.0f} s) "
        f"peak {stream['peak_mb']:.2f} MB, {stream['current_mb']:.2f} MB held at the end; "
        f"errors {stream['errors']}",
        "",
        "targets (issue #10)",
    ]
    for target in results["targets"]:
        mark = "met   " if target["met"] else "MISSED"
        note = f"; {target['note']}" if "note" in target else ""
        lines.append(
            f"  {mark} {target['target']}: {target['value']:g}{target['unit']} "
            f"(wanted {target['wanted']}{note})"
        )
    return "\n".join(lines)
