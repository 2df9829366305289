"""Words → text lines → phrases (runs of words separated by ordinary spaces)."""
from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

from .page import Word

PHRASE_GAP = 0.6  # in font sizes: wider than any word space of a table cell, narrower than a column gap


@dataclass
class Phrase:
    words: list[Word]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class Line:
    words: list[Word]
    page: int
    top: float = field(init=False)
    bottom: float = field(init=False)
    size: float = field(init=False)

    def __post_init__(self) -> None:
        self.words.sort(key=lambda w: w.x0)
        self.top = min(w.top for w in self.words)
        self.bottom = max(w.bottom for w in self.words)
        self.size = median(w.size for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def center_y(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def bold(self) -> bool | None:
        """Mostly bold type (None when the source does not say, as with OCR)."""
        known = [w.bold for w in self.words if w.bold is not None]
        return sum(known) > len(known) / 2 if known else None

    def phrases(self, splits: list[float] | None = None) -> list[Phrase]:
        """Runs of words; a gap wider than PHRASE_GAP sizes or a ruling line at ``splits`` ends a run."""
        runs: list[Phrase] = []
        for word in self.words:
            if runs:
                last = runs[-1].words[-1]
                crosses = splits is not None and any(last.x1 - 1 <= x <= word.x0 + 1 for x in splits)
                if word.x0 - last.x1 <= PHRASE_GAP * self.size and not crosses:
                    runs[-1].words.append(word)
                    continue
            runs.append(Phrase([word]))
        return runs


def group_lines(words: list[Word]) -> list[Line]:
    """Cluster the words of one page into lines by vertical overlap, top to bottom."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.center_y, w.x0)):
        if lines:
            current = lines[-1]
            top = min(w.top for w in current)
            bottom = max(w.bottom for w in current)
            overlap = min(bottom, word.bottom) - max(top, word.top)
            if overlap > 0.5 * min(bottom - top, word.height):
                current.append(word)
                continue
        lines.append([word])
    return [Line(ws, ws[0].page) for ws in lines]
