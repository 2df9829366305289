"""Every canonical table of the 2023 plan, extracted from each text rendering, against the tables
transcribed by hand from the seed (samples/expected/cremonese_2023), cell by cell.

The renderings differ in producer (LibreOffice, reportlab), borders (full grid, horizontal rules
only, none), fonts, column widths and page breaks: the same tables must come out of all of them.
"""
from __future__ import annotations

import json
import subprocess

import pytest
from expected import SAMPLES, differences, expected_name, load_expected

from pdfplans import read_plan
from pdfplans.schema import TABLE_IDS

RENDERINGS = ["cremonese_2023", "cremonese_2023_alt", "cremonese_2023_borderless", "cremonese_2023_reportlab"]
EXPECTED = "cremonese_2023"
EMPTY = {"d_nuova_edificazione", "f_conferite_privati"}


@pytest.fixture(scope="session")
def plans():
    return {name: read_plan(SAMPLES / f"{name}.pdf") for name in RENDERINGS}


@pytest.mark.parametrize("rendering", RENDERINGS)
@pytest.mark.parametrize("table_id", TABLE_IDS)
def test_table_matches_transcription(plans, rendering, table_id):
    plan = plans[rendering]
    assert table_id in plan.tables, f"{rendering}: {table_id} not found"
    found = plan[table_id].records
    assert differences(table_id, load_expected(EXPECTED, table_id), found) == []


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_empty_tables_are_found_with_zero_rows(plans, rendering):
    for table_id in EMPTY:
        table = plans[rendering][table_id]
        assert len(table) == 0
        assert table.pages, "an empty table still cites the page of its caption"


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_plan_metadata(plans, rendering):
    expected = json.loads((SAMPLES / "expected" / EXPECTED / "plan.json").read_text(encoding="utf-8"))
    plan = plans[rendering]
    assert (plan.ambito, plan.anno, plan.titolo) == (expected["ambito"], expected["anno"], expected["titolo"])
    assert plan.comuni_ambito == expected["comuni_ambito"]
    counts = {t["id"]: t["rows"] for t in plan.metadata()["tables"]}
    assert counts == expected["tables"]


# Pages where each table starts and ends in the ruled sample, read with pdftotext by the sample's
# builder (samples/build/table_pages.py), not by pdfplans.
PAGES_RULED = {
    "popolazione": [5, 6], "a_consistenza": [7, 8], "b_carenza_manutentiva": [8], "c_ristrutturazione": [8],
    "d_nuova_edificazione": [8], "e_libere": [9], "e_turnover": [9], "f_conferite_privati": [9],
    "g_assegnabili": [9, 10], "h_soglia_indigenti": [11], "i_categorie_aggiuntive": [11], "i_forze_polizia": [11],
    "j_transitori": [11, 12], "k_assegnate_anno_precedente": [12], "misure_sostegno": [13, 14],
    "fondi_solidarieta_comuni": [14, 15], "fondi_solidarieta_enti": [15], "riparto_misure": [16],
    "utilizzo_dgr": [16], "alienazioni": [17, 18], "allegato_a": [21], "allegato_b": [22, 23, 24, 25],
}


