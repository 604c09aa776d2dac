"""The English part of the forty-second held-out corpus (tests/fixtures/published-42/, issue #10):
a journal article in phytopathology with Kazakh and Russian summaries (Markdown, a Dropbox Paper
export), a PhD abstract in probability theory (Word) and a PhD abstract in nuclear engineering
(PDF). Its answer keys say what the documents say, in the first corpus's format. The files are
read with pypdfium2, zipfile, python-docx and plain text reading, never with the mappers: the
corpus measures them, so nothing here may depend on what they do. (The mix of the whole corpus is
checked by the lead's test at the merge; the mappers' floors are added after the corpus has been
measured.)
"""
from __future__ import annotations

import datetime
import re

from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, check_word_lists_keep_their_numbers, documents, key_of,
                            pdf_pages, reading)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-42"
DOCUMENTS = [p for p in documents(CORPUS) if p.name.startswith("en-")]
PDF = [p for p in DOCUMENTS if p.suffix == ".pdf"]
ARTICLE = CORPUS / "en-phytopathology-article.md"
WORD = CORPUS / "en-probability-theory-phd.docx"
NUCLEAR = CORPUS / "en-nuclear-engineering-phd.pdf"
FLOOR = 1600
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}"
ATTACHMENT = re.compile(r"!\[\]\(https://paper-attachments\.dropbox\.com/s_([0-9A-F]{64})_(\d{13})_([\w+.-]+)\.png\)")


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _flat(text: str) -> str:
    return " ".join(text.replace("\ufffe", "").replace("\u00ad", "").split())


def test_the_english_part_is_the_three_documents_the_plan_names():
    assert [p.name for p in DOCUMENTS] == sorted([ARTICLE.name, WORD.name, NUCLEAR.name])
    fields = {p.name: _key(p)["field"] for p in DOCUMENTS}
    assert fields == {ARTICLE.name: "phytopathology", WORD.name: "probability theory",
                      NUCLEAR.name: "nuclear engineering"}
    assert all(_key(p)["lang"] == "en" for p in DOCUMENTS)
    assert [_key(p)["kind"] for p in (ARTICLE, WORD, NUCLEAR)] == ["article", "dissertation", "dissertation"]
    assert [_key(p)["degree"] for p in (ARTICLE, WORD, NUCLEAR)] == [None, "phd", "phd"]
    for path in (WORD, NUCLEAR):
        key = _key(path)
        assert key["gaps"] == [] and key["publications_total"]
        assert key["counts"]["provisions"] >= 3 and 4 <= key["counts"]["tasks"] <= 7
        assert 3 <= key["counts"]["novelty"] <= 5
    # the PhD abstracts name a foreign consultant on their title pages
    assert "Scientific consultants:" in _flat(pdf_pages(NUCLEAR)[0])
    assert "scientific consultants:" in reading(WORD)[:2000]
    assert "(sobolev institute of mathematics, novosibirsk, russia)" in reading(WORD)[:2000]


def test_the_article_has_its_parts_in_order_and_three_summaries():
    """The article: UDC, IRSTI, DOI, title, authors with affiliations, Abstract, Keywords, IMRaD
    sections, Funding, References, then the Kazakh «Аңдатпа» and the Russian «Аннотация», each
    with its keywords; three authors, the first of them the key's author."""
    key = _key(ARTICLE)
    assert len(key["authors"]) == 3 and key["author"] == key["authors"][0] and key["keywords"]
    lines = [line.strip().replace("**", "").lstrip("# ") for line in ARTICLE.read_text(encoding="utf-8").split("\n")]
    heads = ("UDC ", "IRSTI ", "https://doi.org/10.", "Abstract.", "Keywords:", "Introduction", "Materials and methods",
             "Results", "Discussion", "Conclusion", "Funding.", "References", "Аңдатпа.", "Түйін сөздер:",
             "Аннотация.", "Ключевые слова:")
    order = [next(i for i, line in enumerate(lines) if line == head or line.startswith(head)) for head in heads]
    assert order == sorted(order), order
    text = _flat(ARTICLE.read_text(encoding="utf-8"))
    assert "S. Seifullin Kazakh Agrotechnical Research University, Astana, Kazakhstan" in text
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


