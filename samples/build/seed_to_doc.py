"""Parse the seed text of the Cremonese 2023 plan into the document model.

The seed is a text conversion of the Word original: paragraphs separated by blank lines, table rows
as tab-separated lines, page breaks showing as blank lines inside tables, markdown bold and links.
Here the tables are rebuilt as the Word original must have had them (merged cells, one table per
printed table, HTML in cells turned into cell paragraphs); all printed text is kept as the seed prints
it, typos included. Column widths come from a ``Layout`` so that each sample breaks lines differently.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from plan_doc import Block, Document, Heading, PageBreak, Paragraph, TableBlock, Title

# Table keys in the order the seed prints the tables, with the first header cell that proves it.
TABLE_ORDER: list[tuple[str, str]] = [
    ("popolazione", "AT 1"),
    ("a_consistenza", "Ragione Sociale Ente Proprietario"),
    ("b_carenza_manutentiva", "Ragione Sociale Ente"),
    ("c_ristrutturazione", "Ragione Sociale Ente Proprietario"),
    ("e_libere", "Ragione Sociale Ente Proprietario"),
    ("e_turnover", "Ente Proprietario"),
    ("g_assegnabili", "Ragione Sociale Ente Proprietario"),
    ("h_soglia_indigenti", "COMUNE"),
    ("i_categorie_aggiuntive", "Comune"),
    ("i_forze_polizia", "Comune"),
    ("j_transitori", "Ragione Sociale Ente Proprietario"),
    ("k_assegnate_anno_precedente", "Ente Proprietario"),
    ("misure_sostegno", "Misura"),
    ("fondi_solidarieta_comuni", "Aggregazioni Territoriali AMBITO CREMONESE"),
    ("fondi_solidarieta_enti", "ENTE"),
    ("riparto_misure", "misura"),
    ("utilizzo_dgr", "riferimento normativo"),
    ("alienazioni", "PROG"),
    ("allegato_a", "ALL A-POA 2023- REPORT PIATTAFORMA INFORMATICA REGIONALE"),
    ("allegato_b", "ALL. B- Dettaglio unità abitative di proprietà ALER"),
]


@dataclass
class Layout:
    """Everything that differs between two renderings of the same plan."""

    name: str
    font_name: str
    font_pt: float
    margins_cm: tuple[float, float, float, float]
    widths: dict[str, list[float]]  # table key -> column widths in cm
    table_font_pt: float = 10.0
    font_pt_by_table: dict[str, float] = field(default_factory=dict)
    cell_pad_by_table: dict[str, float] = field(default_factory=dict)
    borders: str = "grid"
    repeat_header: bool = True
    landscape_tables: tuple[str, ...] = ("allegato_a",)
    break_before_parts: bool = True  # PARTE ... headings start a new page


# ---------------------------------------------------------------- raw parsing

_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def plain(text: str) -> str:
    """Markdown bold and links to the plain text they print."""
    return _MD_LINK.sub(r"\1", text).replace("**", "")


def _is_toc_line(line: str) -> bool:
    return "\t" in line and re.fullmatch(r"\d+", line.rsplit("\t", 1)[1].strip()) is not None


def _has_digit(s: str) -> bool:
    return any(ch.isdigit() for ch in s)


def raw_blocks(text: str) -> list[tuple[str, object]]:
    """("text", line) | ("toc", (text, page)) | ("table", [fields, ...]) in printed order.

    A table interrupted by blank lines (page breaks of the original) continues unless the next
    tab line looks like the header of another table: no digits and another number of fields."""
    lines = text.split("\n")
    out: list[tuple[str, object]] = []
    i, in_toc = 0, False
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line.strip() == "Indice generale":
            in_toc = True
            out.append(("text", line.strip()))
            i += 1
            continue
        if in_toc and _is_toc_line(line):
            label, page = line.rsplit("\t", 1)
            out.append(("toc", (label.rstrip(". "), page.strip())))
            i += 1
            continue
        in_toc = False
        if "\t" in line:
            rows = [line.split("\t")]
            i += 1
            while i < len(lines):
                if "\t" in lines[i]:
                    rows.append(lines[i].split("\t"))
                    i += 1
                    continue
                j = i
                while j < len(lines) and not lines[j].strip():
                    j += 1
                if j < len(lines) and "\t" in lines[j] and j > i:
                    nxt = lines[j].split("\t")
                    if not _has_digit(lines[j]) and len(nxt) != len(rows[0]):
                        break  # a new table's header
                    i = j
                    continue
                break
            out.append(("table", rows))
            continue
        out.append(("text", line.rstrip()))
        i += 1
    return out


# ---------------------------------------------------------------- table builders

def _trim(rows: list[list[str]], n: int) -> list[list[str]]:
    """Cut trailing empty fields (the seed ends some rows with a tab) to ``n`` cells."""
    out = []
    for r in rows:
        r = [c.strip() for c in r]
        while len(r) > n and r[-1] == "":
            r.pop()
        if len(r) != n:
            raise ValueError(f"row of {len(r)} fields, expected {n}: {r!r}")
        out.append(r)
    return out


def _simple(key: str, rows: list[list[str]]) -> TableBlock:
    n = len(rows[0])
    rows = _trim(rows, n)
    bold = [k for k, r in enumerate(rows[1:]) if r[0].upper().startswith("TOTALE")]
    return TableBlock(key=key, header_rows=[rows[0]], rows=rows[1:], col_widths_cm=[], bold_rows=bold)


def _popolazione(rows: list[list[str]]) -> TableBlock:
    # No header row: "AT n" group rows, comuni, "TOTALE AT n", "TOTALE GENERALE".
    body = _trim(rows, 2)
    bold = [k for k, r in enumerate(body) if re.fullmatch(r"AT \d+", r[0]) or r[0].startswith("TOTALE")]
    return TableBlock(key="popolazione", header_rows=[], rows=body, col_widths_cm=[], bold_rows=bold)


def _fondi_comuni(rows: list[list[str]]) -> TableBlock:
    """AT label in a vertically merged first cell; the seed garbles AT CENTRO SUD (label shifted one
    cell right, its comuni shifted one cell left) and ends with an unlabelled total row."""
    header = _trim(rows[:1], 4)[0]
    body: list[list[str]] = []
    for r in rows[1:]:
        r = [c.strip() for c in r]
        if len(r) == 4 and r[0] == "" and r[1].startswith("AT ") and r[2]:
            r = [r[1], r[2], r[3], ""]  # "\tAT CENTRO SUD\tCORTE de FRATI\t12.738,82 €": delega empty
        elif len(r) == 4 and r[0] and not r[0].startswith("AT ") and r[1] == "":
            r = ["", r[0], r[2], r[3]]  # "GRONTARDO\t\t6.400,00 €\tSI"
        body.append(r)
    merges: list[tuple[int, int, int]] = []
    total_row = len(body) - 1
    assert body[total_row][0] == "" and body[total_row][1] == "" and body[total_row][2], body[total_row]
    start = None
    for k in range(total_row + 1):
        if k == total_row or body[k][0]:
            if start is not None and k - start > 1:
                merges.append((start, 0, k - start))
            start = k
    return TableBlock(key="fondi_solidarieta_comuni", header_rows=[header], rows=body, col_widths_cm=[],
                      merges=merges, bold_rows=[total_row])


_TAG = re.compile(r"<[^>]+>")


def _cell_paragraphs(text: str) -> str:
    """HTML of a seed cell -> cell paragraphs joined by "\\n": <p> blocks, "▪" list items, no tags.
    Plain cells are split where the original evidently started new lines (bullets, DGR list)."""
    text = text.strip()
    if "<" in text:
        parts: list[str] = []
        for chunk in re.split(r"</p>|<p>|<ul[^>]*>|</ul>|<li>|</li>", text):
            chunk = _TAG.sub("", chunk).strip()
            if not chunk:
                continue
            items = [s.strip() for s in chunk.split("▪")]
            if items[0]:
                parts.append(items[0])
            parts.extend("▪ " + s for s in items[1:] if s)
        return "\n".join(parts)
    # A bullet or dash list written inline: one paragraph per item, as Word printed it.
    text = re.sub(r"\s+(Destinatari:|Altri requisiti:)\s*", r"\n\1\n", text)
    text = re.sub(r"\s*• ", "\n• ", text)
    if "\nAltri requisiti:\n" in text:  # a dash list follows "Altri requisiti:" (not a dash clause)
        head, tail = text.split("\nAltri requisiti:\n", 1)
        text = head + "\nAltri requisiti:\n" + re.sub(r"\s+- (?=[a-z])", "\n- ", tail)
    return re.sub(r"\n+", "\n", text).strip()


def _misure(rows: list[list[str]]) -> TableBlock:
    body = []
    for r in rows[1:]:
        r = [c.strip() for c in r]
        if len(r) == 4 and r[2] == "del":
            r = [r[0], r[1], r[3]]  # a stray "del" column of the text conversion
        misura, rif, fin = _trim([r], 3)[0]
        rif = re.sub(r"\s+(?=DGR )", "\n", rif)  # one DGR per line
        body.append([misura, rif, _cell_paragraphs(fin)])
    return TableBlock(key="misure_sostegno", header_rows=[_trim(rows[:1], 3)[0]], rows=body, col_widths_cm=[])


def _riparto(rows: list[list[str]]) -> TableBlock:
    t = _simple("riparto_misure", rows)
    t.rows = [[c if k < 3 else _cell_paragraphs(c) for k, c in enumerate(r)] for r in t.rows]
    return t


def _allegato(key: str, rows: list[list[str]], ncols: int) -> TableBlock:
    title = rows[0][0].strip()
    assert all(not c.strip() for c in rows[0][1:]), rows[0]
    body = _trim(rows[1:], ncols)
    return TableBlock(key=key, header_rows=[body[0]], rows=body[1:], col_widths_cm=[], title_row=title)


# Cells where the seed's text conversion kept the line break of a narrow cell inside a word: the
# cell holds the whole word and the layout breaks it again (the hyphen of PICENAR-DI is printed).
UNBROKEN: dict[str, str] = {
    "CASALBUTTA NO ED UNITI": "CASALBUTTANO ED UNITI",
    "PIZZIGHETTO NE": "PIZZIGHETTONE",
    "ACQUANEGR A CREMONESE": "ACQUANEGRA CREMONESE",
    "TORRE DE' PICENAR- DI": "TORRE DE' PICENAR-DI",
}


def build_table(key: str, rows: list[list[str]]) -> TableBlock:
    rows = [[UNBROKEN.get(c.strip(), c) for c in r] for r in rows]
    if key == "popolazione":
        return _popolazione(rows)
    if key == "fondi_solidarieta_comuni":
        return _fondi_comuni(rows)
    if key == "misure_sostegno":
        return _misure(rows)
    if key == "riparto_misure":
        return _riparto(rows)
    if key == "allegato_a":
        return _allegato(key, rows, 15)
    if key == "allegato_b":
        return _allegato(key, rows, 5)
    return _simple(key, rows)


# ---------------------------------------------------------------- whole document

_LETTER = re.compile(r"^([a-kA-K]\)|i\) [AB]-)\s")


def _heading_level(text: str, toc_titles: set[str]) -> int | None:
    if _LETTER.match(text):
        return 3
    if text in toc_titles:
        return 1 if (text.startswith("PARTE") or text.isupper()) else 2
    if text == "Indice generale":
        return 2
    return None


def _join_split_paragraphs(items: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """A paragraph cut by a page break in the seed ("... e delle" / "situazioni di sfratto") is one
    paragraph in the original: join a line not ending a sentence with a next line starting lowercase."""
    out: list[tuple[str, object]] = []
    for kind, val in items:
        if (kind == "text" and out and out[-1][0] == "text" and isinstance(val, str)
                and val[:1].islower() and not val.startswith("- ")
                and str(out[-1][1])[-1:].isalpha()):
            out[-1] = ("text", f"{out[-1][1]} {val}")
            continue
        out.append((kind, val))
    return out


def build_document(seed_path: Path, layout: Layout) -> Document:
    items = _join_split_paragraphs(raw_blocks(seed_path.read_text(encoding="utf-8")))
    toc_titles = {plain(t) for k, v in items if k == "toc" for t in [v[0]]}  # type: ignore[index]
    blocks: list[Block] = []
    tables = iter(TABLE_ORDER)
    titles_seen = 0
    for kind, val in items:
        if kind == "toc":
            label, page = val  # type: ignore[misc]
            blocks.append(Paragraph(plain(label), toc_page=page))
            continue
        if kind == "table":
            key, first = next(tables)
            rows: list[list[str]] = val  # type: ignore[assignment]
            got = rows[0][0].strip()
            if got != first:
                raise ValueError(f"table {key}: expected first cell {first!r}, seed has {got!r}")
            t = build_table(key, rows)
            t.col_widths_cm = layout.widths[key]
            t.font_pt = layout.font_pt_by_table.get(key, layout.table_font_pt)
            t.cell_pad_cm = layout.cell_pad_by_table.get(key, t.cell_pad_cm)
            t.borders = layout.borders  # type: ignore[assignment]
            t.repeat_header = layout.repeat_header
            t.landscape = key in layout.landscape_tables
            t.validate()
            blocks.append(t)
            continue
        text = plain(str(val))
        if text.startswith("PIANO ANNUALE"):
            titles_seen += 1
            if titles_seen > 1:
                blocks.append(PageBreak())  # the cover page with the index ends here
            blocks.append(Title(text))
            continue
        if text.startswith("AMBITO SOCIALE TERRITORIALE"):
            blocks.append(Title(text))
            continue
        level = _heading_level(text, toc_titles)
        if level is not None:
            if level == 1 and layout.break_before_parts and text.startswith("PARTE"):
                blocks.append(PageBreak())
            blocks.append(Heading(text, level))
            continue
        if text.startswith("- "):
            blocks.append(Paragraph(text[2:], bullet=True))
            continue
        bold = str(val).startswith("❖ **") and str(val).endswith("**")
        blocks.append(Paragraph(text, bold=bold))
    rest = list(tables)
    if rest:
        raise ValueError(f"tables not found in the seed: {[k for k, _ in rest]}")
    return Document(blocks=blocks, font_name=layout.font_name, font_pt=layout.font_pt,
                    margins_cm=layout.margins_cm)
