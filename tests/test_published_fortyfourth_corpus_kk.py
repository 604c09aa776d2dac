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
    content = text.split("Қаралды: 1 245")[1].split("Ізденуші: ")[0]
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
    line ends; the top bar with the version for the visually impaired and its panel (font size
    «А А А», colours «Ц Ц Ц», pictures on / off), the phone, ҚАЗ / РУС / ENG one a line, the
    search; the menu one item a line; the breadcrumbs «Басты бет / Ғылым / Диссертациялық кеңес /
    PhD қорғау»; the element's name as H1, the date and «Қаралды: 1 245»; the PREVIEW_TEXT (the
    announcement of the defence, which repeats the author, the title and the specialty) above the
    abstract; after it the DISPLAY_PROPERTIES («Ізденуші:», «Қорғау күні:», «Файлдар:»), the
    attachments (name, size in Кб / Мб, «Жүктеу»), «Тегтер:», «Бөлісу:» and the share buttons,
    previous / next, «Артқа қайту», the footer with the copyright, «Сайт 1С-Битрикс негізінде
    жасалған», «Яндекс.Метрика» and the cookie banner. None of it between the title block and the
    conclusion."""
    raw = BITRIX.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n") and not raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8").split("\r\n")
    key = _key(BITRIX)
    assert lines[0] == "Нұсқа нашар көретіндер үшін"
    assert lines[1:13] == ["Қаріп өлшемі:", "А", "А", "А", "Түстер:", "Ц", "Ц", "Ц", "Суреттер:", "Қосу", "Өшіру",
                           "Қалыпты нұсқа"]
    lang = lines.index("ҚАЗ")
    assert lines[lang:lang + 3] == ["ҚАЗ", "РУС", "ENG"] and "Іздеу" in lines[lang + 3:lang + 5]
    crumbs = lines.index("Басты бет / Ғылым / Диссертациялық кеңес / PhD қорғау")
    assert {"Университет", "Ғылым", "Байланыс"} <= set(lines[lang:crumbs])
    assert lines[crumbs + 2] == "PhD қорғау: " + key["author"]
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", lines[crumbs + 3])
    assert lines[crumbs + 4] == "Қаралды: 1 245"
    # the announcement (PREVIEW_TEXT) repeats the author and the title before the abstract does
    preview = lines[crumbs + 6]
    assert preview.startswith("2024 жылғы 12 маусымда") and f"«{key['title']}»" in preview
    assert "Жұмабекова Айгерім Сәкенқызының" in preview and "6D020100 – Философия" in preview
    assert lines[crumbs + 7] == "" and lines[crumbs + 8] == key["author"] and lines[crumbs + 10] == key["title"]
    props = lines.index("Ізденуші: " + key["author"])
    assert lines[props + 2].startswith("Қорғау күні: 12.06.2024") and lines[props + 5].startswith("Файлдар: ")
    files = lines.index("Тіркелген файлдар")
    tail = lines[files:]
    assert tail[1:4] == ["Аннотация (kk).pdf", "412 Кб", "Жүктеу"]
    assert sum(bool(re.fullmatch(r"[\d,]+ (Кб|Мб)", line)) for line in tail) == 4
    assert any(line.startswith("Тегтер: PhD қорғау") for line in tail)
    share = tail.index("Бөлісу:")
    assert tail[share + 1:share + 5] == ["ВКонтакте", "Facebook", "Telegram", "WhatsApp"]
    assert ["← Алдыңғы жаңалық", "Келесі жаңалық →", "Артқа қайту"] == tail[share + 7:share + 10]
    assert any(line.startswith("© 2024 Л.Н. Гумилев атындағы Еуразия ұлттық университеті") for line in tail)
    assert lines[-5] == "Сайт 1С-Битрикс негізінде жасалған" and lines[-4] == "Яндекс.Метрика"
    assert lines[-3].startswith("Сайт cookie файлдарын пайдаланады.") and lines[-2] == "Келісемін" and lines[-1] == ""
    # the abstract between them: one paragraph a line, from the title block to the conclusion
    content = lines[crumbs + 8:props]
    assert content[1::2] == [""] * (len(content) // 2) and content[-4] == "Қорытынды"
    assert not any(line in ("Бөлісу:", "Қаралды: 1 245", "ҚАЗ", "Тіркелген файлдар") for line in content)
    assert max(len(line) for line in content) > 1000
