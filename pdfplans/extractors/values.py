"""What a printed text looks like before it is parsed: a value, the start of one, or a whole one.

The one place the reader asks these questions (the typed parsers live in ``normalize.numbers``):
which columns hold single-line values, whether a line brings a new value into a filled column,
and whether a cell at a page top is a complete value or the rest of a cut one.
"""
from __future__ import annotations

import re

_BARE_VALUE = re.compile(r"^([-–—]\s*[€%]?|[€]\s*[-–—]|si|sì|no|x)$", re.IGNORECASE)
_WHOLE_VALUE = re.compile(
    r"^[-–€\s]*[\d.]+(,\d+)?\s*[%€]?$|^-\s*€?$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$|^\d{1,2}:\d{2}(:\d{2})?$"
)


def looks_numeric(text: str) -> bool:
    """Text that starts like a value of a single-line column (a number, a date, "- €", "SI"/"NO"):
    looser than ``is_value``, as a line may bring a value with a note ("29 di cui 7")."""
    stripped = text.replace("€", "").replace("%", "").strip()
    if _BARE_VALUE.match(text.strip()):
        return True
    return bool(stripped) and (stripped[0].isdigit() or stripped[0] in "-+'") and sum(c.isdigit() for c in stripped) >= 1


def whole_value(text: str) -> bool:
    """A complete number, amount, percentage, date or time ("479.888,99 €"), not a fragment
    of a longer cell ("6491/2022)")."""
    return bool(_WHOLE_VALUE.match(text.strip()))


_NUMERIC = re.compile(r"^[-–+€%'(]*\s*[\d.,:/\-%€ ]+\)?$")


def is_value(text: str) -> bool:
    """A run of text that is all value: "1.595,10 €", "10%", "21-09-2022", "- €", "SI".
    Stricter than ``looks_numeric``: it tells value columns and the end of a header."""
    bare = text.strip().upper()
    return bool(_NUMERIC.match(text)) and any(c.isdigit() for c in text) or bare in {"-", "- €", "€", "-€", "SI", "NO"}
