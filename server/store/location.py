"""Where an embedded store lives on disk: a store directory of generations and the atomic switch.

    STORE/generations/<id>/   one complete Oxigraph database per successful build
    STORE/current             symlink to the generation in use (switched atomically)
    STORE/cache/              mapped documents, reused when nothing that shapes them changed
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

DEFAULT_STORE = Path(os.environ.get("DKG_STORE", ".dkg/store"))


class StoreError(RuntimeError):
    """A store could not be opened or answered with an error; the message says what to do."""


class StoreLocation:
    """The generations of an embedded store on disk, and the atomic switch between them."""

    def __init__(self, root: Path | str = DEFAULT_STORE):
        self.root = Path(root)

    @property
    def current_link(self) -> Path:
        return self.root / "current"

    @property
    def cache_dir(self) -> Path:
        return self.root / "cache"

    def current(self) -> Path | None:
        """The generation in use, or None when nothing was ever built here."""
        link = self.current_link
        if not link.exists():
            return None
        return link.resolve()

    def exists(self) -> bool:
        return self.current() is not None

    def new_generation(self) -> Path:
        gens = self.root / "generations"
        gens.mkdir(parents=True, exist_ok=True)
        path = gens / f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6:06d}"
        path.mkdir()
        return path

    def switch(self, generation: Path) -> None:
        """Point `current` at `generation` with one rename, so readers never see a half state."""
        tmp = self.root / f".current-{os.getpid()}"
        if tmp.is_symlink() or tmp.exists():
            tmp.unlink()
        tmp.symlink_to(Path("generations") / generation.name)
        os.replace(tmp, self.current_link)

    def prune(self, keep: int = 2) -> None:
        """Delete old generations, keeping the current one and the `keep` newest."""
        gens = self.root / "generations"
        if not gens.is_dir():
            return
        current = self.current()
        ordered = sorted((p for p in gens.iterdir() if p.is_dir()), key=lambda p: p.name)
        for old in ordered[:-keep] if keep else ordered:
            if current is not None and old.resolve() == current:
                continue
            shutil.rmtree(old, ignore_errors=True)
