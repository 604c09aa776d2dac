"""PDF → text with pypdfium2 (Google's PDFium): the text layer, line by line, with a blank
line wherever the page shows a paragraph end.

Chosen by scripts/bench_extract.py: on our Kazakh, Russian and English PDFs pypdf, pdfplumber,
PyMuPDF and pypdfium2 read the same characters (every Kazakh letter kept; pdfplumber mixes the
lines of two columns), but pypdfium2 and PyMuPDF are about 20× faster than pypdf and 50× than
pdfplumber, and PyMuPDF is AGPL-3.0, which this MIT project cannot take on; pypdfium2 is
Apache-2.0/BSD-3. It also gives each line's box and each letter's font, so paragraph ends come
from the page (a wider gap, a line stopping where the next word would have fitted, a change of
font) instead of from guessing. Line-end hyphens, running headers and page numbers are left for
mappings/reflow.py.
"""
from __future__ import annotations

import ctypes
import re
import statistics
from importlib.metadata import version

from ..errors import MappingError
from . import MEDIA_TYPES, Extracted, covered, form_fields, imposition

# Fewer letters than this per page, on average, and the pages are pictures of text.
_MIN_LETTERS_PER_PAGE = 40
# A gap this much wider than the usual line pitch separates paragraphs.
_PARAGRAPH_GAP = 1.35


def extract(data: bytes, source: str) -> Extracted:
    import pypdfium2 as pdfium
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise MappingError(source, "the PDF is password-protected",
                               "save an unprotected copy (or export the abstract as .txt) and try again") from None
        raise MappingError(source, f"the PDF is damaged or incomplete and cannot be read ({exc})",
                           "download or export it again; if it opens in a viewer, print it to a new PDF "
                           "or save the abstract as .txt") from None
    form_fields.init(document)
    try:
        sized = [(page.get_size(), page) for page in document]
        slides = _slides_among_pages([size for size, _page in sized])
        sheets = [_page_lines(page, form_fields.on_page(document, page))
                  for (_size, page), slide in zip(sized, slides) if not slide]
    except pdfium.PdfiumError as exc:
        raise MappingError(source, f"the PDF is damaged and its text cannot be read ({exc})",
                           "download or export it again, or save the abstract as .txt") from None
    finally:
        document.close()
    pages = [page for sheet in sheets for page in sheet]
    if len(pages) > len(sheets):
        pages = imposition.in_reading_order(pages)
    else:
        pages = _last_page_first_undone(pages)
    joined = ["\n".join(lines) for lines in pages]
    pages = [page for page in joined if not _plagiarism_report(page)] or joined
    letters = sum(c.isalpha() for page in pages for c in page)
    if not pages or letters < _MIN_LETTERS_PER_PAGE * len(sheets):
        raise MappingError(source, f"no text layer: run OCR first ({len(sheets)} page(s) of images, "
                           f"{letters} letters of text)",
                           f"e.g. `ocrmypdf -l kaz+rus+eng {source} ocr.pdf`, then add the OCR'd PDF")
    # A form feed between pages tells reflow where a page ends (headers and footers sit there).
    return Extracted("\f".join(pages), MEDIA_TYPES[".pdf"], "pypdfium2", version("pypdfium2"),
                     laid_out=True, breaks_known=True)


# A text-matching system's report bound before or after the abstract, as a council's file or a
# repository's PDF often has it (Antiplagiat's «Справка о результатах проверки …», StrikePlagiarism's
# similarity report, Turnitin's): the checker's page, whose fields (the author, the title, the
# reviewer, the slogan in capitals) would stand in for the title page's.
_REPORT_MARKS = re.compile(
    r"(?i)антиплагиат|strikeplagiarism|plagiat\.pl|turnitin|unicheck|"
    r"результатах\s+проверки\s+текстового\s+документа|на\s+наличие\s+заимствований|процент\s+оригинальности|"
    r"оригинальность\s+\d|отч[её]т\s+подобия|ұқсастық\s+(?:есебі|коэффициент)|similarity\s+(?:report|index)|"
    r"коэффициент\s+подобия|originality\s+report")


