"""The Russian third of the forty-sixth held-out corpus (tests/fixtures/published-46/, issue #10): a
PhD abstract in forensic science (PDF) posted as an Adobe Acrobat "Combine Files" binder with a
scanned, signed council page on a Letter page between A4 pages, a Doctor of Historical Sciences
autoreferat in archival science (Markdown) as Jina AI's Reader gives the council's web page, and
a master's thesis abstract in hospitality (Word) saved under a Microsoft Purview sensitivity label
that marks the footer.
Their answer keys say what the documents say, in the first corpus's format. The files are read
with pypdfium2, zipfile and plain text reading, never with the mappers: the corpus measures them,
so nothing here may depend on what they do. The mix of the whole corpus (check_the_mix) and the
mappers' floors are the lead's, added at the merge and after the measurement.
"""
from __future__ import annotations

import re
import zipfile

import pytest

from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_word_lists_keep_their_numbers, key_of, pdf_pages)

CORPUS = ROOT / "tests" / "fixtures" / "published-46"
BINDER = CORPUS / "ru-forensic-science-phd.pdf"
JINA = CORPUS / "ru-archival-science-doctor.md"
LABELLED = CORPUS / "ru-hospitality-masters.docx"
FILES = [BINDER, JINA, LABELLED]
FLOOR = 1600
LABEL = "c5a1f0e2-7b3d-4e89-9f42-1d6b8a0c3e57"


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _flat(text: str) -> str:
    return " ".join(text.replace("\ufffe", "").replace("\u00ad", "").replace("\xa0", " ").split())


def test_the_russian_part_is_what_the_brief_asks_for():
    """Three Russian documents: a PhD abstract (PDF), a Doctor of Sciences autoreferat (Markdown)
    and a master's thesis abstract (Word); fields forensic science, archival science and
    hospitality; every list."""
    keys = {p.name: _key(p) for p in FILES}
    assert all(p.exists() for p in FILES)
    assert {k["lang"] for k in keys.values()} == {"ru"}
    assert [k["field"] for k in keys.values()] == ["forensic science", "archival science", "hospitality"]
    assert [(k["kind"], k["degree"]) for k in keys.values()] == [
        ("dissertation", "phd"), ("dissertation", "doctor"), ("masters-thesis", "master")]
    for k in keys.values():
        assert k["author"] and k["title"] and k["institution"] and k["publications_total"]
        assert not k["gaps"] and k["counts"]["provisions"] >= 4
        assert 5 <= k["counts"]["tasks"] <= 7 and 4 <= k["counts"]["novelty"] <= 6
        assert len(k["entities"]) >= 70
    assert [k["specialty_code"] for k in keys.values()] == ["6D030300", "07.00.09", "7M11102"]
    assert [k["publications_total"] for k in keys.values()] == [14, 46, 3]
    assert keys[JINA.name]["counts"]["provisions"] == 8
    quotes = {e["text"] for e in keys[BINDER.name]["entities"]}
    assert {"Уголовно-процессуальный кодекс Республики Казахстан", "Р.С. Белкина", "GlobalFiler",
            "учения о криминалистической идентификации", "Интерпола", "CODIS"} <= quotes
    quotes = {e["text"] for e in keys[JINA.name]["entities"]}
    assert {"Архива Президента Республики Казахстан", "ЦГА РК", "НКВД", "модель документального континуума",
            "Ф. Апварда", "Международного совета архивов", "Алма-Ата"} <= quotes
    quotes = {e["text"] for e in keys[LABELLED.name]["entities"]}
    assert {"Университете «Туран»", "метод SERVQUAL", "А. Парасураманом", "Booking.com", "SPSS 26",
            "Комитету индустрии туризма Министерства туризма и спорта Республики Казахстан"} <= quotes
    # nothing of the web page's frame, the binder's bookmarks or the label is keyed
    everything = " ".join(e["text"] for k in keys.values() for e in k["entities"])
    for frame in ("Просмотров", "Публичная информация", "Скан совет", "Jina", "old.enu.kz"):
        assert frame not in everything


