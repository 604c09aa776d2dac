"""The heavy lane (issue #11): queries estimated expensive from their parsed algebra, or whose
shape ran long before, share a bounded number of query workers, so runaways sent from any number
of client addresses cannot take the workers small queries need."""
from __future__ import annotations

import http.client
import threading
import time
import urllib.parse

import pytest

from dissertation_kg.server.config import ServerConfig
from dissertation_kg.server.endpoint.cost_estimate import estimate
from dissertation_kg.server.endpoint.heavy_shapes import ShapeHistory
from endpoint_server import Server, make_generation

EX = "http://example.org/"
PRE = ("PREFIX dkg: <https://w3id.org/dissertation-kg/ontology#> "
       "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ")
HEAVY = ServerConfig().heavy_cost

# (query, heavy?, a reason that must be named when heavy)
TABLE = [
    ("SELECT ?p ?o WHERE { ?s ?p ?o } OFFSET 37 LIMIT 3", False, None),
    ("SELECT ?o WHERE { <http://example.org/s1> ?p ?o }", False, None),
    (PRE + "SELECT ?w ?t WHERE { ?w a dkg:Dissertation ; dkg:title ?t }", False, None),
    (PRE + "SELECT ?w ?t WHERE { ?w a dkg:Dissertation ; dkg:title ?t FILTER(CONTAINS(LCASE(?t), 'data')) } "
           "ORDER BY ?t LIMIT 10", False, None),
    (PRE + "SELECT * WHERE { ?a a dkg:Dissertation . ?b a dkg:Person }", False, None),
    ("SELECT * WHERE { <http://x/a> <http://x/p>* ?o }", False, None),
    ("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 10", False, None),  # the engine stops after 10 rows
    ("SELECT * WHERE { ?s ?p ?o OPTIONAL { ?o ?q ?r } } LIMIT 10", False, None),
    ("SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } LIMIT 5 } ?s ?q ?r }", False, None),
    ("SELECT * WHERE { VALUES ?s { <http://x/a> <http://x/b> } ?s ?p ?o }", False, None),
    ("ASK { ?s ?p ?o }", False, None),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 10", False, None),
    ("DESCRIBE <http://x/a>", False, None),
    ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", True, "cartesian product"),
    (PRE + "SELECT * WHERE { ?a dkg:title ?t . ?b dkg:title ?u }", True, "cartesian product"),
    ("ASK { ?a ?b ?c . ?d ?e ?f . FILTER(?c = ?f && ?a != ?d) }", True, "cartesian product"),
    ("SELECT * WHERE { ?s <http://x/p>* ?o }", True, "unbounded property path"),
    ("SELECT * WHERE { ?s (!<http://x/none>)+ ?o } LIMIT 5", False, None),
    ("SELECT (COUNT(*) AS ?n) WHERE { ?s (!<http://x/none>)+ ?o }", True, "unbounded property path"),
    ("SELECT ?s WHERE { ?s ?p ?o FILTER regex(str(?o), 'x') } LIMIT 10", True, "string test (REGEX"),
    ("SELECT * WHERE { ?s ?p ?o }", True, "no LIMIT"),
    ("SELECT * WHERE { ?s ?p ?o . ?o ?q ?r }", True, "2 joined patterns with no bound term"),
    ("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?o LIMIT 5", True, "ORDER BY over"),
    (PRE + "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p", True, "GROUP BY over"),
]


@pytest.mark.parametrize("query,heavy,reason", TABLE, ids=[f"{i:02d}" for i in range(len(TABLE))])
def test_the_estimate_sorts_queries(query, heavy, reason):
    est = estimate(query)
    assert (est.cost >= HEAVY) is heavy, (est.cost, est.reasons)
    if reason:
        assert any(reason in r for r in est.reasons), est.reasons


def test_a_shape_ignores_names_literals_and_numbers_but_not_structure():
    a = estimate("SELECT ?p ?o WHERE { ?s ?p ?o FILTER(?o != 'a') } OFFSET 3 LIMIT 3").shape
    b = estimate("SELECT ?y ?z WHERE { ?x ?y ?z FILTER(?z != 'b') } OFFSET 90 LIMIT 7  # again").shape
    c = estimate("SELECT ?p ?o WHERE { ?s ?p ?o FILTER(?o = 'a') } OFFSET 3 LIMIT 3").shape
    d = estimate("SELECT ?p ?o WHERE { ?s <http://x/p> ?o } OFFSET 3 LIMIT 3").shape
    assert a == b
    assert len({a, c, d}) == 3


