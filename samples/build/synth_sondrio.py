"""The synthetic 2023 plan of the Ambito di Sondrio (a subset of 12 comuni of the province of Sondrio).

Roman parts I.-V. with "1-", "2-" subsections, no letters; the one-row table of the units that will
be freed by turnover; g with "2 + 1 da turnover"; the choices of the Comuni in **one** printed table
``COMUNE | SOGLIA % INDIGENTI | CATEGORIA AGGIUNTIVA | QUOTA % FORZE DI POLIZIA`` (-> h, i categorie,
i forze di polizia; "-" where a Comune named no category); k with "6 (di cui 2 per mobilità)"; the
Comuni's short forms "PONTE IN V.", "MONTAGNA IN V."; ALER printed "ALER BG-LC-SO". Every figure is a
literal below, totals included: the one deliberate discrepancy is Berbenno's row of a (``DELIBERATE``).
"""
from __future__ import annotations

from typing import Any

from synth_common import heading as _h, official, para as _p, table_block as _t
from synth_rows import NO_ENTE, a_row, ente, pop_row, row, units

COMUNI = ["014061", "014002", "014007", "014011", "014015", "014020", "014028", "014044", "014049", "014052",
          "014051", "014070"]
ALER = "ALER Bergamo-Lecco-Sondrio"
A_P = "ALER BG-LC-SO"
PRINTED = {"014052": "PONTE IN V.", "014044": "MONTAGNA IN V."}
DELIBERATE = ["a_consistenza Comune di Berbenno di Valtellina: 18 alloggi printed with 17 SAP and no SAS; the TOTALE "
              "row adds the printed columns"]
LAYOUT = {
    "font_name": "Caladea", "font_pt": 11.0, "table_font_pt": 9.5, "margins_cm": [2.4, 2.2, 2.2, 2.2],
    "borders": "grid", "repeat_header": True, "cell_pad_cm": 0.15,
    "widths": {"popolazione": [7.0, 4.5], "a_consistenza": [7.0, 3.0, 2.6, 2.6],
               "b_carenza_manutentiva": [4.5, 5.0, 2.8], "c_ristrutturazione": [4.5, 5.0, 2.8],
               "e_libere": [4.5, 5.0, 3.6], "e_turnover": [5.0, 5.0, 2.8],
               "g_assegnabili": [3.0, 3.4, 3.0, 2.4, 2.6, 1.8], "scelte": [4.0, 2.6, 6.4, 3.2],
               "j_transitori": [4.5, 5.0, 2.8], "k_assegnate_anno_precedente": [8.0, 5.5],
               "misure_sostegno": [4.0, 3.2, 9.0]},
}


def _n(code: str) -> str:
    return PRINTED.get(code) or official()[code].upper()


def _comune(code: str) -> dict[str, str]:
    return ente("comune", code)


def _aler(code: str | None) -> dict[str, str]:
    return ente("aler", code, ALER)


def _c(code: str) -> dict[str, str]:
    return {"comune": official()[code], "comune_istat": code}


POP = [("014061", "21.512", 21512), ("014002", "3.061", 3061), ("014007", "4.238", 4238), ("014011", "1.027", 1027),
       ("014015", "1.563", 1563), ("014020", "2.487", 2487), ("014028", "526", 526), ("014044", "3.004", 3004),
       ("014049", "2.183", 2183), ("014052", "2.246", 2246), ("014051", "1.881", 1881), ("014070", "1.994", 1994)]
# the choices of the Comuni: soglia %, categoria (None: "-"), quota %
SCELTE = [("014061", 20, "Genitori separati con figli minori", 10), ("014002", 0, None, 0), ("014020", 10, None, 5),
          ("014044", 0, "Anziani soli con più di 75 anni", 0), ("014052", 10, None, 0)]


