"""Suite-wide rules: in CI a skipped test is a failure (everything the tests need is installed by
scripts/setup.sh, so a skip would hide a missing install step)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests import their helper modules by name


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if os.environ.get("CI") and skipped and exitstatus == 0:
        reporter.write_line(f"CI: {len(skipped)} test(s) skipped; every dependency must be installed", red=True)
        session.exitstatus = 1