def test_a_shape_that_ran_long_is_heavy_next_time_and_while_it_runs():
    history = ShapeHistory(seconds=0.3)
    started = history.started("s1")
    assert history.heavy("s1") is None
    time.sleep(0.35)
    assert history.heavy("s1") >= 0.3          # still running, already past the mark
    history.finished("s1", started)
    assert history.heavy("s1") >= 0.3          # remembered
    quick = history.started("s1")
    history.finished("s1", quick)
    assert history.heavy("s1") is None         # the last run was quick
    assert history.heavy("") is None           # unread queries have no shape to learn from


def test_unreadable_or_long_queries_are_heavy():
    from dissertation_kg.server.endpoint.runtime import Runtime

    rt = Runtime(ServerConfig(store="/nonexistent-dkg-store", cost_parse_chars=200))
    assert rt.lane("SELECT ?o WHERE { <http://x/a> ?p ?o }").heavy is False
    long = rt.lane("SELECT ?o WHERE { <http://x/a> ?p ?o } # " + "x" * 300)
    assert long.heavy and "longer than 200" in long.why
    # rdflib cannot read this Oxigraph extension; what cannot be estimated runs in the heavy lane
    odd = rt.lane("SELECT ?o WHERE { <http://x/a> ?p ?o FILTER(?o = <<( <http://x/a> <http://x/b> <http://x/c> )>>) }")
    assert odd.heavy and odd.why.startswith("not estimated")


class _Lanes:
    """A pool's heavy lane as the runtime sees it: `free` places to take."""

    def __init__(self, free: int):
        self.free = free

    def try_heavy(self) -> bool:
        if self.free <= 0:
            return False
        self.free -= 1
        return True


def test_a_new_text_is_estimated_only_when_the_heavy_lane_is_full():
    from dissertation_kg.server.endpoint.runtime import Runtime

    rt = Runtime(ServerConfig(store="/nonexistent-dkg-store"))
    try:
        asked = []
        real = rt.estimator.estimate
        rt.estimator.estimate = lambda text, wait=None: asked.append(text) or real(text, wait)
        cheap = "SELECT ?o WHERE { <http://x/a> ?p ?o }"
        lanes = _Lanes(free=1)
        held = rt.lane(cheap, lanes)
        assert held.heavy and held.held and not held.estimate.read and asked == []
        assert lanes.free == 0
        # the place is taken now: the same text is estimated, light, and remembered
        light = rt.lane(cheap, lanes)
        assert not light.heavy and not light.held and asked == [cheap]
        # a remembered estimate is used as it is, free place or not
        assert not rt.lane(cheap, _Lanes(free=1)).heavy and asked == [cheap]
        # an expensive text with the lane full is estimated heavy, and takes no place here
        costly = "SELECT * WHERE { ?s ?p ?o }"
        heavy = rt.lane(costly, lanes)
        assert heavy.heavy and not heavy.held and heavy.estimate.read and asked == [cheap, costly]
    finally:
        rt.close()


# --------------------------------------------------------------------------- the estimating process


def _slow_to_parse(unions: int, tag: str) -> str:
    """A readable query rdflib takes about 8 ms per union to parse (0.8 s for 100)."""
    return ("SELECT * WHERE { " + " ".join(f"{{ ?s <{EX}p{i}> ?o{i} FILTER(?o{i} != {i}) }} UNION"
                                           for i in range(unions)) + f" {{ ?s ?p ?o }} }} LIMIT 1 # {tag}")


def test_the_estimate_is_parsed_outside_the_serving_process():
    # rdflib's parse held the serving process's interpreter lock, so every request thread waited
    # for each new query text's estimate; now the serving process only waits on a pipe.
    from dissertation_kg.server.endpoint.runtime import Runtime

    rt = Runtime(ServerConfig(store="/nonexistent-dkg-store"))
    try:
        rt.lane("ASK {}")  # the estimating process is up
        started = time.process_time()
        here = estimate(_slow_to_parse(100, "here"))
        in_process = time.process_time() - started
        started = time.process_time()
        lane = rt.lane(_slow_to_parse(100, "there"))
        outside = time.process_time() - started
        assert lane.estimate.read and lane.estimate.shape == here.shape and lane.estimate.cost == here.cost
        assert in_process > 0.2, in_process  # the text really is slow to parse
        assert outside < in_process / 5, (outside, in_process)
    finally:
        rt.close()


def test_a_parse_past_the_limit_is_stopped_and_the_next_one_gets_its_own_answer():
    from dissertation_kg.server.endpoint.estimator import Estimator
    from dissertation_kg.server.endpoint.parse_tree import Unreadable

    est = Estimator(limit=0.2)
    try:
        est.estimate("ASK {}")  # started and warm: the limit covers parsing only
        with pytest.raises(Unreadable, match="longer than 0.2 s"):
            est.estimate(_slow_to_parse(150, "long"))
        assert est.kills == 1
        # a parse left running would answer this request with the long query's estimate
        small = est.estimate("SELECT ?o WHERE { <http://x/a> ?p ?o }")
        assert small.cost == estimate("SELECT ?o WHERE { <http://x/a> ?p ?o }").cost == 1e4
        with pytest.raises(Unreadable):
            est.estimate("SELECT ?o WHERE { <http://x/a> ?p ?o")  # rdflib's own refusal comes back
    finally:
        est.close()


