"""What the index holds, read from any GraphStore with SPARQL only.

Nothing here knows how the store is kept: an embedded generation and a remote endpoint answer
the same three queries, so the index of either is built the same way.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import pyoxigraph as ox

from dissertation_kg.server.search.analysis import guess_language
from dissertation_kg.server.store.engines import GraphStore

DKG = "https://w3id.org/dissertation-kg/ontology#"
_LOC_LANG = "http://id.loc.gov/vocabulary/iso639-1/"

_PREFIXES = f"""PREFIX dkg: <{DKG}>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
"""

# Every text that belongs to a work: its own literals (titles, keywords…), its parts' texts and
# headings, its publications' entries and its authors' names. `?kind` is the part's class.
TEXTS = _PREFIXES + """
SELECT ?work ?node ?kind ?prop ?text WHERE {
  {
    # A work's own literals, once per work (a work has dozens of parts: joining each part
    # with the work's titles would repeat every title dozens of times).
    { SELECT DISTINCT ?work WHERE { %(works)s { ?work dkg:hasAbstract [] } UNION { [] dkg:componentOf ?work } } }
    ?work ?prop ?text . BIND(?work AS ?node) BIND(dkg:ScholarlyWork AS ?kind)
  } UNION {
    %(works)s ?node dkg:componentOf ?work ; ?prop ?text .
    OPTIONAL { ?node a ?kind FILTER(STRSTARTS(STR(?kind), STR(dkg:))) }
  } UNION {
    %(works)s ?work dkg:hasPublication ?node . ?node dkg:citationText ?text . BIND(dkg:citationText AS ?prop) BIND(dkg:Publication AS ?kind)
  } UNION {
    %(works)s ?work dcterms:creator ?node . ?node foaf:name ?text . BIND(foaf:name AS ?prop) BIND(foaf:Person AS ?kind)
  }
  FILTER(isLiteral(?text) && (lang(?text) != "" || datatype(?text) = <http://www.w3.org/2001/XMLSchema#string>))
}"""

# The labels of everything a mention can point at (vocabulary entries), in every language.
LABELS = _PREFIXES + """
SELECT DISTINCT ?entity ?label WHERE {
  { SELECT DISTINCT ?entity WHERE { %(entities)s { ?entity skos:inScheme [] } UNION { [] itsrdf:taIdentRef ?entity } } }
  ?entity skos:prefLabel|skos:altLabel|foaf:name|rdfs:label ?label .
  FILTER(isLiteral(?label))
}"""

# Linked mentions (NIF strings): which entity, in which part of which work, in which language,
# as which words. Every mention has a context, and every context a part and a language
# (ontology/MODEL.md). The part's work comes from the texts already read (joining it here, with
# DISTINCT, tripled the time on a 2,000-document store).
MENTIONS = _PREFIXES + """
SELECT ?entity ?node ?language ?exact WHERE {
  ?mention nif:anchorOf ?exact ; nif:referenceContext ?context ; itsrdf:taIdentRef ?entity .
  ?context nif:sourceUrl ?node ; dcterms:language ?language .
}"""

# The same, for the parts of a few works (an incremental update): asked graph by graph of the
# documents that speak of those works, since a mention's statements are made with its document's
# and stay in its graph. Restricting the parts instead (VALUES ?node) ran about 2x slower warm
# and up to 4.5x cold on a 10,000-document store for 100 works, the same rows.
GRAPHS_OF_WORKS = _PREFIXES + """
SELECT DISTINCT ?g WHERE { %(works)s GRAPH ?g { { [] dkg:componentOf ?work } UNION { ?work dkg:hasAbstract [] } } }"""
MENTIONS_IN_GRAPHS = _PREFIXES + """
SELECT ?entity ?node ?language ?exact WHERE {
  %(graphs)s
  GRAPH ?g {
    ?mention nif:anchorOf ?exact ; nif:referenceContext ?context ; itsrdf:taIdentRef ?entity .
    ?context nif:sourceUrl ?node ; dcterms:language ?language .
  }
}"""


@dataclass(frozen=True)
class Text:
    work: str
    node: str
    kind: str      # the part's class local name: Provision, ResearchTask, ScholarlyWork…
    prop: str      # the property's local name: text, title, heading, citationText…
    lang: str
    text: str


@dataclass(frozen=True)
class Label:
    entity: str
    lang: str
    label: str


@dataclass(frozen=True)
class Mention:
    entity: str
    node: str
    work: str
    lang: str
    exact: str


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _lang(term, text: str) -> str:
    tag = (getattr(term, "language", None) or "").split("-")[0].lower()
    return tag if tag in ("en", "ru", "kk") else guess_language(text)


def _rows(store: GraphStore, sparql: str):
    result = store.query(sparql)
    if not isinstance(result, ox.QuerySolutions):
        raise TypeError(f"the store answered a SELECT with {type(result).__name__}; "
                        "check that its endpoint speaks the SPARQL 1.1 Protocol")
    return result


def _values(var: str, iris) -> str:
    """A VALUES block restricting `var` to `iris` (None: no restriction)."""
    if iris is None:
        return ""
    return f"VALUES ?{var} {{ {' '.join(f'<{i}>' for i in sorted(iris))} }}"


def texts(store: GraphStore, works: set[str] | None = None) -> Iterator[Text]:
    """Every work's texts, or only those of `works` (an incremental update of the index)."""
    for row in _rows(store, TEXTS % {"works": _values("work", works)}):
        term = row["text"]
        value = term.value.strip()
        if not value or (term.datatype is not None and term.language is None
                         and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string"):
            continue
        kind = row["kind"]
        yield Text(row["work"].value, row["node"].value, _local(kind.value) if kind else "WorkComponent",
                   _local(row["prop"].value), _lang(term, value), value)


def labels(store: GraphStore, entities: set[str] | None = None) -> Iterator[Label]:
    """Every entity's labels, or only those of `entities` (an incremental update of the index)."""
    for row in _rows(store, LABELS % {"entities": _values("entity", entities)}):
        term = row["label"]
        if term.value.strip():
            yield Label(row["entity"].value, _lang(term, term.value), term.value.strip())


def mentions(store: GraphStore, work_of: dict[str, str], *, only_these: bool = False) -> Iterator[Mention]:
    """Each distinct mention once; `work_of` maps a part to its work (parts without text, or
    outside any work, are skipped: there is nothing of theirs to find). `only_these`: ask
    only about the parts in `work_of`, read in the graphs of the documents of their works (an
    incremental update of the index)."""
    seen = set()
    if only_these:
        graphs = {row["g"].value for row in _rows(store, GRAPHS_OF_WORKS % {"works": _values("work", set(work_of.values()))})}
        if not graphs:
            return
        rows = _rows(store, MENTIONS_IN_GRAPHS % {"graphs": _values("g", graphs)})
    else:
        rows = _rows(store, MENTIONS)
    for row in rows:
        node = row["node"].value
        work = work_of.get(node)
        if work is None:
            continue
        lang = row["language"].value.removeprefix(_LOC_LANG)
        exact = row["exact"].value
        key = (row["entity"].value, node, lang, exact)
        if key in seen:
            continue
        seen.add(key)
        yield Mention(key[0], node, work, lang if lang in ("en", "ru", "kk") else guess_language(exact), exact)
