"""A few renderings of benchmarks/robustness.py, each read back exactly (the sweep with figures is
the benchmark itself: benchmarks/README.md).

Each seed draws a plan, a renderer, fonts, widths, margins and a re-printer (gs, pdftocairo, mutool
or none); the seeds here are drawn with reportlab (built-in fonts) or the browser (DejaVu, which the
plain setup installs), so they need no LibreOffice. Each was read wrong before a rule of the reader
(named beside it) and reads every transcribed cell now, with no row too many and no table lost.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import robustness  # noqa: E402

# seed -> (template, renderer, producer) it must draw, and what it guards
SEEDS = {
    3: ("oglio_po_2023", "browser", "gs"),  # the browser's fi and ff ligatures, their Unicode byte-swapped by gs
    5: ("lodi_2023", "reportlab", "gs"),  # justified Courier prose in larger type under riparto: no row of it
    12: ("mantova_2023", "reportlab", "cairo"),  # k's caption right under j: no row of j
    17: ("lodi_2023", "reportlab", "gs"),  # "Soc. Coop." over "Abitare Lodigiano": one cell, no sentence ended
    23: ("vimercate_2023", "reportlab", "gs"),  # the place and date under k: no row of k
    71: ("brescia_ovest_2023", "browser", "mutool"),  # misure's cells a space apart; f named over a line break
    145: ("vimercate_2023", "reportlab", "none"),  # the place and date under k in the rows' own type, at the margin
}


@pytest.mark.parametrize("seed", list(SEEDS))
def test_rendering_reads_exactly(tmp_path, seed):
    d = robustness.draw(seed, robustness.TEMPLATES, robustness.RENDERERS, robustness.PRODUCERS)
    assert (d.template, d.renderer, d.producer) == SEEDS[seed]  # the draw itself has not changed
    pdf = robustness.render(d, tmp_path)
    if d.producer != "none":
        from producers import PRODUCERS

        pdf = PRODUCERS[d.producer](pdf, pdf.with_name(f"{pdf.stem}__{d.producer}.pdf"))
    right, total, lost, shown = robustness.score(pdf, d.template)
    assert (lost, shown) == ([], [])
    assert right == total
