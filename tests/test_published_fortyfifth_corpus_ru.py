"""The Russian third of the forty-fifth held-out corpus (tests/fixtures/published-45/, issue #10): a
Doctor of Technical Sciences autoreferat in mining engineering (PDF) corrected after publication
with Sejda's online editor (Whiteout over the old values, the new ones typed on top), a PhD
abstract in migration law (text) as a Gmail "Print all" of the mail that brought it to the
library, and a PhD abstract in obstetrics (Word).
Their answer keys say what the documents say, in the first corpus's format. The files are read
with pypdfium2, python-docx, zipfile and plain text reading, never with the mappers: the corpus
measures them, so nothing here may depend on what they do. The mix of the whole corpus
(check_the_mix) and the mappers' floors are the lead's, added at the merge and after the
measurement.
"""
from __future__ import annotations

import ctypes
import re

import pytest

from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, check_word_lists_keep_their_numbers, key_of, pdf_pages)

CORPUS = ROOT / "tests" / "fixtures" / "published-45"
SEJDA = CORPUS / "ru-mining-engineering-doctor.pdf"
GMAIL = CORPUS / "ru-migration-law-phd.txt"
OBSTETRICS = CORPUS / "ru-obstetrics-phd.docx"
FILES = [SEJDA, GMAIL, OBSTETRICS]
FLOOR = 1600
EDITS = [("«24» декабря 2010 года в 14.00", "«28» декабря 2010 года в 15.00"), ("ауд. 304", "ауд. 312"),
         ("41 работа", "43 работы"), ("29 статей", "31 статья")]


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _flat(text: str) -> str:
    return " ".join(text.replace("\ufffe", "").replace("\u00ad", "").replace("\xa0", " ").split())


def test_the_russian_part_is_what_the_brief_asks_for():
    """Three Russian documents: a Doctor of Sciences autoreferat (PDF) and two PhD abstracts
    (text, Word); fields mining engineering, migration law and obstetrics; every list."""
    keys = {p.name: _key(p) for p in FILES}
    assert all(p.exists() for p in FILES)
    assert {k["lang"] for k in keys.values()} == {"ru"}
    assert [k["field"] for k in keys.values()] == ["mining engineering", "migration law", "obstetrics"]
    assert [(k["kind"], k["degree"]) for k in keys.values()] == [
        ("dissertation", "doctor"), ("dissertation", "phd"), ("dissertation", "phd")]
    for k in keys.values():
        assert k["author"] and k["title"] and k["institution"] and k["publications_total"]
        assert not k["gaps"] and k["counts"]["provisions"] >= 4
        assert 5 <= k["counts"]["tasks"] <= 7 and 4 <= k["counts"]["novelty"] <= 5
        assert len(k["entities"]) >= 80
    assert keys[SEJDA.name]["specialty_code"] == "25.00.22"
    assert keys[GMAIL.name]["specialty_code"] == keys[OBSTETRICS.name]["specialty_code"][:2] + "04201"
    assert keys[OBSTETRICS.name]["specialty_code"] == "8D10101"
    # the autoreferat: «На правах рукописи», the old degree, a council page
    pages = [_flat(t) for t in pdf_pages(SEJDA)]
    assert "На правах рукописи" in pages[0]
    assert "диссертации на соискание ученой степени доктора технических наук" in pages[0]
    for part in ("Научный консультант:", "Официальные оппоненты:", "Ведущая организация:",
                 "диссертационного совета Д 14.15.03", "Ученый секретарь диссертационного совета"):
        assert part in pages[1], part
    quotes = {e["text"] for e in keys[SEJDA.name]["entities"]}
    assert {"Карагандинский угольный бассейн", "АО «АрселорМиттал Темиртау»", "«Казахмыс»",
            "ИГД им. Д.А. Кунаева", "Ж.С. Ержанова", "FLAC3D"} <= quotes
    quotes = {e["text"] for e in keys[GMAIL.name]["entities"]}
    assert {"Министерства труда и социальной защиты населения Республики Казахстан",
            "Договора о Евразийском экономическом союзе от 29 мая 2014 года",
            "Международной организации по миграции", "УВКБ ООН",
            "Конституция Республики Казахстан"} <= quotes
    quotes = {e["text"] for e in keys[OBSTETRICS.name]["entities"]}
    assert {"Научного центра акушерства, гинекологии и перинатологии", "Медицинского университета Астана",
            "Всемирной организации здравоохранения", "шкале Апгар", "К. Николаидеса"} <= quotes


def test_the_documents_are_full_length():
    check_full_length(CORPUS, FILES, lambda key: FLOOR)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_the_word_lists_keep_their_numbers_in_numbering_xml():
    check_word_lists_keep_their_numbers(CORPUS, OBSTETRICS)


def test_the_text_file_has_its_lists_as_typed():
    flat = _flat(GMAIL.read_text(encoding="utf-8"))
    for part in ("1) определить понятие", "6) сформулировать предложения", "– обосновано понимание",
                 "– сформулированы предложения", "1. Миграционное право", "5. Цифровизация"):
        assert part in flat, part


def test_the_pdf_has_a_text_layer_and_page_numbers():
    check_pdfs_are_paged([SEJDA], 6)
    body = " ".join(_flat(t) for t in pdf_pages(SEJDA)[2:])
    for part in ("ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ", "Научные положения, выносимые на защиту:",
                 "ОСНОВНОЕ СОДЕРЖАНИЕ РАБОТЫ", "ЗАКЛЮЧЕНИЕ", "1. Обобщить опыт", "6. Провести шахтные",
                 "1. Смещения контура", "4. Повторное использование", "5. Обоснованы параметры"):
        assert part in body, part


# ---------------------------------------------------------------- Sejda's Whiteout

