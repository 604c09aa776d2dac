"""Our endpoint driven by clients nobody here wrote: SPARQLWrapper, rdflib (SPARQLStore and
SERVICE), a real Oxigraph server federating with us, and Comunica (node) across both."""
from __future__ import annotations

import json
import os
import shutil
import sys
import signal
import subprocess
import time
from pathlib import Path

import pytest
import rdflib
import requests

from endpoint_server import Server, free_port
from publishing_fixtures import BASE, DKG, SPECIALTY, WORK, WORK2, build_store

REPO = Path(__file__).resolve().parents[1]
CI = os.environ.get("CI") == "true"
EX = "http://example.org/fields#"

# What the second server knows and we do not: the broad field of each specialty.
FIELDS_TTL = f"""
<{SPECIALTY}> <{EX}field> "Social sciences"@en .
<{BASE}id/specialty/6D011700> <{EX}field> "Education"@en .
"""


def need(tool: str, why: str) -> str:
    # The venv's bin is not on PATH when pytest is run as .venv/bin/python -m pytest.
    path = shutil.which(tool) or shutil.which(tool, path=str(Path(sys.executable).parent))
    if path is None:
        if CI:
            pytest.fail(f"{tool} is required in CI ({why}); install it in the CI set-up")
        pytest.skip(f"{tool} is not installed ({why})")
    return path


class OxigraphServer:
    """`oxigraph serve` (the Rust server from the PyPI package `oxigraph`) with its own data."""

    def __init__(self, workdir: Path, turtle: str):
        binary = need("oxigraph", "the PyPI package `oxigraph` ships it: pip install oxigraph")
        location = workdir / "oxigraph-db"
        data = workdir / "fields.ttl"
        data.write_text(turtle)
        subprocess.run([binary, "load", "--location", str(location), "--file", str(data)],
                       check=True, capture_output=True, timeout=60)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/query"
        self.log = open(workdir / "oxigraph.log", "wb")
        self.proc = subprocess.Popen([binary, "serve-read-only", "--location", str(location),
                                      "--bind", f"127.0.0.1:{self.port}", "--timeout-s", "30"],
                                     stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 30
        while True:
            try:
                requests.get(self.url, params={"query": "ASK {}"}, timeout=2).raise_for_status()
                return
            except requests.RequestException:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"oxigraph serve did not come up: {Path(self.log.name).read_text()[-2000:]}")
                time.sleep(0.2)

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(10)
        self.log.close()


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    work = tmp_path_factory.mktemp("clients")
    other = OxigraphServer(work, FIELDS_TTL)
    store = work / "store"
    build_store(store, merged_default=True)  # the layout `dkg build` writes
    try:
        ours = Server(store, "--allow-service", other.url, token=None, workers=2)
    except Exception:
        other.stop()
        raise
    yield ours, other
    ours.stop()
    other.stop()


# --------------------------------------------------------------------------- SPARQLWrapper


def test_sparqlwrapper_select_json(servers):
    from SPARQLWrapper import JSON, SPARQLWrapper
    ours, _ = servers
    client = SPARQLWrapper(ours.sparql)
    client.setQuery(f"""PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?work ?title WHERE {{ ?work a <{DKG}Dissertation> ; dcterms:title ?title
        FILTER(lang(?title) = "ru") }} ORDER BY ?work""")
    client.setReturnFormat(JSON)
    rows = client.queryAndConvert()["results"]["bindings"]
    assert [r["work"]["value"] for r in rows] == [WORK, WORK2]
    assert rows[0]["title"] == {"type": "literal", "xml:lang": "ru", "value": "Гуманизация внешней политики"}


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_ask(servers, method):
    from SPARQLWrapper import JSON, POST, GET, SPARQLWrapper
    ours, _ = servers
    client = SPARQLWrapper(ours.sparql)
    client.setMethod(POST if method == "POST" else GET)
    client.setReturnFormat(JSON)
    client.setQuery(f"ASK {{ <{WORK}> a <{DKG}Dissertation> }}")
    assert client.queryAndConvert()["boolean"] is True
    client.setQuery(f"ASK {{ <{WORK}> a <{DKG}JournalArticle> }}")
    assert client.queryAndConvert()["boolean"] is False


def test_sparqlwrapper_construct(servers):
    from SPARQLWrapper import TURTLE, SPARQLWrapper
    ours, _ = servers
    client = SPARQLWrapper(ours.sparql)
    client.setQuery(f"CONSTRUCT {{ ?w <{DKG}hasProvision> ?p . ?p <{DKG}text> ?t }} "
                    f"WHERE {{ ?w <{DKG}hasProvision> ?p . ?p <{DKG}text> ?t }}")
    client.setReturnFormat(TURTLE)
    data = client.queryAndConvert()
    g = rdflib.Graph().parse(data=data, format="turtle")
    assert len(g) == 4
    assert (rdflib.URIRef(WORK), rdflib.URIRef(DKG + "hasProvision"), rdflib.URIRef(WORK + "/provision/1")) in g


