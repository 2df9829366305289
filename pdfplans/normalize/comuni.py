"""Resolve a printed comune name to its official name and ISTAT code, in layers that say which decided.

Layers (``Resolution.method``), tried on the comuni of the resolver's universe (the region, plus the
plan's provinces and scope), each match ranked first by tier — the plan's own comuni (scope), then its
provinces, then the region — and then by layer:

1. ``exact``: the official name as printed.
2. ``normal``: the same words once case, accents, apostrophes, hyphens and saints ("S."/"S"/"San"/
   "Santo"/"Sant'") are folded; also the name without "ed Uniti" or "con ..." ("CASALBUTTANO").
3. ``abbreviation``: words expanded from ``data/abbreviations.csv`` ("PIEVE SG"), or each printed word
   the start of a word of the name, in order ("PADERNO P", "ISOLA DOV"); inside the scope a name may
   also be cut short ("GRUMELLO", "PESSINA").
4. ``repair``: the letters match once spaces are ignored (words broken by narrow cells:
   "PIZZIGHETTO NE", "TORRE DE' PICENAR- DI").
5. ``historic``: a name no longer in force (Drizzona); with ``year``, only comuni that existed then.
6. ``fuzzy``: rapidfuzz ``ratio`` on the folded letters, first against the scope, then the provinces,
   then the region. Accepted at ``FUZZY_THRESHOLD`` or more in the first tier searched (plus
   ``FUZZY_WIDER_STEP`` for each wider one: a plan's typos are typos of its own comuni), and only when
   the runner-up (another comune) scores at least ``FUZZY_MARGIN`` less.

Anything else is ``unresolved``: ``comune`` is None and ``candidates`` lists the nearest names. So is a
match shared by two comuni of the same tier and layer ("CAPPELLA" in the Cremonese), and so are
strings that are no comune at all ("TOTALE AT 1", "COMUNI VARI", "U.O.CREMONA", "ALER ...").
"""
from __future__ import annotations

import csv
import io
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable

from rapidfuzz import fuzz, process

from . import gazetteer
from .gazetteer import Comune

FUZZY_THRESHOLD = 90.0  # one wrong letter in a 7-letter name still passes (Castelviscanti: 92.9)
FUZZY_WIDER_STEP = 2.0  # each wider tier searched needs this much more (provinces 92, region 94)
FUZZY_MARGIN = 5.0      # best and runner-up closer than this: ambiguous, never guessed
CANDIDATE_CUTOFF = 60.0  # below this a name is not even listed as a candidate
SCORES = {"exact": 100.0, "normal": 100.0, "alias": 98.0, "repair": 97.0, "abbreviation": 95.0,
          "prefix": 90.0, "historic": 100.0}

_SAINTS = frozenset({"s", "san", "sant", "santo", "santa", "ss"})
_SAINT_SPELLINGS = ("s", "san", "sant", "santo", "santa")
# Words a name may leave out ("Robecco Oglio", "Pozzaglio Uniti") when the printed words are aligned.
_PARTICLES = frozenset({"d", "de", "di", "del", "dei", "della", "delle", "dello", "degli", "e", "ed",
                        "con", "uniti", "sul", "sulla", "al", "in", "l"})
# Words that never occur in the name of an Italian comune but do in rows that are no comune.
_NOT_COMUNE = frozenset({"totale", "totali", "subtotale", "tot", "aler", "vari", "varie", "uog",
                         "ambito", "allegato", "vedi", "generale", "nessuno"})
_COMUNE_PREFIX = re.compile(r"^\s*comune\s+(?:(?:di|de|d')\s*)?", re.IGNORECASE)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_WORD = re.compile(r"[a-z0-9]+")

# Layer ranks inside a tier: lower wins.
_RANK = {"exact": 0, "normal": 1, "historic_year": 2, "alias": 3, "abbreviation": 4, "repair": 5,
         "prefix": 6, "historic": 7}


_CONTRACTION = re.compile(r"(?<=\b[A-Za-z])\.(?=[A-Za-z]{2,3}\b)")


def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def words(text: str) -> list[str]:
    """The words of a name, folded; punctuation (apostrophes, dots, hyphens) separates words."""
    return _WORD.findall(fold(text))


def canon(tokens: Iterable[str]) -> tuple[str, ...]:
    """Words with every saint form written "s" ("S.", "San", "Santo", "Sant'" are one)."""
    return tuple("s" if t in _SAINTS else t for t in tokens)


