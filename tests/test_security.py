"""Attacks from issue #11 against a live `dkg serve`, each a regression test: the request that
once got through is replayed and must now be refused or bounded."""
from __future__ import annotations

import http.client
import http.server
import json
import os
import signal
import socket
import threading
import time
import urllib.parse

import pytest
import requests

from endpoint_server import Server, free_port, make_generation

EX = "http://example.org/"


def _triples(n: int, graph: str) -> str:
    return "".join(f"<{EX}s{i}> <{EX}p> \"x{i}\" <{EX}{graph}> .\n" for i in range(n))


class Listener:
    """A local HTTP server that records every request it gets and answers 500 with a secret body."""

    SECRET = "SECRET-BODY-4f1c"

    def __init__(self):
        hits = self.hits = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self):
                hits.append((self.command, self.path))
                body = Listener.SECRET.encode()
                self.send_response(500)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args):
                pass

        self.port = free_port()
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.port}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def listener():
    lst = Listener()
    yield lst
    lst.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory, listener):
    root = tmp_path_factory.mktemp("security") / "store"
    make_generation(root, "g1", _triples(300, "g"))
    # both workers may run expensive queries here (the heavy lane has its own tests in test_cost_lane.py)
    srv = Server(root, "--timeout", "3", "--allow-service", listener.url + "/allowed", "--heavy-workers", "2", workers=2)
    srv.root = root
    yield srv
    srv.stop()


# --------------------------------------------------------------------------- 1. SSRF


def _bypasses(target: str, server_url: str) -> list[str]:
    return [
        # the exact bypass from the issue: the old scan decoded \u005C and read the rest as a string
        f'SELECT * WHERE {{ BIND("x\\u005C" AS ?z) SERVICE <{target}> {{ ?a ?b ?c }} BIND("y" AS ?w) }}',
        f"SELECT * WHERE {{ BIND('x\\u005C' AS ?z) SERVICE <{target}> {{ ?a ?b ?c }} BIND('y' AS ?w) }}",
        f'SELECT * WHERE {{ BIND("""x\\u005C""" AS ?z) SERVICE <{target}> {{ ?a ?b ?c }} }}',
        f'SELECT * WHERE {{ FILTER EXISTS {{ SERVICE <{target}> {{ ?a ?b ?c }} }} }}',
        f'PREFIX t: <{target.rsplit("/", 1)[0]}/> SELECT * WHERE {{ SERVICE t:leak {{ ?a ?b ?c }} }}',
        f'SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE SILENT <{target}> {{ ?a ?b ?c }} }} }} }}',
        f'SELECT * WHERE {{ ?s ?p ?o # \\u000A\n SERVICE <{target}> {{ ?a ?b ?c }} }}',
        # relative to the request URL: the server itself
        'SELECT * WHERE { SERVICE <leak> { ?a ?b ?c } }',
        f'SELECT * WHERE {{ SERVICE <{server_url}/sparql> {{ ?a ?b ?c }} }}',
    ]


def test_service_bypass_reaches_no_listener(server, listener):
    listener.hits.clear()
    for text in _bypasses(listener.url + "/leak", server.url):
        for send in (lambda t: requests.get(server.sparql, params={"query": t}, timeout=30),
                     lambda t: requests.post(server.sparql, data=t.encode(), timeout=30,
                                             headers={"Content-Type": "application/sparql-query"})):
            r = send(text)
            assert r.status_code == 400, (text, r.status_code, r.text)
            assert "refused" in r.text
    assert listener.hits == []


def test_load_obeys_the_allow_list(server, listener):
    listener.hits.clear()
    target = listener.url + "/leak"
    for text in (f"LOAD <{target}>", f"LOAD SILENT <{target}> INTO GRAPH <{EX}x>",
                 f'INSERT DATA {{ GRAPH <{EX}y> {{ <{EX}a> <{EX}b> "\\u005C" }} }} ; LOAD <{target}> INTO GRAPH <{EX}x>',
                 f'PREFIX t: <{listener.url}/> LOAD t:leak INTO GRAPH <{EX}x>'):
        r = requests.post(server.sparql, data={"update": text}, headers=server.auth(), timeout=30)
        assert r.status_code == 400 and "refused" in r.text, (text, r.status_code, r.text)
    assert listener.hits == []


