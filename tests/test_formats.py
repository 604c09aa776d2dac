"""Input formats: .pdf and .docx beside .txt and .md, read to the same abstract, with the
original file's format and the extracting library in the provenance.

The fixtures in tests/fixtures/formats/ were made by scripts/make_format_fixtures.py: each
.docx by python-docx from a plain-text abstract (Heading styles, automatic numbering, justified
text, a running header and a PAGE field in the footer, hyphenation on), each .pdf from that
.docx by LibreOffice; scanned.pdf is a picture of text; corrupt.* are truncated copies.
"""
from __future__ import annotations

import hashlib
import io
import json
import shutil
from importlib.metadata import version
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF

from dissertation_kg.mappings import abstract, extract
from dissertation_kg.mappings.errors import MappingError
from dissertation_kg.server.build.pipeline import build
from dissertation_kg.server.cli import main
from dissertation_kg.mappings.resources import seeds_dir
from dissertation_kg.server.store.location import StoreLocation
from dissertation_kg.server.store.engines import OxigraphStore

ROOT_FIXTURES = Path(__file__).parent / "fixtures"
FORMATS = ROOT_FIXTURES / "formats"
UNSEEN = json.loads((Path(__file__).parent / "fixtures" / "unseen" / "expected.json").read_text(encoding="utf-8"))
DKG = Namespace("https://w3id.org/dissertation-kg/ontology#")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _reading(doc) -> dict:
    got = {"kind": doc.kind, "lang": doc.lang, "tasks": len(doc.items.get("tasks", [])),
           "novelty": len(doc.items.get("novelty", [])), "provisions": len(doc.items.get("provisions", [])),
           "author": doc.meta.author, "specialty_code": doc.meta.specialty_code, "title": doc.meta.title,
           "institution": doc.meta.institution, "department": doc.meta.department,
           "first_words": {k: [" ".join(i.text.split()[:3]) for i in doc.items[k]]
                           for k in ("tasks", "novelty", "provisions") if doc.items.get(k)}}
    return got


# --------------------------------------------------------------------------- the same abstract from each format

@pytest.mark.parametrize("suffix", ["pdf", "docx"])
@pytest.mark.parametrize("name, original", [("kk-law", "kk-law.txt"), ("ru-public-health", "ru-public-health.txt"),
                                            ("kk-article-2col", "kk-journalism-article.txt")])
def test_pdf_and_docx_read_as_the_text_they_were_made_from(name, original, suffix):
    doc = abstract.parse_file(FORMATS / f"{name}.{suffix}")
    expected = UNSEEN[original]
    assert {k: v for k, v in _reading(doc).items() if k in expected} == expected


@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_english_seed_as_pdf_and_docx(suffix):
    doc = abstract.parse_file(FORMATS / f"en-foreign-policy.{suffix}")
    txt = abstract.parse_file(next(seeds_dir().glob("000_*.txt")))
    assert (doc.lang, doc.kind) == ("en", "dissertation")
    assert {k: len(v) for k, v in doc.items.items()} == {"tasks": 8, "novelty": 8, "provisions": 8}
    assert [it.text for it in doc.items["provisions"]] == [it.text for it in txt.items["provisions"]]
    assert doc.meta.publication_counts == txt.meta.publication_counts


@pytest.mark.parametrize("name, share", [("kk-law", 0.95), ("ru-public-health", 0.95), ("en-foreign-policy", 0.95),
                                         ("kk-article-2col", 0.85)])
def test_pdf_paragraphs_come_back_as_written(name, share):
    """Running header, page numbers, hyphenation and wrapped lines gone: every paragraph,
    heading and list item of the source is one line again (in two narrow columns the title
    page's short lines are the ones that can run together)."""
    source = (FORMATS / f"{name}.source.txt").read_text(encoding="utf-8").split("\n")
    lines = set(abstract.parse_file(FORMATS / f"{name}.pdf").text.split("\n"))
    want = [line for line in source if line]
    found = [line for line in want if line in lines]
    assert len(found) >= share * len(want), sorted(set(want) - lines)[:3]


def test_checksum_is_of_the_original_file():
    for path in FORMATS.glob("*.[pd][do][fc]*"):
        if path.suffix in (".pdf", ".docx") and not path.name.startswith(("corrupt", "scanned")):
            assert abstract.parse_file(path).checksum == hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_format_comes_from_the_bytes_not_the_name():
    data = (FORMATS / "kk-law.pdf").read_bytes()
    doc = abstract.parse_bytes(data, "kk-law.txt")
    assert doc.media_type == "application/pdf" and doc.lang == "kk"


# --------------------------------------------------------------------------- Word: numbering and headings

def test_docx_numbers_as_the_numbering_format_says():
    text = extract.extract((FORMATS / "kk-law.docx").read_bytes(), "kk-law.docx").text.split("\n")
    assert "1) кибералаяқтық ұғымын және оның белгілерін анықтау;" in text
    assert "6) қылмыстық заңнаманы жетілдіру жөнінде ұсыныстар тұжырымдау." in text
    assert any(line.startswith("1. Зерттеу тақырыбының өзектілігі.") for line in text)
    # A list interrupted by a paragraph and restarted at 2 reads "2.", not "1." again.
    assert any(line.startswith("2. Зерттеу нысаны –") for line in text)


def _numbered(doc, abstract_id: int, levels: list[tuple[str, str]], num_id: int, start: int | None = None) -> None:
    numbering = doc.part.numbering_part.element
    a = OxmlElement("w:abstractNum")
    a.set(qn("w:abstractNumId"), str(abstract_id))
    for ilvl, (fmt, text) in enumerate(levels):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        a.append(lvl)
    first = numbering.find(qn("w:num"))
    first.addprevious(a) if first is not None else numbering.append(a)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(abstract_id))
    num.append(ref)
    if start:
        over = OxmlElement("w:lvlOverride")
        over.set(qn("w:ilvl"), "0")
        so = OxmlElement("w:startOverride")
        so.set(qn("w:val"), str(start))
        over.append(so)
        num.append(over)
    numbering.append(num)


def _item(doc, text: str, num_id: int, ilvl: int = 0):
    p = doc.add_paragraph(text)
    ppr = p._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    for tag, val in (("w:ilvl", ilvl), ("w:numId", num_id)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), str(val))
        numpr.append(el)
    ppr.append(numpr)


def test_docx_numbering_formats_levels_and_restarts():
    doc = Document()
    doc.add_paragraph("Зерттеудің міндеттері", style="Heading 1")
    _numbered(doc, 90, [("decimal", "%1)"), ("russianLower", "%2)")], 90)
    _item(doc, "теорияны талдау;", 90)
    _item(doc, "деректерді жинау:", 90)
    _item(doc, "сауалнама;", 90, 1)
    _item(doc, "сұхбат;", 90, 1)
    _item(doc, "ұсыныстар әзірлеу.", 90)
    doc.add_paragraph("Научная новизна", style="Heading 2")
    _numbered(doc, 91, [("upperRoman", "%1."), ("decimal", "%1.%2.")], 91, start=2)
    _item(doc, "впервые;", 91)
    _item(doc, "уточнено;", 91, 1)
    _item(doc, "List Number style", 0)  # numId 0: numbering switched off
    doc.add_paragraph("• already typed bullet", style="List Bullet")
    buf = io.BytesIO()
    doc.save(buf)
    lines = extract.extract(buf.getvalue(), "made.docx").text.split("\n")
    assert lines[:6] == ["Зерттеудің міндеттері", "1) теорияны талдау;", "2) деректерді жинау:",
                         "а) сауалнама;", "б) сұхбат;", "3) ұсыныстар әзірлеу."]
    assert lines[6:9] == ["Научная новизна", "II. впервые;", "II.1. уточнено;"]
    assert lines[9] == "List Number style"
    # python-docx's List Bullet style numbers through its style: a bullet, whatever the glyph.
    assert lines[10].startswith("•")


def test_a_bullet_level_reads_as_a_bullet_whatever_its_glyph():
    doc = Document()
    doc.add_paragraph("Provisions for the defence", style="Heading 1")
    _numbered(doc, 92, [("bullet", "■")], 92)
    _item(doc, "At 40 % renewable share the grid frequency stays within limits.", 92)
    _item(doc, "Synthetic inertia from storage replaces the lost rotating mass.", 92)
    buf = io.BytesIO()
    doc.save(buf)
    lines = extract.extract(buf.getvalue(), "made.docx").text.split("\n")
    assert lines[1:3] == ["• At 40 % renewable share the grid frequency stays within limits.",
                          "• Synthetic inertia from storage replaces the lost rotating mass."]


@pytest.mark.parametrize("fmt, numbers", [
    ("upperRoman", {1: "I", 3: "III", 4: "IV", 5: "V", 9: "IX", 14: "XIV", 40: "XL", 49: "XLIX", 50: "L", 90: "XC",
                    99: "XCIX", 100: "C", 400: "CD", 500: "D", 900: "CM", 1000: "M", 1994: "MCMXCIV", 2024: "MMXXIV"}),
    ("lowerRoman", {4: "iv", 19: "xix", 444: "cdxliv"}),
    ("upperLetter", {1: "A", 26: "Z", 27: "AA", 54: "BBB"}),
    ("lowerLetter", {2: "b", 28: "bb"}),
    ("russianLower", {1: "а", 10: "к", 28: "я", 29: "аа"}),   # Word's Russian letters skip ё, й, ъ, ы, ь
    ("russianUpper", {3: "В", 30: "ББ"}),
    ("decimalZero", {7: "07", 12: "12"}),
    ("decimal", {1: "1", 42: "42"}),
])
def test_docx_list_numbers_as_word_displays_them(fmt, numbers):
    # each list starts at the number (w:startOverride) and holds one item
    doc = Document()
    doc.add_paragraph("Научная новизна", style="Heading 1")
    for i, n in enumerate(numbers, 1):
        _numbered(doc, 100 + i, [(fmt, "%1)")], 100 + i, start=n)
        _item(doc, f"пункт {n}", 100 + i)
    buf = io.BytesIO()
    doc.save(buf)
    lines = extract.extract(buf.getvalue(), "numbers.docx").text.split("\n")
    assert lines[1:] == [f"{shown}) пункт {n}" for n, shown in numbers.items()]


def test_docx_tracked_changes_read_as_accepted():
    doc = Document()
    p = doc.add_paragraph("Зерттеу нысаны – ")
    for tag, text in (("w:ins", "трансшекаралық "), ("w:del", "ескі ")):
        change = OxmlElement(tag)
        change.set(qn("w:id"), "1")
        change.set(qn("w:author"), "Ғылыми жетекші")
        run = OxmlElement("w:r")
        t = OxmlElement("w:t" if tag == "w:ins" else "w:delText")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        run.append(t)
        change.append(run)
        p._p.append(change)
    p.add_run("су ресурстары.")
    buf = io.BytesIO()
    doc.save(buf)
    assert extract.extract(buf.getvalue(), "tracked.docx").text == "Зерттеу нысаны – трансшекаралық су ресурстары."


def test_docx_heading_is_its_own_line_and_header_footer_are_left_out():
    text = extract.extract((FORMATS / "ru-public-health.docx").read_bytes(), "x.docx").text
    assert "\nОБЪЕКТ ИССЛЕДОВАНИЯ:\n" in text
    assert "Автореферат диссертации PhD" not in text      # the running header


# --------------------------------------------------------------------------- refusals

def test_pdf_without_text_layer_is_refused():
    with pytest.raises(MappingError) as err:
        abstract.parse_file(FORMATS / "scanned.pdf")
    assert str(err.value).startswith("scanned.pdf: no text layer: run OCR first")
    assert "ocrmypdf" in str(err.value)


def _one_line_pdf(text: str) -> bytes:
    """A one-page PDF whose text layer is `text` in Helvetica (written out here: the threshold
    needs an exact count of letters, which no converter's layout promises)."""
    return _pdf_with_stream(f"BT /F1 12 Tf 40 700 Td ({text}) Tj ET".encode())


def test_forty_letters_a_page_make_a_text_layer_and_fewer_do_not():
    forty = "abcde " * 8  # 40 letters: a page number and a running title can have fewer
    assert extract.extract(_one_line_pdf(forty), "short.pdf").text.split() == forty.split()
    with pytest.raises(MappingError, match=r"^short\.pdf: no text layer: run OCR first \(1 page\(s\) of images, 39 letters"):
        extract.extract(_one_line_pdf(forty[:-2]), "short.pdf")


@pytest.mark.parametrize("name, words", [("corrupt.pdf", "PDF is damaged"), ("corrupt.docx", "not a readable Word .docx")])
def test_corrupt_files_are_refused_with_their_name(name, words):
    with pytest.raises(MappingError) as err:
        abstract.parse_file(FORMATS / name)
    assert str(err.value).startswith(f"{name}: ") and words in str(err.value)
    assert " — " in str(err.value)          # and what to do


def _antiword():
    if shutil.which("antiword") is None:
        from conftest import unavailable
        unavailable("antiword is not installed: apt-get install -y antiword")


def test_an_old_binary_word_doc_is_read_with_antiword():
    """A Word 97–2003 .doc written by LibreOffice (tests/fixtures/formats/kk-word97.doc): its text
    in Kazakh letters, its automatically numbered tasks as items, its format recorded."""
    _antiword()
    parsed = abstract.parse_file(FORMATS / "kk-word97.doc")
    assert (parsed.media_type, parsed.extractor) == ("application/msword", "antiword")
    # the version from antiword's usage text (it has no --version): the provenance names it
    assert re.fullmatch(r"\d+\.\d+(?:\.\d+)?", parsed.extractor_version), parsed.extractor_version
    assert parsed.meta.author and "СӘРСЕНБАЕВА" in parsed.meta.author.upper()
    assert [item.text.split()[0] for item in parsed.items["tasks"]] == ["топырақ", "жерасты", "тұздануды"]


def test_an_ole_file_that_is_no_word_document_is_refused_with_how_to_convert():
    _antiword()
    with pytest.raises(MappingError, match=r"^thesis\.doc: antiword could not read this OLE file as a Word document"
                                           r".*soffice --headless --convert-to docx thesis\.doc"):
        abstract.parse_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "thesis.doc")


def test_without_antiword_a_doc_is_refused_with_what_to_install(monkeypatch):
    from dissertation_kg.mappings.extract import word97

    monkeypatch.setattr(word97.shutil, "which", lambda name: None)
    with pytest.raises(MappingError, match=r"^thesis\.doc: this is an old binary Word \.doc, and antiword.*"
                                           r"apt-get install antiword.*soffice --headless --convert-to docx"):
        abstract.parse_bytes((FORMATS / "kk-word97.doc").read_bytes(), "thesis.doc")


def test_a_docx_that_is_not_a_docx():
    with pytest.raises(MappingError, match=r"^notes\.docx: this is not a readable Word \.docx file"):
        abstract.parse_bytes("Обычный текст".encode(), "notes.docx")


# --------------------------------------------------------------------------- provenance

@pytest.mark.parametrize("name, media_type, library", [
    ("kk-law.pdf", "application/pdf", "pypdfium2"),
    ("ru-public-health.docx", DOCX_TYPE, "python-docx"),
])
def test_provenance_records_format_and_extractor(name, media_type, library):
    result = CliRunner().invoke(main, ["map", str(FORMATS / name), "--format", "nquads"])
    assert result.exit_code == 0, result.output
    ds = Dataset()
    ds.parse(data=result.stdout, format="nquads")
    source = URIRef(f"https://w3id.org/dissertation-kg/id/source/{name}")
    activity = URIRef(f"{source}/mapping")
    sha = hashlib.sha256((FORMATS / name).read_bytes()).hexdigest()
    triples = {(s, p, o) for s, p, o, _g in ds.quads()}
    assert (source, DKG.sha256, Literal(sha)) in triples
    assert (source, DCTERMS["format"], Literal(media_type)) in triples
    (agent,) = [o for s, p, o in triples if s == activity and p == PROV.wasAssociatedWith]
    assert (agent, RDF.type, PROV.SoftwareAgent) in triples
    assert (agent, FOAF.name, Literal(library)) in triples
    assert (agent, DKG.softwareVersion, Literal(version(library))) in triples


def test_validate_command_takes_pdf_and_docx():
    runner = CliRunner()
    result = runner.invoke(main, ["validate", str(FORMATS / "kk-law.pdf"), str(FORMATS / "en-foreign-policy.docx")])
    assert result.exit_code == 0, result.output
    refused = runner.invoke(main, ["validate", str(FORMATS / "scanned.pdf")])
    assert refused.exit_code == 1 and "scanned.pdf: no text layer: run OCR first" in refused.output


# --------------------------------------------------------------------------- a mixed corpus

def test_a_corpus_mixing_pdf_docx_txt_and_md_builds(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FORMATS / "en-foreign-policy.pdf", corpus)
    shutil.copy(next(seeds_dir().glob("001_*.txt")), corpus / "kk-foreign-policy.txt")
    shutil.copy(FORMATS / "kk-law.docx", corpus)
    shutil.copy(FORMATS / "ru-public-health.pdf", corpus)
    shutil.copy(Path(__file__).parent / "fixtures" / "abstracts" / "ru-energy-diplomacy.txt", corpus / "ru-energy.md")
    (corpus / "manifest.toml").write_text(
        '[[work]]\nid = "humanization-kazakhstan-foreign-policy"\n'
        'files = ["en-foreign-policy.pdf", "kk-foreign-policy.txt"]\n', encoding="utf-8")
    summary = build(corpus, tmp_path / "store", progress=False)
    assert summary.ok, [r.problems for r in summary.rejected]
    assert summary.documents == 5 and summary.works == 4
    store = OxigraphStore(StoreLocation(tmp_path / "store").current())
    rows = store.query("""PREFIX dkg: <https://w3id.org/dissertation-kg/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?file ?format WHERE { ?s a dkg:SourceDocument ; dkg:fileName ?file ; dcterms:format ?format }""")
    formats = {r["file"].value: r["format"].value for r in rows}
    assert formats == {"en-foreign-policy.pdf": "application/pdf", "kk-foreign-policy.txt": "text/plain",
                       "kk-law.docx": DOCX_TYPE, "ru-public-health.pdf": "application/pdf",
                       "ru-energy.md": "text/markdown"}
    rows = store.query("""PREFIX dkg: <https://w3id.org/dissertation-kg/ontology#>
        SELECT (COUNT(?p) AS ?n) WHERE {
          <https://w3id.org/dissertation-kg/id/work/humanization-kazakhstan-foreign-policy> dkg:hasProvision ?p }""")
    assert int(next(iter(rows))["n"].value) == 8


