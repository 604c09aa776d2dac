"""The forty-third held-out corpus, its Kazakh part (tests/fixtures/published-43/kk-*, issue #10): a
PhD abstract in numerical analysis (Word, its formulas MathType OLE objects), a journal article in
genealogy (Markdown) and a PhD abstract in military psychology (PDF). The keys say what the
documents say, in the first corpus's format. The files are read with pypdfium2, zipfile,
python-docx and plain text reading, never with the mappers: the corpus measures them, so nothing
here may depend on what they do. The mix of the whole corpus (check_the_mix) and the floors are the
lead's, after the three parts are merged.
"""
from __future__ import annotations

import re
import struct
import zipfile

from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, check_word_lists_keep_their_numbers, documents, key_of, pdf_pages)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-43"
DOCUMENTS = [p for p in documents(CORPUS) if p.name.startswith("kk-")]
WORD = CORPUS / "kk-numerical-analysis-phd.docx"
ARTICLE = CORPUS / "kk-genealogy-article.md"
PDF = CORPUS / "kk-military-psychology-phd.pdf"
EXPECTED = {WORD.name: ("numerical analysis", "dissertation", "phd"),
            ARTICLE.name: ("genealogy", "article", None),
            PDF.name: ("military psychology", "dissertation", "phd")}


def _key(path) -> dict:
    return key_of(CORPUS, path)


def test_the_kazakh_part_is_the_three_documents_the_plan_names():
    """A Word PhD abstract in numerical analysis, a Markdown article in genealogy, a PDF PhD
    abstract in military psychology; no gaps; full lists."""
    assert sorted(p.name for p in DOCUMENTS) == sorted(EXPECTED)
    for path in DOCUMENTS:
        key = _key(path)
        assert (key["field"], key["kind"], key["degree"]) == EXPECTED[path.name]
        assert key["lang"] == "kk" and not key["gaps"] and key["author"] and key["title"]
        if key["kind"] == "dissertation":
            assert key["counts"]["provisions"] >= 4 and 4 <= key["counts"]["tasks"] <= 7
            assert 4 <= key["counts"]["novelty"] <= 5 and key["publications_total"]
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


def test_the_word_lists_keep_their_numbers():
    check_word_lists_keep_their_numbers(CORPUS, WORD)


# ---------------------------------------------------------------- the trap: MathType equations


def _compound_file_streams(data: bytes) -> list[str]:
    """The stream names of a Compound File Binary (version 3), read by hand: the header's
    signature, version and sector sizes, the directory's chain through the FAT, the root entry
    with MathType's CLSID."""
    assert data[:8] == bytes.fromhex("D0CF11E0A1B11AE1")
    minor, major, order, shift, mini_shift = struct.unpack_from("<HHHHH", data, 24)
    assert (major, order, shift, mini_shift) == (3, 0xFFFE, 9, 6)
    fat_sectors, first_dir = struct.unpack_from("<II", data, 44)[0], struct.unpack_from("<I", data, 48)[0]
    fat = [struct.unpack_from("<I", data, 512 + 512 * s + 4 * i)[0]
           for s in struct.unpack_from(f"<{fat_sectors}I", data, 76) for i in range(128)]
    names, sector = [], first_dir
    while sector != 0xFFFFFFFE:
        for i in range(4):
            entry = data[512 + 512 * sector + 128 * i:][:128]
            length, kind = struct.unpack_from("<HB", entry, 64)
            if kind == 5:
                assert entry[80:96] == bytes.fromhex("03CE020000000000C000000000000046")
            elif kind == 2:
                names.append(entry[:length - 2].decode("utf-16-le"))
        sector = fat[sector]
    return names


