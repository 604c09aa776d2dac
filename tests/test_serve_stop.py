"""Stopping `dkg serve` with Ctrl-C (SIGINT to the terminal's whole process group) or SIGTERM is
clean: the worker finishes and exits, nothing is SIGKILLed, no "Perhaps out of memory?" in the log."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
import requests

from endpoint_server import free_port, make_generation

DATA = "<https://example.org/s> <https://example.org/p> \"o\" <https://example.org/g> .\n"


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_stop_is_clean(tmp_path, sig):
    root = tmp_path / "store"
    make_generation(root, "g1", DATA)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DKG_")}
    for attempt in range(3):  # the old failure depended on timing; give it three chances to show
        port = free_port()
        log_path = tmp_path / f"serve-{attempt}.log"
        with open(log_path, "wb") as log:
            proc = subprocess.Popen([sys.executable, "-c", "from dissertation_kg.server.cli import main; main()",
                                     "serve", "--store", str(root), "--port", str(port), "--workers", "2"],
                                    stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
            try:
                url = f"http://127.0.0.1:{port}/sparql"
                deadline = time.monotonic() + 60
                while True:
                    try:
                        requests.get(url, params={"query": "ASK {}"}, timeout=5)
                        break
                    except requests.RequestException:
                        assert time.monotonic() < deadline, log_path.read_text(errors="replace")
                        time.sleep(0.2)
                # a kept-alive connection and a finished query, as a browser leaves them
                with requests.Session() as session:
                    assert session.get(url, params={"query": "SELECT * { GRAPH ?g { ?s ?p ?o } }"}, timeout=60).ok
                    started = time.monotonic()
                    os.killpg(proc.pid, sig)  # as the terminal does: every process of the group
                    proc.wait(30)
                    took = time.monotonic() - started
            finally:
                if proc.poll() is None:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait(10)
        text = log_path.read_text(errors="replace")
        assert "SIGKILL" not in text and "Perhaps out of memory" not in text, text[-2000:]
        assert "Worker exiting" in text, text[-2000:]
        assert proc.returncode == 0 and took < 8, (proc.returncode, took, text[-2000:])


def _serve(tmp_path, env, *args):
    port = free_port()
    with open(tmp_path / "serve.log", "wb") as log:
        proc = subprocess.Popen([sys.executable, "-c", "from dissertation_kg.server.cli import main; main()",
                                 "serve", "--port", str(port), "--workers", "2", "--no-watch", *args],
                                stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    return proc, port


def _group_gone(pgid: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    return False


def _wait_for_log(path, text: str, within: float) -> None:
    deadline = time.monotonic() + within
    while text not in path.read_text(errors="replace"):
        assert time.monotonic() < deadline, path.read_text(errors="replace")[-2000:]
        time.sleep(0.1)


def test_stop_after_the_first_build_is_clean(tmp_path):
    """`make serve` on a fresh clone builds the graph, then serves it. The build opened RocksDB
    stores in the process gunicorn then forked its worker from, and that worker died at exit in
    RocksDB's static destructors (std::system_error, SIGABRT): the build now runs apart."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DKG_")}
    store = tmp_path / "store"
    proc, port = _serve(tmp_path, env, "--store", str(store))
    log_path = tmp_path / "serve.log"
    try:
        _wait_for_log(log_path, "Booting worker", 240)
        url = f"http://127.0.0.1:{port}/sparql"
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = requests.get(url, params={"query": "ASK { ?s a <https://w3id.org/dissertation-kg/ontology#Dissertation> }"},
                                      headers={"Accept": "application/sparql-results+json"}, timeout=10)
                break
            except requests.RequestException:
                assert time.monotonic() < deadline, log_path.read_text(errors="replace")[-2000:]
                time.sleep(0.2)
        assert answer.json()["boolean"] is True
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
    text = log_path.read_text(errors="replace")
    assert "system_error" not in text and "SIGABRT" not in text and "Traceback" not in text, text[-2000:]
    assert proc.returncode == 0, text[-2000:]


def test_stopping_during_the_first_build_stops_the_build(tmp_path):
    """SIGTERM while the first build runs stops it too: no process of it goes on building
    behind the user's back, and no generation appears in the store."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DKG_")}
    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, "-c", "from dissertation_kg.server.cli import main; main()",
                    "generate", "-n", "120", str(corpus)], check=True, env=env, capture_output=True)
    store = tmp_path / "store"
    proc, _port = _serve(tmp_path, env, "--store", str(store), "--seeds", str(corpus))
    log_path = tmp_path / "serve.log"
    try:
        _wait_for_log(log_path, "building it from", 60)
        time.sleep(1.0)
        assert proc.poll() is None, "the build of 120 documents ended within a second: make it longer"
        proc.send_signal(signal.SIGTERM)  # `kill PID`: the server's process alone, not its group
        proc.wait(30)
        assert _group_gone(proc.pid, 30), "a process of the stopped build is still running"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
    text = log_path.read_text(errors="replace")
    assert proc.returncode != 0 and "Booting worker" not in text, text[-2000:]
    generations = store / "generations"
    assert not generations.is_dir() or not list(generations.iterdir()), list(generations.iterdir())
    assert "Traceback" not in text and "leaked" not in text, text[-2000:]


_POOL_WORKERS_STOP = r"""
import signal, sys, time
from dissertation_kg.server.build import pipeline
pool = pipeline._started_pool(2)
pids = [p.pid for p in pool._pool]
blocked = []
for pid in pids:
    with open(f"/proc/{pid}/status") as status:
        mask = int(next(line for line in status if line.startswith("SigBlk:")).split()[1], 16)
    blocked.append(bool(mask & (1 << (signal.SIGTERM - 1))))
started = time.monotonic()
pool.terminate()
pool.join()
print(blocked, round(time.monotonic() - started, 1))
"""


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads the workers' signal masks from /proc (Linux)")
def test_the_build_pools_workers_can_be_stopped():
    # The pool's start blocks SIGTERM in the building thread (see _started_pool); a fork server
    # started inside that window handed the blocked mask to every worker, Pool.terminate's SIGTERM
    # then waited in them for ever and the build never ended (the CI rehearsal's remote-engine build).
    # A fresh interpreter, so that no fork server runs yet.
    out = subprocess.run([sys.executable, "-c", _POOL_WORKERS_STOP], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    blocked, seconds = out.stdout.split("] ")
    assert blocked == "[False, False" and float(seconds) < 30, out.stdout
