"""The Russian third of the forty-second held-out corpus (tests/fixtures/published-42/, issue #10): a
PhD abstract in maritime law (PDF) marked up by the council's secretary in Foxit PDF Editor, a
master's thesis abstract in animation saved by МойОфис Текст (Word) and a PhD abstract in water
supply without provisions for defence and approbation (text). Their answer keys say what the
documents say, in the first corpus's format. The files are read with pypdfium2, python-docx,
zipfile and plain text reading, never with the mappers: the corpus measures them, so nothing here
may depend on what they do. The mix of the whole corpus (check_the_mix) and the mappers' floors are
the lead's, added at the merge and after the measurement.
"""
from __future__ import annotations

import ctypes
import re
import zipfile

import pytest

from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, check_word_lists_keep_their_numbers, key_of, pdf_pages)

CORPUS = ROOT / "tests" / "fixtures" / "published-42"
FOXIT = CORPUS / "ru-maritime-law-phd.pdf"
MYOFFICE = CORPUS / "ru-animation-masters.docx"
GAPPED = CORPUS / "ru-water-supply-phd-no-provisions-approbation.txt"
FILES = [FOXIT, MYOFFICE, GAPPED]
FLOOR = 1600


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _flat(text: str) -> str:
    return " ".join(text.replace("\ufffe", "").replace("\u00ad", "").split())


def test_the_russian_part_is_what_the_brief_asks_for():
    """Three Russian documents: two PhD abstracts (PDF, text) and a master's thesis (Word); fields
    maritime law, animation and water supply; the water supply abstract has neither provisions
    nor approbation, the other two have every list."""
    keys = {p.name: _key(p) for p in FILES}
    assert all(p.exists() for p in FILES)
    assert {k["lang"] for k in keys.values()} == {"ru"}
    assert [k["field"] for k in keys.values()] == ["maritime law", "animation", "water supply"]
    assert [(k["kind"], k["degree"]) for k in keys.values()] == [
        ("dissertation", "phd"), ("masters-thesis", "master"), ("dissertation", "phd")]
    assert all(k["author"] and k["title"] and k["institution"] and k["publications_total"] for k in keys.values())
    for path in (FOXIT, MYOFFICE):
        k = keys[path.name]
        assert not k["gaps"] and k["counts"]["provisions"] >= 3
        assert 4 <= k["counts"]["tasks"] <= 7 and 3 <= k["counts"]["novelty"] <= 5
    gapped = keys[GAPPED.name]
    assert gapped["gaps"] == ["provisions", "approbation"]
    assert gapped["counts"]["provisions"] == 0 and gapped["counts"]["tasks"] == 5 and gapped["counts"]["novelty"] == 4
    # the master's thesis: «АВТОРЕФЕРАТ магистерской диссертации», a 7M code, a supervisor
    import docx
    start = _flat(" ".join(p.text for p in docx.Document(MYOFFICE).paragraphs[:12]))
    assert keys[MYOFFICE.name]["specialty_code"].startswith("7M")
    assert "АВТОРЕФЕРАТ магистерской диссертации" in start and "Научный руководитель:" in start
    # the PhD abstracts: an 8D code and a foreign consultant on the title page
    for path, first in ((FOXIT, _flat(pdf_pages(FOXIT)[0])),
                        (GAPPED, _flat(" ".join(GAPPED.read_text(encoding="utf-8").split("\n")[:14])))):
        assert _key(path)["specialty_code"].startswith("8D")
        assert "Научные консультанты:" in first and re.search(r"\([^()]*, (Германия|Польша)\)", first), path.name
    # the maritime law abstract names the Caspian, Aktau and the Merchant Shipping Law
    quotes = {e["text"] for e in keys[FOXIT.name]["entities"]}
    assert {"Каспийское море", "Актау", "Закон Республики Казахстан «О торговом мореплавании»"} <= quotes


