"""`dkg serve` (the SPARQL endpoint under gunicorn) and `dkg reload`."""
from __future__ import annotations

import json
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import click

from dissertation_kg.server.cli.store_option import store_option
from dissertation_kg.server.config import ServerConfig
from dissertation_kg.server.store.location import StoreError


def _build_if_missing(config: ServerConfig) -> None:
    from dissertation_kg.server.store.state import state_for
    from dissertation_kg.server.store.location import StoreError

    try:
        state_for(config.store).current()
        return
    except StoreError as exc:
        if not config.build_if_missing:
            raise click.ClickException(f"{exc} (or drop --no-build to build it now)") from None
        if config.remote and "did not answer" not in str(exc) and "nothing has been built" not in str(exc):
            raise click.ClickException(str(exc)) from None  # the engine refused or is down: building would fail too
    from dissertation_kg.mappings.resources import seeds_dir

    seeds = config.seeds or seeds_dir()
    click.echo(f"nothing built in {config.store} yet: building it from {seeds} …", err=True)
    try:
        summary, engine_generation = _build_apart(config.remote, seeds, config.store)
    except StoreError as exc:
        raise click.ClickException(f"building into {config.store} failed: {exc}") from None
    _record(summary, seeds, engine_generation)


def _build_apart(remote: bool, seeds: Path, store) -> tuple:
    """The first build, in a process of its own. Building opens Oxigraph (RocksDB) stores, whose
    background threads a forked child does not inherit; gunicorn forks its worker from this
    process, and that worker's exit then ran RocksDB's static destructors over threads it never
    had: `terminate called after throwing an instance of 'std::system_error'` and SIGABRT.
    Stopping `dkg serve` (SIGTERM, Ctrl-C) stops the build with it, as when it ran here."""
    import multiprocessing
    import signal

    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_build_and_send, args=(remote, seeds, store, send), name="dkg-first-build")
    child.start()
    send.close()
    previous, ok = signal.signal(signal.SIGTERM, _stop_waiting), None
    try:
        ok, outcome = receive.recv()
    except EOFError:
        child.join()
        raise click.ClickException(f"the first build stopped (exit code {child.exitcode}) before it finished; "
                                   f"run `dkg build --store {store}` to see why") from None
    finally:
        signal.signal(signal.SIGTERM, previous)
        if ok is None:  # stopped while waiting: the build stops too
            child.terminate()
        child.join()
    if not ok:
        raise outcome
    return outcome


def _stop_waiting(signum, frame) -> None:
    raise SystemExit(128 + signum)


def _build_and_send(remote: bool, seeds: Path, store, send) -> None:
    import signal

    signal.signal(signal.SIGTERM, _stop_waiting)  # stopped by the parent: unwind, close the build's pool
    try:
        outcome = (True, _build(remote, seeds, store))
    except Exception as exc:  # noqa: BLE001 - handed to the parent, which reports it as before
        outcome = (False, exc)
    send.send(outcome)


def _build(remote: bool, seeds: Path, store) -> tuple:
    if remote:
        from dissertation_kg.server.build.remote import build_into_engine

        return build_into_engine(seeds, store)
    from dissertation_kg.server.build.pipeline import build

    return build(seeds, store), None


def _record(summary, seeds: Path, engine_generation: str | None = None) -> None:
    """A build record, so the server follows edits to the sources this graph came from."""
    from dissertation_kg.server.build.record import fingerprint, summary_record, write_record
    from dissertation_kg.mappings.resources import ontology_dir

    record = summary_record(summary, seeds=seeds, ontology=ontology_dir(),
                            source_fingerprint=fingerprint(seeds, ontology_dir()))
    if engine_generation:  # found by the engine's generation (/status over the engine)
        record["engine_generation"] = engine_generation
        record["engine_load_seconds"] = round(summary.timings.get("engine load", 0.0), 3)
    write_record(summary.generation.parent.parent, record)


GRACEFUL_SECONDS = 10  # how long a stopping server gives in-flight requests before it kills its worker


def _close_runtime(worker) -> None:
    """Stop the query workers and the source watcher of a gunicorn worker's app: a request
    waiting on a query then fails at once instead of holding the worker past the grace period."""
    app = getattr(worker, "wsgi", None)
    extensions = getattr(app, "extensions", {})
    rebuilder = extensions.get("dkg-rebuild")
    if rebuilder is not None:
        rebuilder.stop()
    runtime = extensions.get("dkg")
    if runtime is not None:
        runtime.close()