# --------------------------------------------------------------------------- rdflib


def test_rdflib_sparqlstore(servers):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    ours, _ = servers
    graph = rdflib.Graph(store=SPARQLStore(ours.sparql, returnFormat="json"))
    rows = list(graph.query(f"SELECT ?label WHERE {{ <{SPECIALTY}> "
                            "<http://www.w3.org/2004/02/skos/core#prefLabel> ?label } ORDER BY ?label"))
    assert {str(r.label) for r in rows} == {"International Relations", "Международные отношения",
                                            "Халықаралық қатынастар"}
    assert (rdflib.URIRef(WORK), rdflib.RDF.type, rdflib.URIRef(DKG + "Dissertation")) in graph


def test_rdflib_evaluates_service_against_us(servers):
    ours, _ = servers
    local = rdflib.Graph()
    local.add((rdflib.URIRef(WORK), rdflib.URIRef("http://example.org/shelf"), rdflib.Literal("A-12")))
    rows = list(local.query(f"""
        SELECT ?shelf ?title WHERE {{
          ?work <http://example.org/shelf> ?shelf .
          SERVICE <{ours.sparql}> {{ ?work <http://purl.org/dc/terms/title> ?title FILTER(lang(?title) = "en") }}
        }}"""))
    assert [(str(r.shelf), str(r.title)) for r in rows] == [("A-12", "Humanization of foreign policy")]


# --------------------------------------------------------------------------- a second real server


def test_oxigraph_server_joins_our_endpoint_through_service(servers):
    ours, other = servers
    query = f"""SELECT ?work ?field WHERE {{
        ?specialty <{EX}field> ?field .
        SERVICE <{ours.sparql}> {{ ?work <http://purl.org/spar/fabio/hasDiscipline> ?specialty }}
    }} ORDER BY ?work"""
    resp = requests.post(other.url, data={"query": query},
                         headers={"Accept": "application/sparql-results+json"}, timeout=60)
    assert resp.status_code == 200, resp.text
    rows = resp.json()["results"]["bindings"]
    assert [(r["work"]["value"], r["field"]["value"]) for r in rows] == [
        (WORK, "Social sciences"), (WORK2, "Social sciences")]


def test_our_endpoint_joins_the_oxigraph_server_through_service(servers):
    ours, other = servers
    query = f"""SELECT ?work ?field WHERE {{
        ?work <http://purl.org/spar/fabio/hasDiscipline> ?specialty .
        SERVICE <{other.url}> {{ ?specialty <{EX}field> ?field }}
    }} ORDER BY ?work"""
    resp = requests.post(ours.sparql, data={"query": query},
                         headers={"Accept": "application/sparql-results+json"}, timeout=60)
    assert resp.status_code == 200, resp.text
    assert [r["field"]["value"] for r in resp.json()["results"]["bindings"]] == ["Social sciences"] * 2


# --------------------------------------------------------------------------- Comunica


def test_comunica_federates_our_endpoint_and_oxigraph(servers):
    ours, other = servers
    node = need("node", "Comunica runs on node.js: apt-get install nodejs")
    cli = REPO / "node_modules" / "@comunica" / "query-sparql" / "bin" / "query.js"
    if not cli.is_file():
        message = f"{cli} is missing; run `npm ci` in {REPO}"
        pytest.fail(message) if CI else pytest.skip(message)
    query = f"""SELECT ?work ?title ?field WHERE {{
        ?work <http://purl.org/spar/fabio/hasDiscipline> ?specialty ;
              <http://purl.org/dc/terms/title> ?title .
        ?specialty <{EX}field> ?field .
        FILTER(lang(?title) = "en")
    }}"""
    result = subprocess.run(
        [node, str(cli), f"sparql@{ours.sparql}", f"sparql@{other.url}", "-q", query,
         "-t", "application/sparql-results+json"],
        capture_output=True, text=True, timeout=180, cwd=REPO)
    assert result.returncode == 0, result.stderr[-3000:]
    rows = json.loads(result.stdout)["results"]["bindings"]
    found = sorted((r["work"]["value"], r["title"]["value"], r["field"]["value"]) for r in rows)
    assert found == [(WORK, "Humanization of foreign policy", "Social sciences"),
                     (WORK2, "Academic mobility as soft power", "Social sciences")]