def test_docx_heading_numbered_automatically_is_still_a_heading():
    doc = Document()
    _numbered(doc, 92, [("decimal", "%1.")], 92)
    for heading, body in (("Зерттеудің мақсаты", "Зерттеудің мақсаты – модель құру."),
                          ("Ғылыми жаңалығы", None)):
        p = doc.add_paragraph(heading, style="Heading 2")
        numpr = OxmlElement("w:numPr")
        for tag, val in (("w:ilvl", 0), ("w:numId", 92)):
            el = OxmlElement(tag)
            el.set(qn("w:val"), str(val))
            numpr.append(el)
        p._p.get_or_add_pPr().append(numpr)
        if body:
            doc.add_paragraph(body)
    _numbered(doc, 93, [("decimal", "%1.")], 93)
    _item(doc, "Модель алғаш рет ұсынылды.", 93)   # a list paragraph keeps its number
    buf = io.BytesIO()
    doc.save(buf)
    lines = extract.extract(buf.getvalue(), "headings.docx").text.split("\n")
    assert lines == ["Зерттеудің мақсаты", "Зерттеудің мақсаты – модель құру.", "Ғылыми жаңалығы",
                     "1. Модель алғаш рет ұсынылды."]


def test_docx_heading_typed_section_number_is_the_headings_place_not_its_words():
    """Three-level numbers typed into Heading styles ("2.3.2 Задачи" under "2.3 Цель и
    задачи"): the number is what Word's heading numbering would show, so it goes as the
    automatic one does, and the sub-heading opens the tasks its parent only announced. A
    one-level number stays: it may be a list item's, set in a heading style."""
    doc = Document()
    doc.add_paragraph("2 ОБЩАЯ ХАРАКТЕРИСТИКА", style="Heading 1")
    doc.add_paragraph("2.3 Цель и задачи исследования", style="Heading 2")
    doc.add_paragraph("2.3.1 Цель", style="Heading 3")
    doc.add_paragraph("Построить модель спроса на пригородные перевозки.")
    doc.add_paragraph("2.3.2 Задачи", style="Heading 3")
    for task in ("1) собрать данные о пассажиропотоке;", "2) оценить эластичность спроса по цене;",
                 "3) проверить модель на данных двух областей."):
        doc.add_paragraph(task)
    doc.add_paragraph("2.4 Научная новизна", style="Heading 2")
    doc.add_paragraph("Впервые оценена эластичность спроса на пригородные поезда.")
    doc.add_paragraph("3.5 км от станции", style="Normal")   # body text keeps its numbers
    data = _docx_bytes(doc)
    lines = extract.extract(data, "numbered-headings.docx").text.split("\n")
    assert lines[:3] == ["2 ОБЩАЯ ХАРАКТЕРИСТИКА", "Цель и задачи исследования", "Цель"]
    assert "Задачи" in lines and "3.5 км от станции" in lines
    parsed = abstract.parse_bytes(data, "numbered-headings.docx")
    assert [it.text for it in parsed.items["tasks"]] == [
        "собрать данные о пассажиропотоке", "оценить эластичность спроса по цене",
        "проверить модель на данных двух областей."]


_MARKDOWN = """\
---
title: "Site page, not the work"
layout: abstract
---

| Магистрант | Петрова Анна Игоревна |
|---|---|
| Тема магистерской диссертации | Цифровой маркетинг в гостиничном бизнесе Алматы |

Актуальность темы
-----------------

Гостиницы переходят в цифровую среду - и быстро.

Задачи
======

- изучить опыт;
- разработать рекомендации.
"""


def test_markdown_front_matter_setext_underlines_and_tables_are_syntax_not_text():
    text = extract.extract(_MARKDOWN.encode(), "m.md").text
    assert "Site page" not in text and "layout" not in text
    assert "---" not in text and "===" not in text and "|" not in text
    assert text.split("\n")[:4] == ["", "Магистрант", "Петрова Анна Игоревна", "Тема магистерской диссертации"]
    assert "- изучить опыт;" in text.split("\n")     # a list item is no underline
    doc = abstract.parse_bytes(_MARKDOWN.encode(), "m.md")
    assert doc.meta.title == "Цифровой маркетинг в гостиничном бизнесе Алматы"
    assert list(doc.sections)[-2:] == ["relevance", "tasks"]
    # a .txt is taken as typed: the same bytes keep their pipes and underlines
    assert "|" in extract.extract(_MARKDOWN.encode(), "m.txt").text


def test_a_lone_dash_after_a_blank_line_is_a_bullet_not_a_break():
    """A thematic break takes two characters or more after a blank line; a single '-' there is a
    bullet whose item was wrapped to the next line, and the list reader needs it. Under a line
    of text, '-' is that line's setext underline."""
    from dissertation_kg.mappings.extract.plain import markdown_text
    assert markdown_text("Задачи:\n\n-\nизучить опыт;") == "Задачи:\n\n-\nизучить опыт;"
    assert markdown_text("Задачи:\n\n--\nизучить опыт;") == "Задачи:\n\nизучить опыт;"
    assert markdown_text("Задачи\n-\nизучить опыт;") == "Задачи\nизучить опыт;"


def test_docx_publication_total_only_in_a_table():
    doc = Document()
    doc.add_paragraph("Зерттеудің мақсаты", style="Heading 2")
    doc.add_paragraph("Зерттеудің мақсаты – модель құру.")
    doc.add_paragraph("Жарияланымдар", style="Heading 2")
    doc.add_paragraph("Диссертация нәтижелері бойынша жарияланған жұмыстар:")
    table = doc.add_table(rows=3, cols=2)
    for row, (label, n) in zip(table.rows, (("Басылым түрі", "Саны"), ("Мақалалар", "5"), ("Барлығы", "7"))):
        row.cells[0].text, row.cells[1].text = label, n
    buf = io.BytesIO()
    doc.save(buf)
    parsed = abstract.parse_bytes(buf.getvalue(), "table.docx")
    # Word's body has no page numbers: the cells' numbers stay, and the last row gives the total.
    assert parsed.meta.publication_counts.get("Total") == 7
    # The same lines as a page-laid text: "7" alone on a line there may be a page number.
    assert "\n7\n" not in abstract.reflow.reflow("Барлығы\n7\nКелесі бет", laid_out=False) + "\n"


_MD_ARTICLE = """\
МРНТИ 14.35.07 · УДК 37.015 · https://doi.org/10.00000/test.2023.1.05

# Оценка читательской грамотности <br>учащихся сельских школ

**Д.Е. Серикова<sup>1</sup>, Т.А. Кайратов<sup>2</sup>**

<sup>1</sup>Павлодарский педагогический университет, Павлодар, Казахстан<br><sup>2</sup>Университет Шакарима, Семей, Казахстан

> **Аннотация.** В статье сравниваются результаты чтения у 240 учащихся сельских и городских школ.
> Различия объясняются доступом к библиотекам.

*Ключевые слова:* грамотность, чтение, сельская школа.

## Введение

Чтение остаётся основой обучения.
"""


def test_markdown_html_and_blockquote_are_syntax_not_text():
    """`<br>` is a space to a reader, `<sup>1</sup>` the number it shows, `> ` a quotation's
    marker: none of them is read as the author's words."""
    from dissertation_kg.mappings import text

    assert text.clean("# Первая строка <br>вторая строка") == "Первая строка вторая строка"
    assert text.clean("Серикова<sup>1</sup>, Кайратов<SUP>2</SUP>") == "Серикова1, Кайратов2"
    assert text.clean("> **Аннотация.** Текст.\n>> вложенная цитата") == "Аннотация. Текст.\nвложенная цитата"
    assert text.clean("x >y\n>5 лет") == "x >y\n>5 лет"  # a comparison, not a quotation
    doc = abstract.parse_bytes(_MD_ARTICLE.encode(), "article.md")
    assert doc.meta.title == "Оценка читательской грамотности учащихся сельских школ"
    assert [a.name for a in doc.meta.authors] == ["Д.Е. Серикова", "Т.А. Кайратов"]
    assert doc.section_text("abstract").startswith("В статье сравниваются")


_MD_HTML_BLOCKS = """\
<p align="right">МРНТИ 06.73.02 &nbsp; УДК 336.7</p>

<p align="right">DOI: <a href="https://doi.org/10.00000/x.2024.2.7">10.00000/x.2024.2.7</a></p>

**Г.С. Жумабаева<sup>1</sup>, П.Р. Ильин<sup>2</sup>**

<sup>1</sup>Университет Нархоз, Алматы, Казахстан<br><sup>2</sup>Университет Туран, Алматы, Казахстан

<h2>Кредитование малого бизнеса
в моногородах</h2>

<h3>Аннотация</h3>

В работе оценены ставки по 410 займам малых предприятий в моногородах при p < 0.05.

*Ключевые слова:* кредит, малый бизнес, моногород.

<h3>Введение</h3>

Малый бизнес остаётся опорой моногородов.
"""


def test_markdown_html_blocks_read_as_the_headings_and_paragraphs_they_are():
    """An HTML block in Markdown is raw HTML to its blank line: `<h2>` is a heading as `##`
    is, `<p>` a paragraph, a link its text, `&nbsp;` a space; prose outside a block keeps its
    "<" as typed."""
    from dissertation_kg.mappings.extract.plain import markdown_text

    text = markdown_text(_MD_HTML_BLOCKS)
    assert "<h" not in text and "<p" not in text and "<a" not in text and "&nbsp;" not in text
    assert "## Кредитование малого бизнеса в моногородах" in text.split("\n")
    assert "### Аннотация" in text.split("\n")
    assert "DOI: 10.00000/x.2024.2.7" in text.split("\n")
    assert "p < 0.05" in text
    doc = abstract.parse_bytes(_MD_HTML_BLOCKS.encode(), "html-article.md")
    assert doc.meta.title == "Кредитование малого бизнеса в моногородах"
    assert doc.section_text("abstract").startswith("В работе оценены")


# --------------------------------------------------------------------------- Word: a table of contents

def _docx_bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_docx_contents_with_leader_tabs_opens_no_sections():
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm
    doc = Document()
    doc.add_paragraph("Dissertation abstract on greenhouse irrigation of cucumbers")
    doc.add_paragraph("Contents")
    for heading, page in (("Research objectives", 2), ("Scientific novelty", 3), ("Provisions for the defence", 3)):
        p = doc.add_paragraph()
        p.paragraph_format.tab_stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        p.add_run(heading)
        p.add_run().add_tab()
        p.add_run(str(page))
    doc.add_paragraph("Relevance", style="Heading 1")
    doc.add_paragraph("Greenhouses in the south waste a third of their water.")
    doc.add_paragraph("Research objectives", style="Heading 1")
    doc.add_paragraph("1) to measure the drip flow in three greenhouses;")
    doc.add_paragraph("2) to model the root-zone moisture.")
    doc.add_paragraph("Scientific novelty", style="Heading 1")
    doc.add_paragraph("1. A drip schedule tied to leaf temperature was proposed.")
    doc.add_paragraph("2. The moisture model was calibrated for clay soils.")
    data = _docx_bytes(doc)
    assert "Scientific novelty ........ 3" in extract.extract(data, "toc.docx").text.split("\n")
    doc = abstract.parse_bytes(data, "toc.docx")
    firsts = {k: [" ".join(i.text.split()[:2]) for i in v] for k, v in doc.items.items()}
    assert firsts == {"tasks": ["to measure", "to model"], "novelty": ["A drip", "The moisture"]}


def test_docx_numbered_table_rows_are_list_items():
    doc = Document()
    doc.add_paragraph("Research aim", style="Heading 1")
    doc.add_paragraph("To design a drip irrigation schedule for greenhouse cucumbers.")
    doc.add_paragraph("Table 2 – Research objectives and the sections that answer them")
    table = doc.add_table(rows=0, cols=3)
    for cells in (("No.", "Objective", "Section"), ("1", "To measure the drip flow in three greenhouses", "1"),
                  ("2", "To model the root-zone moisture", "2"), ("3.", "To test the schedule in winter", "3")):
        row = table.add_row().cells
        for cell, value in zip(row, cells):
            cell.text = value
    doc.add_paragraph("Research methods", style="Heading 1")
    doc.add_paragraph("Field measurements and a water balance model.")
    data = _docx_bytes(doc)
    lines = extract.extract(data, "rows.docx").text.split("\n")
    assert "1. To measure the drip flow in three greenhouses" in lines and "3. To test the schedule in winter" in lines
    doc = abstract.parse_bytes(data, "rows.docx")
    assert [it.text for it in doc.items["tasks"]] == ["To measure the drip flow in three greenhouses",
                                                      "To model the root-zone moisture", "To test the schedule in winter"]


