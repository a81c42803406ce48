"""Golden outputs: what govbudget prints today for every real document it holds, for its own
examples and for every corruption of them, kept byte for byte so that a change of structure that
must not change behaviour can prove it did not.

Each output is a name and a text: the CLI's reports (text, JSON, Markdown) and renderings
(text, Markdown, HTML, CSV) of every file under tests/data (the seed, its grid bundle, the 上海
cases, the pages of other provinces, the explanations), the JSON document of each and its round
trip, the rule catalogue, the reports of the two example disclosures and of every corruption of
them, and the seed budget set beside its final accounts. ``tests/test_golden.py`` compares them
with ``tests/data/golden.json`` (a SHA-256 digest per output). After a change that is meant to
change behaviour::

    python tests/golden.py --write          # record the new outputs
    python tests/golden.py --dump DIR       # write every output to DIR, to diff two trees
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
GOLDEN = DATA / "golden.json"


def _cli(*argv: str) -> str:
    from govbudget.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(argv))
    return f"status {status}\n--- stdout\n{out.getvalue()}--- stderr\n{err.getvalue()}"


def _inputs() -> Iterator[tuple[str, Path]]:
    sample = resources.files("govbudget").joinpath("samples", "kaiping_2025.txt")
    yield "seed", Path(str(sample))
    yield "seed-bundle", DATA / "seed_bundle.json"
    for path in sorted((DATA / "cases").glob("*.json")):
        yield f"cases/{path.stem}", path
    for path in sorted((DATA / "cases" / "pages").glob("*/bundle.json")):
        yield f"pages/{path.parent.name}", path
    for path in sorted((DATA / "narratives").glob("*.txt")):
        yield f"narratives/{path.stem}", path


def _documents() -> Iterator[tuple[str, str]]:
    from govbudget.writing.jsonio import from_json, to_json

    for name, path in _inputs():

        def cli(*argv: str, path: Path = path, name: str = name) -> str:
            # The path the file was given by is written in place of the checkout's location.
            return _cli(*(str(path) if arg == "PATH" else arg for arg in argv)).replace(
                str(path), f"<{name}>"
            )

        for form in ("text", "json", "markdown"):
            yield f"{name}/check.{form}", cli("check", "PATH", "--format", form)
        for form in ("text", "markdown", "html", "csv"):
            yield f"{name}/render.{form}", cli("render", "PATH", "--format", form)
        converted = cli("convert", "PATH", "--to", "json")
        yield f"{name}/convert.json", converted
        document = converted.partition("--- stdout\n")[2].partition("--- stderr\n")[0]
        if document:
            again = to_json(from_json(document)) + "\n"
            yield f"{name}/round-trip.json", "same" if again == document else again


def _goals() -> Iterator[tuple[str, str]]:
    from govbudget import check
    from govbudget.reading.goal_grid import read_goal_grid, render_goal_grid
    from govbudget.writing.jsonio import to_json
    from govbudget.writing.report import report_to_text

    for path in sorted((DATA / "shanghai_goals").glob("*.json")):
        reading = read_goal_grid(json.loads(path.read_text("utf-8"))["rows"])
        name = f"goals/{path.stem}"
        yield f"{name}/reading", repr(reading)
        yield f"{name}/goal.json", to_json(reading.goal)
        yield f"{name}/check.text", report_to_text(check(reading.goal))
        yield f"{name}/render.json", json.dumps(render_goal_grid(reading.goal), ensure_ascii=False)


def _examples() -> Iterator[tuple[str, str]]:
    from govbudget import check
    from govbudget.strategies import corrupt, example_budget, example_final_accounts
    from govbudget.writing.jsonio import to_json
    from govbudget.writing.report import report_to_html, report_to_json, report_to_text

    for name, example in (("budget", example_budget()), ("final", example_final_accounts())):
        report = check(example)
        yield f"examples/{name}.json", to_json(example)
        yield f"examples/{name}/check.text", report_to_text(report)
        yield f"examples/{name}/check.html", report_to_html(report)
        for number, corruption in enumerate(corrupt(example)):
            broken = check(corruption.target)
            yield (
                f"examples/{name}/corruption-{number:03d}",
                f"{corruption.kind}: {corruption.description}\n"
                f"must fire {sorted(corruption.rules)} row {corruption.row}\n"
                + report_to_json(broken),
            )


def _execution() -> Iterator[tuple[str, str]]:
    sys.path.insert(0, str(TESTS.parent / "examples"))
    from seed_final_accounts import seed_budget, seed_final_accounts

    from govbudget.ledger import compare_execution
    from govbudget.writing.execution import execution_to_json, execution_to_text

    compared = compare_execution(seed_budget(), seed_final_accounts())
    yield "execution/seed.text", execution_to_text(compared)
    yield "execution/seed.json", execution_to_json(compared)


def outputs() -> Iterator[tuple[str, str]]:
    """Every golden output, by name."""
    yield "rules.text", _cli("rules")
    yield "rules.markdown", _cli("rules", "--format", "markdown")
    yield from _documents()
    yield from _goals()
    yield from _examples()
    yield from _execution()


def digest(text: str) -> str:
    """The SHA-256 of an output's UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"record the digests in {GOLDEN}")
    parser.add_argument("--dump", metavar="DIR", help="write every output to DIR")
    args = parser.parse_args()
    digests = {}
    for name, text in outputs():
        digests[name] = digest(text)
        if args.dump:
            target = Path(args.dump) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, "utf-8", errors="surrogatepass")
    if args.write:
        GOLDEN.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", "utf-8")
    known = json.loads(GOLDEN.read_text("utf-8")) if GOLDEN.exists() else {}
    changed = sorted(name for name in digests if known.get(name) != digests[name])
    gone = sorted(set(known) - set(digests))
    for name in changed:
        print(f"changed: {name}")
    for name in gone:
        print(f"gone: {name}")
    print(f"{len(digests)} outputs, {len(changed)} changed, {len(gone)} gone")
    return 1 if (changed or gone) and not args.write else 0


if __name__ == "__main__":
    sys.exit(main())
