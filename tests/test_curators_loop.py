"""The curators' loop: a running `dkg serve` follows edits to the ontology, vocabularies and corpus.

Live servers (tests/endpoint_server.py) over a temporary copy of ontology/ and a two-document
corpus, so the edits here never touch the project's files."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from dissertation_kg.mappings.resources import ontology_dir, seeds_dir
from dissertation_kg.server.store.location import StoreLocation

from endpoint_server import Server

DKG = "https://w3id.org/dissertation-kg/ontology#"
DOCS = ("002_", "003_")
MANIFEST = """[[work]]
id = "kazakhstan-unesco-humanitarian-security"
files = ["{a}"]

[[work]]
id = "kazakh-german-cultural-cooperation"
files = ["{b}"]
"""
EDITED = "In times of curatorial change"
ASK_EDIT = f'PREFIX dkg: <{DKG}> ASK {{ ?c dkg:text ?t FILTER (CONTAINS(STR(?t), "{EDITED}")) }}'
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def dkg(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DKG_")}
    return subprocess.run([sys.executable, "-c", "from dissertation_kg.server.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=timeout, env=env)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """Sources (ontology copy + small corpus) and a store built from them by `dkg build`."""
    root = tmp_path_factory.mktemp("curators")
    shutil.copytree(ontology_dir(), root / "ontology", ignore=shutil.ignore_patterns("*.md", "__pycache__"))
    corpus = root / "corpus"
    corpus.mkdir()
    names = []
    for prefix in DOCS:
        src = next(seeds_dir().glob(prefix + "*.txt"))
        shutil.copy(src, corpus / src.name)
        names.append(src.name)
    (corpus / "manifest.toml").write_text(MANIFEST.format(a=names[0], b=names[1]), encoding="utf-8")
    done = dkg("build", "--seeds", str(corpus), "--ontology", str(root / "ontology"), "--store", str(root / "store"), "-q")
    assert done.returncode == 0, done.stderr
    return root


@pytest.fixture
def site(built, tmp_path) -> Path:
    """A private copy of the sources and the store, for one test to edit."""
    for name in ("ontology", "corpus", "store"):
        shutil.copytree(built / name, tmp_path / name, symlinks=True)
    return tmp_path


def serve(site: Path, *args: str) -> Server:
    # the tests query from two threads of one address: lift the per-client limit (workers / 2)
    return Server(site / "store", "--seeds", str(site / "corpus"), "--ontology", str(site / "ontology"),
                  "--watch-interval", "0.3", "--client-queries", "4", *args, workers=2)


def status(server: Server) -> dict:
    r = requests.get(server.url + "/status", headers={"Accept": "application/json"}, timeout=10)
    r.raise_for_status()
    return r.json()


def wait_for_attempt(server: Server, outcome: str, after: int = 0, timeout: float = 180) -> dict:
    """The first rebuild attempt numbered above `after` once it has finished; it must have `outcome`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        s = status(server)
        last = s["rebuild"]["last_attempt"]
        if last is not None and last["attempt"] > after and s["rebuild"]["state"] == "idle":
            assert last["outcome"] == outcome, (last, server.read_log())
            return s
        time.sleep(0.2)
    raise AssertionError(f"no rebuild finished within {timeout}s: {server.read_log()}")


def ask(server: Server, query: str) -> bool:
    r = requests.post(server.sparql, data={"query": query}, headers={"Accept": "application/sparql-results+json"},
                      timeout=60)
    r.raise_for_status()
    return r.json()["boolean"]


def count(server: Server) -> int:
    r = requests.post(server.sparql, data={"query": COUNT}, headers={"Accept": "application/sparql-results+json"},
                      timeout=60)
    r.raise_for_status()
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def edit_document(site: Path) -> None:
    doc = next((site / "corpus").glob(DOCS[0] + "*.txt"))
    text = doc.read_text(encoding="utf-8")
    assert "In times of change" in text
    doc.write_text(text.replace("In times of change", EDITED, 1), encoding="utf-8")


