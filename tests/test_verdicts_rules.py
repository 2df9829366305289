"""The verdicts' evidence rules one by one, on small tables built as the samples print them: each rule
flags the wrong reading it is for and leaves the right one alone."""
from __future__ import annotations

from dataclasses import replace

from test_checks_support import aler, comune, place, plan, table

from pdfplans.verdicts.cells import judge_cells
from pdfplans.verdicts.shapes import collapse, judge_shapes, shape


def _h():
    """h) as the Lodi plan prints it: three comuni and their soglia."""
    return table("h_soglia_indigenti", [{**place("Cremona"), "soglia_pct": 10.0},
                                        {**place("Soresina"), "soglia_pct": 20.0},
                                        {**place("Vescovato"), "soglia_pct": 10.0}])


def test_a_right_table_has_every_cell_of_its_kind() -> None:
    assert judge_cells(_h()) == []


def test_values_shifted_a_column_leave_the_name_blank_and_a_name_among_the_figures() -> None:
    h = _h()
    for cells, record in zip(h.cells, h.records):
        cells["soglia_pct"] = replace(cells["soglia_pct"], text=cells.pop("comune").text)
        record["comune"] = record["soglia_pct"] = None
    reasons = judge_cells(h)
    assert len(reasons) == 1 and reasons[0].table == "h_soglia_indigenti"
    assert "3 rows" in reasons[0].message and "no comune beside 'Cremona'" in reasons[0].message


def test_one_cell_holding_two_codes_of_its_column_is_two_rows_merged() -> None:
    rows = [{**aler("Cremona"), "id_alloggio": str(3155521 + i), "codice_alloggio": f"'BS15184{i}",
             "stato": "libero"} for i in range(4)]
    b = table("allegato_b", rows)
    assert judge_cells(b) == []
    b.cells[1]["id_alloggio"] = replace(b.cells[1]["id_alloggio"], text="3155522\n3155523")
    reasons = judge_cells(b)
    assert reasons and "id_alloggio prints 2 values in one cell" in reasons[0].message
    assert reasons[0].cells == ((1, "id_alloggio"),)


def test_a_code_wrapped_over_two_lines_is_one_value() -> None:
    """A long id broken by a narrow cell ("0049-00363-005 /" over "18410560") is no merge: its lines are
    not of the shape the column's other cells print."""
    rows = [{**comune("Cremona"), "codice_id": f"0049-00363-00{i} / 1841056{i}"} for i in range(3)]
    e = table("e_libere", rows)
    e.cells[0]["codice_id"] = replace(e.cells[0]["codice_id"], text="0049-00363-000 /\n18410560")
    assert judge_cells(e) == []


def test_two_yes_no_answers_in_one_cell_are_two_rows() -> None:
    rows = [{**place(n), "aggregazione": "AT NORD", "fondo_eur": 100.0 * i, "delega_aler": i % 2 == 0}
            for i, n in enumerate(["Cremona", "Soresina", "Vescovato"])]
    f = table("fondi_solidarieta_comuni", rows)
    for cells, row in zip(f.cells, rows):
        cells["delega_aler"] = replace(cells["delega_aler"], text="SI" if row["delega_aler"] else "NO")
        cells["fondo_eur"] = replace(cells["fondo_eur"], text="- €")
    assert judge_cells(f) == []
    f.cells[0]["delega_aler"] = replace(f.cells[0]["delega_aler"], text="SI\nNO")
    assert "delega_aler prints 2 values" in judge_cells(f)[0].message
    f.cells[0]["delega_aler"] = replace(f.cells[0]["delega_aler"], text="SI")
    f.cells[1]["fondo_eur"] = replace(f.cells[1]["fondo_eur"], text="- €\n- €")  # two zeros: no one figure
    assert "fondo_eur prints '- € - €', not of its kind" in judge_cells(f)[0].message


# -- rows read as text, found by the shape of the rows the table took (verdicts/shapes.py) ----------
def _dgr_funds():
    """utilizzo_dgr as the seed prints it on page 16, its two rows."""
    t = table("utilizzo_dgr", [{"dgr": "DGR 5324/2021", "fondo_eur": 545224.0, "domande_presentate": 637,
                                "domande_finanziate": 618, "page": 16}], page=16)
    t.cells[0]["fondo_eur"] = replace(t.cells[0]["fondo_eur"], text="545.224,00 €")
    return t


