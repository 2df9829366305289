"""``Verdict`` and ``Reason``: what the evidence says about one table's reading."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

OK = "ok"
SUSPECT = "suspect"
MISSING = "missing"  # announced by the plan (caption, heading, contents) but not found


@dataclass(frozen=True)
class Reason:
    """One piece of evidence against a reading: of which kind, about which table, where, and what."""

    kind: str  # totals | rows | members | kinds | siblings | announced | twice | continuation | placement
    table: str
    page: int | None
    message: str
    cells: tuple[tuple[int, str], ...] = ()  # (record index, column) of the printed cells it rests on
    local: bool = False  # the doubt is about ``cells`` alone: the table's other rows are not in question

    def concerns(self, rows: set[int]) -> bool:
        """Whether a figure drawn from these rows of the table rests on what this reason doubts."""
        return not self.local or any(row in rows for row, _ in self.cells)

    def to_dict(self) -> dict[str, Any]:
        """As plan.json's ``warnings`` lists it: the kind says suspect or missing, ``evidence`` of what."""
        kind = "missing" if self.kind == "announced" else "suspect"
        return {"kind": kind, "evidence": self.kind, "table": self.table, "page": self.page, "message": self.message}

    def __str__(self) -> str:
        where = f"page {self.page}, " if self.page else ""
        return f"{where}{self.table}: {self.message}"


@dataclass
class Verdict:
    """``ok``, ``suspect`` (some evidence says the reading is wrong) or ``missing``, with the reasons."""

    status: str = OK
    reasons: list[Reason] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == OK

    def to_dict(self) -> dict[str, Any]:
        return {"verdict": self.status, "reasons": [
            {"evidence": r.kind, "page": r.page, "message": r.message} for r in self.reasons]}