def test_failed_service_answers_502_without_the_targets_body(server, listener):
    allowed = listener.url + "/allowed"
    r = requests.get(server.sparql, params={"query": f"SELECT * WHERE {{ SERVICE <{allowed}> {{ ?a ?b ?c }} }}"},
                     timeout=30)
    assert r.status_code == 502, r.text
    assert Listener.SECRET not in r.text and "SERVICE SILENT" in r.text
    assert ("POST", "/allowed") in listener.hits or ("GET", "/allowed") in [(m, p.split("?")[0]) for m, p in listener.hits]


def test_words_service_and_load_in_data_do_not_block_queries(server):
    text = 'SELECT ?s WHERE { ?s ?p "public service" . FILTER(?p != <http://x/download>) }'
    r = requests.get(server.sparql, params={"query": text}, timeout=30)
    assert r.status_code == 200, r.text


# --------------------------------------------------------------------------- 2. clients that never read

CROSS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _raw_request(server, path_and_query: str, rcvbuf: int = 4096, source: str = "127.0.0.1") -> socket.socket:
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.bind((source, 0))
    s.connect(("127.0.0.1", server.port))
    s.sendall(f"GET {path_and_query} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/sparql-results+json\r\n\r\n".encode())
    return s


def _wait_for(predicate, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"{what} did not happen within {seconds:g} s")


def test_a_client_that_never_reads_does_not_pin_a_worker(server):
    before = server.status()["killed"]
    socks = [_raw_request(server, "/sparql?" + urllib.parse.urlencode({"query": CROSS + f" # {i}"}),
                          source=f"127.0.0.{10 + i}") for i in range(2)]
    try:
        _wait_for(lambda: server.status()["busy"] == 2, 10, "both workers busy")
        started = time.monotonic()
        # the limit is 3 s: both workers are stopped and replaced soon after, though nobody reads
        _wait_for(lambda: server.status()["busy"] == 0, 3 + 5, "the workers freed")
        assert time.monotonic() - started < 3 + 5
        assert server.status()["killed"] >= before + 2
        r = requests.get(server.sparql, params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } # fresh"},
                         timeout=10)
        assert r.status_code == 200 and r.json()["results"]["bindings"][0]["n"]["value"] == "300"
    finally:
        for s in socks:
            s.close()


# --------------------------------------------------------------------------- 5. over-deep requests

N = 3000
DEEP_QUERIES = [
    "SELECT * WHERE " + "{" * N + " ?s ?p ?o " + "}" * N,
    "SELECT * WHERE { ?s ?p ?o FILTER(" + "!" * N + "true) }",
    "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * N + "true" + ")" * N + ") }",
    "SELECT * WHERE { ?s ?p " + "(" * N + "1" + ")" * N + " }",
    "SELECT * WHERE { ?s ?p " + "[ <http://p> " * N + "1" + "]" * N + " }",
    "SELECT * WHERE { ?s " + "(" * N + "<http://p>" + ")" * N + " ?o }",
    "SELECT * WHERE { ?s ?p ?o FILTER(" + '("))" ' * N + "1" + ")" * N + ") }",  # closers hidden in strings
    "SELECT * WHERE { FILTER(<" + "(" * N + ">) }",  # brackets inside something that may be an IRI
]
DEEP_UPDATES = [
    "INSERT DATA { GRAPH <http://example.org/d> { <http://s> <http://p> " + "(" * N + "1" + ")" * N + " } }",
    "INSERT { GRAPH <http://example.org/d> { ?s ?p ?o } } WHERE " + "{" * N + " ?s ?p ?o " + "}" * N,
]


def test_over_deep_requests_are_refused_up_front(server):
    before = server.status()["killed"]
    for text in DEEP_QUERIES:
        assert len(text) < 50_000  # under the 100,000-character limit
        r = requests.post(server.sparql, data={"query": text}, timeout=30)
        assert r.status_code == 400 and "levels deep" in r.text, (text[:60], r.status_code, r.text[:200])
    for text in DEEP_UPDATES:
        r = requests.post(server.sparql, data={"update": text}, headers=server.auth(), timeout=30)
        assert r.status_code == 400 and "levels deep" in r.text, (text[:60], r.status_code, r.text[:200])
    assert server.status()["killed"] == before  # no worker crashed, the writer included
    # the writer still writes
    r = requests.post(server.sparql, data={"update": 'INSERT DATA { GRAPH <http://example.org/d> { <http://s> <http://p> "ok" } }'},
                      headers=server.auth(), timeout=30)
    assert r.status_code == 204, r.text
    # ordinary nesting still runs
    r = requests.get(server.sparql, params={"query": "SELECT * WHERE " + "{" * 10 + " ?s ?p ?o " + "}" * 10 + " LIMIT 1"},
                     timeout=30)
    assert r.status_code == 200