def _pdf_with_stream(stream: bytes, font: bytes = b"Helvetica", fields: tuple[bytes, ...] = (),
                     page: bytes = b"") -> bytes:
    """A one-page PDF of `stream` in a standard font, with `fields` (widget dictionaries,
    objects 6 on) in its AcroForm and `page` added to the page's dictionary."""
    refs = b" ".join(b"%d 0 R" % (6 + i) for i in range(len(fields)))
    objects = [b"<< /Type /Catalog /Pages 2 0 R%s >>" % (b" /AcroForm << /Fields [%s] >>" % refs if fields else b""),
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >>%s%s >>" % (b" /Annots [%s]" % refs if fields else b"", page),
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /%s >>" % font, *fields]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _widget(kind: bytes, name: bytes, value: bytes, rect: tuple[int, int, int, int], flags: int = 4) -> bytes:
    return (b"<< /Type /Annot /Subtype /Widget /FT /%s /T (%s) /V %s /Rect [%d %d %d %d] /F %d /P 3 0 R >>"
            % (kind, name, value, *rect, flags))


def test_text_under_an_opaque_box_painted_after_it_is_not_read():
    # A PDF corrected in an online editor: the old value under a white box ("Whiteout"), the new
    # one typed on the box, read where it stands, not after the page's last line; a phone number
    # under a black box is gone. A rule through a line (strike-through), shading painted before
    # its text and a box painted before the text it frames hide nothing.
    stream = b"\n".join([
        b"BT /F1 12 Tf 40 700 Td (Published works: ) Tj ET",
        b"BT /F1 12 Tf 140 700 Td (41 papers) Tj ET",
        b"BT /F1 12 Tf 194 700 Td (, of which 29 in journals.) Tj ET",
        b"BT /F1 12 Tf 40 660 Td (Phone: ) Tj ET",
        b"BT /F1 12 Tf 80 660 Td (+77014283615) Tj ET",
        b"BT /F1 12 Tf 40 620 Td (Struck text stays readable.) Tj ET",
        b"0 g 40 623 150 1 re f",
        b"0.9 g 38 576 220 18 re f",
        b"0 g BT /F1 12 Tf 40 580 Td (Shaded text stays.) Tj ET",
        b"1 1 1 rg 138 696 55.5 14 re f",
        b"0 g 78 656 84 14 re f",
        b"0 g BT /F1 12 Tf 140 700 Td (43 papers) Tj ET",
        b"BT /F1 12 Tf 40 540 Td (Page 5) Tj ET",
    ])
    lines = [line for line in extract.extract(_pdf_with_stream(stream), "whiteout.pdf").text.split("\n") if line]
    assert lines == ["Published works: 43 papers, of which 29 in journals.", "Phone:", "Struck text stays readable.",
                     "Shaded text stays.", "Page 5"]


def test_text_outside_the_crop_box_is_not_read():
    # A page cut from a printer's sheet by its crop box alone: the printer's job line below it
    # and the facing page's edge beside it stay in the text layer, outside what a viewer shows.
    stream = b"\n".join([
        b"BT /F1 12 Tf 60 700 Td (The aim of the work is to describe the cult of water.) Tj ET",
        b"BT /F1 12 Tf 60 684 Td (The object is the epic tradition of the steppe.) Tj ET",
        b"BT /F1 12 Tf 500 700 Td (ter) Tj ET",
        b"BT /F1 12 Tf 500 684 Td (gen) Tj ET",
        b"BT /F1 8 Tf 60 20 Td (Order 0418 - Arys press - 100 copies) Tj ET",
    ])
    lines = [line for line in extract.extract(_pdf_with_stream(stream, page=b" /CropBox [40 40 460 760]"),
                                              "cropped.pdf").text.split("\n") if line]
    assert lines == ["The aim of the work is to describe the cult of water.",
                     "The object is the epic tradition of the steppe."]


def test_a_page_painted_over_whole_keeps_its_text():
    # A box over most of the page's letters is no correction but a page drawn oddly (a
    # background painted last): the text is read as it is, not lost.
    text = "The aim of the work is to map the salinity of irrigated soils in the south of Kazakhstan."
    stream = b"\n".join([b"BT /F1 12 Tf 40 700 Td (%s) Tj ET" % text.encode(), b"1 1 1 rg 0 0 612 792 re f"])
    assert extract.extract(_pdf_with_stream(stream), "painted.pdf").text.strip() == text


def test_a_forms_filled_fields_are_read_where_they_stand():
    # A title page made as a fillable form keeps what was typed in its widgets, not in the
    # page's text: the value over a blank («Author: ______») takes the blank's place, a framed
    # field over no blank is a line where it stands; check boxes and hidden fields are not text.
    stream = b"\n".join([
        _text_at(40, 740, "FACULTY OF NATURAL SCIENCES").replace(b"F1 10", b"F1 12"),
        b"BT /F1 12 Tf 40 700 Td (Author: " + b"_" * 20 + b") Tj ET",
        b"BT /F1 12 Tf 40 684 Td ((surname, name and patronymic)) Tj ET",
        b"BT /F1 12 Tf 40 620 Td ((title of the dissertation)) Tj ET",
        b"BT /F1 12 Tf 40 560 Td (The work studies the salinity of irrigated soils in the south.) Tj ET",
    ])
    fields = (_widget(b"Tx", b"author", b"(Ivan Petrov)", (80, 696, 220, 714)),
              _widget(b"Tx", b"title", b"(Soil salinity of the Aral region)", (40, 636, 400, 660)),
              _widget(b"Btn", b"agreed", b"/Yes", (420, 696, 432, 708)),
              _widget(b"Tx", b"internal", b"(draft 3, do not print)", (40, 520, 300, 540), flags=2))
    lines = [line for line in extract.extract(_pdf_with_stream(stream, fields=fields), "form.pdf").text.split("\n")
             if line]
    assert lines == ["FACULTY OF NATURAL SCIENCES", "Author: Ivan Petrov", "(surname, name and patronymic)",
                     "Soil salinity of the Aral region", "(title of the dissertation)",
                     "The work studies the salinity of irrigated soils in the south."]


def test_a_title_page_filled_in_as_a_form_gives_its_author_and_title():
    # a Candidate autoreferat whose title page is a form filled in and saved by an incremental
    # update (corpus 39): the UDC, the author, the title and the specialty are widget values
    got = extract.extract(ROOT_FIXTURES.joinpath("published-39", "ru-forensic-medicine-candidate.pdf").read_bytes(),
                          "form.pdf").text
    head = [line for line in got.split("\f")[0].split("\n") if line]
    assert head[1:4] == ["УДК 340.6:616-001.1:656.1", "Байгожина Асель Маратовна",
                         "(фамилия, имя, отчество соискателя)"]
    assert head[head.index("(название диссертации)") - 1].startswith("Судебно-медицинская оценка повреждений")
    assert "14.03.05 – Судебная медицина" in head
    assert not any(set(line) == {"_"} for line in head)


@pytest.mark.parametrize("cap_first", [False, True])
def test_a_drop_cap_goes_back_before_its_word(cap_first):
    # A paragraph's first letter set three lines high beside its lines (LibreOffice's and
    # InDesign's drop caps): PDFium reads the letter where the writer drew it, before the
    # paragraph or after it; either way the word gets its letter back and the heading words of
    # a run-in heading are read whole.
    lines = [b"BT /F1 12 Tf 73 700 Td (he work studies the salinity of irrigated soils in the south.) Tj ET",
             b"BT /F1 12 Tf 73 686 Td (of the country, where the water table has risen since 1990.) Tj ET",
             b"BT /F1 12 Tf 73 672 Td (Three districts were sampled in the dry summer months.) Tj ET",
             b"BT /F1 12 Tf 40 640 Td (The next paragraph begins in the usual way with no drop cap.) Tj ET"]
    cap = b"BT /F1 50 Tf 40 672 Td (T) Tj ET"   # its top level with the first line, its foot on the third
    stream = b"\n".join([cap, *lines] if cap_first else [*lines, cap])
    got = [line for line in extract.extract(_pdf_with_stream(stream), "cap.pdf").text.split("\n") if line]
    assert got[0] == "The work studies the salinity of irrigated soils in the south."
    assert "T" not in got and got[-1] == "The next paragraph begins in the usual way with no drop cap."


def test_letter_spaced_capitals_in_a_pdf_are_words_again():
    # a heading letter-spaced with a space after every letter and a wider gap between words
    # (what PDFium's text keeps and pdftotext joins), then ordinary text with letters apart
    stream = b"\n".join([
        b"BT /F1 12 Tf 3 Tc 40 700 Td [(M A I N ) -900 (R E S U L T S ) -900 (O F ) -900 (T H E ) -900 (W O R K)] TJ ET",
        b"BT /F1 12 Tf 40 680 Td (We compared the groups A B C D and found nothing of note in them.) Tj ET",
        b"BT /F1 12 Tf 40 660 Td (The variants were A B testing of the interface and a survey of readers.) Tj ET",
    ])
    got = extract.extract(_pdf_with_stream(stream), "spaced.pdf").text
    assert "MAIN RESULTS OF THE WORK" in got
    assert "groups A B C D and" in got and "A B testing" in got


def _text_at(x: int, y: int, text: str) -> bytes:
    return b"BT /F1 10 Tf %d %d Td (%s) Tj ET" % (x, y, text.encode())


def test_a_number_written_as_two_touching_pieces_is_one_number():
    # A writer may break a text object inside a number ("19|97"): the next piece starts right
    # where the last letter's box ends (closer than a third of a letter's width), and though the
    # next character is no letter, the two are one word, not "19 97".
    widths = {**dict.fromkeys("0123456789", 556), " ": 278, "T": 611, "h": 556, "e": 556, "d": 556, "r": 333,
              "o": 556, "u": 556, "g": 556, "t": 278, "f": 278, "l": 222, "s": 500, "w": 722, "i": 222, "n": 556}
    pieces = [("The drought of 19", "97 cut the wheat yields of the northern farms by a third."),
              ("The wells lost 12", "0 cubic metres of water a day in the dry summer months.")]
    stream = b"\n".join(
        b"BT /F1 12 Tf 40 %d Td (%s) Tj ET\nBT /F1 12 Tf %.3f %d Td (%s) Tj ET"
        % (700 - 20 * i, a.encode(), 40 + sum(widths[c] for c in a) * 12 / 1000, 700 - 20 * i, b.encode())
        for i, (a, b) in enumerate(pieces))
    lines = extract.extract(_pdf_with_stream(stream), "pieces.pdf").text.split("\n")
    assert "The drought of 1997 cut the wheat yields of the northern farms by a third." in lines
    assert "The wells lost 120 cubic metres of water a day in the dry summer months." in lines


def test_a_manuscripts_line_numbers_in_the_margin_are_no_text():
    # every fifth line numbered in the left margin, as a manuscript under review is (the
    # numbers drawn first, as LibreOffice writes them); a number inside the text (a year
    # opening a line, a count) stays
    prose = ["Crop yields in the northern steppe fell", "in the dry years of the last decade,",
             "and the farms answered with new seed.", "Twelve farms were surveyed twice.",
             "2019 was the driest year on record,", "and 40 wells ran dry in its summer.",
             "The survey asked how water was shared.", "Most farmers named the village council.",
             "Few had written contracts for water.", "The council met in spring and autumn,",
             "setting the turns of each household."]
    rows = [(40, 700 - 14 * (n - 1), str(n)) for n in (5, 10, 15)]
    rows += [(90, 700 - 14 * i, line) for i, line in enumerate(prose + ["Another paragraph begins here.",
                                                                         "It goes on for two more lines,",
                                                                         "and then it ends."])]
    got = extract.extract(_pdf_with_stream(b"\n".join(_text_at(*row) for row in rows)), "numbered.pdf").text
    lines = [line for line in got.split("\n") if line]
    assert not any(line.strip() in ("5", "10", "15") for line in lines), lines
    assert lines[0] == "Crop yields in the northern steppe fell"
    assert "2019 was the driest year on record," in lines and "and 40 wells ran dry in its summer." in lines


def test_a_two_column_table_in_a_pdf_is_read_column_by_column():
    # the cells written row by row, as a word processor draws a table: each cell spans two
    # lines, so a reader that follows the stream gets left, right, left, right
    rows = [
        (72, 700, "The aim of the work is to describe the wetlands of a delta and their birds."),
        (72, 670, "Table 1 - Results of the work"),
        (72, 650, "Scientific novelty"), (320, 650, "Provisions for the defence"),
        (72, 630, "A map of the delta wetlands was"), (72, 618, "drawn for the first time."),
        (320, 630, "The wetlands shrank by a third"), (320, 618, "over the last decade."),
        (72, 600, "The nesting birds were counted"), (72, 588, "in every season."),
        (320, 600, "The nesting birds left the"), (320, 588, "drying channels first."),
        (72, 560, "Approbation. The results were reported at two meetings of the society in the city."),
    ]
    pdf = _pdf_with_stream(b"\n".join(_text_at(*row) for row in rows))
    doc = abstract.parse_bytes(pdf, "en-two-columns.pdf")
    assert [it.text for it in doc.items["novelty"]] == [
        "A map of the delta wetlands was drawn for the first time.", "The nesting birds were counted in every season."]
    assert [it.text for it in doc.items["provisions"]] == [
        "The wetlands shrank by a third over the last decade.", "The nesting birds left the drying channels first."]


# --------------------------------------------------------------------------- Markdown: a journal page's HTML

_MD_DEFINITION_LIST = """\
**Даланың су ресурстары**

<dl>

<dt>Аңдатпа</dt>

<dd>Мақалада дала өзендерінің ағындысы 2010–2020 жылдар бойынша талданды және болжамы жасалды.</dd>

<dt>Кілт сөздер</dt>

<dd>ағынды, өзен, дала.</dd>

</dl>

<small>Жұмыс «Дала» қорының гранты бойынша орындалды.</small>

Keywords: `river runoff` `steppe` `forecast`
"""


def test_markdown_definition_list_styling_tags_and_keyword_chips():
    """A definition list's terms and definitions are paragraphs of their own (CommonMark's block
    tags), a styling tag such as `<small>` shows only its text, and inline-code chips set side
    by side are a list."""
    from dissertation_kg.mappings.extract.plain import markdown_text

    lines = markdown_text(_MD_DEFINITION_LIST).split("\n")
    assert "Аңдатпа" in lines and "Кілт сөздер" in lines and "ағынды, өзен, дала." in lines
    assert "Жұмыс «Дала» қорының гранты бойынша орындалды." in lines
    assert "Keywords: river runoff, steppe, forecast" in lines
    assert markdown_text("Run `dkg map` first.") == "Run `dkg map` first."


# --------------------------------------------------------------------------- seventh corpus's layouts

def test_plain_text_heading_underlines_are_no_text():
    """A converter's `===` / `---` under a plain-text heading carries no words; a rule after a
    blank line is left as typed."""
    from dissertation_kg.mappings.extract.plain import underlined_headings
    text = "AIM OF THE STUDY\n----------------\nTo map the dunes.\nTASKS\n=====\n1. to survey;\n\n-----\nEnd"
    assert underlined_headings(text) == "AIM OF THE STUDY\nTo map the dunes.\nTASKS\n1. to survey;\n\n-----\nEnd"
    assert "=====" not in extract.extract(text.encode(), "dunes.txt").text


def test_markdown_pandoc_definitions_attributes_and_callouts():
    """Pandoc's definition marker (": …") and heading attributes ("{#id .class}"), and a callout's
    type ("> [!abstract] Title"), are the renderer's, not the author's words."""
    from dissertation_kg.mappings.extract.plain import markdown_text
    md = ("## Цель работы {#cel .unnumbered}\n\nЗадачи\n\n: изучить дюны; описать барханы.\n\n"
          "> [!abstract] Аңдатпа\n> Мақалада құмдар зерттелді.\n")
    lines = markdown_text(md).split("\n")
    assert "## Цель работы" in lines and ": изучить дюны; описать барханы." not in lines
    assert "изучить дюны; описать барханы." in lines
    assert "> Аңдатпа" in lines and not any("[!" in x for x in lines)


def test_markdown_pandoc_fenced_divs_spans_and_smart_dashes_are_markup():
    """A Word file converted by Pandoc with its styles kept: fenced divs, the empty bookmark span
    a heading opens with, styled spans and `--` for the dash. The fences and attributes are no
    text; the heading is read, and so is the list inside a div."""
    from dissertation_kg.mappings.extract.plain import markdown_text
    md = ("::: {custom-style=\"Title\"}\n**АННОТАЦИЯ**\n:::\n\n"
          "## []{#_Toc1000 .anchor}Цель исследования\n\nЦель работы -- описать [барханы пустыни]{.underline}.\n\n"
          "## []{#_Toc1001 .anchor}Научная новизна\n\n::: {custom-style=\"List\"}\n"
          "-   впервые описаны барханы;\n\n-   [предложена]{.mark} карта дюн.\n:::\n")
    text = markdown_text(md)
    assert ":::" not in text and "{" not in text and "[" not in text
    assert "## Цель исследования" in text.split("\n")
    assert "Цель работы – описать барханы пустыни." in text
    doc = abstract.parse_bytes(md.encode(), "ru-pandoc-styles.md")
    assert [it.text.split()[0] for it in doc.items["novelty"]] == ["впервые", "предложена"]


def test_a_repository_item_page_in_markdown_gives_its_title_and_metadata_rows():
    """A repository's item page saved as Markdown: breadcrumbs, the title as `#`, then a metadata
    table with an empty header row and bold labels. Each row is a labelled line; the author is one
    property among several, so the title stands above them, not below."""
    from dissertation_kg.mappings.extract.plain import markdown_text
    md = ("[Home](https://repo.example.kz/) › [Theses](https://repo.example.kz/handle/1/2)\n\n"
          "# Dune drift and grazing pressure on the Moiynkum sands\n\n| | |\n|---|---|\n"
          "| **Author** | Bekova Aigul Saparovna |\n| **Supervisor** | Omarov K.T., PhD |\n"
          "| **Date issued** | 2024-06-01 |\n| **Type** | Abstract of PhD dissertation, 8D05201 – Ecology |\n"
          "## Abstract\n\n**Aim.** To measure the drift of the dunes.\n\n**Objectives:**\n\n"
          "1. to map the dunes;\n\n2. to date the dunes.\n")
    lines = markdown_text(md).split("\n")
    assert "Author: Bekova Aigul Saparovna" in lines and "Supervisor: Omarov K.T., PhD" in lines
    doc = abstract.parse_bytes(md.encode(), "en-item-page.md")
    assert doc.meta.title == "Dune drift and grazing pressure on the Moiynkum sands"
    assert doc.meta.author == "Bekova Aigul Saparovna"


def test_a_ris_record_is_read_as_the_title_page_and_abstract_it_describes():
    """RIS tags ("TY  - THES", "T1  - …", "AU  - Surname, Given") are the export's format: the
    title and the author are read from their fields, never the type line as a title."""
    ris = ("TY  - THES\nT1  - Grazing pressure and soil carbon on the steppes of Torgai\n"
           "AU  - Yessenova, Dana Muratkyzy\nA2  - Brenner, Paul\nPY  - 2022\n"
           "M3  - PhD dissertation, 8D08101 – Agronomy\nKW  - grazing\nKW  - soil carbon\n"
           "AB  - Relevance. Grazing on the Torgai steppes has tripled since 2005. Aim. To estimate how "
           "grazing pressure changes soil carbon. Objectives: 1) to sample 40 plots; 2) to model carbon "
           "stocks. Methods. Soil sampling and mixed models.\nER  - \n")
    doc = abstract.parse_bytes(ris.encode(), "record.txt")
    assert doc.meta.title == "Grazing pressure and soil carbon on the steppes of Torgai"
    assert doc.meta.author == "Yessenova Dana Muratkyzy"
    assert doc.meta.specialty_code == "8D08101"
    assert [it.text.split()[1] for it in doc.items["tasks"]] == ["sample", "model"]
    assert "TY" not in doc.text and "ER  -" not in doc.text


def test_a_catalogues_marc_record_is_read_as_the_title_page_and_abstract_it_describes():
    """A library catalogue's MARC 21 view saved as text: tag, indicators and "$a"-style subfields a
    line, long fields wrapped onto indented lines, the abstract cut into many 520 fields. The
    record's author, title, degree note and people with their roles make the title page; each
    summary field is a paragraph; the catalogue's own fields and lines are no text of the work."""
    record = (
        "University Library. Electronic catalogue\nRecord: MARC 21 (full view)\n"
        "LDR 04718nam a2200493 i 4500\n001 D-000318\n005 20231214103542.0\n"
        "040 ## $a KZ-AlKNAU $b eng $e rda\n084 ## $a 68.35.53 $2 rugasnti\n"
        "100 1# $a Serikbayeva, Aigerim Bolatkyzy $e author\n"
        "245 10 $a Restoring the Aport apple orchards of the Ile Alatau foothills / $c Serikbayeva\n"
        "       Aigerim Bolatkyzy\n"
        "300 ## $a 142 p. : $b ill. ; $c 30 cm\n"
        "502 ## $a Dissertation for the degree of Doctor of Philosophy (PhD) in the educational\n"
        "       programme 8D08101 – Agronomy $c Kazakh National Agrarian Research University $d 2023\n"
        "520 3# $a The object of the research is the old Aport orchards of the northern slope of the\n"
        "       Ile Alatau.\n"
        "520 3# $a Objectives of the research: 1) to survey the orchards; 2) to test the rootstocks;\n"
        "       3) to estimate the costs of restoration.\n"
        "520 3# $a Scientific novelty: the compatibility of Aport with dwarfing rootstocks was\n"
        "       measured for the first time.\n"
        "653 ## $a Aport $a apple $a rootstock\n"
        "700 1# $a Baizhanov, Nurlan Serikuly $e scientific consultant\n"
        "856 40 $u https://elib.example.kz/d/000318.pdf $y Dissertation (PDF)\n"
        "Save the record: MARC 21 | MARCXML | Dublin Core\n")
    doc = abstract.parse_bytes(record.encode(), "catalogue.txt")
    assert doc.meta.title == "Restoring the Aport apple orchards of the Ile Alatau foothills"
    assert doc.meta.author == "Serikbayeva Aigerim Bolatkyzy"
    assert doc.meta.specialty_code == "8D08101"
    assert [it.text.split()[1] for it in doc.items["tasks"]] == ["survey", "test", "estimate"]
    assert doc.section_text("object") == "the old Aport orchards of the northern slope of the Ile Alatau."
    assert "Scientific consultant: Baizhanov Nurlan Serikuly" in doc.text
    assert not any(mark in doc.text for mark in ("LDR", "$a", "rugasnti", "MARCXML", "elib.example"))


def test_a_marcmaker_file_is_read_as_the_same_page():
    from dissertation_kg.mappings.extract import marc_display
    mrk = ("=LDR  04718nam a2200493 i 4500\n=001  D-000318\n=040  \\\\$aKZ-AlKNAU$beng\n"
           "=100  1\\$aSerikbayeva, Aigerim Bolatkyzy$eauthor\n=245  10$aRestoring the Aport apple orchards /$cSerikbayeva A.B.\n"
           "=502  \\\\$aDissertation for the degree of Doctor of Philosophy (PhD), 8D08101 – Agronomy\n"
           "=520  3\\$aThe object of the research is the old Aport orchards.\n")
    assert marc_display.record(mrk).split("\n") == [
        "Author: Serikbayeva Aigerim Bolatkyzy", "Title: Restoring the Aport apple orchards",
        "Dissertation for the degree of Doctor of Philosophy (PhD), 8D08101 – Agronomy", "",
        "The object of the research is the old Aport orchards."]


def test_a_marc_display_with_bar_delimiters_is_read_alike():
    # (Aleph's and some Koha themes' displays write a subfield "|a" rather than "$a")
    from dissertation_kg.mappings.extract import marc_display
    record = ("LDR 04718nam a2200493 i 4500\n001 D-1\n100 1# |a Serikbayeva, Aigerim |e author\n"
              "245 10 |a Restoring the Aport orchards / |c Serikbayeva A.\n"
              "502 ## |a Dissertation for the degree of PhD, 8D08101 – Agronomy\n"
              "520 3# |a The object of the research is the old orchards.\n653 ## |a Aport\n")
    assert marc_display.record(record).split("\n") == [
        "Author: Serikbayeva Aigerim", "Title: Restoring the Aport orchards",
        "Dissertation for the degree of PhD, 8D08101 – Agronomy", "",
        "The object of the research is the old orchards.", "Keywords: Aport"]


def test_a_text_with_numbered_lines_and_dollar_signs_is_no_marc_record():
    from dissertation_kg.mappings.extract import marc_display
    text = ("Costs of the programme\n100 farms received $a 5,000 grant each\n200 farms $ 2,000\n"
            "300 farms were visited\n400 more are planned\n520 applications came in\n600 were refused\n")
    assert marc_display.record(text) == text


_OAI = ("""<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="static/style.xsl"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2024-03-18T06:12:44Z</responseDate>"""
        """<request verb="GetRecord" metadataPrefix="oai_dc">https://repository.example.kz/oai/request</request>"""
        """<GetRecord><record><header><identifier>oai:repository.example.kz:123/7</identifier>"""
        """<setSpec>col_123_41</setSpec></header><metadata>"""
        """<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">"""
        """<dc:title>Dune drift on the Moiynkum sands</dc:title><dc:creator>Bekova, Aigul Saparovna</dc:creator>"""
        """<dc:contributor>Omarov, K.</dc:contributor><dc:subject>dunes</dc:subject><dc:subject>grazing</dc:subject>"""
        """<dc:description>Relevance of the research. Dunes move faster each decade.</dc:description>"""
        """<dc:description>Aim of the research: to estimate how grazing moves the dunes.</dc:description>"""
        """<dc:description>Tasks of the research: 1) to map the dunes; 2) to count the herds.</dc:description>"""
        """<dc:description>Provisions submitted for defence: 1. Grazing doubles the drift&amp;nbsp;rate. """
        """2. Fencing &amp;laquo;stops&amp;raquo; it.</dc:description>"""
        """<dc:date>2023</dc:date><dc:type>Thesis</dc:type><dc:identifier>https://repository.example.kz/handle/123/7</dc:identifier>"""
        """<dc:publisher>Kazakh National Agrarian Research University</dc:publisher><dc:format>application/pdf</dc:format>"""
        """</oai_dc:dc></metadata></record></GetRecord></OAI-PMH>""")


def test_an_oai_pmh_record_is_read_as_the_title_page_and_abstract_it_describes():
    """A repository's OAI-PMH GetRecord answer in oai_dc saved as text: the title page's labelled
    lines, each description a paragraph, the subjects as keywords; the envelope, identifiers,
    format and set names gone; the double-escaped references («&amp;laquo;») read as characters."""
    from dissertation_kg.mappings.extract import oai_dc
    page = oai_dc.text(_OAI)
    assert page.split("\n")[:6] == ["Title: Dune drift on the Moiynkum sands", "Author: Bekova Aigul Saparovna",
                                     "Supervisor: Omarov K.", "Kazakh National Agrarian Research University", "2023", ""]
    assert page.rstrip().endswith("Keywords: dunes; grazing")
    assert not any(word in page for word in ("oai:", "col_123", "application/pdf", "handle/", "GetRecord"))
    doc = abstract.parse_bytes(_OAI.encode(), "record.txt")
    assert doc.meta.title == "Dune drift on the Moiynkum sands" and doc.meta.author == "Bekova Aigul Saparovna"
    assert [it.text for it in doc.items["tasks"]] == ["to map the dunes", "to count the herds."]
    assert [it.text for it in doc.items["provisions"]] == ["Grazing doubles the drift rate.", "Fencing «stops» it."]
    # a record on its own, without the protocol's envelope, is read alike; XML of another kind is not
    bare = _OAI[_OAI.index("<oai_dc:dc"):_OAI.index("</metadata>")]
    assert oai_dc.text(bare) == page
    other = '<?xml version="1.0"?><record><title>Not Dublin Core</title></record>'
    assert oai_dc.text(other) == other


def test_a_json_answer_is_read_as_the_page_it_stands_for():
    """A site's API answer saved as text: the title page's fields, each section an object of a
    heading and paragraphs or items. Arrays of strings under a heading are the section's list;
    ids, dates, file names and status words are no text."""
    import json
    answer = {"status": "ok", "data": {
        "id": 77, "type": "phd_abstract", "published_at": "2024-03-01T09:00:00+05:00",
        "applicant": {"full_name": "Bekova Aigul Saparovna", "short_name": "Bekova A.S."},
        "title": "Dune drift and grazing pressure on the Moiynkum sands",
        "programme": {"code": "8D08101", "name": "Agronomy"},
        "supervisors": ["Doctor of Agricultural Sciences, Professor Omarov K.", "PhD, Professor Lund E."],
        "sections": [
            {"heading": "Relevance of the research", "paragraphs": ["Dunes on the Moiynkum sands move faster each decade."]},
            {"heading": "Aim of the research", "paragraphs": ["To estimate how grazing moves the dunes."]},
            {"heading": "Objectives of the research", "items": ["to map the dunes;", "to count the herds;",
                                                                 "to model the drift."]},
            {"heading": "Scientific novelty", "items": ["the drift rate was measured for the first time;",
                                                        "a grazing index was proposed."]}],
        "files": [{"name": "abstract_en.pdf", "size": 1200}]}}
    doc = abstract.parse_bytes(json.dumps(answer, ensure_ascii=False, indent=2).encode(), "answer.txt")
    assert doc.meta.title == "Dune drift and grazing pressure on the Moiynkum sands"
    assert doc.meta.author == "Bekova Aigul Saparovna"
    assert doc.meta.specialty_code == "8D08101"
    assert [it.text.rstrip(";.").split()[-1] for it in doc.items["tasks"]] == ["dunes", "herds", "drift"]
    assert len(doc.items["novelty"]) == 2
    assert "phd_abstract" not in doc.text and "abstract_en.pdf" not in doc.text
    # a text that is no JSON is left as it is
    from dissertation_kg.mappings.extract import json_export
    assert json_export.record("{not json} Relevance.") == "{not json} Relevance."


def test_a_bibtex_record_is_read_as_the_title_page_and_abstract_it_describes():
    """A journal's BibTeX export: title, authors ("Surname, Given and …"), keywords and the
    abstract come from their fields, LaTeX's spellings typeset; the catalogue's fields (doi, url,
    pages) and the "%" comments are no text."""
    bib = ("% Encoding: UTF-8\n\n@article{Omarova2023Saxaul,\n"
           "  author   = {Омарова, Айгерім Болатқызы and Lund, Erik},\n"
           "  title    = {Саксаул егудің {GIS} әдісі},\n"
           "  journal  = {Шөл зерттеулері},\n  year = 2023,\n  pages = {11--19},\n"
           "  doi      = {10.1000/xyz.2023.11},\n"
           "  keywords = {саксаул; шөлейттену; {GIS}},\n"
           "  abstract = {Кіріспе. Саксаул тоғайлары 1990--2020 жылдары 30~\\% қысқарды. "
           "Мақсаты. Егу әдісін бағалау. Нәтижелер. Көшеттердің <<тамыры>> тез өсті.},\n}\n")
    from dissertation_kg.mappings.extract import bibtex
    page = bibtex.record(bib)
    assert page.split("\n")[:2] == ["Title: Саксаул егудің GIS әдісі", "Authors: Омарова Айгерім Болатқызы, Lund Erik"]
    assert "1990–2020 жылдары 30 % қысқарды" in page and "«тамыры»" in page
    assert "10.1000" not in page and "Encoding" not in page
    doc = abstract.parse_bytes(bib.encode(), "record.txt")
    assert doc.meta.title == "Саксаул егудің GIS әдісі"
    assert doc.meta.keywords == {"kk": ["саксаул", "шөлейттену", "GIS"]}
    # a text that merely mentions an e-mail address is no record
    assert bibtex.record("Contact: a@b.kz\nRelevance.") == "Contact: a@b.kz\nRelevance."


def test_r_markdown_front_matter_with_an_abstract_is_the_title_page():
    """Pandoc's and R Markdown's metadata describe the work: its title, author and the
    `abstract: |` block (which may hold whole sections) are read; knitr chunks are code, and
    `{-}` after a heading is pandoc's attribute, not the heading's words."""
    from dissertation_kg.mappings.extract.plain import markdown_text
    md = ("---\ntitle: \"Saxaul plantings on the dried Aral seabed\"\n"
          "subtitle: \"Abstract of the PhD dissertation, programme 8D08101 – Agronomy\"\n"
          "author: \"Omarov Daniyar Serikuly\"\noutput:\n  bookdown::pdf_document2:\n    toc: false\n"
          "params:\n  year: 2024\nabstract: |\n  **Relevance of the research.** Dust from the dried seabed grows.\n\n"
          "  Plantings hold the sand.\nkeywords: [saxaul, Aral]\n---\n\n"
          "```{r setup, include=FALSE}\nlibrary(tidyverse)\n```\n\n"
          "# Aim of the research {-}\n\nTo test saxaul plantings on the seabed.\n\n"
          "# Research objectives {#tasks .unnumbered}\n\n1. to plant two plots;\n2. to count survival.\n")
    text = markdown_text(md)
    assert "library(tidyverse)" not in text and "bookdown" not in text and "{-}" not in text
    doc = abstract.parse_bytes(md.encode(), "thesis.Rmd.md")
    assert doc.meta.title == "Saxaul plantings on the dried Aral seabed"
    assert doc.meta.author == "Omarov Daniyar Serikuly"
    assert doc.meta.specialty_code == "8D08101"
    assert doc.section_text("relevance").startswith("Dust from the dried seabed grows.")
    assert doc.section_text("aim") == "To test saxaul plantings on the seabed."
    assert len(doc.items["tasks"]) == 2
    # a site's front matter (no abstract) is still no text
    assert markdown_text("---\ntitle: \"Masters 2024\"\nslug: /m/2024\n---\n\nBody.\n").strip() == "Body."


def test_a_readme_bibtex_block_gives_the_article_its_authors_and_keywords():
    from dissertation_kg.mappings.extract.plain import markdown_text
    md = ("# Replication package\n\n## Citation\n\n```bibtex\n@article{omar2024,\n"
          "  title = {Dust over the Aral seabed},\n  author = {Omarova, Dana K. and Lund, Erik},\n"
          "  keywords = {dust; Aral Sea}\n}\n```\n\n## Abstract\n\nDust storms were counted.\n\n"
          "```python\nimport pandas\n```\n")
    text = markdown_text(md)
    assert "Authors: Omarova D.K., Lund E." in text.split("\n")
    assert "Keywords: dust; Aral Sea" in text.split("\n")
    assert "import pandas" not in text


def test_a_mediawiki_page_is_read_as_the_page_it_renders():
    """A wiki's source: "== headings ==", "[[target|shown]]" links, "# " numbered items (no
    Markdown heading), an infobox's "| label = value" rows as labels, __TOC__ not text."""
    wiki = ("{{Dissertation project\n| doctoral student = Omarov Daniyar Serikuly\n"
            "| programme = 8D08101 – Agronomy\n| department = [[Dept_of_Soils|Department of Soils]]\n}}\n"
            "__TOC__\n\n'''Omarov Daniyar Serikuly''' studies saxaul plantings.\n\n"
            "== Relevance of the research ==\nDust from the dried [[Aral Sea|Aral]] seabed grows.\n\n"
            "== Research objectives ==\n# to plant two plots;\n# to count survival;\n## in spring\n"
            "# to compare the plots.\n\n== Methods ==\nField trials.\n")
    from dissertation_kg.mappings.extract import wikitext
    page = wikitext.text(wiki)
    assert "Doctoral student: Omarov Daniyar Serikuly" in page.split("\n")
    assert "Dust from the dried Aral seabed grows." in page
    assert "__TOC__" not in page and "''" not in page
    doc = abstract.parse_bytes(wiki.encode(), "project.md")
    assert doc.meta.author == "Omarov Daniyar Serikuly"
    assert [" ".join(it.text.split()[:2]) for it in doc.items["tasks"]] == ["to plant", "to count", "to compare"]
    assert doc.section_text("methods") == "Field trials."
    # one "== … ==" line is no wiki page
    assert wikitext.text("== note ==\nRelevance.") == "== note ==\nRelevance."


def test_a_markdown_form_table_reads_as_labelled_lines():
    """A journal's form as a two-column table (label | content), labels in two languages: the
    title, the authors and the classification code are read from their rows; the form's caption
    is no title and the IRSTI code no specialty."""
    md = ("Анкета статьи / Article form\n\n| Поле / Field | Значение / Value |\n|---|---|\n"
          "| МРНТИ / IRSTI | 87.15.03 |\n| Название / Title | **Dust storms over the dried Aral seabed** |\n"
          "| Авторы / Authors | Tulegenova Zh.S.<sup>1</sup>, Berg H.<sup>2</sup> |\n"
          "| Abstract | Dust storms over the dried seabed of the Aral Sea were counted from MODIS images "
          "for 2001–2022. |\n| Keywords / Ключевые слова | dust storms; Aral Sea; MODIS |\n")
    from dissertation_kg.mappings.extract.plain import markdown_text
    assert "Название / Title: **Dust storms over the dried Aral seabed**" in markdown_text(md).split("\n")
    doc = abstract.parse_bytes(md.encode(), "form.md")
    assert doc.meta.title == "Dust storms over the dried Aral seabed"
    assert doc.meta.author == "Tulegenova Zh.S."
    assert doc.meta.specialty_code is None
    assert doc.meta.keywords == {"en": ["dust storms", "Aral Sea", "MODIS"]}
    # a table of data (a number in its first column) is still read cell by cell
    data = "| Year | Storms |\n|---|---|\n| 2001 | 12 |\n| 2002 | 15 |\n| 2003 | 9 |\n"
    assert markdown_text(data).split() == ["Year", "Storms", "2001", "12", "2002", "15", "2003", "9"]


def test_markdown_html_comments_are_not_text():
    """An HTML comment, on one line or over several and holding headings and a list, is never
    shown by a renderer: none of it is read."""
    from dissertation_kg.mappings.extract.plain import markdown_text
    md = ("# Аннотация\n\n<!-- заметка редактора: раздел перенести -->\n\n"
          "<!-- черновик\n## Задачи работы\n1. собрать гербарий;\n2. описать виды.\n-->\n\n"
          "## Цель работы\n\nОписать флору степи.<!-- проверить -->\n")
    out = markdown_text(md)
    assert "Задачи" not in out and "гербарий" not in out and "заметка" not in out and "проверить" not in out
    assert "## Цель работы" in out and "Описать флору степи." in out


def test_markdown_toggles_bold_bullets_with_nested_content_are_headings():
    """A page of toggles (Notion's export): each section a bold bullet with its text and its
    items indented under it. The bold phrase is the section's heading; the nested list is the
    section's list; a bold bullet with nothing nested under it stays an item."""
    from dissertation_kg.mappings.extract.plain import markdown_text
    md = ("# Аннотация — Жаксылыков Б.О.\n\n"
          "Автор: Жаксылыков Берик Оралович\nТема: Устойчивость степных озёр к засухе\n\n"
          "- **Цель**\n\n    Оценить устойчивость степных озёр Тургайской ложбины к засухе.\n\n"
          "- **Задачи**\n\n    1. собрать ряды уровней озёр за 1990–2020 годы;\n"
          "    2. построить водный баланс трёх озёр;\n    3. предложить меры охраны.\n\n"
          "- **Научная новизна**\n\n    - впервые составлен водный баланс озера Сарыколь;\n"
          "    - предложен индекс засушливости бассейна.\n\n"
          "- **Положения, выносимые на защиту**\n\n    1. водный баланс озёр отрицателен с 2005 года;\n"
          "    2. индекс засушливости предсказывает падение уровня.\n")
    lines = markdown_text(md).split("\n")
    assert "**Задачи**" in lines and "- **Задачи**" not in lines
    doc = abstract.parse_bytes(md.encode(), "toggles.md")
    assert [len(doc.items.get(k, [])) for k in ("tasks", "novelty", "provisions")] == [3, 2, 2]
    assert doc.items["novelty"][0].text.startswith("впервые составлен")
    # bold bullets side by side, nothing nested: a list of bold items, read as typed
    flat = "- **Арал**\n- **Балхаш**\n"
    assert markdown_text(flat).split("\n")[:2] == ["- **Арал**", "- **Балхаш**"]

def test_docx_hidden_text_is_left_out():
    """Hidden text (w:vanish) is not on the page: a hidden paragraph and a hidden run go."""
    doc = Document()
    hidden = doc.add_paragraph(style="List Number")   # its number would show without its text
    run = hidden.add_run("Новизна (черновик): впервые описаны пески.")
    run.font.hidden = True
    mark = OxmlElement("w:rPr")
    mark.append(OxmlElement("w:vanish"))
    hidden._p.get_or_add_pPr().append(mark)
    shown = doc.add_paragraph("Объект – пески ")
    shown.add_run("старые ").font.hidden = True
    shown.add_run("пустыни.")
    assert extract.extract(_docx_bytes(doc), "hidden.docx").text == "Объект – пески пустыни."


def test_docx_hyphens_typed_as_elements():
    """Word types a non-breaking hyphen (Ctrl+Shift+-) as w:noBreakHyphen, printed as a hyphen, and
    an optional hyphen (Ctrl+-) as w:softHyphen, printed only where a line breaks."""
    doc = Document()
    p = doc.add_paragraph()
    run = p.add_run("Принципы пациент")
    run._r.append(OxmlElement("w:noBreakHyphen"))
    text = OxmlElement("w:t")
    text.text = "центрированного подхода и гериат"
    run._r.append(text)
    run._r.append(OxmlElement("w:softHyphen"))
    rest = OxmlElement("w:t")
    rest.text = "рической оценки."
    run._r.append(rest)
    assert extract.extract(_docx_bytes(doc), "hyphens.docx").text == \
        "Принципы пациент-центрированного подхода и гериатрической оценки."


# --------------------------------------------------------------------------- Word: what the page shows

def _in_content_control(block) -> None:
    """Wrap a paragraph or table in a block-level content control (w:sdt), as a template's
    locked section titles are."""
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    alias = OxmlElement("w:alias")
    alias.set(qn("w:val"), "Section title")
    pr.append(alias)
    sdt.append(pr)
    content = OxmlElement("w:sdtContent")
    sdt.append(content)
    block.addprevious(sdt)
    content.append(block)


def test_docx_paragraphs_and_tables_inside_content_controls_are_read_in_place():
    doc = Document()
    _in_content_control(doc.add_paragraph("Research objectives", style="Heading 2")._p)
    doc.add_paragraph("1) to survey the orchards of the valley;")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Supervisor"
    table.cell(0, 1).text = "Dr Q. Example"
    _in_content_control(table._tbl)
    cell = doc.add_table(rows=1, cols=1).cell(0, 0)
    _in_content_control(cell.add_paragraph("Scientific novelty")._p)
    lines = extract.extract(_docx_bytes(doc), "sdt.docx").text.split("\n")
    assert lines == ["Research objectives", "1) to survey the orchards of the valley;",
                     "Supervisor", "Dr Q. Example", "Scientific novelty"]


def test_docx_caps_show_a_heading_typed_in_lower_case_as_capitals():
    doc = Document()
    heading = doc.add_paragraph(style="Heading 2")
    heading.add_run("зерттеу нысаны").font.all_caps = True
    doc.styles["Heading 3"].font.all_caps = True
    doc.add_paragraph("ғылыми жаңалығы", style="Heading 3")
    plain = doc.add_paragraph(style="Heading 3")
    plain.add_run("бірінші").font.all_caps = False   # switched off on the run: as typed
    lines = extract.extract(_docx_bytes(doc), "caps.docx").text.split("\n")
    assert lines == ["ЗЕРТТЕУ НЫСАНЫ", "ҒЫЛЫМИ ЖАҢАЛЫҒЫ", "бірінші"]


def test_docx_small_caps_show_a_paragraph_typed_in_lower_case_as_capitals():
    doc = Document()
    heading = doc.add_paragraph(style="Heading 2")
    heading.add_run("зерттеудің ").font.small_caps = True
    heading.add_run("жаңалығы").font.small_caps = True
    doc.styles["Heading 3"].font.small_caps = True
    doc.add_paragraph("қорғауға шығарылатын қағидалар", style="Heading 3")
    mixed = doc.add_paragraph("Деректерді ")
    mixed.add_run("Ескендіров").font.small_caps = True   # a name inside a sentence: as typed
    lines = extract.extract(_docx_bytes(doc), "smallcaps.docx").text.split("\n")
    assert lines == ["ЗЕРТТЕУДІҢ ЖАҢАЛЫҒЫ", "ҚОРҒАУҒА ШЫҒАРЫЛАТЫН ҚАҒИДАЛАР", "Деректерді Ескендіров"]


def test_docx_drop_cap_is_the_next_paragraphs_first_letter():
    doc = Document()
    doc.add_paragraph("Relevance", style="Heading 2")
    cap = doc.add_paragraph("W")
    frame = OxmlElement("w:framePr")
    frame.set(qn("w:dropCap"), "drop")
    frame.set(qn("w:lines"), "3")
    cap._p.get_or_add_pPr().append(frame)
    doc.add_paragraph("heat yields in the steppe fell twice in a decade.")
    lines = extract.extract(_docx_bytes(doc), "dropcap.docx").text.split("\n")
    assert lines == ["Relevance", "Wheat yields in the steppe fell twice in a decade."]


def test_docx_items_under_a_numbered_heading_number_from_one():
    """One multilevel list numbers the headings (level 1) and the items under them (level 2):
    the items' numbers are read without the heading's part, «1.», not «2.1.»."""
    doc = Document()
    _numbered(doc, 94, [("decimal", "%1."), ("decimal", "%1.%2.")], 94)
    for heading, items in (("Aim", []), ("Objectives", ["to map the wells;", "to rank the risks."]),
                           ("Novelty", ["a model is proposed."])):
        p = doc.add_paragraph(heading, style="Heading 2")
        numpr = OxmlElement("w:numPr")
        for tag, val in (("w:ilvl", 0), ("w:numId", 94)):
            el = OxmlElement(tag)
            el.set(qn("w:val"), str(val))
            numpr.append(el)
        p._p.get_or_add_pPr().append(numpr)
        for item in items:
            _item(doc, item, 94, 1)
    # The same level-2 numbers with no heading above them keep their full number.
    _numbered(doc, 95, [("decimal", "%1."), ("decimal", "%1.%2.")], 95)
    _item(doc, "first;", 95)
    _item(doc, "its part.", 95, 1)
    lines = extract.extract(_docx_bytes(doc), "multilevel.docx").text.split("\n")
    assert lines == ["Aim", "Objectives", "1. to map the wells;", "2. to rank the risks.", "Novelty",
                     "1. a model is proposed.", "1. first;", "1.1. its part."]


def test_a_repository_records_dublin_core_rows_name_the_author_and_the_title():
    """A DSpace «full item record» copied as text: the author's and the title's rows are read as
    a title page's labelled lines, put first (the record sorts its fields by name)."""
    record = ("Full item record\n"
              "dc.contributor.author\tQuillfeather, Marta Ivanovna\t\n"
              "dc.contributor.advisor\tStone, B.B.\t\n"
              "dc.description\t8D05299 – Hydrology\ten_US\n"
              "dc.description.abstract\tRelevance. Lakes of the steppe dry out in summer. Aim. To map the lakes "
              "of the steppe. Objectives: 1) to survey the shores; 2) to date the sediments.\ten_US\n"
              "dc.title\tShrinking Lakes of the Northern Steppe and Their Sediments\ten_US\n")
    text = extract.extract(record.encode(), "record.txt").text
    assert text.split("\n")[:3] == ["Full item record", "Author: Quillfeather Marta Ivanovna",
                                    "Title: Shrinking Lakes of the Northern Steppe and Their Sediments"]
    doc = abstract.parse_bytes(record.encode(), "record.txt")
    assert doc.meta.author == "Quillfeather Marta Ivanovna"
    assert doc.meta.title == "Shrinking Lakes of the Northern Steppe and Their Sediments"
    # one such row is no record: a text quoting a field name stays as typed
    assert extract.extract(b"dc.title\tA quoted row\n", "one.txt").text == "dc.title\tA quoted row\n"


@pytest.mark.parametrize("header, rows", [
    (["Автор", "Мекеме", "ORCID"],
     [["Жанұзақ Б.Е.*", "Сәтбаев университеті, Алматы, Қазақстан", "0000-0001-2345-6789"],
      ["Тоқтарова А.С.", "Сәтбаев университеті, Алматы, Қазақстан", "0000-0002-3456-7890"],
      ["Мюллер К.", "Дрезден техникалық университеті, Дрезден, Германия", "0000-0003-4567-8901"]]),
    (["Автор", "Организация", "ORCID"],
     [["Жанузак Б.Е.*", "Торайгыров университет, Павлодар, Казахстан", "0000-0001-2345-6789"],
      ["Токтарова А.С.", "Торайгыров университет, Павлодар, Казахстан", "0000-0002-3456-7890"]]),
])
def test_docx_an_articles_authors_one_a_row_of_a_table(header, rows):
    """An article's authors in a table, one a row with the affiliation (and ORCID) in the cells
    after the name, under a header row, the title in capitals above: every author is read, and
    the title is the line above the table, not the affiliation under the first name."""
    doc = Document()
    doc.add_paragraph("ӘОЖ 551.3")
    title = "ҚҰМ ТӨБЕЛЕРІНІҢ ҚОЗҒАЛЫСЫН ҒАРЫШТЫҚ ТҮСІРІЛІМДЕР АРҚЫЛЫ БАҒАЛАУ"
    doc.add_paragraph(title)
    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    for r, cells in enumerate([header, *rows]):
        for c, value in enumerate(cells):
            table.cell(r, c).text = value
    doc.add_paragraph("Аңдатпа. Мақалада шөлдегі құм төбелерінің қозғалысы ғарыштық түсірілімдер арқылы бағаланады. "
                      "Зерттеу үш жылдың деректеріне сүйенеді.")
    doc.add_paragraph("Түйін сөздер: құм төбелері, шөл, қашықтықтан зондтау.")
    parsed = abstract.parse_bytes(_docx_bytes(doc), "kk-authors-table.docx")
    assert [a.name for a in parsed.meta.authors] == [r[0].rstrip("*") for r in rows]
    assert parsed.meta.title == title


def test_docx_a_floating_table_of_authors_before_the_title_names_no_title():
    """A journal's Word template: the authors and their affiliations in a floating table
    (w:tblpPr, wrapped round by the text) set before the codes, the title in capitals and the
    byline with initials. The title stands by the byline; the table's header row and names are
    no title and no author."""
    doc = Document()
    table = doc.add_table(rows=3, cols=2)
    for row, (name, place) in zip(table.rows, [("Авторы", "Аффилиация"),
                                               ("Жаксыбаева Гульнара Маратовна*", "Степной университет, Костанай, Казахстан"),
                                               ("Орлов Илья Петрович", "Северный университет, Омск, Россия")]):
        row.cells[0].text, row.cells[1].text = name, place
    float_pr = OxmlElement("w:tblpPr")
    for attr, value in (("w:leftFromText", "180"), ("w:rightFromText", "180"), ("w:vertAnchor", "text"),
                        ("w:horzAnchor", "margin"), ("w:tblpXSpec", "right"), ("w:tblpY", "1")):
        float_pr.set(qn(attr), value)
    table._tbl.tblPr.append(float_pr)
    doc.add_paragraph("МРНТИ 06.71.07 УДК 332.1")
    doc.add_paragraph("ЦЕНЫ НА ЗЕРНО В СЕВЕРНЫХ ОБЛАСТЯХ КАЗАХСТАНА: ОЦЕНКА ЭЛЕВАТОРНЫХ ЗАКУПОК")
    doc.add_paragraph("Г.М. Жаксыбаева, И.П. Орлов")
    doc.add_paragraph("Аннотация. В статье оценены цены на зерно в северных областях за 2015–2023 годы.")
    doc.add_paragraph("Ключевые слова: зерно, цены, элеваторы.")
    parsed = abstract.parse_bytes(_docx_bytes(doc), "floating.docx")
    assert parsed.meta.title == "ЦЕНЫ НА ЗЕРНО В СЕВЕРНЫХ ОБЛАСТЯХ КАЗАХСТАНА: ОЦЕНКА ЭЛЕВАТОРНЫХ ЗАКУПОК"
    assert [a.name for a in parsed.meta.authors] == ["Г.М. Жаксыбаева", "И.П. Орлов"]


def test_vertical_tabs_in_a_text_file_are_word_line_breaks():
    # a Word paragraph pasted with its Shift+Enter breaks kept as U+000B
    from dissertation_kg.mappings import text

    assert text.clean("Student: Omarov Daulet Serikuly\vSupervisor: Petrov A.B.\n"
                      "Aim of the project.\vTo design a harrow for stony soil.") == \
        "Student: Omarov Daulet Serikuly\nSupervisor: Petrov A.B.\nAim of the project.\nTo design a harrow for stony soil."


def test_html_character_references_in_a_text_file_are_decoded():
    # an HTML page saved as text: the references are the characters a browser shows
    data = "Тема &laquo;Очистка стоков&raquo;, 12&nbsp;км&nbsp;&mdash; при 5&nbsp;&deg;С.\n".encode()
    assert extract.extract(data, "page.txt").text == "Тема «Очистка стоков», 12\u00a0км\u00a0— при 5\u00a0°С.\n"
    # a lone reference may be the author's own text: left as typed
    assert extract.extract("R&amp;D centre\n".encode(), "one.txt").text == "R&amp;D centre\n"


def test_hugo_shortcodes_are_the_sites_widgets_and_their_text_the_authors():
    from dissertation_kg.mappings.extract.plain import markdown_text

    md = ("{{< figure src=\"/img/a.jpg\" caption=\"Докторант Б. Омарова\" >}}\n\nМагистрант қорғады.\n\n"
          "{{< alert icon=\"📄\" >}}Тақырыбы: «Жайылым топырағы». Жетекшісі – Кәрімов Т.{{< /alert >}}\n"
          "{{% note %}}Ескерту{{% /note %}}")
    out = markdown_text(md)
    assert "{{" not in out and "caption" not in out
    assert "Тақырыбы: «Жайылым топырағы». Жетекшісі – Кәрімов Т." in out.split("\n")
    assert "Ескерту" in out.split("\n")


def test_an_html_tables_header_row_names_columns_and_is_no_text():
    from dissertation_kg.mappings.extract.plain import markdown_text

    md = ("<table>\n<tr><th>Field</th><th>Content</th></tr>\n"
          "<tr><td>Aim</td><td>To map the wetlands.</td></tr>\n</table>")
    lines = [line for line in markdown_text(md).split("\n") if line]
    assert lines == ["Aim", "To map the wetlands."]
    # a row of a label in <th> and its content in <td> is the author's and stays
    md = "<table>\n<tr><th>Aim</th><td>To map the wetlands.</td></tr>\n</table>"
    assert [line for line in markdown_text(md).split("\n") if line] == ["Aim", "To map the wetlands."]


def test_pandoc_superscripts_are_flattened_as_sup_tags_are():
    from dissertation_kg.mappings.extract.plain import markdown_text

    assert markdown_text("**Omarova D.K.**^1^, **Lind P.**^2^\n\n^1^ Steppe University") == \
        "**Omarova D.K.**1, **Lind P.**2\n\n1 Steppe University"


def test_front_matter_is_read_as_yaml_with_an_author_as_a_mapping_and_a_folded_abstract():
    """PyYAML reads the front matter: pandoc's author as a mapping gives its name, a `>` block
    folds its lines, quoting is undone, a renderer's nested settings are skipped, and front
    matter that is no YAML holds nothing."""
    from dissertation_kg.mappings.extract import document_metadata

    f = document_metadata.fields('title: "Dust \\"storms\\" of the Aral"\nauthor:\n  - name: Aigerim Sultanova\n'
                                 '    affiliation: KazNU\noutput:\n  html_document: default\n'
                                 'Abstract: >\n  First line\n  goes on.\n')
    assert f == {"title": 'Dust "storms" of the Aral', "author": "Aigerim Sultanova",
                 "abstract": "First line goes on.\n"}
    assert document_metadata.fields("title: [unclosed\n") == {}


def test_quarto_front_matter_without_an_abstract_still_describes_the_work():
    """A Quarto or R Markdown document's front matter names the work (a format to render to, a
    bibliography, authors as records) even without an abstract: its title and author are the
    title page. A site page's front matter (its layout, its slug) stays unread."""
    quarto = ("---\ntitle: \"Wind erosion of fallow land in the Pavlodar region\"\nauthor:\n"
              "  - name: Arman Serikovich Tulegenov\n    affiliations:\n      - Steppe University\n"
              "format:\n  pdf: default\nbibliography: refs.bib\n---\n\n# Introduction\n\nFallow land erodes.\n")
    lines = extract.extract(quarto.encode(), "thesis.md").text.split("\n")
    assert lines[:2] == ["Title: Wind erosion of fallow land in the Pavlodar region", "Author: Arman Serikovich Tulegenov"]
    site = "---\ntitle: \"Wind erosion\"\nlayout: post\nformat: html\n---\n\n# Introduction\n"
    assert "Wind erosion" not in extract.extract(site.encode(), "page.md").text


def test_a_front_matters_short_title_and_name_give_way_to_the_title_pages_whole_ones():
    """The running head's short title and the name as the author signs stand in the front matter;
    the body's title page gives both whole: the whole ones are the work's. A heading that does not
    open with the short title's words is another title, and the front matter's stays."""
    md = ("---\ntitle: \"Sizing and Control of a BESS for Frequency Containment\"\nauthor: Alikhan Nurmagambetov\n"
          "bibliography: thesis.bib\n---\n\n# Sizing and Control of a Battery Energy Storage System for Frequency "
          "Containment in Kazakhstan\n\n**Alikhan Daniyaruly Nurmagambetov**\n\nNazarbayev University, Astana, 2024\n\n"
          "## Aim of the research\n\nThe aim is to size the storage.\n")
    lines = extract.extract(md.encode(), "thesis.md").text.split("\n")
    assert lines[:2] == ["Title: Sizing and Control of a Battery Energy Storage System for Frequency Containment in "
                         "Kazakhstan", "Author: Alikhan Daniyaruly Nurmagambetov"]
    other = md.replace("# Sizing and Control of a Battery", "# Frequency Containment by a Battery")
    assert extract.extract(other.encode(), "thesis.md").text.split("\n")[0] == (
        "Title: Sizing and Control of a BESS for Frequency Containment")


def test_a_list_marker_alone_on_its_line_opens_the_item_indented_under_it():
    md = ("## Research objectives\n\n1.\n   To build a reduced model of the power system.\n"
          "2.\n   To analyse one year of frequency records.\n   The records have a one-second resolution.\n\n"
          "## Scientific novelty\n\n-\n   A reduced model was calibrated.\n-\n   A controller was proposed.\n")
    doc = abstract.parse_bytes(md.encode(), "en-thesis.md")
    # (each sentence on its line, as semantic line breaks write them)
    assert [" ".join(it.text.split()) for it in doc.items["tasks"]] == [
        "To build a reduced model of the power system.",
        "To analyse one year of frequency records. The records have a one-second resolution."]
    assert [it.text for it in doc.items["novelty"]] == ["A reduced model was calibrated.", "A controller was proposed."]


def test_a_latex_source_saved_as_text_is_read_as_typeset():
    source = "\n".join([
        r"% notes for the author only",
        r"\documentclass[12pt]{article}",
        r"\usepackage[backend=biber]{biblatex}",
        r"\addbibresource{refs.bib}",
        r"\begin{document}",
        r"\begin{center}",
        r"\textbf{ORAZOVA DANA}\\[12pt]",
        r"Grazing and soil carbon in the dry steppe\\",
        r"\end{center}",
        r"\newpage",
        r"\section*{Research objectives}",
        r"The following objectives were set~\cite{smith2020}:",
        r"\begin{enumerate}",
        r"  \item to sample 40~plots -- grazed and fenced; % two kinds",
        r"  \item to model carbon at 95\,\% confidence (Fig.~\ref{fig:map}).",
        r"\end{enumerate}",
        r"\subsection{Scientific novelty}",
        r"\begin{itemize}",
        r"  \item for the first time \textbf{soil carbon} is mapped by season.",
        r"\end{itemize}",
        r"\printbibliography",
        r"\end{document}",
    ])
    got = extract.extract(source.encode(), "thesis.txt").text
    lines = [line for line in got.split("\n") if line]
    assert lines == ["ORAZOVA DANA", "Grazing and soil carbon in the dry steppe", "Research objectives",
                     "The following objectives were set:", "1) to sample 40 plots – grazed and fenced;",
                     "2) to model carbon at 95 % confidence (Fig.).", "Scientific novelty",
                     "– for the first time soil carbon is mapped by season."], lines


def test_text_with_a_backslash_or_two_is_no_latex():
    plain = "The path C:\\data\\section{3} was used.\nA second line with \\item in it.\n"
    assert extract.extract(plain.encode(), "notes.txt").text == plain


def test_a_pandoc_grid_table_is_read_row_by_row():
    md = "\n".join([
        "Strains used:", "",
        "+-------------------+------------+",
        "| Strain            | Kind       |",
        "+===================+============+",
        "| *B. subtilis*     | MDR        |",
        "| KZ-12             |            |",
        "+-------------------+------------+",
        "| *E. coli* ATCC 1  | control    |",
        "+-------------------+------------+",
        "", ": Table 1. Test strains", "",
    ])
    lines = [line for line in extract.extract(md.encode(), "grid.md").text.split("\n") if line]
    assert lines[:4] == ["Strains used:", "Strain – Kind", "*B. subtilis* KZ-12 – MDR", "*E. coli* ATCC 1 – control"], lines


_NOTEPAD = ("Зерттеудің нысаны – Алматы облысының сүт өнеркәсібі.\r\n"
            "Зерттеудің мақсаты – ашытылған сүт өнімдерінің сақталу мерзімін ұзарту.\r\n"
            "Қорғауға ұсынылатын негізгі тұжырымдар:\r\n"
            "1. Бактериоцин қосылған айранның сақталу мерзімі екі есе ұзарады.\r\n"
            "2. Ұсынылған технология өнімнің органолептикалық қасиеттерін сақтайды.\r\n")


@pytest.mark.parametrize("codec, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                        ("utf-16-le", b""), ("utf-16-be", b""),
                                        ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff")])
def test_utf16_and_utf32_text_is_read(codec, bom):
    # Notepad's «Unicode» is UTF-16 LE with a mark; without one, the NULs beside every space
    # and digit, always on the same side, say which byte order it is
    data = bom + _NOTEPAD.encode(codec)
    doc = abstract.parse_bytes(data, "kk.txt")
    assert doc.lang == "kk"
    assert [it.text.split()[0] for it in doc.items["provisions"]] == ["Бактериоцин", "Ұсынылған"]
    assert extract.extract(data, "kk.txt").library == f"python-{codec}-codec"


def test_nuls_on_both_sides_are_still_a_binary_file():
    data = bytes(range(256)) * 8 + b"\x00\x00" * 200
    with pytest.raises(MappingError, match="binary"):
        abstract.parse_bytes(data, "x.txt")


_ASCIIDOC_KK = """\
// кафедраның үлгісі: asciidoctor-pdf арқылы жиналады
= Солтүстік Қазақстандағы жаздық бидай тұқымының өнгіштігі
Айгүл Серікқызы Нұрланова <a.nurlanova@example.kz>
v2.0, 2024-11-02: қорғауға
:doctype: book
:lang: kk
:keywords: тұқым өнгіштігі, жаздық бидай, сақтау

[.title-page]
****
8D08101 – Агрономия +
Философия докторы (PhD) дәрежесін алу үшін ұсынылған диссертацияның аңдатпасы
****

== Зерттеудің өзектілігі

Солтүстік Қазақстанда тұқымның сапасы астық өнімінің негізгі шарты болып табылады.footnote:[Ауыл шаруашылығы министрлігінің 2023 жылғы деректері.]

NOTE: Жұмыс гранттық қаржыландыру есебінен орындалды.

== Зерттеудің мақсаты

Жаздық бидай тұқымының өнгіштігін сақтау тәсілдерін әзірлеу.

== Зерттеудің міндеттері

. тұқымның сақталу жағдайларын талдау;
. өнгіштіктің төмендеу себептерін анықтау;
. сақтау тәсілдерін ұсыну.

.Зертханалық хаттама
----
1. Үлгі 12 сағат суда ұсталды.
2. Үлгі кептірілді.
----

== Қорғауға ұсынылатын негізгі тұжырымдар

. Тұқымның өнгіштігі сақтау ылғалдылығына тәуелді. Ылғалдылық 14 %-дан асқанда өнгіштік күрт төмендейді.
. Ұсынылған сақтау тәсілі өнгіштікті екі жыл бойы сақтайды. Тәсіл шаруа қожалықтарына қолжетімді.

include::chapters/references.adoc[]
"""


@pytest.mark.parametrize("suffix", [".md", ".txt", ".adoc.txt"])
def test_an_asciidoc_source_is_read_as_rendered_whatever_its_extension(suffix):
    doc = abstract.parse_bytes(_ASCIIDOC_KK.encode(), "kk-thesis" + suffix)
    assert doc.lang == "kk"
    assert doc.meta.title == "Солтүстік Қазақстандағы жаздық бидай тұқымының өнгіштігі"
    assert doc.meta.author == "Айгүл Серікқызы Нұрланова"
    assert doc.meta.specialty_code == "8D08101"
    # ". item" is numbered as rendered; the listing block's typed numbers are code, no items
    assert [it.text.split()[0] for it in doc.items["tasks"]] == ["тұқымның", "өнгіштіктің", "сақтау"]
    assert [it.text.split()[0] for it in doc.items["provisions"]] == ["Тұқымның", "Ұсынылған"]
    assert "footnote" not in doc.text and "include::" not in doc.text and "NOTE:" not in doc.text
    assert "Үлгі кептірілді" not in doc.text
    assert doc.text.index("Ауыл шаруашылығы министрлігінің") > doc.text.index("Ұсынылған сақтау")


_ASCIIDOC_EN = """\
= Nitrogen uptake of irrigated maize in the Turkestan Region
Dana Akhmetova; Michael Brennan <m.brennan@example.org>
:keywords: maize, nitrogen, irrigation

[abstract]
== Abstract

Irrigated maize in the south of Kazakhstan receives more nitrogen than it takes up. This study
measured the uptake of nitrogen by maize on three farms of the Turkestan Region over two seasons.
"""


def test_an_asciidoc_article_keeps_its_authors_and_keywords():
    doc = abstract.parse_bytes(_ASCIIDOC_EN.encode(), "article.md")
    assert doc.kind == "article"
    assert doc.meta.title == "Nitrogen uptake of irrigated maize in the Turkestan Region"
    assert [a.name for a in doc.meta.authors] == ["Dana Akhmetova", "Michael Brennan"]
    assert doc.meta.keywords["en"] == ["maize", "nitrogen", "irrigation"]


def test_markdown_with_rules_and_an_equals_line_is_no_asciidoc():
    from dissertation_kg.mappings.extract import asciidoc
    md = "# Abstract\n\n= not a title\n\n----\n\nKeywords: soil, water\n\n## Aim\n\nTo map the soils.\n"
    assert asciidoc.text(md) == md


_GOOGLE_DOCS_MD = """\
![][image1]

**{author}**

# **{title}**

## **{aim}**

{aim_text}

## **{tasks}**

1\\. {t1}

2\\. {t2}

## **{conclusion}**

{conclusion_text}

[image1]: <data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==>
"""


@pytest.mark.parametrize("lang, words", [
    ("kk", dict(author="Жанұзақова Әсел", title="Шарын өзені аңғарының жер бедері",
                aim="Зерттеудің мақсаты", aim_text="Шарын өзені аңғарының жер бедерін картаға түсіру.",
                tasks="Зерттеудің міндеттері", t1="Аңғардың пішінін сипаттау.", t2="Жыраларды есепке алу.",
                conclusion="Қорытынды", conclusion_text="Аңғардың жер бедері үш деңгейден тұрады.")),
    ("en", dict(author="Aliya Sarsenova", title="Landforms of the Charyn valley",
                aim="Aim of the study", aim_text="To map the landforms of the Charyn valley.",
                tasks="Objectives", t1="To describe the valley's shape.", t2="To count the gullies.",
                conclusion="Conclusion", conclusion_text="The valley has three levels of terraces.")),
])
def test_google_docs_markdown_pictures_are_no_text(lang, words):
    # «Download as Markdown» puts each picture at the end as a reference definition with its
    # base64 data: CommonMark renders nothing for it, and it must not become the last item
    doc = abstract.parse_bytes(_GOOGLE_DOCS_MD.format(**words).encode(), f"{lang}.md")
    assert "base64" not in doc.text and "image1" not in doc.text
    assert len(doc.items["tasks"]) == 2 and not doc.items.get("provisions")
    assert doc.text.rstrip().endswith(words["conclusion_text"])


def test_reference_style_links_read_as_their_text_where_the_file_defines_them():
    # a journal page saved as Markdown names its bodies as links whose targets are listed at the
    # end ("[Bureau of National Statistics][stat]"): a reader sees the names, and a name with
    # its acronym after it must stay one phrase for the linker; "[1][2]" with no definition stays
    from dissertation_kg.mappings.extract import plain
    md = ("Using the [Household Budget Survey][hbs] of the [Bureau of National Statistics][Stat] and the "
          "[Food Insecurity Experience Scale][] (FIES), as [2][3] showed.\n\n"
          "[hbs]: https://stat.gov.kz/en/ \"Household Budget Survey\"\n"
          "[stat]: https://stat.gov.kz\n[food insecurity  experience scale]: <https://www.fao.org/fies>\n")
    assert plain.markdown_text(md).strip() == (
        "Using the Household Budget Survey of the Bureau of National Statistics and the "
        "Food Insecurity Experience Scale (FIES), as [2][3] showed.")


def test_an_rtf_file_saved_as_text_is_read_as_rtf():
    """Word's "Save as RTF", renamed .txt (tests/fixtures/formats/kk-rtf.txt, written by LibreOffice):
    read by striprtf, its Kazakh letters and list numbers kept, its format recorded as RTF."""
    path = Path(__file__).parent / "fixtures" / "formats" / "kk-rtf.txt"
    got = extract.extract(path.read_bytes(), path.name)
    assert (got.format, got.library) == ("application/rtf", "striprtf")
    lines = [line.strip() for line in got.text.split("\n")]
    assert "СӘРСЕНБАЕВА ГҮЛНҰР ОРАЗҚЫЗЫ" in lines
    assert "2.\tжерасты суларының деңгейін бақылау;" in lines
    parsed = abstract.parse_file(path)
    assert [item.text.split()[0] for item in parsed.items["tasks"]] == ["топырақ", "жерасты", "тұздануды"]


def test_rtf_escapes_are_read_in_the_code_page_the_file_declares():
    # Word on a Russian Windows: \ansicpg1251, Russian letters as \'xx, a Kazakh one as \uN
    rtf = (rb"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0 Times New Roman;}}"
           rb"\pard \'c0\'ea\'f2\'f3\'e0\'eb\'fc\'ed\'ee\'f1\'f2\'fc \u1179?\'e0\'e7\'e0\'ea\par}")
    assert extract.extract(rtf, "old.txt").text.strip() == "Актуальность қазак"


def test_a_site_posts_title_titles_the_page_only_when_the_page_prints_no_title_of_its_own():
    post = ("---\nlayout: post\ntitle: \"Fibre Bragg gratings for temperature sensing in oil wells\"\n"
            "tags: [fbg]\n---\n\n**Bekova Zhanar**\n\n## Abstract\n\nOil wells are hot.\n")
    assert extract.extract(post.encode(), "post.md").text.split("\n")[0] == \
        "Title: Fibre Bragg gratings for temperature sensing in oil wells"
    note = ("---\ntitle: PhD abstract (EN) – final version for the council\n---\n\n"
            "# Less invasive surfactant administration in preterm infants\n\n## Relevance\n\nText.\n")
    assert "final version" not in extract.extract(note.encode(), "note.md").text


def test_a_hugo_pages_toml_front_matter_is_read_as_yamls_would_be():
    post = ('+++\ntitle = "Fibre Bragg gratings for temperature sensing in oil wells"\n'
            'date = 2024-05-20T10:00:00+05:00\ndraft = false\ntags = ["fbg"]\n[params]\npdf = "/files/a.pdf"\n+++\n\n'
            "**Bekova Zhanar**\n\n## Abstract\n\nOil wells are hot.\n")
    text = extract.extract(post.encode(), "post.md").text
    assert text.split("\n")[0] == "Title: Fibre Bragg gratings for temperature sensing in oil wells"
    assert "+++" not in text and "draft" not in text and "/files/a.pdf" not in text
    # a post announcing a defence is titled by the event: the work's title is the body's
    announced = post.replace("Fibre Bragg gratings for temperature sensing in oil wells",
                             "PhD defence: Fibre Bragg gratings for oil wells")
    assert "PhD defence" not in extract.extract(announced.encode(), "post.md").text
    # a text that only opens with "+++" keeps it
    plain_text = "+++\nnot = [toml\n+++\n\nRelevance. Text.\n"
    assert extract.extract(plain_text.encode(), "p.md").text.startswith("+++")


def _saved_email(body: str, *, html: bool = False) -> bytes:
    """A message as a mail program saves it, made by Python's own email package: MIME headers,
    encoded-word subject, the body in quoted-printable."""
    from email.message import EmailMessage
    from email.policy import SMTP

    msg = EmailMessage()
    msg["From"] = "Серікова Дана <d.serikova@example.kz>"
    msg["To"] = "dissovet@example.kz"
    msg["Subject"] = "Аннотация диссертации – Серікова Д.Е."
    msg["Date"] = "Tue, 14 Jan 2025 10:42:17 +0500"
    msg.set_content(body, subtype="html" if html else "plain", charset="utf-8", cte="quoted-printable")
    return msg.as_bytes(policy=SMTP)


_LETTER = ("Добрый день!\n\nНаправляю аннотацию.\n\n"
           "Актуальность темы исследования. Засоление орошаемых почв Туркестанской области растёт, "
           "и урожаи хлопчатника снижаются из года в год на всех массивах орошения.\n"
           "Цель исследования – оценить динамику засоления орошаемых почв.\n"
           "Задачи исследования:\n1) определить состав солей;\n2) построить модель засоления.\n\n"
           "С уважением,\nСерікова Дана Ерланқызы\nдокторант\n")


def test_a_saved_email_is_read_as_its_decoded_body_and_signed_by_its_author():
    raw = _saved_email(_LETTER)
    assert b"quoted-printable" in raw and b"=D0=" in raw          # really encoded
    got = extract.extract(raw, "letter.txt")
    assert (got.format, got.library) == ("text/plain", "python-email")
    assert "Засоление орошаемых почв" in got.text and "=D0" not in got.text
    parsed = abstract.parse_bytes(raw, "letter.txt")
    assert parsed.meta.author == "Серікова Дана Ерланқызы"
    assert [i.text.split()[0] for i in parsed.items["tasks"]] == ["определить", "построить"]


def test_a_saved_emails_html_body_is_read_as_a_page():
    raw = _saved_email("<p>Актуальность темы исследования. Засоление почв растёт.</p>"
                       "<p>Цель исследования – оценить динамику засоления почв.</p>", html=True)
    text = extract.extract(raw, "letter.txt").text
    assert "<p>" not in text and "Цель исследования – оценить" in text


def test_a_text_that_only_mentions_mail_headers_is_no_email():
    plain = "From: the author\nTo the council: the abstract follows.\n\nАктуальность темы."
    assert extract.extract(plain.encode(), "notes.txt").library != "python-email"


_OUTLINE = "\n".join([
    "title:: Abstract – Bekova D.A.",
    "tags:: [[phd]], [[soil]]",
    "",
    "- ### Title page",
    "  collapsed:: true",
    "\t- **BEKOVA DANA ASKAROVNA**",
    "\t- **Salinity of irrigated soils in the Turkistan Region**",
    "\t- Dissertation for the degree of Doctor of Philosophy (PhD)",
    "- ## Relevance of the research topic",
    "\t- Irrigated soils of [[Kazakhstan]] grow saltier every year, and yields of cotton fall on most of the",
    "\t  irrigated massifs of the south.",
    "- ## Objectives",
    "\t- to determine the salt composition of the soils;",
    "\t  logseq.order-list-type:: number",
    "\t- to build a model of salinisation.",
    "\t  logseq.order-list-type:: number",
    "- ## Aim",
    "\t- To assess the dynamics of salinity of irrigated soils.",
])


def test_an_outliner_page_is_read_as_the_page_it_shows():
    """A Logseq page saved as Markdown: bullets, properties and links go, a block's wrapped line
    joins it, a list numbered only by a block property gets its numbers back."""
    got = extract.extract(_OUTLINE.encode(), "page.md").text
    lines = [line for line in got.split("\n") if line]
    assert "1. to determine the salt composition of the soils;" in lines
    assert "2. to build a model of salinisation." in lines
    assert not any("::" in line or line.lstrip().startswith("- ") or "[[" in line for line in lines)
    assert "Irrigated soils of Kazakhstan grow saltier every year, and yields of cotton fall on most of the " \
           "irrigated massifs of the south." in lines
    parsed = abstract.parse_bytes(_OUTLINE.encode(), "page.md")
    assert parsed.meta.title == "Salinity of irrigated soils in the Turkistan Region"   # not the label over it
    assert [i.text.split()[-1] for i in parsed.items["tasks"]] == ["soils", "salinisation."]


def test_a_markdown_bullet_list_is_no_outliner_page():
    md = "## Objectives\n\n- to determine salts;\n- to build a model;\n- to test it.\n\nSee: notes.\n"
    assert extract.extract(md.encode(), "plain.md").text.count("- to") == 3


def test_a_myst_page_is_read_as_built():
    """A Jupyter Book page in MyST: the target label, the admonition's fences and options go,
    roles are their content, code cells stay out; its H1 is the title, the labelled authors
    with their {sup} marks are the authors."""
    page = "\n".join([
        "(salinity-article)=",
        "# Salinity of irrigated soils in the Turkistan Region",
        "",
        ":::{admonition} About the article",
        ":class: tip",
        "",
        "**Authors:** Bekova Dana Askarovna{sup}`1`, Omarov Erlan Kairatuly{sup}`1`",
        "",
        "{sup}`1` Institute of Soil Science, Almaty, Kazakhstan",
        ":::",
        "",
        "## Abstract",
        "",
        "Irrigated soils grow saltier every year, see {term}`salinity` and {cite}`smith2020`.",
        "",
        "```{code-cell} ipython3",
        "df.mean()",
        "```",
        "",
        "**Keywords:** salinity, irrigation, soil",
    ])
    got = extract.extract(page.encode(), "page.md").text
    assert "(salinity-article)=" not in got and ":::" not in got and ":class:" not in got
    assert "{sup}" not in got and "see salinity and smith2020." in got and "df.mean" not in got
    parsed = abstract.parse_bytes(page.encode(), "page.md")
    assert parsed.meta.title == "Salinity of irrigated soils in the Turkistan Region"
    assert [a.name for a in parsed.meta.authors] == ["Bekova Dana Askarovna", "Omarov Erlan Kairatuly"]


def test_a_repositorys_metadata_csv_is_read_as_the_item_it_describes():
    """DSpace's metadata export, written by Python's csv module: author and title labelled as a
    title page labels them, several values joined by "||", the abstract's cell its text."""
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "collection", "dc.contributor.author", "dc.contributor.advisor", "dc.subject[kk]",
                     "dc.title[kk]", "dc.description.abstract[kk]"])
    writer.writerow(["7f3c", "123456789/2187", "Сейітова, Айгерім Болатқызы", "Исабаева, Гүлнұр||Weigend, Steffen",
                     "жылқы||SNP", "Жабы жылқысының генетикалық әртүрлілігі",
                     "Зерттеудің өзектілігі. Жабы жылқысы азайып барады, оның генетикалық әртүрлілігі зерттелмеген.\n"
                     "Зерттеудің мақсаты – жабы жылқысының генетикалық құрылымын анықтау."])
    text = extract.extract(out.getvalue().encode("utf-8"), "item.csv.txt").text
    assert text.split("\n")[:4] == ["Author: Сейітова Айгерім Болатқызы", "Title: Жабы жылқысының генетикалық әртүрлілігі",
                                    "Supervisor: Исабаева Гүлнұр; Weigend Steffen", "Keywords: жылқы, SNP"]
    assert "7f3c" not in text and "123456789" not in text
    parsed = abstract.parse_bytes(out.getvalue().encode("utf-8"), "item.txt")
    assert parsed.meta.author == "Сейітова Айгерім Болатқызы"
    assert parsed.section_text("aim").startswith("жабы жылқысының генетикалық")


