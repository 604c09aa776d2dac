"""The tenth held-out corpus (tests/fixtures/published-10/, issue #10): its answer keys say what
the documents say, in the first corpus's format, and the documents are the mix the issue asks
for. The files are read with the project's own libraries (pypdfium2, python-docx), never with
the mappers: the corpus measures them, so nothing here may depend on what they do, but for the
last test: the mappers' floors, set after the first, unseen measurement and the fixes made
against it.
"""
from __future__ import annotations

import re

import pytest

from published_keys import (ROOT, check_floors, check_key_format, check_key_says_what_the_document_says,
                            check_the_mix, documents)
from published_keys import word_part

CORPUS = ROOT / "tests" / "fixtures" / "published-10"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", "published-2", "published-3", "published-4", "published-5", "published-6",
                        "published-7", "published-8", "published-9")]
DOCUMENTS = documents(CORPUS)
WORD = [p for p in DOCUMENTS if p.suffix == ".docx"]


def test_the_corpus_is_the_mix_the_issue_asks_for():
    check_the_mix(CORPUS, DOCUMENTS, EARLIER, at_least=18, phd=9, new_fields=15)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_some_word_sections_are_merged_table_rows_and_some_headings_are_numbered_sub_levels():
    """Traps this corpus adds to Word files: an abstract whose sections are rows of one table, the
    section titles cells merged across it (w:gridSpan) and the items' numbers typed in cells of
    their own; headings numbered «1.1», «1.2» as level 2 of a multilevel list (Heading 3 with
    w:ilvl 1)."""
    assert any('<w:gridSpan w:val="2"/>' in word_part(p) and re.search(r"<w:t>1\)</w:t>", word_part(p)) for p in WORD)
    assert any(re.search(r'<w:pStyle w:val="Heading3"/><w:numPr><w:ilvl w:val="1"/>', word_part(p)) for p in WORD)


def test_some_word_notes_are_endnotes_and_some_headings_are_bilingual():
    """Others: endnotes (word/endnotes.xml, w:endnoteReference in the relevance section and in an
    objective), and headings that give the Russian template's wording before the English one."""
    assert any("<w:endnoteReference" in word_part(p) and "<w:endnote " in word_part(p, "word/endnotes.xml")
               for p in WORD)
    assert any(re.search(r"Задачи исследования / Objectives", word_part(p)) for p in WORD)


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 18, 0.99, 0.99, 0.93, 0.91, 0.92


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, main at dc72a6b (FIRST_MEASUREMENT.txt): 16/18 loaded, fields 0.839, first words
    # 0.805, entities P 0.826, R 0.655, F1 0.731. After the fixes of the fifteenth session, made
    # against it (FINAL_MEASUREMENT.txt): 18/18, 1.000, 1.000, 0.912 / 0.900 / 0.906.
    # The keys brought to tests/fixtures/KEYS.md (17 entities added, blind to the mappers' output;
    # KEYS_MEASUREMENT.txt), the same mappers: entities 0.945 / 0.928 / 0.937 (were 0.939 / 0.969 / 0.953).
    check_floors(CORPUS, 18, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
