"""Where an embedded store lives on disk: a store directory of generations and the atomic switch.

    STORE/generations/<id>/   one complete Oxigraph database per successful build
    STORE/current             symlink to the generation in use (switched atomically)
    STORE/cache/              mapped documents, reused when nothing that shapes them changed

A generation being loaded holds a `.building` file with the loader's pid until the load is over:
a build killed half-way (out of memory, Ctrl-C, a reboot) leaves it behind, and such a
generation is never kept or counted as a rollback target.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

BUILDING = ".building"

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
        (path / BUILDING).write_text(str(os.getpid()))
        return path

    @staticmethod
    def finish(generation: Path) -> None:
        """Mark `generation` complete (its load is over and flushed)."""
        (generation / BUILDING).unlink(missing_ok=True)

    @staticmethod
    def state_of(generation: Path) -> str:
        """"complete", "building" (its loader still runs) or "abandoned" (killed half-way)."""
        marker = generation / BUILDING
        try:
            pid = int(marker.read_text().strip() or 0)
        except FileNotFoundError:
            # an empty directory: killed between mkdir and the marker
            return "complete" if any(generation.iterdir()) else "abandoned"
        except (OSError, ValueError):
            return "abandoned"
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return "abandoned"
        except PermissionError:
            pass
        return "building"

    def switch(self, generation: Path) -> None:
        """Point `current` at `generation` with one rename, so readers never see a half state."""
        tmp = self.root / f".current-{os.getpid()}"
        if tmp.is_symlink() or tmp.exists():
            tmp.unlink()
        tmp.symlink_to(Path("generations") / generation.name)
        os.replace(tmp, self.current_link)

    def prune(self, keep: int = 2) -> None:
        """Delete old generations, keeping the current one and the `keep` newest complete ones;
        abandoned (killed) loads are deleted, loads still running are left alone. Per-generation
        files (artefacts/, writes/) of deleted generations go too."""
        gens = self.root / "generations"
        if not gens.is_dir():
            return
        current = self.current()
        ordered = sorted((p for p in gens.iterdir() if p.is_dir()), key=lambda p: p.name)
        states = {p: self.state_of(p) for p in ordered}
        complete = [p for p in ordered if states[p] == "complete"]
        kept = set(complete[-keep:] if keep else [])
        for old in ordered:
            if old in kept or states[old] == "building" or (current is not None and old.resolve() == current):
                continue
            shutil.rmtree(old, ignore_errors=True)
        self._prune_side_files({p.name for p in gens.iterdir() if p.is_dir()})

    def _prune_side_files(self, alive: set[str]) -> None:
        writes = self.root / "writes"
        for folder in (self.root / "artefacts", writes):
            if not folder.is_dir():
                continue
            for entry in folder.iterdir():
                if entry.name.startswith("."):
                    continue
                name = entry.name.split(".", 1)[0] if folder == writes else entry.name.rsplit(".", 1)[0]
                if folder != writes and name in alive:
                    # artefacts are per tag (generation.revision): only the current revision's are used
                    if entry.name != f"{name}.{self._revision(name)}":
                        shutil.rmtree(entry, ignore_errors=True)
                    continue
                if name not in alive:
                    if entry.is_dir():
                        shutil.rmtree(entry, ignore_errors=True)
                    else:
                        entry.unlink(missing_ok=True)

    def _revision(self, name: str) -> int:
        try:
            return int((self.root / "writes" / name).read_text().strip() or 0)
        except (OSError, ValueError):
            return 0
