"""Query execution with a time limit that really stops the work.

pyoxigraph cannot cancel a running query (upstream issue #1926), so every request runs in a
worker process: a pool of N readers, each holding `Store.read_only` on the current generation,
and one writer holding the store read-write for SPARQL Update and Graph Store writes. A worker
serializes results itself and sends the bytes back over a pipe in chunks. When the time limit
passes, the parent SIGKILLs the worker and starts a replacement; nothing else is slowed.

Errors and the status line: the parent keeps the first `buffer_bytes` of output before it
commits to a status, so a query that fails anywhere in that prefix gets a proper 4xx/5xx. A
failure (or the time limit) after that point can only cut the response short: the chunked
transfer then ends without its final chunk, which every HTTP client reports as an error, so a
truncated result is never mistaken for a complete one.
"""
from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import queue
import signal
import threading
import time
from dataclasses import dataclass, field
from typing import Iterator

import pyoxigraph as ox

from dissertation_kg.server.endpoint.syntax_errors import explain
from dissertation_kg.server.store.location import StoreError

from dissertation_kg.server.processes import die_with_parent

_CHUNK = 256 * 1024
_log = logging.getLogger("dkg.endpoint")

# --------------------------------------------------------------------------- worker side


class _PipeWriter:
    """The file object pyoxigraph serializes into: sends chunks, announcing the media type first."""

    def __init__(self, conn, media_type: str):
        self.conn = conn
        self.media_type = media_type
        self.buf = bytearray()
        self.started = False

    def write(self, data) -> int:
        self.buf += data
        if len(self.buf) >= _CHUNK:
            self._send()
        return len(data)

    def flush(self) -> None:  # pyoxigraph may call it; chunks go out at _CHUNK boundaries
        pass

    def _send(self) -> None:
        if not self.started:
            self.conn.send(("head", self.media_type))
            self.started = True
        if self.buf:
            self.conn.send(("data", bytes(self.buf)))
            self.buf.clear()

    def finish(self) -> None:
        self._send()
        self.conn.send(("end",))


def _dataset_kwargs(ds: dict) -> dict:
    mode = ds.get("mode", "union")
    if mode == "union":
        return {"use_default_graph_as_union": True}
    if mode == "explicit":
        # The protocol dataset replaces the query's: graphs not listed are not in it at all.
        return {
            "default_graph": [ox.NamedNode(g) for g in ds.get("default", [])],
            "named_graphs": [ox.NamedNode(g) for g in ds.get("named", [])],
        }
    return {}  # "query": the query's own FROM / FROM NAMED


def _graph_name(iri: str | None):
    return ox.DefaultGraph() if iri is None else ox.NamedNode(iri)


def _graph_exists(store: ox.Store, iri: str | None) -> bool:
    if iri is None:
        return True  # the default graph always exists (GSP §5.4), possibly empty
    return store.contains_named_graph(ox.NamedNode(iri))


def _merged_default(path: str) -> bool:
    import os
    from dissertation_kg.server.store.engines import UNION_MARKER
    return os.path.exists(os.path.join(path, UNION_MARKER))


def _rederive_default(store: ox.Store) -> None:
    """After a write to a store whose default graph is the merge of its named graphs, make it
    that merge again (the protocol layer refuses writes aimed at the default graph itself)."""
    store.clear_graph(ox.DefaultGraph())
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


