"""The Russian third of the forty-third held-out corpus (tests/fixtures/published-43/, issue #10): a
Candidate of Sciences autoreferat in criminalistics (PDF) as DocuSign returns a signed envelope, a
PhD abstract in econometrics (text) and a PhD abstract in comparative literature (Word). Their
answer keys say what the documents say, in the first corpus's format. The files are read with
pypdfium2, python-docx, zipfile and plain text reading, never with the mappers: the corpus measures
them, so nothing here may depend on what they do. The mix of the whole corpus (check_the_mix) and
the mappers' floors are the lead's, added at the merge and after the measurement.
"""
from __future__ import annotations

import ctypes
import re

import pytest

from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, check_word_lists_keep_their_numbers, key_of, pdf_pages)

CORPUS = ROOT / "tests" / "fixtures" / "published-43"
DOCUSIGN = CORPUS / "ru-criminalistics-candidate.pdf"
ECONOMETRICS = CORPUS / "ru-econometrics-phd.txt"
LITERATURE = CORPUS / "ru-comparative-literature-phd.docx"
FILES = [DOCUSIGN, ECONOMETRICS, LITERATURE]
FLOOR = 1600
STAMP = "DocuSign Envelope ID: 3F2A9C1E-7B4D-4E8A-9C21-5D6F0A8B3E47"


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _flat(text: str) -> str:
    return " ".join(text.replace("\ufffe", "").replace("\u00ad", "").replace("\xa0", " ").split())


def test_the_russian_part_is_what_the_brief_asks_for():
    """Three Russian documents: a Candidate of Sciences autoreferat (PDF) and two PhD abstracts
    (text, Word); fields criminalistics, econometrics and comparative literature; every list."""
    keys = {p.name: _key(p) for p in FILES}
    assert all(p.exists() for p in FILES)
    assert {k["lang"] for k in keys.values()} == {"ru"}
    assert [k["field"] for k in keys.values()] == ["criminalistics", "econometrics", "comparative literature"]
    assert [(k["kind"], k["degree"]) for k in keys.values()] == [
        ("dissertation", "candidate"), ("dissertation", "phd"), ("dissertation", "phd")]
    for k in keys.values():
        assert k["author"] and k["title"] and k["institution"] and k["publications_total"]
        assert not k["gaps"] and k["counts"]["provisions"] >= 4
        assert 5 <= k["counts"]["tasks"] <= 7 and k["counts"]["novelty"] == 4
    assert keys[DOCUSIGN.name]["specialty_code"] == "12.00.12"
    assert keys[ECONOMETRICS.name]["specialty_code"].startswith("8D")
    assert keys[LITERATURE.name]["specialty_code"].startswith("8D")
    # the autoreferat: «На правах рукописи», the old degree, a council page
    pages = [_flat(t) for t in pdf_pages(DOCUSIGN)]
    assert "На правах рукописи" in pages[0]
    assert "диссертации на соискание ученой степени кандидата юридических наук" in pages[0]
    for part in ("Научный руководитель:", "Официальные оппоненты:", "Ведущая организация:",
                 "диссертационного совета ОД 14.51.03", "Ученый секретарь диссертационного совета"):
        assert part in pages[1], part
    quotes = {e["text"] for e in keys[DOCUSIGN.name]["entities"]}
    assert {"Р.С. Белкина", "Уголовно-процессуальный кодекс Республики Казахстан", "EnCase Forensic"} <= quotes
    quotes = {e["text"] for e in keys[ECONOMETRICS.name]["entities"]}
    assert {"Национальный Банк Республики Казахстан", "тест Зивота – Эндрюса", "EViews"} <= quotes
    quotes = {e["text"] for e in keys[LITERATURE.name]["entities"]}
    assert {"М.М. Бахтиным", "историческая поэтика", "сравнительно-типологический метод"} <= quotes


def test_the_documents_are_full_length():
    check_full_length(CORPUS, FILES, lambda key: FLOOR)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_the_word_lists_keep_their_numbers_in_numbering_xml():
    check_word_lists_keep_their_numbers(CORPUS, LITERATURE)


