"""The forty-first held-out corpus, its Kazakh part (tests/fixtures/published-41/kk-*, issue #10): a
Candidate of Sciences autoreferat in tax law (PDF, its council page replaced by an incremental
update), a PhD abstract in phonetics (Word, saved by ONLYOFFICE) and a PhD abstract in aesthetics
without object and subject (text). The keys say what the documents say, in the first corpus's
format. The files are read with pypdfium2, python-docx, zipfile and plain text reading, never with
the mappers: the corpus measures them, so nothing here may depend on what they do. The mix of the
whole corpus (check_the_mix) and the floors are the lead's, after the three parts are merged.
"""
from __future__ import annotations

import re
import zipfile

from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, check_word_lists_keep_their_numbers, documents, key_of,
                            pdf_pages)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-41"
DOCUMENTS = [p for p in documents(CORPUS) if p.name.startswith("kk-")]
AUTOREFERAT = CORPUS / "kk-tax-law-candidate.pdf"
WORD = CORPUS / "kk-phonetics-phd.docx"
TEXT = CORPUS / "kk-aesthetics-phd-no-object-subject.txt"
FLOOR = 1600


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _flat(text: str) -> str:
    return " ".join(text.replace("\ufffe", "").replace("\u00ad", "").replace("\r", "").split())


def test_the_kazakh_part_is_three_documents():
    """Three Kazakh files: the Candidate autoreferat as PDF, a PhD abstract as Word, a PhD abstract
    without object and subject as text; fields tax law, phonetics and aesthetics."""
    assert [p.name for p in DOCUMENTS] == ["kk-aesthetics-phd-no-object-subject.txt", "kk-phonetics-phd.docx",
                                           "kk-tax-law-candidate.pdf"]
    keys = {p.name: _key(p) for p in DOCUMENTS}
    assert [k["field"] for k in keys.values()] == ["aesthetics", "phonetics", "tax law"]
    assert all(k["lang"] == "kk" and k["kind"] == "dissertation" for k in keys.values())
    assert [k["degree"] for k in keys.values()] == ["phd", "phd", "candidate"]
    assert [k["gaps"] for k in keys.values()] == [["object", "subject"], [], []]
    for k in keys.values():
        assert k["counts"]["provisions"] >= 4 and 4 <= k["counts"]["tasks"] <= 7 and 3 <= k["counts"]["novelty"] <= 5
        assert k["author"] and k["title"] and k["publications_total"]
    # the PhD abstracts: an 8D code and a foreign consultant on the title page
    import docx
    word_start = _flat(" ".join(p.text for p in docx.Document(WORD).paragraphs[:12]))
    text_start = _flat(TEXT.read_text(encoding="utf-8")[:1500])
    for key, start in ((keys[WORD.name], word_start), (keys[TEXT.name], text_start)):
        assert key["specialty_code"].startswith("8D") and "философия докторы (PhD)" in start
        assert re.search(r"Шетелдік ғылыми кеңесші:.*университет", start)


def test_the_candidate_autoreferat_has_its_title_and_council_pages():
    """«Қолжазба құқығында», ӘОЖ, the old specialty code 12.00.07, «заң ғылымдарының кандидаты
    ғылыми дәрежесін алу үшін дайындалған диссертацияның АВТОРЕФЕРАТЫ»; the council page with the
    supervisor, two official opponents, the leading organisation, the council's code and its
    scientific secretary; then the body, the conclusion, the publications and the résumés."""
    key = _key(AUTOREFERAT)
    assert key["specialty_code"] == "12.00.07"
    pages = [_flat(t) for t in pdf_pages(AUTOREFERAT)]
    title = pages[0]
    for part in ("Қолжазба құқығында", "ӘОЖ", "12.00.07 – Әкімшілік құқық; қаржы құқығы; ақпараттық құқық",
                 "заң ғылымдарының кандидаты ғылыми дәрежесін алу үшін дайындалған диссертацияның АВТОРЕФЕРАТЫ"):
        assert part in title, part
    council = pages[1]
    assert "Ғылыми жетекші:" in council and "Жетекші ұйым:" in council
    opponents = council.split("Ресми оппоненттер:")[1].split("Жетекші ұйым:")[0]
    assert opponents.count("заң ғылымдарының") == 2
    assert re.search(r"Д \d\d\.\d\d\.\d\d диссертациялық кеңесінің", council)
    assert "Автореферат 2009 жылғы" in council and "ғалым хатшысы" in council
    body = " ".join(pages[2:])
    for part in ("ЖҰМЫСТЫҢ ЖАЛПЫ СИПАТТАМАСЫ", "Қорғауға шығарылатын негізгі тұжырымдар", "ЖҰМЫСТЫҢ НЕГІЗГІ МАЗМҰНЫ",
                 "ҚОРЫТЫНДЫ", "ДИССЕРТАЦИЯ ТАҚЫРЫБЫ БОЙЫНША ЖАРИЯЛАНҒАН ЕҢБЕКТЕР ТІЗІМІ", "РЕЗЮМЕ", "SUMMARY"):
        assert part in body, part