def test_an_abstract_pasted_into_a_chat_export_is_read_as_pasted():
    """WhatsApp's text export (Android and iPhone stamps): the stamps, the senders, the app's
    notices, media and deleted-message placeholders go; a message's further lines stay."""
    chat = "\n".join([
        "14.05.2024, 10:12 - Сообщения и звонки защищены сквозным шифрованием.",
        "14.05.2024, 10:12 - Жанна: Добрый день! Скиньте текст автореферата",
        "14.05.2024, 10:13 - Асель: <Без медиафайлов>",
        "14.05.2024, 10:15 - Асель: Ермекова Асель Бауыржановна",
        "Факторы ценообразования на рынке жилья Алматы",
        "[14.05.24, 10:16:03] Асель: Положения, выносимые на защиту",
        "1. Пространственная модель объясняет 78 % вариации цены.",
        "14.05.2024, 10:16 - Жанна: Это сообщение удалено",
        "14.05.2024, 10:18 - Жанна: 👍",
    ])
    text = extract.extract(chat.encode("utf-8"), "chat.txt").text
    lines = [line for line in text.split("\n") if line]
    assert lines == ["Добрый день! Скиньте текст автореферата", "Ермекова Асель Бауыржановна",
                     "Факторы ценообразования на рынке жилья Алматы", "Положения, выносимые на защиту",
                     "1. Пространственная модель объясняет 78 % вариации цены."]


