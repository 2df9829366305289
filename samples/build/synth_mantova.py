"""The synthetic 2023 plan of the Ambito Territoriale di Mantova (14 comuni of the province of Mantova).

Numbered chapters and sub-chapters (1.-7., 3.1-3.7), no letters; the total of the available units
(g) is printed first, in 3.1, and its parts after it (b, c, d, e, f in 3.2-3.7), the caption of g
naming all of them; a cooperative among the enti ("Coop. Casa del Mincio", ``altro``); empty d, e
turnover and f as sentences; k per ente only. Every figure is a literal below, totals included (typed,
not summed): the one deliberate discrepancy is the printed totale of Curtatone in g (``DELIBERATE``).
"""
from __future__ import annotations

from typing import Any

from synth_common import heading as _h, official, para as _p, table_block as _t
from synth_rows import NO_ENTE, a_row, ente, g_row, pop_row, row, units

COMUNI = ["020030", "020003", "020071", "020014", "020013", "020016", "020021", "020033", "020045", "020051",
          "020052", "020053", "020057", "020068"]
ALER = "ALER Brescia-Cremona-Mantova"
COOP = "Coop. Casa del Mincio"
A_P, G_P, K_P = "ALER BRESCIA-CREMONA-MANTOVA", "A.L.E.R. Mantova", "ALER di Mantova"
DELIBERATE = ["g_assegnabili Comune di Curtatone: totale printed 4 with 1 libero + 1 ristrutturazione + 1 carenza "
              "(= 3); the TOTALE row's totale 44 is the sum of the parts, the totale column adds up to 45"]
LAYOUT = {
    "font_name": "DejaVu Sans", "font_pt": 10.0, "table_font_pt": 8.5, "margins_cm": [2.5, 2.0, 2.2, 2.0],
    "borders": "grid", "repeat_header": True, "cell_pad_cm": 0.14,
    "widths": {"popolazione": [7.0, 4.5], "a_consistenza": [7.5, 3.0, 2.6, 2.6],
               "g_assegnabili": [3.4, 3.4, 2.2, 2.6, 2.8, 2.0], "b_carenza_manutentiva": [4.5, 5.0, 2.8],
               "c_ristrutturazione": [4.5, 5.0, 2.8], "e_libere": [4.5, 5.0, 3.6],
               "h_soglia_indigenti": [6.0, 4.0], "i_categorie_aggiuntive": [4.5, 11.0], "i_forze_polizia": [6.0, 4.0],
               "j_transitori": [4.5, 5.0, 2.8], "k_assegnate_anno_precedente": [8.0, 5.0],
               "misure_sostegno": [4.0, 3.2, 9.0]},
}


def _n(code: str) -> str:
    return official()[code].upper()


def _comune(code: str) -> dict[str, str]:
    return ente("comune", code)


def _aler(code: str | None) -> dict[str, str]:
    return ente("aler", code, ALER)


def _coop(code: str | None) -> dict[str, str]:
    return ente("altro", code, COOP)


POP = [("020030", "49.308", 49308), ("020003", "5.893", 5893), ("020071", "14.790", 14790), ("020014", "4.775", 4775),
       ("020013", "3.093", 3093), ("020016", "5.157", 5157), ("020021", "14.838", 14838), ("020033", "7.653", 7653),
       ("020045", "16.540", 16540), ("020051", "5.180", 5180), ("020052", "6.939", 6939), ("020053", "8.698", 8698),
       ("020057", "11.739", 11739), ("020068", "2.089", 2089)]


