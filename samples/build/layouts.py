"""Per-sample layouts: fonts, margins, borders and column widths (cm) of every table.

The original was a Word document in Calibri (Carlito is metric-compatible). The "Comune" column of
table g in the main layout is chosen so that, at 10 pt with 0.19 cm cell margins, it holds
"CASTELVERDE" (56.7 pt) and "PIZZIGHETTO" but not "ACQUANEGRA" (58.9 pt), "CASALBUTTAN",
"PIZZIGHETTON": 2.42 cm - 2 x 0.19 cm = 57.8 pt, which breaks the three names inside the word
exactly as the original printed them ("CASALBUTTA NO", "PIZZIGHETTO NE", "ACQUANEGR A"). The fund
table's "Comuni" column holds "TORRE DE' PICENAR-" (83.6 pt) but not "...PICENAR-DI" (92.3 pt).
"""
from __future__ import annotations

from seed_to_doc import Layout

MAIN = Layout(
    name="main",
    font_name="Carlito",
    font_pt=11.0,
    margins_cm=(2.0, 2.0, 2.0, 2.0),
    table_font_pt=10.0,
    font_pt_by_table={"allegato_a": 6.0, "allegato_b": 9.0, "misure_sostegno": 9.0, "riparto_misure": 9.0},
    cell_pad_by_table={"allegato_a": 0.08},
    widths={
        "popolazione": [5.0, 3.0],
        "a_consistenza": [6.0, 4.5, 3.0, 3.0],
        "b_carenza_manutentiva": [5.5, 5.0, 2.5],
        "c_ristrutturazione": [5.5, 5.0, 2.5],
        "e_libere": [5.5, 5.5, 4.0],
        "e_turnover": [5.5, 5.0, 2.5],
        "g_assegnabili": [3.4, 2.42, 2.3, 3.0, 3.3, 2.58],
        "h_soglia_indigenti": [6.0, 5.0],
        "i_categorie_aggiuntive": [4.5, 12.5],
        "i_forze_polizia": [6.0, 4.0],
        "j_transitori": [5.5, 5.0, 2.5],
        "k_assegnate_anno_precedente": [8.0, 6.0],
        "misure_sostegno": [3.5, 3.5, 10.0],
        "fondi_solidarieta_comuni": [4.2, 3.48, 4.0, 4.5],
        "fondi_solidarieta_enti": [9.0, 5.0],
        "riparto_misure": [3.2, 2.3, 3.5, 8.0],
        "utilizzo_dgr": [4.5, 4.5, 4.0, 4.0],
        "alienazioni": [2.0, 5.0, 6.0],
        "allegato_a": [3.6, 1.5, 1.4, 1.55, 1.55, 1.55, 1.6, 1.6, 1.95, 1.5, 1.5, 1.4, 2.6, 1.5, 1.74],
        "allegato_b": [2.6, 2.4, 3.0, 4.2, 4.8],
    },
)

# Other widths, font and margins: page breaks fall elsewhere and names wrap at other places.
ALT = Layout(
    name="alt",
    font_name="Liberation Sans",
    font_pt=10.0,
    margins_cm=(2.5, 1.8, 2.5, 2.0),
    table_font_pt=9.0,
    font_pt_by_table={"allegato_a": 5.5, "allegato_b": 8.5, "misure_sostegno": 8.5, "riparto_misure": 8.5},
    cell_pad_by_table={"allegato_a": 0.1},
    widths={
        "popolazione": [6.5, 3.5],
        "a_consistenza": [5.2, 5.0, 3.0, 3.2],
        "b_carenza_manutentiva": [6.0, 6.4, 4.0],
        "c_ristrutturazione": [6.0, 6.4, 4.0],
        "e_libere": [6.0, 5.4, 5.0],
        "e_turnover": [6.0, 6.4, 4.0],
        "g_assegnabili": [3.4, 2.5, 2.3, 3.0, 3.2, 2.75],
        "h_soglia_indigenti": [8.0, 6.0],
        "i_categorie_aggiuntive": [5.5, 10.9],
        "i_forze_polizia": [8.0, 5.0],
        "j_transitori": [6.0, 6.4, 4.0],
        "k_assegnate_anno_precedente": [9.0, 7.4],
        "misure_sostegno": [3.0, 3.0, 10.4],
        "fondi_solidarieta_comuni": [3.6, 3.4, 4.2, 5.2],
        "fondi_solidarieta_enti": [10.0, 6.4],
        "riparto_misure": [3.6, 2.6, 3.2, 7.0],
        "utilizzo_dgr": [5.0, 4.4, 3.5, 3.5],
        "alienazioni": [1.6, 6.0, 8.8],
        "allegato_a": [3.3, 1.5, 1.3, 1.5, 1.5, 1.6, 1.7, 1.7, 2.0, 1.5, 1.5, 1.4, 2.4, 1.5, 1.5],
        "allegato_b": [2.2, 2.6, 2.8, 4.6, 4.2],
    },
)

