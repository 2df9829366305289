"""An owner's row left in the text, named as the plan's tables name the owner (verdicts/leftovers.py):
Mantova's k) ends with "Coop. Casa del Mincio 3", an owner a) lists too."""
from __future__ import annotations

from test_checks_support import aler, comune, plan, table

from pdfplans.verdicts.leftovers import judge_leftovers


def _mantova(text: list[tuple[int, str]]):
    coop = {"ente_tipo": "altro", "ente": "Coop. Casa del Mincio", "comune": "", "comune_istat": ""}
    a = table("a_consistenza", [{**comune("Cremona"), "alloggi_totali": 10}, {**coop, "alloggi_totali": 40}], page=1)
    k = table("k_assegnate_anno_precedente", [{**comune("Cremona"), "unita": 14}, {**aler(), "unita": 31}], page=3)
    return plan(a, k, text=text)


def test_an_owner_row_the_table_did_not_take_is_named_by_the_owner_other_tables_list() -> None:
    reasons = judge_leftovers(_mantova([(3, "Coop. Casa del Mincio 3")]))
    assert [(r.table, r.page) for r in reasons] == [("k_assegnate_anno_precedente", 3)]
    assert "'Coop. Casa del Mincio 3' in its columns" in reasons[0].message


def test_a_sentence_naming_the_owner_is_no_row() -> None:
    said = (3, "La Coop. Casa del Mincio ha messo a disposizione nel 2022 alloggi a canone sociale.")
    assert judge_leftovers(_mantova([said])) == []
