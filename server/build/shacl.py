"""SHACL validation of mapped documents, with results in plain words.

Each document is validated on its own graph, so a problem is charged to the document that has
it and a document is judged only on its own triples (translations of one work describe the
same nodes). The shapes are compiled once per process.
"""
from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyshacl
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from dissertation_kg.mappings import ntriples
from dissertation_kg.mappings.vocab import PREFIXES

from dissertation_kg.mappings.resources import ontology_dir


@dataclass(frozen=True)
class Problem:
    source: str
    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"
    # The focus node and path as full IRIs (empty for a blank node or a complex path), to look
    # up which graphs state a value; not part of the printed text.
    focus_iri: str = field(default="", compare=False, repr=False)
    path_iri: str = field(default="", compare=False, repr=False)

    def __str__(self) -> str:
        where = f"node {self.focus}"
        if self.path:
            where += f", property {self.path}"
        value = f" (value: {self.value})" if self.value else ""
        level = "" if self.severity == "Violation" else f"{self.severity.lower()}: "
        return f"{self.source}: {level}{where}: {self.message}{value}"


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


def engine() -> str:
    """`turbo` (pyshacl-turbo: pySHACL's API over a Rust engine, ~10x faster, shapes compiled once)
    or `pyshacl` (the reference). DKG_SHACL_ENGINE picks one; the tests run both."""
    wanted = os.environ.get("DKG_SHACL_ENGINE", "turbo")
    if wanted == "turbo" and importlib.util.find_spec("pyshacl_turbo") is None:
        return "pyshacl"
    return wanted


@lru_cache(maxsize=4)
def _compiled(shapes: Graph):
    import pyshacl_turbo
    return pyshacl_turbo.compile_shapes(shapes.serialize(format="turtle"), shacl_graph_format="turtle", advanced=True)


def _run(data, shapes: Graph) -> list[tuple]:
    if isinstance(data, ntriples.Document):
        # pyshacl-turbo reads an Oxigraph store natively; pySHACL needs an rdflib graph.
        data = data.graph() if engine() != "turbo" else _oxigraph(data.ntriples())
    elif isinstance(data, str):  # N-Triples text, as a store dumps a graph
        data = Graph().parse(data=data, format="nt") if engine() != "turbo" else _oxigraph(data)
    if engine() == "turbo":
        conforms, report, _text = _compiled(shapes).validate(data, allow_warnings=True)
    else:
        conforms, report, _text = pyshacl.validate(
            data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True,
            abort_on_first=False, meta_shacl=False)
    # A report that conforms may still hold warnings and information (allow_warnings): read it.
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


def _oxigraph(text: str):
    """N-Triples text as pyshacl-turbo's native input: the N-Quads text it would dump from an
    Oxigraph store, handed over directly (the store round trip cost a third of validation).
    `Input` is pyshacl-turbo's own class (pinned <0.7); without it, a real in-memory store."""
    try:
        from pyshacl_turbo.rdf import Input
        return Input(text, "oxigraph-nquads", None, {}, preserve_ids=True)
    except (ImportError, TypeError):
        import pyoxigraph
        store = pyoxigraph.Store()
        store.load(text, format=pyoxigraph.RdfFormat.N_TRIPLES)
        return store


def validate_graph(graph, source: str, shapes: Graph | None = None) -> list[Problem]:
    """Every problem of one graph (an rdflib graph, an `ntriples.Document` or N-Triples text),
    violations first."""
    shapes = shapes if shapes is not None else load_shapes()
    problems = [
        Problem(source, _short(focus), _short(path), str(message or "does not satisfy its shape"), _short(value), sev,
                str(focus) if isinstance(focus, URIRef) else "", str(path) if isinstance(path, URIRef) else "")
        for focus, path, message, value, sev in _run(graph, shapes)
    ]
    return sorted(problems, key=lambda p: (p.severity != "Violation", p.focus, p.path, p.message))


def violations(problems: list[Problem]) -> list[Problem]:
    """What rejects a document: data that is wrong."""
    return [p for p in problems if p.severity == "Violation"]


def notices(problems: list[Problem]) -> list[Problem]:
    """Warnings and information: what a document lacks; it loads all the same."""
    return [p for p in problems if p.severity != "Violation"]
