"""What a reconciliation rule reports: ``Finding``, and ``Findings`` (a sequence with helpers).

A finding names the rule, the two figures (``expected``: what the other source implies; ``found``:
what the checked cell prints), the pages, and the printed cells involved (``evidence``), so a
report can show the auditor the cropped print of each cell.
"""
from __future__ import annotations

import dataclasses
import html
import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:  # pandas is imported only when a frame is asked for
    import pandas as pd

    from ..model import Plan

SEVERITIES = ("error", "warning", "info")
KINDS = ("discrepancy", "extraction")
# The keys of one finding in the JSON report (docs/tables.md, Findings), in that order.
JSON_KEYS = ("rule", "severity", "message", "tables", "ente", "comune", "comune_istat", "field", "expected",
             "found", "pages")

Evidence = tuple[str, int, str]  # (table id, record index, column) of a printed cell


@dataclasses.dataclass
class Finding:
    """One contradiction between printed figures (or one cell that could not be read)."""

    rule: str
    severity: str
    message: str
    tables: list[str] = dataclasses.field(default_factory=list)
    ente: str | None = None
    comune: str | None = None
    comune_istat: str | None = None
    field: str | None = None
    expected: Any = None
    found: Any = None
    pages: list[int] = dataclasses.field(default_factory=list)
    kind: str = "discrepancy"
    plan_file: str | None = None
    evidence: list[Evidence] = dataclasses.field(default_factory=list)
    quote: str | None = None  # the sentence a narrative finding is about, as the plan prints it
    # the cells of another plan a finding across years compares with (the previous year's plan)
    previous_file: str | None = None
    previous_evidence: list[Evidence] = dataclasses.field(default_factory=list)

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"severity must be one of {SEVERITIES}, not {self.severity!r}")
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {self.kind!r}")

    def to_dict(self) -> dict[str, Any]:
        """The finding as the JSON report prints it (JSON-ready values)."""
        values = {key: _jsonable(getattr(self, key)) for key in JSON_KEYS}
        values["tables"] = list(self.tables)
        values["pages"] = [int(p) for p in self.pages]
        return values


def _jsonable(value: Any) -> Any:
    """Plain JSON values: numpy/pandas scalars to Python, integral floats of counts stay floats."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if hasattr(value, "item"):  # numpy / pandas scalar
        return _jsonable(value.item())
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return str(value)


def _plan_keys(plan: "Plan") -> dict[str, Any]:
    return {"file": plan.file, "sha256": plan.sha256, "ambito": plan.ambito, "anno": plan.anno}


class Findings(Sequence[Finding]):
    """The findings of a run, in rule order; keeps the plans they are about."""

    def __init__(self, items: Iterable[Finding] = (), plans: "Sequence[Plan] | None" = None) -> None:
        self._items: list[Finding] = list(items)
        self.plans: list[Plan] = list(plans or [])

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> "Findings": ...

    def __getitem__(self, index: int | slice) -> "Finding | Findings":
        if isinstance(index, slice):
            return Findings(self._items[index], self.plans)
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self._items)

    def __repr__(self) -> str:
        counts = Counter(f.severity for f in self._items)
        return f"Findings({len(self)}: " + ", ".join(f"{counts[s]} {s}" for s in SEVERITIES) + ")"

    # -- selections ------------------------------------------------------------------------------
    def where(self, *, rule: str | None = None, severity: str | None = None, kind: str | None = None) -> "Findings":
        """The findings matching every given criterion."""
        return Findings(
            (f for f in self._items
             if (rule is None or f.rule == rule) and (severity is None or f.severity == severity)
             and (kind is None or f.kind == kind)),
            self.plans,
        )

    @property
    def errors(self) -> "Findings":
        return self.where(severity="error")

    @property
    def warnings(self) -> "Findings":
        return self.where(severity="warning")

    @property
    def discrepancies(self) -> "Findings":
        return self.where(kind="discrepancy")

    @property
    def extraction(self) -> "Findings":
        return self.where(kind="extraction")

    def by_rule(self) -> dict[str, "Findings"]:
        """Findings grouped by rule id, in order of first appearance."""
        groups: dict[str, list[Finding]] = {}
        for finding in self._items:
            groups.setdefault(finding.rule, []).append(finding)
        return {rule: Findings(items, self.plans) for rule, items in groups.items()}

    def counts(self) -> dict[str, int]:
        """How many findings of each severity (every severity present, possibly 0)."""
        counts = Counter(f.severity for f in self._items)
        return {s: counts[s] for s in SEVERITIES}

    @property
    def has_discrepancies(self) -> bool:
        """True when the plan contradicts itself: an error-level discrepancy (drives exit status 1).

        Warnings (likely OCR misreadings, wording that may be loose) and infos do not count, nor do
        extraction findings, which are about the reading, not the plan.
        """
        return any(f.kind == "discrepancy" and f.severity == "error" for f in self._items)

    # -- exports ---------------------------------------------------------------------------------
    def to_dict(self, plans: "Sequence[Plan] | None" = None) -> dict[str, Any]:
        """The JSON report (docs/tables.md, Findings): ``{"plans": [...], "findings": [...]}``."""
        chosen = self.plans if plans is None else list(plans)
        keys = {p.file: _plan_keys(p) for p in chosen}
        none = dict.fromkeys(("file", "sha256", "ambito", "anno"))
        return {
            "plans": [_plan_keys(p) for p in chosen],
            # each finding names its plan, so that pages are unambiguous when several plans are checked
            "findings": [{**f.to_dict(), **keys.get(f.plan_file or "", none)} for f in self._items],
        }

    def to_json(self, plans: "Sequence[Plan] | None" = None, indent: int | None = 2) -> str:
        """``to_dict`` as JSON text (UTF-8 characters kept)."""
        return json.dumps(self.to_dict(plans), ensure_ascii=False, indent=indent)

    @property
    def df(self) -> "pd.DataFrame":
        """One row per finding: the JSON keys, then kind, plan file and evidence."""
        import pandas as pd

        columns = [*JSON_KEYS, "kind", "plan_file", "evidence"]
        rows = [{**f.to_dict(), "kind": f.kind, "plan_file": f.plan_file, "evidence": list(f.evidence)}
                for f in self._items]
        return pd.DataFrame.from_records(rows, columns=columns)

    def _repr_html_(self) -> str:
        counts = self.counts()
        head = ", ".join(f"{n} {s}" for s, n in counts.items())
        rows = "".join(
            "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in (
                f.severity, f.rule, f.message, f.expected if f.expected is not None else "",
                f.found if f.found is not None else "", ", ".join(map(str, f.pages)),
                Path(f.plan_file).name if f.plan_file else "")) + "</tr>"
            for f in self._items[:200]
        )
        more = f"<p>… and {len(self) - 200} more</p>" if len(self) > 200 else ""
        header = "".join(f"<th>{h}</th>" for h in ("severity", "rule", "message", "expected", "found", "pages", "plan"))
        return (f"<div><b>{len(self)} findings</b> ({html.escape(head)})"
                f"<table><tr>{header}</tr>{rows}</table>{more}</div>")