# --------------------------------------------------------------------------- 7. one update wipes the data

@pytest.fixture()
def corpus_server(tmp_path):
    root = tmp_path / "store"
    make_generation(root, "g1", _triples(5, "c0") + _triples(4, "c1").replace('"x', '"y'))
    # a build record with a figure that is no longer true once the data changes
    (root / "builds").mkdir()
    (root / "builds" / "g1.json").write_text(json.dumps({
        "generation": "g1", "built_at": "2026-01-01T00:00:00+00:00", "documents": 2, "works": 1, "triples": 12341,
        "cached": 0, "seeds": str(tmp_path / "private" / "seeds"), "ontology": str(tmp_path / "private" / "ontology"),
        "rejected": [], "warnings": [], "deprecations": []}))
    srv = Server(root, "--no-watch", workers=1)
    yield srv
    srv.stop()


def _status_triples(srv) -> int:
    return requests.get(srv.url + "/status", headers={"Accept": "application/json"}, timeout=30).json()["generation"]["triples"]


def test_bulk_destructive_updates_are_refused_unless_asked(corpus_server):
    srv = corpus_server
    status = requests.get(srv.url + "/status", headers={"Accept": "application/json"}, timeout=30)
    assert "private" not in status.text  # no absolute paths
    assert _status_triples(srv) == 9  # counted in the store, not the record's 12,341
    for text in ("CLEAR NAMED", "CLEAR ALL", "DROP ALL", "DROP NAMED", "DROP SILENT ALL",
                 f"CLEAR GRAPH <{EX}c0>", f"DROP GRAPH <{EX}c1>", "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
                 f"MOVE <{EX}c0> TO <{EX}elsewhere>", f"COPY <{EX}mine> TO <{EX}c1>",
                 f"DELETE DATA {{ GRAPH <{EX}c0> {{ <{EX}s0> <{EX}p> \"x0\" }} }}"):
        r = requests.post(srv.sparql, data={"update": text}, headers=srv.auth(), timeout=30)
        assert r.status_code == 403 and "destructive=yes" in r.text, (text, r.status_code, r.text)
    r = requests.delete(srv.url + "/store", params={"graph": f"{EX}c0"}, headers=srv.auth(), timeout=30)
    assert r.status_code == 403 and "destructive=yes" in r.text
    r = requests.put(srv.url + "/store", params={"graph": f"{EX}c1"}, data=b"", timeout=30,
                     headers={**srv.auth(), "Content-Type": "application/n-triples"})
    assert r.status_code == 403
    assert _status_triples(srv) == 9
    # writes to graphs of one's own go through, and may be cleared again
    mine = f"INSERT DATA {{ GRAPH <{EX}mine> {{ <{EX}a> <{EX}b> \"c\" }} }}"
    assert requests.post(srv.sparql, data={"update": mine}, headers=srv.auth(), timeout=30).status_code == 204
    assert _status_triples(srv) == 10
    r = requests.post(srv.sparql, data={"update": f"CLEAR GRAPH <{EX}mine>"}, headers=srv.auth(), timeout=30)
    assert r.status_code == 204, r.text
    # asked for explicitly, it happens, and /status says so
    r = requests.post(srv.sparql, data={"update": f"DROP GRAPH <{EX}c1>", "destructive": "yes"},
                      headers=srv.auth(), timeout=30)
    assert r.status_code == 204, r.text
    assert _status_triples(srv) == 5
    # and a restart does not bring back a stale figure
    srv.stop()


# --------------------------------------------------------------------------- 6. workers die with the app

