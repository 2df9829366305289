"""Family 8, narrative: figures the text states against the tables or against simple arithmetic.

Patterns tolerate the wording changes of other years and ambiti: counts in digits or words ("tre
comuni"), "n. 28", sentences broken across PDF lines, and lists separated by commas or semicolons.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .context import PlanContext, fmt, num
from .findings import Finding
from .registry import checker, declare
from .text import Hit, Narrative, count_group, read_count
from .totals import total_groups

FAMILY = "narrative"
declare("narrative_popolazione", "error", FAMILY,
        "the population total stated in the text (\"complessivamente pari a N abitanti\") = the population table")
declare("narrative_comuni_count", "error", FAMILY,
        "the number of comuni of the ambito stated in the text = the comuni of the population table")
declare("narrative_at_count", "error", FAMILY,
        "the number of Aggregazioni Territoriali stated in the text = the AT of the population table")
declare("narrative_missing_respondents", "error", FAMILY,
        "comuni that did not answer (\"Dei N Comuni mancanti\") = comuni of the ambito − respondents")
declare("narrative_breakdown_sum", "error", FAMILY,
        "a count followed by a breakdown (\"n. 4 …; n. 7 …\") equals the sum of its parts")
declare("narrative_response_rate", "error", FAMILY,
        "the stated response rate = respondents / base (\"(= n. 43) è stata pari al 62,7%\")")
declare("narrative_response_base", "warning", FAMILY,
        "the base of the response rate (comuni with public housing) = comuni of the ambito − those the text says "
        "have none")
declare("narrative_list_count", "error", FAMILY,
        "a stated number of comuni (\"24 Comuni … hanno delegato ALER\") = the names in the list the text gives")
declare("narrative_alienazioni_comuni", "error", FAMILY,
        "the number of comuni with units in the sale plan (\"Tre sono i comuni …\") = comuni of the alienazioni table")

P = "popolazione"
NUMBER = r"(?P<n>\d{1,3}(?:\.\d{3})+|\d{4,})"
POPULATION = (r"(?:popolazione|complessivamente|in\s+totale|residenti)(?:[^.]|\.(?=\d)){0,250}?" + NUMBER
              + r"\s*(?:abitanti|residenti)")
TOTAL_COMUNI = (count_group("n") + r"\s+(?:Comuni\s*[-–,]?\s*)?(?:che\s+(?:compongono|costituiscono|rappresentano|"
                r"fanno\s+parte)|dell['’]\s*Ambito|facenti\s+parte|appartenenti\s+all|suddivis)")
AT_COUNT = count_group("n") + r"\s+(?:Aggregazioni|aree)\s+Territoriali"
RESPONDENTS = (r"(?:risposta\s+da\s+parte\s+di\s+" + count_group("n") + r"\s+comuni|hanno\s+risposto\s+"
               + count_group("n2") + r"\s+comuni|" + count_group("n3") + r"\s+comuni\s+hanno\s+risposto)")
MISSING = r"\b" + count_group("n") + r"\s+Comuni\s+(?:mancanti|non\s+rispondenti|che\s+non\s+hanno\s+risposto)"
RATE = (r"(?:percentuale|tasso)\s+di\s+risposta(?P<body>[^%]{0,250}?)(?P<pct>\d{1,3}(?:,\d+)?)\s*%")
BASE_IN_RATE = r"(?:=\s*(?:n\.\s*)?(?P<b>\d+))|(?:su\s+(?:n\.\s*)?(?P<b2>\d+)\s+comuni)"
WITHOUT_HOUSING = (count_group("n") + r"\s+(?:Comuni\s+)?non\s+(?:sono\s+tenut|hanno|dispongono)[^.;]{0,160}?"
                   r"(?:patrimonio|ERP|alloggi)")
COUNT_COMUNI = r"\b" + count_group("n") + r"\s+Comuni\b"
ALIENAZIONI = (r"\b" + count_group("n") + r"\s+(?:sono\s+)?(?:i\s+)?comuni\b(?:[^.]|\.(?=\d)){0,220}?"
               r"(?:vendita|alienazion)")
# A bullet "- n. 4 non sono tenuti …", with the lines that continue it (they start in lower case).
BULLET_COUNT = re.compile(r"\n\s*[-•✓❖▪]?\s*[nN]\.\s*(\d+)\b[^\n]*(?:\n\s*(?!n\.)[a-zà-ÿ(][^\n]*)*")
INTRO = re.compile(r"\s*[.]?\s*(?:[A-Z][^.:\n]{0,40})?:\s*")


def _count(hit: Hit) -> int | None:
    return read_count(hit.group("n"))


def _population_total(ctx: PlanContext) -> tuple[int | float, list] | None:
    """The population of the ambito: the printed TOTALE GENERALE, else the sum of the comuni."""
    groups = [g for g in total_groups(ctx, P) if g.grand]
    if groups:
        value = num(groups[-1].record.get("popolazione"))
        if value is not None:
            return value, [(P, groups[-1].index, "popolazione")]
    values = [num(r.get("popolazione")) for _, r in ctx.rows(P, resolved=False)]
    if values and all(v is not None for v in values):
        return sum(values), []  # type: ignore[arg-type]
    return None


def _comuni_count(ctx: PlanContext) -> int | None:
    """How many comuni the ambito has: the population table's, else the member list's."""
    if P in ctx.plan.tables and not ctx.unresolved([P]):
        codes = {r.get("comune_istat") for _, r in ctx.rows(P) if r.get("comune_istat")}
        if codes:
            return len(codes)
    codes = {c.get("comune_istat") for c in ctx.plan.comuni_ambito if c.get("comune_istat")}
    return len(codes) or None


def list_items(text: str) -> list[str] | None:
    """The names of a list "Bonemerse, Bordolano, …, Volongo" (None when the text is no list)."""
    items = [i.strip(" \n\t-–•") for i in re.split(r"[;,]", text)]
    items = [i for i in items if i]
    if items and re.search(r"\s+e\s+", items[-1]) and len(items) > 1:
        last = re.split(r"\s+e\s+", items.pop())
        items.extend(part.strip() for part in last if part.strip())
    if len(items) < 2:
        return None
    if any(len(i.split()) > 6 or not i[0].isupper() for i in items):
        return None  # prose, not a list of names
    return items


@checker
def narrative(ctx: PlanContext) -> Iterator[Finding]:
    if not ctx.plan.text:
        return
    text = Narrative(ctx.plan.text)
    n_comuni = _comuni_count(ctx)
    yield from _population(ctx, text)
    stated_total: int | None = None
    for hit in text.find(TOTAL_COMUNI):
        value = _count(hit)
        if value is None:
            continue
        stated_total = stated_total or value
        if n_comuni is not None and value != n_comuni:
            yield ctx.finding(
                "narrative_comuni_count",
                f"the text (page {hit.page}) says {hit.group(0)!r}: {value} comuni, but the ambito has {n_comuni}",
                tables=[P] if P in ctx.plan.tables else [], field="comuni", expected=n_comuni, found=value,
                pages=[hit.page, *ctx.table_pages(P)[:1]], quote=text.sentence(hit))
    if P in ctx.plan.tables and not ctx.unresolved([P]):
        ats = {str(r.get("at")).strip().upper() for _, r in ctx.rows(P) if r.get("at")}
        for hit in text.find(AT_COUNT):
            value = _count(hit)
            if value is not None and ats and value != len(ats):
                yield ctx.finding(
                    "narrative_at_count",
                    f"the text (page {hit.page}) says {hit.group(0)!r}: {value} AT, but the population table has "
                    f"{len(ats)}", tables=[P], field="at", expected=len(ats), found=value,
                    pages=[hit.page, *ctx.table_pages(P)[:1]], quote=text.sentence(hit))
    total = n_comuni or stated_total
    yield from _responses(ctx, text, total)
    yield from _breakdowns(ctx, text)
    yield from _lists(ctx, text)
    yield from _alienazioni(ctx, text)


def _population(ctx: PlanContext, text: Narrative) -> Iterator[Finding]:
    reference = _population_total(ctx)
    if reference is None:
        return
    value_ref, evidence = reference
    for hit in text.find(POPULATION):
        value = read_count(hit.group("n"))
        if value is not None and value != value_ref:
            yield ctx.finding(
                "narrative_popolazione",
                f"the text (page {hit.page}) states a population of {fmt(value)} but the population table totals "
                f"{fmt(value_ref)}", tables=[P], field="popolazione", expected=value_ref, found=value,
                evidence=evidence, pages=[hit.page], quote=text.sentence(hit))


def _responses(ctx: PlanContext, text: Narrative, total: int | None) -> Iterator[Finding]:
    respondents: tuple[int, int] | None = None
    for hit in text.find(RESPONDENTS):
        value = read_count(hit.group("n") or hit.group("n2") or hit.group("n3"))
        if value is not None:
            respondents = (value, hit.page)
            break
    if respondents is None:
        return
    answered, page = respondents
    if total is not None:
        for hit in text.find(MISSING):
            value = _count(hit)
            if value is not None and value != total - answered:
                yield ctx.finding(
                    "narrative_missing_respondents",
                    f"the text (page {hit.page}) counts {value} comuni that did not answer, but {total} comuni − "
                    f"{answered} respondents = {total - answered}", tables=[], field="comuni_mancanti",
                    expected=total - answered, found=value, pages=[page, hit.page], quote=text.sentence(hit))
    without = next((read_count(h.group("n")) for h in text.find(WITHOUT_HOUSING)), None)
    for hit in text.find(RATE):
        pct = hit.group("pct") or ""  # RATE always captures it
        stated = float(pct.replace(",", "."))
        decimals = len(pct.split(",")[1]) if "," in pct else 0
        base_match = re.search(BASE_IN_RATE, hit.group("body") or "", re.IGNORECASE)
        base = int(base_match.group("b") or base_match.group("b2")) if base_match else total
        if base_match and total is not None and without is not None and "patrimonio" in (hit.group("body") or ""):
            if base != total - without:
                yield ctx.finding(
                    "narrative_response_base",
                    f"the text (page {hit.page}) counts {base} comuni with public housing, but {total} comuni − "
                    f"{without} without = {total - without}", tables=[], field="comuni_con_patrimonio",
                    expected=total - without, found=base, pages=[hit.page], quote=text.sentence(hit))
        if not base:
            continue
        computed = 100.0 * answered / base
        # "62,7%" may be rounded or truncated: within one unit of its last printed decimal
        if abs(computed - stated) >= 10 ** -decimals:
            yield ctx.finding(
                "narrative_response_rate",
                f"the text (page {hit.page}) states a response rate of {hit.group('pct')}% but {answered} respondents "
                f"out of {base} make {round(computed, 1)}%",
                tables=[], field="percentuale_risposta", expected=round(computed, 2), found=stated,
                pages=[page, hit.page], quote=text.sentence(hit))


def _breakdowns(ctx: PlanContext, text: Narrative) -> Iterator[Finding]:
    """"Dei 20 Comuni mancanti:" then bullets "- n. 4 …", "- n. 7 …": the parts add up to the count."""
    for hit in text.find(COUNT_COMUNI + r"[^.:\n]{0,80}:"):
        value = _count(hit)
        if value is None:
            continue
        parts, position = [], hit.match.end()
        while (bullet := BULLET_COUNT.match(text.text, position)) is not None:
            parts.append(int(bullet.group(1)))
            position = bullet.end()
        if len(parts) >= 2 and sum(parts) != value:
            yield ctx.finding(
                "narrative_breakdown_sum",
                f"the text (page {hit.page}) breaks {value} comuni down into {' + '.join(map(str, parts))} = "
                f"{sum(parts)}", tables=[], field="comuni", expected=sum(parts), found=value, pages=[hit.page],
                quote=text.sentence(hit))


def _lists(ctx: PlanContext, text: Narrative) -> Iterator[Finding]:
    """"N Comuni …: A, B, C." or "N Comuni … . Nello specifico: A, B, C.": N = the names listed."""
    done: set[int] = set()
    for hit in text.find(COUNT_COMUNI):
        end = text.sentence_end(hit.match.end())
        if end in done:
            continue
        # The list belongs to the last count of the sentence that is not the ambito's own size
        # ("di 48 Comuni che compongono l'Ambito, 24 Comuni … hanno delegato ALER").
        sentence_hits = [h for h in text.find(COUNT_COMUNI) if hit.match.start() <= h.match.start() < end]
        specific = [h for h in sentence_hits if not re.match(TOTAL_COMUNI, text.text[h.match.start():], re.I)]
        chosen = (specific or sentence_hits)[-1]
        done.add(end)
        value = _count(chosen)
        if value is None:
            continue
        colon = text.text.find(":", chosen.match.end(), end)
        if colon >= 0:
            start = colon + 1
        else:
            intro = INTRO.match(text.text, end)
            if intro is None or ":" not in intro.group(0):
                continue
            start = intro.end()
        items = list_items(text.text[start:text.sentence_end(start)])
        if items is None or len(items) == value:
            continue
        yield ctx.finding(
            "narrative_list_count",
            f"the text (page {chosen.page}) speaks of {value} comuni ({chosen.group(0)!r}) but lists {len(items)}: "
            + ", ".join(items), tables=[], field="comuni", expected=len(items), found=value,
            pages=[chosen.page, text.page_at(start)], quote=text.sentence(chosen))


def _alienazioni(ctx: PlanContext, text: Narrative) -> Iterator[Finding]:
    table = "alienazioni"
    if table not in ctx.plan.tables or ctx.unresolved([table]):
        return
    comuni = {r.get("comune_istat") for _, r in ctx.rows(table) if r.get("comune_istat")}
    if not comuni:
        return
    for hit in text.find(ALIENAZIONI):
        value = _count(hit)
        if value is not None and value != len(comuni):
            yield ctx.finding(
                "narrative_alienazioni_comuni",
                f"the text (page {hit.page}) says {value} comuni have units in the sale plan, but the table lists "
                f"{len(comuni)}", tables=[table], field="comuni", expected=len(comuni), found=value,
                pages=[hit.page, *ctx.table_pages(table)[:1]], quote=text.sentence(hit))
