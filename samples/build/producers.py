"""Pass a sample PDF through other PDF producers, as offices do when they print a plan to PDF again.

Each producer is a Debian-packaged tool run on the sample; the result keeps the sample's text and
layout but the text layer is written the producer's way (font size 1 with the size in the text
matrix, space glyphs of zero width or none, other text runs, rules drawn as images):

- ``gs``: Ghostscript's pdfwrite device (what virtual PDF printers are built on);
- ``cairo``: poppler's ``pdftocairo -pdf`` (what a viewer's cairo print dialog writes);
- ``mutool``: mupdf's ``mutool clean`` with sanitised content streams;
- ``chromium``: poppler's ``pdftohtml -c`` (positioned text over a background image of the
  drawings) printed by headless Chromium, one PDF page per page of the sample;
- ``html``: the sample's own document model written as an HTML page with real tables
  (``render_html.py``) and printed by Chromium: the browser's table layout, ``thead`` repeated,
  tables split between rows onto other pages.

    python samples/build/producers.py                   # every text sample × every producer (the
                                                        # renderings of RENDERINGS but by html)
    python samples/build/producers.py gs cairo          # only these producers
    python samples/build/producers.py --sample cremonese_2023 chromium
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent
OUT = SAMPLES / "producers"
# text samples only: the scan has no text layer to re-print
TEXT_SAMPLES = [
    "cremonese_2023", "cremonese_2023_alt", "cremonese_2023_borderless", "cremonese_2023_reportlab",
    "cremonese_2022", "cremonese_2024", "oglio_po_2023", "brescia_ovest_2023", "mantova_2023", "lodi_2023", "voghera_2023",
    "vimercate_2023", "sondrio_2023",
]
# the synthetic plans rendered another way (samples/build/synthetic.py VARIANTS): re-printed too, but not
# by ``html``, which lays out the plan's document, the same as that of the plan they render
RENDERINGS = ["lodi_2023_rules", "mantova_2023_borderless", "vimercate_2023_borderless"]
TIMEOUT = 180


def _run(args: list[str], cwd: Path | None = None) -> None:
    subprocess.run(args, check=True, capture_output=True, timeout=TIMEOUT, cwd=cwd)


def ghostscript(src: Path, out: Path) -> Path:
    _run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", f"-sOutputFile={out}", str(src)])
    return out


def cairo(src: Path, out: Path) -> Path:
    _run(["pdftocairo", "-pdf", str(src), str(out)])
    return out


def mutool(src: Path, out: Path) -> Path:
    # clean with sanitised content streams: every page's drawing operators parsed and written again
    # (mutool convert's PDF device would be a deeper re-rendering, but mupdf 1.21 writes its fonts
    # without a usable ToUnicode map: no reader, pdftotext included, gets the text back)
    _run(["mutool", "clean", "-gggg", "-s", "-c", str(src), str(out)])
    return out


_PAGE_DIV = re.compile(r'<div id="page(\d+)-div" style="position:relative;width:(\d+)px;height:(\d+)px;">')
_FONT = re.compile(r"font-family:(?:[A-Z]{6}\+)?([^;]+);")
ZOOM = 4  # pdftohtml rounds font sizes to whole pixels: draw them large, print them zoomed out


def _installed_families() -> dict[str, str]:
    """Installed font families by their name without spaces ("DejaVuSerif" -> "DejaVu Serif")."""
    out = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=True).stdout
    families = {f.strip() for line in out.splitlines() for f in line.split(",")}
    return {f.replace(" ", "").lower(): f for f in families if f}


def _family(name: str, installed: dict[str, str]) -> str:
    """The installed family of a PDF font name ("Carlito-Bold", "LiberationSans-BoldItalic", "ArialMT")."""
    base = re.sub(r"[-,](Bold|Italic|Oblique|Regular|BoldItalic|BoldOblique)$", "", name.strip())
    base = re.sub(r"(MT|PS|PSMT)$", "", base)
    family = installed.get(base.replace(" ", "").lower())
    return f'"{family}", serif' if family else "serif"


def _page_widths(pdf: Path) -> list[float]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return [document[i].get_size()[0] for i in range(len(document))]
    finally:
        document.close()


def _font_classes(html: str) -> str:
    """CSS for every font class used. pdftohtml names a class after its page and font ("ft36": page 3,
    font 6) but defines it only on the page where the font first appears."""
    fonts: dict[str, str] = {}
    used: set[str] = set()
    for number, chunk in re.findall(r"<!-- Page (\d+) -->(.*?)(?=<!-- Page \d+ -->|$)", html, flags=re.DOTALL):
        for name, css in re.findall(r"\.ft(\d+)\{([^}]*)\}", chunk):
            if name.startswith(number):
                fonts[name[len(number):]] = css
        used |= {(number, name) for name in re.findall(r'class="ft(\d+)"', chunk)}
    rules = [f".ft{name}{{{fonts[name[len(page):]]}}}" for page, name in sorted(used)
             if name.startswith(page) and name[len(page):] in fonts]
    return "\n".join(rules)


def _paged_html(html: str, widths: list[float]) -> str:
    """One printed page per page div, each of the sample page's size in points (a landscape annex
    stays landscape), the text in the sample's own fonts where they are installed."""
    installed = _installed_families()
    sizes: list[str] = []

    def page(match: re.Match) -> str:
        number, width, height = match.groups()
        per_point = int(width) / widths[int(number) - 1]  # pixels pdftohtml drew per point
        w_pt, h_pt = int(width) / per_point, int(height) / per_point
        sizes.append(f"@page p{number} {{ size: {w_pt:.2f}pt {h_pt:.2f}pt; margin: 0; }}")
        closing = "</div>" if number != "1" else ""  # the previous page's sheet
        return (f'{closing}<div style="page: p{number};width:{w_pt:.2f}pt;height:{h_pt:.2f}pt;overflow:hidden">'
                f'<div id="page{number}-div" style="position:relative;width:{width}px;height:{height}px;'
                f'transform:scale({1 / (0.75 * per_point):.6f});transform-origin:0 0">')  # a CSS px is 0.75 pt

    # a page change is a page break; anything between the page divs would print a blank page
    body = _PAGE_DIV.sub(page, re.sub(r'<a name="\d+"></a>', "", html)).replace("</body>", "</div></body>")
    # pdftohtml wraps its page styles in <!-- -->, which Chromium does not read inside <body>
    body = re.sub(r"<style([^>]*)>\s*<!--(.*?)-->\s*</style>", r"<style\1>\2</style>", body, flags=re.DOTALL)
    body = _FONT.sub(lambda m: f"font-family:{_family(m.group(1), installed)};", body)
    style = f"<style>body{{margin:0;background:#fff}} {' '.join(sizes)}\n{_font_classes(body)}</style>"
    return body.replace("</head>", style + "</head>", 1).replace('bgcolor="#A0A0A0"', "")


