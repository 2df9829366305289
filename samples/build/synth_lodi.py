"""The synthetic 2023 plan of the Ambito Territoriale di Lodi (14 comuni of the province of Lodi).

Named sections with neither letters nor numbers ("Il patrimonio abitativo", "Le unità disponibili",
"Riepilogativo SAP" = g, "Le scelte dei Comuni" = SAT, indigenza, categoria, Forze di Polizia, in
that order: SAT before indigenza), a cooperative among the enti ("Soc. Coop. Abitare Lodigiano",
``altro``), no table k, the fund tables and the riparto of the Fondo affitti. Its own short forms:
"BORGO SG" (Borgo San Giovanni: a Brescia comune, Borgo San Giacomo, abbreviates the same way),
"S. ANGELO LOD.", "TAVAZZANO C/V", a transposed "MASSALNEGO" (both in the fund table only),
"U.O.LODI" on ALER's SAT row, ALER printed "ALER di Pavia-Lodi" and "ALER PV-LO".
Every figure is a literal below, totals included: the one deliberate discrepancy is the printed
TOTALE of the Comuni's fund table (``DELIBERATE``).
"""
from __future__ import annotations

from typing import Any

from synth_common import heading as _h, official, para as _p, table_block as _t
from synth_rows import NO_ENTE, a_row, ente, g_row, pop_row, row, units

COMUNI = ["098031", "098005", "098032", "098050", "098010", "098019", "098056", "098040", "098021", "098045",
          "098037", "098046", "098028", "098060"]
ALER = "ALER Pavia-Lodi"
COOP = "Soc. Coop. Abitare Lodigiano"
A_P, G_P = "ALER di Pavia-Lodi", "ALER PV-LO"
PRINTED = {"098005": "BORGO SG", "098050": "S. ANGELO LOD.", "098056": "TAVAZZANO C/V", "098037": "MASSALNEGO"}
DELIBERATE = ["fondi_solidarieta_comuni TOTALE: printed € 152.500,00, the comuni add up to € 151.500,00"]
LAYOUT = {
    "font_name": "Liberation Sans", "font_pt": 10.5, "table_font_pt": 9.0, "margins_cm": [2.2, 2.2, 2.0, 2.4],
    "borders": "grid", "repeat_header": True, "cell_pad_cm": 0.12,
    "widths": {"popolazione": [7.0, 4.5], "a_consistenza": [7.5, 3.0, 2.6, 2.6],
               "b_carenza_manutentiva": [4.5, 5.5, 2.6], "c_ristrutturazione": [4.5, 5.5, 2.6],
               "e_libere": [4.5, 5.5, 3.6], "g_assegnabili": [3.6, 3.8, 2.0, 2.4, 2.6, 1.8],
               "j_transitori": [4.5, 5.5, 2.6], "h_soglia_indigenti": [6.0, 4.5], "i_categorie_aggiuntive": [4.5, 11.0],
               "i_forze_polizia": [6.0, 4.5], "misure_sostegno": [4.0, 3.2, 9.2],
               "fondi_solidarieta_comuni": [6.0, 4.0, 4.0], "fondi_solidarieta_enti": [7.0, 4.5],
               "riparto_misure": [4.0, 2.4, 3.4, 6.6]},
}


def _n(code: str) -> str:
    return PRINTED.get(code) or official()[code].upper()


def _comune(code: str) -> dict[str, str]:
    return ente("comune", code)


def _aler(code: str | None) -> dict[str, str]:
    return ente("aler", code, ALER)


def _coop(code: str | None) -> dict[str, str]:
    return ente("altro", code, COOP)


def _c(code: str) -> dict[str, str]:
    return {"comune": official()[code], "comune_istat": code}


POP = [("098031", "45.205", 45205), ("098005", "2.469", 2469), ("098032", "7.541", 7541), ("098050", "13.257", 13257),
       ("098010", "15.283", 15283), ("098019", "15.757", 15757), ("098056", "6.175", 6175), ("098040", "2.287", 2287),
       ("098021", "3.031", 3031), ("098045", "1.723", 1723), ("098037", "4.536", 4536), ("098046", "2.679", 2679),
       ("098028", "2.633", 2633), ("098060", "1.837", 1837)]
