"""The Russian third of the forty-first held-out corpus (tests/fixtures/published-41/, issue #10): a
journal article in sports medicine kept as an iA Writer 7 file (Markdown), a PhD abstract in
clinical psychology (Word) and a PhD abstract in radiochemistry set with drop caps (PDF). Their
answer keys say what the documents say, in the first corpus's format. The files are read with
pypdfium2, python-docx, zipfile and plain text reading, never with the mappers: the corpus measures
them, so nothing here may depend on what they do. The mix of the whole corpus (check_the_mix) and
the mappers' floors are the lead's, added at the merge and after the measurement.
"""
from __future__ import annotations

import ctypes
import hashlib
import re
import zipfile

import pytest

from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, check_word_lists_keep_their_numbers, key_of, pdf_pages)

CORPUS = ROOT / "tests" / "fixtures" / "published-41"
ARTICLE = CORPUS / "ru-sports-medicine-article.md"
PSYCHOLOGY = CORPUS / "ru-clinical-psychology-phd.docx"
RADIOCHEMISTRY = CORPUS / "ru-radiochemistry-phd.pdf"
FILES = [ARTICLE, PSYCHOLOGY, RADIOCHEMISTRY]


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _flat(text: str) -> str:
    return " ".join(text.replace("\ufffe", "").replace("\u00ad", "").split())


def _docx_paragraphs(path) -> list[str]:
    import docx
    return [p.text for p in docx.Document(path).paragraphs]


def test_the_russian_part_is_what_the_brief_asks_for():
    """Three Russian documents: a journal article (Markdown) and two PhD abstracts (Word, PDF); fields
    sports medicine, clinical psychology and radiochemistry; every list a PhD key counts is there."""
    keys = {p.name: _key(p) for p in FILES}
    assert all(p.exists() for p in FILES)
    assert {k["lang"] for k in keys.values()} == {"ru"}
    assert [k["format"] for k in keys.values()] == ["md", "docx", "pdf"]
    assert [k["field"] for k in keys.values()] == ["sports medicine", "clinical psychology", "radiochemistry"]
    assert [(k["kind"], k["degree"]) for k in keys.values()] == [
        ("article", None), ("dissertation", "phd"), ("dissertation", "phd")]
    article = keys[ARTICLE.name]
    assert len(article["authors"]) == 3 and article["author"] == article["authors"][0]
    assert len(article["keywords"]) >= 5 and not any(article["counts"].values())
    for path in (PSYCHOLOGY, RADIOCHEMISTRY):
        k = keys[path.name]
        assert k["specialty_code"].startswith("8D") and k["institution"] and k["publications_total"]
        assert not k["gaps"] and k["counts"]["provisions"] >= 3
        assert 4 <= k["counts"]["tasks"] <= 7 and 3 <= k["counts"]["novelty"] <= 5
    # the article: UDC, IRSTI, DOI, affiliations, IMRaD, references, then the Kazakh and English summaries
    text = ARTICLE.read_text(encoding="utf-8")
    for part in ("МРНТИ 76.35.41", "УДК 616.12", "https://doi.org/10.34689/", "**Аннотация.**",
                 "**Ключевые слова:**", "## Введение", "## Материалы и методы", "## Результаты",
                 "## Обсуждение", "## Выводы", "## Список литературы", "**Аңдатпа.**", "**Түйін сөздер:**",
                 "**Abstract.**", "**Keywords:**"):
        assert part in text, part
    assert text.index("## Список литературы") < text.index("**Аңдатпа.**") < text.index("**Abstract.**")
    # the PhD abstracts: a foreign consultant on the title page
    word_start = _flat(" ".join(_docx_paragraphs(PSYCHOLOGY)[:12]))
    first_page = _flat(pdf_pages(RADIOCHEMISTRY)[0])
    for start in (word_start, first_page):
        assert "Научные консультанты:" in start and re.search(r"\((?:[^()]*), (Россия|Финляндия)\)", start)