def test_the_documents_are_full_length():
    check_full_length(CORPUS, FILES, lambda key: FLOOR)
    # the Doctor of Sciences autoreferat is the longest of the three without the page's frame
    body = JINA.read_text(encoding="utf-8").split("Markdown Content:", 1)[1]
    assert len(body.split()) >= 2200


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_the_word_lists_keep_their_numbers_in_numbering_xml():
    check_word_lists_keep_their_numbers(CORPUS, LABELLED)


def test_the_pdf_has_a_text_layer_and_page_numbers_outside_the_scan():
    pages = [_flat(t) for t in pdf_pages(BINDER)]
    assert len(pages) == 7
    assert "На правах рукописи" in pages[0] and "доктора философии (PhD)" in pages[0]
    for number, text in enumerate(pages[2:], 3):
        assert len(text.split()) > 100 and re.search(rf"(?:^| ){number}$", text), number
    body = " ".join(pages[2:])
    for part in ("ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ", "Задачи исследования:", "1) определить понятие",
                 "6) сформулировать предложения", "– сформулировано авторское", "1. Геномная информация",
                 "5. Заключение эксперта-генетика", "ОСНОВНОЕ СОДЕРЖАНИЕ РАБОТЫ", "ЗАКЛЮЧЕНИЕ"):
        assert part in body, part


def test_the_markdown_keeps_its_lists_and_setext_headings():
    text = JINA.read_text(encoding="utf-8")
    lines = text.split("\n")
    for heading in ("ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ", "ОСНОВНОЕ СОДЕРЖАНИЕ РАБОТЫ", "ЗАКЛЮЧЕНИЕ"):
        n = lines.index(heading)
        assert set(lines[n + 1]) == {"-"} and len(lines[n + 1]) == len(heading)
    for item in ("1.  Проанализировать историографию", "7.  Определить значение", "1.  Создана целостная",
                 "8.  Опыт советского", "1.  Архивное строительство в Казахстане в 1918–1991 годах прошло"):
        assert any(line.startswith(item) for line in lines), item
    assert not any(re.match(r"\d+\. \S", line) for line in lines)


# ---------------------------------------------------------------- Acrobat's Combine Files

