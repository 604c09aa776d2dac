"""`dkg candidates` lists the names the linker found but no vocabulary knows; `dkg promote` adds
one of them to a vocabulary file, so the next build links it everywhere; `dkg dismiss` records
that a name is not an entry, so the next build stops listing it. Nothing is promoted or dismissed
automatically: a person decides."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click
import rdflib
from prettytable import PrettyTable

from dissertation_kg.mappings import linking, vocabulary
from dissertation_kg.mappings.morphology import fold
from dissertation_kg.mappings.vocab import CANDIDATES_GRAPH

from dissertation_kg.mappings.resources import queries_dir
from dissertation_kg.server.store.location import DEFAULT_STORE, StoreError
from dissertation_kg.server.store.engines import open_store

QUERY_FILE = "25-candidates-awaiting-review.rq"
CLASSES = sorted(vocabulary.CLASS_FILE)


def _value(term) -> str | None:
    if term is None:
        return None
    return term.value


def _rows(store: str) -> list[dict]:
    path = queries_dir() / QUERY_FILE
    if not path.is_file():
        raise click.ClickException(f"{path} is missing; restore queries/{QUERY_FILE} from the repository")
    results = open_store(store).query(path.read_text(encoding="utf-8"))
    lex = linking.lexicon()
    rows = []
    for r in results:
        name = _value(r["name"])
        rows.append({
            "candidate": _value(r["candidate"]),
            "name": name,
            "lang": _value(r["lang"]),
            "suggestedClass": (_value(r["suggestedClass"]) or "").rsplit("#", 1)[-1],
            "count": int(_value(r["count"]) or 0),
            "works": int(_value(r["works"]) or 0),
            "context": _value(r["context"]) or "",
            # Promoted since the store was built: the next build links it and drops it from here.
            "promoted": fold(name or "") in lex.known,
            "dismissed": fold(name or "") in lex.dismissed,
        })
    return rows


@click.command("candidates")
@click.option("--store", default=str(DEFAULT_STORE), show_default=True,
              help="Store directory, or the URL of a SPARQL endpoint.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def candidates(store: str, fmt: str) -> None:
    """List the names awaiting review (the named graph of candidates), most frequent first."""
    try:
        rows = _rows(store)
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


def _guess_lang(text: str) -> str:
    if re.search("[ӘәҒғҚқҢңӨөҰұҮүҺһІі]", text):
        return "kk"
    if re.search("[А-Яа-яЁё]", text):
        return "ru"
    return "en"


def _parse_alt(value: str) -> tuple[str, str]:
    m = re.fullmatch(r"(.+)@(en|ru|kk)", value.strip())
    return (m.group(1).strip(), m.group(2)) if m else (value.strip(), _guess_lang(value))


@click.command("promote")
@click.argument("name")
@click.option("--class", "cls", required=True, type=click.Choice(CLASSES),
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
    directory = directory or vocabulary.vocabulary_dir()
    vfile = vocabulary.FILES[vocabulary.CLASS_FILE[cls]]
    path = directory / vfile.name
    if not path.is_file():
        raise click.ClickException(f"{path} does not exist; pass --vocabularies with the folder that holds {vfile.name}")
    try:
        slug = slug or vocabulary.slugify(label_en)
    except ValueError as exc:
        raise click.ClickException(f"{exc}, or pass --slug") from None
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        raise click.ClickException(f"--slug {slug!r} must be lowercase ASCII letters, digits and hyphens")
    iri = vocabulary.entry_iri(cls, slug)

    pref = {"en": label_en.strip(), "ru": label_ru.strip(), "kk": label_kk.strip()}
    alt: dict[str, list[str]] = {}
    for text, lang in [_parse_alt(a) for a in alts] + [(name.strip(), name_lang or _guess_lang(name))]:
        if text and text != pref[lang] and text not in alt.get(lang, []):
            alt.setdefault(lang, []).append(text)

    entries = vocabulary.load_entries(directory)
    if any(e.iri == iri for e in entries):
        raise click.ClickException(f"<{iri}> already exists; choose another --slug or edit {path.name} by hand")
    # A label that already names another entry would make the linker's choice arbitrary.
    taken = {}
    for e in entries:
        for lang in vocabulary.LANGS:
            for label in [e.pref.get(lang, "")] + e.alt.get(lang, []):
                taken[(fold(label), lang)] = e.iri
    clashes = [f"{text!r}@{lang} (already {taken[(fold(text), lang)]})"
               for lang in vocabulary.LANGS for text in [pref[lang]] + alt.get(lang, [])
               if (fold(text), lang) in taken]
    if clashes:
        raise click.ClickException("these labels already name an entry: " + ", ".join(clashes)
                                   + "; add the missing labels to that entry instead, or choose other labels")

    entry = vocabulary.Entry(iri=iri, cls=cls, pref=pref, alt=alt, definition={"en": definition.strip()})
    before = path.read_text(encoding="utf-8")
    text = before if before.endswith("\n\n") else before.rstrip("\n") + "\n\n"
    path.write_text(text + vocabulary.format_entry(entry, vfile), encoding="utf-8")
    try:
        check = rdflib.Graph().parse(path, format="turtle")
        if (iri, rdflib.RDF.type, vocabulary.DKG[cls]) not in check:
            raise ValueError("the new entry is not in the parsed file")
    except Exception as exc:  # any parser error: put the file back as it was
        path.write_text(before, encoding="utf-8")
        raise click.ClickException(f"the new entry did not parse ({exc}); {path.name} is unchanged. "
                                   "Check the labels for characters Turtle cannot hold") from None
    linking.clear_cache()
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
    directory = directory or vocabulary.vocabulary_dir()
    path = directory / vocabulary.DISMISSED_FILE
    lang = name_lang or _guess_lang(name)
    name = linking.candidate_name(name.strip(), lang)
    if not name:
        raise click.ClickException("give the name to dismiss as it appears in `dkg candidates`")
    if (name, lang) in vocabulary.load_dismissed(directory):
        click.echo(f"{name!r}@{lang} is already dismissed in {path}.")
        return
    if fold(name) in linking.compile_lexicon(vocabulary.load_entries(directory)).known:
        raise click.ClickException(f"{name!r} is a label of a vocabulary entry; remove it from that entry instead")
    before = path.read_text(encoding="utf-8") if path.is_file() else (
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix dkg: <https://w3id.org/dissertation-kg/ontology#> .\n\n")
    text = before if before.endswith("\n\n") else before.rstrip("\n") + "\n\n"
    escaped = name.replace("\\", "\\\\").replace('"', '\\"')
    block = f'<{linking.candidate_iri(name, lang)}>\n    a dkg:DismissedName ;\n    rdfs:label "{escaped}"@{lang} .\n'
    path.write_text(text + block, encoding="utf-8")
    try:
        rdflib.Graph().parse(path, format="turtle")
    except Exception as exc:  # any parser error: put the file back as it was
        path.write_text(before, encoding="utf-8")
        raise click.ClickException(f"the entry did not parse ({exc}); {path.name} is unchanged") from None
    linking.clear_cache()
    click.echo(f"Dismissed {name!r}@{lang} in {path}. The next `dkg build` no longer lists it.")


COMMANDS = [candidates, promote, dismiss]
