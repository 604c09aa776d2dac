"""An engine's answer passed to the client as the engine wrote it, when nothing in our layer
needs to change it: the client's negotiated format is one this engine writes in the standard
form, so the bytes are streamed back instead of parsed and serialized again.

What still happens to the bytes on the way, and why it is safe on bytes:
- the generation's graph-name prefix (`urn:x-dkg:<generation>:`) is removed, as from a parsed
  answer (engine_dataset.EngineDataset.query does the same replace on the whole body);
- Virtuoso's JSON results write a typed literal as `"type": "typed-literal"` (the 2007 JSON
  note), SPARQL 1.1 as `"type": "literal"` with its datatype. Inside a JSON string every `"` is
  escaped, so that exact byte sequence only occurs as the structure itself.
Both are done on a stream with the last bytes held back, so a match across two chunks is found.

Row caps: an announced cap (X-SPARQL-MaxRows, a partial "anytime" answer) is refused from the
headers, before any byte goes out (remote.RemoteEngine.stream_query). An answer exactly at a
known cap is refused as when parsed, with an error status: with a cap known the answer is read
whole first (it is at most cap rows), and counted only when it can be that long: a row (or
triple) takes at least a few bytes in each format, so an answer shorter than cap × that is below
the cap without parsing it; a longer one is parsed (pyoxigraph) to count it. With no cap known
(Oxigraph's server unless DKG_STORE_MAX_ROWS is set) the bytes stream on as they arrive, and so
do the answers whose cap the engine announces itself (`ANNOUNCED`): Virtuoso sends
X-SPARQL-MaxRows with every SELECT answer it cut, in each results format, and never with one it
did not (checked against Virtuoso 7.2; tests/test_remote_engines.py), so counting those again
only held every answer longer than 30 KB back and parsed it (a 2.4 MB answer: tens of ms).
Its CONSTRUCT and DESCRIBE answers are cut silently, so they are still counted.

DKG_STORE_PASSTHROUGH=0 turns it off (the answers are parsed and re-serialized as before);
scripts/bench_remote.py measures both in one run.
"""
from __future__ import annotations

import os
from typing import Iterator

import pyoxigraph as ox

from dissertation_kg.server.store.remote import EngineError, RowCapError

JSON, XML = "application/sparql-results+json", "application/sparql-results+xml"
CSV, TSV = "text/csv", "text/tab-separated-values"
NTRIPLES, TURTLE, RDFXML = "application/n-triples", "text/turtle", "application/rdf+xml"

# What each engine writes in the standard form (checked by tests/test_remote_engines.py, which
# parses what the client gets and compares it with the embedded store's answer). ASK is never
# passed through: Virtuoso answers some with solutions instead of a boolean (remote.results).
# An engine not recognised is not trusted with any format: its answers are parsed, as before.
PASSABLE = {
    "virtuoso": {JSON, XML, NTRIPLES, TURTLE},
    "oxigraph": {JSON, XML, CSV, TSV, NTRIPLES, TURTLE, RDFXML},
    "dkg": {JSON, XML, CSV, TSV, NTRIPLES, TURTLE, RDFXML},
}

# The answers whose cut the engine announces in its headers (X-SPARQL-MaxRows), by query form.
ANNOUNCED = {"virtuoso": {"SELECT": {JSON, XML, CSV, TSV}}}


def announces_cap(engine: str, form: str, media: str) -> bool:
    """Whether `engine` says so in its headers when it cuts an answer of `form` in `media`."""
    return media in ANNOUNCED.get(engine, {}).get(form, ())


# The fewest bytes one row (or triple) takes: `{},` in JSON, `<result/>` in XML, a line end in
# CSV/TSV, `<a> <b> <c> .` less spaces in N-Triples, `,x` for one more object in Turtle, an
# element in RDF/XML. Below cap × this, an answer cannot hold cap rows.
MIN_ROW_BYTES = {JSON: 3, XML: 9, CSV: 1, TSV: 1, NTRIPLES: 8, TURTLE: 2, RDFXML: 4}

