"""Which database the server answers from right now, and how many writes it has had.

Checked on every request with one readlink (cheap), so a `dkg build` that switches `current`
is picked up by the next request with no restart. The write count of a generation is kept in
`STORE/writes/<generation>` so validators (ETag, cache keys) stay right across restarts.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from email.utils import formatdate
from pathlib import Path

from dissertation_kg.server.store.location import StoreError, StoreLocation


@dataclass(frozen=True)
class Generation:
    path: str          # the Oxigraph database directory
    name: str
    revision: int      # writes applied to it since it was built
    modified: float    # unix time of the build or the last write

    @property
    def tag(self) -> str:
        return f"{self.name}.{self.revision}"

    @property
    def last_modified(self) -> str:
        return formatdate(self.modified, usegmt=True)


class StoreState:
    def __init__(self, root: Path | str):
        self.root = Path(root)
        self.location = StoreLocation(self.root)
        self._lock = threading.Lock()
        self._cached: tuple[str, Generation] | None = None

    def _resolve(self) -> Path:
        current = self.location.current()
        if current is not None:
            return current
        # A bare Oxigraph database directory (no generations) is served as it is.
        if self.root.is_dir() and not (self.root / "generations").exists() and any(self.root.iterdir()):
            return self.root
        raise StoreError(f"no graph has been built in {self.root}. Run `dkg build --store {self.root}` first.")

    def _counter(self, name: str) -> Path:
        return self.root / "writes" / name

    def current(self) -> Generation:
        try:
            link = os.readlink(self.location.current_link)
        except OSError:
            link = ""
        with self._lock:
            if self._cached is not None and self._cached[0] == link and link:
                return self._cached[1]
            path = self._resolve()
            gen = self._load(path)
            self._cached = (link, gen) if link else None
            return gen

    def _load(self, path: Path) -> Generation:
        name = path.name if path != self.root else "store"
        counter = self._counter(name)
        try:
            revision = int(counter.read_text().strip() or 0)
            modified = counter.stat().st_mtime
        except (OSError, ValueError):
            revision, modified = 0, path.stat().st_mtime
        return Generation(str(path), name, revision, modified)

    def bump(self, gen: Generation) -> Generation:
        """Record one write to `gen`; returns its new state."""
        with self._lock:
            counter = self._counter(gen.name)
            counter.parent.mkdir(parents=True, exist_ok=True)
            fresh = self._load(Path(gen.path))
            tmp = counter.with_suffix(f".tmp{os.getpid()}")
            tmp.write_text(str(fresh.revision + 1))
            os.replace(tmp, counter)
            self._cached = None
        return self.current()

    def forget(self) -> None:
        with self._lock:
            self._cached = None


class EngineState:
    """StoreState for a remote engine built by `dkg build --store URL`: the generation is the
    engine's pointer (looked up at most once a second), the write count is kept as for a folder
    (`root/writes/<generation>`, so writes go through one server, as with a folder), and `root`
    is this machine's folder for its artefacts."""

    def __init__(self, spec):
        from dissertation_kg.server.store.engine_dataset import EngineGenerations
        from dissertation_kg.server.store.remote import RemoteEngine
        from dissertation_kg.server.store.spec import local_dir

        self.spec = spec
        self.root = local_dir(spec)
        self.generations = EngineGenerations(RemoteEngine(spec))
        self._bump_lock = threading.Lock()

    def current(self) -> Generation:
        from dissertation_kg.server.store.engine_dataset import generation_time

        gen = self.generations.current()
        if gen is None:
            raise StoreError(f"nothing has been built into the engine at {self.spec.query_url}. Run "
                             f"`dkg build --store {self.spec.query_url}` first (a dataset loaded by other means "
                             "can be queried with `dkg query --store URL`)")
        counter = self.root / "writes" / gen
        try:
            return Generation(f"engine:{gen}", gen, int(counter.read_text().strip() or 0), counter.stat().st_mtime)
        except (OSError, ValueError):
            return Generation(f"engine:{gen}", gen, 0, generation_time(gen))

    def bump(self, gen: Generation) -> Generation:
        """Record one write to `gen` (validators and caches key on the count)."""
        counter = self.root / "writes" / gen.name
        counter.parent.mkdir(parents=True, exist_ok=True)
        with self._bump_lock:
            try:
                revision = int(counter.read_text().strip() or 0)
            except (OSError, ValueError):
                revision = 0
            tmp = counter.with_suffix(f".tmp{os.getpid()}")
            tmp.write_text(str(revision + 1))
            os.replace(tmp, counter)
        return self.current()

    def forget(self) -> None:
        self.generations.forget()


def state_for(store):
    """The state object for a `ServerConfig.store`: a folder or a remote engine."""
    from dissertation_kg.server.store.spec import RemoteSpec

    return EngineState(store) if isinstance(store, RemoteSpec) else StoreState(store)