def test_shapes_of_printed_text() -> None:
    assert shape("DGR 6491/2022 40.672,00 € 105 96") == ("W", "R", "E", "N", "N")
    assert shape("ALER 3162485 'BS158850 CREMONA SFITTO PER RISTRUTTURAZIONE") == ("W", "N", "C", "W")
    assert shape("COMUNE DI SOSPIRO 04-11-2022 10:15:03 0 6 NO 10 0") == ("W", "D", "T", "N", "N", "W", "N", "N")
    # one list of references, however many DGRs it names
    assert collapse(shape("MISURA UNICA DGR 5324 del 04.10.2021 DGR 6491 del 13.06.2022")) == ("W", "N", "W", "D")


def test_a_row_left_in_the_text_on_the_tables_page_is_named() -> None:
    lost = plan(_dgr_funds(), text=[(16, "Le risorse sono state utilizzate nel seguente modo:"),
                                    (16, "DGR 6491/2022 40.672,00 € 105 96")])
    reasons = judge_shapes(lost)
    assert [r.table for r in reasons] == ["utilizzo_dgr"] and reasons[0].page == 16
    assert "'DGR 6491/2022 40.672,00 € 105 96', shaped like its rows" in reasons[0].message


def test_a_sentence_with_figures_or_a_row_far_from_the_table_is_no_row() -> None:
    right = plan(_dgr_funds(), text=[(16, "DGR 6491/2022 40.672,00 € 105 96 sono stati assegnati a 96 nuclei."),
                                     (16, "Delibera 6491/2022"), (18, "DGR 6491/2022 40.672,00 € 105 96")])
    assert judge_shapes(right) == []


def test_a_measure_left_in_the_text_is_compared_up_to_its_purpose() -> None:
    rows = [{"misura": "Contributo Regionale di Solidarietà", "riferimenti": "DGR 4833/2021; DGR 6732/2022",
             "finalita": "Contributo agli assegnatari SAP", "page": 3}]
    t = table("misure_sostegno", rows)
    t.cells[0]["riferimenti"] = replace(t.cells[0]["riferimenti"], text="D.G.R. 4833/2021\nD.G.R. 6732/2022")
    lost = "Misura Unica Affitto D.G.R. 6970/2022 Sostegno ai nuclei in locazione con ISEE fino a € 26.000,00"
    sentence = ("Per la gestione di questa misura regionale i Comuni hanno delegato l'Azienda, come da "
                "D.G.R. 6970/2022 del 19 settembre")
    assert [r.table for r in judge_shapes(plan(t, text=[(3, lost)]))] == ["misure_sostegno"]
    assert judge_shapes(plan(t, text=[(3, sentence)])) == []


def test_a_name_cell_of_two_member_comuni_is_two_rows_but_a_broken_name_is_one() -> None:
    rows = [{**place(n), "categoria": "Genitori separati con figli minori"} for n in ("Cremona", "Soresina")]
    i = table("i_categorie_aggiuntive", rows)
    members = ["cremona", "soresina", "cella dati", "pizzighettone"]
    i.cells[0]["comune"] = replace(i.cells[0]["comune"], text="PIZZIGHETTO\nNE")
    assert judge_cells(i, members) == []
    i.cells[0]["comune"] = replace(i.cells[0]["comune"], text="CREMONA\nCELLA DATI")
    assert "comune prints two member comuni ('CREMONA CELLA DATI')" in judge_cells(i, members)[0].message


def test_a_sentence_wrapped_onto_a_line_of_the_rows_shape_is_no_row() -> None:
    """Rows of the table open with a capital ("DGR ..."); a line opening in lower case goes on a sentence."""
    wrapped = plan(_dgr_funds(), text=[(16, "della delibera 6491/2022 40.672,00 € 105 96")])
    assert judge_shapes(wrapped) == []


def _g_and_e(units: dict[str, int], listed: dict[str, int], annex: bool = False):
    """g with ``units`` already free per comune (no turnover) and e) listing ``listed`` rows per comune,
    one unit each, as the Lodi plan prints them; ``annex``: an ALER row sending to Allegato B."""
    g = table("g_assegnabili", [{**comune(name), "liberi": n, "liberi_turnover": 0, "ristrutturazione": 0,
                                 "carenza_manutentiva": 0, "totale": n} for name, n in units.items()], page=8)
    rows = [{**comune(name), "codice_id": f"{name[:2].upper()}-{k}"} for name, n in listed.items() for k in range(n)]
    if annex:
        rows.append({**aler(), "comune": "COMUNI VARI", "nota": "vedi allegato B"})
    return g, table("e_libere", rows, page=7)