def _objects(page):
    """(type, text, left, bottom, right, top, fill) of every text and path object on a pdfium page."""
    import pypdfium2.raw as r
    textpage = page.get_textpage()
    found = []
    for obj in page.get_objects():
        text = ""
        if obj.type == r.FPDF_PAGEOBJ_TEXT:
            size = r.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
            buffer = ctypes.create_string_buffer(size)   # size in bytes, the final NUL included
            r.FPDFTextObj_GetText(obj.raw, textpage.raw, ctypes.cast(buffer, ctypes.POINTER(r.FPDF_WCHAR)), size)
            text = buffer.raw[:max(0, size - 2)].decode("utf-16-le", errors="replace")
        elif obj.type != r.FPDF_PAGEOBJ_PATH:
            continue
        rgba = [ctypes.c_uint() for _ in range(4)]
        r.FPDFPageObj_GetFillColor(obj.raw, *[ctypes.byref(c) for c in rgba])
        found.append((obj.type, text.replace("\xa0", " ").strip(), *obj.get_bounds(),
                      tuple(c.value for c in rgba)))
    return found


def test_the_pdf_was_corrected_with_sejdas_whiteout():
    """Four values are covered by white filled rectangles drawn after the page's own text, and
    the new values are typed on top of them, inside the rectangles, on the old text's line; the
    old values are still in the text layer, so a reader gets both; the visible count is the
    key's."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as r
    pdf = pdfium.PdfDocument(SEJDA)
    try:
        found = 0
        for page in pdf:
            objects = _objects(page)
            text = _flat(page.get_textpage().get_text_range())
            for old, new in EDITS:
                typed = [o for o in objects if o[0] == r.FPDF_PAGEOBJ_TEXT and o[1] == new]
                if not typed:
                    assert new not in text
                    continue
                found += 1
                assert old in text and new in text and text.index(old) < text.index(new)
                (_, _, left, bottom, right, top, _), = typed
                boxes = [o for o in objects if o[0] == r.FPDF_PAGEOBJ_PATH and o[6] == (255, 255, 255, 255)
                         and o[2] <= left + 0.5 and o[3] <= bottom + 0.5 and o[5] >= top - 2.5]
                assert len(boxes) == 1, new
                index = objects.index(boxes[0])
                # the whiteout comes after every text object of LibreOffice's, the typed text after it
                assert objects.index(typed[0]) == index + 1
                # LibreOffice's text is still there, under the box, beside the typed text
                under = _flat(page.get_textpage().get_text_bounded(*boxes[0][2:6]))
                for word in set(old.split()) ^ set(new.split()):
                    assert word in under, (word, under)
        assert found == len(EDITS)
    finally:
        pdf.close()
    assert _key(SEJDA)["publications_total"] == 43


# ---------------------------------------------------------------- Gmail's "Print all"

def test_the_text_file_is_a_gmail_print_of_the_mail_thread():
    """Gmail's account line and the subject open the print; two messages with Gmail's header lines
    and Russian dates; the library's request quoted with «>»; the forwarded-message block before
    the abstract; the author's signature after «-- », the disclaimer, the secretary's signature
    and the attachments with their sizes after it."""
    text = GMAIL.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0] == "Gmail — Библиотека ЕНУ <library@enu.kz>"
    assert lines[2].startswith("Автореферат Жаксыбековой Д.Е.") and lines[3] == "2 сообщения"
    headers = [line for line in lines if re.search(r"(Пн|Вт|Ср|Чт|Пт|Сб|Вс), \d+ [а-я]+\. \d{4} г\. в \d\d:\d\d$", line)]
    assert len(headers) == 2 and headers[1].startswith("Диссертационный совет ЕНУ <dissovet.law@enu.kz>")
    assert headers[1].endswith("Пн, 12 февр. 2024 г. в 10:14")
    assert [line for line in lines if line.startswith("Кому: ")][:2] == [
        "Кому: Диссертационный совет ЕНУ <dissovet.law@enu.kz>", "Кому: Библиотека ЕНУ <library@enu.kz>"]
    quoted = [n for n, line in enumerate(lines) if line.startswith(">")]
    assert len(quoted) >= 6 and lines[quoted[0] - 1].endswith("Библиотека ЕНУ <library@enu.kz>:")
    forward = lines.index("---------- Forwarded message ---------")
    assert forward > quoted[-1]
    assert [line.split(":")[0] for line in lines[forward + 1:forward + 5]] == ["От", "Date", "Subject", "To"]
    start = lines.index("Евразийский национальный университет имени Л.Н. Гумилева")
    assert forward < start < lines.index("ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ")
    delimiter = lines.index("-- ")   # RFC 3676: dash, dash, space
    assert [line for line in lines[:delimiter] if line][-1].endswith("цифровых кочевников.")
    tail = lines[delimiter:]
    assert "Динара Жаксыбекова" in tail and "Нургалиева Сауле Маратовна" in tail
    assert any(line.startswith("КОНФИДЕНЦИАЛЬНОСТЬ:") for line in tail)
    assert any(line.startswith("CONFIDENTIALITY:") for line in tail)
    attachments = tail.index("2 вложения")
    assert [line for line in tail[attachments + 1:] if line] == [
        "Avtoreferat_Zhaksybekova_ru.pdf", "1148K", "Avtoreferat_Zhaksybekova_kz_en.zip", "2306K"]
    # the pasted abstract is hard-wrapped by the author's mail client, no word broken at a line end
    body = lines[start:delimiter]
    assert max(len(line) for line in body) <= 72 + 3   # list items: a hanging indent of three
    assert sum(len(line) > 60 for line in body) > 150
    assert not any(re.search(r"\w-$", line) for line in body if not line.endswith("–"))
