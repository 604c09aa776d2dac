#!/usr/bin/env python3
"""Replay the attacks of issue #11 against a `dkg serve` this script starts, and print a table
of what happened; with --load, also measure the figures the README quotes.

    python scripts/attack.py            # every attack, about a minute
    python scripts/attack.py --load     # plus: 200 clients for 30 s, p99 beside 4 runaways, slowloris

The server serves the embedded seed corpus, built into a temporary store (the build cache makes
later runs quick), with an update token read from a file, 2 query workers and a 5 s query
limit; a local HTTP listener records every request that reaches it. Everything is started on
127.0.0.1 free ports and stopped at the end. Clients use distinct 127.0.0.x source addresses
where the per-client limit matters (Linux routes all of 127/8 to loopback).
"""
from __future__ import annotations

import argparse
import http.client
import http.server
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import requests
from prettytable import PrettyTable

TOKEN = "attack-token-5e1d"
EX = "http://example.org/"
BASE = "https://w3id.org/dissertation-kg/"
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
LIMIT = 5.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Listener:
    def __init__(self):
        hits = self.hits = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self):
                hits.append(self.path)
                body = b"LISTENER-SECRET"
                self.send_response(500)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


class Server:
    def __init__(self, store: Path, token_file: Path, allowed: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(store.parent / "server.log", "wb")
        cmd = [sys.executable, "-m", "dissertation_kg.server.cli", "serve", "--store", str(store),
               "--port", str(self.port), "--workers", "2", "--timeout", str(LIMIT), "--no-build", "--no-watch",
               "--update-token-file", str(token_file), "--allow-service", allowed]
        env = {k: v for k, v in os.environ.items() if not k.startswith("DKG_")}
        self.proc = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        for _ in range(300):
            try:
                requests.get(self.url + "/admin/status", timeout=2).raise_for_status()
                return
            except requests.RequestException:
                time.sleep(0.2)
        raise SystemExit(f"dkg serve did not come up; see {self.log.name}")

    def auth(self) -> dict:
        return {"Authorization": f"Bearer {TOKEN}"}

    def status(self) -> dict:
        return requests.get(self.url + "/admin/status", headers=self.auth(), timeout=10).json()

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
        self.log.close()


def get_from(source: str, srv: Server, query: str, timeout: float = 30) -> tuple[int, str, float]:
    """(status, body, seconds) for a GET /sparql sent from `source`."""
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=timeout, source_address=(source, 0))
    try:
        conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}),
                     headers={"Accept": "application/sparql-results+json"})
        resp = conn.getresponse()
        return resp.status, resp.read().decode(errors="replace"), time.monotonic() - started
    except OSError as exc:
        return 0, repr(exc), time.monotonic() - started
    finally:
        conn.close()


