"""Random and mutated requests against a live `dkg serve` (issue #11, "keep it that way"):
queries, updates, headers, paths and bodies. None may get a 500 or a stack trace, none may
hang, and the server must be healthy afterwards. Hypothesis with a fixed seed and a bounded
number of examples, so a run is repeatable and takes well under a minute."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
import requests
from hypothesis import HealthCheck, given, seed, settings, strategies as st

from endpoint_server import Server, make_generation

EX = "http://example.org/"
SETTINGS = dict(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

SEED_QUERIES = [
    "SELECT * WHERE { ?s ?p ?o } LIMIT 5",
    f"PREFIX ex: <{EX}> SELECT ?o WHERE {{ ex:s1 ex:p ?o FILTER(REGEX(?o, \"x\")) }}",
    "ASK { ?s ?p \"x1\" }",
    "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 3",
    "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { ?o ?p ?s } OPTIONAL { ?s !<http://x> ?z } }",
    'SELECT * WHERE { BIND("x\\u005C" AS ?z) SERVICE <http://127.0.0.1:9/leak> { ?a ?b ?c } }',
    "DESCRIBE <http://example.org/s1>",
]
SEED_UPDATES = [
    f"INSERT DATA {{ GRAPH <{EX}fuzz> {{ <{EX}a> <{EX}b> \"c\" }} }}",
    f"DELETE WHERE {{ GRAPH <{EX}fuzz> {{ ?s ?p ?o }} }}",
    "CLEAR ALL",
    f"LOAD <http://127.0.0.1:9/x> INTO GRAPH <{EX}fuzz>",
    f"WITH <{EX}fuzz> DELETE {{ ?s ?p ?o }} INSERT {{ ?s ?p 1 }} WHERE {{ ?s ?p ?o }}",
]
NASTY = ["{", "}", "(", ")", "[", "]", "!", "\\", "\\u005C", "\\U0001F600", '"', "'", "<", ">", "#", "\n",
         "SERVICE", "LOAD", "GRAPH", "?x", "\x00", "é", "𝔘", "%", ";", "'''", '"""', "^^", "@en"]


def _triples(n: int) -> str:
    return "".join(f"<{EX}s{i}> <{EX}p> \"x{i}\" <{EX}g> .\n" for i in range(n))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz") / "store"
    make_generation(root, "g1", _triples(50))
    srv = Server(root, "--timeout", "2", "--client-queries", "8", workers=2)
    yield srv
    srv.stop()


@st.composite
def mutated(draw, seeds):
    text = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(0, 4))):
        pos = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "repeat"]))
        if action == "insert":
            piece = draw(st.one_of(st.sampled_from(NASTY), st.text(max_size=8)))
            text = text[:pos] + piece + text[pos:]
        elif action == "delete":
            text = text[:pos] + text[pos + draw(st.integers(1, 6)):]
        else:
            text = text[:pos] + draw(st.sampled_from(["{", "(", "!", "["])) * draw(st.integers(1, 400)) + text[pos:]
    return text


def _check(r: requests.Response) -> None:
    assert r.status_code != 500 and r.status_code < 600, (r.status_code, r.text[:500])
    assert "Traceback" not in r.text[:20000]


def _send(method, url, **kw) -> requests.Response:
    started = time.monotonic()
    r = requests.request(method, url, timeout=20, **kw)
    assert time.monotonic() - started < 20
    return r


@seed(11)
@settings(**SETTINGS)
@given(query=mutated(SEED_QUERIES), how=st.sampled_from(["get", "form", "direct"]),
       accept=st.sampled_from(["*/*", "application/sparql-results+json", "text/turtle", "application/x-nonsense",
                               "text/html", "application/sparql-results+xml;q=0.1, text/csv"]))
def test_queries(server, query, how, accept):
    headers = {"Accept": accept}
    if how == "get":
        r = _send("GET", server.sparql, params={"query": query}, headers=headers)
    elif how == "form":
        r = _send("POST", server.sparql, data={"query": query}, headers=headers)
    else:
        r = _send("POST", server.sparql, data=query.encode("utf-8", "surrogatepass"),
                  headers={**headers, "Content-Type": "application/sparql-query"})
    _check(r)


@seed(11)
@settings(**SETTINGS)
@given(update=mutated(SEED_UPDATES), destructive=st.booleans())
def test_updates(server, update, destructive):
    params = {"destructive": "yes"} if destructive else {}
    r = _send("POST", server.sparql, params=params, data={"update": update}, headers=server.auth())
    _check(r)


_HEADER_VALUE = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=60)


@seed(11)
@settings(**SETTINGS)
@given(path=st.one_of(st.sampled_from(["/sparql", "/store", "/id/work/x", "/dumps/dataset.nq.gz", "/status",
                                       "/.well-known/void", "/ontology", "/admin/reload", "/graph/source/x"]),
                      st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=40).map(lambda t: "/" + t)),
       method=st.sampled_from(["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"]),
       headers=st.dictionaries(st.sampled_from(["Accept", "Accept-Encoding", "Content-Type", "If-None-Match",
                                                "Accept-Language", "X-Forwarded-For", "Origin", "Range",
                                                "If-Modified-Since", "Authorization"]), _HEADER_VALUE, max_size=4),
       body=st.one_of(st.none(), st.binary(max_size=300), st.sampled_from([
           b"<a:s> <a:p> <a:o> .", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
           b"@prefix : <http://x/> . :a :b ( ( ( ( :c ) ) ) ) ."])))
def test_paths_headers_and_bodies(server, path, method, headers, body):
    url = server.url + requests.utils.requote_uri(path)
    r = _send(method, url, headers=headers, data=body)
    _check(r)


def test_the_server_is_healthy_afterwards(server):
    r = requests.get(server.sparql, params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } # after"}, timeout=30)
    assert r.status_code == 200 and int(r.json()["results"]["bindings"][0]["n"]["value"]) >= 50
    for _ in range(100):
        if server.status()["busy"] == 0:
            break
        time.sleep(0.1)
    assert server.status()["busy"] == 0
    server.log.flush()
    log = Path(server.log.name).read_text(errors="replace")
    assert "Traceback" not in log, log[log.index("Traceback") - 300:][:3000]