def test_a_text_with_a_few_dated_lines_is_no_chat():
    text = "Актуальность.\n14.05.2024, 10:12 - заседание совета.\nЦель – оценить рынок.\n"
    assert "14.05.2024" in extract.extract(text.encode(), "notes.txt").text
    # three stamped messages make a chat (two are notes with times)
    three = ("14.05.2024, 10:12 - Жанна: Скиньте текст\n14.05.2024, 10:15 - Асель: Цель – оценить рынок жилья.\n"
             "14.05.2024, 10:16 - Жанна: Спасибо\n")
    assert "14.05.2024" not in extract.extract(three.encode(), "chat.txt").text
    assert "14.05.2024" in extract.extract("\n".join(three.split("\n")[:2]).encode(), "notes.txt").text


# --------------------------------------------------------------------------- every key word of a JSON record
# Written out by hand (never read from extract.json_export): each key whose strings are a
# section's paragraphs (not a numbered list), each key naming the author, each key of keywords.
_JSON_TITLE = "Grain markets of the north"


@pytest.mark.parametrize("key", ["paragraphs", "text", "body", "content", "abstract", "summary", "annotation"])
def test_every_paragraph_key_of_a_json_section(key):
    from dissertation_kg.mappings.extract import json_export
    record = {"title": _JSON_TITLE, "sections": [{"heading": "Relevance", key: ["Grain prices rose.", "Fuel prices rose too."]}]}
    assert json_export.record(json.dumps(record)) == \
        f"Title: {_JSON_TITLE}\n\nRelevance\nGrain prices rose.\n\nFuel prices rose too."