def test_an_owner_with_free_units_in_g_and_no_row_in_e_lost_its_rows() -> None:
    from pdfplans.verdicts.siblings import judge_siblings

    g, e = _g_and_e({"Cremona": 2, "Soresina": 1}, {"Cremona": 2, "Soresina": 1})
    assert judge_siblings(plan(g, e)) == []
    g, e = _g_and_e({"Cremona": 2, "Soresina": 1}, {"Cremona": 2})  # Soresina's row left e)
    reasons = judge_siblings(plan(g, e))
    assert [(r.table, r.page) for r in reasons] == [("e_libere", 7)]
    assert "no row for Comune di Soresina" in reasons[0].message and "1 units already free" in reasons[0].message


def test_free_units_sent_to_allegato_b_or_counted_short_are_no_lost_rows() -> None:
    from pdfplans.verdicts.siblings import judge_siblings

    g, e = _g_and_e({"Cremona": 2}, {"Cremona": 1})  # one row short: the plan's own count, for the checks
    assert judge_siblings(plan(g, e)) == []
    g = table("g_assegnabili", [{**aler("Cremona"), "liberi": 3, "liberi_turnover": 0, "ristrutturazione": 0,
                                 "carenza_manutentiva": 0, "totale": 3}], page=8)
    _, e = _g_and_e({}, {"Soresina": 1}, annex=True)  # ALER's units: "vedi allegato B"
    assert judge_siblings(plan(g, e)) == []


def test_the_next_tables_caption_read_as_a_row_is_named() -> None:
    """Voghera's k) as a browser printed it: 'Tabella 12 – Misure ...' below the ALER row, taken in."""
    rows = [{**comune("Cremona"), "unita": 7}, {**aler(), "ente": "ALER PAVIA-LODI", "unita": 18}]
    k = table("k_assegnate_anno_precedente", rows, page=3)
    assert judge_cells(k) == []
    k = table("k_assegnate_anno_precedente", [*rows, {"ente_tipo": "altro",
                                                        "ente": "Tabella 12 – Misure per il sostegno all'abitare"}])
    reasons = judge_cells(k)
    assert len(reasons) == 1 and "Tabella 12" in reasons[0].message and "no figure beside it" in reasons[0].message


def test_a_part_glued_to_the_cell_beside_it_leaves_the_total_short() -> None:
    """Oglio Po's g) as a browser printed it: '3 + 2 da turn over 2' in liberi, ristrutturazione blank."""
    from pdfplans.verdicts.rows import judge_rows

    row = {**comune("Cremona"), "liberi": 5, "liberi_turnover": 2, "ristrutturazione": 2, "carenza_manutentiva": 0,
           "totale": 7}
    assert judge_rows(table("g_assegnabili", [row])) == []
    glued = table("g_assegnabili", [{**row, "ristrutturazione": None}])
    reasons = judge_rows(glued)
    assert len(reasons) == 1 and "totale 7 needs 2 more" in reasons[0].message
    zero = table("g_assegnabili", [{**row, "liberi": 5, "ristrutturazione": None, "totale": 5}])
    assert judge_rows(zero) == []  # a blank the total does not miss is a zero printed as nothing


def test_allegato_a_and_k_disagreeing_name_both_for_nothing_witnesses_either() -> None:
    """Allegato A's units assigned last year add up to no printed total: an ente with units there and no
    row in k) is a row lost from k) or a figure misread in A (an OCR 0 read as 8); both are named."""
    from pdfplans.verdicts.siblings import judge_siblings

    a = table("allegato_a", [{**comune("Cremona"), "ui_assegnate_anno_precedente": 7},
                             {**comune("Soresina"), "ui_assegnate_anno_precedente": 0}], page=21)
    k = table("k_assegnate_anno_precedente", [{**comune("Cremona"), "unita": 7}], page=12)
    assert judge_siblings(plan(a, k)) == []
    a.records[1]["ui_assegnate_anno_precedente"] = 8
    reasons = judge_siblings(plan(a, k))
    assert sorted((r.table, r.page) for r in reasons) == [("allegato_a", 21), ("k_assegnate_anno_precedente", 12)]
    assert "Comune di Soresina has ui_assegnate_anno_precedente 8" in next(r.message for r in reasons
                                                                         if r.table == "allegato_a")


