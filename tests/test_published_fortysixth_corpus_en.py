"""The English third of the forty-sixth held-out corpus (tests/fixtures/published-46/, issue #10): a
PhD abstract in topology (PDF typeset with XeLaTeX), a journal article in gerontology (text, as
Apache PDFBox's ExtractText gives the journal's two-column PDF) and a PhD abstract in Iranian
studies without relevance and methods sections (Markdown, as the MarkDownload browser extension
clips the council's web page). Their answer keys say what the documents say, in the first corpus's
format. The files are read with pypdfium2 and plain text reading, never with the mappers: the
corpus measures them, so nothing here may depend on what they do. The mix of the whole corpus
(check_the_mix) and the mappers' floors are the lead's, added at the merge and after the
measurement.
"""
from __future__ import annotations

import ctypes
import re

import pypdfium2
import pytest

from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, key_of, pdf_pages, pdf_text, reading)

CORPUS = ROOT / "tests" / "fixtures" / "published-46"
TOPOLOGY = CORPUS / "en-topology-phd.pdf"
AGEING = CORPUS / "en-gerontology-article.txt"
IRAN = CORPUS / "en-iranian-studies-phd-no-relevance-methods.md"
FILES = [TOPOLOGY, AGEING, IRAN]
FLOOR = 1600
HEADER = "Abstract of the PhD dissertation of D.E. Serikbayeva – 8D05401 Mathematics"
JOURNAL = "Наука и Здравоохранение, 2024 (Т.26), №4 · Science & Healthcare, 2024 (Vol.26) No 4"


def _key(path) -> dict:
    return key_of(CORPUS, path)


def test_the_english_part_is_what_the_brief_asks_for():
    """Two PhD abstracts (PDF, Markdown) and a journal article by three authors (text); fields
    topology, gerontology and Iranian studies; the Iranian studies abstract without relevance and
    methods; the article without counts."""
    assert all(p.exists() for p in FILES)
    assert sorted(p.name for p in CORPUS.glob("en-*.*")) == sorted(p.name for p in FILES)
    keys = {p: _key(p) for p in FILES}
    assert {p.name: k["field"] for p, k in keys.items()} == {
        TOPOLOGY.name: "topology", AGEING.name: "gerontology", IRAN.name: "Iranian studies"}
    assert [(keys[p]["kind"], keys[p]["degree"]) for p in FILES] == [
        ("dissertation", "phd"), ("article", None), ("dissertation", "phd")]
    assert keys[TOPOLOGY]["specialty_code"] == "8D05401" and keys[IRAN]["specialty_code"] == "6D020900"
    assert keys[TOPOLOGY]["gaps"] == [] and keys[AGEING]["gaps"] == []
    assert keys[IRAN]["gaps"] == ["relevance", "methods"]
    article = keys[AGEING]
    assert len(article["authors"]) == 3 and article["author"] == article["authors"][0]
    assert article["counts"] == {"provisions": 0, "tasks": 0, "novelty": 0}
    assert article["publications_total"] is None and len(article["keywords"]) == 7
    for path in (TOPOLOGY, IRAN):
        key = keys[path]
        assert key["publications_total"] and key["counts"]["provisions"] == 4
        assert key["counts"]["tasks"] == 5 and key["counts"]["novelty"] == 4
    assert all(len(k["entities"]) >= 60 for k in keys.values())


def test_the_documents_are_full_length():
    """Each holds at least 1,600 words, counted as published_keys.counted_text counts them."""
    check_full_length(CORPUS, FILES, lambda key: FLOOR)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_the_iranian_studies_abstract_has_no_relevance_and_no_methods_section():
    """It opens with the topic and the aim; no heading or run-in names relevance or methods."""
    raw = IRAN.read_text(encoding="utf-8")
    runins = re.findall(r"\*\*([^*]+?)[.:]?\*\*", raw)
    assert runins[2].startswith("Topic of the research") and runins[3].startswith("Aim of the research")
    assert not re.search(r"(?i)relevan|actuality|topicality", raw)
    assert not re.search(r"(?im)^(#+ |\*\*).*method", raw)


# ---------------------------------------------------------------- XeLaTeX

def _pdf_bytes() -> bytes:
    return TOPOLOGY.read_bytes()


def test_the_pdf_is_typeset_by_xelatex():
    """xdvipdfmx's Producer, hyperref's Creator, Latin Modern fonts embedded as subsets (a random
    six-letter tag and a plus), Latin Modern Math among them; no LibreOffice trace."""
    pdf = pypdfium2.PdfDocument(TOPOLOGY)
    try:
        info = pdf.get_metadata_dict()
        page = pdf[1]
        textpage = page.get_textpage()
        fonts = set()
        buffer = ctypes.create_string_buffer(256)
        flags = ctypes.c_int()
        for i in range(textpage.count_chars()):
            n = pypdfium2.raw.FPDFText_GetFontInfo(textpage, i, buffer, 256, ctypes.byref(flags))
            fonts.add(buffer.raw[:max(n - 1, 0)].decode("latin-1"))
    finally:
        pdf.close()
    assert re.fullmatch(r"xdvipdfmx \(\d+\)", info["Producer"]) and info["Creator"] == "LaTeX with hyperref"
    assert any(re.fullmatch(r"[A-Z]{6}\+LMRoman12-Regular(-Identity-H)?", f) for f in fonts), fonts
    assert any(re.fullmatch(r"[A-Z]{6}\+LatinModernMath-Regular(-Identity-H)?", f) for f in fonts), fonts
    assert b"LibreOffice" not in _pdf_bytes()


