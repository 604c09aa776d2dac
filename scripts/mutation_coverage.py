"""Which tests run a line of code: the coverage map that lets each mutant run only those tests.

One run of the area's tests under coverage.py, with the running test as coverage's context,
gives for every line of the targets the contexts that executed it. `build_map` makes it (or
reads it from the cache), `select` turns one mutant's line into the tests to run.

Contexts, set by the pytest plugin below (loaded with `-p mutation_coverage` in that run only):
  `<node id>`          the test's own body;
  `setup:<node id>`    its fixtures' setup and teardown: a module- or session-scoped fixture is
                       built in the first test that asks for it and read by all the others;
  `collect:<file>`     importing a test file (parametrize lists computed at import);
  `cached:<function>`  a miss of a small `functools.lru_cache` (a loader: the lexicon, the
                       gender guesser), whose result every later caller reads without running it;
  ``                   pytest's start (conftest imports the mappers: module-level code).
Subprocesses the tests start (`patch = subprocess`) are measured with the context of the test
that started them. Large lru caches (memos of words) are emptied before every test, so each test
runs the lines it needs itself instead of reading what an earlier test left.
"""
from __future__ import annotations

import ast
import functools
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("DKG_MUTATION_CACHE", Path.home() / ".cache" / "dissertation-kg" / "mutation"))
_EXTRA_ENV = "DKG_MUTATION_MAP"      # where the plugin writes what coverage cannot see
_LOADER_MAXSIZE = 8                  # lru caches this small hold loaded resources, not memos


# --- recording: a pytest plugin, loaded only into the run that builds the map -----------------
_state = {"context": "", "memos": [], "calls": {}, "within": {}, "fixtures": {}, "loading": []}


def _switch(context: str) -> None:
    import copy

    import coverage
    cov = coverage.Coverage.current()
    if cov is None:
        return
    _state["context"] = context
    cov.switch_context(context)
    # a subprocess started now is measured under the same context (its static one)
    config = copy.copy(cov.config)
    config.context = context
    os.environ["COVERAGE_PROCESS_CONFIG"] = config.serialize()


def _tracking_lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and not isinstance(maxsize, bool):      # @lru_cache without arguments
        return _tracking_lru_cache()(maxsize)

    def decorate(f):
        if maxsize is not None and maxsize <= _LOADER_MAXSIZE:
            return _loader(f, maxsize, typed)
        cached = _real_lru_cache(maxsize, typed)(f)
        _state["memos"].append(cached)
        return cached
    return decorate


def _loader(f, maxsize, typed):
    name = f"{f.__module__}.{f.__qualname__}"

    @functools.wraps(f)
    def miss(*args, **kwargs):
        outer = _state["context"]
        _state["loading"].append(name)
        _switch(f"cached:{name}")
        try:
            return f(*args, **kwargs)
        finally:
            _state["loading"].pop()
            _switch(outer)
    cached = _real_lru_cache(maxsize, typed)(miss)

    @functools.wraps(f)
    def call(*args, **kwargs):
        _state["calls"].setdefault(name, set()).add(_state["context"])
        if _state["loading"]:
            _state["within"].setdefault(name, set()).add(_state["loading"][-1])
        return cached(*args, **kwargs)
    call.cache_clear, call.cache_info = cached.cache_clear, cached.cache_info
    return call


_real_lru_cache = functools.lru_cache
if os.environ.get(_EXTRA_ENV):
    # before the mappers are imported (conftest imports them after `-p` plugins)
    functools.lru_cache = _tracking_lru_cache


def pytest_collectstart(collector):
    import pytest
    if isinstance(collector, pytest.Module):
        _switch(f"collect:{collector.nodeid}")


def pytest_collectreport(report):  # noqa: ARG001 (pytest's signature)
    _switch("")


