#!/usr/bin/env python3
"""Building into and serving from Virtuoso, against the embedded store and Virtuoso's own endpoint.

    python scripts/bench_remote.py                     # 1,000 generated documents
    python scripts/bench_remote.py --count 10000 --duration 20
    python scripts/bench_remote.py --count 3000 --builds bulk --no-mix --keep /tmp/v   # builds only, keep the engine
    python scripts/bench_remote.py --builds none --reuse /tmp/v                         # the mix over that build

Prints, in one run:
  1. the build of N generated documents embedded (`dkg build --store DIR`) and into Virtuoso
     (`dkg build --store URL`: the same map + validate into a local staging store, then the copy
     into new graphs on the engine by Graph Store requests and the switch), with the engine load
     on its own line; then the same generation again through Virtuoso's bulk loader;
     (`--builds bulk`: embedded and one fresh build through the bulk loader only);
  2. the competency questions (queries/*.rq, each made unique per request so no cache answers)
     through `dkg serve --store URL` over Virtuoso, and the very same requests (the generation's
     dataset parameters and graph names) sent to Virtuoso's own /sparql: queries per second at
     1 and 4 clients, and the ratio ours/Virtuoso (our layer's cost; the goal is >= 0.8); beside
     them the same server with the engine's answers parsed and re-serialized instead of passed
     through (DKG_STORE_PASSTHROUGH=0), and ours with the texts repeated unchanged. The paths take
     turns (--rounds), so that a change in the machine's load falls on all of them;
  3. each question sent to dkg serve and to Virtuoso in turns (--pairs times), one client: the
     medians per question and their sums, whose ratio a single slow request cannot move.

Virtuoso runs on free ports in a temporary folder (Debian's virtuoso-opensource; `make
system-deps`), and is stopped at the end, as is the server.
"""
from __future__ import annotations

import argparse
import itertools
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from remote_engines import free_port, start_virtuoso  # noqa: E402


def run(cmd: list[str], env: dict, cwd: Path) -> float:
    t0 = time.perf_counter()
    out = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    if out.returncode not in (0, 1):  # 1: some generated documents rejected; still a build
        sys.exit(f"{' '.join(cmd)} failed:\n{out.stdout}\n{out.stderr}")
    return time.perf_counter() - t0


