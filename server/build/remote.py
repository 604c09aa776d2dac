"""`dkg build --store URL`: build as always (map, validate, load into a local staging generation,
which also keeps the per-document cache and writes the search index), then copy that generation
into the engine under new graph names and switch the engine's pointer to it in one update
(`store.engine_dataset`). The search index stays on this machine, kept per engine generation
(`spec.engine_search_dir`), for full-text search inside SPARQL over the engine.

A build killed at any point leaves the pointer, and so the served answers, as they were.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pyoxigraph as ox

from dissertation_kg.server.build.pipeline import BuildSummary, build
from dissertation_kg.server.store.engine_dataset import EngineGenerations, GenerationSource
from dissertation_kg.server.store.remote import RemoteEngine
from dissertation_kg.server.search.index import INDEX_NAME
from dissertation_kg.server.store.spec import RemoteSpec, engine_search_dir, local_dir


def staging_dir(spec: RemoteSpec) -> Path:
    """A local store per engine: its cache makes a rebuild map only what changed."""
    return local_dir(spec)


def copy_generation(generation: Path, spec: RemoteSpec, *, engine: RemoteEngine | None = None,
                    keep_previous: bool = False) -> tuple[str, float]:
    """Load a built local generation into the engine as a new generation, switch to it, drop
    the older ones (but the one served until now, with `keep_previous`: a server's queries sent
    just before the switch still find it). Returns (generation id, seconds)."""
    t0 = time.perf_counter()
    engine = engine or RemoteEngine(spec)
    gens = EngineGenerations(engine)
    previous = gens.current(fresh=True) if keep_previous else None
    gen = gens.start()
    local = ox.Store.read_only(str(generation))
    try:
        gens.load(gen, GenerationSource(local))
    finally:
        del local
    _keep_index(generation, spec, gen)  # before the switch: a search right after it finds the index
    gens.switch(gen)
    gens.prune(keep=gen, also=previous)
    _prune_indexes(spec, keep={gen, previous})
    return gen, time.perf_counter() - t0


def _keep_index(generation: Path, spec: RemoteSpec, gen: str) -> None:
    """The staging generation's search index, kept for the engine's generation `gen` (a hard
    link: the staging generation is pruned by later builds, the index must outlive it)."""
    source = generation / INDEX_NAME
    if not source.is_file():
        return
    target = engine_search_dir(spec, gen) / INDEX_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed: a copy does as well
        shutil.copy2(source, target)


def _prune_indexes(spec: RemoteSpec, keep: set) -> None:
    folder = engine_search_dir(spec, "x").parent
    if folder.is_dir():
        for old in folder.iterdir():
            if old.name not in keep:
                shutil.rmtree(old, ignore_errors=True)


def build_into_engine(seeds: Path, spec: RemoteSpec, **kwargs) -> tuple[BuildSummary, str]:
    engine = RemoteEngine(spec)
    engine.engine  # ask the engine first: an unreachable URL fails before minutes of mapping
    summary = build(seeds, staging_dir(spec), keep_generations=1, **kwargs)
    gen, seconds = copy_generation(summary.generation, spec, engine=engine)
    summary.timings["engine load"] = seconds
    summary.timings["total"] = summary.timings.get("total", 0.0) + seconds
    return summary, gen
