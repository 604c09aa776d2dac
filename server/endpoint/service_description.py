"""The SPARQL 1.1 Service Description, answered on GET /sparql with no query: what the endpoint
speaks, which formats it writes, its features, and the dataset with per-graph triple counts."""
from __future__ import annotations

import io

import pyoxigraph as ox
from flask import Response, current_app, redirect, request, url_for

from dissertation_kg.server.endpoint.auth import _plain
from dissertation_kg.server.endpoint.compression import encode, gzip_wanted
from dissertation_kg.server.endpoint.conditional import not_modified, validators
from dissertation_kg.server.endpoint.executor import JobError
from dissertation_kg.server.endpoint.negotiation import GRAPH_FORMATS, RESULT_FORMATS, SINGLE_GRAPH_FORMATS, NotAcceptable, choose
from dissertation_kg.server.endpoint.runtime import public_request_url, runtime
from dissertation_kg.server.search.sparql_service import NS as SEARCH_NS, SERVICE as SEARCH_SERVICE

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
FORMATS_NS = "http://www.w3.org/ns/formats/"

# The W3C format registry IRIs (pyoxigraph's JSON-LD IRI is a newer, unregistered one).
_FORMAT_IRIS = {
    "json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV", "turtle": "Turtle", "ntriples": "N-Triples", "jsonld": "JSON-LD",
    "rdfxml": "RDF_XML", "nquads": "N-Quads", "trig": "TriG",
}


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(SD + name)


def build_description(endpoint: str, *, updates: bool, federated: bool, stats: dict | None) -> list[ox.Triple]:
    service = ox.BlankNode()
    dataset = ox.BlankNode()
    default_graph = ox.BlankNode()
    triples = [
        ox.Triple(service, RDF_TYPE, _sd("Service")),
        ox.Triple(service, _sd("endpoint"), ox.NamedNode(endpoint)),
        ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        ox.Triple(service, _sd("feature"), _sd("UnionDefaultGraph")),
        ox.Triple(service, _sd("defaultEntailmentRegime"), ox.NamedNode("http://www.w3.org/ns/entailment/Simple")),
        ox.Triple(service, _sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, _sd("Dataset")),
        ox.Triple(dataset, _sd("defaultGraph"), default_graph),
        ox.Triple(default_graph, RDF_TYPE, _sd("Graph")),
    ]
    integer = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    if stats is not None:
        triples.append(ox.Triple(default_graph, ox.NamedNode(VOID + "triples"), ox.Literal(str(stats["union"]), datatype=integer)))
    if updates:
        triples.append(ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Update")))
    if federated:
        triples.append(ox.Triple(service, _sd("feature"), _sd("BasicFederatedQuery")))
    triples += _search_feature(service)
    for fmt in RESULT_FORMATS + GRAPH_FORMATS:
        triples.append(ox.Triple(service, _sd("resultFormat"), ox.NamedNode(FORMATS_NS + _FORMAT_IRIS[fmt.name])))
    if updates:
        for fmt in SINGLE_GRAPH_FORMATS:
            triples.append(ox.Triple(service, _sd("inputFormat"), ox.NamedNode(FORMATS_NS + _FORMAT_IRIS[fmt.name])))
    for name, count in sorted((stats or {}).get("graphs", {}).items()):
        entry, graph = ox.BlankNode(), ox.BlankNode()
        triples += [
            ox.Triple(dataset, _sd("namedGraph"), entry),
            ox.Triple(entry, RDF_TYPE, _sd("NamedGraph")),
            ox.Triple(entry, _sd("name"), ox.NamedNode(name)),
            ox.Triple(entry, _sd("graph"), graph),
            ox.Triple(graph, RDF_TYPE, _sd("Graph")),
            ox.Triple(graph, ox.NamedNode(VOID + "triples"), ox.Literal(str(count), datatype=integer)),
        ]
    return triples


def _search_feature(service: ox.BlankNode) -> list[ox.Triple]:
    """The full-text search pattern (search_pattern.py), announced as a feature of its own."""
    feature = ox.NamedNode(SEARCH_SERVICE)
    rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    return [
        ox.Triple(service, _sd("feature"), feature),
        ox.Triple(feature, RDF_TYPE, _sd("Feature")),
        ox.Triple(feature, ox.NamedNode(rdfs + "label"), ox.Literal("Full-text and concept search (kk, ru, en)", language="en")),
        ox.Triple(feature, ox.NamedNode(rdfs + "comment"), ox.Literal(
            "Evaluated by this endpoint, never fetched: SERVICE <" + SEARCH_SERVICE + "> { ?hit dkgs:query \"words\" ; "
            "dkgs:work ?work ; dkgs:score ?score ; dkgs:snippet ?snippet } with dkgs: <" + SEARCH_NS + ">. Inputs: "
            "dkgs:query, dkgs:lang (en, ru, kk), dkgs:limit (default 1000). Outputs: dkgs:work, dkgs:score, "
            "dkgs:snippet, dkgs:title, dkgs:lang, dkgs:rank, dkgs:why, dkgs:concept, dkgs:part; ?hit is the part of "
            "the work that matched. Stemmed per language, ranked by BM25; a query naming a vocabulary entry in "
            "any language also finds the works that mention it in another.", language="en")),
    ]


def _wants_html() -> bool:
    """A browser navigating to /sparql: it names HTML and ranks it above every RDF syntax.
    A wildcard alone (curl's */*) is not a wish for HTML: such clients get the description."""
    if "format" in request.args:
        return False
    if not any(m in ("text/html", "application/xhtml+xml") for m, _ in request.accept_mimetypes):
        return False
    offers = ["text/html"] + [f.essence for f in SINGLE_GRAPH_FORMATS]
    return request.accept_mimetypes.best_match(offers) == "text/html"


def describe_service() -> Response:
    rt = runtime()
    if _wants_html() and "ui.index" in current_app.view_functions:
        # People get the query page; machines asking for RDF get the description.
        return redirect(url_for("ui.index"), code=303)
    try:
        fmt = choose(SINGLE_GRAPH_FORMATS, request.headers.get("Accept"), request.args.get("format"))
    except NotAcceptable as exc:
        return _plain(406, str(exc))
    gen = rt.state.current()
    endpoint = public_request_url()
    gz = gzip_wanted()
    etag, headers = validators(gen, endpoint, fmt.name, rt.config.update_token is not None,
                               rt.config.allowed_services, gz)
    unchanged = not_modified(etag, gen, headers)
    if unchanged is not None:
        return unchanged
    try:
        stats = rt.stats(gen)
    except JobError:
        # The description must always answer (clients discover the endpoint with it); counts
        # that cannot be computed in time are left out rather than failing the whole document.
        stats = None
        headers["Cache-Control"] = "no-store"
    triples = build_description(endpoint, updates=rt.config.update_token is not None,
                                federated=bool(rt.config.allowed_services), stats=stats)
    out = io.BytesIO()
    ox.serialize(triples, out, format=fmt.ox_format,
                 prefixes={"sd": SD, "void": VOID, "formats": FORMATS_NS})
    return Response(encode(out.getvalue(), headers, gz), content_type=fmt.media_type, headers=headers)
