"""The twenty-third held-out corpus (tests/fixtures/published-23/, issue #10): nine abstracts that
mix fields - three in the humanities (phraseology, zooarchaeology, Sufi studies), two in earth and
environmental sciences (paleoclimatology, landscape ecology), two in business and finance (credit
risk management, project management), two in information technology (recommender systems,
federated learning) - three Kazakh, four Russian and two English. Its answer keys say what the
documents say, in the first corpus's format, and the documents are the mix the issue asks for. The
files are read with pypdfium2, python-docx, zipfile and xml.etree, never with the mappers: the
corpus measures them, so nothing here may depend on what they do. (The mappers' floors are added
after the corpus has been measured.)
"""
from __future__ import annotations

import json
import re
import statistics
import urllib.parse
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter

from published_keys import (ROOT, check_floors, check_key_format, check_key_says_what_the_document_says,
                            check_word_lists_keep_their_numbers, counted_text, documents, key_of, only_one,
                            pdf_pages)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-23"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", *(f"published-{n}" for n in range(2, 23)))]
DOCUMENTS = documents(CORPUS)
WORD = [p for p in DOCUMENTS if p.suffix == ".docx"]
PDF = [p for p in DOCUMENTS if p.suffix == ".pdf"]
TEXT = [p for p in DOCUMENTS if p.suffix in (".txt", ".md")]
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def _text(path) -> str:
    return path.read_text(encoding="utf-8")


def _key(path) -> dict:
    return json.loads((CORPUS / "expected" / f"{path.name}.json").read_text(encoding="utf-8"))


def _is_strict(path) -> bool:
    with zipfile.ZipFile(path) as z:
        return STRICT_W in z.read("word/document.xml").decode("utf-8")


