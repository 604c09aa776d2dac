#!/usr/bin/env python3
"""What the stored graph's layout costs: the same corpus loaded five ways, in one run.

    python scripts/bench_graph_layout.py --generation .dkg/store/current
    python scripts/bench_graph_layout.py --size 1000 --workdir /tmp/layout   # builds one first

Issue #15 asked to measure the alternatives to the two largest parts of the store before changing
the model: the mention layer and the merged default graph (every statement stored a second time,
so that the default graph is the set merge of the named graphs; Oxigraph's own union default
graph is a multiset). The measurement chose NIF (ontology 0.4.0). From the named graphs of a built
generation, of either model, this script writes every mention five ways:

- `web-annotation`: a W3C Web Annotation, as ontology 0.3.0 wrote it (an annotation, a specific
  resource, a quote and a position selector: ~17 statements), with the merged default graph;
- `web-annotation-union`: the same, named graphs only, queried with Oxigraph's union default graph;
- `lean-web-annotation`: Web Annotation without the statements another one implies: a quote's
  `oa:prefix` and `oa:suffix` (the text and the offsets give them), the annotation's
  `oa:motivatedBy` (always `oa:identifying`) and its `prov:wasDerivedFrom` (its named graph says
  it); merged default graph;
- `nif`: one NIF 2.0 string per mention (`nif:beginIndex`, `nif:endIndex`, `nif:anchorOf`,
  `nif:referenceContext`, `itsrdf:taIdentRef`) in a `nif:Context` per part and language, what
  `dkg build` stores since 0.4.0; merged default graph;
- `nif-union`: the same, named graphs only;

and bulk-loads each (and compacts it, as the build does) in a child process, the layouts in turn,
`--repeats` times. Printed: quads, N-Quads bytes, load seconds (median) and their ratio to
`web-annotation`, the store's size on disk, and the time of three queries per layout (a mention count per
entity class, the works of one entity with the quoted words, the works that lack provisions).
For the union layouts it also counts the triples the multiset union sees twice (a work's
statements made by each of its translations): what COUNT and SUM would over-count.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OA = "http://www.w3.org/ns/oa#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITSRDF = "http://www.w3.org/2005/11/its/rdf#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
DCT_LANGUAGE = "http://purl.org/dc/terms/language"
LAYOUTS = ("web-annotation", "web-annotation-union", "lean-web-annotation", "nif", "nif-union")
QUOTE_CONTEXT = 32  # characters of oa:prefix / oa:suffix, as the Web Annotation layout wrote them

QUERIES = {
    "oa": {
        "mentions per class": """PREFIX oa: <http://www.w3.org/ns/oa#>
            SELECT ?class (COUNT(?a) AS ?n) { ?a oa:hasBody ?e . ?e a ?class } GROUP BY ?class""",
        "one entity's quotes": """PREFIX oa: <http://www.w3.org/ns/oa#>
            SELECT ?source ?exact ?start { ?a oa:hasBody <ENTITY> ; oa:hasTarget ?t . ?t oa:hasSource ?source ;
              oa:hasSelector ?q, ?p . ?q oa:exact ?exact . ?p oa:start ?start }""",
    },
    "nif": {
        "mentions per class": f"""PREFIX itsrdf: <{ITSRDF}>
            SELECT ?class (COUNT(?a) AS ?n) {{ ?a itsrdf:taIdentRef ?e . ?e a ?class }} GROUP BY ?class""",
        "one entity's quotes": f"""PREFIX nif: <{NIF}> PREFIX itsrdf: <{ITSRDF}>
            SELECT ?source ?exact ?start {{ ?a itsrdf:taIdentRef <ENTITY> ; nif:referenceContext ?c ;
              nif:anchorOf ?exact ; nif:beginIndex ?start . ?c nif:sourceUrl ?source }}""",
    },
    "both": {
        "works lacking provisions": """PREFIX dkg: <https://w3id.org/dissertation-kg/ontology#>
            SELECT (COUNT(DISTINCT ?w) AS ?n) { ?w dkg:lacks ?gap }""",
    },
}


# --------------------------------------------------------------------------- the layouts


def _named_quads(generation: Path):
    import pyoxigraph as ox

    store = ox.Store.read_only(str(generation))
    for quad in store.quads_for_pattern(None, None, None, None):
        if not isinstance(quad.graph_name, ox.DefaultGraph):
            yield quad


def read_mentions(named: list) -> tuple[dict, list]:
    """Every mention, whichever of the two models the generation was built with, as
    {mention IRI: {entity, part, language, start, end, exact, text, graph}}; and the quads that
    are not part of a mention (a NIF context, or a Web Annotation's target and selectors, is)."""
    target_of, selectors_of = {}, {}
    for q in named:
        p = q.predicate.value
        if p == OA + "hasTarget":
            target_of[q.object] = q.subject
        elif p == OA + "hasSelector":
            selectors_of[q.object] = q.subject
    contexts, context_texts, mentions = {}, {}, {}
    for q in named:
        p, s = q.predicate.value, q.subject
        if p == NIF + "sourceUrl":
            contexts.setdefault(s, {})["part"] = q.object
        elif p == NIF + "isString":
            context_texts[s] = q.object.value
        elif p == DCT_LANGUAGE and s not in target_of:
            contexts.setdefault(s, {})["language"] = q.object
    texts = {}  # (part, language code) → text, for a Web Annotation generation
    for q in named:
        if q.predicate.value.endswith("ontology#text") and q.object.language:
            texts[(q.subject, q.object.language)] = q.object.value
    layer = set(target_of) | set(selectors_of) | set(contexts)
    for q in named:
        p, s = q.predicate.value, q.subject
        key = {OA + "hasBody": "entity", ITSRDF + "taIdentRef": "entity", NIF + "anchorOf": "exact",
               NIF + "beginIndex": "start", NIF + "endIndex": "end", NIF + "referenceContext": "context"}.get(p)
        if s in contexts or s in target_of or s in selectors_of:
            key = None
        if key:
            mentions.setdefault(s, {"graph": q.graph_name})[key] = q.object
        elif s in target_of and p == OA + "hasSource":
            mentions.setdefault(target_of[s], {})["part"] = q.object
        elif s in target_of and p == DCT_LANGUAGE:
            mentions.setdefault(target_of[s], {})["language"] = q.object
        elif s in selectors_of and p in (OA + "start", OA + "end", OA + "exact"):
            mentions.setdefault(target_of[selectors_of[s]], {})[p[len(OA):]] = q.object
    for m in mentions.values():
        if "context" in m:
            context = contexts.get(m["context"], {})
            m.update(part=context.get("part"), language=context.get("language"), text=context_texts.get(m["context"], ""))
        else:
            m["text"] = texts.get((m.get("part"), m.get("language").value.rsplit("/", 1)[-1] if m.get("language") else ""), "")
    layer |= set(mentions)
    return mentions, [q for q in named if q.subject not in layer]


def _web_annotation(mentions: dict, lean: bool) -> list:
    """Each mention as a Web Annotation, as ontology 0.3.0 wrote it (lean: without the prefix,
    suffix, motivation and derivation, which the text, the offsets and the graph imply)."""
    import pyoxigraph as ox

    node, lit, out = ox.NamedNode, ox.Literal, []
    for a, m in mentions.items():
        g, base = m["graph"], a.value
        target, quote, position = node(base + "#target"), node(base + "#quote"), node(base + "#position")
        start, end = int(m["start"].value), int(m["end"].value)
        out += [ox.Quad(a, node(RDF_TYPE), node(OA + "Annotation"), g),
                ox.Quad(a, node(OA + "hasBody"), m["entity"], g), ox.Quad(a, node(OA + "hasTarget"), target, g),
                ox.Quad(target, node(RDF_TYPE), node(OA + "SpecificResource"), g),
                ox.Quad(target, node(OA + "hasSource"), m["part"], g),
                ox.Quad(target, node(DCT_LANGUAGE), m["language"], g),
                ox.Quad(target, node(OA + "hasSelector"), quote, g), ox.Quad(target, node(OA + "hasSelector"), position, g),
                ox.Quad(quote, node(RDF_TYPE), node(OA + "TextQuoteSelector"), g),
                ox.Quad(quote, node(OA + "exact"), m["exact"], g),
                ox.Quad(position, node(RDF_TYPE), node(OA + "TextPositionSelector"), g),
                ox.Quad(position, node(OA + "start"), m["start"], g), ox.Quad(position, node(OA + "end"), m["end"], g)]
        if not lean:
            out += [ox.Quad(a, node(OA + "motivatedBy"), node(OA + "identifying"), g),
                    ox.Quad(a, node(PROV_DERIVED), node(g.value.replace("/graph/source/", "/id/source/")), g),
                    ox.Quad(quote, node(OA + "prefix"), lit(m["text"][max(0, start - QUOTE_CONTEXT):start]), g),
                    ox.Quad(quote, node(OA + "suffix"), lit(m["text"][end:end + QUOTE_CONTEXT]), g)]
    return out


def _nif(mentions: dict) -> list:
    """Each mention one NIF string, in one context per (part, language), as ontology 0.4.0 writes them."""
    import pyoxigraph as ox

    from dissertation_kg.mappings.linking import context_iri   # the mappers' own, so the layouts agree

    node, lit, integer = ox.NamedNode, ox.Literal, ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    out, contexts = [], set()
    for a, m in mentions.items():
        g, lang = m["graph"], m["language"]
        context = node(context_iri(m["part"].value, lang.value.rsplit("/", 1)[-1]))
        out += [ox.Quad(a, node(RDF_TYPE), node(NIF + "Phrase"), g),
                ox.Quad(a, node(NIF + "referenceContext"), context, g),
                ox.Quad(a, node(NIF + "beginIndex"), m["start"], g), ox.Quad(a, node(NIF + "endIndex"), m["end"], g),
                ox.Quad(a, node(NIF + "anchorOf"), m["exact"], g), ox.Quad(a, node(ITSRDF + "taIdentRef"), m["entity"], g)]
        if (context, g) not in contexts:
            contexts.add((context, g))
            out += [ox.Quad(context, node(RDF_TYPE), node(NIF + "Context"), g),
                    ox.Quad(context, node(NIF + "isString"), lit(m["text"]), g),
                    ox.Quad(context, node(NIF + "beginIndex"), lit("0", datatype=integer), g),
                    ox.Quad(context, node(NIF + "endIndex"), lit(str(len(m["text"])), datatype=integer), g),
                    ox.Quad(context, node(NIF + "sourceUrl"), m["part"], g),
                    ox.Quad(context, node(DCT_LANGUAGE), lang, g)]
    return out


def write_layouts(generation: Path, workdir: Path) -> dict[str, Path]:
    """Each layout as an N-Quads file in `workdir`."""
    import pyoxigraph as ox

    named = list(_named_quads(generation))
    mentions, rest = read_mentions(named)

    def merged(quads):
        seen = set()
        for q in quads:
            t = (q.subject, q.predicate, q.object)
            if t not in seen:
                seen.add(t)
                yield ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())

    wadm, lean, nif = rest + _web_annotation(mentions, False), rest + _web_annotation(mentions, True), rest + _nif(mentions)
    files = {}
    for name, quads, with_default in (("web-annotation", wadm, True), ("web-annotation-union", wadm, False),
                                      ("lean-web-annotation", lean, True), ("nif", nif, True), ("nif-union", nif, False)):
        path = workdir / f"{name}.nq"
        ox.serialize(quads + (list(merged(quads)) if with_default else []), output=str(path), format=ox.RdfFormat.N_QUADS)
        files[name] = path
    print(f"{len(named):,} named quads, {len(mentions):,} mentions", file=sys.stderr, flush=True)
    return files


