"""The incremental path of `dkg build`: a new generation made from the served one by changing only
the graphs whose quads changed.

Each generation keeps `dkg-contents.json`: per source document its graph, the cache file it was
loaded from and a SHA-256 of those N-Quads (see `digest`), plus hashes of the ontology and
vocabulary files and of the candidates the queue's graph is made from. The next build compares its own documents with it and, when the
previous generation can be continued (see `why_full`), takes a checkpoint of it (Oxigraph's
`Store.backup`: hard links on the same file system, so no reload and no copy), drops the graphs
of removed documents, changes those of changed documents by the N-Quads lines that differ from the
ones it loaded before (still in the build cache; else drops and loads them whole), loads the new
ones and corrects the materialised default graph for exactly the triples that left a named graph:
such a triple leaves the default graph only when no remaining named graph states it (see
UNION_MARKER in store/engines.py).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from dissertation_kg.mappings import relink
from dissertation_kg.server.store.engines import UNION_MARKER

CONTENTS_NAME = "dkg-contents.json"
# 2: each document's cache key is split into what it was mapped from ("base") and the
# vocabulary it was linked with ("link"); the vocabularies are kept beside the store.
FORMAT = 2
# A copy of the vocabulary files the generation was linked with: the next build compares its
# own with them to find the documents an edit can change (mappings/relink.py).
VOCABULARIES_NAME = "dkg-vocabularies"
# The ontology and vocabulary graphs as the generation holds them (N-Quads), compared as text
# with the next build's after an edit of those files.
STATIC_NAME = "dkg-static.nq"
# Beside it when its blank nodes carry the labels the store has (loaded with the labels kept, see
# load_static_blank): the next edit removes those statements by their labels, with no query.
STATIC_LABELS_NAME = "dkg-static.labels"
# Above this share of changed documents the full path's one bulk load is cheaper than removing
# and inserting graph by graph.
FULL_SHARE = 0.5

# The mapping activity's end time is the only statement that differs between two mappings of
# the same input; it is left out of the "content" hash so that an edit which re-maps every
# document (a vocabulary alias) reloads only the documents whose statements really changed.
_ENDED_AT = b" <http://www.w3.org/ns/prov#endedAtTime> "
_COMPONENT_OF = ox.NamedNode("https://w3id.org/dissertation-kg/ontology#componentOf")
_HAS_ABSTRACT = ox.NamedNode("https://w3id.org/dissertation-kg/ontology#hasAbstract")
# What makes an entity's rows in the search index's labels (server/search/extract.LABELS): its
# labels, being in a scheme, being a mention's body.
_LABELLING = {ox.NamedNode(iri) for iri in (
    "http://www.w3.org/2004/02/skos/core#prefLabel", "http://www.w3.org/2004/02/skos/core#altLabel",
    "http://xmlns.com/foaf/0.1/name", "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#inScheme")}
_HAS_BODY = ox.NamedNode("http://www.w3.org/2005/11/its/rdf#taIdentRef")  # a mention's entity
# the two predicates that name a document's work (see _note), as N-Quads write them
_WORK_PREDICATES = tuple(f" <{p.value}> ".encode() for p in (_COMPONENT_OF, _HAS_ABSTRACT))
_GRAPH_LABEL = re.compile(rb" <[^<>\s]*> \.$", re.MULTILINE)


def digest(data: bytes) -> tuple[str, str]:
    """(SHA-256 of the document's N-Quads, SHA-256 of them without the mapping's end time).
    Of the sorted lines: the mappers emit a document's statements in an order that varies from
    one process to the next, and a store holds a set."""
    lines = sorted(data.splitlines())
    whole = hashlib.sha256(b"\n".join(lines)).hexdigest()
    content = hashlib.sha256(b"\n".join(line for line in lines if _ENDED_AT not in line)).hexdigest()
    return whole, content


def read_contents(generation: Path | None) -> dict | None:
    if generation is None:
        return None
    try:
        contents = json.loads((Path(generation) / CONTENTS_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return contents if isinstance(contents, dict) and contents.get("format") == FORMAT else None


def write_contents(generation: Path, contents: dict) -> None:
    path = Path(generation) / CONTENTS_NAME
    tmp = path.with_name(f".{CONTENTS_NAME}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(contents, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def keep_vocabularies(generation: Path, files: list[Path]) -> None:
    target = Path(generation) / VOCABULARIES_NAME
    shutil.rmtree(target, ignore_errors=True)  # the checkpoint's copy, when there was one
    target.mkdir()
    for path in files:
        shutil.copyfile(path, target / path.name)


class Relinker:
    """Which documents to link again after a vocabulary edit (see mappings/relink.py): the
    previous generation's vocabularies are compared with this build's once, on first use.

    A document's cache key is made of its `base` (file, the mappers' code, ontology version,
    shapes, work) and its `link` stamp: the hash of the vocabularies it was last linked with. A
    document whose base is unchanged keeps its stamp while no vocabulary edit since can change its
    linking, so its mapping is taken from the cache; otherwise it is stamped with today's
    vocabularies and mapped again."""

    def __init__(self, previous_generation: Path | None, previous: dict | None, vocab_hash: str,
                 cache_dir: Path, lexicon) -> None:
        self.before = (previous or {}).get("documents", {})
        self.same = previous is not None and previous.get("vocabulary") == vocab_hash
        self.old_dir = Path(previous_generation) / VOCABULARIES_NAME if previous_generation is not None else None
        self.vocab_hash, self.cache_dir, self._lexicon = vocab_hash, cache_dir, lexicon
        self._required = None
        self.names: int | None = None      # how many labels the edit touched
        self.relinked = 0                  # documents of an unchanged base linked again

    def stamp(self, source: str, base: str) -> str:
        old = self.before.get(source)
        if old is None or old.get("base") != base or not old.get("link"):
            return self.vocab_hash
        if self.same:
            return old["link"]
        if not relink.may_change(self._filter(old.get("key")), self.required()):
            return old["link"]
        self.relinked += 1
        return self.vocab_hash

    def required(self):
        if self._required is None:
            if self.old_dir is None or not self.old_dir.is_dir():
                self._required = [[]]  # the empty sequence: every document may change
            else:
                names = relink.changed_names(self._lexicon(self.old_dir), self._lexicon(None))
                self.names = len(names)
                self._required = relink.requirements(names)
        return self._required

    def _filter(self, key: str | None) -> bytes | None:
        try:
            return (self.cache_dir / f"{key}.words").read_bytes()
        except OSError:
            return None


def keep_previous_bytes(entry: dict, new_path: Path, previous: dict | None, cache_dir: Path) -> dict:
    """`entry` ({"graph", "key", "sha256", "content"}) for a document just mapped or taken from
    the cache under a new key. When it says what the previous generation's copy said, apart from
    the mapping's end time, the previous bytes are kept (written to the new cache file too, so
    the cache and the store agree and a later `--full` build loads the same quads)."""
    if previous is None or entry["sha256"] == previous.get("sha256") or entry["content"] != previous.get("content"):
        return entry
    old = cache_dir / f"{previous.get('key')}.nq"
    try:
        data = old.read_bytes()
    except OSError:  # the previous copy left the cache: load the new one
        return entry
    if digest(data) != (previous["sha256"], previous["content"]):
        return entry
    tmp = new_path.with_name(f".{new_path.name}.{os.getpid()}.keep.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, new_path)
    return entry | {"sha256": previous["sha256"]}


def previous_bytes(previous: dict, cache_dir: Path) -> bytes | None:
    """The N-Quads the previous generation loaded for a document ({"key", "sha256", …} of its
    contents), or None when its cache file is gone or no longer says the same."""
    try:
        data = (Path(cache_dir) / f"{previous['key']}.nq").read_bytes()
    except (OSError, KeyError):
        return None
    return data if digest(data)[0] == previous.get("sha256") else None


@dataclass
class Delta:
    """What differs between the previous generation and this build."""
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    static: bool = False        # ontology or vocabulary graphs
    # The curation queue's candidates (IRIs) whose statements changed: each is one subject of
    # the queue's graph, so only those are dropped and written again.
    candidates: list[str] = field(default_factory=list)
    queue: bool = False         # the whole queue's graph replaced (the previous one kept no per-candidate hashes)
    unchanged: int = 0

    def as_dict(self) -> dict:
        return {"added": self.added, "changed": self.changed, "removed": self.removed,
                "ontology_or_vocabularies": self.static, "candidates": self.candidates, "queue": self.queue,
                "unchanged": self.unchanged}

    def describe(self) -> str:
        parts = [f"{len(self.added)} added", f"{len(self.changed)} changed", f"{len(self.removed)} removed",
                 f"{self.unchanged} unchanged"]
        if self.static:
            parts.append("ontology/vocabulary graphs replaced")
        if self.queue:
            parts.append("candidates graph replaced")
        elif self.candidates:
            parts.append(f"{len(self.candidates)} candidates rewritten")
        return "documents: " + ", ".join(parts)


def delta(previous: dict, documents: dict[str, dict], static: str, candidates: dict[str, str]) -> Delta:
    """`candidates`: each candidate's IRI → a hash of what its statements are made from."""
    before = previous.get("documents", {})
    old = previous.get("candidates")
    if not isinstance(old, dict):
        old = {}
    d = Delta(static=previous.get("static") != static, queue=not isinstance(previous.get("candidates"), dict),
              candidates=sorted(c for c in set(old) | set(candidates) if old.get(c) != candidates.get(c)))
    for source, entry in documents.items():
        old = before.get(source)
        if old is None:
            d.added.append(source)
        elif old["sha256"] != entry["sha256"] or old["graph"] != entry["graph"]:
            d.changed.append(source)
        else:
            d.unchanged += 1
    d.removed = sorted(set(before) - set(documents))
    d.added.sort()
    d.changed.sort()
    return d


