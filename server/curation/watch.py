"""Notice edits to the sources a served graph is built from, by polling their mtimes and sizes.

A poll is one stat per file (the ontology, its vocabularies, the corpus and its manifest):
microseconds for the seeds, milliseconds for thousands of documents, and it works on every file
system and editor (inotify misses saves that replace the file on some, and is Linux-only).
Added and removed files count as changes too. The contents are compared later, by the rebuild
(build_record.fingerprint), so a file that is only touched costs no build.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from dissertation_kg.server.build.record import source_files

Snapshot = dict[str, tuple[int, int]]


def snapshot(seeds: Path, ontology: Path) -> Snapshot:
    state: Snapshot = {}
    for path in source_files(seeds, ontology):
        try:
            st = path.stat()
        except OSError:
            continue
        state[str(path)] = (st.st_mtime_ns, st.st_size)
    return state


def changed_files(before: Snapshot, after: Snapshot) -> list[str]:
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


class SourceWatcher:
    """A daemon thread that calls `on_change(files)` when a poll differs from the previous one."""

    def __init__(self, seeds: Path, ontology: Path, interval: float, on_change: Callable[[list[str]], None]):
        self.seeds, self.ontology, self.interval = Path(seeds), Path(ontology), interval
        self.on_change = on_change
        self._last = snapshot(self.seeds, self.ontology)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def poll(self) -> list[str]:
        """Compare with the previous poll; the files that changed (none on the first call)."""
        now = snapshot(self.seeds, self.ontology)
        changed = changed_files(self._last, now)
        self._last = now
        return changed

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="dkg-source-watcher", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            changed = self.poll()
            if changed:
                self.on_change(changed)
