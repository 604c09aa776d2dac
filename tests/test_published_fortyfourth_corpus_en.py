"""The English part of the forty-fourth held-out corpus (tests/fixtures/published-44/, issue #10):
a journal article in quantitative finance with Kazakh and Russian summaries (PDF, as SSRN serves
it: the series' cover page first and SSRN's stamp on the foot of every page), a PhD abstract in
control theory (Word) and a PhD abstract in heritage conservation (Markdown). Its answer keys say
what the documents say, in the first corpus's format. The files are read with pypdfium2, zipfile,
python-docx and plain text reading, never with the mappers: the corpus measures them, so nothing
here may depend on what they do. (The mix of the whole corpus is checked by the lead's test at the
merge; the mappers' floors are added after the corpus has been measured.)
"""
from __future__ import annotations

import re
import zipfile

import pypdfium2
from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_word_lists_keep_their_numbers, documents, key_of, pdf_pages, reading)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-44"
DOCUMENTS = [p for p in documents(CORPUS) if p.name.startswith("en-")]
ARTICLE = CORPUS / "en-quantitative-finance-article.pdf"
WORD = CORPUS / "en-control-theory-phd.docx"
HERITAGE = CORPUS / "en-heritage-conservation-phd.md"
FLOOR = 1600
SSRN_URL = "https://ssrn.com/abstract=4712345"
STAMP = f"Electronic copy available at: {SSRN_URL}"
FOOTER = "Central Asian Economic Review · No. 1 (154) · 2024"


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _flat(text: str) -> str:
    return " ".join(text.replace("\ufffe", "-").replace("\u00ad", "").split())


def test_the_english_part_is_the_three_documents_the_plan_names():
    assert [p.name for p in DOCUMENTS] == sorted([ARTICLE.name, WORD.name, HERITAGE.name])
    fields = {p.name: _key(p)["field"] for p in DOCUMENTS}
    assert fields == {ARTICLE.name: "quantitative finance", WORD.name: "control theory",
                      HERITAGE.name: "heritage conservation"}
    assert all(_key(p)["lang"] == "en" for p in DOCUMENTS)
    assert [_key(p)["kind"] for p in (ARTICLE, WORD, HERITAGE)] == ["article", "dissertation", "dissertation"]
    assert [_key(p)["degree"] for p in (ARTICLE, WORD, HERITAGE)] == [None, "phd", "phd"]
    for path in (WORD, HERITAGE):
        key = _key(path)
        assert key["gaps"] == [] and key["publications_total"] and key["specialty_code"].startswith("8D")
        assert key["counts"]["provisions"] >= 3 and 4 <= key["counts"]["tasks"] <= 7
        assert 3 <= key["counts"]["novelty"] <= 5
    # the PhD abstracts name a foreign consultant on their title pages
    assert "(université grenoble alpes, france)" in reading(WORD)[:2000]
    assert "(politecnico di milano, italy)" in reading(HERITAGE)[:2000]


def test_the_article_has_its_parts_in_order_and_three_summaries():
    """The article: UDC, IRSTI, DOI, title, authors with affiliations, Abstract, Keywords, IMRaD
    sections, Funding, References, then the Kazakh «Аңдатпа» and the Russian «Аннотация», each
    with its keywords; three authors, the first of them the key's author."""
    key = _key(ARTICLE)
    assert len(key["authors"]) == 3 and key["author"] == key["authors"][0] and key["keywords"]
    pages = pdf_pages(ARTICLE)
    lines = [line.strip() for page in pages[1:] for line in page.splitlines()]
    heads = ("UDC ", "IRSTI ", "DOI: https://doi.org/10.", "Abstract.", "Keywords:", "Introduction",
             "Literature review", "Data and methods", "Results", "Discussion", "Conclusion", "Funding.",
             "References", "Аңдатпа.", "Түйін сөздер:", "Аннотация.", "Ключевые слова:")
    order = [next(i for i, line in enumerate(lines) if line == head or line.startswith(head)) for head in heads]
    assert order == sorted(order), order
    text = _flat("\n".join(pages[1:]))
    for place in ("Narxoz University, Almaty, Kazakhstan", "KIMEP University, Almaty, Kazakhstan",
                  "Astana International Financial Centre Academy, Astana, Kazakhstan"):
        assert place in text
    assert key["title"].upper() in text


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


def test_the_pdf_has_a_text_layer_and_the_journals_page_numbers():
    """Every page has text; the journal's pages carry its own numbers, 49 on (its first page, 48,
    shows none), one PDF page later than they stand, since SSRN's cover comes first. On the pages
    where SSRN's stamp overlaps the footer, pdfium gives the number and the stamp on one line."""
    pages = pdf_pages(ARTICLE)
    assert len(pages) >= 5 and all(len(t.split()) > 20 for t in pages)
    for index, page in enumerate(pages[2:], 2):
        number = 48 + index - 1
        assert re.search(rf"(?m)^\s*(?:{re.escape(FOOTER)}\s+)?{number}(?:\s+{re.escape(STAMP)})?\s*$", page), index
    assert not re.search(r"(?m)^\s*(?:\S.*\s)?48\s*$", pages[1])


