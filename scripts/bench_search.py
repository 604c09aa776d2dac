#!/usr/bin/env python3
"""Search on a generated store: engine choice, latency and relevance.

    dkg generate --count 2000 /tmp/corpus && dkg build --seeds /tmp/corpus --store /tmp/store
    python scripts/bench_search.py --store /tmp/store            # the seed of the corpus: --seed 0
    python scripts/bench_search.py --store /tmp/store --json out.json --repeat 20

Printed, on the store's current generation:
1. Engines: the same pre-stemmed texts indexed by SQLite FTS5 (what `server/search` uses) and by
   tantivy (PyPI `tantivy`, if installed): build time, size, and p50/p95 of the 20 gold queries'
   word part (BM25 top 10, no concepts, no snippets), so the two do the same work.
2. Search: `SearchIndex.search` (words + concepts + snippets, top 10): p50/p95 over the gold
   queries × --repeat.
3. Search joined with a graph pattern: a SPARQL query with the SERVICE search block and graph
   patterns, evaluated the way the endpoint does it (search_pattern.evaluate, then the store),
   in this process (no HTTP): p50/p95.
4. Relevance: precision at 10 on tests/gold/search/queries.json. A work is relevant when its
   generator plan (server/generator/corpus.py plan_work, the ground truth) holds the judged entry.
Timings are wall clock: run it on a quiet machine.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from dissertation_kg.server.endpoint.search_pattern import evaluate  # noqa: E402
from dissertation_kg.server.generator import lexicon as L  # noqa: E402
from dissertation_kg.server.generator.corpus import plan_work  # noqa: E402
from dissertation_kg.server.search.analysis import stems  # noqa: E402
from dissertation_kg.server.search.index import INDEX_NAME, SearchIndex, build_index  # noqa: E402
from dissertation_kg.server.store.engines import OxigraphStore  # noqa: E402
from dissertation_kg.server.store.location import StoreLocation  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "search" / "queries.json"
JOIN = """PREFIX dkgs: <https://w3id.org/dissertation-kg/search#>
PREFIX dkg: <https://w3id.org/dissertation-kg/ontology#>
PREFIX fabio: <http://purl.org/spar/fabio/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?work ?score ?code (COUNT(?provision) AS ?provisions) WHERE {
  SERVICE <https://w3id.org/dissertation-kg/search> {
    ?hit dkgs:query %s ; dkgs:work ?work ; dkgs:score ?score ; dkgs:limit 100 .
  }
  ?work fabio:hasDiscipline ?specialty .
  ?specialty skos:notation ?code .
  OPTIONAL { ?work dkg:hasProvision ?provision }
} GROUP BY ?work ?score ?code ORDER BY DESC(?score) LIMIT 20"""

_FIELDS = {"theory": ("theories", L.THEORIES), "method": ("methods", L.METHODS), "partner": ("partner", L.PARTNERS),
           "region": ("region", L.REGIONS), "initiative": ("initiative", L.INITIATIVES)}


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def plan_index_of_works(store) -> dict[str, int]:
    """Work IRI → the generator's work index, from the file names `dkg generate` writes
    (`0012_en.txt`): works found in one language only get a hashed IRI, not the plan's id."""
    rows = store.query("""PREFIX dkg: <https://w3id.org/dissertation-kg/ontology#>
        SELECT ?work ?file WHERE { ?work dkg:hasAbstract ?a . ?a dkg:sourceDocument ?d . ?d dkg:fileName ?file }""")
    out = {}
    for row in rows:
        stem = row["file"].value.split("_", 1)[0]
        if stem.isdigit():
            out[row["work"].value] = int(stem)
    return out


def relevant(judge: dict, work_iri: str, seed: int, index_of: dict, cache: dict) -> bool:
    index = index_of.get(work_iri)
    if index is None:
        name = work_iri.rsplit("/", 1)[-1]
        if not name.startswith(f"synth-s{seed}-"):
            return False
        index = int(name.rsplit("-", 1)[-1])
    plan = cache.get(index) or cache.setdefault(index, plan_work(seed, index))
    (field, entry), = judge.items()
    attr, table = _FIELDS[field]
    position = [row[0] for row in table].index(entry)
    value = getattr(plan, attr)
    return position in value if isinstance(value, list) else position == value


def word_query(index: SearchIndex, text: str) -> str:
    """The FTS5 expression SearchIndex uses for the words of `text` (all words, per language)."""
    terms = index._terms(text, None)
    return " OR ".join(f"{lang} : ({' AND '.join(chr(34) + t + chr(34) for t in ts)})" for lang, ts in terms.items())


