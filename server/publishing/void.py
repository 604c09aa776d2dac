"""The dataset's VoID description at /.well-known/void (RFC 5785 name from the VoID guide).

The statistics take a few full scans, so they are computed once per store generation (tag)
and kept beside the generation's other artefacts, shared by every worker process; only the
host-dependent links (endpoint, dumps) are filled in per request.
"""
from __future__ import annotations

import json
import os
import threading
from dataclasses import asdict, dataclass, field

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request

from dissertation_kg.server.publishing import rdf_negotiation
from dissertation_kg.server.publishing.linked_data import ONTOLOGY_IRI, PREFIXES
from dissertation_kg.server.publishing.served import Served, base_iri, served, readable_from_any_origin
from dissertation_kg.server.endpoint.runtime import public_url

blueprint = Blueprint("void", __name__)


blueprint.after_request(readable_from_any_origin)

VOID = "http://rdfs.org/ns/void#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
SD = "http://www.w3.org/ns/sparql-service-description#"
PROV = "http://www.w3.org/ns/prov#"
FOAF = "http://xmlns.com/foaf/0.1/"

DEFAULT_TITLE = "dissertation-kg: Kazakhstan's doctoral dissertation abstracts"
DEFAULT_DESCRIPTION = (
    "A knowledge graph of the abstracts of doctoral (PhD) dissertations defended in Kazakhstan, "
    "each published in Kazakh, Russian and English: works, their research aims, tasks, novelty, "
    "provisions for defense, publications, authors, institutions and specialties, with the "
    "provenance of every statement (one named graph per source document)."
)
DEFAULT_LICENSE = "https://creativecommons.org/licenses/by/4.0/"

FORMATS = ["text/turtle", "application/ld+json", "application/n-triples"]
STATISTICS_VERSION = 2  # bump when compute() changes, so saved statistics are recomputed


@dataclass
class Statistics:
    triples: int = 0
    entities: int = 0
    classes: int = 0
    properties: int = 0
    distinct_subjects: int = 0
    distinct_objects: int = 0
    class_partitions: list[tuple[str, int]] = field(default_factory=list)
    property_partitions: list[tuple[str, int]] = field(default_factory=list)
    vocabularies: list[str] = field(default_factory=list)
    # graph IRI, triples, source document IRI or None
    graphs: list[tuple[str, int, str | None]] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)


def _count(store, query: str) -> int:
    for row in store.query(query, union_default_graph=False):
        return int(row[0].value)
    return 0


def _all(pattern: str) -> str:
    """`pattern` matched in the real default graph and in every named graph."""
    return f"{{ {{ {pattern} }} UNION {{ GRAPH ?graph {{ {pattern} }} }} }}"


