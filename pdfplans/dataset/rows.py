"""A plan turned into the rows of every dataset table (runs in the worker processes).

Workers send back Arrow tables rather than ``Plan`` objects: smaller to pickle, and the parent,
which alone writes, only has to hand them to DuckDB or Parquet.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..schema import TABLE_IDS
from . import layout

if TYPE_CHECKING:
    import pyarrow as pa

    from ..checks.findings import Finding, Findings
    from ..model import Plan


@dataclass
class ParsedPlan:
    """What a worker made of one file: the rows to write, or why it could not."""

    file: str
    sha256: str
    plan: dict[str, Any] = field(default_factory=dict)  # the ``plans`` row without imported_at / version
    tables: "dict[str, pa.Table]" = field(default_factory=dict)
    error: str | None = None


def parse_file(file: str, sha256: str) -> ParsedPlan:
    """Read and check one plan; any failure becomes ``error`` (the batch goes on)."""
    from ..errors import PlanReadError
    from ..reader import read_plan

    try:
        plan = read_plan(file)
    except PlanReadError as error:
        return ParsedPlan(file, sha256, error=error.reason)
    except Exception as error:  # noqa: BLE001 - one bad file must not stop the others
        return ParsedPlan(file, sha256, error=f"{type(error).__name__}: {error}")
    if plan.sha256 != sha256:
        return ParsedPlan(file, sha256, error="the file changed while it was being imported")
    return from_plan(plan)


def from_plan(plan: "Plan") -> ParsedPlan:
    """The rows of a plan already read (its checks run here)."""
    try:
        findings = plan.check()
    except Exception as error:  # noqa: BLE001
        return ParsedPlan(plan.file, plan.sha256, error=f"checks failed: {type(error).__name__}: {error}")
    return ParsedPlan(plan.file, plan.sha256, plan_row(plan), plan_tables(plan, findings))


def plan_row(plan: "Plan") -> dict[str, Any]:
    return {"sha256": plan.sha256, "file_name": Path(plan.file).name, "ambito": plan.ambito, "anno": plan.anno,
            "pages": plan.pages}


def plan_tables(plan: "Plan", findings: "Findings") -> "dict[str, pa.Table]":
    """Every canonical table (empty when the plan lacks it), then ``findings`` and ``cells``."""
    out = {table_id: _canonical(plan, table_id) for table_id in TABLE_IDS}
    out[layout.FINDINGS] = _findings(plan.sha256, findings)
    out[layout.CELLS] = _cells(plan)
    out[layout.VERDICTS] = _verdicts(plan)
    return out


def _verdicts(plan: "Plan") -> "pa.Table":
    data: dict[str, list[Any]] = {name: [] for name in layout.arrow_schema(layout.VERDICTS).names}
    judged = [(t.id, t.verdict) for t in plan.tables.values()] + list(plan.missing.items())
    for table_id, verdict in judged:
        for name, value in (("plan_sha256", plan.sha256), ("table_id", table_id), ("verdict", verdict.status),
                            ("evidence", list(dict.fromkeys(r.kind for r in verdict.reasons))),
                            ("page", verdict.reasons[0].page if verdict.reasons else None),
                            ("message", "; ".join(r.message for r in verdict.reasons) or None)):
            data[name].append(value)
    return _build(layout.arrow_schema(layout.VERDICTS), data)


def _canonical(plan: "Plan", table_id: str) -> "pa.Table":
    schema = layout.arrow_schema(table_id)
    table = plan.tables.get(table_id)
    records = table.records if table is not None else []
    data: dict[str, list[Any]] = {"plan_sha256": [plan.sha256] * len(records), "row": list(range(1, len(records) + 1))}
    for name in schema.names[2:]:
        data[name] = [record.get(name) for record in records]
    return _build(schema, data)


def years_rows(findings: "Findings", previous: dict[str, str]) -> "dict[str, pa.Table]":
    """The findings across years as ``findings`` rows, per later plan (sha256 → rows)."""
    by_file = {plan.file: plan.sha256 for plan in findings.plans}
    grouped: dict[str, list[Any]] = {}
    for finding in findings:
        grouped.setdefault(by_file[finding.plan_file or ""], []).append(finding)
    return {sha: _findings(sha, items, previous.get(sha)) for sha, items in grouped.items()}


def _findings(sha256: str, findings: "Iterable[Finding]", previous: str | None = None) -> "pa.Table":
    schema = layout.arrow_schema(layout.FINDINGS)
    data: dict[str, list[Any]] = {name: [] for name in schema.names}
    for finding in findings:
        values = finding.to_dict()
        values.update(plan_sha256=sha256, kind=finding.kind, previous_sha256=previous,
                      expected=_as_number(values["expected"]), found=_as_number(values["found"]),
                      expected_text=_as_text(values["expected"]), found_text=_as_text(values["found"]))
        for name in schema.names:
            data[name].append(values.get(name))
    return _build(schema, data)


def _as_number(value: Any) -> float | None:
    """The figure of ``expected`` / ``found`` when it is one (most rules compare numbers)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def _as_text(value: Any) -> str | None:
    """Findings compare numbers, texts or lists: one text column keeps all of them readable."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _cells(plan: "Plan") -> "pa.Table":
    schema = layout.arrow_schema(layout.CELLS)
    data: dict[str, list[Any]] = {name: [] for name in schema.names}
    for table_id, table in plan.tables.items():
        for row, cells in enumerate(table.cells, 1):  # 1 = the first record, as ``row`` of its table
            for column, cell in cells.items():
                x0, top, x1, bottom = cell.bbox
                for name, value in (("plan_sha256", plan.sha256), ("table_id", table_id), ("row", row),
                                    ("column", column), ("page", cell.page), ("x0", x0), ("top", top),
                                    ("x1", x1), ("bottom", bottom), ("text", cell.text),
                                    ("confidence", cell.confidence)):
                    data[name].append(value)
    return _build(schema, data)


def _build(schema: "pa.Schema", data: dict[str, list[Any]]) -> "pa.Table":
    import pyarrow as pa

    arrays = [_array(data[f.name], f.type) for f in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


def _array(values: list[Any], kind: "pa.DataType") -> "pa.Array":
    import pyarrow as pa

    if not all(_fits(v, kind) for v in values):
        # A value of the wrong type (a reader bug) must not lose the plan, nor be truncated by
        # Arrow (0.5 would become 0): it is converted when exact, else NULL; its printed text stays
        # in ``cells``.
        values = [_coerce(v, kind) for v in values]
    return pa.array(values, type=kind)


_INT64 = (-(2**63), 2**63 - 1)


def _fits(value: Any, kind: "pa.DataType") -> bool:
    import pyarrow as pa

    if value is None:
        return True
    if pa.types.is_integer(kind):
        return isinstance(value, int) and not isinstance(value, bool) and _INT64[0] <= value <= _INT64[1]
    if pa.types.is_floating(kind):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if pa.types.is_boolean(kind):
        return isinstance(value, bool)
    if pa.types.is_list(kind):
        return isinstance(value, (list, tuple)) and all(_fits(v, kind.value_type) for v in value)
    if pa.types.is_timestamp(kind):
        return True  # datetimes: Arrow checks them
    return isinstance(value, str)


def _coerce(value: Any, kind: "pa.DataType") -> Any:
    import pyarrow as pa

    if value is None:
        return None
    try:
        if pa.types.is_integer(kind):
            if isinstance(value, bool):
                return None
            number = float(value) if not isinstance(value, int) else value
            if isinstance(number, float):
                if not (math.isfinite(number) and number == int(number)):
                    return None
                number = int(number)
            return number if _INT64[0] <= number <= _INT64[1] else None
        if pa.types.is_floating(kind):
            number = float(value)
            return number if math.isfinite(number) else None
        if pa.types.is_boolean(kind):
            return value if isinstance(value, bool) else None
        if pa.types.is_list(kind):
            return [_coerce(v, kind.value_type) for v in value] if isinstance(value, (list, tuple)) else None
        return str(value)
    except (TypeError, ValueError, OverflowError):
        return None
