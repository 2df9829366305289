"""Findings from the tables' verdicts: a suspect or missing table is said first, and a discrepancy
that rests on a suspect table becomes ``likely_misreading``, not an error of the plan."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .findings import Finding

if TYPE_CHECKING:
    from ..model import Plan
    from ..verdicts.base import Reason
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
        doubts = [] if plan is None else _doubts_under(finding, plan)
        if finding.kind == "discrepancy" and plan is not None and _ocr_slip_in_text(finding, plan):
            finding = replace(finding, rule="likely_misreading", severity="warning", kind="extraction",
                              message=f"{finding.message} — likely an OCR misreading of the text on page "
                                      f"{finding.pages[0]}, not the plan's ({finding.rule}): {finding.found} and "
                                      f"{finding.expected} differ only by characters OCR confuses")
        elif finding.kind == "discrepancy" and doubts:
            reason = doubts[0]
            where = f" (page {reason.page})" if reason.page else ""
            finding = replace(finding, rule="likely_misreading", severity="warning", kind="extraction",
                              message=f"{finding.message} — likely a misreading, not the plan's ({finding.rule}): "
                                      f"{reason.table}{where} is suspect: {reason.message}")
        out.append(finding)
    # a table merely not printed (an info) tells no one what not to trust: it keeps its place
    return sorted(out, key=lambda f: f.rule not in FIRST or f.severity == "info")


def _doubts_under(finding: Finding, plan: "Plan") -> "list[Reason]":
    """The reasons against the finding's tables that its figures rest on: a cell misread on its own
    (an OCR date with a stray dash) leaves every other row standing, and the table's list of rows too."""
    doubts = []
    for table_id in finding.tables:
        table = plan.tables.get(table_id)
        if table is None or table.verdict.ok:
            continue
        rows = {row for t, row, _ in finding.evidence if t == table_id}
        doubts += [r for r in table.verdict.reasons if r.concerns(rows)]
    return doubts


# digits a scan's OCR takes for one another (closed loops, a missing stroke); a 1 is also what an
# "I" or "l" standing before a figure becomes ("I 48 Comuni" read as "148 Comuni")
_LOOKALIKE = {frozenset(pair) for pair in ("06", "08", "09", "68", "38", "35", "56", "89", "17")}


def _ocr_slip_in_text(finding: Finding, plan: "Plan") -> bool:
    """A narrative figure read by OCR that differs from what the tables imply only by look-alike
    characters: the sentence was misread as likely as the plan was wrong, and nothing tells which."""
    if finding.quote is None or not finding.pages or finding.pages[0] not in plan.ocr_pages:
        return False
    return ocr_lookalike(str(finding.found), str(finding.expected))


def ocr_lookalike(read: str, meant: str) -> bool:
    """Whether the figure ``read`` could be ``meant`` misread: the same digits but for look-alike
    pairs, or ``meant`` with a 1 more or less (an I, l or | before or after it)."""
    if not (read.isdigit() and meant.isdigit()) or read == meant:
        return False
    if len(read) == len(meant):
        return all(a == b or frozenset((a, b)) in _LOOKALIKE for a, b in zip(read, meant))
    longer, shorter = (read, meant) if len(read) > len(meant) else (meant, read)
    return len(longer) == len(shorter) + 1 and any(
        longer[i] == "1" and longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))
