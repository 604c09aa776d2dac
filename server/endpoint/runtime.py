"""What every request handler shares: the configuration, the store state, the worker pool,
the result cache and the SERVICE guard. One per Flask app, in `app.extensions["dkg"]`."""
from __future__ import annotations

import atexit
import json
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from flask import current_app

from dissertation_kg.server.config import ServerConfig
from dissertation_kg.server.endpoint.cost_estimate import Estimate, Unreadable, unread
from dissertation_kg.server.endpoint.estimator import Estimator, warm
from dissertation_kg.server.endpoint.executor import WorkerPool
from dissertation_kg.server.endpoint.heavy_shapes import ShapeHistory
from dissertation_kg.server.endpoint.result_cache import ResultCache
from dissertation_kg.server.endpoint.single_flight import SingleFlight
from dissertation_kg.server.endpoint.federation_guard import ServiceGuard
from dissertation_kg.server.store.engines import UNION_MARKER
from dissertation_kg.server.store.state import Generation, state_for


@dataclass(frozen=True)
class Lane:
    heavy: bool
    estimate: Estimate
    why: str            # for the X-Query-Lane header and the log
    held: bool = False  # a heavy place already taken for it (WorkerPool.try_heavy), unestimated

    def header(self) -> str:
        cost = "unestimated" if not self.estimate.read else f"{self.estimate.cost:.3g}"
        why = "".join(c if " " <= c <= "~" and c not in '"\\' else "'" if c == '"' else " " for c in self.why)[:300]
        return f"{'heavy' if self.heavy else 'light'}; cost={cost}" + (f'; why="{why}"' if self.heavy else "")


_ESTIMATES = 4096  # query texts whose estimate is kept (a parse costs milliseconds)


