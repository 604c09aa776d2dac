"""SHACL validation of mapped documents, with results in plain words.

pyshacl's fixed cost per call dominates on small graphs, so documents are validated in
batches; a batch that does not conform is re-checked document by document, so that a problem
is charged to the document that has it (and a document is judged only on its own triples).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyshacl
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from dissertation_kg.mappings.vocab import PREFIXES

from .resources import ontology_dir


@dataclass(frozen=True)
class Problem:
    source: str
    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"

    def __str__(self) -> str:
        where = f"node {self.focus}"
        if self.path:
            where += f", property {self.path}"
        value = f" (value: {self.value})" if self.value else ""
        return f"{self.source}: {where}: {self.message}{value}"


def _short(term) -> str:
    if isinstance(term, URIRef):
        for prefix, ns in PREFIXES.items():
            if str(term).startswith(str(ns)):
                return f"{prefix}:{str(term)[len(str(ns)):]}"
        return f"<{term}>"
    if isinstance(term, Literal):
        text = str(term)
        return repr(text[:60] + ("…" if len(text) > 60 else "")) + (f"@{term.language}" if term.language else "")
    return str(term) if term is not None else ""


@lru_cache(maxsize=4)
def load_shapes(path: Path | None = None) -> Graph:
    path = path or ontology_dir() / "shapes.ttl"
    g = Graph()
    g.parse(path, format="turtle")
    return g


def _run(data: Graph, shapes: Graph) -> list[tuple]:
    conforms, report, _text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True,
        abort_on_first=False, meta_shacl=False)
    if conforms:
        return []
    out = []
    for result in report.subjects(SH.resultSeverity, None):
        severity = report.value(result, SH.resultSeverity)
        out.append((
            report.value(result, SH.focusNode),
            report.value(result, SH.resultPath),
            report.value(result, SH.resultMessage),
            report.value(result, SH.value),
            str(severity).rsplit("#", 1)[-1],
        ))
    return out


def validate_graph(graph: Graph, source: str, shapes: Graph | None = None) -> list[Problem]:
    shapes = shapes if shapes is not None else load_shapes()
    problems = [
        Problem(source, _short(focus), _short(path), str(message or "does not satisfy its shape"), _short(value), sev)
        for focus, path, message, value, sev in _run(graph, shapes)
    ]
    return sorted(problems, key=lambda p: (p.severity != "Violation", p.focus, p.path, p.message))


def validate_many(graphs: dict[str, Graph], shapes: Graph | None = None, batch: int = 200) -> dict[str, list[Problem]]:
    """Validate documents (source → graph); returns only the sources that have problems.

    Documents of one work must not share a batch (they describe the same nodes); the caller
    passes them in separate calls or accepts that a batch failure is re-checked per document.
    """
    shapes = shapes if shapes is not None else load_shapes()
    out: dict[str, list[Problem]] = {}
    items = list(graphs.items())
    for start in range(0, len(items), batch):
        chunk = items[start:start + batch]
        data = Graph()
        for _source, g in chunk:
            data += g
        if not _run(data, shapes):
            continue
        for source, g in chunk:
            problems = validate_graph(g, source, shapes)
            if any(p.severity == "Violation" for p in problems):
                out[source] = problems
    return out
