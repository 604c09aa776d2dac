"""The twenty-eighth held-out corpus (tests/fixtures/published-28/, issue #10): nine abstracts that
mix fields - two in medicine and agriculture (geriatrics, camel breeding), two in history and
archaeology (economic history, epigraphy), two in mathematics and physics (functional analysis,
computational fluid dynamics), two in journalism and sociology (data journalism, sociology of
religion) and one in tourism (ecotourism) - three Kazakh, three Russian and three English. Its
answer keys say what the documents say, in the first corpus's format, and the documents are the
mix the issue asks for. The files are read with pypdfium2, python-docx, zipfile and the text codec,
never with the mappers: the corpus measures them, so nothing here may depend on what they do. (The
mappers' floors were added after the corpus had been measured.)
"""
from __future__ import annotations

import re
from collections import Counter

from published_keys import (ROOT, check_floors, check_full_length, check_key_format,
                            check_key_says_what_the_document_says, check_pdfs_are_paged, check_the_mix,
                            check_word_lists_keep_their_numbers, documents, key_of, only_one, pdf_pages, word_part)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-28"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", *(f"published-{n}" for n in range(2, 28)))]
DOCUMENTS = documents(CORPUS)
WORD = [p for p in DOCUMENTS if p.suffix == ".docx"]
PDF = [p for p in DOCUMENTS if p.suffix == ".pdf"]
TEXT = [p for p in DOCUMENTS if p.suffix in (".txt", ".md")]


def _text(path) -> str:
    return path.read_text(encoding="utf-8")


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _paragraphs(path) -> str:
    import docx
    return "\n".join(p.text for p in docx.Document(path).paragraphs)


def test_the_corpus_is_the_mix_the_issue_asks_for():
    """check_the_mix with this corpus's counts: 2 PDF, 3 Word, 2 text and 2 Markdown files, kk/ru/en
    as 3/3/3, one English journal article by three authors, one Russian Doctor of Sciences
    autoreferat (an old specialty code), one Kazakh master's thesis, six PhD abstracts, one
    dissertation without provisions, nine fields no earlier corpus (published ... published-27) has."""
    assert len(EARLIER) == 27 and all(folder.is_dir() for folder in EARLIER)
    keys = check_the_mix(CORPUS, DOCUMENTS, EARLIER, at_least=9, phd=6, new_fields=9, lang_spread=0,
                         formats=(2, 3, 2, 2), articles=1, candidate=0, doctor=1, incomplete=("provisions",))
    assert sorted(p.suffix for p in DOCUMENTS) == sorted([".pdf"] * 2 + [".docx"] * 3 + [".txt"] * 2 + [".md"] * 2)
    assert Counter(k["lang"] for k in keys.values()) == {"kk": 3, "ru": 3, "en": 3}
    assert Counter(k["kind"] for k in keys.values()) == {"dissertation": 7, "article": 1, "masters-thesis": 1}
    assert Counter(k["degree"] for k in keys.values()) == {"phd": 6, "doctor": 1, "master": 1, None: 1}
    # the article: English, three authors with affiliations and ORCID, IRSTI/UDC, Abstract and
    # Keywords, IMRaD sections, references, then the Kazakh and Russian summaries
    article = only_one(DOCUMENTS, lambda p: _key(p)["kind"] == "article")
    assert _key(article)["lang"] == "en" and len(_key(article)["authors"]) == 3 and _key(article)["keywords"]
    raw = _text(article)
    order = [re.search(rf"(?m)^{re.escape(s)}", raw).start()
             for s in ("IRSTI", "UDC", "Abstract.", "Keywords:", "Introduction", "Materials and methods", "Results",
                       "Discussion", "Conclusion", "References", "Аңдатпа.", "Түйін сөздер:", "Аннотация.",
                       "Ключевые слова:")]
    assert order == sorted(order)
    assert re.search(r"(?m)^ORCID: \d{4}-\d{4}-\d{4}-\d{4} ", raw) and raw.count("0000-") == 3
    assert all(re.search(rf"(?m)^{n}(?=[A-Z]).*Universit", raw) for n in ("1", "2"))
    # the Doctor of Sciences autoreferat: Russian, an old specialty code, its title and council pages
    doctor = only_one(DOCUMENTS, lambda p: _key(p)["degree"] == "doctor")
    assert _key(doctor)["lang"] == "ru" and _key(doctor)["specialty_code"] == "07.00.02"
    pages = [" ".join(t.split()) for t in pdf_pages(doctor)]
    assert "На правах рукописи" in pages[0] and "АВТОРЕФЕРАТ" in pages[0]
    assert "диссертации на соискание ученой степени доктора исторических наук" in pages[0]
    assert "Научный консультант:" in pages[1] and "Официальные оппоненты:" in pages[1]
    assert pages[1].split("Официальные оппоненты:")[1].split("Ведущая организация:")[0].count("доктор ") == 3
    assert "Ведущая организация:" in pages[1] and "диссертационного совета ОД 14.14.01" in pages[1]
    assert "Автореферат разослан" in pages[1]
    # the master's thesis: Kazakh, a 7M code, a supervisor
    master = only_one(DOCUMENTS, lambda p: _key(p)["kind"] == "masters-thesis")
    assert _key(master)["lang"] == "kk" and _key(master)["specialty_code"].startswith("7M")
    text = _paragraphs(master)
    assert "МАГИСТРЛІК ДИССЕРТАЦИЯНЫҢ АҢДАТПАСЫ" in text and "Ғылыми жетекші:" in text and "магистрі" in text
    # one dissertation without provisions, the others complete
    gapped = [k for k in keys.values() if k["kind"] == "dissertation" and k["gaps"]]
    assert [k["gaps"] for k in gapped] == [["provisions"]] and gapped[0]["counts"]["provisions"] == 0
    assert all(k["counts"]["provisions"] >= 3 and 4 <= k["counts"]["tasks"] <= 7 and 3 <= k["counts"]["novelty"] <= 5
               for k in keys.values() if k["kind"] in ("dissertation", "masters-thesis") and not k["gaps"])
    assert len({k["field"] for k in keys.values()}) == 9