def load(send, texts: list[str], clients: int, seconds: float, unique: bool = True) -> tuple[float, int]:
    """Queries per second for `clients` threads sending the questions in rotation (each made
    unique by a comment, unless not `unique`)."""
    counter = itertools.count()
    stop = time.monotonic() + seconds
    done, errors = [0], [0]
    lock = threading.Lock()

    def worker():
        session = requests.Session()
        while time.monotonic() < stop:
            n = next(counter)
            text = texts[n % len(texts)] + (f"\n# request {n}" if unique else "")
            ok = send(session, text)
            with lock:
                done[0] += ok
                errors[0] += not ok

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return done[0] / (time.monotonic() - t0), errors[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--duration", type=float, default=10.0, help="seconds per path and client count")
    ap.add_argument("--rounds", type=int, default=3, help="the paths take turns this many times")
    ap.add_argument("--builds", choices=("all", "bulk", "engine", "none"), default="all",
                    help="all: embedded, Graph Store and bulk loader; bulk: embedded and a fresh build through "
                         "the bulk loader only; engine: the bulk loader build alone (for the mix); none: no "
                         "builds (with --reuse)")
    ap.add_argument("--no-mix", action="store_true", help="builds only")
    ap.add_argument("--pairs", type=int, default=7, help="turns per question in the paired comparison")
    ap.add_argument("--keep", type=Path, help="keep Virtuoso's database in this folder for a later --reuse")
    ap.add_argument("--reuse", type=Path, help="start Virtuoso on a database a --keep run left (no builds needed)")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="dkg-bench-remote-"))
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    engine = start_virtuoso(max_rows=1_000_000, folder=args.reuse or args.keep)
    servers = []
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DKG_")}
        env.update(engine.env, DKG_STORE=str(work / ".dkg" / "store"), DKG_CACHE_BYTES="0")
        dkg = [sys.executable, "-m", "dissertation_kg.server.cli"]
        corpus = work / "corpus"
        bulk_env = {"DKG_STORE_ISQL": f"127.0.0.1:{engine.isql_port}", "DKG_STORE_LOAD_DIR": str(engine.folder / "load")}

        def into_virtuoso(extra: dict) -> tuple[float, str]:
            t0 = time.perf_counter()
            out = subprocess.run(dkg + ["build", "--seeds", str(corpus), "--store", engine.query_url, "-q"],
                                 env={**env, **extra}, cwd=work, capture_output=True, text=True)
            took = time.perf_counter() - t0
            if out.returncode not in (0, 1):
                sys.exit(out.stdout + out.stderr)
            return took, next((line.split("engine load ")[1].split("s")[0] for line in out.stdout.splitlines()
                               if "engine load" in line), "?")

        if args.builds != "none":
            run(dkg + ["generate", "-n", str(args.count), str(corpus)], env, work)
        if args.builds in ("all", "bulk"):
            embedded = run(dkg + ["build", "--seeds", str(corpus), "--store", str(work / "embedded"), "-q"], env, work)
            print(f"build of {args.count} documents embedded: {embedded:.1f} s", flush=True)
        if args.builds == "all":
            remote, engine_load = into_virtuoso({})
            print(f"build of {args.count} documents: embedded {embedded:.1f} s; into Virtuoso by Graph Store "
                  f"{remote:.1f} s (of which the copy into the engine and the switch {engine_load} s)", flush=True)
            # The same generation again (the staging cache maps nothing anew), through the bulk loader.
            bulk, bulk_load = into_virtuoso(bulk_env)
            print(f"rebuild into Virtuoso by its bulk loader (ld_dir + rdf_loader_run): {bulk:.1f} s, of which the "
                  f"load into the engine and the switch {bulk_load} s (Graph Store: {engine_load} s)", flush=True)
        elif args.builds == "engine":
            bulk, bulk_load = into_virtuoso(bulk_env)
            print(f"build of {args.count} documents into Virtuoso by its bulk loader {bulk:.1f} s", flush=True)
        elif args.builds == "bulk":
            # A fresh staging store: map, validate and load, as a first build into the engine would.
            bulk, bulk_load = into_virtuoso(bulk_env)
            print(f"build of {args.count} documents: embedded {embedded:.1f} s; into Virtuoso by its bulk loader "
                  f"{bulk:.1f} s (ratio {bulk / embedded:.2f}), of which the load into the engine and the switch "
                  f"{bulk_load} s", flush=True)
        if args.no_mix:
            return

        def serve(extra: dict) -> str:
            port = free_port()
            # --client-queries: the bench sends every client from one address; the per-client
            # limit would refuse them and count as errors.
            servers.append(subprocess.Popen(
                dkg + ["serve", "--store", engine.query_url, "--port", str(port), "--no-build", "--no-watch",
                       "--workers", "4", "--client-queries", "64"], env={**env, **extra}, cwd=work,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
            for _ in range(240):
                try:
                    if requests.get(f"http://127.0.0.1:{port}/status", timeout=2).status_code == 200:
                        break
                except requests.RequestException:
                    pass
                time.sleep(0.5)
            return f"http://127.0.0.1:{port}/sparql"

        ours = serve({})
        # The same server with the engine's answers parsed and re-serialized (the path before
        # pass-through): what passing them through saves, in the same run.
        parsed = serve({"DKG_STORE_PASSTHROUGH": "0"})
        from dissertation_kg.server.store.engine_dataset import EngineDataset
        from dissertation_kg.server.store.spec import RemoteSpec

        dataset = EngineDataset(RemoteSpec(query_url=engine.query_url))
        gen = dataset.generations.current()
        # The search examples are left out: Virtuoso's own endpoint has no search service to compare with.
        files = [p for p in sorted((REPO / "queries").glob("*.rq")) if not p.name.startswith("30-search")]
        names, texts = [p.stem for p in files], [p.read_text(encoding="utf-8") for p in files]
        accept = {"Accept": "application/sparql-results+json"}

        def via(url):
            def send(session, text):
                return session.post(url, data={"query": text}, headers=accept, timeout=120).status_code == 200
            return send

        def direct(session, text):
            rewritten, params = dataset.prepare(text, gen)
            return session.post(engine.query_url, data=[("query", rewritten)] + params, headers=accept,
                                timeout=120).status_code == 200

        # The last path sends the questions as they are, each time the same text: the server's
        # per-text work (the rdflib parse for the heavy lane's estimate, made only when the heavy
        # lane is full) is then remembered, not redone (the result cache is off: DKG_CACHE_BYTES=0).
        paths = (("dkg serve over Virtuoso", via(ours), True), ("the same, answers parsed", via(parsed), True),
                 ("Virtuoso's own endpoint", direct, True), ("dkg serve, repeated texts", via(ours), False))
        for _, send, unique in paths:  # warm every path (Virtuoso's plan cache, our workers)
            load(send, texts, 1, 2, unique)
        # The paths take turns, --rounds times, each run --duration / --rounds seconds: a change in
        # the machine's load (or Virtuoso still settling after a load) falls on every path alike.
        for clients in (1, 4):
            totals = {name: [0.0, 0] for name, _, _ in paths}
            for _ in range(args.rounds):
                for name, send, unique in paths:
                    rate, errors = load(send, texts, clients, args.duration / args.rounds, unique)
                    totals[name][0] += rate / args.rounds
                    totals[name][1] += errors
            rates = [(name, *totals[name]) for name, _, _ in paths]
            base = rates[2][1]
            print(f"competency mix, {clients} client(s): " + "; ".join(
                f"{name} {rate:.2f} q/s" + (f" ({errors} errors)" if errors else "") for name, rate, errors in rates)
                + f"; ratio {rates[0][1] / base:.2f} (answers parsed: {rates[1][1] / base:.2f}; repeated texts: "
                  f"{rates[3][1] / base:.2f})", flush=True)
        # Paired: each question sent to both, in turns, --pairs times; the median of each side per
        # question, summed. A second of Virtuoso's own jitter on one request (question 24 varies
        # by that much) moves the rates above; it does not move a median.
        ours_ms = direct_ms = 0.0
        rows, failed = [], 0
        counter = itertools.count()
        session = requests.Session()
        senders = (("ours", via(ours)), ("direct", direct))
        for name, text in zip(names, texts):
            sides = {"ours": [], "direct": []}
            for _ in range(args.pairs):
                for side, send in senders:
                    t0 = time.perf_counter()
                    failed += not send(session, text + f"\n# pair {next(counter)}")
                    sides[side].append(time.perf_counter() - t0)
            o, d = (1000 * statistics.median(sides[k]) for k in ("ours", "direct"))
            ours_ms, direct_ms = ours_ms + o, direct_ms + d
            rows.append(f"  {name[:40]:40s} ours {o:8.1f} ms  Virtuoso {d:8.1f} ms  difference {o - d:7.1f} ms")
        print(f"competency questions paired, one client, median of {args.pairs} per question: dkg serve "
              f"{ours_ms:.0f} ms, Virtuoso's own endpoint {direct_ms:.0f} ms; ratio {direct_ms / ours_ms:.2f}"
              + (f" ({failed} requests failed)" if failed else ""),
              flush=True)
        print("\n".join(rows), flush=True)
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait()
        engine.stop(keep=bool(args.keep))


if __name__ == "__main__":
    main()
