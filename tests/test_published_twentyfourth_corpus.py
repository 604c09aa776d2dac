"""The twenty-fourth held-out corpus (tests/fixtures/published-24/, issue #10): nine abstracts that
mix fields - three in physics, chemistry and materials science (catalysis, semiconductor physics,
composite materials), two in clinical medicine and pharmacy (allergology, clinical pharmacology),
two in agriculture, food science and forestry (meat science, agroforestry), two in history and
journalism (military history, television journalism) - four Kazakh, three Russian and two English.
Its answer keys say what the documents say, in the first corpus's format, and the documents are the
mix the issue asks for. The files are read with pypdfium2, python-docx, zipfile and the text codec,
never with the mappers: the corpus measures them, so nothing here may depend on what they do. (The
mappers' floors are added after the corpus has been measured.)
"""
from __future__ import annotations

import re
import zipfile
from collections import Counter

from published_keys import (ROOT, check_floors, check_full_length, check_key_format,
                            check_key_says_what_the_document_says, check_the_mix, check_word_lists_keep_their_numbers,
                            documents, key_of, only_one, pdf_pages)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-24"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", *(f"published-{n}" for n in range(2, 24)))]
DOCUMENTS = documents(CORPUS)
WORD = [p for p in DOCUMENTS if p.suffix == ".docx"]
PDF = [p for p in DOCUMENTS if p.suffix == ".pdf"]
TEXT = [p for p in DOCUMENTS if p.suffix in (".txt", ".md")]


def _text(path) -> str:
    return path.read_text(encoding="utf-8")


def _key(path) -> dict:
    return key_of(CORPUS, path)


def test_the_corpus_is_the_mix_the_issue_asks_for():
    """check_the_mix with the counts of a nine-document corpus: 3 PDF, 2 Word, 2 text and 2
    Markdown files, kk/ru/en as 4/3/2, one article (by three authors), one master's thesis, one
    Doctor of Sciences autoreferat, no Candidate, at least five PhD abstracts, one work without
    tasks, nine fields no earlier corpus (published ... published-23) has; then the exact mix."""
    keys = check_the_mix(CORPUS, DOCUMENTS, EARLIER, at_least=9, phd=5, new_fields=9, lang_spread=2,
                         formats=(3, 2, 2, 2), articles=1, candidate=0, doctor=1, incomplete=("tasks",))
    assert len(DOCUMENTS) == 9
    assert sorted(p.suffix for p in DOCUMENTS) == sorted([".pdf"] * 3 + [".docx"] * 2 + [".txt"] * 2 + [".md"] * 2)
    assert Counter(k["lang"] for k in keys.values()) == {"kk": 4, "ru": 3, "en": 2}
    kinds = Counter(k["kind"] for k in keys.values())
    assert kinds == {"dissertation": 7, "article": 1, "masters-thesis": 1}, kinds
    degrees = Counter(k["degree"] for k in keys.values())
    assert degrees["phd"] == 6 and degrees["doctor"] == 1 and degrees["master"] == 1
    assert [k["lang"] for k in keys.values() if k["kind"] == "article"] == ["en"]
    assert any(k["degree"] == "doctor" and k["lang"] == "kk"
               and re.fullmatch(r"\d\d\.\d\d\.\d\d", k["specialty_code"] or "") for k in keys.values())
    doctor = only_one(DOCUMENTS, lambda p: _key(p)["degree"] == "doctor")
    assert "ғылымдарының докторы ғылыми дәрежесін алу үшін дайындалған диссертацияның авторефераты" in \
        " ".join(pdf_pages(doctor)[0].split())
    article = only_one(DOCUMENTS, lambda p: _key(p)["kind"] == "article")
    text = " ".join(pdf_pages(article))
    assert "Abstract" in text and "Keywords" in text and "Түйін" in text and "Резюме" in text
    assert text.index("Түйін") > text.index("Conclusion") and text.index("Резюме") > text.index("Conclusion")
    gapped = [k for k in keys.values() if k["gaps"]]
    assert [k["gaps"] for k in gapped] == [["tasks"]] and gapped[0]["counts"]["tasks"] == 0


def test_the_documents_are_full_length():
    """Dissertations at least 1,600 words (Kazakh ones, whose words are longer, 1,500), the
    article 1,000 and the master's thesis 700, counted as published_keys.counted_text counts
    them (for the text files: the whole file, markup and all)."""
    check_full_length(CORPUS, DOCUMENTS, lambda key: {"article": 1000, "masters-thesis": 700}.get(
        key["kind"], 1500 if key["lang"] == "kk" else 1600))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


@pytest.mark.parametrize("path", WORD, ids=lambda p: p.name)
def test_the_word_lists_keep_their_numbers_in_numbering_xml(path):
    check_word_lists_keep_their_numbers(CORPUS, path)


def test_the_pdfs_have_a_text_layer_and_page_numbers():
    for path in PDF:
        pages = pdf_pages(path)
        assert len(pages) >= 3 and all(len(t.split()) > 20 for t in pages), path.name
        bottoms = [t.strip().splitlines()[-1].strip() for t in pages[1:]]
        assert all(re.search(r"\d{1,3}\s*–?$", b) for b in bottoms), (path.name, bottoms)


