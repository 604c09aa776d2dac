"""Build into and serve from two real engines nobody here wrote: Oxigraph's own server and
Virtuoso open source. For each: `dkg build --store URL` loads the seeds, `dkg serve --store URL`
answers every competency question as the embedded store does (as sets of rows; on the seeds and
on a generated corpus of 300 documents), `dkg query`,
`dkg validate` and `dkg candidates` work on the URL, credentials are used and checked, the time
limit holds, a cut-off answer is reported, a killed build changes nothing that is served,
writes with the update token reach the current generation (corpus graphs protected as embedded),
and a source edit is rebuilt into the engine while queries keep being answered.

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
# The full-text search examples are compared on their own (test_search_inside_sparql_answers_as_embedded).
QUERIES = sorted(p for p in (REPO / "queries").glob("*.rq") if not p.name.startswith("30-search"))

LIMIT = 3           # seconds: the served query time limit
OXIGRAPH_CAP = 3000  # rows: below the vocabularies graph and the merge, so reading them must page

# Where an engine's answer may rightly differ from Oxigraph's, the column that differs and why.
KNOWN = {}


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
        deadline = time.monotonic() + 120  # a shared, loaded machine may take a while
        while True:
            assert self.proc.poll() is None, Path(self.log.name).read_text(errors="replace")
            try:
                if requests.get(self.url + "/status", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                self.stop()  # not left running behind a failed test
                raise AssertionError("dkg serve did not come up: " + Path(self.log.name).read_text(errors="replace")[-2000:])
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


# Large enough that a question's grouped lists pass Virtuoso's 4 KB limit on a temporary string
# column (SR319), which the five seeds never reach: a question must answer at scale, not only there.
GENERATED = 300


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def generated(request, tmp_path_factory):
    """An engine with a generated corpus built into it, and `dkg serve` over it."""
    try:
        engine = start(request.param) if request.param == "virtuoso" else start("oxigraph", timeout_s=60)
    except EngineMissing as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{exc} (CI=true: the engine must be there)")
        pytest.skip(str(exc))
    tmp = tmp_path_factory.mktemp(f"generated-{request.param}")
    env = {**_env(tmp, engine), "DKG_BUILD_WORKERS": "2"}
    try:
        out = dkg(tmp, "generate", "-n", str(GENERATED), "--seed", "3", str(tmp / "corpus"), env=env)
        assert out.returncode == 0, out.stdout + out.stderr
        out = dkg(tmp, "build", "--seeds", str(tmp / "corpus"), "--store", engine.query_url, "-q", env=env, timeout=900)
        assert out.returncode == 0, out.stdout + out.stderr
        staging = next((tmp / ".dkg" / "remote").iterdir())
        embedded = OxigraphStore(staging / "current")
        server = Serve(tmp, engine.query_url, env, "--timeout", "60")
        try:
            yield engine, server, embedded
        finally:
            server.stop()
            embedded.close()
    finally:
        engine.stop()


def test_every_competency_question_answers_as_embedded_on_a_generated_corpus(generated):
    engine, server, embedded = generated
    failures = []
    for path in QUERIES:
        text = path.read_text(encoding="utf-8")
        resp = server.sparql(text, accept="application/sparql-results+json, application/n-triples;q=0.9", timeout=120)
        if resp.status_code != 200:
            failures.append(f"{path.name}: {resp.status_code} {resp.text[:300]}")
            continue
        local = embedded.query(text)
        a, b = answer(local, text), answer(_parse(resp), text)
        if a != b:
            failures.append(f"{path.name}: {differences(a, b)}")
    assert not failures, "\n".join(failures)


_DOUBLE = re.compile(r'"([^"]*)"\^\^<http://www.w3.org/2001/XMLSchema#double>')


def _double_values(rows):
    """Rows with every xsd:double written as its value (same value, same term, for SPARQL)."""
    def norm(cell):
        return _DOUBLE.sub(lambda m: repr(float(m.group(1))), cell) if isinstance(cell, str) else cell
    return frozenset(tuple(norm(c) for c in row) for row in rows)


def test_search_inside_sparql_answers_as_embedded(built):
    """The queries/30-* examples: the search blocks are evaluated by this server (the index the
    build wrote beside its staging store), the engine answers the rest."""
    from dissertation_kg.server.endpoint import search_pattern

    engine, tmp, env, server, embedded = built
    staging = next((tmp / ".dkg" / "remote").iterdir()) / "current"
    rows = 0
    for path in sorted((REPO / "queries").glob("30-search-*.rq")):
        text = path.read_text(encoding="utf-8")
        local = answer(embedded.query(search_pattern.evaluate(text, staging.resolve())), text)
        remote = answer(_parse(server.sparql(text)), text)
        if engine.name == "virtuoso":  # it writes doubles in canonical form ("1.0" for the "1" it was given)
            local, remote = _double_values(local), _double_values(remote)
        assert local == remote, f"{path.name}: {differences(local, remote)}"
        rows += len(local)
    assert rows > 0, "no search example found anything among the seeds"


def test_relative_iris_resolve_against_the_request_as_embedded(built):
    """Embedded, a query's relative IRIs resolve against the request's URL (pyoxigraph's
    base_iri); over an engine the same base is sent as the query's BASE."""
    *_, server, _ = built
    for accept in ("application/sparql-results+json", "text/csv"):  # parsed and passed through
        resp = server.sparql("SELECT ?here ?there WHERE { BIND(<> AS ?here) BIND(<../elsewhere#x> AS ?there) }",
                             accept=accept)
        assert resp.status_code == 200, resp.text
        if accept == "text/csv":
            here, there = resp.text.splitlines()[1].split(",")
        else:
            row = resp.json()["results"]["bindings"][0]
            here, there = row["here"]["value"], row["there"]["value"]
        assert here.startswith(server.url) and here.endswith("/sparql"), here
        assert there == server.url + "/elsewhere#x", there
    # A BASE of the query's own still wins, as it does embedded.
    resp = server.sparql("BASE <http://example.org/a/b> SELECT ?x WHERE { BIND(<c> AS ?x) }")
    assert resp.status_code == 200, resp.text
    assert resp.json()["results"]["bindings"][0]["x"]["value"] == "http://example.org/a/c"


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


