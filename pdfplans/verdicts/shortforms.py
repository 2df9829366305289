"""A member comune named in short form, as plans print names in narrow cells: words cut short with a
full stop ("MONTAGNA IN V." for Montagna in Valtellina, "S. Daniele Po" for San Daniele Po).

Members are given plain (``kinds.plain_name``: lower case, words of letters and digits); a short form
keeps at least one word whole or a long start of one ("CASALMAGG." for Casalmaggiore), and each word
cut short is the start of the member's word there.
"""
from __future__ import annotations

import re

_TOKEN = re.compile(r"([a-z0-9]+)(\.?)")  # the words plain_name keeps, and whether a full stop ends one
_COMUNE_DI = ("comune", "di")
STEM = 5  # letters a name cut short to one word keeps: fewer could start many names


def tokens(text: str) -> list[tuple[str, bool]]:
    """The plain words of ``text``, each with whether it is cut short (a full stop right after it)."""
    return [(m.group(1), m.group(2) == ".") for m in _TOKEN.finditer(text.lower())]


def _matches(words: list[tuple[str, bool]], member: list[str]) -> bool:
    if len(words) != len(member):
        return False
    whole = [w == m for (w, _), m in zip(words, member)]
    cut = [dot and m.startswith(w) for (w, dot), m in zip(words, member)]
    return all(a or b for a, b in zip(whole, cut)) and (any(whole) or any(len(w) >= STEM for w, _ in words))


def names_member(text: str, member: str) -> bool:
    """Whether ``text`` is ``member``'s name, whole or in short form, with or without "Comune di"."""
    words = tokens(text)
    if [w for w, _ in words[:2]] == list(_COMUNE_DI):
        words = words[2:]
    return _matches(words, member.split())


def opening_member(text: str, members: list[str]) -> str | None:
    """The member whose name (whole or in short form) ``text`` opens with, followed by more words."""
    words = tokens(text)
    for member in members:
        size = len(member.split())
        if len(words) > size and _matches(words[:size], member.split()):
            return member
    return None
