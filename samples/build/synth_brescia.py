"""The synthetic 2023 plan of Ambito 2 Brescia Ovest, in the Brescia-province template.

Numbered chapters 1.-5. and no letters; a table of contents with dot leaders; a protocol stamp in the
header of every page; population by age band; SAT (j) before indigenza; "Riepilogativo SAP" as table
g; soglia indigenti and quota Forze di Polizia in one printed table (-> h_soglia_indigenti and
i_forze_polizia, one row each per comune); no k table (chapter 3 has text only); ALER printed
"Aler di Brescia". One deliberate discrepancy (``DELIBERATE``).
"""
from __future__ import annotations

from typing import Any

from synth_common import heading as _h, para as _p, table_block as _t, ente_aler, ente_comune, official, thousands

Row = dict[str, Any]

COMUNI = ["017015", "017040", "017042", "017048", "017081", "017127", "017163", "017165", "017186", "017188"]
# population at 1 Jan 2022 by age band: 0-18, 19-64, over 65
POP = {"017015": (538, 1701, 591), "017040": (1623, 5107, 1709), "017042": (2151, 6840, 2097),
       "017048": (806, 2872, 1203), "017081": (2904, 9962, 3761), "017127": (2855, 9220, 2703),
       "017163": (1897, 6075, 1878), "017165": (1804, 5829, 1847), "017186": (1287, 4160, 1271),
       "017188": (2601, 8513, 2675)}
PRINTED = {"017163": "Rodengo S.", "017186": "Torbole C.", "017042": "Castelmella"}
A = [("017015", 6, 6, 0), ("017040", 28, 26, 2), ("017042", 34, 34, 0), ("017048", 12, 12, 0),
     ("017081", 58, 52, 6), ("017127", 61, 55, 6), ("017163", 19, 19, 0), ("017165", 40, 36, 4),
     ("017186", 14, 14, 0), ("017188", 86, 80, 5)]  # Travagliato 80 + 5 != 86: deliberate (DELIBERATE)
A_ALER = (423, 411, 12)
G_COMUNI = {"017040": (1, 0, 0), "017042": (1, 0, 0), "017081": (2, 1, 0), "017127": (2, 1, 0),
            "017163": (0, 1, 0), "017165": (1, 0, 1), "017188": (3, 2, 0)}
G_ALER = {"017040": (0, 0, 1), "017042": (1, 0, 0), "017081": (1, 0, 0), "017127": (2, 0, 1),
          "017165": (1, 0, 1), "017188": (2, 1, 1)}
J = [("017081", 1), ("017127", 1), ("017188", 1), ("A017127", 1)]
SOGLIA_FORZE = {"017015": (0, 0), "017040": (10, 5), "017042": (0, 10), "017048": (0, 0), "017081": (10, 5),
                "017127": (20, 10), "017163": (0, 0), "017165": (10, 10), "017186": (0, 5), "017188": (10, 10)}
CAT = [("017127", "Genitori separati o divorziati con figli minori"),
       ("017188", "Giovani coppie con età non superiore a 35 anni")]
MISURE = [
    ("Contributo Regionale di Solidarietà", ["4833/2021", "6732/2022"],
     "Sostegno agli assegnatari SAP in difficoltà economica per il pagamento del canone e delle spese per i "
     "servizi; per gli alloggi di proprietà comunale la misura è gestita dai singoli Comuni."),
    ("Misura Unica Affitto", ["6970/2022"],
     "Contributo ai nuclei in locazione sul libero mercato con ISEE fino a € 26.000,00; avviso unico di Ambito "
     "gestito dall'Ufficio di Piano."),
]
STAMP = "Comune di Gussago - Prot. n. 0021754 del 20-12-2022 arrivo"
ALER_P = "Aler di Brescia"
DELIBERATE = ["a_consistenza Comune di Travagliato: 86 alloggi printed with 80 SAP + 5 SAS (no altri usi): the "
              "row does not add up; the TOTALE row adds the printed columns and is right"]