def test_the_word_lists_keep_their_numbers():
    """The Word file's tasks, novelty and provisions are numbered by Word (numbering.xml: i), 1.,
    A.), not typed."""
    check_word_lists_keep_their_numbers(CORPUS, WORD)
    with zipfile.ZipFile(WORD) as z:
        numbering = z.read("word/numbering.xml").decode("utf-8")
    assert {"lowerRoman", "decimal", "upperLetter"} <= set(re.findall(r'<w:numFmt w:val="(\w+)"', numbering))


def test_the_markdown_lists_are_lettered_roman_and_numbered():
    raw = HERITAGE.read_text(encoding="utf-8")
    key = _key(HERITAGE)
    assert len(re.findall(r"(?m)^[a-e]\) to ", raw)) == key["counts"]["tasks"]
    assert re.findall(r"(?m)^(i|ii|iii|iv)\) ", raw) == ["i", "ii", "iii", "iv"]
    assert len(re.findall(r"(?m)^[1-4]\. [A-Z]", raw)) == key["counts"]["provisions"]
    assert len(re.findall(r"(?m)^## ", raw)) >= 3


def _lines_with_boxes(page) -> list[tuple[str, tuple[float, float, float, float]]]:
    textpage = page.get_textpage()
    return [(textpage.get_text_bounded(*textpage.get_rect(i)).strip(), textpage.get_rect(i))
            for i in range(textpage.count_rects())]


def test_the_article_is_served_by_ssrn_with_a_cover_page():
    """SSRN's file: the series' cover page first (series, number, the title, the authors over
    their institutions, the date, «This paper can be downloaded without charge from the Social
    Science Research Network Electronic Paper Collection:» and the abstract's URL), none of the
    journal's furniture on it; the journal's first page (UDC, IRSTI, DOI) is the PDF's second."""
    pages = pdf_pages(ARTICLE)
    cover = _flat(pages[0])
    assert cover.startswith("Narxoz University Graduate School of Business Research Paper Series No. 24-07")
    assert "Volatility clustering, tail risk and Value-at-Risk of the Kazakhstan stock market: evidence " \
           "from GARCH-family models" in cover
    for name, place in (("Aizhan B. Seitkali", "Narxoz University"), ("Zhanna K. Omarova", "KIMEP University"),
                        ("Ruslan M. Kenzhebekov", "Astana International Financial Centre Academy")):
        assert f"{name} {place}" in cover
    assert "January 2024" in cover
    assert ("This paper can be downloaded without charge from the Social Science Research Network Electronic "
            f"Paper Collection: {SSRN_URL}") in cover
    assert "UDC" not in cover and "CENTRAL ASIAN ECONOMIC REVIEW" not in cover and FOOTER not in cover
    assert _flat(pages[1]).startswith("UDC 336.761.6 IRSTI 06.73.55 DOI: https://doi.org/10.52821/")
    # the cover's names are the authors' (a title page: nothing on it that only it says is a key entity)
    told = {e["text"] for e in _key(ARTICLE)["entities"]}
    assert not told & {"Narxoz University", "KIMEP University", "Narxoz", "KIMEP"}
    pdf = pypdfium2.PdfDocument(ARTICLE)
    try:
        assert pdf[0].get_size() == pdf[1].get_size()
    finally:
        pdf.close()


def test_every_page_carries_ssrns_stamp_at_its_foot_sometimes_over_the_footer():
    """«Electronic copy available at: https://ssrn.com/abstract=4712345» once on every page, the
    cover included, at the foot of the page (below 50 pt); on some journal pages its box overlaps
    the box of the journal's own footer, on others it stands under it."""
    pdf = pypdfium2.PdfDocument(ARTICLE)
    overlapping = separate = 0
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            text = page.get_textpage().get_text_range()
            assert text.count(STAMP) == 1, index
            textpage = page.get_textpage()
            start = text.index(STAMP)
            # the stamp's characters lie at the foot of the page
            boxes = [textpage.get_charbox(start + i) for i in range(len(STAMP)) if not STAMP[i].isspace()]
            assert max(box[3] for box in boxes) < 50, index
            stamp_bottom, stamp_top = min(b[1] for b in boxes), max(b[3] for b in boxes)
            if FOOTER in text:
                foot = text.index(FOOTER)
                fboxes = [textpage.get_charbox(foot + i) for i in range(len(FOOTER)) if not FOOTER[i].isspace()]
                footer_bottom = min(b[1] for b in fboxes)
                if stamp_top > footer_bottom:
                    overlapping += 1
                else:
                    separate += 1
    finally:
        pdf.close()
    assert overlapping >= 1 and separate >= 1, (overlapping, separate)
