"""Build the synthetic sample plans and their expected tables from samples/source/<sample>.json.

    python samples/build/synthetic.py [--data] [SAMPLE ...]     (default: all)

``--data`` first regenerates the JSON files with ``synthetic_data.py`` (seeded, reproducible).
Each JSON holds every printed table row twice: as printed (``print``) and as the canonical record(s)
it means (``out``: table id -> record), so the PDF and samples/expected/<sample>/*.csv come from the
same data. Templates: ``cremonese_seed`` (the real 2023 document with this year's tables and
narrative), ``letters`` (a)..k) captions, another office) and ``chapters`` (numbered chapters 1.-5.).
"""
from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.dont_write_bytecode = True

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent
ROOT = SAMPLES.parent
sys.path.insert(0, str(ROOT))  # pdfplans.schema: the canonical columns

from pdfplans.schema import TABLE_COLUMNS  # noqa: E402

from plan_doc import Document, Heading, PageBreak, Paragraph, TableBlock, Title  # noqa: E402
from synth_common import csv_value  # noqa: E402

SAMPLE_NAMES = ("cremonese_2022", "cremonese_2024", "oglio_po_2023", "brescia_ovest_2023", "mantova_2023", "lodi_2023",
                "voghera_2023", "vimercate_2023", "sondrio_2023")


