"""Findings from the tables' verdicts: a suspect or missing table is said first, and a discrepancy
that rests on a suspect table becomes ``likely_misreading``, not an error of the plan."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .findings import Finding

if TYPE_CHECKING:
    from ..model import Plan
    from .context import PlanContext

FIRST = ("suspect_table", "extraction_missing_table")  # what every report shows before the rest


def verdict_findings(ctx: "PlanContext") -> Iterator[Finding]:
    """One finding per suspect table (its evidence) and per table announced but not found."""
    for table in ctx.plan.tables.values():
        for reason in table.verdict.reasons:
            yield ctx.finding("suspect_table", f"{table.id} is suspect: {reason.message}", tables=[table.id],
                              evidence=[(table.id, row, column) for row, column in reason.cells],
                              pages=[reason.page], kind="extraction")
    for table_id, verdict in ctx.plan.missing.items():
        reason = verdict.reasons[0]
        yield ctx.finding("extraction_missing_table", f"{table_id}: {reason.message}", tables=[table_id],
                          pages=[reason.page], kind="extraction")


def misread(findings: Sequence[Finding], plans: "Sequence[Plan]") -> list[Finding]:
    """The findings with each discrepancy that rests on a suspect table turned into ``likely_misreading``;
    the verdict findings first, so that a reader sees which tables not to trust before what they say."""
    by_file = {p.file: p for p in plans}
    out = []
    for finding in findings:
        plan = by_file.get(finding.plan_file or "")
        suspect = [plan.tables[t] for t in finding.tables
                   if plan is not None and t in plan.tables and not plan.tables[t].verdict.ok]
        if finding.kind == "discrepancy" and suspect:
            reason = suspect[0].verdict.reasons[0]
            where = f" (page {reason.page})" if reason.page else ""
            finding = replace(finding, rule="likely_misreading", severity="warning", kind="extraction",
                              message=f"{finding.message} — likely a misreading, not the plan's ({finding.rule}): "
                                      f"{reason.table}{where} is suspect: {reason.message}")
        out.append(finding)
    # a table merely not printed (an info) tells no one what not to trust: it keeps its place
    return sorted(out, key=lambda f: f.rule not in FIRST or f.severity == "info")
