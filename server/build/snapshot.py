"""What the next build reads of the documents it does not map again, in one file per generation.

Pairing and the works' contexts need every document of the corpus, and the curation queue's
hashes need every document's candidates; reading each document's cached parse and candidates
made an edit of one document cost work proportional to the corpus (~0.7 ms a document, most of
an edit's time at 10,000). A generation keeps instead, in `dkg-snapshot.pickle`:

- per parse key (the cache key of `{key}.parsed.pickle`) the document's `Summary`
  (mappings/summary.py): all that pairing and `rdf.work_context` read;
- per mapping key (the cache key of `{key}.nq`) the SHACL notices and the IRIs of the queue
  entries its candidates count towards;
- per work, under a hash of what its context is made from (pipeline._work_inputs), its
  members' bases (the part of their cache keys that `repr` of the context goes into) and the
  parts it lacks: an unchanged work's context is not made again.

It is written into the new generation before the generation is finished, so it always
describes the generation beside it (a killed build leaves an abandoned generation, pruned).
Missing, damaged or of another format: the build reads the cache files as before.
"""
from __future__ import annotations

import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

SNAPSHOT_NAME = "dkg-snapshot.pickle"
# 2: a member's base covers the mappers' code; bases kept by format 1 do not, and would keep
# every unchanged document's mapping across an edit of the mappers.
FORMAT = 2


@dataclass
class Snapshot:
    parsed: dict[str, object] = field(default_factory=dict)                     # parse key → Summary
    mapped: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)  # key → (notices, IRIs)
    works: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)  # → (bases, lacks)


def read(generation: Path | None) -> Snapshot:
    if generation is None:
        return Snapshot()
    try:
        # The generation is this machine's own, as is the cache beside it.
        data = pickle.loads((Path(generation) / SNAPSHOT_NAME).read_bytes())
    except Exception:  # noqa: BLE001 - missing, cut short, or classes since changed: read the cache
        return Snapshot()
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return Snapshot()
    parsed, mapped, works = data.get("parsed"), data.get("mapped"), data.get("works")
    if not all(isinstance(d, dict) for d in (parsed, mapped, works)):
        return Snapshot()
    return Snapshot(parsed, mapped, works)


def write(generation: Path, snap: Snapshot) -> None:
    path = Path(generation) / SNAPSHOT_NAME
    tmp = path.with_name(f".{SNAPSHOT_NAME}.{os.getpid()}.tmp")
    tmp.write_bytes(pickle.dumps({"format": FORMAT, "parsed": snap.parsed, "mapped": snap.mapped,
                                  "works": snap.works},
                                 protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(tmp, path)
