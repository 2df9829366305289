"""Habits the test command enforces: lint and import order (ruff), types (mypy), module size, no
import cycle, the one-way flow pages → tables → records → findings, and a report order no import
sorter can change. Configuration: pyproject.toml [tool.ruff], [tool.mypy]."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pdfplans"
MAX_LINES = 300
BEING_SPLIT: set[str] = set()  # modules allowed over the limit while being split: none now
LINTED = ["pdfplans", "tests"]  # the tests too: an unsorted import there is as wrong as one in the package


def _tool(name: str) -> Path:
    path = Path(sys.executable).parent / name
    if not path.exists():
        pytest.fail(f"{name} is not installed in the virtualenv: run scripts/setup.sh")
    return path


def test_ruff_lint_and_import_order():
    result = subprocess.run([str(_tool("ruff")), "check", *LINTED], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_type_check():
    result = subprocess.run([str(_tool("mypy"))], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_over_300_lines():
    long = {str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
            if len(p.read_text(encoding="utf-8").splitlines()) > MAX_LINES}
    assert long <= BEING_SPLIT, f"modules over {MAX_LINES} lines: {sorted(long - BEING_SPLIT)}"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, top_level_only: bool) -> set[str]:
    """pdfplans modules imported by ``path`` (resolved from relative imports; TYPE_CHECKING skipped)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out: set[str] = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")
                base = base[: len(base) - node.level + 1] if node.level else []
                module = ".".join([*base, node.module] if node.module else base)
                if module.startswith("pdfplans"):
                    out.add(module)
                    out.update(f"{module}.{a.name}" for a in node.names)
            elif isinstance(node, ast.Import):
                out.update(a.name for a in node.names if a.name.startswith("pdfplans"))
            if not top_level_only or isinstance(node, (ast.If, ast.Try, ast.With)):
                for child in ast.iter_child_nodes(node):
                    if isinstance(child, ast.stmt):
                        visit([child])
    visit(tree.body)
    return out


def _graph(top_level_only: bool) -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    # a module's own parent packages are initialized before it: importing from them is no cycle
    return {name: {m for m in _imports(path, top_level_only) if m in modules and not name.startswith(m)}
            for name, path in modules.items()}


def test_no_import_cycle():
    graph = _graph(top_level_only=True)
    state: dict[str, int] = {}

    def walk(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                pytest.fail("import cycle: " + " → ".join([*trail[trail.index(nxt):], nxt]))
            if nxt not in state:
                walk(nxt, [*trail, nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            walk(module, [module])


def test_one_way_flow():
    graph = _graph(top_level_only=False)
    allowed = {("pdfplans.extractors.kinds", "pdfplans.normalize.numbers")}  # pure number parsers, see kinds.py
    # pages -> tables (extractors) -> records (normalize) -> verdicts on the readings -> findings (checks)
    forbidden = {"pdfplans.extractors": ("pdfplans.normalize", "pdfplans.verdicts", "pdfplans.checks", "pdfplans.dataset"),
                 "pdfplans.normalize": ("pdfplans.verdicts", "pdfplans.checks", "pdfplans.dataset"),
                 "pdfplans.verdicts": ("pdfplans.checks", "pdfplans.dataset")}
    wrong = sorted(
        (a, b) for a, targets in graph.items() for b in targets for layer, banned in forbidden.items()
        if a.startswith(layer + ".") and b.startswith(banned) and (a, b) not in allowed
        and not (b == "pdfplans.normalize" and (a, "pdfplans.normalize.numbers") in allowed)
    )
    assert wrong == []


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
