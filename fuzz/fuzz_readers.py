"""Coverage-guided fuzzing of govbudget's readers with atheris (libFuzzer for Python).

Usage (atheris is not a dependency of govbudget; install it into the virtual environment)::

    .venv/bin/pip install atheris            # or: .venv/bin/pip install -e ".[fuzz]"
    .venv/bin/python fuzz/make_corpus.py      # the seed corpus, from the real inputs
    .venv/bin/python fuzz/fuzz_readers.py read_text -max_total_time=600

The first argument names the target (``read_text``, ``read_bundle``, ``from_json``,
``amounts``; see ``fuzz/targets.py``); the others go to libFuzzer. Without a corpus directory
the target's own, ``fuzz/corpus/<target>``, is used, and grows with every input that reaches new
code. A crash stops the run and leaves the input in ``crash-<sha1>`` (``-artifact_prefix=`` to
put it elsewhere); replay it with ``fuzz_readers.py TARGET crash-<sha1>``, then keep it under
``fuzz/regressions/<target>/`` so that ``tests/test_fuzz.py`` replays it for ever.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

# Let comparisons in str methods (startswith, endswith) guide the fuzzer. (Not the "RegEx"
# hook: its pattern proxy takes no position argument, pattern.search(text, pos).)
atheris.enabled_hooks.add("str")

with atheris.instrument_imports(include=["govbudget"]):
    import targets


def main(argv: list[str]) -> None:
    if len(argv) < 2 or argv[1] not in targets.TARGETS:
        sys.exit(
            f"usage: {argv[0]} TARGET [libFuzzer options] [corpus dirs]; "
            f"TARGET is one of {', '.join(targets.TARGETS)}"
        )
    name = argv[1]
    options = argv[2:]
    if not any(not option.startswith("-") for option in options):
        corpus = HERE / "corpus" / name
        corpus.mkdir(parents=True, exist_ok=True)
        options.append(str(corpus))
    extra = {}
    mutator = targets.MUTATORS.get(name)
    if mutator is not None:

        def custom_mutator(data: bytes, max_size: int, seed: int) -> bytes:
            return mutator(data, max_size, seed, atheris.Mutate)

        extra["custom_mutator"] = custom_mutator
    atheris.Setup([argv[0], *options], targets.TARGETS[name], **extra)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
