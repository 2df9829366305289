"""The written forms of a comune's name: folding, words, short forms and how printed words align.

Pure functions over words (no gazetteer): the resolver's index and layers are built from them.
"""
from __future__ import annotations

import csv
import io
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache

from .packaged import data_text

SAINTS = frozenset({"s", "san", "sant", "santo", "santa", "ss"})
_SAINT_SPELLINGS = ("s", "san", "sant", "santo", "santa")
# Words a name may leave out ("Robecco Oglio", "Pozzaglio Uniti") when the printed words are aligned.
PARTICLES = frozenset({"d", "de", "di", "del", "dei", "della", "delle", "dello", "degli", "e", "ed",
                       "con", "uniti", "sul", "sulla", "al", "in", "l"})
# Words that never occur in the name of an Italian comune but do in rows that are no comune
# ("uo", "uog": an ALER's Unità Operativa, "UO LODI").
_NOT_COMUNE = frozenset({"totale", "totali", "subtotale", "tot", "aler", "vari", "varie", "uog", "uo",
                         "ambito", "allegato", "vedi", "generale", "nessuno"})
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_WORD = re.compile(r"[a-z0-9]+")
INITIALS = range(2, 4)  # a printed word of 2-3 letters may be the initials of words ("SG", "CC", "RD")


def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes."""
    text = text.translate(_APOSTROPHES)
    if text.isascii():  # no accent to take off (NFKD leaves ASCII as it is): most names, read at every start
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def straight(text: str) -> str:
    """The text with straight apostrophes and single spaces: the key of an exact match."""
    return " ".join(text.translate(_APOSTROPHES).split())


def words(text: str) -> list[str]:
    """The words of a name, folded; punctuation (apostrophes, dots, hyphens) separates words."""
    return _WORD.findall(fold(text))


def canon(tokens: Iterable[str]) -> tuple[str, ...]:
    """Words with every saint form written "s" ("S.", "San", "Santo", "Sant'" are one)."""
    return tuple("s" if t in SAINTS else t for t in tokens)


def normal_key(text: str) -> str:
    """The normal form of a name: "Pieve S. giacomo" and "PIEVE SAN GIACOMO" → "pieve s giacomo"."""
    return " ".join(canon(words(text)))


def unita_operativa(text: str) -> tuple[str, ...] | None:
    """The words after an ALER's Unità Operativa marker ("U.O.LODI", "UOG Lodi", "Unità Operativa di
    Lodi" → ("lodi",)); None when the text has no such marker."""
    toks = words(text)
    for i, tok in enumerate(toks):
        if tok in ("uo", "uog"):
            end = i + 1
        elif tok == "u" and toks[i + 1: i + 2] in (["o"], ["og"]):
            end = i + 2 + (toks[i + 1] == "o" and toks[i + 2: i + 3] == ["g"])
        elif tok == "unita" and toks[i + 1: i + 2] == ["operativa"]:
            end = i + 2 + (toks[i + 2: i + 3] == ["gestionale"])
        else:
            continue
        return tuple(t for t in toks[end:] if t not in PARTICLES)
    return None


def is_not_comune(text: str) -> bool:
    """A TOTALE row, "COMUNI VARI", "U.O.CREMONA", an ALER: strings that must stay unresolved."""
    toks = words(text)
    if any(t in _NOT_COMUNE for t in toks):
        return True
    if "comuni" in toks:
        return True  # "COMUNI VARI", "Comuni dell'ambito"
    return unita_operativa(text) is not None


