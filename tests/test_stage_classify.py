"""Headers and classification on hand-made tables: which role each column plays, and which id."""
from __future__ import annotations

from dataclasses import replace

from stage_words import line
from test_stage_tables import _pages

from pdfplans.extractors.catalog import SPECS_BY_ID, header_vocabulary
from pdfplans.extractors.classify import candidates, classify, score
from pdfplans.extractors.headers import assign_roles, header_likeness
from pdfplans.extractors.locate import build_table
from pdfplans.extractors.regions import find_regions
from pdfplans.extractors.settings import DEFAULT_SETTINGS

VOCABULARY = header_vocabulary()


def test_header_rows_are_told_from_labels_and_rows():
    assert header_likeness("Ragione Sociale Ente Proprietario Comune n. U.I.", VOCABULARY) >= 0.5
    assert header_likeness("AT 1", VOCABULARY) == 0.0  # a group label, not a header
    assert header_likeness("ALER BS – CR- MN CREMONA 19", VOCABULARY) < 0.5


def test_roles_from_headers_a_broken_word_read_both_ways():
    spec = SPECS_BY_ID["alienazioni"]
    roles, mean = assign_roles([("PRO G", "PROG"), "LOCALITA'", "VIA"], spec.roles)
    assert roles == {"prog": 0, "comune": 1, "via": 2}
    assert mean > 0.9
    unbroken, _ = assign_roles(["PRO G", "LOCALITA'", "VIA"], spec.roles)
    assert "prog" not in unbroken  # "PRO G" alone names no column


def _table(caption: str):
    pages, rules = _pages()
    pages[0][0] = line(50, (50, caption))
    return build_table(find_regions(pages, rules, VOCABULARY)[0][0])


def test_same_header_told_apart_by_the_caption():
    carenza = _table("b) Unità in carenza manutentiva assegnabili nello stato di fatto")
    nuova = _table("d) Unità di nuova edificazione")
    assert [m.spec.id for m in classify([carenza])] == ["b_carenza_manutentiva"]
    assert [m.spec.id for m in classify([nuova])] == ["d_nuova_edificazione"]
    b, d = score(SPECS_BY_ID["b_carenza_manutentiva"], carenza), score(SPECS_BY_ID["d_nuova_edificazione"], carenza)
    assert b.header == d.header and b.caption == 1.0 and d.caption == 0.0 and b.score > d.score


def test_values_of_the_wrong_kind_rule_an_id_out():
    table = _table("b) Unità in carenza manutentiva")
    # the owners' column holds figures and the units column names: 3 of 9 typed cells read right
    for row in table.rows:
        row[0], row[2] = row[2], row[1]
    match = score(SPECS_BY_ID["b_carenza_manutentiva"], table)
    assert match.kinds == 3 / 9
    assert match.score == 0.0 and match.reason == "values of the wrong kinds"


def test_min_score_is_a_setting():
    table = _table("b) Unità in carenza manutentiva")
    best = candidates([table])[0]
    assert best.spec.id == "b_carenza_manutentiva"
    strict = replace(DEFAULT_SETTINGS, min_score=best.score + 0.01)
    assert classify([table], settings=strict) == []


def test_an_empty_table_said_over_two_lines_whose_boxes_overlap():
    """A browser's glyph boxes are taller than its line height: 'di nuova' over 'edificazione.' overlap
    by a point, and are still one sentence saying table d has no rows."""
    from pdfplans.extractors.classify import find_empty_tables

    said = [line(100, (50, "Nessun Ente Proprietario ha comunicato unità di nuova")), line(109, (50, "edificazione."))]
    assert [spec.id for spec, _ in find_empty_tables(said, set())] == ["d_nuova_edificazione"]
    apart = [said[0], line(150, (50, "edificazione."))]  # a paragraph apart: no sentence names the table
    assert find_empty_tables(apart, set()) == []
