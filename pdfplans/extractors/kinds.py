"""Value kinds: the one map from a role's kind to how its cells are read.

Each kind has a ``parse`` (the value a record gets: lenient, "3.692 alloggi" → 3692), a
``recognize`` (whether a cell reads as this kind at all, used to tell a table's columns apart:
strict, an integer cell holds nothing but the integer) and the type of the canonical column it
feeds. Classification and records both take their parsers from here.

The parsers are the Italian number readers of ``normalize.numbers`` (pure functions of a string,
importing nothing but ``errors``): the one place the extractors use that package.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import ValueParseError
from ..normalize import numbers

Parser = Callable[[str], Any]


def _not_a_number(text: str) -> str:
    """Names and enti are recognized by not being numbers."""
    if text.replace(".", "").replace(",", "").isdigit():
        raise ValueParseError(text, "a name")
    return text


@dataclass(frozen=True)
class Kind:
    name: str
    column: str  # type of the canonical column it feeds: int, float, bool or str
    parse: Parser | None = None  # None: the text itself (names are resolved, text is cleaned)
    recognize: Parser | None = None  # raises ValueParseError when a cell is not of this kind
    numeric: bool = False  # a figure (a row of figures with no name is a total or a continuation)

    def reads(self, text: str) -> bool:
        """Whether ``text`` reads as this kind (always, for kinds that recognize anything)."""
        check = self.recognize or self.parse
        if check is None:
            return True
        try:
            check(text)
        except ValueParseError:
            return False
        return True


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("text", "str"),
    Kind("dgr", "str"),
    Kind("code", "str", numbers.parse_code, recognize=lambda text: text),
    Kind("name", "str", recognize=_not_a_number),
    Kind("ente", "str", recognize=_not_a_number),
    Kind("int", "int", numbers.parse_int, numbers.parse_strict_int, numeric=True),
    Kind("units_di_cui", "int", numbers.parse_with_part, numeric=True),
    Kind("liberi", "int", numbers.parse_liberi, numeric=True),
    Kind("pct", "float", numbers.parse_percent, numeric=True),
    Kind("euro", "float", numbers.parse_euro, numeric=True),
    Kind("date", "str", numbers.parse_date, numeric=True),
    Kind("time", "str", numbers.parse_time, numeric=True),
    Kind("si_no", "bool", numbers.parse_si_no, recognize=lambda text: text),
)}


def kind(name: str) -> Kind:
    if name not in KINDS:
        raise ValueError(f"unknown value kind {name!r}: one of {', '.join(KINDS)}")
    return KINDS[name]
