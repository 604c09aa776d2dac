#!/usr/bin/env python3
"""Curator edits on an N-document store: the incremental path against the full build, in one run.

    python scripts/bench_incremental.py --size 1000
    python scripts/bench_incremental.py --size 10000 --workdir /tmp/bench-inc --keep

`generate_corpus` writes N abstracts and the ontology is copied beside them; every build runs in
a child process with DKG_ONTOLOGY pointing at that copy (as the server's rebuilds do: the linker
reads the vocabularies once per process), so each figure includes starting Python. In order:

  full build       an empty store, no cache: every document parsed, mapped, validated, loaded
  add one          one more abstract (generated with another seed)
  today's path     the same state again with --full: what every edit cost before (cache on)
  edit one         one sentence of one abstract changed
  alias 1 %        an alias added to a vocabulary entry: the unknown name (from the candidates
                   graph) found in the number of documents closest to 1 % of N; when none is in
                   half that many, an invented name is first written into 1 % of the documents
                   (English ones, a paragraph of the first section) and built, untimed as a goal
  ontology label   an rdfs:label of dkg:Provision changed

Printed: seconds, the ratio to the full build of this run (goal ≤ 0.05 and < 10 s), the path
taken and what it changed, and where the time went.

With --loop the edits go through the server's curators' loop (server/curation/rebuild.py) as a
curator's saves do: each is timed from the request to the switch to the new generation, run by
the loop's warm spare process, after a pause in which the spare gets ready.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CANDIDATES = "https://w3id.org/dissertation-kg/graph/candidates"


def child(corpus: str, store: str, full: str) -> None:
    from dissertation_kg.server.build.pipeline import build

    started = time.perf_counter()
    s = build(corpus, store, progress=False, full=full == "full")
    wall = time.perf_counter() - started
    changes = s.changes or {}
    print(json.dumps({"wall": wall, "path": s.path, "reason": s.full_reason, "documents": s.documents,
                      "triples": s.triples, "rejected": len(s.rejected), "timings": s.timings,
                      "changed": {k: (len(v) if isinstance(v, list) else v) for k, v in changes.items() if k != "store"},
                      "store": changes.get("store"), "relinked": s.relinked}))


def _run(corpus: Path, store: Path, ontology: Path, *, full: bool = False) -> dict:
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, __file__, "--child", str(corpus), str(store), "full" if full else "-"],
                          capture_output=True, text=True, env={**os.environ, "DKG_ONTOLOGY": str(ontology)})
    if proc.returncode != 0:
        sys.exit(f"build failed:\n{proc.stderr[-3000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["process_wall"] = time.perf_counter() - started
    return out


LOOP_PAUSE = 15.0   # seconds between a curator's saves: the spare rebuild process is warm by then


def _run_loop(rebuilder) -> dict:
    time.sleep(LOOP_PAUSE)
    started = time.perf_counter()
    attempt = rebuilder.wait(rebuilder.request("edit"), 3600)
    wall = time.perf_counter() - started
    if attempt is None or attempt["outcome"] != "switched":
        sys.exit(f"the rebuild did not switch: {attempt}")
    rec = attempt["record"]
    changes = rec.get("changes") or {}
    return {"wall": wall, "process_wall": wall, "path": rec["path"], "reason": rec["full_reason"],
            "documents": rec["documents"], "triples": rec["triples"], "rejected": len(rec["rejected"]),
            "timings": rec.get("timings", {}), "process": attempt.get("process"),
            "changed": {k: (len(v) if isinstance(v, list) else v) for k, v in changes.items() if k != "store"},
            "store": changes.get("store"), "relinked": rec.get("relinked")}


def _alias_candidate(store: Path, target: int) -> tuple[str, str, int]:
    """The unknown name found in the number of documents closest to `target`."""
    import pyoxigraph as ox

    from dissertation_kg.server.store.location import StoreLocation

    db = ox.Store.read_only(str(StoreLocation(store).current()))
    rows = db.query(f"""SELECT ?label (COUNT(DISTINCT ?src) AS ?n) WHERE {{ GRAPH <{CANDIDATES}> {{
        ?c <http://www.w3.org/2000/01/rdf-schema#label> ?label ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?src }} }}
        GROUP BY ?label""")
    # Names of plain words (a citation's "Journal // Series" is not linked as a name).
    found = [(r["label"].value, r["label"].language, int(r["n"].value)) for r in rows
             if re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)+", r["label"].value)]
    del db
    if not found:
        sys.exit("the built store has no candidates graph: no unknown name to add as an alias")
    return min(found, key=lambda f: (abs(f[2] - target), f[0]))


def correction_methods(store: Path, documents: int = 10) -> str:
    """The default graph's correction after dropping `documents` document graphs, two ways, each
    on its own checkpoint of the served generation: a quad-index lookup per touched triple from
    Python (what the build does), and one SPARQL update with FILTER NOT EXISTS over the touched
    triples as VALUES. Both must leave the same number of quads."""
    import pyoxigraph as ox

    from dissertation_kg.server.build import incremental
    from dissertation_kg.server.store.location import StoreLocation

    served = StoreLocation(store).current()
    source = ox.Store.read_only(str(served))
    graphs = sorted(g.value for g in source.named_graphs() if "/graph/source/" in g.value)[:documents]
    del source
    out, sizes = [], []
    for method in ("SPARQL", "quad API", "SPARQL", "quad API"):
        scratch = Path(tempfile.mkdtemp(prefix="dkg-correction-")) / "db"
        ox.Store.read_only(str(served)).backup(str(scratch))
        db = ox.Store(str(scratch))
        touched = set()
        for iri in graphs:
            touched |= {q.triple for q in db.quads_for_pattern(None, None, None, ox.NamedNode(iri))}
            db.remove_graph(ox.NamedNode(iri))
        started = time.perf_counter()
        if method == "quad API":
            incremental.correct_default_graph(db, touched)
        else:  # no blank nodes in document graphs: every triple can be written in the query
            rows = " ".join(f"({t.subject} {t.predicate} {t.object})" for t in touched)
            db.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?s ?p ?o) {{ {rows} }} "
                      "FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")
        seconds = time.perf_counter() - started
        sizes.append(len(db))
        out.append(f"{method} {seconds:.2f} s")
        del db
        shutil.rmtree(scratch.parent, ignore_errors=True)
    same = "same result" if len(set(sizes)) == 1 else f"DIFFERENT results ({sizes})"
    return f"default-graph correction for {len(touched):,} touched triples ({documents} documents dropped): " \
           + ", ".join(out) + f"; {same}"


PLANTED = "Karatau Innovation Cluster"


def _plant(texts: list[Path], share: int) -> int:
    """An unknown organisation's name written into `share` English abstracts, as a paragraph of
    their first section, so that the alias edit touches 1 % of the corpus as the goal says; the
    documents that hold it already (an earlier --resume) count. Returns how many were written now."""
    english = [p for p in texts if p.stem.endswith("_en")]
    have = [p for p in english if PLANTED in p.read_text(encoding="utf-8")]
    written = 0
    for path in english:
        if len(have) + written >= share:
            break
        text = path.read_text(encoding="utf-8")
        if PLANTED in text or "\n" not in text:
            continue
        head, rest = text.split("\n", 1)
        path.write_text(f"{head}\nThe {PLANTED} supported the fieldwork of this research.\n{rest}", encoding="utf-8")
        written += 1
    return written


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    if old not in text:
        if new in text:  # --resume: an earlier run made this edit, so undo it
            old, new = new, old
        else:
            sys.exit(f"{path}: {old!r} not found")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(*sys.argv[2:5])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the corpus and store")
    parser.add_argument("--loop", action="store_true",
                        help="run the edits through the server's curators' loop (its warm spare process)")
    parser.add_argument("--resume", action="store_true",
                        help="the edits again on --workdir's store, against the full build recorded there "
                             "(full.json): the full build at 10,000 documents takes hours on a shared machine")
    args = parser.parse_args()
    from dissertation_kg.mappings.resources import ontology_dir
    from dissertation_kg.server.generator.corpus import generate_corpus

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="dkg-bench-inc-"))
    corpus, store, ontology, extra = (workdir / n for n in ("corpus", "store", "ontology", "extra"))
    if args.resume and not (workdir / "full.json").is_file():
        sys.exit(f"{workdir / 'full.json'} not found: run once without --resume first")
    if args.resume:  # the store's own size, not --size's default: the alias is chosen as a share of it
        args.size = json.loads((workdir / "full.json").read_text()).get("documents") or args.size
    if not args.resume:
        for path in (corpus, store, ontology):
            shutil.rmtree(path, ignore_errors=True)
        generate_corpus(corpus, args.size, args.seed)
        shutil.copytree(ontology_dir(), ontology, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.rmtree(extra, ignore_errors=True)
    added_before = len(list(corpus.glob("added*_*.txt")))
    generate_corpus(extra, 1, args.seed + 1000 + added_before)
    texts = sorted(p for p in corpus.glob("*.txt") if not p.name.startswith("added"))
    rows = []

    rebuilder = None

    def step(name: str, **kw) -> dict:
        nonlocal rebuilder
        print(f"[{args.size}] {name} …", file=sys.stderr, flush=True)
        if args.loop and not kw and name != "full build":
            if rebuilder is None:
                from dissertation_kg.server.config import ServerConfig
                from dissertation_kg.server.curation.rebuild import Rebuilder

                rebuilder = Rebuilder(ServerConfig(store=store, seeds=corpus, ontology=ontology))
                with rebuilder._cond:
                    rebuilder._start_loop()
            r = _run_loop(rebuilder)
            name += f" (curators' loop, {r['process']} process)"
        else:
            r = _run(corpus, store, ontology, **kw)
        rows.append((name, r))
        print(f"[{args.size}] {name}: {r['process_wall']:.1f} s, {r['path']} ({r['reason'] or r['changed']})",
              file=sys.stderr, flush=True)
        return r

    if args.resume:
        full = json.loads((workdir / "full.json").read_text())
        rows.append(("full build (recorded in full.json)", full))
    else:
        full = step("full build")
        (workdir / "full.json").write_text(json.dumps(full))
    new = next(extra.glob("*.txt"))
    shutil.copy(new, corpus / f"added{added_before or ''}_{new.name}")
    step("add one document")
    if not args.resume:
        step("today's path (--full, cache on)", full=True)
    target = next(p for p in texts if "the " in p.read_text(encoding="utf-8"))
    _replace(target, "the ", "this ")
    step("edit one document")
    share = max(1, round(args.size / 100))
    label, lang, n = _alias_candidate(store, share)
    if n < share / 2:  # the generator's unknown names are rarer than 1 %: plant one in 1 % of the documents
        label, lang = PLANTED, "en"
        n = _plant(texts, share)
        if n:
            step(f"(not a goal) plant “{PLANTED}” in {n} more documents, {n / args.size:.1%}")
        n = sum(PLANTED in p.read_text(encoding="utf-8") for p in texts)
    _replace(ontology / "vocabularies" / "initiatives.ttl", '"AI Concept for 2024–2029"@en ,',
             f'"AI Concept for 2024–2029"@en ,\n        {json.dumps(label, ensure_ascii=False)}@{lang} ,')
    alias = step(f"alias “{label}” (candidate in {n} documents, {n / args.size:.1%})")
    if not alias["changed"].get("changed"):
        print(f"[{args.size}] warning: the alias changed no document's quads", file=sys.stderr, flush=True)
    _replace(ontology / "dkg.ttl", '"provision for defense"@en', '"provision put forward for defence"@en')
    step("ontology label")

    if rebuilder is not None:
        rebuilder.stop()
    base = full["process_wall"]
    print(f"\n{args.size} generated documents, {full['triples']:,} triples in the default graph; "
          f"ratios against the full build of this run ({base:.1f} s)\n")
    print("| step | seconds | ÷ full build | path | changed | where the time went (s) |")
    print("|---|---:|---:|---|---|---|")
    for name, r in rows:
        changed = r["reason"] or ", ".join(f"{k} {v}" for k, v in r["changed"].items() if v)
        if r.get("relinked"):
            changed += (f"; vocabulary edit: {r['relinked']['labels']} labels touched, "
                        f"{r['relinked']['documents']} documents linked again")
        t = r["timings"]
        where = ", ".join(f"{k} {t[k]:.1f}" for k in ("parse", "process", "compare", "checkpoint", "static graphs",
                                                      "candidates graph", "load", "search index") if k in t)
        if r.get("store"):
            where += "; store: " + ", ".join(f"{k} {v:.2f}" for k, v in r["store"]["seconds"].items())
        print(f"| {name} | {r['process_wall']:.1f} | {r['process_wall'] / base:.3f} | {r['path']} | {changed} | {where} |")
    print("\n" + correction_methods(store))
    if not args.keep and args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
