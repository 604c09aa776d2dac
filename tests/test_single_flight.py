"""Identical requests that miss the result cache together run once (server/endpoint/single_flight.py):
the first one leads, the others wait for its answer, bounded per client and in all."""
from __future__ import annotations

import http.client
import threading
import time
import urllib.parse

import pytest

from dissertation_kg.server.endpoint.single_flight import SingleFlight
from endpoint_server import Server, make_generation

EX = "http://example.org/"


def _in_thread(fn, *args):
    out = {}
    t = threading.Thread(target=lambda: out.update(r=fn(*args)))
    t.start()
    return t, out


def test_a_follower_gets_the_leaders_flight_when_it_lands():
    flights = SingleFlight(limit=8, per_client=1)
    flight = flights.lead("k")
    assert flight is not None and flights.lead("k") is None  # one leader per key
    t, out = _in_thread(flights.follow, "k", "a", 10)
    time.sleep(0.2)
    assert t.is_alive()                                       # waiting, not running it
    flights.land("k", flight)
    t.join(5)
    assert out["r"] is flight and flights.followed == 1
    assert flights.follow("k", "a", 10) is None               # landed: nobody to follow
    assert flights.lead("k") is not None                      # the next miss leads again


def test_following_is_bounded_per_client_in_all_and_in_time():
    flights = SingleFlight(limit=2, per_client=1)
    flight = flights.lead("k")
    first, out1 = _in_thread(flights.follow, "k", "a", 10)
    time.sleep(0.1)
    started = time.monotonic()
    assert flights.follow("k", "a", 10) is None               # client a already follows one
    second, out2 = _in_thread(flights.follow, "k", "b", 10)
    time.sleep(0.1)
    assert flights.follow("k", "c", 10) is None               # two followers wait in all
    assert time.monotonic() - started < 1                     # refusals do not wait
    assert flights.follow("other", "c", 10) is None           # no leader for that key
    flights.land("k", flight)
    first.join(5), second.join(5)
    assert out1["r"] is flight and out2["r"] is flight
    again = flights.lead("k")
    assert flights.follow("k", "a", 0.2) is None              # the leader did not land in time
    flights.land("k", again)


# --------------------------------------------------------------------------- live

def _triples(n: int) -> str:
    return "".join(f"<{EX}s{i}> <{EX}p> \"x{i}\" <{EX}g> .\n" for i in range(n))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("flight") / "store"
    make_generation(root, "g1", _triples(300))
    srv = Server(root, "--timeout", "8", workers=2)
    yield srv
    srv.stop()


def _get_from(source: str, server, query: str) -> tuple[int, dict, str]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60, source_address=(source, 0))
    try:
        conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}),
                     headers={"Accept": "application/sparql-results+json"})
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read().decode(errors="replace")
    finally:
        conn.close()


def _together(server, query: str, n: int, first_address: int) -> list[tuple[int, dict, str]]:
    """The same query from n client addresses at once (the first one a moment ahead, to lead)."""
    results: dict[int, tuple] = {}
    threads = [threading.Thread(target=lambda i=i: results.__setitem__(
        i, _get_from(f"127.0.0.{first_address + i}", server, query))) for i in range(n)]
    threads[0].start()
    time.sleep(0.3)
    for t in threads[1:]:
        t.start()
    for t in threads:
        t.join(90)
    return [results[i] for i in range(n)]


# 9 million rows to count: a second or two, and a cartesian product, so the heavy lane (one worker,
# two waiting) is where it runs: without coalescing, five of eight identical requests got 503.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(STRLEN(?i) < 4) }"
# 8.1 billion: far past the 8 s limit
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_identical_misses_from_many_clients_run_once_and_all_get_the_answer(server):
    jobs = server.status()["jobs"]
    answers = _together(server, SLOW + " # together", 8, 20)
    assert [a[0] for a in answers] == [200] * 8, [(a[0], a[2][:100]) for a in answers]
    assert len({a[2] for a in answers}) == 1 and "9000000" in answers[0][2]
    assert server.status()["jobs"] - jobs == 1                  # one query worker ran it
    assert "X-Cache" not in answers[0][1]
    assert [a[1].get("X-Cache") for a in answers[1:]] == ["shared"] * 7
    assert server.status()["coalesced"] >= 7


def test_followers_of_a_query_stopped_at_the_limit_get_its_error_without_running_it_again(server):
    jobs = server.status()["jobs"]
    answers = _together(server, RUNAWAY + " # stopped", 3, 40)
    assert [a[0] for a in answers] == [503] * 3, [(a[0], a[2][:100]) for a in answers]
    assert all("exceeded the 8 s limit" in a[2] for a in answers), [a[2][:100] for a in answers]
    assert server.status()["jobs"] - jobs == 1


def test_a_client_follows_no_more_than_its_share(server):
    # the per-client limit (1 with two workers) holds for following too: of three identical requests
    # from one address, one leads, one follows, and the third takes the ordinary path, where the
    # pool refuses a second query of that client while its first one runs
    text = SLOW + " # share"
    results: dict[int, tuple] = {}
    threads = [threading.Thread(target=lambda i=i: results.__setitem__(i, _get_from("127.0.0.61", server, text)))
               for i in range(3)]
    threads[0].start()
    time.sleep(0.3)
    threads[1].start()
    time.sleep(0.3)
    threads[2].start()
    for t in threads:
        t.join(90)
    statuses = sorted(r[0] for r in results.values())
    assert statuses == [200, 200, 503], [(r[0], r[2][:100]) for r in results.values()]
    refused = next(r for r in results.values() if r[0] == 503)
    assert "per client" in refused[2] or "this client already has" in refused[2], refused[2][:200]
