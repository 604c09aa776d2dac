"""The fifteenth held-out corpus (tests/fixtures/published-15/, issue #10): nine full-length
abstracts from the natural and technical sciences, engineering, medicine and architecture. Its
answer keys say what the documents say, in the first corpus's format, and the documents are the
mix the issue asks for. The files are read with the project's own libraries (pypdfium2,
python-docx), never with the mappers: the corpus measures them, so nothing here may depend on what
they do. (The mappers' floors, set after the corpus was measured, are its last test.)
"""
from __future__ import annotations

import json
import re

from published_keys import (ROOT, check_floors, check_key_format, check_key_says_what_the_document_says, check_the_mix,
                            documents)
from published_keys import counted_text, pdf_text, word_part

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-15"
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
                  candidate=1, doctor=0, incomplete=("front", "tasks"))


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


def test_a_text_file_is_a_latex_source():
    """A thesis typeset in LaTeX whose source was saved as .txt: \\section* headings, items in an
    enumerate environment, \\textbf, \\cite, ties (~), en dashes typed as -- and escaped per cent."""
    sources = [p.read_text(encoding="utf-8") for p in TEXT if "\\documentclass" in p.read_text(encoding="utf-8")]
    assert sources
    tex = sources[0]
    assert len(re.findall(r"\\section\*\{", tex)) >= 10 and tex.count("\\item ") >= 10
    assert "\\begin{enumerate}" in tex and "\\textbf{" in tex and "\\cite{" in tex
    assert re.search(r"\w~\\cite", tex) and re.search(r"\d--\d", tex) and "\\%" in tex


def test_a_text_file_is_a_windows_text_with_bom_and_tabs():
    """A Word file saved as plain text on Windows: a byte-order mark, CR LF line ends and every
    paragraph opening with a tab (the first-line indent typed as a tab), list items «1.<tab>»."""
    found = False
    for path in TEXT:
        raw = path.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw:
            lines = raw.decode("utf-8-sig").split("\r\n")
            assert sum(line.startswith("\t") for line in lines) >= 25
            assert any(re.match(r"\t\d\.\t", line) for line in lines)
            found = True
    assert found


def test_a_markdown_file_is_a_pandoc_export():
    """Pandoc's Markdown: YAML metadata, fenced divs (::: {.abstract}), headings with {#id}
    attributes, a grid table (+---+, +===+) with its caption, footnotes; a second Markdown file
    is a Quarto document with callout divs and cross-reference labels."""
    raw = [p.read_text(encoding="utf-8") for p in TEXT if p.suffix == ".md"]
    assert any("::: {.abstract}" in t and re.search(r"(?m)^\+=+\+", t) and re.search(r"(?m)^\+-+\+", t)
               and re.search(r"(?m)^#+ .+ \{#[^}]+\}$", t) and re.search(r"(?m)^\[\^1\]: ", t) for t in raw)
    assert any("::: {.callout-" in t and "{#tbl-" in t and "@tbl-" in t for t in raw)


def test_the_pdfs_have_line_numbers_a_watermark_and_hyphenation():
    """A manuscript with LibreOffice line numbers in the margin (lines opening with 5, 10, 15);
    an autoreferat with a diagonal «ПРОЕКТ» watermark in every page's header and its words broken
    at line ends by hyphenation (soft hyphens turned into line-end hyphens)."""
    texts = {p.name: pdf_text(p) for p in PDF}
    numbered = [t for t in texts.values() if all(re.search(rf"(?m)^{n}\b", t) for n in (5, 10, 15, 20))]
    assert numbered
    # pdfium marks a hyphen it finds at a line end with U+FFFE (and drops the line break)
    broken = [t for t in texts.values() if len(re.findall(r"[а-яё]\ufffe[а-яё]", t)) >= 30]
    assert broken
    assert any(t.count("\ufffe") == 0 for t in texts.values()), "the manuscript is not hyphenated"


def test_the_word_files_have_small_caps_headings_footnotes_and_deletions():
    """Headings typed in lower case and shown in small capitals (w:smallCaps); footnotes
    (footnotes.xml) referenced inside sentences; tracked deletions (w:del) left unaccepted, whose
    text python-docx does not give and no key may hold."""
    import docx
    bodies = {p.name: word_part(p) for p in WORD}
    assert any("<w:smallCaps/>" in b for b in bodies.values())
    small = [p for p in WORD if "<w:smallCaps/>" in bodies[p.name]]
    heads = [q.text for q in docx.Document(small[0]).paragraphs if q.style.name.startswith("Heading")]
    assert heads and all(h == h.lower() for h in heads)
    assert any("<w:footnoteReference" in b and "<w:footnote " in word_part(p, "word/footnotes.xml")
               for p, b in zip(WORD, bodies.values()))
    deleted = [p for p in WORD if "<w:delText" in bodies[p.name]]
    assert deleted
    for path in deleted:
        gone = re.findall(r"<w:delText[^>]*>([^<]+)</w:delText>", bodies[path.name])
        seen = "\n".join(q.text for q in docx.Document(path).paragraphs)
        key = json.loads((CORPUS / "expected" / f"{path.name}.json").read_text(encoding="utf-8"))
        for text in gone:
            assert text not in seen
            assert not any(e["text"] == text.strip() for e in key["entities"])


def test_sections_come_in_an_unusual_order():
    """Tasks before the aim, provisions before the novelty, in at least two documents."""
    import docx
    odd = 0
    for path in DOCUMENTS:
        if path.suffix == ".docx":
            text = "\n".join(q.text for q in docx.Document(path).paragraphs)
        elif path.suffix in (".txt", ".md"):
            text = path.read_text(encoding="utf-8")
        else:
            continue
        low = text.lower()
        pairs = [("задачи исследования", "цель исследования"), ("положения, выносимые", "научная новизна"),
                 ("міндеттері}", "мақсаты}"), ("негізгі қағидалар}", "ғылыми жаңалығы}")]
        if any(a in low and b in low and low.index(a) < low.index(b) for a, b in pairs):
            odd += 1
    assert odd >= 2


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 9, 0.98, 0.99, 0.88, 0.78, 0.83


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers as on 18f33ad (FIRST_MEASUREMENT.txt): 9/9 loaded, fields 0.867, first
    # words 0.764, entities P 0.704, R 0.752, F1 0.727. After structure fixes made against it and
    # entity fixes made against it (FINAL_MEASUREMENT.txt): 9/9, 0.989, 1.000, 0.734 / 0.866 / 0.795.
    # The keys brought to tests/fixtures/KEYS.md (173 entities added, blind to the mappers' output;
    # KEYS_MEASUREMENT.txt), the same mappers: 9/9, 0.989, 1.000, 0.910 / 0.776 / 0.838.
    # The nineteenth session's rules (generic methods, places by their kind, theories by their
    # scholar): 0.896 / 0.802 / 0.846; precision fell as generic methods its key does not list
    # («лабораторные испытания», «далалық өлшеулер») are found, which KEYS.md lists.
    check_floors(CORPUS, 9, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