LAYOUT = {
    "font_name": "Liberation Sans", "font_pt": 10.0, "table_font_pt": 9.0, "margins_cm": [2.6, 2.0, 2.4, 2.2],
    "borders": "grid", "repeat_header": True, "cell_pad_cm": 0.12,
    "widths": {"popolazione": [4.8, 2.6, 2.6, 2.8, 2.6], "a_consistenza": [5.5, 3.2, 3.0, 3.0],
               "g_assegnabili": [3.2, 3.0, 2.4, 2.8, 2.8, 2.2], "j_transitori": [5.0, 5.0, 3.0],
               "h_i_indigenti_forze": [5.5, 4.2, 4.8], "i_categorie_aggiuntive": [4.5, 11.0],
               "misure_sostegno": [4.2, 3.0, 9.2]},
}


def _r(printed: list[str], **out: Row) -> dict[str, Any]:
    return {"print": printed, "out": out}


def _name(code: str) -> str:
    return PRINTED.get(code) or official()[code]


def _c(code: str) -> dict[str, str]:
    return {"comune": official()[code], "comune_istat": code}


def tables() -> dict[str, list]:
    t: dict[str, list] = {}
    pop, bands = [], [0, 0, 0]
    for code in COMUNI:
        y, m, o = POP[code]
        pop.append(_r([official()[code].upper(), thousands(y), thousands(m), thousands(o), thousands(y + m + o)],
                      popolazione={"at": "", **_c(code), "popolazione": y + m + o, "is_total": False}))
        bands = [bands[0] + y, bands[1] + m, bands[2] + o]
    pop.append(_r(["TOTALE", *map(thousands, bands), thousands(sum(bands))],
                  popolazione={"at": "", "comune": "", "comune_istat": "", "popolazione": sum(bands), "is_total": True}))
    t["popolazione"] = pop
    a, tot = [], [0, 0, 0]
    for code, n, sap, sas in A:
        a.append(_r([f"Comune di {official()[code]}", str(n), str(sap), str(sas)],
                    a_consistenza={**ente_comune(code), "alloggi_totali": n, "alloggi_sap": sap, "alloggi_sas": sas,
                                   "alloggi_altri_usi": 0, "is_total": False}))
        tot = [tot[0] + n, tot[1] + sap, tot[2] + sas]
    n, sap, sas = A_ALER
    a.append(_r([ALER_P, str(n), str(sap), str(sas)],
                a_consistenza={**ente_aler(None), "alloggi_totali": n, "alloggi_sap": sap, "alloggi_sas": sas,
                               "alloggi_altri_usi": 0, "is_total": False}))
    tot = [tot[0] + n, tot[1] + sap, tot[2] + sas]
    a.append(_r(["TOTALE", *map(str, tot)],
                a_consistenza={"ente_tipo": "", "ente": "", "comune": "", "comune_istat": "", "alloggi_totali": tot[0],
                               "alloggi_sap": tot[1], "alloggi_sas": tot[2], "alloggi_altri_usi": 0, "is_total": True}))
    t["a_consistenza"] = a
    g, tot4 = [], [0, 0, 0, 0]
    for is_aler, figures in ((False, G_COMUNI), (True, G_ALER)):
        for code in sorted(figures, key=lambda c: official()[c]):
            lib, ristr, car = figures[code]
            total = lib + ristr + car
            base = ente_aler(code) if is_aler else ente_comune(code)
            g.append(_r([ALER_P if is_aler else "Comune", _name(code), str(lib), str(ristr), str(car), str(total)],
                        g_assegnabili={**base, "liberi": lib, "liberi_turnover": 0, "ristrutturazione": ristr,
                                       "carenza_manutentiva": car, "totale": total, "is_total": False}))
            tot4 = [tot4[0] + lib, tot4[1] + ristr, tot4[2] + car, tot4[3] + total]
    g.append(_r(["TOTALE", "", *map(str, tot4)],
                g_assegnabili={"ente_tipo": "", "ente": "", "comune": "", "comune_istat": "", "liberi": tot4[0],
                               "liberi_turnover": 0, "ristrutturazione": tot4[1], "carenza_manutentiva": tot4[2],
                               "totale": tot4[3], "is_total": True}))
    t["g_assegnabili"] = g
    j = []
    for code, n in J:
        if code.startswith("A"):
            j.append(_r([ALER_P, _name(code[1:]), str(n)], j_transitori={**ente_aler(code[1:]), "unita": n}))
        else:
            j.append(_r(["Comune", _name(code), str(n)], j_transitori={**ente_comune(code), "unita": n}))
    t["j_transitori"] = j
    t["h_i_indigenti_forze"] = [
        _r([official()[code].upper(), f"{s}%", f"{f}%"],
           h_soglia_indigenti={**_c(code), "soglia_pct": float(s)}, i_forze_polizia={**_c(code), "quota_pct": float(f)})
        for code, (s, f) in SOGLIA_FORZE.items()]
    t["i_categorie_aggiuntive"] = [_r([official()[c], cat], i_categorie_aggiuntive={**_c(c), "categoria": cat})
                                   for c, cat in CAT]
    t["misure_sostegno"] = [
        _r([m, "\n".join(f"D.G.R. {d}" for d in dgr), fin],
           misure_sostegno={"misura": m, "riferimenti": "; ".join(f"DGR {d}" for d in dgr), "finalita": fin})
        for m, dgr, fin in MISURE]
    return t