def normal_key(text: str) -> str:
    """The normal form of a name: "Pieve S. giacomo" and "PIEVE SAN GIACOMO" → "pieve s giacomo"."""
    return " ".join(canon(words(text)))


def is_not_comune(text: str) -> bool:
    """A TOTALE row, "COMUNI VARI", "U.O.CREMONA", an ALER: strings that must stay unresolved."""
    toks = words(text)
    if any(t in _NOT_COMUNE for t in toks):
        return True
    if "comuni" in toks:
        return True  # "COMUNI VARI", "Comuni dell'ambito"
    return any(a == "u" and b in ("o", "og") for a, b in zip(toks, toks[1:]))  # "U.O.CREMONA"


def _reduced(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Forms of a name printed without its tail: "ed Uniti", "Uniti" alone, "con Cignone"."""
    out = []
    if tokens[-1:] == ("uniti",) and len(tokens) > 2 and tokens[-2] in ("ed", "e"):
        out.append(tokens[:-2])
        out.append(tokens[:-2] + ("uniti",))
    if "con" in tokens[1:]:
        out.append(tokens[: tokens.index("con", 1)])
    return [t for t in out if t]


def _compacts(tokens: tuple[str, ...]) -> set[str]:
    """Letters without spaces, with each way of writing its saints (for "Santangelo Lodigiano")."""
    slots = [(_SAINT_SPELLINGS if t == "s" else (t,)) for t in tokens]
    combos = itertools.islice(itertools.product(*slots), 64)
    return {"".join(c) for c in combos}


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


@dataclass
class _Entry:
    comune: Comune
    tier: int
    historic: bool


@dataclass
class _Index:
    """Lookup tables of one universe (region + provinces + scope), shared by equal resolvers."""

    exact: dict[str, list[_Entry]] = field(default_factory=dict)
    normal: dict[str, list[_Entry]] = field(default_factory=dict)
    alias: dict[str, list[_Entry]] = field(default_factory=dict)
    compact: dict[str, list[_Entry]] = field(default_factory=dict)
    by_first: dict[str, list[tuple[tuple[str, ...], _Entry]]] = field(default_factory=dict)
    in_scope: list[tuple[tuple[str, ...], _Entry]] = field(default_factory=list)  # the plan's own comuni
    hist_normal: dict[str, list[_Entry]] = field(default_factory=dict)
    hist_compact: dict[str, list[_Entry]] = field(default_factory=dict)
    fuzzy: list[tuple[list[str], list[_Entry]]] = field(default_factory=list)  # per tier: keys, entries


def _add(table: dict[str, list[_Entry]], key: str, entry: _Entry) -> None:
    bucket = table.setdefault(key, [])
    if all(e.comune is not entry.comune for e in bucket):
        bucket.append(entry)


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Printed abbreviation (folded) → expansions as folded words, from data/abbreviations.csv."""
    text = resources.files("pdfplans.normalize").joinpath("data", "abbreviations.csv").read_text("utf-8")
    table: dict[str, list[tuple[str, ...]]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        key = "".join(words(row["abbreviation"]))
        table.setdefault(key, []).append(canon(words(row["expansion"])))
    return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=None)
def _name_forms(name: str) -> tuple[tuple[str, ...], list[tuple[str, ...]], list[set[str]], list[str]]:
    """Everything the index derives from one official name, whatever the scope: computed once."""
    toks = canon(words(name))
    if not toks:
        return toks, [], [], []
    forms = [toks] + _reduced(toks)
    return toks, forms, [_compacts(form) for form in forms], [_fuzzy_key(form) for form in forms]


@lru_cache(maxsize=16)
def _index(scope: frozenset[str], provinces: frozenset[str], region: str | None) -> _Index:
    idx = _Index()
    tiers: dict[int, tuple[list[str], list[_Entry]]] = {0: ([], []), 1: ([], []), 2: ([], [])}

    def tier_of(c: Comune) -> int | None:
        code = c.istat or c.successor_istat
        if code and code in scope:
            return 0
        if c.provincia in provinces:
            return 1
        if region is None or c.regione == region:
            return 2
        return None

    for c in gazetteer.comuni():
        tier = tier_of(c)
        if tier is None:
            continue
        entry = _Entry(c, tier, not c.active)
        names = [c.name] + [n for n in c.name_alt.split("/") if n.strip()]
        for name in names:
            toks, forms, compacts, fuzzy_keys = _name_forms(name)
            if not toks:
                continue
            if not c.active:
                _add(idx.hist_normal, " ".join(toks), entry)
                for comp in compacts[0]:
                    _add(idx.hist_compact, comp, entry)
                continue
            official = name == c.name  # the other-language name ("Sexten") only as an alias
            if official:
                _add(idx.exact, " ".join(name.translate(_APOSTROPHES).split()), entry)
                _add(idx.normal, " ".join(toks), entry)
            for form in forms[0 if not official else 1:]:
                _add(idx.alias, " ".join(form), entry)
            keys, entries = tiers[tier]
            for form_compacts, key in zip(compacts, fuzzy_keys):
                for comp in form_compacts:
                    _add(idx.compact, comp, entry)
                keys.append(key)
                entries.append(entry)
            idx.by_first.setdefault(toks[0], []).append((toks, entry))
            if tier == 0:
                idx.in_scope.append((toks, entry))
    idx.fuzzy = [tiers[t] for t in (0, 1, 2)]
    return idx


def _aligns(printed: tuple[str, ...], name: tuple[str, ...], truncate: bool) -> bool:
    """Each printed word the start of a word of the name, in order, the first word whole.

    Words of the name may be skipped between them only if they are particles ("d'", "ed"), or any word
    when ``truncate`` (inside the scope); after the last printed word the rest of the name may be left
    out only when ``truncate`` or when it is particles ("ed Uniti").
    """
    if not printed or len(printed) > len(name):
        return False
    if printed[0] != name[0] and not (truncate and len(printed[0]) >= 5 and name[0].startswith(printed[0])):
        return False  # "CASALMAGG." may shorten the first word, but only inside the plan's own comuni
    j = 1
    for word in printed[1:]:
        while j < len(name) and not name[j].startswith(word):
            if not truncate and name[j] not in _PARTICLES:
                return False
            j += 1
        if j == len(name):
            return False
        j += 1
    rest = name[j:]
    if truncate:
        return True
    if "con" in rest:
        rest = rest[: rest.index("con")]
    return all(t in _PARTICLES for t in rest)


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
        self._idx = _index(self.scope, self.provinces, region)
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
        hits = self._deterministic(body, raw, toks)
        if hits:
            return self._decide(printed, hits)
        return self._fuzzy(printed, toks, raw)

    def _deterministic(self, body: str, raw: tuple[str, ...], toks: tuple[str, ...]) -> list[tuple]:
        """Every exact / normal / abbreviation / repair / prefix / historic hit as (tier, rank, entry, layer)."""
        idx = self._idx
        hits: list[tuple] = []

        def take(entries: list[_Entry] | None, layer: str) -> None:
            for e in entries or ():
                hits.append((e.tier, _RANK[layer], e, layer))

        take(idx.exact.get(" ".join(body.translate(_APOSTROPHES).split())), "exact")
        key = " ".join(toks)
        take(idx.normal.get(key), "normal")
        take(idx.alias.get(key), "alias")
        historic = [e for e in idx.hist_normal.get(key, ()) if self._existed(e)]
        take(historic, "historic_year" if self.year else "historic")
        for alt in self._expansions(toks):
            take(idx.normal.get(" ".join(alt)), "abbreviation")
            take(idx.alias.get(" ".join(alt)), "abbreviation")
        for comp in {"".join(toks), "".join(raw)}:
            take(idx.compact.get(comp), "repair")
            take([e for e in idx.hist_compact.get(comp, ()) if self._existed(e)],
                 "historic_year" if self.year else "historic")
        for alt in [toks, *self._expansions(toks)]:
            for name, e in idx.by_first.get(alt[0], ()):
                if _aligns(alt, name, truncate=e.tier == 0):
                    hits.append((e.tier, _RANK["prefix"], e, "prefix"))
            if len(alt[0]) >= 5:  # a first word cut short ("CASALMAGG."), only among the plan's own comuni
                for name, e in idx.in_scope:
                    if name[0] != alt[0] and name[0].startswith(alt[0]) and _aligns(alt, name, truncate=True):
                        hits.append((e.tier, _RANK["prefix"], e, "prefix"))
        return hits

    def _existed(self, entry: _Entry) -> bool:
        return self.year is None or entry.comune.existed_in(self.year)

    @staticmethod
    def _expansions(toks: tuple[str, ...]) -> list[tuple[str, ...]]:
        """The printed words with abbreviations of data/abbreviations.csv expanded (every choice)."""
        table = _abbreviations()
        slots = [((t,), *table.get(t, ())) for t in toks]
        if all(len(s) == 1 for s in slots):
            return []
        combos = itertools.islice(itertools.product(*slots), 1, 33)  # first combo is the printed one
        return [tuple(itertools.chain.from_iterable(c)) for c in combos]

    def _decide(self, printed: str, hits: list[tuple]) -> Resolution:
        hits.sort(key=lambda h: (h[0], h[1]))
        tier, rank = hits[0][0], hits[0][1]
        best = {h[2].comune.key: h for h in hits if h[0] == tier and h[1] == rank}
        others = []
        seen = set(best)
        chosen = hits[0][2].comune
        for h in hits:
            if h[2].comune.successor_istat and h[2].comune.successor_istat == chosen.istat:
                continue  # an earlier name of the chosen comune, not a rival
            if h[2].comune.key not in seen:
                seen.add(h[2].comune.key)
                others.append(h)
        candidates = tuple((h[2].comune.name, h[2].comune.key, SCORES[_layer_score(h[3])])
                           for h in [*best.values(), *others])
        if len(best) > 1:
            return Resolution(printed, None, None, 0.0, "unresolved", candidates=candidates)
        layer = hits[0][3]
        comune = hits[0][2].comune
        runner = others[0] if others else None
        return self._result(printed, comune, SCORES[_layer_score(layer)], _method(layer), runner and (
            runner[2].comune.name, SCORES[_layer_score(runner[3])]), candidates)

    def _fuzzy(self, printed: str, toks: tuple[str, ...], raw: tuple[str, ...]) -> Resolution:
        query = _fuzzy_key(toks)
        listed: dict[str, tuple[Comune, float]] = {}
        threshold = FUZZY_THRESHOLD - FUZZY_WIDER_STEP
        for keys, entries in self._idx.fuzzy:
            if not keys:
                continue
            threshold += FUZZY_WIDER_STEP
            found = process.extract(query, keys, scorer=fuzz.ratio, limit=10, score_cutoff=CANDIDATE_CUTOFF)
            ranked: dict[str, tuple[Comune, float]] = {}
            for _, score, i in found:
                c = entries[i].comune
                if c.key not in ranked or ranked[c.key][1] < score:
                    ranked[c.key] = (c, score)
            order = sorted(ranked.values(), key=lambda cs: -cs[1])
            for c, s in order:
                if c.key not in listed or listed[c.key][1] < s:
                    listed[c.key] = (c, s)
            if not order or order[0][1] < threshold:
                continue  # nothing close in this tier: widen
            best, score = order[0]
            runner = order[1] if len(order) > 1 else None
            candidates = tuple((c.name, c.key, round(s, 1)) for c, s in order[:5])
            if runner and score - runner[1] < FUZZY_MARGIN:
                return Resolution(printed, None, None, 0.0, "unresolved", best.name, score, candidates)
            return self._result(printed, best, score, "fuzzy", runner and (runner[0].name, runner[1]),
                                candidates)
        order = sorted(listed.values(), key=lambda cs: -cs[1])[:5]
        return Resolution(printed, None, None, 0.0, "unresolved",
                          order[0][0].name if order else None, round(order[0][1], 1) if order else None,
                          tuple((c.name, c.key, round(s, 1)) for c, s in order))

    @staticmethod
    def _result(printed: str, comune: Comune, score: float, method: str,
                runner: tuple[str, float] | None, candidates: tuple) -> Resolution:
        if not comune.active:
            return Resolution(printed, comune.name, comune.istat or None, score, "historic",
                              runner[0] if runner else None, runner[1] if runner else None, candidates,
                              comune.provincia, comune.successor_istat or None, comune.successor_name or None)
        return Resolution(printed, comune.name, comune.istat, round(score, 1), method,
                          runner[0] if runner else None, round(runner[1], 1) if runner else None,
                          candidates, comune.provincia)

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
                if best[end] is None or cand[0] > best[end][0]:
                    best[end] = cand
        final = best[n]
        return final[1] if final and len(final[1]) > 1 else None


def _fuzzy_key(tokens: tuple[str, ...]) -> str:
    """Letters compared by the fuzzy layer: saints spelled "san" ("s" would bring Sassano near San Bassano)."""
    return "".join("san" if t == "s" else t for t in tokens)


def _layer_score(layer: str) -> str:
    return {"historic_year": "historic", "normal": "normal"}.get(layer, layer)


def _method(layer: str) -> str:
    return {"alias": "normal", "prefix": "abbreviation", "historic_year": "historic"}.get(layer, layer)


def resolve(name: str, **kwargs) -> Resolution:
    """One-off resolution with a fresh ``Resolver(**kwargs)`` (prefer a Resolver per plan)."""
    return Resolver(**kwargs).resolve(name)