def test_edit_to_a_document_is_rebuilt_and_switched_with_no_failed_query(site):
    server = serve(site)
    try:
        before = status(server)
        assert before["rebuild"]["watching"] is True
        assert not ask(server, ASK_EDIT)
        stop = threading.Event()
        errors: list[str] = []
        answers: list[bool] = []
        done = [0]

        def hammer(query_edit: bool) -> None:
            session = requests.Session()
            while not stop.is_set():
                try:
                    if query_edit:
                        r = session.post(server.sparql, data={"query": ASK_EDIT}, timeout=60,
                                         headers={"Accept": "application/sparql-results+json"})
                        if r.status_code == 200:
                            answers.append(r.json()["boolean"])
                    else:
                        r = session.get(server.sparql, params={"query": COUNT}, timeout=60,
                                        headers={"Accept": "application/sparql-results+json"})
                        if r.status_code == 200:
                            assert int(r.json()["results"]["bindings"][0]["n"]["value"]) > 1000
                    if r.status_code != 200:
                        errors.append(f"{r.status_code}: {r.text[:300]}")
                    done[0] += 1
                except Exception as exc:  # noqa: BLE001 - every failure is counted
                    errors.append(repr(exc))

        threads = [threading.Thread(target=hammer, args=(flag,)) for flag in (True, False)]
        for t in threads:
            t.start()
        try:
            time.sleep(1.0)
            edit_document(site)
            after = wait_for_attempt(server, "switched")
            time.sleep(1.0)  # keep querying the new generation for a moment
        finally:
            stop.set()
            for t in threads:
                t.join(60)
        assert errors == []
        assert done[0] > 20, done[0]
        assert after["generation"]["name"] != before["generation"]["name"]
        assert after["rebuild"]["last_attempt"]["trigger"] == "edit"
        assert any(p.endswith(next((site / "corpus").glob(DOCS[0] + "*.txt")).name)
                   for p in after["rebuild"]["last_attempt"]["files"])
        # The threads saw the old answer, then the new one, and never the old one again.
        assert answers[0] is False and answers[-1] is True
        first_true = answers.index(True)
        assert all(answers[first_true:]), "a query answered from the old generation after the switch"
        assert ask(server, ASK_EDIT)
        assert after["generation"]["documents"] == 2 and after["generation"]["works"] == 2
        # The rebuild changed the served generation's copy rather than loading everything again.
        assert after["generation"]["path"] == "incremental", after["generation"]["full_reason"]
    finally:
        server.stop()


def test_broken_ontology_edit_keeps_the_last_good_graph_until_fixed(site):
    server = serve(site)
    dkg_ttl = site / "ontology" / "dkg.ttl"
    good = dkg_ttl.read_text(encoding="utf-8")
    try:
        before = status(server)
        triples = count(server)
        lines = good.count("\n")
        dkg_ttl.write_text(good + "\ndkg:Broken a owl:Class ; rdfs:label \"broken\"@en ; dkg:\n", encoding="utf-8")
        blocked = wait_for_attempt(server, "blocked")
        # Still answering, from the same generation.
        assert blocked["generation"]["name"] == before["generation"]["name"]
        assert count(server) == triples
        problems = blocked["rebuild"]["blocking_problems"]
        assert [p["check"] for p in problems] == ["syntax"]
        assert problems[0]["file"].endswith("dkg.ttl") and problems[0]["line"] > lines
        page = requests.get(server.url + "/status", headers={"Accept": "text/html"}, timeout=10)
        assert page.headers["Content-Type"].startswith("text/html")
        assert "refused" in page.text and f"dkg.ttl:{problems[0]['line']}" in page.text
        log = server.read_log()
        assert re.search(r"ERROR .*dkg\.ttl:\d+: \[syntax\] not valid Turtle.*\(hint: ", log), log

        # The fix (with a real change, so there is something to rebuild) is switched to.
        note = f'<{DKG}Provision> <http://www.w3.org/2004/02/skos/core#editorialNote> "checked by the loop"@en .\n'
        dkg_ttl.write_text(good + "\n" + note, encoding="utf-8")
        fixed = wait_for_attempt(server, "switched", after=blocked["rebuild"]["last_attempt"]["attempt"])
        assert fixed["generation"]["name"] != before["generation"]["name"]
        assert fixed["rebuild"]["blocking_problems"] == []
        assert ask(server, f'ASK {{ <{DKG}Provision> <http://www.w3.org/2004/02/skos/core#editorialNote> '
                           f'"checked by the loop"@en }}')
    finally:
        server.stop()


