"""The synthetic 2023 plan of the Ambito Territoriale di Voghera (12 comuni of the province of Pavia).

The narrative first, with neither tables nor letters (it refers to "Tabella n dell'Allegato 1" and
says in sentences that d, e turnover and f are empty), then every table in an annex, "ALLEGATO 1 –
TABELLE DEL PIANO", tables 1-6 under a caption paragraph "Tabella n – ...", tables 7-12 with the caption as their own merged
title row (as an annex pasted from a spreadsheet does); tables ruled with horizontal lines only.
Every figure is a literal below, totals included: the one deliberate discrepancy is the printed
TOTALE of the SAP column of a (``DELIBERATE``).
"""
from __future__ import annotations

from typing import Any

from synth_common import heading as _h, official, para as _p, table_block as _t
from synth_rows import NO_ENTE, a_row, ente, g_row, pop_row, row, units

COMUNI = ["018182", "018037", "018122", "018073", "018095", "018051", "018121", "018116", "018084", "018149",
          "018033", "018155"]
ALER = "ALER Pavia-Lodi"
A_P, G_P = "ALER PAVIA-LODI", "ALER Pavia Lodi"
DELIBERATE = ["a_consistenza TOTALE alloggi_sap: printed 1.686, the rows add up to 1.676 (1.676 + 41 = 1.717, the "
              "printed total of alloggi)"]
LAYOUT = {
    "font_name": "Liberation Serif", "font_pt": 11.0, "table_font_pt": 9.5, "margins_cm": [2.5, 2.5, 2.2, 2.5],
    "borders": "horizontal", "repeat_header": True, "cell_pad_cm": 0.15,
    "widths": {"popolazione": [7.0, 4.5], "a_consistenza": [6.5, 3.0, 2.6, 2.6],
               "g_assegnabili": [3.2, 3.6, 2.2, 2.6, 2.8, 1.8], "b_carenza_manutentiva": [4.5, 5.0, 2.8],
               "c_ristrutturazione": [4.5, 5.0, 2.8], "e_libere": [4.5, 5.0, 3.6],
               "h_soglia_indigenti": [6.0, 4.0], "i_categorie_aggiuntive": [4.5, 11.0], "i_forze_polizia": [6.0, 4.0],
               "j_transitori": [4.5, 5.0, 2.8], "k_assegnate_anno_precedente": [8.0, 5.0],
               "misure_sostegno": [4.0, 3.2, 8.8]},
}


def _n(code: str) -> str:
    return official()[code].upper()


def _comune(code: str) -> dict[str, str]:
    return ente("comune", code)


def _aler(code: str | None) -> dict[str, str]:
    return ente("aler", code, ALER)


POP = [("018182", "38.892", 38892), ("018037", "6.250", 6250), ("018122", "5.143", 5143), ("018073", "3.167", 3167),
       ("018095", "1.631", 1631), ("018051", "1.012", 1012), ("018121", "1.570", 1570), ("018116", "698", 698),
       ("018084", "2.393", 2393), ("018149", "653", 653), ("018033", "2.349", 2349), ("018155", "1.611", 1611)]


