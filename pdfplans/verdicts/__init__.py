"""Verdicts: is each table's reading right? Judged from the plan's own redundancy, never silently.

A plan says most figures twice (printed totals, the list of member comuni, g and its parts b..f,
Allegato A and the tables it summarizes, captions and headings). Each module here reads one kind of
that evidence and returns ``Reason``s against a table; ``judge`` (``verdicts.judge``) gathers them
into each table's ``Verdict``. Layer: after the records, before the checks (which use the verdicts
to tell a misreading from a discrepancy of the plan).
"""
from __future__ import annotations

from .base import MISSING, OK, SUSPECT, Reason, Verdict

__all__ = ["MISSING", "OK", "SUSPECT", "Reason", "Verdict"]