def tables() -> dict[str, list]:
    t: dict[str, list] = {}
    t["popolazione"] = [pop_row([_n(c), p], c, n) for c, p, n in POP] + [pop_row(["TOTALE", "156.692"], None, 156692)]
    a = [(_comune(c), f"Comune di {official()[c]}", n, sap, sas) for c, n, sap, sas in (
        ("020030", 1248, 1180, 68), ("020003", 22, 22, 0), ("020071", 46, 40, 6), ("020014", 12, 12, 0),
        ("020016", 18, 18, 0), ("020021", 39, 35, 4), ("020033", 21, 21, 0), ("020045", 57, 51, 6),
        ("020052", 25, 25, 0), ("020053", 30, 28, 2), ("020057", 34, 30, 4))]
    a += [(_aler(None), A_P, 2310, 2254, 56), (_coop(None), COOP, 48, 0, 48)]
    t["a_consistenza"] = [a_row([p, f"{n:,}".replace(",", "."), f"{sap:,}".replace(",", "."), str(sas)], who, n, sap, sas)
                          for who, p, n, sap, sas in a]
    t["a_consistenza"].append(a_row(["TOTALE", "3.910", "3.716", "194"], NO_ENTE, 3910, 3716, 194, is_total=True))
    g = [  # printed ente, comune code, liberi, ristrutturazione, carenza, totale as printed
        ("Comune", _comune("020030"), "020030", 4, 6, 2, 12), ("Comune", _comune("020071"), "020071", 1, 0, 1, 2),
        ("Comune", _comune("020021"), "020021", 1, 1, 1, 4),  # 1 + 1 + 1 printed 4: deliberate (DELIBERATE)
        ("Comune", _comune("020045"), "020045", 2, 0, 0, 2), ("Comune", _comune("020053"), "020053", 0, 1, 0, 1),
        ("Comune", _comune("020057"), "020057", 1, 0, 0, 1),
        (G_P, _aler("020030"), "020030", 5, 8, 4, 17), (G_P, _aler("020045"), "020045", 1, 1, 0, 2),
        (G_P, _aler("020021"), "020021", 1, 0, 1, 2), (COOP, _coop("020030"), "020030", 2, 0, 0, 2)]
    t["g_assegnabili"] = [g_row([p, _n(c), str(lib), str(r), str(car), str(tot)], who, lib, r, car, tot)
                          for p, who, c, lib, r, car, tot in g]
    t["g_assegnabili"].append(g_row(["TOTALE", "", "18", "17", "9", "44"], NO_ENTE, 18, 17, 9, 44, is_total=True))
    t["b_carenza_manutentiva"] = [units([p, _n(c), str(n)], "b_carenza_manutentiva", who, n) for p, who, c, n in (
        ("Comune", _comune("020030"), "020030", 2), ("Comune", _comune("020071"), "020071", 1),
        ("Comune", _comune("020021"), "020021", 1), (G_P, _aler("020030"), "020030", 4),
        (G_P, _aler("020021"), "020021", 1))]
    t["c_ristrutturazione"] = [units([p, _n(c), str(n)], "c_ristrutturazione", who, n) for p, who, c, n in (
        ("Comune", _comune("020030"), "020030", 6), ("Comune", _comune("020021"), "020021", 1),
        ("Comune", _comune("020053"), "020053", 1), (G_P, _aler("020030"), "020030", 8),
        (G_P, _aler("020045"), "020045", 1))]
    libere = [("Comune", _comune("020030"), "020030", i) for i in ("20304511", "20304587", "20305102", "20306644")]
    libere += [("Comune", _comune("020071"), "020071", "20711093"), ("Comune", _comune("020021"), "020021", "20210448"),
               ("Comune", _comune("020045"), "020045", "20450217"), ("Comune", _comune("020045"), "020045", "20450230"),
               ("Comune", _comune("020057"), "020057", "20570061")]
    libere += [(G_P, _aler("020030"), "020030", i) for i in ("10023871", "10023905", "10024412", "10025190", "10026033")]
    libere += [(G_P, _aler("020045"), "020045", "10031764"), (G_P, _aler("020021"), "020021", "10029518")]
    libere += [(COOP, _coop("020030"), "020030", i) for i in ("CM-014", "CM-027")]
    t["e_libere"] = [row([p, _n(c), i], e_libere={**who, "codice_id": i, "nota": None}) for p, who, c, i in libere]
    t["h_soglia_indigenti"] = [row([_n(c), f"{v}%"], h_soglia_indigenti={"comune": official()[c], "comune_istat": c,
                                                                         "soglia_pct": float(v)})
                               for c, v in (("020030", 20), ("020071", 10), ("020021", 10), ("020045", 15), ("020057", 10))]
    t["i_categorie_aggiuntive"] = [
        row([_n(c), cat], i_categorie_aggiuntive={"comune": official()[c], "comune_istat": c, "categoria": cat})
        for c, cat in (("020030", "Genitori separati o divorziati con figli minori"),
                       ("020045", "Nuclei familiari di nuova formazione"))]
    t["i_forze_polizia"] = [row([_n(c), f"{v}%"], i_forze_polizia={"comune": official()[c], "comune_istat": c,
                                                                   "quota_pct": float(v)})
                            for c, v in (("020030", 10), ("020045", 5), ("020021", 5))]
    t["j_transitori"] = [units(["Comune", _n("020030"), "2"], "j_transitori", _comune("020030"), 2),
                         units([G_P, _n("020030"), "1"], "j_transitori", _aler("020030"), 1)]
    t["k_assegnate_anno_precedente"] = [
        row([p, str(n)], k_assegnate_anno_precedente={**who, "unita": n, "di_cui_mobilita": None}) for p, who, n in (
            ("Comune di Mantova", _comune("020030"), 14), ("Comune di Porto Mantovano", _comune("020045"), 2),
            ("Comune di Curtatone", _comune("020021"), 1), (K_P, _aler(None), 31), (COOP, _coop(None), 3))]
    t["misure_sostegno"] = [
        row([m, "\n".join(f"DGR n. {d}" for d in dgr), fin],
            misure_sostegno={"misura": m, "riferimenti": "; ".join(f"DGR {d}" for d in dgr), "finalita": fin})
        for m, dgr, fin in MISURE]
    return t


