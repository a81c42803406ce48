"""The rule registry and :func:`check`.

Every rule is a plain function registered once, with a stable id, an English title, a
severity, the type it applies to and a Chinese description of what it compares. ``check(obj)``
runs every rule that applies to ``obj`` and to the parts it is made of, and returns a
:class:`~govbudget.findings.Report`. Rules return findings; they never raise for a
fault of the data.

>>> from govbudget import check, functional_classification
>>> check(functional_classification(2025)).ok
True
>>> [r.id for r in rules() if r.id.startswith("CAT-")]
['CAT-PARENT', 'CAT-SIBLING-NAME']
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import TypeVar

import attrs

from govbudget.amounts import Agreement
from govbudget.findings import Finding, Location, Report, Severity

__all__ = [
    "RULES",
    "Registry",
    "Rule",
    "check",
    "declare",
    "register_carried",
    "register_parts",
    "rule",
    "rules",
]

T = TypeVar("T")
C = TypeVar("C")
RuleFunction = TypeVar("RuleFunction", bound=Callable[..., Iterable[Finding]])

_RULE_ID = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+")


@attrs.frozen(slots=True)
class Rule:
    """One registered rule: its metadata and the function that yields its findings.

    The function is called as ``function(rule, obj)`` and builds its findings with
    :meth:`finding`, so the id, title and severity are written once, here. A rule without a
    function (``applies_to`` is ``None``) is raised by a reader while it reads a document, not
    by ``check``; it is declared here so that the rule catalogue lists it.
    """

    id: str
    title: str
    severity: Severity
    applies_to: type | None
    description: str
    function: Callable[..., Iterable[Finding]] | None = attrs.field(
        default=None, eq=False, repr=False
    )

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


_PARTS: dict[type, Callable[..., Iterable[object]]] = {}
_CARRIED: dict[type, Callable[..., Iterable[Finding]]] = {}
# What the two tables above give for each concrete type, found along its MRO once: check asks
# for every object it walks. Emptied whenever either table changes.
_DECLARED: dict[
    type, tuple[Callable[..., Iterable[object]] | None, Callable[..., Iterable[Finding]] | None]
] = {}


def _selected(rule_id: str, patterns: Iterable[str]) -> bool:
    return any(rule_id == p or rule_id.startswith(p + "-") for p in patterns)


def _first_along_mro(table: dict[type, C], kind: type) -> C | None:
    for each in kind.__mro__:
        found = table.get(each)
        if found is not None:
            return found
    return None


def _declared(
    kind: type,
) -> tuple[Callable[..., Iterable[object]] | None, Callable[..., Iterable[Finding]] | None]:
    found = _DECLARED.get(kind)
    if found is None:
        found = _DECLARED[kind] = (
            _first_along_mro(_PARTS, kind),
            _first_along_mro(_CARRIED, kind),
        )
    return found


# For each module defining types whose rules (and parts) are declared by modules imported only
# when needed: those modules (see Registry.declared_by).
_DECLARED_LATER: dict[str, tuple[str, ...]] = {}


def _import_declarers(kind: type) -> bool:
    """Import the modules that declare the rules of ``kind`` or of a base of it, unless done
    already; whether there were any."""
    found = False
    for base in kind.__mro__:
        modules = _DECLARED_LATER.get(base.__module__)
        if modules is not None:
            for module in modules:
                importlib.import_module(module)
            # Dropped once imported, not before: a thread checking meanwhile waits for the
            # import to finish (importlib's lock) rather than planning without the rules.
            _DECLARED_LATER.pop(base.__module__, None)
            found = True
    return found


def register_parts(kind: type[T], parts: Callable[[T], Iterable[object]]) -> None:
    """Declare what an object of ``kind`` is made of, so ``check`` also checks the parts."""
    _PARTS[kind] = parts
    _DECLARED.clear()


def register_carried(kind: type[T], findings: Callable[[T], Iterable[Finding]]) -> None:
    """Declare the findings an object of ``kind`` carries from where it came from (what its
    reader could not read), so ``check`` reports them beside the findings of the rules."""
    _CARRIED[kind] = findings
    _DECLARED.clear()


_Plan = dict[type, tuple[tuple[Rule, Callable[..., Iterable[Finding]]], ...]]
_MOST_PLANS = 64  # selections remembered per registry; beyond, the memory starts again


class Registry:
    """An ordered set of rules. govbudget's own rules live in :data:`RULES`.

    A user's own rules go in a registry of their own, alone or beside the built-in ones:

    >>> from govbudget import Catalogue, functional_classification
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
    >>> "USER-SHORT-NAMES" in [r.id for r in rules()]
    False
    """

    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        self._rules: dict[str, Rule] = {}
        # For each selection (select, ignore) checked, for each type of object met: the rules
        # that apply, with their functions, in registration order. Emptied by add().
        self._plans: dict[tuple[tuple[str, ...] | None, tuple[str, ...]], _Plan] = {}
        self._declarers: list[str] = []
        for each in rules:
            self.add(each)

    def add(self, new: Rule) -> None:
        """Register a rule; its id must be well formed and not registered yet."""
        if not _RULE_ID.fullmatch(new.id):
            raise ValueError(
                f"rule id {new.id!r} is not of the form FAMILY-WHAT (upper case, dashes)"
            )
        if new.id in self._rules:
            raise ValueError(f"rule id {new.id!r} is registered twice")
        self._rules[new.id] = new
        self._plans.clear()

    def rule(
        self,
        id: str,
        title: str,
        severity: Severity,
        *,
        applies_to: type,
        description: str,
    ) -> Callable[[RuleFunction], RuleFunction]:
        """Register the decorated function as a rule.

        The function takes the :class:`Rule` and the object to check and yields findings.
        """
        if not _RULE_ID.fullmatch(id):
            raise ValueError(f"rule id {id!r} is not of the form FAMILY-WHAT (upper case, dashes)")

        def register(function: RuleFunction) -> RuleFunction:
            self.add(Rule(id, title, severity, applies_to, description, function))
            return function

        return register

    def declare(self, id: str, title: str, severity: Severity, *, description: str) -> Rule:
        """Declare a rule that a reader raises while reading (it has no function to run)."""
        declared = Rule(id, title, severity, None, description)
        self.add(declared)
        return declared

    def declared_by(self, *modules: str, types_in: Iterable[str] = ()) -> None:
        """Name modules whose import declares more rules of this registry (the readers of
        :mod:`govbudget.formats` declare the READ-… rules, :mod:`govbudget.checks.final` those
        of final accounts): they are imported when the rules are first listed or copied, in the
        order named, not before.

        ``types_in`` names the modules defining the types those rules check
        (:mod:`govbudget.disclosure.final` …): the declaring modules are then also imported when
        ``check``, of any registry, first meets an object of such a type or of a subclass, as
        they also declare what the object is made of (:func:`register_parts`).
        """
        self._declarers.extend(modules)
        for module in types_in:
            _DECLARED_LATER[module] = (*_DECLARED_LATER.get(module, ()), *modules)

    def _declare_all(self) -> None:
        while self._declarers:
            importlib.import_module(self._declarers.pop(0))

    def copy(self) -> Registry:
        """A new registry holding the same rules, to which more can be added."""
        self._declare_all()
        return Registry(self._rules.values())

    def rules(self, *, applies_to: type | None = None) -> tuple[Rule, ...]:
        """The rules in registration order, or those that apply to one type."""
        self._declare_all()
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
        (``select=["T6"]`` runs ``T6-…``); ``ignore`` drops rules the same way.
        """
        selected = None if select is None else tuple(select)
        ignored = tuple(ignore)
        plan = self._plan(selected, ignored)
        findings: list[Finding] = []
        pending = [obj]
        while pending:
            current = pending.pop()
            kind = type(current)
            applicable = plan.get(kind)
            if applicable is None:
                if _DECLARED_LATER and _import_declarers(kind):
                    # Their rules emptied the plans: go on with a new one. (The objects met
                    # before are of other types, which those rules do not check.)
                    plan = self._plan(selected, ignored)
                applicable = plan[kind] = tuple(
                    (r, r.function)
                    for r in self._chosen(selected, ignored)
                    if r.applies_to is not None
                    and r.function is not None
                    and isinstance(current, r.applies_to)
                )
            for candidate, function in applicable:
                findings.extend(function(candidate, current))
            parts, carried = _declared(kind)
            if carried is not None:
                findings.extend(
                    finding
                    for finding in carried(current)
                    if (selected is None or _selected(finding.rule, selected))
                    and not _selected(finding.rule, ignored)
                )
            if parts is not None:
                pending.extend(parts(current))
        return Report(findings)

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


RULES = Registry()
"""The built-in rules; every rule module of govbudget registers into it."""


def rule(
    id: str,
    title: str,
    severity: Severity,
    *,
    applies_to: type,
    description: str,
) -> Callable[[RuleFunction], RuleFunction]:
    """Register the decorated function as a built-in rule (see :meth:`Registry.rule`)."""
    return RULES.rule(id, title, severity, applies_to=applies_to, description=description)


def declare(id: str, title: str, severity: Severity, *, description: str) -> Rule:
    """Declare a built-in rule raised by a reader (see :meth:`Registry.declare`)."""
    return RULES.declare(id, title, severity, description=description)


def rules(*, applies_to: type | None = None) -> tuple[Rule, ...]:
    """The built-in rules in registration order, or those that apply to one type."""
    return RULES.rules(applies_to=applies_to)


def check(
    obj: object,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    registry: Registry = RULES,
) -> Report:
    """Run every applicable rule on ``obj`` and its parts and return the report.

    ``select`` keeps only the rules whose id is given or starts with a given family
    (``select=["T6"]`` runs ``T6-…``); ``ignore`` drops rules the same way; ``registry``
    replaces the built-in rules with a registry of one's own.
    """
    return registry.check(obj, select=select, ignore=ignore)
