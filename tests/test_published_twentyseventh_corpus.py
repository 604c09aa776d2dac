"""The twenty-seventh held-out corpus (tests/fixtures/published-27/, issue #10): nine abstracts that
mix fields - three in engineering and energy (building structures, relay protection, energy
storage), two in law and economics (land law, venture capital), two in psychology and philology
(developmental psychology, terminology), two in biology and geology (hydrobiology, mineralogy) -
three Kazakh, three Russian and three English. Its answer keys say what the documents say, in the
first corpus's format, and the documents are the mix the issue asks for. The files are read with
pypdfium2, python-docx, zipfile and the text codec, never with the mappers: the corpus measures
them, so nothing here may depend on what they do. (The mappers' floors are added after the corpus
has been measured.)
"""
from __future__ import annotations

import re
import zipfile
from collections import Counter

from published_keys import (ROOT, check_floors, check_full_length, check_key_format,
                            check_key_says_what_the_document_says, check_pdfs_are_paged, check_the_mix,
                            check_word_lists_keep_their_numbers, documents, key_of, only_one, pdf_pages, pdf_text,
                            word_part)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-27"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", *(f"published-{n}" for n in range(2, 27)))]
DOCUMENTS = documents(CORPUS)
WORD = [p for p in DOCUMENTS if p.suffix == ".docx"]
PDF = [p for p in DOCUMENTS if p.suffix == ".pdf"]
TEXT = [p for p in DOCUMENTS if p.suffix in (".txt", ".md")]


def _text(path) -> str:
    return path.read_text(encoding="utf-8")


def _key(path) -> dict:
    return key_of(CORPUS, path)


def test_the_corpus_is_the_mix_the_issue_asks_for():
    """check_the_mix with this corpus's counts: 3 PDF, 2 Word, 2 text and 2 Markdown files, kk/ru/en
    as 3/3/3, one Kazakh journal article by three authors, one Russian Candidate of Sciences
    autoreferat (an old specialty code), one English master's thesis, six PhD abstracts, one
    dissertation without provisions, nine fields no earlier corpus (published ... published-26) has."""
    assert len(EARLIER) == 26 and all(folder.is_dir() for folder in EARLIER)
    keys = check_the_mix(CORPUS, DOCUMENTS, EARLIER, at_least=9, phd=6, new_fields=9, lang_spread=0,
                         formats=(3, 2, 2, 2), articles=1, candidate=1, doctor=0, incomplete=("provisions",))
    assert sorted(p.suffix for p in DOCUMENTS) == sorted([".pdf"] * 3 + [".docx"] * 2 + [".txt"] * 2 + [".md"] * 2)
    assert Counter(k["lang"] for k in keys.values()) == {"kk": 3, "ru": 3, "en": 3}
    assert Counter(k["kind"] for k in keys.values()) == {"dissertation": 7, "article": 1, "masters-thesis": 1}
    assert Counter(k["degree"] for k in keys.values()) == {"phd": 6, "candidate": 1, "master": 1, None: 1}
    # the article: Kazakh, three authors, ӘОЖ/ХҒТАР, Аңдатпа and Түйін сөздер, the Russian and English
    # summaries after the references
    article = only_one(DOCUMENTS, lambda p: _key(p)["kind"] == "article")
    assert _key(article)["lang"] == "kk" and len(_key(article)["authors"]) == 3 and _key(article)["keywords"]
    raw = _text(article)
    order = [re.search(rf"(?m)^{re.escape(s)}", raw).start()
             for s in ("ӘОЖ", "ХҒТАР", "Аңдатпа.", "Түйін сөздер:", "Кіріспе", "Қорытынды", "Әдебиеттер",
                       "Аннотация.", "Ключевые слова:", "Abstract.", "Keywords:")]
    assert order == sorted(order)
    assert all(re.search(rf"\^?{n}\S* .*университеті", raw) for n in ("1", "2"))
    # the Candidate of Sciences autoreferat: Russian, an old specialty code, its title and council pages
    candidate = only_one(DOCUMENTS, lambda p: _key(p)["degree"] == "candidate")
    assert _key(candidate)["lang"] == "ru" and _key(candidate)["specialty_code"] == "05.23.01"
    pages = [" ".join(t.split()) for t in pdf_pages(candidate)]
    assert "На правах рукописи" in pages[0] and "АВТОРЕФЕРАТ" in pages[0]
    assert "диссертации на соискание ученой степени кандидата технических наук" in pages[0]
    assert "Ведущая организация:" in pages[1] and "диссертационного совета Д 14.18.02" in pages[1]
    assert "Официальные оппоненты:" in pages[1] and "Автореферат разослан" in pages[1]
    # the master's thesis: English, Nazarbayev University, a 7M code
    master = only_one(DOCUMENTS, lambda p: _key(p)["kind"] == "masters-thesis")
    assert _key(master)["lang"] == "en" and _key(master)["specialty_code"].startswith("7M")
    assert "Nazarbayev University" in _text(master) and "Master of Science" in _text(master)
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


