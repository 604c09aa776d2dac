"""The curators' loop inside `dkg serve`: rebuild when the sources change, switch only to a good graph.

Requests for a rebuild come from the source watcher (server/watch.py), from `dkg reload`
(POST /admin/reload) and from start-up, when the sources differ from those the served graph was
built from. One thread runs them one at a time: requests that arrive while one is waiting or
running are merged into the next, and a request waits until the sources have been quiet for a
moment, so a burst of saves (an editor writing a file twice, a `git checkout`) costs one build.

Each rebuild is a child process (server/rebuild_job.py) that checks the ontology, builds a new
generation and switches `current` only if nothing blocks; one is kept started and warm ("the
spare") while the loop waits, so an edit's rebuild does not wait for Python to start; the request threads keep answering
from whichever generation `current` names, so no query fails across the switch. Over a remote
engine the same child builds into the engine's local staging store, loads the engine and moves
its pointer (as `dkg build --store URL` does), keeping the previous generation on the engine
until the next rebuild so that queries already sent for it still find it. The outcome of
every attempt is kept for /status and logged one line per problem.
"""
from __future__ import annotations

import collections
import datetime as dt
import json
import logging
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable

from dissertation_kg.server.build.record import current_record, fingerprint, read_record
from dissertation_kg.server.config import ServerConfig
from dissertation_kg.mappings.resources import ontology_dir, seeds_dir
from dissertation_kg.server.curation import rebuild_job
from dissertation_kg.server.curation.source_gate import plain_problem
from dissertation_kg.server.curation.watch import SourceWatcher
from dissertation_kg.server.store.spec import local_dir

log = logging.getLogger("dkg.curators")
SETTLE_SECONDS = 0.5      # quiet time after the last edit before a build starts
BUILD_TIMEOUT = 3600.0    # a build that takes longer is stopped and reported as failed


