#!/usr/bin/env python3
"""`dkg build` on generated corpora against Oxigraph bulk-loading the same quads.

    python scripts/bench_build.py                        # 1,000 and 10,000 documents
    python scripts/bench_build.py --sizes 100,1000 --timeout 3600
    python scripts/bench_build.py --keep --workdir /tmp/bench   # keep corpora and stores

For each size: `generate_corpus` writes N abstracts into a temporary folder; the build runs in a
child process (so its peak RSS is its own) with the cache off; the quads of the generation it
produced are dumped as N-Quads; a second child bulk-loads that file into an empty store (the
reference: what Oxigraph alone needs for the same data, on the same machine, in the same run).
Printed: documents/s, quads/s, SHACL's share of the build, peak RSS of both, the build/reference
time ratio, and how build time grows from the smallest size to the largest (exponent 1.0 is
linear). Timings are wall-clock, so run it on a quiet machine; the ratios are what to compare.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


# --------------------------------------------------------------------------- child processes


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _peak_worker_rss_mb() -> float:
    """The largest worker process the build started (it maps works in parallel processes)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def child_build(corpus: str, store: str) -> None:
    from dissertation_kg.server.build.pipeline import build

    started = time.perf_counter()
    summary = build(corpus, store, use_cache=False, progress=False)
    wall = time.perf_counter() - started
    print(json.dumps({
        "wall": wall, "documents": summary.documents, "works": summary.works,
        "default_graph_triples": summary.triples, "rejected": len(summary.rejected),
        "rejected_examples": [f"{r.source}: {r.problems[0] if r.problems else ''}" for r in summary.rejected[:5]],
        "timings": summary.timings, "generation": str(summary.generation), "peak_rss_mb": _peak_rss_mb(),
        "peak_worker_rss_mb": _peak_worker_rss_mb(),
    }))


def child_reference(nquads: str, store: str) -> None:
    import pyoxigraph as ox

    started = time.perf_counter()
    db = ox.Store(store)
    db.bulk_load(path=nquads, format=ox.RdfFormat.N_QUADS)
    db.flush()
    wall = time.perf_counter() - started
    # `dkg build` compacts its store after loading (queries run faster); so does this reference
    # in its second figure, the store an endpoint would be given.
    db.optimize()
    optimized = time.perf_counter() - started
    print(json.dumps({"wall": wall, "optimized_wall": optimized, "quads": len(db), "peak_rss_mb": _peak_rss_mb()}))


def _run_child(args: list[str], timeout: float | None) -> dict | None:
    """Run this script in a child mode; None when it ran out of time (the child is killed)."""
    proc = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return None
    if proc.returncode != 0:
        sys.exit(f"child {' '.join(args[:1])} failed (exit {proc.returncode}):\n{err[-3000:]}")
    return json.loads(out.strip().splitlines()[-1])


# --------------------------------------------------------------------------- one size


def measure(size: int, seed: int, workdir: Path, timeout: float | None) -> dict:
    from dissertation_kg.server.generator.corpus import generate_corpus
    import pyoxigraph as ox

    corpus, store, ref_store = workdir / f"corpus-{size}", workdir / f"store-{size}", workdir / f"reference-{size}"
    nquads = workdir / f"build-{size}.nq"
    for path in (corpus, store, ref_store):
        shutil.rmtree(path, ignore_errors=True)
    started = time.perf_counter()
    generate_corpus(corpus, size, seed)
    generated = time.perf_counter() - started
    print(f"[{size}] generated in {generated:.1f} s; building …", file=sys.stderr, flush=True)

    built = _run_child(["--child-build", str(corpus), str(store)], timeout)
    row = {"size": size, "generate_s": generated, "build": built}
    if built is None:
        print(f"[{size}] the build did not finish within {timeout:.0f} s", file=sys.stderr, flush=True)
        return row
    db = ox.Store.read_only(built["generation"])
    db.dump(str(nquads), format=ox.RdfFormat.N_QUADS)
    row["quads"] = len(db)
    del db
    print(f"[{size}] built in {built['wall']:.1f} s ({row['quads']} quads); reference load …",
          file=sys.stderr, flush=True)
    row["reference"] = _run_child(["--child-reference", str(nquads), str(ref_store)], timeout)
    nquads.unlink(missing_ok=True)
    return row


