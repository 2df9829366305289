"""``pdfplans extract``: every canonical table of each plan as CSV (or a workbook), with plan.json."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

import typer

from ..outputs import OutputError, clear_tables, foreign_tables, parquet_dataset, remove_created, writable_folder
from .common import Options, batch_status, flag, many, options, quiet_option, strict_option, strict_status, verbose_option, verdict_line
from .inputs import gather, read_each
from .interrupt import interrupted

DIALECTS = ("standard", "excel-it")


def extract(
    ctx: typer.Context,
    plans: List[Path] = typer.Argument(..., help="Plan PDFs, folders (searched recursively) or globs.",
                                       metavar=many("PLAN")),
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="DIR", help="Folder for <table id>.csv and plan.json "
                                       "(default ./<file name>/; with several plans, one subfolder each)."),
    debug: Optional[Path] = typer.Option(None, "--debug", metavar="DIR", help="Also write one PNG per page showing what the reader saw."),
    ocr: bool = typer.Option(True, "--ocr/--no-ocr", help="OCR pages that have no text layer.", metavar=""),
    force: bool = flag(False, "--force", help="Write into a folder that holds another plan's tables (they are removed)."),
    xlsx: bool = flag(False, "--xlsx", help="Also write plan.xlsx: one sheet per table, plus warnings and findings."),
    with_confidence: bool = flag(False, "--with-confidence", help="Add <column>_confidence columns: the OCR "
                                 "confidence (0..100) of each value's printed cell, empty for a text layer."),
    explain: bool = flag(False, "--explain", help="Also print why each printed table got its id: region, columns, "
                         "rows, candidate scores."),
    csv_dialect: str = typer.Option("standard", "--csv-dialect", metavar="DIALECT", help="standard (comma, UTF-8) or excel-it "
                                    "(semicolon, decimal comma, BOM: what Italian Excel opens)."),
    strict: bool = strict_option(),
    quiet: bool = quiet_option(),
    verbose: bool = verbose_option(),
) -> None:
    """Extract every canonical table of a plan into CSV files.

    A table whose reading the plan's own figures contradict is suspect, one the plan announces but
    that was not found is missing: both are named on stderr, with the page.

    Exit status 0: done; 1: some files could not be read; 2: nothing could be extracted, or an output cannot be written;
    3: with --strict, some table is suspect or missing.

    Example: [bold]pdfplans extract piano_2023.pdf --out tables/[/bold]
    """
    opts = options(ctx, quiet, verbose)
    dialect = csv_dialect.lower()
    if dialect not in DIALECTS:
        opts.fail(f"unknown --csv-dialect {csv_dialect!r} ({' or '.join(DIALECTS)})")
    given = gather(plans, opts)
    if not given.files:
        opts.fail("no plan to read" if not given.failed else "no file could be read")
    targets = _targets([path for path, _ in given.files], out)
    created = _check_outputs(given.files, targets, debug, force, opts, out)
    failed = len(given.failed)
    doubtful = 0  # suspect or missing tables over every plan (--strict)
    done: list[Path] = []
    explained: list | None = [] if explain else None  # explanations of the same readings
    with interrupted(opts, lambda: (done, [p for p, _ in given.files if p not in done])):
        for path, plan in read_each(given.files, opts, lambda p: _read(p, ocr, debug, len(given.files) > 1, explained)):
            if isinstance(plan, str):
                opts.error(f"error: {_without_ocr(plan, ocr)}")
                remove_created(created.get(path, []))
                failed += 1
            else:
                _write(plan, targets[path], Written(xlsx, dialect, with_confidence), opts)
                doubtful += len(plan.suspect) + len(plan.missing)
                if explained:
                    typer.echo(str(explained[-1]))
                    explained.clear()
            done.append(path)
    raise typer.Exit(strict_status(batch_status(len(given.files) + len(given.failed) - failed, failed), doubtful, strict))


def _targets(files: list[Path], out: Path | None) -> dict[Path, Path]:
    """Where each plan's tables go: ``out`` for one plan, ``out/<stem>`` for several; ``./<stem>`` by default."""
    if len(files) == 1:
        return {files[0]: out if out is not None else Path(files[0].stem)}
    stems: dict[str, int] = {}
    targets = {}
    for file in files:
        stems[file.stem] = stems.get(file.stem, 0) + 1
        name = file.stem if stems[file.stem] == 1 else f"{file.stem}_{stems[file.stem]}"
        targets[file] = (out if out is not None else Path(".")) / name
    return targets


def _check_outputs(files: list[tuple[Path, str]], targets: dict[Path, Path], debug: Path | None, force: bool,
                   opts: Options, out: Path | None = None) -> dict[Path, list[Path]]:
    """Every output folder writable, none holding another plan's tables and none a dataset, before any reading."""
    created: dict[Path, list[Path]] = {}
    try:
        for folder in dict.fromkeys([*([out] if out is not None else []), *targets.values()]):
            if parquet_dataset(folder):  # even with --force: it removes a plan's tables, never a dataset
                raise OutputError(f"--out {folder}: is a Parquet dataset (pdfplans import --parquet); "
                                  "extract into another folder")
        for path, sha in files:
            reason = foreign_tables(targets[path], sha)
            if reason and not force:
                raise OutputError(f"--out {targets[path]}: {reason}; pass --force to replace them, "
                                  "or choose another folder")
            created[path] = writable_folder(targets[path], "--out")
            if reason:
                clear_tables(targets[path])
        if debug is not None:
            writable_folder(debug, "--debug")
    except OutputError as error:
        for folders in created.values():
            remove_created(folders)
        opts.fail(str(error))
    return created


def _read(path: Path, ocr: bool, debug: Path | None, several: bool, explained: list | None = None):
    from ..reader import read_plan

    return read_plan(path, ocr=ocr, debug_dir=None if debug is None else (debug / path.stem if several else debug),
                     explained=explained)


def _without_ocr(message: str, ocr: bool) -> str:
    if ocr or "OCR is off" not in message:
        return message
    return f"{message}; run without --no-ocr to read scanned pages"


@dataclass(frozen=True)
class Written:
    """What extract writes besides the CSVs of docs/tables.md."""

    xlsx: bool = False
    dialect: str = "standard"
    with_confidence: bool = False


def _write(plan, target: Path, what: Written, opts: Options) -> None:
    from ..export import write_plan

    written = write_plan(plan, target, with_confidence=what.with_confidence, dialect=what.dialect)
    if what.xlsx:
        from ..export_xlsx import write_workbook

        written.append(write_workbook(plan, target / "plan.xlsx"))
    for reason in plan.verdict_warnings():  # by default: a wrong table must never pass in silence
        status = "missing" if reason.table in plan.missing else "suspect"
        opts.warn(f"warning: {plan.file}, {_where(reason.page)}{reason.table}: {status}: {reason.message}")
    for warning in plan.warnings:
        if opts.verbose or warning.kind != "missing_table":
            opts.warn(f"warning: {warning}")
    opts.say(f"{Path(plan.file).name}: {len(plan.tables)} tables ({verdict_line(len(plan.suspect), len(plan.missing))}), "
             f"{plan.pages} pages → {target}/ ({len(written)} files)")
    for table in plan.tables.values():
        opts.detail(f"  {table.id:32} {len(table):4d} rows  pages {table.pages}")


def _where(page: int | None) -> str:
    return f"page {page}, " if page else ""