def test_the_word_formulas_are_mathtype_ole_objects():
    """Every formula is a w:object run: a VML preview (v:shape of type #_x0000_t75, defined once by
    v:shapetype, its v:imagedata a WMF in word/media) and an o:OLEObject, ProgID Equation.DSMT4,
    embedded as word/embeddings/oleObjectN.bin; relationships and content types as Word writes
    them (each object a real compound file with MathType's CLSID and four streams). Some stand in
    a sentence, some are displayed formulas followed by their number."""
    with zipfile.ZipFile(WORD) as z:
        names = z.namelist()
        body = z.read("word/document.xml").decode("utf-8")
        rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
        types = z.read("[Content_Types].xml").decode("utf-8")
        objects = re.findall(r"<w:r><w:rPr><w:position w:val=\"-\d+\"/></w:rPr><w:object [^>]*>.*?</w:object></w:r>",
                             body, flags=re.S)
        assert len(objects) == body.count("<w:object ") == 15
        assert body.count("<v:shapetype id=\"_x0000_t75\"") == 1
        targets = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', rels))
        for obj in objects:
            assert 'ProgID="Equation.DSMT4"' in obj and 'Type="Embed"' in obj and "<w:t" not in obj
            image = re.search(r'<v:imagedata r:id="(rId\d+)"', obj).group(1)
            ole = re.search(r'<o:OLEObject [^>]*r:id="(rId\d+)"', obj).group(1)
            shape = re.search(r'<v:shape id="([^"]+)"', obj).group(1)
            assert f'ShapeID="{shape}"' in obj
            assert targets[image].startswith("media/image") and targets[image].endswith(".wmf")
            assert targets[ole].startswith("embeddings/oleObject") and targets[ole].endswith(".bin")
            wmf = z.read("word/" + targets[image])
            assert struct.unpack_from("<I", wmf)[0] == 0x9AC6CDD7
            checksum = 0
            for (w,) in struct.iter_unpack("<H", wmf[:20]):
                checksum ^= w
            assert struct.unpack_from("<H", wmf, 20)[0] == checksum
            assert wmf[-6:] == struct.pack("<IH", 3, 0)
            bin_ = z.read("word/" + targets[ole])
            assert _compound_file_streams(bin_) == ["\x01Ole", "\x01CompObj", "\x03ObjInfo", "Equation Native"]
            assert b"Equation.DSMT4\0" in bin_ and b"MathType 7.0 Equation\0" in bin_ and b"DSMT7\0" in bin_
        assert sum(n.startswith("word/embeddings/oleObject") for n in names) == 15
        assert '<Default Extension="wmf" ContentType="image/x-wmf"/>' in types
        assert 'Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"' in types
    # what python-docx reads there is nothing: the sentence has a hole, the displayed formula
    # leaves its number alone
    import docx
    text = [p.text for p in docx.Document(WORD).paragraphs]
    assert any(re.fullmatch(r"\s*\(1\)", t) for t in text)
    assert any("мұндағы  – ізделінді концентрация,  – жылдамдық векторы" in t for t in text)
    assert any("схемасы (2) сөзсіз орнықты, мұндағы  – торлы функция" in t for t in text)


# ---------------------------------------------------------------- the documents' own parts


def test_the_phd_abstracts_have_their_title_parts():
    """«Қолжазба құқығында», the programme's code, «философия докторы (PhD)», the advisers (one
    from a university abroad), the city and year; then the general characteristics."""
    import docx
    word = "\n".join(p.text for p in docx.Document(WORD).paragraphs)
    pdf = " ".join(pdf_pages(PDF)[0].split())
    for start in (" ".join(word[:2500].split()), pdf):
        assert "Қолжазба құқығында" in start and "философия докторы (PhD)" in start
        assert "8D0" in start and re.search(r"Ғылыми кеңесшілер:.*(университеті|академиясы), [А-ЯӘҒҚҢӨҰҮҺІ]", start)
    for part in ("Жұмыстың жалпы сипаттамасы", "Қорғауға ұсынылатын негізгі қағидалар", "Жұмыстың негізгі мазмұны",
                 "Қорытынды"):
        assert part.casefold() in word.casefold(), part
    body = " ".join(" ".join(pdf_pages(PDF)[1:]).split())
    for part in ("ЖҰМЫСТЫҢ ЖАЛПЫ СИПАТТАМАСЫ", "Ғылыми жаңалығы", "Қорғауға ұсынылатын негізгі қағидалар",
                 "ЖҰМЫСТЫҢ НЕГІЗГІ МАЗМҰНЫ", "ҚОРЫТЫНДЫ"):
        assert part in body, part


def test_the_article_has_its_parts_in_order_and_three_summaries():
    """ҒТАМР, ӘОЖ and DOI over the title; the authors with their affiliations; Аңдатпа and Түйін
    сөздер; Кіріспе, Әдістер, Нәтижелер, Талқылау, Қорытынды; the reference list; then the Russian
    and English summaries with their keywords."""
    text = ARTICLE.read_text(encoding="utf-8")
    head = text.split("\n# ")[0]
    assert re.search(r"^ҒТАМР \d\d\.\d\d\.\d\d$", head, flags=re.M) and re.search(r"^ӘОЖ \d", head, flags=re.M)
    assert "https://doi.org/10." in head
    order = ["**Б.Ж. Әбдірахманова", "Еуразия ұлттық университеті, Астана", "**Аңдатпа.**", "**Түйін сөздер:**",
             "## Кіріспе", "## Әдістер", "## Нәтижелер", "## Талқылау", "## Қорытынды", "## Әдебиеттер тізімі",
             "**Аннотация.**", "**Ключевые слова:**", "**Abstract.**", "**Keywords:**"]
    places = [text.find(part) for part in order]
    assert all(p >= 0 for p in places) and places == sorted(places), list(zip(order, places))
    key = _key(ARTICLE)
    assert key["authors"][0] == key["author"] and len(key["authors"]) == 3
    assert all(k in text for k in key["keywords"])
    references = text.split("## Әдебиеттер тізімі")[1].split("###")[0]
    assert len(re.findall(r"(?m)^\d+\. ", references)) == 8


def test_the_pdf_is_paged_with_its_running_header():
    check_pdfs_are_paged([PDF], 5)
    pages = pdf_pages(PDF)
    assert all("Оспанов Д.М. Философия докторы (PhD)" in t for t in pages[1:])
