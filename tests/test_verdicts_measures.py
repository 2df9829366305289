"""Tables of measures: a name cell naming two regional measures is two rows read as one
(verdicts/measures.py), with names as the samples print them."""
from __future__ import annotations

from dataclasses import replace

from test_checks_support import table

from pdfplans.verdicts.measures import judge_measures, named_measures


def _lodi():
    """Lodi's misure di sostegno (page 3): two measures, their DGRs and purpose."""
    rows = [{"misura": "Contributo Regionale di Solidarietà", "riferimenti": "DGR 4833/2021; DGR 6732/2022",
             "finalita": "Contributo agli assegnatari SAP in comprovata difficoltà economica"},
            {"misura": "Misura Unica Affitto", "riferimenti": "DGR 6970/2022",
             "finalita": "Sostegno ai nuclei in locazione sul libero mercato con ISEE fino a € 26.000,00"}]
    t = table("misure_sostegno", rows)
    t.cells[0]["misura"] = replace(t.cells[0]["misura"], text="Contributo Regionale di\nSolidarietà")
    return t


def test_the_measures_named_as_the_samples_print_them() -> None:
    assert named_measures("CONTRIBUTO SOLIDARIETA' DI") == ["Contributo Regionale di Solidarietà"]
    assert named_measures("MISURA AFFITTO UNICA") == ["Misura Unica"]
    assert named_measures("FONDO MOROSITA' INCOLPEVOLE") == ["Morosità incolpevole"]
    assert named_measures("ZERO CANONE DI LOCAZIONE PER GLI INQUILINI DI ALLOGGI ALER OVER 70") == ["Zero canone"]
    assert named_measures("MISURA COMPLEMENTARE") == ["Misura Complementare"]


def test_each_row_naming_one_measure_is_right() -> None:
    assert judge_measures(_lodi()) == []


def test_a_name_cell_naming_two_measures_is_two_rows_merged() -> None:
    t = _lodi()
    t.cells[0]["misura"] = replace(t.cells[0]["misura"], text="Contributo Regionale di\nSolidarietà\nMisura Unica Affitto")
    del t.records[1], t.cells[1]
    reasons = judge_measures(t)
    assert len(reasons) == 1 and reasons[0].table == "misure_sostegno"
    assert "names two measures (Contributo Regionale di Solidarietà, Misura Unica)" in reasons[0].message


def test_the_riparto_of_the_cremonese_plan_names_one_measure_a_row() -> None:
    rows = [{"misura": m, "percentuale": p, "risorse_eur": 1.0} for m, p in
            (("MISURA UNICA", 50.0), ("MISURA COMPLEMENTARE", 25.0), ("FONDO MOROSITA' INCOLPEVOLE", 25.0))]
    t = table("riparto_misure", rows)
    assert judge_measures(t) == []
    t.cells[1]["misura"] = replace(t.cells[1]["misura"], text="MISURA COMPLEMENTARE\nFONDO MOROSITA' INCOLPEVOLE")
    assert judge_measures(t)[0].cells == ((1, "misura"),)