# A presentation's slides bound with the abstract (the defence's slides after an autoreferat, as
# some councils publish them in one file): pages of a screen's shape, 4:3, 16:10 or 16:9, among
# pages of paper. They repeat the novelty and the provisions as bullets, which would be read as
# more of each. (A paper page turned for a wide table is A4 or Letter landscape: 1.41, 1.29.)
_SLIDE_SHAPES = (4 / 3, 16 / 10, 16 / 9)


def _slides_among_pages(sizes: list[tuple[float, float]]) -> list[bool]:
    """Which pages are slides: of a screen's shape, in a file that also has a portrait page."""
    if not any(h > w for w, h in sizes):
        return [False] * len(sizes)
    return [h > 0 and any(abs(w / h - shape) < 0.01 for shape in _SLIDE_SHAPES) for w, h in sizes]


def _plagiarism_report(page: str) -> bool:
    # (three of its marks, or two on a short page: an abstract that says it was checked by
    # «Антиплагиат» for borrowings is no report)
    marks = len({m.group(0).casefold() for m in _REPORT_MARKS.finditer(page)})
    return marks >= 3 or (marks == 2 and len(page.split()) < 200)


def _last_page_first_undone(pages: list[list[str]]) -> list[list[str]]:
    """A scan stacked last page first (a sheet feeder fed face up): the printed numbers count
    down through the file. Read backwards, the unnumbered title page, last in the file, comes
    first. Only a strict countdown of three numbers or more that fits the pages there are turns
    the document round: a bare number at a page's foot elsewhere leaves it as it is."""
    known = [n for n in map(imposition.printed_number, pages) if n is not None]
    if len(known) >= 3 and all(a > b for a, b in zip(known, known[1:])) and known[0] - known[-1] < len(pages):
        return pages[::-1]
    return pages


def _page_lines(page, fields: list[form_fields.Field]) -> list[list[str]]:
    """The lines of each page the sheet holds (two on an imposed sheet), in reading order, a
    blank line at each paragraph end, the form fields' values where they stand."""
    textpage = page.get_textpage()
    try:
        found = covered.covers(page, textpage)
        # (a page with text under an opaque box: its boxes as pieces that know their letters)
        rects = covered.pieces(textpage, found) if found else [
            textpage.get_rect(i) for i in range(textpage.count_rects())]
        rects = _on_the_page(rects, page.get_cropbox())
        spaced_words = _letter_spaced(textpage)
        width, height = page.get_size()
        halves = imposition.halves(rects, width, height)
        return [_lines(textpage, half, spaced_words, _fields_in(fields, half) if len(halves) > 1 else fields)
                for half in halves]
    finally:
        textpage.close()


def _on_the_page(rects: list, crop: tuple[float, float, float, float]) -> list:
    """The text a viewer shows: inside the page's crop box. A page cut from a printer's sheet
    by its crop box alone keeps, outside it, the crop marks' job line (the slug) and the edge
    of the facing page, in the text layer though nobody sees them."""
    left, bottom, right, top = crop
    return [r for r in rects if left - 1 <= (r[0] + r[2]) / 2 <= right + 1 and bottom - 1 <= (r[1] + r[3]) / 2 <= top + 1]


