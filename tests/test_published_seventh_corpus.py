"""The seventh held-out corpus (tests/fixtures/published-7/, issue #10): its answer keys say what
the documents say, in the first corpus's format, and the documents are the mix the issue asks
for. The files are read with the project's own libraries (pypdfium2, python-docx), never with
the mappers: the corpus measures them, so nothing here may depend on what they do — except the
last test, which bars the mappers' figures on it (FIRST_MEASUREMENT.txt, unseen;
FINAL_MEASUREMENT.txt after fixes made against it, no longer unseen).
"""
from __future__ import annotations

import re
import zipfile

import pytest

from published_keys import (ROOT, check_floors, check_key_format, check_key_says_what_the_document_says,
                            check_the_mix, documents)

CORPUS = ROOT / "tests" / "fixtures" / "published-7"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", "published-2", "published-3", "published-4", "published-5", "published-6")]
DOCUMENTS = documents(CORPUS)
WORD = [p for p in DOCUMENTS if p.suffix == ".docx"]


def _body(path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_the_corpus_is_the_mix_the_issue_asks_for():
    check_the_mix(CORPUS, DOCUMENTS, EARLIER, at_least=18, phd=9, new_fields=15)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_some_word_headings_are_headings_only_by_their_outline_level():
    """A trap this corpus adds to Word files: bold Normal paragraphs with w:outlineLvl, no heading style."""
    found = [p for p in WORD if re.search(r'<w:pPr>(?:(?!</w:pPr>).)*<w:outlineLvl w:val="1"/>', _body(p))
             and "Heading" not in _body(p)]
    assert found


def test_some_word_file_keeps_unaccepted_tracked_changes_and_hidden_text():
    """Others: a tracked deletion (w:delText, text a reader does not see) and a hidden paragraph."""
    assert any("<w:delText" in _body(p) and "<w:ins " in _body(p) for p in WORD)
    assert any("<w:vanish/>" in _body(p) for p in WORD)


def test_some_word_file_numbers_a_list_with_ordinal_words_and_links_its_names():
    """Others: a list numbered «First.», «Second.» by numbering.xml (ordinalText), and names as hyperlinks."""
    ordinal = 0
    for path in WORD:
        with zipfile.ZipFile(path) as z:
            if 'w:numFmt w:val="ordinalText"' in z.read("word/numbering.xml").decode("utf-8"):
                ordinal += 1
    assert ordinal >= 1
    assert any("<w:hyperlink " in _body(p) for p in WORD)


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 18, 0.995, 0.99, 0.93, 0.83, 0.88


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers frozen at d47db35 (FIRST_MEASUREMENT.txt): 18/18 loaded, fields 0.911,
    # first words 0.761, entities P 0.832, R 0.736, F1 0.781. After the fixes of the twelfth
    # session, made against it (FINAL_MEASUREMENT.txt): 1.000, 1.000, 0.865 / 0.833 / 0.849.
    # The keys brought to tests/fixtures/KEYS.md (35 entities added, blind to the mappers' output;
    # KEYS_MEASUREMENT.txt), the same mappers: entities 0.945 / 0.846 / 0.893 (were 0.891 / 0.862 / 0.876).
    check_floors(CORPUS, 18, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