def _ppid(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as fh:
        return int(fh.read().rsplit(")", 1)[1].split()[1])


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_query_workers_die_with_the_app_process(tmp_path):
    root = tmp_path / "store"
    make_generation(root, "g1", _triples(300, "g"))
    srv = Server(root, "--timeout", "60", workers=1)
    try:
        worker = srv.status()["worker_pids"][0]
        _wait_for(lambda: len(srv.status()["estimator_pids"]) == 1, 20, "the estimating process started with the app")
        estimators = srv.status()["estimator_pids"]
        forkserver = _ppid(worker)
        app = _ppid(forkserver)
        assert app != srv.proc.pid  # the gunicorn worker, not the master
        def runaway():
            try:
                requests.get(srv.sparql, params={"query": CROSS.replace("*", "(COUNT(*) AS ?n)")}, timeout=90)
            except requests.RequestException:
                pass  # the app it talks to is killed below

        threading.Thread(target=runaway, daemon=True).start()
        _wait_for(lambda: srv.status()["busy"] == 1, 10, "the runaway query started")
        os.kill(app, signal.SIGKILL)  # as gunicorn's timeout or the OOM killer would
        _wait_for(lambda: not _alive(worker), 5, "the orphaned query worker ended")
        _wait_for(lambda: not any(_alive(p) for p in estimators), 5, "the orphaned estimating processes ended")
    finally:
        srv.stop()


# --------------------------------------------------------------------------- 3./4. slow clients, fair shares

def _get_from(source: str, server, query: str, timeout: float = 30) -> tuple[int, str, float]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout, source_address=(source, 0))
    try:
        conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}),
                     headers={"Accept": "application/sparql-results+json"})
        resp = conn.getresponse()
        return resp.status, resp.read().decode(errors="replace"), time.monotonic()
    except OSError as exc:
        return 0, repr(exc), time.monotonic()
    finally:
        conn.close()


def test_slowloris_connections_change_nothing(server):
    stop = threading.Event()
    socks = []

    def drip(s):
        s.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        while not stop.wait(1.0):
            try:
                s.sendall(b"X-Slow: 1\r\n")
            except OSError:
                return

    for i in range(30):
        s = socket.create_connection(("127.0.0.1", server.port), source_address=("127.0.0.3", 0))
        socks.append(s)
        threading.Thread(target=drip, args=(s,), daemon=True).start()
    try:
        time.sleep(1.5)  # every slow connection has sent bytes and holds a thread
        for i in range(5):
            started = time.monotonic()
            status, body, done = _get_from("127.0.0.1", server, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o }} # slow {i}",
                                           timeout=20)
            assert status == 200, body
            assert done - started < 3, f"a small query took {done - started:.1f} s beside 30 slow clients"
        r = requests.get(server.url + "/status", headers={"Accept": "application/json"}, timeout=10)
        assert r.status_code == 200
    finally:
        stop.set()
        for s in socks:
            s.close()


def test_runaway_queries_from_one_client_do_not_starve_others(server):
    runaway = CROSS.replace("*", "(COUNT(*) AS ?n)", 1)
    results: dict[int, tuple[int, str, float]] = {}
    threads = [threading.Thread(target=lambda i=i: results.__setitem__(i, _get_from("127.0.0.2", server, f"{runaway} # {i}")))
               for i in range(4)]
    for t in threads:
        t.start()
    _wait_for(lambda: server.status()["busy"] >= 1, 10, "a runaway query started")
    small = [_get_from("127.0.0.1", server, f"SELECT ?o WHERE {{ <{EX}s{i}> ?p ?o }} # fair") for i in range(5)]
    for t in threads:
        t.join(60)
    assert all(status == 200 for status, _, _ in small), small
    limited = [body for status, body, _ in results.values() if status == 503 and "per client" in body]
    assert len(limited) == 3, results  # one runaway runs (until the time limit), three are refused
    runaway_end = max(done for status, body, done in results.values() if "per client" not in body)
    assert max(done for _, _, done in small) < runaway_end  # answered while the runaway ran


# --------------------------------------------------------------------------- 9. smaller ones

def test_admin_wait_must_be_a_bounded_number(server):
    for wait in ("inf", "nan", "-1", "1e9", "soon"):
        r = requests.post(server.url + "/admin/reload", params={"wait": wait, "rebuild": "1"}, headers=server.auth(),
                          timeout=30)
        assert r.status_code == 400 and "wait=" in r.text, (wait, r.status_code, r.text)


