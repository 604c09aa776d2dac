#!/usr/bin/env python3
"""One machine, many readers: the same generation served by one query worker, by two, and by two
`dkg serve` replicas on the same store directory, under the same load.

    python scripts/bench_replicas.py                          # 300 generated documents
    python scripts/bench_replicas.py --store DIR --duration 20 --rounds 3

The store is built once (`dkg generate` + `dkg build`, as scripts/bench_endpoint.py does) and
reused. Three set-ups read that one generation:
  * one server, `--workers 1` (the reference);
  * one server, `--workers 2` (a query worker process per core: the default on this machine),
    whose heavy lane (most competency questions) may use one of them (`--heavy-workers`
    defaults to workers - 1, keeping the other for small queries);
  * the same with `--heavy-workers 2`;
  * two servers, `--workers 1` each, on the same store directory, the clients sending to both in
    turn, as a round-robin reverse proxy would.
Each runs the competency questions (queries/*.rq; the search examples left out), each request
made unique by a comment so that no result cache answers, from --clients threads for --duration
seconds; the set-ups are interleaved (A B C D, A B C D, …) so that a change in the machine's load
falls on all of them, and each run starts only when every server is idle again. Prints answers
per second per run and the median's ratio to the reference.
"""
from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench_endpoint import Process, ensure_store, free_port, wait_until_idle  # noqa: E402


def serve(store: Path, workers: int, logs: Path, *extra: str) -> Process:
    port = free_port()
    # --client-queries: every client thread comes from one address; the per-client limit would
    # otherwise refuse most of them.
    cmd = [sys.executable, "-m", "dissertation_kg.server.cli", "serve", "--store", str(store), "--port", str(port),
           "--workers", str(workers), "--client-queries", "64", "--no-build", "--no-watch", *extra]
    return Process(cmd, f"http://127.0.0.1:{port}/sparql", logs / f"serve-{port}.log",
                   f"http://127.0.0.1:{port}/status")


def load(urls: list[str], texts: list[str], clients: int, seconds: float) -> tuple[float, int]:
    """Answers per second and failed requests, `clients` threads sending the questions in
    rotation to the URLs in turn."""
    counter = itertools.count()
    stop = time.monotonic() + seconds
    done, failed = [0], [0]
    lock = threading.Lock()

    def client():
        session = requests.Session()
        while time.monotonic() < stop:
            n = next(counter)
            try:
                ok = session.post(urls[n % len(urls)], data={"query": texts[n % len(texts)] + f"\n# request {n}"},
                                  headers={"Accept": "application/sparql-results+json"}, timeout=120).status_code == 200
            except requests.RequestException:
                ok = False
            with lock:
                done[0] += ok
                failed[0] += not ok

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return done[0] / (time.monotonic() - started), failed[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", type=Path, default=Path(tempfile.gettempdir()) / "dkg-bench-replicas" / "store")
    ap.add_argument("--count", type=int, default=300, help="documents to generate when the store is new")
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--duration", type=float, default=15.0, help="seconds per run")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    ensure_store(args.store, None, args.count, build_timeout=3600, skip_validation=False)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "queries").glob("*.rq"))
             if not p.name.startswith("30-search")]
    logs = Path(tempfile.mkdtemp(prefix="dkg-bench-replicas-"))
    one, two = serve(args.store, 1, logs), serve(args.store, 2, logs)
    # Most competency questions are estimated heavy, and the heavy lane keeps one worker for
    # small queries (--heavy-workers defaults to workers - 1): the second worker helps them only
    # when the lane may use it.
    both = serve(args.store, 2, logs, "--heavy-workers", "2")
    replica_a, replica_b = serve(args.store, 1, logs), serve(args.store, 1, logs)
    servers = [one, two, both, replica_a, replica_b]
    setups = (("one server, 1 worker", [one.url]), ("one server, 2 workers", [two.url]),
              ("one server, 2 workers, --heavy-workers 2", [both.url]),
              ("two replicas, 1 worker each", [replica_a.url, replica_b.url]))
    rates: dict[str, list[float]] = {name: [] for name, _ in setups}
    try:
        for name, urls in setups:  # warm each set-up (worker start, the estimator's grammar, OS caches)
            load(urls, texts, 1, 3)
        for r in range(args.rounds):
            for name, urls in setups:
                wait_until_idle(servers)
                rate, failed = load(urls, texts, args.clients, args.duration)
                rates[name].append(rate)
                print(f"round {r + 1}: {name}: {rate:.2f} answers/s" + (f" ({failed} failed)" if failed else ""),
                      flush=True)
    finally:
        for s in servers:
            s.stop()
    base = statistics.median(rates[setups[0][0]])
    print(f"\ncompetency mix, {args.clients} clients, {args.rounds} rounds of {args.duration:g} s, medians:")
    for name, _ in setups:
        m = statistics.median(rates[name])
        print(f"  {name}: {m:.2f} answers/s, ratio {m / base:.2f}")


if __name__ == "__main__":
    main()