def _run(store: ox.Store, job: dict, conn) -> None:
    op = job["op"]
    if job.get("guard") is not None:
        from dissertation_kg.server.endpoint.federation_guard import ServiceGuard, ServiceRefused

        try:
            job["services"] = bool(ServiceGuard(tuple(job["guard"])).check(job["sparql"], update=op == "update"))
        except ServiceRefused as exc:
            conn.send(("error", 400, str(exc)))
            return
    if job.get("remote") and op in ("update", "replace", "append", "drop"):
        _engine_write(store, job, conn)
    elif op == "query":
        dataset = _dataset_kwargs(job["dataset"])
        if dataset.get("use_default_graph_as_union") and _merged_default(job["store"]):
            dataset = {}  # the build stored the (set) merge as the default graph: read it as it is
        if job.get("remote"):
            # The engine writes the client's format itself where it can: its bytes go out as they
            # come, unparsed (store/passthrough.py); otherwise its parsed answer is serialized below.
            essence = {kind: fmt[0].split(";")[0].strip() if fmt else None
                       for kind, fmt in (("results", job["result_format"]), ("graph", job["graph_format"]))}
            result = store.answer(job["sparql"], base_iri=job.get("base_iri"), **essence, **dataset)
            if hasattr(result, "chunks"):
                fmt = job["graph_format"] if result.media == essence["graph"] else job["result_format"]
                out = _PipeWriter(conn, fmt[0])
                for chunk in result.chunks:
                    out.write(chunk)
                out.finish()
                return
        else:
            result = store.query(job["sparql"], base_iri=job.get("base_iri"), **dataset)
        if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
            fmt = job["result_format"]
        else:
            fmt = job["graph_format"]
        if fmt is None:  # the client accepts no format for this kind of result
            conn.send(("error", 406, job["not_acceptable"]))
            return
        media_type, name = fmt
        out = _PipeWriter(conn, media_type)
        result.serialize(out, format=_ox_format(name))
        out.finish()
    elif op == "open":  # a replacement worker opening the store before its first query
        conn.send(("done", {}))
    elif op == "update":
        store.update(job["sparql"], base_iri=job.get("base_iri"))
        conn.send(("done", {}))
    elif op == "dump":
        if not _graph_exists(store, job["graph"]):
            conn.send(("error", 404, f"there is no graph <{job['graph']}> in this store"))
            return
        media_type, name = job["format"]
        out = _PipeWriter(conn, media_type)
        store.dump(out, format=_ox_format(name), from_graph=_graph_name(job["graph"]))
        out.finish()
    elif op in ("replace", "append"):
        from dissertation_kg.server.endpoint.negotiation import RDF_INPUT_TYPES

        graph = _graph_name(job["graph"])
        existed = _graph_exists(store, job["graph"])
        quads = []
        for data, media in job["parts"]:  # parse everything before touching the store
            quads.extend(
                ox.Quad(t.subject, t.predicate, t.object, graph)
                for t in ox.parse(data, format=RDF_INPUT_TYPES[media], base_iri=job.get("base_iri"))
            )
        if op == "replace" and existed:
            store.clear_graph(graph)
        if not existed:
            store.add_graph(graph)
        store.extend(quads)
        conn.send(("done", {"created": not existed}))
    elif op == "drop":
        if not _graph_exists(store, job["graph"]):
            conn.send(("error", 404, f"there is no graph <{job['graph']}> in this store"))
            return
        if job["graph"] is None:
            store.clear_graph(ox.DefaultGraph())
        else:
            store.remove_graph(ox.NamedNode(job["graph"]))
        conn.send(("done", {}))
    elif op == "stats":
        counts = {}
        for row in store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"):
            counts[row["g"].value] = int(row["n"].value)
        for g in store.named_graphs():  # empty graphs exist too
            if isinstance(g, ox.NamedNode):
                counts.setdefault(g.value, 0)
        default = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                                        default_graph=[ox.DefaultGraph()], named_graphs=[])))
        union = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }",
                                      use_default_graph_as_union=True)))
        conn.send(("done", {"graphs": counts, "total": len(store), "default": int(default["n"].value),
                            "union": int(union["n"].value)}))
    else:
        conn.send(("error", 500, f"unknown job {op!r}; this is a bug, please report it"))


def _engine_write(view, job: dict, conn) -> None:
    """A write to the served generation on a remote engine: mapped onto its graph names, with
    its merge graph and manifest corrected in the same request (store/remote_writes.py)."""
    from dissertation_kg.server.endpoint.engine_update import for_engine
    from dissertation_kg.server.endpoint.negotiation import RDF_INPUT_TYPES
    from dissertation_kg.server.store.engine_dataset import merge_graph, prefix
    from dissertation_kg.server.store.remote_writes import graph_write

    gen, op = job["generation"], job["op"]
    if op == "update":
        plan = for_engine(job["sparql"], prefix(gen), merge_graph(gen), view.graph_names)
        view.write(plan.operations, adds=plan.adds, deletes=plan.deletes, created=plan.created, dropped=plan.dropped)
        conn.send(("done", {}))
        return
    graph = job["graph"]
    if graph is None:  # the protocol layer refuses it first; kept here so no path writes the merge
        conn.send(("error", 405, "the default graph is the merge of the named graphs; write to a named graph"))
        return
    existed = view.contains_named_graph(ox.NamedNode(graph))
    if op == "drop" and not existed:
        conn.send(("error", 404, f"there is no graph <{graph}> in this store"))
        return
    data = b""
    if op != "drop":
        triples = []
        for part, media in job["parts"]:  # parse everything before touching the engine
            triples.extend(ox.parse(part, format=RDF_INPUT_TYPES[media], base_iri=job.get("base_iri")))
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) if triples else b""
    text, changes = graph_write(gen, graph, op, data)
    view.write(text, **changes)
    conn.send(("done", {"created": op != "drop" and not existed}))