def _lines(textpage, rects, spaced_words: dict[str, str], fields=()) -> list[str]:
    """The lines of one page from its text boxes (left, bottom, right, top) and its form
    fields' values."""
    filled: set[int] = set()
    # [bottom, top, left, right, text, first letter's style, last letter's style, last letter's index,
    #  the pieces joined into the line as (left, right, text)]
    boxes: list[list] = []
    trailing = False
    for rect in rects:
        left, bottom, right, top = rect[:4]
        piece = len(rect) > 4
        if piece:
            # a piece of a page with covered letters (covered.py): its own letters, by index,
            # since reading by bounds would take the letters under the box too
            start, end = rect[4], rect[5]
            raw = textpage.get_text_range(start, end - start + 1).replace("\x02", "-")
        else:
            # PDFium writes a hyphen it takes for a line-end hyphenation as \x02.
            raw = textpage.get_text_bounded(left, bottom, right, top).replace("\x02", "-")
            start = textpage.get_index(left + 0.5, (bottom + top) / 2, 2, 2)
            end = textpage.get_index(right - 0.5, (bottom + top) / 2, 2, 2)
        if start is not None and end is not None and not piece:
            # An italic letter's box reaches over the next one's left edge (the "f" of "for"):
            # the letter found at a box's edge may be the neighbour's, not the box's own
            while start < end and textpage.get_charbox(start)[0] < left - 0.25:
                start += 1
            while end > start and textpage.get_charbox(end)[2] > right + 0.25:
                end -= 1
        if not piece and start is not None and end is not None and 0 <= end - start < len(raw.strip()) - 1:
            # A box that holds fewer letters than the text inside its bounds: the letters of a
            # neighbour reach into it (a glyph set on its own, its box wider than its advance:
            # the "j" under the "a" of "major" read twice, "maj ajor"): its own letters only,
            # and the space PDFium generates after them
            own = textpage.get_text_range(start, end - start + 1)
            raw = own + (" " if textpage.get_text_range(end + 1, 1).isspace() else "")
        if fields and "__" in raw and start is not None:
            raw = _fill_blanks(textpage, start, right, raw, fields, filled)
        text = " ".join(raw.split())
        if not text:
            continue
        # A space the piece itself holds at its edge is a word space, however close the next
        # piece is set: a run-in bold heading and the regular text after it ("…исследования. |
        # Обретение") can touch.
        spaced, trailing = trailing or raw[:1].isspace(), raw[-1:].isspace()
        first = _style(textpage, left + 0.5, (bottom + top) / 2, +1)
        last = _style(textpage, right - 0.5, (bottom + top) / 2, -1)
        if boxes and not _drop_cap_beside(boxes[-1], text, bottom, top) and (
                _same_line(boxes[-1], bottom, top) or _trailing_mark(boxes[-1], left, bottom, top, text)):
            # A list number set apart by a tab, or a hyphen: pieces of one line.
            box = boxes[-1]
            # Pieces that touch are one word: a writer breaks text objects inside words at
            # its possible hyphenation points (soft hyphens), with no space between them;
            # a word space is about half a letter wide.
            per_char = (box[3] - box[2]) / max(1, len(box[4]))
            # A bold heading set wider is cut inside words too ("Жаңа|шылдығы"): the next
            # letter in PDFium's own text order, with no space (not even one PDFium
            # generates) between, is the same word whatever the gap.
            # (and a letter whose box reaches back into the one before, set on its own, "a" ⏎ "j")
            touching = left >= box[3] - per_char and (left - box[3] < 0.3 * per_char or (
                box[7] is not None and start is not None and start == box[7] + 1
                and textpage.get_text_range(box[7], 2)[-1:].isalpha()))
            # (after a value typed on a covering box, narrower than the one under it, the
            # comma that followed the old value stands off: still no space before it)
            glue = "" if text == "-" or box[4].endswith(" ") or (touching and not spaced) or (
                piece and not spaced and text[:1] in ",.;:)»") else " "
            if left >= box[2]:
                box[4], box[6], box[7] = box[4] + glue + text, last or box[6], end
            else:
                box[4], box[5] = text + " " + box[4], first or box[5]
            box[0], box[1] = min(box[0], bottom), max(box[1], top)
            box[2], box[3] = min(box[2], left), max(box[3], right)
            box[8].append((left, right, text))
        else:
            boxes.append([bottom, top, left, right, text, first, last, end, [(left, right, text)]])
    boxes = _drop_caps(_top_down(boxes))
    for i, field in enumerate(fields):
        if i not in filled:
            _place(boxes, field)
    boxes = _columns_in_order(_without_line_numbers(boxes))
    for box in boxes:
        for spaced, joined in spaced_words.items():
            # One spaced word is a heading only alone on its line; in a sentence it may be
            # letters meant one by one ("the sets A B C D").
            if " " in joined or box[4] == spaced:
                box[4] = box[4].replace(spaced, joined)
    steps = [a[0] - b[0] for a, b in zip(boxes, boxes[1:]) if a[0] > b[0]]
    pitch = statistics.median(steps) if steps else 0
    lines = []
    for i, box in enumerate(boxes):
        if i and (_ends_short(boxes[i - 1], box, _margin(boxes[i - 1], boxes))
                  or (pitch and boxes[i - 1][0] - box[0] > pitch * _PARAGRAPH_GAP)
                  or _new_style(boxes[i - 1][6], box[5])):
            lines.append("")
        lines.append(box[4])
    return lines