TOC = ["Premessa", "1. CONSISTENZA DEL PATRIMONIO E OFFERTA ABITATIVA",
       "1.1 Patrimonio abitativo pubblico e sociale", "1.2 Unità abitative disponibili nel 2023",
       "1.3 Servizi abitativi transitori", "2. INDIGENZA, CATEGORIE AGGIUNTIVE E FORZE DI POLIZIA",
       "3. UNITÀ ASSEGNATE NELL'ANNO PRECEDENTE", "4. MISURE PER IL SOSTEGNO ALL'ABITARE",
       "5. OBIETTIVI DEL PIANO"]


def blocks() -> list[dict[str, Any]]:
    names = ", ".join(official()[c] for c in COMUNI)
    total = sum(sum(v) for v in POP.values())
    return [
        {"kind": "title", "text": "AMBITO TERRITORIALE N. 2 – BRESCIA OVEST"},
        {"kind": "title", "text": "PIANO ANNUALE DELL'OFFERTA DEI SERVIZI ABITATIVI PUBBLICI E SOCIALI 2023"},
        _p("approvato dall'Assemblea dei Sindaci nella seduta del 15 dicembre 2022"),
        _h("INDICE", 2),
        *[_p(x, toc_page="0") for x in TOC],
        {"kind": "pagebreak"},
        _h("Premessa", 1),
        _p("Il Piano annuale dell'offerta dei servizi abitativi pubblici e sociali è lo strumento con cui i Comuni "
           "dell'Ambito, ai sensi dell'art. 6 della L.R. 16/2016 e dell'art. 4 del R.R. 4/2017, programmano "
           "l'offerta abitativa dell'anno e ne aggiornano il quadro conoscitivo. Il Comune di Gussago, ente "
           "capofila, ha curato la ricognizione presso i Comuni e presso l'Aler di Brescia, competente per il "
           "territorio."),
        _p(f"L'Ambito n. 2 Brescia Ovest è composto da 10 Comuni: {names}. La popolazione residente al 1° gennaio "
           f"2022 è pari a {thousands(total)} abitanti, così suddivisa per fasce d'età:"),
        _t("popolazione", ["COMUNE", "0-18 ANNI", "19-64 ANNI", "OLTRE 65 ANNI", "TOT."]),
        _h(TOC[1], 1),
        _h(TOC[2], 2),
        _p("La consistenza del patrimonio è rilevata dall'Anagrafe regionale del patrimonio abitativo e "
           "verificata con gli enti proprietari."),
        _t("a_consistenza", ["Ente proprietario", "Numero alloggi", "di cui SAP", "di cui SAS"]),
        _h(TOC[3], 2),
        _p("Le unità che prevedibilmente saranno assegnabili nel corso del 2023 comprendono le unità già libere, "
           "quelle in ristrutturazione che saranno ultimate entro l'anno e quelle in carenza manutentiva "
           "assegnabili nello stato di fatto. Non sono previste unità di nuova edificazione né conferite da privati."),
        _p("Riepilogativo SAP", bold=True),
        _t("g_assegnabili", ["Ente proprietario", "Comune", "Alloggi liberi", "Alloggi in ristrutturazione",
                             "Alloggi in carenza manutentiva", "Totale"]),
        _h(TOC[4], 2),
        _p("Sono individuate, all'interno delle unità disponibili, le seguenti unità da destinare ai servizi "
           "abitativi transitori (SAT) di cui all'art. 23 comma 13 della L.R. 16/2016:"),
        _t("j_transitori", ["Ente proprietario", "Comune", "N. unità SAT"]),
        _h(TOC[5], 1),
        _p("Ciascun Comune ha stabilito la soglia percentuale eccedente il 20% delle unità da assegnare ai nuclei "
           "in condizione di indigenza e la quota, fino al 10%, riservata ai nuclei appartenenti alle Forze di "
           "Polizia e al Corpo Nazionale dei Vigili del Fuoco:"),
        _t("h_i_indigenti_forze", ["COMUNE", "Soglia % indigenti", "Quota % Forze di Polizia"]),
        _p("Hanno inoltre individuato una categoria aggiuntiva di particolare rilevanza sociale (art. 23 comma 3 "
           "L.R. 16/2016) i seguenti Comuni:"),
        _t("i_categorie_aggiuntive", ["Comune", "Categoria aggiuntiva"]),
        _h(TOC[6], 1),
        _p("Il numero delle unità abitative assegnate nel corso del 2022 è stato caricato da ciascun ente "
           "proprietario nella Piattaforma informatica regionale; il dato consolidato sarà riportato nel "
           "monitoraggio del Piano triennale."),
        _h(TOC[7], 1),
        _p("Nel 2023 sono confermate le misure regionali di sostegno alla locazione:"),
        _t("misure_sostegno", ["Misura", "Riferimento", "Descrizione"]),
        _h(TOC[8], 1),
        _p("Per l'anno 2023 l'Ambito si propone di:"),
        _p("ridurre i tempi di riassegnazione delle unità che si liberano, coordinando gli avvisi dei Comuni;", bullet=True),
        _p("sostenere il recupero delle unità sfitte per carenze manutentive, anche con l'autorecupero;", bullet=True),
        _p("rafforzare l'integrazione tra servizi sociali e servizi abitativi nella gestione dei SAT.", bullet=True),
        _p("Gussago, 15 dicembre 2022"),
    ]


def build() -> dict[str, Any]:
    return {
        "sample": "brescia_ovest_2023", "synthetic": True, "template": "chapters", "layout": LAYOUT,
        "ambito": "Brescia Ovest", "anno": 2023,
        "titolo": "PIANO ANNUALE DELL'OFFERTA DEI SERVIZI ABITATIVI PUBBLICI E SOCIALI 2023",
        "docx_options": {"header_text": STAMP, "author": "Ambito Territoriale n. 2 Brescia Ovest",
                         "title": "Piano annuale offerta abitativa 2023"},
        "comuni_ambito": [{"comune": official()[c], "comune_istat": c} for c in COMUNI],
        "deliberate": DELIBERATE,
        "blocks": blocks(), "tables": tables(),
    }
