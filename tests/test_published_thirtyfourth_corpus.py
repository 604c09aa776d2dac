"""The thirty-fourth held-out corpus (tests/fixtures/published-34/, issue #10): nine abstracts that
mix fields - two in the humanities (rural history, manuscript studies), two in the natural sciences
(mammalogy, palynology), two in engineering and agriculture (non-destructive testing, pomology),
two in the social sciences and education (museum pedagogy, philanthropy) and one in medicine
(neurosurgery) - three Kazakh, three Russian and three English. Its answer keys say what the
documents say, in the first corpus's format, and the documents are the mix the issue asks for.
The files are read with pypdfium2, python-docx, zipfile and plain text reading, never with the
mappers: the corpus measures them, so nothing here may depend on what they do. (The mappers'
floors, the last test, were added after the corpus had been measured.)
"""
from __future__ import annotations

import re
from collections import Counter

from published_keys import (ROOT, check_floors, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, check_the_mix, check_word_lists_keep_their_numbers, documents,
                            key_of, only_one, pdf_pages, pdf_text, word_part)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-34"
# (published-33 was written at the same time as this corpus, blind to it; its fields differ by rule)
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", *(f"published-{n}" for n in range(2, 34)))]
DOCUMENTS = documents(CORPUS)
WORD = [p for p in DOCUMENTS if p.suffix == ".docx"]
PDF = [p for p in DOCUMENTS if p.suffix == ".pdf"]
OCR = CORPUS / "ru-rural-history-doctor.pdf"
PRINTED = CORPUS / "en-neurosurgery-phd.pdf"
CONVERTED = CORPUS / "kk-museum-pedagogy-phd.docx"
MARC = CORPUS / "kk-pomology-phd-no-relevance-aim.txt"
GUTENBERG = CORPUS / "ru-nondestructive-testing-phd.md"
ARTICLE = CORPUS / "kk-mammalogy-article.pdf"
FLOOR = 1600


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _flat(text: str) -> str:
    return " ".join(text.replace("\ufffe", "").replace("\u00ad", "").split())