def test_the_pdf_has_a_text_layer_and_page_numbers():
    check_pdfs_are_paged([DOCUSIGN], 3)
    body = " ".join(_flat(t) for t in pdf_pages(DOCUSIGN)[2:])
    for part in ("ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ", "ПОЛОЖЕНИЯ, ВЫНОСИМЫЕ НА ЗАЩИТУ", "ОСНОВНОЕ СОДЕРЖАНИЕ РАБОТЫ",
                 "ЗАКЛЮЧЕНИЕ", "1) Раскрыть", "5) Исследовать", "– предложена классификация",
                 "1. Криминалистическая характеристика", "5. Компьютерно-техническая"):
        assert part in body, part


def test_the_text_file_is_paged_with_its_lists_as_typed():
    text = ECONOMETRICS.read_text(encoding="utf-8")
    pages = text.split("\f")
    assert len(pages) >= 4
    header = "Бекмуханова А.Т. Эконометрическое моделирование инфляции в Казахстане"
    assert sum(header in p for p in pages) >= len(pages) - 1
    flat = _flat(text)
    for part in ("a) проанализировать", "e) разработать", "1. выявлены", "4. установлено",
                 "I. Инфляционный", "IV. Региональная"):
        assert part in flat, part


# ---------------------------------------------------------------- the DocuSign envelope

def _text_objects(page):
    """(text, left, bottom, right, top) of every text object on a pdfium page."""
    import pypdfium2.raw as r
    textpage = page.get_textpage()
    found = []
    for obj in page.get_objects():
        if obj.type != r.FPDF_PAGEOBJ_TEXT:
            continue
        size = r.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
        buffer = ctypes.create_string_buffer(size)   # size in bytes, the final NUL included
        r.FPDFTextObj_GetText(obj.raw, textpage.raw, ctypes.cast(buffer, ctypes.POINTER(r.FPDF_WCHAR)), size)
        text = buffer.raw[:max(0, size - 2)].decode("utf-16-le", errors="replace")
        found.append((text, *obj.get_bounds()))
    return found


def test_the_pdf_is_a_signed_docusign_envelope():
    """Every page of the document carries the envelope stamp above its own text (the running
    header too); the author and the council's secretary signed in DocuSign's tabs; a Certificate
    Of Completion, on US Letter, closes the file."""
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(DOCUSIGN)
    try:
        *document, certificate = [pdf[n] for n in range(len(pdf))]
        assert len(document) >= 6
        for n, page in enumerate(document, 1):
            objects = _text_objects(page)
            stamps = [o for o in objects if o[0].replace("\xa0", " ") == STAMP]
            assert len(stamps) == 1, n
            others = [o for o in objects if o is not stamps[0] and o[0].strip()]
            assert stamps[0][2] > max(o[4] for o in others), n   # above everything else
            width, height = page.get_size()
            assert round(width) == 595 and stamps[0][4] > height - 20
        texts = [_flat(page.get_textpage().get_text_range()) for page in document]
        assert all(t.count(STAMP) == 1 for t in texts)
        signed = [n for n, t in enumerate(texts) if "DocuSigned by:" in t]
        assert signed == [1, len(document) - 1]
        assert "Абдрахманова A41D7E02C95B4F18" in texts[1] and "17.10.2014" in texts[1]
        assert "Тлеубердин 5C8E1F0A2B7D4C39" in texts[-1]
        assert [round(v) for v in certificate.get_size()] == [612, 792]
        cert = _flat(certificate.get_textpage().get_text_range())
        assert STAMP not in cert
        for part in ("Certificate Of Completion", "Envelope Id: 3F2A9C1E7B4D4E8A9C215D6F0A8B3E47",
                     "Subject: Please DocuSign:", "Source Envelope:", f"Document Pages: {len(document)}",
                     "Signatures: 2", "Envelope Originator:", "Record Tracking", "Signer Events",
                     "Using IP Address: 2.134.77.201", "Using IP Address: 92.46.114.18",
                     "Signed: 17.10.2014 | 10:05", "Electronic Record and Signature Disclosure:",
                     "Notary Events", "Envelope Summary Events", "Envelope Sent", "Certified Delivered",
                     "Signing Complete", "Completed", "Payment Events"):
            assert part in cert, part
        assert not re.search(r"[а-яё]{3}", cert.replace("Тлеубердин", "").replace("Абдрахманова", ""))
    finally:
        pdf.close()
