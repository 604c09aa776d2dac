"""The twenty-first held-out corpus (tests/fixtures/published-21/, issue #10): nine full-length
abstracts that mix fields - three in mathematics and the natural sciences, two in agriculture and
biology, two in the social sciences and economics, two in philology and history - four Kazakh,
three Russian and two English. Its answer keys say what the documents say, in the first corpus's
format, and the documents are the mix the issue asks for. The files are read with pypdfium2,
python-docx, zipfile and Python's csv module, never with the mappers: the corpus measures them,
so nothing here may depend on what they do. (The mappers' floors are added after the corpus has
been measured.)
"""
from __future__ import annotations

import csv
import io
import json
import re
import zipfile

from published_keys import (ROOT, check_floors, check_key_format, check_key_says_what_the_document_says, check_the_mix,
                            check_word_lists_keep_their_numbers, counted_text, documents)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-21"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", *(f"published-{n}" for n in range(2, 21)))]
DOCUMENTS = documents(CORPUS)
WORD = [p for p in DOCUMENTS if p.suffix == ".docx"]
PDF = [p for p in DOCUMENTS if p.suffix == ".pdf"]
TEXT = [p for p in DOCUMENTS if p.suffix in (".txt", ".md")]


def _text(path) -> str:
    return path.read_text(encoding="utf-8")


def _key(path) -> dict:
    return json.loads((CORPUS / "expected" / f"{path.name}.json").read_text(encoding="utf-8"))


def test_the_corpus_is_the_mix_the_issue_asks_for():
    keys = check_the_mix(CORPUS, DOCUMENTS, EARLIER, at_least=9, phd=5, new_fields=9, formats=(3, 2, 2, 2),
                         lang_spread=2, articles=1, candidate=1, doctor=0, incomplete=("provisions",))
    langs = sorted(k["lang"] for k in keys.values())
    assert langs == ["en"] * 2 + ["kk"] * 4 + ["ru"] * 3
    assert [k["lang"] for k in keys.values() if k["kind"] == "article"] == ["en"]
    assert any(k["degree"] == "candidate" and k["lang"] == "ru"
               and re.fullmatch(r"\d\d\.\d\d\.\d\d", k["specialty_code"] or "") for k in keys.values())
    assert [k["lang"] for k in keys.values() if k["kind"] == "masters-thesis"] == ["ru"]
    assert all(len(k["authors"]) >= 3 for k in keys.values() if k["kind"] == "article")
    assert sorted(p.suffix for p in DOCUMENTS) == sorted([".pdf"] * 3 + [".docx"] * 2 + [".txt"] * 2 + [".md"] * 2)


def test_the_documents_are_full_length():
    """Real abstracts, not sketches (Kazakh words are long: its abstracts have fewer of them for
    the same content)."""
    for path in DOCUMENTS:
        key = _key(path)
        text = counted_text(path)
        floor = {"article": 300, "masters-thesis": 900}.get(key["kind"], 1350 if key["lang"] == "kk" else 1500)
        assert len(text.split()) >= floor, (path.name, len(text.split()))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


@pytest.mark.parametrize("path", WORD, ids=lambda p: p.name)
def test_the_word_lists_keep_their_numbers_in_numbering_xml(path):
    check_word_lists_keep_their_numbers(CORPUS, path)


def test_the_pdfs_have_a_text_layer_running_headers_and_page_numbers():
    import pypdfium2
    for path in PDF:
        pdf = pypdfium2.PdfDocument(path)
        try:
            pages = [page.get_textpage().get_text_range() for page in pdf]
        finally:
            pdf.close()
        assert len(pages) >= 4 and all(len(t.split()) > 20 for t in pages[1:])
        tops = [t.strip().splitlines()[0].strip() for t in pages[1:]]
        assert len(set(tops)) == 1, (path.name, tops[:3])


def test_a_word_file_holds_its_whole_abstract_in_one_table_cell():
    """The faculty's form: the body is one bordered table of one row and one cell, and every
    heading, paragraph and numbered list item lives inside that cell; python-docx's
    document.paragraphs sees none of it."""
    import docx
    for path in WORD:
        body = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
        inner = re.search(r"<w:body>(.*)</w:body>", body, flags=re.S).group(1)
        if not inner.startswith("<w:tbl>"):
            continue
        assert inner.count("<w:tbl>") == 1 and inner.count("<w:tc>") == 1 and inner.count("<w:tr") == 1
        tail = inner[inner.rindex("</w:tbl>") + len("</w:tbl>"):]
        assert "<w:t" not in tail.replace("<w:tblGrid", "")
        document = docx.Document(path)
        assert not any(p.text.strip() for p in document.paragraphs)
        cell = document.tables[0].cell(0, 0)
        assert len(cell.paragraphs) > 50 and "Зерттеудің мақсаты" in cell.text
        assert any(p.style.name.startswith("Heading") for p in cell.paragraphs)
        assert sum(1 for p in cell.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None) >= 14
        return
    raise AssertionError("no Word file whose abstract is inside one table cell")


