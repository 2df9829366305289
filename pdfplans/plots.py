"""Charts people would rather see than read: units per comune, a comune over the years, findings per rule.

Each function takes a ``Plan``, a ``PlanCollection`` (``read_plans``), a ``Dataset``
(``open_dataset``) or the DataFrame of one of them, returns a matplotlib ``Figure`` drawn with the
Agg canvas (no pyplot, no global backend change: safe in scripts, servers and notebooks), and with
``path=`` also writes it as a PNG. Titles, axes and legends are in Italian, the language of the
plans and of their readers; rule ids stay as the reports print them.

When several plans share ambito and year (another edition or rendering of the same plan), one of
them is drawn, the first by file name, so figures are not doubled.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

COMPONENTS = (("liberi", "liberi", "#4C78A8"), ("ristrutturazione", "da ristrutturazione", "#F58518"),
              ("carenza_manutentiva", "in carenza manutentiva", "#54A24B"))
SEVERITY_LABELS = {"error": "errore", "warning": "avviso", "info": "informazione"}
SEVERITY_COLOURS = {"error": "#D62728", "warning": "#FF9F1C", "info": "#1F77B4"}
ENTE_COLOURS = {"comune": "#4C78A8", "aler": "#E45756"}


def units_per_comune(source: Any, *, ambito: str | None = None, anno: int | None = None,
                     top: int | None = None, path: str | Path | None = None) -> "Figure":
    """Horizontal bars of the units assignable per comune (table g), split by kind, totals printed.

    ``anno`` defaults to the latest year of the ``ambito``; ``ambito`` may be left out when the
    source holds one ambito only. ``top`` keeps the comuni with most units.
    """
    g = _plan_rows(_frame(source, "g_assegnabili"))
    ambito = _one_ambito(g, ambito)
    g = g[g["ambito"] == ambito]
    anno = int(g["anno"].max()) if anno is None else anno
    g = g[g["anno"] == anno]
    if g.empty:
        raise ValueError(f"no table g for {ambito} {anno}")
    g = g.assign(comune=g["comune"].fillna("(non riconosciuto)"))
    per = g.groupby("comune")[[c for c, _, _ in COMPONENTS] + ["totale"]].sum().astype(float)
    per = per.sort_values(["totale"], ascending=True, kind="stable")
    if top:
        per = per.iloc[-top:]
    fig, ax = _figure(width=8.0, height=1.4 + 0.26 * len(per))
    left = [0.0] * len(per)
    for column, label, colour in COMPONENTS:
        values = per[column].tolist()
        ax.barh(per.index.tolist(), values, left=left, label=label, color=colour)
        left = [a + b for a, b in zip(left, values)]
    for y, total in enumerate(per["totale"].tolist()):
        ax.text(max(total, left[y]) + 0.3, y, f"{total:g}", va="center", fontsize=8)
    ax.set_xlabel("alloggi assegnabili")
    ax.set_title(f"Alloggi assegnabili per comune — {ambito} {anno} (totale {per['totale'].sum():g})")
    ax.legend(loc="lower right", fontsize=8)
    ax.margins(y=0.01)
    return _done(fig, path)


def comune_trend(source: Any, comune: str, *, ambito: str | None = None,
                 path: str | Path | None = None) -> "Figure":
    """Units assignable in one comune (name or ISTAT code) per year, stacked by kind of ente."""
    g = _plan_rows(_frame(source, "g_assegnabili"))
    wanted = " ".join(comune.casefold().split())
    match = (g["comune_istat"] == comune) | (g["comune"].fillna("").map(lambda s: " ".join(s.casefold().split()))
                                              == wanted)
    g = g[match.fillna(False).astype(bool)]
    if ambito is not None:
        g = g[g["ambito"].fillna("").str.casefold() == ambito.casefold()]
    if g.empty:
        raise ValueError(f"no units of comune {comune!r} in table g of the plans given")
    name = str(g["comune"].dropna().iloc[0])
    table = g.groupby(["anno", "ente_tipo"])["totale"].sum().unstack(fill_value=0).astype(float).sort_index()
    years = [int(y) for y in table.index]
    fig, ax = _figure(width=max(4.5, 1.2 * len(years) + 2.5), height=4.2)
    bottom = [0.0] * len(years)
    for ente_tipo in table.columns:
        values = table[ente_tipo].tolist()
        ax.bar([str(y) for y in years], values, bottom=bottom, label=str(ente_tipo), width=0.6,
               color=ENTE_COLOURS.get(str(ente_tipo)))
        bottom = [a + b for a, b in zip(bottom, values)]
    for x, total in enumerate(bottom):
        ax.text(x, total, f"{total:g}", ha="center", va="bottom", fontsize=9)
    ax.set_xlim(-0.5 - max(0, 3 - len(years)) / 2, len(years) - 0.5 + max(0, 3 - len(years)) / 2)
    ax.set_ylim(0, max(bottom + [1.0]) * 1.25)  # room for the totals and the legend
    ax.set_xlabel("anno del piano")
    ax.set_ylabel("alloggi assegnabili")
    ax.set_title(f"{name}: alloggi assegnabili per anno")
    ax.legend(title="ente", fontsize=8, loc="upper left", ncols=2)
    return _done(fig, path)


def findings_per_rule(source: Any, *, path: str | Path | None = None) -> "Figure":
    """Horizontal bars: how many findings each rule reported, by severity.

    ``source``: ``Findings``, a Plan or PlanCollection (checked here), a Dataset (its ``findings``
    table) or a DataFrame with ``rule`` and ``severity``.
    """
    frame = _findings_frame(source)
    fig, ax = _figure(width=8.0, height=1.4 + 0.3 * max(1, frame["rule"].nunique()))
    if frame.empty:
        ax.text(0.5, 0.5, "nessun rilievo", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return _done(fig, path)
    counts = frame.groupby(["rule", "severity"]).size().unstack(fill_value=0)
    counts = counts.loc[counts.sum(axis=1).sort_values(ascending=True, kind="stable").index]
    left = [0] * len(counts)
    for severity in [s for s in SEVERITY_COLOURS if s in counts.columns]:
        values = counts[severity].tolist()
        ax.barh(counts.index.tolist(), values, left=left, label=SEVERITY_LABELS[severity],
                color=SEVERITY_COLOURS[severity])
        left = [a + b for a, b in zip(left, values)]
    for y, total in enumerate(left):
        ax.text(total + 0.1, y, str(total), va="center", fontsize=8)
    ax.set_xlabel("rilievi")
    ax.set_title(f"Rilievi per regola ({len(frame)} in tutto)")
    ax.legend(loc="lower right", fontsize=8)
    return _done(fig, path)


# -- sources ---------------------------------------------------------------------------------------
def _frame(source: Any, table_id: str) -> "pd.DataFrame":
    """The table across plans with ``ambito``, ``anno``, ``file`` columns, whatever the source."""
    import pandas as pd

    from .collection import PlanCollection
    from .model import Plan

    if isinstance(source, pd.DataFrame):
        return source
    if isinstance(source, Plan):
        source = PlanCollection([source])
    if isinstance(source, PlanCollection):
        return source.table(table_id)
    if hasattr(source, "query") and hasattr(source, "tables"):  # a Dataset
        return source[table_id]
    raise TypeError(f"cannot draw from a {type(source).__name__}: pass a Plan, read_plans(...), "
                    "open_dataset(...) or a DataFrame")


def _plan_rows(frame: "pd.DataFrame") -> "pd.DataFrame":
    """Data rows (no printed totals), one plan per ambito and year."""
    frame = frame[frame["is_total"].fillna(False).astype(bool) == False]  # noqa: E712 - elementwise
    if "file" in frame.columns and not frame.empty:
        first = frame.groupby(["ambito", "anno"], dropna=False)["file"].transform("min")
        frame = frame[frame["file"] == first]
    return frame


def _one_ambito(frame: "pd.DataFrame", ambito: str | None) -> str:
    present = sorted({str(a) for a in frame["ambito"].dropna()})
    if ambito is not None:
        for name in present:
            if name.casefold() == ambito.casefold():
                return name
        raise ValueError(f"no plan of ambito {ambito!r}; ambiti: {', '.join(present) or 'none'}")
    if len(present) != 1:
        raise ValueError(f"pass ambito=...: the plans cover {', '.join(present) or 'no known ambito'}")
    return present[0]


def _findings_frame(source: Any) -> "pd.DataFrame":
    import pandas as pd

    from .checks.findings import Findings
    from .collection import PlanCollection
    from .model import Plan

    if isinstance(source, (Plan, PlanCollection)):
        source = source.check()
    if isinstance(source, Findings):
        return source.df
    if isinstance(source, pd.DataFrame):
        return source
    if hasattr(source, "query") and hasattr(source, "tables"):
        return source.table("findings")
    raise TypeError(f"cannot count findings of a {type(source).__name__}")


# -- figures ---------------------------------------------------------------------------------------
def _figure(width: float, height: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def _done(fig: "Figure", path: str | Path | None) -> "Figure":
    if path is not None:
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(target, dpi=120, format="png")
    return fig
