"""What the reader's queries share: prefixes, the year of a work, and reading solutions.

A work carries no date of its own (the mappers find none on the title pages they read), so a
work's year is that of the latest publication its abstract lists: an abstract lists the
author's publications up to the defence. Works without a dated publication have no year and
are left out of the per-year plots (the plots say how many).
"""
from __future__ import annotations

import pyoxigraph as ox

PREFIXES = """PREFIX dkg: <https://w3id.org/dissertation-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX bibo: <http://purl.org/ontology/bibo/>
PREFIX fabio: <http://purl.org/spar/fabio/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""

DKG = "https://w3id.org/dissertation-kg/ontology#"
LOC_LANGUAGE = "http://id.loc.gov/vocabulary/iso639-1/"

# ?w → ?year: a sub-select to join on ?w (the year as an integer, for sorting and plotting).
WORK_YEAR = """{ SELECT ?w (MAX(?y) AS ?year) WHERE {
    ?w dkg:hasPublication ?pub_ . ?pub_ dcterms:issued ?issued_ .
    BIND(xsd:integer(SUBSTR(STR(?issued_), 1, 4)) AS ?y) } GROUP BY ?w }"""

# The kinds of work the mappers emit (dkg:ScholarlyWork itself is never stated without reasoning).
WORK_CLASSES = " ".join(f"dkg:{c}" for c in ("Dissertation", "MastersThesis", "BachelorsThesis", "JournalArticle"))


def iri(value: str) -> str:
    """An IRI for splicing into a query: validated by pyoxigraph, so it cannot close the <…>."""
    return str(ox.NamedNode(value))


def rows(store, query: str) -> list[dict]:
    """Solutions as {variable: term}; unbound variables are absent."""
    out = []
    result = store.query(PREFIXES + query)
    variables = [v.value for v in result.variables]
    for solution in result:
        row = {}
        for v in variables:
            term = solution[v]
            if term is not None:
                row[v] = term
        out.append(row)
    return out


def integer(term) -> int | None:
    try:
        return int(term.value) if term is not None else None
    except ValueError:
        return None


def language_code(term) -> str | None:
    """`http://id.loc.gov/vocabulary/iso639-1/kk` → `kk`."""
    if term is None:
        return None
    value = term.value
    return value[len(LOC_LANGUAGE):] if value.startswith(LOC_LANGUAGE) else None