def reduced(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Forms of a name printed without its tail: "ed Uniti", "Uniti" alone, "con Cignone"."""
    out = []
    if tokens[-1:] == ("uniti",) and len(tokens) > 2 and tokens[-2] in ("ed", "e"):
        out.append(tokens[:-2])
        out.append(tokens[:-2] + ("uniti",))
    if "con" in tokens[1:]:
        out.append(tokens[: tokens.index("con", 1)])
    return [t for t in out if t]


def compacts(tokens: tuple[str, ...]) -> set[str]:
    """Letters without spaces, with each way of writing its saints (for "Santangelo Lodigiano")."""
    slots = [(_SAINT_SPELLINGS if t == "s" else (t,)) for t in tokens]
    combos = itertools.islice(itertools.product(*slots), 64)
    return {"".join(c) for c in combos}


def fuzzy_key(tokens: tuple[str, ...]) -> str:
    """Letters compared by the fuzzy layer: saints spelled "san" ("s" would bring Sassano near San Bassano)."""
    return "".join("san" if t == "s" else t for t in tokens)


def one_transposition(a: str, b: str) -> bool:
    """``a`` is ``b`` with two neighbouring letters swapped ("azznaello" / "azzanello")."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Printed abbreviation (folded) → expansions as folded words, from data/abbreviations.csv."""
    text = data_text("abbreviations.csv")
    table: dict[str, list[tuple[str, ...]]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        key = "".join(words(row["abbreviation"]))
        table.setdefault(key, []).append(canon(words(row["expansion"])))
    return {k: tuple(v) for k, v in table.items()}


def expansions(toks: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The printed words with abbreviations of data/abbreviations.csv expanded (every choice)."""
    table = abbreviations()
    slots = [((t,), *table.get(t, ())) for t in toks]
    if all(len(s) == 1 for s in slots):
        return []
    combos = itertools.islice(itertools.product(*slots), 1, 33)  # first combo is the printed one
    return [tuple(itertools.chain.from_iterable(c)) for c in combos]


def unfused(toks: tuple[str, ...], known: frozenset[str]) -> Iterator[tuple[str, ...]]:
    """The printed words with one word split after a ``known`` word, leaving a short form of 1-3
    letters ("SCANDOLARARD" → "scandolara rd", "PIEVESG" → "pieve sg")."""
    for i, tok in enumerate(toks):
        for cut in range(max(4, len(tok) - 3), len(tok)):
            if tok[:cut] in known:
                yield toks[:i] + (tok[:cut], tok[cut:]) + toks[i + 1:]


def aligns(printed: tuple[str, ...], name: tuple[str, ...], truncate: bool) -> bool:
    """Each printed word the start of a word of the name, or the initials of a run of its words
    ("SG" for "San Giovanni", "CC" for "Cortesi con Cignone"), in order, the first word whole.

    Words of the name may be skipped between them only if they are particles ("d'", "ed"), or any word
    when ``truncate`` (inside the scope); after the last printed word the rest of the name may be left
    out only when ``truncate`` or when it is particles ("ed Uniti"). A name cut short must keep a
    word of four letters or more; without one, every printed word is a whole word of the name.
    """
    if not printed or len(printed) > len(name):
        return False
    if max((len(w) for w in printed if w not in SAINTS and w not in PARTICLES), default=0) < 4:
        if any(w not in name for w in printed):
            return False  # "S.A" names no Sant'A... of all: a word cut short needs a word of four letters
        truncate = False  # "S" or "DI" alone name nothing, even inside the scope
    if printed[0] != name[0] and not (truncate and len(printed[0]) >= 5 and name[0].startswith(printed[0])):
        return False  # "CASALMAGG." may shorten the first word, but only inside the plan's own comuni
    return _rest_aligns(printed[1:], name, 1, truncate)


def _rest_aligns(printed: tuple[str, ...], name: tuple[str, ...], j: int, truncate: bool) -> bool:
    if not printed:
        rest = name[j:]
        if truncate:
            return True
        if "con" in rest:
            rest = rest[: rest.index("con")]
        return all(t in PARTICLES for t in rest)
    word = printed[0]
    for k in range(j, len(name)):
        if k > j and not truncate and name[k - 1] not in PARTICLES:
            return False  # only particles may be skipped outside the scope
        if name[k].startswith(word) and _rest_aligns(printed[1:], name, k + 1, truncate):
            return True
        initials = _initials_ends(word, name, k) if len(word) in INITIALS and word.isalpha() else ()
        if any(_rest_aligns(printed[1:], name, end, truncate) for end in initials):
            return True
    return False


def _initials_ends(word: str, name: tuple[str, ...], k: int) -> Iterator[int]:
    """Where a run of initials starting at name[k] ends: each letter the first of the next word,
    particles between them skipped or spelled ("CC" for "Cortesi con Cignone", "RD" for "Ripa d'")."""
    if name[k][0] != word[0]:
        return
    if len(word) == 1:
        yield k + 1
        return
    for nxt in range(k + 1, len(name)):
        yield from _initials_ends(word[1:], name, nxt)
        if name[nxt] not in PARTICLES:
            return
