"""HTML audit report: one self-contained file (inline CSS, images as data URIs, no script).

Each finding shows its two figures, the rule, the pages, and a crop of every printed cell involved,
rendered from the PDF at the bounding box kept by the extraction, so the auditor sees the print
without opening the PDF. Every text that comes from a PDF is escaped.
"""
from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .context import fmt
from .findings import SEVERITIES, Finding, Findings
from .registry import FAMILIES, RULES

if TYPE_CHECKING:
    from ..model import Cell, Plan

MAX_CROPS = 8  # per finding: a total's dozens of addends would bury the figure that matters
PAD_X = 70.0  # points of context left and right of a cell: the neighbouring cells of its row
PAD_Y = 5.0  # points above and below: the row itself
SCALE = 3

CSS = """
body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2rem auto;max-width:1100px;
color:#1d2330;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{margin-top:2rem;border-bottom:2px solid #dde;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccd;padding:.25rem .5rem;text-align:left;
vertical-align:top}th{background:#f3f4f8}
.cards{display:flex;gap:1rem;margin:1rem 0}.card{border-radius:8px;padding:.6rem 1rem;min-width:8rem;color:#fff}
.card b{font-size:1.6rem;display:block}.error{background:#c62828}.warning{background:#e08a00}.info{background:#1769aa}
.extr{background:#6b6f7b}
.finding{border:1px solid #dde;border-left:6px solid #999;border-radius:6px;padding:.6rem 1rem;margin:1rem 0;
background:#fcfcfe}.finding.sev-error{border-left-color:#c62828}.finding.sev-warning{border-left-color:#e08a00}
.finding.sev-info{border-left-color:#1769aa}.badge{display:inline-block;border-radius:4px;color:#fff;
padding:0 .4rem;font-size:.8rem;font-weight:600;margin-right:.4rem}.rule{font-family:ui-monospace,monospace;
font-weight:600}.desc{color:#667}.msg{font-size:1.05rem;margin:.4rem 0}
.figs{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.4rem;margin:.4rem 0}
.fig{background:#f3f4f8;border-radius:4px;padding:.3rem .5rem}.fig span{display:block;color:#667;font-size:.8rem}
.crops{display:flex;flex-wrap:wrap;gap:.8rem;margin-top:.5rem}figure{margin:0;border:1px solid #dde;padding:.3rem;
background:#fff;max-width:100%}figure img{display:block;max-width:520px;max-height:160px;image-rendering:auto}
figcaption{font-size:.8rem;color:#556;max-width:520px}.nocrop{color:#889;font-size:.85rem;font-style:italic}
"""


class _Crops:
    """Cell crops rendered from the plans' PDFs; a PDF that cannot be opened gives none."""

    def __init__(self, plans: "Sequence[Plan]") -> None:
        self.plans = {p.file: p for p in plans}
        self._docs: dict[str, Any] = {}

    def document(self, file: str) -> Any:
        if file not in self._docs:
            self._docs[file] = None
            if Path(file).is_file():
                try:
                    import pypdfium2

                    self._docs[file] = pypdfium2.PdfDocument(file)
                except Exception:  # a damaged PDF only loses its pictures, not the report
                    self._docs[file] = None
        return self._docs[file]

    def png(self, file: str, cell: "Cell") -> str | None:
        """A data URI of the PNG of ``cell``'s box (plus a little context), or None."""
        pdf = self.document(file)
        if pdf is None or not 1 <= cell.page <= len(pdf):
            return None
        x0, top, x1, bottom = cell.bbox
        if not (x1 > x0 and bottom > top):
            return None
        try:
            page = pdf[cell.page - 1]
            width, height = page.get_size()
            left, upper = max(0.0, x0 - PAD_X), max(0.0, top - PAD_Y)
            crop = (left, max(0.0, height - bottom - PAD_Y), max(0.0, width - x1 - PAD_X), upper)
            if crop[0] + crop[2] >= width or crop[1] + crop[3] >= height:
                return None  # the box lies outside the page
            image = page.render(scale=SCALE, crop=crop).to_pil().convert("RGB")
            from PIL import ImageDraw

            # the cell itself, outlined in red among its neighbours
            ImageDraw.Draw(image).rectangle(
                ((x0 - left - 1.5) * SCALE, (top - upper - 1.5) * SCALE, (x1 - left + 1.5) * SCALE, (bottom - upper + 1.5) * SCALE),
                outline=(210, 0, 0), width=2,
            )
            out = io.BytesIO()
            image.save(out, format="PNG", optimize=True)
        except Exception:
            return None
        return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode("ascii")

    def close(self) -> None:
        for pdf in self._docs.values():
            if pdf is not None:
                pdf.close()


def _figure(value: Any) -> str:
    return escape(fmt(value)) if value is not None else "—"


