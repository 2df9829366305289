"""Random renderings of the sample plans, read back and compared with their transcribed tables.

The reader is judged on renderings it has not seen; this makes new ones on demand. Each seed draws
a plan (a template: the real 2023 plan, or one of the synthetic plans of other offices), a renderer
(LibreOffice from a .docx, reportlab, or Chromium printing the plan as a web page), fonts, sizes,
column widths, margins (so the page breaks fall elsewhere), borders (grid / none / horizontal rules)
and header repetition, and then a producer that prints the PDF again (samples/build/producers.py;
"none" keeps the renderer's own PDF). The result is read and compared cell by cell with the plan's
expected tables (samples/expected/<plan>/).

    .venv/bin/python benchmarks/robustness.py 1 2 3                  # seeds 1..3, every template
    .venv/bin/python benchmarks/robustness.py --count 200 --start 1  # seeds 1..200
    .venv/bin/python benchmarks/robustness.py --renderers browser --producers none,gs 4 5
    .venv/bin/python benchmarks/robustness.py --templates cremonese_2023 --reportlab 1 2
    .venv/bin/python benchmarks/robustness.py --keep DIR 7           # keep the PDFs to look at them

LibreOffice comes with `scripts/setup.sh --samples`. For reportlab, which refuses a word wider than its
column, a column narrower than its widest word is widened before drawing, the room taken from the
columns with slack (fit_words). A seed that still cannot be drawn is reported and skipped.
"""
from __future__ import annotations

import argparse
import dataclasses
import math
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "samples" / "build"), str(ROOT / "tests")]

TEMPLATES = ["cremonese_2023", "oglio_po_2023", "brescia_ovest_2023", "mantova_2023", "lodi_2023", "voghera_2023",
             "vimercate_2023"]
RENDERERS = ["libreoffice", "reportlab", "browser"]
PRODUCERS = ["none", "gs", "cairo", "mutool"]
FONTS_DOCX = ["Carlito", "Liberation Sans", "Liberation Serif", "DejaVu Sans", "DejaVu Serif", "Caladea"]
FONTS_REPORTLAB = ["Times-Roman", "Helvetica", "Courier"]


@dataclass(frozen=True)
class Draw:
    """What one seed renders: the plan, how, and with which style."""

    seed: int
    template: str
    renderer: str
    producer: str
    font_name: str
    font_pt: float
    table_font_pt: float
    borders: str
    repeat_header: bool
    margins_cm: tuple[float, ...]
    scale: float  # column widths times this (each column also jittered by the seed)

    @property
    def name(self) -> str:
        return f"s{self.seed}_{self.template}_{self.renderer}_{self.producer}"

    def describe(self) -> str:
        return (f"{self.template}, {self.renderer}, {self.font_name} {self.font_pt}/{self.table_font_pt} pt, "
                f"borders {self.borders}, header repeated {self.repeat_header}, widths x{self.scale:.2f}, "
                f"producer {self.producer}")


def draw(seed: int, templates: list[str], renderers: list[str], producers: list[str]) -> Draw:
    rnd = random.Random(seed)
    template, renderer = rnd.choice(templates), rnd.choice(renderers)
    reportlab = renderer == "reportlab"
    return Draw(
        seed, template, renderer, random.Random(f"producer {seed}").choice(producers),
        font_name=rnd.choice(FONTS_REPORTLAB if reportlab else FONTS_DOCX),
        font_pt=rnd.choice([10, 10.5, 11, 12]), table_font_pt=rnd.choice([8.5, 9, 9.5, 10]),
        borders="horizontal" if reportlab else rnd.choice(["grid", "none", "horizontal", "grid"]),
        repeat_header=rnd.random() < 0.5, margins_cm=tuple(round(rnd.uniform(1.5, 2.8), 1) for _ in range(4)),
        scale=rnd.uniform(0.92, 1.05) if reportlab else rnd.uniform(0.9, 1.08),
    )


def _widths(widths: dict[str, list[float]], d: Draw) -> dict[str, list[float]]:
    rnd = random.Random(f"widths {d.seed}")
    return {k: [round(w * d.scale * rnd.uniform(0.94, 1.06), 2) for w in v] for k, v in widths.items()}


def document(d: Draw):
    """The plan's document model in the drawn style (samples/build/plan_doc.py)."""
    if d.template == "cremonese_2023":
        from layouts import LAYOUTS
        from seed_to_doc import build_document

        base = LAYOUTS["reportlab" if d.renderer == "reportlab" else random.Random(d.seed).choice(["main", "alt", "borderless"])]
        changes = dict(name=d.name, widths=_widths(base.widths, d), font_name=d.font_name, font_pt=d.font_pt,
                       table_font_pt=d.table_font_pt, repeat_header=d.repeat_header, margins_cm=d.margins_cm)
        if d.renderer != "reportlab":
            changes["borders"] = d.borders
        return build_document(ROOT / "samples" / "source" / "cremonese_2023.txt", dataclasses.replace(base, **changes))
    import synthetic

    data = synthetic.load(d.template)
    data["layout"].update(widths=_widths(data["layout"]["widths"], d), font_name=d.font_name, font_pt=d.font_pt,
                          table_font_pt=d.table_font_pt, borders=d.borders, repeat_header=d.repeat_header,
                          margins_cm=list(d.margins_cm))
    return synthetic.generic_document(data)