def test_the_documents_are_full_length():
    """Dissertations and the master's thesis at least 1,600 words and the article 1,000, counted as
    published_keys.counted_text counts them (for the text files: the whole file, markup and all)."""
    check_full_length(CORPUS, DOCUMENTS, lambda key: 1000 if key["kind"] == "article" else 1600)


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
    check_pdfs_are_paged(PDF, 4)


def test_a_pdf_has_an_optional_content_layer_with_a_council_stamp():
    """The English fluid dynamics abstract as a council's document system stamps it: an incremental
    update (a second xref section with /Prev, a second %%EOF) adds an optional content group (a PDF
    layer: /OCProperties in the catalog, /Type/OCG «Council stamp») and a content stream on the first
    page whose registration stamp is drawn inside "/OC /MC0 BDC … EMC" marked content, in Helvetica;
    the stamp is in the text layer of the title page only."""
    path = only_one(PDF, lambda p: b"/OCProperties" in p.read_bytes())
    raw = path.read_bytes()
    assert raw.count(b"%%EOF") == 2 and re.search(rb"/Prev \d+>>\nstartxref", raw)
    assert re.search(rb"/Type/OCG/Name\(Council stamp\)", raw)
    assert re.search(rb"/OCProperties<</OCGs\[(\d+) 0 R\]/D<<[^>]*/ON\[\1 0 R\]", raw)
    stream = re.search(rb"stream\n(/OC /MC0 BDC\n.*?\nEMC\n)endstream", raw, flags=re.S).group(1)
    assert b"(RECEIVED BY THE DISSERTATION COUNCIL) Tj" in stream and b"/FStamp" in stream
    assert re.search(rb"/Properties<</MC0 \d+ 0 R>>", raw) and b"/BaseFont/Helvetica-Bold" in raw
    pages = pdf_pages(path)
    assert "RECEIVED BY THE DISSERTATION COUNCIL" in pages[0]
    assert not any("RECEIVED BY" in page for page in pages[1:])
    assert _key(path)["field"] == "computational fluid dynamics"


