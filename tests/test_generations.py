"""Generations on disk: a build killed half-way leaves a generation that is never kept or
counted, so the previous good one survives the next build (issue #11 finding 8)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

from dissertation_kg.mappings.resources import seeds_dir
from dissertation_kg.server.build.pipeline import build
from dissertation_kg.server.store.location import BUILDING, StoreLocation


def _killed_build(location: StoreLocation) -> Path:
    """What a build killed during its load leaves: a new, newest generation with the marker of
    a process that is gone, and a database holding nothing."""
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    path = location.new_generation()
    (path / BUILDING).write_text(dead)
    store = ox.Store(str(path))
    store.flush()
    del store
    return path


def test_a_killed_build_never_displaces_the_last_good_generation(tmp_path):
    root = tmp_path / "store"
    location = StoreLocation(root)
    good = build(seeds_dir(), root, progress=False).generation
    assert not (good / BUILDING).exists() and location.state_of(good) == "complete"
    (root / "artefacts" / f"{good.name}.0").mkdir(parents=True)
    killed = [_killed_build(location), _killed_build(location)]
    assert all(location.state_of(k) == "abandoned" for k in killed)
    assert location.current() == good.resolve()

    newest = build(seeds_dir(), root, progress=False).generation
    names = sorted(p.name for p in (root / "generations").iterdir())
    assert names == sorted([good.name, newest.name])  # the previous good one kept, the killed ones gone
    assert location.current() == newest.resolve()
    assert (root / "artefacts" / f"{good.name}.0").exists()

    third = build(seeds_dir(), root, progress=False).generation
    assert sorted(p.name for p in (root / "generations").iterdir()) == sorted([newest.name, third.name])
    assert not (root / "artefacts" / f"{good.name}.0").exists()  # artefacts follow their generation


def test_a_running_build_is_left_alone(tmp_path):
    root = tmp_path / "store"
    location = StoreLocation(root)
    running = location.new_generation()  # this process is alive: the load is still going on
    assert location.state_of(running) == "building"
    location.prune(keep=0)
    assert running.exists()
