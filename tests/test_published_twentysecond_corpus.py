"""The twenty-second held-out corpus (tests/fixtures/published-22/, issue #10): nine abstracts that
mix fields - three in engineering and computing, two in medicine and veterinary science, two in
law and public administration, two in education and the arts - three Kazakh, three Russian and
three English. Its answer keys say what the documents say, in the first corpus's format, and the
documents are the mix the issue asks for. The files are read with pypdfium2, python-docx and
zipfile, never with the mappers: the corpus measures them, so nothing here may depend on what they
do. (The mappers' floors are added after the corpus has been measured.)
"""
from __future__ import annotations

import json
import re
import zipfile

from published_keys import (ROOT, check_floors, check_key_format, check_key_says_what_the_document_says,
                            check_the_mix, check_word_lists_keep_their_numbers, counted_text, documents, only_one,
                            pdf_pages, pdf_text)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-22"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", *(f"published-{n}" for n in range(2, 22)))]
DOCUMENTS = documents(CORPUS)
WORD = [p for p in DOCUMENTS if p.suffix == ".docx"]
PDF = [p for p in DOCUMENTS if p.suffix == ".pdf"]
TEXT = [p for p in DOCUMENTS if p.suffix in (".txt", ".md")]


def _text(path) -> str:
    return path.read_text(encoding="utf-8")


def _key(path) -> dict:
    return json.loads((CORPUS / "expected" / f"{path.name}.json").read_text(encoding="utf-8"))


def test_the_corpus_is_the_mix_the_issue_asks_for():
    keys = check_the_mix(CORPUS, DOCUMENTS, EARLIER, at_least=9, phd=5, new_fields=9, formats=(3, 2, 2, 2),
                         lang_spread=0, articles=1, candidate=0, doctor=1, incomplete=("provisions",))
    assert sorted(k["lang"] for k in keys.values()) == ["en"] * 3 + ["kk"] * 3 + ["ru"] * 3
    assert [k["lang"] for k in keys.values() if k["kind"] == "article"] == ["kk"]
    assert [k["lang"] for k in keys.values() if k["kind"] == "masters-thesis"] == ["ru"]
    assert any(k["degree"] == "doctor" and k["lang"] == "ru"
               and re.fullmatch(r"\d\d\.\d\d\.\d\d", k["specialty_code"] or "") for k in keys.values())
    assert all(len(k["authors"]) >= 3 for k in keys.values() if k["kind"] == "article")
    assert sorted(p.suffix for p in DOCUMENTS) == sorted([".pdf"] * 3 + [".docx"] * 2 + [".txt"] * 2 + [".md"] * 2)


def test_the_documents_have_every_section_written_out():
    """Shorter than the issue's 1,800-2,500 words (see the README's "Not done"), but every
    dissertation has its sections in prose, not as a sketch."""
    for path in DOCUMENTS:
        key = _key(path)
        floor = {"article": 450, "masters-thesis": 700}.get(key["kind"], 1100)
        assert len(counted_text(path).split()) >= floor, (path.name, len(counted_text(path).split()))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


@pytest.mark.parametrize("path", WORD, ids=lambda p: p.name)
def test_the_word_lists_keep_their_numbers_in_numbering_xml(path):
    check_word_lists_keep_their_numbers(CORPUS, path)


def test_the_pdfs_have_a_text_layer_and_page_furniture():
    for path in PDF:
        pages = pdf_pages(path)
        assert len(pages) >= 3 and all(len(t.split()) > 20 for t in pages), path.name
        bottoms = [t.strip().splitlines()[-1].strip() for t in pages[1:]]
        assert all(re.search(r"(^|\s)\d{1,2}(/\d{1,2})?$", b) for b in bottoms), (path.name, bottoms)


def test_a_pdf_opens_with_a_word_table_of_contents():
    """The Doctor of Sciences autoreferat: a page «СОДЕРЖАНИЕ» whose lines are the headings with
    dotted leaders and page numbers (Word's TOC field with PAGEREF fields, as LibreOffice prints
    it), before the text those headings head."""
    path = only_one(PDF, lambda p: "СОДЕРЖАНИЕ\n" in pdf_text(p).replace("\r", ""))
    pages = [t.replace("\r", "") for t in pdf_pages(path)]
    toc = next(n for n, t in enumerate(pages) if "СОДЕРЖАНИЕ\n" in t)
    entries = re.findall(r"(?m)^(.+?)\.{20,}(\d+)$", pages[toc])
    assert len(entries) >= 5, entries
    titles = [t for t, _ in entries]
    assert titles[0] == "ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ" and "ВЫВОДЫ" in titles
    assert all(title in "\n".join(pages[toc + 1:]) for title in titles)
    numbers = [int(n) for _, n in entries]
    assert numbers == sorted(numbers)
    assert _key(path)["degree"] == "doctor"