def compute(target: Served) -> Statistics:
    store = target.store
    entity_space = base_iri() + "id/"
    stats = Statistics()
    # Distinct triples: the same statement in several documents' graphs (and in a default graph
    # that a build filled with their merge) is one triple of the dataset.
    stats.triples = _count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {_all('?s ?p ?o')} }}")
    stats.entities = _count(store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ {_all('?s ?p ?o')} "
                                   f"FILTER(isIRI(?s) && STRSTARTS(STR(?s), {json.dumps(entity_space)})) }}")
    stats.distinct_subjects = _count(store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {_all('?s ?p ?o')}")
    stats.distinct_objects = _count(store, f"SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE {_all('?s ?p ?o')}")
    for row in store.query(f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {_all(f'?s <{RDF_TYPE}> ?c')} "
                           "GROUP BY ?c ORDER BY DESC(?n) ?c", union_default_graph=False):
        if isinstance(row["c"], ox.NamedNode):
            stats.class_partitions.append((row["c"].value, int(row["n"].value)))
    for row in store.query(f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {_all('?s ?p ?o')} }} "
                           "GROUP BY ?p ORDER BY DESC(?n) ?p", union_default_graph=False):
        stats.property_partitions.append((row["p"].value, int(row["n"].value)))
    stats.classes = len(stats.class_partitions)
    stats.properties = len(stats.property_partitions)
    used = {c for c, _ in stats.class_partitions} | {p for p, _ in stats.property_partitions}
    stats.vocabularies = sorted({_namespace(i) for i in used})
    sources: dict[str, str] = {}
    for row in store.query(f"SELECT ?g ?src WHERE {{ ?g <{PROV}wasDerivedFrom> ?src }}",
                           union_default_graph=True):
        if isinstance(row["src"], ox.NamedNode):
            sources.setdefault(row["g"].value, row["src"].value)
    for row in store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
                           union_default_graph=False):
        if isinstance(row["g"], ox.NamedNode):
            stats.graphs.append((row["g"].value, int(row["n"].value), sources.get(row["g"].value)))
    for row in store.query(
            f"SELECT DISTINCT ?s WHERE {{ VALUES ?c {{ <{ONTOLOGY_IRI}#Dissertation> <{ONTOLOGY_IRI}#JournalArticle> "
            f"<{ONTOLOGY_IRI}#ScholarlyWork> }} ?s a ?c }} ORDER BY ?s LIMIT 3",
            union_default_graph=True):
        stats.examples.append(row["s"].value)
    if not stats.examples:
        for row in store.query(f"SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "
                               f"{json.dumps(entity_space)})) }} LIMIT 3", union_default_graph=True):
            stats.examples.append(row["s"].value)
    return stats


def _namespace(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1] if cut > len("https://") else iri


_memory: dict[str, Statistics] = {}
_memory_lock = threading.Lock()


