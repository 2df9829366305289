"""The synthetic 2023 plan of the Ambito Casalasco-Viadanese (Oglio Po): Cremona and Mantova comuni.

Same a)..k) letters as the Cremonese template but another office: other captions, widths and fonts,
ALER units listed one by one under e) (no Allegato B), its own abbreviations and typos
("CASALMAGG.", "S. GIOVANNI IN C.", "PIADENA D.", "RIVAROLO M.NO", "COMMESSAGIO", "CINGIA DE BOTTI").
One deliberate discrepancy (``DELIBERATE``).
"""
from __future__ import annotations

import random
from typing import Any

from synth_common import heading as _h, para as _p, table_block as _t, ente_aler, ente_comune, official, thousands

Row = dict[str, Any]

CR = ["019009", "019021", "019023", "019031", "019052", "019057", "019061", "019116", "019083", "019090",
      "019091", "019092", "019096", "019101", "019106", "019108", "019115"]
MN = ["020007", "020020", "020022", "020025", "020031", "020043", "020050", "020054", "020059", "020066"]
POP = {"019009": 1183, "019021": 15118, "019023": 562, "019031": 1187, "019052": 2688, "019057": 1994,
       "019061": 893, "019116": 3879, "019083": 1968, "019090": 1857, "019091": 441, "019092": 1329,
       "019096": 958, "019101": 589, "019106": 468, "019108": 611, "019115": 372, "020007": 4091,
       "020020": 1062, "020022": 3318, "020025": 2203, "020031": 6477, "020043": 1702, "020050": 2519,
       "020054": 4163, "020059": 1698, "020066": 19748}
PRINTED = {"019021": "CASALMAGG.", "019090": "S. GIOVANNI IN C.", "019116": "PIADENA D.", "020050": "RIVAROLO M.NO",
           "020020": "COMMESSAGIO", "019031": "CINGIA DE BOTTI", "020059": "S. MARTINO DALL'ARGINE",
           "019083": "RIVAROLO DEL RE", "019057": "MARTIGNANA PO"}
ALER_A = "ALER BRESCIA - CREMONA - MANTOVA"
ALER_P = "ALER BS-CR-MN"

A = [("019021", 168, 152, 16), ("019009", 4, 4, 0), ("019052", 18, 18, 0), ("019057", 7, 7, 0),
     ("019116", 24, 24, 0), ("019090", 9, 9, 0), ("019092", 6, 6, 0), ("020007", 26, 24, 0),
     ("020020", 5, 5, 0), ("020022", 15, 15, 0), ("020025", 8, 8, 0), ("020031", 19, 19, 0),
     ("020043", 6, 6, 0), ("020050", 12, 12, 0), ("020054", 22, 20, 2), ("020066", 142, 130, 12)]
A_ALER = (612, 598, 14)
G_COMUNI = {"019021": (3, 2, 2, 0), "020066": (2, 1, 0, 1), "019052": (1, 0, 0, 0), "019090": (1, 0, 0, 0),
            "020054": (1, 0, 1, 0), "020007": (0, 0, 1, 0), "019116": (1, 0, 0, 1), "020031": (1, 0, 0, 0)}
G_ALER = {"019021": (4, 3, 2), "020066": (3, 2, 1), "019116": (1, 0, 1), "020054": (1, 0, 0),
          "020031": (0, 0, 1), "020007": (1, 0, 0), "020022": (0, 0, 1)}
H = [("019021", 10), ("020066", 10), ("019052", 20), ("020054", 10), ("020050", 10)]
CAT = [("019021", "Nuclei familiari monoparentali con figli minori a carico"),
       ("020066", "Vittime di violenza domestica e di genere"),
       ("020022", "Anziani ultrasettantacinquenni soli")]