# Capitals set apart by spaces, one letter at a time («З Е Р Т Т Е У Д І Ң  М І Н Д Е Т Т Е Р І»):
# a letter-spaced heading. Four letters at least: "A B testing" is text.
_LETTER_SPACED = re.compile(r"(?<!\S)(?:[^\W\d_a-zа-яёәғқңөұүһі] +){3,}[^\W\d_a-zа-яёәғқңөұүһі](?!\S)")
# A gap this much wider than the run's usual one between letters is a gap between words.
_WORD_GAP = 1.35


def _letter_spaced(textpage) -> dict[str, str]:
    """Each letter-spaced run of capitals on the page (its letters one space apart, as the line's
    text gives them) → its words written whole. The text has a space after every letter; only
    the page shows where a word ends, by a wider gap."""
    n = textpage.count_chars()
    text = textpage.get_text_range(0, n) if n else ""
    out = {}
    for m in _LETTER_SPACED.finditer(text):
        at = [m.start() + k for k, c in enumerate(m.group()) if not c.isspace()]
        boxes = [textpage.get_charbox(i) for i in at]
        gaps = [b[0] - a[2] for a, b in zip(boxes, boxes[1:])]
        usual = statistics.median(gaps)
        words, word = [], text[at[0]]
        for i, gap in zip(at[1:], gaps):
            if gap > usual * _WORD_GAP:
                words.append(word)
                word = ""
            word += text[i]
        out[" ".join(text[i] for i in at)] = " ".join(words + [word])
    return out


def _fields_in(fields: list[form_fields.Field], rects) -> list[form_fields.Field]:
    """The fields on one half of an imposed sheet: those within its text's width."""
    if not rects:
        return []
    left, right = min(r[0] for r in rects), max(r[2] for r in rects)
    return [f for f in fields if left - 1 <= (f.left + f.right) / 2 <= right + 1]


def _fill_blanks(textpage, start: int, right: float, raw: str, fields, filled: set[int]) -> str:
    """A piece whose underscores (the blank a form leaves to fill, «УДК ______») lie under a
    field: the field's value in place of the blank, once (a title over three blank lines is
    written on the first). The piece runs from its first letter to its box's right edge (an
    underscore is too thin a box for PDFium to find the last letter by its point)."""
    out, changed = [], False
    for k in range(start, textpage.count_chars()):
        char = textpage.get_text_range(k, 1)
        box = textpage.get_charbox(k)
        if char in "\r\n" or box[0] > right + 0.5:
            break
        x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        under = None if char != "_" else next(
            (i for i, f in enumerate(fields) if f.left - 1 <= x <= f.right + 1 and f.bottom - 3 <= y <= f.top + 3), None)
        if under is None:
            out.append(char)
            continue
        changed = True
        if under not in filled:
            filled.add(under)
            out.append(" " + fields[under].text + " ")
    return "".join(out) + (" " if raw[-1:].isspace() else "") if changed else raw


def _place(boxes: list[list], field: form_fields.Field) -> None:
    """A field over no blank (a framed box) as a line of its own where it stands on the page,
    among lines read from the top."""
    at = next((i for i, box in enumerate(boxes) if box[1] < (field.bottom + field.top) / 2), len(boxes))
    boxes.insert(at, [field.bottom, field.top, field.left, field.right, field.text, None, None, None,
                      [(field.left, field.right, field.text)]])


# A drop cap is this many times as tall as a line at least (two lines or more).
_DROP_CAP_LINES = 1.8


def _drop_cap_beside(box, text: str, bottom: float, top: float) -> bool:
    """A drop cap and the line beside it, whichever comes first: two boxes (_drop_caps joins them)."""
    def cap(t: str, height: float, other: float) -> bool:
        return len(t) == 1 and t.isupper() and height >= _DROP_CAP_LINES * other
    return cap(text, top - bottom, box[1] - box[0]) or cap(box[4], box[1] - box[0], top - bottom)


