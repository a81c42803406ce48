"""A Griffe extension for the API reference (mkdocs.yml loads it): plain docstrings as Markdown.

govbudget's docstrings are written for ``help()`` and doctest: examples are bare ``>>>``
sessions and cross-references are Sphinx roles. Markdown would read ``>>>`` as nested block
quotes (and ``['201', '20101']`` in an output line as a reference link), and print the roles
as they are. Before the docstrings are parsed, this extension fences every doctest block as
``pycon`` and turns every role into an optional cross-reference: a link when the object is
rendered somewhere in the site, plain code when it is not. The source stays as it is.

>>> markdown_docstring("Sum them.\\n>>> agree(1, [1]).ok\\nTrue\\n\\nSee :func:`agree`.").splitlines()
['Sum them.', '', '```pycon', '>>> agree(1, [1]).ok', 'True', '```', '', 'See <autoref identifier="agree" optional><code>agree</code></autoref>.']
>>> once = markdown_docstring(">>> 1 + 1\\n2")
>>> markdown_docstring(once) == once
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_ROLE = re.compile(r":(?:class|func|meth|mod|data|attr|exc|obj):`(?P<tilde>~?)(?P<target>[\w.]+)`")
_FENCE = re.compile(r"^\s*(```|~~~)")


def _fence_doctests(lines: list[str]) -> list[str]:
    """Wrap each run of lines that starts with ``>>>`` (to the next blank line) in a fence."""
    out: list[str] = []
    in_fence = in_doctest = False
    indent = ""
    for line in lines:
        if in_doctest:
            if line.strip():
                out.append(line)
                continue
            out.append(indent + "```")
            in_doctest = False
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and line.lstrip().startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            if out and out[-1].strip():
                out.append("")
            out.append(indent + "```pycon")
            out.append(line)
            in_doctest = True
            continue
        out.append(line)
    if in_doctest:
        out.append(indent + "```")
    return out


def _link_roles(line: str, resolve: Callable[[str], str]) -> str:
    def link(match: re.Match[str]) -> str:
        target = match["target"]
        title = target.rsplit(".", 1)[-1] if match["tilde"] else target
        return f'<autoref identifier="{resolve(target)}" optional><code>{title}</code></autoref>'

    return _ROLE.sub(link, line)


def markdown_docstring(text: str, resolve: Callable[[str], str] = str) -> str:
    """The docstring ``text`` with fenced doctests and roles as cross-references.

    ``resolve`` turns a role's target into the full path of the object it names.
    """
    lines = _fence_doctests(text.splitlines())
    in_fence = False
    for number, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            lines[number] = _link_roles(line, resolve)
    return "\n".join(lines)


try:
    import griffe
except ImportError:  # the docs tools are not installed: the conversion above still is
    pass
else:

    class MarkdownDocstrings(griffe.Extension):
        """Rewrite every docstring with :func:`markdown_docstring` once the tree is loaded.

        The rewriting is idempotent: a fenced doctest is not fenced again.
        """

        def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
            if obj.docstring is None:
                return

            def resolve(target: str) -> str:
                try:
                    return obj.resolve(target)
                except (griffe.NameResolutionError, ValueError):
                    return target

            obj.docstring.value = markdown_docstring(obj.docstring.value, resolve)

        def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
            # on_object is not fired for the top-level package itself.
            self.on_object(obj=pkg)
