"""The plans a command was given: files, folders (recursively) and globs, each content once.

Reading goes through ``read_each``: one bad file is named and the others go on; Ctrl-C stops
at once and says which files were done and which were not.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .common import Options
from .progress_bar import PlanProgress

if TYPE_CHECKING:
    from ..model import Plan


@dataclass
class Inputs:
    """Files to read (with their sha256), and the lines saying what was left out and why."""

    files: list[tuple[Path, str]] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)


def gather(given: list[Path], opts: Options) -> Inputs:
    """Expand ``given``; a file whose content came already is read once, with a warning."""
    from ..inputs import file_sha256

    found = Inputs()
    first: dict[str, Path] = {}
    for path in announce(given, opts):
        try:
            sha = file_sha256(path)
        except OSError as error:
            opts.error(f"error: {path}: {error.strerror or error}")
            found.failed.append((path, error.strerror or str(error)))
            continue
        if sha in first:
            opts.warn(f"warning: {path} is the same file as {first[sha]} (same sha256): read once")
            continue
        first[sha] = path
        found.files.append((path, sha))
    return found


def announce(given: list[Path], opts: Options) -> list[Path]:
    """The files ``given`` stands for, each once; a folder without PDFs and a file named twice get a warning."""
    from ..inputs import expand_counted

    paths, again = expand_counted(given)
    for item in given:
        if Path(item).is_dir() and not any(_under(p, Path(item)) for p in paths):
            opts.warn(f"warning: {item}: no PDF in this folder")
    for path in dict.fromkeys(again):
        opts.warn(f"warning: {path} was given more than once: read once")
    return paths


def _under(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def read_each(files: list[tuple[Path, str]], opts: Options, read: Callable[[Path], "Plan"],
              ) -> Iterator[tuple[Path, "Plan | str"]]:
    """(file, plan) or (file, reason it could not be read), file after file, with a progress bar."""
    from ..errors import PlanReadError

    with PlanProgress(len(files), enabled=not opts.quiet) as bar:
        for path, _sha in files:
            bar.start_file(path.name)
            try:
                plan: Plan | str = read(path)
            except PlanReadError as error:
                plan = str(error)
            except (KeyboardInterrupt, SystemExit):
                raise
            except Exception as error:  # a bug or a file no rule foresaw: one line, never a traceback
                if opts.verbose:
                    import traceback

                    traceback.print_exc()
                plan = f"{path}: unexpected failure while reading ({type(error).__name__}: {error})"
            bar.file_done()
            with bar.hidden():
                yield path, plan


def one_per_year(plans: list["Plan"], opts: Options) -> list["Plan"]:
    """The first plan of each ambito and year; the others (renderings, editions) left out with a warning."""
    from ..inputs import one_per_ambito_year

    kept, dropped = one_per_ambito_year(plans)
    for plan, original in dropped:
        opts.warn(f"warning: {plan.file} is again {plan.ambito} {plan.anno} (as {original.file}): "
                  "left out of the checks")
    return kept
