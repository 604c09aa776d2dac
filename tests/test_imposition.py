"""Booklets imposed two pages to a landscape sheet (mappings/extract/imposition.py): A5 pages made
by LibreOffice from an invented Russian text with a running header and page numbers, placed side
by side by pypdfium2 as Form XObjects, the way a print shop's imposition does."""
from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from dissertation_kg.mappings import extract
from dissertation_kg.mappings.extract import imposition

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is needed to make the PDFs")

HEADER = "Серикова А.Б. Дорожные ведомости Тургайской области"


def _page_field(paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.text = text
        run._r.append(el)


def _docx(path, width_mm: float, height_mm: float, sections: int, columns: int = 1) -> None:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(width_mm), Mm(height_mm)
    section.left_margin = section.right_margin = Mm(15)
    if columns > 1:
        cols = section._sectPr.find(qn("w:cols"))
        if cols is None:
            cols = OxmlElement("w:cols")
            section._sectPr.append(cols)
        cols.set(qn("w:num"), str(columns))
        cols.set(qn("w:space"), "340")
    section.header.paragraphs[0].text = HEADER
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(footer)
    first = doc.add_paragraph()
    first.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    # the space in the regular run, as Word's and LibreOffice's authors type a run-in heading
    first.add_run("Актуальность темы.").bold = True
    first.add_run(" Дорожные ведомости уездов служат источником по истории почтовых трактов "
                  "степного края и заслуживают отдельного описания.")
    for k in range(1, sections + 1):
        doc.add_paragraph(f"Раздел {k}").runs[0].bold = True
        for j in range(4):
            doc.add_paragraph(f"Раздел {k}, абзац {j}: " + "ведомости почтовых станций описаны "
                              "подробно, с указанием вёрст и лошадей. " * 3).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if columns == 1:
            doc.add_page_break()
    doc.save(path)


def _pdf(tmp_path, name: str, **kwargs) -> bytes:
    _docx(tmp_path / f"{name}.docx", **kwargs)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / f"{name}.docx")], check=True, capture_output=True, timeout=180)
    return (tmp_path / f"{name}.pdf").read_bytes()


def _impose(data: bytes, order: list[int | None]) -> bytes:
    """The pages (by index, None a blank) two to a landscape A4 sheet, in the order given."""
    import pypdfium2
    src = pypdfium2.PdfDocument(data)
    dest = pypdfium2.PdfDocument.new()
    width, height = 842.0, 595.0
    for first in range(0, len(order), 2):
        sheet = dest.new_page(width, height)
        for slot, index in enumerate(order[first:first + 2]):
            if index is None:
                continue
            page_w, page_h = src[index].get_size()
            obj = src.page_as_xobject(index, dest).as_pageobject()
            scale = min((width / 2) / page_w, height / page_h)
            obj.transform(pypdfium2.PdfMatrix().scale(scale, scale).translate(
                slot * width / 2 + (width / 2 - page_w * scale) / 2, (height - page_h * scale) / 2))
            sheet.insert_obj(obj)
        sheet.gen_content()
    out = io.BytesIO()
    dest.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def a5(tmp_path_factory) -> bytes:
    return _pdf(tmp_path_factory.mktemp("a5"), "a5", width_mm=148, height_mm=210, sections=6)


def _pages(text: str) -> list[list[str]]:
    return [[line for line in page.split("\n") if line.strip()] for page in text.split("\f")]


def test_two_up_sheets_read_as_two_pages_left_then_right(a5):
    import pypdfium2
    n = len(pypdfium2.PdfDocument(a5))
    text = extract.extract(_impose(a5, list(range(n))), "booklet.pdf").text
    pages = [p for p in _pages(text) if p]
    assert len(pages) == n
    # each page opens with its own running header and ends with its own number
    assert all(p[0] == HEADER for p in pages)
    assert [p[-1] for p in pages[1:]] == [str(k) for k in range(2, n + 1)]
    assert [int(m) for m in re.findall(r"Раздел (\d)\n", text)] == list(range(1, 7))


def test_saddle_stitched_sheets_come_back_in_page_order(a5):
    import pypdfium2
    n = len(pypdfium2.PdfDocument(a5))
    total = -(-n // 4) * 4
    slots = [k if k < n else None for k in range(total)]
    printers = []
    for s in range(total // 4):
        # front: last | first, back: second | second last, working inwards
        printers += [slots[total - 1 - 2 * s], slots[2 * s], slots[2 * s + 1], slots[total - 2 - 2 * s]]
    text = extract.extract(_impose(a5, printers), "booklet.pdf").text
    numbers = [int(p[-1]) for p in _pages(text) if p and p[-1].isdigit()]
    assert numbers == list(range(1, n + 1))
    first = next(p for p in _pages(text) if p)
    assert first[0] == HEADER and "Актуальность темы." in first[1]
    assert [int(m) for m in re.findall(r"Раздел (\d)\n", text)] == list(range(1, 7))


def test_a_run_in_bold_heading_keeps_the_space_before_the_text(a5):
    assert "Актуальность темы. Дорожные ведомости" in extract.extract(a5, "a5.pdf").text


def test_a_landscape_page_in_two_columns_is_one_page(tmp_path):
    data = _pdf(tmp_path, "wide", width_mm=297, height_mm=210, sections=2, columns=2)
    pages = _pages(extract.extract(data, "wide.pdf").text)
    assert len(pages) == 1 and pages[0][0] == HEADER


def test_a_stray_number_does_not_reorder_pages():
    pages = [["Титул"], ["текст", "2"], ["таблица", "17"], ["текст", "4"]]
    assert imposition.in_reading_order(pages) == pages
    booklet = [["Титул"], ["текст", "2"], ["текст", "5"], ["текст", "3"], ["текст", "4"]]
    assert [p[-1] for p in imposition.in_reading_order(booklet)] == ["Титул", "2", "3", "4", "5"]