class _Replies:
    """Collects a job's replies so they can be sent later."""

    def __init__(self, into: list):
        self.send = into.append


def _ox_format(name: str):
    from dissertation_kg.server.endpoint.negotiation import by_name

    fmt = by_name(name)
    return fmt.ox_format


def _limit_memory(megabytes: int) -> None:
    # RLIMIT_DATA bounds the heap (anonymous mappings) but not RocksDB's file mappings: a query
    # that would eat the machine's memory aborts its own worker instead of waking the OOM killer.
    if megabytes > 0:
        import resource

        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


def _open(job: dict, writable: bool):
    if job.get("remote"):
        # A remote engine's generation, behind the same interface: the pool's time limit,
        # kill and streaming apply unchanged.
        from dissertation_kg.server.store.engine_dataset import WorkerView
        from dissertation_kg.server.store.spec import RemoteSpec

        return WorkerView(RemoteSpec.from_dict(job["remote"]), job.get("generation"))
    return ox.Store(job["store"]) if writable else ox.Store.read_only(job["store"])


def _die_with(app_pid: int) -> None:
    """SIGKILL this worker as soon as the app process ends, however it ends.

    PR_SET_PDEATHSIG (die_with_parent) names the process that forked us, which is the
    forkserver, not the app: an app killed by gunicorn's timeout or the OOM killer left its
    workers running (issue #11). A pidfd becomes readable when the app exits; pyoxigraph
    releases the GIL while it evaluates, so this thread runs during a runaway query."""
    import os
    import select

    def watch():
        try:
            fd = os.pidfd_open(app_pid)
        except ProcessLookupError:
            fd = -1  # already gone
        except (AttributeError, OSError):
            fd = None  # no pidfd here: poll
        if fd is not None and fd >= 0:
            select.select([fd], [], [])
        elif fd is None:
            while True:
                try:
                    os.kill(app_pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=watch, name="die-with-app", daemon=True).start()


def _worker_main(conn, writable: bool, memory_mb: int = 0, app_pid: int | None = None) -> None:
    die_with_parent()
    if app_pid is not None:
        _die_with(app_pid)
    _limit_memory(memory_mb)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the server; it stops us
    store = None
    opened = None
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if job["op"] == "close":
                store, opened = None, None
                gc.collect()  # drops the RocksDB handle now, not at some later collection
                conn.send(("done", {}))
                continue
            # A reader reopens after a write (a read-only store is a snapshot) or a new generation.
            key = (job["store"], job["revision"])
            if opened != key:
                store = None
                gc.collect()
                store = _open(job, writable)
                opened = key
            if not writable:
                _run(store, job, conn)
                continue
            # The writer holds the database only while it writes, and answers only after it
            # has closed it: RocksDB flushes, compacts and deletes files while a read-write
            # handle is open, which readers opening the same directory would trip over.
            replies: list = []
            try:
                _run(store, job, _Replies(replies))
                if replies and replies[-1][0] == "done" and _merged_default(job["store"]):
                    _rederive_default(store)
            finally:
                store, opened = None, None
                gc.collect()
            for reply in replies:
                conn.send(reply)
        except StoreError as exc:  # a remote engine's answer, with the status that fits it
            conn.send(("error", getattr(exc, "status", 503), str(exc)))
        except SyntaxError as exc:
            text = job.get("sparql") if isinstance(job, dict) else None
            conn.send(("error", 400, f"malformed request: {explain(text, str(exc)) if text else exc}"))
        except Exception as exc:  # noqa: BLE001 - sorted below
            if job.get("services"):
                # The error text may quote the remote answer; never hand that back (it would turn
                # the endpoint into a reader of whatever the allowed host serves on error).
                _log.warning("outgoing request failed: %.300s", exc)
                conn.send(("error", 502, "an outgoing request (SERVICE or LOAD) failed; its answer is not shown. "
                                         "Check that the endpoint is up, or write SERVICE SILENT / LOAD SILENT "
                                         "to go on without it"))
            elif isinstance(exc, ValueError) or (isinstance(exc, RuntimeError) and job["op"] == "update"):
                # pyoxigraph reports update errors such as DROP of a missing graph as RuntimeError
                conn.send(("error", 400, f"the update failed: {exc}" if job["op"] == "update" else str(exc)))
            elif isinstance(exc, OSError):
                conn.send(("error", 500, f"the store could not be read: {exc}"))
            else:
                conn.send(("error", 500, f"{type(exc).__name__}: {exc}"))


