"""The curation queue's hashes made from the changed documents only (server/build/
queue_candidates.py) equal those made from every document's candidates, as the build made them
before the snapshot."""
from __future__ import annotations

import pickle

from rdflib import URIRef

from dissertation_kg.mappings.linking import Candidate
from dissertation_kg.server.build.queue_candidates import QueueCandidates, group_hash, groups_of, sort_key


def _candidate(doc: str, name: str, start: int) -> tuple[str, Candidate]:
    c = Candidate(name, "en", f"… {name} …", "Organization", "capitalised", URIRef(f"urn:{doc}#aim"), "aim",
                  URIRef(f"urn:source/{doc}"), URIRef(f"urn:work/{doc}"), start, start + len(name))
    return f"urn:queue/{name}", c


def _everything(docs: dict[str, list]) -> dict[str, str]:
    """The hashes as the build made them: every candidate sorted, grouped, hashed."""
    pairs = sorted((p for found in docs.values() for p in found), key=sort_key)
    return {iri: group_hash(g) for iri, g in groups_of(pairs).items()}


def _cache(tmp_path, docs: dict[str, list], key_of) -> None:
    for doc, found in docs.items():
        (tmp_path / f"{key_of(doc)}.nq").write_bytes(b"")
        if found:
            (tmp_path / f"{key_of(doc)}.candidates.pickle").write_bytes(pickle.dumps(found))


def test_only_the_entries_of_changed_documents_are_hashed_again_and_the_hashes_agree(tmp_path):
    before = {"a": [_candidate("a", "UNESCO", 5), _candidate("a", "Bolashak", 40)],
              "b": [_candidate("b", "UNESCO", 9)],
              "c": [_candidate("c", "Erasmus", 3)],
              "d": []}
    _cache(tmp_path, before, lambda doc: f"{doc}1")
    previous = {"documents": {doc: {"key": f"{doc}1"} for doc in before}, "candidates": _everything(before)}
    # b edited (UNESCO gone, G-Global new), d removed, e added; a and c unchanged.
    after = {"a": before["a"], "b": [_candidate("b", "G-Global", 9)], "c": before["c"],
             "e": [_candidate("e", "Bolashak", 7)]}
    _cache(tmp_path, {"b": after["b"]}, lambda doc: f"{doc}2")
    queue = QueueCandidates(tmp_path, lambda found: found)
    for doc in ("a", "c"):
        queue.cached(doc, f"{doc}1", [iri for iri, _ in before[doc]])
    queue.cached("b", "b2", None)          # not in the snapshot: read from the cache
    queue.mapped("e", "e2", after["e"])    # mapped now
    hashes, groups = queue.hashes(previous, queue.old_iris)
    assert hashes == _everything(after)
    # Erasmus (only in c) was neither read nor hashed again.
    assert set(groups) == {"urn:queue/UNESCO", "urn:queue/Bolashak", "urn:queue/G-Global"}
    assert "c" not in queue._pairs


def test_hashes_the_previous_generation_cannot_vouch_for_are_all_made_again(tmp_path):
    docs = {"a": [_candidate("a", "UNESCO", 5)], "b": [_candidate("b", "Erasmus", 1)]}
    _cache(tmp_path, docs, lambda doc: f"{doc}1")
    queue = QueueCandidates(tmp_path, lambda found: found)
    for doc in docs:
        queue.cached(doc, f"{doc}1", None)
    previous = {"documents": {doc: {"key": f"{doc}1"} for doc in docs}, "candidates": {}}  # lost an entry
    hashes, groups = queue.hashes(previous, queue.old_iris)
    assert hashes == _everything(docs) and set(groups) == set(hashes)
    # A document the previous generation loaded under a key whose files are gone: all again.
    previous = {"documents": {"a": {"key": "a1"}, "gone": {"key": "z9"}}, "candidates": _everything(docs)}
    hashes, groups = queue.hashes(previous, queue.old_iris)
    assert hashes == _everything(docs) and set(groups) == set(hashes)
