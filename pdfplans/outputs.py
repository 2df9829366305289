"""Output paths checked before any reading: a path that cannot be written costs no minute of OCR.

Each check either returns (having created nothing but the folders it needed) or raises
``OutputError`` with one line that names the path and why.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from .schema import TABLE_IDS


class OutputError(Exception):
    """An output path that cannot be written; the message is the one line to print."""


def _nearest_existing(path: Path) -> Path:
    probe = path
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    return probe


def _probe(folder: Path, what: str, target: Path) -> None:
    """Write and remove a file in ``folder``: os.access lies for root and for /proc."""
    try:
        handle, name = tempfile.mkstemp(dir=folder, prefix=".pdfplans-probe-")
        os.close(handle)
        os.unlink(name)
    except OSError as error:
        raise OutputError(f"{what} {target}: cannot write in {folder} ({error.strerror or error})") from None


def writable_folder(path: Path, what: str) -> list[Path]:
    """Make sure ``path`` is a folder we can write in; returns the folders created for it."""
    if path.exists() and not path.is_dir():
        raise OutputError(f"{what} {path}: exists and is not a folder")
    created: list[Path] = []
    missing = [p for p in [path, *path.parents] if not p.exists()]
    base = _nearest_existing(path)
    if not base.is_dir():
        raise OutputError(f"{what} {path}: {base} is not a folder")
    for folder in reversed(missing):
        try:
            folder.mkdir()
        except OSError as error:
            remove_created(created)
            raise OutputError(f"{what} {path}: cannot create {folder} ({error.strerror or error})") from None
        created.append(folder)
    try:
        _probe(path, what, path)
    except OutputError:
        remove_created(created)
        raise
    return created


def writable_file(path: Path, what: str) -> None:
    """Make sure the file ``path`` can be written (created or replaced) without creating it."""
    if path.is_dir():
        raise OutputError(f"{what} {path}: is a folder, give a file name")
    base = _nearest_existing(path.parent)
    if not base.is_dir():
        raise OutputError(f"{what} {path}: {base} is not a folder")
    if path.exists():
        if not os.access(path, os.W_OK):
            raise OutputError(f"{what} {path}: the file is not writable")
        _probe(path.parent, what, path)
        return
    if base != path.parent:  # folders to create: try where the first one would go
        try:
            path.parent.mkdir(parents=True)
        except OSError as error:
            raise OutputError(f"{what} {path}: cannot create {path.parent} ({error.strerror or error})") from None
    _probe(path.parent, what, path)


def remove_created(folders: list[Path]) -> None:
    """Remove folders a check created, innermost first, if they stayed empty."""
    for folder in reversed(folders):
        try:
            folder.rmdir()
        except OSError:
            pass


def parquet_dataset(folder: Path) -> bool:
    """Whether ``folder`` is a Parquet dataset (``import --parquet``): its ``plans`` subfolder and
    table subfolders (dataset/layout.py), which an extraction's CSVs must never join."""
    return (folder / "plans").is_dir() and any((folder / table).is_dir() for table in TABLE_IDS)


def foreign_tables(folder: Path, sha256: str) -> str | None:
    """Why ``folder`` holds another plan's tables (a reason to refuse), or None.

    A folder is ours to write when it holds no canonical CSV, or when its ``plan.json`` is of the
    very same file (extracting it again).
    """
    if not folder.is_dir():
        return None
    tables = sorted(p.name for p in folder.iterdir() if p.suffix == ".csv" and p.stem in TABLE_IDS)
    metadata = folder / "plan.json"
    if metadata.is_file():
        try:
            previous = json.loads(metadata.read_text(encoding="utf-8")).get("sha256")
        except (OSError, ValueError, AttributeError):
            previous = None
        if previous == sha256:
            return None
        return f"holds the tables of another plan (plan.json of sha256 {str(previous)[:12]}…)"
    if tables:
        return f"holds {len(tables)} table CSVs of another extraction ({', '.join(tables[:3])}…)"
    return None


def clear_tables(folder: Path) -> None:
    """With --force: the previous plan's tables go, so none is left beside the new plan.json."""
    for path in folder.iterdir():
        if (path.suffix == ".csv" and path.stem in TABLE_IDS) or path.name in ("plan.json", "plan.xlsx"):
            path.unlink()
