"""The engine's generation pointer as a server over a remote engine follows it
(server/store/engine_dataset.py, EngineGenerations.current): never older than POINTER_TTL, and
past half of that looked up again beside the request that noticed, not inside it."""
from __future__ import annotations

import threading
import time

import pyoxigraph as ox

from dissertation_kg.server.store import engine_dataset as ed


class FakeEngine:
    """Answers the pointer query with `self.gen`; `gate` holds a lookup until set."""

    def __init__(self, gen: str):
        self.gen = gen
        self.lookups = 0
        self.threads: list[str] = []       # which thread asked, per lookup
        self.asked = threading.Event()     # a lookup has read the pointer
        self.gate = threading.Event()
        self.gate.set()

    def raw_query(self, sparql, params=(), timeout=None):
        gen = self.gen  # the pointer as it was when asked
        self.threads.append(threading.current_thread().name)
        self.asked.set()
        self.gate.wait(10)
        self.lookups += 1
        body = ('{"head": {"vars": ["g"]}, "results": {"bindings": [{"g": {"type": "literal", "value": "%s"}}]}}'
                % gen).encode()
        return "SELECT", "application/sparql-results+json", body

    def results(self, form, media, body):
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)


def _age(gens: ed.EngineGenerations, seconds: float) -> None:
    with gens._lock:
        gens._pointer = (time.monotonic() - seconds, gens._pointer[1])


def test_a_fresh_pointer_is_not_looked_up_again():
    engine = FakeEngine("g1")
    gens = ed.EngineGenerations(engine)
    assert gens.current() == "g1" and engine.lookups == 1
    assert gens.current() == "g1" and engine.lookups == 1


def test_past_half_its_life_the_pointer_is_refreshed_beside_the_request():
    engine = FakeEngine("g1")
    gens = ed.EngineGenerations(engine)
    gens.current()
    _age(gens, ed.POINTER_TTL * 0.75)
    engine.gen = "g2"          # the engine switched
    engine.gate.clear()        # and answers slowly
    t0 = time.monotonic()
    assert gens.current() == "g1"  # the still-valid pointer, at once
    assert time.monotonic() - t0 < 0.5
    assert gens.current() == "g1"  # one refresh at a time
    engine.gate.set()
    deadline = time.monotonic() + 5
    while gens.current() != "g2":
        assert time.monotonic() < deadline, "the background refresh never landed"
        time.sleep(0.01)
    assert engine.lookups == 2
    assert engine.threads[1] != threading.current_thread().name  # not in the request's thread


def test_an_expired_pointer_is_looked_up_in_the_request():
    engine = FakeEngine("g1")
    gens = ed.EngineGenerations(engine)
    gens.current()
    _age(gens, ed.POINTER_TTL)
    engine.gen = "g2"
    assert gens.current() == "g2"  # never an answer from a pointer older than POINTER_TTL
    assert engine.lookups == 2


def test_a_lookup_asked_before_forget_is_not_kept():
    engine = FakeEngine("old")
    gens = ed.EngineGenerations(engine)
    gens.current()
    _age(gens, ed.POINTER_TTL * 0.75)
    engine.gate.clear()
    engine.asked.clear()
    gens.current()              # a refresh is now waiting for the engine's answer ("old")
    assert engine.asked.wait(5)
    gens.forget()               # a switch happened meanwhile
    engine.gen = "new"
    engine.gate.set()
    time.sleep(0.2)
    assert gens.current() == "new"
