"""Shares of one whole (riparto_misure's percentuale) make 100%, a table of one row too
(verdicts/sequence.py), with the shares the Cremonese 2023 plan prints: 50%, 25%, 25%."""
from __future__ import annotations

from test_checks_support import table

from pdfplans.verdicts.sequence import judge_sequence


def _riparto(shares: list[float]):
    names = ["MISURA UNICA", "MISURA COMPLEMENTARE", "FONDO MOROSITA' INCOLPEVOLE"]
    return table("riparto_misure", [{"misura": n, "percentuale": p, "risorse_eur": 1.0} for n, p in zip(names, shares)],
                 page=15)


def test_shares_making_100_are_right() -> None:
    assert judge_sequence(_riparto([50.0, 25.0, 25.0])) == []
    assert judge_sequence(_riparto([100.0])) == []  # one measure, the whole of the fund


def test_a_table_cut_to_its_first_row_no_longer_makes_100() -> None:
    reasons = judge_sequence(_riparto([50.0]))
    assert len(reasons) == 1 and "the percentuale of its 1 row makes 50%, not 100%" in reasons[0].message
    reasons = judge_sequence(_riparto([50.0, 25.0]))
    assert "the percentuale of its 2 rows make 75%, not 100%" in reasons[0].message
