"""The fortieth held-out corpus, its Kazakh part (tests/fixtures/published-40/kk-*, issue #10): a
Doctor of Sciences autoreferat in semiotics (PDF, the defence slides bound after it), a PhD
abstract in stylistics (Word) and a PhD abstract in wood technology (text, a page copied out of
OneNote). The keys say what the documents say, in the first corpus's format. The files are read
with pypdfium2, python-docx, zipfile and plain text reading, never with the mappers: the corpus
measures them, so nothing here may depend on what they do. The mix of the whole corpus
(check_the_mix) and the floors are the lead's, after the three parts are merged.
"""
from __future__ import annotations

import re

from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_word_lists_keep_their_numbers, documents, key_of, pdf_pages)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-40"
DOCUMENTS = [p for p in documents(CORPUS) if p.name.startswith("kk-")]
SLIDES = CORPUS / "kk-semiotics-doctor.pdf"
WORD = CORPUS / "kk-stylistics-phd.docx"
ONENOTE = CORPUS / "kk-wood-technology-phd.txt"
DECK = 9  # the slides bound after the autoreferat
FLOOR = 1600


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _flat(text: str) -> str:
    return " ".join(text.replace("\ufffe", "").replace("\u00ad", "").split())


def test_the_kazakh_part_is_three_documents():
    """Three Kazakh files: the Doctor autoreferat as PDF, a PhD abstract as Word, a PhD abstract as
    text; fields semiotics, stylistics and wood technology; complete lists in each."""
    assert [p.name for p in DOCUMENTS] == ["kk-semiotics-doctor.pdf", "kk-stylistics-phd.docx",
                                           "kk-wood-technology-phd.txt"]
    keys = {p.name: _key(p) for p in DOCUMENTS}
    assert [k["field"] for k in keys.values()] == ["semiotics", "stylistics", "wood technology"]
    assert all(k["lang"] == "kk" and k["kind"] == "dissertation" and not k["gaps"] for k in keys.values())
    assert [k["degree"] for k in keys.values()] == ["doctor", "phd", "phd"]
    for k in keys.values():
        assert k["counts"]["provisions"] >= 3 and 4 <= k["counts"]["tasks"] <= 7 and 3 <= k["counts"]["novelty"] <= 5
        assert k["author"] and k["title"] and k["publications_total"]
    # the PhD abstracts: a 8D code and a foreign consultant on the title page
    import docx
    word_start = _flat(" ".join(p.text for p in docx.Document(WORD).paragraphs[:12]))
    text_start = _flat(ONENOTE.read_text(encoding="utf-8")[:3000])
    for key, start in ((keys[WORD.name], word_start), (keys[ONENOTE.name], text_start)):
        assert key["specialty_code"].startswith("8D") and "философия докторы (PhD)" in start
        assert re.search(r"(Шетелдік ғылыми кеңесші|Ғылыми кеңесшілер):.*университет", start)


def test_the_doctor_autoreferat_has_its_title_and_council_pages():
    """The Kazakh Doctor of Sciences autoreferat: «Қолжазба құқығында», an old specialty code
    (10.02.02), «… ғылымдарының докторы ғылыми дәрежесін алу үшін дайындалған диссертацияның
    АВТОРЕФЕРАТЫ»; the council page with the scientific consultant, three official opponents,
    the leading organisation and the council's code; then the body, the conclusion, the list of
    publications and the résumés."""
    key = _key(SLIDES)
    assert re.fullmatch(r"\d\d\.\d\d\.\d\d", key["specialty_code"])
    pages = [_flat(t) for t in pdf_pages(SLIDES)]
    title = pages[0]
    for part in ("Қолжазба құқығында", "ӘОЖ", "10.02.02 – Қазақ тілі",
                 "филология ғылымдарының докторы ғылыми дәрежесін алу үшін дайындалған диссертацияның АВТОРЕФЕРАТЫ"):
        assert part in title, part
    council = pages[1]
    assert "Ғылыми кеңесші:" in council and "Жетекші ұйым:" in council
    opponents = council.split("Ресми оппоненттер:")[1].split("Жетекші ұйым:")[0]
    assert opponents.count("ғылымдарының докторы") == 3
    assert re.search(r"Д \d\d\.\d\d\.\d\d диссертациялық кеңесінің", council)
    assert "Автореферат 2010 жылғы" in council and "ғалым хатшысы" in council
    body = " ".join(pages[2:-DECK])
    for part in ("ЖҰМЫСТЫҢ ЖАЛПЫ СИПАТТАМАСЫ", "Қорғауға ұсынылатын негізгі қағидалар", "ЖҰМЫСТЫҢ НЕГІЗГІ МАЗМҰНЫ",
                 "ҚОРЫТЫНДЫ", "ДИССЕРТАЦИЯ ТАҚЫРЫБЫ БОЙЫНША ЖАРИЯЛАНҒАН ЕҢБЕКТЕР ТІЗІМІ", "РЕЗЮМЕ", "SUMMARY"):
        assert part in body, part


def test_the_documents_are_full_length():
    """Each holds at least 1,600 words, counted as published_keys.counted_text counts them; the
    autoreferat without its slides holds them too."""
    check_full_length(CORPUS, DOCUMENTS, lambda key: FLOOR)
    assert len(" ".join(pdf_pages(SLIDES)[:-DECK]).split()) >= FLOOR


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_the_word_lists_keep_their_numbers_in_numbering_xml():
    check_word_lists_keep_their_numbers(CORPUS, WORD)


