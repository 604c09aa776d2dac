"""`dkg search`: full-text and concept search from the command line."""
from __future__ import annotations

import json
import sys

import click
from prettytable import PrettyTable

from dissertation_kg.server.search.index import IndexMissing
from dissertation_kg.server.search.stores import index_for
from dissertation_kg.server.store.engines import open_store
from dissertation_kg.server.store.location import DEFAULT_STORE, StoreError


@click.command("search")
@click.argument("words", nargs=-1, required=True)
@click.option("--store", default=str(DEFAULT_STORE), show_default=True,
              help="Store directory, or the URL of a SPARQL endpoint (its index is built from it and cached).")
@click.option("--lang", type=click.Choice(["en", "ru", "kk"]), default=None,
              help="Only texts in this language (a concept is still found in any).")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--reindex", is_flag=True, help="Build the store's search index again first.")
def search(words: tuple[str, ...], store: str, lang: str | None, limit: int, fmt: str, reindex: bool) -> None:
    """Find works by WORDS in Kazakh, Russian or English: inflected forms match, and a name of a
    vocabulary entry in one language finds works that mention it in another."""
    query = " ".join(words)
    try:
        results = index_for(open_store(store), reindex=reindex).search(query, lang=lang, limit=limit)
    except (StoreError, IndexMissing) as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "json":
        json.dump({"query": query, "total": results.total, "took_ms": round(results.took_ms, 1),
                   "hits": [h.as_dict() for h in results.hits]}, sys.stdout, ensure_ascii=False, indent=2)
        click.echo()
        return
    table = PrettyTable(["#", "score", "work", "part", "snippet", "why"], align="l", max_width=60)
    for n, hit in enumerate(results.hits, start=1):
        table.add_row([n, f"{hit.score:.3f}", f"{hit.title}\n{hit.work}", f"{hit.kind} ({hit.lang})",
                       _marked(hit), hit.why])
    click.echo(table)
    click.echo(f"{results.total} work(s) matched; {len(results.hits)} shown ({results.took_ms:.0f} ms)")


def _marked(hit) -> str:
    out, last = [], 0
    for start, end in hit.highlights:
        out += [hit.snippet[last:start], "[", hit.snippet[start:end], "]"]
        last = end
    return "".join(out + [hit.snippet[last:]])


COMMANDS = [search]
