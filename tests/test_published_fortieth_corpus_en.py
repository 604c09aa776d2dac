"""The English part of the fortieth held-out corpus (tests/fixtures/published-40/, issue #10): a
journal article in psycholinguistics with Kazakh and Russian summaries (text), a PhD abstract in
orthopaedics (PDF, converted by an evaluation copy of Aspose.Words) and a PhD abstract in
linguistic typology without relevance and publications (Markdown). Its answer keys say what the
documents say, in the first corpus's format. The files are read with pypdfium2 and plain text
reading, never with the mappers: the corpus measures them, so nothing here may depend on what they
do. (The mix of the whole corpus is checked by the lead's test at the merge; the mappers' floors
are added after the corpus has been measured.)
"""
from __future__ import annotations

import ctypes
import re

from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, documents, key_of, pdf_pages)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-40"
DOCUMENTS = [p for p in documents(CORPUS) if p.name.startswith("en-")]
PDF = [p for p in DOCUMENTS if p.suffix == ".pdf"]
ARTICLE = CORPUS / "en-psycholinguistics-article.txt"
ASPOSE = CORPUS / "en-orthopaedics-phd.pdf"
GAPPED = CORPUS / "en-linguistic-typology-phd-no-relevance-publications.md"
FLOOR = 1600

ASPOSE_TOP = "Evaluation Only. Created with Aspose.Words. Copyright 2003-2024 Aspose Pty Ltd."
ASPOSE_END = ("Created with an evaluation copy of Aspose.Words. To remove all limitations, you can use "
              "Free Temporary License https://products.aspose.com/words/temporary-license/")


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _flat(text: str) -> str:
    return " ".join(text.replace("\ufffe", "").replace("\u00ad", "").split())


def test_the_english_part_is_the_three_documents_the_plan_names():
    assert [p.name for p in DOCUMENTS] == sorted([ARTICLE.name, ASPOSE.name, GAPPED.name])
    fields = {p.name: _key(p)["field"] for p in DOCUMENTS}
    assert fields == {ARTICLE.name: "psycholinguistics", ASPOSE.name: "orthopaedics",
                      GAPPED.name: "linguistic typology"}
    assert all(_key(p)["lang"] == "en" for p in DOCUMENTS)
    assert [_key(p)["kind"] for p in (ARTICLE, ASPOSE, GAPPED)] == ["article", "dissertation", "dissertation"]
    assert [_key(p)["degree"] for p in (ARTICLE, ASPOSE, GAPPED)] == [None, "phd", "phd"]
    # the complete PhD abstract has the usual lists, the gapped one lacks only relevance and publications
    key = _key(ASPOSE)
    assert key["gaps"] == [] and key["counts"]["provisions"] >= 3 and 4 <= key["counts"]["tasks"] <= 7
    assert 3 <= key["counts"]["novelty"] <= 5 and key["publications_total"]
    assert _key(GAPPED)["gaps"] == ["relevance", "publications"] and _key(GAPPED)["publications_total"] is None
    # the PhD abstracts name a foreign consultant on their title pages
    assert "Scientific consultants:" in _flat(pdf_pages(ASPOSE)[0])
    assert re.search(r"consultants?:", GAPPED.read_text(encoding="utf-8")[:3000], flags=re.I)


def test_the_article_has_its_parts_in_order_and_three_summaries():
    """The article: UDC, IRSTI, DOI, title, authors with affiliations, Abstract, Keywords, IMRaD
    sections, References, then the Kazakh «Аңдатпа» and the Russian «Аннотация», each with its
    keywords; three authors, the first of them the key's author."""
    key = _key(ARTICLE)
    assert len(key["authors"]) == 3 and key["author"] == key["authors"][0] and key["keywords"]
    lines = [line.strip() for line in ARTICLE.read_text(encoding="utf-8").split("\n")]
    heads = ("UDC ", "IRSTI ", "https://doi.org/10.", "Abstract.", "Keywords:", "Introduction", "Materials and methods",
             "Results", "Discussion", "Conclusion", "References", "Аңдатпа.", "Түйін сөздер:", "Аннотация.",
             "Ключевые слова:")
    order = [next(i for i, line in enumerate(lines) if line == head or line.startswith(head)) for head in heads]
    assert order == sorted(order), order
    text = _flat(ARTICLE.read_text(encoding="utf-8"))
    assert "Al-Farabi Kazakh National University, Almaty, Kazakhstan" in text


