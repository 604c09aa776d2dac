"""One document's statements as N-Triples text, built without an rdflib graph.

The build maps thousands of documents; an rdflib graph per document spent most of the time in
`Graph.add` (indexes, events, term validation) only to be serialized again at once. A document
here is an ordered, duplicate-free set of N-Triples lines: Oxigraph loads them, pyshacl-turbo
validates them, and `graph()` gives an rdflib graph to the few callers that want one (`dkg map
--format turtle`, the tests).
"""
from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_IRIS: dict[str, str] = {}


def iri(value: str) -> str:
    """`<value>`: the IRIs the mappers mint and the vocabularies' are known to be valid."""
    out = _IRIS.get(value)
    if out is None:
        out = f"<{value}>"
        if len(_IRIS) < 100_000:  # predicates, classes, entities: a bounded working set
            _IRIS[value] = out
    return out


def literal(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    quoted = '"' + text.translate(_ESCAPES) + '"'
    if lang:
        return f"{quoted}@{lang}"
    if datatype and datatype != "http://www.w3.org/2001/XMLSchema#string":
        return f"{quoted}^^{iri(datatype)}"
    return quoted


def term(value) -> str:
    """An rdflib term (or a string already in N-Triples form) as N-Triples text."""
    if isinstance(value, URIRef):
        return iri(value)
    if isinstance(value, Literal):
        return literal(str(value), value.language, value.datatype)
    if isinstance(value, BNode):
        return f"_:{value}"
    if isinstance(value, str) and value[:1] in ('<', '"', '_'):
        return value
    raise TypeError(f"not an RDF term: {value!r}")


class Document:
    """Statements in the order they were added, each once."""

    def __init__(self) -> None:
        self._lines: dict[str, None] = {}

    def add(self, triple) -> None:
        s, p, o = triple
        self._lines[f"{term(s)} {term(p)} {term(o)}"] = None

    def add_lines(self, lines) -> None:
        """Lines `<s> <p> o` already in N-Triples form (without the final ` .`)."""
        self._lines.update(dict.fromkeys(lines))

    def __len__(self) -> int:
        return len(self._lines)

    def ntriples(self) -> str:
        return "".join(f"{line} .\n" for line in self._lines)

    def nquads(self, graph_iri: str) -> bytes:
        suffix = f" {iri(graph_iri)} .\n"
        return "".join(line + suffix for line in self._lines).encode("utf-8")

    def graph(self) -> Graph:
        g = Graph()
        g.parse(data=self.ntriples(), format="nt")
        return g