def test_answers_pass_through_as_the_engine_wrote_them(built):
    """Where the engine writes the client's format, its bytes reach the client unparsed: the same
    bytes the engine sends for the same request, with only the generation's graph names mapped
    back (and on Virtuoso its JSON `typed-literal` named as SPARQL 1.1 names it)."""
    from dissertation_kg.server.store.engine_dataset import EngineDataset, prefix
    from dissertation_kg.server.store.spec import RemoteSpec

    engine, tmp, env, server, embedded = built
    dataset = EngineDataset(RemoteSpec(query_url=engine.query_url))
    gen = dataset.generations.current()
    select = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    construct = "CONSTRUCT { ?g <urn:x-test:size> ?n } WHERE { { " + select + " } }"
    for text, accept in ((select, "application/sparql-results+json"), (select, "application/sparql-results+xml"),
                         (construct, "application/n-triples")):
        ours = server.sparql(text, accept=accept)
        assert ours.status_code == 200, ours.text[:300]
        assert ours.headers["Content-Type"].split(";")[0] == accept
        rewritten, params = dataset.prepare(text, gen)
        direct = requests.post(engine.query_url, data=[("query", rewritten)] + params, headers={"Accept": accept},
                               timeout=60)
        expected = direct.content.replace(prefix(gen).encode(), b"")
        if engine.name == "virtuoso":
            expected = expected.replace(b'"type": "typed-literal"', b'"type": "literal"')
        assert ours.content == expected, (accept, ours.content[:300], expected[:300])
        assert b"urn:x-dkg:" not in ours.content and b"typed-literal" not in ours.content
    # and the answer is the embedded store's
    local = embedded.query(select)
    assert answer(_parse(server.sparql(select)), select) == answer(local, select)


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
    # the graphs larger than the cap (the vocabularies) page by page. Served with a limit of its
    # own: the fixture's server keeps the short one `test_the_time_limit_holds` needs, which a page
    # of the vocabularies may pass on a loaded two-core machine (a 503 in one CI run).
    serve_env = {**env, "DKG_STORE_MAX_ROWS": str(OXIGRAPH_CAP)} if engine.name == "oxigraph" else env
    patient = Serve(tmp, engine.query_url, serve_env, "--timeout", "120")
    try:
        out = dkg(tmp, "validate", "--store", patient.url + "/sparql",
                  env={**_env(tmp), "DKG_STORE_MAX_ROWS": str(OXIGRAPH_CAP)}, timeout=600)
    finally:
        patient.stop()
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
                          (everything, "application/sparql-results+xml"),
                          ("CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")):
            resp = server.sparql(q, accept=accept)
            assert resp.status_code == 502 and "row cap" in resp.text, (resp.status_code, resp.text[:300])
        # One row below its cap: no header, so the answer streams through whole and uncounted
        # (passthrough.ANNOUNCED), though it is far longer than the bytes 10,000 rows can take.
        resp = server.sparql("SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 9999", accept="application/sparql-results+json")
        assert resp.status_code == 200 and len(resp.json()["results"]["bindings"]) == 9999, resp.text[:300]
        return
    # Passed through unparsed (JSON, XML, N-Triples) or parsed (CSV is not passed from every
    # engine): counted either way.
    for q, accept in ((everything, "application/sparql-results+json"), (everything, "application/sparql-results+xml"),
                      (everything, "text/csv"), ("CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")):
        resp = server.sparql(q, accept=accept)
        assert resp.status_code == 502 and f"row cap ({OXIGRAPH_CAP})" in resp.text, (accept, resp.text[:300])
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