def test_a_word_file_has_optional_and_non_breaking_hyphens_as_elements():
    """The Russian geriatrics abstract with Word's manual hyphenation: optional hyphens as
    <w:softHyphen/> between two w:t of one run inside long words (Ctrl+-), non-breaking hyphens as
    <w:noBreakHyphen/> in place of the hyphen of compounds (Ctrl+Shift+-); python-docx reads the
    words whole and the compounds with a hyphen."""
    path = only_one(WORD, lambda p: "<w:softHyphen/>" in word_part(p))
    body = word_part(path)
    assert body.count("<w:softHyphen/>") >= 50 and body.count("<w:noBreakHyphen/>") >= 5
    assert re.search(r"[а-я]</w:t><w:softHyphen/><w:t xml:space=\"preserve\">[а-я]", body)
    assert "медико</w:t><w:noBreakHyphen/>" in body and "медико-санитарной" not in body
    text = _paragraphs(path)
    assert "\u00ad" not in text and "медико-санитарной" in text and "распространенность" in text
    assert _key(path)["field"] == "geriatrics"


def test_a_word_file_binds_its_cover_to_a_custom_xml_part():
    """The Kazakh functional analysis abstract: its cover's author, title, programme and advisers
    are content controls bound (w:dataBinding, an XPath into the store item) to a Custom XML data
    part, customXml/item1.xml with itemProps1.xml; the values in the part are the controls' text.
    python-docx does not see inline content controls; the annotation's heading repeats the fields."""
    path = only_one(WORD, lambda p: "<w:dataBinding " in word_part(p))
    body = word_part(path)
    item = word_part(path, "customXml/item1.xml")
    store = re.search(r'ds:itemID="(\{[0-9A-F-]+\})"', word_part(path, "customXml/itemProps1.xml")).group(1)
    bindings = re.findall(r'<w:dataBinding w:prefixMappings="xmlns:ns0=\'([^\']+)\'" '
                          r'w:xpath="/ns0:annotation\[1\]/ns0:(\w+)\[1\]" w:storeItemID="([^"]+)"/>', body)
    assert [name for _, name, _ in bindings] == ["author", "title", "specialty", "supervisor"]
    assert all(ns in item and sid == store for ns, _, sid in bindings)
    assert "relationships/customXml" in word_part(path, "word/_rels/document.xml.rels")
    assert "customXmlProperties+xml" in word_part(path, "[Content_Types].xml")
    for name in ("author", "title", "specialty"):
        value = re.search(rf"<{name}>([^<]*)</{name}>", item).group(1)
        control = re.search(rf'<w:tag w:val="{name}"/>.*?<w:sdtContent>(.*?)</w:sdtContent>', body, flags=re.S).group(1)
        assert "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", control)) == value
    key, text = _key(path), _paragraphs(path)
    assert re.search(r"<author>([^<]*)</author>", item).group(1) == key["author"]
    assert f"\n{key['author']}\n" not in f"\n{text}\n" and key["title"] in text
    assert _key(path)["field"] == "functional analysis"


def test_a_word_file_has_a_vertical_text_box_in_the_margin():
    """The Kazakh master's thesis: an anchored text box in the left page margin of the cover with
    its text running bottom to top (wps:bodyPr vert="vert270"; the VML fallback with
    layout-flow:vertical and mso-layout-flow-alt:bottom-to-top), the university, faculty and year in
    it - twice in the XML, never in python-docx's paragraphs."""
    path = only_one(WORD, lambda p: 'vert="vert270"' in word_part(p))
    body = word_part(path)
    anchor = re.search(r"<wp:anchor .*?</wp:anchor>", body, flags=re.S).group(0)
    offset = int(re.search(r'<wp:positionH relativeFrom="page"><wp:posOffset>(\d+)<', anchor).group(1))
    width = int(re.search(r'<wp:extent cx="(\d+)"', anchor).group(1))
    assert offset + width <= 3 * 360000  # inside the 3 cm left margin
    assert 'vert="vert270"' in anchor and "<wp:wrapNone/>" in anchor
    assert "layout-flow:vertical;mso-layout-flow-alt:bottom-to-top" in body
    strip = "Мал шаруашылығы және ветеринария факультеті • Магистрлік диссертация • 2024"
    assert body.count(strip) == 2 and strip not in _paragraphs(path)
    assert _key(path)["field"] == "camel breeding"