def test_the_pdf_is_paged_with_its_header_and_tex_list_labels():
    """Pages numbered at the foot, the running header on every page after the title page; the
    lists' labels as enumerate sets them: tasks «1)», novelty and provisions «1.»."""
    check_pdfs_are_paged([TOPOLOGY], 5)
    pages = pdf_pages(TOPOLOGY)
    assert HEADER not in pages[0] and all(HEADER in page for page in pages[1:])
    text = "\n".join(pages)
    assert re.findall(r"(?m)^\s*([1-5])\) to ", text) == ["1", "2", "3", "4", "5"]
    assert len(re.findall(r"(?m)^\s*[1-4]\. (?:it is|closed|an infinite|a new|The Rasmussen|The function|On the|The smooth)", text)) == 8


def test_the_text_layer_holds_math_letters_and_tex_typography():
    """unicode-math's mathematical italic letters for the formulas of the running text (𝐾, 𝜏, 𝑠,
    𝑔 with a bare 4), fraktur 𝔰𝔩; TeX's curly apostrophe where a straight one was typed
    (Freedman’s theorem); TeX's hyphenation at line ends; and no formula holds an entity."""
    text = pdf_text(TOPOLOGY)
    for glyph in ("𝐾", "𝜏", "𝑠", "𝑔", "𝜀", "𝔰𝔩", "𝒞"):
        assert glyph in text, glyph
    # the subscript sits lower: pdfium may break the line between 𝑔4 and (𝐾)
    assert re.search(r"𝑔4\s*\(𝐾\)", text)
    assert "Freedman’s theorem" in text and "Freedman's" not in text
    assert text.count("\ufffe") >= 5          # pdfium's mark of a hyphen at a line end
    told = [e["text"] for e in _key(TOPOLOGY)["entities"]]
    assert not [t for t in told if re.search(r"[\U0001D400-\U0001D7FF]", t)]


# ---------------------------------------------------------------- PDFBox ExtractText

def _ageing_lines() -> list[str]:
    return AGEING.read_text(encoding="utf-8").split("\n")


def test_pdfbox_gives_each_printed_line_a_line_and_no_blank_lines():
    """ExtractText writes each line of the PDF as a line of text: the narrow column's short lines,
    no blank line between paragraphs, no form feed, and the double spaces of justified lines."""
    raw = AGEING.read_text(encoding="utf-8")
    lines = _ageing_lines()
    assert "\f" not in raw and "\n\n" not in raw.strip()
    body = lines[lines.index("Introduction"):]
    assert max(len(line) for line in body if not line.startswith(JOURNAL)) <= 60
    assert sum("  " in line for line in lines) >= 100


def test_pdfbox_leaves_the_furniture_in_the_stream_order():
    """The journal's running header of pages 2–5 (the first page has none) stands at each page's
    top in the stream, so the first one splits a sentence that runs on from page 1; the footer and
    the page number on one line «ORIGINAL ARTICLE    88»."""
    lines = _ageing_lines()
    headers = [i for i, line in enumerate(lines) if line == JOURNAL]
    assert len(headers) == 4
    first = headers[0]
    assert lines[first - 1].endswith("Quality  of") and lines[first + 1].startswith("Life of Older Persons")
    assert re.findall(r"(?m)^ORIGINAL ARTICLE\s+(\d+)$", "\n".join(lines)) == ["88", "89", "90", "91"]


def test_pdfbox_keeps_the_line_end_hyphens_and_the_columns_in_order():
    """Words broken at a column's line end keep their hyphen («pre-» / «frailty»), and the left
    column's text comes before the right's: the introduction's paragraphs in reading order."""
    raw = AGEING.read_text(encoding="utf-8")
    assert len(re.findall(r"\w-\n\w", raw)) >= 3
    text = reading(AGEING)
    assert text.index("the ageing of the population") < text.index("the state has responded") \
        < text.index("frailty is understood") < text.index("meta-analyses report")


# ---------------------------------------------------------------- MarkDownload

def test_markdownload_writes_its_front_matter_title_and_excerpt():
    """The default template: front matter (created with the UTC offset, tags in brackets, source,
    an empty author), «# » and the page's title, «> ## Excerpt», the excerpt, a rule."""
    lines = IRAN.read_text(encoding="utf-8").split("\n")
    assert lines[0] == "---" and lines[5] == "---"
    assert re.fullmatch(r"created: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d \(UTC [+-]\d\d:\d\d\)", lines[1])
    assert re.fullmatch(r"tags: \[.+\]", lines[2]) and lines[3].startswith("source: https://")
    assert lines[4] == "author: "
    assert lines[7].startswith("# Announcement of the defence") and lines[9] == "> ## Excerpt"
    assert lines[10].startswith("> ") and lines[12] == "---"


def test_turndown_writes_lists_and_escapes_as_it_does():
    """Turndown's «1.  » (two spaces) for the tasks' <ol>, «-   » (three) for the novelty's <ul>,
    the typed provisions' «1\\.» escaped, «\\_» in a link's text; headings ATX, no setext."""
    raw = IRAN.read_text(encoding="utf-8")
    assert re.findall(r"(?m)^(\d)\.  to ", raw) == ["1", "2", "3", "4", "5"]
    assert len(re.findall(r"(?m)^-   ", raw)) == 4
    assert re.findall(r"(?m)^(\d)\\\. ", raw) == ["1", "2", "3", "4"]
    assert "[abstract\\_en\\_Nurgaliyeva.pdf](https://" in raw
    assert re.findall(r"(?m)^## ", raw) and not re.search(r"(?m)^(===+|---+)\n(?!\n)", raw.split("\n---\n", 2)[-1])
