"""The forty-fourth held-out corpus, its Kazakh part (tests/fixtures/published-44/kk-*, issue #10): a
PhD abstract in epistemology (text, the university's 1C-Bitrix page saved as text by a browser), a
master's thesis abstract in grain storage (Word) and a PhD abstract in sports law (PDF). The keys
say what the documents say, in the first corpus's format. The files are read with pypdfium2,
zipfile, python-docx and plain text reading, never with the mappers: the corpus measures them, so
nothing here may depend on what they do. The mix of the whole corpus (check_the_mix) and the
floors are the lead's, after the three parts are merged.
"""
from __future__ import annotations

import re

from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, check_word_lists_keep_their_numbers, documents, key_of,
                            pdf_pages)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-44"
DOCUMENTS = [p for p in documents(CORPUS) if p.name.startswith("kk-")]
BITRIX = CORPUS / "kk-epistemology-phd.txt"
WORD = CORPUS / "kk-grain-storage-masters.docx"
PDF = CORPUS / "kk-sports-law-phd.pdf"
FLOOR = 1600


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _flat(text: str) -> str:
    return " ".join(text.replace("\ufffe", "").replace("\u00ad", "").replace("\x02", "").split())


def test_the_kazakh_part_is_three_documents():
    """Three Kazakh files: a PhD abstract as text, a master's thesis abstract as Word, a PhD
    abstract as PDF; fields epistemology, grain storage and sports law; complete lists."""
    assert [p.name for p in DOCUMENTS] == ["kk-epistemology-phd.txt", "kk-grain-storage-masters.docx",
                                           "kk-sports-law-phd.pdf"]
    keys = {p.name: _key(p) for p in DOCUMENTS}
    assert [k["field"] for k in keys.values()] == ["epistemology", "grain storage", "sports law"]
    assert [k["kind"] for k in keys.values()] == ["dissertation", "masters-thesis", "dissertation"]
    assert [k["degree"] for k in keys.values()] == ["phd", "master", "phd"]
    assert all(k["lang"] == "kk" and not k["gaps"] for k in keys.values())
    for k in keys.values():
        assert k["counts"]["provisions"] >= 3 and 4 <= k["counts"]["tasks"] <= 7 and 4 <= k["counts"]["novelty"] <= 5
        assert k["author"] and k["title"] and k["publications_total"]


def test_the_title_parts_say_degree_and_advisers():
    """The PhD abstracts name the degree and two consultants, one from a university abroad; the
    master's thesis names «техника ғылымдарының магистрі», the 7M specialty and the supervisor."""
    import docx
    text = _flat(BITRIX.read_text(encoding="utf-8"))
    assert "философия докторы (PhD)" in text and "6D020100 – Философия" in text
    assert re.search(r"Шетелдік ғылыми кеңесші: .*Варшава университеті", text)
    title = _flat(pdf_pages(PDF)[0])
    assert "Философия докторы (PhD)" in title and "6D030100 – Құқықтану" in title
    assert "Шетелдік ғылыми кеңесші:" in title and "Лафборо университеті" in title
    start = _flat(" ".join(p.text for p in docx.Document(WORD).paragraphs[:14]))
    for part in ("техника ғылымдарының магистрі", "7M07208 – Астықты сақтау және қайта өңдеу технологиясы",
                 "Ғылыми жетекші:", "кафедрасы", "АВТОРЕФЕРАТЫ"):
        assert part in start, part


def test_the_documents_are_full_length():
    """Each holds at least 1,600 words, counted as published_keys.counted_text counts them; the
    text file holds them without the site's top bar, menu, attachments and footer too."""
    check_full_length(CORPUS, DOCUMENTS, lambda key: FLOOR)
    text = BITRIX.read_text(encoding="utf-8")
    content = text.split("Қаралды: 1 245")[1].split("Тіркелген файлдар")[0]
    assert len(content.split()) >= FLOOR


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_the_pdf_is_paged():
    check_pdfs_are_paged([PDF], 5)


def test_the_word_lists_keep_their_numbers():
    check_word_lists_keep_their_numbers(CORPUS, WORD)


def test_the_word_file_numbers_its_lists_in_numbering_xml():
    """Tasks «a)» (lowerLetter), novelty «•» (bullet) and provisions «1.» live in numbering.xml."""
    import zipfile
    with zipfile.ZipFile(WORD) as z:
        numbering = z.read("word/numbering.xml").decode("utf-8")
        document = z.read("word/document.xml").decode("utf-8")
    for fmt in ("lowerLetter", "bullet", "decimal"):
        assert f'w:numFmt w:val="{fmt}"' in numbering, fmt
    assert document.count("<w:numPr>") >= 6 + 4 + 3


def test_a_text_file_is_a_1c_bitrix_page_saved_as_text():
    """The epistemology abstract as a browser saves the university's 1C-Bitrix page as text: CR LF
    line ends, the top bar (the version for the visually impaired, the phone, ҚАЗ / РУС / ENG one a
    line, the search), the menu one item a line, the breadcrumbs «Басты бет / Ғылым /
    Диссертациялық кеңес / PhD қорғау», the page's H1, the date and «Қаралды: 1 245» before the
    text; after it the attachments (name, size in Кб / Мб, «Жүктеу»), «Бөлісу:» and the share
    buttons, «Артқа қайту», the footer with the copyright and «Сайт 1С-Битрикс негізінде жасалған».
    The furniture stands outside the abstract: none of it between the title and the conclusion."""
    raw = BITRIX.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n") and not raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8").split("\r\n")
    assert lines[0] == "Нұсқа нашар көретіндер үшін"
    assert lines[2:5] == ["ҚАЗ", "РУС", "ENG"] and "Іздеу" in lines[5:7]
    assert "Басты бет / Ғылым / Диссертациялық кеңес / PhD қорғау" in lines
    crumbs = lines.index("Басты бет / Ғылым / Диссертациялық кеңес / PhD қорғау")
    assert {"Университет", "Ғылым", "Байланыс"} <= set(lines[:crumbs])
    assert lines[crumbs + 2].startswith("PhD қорғау: ") and _key(BITRIX)["author"] in lines[crumbs + 2]
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", lines[crumbs + 3])
    assert lines[crumbs + 4] == "Қаралды: 1 245"
    files = lines.index("Тіркелген файлдар")
    tail = lines[files:]
    assert tail[1:4] == ["Аннотация (kk).pdf", "412 Кб", "Жүктеу"]
    assert sum(bool(re.fullmatch(r"[\d,]+ (Кб|Мб)", line)) for line in tail) == 4
    share = tail.index("Бөлісу:")
    assert tail[share + 1:share + 5] == ["ВКонтакте", "Facebook", "Telegram", "WhatsApp"]
    assert "Артқа қайту" in tail[share:]
    assert any(line.startswith("© 2024 Л.Н. Гумилев атындағы Еуразия ұлттық университеті") for line in tail)
    assert lines[-2] == "Сайт 1С-Битрикс негізінде жасалған" and lines[-1] == ""
    # the abstract between them: one paragraph a line, from the title block to the conclusion
    content = lines[crumbs + 5:files]
    assert content[1] == _key(BITRIX)["author"] and "Қорытынды" in content
    assert not any(line in ("Бөлісу:", "Қаралды: 1 245", "ҚАЗ") for line in content)
    assert max(len(line) for line in content) > 1000
