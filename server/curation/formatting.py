"""One stable, diff-friendly layout for the project's Turtle files (`dkg ontology format`).

Built on rdflib's `longturtle` serializer (one predicate per line, one object per line,
statements separated by blank lines), with two changes that make the output depend on the
triples alone: subjects are ordered by IRI (longturtle orders them by how often they are
referenced, so adding a reference would move a block), and blank nodes are ordered by their
content (longturtle orders them by their random ids, so two runs would differ).

Comments: a block of comment lines starting in column 1 is a *section header*; the statements
after it, up to the next header, are its section and are formatted in place. That keeps the
hand-made structure of a file (and the places other engineers add their terms to). A comment
inside a statement cannot be kept, so formatting refuses and says where it is.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.plugins.serializers.longturtle import LongTurtleSerializer

SH_PATH = URIRef("http://www.w3.org/ns/shacl#path")

_DIRECTIVE = re.compile(r"^\s*(@prefix|@base|prefix\s|base\s)", re.IGNORECASE)
_PREFIX = re.compile(r"^\s*(?:@prefix|prefix)\s+([\w.-]*):\s*<([^>]*)>", re.IGNORECASE)
_BASE = re.compile(r"^\s*(?:@base|base)\s+<([^>]*)>", re.IGNORECASE)
# What may contain a '#' without starting a comment: IRIs and one-line strings.
_QUOTED = re.compile(r'<[^<>"{}|^`\\\s]*>|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'')


class FormatError(ValueError):
    """A file cannot be formatted without losing something; the message says how to fix it."""


# --------------------------------------------------------------------------- ordering


class _StableSerializer(LongTurtleSerializer):
    """longturtle, with subjects and objects ordered by content instead of by ids or counts."""

    def __init__(self, store):
        super().__init__(store)
        self.predicateOrder = [RDF.type, SH_PATH, RDFS.label]
        self._keys: dict[BNode, tuple] = {}

    def _key(self, node, seen: frozenset = frozenset()) -> tuple:
        if isinstance(node, URIRef):
            return (0, str(node))
        if isinstance(node, Literal):
            return (1, node.language or "", str(node.datatype or ""), str(node))
        if node in seen:  # a cycle of blank nodes: stop, the rest of the key still differs
            return (3,)
        if node not in self._keys:
            inner = seen | {node}
            pairs = sorted(
                (self._predicate_rank(p), str(p), self._key(o, inner))
                for p, o in self.store.predicate_objects(node)
            )
            self._keys[node] = (2, tuple(pairs))
        return self._keys[node]

    def _predicate_rank(self, p) -> int:
        return self.predicateOrder.index(p) if p in self.predicateOrder else len(self.predicateOrder)

    def orderSubjects(self):
        iris = [s for s in self._subjects if isinstance(s, URIRef)]
        ontologies = sorted(s for s in iris if (s, RDF.type, OWL.Ontology) in self.store)
        rest = sorted(s for s in iris if s not in ontologies)
        bnodes = sorted((s for s in self._subjects if isinstance(s, BNode)),
                        key=lambda b: (self._references[b] > 0, self._key(b)))
        for s in ontologies:
            self._topLevels[s] = True
        return ontologies + rest + bnodes

    def sortProperties(self, properties):
        for objects in properties.values():
            objects.sort(key=self._key)
        return sorted(properties, key=lambda p: (self._predicate_rank(p), str(p)))


def _serialize_body(graph: rdflib.Graph) -> str:
    """The statements of `graph` in stable order, without prefix lines."""
    if len(graph) == 0:
        return ""
    out = io.BytesIO()
    _StableSerializer(graph).serialize(out, encoding="utf-8")
    lines = out.getvalue().decode("utf-8").splitlines()
    body = [ln for ln in lines if not _DIRECTIVE.match(ln)]
    return "\n".join(body).strip("\n")


# --------------------------------------------------------------------------- sections


@dataclass
class _Section:
    header: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    first_line: int = 1

    def has_statements(self) -> bool:
        return any(ln.strip() for ln in self.body)


@dataclass
class _Layout:
    preamble: list[str]
    directives: list[str]
    sections: list[_Section]


def _long_string_toggles(line: str) -> int:
    return line.count('"""') + line.count("'''")


