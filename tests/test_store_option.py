"""`--store DIR|URL|FILE.toml` means the same for every command, and a URL never becomes a folder.
No engine needed: an unreachable URL must give a clear error, not a traceback or a build."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dissertation_kg.server.config import ServerConfig
from dissertation_kg.server.store.location import StoreError
from dissertation_kg.server.store.remote import query_form
from dissertation_kg.server.store.engine_dataset import rewrite_graphs
from dissertation_kg.server.store.spec import RemoteSpec, resolve_store

DEAD = "http://127.0.0.1:9/sparql"  # the discard port: nothing answers


def test_url_file_and_folder():
    assert resolve_store("https://example.org/sparql", env={}) == RemoteSpec(
        query_url="https://example.org/sparql", source="https://example.org/sparql")
    assert resolve_store("data/store", env={}) == Path("data/store")
    assert resolve_store(None, env={}) == Path(".dkg/store")
    with pytest.raises(StoreError, match="only http:// and https://"):
        resolve_store("ftp://example.org/sparql", env={})


def test_environment_and_toml(tmp_path):
    env = {"DKG_STORE_QUERY_URL": "http://h:8890/sparql", "DKG_STORE_USER": "dba", "DKG_STORE_PASSWORD": "pw",
           "DKG_STORE_AUTH": "digest", "DKG_STORE_GSP_URL": "http://h:8890/sparql-graph-crud-auth",
           "DKG_STORE_MAX_ROWS": "10000"}
    spec = resolve_store(None, env=env)
    assert (spec.query_url, spec.user, spec.auth, spec.max_rows) == ("http://h:8890/sparql", "dba", "digest", 10000)
    settings = tmp_path / "engine.toml"
    settings.write_text('[store]\nquery_url = "https://q/sparql"\nupdate_url = "https://q/update"\n'
                        'auth = "bearer"\ntoken = "t"\ntimeout = 5\n')
    spec = resolve_store(str(settings), env={"DKG_STORE_TIMEOUT": "9"})
    assert (spec.update_url, spec.auth, spec.token, spec.timeout) == ("https://q/update", "bearer", "t", 9.0)
    spec = resolve_store(None, env={"DKG_STORE_CONFIG": str(settings)})
    assert spec.query_url == "https://q/sparql"
    settings.write_text('query_url = "https://q/sparql"\nauth = "kerberos"\n')
    with pytest.raises(StoreError, match=r"engine.toml: auth='kerberos' is not one of basic, digest, bearer"):
        resolve_store(str(settings), env={})
    assert ServerConfig.from_env({"DKG_STORE": "https://q/sparql"}).store.query_url == "https://q/sparql"
    assert ServerConfig.from_env({}, store="https://q/sparql").remote


def test_query_form_and_graph_rewriting():
    assert query_form("PREFIX a: <http://x/select#> # SELECT\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p 'ASK' }") == "CONSTRUCT"
    assert query_form("describe <http://x>") == "DESCRIBE"
    text, uses_graph, has_from = rewrite_graphs(
        'PREFIX g: <https://w3id.org/dissertation-kg/graph/>\nSELECT * FROM NAMED g:ontology WHERE '
        '{ GRAPH <https://w3id.org/dissertation-kg/graph/candidates> { ?s ?p "GRAPH <http://not/this>" } '
        'GRAPH g:ontology { ?s ?p ?o } }', "G1")
    assert "FROM NAMED <urn:x-dkg:G1:https://w3id.org/dissertation-kg/graph/ontology>" in text
    assert "GRAPH <urn:x-dkg:G1:https://w3id.org/dissertation-kg/graph/candidates>" in text
    assert "GRAPH <urn:x-dkg:G1:https://w3id.org/dissertation-kg/graph/ontology>" in text
    assert '"GRAPH <http://not/this>"' in text and uses_graph and has_from


@pytest.mark.parametrize("query", [
    # a predicate or variable spelt like the keyword is no GRAPH and no FROM: read as FROM, the
    # query went to the engine with no dataset of the generation's (the engine's whole store)
    "PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:from <http://x> }",
    "PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:graph ex:foo }",
    "SELECT * WHERE { ?from ?p <http://x> . ?graph ?q $named }",
    "PREFIX from: <http://f/> SELECT * WHERE { ?s from:x _:graph }",
])
def test_names_spelt_like_graph_or_from_are_no_keywords(query):
    text, uses_graph, has_from = rewrite_graphs(query, "G1")
    assert (text, uses_graph, has_from) == (query, False, False)


def test_graph_and_from_need_no_space_before_an_iri():
    text, uses_graph, has_from = rewrite_graphs("SELECT * FROM<http://g> FROM NAMED<http://n> "
                                                "WHERE { GRAPH<http://h> { ?s ?p ?o } }", "G1")
    assert "FROM <urn:x-dkg:G1:http://g>" in text and "FROM NAMED <urn:x-dkg:G1:http://n>" in text
    assert "GRAPH <urn:x-dkg:G1:http://h>" in text and uses_graph == {"http://h"} and has_from


@pytest.mark.parametrize("args", [
    ["query", "--store", DEAD, "ASK {}"],
    ["candidates", "--store", DEAD],
    ["validate", "--store", DEAD],
    ["serve", "--store", DEAD, "--no-build", "--port", "1"],
    ["build", "--store", DEAD, "-q"],
])
def test_an_unreachable_url_is_an_error_not_a_folder(tmp_path, args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DKG_")}
    out = subprocess.run([sys.executable, "-m", "dissertation_kg.server.cli", *args], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode != 0
    assert "Traceback" not in out.stderr, out.stderr
    assert "cannot reach the SPARQL engine at http://127.0.0.1:9/sparql" in out.stderr, out.stderr
    assert not any(p.name.startswith("http") for p in tmp_path.rglob("*")), list(tmp_path.rglob("*"))