def pytest_collection_modifyitems(items):
    for item in items:
        shared = []
        for name, defs in item._fixtureinfo.name2fixturedefs.items():
            scope = defs[-1].scope
            if scope == "session":
                shared.append(name)
            elif scope in ("module", "package"):
                shared.append(f"{item.location[0]}::{name}")
            elif scope == "class" and item.cls is not None:
                shared.append(f"{item.location[0]}::{item.cls.__name__}::{name}")
        _state["fixtures"][item.nodeid] = shared


def pytest_runtest_setup(item):
    for memo in _state["memos"]:
        memo.cache_clear()
    _switch(f"setup:{item.nodeid}")


def pytest_runtest_call(item):
    _switch(item.nodeid)


def pytest_runtest_teardown(item):
    _switch(f"setup:{item.nodeid}")


def pytest_runtest_logfinish(nodeid, location):  # noqa: ARG001 (pytest's signature)
    _switch("")


def pytest_sessionfinish(session, exitstatus):  # noqa: ARG001 (pytest's signature)
    out = os.environ.get(_EXTRA_ENV)
    if out:
        Path(out).write_text(json.dumps({
            "calls": {k: sorted(v) for k, v in _state["calls"].items()},
            "within": {k: sorted(v) for k, v in _state["within"].items()},
            "fixtures": _state["fixtures"]}), encoding="utf-8")


# --- the map -----------------------------------------------------------------------------------
# pyproject's package-dir, and the scripts some tests run
PACKAGE_DIRS = ("mappings", "server", "ontology", "queries", "seeds", "scripts")
_RECORDER = 1      # bump when the recording above changes what a map holds


def _read_by_tests(path: str, tests: list[str]) -> bool:
    """Whether a tracked file can change which test runs which line: not the docs, not the
    mutation scripts (the selection reads the map, it does not make it), not a test file the
    area does not run."""
    if path.endswith(".md") or path in ("scripts/mutation.py", "scripts/mutation_coverage.py"):
        return False
    return not (re.fullmatch(r"tests/test_\w+\.py", path) and path not in tests)


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def fingerprint(tests: list[str]) -> str:
    """The commit's files that the tests may read, and uncommitted changes to them: one commit
    builds the map once, and a commit of docs or other tests keeps it."""
    h = hashlib.sha256(json.dumps([_RECORDER, tests, sys.version]).encode())
    for line in _git("ls-tree", "-r", "HEAD").splitlines():
        if _read_by_tests(line.split("\t", 1)[1], tests):
            h.update(line.encode())
    for path in _git("diff", "HEAD", "--name-only").splitlines():
        if _read_by_tests(path, tests):
            h.update(path.encode() + ((ROOT / path).read_bytes() if (ROOT / path).exists() else b"deleted"))
    return h.hexdigest()[:24]


