"""`dkg candidates` lists the names the linker found but no vocabulary knows; `dkg promote` adds
one of them to a vocabulary file, so the next build links it everywhere; `dkg dismiss` records
that a name is not an entry, so the next build stops listing it. The work is
`curation.candidates`'s; this module parses options and prints."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from prettytable import PrettyTable

from dissertation_kg.mappings.vocab import CANDIDATES_GRAPH
from dissertation_kg.server.curation import candidates as queue
from dissertation_kg.server.cli.store_option import resolved, store_option
from dissertation_kg.server.store.location import StoreError


@click.command("candidates")
@store_option()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def candidates(store, fmt: str) -> None:
    """List the names awaiting review (the named graph of candidates), most frequent first."""
    try:
        rows = queue.awaiting_review(resolved(store))
    except queue.CurationError as exc:
        raise click.ClickException(str(exc)) from None
    except StoreError as exc:
        click.secho(str(exc), fg="red", err=True)
        sys.exit(2)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if not rows:
        click.echo(f"No candidates in <{CANDIDATES_GRAPH}>: every name found is in a vocabulary.")
        return
    table = PrettyTable(["name", "lang", "suggested class", "count", "works", "context"])
    table.align = "l"
    table.max_width = 70
    for r in rows:
        name = r["name"] + (" (promoted; rebuild)" if r["promoted"] else " (dismissed; rebuild)" if r["dismissed"] else "")
        table.add_row([name, r["lang"], r["suggestedClass"], r["count"], r["works"], r["context"]])
    click.echo(table.get_string())
    click.echo(f"{len(rows)} candidate(s). Add one with: dkg promote NAME --class CLASS --label-en ... "
               "--label-ru ... --label-kk ... --definition ...; drop one with: dkg dismiss NAME", err=True)


@click.command("promote")
@click.argument("name")
@click.option("--class", "cls", required=True, type=click.Choice(queue.CLASSES),
              help="The dkg: class of the new entry; it decides the vocabulary file.")
@click.option("--label-en", required=True, help="English preferred label.")
@click.option("--label-ru", required=True, help="Russian preferred label.")
@click.option("--label-kk", required=True, help="Kazakh preferred label.")
@click.option("--alt", "alts", multiple=True,
              help="Alternative label, as TEXT@LANG (en, ru, kk); repeatable. Acronyms, spellings, old names.")
@click.option("--definition", required=True, help="English definition (one sentence).")
@click.option("--slug", help="IRI slug; by default derived from the English label.")
@click.option("--lang", "name_lang", type=click.Choice(["en", "ru", "kk"]),
              help="Language of NAME, when it is kept as an alternative label (default: guessed).")
@click.option("--vocabularies", "directory", type=click.Path(file_okay=False, path_type=Path),
              help="Vocabulary folder (default: the installed ontology/vocabularies).")
def promote(name: str, cls: str, label_en: str, label_ru: str, label_kk: str, alts: tuple[str, ...],
            definition: str, slug: str | None, name_lang: str | None, directory: Path | None) -> None:
    """Add NAME (a candidate) to the vocabulary of its class, with labels in en, ru and kk."""
    try:
        iri, path = queue.promote(name, cls, {"en": label_en, "ru": label_ru, "kk": label_kk}, alts,
                                  definition, slug, name_lang, directory)
    except queue.CurationError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Added <{iri}> to {path}. Run `dkg build` to link it in every abstract.")


@click.command("dismiss")
@click.argument("name")
@click.option("--lang", "name_lang", type=click.Choice(["en", "ru", "kk"]),
              help="Language of NAME (default: guessed from its letters).")
@click.option("--vocabularies", "directory", type=click.Path(file_okay=False, path_type=Path),
              help="Vocabulary folder (default: the installed ontology/vocabularies).")
def dismiss(name: str, name_lang: str | None, directory: Path | None) -> None:
    """Record that NAME is not a vocabulary entry (a generic acronym, a common noun), so the
    linker stops listing it as a candidate."""
    try:
        name, lang, path, new = queue.dismiss(name, name_lang, directory)
    except queue.CurationError as exc:
        raise click.ClickException(str(exc)) from None
    if new:
        click.echo(f"Dismissed {name!r}@{lang} in {path}. The next `dkg build` no longer lists it.")
    else:
        click.echo(f"{name!r}@{lang} is already dismissed in {path}.")


COMMANDS = [candidates, promote, dismiss]
