"""Command-line values coerced without pydantic where typer's own way needs no check. typer builds every
parameter's check with a pydantic TypeAdapter, even for a value not given, and importing pydantic costs
each run of ``pdfplans extract`` about 0.1 s (issue 12). Here a value not given stays as typer leaves it
(None, or () for several), a string or path given (alone or several) is coerced as typer's adapters do
(``str(value)``; ``Path(value)`` then typer's own path checks), and anything else goes to typer's
adapter, built when first needed."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args, get_origin

from typer._click import Context
from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer._param_types import coerce_cli_path
from typer.core import _TyperParameter


@dataclass(frozen=True)
class LazyRuntimeParam(RuntimeParam):
    descriptor: TypeDescriptor
    item: type | None  # str or Path, coerced here; None: every value goes to typer
    many: bool  # a list of them
    typer_param: list[RuntimeParam] = field(default_factory=list)  # typer's, once built

    def _coerce_value(self, value: Any, param: Any, ctx: Context) -> Any:
        items = (value if isinstance(value, (list, tuple)) else [value]) if self.many else [value]
        if self.item is None or not all(isinstance(item, str) for item in items):
            return self._typer()._coerce_value(value, param=param, ctx=ctx)
        try:
            out = [self._one(item, param, ctx) for item in items]
        except ValueError:  # a path os.stat refuses: typer's adapter makes it a bad parameter, its own way
            return self._typer()._coerce_value(value, param=param, ctx=ctx)
        return out if self.many else out[0]

    def _typer(self) -> RuntimeParam:
        if not self.typer_param:
            self.typer_param.append(build_runtime_param(self.descriptor))
        return self.typer_param[0]

    def _one(self, value: str, param: Any, ctx: Context) -> Any:
        if self.item is str:
            return str(value)
        return coerce_cli_path(Path(value), self.parameter_info, path_type=Path, param=param, ctx=ctx)


def lazy_runtime_param(descriptor: TypeDescriptor) -> RuntimeParam:
    """The coercion of one parameter: str, Path, list[str] and list[Path] here, the rest by typer."""
    annotation, info = descriptor.annotation, descriptor.parameter_info
    many = get_origin(annotation) is list and len(get_args(annotation)) == 1
    item = get_args(annotation)[0] if many else annotation
    plain = descriptor.file_annotation is None and info.parser is None and (
        item is str or item is Path and info.path_type in (None, Path))
    return LazyRuntimeParam(info, annotation, descriptor, item if plain else None, many)


class PlainCoercion(_TyperParameter):
    """Put before typer's option or argument class: ``lazy_runtime_param`` in place of typer's. A typer
    parameter itself, so that a parameter's class can be swapped for one with it."""

    def get_runtime_param(self) -> RuntimeParam:
        if self._runtime_param is None:
            self._runtime_param = lazy_runtime_param(self.type_descriptor)
        return self._runtime_param
