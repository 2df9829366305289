"""Rows against the header they stand under (verdicts/placement.py), at the places the Lodi plan
prints them: b)'s header at the foot of page 1, j)'s on page 2, each with its first row just below."""
from __future__ import annotations

from dataclasses import replace

from test_checks_support import comune, plan, table

from pdfplans.model import Cell, Table
from pdfplans.verdicts.placement import judge_placement


def _at(t: Table, page: int, header_top: float) -> Table:
    """``t`` with its header printed at ``header_top`` on ``page`` and its rows below it, 11 pt apart."""
    t.headers = {"ente": Cell("Ente proprietario", page, (68.0, header_top, 141.0, header_top + 8)),
                 "unita": Cell("Numero", page, (196.0, header_top, 232.0, header_top + 7))}
    for i, cells in enumerate(t.cells):
        top = header_top + 11 * (i + 1)
        for column, cell in cells.items():
            cells[column] = replace(cell, page=page, bbox=(cell.bbox[0], top, cell.bbox[2], top + 6))
        t.records[i]["page"] = page
    return t


def _lodi() -> tuple[Table, Table]:
    b = _at(table("b_carenza_manutentiva", [{**comune("Cremona"), "unita": 2}, {**comune("Soresina"), "unita": 1}]),
            1, 710)
    j = _at(table("j_transitori", [{**comune("Cremona"), "unita": 1}]), 2, 673)
    return b, j


def test_each_table_under_its_own_header_is_right() -> None:
    assert judge_placement(plan(*_lodi())) == []


def test_two_tables_of_the_same_columns_exchanged_stand_under_each_others_header() -> None:
    b, j = _lodi()
    b.records, j.records, b.cells, j.cells = j.records, b.records, j.cells, b.cells
    reasons = {r.table: r for r in judge_placement(plan(b, j))}
    assert set(reasons) == {"b_carenza_manutentiva", "j_transitori"}
    assert "page 1 above its own header (page 2)" in reasons["j_transitori"].message
    assert "stands under the header of j_transitori (page 2)" in reasons["b_carenza_manutentiva"].message


def test_a_table_read_empty_whose_header_has_another_tables_rows_under_it() -> None:
    """j)'s rows read as e) (which the plan prints with no header: none of its units turn over)."""
    _, j = _lodi()
    e = table("e_turnover", [])
    e.records, e.cells, j.records, j.cells = j.records, j.cells, [], []
    reasons = judge_placement(plan(e, j))
    assert [r.table for r in reasons] == ["j_transitori"]
    assert "read as e_turnover" in reasons[0].message
    j.headers = {}
    assert judge_placement(plan(e, j)) == []  # no header printed: nothing says where its rows stand