# --------------------------------------------------------------------------- child: load and query


def child_load(nquads: str, store_dir: str, layout: str) -> None:
    import pyoxigraph as ox

    shutil.rmtree(store_dir, ignore_errors=True)
    started = time.perf_counter()
    db = ox.Store(store_dir)
    db.bulk_load(path=nquads, format=ox.RdfFormat.N_QUADS)
    db.optimize()
    db.flush()
    wall = time.perf_counter() - started
    union = layout.endswith("union")
    model = "nif" if layout.startswith("nif") else "oa"
    # The entity with most mentions, so that the second query has work to do.
    body = ITSRDF + "taIdentRef" if model == "nif" else OA + "hasBody"
    top = next(iter(db.query(f"SELECT ?e (COUNT(*) AS ?n) {{ GRAPH ?g {{ ?a <{body}> ?e }} }} "
                             "GROUP BY ?e ORDER BY DESC(?n) LIMIT 1")))["e"].value
    timings = {}
    for name, text in list(QUERIES[model].items()) + list(QUERIES["both"].items()):
        text = text.replace("ENTITY", top)
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            rows = list(db.query(text, use_default_graph_as_union=union))
            runs.append(time.perf_counter() - t)
        timings[name] = [min(runs), len(rows)]
    out = {"wall": wall, "quads": len(db), "timings": timings,
           "bytes": sum(f.stat().st_size for f in Path(store_dir).iterdir())}
    if union:
        seen = db.query("SELECT (COUNT(*) AS ?all) (COUNT(DISTINCT *) AS ?set) { SELECT ?s ?p ?o { ?s ?p ?o } }",
                        use_default_graph_as_union=True)
        row = next(iter(seen))
        out["union_triples"], out["distinct_triples"] = int(row["all"].value), int(row["set"].value)
    del db
    print(json.dumps(out))