def test_the_autoreferat_is_paged():
    """The autoreferat's pages have a text layer and their numbers (2, 3, … under the text; the
    title page has none); the slides after it are the next test's."""
    pages = pdf_pages(SLIDES)[:-DECK]
    assert len(pages) >= 5 and all(len(t.split()) > 20 for t in pages)
    numbered = [re.search(rf"(?m)^\s*{i}\s*$", t) for i, t in enumerate(pages[1:], 2)]
    assert all(numbered)
    assert not re.search(r"(?m)^\s*1\s*$", pages[0])


def test_a_pdf_ends_with_the_defence_slides():
    """The Doctor autoreferat with its defence presentation bound after it: nine landscape 16:9
    pages (960 x 540 pt) after the portrait A4 autoreferat - a title slide with the university, the
    title, the candidate and the consultant; «Өзектілігі» and the other bullet slides; two chart
    slides whose bars are filled rectangles under a caption «1-диаграмма – …»; the last slide
    «Назарларыңызға рахмет!»; the slides 2-8 numbered with their own numbers, apart from the
    autoreferat's."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    pdf = pdfium.PdfDocument(SLIDES)
    try:
        sizes = [tuple(round(v) for v in pdf[i].get_size()) for i in range(len(pdf))]
        assert sizes[:-DECK] == [(595, 842)] * (len(pdf) - DECK)
        assert sizes[-DECK:] == [(960, 540)] * DECK
        bars = []
        for i in range(len(pdf) - DECK, len(pdf)):
            filled = [o for o in pdf[i].get_objects() if o.type == raw.FPDF_PAGEOBJ_PATH]
            bars.append(len(filled))
    finally:
        pdf.close()
    slides = [_flat(t) for t in pdf_pages(SLIDES)[-DECK:]]
    key = _key(SLIDES)
    assert slides[0].startswith("әл-Фараби атындағы Қазақ ұлттық университеті " + key["title"])
    assert "Ізденуші: " + key["author"] in slides[0] and "Ғылыми кеңесші:" in slides[0]
    assert slides[1].startswith("Өзектілігі • ")
    assert slides[-1] == "Назарларыңызға рахмет!"
    for number, text in enumerate(slides[1:-1], 2):
        assert text.endswith(f"Д 14.61.05 диссертациялық кеңесі {number}"), text[-80:]
    charts = [i for i, t in enumerate(slides) if re.search(r"\d-диаграмма – ", t)]
    assert len(charts) == 2
    for i in charts:
        # a title bar, the footer's band and one bar a row
        rows = re.findall(r" (\d+)(?= )", slides[i].split("диаграмма – ")[1])
        assert bars[i] >= 2 + 4 and len(rows) >= 4
    # no slide carries the autoreferat's running header
    assert not any("Докторлық диссертацияның авторефераты" in t for t in slides)


def test_a_text_file_is_a_page_copied_out_of_onenote():
    """The wood technology abstract as a OneNote page copied to plain text: the page title, the
    date and the time under it, the note's to-do lines with their tag marks, the abstract pasted
    from the university's site in tab-indented outline levels (headings one tab, paragraphs two,
    list items three with their numbers), one paragraph a line, then OneNote's «Pasted from <URL>»
    line and the note's last to-dos; no page breaks, headers or page numbers."""
    text = ONENOTE.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0].startswith("PhD аңдатпа")
    assert re.fullmatch(r"\d{1,2} (қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан) \d{4} ж\.",
                        lines[1])
    assert re.fullmatch(r"\d{1,2}:\d\d", lines[2]) and lines[3] == ""
    tags = [line for line in lines if line and line[0] in "☐☑★"]
    assert {line[0] for line in tags} == {"☐", "☑", "★"} and len(tags) >= 5
    pasted = [i for i, line in enumerate(lines) if line.strip().startswith("Pasted from <")]
    assert len(pasted) == 1 and re.fullmatch(r"\tPasted from <https://[^>\s]+>", lines[pasted[0]])
    start = next(i for i, line in enumerate(lines) if line.startswith("\t"))
    assert all(line[0] in "☐☑★" for line in lines[4:start] if line)
    body = lines[start:pasted[0]]
    assert "\tҚорытынды" in body and body.index("\tҚорытынды") > body.index("\tЗерттеудің міндеттері")
    # the outline: headings at one tab, paragraphs at two, list items at three with their numbers
    key = _key(ONENOTE)
    assert "\t" + key["title"] in body
    items = [line for line in body if line.startswith("\t\t\t")]
    assert len(items) == sum(key["counts"].values())
    assert [line.split()[0] for line in items if line[3:4].isdigit()][:6] == ["1)", "2)", "3)", "4)", "5)", "6)"]
    assert sum(line.startswith("\t\t\t– ") for line in items) == key["counts"]["novelty"]
    paragraphs = [line for line in body if line.startswith("\t\t") and not line.startswith("\t\t\t")]
    assert len(paragraphs) >= 20 and max(len(line) for line in paragraphs) > 1000
    assert all(not line.strip() or line.startswith("\t") for line in body)
    assert "\f" not in text and not re.search(r"(?m)^\s*[–-]?\s*\d{1,3}\s*[–-]?\s*$", text)