def test_the_documents_are_full_length():
    check_full_length(CORPUS, FILES, lambda key: 1000 if key["kind"] == "article" else 1600)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_the_word_lists_keep_their_numbers_in_numbering_xml():
    check_word_lists_keep_their_numbers(CORPUS, PSYCHOLOGY)
    with zipfile.ZipFile(PSYCHOLOGY) as z:
        numbering = z.read("word/numbering.xml").decode("utf-8")
    # tasks а), novelty –, provisions «Положение 1.» (a word inside w:lvlText)
    assert '<w:numFmt w:val="russianLower"/>' in numbering and '<w:lvlText w:val="%1)"/>' in numbering
    assert '<w:lvlText w:val="–"/>' in numbering and '<w:lvlText w:val="Положение %1."/>' in numbering


def test_the_pdf_has_a_text_layer_and_page_numbers():
    check_pdfs_are_paged([RADIOCHEMISTRY], 5)
    pages = [_flat(t) for t in pdf_pages(RADIOCHEMISTRY)]
    assert all(p.startswith("Байжанова А.Т. Формы нахождения") for p in pages[1:])
    body = " ".join(pages[1:])
    for part in ("1) Отобрать", "6) Разработать", "I. Впервые", "IV. Предложена", "1. Распределение",
                 "4. Модифицированная", "Түйін", "Summary"):
        assert part in body, part


# ---------------------------------------------------------------- the traps

def _annotations(text: str) -> tuple[str, list[str]]:
    body, sep, block = text.rpartition("\n---\n")
    assert sep and block.endswith("...\n"), "no annotation block at the end"
    return body, block[:-len("...\n")].splitlines()


def test_a_markdown_file_is_an_ia_writer_7_file_with_content_blocks_and_authorship():
    """The article as iA Writer 7 saved it: tables and figures as content blocks (a line holding only
    a path and a quoted caption, the CSV and PNG not published with it), and the authorship kept as
    a Markdown Annotations block at the end (github.com/iainc/Markdown-Annotations 0.1): ``---``, a
    hash annotation over the whole text, a human author's and an AI's character ranges, ``...``."""
    text = ARTICLE.read_text(encoding="utf-8")
    # content blocks: a path with an extension and a caption, alone on their line; no Markdown
    # image or table stands for them
    blocks = re.findall(r'(?m)^/([^/\n"]+\.(csv|png)) "([^"\n]+)"$', text)
    assert [(name, ext) for name, ext, _ in blocks] == [("Таблица 1.csv", "csv"), ("Рисунок 1.png", "png")]
    assert "![" not in text and not re.search(r"(?m)^\|.*\|$", text)
    assert "таблице 1" in text and "рисунке 1" in text
    # the annotation block: the last thing in the file, an empty line before it
    body, lines = _annotations(text)
    assert body.endswith("\n") and not body.endswith("\n\n")
    assert all(line.endswith("  ") for line in lines)
    hashed = re.fullmatch(r"Annotations: 0,(\d+) SHA-256 ([0-9a-f]{32})  ", lines[0])
    assert hashed, lines[0]
    text_part = body[:-1]  # the range omits the last newline before the empty line
    assert int(hashed.group(1)) == len(text_part)
    assert hashlib.sha256(text_part.encode("utf-8")).hexdigest()[:32] == hashed.group(2)
    authors = {}
    for line in lines[1:]:
        m = re.fullmatch(r"([@&])([^:]+): ((?:\d+(?:,\d+)? ?)+)  ", line)
        assert m, line
        spans = [tuple(map(int, r.split(","))) if "," in r else (int(r), 1) for r in m.group(3).split()]
        authors[(m.group(1), m.group(2))] = spans
    assert [kind for kind, _ in authors] == ["@", "&"]
    assert ("@", "Жанар Ахметова") in authors and ("&", "ChatGPT") in authors
    # the ranges tile the text: no gap, no overlap
    covered = sorted(s for spans in authors.values() for s in spans)
    position = 0
    for start, length in covered:
        assert start == position
        position += length
    assert position == len(text_part)
    # the AI's text is the English abstract (with the author's own figures typed into it)
    ai = "".join(text_part[s:s + n] for s, n in authors[("&", "ChatGPT")])
    assert ai.startswith("**Abstract.** Aim:") and "108.4±14.2" not in ai
    assert "Ремоделирование" not in ai and "Аңдатпа" not in ai


