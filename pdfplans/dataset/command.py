"""The ``pdfplans import`` command lives in ``pdfplans/cli/importing.py``; this name stays importable."""
from __future__ import annotations

from ..cli.importing import import_command

__all__ = ["import_command"]
