"""Incremental builds (issue #15): a generation made from the served one by changing only what
differs holds exactly what a full build of the same sources holds, quad for quad.

Builds after a vocabulary or ontology edit run in a child process, as the server's rebuilds do:
the linker reads the vocabularies once per process."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from dissertation_kg.mappings.resources import ontology_dir, seeds_dir
from dissertation_kg.server.build import incremental
from dissertation_kg.server.build.pipeline import build
from dissertation_kg.server.cli import main
from dissertation_kg.server.search.index import INDEX_NAME
from dissertation_kg.server.store.location import StoreLocation

_BUILD = """
import datetime as dt, json, shutil, sys
from dissertation_kg.server.build.pipeline import build
seeds, stores = sys.argv[1], sys.argv[2:]
when = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
out = []
for store in stores:
    full = store.endswith("full")
    if store.endswith("fresh"):  # a reference built from nothing: no earlier generation, no cache
        shutil.rmtree(store, ignore_errors=True)
    s = build(seeds, store, progress=False, generated_at=None if store.endswith("clock") else when, full=full)
    out.append({"path": s.path, "reason": s.full_reason, "changes": s.changes, "triples": s.triples,
                "documents": s.documents, "rejected": [r.source for r in s.rejected], "relinked": s.relinked})
print(json.dumps(out))
"""


def _build(corpus: Path, ontology: Path, *stores: Path) -> list[dict]:
    """Build `corpus` into each store in one child process (fixed mapping time, so two stores
    can be compared, except in a store whose name ends in "clock"); a store whose name ends in
    "full" is built with --full, one whose name ends in "fresh" from nothing (deleted first)."""
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


def index_rows(store_dir: Path) -> dict[str, list]:
    """The search index's tables, row ids left out (the incremental index numbers new rows after
    the old ones), plus what FTS5 finds for each indexed stem."""
    db = sqlite3.connect(StoreLocation(store_dir).current() / INDEX_NAME)
    try:
        out = {"docs": sorted(db.execute("SELECT work, node, kind, prop, lang, text FROM docs")),
               "labels": sorted(db.execute("SELECT * FROM labels")),
               "mentions": sorted(db.execute("SELECT * FROM mentions")),
               "vocab": sorted(db.execute("SELECT * FROM vocab"))}
        out["matches"] = sorted(db.execute(
            "SELECT v.lang, v.term, d.node, d.prop FROM vocab v JOIN fts ON fts MATCH v.lang || ' : \"' || "
            "replace(v.term, '\"', '\"\"') || '\"' JOIN docs d ON d.id = fts.rowid WHERE v.df <= 2"))
    finally:
        db.close()
    return out


def _assert_same(a: Path, b: Path, step: str) -> None:
    left, right = canonical(a), canonical(b)
    if left != right:
        only_a, only_b = sorted(set(left) - set(right)), sorted(set(right) - set(left))
        pytest.fail(f"after {step}: the incremental store differs from the full build: "
                    f"{len(only_a)} quads only in it (e.g. {only_a[:3]}), {len(only_b)} only in the full one "
                    f"(e.g. {only_b[:3]})")
    left, right = index_rows(a), index_rows(b)
    for table in left:
        assert left[table] == right[table], f"after {step}: the search index's {table} differ from a full build's"


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
        ("editing a document whose earlier mapping left the cache", lambda: (
            _forget_cached(inc, edited), _replace(corpus / edited, "16 articles", "17 articles"))),
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
        _assert_same(inc, full, step)
        assert got["triples"] == reference["triples"], step
        seen[step] = got["changes"]

    assert seen["adding a document"]["added"] == [added]
    assert seen["adding a document"]["changed"] == [] and seen["adding a document"]["removed"] == []
    assert seen["editing a document"]["changed"] == [edited]
    assert seen["deleting a document"]["removed"] == [deleted]
    # A changed document's graph is changed by the lines that differ, not dropped and reloaded
    # whole; when its previous N-Quads are no longer at hand, it is dropped and reloaded.
    for step in ("editing a document", "adding a vocabulary alias"):
        assert seen[step]["store"]["changed_by_lines"] == 1 and seen[step]["store"]["dropped_graphs"] == 0, step
        assert seen[step]["store"]["lines_removed"] < 20, step
    assert seen["editing a document"]["store"]["lines_removed"] > 0
    lost = seen["editing a document whose earlier mapping left the cache"]
    assert lost["changed"] == [edited] and lost["store"]["changed_by_lines"] == 0
    assert lost["store"]["dropped_graphs"] == 1
    alias = seen["adding a vocabulary alias"]
    # Every document was mapped again with the new vocabulary; only the one naming it reloaded.
    assert alias["ontology_or_vocabularies"] and alias["changed"] == [edited] and alias["unchanged"] == 4
    label = seen["changing an ontology label"]
    assert label["ontology_or_vocabularies"] and label["changed"] == [] and label["added"] == []
    # Of the ontology and vocabulary graphs only the difference is written: the old label out,
    # the new one in (statements with blank nodes are replaced, as two parses cannot match them).
    assert (label["store"]["static_ground_removed"], label["store"]["static_ground_added"]) == (1, 1)
    assert alias["store"]["static_ground_added"] == 1 and alias["store"]["static_ground_removed"] == 0
    # The blank-node statements were removed by the labels the store gave them, with no query
    # (the store equals a full build's above, so none was left behind).
    assert label["store"]["static_blank_by"] == alias["store"]["static_blank_by"] == "kept labels"
    assert label["store"]["static_removed"] > label["store"]["static_ground_removed"]
    # A generation made before the blank nodes' labels were kept (no marker) still gets them
    # replaced, found by a query.
    (StoreLocation(inc).current() / incremental.STATIC_LABELS_NAME).unlink()
    _replace(ontology / "dkg.ttl", '"research task"@en', '"task of the research"@en')
    got, _ = _build(corpus, ontology, inc, full)
    assert got["path"] == "incremental" and got["changes"]["store"]["static_blank_by"] == "query"
    _assert_same(inc, full, "an ontology label edit on a generation without kept labels")
    manifest = seen["changing the pairing manifest"]
    assert manifest["changed"] == [next(corpus.glob("003_*.txt")).name]
    assert not manifest["ontology_or_vocabularies"]
    # Nothing stayed behind in the default graph: the old label and work IRI are gone from it.
    store = ox.Store.read_only(str(StoreLocation(inc).current()))
    default = ox.DefaultGraph()
    assert not list(store.quads_for_pattern(None, None, ox.Literal("provision for defense", language="en"), default))
    assert not list(store.quads_for_pattern(
        ox.NamedNode("https://w3id.org/dissertation-kg/id/work/kazakh-german-cultural-cooperation"), None, None, default))


def _forget_cached(store_dir: Path, source: str) -> None:
    """Delete from the build cache the N-Quads the served generation loaded for `source`."""
    location = StoreLocation(store_dir)
    key = incremental.read_contents(location.current())["documents"][source]["key"]
    (location.cache_dir / f"{key}.nq").unlink()


def _remove_entry(path: Path, subject: str) -> None:
    """Delete one entry (its Turtle block, up to the line with the closing '.')."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"{subject}\n")
    end = next(i for i in range(start, len(lines)) if lines[i].strip() == ".")
    path.write_text("".join(lines[:start] + lines[end + 1:]), encoding="utf-8")


