"""HTML audit report: one self-contained file (inline CSS, images as data URIs, no script).

Each finding shows its two figures, the rule, the pages (links opening the PDF at that page), and
pictures of the printed cells involved with their row labels and column headers (evidence.py),
the previous year's cells for a finding across years and the sentence of a narrative finding, so
the auditor sees the print without searching the PDF. Every text that comes from a PDF is escaped.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .context import fmt
from .crops import Pictures, Strip
from .evidence import figures
from .findings import SEVERITIES, Finding, Findings
from .registry import FAMILIES, RULES

if TYPE_CHECKING:
    from ..model import Plan

QUOTE_CHARS = 400  # a sentence quoted longer than this is cut: its picture and the page link show it whole

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
background:#fff;max-width:100%}figure img{display:block;max-width:100%;height:auto}
figcaption{font-size:.8rem;color:#556;max-width:860px}.nocrop{color:#889;font-size:.85rem;font-style:italic}
mark.doubt{background:#ffd9a8;color:#7a3d00;padding:0 .2rem;border-radius:3px}.from{margin:.6rem 0 0;color:#556}
.sev{white-space:nowrap}
"""


def _figure(value: Any) -> str:
    return escape(fmt(value)) if value is not None else "—"


def page_link(file: str, page: int, base: Path | None) -> str:
    """``plan.pdf#page=N``: relative to the report's folder when it can be, so the pair can travel."""
    path = Path(file).resolve()
    if base is not None:
        try:
            return quote(Path(os.path.relpath(path, base.resolve())).as_posix()) + f"#page={page}"
        except ValueError:  # another drive
            pass
    return path.as_uri() + f"#page={page}"


def _evidence_html(finding: Finding, plans: dict[str, "Plan"], pictures: Pictures, base: Path | None) -> str:
    def link(file: str, page: int) -> str:
        return page_link(file, page, base)

    parts = []
    plan = plans.get(finding.plan_file or "")
    if finding.quote:
        parts.append(_quote_html(finding, plan, pictures, link))
    if plan is not None and finding.evidence:
        parts.append(figures(plan, finding.evidence, pictures, link))
    previous = plans.get(finding.previous_file or "")
    if previous is not None and finding.previous_evidence:
        title = f"the previous plan, {Path(previous.file).name} ({previous.anno or '?'}):"
        parts.append(figures(previous, finding.previous_evidence, pictures, link, title))
    return "".join(parts)


def _quote_html(finding: Finding, plan: "Plan | None", pictures: Pictures, link) -> str:
    """The sentence a narrative finding is about: quoted, and pictured where the text layer shows it."""
    sentence = finding.quote or ""
    shown = sentence if len(sentence) <= QUOTE_CHARS else sentence[: QUOTE_CHARS - 1] + "…"
    page = finding.pages[0] if finding.pages else None
    picture = ""
    if plan is not None and page is not None:
        box = pictures.locate(plan.file, page, sentence)
        uri = pictures.picture(plan.file, (Strip(page, box),), False) if box else None
        if uri:
            picture = f'<img alt="{escape(shown, quote=True)}" src="{uri}">'
    where = f' — <a href="{escape(link(plan.file, page))}">page {page}</a>' if plan is not None and page else ""
    return (f'<div class="crops"><figure class="sentence">{picture}<figcaption><q>{escape(shown)}</q>{where}'
            "</figcaption></figure></div>")


def _pages_html(finding: Finding, plans: dict[str, "Plan"], base: Path | None) -> str:
    plan = plans.get(finding.plan_file or "")
    pages = finding.pages or sorted({c.page for t, r, col in finding.evidence if plan is not None
                                     and (table := plan.tables.get(t)) is not None
                                     and (c := table.cell_or_none(r, col)) is not None})
    if not pages:
        return "none printed"  # e.g. a table the plan announces and does not print
    if plan is None:
        return escape(", ".join(map(str, pages)))
    return ", ".join(f'<a href="{escape(page_link(plan.file, p, base))}">{p}</a>' for p in pages)