def why_full(location, previous_generation: Path | None, previous: dict | None, change: Delta | None,
             *, forced: bool) -> str | None:
    """None when the incremental path may run; else, in one line, why the full one runs."""
    if forced:
        return "--full was asked for"
    if previous_generation is None:
        return "no generation was built here before"
    if previous is None:
        return (f"the served generation {previous_generation.name} has no readable {CONTENTS_NAME} "
                "(built by an older version or by hand)")
    if previous.get("pyoxigraph") != ox.__version__:
        return f"the served generation was written by pyoxigraph {previous.get('pyoxigraph')}, this is {ox.__version__}"
    if not (previous_generation / UNION_MARKER).exists():
        return "the served generation's default graph is not the materialised merge of its graphs"
    writes = _writes(location, previous_generation)
    if writes:
        return (f"the served generation had {writes} write(s) through the update endpoint or Graph Store "
                "Protocol since its build, which a rebuild does not keep")
    if change is not None:
        moved = len(change.added) + len(change.changed) + len(change.removed)
        total = moved + change.unchanged
        if total and moved > FULL_SHARE * total:
            return f"{moved} of {total} documents changed: one bulk load is cheaper"
    return None


def _writes(location, generation: Path) -> int:
    try:
        return int((location.root / "writes" / generation.name).read_text().strip() or 0)
    except (OSError, ValueError):
        return 0


