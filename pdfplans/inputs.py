"""Which files a batch reads: globs, files and folders (recursively), each file once; and which
plans count when the same ambito and year came more than once (another rendering, an edition).

Shared by ``read_plans``, ``import_plans`` and the command line, so all three take the same inputs.
"""
from __future__ import annotations

import glob
import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Plan

PathsOrGlob = "str | os.PathLike | Iterable[str | os.PathLike]"


def _pdfs_under(folder: Path) -> list[Path]:
    """Every ``*.pdf`` below ``folder`` (subfolders included, hidden ones not), sorted."""
    found: list[Path] = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        found.extend(Path(root) / f for f in files if f.lower().endswith(".pdf") and not f.startswith("."))
    return sorted(found)


def expand_inputs(paths_or_glob: "str | os.PathLike | Iterable[str | os.PathLike]") -> list[Path]:
    """A glob pattern, a file, a folder (its ``*.pdf``, recursively), or a list of these; each file once."""
    return expand_counted(paths_or_glob)[0]


def expand_counted(paths_or_glob: "str | os.PathLike | Iterable[str | os.PathLike]") -> tuple[list[Path], list[Path]]:
    """``expand_inputs``, and the files that came more than once (the same path given twice, a file
    inside a folder also given): each is read once, and whoever reports may say so."""
    items = [paths_or_glob] if isinstance(paths_or_glob, (str, os.PathLike)) else list(paths_or_glob)
    out: list[Path] = []
    for item in items:
        text = str(item)
        path = Path(text)
        if path.is_dir():
            out.extend(_pdfs_under(path))
        elif not path.exists() and glob.has_magic(text):
            for match in sorted(glob.glob(text, recursive=True)):
                out.extend(_pdfs_under(Path(match)) if Path(match).is_dir() else [Path(match)])
        else:
            out.append(path)  # a missing file is reported by whoever reads it
    unique: dict[Path, Path] = {}
    again: list[Path] = []
    for path in out:
        if path.resolve() in unique:
            again.append(path)
        unique.setdefault(path.resolve(), path)
    return list(unique.values()), again


def file_sha256(path: str | os.PathLike) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def one_per_ambito_year(plans: "Iterable[Plan]") -> "tuple[list[Plan], list[tuple[Plan, Plan]]]":
    """The first plan of each (ambito, anno), and each other one paired with the plan kept instead.

    Plans whose ambito or year could not be read are all kept: nothing says they are the same plan.
    """
    kept: list[Plan] = []
    first: dict[tuple[str, int], Plan] = {}
    dropped: list[tuple[Plan, Plan]] = []
    for plan in plans:
        key = (plan.ambito, plan.anno)
        if plan.ambito is None or plan.anno is None:
            kept.append(plan)
        elif key in first:
            dropped.append((plan, first[key]))
        else:
            first[key] = plan  # type: ignore[index]
            kept.append(plan)
    return kept, dropped