def _post_worker_init(worker) -> None:
    """Ctrl-C reaches every process of the terminal's group, the worker too. gunicorn's worker
    takes SIGINT as "quit now" (SystemExit wherever its main thread is, then Python waits for
    busy request threads until the arbiter SIGKILLs it); here it stops like on SIGTERM: no new
    requests, query workers closed, in-flight requests answered, then exit."""
    import signal
    import threading

    closing = threading.Event()

    def stop(signum, frame):
        worker.handle_exit(signum, frame)
        if not closing.is_set():
            # Ctrl-C brings SIGINT from the terminal and then SIGTERM from the arbiter: closing
            # runs once, in a thread, so a second signal never re-enters it (and its locks).
            closing.set()
            threading.Thread(target=_close_runtime, args=(worker,), name="dkg-stop", daemon=True).start()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)


def _worker_exit(server, worker) -> None:
    _close_runtime(worker)


def _gunicorn_app(config: ServerConfig):
    from gunicorn.app.base import BaseApplication
    from gunicorn.arbiter import Arbiter

    class _Arbiter(Arbiter):
        def handle_int(self):
            # SIGINT (Ctrl-C) stops like SIGTERM: the worker is asked to finish, not SIGQUIT-ed
            # and then SIGKILLed ("Worker … was sent SIGKILL! Perhaps out of memory?").
            raise StopIteration

    class _Server(BaseApplication):
        def run(self):
            try:
                _Arbiter(self).run()
            except RuntimeError as exc:
                click.echo(f"\nError: {exc}\n", err=True)
                sys.exit(1)

        def load_config(self):
            # One gunicorn process with threads: the heavy lifting happens in the query worker
            # pool, and a single process keeps one writer and one consistent write counter.
            from dissertation_kg.server.cli.http_worker import worker_class

            settings = {
                "bind": f"{config.host}:{config.port}",
                "workers": 1,
                # gthread with deadlines: a slow client loses its connection, never a thread for long
                "worker_class": worker_class(config.head_timeout,
                                             config.query_timeout + config.head_timeout + config.write_slack),
                "threads": config.effective_http_threads,
                "timeout": int(config.query_timeout) + 60,
                "graceful_timeout": GRACEFUL_SECONDS,
                "post_worker_init": _post_worker_init,
                "worker_exit": _worker_exit,
                "limit_request_line": 8190,
                "accesslog": "-",
                # written by one thread: 64 threads contending for the handler's lock were the
                # largest cost at 200 connections (server/cli/access_log.py)
                "logger_class": "dissertation_kg.server.cli.access_log.QueuedAccessLogger",
                "loglevel": "info",
                # gunicorn >= 25 opens a control socket at a fixed per-user path by default, so
                # two servers would fight over it; `dkg reload` is the control interface here.
                "control_socket_disable": True,
            }
            for key, value in settings.items():
                if key in self.cfg.settings:
                    self.cfg.set(key, value)

        def load(self):
            from dissertation_kg.server.app import create_app

            return create_app(config)

    return _Server()


@click.command("serve")
@store_option(help="store folder, SPARQL engine URL or .toml engine settings (DKG_STORE, DKG_STORE_QUERY_URL, "
                   "DKG_STORE_CONFIG; default .dkg/store)")
@click.option("--host", default=None, help="address to bind (DKG_HOST; default 127.0.0.1)")
@click.option("--port", type=int, default=None, help="port (DKG_PORT; default 8000)")
@click.option("--base-iri", default=None, help="base IRI of the data (DKG_BASE_IRI)")
@click.option("--public-url", default=None,
              help="where clients reach this server, e.g. https://kg.example.org/ behind a proxy (DKG_PUBLIC_URL; "
                   "default http://HOST:PORT/); the server's own IRIs use it, never the Host header")
@click.option("--update-token", default=None,
              help="bearer token that enables SPARQL Update and Graph Store writes (DKG_UPDATE_TOKEN); "
                   "visible in `ps`, so prefer --update-token-file or the environment")