def _setup_log() -> None:
    # gunicorn configures only its own loggers; the curators read this one in the server's output.
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("[%(asctime)s] [dkg.curators] %(levelname)s %(message)s",
                                               "%Y-%m-%d %H:%M:%S %z"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Rebuilder:
    def __init__(self, config: ServerConfig, on_switch: Callable[[], object] = lambda: None):
        # Over a remote engine the rebuild builds into the engine's local staging store (which
        # keeps the per-document cache and the build records) and then loads the engine.
        self.engine = config.store if config.remote else None
        self.store = local_dir(config.store) if config.remote else Path(config.store)
        record = current_record(self.store)
        # Rebuild from what the served graph was built from, unless told otherwise.
        self.seeds = Path(config.seeds or (record or {}).get("seeds") or seeds_dir()).resolve()
        self.ontology = Path(config.ontology or (record or {}).get("ontology") or ontology_dir()).resolve()
        self.interval = config.watch_interval
        self.on_switch = on_switch
        self.watcher: SourceWatcher | None = None
        self._cond = threading.Condition()
        self._pending: dict | None = None
        self._started = 0          # attempts started
        self._finished = 0         # attempts finished
        self._running: dict | None = None
        self._history: collections.deque[dict] = collections.deque(maxlen=20)
        self._thread: threading.Thread | None = None
        self._spare: subprocess.Popen | None = None   # started and used by the loop's thread only
        self._stopped = False
        _setup_log()

    # -- requests

    def request(self, trigger: str, *, force: bool = False, files: list[str] | tuple = ()) -> int:
        """Schedule a rebuild; returns the number of the attempt that will include this request."""
        with self._cond:
            if self._pending is None:
                self._pending = {"trigger": trigger, "force": force, "files": list(files), "requested": _now()}
            else:
                p = self._pending
                if trigger not in p["trigger"].split(" + "):
                    p["trigger"] += " + " + trigger
                p["force"] = p["force"] or force
                p["files"] = sorted(set(p["files"]) | set(files))
            self._pending["quiet_until"] = time.monotonic() + SETTLE_SECONDS
            self._start_loop()
            self._cond.notify_all()
            return self._started + 1

    def _start_loop(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="dkg-rebuilder", daemon=True)
            self._thread.start()

    def sources_differ(self) -> bool | None:
        """Whether the sources' contents differ from the served graph's; None when unknown (the
        served generation was not made by `dkg build` or a rebuild, so there is nothing to compare)."""
        record = current_record(self.store)
        if record is None or not record.get("fingerprint"):
            return None
        return record["fingerprint"] != fingerprint(self.seeds, self.ontology, self.store)

    def wait(self, attempt: int, timeout: float) -> dict | None:
        """The outcome of attempt number `attempt`, waiting up to `timeout` seconds for it."""
        with self._cond:
            self._cond.wait_for(lambda: self._finished >= attempt, timeout)
            return next((a for a in self._history if a["attempt"] == attempt), None)

    # -- watching

    def watch(self) -> None:
        """Poll the sources every `interval` seconds; also catch up on edits made while stopped."""
        if current_record(self.store) is None:
            log.warning("not following edits: the served generation in %s was not made by `dkg build` "
                        "(it has no build record), so a rebuild could replace data loaded some other way. "
                        "Run `dkg build --store %s` once, or `dkg reload --rebuild` to rebuild now",
                        self.store, self.store)
            return
        self.watcher = SourceWatcher(self.seeds, self.ontology, self.interval,
                                     lambda files: self.request("edit", files=files))
        log.info("following edits to %s and %s (every %gs)", self.ontology, self.seeds, self.interval)
        with self._cond:
            self._start_loop()  # and with it the spare, so the first edit finds it warm
        threading.Thread(target=self._catch_up, name="dkg-catch-up", daemon=True).start()
        self.watcher.start()

    def _catch_up(self) -> None:
        if self.sources_differ():
            self.request("sources changed while the server was stopped")

    def stop(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
        self._stopped = True
        spare, self._spare = self._spare, None
        if spare is not None and spare.poll() is None:
            spare.kill()
            spare.wait()

    # -- running

    def _loop(self) -> None:
        while True:
            # Started from this thread, which lives as long as the server: a child dies with the
            # thread that started it (PR_SET_PDEATHSIG, server/processes.py).
            self._start_spare()
            with self._cond:
                self._cond.wait_for(lambda: self._pending is not None)
                while (remaining := self._pending["quiet_until"] - time.monotonic()) > 0:
                    self._cond.wait(remaining)  # more edits push quiet_until further
                job, self._pending = self._pending, None
                self._started += 1
                job["attempt"] = self._started
                job["started"] = _now()
                self._running = job
            try:
                result = self._run(job)
            except Exception as exc:  # noqa: BLE001 - the loop must survive to serve the next edit
                log.exception("rebuild attempt %d failed unexpectedly", job["attempt"])
                result = {"outcome": "failed", "problems": [plain_problem(
                    "rebuild", self.store, f"{type(exc).__name__}: {exc}", "see the server log; fix and save again")]}
            attempt = {**{k: v for k, v in job.items() if k != "quiet_until"}, **result, "finished": _now()}
            if result["outcome"] == "switched":
                try:
                    self.on_switch()
                except Exception:  # noqa: BLE001
                    log.exception("switched, but clearing the server's caches failed")
            self._report(attempt)
            with self._cond:
                self._history.append(attempt)
                self._finished = job["attempt"]
                self._running = None
                self._cond.notify_all()

    def _run(self, job: dict) -> dict:
        shown = ", ".join(Path(f).name for f in job["files"][:5]) + (" …" if len(job["files"]) > 5 else "")
        log.info("rebuild %d (%s%s): checking and building from %s and %s", job["attempt"], job["trigger"],
                 f": {shown}" if shown else "", self.ontology, self.seeds)
        results = self.store / "builds"
        results.mkdir(parents=True, exist_ok=True)
        out = results / f".attempt-{os.getpid()}-{job['attempt']}.json"
        args = ["--seeds", str(self.seeds), "--ontology", str(self.ontology), "--store", str(self.store),
                "--result", str(out)]
        if job["force"]:
            args.append("--force")
        try:
            proc, returncode, output = self._take_spare(args)
            if proc is None:
                proc = subprocess.Popen([*_JOB, *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True, env=self._env())
                returncode, stdout, stderr = _finish(proc, None)
                output = stderr or stdout
                process = "fresh"
            else:
                process = "spare"
        except subprocess.TimeoutExpired:
            return {"outcome": "failed", "problems": [plain_problem(
                "build", str(self.seeds), f"the build took longer than {BUILD_TIMEOUT:g} s and was stopped",
                "check the corpus for an unusually large document, or build by hand with `dkg build`")]}
        try:
            return json.loads(out.read_text(encoding="utf-8")) | {"process": process}
        except (OSError, ValueError):
            tail = output.strip().splitlines()[-3:]
            return {"outcome": "failed", "problems": [plain_problem(
                "build", str(self.seeds), f"the build process exited with status {returncode}: "
                + " | ".join(tail), "run `dkg build` by hand to see the whole error")]}
        finally:
            out.unlink(missing_ok=True)

    def _env(self) -> dict | None:
        if self.engine is None:
            return None
        # The engine's settings (credentials too) go by the environment, not the command line,
        # which any user of the machine may read.
        return {**os.environ, rebuild_job.ENGINE_ENV: json.dumps(self.engine.as_dict())}

    def _start_spare(self) -> None:
        if self._stopped or (self._spare is not None and self._spare.poll() is None):
            return
        try:
            self._spare = subprocess.Popen([*_JOB, "--spare"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                           stderr=subprocess.PIPE, text=True, env=self._env())
        except OSError as exc:  # the rebuild then starts its own process, as it would anyway
            log.warning("could not start a spare rebuild process (%s); each rebuild starts its own", exc)
            self._spare = None

    def _take_spare(self, args: list[str]) -> tuple[subprocess.Popen | None, int | None, str]:
        """Give the job to the spare: (the process, its exit status, its output), or (None, …)
        when there is none alive."""
        spare, self._spare = self._spare, None
        if spare is None or spare.poll() is not None:
            return None, None, ""
        job = json.dumps({"args": args, "code": rebuild_job.code_digest()}) + "\n"
        returncode, stdout, stderr = _finish(spare, job)
        if rebuild_job.TAKEN not in stdout:  # stale, or it died before reading the job
            return None, None, ""
        return spare, returncode, stderr or stdout

    def _report(self, a: dict) -> None:
        n, outcome = a["attempt"], a["outcome"]
        if outcome == "unchanged":
            log.info("rebuild %d: the sources' contents are those of generation %s; nothing to do", n, a.get("generation"))
        elif outcome == "switched":
            r = a["record"]
            log.info("rebuild %d: now serving generation %s (%d documents, %d works, %d triples, %.1fs)",
                     n, a["generation"], r["documents"], r["works"], r["triples"], a.get("seconds", 0))
        else:
            log.error("rebuild %d %s: still serving generation %s; fix the problem%s below and save again",
                      n, outcome, self.served_generation(), "s" if len(a.get("problems", [])) != 1 else "")
            for p in a.get("problems", []):
                log.error("%s", p["text"])
        for r in a.get("rejected", []):
            for problem in r["problems"]:
                log.warning("rejected %s: %s", r["source"], problem)
        for p in a.get("warnings", []):
            log.warning("%s", p["text"])
        for d in (a.get("record") or {}).get("deprecations", []):
            log.warning("%s", d["message"])

    # -- status

    def served_generation(self) -> str | None:
        current = self.store / "current"
        return current.resolve().name if current.exists() else None

    def status(self) -> dict:
        with self._cond:
            history = list(self._history)
            running = dict(self._running) if self._running else None
            pending = dict(self._pending) if self._pending else None
        for job in (running, pending):
            if job:
                job.pop("quiet_until", None)
        last = history[-1] if history else None
        last_blocked = next((a for a in reversed(history) if a["outcome"] in ("blocked", "failed")), None)
        # Problems still stand until an attempt after them switched or found nothing to do.
        blocking = last_blocked["problems"] if last_blocked is not None and last is last_blocked else []
        return {
            "seeds": str(self.seeds), "ontology": str(self.ontology),
            "watching": self.watcher is not None, "interval": self.interval,
            "state": "building" if running else "waiting" if pending else "idle",
            "running": running, "pending": pending,
            "last_attempt": last, "blocking_problems": blocking,
            "attempts": [{k: a.get(k) for k in ("attempt", "trigger", "started", "finished", "outcome", "generation")}
                         for a in reversed(history)],
        }

    def generation_record(self, name: str) -> dict | None:
        if self.engine is not None:  # `name` is the engine's generation; the record is the staging one's
            from dissertation_kg.server.build.record import engine_record

            return engine_record(self.store, name)
        return read_record(self.store, name)


_JOB = [sys.executable, "-m", "dissertation_kg.server.curation.rebuild_job"]


def _finish(proc: subprocess.Popen, job: str | None) -> tuple[int, str, str]:
    """Send `job` (if any), wait for the process within BUILD_TIMEOUT: (exit status, stdout,
    stderr). Killed on timeout (TimeoutExpired is raised again)."""
    try:
        stdout, stderr = proc.communicate(job, timeout=BUILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise
    return proc.returncode, stdout or "", stderr or ""


def attach(app, config: ServerConfig) -> Rebuilder | None:
    """Give the app its rebuilder (for /admin/reload and /status); start watching if configured."""
    runtime = app.extensions.get("dkg")
    rebuilder = Rebuilder(config, on_switch=runtime.reload if runtime is not None else (lambda: None))
    app.extensions["dkg-rebuild"] = rebuilder
    if config.watch:
        rebuilder.watch()
    return rebuilder