FORZE = [("019021", 5), ("020066", 10), ("020007", 5), ("020031", 5)]
J = [("019021", 2), ("020066", 1), ("019090", 1), ("A019021", 1), ("A020066", 1)]
K = [("019021", (6, 1)), ("020066", 4), ("019052", 1), ("020054", 1), ("019116", 1), (None, 19)]
MISURE = [
    ("CONTRIBUTO REGIONALE DI SOLIDARIETA'", ["4833/2021", "6732/2022"],
     "Contributo a favore degli assegnatari di servizi abitativi pubblici in condizioni di comprovata difficoltà "
     "economica, a copertura del canone di locazione e delle spese per i servizi. Gestito da ALER per i Comuni "
     "che hanno delegato la misura."),
    ("MISURA UNICA AFFITTO", ["6491/2022", "6970/2022"],
     "Contributo ai nuclei in locazione sul libero mercato o in alloggi SAS con ISEE non superiore a € 26.000,00, "
     "erogato al proprietario fino a un massimo di 8 mensilità di canone e comunque non oltre € 3.600,00."),
    ("MOROSITA' INCOLPEVOLE", ["5395/2021"],
     "Contributo agli inquilini morosi incolpevoli destinatari di un atto di intimazione di sfratto per morosità, "
     "con ISEE non superiore a € 26.000,00, per sanare la morosità o sostenere un nuovo contratto."),
]
DELIBERATE = ["g_assegnabili TOTALE: liberi printed 22, the rows add up to 23 (ristrutturazione, carenza and "
              "totale are right: 23 + 9 + 8 = 40)"]
LAYOUT = {
    "font_name": "Liberation Serif", "font_pt": 11.0, "table_font_pt": 9.5, "margins_cm": [2.5, 2.2, 2.0, 2.5],
    "borders": "grid", "repeat_header": True, "cell_pad_cm": 0.15,
    "widths": {"popolazione": [6.5, 2.0, 4.5], "a_consistenza": [7.0, 2.8, 2.6, 2.6],
               "b_carenza_manutentiva": [4.5, 5.5, 2.5], "c_ristrutturazione": [4.5, 5.5, 2.5],
               "e_libere": [4.5, 5.5, 4.0], "e_turnover": [5.5, 4.5, 2.5],
               "g_assegnabili": [2.9, 2.6, 2.8, 2.6, 2.8, 2.2], "h_soglia_indigenti": [6.0, 4.0],
               "i_categorie_aggiuntive": [4.0, 11.5], "i_forze_polizia": [6.0, 4.0],
               "j_transitori": [4.5, 5.5, 2.5], "k_assegnate_anno_precedente": [8.5, 5.5],
               "misure_sostegno": [4.2, 3.2, 8.6]},
}


def _r(printed: list[str], **out: Row) -> dict[str, Any]:
    return {"print": printed, "out": out}


def _name(code: str) -> str:
    return PRINTED.get(code) or official()[code].upper()


def _units(code: str | None, n: int, table: str, printed_ente: str, printed_comune: str) -> dict[str, Any]:
    base = ente_aler(code) if printed_ente.startswith("ALER") else ente_comune(code)  # type: ignore[arg-type]
    return _r([printed_ente, printed_comune, str(n)], **{table: {**base, "unita": n}})


