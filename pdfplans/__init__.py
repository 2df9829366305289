"""pdfplans: Lombardy's annual social-housing plans (Piani annuali dell'offerta abitativa) as clean, checked data.

    import pdfplans
    plan = pdfplans.read_plan("piano.pdf")
    plan["g_assegnabili"].df
    plan.check().df
"""
from __future__ import annotations

from .errors import PdfPlansError, PlanReadError, PlanWarning, ValueParseError
from .model import Cell, Plan, Table
from .reader import read_plan

__version__ = "0.1.0"
__all__ = ["read_plan", "Plan", "Table", "Cell", "PlanWarning", "PdfPlansError", "PlanReadError", "ValueParseError", "__version__"]