# --------------------------------------------------------------------------- server side


def worker_context():
    """The multiprocessing context of the query workers and the estimating process: one
    forkserver with what they import loaded once (whichever starts first starts it)."""
    ctx = multiprocessing.get_context("forkserver")
    try:
        # rdflib's SPARQL grammar too: workers read SERVICE targets with it (federation_guard),
        # the estimating process reads every new query text with it (estimator)
        # (the estimating processes import cost_estimate themselves: preloading it here kept the
        # Virtuoso-backed server from coming up in the remote-engine tests)
        ctx.set_forkserver_preload(["pyoxigraph", __name__, "rdflib.plugins.sparql.parser",
                                    "rdflib.plugins.sparql.algebra"])
    except Exception:  # noqa: BLE001 - the forkserver was already started
        pass
    return ctx


class JobError(Exception):
    def __init__(self, status: int, message: str, headers: dict | None = None, of_query: bool = False):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}
        # True when the query itself caused it (its time limit, an error found in it), so the same
        # text would fail the same way now; False when it was the pool's state or the client's share.
        self.of_query = of_query


@dataclass
class Result:
    media_type: str | None = None
    body: bytes | None = None           # the whole output, when it fit in the buffer
    stream: Iterator[bytes] | None = None
    meta: dict = field(default_factory=dict)


class _Worker:
    def __init__(self, ctx, writable: bool, memory_mb: int = 0):
        parent, child = ctx.Pipe()
        import os

        self.proc = ctx.Process(target=_worker_main, args=(child, writable, memory_mb, os.getpid()), daemon=True,
                                name="dkg-writer" if writable else "dkg-query-worker")
        self.proc.start()
        child.close()
        self.conn = parent
        self.client: str | None = None  # whose job it runs, for the per-client limit
        self.heavy = False              # whether that job holds a place in the heavy lane
        self.shape = ""                 # the job's query shape, and when it started (heavy_shapes)
        self.started = 0.0
        self.seq = 0                    # which job it runs (a shape read late finds its job by it)
        self.ended: tuple[int, float] = (0, 0.0)  # the last finished job's seq and end time
        self.timer: threading.Timer | None = None  # reads an unestimated job's shape if it runs long

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.join(5)
        finally:
            self.conn.close()


class _Expired(Exception):
    pass


class _Died(Exception):
    pass


_DIED = ("the worker process stopped unexpectedly, most likely at its memory limit "
         "(--worker-memory-mb); simplify the request (fewer rows to sort or group), or raise the limit")


