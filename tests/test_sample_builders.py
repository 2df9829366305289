"""The scripts that build samples/ still build them: the reportlab rendering is rebuilt and prints
exactly the text of the committed PDF; the Word document of the main sample builds."""
from __future__ import annotations

import subprocess
import sys

import pytest
from expected import SAMPLES

BUILD = SAMPLES / "build"


@pytest.fixture(scope="module")
def builders():
    sys.path.insert(0, str(BUILD))
    import layouts
    import seed_to_doc

    yield layouts, seed_to_doc
    sys.path.remove(str(BUILD))


def _text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_reportlab_sample_rebuilds_identically(builders, tmp_path):
    layouts, seed_to_doc = builders
    from render_reportlab import build_pdf

    doc = seed_to_doc.build_document(SAMPLES / "source" / "cremonese_2023.txt", layouts.LAYOUTS["reportlab"])
    rebuilt = build_pdf(doc, tmp_path / "rebuilt.pdf")
    assert _text(rebuilt) == _text(SAMPLES / "cremonese_2023_reportlab.pdf")


def test_main_sample_document_builds(builders, tmp_path):
    layouts, seed_to_doc = builders
    from render_docx import build_docx

    doc = seed_to_doc.build_document(SAMPLES / "source" / "cremonese_2023.txt", layouts.LAYOUTS["main"])
    out = tmp_path / "main.docx"
    build_docx(doc, out)
    assert out.stat().st_size > 20_000
    import docx

    tables = docx.Document(str(out)).tables
    assert len(tables) >= 20  # every table of the plan is a real Word table
