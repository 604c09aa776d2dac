"""Abstracts the mappers were not written against: six texts in three languages and other
fields, with what a reader takes from each (tests/fixtures/unseen/expected.json)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dissertation_kg.mappings import abstract

FOLDER = Path(__file__).parent / "fixtures" / "unseen"
EXPECTED = json.loads((FOLDER / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_unseen_abstract(name):
    doc = abstract.parse_file(FOLDER / name)
    got = {"kind": doc.kind, "lang": doc.lang, "tasks": len(doc.items.get("tasks", [])), "novelty": len(doc.items.get("novelty", [])),
           "provisions": len(doc.items.get("provisions", [])), "author": doc.meta.author,
           "specialty_code": doc.meta.specialty_code, "title": doc.meta.title,
           "institution": doc.meta.institution, "department": doc.meta.department}
    assert {k: got[k] for k in EXPECTED[name]} == EXPECTED[name]
    if doc.kind == "dissertation":
        assert doc.meta.publication_counts.get("Total"), "the approbation's publication count"
