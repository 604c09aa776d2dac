"""Shared fixtures: the seed corpus built once per test session."""
from __future__ import annotations

import datetime as dt
import os
import shutil
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


# --------------------------------------------------------------------------- a real browser

CHROMIUM = os.environ.get("DKG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def unavailable(reason: str):
    """Skip on a user's machine that lacks a tool; fail in CI, where everything must run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (never `playwright install`); fails in CI without it."""
    if CHROMIUM is None:
        unavailable("chromium is not installed: apt-get install -y chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is missing: pip install -e '.[test]'")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(seed_store_dir):
    """`dkg serve` over the seed store with the query page's assets, for the browser tests."""
    from endpoint_server import Server
    from dissertation_kg.server.publishing.ui import missing_assets
    if missing_assets():
        unavailable("YASGUI assets are missing: run `make assets`")
    srv = Server(seed_store_dir, token=None, workers=1)
    yield srv
    srv.stop()