def test_the_corpus_is_the_mix_the_issue_asks_for():
    """check_the_mix with this corpus's counts: 3 PDF, 2 Word, 2 text and 2 Markdown files, kk/ru/en
    as 3/3/3, one Kazakh journal article by three authors, one Russian Doctor of Sciences
    autoreferat (an old specialty code), one English master's thesis, six PhD abstracts, one PhD
    abstract without relevance and aim, nine fields no earlier corpus (published ... published-32)
    has."""
    assert len(EARLIER) == 33 and all(folder.is_dir() for folder in EARLIER)
    # check_the_mix knows three kinds of gap (provisions, front, tasks); this corpus's gap is none
    # of them, so it is checked below
    keys = check_the_mix(CORPUS, DOCUMENTS, EARLIER, at_least=9, phd=6, new_fields=9, lang_spread=0,
                         formats=(3, 2, 2, 2), articles=1, candidate=0, doctor=1, incomplete=())
    assert sorted(p.suffix for p in DOCUMENTS) == sorted([".pdf"] * 3 + [".docx"] * 2 + [".txt"] * 2 + [".md"] * 2)
    assert Counter(k["lang"] for k in keys.values()) == {"kk": 3, "ru": 3, "en": 3}
    assert Counter(k["kind"] for k in keys.values()) == {"dissertation": 7, "article": 1, "masters-thesis": 1}
    assert Counter(k["degree"] for k in keys.values()) == {"phd": 6, "doctor": 1, "master": 1, None: 1}
    for lang in ("kk", "ru", "en"):
        assert len({p.suffix for p in DOCUMENTS if _key(p)["lang"] == lang}) >= 2, lang
    # every field's English name starts with a letter from M to Z (the other writer had A to L)
    assert all("m" <= k["field"][0] <= "z" for k in keys.values())
    # the article: Kazakh, three authors with affiliations, ХҒТАР/ӘОЖ/DOI, Аңдатпа and Түйін сөздер,
    # IMRaD sections, Әдебиеттер, then the Russian and English summaries
    article = only_one(DOCUMENTS, lambda p: _key(p)["kind"] == "article")
    assert article == ARTICLE and _key(article)["lang"] == "kk" and len(_key(article)["authors"]) == 3
    lines = [line.strip() for line in pdf_text(article).replace("\ufffe", "-").replace("\u00ad", "").split("\n")]
    heads = ("ХҒТАР", "ӘОЖ", "https://doi.org/", "Аңдатпа.", "Түйін сөздер:", "Кіріспе", "Материалдар мен әдістер",
             "Нәтижелер", "Талқылау", "Қорытынды", "Әдебиеттер", "Аннотация.", "Ключевые слова:", "Abstract.",
             "Key words:")
    order = [next(i for i, line in enumerate(lines) if line == head or line.startswith(head + " ")
                  or (head.endswith((".", ":", "/")) and line.startswith(head))) for head in heads]
    assert order == sorted(order), order
    flat = _flat(pdf_text(article))
    assert "әл-Фараби атындағы Қазақ ұлттық университеті" in flat and "Грайфсвальд университеті" in flat
    # the Doctor of Sciences autoreferat: Russian, an old specialty code, title and council pages
    doctor = only_one(DOCUMENTS, lambda p: _key(p)["degree"] == "doctor")
    assert doctor == OCR and _key(doctor)["specialty_code"] == "07.00.02"
    pages = [_flat(t) for t in pdf_pages(doctor)]
    assert "На правах рукописи" in pages[0] and "доктора исторических наук" in pages[0]
    assert "Научный консультант:" in pages[1] and "Ведущая организация:" in pages[1]
    opponents = pages[1].split("Официальные оппоненты:")[1].split("Ведущая организация:")[0]
    assert opponents.count("доктор исторических наук, профессор") == 3
    body = " ".join(pages[2:])
    for part in ("ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ", "Основные положения, выносимые на защиту", "ОСНОВНОЕ СОДЕРЖАНИЕ РАБОТЫ",
                 "СПИСОК ОПУБЛИКОВАННЫХ РАБОТ", "Монографии"):
        assert part in body, part
    # the master's thesis: English, a 7M code, a supervisor
    master = only_one(DOCUMENTS, lambda p: _key(p)["kind"] == "masters-thesis")
    assert _key(master)["lang"] == "en" and _key(master)["specialty_code"].startswith("7M")
    text = _flat(master.read_text(encoding="utf-8"))
    assert "submitted for the academic degree of Master of Arts" in text and "Supervisor:" in text
    # one PhD abstract without relevance and aim, the others complete
    gapped = [k for k in keys.values() if k["kind"] == "dissertation" and k["gaps"]]
    assert [k["gaps"] for k in gapped] == [["relevance", "aim"]] and gapped[0]["degree"] == "phd"
    assert gapped[0]["file"] == MARC.name and gapped[0]["publications_total"] == 11
    assert all(k["counts"]["provisions"] >= 3 and 4 <= k["counts"]["tasks"] <= 7 and 3 <= k["counts"]["novelty"] <= 5
               for k in keys.values() if k["kind"] in ("dissertation", "masters-thesis"))
    assert all(k["publications_total"] for k in keys.values() if k["kind"] != "article")


def test_a_dissertation_has_no_relevance_and_no_aim():
    """The Kazakh pomology record: its abstract begins at the object and the subject; tasks,
    methods, novelty, provisions, significance, approbation, publications and structure follow,
    but there is no relevance section and no aim."""
    text = _flat(MARC.read_text(encoding="utf-8")).casefold()
    for there in ("зерттеу нысаны", "зерттеу пәні", "зерттеу міндеттері", "зерттеу әдістері", "ғылыми жаңалығы",
                  "қорғауға ұсынылатын", "практикалық маңыздылығы", "апробациясы", "жарияланымдар",
                  "құрылымы мен көлемі"):
        assert there in text, there
    for missing in ("өзектілі", "зерттеудің мақсаты", "зерттеу мақсаты", "жұмыстың мақсаты", "мақсаты:"):
        assert missing not in text, missing
    assert text.index("зерттеу нысаны") < text.index("зерттеу міндеттері")