FONDI = [("098031", "96.400,00 €", 96400.0, "NO"), ("098005", "1.250,00 €", 1250.0, "SI"),
         ("098032", "4.800,00 €", 4800.0, "SI"), ("098050", "12.300,00 €", 12300.0, "NO"),
         ("098010", "15.650,00 €", 15650.0, "NO"), ("098019", "17.900,00 €", 17900.0, "NO"),
         ("098056", "3.200,00 €", 3200.0, "SI"), ("098037", "- €", 0.0, "SI")]


def tables() -> dict[str, list]:
    t: dict[str, list] = {}
    t["popolazione"] = [pop_row([official()[c], p], c, n) for c, p, n in POP] + [pop_row(["Totale", "124.413"], None, 124413)]
    a = [(_comune(c), f"Comune di {official()[c]}", n, sap, sas) for c, n, sap, sas in (
        ("098031", 612, 580, 32), ("098005", 8, 8, 0), ("098032", 34, 34, 0), ("098050", 96, 90, 6),
        ("098010", 141, 133, 8), ("098019", 152, 146, 6), ("098056", 27, 27, 0), ("098037", 11, 11, 0))]
    a += [(_aler(None), A_P, 1874, 1850, 24), (_coop(None), COOP, 36, 0, 36)]
    t["a_consistenza"] = [a_row([p, f"{n:,}".replace(",", "."), f"{sap:,}".replace(",", "."), str(sas)], who, n, sap, sas)
                          for who, p, n, sap, sas in a]
    t["a_consistenza"].append(a_row(["TOTALE", "2.991", "2.879", "112"], NO_ENTE, 2991, 2879, 112, is_total=True))
    t["b_carenza_manutentiva"] = [units([p, _n(c), str(n)], "b_carenza_manutentiva", who, n) for p, who, c, n in (
        ("Comune", _comune("098031"), "098031", 3), ("Comune", _comune("098019"), "098019", 1),
        (G_P, _aler("098031"), "098031", 5), (G_P, _aler("098010"), "098010", 2))]
    t["c_ristrutturazione"] = [units([p, _n(c), str(n)], "c_ristrutturazione", who, n) for p, who, c, n in (
        ("Comune", _comune("098031"), "098031", 4), ("Comune", _comune("098050"), "098050", 2),
        (G_P, _aler("098031"), "098031", 6), (G_P, _aler("098019"), "098019", 3))]
    libere = [("Comune", _comune("098031"), "098031", i) for i in ("31004127", "31004385", "31005210")]
    libere += [("Comune", _comune("098005"), "098005", "5000218"), ("Comune", _comune("098010"), "098010", "10002741"),
               ("Comune", _comune("098010"), "098010", "10002769"), ("Comune", _comune("098019"), "098019", "19003316"),
               ("Comune", _comune("098032"), "098032", "32000954")]
    libere += [(G_P, _aler("098031"), "098031", i) for i in ("60114402", "60114437", "60115021", "60116380")]
    libere += [(G_P, _aler("098050"), "098050", "60120755")]
    libere += [(COOP, _coop("098031"), "098031", i) for i in ("AL-07", "AL-19")]
    t["e_libere"] = [row([p, _n(c), i], e_libere={**who, "codice_id": i, "nota": None}) for p, who, c, i in libere]
    g = [  # printed ente, canonical ente, comune code, liberi, ristrutturazione, carenza, totale as printed
        ("Comune", _comune("098031"), "098031", 3, 4, 3, 10), ("Comune", _comune("098005"), "098005", 1, 0, 0, 1),
        ("Comune", _comune("098010"), "098010", 2, 0, 0, 2), ("Comune", _comune("098019"), "098019", 1, 0, 1, 2),
        ("Comune", _comune("098032"), "098032", 1, 0, 0, 1), ("Comune", _comune("098050"), "098050", 0, 2, 0, 2),
        (G_P, _aler("098031"), "098031", 4, 6, 5, 15), (G_P, _aler("098010"), "098010", 0, 0, 2, 2),
        (G_P, _aler("098019"), "098019", 0, 3, 0, 3), (G_P, _aler("098050"), "098050", 1, 0, 0, 1),
        (COOP, _coop("098031"), "098031", 2, 0, 0, 2)]
    t["g_assegnabili"] = [g_row([p, _n(c), str(lib), str(r), str(car), str(tot)], who, lib, r, car, tot)
                          for p, who, c, lib, r, car, tot in g]
    t["g_assegnabili"].append(g_row(["TOTALE", "", "15", "15", "11", "41"], NO_ENTE, 15, 15, 11, 41, is_total=True))
    t["j_transitori"] = [units(["Comune", _n("098031"), "2"], "j_transitori", _comune("098031"), 2),
                         units(["Comune", _n("098019"), "1"], "j_transitori", _comune("098019"), 1),
                         units([A_P, "U.O.LODI", "2"], "j_transitori", _aler(None), 2)]
    t["h_soglia_indigenti"] = [row([_n(c), f"{v}%"], h_soglia_indigenti={**_c(c), "soglia_pct": float(v)})
                               for c, v in (("098031", 20), ("098005", 10), ("098010", 10), ("098019", 15), ("098050", 10))]
    t["i_categorie_aggiuntive"] = [row([_n(c), cat], i_categorie_aggiuntive={**_c(c), "categoria": cat}) for c, cat in (
        ("098031", "Nuclei familiari con persone con disabilità"), ("098019", "Genitori separati con figli minori"))]
    t["i_forze_polizia"] = [row([_n(c), f"{v}%"], i_forze_polizia={**_c(c), "quota_pct": float(v)})
                            for c, v in (("098031", 10), ("098010", 5), ("098019", 5))]
    t["misure_sostegno"] = [
        row([m, "\n".join(f"D.G.R. {d}" for d in dgr), fin],
            misure_sostegno={"misura": m, "riferimenti": "; ".join(f"DGR {d}" for d in dgr), "finalita": fin})
        for m, dgr, fin in MISURE]
    fondi = [row([_n(c), p, d], fondi_solidarieta_comuni={"aggregazione": "", **_c(c), "fondo_eur": v,
                                                          "delega_aler": d == "SI", "is_total": False})
             for c, p, v, d in FONDI]
    # printed 152.500,00: deliberate (DELIBERATE); the comuni add up to 151.500,00
    fondi.append(row(["TOTALE", "152.500,00 €", ""], fondi_solidarieta_comuni={
        "aggregazione": "", "comune": "", "comune_istat": "", "fondo_eur": 152500.0, "delega_aler": None, "is_total": True}))
    t["fondi_solidarieta_comuni"] = fondi
    t["fondi_solidarieta_enti"] = [
        row([A_P, "412.870,50 €"], fondi_solidarieta_enti={**_aler(None), "fondo_eur": 412870.5}),
        row([COOP, "8.600,00 €"], fondi_solidarieta_enti={**_coop(None), "fondo_eur": 8600.0})]
    t["riparto_misure"] = [
        row([m, f"{pct}%", p, fin], riparto_misure={"misura": m, "percentuale": float(pct), "risorse_eur": v, "finalita": fin})
        for m, pct, p, v, fin in RIPARTO]
    return t


