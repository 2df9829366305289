"""pdfplans: Lombardy's annual social-housing plans (Piani annuali dell'offerta abitativa) as clean, checked data.

    import pdfplans
    plan = pdfplans.read_plan("piano.pdf")
    plan["g_assegnabili"].df
    plan.check().df
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import PdfPlansError, PlanReadError, PlanWarning, ValueParseError
from .extractors.settings import DEFAULT_SETTINGS, ReaderSettings
from .model import Cell, Plan, Table
from .reader import explain, read_plan

__version__ = "0.1.0"

# Notebook and dataset helpers load on first use: `pdfplans extract` never pays for them.
_LAZY = {
    "read_plans": "collection", "PlanCollection": "collection", "PlanSkippedWarning": "collection",
    "PlanDuplicateWarning": "collection",
    "import_plans": "dataset", "open_dataset": "dataset", "Dataset": "dataset", "DatasetError": "dataset",
    "ImportReport": "dataset",
}

if TYPE_CHECKING:
    from .collection import PlanCollection, PlanDuplicateWarning, PlanSkippedWarning, read_plans
    from .dataset import Dataset, DatasetError, ImportReport, import_plans, open_dataset


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'pdfplans' has no attribute {name!r}")
__all__ = [
    "read_plan", "explain", "ReaderSettings", "DEFAULT_SETTINGS", "read_plans", "open_dataset", "import_plans",
    "Plan", "Table", "Cell", "PlanCollection", "Dataset", "ImportReport", "PlanWarning", "PlanSkippedWarning",
    "PlanDuplicateWarning", "PdfPlansError", "PlanReadError",
    "DatasetError", "ValueParseError", "__version__",
]
