"""Cell repair: words broken by narrow cells ("CASALBUTTA NO", "TORRE DE' PICENAR- DI") are joined
when the joined text matches the vocabulary better; header cells are matched to a column vocabulary."""
from __future__ import annotations

import re
import unicodedata
from typing import Callable, Iterable, Union

from rapidfuzz import fuzz, process

Scorer = Callable[[str], float]
Vocabulary = Union[Scorer, Iterable[str]]

JOIN_GAIN = 1.0          # a join must raise the score by at least this much
HEADER_THRESHOLD = 80.0  # header text must score this against a column's phrasing ...
HEADER_MARGIN = 5.0      # ... and beat the next column by this much

_HYPHEN_BREAK = re.compile(r"(\w)[-\u00ad]$")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return " ".join(re.findall(r"[a-z0-9%]+", text))


def _scorer(vocabulary_match: Vocabulary) -> Scorer:
    """A callable scoring text 0..100: as given, or the best rapidfuzz ratio against a word list."""
    if callable(vocabulary_match):
        return vocabulary_match
    folded = [_fold(v) for v in vocabulary_match]

    def score(text: str) -> float:
        found = process.extractOne(_fold(text), folded, scorer=fuzz.ratio)
        return float(found[1]) if found else 0.0

    return score


def join_broken_words(text: str, vocabulary_match: Vocabulary) -> str:
    """Join the pieces of words broken by a line break or a stray space when that scores better.

    ``vocabulary_match`` is a scorer (e.g. ``Resolver.score``) or a list of known texts. Greedy: the
    join of two neighbouring pieces that raises the score most is kept, until no join helps. A
    hyphen left by hyphenation ("PICENAR- DI") is dropped in the join.
    """
    score = _scorer(vocabulary_match)
    pieces = text.split()
    current = score(" ".join(pieces))
    while len(pieces) > 1:
        best: tuple[float, list[str]] | None = None
        for i in range(len(pieces) - 1):
            left = _HYPHEN_BREAK.sub(r"\1", pieces[i])
            joined = pieces[:i] + [left + pieces[i + 1]] + pieces[i + 2:]
            value = score(" ".join(joined))
            if value >= current + JOIN_GAIN and (best is None or value > best[0]):
                best = (value, joined)
        if best is None:
            break
        current, pieces = best
    return " ".join(pieces)


def match_header(text: str, vocabulary: dict[str, list[str]]) -> tuple[str | None, float]:
    """The column whose phrasings best match a header cell, with its score (0..100).

    ``vocabulary`` maps a canonical column to the ways plans print its header. Broken words are
    joined first (against all phrasings). Below ``HEADER_THRESHOLD``, or within ``HEADER_MARGIN`` of
    another column, the answer is (None, best score): the header is not guessed.
    """
    phrases = [(column, _fold(p)) for column, plist in vocabulary.items() for p in plist]
    if not phrases or not text or not text.strip():
        return None, 0.0
    repaired = _fold(join_broken_words(text, [p for _, p in phrases]))
    best: dict[str, float] = {}
    for column, phrase in phrases:
        value = max(fuzz.ratio(repaired, phrase), fuzz.token_sort_ratio(repaired, phrase))
        best[column] = max(best.get(column, 0.0), value)
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    column, value = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0.0
    if value < HEADER_THRESHOLD or value - runner < HEADER_MARGIN:
        return None, float(value)
    return column, float(value)