def fit_words(doc) -> None:
    """Widen each table column of a reportlab rendering to its widest word, before drawing.

    reportlab refuses a word wider than its column (splitLongWords=0). An author widens only the
    narrow column, and takes the room from the columns with slack so that the table keeps its width;
    scaling the whole drawing until it passes would measure another layout than the one drawn."""
    from render_reportlab import TABLE_FONT, TABLE_FONT_BOLD
    from reportlab.lib.units import cm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for t in doc.tables():
        pad = 2 * t.cell_pad_cm * cm + 0.5  # half a point more: a word exactly as wide as its room
        need = [0.0] * t.ncols
        printed = [(r, True) for r in t.header_rows] + [(r, i in t.bold_rows) for i, r in enumerate(t.rows)]
        for row, bold in printed:
            font = TABLE_FONT_BOLD if bold else TABLE_FONT
            for c, text in enumerate(row):
                for word in text.split():
                    need[c] = max(need[c], (stringWidth(word, font, t.font_pt) + pad) / cm)
        widths = [max(w, n) for w, n in zip(t.col_widths_cm, need)]
        excess = sum(widths) - sum(t.col_widths_cm)
        slack = [w - n for w, n in zip(widths, need)]
        room = sum(s for s in slack if s > 0)
        if excess > 0 and room > 0:
            take = min(1.0, excess / room)
            widths = [w - take * s if s > 0 else w for w, s in zip(widths, slack)]
        t.col_widths_cm = [math.ceil(w * 1000) / 1000 for w in widths]  # never below the word


def render(d: Draw, out_dir: Path) -> Path:
    """The drawn plan as a PDF."""
    doc = document(d)
    out = out_dir / f"{d.name}.pdf"
    if d.renderer == "reportlab":
        from render_reportlab import build_pdf

        fit_words(doc)
        return build_pdf(doc, out)
    if d.renderer == "browser":
        from producers import chromium_binary
        from render_html import build_pdf as print_page

        return print_page(doc, out, chromium_binary())
    from render_docx import build_docx, docx_to_pdf

    docx = out_dir / f"{d.name}.docx"
    build_docx(doc, docx)
    return docx_to_pdf(docx, out)


def score(pdf: Path, name: str) -> tuple[int, int, list[str], list[str]]:
    """Cells right, cells expected (plus those of every row read too many), the tables lost, the first differences."""
    from expected import differences, expected_tables, load_expected

    from pdfplans import read_plan
    from pdfplans.schema import TABLE_COLUMNS

    plan = read_plan(pdf)
    right = total = 0
    lost: list[str] = []
    shown: list[str] = []
    for table_id in expected_tables(name):
        expected = load_expected(name, table_id)
        cells = len(expected) * len(TABLE_COLUMNS[table_id])
        total += cells
        if table_id not in plan.tables:
            lost.append(table_id)
            continue
        diff = differences(table_id, expected, plan[table_id].records)
        wrong = sum(1 for d in diff if "rows, expected" not in d)
        missed = 0
        for line in diff:  # a row missed counts all its cells wrong; a row too many, all its cells too
            if "rows, expected" in line:
                found, want = (int(w) for w in line.replace(",", "").split() if w.isdigit())
                missed = max(0, want - found) * len(TABLE_COLUMNS[table_id])
                total += max(0, found - want) * len(TABLE_COLUMNS[table_id])
        right += max(0, cells - wrong - missed)
        shown += diff[:2]
    return right, total, lost, shown


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="*", type=int)
    parser.add_argument("--count", type=int, default=0, help="also seeds --start .. --start+count-1")
    parser.add_argument("--start", type=int, default=1)
    parser.add_argument("--templates", default=",".join(TEMPLATES))
    parser.add_argument("--renderers", default=",".join(RENDERERS), help=f"some of {RENDERERS}")
    parser.add_argument("--reportlab", action="store_true", help="the same as --renderers reportlab")
    parser.add_argument("--producers", default=",".join(PRODUCERS),
                        help="comma-separated re-printers to draw from (none = the renderer's PDF as it is)")
    parser.add_argument("--keep", type=Path, help="keep the rendered PDFs in this folder")
    args = parser.parse_args()
    from producers import PRODUCERS as REPRINT

    seeds = args.seeds + list(range(args.start, args.start + args.count))
    renderers = ["reportlab"] if args.reportlab else args.renderers.split(",")
    templates, choices = args.templates.split(","), args.producers.split(",")
    shares: list[float] = []
    lost_tables = exact = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = args.keep or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        for seed in seeds:
            d = draw(seed, templates, renderers, choices)
            try:
                pdf = render(d, out_dir)
                if d.producer != "none":
                    pdf = REPRINT[d.producer](pdf, pdf.with_name(f"{pdf.stem}__{d.producer}.pdf"))
            except Exception as error:  # a layout the renderer refuses is not a reader failure
                print(f"{d.name}: not drawn ({str(error)[:90]})", flush=True)
                continue
            right, total, lost, shown = score(pdf, d.template)
            share = 100 * right / total
            shares.append(share)
            exact += right == total
            lost_tables += len(lost)
            gone = f"  LOST {', '.join(lost)}" if lost else ""
            print(f"{d.name}: {right}/{total} cells right {share:.2f}%  ({d.describe()}){gone}", flush=True)
            for line in shown[:4]:
                print(f"    {line[:150]}")
            if not args.keep:
                for path in out_dir.glob(f"{d.name}*"):
                    path.unlink()
    drawn = len(shares)
    print(f"{exact} of {drawn} renderings exact; {time.perf_counter() - started:.0f} s")
    if shares:
        below = sum(1 for s in shares if s < 98)
        print(f"mean {sum(shares) / drawn:.2f}% of cells, lowest {min(shares):.2f}%, "
              f"{below} below 98%, {lost_tables} tables lost")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
