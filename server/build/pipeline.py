"""`dkg build`: documents → mapped, validated RDF → a fresh Oxigraph generation → switch.

The build never writes into the generation being served: it fills a new directory and points
`current` at it only when everything went well, so a failed or killed build leaves the graph in
use untouched. Documents whose bytes, mapper version, ontology version, shapes and work are
unchanged are taken from the cache instead of being mapped and validated again.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import multiprocessing
import os
import pickle
import re
import shutil
import sys
import time
import traceback
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import OWL
from tqdm import tqdm

from dissertation_kg.mappings import MAPPER_VERSION, abstract, consensus, extract, gaps, ntriples, pairing, rdf
from dissertation_kg.mappings.errors import MappingError
from dissertation_kg.mappings.vocab import GRAPH, ONTOLOGY_IRI, CANDIDATES_GRAPH

from dissertation_kg.mappings.summary import Summary, summarize
from dissertation_kg.server.build import incremental, shacl, snapshot
from dissertation_kg.server.build.file_hashes import FileHashes
from dissertation_kg.server.build.queue_candidates import QueueCandidates
from dissertation_kg.mappings.resources import ontology_dir
from dissertation_kg.server.store.location import StoreLocation
from dissertation_kg.server.store.engines import UNION_MARKER, OxigraphStore
from dissertation_kg.server.search import index as search_index

DOCUMENT_SUFFIXES = extract.SUFFIXES     # .txt .md .pdf .docx
ONTOLOGY_GRAPH = GRAPH["ontology"]
VOCABULARY_GRAPH = GRAPH["vocabularies"]


@dataclass
class Rejection:
    source: str
    problems: list[str]
    # Why, in a word a curator acts on: "encoding", "language", "structure", "manifest",
    # "unreadable" (the mappers refused the file) or "SHACL" (mapped, but the shapes refused it).
    reason: str = "SHACL"


# The module that raised a MappingError says which check refused the file; the mappers keep one
# job per module (text decoding, language detection, sections), so no message needs parsing.
_REASON_BY_MODULE = {"text": "encoding", "language": "language", "pairing": "manifest",
                     "abstract": "structure", "sections": "structure", "headings": "structure", "lists": "structure"}


def rejection_reason(exc: MappingError) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "structure"
    where = frames[-1]
    if where.name == "parse_file":  # reading the file itself failed
        return "unreadable"
    return _REASON_BY_MODULE.get(Path(where.filename).stem, "unreadable")


@dataclass
class BuildSummary:
    documents: int = 0
    works: int = 0
    triples: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    cached: int = 0
    pairing: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    generation: Path | None = None
    warnings: list[str] = field(default_factory=list)
    # Works loaded with parts missing: {"work": id, "sources": [file, ...], "lacks": [part, ...]}
    gaps: list[dict] = field(default_factory=list)
    # SHACL warnings and information on loaded documents, in plain words naming the file.
    notices: list[str] = field(default_factory=list)
    # "incremental" (the previous generation changed by what differs) or "full" (one bulk load);
    # why the full path ran, and what the incremental one changed.
    path: str = "full"
    full_reason: str | None = None
    changes: dict | None = None
    # After a vocabulary edit: how many labels it touched and how many documents whose
    # sources did not change were linked again for it (mappings/relink.py).
    relinked: dict | None = None

    @property
    def ok(self) -> bool:
        return not self.rejected

    def gap_counts(self) -> dict[str, int]:
        """part → how many loaded works lack it, in the order of gaps.PARTS."""
        counts = {part: sum(part in g["lacks"] for g in self.gaps) for part in gaps.PARTS}
        return {part: n for part, n in counts.items() if n}

    def report(self) -> str:
        lines = [f"documents: {self.documents} loaded ({self.cached} unchanged, from cache), "
                 f"{len(self.rejected)} rejected",
                 f"works: {self.works}", f"triples: {self.triples}"]
        if self.gaps:
            lines.append(f"gaps: {len(self.gaps)} work(s) loaded with parts missing — " + ", ".join(
                f"{gaps.WORDS[part]} {n}" for part, n in self.gap_counts().items()))
        if self.path == "incremental" and self.changes is not None:
            lines.append(f"path: incremental ({incremental.Delta(**_delta_fields(self.changes)).describe()})")
        elif self.full_reason:
            lines.append(f"path: full ({self.full_reason})")
        if self.timings:
            lines.append("time: " + ", ".join(f"{k} {v:.2f}s" for k, v in self.timings.items()))
        if self.generation:
            lines.append(f"store: {self.generation}")
        return "\n".join(lines)


@lru_cache(maxsize=8)
def ontology_version(directory: Path | None = None) -> str:
    # Oxigraph's parser: every build asks, and rdflib took ~1 s for the ontology.
    path = Path(directory or ontology_dir()) / "dkg.ttl"
    subject, predicate = ox.NamedNode(str(ONTOLOGY_IRI)), ox.NamedNode(str(OWL.versionInfo))
    try:
        version = next((q.object.value for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
                        if q.subject == subject and q.predicate == predicate), None)
    except SyntaxError as exc:
        raise ValueError(f"{path} is not valid Turtle ({exc}); fix it and build again") from exc
    return version or "unversioned"


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "-"


def corpus_files(seeds_dir: Path) -> list[Path]:
    return sorted(p for p in Path(seeds_dir).iterdir()
                  if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES and p.name.lower() != "readme.md")


def parse_corpus(files: list[Path], progress: bool = False, pool=None) -> tuple[list, list[Rejection]]:
    """Parse every file (in `pool`'s processes when given); a file that cannot be mapped becomes
    a Rejection, the rest go on."""
    parsed, rejected = [], []
    for doc in _parses(files, progress, pool, rejected):
        parsed.append(doc)
    return parsed, rejected


def _parses(files: list[Path], progress: bool, pool, rejected: list[Rejection]):
    """Each file's parse as it comes (refusals appended to `rejected`): a build keeps none of
    them in memory, only what pairing needs of each."""
    results = pool.imap(_parse_one, files, chunksize=16) if pool is not None else map(_parse_one, files)
    for path, result in zip(files, tqdm(results, total=len(files), desc="parse", unit="doc", disable=not progress)):
        if isinstance(result, tuple):
            message, reason = result
            rejected.append(Rejection(path.name, [message], reason))
        else:
            yield result


def _parse_one(path: Path):
    """The parsed document, or (the error in words, its reason): text crosses the process
    boundary whatever the exception (one that did not unpickle once hung the pool)."""
    try:
        return abstract.parse_file(path)
    except MappingError as exc:
        return str(exc), rejection_reason(exc)


def map_corpus(files: list[Path], manifest: dict[str, str], *, generated_at: dt.datetime | None = None,
               progress: bool = False) -> tuple[list[rdf.MappedDocument], list[Rejection], list[pairing.Work]]:
    """Parse, pair and map documents (no validation, no store): what `dkg map` prints."""
    parsed, rejected = parse_corpus(files, progress)
    works = pairing.group(parsed, manifest)
    version = ontology_version()
    labels = consensus.specialty_labels([w.members for w in works])
    mapped = []
    for work in tqdm(works, desc="map", unit="work", disable=not progress, leave=False):
        ctx = rdf.work_context(work.id, work.members, labels)
        for member in work.members:
            mapped.append(rdf.to_graph(member, ctx, ontology_version=version, generated_at=generated_at))
    return mapped, rejected, works


def _nquads(graph: Graph, graph_iri: str) -> bytes:
    """An rdflib graph (the ontology, vocabularies, candidates) as N-Quads in `graph_iri`."""
    doc = ntriples.Document()
    doc.add_lines(line[:-2] for line in graph.serialize(format="nt").splitlines() if line.endswith(" ."))
    return doc.nquads(graph_iri)


def default_graph_lines(nquads: bytes, graph_iri: str) -> bytes:
    """The same statements without their graph: the lines of one named graph all end with
    ` <graph> .` (a literal cannot hold a line break), so a byte replacement drops it."""
    return nquads.replace(f" <{graph_iri}> .\n".encode(), b" .\n")


def _delta_fields(changes: dict) -> dict:
    return {"added": changes["added"], "changed": changes["changed"], "removed": changes["removed"],
            "static": changes["ontology_or_vocabularies"], "candidates": changes["candidates"], "queue": changes["queue"],
            "unchanged": changes["unchanged"]}


def build(seeds_dir: Path | str, store_dir: Path | str, *, use_cache: bool = True, progress: bool | None = None,
          generated_at: dt.datetime | None = None, keep_generations: int = 2, switch: bool = True,
          full: bool = False) -> BuildSummary:
    """Build the graph of every document in `seeds_dir` into a new generation of `store_dir`:
    from the served generation by changing only what differs (server/build/incremental.py)
    when it can be continued, else (or with `full`) by one bulk load of everything."""
    seeds_dir, location = Path(seeds_dir), StoreLocation(store_dir)
    progress = sys.stderr.isatty() if progress is None else progress
    summary = BuildSummary()
    t0 = time.perf_counter()
    if not seeds_dir.is_dir():
        raise FileNotFoundError(f"no corpus folder at {seeds_dir}; pass --seeds DIR with the abstracts (.txt, .md, .pdf, .docx)")
    manifest = pairing.read_manifest(seeds_dir)
    files = corpus_files(seeds_dir)
    known = {p.name for p in files}
    for name in sorted(set(manifest) - known):
        summary.warnings.append(f"{seeds_dir / pairing.MANIFEST_NAME}: lists {name}, which is not in the corpus")

    cache_dir = location.cache_dir
    cache_dir.mkdir(parents=True, exist_ok=True)
    previous_generation = location.current()
    # What the served generation kept of its documents: their summaries stand in for their
    # parses, which are read only for the documents mapped again.
    before = snapshot.read(previous_generation) if use_cache else snapshot.Snapshot()
    with _worker_pool() as pool:
        # 1. Parse (files parsed before come from the cache) and pair (pairing needs every document).
        summaries, summary.rejected, parse_keys, parsed = _parse_with_cache(files, progress, pool, cache_dir,
                                                                           use_cache, before.parsed)
        works = pairing.group(summaries, manifest)
        summary.pairing = [f"{w.id}: {', '.join(m.source for m in w.members)} — {w.decided_by}"
                           + (f" ({'; '.join(w.evidence)})" if w.evidence and w.decided_by == "detected" else "")
                           for w in works if len(w.members) > 1]
        summary.timings["parse"] = time.perf_counter() - t0

        # 2. Map, validate and serialize each work, or take its documents from the cache.
        t1 = time.perf_counter()
        version = ontology_version()
        shapes_hash = _file_hash(ontology_dir() / "shapes.ttl")
        vocab_hash = hashlib.sha256(b"".join(_file_hash(p).encode() for p in _vocabulary_files())).hexdigest()
        previous = incremental.read_contents(previous_generation) if use_cache else None
        relinker = incremental.Relinker(previous_generation, previous, vocab_hash, cache_dir, _lexicon)
        stamps: dict[str, tuple[str, str]] = {}   # source → (base, link) of its cache key
        quads: dict[str, Path] = {}            # source → its N-Quads in the cache
        fresh: dict[str, tuple[str, str]] = {}  # source → digests of the N-Quads mapped just now
        queue_candidates = QueueCandidates(cache_dir, _with_iris)
        notices: dict[str, list[str]] = {}     # source → its SHACL warnings and information
        jobs = []
        contexts = []                          # (work, the parts it lacks)
        bases_of: dict[str, tuple] = {}        # see snapshot.Snapshot.works
        labels = consensus.specialty_labels([w.members for w in works])  # corpus-wide: one per language
        for work in works:
            # A work's context is made only when what it is made from changed or a member is
            # mapped again: otherwise its members' bases come from the snapshot.
            inputs = _work_inputs(work, parse_keys, labels, version, shapes_hash)
            ctx, known = None, before.works.get(inputs)
            if known is None:
                ctx = rdf.work_context(work.id, work.members, labels)
                # The mappers' code, not only their version number: an upgrade or a local edit of
                # a rule must reach every document, not only those whose bytes changed.
                known = (tuple(hashlib.sha256("|".join([member.checksum, _mappers_fingerprint(), version, shapes_hash,
                                                        member.extractor_version, repr(ctx)]).encode()).hexdigest()
                               for member in work.members), tuple(ctx.gaps))
            bases_of[inputs] = known
            contexts.append((work, known[1]))
            todo = []
            for member, base in zip(work.members, known[0]):
                stamps[member.source] = base, relinker.stamp(member.source, base)
                key = hashlib.sha256("|".join(stamps[member.source]).encode()).hexdigest()
                cached = cache_dir / f"{key}.nq"
                if use_cache and cached.exists():
                    quads[member.source] = cached
                    kept = before.mapped.get(key)  # (notices, candidate IRIs)
                    notices[member.source] = (list(kept[0]) if kept is not None
                                              else _load_notices(cache_dir / f"{key}.notices.json"))
                    queue_candidates.cached(member.source, key, kept[1] if kept is not None else None)
                    summary.cached += 1
                else:
                    cached_parse = cache_dir / f"{parse_keys.get(member.source)}.parsed.pickle"
                    if member.source not in parsed and cached_parse.is_file():
                        # the worker reads the parse from the cache: the jobs hold no document
                        todo.append((str(cached_parse), key))
                        continue
                    doc = _full_parse(member, parsed, cached_parse, seeds_dir, summary.rejected)
                    if doc is not None:
                        todo.append((doc, key))
            if todo:
                if ctx is None:
                    ctx = rdf.work_context(work.id, work.members, labels)
                jobs.append((ctx, todo, version, generated_at, str(cache_dir)))
        stage = {"map": 0.0, "shacl": 0.0, "serialize": 0.0}
        for results in _run_jobs(jobs, progress, pool.get(sum(len(j[1]) for j in jobs))):
            for source, path, problems, found_notices, found, seconds, digests in results:
                for k, v in seconds.items():
                    stage[k] += v
                if problems:
                    summary.rejected.append(Rejection(source, problems))
                else:
                    quads[source] = Path(path)
                    fresh[source] = digests
                    queue_candidates.mapped(source, Path(path).stem, found)
                    notices[source] = list(found_notices)
    summary.timings["process"] = time.perf_counter() - t1  # wall clock of step 2

    # 3. What differs from the served generation decides the path.
    t4 = time.perf_counter()
    if not use_cache:  # read only now: --no-cache maps everything, but may still continue the store
        previous = incremental.read_contents(previous_generation)
    documents = _document_entries(quads, fresh, (previous or {}).get("documents", {}), cache_dir, stamps)
    summary.relinked = ({"labels": relinker.names, "documents": relinker.relinked}
                        if relinker.before and not relinker.same else None)
    static_hash = hashlib.sha256(b"".join(_file_hash(p).encode() for p in
                                          [ontology_dir() / "dkg.ttl", *_vocabulary_files()])).hexdigest()
    for source in notices:
        summary.notices.extend(notices[source])
    # Each candidate's statements are made from its occurrences alone (linking.candidates_graph),
    # so only those whose occurrences differ from the previous generation's are made (with
    # rdflib) and written again: an added document touches tens of the queue's candidates.
    # `groups` holds those that may differ (every one when the previous hashes cannot be used).
    # (--no-cache: every hash made again, trusting nothing the cache kept.)
    candidates_hash, groups = queue_candidates.hashes(
        previous if use_cache else None, lambda key: list(before.mapped[key][1]) if key in before.mapped else queue_candidates.old_iris(key))
    contents = {"format": incremental.FORMAT, "pyoxigraph": ox.__version__, "documents": documents,
                "static": static_hash, "candidates": candidates_hash, "vocabulary": vocab_hash}
    change = (incremental.delta(previous, documents, contents["static"], contents["candidates"])
              if previous is not None else None)
    summary.timings["compare"] = time.perf_counter() - t4
    summary.full_reason = incremental.why_full(location, previous_generation, previous, change, forced=full)

    # 4. Into a new generation beside the served one, then switch.
    generation = location.new_generation()
    try:
        if summary.full_reason is None:
            summary.path, summary.changes = "incremental", change.as_dict()
            t5 = time.perf_counter()
            incremental.checkpoint(previous_generation, generation)
            t6 = time.perf_counter()
            summary.timings["checkpoint"] = t6 - t5
            static = _static_graphs() if change.static else None
            t7 = time.perf_counter()
            summary.timings["static graphs"] = t7 - t6
            # (linking.candidates_graph groups by IRI: each group's own order is what counts)
            rewritten = [c for iri in (groups if change.queue else change.candidates) for c in groups.get(iri, [])]
            queue = _candidate_quads(rewritten) if rewritten else None
            summary.timings["candidates graph"] = time.perf_counter() - t7
            done = incremental.apply(
                generation, change, {s: e["graph"] for s, e in documents.items()},
                {s: e["graph"] for s, e in previous["documents"].items()}, lambda s: quads[s].read_bytes(),
                static, [str(ONTOLOGY_GRAPH), str(VOCABULARY_GRAPH)], queue, str(CANDIDATES_GRAPH),
                old_static=incremental.read_static(previous_generation) if change.static else None,
                old_labels_kept=incremental.static_labels_kept(previous_generation),
                read_previous=lambda s: incremental.previous_bytes(previous["documents"][s], cache_dir))
            summary.triples = int(previous["triples"]) + done["default_added"] - done["default_removed"]
            touched_works = set(done.pop("works"))
            relabelled = set(done.pop("entities"))
            summary.changes["store"] = done
        else:
            # One bulk load. (Loading while the workers map was tried: on two cores it only took
            # their CPU, the build got slower.)
            store = ox.Store(str(generation))
            static = _static_graphs()
            candidates = queue_candidates.everything()
            static_ground, static_blank = incremental.blank_lines(static)
            chunks = _load_chunks(quads, static_ground, _candidate_quads([c for _, c in candidates]) if candidates else b"")
            store.bulk_load(_ChunkReader(chunks), format=ox.RdfFormat.N_QUADS)
            incremental.load_static_blank(store, static_blank)
            store.optimize()  # compacts the bulk load's files: the competency questions run ~40 % faster
            summary.triples = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")))[0].value)
            store.flush()
            del store
        (generation / UNION_MARKER).touch()
        incremental.keep_vocabularies(generation, _vocabulary_files())
        incremental.keep_static(generation, static, previous_generation)
        incremental.write_contents(generation, contents | {"triples": summary.triples})
        snapshot.write(generation, snapshot.Snapshot(
            {parse_keys[d.source]: d for d in summaries if d.source in parse_keys},
            {path.stem: (notices.get(source, []), queue_candidates.iris.get(source, []))
             for source, path in quads.items()}, bases_of))
        location.finish(generation)  # only now may it be kept, counted or switched to
    except BaseException:
        shutil.rmtree(generation, ignore_errors=True)
        raise
    if summary.path == "incremental":
        _index_for_search(generation, summary, previous_generation, touched_works, labels=relabelled)
    else:
        _index_for_search(generation, summary)
    summary.rejected.sort(key=lambda r: r.source)
    summary.timings.update(stage)  # summed over worker processes (CPU seconds)
    summary.timings["load"] = time.perf_counter() - t4
    if switch:  # switch=False: the caller inspects the generation and switches (server rebuilds)
        location.switch(generation)
        location.prune(keep=keep_generations)
        _prune_cache(cache_dir, {p.stem for p in quads.values()} | {parse_keys[d.source] for d in summaries
                                                                      if d.source in parse_keys})
    accepted_sources = set(quads)
    summary.gaps = [{"work": work.id, "sources": [m.source for m in work.members if m.source in accepted_sources],
                     "lacks": list(lacks)}
                    for work, lacks in contexts if lacks and any(m.source in accepted_sources for m in work.members)]
    summary.notices.sort()
    summary.documents = len(accepted_sources)
    summary.works = len({w.id for w in works if any(m.source in accepted_sources for m in w.members)})
    summary.generation = generation
    summary.timings["total"] = time.perf_counter() - t0
    return summary


def _index_for_search(generation: Path, summary: BuildSummary, previous: Path | None = None,
                      works: set[str] | None = None, labels: bool | set[str] = True) -> None:
    """The full-text index of the new generation, read back from the store itself with SPARQL
    (so it holds exactly what is served): on the incremental path, the previous generation's
    index with the entries of `works` made again. A failure leaves the graph usable: it is
    reported, and `dkg search --reindex` can build the index later."""
    t0 = time.perf_counter()
    try:
        with contextlib.closing(OxigraphStore(generation)) as store:
            old = previous / search_index.INDEX_NAME if previous is not None else None
            updated = False
            if old is not None and old.is_file():
                try:
                    search_index.update_index(store, old, generation / search_index.INDEX_NAME, works or set(),
                                              labels=labels)
                    updated = True
                except search_index.IndexMissing:
                    pass  # another format: built whole below
            if not updated:
                search_index.build_index(store, generation / search_index.INDEX_NAME)
    except Exception as exc:  # noqa: BLE001 - any failure here must not lose the built graph
        summary.warnings.append(f"{generation / search_index.INDEX_NAME}: the search index was not built "
                                f"({type(exc).__name__}: {exc}); run `dkg search --reindex` to build it")
    summary.timings["search index"] = time.perf_counter() - t0


def _document_entries(quads: dict[str, Path], fresh: dict[str, tuple[str, str]], previous: dict[str, dict],
                      cache_dir: Path, stamps: dict[str, tuple[str, str]]) -> dict[str, dict]:
    """source → {graph, key, sha256, content, base, link} of the N-Quads this build loads (see
    incremental.CONTENTS_NAME). A document from the cache under the key the previous generation
    loaded it with is known without reading it."""
    out = {}
    for source, path in sorted(quads.items()):
        old = previous.get(source)
        if source not in fresh and old is not None and old.get("key") == path.stem:
            out[source] = dict(old)
            continue
        sha, content = fresh.get(source) or incremental.digest(path.read_bytes())
        base, link = stamps[source]
        entry = {"graph": str(rdf.v.document_graph(source)), "key": path.stem, "sha256": sha, "content": content,
                 "base": base, "link": link}
        out[source] = incremental.keep_previous_bytes(entry, path, old, cache_dir)
    return out


def _prune_cache(cache_dir: Path, keep: set[str]) -> None:
    """Drop cached documents this build did not use (edited or removed since), so the cache
    stays the size of the corpus."""
    for path in cache_dir.iterdir():
        if path.name.split(".", 1)[0] not in keep and not path.name.startswith("."):
            path.unlink(missing_ok=True)


def _process_work(job) -> list[tuple]:
    """Map, validate and serialize the new documents of one work (runs in a worker process)."""
    ctx, todo, version, generated_at, cache_dir = job
    shapes = shacl.load_shapes(ontology_dir() / "shapes.ttl")
    out = []
    for member, key in todo:
        t0 = time.perf_counter()
        if isinstance(member, str):   # a parse in the cache (see build)
            member = pickle.loads(Path(member).read_bytes())
        doc = rdf.to_graph(member, ctx, ontology_version=version, generated_at=generated_at)
        t1 = time.perf_counter()
        found = shacl.validate_graph(doc.statements, doc.source, shapes)
        problems, notices = shacl.violations(found), [str(p) for p in shacl.notices(found)]
        t2 = time.perf_counter()
        path, digests, queue = "", None, []
        if not problems:
            # Warnings and information travel with the cached document: a build that takes it
            # from the cache reports them too.
            (Path(cache_dir) / f"{key}.notices.json").write_text(json.dumps(notices, ensure_ascii=False), encoding="utf-8")
            data = doc.nquads()
            digests = incremental.digest(data)
            tmp = Path(cache_dir) / f".{key}.{os.getpid()}.tmp"
            tmp.write_bytes(data)
            path = str(Path(cache_dir) / f"{key}.nq")
            os.replace(tmp, path)
            queue = _with_iris(doc.candidates)
            if queue:
                _save_candidates(Path(cache_dir) / f"{key}.candidates.pickle", queue)
            (Path(cache_dir) / f"{key}.words").write_bytes(doc.words)
        t3 = time.perf_counter()
        out.append((member.source, path, [str(p) for p in problems], notices, queue,
                    {"map": t1 - t0, "shacl": t2 - t1, "serialize": t3 - t2}, digests))
    return out


def _workers() -> int:
    return max(1, min(os.cpu_count() or 1, int(os.environ.get("DKG_BUILD_WORKERS", os.cpu_count() or 1))))


_STARTING = 120  # seconds a pool's workers may take to start before the build goes on regardless


def _started_pool(workers: int):
    """A pool whose workers have all started. A worker reads the pool's locks from its parent as it
    starts; stopped in that window (SIGTERM, Ctrl-C), the parent's exit unlinks them and the worker
    prints a FileNotFoundError traceback into the server's log. So the signals wait (blocked in
    this thread, delivered after) until every worker has said it is ready."""
    import queue
    import signal
    import threading

    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    ready = context.Queue()
    main = threading.current_thread() is threading.main_thread()
    # The fork server is started before the signals are blocked: a process inherits its parent's
    # blocked signals, and workers forked from a server started while they were blocked could
    # not be stopped (Pool.terminate's SIGTERM waited in them for ever, and the build with it).
    forkserver.ensure_running()
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT}) if main else None
    try:
        pool = context.Pool(workers, initializer=_worker_ready, initargs=(ready,))
        deadline = time.monotonic() + _STARTING
        for _ in range(workers):
            try:
                ready.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                break
        return pool
    finally:
        if held is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _worker_ready(ready) -> None:
    import signal
    # (and whatever mask it was forked with, a worker can be stopped)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    ready.put(os.getpid())


class _LazyPool:
    """One process per core, started the first time a step has enough documents to pay for
    starting them (an incremental build that maps one document starts none)."""

    def __init__(self) -> None:
        self._pool = None

    def get(self, documents: int):
        if _workers() <= 1 or documents < 40:
            return self._pool
        if self._pool is None:
            self._pool = _started_pool(_workers())
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()


@contextlib.contextmanager
def _worker_pool():
    pool = _LazyPool()
    try:
        yield pool
    finally:
        pool.close()


@lru_cache(maxsize=1)
def _mappers_fingerprint() -> str:
    """A hash of the mappers' source and the versions of the libraries that read files: a
    parsed document is reused only by the code that parsed it."""
    from importlib import metadata

    h = hashlib.sha256(MAPPER_VERSION.encode())
    root = Path(abstract.__file__).parent
    for path in sorted(root.rglob("*.py")):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    for lib in ("pypdfium2", "python-docx", "pymorphy3", "pyspellchecker"):
        try:
            h.update(f"{lib}={metadata.version(lib)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{lib}=-".encode())
    return h.hexdigest()


def _parse_with_cache(files: list[Path], progress: bool, pool: _LazyPool, cache_dir: Path, use_cache: bool,
                      known: dict[str, Summary]) -> tuple[list[Summary], list[Rejection], dict[str, str], dict]:
    """parse_corpus, with each parsed document kept in the cache under a hash of its bytes,
    name and the mappers' code: pairing needs every document parsed, and an edit to one of ten
    thousand should not parse the others again. Refused files are parsed again each time.

    Returns each document's summary (from `known`, the previous generation's, by parse key;
    else from its parse), the rejections, source → parse key, and source → parse for the
    documents whose parse was read or made (the others' are read when they are mapped)."""
    code = _mappers_fingerprint()
    keys, found, parses, todo = {}, {}, {}, []
    # The files' hashes by their stat: an edit to one of ten thousand reads one file.
    hashes = FileHashes(cache_dir.parent if use_cache else None)
    for path in files:
        try:
            digest = hashes.sha256(path)
        except OSError:
            todo.append(path)  # parse_corpus reports it
            continue
        key = "p" + hashlib.sha256(f"{code}|{path.name}|".encode() + digest).hexdigest()
        keys[path.name] = key
        cached = cache_dir / f"{key}.parsed.pickle"
        if use_cache and isinstance(known.get(key), Summary) and cached.exists():
            found[path.name] = known[key]
            continue
        if use_cache and cached.exists():
            try:
                found[path.name] = summarize(pickle.loads(cached.read_bytes()))
                continue
            except Exception:  # noqa: BLE001 - a damaged entry: parse again
                pass
        todo.append(path)
    rejected: list[Rejection] = []
    for doc in _parses(todo, progress, pool.get(len(todo)), rejected):
        key = keys.get(doc.source)
        if key is not None:
            tmp = cache_dir / f".{key}.{os.getpid()}.tmp"
            tmp.write_bytes(pickle.dumps(doc))
            os.replace(tmp, cache_dir / f"{key}.parsed.pickle")
        else:
            parses[doc.source] = doc   # (no key, no cache entry: kept for the mapping)
        # a parse is kept in the cache, not in memory: 30,000 of them held the build at 6 GB
        found[doc.source] = summarize(doc)
    hashes.save()
    ordered = [found[p.name] for p in files if p.name in found]
    return ordered, rejected, keys, parses


def _work_inputs(work: pairing.Work, parse_keys: dict[str, str], labels: dict, version: str,
                 shapes_hash: str) -> str:
    """A hash of all a work's context and its members' bases are made from: the members' parses
    (their parse keys cover the mappers' code), the corpus-wide specialty labels of their codes,
    the ontology version and the shapes."""
    codes = {m.meta.specialty_code for m in work.members}
    chosen = sorted((key, name) for key, name in labels.items() if key[0] in codes)
    return hashlib.sha256("|".join([work.id, version, shapes_hash, repr(chosen)]
                                   + [parse_keys.get(m.source, "-") for m in work.members]).encode()).hexdigest()


def _full_parse(member: Summary, parses: dict, cached: Path, seeds_dir: Path, rejected: list[Rejection]):
    """The parse of a document about to be mapped: read now from the cache when only its
    summary was; parsed again (or refused) when its cache entry went missing since."""
    doc = parses.get(member.source)
    if doc is not None:
        return doc
    try:
        return pickle.loads(cached.read_bytes())
    except Exception:  # noqa: BLE001 - gone or damaged: parse again
        pass
    result = _parse_one(seeds_dir / member.source)
    if isinstance(result, tuple):
        message, reason = result
        rejected.append(Rejection(member.source, [message], reason))
        return None
    return result


def _run_jobs(jobs: list, progress: bool, pool):
    bar = tqdm(total=sum(len(j[1]) for j in jobs), desc="map+validate", unit="doc", disable=not progress)
    for results in (pool.imap_unordered(_process_work, jobs, chunksize=4) if pool is not None
                    else map(_process_work, jobs)):
        bar.update(len(results))
        yield results
    bar.close()


def _load_chunks(quads: dict[str, Path], static: bytes, candidate_data: bytes):
    """Every document's quads, each followed by the same statements in the default graph (the
    RDF merge of the named graphs, see store.UNION_MARKER; the store keeps each triple once),
    then the ontology, the vocabularies and the curation queue likewise."""
    for source in sorted(quads):
        chunk = quads[source].read_bytes()
        yield chunk
        yield default_graph_lines(chunk, str(rdf.v.document_graph(source)))
    for chunk in [static] + ([candidate_data] if candidate_data else []):
        yield chunk
        yield _GRAPH_LABEL.sub(b" .", chunk)  # several graphs: the ontology's and the vocabularies'


_GRAPH_LABEL = re.compile(rb" <[^<>\s]*> \.$", re.MULTILINE)


class _ChunkReader(io.RawIOBase):
    """A read-only stream over byte chunks, so Oxigraph's bulk loader reads the corpus straight
    from the cache without a second copy of it on disk."""

    def __init__(self, chunks) -> None:
        self._chunks = iter(chunks)
        self._buffer = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
        while not self._buffer:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._buffer = memoryview(chunk)
        n = min(len(target), len(self._buffer))
        target[:n] = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return n


def _lexicon(directory: Path | None):
    from dissertation_kg.mappings import linking
    return linking.lexicon(directory)


def _vocabulary_files() -> list[Path]:
    d = ontology_dir() / "vocabularies"
    return sorted(d.glob("*.ttl")) if d.is_dir() else []


def _static_graphs() -> bytes:
    """The ontology and the curated vocabularies as N-Quads, each in its own named graph, so that
    queries and pages can use their labels."""
    # Parsed and written by Oxigraph alone (an in-memory store), with no Python object per
    # statement: an ontology or vocabulary edit waits for this.
    scratch = ox.Store()
    for path, graph in [(ontology_dir() / "dkg.ttl", ONTOLOGY_GRAPH)] + [(p, VOCABULARY_GRAPH) for p in _vocabulary_files()]:
        try:
            scratch.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(str(graph)))
        except SyntaxError as exc:
            raise ValueError(f"{path} is not valid Turtle ({exc}); fix it and build again") from exc
    return scratch.dump(format=ox.RdfFormat.N_QUADS)


def _with_iris(candidates) -> list[tuple[str, object]]:
    """Each candidate with the IRI of the queue's entry it counts towards, found once when the
    document is mapped (the name in the nominative: pymorphy3 for every Russian name) and cached
    with it."""
    from dissertation_kg.mappings import linking
    return [(str(linking.candidate_iri(c.name, c.lang)), c) for c in candidates]


def _candidate_quads(candidates) -> bytes:
    from dissertation_kg.mappings import linking
    return _nquads(linking.candidates_graph(candidates), str(CANDIDATES_GRAPH))


def _load_notices(path: Path) -> list[str]:
    try:
        return list(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return []


def _save_candidates(path: Path, candidates) -> None:
    # The cache is this machine's own: pickle keeps the linker's dataclass as it is.
    path.write_bytes(pickle.dumps(list(candidates)))
