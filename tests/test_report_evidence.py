"""Evidence an auditor can show: pictures with the row's label and the column headers, the cells
counted, the previous plan's cells, the sentence of a narrative finding, page links, counts per
severity, and OCR doubt marked. Expected texts are as the samples print them."""
from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import numpy
import pytest
from cli_helpers import run
from expected import SAMPLES
from PIL import Image
from test_checks_support import comune, plan, table
from test_report_html import dump_dom, make_pdf

from pdfplans import read_plan
from pdfplans.checks import Finding, Findings, render_report, run_checks
from pdfplans.checks.crops import Pictures
from pdfplans.checks.evidence import regions, strips
from pdfplans.model import Cell

TORRE = "COMUNE DI TORRE DE' PICENARDI"  # Allegato A, page 21, third row
DISPONIBILI = "Numero complessivo U.I. disponibili nell'anno"  # its header over ui_disponibili
RATE_SENTENCE = ("La percentuale di risposta dei Comuni in cui è presente il patrimonio abitativo pubblico, "
                 "(= n. 43) è stata pari al 62,7%.")  # page 7, two printed lines


@pytest.fixture(scope="module")
def years():
    return {year: read_plan(SAMPLES / f"cremonese_{year}.pdf") for year in (2022, 2023)}


def _one(findings, rule: str, **where):
    chosen = [f for f in findings if f.rule == rule and all(getattr(f, k) == v for k, v in where.items())]
    assert len(chosen) == 1, [f.message for f in findings if f.rule == rule]
    return chosen[0]


def _images(html: str) -> list[Image.Image]:
    return [Image.open(io.BytesIO(base64.b64decode(b))).convert("RGB")
            for b in re.findall(r'src="data:image/(?:png|jpeg);base64,([^"]+)"', html)]


def test_a_row_sum_is_one_picture_from_the_row_label_with_the_column_headers(years) -> None:
    plan_2023 = years[2023]
    finding = _one(plan_2023.check(), "allegato_a_row_sum", comune="Torre de' Picenardi")
    [region] = regions(plan_2023, finding.evidence)  # the five cells of the row: one picture
    assert len(region.shown) == 5
    shown = region.shown[0]
    assert [c.flat for c in shown.labels] == [TORRE]
    assert shown.header is not None and shown.header.flat == DISPONIBILI
    [strip] = strips(region)  # the header is just above the rows: one strip holds both
    assert strip.box[0] <= shown.labels[0].bbox[0] and strip.box[1] <= shown.header.bbox[1]
    assert strip.box[3] >= shown.cell.bbox[3] and len(strip.marks) == 5
    html = render_report(Findings([finding], [plan_2023]), [plan_2023], "html")
    caption = html[html.index("<figcaption>"):html.index("</figcaption>")]
    assert f"row 3 <b>{TORRE.replace(chr(39), '&#x27;')}</b>" in caption
    assert DISPONIBILI.replace("'", "&#x27;") in caption
    # the 88 letters of the header over ui_ristrutturazione, named by their start at a word's end
    assert "Numero U.I. disponibili per nuova edificazione, ristrutturazione, recupero…" in caption
    assert "riq…" not in caption


def test_g_against_allegato_b_shows_the_stato_cells_it_counted(years) -> None:
    finding = _one(years[2022].check(), "g_vs_allegato_b", field="ristrutturazione")
    assert (finding.expected, finding.found) == (22, 23)  # samples/README.md: 22 units listed, g says 23
    b = years[2022]["allegato_b"]
    counted = [(r, c) for t, r, c in finding.evidence if t == "allegato_b"]
    assert counted and {c for _, c in counted} == {"stato"}
    assert {b.cell(r, c).flat for r, c in counted} == {"SFITTO PER RISTRUTTURAZIONE"}


def test_a_finding_across_years_shows_the_previous_plans_cells(years) -> None:
    plans = [years[2022], years[2023]]
    finding = _one(run_checks(plans), "k_exceeds_previous_g", ente="Comune di Pessina Cremonese")
    assert finding.previous_file == years[2022].file and finding.previous_evidence
    g_2022 = years[2022]["g_assegnabili"]
    assert {(t, c) for t, _, c in finding.previous_evidence} == {("g_assegnabili", "totale")}
    assert [g_2022.cell(r, c).flat for _, r, c in finding.previous_evidence] == ["6"]  # what 2022's g foresaw
    html = render_report(Findings([finding], plans), plans, "html")
    after = html[html.index("the previous plan, cremonese_2022.pdf (2022):"):]
    assert "g_assegnabili</b>" in after and 'src="data:image/png' in after


def test_a_narrative_finding_quotes_its_sentence_and_pictures_it(years) -> None:
    plan_2023 = years[2023]
    finding = _one(plan_2023.check(), "narrative_response_rate")
    assert finding.quote == RATE_SENTENCE
    box = Pictures().locate(plan_2023.file, 7, RATE_SENTENCE)
    assert box is not None and 18 < box[3] - box[1] < 40  # both printed lines, not the paragraph
    html = render_report(Findings([finding], [plan_2023]), [plan_2023], "html")
    figure = html[html.index('<figure class="sentence">'):]
    assert figure.index("<img") < figure.index("</figure>") and "62,7%" in figure[:figure.index("</figure>")]


