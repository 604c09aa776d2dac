"""Which outgoing requests a SPARQL request may make the server send.

pyoxigraph follows `SERVICE <url>` and `LOAD <url>` with its own HTTP client: no timeout, no
allow-list, so anyone who can query could make the server fetch any URL (SSRF). Both are refused
unless the endpoint is in the configured allow-list; allowed SERVICE calls are bounded by the
worker time limit (see executor.py), because the HTTP client itself has none.

The targets are read from a parse of the request (rdflib's SPARQL grammar and algebra), never
from a token scan: a scan that disagrees with Oxigraph about where a string ends once let a
SERVICE through unseen (issue #11). Two parsers can still disagree, so the rule is "run only
what is proven": a request rdflib cannot parse runs only if the words SERVICE and LOAD appear
nowhere in it past the comment lines it opens with, in any spelling (Oxigraph reads keywords
only as they are written; rdflib would also decode `\\u` escapes, so the expanded text is
checked too).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dissertation_kg.server.endpoint.parse_tree import Unreadable, algebra

_MENTIONS = re.compile(r"service|load", re.IGNORECASE)
_ESCAPE = re.compile(r"\\u([0-9a-f]{4}(?:[0-9a-f]{4})?)", re.IGNORECASE)


class ServiceRefused(ValueError):
    """The request reaches an endpoint that is not allowed; the message names it."""


# This endpoint's own full-text search: evaluated locally (search_pattern.py) before the guard
# runs, never fetched, so it needs no place in the allow-list.
LOCAL_SERVICES = ("https://w3id.org/dissertation-kg/search",)
def _expanded(text: str) -> str:
    def one(m: re.Match) -> str:
        try:
            return chr(int(m.group(1), 16))
        except (ValueError, OverflowError):
            return m.group(0)
    return _ESCAPE.sub(one, text)


def _after_leading_comments(text: str) -> str:
    """`text` without the comment lines it opens with.

    Before the first token no reading can disagree about what a `#` starts: there is no string or
    IRI yet for it to be inside. Query files open with such comments ("# Question: ... and from
    which documents were they loaded?"), and a mention there used to cost a parse per request and
    the result cache. Only lines of spaces and tabs, or of those and a comment, are dropped; a line
    with a backslash stops it (an engine that decodes `\\u` escapes before reading could end the
    comment early), and Python's line breaks include every one an engine ends a comment at."""
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        bare = line.rstrip("\r\n").lstrip(" \t")
        if (bare and not bare.startswith("#")) or "\\" in line:
            return "".join(lines[i:])
    return ""


def may_reach_out(text: str) -> bool:
    """False only when no reading of `text` can contain a SERVICE or LOAD keyword."""
    code = _after_leading_comments(text)
    return bool(_MENTIONS.search(code) or _MENTIONS.search(_expanded(code)))


def _targets(text: str, update: bool) -> list[tuple[str, object]]:
    """("SERVICE"|"LOAD", target term) for every SERVICE pattern and LOAD operation, anywhere
    (sub-queries, EXISTS, OPTIONAL, every update operation). Raises Unreadable when rdflib
    cannot parse the request."""
    from rdflib.plugins.sparql.parserutils import CompValue

    roots = algebra(text, update)
    found: list[tuple[str, object]] = []
    seen: set[int] = set()
    stack: list = list(roots)
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                found.append(("SERVICE", node.get("term")))
            elif node.name == "Load":
                found.append(("LOAD", node.get("iri")))
            stack.extend(v for k, v in node.items() if k != "_vars")
        elif isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)):
            stack.extend(node)
    return found


@dataclass(frozen=True)
class ServiceGuard:
    allowed: tuple[str, ...] = ()
    local: tuple[str, ...] = LOCAL_SERVICES

    def _is_allowed(self, iri: str | None) -> bool:
        # Exact match: a prefix rule would let `http://allowed.example.evil.com` through.
        return iri is not None and iri in self.allowed

    def _hint(self) -> str:
        if not self.allowed:
            return "this endpoint allows no outgoing requests; start `dkg serve --allow-service URL` to allow one"
        return "allowed endpoints: " + ", ".join(self.allowed)

    def check(self, text: str, update: bool = False) -> list[str]:
        """The allowed SERVICE endpoints the request calls (empty when none); raise
        ServiceRefused when it calls or loads anything else, or when that cannot be proven."""
        from rdflib import URIRef

        if not may_reach_out(text):
            return []
        try:
            targets = _targets(text, update)
        except Unreadable as exc:
            raise ServiceRefused(
                f"refused: this {'update' if update else 'query'} mentions SERVICE or LOAD but its targets could "
                f"not be verified (the checking parser stopped at: {exc}); write the target as a plain <IRI> from the "
                f"allow-list, without \\u escapes, or drop the word if it is not a SERVICE/LOAD. {self._hint()}."
            ) from None
        used = []
        for verb, term in targets:
            if not isinstance(term, URIRef):
                raise ServiceRefused(
                    f"{verb} {term.n3() if hasattr(term, 'n3') else term} is refused: the target must be a literal "
                    f"IRI from the allow-list (a variable could reach any URL); {self._hint()}."
                )
            if verb == "SERVICE" and str(term) in self.local:
                continue  # this endpoint's own search, answered locally: not an outgoing request
            if not self._is_allowed(str(term)):
                raise ServiceRefused(f"{verb} <{term}> is refused: {self._hint()}.")
            used.append(str(term))
        return used
