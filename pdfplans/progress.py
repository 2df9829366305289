"""Progress of a long read, for whoever shows it (the command line's bars); silent by default.

The reader's stages call ``report(stage, done, total)``; ``observing(callback)`` sets who hears it
for the code run inside the ``with`` (a context variable: threads and callers never mix).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Observer = Callable[[str, int, int], None]  # (stage, done, total)

_observer: ContextVar[Observer | None] = ContextVar("pdfplans_progress", default=None)


def report(stage: str, done: int, total: int) -> None:
    observer = _observer.get()
    if observer is not None:
        observer(stage, done, total)


@contextmanager
def observing(observer: Observer | None) -> Iterator[None]:
    token = _observer.set(observer)
    try:
        yield
    finally:
        _observer.reset(token)