def test_a_pdf_was_printed_from_a_web_page_by_chromium():
    """Headless Chromium's print of a council's web page: the print date and the page's title at
    the top of every page, the URL and «n/m» at its foot, a breadcrumb over the text; the PDF was
    produced by Skia, not by LibreOffice."""
    import pypdfium2
    path = only_one(PDF, lambda p: "kaznu.kz" in pdf_text(p))
    pages = [t.replace("\r", "") for t in pdf_pages(path)]
    url = "http://kaznu.kz/kz/dissertation-council/8D04101/abdirakhmanova-annotation"
    for n, page in enumerate(pages, 1):
        lines = [line.strip() for line in page.strip().splitlines() if line.strip()]
        # pdfium gives the header's two cells (date, title) and the footer's (URL, n/m) as one line each
        assert any(re.fullmatch(r"\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d [AP]M .+\| Әл-Фараби атындағы ҚазҰУ", line)
                   for line in lines), lines[-3:]
        assert f"{url} {n}/{len(pages)}" in lines
    assert "Басты бет › Ғылым › Диссертациялық кеңестер" in pages[0]
    pdf = pypdfium2.PdfDocument(path)
    try:
        producer = pdf.get_metadata_dict().get("Producer", "")
    finally:
        pdf.close()
    assert "Skia" in producer and "LibreOffice" not in producer
    assert len(pages) >= 3


def test_a_word_file_numbers_its_lists_through_list_styles():
    """Word's list styles: the items' w:num points to an abstractNum that holds only a
    w:numStyleLink, the numbering style in styles.xml points back to a w:num, and only the
    abstractNum marked w:styleLink defines the levels."""
    def linked(p):
        return "w:numStyleLink" in zipfile.ZipFile(p).read("word/numbering.xml").decode("utf-8")
    path = only_one(WORD, linked)
    with zipfile.ZipFile(path) as z:
        numbering = z.read("word/numbering.xml").decode("utf-8")
        styles = z.read("word/styles.xml").decode("utf-8")
    pointers = re.findall(r'<w:abstractNum w:abstractNumId="\d+">(?:(?!</w:abstractNum>).)*'
                          r'<w:numStyleLink w:val="(\w+)"/></w:abstractNum>', numbering, flags=re.S)
    assert len(pointers) == 2
    for style_id in pointers:
        assert f'<w:styleLink w:val="{style_id}"/>' in numbering
        style = re.search(rf'<w:style w:type="numbering"[^>]*w:styleId="{style_id}">.*?</w:style>', styles)
        assert style and "<w:numId " in style.group(0)
    defining = re.findall(r"<w:abstractNum [^>]*>(?:(?!</w:abstractNum>).)*</w:abstractNum>", numbering, flags=re.S)
    assert all("<w:lvl " not in a for a in defining if "numStyleLink" in a)
    assert _key(path)["counts"]["tasks"] == 5 and _key(path)["counts"]["provisions"] == 3


def test_a_word_file_runs_its_headings_in_with_style_separators():
    """Word's style separator: every Heading 2's paragraph mark is hidden (w:vanish with
    w:specVanish), so Word shows «Цель исследования – …» on one line while the XML has two
    paragraphs; python-docx sees them apart."""
    import docx
    def separated(p):
        return "w:specVanish" in zipfile.ZipFile(p).read("word/document.xml").decode("utf-8")
    path = only_one(WORD, separated)
    document = docx.Document(path)
    headings = [p for p in document.paragraphs if p.style.name == "Heading 2"]
    assert len(headings) >= 12
    for p in headings:
        rpr = p._p.pPr.find(docx.oxml.ns.qn("w:rPr"))
        assert rpr is not None and rpr.find(docx.oxml.ns.qn("w:specVanish")) is not None, p.text
        assert rpr.find(docx.oxml.ns.qn("w:vanish")) is not None
    texts = [p.text for p in document.paragraphs]
    i = texts.index("Цель исследования")
    assert texts[i + 1].startswith("– теоретически обосновать")