def test_a_line_of_the_text_around_read_as_a_row_prints_no_figure() -> None:
    """Vimercate's k) as reportlab printed it: the signature's place and date below the table, a row."""
    rows = [{**comune("Cremona"), "unita": 5}, {**comune("Soresina"), "unita": 2}, {**aler(), "unita": 14}]
    k = table("k_assegnate_anno_precedente", [*rows, {"ente_tipo": "altro", "ente": "Vimercate, 15 dicembre 2022"}])
    reasons = judge_cells(k)
    assert len(reasons) == 1 and "'Vimercate, 15 dicembre 2022' and no figure beside it" in reasons[0].message
    few = table("k_assegnate_anno_precedente", [rows[0], {"ente_tipo": "altro", "ente": "Comune di Ostiano"}])
    assert judge_cells(few) == []  # one row of figures beside it: too little to say the table prints them all


def test_a_letter_italian_has_not_is_a_glyph_mapped_wrong() -> None:
    """Ghostscript's re-print of a browser's PDF gave the 'fi' ligature as 'ü': 'ügli' for 'figli'."""
    i = table("i_categorie_aggiuntive", [{**place("Cremona"), "categoria": "Nuclei monoparentali con figli minori"},
                                         {**place("Soresina"), "categoria": "Anziani ultra settantacinquenni, più"}])
    assert judge_cells(i) == []
    i.cells[0]["categoria"] = replace(i.cells[0]["categoria"], text="Nuclei monoparentali con ügli minori")
    reasons = judge_cells(i)
    assert len(reasons) == 1 and "'ügli', a letter Italian has not" in reasons[0].message


def test_rows_in_a_table_the_plan_says_below_its_caption_has_none_are_another_tables() -> None:
    """The reportlab sample prints d)'s caption and, on the next lines, 'Nessun Ente Proprietario ha
    comunicato ... nuova edificazione.': rows read into d) (b's, swapped) contradict it."""
    from pdfplans.verdicts.sequence import judge_said_empty

    caption = "d) Numero di unità abitative destinate a SAP oggetto di piani e programmi già formalizzati di nuova"
    text = [(8, caption), (8, "edificazione, che prevedibilmente saranno assegnabili nel corso dell'anno"),
            (8, "Nessun Ente Proprietario ha comunicato la disponibilità di unità abitative di nuova edificazione."),
            (8, "e) Numero unità abitative destinate a SAP di cui:")]
    d = table("d_nuova_edificazione", [{**comune("Cremona"), "unita": 3}], page=8)
    d.caption, d.caption_page = caption, 8
    reasons = judge_said_empty(plan(d, text=text))
    assert [(r.table, r.page) for r in reasons] == [("d_nuova_edificazione", 8)]
    assert "says below its caption that it has no rows" in reasons[0].message
    d.records, d.cells = [], []
    assert judge_said_empty(plan(d, text=text)) == []  # read empty, as the plan says
    said_of_e = [*text[:2], (8, "e) Numero unità abitative destinate a SAP di cui:"), text[2]]
    d = table("d_nuova_edificazione", [{**comune("Cremona"), "unita": 3}], page=8)
    d.caption = caption
    assert judge_said_empty(plan(d, text=said_of_e)) == []  # said after the next letter: not of d


def test_a_sentence_saying_the_next_table_is_empty_is_not_said_of_this_one() -> None:
    """Lodi prints c)'s rows (not in the text) between its caption and 'Non sono previste unità di nuova
    edificazione.', which is d)'s; Mantova's numbered headings end one caption's lines."""
    from pdfplans.verdicts.sequence import judge_said_empty

    c = table("c_ristrutturazione", [{**comune("Cremona"), "unita": 4}], page=2)
    c.caption = "Unità oggetto di ristrutturazione, recupero o riqualificazione:"
    lodi = [(2, c.caption), (2, "Non sono previste unità di nuova edificazione.")]
    assert judge_said_empty(plan(c, text=lodi)) == []
    b = table("b_carenza_manutentiva", [{**comune("Cremona"), "unita": 5}], page=2)
    b.caption = "3.2 Unità in carenza manutentiva assegnabili nello stato di fatto"
    mantova = [(2, b.caption), (2, "3.3 Unità oggetto di piani e programmi di ristrutturazione, recupero e"),
               (2, "3.4 Unità di nuova edificazione"), (2, "Non sono previste unità in carenza manutentiva.")]
    assert judge_said_empty(plan(b, text=mantova)) == []  # said under 3.4, not under b's 3.2
