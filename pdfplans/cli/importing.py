"""``pdfplans import``: plans into a DuckDB file or a Parquet folder."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .common import Options, flag, many, options, quiet_option, strict_option, strict_status, verbose_option


def import_command(
    ctx: typer.Context,
    plans: List[Path] = typer.Argument(..., help="Plan PDFs, folders (their *.pdf, recursively) or globs.",
                                       metavar=many("PLAN")),
    db: Path = typer.Option(..., "--db", "-d", metavar="PATH", help="The dataset: a DuckDB file (created if missing), or a "
                                                    "folder with --parquet."),
    parquet: bool = flag(False, "--parquet", help="Write a folder of Parquet files instead of DuckDB."),
    replace: bool = flag(False, "--replace", help="Re-import files already in the dataset (same sha256)."),
    workers: Optional[int] = typer.Option(None, "--workers", "-j", min=1, metavar="N",
                                          help="Processes reading PDFs (default: number of cores)."),
    strict: bool = strict_option(),
    quiet: bool = quiet_option(),
    verbose: bool = verbose_option(),
) -> None:
    """Add plans to a dataset (DuckDB by default); a file already imported is skipped.

    Each plan goes in whole or not at all. Files that cannot be read are named, with the reason, and the others are imported.

    Each plan's suspect and missing tables are counted and named; the dataset's ``verdicts`` table keeps them.

    Exit status 0: every file is in the dataset; 1: some files failed; 2: nothing could be imported;
    3: with --strict, some table is suspect or missing; 130: interrupted.

    Example: [bold]pdfplans import piani/ piano_2024.pdf --db piani.duckdb[/bold]
    """
    from rich.console import Console

    from ..dataset.importer import import_plans
    from ..dataset.report import ImportInterrupted
    from ..dataset.stores import DatasetError
    from .inputs import announce
    from .interrupt import say_interrupted

    opts = options(ctx, quiet, verbose)
    err = Console(stderr=True)
    try:
        report = import_plans(announce(plans, opts), db, parquet=parquet, replace=replace, workers=workers, progress=not opts.quiet)
    except DatasetError as error:
        opts.fail(str(error))
    except ImportInterrupted as stop:
        _print_report(stop.report, opts, err)
        say_interrupted(opts, stop.report.imported + stop.report.skipped + [f for f, _ in stop.report.failed],
                        stop.report.not_done)
        raise typer.Exit(130)
    _print_report(report, opts, err)
    raise typer.Exit(strict_status(report.exit_status, report.doubtful_tables, strict))


def _print_report(report, opts: Options, err) -> None:
    from rich.console import Console
    from rich.table import Table as RichTable

    if report.failed:
        failures = RichTable(title="files not imported", title_style="bold red", title_justify="left")
        failures.add_column("file", no_wrap=True)  # the name must stay whole to be found
        failures.add_column("reason")
        failures.add_column("folder", overflow="fold")
        for file, reason in report.failed:
            failures.add_row(Path(file).name, reason, str(Path(file).parent), style="red")
        err.print(failures)
    for line in report.repeated_lines():
        opts.warn(f"warning: {line}")
    for line in report.verdict_lines():  # per plan, by default: suspect tables are never silent
        (opts.warn if "\n" in line else opts.say)(line)
    if opts.quiet:
        return
    out = Console()
    if opts.verbose:
        for file in report.imported:
            out.print(f"[green]imported[/] {file}", highlight=False)
        for file in report.skipped:
            out.print(f"[dim]already present[/] {file}", highlight=False)
    colour = {0: "green", 1: "yellow", 2: "red"}[report.exit_status]
    out.print(f"[{colour}]{len(report.imported)} imported[/], {len(report.skipped)} already present, "
              f"{len(report.failed)} failed → {report.destination} ({report.seconds:.1f} s)", highlight=False)
