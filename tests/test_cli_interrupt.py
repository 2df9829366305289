"""Ctrl-C at any stage: the run stops at once (OCR workers and their tesseracts included), says what
was done and what was not, leaves the dataset consistent, exits 130. Progress shows on a terminal."""
from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_helpers import SAMPLES, SMALL

ROOT = Path(__file__).resolve().parent.parent
SCAN = SAMPLES / "cremonese_2023_scan.pdf"


def _tesseracts(group: int) -> int:
    count = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        name, rest = text.split("(", 1)[1].rsplit(")", 1)
        state, _parent, pgrp = rest.split()[:3]
        if name == "tesseract" and int(pgrp) == group and state != "Z":  # a zombie is dead, just not reaped
            count += 1
    return count


def _hearing_ctrl_c() -> None:
    """In the child before it runs: SIGINT back to its default, so that Python handles it. A test run
    in the background of a shell (``pytest ... &``) has it ignored, and a child inherits that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _no_tesseract_left(group: int, within: float = 5.0) -> bool:
    """Whether every tesseract of ``group`` is gone within a few seconds (a kill is not instant)."""
    deadline = time.monotonic() + within
    while _tesseracts(group):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _interrupt_during_ocr(*args: str, cwd: Path) -> tuple[int, str]:
    """Start ``pdfplans ARGS``, wait until tesseract runs, SIGINT the main process alone (harder
    than a terminal's Ctrl-C, which reaches tesseract too); its exit status and stderr."""
    child = subprocess.Popen([sys.executable, "-m", "pdfplans", *args], cwd=cwd, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, start_new_session=True,
                             preexec_fn=_hearing_ctrl_c)
    try:
        deadline, seen = time.monotonic() + 120, 0
        while not seen and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.1)
            seen = _tesseracts(child.pid)  # counted once: a page may end between two looks
        assert seen > 0, "OCR never started"
        os.kill(child.pid, signal.SIGINT)
        sent = time.monotonic()
        # Before, the pool finished every queued page first (40-76 s); then the workers their
        # page's image stages (2-4 s on a loaded machine), which Python waits for before it exits.
        _, err = child.communicate(timeout=15)
        took = time.monotonic() - sent
        assert took < 2.0, f"{took:.1f} s from Ctrl-C to the end"
        assert _no_tesseract_left(child.pid), "tesseract left running"
        return child.returncode, err
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.communicate()


def test_a_worker_interrupted_within_a_page_stops_at_the_next_stage(monkeypatch):
    """Ctrl-C while a worker turns its page straight: it goes no further into the page (Python
    joins the pool's threads before it exits, so whatever they do delays the end)."""
    import numpy

    from pdfplans.extractors import cancel, ocr

    def interrupted_here(gray):
        cancel.kill_all()  # what the main thread does on Ctrl-C, while this worker is in this stage
        return 0.0

    def never(*_args, **_kwargs):
        raise AssertionError("the page went on after Ctrl-C")

    monkeypatch.setattr(ocr, "estimate_skew", interrupted_here)
    monkeypatch.setattr(ocr, "deskew", never)
    page = numpy.full((400, 300), 255, dtype=numpy.uint8)
    try:
        with pytest.raises(cancel.Cancelled):
            ocr.read_image(page, 1)
        with pytest.raises(cancel.Cancelled):  # the line masks' runs, counted one by one in Python
            ocr.rules_from_mask(numpy.full((40, 300), 255, dtype=numpy.uint8), True, 0.24)
    finally:
        cancel.start()


