"""A small store shaped like ontology/MODEL.md, and apps serving it, for the publishing tests.

The data is written here by hand (not by the mappers) so these tests pin the publishing layer
alone; the IRIs and properties follow MODEL.md exactly.
"""
from __future__ import annotations

import socket
import threading
from pathlib import Path

import pyoxigraph as ox
from flask import Flask

from dissertation_kg.server.store.location import StoreLocation

BASE = "https://w3id.org/dissertation-kg/"
ID = BASE + "id/"
DKG = "https://w3id.org/dissertation-kg/ontology#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"
FOAF = "http://xmlns.com/foaf/0.1/"

WORK = ID + "work/w-test0001"
WORK2 = ID + "work/w-test0002"
PERSON = ID + "person/aigerim-test"
UNIVERSITY = ID + "organization/test-university"
SPECIALTY = ID + "specialty/6D020200"
XSS = '<script>alert("x")</script>'


def n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _document(slug: str, work: str, title_en: str, title_ru: str, title_kk: str, aim_en: str) -> list[ox.Quad]:
    g = n(f"{BASE}graph/source/{slug}")
    src = n(f"{ID}source/{slug}")
    act = n(f"{ID}source/{slug}/mapping")
    abstract = n(f"{work}/abstract/en")
    aim = n(f"{work}/aim")
    prov1 = n(f"{work}/provision/1")
    triples = [
        (n(work), RDF_TYPE, n(DKG + "Dissertation")),
        (n(work), n(DCT + "title"), ox.Literal(title_en, language="en")),
        (n(work), n(DCT + "title"), ox.Literal(title_ru, language="ru")),
        (n(work), n(DCT + "title"), ox.Literal(title_kk, language="kk")),
        (n(work), n(DCT + "creator"), n(PERSON)),
        (n(work), n("http://purl.org/spar/fabio/hasDiscipline"), n(SPECIALTY)),
        (n(work), n(DKG + "institution"), n(UNIVERSITY)),
        (n(work), n(DKG + "hasAbstract"), abstract),
        (abstract, RDF_TYPE, n(DKG + "Abstract")),
        (abstract, n(DKG + "abstractOf"), n(work)),
        (abstract, n(DCT + "language"), n("http://id.loc.gov/vocabulary/iso639-1/en")),
        (abstract, n(DKG + "sourceDocument"), src),
        (n(work), n(DKG + "hasAim"), aim),
        (aim, RDF_TYPE, n(DKG + "ResearchAim")),
        (aim, n(DKG + "componentOf"), n(work)),
        (aim, n(DKG + "text"), ox.Literal(aim_en, language="en")),
        (n(work), n(DKG + "hasProvision"), prov1),
        (prov1, RDF_TYPE, n(DKG + "Provision")),
        (prov1, n(DKG + "componentOf"), n(work)),
        (prov1, n(DKG + "ordinal"), ox.Literal("1", datatype=n(XSD + "positiveInteger"))),
        (prov1, n(DKG + "text"), ox.Literal("Soft power shapes foreign policy.", language="en")),
        (n(PERSON), RDF_TYPE, n(DKG + "Person")),
        (n(PERSON), n(FOAF + "name"), ox.Literal("Aigerim Test", language="en")),
        (n(PERSON), n(FOAF + "name"), ox.Literal("Айгерим Тест", language="ru")),
        (n(UNIVERSITY), RDF_TYPE, n(DKG + "University")),
        (n(UNIVERSITY), n(FOAF + "name"), ox.Literal("Test University", language="en")),
        (n(SPECIALTY), RDF_TYPE, n(DKG + "Specialty")),
        (n(SPECIALTY), n("http://www.w3.org/2004/02/skos/core#notation"), ox.Literal("6D020200")),
        (n(SPECIALTY), n("http://www.w3.org/2004/02/skos/core#prefLabel"),
         ox.Literal("International Relations", language="en")),
        (n(SPECIALTY), n("http://www.w3.org/2004/02/skos/core#prefLabel"),
         ox.Literal("Международные отношения", language="ru")),
        (n(SPECIALTY), n("http://www.w3.org/2004/02/skos/core#prefLabel"),
         ox.Literal("Халықаралық қатынастар", language="kk")),
        (src, RDF_TYPE, n(DKG + "SourceDocument")),
        (src, n(DKG + "fileName"), ox.Literal(f"{slug}.txt")),
        (src, n(DKG + "sha256"), ox.Literal("ab" * 32)),
        (src, n(DKG + "characterCount"), ox.Literal("12345", datatype=n(XSD + "integer"))),
        (act, RDF_TYPE, n(DKG + "MappingActivity")),
        (act, n(PROV + "used"), src),
        (act, n(PROV + "endedAtTime"), ox.Literal("2026-11-21T10:00:00Z", datatype=n(XSD + "dateTime"))),
        (act, n(DKG + "mapperVersion"), ox.Literal("0.1.0")),
        (act, n(DKG + "ontologyVersion"), ox.Literal("0.1.0")),
        (g, RDF_TYPE, n(PROV + "Bundle")),
        (g, n(PROV + "wasDerivedFrom"), src),
        (n(work), n(PROV + "wasGeneratedBy"), act),
    ]
    return [ox.Quad(s, p, o, g) for s, p, o in triples]


def quads() -> list[ox.Quad]:
    return (
        _document("doc-a", WORK, "Humanization of foreign policy", "Гуманизация внешней политики",
                  "Сыртқы саясатты ізгілендіру", XSS)
        + _document("doc-b", WORK2, "Academic mobility as soft power", "Академическая мобильность",
                    "Академиялық ұтқырлық", "To study academic mobility.")
    )


def build_store(root: Path, extra: list[ox.Quad] = (), merged_default: bool = False,
                search: bool = False) -> Path:
    """A store directory with one generation holding `quads()` (+ `extra`), switched in.
    `merged_default` also fills the default graph with the merge of the named graphs and marks
    it so, as `dkg build` does; `search` adds the full-text index `dkg build` writes."""
    from dissertation_kg.server.store.engines import UNION_MARKER
    location = StoreLocation(root)
    generation = location.new_generation()
    store = ox.Store(str(generation))
    data = quads() + list(extra)
    store.extend(data)
    if merged_default:
        store.extend([ox.Quad(q.subject, q.predicate, q.object) for q in data])
        (generation / UNION_MARKER).touch()
    store.flush()
    del store
    if search:
        from dissertation_kg.server.search import index as search_index
        from dissertation_kg.server.store.engines import OxigraphStore
        search_index.build_index(OxigraphStore(generation), generation / search_index.INDEX_NAME)
    location.switch(generation)
    return generation


def publishing_app(store_root: Path, base: str = BASE) -> Flask:
    """The real app, as `dkg serve` makes it (an import error fails the test, it is not hidden)."""
    from dissertation_kg.server.app import create_app
    from dissertation_kg.server.config import ServerConfig

    return create_app(ServerConfig(store=store_root, base_iri=base, workers=1, build_if_missing=False))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ThreadedServer:
    """A WSGI app on 127.0.0.1 in a background thread (werkzeug), stopped on exit."""

    def __init__(self, app):
        from werkzeug.serving import make_server
        self.port = free_port()
        self.server = make_server("127.0.0.1", self.port, app, threaded=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(timeout=10)
