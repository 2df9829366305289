"""What records keep for an auditor: OCR doubt as one warning per table, and the printed headers.

OCR doubt: how many printed cells OCR read with low confidence, and the worst.

A scanned table easily has dozens of such cells; a warning per cell (and per row that a carried-down
label repeats into) buries the few that matter. The confidence of every cell stays in ``Table.cells``
(and in the dataset's ``cells`` table); the warning lists every doubtful cell in ``cells`` and names
the worst ones, row (1-based) and column, in its message.
"""
from __future__ import annotations

from ..errors import PlanWarning
from ..extractors.classify import Match
from ..extractors.page import LOW_CONFIDENCE
from ..model import Cell, Table

WORST_SHOWN = 3  # cells named in the message; all of them are in PlanWarning.cells
QUOTE_CHARS = 30  # a doubtful paragraph is named by its start, not quoted whole


def short(text: str, limit: int = QUOTE_CHARS) -> str:
    """One line of at most ``limit`` characters: "contributo economico per le…"."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    # at a word's end, so that no word is shown broken ("riq…"), unless one long word fills most of it
    if flat[limit - 1] != " " and space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:·") + "…"


def doubtful_cells(table: Table) -> list[tuple[int, str, Cell]]:
    """(row index, column, cell) of every printed cell below ``LOW_CONFIDENCE``, each printed cell once."""
    seen: set[int] = set()
    found = []
    order = {c: i for i, c in enumerate(table.columns)}
    for row, cells in enumerate(table.cells):
        # the cells keep the column read first, the derived ones after (ente before ente_tipo):
        # a printed cell behind several columns is named by the one it was read for
        here = []
        for column, cell in cells.items():
            if column not in order or cell.confidence is None or cell.confidence >= LOW_CONFIDENCE or id(cell) in seen:
                continue
            seen.add(id(cell))
            here.append((row, column, cell))
        found.extend(sorted(here, key=lambda d: order[d[1]]))
    return found


def low_confidence_warning(file: str, table: Table) -> PlanWarning | None:
    """One warning for the table's doubtful cells (None when OCR read every cell with confidence)."""
    doubtful = doubtful_cells(table)
    if not doubtful:
        return None
    worst = sorted(doubtful, key=lambda d: (d[2].confidence or 0.0, d[0]))
    pages = sorted({cell.page for _, _, cell in doubtful})
    named = ", ".join(f"row {row + 1} {column} {short(cell.text)!r} ({cell.confidence:.0f})"
                      for row, column, cell in worst[:WORST_SHOWN])
    count = len(doubtful)
    where = f" on pages {', '.join(map(str, pages))}" if len(pages) > 1 else ""
    message = (f"{count} cell{'s' if count != 1 else ''} read by OCR with confidence below {LOW_CONFIDENCE:.0f}"
               f"{where}; worst: {named}")
    return PlanWarning(file, message, worst[0][2].page, table.id, kind="low_confidence",
                       cells=tuple((row, column) for row, column, _ in worst))


def header_cells(match: Match) -> dict[str, Cell]:
    """The printed header cell above each role's column, so a report can show a figure with its heading."""
    printed = match.table.header_cells
    return {role: cell for role, i in match.roles.items() if i < len(printed) and (cell := printed[i]) is not None}
