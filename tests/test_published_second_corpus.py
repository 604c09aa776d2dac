"""The second held-out corpus (tests/fixtures/published-2/, issue #10): its answer keys say
what the documents say, in the first corpus's format, and the documents are the mix the issue
asks for. The files are read with the project's own libraries (pypdfium2, python-docx), never
with the mappers: the corpus measures them, so nothing here may depend on what they do.
"""
from __future__ import annotations

import json
from collections import Counter

import pytest

from published_keys import (FIRST, ROOT, check_key_format, check_key_says_what_the_document_says,
                            check_word_lists_keep_their_numbers, documents, key_of)

CORPUS = ROOT / "tests" / "fixtures" / "published-2"
DOCUMENTS = documents(CORPUS)


def test_the_corpus_is_the_mix_the_issue_asks_for():
    keys = {p.name: key_of(CORPUS, p) for p in DOCUMENTS}
    assert len(DOCUMENTS) >= 14
    expected = sorted(p.name[: -len(".json")] for p in (CORPUS / "expected").glob("*.json"))
    assert expected == [p.name for p in DOCUMENTS], "every document has one key and every key a document"
    formats = Counter(p.suffix for p in DOCUMENTS)
    assert formats[".pdf"] >= 4 and formats[".docx"] >= 4 and formats[".txt"] >= 4 and formats[".md"] >= 1
    assert {k["lang"] for k in keys.values()} == {"kk", "ru", "en"}
    kinds = Counter(k["kind"] for k in keys.values())
    degrees = Counter(k["degree"] for k in keys.values())
    assert kinds["article"] >= 2 and kinds["masters-thesis"] >= 1
    assert degrees["candidate"] >= 1 and degrees["doctor"] >= 1 and degrees["phd"] >= 7
    assert sum("provisions" in k["gaps"] for k in keys.values()) >= 2
    first_fields = {json.loads(p.read_text(encoding="utf-8"))["field"] for p in FIRST.glob("*.json")}
    assert len({k["field"] for k in keys.values()} - first_fields) >= 5


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


@pytest.mark.parametrize("path", [p for p in DOCUMENTS if p.suffix == ".docx"], ids=lambda p: p.name)
def test_word_lists_keep_their_numbers_in_numbering_xml(path):
    check_word_lists_keep_their_numbers(CORPUS, path)