def build_map(tests: list[str], env: dict[str, str], record_env: str, log=print) -> dict:
    import shutil
    import tempfile
    import importlib.util
    if importlib.util.find_spec("coverage") is None:
        raise RuntimeError("coverage.py is not installed in this Python; install the mutation extra: "
                           f"{sys.executable} -m pip install -e '.[mutation]'")
    key = fingerprint(tests)
    cached = CACHE / f"{key}.json"
    if cached.exists():
        log(f"coverage map: {cached} (cached)")
        return json.loads(cached.read_text(encoding="utf-8"))
    work = Path(tempfile.mkdtemp(prefix="mutation-map-"))
    rc = work / "coveragerc"
    rc.write_text("[run]\n"
                  f"data_file = {work / 'cov'}\n"
                  "parallel = true\n"
                  "patch = subprocess\n"
                  "source =\n" + "".join(f"    {ROOT / d}\n" for d in PACKAGE_DIRS) +
                  "disable_warnings = module-not-measured, no-data-collected, module-not-imported, "
                  "couldnt-parse\n", encoding="utf-8")
    log("coverage map: running the tests under coverage, one context per test (cached after) …")
    run_env = dict(env, **{_EXTRA_ENV: str(work / "extra.json"), record_env: str(work / "durations.json"),
                           # a lexicon compiled on disk by an earlier process would run no code here,
                           # and is compiled again under a mutant (its key hashes the mappers)
                           "DKG_LEXICON_CACHE": "off",
                           # build workers are forked from a forkserver that coverage would attribute
                           # to whichever test started it: map in the test's own process
                           "DKG_BUILD_WORKERS": "1"})
    cmd = [sys.executable, "-m", "coverage", "run", f"--rcfile={rc}", "-m", "pytest", "-q",
           "-p", "no:cacheprovider", "-p", "mutation", "-p", "mutation_coverage", "--no-header",
           "-m", "not slow", *tests]
    done = subprocess.run(cmd, cwd=ROOT, env=run_env, capture_output=True, text=True)
    failed = sorted({m.split("::")[0] for m in re.findall(r"^(?:FAILED|ERROR) (\S+)", done.stdout, re.M)})
    if done.returncode != 0 and not failed:
        raise RuntimeError(f"the tests did not run under coverage (exit {done.returncode}):\n"
                           f"{done.stdout[-3000:]}{done.stderr[-3000:]}")
    cmap = assemble(work, env, key, failed)
    if failed:
        # (a test can fail under coverage alone: a subprocess's time limit, say) its file has no
        # trustworthy lines and runs whole for every mutant
        log(f"coverage map: tests failed under coverage in {', '.join(failed)}: run whole for every mutant")
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(".tmp")
    tmp.write_text(json.dumps(cmap), encoding="utf-8")
    tmp.replace(cached)
    shutil.rmtree(work, ignore_errors=True)
    log(f"coverage map: {len(cmap['files'])} files, {len(cmap['fixtures'])} tests, saved as {cached}")
    return cmap


def assemble(work: Path, env: dict[str, str], key: str, failed: list[str]) -> dict:
    rc = work / "coveragerc"
    subprocess.run([sys.executable, "-m", "coverage", "combine", f"--rcfile={rc}"], cwd=ROOT, env=env,
                   capture_output=True, check=True)
    import coverage
    data = coverage.CoverageData(basename=str(work / "cov"))
    data.read()
    index: dict[str, int] = {}
    files = {}
    for f in data.measured_files():
        files[os.path.relpath(f, ROOT)] = {
            str(n): sorted(index.setdefault(c, len(index)) for c in cs)
            for n, cs in data.contexts_by_lineno(f).items()}
    extra = json.loads((work / "extra.json").read_text(encoding="utf-8"))
    return {"key": key, "commit": _git("rev-parse", "--short", "HEAD").strip(), "contexts": list(index),
            "files": files, "durations": json.loads((work / "durations.json").read_text(encoding="utf-8")),
            "unmapped": failed, **extra}


# --- selection -----------------------------------------------------------------------------------
_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef)


class Selection:
    """The tests one mutant runs: node ids and whole files, or everything (`tests` None)."""

    def __init__(self, tests: set[str] | None, files: set[str], reason: str = ""):
        self.tests, self.files, self.reason = tests, files, reason

    def empty(self) -> bool:
        return self.tests is not None and not self.tests and not self.files


class Sources:
    """The project's modules parsed once: who imports what, for the names an import-time line binds."""

    def __init__(self, root: Path = ROOT, dirs=PACKAGE_DIRS, tests_dir: str = "tests"):
        self.root, self.trees, self.names = root, {}, {}
        for d in dirs:
            for p in sorted((root / d).rglob("*.py")):
                rel = p.relative_to(root).as_posix()
                try:
                    self.trees[rel] = ast.parse(p.read_text(encoding="utf-8"))
                except SyntaxError:
                    continue
                parts = rel[:-3].split("/")
                self.names[rel] = ".".join(["dissertation_kg", *parts[:-1]] +
                                           ([] if parts[-1] == "__init__" else [parts[-1]]))
        self.tests = {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
                      for p in sorted((root / tests_dir).glob("*.py"))}

    def imported(self, rel: str, node: ast.ImportFrom) -> str:
        if not node.level:
            return node.module or ""
        package = self.names[rel].split(".")
        if not rel.endswith("__init__.py"):
            package = package[:-1]
        package = package[:len(package) - node.level + 1]
        return ".".join(package + ([node.module] if node.module else []))


