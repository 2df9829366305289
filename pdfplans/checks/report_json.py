"""JSON report: the object docs/tables.md describes (Findings)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .findings import Findings

if TYPE_CHECKING:
    from ..model import Plan


def render_json(findings: Findings, plans: "Sequence[Plan]") -> str:
    return findings.to_json(plans) + "\n"
