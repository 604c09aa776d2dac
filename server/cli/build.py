"""`dkg build`, `dkg map`, `dkg validate`."""
from __future__ import annotations

import sys
from pathlib import Path

import click
from rdflib import Dataset, Graph, URIRef

from dissertation_kg.mappings import linking, pairing
from dissertation_kg.mappings.vocab import CANDIDATES_GRAPH
from dissertation_kg.mappings.errors import MappingError

from dissertation_kg.server.build import shacl
from dissertation_kg.server.build.pipeline import build as run_build
from dissertation_kg.server.build.pipeline import map_corpus
from dissertation_kg.mappings.resources import seeds_dir
from dissertation_kg.server.cli.store_option import STORE, resolved, store_option
from dissertation_kg.server.store.location import StoreError
from dissertation_kg.server.store.spec import RemoteSpec, local_dir
from dissertation_kg.server.store.engines import open_store


def _err(message: str) -> None:
    click.secho(message, fg="red", err=True)


@click.command("build")
@click.option("--seeds", "seeds", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of abstracts (.txt, .md, .pdf, .docx) and its manifest.toml. Default: the embedded seed corpus.")
@store_option(help="Where to build: a store folder (a new Oxigraph generation), or a SPARQL engine's URL or "
                   ".toml settings (new graphs on the engine, then one switch). Default: DKG_STORE_*, else .dkg/store.")
@click.option("--no-cache", is_flag=True, help="Map and validate every document again.")
@click.option("--full", is_flag=True, help="Load every document into the new generation (one bulk load) instead of "
                                          "changing only what differs from the served one.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--ontology", "ontology", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Ontology folder (dkg.ttl, shapes.ttl, vocabularies/) to build with (DKG_ONTOLOGY). "
                   "Default: the project's ontology/.")
def build(seeds: Path | None, store, no_cache: bool, full: bool, quiet: bool, ontology: Path | None) -> None:
    """Map, validate and load a corpus into a fresh store generation, then switch to it.

    The new generation starts from the served one and changes only the graphs whose quads
    changed (a line says so, or why every document was loaded instead; --full forces that).
    Warns about every deprecated term the data still uses and names every work loaded with
    parts missing. Exits 1 only when a document was rejected (the others are loaded all the
    same); missing parts never fail the build."""
    import os

    from dissertation_kg.server.build.record import fingerprint, prune_records, summary_record, write_record
    from dissertation_kg.server.curation.deprecation import deprecated_uses_in
    from dissertation_kg.mappings.resources import ontology_dir

    if ontology is not None:
        os.environ["DKG_ONTOLOGY"] = str(ontology.resolve())  # read by the build, shapes and linker
    seeds = seeds or seeds_dir()
    store = resolved(store)
    # Before the build: an edit during it shows up next time. The files' hashes are remembered in
    # the (local or staging) store by their stat, as the curators' loop does.
    source_fingerprint = fingerprint(seeds, ontology_dir(), local_dir(store) if isinstance(store, RemoteSpec) else store)
    engine_generation = None
    try:
        if isinstance(store, RemoteSpec):
            from dissertation_kg.server.build.remote import build_into_engine

            summary, engine_generation = build_into_engine(seeds, store, use_cache=not no_cache, full=full,
                                                           progress=None if not quiet else False)
            store = summary.generation.parent.parent  # the local staging store keeps the record
        else:
            summary = run_build(seeds, store, use_cache=not no_cache, full=full,
                                progress=None if not quiet else False)
    except (MappingError, FileNotFoundError) as exc:
        _err(f"build failed: {exc}")
        sys.exit(2)
    except StoreError as exc:
        _err(f"build failed: {exc}")
        sys.exit(2)
    deprecations = deprecated_uses_in(summary.generation)
    record = summary_record(summary, seeds=seeds, ontology=ontology_dir(), source_fingerprint=source_fingerprint,
                            deprecations=[d.as_dict() for d in deprecations])
    if engine_generation:  # a server over the engine finds the record by the engine's generation (/status)
        record["engine_generation"] = engine_generation
        record["engine_load_seconds"] = round(summary.timings.get("engine load", 0.0), 3)
    write_record(store, record)
    prune_records(store)
    for warning in summary.warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    for use in deprecations:
        click.secho(f"warning: {use.message()}", fg="yellow", err=True)
    for line in summary.pairing:
        click.echo(f"paired {line}", err=True)
    for line in gap_report(summary):
        click.secho(line, fg="yellow", err=True)
    for rejection in summary.rejected:
        _err(f"rejected {rejection.source}: {rejection.reason} problem")
        for problem in rejection.problems:
            _err(f"  - {problem}")
    click.echo(summary.report())
    if engine_generation:
        click.echo(f"engine: generation {engine_generation} is now served")
    if summary.rejected:
        _err(f"{len(summary.rejected)} document(s) rejected; fix them and run `dkg build` again.")
        sys.exit(1)


GAP_LINES = 20  # per kind of report line; the rest is on /status and in queries/27-works-lacking-parts.rq


def gap_report(summary) -> list[str]:
    """What loaded with parts missing, in plain words naming the files: one line per work that
    lacks something, then the SHACL warnings and information grouped by what they say."""
    from dissertation_kg.mappings.gaps import WORDS

    lines = []
    for gap in summary.gaps[:GAP_LINES]:
        lines.append(f"incomplete {gap['work']} ({', '.join(gap['sources'])}): loaded without "
                     + ", ".join(WORDS[p] for p in gap["lacks"]))
    if len(summary.gaps) > GAP_LINES:
        lines.append(f"… and {len(summary.gaps) - GAP_LINES} more incomplete works: see /status or run "
                     "`dkg query queries/27-works-lacking-parts.rq`")
    grouped: dict[tuple[str, str], list[str]] = {}
    for notice in summary.notices:
        source, _, rest = notice.partition(": ")
        level, _, rest = rest.partition(": ")
        message = rest.split(": ", 1)[-1]
        grouped.setdefault((level, message), []).append(source)
    for (level, message), sources in sorted(grouped.items(), key=lambda kv: (kv[0][0] != "warning", kv[0][1])):
        shown = ", ".join(sources[:5]) + (f" and {len(sources) - 5} more" if len(sources) > 5 else "")
        lines.append(f"{level} ({len(sources)} document(s): {shown}): {message}")
    return lines


def _map_files(files: tuple[Path, ...]):
    manifest: dict[str, str] = {}
    for folder in sorted({f.parent for f in files}):
        manifest.update(pairing.read_manifest(folder))
    return map_corpus(list(files), manifest)


@click.command("map")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["trig", "nquads", "turtle", "jsonld"]), default="trig",
              show_default=True, help="turtle merges the documents' graphs; the others keep one named graph per document.")
