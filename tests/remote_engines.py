"""Start and stop real SPARQL engines for the tests and the benchmark: Oxigraph's own server
(the `oxigraph` PyPI package) and Virtuoso open source (Debian's virtuoso-opensource).

Each runs on free local ports in a temporary folder and is killed (by its own pid) when done.
Missing engine: `EngineMissing` (the tests skip with its reason, or fail under CI=true).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

VIRTUOSO_USER, VIRTUOSO_PASSWORD = "dba", "dba"  # a fresh database's administrator


class EngineMissing(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Engine:
    name: str
    query_url: str
    proc: subprocess.Popen
    folder: Path
    env: dict = field(default_factory=dict)   # DKG_STORE_* settings for writing to it
    isql_port: int | None = None

    def stop(self, keep: bool = False) -> None:
        """Stop the engine; its folder (database and all) is removed unless `keep`."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if not keep:
            shutil.rmtree(self.folder, ignore_errors=True)

    def isql(self, sql: str, timeout: float = 60) -> str:
        out = subprocess.run([shutil.which("isql-vt") or "isql", f"127.0.0.1:{self.isql_port}", VIRTUOSO_USER,
                              VIRTUOSO_PASSWORD, f"exec={sql}"], capture_output=True, text=True, timeout=timeout)
        if out.returncode != 0 or "*** Error" in out.stdout + out.stderr:
            raise RuntimeError(f"isql {sql!r} failed: {out.stdout}{out.stderr}")
        return out.stdout


def _wait(url: str, proc: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the engine exited ({proc.returncode}); its log {log}:\n"
                               + (log.read_text(errors="replace")[-3000:] if log.exists() else ""))
        try:
            with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"the engine at {url} did not come up in {seconds:g} s; see {log}")


def oxigraph_binary() -> str:
    exe = Path(sys.executable).with_name("oxigraph")
    found = str(exe) if exe.exists() else shutil.which("oxigraph")
    if not found:
        raise EngineMissing("the Oxigraph server is not installed (pip install oxigraph; it is in the test extras)")
    return found


def start_oxigraph(timeout_s: int | None = None) -> Engine:
    binary = oxigraph_binary()
    folder = Path(tempfile.mkdtemp(prefix="dkg-oxigraph-"))
    port = free_port()
    log = folder / "server.log"
    cmd = [binary, "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}"]
    if timeout_s:
        cmd += ["--timeout-s", str(timeout_s)]
    proc = subprocess.Popen(cmd, stdout=open(log, "wb"), stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/query"
    _wait(url, proc, log)
    return Engine("oxigraph", url, proc, folder)


_VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = {isql}
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
CheckpointInterval = 60
DirsAllowed = ., {d}, /usr/share/virtuoso-opensource-7/vad
ThreadsPerQuery = 2
MaxQueryMem = 500M

[HTTPServer]
ServerPort = {http}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 8
ServerThreads = 8
MaxKeepAlives = 8
KeepAliveTimeout = 10

[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = 60
MaxQueryCostEstimationTime = 400
DefaultGraph = http://localhost:{http}/dataspace
"""


def start_virtuoso(max_rows: int = 10000, folder: Path | None = None) -> Engine:
    """A fresh Virtuoso, or with `folder` the one a kept run left there (new ports, same database)."""
    binary = shutil.which("virtuoso-t")
    if not binary or not shutil.which("isql-vt"):
        raise EngineMissing("Virtuoso is not installed (Debian: apt-get install virtuoso-opensource; "
                            "`make system-deps` does it as root)")
    folder = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="dkg-virtuoso-"))
    http, isql = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(_VIRTUOSO_INI.format(d=folder, http=http, isql=isql, max_rows=max_rows))
    log = folder / "stdout.log"
    proc = subprocess.Popen([binary, "+foreground", "+configfile", str(folder / "virtuoso.ini")], cwd=folder,
                            stdout=open(log, "wb"), stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{http}/sparql"
    _wait(url, proc, folder / "virtuoso.log", seconds=120)
    engine = Engine("virtuoso", url, proc, folder, isql_port=isql,
                    env={"DKG_STORE_USER": VIRTUOSO_USER, "DKG_STORE_PASSWORD": VIRTUOSO_PASSWORD,
                         "DKG_STORE_AUTH": "digest"})
    return engine


def start(name: str, **kwargs) -> Engine:
    return {"oxigraph": start_oxigraph, "virtuoso": start_virtuoso}[name](**kwargs)


if __name__ == "__main__":  # python tests/remote_engines.py virtuoso: start one by hand, Ctrl-C stops it
    e = start(sys.argv[1] if len(sys.argv) > 1 else "oxigraph")
    print(e.query_url, e.env, flush=True)
    try:
        e.proc.wait()
    except KeyboardInterrupt:
        e.stop()
    os._exit(0)