def test_a_word_file_has_a_section_in_an_alt_chunk():
    """«Structure and scope» is an HTML part merged by Word through w:altChunk (relationship type
    aFChunk); document.xml's runs and python-docx never see its text."""
    import docx
    for path in WORD:
        with zipfile.ZipFile(path) as z:
            body = z.read("word/document.xml").decode("utf-8")
            if "<w:altChunk" not in body:
                continue
            rid = re.search(r'<w:altChunk r:id="(\w+)"/>', body).group(1)
            rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
            rel = re.search(rf'<Relationship Id="{rid}" Type="([^"]+)" Target="([^"]+)"', rels)
            assert rel and rel.group(1).endswith("/aFChunk")
            html = z.read("word/" + rel.group(2)).decode("utf-8")
            types = z.read("[Content_Types].xml").decode("utf-8")
        assert 'ContentType="text/html"' in types
        assert "<h2>Structure and scope of the dissertation</h2>" in html and "236 references" in html
        assert "236 references" not in body and "¤" not in body
        seen = "\n".join(p.text for p in docx.Document(path).paragraphs)
        assert "236 references" not in seen and "Main content of the dissertation" in seen
        return
    raise AssertionError("no Word file with an altChunk")


def test_a_text_file_is_a_whatsapp_chat_export():
    """WhatsApp's «Export chat» (Russian interface): every message «dd.mm.yyyy, hh:mm - Name: …»,
    the later lines of a multi-line message bare, the abstract pasted in several messages, a
    media placeholder, a deleted message and replies between them."""
    stamp = re.compile(r"^\d\d\.\d\d\.\d{4}, \d\d:\d\d - ")
    for path in TEXT:
        text = _text(path)
        lines = text.splitlines()
        if not stamp.match(lines[0]):
            continue
        assert "сквозным шифрованием" in lines[0]
        messages = [line for line in lines if stamp.match(line)]
        bare = [line for line in lines if not stamp.match(line)]
        assert len(messages) >= 10 and len(bare) >= 30
        senders = {re.match(r"^[^-]+- ([^:]+):", m).group(1) for m in messages[1:]}
        assert senders == {"Асель Ермекова", "Жанна Магистратура КБТУ"}
        assert "<Без медиафайлов>" in text and "Это сообщение удалено" in text
        pasted = [m for m in messages if m.split(": ", 1)[0].endswith("Асель Ермекова")]
        assert len(pasted) >= 8
        assert any(m.endswith("Асель Ермекова: Задачи исследования:") or "Задачи исследования:" in text
                   for m in pasted)
        return
    raise AssertionError("no WhatsApp chat export")


def test_a_text_file_is_a_dspace_metadata_csv_export():
    """A DSpace repository's metadata export: a header row of dc.* columns, one item row, the whole
    abstract one quoted field with its line breaks, multiple values split by «||»."""
    for path in TEXT:
        text = _text(path)
        if not text.startswith("id,collection,"):
            continue
        rows = list(csv.reader(io.StringIO(text)))
        assert len(rows) == 2 and len(rows[0]) == len(rows[1]) >= 10
        record = dict(zip(rows[0], rows[1]))
        assert record["dc.title[kk]"] == _key(path)["title"]
        assert "||" in record["dc.contributor.advisor"] and "||" in record["dc.subject[kk]"]
        abstract = record["dc.description.abstract[kk]"]
        assert abstract.count("\n") >= 40 and "Зерттеудің міндеттері:" in abstract
        assert len(text.splitlines()) > 40, "the quoted field keeps its line breaks in the file"
        return
    raise AssertionError("no DSpace CSV export")


def test_a_markdown_file_is_a_marp_slide_deck():
    """Marp: «marp: true» front matter with a header and footer on every slide, slides separated
    by «---», directives in HTML comments, background images, a speaker note, and the sections of
    the abstract spread over the slides (one section continued on a second slide)."""
    for path in TEXT:
        text = _text(path)
        if "marp: true" not in text:
            continue
        assert text.startswith("---\nmarp: true\n")
        slides = re.split(r"(?m)^---$", text)
        assert len(slides) >= 15
        for mark in ("<!-- _class: lead -->", "<!-- _paginate: false -->", "paginate: true",
                     "![bg left:30% opacity:.6]", "![bg right:35% w:420]", "header: '", "footer: '"):
            assert mark in text, mark
        assert "## Актуальность (продолжение)" in text and "Положения, выносимые на защиту" in text
        assert "provisions" in _key(path)["gaps"] and _key(path)["counts"]["provisions"] == 0
        return
    raise AssertionError("no Marp deck")


def test_a_markdown_file_is_a_hexo_post():
    """A Hexo blog post: YAML front matter with categories, tags and a cover, Nunjucks tag plugins
    ({% note %}, {% blockquote %}, {% raw %}, {% link %}, {% btn %}), the «<!-- more -->» excerpt
    break, and superscripts written «^1^» and subscripts «~2~» (markdown-it-sup/sub)."""
    for path in TEXT:
        text = _text(path)
        if "{% blockquote %}" not in text:
            continue
        assert text.startswith("---\ntitle: ") and "categories:" in text and "cover: " in text
        for mark in ("{% note info %}", "{% endnote %}", "{% endblockquote %}", "{% raw %}", "{% endraw %}",
                     "{% link ", "{% btn ", "<!-- more -->", "^1^", "P2~1~/c"):
            assert mark in text, mark
        assert _key(path)["kind"] == "article"
        return
    raise AssertionError("no Hexo post")


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 9, 0.99, 0.99, 0.85, 0.85, 0.85


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers as on 1d1e0bb (FIRST_MEASUREMENT.txt): 9/9 loaded, fields 0.956, first words
    # 0.971, entities P 0.862, R 0.865, F1 0.863. After the fixes made against it
    # (FINAL_MEASUREMENT.txt): 9/9, 1.000, 1.000, 0.862 / 0.865 / 0.863.
    check_floors(CORPUS, 9, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
