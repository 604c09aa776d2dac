"""What every entity page needs, computed once per store generation for all entries at once.

An entry's page shows the works that mention it (most mentioning parts first), the entries
mentioned in the same works and the works per year. Asked per page, these read every mention
of the entry: a country is mentioned by thousands of parts, and the page took 3 s on a
1,000-document store. Two aggregate queries over the whole graph give all of it for every
entry (one row per entry and work, one per dated work); co-occurrence is counted here from
those rows. The result is one JSON file per generation in the generation's artefacts folder
(beside the VoID statistics, `STORE/artefacts/<generation tag>/`), written under a file lock so
that one worker computes it while the others wait and then read it. The tag changes with every
new generation and every write to one, so figures of an older state are never shown.

Without an artefacts folder (a bare remote SPARQL URL, whose data may change under us) the
figures are kept in memory for REMOTE_TTL seconds.
"""
from __future__ import annotations

import fcntl
import json
import os
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from dissertation_kg.server.publishing.reader.sparql import WORK_YEAR, integer, rows

VERSION = 2  # bump when compute() changes, so saved figures are recomputed
FILE_NAME = f"reader-mentions-v{VERSION}.json"
WORKS_KEPT = 25        # works listed per entry (the page shows them all)
COOCCURRING_KEPT = 20  # co-occurring entries kept per entry
QUOTED_PARTS = 3       # parts of one work quoted with a snippet; the others are named
REMOTE_TTL = 300.0


@dataclass(frozen=True)
class EntityFigures:
    total_works: int
    total_parts: int
    works: list[tuple[str, int]]        # (work, parts mentioning the entry), most parts first
    cooccurring: list[tuple[str, int]]  # (other entry, works mentioning both), most first
    per_year: list[tuple[int, int]]     # (year, works), in year order
    undated: int                        # mentioning works without a year
    quoted: dict[str, list[str]]        # work shown → the parts of it quoted on the page


NOTHING = EntityFigures(0, 0, [], [], [], 0, {})


def compute(store) -> dict[str, dict]:
    """entry IRI → its figures (as JSON-ready dicts), from SPARQL only, so any store will do."""
    mentioning: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in rows(store, "SELECT DISTINCT ?e ?w ?c WHERE { ?c dkg:mentions ?e ; dkg:componentOf ?w }"):
        mentioning[r["e"].value][r["w"].value].add(r["c"].value)
    parts = {e: {w: len(cs) for w, cs in works.items()} for e, works in mentioning.items()}
    years = {r["w"].value: integer(r["year"]) for r in rows(store, f"SELECT ?w ?year WHERE {WORK_YEAR}")
             if "year" in r and integer(r["year"]) is not None}
    entries_of: dict[str, list[str]] = defaultdict(list)
    for e, works in parts.items():
        for w in works:
            entries_of[w].append(e)
    out = {}
    for e, works in parts.items():
        shared: Counter = Counter()
        for w in works:
            shared.update(entries_of[w])
        del shared[e]
        per_year: Counter = Counter(years[w] for w in works if w in years)
        shown = sorted(works.items(), key=lambda x: (-x[1], x[0]))[:WORKS_KEPT]
        out[e] = {
            "total_works": len(works),
            "total_parts": sum(works.values()),
            # the same order the per-page queries used: ORDER BY DESC(?n) ?iri
            "works": [list(x) for x in shown],
            # the parts quoted on the page: the first QUOTED_PARTS of each work shown, in IRI order
            "quoted": {w: sorted(mentioning[e][w])[:QUOTED_PARTS] for w, _ in shown},
            "cooccurring": [list(x) for x in sorted(shared.items(), key=lambda x: (-x[1], x[0]))[:COOCCURRING_KEPT]],
            "per_year": [list(x) for x in sorted(per_year.items())],
            "undated": sum(1 for w in works if w not in years),
        }
    return out


class Figures:
    """The figures of one generation: `figures[entry]` (NOTHING for an entry no part mentions)."""

    def __init__(self, by_entity: dict[str, dict]):
        self._raw = by_entity

    def __getitem__(self, entity: str) -> EntityFigures:
        raw = self._raw.get(entity)
        if raw is None:
            return NOTHING
        return EntityFigures(raw["total_works"], raw["total_parts"], [tuple(x) for x in raw["works"]],
                             [tuple(x) for x in raw["cooccurring"]], [tuple(x) for x in raw["per_year"]],
                             raw["undated"], raw["quoted"])

    def __len__(self) -> int:
        return len(self._raw)


_memory: dict[str, tuple[float, Figures]] = {}
_memory_lock = threading.Lock()


def figures(store, key: str, artefacts: Path | None) -> Figures:
    """The figures for the generation tagged `key`: from this process's memory, else the
    generation's file, else computed (and saved for the other workers)."""
    now = time.monotonic()
    with _memory_lock:
        held = _memory.get(key)
        if held is not None and (artefacts is not None or now - held[0] < REMOTE_TTL):
            return held[1]
    if artefacts is None:
        found = Figures(compute(store))
    else:
        found = Figures(_load_or_compute(store, artefacts))
    with _memory_lock:
        if artefacts is not None:  # keep only the current generation's: old ones are never asked for again
            for old in [k for k in _memory if k != key]:
                del _memory[old]
        _memory[key] = (now, found)
    return found


def _load_or_compute(store, artefacts: Path) -> dict[str, dict]:
    path = artefacts / FILE_NAME
    saved = _read(path)
    if saved is not None:
        return saved
    artefacts.mkdir(parents=True, exist_ok=True)
    # a lock of its own: the dumps' lock is held for minutes while a dump is written
    with open(artefacts / ".reader-mentions.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            saved = _read(path)  # another worker may have written it while we waited
            if saved is not None:
                return saved
            computed = compute(store)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(computed, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)
            return computed
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _read(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except ValueError:
        return None  # cut short or written by something else: computed again
