"""The ``pdfplans`` command line: extract, check, import, comuni.

Exit statuses (README, Command line): 0 done, 1 discrepancies / some files failed / some names
unresolved, 2 nothing could be done (no input readable, an output not writable), 130 interrupted.
Each command is one module; the options every command shares live in typer's context (``common``).
"""
from __future__ import annotations

import typer

from .check import check
from .common import EXIT_INTERRUPTED, Command, Group, options, quiet_option, verbose_option
from .comuni import comuni
from .extract import extract
from .importing import import_command

app = typer.Typer(
    cls=Group,
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode="rich",
    help="Lombardy's annual social-housing plans (Piani annuali dell'offerta abitativa) as clean, checked data.",
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"pdfplans {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    ctx: typer.Context,
    quiet: bool = quiet_option(),
    verbose: bool = verbose_option(),
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", metavar="",
                                 callback=_version, is_eager=True),
) -> None:
    options(ctx, quiet, verbose)


app.command(cls=Command)(extract)
app.command(cls=Command)(check)
app.command(cls=Command)(comuni)
app.command("import", cls=Command)(import_command)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:  # outside any command's own handling (e.g. while importing modules)
        typer.secho("interrupted (Ctrl-C)", err=True, fg=typer.colors.RED)
        raise SystemExit(EXIT_INTERRUPTED) from None


if __name__ == "__main__":
    main()
