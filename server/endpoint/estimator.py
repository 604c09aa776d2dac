"""Cost estimates (cost_estimate.py) computed in a process of their own.

rdflib's parse behind an estimate costs 4 ms of pure Python for a short query, 40 ms for a
competency question and seconds for a long one. In the serving process it held the interpreter
lock meanwhile, so every request thread, cached answers included, waited for it: at 200 clients
sending 500 new query texts, the slowest 1 % of all answers were the ones queued behind those
parses. Here the parse runs in a child process; the request thread waits on a pipe, without
the lock.

Several processes (one per query worker by default), each parsing one text at a time (pyparsing
keeps its state in module-level objects): at 200 clients sending new texts, one process was
the queue every new text waited in. A request waits at most `wait` seconds for a free process,
then its query counts as unestimated (heavy lane). A parse that runs past `limit` seconds has
its process killed and replaced, so one hostile text cannot hold a process. Hand-written rather
than concurrent.futures.ProcessPoolExecutor because that pool cannot stop one running call; the
processes are started like the query workers (forkserver, die with the app, heap limit).
"""
from __future__ import annotations

import os
import queue
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


class _Process:
    """One estimating process, started on first use."""

    def __init__(self, memory_mb: int):
        self.memory_mb = memory_mb
        self.proc = None
        self.conn = None
        self.ready = False
        self._lock = threading.Lock()  # the warm-up starts it while a request may ask it

    def start(self) -> None:
        from dissertation_kg.server.endpoint.executor import worker_context

        with self._lock:
            if self.proc is not None and self.proc.is_alive():
                return
            self._stop()
            ctx = worker_context()
            parent, child = ctx.Pipe()
            self.proc = ctx.Process(target=_child, args=(child, self.memory_mb, os.getpid()), daemon=True,
                                    name="dkg-estimator")
            self.proc.start()
            child.close()
            self.conn, self.ready = parent, False

    def ask(self, text: str, limit: float):
        """The child's reply, or None when it did not answer within `limit` s (it is then killed)."""
        self.start()
        try:
            if not self.ready:
                # Starting and importing are not parsing: they get their own, generous time.
                if not self.conn.poll(_START_SECONDS):
                    raise OSError("the estimating process did not start")
                self.conn.recv()
                self.ready = True
            self.conn.send(text)
            if self.conn.poll(limit):
                return self.conn.recv()
        except (EOFError, OSError):
            self.stop()
            return ("unreadable", "the estimating process stopped while parsing it")
        self.stop()
        return None

    def stop(self) -> None:
        with self._lock:
            self._stop()

    def _stop(self) -> None:
        if self.proc is not None:
            try:
                self.proc.kill()
                self.proc.join(5)
            finally:
                self.conn.close()
                self.proc, self.conn = None, None


class Estimator:
    def __init__(self, memory_mb: int = 0, limit: float = 5.0, processes: int = 1):
        self.limit = limit
        self._all = [_Process(memory_mb) for _ in range(max(1, processes))]
        self._idle: queue.LifoQueue[_Process] = queue.LifoQueue()
        for p in reversed(self._all):
            self._idle.put(p)
        self.kills = 0

    def pids(self) -> list[int]:
        return [p.proc.pid for p in self._all if p.proc is not None]

    def start(self) -> None:
        """Start every process that is not running (each then imports rdflib's grammar)."""
        for p in self._all:
            p.start()

    def estimate(self, text: str, wait: float | None = None) -> Estimate:
        """cost_estimate.estimate(text), parsed in an estimating process; raises Unreadable as it
        does, and when no process is free within `wait` s or the parse passes the limit."""
        try:
            p = self._idle.get(timeout=wait)
        except queue.Empty:
            raise Unreadable(f"the parser stayed busy for {wait:g} s") from None
        try:
            reply = p.ask(text, self.limit)
        finally:
            self._idle.put(p)
        if reply is None:
            self.kills += 1
            raise Unreadable(f"parsing it took longer than {self.limit:g} s")
        kind, value = reply
        if kind == "ok":
            return value
        raise Unreadable(value)

    def close(self) -> None:
        for _ in self._all:
            try:
                p = self._idle.get(timeout=self.limit + 5)
            except queue.Empty:
                break
            p.stop()


def warm(estimator: Estimator) -> None:
    """Start the processes and let them import rdflib's grammar (about a second) before the
    first request needs an estimate."""
    try:
        estimator.start()
    except Exception:  # noqa: BLE001 - only a warm-up; the first estimate starts them again
        pass
