#!/usr/bin/env python3
"""Resolutions per second: the ~7,900 official names of Italy with printing noise added.

    .venv/bin/python benchmarks/bench_resolve.py [--region Lombardia] [--seed 1]

Noise per name (seeded): random case, accents dropped, apostrophes dropped, "San" → "S.", a space
inside a word, or one letter changed. Prints names/s for a cold resolver (every name new) and for a
memoized pass (a plan repeats its names), and the share resolved to the right ISTAT code.
"""
from __future__ import annotations

import argparse
import random
import time
import unicodedata

from pdfplans.normalize import gazetteer
from pdfplans.normalize.comuni import Resolver


def noisy(name: str, rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        return "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in name)
    if kind == 1:
        return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).upper()
    if kind == 2:
        return name.replace("'", "")
    if kind == 3:
        return name.replace("San ", "S. ").replace("Sant'", "S.").upper()
    if kind == 4 and len(name) > 3:
        i = rng.randrange(1, len(name) - 1)
        return name[:i] + " " + name[i:]
    if len(name) > 5:  # one letter changed: a typo
        i = rng.randrange(1, len(name) - 1)
        return name[:i] + rng.choice("aeiourstnl") + name[i + 1:]
    return name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--region", default=None, help="restrict to a region (default: all Italy)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    comuni = [c for c in gazetteer.active() if args.region is None or c.regione == args.region]
    cases = [(noisy(c.name, rng), c.istat) for c in comuni]

    start = time.perf_counter()
    resolver = Resolver(region=args.region)
    built = time.perf_counter() - start
    start = time.perf_counter()
    results = [resolver.resolve(name) for name, _ in cases]
    cold = time.perf_counter() - start
    start = time.perf_counter()
    for name, _ in cases:
        resolver.resolve(name)
    warm = time.perf_counter() - start

    right = sum(r.comune_istat == istat for r, (_, istat) in zip(results, cases))
    wrong = sum(r.resolved and r.comune_istat != istat for r, (_, istat) in zip(results, cases))
    print(f"names: {len(cases)} ({args.region or 'Italy'}); index built in {built * 1000:.0f} ms")
    print(f"cold:     {len(cases) / cold:10.0f} resolutions/s ({cold * 1000:.0f} ms)")
    print(f"memoized: {len(cases) / warm:10.0f} resolutions/s")
    print(f"right: {right / len(cases):.1%}  unresolved: {(len(cases) - right - wrong) / len(cases):.1%}  "
          f"wrong: {wrong / len(cases):.2%}")


if __name__ == "__main__":
    main()