def test_the_pdf_is_an_acrobat_binder_with_a_scanned_letter_page():
    """A4, then the council page scanned onto US Letter with no text at all, then A4; one bookmark
    per combined file, the body's headings under the body's; Acrobat in the Info dictionary; the
    document opens with its bookmarks."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as r
    pdf = pdfium.PdfDocument(BINDER)
    try:
        sizes = [tuple(round(x) for x in page.get_size()) for page in pdf]
        assert sizes == [(595, 842), (612, 792)] + [(595, 842)] * 5
        scan = pdf[1]
        kinds = [obj.type for obj in scan.get_objects()]
        assert kinds == [r.FPDF_PAGEOBJ_IMAGE]
        assert scan.get_textpage().count_chars() == 0
        assert all(not any(o.type == r.FPDF_PAGEOBJ_IMAGE for o in pdf[i].get_objects()) for i in (0, 2, 3))
        toc = [(item.level, item.get_title(), item.get_dest().get_index()) for item in pdf.get_toc()]
        assert toc == [(0, "Титул Сарсенбаева", 0), (0, "Скан совет подпись", 1),
                       (0, "Автореферат Сарсенбаева рус", 2), (1, "ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ", 2),
                       (1, "ОСНОВНОЕ СОДЕРЖАНИЕ РАБОТЫ", 4), (1, "ЗАКЛЮЧЕНИЕ", 6)]
        info = pdf.get_metadata_dict()
        assert info["Producer"].startswith("Adobe Acrobat Pro") and info["Creator"] == info["Producer"]
        assert not info["Title"] and not info["Author"]
    finally:
        pdf.close()
    raw = BINDER.read_bytes()
    assert b"/PageMode /UseOutlines" in raw
    # the council page's words are nowhere in the text layer: they are pixels
    text = _flat(" ".join(pdf_pages(BINDER)))
    for gone in ("Официальные рецензенты", "Защита диссертации состоится", "Оспанова Г.Т."):
        assert gone not in text


# ---------------------------------------------------------------- Jina AI's Reader

def test_the_markdown_is_jina_readers_answer_for_the_council_page():
    """Reader's header lines, then the page as Turndown wrote it: logo image, menu and
    breadcrumbs as «*   » link lists, the page's H1 with «====», the date and views, the
    autoreferat, the download link, share buttons, the council's menu and the site's footer."""
    text = JINA.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0].startswith("Title: Автореферат диссертации Жакуповой Г.К.")
    assert lines[2] == "URL Source: https://old.enu.kz/ru/nauka/dissovet/avtoreferaty/zhakupova-g-k-07-00-09.html"
    assert re.fullmatch(r"Published Time: 2010-10-25T\d\d:\d\d:\d\d\+06:00", lines[4])
    assert lines[6] == "Markdown Content:"
    assert lines[7].startswith("[![Image 1: ЕНУ им. Л.Н. Гумилева](")
    menu = [line for line in lines if line.startswith("*   [")]
    assert len(menu) >= 15 and "*   [Главная](https://old.enu.kz/ru/)" in menu
    h1 = lines.index("Автореферат диссертации Жакуповой Г.К.")
    assert set(lines[h1 + 1]) == {"="} and lines[h1 + 3] == "25.10.2010 | Просмотров: 1843"
    start = lines.index("Евразийский национальный университет имени Л.Н. Гумилева")
    assert h1 < start < lines.index("ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ")
    end = [n for n, line in enumerate(lines) if line.startswith("[Скачать автореферат (PDF")]
    assert len(end) == 1 and end[0] > lines.index("ЗАКЛЮЧЕНИЕ")
    assert lines[end[0] - 2].endswith("и переходом к электронным архивам.")
    tail = "\n".join(lines[end[0]:])
    assert "![Image 2: ВКонтакте]" in tail and "Диссертационный совет ОД 14.61.21\n---------------------------------" in tail
    assert lines[-2].startswith("© 2001–2010 Евразийский национальный университет") and lines[-1] == ""


# ---------------------------------------------------------------- a Purview sensitivity label

def test_the_word_file_carries_a_sensitivity_label_and_its_footer_marking():
    """The label's MSIP_Label_<guid>_* properties in docProps/custom.xml, the LabelInfo part with
    its package relationship, and the content marking in a footer text box (DrawingML and VML
    fallback) named MSIPCM…, referenced by the section; the body does not carry the marking."""
    with zipfile.ZipFile(LABELLED) as z:
        names = set(z.namelist())
        custom = z.read("docProps/custom.xml").decode("utf-8")
        info = z.read("docMetadata/LabelInfo.xml").decode("utf-8")
        rels = z.read("_rels/.rels").decode("utf-8")
        types = z.read("[Content_Types].xml").decode("utf-8")
        footer = z.read("word/footer1.xml").decode("utf-8")
        document = z.read("word/document.xml").decode("utf-8")
        doc_rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
    assert {"docProps/custom.xml", "docMetadata/LabelInfo.xml", "word/footer1.xml"} <= names
    props = dict(re.findall(rf'name="MSIP_Label_{LABEL}_(\w+)"><vt:lpwstr>([^<]*)</vt:lpwstr>', custom))
    assert props["Enabled"] == "true" and props["Method"] == "Standard" and props["ContentBits"] == "2"
    assert props["Name"] == "Публичная информация" and set(props) >= {"SetDate", "SiteId", "ActionId"}
    assert f'<clbl:label id="{{{LABEL}}}" enabled="1" method="Standard"' in info
    assert "relationships/classificationlabels" in rels and "application/vnd.ms-office.classificationlabels+xml" in types
    assert footer.count("Публичная информация | Public") == 2
    assert re.search(r'<wp:docPr id="\d+" name="MSIPCM[0-9a-f]{32}" descr="\{&quot;HashCode&quot;:-?\d+,'
                     r'&quot;Placement&quot;:&quot;Footer&quot;', footer)
    assert "<mc:Choice Requires=\"wps\">" in footer and "<mc:Fallback><w:pict>" in footer
    rid = re.search(r'Id="(rId\d+)" Type="[^"]+/footer" Target="footer1.xml"', doc_rels).group(1)
    assert f'<w:footerReference w:type="default" r:id="{rid}"/>' in document
    assert "Публичная информация" not in document