def test_a_text_file_is_the_bbcode_of_a_forum_post():
    """The Kazakh sociology of religion abstract as the BBCode of a forum post (phpBB's editor): the
    topic in [size=150][b], the department's note in [quote="…"], the title page in [center], headings
    [size=120][b], run-in bold [b]…[/b], tasks and provisions in [list=1] and novelty in [list] with
    [*] items, a [url] to the full text, an "edited by" line; no HTML and no Markdown."""
    path = only_one(TEXT, lambda p: "[list=1]" in _text(p))
    raw, key = _text(path), _key(path)
    assert raw.startswith("[size=150][b]") and re.search(r'\[quote="[^"]+"\].+?\[/quote\]', raw)
    assert raw.count("[center]") == raw.count("[/center]") >= 4
    assert raw.count("[list=1]") == 2 and raw.count("[list]") == 1 and raw.count("[/list]") == 3
    assert raw.count("[*]") == sum(key["counts"].values()) == 14
    assert "[size=120][b]Зерттеу тақырыбының өзектілігі[/b][/size]" in raw
    assert re.search(r"\[url=https://[^\]]+\].+?\[/url\]", raw)
    assert not re.search(r"<[a-z]+[ >]|^#+ ", raw, flags=re.M)
    assert key["field"] == "sociology of religion"


def test_a_markdown_file_carries_a_reviewers_criticmarkup():
    """The Russian data journalism abstract as a reviewed draft in CriticMarkup: an insertion {++ ++},
    a deletion {-- --}, substitutions {~~ ~> ~~}, a highlight {== ==} and comments {>> <<}, none of
    them inside a quote of the key or the first words of a listed item."""
    path = only_one(TEXT, lambda p: "{++" in _text(p))
    raw = _text(path)
    marks = {"{++": "++}", "{--": "--}", "{~~": "~~}", "{==": "==}", "{>>": "<<}"}
    assert all(raw.count(a) == raw.count(b) >= 1 for a, b in marks.items())
    assert raw.count("{~~") == 2 and re.search(r"\{~~[^~]+~>[^~]+~~\}", raw)
    assert re.search(r"\{==[^=]+==\}\{>>[^<]+<<\}", raw)
    spans = [m.span() for m in re.finditer(r"\{(\+\+|--|~~|==|>>).*?(\+\+|--|~~|==|<<)\}", raw)]
    key = _key(path)
    for quote in [e["text"] for e in key["entities"]]:
        at = raw.find(quote)
        assert at >= 0 and not any(a < at < b for a, b in spans), quote
    items = re.findall(r"(?m)^\d+\. (.*)$", raw)
    assert len(items) == sum(key["counts"].values()) and not any("{" in " ".join(i.split()[:3]) for i in items)
    assert key["field"] == "data journalism"


def test_a_markdown_file_has_toml_front_matter():
    """The English epigraphy abstract (no provisions) as a Hugo page: TOML front matter between
    «+++» lines (strings in quotes, a datetime, arrays, a [params] table), not YAML."""
    path = only_one(TEXT, lambda p: _text(p).startswith("+++\n"))
    raw = _text(path)
    front = re.match(r"\+\+\+\n(.*?)\n\+\+\+\n", raw, flags=re.S).group(1)
    assert re.search(r'(?m)^title = ".+"$', front) and re.search(r"(?m)^date = 2024-05-20T10:00:00\+05:00$", front)
    assert re.search(r'(?m)^tags = \["8D02203", ', front) and "\n[params]\n" in front and "draft = false" in front
    assert not raw.startswith("---") and _key(path)["gaps"] == ["provisions"] and _key(path)["field"] == "epigraphy"


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 9, 0.99, 0.99, 0.88, 0.82, 0.85


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers as on 91c98b5 (FIRST_MEASUREMENT.txt): 9/9 loaded, fields 0.944, first words
    # 0.911, entities P 0.890, R 0.783, F1 0.833. After the fixes made against it
    # (FINAL_MEASUREMENT.txt): 9/9, 1.000, 1.000, 0.895 / 0.839 / 0.866.
    check_floors(CORPUS, 9, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
