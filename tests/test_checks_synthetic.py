"""The checks on the synthetic plans find the discrepancies planted in them (samples/README.md,
"Deliberate discrepancies") and no other error; across years, k against the previous year's g."""
from __future__ import annotations

import pytest
from expected import SAMPLES

from pdfplans import read_plan
from pdfplans.checks import run_checks

# (rule, ente, field, expected, found): each planted discrepancy, as samples/README.md states it
PLANTED = {
    "cremonese_2022": {
        ("a_total", None, "alloggi_totali", 4057, 4067),  # TOTALE printed 4067, rows add up to 4057
        ("g_vs_allegato_b", "ALER Brescia-Cremona-Mantova", "ristrutturazione", 22, 23),  # 22 listed, g says 23
        # inherited from the real 2023 text's wording: the stated response rate is not respondents / base
        ("narrative_response_rate", None, "percentuale_risposta", 60.47, 58.1),
    },
    "cremonese_2024": {
        ("g_row_sum", "Comune di Soresina", "totale", 7, 8),  # 1 + 6 + 0 printed with totale 8
        ("g_row_sum", None, "totale", 162, 163),  # the TOTALE row adds the printed 8
        ("g_vs_allegato_a", "Comune di Soresina", "totale", 8, 7),  # Allegato A says the right 7
        ("popolazione_total_at", None, "popolazione", 9479, 9579),  # TOTALE AT 3 printed 9.579
        ("narrative_response_rate", None, "percentuale_risposta", 72.09, 69.8),  # as in 2022
    },
    "oglio_po_2023": {
        ("g_total", None, "liberi", 23, 22),  # TOTALE liberi printed 22, rows add up to 23
        ("g_row_sum", None, "totale", 39, 40),  # so the TOTALE row's own 22 + 9 + 8 is not 40
    },
    "brescia_ovest_2023": {
        ("a_row_sum", "Comune di Travagliato", "alloggi_totali", 85, 86),  # 86 printed with 80 SAP + 5 SAS
    },
    "mantova_2023": {
        ("g_row_sum", "Comune di Curtatone", "totale", 3, 4),  # 1 + 1 + 1 printed with totale 4
        ("g_total", None, "totale", 45, 44),  # the TOTALE row's 44 is the sum of the parts, not of the totale column
    },
    "lodi_2023": {
        ("fondi_comuni_total", None, "fondo_eur", 151500.0, 152500.0),  # TOTALE printed 152.500,00
    },
    "voghera_2023": {
        ("a_total", None, "alloggi_sap", 1676, 1686),  # TOTALE SAP printed 1.686
    },
    "vimercate_2023": {
        ("popolazione_total", None, "popolazione", 121408, 121508),  # TOTALE printed 121.508
    },
    "sondrio_2023": {
        ("a_row_sum", "Comune di Berbenno di Valtellina", "alloggi_totali", 17, 18),  # 18 printed with 17 SAP + 0 SAS
    },
}


@pytest.fixture(scope="module")
def plans():
    return {name: read_plan(SAMPLES / f"{name}.pdf") for name in [*PLANTED, "cremonese_2023"]}


def _rounded(value):
    return round(value, 2) if isinstance(value, float) else value


@pytest.mark.parametrize("sample", list(PLANTED))
def test_planted_discrepancies_are_the_only_errors(plans, sample):
    errors = {
        (f.rule, f.ente, f.field, _rounded(f.expected), _rounded(f.found))
        for f in plans[sample].check() if f.severity == "error"
    }
    assert errors == PLANTED[sample]


def test_across_years_k_against_previous_g(plans):
    findings = run_checks([plans["cremonese_2022"], plans["cremonese_2023"], plans["cremonese_2024"]])
    exceeding = [(f.ente, f.expected, f.found) for f in findings if f.rule == "k_exceeds_previous_g"]
    # 2022's g foresaw 6 units for Pessina (samples/README.md), the real 2023 k assigned 7
    assert exceeding == [("Comune di Pessina Cremonese", 6, 7)]
    fewer = [f for f in findings if f.rule == "k_vs_previous_g"]
    assert fewer and all(f.severity == "info" and f.found < f.expected for f in fewer)


def test_missing_tables_are_extraction_warnings_not_discrepancies(plans):
    findings = plans["brescia_ovest_2023"].check()
    missing = [f for f in findings if f.rule == "extraction_missing_table"]
    assert missing and all(f.kind == "extraction" and f.severity != "error" for f in missing)


def test_a_table_nothing_announces_is_an_info_not_a_failed_extraction(plans):
    """Brescia Ovest's template prints ten tables (samples/expected/brescia_ovest_2023/) and announces
    no other: the twelve it lacks are said to be likely not printed, as infos, not 'could not be extracted'."""
    from pdfplans.schema import TABLE_IDS

    plan = plans["brescia_ovest_2023"]
    printed = {p.stem for p in (SAMPLES / "expected" / "brescia_ovest_2023").glob("*.csv")}
    assert len(printed) == 10 and not plan.missing
    missing = [f for f in plan.check() if f.rule == "extraction_missing_table"]
    assert {t for f in missing for t in f.tables} == set(TABLE_IDS) - printed
    assert all(f.severity == "info" and "nothing in the plan announces it" in f.message for f in missing)
    assert plan.check()[0].rule == "a_row_sum"  # the plan's own error first, not what it does not print


@pytest.mark.parametrize("rendering", ["mantova_2023_borderless", "lodi_2023_rules", "vimercate_2023_borderless"])
def test_other_renderings_find_the_same_planted_discrepancies(rendering):
    errors = {
        (f.rule, f.ente, f.field, _rounded(f.expected), _rounded(f.found))
        for f in read_plan(SAMPLES / f"{rendering}.pdf").check() if f.severity == "error"
    }
    assert errors == PLANTED[rendering.rsplit("_", 1)[0]]