def test_a_pdf_is_pdf_a_2b():
    """The Kazakh Doctor of Sciences autoreferat exported by LibreOffice as PDF/A-2b: an XMP packet
    declaring pdfaid:part 2 and conformance B, and an OutputIntent (sRGB) in the catalogue; the
    other PDFs are ordinary PDF 1.x without it."""
    path = only_one(PDF, lambda p: b"pdfaid:part" in p.read_bytes())
    raw = path.read_bytes()
    assert re.search(rb"<pdfaid:part>2</pdfaid:part>", raw) and re.search(rb"<pdfaid:conformance>B</pdfaid:conformance>", raw)
    assert b"/OutputIntents" in raw and b"GTS_PDFA1" in raw
    assert _key(path)["degree"] == "doctor"


def test_a_pdf_carries_its_word_source_as_an_attachment():
    """The Russian physics abstract has the Word file it was made from embedded (EmbeddedFiles):
    a .docx whose own text is the abstract; the text layer is the ordinary one."""
    import io
    import docx
    import pypdfium2
    found = []
    for path in PDF:
        pdf = pypdfium2.PdfDocument(path)
        try:
            if pdf.count_attachments():
                att = pdf.get_attachment(0)
                found.append((path, att.get_name(), bytes(att.get_data())))
        finally:
            pdf.close()
    assert len(found) == 1
    path, name, data = found[0]
    assert name == path.stem + ".docx" and data[:2] == b"PK"
    inner = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert _key(path)["title"] in inner and _key(path)["field"] == "semiconductor physics"
    assert "Положения, выносимые на защиту" in " ".join(pdf_pages(path))


def test_a_word_file_went_through_odt_in_libreoffice():
    """The Kazakh meat science abstract: written, saved as ODT and saved back to DOCX by LibreOffice
    - its app.xml names LibreOffice, its styles are LibreOffice's, and its lists are still numbered
    from numbering.xml; the other Word file is python-docx's own."""
    path = only_one(WORD, lambda p: b"LibreOffice" in zipfile.ZipFile(p).read("docProps/app.xml"))
    with zipfile.ZipFile(path) as z:
        app = z.read("docProps/app.xml").decode("utf-8")
        body = z.read("word/document.xml").decode("utf-8")
    assert re.search(r"<Application>LibreOffice/\d", app)
    assert "<w:numPr>" in body or "<w:numPr" in body
    assert _key(path)["lang"] == "kk" and _key(path)["field"] == "meat science"


def test_a_text_file_is_a_moodle_forum_post():
    """The English clinical pharmacology abstract copied from a Moodle discussion forum: the site's
    navigation and breadcrumbs, "by <poster> - <date>", the post, the post's links and a reply."""
    path = only_one(TEXT, lambda p: "Display replies in nested form" in _text(p))
    raw = _text(path)
    assert raw.startswith("Skip to main content") and re.search(r"(?m)^Dashboard / My courses / ", raw)
    assert re.search(r"(?m)^by .+ - Monday, 3 March 2025, 10:42 AM$", raw)
    assert raw.count("Permalink") == 2 and "Number of replies: 1" in raw
    assert raw.index("ABSTRACT") < raw.index("Permalink")
    assert _key(path)["lang"] == "en" and _key(path)["degree"] == "phd"


def test_a_text_file_is_calibre_plain_text_from_an_epub():
    """The Kazakh master's thesis as calibre's ebook-convert leaves an EPUB in plain text: the
    book's title and author, a "Table of Contents" block listing the headings, no wrapped lines,
    a blank line after every paragraph and list numbers typed into the text as "1)"."""
    path = only_one(TEXT, lambda p: "\nTable of Contents\n" in _text(p))
    raw = _text(path)
    lines = raw.split("\n")
    toc = lines.index("Table of Contents")
    assert toc < 5 and len([l for l in lines[toc + 1:toc + 14] if l]) >= 8
    body = [l for l in lines[toc:] if l]
    assert max(len(l) for l in body) > 300
    paragraphs = raw.split("\n\n")
    assert sum(1 for p in paragraphs if "\n" in p.strip()) <= 2
    assert re.search(r"(?m)^1\) ", raw) and not re.search(r"(?m)^#", raw)
    assert _key(path)["kind"] == "masters-thesis" and _key(path)["lang"] == "kk"


def test_a_markdown_file_is_a_roam_research_export():
    """The Kazakh military history abstract as a Roam Research page exported to Markdown: the page
    title as "# ", attributes "Tags::" and "Type::" with [[page links]], every paragraph a "- "
    block, headings as "- ## " blocks, list items as child blocks indented four spaces."""
    path = only_one(TEXT, lambda p: "Tags:: [[" in _text(p))
    lines = _text(path).rstrip("\n").split("\n")
    assert lines[0].startswith("# ") and lines[1] == ""
    assert all(l.startswith(("- ", "    - ")) for l in lines[2:])
    assert sum(l.startswith("- ## ") for l in lines) >= 8
    key = _key(path)
    children = [l for l in lines if l.startswith("    - ")]
    assert len(children) == sum(key["counts"].values())
    assert lines[2].startswith("- Tags:: [[") and key["field"] == "military history"


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 9, 0.99, 0.99, 0.79, 0.87, 0.83


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers as on 320f45e (FIRST_MEASUREMENT.txt): 9/9 loaded, fields 0.922, first words
    # 0.865, entities P 0.787, R 0.862, F1 0.823. After the fixes made against it
    # (FINAL_MEASUREMENT.txt): 9/9, 1.000, 1.000, 0.801 / 0.884 / 0.841.
    check_floors(CORPUS, 9, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