def _split(text: str, name: str) -> _Layout:
    preamble: list[str] = []
    directives: list[str] = []
    sections: list[_Section] = [_Section()]
    in_long_string = False
    seen_content = False
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        starts_in_string = in_long_string
        if _long_string_toggles(line) % 2:
            in_long_string = not in_long_string
        current = sections[-1]
        if starts_in_string:
            current.body.append(line)
            continue
        if line.startswith("#"):
            if not seen_content:
                preamble.append(line)
            elif current.has_statements():
                sections.append(_Section(header=[line], first_line=number))
            else:
                current.header.append(line)
            continue
        if _DIRECTIVE.match(line):
            directives.append(line.strip())
            seen_content = True
            continue
        if line.strip():
            seen_content = True
            if line.lstrip().startswith("#"):
                problems.append(number)
            elif not in_long_string and "#" in _QUOTED.sub("", line):
                problems.append(number)
        current.body.append(line)
    if problems:
        where = ", ".join(str(n) for n in problems[:10])
        raise FormatError(
            f"{name}: comments inside statements (line {where}) would be lost by formatting; "
            "move each onto its own line, starting in column 1, above the statement it explains")
    return _Layout(preamble, directives, sections)


def _prefix_lines(directives: list[str]) -> list[str]:
    prefixes, bases = {}, []
    for d in directives:
        if m := _PREFIX.match(d):
            prefixes[m.group(1)] = m.group(2)
        elif m := _BASE.match(d):
            bases.append(m.group(1))
    lines = [f"@base <{b}> ." for b in bases[:1]]
    lines += [f"@prefix {p}: <{ns}> ." for p, ns in sorted(prefixes.items())]
    return lines


# --------------------------------------------------------------------------- API


def format_turtle(text: str, name: str = "<text>") -> str:
    """`text` rewritten in the stable layout. Raises FormatError (syntax errors included)."""
    try:
        whole = rdflib.Graph(bind_namespaces="none").parse(data=text, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad syntax
        raise FormatError(f"{name}: not valid Turtle ({exc}); fix the syntax, then format again") from exc
    layout = _split(text, name)
    prefix_block = _prefix_lines(layout.directives)
    header = "\n".join(prefix_block) + "\n"

    parts: list[str] = []
    if layout.preamble:
        parts.append("\n".join(layout.preamble).rstrip())
    parts.append("\n".join(prefix_block))
    merged = rdflib.Graph(bind_namespaces="none")
    for section in layout.sections:
        try:
            graph = rdflib.Graph(bind_namespaces="none").parse(
                data=header + "\n".join(section.body), format="turtle")
        except Exception as exc:
            raise FormatError(
                f"{name}: the comment block at line {section.first_line} splits a statement "
                f"({exc}); move it above the statement or below its final '.'") from exc
        for prefix, ns in whole.namespaces():
            graph.bind(prefix, ns, override=True, replace=True)
        merged += graph
        block = "\n".join(section.header).rstrip()
        body = _serialize_body(graph)
        if block and body:
            parts.append(block + "\n\n" + body)
        elif block or body:
            parts.append(block or body)
    if not _same_triples(merged, whole):
        raise FormatError(
            f"{name}: a blank node is shared between sections, so sections cannot be formatted "
            "apart; give it an IRI or keep its statements in one section")
    return _strip_trailing_spaces("\n\n".join(p for p in parts if p)) + "\n"


def _same_triples(a: rdflib.Graph, b: rdflib.Graph) -> bool:
    # A blank node split across sections parses as two nodes: more nodes (and usually more
    # triples) in the merge. Full isomorphism would say the same but costs seconds.
    def ground(g):
        return {t for t in g if not any(isinstance(x, BNode) for x in t)}

    def bnodes(g):
        return {x for t in g for x in t if isinstance(x, BNode)}

    return len(a) == len(b) and len(bnodes(a)) == len(bnodes(b)) and ground(a) == ground(b)


def _strip_trailing_spaces(text: str) -> str:
    # longturtle leaves a space after a predicate whose objects start on the next line.
    out, in_long_string = [], False
    for line in text.split("\n"):
        out.append(line if in_long_string else line.rstrip())
        if _long_string_toggles(line) % 2:
            in_long_string = not in_long_string
    return "\n".join(out)


def format_file(path: Path, *, check: bool = False) -> bool:
    """Format `path` in place (or only compare when `check`). Returns True if it was already formatted."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    formatted = format_turtle(text, str(path))
    if formatted == text:
        return True
    if not check:
        path.write_text(formatted, encoding="utf-8")
    return False
