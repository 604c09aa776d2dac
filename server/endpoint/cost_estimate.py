"""How expensive a query looks before it runs, read from rdflib's algebra of it (never from its
text), and the query's shape: a hash of that algebra with variable names, literals and numbers
left out, under which the time it took is remembered (see heavy_shapes).

The estimate is a rough number of rows the engine may have to touch, in orders of magnitude,
not a promise: a triple pattern with no bound term counts as everything (10^6), one with a bound
predicate or subject as 10^4, two bound terms 10^2, a fully bound one 1. Patterns joined through
a shared variable count as their most selective member (times 10 per extra pattern with nothing
bound, which can fan out); parts with no shared variable multiply (a cartesian product); an
unbounded property path (`*`, `+`) between two variables counts 10^8. A string test (REGEX,
CONTAINS, …) multiplies what it filters by 10, ORDER BY and grouping by 5. A LIMIT caps the
count only where the engine can stop early: no ORDER BY, grouping, aggregate or FILTER below it.
The figure only sorts queries into lanes; the time limit still stops whatever runs too long.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from rdflib.paths import AlternativePath, InvPath, MulPath, NegatedPath, Path, SequencePath
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import BNode, Literal, URIRef, Variable

from dissertation_kg.server.endpoint.parse_tree import Unreadable, algebra

EVERYTHING = 1e6
_PER_BOUND = (EVERYTHING, 1e4, 1e2, 1.0)  # estimated rows of a triple pattern by its bound terms
_CLOSURE = 1e8
_STRING_TESTS = {"Builtin_REGEX", "Builtin_CONTAINS", "Builtin_STRSTARTS", "Builtin_STRENDS",
                 "Builtin_REPLACE", "Builtin_LCASE", "Builtin_UCASE", "Builtin_STR", "Builtin_SUBSTR"}


@dataclass
class Estimate:
    cost: float                       # estimated rows touched
    shape: str                        # hash of the normalised algebra ("" when unread)
    reasons: list[str] = field(default_factory=list)
    read: bool = True                 # False: not estimated (too long, or rdflib could not read it)


@dataclass
class _Part:
    rows: float
    vars: frozenset
    blocking: bool = False            # ORDER BY, GROUP BY, an aggregate or a FILTER below: LIMIT cannot stop early


def estimate(text: str, parse_wait: float | None = None) -> Estimate:
    """The estimate for a query text; raises Unreadable when rdflib cannot read it (or the
    parser stays busy past `parse_wait` seconds)."""
    tree = algebra(text, update=False, wait=parse_wait)[0]
    reasons: list[str] = []
    part = _walk(tree, reasons)
    top = tree.get("p")
    if part.rows >= EVERYTHING and not (isinstance(top, CompValue) and top.name == "Slice"):
        reasons.append(f"no LIMIT over ~{_magnitude(part.rows)} rows")
    return Estimate(cost=part.rows, shape=shape(tree), reasons=_unique(reasons))


def unread(reason: str) -> Estimate:
    return Estimate(cost=float("inf"), shape="", reasons=[reason], read=False)


__all__ = ["Estimate", "Unreadable", "estimate", "shape", "unread"]


# --------------------------------------------------------------------------- the walk


def _walk(node, reasons: list[str]) -> _Part:
    if not isinstance(node, CompValue):
        return _Part(1.0, frozenset())
    name = node.name
    if name in ("SelectQuery", "ConstructQuery", "DescribeQuery"):
        return _walk(node.p, reasons) if node.get("p") is not None else _Part(1.0, frozenset())
    if name == "AskQuery":
        return _sliced(_walk(node.p, reasons), 1, reasons)
    if name == "BGP":
        return _bgp(node.triples, reasons)
    if name in ("Join", "LeftJoin"):
        left, right = _walk(node.p1, reasons), _walk(node.p2, reasons)
        part = _join(left, right, reasons, optional=name == "LeftJoin")
        if name == "LeftJoin" and isinstance(node.get("expr"), CompValue) and node.expr.name != "TrueFilter":
            part = _filtered(part, node.expr, reasons)
        return part
    if name == "Union":
        left, right = _walk(node.p1, reasons), _walk(node.p2, reasons)
        return _Part(left.rows + right.rows, left.vars | right.vars, left.blocking or right.blocking)
    if name == "Minus":
        left, right = _walk(node.p1, reasons), _walk(node.p2, reasons)
        return _Part(left.rows + right.rows, left.vars, left.blocking or right.blocking)
    if name == "Filter":
        return _filtered(_walk(node.p, reasons), node.expr, reasons)
    if name in ("OrderBy", "Group", "AggregateJoin"):
        inner = _walk(node.p, reasons)
        if name == "OrderBy":
            weight = 5.0
            if inner.rows >= 1e4:
                reasons.append(f"ORDER BY over ~{_magnitude(inner.rows)} rows")
        elif name == "Group":
            weight = 5.0 if node.get("expr") else 1.0
            if node.get("expr") and inner.rows >= 1e4:
                reasons.append(f"GROUP BY over ~{_magnitude(inner.rows)} rows")
        else:
            weight = 1.0
        return _Part(inner.rows * weight, inner.vars, True)
    if name == "Slice":
        inner = _walk(node.p, reasons)
        length = node.get("length")
        if length is None:
            return inner
        return _sliced(inner, (node.get("start") or 0) + length, reasons)
    if name == "values":
        rows = float(len(node.get("res") or [])) or 1.0
        return _Part(rows, frozenset(v for row in node.get("res") or [] for v in row))
    if name == "ServiceGraphPattern":
        return _Part(1e4, frozenset(), True)  # another endpoint's work; the SERVICE limit bounds it
    # Project, Extend, Distinct, Reduced, Graph, ToMultiSet, …: the rows of what they wrap
    inner = [_walk(child, reasons) for key, child in node.items()
             if not key.startswith("_") and isinstance(child, CompValue) and key in ("p", "p1", "p2")]
    if not inner:
        return _Part(1.0, frozenset())
    part = inner[0]
    for other in inner[1:]:
        part = _join(part, other, reasons)
    if name == "Graph" and isinstance(node.get("term"), Variable):
        part = _Part(part.rows, part.vars | {node.term}, part.blocking)
    return part


def _sliced(inner: _Part, keep: float, reasons: list[str]) -> _Part:
    if inner.blocking:
        return inner  # everything is computed before the first row comes out
    return _Part(min(inner.rows, float(keep)), inner.vars, False)


def _filtered(inner: _Part, expr, reasons: list[str]) -> _Part:
    tests = _builtins(expr) & _STRING_TESTS
    rows = inner.rows
    if tests:
        rows *= 10.0
        if inner.rows >= 1e4:
            names = ", ".join(sorted(t.removeprefix("Builtin_") for t in tests))
            reasons.append(f"string test ({names}) over ~{_magnitude(inner.rows)} rows")
    if any(name.startswith("Builtin_EXISTS") or name.startswith("Builtin_NOTEXISTS") for name in _builtins(expr)):
        rows *= 10.0
    # a filter may reject every row, so a LIMIT above it cannot bound the work
    return _Part(rows, inner.vars, True)


def _builtins(expr) -> set[str]:
    found: set[str] = set()
    stack = [expr]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            found.add(item.name)
            stack.extend(v for k, v in item.items() if not k.startswith("_"))
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
    return found


def _join(left: _Part, right: _Part, reasons: list[str], optional: bool = False) -> _Part:
    blocking = left.blocking or right.blocking
    names = left.vars | right.vars
    if left.vars & right.vars or left.rows <= 1 or right.rows <= 1:
        if optional:
            return _Part(left.rows, names, blocking)
        rows = min(left.rows, right.rows)
        if left.rows >= EVERYTHING and right.rows >= EVERYTHING:
            rows *= 10.0  # two unselective parts joined: each row may meet many
        return _Part(rows, names, blocking)
    rows = left.rows * right.rows
    if rows >= EVERYTHING:
        reasons.append(f"cartesian product (parts sharing no variable, ~{_magnitude(left.rows)} x "
                       f"~{_magnitude(right.rows)} rows)")
    return _Part(rows, names, blocking)


def _term_vars(term) -> set:
    return {term} if isinstance(term, (Variable, BNode)) else set()


def _bgp(triples, reasons: list[str]) -> _Part:
    """Group the patterns into parts connected by shared variables (blank nodes in a pattern are
    variables too), estimate each part, multiply the parts."""
    pats = []
    for s, p, o in triples:
        names = _term_vars(s) | _term_vars(o) | (_term_vars(p) if not isinstance(p, Path) else set())
        pats.append((names, _pattern_rows(s, p, o, reasons)))
    parts: list[tuple[set, list[float]]] = []
    for names, rows in pats:
        merged: tuple[set, list[float]] = (set(names), [rows])
        rest = []
        for part in parts:
            if part[0] & names:
                merged[0].update(part[0])
                merged[1].extend(part[1])
            else:
                rest.append(part)
        parts = rest + [merged]
    if not parts:
        return _Part(1.0, frozenset())
    estimates = []
    for names, rows in parts:
        best = min(rows)
        unselective = sum(1 for r in rows if r >= EVERYTHING)
        fan_out = unselective - (1 if best >= EVERYTHING else 0)
        if unselective >= 2:
            reasons.append(f"{unselective} joined patterns with no bound term")
        estimates.append(_Part(best * (10.0 ** fan_out), frozenset(names)))
    part = estimates[0]
    for other in estimates[1:]:
        part = _join(part, other, reasons)
    return part


def _pattern_rows(s, p, o, reasons: list[str]) -> float:
    ends_bound = sum(1 for t in (s, o) if not isinstance(t, (Variable, BNode)))
    if isinstance(p, Path):
        if _unbounded(p):
            if ends_bound == 0:
                reasons.append("unbounded property path (* or +) between two variables")
                return _CLOSURE
            return _PER_BOUND[1]  # everything reachable from one node
        if isinstance(p, NegatedPath):
            return _PER_BOUND[ends_bound]  # any predicate but a few: as good as a variable
        return _PER_BOUND[1 + ends_bound]
    bound = ends_bound + (0 if isinstance(p, (Variable, BNode)) else 1)
    if bound == 0:
        reasons.append("a pattern with no bound term")
    return _PER_BOUND[bound]


def _unbounded(path) -> bool:
    if isinstance(path, MulPath):
        return path.mod in ("*", "+") or _unbounded(path.path)
    if isinstance(path, (SequencePath, AlternativePath)):
        return any(_unbounded(a) for a in path.args)
    if isinstance(path, InvPath):
        return _unbounded(path.arg)
    return False


def _magnitude(rows: float) -> str:
    if rows == float("inf"):
        return "unbounded"
    return f"10^{len(str(int(rows))) - 1}" if rows >= 10 else str(int(rows))


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


# --------------------------------------------------------------------------- the shape


def shape(tree) -> str:
    """A hash of the algebra with variables renamed in order of appearance and literals, blank
    nodes and numbers left out: two queries that differ only in those share a shape."""
    names: dict = {}
    out: list[str] = []

    def emit(item) -> None:
        if isinstance(item, CompValue):
            out.append(f"({item.name}")
            for key, value in item.items():
                if key.startswith("_") or key in ("PV", "datasetClause"):
                    continue
                out.append(f" {key}=")
                emit(value)
            out.append(")")
        elif isinstance(item, Variable):
            out.append(names.setdefault(item, f"?{len(names)}"))
        elif isinstance(item, (Literal, BNode)) or (isinstance(item, (int, float)) and not isinstance(item, bool)):
            out.append("L")
        elif isinstance(item, URIRef):
            out.append(f"<{item}>")
        elif isinstance(item, Path):
            out.append(f"[{type(item).__name__} {item.n3()}]")
        elif isinstance(item, (list, tuple)):
            out.append("[")
            for x in item:
                emit(x)
                out.append(",")
            out.append("]")
        elif isinstance(item, dict):
            for k in sorted(item, key=str):
                emit(k)
                emit(item[k])
        else:
            out.append(repr(item))

    emit(tree)
    return hashlib.sha1("".join(out).encode()).hexdigest()[:16]
