"""What every entity page needs, computed once per store generation for all entries at once.

An entry's page shows the works that mention it (most mentioning parts first), the entries
mentioned in the same works and the works per year. Asked per page, these read every mention
of the entry: a country is mentioned by thousands of parts, and the page took 3 s on a
1,000-document store. Two aggregate queries over the whole graph give all of it for every
entry (one row per entry and work, one per dated work); co-occurrence is counted here from
those rows. The words quoted around each mention of the parts shown (a prefix, the exact words
and a suffix per language of the part) and each part's kind are read then too, a few batched
queries for all entries, so a page asks the store only for the entry's names and the labels
it shows. The result is one JSON file per generation in the generation's artefacts folder
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


from dissertation_kg.server.publishing.reader.sparql import DKG, WORK_YEAR, integer, iri, language_code, rows

VERSION = 4  # bump when compute() changes, so saved figures are recomputed
FILE_NAME = f"reader-mentions-v{VERSION}.json"
WORKS_KEPT = 25        # works listed per entry (the page shows them all)
COOCCURRING_KEPT = 20  # co-occurring entries kept per entry
QUOTED_PARTS = 3       # parts of one work quoted with a snippet; the others are named
REMOTE_TTL = 300.0
BATCH = 200            # IRIs per VALUES block when reading the quotes
QUOTE_CONTEXT = 32     # characters shown on each side of a quoted mention


@dataclass(frozen=True)
class EntityFigures:
    total_works: int
    total_parts: int
    works: list[tuple[str, int]]        # (work, parts mentioning the entry), most parts first
    cooccurring: list[tuple[str, int]]  # (other entry, works mentioning both), most first
    per_year: list[tuple[int, int]]     # (year, works), in year order
    undated: int                        # mentioning works without a year
    quoted: dict[str, list[str]]        # work shown → the parts of it quoted on the page
    # part quoted → its kind (a dkg: class) and its quotes, one per mention of the entry in the
    # part (a part has a text per language), each [language code, prefix, exact, suffix], in
    # the order of their mentions' IRIs
    quotes: dict[str, dict]


NOTHING = EntityFigures(0, 0, [], [], [], 0, {}, {})


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
    quotes, kinds = _quotes(store, {(e, c) for e, f in out.items() for cs in f["quoted"].values() for c in cs})
    for e, f in out.items():
        f["quotes"] = {c: {"kind": kinds.get(c, ""), "quotes": quotes.get((e, c), [])}
                       for cs in f["quoted"].values() for c in cs}
    return out


def _quotes(store, pairs: set[tuple[str, str]]) -> tuple[dict[tuple[str, str], list[list[str]]], dict[str, str]]:
    """(entry, part) → the mention's words in each language of the part; part → its kind.

    The parts are given (VALUES): starting from the entries' mentions would read all of them.
    Contexts, mentions, texts and kinds are read apart, without OPTIONAL: Oxigraph evaluated an
    OPTIONAL over every match in the store and joined afterwards. The words around a mention
    are cut from its context's text (the mention states its offsets in it)."""
    parts = sorted({c for _, c in pairs})
    contexts: dict[str, tuple[str, str]] = {}  # context → (part, language code)
    for chunk in _chunks(parts):
        for r in rows(store, f"""SELECT ?c ?x ?l WHERE {{ VALUES ?c {{ {chunk} }}
                ?x nif:sourceUrl ?c ; dcterms:language ?l }}"""):
            contexts[r["x"].value] = (r["c"].value, language_code(r["l"]) or "")
    found: dict[str, tuple] = {}  # mention → (entry, part, language, exact, begin, end, context)
    for chunk in _chunks(sorted(contexts)):
        for r in rows(store, f"""SELECT ?x ?m ?e ?exact ?b ?end WHERE {{ VALUES ?x {{ {chunk} }}
                ?m nif:referenceContext ?x ; itsrdf:taIdentRef ?e ; nif:anchorOf ?exact ;
                   nif:beginIndex ?b ; nif:endIndex ?end }}"""):
            part, lang = contexts[r["x"].value]
            if (r["e"].value, part) in pairs:
                found[r["m"].value] = (r["e"].value, part, lang, r["exact"].value, integer(r["b"]),
                                       integer(r["end"]), r["x"].value)
    texts: dict[str, str] = {}
    for chunk in _chunks(sorted({f[6] for f in found.values()})):
        for r in rows(store, f"""SELECT ?x ?s WHERE {{ VALUES ?x {{ {chunk} }} ?x nif:isString ?s }}"""):
            texts[r["x"].value] = r["s"].value
    quotes: dict[tuple[str, str], list[list[str]]] = defaultdict(list)
    for m in sorted(found):
        entry, part, lang, exact, begin, end, context = found[m]
        text = texts.get(context, "")
        prefix = text[max(0, begin - QUOTE_CONTEXT):begin] if begin is not None else ""
        suffix = text[end:end + QUOTE_CONTEXT] if end is not None else ""
        quotes[(entry, part)].append([lang, prefix, exact, suffix])
    kinds: dict[str, str] = {}
    for chunk in _chunks(parts):
        for r in rows(store, f"""SELECT ?c ?kind WHERE {{ VALUES ?c {{ {chunk} }} ?c a ?kind
                FILTER(STRSTARTS(STR(?kind), "{DKG}") && ?kind != dkg:WorkComponent) }} ORDER BY ?kind"""):
            kinds.setdefault(r["c"].value, r["kind"].value)
    return quotes, kinds


def _chunks(iris: list[str]):
    for start in range(0, len(iris), BATCH):
        yield " ".join(iri(i) for i in iris[start:start + BATCH])


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
                             raw["undated"], raw["quoted"], raw["quotes"])

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
