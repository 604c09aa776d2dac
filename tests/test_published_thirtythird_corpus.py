"""The thirty-third held-out corpus (tests/fixtures/published-33/, issue #10): nine abstracts that
mix fields - two in the humanities (ethnonymy, jewellery art), two in the natural sciences
(dendrochronology, arachnology), two in engineering and agriculture (hydrometallurgy, cotton
growing), two in the social sciences and education (environmental education, consumer behaviour)
and one in medicine (hepatology) - three Kazakh, three Russian and three English. Its answer keys
say what the documents say, in the first corpus's format, and the documents are the mix the issue
asks for. The files are read with pypdfium2, python-docx, zipfile and the text codecs, never with
the mappers: the corpus measures them, so nothing here may depend on what they do. (The mappers'
floors, the last test, were added after the corpus had been measured.)
"""
from __future__ import annotations

import ctypes
import re
from collections import Counter

from published_keys import (ROOT, check_floors, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, check_the_mix, check_word_lists_keep_their_numbers, documents,
                            key_of, only_one, pdf_pages, word_part)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-33"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", *(f"published-{n}" for n in range(2, 33)))]
DOCUMENTS = documents(CORPUS)
WORD = [p for p in DOCUMENTS if p.suffix == ".docx"]
PDF = [p for p in DOCUMENTS if p.suffix == ".pdf"]
OCR = CORPUS / "kk-ethnonymy-candidate.pdf"
PRINTED = CORPUS / "ru-hydrometallurgy-phd.pdf"
INCLUDED = CORPUS / "en-consumer-behaviour-phd-no-object-subject.docx"
NOT_SIGNS = CORPUS / "kk-cotton-growing-phd.txt"
INDENTED = CORPUS / "ru-environmental-education-masters.md"
FLOOR = 1600  # every dissertation and the master's thesis; the article 1,000


def _decoded(path) -> str | None:
    """The text a reader reads in a file whose raw text is not the text: FineReader's «¬» at a
    line end joins the two halves of a word; None for the others."""
    if path == NOT_SIGNS:
        return re.sub(r"¬\r?\n", "", path.read_text(encoding="utf-8"))
    return None


def _text(path) -> str:
    return _decoded(path) or path.read_text(encoding="utf-8")


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _flat(text: str) -> str:
    return " ".join(text.replace("\ufffe", "").replace("\u00ad", "").split())


