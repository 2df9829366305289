"""The example queries of docs/dataset.md (the README shows them; a test runs them on the samples).

Each keeps one plan per ambito and year: when a year's plan was imported more than once (a
corrected edition, another rendering of it) the latest import counts, so figures are not doubled.
"""
from __future__ import annotations

from typing import Final

_LATEST = """WITH latest AS (  -- one plan per ambito and year: the latest imported
    SELECT sha256, ambito, anno FROM plans
    QUALIFY row_number() OVER (PARTITION BY ambito, anno ORDER BY imported_at DESC, file_name) = 1
)"""

UNITS_PER_COMUNE: Final[str] = _LATEST + """
SELECT l.ambito, g.comune, g.comune_istat, l.anno,
       sum(g.totale)::BIGINT              AS unita,
       sum(g.liberi)::BIGINT              AS liberi,
       sum(g.ristrutturazione)::BIGINT    AS ristrutturazione,
       sum(g.carenza_manutentiva)::BIGINT AS carenza_manutentiva
FROM g_assegnabili AS g
JOIN latest AS l ON l.sha256 = g.plan_sha256
WHERE g.is_total IS NOT TRUE  -- leave out the printed total row
GROUP BY l.ambito, g.comune, g.comune_istat, l.anno
ORDER BY l.ambito, g.comune, l.anno"""

STOCK_PER_ENTE: Final[str] = _LATEST + """
SELECT l.ambito, a.ente_tipo, a.ente, l.anno,
       sum(a.alloggi_totali)::BIGINT AS alloggi_totali,
       sum(a.alloggi_sap)::BIGINT    AS alloggi_sap,
       sum(a.alloggi_sas)::BIGINT    AS alloggi_sas,
       round(100.0 * sum(a.alloggi_sap) / nullif(sum(a.alloggi_totali), 0), 1) AS quota_sap_pct
FROM a_consistenza AS a
JOIN latest AS l ON l.sha256 = a.plan_sha256
WHERE a.is_total IS NOT TRUE
GROUP BY l.ambito, a.ente_tipo, a.ente, l.anno
ORDER BY l.ambito, a.ente_tipo, a.ente, l.anno"""

ALLEGATO_B_VS_G: Final[str] = _LATEST + """,
listed AS (   -- dwellings Allegato B lists one by one
    SELECT plan_sha256, ente_tipo, comune_istat, any_value(comune) AS comune, count(*) AS in_allegato_b
    FROM allegato_b
    GROUP BY plan_sha256, ente_tipo, comune_istat
),
counted AS (  -- units table g counts, for the kinds of ente that Allegato B lists
    SELECT g.plan_sha256, g.ente_tipo, g.comune_istat, any_value(g.comune) AS comune,
           sum(g.totale)::BIGINT AS in_tabella_g
    FROM g_assegnabili AS g
    SEMI JOIN listed AS b ON b.plan_sha256 = g.plan_sha256 AND b.ente_tipo = g.ente_tipo
    WHERE g.is_total IS NOT TRUE
    GROUP BY g.plan_sha256, g.ente_tipo, g.comune_istat
)
SELECT l.ambito, l.anno, ente_tipo, coalesce(c.comune, b.comune) AS comune, comune_istat,
       coalesce(c.in_tabella_g, 0)  AS in_tabella_g,
       coalesce(b.in_allegato_b, 0) AS in_allegato_b,
       coalesce(b.in_allegato_b, 0) - coalesce(c.in_tabella_g, 0) AS differenza
FROM counted AS c
FULL JOIN listed AS b USING (plan_sha256, ente_tipo, comune_istat)
JOIN latest AS l ON l.sha256 = plan_sha256
ORDER BY l.ambito, l.anno, ente_tipo, comune"""

# name -> (what it answers, SQL), in the order docs/dataset.md shows them
EXAMPLE_QUERIES: Final[dict[str, tuple[str, str]]] = {
    "units_per_comune": ("Units assignable per comune across years (table g)", UNITS_PER_COMUNE),
    "stock_per_ente": ("Public housing stock per ente across years, with the SAP share (table a)", STOCK_PER_ENTE),
    "allegato_b_vs_g": ("Dwellings listed in Allegato B against the units table g counts, per comune",
                        ALLEGATO_B_VS_G),
}

# Queries on the ``verdicts`` table (README "Verdicts", docs/dataset.md; tests/test_verdicts_dataset.py
# runs them): which tables not to trust, and a figure taken only from tables read right.
DOUBTFUL_TABLES: Final[str] = """SELECT p.file_name, p.ambito, p.anno, v.table_id, v.verdict, v.evidence, v.page, v.message
FROM verdicts AS v
JOIN plans AS p ON p.sha256 = v.plan_sha256
WHERE v.verdict <> 'ok'  -- suspect: read, but the plan's own figures contradict it; missing: announced, not found
ORDER BY p.file_name, v.table_id"""

POPULATION_READ_RIGHT: Final[str] = """SELECT p.file_name, p.ambito, p.anno, sum(t.popolazione)::BIGINT AS popolazione
FROM popolazione AS t
JOIN plans AS p ON p.sha256 = t.plan_sha256
JOIN verdicts AS v ON v.plan_sha256 = t.plan_sha256 AND v.table_id = 'popolazione'
WHERE v.verdict = 'ok'        -- leave out population tables judged suspect
  AND t.is_total IS NOT TRUE  -- and the printed TOTALE rows
GROUP BY p.file_name, p.ambito, p.anno
ORDER BY p.file_name"""
