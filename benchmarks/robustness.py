"""Random renderings of the real 2023 plan, read back and compared with its transcribed tables.

The reader is judged on renderings it has not seen; this makes new ones on demand: fonts, sizes,
column widths, margins, borders (grid / none) and header repetition drawn at random from a seed,
rendered by LibreOffice (python-docx → soffice) or by reportlab (horizontal rules only), then
extracted and compared cell by cell with samples/expected/cremonese_2023.

    .venv/bin/python benchmarks/robustness.py 1 2 3            # LibreOffice renderings, seeds 1..3
    .venv/bin/python benchmarks/robustness.py --reportlab 1 2  # reportlab renderings
    .venv/bin/python benchmarks/robustness.py --keep DIR 7     # keep the PDFs to look at them
    .venv/bin/python benchmarks/robustness.py --producers gs,cairo,mutool,html 1 2 3   # re-printed too

Each rendering is then passed, drawn from the seed as well, through one of ``--producers``
(samples/build/producers.py; "none" keeps the renderer's own PDF; default none,gs,cairo,mutool).

LibreOffice comes with `scripts/setup.sh --samples`. A seed whose layout cannot be drawn (reportlab
refuses a word wider than its column) is reported and skipped.
"""
from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "samples" / "build"), str(ROOT / "tests")]

FONTS_DOCX = ["Carlito", "Liberation Sans", "Liberation Serif", "DejaVu Sans", "DejaVu Serif", "Caladea"]
FONTS_REPORTLAB = ["Times-Roman", "Helvetica", "Courier"]


def _layout(seed: int, reportlab: bool):
    from layouts import LAYOUTS

    rnd = random.Random(seed)
    base = LAYOUTS["reportlab" if reportlab else rnd.choice(["main", "alt", "borderless"])]
    scale = rnd.uniform(0.92, 1.05) if reportlab else rnd.uniform(0.9, 1.08)
    widths = {k: [round(w * scale * rnd.uniform(0.94, 1.06), 2) for w in v] for k, v in base.widths.items()}
    changes = dict(
        name=f"{'r' if reportlab else 'v'}{seed}", widths=widths,
        font_name=rnd.choice(FONTS_REPORTLAB if reportlab else FONTS_DOCX),
        font_pt=rnd.choice([10, 10.5, 11, 12]), table_font_pt=rnd.choice([8.5, 9, 9.5, 10]),
        repeat_header=rnd.random() < 0.5, margins_cm=tuple(round(rnd.uniform(1.5, 2.8), 1) for _ in range(4)),
    )
    if not reportlab:
        changes["borders"] = rnd.choice(["grid", "none", "grid"])
    return dataclasses.replace(base, **changes)


def render(seed: int, reportlab: bool, out_dir: Path) -> Path:
    from seed_to_doc import build_document

    layout = _layout(seed, reportlab)
    doc = build_document(ROOT / "samples" / "source" / "cremonese_2023.txt", layout)
    out = out_dir / f"{layout.name}.pdf"
    if reportlab:
        from render_reportlab import build_pdf

        return build_pdf(doc, out)
    from render_docx import build_docx, docx_to_pdf

    docx = out_dir / f"{layout.name}.docx"
    build_docx(doc, docx)
    return docx_to_pdf(docx, out)


def score(pdf: Path) -> tuple[int, int, list[str]]:
    """Cells compared, cells wrong, and the first differences."""
    from expected import differences, load_expected

    from pdfplans import read_plan
    from pdfplans.schema import TABLE_COLUMNS, TABLE_IDS

    plan = read_plan(pdf)
    cells = wrong = 0
    shown: list[str] = []
    for table_id in TABLE_IDS:
        expected = load_expected("cremonese_2023", table_id)
        cells += len(expected) * len(TABLE_COLUMNS[table_id])
        found = plan[table_id].records if table_id in plan.tables else []
        diff = differences(table_id, expected, found)
        wrong += len(diff) if table_id in plan.tables else len(expected) * len(TABLE_COLUMNS[table_id])
        shown += diff[:2] if table_id in plan.tables else [f"{table_id}: not found"]
    return cells, wrong, shown


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="+", type=int)
    parser.add_argument("--reportlab", action="store_true", help="render with reportlab instead of LibreOffice")
    parser.add_argument("--keep", type=Path, help="keep the rendered PDFs in this folder")
    parser.add_argument("--producers", default="none,gs,cairo,mutool",
                        help="comma-separated producers to draw from (none = the renderer's PDF as it is)")
    args = parser.parse_args()
    from producers import PRODUCERS

    choices = args.producers.split(",")
    shares: list[float] = []
    lost = 0
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = args.keep or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        exact = drawn = 0
        for seed in args.seeds:
            layout = _layout(seed, args.reportlab)
            try:
                pdf = render(seed, args.reportlab, out_dir)
            except Exception as error:  # a layout the renderer refuses is not a reader failure
                print(f"{layout.name}: not drawn ({str(error)[:90]})")
                continue
            producer = random.Random(f"producer {seed}").choice(choices)
            if producer != "none":
                pdf = PRODUCERS[producer](pdf, pdf.with_name(f"{pdf.stem}__{producer}.pdf"))
            drawn += 1
            cells, wrong, shown = score(pdf)
            exact += wrong == 0
            shares.append(100 * (cells - wrong) / cells)
            lost += sum(1 for line in shown if line.endswith("not found"))
            style = f"{layout.font_name} {layout.font_pt}/{layout.table_font_pt} pt, borders {layout.borders}, " \
                    f"header repeated {layout.repeat_header}, producer {producer}"
            print(f"{layout.name}: {cells - wrong}/{cells} cells right  ({style})")
            for line in shown[:4]:
                print(f"    {line[:150]}")
        print(f"{exact} of {drawn} renderings exact")
        if shares:
            print(f"mean {sum(shares) / len(shares):.2f}% of cells, lowest {min(shares):.2f}%, {lost} tables lost")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
