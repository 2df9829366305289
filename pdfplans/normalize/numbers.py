"""Every printed value form of the plans, read into Python values.

Italian formats: "." groups thousands and "," marks decimals ("1.595.127,10 €"); offices also type
"4045" beside "2.437", "- €" for zero, "24,52%", "29 di cui 7 per altri usi abitativi",
"1 + 5da turn over", "10 (di cui 4 per mobilità d'ufficio)", "'BS151846", "21-09-2022".
Blank cells and "non comunicato" are null, never 0. What cannot be read raises ``ValueParseError``.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date

from ..errors import ValueParseError

NULL_TEXTS = frozenset({"", "non comunicato", "non comunicata", "n.c.", "nc", "n.d.", "nd", "non disponibile"})
_NULLS = NULL_TEXTS | {t.rstrip(".") for t in NULL_TEXTS}  # as is_null compares them (without a final ".")

_SPACES = re.compile(r"\s+")
# An Italian number: thousands groups with "." (or a space, as some offices type), decimals with ",".
_NUMBER = re.compile(r"[-+]?\d{1,3}(?:[.\u00a0 ]\d{3})+(?:,\d+)?|[-+]?\d+(?:[.,]\d+)?")
_DASH_ZERO = re.compile(r"^[-–—]+$")
_DI_CUI = re.compile(r"^\(?\s*(?P<total>[\d.]+)\s*\(?\s*di\s+cui\s+(?P<part>[\d.]+)", re.IGNORECASE)
_PLUS = re.compile(r"^(?P<first>\d+)\s*\+\s*(?P<second>\d+)\s*(?P<rest>.*)$")
_DATE = re.compile(r"^(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{2,4})$")
_TIME = re.compile(r"^(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:[:.](?P<s>\d{2}))?$")
_NUMBER_WORDS = {
    "zero": 0, "un": 1, "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6,
    "sette": 7, "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12, "tredici": 13,
    "quattordici": 14, "quindici": 15, "sedici": 16, "diciassette": 17, "diciotto": 18,
    "diciannove": 19, "venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50,
}


def clean(text: str | None) -> str:
    """Collapse whitespace and drop the characters Word and spreadsheets leave around values."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    return _SPACES.sub(" ", text).strip()


def is_null(text: str | None) -> bool:
    """Blank, or an explicit "non comunicato" (a missing figure, not a zero)."""
    return clean(text).lower().rstrip(".") in _NULLS


def _to_number(token: str) -> float:
    """Read one Italian number token ("1.595.127,10", "4045", "24,52", "2.437")."""
    token = token.replace("\u00a0", "").replace(" ", "")
    sign = -1.0 if token.startswith("-") else 1.0
    token = token.lstrip("+-")
    if "," in token:
        return sign * float(token.replace(".", "").replace(",", "."))
    if "." in token:
        groups = token.split(".")
        if all(len(g) == 3 for g in groups[1:]):
            return sign * float("".join(groups))  # "2.437": thousands
        return sign * float(token)  # "10.5": a decimal point typed the English way
    return sign * float(token)


def parse_number(text: str | None, expected: str = "a number") -> float | None:
    """First number printed in ``text``; "- €" and "-" are 0; blank/"non comunicato" are None."""
    value = clean(text)
    if is_null(value):
        return None
    bare = value.replace("€", "").replace("%", "").replace("EUR", "").strip()
    if _DASH_ZERO.match(bare):
        return 0.0
    match = _NUMBER.match(bare)
    following = bare[match.end() : match.end() + 1] if match else ""
    if match is None or following.isalnum():
        raise ValueParseError(value, expected)  # "1x2", "n/a": a typo is not a figure
    return _to_number(match.group(0))


def parse_int(text: str | None) -> int | None:
    """An integer count ("3.692", "4045", "0"); raises if the cell holds a fraction."""
    number = parse_number(text, "an integer")
    if number is None:
        return None
    if number != int(number):
        raise ValueParseError(clean(text), "an integer")
    return int(number)


def parse_strict_int(text: str | None) -> int | None:
    """An integer cell that must hold nothing but the integer (used to tell numbers from names)."""
    value = clean(text)
    if is_null(value):
        return None
    if not re.fullmatch(r"[-+]?\d{1,3}(?:\.\d{3})+|[-+]?\d+", value):
        raise ValueParseError(value, "an integer")
    return parse_int(value)


