"""Ruling lines drawn in pieces joined into whole lines.

A browser's print (Chromium's Skia) draws every cell's border as its own short rectangle, so a
rule between two rows is as many pieces as the row has cells, none of them crossing a share of the
table. Pieces on one line that touch (or nearly: the width of a crossing rule) are one rule, as
a word processor would have drawn it.
"""
from __future__ import annotations

from .page import Rule

JOIN_GAP_PT = 1.5  # pieces this close end to end are one line (a crossing rule is ~0.75 pt wide)
SAME_LINE_PT = 0.6  # pieces whose axis differs by less than this lie on one line


def join_rules(rules: list[Rule]) -> list[Rule]:
    """The same rules with collinear, touching pieces joined; order: horizontal, then vertical."""
    horizontal = [(r.y0, r.x0, r.x1) for r in rules if r.horizontal]
    vertical = [(r.x0, r.y0, r.y1) for r in rules if not r.horizontal]
    return ([Rule(a, at, b, at) for at, a, b in _join(horizontal)]
            + [Rule(at, a, at, b) for at, a, b in _join(vertical)])


def _join(pieces: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """(axis position, start, end) pieces: per line, the runs of pieces that touch."""
    out: list[tuple[float, float, float]] = []
    lines: list[list[tuple[float, float, float]]] = []
    for piece in sorted(pieces):
        if lines and piece[0] - lines[-1][0][0] < SAME_LINE_PT:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    for line in lines:
        at = line[0][0]
        runs: list[list[float]] = []
        for _, start, end in sorted(line, key=lambda p: p[1]):
            if runs and start <= runs[-1][1] + JOIN_GAP_PT:
                runs[-1][1] = max(runs[-1][1], end)
            else:
                runs.append([start, end])
        out += [(at, a, b) for a, b in runs]
    return out
