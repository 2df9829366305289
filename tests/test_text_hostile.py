"""A text layer that fights back (issue 10, items 4 and 5): characters no writer can take are removed
at the reader, counted and said per page, and never reach CSV, JSON, HTML or the dataset; glyphs that
say nothing (private-use, "(cid:N)") are a page warning and no words for the table reader; a table
whose caption stands with no readable body is named with the caption's page.

The files are the real plan (samples/cremonese_2023.pdf) changed by an incremental update
(tests/hostile_text.py). Pages and captions below are read off that PDF: table g's caption
"g) Numero complessivo delle unità abitative destinate a SAP ..." ends on page 9 and its rows run on
to page 10; Allegato A's caption "ALL A-POA 2023- REPORT PIATTAFORMA INFORMATICA REGIONALE" heads
page 21, and page 20 lists it ("All A) report sintetico estratto dal modulo di Programmazione ...").
"""
from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import hostile_text
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from expected import SAMPLES

from pdfplans.extractors.textlayer import PageText, clean, unwritable

PLAN = SAMPLES / "cremonese_2023.pdf"
EXPECTED = SAMPLES / "expected" / "cremonese_2023"
G_CAPTION_PAGE, G_SECOND_PAGE = 9, 10
ALLEGATO_A_PAGE, ANNEXES_PAGE = 21, 20
# every character the hostile ToUnicode adds: none may come out of any writer
HOSTILE = frozenset("".join(hostile_text.HOSTILE.values())) - set("AOEiao10enrtNC2")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("text_hostile")
    below_g = hostile_text.bottom(PLAN, G_CAPTION_PAGE, "nell'anno (somma") - 1
    below_a = hostile_text.bottom(PLAN, ALLEGATO_A_PAGE, "REPORT PIATTAFORMA INFORMATICA") - 1
    built = {
        "unwritable": hostile_text.unwritable_plan(PLAN),
        "g_private": hostile_text.unreadable_below(PLAN, {G_CAPTION_PAGE: below_g, G_SECOND_PAGE: 1e4}),
        "g_cid": hostile_text.unreadable_below(PLAN, {G_CAPTION_PAGE: below_g, G_SECOND_PAGE: 1e4},
                                               hostile_text.cid_name),
        "a_body_gone": hostile_text.unreadable_below(PLAN, {ALLEGATO_A_PAGE: below_a}, None),
        "a_page_gone": hostile_text.without_page(PLAN, ALLEGATO_A_PAGE),
    }
    out = {}
    for name, data in built.items():
        out[name] = folder / f"{name}.pdf"
        out[name].write_bytes(data)
    return out


def _cli(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pdfplans", *map(str, args)], capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def extracted(files: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple]:
    """name → (completed extract run, its output folder), for every built file."""
    folder = tmp_path_factory.mktemp("extracted")
    return {name: (_cli("extract", path, "-o", folder / name), folder / name) for name, path in files.items()}


def _hostile_in(text: str) -> set[str]:
    """Hostile characters in ``text``, raw or as a JSON escape."""
    found = {ch for ch in text if ch in HOSTILE}
    escapes = {chr(int(h, 16)) for h in re.findall(r"\\u([0-9a-fA-F]{4})", text)}
    return found | (escapes & HOSTILE)


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "surrogatepass")  # a lone surrogate would be seen, not refused


def _hostile_count(path: Path, page: int) -> int:
    """How many hostile characters pdfium's text layer gives on ``page`` (the reader's raw input)."""
    document = pdfium.PdfDocument(str(path))
    try:
        text = document[page - 1].get_textpage()  # kept: the raw handle lives as long as it does
        codes = [pdfium_c.FPDFText_GetUnicode(text.raw, i) for i in range(pdfium_c.FPDFText_CountChars(text.raw))]
    finally:
        document.close()
    # pdfium gives a character beyond the BMP as its two UTF-16 halves: join them as UTF-16 does
    text = "".join(map(chr, codes)).encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return sum(1 for ch in text if ch in HOSTILE)


# -- the code points no writer can take --------------------------------------------------------

@pytest.mark.parametrize("code", [0x00, 0x07, 0x1B, 0x7F, 0x85, 0x9F, 0x200E, 0x202A, 0x202E, 0x2066, 0x2069, 0x2028,
                                  0x2029, 0xD800, 0xDFFF, 0xFDD0, 0xFDEF, 0xFEFF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF])
def test_unwritable_code_points(code: int) -> None:
    assert unwritable(code)


@pytest.mark.parametrize("text", ["a", "à", "€", "•", "✓", "\t", "\n", "\u00a0", "\ue000", "\U0001f600"])
def test_printable_text_is_kept(text: str) -> None:
    assert clean(text) == (text, 0)


def test_a_few_private_use_marks_are_symbols_many_are_unreadable_text() -> None:
    bullets = PageText.of(1, [0xF0B7, 0x61, 0xF0B7, 0xF0A7, 0xF0FC])  # Word's Symbol bullets and a tick
    assert not bullets.skip(0xF0B7)
    text = PageText.of(1, [0xE000 + c for c in range(40)])
    assert text.skip(0xE005) and text.unreadable == 1


# -- item 4: unwritable characters in the text layer -------------------------------------------

def test_unwritable_plan_is_hostile_to_begin_with(files: dict[str, Path]) -> None:
    assert _hostile_count(files["unwritable"], G_CAPTION_PAGE) > 100
    assert _hostile_count(PLAN, G_CAPTION_PAGE) == 0