def parse_euro(text: str | None) -> float | None:
    """An amount in euro ("1.595.127,10 €", "€ 856.581,99", "- €" = 0.0), rounded to the cent."""
    number = parse_number(text, "an amount in euro")
    return None if number is None else round(number, 2)


_PERCENT_IN_TEXT = re.compile(r"(?<![\w.,])(\d{1,3}(?:[.,]\d+)?)\s*%")


def parse_percent(text: str | None) -> float | None:
    """A percentage as printed ("10%", "24,52%", "5") → 10.0, 24.52, 5.0; in free text, its one
    explicit "N%" ("vittime di violenza domestica 5%" → 5.0)."""
    try:
        return parse_number(text, "a percentage")
    except ValueParseError:
        found = _PERCENT_IN_TEXT.findall(clean(text))
        if len(found) == 1:
            return _to_number(found[0])
        raise


def parse_with_part(text: str | None) -> tuple[int | None, int | None]:
    """"29 di cui 7 per altri usi", "10 (di cui 4 per mobilità d'ufficio)" → (29, 7); "14" → (14, None)."""
    value = clean(text)
    if is_null(value):
        return None, None
    match = _DI_CUI.match(value)
    if match:
        return parse_int(match.group("total")), parse_int(match.group("part"))
    return parse_int(value), None


def parse_liberi(text: str | None) -> tuple[int | None, int]:
    """"1 + 5da turn over" → (6, 5): the whole cell and its turnover part; "3" → (3, 0)."""
    value = clean(text)
    if is_null(value):
        return None, 0
    match = _PLUS.match(value)
    if match:
        first, second = int(match.group("first")), int(match.group("second"))
        rest = match.group("rest").lower()
        turnover = second if ("turn" in rest or "avvicend" in rest or not rest) else 0
        return first + second, turnover
    return parse_int(value), 0


def parse_date(text: str | None) -> str | None:
    """"21-09-2022", "21/09/22" → "2022-09-21" (ISO)."""
    value = clean(text)
    if is_null(value):
        return None
    match = _DATE.match(value)
    if match is None:
        raise ValueParseError(value, "a date dd-mm-yyyy")
    year = int(match.group("y"))
    year += 2000 if year < 100 else 0
    try:
        return date(year, int(match.group("m")), int(match.group("d"))).isoformat()
    except ValueError:
        raise ValueParseError(value, "a date dd-mm-yyyy") from None


def parse_time(text: str | None) -> str | None:
    """"13:51:24" → "13:51:24"; "9.42" → "09:42:00"."""
    value = clean(text)
    if is_null(value):
        return None
    match = _TIME.match(value)
    if match is None:
        raise ValueParseError(value, "a time hh:mm:ss")
    hour, minute, second = int(match.group("h")), int(match.group("m")), int(match.group("s") or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueParseError(value, "a time hh:mm:ss")
    return f"{hour:02d}:{minute:02d}:{second:02d}"


def parse_code(text: str | None) -> str | None:
    """An identifier kept as text: "'BS151846" → "BS151846"; "non comunicato" → None."""
    value = clean(text)
    if is_null(value):
        return None
    return value.lstrip("'’‘`").replace(" ", "")


def parse_si_no(text: str | None) -> bool | None:
    """"SI"/"SÌ"/"NO" → True/False; blank → None."""
    value = clean(text).upper().rstrip(".")
    if not value:
        return None
    if value in {"SI", "SÌ", "SI'", "YES", "X"}:
        return True
    if value in {"NO", "-"}:
        return False
    raise ValueParseError(clean(text), "SI or NO")


def parse_number_word(word: str) -> int | None:
    """A number written in letters in prose ("tre" → 3); None when the word is not one."""
    return _NUMBER_WORDS.get(clean(word).lower())


def format_italian(value: float, decimals: int = 0, thousands: bool = True) -> str:
    """Inverse of ``parse_number`` (used by tests and sample builders): 1595127.1 → "1.595.127,10"."""
    text = f"{abs(value):,.{decimals}f}"
    text = text.replace(",", "\u0000").replace(".", ",").replace("\u0000", "." if thousands else "")
    return ("-" if value < 0 else "") + text
