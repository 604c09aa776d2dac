"""The SHACL shapes over each vocabulary file, as `dkg validate --store` will judge it after a build.

A build loads every vocabulary as a named graph and validates it on its own; a person or body
entered without its foaf:name, or a concept without a prefLabel, used to pass `dkg ontology
check` and surface only then, minutes later and far from the line that needs it. The same
shapes (the folder's own shapes.ttl, as edited) run here per file, and each violation points at
the line where its entry starts.
"""
from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import Graph

from dissertation_kg.server.build import shacl
from dissertation_kg.server.curation.check import Problem, SourceFile, Sources


def check_vocabulary_shapes(sources: Sources) -> list[Problem]:
    if sources.shapes is None or sources.shapes.triples is None:
        return []  # a missing or unreadable shapes file is the syntax check's to report
    # Parsed from the text in hand, not through the build's cached loader: a curator's watch
    # session edits shapes.ttl under the same path.
    shapes = Graph().parse(data=sources.shapes.text, format="turtle", publicID=sources.shapes.path.as_uri())
    problems = []
    for f in sources.vocabularies:
        if not f.triples:
            continue
        text = ox.serialize(f.triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        for p in shacl.violations(shacl.validate_graph(text, f.path.name, shapes=shapes)):
            what = f"{p.path}: {p.message}" if p.path else p.message
            if p.value:
                what += f" (value: {p.value})"
            problems.append(Problem(
                "shapes", f.path, _line_of_entry(f, p.focus_iri) if p.focus_iri else None,
                f.short(p.focus_iri) if p.focus_iri else p.focus, what,
                f"give the entry what {sources.shapes.path.name} asks of its class; a build would load it "
                "and `dkg validate --store` fail on it"))
    return problems


def _line_of_entry(f: SourceFile, iri: str) -> int | None:
    # The entry's own block (the term at a line's start), not an earlier mention of it as an object.
    for pat in f.patterns_for(iri):
        if m := re.search(r"^[ \t]*" + pat, f.text, re.MULTILINE):
            return f.line_at(m.start())
    return f.line_of(iri)