def test_the_corpus_is_the_mix_the_issue_asks_for():
    """check_the_mix with this corpus's counts: 3 PDF, 2 Word, 2 text and 2 Markdown files, kk/ru/en
    as 3/3/3, one English journal article by three authors, one Kazakh Candidate of Sciences
    autoreferat (an old specialty code), one Russian master's thesis, six PhD abstracts, one of them
    without object and subject, nine fields no earlier corpus (published ... published-32) has."""
    assert len(EARLIER) == 32 and all(folder.is_dir() for folder in EARLIER)
    # check_the_mix knows three kinds of gap (provisions, front, tasks); this corpus's gap is none
    # of them, so it asks for none and the gap is checked below
    keys = check_the_mix(CORPUS, DOCUMENTS, EARLIER, at_least=9, phd=6, new_fields=9, lang_spread=0,
                         formats=(3, 2, 2, 2), articles=1, candidate=1, doctor=0, incomplete=())
    assert sorted(p.suffix for p in DOCUMENTS) == sorted([".pdf"] * 3 + [".docx"] * 2 + [".txt"] * 2 + [".md"] * 2)
    assert Counter(k["lang"] for k in keys.values()) == {"kk": 3, "ru": 3, "en": 3}
    assert Counter(k["kind"] for k in keys.values()) == {"dissertation": 7, "article": 1, "masters-thesis": 1}
    assert Counter(k["degree"] for k in keys.values()) == {"phd": 6, "candidate": 1, "master": 1, None: 1}
    for lang in ("kk", "ru", "en"):
        assert len({p.suffix for p in DOCUMENTS if _key(p)["lang"] == lang}) >= 2, lang
    # every field's English name starts with a letter from A to L (the second writer has M to Z)
    assert all("a" <= k["field"][0].lower() <= "l" for k in keys.values())
    # the article: English, three authors, IRSTI/UDC/DOI, Abstract and Keywords, IMRaD sections,
    # References, then the Kazakh and Russian summaries
    article = only_one(DOCUMENTS, lambda p: _key(p)["kind"] == "article")
    assert _key(article)["lang"] == "en" and len(_key(article)["authors"]) == 3
    raw = "\n".join(pdf_pages(article)).replace("\r", "")
    order = [re.search(rf"(?m)^{re.escape(s)}", raw).start()
             for s in ("IRSTI", "UDC", "https://doi.org/", "Abstract.", "Keywords:", "Introduction",
                       "Literature review", "Materials and methods", "Results", "Discussion", "Conclusion",
                       "References", "Түйін сөздер:", "Ключевые слова:")]
    assert order == sorted(order)
    assert "Al-Farabi Kazakh National University" in raw and "Mendel University in Brno" in raw
    # the Candidate of Sciences autoreferat: Kazakh, an old specialty code, title and council pages
    candidate = only_one(DOCUMENTS, lambda p: _key(p)["degree"] == "candidate")
    assert candidate == OCR and _key(candidate)["specialty_code"] == "10.02.02"
    pages = [_flat(t) for t in pdf_pages(candidate)]
    assert "Қолжазба құқығында" in pages[0] and "АВТОРЕФЕРАТЫ" in pages[0]
    assert "Филология ғылымдарының кандидаты ғылыми дәрежесін алу үшін дайындалған диссертацияның" in pages[0]
    assert "Ресми оппоненттер:" in pages[1] and "Жетекші ұйым:" in pages[1] and "Д 53.41.01" in pages[1]
    body = " ".join(pages[2:])
    assert "ЖҰМЫСТЫҢ ЖАЛПЫ СИПАТТАМАСЫ" in body and "Қорғауға ұсынылатын негізгі қағидалар" in body
    assert "ЖҰМЫСТЫҢ НЕГІЗГІ МАЗМҰНЫ" in body and "бірінші тарауда" in body
    # the master's thesis: Russian, a 7M code, a supervisor
    master = only_one(DOCUMENTS, lambda p: _key(p)["kind"] == "masters-thesis")
    assert master == INDENTED and _key(master)["lang"] == "ru" and _key(master)["specialty_code"].startswith("7M")
    text = _text(master)
    assert "на соискание академической степени магистра педагогических наук" in text
    assert "**Научный руководитель:**" in text
    # one PhD abstract without object and subject, the others complete
    gapped = [k for k in keys.values() if k["kind"] == "dissertation" and k["gaps"]]
    assert [(k["degree"], k["gaps"]) for k in gapped] == [("phd", ["object", "subject"])]
    assert gapped[0]["publications_total"] and all(gapped[0]["counts"][part] >= 4 for part in ("tasks", "novelty", "provisions"))
    assert all(k["counts"]["provisions"] >= 3 and 4 <= k["counts"]["tasks"] <= 7 and 3 <= k["counts"]["novelty"] <= 5
               for k in keys.values() if k["kind"] in ("dissertation", "masters-thesis"))
    assert all(k["publications_total"] for k in keys.values() if k["kind"] != "article")


def test_a_dissertation_has_no_object_and_no_subject():
    """The English consumer behaviour abstract: relevance, degree of elaboration, aim and objectives,
    methods, novelty, provisions, significance, approbation, publications, structure and content -
    but no object and no subject of research, under any heading or inline."""
    import docx
    text = "\n".join(p.text for p in docx.Document(INCLUDED).paragraphs).casefold()
    for there in ("relevance of the research topic", "degree of scientific elaboration", "aim and objectives",
                  "research methods", "scientific novelty", "provisions submitted for defence",
                  "approbation", "publications", "structure and volume"):
        assert there in text, there
    assert not re.search(r"\bobject\b|\bsubject\b|objects of|subject matter", text)
    assert all("object" not in k["gaps"] for k in map(_key, DOCUMENTS) if k["file"] != INCLUDED.name)