def test_undeclared_term_in_shapes_blocks_but_missing_kazakh_label_only_warns(site):
    from dissertation_kg.server.curation.source_gate import check_sources

    onto = site / "ontology"
    dkg_ttl = onto / "dkg.ttl"
    text = dkg_ttl.read_text(encoding="utf-8")
    without_kk, n = re.subn(r'(rdfs:label\s+"[^"]*"@en ,\s+)"[^"]*"@kk ,\s+', r"\1", text, count=1)
    assert n == 1
    dkg_ttl.write_text(without_kk, encoding="utf-8")
    warned = check_sources(onto, mappings_dir=False)
    assert warned.ok
    assert any(p.check == "missing-label" and "'kk'" in p.message for p in warned.warnings)

    shapes = onto / "shapes.ttl"
    shapes.write_text(shapes.read_text(encoding="utf-8").replace("sh:path dkg:department ;", "sh:path dkg:departement ;"),
                      encoding="utf-8")
    blocked = check_sources(onto, mappings_dir=False)
    assert [(p.check, p.term, p.file.name) for p in blocked.blocking] == [("undeclared-term", "dkg:departement", "shapes.ttl")]


def test_dkg_build_warns_about_deprecated_terms_the_data_uses(built, tmp_path):
    onto = tmp_path / "ontology"
    shutil.copytree(built / "ontology", onto)
    with (onto / "dkg.ttl").open("a", encoding="utf-8") as f:
        f.write(f"\n<{DKG}Provision> <http://www.w3.org/2002/07/owl#deprecated> true ;\n"
                "    <http://purl.org/dc/terms/isReplacedBy> <http://schema.org/Claim> .\n"
                f"<{DKG}ordinal> <http://www.w3.org/2002/07/owl#deprecated> \"1\"^^<http://www.w3.org/2001/XMLSchema#boolean> ;\n"
                "    <http://purl.org/dc/terms/isReplacedBy> <http://schema.org/position> .\n")
    store = tmp_path / "store"
    done = dkg("build", "--seeds", str(built / "corpus"), "--ontology", str(onto), "--store", str(store), "-q")
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if line.startswith("warning:") and "deprecated" in line]
    assert len(warnings) == 2, done.stderr

    # The counts are those of the data, counted here independently.
    db = ox.Store.read_only(str(StoreLocation(store).current()))
    in_data = "FILTER (STRSTARTS(STR(?g), 'https://w3id.org/dissertation-kg/graph/source/'))"
    provisions = int(next(iter(db.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s a <{DKG}Provision> }} {in_data} }}")))["n"].value)
    ordinals = int(next(iter(db.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s <{DKG}ordinal> ?o }} {in_data} }}")))["n"].value)
    del db
    assert provisions > 0 and ordinals > provisions
    provision, = [w for w in warnings if "dkg:Provision" in w]
    assert f"in {provisions} triples ({provisions} as class)" in provision
    assert "use <http://schema.org/Claim> instead" in provision
    ordinal, = [w for w in warnings if "dkg:ordinal " in w]
    assert f"in {ordinals} triples ({ordinals} as predicate)" in ordinal
    assert "use <http://schema.org/position> instead" in ordinal


