"""The fourteenth held-out corpus (tests/fixtures/published-14/, issue #10): nine full-length
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

CORPUS = ROOT / "tests" / "fixtures" / "published-14"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", "published-2", "published-3", "published-4", "published-5", "published-6",
                        "published-7", "published-8", "published-9", "published-10",
                        "published-11", "published-12")]
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


def test_a_word_file_hides_its_figures_in_smart_tags():
    """Word 2003 smart tags (w:smartTag, «metricconverter» with a ProductID) round figures in the
    text («18,6 млн», «31 %», «162 бет»), so the figure is not among the paragraph's own runs:
    python-docx's paragraph text leaves it out while Word and LibreOffice show it."""
    import docx
    for path in WORD:
        tags = re.findall(r'<w:smartTag [^>]*w:element="metricconverter"><w:smartTagPr>'
                          r'<w:attr w:name="ProductID" w:val="([^"]+)"/>', word_part(path))
        if len(tags) >= 10:
            seen = "\n".join(p.text for p in docx.Document(path).paragraphs)
            assert not any(tag in seen for tag in tags if len(tag) > 3)
            return
    raise AssertionError("no Word file with smart tags round its figures")


def test_a_word_file_has_localised_style_ids():
    """Style IDs as a Russian-language Word writes them: headings are w:pStyle «2» and list
    items «a3», while the style names stay «heading 2» and «List Paragraph»."""
    import docx
    found = False
    for path in WORD:
        body, styles = word_part(path), word_part(path, "word/styles.xml")
        if '<w:pStyle w:val="2"/>' in body and 'w:styleId="2"' in styles and 'w:val="Heading2"' not in body:
            names = {p.style.name for p in docx.Document(path).paragraphs}
            found = "Heading 2" in names
    assert found


def test_a_word_file_numbers_its_provisions_with_a_word():
    """The provisions' label («Положение 1.») comes from numbering.xml: a w:lvlText with a word in
    it, while the paragraphs' text starts with the provision itself."""
    assert any(re.search(r'<w:lvlText w:val="\w{4,} %1\."/>', word_part(p, "word/numbering.xml")) for p in WORD)


def test_the_pdfs_carry_a_title_block_and_a_task_table():
    """A master's thesis with a ГОСТ title block (Изм., Лист, № докум., Подпись, Дата and the
    document code) in the footer of every page; a Kazakh abstract whose tasks are rows of a table
    («№ | Бөлім | Міндет»), the chapter number between the task number and its text."""
    texts = {p.name: pdf_text(p) for p in PDF}
    stamped = [t for t in texts.values() if "докум" in t and "ПЗ" in t]
    assert stamped and any(t.count("ПЗ") >= 3 for t in stamped)
    assert any(re.search(r"№\s+Бөлім\s+Міндет", t) for t in texts.values())


def test_the_text_files_are_json_ris_mediawiki_and_a_repository_readme():
    """A council site's API answer saved as text (JSON, the tasks an array of strings); a
    repository's RIS export (TY/AU/KW/AB/ER, one AB line a paragraph); MediaWiki markup in a .md
    file (== headings ==, '''bold''', [[links|shown text]], # items); a replication package's
    README with badges and the authors and keywords only in a BibTeX block."""
    raw = {p.name: p.read_text(encoding="utf-8") for p in TEXT}
    parsed = []
    for text in raw.values():
        try:
            parsed.append(json.loads(text))
        except ValueError:
            continue
    assert any(any("items" in s for s in d["data"]["sections"]) for d in parsed)
    assert any(t.startswith("TY  - THES") and t.rstrip().endswith("ER  -")
               and len(re.findall(r"(?m)^AB  - ", t)) >= 10 for t in raw.values())
    assert any(re.search(r"(?m)^== .+ ==$", t) and "'''" in t and re.search(r"\[\[\w+\|", t)
               and re.search(r"(?m)^# \w", t) and not re.search(r"(?m)^## ", t) for t in raw.values())
    assert any("[![" in t and "```bibtex" in t and "@article{" in t for t in raw.values())


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 9, 0.98, 0.99, 0.88, 0.83, 0.85


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers as on 5a14d2c (FIRST_MEASUREMENT.txt): 7/9 loaded, fields 0.700, first
    # words 0.737, entities P 0.703, R 0.651, F1 0.676. After structure fixes made against it and
    # entity fixes made against the thirteenth corpus only (SECOND_MEASUREMENT.txt): 9/9, 0.989,
    # 1.000, 0.741 / 0.834 / 0.785. After entity fixes made against it (FINAL_MEASUREMENT.txt):
    # 9/9, 0.989, 1.000, 0.775 / 0.895 / 0.830.
    # The keys brought to tests/fixtures/KEYS.md (127 entities added, 5 eponyms removed, blind to the mappers' output;
    # KEYS_MEASUREMENT.txt), the same mappers: entities 0.895 / 0.841 / 0.867 (were 0.775 / 0.897 / 0.831).
    check_floors(CORPUS, 9, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