def raw(srv: Server, data: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", srv.port), timeout=20) as s:
        s.sendall(data)
        return s.recv(300)


def small(i: int) -> str:
    return f"SELECT ?p ?o WHERE {{ ?s ?p ?o }} OFFSET {i % 500} LIMIT 3"


def wait_for(pred, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if pred():
            return True
        time.sleep(0.1)
    return False


# --------------------------------------------------------------------------- the attacks

def attacks(srv: Server, lst: Listener, store: Path):
    def row(finding, attack, expected, outcome, ok):
        return (finding, attack, expected, outcome, "yes" if ok else "NO")

    out = []
    lst.hits.clear()
    leak = lst.url + "/leak"
    q = f'SELECT * WHERE {{ BIND("x\\u005C" AS ?z) SERVICE <{leak}> {{ ?a ?b ?c }} BIND("y" AS ?w) }}'
    codes = [requests.get(srv.url + "/sparql", params={"query": q}, timeout=30).status_code for _ in range(8)]
    out.append(row("1 SSRF", "\\u005C string bypass x8", "400, no hit", f"{set(codes)}, {len(lst.hits)} hits",
                   codes == [400] * 8 and not lst.hits))
    r = requests.post(srv.url + "/sparql", data={"update": f"LOAD <{leak}>"}, headers=srv.auth(), timeout=30)
    out.append(row("1 SSRF", "LOAD <listener> with token", "400, no hit", f"{r.status_code}, {len(lst.hits)} hits",
                   r.status_code == 400 and not lst.hits))
    r = requests.get(srv.url + "/sparql", params={"query": f"SELECT * {{ SERVICE <{lst.url}/allowed> {{ ?a ?b ?c }} }}"},
                     timeout=30)
    out.append(row("1/9 SERVICE", "allowed target answers 500", "502, body not echoed",
                   f"{r.status_code}, echoed={'LISTENER-SECRET' in r.text}",
                   r.status_code == 502 and "LISTENER-SECRET" not in r.text))

    # 2. clients that never read
    socks = []
    for i in range(2):
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        s.bind((f"127.0.0.{20 + i}", 0))
        s.connect(("127.0.0.1", srv.port))
        s.sendall(f"GET /sparql?{urllib.parse.urlencode({'query': CROSS.replace('(COUNT(*) AS ?n)', '*') + f' #{i}'})} "
                  "HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        socks.append(s)
    wait_for(lambda: srv.status()["busy"] == 2, 10)
    t0 = time.monotonic()
    freed = wait_for(lambda: srv.status()["busy"] == 0, LIMIT + 10)
    took = time.monotonic() - t0
    st, _, secs = get_from("127.0.0.1", srv, small(7) + " # after-nonreader")
    for s in socks:
        s.close()
    out.append(row("2 non-reading client", "2 sockets, cross product, never read",
                   f"workers freed by {LIMIT:g} s + slack", f"freed after {took:.1f} s; next query {st} in {secs:.2f} s",
                   freed and st == 200))

    # 3. slowloris
    stop = threading.Event()
    slow = []
    for i in range(30):
        s = socket.create_connection(("127.0.0.1", srv.port), source_address=("127.0.0.30", 0))
        s.sendall(b"GET /status HTTP/1.1\r\nHost: x\r\n")
        slow.append(s)

    def drip():
        while not stop.wait(2):
            for s in slow:
                try:
                    s.sendall(b"X-a: b\r\n")
                except OSError:
                    pass
    threading.Thread(target=drip, daemon=True).start()
    time.sleep(2)
    lat = [get_from("127.0.0.1", srv, small(i) + " # loris")[2] for i in range(10)]
    cached = get_from("127.0.0.1", srv, small(1) + " # loris")
    status = requests.get(srv.url + "/status", headers={"Accept": "application/json"}, timeout=20).status_code
    stop.set()
    for s in slow:
        s.close()
    out.append(row("3 slowloris", "30 connections, a header line every 2 s", "nothing changes",
                   f"small queries max {max(lat):.2f} s, cached {cached[0]}, /status {status}",
                   max(lat) < 1 and status == 200))

    # 4. runaways from one client
    results = []
    threads = [threading.Thread(target=lambda i=i: results.append(get_from("127.0.0.40", srv, CROSS + f" #{i}")))
               for i in range(4)]
    for t in threads:
        t.start()
    wait_for(lambda: srv.status()["busy"] >= 1, 10)
    smalls = [get_from("127.0.0.41", srv, small(i) + " # fair") for i in range(10)]
    for t in threads:
        t.join()
    limited = sum(1 for s, body, _ in results if s == 503 and "per client" in body)
    p = max(x[2] for x in smalls)
    out.append(row("4 fairness", "4 runaways from one client + 10 small from another",
                   "small answered; 3 runaways 503 naming the limit",
                   f"small {[x[0] for x in smalls].count(200)}/10 ok, max {p:.2f} s; {limited} limited",
                   all(x[0] == 200 for x in smalls) and limited == 3))

    # 5. deep queries
    n = 3000
    deep = {"groups": "SELECT * WHERE " + "{" * n + "}" * n,
            "!": "ASK { FILTER(" + "!" * n + "true) }",
            "brackets": "ASK { FILTER(" + "(" * n + "true" + ")" * n + ") }",
            "collections": "ASK { ?s ?p " + "(" * n + "1" + ")" * n + " }",
            "paths": "ASK { ?s " + "(" * n + "<http://p>" + ")" * n + " ?o }"}
    before = srv.status()["killed"]
    codes = {k: requests.post(srv.url + "/sparql", data={"query": v}, timeout=30).status_code for k, v in deep.items()}
    upd = requests.post(srv.url + "/sparql", headers=srv.auth(), timeout=30, data={
        "update": f"INSERT DATA {{ GRAPH <{EX}d> {{ <{EX}s> <{EX}p> " + "(" * n + "1" + ")" * n + " } }"}).status_code
    out.append(row("5 deep nesting", "3,000 levels (6 KB): 5 kinds + an update", "400 up front, no crash",
                   f"{sorted(set(codes.values()))}, update {upd}, workers killed {srv.status()['killed'] - before}",
                   set(codes.values()) == {400} and upd == 400 and srv.status()["killed"] == before))

    # 7. data wipe
    def triples():
        return requests.get(srv.url + "/status", headers={"Accept": "application/json"}, timeout=30).json()["generation"]["triples"]
    t_before = triples()
    codes = [requests.post(srv.url + "/sparql", data={"update": u}, headers=srv.auth(), timeout=30).status_code
             for u in ("CLEAR NAMED", "DROP ALL", "CLEAR ALL", "DROP NAMED", "CLEAR DEFAULT")]
    out.append(row("7 data wipe", "CLEAR NAMED, DROP ALL, CLEAR ALL, DROP NAMED, CLEAR DEFAULT with token",
                   "refused unless destructive=yes (CLEAR DEFAULT: 400, the default graph is the merge)",
                   f"{codes}; /status {t_before} -> {triples()}",
                   codes[:4] == [403] * 4 and codes[4] in (400, 403) and triples() == t_before))

    # 9. smaller ones
    r = raw(srv, b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                 b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n")
    out.append(row("9", "chunk size ZZZ", "400", r.split(b"\r\n")[0].decode(), r.startswith(b"HTTP/1.1 400")))
    r = requests.post(srv.url + "/admin/reload", params={"wait": "inf", "rebuild": "1"}, headers=srv.auth(), timeout=30)
    out.append(row("9", "/admin/reload?wait=inf", "400", str(r.status_code), r.status_code == 400))
    laughs = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">' +
              b"".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(8)) +
              b']><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="http://e/">'
              b'<rdf:Description rdf:about="http://e/x"><e:p>&i;</e:p></rdf:Description></rdf:RDF>')
    r = requests.post(srv.url + "/store", params={"graph": f"{EX}lol"}, data=laughs, timeout=60,
                      headers={**srv.auth(), "Content-Type": "application/rdf+xml"})
    out.append(row("9", f"billion laughs RDF/XML ({len(laughs)} B) to /store", "refused", str(r.status_code),
                   r.status_code == 400))
    st = requests.get(srv.url + "/status", headers={"Accept": "application/json"}, timeout=30).text
    out.append(row("9", "/status", "no absolute paths", f"'{tempfile.gettempdir()}' shown: {tempfile.gettempdir() in st}",
                   tempfile.gettempdir() not in st))
    adm = requests.get(srv.url + "/admin/status", timeout=10).json()
    out.append(row("9", "/admin/status without token", "no PIDs", f"pids shown: {'worker_pids' in adm}",
                   "worker_pids" not in adm))
    cmdline = Path(f"/proc/{srv.proc.pid}/cmdline").read_bytes()
    out.append(row("9", "update token in ps", "not visible", f"visible: {TOKEN.encode() in cmdline}",
                   TOKEN.encode() not in cmdline))
    dump = requests.get(srv.url + "/dumps/dataset.nq.gz", timeout=120).content
    name = dump[10:dump.index(b"\0", 10)] if dump[3] & 8 else b""
    out.append(row("9", "gzip dump header", "no temp name, mtime 0", f"name={name.decode()!r}",
                   b"tmp" not in name and dump[4:8] == b"\0\0\0\0"))
    evil = {"Host": "evil.example"}
    sd = requests.get(srv.url + "/sparql", headers={**evil, "Accept": "text/turtle"}, timeout=30).text
    void = requests.get(srv.url + "/.well-known/void", headers={**evil, "Accept": "text/turtle"}, timeout=60).text
    loc = requests.post(srv.url + "/store", data=f"<{EX}a> <{EX}b> <{EX}c> .", timeout=30,
                        headers={**evil, **srv.auth(), "Content-Type": "application/n-triples"}).headers.get("Location", "")
    echoed = [n for n, t in (("SD", sd), ("VoID", void), ("Location", loc)) if "evil.example" in t]
    out.append(row("9", "Host: evil.example", "not echoed", f"echoed in {echoed or 'nothing'}", not echoed))
    odd = BASE + "id/work/x%3E;%20rel=%22preload%22"
    requests.post(srv.url + "/sparql", headers=srv.auth(), timeout=30, data={"update": (
        f"INSERT DATA {{ GRAPH <{EX}attack> {{ <{odd}> <{EX}p> <{BASE}/evil.example/x> }} }}")})
    r = requests.get(srv.url + "/id/work/x%3E;%20rel=%22preload%22", headers={"Accept": "text/turtle"}, timeout=30)
    out.append(row("9", "Link header of /id/work/x%3E;%20rel=%22preload%22", "encoded",
                   r.headers.get("Link", "")[:40] + "…", 'rel="preload"' not in r.headers.get("Link", "")))
    page = requests.get(srv.url + "/id/work/x%3E;%20rel=%22preload%22", headers={"Accept": "text/html"}, timeout=30)
    out.append(row("9", "IRI …/dissertation-kg//evil.example/x in a page", "no //evil href",
                   f'href="//" present: {chr(34).join(["href=", "//"]) in page.text}', 'href="//' not in page.text))
    out.append(row("9", "HTML headers", "CSP + nosniff",
                   f"CSP {'Content-Security-Policy' in page.headers}, nosniff "
                   f"{page.headers.get('X-Content-Type-Options') == 'nosniff'}",
                   "Content-Security-Policy" in page.headers and page.headers.get("X-Content-Type-Options") == "nosniff"))

    # 6. orphaned worker (last: it kills the app process; gunicorn starts another)
    pids = srv.status()["worker_pids"]
    estimators = srv.status().get("estimator_pids", [])
    ppid = lambda p: int(Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[1])  # noqa: E731
    app = ppid(ppid(pids[0]))
    threading.Thread(target=lambda: get_from("127.0.0.60", srv, CROSS + " # orphan"), daemon=True).start()
    wait_for(lambda: srv.status()["busy"] >= 1, 10)
    busy = [p for p in pids + estimators if Path(f"/proc/{p}").exists()]
    os.kill(app, signal.SIGKILL)
    gone = wait_for(lambda: not any(Path(f"/proc/{p}").exists() and "Z" not in Path(f"/proc/{p}/stat").read_text().split(")")[-1].split()[0]
                                    for p in busy), 5)
    out.append(row("6 orphaned worker", "SIGKILL the app during a runaway query", "workers and estimators gone within 5 s",
                   f"gone: {gone} ({len(busy)} processes)", gone))
    return out


def killed_build_row(store: Path):
    from dissertation_kg.mappings.resources import seeds_dir
    from dissertation_kg.server.build.pipeline import build
    from dissertation_kg.server.store.location import BUILDING, StoreLocation

    location = StoreLocation(store)
    good = location.current()
    for _ in range(2):
        path = location.new_generation()
        (path / BUILDING).write_text("999999999")  # a loader that is gone
        (path / "CURRENT").write_text("")
    build(seeds_dir(), store, progress=False)
    kept = good.exists()
    return ("8 killed builds", "2 abandoned generations, then a build", "last good generation kept",
            f"kept: {kept}, generations: {len(list((store / 'generations').iterdir()))}", "yes" if kept else "NO")


# --------------------------------------------------------------------------- figures

class Reference:
    """Oxigraph's own server on the same generation, the yardstick for the load figures: the same
    load generator, in the same run, against a server with no Python in the request path."""

    def __init__(self, store: Path):
        from dissertation_kg.server.store.engines import UNION_MARKER

        # the PyPI package `oxigraph` ships the server beside this interpreter
        exe = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
        if exe is None:
            raise SystemExit("the `oxigraph` command is not installed; pip install oxigraph (the PyPI package "
                             "ships the server), then run this again")
        generation = (store / "current").resolve()
        self.port = free_port()
        union = [] if (generation / UNION_MARKER).exists() else ["--union-default-graph"]
        self.log = open(store.parent / "oxigraph.log", "wb")
        self.proc = subprocess.Popen([exe, "serve-read-only", "--location", str(generation), *union,
                                      "--bind", f"127.0.0.1:{self.port}"], stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        for _ in range(300):
            try:
                requests.get(f"http://127.0.0.1:{self.port}/query", params={"query": "ASK {}"}, timeout=2).raise_for_status()
                return
            except requests.RequestException:
                time.sleep(0.2)
        raise SystemExit(f"oxigraph serve-read-only did not come up; see {self.log.name}")

    def stop(self):
        os.killpg(self.proc.pid, signal.SIGTERM)
        self.proc.wait(15)
        self.log.close()


def _load_clients(port: int, path: str, first: int, count: int, start_at: float, seconds: float, tag: str,
                  out) -> None:
    """Clients first … first+count-1 of the load, in one process (run by load())."""
    lat, errors, designed = [], [], 0
    lock = threading.Lock()
    while time.time() < start_at:
        time.sleep(0.005)
    end = time.monotonic() + seconds

    def client(i):
        nonlocal designed
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30,
                                          source_address=(f"127.0.{1 + i // 250}.{2 + i % 250}", 0))
        n = 0
        while time.monotonic() < end:
            n += 1
            started = time.monotonic()
            try:
                conn.request("GET", path + "?" + urllib.parse.urlencode({"query": small(i * 7 + n) + tag}),
                             headers={"Accept": "application/sparql-results+json"})
                resp = conn.getresponse()
                resp.read()
                took = time.monotonic() - started
                with lock:
                    if resp.status == 200:
                        lat.append(took)
                    elif resp.status == 503:
                        designed += 1
                    else:
                        errors.append(resp.status)
            except OSError as exc:
                with lock:
                    errors.append(type(exc).__name__)
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30,
                                                  source_address=(f"127.0.{1 + i // 250}.{2 + i % 250}", 0))
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(first, first + count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.send((lat, designed, [str(e) for e in errors]))
    out.close()


def load(srv, clients: int = 200, seconds: float = 30.0, path: str = "/sparql", processes: int = 1) -> str:
    """`clients` keep-alive connections from distinct addresses, each sending the next small
    query as soon as the last answer is read, for `seconds`. With processes > 1 the clients are
    split over that many processes, to tell the generator's own waiting (200 threads under one
    interpreter lock) from the server's; on 29 Nov 4 processes changed neither our p99 nor
    Oxigraph's, so the default stays at one."""
    import multiprocessing

    if isinstance(srv, Server):
        wait_for(lambda: srv.status()["busy"] == 0, 30)
    ctx = multiprocessing.get_context("spawn")
    start_at = time.time() + 3.0  # every process started and its threads ready
    # texts of this run only: each run starts with a cold result cache, as the first one did
    tag = f" # run {time.time_ns()}"
    share = [clients // processes + (1 if k < clients % processes else 0) for k in range(processes)]
    procs, pipes, first = [], [], 0
    for count in share:
        mine, theirs = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_load_clients, args=(srv.port, path, first, count, start_at, seconds, tag, theirs))
        proc.start()
        theirs.close()
        procs.append(proc)
        pipes.append(mine)
        first += count
    lat, errors, designed = [], [], 0
    for pipe, proc in zip(pipes, procs):
        part_lat, part_designed, part_errors = pipe.recv()
        lat += part_lat
        designed += part_designed
        errors += part_errors
        proc.join()
    q = statistics.quantiles(lat, n=100) if len(lat) > 1 else [float("nan")] * 99
    who = "dkg serve" if isinstance(srv, Server) else "oxigraph serve-read-only (reference)"
    return (f"{who}: {clients} clients x {seconds:g} s from {processes} process{'es' if processes > 1 else ''}: "
            f"{len(lat)} answered ({len(lat) / seconds:.0f}/s), "
            f"{designed} designed 503s, {len(errors)} other errors {sorted(set(errors))[:5]}, "
            f"p50 {q[49] * 1000:.0f} ms, p99 {q[98] * 1000:.0f} ms")


def beside_runaways(srv: Server) -> str:
    wait_for(lambda: srv.status()["busy"] == 0, 30)
    # four addresses, so the per-client limit does not help: only the heavy lane keeps a worker free
    threads = [threading.Thread(target=get_from, args=(f"127.0.0.{86 + i}", srv, CROSS + f" # run {i}")) for i in range(4)]
    for t in threads:
        t.start()
    wait_for(lambda: srv.status()["busy"] >= 1, 10)
    lane = srv.status()["heavy_lane"]
    lat = []
    end = time.monotonic() + LIMIT - 1
    i = 0
    while time.monotonic() < end:
        i += 1
        status, _, secs = get_from("127.0.0.91", srv, small(1000 + i) + " # beside")
        if status == 200:
            lat.append(secs)
    for t in threads:
        t.join()
    q = statistics.quantiles(lat, n=100) if len(lat) > 1 else [float("nan")] * 99
    return (f"small queries beside 4 runaways (4 client addresses): {len(lat)} answered, p50 {q[49] * 1000:.0f} ms, "
            f"p99 {q[98] * 1000:.0f} ms (heavy lane: {lane['busy']} running, {lane['waiting']} waiting)")


def beside_slowloris(srv: Server) -> str:
    wait_for(lambda: srv.status()["busy"] == 0, 30)

    def p99(tag):
        lat = [get_from("127.0.0.92", srv, small(2000 + i) + tag)[2] for i in range(100)]
        return statistics.quantiles(lat, n=100)[98] * 1000
    for i in range(10):  # warm: a worker replaced after a runaway opens the store on its first query
        get_from("127.0.0.92", srv, small(i) + " # warm")
    quiet = p99(" # quiet")
    slow = [socket.create_connection(("127.0.0.1", srv.port), source_address=("127.0.0.93", 0)) for _ in range(30)]
    for s in slow:
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
    time.sleep(1)
    under = p99(" # loris")
    for s in slow:
        s.close()
    return f"small-query p99 without / with 30 slowloris connections: {quiet:.0f} ms / {under:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--load", action="store_true", help="also measure the README's load figures")
    parser.add_argument("--load-processes", type=int, nargs="+", default=[1], metavar="N",
                        help="run the 200-client load from N processes, once per N given (default: 1)")
    args = parser.parse_args()
    from dissertation_kg.mappings.resources import seeds_dir
    from dissertation_kg.server.build.pipeline import build

    work = Path(tempfile.mkdtemp(prefix="dkg-attack-"))
    lst = Listener()
    srv = None
    try:
        store = work / "store"
        build(seeds_dir(), store, progress=False)
        token = work / "token"
        token.write_text(TOKEN)
        srv = Server(store, token, lst.url + "/allowed")
        figures = []
        if args.load:
            # the quiet measurements first: the load run leaves abandoned work behind for a while
            figures = [beside_runaways(srv), beside_slowloris(srv)]
            figures += [load(srv, processes=n) for n in args.load_processes]
            ref = Reference(store)
            try:
                figures += [load(ref, path="/query", processes=n) for n in args.load_processes]
            finally:
                ref.stop()
        rows = attacks(srv, lst, store)
        srv.stop()
        srv = None
        rows.append(killed_build_row(store))
        table = PrettyTable(["finding", "attack", "expected", "outcome", "defended"], align="l", max_width=46)
        table.add_rows(rows)
        print(table)
        for line in figures:
            print(line)
        if any(r[-1] != "yes" for r in rows):
            sys.exit(1)
    finally:
        if srv is not None:
            srv.stop()
        lst.httpd.shutdown()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
