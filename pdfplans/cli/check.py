"""``pdfplans check``: every reconciliation rule, across years too, as text, JSON or HTML."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from ..outputs import OutputError, writable_file
from .common import EXIT_NONE, EXIT_OK, EXIT_SOME, Options, many, options, quiet_option, verbose_option
from .inputs import gather, one_per_year, read_each
from .interrupt import interrupted

FORMATS = ("text", "json", "html")
_SUFFIXES = {".json": "json", ".html": "html", ".htm": "html", ".txt": "text"}


def check(
    ctx: typer.Context,
    plans: List[Path] = typer.Argument(..., help="Plan PDFs, folders (searched recursively) or globs; plans of "
                                       "the same ambito are also compared year against year.", metavar=many("PLAN")),
    format: Optional[str] = typer.Option(None, "--format", "-f", metavar="FORMAT", help="text, json or html (default: from the "
                                         "--output extension, else text)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write the report here instead of stdout."),
    quiet: bool = quiet_option(),
    verbose: bool = verbose_option(),
) -> None:
    """Run every reconciliation rule and report the discrepancies, with their pages.

    Exit status 0: no discrepancy; 1: discrepancies, or some files could not be read; 2: no file could be read, or the report cannot be written.

    Example: [bold]pdfplans check piano_2022.pdf piano_2023.pdf -o report.html[/bold]
    """
    opts = options(ctx, quiet, verbose)
    chosen = report_format(format, output, opts)
    if output is not None:
        try:
            writable_file(output, "--output")
        except OutputError as error:
            opts.fail(str(error))
    given = gather(plans, opts)
    read, failed = [], len(given.failed)
    done: list[Path] = []
    report = [f"the report {output.name}" if output is not None else "the report"]  # not done till written
    with interrupted(opts, lambda: (done, [*(p for p, _ in given.files if p not in done), *report])):
        for path, plan in read_each(given.files, opts, _read):
            if isinstance(plan, str):
                opts.error(f"error: {plan}")
                failed += 1
            else:
                read.append(plan)
            done.append(path)
        if not read:
            opts.fail("no plan could be read" if failed else "no plan to read")
        findings, kept = _findings(read, opts)
        _emit(findings, kept, chosen, output, opts)  # a report takes seconds to draw: Ctrl-C is heard there too
        report.clear()
    raise typer.Exit(EXIT_SOME if failed or findings.has_discrepancies else EXIT_OK)


def report_format(given: str | None, output: Path | None, opts: Options) -> str:
    """``--format`` in any case; else the ``--output`` extension; else text."""
    if given is not None:
        chosen = given.strip().lower()
        if chosen not in FORMATS:
            opts.fail(f"unknown format {given!r} (text, json or html)", EXIT_NONE)
        return chosen
    if output is not None:
        return _SUFFIXES.get(output.suffix.lower(), "text")
    return "text"


def _read(path: Path):
    from ..reader import read_plan

    return read_plan(path)


def _findings(plans: list, opts: Options):
    from ..checks import run_checks

    kept = one_per_year(plans, opts)
    return run_checks(kept), kept


def _emit(findings, plans: list, fmt: str, output: Path | None, opts: Options) -> None:
    from ..checks import render_report

    report = render_report(findings, plans, fmt, color=None if output is None else False,
                           base=output.parent if output is not None else Path.cwd())
    if output is None:
        sys.stdout.write(report if report.endswith("\n") else report + "\n")
        return
    from ..export import atomic_write

    try:  # through a temporary file: Ctrl-C or a full disk leaves no half report
        atomic_write(output, lambda stream: stream.write(report))
    except OSError as error:
        opts.fail(f"--output {output}: {error.strerror or error}")
    opts.say(f"{len(findings)} findings → {output}")
