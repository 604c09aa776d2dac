"""The thirty-ninth held-out corpus (tests/fixtures/published-39/, issue #10), its Russian part:
a Candidate of Sciences autoreferat in forensic medicine (PDF, its title page AcroForm field
values), a PhD abstract in acoustics (Markdown) and a PhD abstract in geopolitics without aim and
tasks (Word). Their answer keys say what the documents say, in the first corpus's format. The
files are read with pypdfium2, python-docx, zipfile and plain text reading, never with the
mappers: the corpus measures them. (check_the_mix for the whole corpus is the lead's, at the
merge; the mappers' floors are added after the corpus has been measured.)
"""
from __future__ import annotations

import ctypes
import re

from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, check_word_lists_keep_their_numbers, key_of, pdf_pages)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-39"
DOCUMENTS = sorted(p for p in CORPUS.iterdir() if p.name.startswith("ru-") and p.suffix in (".pdf", ".docx", ".txt", ".md"))
WORD = [p for p in DOCUMENTS if p.suffix == ".docx"]
PDF = [p for p in DOCUMENTS if p.suffix == ".pdf"]
ACROFORM = CORPUS / "ru-forensic-medicine-candidate.pdf"
ACOUSTICS = CORPUS / "ru-acoustics-phd.md"
GAPPED = CORPUS / "ru-geopolitics-phd-no-aim-tasks.docx"
FLOOR = 1600


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _flat(text: str) -> str:
    return " ".join(text.replace("\ufffe", "").replace("\u00ad", "").split())


def test_the_russian_part_is_the_three_documents_it_should_be():
    assert [p.name for p in DOCUMENTS] == sorted(p.name for p in (ACOUSTICS, ACROFORM, GAPPED))
    assert sorted(p.name[: -len(".json")] for p in (CORPUS / "expected").glob("ru-*.json")) == [p.name for p in DOCUMENTS]
    keys = {p.name: _key(p) for p in DOCUMENTS}
    assert {k["field"] for k in keys.values()} == {"forensic medicine", "acoustics", "geopolitics"}
    assert all(k["lang"] == "ru" and k["kind"] == "dissertation" for k in keys.values())
    assert _key(ACROFORM)["degree"] == "candidate" and _key(ACOUSTICS)["degree"] == "phd"
    assert _key(GAPPED)["degree"] == "phd"
    assert _key(ACROFORM)["specialty_code"] == "14.03.05"
    for path in (ACROFORM, ACOUSTICS):
        k = _key(path)
        assert not k["gaps"] and k["counts"]["provisions"] >= 3 and 4 <= k["counts"]["tasks"] <= 7
        assert 3 <= k["counts"]["novelty"] <= 5 and k["publications_total"]


def test_the_candidate_autoreferat_has_its_council_page():
    """«На правах рукописи», «АВТОРЕФЕРАТ диссертации на соискание ученой степени кандидата
    медицинских наук», then the council page: supervisor, two official opponents, the leading
    organisation, the council's code, the date of the defence and of the mailing."""
    pages = [_flat(t) for t in pdf_pages(ACROFORM)]
    assert "На правах рукописи" in pages[0] and "кандидата медицинских наук" in pages[0]
    council = pages[1]
    assert "Научный руководитель:" in council and "Ведущая организация:" in council
    opponents = council.split("Официальные оппоненты:")[1].split("Ведущая организация:")[0]
    assert opponents.count(" наук, ") == 2
    assert re.search(r"диссертационного совета ОД \d\d\.\d\d\.\d\d", council) and "Автореферат разослан" in council
    body = " ".join(pages[2:])
    for part in ("ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ", "Основные положения, выносимые на защиту", "ОСНОВНОЕ СОДЕРЖАНИЕ РАБОТЫ",
                 "ВЫВОДЫ", "СПИСОК РАБОТ", "ТҮЙІН", "РЕЗЮМЕ", "SUMMARY"):
        assert part in body, part


def test_the_geopolitics_abstract_has_no_aim_and_no_tasks():
    """The Russian geopolitics abstract has its title page, relevance, degree of study, object,
    subject, hypothesis, basis, methods, novelty, provisions, significance, approbation,
    publications and structure, but no aim and no tasks."""
    import docx
    key = _key(GAPPED)
    assert key["gaps"] == ["aim", "tasks"] and key["counts"]["tasks"] == 0
    assert key["counts"]["novelty"] >= 3 and key["counts"]["provisions"] >= 3
    text = _flat(" ".join(p.text for p in docx.Document(GAPPED).paragraphs)).casefold()
    for there in ("актуальность", "разработанности", "объектом исследования", "предметом исследования",
                  "гипотеза", "методы исследования", "научная новизна", "положения, выносимые на защиту",
                  "апробация", "публикации", "структура"):
        assert there in text, there
    for missing in ("цель исследования", "цель работы", "целью исследования", "задачи исследования", "задачи:"):
        assert missing not in text, missing


