"""The thirty-ninth held-out corpus, its Kazakh part (tests/fixtures/published-39/kk-*, issue #10):
a PhD abstract in calligraphy (PDF), a journal article on ceramics with Russian and English
summaries (text) and a PhD abstract in ergonomics (Word). The answer keys say what the documents
say, in the first corpus's format. The files are read with pypdfium2, python-docx, zipfile and
plain text reading, never with the mappers: the corpus measures them, so nothing here may depend
on what they do. The mix of the whole corpus (check_the_mix) is the lead's, written at the merge.
"""
from __future__ import annotations

import re
import zipfile

import pytest
from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, check_word_lists_keep_their_numbers, key_of, pdf_pages)

CORPUS = ROOT / "tests" / "fixtures" / "published-39"
NAMES = ("kk-calligraphy-phd.pdf", "kk-ceramics-article.txt", "kk-ergonomics-phd.docx")
DOCUMENTS = [CORPUS / name for name in NAMES if (CORPUS / name).exists()]
COMPAT = CORPUS / "kk-ergonomics-phd.docx"
READER = CORPUS / "kk-ceramics-article.txt"
CALLIGRAPHY = CORPUS / "kk-calligraphy-phd.pdf"
FLOOR = 1600


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _flat(text: str) -> str:
    return " ".join(text.replace("\ufffe", "").replace("\u00ad", "").split())


def test_the_kazakh_part_is_what_the_brief_asks_for():
    """Three Kazakh documents: two PhD abstracts (an 8D code, a foreign consultant on the title
    page) and one journal article; PDF, text and Word; the fields calligraphy, ceramics and
    ergonomics."""
    assert [p.name for p in DOCUMENTS] == list(NAMES)
    keys = {p.name: _key(p) for p in DOCUMENTS}
    assert {k["lang"] for k in keys.values()} == {"kk"}
    assert [keys[n]["field"] for n in NAMES] == ["calligraphy", "ceramics", "ergonomics"]
    assert [keys[n]["kind"] for n in NAMES] == ["dissertation", "article", "dissertation"]
    assert [keys[n]["degree"] for n in NAMES] == ["phd", None, "phd"]
    for name in ("kk-calligraphy-phd.pdf", "kk-ergonomics-phd.docx"):
        key = keys[name]
        assert re.fullmatch(r"8D\d{5}", key["specialty_code"]) and not key["gaps"]
        assert key["counts"]["provisions"] >= 3 and 4 <= key["counts"]["tasks"] <= 7
        assert 3 <= key["counts"]["novelty"] <= 5 and key["publications_total"]
    assert re.search(r"Ғылыми кеңесшілер:.*университеті", _flat(pdf_pages(CALLIGRAPHY)[0]))
    import docx
    start = " ".join(p.text for p in docx.Document(COMPAT).paragraphs[:12])
    assert "Ғылыми кеңесшілер:" in start and "Лафборо университеті" in start


def test_the_article_has_its_parts_in_order():
    """The article: ӘОЖ, ҒТАМР, DOI, three authors with affiliations, Аңдатпа, Түйін сөздер, the
    IMRaD sections in Kazakh, Әдебиеттер, then the Russian and English summaries."""
    key = _key(READER)
    assert key["kind"] == "article" and len(key["authors"]) == 3 and key["keywords"]
    lines = [line.strip() for line in READER.read_text(encoding="utf-8").split("\n")]
    heads = ("ӘОЖ ", "ҒТАМР ", "https://doi.org/10.", "Аңдатпа.", "Түйін сөздер:", "Кіріспе", "Материалдар мен әдістер",
             "Нәтижелер", "Талқылау", "Қорытынды", "Әдебиеттер", "Аннотация.", "Ключевые слова:", "Abstract.",
             "Keywords:")
    order = [next(i for i, line in enumerate(lines) if line == head or line.startswith(head)) for head in heads]
    assert order == sorted(order), order
    text = _flat(READER.read_text(encoding="utf-8"))
    assert "М. Әуезов атындағы Оңтүстік Қазақстан университеті, Шымкент, Қазақстан" in text
    assert "Қ.И. Сәтбаев атындағы Қазақ ұлттық техникалық зерттеу университеті, Алматы, Қазақстан" in text


def test_the_documents_are_full_length():
    """Each PhD abstract holds at least 1,600 words, the article 1,000, counted as
    published_keys.counted_text counts them."""
    check_full_length(CORPUS, DOCUMENTS, lambda key: 1000 if key["kind"] == "article" else FLOOR)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_the_word_lists_keep_their_numbers_in_numbering_xml():
    check_word_lists_keep_their_numbers(CORPUS, COMPAT)


def test_the_pdf_has_a_text_layer_and_page_numbers():
    check_pdfs_are_paged([CALLIGRAPHY], 3)


