"""rdflib's reading of a SPARQL request, for the checks that must rest on a parse rather than a
token scan (what SERVICE and LOAD reach, what an update deletes).

The grammar objects are called directly: parseQuery/parseUpdate first decode \\u escapes in the
whole text, which Oxigraph does only inside strings and IRIs, and the two must read the same text.
"""
from __future__ import annotations

import threading

# pyparsing keeps parser state in module-level objects; one parse at a time.
_LOCK = threading.Lock()


class Unreadable(ValueError):
    """rdflib could not parse the request; the message is the parser's first line."""


def algebra(text: str, update: bool, wait: float | None = None) -> list:
    """The translated algebra: [query algebra] or the update's operations. With `wait`, give up
    (Unreadable) when another parse holds the parser longer than that many seconds."""
    from rdflib.plugins.sparql import parser
    from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate

    if not _LOCK.acquire(timeout=-1 if wait is None else wait):
        raise Unreadable(f"the parser stayed busy for {wait:g} s")
    try:
        if update:
            return list(translateUpdate(parser.UpdateUnit.parse_string(text, parse_all=True)[0]).algebra)
        return [translateQuery(parser.Query.parse_string(text, parse_all=True)).algebra]
    except Exception as exc:  # noqa: BLE001 - any failure (RecursionError too) means "not proven"
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise Unreadable(first) from None
    finally:
        _LOCK.release()
