"""One rebuild, run by the server in a child process: check, build, and switch only if it is good.

    python -m dissertation_kg.server.curation.rebuild_job --seeds DIR --ontology DIR --store DIR --result FILE
    python -m dissertation_kg.server.curation.rebuild_job --spare

With --spare the process imports the build and warms the mappers' language data (word lists,
morphology dictionaries: package files, never the ontology or vocabularies, which a curator may
edit before the job comes), then waits for one line on standard input: the JSON list of the
arguments above and a digest of the code. The server keeps one such spare waiting, so an edit
does not wait for Python to start (~2-4 s of an edit's rebuild on this machine). A spare whose
code is older than the server's (the digest differs) exits with STALE and runs nothing.

A separate process because the mappers and the linker cache the ontology and vocabularies per
process (a rebuild must read the edited files afresh), and so the build's CPU time and memory
never stall the request threads. The outcome goes to FILE as JSON:

  unchanged  the sources' contents equal those of the served generation (a touched file)
  blocked    a blocking ontology problem (server/source_gate.py), the build raised, or no
             document at all passed validation: nothing was switched
  switched   a new generation is being served; documents SHACL rejected are listed
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import time
import traceback
from pathlib import Path


def _outcome(outcome: str, **fields) -> dict:
    return {"outcome": outcome, **fields}


ENGINE_ENV = "DKG_REBUILD_ENGINE"  # the remote engine's settings (JSON), when serving over one
STALE = 75  # a spare's exit status when its code is not the server's: run a fresh process
TAKEN = "job taken"  # what a spare prints once it has its job


def code_digest() -> str:
    """Names, sizes and modification times of the package's Python files: a spare started before
    an edit to the code must not build with the old code."""
    import dissertation_kg.mappings
    import dissertation_kg.server

    h = hashlib.sha256()
    for package in (dissertation_kg.mappings, dissertation_kg.server):
        root = Path(package.__file__).parent
        for path in sorted(root.rglob("*.py")):
            st = path.stat()
            h.update(f"{path.relative_to(root.parent)}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _warm() -> None:
    """Import what a rebuild runs and load the language data the mappers read from packages."""
    import importlib

    for name in ("dissertation_kg.server.build.pipeline", "dissertation_kg.server.curation.deprecation",
                 "dissertation_kg.server.curation.source_gate", "dissertation_kg.mappings.linking"):
        importlib.import_module(name)
    from dissertation_kg.mappings import morphology, people, reflow

    people._given_names()
    people._english_words()
    reflow._english()
    morphology._analyzer()


def _job_from_stdin(parser: argparse.ArgumentParser) -> argparse.Namespace | int:
    """A spare's job: its arguments, or an exit status (0: the server no longer needs it)."""
    digest = code_digest()
    _warm()
    line = sys.stdin.readline()
    if not line.strip():
        return 0
    job = json.loads(line)
    if job.get("code") != digest:
        return STALE
    print(TAKEN, flush=True)  # the server now knows the job is this process's
    return parser.parse_args(job["args"])


