"""Rules, and the registry that runs them.

Every rule is a plain function made into a :class:`Rule` once, with a stable id, an English
title, a severity, the type it applies to and a Chinese description of what it compares. A rule
module lists its rules in a tuple (``RULES``), as beancount lists its validations; a
:class:`Registry` is an ordered set of rules, and ``registry.check(obj)`` runs every rule that
applies to ``obj`` and to the parts it is made of, and returns a
:class:`~govbudget.findings.Report`. Rules return findings; they never raise for a fault of the
data.

>>> @rule("USER-SHORT-NAMES", "Names are short", Severity.INFO, applies_to=str,
...       description="名称不超过 4 个字。")
... def short(rule, name):
...     if len(name) > 4:
...         yield rule.finding(f"“{name}”过长")
>>> short.id, [f.message for f in Registry([short]).check("一般公共服务")]
('USER-SHORT-NAMES', ['“一般公共服务”过长'])

What an object is made of is its own declaration: an object with a ``parts()`` method is
checked with its parts, and an object with ``read_findings`` (what its reader could not read)
reports them beside the rules' findings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Protocol, TypeVar, cast

import attrs

from govbudget.amounts import Agreement
from govbudget.findings import Finding, Location, Report, Severity

__all__ = ["Registry", "Rule", "RuleFunction", "declare", "rule"]

T = TypeVar("T")

RuleFunction = Callable[..., Iterable[Finding]]
"""A rule's function: called as ``function(rule, obj)``, it yields the findings on ``obj``."""

_RULE_ID = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+")


def _well_formed(id: str) -> str:
    if not _RULE_ID.fullmatch(id):
        raise ValueError(f"rule id {id!r} is not of the form FAMILY-WHAT (upper case, dashes)")
    return id