APP = """
import sys, time
from dissertation_kg.server.endpoint.estimator import Estimator
est = Estimator(limit=120)
est.estimate("ASK {}")
print(est.pids()[0], flush=True)
est.estimate(sys.argv[1])
"""


def test_the_estimating_process_dies_with_the_app_even_mid_parse(tmp_path):
    import os
    import signal
    import subprocess
    import sys

    app = subprocess.Popen([sys.executable, "-c", APP, _slow_to_parse(600, "orphan")], stdout=subprocess.PIPE, text=True)
    try:
        pid = int(app.stdout.readline())

        def cpu() -> int:
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            return int(fields[11]) + int(fields[12])

        before = cpu()
        _wait_for(lambda: cpu() > before + 10, 20, "the estimating process is parsing")
        os.kill(app.pid, signal.SIGKILL)  # as gunicorn's timeout or the OOM killer would

        def gone() -> bool:
            try:
                with open(f"/proc/{pid}/stat") as fh:
                    return fh.read().rsplit(")", 1)[1].split()[0] == "Z"
            except FileNotFoundError:
                return True
        _wait_for(gone, 2, "the orphaned estimating process ended (it had seconds of parsing left)")
    finally:
        app.kill()
        app.wait()


# --------------------------------------------------------------------------- live


def _triples(n: int) -> str:
    return "".join(f"<{EX}s{i}> <{EX}p> \"x{i}\" <{EX}g> .\n" for i in range(n))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("lane") / "store"
    make_generation(root, "g1", _triples(300))
    srv = Server(root, "--timeout", "4", "--heavy-seconds", "0.5", workers=2)
    srv.root = root
    yield srv
    srv.stop()


def _get_from(source: str, server, query: str, timeout: float = 30) -> tuple[int, dict, str, float, float]:
    """(status, headers, body, start, end) of a GET /sparql sent from `source`."""
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout, source_address=(source, 0))
    try:
        conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}),
                     headers={"Accept": "application/sparql-results+json"})
        resp = conn.getresponse()
        body = resp.read().decode(errors="replace")
        return resp.status, dict(resp.getheaders()), body, started, time.monotonic()
    except OSError as exc:
        return 0, {}, repr(exc), started, time.monotonic()
    finally:
        conn.close()


def _wait_for(predicate, seconds: float, what: str):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for: {what}")


# Four shapes, so no per-shape learning is needed to catch them. Each joins the 300 triples four
# or five times over (8e9 rows and more): three times over (2.7e7 rows) a quiet machine counted
# within the 4 s limit, and the runaway came back 200.
RUNAWAYS = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l FILTER(?c != ?f) }",
    "SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l FILTER(STRLEN(CONCAT(?c, ?f, ?i)) < 0) }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }",
]


def test_runaways_from_many_addresses_leave_a_worker_for_small_queries(server):
    results: dict[int, tuple] = {}
    threads = [threading.Thread(target=lambda i=i: results.__setitem__(
        i, _get_from(f"127.0.0.{50 + i}", server, RUNAWAYS[i]))) for i in range(4)]
    for t in threads:
        t.start()
    # the lane admits the first runaway before a worker takes it (a worker replaced after an earlier
    # test's runaway may still be opening the store): wait for the state itself, not one moment of it
    snapshot: dict = {}

    def settled() -> bool:
        snapshot.update(server.status())
        return snapshot["heavy_lane"]["waiting"] == 2 and snapshot["busy"] >= 1

    _wait_for(settled, 10, "one runaway runs on a worker, two wait for the lane")
    status = dict(snapshot)
    small = []
    end = time.monotonic() + 3
    i = 0
    while time.monotonic() < end:
        i += 1
        small.append(_get_from("127.0.0.60", server, f"SELECT ?o WHERE {{ <{EX}s{i}> ?p ?o }} # small {i}"))
    for t in threads:
        t.join(60)
    assert all(s[0] == 200 for s in small), [(s[0], s[2][:80]) for s in small if s[0] != 200][:3]
    assert all(s[1]["X-Query-Lane"].startswith("light") for s in small)
    slowest = max(s[4] - s[3] for s in small)
    assert slowest < 1.5, f"a small query took {slowest:.2f} s while runaways ran"
    assert status["heavy_lane"]["workers"] == 1 and status["heavy_lane"]["busy"] == 1, status
    assert status["heavy_lane"]["waiting"] == 2 and status["busy"] == 1, status  # the fourth was refused
    lanes = [r[1].get("X-Query-Lane", "") for r in results.values()]
    assert all(lane.startswith("heavy") for lane in lanes), lanes
    # one ran (stopped at the limit), the others waited for it or were refused: none ran beside it
    assert all(r[0] == 503 for r in results.values()), [(r[0], r[2][:80], round(r[4] - r[3], 1)) for r in results.values()]