def map_command(files: tuple[Path, ...], fmt: str) -> None:
    """Print the RDF of FILES (translations among them become one work), with the names they
    mention that no vocabulary knows (the candidates graph, as `dkg build` stores it). Nothing
    is stored."""
    mapped, rejected, _works = _map_files(files)
    candidates = linking.candidates_graph([c for doc in mapped for c in doc.candidates])
    if fmt == "turtle":
        out = Graph()
        for doc in mapped:
            out += doc.graph
        out += candidates
    else:
        out = Dataset()
        for doc in mapped:
            named = out.graph(doc.graph_iri)
            for triple in doc.graph:
                named.add(triple)
        if len(candidates):
            queue = out.graph(URIRef(CANDIDATES_GRAPH))
            for triple in candidates:
                queue.add(triple)
    for prefix, ns in (mapped[0].graph.namespaces() if mapped else []):
        out.bind(prefix, ns)
    rdflib_format = {"trig": "trig", "nquads": "nquads", "turtle": "turtle", "jsonld": "json-ld"}[fmt]
    sys.stdout.write(out.serialize(format=rdflib_format))
    for rejection in rejected:
        _err(f"not mapped: {rejection.problems[0]}")
    if rejected:
        sys.exit(1)


@click.command("validate")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--store", "store", type=STORE, default=None,
              help="Validate what a built store serves instead (folder, engine URL or .toml): every named graph "
                   "(documents, candidates, ontology, vocabularies) and the default graph, their merge.")
def validate(files: tuple[Path, ...], store) -> None:
    """Check documents (or what a store serves) against the SHACL shapes; problems in plain
    words, each naming the file or graph at fault. Exits 1 on violations; warnings and notes on
    missing parts do not fail it."""
    if bool(files) == bool(store):
        raise click.UsageError("give either FILE... or --store DIR|URL")
    problems: list[str] = []
    notices: list[str] = []
    if files:
        mapped, rejected, _ = _map_files(files)
        problems += [r.problems[0] for r in rejected]
        for doc in mapped:
            found = shacl.validate_graph(doc.graph, doc.source)
            problems += [str(p) for p in shacl.violations(found)]
            notices += [str(p) for p in shacl.notices(found)]
        checked = f"{len(mapped)} document(s) checked"
    else:
        from dissertation_kg.server.build.conformance import describe, validate_store

        try:
            st = open_store(store)
        except StoreError as exc:
            _err(str(exc))
            sys.exit(2)
        try:
            results = validate_store(st)
        except StoreError as exc:
            _err(f"cannot read the store {store}: {exc}")
            sys.exit(2)
        failing = []
        for result in results:
            where = describe(result.graph)
            problems += [f"{where}: {str(p).split(': ', 1)[1]}" for p in result.violations]
            notices += [f"{where}: {str(p).split(': ', 1)[1]}" for p in result.notices]
            if result.violations:
                failing.append(f"{where}: {len(result.violations)} violation(s)")
        checked = (f"{len(results) - 1} named graph(s) ({sum(r.triples for r in results[:-1])} triples) and the "
                   f"default graph ({results[-1].triples} triples) checked")
        for line in failing:
            _err(f"fails: {line}")
    for p in problems + notices:
        click.echo(p)
    click.echo(f"{checked}, {len(problems)} problem(s), "
               f"{len(notices)} warning(s) or note(s) on missing parts (these do not fail validation)", err=True)
    if problems:
        sys.exit(1)


COMMANDS = [build, map_command, validate]