def checkpoint(previous_generation: Path, generation: Path) -> None:
    """Fill the (empty but for its `.building` marker) `generation` with a checkpoint of the
    previous one. `Store.backup` wants a directory that does not exist yet, so it writes into
    one inside the new generation, whose files then move up: killed at any point, the
    generation still holds its marker and is pruned as abandoned."""
    inner = generation / ".checkpoint"
    source = ox.Store.read_only(str(previous_generation))
    try:
        source.backup(str(inner))
    finally:
        del source
    for entry in inner.iterdir():
        os.rename(entry, generation / entry.name)
    inner.rmdir()


def apply(generation: Path, change: Delta, graph_of: dict[str, str], previous_graphs: dict[str, str],
          read_document, static: bytes | None, static_graphs: list[str], candidates: bytes | None,
          candidates_graph: str, old_static: bytes | None = None, old_labels_kept: bool = False,
          read_previous=None) -> dict:
    """Change the checkpoint in `generation` by `change`. `read_document(source)` gives a
    document's N-Quads; `static` the ontology and vocabulary graphs' N-Quads when their files
    changed (only the difference to `old_static`, the previous ones, is written); `candidates`
    the statements of the changed candidates that remain. `read_previous(source)`, when given,
    the N-Quads the previous generation loaded for a changed document, or None when they are not
    at hand: such a document's graph is changed by the lines that differ instead of dropped and
    loaded whole. Returns counts of what was done."""
    seconds = {}
    t0 = time.perf_counter()
    store = ox.Store(str(generation))
    try:
        # A vocabulary edit that links one more mention changes a few of a document's ~1,300
        # statements: removing and adding those lines spares dropping the graph, reloading it
        # and checking each of its triples against the default graph.
        previous_data = {}
        for s in change.changed if read_previous is not None else ():
            if graph_of[s] == previous_graphs[s]:
                old = read_previous(s)
                if old is not None:
                    previous_data[s] = old
        drop = [previous_graphs[s] for s in change.removed + change.changed if s not in previous_data]
        static_added = static_blank = b""
        static_removed: list[ox.Quad] = []
        if change.static and static is not None:
            static_removed, static_added, static_blank = static_difference(store, static, old_static, static_graphs,
                                                                           old_labels_kept)
            seconds["static difference"] = time.perf_counter() - t0
        if change.queue:
            drop.append(candidates_graph)
        # Every triple a dropped graph stated may have to leave the default graph (below).
        touched: set[ox.Triple] = set()
        for iri in drop:
            graph = ox.NamedNode(iri)
            for quad in store.quads_for_pattern(None, None, None, graph):
                touched.add(quad.triple)
            if store.contains_named_graph(graph):
                store.remove_graph(graph)
        for quad in static_removed:
            touched.add(quad.triple)
            store.remove(quad)
        queue = ox.NamedNode(candidates_graph)
        for iri in change.candidates:
            for quad in list(store.quads_for_pattern(ox.NamedNode(iri), None, None, queue)):
                touched.add(quad.triple)
                store.remove(quad)
        works: set[str] = set()
        entities: set[str] = set()
        loads = []
        lines_removed = 0
        for s, old in previous_data.items():
            new = read_document(s)
            old_lines, new_lines = _line_set(old), _line_set(new)
            gone = old_lines - new_lines
            lines_removed += len(gone)
            for quad in ox.parse(b"".join(gone), format=ox.RdfFormat.N_QUADS):
                touched.add(quad.triple)
                store.remove(quad)
            come = new_lines - old_lines
            if come:
                loads.append((b"".join(sorted(come)), graph_of[s]))
            # the document's work is indexed again although its lines naming the work did not change
            for line in new_lines:
                if any(p in line for p in _WORK_PREDICATES):
                    for quad in ox.parse(line, format=ox.RdfFormat.N_QUADS):
                        _note(quad.triple, works, entities)
        t1 = time.perf_counter()
        seconds["drop"] = t1 - t0 - seconds.get("static difference", 0.0)
        loads += [(read_document(s), graph_of[s]) for s in change.added + change.changed if s not in previous_data]
        if static_added:
            loads.append((static_added, None))
        if change.candidates and candidates:
            loads.append((candidates, candidates_graph))
        for triple in touched:
            _note(triple, works, entities)
        inserted = added = 0
        restated: set[ox.Triple] = set()
        for data, graph_iri in loads:
            merged = (data.replace(f" <{graph_iri}> .\n".encode(), b" .\n") if graph_iri
                      else _GRAPH_LABEL.sub(b" .", data))
            # Counted before the load, so the generation's size needs no scan of the store. A
            # triple a dropped graph stated was in the default graph: no lookup needed for it.
            for quad in ox.parse(merged, format=ox.RdfFormat.N_QUADS):
                triple = quad.triple
                _note(triple, works, entities)
                if triple in touched:
                    restated.add(triple)
                elif quad not in store:
                    added += 1
            # One load per graph with its default-graph copy: blank node labels (the ontology's)
            # name the same node in both.
            store.load(data + merged, format=ox.RdfFormat.N_QUADS)
            inserted += len(data)
        if static_blank:
            for quad in ox.parse(_GRAPH_LABEL.sub(b" .", static_blank), format=ox.RdfFormat.N_QUADS):
                _note(quad.triple, works, entities)
                if quad.triple in touched:
                    restated.add(quad.triple)
                elif quad not in store:
                    added += 1
            load_static_blank(store, static_blank)
            inserted += len(static_blank)
        t2 = time.perf_counter()
        seconds["load"] = t2 - t1
        # A triple no graph states any more leaves the default graph; one a new graph restates
        # stays without asking the store.
        removed = correct_default_graph(store, touched - restated)
        t3 = time.perf_counter()
        seconds["default graph"] = t3 - t2
        store.flush()
    finally:
        del store
    return {"dropped_graphs": len(drop), "changed_by_lines": len(previous_data), "lines_removed": lines_removed,
            "candidates": len(change.candidates), "touched_triples": len(touched),
            "static_removed": len(static_removed), "static_added": (static_added + static_blank).count(b"\n"),
            "static_ground_removed": sum(map(_ground, static_removed)),
            "static_ground_added": static_added.count(b"\n"),
            # how the old blank-node statements were found: by the labels kept beside the
            # previous generation, or by a query a graph (a generation made before they were kept)
            "static_blank_by": (None if not (change.static and static is not None)
                                else "kept labels" if old_static is None or old_labels_kept else "query"),
            "default_removed": removed,
            "loaded_bytes": inserted, "default_added": added,
            "seconds": {k: round(v, 3) for k, v in seconds.items()}, "works": sorted(works),
            "entities": sorted(entities)}


