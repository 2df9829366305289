"""Member comuni in short form (verdicts/shortforms.py) and references with their legislature, as the
samples print them: Sondrio's "MONTAGNA IN V.", Oglio Po's "CASALMAGG.", Sondrio's "DGR XI/6970/2022"."""
from __future__ import annotations

from dataclasses import replace

from test_checks_support import plan, table

from pdfplans.model import Plan
from pdfplans.verdicts.cells import judge_cells
from pdfplans.verdicts.shapes import judge_shapes, shape
from pdfplans.verdicts.shortforms import names_member, opening_member

SONDRIO = ["sondrio", "montagna in valtellina", "ponte in valtellina", "berbenno di valtellina"]


def test_a_member_named_in_short_form() -> None:
    assert names_member("MONTAGNA IN V.", "montagna in valtellina")
    assert names_member("CASALMAGG.", "casalmaggiore")
    assert names_member("Comune di Montagna in Valtellina", "montagna in valtellina")
    assert not names_member("MONTAGNA IN", "montagna in valtellina")  # a name broken by a narrow cell
    assert not names_member("MONTAGNA IN V", "montagna in valtellina")  # cut short says so with a stop
    assert not names_member("CAS.", "casalmaggiore")  # too short a start: many names open so
    assert not names_member("M. I. V.", "montagna in valtellina")  # no word kept whole
    assert opening_member("MONTAGNA IN V. Anziani soli con più di 75 anni", SONDRIO) == "montagna in valtellina"


def _categorie(rows: list[tuple[str, str]]):
    t = table("i_categorie_aggiuntive", [{"comune": c, "comune_istat": "", "categoria": k, "page": 2}
                                         for c, k in rows], page=2)
    return t


def test_two_member_names_one_in_short_form_in_one_cell_are_two_rows() -> None:
    t = _categorie([("SONDRIO", "Genitori separati con figli minori")])
    assert judge_cells(t, SONDRIO) == []
    t.cells[0]["comune"] = replace(t.cells[0]["comune"], text="SONDRIO\nMONTAGNA IN V.")
    assert "prints two member comuni ('SONDRIO MONTAGNA IN V.')" in judge_cells(t, SONDRIO)[0].message


def _sondrio(t, text: list[tuple[int, str]]) -> Plan:
    return plan(t, text=text, comuni_ambito=[{"comune": n.title()} for n in SONDRIO])


def test_a_category_row_left_in_the_text_in_short_form_and_with_an_age() -> None:
    t = _categorie([("SONDRIO", "Genitori separati con figli minori")])
    lost = (2, "MONTAGNA IN V. Anziani soli con più di 75 anni")
    assert [r.table for r in judge_shapes(_sondrio(t, [lost]))] == ["i_categorie_aggiuntive"]
    sentence = (2, "Sondrio 12 alloggi sono stati assegnati")  # figures right after the name: no category
    assert judge_shapes(_sondrio(t, [sentence])) == []


def test_a_reference_with_its_legislature_is_a_reference() -> None:
    assert shape("DGR XI/6970/2022") == shape("DGR 6970/2022") == ("W", "R")
    rows = [{"misura": "Contributo Regionale di Solidarietà", "riferimenti": "DGR XI/4833/2021",
             "finalita": "Sostegno agli assegnatari SAP in difficoltà economica", "page": 3}]
    t = table("misure_sostegno", rows)
    t.cells[0]["riferimenti"] = replace(t.cells[0]["riferimenti"], text="DGR XI/4833/2021\nDGR XI/6732/2022")
    lost = (3, "Misura Unica Affitto DGR XI/6970/2022 Contributo ai nuclei in locazione sul libero mercato con ISEE")
    assert [r.table for r in judge_shapes(plan(t, text=[lost]))] == ["misure_sostegno"]
