"""VoID at /.well-known/void and the full dumps: numbers checked against the store itself."""
from __future__ import annotations

import gzip

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

from publishing_fixtures import BASE, DKG, build_store, publishing_app, quads

VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
DCT = rdflib.DCTERMS
SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
DATASET = URIRef(BASE + ".well-known/void#dataset")


@pytest.fixture()
def store_root(tmp_path):
    root = tmp_path / "store"
    build_store(root)
    return root


@pytest.fixture()
def client(store_root):
    app = publishing_app(store_root)
    app.testing = True
    return app.test_client()


def stored(extra=()) -> set[ox.Quad]:
    """The quads as Oxigraph holds them (it stores values: xsd:positiveInteger "1" comes back
    as xsd:integer "1"), which is what a dump must reproduce."""
    store = ox.Store()
    store.extend(quads() + list(extra))
    return set(store)


def void_graph(client, accept="text/turtle", fmt="turtle") -> rdflib.Graph:
    resp = client.get("/.well-known/void", headers={"Accept": accept})
    assert resp.status_code == 200, resp.data
    assert resp.mimetype == accept
    return rdflib.Graph().parse(data=resp.data, format=fmt)


def value(g, s, p):
    values = list(g.objects(s, p))
    assert len(values) == 1, (p, values)
    return values[0]


def test_void_statistics_match_the_data(client):
    g = void_graph(client)
    data = quads()
    assert (DATASET, rdflib.RDF.type, VOID.Dataset) in g
    assert int(value(g, DATASET, VOID.triples)) == len({q.triple for q in data})
    subjects = {q.subject for q in data}
    objects = {q.object for q in data}
    predicates = {q.predicate for q in data}
    classes = {q.object for q in data if q.predicate.value == str(rdflib.RDF.type)}
    entities = {s for s in subjects if isinstance(s, ox.NamedNode) and s.value.startswith(BASE + "id/")}
    assert int(value(g, DATASET, VOID.distinctSubjects)) == len(subjects)
    assert int(value(g, DATASET, VOID.distinctObjects)) == len(objects)
    assert int(value(g, DATASET, VOID.properties)) == len(predicates)
    assert int(value(g, DATASET, VOID.classes)) == len(classes)
    assert int(value(g, DATASET, VOID.entities)) == len(entities)
    # class partitions: one per class, with its number of instances
    partitions = {value(g, p, VOID["class"]): int(value(g, p, VOID.entities))
                  for p in g.objects(DATASET, VOID.classPartition)}
    assert partitions[URIRef(DKG + "Dissertation")] == 2
    assert partitions[URIRef(DKG + "Provision")] == 2
    assert len(partitions) == len(classes)


def test_void_links_endpoint_dumps_space_vocabularies_and_licence(client):
    g = void_graph(client)
    here = "http://127.0.0.1:8000/"  # the configured public URL (default http://HOST:PORT/), never the Host header
    assert str(value(g, DATASET, VOID.sparqlEndpoint)) == here + "sparql"
    dumps = {str(o) for o in g.objects(DATASET, VOID.dataDump)}
    assert dumps == {here + "dumps/dataset.nq.gz", here + "dumps/dataset.trig.gz"}
    assert value(g, DATASET, VOID.uriSpace) == Literal(BASE + "id/")
    vocabularies = {str(o) for o in g.objects(DATASET, VOID.vocabulary)}
    assert {DKG, "http://purl.org/dc/terms/", "http://www.w3.org/ns/prov#"} <= vocabularies
    assert value(g, DATASET, DCT.title).language == "en"
    assert value(g, DATASET, DCT.description)
    assert isinstance(value(g, DATASET, DCT.license), URIRef)


def test_one_subset_per_named_graph(client):
    g = void_graph(client)
    subsets = list(g.objects(DATASET, VOID.subset))
    names = {str(value(g, s, SD.name)): s for s in subsets}
    assert set(names) == {BASE + "graph/source/doc-a", BASE + "graph/source/doc-b"}
    per_graph = {}
    for q in quads():
        per_graph.setdefault(q.graph_name.value, set()).add(q)
    for name, subset in names.items():
        assert int(value(g, subset, VOID.triples)) == len(per_graph[name])
        assert str(value(g, subset, DCT.source)) == BASE + "id/source/" + name.rsplit("/", 1)[1]


@pytest.mark.parametrize("accept, fmt", [("application/ld+json", "json-ld"), ("application/n-triples", "nt")])
def test_void_in_other_formats_says_the_same(client, accept, fmt):
    assert isomorphic(void_graph(client, accept, fmt), void_graph(client))


def test_void_is_computed_once_per_generation(client, store_root):
    first = client.get("/.well-known/void", headers={"Accept": "text/turtle"})
    etag = first.headers["ETag"]
    assert client.get("/.well-known/void", headers={"Accept": "text/turtle", "If-None-Match": etag}).status_code == 304
    saved = list(store_root.glob("artefacts/*/void-statistics-v*.json"))
    assert len(saved) == 1
    # a new generation with more data: new numbers, new validator
    extra = ox.Quad(ox.NamedNode(BASE + "id/work/w-new"), ox.NamedNode(str(rdflib.RDF.type)),
                    ox.NamedNode(DKG + "Dissertation"), ox.NamedNode(BASE + "graph/source/doc-c"))
    build_store(store_root, extra=[extra])
    client.application.extensions["dkg"].reload()
    second = client.get("/.well-known/void", headers={"Accept": "text/turtle"})
    assert second.headers["ETag"] != etag
    g = rdflib.Graph().parse(data=second.data, format="turtle")
    assert int(value(g, DATASET, VOID.triples)) == len({q.triple for q in quads()}) + 1


