"""``read_plans``: several plans read together, their tables concatenated across plans.

    plans = pdfplans.read_plans("piani/*.pdf")
    plans["g_assegnabili"]          # one DataFrame: ambito, anno, file, then the table's columns
    plans.check()                   # every rule on every plan, and across years within each ambito

A file that cannot be read becomes a warning and an entry of ``plans.failed``, not an exception.
Each ambito and year counts once: another rendering or edition of a plan already read (or the same
file twice) is left out with a ``PlanDuplicateWarning`` and listed in ``plans.duplicates``.
"""
from __future__ import annotations

import html
import os
import warnings
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import PlanReadError
from .inputs import expand_inputs, one_per_ambito_year
from .model import Plan, Table
from .schema import TABLE_IDS

if TYPE_CHECKING:
    import pandas as pd

    from .checks.findings import Findings

PLAN_COLUMNS = ("ambito", "anno", "file")


class PlanSkippedWarning(UserWarning):
    """A file given to ``read_plans`` could not be read; the collection goes on without it."""


class PlanDuplicateWarning(UserWarning):
    """A file given to ``read_plans`` is a plan already read (same file, or same ambito and year)."""


class PlanCollection(Sequence[Plan]):
    """Plans in (ambito, anno, file) order, plus the files that failed as ``(file, reason)`` and the
    files left out as ``(file, file kept instead)`` because they repeat an ambito and year."""

    def __init__(self, plans: Iterable[Plan] = (), failed: Iterable[tuple[str, str]] = (),
                 duplicates: Iterable[tuple[str, str]] = ()) -> None:
        self.plans: list[Plan] = sorted(plans, key=lambda p: (p.ambito or "", p.anno or 0, p.file))
        self.failed: list[tuple[str, str]] = list(failed)
        self.duplicates: list[tuple[str, str]] = list(duplicates)

    def __len__(self) -> int:
        return len(self.plans)

    def __iter__(self) -> Iterator[Plan]:
        return iter(self.plans)

    def __getitem__(self, key):  # type: ignore[override]
        """``collection["g_assegnabili"]`` → DataFrame across plans; ``collection[0]`` → a Plan."""
        if isinstance(key, str):
            return self.table(key)
        return self.plans[key]

    @property
    def tables(self) -> list[str]:
        """Ids of the tables found in at least one plan, in the order of docs/tables.md."""
        found = {tid for plan in self.plans for tid in plan.tables}
        return [tid for tid in TABLE_IDS if tid in found]

    def table(self, table_id: str) -> "pd.DataFrame":
        """``table_id`` of every plan that has it, with ``ambito``, ``anno`` and ``file`` columns first."""
        import pandas as pd

        if table_id not in TABLE_IDS:
            raise KeyError(f"{table_id!r} is no canonical table; tables: {', '.join(TABLE_IDS)}")
        frames = []
        for plan in self.plans:
            if table_id in plan.tables and len(plan.tables[table_id]):
                frame = plan.tables[table_id].df
                frame.insert(0, "file", pd.array([Path(plan.file).name] * len(frame), dtype="string"))
                frame.insert(0, "anno", pd.array([plan.anno] * len(frame), dtype="Int64"))
                frame.insert(0, "ambito", pd.array([plan.ambito] * len(frame), dtype="string"))
                frames.append(frame)
        if not frames:  # same columns and types, no rows
            frame = Table(table_id).df
            for position, column in enumerate(PLAN_COLUMNS):
                frame.insert(position, column, pd.Series(dtype="Int64" if column == "anno" else "string"))
            return frame
        return pd.concat(frames, ignore_index=True)

    def check(self) -> "Findings":
        """Every rule on every plan; across years for the plans of each ambito."""
        from .checks import run_checks

        return run_checks(self.plans)

    @property
    def summary(self) -> "pd.DataFrame":
        """One row per plan: file, ambito, anno, pages, tables, warnings."""
        import pandas as pd

        return pd.DataFrame.from_records(
            [{"file": Path(p.file).name, "ambito": p.ambito, "anno": p.anno, "pages": p.pages,
              "tables": len(p.tables), "warnings": len(p.warnings)} for p in self.plans],
            columns=["file", "ambito", "anno", "pages", "tables", "warnings"])

    def __repr__(self) -> str:
        left_out = f", {len(self.duplicates)} duplicates left out" if self.duplicates else ""
        return f"PlanCollection({len(self)} plans, {len(self.failed)} failed{left_out})"

    def _repr_html_(self) -> str:
        rows = "".join(
            "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in (
                Path(p.file).name, p.ambito or "?", p.anno or "?", p.pages, len(p.tables), len(p.warnings)))
            + "</tr>" for p in self.plans)
        failed = "".join(f"<li>{html.escape(Path(f).name)}: {html.escape(reason)}</li>" for f, reason in self.failed)
        return (f"<div><b>{len(self)} plans</b>"
                "<table><tr><th>file</th><th>ambito</th><th>anno</th><th>pages</th><th>tables</th>"
                f"<th>warnings</th></tr>{rows}</table>"
                + (f"<p><b>{len(self.failed)} files could not be read</b></p><ul>{failed}</ul>" if failed else "")
                + "</div>")


def _read_one(file: str) -> "Plan | tuple[str, str]":
    from .reader import read_plan

    try:
        return read_plan(file)
    except PlanReadError as error:
        return (file, error.reason)
    except Exception as error:  # noqa: BLE001 - one bad file must not stop the others
        return (file, f"{type(error).__name__}: {error}")


def read_plans(paths_or_glob: "str | os.PathLike | Iterable[str | os.PathLike]", *,
               workers: int | None = None) -> PlanCollection:
    """Read every plan given (a glob, files, folders), in parallel over ``workers`` processes.

    Files that cannot be read are listed in ``.failed`` and reported with ``PlanSkippedWarning``.
    """
    files = [str(p) for p in expand_inputs(paths_or_glob)]
    if not files:
        warnings.warn(f"no plan matches {paths_or_glob!r}", PlanSkippedWarning, stacklevel=2)
    count = min(workers or os.cpu_count() or 1, len(files))
    if count <= 1:
        results = [_read_one(f) for f in files]
    else:
        with ProcessPoolExecutor(max_workers=count) as pool:
            results = list(pool.map(_read_one, files))
    plans = [r for r in results if isinstance(r, Plan)]
    failed = [r for r in results if not isinstance(r, Plan)]
    for file, reason in failed:
        warnings.warn(f"{file}: {reason}", PlanSkippedWarning, stacklevel=2)
    plans, duplicates = _once_each(plans)
    for plan, kept in duplicates:
        warnings.warn(f"{plan.file}: {_same(plan, kept)} {kept.file}: left out", PlanDuplicateWarning, stacklevel=2)
    return PlanCollection(plans, failed, [(p.file, k.file) for p, k in duplicates])


def _once_each(plans: list[Plan]) -> tuple[list[Plan], list[tuple[Plan, Plan]]]:
    """One plan per content (sha256), then one per ambito and year: the first given is kept."""
    by_content: dict[str, Plan] = {}
    same_file: list[tuple[Plan, Plan]] = []
    for plan in plans:
        if plan.sha256 in by_content:
            same_file.append((plan, by_content[plan.sha256]))
        else:
            by_content[plan.sha256] = plan
    kept, same_year = one_per_ambito_year(by_content.values())
    return kept, same_file + same_year


def _same(plan: Plan, kept: Plan) -> str:
    if plan.sha256 == kept.sha256:
        return "the same file (same sha256) as"
    return f"{plan.ambito} {plan.anno} again (another rendering or edition), already read from"
