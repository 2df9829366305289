"""Habits the test command enforces: lint and import order (ruff), types (mypy), module size,
and report order that no import sorter can change."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def test_report_order_follows_the_families_not_the_imports():
    """Checks registered in any order (as another import order would) run in family order."""
    from pdfplans.checks import registry

    usual = list(registry.PLAN_CHECKS)
    families = [registry.family_of(f) for f in usual]
    assert families == sorted(families, key=list(registry.FAMILIES).index)
    assert families[0] == "arithmetic" and families[-1] == "extraction"
    saved = list(registry.PLAN_CHECKS)
    try:
        registry.PLAN_CHECKS.clear()
        for family in reversed(list(registry.FAMILIES)):  # every family module imported backwards
            for function in (f for f in usual if registry.family_of(f) == family):
                registry.checker(function)
        assert registry.PLAN_CHECKS == usual
    finally:
        registry.PLAN_CHECKS[:] = saved