def test_a_pdf_font_has_no_proper_unicode_map_for_kazakh_letters():
    """The Kazakh developmental psychology abstract as a PDF set in an old Kazakh font: the ToUnicode
    CMaps of its fonts map the glyphs of «ә», «ө», «ү», «ұ» (and the capitals) to «ҽ», «ҿ», «ҥ», «ҧ»,
    so the text layer has «ҽлеуметтік», «Ҧлттық», «Ҽл-Фараби» and none of the right letters, while
    «қ», «ғ», «ң», «і» come out right; the key quotes the text as printed."""
    import zlib
    path = only_one(PDF, lambda p: "ҽ" in pdf_text(p))
    text = pdf_text(path)
    assert not set("әөүұӘӨҮҰ") & set(text)
    assert all(text.count(c) > 20 for c in "ҽҿҥҧ") and "Ҽл-Фараби" in text and "ҽлеуметтік" in text
    assert all(c in text for c in "қғңі")
    raw = path.read_bytes()
    refs = set(re.findall(rb"/ToUnicode\s+(\d+)\s+0\s+R", raw))
    maps = []
    for ref in refs:
        m = re.search(rb"\n%s 0 obj\s*<<[^>]*>>\s*stream\r?\n" % ref, raw)
        end = raw.index(b"endstream", m.end())
        maps.append(zlib.decompress(raw[m.end():end].rstrip(b"\r\n")).decode("latin-1"))
    joined = "".join(maps)
    assert "<04BD>" in joined and "<04A7>" in joined and "<04D9>" not in joined and "<04AF>" not in joined
    key = _key(path)
    assert key["author"] == "Ахметжанова Ҽсел Қайратқызы" and key["field"] == "developmental psychology"


def test_a_pdf_has_object_streams_and_a_cross_reference_stream():
    """The English hydrobiology abstract rewritten as PDF 1.5: its dictionaries packed into compressed
    object streams (/Type/ObjStm) and its cross-reference table replaced by a compressed
    cross-reference stream (/Type/XRef, /W [1 4 2]), no 'xref' keyword and no trailer; pdfium reads it."""
    path = only_one(PDF, lambda p: b"/Type/ObjStm" in p.read_bytes())
    raw = path.read_bytes()
    assert raw.startswith(b"%PDF-1.5") and raw.count(b"/Type/ObjStm") >= 2
    assert re.search(rb"/Type/XRef/Size \d+/W\[1 4 2\]/Root \d+ 0 R", raw)
    assert b"\nxref\n" not in raw and b"trailer" not in raw
    # only streams stand alone: every object outside a stream holds one
    loose = re.findall(rb"\n\d+ 0 obj\n(.{0,400}?)\nendobj", raw, flags=re.S)
    assert all(b"stream" in body for body in loose)
    assert len(pdf_pages(path)) >= 4 and "Alakol" in pdf_text(path)
    assert _key(path)["field"] == "hydrobiology"


