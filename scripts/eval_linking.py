#!/usr/bin/env python3
"""Precision, recall and F1 of the entity linker on the gold set (tests/gold/), per class, per
language and micro-averaged, next to a naive exact-match baseline, as a Markdown table.

    python scripts/eval_linking.py [--gold tests/gold] [--errors]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from dissertation_kg.mappings import linking_eval as ev
from dissertation_kg.mappings.linking import lexicon

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold")
    ap.add_argument("--errors", action="store_true", help="list every false positive and false negative")
    args = ap.parse_args()
    gold = ev.load_gold(args.gold)
    if not gold:
        print(f"no gold files in {args.gold}; pass --gold DIR", file=sys.stderr)
        return 2
    lexicon()  # compile once, outside the timing
    t0 = time.perf_counter()
    linker = ev.predict_linker(gold)
    elapsed = time.perf_counter() - t0
    baseline = ev.predict_baseline(gold)
    docs = len({g.document for g in gold})
    print(f"Gold set: {docs} documents, {len(gold)} components, "
          f"{sum(len(g.entities) for g in gold)} (component, entity) pairs.\n")
    print(ev.markdown_table(ev.score(gold, linker), ev.score(gold, baseline)))
    print(f"\nLinking took {elapsed * 1000 / docs:.1f} ms per document (annotate(), vocabularies compiled).")
    if args.errors:
        print()
        print("\n".join(ev.errors(gold, linker)) or "no errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