def _big_letters(path) -> list[tuple[int, str, float, str, tuple[int, int, int]]]:
    import pypdfium2
    import pypdfium2.raw as raw
    document = pypdfium2.PdfDocument(path)
    found = []
    try:
        for number in range(len(document)):
            page = document[number]
            textpage = page.get_textpage()
            for i in range(raw.FPDFText_CountChars(textpage)):
                size = raw.FPDFText_GetFontSize(textpage, i)
                if size < 24:
                    continue
                r, g, b, a = (ctypes.c_uint() for _ in range(4))
                raw.FPDFText_GetFillColor(textpage, i, r, g, b, a)
                name = ctypes.create_string_buffer(128)
                flags = ctypes.c_int()
                raw.FPDFText_GetFontInfo(textpage, i, name, 128, flags)
                found.append((number + 1, chr(raw.FPDFText_GetUnicode(textpage, i)), size,
                              name.value.decode("ascii", "replace"), (r.value, g.value, b.value)))
            textpage.close()
            page.close()
    finally:
        document.close()
    return found


def test_a_pdf_opens_its_sections_with_drop_caps():
    """The radiochemistry abstract is set as a designed layout: the first paragraph under each of its
    eight section headings opens with a drop cap - a capital in another face (DejaVu Serif Bold
    against the text's Liberation Serif), dark red, three or two lines high, drawn apart from its
    word. The text layer gives the word without its first letter where the paragraph starts and the
    letter elsewhere, alone on a line or glued to another word."""
    letters = _big_letters(RADIOCHEMISTRY)
    assert "".join(letter for _, letter, _, _, _ in letters) == "ЯЦТНПТВП"
    assert all(font.endswith("DejaVuSerif-Bold") for _, _, _, font, _ in letters)
    assert all(colour == (0x8B, 0x1A, 0x2B) for _, _, _, _, colour in letters)
    sizes = sorted({round(size) for _, _, size, _, _ in letters})
    assert len(sizes) >= 2 and min(sizes) >= 24 and max(sizes) >= 50  # two and three lines of 14 pt type
    assert all(2 <= page <= 6 for page, _, _, _, _ in letters)
    text = "\n".join(t.replace("\r\n", "\n") for t in pdf_pages(RADIOCHEMISTRY))
    # each section heading is followed by its paragraph's first word without the initial
    for heading, rest in (("Общая характеристика работы", "дерные испытания"),
                          ("Цель, задачи, объект и предмет исследования", "ель исследования"),
                          ("Методы и материалы", "еоретической основой"),
                          ("Научная новизна", "овизна полученных"),
                          ("Положения, выносимые на защиту", "оложения, выносимые"),
                          ("Значимость, достоверность и апробация", "еоретическая значимость"),
                          ("Основное содержание работы", "о введении"),
                          ("Заключение", "о результатам")):
        assert re.search(re.escape(heading) + r"\n" + re.escape(rest), text), heading
    # the letters come later: alone on a line, or glued to the first word of another line
    assert len(re.findall(r"(?m)^[ЯТНПВ]$", text)) >= 6
    assert "Цплутония" in text
    # the Word file the PDF was made from said «drop»: the source's paragraphs are whole
    source = (CORPUS / "sources" / "ru-radiochemistry-phd.src").read_text(encoding="utf-8")
    assert len(re.findall(r"(?m)^%% ", source)) == 8
