"""The registry of rules: every rule id with its severity, family and one-line description.

A family module declares its rule ids with ``declare`` and registers the functions that produce
their findings with ``@checker`` (one function may report several rule ids). ``docs/rules.md`` is
generated from this registry, so ids and descriptions have a single source.

The module of a check names its family (``checks/totals.py`` → ``totals``), and reports follow the
order of ``FAMILIES``, never the order in which the family modules happen to be imported.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .findings import SEVERITIES, Finding

if TYPE_CHECKING:
    from ..model import Plan
    from .context import PlanContext

FAMILIES: dict[str, str] = {
    "arithmetic": "Row arithmetic",
    "totals": "Printed totals",
    "sources": "g against its sources (b..f)",
    "allegato_b": "g (ALER rows) against Allegato B",
    "allegato_a": "Allegato A against the plan",
    "bounds": "Bounds",
    "money": "Money",
    "narrative": "Narrative figures",
    "years": "Across years",
    "extraction": "Extraction problems (not discrepancies)",
}


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    family: str
    description: str


RULES: dict[str, Rule] = {}
PlanCheck = Callable[["PlanContext"], Iterable[Finding]]
YearsCheck = Callable[[list["Plan"]], Iterable[Finding]]
PLAN_CHECKS: list[PlanCheck] = []
YEARS_CHECKS: list[YearsCheck] = []


def declare(rule_id: str, severity: str, family: str, description: str) -> Rule:
    """Add a rule id to the registry (ids are stable: never rename one)."""
    if severity not in SEVERITIES or family not in FAMILIES:
        raise ValueError(f"bad rule {rule_id}: {severity=} {family=}")
    if rule_id in RULES:
        raise ValueError(f"rule {rule_id} declared twice")
    rule = Rule(rule_id, severity, family, description)
    RULES[rule_id] = rule
    return rule


def family_of(function: Callable[..., Any]) -> str:
    """The rule family of a check: the name of its module, which must be one of ``FAMILIES``."""
    family = function.__module__.rsplit(".", 1)[-1]
    if family not in FAMILIES:
        raise ValueError(f"check {function.__qualname__} is in module {function.__module__}, not a rule family")
    return family


def _family_rank(function: Callable[..., Any]) -> int:
    return list(FAMILIES).index(family_of(function))


def checker(function: PlanCheck) -> PlanCheck:
    """Register a function run on every plan (kept in family order, then in definition order)."""
    _family_rank(function)
    PLAN_CHECKS.append(function)
    PLAN_CHECKS.sort(key=_family_rank)  # stable: checks of one family keep their order
    return function


def years_checker(function: YearsCheck) -> YearsCheck:
    """Register a function run on the plans of one ambito, ordered by year."""
    _family_rank(function)
    YEARS_CHECKS.append(function)
    YEARS_CHECKS.sort(key=_family_rank)
    return function


def rules_table() -> list[dict[str, Any]]:
    """Every rule as a dict, in family order (for docs and reports)."""
    order = list(FAMILIES)
    ranked = sorted(RULES.values(), key=lambda r: order.index(r.family))
    return [{"id": r.id, "severity": r.severity, "family": r.family, "description": r.description} for r in ranked]


def rules_markdown() -> str:
    """The Markdown table of docs/rules.md."""
    lines = ["| rule | severity | family | checks that |", "|---|---|---|---|"]
    for rule in rules_table():
        lines.append(f"| `{rule['id']}` | {rule['severity']} | {FAMILIES[rule['family']]} | {rule['description']} |")
    return "\n".join(lines) + "\n"
