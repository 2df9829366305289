"""OCR doubt kept in the data and said once per table; evidence fields of findings."""
from __future__ import annotations

from test_checks_support import comune, place, plan, table

from pdfplans.checks import run_checks
from pdfplans.model import Cell
from pdfplans.normalize.doubt import low_confidence_warning

PARAGRAPH = ("contributo economico per le famiglie in affitto sul libero mercato in condizione di fragilità "
             "economica a causa degli effetti del COVID-19, con requisiti stabiliti dalla delibera")


def scanned_population():
    """Five comuni of one AT: the printed "AT 3" label (one cell, carried down) and two figures doubtful."""
    names = ["Cremona", "Cella Dati", "Soresina", "Vescovato", "Ostiano"]
    rows = [{**place(n), "at": "AT 3", "popolazione": 1000 + i, "is_total": False, "page": 6}
            for i, n in enumerate(names)]
    t = table("popolazione", rows, page=6, ocr={(i, c): 95.0 for i in range(5) for c in ("comune", "popolazione")})
    label = Cell("AT 3", 6, (40, 40, 90, 52), 26.0)
    for cells in t.cells:
        cells["at"] = label  # the same printed cell behind every row of the AT
    t.cells[1]["popolazione"] = Cell("1001", 6, (100, 76, 150, 90), 54.0)
    t.cells[3]["popolazione"] = Cell("1003", 6, (100, 108, 150, 122), 79.0)
    return t


def test_low_confidence_is_one_warning_per_table_naming_rows_and_columns() -> None:
    warning = low_confidence_warning("scan.pdf", scanned_population())
    assert warning is not None and warning.kind == "low_confidence" and warning.table == "popolazione"
    # three printed cells are doubtful: the AT label counts once, not once per row it is carried into
    assert warning.cells == ((0, "at"), (1, "popolazione"), (3, "popolazione"))
    text = str(warning)
    assert text.startswith("scan.pdf, page 6, popolazione: 3 cells read by OCR with confidence below 80")
    assert "worst: row 1 at 'AT 3' (26), row 2 popolazione '1001' (54), row 4 popolazione '1003' (79)" in text


def test_a_doubtful_paragraph_is_named_by_its_start_not_quoted_whole() -> None:
    t = table("misure_sostegno", [{"misura": "Misura Unica", "finalita": PARAGRAPH}],
              ocr={(0, "finalita"): 61.0})
    warning = low_confidence_warning("scan.pdf", t)
    assert warning is not None and len(str(warning)) < 160
    assert "row 1 finalita 'contributo economico per le…' (61)" in str(warning)  # no word shown broken


def test_confident_ocr_and_text_layers_give_no_warning() -> None:
    confident = table("popolazione", [{**place("Cremona"), "popolazione": 7, "is_total": False}],
                      ocr={(0, "popolazione"): 93.0})
    assert low_confidence_warning("scan.pdf", confident) is None
    assert low_confidence_warning("plan.pdf", table("popolazione", [{**place("Cremona"), "popolazione": 7}])) is None


def test_grouped_doubt_is_one_extraction_finding_showing_the_worst_cells() -> None:
    t = scanned_population()
    warning = low_confidence_warning("scan.pdf", t)
    findings = run_checks([plan(t, warnings=[warning])]).where(rule="ocr_low_confidence")
    assert len(findings) == 1 and findings[0].kind == "extraction"
    assert findings[0].evidence == [("popolazione", 0, "at"), ("popolazione", 1, "popolazione"),
                                    ("popolazione", 3, "popolazione")]
    assert findings[0].pages == [6]


def test_a_warning_about_one_cell_names_its_row_counted_from_one() -> None:
    from pdfplans.errors import PlanWarning

    warning = PlanWarning("p.pdf", "ente 'X' could not be resolved", 9, "g_assegnabili", kind="unresolved",
                          row=0, column="ente")
    assert str(warning) == "p.pdf, page 9, g_assegnabili, row 1: ente 'X' could not be resolved"


def test_table_confidence_has_the_shape_of_raw_and_keeps_each_cells_doubt() -> None:
    t = scanned_population()
    frame = t.confidence
    assert list(frame.columns) == list(t.raw.columns) and len(frame) == len(t.raw)
    assert frame.loc[1, "popolazione"] == 54.0 and frame.loc[0, "popolazione"] == 95.0
    assert frame.loc[4, "at"] == 26.0 and frame["page"].tolist() == [6] * 5
    text_layer = table("popolazione", [{**place("Cremona"), "popolazione": 7, "is_total": False}])
    assert text_layer.confidence["popolazione"].isna().all()


def test_csv_with_confidence_flags_the_doubtful_cell_in_the_file(tmp_path) -> None:
    import csv

    from pdfplans.export import write_table

    t = scanned_population()
    write_table(t, tmp_path / "plain.csv")
    write_table(t, tmp_path / "doubt.csv", with_confidence=True)
    plain = list(csv.DictReader(open(tmp_path / "plain.csv", encoding="utf-8")))
    doubt = list(csv.DictReader(open(tmp_path / "doubt.csv", encoding="utf-8")))
    assert not any(k.endswith("_confidence") for k in plain[0])  # the contract of tables.md by default
    assert list(doubt[0])[: len(plain[0])] == list(plain[0])  # extra columns only after the canonical ones
    assert doubt[1]["popolazione"] == "1001" and doubt[1]["popolazione_confidence"] == "54.0"
    assert doubt[0]["at_confidence"] == "26.0" and "is_total_confidence" not in doubt[0]


def test_dataset_cells_table_keeps_the_ocr_confidence(tmp_path) -> None:
    import duckdb

    from pdfplans.dataset.importer import import_plans

    the_plan = plan(scanned_population(), file=str(tmp_path / "scan.pdf"))
    import_plans([the_plan], tmp_path / "d.duckdb")
    with duckdb.connect(str(tmp_path / "d.duckdb"), read_only=True) as db:
        rows = db.execute("SELECT row, confidence FROM cells WHERE table_id = 'popolazione' AND \"column\" = "
                          "'popolazione' ORDER BY row").fetchall()
    assert rows == [(1, 95.0), (2, 54.0), (3, 95.0), (4, 79.0), (5, 95.0)]  # rows count from 1


def test_a_doubtful_cell_behind_a_derived_column_is_named_by_the_printed_one() -> None:
    # Allegato A of the scan: "COMUNE DI CASALBUTTANO ED UNITI" is read for ente; ente_tipo comes from it
    t = table("allegato_a", [{**comune("Cremona")}], page=21)
    printed = Cell("COMUNE DI CASALBUTTANO ED UNITI", 21, (40, 60, 200, 74), 64.0)
    t.cells[0] = {"ente": printed, "comune": printed, "ente_tipo": printed, "comune_istat": printed}
    warning = low_confidence_warning("scan.pdf", t)
    assert warning is not None and warning.cells == ((0, "ente"),)
    assert "row 1 ente 'COMUNE DI CASALBUTTANO ED…' (64)" in str(warning)


def test_a_notebook_shows_the_doubtful_values_shaded_with_their_confidence() -> None:
    shown = scanned_population()._repr_html_()
    assert '<td style="background:#ffd9a8" title="OCR 54%">1001</td>' in shown
    assert "<td>1000</td>" in shown and 'title="OCR 95%"' not in shown  # a confident value is plain
    assert shown.count('title="OCR 26%">AT 3</td>') == 5  # the label behind every row of the AT
