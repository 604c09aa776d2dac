"""Latency of the reading pages (a work, an entity, /statistics) on a built store.

    dkg generate --count 1000 --seed 14 /tmp/corpus && dkg build --seeds /tmp/corpus --store /tmp/store
    python scripts/bench_pages.py /tmp/store [--pages 20] [--rounds 3]

Each page is fetched through the real Flask app (no network), interleaved with the same IRI's
Turtle (the raw description alone) as the reference, so the ratio says what the reading part
costs on this machine whatever its load. Works are a fixed sample; entities are the most
mentioned ones (the slowest pages) and a sample of the rest. The entity pages' counts
(reader/mentions.py) and /statistics are computed once per generation, in the background when
the generation is opened; that is timed on its own first, and the pages are timed after it.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from publishing_fixtures import publishing_app  # noqa: E402

from dissertation_kg.server.publishing.reader import mentions  # noqa: E402
from dissertation_kg.server.store.engines import OxigraphStore  # noqa: E402
from dissertation_kg.server.store.location import StoreLocation  # noqa: E402

BASE = "https://w3id.org/dissertation-kg/"
DKG = "https://w3id.org/dissertation-kg/ontology#"


def _timed(client, url: str, accept: str) -> float:
    t = time.perf_counter()
    r = client.get(url, headers={"Accept": accept})
    elapsed = time.perf_counter() - t
    if r.status_code != 200:
        raise SystemExit(f"{url} answered {r.status_code}: {r.get_data(as_text=True)[:300]}")
    return elapsed * 1000


def _pctl(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store", type=Path)
    ap.add_argument("--pages", type=int, default=20, help="works and entities sampled (default 20 each)")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    store = OxigraphStore(StoreLocation(args.store).current())
    works = [s["w"].value for s in store.query(
        f"SELECT DISTINCT ?w WHERE {{ ?w <{DKG}hasProvision> ?p }} ORDER BY ?w")]
    entities = [s["e"].value for s in store.query(
        f"SELECT ?e (COUNT(DISTINCT ?c) AS ?n) WHERE {{ ?c <{DKG}mentions> ?e }} GROUP BY ?e ORDER BY DESC(?n) ?e")]
    documents = len(list(store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s a <https://w3id.org/dissertation-kg/ontology#Abstract> } }")))
    step = max(1, len(works) // args.pages)
    sample_works = works[::step][:args.pages]
    busiest = entities[:5]
    rest = entities[5:]
    sample_entities = busiest + rest[::max(1, len(rest) // max(1, args.pages - 5))][:args.pages - 5]
    del store
    client = publishing_app(args.store).test_client()
    # the first request opens the generation, which starts computing its entity figures and
    # /statistics in the background (served.warm_on_open): timed to the end, before any page
    t = time.perf_counter()
    _timed(client, "/" + works[0][len(BASE):], "text/turtle")
    for thread in [th for th in threading.enumerate() if th.name.startswith("warm ")]:
        thread.join()
    print(f"figures for the generation (once per generation, in the background): "
          f"{len(mentions._memory) and len(next(iter(mentions._memory.values()))[1])} entries "
          f"in {(time.perf_counter() - t) * 1000:.0f} ms")
    print(f"store {args.store}: {documents} documents, {len(works)} works with provisions, {len(entities)} entities mentioned")
    for name, iris in (("work page", sample_works), ("entity page", sample_entities),
                       ("entity page, 5 most mentioned", busiest)):
        html, ttl = [], []
        for url in [("/" + i[len(BASE):]) for i in iris]:
            _timed(client, url, "text/html")  # warm-up: caches of the store and the templates
        for _ in range(args.rounds):
            for url in [("/" + i[len(BASE):]) for i in iris]:
                html.append(_timed(client, url, "text/html"))
                ttl.append(_timed(client, url, "text/turtle"))
        print(f"{name:32s} n={len(html):3d}  p50 {statistics.median(html):7.1f} ms  p95 {_pctl(html, .95):7.1f} ms"
              f"  | Turtle of the same IRIs p50 {statistics.median(ttl):6.1f} ms  ratio {statistics.median(html) / statistics.median(ttl):.1f}x")
    stats = [_timed(client, "/statistics", "text/html") for _ in range(args.rounds * 3)]
    print(f"{'/statistics':32s} n={len(stats):3d}  p50 {statistics.median(stats):7.1f} ms  p95 {_pctl(stats, .95):7.1f} ms")


if __name__ == "__main__":
    main()