def test_the_aesthetics_abstract_has_neither_object_nor_subject():
    """The PhD abstract in aesthetics goes from the aim and tasks to the hypothesis and the
    methodology: no «Зерттеу нысаны» (object), no «Зерттеу пәні» (subject), and its key says so;
    everything else a PhD abstract has is there."""
    text = _flat(TEXT.read_text(encoding="utf-8"))
    assert "нысаны" not in text and "пәні" not in text.replace("пәнін", "")
    for part in ("Зерттеу тақырыбының өзектілігі", "Мәселенің зерттелу деңгейі", "Зерттеудің мақсаты",
                 "Зерттеудің міндеттері", "Зерттеудің болжамы", "Зерттеудің ғылыми жаңалығы",
                 "Қорғауға шығарылатын негізгі тұжырымдар", "Жұмыстың сыннан өтуі", "ҚОРЫТЫНДЫ"):
        assert part in text, part


def test_the_documents_are_full_length():
    """Each holds at least 1,600 words, counted as published_keys.counted_text counts them."""
    check_full_length(CORPUS, DOCUMENTS, lambda key: FLOOR)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_the_word_lists_keep_their_numbers_in_numbering_xml():
    check_word_lists_keep_their_numbers(CORPUS, WORD)


def test_the_autoreferat_is_paged():
    check_pdfs_are_paged([AUTOREFERAT], 5)


def test_the_text_is_paged_with_its_running_header():
    """The text file as a PDF's text is: hard-wrapped lines, the running header over each page
    after the first, a page number under each page but the first."""
    lines = TEXT.read_text(encoding="utf-8").split("\n")
    headers = [i for i, line in enumerate(lines) if line.startswith("Мұқанова А.Е. Философия докторы")]
    assert max(len(line) for i, line in enumerate(lines) if i not in headers) <= 84
    numbers = [line.strip() for line in lines if re.fullmatch(r"\s*\d{1,2}\s*", line)]
    # the title page has neither header nor number; the others are numbered from 2
    assert len(headers) >= 4 and numbers == [str(n) for n in range(2, len(numbers) + 2)] and len(numbers) >= 4


def _revisions(data: bytes) -> list[bytes]:
    """Each revision of a PDF: the file up to and with each %%EOF and its line end."""
    ends = [m.end() for m in re.finditer(rb"%%EOF\r?\n?", data)]
    return [data[:end] for end in ends]


