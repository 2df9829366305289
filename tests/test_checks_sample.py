"""The findings on the real 2023 plan are exactly what a careful reader of the seed finds.

Each expected finding carries the line of evidence from samples/source/cremonese_2023.txt (the
seed), checked by hand. Nothing else may be reported at error level.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from expected import SAMPLES

from pdfplans import read_plan

# (rule, ente or None, field) → evidence in the seed
EXPECTED_ERRORS = {
    # Allegato A: "COMUNE DI TORRE DE' PICENARDI 02-11-2022 11:11:38 0 12 1 0 0 0 1 0 0": disponibili 1, parts 0
    ("allegato_a_row_sum", "Comune di Torre de' Picenardi", "ui_disponibili"),
    # "COMUNE DI PESSINA CREMONESE ... 0 9 3 0 0 0 1 7 0": disponibili 3, parts 0
    ("allegato_a_row_sum", "Comune di Pessina Cremonese", "ui_disponibili"),
    # "COMUNE DI BONEMERSE ... 0 9 1 0 0 0 1 0 0"
    ("allegato_a_row_sum", "Comune di Bonemerse", "ui_disponibili"),
    # "COMUNE DI MALAGNINO ... 0 10 1 0 0 0 1 0 0"
    ("allegato_a_row_sum", "Comune di Malagnino", "ui_disponibili"),
    # g: "COMUNE CREMONA 1 + 5da turn over 53 0 59" vs e: "COMUNE DI CREMONA CREMONA 6" (turnover)
    ("g_turnover_vs_e", "Comune di Cremona", "liberi_turnover"),
    # a: "AZZANELLO 12 12 0" vs Allegato A "COMUNE DI AZZANELLO ... 0 10 ...": SAP 12 vs 10
    ("a_vs_allegato_a", "Comune di Azzanello", "alloggi_sap"),
    # a: "SESTO ED UNITI 4 4 0" vs Allegato A "COMUNE DI SESTO ED UNITI ... 0 0 ...": SAP 4 vs 0
    ("a_vs_allegato_a", "Comune di Sesto ed Uniti", "alloggi_sap"),
    # g: "COMUNE POZZAGLIO ED UNITI 2 1 0 3" vs Allegato A "... 0 16 2 2 0 0 0 1 0": disponibili 2 vs 3
    ("g_vs_allegato_a", "Comune di Pozzaglio ed Uniti", "totale"),
    # ... and ristrutturazione 0 in Allegato A vs 1 in g
    ("g_vs_allegato_a", "Comune di Pozzaglio ed Uniti", "ristrutturazione"),
    # g liberi 1 / 3 / 1 / 1 vs Allegato A libere 0 for Torre, Pessina, Bonemerse, Malagnino
    ("g_vs_allegato_a", "Comune di Torre de' Picenardi", "liberi"),
    ("g_vs_allegato_a", "Comune di Pessina Cremonese", "liberi"),
    ("g_vs_allegato_a", "Comune di Bonemerse", "liberi"),
    ("g_vs_allegato_a", "Comune di Malagnino", "liberi"),
    # "risorse complessivamente pari a € 856.581,99" but 479.888,99 + 188.331,50 + 188.331,50 = 856.551,99
    ("riparto_total", None, "risorse_eur"),
    # "una risposta da parte di n. 28 comuni" / "(= n. 43) è stata pari al 62,7%": 28/43 = 65,1%
    ("narrative_response_rate", None, "percentuale_risposta"),
}

# Enti in g..k with no row in Allegato A (its 20 rows list none of them)
EXPECTED_MISSING_IN_ALLEGATO_A = {
    "Comune di Cremona",  # g "COMUNE CREMONA", k "COMUNE DI CREMONA 10 (...)"
    "Comune di Corte de' Frati",  # g "COMUNE CORTE DE' FRATI 1 0 0 1", j "COMUNE CORTE DE FRATI 1"
    "Comune di Gadesco-Pieve Delmona",  # g, i-B "GADESCO PIEVE DELMONA 5%", k "COMUNE DI GADESCO PIEVE DELMONA 1"
    "Comune di Grontardo",  # g "COMUNE GRONTARDO 1 0 0 1"
    "Comune di Persico Dosimo",  # i-B "PERSICO DOSIMO 5%"
}


@pytest.fixture(scope="module")
def findings():
    return read_plan(SAMPLES / "cremonese_2023.pdf").check()


def _key(finding):
    return finding.rule, finding.ente, finding.field


def test_error_findings_are_exactly_the_ones_in_the_seed(findings):
    errors = {_key(f) for f in findings if f.severity == "error"}
    assert errors == EXPECTED_ERRORS


def test_every_error_cites_its_pages(findings):
    for finding in findings:
        if finding.severity == "error":
            assert finding.pages and all(1 <= p <= 25 for p in finding.pages), finding


def test_enti_missing_from_allegato_a(findings):
    missing = {f.ente for f in findings if f.rule == "allegato_a_missing_ente"}
    assert missing == EXPECTED_MISSING_IN_ALLEGATO_A


def test_no_extraction_problem_on_the_sample(findings):
    assert [f for f in findings if f.kind == "extraction"] == []


def test_check_cli_json_and_exit_status(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "pdfplans", "check", str(SAMPLES / "cremonese_2023.pdf"), "--format", "json"],
        capture_output=True, text=True,
    )
    assert run.returncode == 1, run.stderr  # discrepancies found
    report = json.loads(run.stdout)
    assert report["plans"][0]["anno"] == 2023 and report["plans"][0]["ambito"] == "Cremonese"
    first = report["findings"][0]
    assert set(first) >= {"rule", "severity", "message", "tables", "ente", "comune", "comune_istat", "field",
                          "expected", "found", "pages"}
    pozzaglio = [f for f in report["findings"] if f["rule"] == "g_vs_allegato_a" and f["field"] == "totale"]
    assert pozzaglio and pozzaglio[0]["expected"] == 3 and pozzaglio[0]["found"] == 2
