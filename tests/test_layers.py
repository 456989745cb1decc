"""The package layout is the architecture: imports point one way, and nothing imports in a
circle. Read from the source with ``ast`` (nothing is imported)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "notices"

# Which layers each layer may import (itself included). Lower layers know nothing of the
# higher ones; plugins and the command line sit on top and may import anything.
ALLOWED = {
    "memo": set(),
    "timing": set(),
    "content": {"content", "memo"},
    "outputs": {"content", "outputs", "memo"},
    "search": {"content", "outputs", "search", "memo", "timing"},
    "importer": {"content", "importer"},
    "build": {"content", "outputs", "search", "build", "memo", "timing"},
    "deploy": {"content", "outputs", "build", "deploy"},
}
# Function-local imports are allowed only for these (keeping Pelican and the dev server out
# of the fast paths; the adapter imports Pelican; the live-reload server its watcher), and
# each must say why in a comment on its line.
LAZY_ALLOWED = ("pelican", "livereload", "watchfiles", "tornado",
                "notices.build.pelican_adapter",
                # its dictionaries take 0.4 s and 40 MiB; only a new slug needs them
                "pypinyin")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "notices":
        return None
    name = parts[1]
    return "importer" if name.startswith("importer") else name


def _imports(path: Path) -> list[tuple[str, int, bool]]:
    """(imported module, line, at module level?) for every import of ``path``."""
    tree = ast.parse(path.read_text("utf-8"))
    package = _module_name(path)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    top = {id(node) for node in tree.body}
    for node in tree.body:  # ``if TYPE_CHECKING:`` imports are for annotations only
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            top |= {id(child) for child in node.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno, id(node) in top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names = [f"{module}.{alias.name}" for alias in node.names]
            for name in names:  # ``from notices.build import warm`` imports a module
                target = name if (ROOT.parent / (name.replace(".", "/") + ".py")).exists() \
                    else module
                found.append((target, node.lineno, id(node) in top))
    return found


def _graph() -> dict[str, list[tuple[str, int, bool]]]:
    return {_module_name(path): _imports(path) for path in sorted(ROOT.rglob("*.py"))}


def test_every_layer_imports_only_the_layers_below_it():
    wrong = []
    for module, imports in _graph().items():
        layer = _layer(module)
        if layer not in ALLOWED:
            continue  # notices.cli, notices.__main__, notices itself: the top
        for target, line, _ in imports:
            target_layer = _layer(target)
            if target_layer and target_layer not in ALLOWED[layer]:
                wrong.append(f"{module}:{line} imports {target} ({layer} -> {target_layer})")
    assert wrong == []


def test_no_import_circle():
    graph = _graph()
    edges = {module: {target for target, _, top in imports if top and target in graph
                      and target != module}
             for module, imports in graph.items()}
    # Also count a package's __init__ as imported by each of its modules' importers.
    circles, state = [], {}

    def visit(module: str, stack: list[str]) -> None:
        state[module] = "open"
        for target in sorted(edges[module]):
            if state.get(target) == "open":
                circles.append(" -> ".join(stack[stack.index(target):] + [target]))
            elif target not in state:
                visit(target, [*stack, target])
        state[module] = "done"

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert circles == []


def test_function_local_imports_only_keep_pelican_out_of_fast_paths():
    wrong = []
    for path in sorted(ROOT.rglob("*.py")):
        lines = path.read_text("utf-8").splitlines()
        for target, line, top in _imports(path):
            if top:
                continue
            text = lines[line - 1]
            if not target.startswith(LAZY_ALLOWED) or "# lazy:" not in text:
                wrong.append(f"{path.relative_to(ROOT.parent)}:{line}: {text.strip()}")
    assert wrong == []


def test_only_the_command_line_imports_the_importer():
    """The importer (notices/importer/) sits on notices.content; nothing below the command
    line depends on it."""
    wrong = []
    for module, imports in _graph().items():
        if _layer(module) == "importer" or module in ("notices.cli", "notices.__main__"):
            continue
        wrong += [f"{module}:{line} imports {target}" for target, line, _ in imports
                  if _layer(target) == "importer"]
    assert wrong == []
    assert (ROOT / "importer" / "__init__.py").read_text("utf-8").startswith('"""')
    assert not list(ROOT.glob("importer*.py")), "the importer is a package, not flat modules"


def test_the_checks_see_a_violation():
    """The checks above find what they look for (they are not vacuous)."""
    assert _layer("notices.content.model") == "content"
    assert "build" not in ALLOWED["content"]
    imports = _imports(ROOT / "build" / "driver.py")
    assert any(t == "notices.build.publish" and top for t, _, top in imports)
    assert any(not top and t.startswith(LAZY_ALLOWED) for t, _, top in imports)


def test_only_the_command_line_and_tasks_import_deploy():
    """Publishing sits on top: no layer, plugin or build step imports ``notices.deploy``."""
    repo = ROOT.parent
    wrong = []
    for path in sorted([*ROOT.rglob("*.py"), *(repo / "plugins").rglob("*.py")]):
        module = _module_name(path) if path.is_relative_to(ROOT) else str(path.relative_to(repo))
        if module.startswith("notices.deploy") or module == "notices.cli":
            continue
        for target, line, _ in _imports(path):
            if target.startswith("notices.deploy"):
                wrong.append(f"{module}:{line} imports {target}")
    assert wrong == []
    assert "deploy" not in set().union(*(ALLOWED[layer] for layer in ALLOWED if layer != "deploy"))
