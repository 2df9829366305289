"""The ``pdfplans import`` command (wired into the CLI app by ``pdfplans/cli.py``)."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer


def _flags() -> tuple[bool, bool]:
    """--quiet / --verbose of the main app, when this runs inside it."""
    try:
        from ..cli import _State

        return bool(_State.quiet), bool(_State.verbose)
    except ImportError:  # pragma: no cover - the command used on its own
        return False, False


def import_command(
    plans: List[Path] = typer.Argument(..., help="Plan PDFs, or folders whose *.pdf are all imported."),
    db: Path = typer.Option(..., "--db", "-d", help="The dataset: a DuckDB file (created if missing), or a "
                                                    "folder with --parquet."),
    parquet: bool = typer.Option(False, "--parquet", help="Write a folder of Parquet files instead of DuckDB."),
    replace: bool = typer.Option(False, "--replace", help="Re-import files already in the dataset (same sha256)."),
    workers: Optional[int] = typer.Option(None, "--workers", "-j", min=1,
                                          help="Processes reading PDFs (default: number of cores)."),
) -> None:
    """Add plans to a dataset (DuckDB by default); a file already imported is skipped.

    Each plan goes in whole or not at all. Files that cannot be read are named, with the reason, and the others are imported.

    Exit status 0: every file is in the dataset; 1: some files failed; 2: nothing could be imported.

    Example: [bold]pdfplans import piani/ piano_2024.pdf --db piani.duckdb[/bold]
    """
    from rich.console import Console
    from rich.table import Table as RichTable

    from .importer import import_plans
    from .stores import DatasetError

    quiet, verbose = _flags()
    err = Console(stderr=True)
    try:
        report = import_plans(plans, db, parquet=parquet, replace=replace, workers=workers, progress=not quiet)
    except DatasetError as error:
        err.print(f"[red]error:[/] {error}", highlight=False)
        raise typer.Exit(2)
    if report.failed:
        failures = RichTable(title="files not imported", title_style="bold red", title_justify="left")
        failures.add_column("file", no_wrap=True)  # the name must stay whole to be found
        failures.add_column("reason")
        failures.add_column("folder", overflow="fold")
        for file, reason in report.failed:
            failures.add_row(Path(file).name, reason, str(Path(file).parent), style="red")
        err.print(failures)
    if not quiet:
        out = Console()
        if verbose:
            for file in report.imported:
                out.print(f"[green]imported[/] {file}", highlight=False)
            for file in report.skipped:
                out.print(f"[dim]already present[/] {file}", highlight=False)
        colour = {0: "green", 1: "yellow", 2: "red"}[report.exit_status]
        out.print(f"[{colour}]{len(report.imported)} imported[/], {len(report.skipped)} already present, "
                  f"{len(report.failed)} failed → {report.dataset} ({report.seconds:.1f} s)", highlight=False)
    raise typer.Exit(report.exit_status)