def _bound(stmt: ast.stmt) -> set[str]:
    """The module-level names a statement binds (not a comprehension's own variables)."""
    if isinstance(stmt, (*_DEFS, ast.ClassDef)):
        return {stmt.name}
    targets = {ast.Assign: lambda s: s.targets, ast.AnnAssign: lambda s: [s.target],
               ast.AugAssign: lambda s: [s.target], ast.For: lambda s: [s.target]}.get(type(stmt))
    if targets is None:
        return set()
    return {n.id for t in targets(stmt) for n in ast.walk(t) if isinstance(n, ast.Name)}


def _start(stmt: ast.stmt) -> int:
    return min([stmt.lineno] + [d.lineno for d in getattr(stmt, "decorator_list", [])])


def _top_statement(tree: ast.Module, line: int) -> ast.stmt | None:
    return next((s for s in tree.body if _start(s) <= line <= s.end_lineno), None)


def statement_lines(tree: ast.Module, line: int) -> range:
    """The lines coverage may credit for the statement holding `line` (a multi-line list or call
    is recorded on one of its lines; of an `if` or `for`, only its header)."""
    body: list[ast.stmt] = tree.body
    while True:
        stmt = next((s for s in body if _start(s) <= line <= s.end_lineno), None)
        if stmt is None:
            return range(line, line + 1)
        blocks = [b for f in ("body", "orelse", "finalbody", "handlers", "cases")
                  for b in [getattr(stmt, f, None)] if isinstance(b, list) and b]
        inner = [s for b in blocks for s in b if isinstance(s, ast.AST) and hasattr(s, "end_lineno")
                 and s.lineno <= line <= s.end_lineno]
        if not inner:
            first_child = min((s.lineno for b in blocks for s in b if hasattr(s, "lineno")), default=None)
            end = stmt.end_lineno if first_child is None or first_child <= line else first_child - 1
            return range(_start(stmt), end + 1)
        child = inner[0]
        if isinstance(child, ast.ExceptHandler) or isinstance(child, getattr(ast, "match_case", ())):
            if child.body and line < child.body[0].lineno:
                return range(child.lineno if hasattr(child, "lineno") else line, child.body[0].lineno)
            body = child.body
        else:
            body = [child]


def enclosing_function(tree: ast.Module, line: int) -> ast.FunctionDef | None:
    """The innermost def whose body holds `line` (its header and defaults run at import)."""
    found = None
    for node in ast.walk(tree):
        if isinstance(node, _DEFS) and node.body[0].lineno <= line <= node.end_lineno:
            if found is None or node.body[0].lineno > found.body[0].lineno:
                found = node
    return found


def _body_lines(f: ast.FunctionDef) -> range:
    return range(f.body[0].lineno, f.end_lineno + 1)


