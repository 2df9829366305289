"""Decide what each printed table is: which canonical table(s) and which column plays which role.

A printed table is scored against every spec by its header (synonyms), its caption (the nearest
narrative lines above) and whether its values read as the spec's kinds. One printed table may
serve two specs whose roles are disjoint but for the key (soglia indigenti and quota forze di
polizia side by side); each spec takes at most one printed table.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .catalog import EMPTY_MARKER, SPECS, SPECS_BY_ID, TableSpec, header_vocabulary
from .cells import join_cell_text
from .headers import assign_roles, normalize_text
from .kinds import KINDS
from .lines import Line
from .locate import PrintedTable
from .settings import DEFAULT_SETTINGS, ReaderSettings
from .transpose import looks_transposed, transposed

MIN_SCORE = DEFAULT_SETTINGS.min_score
_SUMS = tuple(spec for spec in SPECS if spec.parts)
_AT_LABEL = re.compile(r"^(totale\s+)?at\s*\d+\b|^ambito\b|^area\b", re.IGNORECASE)


@dataclass
class Match:
    spec: TableSpec
    table: PrintedTable
    roles: dict[str, int]  # role → column index
    score: float
    header: float = 0.0  # how well the printed header names the spec's roles, 0..1
    caption: float = 0.0  # how well the caption says what the spec is, 0..1
    kinds: float = 0.0  # share of typed cells that read as their role's kind, 0..1
    reason: str = ""  # why the score is 0, when it is


def _says(spec: TableSpec, text: str) -> bool:
    return spec.caption is not None and bool(spec.caption.search(normalize_text(text)) or spec.caption.search(text))


def _sum_of(text: str) -> TableSpec | None:
    """The table whose parts this caption line names two or more of ("la somma delle unità in carenza
    manutentiva, da ristrutturazione, ... e conferite da privati": g, not any one of them)."""
    for whole in _SUMS:
        if sum(1 for part in whole.parts if _says(SPECS_BY_ID[part], text)) >= 2:
            return whole
    return None


def _caption_score(spec: TableSpec, caption: list[Line], title: str, s: ReaderSettings) -> float:
    """1 when the nearest caption line says what the spec is, less the farther up it is. A title
    of the table's own that names a table (its title row, or the line just above it set apart
    from the prose) outranks the narrative above it: then that is not read."""
    if spec.caption is None:
        return 0.0
    if title and _names_a_table(title):
        texts = [title]
    elif caption and _stands_apart(caption, s) and _names_a_table(caption[-1].text):
        texts = [title, caption[-1].text] if title else [caption[-1].text]
    else:
        texts = ([title] if title else []) + [line.text for line in reversed(caption)]
    sentences = dict(zip((line.text for line in reversed(caption)), _with_paragraph(caption, s)))
    for distance, text in enumerate(texts[:s.caption_lines]):
        whole = _sum_of(text) or _sum_of(sentences.get(text, ""))
        if whole is not None and spec.id in whole.parts:
            continue  # the line introduces their sum
        if whole is spec or _says(spec, text):
            return max(s.caption_floor, 1.0 - s.caption_decay * distance)
    return 0.0


def _with_paragraph(caption: list[Line], s: ReaderSettings) -> list[str]:
    """Each caption line, nearest first, with the lines of its sentence above it: a caption naming
    the parts of g wraps where the page width puts it, and its last line alone may name only one.
    A line above that ends a sentence ("...turnover.", "...seguenti:") or a paragraph stops it."""
    out = []
    for index in range(len(caption) - 1, -1, -1):
        start = index
        while start > 0 and caption[start - 1].page == caption[start].page and (
                caption[start].top - caption[start - 1].bottom < s.paragraph_gap * caption[start].size
                and not caption[start - 1].text.rstrip().endswith((".", ":", ";"))):
            start -= 1
        out.append(" ".join(line.text for line in caption[start:index + 1]))
    return out


def _stands_apart(caption: list[Line], s: ReaderSettings) -> bool:
    """The caption line nearest the table is a paragraph of its own: first of its page's caption,
    a paragraph's white above it, or a bold title right under the end of a plain sentence (a
    layout with no white between paragraphs: "...conferite da privati." over "Riepilogativo SAP")."""
    if len(caption) < 2 or caption[-2].page != caption[-1].page:
        return True
    above, line = caption[-2], caption[-1]
    if line.bold and above.bold is False and above.text.rstrip().endswith((".", ":", ";")):
        return True
    return line.top - above.bottom >= s.paragraph_gap * line.size


def _names_a_table(text: str) -> bool:
    """Some spec's caption words are in ``text``."""
    folded = normalize_text(text)
    return any(spec.caption is not None and (spec.caption.search(folded) or spec.caption.search(text))
               for spec in SPECS)


def _kind_score(spec: TableSpec, table: PrintedTable, roles: dict[str, int], s: ReaderSettings) -> float:
    """Share of typed cells that read as their role's kind (names must not be numbers)."""
    checked = ok = 0
    for role in spec.roles:
        column = roles.get(role.name)
        if column is None:
            continue
        value_kind = KINDS[role.kind]
        for row in table.rows[:s.kind_sample_rows]:
            text = join_cell_text(row[column]) if column < len(row) else ""
            if not text or (value_kind.numeric and text.upper().startswith("TOTALE")):
                continue
            checked += 1
            ok += value_kind.reads(text)
    return ok / checked if checked else 0.5


def _headerless_roles(spec: TableSpec, table: PrintedTable) -> dict[str, int]:
    """Roles by position for a table printed with no header: required roles left to right."""
    columns = len(table.columns)
    required = [r for r in spec.roles if r.required]
    if len(required) != columns:
        return {}
    return {role.name: index for index, role in enumerate(required)}


def score(spec: TableSpec, table: PrintedTable, s: ReaderSettings = DEFAULT_SETTINGS) -> Match:
    """How well ``table`` is ``spec``: header + caption (weighted by the spec) + kinds, or 0 with why."""
    has_header = any(h.strip() for h in table.header)
    if has_header:
        readings = [
            tuple(dict.fromkeys((text, join_cell_text(cell)))) if cell is not None else text
            for text, cell in zip(table.header, table.header_cells)
        ]
        roles, header_score = assign_roles(readings, spec.roles, s)
        roles = _by_elimination(spec, table, roles, s)
        if len(table.header) < sum(1 for r in spec.roles if r.required):
            header_score *= s.few_columns_factor
    else:
        roles = _headerless_roles(spec, table) if spec.headerless else {}
        header_score = s.headerless_score if roles and _looks_grouped(table) else 0.0
    missing = [r.name for r in spec.roles if r.required and r.name not in roles]
    if missing:  # a table without one of its essential columns is not this one
        return Match(spec, table, roles, 0.0, header_score, reason=f"no column for {', '.join(missing)}")
    caption = _caption_score(spec, table.caption, table.title, s)
    total = header_score + spec.caption_weight * caption
    if spec.caption_weight >= 0.5 and caption == 0.0:
        total *= s.uncaptioned_factor  # tables that share a header (b, c, d, j...) are told apart by their caption
    kinds = _kind_score(spec, table, roles, s) if roles else 0.0
    if roles and kinds < s.kinds_min_share:  # its values are mostly not what this table holds
        return Match(spec, table, roles, 0.0, header_score, caption, kinds, reason="values of the wrong kinds")
    total += s.kind_weight * kinds
    if not roles:
        return Match(spec, table, roles, 0.0, header_score, caption, kinds, reason="no role found")
    return Match(spec, table, roles, total, header_score, caption, kinds)


def _by_elimination(spec: TableSpec, table: PrintedTable, roles: dict[str, int], s: ReaderSettings) -> dict[str, int]:
    """A wide table whose header names every role but one, one printed column left: that column plays
    it when its values read as the role's kind (a header clipped by the page's edge, "% UFor C de
    Fu" for the last column of Allegato A). The header score still counts the role unnamed."""
    required = [r for r in spec.roles if r.required]
    missing = [r for r in required if r.name not in roles]
    free = [c for c in range(len(table.columns)) if c not in roles.values()]
    if len(required) < s.elimination_roles or len(missing) != 1 or len(free) != 1:
        return roles
    texts = [join_cell_text(row[free[0]]) for row in table.rows[:s.kind_sample_rows] if free[0] < len(row)]
    texts = [t for t in texts if t]
    kind = KINDS[missing[0].kind]
    if texts and sum(kind.reads(t) for t in texts) >= s.kinds_min_share * len(texts):
        return {**roles, missing[0].name: free[0]}
    return roles


def _looks_grouped(table: PrintedTable) -> bool:
    """Rows like "AT 1" … "TOTALE AT 1": the population table's shape."""
    labels = [join_cell_text(row[0]) for row in table.rows if row and row[0] is not None]
    return sum(1 for t in labels if _AT_LABEL.match(t)) >= 2


def readings(tables: list[PrintedTable], settings: ReaderSettings = DEFAULT_SETTINGS) -> list[PrintedTable]:
    """Each printed table, and read down as well when it is printed one column per record."""
    vocabulary = header_vocabulary()
    out: list[PrintedTable] = []
    for table in tables:
        out.append(table)
        if looks_transposed(table, vocabulary, settings):
            out.append(transposed(table))
    return out


def candidates(tables: list[PrintedTable], settings: ReaderSettings = DEFAULT_SETTINGS) -> list[Match]:
    """Every reading of every printed table scored against every spec, best first."""
    return sorted((score(spec, table, settings) for table in readings(tables, settings) for spec in SPECS),
                  key=lambda m: -m.score)


def classify(tables: list[PrintedTable], scored: list[Match] | None = None,
             settings: ReaderSettings = DEFAULT_SETTINGS) -> list[Match]:
    """Stage: each spec takes the best-scoring printed table above ``MIN_SCORE`` (``scored``: the
    result of ``candidates``, when already computed)."""
    ranked = candidates(tables, settings) if scored is None else scored
    chosen: list[Match] = []
    taken_specs: set[str] = set()
    used_columns: dict[int, set[int]] = {}
    reading: dict[int, int] = {}  # printed table → the reading of it that serves a spec
    for match in ranked:
        if match.score < settings.min_score or match.spec.id in taken_specs:
            continue
        if reading.get(id(match.table.source), id(match.table)) != id(match.table):
            continue  # a printed table is read one way round only
        columns = set(match.roles.values())
        key_column = match.roles.get(match.spec.key)
        already = used_columns.get(id(match.table))
        if already is not None and (columns - {key_column}) & already:
            continue  # this printed table already serves a spec with these columns
        chosen.append(match)
        taken_specs.add(match.spec.id)
        used_columns.setdefault(id(match.table), set()).update(columns - {key_column})
        reading[id(match.table.source)] = id(match.table)
    chosen.sort(key=lambda m: (m.table.page, tables.index(m.table.source)))
    return chosen


def find_empty_tables(narrative: list[Line], found: set[str]) -> list[tuple[TableSpec, Line]]:
    """Specs the plan says it has none of: a sentence that both says so ("Nessun Ente Proprietario
    ha comunicato…", "Non sono previste…") and names the table's subject ("nuova edificazione")."""
    out = []
    for sentence, line in _sentences(narrative):
        folded = normalize_text(sentence)
        if not EMPTY_MARKER.search(folded):
            continue
        for spec in SPECS:
            if spec.id in found or not spec.may_be_empty or spec.caption is None:
                continue
            if spec.caption.search(folded):
                out.append((spec, line))
                found = found | {spec.id}
    return out


def _sentences(narrative: list[Line]) -> list[tuple[str, Line]]:
    """Sentences of the narrative, each with the line it starts on."""
    out: list[tuple[str, Line]] = []
    text, start = "", None
    previous: Line | None = None
    for line in narrative:
        # lines of a paragraph may touch or overlap a little (a browser's glyph boxes are taller
        # than its line pitch): the next line only has to start below the top of the one before
        new_paragraph = (previous is None or line.page != previous.page or line.top <= previous.top
                         or line.top - previous.bottom >= DEFAULT_SETTINGS.paragraph_gap * line.size)
        if new_paragraph and text and start is not None:
            out.append((text, start))  # a caption without a full stop ends with its paragraph
            text, start = "", None
        previous = line
        for piece in re.split(r"(?<=[.;:])\s+", line.text):
            if start is None:
                start = line
            text = f"{text} {piece}" if text else piece
            if piece.endswith((".", ";", ":")):
                out.append((text, start))
                text, start = "", None
    if text and start is not None:
        out.append((text, start))
    return out