def keep_static(generation: Path, data: bytes | None, previous_generation: Path | None = None) -> None:
    """Keep the ontology and vocabulary graphs' N-Quads beside the generation (`data`, whose
    blank-node statements the build loaded with load_static_blank; None: unchanged, the previous
    generation's file is linked), so the next edit of those files is compared with them as text
    instead of by reading ~40,000 quads out of the store."""
    target, marker = Path(generation) / STATIC_NAME, Path(generation) / STATIC_LABELS_NAME
    if data is not None:
        tmp = target.with_name(f".{STATIC_NAME}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        marker.touch()
        return
    if previous_generation is None:
        return
    for name in (STATIC_NAME, STATIC_LABELS_NAME):
        try:
            os.link(Path(previous_generation) / name, Path(generation) / name)
        except OSError:  # none there (an older generation), or another file system
            try:
                shutil.copyfile(Path(previous_generation) / name, Path(generation) / name)
            except OSError:
                pass


def static_labels_kept(generation: Path | None) -> bool:
    return generation is not None and (Path(generation) / STATIC_LABELS_NAME).is_file()


def read_static(generation: Path | None) -> bytes | None:
    try:
        return (Path(generation) / STATIC_NAME).read_bytes() if generation is not None else None
    except OSError:
        return None


def static_difference(store: ox.Store, new: bytes, old: bytes | None, graphs: list[str],
                      labels_kept: bool = False) -> tuple[list[ox.Quad], bytes, bytes]:
    """(quads to remove, N-Quads to add without and with blank nodes) to turn the ontology and vocabulary graphs of `store`
    into `new`: a label edit writes one quad, not the ~40,000 of both graphs. `old` is what the
    previous build kept (keep_static); without it the store's graphs are read. Statements
    with a blank node cannot be compared across two parses (the parser names blank nodes
    afresh), so all of those are replaced: the ontology's few hundred restrictions and lists.
    With `labels_kept` the old file's blank nodes are the store's own, so they are removed as
    written there; else they are found with one query a graph (~1 s each at 2,000 documents)."""
    if old is None:
        old = ox.serialize([q for iri in graphs for q in store.quads_for_pattern(None, None, None, ox.NamedNode(iri))],
                           format=ox.RdfFormat.N_QUADS)
        labels_kept = True   # read from the store just now
    new_ground, new_blank = _split_blank(new)
    old_ground, old_blank = _split_blank(old)
    removed = list(ox.parse(b"".join(sorted(old_ground - new_ground)), format=ox.RdfFormat.N_QUADS))
    if labels_kept:
        removed += ox.parse(b"".join(old_blank), format=ox.RdfFormat.N_QUADS)
    else:
        for iri in graphs:  # one query a graph: with the graph a constant Oxigraph reads only its quads
            removed += [ox.Quad(r["s"], r["p"], r["o"], ox.NamedNode(iri)) for r in store.query(
                f"SELECT ?s ?p ?o WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o FILTER (isBlank(?s) || isBlank(?o)) }} }}")]
    return removed, b"".join(sorted(new_ground - old_ground)), b"".join(new_blank)


def _line_set(nquads: bytes) -> set[bytes]:
    return {line if line.endswith(b"\n") else line + b"\n" for line in nquads.splitlines(keepends=True) if line.strip()}


def blank_lines(nquads: bytes) -> tuple[bytes, bytes]:
    """(the lines without a blank node, those with one)."""
    ground, blank = _split_blank(nquads)
    return b"".join(sorted(ground)), b"".join(blank)


def load_static_blank(store: ox.Store, blank: bytes) -> None:
    """The ontology's blank-node statements, in their graphs and the default graph, with the
    labels they have in the kept N-Quads: `Store.load` would name them afresh, and the next edit
    could then find them only by a query."""
    store.extend(ox.parse(blank + _GRAPH_LABEL.sub(b" .", blank), format=ox.RdfFormat.N_QUADS))


def _split_blank(nquads: bytes) -> tuple[set[bytes], list[bytes]]:
    """The lines without a blank node (a set), and those with one."""
    ground, blank = set(), []
    for line in nquads.splitlines(keepends=True):
        if not line.strip():
            continue
        if b"_:" in line and _has_blank(line):  # "_:" may also stand inside a literal
            blank.append(line)
        else:
            ground.add(line if line.endswith(b"\n") else line + b"\n")
    return ground, blank


def _ground(quad: ox.Quad) -> bool:
    return not isinstance(quad.subject, ox.BlankNode) and not isinstance(quad.object, ox.BlankNode)


def _has_blank(line: bytes) -> bool:
    quad = next(iter(ox.parse(line, format=ox.RdfFormat.N_QUADS)))
    return isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)


