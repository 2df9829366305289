"""Why a printed table got its canonical id: what each stage made of it, and every candidate's scores.

``pdfplans.explain(path)`` returns an ``Explanation``; ``str()`` of it is the report that
``pdfplans extract --explain`` prints. The same winner / runner-up label goes on ``--debug`` images.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields

from .classify import MIN_SCORE, Match
from .grid import Interval
from .locate import PrintedTable
from .settings import DEFAULT_SETTINGS, ReaderSettings

Box = tuple[float, float, float, float]
SHOWN = 4  # candidates printed per table besides the chosen ones (all are kept in the data)


@dataclass
class Candidate:
    id: str
    score: float
    header: float  # how well the header names the spec's roles, 0..1
    caption: float  # how well the caption says what the spec is, 0..1
    kinds: float  # share of typed cells that read as their kind, 0..1
    roles: dict[str, str]  # role → the printed header (or column number) that plays it
    reason: str = ""  # why the score is 0, or why a good score did not win
    chosen: bool = False

    def describe(self) -> str:
        parts = f"header {self.header:.2f}, caption {self.caption:.2f}, kinds {self.kinds:.2f}"
        why = f" — {self.reason}" if self.reason else ""
        return f"{self.id} {self.score:.2f} ({parts}){why}"


@dataclass
class TableExplanation:
    number: int  # 1-based, in reading order
    pages: list[int]
    regions: list[tuple[int, Box]]  # (page, box) of the table on each of its pages
    caption: str  # the caption line nearest above
    title: str
    header: list[str]
    columns: list[Interval]
    column_source: str  # "vertical rules" or "text gaps"
    single_line: list[int]  # columns of values that never wrap
    rows: int
    row_strategies: list[tuple[int, str, int]]  # (page, strategy, rows cut) page by page
    joined_across_pages: int
    candidates: list[Candidate] = field(default_factory=list)  # best first
    min_score: float = MIN_SCORE  # the least score that makes an id

    @property
    def chosen(self) -> list[str]:
        return [c.id for c in self.candidates if c.chosen]

    @property
    def runner_up(self) -> Candidate | None:
        return next((c for c in self.candidates if not c.chosen), None)

    def text(self) -> str:
        where = "; ".join(f"p. {p} x {b[0]:.0f}–{b[2]:.0f}, y {b[1]:.0f}–{b[3]:.0f}" for p, b in self.regions)
        cuts = ", ".join(f"p. {p}: {n} by {s}" for p, s, n in self.row_strategies)
        out = [f"table {self.number} · pages {', '.join(map(str, self.pages))} · {where}"]
        if self.caption:
            out.append(f"  caption: {self.caption!r}")
        if self.title:
            out.append(f"  title row: {self.title!r}")
        out.append(f"  columns: {len(self.columns)} from {self.column_source}: " + " | ".join(h or "·" for h in self.header))
        joined = f"; {self.joined_across_pages} joined across a page break" if self.joined_across_pages else ""
        out.append(f"  rows: {self.rows} ({cuts}){joined}")
        shown = [c for c in self.candidates if c.chosen] + [c for c in self.candidates if not c.chosen][:SHOWN]
        if not self.chosen:
            out.append(f"  → no canonical table (best below {self.min_score})")
        for candidate in shown:
            mark = "→" if candidate.chosen else " "
            roles = f"; {', '.join(f'{r}={h}' for r, h in candidate.roles.items())}" if candidate.chosen else ""
            out.append(f"  {mark} {candidate.describe()}{roles}")
        return "\n".join(out)


@dataclass
class Explanation:
    file: str
    tables: list[TableExplanation]
    changed_settings: dict[str, float] = field(default_factory=dict)  # settings that differ from the defaults

    def table(self, table_id: str) -> TableExplanation:
        """The printed table that was read as ``table_id``."""
        found = next((t for t in self.tables if table_id in t.chosen), None)
        if found is None:
            raise KeyError(f"{table_id}: no printed table of {self.file} was read as it")
        return found

    def text(self) -> str:
        head = f"{self.file}: {len(self.tables)} printed tables"
        if self.changed_settings:
            head += " (settings: " + ", ".join(f"{k}={v}" for k, v in self.changed_settings.items()) + ")"
        return "\n\n".join([head] + [t.text() for t in self.tables])

    __str__ = text


def explain_tables(file: str, printed: list[PrintedTable], scored: list[Match], chosen: list[Match],
                   page: int | None = None, settings: ReaderSettings = DEFAULT_SETTINGS) -> Explanation:
    """The explanation of every printed table (of ``page`` only, when given)."""
    min_score = settings.min_score
    winners = {(id(m.table.source), m.spec.id) for m in chosen}
    taken = {m.spec.id: printed.index(m.table.source) + 1 for m in chosen}
    out = []
    for number, table in enumerate(printed, start=1):
        if page is not None and page not in table.pages:
            continue
        mine = [m for m in scored if m.table.source is table]  # either way round
        candidates = [_candidate(m, (id(table), m.spec.id) in winners, taken, number, min_score) for m in mine]
        out.append(_table(number, table, candidates, min_score))
    changed = {f.name: getattr(settings, f.name) for f in fields(settings)
               if getattr(settings, f.name) != getattr(DEFAULT_SETTINGS, f.name)}
    return Explanation(file, out, changed)


def label(table: PrintedTable, scored: list[Match], chosen: list[Match]) -> str:
    """"g_assegnabili 1.43 · runner-up b_carenza_manutentiva 0.40" for a debug image."""
    mine = [m for m in scored if m.table.source is table]
    won = [m for m in chosen if m.table.source is table]
    rest = next((m for m in mine if all(m.spec.id != w.spec.id for w in won)), None)
    head = ", ".join(f"{m.spec.id} {m.score:.2f}" for m in won) or "unrecognized"
    return f"{head} · runner-up {rest.spec.id} {rest.score:.2f}" if rest is not None else head


def _candidate(match: Match, won: bool, taken: dict[str, int], number: int, min_score: float) -> Candidate:
    header = match.table.header
    roles = {r: (header[c] if c < len(header) and header[c] else f"column {c + 1}") for r, c in match.roles.items()}
    reason = match.reason
    if not won and not reason and match.score >= min_score:
        other = taken.get(match.spec.id)
        reason = f"taken by table {other}" if other not in (None, number) else "its columns serve another id"
    elif not won and not reason:
        reason = f"below {min_score}"
    if match.table.transposed_from is not None:  # the other reading of the same printed table
        reason = f"read down, a column per record{'; ' + reason if reason else ''}"
    return Candidate(match.spec.id, match.score, match.header, match.caption, match.kinds, roles, reason, won)


def _table(number: int, table: PrintedTable, candidates: list[Candidate], min_score: float) -> TableExplanation:
    regions = []
    for page in table.pages:
        lines = [line for line in table.lines if line.page == page]
        regions.append((page, (min(ln.x0 for ln in lines), min(ln.top for ln in lines),
                               max(ln.x1 for ln in lines), max(ln.bottom for ln in lines))))
    layout = table.layout
    source = "vertical rules" if layout is not None and layout.ruled else "text gaps"
    strategies = [(cut.bands[0].lines[0].page, cut.strategy, len(cut.bands)) for cut in table.segmentations if cut.bands]
    caption = table.caption[-1].text if table.caption else ""
    return TableExplanation(
        number, table.pages, regions, caption, table.title, table.header, table.columns, source,
        sorted(layout.single_line) if layout is not None else [], len(table.rows), strategies,
        table.joined_across_pages, candidates, min_score,
    )