def _strict_text(path) -> str:
    """A Strict Word file's paragraphs, read from its XML (python-docx cannot open it)."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    w = "{%s}" % STRICT_W
    return "\n".join("".join(t.text or "" for t in p.iter(w + "t")) for p in root.iter(w + "p"))


def test_the_corpus_is_the_mix_the_issue_asks_for():
    """check_the_mix in published_keys.py asks every corpus for a master's thesis; this one has a
    bachelor's thesis instead (as the issue's brief for it says), so its checks are made here, one
    by one, with the same meaning: one key per document, the formats, the languages, the kinds and
    degrees, the incomplete work, and nine fields no earlier corpus has."""
    keys = {p.name: key_of(CORPUS, p) for p in DOCUMENTS}
    assert len(DOCUMENTS) == 9
    expected = sorted(p.name[: -len(".json")] for p in (CORPUS / "expected").glob("*.json"))
    assert expected == [p.name for p in DOCUMENTS], "every document has one key and every key a document"
    assert sorted(p.suffix for p in DOCUMENTS) == sorted([".pdf"] * 2 + [".docx"] * 3 + [".txt"] * 2 + [".md"] * 2)
    assert Counter(k["lang"] for k in keys.values()) == {"kk": 3, "ru": 4, "en": 2}
    kinds = Counter(k["kind"] for k in keys.values())
    degrees = Counter(k["degree"] for k in keys.values())
    assert kinds == {"dissertation": 7, "article": 1, "bachelors-thesis": 1}, kinds
    assert degrees["phd"] >= 5 and degrees["candidate"] == 1 and degrees["bachelor"] == 1
    assert [k["lang"] for k in keys.values() if k["kind"] == "article"] == ["ru"]
    assert all(len(k["authors"]) >= 3 for k in keys.values() if k["kind"] == "article")
    assert [k["lang"] for k in keys.values() if k["kind"] == "bachelors-thesis"] == ["kk"]
    assert any(k["degree"] == "candidate" and k["lang"] == "kk"
               and re.fullmatch(r"\d\d\.\d\d\.\d\d", k["specialty_code"] or "") for k in keys.values())
    gapped = [k for k in keys.values() if k["kind"] == "dissertation" and k["gaps"]]
    assert any("provisions" in k["gaps"] and "tasks" not in k["gaps"] for k in gapped)
    fields = {json.loads(p.read_text(encoding="utf-8"))["field"] for folder in EARLIER for p in folder.glob("*.json")}
    assert len({k["field"] for k in keys.values()} - fields) == 9, "fields none of the earlier corpora has"


def test_the_documents_are_full_length():
    """Dissertations at least 1,600 words (Kazakh ones, whose words are longer, 1,500), the
    article 700 and the bachelor's thesis 550, counted as published_keys.counted_text counts
    them (for the text files: the whole file, markup and all)."""
    for path in DOCUMENTS:
        key = _key(path)
        floor = {"article": 700, "bachelors-thesis": 550}.get(key["kind"], 1500 if key["lang"] == "kk" else 1600)
        assert len(counted_text(path).split()) >= floor, (path.name, len(counted_text(path).split()))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    decoded = _strict_text(path) if path.suffix == ".docx" and _is_strict(path) else None
    check_key_says_what_the_document_says(CORPUS, path, decoded)


@pytest.mark.parametrize("path", WORD, ids=lambda p: p.name)
def test_the_word_lists_keep_their_numbers_in_numbering_xml(path):
    check_word_lists_keep_their_numbers(CORPUS, path)


def test_the_pdfs_have_a_text_layer_and_page_furniture():
    for path in PDF:
        pages = pdf_pages(path)
        assert len(pages) >= 3 and all(len(t.split()) > 20 for t in pages), path.name
        bottoms = [t.strip().splitlines()[-1].strip() for t in pages[1:]]
        assert all(re.search(r"(^|\s)\d{1,2}\s*–?$", b) for b in bottoms), (path.name, bottoms)


def test_a_text_file_is_a_journal_jats_xml_deposit():
    """The Russian article as its journal's JATS 1.2 XML saved as .txt: the abstract in
    <abstract xml:lang="ru">, the Kazakh and English summaries in <trans-abstract>, keywords in
    three <kwd-group>s, the authors as <surname>/<given-names> in <contrib-group>, the rest in
    <body><sec>."""
    path = only_one(TEXT, lambda p: "JATS" in _text(p)[:400])
    root = ET.fromstring(_text(path).encode("utf-8"))
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    meta = root.find("front/article-meta")
    assert meta.find("abstract").get(lang) == "ru"
    assert sorted(t.get(lang) for t in meta.findall("trans-abstract")) == ["en", "kk"]
    assert sorted(g.get(lang) for g in meta.findall("kwd-group")) == ["en", "kk", "ru"]
    ru = next(g for g in meta.findall("kwd-group") if g.get(lang) == "ru")
    assert [k.text for k in ru.findall("kwd")] == _key(path)["keywords"]
    surnames = [c.find("name/surname").text for c in meta.findall("contrib-group/contrib")]
    assert surnames == [a.split()[0] for a in _key(path)["authors"]]
    assert len(root.findall("body/sec")) >= 3
    assert _key(path)["kind"] == "article" and not re.search(r"(?m)^##? ", _text(path))


def test_a_text_file_is_an_evernote_export():
    """An Evernote .enex: <en-export> with one <note>, its <content> a CDATA section holding the
    ENML document (<en-note>, <div> paragraphs, <h2> headings, <ol><li><div> lists), so the
    abstract is XML inside XML."""
    path = only_one(TEXT, lambda p: "<en-export" in _text(p))
    raw = _text(path)
    assert "<![CDATA[" in raw and "evernote-export4.dtd" in raw
    root = ET.fromstring(raw.encode("utf-8"))
    content = root.find("note/content").text
    assert content.lstrip().startswith("<?xml") and "enml2.dtd" in content
    note = ET.fromstring(content.split("?>", 1)[1].split(">", 1)[1].encode("utf-8"))
    assert note.tag == "en-note"
    assert len(note.findall("h2")) >= 2 and len(note.findall("ol")) >= 2
    assert len(note.findall("div")) > 40
    assert _key(path)["gaps"] == ["provisions"] and "provisions submitted" not in raw.casefold()


def test_a_markdown_file_is_a_zotero_note_exported_as_html():
    """A Zotero note saved as .md: HTML, not Markdown - one <div data-schema-version>, <h1>/<h2>,
    <p>, <ol><li><p>, and citations as <span class="citation" data-citation="…"> whose attribute is
    percent-encoded JSON, the visible «(Author, year)» in <span class="citation-item">."""
    path = only_one(TEXT, lambda p: "data-schema-version" in _text(p))
    raw = _text(path)
    assert raw.startswith('<div data-schema-version="9">') and raw.rstrip().endswith("</div>")
    assert not re.search(r"(?m)^#", raw)
    cites = re.findall(r'<span class="citation" data-citation="([^"]+)">\(<span class="citation-item">([^<]+)</span>\)</span>', raw)
    assert len(cites) >= 4
    for data, visible in cites:
        item = json.loads(urllib.parse.unquote(data))
        assert item["citationItems"][0]["uris"][0].startswith("http://zotero.org/users/")
        assert re.search(r"\d{4}$", visible)
    assert raw.count("<li>") == _key(path)["counts"]["tasks"]
    assert _key(path)["kind"] == "bachelors-thesis" and "Дипломдық жұмыс" in raw


def test_a_markdown_file_was_converted_from_word_by_mammoth():
    """mammoth's Markdown: __bold__ run-ins, a bookmark anchor <a id="_Toc…"></a> in every heading,
    and every . - ( ) ! + # * _ [ ] of the text escaped with a backslash - initials print as
    «Г\\. Керцнер», and the key quotes them so."""
    path = only_one(TEXT, lambda p: '<a id="_Toc' in _text(p))
    raw = _text(path)
    headings = re.findall(r'(?m)^#{1,3} <a id="_Toc\d+"></a>(.+)$', raw)
    assert len(headings) >= 2
    assert raw.count("__") >= 20 and "\\." in raw and "\\-" in raw
    assert re.search(r"(?m)^1\. ", raw)
    escaped = [e["text"] for e in _key(path)["entities"] if "\\" in e["text"]]
    assert len(escaped) >= 10 and all(q in raw for q in escaped)
    assert "Г\\. Керцнер" in raw


def test_a_word_file_is_strict_open_xml():
    """Word's "Strict Open XML Document": every part on the purl.oclc.org/ooxml namespaces and
    relationship types, w:conformance="strict"; python-docx, which knows only the transitional
    namespaces, cannot open it, but the text is all there for a reader that follows the namespace."""
    import docx
    path = only_one(WORD, _is_strict)
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode("utf-8")
        rels = z.read("_rels/.rels").decode("utf-8") + z.read("word/_rels/document.xml.rels").decode("utf-8")
        numbering = z.read("word/numbering.xml").decode("utf-8")
    assert 'w:conformance="strict"' in body and "schemas.openxmlformats.org/wordprocessingml" not in body
    assert "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" in rels
    assert "schemas.openxmlformats.org/officeDocument/2006/relationships" not in rels
    assert STRICT_W in numbering
    with pytest.raises(Exception):
        docx.Document(path)
    text = _strict_text(path)
    assert len(text.split()) > 1400 and _key(path)["lang"] == "kk"


def test_a_word_file_carries_reviewer_comments():
    """A council secretary's comment in the margin: word/comments.xml, and commentRangeStart /
    commentRangeEnd / commentReference around a phrase of the relevance section."""
    path = only_one(WORD, lambda p: "word/comments.xml" in zipfile.ZipFile(p).namelist())
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode("utf-8")
        comments = z.read("word/comments.xml").decode("utf-8")
    assert "<w:commentRangeStart" in body and "<w:commentRangeEnd" in body and "<w:commentReference" in body
    assert "Проверить написание" in comments and "Проверить написание" not in body


def test_a_word_file_has_headings_that_are_only_outline_levels():
    """The English PhD abstract: section headings are Normal paragraphs with an outline level
    (w:outlineLvl) and no heading style."""
    import docx
    path = only_one([p for p in WORD if not _is_strict(p)], lambda p: _key(p)["lang"] == "en")
    body = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert body.count("<w:outlineLvl") >= 12
    document = docx.Document(path)
    assert not [p for p in document.paragraphs if p.style.name.startswith("Heading")]


def test_a_pdf_has_line_numbers_in_its_margin():
    """The Kazakh Candidate autoreferat printed with Word's line numbering (every fifth line,
    restarting on each page): digits in the left margin of every body page, outside the text block;
    the PDF without line numbering has none there."""
    import pypdfium2
    path = only_one(PDF, lambda p: _key(p)["degree"] == "candidate")
    pdf = pypdfium2.PdfDocument(path)
    try:
        digits = []
        for page in list(pdf)[2:6]:
            _, height = page.get_size()
            margin = page.get_textpage().get_text_bounded(0, 0, 60, height)
            assert re.search(r"\d", margin), margin
            digits += re.findall(r"\d", margin)
        assert len(digits) >= 8, digits
    finally:
        pdf.close()
    assert "Қолжазба құқығында" in pdf_pages(path)[0]
    other = only_one(PDF, lambda p: _key(p)["degree"] == "phd")
    pdf = pypdfium2.PdfDocument(other)
    try:
        page = pdf[2]
        assert not re.search(r"\d", page.get_textpage().get_text_bounded(0, 0, 60, page.get_size()[1]))
    finally:
        pdf.close()


def test_a_pdf_is_set_in_two_newspaper_columns():
    """The Russian paleoclimatology abstract: its body pages in two columns (a continuous section
    break in the Word file), so the lines of the text layer are half the usual length."""
    path = only_one(PDF, lambda p: _key(p)["field"] == "paleoclimatology")
    for text in pdf_pages(path)[1:4]:
        lines = [line for line in text.replace("\r", "").splitlines() if len(line.split()) > 1]
        assert statistics.median(len(line) for line in lines) < 45, text[:300]
    other = only_one(PDF, lambda p: _key(p)["degree"] == "candidate")
    lines = [line for line in pdf_pages(other)[2].replace("\r", "").splitlines() if len(line.split()) > 3]
    assert statistics.median(len(line) for line in lines) > 60


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 9, 0.99, 0.99, 0.83, 0.85, 0.84


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers as on 694672b (FIRST_MEASUREMENT.txt): 7/9 loaded (a Strict Open
    # XML Word file and an Evernote export refused), fields 0.744, first words 0.758, entities
    # P 0.797, R 0.600, F1 0.685. After the fixes made against it (FINAL_MEASUREMENT.txt): 9/9,
    # 1.000, 1.000, 0.848 / 0.867 / 0.857 (0.04 of the F1 from the scorer reading Markdown escapes).
    check_floors(CORPUS, 9, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
