"""The HTML report renders in headless Chromium, shows every finding, crops the PDF, escapes PDF text."""
from __future__ import annotations

import base64
import html
import io
import re
import subprocess
from pathlib import Path

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from test_checks_support import comune, plan, table

from pdfplans.checks import render_report, run_checks
from pdfplans.errors import PlanWarning
from pdfplans.model import Cell

CHROMIUM = "/usr/bin/chromium"
HOSTILE = "<script>alert('pwned')</script>"
WIDTH, HEIGHT = A4


def make_pdf(path: Path, cells: list[tuple[int, float, float, str]]) -> None:
    """Write ``text`` at (x, top) on 1-based ``page`` (top-left origin, as Cell.bbox)."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in sorted({c[0] for c in cells}):
        for p, x, top, text in cells:
            if p == page:
                pdf.setFont("Helvetica-Bold", 14)
                pdf.drawString(x, HEIGHT - top - 14, text)
        pdf.showPage()
    pdf.save()


def build(tmp_path: Path):
    pdf = tmp_path / "piano.pdf"
    make_pdf(pdf, [(1, 100, 100, "2"), (1, 200, 100, "1"), (2, 100, 300, HOSTILE)])
    g = table("g_assegnabili", [{**comune("Cremona"), "liberi": 1, "liberi_turnover": 0, "ristrutturazione": 0,
                                 "carenza_manutentiva": 0, "totale": 2, "is_total": False, "page": 1}])
    g.cells[0]["totale"] = Cell("2", 1, (96, 98, 116, 118))
    g.cells[0]["liberi"] = Cell("1", 1, (196, 98, 216, 118))
    g.cells[0]["ente"] = Cell(HOSTILE, 2, (96, 298, 330, 318))
    warning = PlanWarning(str(pdf), "cannot read the value", page=2, table="g_assegnabili", kind="unreadable",
                          row=0, column="ente", text=HOSTILE)
    the_plan = plan(g, file=str(pdf), warnings=[warning], ambito="Cremonese <b>&</b>")
    return the_plan, run_checks([the_plan])


def dump_dom(tmp_path: Path, page: Path) -> tuple[str, str]:
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--enable-logging=stderr", "--v=0", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=90, check=True)
    return done.stdout, done.stderr


def test_html_report_renders_every_finding_with_crops_and_escapes(tmp_path: Path) -> None:
    the_plan, findings = build(tmp_path)
    assert [f.rule for f in findings] == ["g_row_sum", "extraction_unreadable_value"]
    page = tmp_path / "report.html"
    page.write_text(render_report(findings, [the_plan], "html"), encoding="utf-8")
    source = page.read_text(encoding="utf-8")
    assert "<script" not in source.lower() and "http://" not in source and "https://" not in source
    dom, log = dump_dom(tmp_path, page)
    assert "Uncaught" not in log and "SyntaxError" not in log
    assert "<script" not in dom.lower()  # the hostile PDF text stayed text
    assert html.escape(HOSTILE, quote=False) in dom
    for finding in findings:
        assert html.escape(finding.message, quote=False) in dom
    assert dom.count('class="finding ') == len(findings)
    # each evidence cell is shown as a crop of the PDF, and the crop holds printed ink
    uris = re.findall(r'src="data:image/png;base64,([^"]+)"', source)
    assert len(uris) == 2  # g_row_sum: totale and liberi, one row in one picture; the unreadable cell
    image = Image.open(io.BytesIO(base64.b64decode(uris[0]))).convert("L")
    assert image.size[0] > 20 and image.size[1] > 20
    assert image.getextrema()[0] < 100  # dark text pixels, not a blank region


def test_missing_pdf_skips_crops_gracefully(tmp_path: Path) -> None:
    the_plan, findings = build(tmp_path)
    the_plan.file = str(tmp_path / "gone.pdf")
    for finding in findings:
        finding.plan_file = the_plan.file
    report = render_report(findings, [the_plan], "html")
    assert "data:image/png" not in report and "(PDF not available)" in report
    assert all(html.escape(f.message) in report for f in findings)
