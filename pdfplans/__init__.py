"""pdfplans: Lombardy's annual social-housing plans (Piani annuali dell'offerta abitativa) as clean, checked data.

    import pdfplans
    plan = pdfplans.read_plan("piano.pdf")
    plan["g_assegnabili"].df
    plan.check().df
"""
from __future__ import annotations

from .collection import PlanCollection, PlanSkippedWarning, read_plans
from .dataset import Dataset, DatasetError, ImportReport, import_plans, open_dataset
from .errors import PdfPlansError, PlanReadError, PlanWarning, ValueParseError
from .model import Cell, Plan, Table
from .reader import read_plan

__version__ = "0.1.0"
__all__ = [
    "read_plan", "read_plans", "open_dataset", "import_plans", "Plan", "Table", "Cell", "PlanCollection",
    "Dataset", "ImportReport", "PlanWarning", "PlanSkippedWarning", "PdfPlansError", "PlanReadError",
    "DatasetError", "ValueParseError", "__version__",
]
