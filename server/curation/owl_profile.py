"""OWL 2 DL over everything `dkg ontology check` loads (the ontology and the vocabularies together):
every property and class an axiom or annotation uses must be declared. This is the rule the OWL
API's DL profile checker reports as "Use of undeclared annotation property / object property /
data property / class"; a vocabulary that uses skos:altLabel while no loaded file declares it
is not OWL 2 DL, and Protégé, the OWL API and HermiT-based tools then read it differently.

Hand-written (a few lines over the parsed triples) because the alternatives are a JVM start-up
per check (the OWL API) or owlready2, whose loader accepts undeclared properties silently.
"""
from __future__ import annotations

from collections import Counter

import pyoxigraph as ox

from dissertation_kg.server.curation.check import (DKG, ONTOLOGY_FILE, OWL, RDF, RDFS, TYPE, XSD, Problem,
                                                    Sources)

# The reserved vocabulary (OWL 2 Structural Specification §2.4): never declared by users.
_RESERVED = (RDF, RDFS, OWL, XSD)
_PROPERTY_KINDS = {OWL + "AnnotationProperty", OWL + "ObjectProperty", OWL + "DatatypeProperty",
                   RDF + "Property"}
_CLASS_KINDS = {OWL + "Class", RDFS + "Class", RDFS + "Datatype"}


def check_dl_declarations(sources: Sources) -> list[Problem]:
    files = sources.terms
    types: dict[str, set[str]] = {}
    for f in files:
        for t in f.triples:
            if t.predicate == TYPE and isinstance(t.subject, ox.NamedNode) and isinstance(t.object, ox.NamedNode):
                types.setdefault(t.subject.value, set()).add(t.object.value)

    def declared(iri: str, kinds: set[str]) -> bool:
        # An undeclared dkg: term is the agreement check's (its hint asks for labels and a shape).
        if iri.startswith(DKG) and iri not in types:
            return True
        return iri.startswith(_RESERVED) or bool(types.get(iri, set()) & kinds)

    problems = []
    for f in files:
        properties: Counter[str] = Counter()
        classes: Counter[str] = Counter()
        for t in f.triples:
            if not declared(t.predicate.value, _PROPERTY_KINDS):
                properties[t.predicate.value] += 1
            if t.predicate == TYPE and isinstance(t.object, ox.NamedNode) and not declared(t.object.value, _CLASS_KINDS):
                classes[t.object.value] += 1
        for iri, n in sorted(properties.items()):
            short = f.short(iri)
            problems.append(Problem(
                "owl2-dl", f.path, f.line_of(iri), short,
                f"used {n} time{'s' if n != 1 else ''} as a property, but no loaded file declares it, so the "
                "ontology with its vocabularies is not OWL 2 DL (undeclared property)",
                f"declare it in {ONTOLOGY_FILE}: `{short} a owl:AnnotationProperty .` for labels, notes and "
                "links between concepts (owl:ObjectProperty / owl:DatatypeProperty if axioms reason with it)"))
        for iri, n in sorted(classes.items()):
            short = f.short(iri)
            problems.append(Problem(
                "owl2-dl", f.path, f.line_of(iri), short,
                f"used {n} time{'s' if n != 1 else ''} as a class (rdf:type), but no loaded file declares it, "
                "so the ontology with its vocabularies is not OWL 2 DL (undeclared class)",
                f"declare it in {ONTOLOGY_FILE}: `{short} a owl:Class .`"))
    return problems
