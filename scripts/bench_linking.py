#!/usr/bin/env python3
"""How fast the entity linker is, against references measured in the same run on this machine:

- tokenize: one regular-expression pass over the text (a floor no linker can beat);
- exact-match baseline: one compiled regular expression per preferred label (what a naive
  linker does), the reference the linker must stay well below;
- alternation: every label of the language (preferred and alternative, exact spelling) in one
  compiled alternation, the fastest exact matcher Python's `re` offers; the linker does more
  (inflection, acronyms, coordination) and is compared with it too.

Prints milliseconds per document and ratios for each seed abstract taken as one 13-25 KB text,
cold (morphology caches empty) and warm.

    python scripts/bench_linking.py [--repeat 20]
"""
from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path

from dissertation_kg.mappings import morphology
from dissertation_kg.mappings.abstract import parse_file
from dissertation_kg.mappings.linking import _TOKEN, find_candidates, find_mentions, lexicon, tokenize
from dissertation_kg.mappings.vocabulary import load_entries
from dissertation_kg.mappings.resources import seeds_dir


CLOCK, STAT = time.perf_counter, statistics.median


def timed(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        t = CLOCK()
        fn()
        samples.append(CLOCK() - t)
    return STAT(samples) * 1000


def _forget_per_text_caches() -> None:
    """A build links each text once; caches keyed by the text would make repeats look cheaper."""
    try:
        from dissertation_kg.mappings import self_named
    except ImportError:   # older linkers had none
        return
    self_named._find.cache_clear()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--cpu", action="store_true",
                    help="time by the process's CPU time and keep the fastest run: steadier on a shared, loaded machine")
    args = ap.parse_args()
    global CLOCK, STAT
    if args.cpu:
        CLOCK, STAT = time.process_time, min
    t = time.perf_counter()
    lex = lexicon()
    print(f"vocabularies compiled in {(time.perf_counter() - t) * 1000:.0f} ms (once per process)\n")
    alternation = {}
    for lang in ("en", "ru", "kk"):
        labels = sorted({l.lower() for e in load_entries() for l in [e.pref[lang]] + e.alt.get(lang, [])}, key=len, reverse=True)
        alternation[lang] = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, labels)) + r")(?!\w)")
    patterns = {lang: [re.compile(r"(?<!\w)" + re.escape(e.pref[lang].lower()) + r"(?!\w)") for e in load_entries()]
                for lang in ("en", "ru", "kk")}

    print("| document | KB | lang | mentions | tokenize ms | alternation ms | baseline ms | linker cold ms | linker warm ms | warm/baseline | warm/alternation | warm/tokenize |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    ratios = []
    for path in sorted(Path(seeds_dir()).glob("*.txt")):
        doc = parse_file(path)
        text, lang = doc.text, doc.lang

        def link():
            _forget_per_text_caches()
            toks = tokenize(text)
            ms = find_mentions(text, lang, lex, toks)
            find_candidates(text, lang, "provision", ms, toks, lex)
            return ms

        morphology.text_keys.cache_clear()
        t = time.perf_counter()
        mentions = link()
        cold = (time.perf_counter() - t) * 1000
        warm = timed(link, args.repeat)
        tok = timed(lambda: _TOKEN.findall(text), args.repeat)
        low = text.lower()
        base = timed(lambda: [rx.search(low) for rx in patterns[lang]], max(3, args.repeat // 4))
        alt = timed(lambda: alternation[lang].findall(low), args.repeat)
        ratios.append(warm / base)
        print(f"| {path.name} | {len(text.encode()) / 1024:.1f} | {lang} | {len(mentions)} | {tok:.2f} | {alt:.2f} | {base:.2f} | "
              f"{cold:.1f} | {warm:.2f} | {warm / base:.2f} | {warm / alt:.2f} | {warm / tok:.1f} |")
    print(f"\nmedian warm linker / exact-match baseline: {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