def test_the_documents_are_full_length():
    check_full_length(CORPUS, FILES, lambda key: FLOOR)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_the_word_lists_keep_their_numbers_in_numbering_xml():
    check_word_lists_keep_their_numbers(CORPUS, MYOFFICE)


def test_the_pdf_has_a_text_layer_and_page_numbers():
    check_pdfs_are_paged([FOXIT], 3)
    pages = [_flat(t) for t in pdf_pages(FOXIT)]
    header = "Абдильдина Ж.Т. Правовое регулирование торгового мореплавания"
    assert all(p.startswith(header) for p in pages[1:])
    body = " ".join(pages[1:])
    for part in ("ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ", "НАУЧНАЯ НОВИЗНА", "ПОЛОЖЕНИЯ, ВЫНОСИМЫЕ НА ЗАЩИТУ",
                 "ОСНОВНОЕ СОДЕРЖАНИЕ РАБОТЫ", "ЗАКЛЮЧЕНИЕ", "а) обосновано", "г) разработана",
                 "1) Правовой режим", "5) Для перевозок", "1. Определить", "5. Сформулировать"):
        assert part in body, part


def test_the_abstract_without_provisions_and_approbation_says_neither():
    """The water supply abstract has no provisions for defence and no approbation, neither as a
    heading nor in a sentence (no defence, no talks, no conferences); its other parts are there."""
    text = _flat(GAPPED.read_text(encoding="utf-8")).casefold()
    for word in ("положени", "защит", "апробац", "доклад", "доложен", "конференц", "семинар", "форум"):
        assert word not in text, word
    for part in ("актуальность темы исследования", "степень разработанности", "цель исследования",
                 "задачи исследования", "объект исследования", "научная новизна", "практическая значимость",
                 "публикации.", "основное содержание работы", "заключение"):
        assert part in text, part
    # the text file is a PDF's text: justified lines, a running header and page numbers
    lines = GAPPED.read_text(encoding="utf-8").split("\n")
    assert sum(line.strip() == "Автореферат диссертации на соискание степени доктора философии (PhD)"
               for line in lines) >= 3
    assert sum(bool(re.fullmatch(r"– \d+ –", line.strip())) for line in lines) >= 3
    assert any("  " in line.strip() for line in lines) and max(len(line) for line in lines) <= 88


# ---------------------------------------------------------------- the Foxit annotations

