"""Which serialization to answer with: the `format` parameter if given, else the Accept header
with its q-values (werkzeug's MIMEAccept), else the default (JSON for results, Turtle for graphs).

Media types are the registered ones, with `; charset=utf-8` on the text/* types (their default
charset would otherwise be US-ASCII); the application/* types are UTF-8 by definition.
"""
from __future__ import annotations

import functools

from dataclasses import dataclass

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header


@dataclass(frozen=True)
class Format:
    name: str            # the `format=` value
    media_type: str      # exactly what goes into Content-Type
    ox_format: object    # pyoxigraph QueryResultsFormat or RdfFormat
    aliases: tuple[str, ...] = ()  # other media types clients send for it

    @property
    def essence(self) -> str:
        return self.media_type.split(";")[0]

    @property
    def iri(self) -> str:
        return self.ox_format.iri


RESULT_FORMATS = (
    Format("json", "application/sparql-results+json", ox.QueryResultsFormat.JSON, ("application/json",)),
    Format("xml", "application/sparql-results+xml", ox.QueryResultsFormat.XML, ("application/xml", "text/xml")),
    Format("csv", "text/csv; charset=utf-8", ox.QueryResultsFormat.CSV),
    Format("tsv", "text/tab-separated-values; charset=utf-8", ox.QueryResultsFormat.TSV),
)

# ASK answers: SPARQL 1.1 defines no boolean result in CSV or TSV (a bare `true` is what
# Oxigraph writes, and Jena and rdflib refuse it), so ASK is offered in JSON and XML only and a
# client asking for CSV/TSV alone gets 406 naming these.
BOOLEAN_FORMATS = tuple(f for f in RESULT_FORMATS if f.name in ("json", "xml"))

GRAPH_FORMATS = (
    Format("turtle", "text/turtle; charset=utf-8", ox.RdfFormat.TURTLE, ("application/x-turtle",)),
    Format("ntriples", "application/n-triples", ox.RdfFormat.N_TRIPLES, ("text/plain",)),
    Format("jsonld", "application/ld+json", ox.RdfFormat.JSON_LD, ("application/json",)),
    Format("rdfxml", "application/rdf+xml", ox.RdfFormat.RDF_XML, ("application/xml", "text/xml")),
    Format("nquads", "application/n-quads", ox.RdfFormat.N_QUADS),
    Format("trig", "application/trig", ox.RdfFormat.TRIG),
)

# Formats for one graph (Graph Store Protocol GET): quad formats would add nothing.
SINGLE_GRAPH_FORMATS = tuple(f for f in GRAPH_FORMATS if f.name in ("turtle", "ntriples", "jsonld", "rdfxml"))

# Media types a client may send RDF in (GSP PUT/POST), mapped to the parser to use.
RDF_INPUT_TYPES = {
    **{f.essence: f.ox_format for f in GRAPH_FORMATS},
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "text/n3": ox.RdfFormat.N3,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/xml": ox.RdfFormat.RDF_XML,
    "text/xml": ox.RdfFormat.RDF_XML,
}


class NotAcceptable(ValueError):
    """Nothing the client accepts can be produced; `available` lists what can."""

    def __init__(self, available: tuple[Format, ...], asked: str):
        self.available = available
        super().__init__(
            f"none of the requested types ({asked}) can be produced here; ask for one of: "
            + ", ".join(f.essence for f in available)
            + " (or add format=" + "|".join(f.name for f in available) + " to the URL)"
        )


def choose(formats: tuple[Format, ...], accept: str | None, format_param: str | None = None) -> Format:
    """Pick a format from `formats` (server preference order); raise NotAcceptable when none fits."""
    if format_param:
        wanted = format_param.strip().lower()
        for f in formats:
            if wanted in (f.name, f.essence) or wanted in f.aliases:
                return f
        raise NotAcceptable(formats, f"format={format_param}")
    if not accept or not accept.strip():
        return formats[0]
    # Media type parameters (`text/turtle; charset=utf-8`) do not select anything here: every
    # format is written in UTF-8, so compare the type/subtype only.
    parsed = MIMEAccept([(value.split(";")[0].strip(), q) for value, q in parse_accept_header(accept, MIMEAccept)])
    offers: list[str] = []
    owner: dict[str, Format] = {}
    # Canonical types first, then aliases, so a wildcard (`*/*`, `text/*`) lands on a canonical
    # type in server preference order; the first format claiming an alias keeps it.
    for mt, f in [(f.essence, f) for f in formats] + [(a, f) for f in formats for a in f.aliases]:
        if mt not in owner:
            owner[mt] = f
            offers.append(mt)
    best = parsed.best_match(offers)
    if best is None:
        raise NotAcceptable(formats, accept)
    return owner[best]


@functools.lru_cache(maxsize=512)
def choose_or_explain(formats: tuple[Format, ...], accept: str | None,
                      format_param: str | None = None) -> tuple[Format | None, str]:
    """choose(), remembered: the same few Accept headers arrive again and again, and parsing one
    costs more than the rest of answering a cached query. (None, message) when nothing fits."""
    try:
        return choose(formats, accept, format_param), ""
    except NotAcceptable as exc:
        return None, str(exc)


def by_name(name: str) -> Format | None:
    for f in RESULT_FORMATS + GRAPH_FORMATS:
        if f.name == name:
            return f
    return None
