"""govbudget's benchmark suite (issue #10): ``python -m benchmarks [--quick] [--output PATH]``.

Not part of the installed package: run it from the root of a clone, with the dev set installed
(pydantic and msgspec are the references it compares with). docs/performance.md describes what
is measured and the figures of a full run.
"""