def _finding_html(number: int, finding: Finding, plans: dict[str, "Plan"], pictures: Pictures, base: Path | None) -> str:
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
    rows.append(("pages", _pages_html(finding, plans, base)))
    rows.append(("tables", escape(", ".join(finding.tables)) or "—"))
    if finding.plan_file and len(plans) > 1:
        rows.append(("plan", escape(Path(finding.plan_file).name)))
    figs = "".join(f'<div class="fig"><span>{k}</span>{v}</div>' for k, v in rows)
    return (
        f'<article class="finding sev-{finding.severity}" id="f{number}">'
        f'<header><span class="badge {finding.severity}">{finding.severity.upper()}{kind}</span>'
        f'<span class="rule">{escape(finding.rule)}</span> <span class="desc">— {description}</span></header>'
        f'<p class="msg">{escape(finding.message)}</p><div class="figs">{figs}</div>'
        f"{_evidence_html(finding, plans, pictures, base)}</article>"
    )


def _by_rule_html(findings: Findings) -> str:
    """One line per rule, with how many findings of each severity it gave (a rule can give two)."""
    lines = []
    for rule, group in findings.by_rule().items():
        counts = Counter(f.severity for f in group)
        severities = " ".join(f'<span class="badge {s} sev">{counts[s]} {s}</span>' for s in SEVERITIES if counts[s])
        family = FAMILIES.get(RULES[rule].family, "") if rule in RULES else ""
        lines.append(f'<tr><td class="rule">{escape(rule)}</td><td>{escape(family)}</td><td>{severities}</td>'
                     f"<td>{len(group)}</td></tr>")
    if not lines:
        return ""
    return "<table><tr><th>rule</th><th>family</th><th>severity</th><th>findings</th></tr>" + "".join(lines) + "</table>"


def render_html(findings: Findings, plans: "Sequence[Plan]", base: Path | None = None) -> str:
    """The whole report as one HTML document; ``base``: the folder it will be written to (page links)."""
    plans = list(plans) or findings.plans
    by_file = {p.file: p for p in plans}
    pictures = Pictures()
    try:
        counts = findings.counts()
        cards = "".join(f'<div class="card {s}"><b>{counts[s]}</b>{s}</div>' for s in SEVERITIES)
        cards += f'<div class="card extr"><b>{len(findings.extraction)}</b>extraction</div>'
        plan_rows = "".join(
            f'<tr><td><a href="{escape(page_link(p.file, 1, base))}">{escape(Path(p.file).name)}</a></td>'
            f"<td>{escape(str(p.ambito or '?'))}</td>"
            f"<td>{escape(str(p.anno or '?'))}</td><td>{p.pages}</td><td><code>{escape(p.sha256[:16])}</code></td></tr>"
            for p in plans)
        sections, number = [], 0
        suspect = findings.where(rule="suspect_table")  # first: which tables not to trust (issue 13)
        if len(suspect):
            cards_of = [_finding_html(number + i + 1, f, by_file, pictures, base) for i, f in enumerate(suspect)]
            number += len(suspect)
            sections.append(f"<h2>Suspect tables ({len(suspect)})</h2>{''.join(cards_of)}")
        for severity in SEVERITIES:
            chosen = Findings([f for f in findings.where(severity=severity) if f.rule != "suspect_table"])
            if not len(chosen):
                continue
            items = []
            for finding in chosen:
                number += 1
                items.append(_finding_html(number, finding, by_file, pictures, base))
            sections.append(f"<h2>{severity.capitalize()}s ({len(chosen)})</h2>{''.join(items)}")
        body = "".join(sections) or "<p>No findings: the plan agrees with itself on every rule.</p>"
        title = "Audit report — " + ", ".join(f"{p.ambito or Path(p.file).name} {p.anno or ''}".strip() for p in plans)
        return (
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{escape(title)}</title>"
            f"<style>{CSS}</style></head><body><h1>{escape(title)}</h1>"
            f"<table><tr><th>file</th><th>ambito</th><th>anno</th><th>pages</th><th>sha256</th></tr>{plan_rows}</table>"
            f"<h2>Summary</h2><div class=\"cards\">{cards}</div>{_by_rule_html(findings)}"
            f"{body}<footer><p class=\"desc\">pdfplans — page numbers open the PDF at that page (kept beside "
            "this report); red outlines mark the cells a finding is about, orange ones cells OCR read with low "
            "confidence; extraction findings are about the reading, not the plan.</p></footer></body></html>\n"
        )
    finally:
        pictures.close()
