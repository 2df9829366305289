"""Every system file the tests (and the code they run) name must come from a package that the plain
`scripts/setup.sh` installs: the suite passed on a developer's machine that happened to have
fonts-liberation and failed on a fresh one."""
from __future__ import annotations

import ast
import re
import subprocess
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the code the suite runs: the package, the tests and the sample builders they call
SCANNED = ("pdfplans", "tests", "samples/build")
SYSTEM_PATH = re.compile(r"^/(?:usr|etc|opt|var|lib|lib64)/[^\s:]+/[^\s:]+$")


@lru_cache(maxsize=1)
def plain_setup_files() -> frozenset[str]:
    packages = subprocess.run(["bash", str(ROOT / "scripts" / "setup.sh"), "--print-packages"],
                              capture_output=True, text=True, check=True).stdout.split()
    assert "fonts-liberation" in packages and "fonts-dejavu-core" in packages
    listed = subprocess.run(["dpkg", "-L", *packages], capture_output=True, text=True, check=True).stdout
    return frozenset(line.strip() for line in listed.splitlines() if line.startswith("/"))


def system_paths_named() -> dict[str, list[str]]:
    """Absolute system paths written as string constants in the scanned code, with where."""
    found: dict[str, list[str]] = {}
    for folder in SCANNED:
        for source in sorted((ROOT / folder).rglob("*.py")):
            if source.name == Path(__file__).name:
                continue
            tree = ast.parse(source.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                        and SYSTEM_PATH.match(node.value):
                    found.setdefault(node.value, []).append(f"{source.relative_to(ROOT)}:{node.lineno}")
    return found


def test_the_scan_sees_the_fonts_the_tests_draw_with():
    named = system_paths_named()
    assert "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf" in named
    assert "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" in named


def test_a_program_only_the_samples_setup_installs_is_not_provided():
    # the check can fail: LibreOffice comes with `setup.sh --samples` only
    assert "/usr/lib/libreoffice/program/soffice.bin" not in plain_setup_files()


def test_every_system_file_named_comes_from_the_plain_setup():
    provided = plain_setup_files()
    missing = {path: where for path, where in system_paths_named().items() if path not in provided}
    assert not missing, f"system files not installed by the plain scripts/setup.sh: {missing}"