def chromium_binary() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return name
    raise FileNotFoundError("no chromium on PATH")


def chromium(src: Path, out: Path) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # -nomerge: each line of the sample stays where the sample printed it; merged into paragraphs,
        # the browser lays their lines out again in its own line height and they print over the table below
        _run(["pdftohtml", "-c", "-s", "-noframes", "-nomerge", "-q", "-zoom", str(ZOOM), str(src), str(work / "plan")])
        html = work / "plan.html"
        html.write_text(_paged_html(html.read_text(encoding="utf-8", errors="replace"), _page_widths(src)), encoding="utf-8")
        _run([chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
              f"--user-data-dir={work / 'profile'}", f"--print-to-pdf={out}", html.as_uri()])
    return out


# the layout of each cremonese_2023 rendering in samples/build/layouts.py
_SEED_LAYOUTS = {"cremonese_2023": "main", "cremonese_2023_alt": "alt", "cremonese_2023_borderless": "borderless",
                 "cremonese_2023_reportlab": "reportlab"}


def document(sample: str):
    """The document model a sample was rendered from (samples/build/plan_doc.py)."""
    if sample in _SEED_LAYOUTS:
        from layouts import LAYOUTS
        from seed_to_doc import build_document

        return build_document(SAMPLES / "source" / "cremonese_2023.txt", LAYOUTS[_SEED_LAYOUTS[sample]])
    import synthetic

    data = synthetic.load(sample)
    make = synthetic.cremonese_document if data["template"] == "cremonese_seed" else synthetic.generic_document
    return make(data)


def html(src: Path, out: Path) -> Path:
    """Not a re-print: the sample's own document laid out as a web page and printed by the browser."""
    from render_html import build_pdf

    return build_pdf(document(src.stem), out, chromium_binary())


PRODUCERS = {"gs": ghostscript, "cairo": cairo, "mutool": mutool, "chromium": chromium, "html": html}


def output_path(sample: str, producer: str) -> Path:
    return OUT / f"{sample}__{producer}.pdf"


def build(sample: str, producer: str) -> Path:
    OUT.mkdir(exist_ok=True)
    return PRODUCERS[producer](SAMPLES / f"{sample}.pdf", output_path(sample, producer))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("producers", nargs="*", help=f"some of {list(PRODUCERS)} (default: all)")
    parser.add_argument("--sample", action="append", choices=TEXT_SAMPLES + RENDERINGS)
    args = parser.parse_args(argv)
    unknown = set(args.producers) - set(PRODUCERS)
    if unknown:
        parser.error(f"unknown producer(s) {sorted(unknown)}")
    for sample in args.sample or TEXT_SAMPLES + RENDERINGS:
        for producer in args.producers or list(PRODUCERS):
            if sample in RENDERINGS and producer == "html":
                continue
            path = build(sample, producer)
            print(f"{path.relative_to(SAMPLES.parent)} ({path.stat().st_size / 1e3:.0f} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
