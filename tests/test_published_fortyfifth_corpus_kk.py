"""The forty-fifth held-out corpus, its Kazakh part (tests/fixtures/published-45/kk-*, issue #10): a
PhD abstract in welding (Word, its citations inserted by Mendeley Desktop's Word plug-in as
``ADDIN CSL_CITATION`` fields), a PhD abstract in pastoralism without object and subject sections
(PDF, a CamScanner phone scan with an OCR text layer) and a journal article in heraldry
(Markdown). The keys say what the documents say, in the first corpus's format. The files are read
with pypdfium2, zipfile, python-docx and plain text reading, never with the mappers: the corpus
measures them, so nothing here may depend on what they do. The mix of the whole corpus
(check_the_mix) and the floors are the lead's, after the three parts are merged.
"""
from __future__ import annotations

import json
import re
import zipfile

from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, check_word_lists_keep_their_numbers, documents, key_of,
                            pdf_pages, reading, word_part)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-45"
DOCUMENTS = [p for p in documents(CORPUS) if p.name.startswith("kk-")]
WORD = CORPUS / "kk-welding-phd.docx"
PDF = CORPUS / "kk-pastoralism-phd-no-object-subject.pdf"
ARTICLE = CORPUS / "kk-heraldry-article.md"
EXPECTED = {WORD.name: ("welding", "dissertation", "phd", []),
            PDF.name: ("pastoralism", "dissertation", "phd", ["object", "subject"]),
            ARTICLE.name: ("heraldry", "article", None, [])}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _key(path) -> dict:
    return key_of(CORPUS, path)


def test_the_kazakh_part_is_the_three_documents_the_plan_names():
    """A Word PhD abstract in welding, a PDF PhD abstract in pastoralism without object and
    subject, a Markdown article in heraldry; full lists, many entities."""
    assert sorted(p.name for p in DOCUMENTS) == sorted(EXPECTED)
    for path in DOCUMENTS:
        key = _key(path)
        assert (key["field"], key["kind"], key["degree"], key["gaps"]) == EXPECTED[path.name]
        assert key["lang"] == "kk" and key["author"] and key["title"]
        if key["kind"] == "dissertation":
            assert key["counts"]["provisions"] >= 4 and 4 <= key["counts"]["tasks"] <= 7
            assert 4 <= key["counts"]["novelty"] <= 5 and key["publications_total"]
            assert len(key["entities"]) >= 80
        else:
            assert key["authors"] == ["Д.Т. Омарбекова", "С.Қ. Төлеуғазин", "М.А. Исабаев"]
            assert len(key["entities"]) >= 40


def test_the_documents_are_full_length():
    """1,600 counted words for a dissertation abstract, 1,000 for the article."""
    check_full_length(CORPUS, DOCUMENTS, lambda key: 1000 if key["kind"] == "article" else 1600)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_the_pdf_is_paged():
    check_pdfs_are_paged([PDF], 5)


def test_the_word_lists_keep_their_numbers():
    """Tasks «1)», novelty «а)» (russianLower), provisions «1.» live in numbering.xml."""
    check_word_lists_keep_their_numbers(CORPUS, WORD)
    numbering = word_part(WORD, "word/numbering.xml")
    for fmt in ("decimal", "russianLower"):
        assert f'w:numFmt w:val="{fmt}"' in numbering, fmt
    assert word_part(WORD).count("<w:numPr>") >= 6 + 5 + 4


def test_the_pastoralism_abstract_has_no_object_and_no_subject():
    """The gaps are real: no «нысаны» (object) and no «зерттеу пәні» (subject) anywhere; the
    parts round them (aim, tasks, hypothesis, methods) are there."""
    # the OCR's confusions folded on both sides: a heading may be read «әдiстерi»
    fold = str.maketrans("әіңүөұқ", "эiнyоук")
    text = reading(PDF).translate(fold)
    assert "нысан" not in text and "зерттеу пэнi" not in text and "пэнi" not in text
    for part in ("жұмыстың мақсаты", "зерттеудің міндеттері", "ғылыми болжамы", "зерттеу әдістері",
                 "ғылыми жаңалығы", "қорғауға шығарылатын"):
        assert part.translate(fold) in text, part


