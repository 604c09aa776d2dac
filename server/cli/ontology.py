"""`dkg ontology check|docs|diff|format`: the curators' tools for the ontology and vocabularies."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from dissertation_kg.mappings.resources import ontology_dir
from dissertation_kg.server.cli.store_option import STORE


@click.group("ontology")
def ontology() -> None:
    """Check, document, compare and format the ontology (ontology/dkg.ttl and friends)."""


@ontology.command("check")
@click.argument("directory", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--no-reasoner", is_flag=True, help="Skip the HermiT consistency checks (no Java needed).")
@click.option("--mappings", "mappings_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of mapper modules to scan for dkg: terms (default: the installed mappers).")
@click.option("--no-mappings", is_flag=True, help="Do not scan mapper modules.")
def check(directory: Path | None, no_reasoner: bool, mappings_dir: Path | None, no_mappings: bool) -> None:
    """Report problems in the ontology folder DIRECTORY (default: the project's ontology/).

    Exits with status 1 when there is any problem; each names its file, line, term and a fix.
    """
    from dissertation_kg.server.curation.check import check_ontology

    directory = directory or ontology_dir()
    started = time.perf_counter()
    problems = check_ontology(directory, reasoner=not no_reasoner,
                              mappings_dir=False if no_mappings else (mappings_dir or True))
    elapsed = time.perf_counter() - started
    here = Path.cwd()
    for p in sorted(problems, key=lambda p: (str(p.file), p.line or 0, p.check, p.term)):
        click.echo(p.render(here))
    skipped = " (reasoner skipped)" if no_reasoner else ""
    if problems:
        files = len({p.file for p in problems})
        click.echo(f"\n{len(problems)} problem{'s' if len(problems) != 1 else ''} in {files} "
                   f"file{'s' if files != 1 else ''}{skipped}, {elapsed:.2f}s", err=True)
        sys.exit(1)
    click.echo(f"{directory}: no problems{skipped}, {elapsed:.2f}s", err=True)


@ontology.command("docs")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("ontology-docs"),
              show_default=True, help="Folder to write index.html into.")
@click.option("--ontology", "ontology_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Ontology file (default: the project's ontology/dkg.ttl).")
@click.option("--store", "store_spec", type=STORE, default=None,
              help="A store (folder, SPARQL engine URL or .toml settings) to take examples from (default: "
                   "DKG_STORE or .dkg/store when it has been built).")
def docs(out_dir: Path, ontology_file: Path | None, store_spec: str | None) -> None:
    """Write HTML documentation of every class and property, in English, Russian and Kazakh."""
    import rdflib

    if store_spec is None:
        from dissertation_kg.server.config import ServerConfig
        from dissertation_kg.server.store.location import StoreLocation

        default = ServerConfig.from_env().store
        if StoreLocation(default).exists():
            store_spec = str(default)
            click.echo(f"examples from {default}", err=True)

    from dissertation_kg.server.publishing.ontology_docs import collect_examples, write_docs

    ontology_file = ontology_file or ontology_dir() / "dkg.ttl"
    try:
        graph = rdflib.Graph().parse(ontology_file, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad syntax
        raise click.ClickException(f"{ontology_file} is not valid Turtle ({exc}); run `dkg ontology check`")
    examples = None
    if store_spec:
        from dissertation_kg.server.store.location import StoreError
        from dissertation_kg.server.store.engines import open_store

        try:
            store = open_store(store_spec)
        except StoreError as exc:
            raise click.ClickException(str(exc))
        try:
            examples = collect_examples(store, graph)
        finally:
            store.close()
    target = write_docs(graph, out_dir, examples)
    click.echo(f"wrote {target}")


@ontology.command("diff")
@click.argument("old")
@click.argument("new", default=None, required=False)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the Markdown here instead of standard output.")
def diff(old: str, new: str | None, output: Path | None) -> None:
    """Changelog entry (Markdown) for the ontology between OLD and NEW.

    Each is a file or a git revision (HEAD~1, ontology-v0.1.0; REV:path for another file). A bare
    revision means the file named on the other side at that revision, so
    `dkg ontology diff HEAD ontology/vocabularies/actors.ttl` compares actors.ttl with its HEAD
    version. NEW defaults to the working copy of the project's ontology/dkg.ttl.
    """
    from dissertation_kg.server.curation.diff import DiffError, diff as diff_versions

    new = new or str(ontology_dir() / "dkg.ttl")
    try:
        text = diff_versions(old, new)
    except DiffError as exc:
        raise click.ClickException(str(exc))
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


@ontology.command("format")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--check", "check_only", is_flag=True,
              help="Change nothing; exit 1 if a file is not formatted.")
def format_(files: tuple[Path, ...], check_only: bool) -> None:
    """Rewrite Turtle FILES in one stable order, so an edit makes a small diff.

    Default: every .ttl file of the project's ontology/ folder (dkg.ttl, shapes.ttl and the
    vocabularies).
    Column-1 comment blocks are kept as section headers; comments inside statements are refused.
    """
    from dissertation_kg.server.curation.formatting import FormatError, format_file

    targets = list(files) or sorted(ontology_dir().rglob("*.ttl"))
    unformatted, failed = [], []
    for path in targets:
        try:
            ok = format_file(path, check=check_only)
        except FormatError as exc:
            failed.append(path)
            click.echo(f"error: {exc}", err=True)
            continue
        if not ok:
            unformatted.append(path)
            click.echo(f"{'would reformat' if check_only else 'reformatted'} {path}")
    if failed:
        sys.exit(2)
    if check_only and unformatted:
        click.echo(f"{len(unformatted)} file(s) not formatted; run `dkg ontology format` on them", err=True)
        sys.exit(1)


format_.name = "format"
COMMANDS = [ontology]