# --------------------------------------------------------------------------- writes and the curators' loop

TOKEN = "engine-write-token"
NOTES = "https://example.org/engine-notes"
DKG = "https://w3id.org/dissertation-kg/ontology#"


class Writer:
    """`dkg serve --store URL --update-token …` over the fixture's engine."""

    def __init__(self, built, *args: str):
        engine, tmp, env, server, embedded = built
        self.engine, self.embedded = engine, embedded
        self.server = Serve(tmp, engine.query_url, env, "--update-token", TOKEN, "--timeout", "30", *args)

    def update(self, text: str, token: str | None = TOKEN, **params):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return requests.post(self.server.url + "/sparql", data={"update": text, **params}, headers=headers, timeout=60)

    def ask(self, text: str) -> bool:
        resp = self.server.sparql(text)
        assert resp.status_code == 200, resp.text[:500]
        return resp.json()["boolean"]

    def count(self, text: str) -> int:
        resp = self.server.sparql(text)
        assert resp.status_code == 200, resp.text[:500]
        return int(resp.json()["results"]["bindings"][0]["n"]["value"])

    def gsp(self, method: str, graph: str, body: bytes = b"", token: str | None = TOKEN):
        headers = {"Content-Type": "text/turtle", **({"Authorization": f"Bearer {token}"} if token else {})}
        return requests.request(method, self.server.url + "/store", params={"graph": graph}, data=body,
                                headers=headers, timeout=60)


def _engine_holds(engine, graph: str) -> bool:
    """Whether the engine itself (not through this project's server) has triples in `graph`.
    A SELECT: Virtuoso answers an ASK about a graph it never held with an empty solution table."""
    q = f"SELECT ?s WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} LIMIT 1"
    resp = requests.get(engine.query_url, params={"query": q}, headers={"Accept": "application/sparql-results+json"},
                        timeout=30)
    assert resp.status_code == 200, resp.text[:300]
    return bool(resp.json()["results"]["bindings"])