def tables(rng: random.Random) -> dict[str, list]:
    t: dict[str, list] = {}
    pop = []
    for code in [*CR, *MN]:
        n = POP[code]
        pop.append(_r([_name(code) if code in ("019090", "019083", "019031", "020059") else official()[code].upper(),
                       "CR" if code in CR else "MN", thousands(n)],
                      popolazione={"at": "", "comune": official()[code], "comune_istat": code, "popolazione": n,
                                   "is_total": False}))
    total = sum(POP.values())
    pop.append(_r(["TOTALE AMBITO", "", thousands(total)],
                  popolazione={"at": "", "comune": "", "comune_istat": "", "popolazione": total, "is_total": True}))
    t["popolazione"] = pop
    a, tot = [], [0, 0, 0]
    for code, n, sap, sas in A:
        altri = n - sap - sas
        a.append(_r([f"COMUNE DI {_name(code) if code == '020020' else official()[code].upper()}",
                     f"{n} (di cui {altri} per altri usi abitativi)" if altri else str(n), str(sap), str(sas)],
                    a_consistenza={**ente_comune(code), "alloggi_totali": n, "alloggi_sap": sap, "alloggi_sas": sas,
                                   "alloggi_altri_usi": altri, "is_total": False}))
        tot = [tot[0] + n, tot[1] + sap, tot[2] + sas]
    n, sap, sas = A_ALER
    a.append(_r([ALER_A, thousands(n), thousands(sap), str(sas)],
                a_consistenza={**ente_aler(None), "alloggi_totali": n, "alloggi_sap": sap, "alloggi_sas": sas,
                               "alloggi_altri_usi": 0, "is_total": False}))
    tot = [tot[0] + n, tot[1] + sap, tot[2] + sas]
    a.append(_r(["TOTALE", thousands(tot[0]), thousands(tot[1]), str(tot[2])],
                a_consistenza={"ente_tipo": "", "ente": "", "comune": "", "comune_istat": "", "alloggi_totali": tot[0],
                               "alloggi_sap": tot[1], "alloggi_sas": tot[2], "alloggi_altri_usi": 0, "is_total": True}))
    t["a_consistenza"] = a
    comuni = sorted(G_COMUNI, key=lambda c: (c != "019021", official()[c]))
    alers = sorted(G_ALER, key=lambda c: (c != "019021", official()[c]))
    t["b_carenza_manutentiva"] = (
        [_units(c, G_COMUNI[c][3], "b_carenza_manutentiva", "COMUNE", _name(c)) for c in comuni if G_COMUNI[c][3]]
        + [_units(c, G_ALER[c][2], "b_carenza_manutentiva", ALER_P, official()[c].upper()) for c in alers if G_ALER[c][2]])
    t["c_ristrutturazione"] = (
        [_units(c, G_COMUNI[c][2], "c_ristrutturazione", "COMUNE", _name(c)) for c in comuni if G_COMUNI[c][2]]
        + [_units(c, G_ALER[c][1], "c_ristrutturazione", ALER_P, official()[c].upper()) for c in alers if G_ALER[c][1]])
    lib, turn = [], []
    for c in comuni:
        for _ in range(G_COMUNI[c][0]):
            ident = str(rng.randint(3120000, 3189999))
            lib.append(_r(["COMUNE", _name(c), ident], e_libere={**ente_comune(c), "codice_id": ident, "nota": None}))
        if G_COMUNI[c][1]:
            turn.append(_units(c, G_COMUNI[c][1], "e_turnover", f"COMUNE DI {official()[c].upper()}", official()[c].upper()))
    for c in alers:
        for _ in range(G_ALER[c][0]):
            ident = str(rng.randint(3120000, 3189999))
            lib.append(_r([ALER_P, official()[c].upper(), ident],
                          e_libere={**ente_aler(c), "codice_id": ident, "nota": None}))
    t["e_libere"], t["e_turnover"] = lib, turn
    g, tot4 = [], [0, 0, 0, 0]
    for c in comuni:
        free, tv, ristr, car = G_COMUNI[c]
        total = free + tv + ristr + car
        g.append(_r(["COMUNE", _name(c), f"{free} + {tv} da turn over" if tv else str(free), str(ristr), str(car),
                     str(total)],
                    g_assegnabili={**ente_comune(c), "liberi": free + tv, "liberi_turnover": tv, "ristrutturazione": ristr,
                                   "carenza_manutentiva": car, "totale": total, "is_total": False}))
        tot4 = [tot4[0] + free + tv, tot4[1] + ristr, tot4[2] + car, tot4[3] + total]
    for c in alers:
        free, ristr, car = G_ALER[c]
        total = free + ristr + car
        g.append(_r([ALER_P, official()[c].upper(), str(free), str(ristr), str(car), str(total)],
                    g_assegnabili={**ente_aler(c), "liberi": free, "liberi_turnover": 0, "ristrutturazione": ristr,
                                   "carenza_manutentiva": car, "totale": total, "is_total": False}))
        tot4 = [tot4[0] + free, tot4[1] + ristr, tot4[2] + car, tot4[3] + total]
    tot4[0] -= 1  # deliberate (DELIBERATE)
    g.append(_r(["TOTALE", "", *map(str, tot4)],
                g_assegnabili={"ente_tipo": "", "ente": "", "comune": "", "comune_istat": "", "liberi": tot4[0],
                               "liberi_turnover": 0, "ristrutturazione": tot4[1], "carenza_manutentiva": tot4[2],
                               "totale": tot4[3], "is_total": True}))
    t["g_assegnabili"] = g
    c_ = lambda code: {"comune": official()[code], "comune_istat": code}  # noqa: E731
    t["h_soglia_indigenti"] = [_r([_name(c), f"{p}%"], h_soglia_indigenti={**c_(c), "soglia_pct": float(p)}) for c, p in H]
    t["i_categorie_aggiuntive"] = [_r([_name(c), cat], i_categorie_aggiuntive={**c_(c), "categoria": cat}) for c, cat in CAT]
    t["i_forze_polizia"] = [_r([_name(c), f"{p}%"], i_forze_polizia={**c_(c), "quota_pct": float(p)}) for c, p in FORZE]
    t["j_transitori"] = [
        _units(c[1:], n, "j_transitori", ALER_P, official()[c[1:]].upper()) if c.startswith("A")
        else _units(c, n, "j_transitori", "COMUNE", _name(c)) for c, n in J]
    k = []
    for c, v in K:
        n, mob = v if isinstance(v, tuple) else (v, None)
        cell = f"{n} (di cui {mob} per mobilità d'ufficio)" if mob else str(n)
        label = "ALER BRESCIA CREMONA MANTOVA" if c is None else f"COMUNE DI {official()[c].upper()}"
        base = ente_aler(None) if c is None else ente_comune(c)
        k.append(_r([label, cell], k_assegnate_anno_precedente={**base, "unita": n, "di_cui_mobilita": mob}))
    t["k_assegnate_anno_precedente"] = k
    t["misure_sostegno"] = [
        _r([m, "\n".join(f"DGR n. {d}" for d in dgr), fin],
           misure_sostegno={"misura": m, "riferimenti": "; ".join(f"DGR {d}" for d in dgr), "finalita": fin})
        for m, dgr, fin in MISURE]
    return t