@click.option("--update-token-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="read the update token from this file (DKG_UPDATE_TOKEN_FILE)")
@click.option("--timeout", "query_timeout", type=float, default=None, help="query time limit in seconds (DKG_QUERY_TIMEOUT; default 30)")
@click.option("--allow-service", "allowed_services", multiple=True, help="an endpoint SERVICE and LOAD may call (repeatable; DKG_ALLOWED_SERVICES)")
@click.option("--service-timeout", type=float, default=None, help="time limit for queries that call SERVICE (DKG_SERVICE_TIMEOUT; default 10)")
@click.option("--workers", type=int, default=None, help="query worker processes (DKG_WORKERS; default: CPU count)")
@click.option("--queue-size", type=int, default=None, help="requests that may wait for a worker before 503 (DKG_QUEUE_SIZE)")
@click.option("--max-body-bytes", type=int, default=None, help="largest request body (DKG_MAX_BODY_BYTES)")
@click.option("--worker-memory-mb", type=int, default=None, help="heap limit per worker process, 0 for none (DKG_WORKER_MEMORY_MB; default 4096)")
@click.option("--client-queries", type=int, default=None,
              help="queries one client address may run or queue at once (DKG_CLIENT_QUERIES; default workers/2)")
@click.option("--heavy-workers", type=int, default=None,
              help="query workers that queries estimated expensive may use at once (DKG_HEAVY_WORKERS; default workers-1, min 1)")
@click.option("--heavy-cost", type=float, default=None,
              help="estimated rows from which a query counts as expensive (DKG_HEAVY_COST; default 1e6)")
@click.option("--heavy-seconds", type=float, default=None,
              help="a query shape that ran this long counts as expensive next time (DKG_HEAVY_SECONDS; default 1)")
@click.option("--allow-destructive-updates", "allow_destructive", is_flag=True, default=None,
              help="let updates delete built (corpus) graphs without destructive=yes (DKG_ALLOW_DESTRUCTIVE)")
@click.option("--no-build", is_flag=True, help="fail instead of building when the store does not exist")
@click.option("--seeds", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="corpus folder to build and rebuild from (DKG_SEEDS; default: the one the served graph was built from, else the embedded seeds)")
@click.option("--ontology", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="ontology folder (dkg.ttl, shapes.ttl, vocabularies/) to build, check and publish (DKG_ONTOLOGY)")
@click.option("--watch/--no-watch", default=None,
              help="rebuild when the ontology, vocabularies or corpus change (DKG_WATCH; default on)")
@click.option("--watch-interval", type=float, default=None, help="seconds between polls of the sources (DKG_WATCH_INTERVAL; default 2)")
def serve(store, host, port, base_iri, public_url, update_token, update_token_file, query_timeout, allowed_services, service_timeout,
          workers, queue_size, max_body_bytes, worker_memory_mb, client_queries, heavy_workers, heavy_cost, heavy_seconds, allow_destructive, no_build, seeds, ontology, watch, watch_interval):
    """Serve the graph: SPARQL 1.1 Protocol at /sparql, Graph Store Protocol at /store.

    Edits to the ontology, the vocabularies or the corpus are rebuilt into a new generation in the
    background and switched to when they pass the checks (see /status); --no-watch turns that off."""
    import os

    if watch is None and not os.environ.get("DKG_WATCH"):
        watch = True
    if ontology is not None:
        # Every reader of the ontology in this process and in rebuilds follows DKG_ONTOLOGY.
        os.environ["DKG_ONTOLOGY"] = str(ontology.resolve())
    token_file = update_token_file or (Path(os.environ["DKG_UPDATE_TOKEN_FILE"])
                                       if os.environ.get("DKG_UPDATE_TOKEN_FILE") else None)
    if token_file is not None:
        try:
            update_token = token_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise click.ClickException(f"cannot read the update token from {token_file} ({exc.strerror}); "
                                       "check the path and its permissions") from None
        if not update_token:
            raise click.ClickException(f"{token_file} is empty; write the token into it (one line)")
    try:
        config = ServerConfig.from_env(
            store=store, host=host, port=port, base_iri=base_iri, public_url=public_url, update_token=update_token,
            query_timeout=query_timeout, allowed_services=tuple(allowed_services) or None,
            service_timeout=service_timeout, workers=workers, queue_size=queue_size,
            max_body_bytes=max_body_bytes, worker_memory_mb=worker_memory_mb, allow_destructive=allow_destructive,
            client_queries=client_queries, heavy_workers=heavy_workers,
            heavy_cost=heavy_cost, heavy_seconds=heavy_seconds,
            build_if_missing=False if no_build else None,
            seeds=seeds, ontology=ontology, watch=watch, watch_interval=watch_interval,
        )
    except (ValueError, StoreError) as exc:
        raise click.ClickException(str(exc)) from None
    _build_if_missing(config)
    if config.admin_token is None and config.update_token is None and isinstance(config.store, Path):
        # A local folder holds the reload token; over a remote engine there is nothing to
        # reload (servers follow the engine's pointer), so no token is written anywhere.
        from dataclasses import replace

        from dissertation_kg.server.store.admin_token import token_path, write_admin_token

        config = replace(config, admin_token=write_admin_token(config.store))
        click.echo(f"admin token for `dkg reload`: {token_path(config.store)} (readable by you only)", err=True)
    click.echo(f"SPARQL endpoint: http://{config.host}:{config.port}/sparql "
               f"({config.workers} query workers, {config.query_timeout:g} s limit, "
               f"updates {'enabled' if config.update_token else 'disabled'})", err=True)
    _gunicorn_app(config).run()


_LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "0.0.0.0", "[::1]")


