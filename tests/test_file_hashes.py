"""Source files' hashes remembered by their stat (server/build/file_hashes.py): a rebuild of a
large corpus reads only the files whose stat changed, and never trusts a stat that could hide an
edit."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from dissertation_kg.server.build.file_hashes import FileHashes
from dissertation_kg.server.build.record import fingerprint


def _no_reading(monkeypatch) -> None:
    def refuse(self):
        raise AssertionError(f"{self} was read although its stat is known")
    monkeypatch.setattr(Path, "read_bytes", refuse)


def test_a_known_stat_gives_the_hash_without_reading_the_file(tmp_path, monkeypatch):
    doc = tmp_path / "a.txt"
    doc.write_bytes(b"Relevance of the research topic.")
    # utime sets the modification time but moves the change time to now, which the racy rule
    # also reads: with the window at 0 the entry is remembered at once.
    monkeypatch.setattr("dissertation_kg.server.build.file_hashes.RACY_NS", 0)
    (tmp_path / "cache").mkdir()
    first = FileHashes(tmp_path)
    assert first.sha256(doc) == hashlib.sha256(doc.read_bytes()).digest()
    first.save()
    _no_reading(monkeypatch)
    assert FileHashes(tmp_path).sha256(doc) == hashlib.sha256(b"Relevance of the research topic.").digest()


def test_an_edit_that_keeps_size_and_modification_time_is_still_seen(tmp_path, monkeypatch):
    doc = tmp_path / "a.txt"
    doc.write_bytes(b"The aim of the work is A.")
    (tmp_path / "cache").mkdir()
    monkeypatch.setattr("dissertation_kg.server.build.file_hashes.RACY_NS", 0)
    hashes = FileHashes(tmp_path)
    hashes.sha256(doc)
    hashes.save()
    st = doc.stat()
    doc.write_bytes(b"The aim of the work is B.")            # same size
    os.utime(doc, ns=(st.st_atime_ns, st.st_mtime_ns))      # same modification time; ctime moves
    assert FileHashes(tmp_path).sha256(doc) == hashlib.sha256(b"The aim of the work is B.").digest()


def test_a_file_changed_within_the_racy_window_is_not_remembered(tmp_path, monkeypatch):
    doc = tmp_path / "a.txt"
    doc.write_bytes(b"Scientific novelty.")                 # changed just now
    (tmp_path / "cache").mkdir()
    hashes = FileHashes(tmp_path)
    hashes.sha256(doc)
    hashes.save()
    _no_reading(monkeypatch)
    with pytest.raises(AssertionError, match="was read"):
        FileHashes(tmp_path).sha256(doc)


def test_the_fingerprint_is_the_same_with_remembered_hashes_and_follows_an_edit(tmp_path, monkeypatch):
    from dissertation_kg.mappings.resources import ontology_dir, seeds_dir
    import shutil

    seeds, store = tmp_path / "seeds", tmp_path / "store"
    shutil.copytree(seeds_dir(), seeds)
    (store / "cache").mkdir(parents=True)  # as a build leaves it
    monkeypatch.setattr("dissertation_kg.server.build.file_hashes.RACY_NS", 0)
    plain = fingerprint(seeds, ontology_dir())
    assert fingerprint(seeds, ontology_dir(), store) == plain        # hashes taken and kept
    assert (store / "cache" / ".file-hashes.json").is_file() and list(store.iterdir()) == [store / "cache"]
    assert fingerprint(seeds, ontology_dir(), store) == plain        # hashes from their stat
    doc = next(p for p in sorted(seeds.glob("*.txt")))
    doc.write_text(doc.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    edited = fingerprint(seeds, ontology_dir(), store)
    assert edited != plain and edited == fingerprint(seeds, ontology_dir())