def test_writes_with_credentials_reach_the_engine_as_embedded(built):
    w = Writer(built)
    try:
        engine = w.engine
        mine = f'ASK {{ GRAPH <{NOTES}> {{ <{NOTES}#a> <{NOTES}#says> "hello" }} }}'
        in_default = f'ASK {{ <{NOTES}#a> <{NOTES}#says> "hello" }}'
        assert not w.ask(mine) and not w.ask(in_default)  # also puts both answers in the result cache
        insert = f'INSERT DATA {{ GRAPH <{NOTES}> {{ <{NOTES}#a> <{NOTES}#says> "hello" }} }}'
        # Unauthorised: no token, a wrong token; nothing is written.
        assert w.update(insert, token=None).status_code == 401
        assert w.update(insert, token="wrong").status_code == 403
        assert not w.ask(mine)
        # Authorised: visible through GRAPH (under the embedded store's graph name) and in the
        # default graph, at once (the cached "false" answers are not served again).
        r = w.update(insert)
        assert r.status_code == 204, r.text
        assert w.ask(mine) and w.ask(in_default)
        rows = w.server.sparql(f"SELECT ?g WHERE {{ GRAPH ?g {{ <{NOTES}#a> ?p ?o }} }}").json()["results"]["bindings"]
        assert [r["g"]["value"] for r in rows] == [NOTES]
        # On the engine the write went into the current generation's graph names, not beside them.
        assert not _engine_holds(engine, NOTES)
        current, _ = _generations(engine)
        assert _engine_holds(engine, f"urn:x-dkg:{current}:{NOTES}")

        # A WHERE clause reads the generation's dataset: its default graph is the merge.
        works = w.count(f"PREFIX dkg: <{DKG}> SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE {{ ?w a dkg:Dissertation }}")
        assert works > 0
        r = w.update(f"PREFIX dkg: <{DKG}> INSERT {{ GRAPH <{NOTES}> {{ ?w <{NOTES}#seen> 'yes' }} }} "
                     f"WHERE {{ ?w a dkg:Dissertation }}")
        assert r.status_code == 204, r.text
        assert w.count(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?w <{NOTES}#seen> 'yes' }}") == works
        # ... and GRAPH ?g in a WHERE clause reaches the generation's graphs, by their own names.
        r = w.update(f"INSERT {{ GRAPH <{NOTES}> {{ <{NOTES}#a> <{NOTES}#graphs> ?n }} }} WHERE {{ "
                     f"{{ SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} }} }}")
        assert r.status_code == 204, r.text
        graphs = w.count("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert w.count(f"SELECT (MAX(?m) AS ?n) WHERE {{ <{NOTES}#a> <{NOTES}#graphs> ?m }}") == graphs

        # The merge follows deletions: a triple also stated in a corpus graph stays in the
        # default graph when the notes' copy is deleted; one stated only in the notes leaves it.
        # (From the server, not the fixture's embedded copy: an earlier test may have built anew.)
        corpus_graph = next(r["g"] for r in _parse(w.server.sparql("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))
                            if "/graph/source/" in r["g"].value).value
        corpus_triple = next(iter(_parse(w.server.sparql(
            f"SELECT ?s ?p ?o WHERE {{ GRAPH <{corpus_graph}> {{ ?s ?p ?o FILTER(isIRI(?o)) }} }} LIMIT 1"))))
        s, p, o = (corpus_triple[v] for v in ("s", "p", "o"))
        assert w.update(f"INSERT DATA {{ GRAPH <{NOTES}> {{ {s} {p} {o} }} }}").status_code == 204
        r = w.update(f'DELETE DATA {{ GRAPH <{NOTES}> {{ {s} {p} {o} . <{NOTES}#a> <{NOTES}#says> "hello" }} }}')
        assert r.status_code == 204, r.text
        assert w.ask(f"ASK {{ {s} {p} {o} }}")
        assert not w.ask(in_default) and not w.ask(mine)

        # Writes aimed at the default graph itself, or at graphs by variable, are refused.
        r = w.update(f'INSERT DATA {{ <{NOTES}#a> <{NOTES}#says> "x" }}')
        assert r.status_code == 400 and "default graph" in r.text, r.text
        # The corpus graphs stay protected as embedded.
        before = w.count(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{corpus_graph}> {{ ?s ?p ?o }} }}")
        for text in (f"DROP GRAPH <{corpus_graph}>", f"DELETE WHERE {{ GRAPH <{corpus_graph}> {{ ?s ?p ?o }} }}",
                     "CLEAR ALL", "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }"):
            r = w.update(text)
            assert r.status_code == 403 and "destroy" in r.text, (text, r.status_code, r.text)
        assert w.gsp("PUT", corpus_graph, b"<urn:a> <urn:b> <urn:c> .").status_code == 403
        assert w.count(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{corpus_graph}> {{ ?s ?p ?o }} }}") == before
        # Even when asked for (destructive=yes), a whole-store operation is not passed to the
        # engine, where it would clear other generations and the pointer too.
        r = w.update("CLEAR ALL", destructive="yes")
        assert r.status_code == 400 and "name the graph" in r.text, r.text
        assert w.count(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{corpus_graph}> {{ ?s ?p ?o }} }}") == before

        # The Graph Store Protocol: PUT, GET, DELETE of a graph of one's own.
        r = w.gsp("PUT", NOTES, f'<{NOTES}#b> <{NOTES}#says> "put" .'.encode())
        assert r.status_code in (201, 204), r.text
        got = requests.get(w.server.url + "/store", params={"graph": NOTES}, headers={"Accept": "application/n-triples"},
                           timeout=30)
        assert got.status_code == 200 and got.text.strip() == f'<{NOTES}#b> <{NOTES}#says> "put" .', got.text
        assert w.ask(f'ASK {{ <{NOTES}#b> <{NOTES}#says> "put" }}')
        assert w.count(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?w <{NOTES}#seen> 'yes' }}") == 0  # PUT replaced them
        assert w.gsp("DELETE", NOTES).status_code == 204
        assert not w.ask(f'ASK {{ <{NOTES}#b> ?p ?o }}')
        assert w.gsp("DELETE", NOTES).status_code == 404
        assert w.server.sparql(f"SELECT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g = <{NOTES}>) }}").json()[
            "results"]["bindings"] == []
    finally:
        w.server.stop()


def test_a_source_edit_rebuilds_into_the_engine_with_no_failed_query(built, tmp_path):
    import shutil
    import threading

    from dissertation_kg.mappings.resources import seeds_dir

    engine, tmp, env, server, embedded = built
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir(), corpus)
    edited = "In times of engine-side change"
    ask_edit = f'PREFIX dkg: <{DKG}> ASK {{ ?c dkg:text ?t FILTER (CONTAINS(STR(?t), "{edited}")) }}'
    w = Writer(built, "--watch", "--watch-interval", "0.3", "--seeds", str(corpus), "--client-queries", "4")
    try:
        def status() -> dict:
            # /status asks the engine, which may be busy taking in the new generation: poll as
            # patiently as the queries below wait (60 s), or a slow poll fails the test, not the loop
            return requests.get(w.server.url + "/status", headers={"Accept": "application/json"}, timeout=60).json()

        def settled(after: int | None, timeout: float = 300) -> dict:
            """/status once a rebuild numbered above `after` is over (None: once none runs)."""
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                s = status()
                last = s["rebuild"]["last_attempt"]
                if s["rebuild"]["state"] == "idle" and (after is None or (last or {}).get("attempt", 0) > after):
                    return s
                time.sleep(0.3)
            raise AssertionError(f"no rebuild finished in {timeout} s: {status()}")

        time.sleep(1.0)  # a start-up catch-up rebuild, if the sources look changed, is over first
        first = settled(None)
        assert first["rebuild"]["watching"] is True
        attempts = (first["rebuild"]["last_attempt"] or {}).get("attempt", 0)
        generation_before = _generations(engine)[0]
        assert not w.ask(ask_edit)
        stop, errors, answers, done = threading.Event(), [], [], [0]

        def hammer(query_edit: bool) -> None:
            session = requests.Session()
            while not stop.is_set():
                try:
                    q = ask_edit if query_edit else "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
                    r = session.post(w.server.url + "/sparql", data={"query": q}, timeout=60,
                                     headers={"Accept": "application/sparql-results+json"})
                    if r.status_code != 200:
                        errors.append(f"{r.status_code}: {r.text[:300]}")
                    elif query_edit:
                        answers.append(r.json()["boolean"])
                    else:
                        assert int(r.json()["results"]["bindings"][0]["n"]["value"]) > 1000, r.text
                    done[0] += 1
                except Exception as exc:  # noqa: BLE001 - every failure is counted
                    errors.append(repr(exc))

        threads = [threading.Thread(target=hammer, args=(flag,)) for flag in (True, False)]
        for t in threads:
            t.start()
        try:
            time.sleep(1.0)
            doc = next(corpus.glob("002_*.txt"))
            text = doc.read_text(encoding="utf-8")
            assert "In times of change" in text
            doc.write_text(text.replace("In times of change", edited, 1), encoding="utf-8")
            after = settled(attempts)
            time.sleep(1.5)  # keep querying the new generation for a moment
        finally:
            stop.set()
            for t in threads:
                t.join(60)
        last = after["rebuild"]["last_attempt"]
        assert last["outcome"] == "switched", last
        assert errors == [], errors[:5]
        assert done[0] > 10, done[0]
        now, generations = _generations(engine)
        assert now != generation_before and now == last["record"]["engine_generation"]
        assert generations == {now, generation_before}  # the previous one stays until the next rebuild
        assert answers[0] is False and answers[-1] is True
        assert all(answers[answers.index(True):]), "a query answered from the old generation after the switch"
        assert w.ask(ask_edit)
        assert server.sparql(ask_edit).json()["boolean"]  # every server over the engine follows the pointer
    finally:
        w.server.stop()


def test_an_update_is_mapped_onto_the_generation_from_its_parse():
    """No engine needed: what the engine would be sent for an update, and what is refused."""
    from dissertation_kg.server.endpoint.engine_update import EngineUpdateRefused, for_engine

    p = "urn:x-dkg:G:"
    plan = for_engine('PREFIX ex: <http://ex/> INSERT DATA { GRAPH ex:g { ex:a ex:b "GRAPH <http://ex/g>" } } ; '
                      'WITH <http://ex/w> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o GRAPH ?g { ?s ?p ?x } } ; '
                      'MOVE SILENT <http://ex/m> TO <http://ex/z>', p, p + "default", lambda: ["http://ex/c"])
    first, second, third = plan.operations
    assert f"GRAPH <{p}http://ex/g>" in first and '"GRAPH <http://ex/g>"' in first  # a string is not a graph
    assert f"WITH <{p}http://ex/w>" in second and f"USING <{p}http://ex/w> USING NAMED <{p}http://ex/c> WHERE" in second
    assert third.strip().endswith(f"MOVE SILENT <{p}http://ex/m> TO <{p}http://ex/z>") and "PREFIX ex:" in third
    assert plan.adds == {"http://ex/g", "http://ex/z"} and plan.dropped == {"http://ex/m"}
    assert plan.deletes == {"http://ex/w", "http://ex/m", "http://ex/z"}
    assert for_engine("INSERT { GRAPH <http://ex/n> { ?s ?p ?o } } WHERE { ?s ?p ?o }", p, p + "default",
                      list).operations == [f"INSERT {{ GRAPH <{p}http://ex/n> {{ ?s ?p ?o }} }} USING <{p}default> "
                                           "WHERE { ?s ?p ?o }"]
    for refused in ("CLEAR ALL", "DROP NAMED", "INSERT { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }",
                    "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "COPY DEFAULT TO <urn:g>", "INSERT DATA { GRAPH"):
        with pytest.raises(EngineUpdateRefused):
            for_engine(refused, p, p + "default", list)


def test_a_build_through_virtuosos_bulk_loader(built):
    """With isql settings, `dkg build --store URL` loads Virtuoso through ld_dir + rdf_loader_run
    (other engines ignore them); the data and the pointer guarantees are those of the Graph Store
    path."""
    from dissertation_kg.server.store.location import StoreLocation

    engine, tmp, env, server, embedded = built
    count_graphs = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    count_default = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    if engine.name != "virtuoso":
        bulk = {"DKG_STORE_ISQL": "127.0.0.1:1", "DKG_STORE_LOAD_DIR": str(tmp / "nowhere")}
    else:
        bulk = {"DKG_STORE_ISQL": f"127.0.0.1:{engine.isql_port}", "DKG_STORE_LOAD_DIR": str(engine.folder / "load")}
        before = _generations(engine)[0]
        out = dkg(tmp, "build", "--store", engine.query_url, "-q",
                  env={**env, **bulk, "DKG_STORE_ISQL_PASSWORD": "wrong"})
        assert out.returncode == 2 and "isql" in out.stderr, out.stdout + out.stderr
        assert _generations(engine)[0] == before  # a failed load moves nothing
    out = dkg(tmp, "build", "--store", engine.query_url, "-q", env={**env, **bulk})
    assert out.returncode == 0, out.stdout + out.stderr
    current, generations = _generations(engine)
    assert generations == {current}
    staging = OxigraphStore(StoreLocation(next((tmp / ".dkg" / "remote").iterdir())).current())
    try:
        for text in (count_graphs, count_default):
            assert answer(_parse(server.sparql(text)), text) == answer(staging.query(text), text), text
        question = (REPO / "queries" / "05-abstracts-per-language.rq").read_text()
        assert answer(_parse(server.sparql(question)), question) == answer(staging.query(question), question)
    finally:
        staging.close()
    if engine.name == "virtuoso":
        assert not any((engine.folder / "load").iterdir())  # the loader's files are removed