def _drop_caps(boxes: list[list]) -> list[list]:
    """A paragraph's first letter set as a drop cap, two or three lines high beside the lines it
    opens («Т» beside «еоретической основой работы …»): a box of one capital letter of its own,
    which PDFium reads where its writer drew it (often after the paragraph), leaving the word
    without its letter and the heading words of a run-in heading unread («оложения, выносимые на
    защиту»). The letter goes back before the highest line that starts in lower case just right of
    it, level with its top."""
    heights = [b[1] - b[0] for b in boxes if len(b[4]) > 3]
    if not heights:
        return boxes
    line = statistics.median(heights)
    caps = [b for b in boxes if len(b[4]) == 1 and b[4].isupper() and b[1] - b[0] >= _DROP_CAP_LINES * line]
    dropped = set()
    for cap in caps:
        beside = [b for b in boxes if b is not cap and b[4][:1].islower()
                  and cap[3] - 2 <= b[2] <= cap[3] + 2 * line and cap[1] - 1.5 * line <= b[1] <= cap[1] + 0.5 * line]
        if beside:
            first = max(beside, key=lambda b: b[1])
            first[4], first[2] = cap[4] + first[4], cap[2]
            first[8].insert(0, (cap[2], cap[3], cap[4]))
            dropped.add(id(cap))
    return [b for b in boxes if id(b) not in dropped] if dropped else boxes


def _top_down(boxes: list[list]) -> list[list]:
    """The page's lines from its top, where its writer wrote them from the bottom up (a page's
    objects written in reverse, as some report engines and PDF editors that re-save a page do):
    PDFium keeps the order of the content stream, and the text would read backwards."""
    moves = [b[0] - a[0] for a, b in zip(boxes, boxes[1:])]
    up, down = sum(1 for m in moves if m > 1), sum(1 for m in moves if m < -1)
    return boxes[::-1] if up >= 3 and up > 4 * down else boxes


_LINE_NUMBER = re.compile(r"\d{1,4}")


def _without_line_numbers(boxes: list[list]) -> list[list]:
    """The page less a manuscript's line numbers: bare numbers in the margin beside the text
    (left of where its lines start, or right of where they end), counting up the page by one
    step («5», «10», «15» …, or every line). PDFium reads them as lines of their own, all in a
    run before the text or between its paragraphs; kept, they would stand in the title page
    and the abstract as numbers."""
    numbers = [b for b in boxes if _LINE_NUMBER.fullmatch(b[4])]
    text = [b for b in boxes if not _LINE_NUMBER.fullmatch(b[4])]
    if len(numbers) < 3 or not text:
        return boxes
    left = min(b[2] for b in text)
    right = max(b[3] for b in text)
    dropped: set[int] = set()
    for side in ([b for b in numbers if b[3] <= left + 0.5], [b for b in numbers if b[2] >= right - 0.5]):
        down = sorted(side, key=lambda b: -b[1])
        values = [int(b[4]) for b in down]
        steps = {b - a for a, b in zip(values, values[1:])}
        if len(down) >= 3 and len(steps) == 1 and steps.pop() > 0:
            dropped |= {id(b) for b in down}
    return [b for b in boxes if id(b) not in dropped] if dropped else boxes


def _columns_in_order(boxes: list[list]) -> list[list]:
    """A table of two columns whose cells span several lines is read by PDFium row by row, a
    left cell's lines and then the right one's, back up the page. Such a run of lines (each in
    one of two columns with a gap between them, the text going back up at least once) is read
    column by column, each under its own half of the header line above it ("Scientific
    novelty | Provisions for the defence")."""
    out: list[list] = []
    i = 0
    while i < len(boxes):
        found = _table_at(boxes, i)
        if found is None:
            out.append(boxes[i])
            i += 1
            continue
        j, gap = found
        left = [b for b in boxes[i:j] if b[3] <= gap]
        right = [b for b in boxes[i:j] if b[2] >= gap]
        header = _split_at(out[-1], gap) if out else None
        if header is not None:
            out[-1] = header[0]
            right = [header[1]] + right
        out += left + right
        i = j
    return out


