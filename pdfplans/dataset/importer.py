"""``import_plans``: parse PDFs in a process pool, write each plan from the parent in one go.

Workers only read PDFs; the parent process is the dataset's single writer (DuckDB allows one
writing process), and it writes plans as their parses arrive.
"""
from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime, timezone
from pathlib import Path

from ..inputs import expand_inputs, file_sha256
from ..model import Plan
from ..outputs import OutputError, remove_created, writable_file, writable_folder
from . import layout
from .report import ImportInterrupted, ImportReport
from .rows import ParsedPlan, from_plan, parse_file
from .stores import DatasetError, Store, open_store

PathLike = str | os.PathLike


def expand(paths: Iterable[PathLike]) -> list[Path]:
    """Files as given, folders as the ``*.pdf`` below them (recursively), globs; each file once."""
    return expand_inputs(paths)


def import_plans(paths: "Iterable[PathLike | Plan] | PathLike", db: PathLike, *, parquet: bool = False,
                 replace: bool = False, workers: int | None = None, progress: bool = True) -> ImportReport:
    """Add plans to the dataset ``db`` (a DuckDB file, or with ``parquet=True`` a Parquet folder).

    ``paths``: PDF files and folders (their ``*.pdf``); ``Plan`` objects already read (e.g. a
    ``read_plans`` collection) are written without reading their files again. A plan whose sha256
    is already in the dataset is skipped unless ``replace``. Files that cannot be read are listed in
    ``report.failed`` with the reason; the others are imported. Raises ``DatasetError`` when the
    dataset itself cannot be opened.
    """
    started = time.perf_counter()
    report = ImportReport(str(db))
    given = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    ready = [p for p in given if isinstance(p, Plan)]
    files = expand(p for p in given if not isinstance(p, Plan))
    writer = _LazyStore(Path(db), parquet)  # created at the first plan written: nothing imported, no file
    pending: list[str] = []
    try:
        known, batch = writer.known(), set[str]()
        todo = [(str(f), sha) for f, sha in _hashed(files, report)
                if _wanted(str(f), sha, known, batch, replace, report)]
        ready = [p for p in ready if _wanted(p.file, p.sha256, known, batch, replace, report)]
        pending = [f for f, _ in todo] + [p.file for p in ready]
        waiting = len(todo) + len(ready)
        total = waiting + len(report.skipped) + len(report.failed)
        with _Progress(total, enabled=progress) as bar:
            bar.advance(total - waiting, f"reading {waiting} plans" if waiting else "all already present")
            for parsed in _chain((from_plan(plan) for plan in ready), _parse_all(todo, workers)):
                _write_one(writer, parsed, replace, report, bar)
                pending.remove(parsed.file)  # after the write: a plan cut by Ctrl-C was rolled back
    except KeyboardInterrupt:
        report.not_done = pending
        report.seconds = time.perf_counter() - started
        raise ImportInterrupted(report) from None
    finally:
        writer.close()
    if writer.ambiti:
        _store_years(Path(db), parquet, writer.ambiti, report)
    order = {name: i for i, name in enumerate([*map(str, files), *(p.file for p in ready)])}
    report.imported.sort(key=lambda f: order.get(f, 0))
    report.failed.sort(key=lambda item: order.get(item[0], 0))
    report.seconds = time.perf_counter() - started
    return report


def _write_one(writer: "_LazyStore", parsed: ParsedPlan, replace: bool, report: ImportReport,
               bar: "_Progress") -> None:
    name = Path(parsed.file).name
    if parsed.error is not None:
        report.failed.append((parsed.file, parsed.error))
        bar.advance(1, f"[red]failed[/] {name}")
        return
    try:
        writer.store().write(_stamped(parsed), parsed.tables, replace)
    except DatasetError:
        raise
    except Exception as error:  # noqa: BLE001 - e.g. a disk full for one plan
        report.failed.append((parsed.file, f"could not be written: {type(error).__name__}: {error}"))
        bar.advance(1, f"[red]failed[/] {name}")
        return
    report.imported.append(parsed.file)
    report.doubtful[parsed.file] = _doubtful(parsed)
    if parsed.plan.get("ambito") and parsed.plan.get("anno"):
        writer.ambiti.add(str(parsed.plan["ambito"]).lower())
    bar.advance(1, f"imported {name}")


def _doubtful(parsed: ParsedPlan) -> list[tuple[str, str, str]]:
    """The suspect and missing tables of a plan, from its ``verdicts`` rows."""
    rows = parsed.tables.get(layout.VERDICTS)
    if rows is None:
        return []
    return [(r["table_id"], r["verdict"], f"page {r['page']}: {r['message']}" if r["page"] else str(r["message"]))
            for r in rows.to_pylist() if r["verdict"] != "ok"]


