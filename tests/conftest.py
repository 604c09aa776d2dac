"""Shared fixtures: the seed corpus built once per test session."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dissertation_kg.server.build.pipeline import build
from dissertation_kg.mappings.resources import seeds_dir
from dissertation_kg.server.store.location import StoreLocation
from dissertation_kg.server.store.engines import OxigraphStore

REPO = Path(__file__).resolve().parents[1]
FIXED_TIME = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="session")
def seed_store_dir(tmp_path_factory) -> Path:
    """A store directory built from the embedded seed corpus."""
    store = tmp_path_factory.mktemp("seed-store")
    summary = build(seeds_dir(), store, progress=False, generated_at=FIXED_TIME)
    assert summary.ok, [r.problems for r in summary.rejected]
    return store


@pytest.fixture(scope="session")
def seed_store(seed_store_dir) -> OxigraphStore:
    return OxigraphStore(StoreLocation(seed_store_dir).current())
