"""The twentieth held-out corpus (tests/fixtures/published-20/, issue #10): nine full-length
abstracts that mix fields - three in engineering, IT and the earth sciences, two in medicine and
veterinary science, four in law, economics, the humanities and education - four Russian, three
Kazakh and two English. Its answer keys say what the documents say, in the first corpus's format,
and the documents are the mix the issue asks for. The files are read with pypdfium2,
python-docx, zipfile and Python's own email package, never with the mappers: the corpus measures
them, so nothing here may depend on what they do. One text file is an e-mail whose body is
quoted-printable: published_keys.py reads text as UTF-8, so its key checks run on a UTF-8 copy
of the decoded body made here. (The mappers' floors are added after the corpus has been measured.)
"""
from __future__ import annotations

import email
import email.policy
import json
import re
import zipfile

from published_keys import (ROOT, check_floors, check_key_format, check_key_says_what_the_document_says,
                            check_the_mix, check_word_lists_keep_their_numbers, documents, pdf_pages)
from published_keys import counted_text

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-20"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", *(f"published-{n}" for n in range(2, 20)))]
DOCUMENTS = documents(CORPUS)
WORD = [p for p in DOCUMENTS if p.suffix == ".docx"]
PDF = [p for p in DOCUMENTS if p.suffix == ".pdf"]
TEXT = [p for p in DOCUMENTS if p.suffix in (".txt", ".md")]


def _is_mail(path) -> bool:
    return path.read_bytes().startswith(b"Return-Path:")


def _text(path) -> str:
    """A text file as a reader reads it: an e-mail saved as .eml is its decoded body."""
    if _is_mail(path):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        return message.get_content()
    return path.read_text(encoding="utf-8")


def _key(path) -> dict:
    return json.loads((CORPUS / "expected" / f"{path.name}.json").read_text(encoding="utf-8"))


def test_the_corpus_is_the_mix_the_issue_asks_for():
    keys = check_the_mix(CORPUS, DOCUMENTS, EARLIER, at_least=9, phd=5, new_fields=9, formats=(2, 3, 2, 2),
                         lang_spread=2, articles=1, candidate=0, doctor=1, incomplete=("provisions",))
    langs = sorted(k["lang"] for k in keys.values())
    assert langs == ["en"] * 2 + ["kk"] * 3 + ["ru"] * 4
    assert [k["lang"] for k in keys.values() if k["kind"] == "article"] == ["kk"]
    assert any(k["degree"] == "doctor" and re.fullmatch(r"\d\d\.\d\d\.\d\d", k["specialty_code"] or "")
               for k in keys.values())
    assert any({"title-page", "provisions"} <= set(k["gaps"]) for k in keys.values())
    assert all(len(k["authors"]) >= 3 for k in keys.values() if k["kind"] == "article")


def test_the_documents_are_full_length():
    """Real abstracts, not sketches (Kazakh words are long: its abstracts have fewer of them for
    the same content)."""
    for path in DOCUMENTS:
        key = _key(path)
        text = counted_text(path, _text)
        floor = {"article": 300, "masters-thesis": 900}.get(key["kind"], 1350 if key["lang"] == "kk" else 1500)
        assert len(text.split()) >= floor, (path.name, len(text.split()))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    # (a file the shared reader cannot decode is checked in the text this test decodes)
    decoded = _text(path) if path.suffix == ".txt" and _is_mail(path) else None
    check_key_says_what_the_document_says(CORPUS, path, decoded)


@pytest.mark.parametrize("path", WORD, ids=lambda p: p.name)
def test_the_word_lists_keep_their_numbers_in_numbering_xml(path):
    check_word_lists_keep_their_numbers(CORPUS, path)


def test_a_pdf_title_page_is_two_columns_kazakh_left_russian_right():
    """The title page as a borderless two-column table: each Kazakh line in the left half of the
    page, its Russian counterpart beside it in the right half."""
    import pypdfium2
    pairs = [("Қолжазба құқығында", "На правах рукописи"), ("ӘОЖ", "УДК"),
             ("Қалба-Нарым белдемі", "Геохимические особенности")]
    for path in PDF:
        pdf = pypdfium2.PdfDocument(path)
        try:
            page = pdf[0]
            width = page.get_size()[0]
            textpage = page.get_textpage()

            def x_of(word):
                searcher = textpage.search(word)
                found = searcher.get_next()
                return None if found is None else textpage.get_charbox(found[0])[0]

            xs = [(x_of(kk), x_of(ru)) for kk, ru in pairs]
        finally:
            pdf.close()
        if all(a is not None and b is not None for a, b in xs):
            assert all(a < width / 2 < b for a, b in xs), xs
            return
    raise AssertionError("no PDF with a Kazakh | Russian two-column title page")


def test_a_pdf_has_a_section_heading_split_by_a_page_break():
    """«ОСНОВНЫЕ ПОЛОЖЕНИЯ, ВЫНОСИМЫЕ» is the last line of one page's text, «НА ЗАЩИТУ» the first
    line after the running header on the next: the page number and the header come between."""
    for path in PDF:
        pages = [[line.strip() for line in t.splitlines() if line.strip()] for t in pdf_pages(path)]
        for here, after in zip(pages, pages[1:]):
            if len(here) > 2 and here[-2] == "ОСНОВНЫЕ ПОЛОЖЕНИЯ, ВЫНОСИМЫЕ":
                assert re.fullmatch(r"\d+", here[-1]), here[-1]
                assert after[0].startswith("Жанабергенов Е.М.") and after[1] == "НА ЗАЩИТУ", after[:2]
                return
    raise AssertionError("no PDF whose heading is split by a page break")


