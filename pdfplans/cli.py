"""The ``pdfplans`` command line: extract, check, import, comuni.

Exit statuses follow interfaces.md: 0 done, 1 discrepancies / some files failed / some names
unresolved, 2 the input could not be read at all.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .errors import PlanReadError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode="rich",
    help="Lombardy's annual social-housing plans (Piani annuali dell'offerta abitativa) as clean, checked data.",
)


class _State:
    quiet = False
    verbose = False


def _warn(message: str) -> None:
    if not _State.quiet:
        typer.secho(message, err=True, fg=typer.colors.YELLOW)


def _error(message: str) -> None:
    typer.secho(message, err=True, fg=typer.colors.RED)


def _read(path: Path, **options):
    """read_plan, with every failure turned into one line naming the file (exit status 2)."""
    from .reader import read_plan

    try:
        return read_plan(path, **options)
    except PlanReadError as error:
        _error(f"error: {error}")
    except Exception as error:  # a bug or a file no rule foresaw: say so plainly, never a traceback
        if _State.verbose:
            import traceback

            traceback.print_exc()
        _error(f"error: {path}: unexpected failure while reading ({type(error).__name__}: {error})")
    raise typer.Exit(2)


@app.callback()
def main_options(
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print errors only."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Print every warning and what was found."),
) -> None:
    _State.quiet, _State.verbose = quiet, verbose


@app.command()
def extract(
    plan: Path = typer.Argument(..., help="The plan PDF."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for <table id>.csv and plan.json."),
    debug: Optional[Path] = typer.Option(None, "--debug", help="Also write one PNG per page showing what the reader saw."),
    ocr: bool = typer.Option(True, "--ocr/--no-ocr", help="OCR pages that have no text layer."),
    explain: bool = typer.Option(False, "--explain", help="Also print why each printed table got its id: region, columns, rows, candidate scores."),
) -> None:
    """Extract every canonical table of a plan into CSV files.

    Example: [bold]pdfplans extract piano_2023.pdf --out tables/[/bold]
    """
    from .export import write_plan

    result = _read(plan, ocr=ocr, debug_dir=debug)
    written = write_plan(result, out)
    for warning in result.warnings:
        if _State.verbose or warning.kind != "missing_table":
            _warn(f"warning: {warning}")
    if not _State.quiet:
        typer.echo(f"{plan.name}: {len(result.tables)} tables, {result.pages} pages → {out}/ ({len(written)} files)")
        if _State.verbose:
            for table in result.tables.values():
                typer.echo(f"  {table.id:32} {len(table):4d} rows  pages {table.pages}")
    if explain:
        from .reader import explain as explain_plan

        typer.echo(str(explain_plan(plan, ocr=ocr)))


@app.command()
def check(
    plans: List[Path] = typer.Argument(..., help="One plan, or several plans of the same ambito (years compared)."),
    format: str = typer.Option("text", "--format", "-f", help="text, json or html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report here instead of stdout."),
) -> None:
    """Run every reconciliation rule and report the discrepancies, with their pages.

    Exit status 0: no discrepancy; 1: discrepancies; 2: a file could not be read.

    Example: [bold]pdfplans check piano_2022.pdf piano_2023.pdf --format html -o report.html[/bold]
    """
    from .checks import render_report, run_checks

    if format not in ("text", "json", "html"):
        _error(f"error: unknown format {format!r} (text, json or html)")
        raise typer.Exit(2)
    read = [_read(path) for path in plans]
    findings = run_checks(read)
    report = render_report(findings, read, format, color=None if output is None else False)
    if output is not None:
        output.write_text(report, encoding="utf-8")
        if not _State.quiet:
            typer.echo(f"{len(findings)} findings → {output}")
    else:
        sys.stdout.write(report if report.endswith("\n") else report + "\n")
    raise typer.Exit(1 if findings.has_discrepancies else 0)


@app.command()
def comuni(
    names: List[str] = typer.Argument(..., help="Names as printed, e.g. 'PIEVE SG' 'CASALBUTTA NO ED UNITI'."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list instead of a table."),
    provincia: List[str] = typer.Option([], "--provincia", "-p", help="Province sigla to search first (repeatable)."),
    anno: Optional[int] = typer.Option(None, "--anno", help="Year of the plan (names of comuni merged since then)."),
) -> None:
    """Show how printed comune names resolve: official name, ISTAT code, score, method, runner-up.

    Exit status 1 when some name stays unresolved.

    Example: [bold]pdfplans comuni "PIEVE SG" "S.DANIELE PO" -p CR[/bold]
    """
    from .normalize.comuni import Resolver

    resolver = Resolver(provinces=provincia, year=anno)
    results = [resolver.resolve(name) for name in names]
    if as_json:
        typer.echo(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2))
    else:
        from rich.console import Console
        from rich.table import Table as RichTable

        grid = RichTable("printed", "comune", "ISTAT", "score", "method", "runner-up")
        for r in results:
            style = None if r.resolved else "red"
            grid.add_row(r.input, r.comune or "— unresolved —", r.comune_istat or "", f"{r.score:.0f}", r.method,
                         f"{r.runner_up} ({r.runner_up_score:.0f})" if r.runner_up else "", style=style)
        Console().print(grid)
    raise typer.Exit(0 if all(r.resolved for r in results) else 1)


from .dataset.command import import_command  # noqa: E402  (registered after the commands above, in help order)

app.command("import")(import_command)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