@click.command("reload")
@click.option("--url", default=None, help="the server's base URL (default http://DKG_HOST:DKG_PORT/)")
@click.option("--token", default=None,
              help="the server's admin or update token (default DKG_ADMIN_TOKEN, DKG_UPDATE_TOKEN, else the "
                   "token file a local server writes into its store)")
@click.option("--rebuild", is_flag=True, help="rebuild from the sources even if they look unchanged")
@click.option("--wait", "wait", type=float, default=None, is_flag=False, flag_value=600.0,
              help="wait (up to SECONDS, default 600) for the rebuild and print its outcome")
@store_option(help="the store the server answers from (folder, engine URL or .toml): for a folder, where a local "
                   "server wrote admin-token; for an engine, prints the generation it holds (servers over it "
                   "follow its pointer by themselves)")
def reload(url, token, rebuild, wait, store):
    """Tell a running server to answer from the newest build now.

    If the ontology, vocabularies or corpus changed since the served graph was built (or with
    --rebuild), the server also rebuilds them in the background and switches to the result when
    it passes the checks; --wait reports the outcome. Exits 1 when that rebuild was refused."""
    if store is not None and not isinstance(store, Path):
        from dissertation_kg.server.store.state import state_for

        try:
            gen = state_for(store).current()
        except StoreError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"{store} holds generation {gen.name}")
        click.echo("servers over this engine switch to it within a second; nothing to reload")
        return
    config = ServerConfig.from_env(store=store)
    params = {**({"rebuild": "1"} if rebuild else {}), **({"wait": f"{wait:g}"} if wait else {})}
    url = (url or f"http://{config.host}:{config.port}/").rstrip("/") + "/admin/reload" + (
        "?" + urllib.parse.urlencode(params) if params else "")
    token = token or config.admin_token or config.update_token
    if not token and urllib.parse.urlsplit(url).hostname in _LOCAL_HOSTS:
        from dissertation_kg.server.store.admin_token import read_admin_token

        token = read_admin_token(config.store)
    if not token:
        from dissertation_kg.server.store.admin_token import token_path

        raise click.ClickException(
            f"reloading needs the server's token and {token_path(config.store)} does not exist: pass --store "
            "with the store the local server uses, or --token (DKG_ADMIN_TOKEN / DKG_UPDATE_TOKEN)")
    req = urllib.request.Request(url, data=b"", method="POST", headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(req, timeout=30 + (wait or 0)) as resp:
            info = json.load(resp)
    except urllib.error.HTTPError as exc:
        raise click.ClickException(f"{url} answered {exc.code}: {exc.read().decode(errors='replace').strip()}") from None
    except OSError as exc:
        raise click.ClickException(f"cannot reach {url} ({exc}); is `dkg serve` running there?") from None
    click.echo(f"serving generation {info['generation']} (writes: {info['revision']})")
    _report_rebuild(info.get("rebuild"), wait)


def _report_rebuild(rebuild: dict | None, wait: float | None) -> None:
    if not rebuild:
        return
    if not rebuild["scheduled"]:
        click.echo(f"no rebuild: {rebuild['reason']}")
        return
    outcome = rebuild.get("outcome")
    if outcome is None:
        click.echo(f"rebuild {rebuild['attempt']} scheduled" + (" (still running; see /status)" if wait else
                                                                "; see /status for its outcome"))
        return
    if outcome["outcome"] == "switched":
        click.echo(f"rebuilt: now serving generation {outcome['generation']}")
    elif outcome["outcome"] == "unchanged":
        click.echo("rebuild: the sources are unchanged; nothing to do")
    else:
        for problem in outcome.get("problems", []):
            click.secho(problem["text"], fg="red", err=True)
        raise click.ClickException(f"the rebuild was {outcome['outcome']}; the server still serves the last good "
                                   "graph. Fix the problems above and run `dkg reload` again")
    for rejection in outcome.get("rejected", []):
        click.secho(f"rejected {rejection['source']}: {'; '.join(rejection['problems'])}", fg="yellow", err=True)


COMMANDS = [serve, reload]
