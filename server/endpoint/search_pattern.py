"""Evaluate the full-text search blocks of a request before the store sees it.

`SERVICE <https://w3id.org/dissertation-kg/search> { … }` names this endpoint's own search, not
a remote endpoint: each such block is found with the lexical scan (so a string or comment that
merely contains the words is never touched), evaluated by `search.sparql_service`, and replaced
by a VALUES block of its hits. What remains goes to the federation guard and the store as usual.
"""
from __future__ import annotations

from pathlib import Path

from dissertation_kg.server.endpoint.sparql_scan import Scan, scan
from dissertation_kg.server.search import index as search_index
from dissertation_kg.server.search.sparql_service import SERVICE, SearchPatternError, rewrite

__all__ = ["SERVICE", "SearchPatternError", "blocks", "evaluate"]


def blocks(sc: Scan) -> list[tuple[int, int, int, int]]:
    """Per search block: where SERVICE starts, where its braces are, where it ends (positions
    in `sc.text`)."""
    found = []
    toks = sc.tokens
    for i, tok in enumerate(toks):
        if tok.kind != "word" or tok.text.upper() != "SERVICE":
            continue
        j = i + 1
        if j < len(toks) and toks[j].kind == "word" and toks[j].text.upper() == "SILENT":
            j += 1
        if j + 1 >= len(toks) or sc.resolve(toks[j]) != SERVICE or toks[j + 1].text != "{":
            continue
        opening = toks[j + 1]
        for k in range(j + 2, len(toks)):
            if toks[k].kind == "close" and toks[k].depth == opening.depth:
                found.append((tok.start, opening.start, toks[k].start, toks[k].start + 1))
                break
        else:
            raise SearchPatternError("the search block has no closing `}`; close it")
    return found


def evaluate(text: str, generation: Path | str) -> str:
    """`text` with its search blocks evaluated against `generation`'s index; unchanged (the
    very same string) when it has none."""
    if "service" not in text.lower() and "\\u" not in text.lower():
        return text
    sc = scan(text)
    spans = blocks(sc)
    if not spans:
        return text
    return rewrite(sc.text, spans, lambda: search_index.for_generation(generation), sc.prefixes, sc.base)
