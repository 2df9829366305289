"""Tables printed one column per record (g as a wide table, a column per ente × comune and a TOTALE
column): read down, they are ordinary canonical tables; tables printed the usual way are not turned."""
from __future__ import annotations

from stage_words import line
from test_stage_tables import _pages

from pdfplans.extractors.catalog import header_vocabulary
from pdfplans.extractors.cells import join_cell_text
from pdfplans.extractors.classify import classify
from pdfplans.extractors.locate import build_table
from pdfplans.extractors.regions import find_regions
from pdfplans.extractors.transpose import looks_transposed, transposed

VOCABULARY = header_vocabulary()
X = (50, 230, 360, 470)


def _wide():
    rows = [("Ente proprietario", "Comune di Arcore", "ALER Arcore", "TOTALE"),
            ("Alloggi liberi", "1", "2", "3"), ("Alloggi in ristrutturazione", "0", "1", "1"),
            ("Alloggi in carenza manutentiva", "1", "0", "1"), ("Totale", "2", "3", "5")]
    page = [line(50, (50, "Numero complessivo delle unità abitative assegnabili nel 2023:"))]
    page += [line(80 + 14 * k, *zip(X, cells)) for k, cells in enumerate(rows)]
    return build_table(find_regions([page], {1: []}, VOCABULARY)[0][0])


def test_a_wide_table_is_read_down():
    table = _wide()
    assert table.header == ["Ente proprietario", "Comune di Arcore", "ALER Arcore", "TOTALE"]
    assert looks_transposed(table, VOCABULARY)
    down = transposed(table)
    assert down.source is table and down.pages == table.pages
    assert down.header == ["Ente proprietario", "Alloggi liberi", "Alloggi in ristrutturazione",
                           "Alloggi in carenza manutentiva", "Totale"]
    assert [[join_cell_text(c) for c in row] for row in down.rows] == [
        ["Comune di Arcore", "1", "0", "1", "2"], ["ALER Arcore", "2", "1", "0", "3"], ["TOTALE", "3", "1", "1", "5"]]
    # the cells are the printed ones: each keeps its page and box
    assert down.rows[1][1] is table.rows[0][2]


def test_classification_takes_the_reading_that_names_a_table():
    table = _wide()
    [match] = classify([table])
    assert match.spec.id == "g_assegnabili" and match.table.source is table and match.table is not table
    assert match.roles == {"ente": 0, "liberi": 1, "ristrutturazione": 2, "carenza_manutentiva": 3, "totale": 4}


def test_tables_printed_the_usual_way_are_not_turned():
    pages, rules = _pages()
    table = build_table(find_regions(pages, rules, VOCABULARY)[0][0])
    assert not looks_transposed(table, VOCABULARY)  # its first column names owners, not figures
    [match] = classify([table])
    assert match.table is table
