"""examples/pdfplans_tour.ipynb runs end to end, and the charts it saves are real PNG images."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "pdfplans_tour.ipynb"
CHARTS = ("units_per_comune.png", "trend_cremona.png", "findings_per_rule.png")


def _kernel_for_this_interpreter(folder: Path) -> str:
    """A kernelspec running this very Python (the project's venv), whatever else is installed."""
    name = "pdfplans-test"
    spec = folder / "kernels" / name
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "pdfplans tests", "language": "python"}))
    return name


def test_tour_notebook_runs_and_writes_its_charts(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.delenv("PDFPLANS_TOUR_OUT", raising=False)  # its default: a temporary folder
    (tmp_path / "tmp").mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    before = sorted(p.relative_to(ROOT) for p in (ROOT / "examples").rglob("*"))
    monkeypatch.setenv("PDFPLANS_SAMPLES", str(ROOT / "samples"))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    kernel = _kernel_for_this_interpreter(tmp_path / "jupyter")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(notebook, kernel_name=kernel, timeout=240,
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError on the first failing cell

    errors = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])
              if o.get("output_type") == "error"]
    assert errors == []
    shown = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])
             if "image/png" in o.get("data", {})]
    assert len(shown) >= 3  # the three charts are displayed inline too
    html = "".join(o.get("data", {}).get("text/html", "") for cell in notebook.cells
                   if cell.cell_type == "code" for o in cell.get("outputs", []))
    assert "g_assegnabili" in html and "findings" in html  # Table / Findings rendered as HTML

    assert sorted(p.relative_to(ROOT) for p in (ROOT / "examples").rglob("*")) == before  # nothing in the repo
    charts = next((tmp_path / "tmp").glob("pdfplans_tour_charts_*"))
    for name in CHARTS:
        path = charts / name
        assert path.exists(), name
        with Image.open(path) as image:
            image.load()
            assert image.format == "PNG"
            assert image.width >= 400 and image.height >= 300
            colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
            assert colours is None or len(colours) > 20, f"{name} looks blank"
