"""Choosing an RDF serialization (or HTML) from a request, with werkzeug's Accept parsing."""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from flask import Request

HTML = "text/html"


@dataclass(frozen=True)
class Choice:
    media_type: str
    format: ox.RdfFormat | None  # None means HTML
    extension: str


# Order matters only between equally acceptable types: Turtle first, so `*/*` (curl, most RDF
# libraries) gets RDF; browsers list text/html explicitly and get HTML.
_RDF = [
    Choice("text/turtle", ox.RdfFormat.TURTLE, "ttl"),
    Choice("application/ld+json", ox.RdfFormat.JSON_LD, "jsonld"),
    Choice("application/n-triples", ox.RdfFormat.N_TRIPLES, "nt"),
    Choice("application/rdf+xml", ox.RdfFormat.RDF_XML, "rdf"),
]
_HTML = [Choice(HTML, None, "html"), Choice("application/xhtml+xml", None, "html")]
# Media types some clients still send for the same formats.
_ALIASES = {
    "application/x-turtle": "text/turtle",
    "text/plain": "application/n-triples",
    "application/json": "application/ld+json",
    "application/xml": "application/rdf+xml",
    "text/xml": "application/rdf+xml",
}
BY_EXTENSION = {c.extension: c for c in _RDF + _HTML[:1]}


def negotiate(request: Request, *, html: bool = True, rdf: list[str] | None = None) -> Choice | None:
    """The representation to send, or None when nothing the client accepts is available.

    `?format=ttl|jsonld|nt|rdf|html` overrides Accept, so links can name a representation."""
    offered = [c for c in _RDF if rdf is None or c.media_type in rdf] + (_HTML if html else [])
    forced = request.args.get("format")
    if forced:
        choice = BY_EXTENSION.get(forced)
        return choice if choice in offered else None
    by_type = {c.media_type: c for c in offered}
    candidates = [c.media_type for c in offered]
    candidates += [alias for alias, target in _ALIASES.items() if target in by_type]
    if not request.accept_mimetypes:  # no Accept header at all: anything goes
        return offered[0]
    best = request.accept_mimetypes.best_match(candidates)
    if best is None:
        return None
    return by_type[_ALIASES.get(best, best)]


def offered_types(*, html: bool = True, rdf: list[str] | None = None) -> list[str]:
    return [c.media_type for c in _RDF if rdf is None or c.media_type in rdf] + ([HTML] if html else [])
