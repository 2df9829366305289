"""The synthetic 2023 plan of the Ambito Territoriale di Vimercate (10 comuni of the province of Monza e Brianza).

Population by age band (``COMUNE | 0-14 ANNI | 15-64 ANNI | 65 ANNI E OLTRE | TOTALE``, canonical
``popolazione`` = TOTALE); table g printed **wide**: one column per ente × comune pair ("Comune di
Vimercate", "ALER Vimercate", ...) and a TOTALE column, the figures down the first column; no b, c, e
tables (g says it all), d, e turnover and f empty in one sentence each. ALER Varese-Como-Monza
Brianza-Busto Arsizio printed "ALER VA-CO-MB-BA" and, in g's columns, "ALER <comune>". Every figure is a
literal below, totals included: the one deliberate discrepancy is the population TOTALE (``DELIBERATE``).
"""
from __future__ import annotations

from typing import Any

from synth_common import heading as _h, official, para as _p, table_block as _t
from synth_rows import NO_ENTE, a_row, ente, g_row, row, units

COMUNI = ["108050", "108004", "108001", "108021", "108044", "108007", "108016", "108013", "108036", "108006"]
ALER = "ALER Varese-Como-Monza Brianza-Busto Arsizio"
A_P = "ALER VA-CO-MB-BA"
DELIBERATE = ["popolazione TOTALE: printed 121.508 beside bands that add up to 121.408 (17.007 + 77.208 + 27.193), "
              "the comuni's totals add up to 121.408 too"]
LAYOUT = {
    "font_name": "Carlito", "font_pt": 11.0, "table_font_pt": 9.0, "margins_cm": [2.0, 2.0, 2.0, 2.0],
    "borders": "grid", "repeat_header": True, "cell_pad_cm": 0.1,
    "widths": {"popolazione": [4.6, 2.6, 2.6, 3.0, 2.6], "a_consistenza": [6.5, 3.0, 2.6, 2.6],
               "g_wide": [3.8, 1.9, 1.9, 1.9, 1.9, 1.9, 1.9, 1.7], "h_soglia_indigenti": [6.0, 4.0],
               "j_transitori": [4.5, 5.0, 2.8], "k_assegnate_anno_precedente": [8.0, 5.0]},
}


def _n(code: str) -> str:
    return official()[code].upper()


def _comune(code: str) -> dict[str, str]:
    return ente("comune", code)


def _aler(code: str | None) -> dict[str, str]:
    return ente("aler", code, ALER)


POP = [  # 0-14, 15-64, 65 e oltre, totale, as printed
    ("108050", "3.652", "16.421", "6.135", "26.208", 26208), ("108004", "2.411", "11.203", "4.203", "17.817", 17817),
    ("108001", "2.305", "10.105", "3.361", "15.771", 15771), ("108021", "2.088", "10.054", "3.612", "15.754", 15754),
    ("108044", "1.492", "6.545", "2.275", "10.312", 10312), ("108007", "1.633", "7.159", "2.353", "11.145", 11145),
    ("108016", "1.031", "4.830", "1.601", "7.462", 7462), ("108013", "592", "2.766", "1.012", "4.370", 4370),
    ("108036", "737", "3.301", "1.010", "5.048", 5048), ("108006", "1.066", "4.824", "1.631", "7.521", 7521)]
# g read down: (printed column header, ente, liberi, ristrutturazione, carenza, totale)
G = [("Comune di Vimercate", _comune, "108050", 2, 1, 0, 3), ("ALER Vimercate", _aler, "108050", 3, 4, 2, 9),
     ("Comune di Arcore", _comune, "108004", 1, 0, 1, 2), ("ALER Arcore", _aler, "108004", 2, 1, 0, 3),
     ("Comune di Concorezzo", _comune, "108021", 1, 0, 0, 1), ("ALER Agrate Brianza", _aler, "108001", 1, 2, 1, 4)]
G_TOTAL = (10, 8, 4, 22)