def test_a_word_title_page_is_in_inline_content_controls():
    """The template's title-page fields are inline plain-text content controls (w:sdt with an
    alias, a tag and w:text inside the w:p); python-docx's paragraph text does not see them."""
    import docx
    for path in WORD:
        body = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
        if 'w:alias w:val="Диссертация тақырыбы"' not in body:
            continue
        inline = re.findall(r"<w:p[ >](?:(?!</w:p>).)*?<w:sdt>.*?</w:p>", body, flags=re.S)
        assert len(inline) >= 6 and "<w:text/>" in body
        title = _key(path)["title"]
        assert any(title in "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)) for p in inline)
        paragraphs = docx.Document(path).paragraphs
        empty = [p for p in paragraphs if p._p.xpath(".//w:sdt") and not p.text.strip()]
        assert len(empty) >= 4, "python-docx shows the field-only title lines as empty paragraphs"
        return
    raise AssertionError("no Word file with content controls around its title-page fields")


def test_a_word_file_keeps_its_letterhead_in_the_first_page_header():
    """"Different first page" on, the university's letterhead and «На правах рукописи» in the
    first page's header part, not in the body."""
    for path in WORD:
        with zipfile.ZipFile(path) as z:
            body = z.read("word/document.xml").decode("utf-8")
            rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
            first = re.search(r'<w:headerReference w:type="first" r:id="(\w+)"', body)
            if not first or "<w:titlePg" not in body:
                continue
            target = re.search(rf'Id="{first.group(1)}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{first.group(1)}"',
                               rels)
            header = z.read("word/" + (target.group(1) or target.group(2))).decode("utf-8")
        shown = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", header))
        if "МЕДИЦИНСКИЙ УНИВЕРСИТЕТ КАРАГАНДЫ" in shown:
            assert "На правах рукописи" in shown and "На правах рукописи" not in body
            return
    raise AssertionError("no Word file with a letterhead in its first-page header")


def test_a_text_file_is_an_email_in_quoted_printable():
    """A message saved as .eml under .txt: RFC 5322 headers with encoded words, a text/plain
    UTF-8 body in quoted-printable (=D0=90 … and soft line breaks, lines of at most 78
    characters as the email package folds them), CR LF, every byte ASCII."""
    found = [p for p in TEXT if _is_mail(p)]
    assert found and all(p.name.startswith("ru-") for p in found)
    data = found[0].read_bytes()
    data.decode("ascii")
    head, _, body = data.partition(b"\r\n\r\n")
    assert b"Content-Transfer-Encoding: quoted-printable" in head and b"MIME-Version: 1.0" in head
    assert re.search(rb"^Subject: =\?utf-8\?b\?", head, flags=re.M | re.I)
    assert b"=D0=" in body and b"=\r\n" in body and all(len(line) <= 78 for line in body.split(b"\r\n"))
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert message["Subject"].startswith("Аннотация диссертации")
    assert "Актуальность темы исследования." in message.get_content()


def test_a_markdown_file_is_a_logseq_page():
    """Logseq's page file: page properties «key:: value», every block a «- » bullet (children
    indented by tabs), headings inside bullets, «collapsed:: true», [[page links]], and ordered
    lists numbered by a block property, not by a number in the text."""
    for path in TEXT:
        text = _text(path)
        if "logseq.order-list-type:: number" not in text:
            continue
        lines = [line for line in text.splitlines() if line.strip()]
        assert lines[0].startswith("title:: ") and any(line.startswith("tags:: [[") for line in lines)
        body = lines[next(i for i, line in enumerate(lines) if line.startswith("- ")):]
        assert all(re.match(r"\t*(- |  \S+:: )", line) for line in body), [
            line for line in body if not re.match(r"\t*(- |  \S+:: )", line)][:3]
        assert text.count("logseq.order-list-type:: number") >= 5 and "collapsed:: true" in text
        assert "- ## Objectives" in text and "[[Kazakhstan]]" in text
        assert not re.search(r"(?m)^\t- \d+[.)] ", text)
        return
    raise AssertionError("no Logseq page")


def test_a_markdown_file_is_a_myst_jupyter_book_page():
    """MyST Markdown of a Jupyter Book: jupytext front matter, a «(label)=» target, colon-fenced
    admonition and note, backtick directives (contents, code-cell, list-table, bibliography) and
    roles ({sup}, {numref})."""
    for path in TEXT:
        text = _text(path)
        if "format_name: myst" not in text:
            continue
        assert text.startswith("---\njupytext:") and re.search(r"(?m)^\([\w-]+\)=$", text)
        for mark in (":::{admonition}", ":::{note}", "```{contents}", "```{code-cell} ipython3",
                     "```{list-table}", ":header-rows: 1", "```{bibliography}", "{sup}`1`", "{numref}`"):
            assert mark in text, mark
        return
    raise AssertionError("no MyST page")


def test_a_text_file_has_form_feeds_and_page_x_of_y_numbers():
    """The master's autoreferat as pdftotext leaves it: form feeds between pages, the running
    header on each page after the first, «Стр. N из M» under each."""
    for path in TEXT:
        text = _text(path)
        numbers = re.findall(r"(?m)^Стр\. (\d+) из (\d+)$", text)
        if numbers:
            assert "\f" in text and len({m for _, m in numbers}) == 1 and len(numbers) >= 3
            return
    raise AssertionError("no text file with «Стр. N из M» page numbers")


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 9, 0.99, 0.99, 0.89, 0.83, 0.86


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers as on 2b0d377 (FIRST_MEASUREMENT.txt): 8/9 loaded (a quoted-printable e-mail
    # refused), fields 0.789, first words 0.731, entities P 0.882, R 0.645, F1 0.745. After the
    # fixes made against it (FINAL_MEASUREMENT.txt): 9/9, 1.000, 1.000, 0.901 / 0.842 / 0.870.
    check_floors(CORPUS, 9, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