_RESULTS = {JSON: ox.QueryResultsFormat.JSON, XML: ox.QueryResultsFormat.XML, CSV: ox.QueryResultsFormat.CSV,
            TSV: ox.QueryResultsFormat.TSV}
_GRAPHS = {NTRIPLES: ox.RdfFormat.N_TRIPLES, TURTLE: ox.RdfFormat.TURTLE, RDFXML: ox.RdfFormat.RDF_XML}

_TYPED = (b'"type": "typed-literal"', b'"type": "literal"')


def enabled() -> bool:
    return os.environ.get("DKG_STORE_PASSTHROUGH", "1").strip().lower() not in ("0", "no", "false", "off")


def passable(engine: str, form: str, media: str | None) -> bool:
    """Whether an answer of `form` in `media` (the client's choice, no parameters) may be passed on."""
    if not media or form == "ASK" or not enabled():
        return False
    if (form in ("CONSTRUCT", "DESCRIBE")) != (media in _GRAPHS):
        return False
    return media in PASSABLE.get(engine, ())


def replacements(engine: str, media: str, graph_prefix: str | None) -> list[tuple[bytes, bytes]]:
    out = [(graph_prefix.encode(), b"")] if graph_prefix else []
    if engine == "virtuoso" and media == JSON:
        out.append(_TYPED)
    return out


def rewritten(chunks: Iterator[bytes], subs: list[tuple[bytes, bytes]]) -> Iterator[bytes]:
    """`chunks` with each (old, new) replaced, also where `old` spans two chunks."""
    if not subs:
        yield from chunks
        return
    keep = max(len(old) for old, _ in subs) - 1
    tail = b""
    for chunk in chunks:
        buf = tail + chunk
        for old, new in subs:
            buf = buf.replace(old, new)
        if len(buf) > keep:
            out, tail = (buf[:-keep], buf[-keep:]) if keep else (buf, b"")
            if out:
                yield out
        else:
            tail = buf
    if tail:
        yield tail


def capped(chunks: Iterator[bytes], form: str, media: str, cap: int | None) -> Iterator[bytes]:
    """`chunks`, or RowCapError instead when the answer holds `cap` rows. With a cap known the
    answer is read whole before its first byte goes on (it is at most `cap` rows), so that a cut
    answer is refused with an error status, not only ended short past the server's buffer."""
    if not cap:
        yield from chunks
        return
    seen = list(chunks)
    if sum(map(len, seen)) >= cap * MIN_ROW_BYTES[media]:
        body = b"".join(seen)
        if media in _GRAPHS:
            rows = sum(1 for _ in ox.parse(body, format=_GRAPHS[media]))
            what = f"the {form} answer has {rows} triples"
        elif media == CSV:  # pyoxigraph does not read CSV results back (lossy); the csv module counts records
            import csv
            import io

            rows = max(0, sum(1 for _ in csv.reader(io.StringIO(body.decode("utf-8"), newline=""))) - 1)
            what = f"the answer has {rows} rows"
        else:
            rows = sum(1 for _ in ox.parse_query_results(body, format=_RESULTS[media]))
            what = f"the answer has {rows} rows"
        if rows >= cap:
            raise RowCapError(f"{what}, the engine's row cap ({cap}): it is probably cut off. Add LIMIT/OFFSET to "
                              "page through it, or raise the cap (Virtuoso: ResultSetMaxRows; then set "
                              "DKG_STORE_MAX_ROWS to it)")
    yield from seen


def body_chunks(resp, url: str, limit: float) -> Iterator[bytes]:
    """The response body as it arrives, with a failure mid-way as an EngineError (the worker
    turns it into an error status, or a cut-off stream once bytes have gone out)."""
    import requests

    try:
        yield from resp.iter_content(chunk_size=64 * 1024)
    except requests.exceptions.Timeout:
        raise EngineError(f"the SPARQL engine at {url} stopped sending its answer for {limit:g} s; the request "
                          "was abandoned", 504) from None
    except requests.exceptions.RequestException as exc:
        raise EngineError(f"the SPARQL engine at {url} broke off its answer ({exc}); retry, and check the "
                          "engine's log", 502) from None
    finally:
        resp.close()
