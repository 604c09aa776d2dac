"""/status over a remote engine answers from what the server knows: the build record of the
engine's generation (found by the engine generation the build noted in it), never a count over
the engine, which takes seconds and longer while the engine loads the next build."""
from __future__ import annotations

import json
import time

import pytest

from dissertation_kg.server.app import create_app
from dissertation_kg.server.build.record import engine_record, write_record
from dissertation_kg.server.config import ServerConfig
from dissertation_kg.server.store.spec import RemoteSpec, local_dir
from dissertation_kg.server.store.state import Generation

# Nothing listens there: any request to the "engine" would fail the test.
SPEC = RemoteSpec(query_url="http://127.0.0.1:9/sparql", engine="virtuoso")


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # local_dir(SPEC) is under ./.dkg
    app = create_app(ServerConfig(store=SPEC, workers=1, build_if_missing=False, watch=False))
    rt = app.extensions["dkg"]

    def no_stats(gen):
        raise AssertionError("/status counted the triples on the engine")

    monkeypatch.setattr(rt, "stats", no_stats)
    yield app, rt
    rt.close()


def _serve(rt, monkeypatch, name: str, revision: int = 0) -> None:
    monkeypatch.setattr(rt.state, "current", lambda: Generation(f"engine:{name}", name, revision, time.time()))


def _record(name: str, engine_generation: str | None, documents: int) -> dict:
    record = {"generation": name, "built_at": "2026-11-29T08:00:00+00:00", "documents": documents, "works": 7,
              "triples": 12345, "rejected": [], "warnings": [], "gaps": [], "seeds": "/x/seeds"}
    if engine_generation:
        record.update(engine_generation=engine_generation, engine_load_seconds=4.5)
    write_record(local_dir(SPEC), record)
    return record


def test_the_engine_generations_build_record_is_shown(app, monkeypatch):
    app, rt = app
    _record("20261129T080000-1-1", "20261129T080100-aaaaaa", 9)
    _record("20261129T090000-1-1", "20261129T090100-bbbbbb", 11)   # the newer build
    _serve(rt, monkeypatch, "20261129T080100-aaaaaa")
    g = json.loads(app.test_client().get("/status", headers={"Accept": "application/json"}).data)["generation"]
    assert g["engine_generation"] == "20261129T080100-aaaaaa"
    assert g["staging_generation"] == "20261129T080000-1-1"
    assert (g["documents"], g["works"], g["triples"], g["engine_load_seconds"]) == (9, 7, 12345, 4.5)
    assert g["built_by"] == "dkg build or a rebuild"
    page = app.test_client().get("/status", headers={"Accept": "text/html"})
    assert page.status_code == 200 and b"12345" in page.data


def test_after_writes_the_built_count_is_kept_and_nothing_is_counted(app, monkeypatch):
    app, rt = app
    _record("20261129T080000-1-1", "20261129T080100-aaaaaa", 9)
    _serve(rt, monkeypatch, "20261129T080100-aaaaaa", revision=3)
    g = json.loads(app.test_client().get("/status").data)["generation"]
    assert g["triples"] is None and g["triples_built"] == 12345 and g["writes"] == 3


def test_without_a_record_the_manifest_gives_the_documents(app, monkeypatch):
    app, rt = app
    _serve(rt, monkeypatch, "20261129T100000-cccccc")
    graphs = ["https://w3id.org/dissertation-kg/graph/source/a.txt", "https://w3id.org/dissertation-kg/graph/source/b.md",
              "https://w3id.org/dissertation-kg/graph/vocabularies"]
    monkeypatch.setattr(rt.state.generations, "graphs", lambda gen: graphs)
    g = json.loads(app.test_client().get("/status").data)["generation"]
    assert g["documents"] == 2 and g["triples"] is None and "another machine" in g["built_by"]


def test_a_record_is_found_by_its_engine_generation(tmp_path):
    write_record(tmp_path, {"generation": "s1", "engine_generation": "e1"})
    write_record(tmp_path, {"generation": "s2"})
    assert engine_record(tmp_path, "e1")["generation"] == "s1"
    assert engine_record(tmp_path, "e2") is None
