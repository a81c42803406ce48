"""Names a package exports but imports on first use (PEP 562), so that ``import govbudget``
loads only what checking a budget needs.

>>> import govbudget.tables
>>> "IncomeFinalTable" in dir(govbudget.tables)
True
>>> govbudget.tables.IncomeFinalTable.__module__
'govbudget.tables.final'
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping

__all__ = ["attach"]


def attach(
    package: str, lazy: Mapping[str, str]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The module ``__getattr__`` and ``__dir__`` of ``package``, whose names ``lazy`` maps to
    the module that defines them: imported when the name is first asked for, then kept in the
    package's namespace (found directly from then on)."""
    namespace = vars(sys.modules[package])

    def getattr_(name: str) -> object:
        module = lazy.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def dir_() -> list[str]:
        return sorted({*namespace, *lazy})

    return getattr_, dir_