def test_a_text_file_is_a_dokuwiki_page():
    """DokuWiki markup saved as text: «====== title ======» headings by the count of «=», a
    {{tag>…}} line and ~~NOTOC~~, a table with «^» header cells, ordered items «  - » and
    unordered «  * » indented two spaces, //italic//, «\\\\» line break and [[ns:page|links]]."""
    path = only_one(TEXT, lambda p: _text(p).startswith("====== "))
    text = _text(path)
    assert re.search(r"(?m)^===== .+ =====$", text) and len(re.findall(r"(?m)^==== .+ ====$", text)) >= 8
    for mark in ("{{tag>", "~~NOTOC~~", "^ Магистрант | ", "//Страница создана:", "[[магистратура:"):
        assert mark in text, mark
    assert len(re.findall(r"(?m)^  - ", text)) == _key(path)["counts"]["tasks"] == 4
    assert len(re.findall(r"(?m)^  \* ", text)) == _key(path)["counts"]["novelty"] == 2
    assert _key(path)["kind"] == "masters-thesis"


def test_a_text_file_is_restructuredtext():
    """A Sphinx page in reStructuredText saved as text: headings underlined with «-» the length of
    the title, a bibliographic field list (:Author: …), «.. meta::», «.. contents::», «.. note::»
    directives, auto-enumerated «#.» tasks and «1.» provisions."""
    path = only_one(TEXT, lambda p: ".. contents::" in _text(p))
    lines = _text(path).splitlines()
    underlined = [(a, b) for a, b in zip(lines, lines[1:]) if b and set(b) == {"-"}]
    assert len(underlined) >= 10 and all(len(a) == len(b) for a, b in underlined)
    text = "\n".join(lines)
    for mark in (".. meta::", ":Author: ", ":Supervisors: ", ".. note::", ".. _seitkali-abstract:"):
        assert mark in text, mark
    assert len(re.findall(r"(?m)^#\. ", text)) == _key(path)["counts"]["tasks"] == 5
    assert len(re.findall(r"(?m)^\d\. ", text)) == _key(path)["counts"]["provisions"] == 4


def test_a_markdown_file_is_a_joplin_raw_export():
    """Joplin's RAW export of a note: the title as the first line, a resource link «](:/<32 hex>)»,
    and the note's metadata after the text (id, parent_id, times, source_application,
    markup_language, type_: 1). The note is a Kazakh journal article: Аңдатпа, Түйін сөздер, then
    its Russian and English summaries."""
    path = only_one(TEXT, lambda p: _text(p).rstrip().endswith("type_: 1"))
    text = _text(path)
    assert text.splitlines()[0] == _key(path)["title"]
    assert re.search(r"\]\(:/[0-9a-f]{32}\)", text)
    for field in ("id", "parent_id", "created_time", "updated_time", "source_application", "markup_language"):
        assert re.search(rf"(?m)^{field}: ", text), field
    assert re.search(r"(?m)^id: [0-9a-f]{32}$", text)
    order = [text.index(s) for s in ("### Аңдатпа", "**Түйін сөздер:**", "### Аннотация", "**Ключевые слова:**",
                                     "### Abstract", "**Keywords:**", "type_: 1")]
    assert order == sorted(order)
    assert _key(path)["kind"] == "article" and len(_key(path)["authors"]) == 3


def test_a_markdown_file_is_a_gitbook_page():
    """A GitBook page: YAML front matter with GitBook's «layout:» block, {% hint style=… %}
    blocks (the title page inside one), {% tabs %} with two {% tab %} for the degree of study, a
    {% content-ref %} block, and lazily numbered «1.» items."""
    path = only_one(TEXT, lambda p: "{% hint style=" in _text(p))
    text = _text(path)
    assert text.startswith("---\ndescription: >-\n") and "\nlayout:\n  title:\n    visible: true" in text
    for mark in ('{% hint style="info" %}', '{% hint style="success" %}', "{% endhint %}", "{% tabs %}",
                 '{% tab title="Foreign research" %}', "{% endtabs %}", '{% content-ref url="', "{% endcontent-ref %}"):
        assert mark in text, mark
    # the conclusions are a fourth lazily numbered list, not an item of the key
    counts = _key(path)["counts"]
    assert len(re.findall(r"(?m)^1\. ", text)) == counts["tasks"] + counts["provisions"] + 4
    assert "## Conclusions" in text


def test_the_incomplete_dissertation_has_no_provisions_in_it():
    path = only_one(DOCUMENTS, lambda p: _key(p)["gaps"])
    assert _key(path)["gaps"] == ["provisions"] and "provision" not in pdf_text(path).lower()


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 9, 0.99, 0.99, 0.85, 0.92, 0.88


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers as on b2fab74 (FIRST_MEASUREMENT.txt): 9/9 loaded, fields 0.933, first words
    # 0.941, entities P 0.812, R 0.895, F1 0.852. After the fixes made against it
    # (FINAL_MEASUREMENT.txt): 9/9, 1.000, 1.000, 0.855 / 0.927 / 0.889.
    check_floors(CORPUS, 9, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
