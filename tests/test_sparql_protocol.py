"""The /sparql endpoint against a live `dkg serve`: formats and media types, negotiation,
datasets, errors, CORS, caching validators, update authorization and the service description."""
from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
import rdflib
import requests

from endpoint_server import Server, make_generation

EX = "http://example.org/"
DATA = "\n".join(
    [f"<{EX}s{i}> <{EX}p> \"v{i}\" <{EX}g{i % 2}> ." for i in range(6)]
    + [f"<{EX}s9> <{EX}label> \"Қазақстан\"@kk <{EX}g0> ."]
) + "\n"

SELECT = f"SELECT ?s ?o WHERE {{ ?s <{EX}p> ?o }} ORDER BY ?s"
CONSTRUCT = f"CONSTRUCT {{ ?s <{EX}q> ?o }} WHERE {{ ?s <{EX}p> ?o }}"

RESULT_TYPES = {
    "json": ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    "xml": ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    "csv": ("text/csv; charset=utf-8", ox.QueryResultsFormat.CSV),
    "tsv": ("text/tab-separated-values; charset=utf-8", ox.QueryResultsFormat.TSV),
}
GRAPH_TYPES = {
    "turtle": ("text/turtle; charset=utf-8", ox.RdfFormat.TURTLE),
    "ntriples": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
    "rdfxml": ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    "nquads": ("application/n-quads", ox.RdfFormat.N_QUADS),
    "trig": ("application/trig", ox.RdfFormat.TRIG),
}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("proto") / "store"
    make_generation(root, "g1", DATA)
    srv = Server(root, "--max-body-bytes", "200000")
    yield srv
    srv.stop()


def _get(server, query, accept=None, **params):
    headers = {"Accept": accept} if accept else {}
    return requests.get(server.sparql, params={"query": query, **params}, headers=headers, timeout=60)


# --------------------------------------------------------------------------- formats


@pytest.mark.parametrize("name", RESULT_TYPES)
def test_select_in_every_result_format_by_accept(server, name):
    media, fmt = RESULT_TYPES[name]
    r = _get(server, SELECT, accept=media.split(";")[0])
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"] == media
    if fmt == ox.QueryResultsFormat.CSV:  # lossy by design: pyoxigraph does not parse it back
        lines = r.content.decode().splitlines()
        assert lines[0] == "s,o" and [line.split(",")[1] for line in lines[1:]] == [f"v{i}" for i in range(6)]
        return
    solutions = ox.parse_query_results(r.content, format=fmt)
    assert [s["o"].value for s in solutions] == [f"v{i}" for i in range(6)]


@pytest.mark.parametrize("name", ["json", "xml"])
def test_ask_in_boolean_formats(server, name):
    media, fmt = RESULT_TYPES[name]
    r = _get(server, f"ASK {{ <{EX}s1> ?p ?o }}", accept=media)
    assert r.headers["Content-Type"] == media
    assert bool(ox.parse_query_results(r.content, format=fmt)) is True


@pytest.mark.parametrize("accept,param", [("text/csv", None), ("text/tab-separated-values", None),
                                         (None, "csv"), (None, "tsv")])
@pytest.mark.parametrize("query", [f"ASK {{ <{EX}s1> ?p ?o }}", "ASK {}"])
def test_ask_in_csv_or_tsv_is_406_naming_what_works(server, accept, param, query):
    """SPARQL 1.1 has no boolean CSV/TSV; Jena rejects a bare `true` ("Not a boolean result")."""
    r = _get(server, query, accept=accept, **({"format": param} if param else {}))
    assert r.status_code == 406, (r.status_code, r.text)
    assert "application/sparql-results+json" in r.text and "application/sparql-results+xml" in r.text


def test_ask_with_csv_preferred_but_anything_accepted_gets_json(server):
    r = _get(server, f"ASK {{ <{EX}s1> ?p ?o }}", accept="text/csv, */*;q=0.1")
    assert r.status_code == 200 and r.headers["Content-Type"] == "application/sparql-results+json"


@pytest.mark.parametrize("name", GRAPH_TYPES)
def test_construct_in_every_rdf_format_by_accept(server, name):
    media, fmt = GRAPH_TYPES[name]
    r = _get(server, CONSTRUCT, accept=media.split(";")[0])
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"] == media
    triples = list(ox.parse(r.content, format=fmt))
    assert len(triples) == 6


