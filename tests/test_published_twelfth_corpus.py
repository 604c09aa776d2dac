"""The twelfth held-out corpus (tests/fixtures/published-12/, issue #10): its answer keys say what
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

CORPUS = ROOT / "tests" / "fixtures" / "published-12"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", "published-2", "published-3", "published-4", "published-5", "published-6",
                        "published-7", "published-8", "published-9", "published-10",
                        "published-11")]
DOCUMENTS = documents(CORPUS)
WORD = [p for p in DOCUMENTS if p.suffix == ".docx"]
TEXT = [p for p in DOCUMENTS if p.suffix in (".txt", ".md")]


def test_the_corpus_is_the_mix_the_issue_asks_for():
    check_the_mix(CORPUS, DOCUMENTS, EARLIER, at_least=18, phd=9, new_fields=15)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_some_word_files_carry_underlined_headings_line_breaks_and_a_restarted_list():
    """Traps this corpus adds to Word files: headings underlined, not bold (w:u on the runs of a
    Heading 2 whose bold is switched off); a heading and its text in one paragraph, joined by a
    manual line break (w:br); a task list that starts again at 1 inside its section (a second
    w:num over the same w:abstractNum with w:startOverride)."""
    parts = [word_part(p) for p in WORD]
    assert any('<w:u w:val="single"/>' in x and '<w:b w:val="0"/>' in x for x in parts)
    assert any(re.search(r"<w:b/></w:rPr><w:t>[^<]+</w:t></w:r>(?:(?!</w:p>).)*?<w:br/>", x) for x in parts)
    assert any(_restarted(p) for p in WORD)


def _restarted(path) -> bool:
    """Two w:num of one w:abstractNum, both used, the second starting again at 1, with only
    plain paragraphs between the two lists' items."""
    numbering, body = word_part(path, "word/numbering.xml"), word_part(path)
    nums = dict(re.findall(r'<w:num w:numId="(\d+)"[^>]*><w:abstractNumId w:val="(\d+)"/>', numbering))
    used = re.findall(r'<w:numId w:val="(\d+)"/>', body)
    order = list(dict.fromkeys(used))
    return any(nums.get(a) == nums.get(b) and "w:startOverride" in numbering
               for a, b in zip(order, order[1:]))


def test_some_text_files_carry_entities_look_alikes_and_quotes():
    """Others: HTML character references left in a saved page (&laquo; &nbsp; &mdash;), Latin
    acronyms typed with Cyrillic look-alikes (GОLD, РСR), Kazakh typed with a Russian keyboard's
    substitutes (ə, Latin i, h), every line of a forwarded abstract quoted with «> », vertical tabs
    for Word's manual line breaks, and a structured abstract as an HTML table in Markdown."""
    raw = {p.name: p.read_text(encoding="utf-8") for p in TEXT}
    assert any("&laquo;" in t and "&nbsp;" in t and "&mdash;" in t for t in raw.values())
    assert any(re.search(r"\b[A-Z]*[\u0410-\u042f][A-Z]+\b|\b[A-Z]+[\u0410-\u042f]+[A-Z]*\b", t) for t in raw.values())
    assert any("ə" in t and re.search(r"[\u0400-\u04ff]i[\u0400-\u04ff]", t) for t in raw.values())
    assert any(sum(line.startswith("> ") for line in t.splitlines()) > 10 for t in raw.values())
    assert any("\u000b" in t for t in raw.values())
    assert any("<table" in t and "<td>" in t for t in raw.values())


def test_a_pdf_is_a_landscape_spread():
    """A PDF whose pages are wider than tall, its text in two columns: a spread of two pages."""
    import pypdfium2
    wide = []
    for path in (p for p in DOCUMENTS if p.suffix == ".pdf"):
        pdf = pypdfium2.PdfDocument(path)
        try:
            width, height = pdf[0].get_size()
        finally:
            pdf.close()
        wide.append(width > height)
    assert any(wide)


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 18, 0.99, 0.99, 0.89, 0.73, 0.80


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers as on 55bb545 (FIRST_MEASUREMENT.txt): 18/18 loaded, fields 0.944, first
    # words 0.962, entities P 0.832, R 0.771, F1 0.801; still unseen after the fixes against the
    # tenth and eleventh corpora (SECOND_MEASUREMENT.txt): the same but F1 0.802. After the
    # sixteenth session's structure fixes made against it (FINAL_MEASUREMENT.txt): 18/18, 1.000,
    # 1.000, entities 0.835 / 0.781 / 0.807.
    # The keys brought to tests/fixtures/KEYS.md (113 entities added, 15 eponyms removed, blind to the mappers' output;
    # KEYS_MEASUREMENT.txt), the same mappers: entities 0.908 / 0.743 / 0.817 (were 0.844 / 0.785 / 0.813).
    check_floors(CORPUS, 18, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
