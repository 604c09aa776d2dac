"""Booklets imposed two pages to a landscape sheet (mappings/extract/imposition.py): A5 pages made
by LibreOffice from an invented Russian text with a running header and page numbers
(tests/fixtures/formats/ru-a5.pdf), placed side by side by pypdfium2 as Form XObjects, the way a
print shop's imposition does."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from dissertation_kg.mappings import extract
from dissertation_kg.mappings.extract import imposition

HEADER = "Серикова А.Б. Дорожные ведомости Тургайской области"   # the fixtures' running header

# scripts/make_old_format_fixtures.py: made by LibreOffice from .docx files (CI has no LibreOffice,
# so the PDFs are committed)
FORMATS = Path(__file__).parent / "fixtures" / "formats"


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
def a5() -> bytes:
    return (FORMATS / "ru-a5.pdf").read_bytes()


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


def test_a_landscape_page_in_two_columns_is_one_page():
    data = (FORMATS / "ru-landscape-2col.pdf").read_bytes()
    pages = _pages(extract.extract(data, "wide.pdf").text)
    assert len(pages) == 1 and pages[0][0] == HEADER


def test_a_stray_number_does_not_reorder_pages():
    pages = [["Титул"], ["текст", "2"], ["таблица", "17"], ["текст", "4"]]
    assert imposition.in_reading_order(pages) == pages
    booklet = [["Титул"], ["текст", "2"], ["текст", "5"], ["текст", "3"], ["текст", "4"]]
    assert [p[-1] for p in imposition.in_reading_order(booklet)] == ["Титул", "2", "3", "4", "5"]


def _reversed(data: bytes) -> bytes:
    """The same PDF with its pages last first, as a sheet feeder fed face up scans them."""
    import pypdfium2
    src = pypdfium2.PdfDocument(data)
    dest = pypdfium2.PdfDocument.new()
    dest.import_pages(src, list(range(len(src)))[::-1])
    out = io.BytesIO()
    dest.save(out)
    return out.getvalue()


def test_pages_scanned_last_first_are_read_first_to_last(a5):
    text = extract.extract(_reversed(a5), "scan.pdf").text
    numbers = [int(p[-1]) for p in _pages(text) if p and p[-1].isdigit()]
    assert numbers == sorted(numbers) and len(numbers) >= 3
    # the unnumbered first page, last in the file, opens the text again
    assert text.split("\f")[0] == extract.extract(a5, "a5.pdf").text.split("\f")[0]
    assert [int(m) for m in re.findall(r"Раздел (\d)\n", text)] == list(range(1, 7))


def test_no_countdown_no_turning_round():
    from dissertation_kg.mappings.extract.pdf import _last_page_first_undone
    in_order = [["Титул"], ["текст", "2"], ["текст", "3"], ["текст", "4"]]
    assert _last_page_first_undone(in_order) == in_order
    # two numbers counting down (a table's total at one page's foot) are no countdown
    stray = [["Титул"], ["таблица", "17"], ["текст", "3"], ["текст"]]
    assert _last_page_first_undone(stray) == stray
    # … nor numbers that do not fit the pages there are
    wide = [["текст", "40"], ["текст", "21"], ["текст", "3"], ["Титул"]]
    assert _last_page_first_undone(wide) == wide
    countdown = [["текст", "4"], ["текст", "3"], ["текст", "2"], ["Титул"]]
    assert _last_page_first_undone(countdown) == countdown[::-1]


def test_a_bare_number_inside_the_page_is_no_page_number():
    # only the page's first and last lines carry its number: a table's cell or a year set on a
    # line of its own one line in is part of the text
    assert imposition.printed_number(["– 7 –", "Кесте 2", "148", "гектар"]) == 7
    assert imposition.printed_number(["Кесте 2", "148", "гектар егістік", "9"]) == 9
    assert imposition.printed_number(["Кесте 2", "148", "гектар егістік", "1-сурет"]) is None
    assert imposition.printed_number(["1-сурет", "2024", "гектар егістік", "Кесте 2"]) is None
    assert imposition.printed_number(["", "  ", ""]) is None


def _with_pages_shaped(data: bytes, shapes: list[tuple[float, float]], extra: bytes) -> bytes:
    """`data`'s pages, then `extra`'s first page placed on a page of each shape (scaled to fit), as a
    presentation exported to PDF (or a wide table's page) is bound after a document."""
    import pypdfium2
    dest = pypdfium2.PdfDocument(data)
    src = pypdfium2.PdfDocument(extra)
    page_w, page_h = src[0].get_size()
    for width, height in shapes:
        page = dest.new_page(width, height)
        obj = src.page_as_xobject(0, dest).as_pageobject()
        scale = min(width / page_w, height / page_h)
        obj.transform(pypdfium2.PdfMatrix().scale(scale, scale).translate((width - page_w * scale) / 2, 0))
        page.insert_obj(obj)
        page.gen_content()
    out = io.BytesIO()
    dest.save(out)
    return out.getvalue()


def test_slides_bound_after_the_pages_are_left_out(a5):
    alone = _pages(extract.extract(a5, "a5.pdf").text)
    # 16:9 (PowerPoint's widescreen, 960 × 540), 4:3 (720 × 540) and 16:10 slides after the A5 pages
    bound = _with_pages_shaped(a5, [(960, 540), (720, 540), (800, 500)], a5)
    assert _pages(extract.extract(bound, "with-slides.pdf").text) == alone
    # a paper page turned for a wide table (A4 landscape) is the document's own
    wide = _with_pages_shaped(a5, [(842, 595)], a5)
    assert len(_pages(extract.extract(wide, "with-table.pdf").text)) == len(alone) + 1
    # and a file of slides alone is read as it is
    import pypdfium2
    only = pypdfium2.PdfDocument(_with_pages_shaped(a5, [(960, 540)], a5))
    for _ in range(len(only) - 1):
        only.del_page(0)
    out = io.BytesIO()
    only.save(out)
    assert _pages(extract.extract(out.getvalue(), "deck.pdf").text)[0][0] == HEADER