def tables() -> dict[str, list]:
    t: dict[str, list] = {}
    t["popolazione"] = [pop_row([official()[c], p], c, n) for c, p, n in POP] + [pop_row(["Totale", "45.722"], None, 45722)]
    a = [(_comune(c), f"Comune di {official()[c]}", n, sap, sas) for c, n, sap, sas in (
        ("014061", 310, 296, 14), ("014002", 12, 12, 0),
        ("014007", 18, 17, 0),  # 18 printed with 17 SAP and 0 SAS: deliberate (DELIBERATE)
        ("014020", 9, 9, 0), ("014044", 14, 14, 0), ("014052", 11, 11, 0))]
    a += [(_aler(None), A_P, 842, 830, 12)]
    t["a_consistenza"] = [a_row([p, str(n), str(sap), str(sas)], who, n, sap, sas) for who, p, n, sap, sas in a]
    t["a_consistenza"].append(a_row(["TOTALE", "1.216", "1.189", "26"], NO_ENTE, 1216, 1189, 26, is_total=True))
    t["b_carenza_manutentiva"] = [units(["COMUNE", _n("014061"), "1"], "b_carenza_manutentiva", _comune("014061"), 1),
                                  units([A_P, _n("014061"), "2"], "b_carenza_manutentiva", _aler("014061"), 2)]
    t["c_ristrutturazione"] = [units(["COMUNE", _n("014061"), "2"], "c_ristrutturazione", _comune("014061"), 2),
                               units(["COMUNE", _n("014020"), "1"], "c_ristrutturazione", _comune("014020"), 1),
                               units([A_P, _n("014061"), "2"], "c_ristrutturazione", _aler("014061"), 2)]
    libere = [("COMUNE", _comune("014061"), "014061", i) for i in ("61000412", "61000437")]
    libere += [("COMUNE", _comune("014002"), "014002", "2000118"), ("COMUNE", _comune("014052"), "014052", "52000206")]
    libere += [(A_P, _aler("014061"), "014061", i) for i in ("40212093", "40212107", "40213380")]
    libere += [(A_P, _aler("014044"), "014044", "40230015")]
    t["e_libere"] = [row([p, _n(c), i], e_libere={**who, "codice_id": i, "nota": None}) for p, who, c, i in libere]
    t["e_turnover"] = [units(["Comune di Sondrio", _n("014061"), "1"], "e_turnover", _comune("014061"), 1)]
    g = [  # printed ente, canonical ente, comune, liberi as printed, liberi, of which turnover, ristr., carenza, totale
        ("COMUNE", _comune("014061"), "014061", "2 + 1 da turnover", 3, 1, 2, 1, 6),
        ("COMUNE", _comune("014002"), "014002", "1", 1, 0, 0, 0, 1),
        ("COMUNE", _comune("014020"), "014020", "0", 0, 0, 1, 0, 1),
        ("COMUNE", _comune("014052"), "014052", "1", 1, 0, 0, 0, 1),
        (A_P, _aler("014061"), "014061", "3", 3, 0, 2, 2, 7),
        (A_P, _aler("014044"), "014044", "1", 1, 0, 0, 0, 1)]
    t["g_assegnabili"] = [
        row([p, _n(c), lp, str(r), str(car), str(tot)], g_assegnabili={
            **who, "liberi": lib, "liberi_turnover": tv, "ristrutturazione": r, "carenza_manutentiva": car, "totale": tot,
            "is_total": False})
        for p, who, c, lp, lib, tv, r, car, tot in g]
    t["g_assegnabili"].append(row(["TOTALE", "", "9", "5", "3", "17"], g_assegnabili={
        **NO_ENTE, "liberi": 9, "liberi_turnover": 0, "ristrutturazione": 5, "carenza_manutentiva": 3, "totale": 17,
        "is_total": True}))
    scelte = []
    for c, soglia, cat, quota in SCELTE:
        out: dict[str, Any] = {"h_soglia_indigenti": {**_c(c), "soglia_pct": float(soglia)},
                               "i_forze_polizia": {**_c(c), "quota_pct": float(quota)}}
        if cat is not None:
            out["i_categorie_aggiuntive"] = {**_c(c), "categoria": cat}
        scelte.append(row([_n(c), f"{soglia}%", cat or "-", f"{quota}%"], **out))
    t["scelte"] = scelte
    t["j_transitori"] = [units(["COMUNE", _n("014061"), "1"], "j_transitori", _comune("014061"), 1),
                         units([A_P, _n("014061"), "1"], "j_transitori", _aler("014061"), 1)]
    t["k_assegnate_anno_precedente"] = [
        row(["Comune di Sondrio", "6 (di cui 2 per mobilità)"],
            k_assegnate_anno_precedente={**_comune("014061"), "unita": 6, "di_cui_mobilita": 2}),
        row(["Comune di Chiuro", "1"], k_assegnate_anno_precedente={**_comune("014020"), "unita": 1, "di_cui_mobilita": None}),
        row([A_P, "11"], k_assegnate_anno_precedente={**_aler(None), "unita": 11, "di_cui_mobilita": None})]
    t["misure_sostegno"] = [
        row([m, "\n".join(f"DGR XI/{d}" for d in dgr), fin],
            misure_sostegno={"misura": m, "riferimenti": "; ".join(f"DGR {d}" for d in dgr), "finalita": fin})
        for m, dgr, fin in MISURE]
    return t