def test_mapped_seeds_use_no_deprecated_term(seed_store):
    from dissertation_kg.server.curation.deprecation import deprecated_uses
    from dissertation_kg.server.curation.check import deprecated_terms, load_sources

    assert deprecated_uses(seed_store.raw) == []
    deprecated = set(deprecated_terms(load_sources(ontology_dir())[0]))
    used = {t.value for q in seed_store.raw.quads_for_pattern(None, None, None, None)
            if isinstance(q.graph_name, ox.NamedNode) and "/graph/source/" in q.graph_name.value
            for t in (q.predicate, q.object) if isinstance(t, ox.NamedNode)}
    assert used and not (used & deprecated)


def test_dkg_reload_rebuilds_and_switches(site):
    server = serve(site, "--no-watch")
    try:
        before = status(server)
        assert before["rebuild"]["watching"] is False
        base = ["reload", "--url", server.url, "--token", server.token]
        unchanged = dkg(*base)
        assert unchanged.returncode == 0, unchanged.stderr
        assert "no rebuild: the sources are those of the served graph" in unchanged.stdout

        edit_document(site)
        assert status(server)["rebuild"]["attempts"] == []  # not watching: nothing happened yet
        done = dkg(*base, "--wait", "180")
        assert done.returncode == 0, done.stderr + server.read_log()
        generation = re.search(r"rebuilt: now serving generation (\S+)", done.stdout).group(1)
        after = status(server)
        assert after["generation"]["name"] == generation != before["generation"]["name"]
        assert after["rebuild"]["last_attempt"]["trigger"] == "dkg reload (sources changed)"
        assert ask(server, ASK_EDIT)

        forced = dkg(*base, "--rebuild", "--wait", "180")
        assert forced.returncode == 0, forced.stderr
        assert "rebuilt: now serving generation" in forced.stdout
        assert status(server)["generation"]["name"] != generation
    finally:
        server.stop()


NO_PROVISIONS = (
    "ABSTRACT of the dissertation for the degree of Doctor of Philosophy (PhD) in the specialty 6D020200 – International Relations\n"
    "The object of the research is the foreign policy of Kyrgyzstan.\n"
    "The subject of the research is its instruments of cultural diplomacy.\n"
    "The aim of the research is to assess these instruments.\n"
    "Research objectives:\n1. to describe the instruments;\n2. to assess them.\n"
    "Main provisions for defense:\n\n")


def test_rejected_document_is_listed_but_does_not_block_and_a_broken_manifest_does(site):
    """A German text is rejected, a dissertation without provisions loads with its gap; neither
    blocks the rebuild."""
    from test_bad_input import GERMAN

    server = serve(site)
    try:
        before = status(server)
        (site / "corpus" / "no-provisions.txt").write_text(NO_PROVISIONS, encoding="utf-8")
        (site / "corpus" / "german.txt").write_text(GERMAN, encoding="utf-8")
        edit_document(site)
        switched = wait_for_attempt(server, "switched")
        assert switched["generation"]["name"] != before["generation"]["name"]
        assert ask(server, ASK_EDIT)
        rejected = switched["generation"]["rejected"]
        assert [r["source"] for r in rejected] == ["german.txt"]
        assert switched["generation"]["documents"] == 3
        gaps = switched["generation"]["gaps"]
        assert any(g["sources"] == ["no-provisions.txt"] and "provisions" in g["lacks"] for g in gaps)
        page = requests.get(server.url + "/status", headers={"Accept": "text/html,*/*;q=0.8"}, timeout=10).text
        assert "Rejected documents (1)" in page and "german.txt" in page
        assert "Incomplete works" in page and "no-provisions.txt" in page
        assert "WARNING rejected german.txt:" in server.read_log()

        manifest = site / "corpus" / "manifest.toml"
        manifest.write_text(manifest.read_text(encoding="utf-8") + "[[work]\n", encoding="utf-8")
        blocked = wait_for_attempt(server, "blocked", after=switched["rebuild"]["last_attempt"]["attempt"])
        assert blocked["generation"]["name"] == switched["generation"]["name"]
        (problem,) = blocked["rebuild"]["blocking_problems"]
        assert problem["check"] == "build" and "manifest.toml" in problem["message"]
        assert ask(server, ASK_EDIT)
    finally:
        server.stop()