def test_a_word_file_is_in_word_2003_compatibility_mode():
    """The ergonomics abstract as Word 2010 saves a Word 97-2003 template without converting it:
    compatibilityMode 11 and Word 2003's layout flags in w:compat (none of Word 2010's own compat
    settings), the Normal.dot template attached, and the task, novelty and provision lists as
    single-level Word 6/95 legacy lists (w:legacy between w:lvlText and w:lvlJc) - still automatic
    numbers, which python-docx reads as numbered paragraphs."""
    with zipfile.ZipFile(COMPAT) as z:
        settings = z.read("word/settings.xml").decode("utf-8")
        numbering = z.read("word/numbering.xml").decode("utf-8")
        body = z.read("word/document.xml").decode("utf-8")
        rels = z.read("word/_rels/settings.xml.rels").decode("utf-8")
        app = z.read("docProps/app.xml").decode("utf-8")
    compat = re.search(r"<w:compat>(.*?)</w:compat>", settings, flags=re.S).group(1)
    assert re.search(r'<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
                     r'w:val="11"/>', compat)
    for flag in ("spaceForUL", "balanceSingleByteDoubleByteWidth", "doNotLeaveBackslashAlone", "ulTrailSpace",
                 "doNotExpandShiftReturn", "adjustLineHeightInTable", "useFELayout"):
        assert f"<w:{flag}/>" in compat, flag
    for newer in ("overrideTableStyleFontSizeAndJustification", "enableOpenTypeFeatures", "doNotFlipMirrorIndents"):
        assert newer not in compat, newer
    assert settings.count("<w:compatSetting ") == 1
    assert '<w:attachedTemplate r:id="rId1"/>' in settings and "Normal.dot" in rels and 'TargetMode="External"' in rels
    assert "<Template>Normal.dot</Template>" in app and "<AppVersion>14.0000</AppVersion>" in app
    # the lists the body uses are legacy, single-level definitions
    nums = dict(re.findall(r'<w:num w:numId="(\d+)"[^>]*>\s*<w:abstractNumId w:val="(\d+)"/>', numbering))
    used = {nums[n] for n in re.findall(r'<w:numId w:val="(\d+)"/>', body)}
    assert len(used) == 3
    for abstract in used:
        block = re.search(rf'<w:abstractNum w:abstractNumId="{abstract}"[^>]*>(.*?)</w:abstractNum>', numbering,
                          flags=re.S).group(1)
        assert '<w:multiLevelType w:val="singleLevel"/>' in block and block.count("<w:lvl ") == 1
        assert re.search(r'<w:lvlText w:val="[^"]+"/><w:legacy w:legacy="1" w:legacySpace="0" '
                         r'w:legacyIndent="360"/><w:lvlJc ', block), block
    # python-docx still opens it, and the items are numbered paragraphs with no typed number
    import docx
    document = docx.Document(COMPAT)
    items = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    counts = _key(COMPAT)["counts"]
    assert len(items) == counts["tasks"] + counts["novelty"] + counts["provisions"]
    assert not any(re.match(r"\s*(\d+|[а-я])[.)]\s", p.text) for p in items)


def test_a_text_file_is_a_page_copied_from_firefox_reader_view():
    """The ceramics article as a reader copies it from Firefox's Reader View: first the reader's
    own header - the journal site's domain, the page's title (in sentence case; the article's
    capitalised heading is dropped, as Readability drops a heading that repeats the title), the
    byline and Firefox's reading-time estimate - then the article a paragraph a line with blank
    lines between, the table's rows with tab-separated cells, the figure's caption without the
    figure, and none of the site's menus, page numbers or running headers."""
    raw = READER.read_text(encoding="utf-8")
    lines = raw.split("\n")
    key = _key(READER)
    assert lines[0] == "vestnik.satbayev.university" and lines[1] == ""
    assert lines[2] == key["title"] and lines[3] == ""
    assert lines[4] == "А.Т. Жұмабекова, Д.Е. Сапарбаев, Г.Қ. Ахметова" and lines[5] == ""
    minutes = re.fullmatch(r"(\d+)–(\d+) минут", lines[6])
    assert minutes and int(minutes.group(1)) < int(minutes.group(2)) and lines[7] == ""
    # Firefox's estimate from the article's characters at 987 ± 118 a minute
    body = raw.split("\n\n", 4)[4].rstrip("\n")
    assert int(minutes.group(1)) == len(body) // (987 + 118)
    assert int(minutes.group(2)) == -(-len(body) // (987 - 118))
    assert lines[8] == "ӘОЖ 666.3:666.7"
    # the capitalised heading of the article is not in it; the Russian and English titles are
    assert key["title"].upper() not in raw
    assert "ПОЛУЧЕНИЕ КЕРАМИЧЕСКОЙ ПЛИТКИ" in raw and "PRODUCTION OF CERAMIC WALL TILES" in raw
    # a paragraph a line: no line wrapped, no word broken, blank lines between the blocks
    text_lines = [line for line in lines if line]
    assert max(len(line) for line in text_lines) > 600
    assert not any(line.endswith("-") for line in text_lines)
    assert "\n\n\n" not in raw and "\f" not in raw and "\u00ad" not in raw
    # the table: a header row and four rows of five tab-separated cells
    rows = [line.split("\t") for line in lines if "\t" in line]
    assert len(rows) == 5 and all(len(row) == 5 for row in rows)
    assert rows[0][0] == "Шлак мөлшері, %" and rows[3] == ["30", "1050", "14,2", "19,8", "1,1"]
    assert any(line.startswith("1-сурет – ") for line in lines)
    # superscript affiliation numbers copied glued to the names
    assert "А.Т. Жұмабекова1, Д.Е. Сапарбаев1, Г.Қ. Ахметова2" in raw
    # no page numbers, no running header, no site chrome
    assert not any(re.fullmatch(r"[–-]?\s*\d{1,3}\s*[–-]?", line) for line in text_lines)
    repeated = [line for line in set(text_lines) if text_lines.count(line) > 1]
    assert not repeated, repeated
    for chrome in ("Басты бет", "Мұрағат", "Іздеу", "Кіру", "Дәйексөз келтіру", "Жүктеу", "PDF жүктеу"):
        assert chrome not in raw, chrome