@pytest.mark.parametrize("name", list(RESULT_TYPES) + list(GRAPH_TYPES))
def test_format_parameter(server, name):
    query = SELECT if name in RESULT_TYPES else CONSTRUCT
    media = {**RESULT_TYPES, **GRAPH_TYPES}[name][0]
    r = _get(server, query, accept="text/html", format=name)  # the parameter beats a browser's Accept
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"] == media


def test_describe_is_rdf(server):
    r = _get(server, f"DESCRIBE <{EX}s1>")
    assert r.headers["Content-Type"] == "text/turtle; charset=utf-8"
    g = rdflib.Graph().parse(data=r.text, format="turtle")
    assert (rdflib.URIRef(f"{EX}s1"), rdflib.URIRef(f"{EX}p"), rdflib.Literal("v1")) in g


def test_utf8_literals_survive(server):
    r = _get(server, f"SELECT ?l WHERE {{ <{EX}s9> <{EX}label> ?l }}", accept="text/csv")
    assert r.content.decode("utf-8").splitlines()[1] == "Қазақстан"


# --------------------------------------------------------------------------- negotiation


@pytest.mark.parametrize("accept,expected", [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("application/sparql-results+json;q=0.2, text/csv;q=0.8", "text/csv; charset=utf-8"),
    ("text/tab-separated-values;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/html, application/xml;q=0.9, */*;q=0.8", "application/sparql-results+xml"),
    ("application/json", "application/sparql-results+json"),
    ("text/*;q=0.9, application/sparql-results+json;q=0.1", "text/csv; charset=utf-8"),
])
def test_q_values_pick_result_format(server, accept, expected):
    r = _get(server, SELECT, accept=accept)
    assert r.status_code == 200
    assert r.headers["Content-Type"] == expected
    assert "Accept" in r.headers["Vary"]


@pytest.mark.parametrize("accept,expected", [
    (None, "text/turtle; charset=utf-8"),
    ("*/*", "text/turtle; charset=utf-8"),
    ("text/turtle;q=0.1, application/n-triples", "application/n-triples"),
    ("application/ld+json;q=0.9, application/rdf+xml;q=0.3", "application/ld+json"),
    ("application/sparql-results+json, application/trig;q=0.5", "application/trig"),
])
def test_q_values_pick_rdf_format(server, accept, expected):
    r = _get(server, CONSTRUCT, accept=accept)
    assert r.status_code == 200
    assert r.headers["Content-Type"] == expected


def test_406_lists_the_available_types(server):
    r = _get(server, SELECT, accept="text/html")
    assert r.status_code == 406
    for media in ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                  "text/tab-separated-values"):
        assert media in r.text
    r = _get(server, CONSTRUCT, accept="text/csv")
    assert r.status_code == 406 and "text/turtle" in r.text and "application/ld+json" in r.text
    assert _get(server, SELECT, format="pdf").status_code == 406


# --------------------------------------------------------------------------- request forms


def test_form_post_with_charset(server):
    r = requests.post(server.sparql, data={"query": SELECT}, timeout=60,
                      headers={"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"})
    assert r.status_code == 200, r.text
    assert len(r.json()["results"]["bindings"]) == 6


def test_direct_post_with_charset(server):
    r = requests.post(server.sparql, data=SELECT.encode(), timeout=60,
                      headers={"Content-Type": "application/sparql-query; charset=utf-8", "Accept": "text/csv"})
    assert r.status_code == 200 and r.text.startswith("s,o")


