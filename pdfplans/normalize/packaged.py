"""The package's data files (normalize/data/): read from the folder when the package is one on disk,
through importlib.resources otherwise (a zipped install). importlib.resources imports zipfile, a cost
paid at every start of ``pdfplans extract`` (issue 12)."""
from __future__ import annotations

from pathlib import Path

_DATA = Path(__file__).with_name("data")


def data_text(name: str) -> str:
    """The text of ``data/<name>`` (UTF-8)."""
    path = _DATA / name
    if path.is_file():
        return path.read_text(encoding="utf-8")
    from importlib import resources

    return resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