def test_a_word_file_embeds_an_obfuscated_font():
    """The Kazakh relay protection abstract embeds its body font as Word does: word/fonts/font1.odttf
    obfuscated with the GUID of w:fontKey (the first 32 bytes XORed with the key, ECMA-376 17.8.1),
    referenced by w:embedRegular in fontTable.xml through fontTable.xml.rels, the odttf content type
    and w:embedTrueTypeFonts in settings.xml."""
    path = only_one(WORD, lambda p: "<w:embedRegular " in word_part(p, "word/fontTable.xml"))
    fonts = word_part(path, "word/fontTable.xml")
    rid, guid = re.search(r'<w:embedRegular r:id="(\w+)" w:fontKey="(\{[0-9A-F-]+\})"/>', fonts).groups()
    target = re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"', word_part(path, "word/_rels/fontTable.xml.rels")).group(1)
    assert target.endswith(".odttf")
    with zipfile.ZipFile(path) as z:
        data = z.read(f"word/{target}")
    digits = guid.strip("{}").replace("-", "")
    key = bytes(int(digits[30 - 2 * i: 32 - 2 * i], 16) for i in range(16))
    plain = bytes(b ^ key[i % 16] for i, b in enumerate(data[:32])) + data[32:]
    assert data[:4] != b"\x00\x01\x00\x00" and plain[:4] == b"\x00\x01\x00\x00"
    assert "obfuscatedFont" in word_part(path, "[Content_Types].xml")
    assert "<w:embedTrueTypeFonts/>" in word_part(path, "word/settings.xml")
    assert 'w:ascii="Liberation Serif"' in word_part(path, "word/styles.xml")
    assert _key(path)["field"] == "relay protection"


def test_a_word_file_prints_its_title_page_from_document_variables():
    """The Russian land law abstract: the author, title and programme on its title page are
    DOCVARIABLE fields whose values are document variables (w:docVars in settings.xml); the fields'
    cached results are what a reader sees."""
    import docx
    path = only_one(WORD, lambda p: "<w:docVars>" in word_part(p, "word/settings.xml"))
    variables = dict(re.findall(r'<w:docVar w:name="(\w+)" w:val="([^"]*)"/>', word_part(path, "word/settings.xml")))
    assert set(variables) == {"Author", "Title", "Specialty"}
    body = word_part(path, "word/document.xml")
    assert all(f"DOCVARIABLE {name} " in body for name in variables)
    key = _key(path)
    assert variables["Author"] == key["author"] and variables["Title"] == key["title"]
    text = "\n".join(p.text for p in docx.Document(path).paragraphs)
    assert key["author"] in text and variables["Specialty"] in text


def test_a_word_file_carries_a_glossary_of_building_blocks():
    """The Russian land law abstract keeps its template's Quick Parts: a glossary document part
    (word/glossary/document.xml, related from document.xml.rels as glossaryDocument) whose docParts
    hold the template's boilerplate («[Обоснуйте актуальность …]», a placeholder) - none of it in the
    document's body."""
    import docx
    path = only_one(WORD, lambda p: "glossary/document.xml" in word_part(p, "word/_rels/document.xml.rels"))
    rels = word_part(path, "word/_rels/document.xml.rels")
    assert "relationships/glossaryDocument" in rels
    glossary = word_part(path, "word/glossary/document.xml")
    parts = re.findall(r"<w:docPart>.*?</w:docPart>", glossary, flags=re.S)
    assert len(parts) >= 4 and "glossary+xml" in word_part(path, "[Content_Types].xml")
    texts = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)) for p in parts]
    body = "\n".join(p.text for p in docx.Document(path).paragraphs)
    assert not any(t in body for t in texts) and "[Обоснуйте актуальность" in "".join(texts)
    assert _key(path)["field"] == "land law"


