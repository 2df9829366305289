"""explain: for every table of a sample, why it got its id. Expected headers and captions are the
ones the samples print (samples/source/cremonese_2023.txt; brescia_ovest_2023's README entry)."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import pdfplans
from pdfplans.cli import app
from pdfplans.extractors.classify import MIN_SCORE, candidates, classify
from pdfplans.extractors.explain import label
from pdfplans.extractors.pdf import DEFAULT_LIMITS
from pdfplans.extractors.settings import DEFAULT_SETTINGS
from pdfplans.reader import _read_printed

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def cremonese():
    path = SAMPLES / "cremonese_2023.pdf"
    return pdfplans.read_plan(path, ocr=False), pdfplans.explain(path, ocr=False)


@pytest.fixture(scope="module")
def brescia():
    path = SAMPLES / "brescia_ovest_2023.pdf"
    return pdfplans.read_plan(path, ocr=False), pdfplans.explain(path, ocr=False)


@pytest.mark.parametrize("sample", ["cremonese", "brescia"])
def test_every_table_read_is_explained_by_its_scores(sample, request):
    plan, explanation = request.getfixturevalue(sample)
    printed = {tid: t for tid, t in plan.tables.items() if t.score is not None}
    assert len(printed) >= 7
    for tid, table in printed.items():
        explained = explanation.table(tid)
        winner = next(c for c in explained.candidates if c.id == tid)
        assert winner.chosen and winner.score == pytest.approx(table.score)
        assert winner.score >= MIN_SCORE and winner.reason == ""
        assert winner.header > 0 or winner.caption > 0  # it won by what it prints, not by default
        assert set(table.pages) <= set(explained.pages)
        assert f"→ {tid} " in explained.text()
        losers = [c for c in explained.candidates if not c.chosen]
        assert all(c.reason for c in losers)  # every candidate that lost says why
    assert {t for t, table in plan.tables.items() if table.score is None} == {
        t for t, table in plan.tables.items() if not table.records and table.caption_page
    }  # only the tables the plan says it has none of have no score


def test_tables_with_one_header_told_apart_by_their_caption(cremonese):
    _plan, explanation = cremonese
    b = explanation.table("b_carenza_manutentiva")
    assert b.header == ["Ragione Sociale Ente", "Comune", "n. U.I."]
    assert b.column_source == "vertical rules"
    by_id = {c.id: c for c in b.candidates}
    assert by_id["b_carenza_manutentiva"].caption > 0.5
    assert by_id["c_ristrutturazione"].caption == 0.0
    assert by_id["c_ristrutturazione"].header == by_id["b_carenza_manutentiva"].header
    a = explanation.table("a_consistenza")
    assert a.caption == "a) Consistenza del patrimonio abitativo pubblico e sociale"
    winner = next(c for c in a.candidates if c.chosen)
    assert winner.roles["ente"] == "Ragione Sociale Ente Proprietario"
    assert winner.roles["alloggi_sap"] == "N. alloggi SAP"


def test_one_printed_table_serving_two_ids(brescia):
    _plan, explanation = brescia
    table = explanation.table("h_soglia_indigenti")
    assert table is explanation.table("i_forze_polizia")
    assert table.header == ["COMUNE", "Soglia % indigenti", "Quota % Forze di Polizia"]
    assert sorted(table.chosen) == ["h_soglia_indigenti", "i_forze_polizia"]
    popolazione = explanation.table("popolazione")
    assert popolazione.header[-1] == "TOT."
    assert next(c for c in popolazione.candidates if c.chosen).roles["popolazione"] == "TOT."


def test_borderless_table_read_by_gaps_and_occupancy():
    explanation = pdfplans.explain(SAMPLES / "cremonese_2023_borderless.pdf", ocr=False)
    g = explanation.table("g_assegnabili")
    assert g.column_source == "text gaps" and len(g.columns) == 6
    assert {strategy for _page, strategy, _n in g.row_strategies} == {"occupancy"}
    assert len(g.pages) == 2  # continued on the next page, header not repeated


def test_explain_one_page(brescia):
    _plan, whole = brescia
    page = whole.table("i_forze_polizia").pages[0]
    only = pdfplans.explain(SAMPLES / "brescia_ovest_2023.pdf", page=page, ocr=False)
    assert only.tables and all(page in t.pages for t in only.tables)
    assert len(only.tables) < len(whole.tables)


def test_extract_explain_and_debug_pictures(tmp_path):
    out, debug = tmp_path / "out", tmp_path / "debug"
    result = CliRunner().invoke(app, ["extract", str(SAMPLES / "brescia_ovest_2023.pdf"), "--out", str(out),
                                      "--no-ocr", "--explain", "--debug", str(debug)])
    assert result.exit_code == 0, result.output
    assert "→ i_forze_polizia " in result.output and "→ h_soglia_indigenti " in result.output
    assert "Soglia % indigenti" in result.output
    assert sorted(p.name for p in debug.iterdir()) == [f"page-00{n}.png" for n in range(1, 5)]


def test_debug_label_names_winner_and_runner_up(brescia):
    explained = brescia[1].table("g_assegnabili")
    winner = next(c for c in explained.candidates if c.chosen)
    runner = explained.runner_up
    assert runner is not None and runner.score <= winner.score
    # the label is computed from the same scores the explanation shows
    *_, printed, _narrative = _read_printed(SAMPLES / "brescia_ovest_2023.pdf", False, DEFAULT_LIMITS, DEFAULT_SETTINGS)
    scored = candidates(printed)
    text = label(printed[explained.number - 1], scored, classify(printed, scored))
    assert text == f"g_assegnabili {winner.score:.2f} · runner-up {runner.id} {runner.score:.2f}"


def test_read_plan_explains_its_own_reading(brescia):
    explained: list = []
    pdfplans.read_plan(SAMPLES / "brescia_ovest_2023.pdf", ocr=False, explained=explained)
    assert len(explained) == 1 and explained[0].text() == brescia[1].text()


def test_explanation_names_the_settings_it_was_read_with():
    from dataclasses import replace

    loose = replace(DEFAULT_SETTINGS, table_gap=2.0)
    explanation = pdfplans.explain(SAMPLES / "brescia_ovest_2023.pdf", ocr=False, settings=loose)
    assert explanation.changed_settings == {"table_gap": 2.0}
    assert "(settings: table_gap=2.0)" in explanation.text().splitlines()[0]