def _annotations(path):
    """(page index, subtype, Contents, /T, normal appearance stream) of every annotation, by pdfium."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as r

    def text(annot, key: bytes) -> str:
        n = r.FPDFAnnot_GetStringValue(annot, key, None, 0)
        buffer = ctypes.create_string_buffer(n)
        r.FPDFAnnot_GetStringValue(annot, key, ctypes.cast(buffer, ctypes.POINTER(r.FPDF_WCHAR)), n)
        return buffer.raw[:max(n - 2, 0)].decode("utf-16-le")

    def appearance(annot) -> str:
        n = r.FPDFAnnot_GetAP(annot, r.FPDF_ANNOT_APPEARANCEMODE_NORMAL, None, 0)
        buffer = ctypes.create_string_buffer(n)
        r.FPDFAnnot_GetAP(annot, r.FPDF_ANNOT_APPEARANCEMODE_NORMAL, ctypes.cast(buffer, ctypes.POINTER(r.FPDF_WCHAR)), n)
        return buffer.raw[:max(n - 2, 0)].decode("utf-16-le")

    found = []
    pdf = pdfium.PdfDocument(path)
    try:
        for index, page in enumerate(pdf):
            for n in range(r.FPDFPage_GetAnnotCount(page.raw)):
                annot = r.FPDFPage_GetAnnot(page.raw, n)
                found.append((index, r.FPDFAnnot_GetSubtype(annot), text(annot, b"Contents"), text(annot, b"T"),
                              appearance(annot)))
                r.FPDFPage_CloseAnnot(annot)
    finally:
        pdf.close()
    return found


def test_a_pdf_is_marked_up_in_foxit_pdf_editor():
    """The maritime law autoreferat as the council's secretary marked it up in Foxit PDF Editor:
    typewriter FreeText annotations (the incoming number and date on the title page, «Копия верна»
    with the secretary and the date under the conclusion), a stamp «ПОЛУЧЕНО», sticky-note comments
    with their pop-ups and yellow highlights over headings, each with its author, a GUID and an
    appearance stream; pdfium's text layer has none of their text (the page content is
    LibreOffice's, nothing was flattened)."""
    import pypdfium2.raw as r
    annots = _annotations(FOXIT)
    pages = len(pdf_pages(FOXIT))
    by_type = {}
    for page, subtype, contents, author, ap in annots:
        by_type.setdefault(subtype, []).append((page, contents, author, ap))
    typewriters = by_type[r.FPDF_ANNOT_FREETEXT]
    assert [(p, c.split("\r")[0]) for p, c, _, _ in typewriters] == [(0, "Вх. № 347/01"), (pages - 1, "Копия верна")]
    assert "17.02.2025" in typewriters[0][1] and "Ученый секретарь диссертационного совета" in typewriters[1][1]
    (stamp,) = by_type[r.FPDF_ANNOT_STAMP]
    assert stamp[0] == pages - 1 and stamp[1].startswith("ПОЛУЧЕНО")
    notes = by_type[r.FPDF_ANNOT_TEXT]
    assert len(notes) == 3 and len(by_type[r.FPDF_ANNOT_POPUP]) == 3
    highlights = by_type[r.FPDF_ANNOT_HIGHLIGHT]
    assert {c for _, c, _, _ in highlights} == {"ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ", "ПОЛОЖЕНИЯ, ВЫНОСИМЫЕ НА ЗАЩИТУ",
                                               "Публикации."}
    for _, _, author, ap in typewriters + [stamp] + notes + highlights:
        assert author == "Сейткали А.М." and ap.strip()
    # the typewriter and stamp appearances draw text in an embedded font; the highlight multiplies
    assert all(re.search(r"Tf.*T[jJ]", ap, flags=re.S) for _, _, _, ap in typewriters + [stamp])
    assert all(" re " in ap or " re\n" in ap or "re B" in ap for _, _, _, ap in notes)
    raw = FOXIT.read_bytes()
    for mark in (rb"/IT /FreeTextTypewriter", rb"/Subtype /FreeText", rb"/Subtype /Stamp", rb"/Name /Comment",
                 rb"/Subtype /Popup", rb"/BM /Multiply", rb"/QuadPoints", rb"/RC ", rb"/DA ", rb"/NM ",
                 rb"/CreationDate", rb"/M ", rb"/FontFile2",
                 rb"/ToUnicode"):
        assert mark in raw, mark
    assert raw.count(b"/Subtype /FreeText") == 2 and raw.count(b"/Subtype /Highlight") == 3
    # pdfium's text layer: the page content only, none of the annotations' text
    text = " ".join(pdf_pages(FOXIT))
    for typed in ("Копия верна", "ПОЛУЧЕНО", "Вх. №", "Сейткали", "Сверить число публикаций"):
        assert typed not in text, typed
    # the highlighted words are in the text layer under the highlights
    assert all(c in _flat(text) for _, c, _, _ in highlights)


# ---------------------------------------------------------------- the МойОфис Word file

