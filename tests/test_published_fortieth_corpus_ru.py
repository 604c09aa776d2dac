"""The Russian third of the fortieth held-out corpus (tests/fixtures/published-40/, issue #10): a
master's thesis abstract in printing technology kept as a Zettlr note (Markdown), a PhD abstract in
pathology (PDF) and a PhD abstract in oceanography exported to Word by Apple Pages. Their answer
keys say what the documents say, in the first corpus's format. The files are read with pypdfium2,
python-docx, zipfile and plain text reading, never with the mappers: the corpus measures them, so
nothing here may depend on what they do. The mix of the whole corpus (check_the_mix) and the
mappers' floors are the lead's, added at the merge and after the measurement.
"""
from __future__ import annotations

import re
import zipfile
from datetime import datetime

import pytest
import yaml

from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, check_word_lists_keep_their_numbers, key_of, pdf_pages)

CORPUS = ROOT / "tests" / "fixtures" / "published-40"
ZETTLR = CORPUS / "ru-printing-technology-masters.md"
PATHOLOGY = CORPUS / "ru-pathology-phd.pdf"
PAGES = CORPUS / "ru-oceanography-phd.docx"
FILES = [ZETTLR, PATHOLOGY, PAGES]
FLOOR = 1600


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _flat(text: str) -> str:
    return " ".join(text.replace("\ufffe", "").replace("\u00ad", "").split())


def _docx_text(path) -> str:
    import docx
    return "\n".join(p.text for p in docx.Document(path).paragraphs)


def test_the_russian_part_is_what_the_brief_asks_for():
    """Three Russian documents: a master's thesis (Markdown), two PhD abstracts (PDF, Word); fields
    printing technology, pathology and oceanography; every list the key counts is there."""
    keys = {p.name: _key(p) for p in FILES}
    assert all(p.exists() for p in FILES)
    assert {k["lang"] for k in keys.values()} == {"ru"}
    assert [k["field"] for k in keys.values()] == ["printing technology", "pathology", "oceanography"]
    assert [(k["kind"], k["degree"]) for k in keys.values()] == [
        ("masters-thesis", "master"), ("dissertation", "phd"), ("dissertation", "phd")]
    assert all(k["author"] and k["title"] and k["institution"] and k["publications_total"] for k in keys.values())
    for k in keys.values():
        assert not k["gaps"] and k["counts"]["provisions"] >= 3
        assert 4 <= k["counts"]["tasks"] <= 7 and 3 <= k["counts"]["novelty"] <= 5
    # the master's thesis: «АВТОРЕФЕРАТ магистерской диссертации», a 7M code, a supervisor
    master = _flat(ZETTLR.read_text(encoding="utf-8"))
    assert keys[ZETTLR.name]["specialty_code"].startswith("7M")
    assert "АВТОРЕФЕРАТ магистерской диссертации" in master and "Научный руководитель:" in master
    # the PhD abstracts: an 8D code and a foreign consultant on the title page
    first_page = _flat(pdf_pages(PATHOLOGY)[0])
    word_start = _flat(" ".join(_docx_text(PAGES).split("\n")[:12]))
    for start, path in ((first_page, PATHOLOGY), (word_start, PAGES)):
        assert _key(path)["specialty_code"].startswith("8D")
        assert "Научные консультанты:" in start and re.search(r"\((?:[^()]*), (Австрия|Россия)\)", start), path.name


def test_the_documents_are_full_length():
    check_full_length(CORPUS, FILES, lambda key: FLOOR)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_the_word_lists_keep_their_numbers_in_numbering_xml():
    check_word_lists_keep_their_numbers(CORPUS, PAGES)


