"""Live `dkg serve` processes for the endpoint tests: a store laid out in generations, a free
127.0.0.1 port, and a server that is always stopped (with its query workers) afterwards."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import requests

from dissertation_kg.server.store.location import StoreLocation

REPO = Path(__file__).resolve().parents[1]
W3C = REPO / "tests" / "w3c"  # the W3C manifests and data, copied in with their licence


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_generation(root: Path, name: str, nquads: str = "", switch: bool = True) -> Path:
    """A generation holding `nquads`, made current (as `dkg build` does)."""
    location = StoreLocation(root)
    path = root / "generations" / name
    path.mkdir(parents=True)
    store = ox.Store(str(path))
    if nquads:
        store.load(nquads.encode(), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    if switch:
        location.switch(path)
    return path


class Server:
    def __init__(self, store: Path, *args: str, token: str | None = "secret", workers: int = 2):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = token
        cmd = [sys.executable, "-c", "from dissertation_kg.server.cli import main; main()",
               "serve", "--store", str(store), "--port", str(self.port), "--workers", str(workers), "--no-build", *args]
        if token:
            cmd += ["--update-token", token]
        self.log = open(store.parent / f"server-{self.port}.log", "wb")
        env = {k: v for k, v in os.environ.items() if not k.startswith("DKG_")}
        self.proc = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        deadline = time.monotonic() + 60
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"dkg serve exited with {self.proc.returncode}: {self.read_log()}")
            try:
                requests.get(self.url + "/admin/status", timeout=2).raise_for_status()
                break
            except requests.RequestException:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"dkg serve did not come up: {self.read_log()}")
                time.sleep(0.2)

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"

    def auth(self) -> dict:
        return {"Authorization": f"Bearer {self.token}"}

    def status(self) -> dict:
        return requests.get(self.url + "/admin/status", headers=self.auth() if self.token else {}, timeout=10).json()

    def read_log(self) -> str:
        self.log.flush()
        return Path(self.log.name).read_text(errors="replace")[-3000:]

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
        self.log.close()
