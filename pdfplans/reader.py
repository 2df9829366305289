"""``read_plan``: pages → printed tables → canonical records (one-way, each stage its own module)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import PlanReadError, PlanWarning
from .extractors.catalog import header_vocabulary
from .extractors.classify import candidates, classify, find_empty_tables
from .extractors.lines import Line, group_lines
from .extractors.locate import locate_tables
from .extractors.noise import split_noise
from .extractors.page import PageContent
from .extractors.pdf import DEFAULT_LIMITS, Limits, open_weighed, read_pages
from .extractors.settings import DEFAULT_SETTINGS, ReaderSettings
from .model import Plan, Table
from .schema import TABLE_IDS

if TYPE_CHECKING:  # the explain module loads only when an explanation is asked for
    from .extractors.explain import Explanation

_TITLE = re.compile(r"piano\s+annuale", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:anno\s+)?(20\d\d)\b", re.IGNORECASE)
_AMBITO = re.compile(
    r"\bambito\s+(?:(?:sociale|distrettuale|territoriale|territoriale sociale)\s+)*(?:(?:di|del|dell'|della)\s+)?"
    r"([\w'’\-().–— ]{3,80})", re.IGNORECASE,
)


def read_plan(
    path: str | Path, *, ocr: bool = True, limits: Limits = DEFAULT_LIMITS, debug_dir: str | Path | None = None,
    settings: ReaderSettings = DEFAULT_SETTINGS, explained: list[Explanation] | None = None,
) -> Plan:
    """Read one plan PDF into canonical tables. Raises ``PlanReadError`` if it is not readable as a plan.

    ``settings``: the reader's tolerances (``ReaderSettings``), for a layout the defaults do not fit.

    ``debug_dir``: also write one PNG per page with the table regions, columns and rows found.
    ``explained``: a list the explanation of this reading is appended to (what ``explain`` returns,
    without reading the file twice).
    """
    file, sha256, ocr_pages, page_count, warnings, printed, narrative = _read_printed(path, ocr, limits, settings)
    plan = Plan(file=file, sha256=sha256, pages=page_count, warnings=warnings, ocr_pages=ocr_pages)
    scored = candidates(printed, settings)
    matches = classify(printed, scored, settings)
    if explained is not None:
        from .extractors.explain import explain_tables

        explained.append(explain_tables(file, printed, scored, matches, None, settings))
    if debug_dir is not None:
        from .extractors.debug import write_debug_images

        write_debug_images(file, printed, scored, matches, debug_dir)
    used = {id(m.table.source) for m in matches}
    narrative = _with_unused_tables(narrative, [t for t in printed if id(t) not in used])
    plan.text = [(line.page, line.text) for line in narrative]
    _metadata(plan, narrative)
    from .normalize.records import RecordBuilder

    resolver = _resolver_for(plan, narrative)
    builder = RecordBuilder(file, resolver)
    tables: dict[str, Table] = {}
    for match in matches:
        table = builder.build(match)
        table.score = match.score
        tables[table.id] = table
        plan.warnings.extend(table.warnings)
    for spec, line in find_empty_tables(narrative, set(tables)):
        tables[spec.id] = Table(spec.id, caption=line.text, caption_page=line.page)
    plan.tables = {tid: tables[tid] for tid in TABLE_IDS if tid in tables}
    if not plan.tables:
        raise PlanReadError(file, "no table of a Piano annuale found: not a plan?")
    for missing in (tid for tid in TABLE_IDS if tid not in tables):
        plan.warnings.append(PlanWarning(file, f"table {missing} not found", None, missing, kind="missing_table"))
    from .verdicts.judge import judge

    judge(plan)  # every table's reading against the plan's own redundancy: never silently wrong
    return plan


def explain(
    path: str | Path, page: int | None = None, *, ocr: bool = True, limits: Limits = DEFAULT_LIMITS,
    settings: ReaderSettings = DEFAULT_SETTINGS,
) -> Explanation:
    """Why each printed table (of ``page``, or of the whole plan) got its canonical id: its region,
    columns and rows, and every candidate id with its header, caption and value-kind scores."""
    from .extractors.explain import explain_tables

    file, _sha256, _ocr_pages, _pages, _warnings, printed, _narrative = _read_printed(path, ocr, limits, settings)
    scored = candidates(printed, settings)
    return explain_tables(file, printed, scored, classify(printed, scored, settings), page, settings)


def _read_printed(path: str | Path, ocr: bool, limits: Limits, settings: ReaderSettings):
    """Stages pages → words and rules → lines (noise removed) → printed tables, and the narrative."""
    file = str(path)
    document, sha256, over_budget = open_weighed(file, limits)
    warnings: list[PlanWarning] = []
    try:
        pages = list(read_pages(document, file, warnings, limits, settings, over_budget))
        if ocr:
            _ocr_pages_without_text(document, pages, file, warnings)
    finally:
        document.close()
    lines = [group_lines(p.words, settings) if p.words else [] for p in pages]
    lines, _noise = split_noise(lines, [p.height or 842.0 for p in pages], settings)
    if not any(lines):
        why = "OCR is off" if not ocr else "an image-only PDF that OCR could not read?"
        raise PlanReadError(file, f"no text on any page ({why})")
    if not ocr:  # never silent: scanned pages left unread are said, with their numbers
        unread = [p.number for p in pages if not p.words and not p.skipped]
        if unread:
            warnings.append(PlanWarning(file, f"{len(unread)} page(s) without a text layer not read, OCR is off: "
                                        f"{', '.join(map(str, unread))}", kind="unreadable"))
    printed, narrative = locate_tables(pages, lines, header_vocabulary(), settings)
    return file, sha256, [p.number for p in pages if p.ocr], len(pages), warnings, printed, narrative


def _ocr_pages_without_text(document, pages: list[PageContent], file: str, warnings: list[PlanWarning]) -> None:
    """Pages with no text layer are read by OCR (in parallel); pages with text never are."""
    blank = [p for p in pages if not p.words and not p.skipped]
    if not blank:
        return
    from .extractors import ocr

    ocr.read_pages(document, blank, file, warnings)


def _with_unused_tables(narrative: list[Line], unused) -> list[Line]:
    """Lines of tabular-looking blocks that are no known table go back to the narrative."""
    extra = [line for table in unused for line in table.lines]
    if not extra:
        return narrative
    return sorted(narrative + extra, key=lambda l: (l.page, l.top))


def _metadata(plan: Plan, narrative: list[Line]) -> None:
    first = _paragraphs([l for l in narrative if l.page <= 2])[:30]
    for index, (_page, text) in enumerate(first):
        if plan.titolo is None and _TITLE.search(text):
            if not _YEAR.search(text) and index + 1 < len(first) and re.match(r"\s*20\d\d\b", first[index + 1][1]):
                text = f"{text} {first[index + 1][1]}"  # the year wrapped onto a line of its own
            plan.titolo = " ".join(text.split())
            year = _YEAR.search(text)
            if year:
                plan.anno = int(year.group(1))
        if plan.ambito is None and not _TITLE.search(text):
            match = _AMBITO.search(text)
            if match:
                plan.ambito = _clean_ambito(match.group(1))
    if plan.anno is None:
        for _page, text in first:
            year = _YEAR.search(text)
            if year:
                plan.anno = int(year.group(1))
                break


def _clean_ambito(text: str) -> str:
    """"N. 2 – BRESCIA OVEST" → "Brescia Ovest"; "CASALASCO-VIADANESE (OGLIO PO)" → "Casalasco-Viadanese (Oglio Po)"."""
    text = re.sub(r"^\s*n\.?\s*\d+\s*[-–—:]?\s*", "", text, flags=re.IGNORECASE)
    text = re.split(r"\s[-–—]\s|\bcapofila\b|\bcon\b|\banno\b|\bcomposto\b|\bcomprende\b|[,.;:]", text, maxsplit=1)[0]
    text = text.strip(" -–—")
    if text.count("(") != text.count(")"):
        text = text.split("(")[0].strip()

    return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[0].upper() + m.group(0)[1:].lower(), text)


def _paragraphs(narrative: list[Line]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    previous: Line | None = None
    for line in narrative:
        same_page = previous is not None and line.page == previous.page and line.top - previous.bottom < line.settings.sentence_gap * line.size
        # a sentence that the page break cut ("...; Cappella de'" / "Picenardi; ...") goes on
        next_page = (
            previous is not None and line.page == previous.page + 1 and bool(out)
            and not out[-1][1].rstrip().endswith((".", ":", "!", "?")) and (";" in out[-1][1] or "," in out[-1][1])
        )
        joined = same_page or next_page
        if joined:
            page, text = out[-1]
            out[-1] = (page, text[:-1] + line.text if text.endswith("-") else f"{text} {line.text}")
        else:
            out.append((line.page, line.text))
        previous = line
    return out


def _resolver_for(plan: Plan, narrative: list[Line]):
    """A resolver scoped to the plan's own comuni, read from the list of member comuni."""
    from .normalize.comuni import Resolver

    region = Resolver(year=plan.anno)
    best: list = []
    for _page, text in _paragraphs(narrative):
        if text.count(";") + text.count(",") < 5:
            continue
        # the list is the part of the paragraph with most separators ("... sono: A; B; C.")
        body = max(re.split(r":\s", text), key=lambda piece: piece.count(";") + piece.count(","))
        body = re.split(r"(?<!\b[A-Za-z])\.\s+(?=[A-Z])", body)[0]  # the list ends with its sentence ("S. Daniele" does not)
        pieces = sorted(len(piece.split()) for piece in re.split(r"[;,]", body) if piece.strip())
        if not pieces or pieces[len(pieces) // 2] > 4:
            continue  # prose with commas, not a list of names
        resolutions = region.resolve_list(body)
        resolved = [r for r in resolutions if r.resolved]
        if len(resolved) >= 5 and len(resolved) >= 0.7 * len(resolutions) and len(resolved) > len(best):
            best = resolved  # the longest list of comuni: the members, not a list of some of them
    seen: dict[str, str] = {}
    for r in best:
        seen.setdefault(r.comune_istat, r.comune)
    plan.comuni_ambito = [{"comune": name, "comune_istat": code} for code, name in seen.items()]
    provinces = sorted({r.provincia for r in best if r.provincia})
    return Resolver(scope=list(seen), provinces=provinces, year=plan.anno)