def test_a_pdf_has_its_council_page_replaced_by_an_incremental_update():
    """The autoreferat as the council's secretary corrected it after the defence was moved: the
    original file (LibreOffice's) kept byte for byte up to its %%EOF, then an update appended by
    pdfium's incremental save (the engine of Foxit's editors) - the corrected page 2 imported as new
    objects, the page tree written again, the old page's object freed, a second xref and a trailer
    whose /Prev points at the first xref, a second %%EOF. A viewer shows the new date and room; the
    first revision, still in the file, shows the old ones, and its other pages are the same."""
    import pypdfium2 as pdfium
    data = AUTOREFERAT.read_bytes()
    original, updated = _revisions(data)
    assert updated == data and data.startswith(original)
    first_xref = int(re.findall(rb"startxref\s+(\d+)", original)[-1])
    update = data[len(original):]
    trailer = re.findall(rb"trailer\s*<<(.*?)>>\s*startxref", update, flags=re.S)
    assert len(trailer) == 1 and re.search(rb"/Prev %d\b" % first_xref, trailer[0])
    assert re.search(rb"\d+ 0 obj\s*null\s*endobj", update), "the replaced page's object is freed"
    assert b"/Type/Page" in update.replace(b" ", b"") and b"stream" in update
    old = pdfium.PdfDocument(original)
    try:
        old_pages = [_flat(old[i].get_textpage().get_text_range()) for i in range(len(old))]
    finally:
        old.close()
    new_pages = [_flat(t) for t in pdf_pages(AUTOREFERAT)]
    assert len(old_pages) == len(new_pages) >= 6
    assert [i for i, (a, b) in enumerate(zip(old_pages, new_pages)) if a != b] == [1]
    assert "2009 жылғы «27» қарашада сағат 11.00-де" in old_pages[1]
    assert "Автореферат 2009 жылғы «26» қазанда таратылды" in old_pages[1]
    assert "2009 жылғы «18» желтоқсанда сағат 15.00-де" in new_pages[1]
    assert "Автореферат 2009 жылғы «17» қарашада таратылды" in new_pages[1]
    assert "«27» қарашада" not in " ".join(new_pages)


ONLYOFFICE_PARTS = ["[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml",
                    "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml", "word/fontTable.xml",
                    "word/settings.xml", "word/theme/theme1.xml", "word/numbering.xml"]


def test_a_word_file_is_saved_by_onlyoffice():
    """The phonetics abstract as ONLYOFFICE saves a Word file: its parts and only those, in its
    order; app.xml naming ONLYOFFICE with its properties in alphabetical order; no revision ids
    anywhere; its short settings.xml (compatibility mode 15, no w:rsids); styles.xml without latent
    styles, with ONLYOFFICE's style gallery and the linked character styles; every run naming its
    font in all four slots; numbering.xml with the text's lists only. python-docx opens it."""
    import docx
    with zipfile.ZipFile(WORD) as z:
        assert z.namelist() == ONLYOFFICE_PARTS
        parts = {name: z.read(name).decode("utf-8") for name in z.namelist()}
    app = parts["docProps/app.xml"]
    assert re.search(r"<Application>ONLYOFFICE/\d+\.\d+\.\d+\.\d+</Application>", app)
    names = re.findall(r"<(\w+)>", app.split("<Properties", 1)[1])
    assert names == sorted(names) and "Template" not in names and "AppVersion" not in names
    assert not any("rsid" in text for text in parts.values())
    settings = parts["word/settings.xml"]
    assert 'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"' in settings
    assert "<w:embedSystemFonts/>" in settings and '<w:defaultTabStop w:val="708"/>' in settings
    styles = parts["word/styles.xml"]
    assert "latentStyles" not in styles
    ids = re.findall(r'w:styleId="([^"]+)"', styles)
    for sid in ("Normal", "NoSpacing", "Heading1", "Heading2", "Heading9", "Title", "Subtitle", "Quote",
                "IntenseQuote", "ListParagraph", "Header", "Footer", "FootnoteText", "Heading2Char", "TitleChar"):
        assert sid in ids, sid
    assert '<w:rFonts w:ascii="Arial" w:eastAsia="Arial" w:hAnsi="Arial" w:cs="Arial"/>' in styles
    body = parts["word/document.xml"]
    assert 'mc:Ignorable="w14 w15 wp14"' in body
    runs = re.findall(r"<w:r>.*?</w:r>", body, flags=re.S)
    assert runs and all('<w:rFonts w:ascii="Times New Roman" w:eastAsia="Times New Roman" '
                        'w:hAnsi="Times New Roman" w:cs="Times New Roman"/>' in r for r in runs)
    assert '<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"' in body
    used = set(re.findall(r'<w:numId w:val="(\d+)"/>', body))
    assert set(re.findall(r'<w:num w:numId="(\d+)"', parts["word/numbering.xml"])) == used and len(used) >= 4
    document = docx.Document(WORD)
    texts = [p.text for p in document.paragraphs]
    assert len(texts) > 60 and _key(WORD)["title"] in texts
    assert [p.style.name for p in document.paragraphs if p.text == "Зерттеудің ғылыми жаңалығы"] == ["Heading 2"]
