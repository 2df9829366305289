"""The comuni gazetteer shipped as package data (``data/comuni.csv``, built by scripts/build_gazetteer.py).

One row per comune in force (ISTAT code, official name, province sigla, region, belfiore code) and one
per name no longer in force (a comune that ceased, or an earlier name of a code still in force), with
its dates and, where the sources tell, the comune in force that took it over. Read once, lazily, with
the csv module (no pandas: importing the resolver must stay cheap).
"""
from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from .packaged import data_text


class Comune(NamedTuple):
    """A row of the gazetteer. ``istat`` is empty for ceased comuni (the sources give none).

    A named tuple rather than a frozen dataclass: the 10,700 rows are built at every start, and a
    tuple builds several times faster."""

    istat: str
    name: str
    provincia: str
    regione: str
    belfiore: str
    active: bool
    date_created: str = ""
    date_ceased: str = ""
    successor_istat: str = ""
    successor_name: str = ""
    name_alt: str = ""

    @property
    def key(self) -> str:
        """A stable identifier: the ISTAT code, or the belfiore code and name for a ceased comune."""
        return self.istat or f"{self.belfiore}:{self.name}"

    def existed_in(self, year: int) -> bool:
        """Whether the comune (under this name) existed at some time during ``year``."""
        start = int(self.date_created[:4]) if self.date_created else 0
        end = int(self.date_ceased[:4]) if self.date_ceased else 9999
        return start <= year <= end


@lru_cache(maxsize=1)
def comuni() -> tuple[Comune, ...]:
    """Every row of the gazetteer, active comuni first (in ISTAT order)."""
    reader = csv.reader(io.StringIO(data_text("comuni.csv")))
    header = next(reader)
    fields = Comune._fields
    active_at, active = fields.index("active"), header.index("active")
    # the columns before and after "active", in the tuple's order, taken out in one call each
    before = itemgetter(*(header.index(field) for field in fields[:active_at]))
    after = itemgetter(*(header.index(field) for field in fields[active_at + 1:]))
    make = tuple.__new__  # what Comune._make does, without its length check: each row has every column
    return tuple(make(Comune, (*before(row), row[active] == "true", *after(row))) for row in reader)


@lru_cache(maxsize=1)
def active() -> tuple[Comune, ...]:
    """The comuni in force at the gazetteer's reference date."""
    return tuple(c for c in comuni() if c.active)


@lru_cache(maxsize=1)
def _by_istat() -> dict[str, Comune]:
    return {c.istat: c for c in comuni() if c.istat}


def by_istat(code: str) -> Comune | None:
    """The comune with ISTAT code ``code`` (in force, or ceased when the code is known); "19036" → "019036"."""
    return _by_istat().get(code.strip().zfill(6)) if code else None


def by_province(sigla: str) -> tuple[Comune, ...]:
    """Active comuni of a province (sigla, "CR")."""
    sigla = sigla.strip().upper()
    return tuple(c for c in active() if c.provincia == sigla)


@lru_cache(maxsize=1)
def region_of_province() -> dict[str, str]:
    """Province sigla → region name, from the comuni in force."""
    return {c.provincia: c.regione for c in active()}


@lru_cache(maxsize=1)
def metadata() -> dict:
    """Sources, versions, reference date and sha256 of comuni.csv."""
    return json.loads(data_text("metadata.json"))
