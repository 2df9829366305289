"""What a misreading takes from the plan's discrepancies, and what it leaves: a figure of the narrative
read by OCR that differs from the tables only by characters OCR confuses is a likely misreading of
the text; a cell misread on its own makes a likely misreading of the findings on its row alone."""
from __future__ import annotations

import pytest

from pdfplans.checks.findings import Finding
from pdfplans.checks.misreading import misread, ocr_lookalike
from pdfplans.model import Plan, Table
from pdfplans.verdicts.base import SUSPECT, Reason, Verdict


@pytest.mark.parametrize(("read", "meant"), [("148", "48"), ("48", "148"), ("481", "48"), ("16", "10"),
                                             ("38", "33"), ("156113", "156118")])
def test_lookalike_figures(read, meant):
    assert ocr_lookalike(read, meant)


@pytest.mark.parametrize(("read", "meant"), [("43", "44"), ("48", "48"), ("248", "48"), ("12", "21"),
                                             ("62.7", "65.1"), ("1488", "48"), ("", "1")])
def test_figures_no_misreading_explains(read, meant):
    assert not ocr_lookalike(read, meant)


def _finding(page: int, found: int, expected: int) -> Finding:
    return Finding(rule="narrative_comuni_count", severity="error", message="the text says 148 comuni",
                   kind="discrepancy", expected=expected, found=found, pages=[page], quote="I 148 Comuni",
                   plan_file="p.pdf")


def test_only_a_scanned_page_makes_the_slip_a_misreading():
    plan = Plan(file="p.pdf", sha256="0", pages=8, ocr_pages=[7])
    scanned, printed, unlike = misread([_finding(7, 148, 48), _finding(6, 148, 48), _finding(7, 43, 44)], [plan])
    assert (scanned.rule, scanned.severity, scanned.kind) == ("likely_misreading", "warning", "extraction")
    assert "page 7" in scanned.message and "narrative_comuni_count" in scanned.message
    assert (printed.rule, printed.severity) == ("narrative_comuni_count", "error")  # a text layer is read as printed
    assert (unlike.rule, unlike.severity) == ("narrative_comuni_count", "error")  # 43 for 44: no look-alike


def _row_sum(row: int) -> Finding:
    return Finding(rule="allegato_a_row_sum", severity="error", message=f"row {row + 1} does not add up",
                   kind="discrepancy", tables=["allegato_a"], evidence=[("allegato_a", row, "ui_disponibili")],
                   pages=[22], plan_file="p.pdf")


def _plan_with(reason: Reason) -> Plan:
    table = Table("allegato_a", verdict=Verdict(SUSPECT, [reason]))
    return Plan(file="p.pdf", sha256="0", pages=25, tables={"allegato_a": table})


def test_a_cell_misread_alone_leaves_the_other_rows_findings_standing():
    """The scan's Allegato A prints a date OCR read as '– 14-10-2022' in one row: the row sums of
    the other rows are still the plan's own discrepancies; a finding on that row is not."""
    date = Reason("kinds", "allegato_a", 22, "data_ricezione prints '– 14-10-2022', not of its kind (date)",
                  ((3, "data_ricezione"),), local=True)
    other, same = misread([_row_sum(5), _row_sum(3)], [_plan_with(date)])
    assert (other.rule, other.severity) == ("allegato_a_row_sum", "error")
    assert (same.rule, same.severity) == ("likely_misreading", "warning")


def test_a_doubt_about_the_whole_reading_takes_every_finding():
    merged = Reason("kinds", "allegato_a", 22, "ente prints two member comuni: rows merged?", ((3, "ente"),))
    lost = Reason("rows", "allegato_a", 22, "rows lost at a page break")
    for reason in (merged, lost):
        assert [f.rule for f in misread([_row_sum(5)], [_plan_with(reason)])] == ["likely_misreading"]


def test_a_cell_misread_alone_does_not_put_the_list_of_rows_in_doubt():
    """An ente of g with no row in Allegato A rests on Allegato A's rows being all there: a date
    misread in one of them says nothing of that."""
    date = Reason("kinds", "allegato_a", 22, "data_ricezione prints '– 14-10-2022'", ((3, "data_ricezione"),),
                  local=True)
    absent = Finding(rule="allegato_a_missing_ente", severity="warning", message="Grontardo has no row",
                     kind="discrepancy", tables=["g_assegnabili", "allegato_a"],
                     evidence=[("g_assegnabili", 7, "ente")], pages=[10, 21], plan_file="p.pdf")
    assert misread([absent], [_plan_with(date)])[0].rule == "allegato_a_missing_ente"
