"""`dkg query`: run SPARQL against the store, with the endpoint's dataset semantics."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import click
import pyoxigraph as ox
from prettytable import PrettyTable

from dissertation_kg.server.cli.store_option import resolved, store_option
from dissertation_kg.server.store.location import StoreError
from dissertation_kg.server.store.engines import OxigraphStore, open_store
from dissertation_kg.server.endpoint.search_pattern import SearchPatternError, evaluate as evaluate_search
from dissertation_kg.server.search.index import IndexMissing

_RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
                   "tsv": ox.QueryResultsFormat.TSV, "xml": ox.QueryResultsFormat.XML}


def _cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value + (f"@{term.language}" if term.language else "")
    return term.value if isinstance(term, ox.NamedNode) else str(term)


@click.command("query")
@click.argument("query_or_file")
@store_option()
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "tsv", "xml"]), default="table",
              show_default=True, help="json prints SPARQL 1.1 Query Results JSON.")
def query(query_or_file: str, store, fmt: str) -> None:
    """Run QUERY_OR_FILE (SPARQL text or a .rq file). The default graph is the union of all named
    graphs; GRAPH still reaches each one."""
    path = Path(query_or_file)
    text = path.read_text(encoding="utf-8") if path.suffix == ".rq" or (len(query_or_file) < 300 and path.is_file()) else query_or_file
    try:
        opened = open_store(resolved(store))
        if isinstance(opened, OxigraphStore) and opened.path is not None:
            # The search pattern is this project's own: evaluate it here as the endpoint does,
            # rather than let Oxigraph try to fetch its IRI. A remote endpoint evaluates its own.
            text = evaluate_search(text, opened.path)
        results = opened.query(text)
    except (SearchPatternError, IndexMissing) as exc:
        click.secho(str(exc), fg="red", err=True)
        sys.exit(2)
    except StoreError as exc:
        click.secho(str(exc), fg="red", err=True)
        sys.exit(2)
    except SyntaxError as exc:
        from dissertation_kg.server.endpoint.syntax_errors import explain

        click.secho(f"the query is not valid SPARQL: {explain(text, str(exc))}", fg="red", err=True)
        sys.exit(2)
    out = sys.stdout.buffer
    if isinstance(results, ox.QueryBoolean):
        if fmt == "table":
            click.echo("true" if bool(results) else "false")
        else:
            results.serialize(out, _RESULT_FORMATS[fmt])
        return
    if isinstance(results, ox.QuerySolutions):
        if fmt != "table":
            results.serialize(out, _RESULT_FORMATS[fmt])
            return
        names = [v.value for v in results.variables]
        table = PrettyTable(names)
        table.align = "l"
        table.max_width = 80
        n = 0
        for row in results:
            table.add_row([_cell(row[name]) for name in names])
            n += 1
        click.echo(table.get_string())
        click.echo(f"{n} row(s)", err=True)
        return
    # CONSTRUCT / DESCRIBE: Turtle for people, N-Triples otherwise.
    buf = io.BytesIO()
    results.serialize(buf, ox.RdfFormat.TURTLE if fmt == "table" else ox.RdfFormat.N_TRIPLES)
    out.write(buf.getvalue())


COMMANDS = [query]
