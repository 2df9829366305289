"""Resolve a printed comune name to its official name and ISTAT code, in layers that say which decided.

The resolver's universe has three tiers: the plan's own comuni (scope), then its provinces, then the
region. Layers (``Resolution.method``):

1. ``exact``: the official name as printed.
2. ``normal``: the same words once case, accents, apostrophes, hyphens and saints ("S."/"S"/"San"/
   "Santo"/"Sant'") are folded; also the name without "ed Uniti" or "con ..." ("CASALBUTTANO").
3. ``repair``: the letters match once spaces are ignored (words broken by narrow cells:
   "PIZZIGHETTO NE", "TORRE DE' PICENAR- DI").
4. ``historic``: a name no longer in force (Drizzona); with ``year``, only comuni that existed then.
5. ``abbreviation``: a short form. Words expanded from ``data/abbreviations.csv``; each printed word
   the start of a word of the name or the initials of a run of its words, in order ("PADERNO P",
   "ISOLA DOV", "BORGO SG", "CORTE CC"); inside the scope also a name cut short ("GRUMELLO") and a
   short form fused to the word before it ("SCANDOLARARD").
6. ``fuzzy``: rapidfuzz ``ratio`` on the folded letters (a swap of two neighbouring letters scores
   93), first against the scope, then the provinces, then the region. Accepted at ``FUZZY_THRESHOLD``
   or more in the first tier searched (plus ``FUZZY_WIDER_STEP`` for each wider one: a plan's typos
   are typos of its own comuni), and only when the runner-up scores at least ``FUZZY_MARGIN`` less.

A full name (layers 1-4) wins in its tier; a short form is one more candidate: it wins only in a
narrower tier than any full name, only when no other comune of its tier fits a short form too, and,
outside the scope, only when no comune of the scope comes close (``CLOSE``, or one slip of the hand
away: a letter wrong, missing, added, or two swapped). Anything else is
``unresolved``: ``comune`` is None and ``candidates`` lists the nearest names ("CAPPELLA" in the
Cremonese; "TOTALE AT 1", "COMUNI VARI", "U.O.CREMONA", "ALER ...").
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from . import comuni_index
from .comuni_fuzzy import one_slip, ranked
from .comuni_index import SCOPE, Entry
from .gazetteer import Comune
from .names import (
    aligns,
    canon,
    expansions,
    fuzzy_key,
    is_not_comune,
    normal_key,
    straight,
    unfused,
    words,
)
from .resolution import Resolution, resolved_as

__all__ = ["FUZZY_THRESHOLD", "Resolution", "Resolver", "canon", "normal_key", "resolve", "words"]

FUZZY_THRESHOLD = 90.0  # one wrong letter in a 10-letter name still passes (Castelviscanti: 92.9)
FUZZY_WIDER_STEP = 2.0  # each wider tier searched needs this much more (provinces 92, region 94)
FUZZY_MARGIN = 5.0      # best and runner-up closer than this: ambiguous, never guessed
CLOSE = FUZZY_THRESHOLD - FUZZY_MARGIN  # a comune of the scope this near bars an answer from outside
SCORES = {"exact": 100.0, "normal": 100.0, "alias": 98.0, "repair": 97.0, "abbreviation": 95.0,
          "prefix": 90.0, "fused": 90.0, "historic": 100.0, "historic_year": 100.0}
# Layer ranks inside a tier (lower wins); the short forms share one rank: none decides over another.
_RANK = {"exact": 0, "normal": 1, "historic_year": 2, "alias": 3, "repair": 4, "historic": 5,
         "abbreviation": 6, "prefix": 6, "fused": 6}
_SHORT = frozenset({"abbreviation", "prefix", "fused"})
_METHOD = {"alias": "normal", "prefix": "abbreviation", "fused": "abbreviation", "historic_year": "historic"}
_COMUNE_PREFIX = re.compile(r"^\s*comune\s+(?:(?:di|de|d')\s*)?", re.IGNORECASE)
_CONTRACTION = re.compile(r"(?<=\b[A-Za-z])\.(?=[A-Za-z]{2,3}\b)")

Hit = tuple[int, int, Entry, str]  # tier, rank, entry, layer


def _lineage(c: Comune) -> str:
    """One identity for a comune and its earlier names (Drizzona → Piadena Drizzona)."""
    return c.successor_istat or c.key


class Resolver:
    """Resolves printed comune names for one plan; memoized (a plan repeats names a lot).

    ``scope``: ISTAT codes of the plan's own comuni (its ambito); ``provinces``: their siglas;
    ``region``: names outside it (and outside provinces and scope) are never matched (None: all Italy);
    ``year``: the plan's year, for comuni that existed then and have ceased since.
    """

    def __init__(self, scope: Iterable[str] = (), provinces: Iterable[str] = (),
                 region: str | None = "Lombardia", year: int | None = None) -> None:
        self.scope = frozenset(s.strip().zfill(6) for s in scope if s and s.strip())
        self.provinces = frozenset(p.strip().upper() for p in provinces if p and p.strip())
        self.region = region
        self.year = year
        self._idx = comuni_index.build(self.scope, self.provinces, region)
        self._memo: dict[str, Resolution] = {}

    # -- public -------------------------------------------------------------------------------
    def resolve(self, name: str | None) -> Resolution:
        """The resolution of one printed name."""
        key = name or ""
        hit = self._memo.get(key)
        if hit is None:
            hit = self._resolve(key)
            self._memo[key] = hit
        return hit

    def score(self, name: str) -> float:
        """Confidence that ``name`` is a comune (0 when unresolved): a vocabulary score for repair."""
        res = self.resolve(name)
        return res.score if res.resolved else 0.0

    def resolve_list(self, text: str) -> list[Resolution]:
        """Split a printed list ("Acquanegra Cremonese; Annicco; ...", commas, new lines) and resolve
        each name; two names fused when a separator was lost are split where both resolve."""
        out: list[Resolution] = []
        for piece in re.split(r"[;,\n\u2022]+", text):
            piece = re.sub(r"^\s*(?:e|ed)\s+", "", piece).strip(" .:\t")
            if not piece:
                continue
            res = self.resolve(piece)
            if res.resolved or len(piece.split()) < 2:
                out.append(res)
                continue
            out.extend(self._split_fused(piece) or [res])
        return out

    # -- layers -------------------------------------------------------------------------------
    def _resolve(self, printed: str) -> Resolution:
        text = _CONTRACTION.sub("", " ".join(printed.split()))  # "M.NO" → "MNO" (data/abbreviations.csv)
        body = _COMUNE_PREFIX.sub("", text) if _COMUNE_PREFIX.match(text) and len(words(text)) > 1 else text
        raw = tuple(words(body))
        if not raw or is_not_comune(body):
            return Resolution(printed, None, None, 0.0, "unresolved")
        toks = canon(raw)
        hits = self._full_names(body, raw, toks) + self._short_forms(toks)
        if hits:
            return self._decide(printed, toks, hits)
        return self._fuzzy(printed, toks)

    def _full_names(self, body: str, raw: tuple[str, ...], toks: tuple[str, ...]) -> list[Hit]:
        """Every exact / normal / repair / historic hit."""
        idx = self._idx
        hits: list[Hit] = []
        historic = "historic_year" if self.year else "historic"
        key = " ".join(toks)
        self._take(hits, idx.exact.get(straight(body)), "exact")
        self._take(hits, idx.normal.get(key), "normal")
        self._take(hits, idx.alias.get(key), "alias")
        self._take(hits, [e for e in idx.hist_normal.get(key, ()) if self._existed(e)], historic)
        for comp in {"".join(toks), "".join(raw)}:
            self._take(hits, idx.compact.get(comp), "repair")
            self._take(hits, [e for e in idx.hist_compact.get(comp, ()) if self._existed(e)], historic)
        return hits

    def _short_forms(self, toks: tuple[str, ...]) -> list[Hit]:
        """Every abbreviation hit: expansions from the data, aligned short forms, fused short forms."""
        idx = self._idx
        hits: list[Hit] = []
        alts = expansions(toks)
        for alt in alts:
            self._take(hits, idx.normal.get(" ".join(alt)), "abbreviation")
            self._take(hits, idx.alias.get(" ".join(alt)), "abbreviation")
        for alt in [toks, *alts]:
            for name, e in idx.by_first.get(alt[0], ()):
                if aligns(alt, name, truncate=e.tier == SCOPE):
                    hits.append((e.tier, _RANK["prefix"], e, "prefix"))
            if len(alt[0]) >= 5:  # a first word cut short ("CASALMAGG."), only among the plan's own comuni
                for name, e in idx.in_scope:
                    if name[0] != alt[0] and name[0].startswith(alt[0]) and aligns(alt, name, truncate=True):
                        hits.append((e.tier, _RANK["prefix"], e, "prefix"))
        for alt in unfused(toks, idx.scope_words):  # "SCANDOLARARD": only the plan's own comuni
            for name, e in idx.in_scope:
                if aligns(alt, name, truncate=True):
                    hits.append((e.tier, _RANK["fused"], e, "fused"))
        return hits

    @staticmethod
    def _take(hits: list[Hit], entries: Iterable[Entry] | None, layer: str) -> None:
        for e in entries or ():
            hits.append((e.tier, _RANK[layer], e, layer))

    def _existed(self, entry: Entry) -> bool:
        return self.year is None or entry.comune.existed_in(self.year)

    def _decide(self, printed: str, toks: tuple[str, ...], hits: list[Hit]) -> Resolution:
        """The full name of the narrowest tier; else the one short form of the narrowest tier."""
        hits.sort(key=lambda h: (h[0], h[1]))
        full = [h for h in hits if h[3] not in _SHORT]
        short = [h for h in hits if h[3] in _SHORT]
        candidates = self._candidates(hits)
        if full and (not short or full[0][0] <= short[0][0]):
            tier, rank = full[0][0], full[0][1]
            group = [h for h in full if h[0] == tier and h[1] == rank]
        else:
            group = [h for h in short if h[0] == short[0][0]]
            if full:  # a full name further out against a short form nearer: neither is sure
                group += full[:1]
        chosen = group[0][2].comune
        if any(_lineage(h[2].comune) != _lineage(chosen) for h in group):
            return Resolution(printed, None, None, 0.0, "unresolved", candidates=candidates)
        layer = group[0][3]
        if layer in _SHORT and group[0][0] != SCOPE and self._near_in_scope(toks, chosen):
            return Resolution(printed, None, None, 0.0, "unresolved", candidates=candidates)
        runner = next((c for c in candidates if c[1] != chosen.key), None)
        return resolved_as(printed, chosen, SCORES[layer], _METHOD.get(layer, layer),
                            runner and (runner[0], runner[2]), candidates)

    def _candidates(self, hits: list[Hit]) -> tuple[tuple[str, str, float], ...]:
        seen: set[str] = set()
        out = []
        for _tier, _rank, e, layer in hits:
            if e.comune.key not in seen:
                seen.add(e.comune.key)
                out.append((e.comune.name, e.comune.key, SCORES[layer]))
        return tuple(out)

    def _near_in_scope(self, toks: tuple[str, ...], chosen: Comune) -> bool:
        """A comune of the scope (not ``chosen``) that the printed letters come close to."""
        keys, entries = self._idx.fuzzy[SCOPE]
        if not keys:
            return False
        query = fuzzy_key(toks)
        near = [c for c, s in ranked(query, keys, entries, transpositions=True) if s >= CLOSE]
        near += [entries[i].comune for i in one_slip(query, keys)]
        return any(c.key != chosen.key for c in near)

    def _fuzzy(self, printed: str, toks: tuple[str, ...]) -> Resolution:
        query = fuzzy_key(toks)
        listed: dict[str, tuple[Comune, float]] = {}
        threshold = FUZZY_THRESHOLD - FUZZY_WIDER_STEP
        near_scope = False  # a comune of the scope came close: nothing from further out may win
        for tier, (keys, entries) in enumerate(self._idx.fuzzy):
            if not keys:
                continue
            threshold += FUZZY_WIDER_STEP
            order = ranked(query, keys, entries, transpositions=tier < comuni_index.REGION)
            for c, s in order:
                if c.key not in listed or listed[c.key][1] < s:
                    listed[c.key] = (c, s)
            if tier == SCOPE and (order and order[0][1] >= CLOSE or one_slip(query, keys)):
                near_scope = True
            if not order or order[0][1] < threshold or near_scope and tier != SCOPE:
                continue  # nothing close enough in this tier: widen
            best, score = order[0]
            runner = order[1] if len(order) > 1 else None
            candidates = tuple((c.name, c.key, round(s, 1)) for c, s in order[:5])
            if runner and score - runner[1] < FUZZY_MARGIN:
                return Resolution(printed, None, None, 0.0, "unresolved", best.name, score, candidates)
            return resolved_as(printed, best, score, "fuzzy", runner and (runner[0].name, runner[1]),
                                candidates)
        order = sorted(listed.values(), key=lambda cs: -cs[1])[:5]
        return Resolution(printed, None, None, 0.0, "unresolved",
                          order[0][0].name if order else None, round(order[0][1], 1) if order else None,
                          tuple((c.name, c.key, round(s, 1)) for c, s in order))

    def _split_fused(self, piece: str) -> list[Resolution] | None:
        """Two or more names printed without their separator: the split where every part resolves
        best (connectors "e"/"ed" between them dropped). None when no split resolves every part."""
        toks = piece.split()
        n = len(toks)
        best: list[tuple[float, list[Resolution]] | None] = [None] * (n + 1)
        best[0] = (0.0, [])
        for end in range(1, n + 1):
            for start in range(max(0, end - 8), end):
                prev = best[start]
                if prev is None:
                    continue
                part = " ".join(toks[start:end])
                if part.lower() in ("e", "ed"):
                    cand = (prev[0], prev[1])
                else:
                    res = self.resolve(part)
                    if not res.resolved or res.method == "fuzzy" and res.score < 95:
                        continue
                    cand = (prev[0] + res.score - 1.0, [*prev[1], res])  # fewer parts preferred
                current = best[end]
                if current is None or cand[0] > current[0]:
                    best[end] = cand
        final = best[n]
        return final[1] if final and len(final[1]) > 1 else None


def resolve(name: str, **kwargs) -> Resolution:
    """One-off resolution with a fresh ``Resolver(**kwargs)`` (prefer a Resolver per plan)."""
    return Resolver(**kwargs).resolve(name)