def run(seeds: Path, ontology: Path, store: Path, *, force: bool = False, keep: int = 3, engine=None) -> dict:
    # Every reader of the ontology (build, shapes, linker vocabularies) follows DKG_ONTOLOGY.
    os.environ["DKG_ONTOLOGY"] = str(ontology)
    from dissertation_kg.server.build.pipeline import build
    from dissertation_kg.server.build.record import current_record, fingerprint, prune_records, summary_record, write_record
    from dissertation_kg.server.curation.deprecation import deprecated_uses_in
    from dissertation_kg.server.curation.source_gate import check_sources, plain_problem, problem_dict
    from dissertation_kg.server.store.location import StoreLocation

    store = Path(store)
    started = time.time()
    location = StoreLocation(store)
    if location.current() is None and store.is_dir() and any(store.iterdir()) and not (store / "generations").exists():
        # A bare Oxigraph database: generations would be written inside it.
        return _outcome("blocked", problems=[plain_problem(
            "build", store, "the store is a bare Oxigraph database, not a store directory with generations",
            "serve a store made by `dkg build --store DIR` to have it rebuilt")])
    fp = fingerprint(seeds, ontology, store)
    served = current_record(store)
    if not force and served is not None and served.get("fingerprint") == fp:
        return _outcome("unchanged", generation=served.get("generation"))

    gate = check_sources(ontology)
    warnings = [problem_dict(p) for p in gate.warnings]
    if not gate.ok:
        return _outcome("blocked", problems=[problem_dict(p) for p in gate.blocking], warnings=warnings)

    try:
        summary = build(seeds, store, progress=False, switch=False)
    except Exception as exc:  # noqa: BLE001 - any failure of the build blocks, with its reason
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return _outcome("blocked", warnings=warnings, problems=[plain_problem(
            "build", seeds, f"the build failed: {type(exc).__name__}: {exc}",
            f"fix the input it names and save again (raised at {Path(where.filename).name}:{where.lineno})")])
    rejected = [{"source": r.source, "problems": r.problems, "reason": r.reason} for r in summary.rejected]
    if summary.documents == 0 and summary.rejected:
        # An empty graph is never a better answer than the last good one: most likely the shapes
        # were edited so that nothing conforms.
        shutil.rmtree(summary.generation, ignore_errors=True)
        return _outcome("blocked", warnings=warnings, rejected=rejected, problems=[plain_problem(
            "build", ontology / "shapes.ttl", f"all {len(summary.rejected)} documents were rejected, the graph "
            "would be empty", "read the rejections; if every document fails the same shape, the shape is wrong")])

    deprecations = [d.as_dict() for d in deprecated_uses_in(summary.generation)]
    record = summary_record(summary, seeds=seeds, ontology=ontology, source_fingerprint=fp,
                            deprecations=deprecations)
    record["ontology_warnings"] = warnings
    if engine is not None:
        # The engine first: if loading it fails, the staging store does not claim these sources
        # were built, so the next attempt tries again.
        from dissertation_kg.server.build.remote import copy_generation

        try:
            engine_gen, seconds = copy_generation(summary.generation, engine, keep_previous=True)
        except Exception as exc:  # noqa: BLE001 - the engine refused or failed: nothing was switched
            shutil.rmtree(summary.generation, ignore_errors=True)
            return _outcome("blocked", warnings=warnings, rejected=rejected, problems=[plain_problem(
                "build", seeds, f"loading the engine at {engine.query_url} failed: {exc}",
                "check that the engine is up and the credentials (DKG_STORE_*); the served graph is unchanged")])
        record["engine_generation"] = engine_gen
        record["engine_load_seconds"] = round(seconds, 3)
    write_record(store, record)
    location.switch(summary.generation)
    location.prune(keep=keep)
    prune_records(store)
    return _outcome("switched", generation=summary.generation.name, record=record, rejected=rejected,
                    warnings=warnings, seconds=round(time.time() - started, 2))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, required=True)
    parser.add_argument("--ontology", type=Path, required=True)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--result", type=Path, required=True)
    parser.add_argument("--force", action="store_true", help="build even when the sources are unchanged")
    parser.add_argument("--keep", type=int, default=3, help="generations to keep (queries may still read the older ones)")
    argv = sys.argv[1:] if argv is None else argv
    spare = argv == ["--spare"]
    if not spare:
        args = parser.parse_args(argv)
    try:
        from dissertation_kg.server.processes import die_with_parent
        die_with_parent()
        os.nice(10)  # queries first: the build takes the spare CPU
    except OSError:
        pass
    if spare:
        job = _job_from_stdin(parser)
        if isinstance(job, int):
            return job
        args = job
    engine = None
    if os.environ.get(ENGINE_ENV):
        from dissertation_kg.server.store.spec import RemoteSpec

        engine = RemoteSpec.from_dict(json.loads(os.environ[ENGINE_ENV]))
    result = run(args.seeds.resolve(), args.ontology.resolve(), args.store, force=args.force, keep=args.keep,
                 engine=engine)
    tmp = args.result.with_suffix(".tmp")
    tmp.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, args.result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
