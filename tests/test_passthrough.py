"""Passing an engine's answer through (server/store/passthrough.py): the byte rewrites hold across
chunk boundaries, an answer at the row cap still ends in an error, and which formats pass.
The same against real engines: tests/test_remote_engines.py."""
from __future__ import annotations

import json

import pytest

from dissertation_kg.server.store import passthrough as pt
from dissertation_kg.server.store.remote import RowCapError

PREFIX = "urn:x-dkg:20261129T083730-84e55c:"


def _virtuoso_json(rows: int) -> bytes:
    bindings = ",\n".join(
        '{ "g": { "type": "uri", "value": "%shttps://w3id.org/g/%d" }\t, "n": { "type": "typed-literal", '
        '"datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": "%d" }}' % (PREFIX, i, i)
        for i in range(rows))
    return ('\n{ "head": { "link": [], "vars": ["g", "n"] },\n  "results": { "distinct": false, "ordered": true, '
            '"bindings": [\n' + bindings + " ] } }").encode()


def _split(body: bytes, size: int):
    return iter([body[i:i + size] for i in range(0, len(body), size)])


@pytest.mark.parametrize("size", [1, 2, 3, 7, 16, 31, 4096])
def test_rewrites_hold_across_chunk_boundaries(size):
    body = _virtuoso_json(5)
    subs = pt.replacements("virtuoso", pt.JSON, PREFIX)
    out = b"".join(pt.rewritten(_split(body, size), subs))
    assert out == body.replace(PREFIX.encode(), b"").replace(b"typed-literal", b"literal")
    parsed = json.loads(out)
    assert parsed["results"]["bindings"][3]["g"]["value"] == "https://w3id.org/g/3"
    assert {b["n"]["type"] for b in parsed["results"]["bindings"]} == {"literal"}


def test_typed_literal_inside_a_string_is_left_alone():
    # Inside a JSON string a quote is escaped, so the structural sequence cannot occur there.
    body = b'{"x": {"type": "literal", "value": "say \\"type\\": \\"typed-literal\\""}}'
    out = b"".join(pt.rewritten(_split(body, 5), pt.replacements("virtuoso", pt.JSON, None)))
    assert out == body


def test_only_virtuoso_json_gets_the_typed_literal_rewrite():
    assert pt.replacements("oxigraph", pt.JSON, None) == []
    assert pt.replacements("virtuoso", pt.XML, PREFIX) == [(PREFIX.encode(), b"")]


def test_an_answer_at_the_row_cap_is_refused_before_any_byte():
    body = _virtuoso_json(10)
    got = []
    with pytest.raises(RowCapError, match=r"10 rows, the engine's row cap \(10\)"):
        for chunk in pt.capped(_split(body, 100), "SELECT", pt.JSON, 10):
            got.append(chunk)
    assert got == []  # so the client gets an error status, whatever the answer's size
    assert b"".join(pt.capped(_split(body, 100), "SELECT", pt.JSON, 11)) == body  # one below: complete
    assert b"".join(pt.capped(_split(body, 100), "SELECT", pt.JSON, None)) == body  # no cap known


def test_a_construct_at_the_row_cap_is_refused():
    triples = b"".join(b"<http://a/%d>\t<http://a/p>\t\"%d\" .\n" % (i, i) for i in range(20))
    with pytest.raises(RowCapError, match="20 triples"):
        list(pt.capped(_split(triples, 64), "CONSTRUCT", pt.NTRIPLES, 20))
    assert b"".join(pt.capped(_split(triples, 64), "CONSTRUCT", pt.NTRIPLES, 21)) == triples


def test_csv_rows_are_counted_as_records():
    # A quoted newline inside a value is not a row of its own.
    body = b'g,n\r\n' + b''.join(b'"x\ny %d",%d\r\n' % (i, i) for i in range(5))
    with pytest.raises(RowCapError, match="5 rows"):
        list(pt.capped(_split(body, 7), "SELECT", pt.CSV, 5))
    assert b"".join(pt.capped(_split(body, 7), "SELECT", pt.CSV, 6)) == body


def test_a_short_answer_is_not_parsed_to_count_it():
    # Fewer bytes than cap x the smallest row: cannot hold cap rows, so not even well-formed
    # JSON is needed (it is never read).
    assert b"".join(pt.capped(iter([b"not json"]), "SELECT", pt.JSON, 1000)) == b"not json"


def test_only_answers_the_engine_would_announce_as_cut_skip_the_count():
    # Virtuoso sends X-SPARQL-MaxRows with a SELECT answer it cut (refused from the headers), but
    # cuts CONSTRUCT and DESCRIBE silently; Oxigraph's server has no cap of its own.
    for media in (pt.JSON, pt.XML, pt.CSV, pt.TSV):
        assert pt.announces_cap("virtuoso", "SELECT", media)
    assert not pt.announces_cap("virtuoso", "CONSTRUCT", pt.NTRIPLES)
    assert not pt.announces_cap("virtuoso", "DESCRIBE", pt.TURTLE)
    assert not pt.announces_cap("oxigraph", "SELECT", pt.JSON)
    assert not pt.announces_cap("generic", "SELECT", pt.JSON)


def test_which_answers_pass(monkeypatch):
    assert pt.passable("virtuoso", "SELECT", pt.JSON)
    assert pt.passable("virtuoso", "CONSTRUCT", pt.TURTLE)
    assert not pt.passable("virtuoso", "SELECT", pt.CSV)       # not its standard form: parsed
    assert not pt.passable("virtuoso", "ASK", pt.JSON)         # Virtuoso may answer an ASK with rows
    assert not pt.passable("virtuoso", "SELECT", pt.TURTLE)    # a graph format for solutions
    assert not pt.passable("virtuoso", "CONSTRUCT", pt.JSON)
    assert not pt.passable("generic", "SELECT", pt.JSON)       # an engine not known: parsed
    assert pt.passable("oxigraph", "SELECT", pt.CSV)
    monkeypatch.setenv("DKG_STORE_PASSTHROUGH", "0")
    assert not pt.passable("oxigraph", "SELECT", pt.JSON)
