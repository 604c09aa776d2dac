"""The seventeenth held-out corpus (tests/fixtures/published-17/, issue #10): nine full-length
abstracts from the natural, technical, medical and agricultural sciences. Its answer keys say what
the documents say, in the first corpus's format, and the documents are the mix the issue asks for.
The files are read with the project's own libraries (pypdfium2, python-docx) and Python's codecs,
never with the mappers: the corpus measures them, so nothing here may depend on what they do.

Two text files are not UTF-8 (a windows-1251 file, a UTF-16 LE file with a BOM), as old files
are. tests/published_keys.py reads text files as UTF-8 and is not changed for them: the key checks
run on a UTF-8 copy of each such file, decoded with its own codec, in a temporary folder beside a
copy of its key. (The mappers' floors are added by the lead after measuring.)
"""
from __future__ import annotations

import json
import re

from published_keys import ROOT, check_floors, check_key_format, check_key_says_what_the_document_says, check_the_mix, documents
from published_keys import word_part

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-17"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", *(f"published-{n}" for n in range(2, 17)))]
DOCUMENTS = documents(CORPUS)
WORD = [p for p in DOCUMENTS if p.suffix == ".docx"]
PDF = [p for p in DOCUMENTS if p.suffix == ".pdf"]
TEXT = [p for p in DOCUMENTS if p.suffix in (".txt", ".md")]
# the codec each text file was saved in (everything else is UTF-8)
CODECS = {"ru-otorhinolaryngology-candidate.txt": "cp1251", "kk-dairy-technology-phd.txt": "utf-16"}


def _pdf_pages(path) -> list[str]:
    import pypdfium2
    pdf = pypdfium2.PdfDocument(path)
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


def _text(path) -> str:
    return path.read_bytes().decode(CODECS.get(path.name, "utf-8"))


def test_the_corpus_is_the_mix_the_issue_asks_for():
    keys = check_the_mix(CORPUS, DOCUMENTS, EARLIER, at_least=9, phd=5, new_fields=9, formats=(2, 3, 2, 2),
                         articles=1, candidate=1, doctor=0, incomplete=("provisions",))
    assert len(keys) == 9
    assert {k["field"] for k in keys.values()} >= {"otorhinolaryngology", "plasma physics", "urology"}


def test_the_documents_are_full_length():
    """Real abstracts, not sketches: every dissertation runs to well over a thousand words
    (Kazakh words are long: its abstracts have fewer of them for the same content)."""
    for path in DOCUMENTS:
        key = json.loads((CORPUS / "expected" / f"{path.name}.json").read_text(encoding="utf-8"))
        if path.suffix == ".pdf":
            text = "\n".join(_pdf_pages(path))
        elif path.suffix == ".docx":
            text = " ".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", word_part(path)))
        else:
            text = _text(path)
        floor = {"article": 300, "masters-thesis": 850}.get(key["kind"], 1150)
        assert len(text.split()) >= floor, (path.name, len(text.split()))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path, _text(path) if path.name in CODECS else None)


def test_a_russian_autoreferat_is_saved_in_windows_1251():
    """An old Russian file in windows-1251 with CR LF line ends: not UTF-8, and the Kazakh
    summary's letters that code page lacks (ә, ғ, қ, ң, ө, ұ, ү) are «?» («Т?ЙІН»)."""
    raw = (CORPUS / "ru-otorhinolaryngology-candidate.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("cp1251")
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert "АВТОРЕФЕРАТ" in text.upper() and "Т?ЙІН" in text and "Са?ынды?ова" in text


def test_a_russian_autoreferat_is_what_catdoc_prints_from_a_doc():
    """The text catdoc printed from a Word 97-2003 .doc (LibreOffice --convert-to doc): lines
    wrapped short, automatic list numbers gone (the tasks follow their heading unnumbered), table
    cells separated by tabs, the footnote's mark gone and its text after the whole document."""
    text = _text(CORPUS / "ru-otorhinolaryngology-candidate.txt").replace("\r\n", "\n")
    lines = [line for line in text.split("\n") if line.strip()]
    assert sum(len(line) <= 45 for line in lines) / len(lines) > 0.9
    assert re.search(r"Задачи исследования:\n\nИзучить распространенность", text)
    assert not re.search(r"(?m)^\s*1[.)]\s+Изучить", text)
    assert re.search(r"(?m)^Основная \(Приаралье\)\t136\t", text)
    # the footnote (its text about the hydrometeorological centre) comes after the Kazakh summary
    assert text.index("гидрометеорологии") > text.index("Т?ЙІН")
    assert re.search(r"значения\. Постоянное", text)


def test_a_kazakh_text_file_is_utf16_with_a_bom():
    """Notepad's "Unicode": UTF-16 little-endian with a byte-order mark, CR LF, a paragraph a line."""
    raw = (CORPUS / "kk-dairy-technology-phd.txt").read_bytes()
    assert raw[:2] == b"\xff\xfe" and raw[2:4] == "А".encode("utf-16-le")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("utf-16")
    assert "\r\n" in text and "Зерттеу тақырыбының өзектілігі." in text
    assert max(len(line) for line in text.split("\r\n")) > 600


def test_a_kazakh_masters_thesis_is_google_docs_markdown():
    """Google Docs' "Download as Markdown": typed numbers and dashes escaped («1\\.», «\\-»,
    «\\*»), headings in bold inside «#», the logo as «![][image1]» with the image as a base64
    data URI at the end, a table with «:----» alignment rows."""
    text = (CORPUS / "kk-geomorphology-masters.md").read_text(encoding="utf-8")
    assert len(re.findall(r"(?m)^\d\\\. ", text)) >= 4
    assert len(re.findall(r"(?m)^\\- ", text)) >= 3 and len(re.findall(r"(?m)^\\\* ", text)) >= 3
    assert text.startswith("![][image1]") and "[image1]: <data:image/png;base64," in text
    assert re.search(r"(?m)^## \*\*.+\*\*$", text) and "| :---- |" in text


def test_an_english_article_is_asciidoc_saved_as_markdown():
    """An AsciiDoc source with a .md name: a «//» comment, «= Title», the author and revision
    lines, «:attribute:» entries (the keywords among them), a «****» sidebar, «[abstract]» and
    «== Abstract», a NOTE: admonition with an inline footnote:[…], a «----» listing and include::."""
    text = (CORPUS / "en-seed-science-article.md").read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0].startswith("// ") and lines[1].startswith("= Seed vigour") and lines[3].startswith("v1.2, ")
    assert ":keywords: seed vigour" in text and re.search(r"(?m)^:doctype: article$", text)
    assert "[abstract]\n== Abstract" in text and text.count("****") == 2
    assert re.search(r"(?m)^NOTE: .*footnote:\[", text) and "include::references.adoc[]" in text
    assert text.count("\n----\n") == 2 and not re.search(r"(?m)^#+ ", text)


