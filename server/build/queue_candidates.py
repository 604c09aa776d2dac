"""The curation queue's candidates of the documents a build loads, read from the cache only where
the queue can change.

Each queue entry (an IRI) is made from its candidates alone, and the generation's contents keep
a hash of each entry's candidates. A document taken from the cache under the key the previous
generation loaded it with brings the same candidates, so only the entries of documents whose
key changed (added, removed, mapped again) can change: their candidates are read, the other
entries keep the previous generation's hashes. Which entries a document's candidates count
towards comes from the generation's snapshot (server/build/snapshot.py), so an edit of one
document no longer unpickles every document's candidates. When the previous hashes cannot be
continued, every candidate is read and hashed, as before.
"""
from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Callable


def sort_key(pair) -> tuple:
    # The queue's graph must not depend on the order the workers finished in.
    c = pair[1]
    return str(c.source), str(c.component), c.start, c.end, c.name, c.lang


def group_hash(group) -> str:
    return hashlib.sha256("\n".join(map(repr, group)).encode()).hexdigest()[:32]


def groups_of(pairs) -> dict[str, list]:
    """The candidates by the IRI of the queue's entry they count towards, in their order."""
    groups: dict[str, list] = {}
    for iri, c in pairs:
        groups.setdefault(iri, []).append(c)
    return groups


class QueueCandidates:
    """source → its (IRI, linking.Candidate) pairs, kept in memory for documents mapped now and
    read from `{key}.candidates.pickle` for the others when needed."""

    def __init__(self, cache_dir: Path, with_iris: Callable[[list], list]) -> None:
        self.cache_dir, self._with_iris = cache_dir, with_iris
        self.keys: dict[str, str] = {}          # source → the mapping key it is loaded under
        self.iris: dict[str, list[str]] = {}    # source → the IRIs its candidates count towards
        self._pairs: dict[str, list] = {}

    def mapped(self, source: str, key: str, pairs: list) -> None:
        self.keys[source], self._pairs[source] = key, list(pairs)
        self.iris[source] = _distinct(iri for iri, _ in pairs)

    def cached(self, source: str, key: str, iris: list[str] | None) -> None:
        """`iris`: from the snapshot, or None to read the candidates now."""
        self.keys[source] = key
        if iris is None:
            self._pairs[source] = self._read(key)
            iris = _distinct(iri for iri, _ in self._pairs[source])
        self.iris[source] = list(iris)

    def pairs(self, source: str) -> list:
        if source not in self._pairs:
            self._pairs[source] = self._read(self.keys[source])
        return self._pairs[source]

    def everything(self) -> list:
        return sorted((p for source in self.keys for p in self.pairs(source)), key=sort_key)

    def hashes(self, previous: dict | None, old_iris: Callable[[str], list[str] | None]) -> tuple[dict, dict]:
        """(IRI → hash of its candidates, IRI → its candidates) for every IRI of this build's
        documents; the second holds only the entries that may have changed when the previous
        generation's hashes are continued, every entry otherwise. `old_iris(key)`: the IRIs of
        a document the previous generation loaded under `key`, or None when unknown."""
        touched = self._touched(previous, old_iris)
        kept = self._kept(touched, previous["candidates"]) if touched is not None else None
        if kept is not None:
            groups = groups_of(sorted((p for source, iris in self.iris.items() if touched.intersection(iris)
                                       for p in self.pairs(source) if p[0] in touched), key=sort_key))
            return kept | {iri: group_hash(g) for iri, g in groups.items()}, groups
        groups = groups_of(self.everything())
        return {iri: group_hash(g) for iri, g in groups.items()}, groups

    def _kept(self, touched: set[str], old: dict) -> dict | None:
        """The previous hashes of the entries no changed document counts towards (None when
        the previous generation does not have one of them: they are all made again)."""
        out: dict[str, str] = {}
        for iris in self.iris.values():
            for iri in iris:
                if iri not in touched and iri not in out:
                    if iri not in old:
                        return None
                    out[iri] = old[iri]
        return out

    def _touched(self, previous: dict | None, old_iris) -> set[str] | None:
        if previous is None or not isinstance(previous.get("candidates"), dict):
            return None
        before = previous.get("documents", {})
        touched: set[str] = set()
        for source in set(self.keys) | set(before):
            new, old = self.keys.get(source), (before.get(source) or {}).get("key")
            if new == old:
                continue
            if new is not None:
                touched.update(self.iris[source])
            if old is not None:
                iris = old_iris(old)
                if iris is None:
                    return None
                touched.update(iris)
        return touched

    def old_iris(self, key: str) -> list[str] | None:
        """The IRIs of a document the previous generation loaded under `key`, from the cache."""
        if (self.cache_dir / f"{key}.candidates.pickle").exists():
            return _distinct(iri for iri, _ in self._read(key))
        return [] if (self.cache_dir / f"{key}.nq").exists() else None

    def _read(self, key: str) -> list:
        path = self.cache_dir / f"{key}.candidates.pickle"
        if not path.exists():
            return []  # written only for documents with candidates
        try:
            # The cache is this machine's own: pickle keeps the linker's dataclass as it is.
            found = pickle.loads(path.read_bytes())
        except Exception:  # noqa: BLE001 - a cache from another version of the linker
            return []
        # a cache written before the queue IRIs were kept with the candidates
        return found if all(isinstance(c, tuple) for c in found) else self._with_iris(found)


def _distinct(iris) -> list[str]:
    return list(dict.fromkeys(iris))
