"""Fuzzy scoring of a printed name against the comuni of one tier (rapidfuzz ``ratio``).

A swap of two neighbouring letters ("AZZNAELLO") is one slip of the hand, not two wrong letters, so
among the plan's own comuni and its provinces it scores ``TRANSPOSED``: enough for those tiers, never
for the region's (``FUZZY_THRESHOLD`` plus the steps of resolver.py).
"""
from __future__ import annotations

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .comuni_index import Entry
from .gazetteer import Comune
from .names import one_transposition

CANDIDATE_CUTOFF = 60.0  # below this a name is not even listed as a candidate
TRANSPOSED = 93.0


def ranked(query: str, keys: list[str], entries: list[Entry], transpositions: bool) -> list[tuple[Comune, float]]:
    """The comuni of one tier nearest to ``query``, best first, each once with its best score."""
    found = process.extract(query, keys, scorer=fuzz.ratio, limit=10, score_cutoff=CANDIDATE_CUTOFF)
    scored = [(entries[i].comune, score) for _, score, i in found]
    if transpositions and len(query) >= 5:
        scored += [(entries[i].comune, TRANSPOSED) for i, key in enumerate(keys)
                   if len(key) == len(query) and one_transposition(query, key)]
    best: dict[str, tuple[Comune, float]] = {}
    for c, score in scored:
        if c.key not in best or best[c.key][1] < score:
            best[c.key] = (c, score)
    return sorted(best.values(), key=lambda cs: -cs[1])


def one_slip(query: str, keys: list[str]) -> list[int]:
    """Indexes of the keys one slip from ``query``: a letter wrong, missing, added, or two swapped."""
    if len(query) < 4:
        return []
    return [i for i, key in enumerate(keys) if abs(len(key) - len(query)) <= 1
            and OSA.distance(query, key, score_cutoff=1) <= 1]