def test_the_title_parts():
    """The PhD abstracts name the degree, the old specialty code and two consultants, the foreign
    one abroad; the article has ҒТАМР, ӘОЖ, DOI, affiliations, аңдатпа, түйін сөздер and the IMRaD
    headings in order, then the references and the Russian and English summaries."""
    import docx
    start = " ".join(p.text for p in docx.Document(WORD).paragraphs[:14])
    for part in ("Қолжазба құқығында", "6D071200 – Машина жасау", "Философия докторы (PhD)",
                 "Шетелдік ғылыми кеңесші:", "Е.О. Патон атындағы Электрлі дәнекерлеу институты"):
        assert part in start, part
    title = " ".join(pdf_pages(PDF)[0].split())
    for part in ("Қолжазба құқығында", "6D060900 – География", "(PhD)", "Гиссен университеті"):
        assert part in title, part
    md = ARTICLE.read_text(encoding="utf-8")
    heads = [m.group(1) for m in re.finditer(r"(?m)^(.+)\n-{3,}$", md)]
    assert heads == ["Кіріспе", "Материалдар мен әдістер", "Нәтижелер", "Талқылау", "Қорытынды", "Әдебиеттер"]
    assert md.startswith("ҒТАМР 03.81.33\n\nӘОЖ 929.6(574)\n\nhttps://doi.org/10.26577/JH.")
    order = [md.index(s) for s in ("**Аңдатпа.**", "**Түйін сөздер:**", "Кіріспе\n---", "Әдебиеттер\n---",
                                   "**Аннотация.**", "**Abstract.**")]
    assert order == sorted(order)
    assert "1Әл-Фараби атындағы Қазақ ұлттық университеті, Алматы, Қазақстан" in md


def _fields(body: str) -> list[tuple[str, str, int]]:
    """Every complex field of document.xml: its instruction (the instrText runs joined), its shown
    result and the number of instrText runs the instruction is cut into."""
    from lxml import etree
    root = etree.fromstring(body.encode("utf-8"))
    fields, stack = [], []
    for el in root.iter(W + "fldChar", W + "instrText", W + "t"):
        if el.tag == W + "fldChar":
            kind = el.get(W + "fldCharType")
            if kind == "begin":
                stack.append({"instr": [], "result": [], "in_result": False})
            elif kind == "separate":
                stack[-1]["in_result"] = True
            elif kind == "end":
                f = stack.pop()
                fields.append(("".join(f["instr"]), "".join(f["result"]), len(f["instr"])))
        elif stack and el.tag == W + "instrText":
            stack[-1]["instr"].append(el.text or "")
        elif stack and stack[-1]["in_result"]:
            stack[-1]["result"].append(el.text or "")
    assert not stack
    return fields


