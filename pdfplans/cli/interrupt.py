"""Ctrl-C: stop at once, say what was done and what was not, exit 130."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import typer

from .common import EXIT_INTERRUPTED, Options

Progress = Callable[[], "tuple[Sequence[Path | str], Sequence[Path | str]]"]


@contextmanager
def interrupted(opts: Options, progress: Progress) -> Iterator[None]:
    """Inside the ``with``, Ctrl-C prints the files done and not done (from ``progress()``) and exits 130."""
    try:
        yield
    except KeyboardInterrupt:
        done, left = progress()
        say_interrupted(opts, done, left)
        raise typer.Exit(EXIT_INTERRUPTED) from None


def say_interrupted(opts: Options, done: Sequence[Path | str], left: Sequence[Path | str]) -> None:
    def names(files: Sequence[Path | str]) -> str:
        shown = ", ".join(Path(f).name for f in files[:8])
        return shown + (f" and {len(files) - 8} more" if len(files) > 8 else "")

    opts.error("interrupted (Ctrl-C)")
    if done:
        opts.error(f"  done ({len(done)}): {names(done)}")
    if left:
        opts.error(f"  not done ({len(left)}): {names(left)}")