def test_ctrl_c_during_ocr_stops_extract_at_once(tmp_path):
    status, err = _interrupt_during_ocr("extract", str(SCAN), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert status == 130, err
    assert "interrupted" in err and f"not done (1): {SCAN.name}" in err and "Traceback" not in err
    assert not any((tmp_path / "out").glob("*.csv"))


def _read_terminal(main: int, until, deadline: float) -> bytes:
    """What the child draws on the terminal ``main``, until ``until(shown)`` or its end or the deadline."""
    shown = b""
    while time.monotonic() < deadline and not until(shown):
        ready, _, _ = select.select([main], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            shown += chunk
    return shown


def test_ctrl_c_during_an_import_keeps_whole_plans_only(tmp_path):
    """Ctrl-C once the small plan is in (the import's bar says so) and the scan is in OCR: the
    small plan stays, whole; the scan is named as not done; no tesseract is left."""
    from pdfplans import open_dataset
    from pdfplans.inputs import file_sha256

    db = tmp_path / "p.duckdb"
    main, side = pty.openpty()  # the import's bar, on a terminal, says which plans are in
    child = subprocess.Popen([sys.executable, "-m", "pdfplans", "import", str(SMALL), str(SCAN), "--db", str(db),
                              "-j", "2"], stdout=subprocess.PIPE, stderr=side, cwd=tmp_path, start_new_session=True,
                             env={**os.environ, "COLUMNS": "200"}, preexec_fn=_hearing_ctrl_c)  # the bar's file name never cut
    os.close(side)
    try:
        written = f"imported {SMALL.name}".encode()
        shown = _read_terminal(main, lambda shown: written in shown and _tesseracts(child.pid) > 0,
                               time.monotonic() + 120)
        assert written in shown and _tesseracts(child.pid) > 0, shown[-400:]
        os.kill(child.pid, signal.SIGINT)
        shown += _read_terminal(main, lambda _: False, time.monotonic() + 15)
        status = child.wait(timeout=15)
        assert _no_tesseract_left(child.pid), "tesseract left running"
    finally:
        os.close(main)
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
    said = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", shown).decode()
    assert status == 130, said[-400:]
    assert "interrupted" in said and "Traceback" not in said
    assert f"done (1): {SMALL.name}" in said and f"not done (1): {SCAN.name}" in said
    with open_dataset(db) as ds:
        imported = set(ds.plans["sha256"])
        tables = set(ds.query("SELECT DISTINCT plan_sha256 FROM cells")["plan_sha256"])
    assert imported == tables == {file_sha256(SMALL)}  # the small plan in, whole; nothing of the scan


def test_ctrl_c_while_a_new_database_is_made_leaves_no_file(tmp_path, monkeypatch):
    """Its tables are made together or not at all: a file with half of them could not be read."""
    from pdfplans.dataset import layout
    from pdfplans.dataset.stores import DuckDBStore

    made = layout.create_sql

    def cut(name: str) -> str:
        if name == layout.CELLS:
            raise KeyboardInterrupt
        return made(name)

    monkeypatch.setattr(layout, "create_sql", cut)
    with pytest.raises(KeyboardInterrupt):
        DuckDBStore(tmp_path / "p.duckdb")
    assert list(tmp_path.iterdir()) == []


def test_ocr_reports_every_page_to_whoever_listens(tmp_path):
    import pypdfium2

    from pdfplans.extractors import ocr
    from pdfplans.extractors.page import PageContent
    from pdfplans.progress import observing

    cut = tmp_path / "two_pages.pdf"
    subprocess.run(["qpdf", str(SCAN), "--pages", str(SCAN), "1-2", "--", str(cut)], check=True)
    heard: list[tuple[str, int, int]] = []
    document = pypdfium2.PdfDocument(str(cut))
    try:
        pages = [PageContent(number=n, width=595.0, height=842.0) for n in (1, 2)]
        with observing(lambda *event: heard.append(event)):
            ocr.read_pages(document, pages, str(cut), [])
    finally:
        document.close()
    assert heard == [("OCR", 1, 2), ("OCR", 2, 2)]
    assert all(p.words for p in pages)


def _on_a_terminal(command: tuple[str, ...], cwd: Path, timeout: float = 60) -> tuple[int, bytes]:
    """``pdfplans COMMAND`` with its stderr on a pseudo-terminal: exit status and all it drew there."""
    main, side = pty.openpty()
    # a terminal that draws (TERM=dumb, as in a bare chroot or a CI shell, makes rich draw nothing)
    child = subprocess.Popen([sys.executable, "-m", "pdfplans", *command], stdout=subprocess.PIPE, stderr=side,
                             cwd=cwd, env={**os.environ, "TERM": "xterm-256color"})
    os.close(side)
    shown = _read_terminal(main, lambda _shown: False, time.monotonic() + timeout)
    child.wait(timeout=timeout)
    os.close(main)
    return child.returncode, shown


@pytest.mark.parametrize("command", [("extract", str(SMALL), "--out", "a"), ("check", str(SMALL))], ids=["extract", "check"])
def test_progress_shows_on_a_terminal_only(tmp_path, command):
    status, shown = _on_a_terminal(command, tmp_path)
    assert status in (0, 1)  # check: 1, the plan has discrepancies
    assert b"reading" in shown and SMALL.name.encode() in shown
    again = tuple("b" if word == "a" else word for word in command)
    piped = subprocess.run([sys.executable, "-m", "pdfplans", *again], capture_output=True, text=True, cwd=tmp_path)
    assert piped.returncode == status and "reading" not in piped.stderr


# A line that starts where the terminal's line starts: after a newline or a cleared line, whatever
# colours or cursor codes come between (a bar drawn on the same line would be text in between).
_AT_LINE_START = rb"(?:\n|\r\x1b\[2K)(?:\x1b\[[0-9;?]*[A-Za-z]|\r)*"


@pytest.mark.parametrize("command", ["extract", "check"])
def test_ocr_progress_advances_page_by_page_on_a_terminal(tmp_path, command):
    cut = tmp_path / "tre_pagine.pdf"  # three scanned pages: more than the two OCR workers take at once
    subprocess.run(["qpdf", str(SCAN), "--pages", str(SCAN), "1-3", "--", str(cut)], check=True)
    status, shown = _on_a_terminal((command, str(cut), *(("--out", "o") if command == "extract" else ())), tmp_path,
                                   timeout=180)
    assert status == 2  # three pages of a plan are no plan: no table found
    counts = {int(done) for done in re.findall(rb"tre_pagine\.pdf: OCR [^\r\n]*?(?<![0-9])([0-3])/3(?![0-9])", shown)}
    assert 3 in counts and counts & {1, 2}, counts  # a page at a time, not only the end
    # the error comes on its own line, not glued to the bar drawn before it
    assert re.search(_AT_LINE_START + rb"error: [^\n]*tre_pagine\.pdf", shown), shown[-600:]


def test_ctrl_c_while_the_report_is_drawn_says_the_plans_were_read_and_the_report_not_written(tmp_path,
                                                                                               monkeypatch):
    from cli_helpers import run

    import pdfplans.checks

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pdfplans.checks, "render_report", interrupted)
    result = run("check", SMALL, "-o", tmp_path / "r.html")
    assert result.exit_code == 130, result.output
    assert f"done (1): {SMALL.name}" in result.stderr and "not done (1): the report r.html" in result.stderr
    assert list(tmp_path.iterdir()) == []  # no report, and no half of one


_CTRL_C_ON_ANOTHER_THREAD = """
import signal, sys, threading, time
from pdfplans.dataset import importer
from pdfplans.inputs import file_sha256

first = threading.Event()

def press():  # the kernel may hand a process's SIGINT to any thread: here, to this one
    first.wait()  # the small plan is read: the main thread now waits for the scan alone
    time.sleep(0.5)
    global pressed
    pressed = time.monotonic()
    signal.pthread_kill(threading.get_ident(), signal.SIGINT)

threading.Thread(target=press, daemon=True).start()
files = [(f, file_sha256(f)) for f in sys.argv[1:]]
try:
    for parsed in importer._parse_all(files, 2):
        print("parsed", parsed.file, flush=True)
        first.set()
except KeyboardInterrupt:
    print(f"heard after {time.monotonic() - pressed:.2f} s", flush=True)
"""


def test_ctrl_c_landing_on_another_thread_still_stops_an_import(tmp_path):
    """The main thread waiting for the workers must hear it too, not when the next plan is read."""
    cut = tmp_path / "tre_pagine.pdf"
    subprocess.run(["qpdf", str(SCAN), "--pages", str(SCAN), "1-3", "--", str(cut)], check=True)
    done = subprocess.run([sys.executable, "-c", _CTRL_C_ON_ANOTHER_THREAD, str(SMALL), str(cut)],
                          capture_output=True, text=True, timeout=120)
    heard = re.search(r"heard after ([0-9.]+) s", done.stdout)
    assert heard, done.stdout + done.stderr
    assert float(heard.group(1)) < 2.0, done.stdout  # before: only when the scan was read, 10 s and more
    assert f"parsed {cut}" not in done.stdout
