"""The forty-sixth held-out corpus, its Kazakh part (tests/fixtures/published-46/kk-*, issue #10): a
PhD abstract in meat technology (Word, its figures native Word charts whose text lives in
word/charts/chartN.xml and an embedded workbook), a Candidate of Philological Sciences autoreferat
in mythology (PDF, the print shop's imposed sheet cut into pages by a crop box only: slug, crop
marks and the neighbouring page still in the content outside the visible page) and a journal
article in corrosion (text, as `pdftotext -raw` prints the journal's two-column PDF). The keys say
what the documents say, in the first corpus's format. The files are read with pypdfium2, zipfile,
python-docx and plain text reading, never with the mappers. The mix of the whole corpus and the
floors are the lead's, after the three parts are merged.
"""
from __future__ import annotations

import re
import zipfile

from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, check_word_lists_keep_their_numbers, documents, key_of,
                            pdf_pages, word_part)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-46"
DOCUMENTS = [p for p in documents(CORPUS) if p.name.startswith("kk-")]
WORD = CORPUS / "kk-meat-technology-phd.docx"
PDF = CORPUS / "kk-mythology-candidate.pdf"
ARTICLE = CORPUS / "kk-corrosion-article.txt"
EXPECTED = {WORD.name: ("meat technology", "dissertation", "phd", []),
            PDF.name: ("mythology", "dissertation", "candidate", []),
            ARTICLE.name: ("corrosion", "article", None, [])}


def _key(path) -> dict:
    return key_of(CORPUS, path)


def test_the_kazakh_part_is_the_three_documents_the_plan_names():
    assert sorted(p.name for p in DOCUMENTS) == sorted(EXPECTED)
    for path in DOCUMENTS:
        key = _key(path)
        assert (key["field"], key["kind"], key["degree"], key["gaps"]) == EXPECTED[path.name]
        assert key["lang"] == "kk" and key["author"] and key["title"]
        if key["kind"] == "dissertation":
            assert key["counts"]["provisions"] >= 4 and 4 <= key["counts"]["tasks"] <= 7
            assert key["counts"]["novelty"] == 4 and key["publications_total"]
            assert len(key["entities"]) >= 50
        else:
            assert key["authors"] == ["Е.Б. Жақыпбеков", "А.Т. Сәрсенбаева", "Р.М. Құлмағамбетов"]
            assert key["counts"] == {"provisions": 0, "tasks": 0, "novelty": 0}
            assert key["publications_total"] is None and len(key["entities"]) >= 30


def test_the_documents_are_full_length():
    check_full_length(CORPUS, DOCUMENTS, lambda key: 1600)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_the_pdf_is_paged():
    check_pdfs_are_paged([PDF], 8)


def test_the_word_lists_keep_their_numbers():
    check_word_lists_keep_their_numbers(CORPUS, WORD)
    assert word_part(WORD).count("<w:numPr>") >= 6 + 4 + 4


def test_the_title_parts():
    """The PhD abstract names the old code and both consultants; the Candidate autoreferat has
    «Қолжазба құқығында», the code 10.01.09, the council page and «Қорғауға ұсынылатын негізгі
    тұжырымдар»; the article has ҒТАМР, ӘОЖ, DOI, affiliations, аңдатпа, түйін сөздер, IMRaD,
    «Әдебиеттер» and the Russian and English summaries, in that order."""
    import docx
    start = " ".join(p.text for p in docx.Document(WORD).paragraphs[:12])
    for part in ("Қолжазба құқығында", "6D072800 – Қайта өңдеу өндірістерінің технологиясы",
                 "Философия докторы (PhD)", "Шетелдік ғылыми кеңесші:", "Познань"):
        assert part in start, part
    pages = [" ".join(p.split()) for p in pdf_pages(PDF)]
    for part in ("Қолжазба құқығында", "10.01.09 – Фольклортану", "кандидаты ғылыми дәрежесін", "АВТОРЕФЕРАТЫ"):
        assert part in pages[0], part
    assert "Ресми оппоненттер" in pages[1] and "ОД 53.37.02" in pages[1]
    assert "Қорғауға ұсынылатын негізгі тұжырымдар" in " ".join(pages)
    text = ARTICLE.read_text(encoding="utf-8")
    assert text.startswith("ҒТАМР 61.51.21\nӘОЖ 620.193.4:622.692.4\nhttps://doi.org/10.51301/")
    order = [text.index(s) for s in ("Аңдатпа.", "Түйін сөздер:", "\nКіріспе\n", "\nМатериалдар мен әдістер\n",
                                     "\nНәтижелер\n", "\nТалқылау\n", "\nҚорытынды\n", "\nӘдебиеттер\n",
                                     "Аннотация.", "Abstract.")]
    assert order == sorted(order)


def test_the_word_figures_are_native_charts():
    """Two figures are Word charts: an inline drawing whose graphicData holds only c:chart r:id,
    the text (title, series, categories, cached values, «Парақ1!» references) in chartN.xml, the
    data in an embedded workbook; python-docx reads an empty paragraph before each caption."""
    import docx
    body = word_part(WORD)
    assert body.count('uri="http://schemas.openxmlformats.org/drawingml/2006/chart"') == 2
    assert "Диаграмма 1" in body and "Бақылау үлгісі" not in body
    with zipfile.ZipFile(WORD) as z:
        names = z.namelist()
        types = z.read("[Content_Types].xml").decode("utf-8")
        rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
        chart = z.read("word/charts/chart1.xml").decode("utf-8")
        chart_rels = z.read("word/charts/_rels/chart1.xml.rels").decode("utf-8")
        book = z.read("word/embeddings/Microsoft_Excel_Worksheet1.xlsx")
    assert "word/charts/chart2.xml" in names and "drawingml.chart+xml" in types
    assert rels.count("relationships/chart") == 2 and "relationships/package" in chart_rels
    assert "<c:barChart>" in chart and "<c:f>Парақ1!$B$1</c:f>" in chart and "<c:numCache>" in chart
    assert "Бақылау үлгісі" in chart and "<c:externalData r:id=\"rId1\">" in chart
    assert book[:2] == b"PK"
    paragraphs = docx.Document(WORD).paragraphs
    for i, p in enumerate(paragraphs):
        if re.match(r"[35]-сурет – ", p.text):
            assert paragraphs[i - 1].text == "" and "c:chart" in paragraphs[i - 1]._p.xml


def test_the_pdf_pages_are_cropped_out_of_the_press_sheet():
    """Every page: MediaBox 20 mm beyond the A5 page, CropBox and TrimBox the page itself; the job
    ticket's slug line and the neighbouring page's text lie outside the crop box, in the text
    layer (pdfium reads them), invisible in a viewer."""
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(PDF)
    try:
        for index, page in enumerate(pdf):
            media, crop = page.get_mediabox(), page.get_cropbox()
            assert crop[0] == 0 and crop[1] == 0 and media[0] < -50 and media[2] > crop[2] + 50
            assert page.get_trimbox() == crop
            textpage = page.get_textpage()
            text = textpage.get_text_range().replace("\xa0", " ")
            assert "Avtoreferat_Nurgaliyeva_A5.indd" in text and "Тапсырыс № 0418" in text
            outside = [i for i in range(textpage.count_chars())
                       if textpage.get_text_range(i, 1).strip() and
                       (textpage.get_charbox(i)[2] < crop[0] or textpage.get_charbox(i)[0] > crop[2]
                        or textpage.get_charbox(i)[3] < crop[1])]
            assert len(outside) > 40, index
    finally:
        pdf.close()
