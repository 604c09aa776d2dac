"""Data that still uses a deprecated term, found in a built generation.

A term is deprecated when the ontology or a vocabulary (both loaded into every generation, in
their own named graphs) says `owl:deprecated true`; `dcterms:isReplacedBy` names what to use
instead. Every other named graph is data: the documents' graphs and the candidates. The mappers
themselves never emit a deprecated term (`dkg ontology check` scans their source, and a test
checks the mapped seeds), so a use found here comes from a vocabulary entry being retired, an
ontology edit the mappers have not followed yet, or data written through the Graph Store.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyoxigraph as ox

from dissertation_kg.mappings.vocab import GRAPH

ONTOLOGY_GRAPH = str(GRAPH["ontology"])
VOCABULARY_GRAPH = str(GRAPH["vocabularies"])
_PREFIXES = {
    "https://w3id.org/dissertation-kg/ontology#": "dkg:",
    "https://w3id.org/dissertation-kg/id/": "id:",
    "http://purl.org/dc/terms/": "dcterms:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://xmlns.com/foaf/0.1/": "foaf:",
    "http://purl.org/spar/fabio/": "fabio:",
    "http://purl.org/ontology/bibo/": "bibo:",
    "http://www.w3.org/ns/prov#": "prov:",
}

_DEPRECATED = f"""
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?term (SAMPLE(?r) AS ?replacement) WHERE {{
  GRAPH ?d {{ ?term owl:deprecated ?flag }}
  FILTER (?d IN (<{ONTOLOGY_GRAPH}>, <{VOCABULARY_GRAPH}>) && isIRI(?term) && ?flag = true)
  OPTIONAL {{ GRAPH ?d2 {{ ?term dcterms:isReplacedBy ?r }} }}
}} GROUP BY ?term ORDER BY ?term"""

_NOT_DATA = f"FILTER (?g NOT IN (<{ONTOLOGY_GRAPH}>, <{VOCABULARY_GRAPH}>))"
_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_ROLES = {
    "predicate": "GRAPH ?g {{ ?s <{t}> ?o }}",
    "class": "GRAPH ?g {{ ?s " + _RDF_TYPE + " <{t}> }}",
    "object": "GRAPH ?g {{ ?s ?p <{t}> }} FILTER (?p != " + _RDF_TYPE + ")",
}


@dataclass
class DeprecatedUse:
    term: str
    replacement: str | None
    uses: dict[str, int] = field(default_factory=dict)   # role → triples
    graphs: int = 0                                      # named graphs that use it

    @property
    def total(self) -> int:
        return sum(self.uses.values())

    def message(self) -> str:
        roles = ", ".join(f"{n} as {role}" for role, n in self.uses.items() if n)
        instead = f"use {short(self.replacement)} instead" if self.replacement else \
            "it names no replacement (add dcterms:isReplacedBy to the term)"
        return (f"{short(self.term)} is deprecated but the data still uses it in {self.total} triple"
                f"{'s' if self.total != 1 else ''} ({roles}) in {self.graphs} graph{'s' if self.graphs != 1 else ''}; "
                f"{instead}, then update the mappers or the vocabulary entries that state it and rebuild")

    def as_dict(self) -> dict:
        return {**asdict(self), "message": self.message()}


def short(iri: str) -> str:
    for ns, prefix in _PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return prefix + iri[len(ns):]
    return f"<{iri}>"


def _count(store: ox.Store, pattern: str, what: str) -> int:
    row = next(iter(store.query(f"SELECT (COUNT({what}) AS ?n) WHERE {{ {pattern} {_NOT_DATA} }}")))
    return int(row["n"].value)


def deprecated_uses(store: ox.Store) -> list[DeprecatedUse]:
    """One entry per deprecated term the data uses (as predicate, class or object), with counts."""
    found = []
    for row in store.query(_DEPRECATED):
        term = row["term"].value
        replacement = row["replacement"].value if row["replacement"] is not None else None
        use = DeprecatedUse(term, replacement)
        for role, template in _ROLES.items():
            use.uses[role] = _count(store, template.format(t=term), "*")
        if use.total:
            union = " UNION ".join("{ " + t.format(t=term) + " }" for t in _ROLES.values())
            use.graphs = _count(store, union, "DISTINCT ?g")
            found.append(use)
    return found


def deprecated_uses_in(generation: Path | str) -> list[DeprecatedUse]:
    """The same, for a generation directory (opened read-only, so a server may be reading it)."""
    store = ox.Store.read_only(str(generation))
    try:
        return deprecated_uses(store)
    finally:
        del store