def test_extract_reads_the_plan_and_says_what_it_removed(files: dict[str, Path], extracted: dict) -> None:
    run, folder = extracted["unwritable"]
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    expected = _hostile_count(files["unwritable"], G_CAPTION_PAGE)
    line = f"warning: {files['unwritable']}, page {G_CAPTION_PAGE}: text layer: {expected} characters"
    assert line in run.stderr
    warnings = json.loads(_read(folder / "plan.json"))["warnings"]
    assert any(w["page"] == G_CAPTION_PAGE and f"{expected} characters" in w["message"] for w in warnings)


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_removed_characters_leave_the_plan_as_printed(extracted: dict) -> None:
    """Every hostile character came after or before a letter: without them the tables are the plan's
    (samples/expected, transcribed from the print)."""
    _, folder = extracted["unwritable"]
    expected_files = sorted(EXPECTED.glob("*.csv"))
    assert len(expected_files) == 22
    for expected in expected_files:
        want, got = _rows(expected), _rows(folder / expected.name)
        assert [{k: row[k] for k in want[0]} for row in got] == want if want else not got, expected.name


def test_no_writer_sees_them(files: dict[str, Path], extracted: dict, tmp_path: Path) -> None:
    _, folder = extracted["unwritable"]
    written = sorted(folder.glob("*.csv")) + [folder / "plan.json"]
    for fmt in ("json", "html"):
        check = _cli("check", files["unwritable"], "--format", fmt, "-o", tmp_path / f"report.{fmt}")
        original = _cli("check", PLAN, "--format", fmt, "-o", tmp_path / f"original.{fmt}")
        assert check.returncode == original.returncode, check.stderr
        assert "Traceback" not in check.stderr
        written.append(tmp_path / f"report.{fmt}")
    assert len(written) > 20
    for path in written:
        assert not _hostile_in(_read(path)), path.name


def test_the_dataset_never_sees_them(files: dict[str, Path], tmp_path: Path) -> None:
    import duckdb

    db = tmp_path / "plans.duckdb"
    run = _cli("import", files["unwritable"], "--db", db, "-j", "1")
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    connection = duckdb.connect(str(db), read_only=True)
    try:
        tables = [row[0] for row in connection.execute("select table_name from information_schema.tables").fetchall()]
        rows = 0
        for table in tables:
            for row in connection.execute(f'select * from "{table}"').fetchall():
                rows += 1
                for value in row:
                    assert not (isinstance(value, str) and _hostile_in(value)), (table, value)
    finally:
        connection.close()
    assert rows > 300


# -- item 5: a caption with no readable body ---------------------------------------------------

def _named(run: subprocess.CompletedProcess, path: Path, page: int, table: str) -> list[str]:
    return [line for line in run.stderr.splitlines()
            if line.startswith(f"warning: {path}, page {page}, {table}: ") and ("missing" in line or "suspect" in line)]


@pytest.mark.parametrize("name, what", [("g_private", "private-use glyphs"), ("g_cid", "(cid:N) glyph names")])
def test_unreadable_glyphs_are_a_page_warning_and_no_words(files: dict[str, Path], extracted: dict, name: str,
                                                           what: str) -> None:
    run, folder = extracted[name]
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    for page in (G_CAPTION_PAGE, G_SECOND_PAGE):
        assert re.search(rf"^warning: {re.escape(str(files[name]))}, page {page}: text layer unreadable "
                         rf"\({re.escape(what)}\) — \d+ glyphs", run.stderr, re.MULTILINE), run.stderr
    # the table the caption stands for is named, at the caption's page
    assert _named(run, files[name], G_CAPTION_PAGE, "g_assegnabili"), run.stderr
    for path in [*folder.glob("*.csv"), folder / "plan.json"]:
        text = _read(path)
        assert not re.search("[\ue000-\uf8ff]|\\(cid:\\d+\\)", text), path.name


def test_unreadable_glyphs_are_not_read_as_words(files: dict[str, Path]) -> None:
    from pdfplans import read_plan

    plan = read_plan(files["g_private"], ocr=False)
    assert not [t for _, t in plan.text if re.search("[\ue000-\uf8ff]", t)]
    # with no OCR table g's rows are lost: the plan says so, at the caption's page
    assert "g_assegnabili" in plan.missing
    reason = plan.missing["g_assegnabili"].reasons[0]
    assert reason.page == G_CAPTION_PAGE and "text layer unreadable" in reason.message
    # a table above the caption on that page reads as it did
    assert "e_libere" in plan.tables and plan.tables["e_libere"].verdict.ok


def test_a_caption_over_no_table_names_it(files: dict[str, Path], extracted: dict) -> None:
    run, _ = extracted["a_body_gone"]
    assert run.returncode == 0 and "Traceback" not in run.stderr
    lines = _named(run, files["a_body_gone"], ALLEGATO_A_PAGE, "allegato_a")
    assert lines and "missing" in lines[0] and "ALL A-POA 2023" in lines[0], run.stderr


def test_a_page_dropped_under_its_announcement_names_it(files: dict[str, Path], extracted: dict) -> None:
    run, folder = extracted["a_page_gone"]
    assert run.returncode == 0 and "Traceback" not in run.stderr
    lines = _named(run, files["a_page_gone"], ANNEXES_PAGE, "allegato_a")
    # announced by its own line of the annexes ("All A) ..."), not by "All.B) ... alla parte seconda"
    assert lines and "'All A) report sintetico" in lines[0], run.stderr
    assert not (folder / "allegato_a.csv").exists()
