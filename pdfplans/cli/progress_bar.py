"""Progress on stderr while plans are read: files done, and pages during OCR (the slow stage).

Only on a terminal, and never with --quiet: redirected output stays clean.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class PlanProgress:
    """A rich bar of files (when more than one), plus one of the stage the current file is in."""

    def __init__(self, files: int, enabled: bool) -> None:
        self.bar: Any = None
        self.files = files
        self._context: Any = None
        if enabled and files and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self.file_task = self.bar.add_task("plans", total=files, visible=files > 1)
            self.stage_task = self.bar.add_task("", total=None, visible=False)

    def __enter__(self) -> "PlanProgress":
        if self.bar is not None:
            from ..progress import observing

            self.bar.start()
            self._context = observing(self._stage)
            self._context.__enter__()
        return self

    def start_file(self, name: str) -> None:
        self.name = name
        if self.bar is not None:
            self.bar.update(self.stage_task, description=f"reading {name}", completed=0, total=None, visible=True)

    def _stage(self, stage: str, done: int, total: int) -> None:
        self.bar.update(self.stage_task, description=f"{self.name}: {stage}", completed=done, total=total)

    def file_done(self) -> None:
        if self.bar is not None:
            self.bar.update(self.stage_task, visible=False)
            self.bar.advance(self.file_task)

    @contextmanager
    def hidden(self) -> Iterator[None]:
        """The bar off the terminal while a file's lines are printed: click writes past rich's
        redirection, and a line printed under a live bar lands glued to its end."""
        if self.bar is None:
            yield
            return
        self.bar.stop()  # transient: the bar's line is cleared, the cursor at its start
        yield
        self.bar.start()  # not after Ctrl-C or a closed loop: the bar stays off for the last lines

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self._context.__exit__(*exc)
            self.bar.stop()