MISURE = [
    ("Contributo Regionale di Solidarietà", ["4833/2021", "6732/2022"],
     "Sostegno ai nuclei assegnatari di servizi abitativi pubblici in temporanea difficoltà economica, per il "
     "pagamento del canone di locazione e delle spese per i servizi comuni."),
    ("Misura Unica Affitto", ["6970/2022"],
     "Contributo ai nuclei in locazione sul libero mercato con ISEE fino a € 26.000,00, erogato al proprietario "
     "a copertura di un massimo di 8 mensilità di canone."),
]


def blocks() -> list[dict[str, Any]]:
    names = ", ".join(official()[c] for c in COMUNI)
    return [
        {"kind": "title", "text": "AMBITO TERRITORIALE DI MANTOVA"},
        {"kind": "title", "text": "PIANO ANNUALE DELL'OFFERTA DEI SERVIZI ABITATIVI PUBBLICI E SOCIALI 2023"},
        _p("(art. 6 L.R. 16/2016 e art. 4 R.R. 4/2017)"),
        _h("1. PREMESSA E TERRITORIO", 1),
        _p("Il Piano è predisposto dal Comune di Mantova, ente capofila, sulla base delle informazioni rese dagli "
           "enti proprietari nella Piattaforma informatica regionale: i Comuni, l'ALER di Brescia-Cremona-Mantova "
           "e la cooperativa Coop. Casa del Mincio, che mette a disposizione alloggi sociali in Mantova."),
        _p(f"L'Ambito comprende 14 Comuni: {names}. La popolazione residente al 1° gennaio 2022 è la seguente:"),
        _t("popolazione", ["Comune", "Abitanti al 01/01/2022"]),
        _h("2. CONSISTENZA DEL PATRIMONIO ABITATIVO PUBBLICO E SOCIALE", 1),
        _p("La consistenza aggiornata delle unità abitative destinate ai servizi abitativi pubblici (SAP) e "
           "sociali (SAS), per ente proprietario, è la seguente:"),
        _t("a_consistenza", ["Ente proprietario", "N. alloggi complessivi", "di cui SAP", "di cui SAS"]),
        _h("3. UNITÀ ABITATIVE DISPONIBILI NEL 2023", 1),
        _h("3.1 Numero complessivo delle unità abitative assegnabili nell'anno", 2),
        _p("Il numero complessivo delle unità che si prevede di assegnare nel 2023 è la somma delle unità in "
           "carenza manutentiva, da ristrutturazione, di nuova edificazione, già libere o che si libereranno per "
           "turnover e conferite da privati, descritte ai punti 3.2 – 3.7:"),
        _t("g_assegnabili", ["Ente proprietario", "Comune", "Unità libere", "Unità da ristrutturare",
                             "Unità in carenza manutentiva", "Totale"]),
        _h("3.2 Unità in carenza manutentiva assegnabili nello stato di fatto", 2),
        _t("b_carenza_manutentiva", ["Ente proprietario", "Comune", "N. alloggi"]),
        _h("3.3 Unità oggetto di piani e programmi di ristrutturazione, recupero e riqualificazione", 2),
        _t("c_ristrutturazione", ["Ente proprietario", "Comune", "N. alloggi"]),
        _h("3.4 Unità di nuova edificazione", 2),
        _p("Non sono previste unità abitative di nuova edificazione disponibili nel corso del 2023."),
        _h("3.5 Unità già libere", 2),
        _t("e_libere", ["Ente proprietario", "Comune", "Codice alloggio"]),
        _h("3.6 Unità che si libereranno per turnover", 2),
        _p("Non sono previste, ad oggi, unità che si libereranno per effetto del turnover."),
        _h("3.7 Unità conferite da privati", 2),
        _p("Nessun privato ha conferito unità abitative ai servizi abitativi pubblici."),
        _h("4. SOGLIA PER I NUCLEI IN CONDIZIONE DI INDIGENZA", 1),
        _p("I Comuni che hanno stabilito una soglia eccedente il 20% delle unità da destinare ai nuclei indigenti:"),
        _t("h_soglia_indigenti", ["Comune", "Soglia %"]),
        _h("5. CATEGORIE AGGIUNTIVE E FORZE DI POLIZIA", 1),
        _p("Categorie aggiuntive di particolare rilevanza sociale individuate dai Comuni:"),
        _t("i_categorie_aggiuntive", ["Comune", "Categoria aggiuntiva"]),
        _p("Quota di unità destinate ai nuclei appartenenti alle Forze di Polizia e al Corpo Nazionale dei Vigili "
           "del Fuoco:"),
        _t("i_forze_polizia", ["Comune", "Quota %"]),
        _h("6. SERVIZI ABITATIVI TRANSITORI E ASSEGNAZIONI DEL 2022", 1),
        _p("Unità destinate ai servizi abitativi transitori (SAT):"),
        _t("j_transitori", ["Ente proprietario", "Comune", "N. alloggi"]),
        _p("Unità abitative assegnate nell'anno precedente (2022), per ente proprietario:"),
        _t("k_assegnate_anno_precedente", ["Ente proprietario", "N. unità assegnate"]),
        _h("7. MISURE PER IL SOSTEGNO ALL'ABITARE", 1),
        _t("misure_sostegno", ["Misura", "Riferimento normativo", "Finalità"]),
        _p("Mantova, 12 dicembre 2022"),
    ]


def build() -> dict[str, Any]:
    return {
        "sample": "mantova_2023", "synthetic": True, "template": "chapters", "layout": LAYOUT,
        "ambito": "Mantova", "anno": 2023,
        "titolo": "PIANO ANNUALE DELL'OFFERTA DEI SERVIZI ABITATIVI PUBBLICI E SOCIALI 2023",
        "docx_options": {"author": "Ambito Territoriale di Mantova", "title": "Piano annuale 2023"},
        "comuni_ambito": [{"comune": official()[c], "comune_istat": c} for c in COMUNI],
        "deliberate": DELIBERATE,
        "empty_tables": ["d_nuova_edificazione", "e_turnover", "f_conferite_privati"],
        "blocks": blocks(), "tables": tables(),
    }
