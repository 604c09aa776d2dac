"""The sixteenth held-out corpus (tests/fixtures/published-16/, issue #10): nine full-length
abstracts from the humanities, social sciences, law, economics and education. Its answer keys say
what the documents say, in the first corpus's format, and the documents are the mix the issue asks
for. The files are read with the project's own libraries (pypdfium2, python-docx), never with
the mappers: the corpus measures them, so nothing here may depend on what they do. (The mappers'
floors, set after the corpus was measured, are its last test.)
"""
from __future__ import annotations

import json
import re

from published_keys import (ROOT, check_floors, check_key_format, check_key_says_what_the_document_says, check_the_mix,
                            documents)
from published_keys import counted_text, pdf_text, word_part

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-16"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", "published-2", "published-3", "published-4", "published-5", "published-6",
                        "published-7", "published-8", "published-9", "published-10",
                        "published-11", "published-12", "published-13", "published-14")]
DOCUMENTS = documents(CORPUS)
WORD = [p for p in DOCUMENTS if p.suffix == ".docx"]
PDF = [p for p in DOCUMENTS if p.suffix == ".pdf"]
TEXT = [p for p in DOCUMENTS if p.suffix in (".txt", ".md")]


def test_the_corpus_is_the_mix_the_issue_asks_for():
    check_the_mix(CORPUS, DOCUMENTS, EARLIER, at_least=9, phd=5, new_fields=8, formats=(2, 3, 2, 2), articles=1,
                  candidate=0, doctor=1, incomplete=("front", "provisions"))


def test_the_documents_are_full_length():
    """Real abstracts, not sketches: every dissertation's text runs to well over a thousand words
    (Kazakh words are long: its abstracts have fewer of them for the same content)."""
    for path in DOCUMENTS:
        key = json.loads((CORPUS / "expected" / f"{path.name}.json").read_text(encoding="utf-8"))
        text = counted_text(path)
        floor = {"article": 300, "masters-thesis": 900}.get(key["kind"], 1100)
        assert len(text.split()) >= floor, (path.name, len(text.split()))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_a_word_file_has_headings_only_by_their_outline_level():
    """Every heading of one Word file is a Normal paragraph with nothing but w:outlineLvl: no
    paragraph style, no bold, so neither a style name nor the run properties say it is one."""
    import docx
    for path in WORD:
        body = word_part(path)
        levelled = re.findall(r"<w:p><w:pPr>(?:(?!</w:pPr>).)*<w:outlineLvl w:val=\"0\"/>(?:(?!</w:p>).)*</w:p>",
                              body, flags=re.S)
        if len(levelled) >= 8:
            assert not any("<w:pStyle" in p or "<w:b/>" in p for p in levelled)
            names = {p.style.name for p in docx.Document(path).paragraphs}
            assert not any(name.startswith("Heading") for name in names)
            return
    raise AssertionError("no Word file with headings by outline level alone")


def test_a_word_file_numbers_its_items_with_simple_seq_fields():
    """Tasks and novelty numbered by simple fields (w:fldSimple w:instr="SEQ Задача"), whose cached
    result is the number; no numbering.xml list carries them."""
    assert any(len(re.findall(r'<w:fldSimple w:instr=" SEQ Задача', word_part(p))) >= 5
               and re.search(r'<w:fldSimple w:instr=" SEQ Новизна', word_part(p)) for p in WORD)


def test_a_word_file_has_its_headings_in_a_two_column_table():
    """Headings as table rows: the section number in the left cell, the heading in bold italics in
    the right one."""
    import docx
    for path in WORD:
        rows = [r for t in docx.Document(path).tables for r in t.rows if len(r.cells) == 2]
        heads = [r for r in rows if re.fullmatch(r"\d+", r.cells[0].text.strip())
                 and all(run.bold and run.italic for run in r.cells[1].paragraphs[0].runs)]
        if len(heads) >= 8:
            return
    raise AssertionError("no Word file with headings in two-column table rows")


def test_an_english_abstract_has_questions_for_headings():
    texts = [" ".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", word_part(p))) for p in WORD]
    assert any(t.count("?") >= 8 and "What is new?" in t and "Why does it matter?" in t for t in texts)


def test_the_pdfs_have_a_contents_page_and_word_labelled_provisions():
    """A Kazakh PDF opens with a contents page (dot leaders, page numbers) and gives its provisions
    as paragraphs «Бірінші қағида.», «Екінші қағида.»; a Russian PDF has neither novelty nor
    provisions."""
    texts = {p.name: pdf_text(p) for p in PDF}
    assert any("МАЗМҰНЫ" in t and re.search(r"\.{5,}\s*\d", t) and "Бірінші қағида." in t for t in texts.values())


def test_the_text_files():
    """An OCR'd typewritten autoreferat (zero for О, З for 3, stray «|», «иссле- дования», page
    numbers «- 5 -», provisions «Первое положение.»); a university page saved by a browser as text,
    in the Kazakh Latin alphabet of 2021, with its menu, breadcrumbs and footer; a Notion export
    (emoji headings, <details><summary> toggles, «> 💡» callouts); a Quarto page saved as .md
    (front matter, ^1^ superscripts, «·» between keywords, a ::: callout)."""
    raw = {p.name: p.read_text(encoding="utf-8") for p in TEXT}
    assert any(re.search(r"(?m)^- \d+ -$", t) and "Уголовн0го" in t and "4З8" in t and re.search(r"(?m)^\| ", t)
               and "иссле- дования" in t and "Первое положение." in t and "Второе положение." in t
               for t in raw.values())
    assert any("Zertteudıñ özektılıgı" in t and "Basty bet /" in t and "©" in t and "Barlyq" in t
               for t in raw.values())
    assert any(t.count("<details>") >= 2 and "<summary>" in t and "> 💡" in t and re.search(r"(?m)^## \W", t)
               for t in raw.values())
    assert any(t.startswith("---\n") and "^1^" in t and " · " in t and "::: {.callout-note}" in t
               for t in raw.values())


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 9, 0.99, 0.99, 0.92, 0.87, 0.89


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers as on 18f33ad (FIRST_MEASUREMENT.txt): 9/9 loaded, fields 0.933, first
    # words 0.887, entities P 0.561, R 0.772, F1 0.650. After structure fixes made against it and
    # entity fixes made against the fifteenth corpus only (SECOND_MEASUREMENT.txt): 9/9, 1.000,
    # 1.000, 0.569 / 0.842 / 0.679 (the entity rules changed no prediction here). After entity
    # fixes made against it (FINAL_MEASUREMENT.txt): 9/9, 1.000, 1.000, 0.606 / 0.884 / 0.719.
    # The keys brought to tests/fixtures/KEYS.md (199 entities added, 3 eponyms removed, blind to the mappers' output;
    # KEYS_MEASUREMENT.txt), the same mappers: entities 0.934 / 0.880 / 0.906 (were 0.606 / 0.884 / 0.719).
    check_floors(CORPUS, 9, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
