"""Print the pages on which each table of a rendered sample starts and ends (pdftotext -layout).

A check of the samples, not of the extractor: it finds each table by the printed text of its first
and last body rows, searching forward from the previous table, so it also tells where page breaks
fell in each layout. Usage: python table_pages.py SAMPLE.pdf [...]
"""
from __future__ import annotations

import re
import subprocess
import sys

# (table key, first body row, last body row): regexes on the layout lines, spaces collapsed; a row
# whose first cell wraps reads "FONDO MOROSITA' DGR 2974 ..." on its first line
ROWS: list[tuple[str, str, str]] = [
    ("popolazione", "BORDOLANO 570", "TOTALE GENERALE 156.113"),
    ("a_consistenza", "ANNICCO 14 14 0", "TOTALE 4045 3889 142"),
    ("b_carenza_manutentiva", "COMUNE CELLA DATI 1", "VESCOVATO 5"),
    ("c_ristrutturazione", "COMUNE CASALBUTTANO 1", "Cremona 93"),
    ("e_libere", "COMUNE CREMONA 23861431", "COMUNI VARI"),
    ("e_turnover", "COMUNE DI CREMONA CREMONA 6", "COMUNE DI CREMONA CREMONA 6"),
    ("g_assegnabili", r"COMUNE CREMONA 1 \+", "TOTALE 62 165 34 261"),
    ("h_soglia_indigenti", "BONEMERSE 10%", "TORRE DE'PICENARDI 10%"),
    ("i_categorie_aggiuntive", "CREMONA Soggetti beneficiari", "VOLONGO Vittime di violenza domestica"),
    ("i_forze_polizia", "CREMONA 5%", "VOLONGO 5%"),
    ("j_transitori", "COMUNE BONEMERSE 1", "U.O.CREMONA 7"),
    ("k_assegnate_anno_precedente", "COMUNE DI CREMONA 10 (di cui", "ALER BS – CR- MN 61"),
    ("misure_sostegno", r"^CONTRIBUTO ", r"^FONDO (MOROSITA' )?(INCOLPEVOLE )?DGR 2974"),
    ("fondi_solidarieta_comuni", "AT NORD ACQUANEGRA", "171.084,43 €"),
    ("fondi_solidarieta_enti", "ALER BRESCIA - CREMONA - MANTOVA 1.595.127,10", "CREMONA 125.116,00 €"),
    ("riparto_misure", "MISURA UNICA 50%", r"^FONDO (MOROSITA' )?(INCOLPEVOLE )?25%"),
    ("utilizzo_dgr", "DGR 5324/2021 545.224,00", "DGR 6491/2022 40.672,00"),
    ("alienazioni", "1 Cremona Monte Grappa", "27 Pizzighettone Martiri della"),
    ("allegato_a", "COMUNE DI AZZANELLO 21-09-2022", "COMUNE DI MALAGNINO 02-11-2022"),
    ("allegato_b", "ALER 3155521 'BS151846", "ALER 3172251 'BS167960"),
]


def page_texts(pdf: str) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True).stdout
    return ["\n".join(re.sub(r"\s+", " ", ln.strip()) for ln in page.splitlines()) for page in out.split("\f")]


def _has(page: str, pattern: str) -> bool:
    """Patterns starting with "^" or holding a backslash are regexes; the others match literally."""
    if pattern.startswith("^") or "\\" in pattern:
        return re.search(pattern, page, re.MULTILINE) is not None
    return pattern in page


def table_pages(pdf: str) -> list[tuple[str, int | None, int | None]]:
    pages = page_texts(pdf)
    result, start = [], 0
    for key, first, last in ROWS:
        p_first = next((i for i in range(start, len(pages)) if _has(pages[i], first)), None)
        p_last = None
        if p_first is not None:
            p_last = next((i for i in range(p_first, len(pages)) if _has(pages[i], last)), None)
            start = p_first
        result.append((key, None if p_first is None else p_first + 1, None if p_last is None else p_last + 1))
    return result


if __name__ == "__main__":
    for pdf in sys.argv[1:]:
        print(pdf)
        for key, a, b in table_pages(pdf):
            span = "NOT FOUND" if a is None else (f"p. {a}" if a == b else f"pp. {a}-{b}")
            print(f"  {key:30s} {span}")