@pytest.mark.parametrize("name, fmt", [("dataset.nq.gz", ox.RdfFormat.N_QUADS), ("dataset.trig.gz", ox.RdfFormat.TRIG)])
def test_gzip_dumps_hold_every_quad(client, name, fmt):
    resp = client.get(f"/dumps/{name}")
    assert resp.status_code == 200
    assert resp.mimetype == "application/gzip"
    assert "Content-Encoding" not in resp.headers
    assert name in resp.headers["Content-Disposition"]
    dumped = set(ox.parse(gzip.decompress(resp.data), format=fmt))
    assert dumped == stored()
    etag = resp.headers["ETag"]
    again = client.get(f"/dumps/{name}", headers={"If-None-Match": etag})
    assert again.status_code == 304


@pytest.mark.parametrize("name, media_type, fmt", [("dataset.nq", "application/n-quads", ox.RdfFormat.N_QUADS),
                                                   ("dataset.trig", "application/trig", ox.RdfFormat.TRIG)])
def test_plain_dumps_have_their_media_type(client, name, media_type, fmt):
    plain = client.get(f"/dumps/{name}", headers={"Accept-Encoding": "identity"})
    assert plain.status_code == 200 and plain.mimetype == media_type
    assert "Content-Encoding" not in plain.headers
    assert set(ox.parse(plain.data, format=fmt)) == stored()
    zipped = client.get(f"/dumps/{name}", headers={"Accept-Encoding": "gzip"})
    assert zipped.mimetype == media_type and zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.data) == plain.data
    assert zipped.headers["ETag"] != plain.headers["ETag"]
    assert "Accept-Encoding" in zipped.headers["Vary"]


def test_dumps_are_written_once_and_follow_the_generation(client, store_root):
    client.get("/dumps/dataset.nq.gz")
    files = list(store_root.glob("artefacts/*/dataset.nq.gz"))
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    first = client.get("/dumps/dataset.nq.gz")
    assert files[0].stat().st_mtime_ns == stamp  # served from the file, not rewritten
    build_store(store_root, extra=[ox.Quad(ox.NamedNode(BASE + "id/x"), ox.NamedNode(DKG + "text"),
                                           ox.Literal("new"), ox.NamedNode(BASE + "graph/source/doc-c"))])
    client.application.extensions["dkg"].reload()
    second = client.get("/dumps/dataset.nq.gz")
    assert second.headers["ETag"] != first.headers["ETag"]
    assert len(set(ox.parse(gzip.decompress(second.data), format=ox.RdfFormat.N_QUADS))) == len(set(quads())) + 1


def test_merged_default_graph_is_not_counted_twice_and_the_dump_carries_it(tmp_path):
    """VoID counts each statement once; the dump holds the named graphs and, once, their merge as
    the default graph, so loading it into another engine gives the same default graph."""
    root = tmp_path / "merged"
    build_store(root, merged_default=True)
    client = publishing_app(root).test_client()
    g = void_graph(client)
    assert int(value(g, DATASET, VOID.triples)) == len({q.triple for q in quads()})
    dumped = list(ox.parse(gzip.decompress(client.get("/dumps/dataset.nq.gz").data), format=ox.RdfFormat.N_QUADS))
    merge = {ox.Quad(q.subject, q.predicate, q.object) for q in stored()}
    assert set(dumped) == stored() | merge and len(dumped) == len(stored() | merge)


@pytest.mark.parametrize("name,headers", [("dataset.nq.gz", {}), ("dataset.trig.gz", {}),
                                          ("dataset.nq", {"Accept-Encoding": "gzip"}),
                                          ("dataset.trig", {"Accept-Encoding": "gzip"}), ("dataset.nq", {})])
def test_dumps_answer_with_a_relative_store_path(tmp_path, monkeypatch, name, headers):
    """`make serve` passes the default, relative store path (.dkg/store): it is read against the
    directory the server started in, not the package folder (where send_file would look)."""
    build_store(tmp_path / ".dkg" / "store")
    monkeypatch.chdir(tmp_path)
    from dissertation_kg.server.app import create_app
    from dissertation_kg.server.config import ServerConfig

    app = create_app(ServerConfig.from_env({}, store=".dkg/store", workers=1, build_if_missing=False))
    assert app.config["DKG_CONFIG"].store == tmp_path / ".dkg" / "store"
    resp = app.test_client().get(f"/dumps/{name}", headers=headers)
    assert resp.status_code == 200, resp.data[:300]
    body = gzip.decompress(resp.data) if name.endswith(".gz") or resp.headers.get("Content-Encoding") == "gzip" else resp.data
    assert BASE.encode() in body
