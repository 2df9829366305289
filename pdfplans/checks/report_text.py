"""Terminal report: findings grouped by severity, then by rule, in colour (rich)."""
from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from .context import fmt
from .findings import SEVERITIES, Findings
from .registry import RULES

if TYPE_CHECKING:
    from ..model import Plan

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render_text(findings: Findings, plans: "Sequence[Plan]", color: bool | None = None, width: int = 110) -> str:
    """The report as text; ANSI colours when ``color`` (default: when stdout is a terminal)."""
    if color is None:
        color = sys.stdout.isatty()
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False,
                      color_system="standard" if color else None)
    for plan in plans:
        console.print(Text(f"{Path(plan.file).name}: {plan.ambito or '?'} {plan.anno or ''}, {plan.pages} pages",
                           style="bold"))
    counts = findings.counts()
    summary = Text("findings: ")
    for i, severity in enumerate(SEVERITIES):
        summary.append(f"{counts[severity]} {severity}" + ("s" if counts[severity] != 1 else ""),
                       style=STYLE[severity] if counts[severity] else "")
        summary.append(", " if i < len(SEVERITIES) - 1 else "")
    extraction = len(findings.extraction)
    if extraction:
        summary.append(f" (of which {extraction} about the extraction, not the plan)")
    console.print(summary)
    suspect = findings.where(rule="suspect_table")
    if len(suspect):  # first: which tables not to trust, before what they seem to say
        console.print()
        console.print(Text(f"SUSPECT TABLES ({len(suspect)})", style="bold magenta underline"))
        for finding in suspect:
            where = f"  [p. {', '.join(map(str, finding.pages))}]" if finding.pages else "  [no page printed]"
            named = f"  ({escape(Path(finding.plan_file).name)})" if len(plans) > 1 and finding.plan_file else ""
            console.print(Text.assemble("    • ", finding.message, (where + named, "dim")))
    for severity in SEVERITIES:
        chosen = Findings([f for f in findings.where(severity=severity) if f.rule != "suspect_table"])
        if not len(chosen):
            continue
        console.print()
        console.print(Text(f"{severity.upper()} ({len(chosen)})", style=STYLE[severity] + " underline"))
        for rule, group in chosen.by_rule().items():
            description = RULES[rule].description if rule in RULES else ""
            console.print(Text.assemble(("  " + rule, STYLE[severity]), f" ({len(group)}) ", (description, "dim")))
            for finding in group:
                line = Text("    • ")
                line.append(finding.message)
                pages = ", ".join(map(str, finding.pages))
                line.append(f"  [p. {pages}]" if pages else "  [no page printed]", style="dim")
                if finding.expected is not None or finding.found is not None:
                    line.append(f"  expected {fmt(finding.expected)}, found {fmt(finding.found)}", style="dim")
                if len(plans) > 1 and finding.plan_file:
                    line.append(f"  ({escape(Path(finding.plan_file).name)})", style="dim")
                console.print(line)
    if not len(findings):
        console.print(Text("no findings: the plan agrees with itself on every rule", style="green"))
    return buffer.getvalue()