@pytest.mark.parametrize("key", ["author", "candidate_name", "applicant", "doctoral_name", "student_name", "creator"])
def test_every_author_key_of_a_json_record(key):
    from dissertation_kg.mappings.extract import json_export
    record = {"title": _JSON_TITLE, key: "Serikova Aliya", "sections": [{"heading": "Relevance", "paragraphs": ["Grain prices rose."]}]}
    assert json_export.record(json.dumps(record)) == \
        f"Title: {_JSON_TITLE}\nAuthor: Serikova Aliya\n\nRelevance\nGrain prices rose."


@pytest.mark.parametrize("key", ["keywords", "key_words", "tags"])
def test_every_keywords_key_of_a_json_record(key):
    from dissertation_kg.mappings.extract import json_export
    record = {"title": _JSON_TITLE, key: ["grain", "fuel"], "sections": [{"heading": "Relevance", "paragraphs": ["Grain prices rose."]}]}
    assert json_export.record(json.dumps(record)) == \
        f"Title: {_JSON_TITLE}\nKeywords: grain; fuel\n\nRelevance\nGrain prices rose."


# Written out by hand (never read from extract.document_metadata): each key that makes front
# matter without an abstract describe a work, each key of a site's page that makes it none, and
# each key of the author's organisation written on the title page.
@pytest.mark.parametrize("line", ["format: pdf", "output: word_document", "bibliography: refs.bib", "csl: apa.csl",
                                  "documentclass: article", "number-sections: true"])
