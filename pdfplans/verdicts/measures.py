"""Tables of measures (misure di sostegno, their riparto) have one row per measure of Regione
Lombardia's housing support, and those measures are few and named alike in every plan: the
Contributo Regionale di Solidarietà, the Misura Unica (Affitto), the Misura Complementare, the Fondo
Morosità Incolpevole, Zero canone for the ALER tenants over 70. A name cell naming two of them is two
rows read as one: nothing else in the plan repeats a measure's row, but its name says which it is.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .base import Reason
from .common import data_rows, page_of

if TYPE_CHECKING:
    from ..model import Table

# the regional measures, each by the words any plan names it with (upper or lower case, short forms:
# "CONTRIBUTO SOLIDARIETA' DI", "MISURA AFFITTO UNICA", "MOROSITA' INCOLPEVOLE")
MEASURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Contributo Regionale di Solidarietà", re.compile(r"solidariet", re.IGNORECASE)),
    ("Misura Unica", re.compile(r"\bunica\b", re.IGNORECASE)),
    ("Misura Complementare", re.compile(r"complementar", re.IGNORECASE)),
    ("Morosità incolpevole", re.compile(r"morosit", re.IGNORECASE)),
    ("Zero canone", re.compile(r"zero\s+canone|\bover\s*70\b", re.IGNORECASE)),
)
NAME_COLUMN = "misura"


def named_measures(text: str) -> list[str]:
    """The regional measures ``text`` names, in the order of ``MEASURES``."""
    return [name for name, pattern in MEASURES if pattern.search(text)]


def judge_measures(table: "Table") -> list[Reason]:
    """A row of a table of measures whose name cell names two measures: rows merged."""
    if NAME_COLUMN not in table.columns:
        return []
    for index, _record in data_rows(table):
        cell = table.cells[index].get(NAME_COLUMN) if index < len(table.cells) else None
        if cell is None:
            continue
        found = named_measures(cell.text)
        if len(found) >= 2:
            return [Reason("kinds", table.id, page_of(table, index),
                           f"row {index + 1}: {NAME_COLUMN} prints {cell.flat[:60]!r}, which names two measures "
                           f"({found[0]}, {found[1]}): rows merged?", ((index, NAME_COLUMN),))]
    return []
