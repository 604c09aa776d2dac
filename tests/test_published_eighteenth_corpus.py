"""The eighteenth held-out corpus (tests/fixtures/published-18/, issue #10): nine full-length
abstracts from the humanities, social sciences, economics, education, arts and theology. Its
answer keys say what the documents say, in the first corpus's format, and the documents are the
mix the issue asks for. The files are read with pypdfium2, python-docx, zipfile and Python's own
codecs, never with the mappers: the corpus measures them, so nothing here may depend on what
they do. Two text files are not UTF-8 (a windows-1251 file, a UTF-16 LE file with a BOM):
published_keys.py reads text as UTF-8, so their key checks run on a UTF-8 copy made here.
(The mappers' floors are added after the corpus has been measured.)
"""
from __future__ import annotations

import json
import re

from published_keys import (ROOT, check_floors, check_key_format, check_key_says_what_the_document_says, check_the_mix,
                            check_word_lists_keep_their_numbers, documents)
from published_keys import counted_text, pdf_text

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-18"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", "published-2", "published-3", "published-4", "published-5", "published-6",
                        "published-7", "published-8", "published-9", "published-10", "published-11",
                        "published-12", "published-13", "published-14", "published-15", "published-16")]
DOCUMENTS = documents(CORPUS)
WORD = [p for p in DOCUMENTS if p.suffix == ".docx"]
PDF = [p for p in DOCUMENTS if p.suffix == ".pdf"]
TEXT = [p for p in DOCUMENTS if p.suffix in (".txt", ".md")]


def _codec(path) -> str:
    """The code page a text file was saved in, told by its bytes as an editor tells it."""
    data = path.read_bytes()
    if data.startswith(b"\xff\xfe"):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1251"


def _text(path) -> str:
    return path.read_text(encoding=_codec(path))


def test_the_corpus_is_the_mix_the_issue_asks_for():
    check_the_mix(CORPUS, DOCUMENTS, EARLIER, at_least=9, phd=5, new_fields=9, formats=(2, 3, 2, 2), articles=1,
                  candidate=1, doctor=0, incomplete=("provisions",))


def test_the_documents_are_full_length():
    """Real abstracts, not sketches (Kazakh words are long: its abstracts have fewer of them for
    the same content)."""
    for path in DOCUMENTS:
        key = json.loads((CORPUS / "expected" / f"{path.name}.json").read_text(encoding="utf-8"))
        text = counted_text(path, _text)
        floor = {"article": 300, "masters-thesis": 900}.get(key["kind"], 1350 if key["lang"] == "kk" else 1500)
        assert len(text.split()) >= floor, (path.name, len(text.split()))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    # (a file the shared reader cannot decode is checked in the text this test decodes)
    decoded = _text(path) if path.suffix in (".txt", ".md") and _codec(path) != "utf-8" else None
    check_key_says_what_the_document_says(CORPUS, path, decoded)


@pytest.mark.parametrize("path", WORD, ids=lambda p: p.name)
def test_the_word_lists_keep_their_numbers_in_numbering_xml(path):
    check_word_lists_keep_their_numbers(CORPUS, path)


def test_a_russian_text_file_is_saved_in_windows_1251():
    """An old Russian file as Windows editors saved it: not UTF-8, Cyrillic in windows-1251, CR LF."""
    found = [p for p in TEXT if _codec(p) == "cp1251"]
    assert found and all(p.name.startswith("ru-") for p in found)
    data = found[0].read_bytes()
    assert "Актуальность".encode("cp1251") in data and b"\r\n" in data


def test_a_text_file_is_utf16_with_a_byte_order_mark():
    """Notepad's "Unicode": UTF-16 little-endian, the BOM FF FE first, every ASCII character
    followed by a zero byte."""
    found = [p for p in TEXT if p.read_bytes().startswith(b"\xff\xfe")]
    assert found
    data = found[0].read_bytes()
    assert data[2:6] == "#".encode("utf-16-le") + " ".encode("utf-16-le") and b"\r\x00\n\x00" in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_a_text_file_is_what_antiword_prints_from_an_old_doc():
    """The .doc's text as antiword prints it: «[pic]» for a picture, a table drawn with «|»,
    the footnote mark «[1]» glued to the word and the note after a rule of dashes at the end,
    lines justified with runs of spaces and no list numbers."""
    texts = [_text(p) for p in TEXT]
    assert any(re.search(r"(?m)^\[pic\]\s*$", t) and re.search(r"(?m)^\|[^|\n]+\|[^|\n]+\|\s*$", t)
               and re.search(r"\w\.\[1\]", t) and re.search(r"(?m)^-{10,}\s*$", t)
               and re.search(r"(?m)^\[1\] ", t) and re.search(r"\w  +\w", t)
               for t in texts)


