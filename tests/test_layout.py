"""Imports run one way: cli → app → curation / publishing → endpoint → build → search → store → mappings.

Read from the source with `ast` (no import side effects), including imports inside functions,
so a lazy import that runs back up is caught too. Each package's docstring says the same rules
in words; this test is what holds them.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SERVER = ROOT / "server"
PREFIX = "dissertation_kg."

# What each part of `server` (and `mappings`) may import from inside the project, beside itself.
ALLOWED = {
    "mappings": set(),
    "store": {"mappings"},
    "generator": set(),
    "search": {"store", "mappings"},
    "build": {"search", "store", "mappings"},
    "endpoint": {"search", "store", "config", "processes", "mappings"},
    "publishing": {"endpoint", "search", "store", "config", "mappings"},
    "curation": {"build", "store", "config", "processes", "mappings"},
    "config": {"store"},
    "processes": set(),
    "app": {"endpoint", "publishing", "curation", "search", "store", "config", "mappings"},
    "cli": {"app", "curation", "publishing", "endpoint", "build", "search", "generator", "store", "config",
            "processes", "mappings"},
}


def _part(module: str) -> str | None:
    """`dissertation_kg.server.build.pipeline` → `build`; `dissertation_kg.mappings.x` → `mappings`."""
    if not module.startswith(PREFIX):
        return None
    parts = module[len(PREFIX):].split(".")
    if parts[0] == "mappings":
        return "mappings"
    if parts[0] == "server" and len(parts) > 1:
        return parts[1]
    return parts[0]  # ontology, queries, seeds: data folders, not code


def _imports(path: Path, module: str) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            if target == f"{PREFIX}server" or (node.level and not node.module):
                # `from dissertation_kg.server import build` names sub-packages themselves
                found += [(node.lineno, f"{target}.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, target))
    return found


def _modules():
    for folder, dotted in ((SERVER, f"{PREFIX}server"), (ROOT / "mappings", f"{PREFIX}mappings")):
        for path in sorted(folder.rglob("*.py")):
            rel = path.relative_to(folder).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            yield path, ".".join([dotted, *parts])


def _violations() -> list[str]:
    problems = []
    for path, module in _modules():
        own = _part(module)
        if module == f"{PREFIX}server":
            continue  # the package docstring
        assert own in ALLOWED, f"{path}: new part {own!r} of the code; add it to ALLOWED with its rules"
        for line, target in _imports(path, module):
            other = _part(target)
            if other is None or other == own or other in {"ontology", "queries", "seeds", "server"}:
                continue
            if other not in ALLOWED[own]:
                problems.append(f"{path.relative_to(ROOT)}:{line}: {own} imports {target} ({other})")
    return problems


def test_imports_run_one_way():
    problems = _violations()
    assert not problems, ("imports that run back up the layers (move the code down, or pass it in):\n"
                          + "\n".join(problems))


def test_every_server_module_sits_in_a_package_named_for_its_concern():
    top = sorted(p.name for p in SERVER.glob("*.py"))
    assert top == ["__init__.py", "app.py", "config.py", "processes.py"], top
    # Two or more modules of one folder sharing a name prefix (cli_build, cli_query) are a folder
    # waiting to exist.
    for folder in [SERVER, *sorted(p for p in SERVER.iterdir() if p.is_dir())]:
        stems = [p.stem for p in folder.glob("*.py") if "_" in p.stem.strip("_")]
        prefixes = [s.split("_")[0] for s in stems]
        shared = sorted({p for p in prefixes if prefixes.count(p) > 1})
        assert not shared, f"{folder}: name prefixes standing in for folders: {shared}"


def test_every_package_says_its_job_and_what_it_may_import():
    for init in sorted(SERVER.glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert len(doc) > 80, f"{init}: the package docstring should say its job"
        if init.parent.name != "cli":
            assert "May import" in doc, f"{init}: say what the package may import"


@pytest.mark.parametrize("source, expected", [
    ("from dissertation_kg.server.cli import main\n", "cli"),
    ("def f():\n    from dissertation_kg.server.curation import check\n", "curation"),
    ("from dissertation_kg.server import publishing\n", "publishing"),
])
def test_the_walk_sees_imports_that_run_back_up(tmp_path, source, expected):
    # The checker itself must catch an upward arrow, including one hidden inside a function.
    path = tmp_path / "pipeline.py"
    path.write_text(source, encoding="utf-8")
    targets = [_part(t) for _line, t in _imports(path, f"{PREFIX}server.build.pipeline")]
    assert expected in targets and expected not in ALLOWED["build"]