def test_the_pdf_has_a_text_layer_and_page_numbers():
    check_pdfs_are_paged([PATHOLOGY], 3)
    pages = [_flat(t) for t in pdf_pages(PATHOLOGY)]
    # the running header on every page after the title page, headings in capitals, lists as printed
    assert all(p.startswith("Автореферат диссертации на соискание степени доктора философии (PhD)") for p in pages[1:])
    body = " ".join(pages[1:])
    for part in ("ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ", "НАУЧНАЯ НОВИЗНА", "ПОЛОЖЕНИЯ, ВЫНОСИМЫЕ НА ЗАЩИТУ",
                 "ОСНОВНОЕ СОДЕРЖАНИЕ РАБОТЫ", "ЗАКЛЮЧЕНИЕ", "i. Впервые", "iv. Доказано", "A) Рак желудка",
                 "D) Стадия атрофии", "1) Изучить", "5) Установить"):
        assert part in body, part


def test_a_markdown_file_is_a_zettlr_note():
    """The printing technology master's thesis as its author kept it in Zettlr: YAML front matter in
    block style (title, author and keywords as lists, lang ru-RU, the note's 14-digit Zettelkasten
    id, the Zotero bibliography and the CSL style), Pandoc citations with locators, links to other
    notes by their IDs in double brackets, inline #tags, and the note's own ID on its last line."""
    text = ZETTLR.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    front, body = text[4:].split("\n---\n", 1)
    meta = yaml.safe_load(front)
    key = _key(ZETTLR)
    assert meta["title"] == key["title"] and meta["author"] == [key["author"]]
    assert meta["lang"] == "ru-RU" and isinstance(meta["keywords"], list) and "офсетная печать" in meta["keywords"]
    assert re.fullmatch(r"\d{14}", str(meta["id"])) and meta["bibliography"].endswith(".json")
    assert meta["csl"].endswith(".csl")
    note_id = str(meta["id"])
    datetime.strptime(note_id, "%Y%m%d%H%M%S")
    # Pandoc citations as Zettlr completes them from Zotero, with page locators
    citations = re.findall(r"\[(@[\w]+(?:, (?:p|pp|с)\. [\d–]+)?(?:; @[\w]+(?:, (?:p|pp|с)\. [\d–]+)?)*)\]", body)
    assert len(citations) >= 6 and any(";" in c for c in citations) and any(", p. " in c for c in citations)
    assert "[@kipphan2001, p. 204]" in body and "[@samarin2019, с. 41; @kipphan2001]" in body
    # links to other notes by their Zettelkasten IDs, each a real timestamp
    links = re.findall(r"\[\[(\d+)\]\]", body)
    assert len(links) >= 5 and all(len(link) == 14 for link in links)
    for link in links:
        datetime.strptime(link, "%Y%m%d%H%M%S")
    # inline tags (a word after "#", not a Markdown heading "# ")
    tags = re.findall(r"(?<![\w#\[])#([^\s#\]]+)", body)
    assert {"полиграфия", "управление_цветом", "бумага", "итоги"} <= set(tags)
    assert body.rstrip("\n").split("\n")[-1] == f"ID: {note_id} #магистратура #автореферат"
    # the tags, links and citations are in the text the key's quotes are read from: no quote holds one
    assert not any(re.search(r"\[\[|\[@|#\w", e["text"]) for e in key["entities"])


