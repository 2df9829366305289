"""Header rows: how header-like a line is, and which printed column plays which role."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from .catalog import Role
from .settings import DEFAULT_SETTINGS, ReaderSettings

_TOKEN = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=8192)
def normalize_text(text: str) -> str:
    """Lower case, accents and punctuation removed: "Finalità" → "finalita"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=8192)
def tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(normalize_text(text)))


Fuzzy = tuple[float, int, int]  # (fuzzy_share, fuzzy_chars, prefix_chars) of ReaderSettings


def fuzzy_of(settings: ReaderSettings) -> Fuzzy:
    return settings.fuzzy_share, settings.fuzzy_chars, settings.prefix_chars


@lru_cache(maxsize=65536)
def _token_matches(a: str, b: str, fuzzy: Fuzzy) -> bool:
    if a == b:
        return True
    share, chars, prefix = fuzzy
    if min(len(a), len(b)) >= chars and fuzz.ratio(a, b) >= 100 * share:  # typos and OCR misreadings
        return True
    return len(a) >= prefix and len(b) >= prefix and (a.startswith(b) or b.startswith(a))  # ristrutturazione/i


@lru_cache(maxsize=65536)
def synonym_score(header: str, synonym: str, fuzzy: Fuzzy = fuzzy_of(DEFAULT_SETTINGS)) -> float:
    """Dice overlap of tokens between a printed header and one synonym, 0..1."""
    h, s = tokens(header), tokens(synonym)
    if not h or not s:
        return 0.0
    # each pair once; words shorter than both fuzzy_chars and prefix_chars match only when equal
    shortest = min(fuzzy[1], fuzzy[2])
    long_h = [len(u) >= shortest for u in h]
    matched_s, matched_h = 0, [False] * len(h)
    for t in s:
        found, long_t = False, len(t) >= shortest
        for j, u in enumerate(h):
            if t == u or long_t and long_h[j] and _token_matches(t, u, fuzzy):
                found = matched_h[j] = True
        matched_s += found
    return (matched_s + sum(matched_h)) / (len(s) + len(h))


def role_score(header: str | tuple[str, ...], role: Role, settings: ReaderSettings = DEFAULT_SETTINGS) -> float:
    """How well a header (or the best of its readings) names a role, 0..1."""
    readings = (header,) if isinstance(header, str) else header
    fuzzy = fuzzy_of(settings)
    return max((synonym_score(h, s, fuzzy) for h in readings for s in role.synonyms), default=0.0)


def assign_roles(
    headers: Sequence[str | tuple[str, ...]], roles: tuple[Role, ...], settings: ReaderSettings = DEFAULT_SETTINGS
) -> tuple[dict[str, int], float]:
    """Give each role the printed column whose header names it best (each column once).

    A header may come as several readings ("PRO G" and "PROG" when a narrow cell broke the word).
    Returns role → column index and the mean score over required roles.
    """
    pairs = sorted(
        ((role_score(h, role, settings), -j, i, j) for i, role in enumerate(roles) for j, h in enumerate(headers) if h),
        reverse=True,
    )
    taken_roles: dict[str, int] = {}
    scores: dict[str, float] = {}
    taken_columns: set[int] = set()
    for score, _, i, j in pairs:
        role = roles[i]
        if score < settings.role_floor or role.name in taken_roles or j in taken_columns:
            continue
        taken_roles[role.name] = j
        scores[role.name] = score
        taken_columns.add(j)
    required = [r for r in roles if r.required]
    mean = sum(scores.get(r.name, 0.0) for r in required) / max(1, len(required))
    return taken_roles, mean


STOPWORDS = frozenset({
    "di", "del", "della", "dei", "degli", "delle", "per", "e", "ed", "in", "da", "a", "il", "l", "nell", "nello",
    "o", "ad", "con", "che", "le", "la", "lo", "gli", "al", "alle", "ai", "un", "una", "si", "no", "sul", "nella",
})


# a reference date in a header ("Abitanti al 01/01/2022") is neither a header word nor a figure
_DATE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b")


def header_likeness(text: str, vocabulary: frozenset[str]) -> float:
    """Share of a line's words that belong to header vocabulary (numbers count against it)."""
    toks = tuple(t for t in tokens(_DATE.sub(" ", text)) if t not in STOPWORDS)
    hits = sum(1 for t in toks if t in vocabulary and not t.isdigit() or t == "20")
    if hits < 2 and not (len(toks) == 1 and len(toks[0]) > 3 and hits == 1):
        return 0.0  # "AT 1" is a group label, not a header; "ENTE" alone may be
    return hits / len(toks)