def test_a_text_file_is_a_telegram_desktop_html_export():
    """The English venture capital abstract (no provisions) as Telegram Desktop's "Export chat
    history" file, messages.html: a channel's posts as div.message blocks (a service date line, an
    announcement, the abstract in several "joined" posts under Telegram's 4,096-character limit, a
    document attachment with hashtags), text HTML-escaped with <strong> and <br>."""
    path = only_one(TEXT, lambda p: "<title>Exported Data</title>" in _text(p))
    raw = _text(path)
    assert raw.startswith("<!DOCTYPE html>") and 'class="page_body chat_page"' in raw
    assert re.search(r'class="message service" id="message-1">\s*<div class="body details">\s*14 March 2024', raw)
    posts = re.findall(r'<div class="message default clearfix( joined)?" id="message(\d+)">', raw)
    assert len(posts) >= 5 and posts[0][0] == "" and all(joined for joined, _ in posts[1:])
    texts = re.findall(r'<div class="text">\n(.*?)\n       </div>', raw, flags=re.S)
    plain = [re.sub(r"<[^>]+>", "", t) for t in texts]
    assert all(len(t) <= 4096 for t in plain) and sum(len(t) > 2000 for t in plain) >= 3
    assert "<strong>Relevance of the research topic</strong><br>" in raw and "&quot;" in raw
    assert 'class="media clearfix pull_left block_link media_file"' in raw and "#PhD_defence" in raw
    assert _key(path)["gaps"] == ["provisions"] and _key(path)["field"] == "venture capital"


def test_a_markdown_file_has_a_task_list_and_abbreviation_definitions():
    """The Russian mineralogy abstract as MkDocs Markdown: its tasks a GFM task list («- [x] …»), and
    abbreviation definitions «*[ВКО]: Восточно-Казахстанская область» (Markdown Extra / the abbr
    extension) at the end, each abbreviation used in the text above."""
    path = only_one(TEXT, lambda p: p.suffix == ".md" and "\n*[" in _text(p))
    raw = _text(path)
    tasks = re.findall(r"(?m)^- \[x\] (.+)$", raw)
    assert len(tasks) == _key(path)["counts"]["tasks"] == 6
    body, _, tail = raw.partition("\n*[")
    definitions = re.findall(r"(?m)^\*\[([^\]]+)\]: (.+)$", "*[" + tail)
    assert len(definitions) >= 4 and all(abbr in body for abbr, _ in definitions)
    assert ("ВКО", "Восточно-Казахстанская область") in definitions
    assert _key(path)["field"] == "mineralogy"


def test_a_markdown_file_has_semantic_line_breaks_and_pandoc_citations():
    """The English master's thesis as Pandoc Markdown: YAML front matter naming a bibliography and a
    CSL style, citations «[@kundur1994, pp. 581–590]», «[@kegoc2023; @kegoc2022]» after the scholars'
    names, and semantic line breaks: each sentence of a paragraph on a line of its own."""
    path = only_one(TEXT, lambda p: "[@" in _text(p))
    raw = _text(path)
    front = re.match(r"---\n(.*?)\n---\n", raw, flags=re.S).group(1)
    assert "bibliography: thesis.bib" in front and "csl: ieee.csl" in front
    cites = re.findall(r"\[@[\w-]+(?:, [^;\]]+)?(?:; @[\w-]+)*\]", raw)
    assert len(cites) >= 9 and "[@kundur1994, pp. 581–590]" in cites and "[@kegoc2023; @kegoc2022]" in cites
    breaks = re.findall(r"(?m)^[^#\n|].*[.;]\n(?= {0,3}[A-Z])", raw)
    assert len(breaks) >= 45
    assert _key(path)["kind"] == "masters-thesis" and _key(path)["field"] == "energy storage"


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 9, 0.99, 0.99, 0.85, 0.90, 0.87


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers as on 2d860f5 (FIRST_MEASUREMENT.txt): 9/9 loaded, fields 0.889, first words
    # 0.771, entities P 0.854, R 0.809, F1 0.831. After the fixes made against it
    # (FINAL_MEASUREMENT.txt): 9/9, 1.000, 1.000, 0.865 / 0.914 / 0.889.
    check_floors(CORPUS, 9, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