def test_the_documents_are_full_length():
    """Every dissertation and the master's thesis holds at least 1,600 words and the article 1,000,
    counted as published_keys.counted_text counts them (FineReader's «¬» joined)."""
    check_full_length(CORPUS, DOCUMENTS, lambda key: 1000 if key["kind"] == "article" else FLOOR, read_text=_text)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path, _decoded(path))


@pytest.mark.parametrize("path", WORD, ids=lambda p: p.name)
def test_the_word_lists_keep_their_numbers_in_numbering_xml(path):
    check_word_lists_keep_their_numbers(CORPUS, path)


def test_the_pdfs_have_a_text_layer_and_page_numbers():
    check_pdfs_are_paged(PDF, 3)


def test_a_pdf_is_a_scan_with_an_invisible_ocr_layer():
    """The Kazakh Candidate autoreferat as a scanned and OCR'd file: every page one black-and-white
    image of the page, the text under it drawn invisibly (text render mode 3), with the OCR's
    errors - Latin look-alikes inside Kazakh words, «к» for «қ» - that the image does not show."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c
    pdf = pypdfium2.PdfDocument(OCR)
    try:
        assert pdf.get_metadata_dict()["Producer"].startswith("ocrmypdf")
        for page in pdf:
            objects = list(page.get_objects())
            images = [o for o in objects if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]
            texts = [o for o in objects if o.type == pdfium_c.FPDF_PAGEOBJ_TEXT]
            assert len(images) == 1 and len(texts) > 5
            left, bottom, right, top = images[0].get_bounds()
            width, height = page.get_size()
            assert abs(right - left - width) < 1 and abs(top - bottom - height) < 1
            assert {pdfium_c.FPDFTextObj_GetTextRenderMode(o.raw) for o in texts} == {pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE}
            # what a viewer shows comes from the image: the rendered page has ink on it
            shown = bytes(page.render(scale=0.5, grayscale=True).buffer)
            assert sum(v < 128 for v in shown) > len(shown) // 400
    finally:
        pdf.close()
    text = _flat("\n".join(pdf_pages(OCR)))
    assert "Казакстан Республикасы" in text and "айнaлымға" in text and "шежiрелерде" in text
    assert re.search(r"[а-яәіңғүұқөһ][a-z]|[a-z][а-яәіңғүұқөһ]", text)


def _object_text(obj, textpage) -> str:
    import pypdfium2.raw as pdfium_c
    n = pdfium_c.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
    buffer = ctypes.create_string_buffer(n)
    pdfium_c.FPDFTextObj_GetText(obj.raw, textpage.raw, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), n)
    return buffer.raw[:n].decode("utf-16-le").rstrip("\x00")


def test_a_pdf_is_printed_word_by_word_without_spaces():
    """The Russian hydrometallurgy abstract as a virtual printer ("Microsoft Print to PDF") leaves
    it: every word its own text object and no space character anywhere in the content: every space
    pdfium gives is one it generated from a gap, so the words still read as sentences. No
    bookmarks."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c
    pdf = pypdfium2.PdfDocument(PRINTED)
    try:
        assert pdf.get_metadata_dict()["Producer"] == "Microsoft: Print To PDF"
        assert not pdfium_c.FPDFBookmark_GetFirstChild(pdf.raw, None)
        objects = spaces = 0
        for page in pdf:
            textpage = page.get_textpage()
            texts = [_object_text(o, textpage) for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_TEXT]
            # pdfium appends the space it infers after a word to that word's object text
            assert texts and not any(" " in t.strip() for t in texts), [t for t in texts if " " in t.strip()][:3]
            objects += len(texts)
            for i in range(textpage.count_chars()):
                if pdfium_c.FPDFText_GetUnicode(textpage.raw, i) == 32:
                    spaces += 1
                    assert pdfium_c.FPDFText_IsGenerated(textpage.raw, i) == 1
        assert objects > 1200 and spaces > 1000
    finally:
        pdf.close()
    text = _flat("\n".join(pdf_pages(PRINTED)))
    assert "Актуальность темы исследования." in text and "сернокислотного выщелачивания никеля и кобальта" in text