def test_every_key_of_a_document_describes_the_work(line):
    from dissertation_kg.mappings.extract import document_metadata
    assert document_metadata.page(f"title: Grain markets of the north\n{line}\n") == "Title: Grain markets of the north"


@pytest.mark.parametrize("line", ["slug: grain", "layout: post", "permalink: /grain/", "weight: 3", "sidebar_position: 2",
                                  "sidebar_label: Grain", "draft: false", "aliases: [/old/]", "url: /grain/",
                                  "menu: main", "nav_order: 4", "type: docs"])
def test_every_key_of_a_site_page_describes_no_work(line):
    from dissertation_kg.mappings.extract import document_metadata
    # (the page prints its own first-level heading: a site's title then names only the page)
    assert document_metadata.page(f"title: Grain markets of the north\nformat: pdf\n{line}\n",
                                  "# Grain markets of the north\n") is None


@pytest.mark.parametrize("key", ["institute", "institution", "affiliation", "organization"])
def test_every_key_of_the_authors_organisation(key):
    from dissertation_kg.mappings.extract import document_metadata
    front = f"title: Grain markets of the north\n{key}: Narxoz University\nabstract: Grain prices rose.\n"
    assert document_metadata.page(front) == "Title: Grain markets of the north\nNarxoz University\n\nGrain prices rose.\n"


# Every tag of a RIS record that is the format's, not the author's words (extract.plain), written
# out by hand: its value stays out of the text. ("ER" is listed too; its value is always empty.)
@pytest.mark.parametrize("line", ["UR  - https://repo.example/1", "LA  - English", "DO  - 10.1000/xyz123", "SN  - 978-601-0000",
                                  "ID  - 1234", "DB  - eLibrary", "DP  - Narxoz repository", "L1  - grain.pdf",
                                  "L2  - https://repo.example/grain", "Y2  - 2024/01/05"])
def test_every_tag_of_a_ris_record_the_format_owns_is_dropped(line):
    from dissertation_kg.mappings.extract import plain
    record = f"TY  - THES\nT1  - Grain markets of the north\nAU  - Serikova, Aliya\nAB  - Grain prices rose.\n{line}\nER  - \n"
    assert plain.ris_record(record) == "Title: Grain markets of the north\nAuthor: Serikova Aliya\n\nGrain prices rose.\n"


# Every field of a BibTeX entry a reader sees on the page, each paragraph break of its abstract
# (a blank line, \par) (extract.bibtex), written out by hand.
_BIBTEX_RECORD = """@phdthesis{serikova2024,
  title = {Grain markets of the north},
  author = {Serikova, Aliya and Hale, Tom},
  journal = {Economy Journal},
  booktitle = {Proceedings of Grain},
  school = {Narxoz University},
  institution = {Institute of Economics},
  year = {2024},
  keywords = {grain, fuel},
  doi = {10.1000/xyz123},
  abstract = {Grain prices rose.

Fuel prices rose too.\\par Wages fell.}
}"""


def test_every_field_a_reader_sees_in_a_bibtex_record():
    from dissertation_kg.mappings.extract import bibtex
    assert bibtex.record(_BIBTEX_RECORD).split("\n") == [
        "Title: Grain markets of the north", "Authors: Serikova Aliya, Hale Tom", "Economy Journal",
        "Proceedings of Grain", "Narxoz University", "Institute of Economics", "2024", "Keywords: grain; fuel", "",
        "Grain prices rose.", "Fuel prices rose too.", "Wages fell."]


def test_multimarkdown_metadata_toc_and_heading_labels_are_no_text():
    from dissertation_kg.mappings.extract.plain import markdown_text

    md = ("Title:    Жайылым топырағының тозуы\nAuthor:   Б.Т. Оспанов\n          А.М. Нұрғалиева\n"
          "Base Header Level: 2\nCSS:      journal.css\n\n{{TOC}}\n\n# Жайылым топырағының тозуы\n\n"
          "## Кіріспе [kirispe]\n\nМақалада жайылым қарастырылады [1].\n\n## Әдістер [adister]\n\n{{tables.md}}\n")
    lines = [line for line in markdown_text(md).split("\n") if line]
    assert lines == ["# Жайылым топырағының тозуы", "## Кіріспе", "Мақалада жайылым қарастырылады [1].", "## Әдістер"]
    # a heading's citation is no label; a title page written as "Key: value" lines without any
    # of MultiMarkdown's own keys is the page it is
    assert markdown_text("## Results [12]\n").rstrip() == "## Results [12]"
    form = "Title: Grazing and soils\nAuthor: B. Ospanov\n\nAim: to map the soils.\n"
    assert markdown_text(form).startswith("Title: Grazing and soils\nAuthor: B. Ospanov\n")


def test_multimarkdown_article_is_an_article_with_its_sections():
    md = ("Title: Қазақ тіліндегі жылқы атауларының семантикасы\nAuthor: Г.Қ. Сейітова\n  Б.Т. Оспанов\n"
          "Quotes Language: french\n\n{{TOC}}\n\nҒТАХР 16.21.47\n\nӘОЖ 811.512.122\n\n"
          "# Қазақ тіліндегі жылқы атауларының семантикасы\n\n**Г.Қ. Сейітова, Б.Т. Оспанов**\n\n"
          "Әл-Фараби атындағы Қазақ ұлттық университеті, Алматы қ.\n\n"
          "**Аңдатпа.** Мақалада қазақ тіліндегі жылқыға қатысты атаулардың ұлттық-мәдени семантикасы "
          "қарастырылады. Зерттеу материалы ретінде түсіндірме сөздік пен корпус деректері алынды.\n\n"
          "**Түйін сөздер:** этнолингвистика, семантика, жылқы атаулары.\n\n"
          "## Кіріспе [kirispe]\n\nТіл мен мәдениеттің байланысы ұзақ уақыт бойы зерттеліп келеді.\n\n"
          "## Зерттеу әдістері [adisteri]\n\nКомпоненттік талдау әдісі қолданылды.\n\n"
          "## Нәтижелер [natizheler]\n\nЖылқы атаулары бес топқа бөлінді.\n\n"
          "## Әдебиеттер [adebietter]\n\n1. Қайдар Ә. Халық даналығы. – Алматы, 2004. – 560 б.\n")
    doc = abstract.parse_bytes(md.encode(), "article.md")
    assert doc.kind == "article" and doc.lang == "kk"
    assert {"introduction", "methods", "references"} <= set(doc.sections)
    assert doc.meta.specialty_code is None


def test_letters_styled_by_code_point_read_as_plain_letters():
    # headings set in Unicode's "mathematical" bold (as pasted from a social-media post or a
    # styled-text generator) and full-width Latin: the letters NFKC gives, and nothing else changed
    md = ("𝐑𝐞𝐥𝐞𝐯𝐚𝐧𝐜𝐞\n\nSaxaul forests cover 6 m² per plot and fix moving sands in the deserts.\n\n"
          "𝐀𝐢𝐦\n\nThe aim of the thesis is to model the distribution of saxaul.\n\n"
          "Ｍｅｔｈｏｄｓ\n\nSpecies distribution modelling was used.\n")
    doc = abstract.parse_bytes(md.encode(), "thesis.md")
    assert {"relevance", "aim", "methods"} <= set(doc.sections)
    assert "6 m² per plot" in doc.sections["relevance"].text


def _field(p, code: str, result: str | None = None) -> None:
    """A complex field in paragraph `p`: begin, code, (separate, result,) end, each its own run."""
    from docx.oxml.ns import qn

    def mark(kind):
        r = OxmlElement("w:r")
        c = OxmlElement("w:fldChar")
        c.set(qn("w:fldCharType"), kind)
        r.append(c)
        p._p.append(r)

    mark("begin")
    r = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    r.append(instr)
    p._p.append(r)
    if result is not None:
        mark("separate")
        p.add_run(result)
    mark("end")


