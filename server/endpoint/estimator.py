"""Cost estimates (cost_estimate.py) computed in a process of their own.

rdflib's parse behind an estimate costs 4 ms of pure Python for a short query, 40 ms for a
competency question and seconds for a long one. In the serving process it held the interpreter
lock meanwhile, so every request thread, cached answers included, waited for it: at 200 clients
sending 500 new query texts, the slowest 1 % of all answers were the ones queued behind those
parses. Here the parse runs in a child process; the request thread waits on a pipe, without
the lock.

One parse at a time, as before (pyparsing keeps its state in module-level objects): a request
waits at most `wait` seconds for its turn, then its query counts as unestimated (heavy lane). A
parse that runs past `limit` seconds has its process killed and replaced, so one hostile text
cannot keep every later query out of the light lane. Hand-written rather than
concurrent.futures.ProcessPoolExecutor because that pool cannot stop one running call; the
process is started like the query workers (forkserver, dies with the app, heap limit).
"""
from __future__ import annotations

import os
import threading

from dissertation_kg.server.endpoint.cost_estimate import Estimate, Unreadable, estimate


def _child(conn, memory_mb: int, app_pid: int) -> None:
    import signal

    from dissertation_kg.server.endpoint.executor import _die_with, _limit_memory
    from dissertation_kg.server.processes import die_with_parent

    die_with_parent()
    _die_with(app_pid)
    _limit_memory(memory_mb)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the server; it stops us
    try:
        estimate("ASK {}")  # imports rdflib's grammar (a second) before the first real text
    except Unreadable:
        pass
    conn.send(("ready", None))
    while True:
        try:
            text = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", estimate(text)))
        except Unreadable as exc:
            conn.send(("unreadable", str(exc)))
        except MemoryError:
            conn.send(("unreadable", f"parsing it needs more than the {memory_mb} MB heap limit"))


_START_SECONDS = 60.0


class Estimator:
    def __init__(self, memory_mb: int = 0, limit: float = 5.0):
        self.memory_mb = memory_mb
        self.limit = limit
        self._turn = threading.Lock()   # one parse at a time; held while one is under way
        self._proc = None
        self._conn = None
        self._ready = False
        self._start_lock = threading.Lock()
        self.kills = 0

    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def start(self) -> None:
        """Start the process if it is not running (it then imports rdflib's grammar)."""
        from dissertation_kg.server.endpoint.executor import worker_context

        with self._start_lock:
            if self._proc is not None and self._proc.is_alive():
                return
            self._stop()
            ctx = worker_context()
            parent, child = ctx.Pipe()
            self._proc = ctx.Process(target=_child, args=(child, self.memory_mb, os.getpid()), daemon=True,
                                     name="dkg-estimator")
            self._proc.start()
            child.close()
            self._conn, self._ready = parent, False

    def _await_ready(self) -> None:
        # Starting and importing are not parsing: they get their own, generous time.
        if not self._ready:
            if not self._conn.poll(_START_SECONDS):
                raise OSError("the estimating process did not start")
            self._conn.recv()
            self._ready = True

    def _stop(self) -> None:
        if self._proc is not None:
            try:
                self._proc.kill()
                self._proc.join(5)
            finally:
                self._conn.close()
                self._proc, self._conn = None, None

    def estimate(self, text: str, wait: float | None = None) -> Estimate:
        """cost_estimate.estimate(text), parsed in the estimating process; raises Unreadable as
        it does, and when the turn does not come within `wait` s or the parse passes the limit."""
        if not self._turn.acquire(timeout=-1 if wait is None else wait):
            raise Unreadable(f"the parser stayed busy for {wait:g} s")
        try:
            self.start()
            try:
                self._await_ready()
                self._conn.send(text)
                ready = self._conn.poll(self.limit)
                reply = self._conn.recv() if ready else None
            except (EOFError, OSError):
                reply = ("unreadable", "the estimating process stopped while parsing it")
                with self._start_lock:
                    self._stop()
            if reply is None:
                self.kills += 1
                with self._start_lock:
                    self._stop()
                raise Unreadable(f"parsing it took longer than {self.limit:g} s")
            kind, value = reply
            if kind == "ok":
                return value
            raise Unreadable(value)
        finally:
            self._turn.release()

    def close(self) -> None:
        with self._turn, self._start_lock:
            self._stop()


def warm(estimator: Estimator) -> None:
    """Start the process and let it import rdflib's grammar (about a second) before the first
    request needs an estimate."""
    try:
        estimator.start()
    except Exception:  # noqa: BLE001 - only a warm-up; the first estimate starts it again
        pass