def test_a_word_file_is_the_result_of_an_includetext_field():
    """The English consumer behaviour annotation as a council's announcement that pulls it in from
    another file: everything after the title page is the cached result of one INCLUDETEXT field
    (begin and the instruction in its first paragraph, end in its last)."""
    import docx
    body = word_part(INCLUDED)
    assert body.count('w:fldCharType="begin"') == 1 and body.count('w:fldCharType="end"') == 1
    instruction = re.search(r"<w:instrText[^>]*>([^<]*)</w:instrText>", body).group(1)
    assert instruction.strip().startswith("INCLUDETEXT") and 'Annotation_ENG_final.docx"' in instruction
    begin, separate, end = (body.index(f'w:fldCharType="{t}"') for t in ("begin", "separate", "end"))
    assert body.index('w:type="page"') < begin < separate < body.index("Relevance of the research topic")
    assert body.index("make the cashless transition inclusive.") < end < body.index("<w:sectPr")
    paragraphs = [p.text for p in docx.Document(INCLUDED).paragraphs]
    assert "Relevance of the research topic" in paragraphs and not any("INCLUDETEXT" in p for p in paragraphs)


def test_a_text_file_keeps_finereader_not_signs():
    """The Kazakh cotton growing abstract as ABBYY FineReader's "Save as Text" leaves a scan: a word
    broken at a line end carries «¬» (U+00AC), never «-»; each «¬» ends a line and the next line
    goes on with the word."""
    raw = NOT_SIGNS.read_text(encoding="utf-8")
    assert raw.count("¬") >= 20 and raw.count("¬") == len(re.findall(r"\w¬\n[a-zа-яәіңғүұқөһ]", raw))
    assert not re.search(r"(?<=\w)-\n(?=[a-zа-яәіңғүұқөһ])", raw) or raw.count("¬") > raw.count("-\n")
    assert "Шар¬\nдара" in raw and "Шардара" not in raw
    joined = _decoded(NOT_SIGNS)
    assert "Шардара" in joined and "Тақырыптың өзектілігі" in joined and "тамшылатып суару" in joined


def test_a_markdown_file_has_its_paragraphs_as_indented_code_blocks():
    """The Russian master's thesis with a typed four-space "red line" before every body paragraph:
    after a blank line, CommonMark reads each one as an indented code block; headings and list
    items stay at the margin."""
    lines = INDENTED.read_text(encoding="utf-8").split("\n")
    indented = [i for i, line in enumerate(lines) if line.startswith("    ")]
    assert len(indented) >= 15 and all(lines[i - 1] == "" for i in indented)
    assert all(len(lines[i].split()) >= 12 and not lines[i].lstrip().startswith("#") for i in indented)
    assert any(line.startswith("    Павлодарская область – один из наиболее промышленно нагруженных регионов")
               for line in lines)
    assert "## Актуальность исследования" in lines and any(re.match(r"\d\) ", line) for line in lines)


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 9, 0.99, 0.99, 0.83, 0.87, 0.85


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers as on 8ab35b4 (FIRST_MEASUREMENT.txt): 9/9 loaded, fields 0.989, first words
    # 1.000, entities P 0.831, R 0.849, F1 0.840 (one title lost to a council announcement naming the candidate).
    # After the fixes made against it (FINAL_MEASUREMENT.txt): 9/9, 1.000, 1.000, 0.839 / 0.877 / 0.857.
    check_floors(CORPUS, 9, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