@pytest.mark.parametrize("method,kwargs,status", [
    ("get", {"params": {"query": "SELECT * WHERE {"}}, 400),
    ("get", {"params": [("query", "ASK {}"), ("query", "ASK {}")]}, 400),
    ("get", {"params": {"update": "CLEAR ALL"}}, 400),
    ("post", {"data": {"query": "ASK {}", "update": "CLEAR ALL"}}, 400),
    ("post", {"data": "ASK {}", "headers": {"Content-Type": "text/plain"}}, 415),
    ("post", {"data": "ASK {}"}, 400),  # no Content-Type at all
    ("post", {"data": "ASK {}".encode("utf-16"), "headers": {"Content-Type": "application/sparql-query; charset=UTF-16"}}, 415),
    ("put", {"params": {"query": "ASK {}"}}, 405),
    # a direct POST carries its operation in the body, never also in the URL (either name, either kind)
    ("post", {"data": "ASK {}", "params": {"query": "ASK {}"}, "headers": {"Content-Type": "application/sparql-query"}}, 400),
    ("post", {"data": "ASK {}", "params": {"update": "CLEAR ALL"}, "headers": {"Content-Type": "application/sparql-query"}}, 400),
    ("post", {"data": "CLEAR SILENT GRAPH <http://example.org/none>", "params": {"query": "ASK {}"},
              "headers": {"Content-Type": "application/sparql-update"}}, 400),
    ("post", {"data": "CLEAR SILENT GRAPH <http://example.org/none>", "params": {"update": "CLEAR ALL"},
              "headers": {"Content-Type": "application/sparql-update"}}, 400),
])
def test_bad_requests_get_plain_messages(server, method, kwargs, status):
    r = requests.request(method, server.sparql, timeout=60, **kwargs)
    assert r.status_code == status, r.text
    assert r.headers["Content-Type"].startswith("text/plain")
    assert len(r.text.strip()) > 20  # a message a person can act on


def test_syntax_error_message_comes_from_the_parser(server):
    r = _get(server, "SELECT ?x WHERE { ?x ?y }")
    assert r.status_code == 400 and "malformed" in r.text


def test_syntax_error_shows_the_line_and_a_caret_under_the_position(server):
    query = "PREFIX dkg: <https://w3id.org/dissertation-kg/ontology#>\nSELEC ?w\nWHERE { ?w a dkg:Dissertation }"
    r = _get(server, query)
    assert r.status_code == 400
    m = re.search(r"error at (\d+):(\d+)", r.text)
    assert m, r.text
    line, column = int(m.group(1)), int(m.group(2))
    lines = r.text.splitlines()
    shown = next(i for i, t in enumerate(lines) if re.match(rf"\s*{line} \| ", t))
    assert lines[shown].split(" | ", 1)[1] == query.splitlines()[line - 1]  # the line itself
    assert lines[shown + 1].split(" | ", 1)[1] == " " * (column - 1) + "^"  # caret under the column
    assert "1 | PREFIX dkg:" in r.text  # and the line before it


def test_query_length_limit(server):
    r = requests.post(server.sparql, data={"query": "ASK {}" + " " * 100_001}, timeout=60)
    assert r.status_code == 413 and "limit" in r.text


