"""The package's shape: layers that import only downwards, pure data models, small modules and functions."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from helpers import ROOT

PACKAGE = ROOT / "summarizer"
MODULES = sorted(p for p in PACKAGE.rglob("*.py"))
MAX_MODULE_LINES = 450
MAX_FUNCTION_LINES = 80


def _name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The package modules ``path`` imports, at any depth of the file (lazy imports included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("summarizer"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("summarizer"))
    names = {_name(p) for p in MODULES}
    return {n for n in found if n in names} - {_name(path)}


GRAPH = {_name(p): _imports(p) for p in MODULES}


def test_the_data_models_import_nothing_from_the_package() -> None:
    assert GRAPH["summarizer.schemas"] == set()
    assert GRAPH["summarizer.errors"] == set()


def test_there_is_no_import_circle() -> None:
    """The package root re-exports lazily; every other module imports only modules below it."""
    graph = {m: deps - {"summarizer"} for m, deps in GRAPH.items() if m != "summarizer"}
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> None:
        if state.get(module) == 2:
            return
        assert state.get(module) != 1, "import circle: " + " -> ".join([*path, module])
        state[module] = 1
        for dep in sorted(graph.get(module, ())):
            visit(dep, [*path, module])
        state[module] = 2

    for module in sorted(graph):
        visit(module, [])


# The README's layers, bottom first ("Development"): a module imports only from its own layer or below.
LAYERS = {
    "foundations": "schemas feed_schema errors files printable text tense saying names assertions units durations",
    "model calls": "llm limits prompt_files backend embedded recording",
    "stages": (
        "load extract ground merge compare groups judge brief evaluate align linkage vectorlink candidates events"
        " facets outcomes quantities figures counted times wording negation embed floor entities rules speech"
        " extractive metadata fetch pages sourcelist decode cache pins capitals masks places"
    ),
    "top": (
        "summarizer pipeline annotated report report.common report.html report.index report.markdown report.matrix"
        " report.spans report.terminal feed batch ray_feed cli feed_cli"
    ),
}
LAYER_OF = {
    (name if name == "summarizer" else f"summarizer.{name}"): rank
    for rank, names in enumerate(LAYERS.values())
    for name in names.split()
}


def test_each_module_imports_only_its_layer_and_those_below() -> None:
    assert sorted(LAYER_OF) == sorted(GRAPH), "every module is in one layer of the README's picture"
    upward = [
        f"{module} imports {dep}"
        for module, deps in GRAPH.items()
        for dep in deps - {"summarizer"}  # ``from summarizer import fetch``: a module, not the root's names
        if LAYER_OF[dep] > LAYER_OF[module]
    ]
    assert upward == []


def test_stages_do_not_import_the_cli_or_the_renderers() -> None:
    for stage in ("load", "ground", "extract", "merge", "judge", "llm", "pipeline", "text"):
        deps = GRAPH[f"summarizer.{stage}"]
        assert not {d for d in deps if d.startswith(("summarizer.cli", "summarizer.report"))}, stage


def test_model_calls_live_in_one_layer() -> None:
    """Only the model-call layer and the backends talk to instructor and openai."""
    allowed = {
        "summarizer.llm",
        "summarizer.backend",
        "summarizer.embedded",
        "summarizer.recording",
        "summarizer.embed",
        "summarizer.batch",  # the Batch API: files and batches, and answers served as completions
    }
    for path in MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        talks = {
            a.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names
        } | {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        if talks & {"instructor", "openai"}:
            assert _name(path) in allowed, f"{_name(path)} imports instructor/openai"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_and_functions_stay_small(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            assert length <= MAX_FUNCTION_LINES, f"{node.name} is {length} lines"