def test_the_documents_are_full_length():
    check_full_length(CORPUS, DOCUMENTS, lambda key: FLOOR)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


@pytest.mark.parametrize("path", WORD, ids=lambda p: p.name)
def test_the_word_lists_keep_their_numbers_in_numbering_xml(path):
    check_word_lists_keep_their_numbers(CORPUS, path)


def test_the_pdfs_have_a_text_layer_and_page_numbers():
    check_pdfs_are_paged(PDF, 5)


def _widgets(path):
    """The text fields of page 1 as pdfium's form environment gives them: (name, value, rect)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    pdf = pdfium.PdfDocument(path)
    pdf.init_forms()
    found = []
    try:
        page = pdf[0]
        for i in range(raw.FPDFPage_GetAnnotCount(page.raw)):
            annot = raw.FPDFPage_GetAnnot(page.raw, i)
            if raw.FPDFAnnot_GetSubtype(annot) == raw.FPDF_ANNOT_WIDGET:
                assert raw.FPDFAnnot_GetFormFieldType(pdf.formenv.raw, annot) == raw.FPDF_FORMFIELD_TEXTFIELD
                texts = []
                for getter in (raw.FPDFAnnot_GetFormFieldName, raw.FPDFAnnot_GetFormFieldValue):
                    n = getter(pdf.formenv.raw, annot, None, 0)
                    buf = ctypes.create_string_buffer(n)
                    getter(pdf.formenv.raw, annot, ctypes.cast(buf, ctypes.POINTER(raw.FPDF_WCHAR)), n)
                    texts.append(buf.raw[: n - 2].decode("utf-16-le"))
                assert raw.FPDFAnnot_HasKey(annot, b"AP")
                rect = raw.FS_RECTF()
                raw.FPDFAnnot_GetRect(annot, rect)
                found.append((*texts, (rect.left, rect.bottom, rect.right, rect.top)))
            raw.FPDFPage_CloseAnnot(annot)
        page.close()
    finally:
        pdf.close()
    return found


def test_a_pdf_title_page_is_acroform_field_values():
    """The autoreferat's title page is a fill-in template: the UDC, the author, the title and the
    specialty are values of text fields (widgets with appearance streams, the form unflattened,
    added by an incremental update), so the page's own text holds only the blank lines and their
    captions; the values reach the text layer first in the résumés at the end."""
    data = ACROFORM.read_bytes()
    assert data.count(b"%%EOF") == 2 and b"/Prev" in data.rsplit(b"%%EOF", 2)[1]
    assert b"/AcroForm" in data and b"/NeedAppearances" not in data and b"/Tx BMC" in data
    key = _key(ACROFORM)
    fields = {name: (value, rect) for name, value, rect in _widgets(ACROFORM)}
    assert set(fields) == {"udk", "fio", "title", "specialty"}
    assert fields["fio"][0] == key["author"] and fields["title"][0] == key["title"]
    assert fields["specialty"][0] == f"{key['specialty_code']} – {key['specialty_name']}"
    assert fields["udk"][0].startswith("340.6")
    # the title's field spans three blank lines; every field sits above the captions, in page order
    tops = [fields[name][1][3] for name in ("udk", "fio", "title", "specialty")]
    assert tops == sorted(tops, reverse=True)
    assert fields["title"][1][3] - fields["title"][1][1] > 2.5 * (fields["fio"][1][3] - fields["fio"][1][1])
    pages = pdf_pages(ACROFORM)
    first = _flat(pages[0])
    assert "(фамилия, имя, отчество соискателя)" in first and "(название диссертации)" in first
    assert "____" in first
    for value, _ in fields.values():
        assert value not in first
    # the résumés repeat the author, the title and the specialty: the first place the text layer has them
    text = _flat(" ".join(pages))
    assert text.index(key["author"]) > text.index("РЕЗЮМЕ") > text.index("ТҮЙІН") > text.index("СПИСОК РАБОТ")
    assert text.index(key["title"]) > text.index("РЕЗЮМЕ")
