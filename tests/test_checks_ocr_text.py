"""A figure of the narrative read by OCR that differs from the tables only by characters OCR
confuses is reported as a likely misreading of the text, not as the plan's discrepancy."""
from __future__ import annotations

import pytest

from pdfplans.checks.findings import Finding
from pdfplans.checks.misreading import misread, ocr_lookalike
from pdfplans.model import Plan


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
