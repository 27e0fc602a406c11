"""The package's folders are layers (``pipeline.LAYERS``): imports go down, never in a cycle.

Imports are read with ``ast`` from every module, those inside functions and under
``TYPE_CHECKING`` too: a lazy import is a dependency all the same.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import ROOT
from pipeline import LAYERS

PACKAGE = ROOT / "pipeline"
ENTRY_POINTS = {"pipeline", "pipeline.__main__"}
"""Above every layer: the package's docstring and ``python -m pipeline``."""
RANK = {folder: rank for rank, layer in enumerate(LAYERS) for folder in layer}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str) -> set[str]:
    """The package's modules that module ``name`` imports."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            # ``from package import module`` imports the module; ``import name``, the package.
            found |= {f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                      for alias in node.names}
    return {module for module in found if module in MODULES and module != name}


GRAPH = {name: imported(name) for name in MODULES}


def folder(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def test_every_module_is_in_a_layer() -> None:
    strays = [name for name in MODULES if name not in ENTRY_POINTS and folder(name) not in RANK]
    assert not strays, f"modules outside the folders of pipeline.LAYERS: {strays}"


def test_layers_name_folders_that_exist() -> None:
    assert sorted(RANK) == sorted(path.name for path in PACKAGE.iterdir()
                                  if (path / "__init__.py").is_file())


@pytest.mark.parametrize("name", [name for name in MODULES if name not in ENTRY_POINTS])
def test_imports_go_down_the_layers(name: str) -> None:
    own = folder(name)
    upward = sorted(module for module in GRAPH[name]
                    if folder(module) != own and (module in ENTRY_POINTS
                                                  or RANK[folder(module)] >= RANK[own]))
    assert not upward, f"{name} ({own}, layer {RANK[own]}) imports {upward}"


def _cycles() -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in GRAPH[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles() -> None:
    assert _cycles() == []


def test_a_cycle_is_found() -> None:
    GRAPH["pipeline.core.errors"].add("pipeline.core.document")
    GRAPH["pipeline.core.document"].add("pipeline.core.errors")
    try:
        assert ["pipeline.core.document", "pipeline.core.errors"] in _cycles()
    finally:
        GRAPH["pipeline.core.errors"] = imported("pipeline.core.errors")
        GRAPH["pipeline.core.document"] = imported("pipeline.core.document")


def test_readme_shows_the_folders_in_layer_order() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.partition("## How it works")[2].partition("\n## ")[0]
    shown = re.findall(r"^\|?\s*`?pipeline/(\w+)/", section, re.M)
    assert shown == [name for layer in LAYERS for name in layer]
