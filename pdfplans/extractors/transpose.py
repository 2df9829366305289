"""Tables printed the other way round: one column per record, one row per figure.

Some offices print g as a wide table, a column per ente × comune pair ("Comune di Vimercate",
"ALER Arcore", ...) and a TOTALE column, the figures' names down the first column ("Alloggi
liberi", "Alloggi in ristrutturazione", ..., "Totale"). Read across, such a table is no canonical
table; read down it is an ordinary one. ``transposed`` gives that second reading, which
classification scores like any other: whichever reading names a spec better wins. The cells are the
printed ones, so pages, boxes and evidence stay where they were.
"""
from __future__ import annotations

from dataclasses import replace

from .cells import join_cell_text
from .headers import header_likeness
from .locate import PrintedTable
from .settings import DEFAULT_SETTINGS, ReaderSettings
from .values import is_value

MIN_LABEL_SHARE = 2 / 3  # rows whose first cell reads as a header: the figures' names
MIN_VALUE_SHARE = 0.8  # the other cells: figures


def looks_transposed(table: PrintedTable, vocabulary: frozenset[str], s: ReaderSettings = DEFAULT_SETTINGS) -> bool:
    """Its first column names figures (header words) and the rest of its body is figures."""
    if len(table.columns) < 3 or len(table.rows) < 2:
        return False
    labels = [join_cell_text(row[0]) if row and row[0] is not None else "" for row in table.rows]
    named = sum(1 for label in labels if label and header_likeness(label, vocabulary) >= s.header_min)
    if named < max(2, MIN_LABEL_SHARE * len(labels)):
        return False
    values = [text for row in table.rows for cell in row[1:] if cell is not None and (text := join_cell_text(cell))]
    return bool(values) and sum(1 for v in values if is_value(v)) >= MIN_VALUE_SHARE * len(values)


def transposed(table: PrintedTable) -> PrintedTable:
    """The reading down: the printed header's cells become the first column (the records' names),
    the first column's cells the header; the top-left cell stays the header of the names."""
    width = len(table.columns)
    header_cells = [table.header_cells[0] if table.header_cells else None] + [row[0] for row in table.rows]
    rows = [[table.header_cells[j] if j < len(table.header_cells) else None]
            + [row[j] if j < len(row) else None for row in table.rows] for j in range(1, width)]
    header = [table.header[0] if table.header else ""] + [join_cell_text(c) if c is not None else "" for c in header_cells[1:]]
    return replace(table, header=header, rows=rows, columns=[table.columns[0]] * len(header), header_cells=header_cells,
                   transposed_from=table)
