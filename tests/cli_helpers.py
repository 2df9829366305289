"""Running the command line in-process (typer.testing) with stdout and stderr apart."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from pdfplans.cli import app

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SMALL = SAMPLES / "brescia_ovest_2023.pdf"  # 4 pages: the fastest plan to read
OTHER = SAMPLES / "oglio_po_2023.pdf"  # 5 pages, another ambito


def run(*args: str | Path):
    """The result of ``pdfplans ARGS`` (``.exit_code``, ``.stdout``, ``.stderr``)."""
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


def corrupt(folder: Path, name: str = "verbale.pdf") -> Path:
    """A text file with a .pdf name."""
    path = folder / name
    path.write_text("verbale della riunione, non un piano\n", encoding="utf-8")
    return path
