"""The answer of the comune resolver for one printed name."""
from __future__ import annotations

from dataclasses import dataclass

from .gazetteer import Comune


@dataclass(frozen=True)
class Resolution:
    """How one printed name resolved. ``comune`` None means unresolved (see ``candidates``)."""

    input: str
    comune: str | None
    comune_istat: str | None
    score: float
    method: str  # exact | normal | abbreviation | repair | fuzzy | historic | unresolved
    runner_up: str | None = None
    runner_up_score: float | None = None
    candidates: tuple[tuple[str, str, float], ...] = ()  # (name, istat or belfiore:name, score)
    provincia: str | None = None
    successor_istat: str | None = None  # historic: the comune in force that took it over, if known
    successor: str | None = None

    @property
    def resolved(self) -> bool:
        return self.comune is not None

    def as_dict(self) -> dict:
        """The record printed by ``pdfplans comuni --json``."""
        return {"input": self.input, "comune": self.comune, "comune_istat": self.comune_istat,
                "score": round(self.score, 1), "method": self.method, "runner_up": self.runner_up}


def resolved_as(printed: str, comune: Comune, score: float, method: str,
                runner: tuple[str, float] | None, candidates: tuple) -> Resolution:
    """The Resolution of ``printed`` as ``comune`` (a ceased comune as ``historic``, with its successor)."""
    if not comune.active:
        return Resolution(printed, comune.name, comune.istat or None, score, "historic",
                          runner[0] if runner else None, runner[1] if runner else None, candidates,
                          comune.provincia, comune.successor_istat or None, comune.successor_name or None)
    return Resolution(printed, comune.name, comune.istat, round(score, 1), method,
                      runner[0] if runner else None, round(runner[1], 1) if runner else None,
                      candidates, comune.provincia)
