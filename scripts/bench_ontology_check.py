"""How long `dkg ontology check --no-reasoner` takes, against a reference measured in the same run:
rdflib merely parsing the same Turtle files (what a check built on rdflib would pay before its
first query). Prints both medians and their ratio; below 1.0 means the whole check is cheaper
than rdflib's parse alone."""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import rdflib

from dissertation_kg.server.curation.check import check_ontology
from dissertation_kg.mappings.resources import ontology_dir


def median_seconds(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(runs: int = 5) -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ontology_dir()
    files = sorted(folder.glob("*.ttl")) + sorted((folder / "vocabularies").glob("*.ttl"))

    def reference():
        for f in files:
            rdflib.Graph().parse(f, format="turtle")

    def check():
        check_ontology(folder, reasoner=False)

    check()  # warm caches and imports for both
    ref = median_seconds(reference, runs)
    ours = median_seconds(check, runs)
    print(f"files: {len(files)}  runs: {runs}")
    print(f"reference (rdflib parse only): {ref * 1000:8.1f} ms")
    print(f"dkg ontology check --no-reasoner: {ours * 1000:8.1f} ms")
    print(f"ratio check/reference: {ours / ref:.2f}")


if __name__ == "__main__":
    main()
