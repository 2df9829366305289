"""A numbered table's caption announces its table (verdicts/announced.py), with Voghera's captions:
"Tabella 8 – Categorie aggiuntive di particolare rilevanza sociale" on page 3."""
from __future__ import annotations

from test_checks_support import plan

from pdfplans.verdicts.announced import judge_announced

CAPTION = (3, "Tabella 8 – Categorie aggiuntive di particolare rilevanza sociale")


def test_a_table_lost_whose_numbered_caption_is_printed_is_missing() -> None:
    reasons = [r for r in judge_announced(plan(text=[CAPTION])) if r.table == "i_categorie_aggiuntive"]
    assert len(reasons) == 1 and reasons[0].page == 3 and "but not found" in reasons[0].message


def test_a_table_mentioned_in_a_sentence_or_said_empty_is_not_announced() -> None:
    said = [(1, "le categorie aggiuntive nella Tabella 8 e le quote nella Tabella 9."),
            (1, "Tabella 8 e 9 riportano le categorie aggiuntive individuate")]
    assert [r for r in judge_announced(plan(text=said)) if r.table == "i_categorie_aggiuntive"] == []
    empty = [CAPTION, (3, "Nessun Comune ha individuato categorie aggiuntive.")]
    assert [r for r in judge_announced(plan(text=empty)) if r.table == "i_categorie_aggiuntive"] == []