def blocks() -> list[dict[str, Any]]:
    names = "; ".join(official()[c] for c in sorted([*CR, *MN], key=lambda c: official()[c]))
    return [
        {"kind": "title", "text": "AMBITO TERRITORIALE CASALASCO-VIADANESE (OGLIO PO)"},
        {"kind": "title", "text": "PIANO ANNUALE DELL'OFFERTA ABITATIVA PUBBLICA E SOCIALE – ANNO 2023"},
        _p("(art. 6 L.R. 16/2016 e art. 4 R.R. 4/2017)"),
        _h("1. PREMESSA", 1),
        _p("Il presente Piano Annuale è redatto dal Comune di Casalmaggiore, ente capofila dell'Ambito "
           "Territoriale Casalasco-Viadanese, in raccordo con il Consorzio Casalasco Servizi Sociali, l'Ufficio di "
           "Piano del Distretto di Viadana e l'ALER di Brescia-Cremona-Mantova, competente per le U.O.G. di Cremona "
           "e di Mantova."),
        _p("L'Ambito comprende 27 Comuni appartenenti a due province, 17 della provincia di Cremona e 10 della "
           f"provincia di Mantova: {names}."),
        _p("Il Piano aggiorna la consistenza del patrimonio abitativo pubblico e sociale, individua le unità "
           "abitative che prevedibilmente si renderanno disponibili nel corso dell'anno 2023 e definisce, per "
           "ciascun Comune, le soglie e le quote di riserva previste dal Regolamento Regionale n. 4/2017."),
        _h("2. IL TERRITORIO", 1),
        _p("La popolazione residente al 1° gennaio 2022 (fonte ISTAT) è di "
           f"{thousands(sum(POP.values()))} abitanti, distribuita come segue:"),
        _t("popolazione", ["COMUNE", "PROV.", "POPOLAZIONE AL 01/01/2022"]),
        _p("Il territorio presenta una forte polarizzazione sui due centri maggiori, Casalmaggiore e Viadana, nei "
           "quali è concentrata la maggior parte del patrimonio SAP comunale e aziendale; i Comuni più piccoli "
           "dispongono di poche unità, spesso di vecchia costruzione."),
        _h("3. L'OFFERTA ABITATIVA PUBBLICA E SOCIALE", 1),
        _h("a) CONSISTENZA DEL PATRIMONIO ABITATIVO PUBBLICO E SOCIALE (rilevazione anagrafe regionale)", 3),
        _t("a_consistenza", ["ENTE PROPRIETARIO", "N. ALLOGGI", "DI CUI SAP", "DI CUI SAS"]),
        _h("b) Unità abitative SAP in carenza manutentiva assegnabili nello stato di fatto (art. 10 R.R. 4/2017)", 3),
        _t("b_carenza_manutentiva", ["ENTE", "COMUNE", "N. U.I."]),
        _h("c) Unità abitative SAP oggetto di piani di ristrutturazione, recupero, riqualificazione assegnabili "
           "nel 2023", 3),
        _t("c_ristrutturazione", ["ENTE", "COMUNE", "N. U.I."]),
        _h("d) Unità abitative SAP di nuova edificazione", 3),
        _p("Non sono previste nel 2023 unità abitative di nuova edificazione destinate ai servizi abitativi pubblici."),
        _h("e) Unità abitative SAP già libere e che si libereranno per normale avvicendamento", 3),
        _p("Unità già libere:"),
        _t("e_libere", ["ENTE", "COMUNE", "ID ANAGRAFE"]),
        _p("Unità che si libereranno nel corso dell'anno per normale avvicendamento dei nuclei:"),
        _t("e_turnover", ["ENTE", "COMUNE", "N. ALLOGGI"]),
        _h("f) Unità abitative conferite da privati", 3),
        _p("Nessun privato ha conferito unità abitative da destinare ai servizi abitativi pubblici."),
        _h("g) Numero complessivo delle unità abitative SAP prevedibilmente assegnabili nel 2023", 3),
        _t("g_assegnabili", ["ENTE", "COMUNE", "ALLOGGI LIBERI", "DA RISTRUTTURAZIONE", "CARENZA MANUTENTIVA",
                             "TOTALE"]),
        _h("h) Soglia percentuale eccedente il 20% per nuclei in condizione di indigenza", 3),
        _t("h_soglia_indigenti", ["COMUNE", "SOGLIA %"]),
        _h("i) Categorie aggiuntive di particolare rilevanza sociale", 3),
        _t("i_categorie_aggiuntive", ["COMUNE", "CATEGORIA"]),
        _p("Quota delle unità destinate ai nuclei appartenenti alle Forze di Polizia e al Corpo Nazionale dei "
           "Vigili del Fuoco (art. 7 bis R.R. 4/2017):"),
        _t("i_forze_polizia", ["COMUNE", "QUOTA %"]),
        _h("j) Unità abitative destinate ai servizi abitativi transitori (SAT)", 3),
        _t("j_transitori", ["ENTE", "COMUNE", "N. U.I."]),
        _h("k) Unità abitative SAP assegnate nel corso dell'anno 2022", 3),
        _t("k_assegnate_anno_precedente", ["ENTE PROPRIETARIO", "N. U.I. ASSEGNATE"]),
        _h("4. MISURE PER L'ACCESSO E IL MANTENIMENTO DELL'ABITAZIONE", 1),
        _p("Sono attive sul territorio dell'Ambito le seguenti misure regionali di sostegno alla locazione:"),
        _t("misure_sostegno", ["MISURA", "RIFERIMENTI", "FINALITA'"]),
        _h("5. NOTE CONCLUSIVE", 1),
        _p("La bozza del presente Piano è stata trasmessa all'ALER di Brescia-Cremona-Mantova per il parere "
           "previsto dall'art. 4 comma 4 del R.R. 4/2017 ed è sottoposta all'approvazione dell'Assemblea dei "
           "Sindaci dell'Ambito."),
        _p("Casalmaggiore, 14 dicembre 2022"),
    ]


def build() -> dict[str, Any]:
    rng = random.Random(19021)
    return {
        "sample": "oglio_po_2023", "synthetic": True, "template": "letters", "layout": LAYOUT,
        "ambito": "Casalasco-Viadanese (Oglio Po)", "anno": 2023,
        "titolo": "PIANO ANNUALE DELL'OFFERTA ABITATIVA PUBBLICA E SOCIALE – ANNO 2023",
        "docx_options": {"author": "Comune di Casalmaggiore - Ufficio di Piano",
                         "title": "Piano annuale offerta abitativa 2023"},
        "comuni_ambito": [{"comune": official()[c], "comune_istat": c}
                          for c in sorted([*CR, *MN], key=lambda c: official()[c])],
        "deliberate": DELIBERATE,
        "empty_tables": ["d_nuova_edificazione", "f_conferite_privati"],
        "blocks": blocks(), "tables": tables(rng),
    }
