"""The third held-out corpus (tests/fixtures/published-3/, issue #10): its answer keys say
what the documents say, in the first corpus's format, and the documents are the mix the issue
asks for. The files are read with the project's own libraries (pypdfium2, python-docx), never
with the mappers: the corpus measures them, so nothing here may depend on what they do — except
the last test, which bars the mappers' figures on it (FIRST_MEASUREMENT.txt, unseen;
STRUCTURE_MEASUREMENT.txt after the structure was fixed against it, no longer unseen).
"""
from __future__ import annotations

import json
import re
import zipfile
from collections import Counter

import pytest

from published_keys import (FIRST, ROOT, check_key_format, check_key_says_what_the_document_says,
                            check_word_lists_keep_their_numbers, documents, key_of)
from published_keys import figures as corpus_figures

CORPUS = ROOT / "tests" / "fixtures" / "published-3"
SECOND = ROOT / "tests" / "fixtures" / "published-2" / "expected"
DOCUMENTS = documents(CORPUS)


def test_the_corpus_is_the_mix_the_issue_asks_for():
    keys = {p.name: key_of(CORPUS, p) for p in DOCUMENTS}
    assert len(DOCUMENTS) >= 20
    expected = sorted(p.name[: -len(".json")] for p in (CORPUS / "expected").glob("*.json"))
    assert expected == [p.name for p in DOCUMENTS], "every document has one key and every key a document"
    formats = Counter(p.suffix for p in DOCUMENTS)
    assert formats[".pdf"] >= 5 and formats[".docx"] >= 5 and formats[".txt"] >= 5 and formats[".md"] >= 2
    langs = Counter(k["lang"] for k in keys.values())
    assert set(langs) == {"kk", "ru", "en"} and max(langs.values()) - min(langs.values()) <= 2
    kinds = Counter(k["kind"] for k in keys.values())
    degrees = Counter(k["degree"] for k in keys.values())
    assert kinds["article"] >= 3 and kinds["masters-thesis"] >= 1 and kinds["bachelors-thesis"] >= 1
    assert degrees["candidate"] >= 1 and degrees["doctor"] >= 1 and degrees["phd"] >= 10
    assert any(len(k["authors"]) >= 3 for k in keys.values() if k["kind"] == "article")
    # three incomplete works: one without provisions, one with only its front part, one with
    # sections missing in the middle
    incomplete = [k for k in keys.values() if k["kind"] == "dissertation" and k["gaps"]]
    assert len(incomplete) >= 3
    assert any(k["gaps"] == ["provisions"] for k in incomplete)
    assert any({"tasks", "novelty", "provisions"} <= set(k["gaps"]) for k in incomplete)
    assert any("provisions" not in k["gaps"] and "tasks" in k["gaps"] for k in incomplete)
    earlier = {json.loads(p.read_text(encoding="utf-8"))["field"]
               for folder in (FIRST, SECOND) for p in folder.glob("*.json")}
    assert len({k["field"] for k in keys.values()} - earlier) >= 6


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


@pytest.mark.parametrize("path", [p for p in DOCUMENTS if p.suffix == ".docx"], ids=lambda p: p.name)
def test_word_lists_keep_their_numbers_in_numbering_xml(path):
    check_word_lists_keep_their_numbers(CORPUS, path)


def test_word_lists_are_multi_level_and_of_several_formats():
    """The issue asks for automatic numbering with levels and formats the earlier corpora lack."""
    formats, nested = set(), 0
    for path in (p for p in DOCUMENTS if p.suffix == ".docx"):
        with zipfile.ZipFile(path) as z:
            body = z.read("word/document.xml").decode("utf-8")
            numbering = z.read("word/numbering.xml").decode("utf-8")
        used = set(re.findall(r'<w:numId w:val="(\d+)"', body))
        abstracts = {m.group(1): m.group(2) for m in re.finditer(
            r'<w:num w:numId="(\d+)"[^>]*>\s*<w:abstractNumId w:val="(\d+)"', numbering)}
        for num in used:
            block = re.search(rf'<w:abstractNum [^>]*w:abstractNumId="{abstracts[num]}".*?</w:abstractNum>',
                              numbering, flags=re.S).group(0)
            formats |= set(re.findall(r'<w:numFmt w:val="(\w+)"', block))
        nested += len(re.findall(r'<w:ilvl w:val="1"/>', body))
    assert {"decimal", "lowerLetter", "bullet"} <= formats
    assert nested >= 4, "second-level items (sub-points that are not items of their own)"


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen: 19/20 loaded, fields 0.820, first words 0.626 (FIRST_MEASUREMENT.txt). After the
    # structure fixes made against it (STRUCTURE_MEASUREMENT.txt): 20/20, 0.995, 1.000; the one
    # field left was the bachelor's project's degree, which the key left null (keyed "bachelor",
    # as its title page says, since the eleventh session).
    figures = corpus_figures(CORPUS)
    every = figures["by_format"]["all"]
    assert every["documents"] == 20 and every["loaded"] == 20, every
    assert every["fields_right"] == 1.0 and every["first_words_right"] == 1.0, every
    for lang, t in figures["by_language"].items():
        assert t["fields_right"] >= 0.98 and t["first_words_right"] == 1.0, (lang, t)
        # Entities with the recognisers merged (FINAL_MEASUREMENT.txt): P 0.82–0.88, F1 0.64 in
        # each language; unseen by the recognisers they were 0.803 / 0.557 overall. With every
        # recognised part kept and linked, the acronym and place rules and the physical
        # geography of the eighth session: P 0.82–0.92, F1 en 0.663, kk 0.792, ru 0.809. Ninth
        # session (people without initials, tools, standards, the broadened methods vocabulary,
        # the statement of publications): P 0.891–0.921, F1 en 0.845, kk 0.858, ru 0.866.
        # Its keys brought to tests/fixtures/KEYS.md (18 entities added, blind to the mappers;
        # KEYS_MEASUREMENT.txt), the same mappers: P 0.923-0.972, F1 en 0.895, kk 0.898, ru 0.880;
        # all 0.947 / 0.839 / 0.890 (were 0.932 / 0.861 / 0.895).
        assert t["entity_precision"] >= 0.91 and t["entity_f1"] >= 0.87, (lang, t)
    assert every["entity_f1"] >= 0.88 and every["entity_recall"] >= 0.82, every