def statistics(target: Served) -> Statistics:
    """Statistics for the generation, from memory, then disk, then computed (and saved)."""
    with _memory_lock:
        if target.generation in _memory and target.generation != "remote":
            return _memory[target.generation]
    saved = target.artefacts / f"void-statistics-v{STATISTICS_VERSION}.json" if target.artefacts else None
    stats = None
    if saved is not None and saved.is_file():
        try:
            raw = json.loads(saved.read_text())
            stats = Statistics(**{k: [tuple(x) for x in v] if isinstance(v, list) and v and isinstance(v[0], list)
                                  else v for k, v in raw.items()})
        except (ValueError, TypeError):
            stats = None  # written by another version: recompute
    if stats is None:
        stats = compute(target)
        if saved is not None:
            saved.parent.mkdir(parents=True, exist_ok=True)
            tmp = saved.with_name(f".{saved.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(asdict(stats)))
            os.replace(tmp, saved)
    with _memory_lock:
        if target.generation != "remote":
            _memory[target.generation] = stats
    return stats


def void_triples(stats: Statistics, root: str) -> list[ox.Triple]:
    """The VoID description; `root` is this server's URL (for the endpoint and dump links)."""
    base = base_iri()
    doc = base + ".well-known/void"
    dataset = ox.NamedNode(doc + "#dataset")
    cfg = current_app.config
    out: list[ox.Triple] = []

    def add(s, p, o):
        out.append(ox.Triple(s, ox.NamedNode(p), o))

    def integer(n: int) -> ox.Literal:
        return ox.Literal(str(n), datatype=ox.NamedNode(XSD + "integer"))

    add(ox.NamedNode(doc), RDF_TYPE, ox.NamedNode(VOID + "DatasetDescription"))
    add(ox.NamedNode(doc), FOAF + "primaryTopic", dataset)
    add(dataset, RDF_TYPE, ox.NamedNode(VOID + "Dataset"))
    add(dataset, DCT + "title", ox.Literal(cfg.get("DKG_DATASET_TITLE", DEFAULT_TITLE), language="en"))
    add(dataset, DCT + "description", ox.Literal(cfg.get("DKG_DATASET_DESCRIPTION", DEFAULT_DESCRIPTION),
                                                 language="en"))
    add(dataset, DCT + "license", ox.NamedNode(cfg.get("DKG_DATA_LICENSE", DEFAULT_LICENSE)))
    add(dataset, VOID + "sparqlEndpoint", ox.NamedNode(root + "sparql"))
    add(dataset, VOID + "dataDump", ox.NamedNode(root + "dumps/dataset.nq.gz"))
    add(dataset, VOID + "dataDump", ox.NamedNode(root + "dumps/dataset.trig.gz"))
    add(dataset, VOID + "feature", ox.NamedNode("http://www.w3.org/ns/formats/N-Quads"))
    add(dataset, VOID + "feature", ox.NamedNode("http://www.w3.org/ns/formats/TriG"))
    add(dataset, VOID + "uriSpace", ox.Literal(base + "id/"))
    add(dataset, VOID + "rootResource", ox.NamedNode(ONTOLOGY_IRI))
    for iri in stats.examples:
        add(dataset, VOID + "exampleResource", ox.NamedNode(iri))
    for vocabulary in sorted(set(stats.vocabularies) | {ONTOLOGY_IRI + "#"}):
        add(dataset, VOID + "vocabulary", ox.NamedNode(vocabulary))
    add(dataset, VOID + "triples", integer(stats.triples))
    add(dataset, VOID + "entities", integer(stats.entities))
    add(dataset, VOID + "classes", integer(stats.classes))
    add(dataset, VOID + "properties", integer(stats.properties))
    add(dataset, VOID + "distinctSubjects", integer(stats.distinct_subjects))
    add(dataset, VOID + "distinctObjects", integer(stats.distinct_objects))
    for n, (cls, count) in enumerate(stats.class_partitions):
        part = ox.NamedNode(f"{doc}#class-{n}")
        add(dataset, VOID + "classPartition", part)
        add(part, VOID + "class", ox.NamedNode(cls))
        add(part, VOID + "entities", integer(count))
    for n, (prop, count) in enumerate(stats.property_partitions):
        part = ox.NamedNode(f"{doc}#property-{n}")
        add(dataset, VOID + "propertyPartition", part)
        add(part, VOID + "property", ox.NamedNode(prop))
        add(part, VOID + "triples", integer(count))
    for graph, count, source in stats.graphs:
        subset = ox.NamedNode(f"{doc}#graph-{graph[len(base):] if graph.startswith(base) else graph}"
                              .replace(" ", "%20"))
        add(dataset, VOID + "subset", subset)
        add(subset, RDF_TYPE, ox.NamedNode(VOID + "Dataset"))
        add(subset, RDF_TYPE, ox.NamedNode(SD + "NamedGraph"))
        add(subset, SD + "name", ox.NamedNode(graph))
        add(subset, VOID + "triples", integer(count))
        add(subset, VOID + "sparqlEndpoint", ox.NamedNode(root + "sparql"))
        if source:
            add(subset, DCT + "source", ox.NamedNode(source))
            add(subset, PROV + "wasDerivedFrom", ox.NamedNode(source))
    # grouped by subject (stable), so Turtle writes each resource as one block
    order: dict[ox.Term, int] = {}
    for t in out:
        order.setdefault(t.subject, len(order))
    return sorted(out, key=lambda t: order[t.subject])


@blueprint.route("/.well-known/void")
def void():
    choice = rdf_negotiation.negotiate(request, html=False, rdf=FORMATS)
    if choice is None:
        return Response(f"The VoID description is available as {', '.join(FORMATS)}; "
                        "send one of them in Accept, or add ?format=ttl.\n", status=406, mimetype="text/plain")
    target = served()
    stats = statistics(target)
    triples = void_triples(stats, public_url())
    prefixes = {k: PREFIXES[k] for k in ("void", "dcterms", "xsd", "sd", "prov", "dkg")}
    kwargs = {} if choice.format == ox.RdfFormat.N_TRIPLES else {"prefixes": prefixes}
    resp = Response(ox.serialize(triples, format=choice.format, **kwargs), mimetype=choice.media_type)
    resp.headers["Vary"] = "Accept"
    resp.set_etag(f"void-{target.generation}-{choice.extension}")
    return resp.make_conditional(request)
