"""SHACL over what a store serves: every named graph (each document's, the candidates queue,
the ontology and the vocabularies) and the default graph, the merge a query sees.

A document passes the shapes on its own before it is loaded; what is served can still fail
them: Oxigraph gives literals back normalised (every integer type as xsd:integer), and the
merge of the translations of a work, or of the works sharing a specialty, can hold two values
where the shapes allow one. So this reads each graph back from the store and validates it as
served. A problem found only in the default graph names the graphs that state the value.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from dissertation_kg.server.build import shacl
from dissertation_kg.server.store.engines import GraphStore, OxigraphStore, RemoteStore

DEFAULT_GRAPH = "default graph"
SOURCE_GRAPH = "/graph/source/"


@dataclass
class GraphResult:
    graph: str                       # the named graph's IRI, or DEFAULT_GRAPH
    triples: int
    problems: list[shacl.Problem] = field(default_factory=list)

    @property
    def violations(self) -> list[shacl.Problem]:
        return shacl.violations(self.problems)

    @property
    def notices(self) -> list[shacl.Problem]:
        return shacl.notices(self.problems)


def validate_store(store: GraphStore, *, workers: int | None = None) -> list[GraphResult]:
    """Every named graph, then the default graph, validated as the store holds them."""
    with _local_copy(store) as raw:
        graphs = sorted(g.value for g in raw.named_graphs() if isinstance(g, ox.NamedNode))
        default = _default_graph(store, raw)
        # The default graph is the largest job: first, so the others fill the other cores.
        jobs = [(DEFAULT_GRAPH, default)] + [(g, _dump(raw, ox.NamedNode(g))) for g in graphs]
        results = list(_map(_validate_one, jobs, workers))
        # The merge reports only what no named graph already shows: a document's own problem is
        # charged to the document.
        seen = {_key(p) for r in results if r.graph != DEFAULT_GRAPH for p in r.problems}
        for result in results:
            if result.graph == DEFAULT_GRAPH:
                result.problems = [_with_sources(raw, p) for p in result.problems if _key(p) not in seen]
    return [r for r in results if r.graph != DEFAULT_GRAPH] + [r for r in results if r.graph == DEFAULT_GRAPH]


def describe(graph: str) -> str:
    """A graph as a person looks for it: a document's graph by its file name."""
    if graph == DEFAULT_GRAPH:
        return "default graph (the merge of the named graphs)"
    if SOURCE_GRAPH in graph:
        return f"{graph.rsplit(SOURCE_GRAPH, 1)[1]} (graph <{graph}>)"
    return f"graph <{graph}>"


@contextlib.contextmanager
def _local_copy(store: GraphStore) -> Iterator[ox.Store]:
    """The store's own Oxigraph database, or for a remote engine its current generation copied
    into a scratch one (named graphs and their merge, as the engine serves them)."""
    if isinstance(store, OxigraphStore):
        yield store.raw
        return
    if not isinstance(store, RemoteStore):
        raise TypeError(f"cannot validate a {type(store).__name__}")
    with tempfile.TemporaryDirectory(prefix="dkg-validate-") as scratch:
        raw = ox.Store(scratch)
        raw.bulk_load(ox.serialize(store.export_quads(), format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
        yield raw
        del raw


def _dump(raw: ox.Store, graph) -> str:
    return raw.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph).decode("utf-8")


def _default_graph(store: GraphStore, raw: ox.Store) -> str:
    if isinstance(store, RemoteStore) or store.materialized_union:
        return _dump(raw, ox.DefaultGraph())
    # An Oxigraph database not built by `dkg build`: its default graph is read as the union.
    merged = raw.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return merged.serialize(format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def _key(problem: shacl.Problem) -> tuple:
    return problem.focus, problem.path, problem.message, problem.value, problem.severity


def _validate_one(job: tuple[str, str]) -> GraphResult:
    graph, text = job
    return GraphResult(graph, text.count("\n"), shacl.validate_graph(text, graph))


def _with_sources(raw: ox.Store, problem: shacl.Problem) -> shacl.Problem:
    """A merge problem with the named graphs that state the node's values on that property:
    where to look (usually two translations or two works that disagree)."""
    if problem.severity != "Violation" or not problem.focus_iri or not problem.path_iri:
        return problem
    found = raw.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ <{problem.focus_iri}> <{problem.path_iri}> ?o }} }}")
    names = sorted(describe(row[0].value).split(" (graph")[0] for row in found)
    if not names:
        return problem
    return shacl.Problem(problem.source, problem.focus, problem.path,
                         f"{problem.message} [stated in: {', '.join(names)}]", problem.value, problem.severity,
                         problem.focus_iri, problem.path_iri)


def _workers(jobs: int) -> int:
    wanted = int(os.environ.get("DKG_BUILD_WORKERS", os.cpu_count() or 1))
    return max(1, min(os.cpu_count() or 1, wanted, jobs))


def _map(function, jobs: list, workers: int | None):
    """In one process per core when there are enough graphs to pay for starting them (shapes
    are compiled once per process)."""
    workers = workers or (_workers(len(jobs)) if len(jobs) >= 40 else 1)
    if workers <= 1:
        return map(function, jobs)
    with multiprocessing.get_context("forkserver").Pool(workers) as pool:
        return pool.map(function, jobs, chunksize=8)
