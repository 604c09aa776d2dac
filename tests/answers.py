"""Answers of two stores compared as the issue asks: sets of rows, where a GROUP_CONCAT cell is
the set of its parts (the order of concatenation is the engine's choice, and SPARQL 1.1 leaves its
language tag open: Oxigraph keeps a tag shared by all parts, Virtuoso drops it)."""
from __future__ import annotations

import re

import pyoxigraph as ox

_CONCAT = re.compile(r"GROUP_CONCAT\s*\((.*?)\)\s*AS\s*\?(\w+)", re.IGNORECASE | re.DOTALL)
_SEPARATOR = re.compile(r"separator\s*=\s*(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')", re.IGNORECASE)


def concat_columns(sparql: str) -> dict[str, str]:
    out = {}
    for args, name in _CONCAT.findall(sparql):
        sep = _SEPARATOR.search(args)
        out[name] = sep.group(1)[1:-1].encode().decode("unicode_escape") if sep else " "
    return out


def _cell(term, separator: str | None):
    if term is None:
        # Oxigraph leaves a GROUP_CONCAT over no rows unbound, Virtuoso binds "" (the spec's answer)
        return ("concat", frozenset()) if separator is not None else None
    if separator is not None and isinstance(term, ox.Literal):
        return ("concat", frozenset(term.value.split(separator)) if term.value else frozenset())
    if isinstance(term, ox.BlankNode):
        return "_:b"
    return str(term)


def answer(result, sparql: str):
    """A comparable form of a pyoxigraph result (solutions, boolean or triples)."""
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QuerySolutions):
        concat = concat_columns(sparql)
        names = [v.value for v in result.variables]
        return frozenset(tuple(_cell(row[n], concat.get(n)) for n in names) for row in result)
    return frozenset((_cell(t.subject, None), str(t.predicate), _cell(t.object, None)) for t in result)


def differences(a, b, limit: int = 3) -> str:
    if isinstance(a, bool) or isinstance(b, bool):
        return f"{a} != {b}"
    return (f"{len(a)} vs {len(b)} rows; only in the first: {sorted(map(str, a - b))[:limit]}; "
            f"only in the second: {sorted(map(str, b - a))[:limit]}")
