"""The build's SHACL engine (pyshacl-turbo) agrees with the reference (pyshacl) on every broken
variant of a valid dissertation graph, and on the mapped seed documents."""
from __future__ import annotations

import pytest
from rdflib import Graph

from dissertation_kg.mappings import abstract, ntriples, rdf
from dissertation_kg.server.build import shacl
from dissertation_kg.server.build.pipeline import ontology_version
from dissertation_kg.mappings.resources import seeds_dir

from test_ontology import BROKEN, _valid


def findings(graph: Graph, engine: str, monkeypatch) -> set[tuple[str, str]]:
    monkeypatch.setenv("DKG_SHACL_ENGINE", engine)
    return {(p.focus, p.path) for p in shacl.violations(shacl.validate_graph(graph, "test"))}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_engines_agree_on_broken_graphs(name, monkeypatch):
    breaker, _expected = BROKEN[name]
    g = _valid()
    breaker(g)
    reference = findings(g, "pyshacl", monkeypatch)
    assert reference, "the reference engine finds the problem"
    assert findings(g, "turbo", monkeypatch) == reference
    # The build validates N-Triples text (no rdflib graph): the same findings.
    assert findings(as_document(g), "turbo", monkeypatch) == reference
    assert findings(as_document(g), "pyshacl", monkeypatch) == reference


def test_engines_agree_on_the_severity_of_a_gap(monkeypatch):
    """A dissertation without provisions: a warning in both engines, no violation."""
    from test_ontology import _drop_provisions
    g = _valid()
    _drop_provisions(g)
    for engine in ("pyshacl", "turbo"):
        monkeypatch.setenv("DKG_SHACL_ENGINE", engine)
        for data in (g, as_document(g)):
            problems = shacl.validate_graph(data, "test.txt")
            assert not shacl.violations(problems), engine
            (gap,) = [p for p in problems if p.path == "dkg:hasProvision"]
            assert gap.severity == "Warning", engine
            assert str(gap).startswith("test.txt: warning: node "), engine


def as_document(graph: Graph) -> ntriples.Document:
    doc = ntriples.Document()
    for triple in graph:
        doc.add(triple)
    return doc


def test_engines_agree_on_the_valid_graph(monkeypatch):
    assert findings(_valid(), "pyshacl", monkeypatch) == findings(_valid(), "turbo", monkeypatch) == set()


def test_engines_agree_on_mapped_seeds(monkeypatch):
    path = next(seeds_dir().glob("002_*.txt"))
    doc = abstract.parse_file(path)
    graph = rdf.to_graph(doc, rdf.work_context("w-test", [doc]), ontology_version=ontology_version()).graph
    assert findings(graph, "pyshacl", monkeypatch) == findings(graph, "turbo", monkeypatch) == set()
    # Break it: two English texts on the object, a duplicate ordinal.
    from rdflib import Literal, URIRef
    from dissertation_kg.mappings.vocab import DKG
    work = rdf.work_context("w-test", [doc]).iri
    graph.add((URIRef(f"{work}/object"), DKG.text, Literal("another object", lang="en")))
    graph.set((URIRef(f"{work}/provision/2"), DKG.ordinal, Literal(1)))
    reference = findings(graph, "pyshacl", monkeypatch)
    assert len(reference) >= 2
    assert findings(graph, "turbo", monkeypatch) == reference