def test_the_documents_are_full_length():
    """Every dissertation and the master's thesis holds at least 1,600 words, the article 1,000,
    counted as published_keys.counted_text counts them."""
    check_full_length(CORPUS, DOCUMENTS, lambda key: 1000 if key["kind"] == "article" else FLOOR)


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
    check_pdfs_are_paged(PDF, 3)


def test_a_pdf_is_a_page_image_over_an_invisible_ocr_layer():
    """The Russian Doctor autoreferat as OCR software's "searchable PDF" of a scan: every page holds
    one image covering the page and text objects in render mode 3 (invisible) only, no vector
    paths; the text layer reads, with OCR's Latin homoglyphs inside Russian words."""
    import ctypes

    import pypdfium2
    import pypdfium2.raw as raw
    pdf = pypdfium2.PdfDocument(OCR)
    try:
        for page in pdf:
            width, height = page.get_size()
            objects = list(page.get_objects())
            kinds = Counter(obj.type for obj in objects)
            assert kinds[raw.FPDF_PAGEOBJ_IMAGE] == 1 and kinds[raw.FPDF_PAGEOBJ_PATH] == 0
            assert objects[0].type == raw.FPDF_PAGEOBJ_IMAGE
            box = [ctypes.c_float() for _ in range(4)]
            raw.FPDFPageObj_GetBounds(objects[0].raw, *box)
            left, bottom, right, top = (v.value for v in box)
            assert abs(right - left - width) < 1 and abs(top - bottom - height) < 1
            texts = [obj for obj in objects if obj.type == raw.FPDF_PAGEOBJ_TEXT]
            assert texts and all(raw.FPDFTextObj_GetTextRenderMode(obj.raw) == raw.FPDF_TEXTRENDERMODE_INVISIBLE
                                 for obj in texts)
    finally:
        pdf.close()
    text = _flat(pdf_text(OCR))
    assert "xозяйственной" in text and "x" not in "хозяйственной"  # a Latin x in a Russian word
    assert "3ащита состоится" in text and "ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ" in text
    assert len(re.findall(r"[а-яё]+[a-z]+[а-яё]*|[a-z]+[а-яё]+", text)) >= 15


def test_a_pdf_is_printed_word_by_word_without_spaces():
    """The English neurosurgery abstract as a virtual printer driver writes it: every word a text
    object of its own, no space character in the content (every space pdfium reports is one it
    generated from a gap), and the driver's Producer in the Info dictionary."""
    import ctypes

    import pypdfium2
    import pypdfium2.raw as raw
    raw_bytes = PRINTED.read_bytes()
    assert raw_bytes.count(b"%%EOF") == 2 and b"/Producer(Microsoft: Print To PDF)" in raw_bytes
    pdf = pypdfium2.PdfDocument(PRINTED)
    try:
        assert pdf.get_metadata_dict()["Producer"] == "Microsoft: Print To PDF"
        assert pdf.get_metadata_dict()["Title"].startswith("Microsoft Word - ")
        for page in pdf:
            textpage = page.get_textpage()
            objects = [obj for obj in page.get_objects() if obj.type == raw.FPDF_PAGEOBJ_TEXT]
            words = textpage.get_text_range().split()
            assert len(objects) >= len(words) > 20
            for obj in objects[:80]:
                size = raw.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
                buffer = ctypes.create_string_buffer(size)
                raw.FPDFTextObj_GetText(obj.raw, textpage.raw, ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)), size)
                # pdfium gives an object's text with the space it generated after it
                word = buffer.raw[: size - 2].decode("utf-16-le").strip()
                assert word and " " not in word, word
            spaces = [i for i in range(textpage.count_chars()) if textpage.get_text_range(i, 1) == " "]
            assert spaces and all(raw.FPDFText_IsGenerated(textpage.raw, i) == 1 for i in spaces)
    finally:
        pdf.close()
    assert "Relevance of the research topic" in _flat(pdf_text(PRINTED))


