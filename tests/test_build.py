"""The build: same input → same graph and IRIs, cache reuse, and a killed build harms nothing."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pyoxigraph as ox
from click.testing import CliRunner
from rdflib import Dataset, Graph

from dissertation_kg.mappings import abstract, pairing
from dissertation_kg.server.build.pipeline import build
from dissertation_kg.server.cli import main
from dissertation_kg.mappings.resources import seeds_dir
from dissertation_kg.server.store.location import StoreLocation
from dissertation_kg.server.store.engines import OxigraphStore

from conftest import FIXED_TIME


def canonical(store_dir) -> list[str]:
    """The store's quads, blank nodes canonicalised (RDFC-1.0): equal lists mean equal datasets."""
    store = ox.Store.read_only(str(StoreLocation(store_dir).current()))
    dataset = ox.Dataset(store)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return sorted(str(q) for q in dataset)


def test_building_twice_gives_the_same_graph(tmp_path):
    a = build(seeds_dir(), tmp_path / "a", progress=False, generated_at=FIXED_TIME)
    b = build(seeds_dir(), tmp_path / "b", progress=False, generated_at=FIXED_TIME, use_cache=False)
    assert canonical(tmp_path / "a") == canonical(tmp_path / "b")
    # Again into the same store: everything comes from the cache, and the graph is unchanged.
    again = build(seeds_dir(), tmp_path / "a", progress=False)
    assert again.cached == again.documents == 5
    assert canonical(tmp_path / "a") == canonical(tmp_path / "b")
    assert a.triples == b.triples == again.triples > 1000


def test_work_iris_do_not_depend_on_reading_order():
    docs = [abstract.parse_file(p) for p in sorted(seeds_dir().glob("*.txt"))]
    forward = {w.id: sorted(m.source for m in w.members) for w in pairing.group(docs, {})}
    backward = {w.id: sorted(m.source for m in w.members) for w in pairing.group(list(reversed(docs)), {})}
    assert forward == backward
    # Without a manifest the id still derives from content, not from which file came first.
    (joined,) = [wid for wid, members in forward.items() if len(members) == 2]
    assert joined.startswith("w-")


def test_a_changed_document_is_mapped_again_and_others_come_from_cache(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir(), corpus)
    build(corpus, tmp_path / "s", progress=False)
    path = next(corpus.glob("004_*.txt"))
    path.write_text(path.read_text(encoding="utf-8").replace("15 articles", "16 articles"), encoding="utf-8")
    summary = build(corpus, tmp_path / "s", progress=False)
    assert summary.cached == 4 and summary.documents == 5
    rows = list(OxigraphStore(StoreLocation(tmp_path / "s").current()).query(
        "SELECT ?n WHERE { ?c <https://w3id.org/dissertation-kg/ontology#count> ?n }"))
    assert "16" in {r["n"].value for r in rows}


def test_a_change_to_the_mappers_code_maps_every_document_again(tmp_path, monkeypatch):
    """A mapping is cached under the mappers' code, not only their version number: after an
    upgrade or an edited rule, unchanged files are mapped again by the new code (their cached
    N-Quads were made by the old one)."""
    from dissertation_kg.server.build import pipeline

    build(seeds_dir(), tmp_path / "s", progress=False)
    assert build(seeds_dir(), tmp_path / "s", progress=False).cached == 5
    code = pipeline._mappers_fingerprint()
    monkeypatch.setattr(pipeline, "_mappers_fingerprint", lambda: "another " + code)
    again = build(seeds_dir(), tmp_path / "s", progress=False)
    assert again.cached == 0 and again.documents == 5 and not again.rejected


def test_a_killed_build_leaves_the_previous_store_intact(tmp_path):
    corpus = tmp_path / "big"
    result = CliRunner().invoke(main, ["generate", "--count", "150", "--seed", "3", str(corpus)])
    assert result.exit_code == 0, result.output
    store = tmp_path / "store"
    build(seeds_dir(), store, progress=False)
    before = StoreLocation(store).current()
    expected = canonical(store)
    proc = subprocess.Popen([sys.executable, "-m", "dissertation_kg.server.cli", "build", "--seeds", str(corpus),
                             "--store", str(store), "--no-cache", "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    # Kill it in the most delicate moment: while it writes the new generation beside the
    # served one (the generation directory appears when loading starts).
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None and len(list((store / "generations").iterdir())) < 2:
        time.sleep(0.02)
    assert proc.poll() is None, "the build finished before it could be killed; use a larger corpus"
    assert len(list((store / "generations").iterdir())) == 2, "the build never started loading"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert StoreLocation(store).current() == before
    assert canonical(store) == expected
    # And the next build still works.
    assert build(seeds_dir(), store, progress=False).ok


def test_map_command_formats(tmp_path):
    files = [str(p) for p in sorted(seeds_dir().glob("00[01]_*.txt"))]
    runner = CliRunner()
    for fmt, parse_as in (("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")):
        result = runner.invoke(main, ["map", *files, "--format", fmt])
        assert result.exit_code == 0, result.output
        ds = Dataset()
        ds.parse(data=result.stdout, format=parse_as)
        graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
        assert {g for g in graphs if "/graph/source/" in g} == {
            "https://w3id.org/dissertation-kg/graph/source/" + os.path.basename(f) for f in files}
    turtle = runner.invoke(main, ["map", *files, "--format", "turtle"])
    assert turtle.exit_code == 0, turtle.output
    g = Graph().parse(data=turtle.stdout, format="turtle")
    work = "https://w3id.org/dissertation-kg/id/work/humanization-kazakhstan-foreign-policy"
    assert len(list(g.objects(predicate=None, subject=None))) > 100
    assert any(str(s) == work for s in g.subjects())


def test_query_command_json_is_sparql_results(seed_store_dir):
    result = CliRunner().invoke(main, ["query", "--store", str(seed_store_dir), "--format", "json",
                                       "SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { ?w a <https://w3id.org/dissertation-kg/ontology#Dissertation> }"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["head"]["vars"] == ["n"]
    assert data["results"]["bindings"][0]["n"]["value"] == "3"


def test_query_graph_reaches_each_named_graph(seed_store_dir):
    result = CliRunner().invoke(main, ["query", "--store", str(seed_store_dir), "--format", "csv",
                                       "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a a <https://w3id.org/dissertation-kg/ontology#Abstract> } }"])
    assert result.stdout.splitlines()[1].strip() == "5"


def test_validate_command(tmp_path, seed_store_dir):
    runner = CliRunner()
    ok = runner.invoke(main, ["validate", *[str(p) for p in sorted(seeds_dir().glob("*.txt"))]])
    assert ok.exit_code == 0, ok.output
    assert runner.invoke(main, ["validate", "--store", str(seed_store_dir)]).exit_code == 0
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = runner.invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1 and "empty.txt: the file is empty" in result.output
