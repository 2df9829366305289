"""Family 9: plans of one ambito for consecutive years, and extraction findings (never discrepancies)."""
from __future__ import annotations

from test_checks_support import aler, check, comune, plan, rules, table

from pdfplans.checks import run_checks
from pdfplans.errors import PlanWarning


def g(who: dict, totale: int) -> dict:
    return {**who, "liberi": totale, "liberi_turnover": 0, "ristrutturazione": 0, "carenza_manutentiva": 0,
            "totale": totale, "is_total": False}


def a(who: dict, n: int) -> dict:
    return {**who, "alloggi_totali": n, "alloggi_sap": n, "alloggi_sas": 0, "alloggi_altri_usi": 0, "is_total": False}


def test_k_of_year_n_against_g_of_year_n_minus_1() -> None:
    before = plan(table("g_assegnabili", [g(comune("Cremona"), 59), g(aler("Cremona"), 50), g(aler("Ostiano"), 4)]),
                  table("a_consistenza", [a(comune("Cremona"), 1028), a(comune("Soresina"), 122)]),
                  file="/x/2022.pdf", anno=2022)
    now = plan(table("k_assegnate_anno_precedente", [{**comune("Cremona"), "unita": 10, "di_cui_mobilita": 4},
                                                     {**aler(), "unita": 61, "di_cui_mobilita": None}]),
               table("a_consistenza", [a(comune("Cremona"), 1030), a(comune("Soresina"), 100)]),
               file="/x/2023.pdf", anno=2023)
    findings = run_checks([now, before])  # any order: paired by year
    assert [(f.rule, f.expected, f.found, f.severity) for f in findings] == [
        ("k_vs_previous_g", 59, 10, "info"), ("k_exceeds_previous_g", 54, 61, "warning"),
        ("consistenza_change", 122, 100, "info")]
    assert all(f.plan_file == "/x/2023.pdf" for f in findings) and not findings.has_discrepancies


def test_other_ambito_or_non_consecutive_years_are_not_paired() -> None:
    before = plan(table("g_assegnabili", [g(comune("Cremona"), 59)]), file="/x/a.pdf", anno=2021)
    now = plan(table("k_assegnate_anno_precedente", [{**comune("Cremona"), "unita": 99}]), file="/x/b.pdf")
    other = plan(table("g_assegnabili", [g(comune("Cremona"), 1)]), file="/x/c.pdf", anno=2022, ambito="Casalasco")
    assert rules(run_checks([before, now, other])) == []


def test_unresolved_and_unreadable_cells_are_extraction_findings_not_discrepancies() -> None:
    # the unresolved b row could be the g unit's source: no g_carenza_vs_b discrepancy is claimed
    gt = table("g_assegnabili", [g(comune("Cella Dati"), 0) | {"carenza_manutentiva": 1, "totale": 1}])
    b = table("b_carenza_manutentiva", [{"ente_tipo": "comune", "ente": "", "comune": "", "comune_istat": "",
                                         "unita": 1}], page=9)
    warnings = [PlanWarning("/nonexistent/plan.pdf", "comune 'CELA DTI' not resolved", page=9,
                            table="b_carenza_manutentiva", kind="unresolved", row=0, column="comune", text="CELA DTI"),
                PlanWarning("/nonexistent/plan.pdf", "cannot read 'l4' as an integer", page=9,
                            table="g_assegnabili", kind="unreadable", row=0, column="liberi", text="l4")]
    findings = check(gt, b, warnings=warnings)
    assert [(f.rule, f.kind, f.found) for f in findings] == [
        ("extraction_unresolved_comune", "extraction", "CELA DTI"),
        ("extraction_unreadable_value", "extraction", "l4")]
    assert findings[0].evidence == [("b_carenza_manutentiva", 0, "comune")] and findings[0].pages == [9]
    assert not findings.has_discrepancies
    # without the warning the same tables are a discrepancy (the row is not excluded)
    assert "g_carenza_vs_b" in rules(check(gt, b))


def test_ocr_figure_that_breaks_a_total_is_a_likely_misreading() -> None:
    rows = [g(comune("Cremona"), 59), g(comune("Soresina"), 10),
            {"liberi": 69, "liberi_turnover": 0, "ristrutturazione": 0, "carenza_manutentiva": 0, "totale": 69,
             "is_total": True}]
    rows[1]["totale"] = rows[1]["liberi"] = 16  # OCR read "10" as "16"
    findings = check(table("g_assegnabili", rows, ocr={(1, "liberi"): 61.0, (1, "totale"): 58.0}))
    assert {f.rule for f in findings} == {"g_total"}
    assert all(f.severity == "warning" and "likely an OCR misreading" in f.message for f in findings)
    assert not findings.has_discrepancies
    typed = check(table("g_assegnabili", rows))  # the same figures from a text layer are errors
    assert {f.severity for f in typed} == {"error"}
