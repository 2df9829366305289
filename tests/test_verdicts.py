"""Verdicts on real readings: correct ones pass, a reading that lost rows is named, with its page, and
the checks report what rests on it as a likely misreading, not as the plan's discrepancy."""
from __future__ import annotations

import copy
import json

import pypdfium2 as pdfium
import pytest
from cli_helpers import run
from expected import SAMPLES

from pdfplans import read_plan
from pdfplans.verdicts.judge import judge

# every text-layer rendering: each of their tables is cell-for-cell right (test_extract_samples)
CORRECT = ["cremonese_2023", "cremonese_2022", "cremonese_2024", "brescia_ovest_2023", "oglio_po_2023", "lodi_2023",
           "mantova_2023", "vimercate_2023", "voghera_2023", "cremonese_2023_alt", "cremonese_2023_borderless",
           "cremonese_2023_reportlab", "sondrio_2023", "lodi_2023_rules", "mantova_2023_borderless",
           "vimercate_2023_borderless"]


@pytest.fixture(scope="module")
def seed():
    return read_plan(SAMPLES / "cremonese_2023.pdf")


@pytest.mark.parametrize("sample", CORRECT)
def test_correct_readings_are_not_suspect(sample):
    plan = read_plan(SAMPLES / f"{sample}.pdf")
    assert plan.suspect == [] and plan.missing == {}
    assert all(t.verdict.status == "ok" for t in plan.tables.values())


@pytest.fixture(scope="module")
def cut_pdf(tmp_path_factory):
    """The seed without its page 6: the population table stops after the comuni of page 5, as a reader
    that lost a page would leave it (pages 1-5, 7, 8 kept)."""
    path = tmp_path_factory.mktemp("cut") / "cut.pdf"
    source = pdfium.PdfDocument(str(SAMPLES / "cremonese_2023.pdf"))
    cut = pdfium.PdfDocument.new()
    cut.import_pages(source, [0, 1, 2, 3, 4, 6, 7])
    cut.save(str(path))
    return path


def test_a_population_table_cut_at_a_page_is_suspect(cut_pdf):
    plan = read_plan(cut_pdf)
    verdict = plan["popolazione"].verdict
    assert verdict.status == "suspect"
    members = [r for r in verdict.reasons if r.kind == "members"]
    # page 5 of the seed prints AT 1 (six comuni, "TOTALE AT 1 14.545") and AZZANELLO; the 48 members
    # are listed on page 2
    assert members and members[0].page == 5 and "of the 48 member comuni" in members[0].message
    metadata = json.loads(plan.to_json())
    table = next(t for t in metadata["tables"] if t["id"] == "popolazione")
    assert table["verdict"] == "suspect" and table["reasons"][0]["evidence"] == "members"
    assert {"kind": "suspect", "table": "popolazione", "page": 5} .items() <= metadata["warnings"][0].items()


def test_extract_names_the_suspect_table_and_strict_exits_3(cut_pdf, tmp_path):
    plain = run("extract", cut_pdf, "--out", tmp_path / "a")
    assert plain.exit_code == 0
    assert "page 5, popolazione: suspect: lacks" in plain.stderr  # by default, not only with --verbose
    # the cut file ends with "e) Numero unità abitative destinate a SAP di cui: ❖ già libere", its table
    # on a page left out: announced and not found
    assert "page 7, e_libere: missing: announced on page 7" in plain.stderr
    assert "1 suspect, 1 missing" in plain.stdout
    strict = run("extract", cut_pdf, "--out", tmp_path / "b", "--strict")
    assert strict.exit_code == 3


def test_strict_passes_a_plan_read_right(tmp_path):
    result = run("extract", SAMPLES / "brescia_ovest_2023.pdf", "--out", tmp_path / "c", "--strict")
    assert result.exit_code == 0 and "0 suspect, 0 missing" in result.stdout


def _dropped(plan, table_id, index):
    """``plan`` with one data row of ``table_id`` left out (as a reader that lost it would give it)."""
    plan = copy.deepcopy(plan)
    table = plan.tables[table_id]
    del table.records[index], table.cells[index]
    judge(plan)
    return plan


def test_findings_on_a_suspect_table_are_likely_misreadings(seed):
    # row 2 of popolazione is "CASALBUTTANO 3.692" of AT 1: "TOTALE AT 1 14.545" and the grand total no
    # longer add up, and a member comune is missing
    plan = _dropped(seed, "popolazione", 1)
    assert plan["popolazione"].verdict.status == "suspect"
    findings = plan.check()
    rules = [f.rule for f in findings]
    assert not {"popolazione_total", "popolazione_total_at"} & set(rules)  # not the plan's errors
    assert rules[0] == "suspect_table" and findings[0].tables == ["popolazione"]  # said first
    misread = [f for f in findings if f.rule == "likely_misreading"]
    assert misread and all(f.kind == "extraction" and f.severity == "warning" for f in misread)
    assert any("(popolazione_total_at)" in f.message and "popolazione (page 5) is suspect" in f.message for f in misread)
    # the seed's own discrepancies on tables read right stay errors
    assert {"riparto_total", "g_turnover_vs_e"} <= {f.rule for f in findings if f.severity == "error"}


def test_text_report_lists_suspect_tables_first(seed):
    from pdfplans.checks import render_report

    plan = _dropped(seed, "popolazione", 1)
    text = render_report(plan.check(), [plan], color=False)
    assert text.index("SUSPECT TABLES") < text.index("WARNING")
