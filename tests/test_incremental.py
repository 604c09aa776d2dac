"""Incremental builds (issue #15): a generation made from the served one by changing only what
differs holds exactly what a full build of the same sources holds, quad for quad.

Builds after a vocabulary or ontology edit run in a child process, as the server's rebuilds do:
the linker reads the vocabularies once per process."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from dissertation_kg.mappings.resources import ontology_dir, seeds_dir
from dissertation_kg.server.build import incremental
from dissertation_kg.server.cli import main
from dissertation_kg.server.store.location import StoreLocation

_BUILD = """
import datetime as dt, json, sys
from dissertation_kg.server.build.pipeline import build
seeds, stores = sys.argv[1], sys.argv[2:]
when = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
out = []
for store in stores:
    full = store.endswith("full")
    s = build(seeds, store, progress=False, generated_at=when, full=full)
    out.append({"path": s.path, "reason": s.full_reason, "changes": s.changes, "triples": s.triples,
                "documents": s.documents, "rejected": [r.source for r in s.rejected]})
print(json.dumps(out))
"""


def _build(corpus: Path, ontology: Path, *stores: Path) -> list[dict]:
    """Build `corpus` into each store in one child process (fixed mapping time, so two stores
    can be compared); a store whose name ends in "full" is built with --full."""
    env = {**__import__("os").environ, "DKG_ONTOLOGY": str(ontology)}
    proc = subprocess.run([sys.executable, "-c", _BUILD, str(corpus), *map(str, stores)], capture_output=True,
                          text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def canonical(store_dir: Path) -> list[str]:
    """Every quad of the served generation, default graph included, blank nodes canonicalised
    (RDFC-1.0, the ontology has some): equal lists mean equal datasets."""
    store = ox.Store.read_only(str(StoreLocation(store_dir).current()))
    dataset = ox.Dataset(store)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return sorted(str(q) for q in dataset)


def _assert_same(a: Path, b: Path, step: str) -> None:
    left, right = canonical(a), canonical(b)
    if left != right:
        only_a, only_b = sorted(set(left) - set(right)), sorted(set(right) - set(left))
        pytest.fail(f"after {step}: the incremental store differs from the full build: "
                    f"{len(only_a)} quads only in it (e.g. {only_a[:3]}), {len(only_b)} only in the full one "
                    f"(e.g. {only_b[:3]})")


@pytest.fixture()
def sources(tmp_path):
    corpus, ontology = tmp_path / "corpus", tmp_path / "ontology"
    shutil.copytree(seeds_dir(), corpus)
    shutil.copytree(ontology_dir(), ontology)
    extra = tmp_path / "generated"
    result = CliRunner().invoke(main, ["generate", "--count", "3", "--seed", "11", str(extra)])
    assert result.exit_code == 0, result.output
    return corpus, ontology, sorted(p for p in extra.iterdir() if p.suffix == ".txt")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer holds {old!r}: pick another edit"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_after_a_series_of_edits_the_incremental_store_equals_a_full_build(sources, tmp_path):
    corpus, ontology, generated = sources
    inc, full = tmp_path / "incremental", tmp_path / "full"
    first, _ = _build(corpus, ontology, inc, full)
    assert first["path"] == "full" and first["reason"] == "no generation was built here before"

    added = generated[0].name
    edited = next(corpus.glob("004_*.txt")).name
    deleted = next(corpus.glob("002_*.txt")).name
    steps = [
        ("adding a document", lambda: shutil.copy(generated[0], corpus / added)),
        ("editing a document", lambda: _replace(corpus / edited, "15 articles", "16 articles")),
        ("deleting a document", lambda: (corpus / deleted).unlink()),
        ("adding a vocabulary alias", lambda: _replace(
            ontology / "vocabularies" / "initiatives.ttl", '"AI Concept for 2024–2029"@en ,',
            '"AI Concept for 2024–2029"@en ,\n        "Russian Science Citation Index"@en ,')),
        ("changing an ontology label", lambda: _replace(
            ontology / "dkg.ttl", '"provision for defense"@en', '"provision put forward for defence"@en')),
        ("changing the pairing manifest", lambda: _replace(
            corpus / "manifest.toml", 'id = "kazakh-german-cultural-cooperation"', 'id = "kazakh-german-cooperation"')),
    ]
    seen = {}
    for step, edit in steps:
        edit()
        got, reference = _build(corpus, ontology, inc, full)
        assert got["path"] == "incremental", f"{step}: {got['reason']}"
        assert reference["path"] == "full" and reference["reason"] == "--full was asked for"
        assert got["triples"] == reference["triples"], step
        _assert_same(inc, full, step)
        seen[step] = got["changes"]

    assert seen["adding a document"]["added"] == [added]
    assert seen["adding a document"]["changed"] == [] and seen["adding a document"]["removed"] == []
    assert seen["editing a document"]["changed"] == [edited]
    assert seen["deleting a document"]["removed"] == [deleted]
    alias = seen["adding a vocabulary alias"]
    # Every document was mapped again with the new vocabulary; only the one naming it reloaded.
    assert alias["ontology_or_vocabularies"] and alias["changed"] == [edited] and alias["unchanged"] == 4
    label = seen["changing an ontology label"]
    assert label["ontology_or_vocabularies"] and label["changed"] == [] and label["added"] == []
    manifest = seen["changing the pairing manifest"]
    assert manifest["changed"] == [next(corpus.glob("003_*.txt")).name]
    assert not manifest["ontology_or_vocabularies"]
    # Nothing stayed behind in the default graph: the old label and work IRI are gone from it.
    store = ox.Store.read_only(str(StoreLocation(inc).current()))
    default = ox.DefaultGraph()
    assert not list(store.quads_for_pattern(None, None, ox.Literal("provision for defense", language="en"), default))
    assert not list(store.quads_for_pattern(
        ox.NamedNode("https://w3id.org/dissertation-kg/id/work/kazakh-german-cultural-cooperation"), None, None, default))