_NEW_ENTRY = """
theory:cultural-cooperation
    a owl:NamedIndividual , skos:Concept , dkg:Theory ;
    skos:inScheme <https://w3id.org/dissertation-kg/id/scheme/theories> ;
    skos:definition "Cooperation between states in culture and the humanities."@en ;
    skos:prefLabel "cultural cooperation"@en .
"""


def _single_document_candidate(store_dir: Path) -> tuple[str, str]:
    """A name of the curation queue found in one document only."""
    store = ox.Store.read_only(str(StoreLocation(store_dir).current()))
    rows = store.query("""SELECT ?label (COUNT(DISTINCT ?src) AS ?n) WHERE { GRAPH ?g {
        ?c a <https://w3id.org/dissertation-kg/ontology#Candidate> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label ;
           <http://www.w3.org/ns/prov#wasDerivedFrom> ?src } } GROUP BY ?label HAVING (COUNT(DISTINCT ?src) = 1)
        ORDER BY ?label""")
    label = next(r["label"] for r in rows if " " in r["label"].value)
    return label.value, label.language


def test_vocabulary_edits_link_again_only_the_documents_they_can_change(sources, tmp_path):
    """After each vocabulary edit the incremental store equals a build from nothing (no cache),
    quad for quad, while only the documents holding the edited labels' words are linked again."""
    corpus, ontology, _ = sources
    vocabularies = ontology / "vocabularies"
    inc, fresh = tmp_path / "incremental", tmp_path / "fresh"
    _build(corpus, ontology, inc)
    dismissed = _single_document_candidate(inc)
    alias = ('"AI Concept for 2024–2029"@en ,', '"AI Concept for 2024–2029"@en ,\n        "Russian Science Citation Index"@en ,')
    steps = [
        ("adding an alias", lambda: _replace(vocabularies / "initiatives.ttl", *alias)),
        ("removing an alias", lambda: _replace(vocabularies / "initiatives.ttl", alias[1], alias[0])),
        ("renaming a label", lambda: _replace(vocabularies / "theories.ttl", '"human security"@en', '"human safety"@en')),
        ("adding an entry", lambda: (vocabularies / "theories.ttl").write_text(
            (vocabularies / "theories.ttl").read_text(encoding="utf-8") + _NEW_ENTRY, encoding="utf-8")),
        ("removing an entry", lambda: _remove_entry(vocabularies / "theories.ttl", "theory:structuralism")),
        ("dismissing a name", lambda: (vocabularies / "dismissed.ttl").write_text(
            (vocabularies / "dismissed.ttl").read_text(encoding="utf-8")
            + f'\n[] a dkg:DismissedName ; rdfs:label {json.dumps(dismissed[0], ensure_ascii=False)}@{dismissed[1]} .\n',
            encoding="utf-8")),
    ]
    total = len(list(corpus.glob("*.txt")))
    for step, edit in steps:
        edit()
        got, reference = _build(corpus, ontology, inc, fresh)
        assert got["path"] == "incremental", f"{step}: {got['reason']}"
        assert reference["reason"] == "no generation was built here before"
        _assert_same(inc, fresh, step)
        relinked = got["relinked"]
        assert relinked and relinked["labels"] >= 1, f"{step}: {relinked}"
        # Each edit's words occur in some of the documents: the others keep their mapping.
        assert 1 <= relinked["documents"] < total, f"{step}: {relinked}"
        assert got["changes"]["ontology_or_vocabularies"], step


