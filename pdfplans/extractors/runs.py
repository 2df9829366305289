"""Characters → glyph runs: the characters of a page, in the text layer's order, cut into runs of
glyphs that touch on one line. Which runs make a word is decided later, on the whole line
(lines.join_runs).

A glyph whose box lies off the page, or is far taller than its own type size says (more than
``size_box_max`` sizes), was misplaced by the text layer, not printed there: Chromium's PDFs give
the letters of a ligature ("fi", "ffi") the coordinates of the glyph before the page's
transformation, three times too large and somewhere else. Such glyphs (up to ``_HELD_MAX`` in a
row: a ligature, not a block of hidden text) are put back where the text order puts them: at the
end of the run before them, at the start of the run after a space, or inside a run whose next
glyph stands no further on than they could fill (``held_glyph_max`` sizes each). Their own width
is unknown: the run's box is widened by ``held_glyph_width`` sizes for each (ligatures join
narrow letters: f, i, l, t).
"""
from __future__ import annotations

from typing import Callable

from .page import Word
from .settings import ReaderSettings

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in page points, origin top-left
_HELD_MAX = 3  # letters of the longest ligature


class RunBuilder:
    # one call of ``glyph`` per glyph of the page: slots, and the settings it reads kept at hand
    __slots__ = ("page", "width", "height", "settings", "size_of", "bold_of", "words", "chars", "held", "x0", "top",
                 "x1", "bottom", "size", "last_x0", "bold", "_overlap", "_gap", "_box_max")

    def __init__(self, page: int, width: float, height: float, settings: ReaderSettings,
                 size_of: Callable[[int], float], bold_of: Callable[[int], bool]) -> None:
        self.page, self.width, self.height, self.settings = page, width, height, settings
        self.size_of, self.bold_of = size_of, bold_of  # character index → its size, its boldness
        self._overlap, self._gap, self._box_max = settings.run_overlap_share, settings.glyph_gap, settings.size_box_max
        self.words: list[Word] = []
        self.chars: list[str] = []
        self.held: list[str] = []  # off-page glyphs met since the last glyph on the page
        self.x0 = self.top = self.x1 = self.bottom = self.size = self.last_x0 = 0.0
        self.bold = False

    def space(self) -> None:
        """A printed or generated space: the run ends (a ligature held before it ends the word)."""
        if self.chars:
            if self.held:
                self._take_held()
            self._flush()

    def glyph(self, text: str, box: Box, index: int) -> None:
        x0, top, x1, bottom = box
        # misplaced: off the page, or far taller than the glyphs before it and than its own size says
        # (a bigger type is not misplaced); inline, not a method: it runs once per glyph
        height, limit = bottom - top, self._box_max
        reference = self.bottom - self.top if self.chars else (self.words[-1].height if self.words else 0.0)
        if (x1 < 0 or x0 > self.width or bottom < 0 or top > self.height
                or 0 < limit * reference < height and height > limit * self.size_of(index)):
            self.held.append(text)
            return
        filled = 0.0
        if self.held:
            if len(self.held) > _HELD_MAX:
                self.held = []  # text laid out off the page is not printed
            elif self.chars:
                filled = len(self.held) * self.settings.held_glyph_max * self.size
                self._take_held()
        if self.chars:
            reach = self._overlap * (self.bottom - self.top)
            same_line = top < self.bottom - reach and bottom > self.top + reach
            touch = self._gap * self.size
            if same_line and x0 >= self.last_x0 - touch and x0 - self.x1 <= touch + filled:
                self.chars.append(text)
                self.last_x0 = x0
                if x1 > self.x1:
                    self.x1 = x1
                if top < self.top:
                    self.top = top
                if bottom > self.bottom:
                    self.bottom = bottom
                return
            self._flush()
        self.size = self.size_of(index) or (bottom - top)
        self.bold = self.bold_of(index)
        self.x0, self.top, self.x1, self.bottom, self.last_x0 = x0, top, x1, bottom, x0
        if self.held:
            self.x0 -= self._held_width()
            self.chars = self.held + [text]
            self.held = []
        else:
            self.chars = [text]

    def finish(self) -> list[Word]:
        if self.chars:
            self._take_held()
            self._flush()
        return [w for w in self.words if w.text.strip()]

    def _held_width(self) -> float:
        return len(self.held) * self.settings.held_glyph_width * self.size if len(self.held) <= _HELD_MAX else 0.0

    def _take_held(self) -> None:
        """Misplaced glyphs met inside a run belong to it, after what it holds."""
        if len(self.held) <= _HELD_MAX:
            self.chars += self.held
            self.x1 += self._held_width()
        self.held = []

    def _flush(self) -> None:
        self.words.append(Word("".join(self.chars), self.x0, self.top, self.x1, self.bottom, self.size, self.page,
                               bold=self.bold))
        self.chars = []