def test_admin_status_shows_process_ids_only_with_the_token(server):
    public = requests.get(server.url + "/admin/status", timeout=10).json()
    assert "worker_pids" not in public and "busy" in public
    assert requests.get(server.url + "/admin/status", headers={"Authorization": "Bearer wrong"}, timeout=10).json().get(
        "worker_pids") is None
    assert len(server.status()["worker_pids"]) == 2


def test_update_token_from_a_file_stays_out_of_ps(tmp_path):
    root = tmp_path / "store"
    make_generation(root, "g1", _triples(3, "g"))
    token_file = tmp_path / "token"
    token_file.write_text("file-secret-7c2\n")
    srv = Server(root, "--update-token-file", str(token_file), token=None, workers=1)
    try:
        with open(f"/proc/{srv.proc.pid}/cmdline", "rb") as fh:
            assert b"file-secret-7c2" not in fh.read()
        update = {"update": f"INSERT DATA {{ GRAPH <{EX}mine> {{ <{EX}a> <{EX}b> <{EX}c> }} }}"}
        assert requests.post(srv.sparql, data=update, timeout=30,
                             headers={"Authorization": "Bearer file-secret-7c2"}).status_code == 204
        assert requests.post(srv.sparql, data=update, timeout=30, headers={"Authorization": "Bearer x"}).status_code == 403
    finally:
        srv.stop()


