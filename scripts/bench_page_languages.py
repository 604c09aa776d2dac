"""What a page costs in Kazakh or Russian against the same page in English (issue #14).

    python scripts/bench_page_languages.py STORE [--rounds 30]

The query page (picker titles), a search (its hits' explanations), /ontology, a 404, a work's,
an entity's and a source graph's page (their raw statements) and /status are fetched through the real Flask app (no network) in en, ru and kk in turn (the order rotating),
round after round, so the ratio to English holds whatever the machine's load; each figure is the
median of the rounds.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from publishing_fixtures import publishing_app  # noqa: E402

PAGES = {"query page": ("/", 200), "search": ("/search?q=мягкая+сила", 200), "ontology": ("/ontology", 200),
         "404": ("/id/work/no-such-work", 404), "/status": ("/status", 200)}
# one of each kind of resource page, chosen from the store by what it is, not by name
RESOURCES = {
    "a work": "SELECT ?x WHERE { ?x a <https://w3id.org/dissertation-kg/ontology#Dissertation> } ORDER BY ?x LIMIT 1",
    "the most cited actor": "SELECT ?x (COUNT(*) AS ?n) WHERE { ?s ?p ?x FILTER(CONTAINS(STR(?x), '/id/actor/')) } "
                            "GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1",
    "a source graph": "SELECT ?x WHERE { GRAPH ?x { ?s ?p ?o } FILTER(CONTAINS(STR(?x), '/graph/source/')) } "
                      "ORDER BY ?x LIMIT 1",
}
LANGS = ("en", "ru", "kk")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store", type=Path)
    ap.add_argument("--rounds", type=int, default=30)
    args = ap.parse_args()
    client = publishing_app(args.store).test_client()
    for name, query in RESOURCES.items():
        r = client.get("/sparql", query_string={"query": query}, headers={"Accept": "application/sparql-results+json"})
        iri = r.get_json()["results"]["bindings"][0]["x"]["value"]
        PAGES[name] = ("/" + iri.split("/dissertation-kg/", 1)[1], 200)
    times = {(page, lang): [] for page in PAGES for lang in LANGS}
    for round_ in range(args.rounds + 1):
        for page, (url, status) in PAGES.items():
            # each language takes each place in turn: the first request after another page pays more
            for lang in LANGS[round_ % 3:] + LANGS[:round_ % 3]:
                t = time.perf_counter()
                r = client.get(url, headers={"Accept": "text/html", "Accept-Language": lang})
                elapsed = (time.perf_counter() - t) * 1000
                if r.status_code != status:
                    raise SystemExit(f"{url} in {lang} answered {r.status_code}: {r.get_data(as_text=True)[:300]}")
                if round_:  # the first round warms caches and is not counted
                    times[page, lang].append(elapsed)
    print("| page | en p50 ms | ru p50 ms | kk p50 ms | ru / en | kk / en |")
    print("|---|---|---|---|---|---|")
    for page in PAGES:
        p50 = {lang: statistics.median(times[page, lang]) for lang in LANGS}
        print(f"| {page} | {p50['en']:.1f} | {p50['ru']:.1f} | {p50['kk']:.1f} | "
              f"{p50['ru'] / p50['en']:.2f} | {p50['kk'] / p50['en']:.2f} |")


if __name__ == "__main__":
    main()