class Runtime:
    def __init__(self, config: ServerConfig):
        self.config = config
        self.history = ShapeHistory(config.heavy_seconds)
        self._estimates: OrderedDict[str, Estimate] = OrderedDict()
        # rdflib parses off this process's interpreter lock (estimator.py); its process starts
        # and imports the grammar (about a second) now, not in the first request that needs it.
        self.estimator = Estimator(config.worker_memory_mb, processes=config.workers)
        threading.Thread(target=warm, args=(self.estimator,), name="dkg-warm-estimator", daemon=True).start()
        self.state = state_for(config.store)  # a folder's generations, or a remote engine's pointer
        self.cache = ResultCache(config.cache_bytes)
        # Followers hold HTTP threads, not workers: at most half the threads wait that way.
        self.flights = SingleFlight(max(1, config.effective_http_threads // 2), config.effective_client_queries)
        self.guard = ServiceGuard(tuple(config.allowed_services))
        self._pool: WorkerPool | None = None
        self._lock = threading.Lock()
        self._stats: tuple[str, dict] | None = None

    @property
    def pool(self) -> WorkerPool:
        # Started on first use, i.e. inside the serving process (gunicorn loads the app there).
        with self._lock:
            if self._pool is None:
                self._pool = WorkerPool(self.config.workers, self.config.effective_queue_size,
                                        buffer_bytes=self.cache.max_entry,
                                        memory_mb=self.config.worker_memory_mb,
                                        per_client=self.config.effective_client_queries,
                                        heavy_workers=self.config.effective_heavy_workers,
                                        heavy_queue=self.config.effective_heavy_queue,
                                        history=self.history)
                atexit.register(self._pool.close)
                try:
                    self._pool.warm(self.job(self.state.current(), op="open"))
                except Exception:  # noqa: BLE001 - nothing built yet, an engine down: the first query says so
                    pass

            return self._pool

    def lane(self, text: str, pool: WorkerPool | None = None) -> Lane:
        """Which lane a query runs in: heavy when its estimate reaches --heavy-cost, when its
        shape ran past --heavy-seconds last time (or is doing so now), or when it could not be
        estimated.

        With `pool`, a text not estimated before takes a place in the heavy lane if one is free
        right now, and is not estimated: the estimate (an rdflib parse, 5-40 ms of CPU for an
        everyday query, more than the query itself on a remote engine) only decides something
        when the heavy lane is full, since the light lane is the rest of the workers. The lane
        stays bounded as before; the query's shape is read if it runs long (WorkerPool.run)."""
        with self._lock:
            known = self._estimates.get(text)
        if known is None and pool is not None and pool.try_heavy():
            return Lane(True, unread("a place for expensive queries was free (estimated only when none is)"),
                        "not estimated: a place for expensive queries was free", held=True)
        est = self._estimate(text)
        if not est.read:
            return Lane(True, est, "not estimated: " + est.reasons[0])
        if est.cost >= self.config.heavy_cost:
            return Lane(True, est, "; ".join(est.reasons) or f"estimated {est.cost:.3g} rows")
        took = self.history.heavy(est.shape)
        if took is not None:
            return Lane(True, est, f"this query shape ran {took:.1f} s")
        return Lane(False, est, "")

    def _estimate(self, text: str) -> Estimate:
        with self._lock:
            known = self._estimates.get(text)
            if known is not None:
                self._estimates.move_to_end(text)
                return known
        if len(text) > self.config.cost_parse_chars:
            return unread(f"longer than {self.config.cost_parse_chars} characters")
        try:
            # Another request parsing for long must not hold this one: past the wait it is heavy.
            est = self.estimator.estimate(text, wait=1.0)
        except Unreadable as exc:
            return unread(f"rdflib could not read it ({exc})")
        with self._lock:
            self._estimates[text] = est
            while len(self._estimates) > _ESTIMATES:
                self._estimates.popitem(last=False)
        return est

    def job(self, gen: Generation, **fields) -> dict:
        job = {"store": gen.path, "revision": gen.revision, **fields}
        if self.config.remote:  # the worker asks the engine, for this generation, within the time limit
            from dataclasses import replace

            spec = replace(self.config.store, timeout=self.config.query_timeout)
            job.update(remote=spec.as_dict(), generation=gen.name)
        return job

    def stats(self, gen: Generation) -> dict:
        """Triple counts per named graph, computed once per generation and write."""
        cached = self._stats
        if cached is not None and cached[0] == gen.tag:
            return cached[1]
        result = self.pool.run(self.job(gen, op="stats"), self.config.query_timeout).meta
        self._stats = (gen.tag, result)
        return result

    def corpus(self, gen: Generation) -> set[str]:
        """The graphs the build made (IRIs, plus "DEFAULT" when the default graph is data of its
        own), recorded on first sight of an unwritten generation so that later writes cannot
        redefine what counts as the corpus."""
        record = self.state.root / "writes" / f"{gen.name}.corpus.json"
        try:
            return set(json.loads(record.read_text()))
        except (OSError, ValueError):
            pass
        stats = self.stats(gen)
        graphs = set(stats["graphs"])
        if stats["default"] and not default_is_merge(gen):
            graphs.add("DEFAULT")
        if gen.revision == 0:
            record.parent.mkdir(parents=True, exist_ok=True)
            tmp = record.with_suffix(f".tmp{os.getpid()}")
            tmp.write_text(json.dumps(sorted(graphs)))
            os.replace(tmp, record)
        return graphs

    def reload(self) -> Generation:
        """Answer from the newest generation from now on (also noticed on each request)."""
        self.state.forget()
        self.cache.clear()
        if self._pool is not None:
            self._pool.release_writer()
        return self.state.current()

    def close(self) -> None:
        self.estimator.close()
        if self._pool is not None:
            self._pool.close()
            self._pool = None


def default_is_merge(gen: Generation) -> bool:
    """Whether the generation's default graph is the merge of its named graphs (then it follows
    them and is never written by itself): a build's marker, or always on a remote engine."""
    return gen.path.startswith("engine:") or Path(gen.path, UNION_MARKER).exists()


def public_url(path: str = "") -> str:
    """This server's own URL for `path`, from the configuration, never from the Host header."""
    cfg: ServerConfig = current_app.config.get("DKG_CONFIG") or ServerConfig()
    base = cfg.public_url or f"http://{cfg.host}:{cfg.port}/"
    return base.rstrip("/") + "/" + path.lstrip("/")


_REQUEST_URLS: OrderedDict[tuple, str] = OrderedDict()


def public_request_url() -> str:
    """The current request's URL (path percent-encoded as sent, no query) on this server's
    configured public URL. Remembered per path: werkzeug rebuilds and re-encodes the whole URL
    each time, which cost as much as the rest of a cached answer."""
    from flask import request

    key = (public_url(), request.root_path, request.path)
    known = _REQUEST_URLS.get(key)
    if known is None:
        known = public_url(request.base_url[len(request.host_url):])
        _REQUEST_URLS[key] = known
        while len(_REQUEST_URLS) > 1024:
            try:
                _REQUEST_URLS.popitem(last=False)
            except KeyError:
                break
    return known


def runtime() -> Runtime:
    return current_app.extensions["dkg"]
