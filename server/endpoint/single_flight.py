"""Identical requests that miss the result cache together run once.

When a new generation is served, or a page of the UI is opened by many people at once, the same
query text arrives from many clients before its first answer is cached. Each of them used to
parse it, estimate it and send it to a query worker, so the estimating processes and workers
ran the same text several times while new texts queued behind it. Here the first request for a cache key leads; the
others follow: they wait for the leader to finish and answer from the cache (request coalescing,
as in nginx's proxy_cache_lock or Varnish).

Following holds an HTTP thread without a query worker, so it is bounded like the pool: a client
follows at most `per_client` requests at once, and at most `limit` followers wait in all; past
either bound a request takes the ordinary path, where the pool's limits answer it (a 503 when
the client already has its share). A follower waits at most `wait` seconds. When the leader's
query failed on its own account (its time limit, an error the engine found in it) the followers
get the same error; when its answer was not cached for another reason (a stream too large for
the cache, a busy pool), each follower then runs the query itself, as it would have without this.
"""
from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Hashable


class _Flight:
    __slots__ = ("done", "error")

    def __init__(self):
        self.done = threading.Event()
        self.error = None   # the leader's error when it belongs to the query (its time limit, its syntax)


class SingleFlight:
    def __init__(self, limit: int, per_client: int):
        self.limit = limit
        self.per_client = per_client
        self._lock = threading.Lock()
        self._flights: dict[Hashable, _Flight] = {}
        self._followers: Counter[str | None] = Counter()
        self._waiting = 0
        self.followed = 0   # requests that were answered by following another (for /admin/status)

    def lead(self, key: Hashable) -> _Flight | None:
        """A flight to finish with `land()` when nobody is running `key`; None when someone is."""
        with self._lock:
            if key in self._flights:
                return None
            flight = self._flights[key] = _Flight()
            return flight

    def land(self, key: Hashable, flight: _Flight) -> None:
        with self._lock:
            if self._flights.get(key) is flight:
                del self._flights[key]
        flight.done.set()

    def follow(self, key: Hashable, client: str | None, wait: float) -> _Flight | None:
        """Wait for the running leader of `key`: its flight when it finished within `wait`
        seconds; None at once when there is no leader (any more) or a bound is reached."""
        with self._lock:
            flight = self._flights.get(key)
            if flight is None or self._waiting >= self.limit:
                return None
            if self.per_client and self._followers[client] >= self.per_client:
                return None
            self._followers[client] += 1
            self._waiting += 1
        try:
            finished = flight.done.wait(wait)
        finally:
            with self._lock:
                self._followers[client] -= 1
                self._waiting -= 1
                if not self._followers[client]:
                    del self._followers[client]
        if not finished:
            return None
        with self._lock:
            self.followed += 1
        return flight

    def running(self) -> int:
        with self._lock:
            return len(self._flights)
