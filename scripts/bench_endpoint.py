#!/usr/bin/env python3
"""Our /sparql (`dkg serve`) against Oxigraph's own server on the same database, under load.

    python scripts/bench_endpoint.py                       # 10,000 generated documents
    python scripts/bench_endpoint.py --count 500 --duration 5
    python scripts/bench_endpoint.py --store .dkg/bench-store   # reuse a built store

The store is built once and reused on later runs: `dkg generate` + `dkg build`; when the build
exceeds --build-timeout (SHACL validation of 10,000 documents takes hours on 2 shared cores) or
with --skip-validation, the mapper's output is loaded unvalidated in the same layout; when the
pipeline is unavailable, MODEL.md-shaped quads are generated here. Both servers read the same generation directory:
ours through `dkg serve`, the reference through `oxigraph serve-read-only --union-default-graph`
(our endpoint's default graph is the union of the named graphs too, so both answer the same).

Load comes from `wrk` (Debian package `wrk`) with a Lua script that POSTs the competency
questions (queries/*.rq) in rotation. Runs are interleaved (ours, then Oxigraph, alternating
which goes first) at 1, 8 and 32 connections, for:
  * the competency questions, with our result cache in play (the same texts repeat),
  * the same questions made unique per request (a counter comment), so every request is
    evaluated: the fair comparison with Oxigraph, which has no result cache,
  * a trivial `ASK {}`, which measures the protocol overhead alone.
Before each run both servers must be idle (no CPU used by their process groups), since a server
keeps evaluating requests abandoned when the previous run stopped. Each line prints throughput
(answered requests only), p50 and p99 latency and the ours/Oxigraph ratios. wrk's own CPU time
is printed as a share of one core, to show the load generator was not the bottleneck.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dissertation_kg.mappings.resources import queries_dir  # noqa: E402
from dissertation_kg.server.store.engines import UNION_MARKER, StoreLocation  # noqa: E402

RESULTS_JSON = "application/sparql-results+json"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def need(tool: str, install: str) -> str:
    path = shutil.which(tool)
    if path is None:
        sys.exit(f"{tool} is not installed; {install}, then run this again.")
    return path


# --------------------------------------------------------------------------- the store


def ensure_store(store: Path, corpus: Path | None, count: int, build_timeout: float, skip_validation: bool) -> Path:
    location = StoreLocation(store)
    current = location.current()
    if current is not None:
        print(f"reusing the store in {store} (generation {current.name})")
        return current
    dkg = [sys.executable, "-c", "from dissertation_kg.server.cli import main; main()"]
    if corpus is None:
        corpus = store.parent / f"{store.name}-corpus-{count}"
    if not any(corpus.glob("*.txt")):
        print(f"generating {count} documents into {corpus} …")
        done = subprocess.run(dkg + ["generate", "--count", str(count), str(corpus)])
        if done.returncode != 0:
            print("`dkg generate` failed; generating quads directly instead")
            return synthetic_store(store, count)
    started = time.monotonic()
    if not skip_validation:
        print(f"building the store from {corpus} with `dkg build` (up to {build_timeout:.0f} s) …")
        proc = subprocess.Popen(dkg + ["build", "--seeds", str(corpus), "--store", str(store), "--quiet"],
                                start_new_session=True)
        try:
            code = proc.wait(build_timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            code = None
            print(f"`dkg build` took longer than {build_timeout:.0f} s (SHACL validation dominates on a "
                  "shared machine); loading the mapper's output without validation instead")
        current = location.current()
        if current is not None:
            print(f"built in {time.monotonic() - started:.0f} s (exit {code}: rejected documents are "
                  "reported above and left out)")
            return current
    try:
        return mapped_store(store, corpus)
    except Exception as exc:  # the mapper is another module's; never let the benchmark die on it
        print(f"mapping the corpus failed ({exc!r}); generating quads directly instead")
        return synthetic_store(store, count)


def mapped_store(store: Path, corpus: Path) -> Path:
    """What `dkg build` loads, minus SHACL validation: the mapper's graphs, one named graph per
    document, the default graph as their merge, the ontology and vocabularies."""
    import pyoxigraph as ox

    from dissertation_kg.mappings import pairing
    from dissertation_kg.server.build.pipeline import pipeline as build
    from dissertation_kg.server.store.engines import UNION_MARKER
    started = time.monotonic()
    files = build.corpus_files(corpus)
    mapped, rejected, _ = build.map_corpus(files, pairing.read_manifest(corpus))
    payload = b"".join(doc.nquads() for doc in mapped)
    payload += build._static_graphs()
    location = StoreLocation(store)
    generation = location.new_generation()
    db = ox.Store(str(generation))
    db.bulk_load(payload, format=ox.RdfFormat.N_QUADS)
    db.bulk_load(build._GRAPH_LABEL.sub(b" .", payload), format=ox.RdfFormat.N_TRIPLES)
    (generation / UNION_MARKER).touch()
    db.optimize()
    db.flush()
    del db
    location.switch(generation)
    print(f"mapped and loaded {len(mapped)} documents ({len(rejected)} rejected) without validation "
          f"in {time.monotonic() - started:.0f} s")
    return generation


def synthetic_store(store: Path, count: int) -> Path:
    """Quads shaped like ontology/MODEL.md, for when the build pipeline is unavailable."""
    import random

    import pyoxigraph as ox
    rnd = random.Random(0)
    base = "https://w3id.org/dissertation-kg/"
    dkg = base + "ontology#"
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    title = ox.NamedNode("http://purl.org/dc/terms/title")
    words = "policy diplomacy culture mobility education security cooperation humanitarian soft power".split()
    quads = []
    for i in range(count):
        work = f"{base}id/work/w-{i:012x}"
        g = ox.NamedNode(f"{base}graph/source/doc-{i}")
        w = ox.NamedNode(work)
        lang = ("en", "ru", "kk")[i % 3]
        quads += [ox.Quad(w, rdf_type, ox.NamedNode(dkg + "Dissertation"), g),
                  ox.Quad(w, title, ox.Literal(" ".join(rnd.choices(words, k=6)), language=lang), g),
                  ox.Quad(w, ox.NamedNode("http://purl.org/spar/fabio/hasDiscipline"),
                          ox.NamedNode(f"{base}id/specialty/6D0{rnd.randrange(10, 99)}00"), g)]
        for n in range(1, rnd.randrange(3, 9)):
            p = ox.NamedNode(f"{work}/provision/{n}")
            quads += [ox.Quad(w, ox.NamedNode(dkg + "hasProvision"), p, g),
                      ox.Quad(p, rdf_type, ox.NamedNode(dkg + "Provision"), g),
                      ox.Quad(p, ox.NamedNode(dkg + "ordinal"), ox.Literal(str(n), datatype=ox.NamedNode(
                          "http://www.w3.org/2001/XMLSchema#positiveInteger")), g),
                      ox.Quad(p, ox.NamedNode(dkg + "text"),
                              ox.Literal(" ".join(rnd.choices(words, k=20)), language=lang), g)]
    location = StoreLocation(store)
    generation = location.new_generation()
    db = ox.Store(str(generation))
    db.bulk_extend(quads)
    db.flush()
    del db
    location.switch(generation)
    return generation


# --------------------------------------------------------------------------- servers


class Process:
    def __init__(self, cmd: list[str], url: str, log: Path, probe: str):
        self.url = url
        self.log = open(log, "wb")
        self.proc = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(probe, timeout=5).read()
                return
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    sys.exit(f"{cmd[0]} did not start; see {log}")
                time.sleep(0.3)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
        self.log.close()


def group_cpu_seconds(pgid: int) -> float:
    """CPU time used so far by every process in a process group (a server and its workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # field 5 of stat, after the command name
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def wait_until_idle(servers: list["Process"], limit: float = 180.0) -> float:
    """Wait for requests abandoned by the previous run to finish: a server keeps evaluating them
    after wrk stops, and the next run would otherwise queue behind them."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        before = [group_cpu_seconds(s.proc.pid) for s in servers]
        time.sleep(0.5)
        after = [group_cpu_seconds(s.proc.pid) for s in servers]
        if all(b - a < 0.05 for a, b in zip(before, after)):
            break
    return time.monotonic() - started


def post_query(url: str, query: str, timeout: float = 300) -> dict:
    req = urllib.request.Request(url, data=query.encode(), method="POST",
                                 headers={"Content-Type": "application/sparql-query", "Accept": RESULTS_JSON})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return json.loads(resp.read())


def answer_size(result: dict) -> int | bool:
    return result["boolean"] if "boolean" in result else len(result["results"]["bindings"])


# --------------------------------------------------------------------------- load


LUA = r"""
local queries = { %(queries)s }
local unique = %(unique)s
local counter = 0
local thread_count = 0
-- Each wrk thread is its own Lua state: give each an id so "unique" texts differ across threads.
setup = function(thread)
  thread:set("tid", thread_count)
  thread_count = thread_count + 1
end
init = function(args)
  math.randomseed(os.time() + 7919 * (tid or 0))
end
local headers = { ["Content-Type"] = "application/sparql-query", ["Accept"] = "%(accept)s" }
request = function()
  counter = counter + 1
  local q = queries[(counter %% #queries) + 1]
  if unique then q = q .. "\n# " .. tostring(tid) .. "-" .. tostring(counter) .. "-" .. tostring(math.random(1e9)) end
  return wrk.format("POST", "%(path)s", headers, q)
end
done = function(summary, latency, requests)
  io.write(string.format('BENCH {"requests":%%d,"duration_us":%%d,"status":%%d,"timeout":%%d,"connect":%%d,"read":%%d,"p50":%%d,"p99":%%d}\n',
    summary.requests, summary.duration, summary.errors.status, summary.errors.timeout,
    summary.errors.connect, summary.errors.read, latency:percentile(50), latency:percentile(99)))
end
"""


def lua_string(text: str) -> str:
    level = 0
    while f"]{'=' * level}]" in text:
        level += 1
    return f"[{'=' * level}[{text}]{'=' * level}]"


def wrk_run(wrk: str, url: str, queries: list[str], connections: int, duration: float, unique: bool,
            workdir: Path) -> dict:
    parsed = urllib.parse.urlparse(url)
    script = workdir / f"load-{os.getpid()}-{time.monotonic_ns()}.lua"
    script.write_text(LUA % {"queries": ", ".join(lua_string(q) for q in queries),
                             "unique": "true" if unique else "false", "accept": RESULTS_JSON,
                             "path": parsed.path})
    threads = min(2, connections)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([wrk, "-t", str(threads), "-c", str(connections), "-d", f"{duration:.0f}s",
                          "--timeout", "60s", "-s", str(script), f"{parsed.scheme}://{parsed.netloc}{parsed.path}"],
                         capture_output=True, text=True, timeout=duration + 120)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    script.unlink()
    line = next((l for l in out.stdout.splitlines() if l.startswith("BENCH ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no summary:\n{out.stdout}\n{out.stderr}")
    r = json.loads(line[6:])
    seconds = r["duration_us"] / 1e6
    r["errors"] = r["status"] + r["timeout"] + r["connect"] + r["read"]
    # only answered requests count: a server that fails fast must not look fast
    r["rps"] = max(0, r["requests"] - r["status"] - r["read"]) / seconds if seconds else 0.0
    r["wrk_cpu"] = ((after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)) / seconds
    return r


def fmt_ms(us: float) -> str:
    return f"{us / 1000:8.1f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=10_000, help="documents to generate (default 10000)")
    ap.add_argument("--corpus", type=Path, help="an existing corpus folder to build from")
    ap.add_argument("--store", type=Path, default=None, help="store directory (built if empty; default .dkg/bench-<count>)")
    ap.add_argument("--duration", type=float, default=10, help="seconds per run (default 10)")
    ap.add_argument("--levels", default="1,8,32", help="connection counts (default 1,8,32)")
    ap.add_argument("--build-timeout", type=float, default=1800,
                    help="seconds to give `dkg build` before loading unvalidated mapper output (default 1800)")
    ap.add_argument("--skip-validation", action="store_true",
                    help="load the mapper's output without running `dkg build`'s SHACL validation")
    ap.add_argument("--max-query-s", type=float, default=10,
                    help="leave out of the load any question slower than this on either server (default 10)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="our query worker processes")
    args = ap.parse_args()

    wrk = need("wrk", "apt-get install -y wrk")
    oxigraph = need("oxigraph", "pip install oxigraph (the PyPI package ships the server)")
    store = args.store or ROOT / ".dkg" / f"bench-{args.count}"
    generation = ensure_store(store, args.corpus, args.count, args.build_timeout, args.skip_validation)
    queries = [(p, p.read_text(encoding="utf-8")) for p in sorted(queries_dir().glob("*.rq"))]
    if not queries:
        sys.exit(f"no competency questions in {queries_dir()}; add .rq files there first")
    levels = [int(x) for x in args.levels.split(",")]
    workdir = Path(tempfile.mkdtemp(prefix="dkg-bench-"))

    def start_servers(tag: str, ref_timeout: bool) -> tuple[Process, Process]:
        ours_port, ref_port = free_port(), free_port()
        ours = Process([sys.executable, "-c", "from dissertation_kg.server.cli import main; main()", "serve",
                        "--store", str(store), "--port", str(ours_port), "--workers", str(args.workers),
                        "--queue-size", "64", "--no-build"],
                       f"http://127.0.0.1:{ours_port}/sparql", workdir / f"dkg-{tag}.log",
                       f"http://127.0.0.1:{ours_port}/sparql?query=ASK%7B%7D")
        try:
            # Same default graph as ours: the stored merge when the build wrote one, else the union.
            union = [] if (generation / UNION_MARKER).exists() else ["--union-default-graph"]
            ref = Process([oxigraph, "serve-read-only", "--location", str(generation), *union,
                           "--bind", f"127.0.0.1:{ref_port}", *(["--timeout-s", "60"] if ref_timeout else [])],
                          f"http://127.0.0.1:{ref_port}/query", workdir / f"oxigraph-{tag}.log",
                          f"http://127.0.0.1:{ref_port}/query?query=ASK%7B%7D")
        except SystemExit:
            ours.stop()
            raise
        return ours, ref

    ours, ref = start_servers("check", ref_timeout=True)
    try:
        print("load generator: wrk (C, epoll); its CPU use is printed per run as a share of one core\n")
        print(f"\nstore {generation}; {len(queries)} competency questions; {args.duration:.0f} s per run; "
              f"{os.cpu_count()} cores shared by both servers and wrk\n")
        print("checking every competency question once on both servers (a question is left out of the "
              f"load if either server fails it or takes over {args.max_query_s:.0f} s):")
        usable = []
        for path, q in queries:
            row = []
            for url in (ours.url, ref.url):
                t = time.monotonic()
                try:
                    row.append((answer_size(post_query(url, q, timeout=120)), time.monotonic() - t))
                except OSError as exc:
                    row.append((f"error {getattr(exc, 'code', exc)}", time.monotonic() - t))
                except ValueError:  # a body that is not the JSON it claims to be
                    row.append(("bad JSON", time.monotonic() - t))
            (a, ta), (b, tb) = row
            failed = isinstance(a, str) or isinstance(b, str)
            verdict = "FAILED" if failed else "ok" if a == b else "DIFFERENT ANSWERS"
            slow = max(ta, tb) > args.max_query_s or isinstance(a, str) or isinstance(b, str)
            print(f"  {path.stem:<40} ours {a!s:>8} in {ta:6.2f} s   oxigraph {b!s:>8} in {tb:6.2f} s   "
                  f"{verdict}{'  (left out of the load)' if slow else ''}")
            if not slow:
                usable.append(q)
        if not usable:
            print("no competency question is fast enough on both servers to load-test; only ASK runs")
        queries = usable
        print()
        # Fresh servers for the load: a question that overran its limit may still hold a core
        # (Oxigraph does not cancel it) and would slow whichever server ran it. The reference
        # runs without --timeout-s under load: oxigraph 0.5.13 starts a thread per query for it
        # and aborts (EAGAIN, then out of memory for thread stacks) at thousands of ASKs a second.
        ours.stop()
        ref.stop()
        ours, ref = start_servers("load", ref_timeout=False)
        workloads = [("trivial ASK {}", ["ASK {}"], False)]
        if queries:
            workloads[:0] = [(f"{len(queries)} competency questions in rotation, cache in play", queries, False),
                             (f"{len(queries)} competency questions, every request evaluated (no cache hits)",
                              queries, True)]
        header = (f"{'conns':>5} {'server':>9} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6} "
                  f"{'wrk cpu':>7}")
        for title, qs, unique in workloads:
            print(f"== {title}")
            print(header)
            for n, c in enumerate(levels):
                order = [("ours", ours.url), ("oxigraph", ref.url)]
                if n % 2:
                    order.reverse()  # interleave: neither server always runs on a warmer machine
                results = {}
                for name, url in order:
                    server = ours if name == "ours" else ref
                    wait_until_idle([ours, ref])
                    try:
                        r = wrk_run(wrk, url, qs, c, args.duration, unique, workdir)
                    except RuntimeError as exc:
                        log = Path(server.log.name)
                        server.log.flush()
                        print(f"{exc}\n{name} server exit code {server.proc.poll()}; its log ends:\n"
                              f"{log.read_text(errors='replace')[-2000:]}")
                        return 1
                    results[name] = r
                    print(f"{c:>5} {name:>9} {r['rps']:>9.1f} {fmt_ms(r['p50'])} {fmt_ms(r['p99'])} "
                          f"{r['errors']:>6} {r['wrk_cpu']:>6.0%}")
                o, x = results["ours"], results["oxigraph"]
                ratio = lambda a, b: a / b if b else float("nan")  # noqa: E731
                print(f"{c:>5} {'ours/oxi':>9} {ratio(o['rps'], x['rps']):>9.2f} {ratio(o['p50'], x['p50']):>8.2f} "
                      f"{ratio(o['p99'], x['p99']):>8.2f}")
            print()
    finally:
        ours.stop()
        ref.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
