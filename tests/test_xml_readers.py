"""Abstracts kept in XML: a Word file saved as Strict Open XML, an Evernote export (ENEX), a
journal article in JATS (mappings/extract/docx.py, evernote.py, jats.py). Invented texts, the
packages written by hand to the formats' specifications, each read and mapped end to end."""
from __future__ import annotations

import io
import zipfile

from dissertation_kg.mappings import abstract, metadata
from dissertation_kg.mappings.extract import evernote, jats

STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
STRICT_R = "http://purl.oclc.org/ooxml/officeDocument/relationships"


def _strict_docx(paragraphs: list[tuple[str | None, str]]) -> bytes:
    """A Word package in ISO/IEC 29500 Strict: its parts under the purl.oclc.org namespaces."""
    body = "".join(
        f'<w:p>{f"<w:pPr><w:pStyle w:val={chr(34)}{style}{chr(34)}/></w:pPr>" if style else ""}'
        f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>' for style, text in paragraphs)
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document w:conformance="strict" xmlns:w="{STRICT_W}" xmlns:r="{STRICT_R}"><w:body>{body}'
                f'<w:sectPr/></w:body></w:document>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{STRICT_W}">'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>'
              '<w:basedOn w:val="Normal"/></w:style></w:styles>')
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                     'wordprocessingml.document.main+xml"/>'
                     '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                     'wordprocessingml.styles+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{STRICT_R}/officeDocument" Target="word/document.xml"/></Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rId1" Type="{STRICT_R}/styles" Target="styles.xml"/></Relationships>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", document)
        z.writestr("word/_rels/document.xml.rels", doc_rels)
        z.writestr("word/styles.xml", styles)
    return out.getvalue()


def test_a_strict_open_xml_word_file_is_read_as_word_shows_it():
    data = _strict_docx([
        (None, "Қолжазба құқығында"),
        (None, "Серікова Айгерім Бақытқызы"),
        (None, "Ауыл мектептеріндегі қашықтан оқытудың тиімділігін бағалау"),
        (None, "8D01101 – Педагогика және психология мамандығы бойынша философия докторы (PhD) дәрежесін алу үшін "
               "дайындалған диссертацияның АҢДАТПАСЫ"),
        ("Heading2", "Зерттеудің өзектілігі"),
        (None, "Ауыл мектептерінде қашықтан оқыту 2020 жылдан бері кең таралды, бірақ оның тиімділігі аз зерттелген."),
        ("Heading2", "Зерттеудің мақсаты"),
        (None, "Ауыл мектептеріндегі қашықтан оқытудың тиімділігін бағалау әдістемесін әзірлеу."),
        ("Heading2", "Зерттеудің міндеттері"),
        (None, "1) қашықтан оқытудың тиімділік көрсеткіштерін анықтау;"),
        (None, "2) бағалау әдістемесін әзірлеу;"),
        (None, "3) әдістемені тәжірибеде тексеру."),
    ])
    doc = abstract.parse_bytes(data, "kk-distance-learning.docx")
    assert doc.meta.author == "Серікова Айгерім Бақытқызы"
    assert doc.meta.title == "Ауыл мектептеріндегі қашықтан оқытудың тиімділігін бағалау"
    assert [i.text.split()[0] for i in doc.items["tasks"]] == ["қашықтан", "бағалау", "әдістемені"]


ENEX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE en-export SYSTEM "http://xml.evernote.com/pub/evernote-export4.dtd">
<en-export export-date="20250110T080000Z" application="Evernote" version="10.90.1">
  <note>
    <title>Soil salinity mapping in the Syr Darya delta</title>
    <tag>council</tag>
    <note-attributes><author>someone@example.kz</author></note-attributes>
    <content><![CDATA[<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd">
<en-note><div><b>Soil salinity mapping in the Syr Darya delta</b></div>
<div>Abstract of the dissertation for the degree of Doctor of Philosophy (PhD), 8D05201 – Ecology</div>
<div>Nurlanov Timur Askarovich</div>
<div><br/></div>
<h2>Relevance</h2>
<div>Salinity has spread over the irrigated lands of the delta since the 1990s.</div>
<en-media type="image/png" hash="0a1b2c3d4e5f60718293a4b5c6d7e8f9"/>
<h2>Objectives</h2>
<ol><li><div>to map the salinity of the delta's soils;</div></li><li><div>to relate it to the irrigation regime;</div></li>
<li><div>to propose measures of land reclamation.</div></li></ol>
<h2>Methods</h2>
<ul><li>remote sensing</li><li>field sampling</li></ul>
</en-note>]]></content>
  </note>
