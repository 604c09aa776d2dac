"""SPARQL syntax errors point at the text: the line, a caret under the column, the lines around."""
from __future__ import annotations

import os
import subprocess
import sys

import pyoxigraph as ox

from dissertation_kg.server.endpoint.syntax_errors import explain


def _oxigraph_message(query: str) -> str:
    try:
        ox.Store().query(query)
    except SyntaxError as exc:
        return str(exc)
    raise AssertionError(f"{query!r} parsed")


def test_caret_under_the_column_oxigraph_names():
    query = "SELECT *\nWHERE {\n  ?s ?p \"жж\" .\n  FILTER(?s = )\n}"
    message = _oxigraph_message(query)
    text = explain(query, message)
    assert text.startswith(message)
    line, column = map(int, message.split("error at ")[1].split(":")[:2])
    rows = text.splitlines()
    at = rows.index(next(r for r in rows if r.startswith(f"{line} | ")))
    assert rows[at] == f"{line} | {query.splitlines()[line - 1]}"
    assert rows[at + 1] == "  | " + " " * min(column - 1, len(query.splitlines()[line - 1])) + "^"
    assert rows[at - 1].startswith(f"{line - 1} | ") and rows[at - 2].startswith(f"{line - 2} | ")


def test_first_line_error():
    query = "SELEC * {}"
    text = explain(query, _oxigraph_message(query))
    assert "1 | SELEC * {}" in text and text.splitlines()[-1].startswith("  | ")


def test_long_lines_are_cut_around_the_column():
    query = "SELECT * { " + "?s ?p ?o . " * 40 + "FILTER(?s = ) }"
    text = explain(query, _oxigraph_message(query))
    shown, caret = text.splitlines()[-2:]
    assert len(shown) < 120 and caret.index("^") <= len(shown)
    assert "FILTER" in shown


def test_messages_without_a_position_are_unchanged():
    assert explain("ASK {}", "something else") == "something else"


def test_dkg_query_shows_the_position(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DKG_")}
    store = tmp_path / "s"
    ox.Store(str(store)).flush()
    done = subprocess.run([sys.executable, "-c", "from dissertation_kg.server.cli import main; main()", "query",
                           "SELECT ?x WHERE { ?x ?y }", "--store", str(store)],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 2
    assert "1 | SELECT ?x WHERE { ?x ?y }" in done.stderr and "^" in done.stderr
