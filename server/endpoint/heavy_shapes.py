"""What the server has learnt about query shapes (cost_estimate.shape): how long a shape took
the last time it ran, and which shapes are running right now. A shape that ran past the
threshold last time, or is running past it at this moment, is heavy the next time whatever its
estimate, so a runaway the estimate missed goes to the heavy lane from its second try on (and a
flood of the same runaway from many addresses from the moment the first one passes the mark)."""
from __future__ import annotations

import threading
import time
from collections import OrderedDict


class ShapeHistory:
    def __init__(self, seconds: float, size: int = 10_000):
        self.seconds = seconds
        self.size = size
        self._last: OrderedDict[str, float] = OrderedDict()   # shape -> seconds its last run took
        self._running: dict[str, list[float]] = {}            # shape -> start times (monotonic)
        self._lock = threading.Lock()

    def heavy(self, shape: str) -> float | None:
        """How long this shape took (or has been running) when that is past the threshold; else None."""
        if not shape:
            return None
        now = time.monotonic()
        with self._lock:
            took = self._last.get(shape)
            starts = self._running.get(shape)
            running = now - min(starts) if starts else 0.0
        longest = max(took or 0.0, running)
        return longest if longest >= self.seconds else None

    def started(self, shape: str, at: float | None = None) -> float:
        """Note a run of `shape` as started now (or at `at`, a time.monotonic() of the past:
        a shape read only once the query had run a while)."""
        now = time.monotonic() if at is None else at
        if shape:
            with self._lock:
                self._running.setdefault(shape, []).append(now)
        return now

    def finished(self, shape: str, started: float) -> None:
        if not shape:
            return
        took = time.monotonic() - started
        with self._lock:
            starts = self._running.get(shape)
            if starts is not None:
                try:
                    starts.remove(started)
                except ValueError:
                    pass
                if not starts:
                    del self._running[shape]
        self.record(shape, took)

    def record(self, shape: str, took: float) -> None:
        """How long a finished run of `shape` took."""
        if not shape:
            return
        with self._lock:
            self._last.pop(shape, None)
            self._last[shape] = took
            while len(self._last) > self.size:
                self._last.popitem(last=False)

    def count_heavy(self) -> int:
        with self._lock:
            return sum(1 for took in self._last.values() if took >= self.seconds)