def _store_years(db: Path, parquet: bool, ambiti: set[str], report: ImportReport) -> None:
    """The findings across years of the ambiti this import touched, from every plan stored."""
    from .years import store_years

    try:
        report.repeated = store_years(db, parquet, ambiti)
    except Exception as error:  # noqa: BLE001 - the plans are in; say what is missing
        report.failed.append((str(db), f"findings across years not stored: {type(error).__name__}: {error}"))


class _LazyStore:
    """The dataset, opened at once when it exists, else created when the first plan is written.

    Its path is checked for writing up front, so a bad ``db`` fails before any PDF is read.
    """

    def __init__(self, path: Path, parquet: bool) -> None:
        self.path, self.parquet = path, parquet
        self._store: Store | None = None
        self.ambiti: set[str] = set()  # (lower-cased) of the plans written: their years to check again
        if path.exists():
            self._store = open_store(path, parquet)
            return
        try:
            if parquet:  # the check makes the folder; the store makes it again, with its tables, when needed
                remove_created(writable_folder(path, "dataset"))
            else:
                writable_file(path, "dataset")
        except OutputError as error:
            raise DatasetError(str(error)) from None

    def known(self) -> set[str]:
        return self._store.known() if self._store is not None else set()

    def store(self) -> Store:
        if self._store is None:
            self._store = open_store(self.path, self.parquet)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def _hashed(files: list[Path], report: ImportReport) -> Iterator[tuple[Path, str]]:
    """(file, sha256) of the files that can be read; the others go to ``failed``."""
    for file in files:
        try:
            yield file, file_sha256(file)
        except OSError as error:
            report.failed.append((str(file), error.strerror or str(error)))


def _wanted(name: str, sha: str, known: set[str], batch: set[str], replace: bool, report: ImportReport) -> bool:
    """False (and ``skipped``) for content already in the dataset, or already in this batch."""
    if sha in batch or (sha in known and not replace):
        report.skipped.append(name)
        return False
    batch.add(sha)
    return True


def _chain(*parts: Iterable[ParsedPlan]) -> Iterator[ParsedPlan]:
    for part in parts:
        yield from part


def _stamped(parsed: ParsedPlan) -> dict:
    from .. import __version__

    return {**parsed.plan, "imported_at": datetime.now(timezone.utc).replace(tzinfo=None),
            "pdfplans_version": __version__}


def _parse_all(todo: list[tuple[str, str]], workers: int | None) -> Iterator[ParsedPlan]:
    """Parses in completion order: in this process for one worker (or one file), else in a pool."""
    count = min(workers or os.cpu_count() or 1, len(todo))
    if count <= 1:
        for file, sha in todo:
            yield parse_file(file, sha)
        return
    with ProcessPoolExecutor(max_workers=count, initializer=_worker_setup) as pool:
        futures: dict[Future, tuple[str, str]] = {pool.submit(parse_file, f, s): (f, s) for f, s in todo}
        waiting = set(futures)
        try:
            while waiting:
                # Never an endless wait: a Ctrl-C the kernel hands to another thread (the pool's, the
                # bar's) is only heard when this thread wakes, which was when the next plan was read.
                done, waiting = wait(waiting, timeout=_WAKE, return_when=FIRST_COMPLETED)
                for future in done:
                    yield _result(future, *futures[future])
        except BaseException:
            _stop(pool)
            raise


_WAKE = 0.2  # seconds between two looks at the workers, and so the longest a Ctrl-C waits to be heard


def _result(future: Future, file: str, sha: str) -> ParsedPlan:
    try:
        return future.result()
    except BrokenProcessPool as error:  # a worker died (e.g. killed, out of memory)
        return ParsedPlan(file, sha, error=f"the worker reading it died: {error}")
    except Exception as error:  # noqa: BLE001 - e.g. a result that could not be pickled
        return ParsedPlan(file, sha, error=f"{type(error).__name__}: {error}")


def _stop(pool: ProcessPoolExecutor) -> None:
    """Ctrl-C (or an error) while plans are read: the workers stop now, not after their files."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public API to stop a task
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()


def _worker_setup() -> None:
    """In each worker: Ctrl-C is the parent's to handle (no traceback per worker); SIGTERM from
    ``_stop`` ends the worker at once, with the tesseracts it started."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _end_worker)


def _end_worker(_signum: int, _frame: object) -> None:
    from ..extractors import cancel

    cancel.kill_all()
    os._exit(128 + signal.SIGTERM)


class _Progress:
    """A rich progress bar on stderr with the file names; silent when disabled or not a terminal."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.bar = None
        if enabled and total and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("[bold]importing"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), TextColumn("{task.description}"),
                                console=Console(stderr=True), transient=False)
            self.task = self.bar.add_task("", total=total)

    def __enter__(self) -> "_Progress":
        if self.bar is not None:
            self.bar.start()
        return self

    def advance(self, steps: int, description: str | None) -> None:
        if self.bar is not None:
            self.bar.update(self.task, advance=steps, description=description or "")

    def __exit__(self, *_exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