def _evidence_html(finding: Finding, crops: _Crops) -> str:
    plan = crops.plans.get(finding.plan_file or "")
    if plan is None or not finding.evidence:
        return ""
    figures: list[str] = []
    seen: set[object] = set()
    for table_id, row, column in finding.evidence:
        table = plan.tables.get(table_id)
        cell = table.cell_or_none(row, column) if table is not None else None
        if cell is None or (cell.page, cell.bbox) in seen:
            continue
        seen.add((cell.page, cell.bbox))
        if len(figures) == MAX_CROPS:
            figures.append(f'<p class="nocrop">… and {len(finding.evidence) - MAX_CROPS} more cells</p>')
            break
        uri = crops.png(plan.file, cell)
        caption = (f"{escape(table_id)} · row {row + 1} · {escape(column)} · p. {cell.page}: "
                   f"<q>{escape(cell.flat)}</q>")
        if cell.confidence is not None:
            caption += f" · OCR {cell.confidence:.0f}%"
        image = f'<img alt="{escape(cell.flat)}" src="{uri}">' if uri else '<p class="nocrop">(PDF not available)</p>'
        figures.append(f"<figure>{image}<figcaption>{caption}</figcaption></figure>")
    return f'<div class="crops">{"".join(figures)}</div>' if figures else ""


def _finding_html(number: int, finding: Finding, crops: _Crops) -> str:
    rule = RULES.get(finding.rule)
    description = escape(rule.description) if rule else ""
    kind = " · extraction" if finding.kind == "extraction" else ""
    rows = [("found", _figure(finding.found)), ("expected", _figure(finding.expected))]
    if finding.field:
        rows.append(("field", escape(finding.field)))
    if finding.ente or finding.comune:
        names = [finding.ente] if finding.ente else []
        if finding.comune and not (finding.ente and finding.comune in finding.ente):
            names.append(finding.comune)  # an ALER row: the comune where its units stand
        who = " · ".join(escape(x) for x in names)
        rows.append(("ente / comune", who + (f" ({escape(finding.comune_istat)})" if finding.comune_istat else "")))
    rows.append(("pages", escape(", ".join(map(str, finding.pages)) or "?")))
    rows.append(("tables", escape(", ".join(finding.tables)) or "—"))
    if finding.plan_file and len(crops.plans) > 1:
        rows.append(("plan", escape(Path(finding.plan_file).name)))
    figs = "".join(f'<div class="fig"><span>{k}</span>{v}</div>' for k, v in rows)
    return (
        f'<article class="finding sev-{finding.severity}" id="f{number}">'
        f'<header><span class="badge {finding.severity}">{finding.severity.upper()}{kind}</span>'
        f'<span class="rule">{escape(finding.rule)}</span> <span class="desc">— {description}</span></header>'
        f'<p class="msg">{escape(finding.message)}</p><div class="figs">{figs}</div>'
        f"{_evidence_html(finding, crops)}</article>"
    )


def render_html(findings: Findings, plans: "Sequence[Plan]") -> str:
    """The whole report as one HTML document."""
    plans = list(plans) or findings.plans
    crops = _Crops(plans)
    try:
        counts = findings.counts()
        cards = "".join(f'<div class="card {s}"><b>{counts[s]}</b>{s}</div>' for s in SEVERITIES)
        cards += f'<div class="card extr"><b>{len(findings.extraction)}</b>extraction</div>'
        plan_rows = "".join(
            f"<tr><td>{escape(Path(p.file).name)}</td><td>{escape(str(p.ambito or '?'))}</td>"
            f"<td>{escape(str(p.anno or '?'))}</td><td>{p.pages}</td><td><code>{escape(p.sha256[:16])}</code></td></tr>"
            for p in plans)
        by_rule = "".join(
            f"<tr><td class=\"rule\">{escape(rule)}</td><td>{escape(FAMILIES.get(RULES[rule].family, '') if rule in RULES else '')}"
            f"</td><td>{escape(group[0].severity)}</td><td>{len(group)}</td></tr>"
            for rule, group in findings.by_rule().items())
        sections, number = [], 0
        suspect = findings.where(rule="suspect_table")  # first: which tables not to trust (issue 13)
        if len(suspect):
            cards_of = [_finding_html(number + i + 1, f, crops) for i, f in enumerate(suspect)]
            number += len(suspect)
            sections.append(f"<h2>Suspect tables ({len(suspect)})</h2>{''.join(cards_of)}")
        for severity in SEVERITIES:
            chosen = Findings([f for f in findings.where(severity=severity) if f.rule != "suspect_table"])
            if not len(chosen):
                continue
            items = []
            for finding in chosen:
                number += 1
                items.append(_finding_html(number, finding, crops))
            sections.append(f"<h2>{severity.capitalize()}s ({len(chosen)})</h2>{''.join(items)}")
        body = "".join(sections) or "<p>No findings: the plan agrees with itself on every rule.</p>"
        title = "Audit report — " + ", ".join(f"{p.ambito or Path(p.file).name} {p.anno or ''}".strip() for p in plans)
        return (
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{escape(title)}</title>"
            f"<style>{CSS}</style></head><body><h1>{escape(title)}</h1>"
            f"<table><tr><th>file</th><th>ambito</th><th>anno</th><th>pages</th><th>sha256</th></tr>{plan_rows}</table>"
            f"<h2>Summary</h2><div class=\"cards\">{cards}</div>"
            + (f"<table><tr><th>rule</th><th>family</th><th>severity</th><th>findings</th></tr>{by_rule}</table>"
               if by_rule else "")
            + f"{body}<footer><p class=\"desc\">pdfplans — every figure links to its printed cell; "
              "extraction findings are about the reading, not the plan.</p></footer></body></html>\n"
        )
    finally:
        crops.close()