# --------------------------------------------------------------------------- report


def _fmt(x: float, digits: int = 1) -> str:
    return f"{x:,.{digits}f}"


def report(rows: list[dict]) -> str:
    lines = [
        "| documents | build (s) | documents/s | triples | triples/s | quads stored | SHACL share | peak RSS build | "
        "Oxigraph bulk_load (s) | bulk_load quads/s | peak RSS bulk_load | build ÷ bulk_load | "
        "bulk_load + optimize (s) | build ÷ (bulk_load + optimize) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        b = row["build"]
        if b is None:
            lines.append(f"| {row['size']:,} | did not finish | | | | | | | | | | | | |")
            continue
        r = row.get("reference") or {}
        # Stage times are CPU seconds summed over the build's worker processes: SHACL's share
        # is of the work done, not of the wall clock.
        stages = {k: v for k, v in b["timings"].items() if k in ("parse", "map", "shacl", "serialize", "load")}
        shacl = b["timings"].get("shacl", 0.0) / sum(stages.values()) if sum(stages.values()) else 0.0
        ref_wall = r.get("wall")
        triples = b["default_graph_triples"]
        lines.append(
            f"| {row['size']:,} | {_fmt(b['wall'])} | {_fmt(row['size'] / b['wall'], 2)} | {triples:,} | "
            f"{_fmt(triples / b['wall'], 0)} | {row['quads']:,} | {shacl:.0%} | {_fmt(b['peak_rss_mb'], 0)} MB"
            + (f" (+ workers ≤ {_fmt(b['peak_worker_rss_mb'], 0)} MB each)" if b.get("peak_worker_rss_mb") else "")
            + " | "
            + (f"{_fmt(ref_wall, 2)} | {_fmt(r['quads'] / ref_wall, 0)} | {_fmt(r['peak_rss_mb'], 0)} MB | "
               f"{_fmt(b['wall'] / ref_wall)}× | {_fmt(r['optimized_wall'], 2)} | {_fmt(b['wall'] / r['optimized_wall'])}× |"
               if ref_wall else "— | — | — | — | — | — |"))
    lines.append("")
    finished = [row for row in rows if row["build"]]
    if finished:
        lines.append("Build stages (s): " + "; ".join(
            f"{row['size']:,} docs: " + ", ".join(f"{k} {v:.1f}" for k, v in row["build"]["timings"].items())
            for row in finished))
    for row in rows:
        b = row["build"]
        if b and b["rejected"]:
            lines.append(f"{row['size']:,} docs: {b['rejected']} rejected by the build, e.g. {b['rejected_examples'][0]}")
    done = [row for row in rows if row["build"]]
    if len(done) >= 2:
        a, z = done[0], done[-1]
        exponent = math.log(z["build"]["wall"] / a["build"]["wall"]) / math.log(z["size"] / a["size"])
        per_doc = (z["build"]["wall"] / z["size"]) / (a["build"]["wall"] / a["size"])
        verdict = "linear" if 0.85 <= exponent <= 1.15 else ("sub-linear" if exponent < 0.85 else "super-linear")
        lines.append(f"Growth {a['size']:,} → {z['size']:,} documents: time × {z['build']['wall'] / a['build']['wall']:.1f} "
                     f"for size × {z['size'] / a['size']:.0f}, exponent {exponent:.2f} ({verdict}); "
                     f"time per document × {per_doc:.2f}.")
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child-build":
        return child_build(sys.argv[2], sys.argv[3])
    if len(sys.argv) == 4 and sys.argv[1] == "--child-reference":
        return child_reference(sys.argv[2], sys.argv[3])
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (default 1000,10000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=None, help="seconds allowed per build or load")
    parser.add_argument("--workdir", type=Path, default=None, help="where corpora and stores go (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep corpora and stores afterwards")
    parser.add_argument("--json", type=Path, default=None, help="also write the raw measurements here")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="dkg-bench-build-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        rows = []
        for size in sizes:
            rows.append(measure(size, args.seed, workdir, args.timeout))
            # a long run shows each size's figures as soon as they are in
            print(report(rows).split("\n\n")[0].splitlines()[-1], file=sys.stderr, flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print(report(rows))


if __name__ == "__main__":
    main()
