"""What every command shares: -q/-v through typer's context, one-line messages, flags.

The options live in ``ctx.obj`` (an ``Options``), set by the app's callback and completed by each
command, so ``pdfplans -v extract ...`` and ``pdfplans extract ... -v`` mean the same.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NoReturn

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from .coercion import PlainCoercion

# Exit statuses (README): 0 done, 1 discrepancies / some files failed, 2 nothing could be done,
# 3 (--strict) some table suspect or missing, 130 interrupted (the shell's convention for SIGINT).
EXIT_OK, EXIT_SOME, EXIT_NONE, EXIT_SUSPECT, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


def batch_status(ok: int, failed: int) -> int:
    """0 when every file was done, 1 when some failed, 2 when none could be done."""
    if not failed:
        return EXIT_OK
    return EXIT_SOME if ok else EXIT_NONE


def strict_status(status: int, doubtful: int, strict: bool) -> int:
    """With ``--strict``, a batch that went well otherwise exits 3 when some table is suspect or missing."""
    return EXIT_SUSPECT if strict and doubtful and status == EXIT_OK else status


def strict_option() -> Any:
    return flag(False, "--strict", help="Exit 3 when any table is suspect or missing (its reading contradicts the "
                "plan's own totals, lists or sibling tables, or the plan announces it and it was not found).")


def verdict_line(suspect: int, missing: int) -> str:
    """How many tables of a plan are doubtful, for the one line per plan."""
    return f"{suspect} suspect, {missing} missing"


def flag(default: bool, *names: str, help: str) -> Any:
    """A boolean option shown as a flag in --help (no ``<bool>`` value placeholder)."""
    return typer.Option(default, *names, help=help, metavar="")


class _HelpAsFlag:
    """--help shown as the flag it is (typer would print a ``<bool>`` placeholder beside it)."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.metavar = ""
            _own_classes([option])
        return option


class _PlainOption(PlainCoercion, TyperOption):
    pass


class _PlainArgument(PlainCoercion, TyperArgument):
    pass


class _NamedArgument(_PlainArgument):
    """An argument shown by its metavar alone, as click does (``PLAN...``): typer would print the
    Python type beside it (``<list[Path]>``) and brace it in the usage line (``{PLAN}...``)."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None if self.metavar else super().display_type_rich(ctx)

    def _usage_display_name(self) -> str:
        name = (self.metavar or self.name or "").removesuffix("...")
        name = name if self.required else f"[{name}]"
        return name + ("..." if self.nargs != 1 else "")


def _own_classes(params: list[Any]) -> None:
    """typer builds its parameters itself, with no class to pass it: their classes are swapped after."""
    for param in params:
        if type(param) is TyperArgument:
            param.__class__ = _NamedArgument if param.metavar else _PlainArgument
        elif type(param) is TyperOption:
            param.__class__ = _PlainOption


class Command(_HelpAsFlag, TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _own_classes(self.params)


class Group(_HelpAsFlag, TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _own_classes(self.params)


def many(name: str) -> str:
    """The metavar of an argument taking several values: ``PLAN...``."""
    return f"{name}..."


QUIET_HELP = "Print errors only."
VERBOSE_HELP = "Print every warning and what was found."


def quiet_option() -> Any:
    return flag(False, "--quiet", "-q", help=QUIET_HELP)


def verbose_option() -> Any:
    return flag(False, "--verbose", "-v", help=VERBOSE_HELP)


@dataclass
class Options:
    """The shared options of one run, kept in typer's context."""

    quiet: bool = False
    verbose: bool = False

    def warn(self, message: str) -> None:
        if not self.quiet:
            typer.secho(message, err=True, fg=typer.colors.YELLOW)

    def say(self, message: str) -> None:
        if not self.quiet:
            typer.echo(message)

    def detail(self, message: str) -> None:
        if self.verbose and not self.quiet:
            typer.echo(message)

    @staticmethod
    def error(message: str) -> None:
        typer.secho(message, err=True, fg=typer.colors.RED)

    def fail(self, message: str, status: int = EXIT_NONE) -> NoReturn:
        """One line on stderr, then exit: what a user gets instead of a traceback."""
        self.error(message if message.startswith("error:") else f"error: {message}")
        raise typer.Exit(status)


def options(ctx: typer.Context, quiet: bool = False, verbose: bool = False) -> Options:
    """The run's options, with the -q/-v given after the command added to those given before it."""
    root = ctx.find_root()
    if not isinstance(root.obj, Options):
        root.obj = Options()
    shared: Options = root.obj
    shared.quiet = shared.quiet or quiet
    shared.verbose = (shared.verbose or verbose) and not shared.quiet
    ctx.obj = shared
    return shared
