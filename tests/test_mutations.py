"""The mutation bed, a few seeds (the whole sweep with figures: benchmarks/bench_verdicts.py).

Correct readings of three samples of different templates are made wrong the ways real readers go
wrong (tests/mutations.py); every mutated table must be flagged, except the (mutation, table) pairs
below, which the plan's redundancy does not cover yet. The list is what is left to do, named: a pair
that becomes flagged must be taken off it (the test says so), so it can only shrink.
"""
from __future__ import annotations

import pytest
from expected import SAMPLES
from mutations import MUTATIONS, flagged, mutate

from pdfplans import read_plan

BED = ("cremonese_2023", "lodi_2023", "mantova_2023")
SEED = 0
# Silent today, each with why: OCR digit misreads of figures the plan prints once, which nothing in it
# repeats (no total, no sibling table, no sentence); a bound the checks apply is the plan's rule, and a
# figure past it is reported there as the plan's error, not flagged here as a misreading.
KNOWN_SILENT = {
    # a one-row e) turnover table against g: one owner disagreeing is the plan's own discrepancy (the
    # seed's g counts 5 for Cremona's turnover, its e) prints 6); this seed's misread 6 → 5 even agrees
    ("ocr", "e_turnover"),
    # the fund per ente prints no total and no other table or sentence gives its amounts
    ("ocr", "fondi_solidarieta_enti"),
    # h and i-B without Allegato A (Lodi, Mantova): a misread share (10 → 18, 5 → 6) within 0..100 is
    # repeated nowhere; the 10% bound of i-B is the regulation's, a plan printing more is the plan's error
    ("ocr", "h_soglia_indigenti"), ("ocr", "i_forze_polizia"),
    # j (Lodi, Mantova) and k (Mantova) without Allegato A: no other table gives them per owner. The
    # verdicts apply no bound to either: j ≤ g is a check (j_le_g), which reports Lodi's Codogno misread
    # 1 → 7 past g's 2 as the plan's error; Mantova's 2 → 7 stay within g; k has no bound at all
    ("ocr", "j_transitori"), ("ocr", "k_assegnate_anno_precedente"),
    # DGR funds and applications are printed once; domande finanziate ≤ presentate is a check, and the
    # misread 96 → 95 stays within it
    ("ocr", "utilizzo_dgr"),
}
# tables the seed's redundancy covers whole: every mutation of them is flagged, on every sample
COVERED = ("popolazione", "a_consistenza", "g_assegnabili", "b_carenza_manutentiva", "c_ristrutturazione")


@pytest.fixture(scope="module")
def bed():
    """(sample, mutation, table) -> flagged, over every table each mutation applies to."""
    out = {}
    for name in BED:
        plan = read_plan(SAMPLES / f"{name}.pdf")
        assert plan.suspect == [] and plan.missing == {}  # the right reading passes
        for kind in MUTATIONS:
            for table_id in list(plan.tables):
                done = mutate(plan, kind, table_id, SEED)
                if done is None:
                    continue
                wrong, targets = done
                hits = [flagged(wrong, t) for t in targets]
                out[(name, kind, table_id)] = any(hits) if kind == "lost" else all(hits)
    return out


def test_every_mutated_table_is_flagged_but_the_known_gaps(bed):
    silent = sorted((kind, table) for (_name, kind, table), hit in bed.items() if not hit)
    assert set(silent) <= KNOWN_SILENT, [s for s in silent if s not in KNOWN_SILENT]


def test_the_known_gaps_are_still_gaps(bed):
    """A gap closed must leave KNOWN_SILENT: the list stays the truth about what escapes."""
    silent = {(kind, table) for (_name, kind, table), hit in bed.items() if not hit}
    assert KNOWN_SILENT <= silent, sorted(KNOWN_SILENT - silent)


def test_the_covered_tables_are_flagged_under_every_mutation(bed):
    chosen = {key: hit for key, hit in bed.items() if key[2] in COVERED}
    assert len(chosen) > 40 and all(chosen.values()), [k for k, hit in chosen.items() if not hit]


def test_most_mutations_are_caught(bed):
    assert sum(bed.values()) / len(bed) >= 0.75