</en-export>"""


def test_an_evernote_export_reads_as_the_note():
    page = evernote.text(ENEX)
    lines = page.split("\n")
    assert lines[0] == "Soil salinity mapping in the Syr Darya delta"   # the body opens with it: not doubled
    assert lines.count("Soil salinity mapping in the Syr Darya delta") == 1
    assert ["1. to map the salinity of the delta's soils;", "2. to relate it to the irrigation regime;",
            "3. to propose measures of land reclamation."] == [x for x in lines if x[:2] in ("1.", "2.", "3.")]
    assert "• remote sensing" in lines
    for gone in ("en-export", "CDATA", "someone@example.kz", "council", "0a1b2c3d", "<div>"):
        assert gone not in page
    doc = abstract.parse_bytes(ENEX.encode(), "en-salinity.txt")
    assert doc.meta.title == "Soil salinity mapping in the Syr Darya delta"
    assert doc.meta.author == "Nurlanov Timur Askarovich"
    assert len(doc.items["tasks"]) == 3


def test_an_evernote_note_with_no_body_is_its_title():
    empty = ENEX.replace(ENEX[ENEX.index("<content>"):ENEX.index("</content>") + len("</content>")], "<content/>")
    assert evernote.text(empty) == "Soil salinity mapping in the Syr Darya delta\n\n"


JATS = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.2 20190208//EN" "JATS-journalpublishing1.dtd">
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article" dtd-version="1.2" xml:lang="ru">
<front>
  <journal-meta><journal-title-group><journal-title>Вестник экономики</journal-title></journal-title-group></journal-meta>
  <article-meta>
    <title-group><article-title>Оценка ликвидности региональных банков Казахстана</article-title></title-group>
    <contrib-group>
      <contrib contrib-type="author"><name><surname>Ахметова</surname><given-names>Сауле Ериковна</given-names></name></contrib>
      <contrib contrib-type="author"><name><surname>Петров</surname><given-names>Олег Ильич</given-names></name></contrib>
      <contrib contrib-type="editor"><name><surname>Редакторов</surname><given-names>Иван</given-names></name></contrib>
    </contrib-group>
    <aff id="aff1">Университет Нархоз, Алматы, Казахстан</aff>
    <abstract xml:lang="ru"><title>Аннотация</title>
      <p>В статье оценена ликвидность региональных банков по требованиям МСФО (IFRS) 9; в открытой печати таких оценок нет.</p></abstract>
    <kwd-group xml:lang="ru"><title>Ключевые слова</title><kwd>ликвидность</kwd><kwd>банки</kwd></kwd-group>
    <trans-abstract xml:lang="en"><title>Abstract</title><p>The article assesses the liquidity of regional banks.</p></trans-abstract>
    <kwd-group xml:lang="en"><title>Keywords</title><kwd>liquidity</kwd><kwd>banks</kwd></kwd-group>
  </article-meta>
</front>
<body><sec><title>Введение</title><p>Региональные банки уязвимы к оттоку депозитов.</p></sec></body>
<back><ref-list><ref id="r1"><mixed-citation>Иванов И. Банки. М., 2010.</mixed-citation></ref></ref-list></back>
</article>"""


def test_a_jats_article_reads_as_its_page_and_maps_as_an_article():
    page = jats.text(JATS)
    lines = page.split("\n")
    assert lines[0] == "Title: Оценка ликвидности региональных банков Казахстана"
    assert "Авторы: Ахметова Сауле Ериковна; Петров Олег Ильич" in lines   # the editor is no author
    assert "Ключевые слова: ликвидность; банки" in lines and "Keywords: liquidity; banks" in lines
    assert lines.index("Введение") < lines.index("Abstract")   # translated abstracts at the end
    assert "Иванов И. Банки" not in page and "JATS" not in page
    doc = abstract.parse_bytes(JATS.encode(), "ru-liquidity.txt")
    assert doc.meta.title == "Оценка ликвидности региональных банков Казахстана"
    assert [a.name for a in doc.meta.authors] == ["Ахметова Сауле Ериковна", "Петров Олег Ильич"]


def test_an_entity_bomb_is_refused_fast_and_read_as_text():
    bomb = ('<?xml version="1.0"?><!DOCTYPE article [<!ENTITY a "aaaaaaaaaa">'
            + "".join(f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(8))
            + ']><article dtd-version="1.2"><front><article-meta><title-group><article-title>&i;'
            '</article-title></title-group></article-meta></front></article>')
    assert jats.text(bomb) == bomb   # expat stops the amplification; the text is left as it is


def test_a_standard_s_number_is_no_count_of_publications():
    counts = metadata.publication_counts("Сравнений с учётом МСФО (IFRS) 9 в открытой печати нет. По теме "
                                         "опубликовано 7 работ, в том числе 2 в изданиях ККСОН.", "ru")
    assert counts.get("Total") == 7


def test_an_xml_document_is_recorded_in_its_own_format_whatever_its_name():
    from dissertation_kg.mappings import extract
    assert extract.extract(JATS.encode(), "ru-liquidity.txt").format == "application/jats+xml"
    assert extract.extract(ENEX.encode(), "en-salinity.txt").format == "application/enex+xml"
    assert extract.extract("Аннотация\n\nТекст.".encode(), "x.txt").format == "text/plain"



def test_the_validate_command_accepts_what_is_recorded_for_them(tmp_path):
    # the shapes list the formats a source may be recorded in: these two are among them
    from click.testing import CliRunner
    from dissertation_kg.server.cli import main

    for name, text in (("ru-liquidity.txt", JATS), ("en-salinity.txt", ENEX)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "ru-liquidity.txt"), str(tmp_path / "en-salinity.txt")])
    assert result.exit_code == 0, result.output


def test_a_note_without_a_title_opens_with_its_text():
    # (seed 181, evernote.py: the title is printed above the body only when there is one)
    untitled = ENEX.replace("<title>Soil salinity mapping in the Syr Darya delta</title>", "<title></title>")
    assert evernote.text(untitled).startswith("Soil salinity mapping in the Syr Darya delta\n")


def test_a_jats_keyword_group_is_labelled_by_its_title_or_by_its_language():
    xml = JATS.replace("<title>Ключевые слова</title>", "<title>Ключевые понятия</title>").replace(
        "<title>Keywords</title>", "")
    lines = jats.text(xml).split("\n")
    assert "Ключевые понятия: ликвидность; банки" in lines   # its own title
    assert "Keywords: liquidity; banks" in lines              # none: the word of its language