def _child(args: list[str]) -> dict:
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"child {args[0]} failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--generation", type=Path, help="a built generation (default: build --size documents)")
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--child-load", nargs=3, metavar=("NQUADS", "STORE", "LAYOUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_load:
        child_load(*args.child_load)
        return
    workdir = args.workdir or Path(os.environ.get("TMPDIR", "/tmp")) / "dkg-layout-bench"
    workdir.mkdir(parents=True, exist_ok=True)
    generation = args.generation
    if generation is None:
        from dissertation_kg.server.build.pipeline import build
        from dissertation_kg.server.generator.corpus import generate_corpus

        corpus, store = workdir / f"corpus-{args.size}", workdir / f"store-{args.size}"
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(store, ignore_errors=True)
        generate_corpus(corpus, args.size, args.seed)
        generation = build(corpus, store, use_cache=False, progress=False).generation
    generation = generation.resolve()
    files = write_layouts(generation, workdir)
    results = {name: [] for name in LAYOUTS}
    for r in range(args.repeats):
        for name in LAYOUTS:  # in turn, so that the machine's load falls on every layout alike
            results[name].append(_child(["--child-load", str(files[name]), str(workdir / f"store-{name}"), name]))
            print(f"[{r + 1}/{args.repeats}] {name}: {results[name][-1]['wall']:.1f} s", file=sys.stderr, flush=True)
    base = statistics.median(x["wall"] for x in results["web-annotation"])
    print(f"generation: {generation}; {args.repeats} loads of each layout, in turn\n")
    print("| layout | quads | N-Quads MB | load + optimize (s, median) | ÷ web-annotation | store MB | "
          + " | ".join(QUERIES["oa"]) + " | " + " | ".join(QUERIES["both"]) + " | union over-counts |")
    print("|---|---:|---:|---:|---:|---:|" + "---:|" * (len(QUERIES["oa"]) + len(QUERIES["both"])) + "---:|")
    for name in LAYOUTS:
        last = results[name][-1]
        wall = statistics.median(x["wall"] for x in results[name])
        times = " | ".join(f"{last['timings'][q][0] * 1000:,.0f} ms" for q in list(QUERIES["oa"]) + list(QUERIES["both"]))
        over = (f"{last['union_triples'] - last['distinct_triples']:,} of {last['union_triples']:,}"
                if "union_triples" in last else "—")
        print(f"| {name} | {last['quads']:,} | {files[name].stat().st_size / 1e6:,.0f} | {wall:.1f} | "
              f"{wall / base:.2f} | {last['bytes'] / 1e6:,.0f} | {times} | {over} |")


if __name__ == "__main__":
    main()
