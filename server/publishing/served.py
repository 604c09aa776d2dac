"""The store generation the publishing blueprints (linked data, VoID, dumps) read from.

The endpoint core owns query execution; these blueprints only need short lookups and bulk
reads, so they open the current generation read-only in-process, reopen it when `current`
is switched by a new build, and key every derived artefact (VoID statistics, dumps) by the
generation's tag (name + write count): artefacts of an older state are never served.

Settings come from the app's ServerConfig (app.config["DKG_CONFIG"], with the StoreState of
app.extensions["dkg"]); a bare Flask app may set DKG_STORE and DKG_BASE_IRI instead.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from flask import current_app

from dissertation_kg.server.store.location import DEFAULT_STORE
from dissertation_kg.server.store.engines import GraphStore, OxigraphStore, RemoteStore
from dissertation_kg.server.store.spec import is_url
from dissertation_kg.server.store.state import EngineState, StoreState

DEFAULT_BASE_IRI = "https://w3id.org/dissertation-kg/"


@dataclass(frozen=True)
class Served:
    store: GraphStore
    generation: str          # stable name of the immutable data set being served
    directory: Path | None   # the generation's directory (None for a remote store)
    artefacts: Path | None   # where per-generation files (dumps, VoID stats) are kept


_WARMERS: list[Callable[["Served"], object]] = []
_WARMING: list[threading.Thread] = []
_log = logging.getLogger(__name__)


def warm_on_open(fn: Callable[["Served"], object]) -> Callable[["Served"], object]:
    """Register `fn(served)` to run in a background thread whenever this process opens a new
    generation: what every first reader would otherwise wait for (an entity page's counts took
    42 s at 10,000 documents) is computed while the generation is already served. A generation's
    artefacts are file-locked, so of several workers one computes and the others read."""
    _WARMERS.append(fn)
    return fn


def _warm(served: "Served") -> None:
    for fn in list(_WARMERS):
        try:
            fn(served)
        except Exception:  # a store closed or replaced meanwhile: the first request computes it then
            _log.debug("warming %s for %s failed", getattr(fn, "__name__", fn), served.generation, exc_info=True)


def wait_for_warming(timeout: float = 120.0) -> bool:
    """Block until the background warm-ups started so far have finished (True) or `timeout`
    passed (False): for whoever counts what the store is asked, which a warm-up would add to."""
    deadline = time.monotonic() + timeout
    for thread in list(_WARMING):
        thread.join(max(0.0, deadline - time.monotonic()))
    return not any(t.is_alive() for t in _WARMING)


class _Opener:
    """One open store per process, reopened when `current` moves or the generation is written to
    (StoreState counts writes, so the tag changes and no artefact of the old content is reused)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._states: dict[str, StoreState] = {}
        self._served: dict[str, Served] = {}

    def get(self, spec: str, state=None) -> Served:
        if state is None and is_url(spec):
            state = None
            with self._lock:
                if spec not in self._served:
                    self._served[spec] = Served(RemoteStore(spec), "remote", None, None)
                return self._served[spec]
        if state is None:
            with self._lock:
                state = self._states.setdefault(spec, StoreState(spec))
        gen = state.current()
        with self._lock:
            served = self._served.get(spec)
            if served is None or served.generation != gen.tag:
                if isinstance(state, EngineState):  # a generation on a remote engine
                    store, directory = RemoteStore(state.spec, generation=gen.name), None
                else:
                    store, directory = OxigraphStore(gen.path, read_only=True), Path(gen.path)
                served = Served(store, gen.tag, directory, state.root / "artefacts" / gen.tag)
                self._served[spec] = served
                thread = threading.Thread(target=_warm, args=(served,), name=f"warm {gen.tag}", daemon=True)
                _WARMING[:] = [t for t in _WARMING if t.is_alive()] + [thread]
                thread.start()
            return served


_OPENER = _Opener()


def served() -> Served:
    """The store behind the current request's app."""
    runtime = current_app.extensions.get("dkg")
    if runtime is not None:  # the endpoint core's app: share its view of the generation
        return _OPENER.get(str(runtime.config.store), runtime.state)
    return _OPENER.get(str(current_app.config.get("DKG_STORE") or DEFAULT_STORE))


def base_iri() -> str:
    config = current_app.config.get("DKG_CONFIG")
    base = str(getattr(config, "base_iri", None) or current_app.config.get("DKG_BASE_IRI") or DEFAULT_BASE_IRI)
    return base if base.endswith(("/", "#")) else base + "/"


def readable_from_any_origin(resp):
    """after_request hook of the read-only publishing blueprints: the data is public, so
    browser applications on other origins may fetch it."""
    resp.headers.setdefault("Access-Control-Allow-Origin", "*")
    resp.headers.setdefault("Access-Control-Expose-Headers", "Content-Location, Link, ETag, Vary")
    return resp
