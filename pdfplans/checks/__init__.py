"""Reconciliation checks: named rules that find where a plan contradicts itself, and their reports.

``run_checks(plans)`` runs every rule of every family on each plan and, for plans of the same
ambito passed together, the rules across years. Rule ids, severities and descriptions live in
``registry.RULES`` (docs/rules.md is generated from it).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

# Importing the family modules registers their rules; reports list them in the order of
# registry.FAMILIES whatever the order of this line.
from . import allegato_a, allegato_b, arithmetic, bounds, extraction, money, narrative, sources, totals, years  # noqa: F401
from .context import PlanContext
from .findings import Finding, Findings
from .misreading import misread
from .registry import FAMILIES, PLAN_CHECKS, RULES, YEARS_CHECKS, Rule, rules_markdown, rules_table

if TYPE_CHECKING:
    from pathlib import Path

    from ..model import Plan

__all__ = ["FAMILIES", "Finding", "Findings", "RULES", "Rule", "render_report", "rules_markdown", "rules_table",
           "run_checks"]


def run_checks(plans: "Sequence[Plan]") -> Findings:
    """Every rule on every plan, then the rules across years; findings of each plan in rule order."""
    plans = list(plans)
    found: list[Finding] = []
    for plan in plans:
        context = PlanContext(plan)
        for check in PLAN_CHECKS:
            found.extend(check(context))
    if len(plans) > 1:
        for years_check in YEARS_CHECKS:
            found.extend(years_check(plans))
    unknown = {f.rule for f in found} - set(RULES)
    if unknown:  # a rule id must be documented before it can be reported
        raise RuntimeError(f"undeclared rule ids: {sorted(unknown)}")
    return Findings(misread(found, plans), plans)


def render_report(findings: Findings, plans: "Sequence[Plan] | None" = None, fmt: str = "text",
                  color: bool | None = None, base: "Path | None" = None) -> str:
    """The report of ``findings`` as ``text`` (terminal, colour), ``json`` (docs/tables.md, Findings) or ``html``."""
    chosen = list(plans) if plans is not None else findings.plans
    if fmt == "json":
        from .report_json import render_json

        return render_json(findings, chosen)
    if fmt == "html":
        from .report_html import render_html

        return render_html(findings, chosen, base)  # base: the report's folder, for links to the PDFs
    if fmt == "text":
        from .report_text import render_text

        return render_text(findings, chosen, color=color)
    raise ValueError(f"unknown report format {fmt!r}: text, json or html")