def test_the_pdf_has_a_text_layer_and_page_numbers():
    check_pdfs_are_paged(PDF, 4)


def test_the_word_lists_keep_their_numbers():
    """The Word file's tasks, novelty and provisions are numbered by Word (numbering.xml: a), the
    dash bullet, I.), not typed."""
    check_word_lists_keep_their_numbers(CORPUS, WORD)
    import zipfile
    with zipfile.ZipFile(WORD) as z:
        numbering = z.read("word/numbering.xml").decode("utf-8")
    assert {"lowerLetter", "bullet", "upperRoman"} <= set(re.findall(r'<w:numFmt w:val="(\w+)"', numbering))


def test_the_article_is_a_dropbox_paper_markdown_export():
    """The article as Dropbox Paper's "Download > Markdown" gives it: the doc's working title as a
    «# » first line (not the article's title), the co-authors' @mentions, Paper's to-do items
    «[ ] » / «[x] » with no list marker, assigned by @mention and with the dates Paper's date chips
    print, all before the journal's UDC line; a figure as a link to Paper's attachment store whose
    file name carries the upload time in milliseconds (agreeing with the to-do dates); the table
    as a pipe table; two empty lines before every heading and after the image."""
    raw = ARTICLE.read_text(encoding="utf-8")
    lines = raw.split("\n")
    key = _key(ARTICLE)
    assert lines[0].startswith("# ") and lines[0][2:].strip() and lines[1] == ""
    assert key["title"].casefold() not in lines[0].casefold()
    furniture = lines[:lines.index(next(line for line in lines if line.startswith("UDC ")))]
    surnames = [a.split()[0] for a in key["authors"]]
    mentions = re.findall(r"@([A-Z][a-z]+ [A-Z][a-z]+)", "\n".join(furniture))
    assert {m.split()[1] for m in mentions} == set(surnames)
    assert furniture[2] == " ".join(f"@{m}" for m in dict.fromkeys(mentions[:3]))
    todos = [line for line in furniture if re.match(r"\[[ x]\] ", line)]
    assert len(todos) >= 4 and any(t.startswith("[x] ") for t in todos) and any(t.startswith("[ ] ") for t in todos)
    assert all(re.match(r"\[[ x]\] @[A-Z]", t) for t in todos)
    assert not re.search(r"(?m)^\s*[-*+] \[[ x]\]", raw), "Paper writes no list marker before a to-do box"
    dates = [datetime.datetime.strptime(d, "%b %d, %Y").date() for t in todos for d in re.findall(MONTH, t)]
    assert len(dates) >= 3
    # the figure: Paper's attachment store, the upload time in the name
    images = [ATTACHMENT.fullmatch(line) for line in lines if line.startswith("![")]
    assert len(images) == 1 and images[0]
    uploaded = datetime.datetime.fromtimestamp(int(images[0].group(2)) / 1000, datetime.timezone.utc).date()
    assert min(dates) <= uploaded <= max(dates)
    assert "\n\n\n" + images[0].group(0) not in raw and images[0].group(0) + "\n\n\n" in raw
    # the pipe table and Paper's spacing around headings
    assert re.search(r"(?m)^\| \*\*Species\*\* \|.*\n\|( -+ \|)+$", raw)
    headings = [i for i, line in enumerate(lines) if line.startswith("## ")]
    assert len(headings) >= 6 and all(lines[i - 1] == lines[i - 2] == "" and lines[i - 3] for i in headings)
    # the furniture names no entity of the key: the persons mentioned are the authors
    told = " ".join(furniture).casefold()
    assert not [e["text"] for e in key["entities"] if e["text"].casefold() in told]
