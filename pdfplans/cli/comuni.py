"""``pdfplans comuni``: how printed names resolve, and why."""
from __future__ import annotations

import json
from typing import List, Optional

import typer

from .common import flag, many, options, quiet_option, verbose_option


def comuni(
    ctx: typer.Context,
    names: List[str] = typer.Argument(..., help="Names as printed, e.g. 'PIEVE SG' 'CASALBUTTA NO ED UNITI'.",
                                    metavar=many("NAME")),
    as_json: bool = flag(False, "--json", help="Print a JSON list instead of a table."),
    provincia: List[str] = typer.Option([], "--provincia", "-p", metavar="SIGLA", help="Province sigla to search first (repeatable)."),
    anno: Optional[int] = typer.Option(None, "--anno", metavar="YEAR", help="Year of the plan (names of comuni merged since then)."),
    quiet: bool = quiet_option(),
    verbose: bool = verbose_option(),
) -> None:
    """Show how printed comune names resolve: official name, ISTAT code, score, method, runner-up.

    Exit status 1 when some name stays unresolved.

    Example: [bold]pdfplans comuni "PIEVE SG" "S.DANIELE PO" -p CR[/bold]
    """
    from ..normalize.comuni import Resolver

    options(ctx, quiet, verbose)
    resolver = Resolver(provinces=provincia, year=anno)
    results = [resolver.resolve(name) for name in names]
    if as_json:
        typer.echo(json.dumps([_record(r) for r in results], ensure_ascii=False, indent=2))
    else:
        _print_table(results)
    raise typer.Exit(0 if all(r.resolved for r in results) else 1)


def _record(result) -> dict:
    """The JSON record the README documents, plus the runner-up's score (how close the call was)."""
    record = result.as_dict()
    record["runner_up_score"] = round(result.runner_up_score, 1) if result.runner_up else None
    return record


def _print_table(results) -> None:
    from rich.console import Console
    from rich.table import Table as RichTable

    grid = RichTable("printed", "comune", "ISTAT", "score", "method", "runner-up")
    for r in results:
        style = None if r.resolved else "red"
        grid.add_row(r.input, r.comune or "— unresolved —", r.comune_istat or "", f"{r.score:.0f}", r.method,
                     f"{r.runner_up} ({r.runner_up_score:.0f})" if r.runner_up else "", style=style)
    Console().print(grid)