# No borders at all, a serif font, header rows not repeated on continuation pages.
BORDERLESS = Layout(
    name="borderless",
    font_name="DejaVu Serif",
    font_pt=10.0,
    margins_cm=(2.2, 2.0, 2.2, 2.5),
    table_font_pt=9.5,
    font_pt_by_table={"allegato_a": 5.5, "allegato_b": 8.5, "misure_sostegno": 8.5, "riparto_misure": 8.5},
    cell_pad_by_table={"allegato_a": 0.06},
    borders="none",
    repeat_header=False,
    widths={
        "popolazione": [5.5, 3.5],
        "a_consistenza": [6.5, 4.5, 2.5, 2.5],
        "b_carenza_manutentiva": [5.0, 6.0, 3.0],
        "c_ristrutturazione": [5.0, 6.0, 3.0],
        "e_libere": [5.0, 6.0, 5.0],
        "e_turnover": [5.0, 6.0, 3.0],
        "g_assegnabili": [3.4, 3.6, 2.2, 2.6, 2.6, 2.1],
        "h_soglia_indigenti": [6.5, 5.0],
        "i_categorie_aggiuntive": [4.8, 11.7],
        "i_forze_polizia": [6.5, 4.0],
        "j_transitori": [5.0, 6.0, 3.0],
        "k_assegnate_anno_precedente": [9.0, 6.5],
        "misure_sostegno": [3.6, 3.4, 9.5],
        "fondi_solidarieta_comuni": [3.8, 5.0, 3.6, 4.0],
        "fondi_solidarieta_enti": [8.5, 5.0],
        "riparto_misure": [3.4, 2.4, 3.4, 7.3],
        "utilizzo_dgr": [4.2, 4.2, 4.0, 4.0],
        "alienazioni": [2.0, 5.5, 6.0],
        "allegato_a": [3.9, 1.6, 1.4, 1.5, 1.5, 1.5, 1.55, 1.55, 1.9, 1.5, 1.5, 1.4, 2.5, 1.4, 1.5],
        "allegato_b": [2.4, 2.3, 2.7, 4.5, 4.6],
    },
)

# Drawn by reportlab: Helvetica tables, Times body, horizontal rules only (widths in cm).
REPORTLAB = Layout(
    name="reportlab",
    font_name="Times-Roman",
    font_pt=10.5,
    margins_cm=(2.0, 1.8, 2.0, 2.2),
    table_font_pt=9.0,
    font_pt_by_table={"allegato_a": 6.0, "allegato_b": 8.5, "misure_sostegno": 8.5, "riparto_misure": 8.5},
    cell_pad_by_table={"allegato_a": 0.06},
    borders="horizontal",
    repeat_header=True,
    widths={
        "popolazione": [6.0, 3.0],
        "a_consistenza": [6.4, 4.8, 2.8, 2.8],
        "b_carenza_manutentiva": [6.0, 5.5, 2.5],
        "c_ristrutturazione": [6.0, 5.5, 2.5],
        "e_libere": [6.0, 5.5, 4.5],
        "e_turnover": [6.0, 5.5, 2.5],
        "g_assegnabili": [3.6, 3.1, 2.2, 2.8, 2.8, 2.5],
        "h_soglia_indigenti": [7.0, 4.0],
        "i_categorie_aggiuntive": [5.0, 12.0],
        "i_forze_polizia": [7.0, 4.0],
        "j_transitori": [6.0, 5.5, 2.5],
        "k_assegnate_anno_precedente": [9.0, 6.0],
        "misure_sostegno": [3.8, 3.6, 9.6],
        "fondi_solidarieta_comuni": [4.4, 4.4, 3.6, 4.6],
        "fondi_solidarieta_enti": [9.5, 5.0],
        "riparto_misure": [3.6, 2.4, 3.6, 7.4],
        "utilizzo_dgr": [4.6, 4.4, 4.0, 4.0],
        "alienazioni": [1.8, 5.5, 6.5],
        "allegato_a": [3.8, 1.6, 1.4, 1.55, 1.55, 1.55, 1.6, 1.6, 1.95, 1.5, 1.5, 1.4, 2.6, 1.5, 1.6],
        "allegato_b": [2.4, 2.4, 2.8, 4.4, 5.0],
    },
)

LAYOUTS = {lay.name: lay for lay in (MAIN, ALT, BORDERLESS, REPORTLAB)}