def test_a_word_file_is_a_pdf_converted_back_line_by_line():
    """The Kazakh museum pedagogy abstract as a PDF-to-Word converter leaves it: every printed line a
    paragraph, a section break at the end of every page, the running header and the page numbers
    as body paragraphs, no header or footer part referenced."""
    import docx
    body = word_part(CONVERTED)
    assert "<w:headerReference" not in body and "<w:footerReference" not in body
    paragraphs = [p.text for p in docx.Document(CONVERTED).paragraphs]
    assert body.count("<w:sectPr") >= 5
    header = "Л.Н. Гумилев атындағы Еуразия ұлттық университеті"
    assert sum(p == header for p in paragraphs) >= 4
    numbers = [int(p) for p in paragraphs if p.strip().isdigit()]
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers))) and len(numbers) >= 5
    long = [p for p in paragraphs if len(p) > 60]
    assert len(long) > 100 and max(len(p) for p in paragraphs) <= 97
    joined = " ".join(" ".join(paragraphs).split())
    phrase = "Мемлекет басшысы Қасым-Жомарт Тоқаев 2023 жылғы «Әділетті Қазақстанның"
    assert phrase in joined and not any(phrase in p for p in paragraphs)


def test_a_text_file_is_a_marc_21_record():
    """The Kazakh pomology abstract as a library catalogue's MARC 21 record: LDR and numbered fields
    with indicators and $-subfields, the abstract in repeated 520 fields, lines of at most 80
    characters with continuation lines indented by seven spaces."""
    lines = MARC.read_text(encoding="utf-8").split("\n")
    assert any(line.startswith("LDR ") for line in lines) and max(len(line) for line in lines) <= 80
    fields = [line[:3] for line in lines if re.match(r"\d{3} [ #\d]{2} \$[a-z] ", line)]
    assert fields.count("520") >= 12 and {"100", "245", "502", "650", "700", "856"} <= set(fields)
    assert sum(line.startswith(" " * 7) and not line.startswith(" " * 8) for line in lines) > 60
    assert any(line.startswith("245 10 $a Іле Алатауы") for line in lines)


def test_a_markdown_file_is_wordpress_block_markup():
    """The Russian non-destructive testing abstract as a WordPress post's raw block markup: every
    heading, paragraph, list and list item inside wp: block comments around HTML, no Markdown
    syntax left, a wp:file block with the download link at the end."""
    text = GUTENBERG.read_text(encoding="utf-8")
    for block in ("paragraph", "heading", "list", "list-item", "file", "separator"):
        opened = len(re.findall(rf"<!-- wp:{block}(?: {{[^}}]*}})? -->", text))
        assert opened == text.count(f"<!-- /wp:{block} -->") > 0, block
    assert text.count('<!-- wp:list {"ordered":true} -->') == 3 and text.count("<li>") == 12
    assert text.count('<h2 class="wp-block-heading">') >= 12 and "<strong>" in text
    assert not re.search(r"(?m)^(#+ |\d+\. |\*\*)", text) and "**" not in text
    assert text.rstrip().endswith("<!-- /wp:file -->") and ".pdf" in text.splitlines()[-2]


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 9, 0.99, 0.99, 0.85, 0.89, 0.87


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers as on beba23b (FIRST_MEASUREMENT.txt): 8/9 loaded (a MARC 21 record refused), fields
    # 0.878, first words 0.877, entities P 0.840, R 0.819, F1 0.829.
    # After the fixes made against it (FINAL_MEASUREMENT.txt): 9/9, 1.000, 1.000, 0.858 / 0.896 / 0.876.
    check_floors(CORPUS, 9, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