def _graph_bytes(store_dir: Path, source: str) -> list[str]:
    store = ox.Store.read_only(str(StoreLocation(store_dir).current()))
    graph = ox.NamedNode(f"https://w3id.org/dissertation-kg/graph/source/{source}")
    return sorted(str(q) for q in store.quads_for_pattern(None, None, None, graph))


def test_an_alias_edit_maps_every_document_but_reloads_only_those_it_changes(sources, tmp_path):
    """With the real clock every new mapping has a new end time; a document whose statements
    are otherwise unchanged keeps the previous generation's quads, in the store and the cache."""
    corpus, ontology, _ = sources
    store = tmp_path / "clock"
    _build(corpus, ontology, store)
    untouched = next(corpus.glob("000_*.txt")).name
    before = _graph_bytes(store, untouched)
    _replace(ontology / "vocabularies" / "initiatives.ttl", '"AI Concept for 2024–2029"@en ,',
             '"AI Concept for 2024–2029"@en ,\n        "Russian Science Citation Index"@en ,')
    (after,) = _build(corpus, ontology, store)
    assert after["path"] == "incremental", after["reason"]
    assert after["changes"]["changed"] == [next(corpus.glob("004_*.txt")).name]
    assert after["changes"]["unchanged"] == 4 and after["changes"]["ontology_or_vocabularies"]
    assert _graph_bytes(store, untouched) == before
    contents = json.loads((StoreLocation(store).current() / incremental.CONTENTS_NAME).read_text())
    entry = contents["documents"][untouched]
    cached = (store / "cache" / f"{entry['key']}.nq").read_bytes()
    assert incremental.digest(cached)[0] == entry["sha256"]  # the cache holds what the store holds


def test_the_full_path_runs_when_the_served_generation_cannot_be_continued(tmp_path):
    store = tmp_path / "store"
    first = build(seeds_dir(), store, progress=False)
    assert (first.path, first.full_reason) == ("full", "no generation was built here before")
    again = build(seeds_dir(), store, progress=False)
    assert again.path == "incremental" and again.changes["unchanged"] == 5
    assert again.triples == first.triples
    # A write through the update endpoint is not in any source: only a full build drops it.
    gen = StoreLocation(store).current()
    (store / "writes").mkdir(exist_ok=True)
    (store / "writes" / gen.name).write_text("2")
    written = build(seeds_dir(), store, progress=False)
    assert written.path == "full" and "2 write(s)" in written.full_reason
    (StoreLocation(store).current() / incremental.CONTENTS_NAME).unlink()
    unknown = build(seeds_dir(), store, progress=False)
    assert unknown.path == "full" and incremental.CONTENTS_NAME in unknown.full_reason
    forced = build(seeds_dir(), store, progress=False, full=True)
    assert (forced.path, forced.full_reason) == ("full", "--full was asked for")
    assert "path: full (--full was asked for)" in forced.report()