def test_macrobutton_headings_of_a_word_template_are_read():
    # a template's click-here headings: MACROBUTTON fields with no result, their text only in the
    # field code (Word shows it; python-docx's Paragraph.text is empty). Another field's code is
    # never shown, only its result.
    doc = Document()
    doc.add_paragraph("Early detection of occupational lung disease in coal miners", style="Title")
    for heading, body in [("Aim of the research", "To develop a screening model for miners."),
                          ("Objectives of the research", "1) to assess the burden; 2) to validate a biomarker."),
                          ("Scientific novelty", "For the first time a serum CC16 threshold was set for miners.")]:
        _field(doc.add_paragraph(style="Heading 2"), f"MACROBUTTON NoMacro {heading}")
        doc.add_paragraph(body)
    p = doc.add_paragraph("Published works: ")
    _field(p, "PAGEREF _Toc123 \\h", "12")
    data = _docx_bytes(doc)
    lines = extract.extract(data, "template.docx").text.split("\n")
    assert "Aim of the research" in lines and "Scientific novelty" in lines
    assert "Published works: 12" in lines and not any("PAGEREF" in line or "MACROBUTTON" in line for line in lines)
    parsed = abstract.parse_bytes(data, "template.docx")
    assert parsed.section_text("aim").startswith("To develop a screening model")
    assert [it.text.split()[:2] for it in parsed.items["tasks"]] == [["to", "assess"], ["to", "validate"]]


def test_a_pdf_set_one_glyph_at_a_time_reads_each_letter_once():
    """Corpus 36's PDF written a glyph at a time (a report engine's output): a glyph's box wider
    than its advance reaches into its neighbour's ("j" under the "a" of "major"), and PDFium's text
    inside one letter's bounds holds both; a comma set on its own sits low on the line."""
    from dissertation_kg.mappings import extract
    path = Path(__file__).parent / "fixtures" / "published-36" / "en-zoonoses-phd.pdf"
    text = extract.extract(path.read_bytes(), path.name).text
    assert "NURMAGANBETOV DANIYAR KAIRATOVICH" in text
    assert "remains a major problem" in text and "Doctor of Philosophy (PhD)" in text
    assert "Central Asia, and thousands of infected cattle, sheep and goats" in text
    assert not re.search(r"\n,\n", text)


def test_a_whole_abstract_pasted_in_three_messages_is_still_a_chat():
    # An abstract pasted with its hard wraps makes a long chat of few stamps: three messages over
    # 27 lines (one line in nine stamped) are still the chat the app exported.
    wrapped = [f"{n}-я строка вставленного текста автореферата о рынке жилья Алматы." for n in range(1, 25)]
    chat = "\n".join(["14.05.2024, 10:12 - Жанна: Скиньте, пожалуйста, текст автореферата",
                      "14.05.2024, 10:15 - Асель: Актуальность темы исследования.", *wrapped,
                      "14.05.2024, 10:18 - Жанна: Спасибо!"])
    text = extract.extract(chat.encode("utf-8"), "chat.txt").text
    assert "14.05.2024" not in text and "Асель:" not in text
    assert "Актуальность темы исследования." in text.split("\n") and wrapped[-1] in text


def test_a_message_s_subject_opens_its_text():
    from dissertation_kg.mappings.extract import email_message
    data = ("From: Aigerim Serikbayeva <a.serik@example.kz>\nTo: council@example.kz\n"
            "Subject: =?utf-8?b?0JDQvdC90L7RgtCw0YbQuNGPINC00LjRgdGB0LXRgNGC0LDRhtC40Lg=?=\n"
            "Date: Tue, 14 May 2024 10:12:00 +0500\nMIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=utf-8\n\nАктуальность темы исследования.\n").encode()
    text, media = email_message.body(data)
    assert text.split("\n\n") == ["Аннотация диссертации", "Актуальность темы исследования.\n"]
    assert media == "text/plain"


def test_a_marc_keyword_field_keeps_its_terms_not_the_catalogue_s_links():
    # (Koha writes the authority record's number as subfield 9 of a linked index term)
    from dissertation_kg.mappings.extract import marc_display
    record = ("LDR 04718nam a2200493 i 4500\n001 D-1\n100 1# |a Serikbayeva, Aigerim |e author\n"
              "245 10 |a Restoring the Aport orchards / |c Serikbayeva A.\n"
              "502 ## |a Dissertation for the degree of PhD, 8D08101 – Agronomy\n"
              "520 3# |a The object of the research is the old orchards.\n653 ## |a Aport |9 31877\n"
              "653 ## |a apple orchards |9 31878\n")
    assert marc_display.record(record).split("\n")[-1] == "Keywords: Aport; apple orchards"


def test_a_marc_record_without_a_summary_still_reads_as_its_title_page():
    from dissertation_kg.mappings.extract import marc_display
    record = ("LDR 04718nam a2200493 i 4500\n001 D-1\n008 240315s2024    kz ||||| m||| 00| 0 eng d\n"
              "100 1# |a Serikbayeva, Aigerim |e author\n245 10 |a Restoring the Aport orchards / |c Serikbayeva A.\n"
              "502 ## |a Dissertation for the degree of PhD, 8D08101 – Agronomy\n")
    assert marc_display.record(record).split("\n") == [
        "Author: Serikbayeva Aigerim", "Title: Restoring the Aport orchards",
        "Dissertation for the degree of PhD, 8D08101 – Agronomy", ""]


# Times-Italic's advance widths (its AFM): an italic "f" reaches a fifth of an em past its advance
_ITALIC_WIDTHS = {**dict.fromkeys("abdghnopqu", 500), **dict.fromkeys("cekvxy", 444), **dict.fromkeys("fijlt .,", 278),
                  "m": 722, "r": 389, "s": 389, "w": 667, "z": 389, "A": 611, "T": 556}


def test_an_italic_letter_reaching_over_its_neighbour_is_read_once():
    # Every glyph its own text object (as Java report engines write text), set in italics: the box
    # of an "f" overlaps the letter after it, and each of the two boxes holds both letters
    # ("ffor", "aaffffected" before).
    lines = ["The staff of the farms often found the brucellosis in the affected herds.",
             "Twelve farms of the four districts were surveyed for the infection in spring.",
             "The offspring of infected cows were tested after a full month of the study.",
             "A fifth of the affected farms were left off the official list for a year."]
    objects = []
    for row, line in enumerate(lines):
        x = 40.0
        for ch in line:
            if ch != " ":
                objects.append(b"BT /F1 12 Tf %.2f %d Td (%s) Tj ET" % (x, 700 - 16 * row, ch.encode()))
            x += _ITALIC_WIDTHS[ch] * 12 / 1000
    data = _pdf_with_stream(b"\n".join(objects), font=b"Times-Italic")
    got = [line for line in extract.extract(data, "italic.pdf").text.split("\n") if line]
    assert got == lines


def test_a_page_written_from_the_bottom_up_reads_from_its_top():
    # the page's text objects in reverse order (a report engine's or a re-saving editor's): the
    # content stream starts at the last line, and PDFium keeps its order
    prose = ["Relevance of the research topic. Cities of Kazakhstan grow fast,",
             "and built-up land replaces gardens, steppe and irrigated fields.",
             "Aim of the research is to model the urban heat islands of two cities.",
             "Objectives of the research:",
             "1. To analyse methods of retrieving land surface temperature;",
             "2. To build a geodatabase of satellite scenes and land cover."]
    stream = b"\n".join(_text_at(40, 700 - 14 * i, line) for i, line in reversed(list(enumerate(prose))))
    got = [line for line in extract.extract(_pdf_with_stream(stream), "bottom-up.pdf").text.split("\n") if line]
    assert got == prose
    # written from the top, and a page whose footer alone comes first, read as they stand
    stream = b"\n".join([_text_at(300, 40, "7")] + [_text_at(40, 700 - 14 * i, line) for i, line in enumerate(prose)])
    got = [line for line in extract.extract(_pdf_with_stream(stream), "footer-first.pdf").text.split("\n") if line]
    assert got[-len(prose):] == prose or got[:len(prose)] == prose


_E_SIGNATURE_STAMP = (
    "Осы құжат «Электрондық құжат және электрондық цифрлық қолтаңба туралы» Қазақстан Республикасының 2003 жылғы\n"
    "7 қаңтардағы N 370-II Заңының 7-бабының 1-тармағына сәйкес қағаз тасығыштағы құжатпен тең.\n"
    "Данный документ согласно пункту 1 статьи 7 ЗРК от 7 января 2003 года N370-II «Об электронном документе и "
    "электронной цифровой подписи» равнозначен документу на бумажном носителе.\n"
    "ЭЦҚ қойылған / Подписано ЭЦП: 14.05.2025 11:02:37 Құжат коды / Код документа: 7F3A2B91C4D0 Бет / Страница {n} из 2")


def test_an_e_signature_stamp_on_every_page_is_no_text():
    # the e-document system's stamp under each page of a signed file: its law's title would be a
    # programme of the work, its lines would cut the sentence the page break cut
    from dissertation_kg.mappings import reflow
    page1 = ("Relevance. The number of clinical trials in Kazakhstan has grown over the last decade, and\n"
             "the ethics committees of the universities review more protocols every year, but the\n"
             "forms of informed consent they approve are long and hard to read for the patients who\n"
             "sign them, and the committees have no common rules for their wording and for the\n"
             "information a patient must receive before the first visit of a clinical trial, so that")
    page2 = ("each committee asks for its own form. Aim of the research is to assess how patients\n"
             "understand informed consent and to propose a readable form for the ethics committees.\n"
             "Objectives of the research: to survey the patients of six clinical trial sites and to\n"
             "test a shortened form of informed consent against the standard one in a randomised way.")
    text = page1 + "\n" + _E_SIGNATURE_STAMP.format(n=1) + "\f" + page2 + "\n" + _E_SIGNATURE_STAMP.format(n=2)
    got = reflow.reflow(text, laid_out=True)
    assert "құжат" not in got and "ЭЦП" not in got and "бумажном" not in got and "Страница" not in got
    assert "before the first visit of a clinical trial, so that each committee asks for its own form." in " ".join(got.split())


def test_an_affiliation_opening_with_a_quoted_name_is_no_title():
    head = ("ӘОЖ 551.583\nhttps://doi.org/10.54668/2789-6323-2024-113-2-41-55\n"
            "ҚАЗАҚСТАННЫҢ ОҢТҮСТІК-ШЫҒЫСЫНДАҒЫ АПТАП ЫСТЫҚ ТОЛҚЫНДАРЫНЫҢ ӨЗГЕРІСІ\n"
            "А.Қ. Жанабаева1*, Е.М. Тұрсынов2, Л.Б. Бекқожина3\n"
            "1 әл-Фараби атындағы Қазақ ұлттық университеті, Алматы, Қазақстан\n"
            "2 «Қазгидромет» РМК, Астана, Қазақстан\n3 География және су қауіпсіздігі институты, Алматы, Қазақстан\n"
            "Аңдатпа. Мақалада 18 метеорологиялық станцияның деректері бойынша аптап ыстық толқындарының "
            "жиілігі талданды. Нәтижелер бейімделу шараларын жоспарлау үшін маңызды.\n"
            "Түйін сөздер: аптап ыстық, ыстық толқыны, климаттың өзгеруі.\nКіріспе\n"
            "Соңғы онжылдықтарда климаттың жылынуы экстремалды құбылыстардың жиілеуімен қатар жүріп келеді.\n")
    doc = abstract.parse_bytes(head.encode(), "article.txt")
    assert doc.meta.title == "ҚАЗАҚСТАННЫҢ ОҢТҮСТІК-ШЫҒЫСЫНДАҒЫ АПТАП ЫСТЫҚ ТОЛҚЫНДАРЫНЫҢ ӨЗГЕРІСІ"
    assert [a.affiliations for a in doc.meta.authors] == [[1], [2], [3]]


def test_a_plagiarism_checkers_report_page_is_no_page_of_the_abstract():
    from dissertation_kg.mappings.extract import pdf
    antiplagiat = ("АНТИПЛАГИАТ\nТВОРИТЕ СОБСТВЕННЫМ УМОМ\nСправка\nо результатах проверки текстового документа\n"
                   "на наличие заимствований\nАвтор работы Сагындыкова Райхан Ермековна\nПроцент оригинальности 89,04 %")
    strike = ("StrikePlagiarism.com\nҰқсас фрагменттердің дереккөздері\n1 Қазақстанның кеміргіштер фаунасы 412 2,91\n"
              "Есепті талдаған: Ахметова Гүлнұр Серікқызы\nStrikePlagiarism.com · Plagiat.pl sp. z o.o. · 2 / 2")
    assert pdf._plagiarism_report(antiplagiat) and pdf._plagiarism_report(strike)
    # an abstract's page that says the work was checked is the abstract's
    page = ("Апробация работы. Основные результаты доложены на конференциях. Текст диссертации проверен в системе "
            "«Антиплагиат» на наличие заимствований; оригинальность составила 89 %. ") * 12
    assert not pdf._plagiarism_report(page)


def test_a_site_pages_name_of_kind_and_author_is_no_title():
    md = ('---\ntitle: "PhD abstract – Tulegenova A.Zh."\nlang: en\nlayout: abstract\n---\n\n'
          "**Kurmangazy Kazakh National Conservatory**\n\nAs a manuscript\n\n**TULEGENOVA ASSEL ZHANATOVNA**\n\n"
          "**Developing the singing voice of future vocal teachers through Kazakh traditional singing**\n\n"
          "ABSTRACT of the dissertation for the degree of Doctor of Philosophy (PhD) in the educational programme "
          "8D01401 – Music Education\n\nAlmaty, 2024\n\n## Relevance of the research\n\nVocal teachers are trained "
          "in the bel canto school.\n")
    doc = abstract.parse_bytes(md.encode(), "vocal.md")
    assert doc.meta.title == "Developing the singing voice of future vocal teachers through Kazakh traditional singing"


def test_mathpix_markdown_shows_its_title_author_and_sections():
    head = ("![](https://cdn.mathpix.com/cropped/2024_06_11_5c3e9b0d7a2f41e8c6d1g-01.jpg?height=186&width=188)\n\n"
            "Казахский национальный университет имени аль-Фараби\n\nНа правах рукописи\n\n"
            "\\author{АХМЕТЖАНОВА САБИНА РУСЛАНОВНА}\n\n"
            "\\title{Нейропсихологические механизмы нарушений регуляторных функций у детей младшего школьного возраста}\n\n"
            "АННОТАЦИЯ диссертации на соискание степени доктора философии (PhD) по образовательной программе "
            "8D03101 – Психология\n\nАлматы, 2024\n\n")
    sections = ["Актуальность исследования", "Цель исследования", "Объект исследования"]
    body = "".join(f"\\section*{{{name}}}\n\nТекст раздела «{name}» о детях с СДВГ.\n\n" for name in sections)
    for text in (head + body, head + body.split("\\section*{Цель")[0]):   # three sections: LaTeX's; one: Markdown's
        doc = abstract.parse_bytes(text.encode(), "neuro.md")
        assert doc.meta.author == "Ахметжанова Сабина Руслановна"
        assert doc.meta.title == "Нейропсихологические механизмы нарушений регуляторных функций у детей младшего школьного возраста"
        assert "\\section" not in doc.text and "Актуальность исследования" in doc.text


def test_a_percent_sign_typed_in_mathpix_markdown_is_text_a_percent_in_latex_opens_a_comment():
    """Mathpix writes "60%" as the PDF shows it; in a LaTeX document the same sign hides the rest
    of its line (an author who meant the sign wrote "\\%")."""
    sections = "".join(f"\\section*{{{name}}}\n\nТекст раздела о детях.\n\n"
                       for name in ("Актуальность исследования", "Цель исследования"))
    contribution = ("\\section*{Личный вклад автора}\n\nВклад автора составляет не менее 60%. Часть обследований "
                    "проведена во время стажировки в Москве, 15 % — в Алматы.\n")
    doc = abstract.parse_bytes((sections + contribution).encode(), "neuro.md")
    assert "не менее 60%. Часть обследований проведена во время стажировки в Москве, 15 % — в Алматы." in doc.text
    tex = ("\\documentclass{article}\n\\begin{document}\n" + sections
           + "\\section*{Личный вклад автора}\n\nВклад автора 60\\%. % TODO: уточнить\n\\end{document}\n")
    doc = abstract.parse_bytes(tex.encode(), "thesis.txt")
    assert "Вклад автора 60%." in doc.text and "TODO" not in doc.text


def test_jina_readers_header_is_the_readers_not_the_works():
    # r.jina.ai's Markdown of a council's page opens with the page's <title>, its address and
    # date: the site's name for the page, never the work's title, which the page gives below
    page = ("Title: Автореферат диссертации Ахметовой А.Б. | Университет\n\n"
            "URL Source: https://example.kz/ru/avtoreferaty/akhmetova.html\n\n"
            "Published Time: 2010-10-25T09:14:37+06:00\n\n"
            "Markdown Content:\n"
            "Автореферат диссертации Ахметовой А.Б.\n======================================\n\n"
            "На правах рукописи\n\n**АХМЕТОВА АЙГУЛЬ БОЛАТОВНА**\n\n"
            "**Архивное дело в Казахстане в 1920–1930-е годы: становление и развитие**\n\n"
            "07.00.02 – Отечественная история\n\n"
            "АВТОРЕФЕРАТ диссертации на соискание ученой степени кандидата исторических наук\n\n"
            "Актуальность темы. Архивы республики хранят источники по истории края.\n")
    text = extract.extract(page.encode(), "reader.md").text
    assert "URL Source" not in text and "Markdown Content" not in text and "| Университет" not in text
    doc = abstract.parse_bytes(page.encode(), "reader.md")
    assert doc.meta.title == "Архивное дело в Казахстане в 1920–1930-е годы: становление и развитие"