MISURE = [
    ("Contributo Regionale di Solidarietà", ["4833/2021", "6732/2022"],
     "Sostegno agli assegnatari SAP in difficoltà economica temporanea per il canone e le spese."),
    ("Misura Unica Affitto", ["6970/2022"], "Contributo ai nuclei in locazione sul libero mercato con ISEE fino a € 26.000,00."),
]


def blocks() -> list[dict[str, Any]]:
    names = ", ".join(official()[c] for c in COMUNI)
    return [
        {"kind": "title", "text": "AMBITO DI SONDRIO"},
        {"kind": "title", "text": "PIANO ANNUALE DELL'OFFERTA DEI SERVIZI ABITATIVI PUBBLICI E SOCIALI 2023"},
        _h("I. PREMESSA", 1),
        _p("Il Piano è predisposto dal Comune di Sondrio, ente capofila, con l'ALER di Bergamo-Lecco-Sondrio."),
        _p(f"L'Ambito comprende 12 Comuni: {names}."),
        _h("II. IL TERRITORIO E IL PATRIMONIO", 1),
        _h("1- Popolazione residente", 2),
        _t("popolazione", ["Comune", "Popolazione"]),
        _h("2- Consistenza del patrimonio abitativo pubblico e sociale", 2),
        _t("a_consistenza", ["Ente proprietario", "N. alloggi", "di cui SAP", "di cui SAS"]),
        _h("III. L'OFFERTA ABITATIVA 2023", 1),
        _h("1- Unità in carenza manutentiva assegnabili nello stato di fatto", 2),
        _t("b_carenza_manutentiva", ["Ente proprietario", "Comune", "N. alloggi"]),
        _h("2- Unità oggetto di ristrutturazione e recupero", 2),
        _t("c_ristrutturazione", ["Ente proprietario", "Comune", "N. alloggi"]),
        _h("3- Unità già libere e unità che si libereranno per turnover", 2),
        _t("e_libere", ["Ente proprietario", "Comune", "Codice alloggio"]),
        _p("Unità che si libereranno per effetto del turnover:"),
        _t("e_turnover", ["Ente proprietario", "Comune", "N. alloggi"]),
        _h("4- Nuova edificazione e conferimenti", 2),
        _p("Non sono previste unità di nuova edificazione. Nessun privato ha conferito unità abitative."),
        _h("5- Numero complessivo delle unità abitative assegnabili", 2),
        _t("g_assegnabili", ["Ente proprietario", "Comune", "Alloggi liberi", "Da ristrutturare",
                             "Carenza manutentiva", "Totale"]),
        _h("IV. LE SCELTE DEI COMUNI", 1),
        _h("1- Indigenza, categorie aggiuntive, Forze di Polizia", 2),
        _t("scelte", ["COMUNE", "SOGLIA % INDIGENTI", "CATEGORIA AGGIUNTIVA", "QUOTA % FORZE DI POLIZIA"]),
        _h("2- Servizi abitativi transitori", 2),
        _t("j_transitori", ["Ente proprietario", "Comune", "N. alloggi"]),
        _h("V. ASSEGNAZIONI DELL'ANNO PRECEDENTE E MISURE", 1),
        _h("1- Unità assegnate nell'anno precedente", 2),
        _t("k_assegnate_anno_precedente", ["Ente proprietario", "N. unità assegnate"]),
        _h("2- Misure per il sostegno all'abitare", 2),
        _t("misure_sostegno", ["Misura", "Riferimento normativo", "Finalità"]),
        _p("Sondrio, 9 dicembre 2022"),
    ]


def build() -> dict[str, Any]:
    return {
        "sample": "sondrio_2023", "synthetic": True, "template": "roman", "layout": LAYOUT,
        "ambito": "Sondrio", "anno": 2023,
        "titolo": "PIANO ANNUALE DELL'OFFERTA DEI SERVIZI ABITATIVI PUBBLICI E SOCIALI 2023",
        "docx_options": {"author": "Ambito di Sondrio", "title": "Piano annuale 2023"},
        "comuni_ambito": [{"comune": official()[c], "comune_istat": c} for c in COMUNI],
        "deliberate": DELIBERATE,
        "empty_tables": ["d_nuova_edificazione", "f_conferite_privati"],
        "blocks": blocks(), "tables": tables(),
    }
