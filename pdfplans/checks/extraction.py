"""Extraction problems: a cell that could not be read or resolved is its own kind of finding.

They say where the reading failed, never that the plan contradicts itself; the rules leave such
cells out instead of counting them as 0.
"""
from __future__ import annotations

from collections.abc import Iterator

from .context import PlanContext
from .findings import Finding
from .misreading import verdict_findings
from .registry import checker, declare

FAMILY = "extraction"
declare("extraction_unresolved_comune", "warning", FAMILY,
        "a printed comune or ente could not be resolved to an ISTAT code / canonical ente (row left out of matching)")
declare("extraction_unreadable_value", "warning", FAMILY,
        "a printed value could not be read in the form its column expects (left out of the sums)")
declare("ocr_low_confidence", "info", FAMILY,
        "cells of a table read by OCR with low confidence (one finding per table, the worst cells first)")
declare("extraction_missing_table", "warning", FAMILY,
        "a table the plan announces (caption, letter, heading or contents line) could not be extracted; info for "
        "one not found that nothing announces (likely not printed). The rules that need it are skipped")
declare("suspect_table", "warning", FAMILY,
        "a table whose reading the plan's own redundancy contradicts (totals, member comuni, sibling tables, "
        "value kinds): its figures are not to be trusted")
declare("likely_misreading", "warning", FAMILY,
        "a discrepancy that rests on a suspect table: more likely a misreading than an error of the plan "
        "(the message names the rule, the table, its page and the evidence)")

RULE_OF_KIND = {
    "unresolved": "extraction_unresolved_comune",
    "unreadable": "extraction_unreadable_value",
    "low_confidence": "ocr_low_confidence",
    "missing_table": "extraction_missing_table",
}


@checker
def extraction(ctx: PlanContext) -> Iterator[Finding]:
    yield from verdict_findings(ctx)
    for warning in ctx.warnings:
        rule = RULE_OF_KIND.get(warning.kind)
        if rule is None or (rule == "extraction_missing_table" and warning.table in ctx.plan.missing):
            continue
        record: dict = {}
        table = ctx.table(warning.table) if warning.table else None
        if table is not None and warning.row is not None and 0 <= warning.row < len(table.records):
            record = table.records[warning.row]
        evidence = []
        if warning.table and warning.row is not None and warning.column:
            evidence.append((warning.table, warning.row, warning.column))
        if warning.table:  # a grouped warning (OCR doubt): its cells, worst first
            evidence.extend((warning.table, row, column) for row, column in warning.cells)
        printed = f" (printed {warning.text!r})" if warning.text else ""
        where = f"{warning.table}: " if warning.table else ""
        message, severity = f"{where}{warning.message}{printed}", None
        if rule == "extraction_missing_table":  # announced ones came with the verdicts, above
            # no caption, letter, heading or contents line names it: most likely not printed at all,
            # and a warning that extraction failed would send an auditor looking for what is not there
            message = (f"{warning.table}: not found, and nothing in the plan announces it (likely not printed); "
                       "the rules that need it are skipped")
            severity = "info"
        yield ctx.finding(
            rule, message, tables=[warning.table] if warning.table else [],
            record=record, field=warning.column, found=warning.text, evidence=evidence, pages=[warning.page],
            kind="extraction", severity=severity,
        )
