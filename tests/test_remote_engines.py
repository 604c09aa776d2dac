"""Build into and serve from two real engines nobody here wrote: Oxigraph's own server and
Virtuoso open source. For each: `dkg build --store URL` loads the seeds, `dkg serve --store URL`
answers every competency question as the embedded store does (as sets of rows), `dkg query`,
`dkg validate` and `dkg candidates` work on the URL, credentials are used and checked, the time
limit holds, a cut-off answer is reported, and a killed build changes nothing that is served.

A missing engine skips these tests with the reason, except under CI=true where it fails.
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

sys.path.insert(0, str(Path(__file__).parent))
from answers import answer, differences  # noqa: E402
from remote_engines import EngineMissing, free_port, start  # noqa: E402

from dissertation_kg.server.store.engine_dataset import CURRENT, GENERATION, POINTER  # noqa: E402
from dissertation_kg.server.store.engines import OxigraphStore  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
# The full-text search pattern needs the index a local build writes; over an engine the endpoint
# says so (test_search_inside_sparql_says_what_to_use_instead) and `dkg search --store URL` works.
QUERIES = sorted(p for p in (REPO / "queries").glob("*.rq") if not p.name.startswith("30-search"))

LIMIT = 3           # seconds: the served query time limit
OXIGRAPH_CAP = 3000  # rows: below the vocabularies graph and the merge, so reading them must page

# Where an engine's answer may rightly differ from Oxigraph's, the column that differs and why.
KNOWN = {
    ("virtuoso", "25-candidates-awaiting-review.rq"): (
        "context", "MIN() over long strings: Virtuoso compares literals stored outside the row by id"),
}


def _env(tmp: Path, engine=None, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DKG_")}
    env.update({"DKG_STORE": str(tmp / ".dkg" / "store"), "DKG_BUILD_WORKERS": "1"})
    if engine is not None:
        env.update(engine.env)
    env.update(extra)
    return env


def dkg(tmp: Path, *args: str, env: dict, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dissertation_kg.server.cli", *args], cwd=tmp, env=env,
                          capture_output=True, text=True, timeout=timeout)


class Serve:
    def __init__(self, tmp: Path, store: str, env: dict, *args: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(tmp / f"serve-{self.port}.log", "wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "dissertation_kg.server.cli", "serve", "--store", store, "--port", str(self.port),
             "--workers", "2", "--no-build", "--no-watch", *args],
            cwd=tmp, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 60
        while True:
            assert self.proc.poll() is None, Path(self.log.name).read_text(errors="replace")
            try:
                if requests.get(self.url + "/status", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            assert time.monotonic() < deadline, "dkg serve did not come up"
            time.sleep(0.3)

    def sparql(self, query: str, accept="application/sparql-results+json", timeout=60):
        return requests.post(self.url + "/sparql", data={"query": query}, headers={"Accept": accept},
                             timeout=timeout)

    def stop(self):
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def built(request, tmp_path_factory):
    """An engine with the seeds built into it by `dkg build --store URL`, and `dkg serve` over it."""
    try:
        engine = start(request.param) if request.param == "virtuoso" else start("oxigraph", timeout_s=60)
    except EngineMissing as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{exc} (CI=true: the engine must be there)")
        pytest.skip(str(exc))
    tmp = tmp_path_factory.mktemp(f"remote-{request.param}")
    env = _env(tmp, engine)
    # Oxigraph has no row cap of its own: the server gets a configured one, checked the same way.
    serve_env = {**env, "DKG_STORE_MAX_ROWS": str(OXIGRAPH_CAP)} if request.param == "oxigraph" else env
    try:
        out = dkg(tmp, "build", "--store", engine.query_url, "-q", env=env)
        assert out.returncode == 0, out.stdout + out.stderr
        assert "engine: generation" in out.stdout
        staging = next((tmp / ".dkg" / "remote").iterdir())
        embedded = OxigraphStore(staging / "current")  # the same build, kept locally
        server = Serve(tmp, engine.query_url, serve_env, "--timeout", str(LIMIT))
        try:
            yield engine, tmp, env, server, embedded
        finally:
            server.stop()
            embedded.close()
    finally:
        engine.stop()


def _parse(resp):
    assert resp.status_code == 200, resp.text[:500]
    media = resp.headers["Content-Type"].split(";")[0]
    if media == "application/sparql-results+json":
        return ox.parse_query_results(resp.content, format=ox.QueryResultsFormat.JSON)
    store = ox.Store()
    store.load(resp.content, format=ox.RdfFormat.from_media_type(media), to_graph=ox.DefaultGraph())
    return store.query("CONSTRUCT WHERE { ?s ?p ?o }")


def _drop_column(result, sparql, column):
    names = [v.value for v in result.variables]
    keep = [n for n in names if n != column]
    return frozenset(tuple(row[n] and str(row[n]) for n in keep) for row in result)


def test_no_folder_named_after_the_url(built):
    engine, tmp, *_ = built
    assert not any(p.name.startswith("http") for p in tmp.iterdir())


def test_every_competency_question_answers_as_embedded(built):
    engine, tmp, env, server, embedded = built
    failures = []
    for path in QUERIES:
        text = path.read_text(encoding="utf-8")
        accept = "application/sparql-results+json, application/n-triples;q=0.9"
        remote = _parse(server.sparql(text, accept=accept))
        local = embedded.query(text)
        known = KNOWN.get((engine.name, path.name))
        if known is not None:
            a, b = _drop_column(local, text, known[0]), _drop_column(remote, text, known[0])
        else:
            a, b = answer(local, text), answer(remote, text)
        if not isinstance(a, bool):
            # 06, 07: no mismatch and no article among the seeds; 27: every seed work has its provisions;
            # 28: the seeds name no law, concept or programme of a kind the vocabularies list
            assert len(a) > 0 or path.name.startswith(("06", "07", "27", "28")), f"{path.name} has no answer embedded"
        if a != b:
            failures.append(f"{path.name}: {differences(a, b)}")
    assert not failures, "\n".join(failures)


def test_graph_names_and_dataset_parameters_as_embedded(built):
    engine, tmp, env, server, embedded = built
    text = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    assert answer(_parse(server.sparql(text)), text) == answer(embedded.query(text), text)
    graph = next(g for g in embedded.named_graphs() if "/graph/source/" in g)
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    resp = requests.get(server.url + "/sparql", params={"query": q, "default-graph-uri": graph},
                        headers={"Accept": "application/sparql-results+json"}, timeout=30)
    local = embedded.query(q, default_graph_uris=[graph])
    assert answer(_parse(resp), q) == answer(local, q)


def test_query_validate_and_candidates_commands_on_the_url(built):
    engine, tmp, env, server, embedded = built
    out = dkg(tmp, "query", "--store", engine.query_url, "--format", "json",
              "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", env=env)
    assert out.returncode == 0, out.stderr
    n = int(json.loads(out.stdout)["results"]["bindings"][0]["n"]["value"])
    assert n == int(next(iter(embedded.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))[0].value)
    out = dkg(tmp, "query", "--store", engine.query_url, "CONSTRUCT WHERE { ?s a ?c } LIMIT 3", env=env)
    assert out.returncode == 0 and " a " in out.stdout, out.stderr
    out = dkg(tmp, "validate", "--store", engine.query_url, env=env)
    assert out.returncode == 0, out.stdout + out.stderr
    # Five documents, the candidates, the ontology and the vocabularies, and their merge.
    assert re.search(r"\b8 named graph\(s\) \(\d+ triples\) and the default graph \([1-9]\d* triples\) checked, "
                     r"0 problem\(s\)", out.stderr), out.stderr
    out = dkg(tmp, "candidates", "--store", engine.query_url, "--format", "json", env=env)
    assert out.returncode == 0, out.stderr
    assert len(json.loads(out.stdout)) == len(list(embedded.query(
        (REPO / "queries" / "25-candidates-awaiting-review.rq").read_text())))
    # Our own endpoint is a store URL too; told the cap of the engine behind it, the client reads
    # the graphs larger than the cap (the vocabularies) page by page.
    out = dkg(tmp, "validate", "--store", server.url + "/sparql",
              env={**_env(tmp), "DKG_STORE_MAX_ROWS": str(OXIGRAPH_CAP)})
    assert out.returncode == 0 and "8 named graph(s)" in out.stderr, out.stdout + out.stderr


def test_engine_errors_reach_the_client(built):
    engine, tmp, env, server, embedded = built
    resp = server.sparql("SELECT ?x WHERE { ?x ?y }")  # the server's own parser may not see it: the engine does
    assert resp.status_code == 400, resp.text
    out = dkg(tmp, "query", "--store", engine.query_url, "SELEC ?x WHERE { ?x ?y ?z }", env=env)
    assert out.returncode == 2 and "did not answer" not in out.stderr and "400" in out.stderr, out.stderr
    out = dkg(tmp, "query", "--store", "ftp://example.org/sparql", "ASK {}", env=env)
    assert out.returncode == 2 and "only http:// and https://" in out.stderr


def test_a_cut_off_answer_is_reported_not_served(built, tmp_path):
    engine, tmp, env, server, embedded = built
    everything = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    if engine.name == "virtuoso":  # its own cap (10,000 rows, X-SPARQL-MaxRows), and CONSTRUCT cut silently
        for q, accept in ((everything, "application/sparql-results+json"),
                          ("CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")):
            resp = server.sparql(q, accept=accept)
            assert resp.status_code == 502 and "row cap" in resp.text, (resp.status_code, resp.text[:300])
        return
    resp = server.sparql(everything)
    assert resp.status_code == 502 and f"row cap ({OXIGRAPH_CAP})" in resp.text, resp.text[:300]
    assert server.sparql(f"SELECT ?s WHERE {{ ?s ?p ?o }} LIMIT {OXIGRAPH_CAP - 1}").status_code == 200


def test_the_time_limit_holds(built):
    engine, tmp, env, server, embedded = built
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    t0 = time.monotonic()
    resp = server.sparql(slow, timeout=60)
    took = time.monotonic() - t0
    assert resp.status_code in (400, 503, 504), (resp.status_code, resp.text[:300])
    assert took < LIMIT + 5, f"the {LIMIT} s limit took {took:.1f} s"
    assert server.sparql("ASK { ?s ?p ?o }").status_code == 200  # the server is still serving


def _generations(engine) -> tuple[str | None, set[str]]:
    q = (f"SELECT ?p ?g WHERE {{ GRAPH <{POINTER}> {{ <{POINTER}> ?p ?g }} }}")
    resp = requests.get(engine.query_url, params={"query": q}, headers={"Accept": "application/sparql-results+json"},
                        timeout=30)
    rows = resp.json()["results"]["bindings"]
    current = next((r["g"]["value"] for r in rows if r["p"]["value"] == CURRENT), None)
    return current, {r["g"]["value"] for r in rows if r["p"]["value"] == GENERATION}


def _triples_of(engine, generation: str) -> int:
    q = (f'SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
         f'FILTER(STRSTARTS(STR(?g), "urn:x-dkg:{generation}:")) }}')
    resp = requests.get(engine.query_url, params={"query": q}, headers={"Accept": "application/sparql-results+json"},
                        timeout=30)
    return int(resp.json()["results"]["bindings"][0]["n"]["value"])


def test_credentials_are_used_and_wrong_ones_refused(built):
    engine, tmp, env, server, embedded = built
    if engine.name != "virtuoso":
        # Oxigraph's server asks for no credentials: configured ones must not get in the way.
        out = dkg(tmp, "query", "--store", engine.query_url, "ASK { ?s ?p ?o }", "--format", "json",
                  env={**env, "DKG_STORE_AUTH": "basic", "DKG_STORE_USER": "u", "DKG_STORE_PASSWORD": "p"})
        assert out.returncode == 0 and '"boolean"' in out.stdout, out.stdout + out.stderr
        return
    before = _generations(engine)
    out = dkg(tmp, "build", "--store", engine.query_url, "-q", env={**env, "DKG_STORE_PASSWORD": "wrong"})
    assert out.returncode == 2, out.stdout + out.stderr
    assert "401" in out.stderr and "DKG_STORE_PASSWORD" in out.stderr, out.stderr
    assert _generations(engine)[0] == before[0]


def test_a_killed_build_leaves_the_served_answers_unchanged(built, tmp_path):
    engine, tmp, env, server, embedded = built
    question = (REPO / "queries" / "05-abstracts-per-language.rq").read_text()
    served_before = answer(_parse(server.sparql(question)), question)
    current, _ = _generations(engine)
    corpus = tmp_path / "corpus"
    assert dkg(tmp, "generate", "-n", "12", str(corpus), env=env).returncode == 0
    proc = subprocess.Popen([sys.executable, "-m", "dissertation_kg.server.cli", "build", "--store", engine.query_url,
                             "--seeds", str(corpus), "-q"], cwd=tmp, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 150
        while proc.poll() is None and time.monotonic() < deadline:
            loading = _generations(engine)[1] - {current}
            # kill once the new generation holds data: killed half-way, not before it began
            if loading and _triples_of(engine, next(iter(loading))) > 0:
                os.killpg(proc.pid, signal.SIGKILL)
                break
            time.sleep(0.02)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == -signal.SIGKILL, "the build finished before it could be killed"
    now, generations = _generations(engine)
    assert now == current and len(generations) == 2
    killed = (generations - {current}).pop()
    assert _triples_of(engine, killed) > 0  # it was halfway loaded
    assert answer(_parse(server.sparql(question)), question) == served_before
    # The next build finishes, switches, and drops the one that was killed.
    out = dkg(tmp, "build", "--store", engine.query_url, "--seeds", str(corpus), "-q", env=env)
    assert out.returncode in (0, 1), out.stderr
    after, generations = _generations(engine)
    assert after != current and generations == {after}
    assert _triples_of(engine, killed) == 0 and _triples_of(engine, current) == 0
    assert answer(_parse(server.sparql(question)), question) != served_before


def test_search_inside_sparql_says_what_to_use_instead(built):
    engine, tmp, env, server, embedded = built
    text = next((REPO / "queries").glob("30-search-*.rq")).read_text(encoding="utf-8")
    r = server.sparql(text)
    assert r.status_code == 501 and "dkg search --store" in r.text, (r.status_code, r.text[:300])
