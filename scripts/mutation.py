#!/usr/bin/env python3
"""Plant small, plausible bugs in the code one at a time and see whether the tests notice.

    python scripts/mutation.py                          # mappings/, a 20-minute budget
    python scripts/mutation.py --budget 600 --sample 40 --seed 1
    python scripts/mutation.py --target server/endpoint/executor.py --tests tests/test_limits.py
    python scripts/mutation.py --list                   # the mutants, without running anything

Each mutant changes one thing in one module (a comparison, a number, a boolean operator, a
`not`, one alternative of a regular expression, one word of a keyword list) and runs the tests
that guard that code with `-x`; a mutant the tests do not fail on *survived*, and is printed
with its place so a test can be written for it. The score is the share of mutants killed.

Why not mutmut: it needs the code importable from one source tree it copies, and this
project's packages are mapped from several top-level folders (pyproject's package-dir); the
operators that matter here (regex alternatives and keyword lists that decide what a heading
is) are not among its mutations either. The mutated file is written in place and restored in
a `finally`, so run this on a clean checkout; it refuses to start when a target has
uncommitted changes.
"""
from __future__ import annotations

import argparse
import ast
import random
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TESTS = ["tests/test_seeds.py", "tests/test_variants.py", "tests/test_unseen.py",
                 "tests/test_messy_structure.py", "tests/test_kinds_and_gaps.py", "tests/test_formats.py",
                 "tests/test_reflow.py", "tests/test_linking.py", "tests/test_pairing.py",
                 "tests/test_bad_input.py", "tests/test_eval_published.py"]
_SWAP = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
         ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In}