def test_a_word_file_is_exported_by_apple_pages():
    """The oceanography abstract as Apple Pages exports a document to Word: app.xml names Pages;
    styles.xml has no latent styles and Pages' own styles (Body, Default, Heading, Title, Free Form,
    Header & Footer, the character styles None and Hyperlink.0, the list styles Numbered, Bullet and
    Lettered) over a Helvetica Neue default; every paragraph is styled (Body, Title or the heading),
    every run names its font and carries Pages' colour, underline, rtl, language and text effects;
    numbering.xml's abstract lists are numbered from 0, nine levels each, linked to the list styles;
    the parts Word's template brings (stylesWithEffects, webSettings, customXml, the thumbnail) are
    gone. python-docx opens it and reads every paragraph."""
    import docx
    with zipfile.ZipFile(PAGES) as z:
        names = z.namelist()
        part = {name: z.read(name).decode("utf-8") for name in names if name.endswith((".xml", ".rels"))}
    assert "<Application>Pages</Application>" in part["docProps/app.xml"]
    assert not any(n.startswith("customXml/") or n in ("word/stylesWithEffects.xml", "word/webSettings.xml",
                                                         "docProps/thumbnail.jpeg") for n in names)
    assert "stylesWithEffects" not in part["[Content_Types].xml"] + part["word/_rels/document.xml.rels"]
    styles = part["word/styles.xml"]
    assert "latentStyles" not in styles
    names_of = dict(re.findall(r'w:styleId="([^"]+)"><w:name w:val="([^"]+)"/>', styles))
    for sid, name in (("Body", "Body"), ("Default", "Default"), ("Heading", "Heading"), ("Title", "Title"),
                      ("FreeForm", "Free Form"), ("HeaderFooter", "Header &amp; Footer"), ("None", "None"),
                      ("Hyperlink.0", "Hyperlink.0"), ("Numbered", "Numbered"), ("Bullet", "Bullet"),
                      ("Lettered", "Lettered")):
        assert names_of.get(sid) == name, sid
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles).group(0)
    assert 'w:ascii="Helvetica Neue"' in defaults
    fonts = part["word/fontTable.xml"]
    assert all(f'w:name="{f}"' in fonts for f in ("Helvetica Neue", "Times New Roman", "Arial Unicode MS"))
    body = part["word/document.xml"]
    paragraphs = re.findall(r"<w:p>.*?</w:p>", body, flags=re.S)
    styled = [re.search(r'<w:pStyle w:val="([^"]+)"/>', p).group(1) for p in paragraphs]
    assert set(styled) == {"Body", "Title", "Heading2"} and styled.count("Title") == 1
    assert all('<w:bidi w:val="0"/>' in p for p in paragraphs)
    runs = [r for r in re.findall(r"<w:r>(.*?)</w:r>", body, flags=re.S) if "<w:t" in r]
    assert len(runs) > 60
    for run in runs:
        assert re.search(r'<w:rFonts w:ascii="(Times New Roman|Helvetica Neue)"', run), run[:200]
        for mark in ('<w:rtl w:val="0"/>', '<w:lang w:val="ru-RU"/>', '<w:u w:val="none" w:color="000000"/>',
                     '<w14:textOutline w14:w="0" w14:cap="flat"><w14:noFill/>', "<w14:textFill><w14:solidFill>"):
            assert mark in run, mark
    headings = [p for p, s in zip(paragraphs, styled) if s == "Heading2"]
    assert headings and all('w:ascii="Helvetica Neue"' in h for h in headings)
    numbering = part["word/numbering.xml"]
    abstracts = re.findall(r'<w:abstractNum w:abstractNumId="(\d+)">(.*?)</w:abstractNum>', numbering, flags=re.S)
    assert [int(a) for a, _ in abstracts] == list(range(len(abstracts))) and len(abstracts) == 3
    for _, xml in abstracts:
        assert xml.count("<w:lvl ") == 9 and re.search(r'<w:nsid w:val="[0-9A-F]{8}"/>', xml)
        assert re.search(r'<w:styleLink w:val="(Numbered|Bullet|Lettered)"/>', xml)
    assert '<w:lvlText w:val="•"/>' in numbering and '<w:numFmt w:val="lowerLetter"/>' in numbering
    # the list styles point at the lists the paragraphs use
    for style_id in ("Numbered", "Bullet", "Lettered"):
        num = re.search(rf'w:styleId="{style_id}">.*?<w:numId w:val="(\d+)"/>', styles).group(1)
        assert f'<w:numId w:val="{num}"/>' in body
    document = docx.Document(PAGES)
    texts = [p.text for p in document.paragraphs]
    assert _key(PAGES)["title"] in texts
    assert sum(p._p.pPr is not None and p._p.pPr.numPr is not None for p in document.paragraphs) == \
        sum(_key(PAGES)["counts"].values())
    assert {p.style.name for p in document.paragraphs} == {"Body", "Title", "Heading 2"}