def test_rebuilds_run_one_at_a_time_and_bursts_of_edits_coalesce(tmp_path, monkeypatch):
    from dissertation_kg.server.curation import rebuild
    from dissertation_kg.server.config import ServerConfig

    monkeypatch.setattr(rebuild, "SETTLE_SECONDS", 0.3)
    rebuilder = rebuild.Rebuilder(ServerConfig(store=tmp_path / "store"))
    running, runs = [0], []

    def fake_run(job):  # the child process, without its cost
        running[0] += 1
        assert running[0] == 1, "two rebuilds ran at once"
        runs.append(job)
        time.sleep(0.5)
        running[0] -= 1
        return {"outcome": "unchanged"}

    monkeypatch.setattr(rebuilder, "_run", fake_run)
    monkeypatch.setattr(rebuilder, "_start_spare", lambda: None)  # no process: _run is faked
    first = [rebuilder.request("edit", files=[f"a{i}.ttl"]) for i in range(5)]
    assert set(first) == {1}
    assert rebuilder.wait(1, 10)["outcome"] == "unchanged"
    assert runs[0]["files"] == [f"a{i}.ttl" for i in range(5)]

    # Edits while a rebuild runs wait for it, and then make one more.
    rebuilder.request("edit", files=["b.ttl"])
    deadline = time.monotonic() + 10
    while not runs[1:] and time.monotonic() < deadline:
        time.sleep(0.05)
    later = {rebuilder.request("edit", files=["c.ttl"]), rebuilder.request("dkg reload --rebuild", force=True)}
    assert later == {3}
    assert rebuilder.wait(3, 10) is not None
    assert len(runs) == 3
    assert runs[2]["files"] == ["c.ttl"] and runs[2]["force"] and runs[2]["trigger"] == "edit + dkg reload --rebuild"


def test_rebuilds_run_in_a_warm_spare_process_with_the_current_code(site, monkeypatch):
    """The loop keeps one rebuild process started and waiting; an edit's rebuild is run by it
    (and a new spare started), unless its code is older than the server's: then a fresh one."""
    from dissertation_kg.server.config import ServerConfig
    from dissertation_kg.server.curation import rebuild, rebuild_job

    rebuilder = rebuild.Rebuilder(ServerConfig(store=site / "store", seeds=site / "corpus", ontology=site / "ontology"))
    monkeypatch.setattr(rebuild, "SETTLE_SECONDS", 0.1)
    try:
        with rebuilder._cond:
            rebuilder._start_loop()
        deadline = time.monotonic() + 30
        while rebuilder._spare is None and time.monotonic() < deadline:
            time.sleep(0.05)
        spare = rebuilder._spare
        assert spare is not None and spare.poll() is None, "no spare process waiting"

        edit_document(site)
        first = rebuilder.wait(rebuilder.request("edit"), 300)
        assert first["outcome"] == "switched" and first["process"] == "spare", first
        assert spare.wait(10) == 0  # it ran the job and exited
        store = ox.Store.read_only(str(StoreLocation(site / "store").current()))
        assert store.query(ASK_EDIT)
        del store
        deadline = time.monotonic() + 30
        while (rebuilder._spare is None or rebuilder._spare is spare) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert rebuilder._spare is not spare and rebuilder._spare.poll() is None, "no new spare after the rebuild"

        # A spare started before the code changed must not build with it.
        stale = rebuilder._spare
        monkeypatch.setattr(rebuild_job, "code_digest", lambda: "the code changed since the spare started")
        doc = next((site / "corpus").glob(DOCS[1] + "*.txt"))
        doc.write_text(doc.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        second = rebuilder.wait(rebuilder.request("edit"), 300)
        assert second["outcome"] == "switched" and second["process"] == "fresh", second
        assert stale.wait(10) == rebuild_job.STALE
    finally:
        rebuilder.stop()
    assert rebuilder._spare is None