def test_the_word_citations_are_mendeley_csl_citation_fields():
    """Nine citations as Mendeley Desktop's plug-in inserts them: a complex field whose
    instruction, cut over several w:instrText runs, is «ADDIN CSL_CITATION» and a CSL JSON
    (citationItems with itemData – authors, title, issued, type, a DOI for the articles – and
    Mendeley's uris, mendeley.formattedCitation equal to the shown result, the CSL schema); the
    shown result «(Походня, 1972)» is what python-docx reads, the JSON is not. The reference list
    is one «ADDIN Mendeley Bibliography CSL_BIBLIOGRAPHY» field over nine paragraphs, and
    docProps/custom.xml holds the plug-in's document properties."""
    import docx
    body = word_part(WORD)
    fields = _fields(body)
    citations = [f for f in fields if f[0].startswith("ADDIN CSL_CITATION ")]
    assert len(citations) == 9
    for instruction, shown, pieces in citations:
        data = json.loads(instruction[len("ADDIN CSL_CITATION "):])
        assert data["mendeley"]["formattedCitation"] == shown == data["mendeley"]["plainTextFormattedCitation"]
        assert data["schema"].endswith("csl-citation.json") and data["properties"] == {"noteIndex": 0}
        item = data["citationItems"][0]
        assert item["uris"][0].startswith("http://www.mendeley.com/documents/?uuid=")
        assert item["itemData"]["author"][0]["family"] in shown and item["itemData"]["title"]
        assert item["itemData"]["issued"]["date-parts"][0][0] in shown
        if item["itemData"]["type"] == "article-journal":
            assert item["itemData"]["DOI"].startswith("10.")
        assert pieces >= 2 and re.fullmatch(r"\((.+), (19|20)\d\d\)", shown)
    assert sum(f[0].startswith("ADDIN Mendeley Bibliography CSL_BIBLIOGRAPHY") for f in fields) == 1
    bibliography = next(f for f in fields if "CSL_BIBLIOGRAPHY" in f[0])
    assert bibliography[1].startswith("Рыкалин Н.Н.") and "Goldak J." in bibliography[1]
    paragraphs = [p.text for p in docx.Document(WORD).paragraphs]
    text = "\n".join(paragraphs)
    assert "(Походня, 1972)" in text and "(DebRoy & David, 1995)" in text
    assert "CSL_CITATION" not in text and "citationItems" not in text
    with zipfile.ZipFile(WORD) as z:
        custom = z.read("docProps/custom.xml").decode("utf-8")
        assert "custom-properties" in z.read("[Content_Types].xml").decode("utf-8")
        assert "docProps/custom.xml" in z.read("_rels/.rels").decode("utf-8")
    assert 'name="Mendeley Document_1"><vt:lpwstr>True' in custom
    assert 'name="Mendeley Citation Style_1"><vt:lpwstr>http://www.zotero.org/styles/apa' in custom


def test_the_pdf_is_a_camscanner_phone_scan_with_an_ocr_layer():
    """Every page: one greyscale JPEG (DCTDecode) image, turned by a fraction of a degree, over
    invisible text (render mode 3), and CamScanner's visible mark «Scanned with CamScanner» at the
    foot; the Info dictionary says «intsig.com pdf producer» / «CamScanner». The OCR layer has the
    Kazakh confusions (a Latin «i» inside a Cyrillic word, «э» for «ә» ...) and words whose line-end
    hyphen the OCR lost, left in two halves."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    pdf = pdfium.PdfDocument(PDF)
    try:
        assert pdf.get_metadata_value("Producer") == "intsig.com pdf producer"
        assert pdf.get_metadata_value("Creator") == "CamScanner"
        for page in pdf:
            objects = list(page.get_objects())
            images = [o for o in objects if o.type == raw.FPDF_PAGEOBJ_IMAGE]
            assert len(images) == 1 and images[0].get_filters() == ["DCTDecode"]
            matrix = images[0].get_matrix()
            assert 0.0005 < abs(matrix.b / matrix.a) < 0.011 and matrix.a > 500
            texts = [o for o in objects if o.type == raw.FPDF_PAGEOBJ_TEXT]
            modes = [raw.FPDFTextObj_GetTextRenderMode(o.raw) for o in texts]
            assert modes.count(raw.FPDF_TEXTRENDERMODE_INVISIBLE) >= 10
            assert len(modes) - modes.count(raw.FPDF_TEXTRENDERMODE_INVISIBLE) == 2  # «CS» and the words
            assert page.get_textpage().get_text_range().startswith("CS Scanned with CamScanner")
    finally:
        pdf.close()
    text = " ".join(pdf_pages(PDF)).replace("\ufffe", "-")
    latin_i = re.findall(r"\b\w*[а-яәғқңөұүһі]i\w*|\b\w*i[а-яәғқңөұүһі]\w*", text)
    assert len(latin_i) >= 5, latin_i
    assert re.search(r"\w*[а-яәғқңөұүһі]э\w*|\w*э[а-яғқңөұүһі]{2,}ды", text) or "эсер" in text
    source = (CORPUS / "sources" / f"{PDF.stem}.src").read_text(encoding="utf-8").casefold()
    known = set(re.findall(r"\w+", source))
    tokens = re.findall(r"\w+", reading(PDF))
    halves = [(a, b) for a, b in zip(tokens, tokens[1:])
              if a + b in known and a not in known and b not in known and len(a) > 2 and len(b) > 2]
    assert halves, "no word broken by a lost hyphen"