@attrs.frozen(slots=True)
class Rule:
    """One rule: its metadata and the function that yields its findings.

    The function is called as ``function(rule, obj)`` and builds its findings with
    :meth:`finding`, so the id, title and severity are written once, here. A rule without a
    function (``applies_to`` is ``None``) is raised by a reader while it reads a document, not
    by ``check``; it is declared so that the rule catalogue lists it (:func:`declare`).
    A rule ``whole_only`` asks for something a whole disclosure must hold (all nine tables, a
    statement of agency running costs); ``check`` does not run it on a part of one (an object
    whose ``is_whole`` is false: see :class:`~govbudget.disclosure.Scope`).
    """

    id: str = attrs.field(converter=_well_formed)
    title: str
    severity: Severity
    applies_to: type | None
    description: str
    function: RuleFunction | None = attrs.field(default=None, eq=False, repr=False)
    whole_only: bool = False

    def run(self, obj: object) -> Iterator[Finding]:
        """The findings of this rule on ``obj``."""
        if self.function is not None:
            yield from self.function(self, obj)

    def finding(
        self,
        message: str,
        *,
        location: Location | None = None,
        agreement: Agreement | None = None,
        expected: Decimal | None = None,
        actual: Decimal | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of this rule; an ``agreement`` fills the figures, difference and tolerance."""
        difference = tolerance = None
        if agreement is not None:
            expected, actual = agreement.expected, agreement.actual
            difference, tolerance = agreement.difference, agreement.tolerance
        return Finding(
            rule=self.id,
            severity=severity or self.severity,
            title=self.title,
            message=message,
            location=location or Location(),
            expected=expected,
            actual=actual,
            difference=difference,
            tolerance=tolerance,
        )


def rule(
    id: str,
    title: str,
    severity: Severity,
    *,
    applies_to: type,
    description: str,
    whole_only: bool = False,
) -> Callable[[RuleFunction], Rule]:
    """Make the decorated function a :class:`Rule` (it registers it nowhere: a registry is
    made from lists of rules)."""
    _well_formed(id)

    def make(function: RuleFunction) -> Rule:
        return Rule(id, title, severity, applies_to, description, function, whole_only)

    return make


def declare(id: str, title: str, severity: Severity, *, description: str) -> Rule:
    """A rule that a reader raises while it reads (it has no function for ``check`` to run)."""
    return Rule(id, title, severity, None, description)


def _selected(rule_id: str, patterns: Iterable[str]) -> bool:
    return any(rule_id == p or rule_id.startswith(p + "-") for p in patterns)


class _Composite(Protocol):
    def parts(self) -> Iterable[object]: ...


@attrs.frozen(slots=True)
class _Steps:
    """What ``check`` does with an object of one type: the rules to run, whether it carries
    its reader's findings, whether it names its parts. Asked of the type once, since asking an
    object for an attribute it lacks is slow on a slotted class."""

    rules: tuple[tuple[Rule, RuleFunction], ...]
    carries: bool
    has_parts: bool
    any_whole_only: bool


_Plan = dict[type, _Steps]
_MOST_PLANS = 64  # selections remembered per registry; beyond, the memory starts again


class Registry:
    """An ordered set of rules. govbudget's own are :data:`govbudget.checks.RULES`.

    A user's own rules go in a registry of their own, alone or beside the built-in ones:

    >>> from govbudget.classification import Catalogue, functional_classification
    >>> from govbudget.checks import RULES
    >>> mine = RULES.copy()
    >>> @mine.rule("USER-SHORT-NAMES", "Names are short", Severity.INFO,
    ...            applies_to=Catalogue, description="科目名称不超过 12 个字。")
    ... def short_names(rule, catalogue):
    ...     for s in catalogue.subjects:
    ...         if len(s.name) > 12:
    ...             yield rule.finding(f"科目 {s.code} 名称过长", location=Location(row=s.code))
    >>> report = mine.check(functional_classification(2025))
    >>> report.rule_ids(), report.infos[0].location.row
    (('USER-SHORT-NAMES',), '20103')
    >>> "USER-SHORT-NAMES" in [r.id for r in RULES.rules()]
    False
    """

    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        self._rules: dict[str, Rule] = {}
        # For each selection (select, ignore) checked, for each type of object met: the rules
        # that apply, with their functions, in catalogue order. Emptied by add().
        self._plans: dict[tuple[tuple[str, ...] | None, tuple[str, ...]], _Plan] = {}
        for each in rules:
            self.add(each)

    def add(self, new: Rule) -> None:
        """Add a rule; its id must not be in the registry yet."""
        if new.id in self._rules:
            raise ValueError(f"rule id {new.id!r} is registered twice")
        self._rules[new.id] = new
        self._plans.clear()

    def rule(
        self, id: str, title: str, severity: Severity, *, applies_to: type, description: str
    ) -> Callable[[RuleFunction], Rule]:
        """Make the decorated function a rule of this registry."""
        make = rule(id, title, severity, applies_to=applies_to, description=description)

        def add(function: RuleFunction) -> Rule:
            made = make(function)
            self.add(made)
            return made

        return add

    def declare(self, id: str, title: str, severity: Severity, *, description: str) -> Rule:
        """Declare a rule of this registry that a reader raises while reading."""
        declared = declare(id, title, severity, description=description)
        self.add(declared)
        return declared

    def copy(self) -> Registry:
        """A new registry holding the same rules, to which more can be added."""
        return Registry(self._rules.values())

    def rules(self, *, applies_to: type | None = None) -> tuple[Rule, ...]:
        """The rules in catalogue order, or those that apply to one type."""
        return tuple(
            r
            for r in self._rules.values()
            if applies_to is None
            or (r.applies_to is not None and issubclass(applies_to, r.applies_to))
        )

    def check(
        self, obj: object, *, select: Iterable[str] | None = None, ignore: Iterable[str] = ()
    ) -> Report:
        """Run every applicable rule on ``obj`` and its parts and return the report.

        ``select`` keeps only the rules whose id is given or starts with a given family
        (``select=["T6"]`` runs ``T6-…``); ``ignore`` drops rules the same way. Findings an
        object carries from its reader (``read_findings``) are selected the same way.
        """
        selected = None if select is None else tuple(select)
        ignored = tuple(ignore)
        plan = self._plan(selected, ignored)
        findings: list[Finding] = []
        pending = [obj]
        while pending:
            current = pending.pop()
            kind = type(current)
            steps = plan.get(kind)
            if steps is None:
                steps = plan[kind] = self._steps(kind, selected, ignored)
            whole = getattr(current, "is_whole", True) if steps.any_whole_only else True
            for candidate, function in steps.rules:
                if whole or not candidate.whole_only:
                    findings.extend(function(candidate, current))
            if steps.carries:
                carried: tuple[Finding, ...] = getattr(current, "read_findings", ())
                findings.extend(
                    finding
                    for finding in carried
                    if (selected is None or _selected(finding.rule, selected))
                    and not _selected(finding.rule, ignored)
                )
            if steps.has_parts:
                pending.extend(cast("_Composite", current).parts())
        return Report(findings)

    def _steps(
        self, kind: type, selected: tuple[str, ...] | None, ignored: tuple[str, ...]
    ) -> _Steps:
        rules = tuple(
            (r, r.function)
            for r in self._chosen(selected, ignored)
            if r.applies_to is not None
            and r.function is not None
            and issubclass(kind, r.applies_to)
        )
        # A field named "parts" (a formula's) is no declaration of what an object is made of.
        return _Steps(
            rules,
            hasattr(kind, "read_findings"),
            callable(getattr(kind, "parts", None)),
            any(r.whole_only for r, _ in rules),
        )

    def _chosen(self, selected: tuple[str, ...] | None, ignored: tuple[str, ...]) -> list[Rule]:
        return [
            r
            for r in self._rules.values()
            if (selected is None or _selected(r.id, selected)) and not _selected(r.id, ignored)
        ]

    def _plan(self, selected: tuple[str, ...] | None, ignored: tuple[str, ...]) -> _Plan:
        """The rules of each type of object for this selection, as far as found so far."""
        key = (selected, ignored)
        plan = self._plans.get(key)
        if plan is None:
            if len(self._plans) >= _MOST_PLANS:
                self._plans.clear()
            plan = self._plans[key] = {}
        return plan