def test_pages_are_links_that_open_the_pdf_and_none_is_a_question_mark(tmp_path) -> None:
    pdf = SAMPLES / "cremonese_2023.pdf"
    out = tmp_path / "report" / "r.html"
    out.parent.mkdir()
    result = run("check", pdf, "-o", out)
    assert result.exit_code == 1, result.output
    html = out.read_text(encoding="utf-8")
    links = re.findall(r'href="([^"#]+)#page=(\d+)"', html)
    assert links and {(out.parent / f).resolve() for f, _ in links} == {pdf.resolve()}
    assert {int(p) for _, p in links} >= {7, 9, 10, 16, 21}  # the pages of its findings
    assert "pages ?" not in html and ">?<" not in html
    dom, _ = dump_dom(tmp_path, out)  # Chromium keeps them as links
    assert dom.count("#page=21") >= 4


def test_the_summary_counts_every_severity_a_rule_gave() -> None:
    lowered = Finding("g_row_sum", "warning", "read by OCR with low confidence", pages=[3])
    findings = Findings([Finding("g_row_sum", "error", "totale 3 but 1 + 1", pages=[3]), lowered])
    html = render_report(findings, [], "html")
    row = html[html.index('<td class="rule">g_row_sum</td>'):]
    row = row[:row.index("</tr>")]
    assert "1 error" in row and "1 warning" in row and "<td>2</td>" in row


def test_a_finding_with_no_page_says_none_was_printed() -> None:
    html = render_report(Findings([Finding("g_row_sum", "error", "no page")]), [], "html")
    assert "none printed" in html and "?" not in html[html.index('id="f1"'):]


def test_a_cell_ocr_doubted_is_marked_in_the_caption_and_outlined_orange(tmp_path: Path) -> None:
    pdf = tmp_path / "scan.pdf"
    make_pdf(pdf, [(1, 100, 100, "Cremona"), (1, 300, 100, "6")])
    g = table("g_assegnabili", [{**comune("Cremona"), "liberi": 6, "ristrutturazione": 0, "carenza_manutentiva": 0,
                                 "totale": 1, "is_total": False, "page": 1}])
    g.cells[0] = {"comune": Cell("Cremona", 1, (96, 98, 160, 118), 96.0),
                  "liberi": Cell("6", 1, (296, 98, 312, 118), 54.0)}
    the_plan = plan(g, file=str(pdf))
    finding = Finding("g_row_sum", "warning", "liberi 6 but totale 1", plan_file=str(pdf),
                      evidence=[("g_assegnabili", 0, "liberi")])
    html = render_report(Findings([finding], [the_plan]), [the_plan], "html")
    assert '<mark class="doubt">OCR 54%</mark>' in html and "<b>Cremona</b>" in html
    [image] = _images(html)
    pixels = numpy.asarray(image)
    orange = (pixels[..., 0] > 200) & (pixels[..., 1] > 80) & (pixels[..., 1] < 180) & (pixels[..., 2] < 90)
    assert orange.sum() > 50


def test_a_paragraph_in_a_caption_is_named_by_its_start() -> None:
    paragraph = ("contributo economico per le famiglie in affitto sul libero mercato in condizione di fragilità "
                 "economica a causa degli effetti del COVID-19, con requisiti stabiliti dalla delibera")
    t = table("misure_sostegno", [{"misura": "MISURA AFFITTO UNICA", "finalita": paragraph}], ocr={(0, "finalita"): 46.0})
    the_plan = plan(t)
    finding = Finding("ocr_low_confidence", "info", "1 cell", kind="extraction", plan_file=the_plan.file,
                      evidence=[("misure_sostegno", 0, "finalita")])
    html = render_report(Findings([finding], [the_plan]), [the_plan], "html")
    caption = html[html.index("<figcaption>"):html.index("</figcaption>")]
    assert "<b>MISURA AFFITTO UNICA</b>" in caption and "contributo economico per le famiglie in affitto" in caption
    assert "requisiti stabiliti" not in caption and '<mark class="doubt">OCR 46%</mark>' in caption


def test_the_text_report_has_no_question_mark_for_pages_either() -> None:
    text = render_report(Findings([Finding("g_row_sum", "error", "no page")]), [], "text", color=False)
    assert "[p. ?]" not in text and "[no page printed]" in text


def test_a_page_link_survives_spaces_and_hashes_in_the_file_name(tmp_path: Path) -> None:
    from urllib.parse import unquote

    from pdfplans.checks.report_html import page_link

    pdf = tmp_path / "piani" / "piano #2 2023.pdf"
    link = page_link(str(pdf), 3, tmp_path / "report")
    assert link == "../piani/piano%20%232%202023.pdf#page=3"
    assert (tmp_path / "report" / unquote(link.split("#page=")[0])).resolve() == pdf.resolve()


def test_a_printed_total_shows_every_addend_it_sums(years) -> None:
    from expected import load_expected

    plan_2022 = years[2022]
    finding = _one(plan_2022.check(), "a_total", field="alloggi_totali")
    assert (finding.expected, finding.found) == (4057, 4067)  # samples/README.md: TOTALE printed 4067
    rows = [r for r in load_expected("cremonese_2022", "a_consistenza") if not r["is_total"]]
    a = plan_2022["a_consistenza"]
    cited = [a.cell(r, c).flat for t, r, c in finding.evidence[1:]]
    assert len(cited) == len(rows) == 38 and a.cell(finding.evidence[0][1], "alloggi_totali").flat == "4067"
    html = render_report(Findings([finding], [plan_2022]), [plan_2022], "html")
    assert html.count("<figure>") >= 3 and "<b>ANNICCO</b>" in html and "<b>STAGNO LOMBARDO</b>" in html