def bench_engines(index: SearchIndex, queries: list[str], repeat: int) -> dict:
    out = {}
    db = index._db()
    # FTS5: the index as built.
    size = index.path.stat().st_size
    times = []
    for _ in range(repeat):
        for q in queries:
            t0 = time.perf_counter()
            list(db.execute("SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT 10", (word_query(index, q),)))
            times.append((time.perf_counter() - t0) * 1000)
    rows = list(db.execute("SELECT id, lang, text FROM docs"))
    tmp_db = Path(tempfile.mkdtemp(prefix="bench-fts5-")) / "fts.sqlite"
    t0 = time.perf_counter()  # the same work as tantivy below: stem the rows, index them
    fts = sqlite3.connect(tmp_db)
    fts.execute("CREATE VIRTUAL TABLE fts USING fts5(en, ru, kk, content='', columnsize=1, "
                "tokenize='unicode61 remove_diacritics 0')")
    fts.executemany("INSERT INTO fts (rowid, en, ru, kk) VALUES (?,?,?,?)",
                    ((rowid, *(" ".join(stems(text, lang)) if lang == col else None for col in ("en", "ru", "kk")))
                     for rowid, lang, text in rows))
    fts.execute("INSERT INTO fts (fts) VALUES ('optimize')")
    fts.commit()
    fts.close()
    build = time.perf_counter() - t0
    out["fts5"] = {"p50_ms": pct(times, .5), "p95_ms": pct(times, .95), "fts_mb": tmp_db.stat().st_size / 1e6,
                   "whole_index_file_mb": size / 1e6, "build_s_from_stemmed_rows": build}
    shutil.rmtree(tmp_db.parent, ignore_errors=True)
    try:
        import tantivy
    except ImportError:
        out["tantivy"] = "not installed (pip install tantivy)"
        return out
    tmp = Path(tempfile.mkdtemp(prefix="bench-tantivy-"))
    try:
        t0 = time.perf_counter()
        sb = tantivy.SchemaBuilder()
        sb.add_integer_field("id", stored=True)
        for lang in ("en", "ru", "kk"):
            sb.add_text_field(lang, stored=False, tokenizer_name="default")
        schema = sb.build()
        tindex = tantivy.Index(schema, path=str(tmp))
        writer = tindex.writer()
        for rowid, lang, text in rows:  # the same stems FTS5 gets
            writer.add_document(tantivy.Document(id=rowid, **{lang: " ".join(stems(text, lang))}))
        writer.commit()
        writer.wait_merging_threads()
        tindex.reload()
        build = time.perf_counter() - t0
        searcher = tindex.searcher()
        times = []
        for _ in range(repeat):
            for q in queries:
                terms = index._terms(q, None)
                t0 = time.perf_counter()
                expr = " OR ".join("(" + " AND ".join(f'{lang}:"{t}"' for t in ts) + ")" for lang, ts in terms.items())
                parsed = tindex.parse_query(expr, ["en", "ru", "kk"])
                searcher.search(parsed, 10).hits
                times.append((time.perf_counter() - t0) * 1000)
        size = sum(p.stat().st_size for p in tmp.rglob("*") if p.is_file())
        out["tantivy"] = {"p50_ms": pct(times, .5), "p95_ms": pct(times, .95), "index_mb": size / 1e6,
                          "build_s_from_stemmed_rows": build}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", required=True, help="a store directory built by `dkg build` from `dkg generate` output")
    ap.add_argument("--seed", type=int, default=0, help="the seed the corpus was generated with")
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--reindex", action="store_true", help="build the search index again first (timed)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()

    generation = StoreLocation(args.store).current()
    if generation is None:
        print(f"{args.store}: no generation; run `dkg build --seeds CORPUS --store {args.store}` first", file=sys.stderr)
        return 2
    store = OxigraphStore(generation)
    path = generation / INDEX_NAME
    report: dict = {"store": str(generation)}
    if args.reindex or not path.is_file():
        report["index_build"] = build_index(store, path)
    index = SearchIndex(path)
    report["index"] = dict(index._db().execute("SELECT key, value FROM meta"))
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["queries"]
    queries = [g["query"] for g in gold]

    report["engines"] = bench_engines(index, queries, args.repeat)

    times = []
    for _ in range(args.repeat):
        for q in queries:
            t0 = time.perf_counter()
            index.search(q, limit=10)
            times.append((time.perf_counter() - t0) * 1000)
    report["search"] = {"p50_ms": pct(times, .5), "p95_ms": pct(times, .95), "n": len(times)}

    times = []
    for _ in range(max(1, args.repeat // 2)):
        for q in queries:
            text = JOIN % json.dumps(q, ensure_ascii=False)
            t0 = time.perf_counter()
            list(store.query(evaluate(text, generation)))
            times.append((time.perf_counter() - t0) * 1000)
    report["search_join"] = {"p50_ms": pct(times, .5), "p95_ms": pct(times, .95), "n": len(times),
                             "query": JOIN % '"…"'}

    plans: dict = {}
    index_of = plan_index_of_works(store)
    per_query = []
    for g in gold:
        hits = index.search(g["query"], limit=10).hits
        good = [relevant(g["judge"], h.work, args.seed, index_of, plans) for h in hits]
        p10 = sum(good) / 10
        per_query.append({"id": g["id"], "query": g["query"], "p@10": p10, "returned": len(hits),
                          "wrong": [h.work.rsplit("/", 1)[-1] for h, ok in zip(hits, good) if not ok]})
    report["relevance"] = {"mean_p@10": statistics.mean(q["p@10"] for q in per_query), "queries": per_query}

    print(f"store: {generation}  ({report['index'].get('texts')} texts, {report['index'].get('labels')} labels, "
          f"{report['index'].get('mentions')} mentions; index built in {report['index'].get('built_seconds')} s)")
    for name, figures in report["engines"].items():
        print(f"engine {name:8}: {figures}")
    print(f"search (words+concepts+snippets, top 10): p50 {report['search']['p50_ms']:.1f} ms, "
          f"p95 {report['search']['p95_ms']:.1f} ms over {report['search']['n']}")
    print(f"search joined with a graph pattern: p50 {report['search_join']['p50_ms']:.1f} ms, "
          f"p95 {report['search_join']['p95_ms']:.1f} ms over {report['search_join']['n']}")
    print(f"precision at 10 (20 gold queries): {report['relevance']['mean_p@10']:.3f}")
    for q in per_query:
        print(f"  {q['p@10']:.1f}  {q['id']:26} {q['query']!r:34} wrong: {', '.join(q['wrong'][:5])}")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