def tables() -> dict[str, list]:
    t: dict[str, list] = {}
    t["popolazione"] = [pop_row([official()[c], p], c, n) for c, p, n in POP] + [pop_row(["Totale", "65.369"], None, 65369)]
    a = [(_comune(c), f"Comune di {official()[c]}", n, sap, sas) for c, n, sap, sas in (
        ("018182", 402, 380, 22), ("018037", 48, 48, 0), ("018122", 21, 21, 0), ("018073", 9, 9, 0),
        ("018084", 12, 12, 0), ("018033", 10, 10, 0))]
    a += [(_aler(None), A_P, 1215, 1196, 19)]
    t["a_consistenza"] = [a_row([p, f"{n:,}".replace(",", "."), f"{sap:,}".replace(",", "."), str(sas)], who, n, sap, sas)
                          for who, p, n, sap, sas in a]
    # SAP printed 1.686 where the rows add up to 1.676: deliberate (DELIBERATE)
    t["a_consistenza"].append(a_row(["TOTALE", "1.717", "1.686", "41"], NO_ENTE, 1717, 1686, 41, is_total=True))
    g = [
        ("Comune", _comune("018182"), "018182", 3, 2, 1, 6), ("Comune", _comune("018037"), "018037", 1, 0, 0, 1),
        ("Comune", _comune("018122"), "018122", 0, 1, 0, 1), ("Comune", _comune("018084"), "018084", 1, 0, 0, 1),
        (G_P, _aler("018182"), "018182", 4, 5, 3, 12), (G_P, _aler("018037"), "018037", 1, 0, 1, 2),
        (G_P, _aler("018033"), "018033", 0, 1, 0, 1)]
    t["g_assegnabili"] = [g_row([p, _n(c), str(lib), str(r), str(car), str(tot)], who, lib, r, car, tot)
                          for p, who, c, lib, r, car, tot in g]
    t["g_assegnabili"].append(g_row(["TOTALE", "", "10", "9", "5", "24"], NO_ENTE, 10, 9, 5, 24, is_total=True))
    t["b_carenza_manutentiva"] = [units([p, _n(c), str(n)], "b_carenza_manutentiva", who, n) for p, who, c, n in (
        ("Comune", _comune("018182"), "018182", 1), (G_P, _aler("018182"), "018182", 3),
        (G_P, _aler("018037"), "018037", 1))]
    t["c_ristrutturazione"] = [units([p, _n(c), str(n)], "c_ristrutturazione", who, n) for p, who, c, n in (
        ("Comune", _comune("018182"), "018182", 2), ("Comune", _comune("018122"), "018122", 1),
        (G_P, _aler("018182"), "018182", 5), (G_P, _aler("018033"), "018033", 1))]
    libere = [("Comune", _comune("018182"), "018182", i) for i in ("18201177", "18201203", "18202416")]
    libere += [("Comune", _comune("018037"), "018037", "3700512"), ("Comune", _comune("018084"), "018084", "8400093")]
    libere += [(G_P, _aler("018182"), "018182", i) for i in ("60301128", "60301176", "60302245", "60303319")]
    libere += [(G_P, _aler("018037"), "018037", "60340087")]
    t["e_libere"] = [row([p, _n(c), i], e_libere={**who, "codice_id": i, "nota": None}) for p, who, c, i in libere]
    t["h_soglia_indigenti"] = [row([_n(c), f"{v}%"], h_soglia_indigenti={**_c(c), "soglia_pct": float(v)})
                               for c, v in (("018182", 20), ("018037", 10), ("018122", 10))]
    t["i_categorie_aggiuntive"] = [row([_n("018182"), "Anziani soli ultrasettantenni"], i_categorie_aggiuntive={
        **_c("018182"), "categoria": "Anziani soli ultrasettantenni"})]
    t["i_forze_polizia"] = [row([_n(c), f"{v}%"], i_forze_polizia={**_c(c), "quota_pct": float(v)})
                            for c, v in (("018182", 10), ("018037", 5))]
    t["j_transitori"] = [units(["Comune", _n("018182"), "1"], "j_transitori", _comune("018182"), 1),
                         units([G_P, _n("018182"), "1"], "j_transitori", _aler("018182"), 1)]
    t["k_assegnate_anno_precedente"] = [
        row([p, str(n)], k_assegnate_anno_precedente={**who, "unita": n, "di_cui_mobilita": None}) for p, who, n in (
            ("Comune di Voghera", _comune("018182"), 7), ("Comune di Casteggio", _comune("018037"), 1),
            (A_P, _aler(None), 18))]
    t["misure_sostegno"] = [
        row([m, "\n".join(f"DGR {d}" for d in dgr), fin],
            misure_sostegno={"misura": m, "riferimenti": "; ".join(f"DGR {d}" for d in dgr), "finalita": fin})
        for m, dgr, fin in MISURE]
    return t


def _c(code: str) -> dict[str, str]:
    return {"comune": official()[code], "comune_istat": code}


MISURE = [
    ("Contributo Regionale di Solidarietà", ["4833/2021", "6732/2022"],
     "Sostegno agli assegnatari SAP in difficoltà economica per il pagamento del canone e delle spese."),
    ("Misura Unica Affitto", ["6970/2022"],
     "Contributo ai nuclei in locazione sul libero mercato con ISEE fino a € 26.000,00."),
]