MISURE = [
    ("Contributo Regionale di Solidarietà", ["4833/2021", "6732/2022"],
     "Contributo agli assegnatari SAP in comprovata difficoltà economica, a copertura del canone e delle spese "
     "per i servizi; per gli alloggi dei Comuni che l'hanno delegata la misura è gestita da ALER."),
    ("Misura Unica Affitto", ["6970/2022"],
     "Sostegno ai nuclei in locazione sul libero mercato con ISEE fino a € 26.000,00: avviso unico d'Ambito "
     "gestito dall'Ufficio di Piano di Lodi."),
]
RIPARTO = [
    ("Misura Unica", 70, "183.400,00 €", 183400.0, "nuclei in locazione sul libero mercato o in alloggi SAS"),
    ("Morosità incolpevole", 30, "78.600,00 €", 78600.0, "inquilini morosi incolpevoli con sfratto in corso"),
]


def blocks() -> list[dict[str, Any]]:
    names = ", ".join(official()[c] for c in COMUNI)
    return [
        {"kind": "title", "text": "AMBITO TERRITORIALE DI LODI"},
        {"kind": "title", "text": "PIANO ANNUALE DELL'OFFERTA DEI SERVIZI ABITATIVI PUBBLICI E SOCIALI 2023"},
        _h("Premessa", 1),
        _p("Il Piano è redatto dall'Ufficio di Piano dell'Ambito, con sede presso il Comune di Lodi, ente capofila, "
           "in raccordo con l'ALER di Pavia-Lodi e con la Soc. Coop. Abitare Lodigiano, proprietaria di alloggi "
           "sociali nel capoluogo."),
        _p(f"L'Ambito comprende 14 Comuni: {names}. La popolazione residente al 1° gennaio 2023 è la seguente:"),
        _t("popolazione", ["Comune", "Popolazione residente"]),
        _h("Il patrimonio abitativo", 1),
        _p("Consistenza del patrimonio abitativo pubblico e sociale per ente proprietario:"),
        _t("a_consistenza", ["Ente proprietario", "Numero alloggi", "di cui SAP", "di cui SAS"]),
        _h("Le unità disponibili nel 2023", 1),
        _p("Unità in carenza manutentiva assegnabili nello stato di fatto:", bold=True),
        _t("b_carenza_manutentiva", ["Ente proprietario", "Comune", "N. alloggi"]),
        _p("Unità oggetto di ristrutturazione, recupero o riqualificazione:", bold=True),
        _t("c_ristrutturazione", ["Ente proprietario", "Comune", "N. alloggi"]),
        _p("Non sono previste unità di nuova edificazione."),
        _p("Unità già libere:", bold=True),
        _t("e_libere", ["Ente proprietario", "Comune", "Codice alloggio"]),
        _p("Non sono previste unità che si libereranno per turnover nel corso dell'anno. Nessun privato ha "
           "conferito unità abitative."),
        _p("Riepilogativo SAP", bold=True),
        _t("g_assegnabili", ["Ente proprietario", "Comune", "Liberi", "Ristrutturazione", "Carenza manutentiva",
                             "Totale"]),
        _h("Le scelte dei Comuni", 1),
        _p("Servizi abitativi transitori (SAT), ai sensi dell'art. 23 comma 13 della L.R. 16/2016:", bold=True),
        _t("j_transitori", ["Ente proprietario", "Comune", "N. alloggi"]),
        _p("Soglia eccedente il 20% per i nuclei in condizione di indigenza:", bold=True),
        _t("h_soglia_indigenti", ["Comune", "Soglia indigenti"]),
        _p("Categorie aggiuntive di particolare rilevanza sociale:", bold=True),
        _t("i_categorie_aggiuntive", ["Comune", "Categoria aggiuntiva"]),
        _p("Quota riservata alle Forze di Polizia e al Corpo Nazionale dei Vigili del Fuoco:", bold=True),
        _t("i_forze_polizia", ["Comune", "Quota"]),
        _h("Le misure di sostegno", 1),
        _t("misure_sostegno", ["Misura", "Riferimento", "Finalità"]),
        _p("Fondi a disposizione per il Contributo Regionale di Solidarietà, per Comune:", bold=True),
        _t("fondi_solidarieta_comuni", ["Comune", "Fondo disponibile", "Delega ad ALER (SI/NO)"]),
        _p("Fondi a disposizione per il Contributo Regionale di Solidarietà, per ente proprietario:", bold=True),
        _t("fondi_solidarieta_enti", ["Ente", "Fondo disponibile"]),
        _p("Riparto delle risorse per il sostegno alla locazione (Misura Unica e morosità incolpevole):", bold=True),
        _t("riparto_misure", ["Misura", "Percentuale", "Risorse", "Finalità"]),
        _p("Il Piano non riporta le unità assegnate nell'anno precedente, rendicontate nella Piattaforma regionale."),
        _p("Lodi, 14 dicembre 2022"),
    ]


def build() -> dict[str, Any]:
    return {
        "sample": "lodi_2023", "synthetic": True, "template": "sections", "layout": LAYOUT,
        "ambito": "Lodi", "anno": 2023,
        "titolo": "PIANO ANNUALE DELL'OFFERTA DEI SERVIZI ABITATIVI PUBBLICI E SOCIALI 2023",
        "docx_options": {"author": "Ufficio di Piano di Lodi", "title": "Piano annuale 2023"},
        "comuni_ambito": [{"comune": official()[c], "comune_istat": c} for c in COMUNI],
        "deliberate": DELIBERATE,
        "empty_tables": ["d_nuova_edificazione", "e_turnover", "f_conferite_privati"],
        "blocks": blocks(), "tables": tables(),
    }