class Selector:
    def __init__(self, cmap: dict, sources: Sources):
        self.cmap, self.sources = cmap, sources
        self.lines = cmap["files"]     # file → line (a string, as JSON keeps it) → context numbers
        self.sharing: dict[str, set[str]] = {}
        for test, fixtures in cmap["fixtures"].items():
            for fx in fixtures:
                self.sharing.setdefault(fx, set()).add(test)

    def contexts(self, rel: str, lines) -> set[str]:
        by_line = self.lines.get(rel, {})
        numbers = {i for n in lines for i in by_line.get(str(n), ())}
        return {self.cmap["contexts"][i] for i in numbers}

    def expand(self, contexts, tests: set[str], files: set[str], seen: set[str] | None = None) -> None:
        """Contexts → the tests that would see a change made there."""
        seen = set() if seen is None else seen
        for c in contexts:
            if c.startswith("collect:"):
                files.add(c[len("collect:"):])
            elif c.startswith("setup:"):
                test = c[len("setup:"):]
                tests.add(test)
                for fx in self.cmap["fixtures"].get(test, ()):
                    tests |= self.sharing[fx]
            elif c.startswith("cached:"):
                name = c[len("cached:"):]
                if name not in seen:
                    seen.add(name)
                    self.expand(self.cmap["calls"].get(name, ()), tests, files, seen)
                    self.expand([f"cached:{p}" for p in self.cmap["within"].get(name, ())], tests, files, seen)
            elif c:
                tests.add(c)

    def select(self, rel: str, line: int) -> Selection:
        tree = self.sources.trees[rel]
        contexts = self.contexts(rel, statement_lines(tree, line))
        func = enclosing_function(tree, line)
        tests: set[str] = set()
        files: set[str] = set()
        self.expand(contexts, tests, files)
        taint: set[str] = set()
        top = _top_statement(tree, line)
        if func is None or any(c == "" or c.startswith("collect:") for c in contexts):
            # runs at import: what it defines is read later by whoever uses those names
            taint |= _bound(top) if top is not None else set()
        if func is not None:
            taint |= {n for g in ast.walk(func) if isinstance(g, ast.Global) for n in g.names}
        if taint:
            self.readers(rel, taint, tests, files)
        files |= set(self.cmap.get("unmapped", ()))
        if not tests and not files:
            return Selection(set(), set(), "no test runs this line")
        return Selection(tests, files)

    def readers(self, rel: str, names: set[str], tests: set[str], files: set[str]) -> None:
        """Add the tests that run a function reading one of `names` (module `rel`'s globals),
        following them through module-level statements and imports (a name derived from a
        tainted one is tainted too)."""
        src = self.sources
        tainted = {(rel, n) for n in names}
        modules = {src.names[r]: r for r in src.trees}
        while True:
            before = len(tainted)
            for r, tree in src.trees.items():
                aliases = self._aliases(r, tree, tainted, modules)
                for stmt in tree.body:
                    if not isinstance(stmt, _DEFS) and _reads(stmt, r, tainted, aliases):
                        tainted |= {(r, n) for n in _bound(stmt)}
                    elif isinstance(stmt, _DEFS) and any(
                            _reads(x, r, tainted, aliases) for x in [*stmt.decorator_list, stmt.args]):
                        tainted.add((r, stmt.name))
            if len(tainted) == before:
                break
        for r, tree in src.trees.items():
            aliases = self._aliases(r, tree, tainted, modules)
            for f in ast.walk(tree):
                if isinstance(f, _DEFS) and any(_reads(s, r, tainted, aliases) for s in f.body):
                    # (a module no test imported has no lines in the map: nothing to add)
                    self.expand(self.contexts(r, _body_lines(f)), tests, files)
        # a test file may read a table itself (a parametrize list)
        plain = {n for r, n in tainted if not isinstance(_top_def(src.trees[r], n), _DEFS)}
        for path, text in src.tests.items():
            if any(re.search(rf"\b{re.escape(n)}\b", text) for n in plain):
                files.add(path)

    def _aliases(self, rel: str, tree: ast.Module, tainted, modules) -> dict[str, str]:
        """Names in `rel` that stand for another project module, and tainted names imported by name."""
        out: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.name in modules:
                        out[a.asname or a.name] = modules[a.name]
            elif isinstance(node, ast.ImportFrom):
                base = self.sources.imported(rel, node)
                for a in node.names:
                    full = f"{base}.{a.name}"
                    if full in modules:
                        out[a.asname or a.name] = modules[full]
                    elif base in modules and (modules[base], a.name) in tainted:
                        tainted.add((rel, a.asname or a.name))
        return out


def _top_def(tree: ast.Module, name: str):
    return next((s for s in tree.body if isinstance(s, (*_DEFS, ast.ClassDef)) and s.name == name), None)


def _reads(node: ast.AST, rel: str, tainted, aliases: dict[str, str]) -> bool:
    for n in ast.walk(node):
        if isinstance(n, ast.Name) and (rel, n.id) in tainted:
            return True
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id in aliases \
                and (aliases[n.value.id], n.attr) in tainted:
            return True
    return False