def tables() -> dict[str, list]:
    t: dict[str, list] = {}
    t["popolazione"] = [row([_n(c), y, m, o, tot], popolazione={"at": "", "comune": official()[c], "comune_istat": c,
                                                                 "popolazione": n, "is_total": False})
                        for c, y, m, o, tot, n in POP]
    # 121.508 where the bands (and the comuni) add up to 121.408: deliberate (DELIBERATE)
    t["popolazione"].append(row(["TOTALE", "17.007", "77.208", "27.193", "121.508"], popolazione={
        "at": "", "comune": "", "comune_istat": "", "popolazione": 121508, "is_total": True}))
    a = [(_comune(c), f"Comune di {official()[c]}", n, sap, sas) for c, n, sap, sas in (
        ("108050", 268, 250, 18), ("108004", 141, 135, 6), ("108001", 96, 96, 0), ("108021", 88, 82, 6),
        ("108044", 22, 22, 0), ("108007", 31, 31, 0))]
    a += [(_aler(None), A_P, 1420, 1388, 32)]
    t["a_consistenza"] = [a_row([p, f"{n:,}".replace(",", "."), f"{sap:,}".replace(",", "."), str(sas)], who, n, sap, sas)
                          for who, p, n, sap, sas in a]
    t["a_consistenza"].append(a_row(["TOTALE", "2.066", "2.004", "62"], NO_ENTE, 2066, 2004, 62, is_total=True))
    # the wide table: printed row by row (figures across), its records column by column
    labels = ["Alloggi liberi", "Alloggi in ristrutturazione", "Alloggi in carenza manutentiva", "Totale"]
    printed = [[label, *(str(col[3 + k]) for col in G), str(G_TOTAL[k])] for k, label in enumerate(labels)]
    records = [g_row([], make(c), lib, r, car, tot)["out"]["g_assegnabili"] for _h_, make, c, lib, r, car, tot in G]
    records.append(g_row([], NO_ENTE, *G_TOTAL, is_total=True)["out"]["g_assegnabili"])
    # one printed row holds a figure of every record: the records go on the first row, in printed column order
    t["g_wide"] = [{"print": printed[0], "out_list": {"g_assegnabili": records}}] + [{"print": p} for p in printed[1:]]
    t["h_soglia_indigenti"] = [row([_n(c), f"{v}%"], h_soglia_indigenti={"comune": official()[c], "comune_istat": c,
                                                                         "soglia_pct": float(v)})
                               for c, v in (("108050", 20), ("108004", 10), ("108021", 10))]
    t["j_transitori"] = [units(["Comune", _n("108050"), "1"], "j_transitori", _comune("108050"), 1),
                         units([A_P, _n("108004"), "1"], "j_transitori", _aler("108004"), 1)]
    t["k_assegnate_anno_precedente"] = [
        row([p, str(n)], k_assegnate_anno_precedente={**who, "unita": n, "di_cui_mobilita": None}) for p, who, n in (
            ("Comune di Vimercate", _comune("108050"), 5), ("Comune di Arcore", _comune("108004"), 2),
            (A_P, _aler(None), 14))]
    return t


def blocks() -> list[dict[str, Any]]:
    names = ", ".join(official()[c] for c in COMUNI)
    wide_header = ["Ente proprietario / Comune", *(col[0] for col in G), "TOTALE"]
    return [
        {"kind": "title", "text": "AMBITO TERRITORIALE DI VIMERCATE"},
        {"kind": "title", "text": "PIANO ANNUALE DELL'OFFERTA DEI SERVIZI ABITATIVI PUBBLICI E SOCIALI 2023"},
        _h("Premessa", 1),
        _p("Il Piano è redatto dall'Ufficio di Piano di Vimercate, ente capofila, con l'ALER di Varese-Como-Monza "
           "Brianza-Busto Arsizio, competente per il territorio."),
        _p(f"L'Ambito comprende 10 Comuni: {names}. La popolazione residente al 1° gennaio 2022, per fascia d'età:"),
        _t("popolazione", ["COMUNE", "0-14 ANNI", "15-64 ANNI", "65 ANNI E OLTRE", "TOTALE"]),
        _h("Consistenza del patrimonio", 1),
        _t("a_consistenza", ["Ente proprietario", "N. alloggi", "di cui SAP", "di cui SAS"]),
        _h("Unità abitative disponibili nel 2023", 1),
        _p("Numero complessivo delle unità abitative assegnabili nel 2023, per ente proprietario e Comune:"),
        _t("g_wide", wide_header),
        _p("Non sono previste unità di nuova edificazione. Non risultano unità che si libereranno per turnover. "
           "Nessun privato ha conferito unità abitative."),
        _h("Indigenza, servizi transitori, assegnazioni", 1),
        _p("Soglia eccedente il 20% per i nuclei in condizione di indigenza:"),
        _t("h_soglia_indigenti", ["Comune", "Soglia %"]),
        _p("Unità destinate ai servizi abitativi transitori (SAT):"),
        _t("j_transitori", ["Ente proprietario", "Comune", "N. alloggi"]),
        _p("Unità abitative assegnate nell'anno precedente:"),
        _t("k_assegnate_anno_precedente", ["Ente proprietario", "N. unità assegnate"]),
        _p("Vimercate, 15 dicembre 2022"),
    ]


def build() -> dict[str, Any]:
    return {
        "sample": "vimercate_2023", "synthetic": True, "template": "wide", "layout": LAYOUT,
        "ambito": "Vimercate", "anno": 2023,
        "titolo": "PIANO ANNUALE DELL'OFFERTA DEI SERVIZI ABITATIVI PUBBLICI E SOCIALI 2023",
        "docx_options": {"author": "Ufficio di Piano di Vimercate", "title": "Piano annuale 2023"},
        "comuni_ambito": [{"comune": official()[c], "comune_istat": c} for c in COMUNI],
        "deliberate": DELIBERATE,
        "empty_tables": ["d_nuova_edificazione", "e_turnover", "f_conferite_privati"],
        "blocks": blocks(), "tables": tables(),
    }
