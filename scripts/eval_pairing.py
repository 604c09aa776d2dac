#!/usr/bin/env python3
"""How well translations are paired without a manifest: precision and recall over same-work
pairs on generated corpora (`dkg generate` writes the ground truth in expected.jsonl).

    python scripts/eval_pairing.py [--count 300] [--seeds 7 8 21]
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from itertools import combinations
from pathlib import Path

from click.testing import CliRunner

from dissertation_kg.mappings import abstract, pairing
from dissertation_kg.server.cli import main as dkg


def pairs_of(groups) -> set[tuple[str, str]]:
    return {pair for members in groups for pair in combinations(sorted(members), 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--seeds", type=int, nargs="+", default=[7, 8, 21])
    args = ap.parse_args()
    tp = fp = fn = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed in args.seeds:
            corpus = Path(tmp) / f"c{seed}"
            CliRunner().invoke(dkg, ["generate", "--count", str(args.count), "--seed", str(seed), str(corpus)],
                               catch_exceptions=False)
            truth: dict[str, list[str]] = {}
            for line in (corpus / "expected.jsonl").read_text(encoding="utf-8").splitlines():
                e = json.loads(line)
                truth.setdefault(e["work_id"], []).append(e["file"])
            docs = [abstract.parse_file(p) for p in sorted(corpus.glob("*.txt"))]
            t0 = time.perf_counter()
            works = pairing.group(docs, {})  # no manifest: detection only
            took = time.perf_counter() - t0
            got = pairs_of([m.source for m in w.members] for w in works)
            want = pairs_of(truth.values())
            tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
            print(f"seed {seed}: {len(docs)} documents, {len(want)} same-work pairs, paired in {took:.2f}s")
    print(f"| precision | recall | true pairs found | wrong pairs | missed pairs |\n|---:|---:|---:|---:|---:|\n"
          f"| {tp / max(1, tp + fp):.3f} | {tp / max(1, tp + fn):.3f} | {tp} | {fp} | {fn} |")


if __name__ == "__main__":
    main()
