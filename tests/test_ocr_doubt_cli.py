"""OCR doubt through the command line: --with-confidence columns, one warning line per table, and the
--debug picture marking the doubtful cells, on one scanned page (table g of the 2023 scan, page 9)."""
from __future__ import annotations

import csv
import json
import re
import subprocess

import numpy
from cli_helpers import SAMPLES, SMALL, run
from PIL import Image

from pdfplans.schema import TABLE_COLUMNS

LOW = 80.0  # the confidence below which a cell is doubtful (extractors.page.LOW_CONFIDENCE)


def _rows(path):
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_a_scanned_page_keeps_each_cells_confidence_and_marks_the_doubtful(tmp_path):
    page = tmp_path / "g_page.pdf"
    subprocess.run(["qpdf", "--empty", "--pages", str(SAMPLES / "cremonese_2023_scan.pdf"), "9", "--", str(page)],
                   check=True)
    out, debug = tmp_path / "out", tmp_path / "debug"
    result = run("extract", page, "--out", out, "--with-confidence", "--debug", debug)
    assert result.exit_code == 0, result.output
    rows = _rows(out / "g_assegnabili.csv")
    assert [r["comune"] for r in rows[:3]] == ["Cremona", "Annicco", "Bonemerse"]  # as page 9 prints them
    canonical = list(TABLE_COLUMNS["g_assegnabili"])
    assert list(rows[0])[: len(canonical)] == canonical and "liberi_confidence" in rows[0]
    doubtful = []
    for number, row in enumerate(rows, start=1):
        for column in ("comune", "liberi", "ristrutturazione", "carenza_manutentiva", "totale"):
            confidence = float(row[f"{column}_confidence"])  # every printed value has one
            assert 0 <= confidence <= 100
            if confidence < LOW:
                doubtful.append(f"row {number} {column}")
    lines = [l for l in result.stderr.splitlines() if "g_assegnabili: " in l and "read by OCR with confidence" in l]
    assert len(lines) == (1 if doubtful else 0)  # one line for the table, not one per cell
    if doubtful:
        assert f"{len(doubtful)} cell" in lines[0] and all(d in lines[0] for d in doubtful[:3])
    # plan.json, the default output, lists every doubtful cell too (rows from 1), each truly below 80
    warned = [w for w in json.loads((out / "plan.json").read_text())["warnings"]
              if w["kind"] == "low_confidence" and w["table"] == "g_assegnabili"]
    named = {(c["row"], c["column"]) for w in warned for c in w["cells"]}
    assert {f"row {r} {c}" for r, c in named} >= set(doubtful) and bool(named) == bool(doubtful)
    assert all(float(rows[r - 1][f"{c}_confidence"]) < LOW for r, c in named)
    pixels = numpy.asarray(Image.open(debug / "page-001.png").convert("RGB")).astype(int)
    orange = (abs(pixels[..., 0] - 240) < 12) & (abs(pixels[..., 1] - 130) < 12) & (pixels[..., 2] < 20)
    assert (orange.sum() > 20) == bool(doubtful)  # the debug picture marks exactly when OCR doubted


def test_a_text_layer_has_confidence_columns_left_empty(tmp_path):
    result = run("extract", SMALL, "--out", tmp_path / "o", "--with-confidence")
    assert result.exit_code == 0, result.output
    rows = _rows(tmp_path / "o" / "g_assegnabili.csv")
    doubt = [c for c in rows[0] if c.endswith("_confidence")]
    assert doubt and all(r[c] == "" for r in rows for c in doubt)
    assert not re.search(r"read by OCR", result.stderr)