def test_malformed_chunked_bodies_are_400(server):
    for head in (b"POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query\r\n",
                 b"POST /sparql HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n",
                 b"PUT /store?graph=http://example.org/n HTTP/1.1\r\nAuthorization: Bearer secret\r\n"
                 b"Content-Type: text/turtle\r\n"):
        with socket.create_connection(("127.0.0.1", server.port), timeout=20) as s:
            s.sendall(head + b"Host: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                             b"ZZZ\r\nabc\r\n0\r\n\r\n")
            answer = s.recv(200)
        assert answer.startswith(b"HTTP/1.1 400"), (head, answer)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
<rdf:Description rdf:about="http://example.org/lol"><ex:p>&lol9;</ex:p></rdf:Description></rdf:RDF>"""


def test_rdfxml_entity_expansion_is_refused(server):
    for body in (BILLION_LAUGHS, BILLION_LAUGHS.decode().encode("utf-16")):
        r = requests.post(server.url + "/store", params={"graph": f"{EX}lol"}, data=body, timeout=30,
                          headers={**server.auth(), "Content-Type": "application/rdf+xml"})
        assert r.status_code == 400 and "ENTITY" in r.text, (r.status_code, r.text)
    assert server.status()["killed"] >= 0 and requests.get(server.sparql, params={"query": "ASK {}"}, timeout=10).ok


def test_the_host_header_is_not_echoed(server):
    evil = {"Host": "evil.example"}
    sd = requests.get(server.sparql, headers={**evil, "Accept": "text/turtle"}, timeout=30)
    assert sd.status_code == 200 and "evil.example" not in sd.text and f"127.0.0.1:{server.port}/sparql" in sd.text
    void = requests.get(server.url + "/.well-known/void", headers={**evil, "Accept": "text/turtle"}, timeout=30)
    assert "evil.example" not in void.text and "evil.example" not in void.headers.get("ETag", "")
    r = requests.post(server.url + "/store", data=f"<{EX}a> <{EX}b> <{EX}c> .", timeout=30,
                      headers={**evil, **server.auth(), "Content-Type": "application/n-triples"})
    assert r.status_code == 201 and r.headers["Location"].startswith(f"http://127.0.0.1:{server.port}/store/")
    r = requests.get(server.sparql, headers={**evil, "Accept": "text/html"}, allow_redirects=False, timeout=30)
    assert "evil.example" not in r.headers.get("Location", "")


def test_pages_link_safely_and_send_protective_headers(server):
    base = "https://w3id.org/dissertation-kg/"
    odd = base + "id/work/x%3E;%20rel=%22preload%22"
    update = (f"INSERT DATA {{ GRAPH <{EX}pages> {{ <{base}id/work/x> <{EX}link> <{base}/evil.example/x> . "
              f"<{odd}> <{EX}p> \"odd\" }} }}")
    r = requests.post(server.sparql, data={"update": update}, headers=server.auth(), timeout=30)
    assert r.status_code == 204, r.text
    page = requests.get(server.url + "/id/work/x", headers={"Accept": "text/html"}, timeout=30)
    assert page.status_code == 200, page.text[:300]
    assert 'href="//' not in page.text and 'href="/\\' not in page.text
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    csp = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "object-src 'none'" in csp
    r = requests.get(server.url + "/id/work/x%3E;%20rel=%22preload%22", headers={"Accept": "text/turtle"}, timeout=30)
    assert r.status_code == 200, r.text[:300]
    link = r.headers["Link"]
    assert 'rel="preload"' not in link and "x%3E;%20rel=%22preload%22" in link
    assert requests.get(server.sparql, params={"query": "ASK {}"}, timeout=30).headers["X-Content-Type-Options"] == "nosniff"


def test_gzip_dumps_name_no_temporary_file(server):
    r = requests.get(server.url + "/dumps/dataset.nq.gz", timeout=60)
    assert r.status_code == 200, r.text[:300]
    data = r.content
    assert data[:2] == b"\x1f\x8b" and data[3] & 0x08  # FNAME present ...
    name = data[10:data.index(b"\0", 10)]
    assert name == b"dataset.nq" and data[4:8] == b"\0\0\0\0"  # ... and fixed, and no mtime


# --------------------------------------------------------------------------- the lexical readings, exactly

@pytest.mark.parametrize("text, depth", [
    ("ASK { ?s ?p ?o . ?s ?q ?r . }", 1),              # punctuation is no nesting
    ("ASK { ?s ?p ?o , ?x , ?y ; ?q ?r }", 1),
    ("ASK { ?s !<http://x/p> ?o }", 2),                # a prefix operator is one level
    ("ASK { ?s !^<http://x/p> ?o }", 3),               # a run of them, one each
    ("ASK { { ?s ?p ?o } }", 2),
])
def test_the_nesting_depth_counts_brackets_and_prefix_operators_only(text, depth):
    from dissertation_kg.server.endpoint.sparql_scan import nesting_depth

    assert nesting_depth(text) == depth


@pytest.mark.parametrize("text, found", [
    ("LOAD <http://x.org/a> INTO GRAPH <http://x.org/g>", None),
    ("LOAD SILENT <http://x.org/a> INTO GRAPH <http://x.org/g>", None),
    ("LOAD <http://x.org/a>", "LOAD without INTO GRAPH"),
    ("LOAD <http://x.org/a> ; LOAD <http://x.org/b> INTO GRAPH <http://x.org/g>", "LOAD without INTO GRAPH"),
    ("INSERT DATA { GRAPH <http://x.org/g> { <http://x.org/s> <http://x.org/p> 1 } }", None),
    ("INSERT DATA { <http://x.org/s> <http://x.org/p> 1 }", "INSERT of a triple outside GRAPH { … }"),
    ("INSERT DATA { GRAPH <http://x.org/g> { <http://x.org/s> <http://x.org/p> 1 } <http://x.org/t> <http://x.org/p> 2 }",
     "INSERT of a triple outside GRAPH { … }"),                               # after a GRAPH block
    ("DELETE WHERE { GRAPH ?g { ?s ?p ?o } }", None),
    ("CLEAR DEFAULT", "CLEAR DEFAULT"),
])
def test_writes_to_the_default_graph_are_found(text, found):
    from dissertation_kg.server.endpoint.sparql_scan import default_graph_writes

    assert default_graph_writes(text) == found


def test_the_scan_reads_base_and_prefixes_as_sparql_does():
    from dissertation_kg.server.endpoint.sparql_scan import scan

    sc = scan("BASE <http://x.org/> PREFIX ex: <ns#> SELECT * WHERE { ?s ex:p ?o }")
    assert sc.base == "http://x.org/" and sc.prefixes == {"ex": "http://x.org/ns#"}   # relative to BASE
    # declarations recur between update operations; the later one wins
    assert scan("PREFIX ex: <http://a.org/> ; PREFIX ex: <http://b.org/> SELECT * {}").prefixes == {"ex": "http://b.org/"}