def test_a_dissertation_has_no_relevance_and_no_publications():
    """The linguistic typology abstract has its title page, degree of study, aim, objectives,
    object, subject, hypothesis, basis, methods, novelty, provisions, significance, reliability,
    approbation and structure, but no relevance of the topic and no list or count of publications."""
    key = _key(GAPPED)
    assert key["counts"]["tasks"] >= 4 and key["counts"]["novelty"] >= 3 and key["counts"]["provisions"] >= 3
    text = _flat(GAPPED.read_text(encoding="utf-8")).casefold()
    for there in ("degree of elaboration", "aim of the research", "objectives of the research", "object of the research",
                  "subject of the research", "scientific novelty", "provisions submitted for defence",
                  "approbation of the results", "structure and volume of the dissertation"):
        assert there in text, there
    for missing in ("relevance", "topical", "urgency", "publications", "published", "scopus", "articles in journals"):
        assert missing not in text, missing


def test_the_documents_are_full_length():
    """The dissertations hold at least 1,600 words, the article 1,000, counted as
    published_keys.counted_text counts them."""
    check_full_length(CORPUS, DOCUMENTS, lambda key: 1000 if key["kind"] == "article" else FLOOR)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_the_pdf_has_a_text_layer_and_page_numbers():
    check_pdfs_are_paged(PDF, 4)


def test_a_pdf_was_converted_by_an_evaluation_copy_of_aspose_words():
    """The orthopaedics abstract as a site's document service converts an uploaded Word file with
    an unlicensed Aspose.Words: the red evaluation line at the top of every page (the first line of
    each page's text, before the running header and the title page), the red evaluation paragraph
    after the last paragraph of the text, /Creator and /Producer of Aspose.Words; the notices in
    another font than the text."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    pages = pdf_pages(ASPOSE)
    assert len(pages) >= 5
    for text in pages:
        assert text.replace("\r", "").split("\n")[0].strip() == ASPOSE_TOP
    assert _flat(pages[0]).startswith(ASPOSE_TOP + ' NON-PROFIT JOINT STOCK COMPANY "ASTANA MEDICAL UNIVERSITY"')
    last = _flat(pages[-1])
    assert ASPOSE_END in last and last.index("rehabilitation after early discharge.") < last.index(ASPOSE_END)
    assert sum(_flat(t).count(ASPOSE_TOP) for t in pages) == len(pages)
    assert sum(_flat(t).count("Aspose") for t in pages) == 2 * len(pages) + 1
    pdf = pdfium.PdfDocument(ASPOSE)
    try:
        assert pdf.get_metadata_value("Creator") == "Aspose.Words"
        assert pdf.get_metadata_value("Producer").startswith("Aspose.Words for .NET ")
        for index in (0, len(pdf) - 1):
            notices, fonts = [], {}
            page = pdf[index]
            textpage = page.get_textpage()
            for obj in page.get_objects():
                if obj.type != raw.FPDF_PAGEOBJ_TEXT:
                    continue
                size = raw.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
                buffer = ctypes.create_string_buffer(size)
                raw.FPDFTextObj_GetText(obj.raw, textpage.raw, ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)), size)
                text = buffer.raw.decode("utf-16-le").rstrip("\0")
                name = ctypes.create_string_buffer(128)
                raw.FPDFFont_GetBaseFontName(raw.FPDFTextObj_GetFont(obj.raw), name, 128)
                r, g, b, a = (ctypes.c_uint() for _ in range(4))
                raw.FPDFPageObj_GetFillColor(obj.raw, r, g, b, a)
                if "Aspose" in text or "temporary-license" in text:
                    notices.append(((r.value, g.value, b.value), name.value.decode("latin-1")))
                elif text.strip():
                    fonts[name.value.decode("latin-1")] = fonts.get(name.value.decode("latin-1"), 0) + 1
            assert notices and all(colour == (255, 0, 0) for colour, _ in notices), notices
            assert all("Sans" in font for _, font in notices), notices
            # the text itself is LibreOffice's Liberation Serif (a Heading 2 may be sans-serif)
            assert sum(n for font, n in fonts.items() if "Serif" in font) > sum(fonts.values()) / 2, fonts
    finally:
        pdf.close()