def test_a_word_file_is_saved_by_myoffice():
    """The animation master's thesis as МойОфис Текст saves a .docx: app.xml names MyOffice; no
    revision ids anywhere; XO Thames in the document defaults, the Normal style, every body run and
    every list level, PT Astra Serif in the headings; a font table of those with their Windows
    alternatives; no latent styles, no theme; numbering.xml holds only the text's three lists,
    nine levels each, without nsid or template codes; the parts Word's template brings are gone.
    python-docx opens it and reads every paragraph and list item."""
    import docx
    with zipfile.ZipFile(MYOFFICE) as z:
        names = z.namelist()
        part = {name: z.read(name).decode("utf-8") for name in names if name.endswith((".xml", ".rels"))}
    assert "<Application>MyOffice</Application>" in part["docProps/app.xml"]
    assert re.search(r"<AppVersion>20\d\d\.\d\d</AppVersion>", part["docProps/app.xml"])
    assert "<Template>" not in part["docProps/app.xml"]
    assert not any(n.startswith(("customXml/", "word/theme/")) or n in (
        "word/stylesWithEffects.xml", "word/webSettings.xml", "docProps/thumbnail.jpeg") for n in names)
    assert not any(re.search(r"theme|stylesWithEffects|webSettings|customXml|thumbnail", part[n])
                   for n in ("[Content_Types].xml", "word/_rels/document.xml.rels", "_rels/.rels"))
    assert not any("rsid" in xml for xml in part.values())
    styles = part["word/styles.xml"]
    assert "latentStyles" not in styles and "Theme" not in styles
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles).group(0)
    assert 'w:ascii="XO Thames"' in defaults and '<w:lang w:val="ru-RU"' in defaults
    assert re.search(r'w:styleId="Heading2">.*?w:ascii="PT Astra Serif"', styles)
    fonts = part["word/fontTable.xml"]
    for name, alternative in (("XO Thames", "Times New Roman"), ("PT Astra Serif", "Times New Roman"),
                              ("XO Oriel", "Arial")):
        assert re.search(rf'<w:font w:name="{name}"><w:altName w:val="{alternative}"/>', fonts), name
    settings = part["word/settings.xml"]
    assert '<w:decimalSymbol w:val=","/>' in settings and "compatibilityMode" in settings
    body = part["word/document.xml"]
    paragraphs = re.findall(r"<w:p[ >](?:(?!</w:p>).)*</w:p>", body, flags=re.S)
    runs = [(p, r) for p in paragraphs for r in re.findall(r"<w:r>(?:(?!</w:r>).)*</w:r>", p, flags=re.S)
            if "<w:t" in r]
    assert len(runs) > 60
    for p, run in runs:
        font = "PT Astra Serif" if '<w:pStyle w:val="Heading2"/>' in p else "XO Thames"
        assert f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>' in run, run[:200]
        assert '<w:sz w:val="28"/>' in run and '<w:lang w:val="ru-RU" w:eastAsia="ru-RU"/>' in run
    assert any('<w:pStyle w:val="Heading2"/>' in p for p, _ in runs)
    numbering = part["word/numbering.xml"]
    abstracts = re.findall(r'<w:abstractNum w:abstractNumId="(\d+)">(.*?)</w:abstractNum>', numbering, flags=re.S)
    assert [a for a, _ in abstracts] == ["0", "1", "2"]
    assert re.findall(r'<w:num w:numId="(\d+)"><w:abstractNumId w:val="(\d+)"/></w:num>', numbering) == [
        ("1", "0"), ("2", "1"), ("3", "2")]
    assert "w:nsid" not in numbering and "w:tmpl" not in numbering
    for _, xml in abstracts:
        assert xml.count("<w:lvl ") == 9 and xml.count('w:ascii="XO Thames"') == 9
    formats = re.findall(r'<w:lvl w:ilvl="0">.*?<w:numFmt w:val="(\w+)"/><w:lvlText w:val="([^"]*)"/>', numbering)
    assert formats == [("decimal", "%1."), ("bullet", "–"), ("upperRoman", "%1.")]
    assert sorted(set(re.findall(r'<w:numId w:val="(\d+)"/>', body))) == ["1", "2", "3"]
    document = docx.Document(MYOFFICE)
    key = _key(MYOFFICE)
    assert key["title"] in [p.text for p in document.paragraphs]
    assert sum(p._p.pPr is not None and p._p.pPr.numPr is not None for p in document.paragraphs) == \
        sum(key["counts"].values())
    assert {p.style.name for p in document.paragraphs} == {"Normal", "Heading 2", "List Paragraph"}
