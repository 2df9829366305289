"""Bad and hostile input: a clear error or a warning naming the file (and page), never a traceback;
hostile files cost seconds and bounded memory."""
from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import hostile
import pytest
from expected import SAMPLES

from pdfplans import PlanReadError, read_plan

MEMORY_CAP = 2 * 1024**3  # the child gets 2 GB of address space: a runaway would fail, not swap


def _cli(*args: str, timeout: float = 120) -> tuple[subprocess.CompletedProcess, float]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))

    start = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "pdfplans", *args], capture_output=True, text=True,
                         timeout=timeout, preexec_fn=limit)
    return run, time.monotonic() - start


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.pdf", b"", "empty file"),
        ("letter.pdf", b"Gentile utente,\nquesto non e' un PDF.\n" * 20, "not a PDF"),
        ("noise.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 64, "corrupt or truncated"),
        ("many.pdf", hostile.many_pages_pdf(3000), "3000 pages"),
        ("text.pdf", hostile.text_page_pdf(["Una lettera qualsiasi", "senza tabelle"]), "not a plan"),
        ("huge.pdf", hostile.text_page_pdf(["testo"], "0 0 1000000 1000000"), "no text on any page"),
        ("loop.pdf", hostile.looping_tree_pdf(), ""),
    ],
)
def test_unreadable_files_get_a_clear_error(tmp_path, name, data, reason):
    path = _write(tmp_path / name, data)
    with pytest.raises(PlanReadError) as error:
        read_plan(path)
    assert str(path) in str(error.value) and reason in str(error.value)
    run, seconds = _cli("extract", str(path), "--out", str(tmp_path / "out"))
    assert run.returncode == 2 and "Traceback" not in run.stderr and name in run.stderr
    assert seconds < 30


def test_decompression_bomb_costs_seconds_and_bounded_memory(tmp_path):
    path = _write(tmp_path / "bomb.pdf", hostile.bomb_pdf(160))  # 0.4 MB inflating to 160 MB of operators
    run, seconds = _cli("extract", str(path), "--out", str(tmp_path / "out"))
    assert run.returncode == 2 and "decompression bomb" in run.stderr and "Traceback" not in run.stderr
    assert seconds < 20


def test_encrypted_pdf(tmp_path):
    encrypted = tmp_path / "locked.pdf"
    subprocess.run(["qpdf", "--encrypt", "utente", "proprietario", "256", "--",
                    str(SAMPLES / "cremonese_2023.pdf"), str(encrypted)], check=True)
    with pytest.raises(PlanReadError, match="encrypted"):
        read_plan(encrypted)


def test_truncated_pdf_is_an_error_or_a_partial_plan_never_a_traceback(tmp_path):
    data = (SAMPLES / "cremonese_2023.pdf").read_bytes()
    path = _write(tmp_path / "truncated.pdf", data[: len(data) // 2])
    run, _ = _cli("extract", str(path), "--out", str(tmp_path / "out"))
    assert run.returncode in (0, 2) and "Traceback" not in run.stderr
    if run.returncode == 2:
        assert "truncated.pdf" in run.stderr


def _mini_plan(path: Path, rows: list[list[str]]) -> None:
    """A one-page plan with only table a), drawn with reportlab."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    style = getSampleStyleSheet()["Normal"]
    grid = Table([["Ragione Sociale Ente Proprietario", "N. alloggi complessivi", "N. alloggi SAP", "N. alloggi SAS"], *rows])
    grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    SimpleDocTemplate(str(path), pagesize=A4).build([
        Paragraph("PIANO ANNUALE DELL'OFFERTA DEI SERVIZI ABITATIVI PUBBLICI E SOCIALI - ANNO 2023", style),
        Paragraph("AMBITO TERRITORIALE DI PROVA", style),
        Paragraph("a) Consistenza del patrimonio abitativo pubblico e sociale", style),
        grid,
    ])


def test_missing_tables_are_warnings_and_a_garbled_cell_names_its_page(tmp_path):
    path = tmp_path / "mini.pdf"
    _mini_plan(path, [["ANNICCO", "14", "14", "0"], ["AZZANELLO", "1x2", "12", "0"], ["TOTALE", "26", "26", "0"]])
    plan = read_plan(path)
    assert list(plan.tables) == ["a_consistenza"]
    table = plan["a_consistenza"]
    assert table.records[1]["alloggi_totali"] is None  # unreadable: null, never a guess
    unreadable = [w for w in plan.warnings if w.kind == "unreadable"]
    assert len(unreadable) == 1 and unreadable[0].page == 1 and unreadable[0].table == "a_consistenza"
    assert "1x2" in str(unreadable[0]) and "mini.pdf" in str(unreadable[0])
    missing = {w.table for w in plan.warnings if w.kind == "missing_table"}
    assert "g_assegnabili" in missing and "a_consistenza" not in missing
    run, _ = _cli("extract", str(path), "--out", str(tmp_path / "out"))
    assert run.returncode == 0 and "page 1" in run.stderr and "1x2" in run.stderr
    assert (tmp_path / "out" / "a_consistenza.csv").read_text(encoding="utf-8").count("\n") == 4


def test_qpdf_and_pdftotext_are_installed():
    # the project's setup installs them; a missing one must fail loudly, not skip
    assert shutil.which("qpdf") and shutil.which("pdftotext")