@dataclass
class Mutant:
    path: Path
    line: int
    what: str
    source: str          # the whole mutated module

    def place(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def _alternatives(pattern: str) -> list[str]:
    """Top-level `a|b|c` of a regular expression, or of a group that is the whole pattern."""
    depth, start, parts = 0, 0, []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts if len(parts) > 1 else []


def _is_regex(text: str) -> bool:
    return bool(re.search(r"\\[wsbdWSB]|\(\?|\[[^\]]+\]|\w\*|\w\+", text))


def mutants(path: Path) -> list[Mutant]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    found: list[Mutant] = []
    lines = source.splitlines(keepends=True)

    def replace_segment(node: ast.AST, text: str) -> str | None:
        if node.lineno != node.end_lineno:
            return None
        line = lines[node.lineno - 1]
        new_line = line[:node.col_offset] + text + line[node.end_col_offset:]
        return "".join(lines[:node.lineno - 1] + [new_line] + lines[node.lineno:])

    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _SWAP:
            op = node.ops[0]
            node.ops[0] = _SWAP[type(op)]()
            text = ast.unparse(node)
            node.ops[0] = op
            new = replace_segment(node, text)
            if new:
                found.append(Mutant(path, node.lineno, f"{ast.unparse(node)}  →  {text}", new))
        elif isinstance(node, ast.BoolOp):
            old = node.op
            node.op = ast.Or() if isinstance(old, ast.And) else ast.And()
            text = ast.unparse(node)
            node.op = old
            new = replace_segment(node, text)
            if new:
                found.append(Mutant(path, node.lineno, f"{'and' if isinstance(old, ast.And) else 'or'} → "
                                    f"{'or' if isinstance(old, ast.And) else 'and'}", new))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            new = replace_segment(node, f"({ast.unparse(node.operand)})")
            if new:
                found.append(Mutant(path, node.lineno, f"drop `not` in {ast.unparse(node)[:60]}", new))
        elif isinstance(node, ast.Constant) and id(node) not in docstrings:
            value = node.value
            if isinstance(value, bool) or value is None:
                continue
            if isinstance(value, (int, float)) and value not in (0,) and abs(value) < 10_000:
                bumped = value + 1 if isinstance(value, int) else value * 2
                new = replace_segment(node, repr(bumped))
                if new:
                    found.append(Mutant(path, node.lineno, f"{value!r} → {bumped!r}", new))
            elif isinstance(value, str) and _is_regex(value):
                alts = _alternatives(value)
                for i, alt in enumerate(alts):
                    if len(alt) < 3:
                        continue
                    dropped = "|".join(a for j, a in enumerate(alts) if j != i)
                    new = replace_segment(node, repr(dropped))
                    if new:
                        found.append(Mutant(path, node.lineno, f"regex loses alternative {alt[:50]!r}", new))
        elif isinstance(node, (ast.List, ast.Tuple, ast.Set)) and len(node.elts) >= 3 and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
            # keyword lists: drop one word
            for i, e in enumerate(node.elts):
                if e.lineno != e.end_lineno:
                    continue
                line = lines[e.lineno - 1]
                end = e.end_col_offset
                tail = line[end:]
                cut = len(tail) - len(tail.lstrip(" ,")) if tail.lstrip().startswith(",") else 0
                new_line = line[:e.col_offset] + line[end + cut:]
                new = "".join(lines[:e.lineno - 1] + [new_line] + lines[e.lineno:])
                try:
                    ast.parse(new)
                except SyntaxError:
                    continue
                found.append(Mutant(path, e.lineno, f"list loses {e.value[:50]!r}", new))
    return found


def run_tests(tests: list[str], timeout: float) -> str:
    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--no-header",
           "-m", "not slow", *tests]
    try:
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "killed (timeout)"
    return "survived" if done.returncode == 0 else "killed"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--target", action="append", help="file or folder to mutate (default mappings/)")
    ap.add_argument("--tests", action="append", help="test files to run per mutant (default: the mapper tests)")
    ap.add_argument("--budget", type=float, default=1200, help="seconds for the whole run")
    ap.add_argument("--sample", type=int, default=0, help="run N mutants drawn at random (0: all, in order)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=300, help="seconds per mutant's test run")
    ap.add_argument("--list", action="store_true", help="print the mutants and exit")
    args = ap.parse_args()

    targets = [ROOT / t for t in (args.target or ["mappings"])]
    files = sorted({p for t in targets for p in ([t] if t.is_file() else t.rglob("*.py"))
                    if p.name != "__init__.py" and "eval" not in p.stem})
    all_mutants = [m for f in files for m in mutants(f)]
    if args.list:
        for m in all_mutants:
            print(f"{m.place()}: {m.what}")
        print(f"{len(all_mutants)} mutants in {len(files)} files")
        return 0
    dirty = subprocess.run(["git", "status", "--porcelain", "--", *map(str, files)], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    if dirty:
        print(f"uncommitted changes in the targets; commit or stash them first:\n{dirty}", file=sys.stderr)
        return 2
    tests = [t for t in (args.tests or DEFAULT_TESTS) if (ROOT / t).exists()]
    if run_tests(tests, args.timeout) != "survived":
        print("the tests fail without any mutant; fix them first", file=sys.stderr)
        return 2
    chosen = list(all_mutants)
    if args.sample:
        chosen = random.Random(args.seed).sample(chosen, min(args.sample, len(chosen)))
    start, results = time.monotonic(), []
    for i, m in enumerate(chosen, 1):
        if time.monotonic() - start > args.budget:
            print(f"budget of {args.budget:g} s spent after {i - 1} mutants")
            break
        original = m.path.read_text(encoding="utf-8")
        try:
            m.path.write_text(m.source, encoding="utf-8")
            outcome = run_tests(tests, args.timeout)
        finally:
            m.path.write_text(original, encoding="utf-8")
        results.append((m, outcome))
        print(f"[{i}/{len(chosen)}] {outcome:9} {m.place()}: {m.what}", flush=True)
    killed = sum(o.startswith("killed") for _m, o in results)
    survivors = [m for m, o in results if o == "survived"]
    print(f"\n{killed} of {len(results)} mutants killed ({killed / max(1, len(results)):.0%}); "
          f"{len(all_mutants)} possible in {len(files)} files")
    if survivors:
        print("survived (write a test that fails on each):")
        for m in survivors:
            print(f"  {m.place()}: {m.what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