def load(sample: str) -> dict[str, Any]:
    return json.loads((SAMPLES / "source" / f"{sample}.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- expected tables

def expected_tables(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Canonical records in printed order, by table id (empty tables the plan prints: no rows)."""
    out: dict[str, list[dict[str, Any]]] = {tid: [] for tid in data.get("empty_tables", [])}
    for rows in data["tables"].values():
        for row in rows:
            for tid, rec in (row.get("out") or {}).items():
                out.setdefault(tid, []).append(rec)
            for tid, recs in (row.get("out_list") or {}).items():  # a wide table: a record per printed column
                out.setdefault(tid, []).extend(recs)
    return out


def write_expected(data: dict[str, Any]) -> Path:
    folder = SAMPLES / "expected" / data["sample"]
    folder.mkdir(parents=True, exist_ok=True)
    tables = expected_tables(data)
    for old in folder.glob("*.csv"):
        if old.stem not in tables:
            old.unlink()
    for tid, records in tables.items():
        cols = TABLE_COLUMNS[tid]
        with open(folder / f"{tid}.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(cols)
            for rec in records:
                missing = set(cols) - set(rec)
                if missing:
                    raise ValueError(f"{data['sample']} {tid}: record lacks {sorted(missing)}: {rec}")
                w.writerow([csv_value(rec[c]) for c in cols])
    # the keys of samples/expected/cremonese_2023/plan.json (no sha256: LibreOffice stamps each build)
    plan = {
        "ambito": data["ambito"], "anno": data["anno"], "titolo": data["titolo"],
        "comuni_ambito": data["comuni_ambito"],
        "tables": {tid: len(records) for tid, records in tables.items()},
    }
    (folder / "plan.json").write_text(json.dumps(plan, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return folder


# ---------------------------------------------------------------- documents

def _bold_rows(rows: list[list[str]]) -> list[int]:
    return [k for k, r in enumerate(rows)
            if r and (r[0].upper().startswith("TOTALE") or re.fullmatch(r"AT \d+", r[0]))]


def _group_merges(rows: list[list[str]]) -> list[tuple[int, int, int]]:
    """First-column group labels (printed once, on the group's first row) as vertical merges."""
    last = len(rows) - 1 if rows and not rows[-1][0] and not rows[-1][1] else len(rows)
    merges, start = [], None
    for k in range(last + 1):
        if k == last or rows[k][0]:
            if start is not None and k - start > 1:
                merges.append((start, 0, k - start))
            start = k
    return merges


def cremonese_document(data: dict[str, Any]) -> Document:
    """The real 2023 document, its years moved, its sentences and tables replaced by this year's."""
    from layouts import LAYOUTS
    from seed_to_doc import build_document
    from synth_cremonese import shift_years

    doc = build_document(SAMPLES / "source" / "cremonese_2023.txt", LAYOUTS[data["layout"]])
    delta = data["year_shift"]
    repl = data["replace"]
    used: set[int] = set()
    blocks = []
    for block in doc.blocks:
        if isinstance(block, (Title, Heading, Paragraph)):
            text = shift_years(block.text, delta)
            drop = False
            for k, (old, new) in enumerate(repl):
                if old in text:
                    used.add(k)
                    if new is None:
                        drop = True
                    else:
                        text = text.replace(old, new)
            if drop:
                continue
            block.text = text
        elif isinstance(block, TableBlock):
            rows = [r["print"] for r in data["tables"][block.key]]
            block.rows = rows
            block.bold_rows = _bold_rows(rows)
            block.merges = _group_merges(rows) if block.key == "fondi_solidarieta_comuni" else []
            if block.key == "fondi_solidarieta_comuni":
                block.bold_rows = [len(rows) - 1]
            if block.title_row:
                block.title_row = shift_years(block.title_row, delta)
            block.validate()
        blocks.append(block)
    unused = [repl[k][0] for k in range(len(repl)) if k not in used]
    if unused:
        raise ValueError(f"{data['sample']}: replacements that matched nothing: {unused}")
    doc.blocks = blocks
    return doc


def generic_document(data: dict[str, Any]) -> Document:
    """``letters`` and ``chapters`` plans: the JSON lists the blocks in printed order."""
    lay = data["layout"]
    blocks = []
    for b in data["blocks"]:
        kind = b["kind"]
        if kind == "title":
            blocks.append(Title(b["text"]))
        elif kind == "heading":
            blocks.append(Heading(b["text"], b["level"]))
        elif kind == "para":
            blocks.append(Paragraph(b["text"], bullet=b.get("bullet", False), bold=b.get("bold", False),
                                    toc_page=b.get("toc_page")))
        elif kind == "pagebreak":
            blocks.append(PageBreak())
        elif kind == "table":
            key = b["key"]
            rows = [r["print"] for r in data["tables"][key]]
            t = TableBlock(key=key, header_rows=b["header"], rows=rows, col_widths_cm=lay["widths"][key],
                           font_pt=lay["table_font_pt"], borders=lay.get("borders", "grid"),
                           repeat_header=lay.get("repeat_header", True), bold_rows=_bold_rows(rows),
                           cell_pad_cm=lay.get("cell_pad_cm", 0.19), title_row=b.get("title"))
            t.validate()
            blocks.append(t)
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    return Document(blocks=blocks, font_name=lay["font_name"], font_pt=lay["font_pt"],
                    margins_cm=tuple(lay["margins_cm"]))  # type: ignore[arg-type]


def _toc_pages(pdf: Path, titles: list[str]) -> dict[str, str]:
    """Page of each chapter title in a first rendering (the TOC then prints real page numbers)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    found: dict[str, str] = {}
    for title in titles:
        for n, page in enumerate(pages, start=1):
            body = [ln.strip() for ln in page.splitlines()]
            if any(ln.startswith(title) for ln in body) and not any(ln.startswith(title) and ln.rstrip()[-1:].isdigit()
                                                                     and "..." in ln for ln in body):
                found[title] = str(n)
                break
    return found


def render(data: dict[str, Any], out: Path) -> Path:
    from render_docx import build_docx, docx_to_pdf

    make = cremonese_document if data["template"] == "cremonese_seed" else generic_document
    options = data.get("docx_options", {})
    keep = os.environ.get("KEEP_DOCX")
    with tempfile.TemporaryDirectory() as tmp:
        docx_path = Path(keep or tmp) / f"{out.stem}.docx"
        docx_path.parent.mkdir(parents=True, exist_ok=True)
        doc = make(data)
        build_docx(doc, docx_path, **options)
        docx_to_pdf(docx_path, out)
        toc = [b for b in doc.blocks if isinstance(b, Paragraph) and b.toc_page is not None]
        if toc and data["template"] != "cremonese_seed":  # second pass: the TOC with the real pages
            pages = _toc_pages(out, [b.text for b in toc])
            for b in toc:
                b.toc_page = pages.get(b.text, b.toc_page)
            build_docx(doc, docx_path, **options)
            docx_to_pdf(docx_path, out)
    return out


# other renderings of a synthetic plan: same content and expected tables, another layout
VARIANTS: dict[str, tuple[str, dict[str, Any]]] = {
    "mantova_2023_borderless": ("mantova_2023", {"borders": "none", "font_name": "DejaVu Serif"}),
    "lodi_2023_rules": ("lodi_2023", {"borders": "horizontal", "font_name": "Carlito", "font_pt": 11.0}),
    "vimercate_2023_borderless": ("vimercate_2023", {"borders": "none", "font_name": "Liberation Sans"}),
}


def build(sample: str) -> Path:
    if sample in VARIANTS:
        base, layout = VARIANTS[sample]
        data = load(base)
        data["layout"].update(layout)
        return render(data, SAMPLES / f"{sample}.pdf")
    data = load(sample)
    pdf = render(data, SAMPLES / f"{sample}.pdf")
    write_expected(data)
    return pdf


def main(argv: list[str]) -> int:
    if argv[:1] == ["--data"]:
        import synthetic_data
        synthetic_data.main()
        argv = argv[1:]
    names = argv or [*SAMPLE_NAMES, *VARIANTS]
    for name in names:
        if name not in SAMPLE_NAMES and name not in VARIANTS:
            print(f"unknown sample {name!r}; known: {SAMPLE_NAMES + tuple(VARIANTS)}", file=sys.stderr)
            return 2
        pdf = build(name)
        print(f"{name}: {pdf.relative_to(ROOT)} ({pdf.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
