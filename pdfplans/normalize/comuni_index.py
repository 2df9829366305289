"""Lookup tables of one resolver universe (the plan's own comuni, its provinces, the region).

Every comune of the universe is entered under its exact name, its normal form, its forms without a
tail ("ed Uniti", "con ..."), its letters without spaces and its first word, each with its tier: 0 the
plan's own comuni (scope), 1 its provinces, 2 the region. Shared by resolvers of the same universe.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache

from . import gazetteer
from .gazetteer import Comune
from .names import canon, compacts, fuzzy_key, reduced, straight, words

SCOPE, PROVINCES, REGION = 0, 1, 2


@dataclass
class Entry:
    comune: Comune
    tier: int
    historic: bool


@dataclass
class Index:
    """Lookup tables of one universe (region + provinces + scope)."""

    exact: dict[str, list[Entry]] = field(default_factory=dict)
    normal: dict[str, list[Entry]] = field(default_factory=dict)
    alias: dict[str, list[Entry]] = field(default_factory=dict)
    compact: dict[str, list[Entry]] = field(default_factory=dict)
    by_first: dict[str, list[tuple[tuple[str, ...], Entry]]] = field(default_factory=dict)
    in_scope: list[tuple[tuple[str, ...], Entry]] = field(default_factory=list)  # the plan's own comuni
    scope_words: frozenset[str] = frozenset()  # words of 4+ letters of the plan's own comuni
    hist_normal: dict[str, list[Entry]] = field(default_factory=dict)
    hist_compact: dict[str, list[Entry]] = field(default_factory=dict)
    fuzzy: list[tuple[list[str], list[Entry]]] = field(default_factory=list)  # per tier: keys, entries


def _add(table: dict[str, list[Entry]], key: str, entry: Entry) -> None:
    bucket = table.get(key)
    if bucket is None:  # most keys: a bucket of one (built for every comune at every start)
        table[key] = [entry]
    elif all(e.comune is not entry.comune for e in bucket):
        bucket.append(entry)


@cache
def _name_forms(name: str) -> tuple[tuple[str, ...], list[tuple[str, ...]], list[set[str]], list[str]]:
    """Everything the index derives from one official name, whatever the scope: computed once."""
    toks = canon(words(name))
    if not toks:
        return toks, [], [], []
    forms = [toks] + reduced(toks)
    return toks, forms, [compacts(form) for form in forms], [fuzzy_key(form) for form in forms]


def _tier_of(c: Comune, scope: frozenset[str], provinces: frozenset[str], region: str | None) -> int | None:
    code = c.istat or c.successor_istat
    if code and code in scope:
        return SCOPE
    if c.provincia in provinces:
        return PROVINCES
    if region is None or c.regione == region:
        return REGION
    return None


@lru_cache(maxsize=16)
def build(scope: frozenset[str], provinces: frozenset[str], region: str | None) -> Index:
    """The index of the comuni in scope, in the provinces and in the region (None: all Italy)."""
    idx = Index()
    tiers: dict[int, tuple[list[str], list[Entry]]] = {t: ([], []) for t in (SCOPE, PROVINCES, REGION)}
    scope_words: set[str] = set()
    for c in gazetteer.comuni():
        tier = _tier_of(c, scope, provinces, region)
        if tier is None:
            continue
        entry = Entry(c, tier, not c.active)
        names = [c.name] + [n for n in c.name_alt.split("/") if n.strip()]
        for name in names:
            toks, forms, form_compacts, fuzzy_keys = _name_forms(name)
            if not toks:
                continue
            if not c.active:
                _add(idx.hist_normal, " ".join(toks), entry)
                for comp in form_compacts[0]:
                    _add(idx.hist_compact, comp, entry)
                continue
            official = name == c.name  # the other-language name ("Sexten") only as an alias
            if official:
                _add(idx.exact, straight(name), entry)
                _add(idx.normal, " ".join(toks), entry)
            for form in forms[0 if not official else 1:]:
                _add(idx.alias, " ".join(form), entry)
            keys, entries = tiers[tier]
            for comps, key in zip(form_compacts, fuzzy_keys):
                for comp in comps:
                    _add(idx.compact, comp, entry)
                keys.append(key)
                entries.append(entry)
            idx.by_first.setdefault(toks[0], []).append((toks, entry))
            if tier == SCOPE:
                idx.in_scope.append((toks, entry))
                scope_words.update(t for t in toks if len(t) >= 4)
    idx.scope_words = frozenset(scope_words)
    idx.fuzzy = [tiers[t] for t in (SCOPE, PROVINCES, REGION)]
    return idx