def _opened_store(pid: int, root) -> bool:
    """Whether process `pid` holds a file of the store open (RocksDB keeps its files open)."""
    import os

    try:
        links = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")]
    except (FileNotFoundError, PermissionError):
        return False
    return any(link.startswith(str(root)) for link in links)


def test_a_worker_replacing_a_stopped_runaway_opens_the_store_before_its_first_query(server):
    _get_from("127.0.0.75", server, f"SELECT ?o WHERE {{ <{EX}s1> ?p ?o }} # warm")
    before = set(server.status()["worker_pids"])
    status, _, body, _, _ = _get_from("127.0.0.76", server, RUNAWAYS[0] + " # stopped")
    assert status == 503 and "limit" in body
    _wait_for(lambda: set(server.status()["worker_pids"]) != before, 10, "the stopped worker was replaced")
    fresh = (set(server.status()["worker_pids"]) - before).pop()
    # no query has reached it yet: it opened the store on its own
    _wait_for(lambda: _opened_store(fresh, server.root), 10, "the replacement opened the store")


def _learning_server(tmp_path) -> Server:
    root = tmp_path / "store"
    make_generation(root, "g1", _triples(300))
    # with a threshold no estimate reaches, only the history can call a query heavy
    srv = Server(root, "--timeout", "3", "--heavy-seconds", "0.5", "--heavy-cost", "1e30", workers=2)
    # a new server's workers open the store before the first query arrives
    for pid in srv.status()["worker_pids"]:
        _wait_for(lambda: _opened_store(pid, root), 10, f"worker {pid} opened the store")
    return srv


def test_a_runaway_the_estimate_misses_is_learnt_from(tmp_path):
    srv = _learning_server(tmp_path)
    try:
        # Another runaway takes the one heavy place first (unestimated: it was free), so the
        # next new text is estimated, and the estimate misses it.
        other = threading.Thread(target=lambda: _get_from("127.0.0.69", srv, RUNAWAYS[1]))
        other.start()
        _wait_for(lambda: srv.status()["heavy_lane"]["busy"] == 1, 10, "a runaway holds the heavy place")
        first = {}
        t = threading.Thread(target=lambda: first.update(r=_get_from("127.0.0.70", srv, RUNAWAYS[0])))
        t.start()
        _wait_for(lambda: srv.status()["busy"] >= 2, 10, "the second runaway started")
        time.sleep(0.8)  # past --heavy-seconds: the same shape is heavy while this one runs
        again = _get_from("127.0.0.71", srv, RUNAWAYS[0].replace("?a", "?x") + " # from elsewhere", timeout=30)
        t.join(30)
        other.join(30)
        assert first["r"][1]["X-Query-Lane"].startswith("light"), first["r"][1]
        assert again[1]["X-Query-Lane"].startswith("heavy") and "this query shape ran" in again[1]["X-Query-Lane"]
        later = _get_from("127.0.0.72", srv, RUNAWAYS[0] + " # later", timeout=30)
        assert later[1]["X-Query-Lane"].startswith("heavy"), later[1]
        assert srv.status()["heavy_lane"]["heavy_shapes"] >= 1
    finally:
        srv.stop()


def test_a_runaway_run_unestimated_in_a_free_heavy_place_is_learnt_from_too(tmp_path):
    # On an idle server a new text takes the free heavy place without being parsed; if it runs
    # past --heavy-seconds its shape is read then, so the same shape sent again while the heavy
    # place is taken (and so estimated, light by the estimate) still goes to the heavy lane.
    srv = _learning_server(tmp_path)
    try:
        first = {}
        t = threading.Thread(target=lambda: first.update(r=_get_from("127.0.0.73", srv, RUNAWAYS[0])))
        t.start()
        _wait_for(lambda: srv.status()["heavy_lane"]["busy"] == 1, 10, "the runaway holds the heavy place")
        time.sleep(0.8)
        again = _get_from("127.0.0.74", srv, RUNAWAYS[0].replace("?a", "?x") + " # from elsewhere", timeout=30)
        t.join(30)
        assert first["r"][1]["X-Query-Lane"].startswith("heavy; cost=unestimated"), first["r"][1]
        assert again[1]["X-Query-Lane"].startswith("heavy") and "this query shape ran" in again[1]["X-Query-Lane"], \
            again[1]
        assert srv.status()["heavy_lane"]["heavy_shapes"] >= 1
    finally:
        srv.stop()
