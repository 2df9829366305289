"""The plan's narrative as one searchable string that remembers the page of every character.

PDF lines break sentences anywhere ("pari a 156.113" / "abitanti"), so patterns run over the lines
joined with newlines (``\\s`` crosses them) and each match is mapped back to its page.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..normalize.numbers import parse_number, parse_number_word

# A count printed as digits ("48", "n. 28", "156.113") or as a word ("tre", "Tre").
COUNT = r"(?:n\.\s*)?(?P<{name}>\d{{1,3}}(?:\.\d{{3}})+|\d+|[A-Za-zÀ-ÿ]+)"


def count_group(name: str) -> str:
    return COUNT.format(name=name)


def read_count(token: str | None) -> int | None:
    """"156.113" → 156113, "tre" → 3; None for a word that is not a number."""
    if not token:
        return None
    if token[0].isdigit():
        value = parse_number(token)
        return None if value is None else int(value)
    return parse_number_word(token)


@dataclass(frozen=True)
class Hit:
    match: re.Match[str]
    page: int

    def group(self, name: str | int = 0) -> str | None:
        return self.match.group(name)


class Narrative:
    """Plan.text joined, with a page lookup by character offset."""

    def __init__(self, lines: Sequence[tuple[int, str]]) -> None:
        parts: list[str] = []
        self._starts: list[int] = []
        self._pages: list[int] = []
        offset = 0
        for page, line in lines:
            line = " ".join(line.replace("*", " ").split())  # markdown bold and layout spaces
            self._starts.append(offset)
            self._pages.append(int(page))
            parts.append(line)
            offset += len(line) + 1
        self.text = "\n".join(parts)

    def page_at(self, offset: int) -> int:
        if not self._starts:
            return 0
        return self._pages[max(0, bisect.bisect_right(self._starts, offset) - 1)]

    def find(self, pattern: str | re.Pattern[str], flags: int = re.IGNORECASE) -> Iterator[Hit]:
        compiled = re.compile(pattern, flags) if isinstance(pattern, str) else pattern
        for match in compiled.finditer(self.text):
            yield Hit(match, self.page_at(match.start()))

    def sentence_end(self, start: int) -> int:
        """Offset of the end of the sentence or list that starts at ``start``.

        A period ends it unless it closes a one-letter abbreviation ("Pieve S. Giacomo") or "n.";
        a blank line or a new bullet also ends it.
        """
        pattern = re.compile(r"(?<![\s.'’][A-Za-z])(?<!\bn)\.(?=\s|$)|\n\s*[-•✓❖▪]|\n\s*\n")
        match = pattern.search(self.text, start)
        return match.start() if match else len(self.text)

    def sentence(self, hit: Hit) -> str:
        """The sentence around ``hit``, on one line: what a report quotes for a narrative finding."""
        start = hit.match.start()
        before = list(re.finditer(r"(?<![\s.'’][A-Za-z])(?<!\bn)\.(?=\s)|\n\s*\n", self.text[:start]))
        begin = before[-1].end() if before else 0
        return " ".join(self.text[begin:self.sentence_end(hit.match.end())].split()) + "."
