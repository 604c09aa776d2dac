"""What every request handler shares: the configuration, the store state, the worker pool,
the result cache and the SERVICE guard. One per Flask app, in `app.extensions["dkg"]`."""
from __future__ import annotations

import atexit
import json
import os
import threading
from pathlib import Path

from flask import current_app

from dissertation_kg.server.config import ServerConfig
from dissertation_kg.server.endpoint.executor import WorkerPool
from dissertation_kg.server.endpoint.result_cache import ResultCache
from dissertation_kg.server.endpoint.federation_guard import ServiceGuard
from dissertation_kg.server.store.engines import UNION_MARKER
from dissertation_kg.server.store.state import Generation, state_for


class Runtime:
    def __init__(self, config: ServerConfig):
        self.config = config
        self.state = state_for(config.store)  # a folder's generations, or a remote engine's pointer
        self.cache = ResultCache(config.cache_bytes)
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
                                        per_client=self.config.effective_client_queries)
                atexit.register(self._pool.close)
            return self._pool

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


def public_request_url() -> str:
    """The current request's URL (path percent-encoded as sent, no query) on this server's
    configured public URL."""
    from flask import request

    return public_url(request.base_url[len(request.host_url):])


def runtime() -> Runtime:
    return current_app.extensions["dkg"]
