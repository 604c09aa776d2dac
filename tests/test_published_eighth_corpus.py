"""The eighth held-out corpus (tests/fixtures/published-8/, issue #10): its answer keys say what
the documents say, in the first corpus's format, and the documents are the mix the issue asks
for. The files are read with the project's own libraries (pypdfium2, python-docx), never with
the mappers: the corpus measures them, so nothing here may depend on what they do. (The mappers'
floors on it are to be added after the first, unseen measurement.)
"""
from __future__ import annotations

import re

import pytest

from published_keys import (ROOT, check_floors, check_key_format, check_key_says_what_the_document_says,
                            check_the_mix, documents)
from published_keys import word_part

CORPUS = ROOT / "tests" / "fixtures" / "published-8"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", "published-2", "published-3", "published-4", "published-5", "published-6",
                        "published-7")]
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


def test_some_word_headings_sit_in_content_controls_or_show_capitals_the_xml_does_not_have():
    """Traps this corpus adds to Word files: headings inside block-level content controls (w:sdt),
    and headings typed in lower case that Word shows in capitals (w:caps) after a drop cap."""
    assert any(re.search(r"<w:sdt>.*?<w:alias w:val=\"[^\"]+\"/>.*?<w:sdtContent><w:p>", word_part(p), flags=re.S)
               for p in WORD)
    assert any("<w:caps/>" in word_part(p) and 'w:dropCap="drop"' in word_part(p) for p in WORD)


def test_some_word_file_numbers_by_fields_carries_comments_and_nests_items_under_headings():
    """Others: list labels as SEQ field results, a reviewer's comments in comments.xml, and items
    at the second level (ilvl 1) of the headings' own multilevel list."""
    assert any("SEQ " in word_part(p) and 'w:fldCharType="separate"' in word_part(p) for p in WORD)
    assert any("<w:commentRangeStart" in word_part(p) and word_part(p, "word/comments.xml") for p in WORD)
    assert any('w:val="%1.%2."' in word_part(p, "word/numbering.xml") and '<w:ilvl w:val="1"/>' in word_part(p)
               for p in WORD)


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 18, 0.995, 0.99, 0.89, 0.81, 0.85


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers at 97d159e (FIRST_MEASUREMENT.txt): 16/18 loaded, fields 0.839, first words
    # 0.684, entities P 0.808, R 0.635, F1 0.711. After the fixes of the thirteenth session, made
    # against it (FINAL_MEASUREMENT.txt): 1.000, 1.000, 0.847 / 0.806 / 0.826.
    # The keys brought to tests/fixtures/KEYS.md (29 entities added, blind to the mappers' output;
    # KEYS_MEASUREMENT.txt), the same mappers: entities 0.902 / 0.823 / 0.861 (were 0.858 / 0.846 / 0.852).
    check_floors(CORPUS, 18, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