def test_a_text_file_is_org_mode_source():
    """An Emacs org-mode file saved as .txt: #+TITLE keywords, a property drawer, a TODO heading
    with a tag, description lists «- term :: text», check boxes and an [[file:…][…]] link."""
    assert any(t.lstrip("\ufeff").startswith("# -*- mode: org") and "#+TITLE:" in t and ":PROPERTIES:" in t
               and ":END:" in t and re.search(r"(?m)^\* TODO .*:\w+:\s*$", t) and re.search(r"(?m)^- .+ :: ", t)
               and "- [X]" in t and "[[file:" in t and re.search(r"(?m)^\*\* ", t)
               for t in (_text(p) for p in TEXT))


def test_a_markdown_file_is_a_jupyter_notebook_export():
    """nbconvert's Markdown: ```python cells, their printed output indented by four spaces, a
    pandas DataFrame as an HTML table, a figure as ![png](…_files/…)."""
    assert any(t.count("```python") >= 3 and '<table border="1" class="dataframe">' in t
               and re.search(r"(?m)^    \d+ documents;", t) and "![png](" in t and "nbconvert" in t
               for t in (_text(p) for p in TEXT if p.suffix == ".md"))


def test_a_markdown_file_is_a_confluence_page_export():
    """A Confluence page exported and converted to Markdown: the space breadcrumbs as a numbered
    list of links, «Created by …, last modified by … on …», the page-properties table with a
    status, the Info panel, attachments, labels and «Document generated by Confluence»."""
    assert any(re.search(r"(?m)^1\. \[Research Office\]\(index\.html\)$", t) and "Created by " in t
               and "last modified by" in t and "| Status | **PUBLISHED** |" in t and "## Attachments:" in t
               and "Labels:" in t and "Document generated by Confluence on" in t
               for t in (_text(p) for p in TEXT if p.suffix == ".md"))


def test_a_pdf_is_an_a5_booklet_imposed_two_pages_to_a_landscape_sheet():
    """An autoreferat's A5 pages placed two to a landscape A4 sheet: each sheet 842 x 595 pt with
    two Form XObjects, the running header printed twice on it."""
    import pypdfium2
    import pypdfium2.raw as raw
    for path in PDF:
        pdf = pypdfium2.PdfDocument(path)
        try:
            sizes = [tuple(round(v) for v in page.get_size()) for page in pdf]
            forms = [sum(1 for o in page.get_objects(max_depth=1) if o.type == raw.FPDF_PAGEOBJ_FORM) for page in pdf]
            texts = [page.get_textpage().get_text_range() for page in pdf]
        finally:
            pdf.close()
        if all(s == (842, 595) for s in sizes) and len(sizes) >= 3:
            assert all(n == 2 for n in forms[:-1]), forms
            header = "Мусина Г.К. Метрические книги мечетей Акмолинской области"
            assert any(t.count(header) == 2 for t in texts)
            assert "На правах рукописи" in texts[0]
            return
    raise AssertionError("no PDF imposed two pages to a landscape sheet")


def test_a_pdf_has_mirror_running_headers():
    """Odd pages carry the author and short title, even pages the programme's code and name."""
    texts = {p.name: [t.split("\n")[0] for t in pdf_text(p).split("\f")] for p in PDF}
    import pypdfium2
    for path in PDF:
        pdf = pypdfium2.PdfDocument(path)
        try:
            firsts = [page.get_textpage().get_text_range().split("\n")[0].strip() for page in pdf]
        finally:
            pdf.close()
        if "8D02207 – Исламтану" in firsts and any(f.startswith("Ж.М. Сұлтанбеков.") for f in firsts):
            assert texts
            return
    raise AssertionError("no PDF with odd and even running headers")


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 9, 0.99, 0.99, 0.86, 0.83, 0.84


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers as on d1670a3 (FIRST_MEASUREMENT.txt): 7/9 loaded (a Windows-1251 and a UTF-16
    # file refused), fields 0.767, first words 0.717, entities P 0.885, R 0.602, F1 0.716. After
    # the structure fixes made against it and the seventeenth (SECOND_MEASUREMENT.txt): 9/9,
    # 1.000, 1.000, 0.874 / 0.799 / 0.835. After the entity rules made against corpora 11-18
    # (FINAL_MEASUREMENT.txt): 9/9, 1.000, 1.000, 0.876 / 0.841 / 0.858.
    check_floors(CORPUS, 9, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
