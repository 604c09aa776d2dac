"""What a generation was built from and what the build found, kept next to the generations.

`STORE/builds/<generation>.json` is written by `dkg build` and by the server's rebuilds. It lets
the status page show documents, works and rejections of the graph being served, lets `dkg
serve` rebuild from the same corpus and ontology the graph came from, and lets a rebuild tell a
real edit from a touched file (the fingerprint hashes the sources' contents).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path

from dissertation_kg.server.build.file_hashes import FileHashes
from dissertation_kg.server.build.pipeline import DOCUMENT_SUFFIXES, BuildSummary
from dissertation_kg.server.store.location import StoreLocation

MANIFEST_NAMES = ("manifest.toml",)


def source_files(seeds: Path, ontology: Path) -> list[Path]:
    """Every file a build reads: the ontology's and vocabularies' Turtle, the corpus and its manifest."""
    files: list[Path] = []
    if ontology.is_dir():
        files += sorted(ontology.glob("*.ttl"))
        files += sorted((ontology / "vocabularies").glob("*.ttl"))
    if seeds.is_dir():
        files += sorted(p for p in seeds.iterdir() if p.is_file() and
                        (p.suffix.lower() in DOCUMENT_SUFFIXES or p.name in MANIFEST_NAMES))
    return files


def fingerprint(seeds: Path, ontology: Path, store: Path | str | None = None) -> str:
    """A hash of the sources' names and contents: equal fingerprints build equal graphs. With
    `store`, the files' hashes are remembered there by their stat (server/build/file_hashes.py)."""
    h = hashlib.sha256()
    hashes = FileHashes(store)
    roots = [(Path(ontology), "ontology"), (Path(seeds), "seeds")]
    for path in source_files(seeds, ontology):
        try:
            digest = hashes.sha256(path)
        except OSError:  # removed between listing and reading: the next poll sees it
            continue
        # Names relative to their folder: the same sources give the same fingerprint wherever
        # they are and however the folder was spelled (relative, absolute, symlinked).
        root, role = next((r, n) for r, n in roots if path.is_relative_to(r))
        h.update(f"{role}/{path.relative_to(root).as_posix()}".encode() + b"\0" + digest)
    hashes.save()
    return h.hexdigest()


def record_path(store: Path | str, generation: str) -> Path:
    return StoreLocation(store).root / "builds" / f"{generation}.json"


def summary_record(summary: BuildSummary, *, seeds: Path, ontology: Path, source_fingerprint: str,
                   deprecations: list[dict] | None = None) -> dict:
    return {
        "generation": summary.generation.name if summary.generation else None,
        "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "seeds": str(Path(seeds).resolve()),
        "ontology": str(Path(ontology).resolve()),
        "fingerprint": source_fingerprint,
        "documents": summary.documents,
        "works": summary.works,
        "triples": summary.triples,
        "cached": summary.cached,
        # Which path made the generation: "incremental" with what it changed, or "full" and why.
        "path": summary.path,
        "full_reason": summary.full_reason,
        "changes": summary.changes,
        "relinked": summary.relinked,  # after a vocabulary edit: labels touched, documents linked again
        "rejected": [asdict(r) for r in summary.rejected],
        "warnings": list(summary.warnings),
        "gaps": list(summary.gaps),
        "gap_counts": summary.gap_counts(),
        "notices": list(summary.notices[:500]),  # the whole list is in the graph (dkg:lacks)
        "deprecations": deprecations or [],
        "seconds": round(summary.timings.get("total", 0.0), 3),
        "timings": {stage: round(seconds, 3) for stage, seconds in summary.timings.items()},
    }


def write_record(store: Path | str, record: dict) -> Path:
    path = record_path(store, record["generation"])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)
    return path


def read_record(store: Path | str, generation: str) -> dict | None:
    """The record of `generation`, or None when it was not made by `dkg build` or a rebuild."""
    try:
        return json.loads(record_path(store, generation).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def engine_record(store: Path | str, engine_generation: str) -> dict | None:
    """The record of the staging generation that was copied into a remote engine as
    `engine_generation` (`dkg build --store URL` and rebuilds note it), or None."""
    folder = StoreLocation(store).root / "builds"
    for path in sorted(folder.glob("*.json"), reverse=True):  # the newest first: most likely served
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if record.get("engine_generation") == engine_generation:
            return record
    return None


def current_record(store: Path | str) -> dict | None:
    current = StoreLocation(store).current()
    return read_record(store, current.name) if current is not None else None


def prune_records(store: Path | str) -> None:
    """Drop records of generations that were pruned."""
    location = StoreLocation(store)
    folder = location.root / "builds"
    if not folder.is_dir():
        return
    alive = {p.name for p in (location.root / "generations").iterdir()} if (location.root / "generations").is_dir() else set()
    for path in folder.glob("*.json"):
        if path.stem not in alive:
            path.unlink(missing_ok=True)