def _pdftotext_pages(path) -> list[str]:
    """Text of every page by poppler's pdftotext: a reader independent of pdfplans."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return ["".join(page.split()) for page in out.split("\f")]  # spacing differs between readers


@pytest.mark.parametrize("rendering", ["cremonese_2023", "cremonese_2023_borderless"])
def test_every_row_keeps_its_page(plans, rendering):
    pages = _pdftotext_pages(SAMPLES / f"{rendering}.pdf")
    plan = plans[rendering]
    checked = 0
    for table in plan.tables.values():
        for record, cells in zip(table.records, table.cells):
            for cell in cells.values():
                words = cell.text.split()
                if len(words) >= 2 and "\n" not in cell.text:
                    assert "".join(words) in pages[record["page"] - 1], (table.id, record["page"], cell.text)
                    checked += 1
                    break
    assert checked > 150  # rows whose key cell is one line of two or more words


def test_table_pages_match_the_builder(plans):
    for table_id, pages in PAGES_RULED.items():
        assert plans["cremonese_2023"][table_id].pages == pages, table_id


def test_raw_keeps_the_printed_text(plans):
    table = plans["cremonese_2023"]["g_assegnabili"]
    raw, df = table.raw, table.df
    assert list(raw.columns) == list(df.columns) and len(raw) == len(df)
    printed = dict(zip(df["comune"], raw["comune"]))
    # the narrow cell broke these words mid-word, as in the seed ("CASALBUTTA NO ED UNITI")
    assert printed["Casalbuttano ed Uniti"] == "CASALBUTTA\nNO ED UNITI"
    assert printed["Pizzighettone"] == "PIZZIGHETTO\nNE"
    assert "\n" in raw.loc[0, "liberi"] and " ".join(raw.loc[0, "liberi"].split()) == "1 + 5da turn over"
    a = plans["cremonese_2023"]["e_libere"].raw
    assert "non comunicato" in set(a["codice_id"])


def test_cells_have_boxes_on_their_page(plans):
    table = plans["cremonese_2023"]["allegato_a"]
    for record, cells in zip(table.records, table.cells):
        cell = cells["ui_disponibili"]
        x0, top, x1, bottom = cell.bbox
        assert cell.page == record["page"] == 21
        assert 0 <= x0 < x1 <= 842 and 0 <= top < bottom <= 595  # a landscape A4 page


def test_df_types(plans):
    df = plans["cremonese_2023"]["a_consistenza"].df
    assert str(df["alloggi_totali"].dtype) == "Int64"
    assert str(df["is_total"].dtype) == "boolean"
    assert df.loc[df["is_total"], "alloggi_totali"].tolist() == [4045]
    fondi = plans["cremonese_2023"]["fondi_solidarieta_enti"].df
    assert str(fondi["fondo_eur"].dtype) == "Float64"
    assert fondi["fondo_eur"].tolist() == [1595127.10, 125116.00]


# Synthetic plans of other years, another ambito (two provinces, own abbreviations) and another
# template (numbered chapters, merged indigenza / forze di polizia table, protocol stamp on every
# page, table of contents, population by age band, k missing): see samples/README.md.
# Two more templates: numbered chapters with g printed before its parts (Mantova); named sections
# without letters or numbers, SAT before indigenza, a cooperative, fund tables, no k (Lodi); every
# table in an annex after the narrative, half of them captioned by their own title row (Voghera);
# g printed wide, a column per ente × comune and a TOTALE column, population by age band (Vimercate);
# roman parts, soglia, categoria and quota in one printed table, "-" for no category (Sondrio).
SYNTHETIC = ["cremonese_2022", "cremonese_2024", "oglio_po_2023", "brescia_ovest_2023", "mantova_2023", "lodi_2023",
             "voghera_2023", "vimercate_2023", "sondrio_2023"]


@pytest.fixture(scope="session")
def synthetic_plans():
    return {name: read_plan(SAMPLES / f"{name}.pdf") for name in SYNTHETIC}


@pytest.mark.parametrize("sample", SYNTHETIC)
def test_synthetic_plan_matches_its_tables(synthetic_plans, sample):
    plan = synthetic_plans[sample]
    expected_dir = SAMPLES / "expected" / sample
    expected_ids = {p.stem for p in expected_dir.glob("*.csv")}
    assert set(plan.tables) == expected_ids  # tables the plan does not print are absent, not empty
    problems = [d for tid in sorted(expected_ids) for d in differences(tid, load_expected(sample, tid), plan[tid].records)]
    assert problems == []
    metadata = json.loads((expected_dir / "plan.json").read_text(encoding="utf-8"))
    assert (plan.ambito, plan.anno) == (metadata["ambito"], metadata["anno"])
    assert plan.comuni_ambito == metadata["comuni_ambito"]


def test_missing_tables_are_warnings_not_errors(synthetic_plans):
    plan = synthetic_plans["brescia_ovest_2023"]
    assert "k_assegnate_anno_precedente" not in plan.tables
    missing = {w.table for w in plan.warnings if w.kind == "missing_table"}
    assert "k_assegnate_anno_precedente" in missing


def test_protocol_stamp_and_table_of_contents_are_never_rows(synthetic_plans):
    plan = synthetic_plans["brescia_ovest_2023"]
    for table in plan.tables.values():
        for cells in table.cells:
            for cell in cells.values():
                assert "Prot." not in cell.text and "....." not in cell.text


def test_g_printed_before_its_parts_is_g(synthetic_plans):
    plan = synthetic_plans["mantova_2023"]
    g = plan["g_assegnabili"]
    # its caption names every part ("carenza manutentiva, da ristrutturazione, ... conferite da privati"):
    # it is their sum, not one of them; the parts follow on their own captions
    assert g.pages == [2] and len(g) == 11
    assert plan["b_carenza_manutentiva"].pages[0] >= g.pages[-1]
    for tid in ("d_nuova_edificazione", "e_turnover", "f_conferite_privati"):
        assert len(plan[tid]) == 0 and plan[tid].pages  # said empty in a sentence, which is cited


def test_names_of_the_plans_own_comuni_win(synthetic_plans):
    plan = synthetic_plans["lodi_2023"]
    by_printed = dict(zip(plan["fondi_solidarieta_comuni"].raw["comune"], plan["fondi_solidarieta_comuni"].df["comune"]))
    # "BORGO SG" would also abbreviate Borgo San Giacomo (Brescia): the plan's own comune wins
    assert by_printed["BORGO SG"] == "Borgo San Giovanni"
    assert by_printed["MASSALNEGO"] == "Massalengo" and by_printed["TAVAZZANO C/V"] == "Tavazzano con Villavesco"
    sat = plan["j_transitori"].df
    aler = sat[sat["ente_tipo"] == "aler"]
    assert aler["ente"].tolist() == ["ALER Pavia-Lodi"] and aler["unita"].tolist() == [2]  # printed "U.O.LODI"
    coop = plan["a_consistenza"].df
    assert coop.loc[coop["ente_tipo"] == "altro", "ente"].tolist() == ["Soc. Coop. Abitare Lodigiano"]
    assert "k_assegnate_anno_precedente" not in plan.tables
    assert "k_assegnate_anno_precedente" in {w.table for w in plan.warnings if w.kind == "missing_table"}


def test_tables_in_an_annex_after_the_narrative(synthetic_plans):
    plan = synthetic_plans["voghera_2023"]
    annex = next(n for n, page in enumerate(_pdftotext_pages(SAMPLES / "voghera_2023.pdf"), start=1)
                 if "ALLEGATO1–TABELLEDELPIANO" in page)
    assert annex > 1 and all(t.pages[0] >= annex for t in plan.tables.values() if len(t))
    # said empty in the narrative, before the annex: found with no rows, citing that page
    for tid in ("d_nuova_edificazione", "e_turnover", "f_conferite_privati"):
        assert len(plan[tid]) == 0 and plan[tid].pages and plan[tid].pages[0] < annex


def test_a_wide_table_gives_a_record_per_printed_column(synthetic_plans):
    g = synthetic_plans["vimercate_2023"]["g_assegnabili"]
    # printed across: "Comune di Vimercate | ALER Vimercate | ... | TOTALE", the figures down the first column
    printed = [" ".join(text.split()) for text in g.raw["ente"]]
    assert list(zip(printed, g.df["ente_tipo"].fillna(""), g.df["comune"].fillna(""))) == [
        ("Comune di Vimercate", "comune", "Vimercate"), ("ALER Vimercate", "aler", "Vimercate"),
        ("Comune di Arcore", "comune", "Arcore"), ("ALER Arcore", "aler", "Arcore"),
        ("Comune di Concorezzo", "comune", "Concorezzo"), ("ALER Agrate Brianza", "aler", "Agrate Brianza"),
        ("TOTALE", "", "")]
    assert g.df["is_total"].tolist() == [False] * 6 + [True]
    for record, cells in zip(g.records, g.cells):
        assert cells["totale"].page == record["page"] == g.pages[0]  # each figure keeps its printed cell
    pop = synthetic_plans["vimercate_2023"]["popolazione"].df
    assert pop["popolazione"].tolist()[:2] == [26208, 17817]  # the TOTALE column, not a band


# The same synthetic plans rendered another way (samples/build/synthetic.py VARIANTS): no borders at
# all, horizontal rules only, other fonts; their tables are those of the plan they render.
SYNTHETIC_RENDERINGS = ["mantova_2023_borderless", "lodi_2023_rules", "vimercate_2023_borderless"]


@pytest.mark.parametrize("rendering", SYNTHETIC_RENDERINGS)
def test_synthetic_plan_rendered_otherwise_gives_the_same_tables(rendering):
    plan = read_plan(SAMPLES / f"{rendering}.pdf")
    sample = expected_name(rendering)
    assert sample != rendering
    expected_ids = {p.stem for p in (SAMPLES / "expected" / sample).glob("*.csv")}
    assert set(plan.tables) == expected_ids
    problems = [d for tid in sorted(expected_ids) for d in differences(tid, load_expected(sample, tid), plan[tid].records)]
    assert problems == []
