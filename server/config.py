"""Server settings: defaults that work with no flags, overridable by DKG_* environment variables
and then by `dkg serve` flags."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Mapping

from dissertation_kg.server.store.location import DEFAULT_STORE
from dissertation_kg.server.store.spec import RemoteSpec, resolve_store


def _default_workers() -> int:
    return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class ServerConfig:
    store: Path | RemoteSpec = DEFAULT_STORE  # a folder, or a remote engine (see store.spec)
    host: str = "127.0.0.1"
    port: int = 8000
    base_iri: str = "https://w3id.org/dissertation-kg/"
    # Where clients reach this server (e.g. https://kg.example.org/ behind a proxy); used for the
    # endpoint's own IRIs (service description, VoID, graph store IRIs) instead of the Host header,
    # which any client may set. None: http://HOST:PORT/.
    public_url: str | None = None
    query_timeout: float = 30.0           # seconds; the query worker is killed after this
    allowed_services: tuple[str, ...] = ()  # SERVICE / LOAD targets; none by default
    service_timeout: float = 10.0         # seconds; the limit for a query that calls SERVICE
    update_token: str | None = None       # None: SPARQL Update and Graph Store writes refused
    admin_token: str | None = None        # /admin/reload only; `dkg serve` writes one to STORE/admin-token if unset
    # Updates that would delete built (corpus) data are refused unless the request says
    # destructive=yes; True lets them through without it (a scratch server, the W3C test suite).
    allow_destructive: bool = False
    max_body_bytes: int = 16 * 1024 * 1024
    max_query_chars: int = 100_000
    # Oxigraph's parser recurses per nesting level: ~3,000 levels overflow its stack (SIGSEGV) and
    # nested collections cost exponential parse time (100 levels: seconds).
    max_query_depth: int = 48
    workers: int = field(default_factory=_default_workers)  # query worker processes
    queue_size: int = 0                   # requests allowed to wait for a worker; 0 = 4 x workers
    http_threads: int = 0                 # request threads; 0 = max(64, workers + queue + 4)
    head_timeout: float = 10.0            # seconds a client has to send its request line and headers
    write_slack: float = 10.0             # seconds past the query limit to read the answer
    client_queries: int = 0               # queries one client address may run or queue at once; 0 = workers // 2 (min 1)
    # The heavy lane (cost_estimate, heavy_shapes): queries estimated to touch at least heavy_cost
    # rows, or whose shape ran past heavy_seconds, run on at most heavy_workers workers (0 =
    # workers - 1, min 1), so the others stay free for small queries; heavy_queue may wait
    # (0 = 2 x heavy workers), the rest get 503. Queries longer than cost_parse_chars are not
    # estimated (parsing them takes rdflib too long) and count as heavy.
    heavy_workers: int = 0
    heavy_queue: int = 0
    heavy_cost: float = 1e6
    heavy_seconds: float = 1.0
    cost_parse_chars: int = 8000
    cache_bytes: int = 64 * 1024 * 1024   # result cache size (whole results up to 1/16 of it)
    worker_memory_mb: int = 4096          # heap limit of each worker process; 0 = none
    build_if_missing: bool = True
    # The curators' loop (server/rebuild.py): sources to rebuild from (None: the ones the served
    # generation was built from, else the embedded ones) and whether to poll them for edits.
    seeds: Path | None = None
    ontology: Path | None = None
    watch: bool = False                   # `dkg serve` turns it on unless --no-watch
    watch_interval: float = 2.0           # seconds between polls of the sources' mtimes and sizes

    def __post_init__(self):
        # Every path is made absolute once, here: relative to the directory `dkg serve` started
        # in. Left relative, Flask's send_file would read it against the package folder instead.
        for name in ("store", "seeds", "ontology"):
            value = getattr(self, name)
            if value is not None and not str(value).startswith(("http://", "https://")):
                object.__setattr__(self, name, Path(value).expanduser().absolute())

    @property
    def remote(self) -> bool:
        return isinstance(self.store, RemoteSpec)

    @property
    def effective_queue_size(self) -> int:
        return self.queue_size or 4 * self.workers

    @property
    def effective_http_threads(self) -> int:
        # Threads are cheap next to query workers, and a slow client holds one until its deadline.
        return self.http_threads or max(64, self.workers + self.effective_queue_size + 4)

    @property
    def effective_heavy_workers(self) -> int:
        return min(self.workers, self.heavy_workers or max(1, self.workers - 1))

    @property
    def effective_heavy_queue(self) -> int:
        return self.heavy_queue or 2 * self.effective_heavy_workers

    @property
    def effective_client_queries(self) -> int:
        return self.client_queries or max(1, self.workers // 2)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides) -> "ServerConfig":
        """Defaults, then DKG_<FIELD> variables (DKG_ALLOWED_SERVICES is space- or comma-separated),
        then the given overrides (flags; None means "not given")."""
        env = os.environ if env is None else env
        values: dict = {}
        for f in fields(cls):
            raw = env.get(f"DKG_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            values[f.name] = _coerce(f.name, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        if "allowed_services" in values:
            values["allowed_services"] = tuple(values["allowed_services"])
        # The same resolution as every command's --store (DKG_STORE_QUERY_URL, a URL, a .toml file).
        values["store"] = resolve_store(values.get("store"), env)
        for name in ("seeds", "ontology"):
            if values.get(name) is not None:
                values[name] = Path(values[name])
        return replace(cls(), **values)


def _coerce(name: str, raw: str):
    if name in ("port", "max_body_bytes", "max_query_chars", "max_query_depth", "workers", "client_queries", "queue_size", "http_threads", "cache_bytes",
                "worker_memory_mb", "heavy_workers", "heavy_queue", "cost_parse_chars"):
        try:
            return int(raw)
        except ValueError:
            raise ValueError(f"DKG_{name.upper()}={raw!r} is not a whole number; set it to one, e.g. 8") from None
    if name == "heavy_cost":
        try:
            return float(raw)
        except ValueError:
            raise ValueError(f"DKG_HEAVY_COST={raw!r} is not a number of rows; set it to e.g. 1e6") from None
    if name in ("query_timeout", "service_timeout", "watch_interval", "head_timeout", "write_slack", "heavy_seconds"):
        try:
            return float(raw)
        except ValueError:
            raise ValueError(f"DKG_{name.upper()}={raw!r} is not a number of seconds; set it to e.g. 30") from None
    if name == "allowed_services":
        return tuple(u for u in raw.replace(",", " ").split() if u)
    if name in ("build_if_missing", "watch", "allow_destructive"):
        return raw.strip().lower() in ("1", "true", "yes", "on")
    return raw