_KILLED = """
import os, signal, sys
from dissertation_kg.server.build import incremental
from dissertation_kg.server.build.pipeline import build
# Killed in the middle of the incremental path: graphs dropped and loaded, the default graph
# half corrected.
incremental._stated_in_a_named_graph = lambda store, triple: os.kill(os.getpid(), signal.SIGKILL)
build(sys.argv[1], sys.argv[2], progress=False)
"""


def test_a_killed_incremental_build_changes_nothing(tmp_path):
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    shutil.copytree(seeds_dir(), corpus)
    build(corpus, store, progress=False)
    served, expected = StoreLocation(store).current(), canonical(store)
    _replace(next(corpus.glob("004_*.txt")), "15 articles", "16 articles")
    proc = subprocess.run([sys.executable, "-c", _KILLED, str(corpus), str(store)], capture_output=True, timeout=600)
    assert proc.returncode == -9, proc.stderr[-2000:]
    location = StoreLocation(store)
    assert location.current() == served and canonical(store) == expected
    left = [p for p in (store / "generations").iterdir() if p != served]
    assert len(left) == 1 and location.state_of(left[0]) == "abandoned"
    after = build(corpus, store, progress=False)
    assert after.path == "incremental" and after.changes["changed"] == [next(corpus.glob("004_*.txt")).name]
    assert not left[0].exists()  # the half-made generation was pruned, never kept


def _pickle_of(store_dir: Path, source: str) -> Path:
    """The cached parse of `source`, found by what it unpickles to."""
    import pickle
    for path in (store_dir / "cache").glob("*.parsed.pickle"):
        if pickle.loads(path.read_bytes()).source == source:
            return path
    raise AssertionError(f"no cached parse of {source}")


def test_pairing_changes_and_a_lost_snapshot_keep_the_store_equal_to_a_full_build(tmp_path):
    """Documents not mapped again are paired from the generation's snapshot (summaries, not
    parses): a translation removed from a work and added back, an edit after the snapshot was
    damaged and after it was deleted, all give what a full build gives."""
    from dissertation_kg.server.build import snapshot
    from dissertation_kg.server.generator.corpus import generate_corpus

    corpus, inc, full = tmp_path / "corpus", tmp_path / "incremental", tmp_path / "full"
    generate_corpus(corpus, 6, 5, unlisted=1.0)  # two works detected (en+kk, en+kk+ru), one single kk
    when = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)

    def both(step: str) -> dict:
        got = build(corpus, inc, progress=False, generated_at=when)
        reference = build(corpus, full, progress=False, generated_at=when, full=True)
        assert got.path == "incremental", f"{step}: {got.full_reason}"
        _assert_same(inc, full, step)
        assert got.triples == reference.triples and got.pairing == reference.pairing, step
        return got.changes

    first = build(corpus, inc, progress=False, generated_at=when)
    build(corpus, full, progress=False, generated_at=when)
    assert any("0002_en.txt, 0002_kk.txt, 0002_ru.txt" in line for line in first.pairing), first.pairing
    # A document whose summary is in the snapshot is not unpickled: its damaged parse stays.
    untouched = _pickle_of(inc, "0003_kk.txt")
    untouched.write_bytes(b"not a pickle")

    translation = corpus / "0002_ru.txt"
    kept = translation.read_bytes()
    translation.unlink()
    removed = both("removing a translation from its work")
    assert removed["removed"] == ["0002_ru.txt"]
    assert {"0002_en.txt", "0002_kk.txt"} <= set(removed["changed"])  # their work's context changed
    assert untouched.read_bytes() == b"not a pickle"

    translation.write_bytes(kept)
    added = both("adding a translation of an existing work")
    assert added["added"] == ["0002_ru.txt"] and {"0002_en.txt", "0002_kk.txt"} <= set(added["changed"])

    served = StoreLocation(inc).current() / snapshot.SNAPSHOT_NAME
    served.write_bytes(served.read_bytes()[:100])  # cut short
    _replace(corpus / "0001_en.txt", "the ", "this ")
    edited = both("editing a document after the snapshot was damaged")
    assert "0001_en.txt" in edited["changed"] and edited["removed"] == []

    (StoreLocation(inc).current() / snapshot.SNAPSHOT_NAME).unlink()
    _replace(corpus / "0001_kk.txt", "және", "мен")
    edited = both("editing a document after the snapshot was deleted (an older generation)")
    assert "0001_kk.txt" in edited["changed"]
    assert (StoreLocation(inc).current() / snapshot.SNAPSHOT_NAME).is_file()
    assert untouched.read_bytes() != b"not a pickle"  # read without a snapshot: parsed again

    fresh = tmp_path / "fresh"
    build(corpus, fresh, progress=False, generated_at=when)
    _assert_same(inc, fresh, "the series, against a build from nothing")