class _Stream:
    """The rest of a large result, read from the worker as the client takes it. The worker goes
    back to the pool only after a complete result; a stream abandoned for any reason (client
    gone, HEAD, time limit, error) replaces it, since it may still be writing into the pipe.
    An iterator class rather than a generator so that close() settles it even when iteration
    never started."""

    def __init__(self, recv, w, deadline, timeout, chunks, release, replace):
        self._recv, self._w, self._deadline, self._timeout = recv, w, deadline, timeout
        self._chunks, self._release, self._replace = chunks, release, replace
        self._settled = False
        self._complete = False
        self._lock = threading.Lock()
        # The limit covers writing the response too: a client that stops reading blocks the
        # server's send, __next__ is never called again and could not notice the deadline, so
        # a timer stops the worker (the socket itself is bounded by the HTTP layer's deadline).
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._expire)
        self._timer.daemon = True
        self._timer.start()

    def __iter__(self):
        return self

    def _expire(self) -> None:
        if not self._settled:
            _log.warning("stopped a streamed result after the %g s limit (the client read too slowly)", self._timeout)
        self._settle(False)

    def _settle(self, complete: bool) -> None:
        with self._lock:
            if self._settled:
                return
            self._settled = True
            self._complete = complete
        self._timer.cancel()
        (self._release if complete else self._replace)(self._w)

    def __next__(self) -> bytes:
        if self._chunks:
            return self._chunks.pop(0)
        if self._settled:
            if self._complete:
                raise StopIteration
            # stopped by the timer: end without the final chunk, so the client sees an error
            raise RuntimeError(f"result cut short: the query exceeded the {self._timeout:g} s limit")
        try:
            msg = self._recv(self._w, self._deadline)
        except _Expired:
            self._settle(False)
            raise RuntimeError(f"result cut short: the query exceeded the {self._timeout:g} s limit") from None
        except BaseException:
            self._settle(False)
            raise
        if msg[0] == "data":
            return msg[1]
        if msg[0] == "end":
            self._settle(True)
            raise StopIteration
        self._settle(False)
        raise RuntimeError(f"result cut short: {msg[2]}")

    def close(self) -> None:
        self._settle(False)


