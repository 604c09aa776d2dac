"""Namespaces and the IRIs the mappers mint (see ontology/MODEL.md). Stable: derived from the
input only, never from order, time or randomness."""
from __future__ import annotations

import re

from anyascii import anyascii
from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDFS, SKOS, XSD
from rdflib.namespace import RDF as _RDF

# Re-exported: the mappers take every namespace from this module (an assignment, which pyflakes
# reads as a use; it does not read noqa comments).
RDF = _RDF

ROOT = "https://w3id.org/dissertation-kg/"
DKG = Namespace(ROOT + "ontology#")
ONTOLOGY_IRI = URIRef(ROOT + "ontology")
ID = Namespace(ROOT + "id/")
GRAPH = Namespace(ROOT + "graph/")
CANDIDATES_GRAPH = URIRef(ROOT + "graph/candidates")

FABIO = Namespace("http://purl.org/spar/fabio/")
BIBO = Namespace("http://purl.org/ontology/bibo/")
DEO = Namespace("http://purl.org/spar/deo/")
DOCO = Namespace("http://purl.org/spar/doco/")
SCHEMA = Namespace("https://schema.org/")
# Mentions are NIF 2.0 strings (one node each: offsets, quote, context, entity), not Web
# Annotations (four nodes each): issue #15 measured the store 61 % smaller and loads 43 % faster
# for the same spans, quotes, languages and entities (scripts/bench_graph_layout.py).
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
PHD = URIRef("http://purl.org/ontology/bibo/degrees/phd")
# The degree a work is submitted for (mappings/degrees.py): BIBO's own where it has one.
DEGREES = {
    "phd": PHD, "master-arts": URIRef("http://purl.org/ontology/bibo/degrees/ma"),
    "master-science": URIRef("http://purl.org/ontology/bibo/degrees/ms"),
    "candidate": DKG.CandidateOfSciences, "doctor": DKG.DoctorOfSciences,
    "master": DKG.MastersDegree, "bachelor": DKG.BachelorsDegree,
}
LANGUAGE = {code: URIRef(f"http://id.loc.gov/vocabulary/iso639-1/{code}") for code in ("en", "ru", "kk")}

PREFIXES = {
    "dkg": DKG, "fabio": FABIO, "bibo": BIBO, "deo": DEO, "doco": DOCO, "schema": SCHEMA, "nif": NIF,
    "itsrdf": ITSRDF,
    "dcterms": DCTERMS, "foaf": FOAF, "prov": PROV, "skos": SKOS, "owl": OWL, "rdfs": RDFS, "xsd": XSD,
}


def slug(text: str) -> str:
    """ASCII slug: transliterated (Kazakh letters kept distinct by anyascii), lower case."""
    s = anyascii(text).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:80] or "x"


def file_slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", anyascii(name)).strip("-") or "document"


def work(work_id: str) -> URIRef:
    return ID[f"work/{work_id}"]


def source(file_name: str) -> URIRef:
    return ID[f"source/{file_slug(file_name)}"]


def document_graph(file_name: str) -> URIRef:
    return GRAPH[f"source/{file_slug(file_name)}"]


def person(name: str) -> URIRef:
    return ID[f"person/{slug(name)}"]


def organization(name: str) -> URIRef:
    return ID[f"organization/{slug(name)}"]


def specialty(code: str) -> URIRef:
    return ID[f"specialty/{code}"]


def software(name: str, version: str) -> URIRef:
    """A program in one version (the library that read a file's text): one IRI per release."""
    return ID[f"software/{slug(name)}/{file_slug(version)}"]