def test_oversize_body_is_413(server):
    r = requests.post(server.sparql, data=b"#" * 300_000, timeout=60,
                      headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413


# --------------------------------------------------------------------------- datasets


def _values(resp, var="o"):
    assert resp.status_code == 200, resp.text
    return sorted(b[var]["value"] for b in resp.json()["results"]["bindings"])


def test_default_graph_is_the_union_and_graph_reaches_each(server):
    assert _values(_get(server, f"SELECT ?o {{ ?s <{EX}p> ?o }}")) == [f"v{i}" for i in range(6)]
    assert _values(_get(server, f"SELECT ?o {{ GRAPH <{EX}g1> {{ ?s <{EX}p> ?o }} }}")) == ["v1", "v3", "v5"]


def test_default_graph_uri_replaces_the_default_graph(server):
    r = _get(server, f"SELECT ?o {{ ?s <{EX}p> ?o }}", **{"default-graph-uri": f"{EX}g0"})
    assert _values(r) == ["v0", "v2", "v4"]
    # graphs not named in the protocol dataset are not in it
    r = _get(server, "SELECT ?g { GRAPH ?g { ?s ?p ?o } }", **{"default-graph-uri": f"{EX}g0"})
    assert _values(r, "g") == []


def test_named_graph_uri_limits_graph_and_empties_default(server):
    r = _get(server, "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }", **{"named-graph-uri": f"{EX}g1"})
    assert _values(r, "g") == [f"{EX}g1"]
    r = _get(server, f"SELECT ?o {{ ?s <{EX}p> ?o }}", **{"named-graph-uri": f"{EX}g1"})
    assert _values(r) == []


def test_from_in_the_query_is_honoured(server):
    assert _values(_get(server, f"SELECT ?o FROM <{EX}g1> {{ ?s <{EX}p> ?o }}")) == ["v1", "v3", "v5"]
    # ... unless the protocol names a dataset, which wins
    r = _get(server, f"SELECT ?o FROM <{EX}g1> {{ ?s <{EX}p> ?o }}", **{"default-graph-uri": f"{EX}g0"})
    assert _values(r) == ["v0", "v2", "v4"]


def test_invalid_dataset_iri_is_400(server):
    r = _get(server, "ASK { ?s ?p ?o }", **{"default-graph-uri": "not an iri"})
    assert r.status_code == 400 and "absolute IRI" in r.text


# --------------------------------------------------------------------------- CORS, caching


def test_cors_preflight_for_post_with_content_type(server):
    r = requests.options(server.sparql, timeout=60, headers={
        "Origin": "https://comunica.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, accept"})
    assert r.status_code in (200, 204)
    assert r.headers["Access-Control-Allow-Origin"] in ("*", "https://comunica.example")
    assert "POST" in r.headers["Access-Control-Allow-Methods"]
    assert "content-type" in r.headers["Access-Control-Allow-Headers"].lower()


def test_cors_on_actual_response_exposes_validators(server):
    r = requests.get(server.sparql, params={"query": SELECT}, headers={"Origin": "https://x.example"}, timeout=60)
    assert r.headers["Access-Control-Allow-Origin"] in ("*", "https://x.example")
    exposed = r.headers["Access-Control-Expose-Headers"].lower()
    assert "etag" in exposed and "content-type" in exposed


def test_etag_revalidation_gives_304(server):
    query = f"SELECT (COUNT(*) AS ?n) {{ ?s <{EX}p> ?o }}"
    first = _get(server, query)
    etag = first.headers["ETag"]
    assert first.headers["Last-Modified"]
    again = requests.get(server.sparql, params={"query": query}, headers={"If-None-Match": etag}, timeout=60)
    assert again.status_code == 304 and again.content == b""
    other = requests.get(server.sparql, params={"query": query}, timeout=60,
                         headers={"If-None-Match": etag, "Accept": "text/csv"})
    assert other.status_code == 200  # another representation, another tag


def test_last_modified_revalidation(server):
    query = f"ASK {{ <{EX}s2> ?p ?o }}"
    first = _get(server, query)
    r = requests.get(server.sparql, params={"query": query}, timeout=60,
                     headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert r.status_code == 304
    r = requests.get(server.sparql, params={"query": query}, timeout=60,
                     headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})
    assert r.status_code == 200


def test_identical_requests_are_served_from_cache(server):
    query = f"SELECT ?o {{ <{EX}s3> ?p ?o }}"
    before = server.status()["cache_hits"]
    a, b = _get(server, query), _get(server, query)
    assert a.content == b.content
    assert server.status()["cache_hits"] == before + 1


def test_trivial_ask_needs_no_worker(server):
    before = server.status()["jobs"]
    r = requests.post(server.sparql, data="ASK {}", headers={"Content-Type": "application/sparql-query"}, timeout=60)
    assert r.json() == {"head": {}, "boolean": True}
    assert server.status()["jobs"] == before, "ASK {} was handed to a query worker"
    # the counter does count: any other query goes to a worker
    requests.get(server.sparql, params={"query": "ASK { ?s ?p ?o }"}, timeout=60).raise_for_status()
    assert server.status()["jobs"] == before + 1


# --------------------------------------------------------------------------- SERVICE, update, SD


def test_service_refused_by_default(server):
    r = _get(server, "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert r.status_code == 400
    assert "http://127.0.0.1:9/sparql" in r.text and "--allow-service" in r.text
    # spelled with a prefix, an escape or a variable, it is still SERVICE
    for q in ("PREFIX e: <http://127.0.0.1:9/> SELECT * { SERVICE e:sparql { ?s ?p ?o } }",
              "SELECT * { \\u0053ERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
              "SELECT * { BIND(<http://127.0.0.1:9/> AS ?e) SERVICE ?e { ?s ?p ?o } }"):
        assert _get(server, q).status_code == 400, q
    # the word in a string, an IRI or a prefixed name is not SERVICE
    ok = _get(server, 'SELECT * { ?s ?p "SERVICE <http://x/>" } LIMIT 1')
    assert ok.status_code == 200


def test_a_mention_in_the_opening_comments_is_not_a_service(server):
    # Query files open with comments ("... from which documents were they loaded?"); before the
    # first token a `#` starts a comment in every reading, so the words there reach nothing and
    # the answer is cached like any other.
    text = "# Question: which works were loaded?\n  # joins Wikidata with SERVICE <http://127.0.0.1:9/sparql>\n" \
           "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
    first, again = _get(server, text), _get(server, text)
    assert first.status_code == 200 and "no-store" not in first.headers["Cache-Control"]
    assert again.headers.get("X-Cache") == "hit"
    # ...but a comment ended by a bare carriage return, or a mention after the first token, still is
    for q in ("# a comment\rSELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
              "# a comment\n\\u0053ERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o }",
              "SELECT * {\n# SERVICE in a comment after the first token\n ?s ?p ?o } LIMIT 1\n#\n"
              " # and SERVICE <http://127.0.0.1:9/sparql> here"):
        r = _get(server, q)
        assert r.status_code in (200, 400), q
        assert r.status_code == 400 or r.headers["Cache-Control"] == "no-store", q


def test_update_needs_the_token(server):
    update = f"INSERT DATA {{ GRAPH <{EX}g2> {{ <{EX}new> <{EX}p> \"added\" }} }}"
    r = requests.post(server.sparql, data={"update": update}, timeout=60)
    assert r.status_code == 401 and r.headers["WWW-Authenticate"].startswith("Bearer")
    r = requests.post(server.sparql, data={"update": update}, headers={"Authorization": "Bearer wrong"}, timeout=60)
    assert r.status_code == 403
    assert _values(_get(server, f"SELECT ?o {{ <{EX}new> ?p ?o }}")) == []
    r = requests.post(server.sparql, data=update, timeout=60,
                      headers={"Content-Type": "application/sparql-update", **server.auth()})
    assert r.status_code == 204, r.text
    # every reader sees the write (read-only workers reopen after it)
    for _ in range(4):
        assert _values(_get(server, f"SELECT ?o {{ <{EX}new> ?p ?o }}")) == ["added"]
    requests.post(server.sparql, data={"update": f"DROP GRAPH <{EX}g2>"}, headers=server.auth(),
                  timeout=60).raise_for_status()


def test_load_of_an_arbitrary_url_is_refused(server):
    r = requests.post(server.sparql, data={"update": "LOAD <http://127.0.0.1:9/data.ttl>"},
                      headers=server.auth(), timeout=60)
    assert r.status_code == 400 and "LOAD" in r.text


SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")


@pytest.mark.parametrize("accept,fmt", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                        ("application/rdf+xml", "xml"), ("application/n-triples", "nt")])
def test_service_description(server, accept, fmt):
    r = requests.get(server.sparql, headers={"Accept": accept}, timeout=60)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith(accept)
    g = rdflib.Graph().parse(data=r.content, format=fmt)
    service = g.value(None, SD.endpoint, rdflib.URIRef(server.sparql))
    assert service is not None
    assert {SD.SPARQL11Query, SD.SPARQL11Update} <= set(g.objects(service, SD.supportedLanguage))
    assert SD.UnionDefaultGraph in set(g.objects(service, SD.feature))
    assert SD.BasicFederatedQuery not in set(g.objects(service, SD.feature))
    formats = set(g.objects(service, SD.resultFormat))
    assert rdflib.URIRef("http://www.w3.org/ns/formats/SPARQL_Results_JSON") in formats
    assert rdflib.URIRef("http://www.w3.org/ns/formats/Turtle") in formats
    dataset = g.value(service, SD.defaultDataset)
    counts = {str(g.value(ng, SD.name)): int(g.value(g.value(ng, SD.graph), VOID.triples))
              for ng in g.objects(dataset, SD.namedGraph)}
    assert counts == {f"{EX}g0": 4, f"{EX}g1": 3}
    assert int(g.value(g.value(dataset, SD.defaultGraph), VOID.triples)) == 7


# --------------------------------------------------------------------------- the lexical scan (no server)


def test_scan_sees_forms_datasets_and_targets():
    from dissertation_kg.server.endpoint.federation_guard import ServiceGuard, ServiceRefused
    from dissertation_kg.server.endpoint.sparql_scan import scan

    sc = scan("PREFIX select: <http://x/> # SELECT in a comment\nCONSTRUCT { ?s select:p 'ASK' } FROM <http://g> WHERE { ?s ?p ?o }")
    assert sc.form == "CONSTRUCT" and sc.has_keyword("FROM")
    assert not scan("SELECT * { { SELECT ?s { ?s ?p ?o } } }").has_keyword("FROM")
    guard = ServiceGuard(("http://allowed.example/sparql",))
    assert guard.check("BASE <http://allowed.example/> SELECT * { SERVICE SILENT <sparql> { ?s ?p ?o } }") == \
        ["http://allowed.example/sparql"]
    for text in ("SELECT * { SERVICE <http://allowed.example/sparql.evil> {} }",
                 "SELECT * { ?s ?p 'x'@en . service <http://other/> {} }",
                 "PREFIX a: <http://other/> SELECT * { SERVICE a:x {} }"):
        with pytest.raises(ServiceRefused):
            guard.check(text)
    assert guard.check("SELECT ?SERVICE { ?s <http://p/SERVICE> \"SERVICE <http://x>\"@service }") == []
    # only the comment lines before the first token are passed over, never a line an engine could
    # read another way (a bare CR ends a comment in Oxigraph; an escape might be decoded first)
    from dissertation_kg.server.endpoint.federation_guard import may_reach_out
    assert not may_reach_out("# loaded from SERVICE <http://other/>\n \t# LOAD\n\nSELECT * { ?s ?p ?o }")
    for text in ("# x\rSERVICE <http://other/> {}", "# x \\u000A SERVICE <http://other/> {}",
                 "\u00a0# SERVICE\nASK {}", "ASK {} # SERVICE", "# x\x0bSERVICE <http://other/> {}",
                 "# x\n\\u0053ERVICE <http://other/> {}"):
        assert may_reach_out(text), repr(text)


def test_using_parameters_are_applied_to_every_operation():
    from dissertation_kg.server.endpoint.sparql_scan import add_using_clauses

    text = ("PREFIX f: <http://f/> INSERT { ?s a f:C } WHERE { ?s a f:D } ;\n"
            "DELETE WHERE { ?s f:p ?o } ; INSERT DATA { <http://a> <http://b> <http://c> }")
    out = add_using_clauses(text, ["http://g1"], ["http://g2"])
    assert out.count("USING <http://g1> USING NAMED <http://g2> WHERE") == 2
    assert "DELETE { ?s f:p ?o } USING <http://g1>" in out
    assert "INSERT DATA { <http://a> <http://b> <http://c> }" in out
    store = ox.Store()  # and the result is still SPARQL
    store.update(out)


def test_browsers_are_sent_to_the_query_page(server):
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    r = requests.get(server.sparql, headers={"Accept": browser}, allow_redirects=False, timeout=60)
    assert r.status_code == 303 and r.headers["Location"].endswith("/")
    # ... unless they ask for RDF by name
    r = requests.get(server.sparql, params={"format": "turtle"}, headers={"Accept": browser}, timeout=60)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/turtle")


@pytest.mark.parametrize("accept", [None, "*/*", "*/*;q=0.8", "text/*"])
def test_clients_that_do_not_name_html_get_the_service_description(server, accept):
    """curl sends Accept: */*; python-requests too. Only clients naming HTML first are redirected."""
    headers = {"Accept": accept} if accept else {"Accept": None}
    r = requests.get(server.sparql, headers=headers, allow_redirects=False, timeout=60)
    assert r.status_code == 200, (accept, r.status_code, r.headers.get("Location"))
    assert "sparql-service-description" in r.text


def test_gzip_when_accepted(server):
    gz = requests.get(server.sparql, params={"query": SELECT}, headers={"Accept-Encoding": "gzip"}, timeout=60)
    assert gz.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in gz.headers["Vary"]
    plain = requests.get(server.sparql, params={"query": SELECT}, headers={"Accept-Encoding": "identity"}, timeout=60)
    assert "Content-Encoding" not in plain.headers
    assert gz.json() == plain.json()  # requests undoes the coding
    assert gz.headers["ETag"] != plain.headers["ETag"]  # two representations, two tags