def _table_at(boxes: list[list], i: int) -> tuple[int, float] | None:
    """The end of the longest two-column run of lines starting at `i`, and the x between its
    columns; None when none starts there."""
    best = None
    for j in range(i + 2, len(boxes) + 1):
        columns = _columns(boxes[i:j])
        if len(columns) > 2:
            break
        if len(columns) < 2:
            continue
        gap = (columns[0][1] + columns[1][0]) / 2
        run = boxes[i:j]
        left = [b for b in run if b[3] <= gap]
        right = [b for b in run if b[2] >= gap]
        # The run ends with the table: a line below every line of the other column is the
        # text after it ("Approbation" under the table's last row).
        last = run[-1]
        other = right if last[3] <= gap else left
        below = last[1] < min(b[0] for b in other)
        if not below and len(left) >= 2 and len(right) >= 2 and any(b[0] > a[1] for a, b in zip(run, run[1:])):
            best = (j, gap)
    return best


def _columns(run: list[list]) -> list[list[float]]:
    """The x-extents the lines of `run` stand in, overlapping ones merged."""
    merged: list[list[float]] = []
    for left, right in sorted((b[2], b[3]) for b in run):
        if merged and left <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], right)
        else:
            merged.append([left, right])
    return merged


def _split_at(box: list, gap: float) -> tuple[list, list] | None:
    """A line made of pieces on both sides of `gap` (a table's header row) as two lines."""
    left = [p for p in box[8] if p[1] <= gap]
    right = [p for p in box[8] if p[0] >= gap]
    if not left or not right or len(left) + len(right) != len(box[8]):
        return None
    def line(pieces):
        return [box[0], box[1], min(p[0] for p in pieces), max(p[1] for p in pieces),
                " ".join(p[2] for p in sorted(pieces)), box[5], box[6], box[7], pieces]
    return line(left), line(right)


def _style(textpage, x: float, y: float, step: int) -> tuple | None:
    """Font and size of the letter nearest the line's start (step +1) or end (step -1):
    letters, because a superscript note number or a bracket is set smaller or plainer."""
    import pypdfium2.raw as pdfium_c
    index = textpage.get_index(x, y, 4, 4)
    if index is None or index < 0:
        return None
    for i in range(index, index + 12 * step, step):
        if i < 0 or i >= textpage.count_chars():
            break
        if chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)).isalpha():
            flags = ctypes.c_int()
            n = pdfium_c.FPDFText_GetFontInfo(textpage.raw, i, None, 0, ctypes.byref(flags))
            name = ctypes.create_string_buffer(max(1, n))
            pdfium_c.FPDFText_GetFontInfo(textpage.raw, i, name, n, ctypes.byref(flags))
            return name.value, round(pdfium_c.FPDFText_GetFontSize(textpage.raw, i) * 2) / 2
    return None


def _new_style(last, first) -> bool:
    """A line ending in one font and the next beginning in another (a heading's bold, a
    larger size) is a paragraph end; a run-in bold heading starts its line and ends nowhere."""
    return bool(last and first) and last != first


def _margin(box, boxes) -> float:
    """The right edge of the text column the line stands in: where most lines that share its
    horizontal extent end (a page's in one-column text, a column's in two; a centred heading
    across both columns is one line among many and does not move it)."""
    rights = sorted(b[3] for b in boxes if b[2] < box[3] and b[3] > box[2])
    return rights[int(0.9 * (len(rights) - 1))]


def _ends_short(box, following, margin: float) -> bool:
    """The author broke this line: the next line's first word would have fitted before the
    right margin (its width estimated from the next line's average character width: a bold
    heading's letters are wider than the text's after it)."""
    if box[4].endswith("-"):
        return False
    per_char = (following[3] - following[2]) / max(1, len(following[4]))
    word = len(following[4].split(" ", 1)[0])
    return box[3] + per_char * (word + 1) < margin - per_char


def _trailing_mark(box, left: float, bottom: float, top: float, text: str) -> bool:
    """A comma or a full stop set on its own right after a line's last letter: its box, a few
    points tall and low on the line, overlaps the letters' by too little for _same_line."""
    height = box[1] - box[0]
    return text in (",", ".", ";", ":") and 0 <= left - box[3] + 1 < height and top > box[0] and bottom < box[1] \
        and top - bottom < 0.8 * height


def _same_line(box, bottom: float, top: float) -> bool:
    overlap = min(box[1], top) - max(box[0], bottom)
    return overlap > 0.5 * min(box[1] - box[0], top - bottom)