class WorkerPool:
    """N reader processes plus one writer, with a bounded number of requests waiting."""

    def __init__(self, size: int, queue_size: int, buffer_bytes: int = 4 * 1024 * 1024, memory_mb: int = 0,
                 per_client: int = 0, heavy_workers: int = 0, heavy_queue: int = 0, history=None):
        self.size = size
        # The heavy lane: jobs the caller calls heavy run on at most heavy_workers workers at
        # once (0: no lane) and at most heavy_queue more wait for one, so however many clients
        # send runaways, size - heavy_workers workers stay for everything else.
        self.heavy_workers = min(heavy_workers, size)
        self.heavy_queue = heavy_queue
        self._heavy_run = threading.Semaphore(self.heavy_workers)
        self._heavy_admitted = 0
        self.heavy_running = 0
        self.heavy_jobs = 0
        self.history = history  # heavy_shapes.ShapeHistory: how long each shape ran
        self._warm: dict | None = None  # where the last read job read from, for replacements to open
        self._warming = 0
        # One client may hold at most this many workers and queue places (0: no limit), so a
        # few runaway queries from one address cannot take the pool from everyone else.
        self.per_client = per_client
        self._clients: dict[str, int] = {}
        self.buffer_bytes = buffer_bytes
        self.memory_mb = memory_mb
        self._ctx = worker_context()
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._slots = threading.BoundedSemaphore(size + queue_size)
        self._lock = threading.Lock()
        self._workers: list[_Worker] = []
        for _ in range(size):
            w = self._spawn()
            self._workers.append(w)
            self._idle.put(w)
        self._writer: _Worker | None = None
        self._writer_lock = threading.Lock()
        # Reads and writes exclude each other (a readers-writer lock, writers first): Oxigraph
        # does not support reading a directory while another process writes it, so a write
        # waits for running reads, has every reader drop its handle, writes, and readers reopen.
        self._rw = threading.Condition()
        self._reads = 0
        self._writing = False
        self._writers_waiting = 0
        self.kills = 0
        self.jobs = 0           # read jobs handed to a worker (monitoring; tests of the shortcuts)

    # -- bookkeeping

    def _spawn(self) -> _Worker:
        return _Worker(self._ctx, writable=False, memory_mb=self.memory_mb)

    def pids(self) -> list[int]:
        with self._lock:
            return [w.proc.pid for w in self._workers]

    def busy(self) -> int:
        return self.size - self._idle.qsize() - self._warming

    def _enter_client(self, client: str | None) -> None:
        if client is None or not self.per_client:
            return
        with self._lock:
            if self._clients.get(client, 0) >= self.per_client:
                raise JobError(503, f"this client already has {self.per_client} "
                                    f"quer{'y' if self.per_client == 1 else 'ies'} running or waiting, the limit per "
                                    "client address here (--client-queries); wait for them to finish, then retry",
                               {"Retry-After": "2"})
            self._clients[client] = self._clients.get(client, 0) + 1

    def _leave_client(self, client: str | None) -> None:
        if client is None or not self.per_client:
            return
        with self._lock:
            left = self._clients.get(client, 0) - 1
            if left > 0:
                self._clients[client] = left
            else:
                self._clients.pop(client, None)

    def _enter_heavy(self, timeout: float) -> None:
        with self._lock:
            if self._heavy_admitted >= self.heavy_workers + self.heavy_queue:
                raise JobError(503, f"this query looks expensive and the {self.heavy_workers} worker"
                                    f"{'' if self.heavy_workers == 1 else 's'} for expensive queries "
                                    f"{'is' if self.heavy_workers == 1 else 'are'} taken, with {self.heavy_queue} more "
                                    "waiting; add a LIMIT or bind more terms in the patterns, or retry later",
                               {"Retry-After": "5"})
            self._heavy_admitted += 1
            self.heavy_jobs += 1
        if not self._heavy_run.acquire(timeout=timeout):
            with self._lock:
                self._heavy_admitted -= 1
            raise JobError(503, f"no worker for expensive queries became free within {timeout:g} s; add a LIMIT "
                                "or bind more terms in the patterns, or retry later", {"Retry-After": "5"})
        with self._lock:
            self.heavy_running += 1

    def _leave_heavy(self) -> None:
        with self._lock:
            self._heavy_admitted -= 1
            self.heavy_running -= 1
        self._heavy_run.release()

    def heavy_waiting(self) -> int:
        with self._lock:
            return self._heavy_admitted - self.heavy_running

    def try_heavy(self) -> bool:
        """Take a place in the heavy lane if one is free right now, without waiting: a query
        whose cost is not known yet may run there unestimated (see run's `held`)."""
        if self.heavy_workers <= 0:
            return False
        with self._lock:
            if self._heavy_admitted >= self.heavy_workers:  # all running, or some wait: it would queue
                return False
            if not self._heavy_run.acquire(blocking=False):
                return False
            self._heavy_admitted += 1
            self.heavy_running += 1
            self.heavy_jobs += 1
        return True

    def _settle(self, w: _Worker) -> None:
        """Give back what the worker's job held: its client's place, its heavy-lane place, and
        tell the history how long it ran."""
        self._leave_client(w.client)
        w.client = None
        if w.heavy:
            w.heavy = False
            self._leave_heavy()
        with self._lock:  # a shape read late (_late_shape) is set under it
            shape, w.shape = w.shape, ""
            w.ended = (w.seq, time.monotonic())
            timer, w.timer = w.timer, None
        if timer is not None:
            timer.cancel()
        if shape and self.history is not None:
            self.history.finished(shape, w.started)

    def _late_shape(self, w: _Worker, seq: int, started: float, shape_of) -> None:
        """The shape of a query that ran unestimated (in a heavy place that was free), read once it
        has run to the --heavy-seconds mark: from then on the history knows it as it knows the
        others (running since it started), so a flood of the same runaway goes to the heavy lane.
        A query that ends before the mark is never parsed: nothing is learnt from a quick run."""
        with self._lock:
            if w.seq != seq or w.ended[0] == seq:
                return  # it ended before the mark (the timer lost the race with its cancel)
        try:
            shape = shape_of()
        except Exception:  # noqa: BLE001 - unreadable: nothing to learn, the time limit still holds
            return
        if not shape or self.history is None:
            return
        with self._lock:
            if w.seq == seq and w.ended[0] != seq:  # still running that job
                w.shape = shape
                w.started = self.history.started(shape, at=started)
                return
            ended = w.ended[1] if w.ended[0] == seq else None
        if ended is not None:  # it ended while its shape was read
            self.history.record(shape, ended - started)

    def _replace(self, w: _Worker) -> None:
        self._settle(w)
        w.kill()
        self.kills += 1
        fresh = self._spawn()
        with self._lock:
            self._workers = [fresh if x is w else x for x in self._workers]
        warm = self._warm
        if warm is None:
            self._release(fresh)
            return
        # The killed job's places are free now; the replacement joins the idle workers once it has
        # opened the store. A fresh worker took up to a second to open it on its first query, and
        # after a runaway is stopped that first query is usually a small one (the idle queue is
        # LIFO), which waited behind it.
        self._settle(fresh)
        with self._lock:
            self._warming += 1
        self._slots.release()
        with self._rw:
            self._reads -= 1
            self._rw.notify_all()
        threading.Thread(target=self._warm_up, args=(fresh, warm), name="dkg-warm-worker", daemon=True).start()

    def warm(self, job: dict) -> None:
        """Have the idle workers open the store `job` names now, in the background (a new
        server's first queries would otherwise each wait for one)."""
        self._warm = {k: job[k] for k in ("store", "revision", "remote", "generation") if k in job}
        while True:
            try:
                w = self._idle.get_nowait()
            except queue.Empty:
                return
            with self._lock:
                self._warming += 1
            threading.Thread(target=self._warm_up, args=(w, self._warm), name="dkg-warm-worker", daemon=True).start()

    def _warm_up(self, w: _Worker, warm: dict) -> None:
        try:
            self._enter_read(5.0)  # a write is waiting: it closes the readers anyway, skip the warm-up
        except JobError:
            self._idle.put(w)
            with self._lock:
                self._warming -= 1
            return
        started = time.monotonic()
        try:
            w.conn.send({**warm, "op": "open"})
            if not w.conn.poll(30):
                raise OSError("no answer")  # its late answer would be read as the next job's: replace it
            w.conn.recv()
            _log.info("a replacement query worker opened the store in %.2f s", time.monotonic() - started)
        except (OSError, EOFError):
            w.kill()
            fresh = self._spawn()
            with self._lock:
                self._workers = [fresh if x is w else x for x in self._workers]
            w = fresh
        finally:
            self._idle.put(w)
            with self._lock:
                self._warming -= 1
            with self._rw:
                self._reads -= 1
                self._rw.notify_all()

    def _release(self, w: _Worker) -> None:
        self._settle(w)
        self._idle.put(w)
        self._slots.release()
        with self._rw:
            self._reads -= 1
            self._rw.notify_all()

    def _enter_read(self, timeout: float) -> None:
        with self._rw:
            if not self._rw.wait_for(lambda: not self._writing and not self._writers_waiting, timeout):
                raise JobError(503, f"a write has held the store for {timeout:g} s; retry shortly",
                               {"Retry-After": "2"})
            self._reads += 1

    def close(self) -> None:
        with self._lock:
            for w in self._workers:
                w.kill()
            self._workers = []
        if self._writer is not None:
            self._writer.kill()
            self._writer = None

    # -- running

    @staticmethod
    def _recv(w: _Worker, deadline: float):
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not w.conn.poll(remaining):
            raise _Expired()
        try:
            return w.conn.recv()
        except (EOFError, OSError):
            raise _Died() from None

    def _limit_message(self, timeout: float) -> JobError:
        return JobError(503, f"query exceeded the {timeout:g} s limit; it was stopped. Add a LIMIT, "
                             "narrow the patterns, or run it against a local copy with `dkg query`.",
                        {"Retry-After": "1"}, of_query=True)

    def run(self, job: dict, timeout: float, client: str | None = None, heavy: bool = False,
            shape: str = "", held: bool = False, shape_of=None) -> Result:
        """Run a read job on a reader. Raises JobError for every failure the client should see.

        `held`: the job already holds a heavy-lane place (try_heavy), unestimated; `shape_of()`
        reads its shape if it is still running at the history's mark."""
        self.jobs += 1
        try:
            self._enter_client(client)
        except JobError:
            if held:
                self._leave_heavy()
            raise
        heavy = held or (heavy and self.heavy_workers > 0)
        if not self._slots.acquire(blocking=False):
            self._leave_client(client)
            if held:
                self._leave_heavy()
            raise JobError(503, "the server is busy (every query worker is taken and the queue is full); "
                                "retry in a few seconds", {"Retry-After": "2"})
        if heavy and not held:
            try:
                self._enter_heavy(timeout)  # a heavy job waits here, holding one of the queue places
            except JobError:
                self._slots.release()
                self._leave_client(client)
                raise

        def undo() -> None:
            if heavy:
                self._leave_heavy()
            self._leave_client(client)

        try:
            self._enter_read(timeout)
        except JobError:
            self._slots.release()
            undo()
            raise
        try:
            w = self._idle.get(timeout=timeout)
        except queue.Empty:
            self._slots.release()
            undo()
            with self._rw:
                self._reads -= 1
                self._rw.notify_all()
            raise JobError(503, f"no query worker became free within {timeout:g} s; retry later",
                           {"Retry-After": "5"}) from None
        with self._lock:
            w.client, w.heavy, w.shape = client, heavy, shape
            w.seq += 1
            seq = w.seq
        if job.get("op") == "query":
            self._warm = {k: job[k] for k in ("store", "revision", "remote", "generation") if k in job}
        w.started = self.history.started(shape) if shape and self.history is not None else time.monotonic()
        if not shape and shape_of is not None and self.history is not None:
            timer = threading.Timer(self.history.seconds, self._late_shape, (w, seq, w.started, shape_of))
            timer.daemon = True
            with self._lock:
                w.timer = timer
            timer.start()
        deadline = time.monotonic() + timeout
        try:
            try:
                w.conn.send(job)
            except OSError:  # it died while idle (killed from outside, out of memory)
                raise _Died() from None
            return self._collect(w, deadline, timeout, self._release, self._replace)
        except _Expired:
            self._replace(w)
            _log.warning("stopped a %s after the %g s limit: %.300r", job.get("op"), timeout, job.get("sparql", job.get("graph")))
            raise self._limit_message(timeout) from None
        except _Died:
            self._replace(w)
            raise JobError(500, _DIED) from None
        except JobError:
            raise  # the worker reported it and was released
        except BaseException:
            self._replace(w)
            raise

    def _collect(self, w, deadline, timeout, release, replace) -> Result:
        msg = self._recv(w, deadline)
        if msg[0] == "error":
            release(w)
            raise JobError(msg[1], msg[2], of_query=True)
        if msg[0] == "done":
            release(w)
            return Result(meta=msg[1])
        media_type = msg[1]
        chunks: list[bytes] = []
        size = 0
        while size <= self.buffer_bytes:
            msg = self._recv(w, deadline)
            if msg[0] == "data":
                chunks.append(msg[1])
                size += len(msg[1])
            elif msg[0] == "end":
                release(w)
                return Result(media_type, body=b"".join(chunks))
            else:  # an error before anything was sent: the client gets a real status
                release(w)
                raise JobError(msg[1], msg[2], of_query=True)
        return Result(media_type, stream=_Stream(self._recv, w, deadline, timeout, chunks, release, replace))

    def write(self, job: dict, timeout: float) -> Result:
        """Run a write job on the single writer (writes are serialized)."""
        with self._writer_lock, self._exclusive(timeout):
            if self._writer is None or not self._writer.proc.is_alive():
                self._writer = _Worker(self._ctx, writable=True, memory_mb=self.memory_mb)
            w = self._writer
            deadline = time.monotonic() + timeout

            def replace(_w):
                _w.kill()
                self._writer = None

            try:
                w.conn.send(job)
                return self._collect(w, deadline, timeout, lambda _w: None, replace)
            except _Expired:
                replace(w)
                raise JobError(503, f"the update exceeded the {timeout:g} s limit and was stopped; nothing "
                                    "of it was written (updates are transactional)", {"Retry-After": "1"}) from None
            except _Died:
                replace(w)
                raise JobError(500, _DIED) from None
            except JobError:
                raise
            except BaseException:
                replace(w)
                raise

    @contextlib.contextmanager
    def _exclusive(self, timeout: float):
        with self._rw:
            self._writers_waiting += 1
            try:
                # running reads end within their own limit, so this wait is bounded
                if not self._rw.wait_for(lambda: self._reads == 0 and not self._writing, timeout + 5):
                    raise JobError(503, "running queries kept the store busy; retry the write shortly",
                                   {"Retry-After": "5"})
                self._writing = True
            finally:
                self._writers_waiting -= 1
        try:
            self._close_readers(timeout)
            yield
        finally:
            with self._rw:
                self._writing = False
                self._rw.notify_all()

    def _close_readers(self, timeout: float) -> None:
        """Have every (idle) reader drop its read-only handle before the write."""
        idle = []
        while True:
            try:
                idle.append(self._idle.get_nowait())
            except queue.Empty:
                break
        for w in idle:
            try:
                w.conn.send({"op": "close"})
                if not w.conn.poll(timeout) or w.conn.recv()[0] != "done":
                    raise OSError("no answer")
                self._idle.put(w)
            except (OSError, EOFError):
                w.kill()
                fresh = self._spawn()
                with self._lock:
                    self._workers = [fresh if x is w else x for x in self._workers]
                self._idle.put(fresh)

    def release_writer(self) -> None:
        """Let go of the read-write store (before a generation switch)."""
        with self._writer_lock:
            if self._writer is not None:
                self._writer.kill()
                self._writer = None