def _note(triple: ox.Triple, works: set[str], entities: set[str]) -> None:
    """The works a dropped or loaded graph speaks of, and the entities whose labels it may
    change: their search index entries are made again."""
    p = triple.predicate
    if p == _COMPONENT_OF and isinstance(triple.object, ox.NamedNode):
        works.add(triple.object.value)
    elif p == _HAS_ABSTRACT and isinstance(triple.subject, ox.NamedNode):
        works.add(triple.subject.value)
    elif p in _LABELLING and isinstance(triple.subject, ox.NamedNode):
        entities.add(triple.subject.value)
    elif p == _HAS_BODY and isinstance(triple.object, ox.NamedNode):
        entities.add(triple.object.value)


def correct_default_graph(store: ox.Store, touched) -> int:
    """Remove from the default graph each of `touched` that no named graph states; returns how
    many. A quad-index lookup per triple: one SPARQL update (VALUES + FILTER NOT EXISTS) was
    not clearly faster (scripts/bench_incremental.py, figures in the README), does not say how
    many it removed, and finding them with a SPARQL SELECT first costs as much as the lookups."""
    removed = 0
    for triple in touched:
        if not _stated_in_a_named_graph(store, triple):
            store.remove(ox.Quad(triple.subject, triple.predicate, triple.object, ox.DefaultGraph()))
            removed += 1
    return removed


def _stated_in_a_named_graph(store: ox.Store, triple: ox.Triple) -> bool:
    for quad in store.quads_for_pattern(triple.subject, triple.predicate, triple.object, None):
        if not isinstance(quad.graph_name, ox.DefaultGraph):
            return True
    return False

