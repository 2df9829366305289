"""Refresh the generated parts of README.md: the table of rules and the example dataset queries.

Run after adding a rule or changing a query; tests/test_readme.py fails while README is out of date.
"""
from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def rendered_rules() -> str:
    from pdfplans.checks import rules_markdown

    return rules_markdown()


def rendered_queries() -> str:
    from pdfplans.dataset.queries import EXAMPLE_QUERIES

    return "\n".join(f"**{title}**\n\n```sql\n{sql}\n```\n" for title, sql in EXAMPLE_QUERIES.values())


def refreshed(text: str) -> str:
    for name, body in (("rules", rendered_rules()), ("queries", rendered_queries())):
        text = re.sub(
            rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)",
            lambda m: m.group(1) + body.rstrip("\n") + "\n" + m.group(2),
            text,
            flags=re.DOTALL,
        )
    return text


if __name__ == "__main__":
    README.write_text(refreshed(README.read_text(encoding="utf-8")), encoding="utf-8")
    print("README.md refreshed")