def test_a_russian_abstract_is_an_a5_booklet_imposed_for_saddle_stitching():
    """An A5 booklet as the print shop's file has it: two A5 pages on each landscape sheet (each
    page a form XObject), in saddle-stitch order, blank pages padding the count to a multiple of
    four: for six sheets the pages run 12│1, 2│11, 10│3, 4│9, 8│5, 6│7, so the title page shares
    the first sheet with a blank last page and the conclusion (page 9) comes before page 5."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c
    path = CORPUS / "ru-plasma-physics-no-provisions.pdf"
    pdf = pypdfium2.PdfDocument(path)
    try:
        sizes = [page.get_size() for page in pdf]
        forms = [sum(obj.type == pdfium_c.FPDF_PAGEOBJ_FORM for obj in page.get_objects(max_depth=1))
                 for page in pdf]
    finally:
        pdf.close()
    assert all(abs(w - 2 * 419.5) < 3 and abs(h - 595.3) < 3 for w, h in sizes), sizes
    assert sum(forms) >= len(sizes) + 2 and all(n in (1, 2) for n in forms)
    sheets, total = len(sizes), 2 * len(sizes)
    order = [(total - i, i + 1) if i % 2 == 0 else (i + 1, total - i) for i in range(sheets)]
    pages = _pdf_pages(path)
    numbers = [[int(line) for line in page.splitlines() if re.fullmatch(r"\d{1,2}", line.strip())]
               for page in pages]
    for found, pair in zip(numbers, order):
        assert found == [n for n in pair if n in found], (found, pair)
    printed = sorted(n for found in numbers for n in found)
    assert printed == list(range(2, max(printed) + 1)) and max(printed) < total
    assert "АБЕНОВ ДАНИЯР" in pages[0] and numbers[0] == []
    last = next(i for i, found in enumerate(numbers) if max(printed) in found)
    assert "В заключении" in pages[last] and last < next(i for i, found in enumerate(numbers) if 5 in found)


def test_a_word_file_carries_reviewers_comments_and_a_tracked_insertion():
    """Not a new trap family (the seventh and eighth corpora have them): a Russian abstract under
    review, with comments in word/comments.xml and a sentence inserted with tracked changes."""
    path = CORPUS / "ru-drilling-engineering-phd.docx"
    assert word_part(path, "word/comments.xml").count("<w:comment ") >= 2
    assert re.search(r"<w:ins [^>]*>.*?Это приводит к перерасходу", word_part(path), flags=re.S)


def test_the_word_lists_are_automatic():
    """Tasks, novelty and provisions of the Word files are numbering.xml lists, in several
    formats (a word inside one list's level text: «Provision 1.»)."""
    for path in WORD:
        body = word_part(path)
        assert len(re.findall(r"<w:numPr>", body)) >= 10, path.name
    numbering = word_part(CORPUS / "en-urology-phd.docx", "word/numbering.xml")
    assert 'w:val="Provision %1."' in numbering and 'w:val="lowerRoman"' in numbering


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 9, 0.99, 0.99, 0.82, 0.84, 0.83


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers as on d1670a3 (FIRST_MEASUREMENT.txt): 6/9 loaded (Windows-1251, UTF-16 and
    # AsciiDoc files refused), fields 0.656, first words 0.733, entities P 0.818, R 0.603, F1 0.695.
    # After the structure fixes made against it and the eighteenth (SECOND_MEASUREMENT.txt): 9/9,
    # 1.000, 1.000, 0.844 / 0.838 / 0.841. After the entity rules made against corpora 11-18
    # (FINAL_MEASUREMENT.txt): 9/9, 1.000, 1.000, 0.839 / 0.854 / 0.846.
    check_floors(CORPUS, 9, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