def blocks() -> list[dict[str, Any]]:
    names = ", ".join(official()[c] for c in COMUNI)
    return [
        {"kind": "title", "text": "AMBITO TERRITORIALE DI VOGHERA"},
        {"kind": "title", "text": "PIANO ANNUALE DELL'OFFERTA DEI SERVIZI ABITATIVI PUBBLICI E SOCIALI 2023"},
        _h("Premessa", 1),
        _p("Il Piano è approvato dall'Assemblea dei Sindaci su proposta del Comune di Voghera, ente capofila, "
           "sentita l'ALER di Pavia-Lodi. Le tabelle del Piano sono raccolte nell'Allegato 1."),
        _p(f"L'Ambito comprende 12 Comuni: {names}; la popolazione residente è riportata nella Tabella 1."),
        _h("Il quadro dell'offerta abitativa", 1),
        _p("La consistenza del patrimonio pubblico e sociale di ciascun ente proprietario è riportata nella Tabella 2. "
           "Nel 2023 si prevede di assegnare 24 unità abitative, di cui 10 già libere, 9 in corso di "
           "ristrutturazione e 5 in carenza manutentiva assegnabili nello stato di fatto (Tabelle 3 – 6)."),
        _p("Non sono previste unità di nuova edificazione. Non risultano unità che si libereranno per turnover "
           "nel corso dell'anno. Nessun privato ha conferito unità abitative."),
        _h("Le scelte dei Comuni e le misure", 1),
        _p("Le soglie per i nuclei indigenti, le categorie aggiuntive, le quote per le Forze di Polizia e le unità "
           "destinate ai servizi abitativi transitori sono riportate nelle Tabelle 7 – 10; le unità assegnate nel "
           "2022 nella Tabella 11 e le misure di sostegno nella Tabella 12."),
        _p("Voghera, 13 dicembre 2022"),
        {"kind": "pagebreak"},
        _h("ALLEGATO 1 – TABELLE DEL PIANO", 1),
        _p("Tabella 1 – Popolazione residente al 31.12.2022", bold=True),
        _t("popolazione", ["Comune", "Residenti al 31.12.2022"]),
        _p("Tabella 2 – Consistenza del patrimonio abitativo pubblico e sociale", bold=True),
        _t("a_consistenza", ["Ente proprietario", "Numero alloggi", "di cui SAP", "di cui SAS"]),
        _p("Tabella 3 – Numero complessivo delle unità abitative assegnabili nel 2023", bold=True),
        _t("g_assegnabili", ["Ente proprietario", "Comune", "Alloggi liberi", "Alloggi in ristrutturazione",
                             "Alloggi in carenza manutentiva", "Totale"]),
        _p("Tabella 4 – Unità in carenza manutentiva assegnabili nello stato di fatto", bold=True),
        _t("b_carenza_manutentiva", ["Ente proprietario", "Comune", "N. alloggi"]),
        _p("Tabella 5 – Unità oggetto di ristrutturazione e recupero", bold=True),
        _t("c_ristrutturazione", ["Ente proprietario", "Comune", "N. alloggi"]),
        _p("Tabella 6 – Unità già libere", bold=True),
        _t("e_libere", ["Ente proprietario", "Comune", "Codice alloggio"]),
        {**_t("h_soglia_indigenti", ["Comune", "Soglia %"]), "title": "Tabella 7 – Soglia eccedente il 20% per i nuclei indigenti"},
        {**_t("i_categorie_aggiuntive", ["Comune", "Categoria aggiuntiva"]), "title": "Tabella 8 – Categorie aggiuntive di particolare rilevanza sociale"},
        {**_t("i_forze_polizia", ["Comune", "Quota %"]), "title": "Tabella 9 – Quota per le Forze di Polizia e i Vigili del Fuoco"},
        {**_t("j_transitori", ["Ente proprietario", "Comune", "N. alloggi"]), "title": "Tabella 10 – Servizi abitativi transitori (SAT)"},
        {**_t("k_assegnate_anno_precedente", ["Ente proprietario", "N. unità assegnate"]), "title": "Tabella 11 – Unità assegnate nell'anno precedente"},
        {**_t("misure_sostegno", ["Misura", "Riferimento normativo", "Finalità"]), "title": "Tabella 12 – Misure per il sostegno all'abitare"},
    ]


def build() -> dict[str, Any]:
    return {
        "sample": "voghera_2023", "synthetic": True, "template": "annex", "layout": LAYOUT,
        "ambito": "Voghera", "anno": 2023,
        "titolo": "PIANO ANNUALE DELL'OFFERTA DEI SERVIZI ABITATIVI PUBBLICI E SOCIALI 2023",
        "docx_options": {"author": "Ambito Territoriale di Voghera", "title": "Piano annuale 2023"},
        "comuni_ambito": [{"comune": official()[c], "comune_istat": c} for c in COMUNI],
        "deliberate": DELIBERATE,
        "empty_tables": ["d_nuova_edificazione", "e_turnover", "f_conferite_privati"],
        "blocks": blocks(), "tables": tables(),
    }
