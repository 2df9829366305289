"""Glyph runs → text lines → words → phrases, every gap measured on the line itself.

A producer's text layer says little that can be trusted about spacing: some print a space glyph
between words, some a space of zero width, some none at all; some write a word as one run, some one
run per glyph, some letter-space their type. What stays is where the glyphs are. So a line's words
and phrases come from the gaps between its glyph runs, read against the line's own distribution:

- *letter gaps*: runs touching (within ``glyph_gap`` sizes), or all about as far apart as the
  line's letter-spacing when it is letter-spaced: joined into one word;
- *word gaps*: the line's measured space, the lowest cluster of its gaps between words (the page's
  when the line has too few of them to tell);
- *phrase gaps*: ``phrase_spaces`` measured spaces or more: a run of words ends, a column gap.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

from .page import Word
from .settings import DEFAULT_SETTINGS, ReaderSettings


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
    settings: ReaderSettings = field(default=DEFAULT_SETTINGS, repr=False, compare=False)
    space: float | None = None
    """the line's word space in points, measured from its gaps (None: too few gaps to tell)."""
    top: float = field(init=False)
    bottom: float = field(init=False)
    size: float = field(init=False)

    def __post_init__(self) -> None:
        self.words.sort(key=lambda w: w.x0)
        self.top = min(w.top for w in self.words)
        self.bottom = max(w.bottom for w in self.words)
        self.size = median(glyph_size(w, self.settings) for w in self.words)
        if self.space is None:
            self.space = measure_space(self.word_gaps, self.size, self.settings)

    @property
    def gaps(self) -> list[float]:
        return [b.x0 - a.x1 for a, b in zip(self.words, self.words[1:])]

    @property
    def word_gaps(self) -> list[float]:
        """Gaps between two words with letters: where a space stands in prose (a number's
        neighbours may be columns of values, as evenly apart as justified words)."""
        return [b.x0 - a.x1 for a, b in zip(self.words, self.words[1:]) if _lettered(a.text) and _lettered(b.text)]

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

    @property
    def phrase_gap(self) -> float:
        """Points: a gap at least this wide between two words ends a phrase."""
        s = self.settings
        space = self.space if self.space is not None else s.default_space * self.size
        return min(max(s.phrase_spaces * space, s.phrase_gap_min * self.size), s.phrase_gap_max * self.size)

    def phrases(self, splits: list[float] | None = None) -> list[Phrase]:
        """Runs of words; a gap of ``phrase_gap`` or a ruling line at ``splits`` ends a run."""
        runs: list[Phrase] = []
        limit = self.phrase_gap
        reach = self.settings.split_reach * self.size
        for word in self.words:
            if runs:
                last = runs[-1].words[-1]
                crosses = splits is not None and any(last.x1 - reach <= x <= word.x0 + reach for x in splits)
                if word.x0 - last.x1 <= limit and not crosses:
                    runs[-1].words.append(word)
                    continue
            runs.append(Phrase([word]))
        return runs


def _lettered(text: str) -> bool:
    return any(c.isalpha() for c in text)


def glyph_size(word: Word, settings: ReaderSettings = DEFAULT_SETTINGS) -> float:
    """The word's type size: its font size, unless that disagrees with its glyph boxes' height
    (a producer's size field of 1), then the height."""
    height = word.bottom - word.top
    if height > 0 and not settings.size_box_min * height <= word.size <= settings.size_box_max * height:
        return height
    return word.size


def measure_space(gaps: list[float], size: float, settings: ReaderSettings = DEFAULT_SETTINGS) -> float | None:
    """The line's word space: the median of the lowest cluster of its word gaps no wider than
    ``space_max`` sizes, when there are at least two (one gap may as well be a column gap)."""
    candidates = sorted(g for g in gaps if settings.glyph_gap * size < g <= settings.space_max * size)
    if len(candidates) < 2:
        return None
    cluster = [g for g in candidates if g <= settings.space_cluster * candidates[0]]
    return median(cluster) if len(cluster) >= 2 else None


def join_runs(runs: list[Word], settings: ReaderSettings = DEFAULT_SETTINGS) -> list[Word]:
    """Glyph runs of one line (sorted by x) joined into words across letter gaps.

    Touching runs are one word whatever split them (a run per glyph, a space of zero width). A line
    whose single-glyph runs mostly stand apart is letter-spaced: gaps up to ``letter_cluster``
    times that letter-spacing are inside words, the wider ones (letter-spacing plus a space) between.
    """
    if len(runs) < 2 or runs[0].confidence is not None:
        return runs  # OCR words are words: the engine measured them
    size = median(glyph_size(w, settings) for w in runs)
    limit = settings.glyph_gap * size
    singles = [b.x0 - a.x1 for a, b in zip(runs, runs[1:]) if len(a.text) == 1 and len(b.text) == 1]
    spaced = sorted(g for g in singles if limit < g <= settings.letter_spacing_max * size)
    if len(spaced) >= settings.letter_runs_min and len(spaced) >= settings.letter_spaced_share * len(singles):
        tracking = median(spaced[: max(1, len(spaced) // 2 + 1)])  # lower half: letters outnumber spaces
        limit = max(limit, settings.letter_cluster * tracking)
    words = [runs[0]]
    for run in runs[1:]:
        last = words[-1]
        if run.x0 - last.x1 <= limit:
            words[-1] = Word(last.text + run.text, last.x0, min(last.top, run.top), max(last.x1, run.x1),
                             max(last.bottom, run.bottom), last.size, last.page, last.confidence, last.bold)
        else:
            words.append(run)
    return words


def group_lines(words: list[Word], settings: ReaderSettings = DEFAULT_SETTINGS) -> list[Line]:
    """Cluster the glyph runs of one page into lines by vertical overlap, top to bottom; join each
    line's runs into words; lines too short to measure their space take the page's."""
    clusters: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.center_y, w.x0)):
        if clusters:
            current = clusters[-1]
            top = min(w.top for w in current)
            bottom = max(w.bottom for w in current)
            overlap = min(bottom, word.bottom) - max(top, word.top)
            if overlap > settings.line_overlap_share * min(bottom - top, word.height):
                current.append(word)
                continue
        clusters.append([word])
    lines = [Line(join_runs(sorted(ws, key=lambda w: w.x0), settings), ws[0].page, settings) for ws in clusters]
    measured = [ln.space / ln.size for ln in lines if ln.space is not None and ln.size > 0]
    if measured:
        page_space = median(measured)  # in sizes: lines of another size scale it
        for ln in lines:
            if ln.space is None:
                ln.space = page_space * ln.size
    return lines
