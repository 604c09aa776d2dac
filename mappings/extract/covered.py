"""Text a page paints over: letters in the text layer that an opaque box drawn after them hides.

A PDF corrected in an online editor (Sejda's or Smallpdf's "Whiteout", a white rectangle with
the new value typed on top) or blacked out with a rectangle tool keeps the old letters in its
text layer; a viewer shows the box, a text extractor reads both ("41 работа 43 работы"). What
a reader of the page sees is what counts: a letter is covered when a filled, fully opaque path
drawn later in the page's painting order holds its whole box. Strike-through and underline
rules are too thin to hold a letter, cell shading and highlighting are drawn before their
text, and pictures (a scan over its own OCR layer) are no paths, so none of them hides text.

PDFium keeps the painting order as the order of a page's objects, and tells which object each
letter of the text page came from (FPDFText_GetTextObject): the two together give the answer,
which pdfplumber and pdfminer, losing the order between object types, cannot.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

# A box hiding more of the page's letters than this share is no correction but a page drawn
# oddly (a background painted last, under a blend mode PDFium does not report): keep the text.
_MOST_OF_THE_PAGE = 0.5
# No box lower or narrower than this (points) holds a letter of text.
_LETTER = 3.0
# Letters' boxes may reach a hair outside the box meant to cover them.
_SLACK = 0.5


@dataclass
class Cover:
    """An opaque box and the text-page indices of the letters under it."""
    left: float
    bottom: float
    right: float
    top: float
    hidden: list[int] = field(default_factory=list)

    def holds(self, left: float, bottom: float, right: float, top: float, slack: float = _SLACK) -> bool:
        return (self.left - slack <= left and right <= self.right + slack
                and self.bottom - slack <= bottom and top <= self.top + slack)

    def holds_centre(self, piece) -> bool:
        x, y = (piece[0] + piece[2]) / 2, (piece[1] + piece[3]) / 2
        return self.left <= x <= self.right and self.bottom <= y <= self.top


def covers(page, textpage) -> list[Cover]:
    """The page's opaque boxes that hide letters, each with the text-page indices it hides."""
    import pypdfium2.raw as raw
    if not hasattr(raw, "FPDFText_GetTextObject"):   # an older PDFium: read the page as it is
        return []
    # (a first look at the page's own objects with PDFium's calls alone: most pages have no
    # box, and wrapping every object in Python costs a tenth of reading the page)
    top_level = [raw.FPDFPage_GetObject(page.raw, i) for i in range(raw.FPDFPage_CountObjects(page.raw))]
    if not any(raw.FPDFPageObj_GetType(h) == raw.FPDF_PAGEOBJ_PATH and _box(h) for h in top_level):
        return []
    order: dict[int, int] = {}
    boxes: list[tuple[int, Cover]] = []
    for n, obj in enumerate(page.get_objects()):
        order[ctypes.cast(obj.raw, ctypes.c_void_p).value] = n
        if obj.level == 0 and obj.type == raw.FPDF_PAGEOBJ_PATH and (cover := _box(obj.raw)):
            boxes.append((n, cover))
    count = textpage.count_chars()
    latest = max(n for n, _cover in boxes)
    for i in range(count):
        handle = ctypes.cast(raw.FPDFText_GetTextObject(textpage.raw, i), ctypes.c_void_p).value
        n = order.get(handle)
        if n is None or n > latest or textpage.get_text_range(i, 1).isspace():
            continue
        box = textpage.get_charbox(i)
        for m, cover in boxes:
            if m > n and cover.holds(*box):
                cover.hidden.append(i)
                break
    found = [cover for _n, cover in boxes if cover.hidden]
    if sum(len(c.hidden) for c in found) > _MOST_OF_THE_PAGE * count:
        return []
    return found


def pieces(textpage, found: list[Cover]) -> list[tuple]:
    """The page's text boxes without the covered letters, as (left, bottom, right, top, first
    index, last index): a line a box cuts becomes the pieces either side of it, and the text
    typed on a box is read between them, where the page shows it (PDFium reads it last, after
    the page number). Letters are assigned to the boxes PDFium gives each run of visible
    letters; a box's letters are consecutive in the text page."""
    hidden = {i for cover in found for i in cover.hidden}
    count = textpage.count_chars()
    runs, start = [], None
    for i in range(count + 1):
        if i < count and i not in hidden:
            start = i if start is None else start
        elif start is not None:
            runs.append((start, i - 1))
            start = None
    out: list[tuple] = []
    for first, last in runs:
        rects = [textpage.get_rect(k) for k in range(textpage.count_rects(first, last - first + 1))]
        spans: dict[int, list[int]] = {}
        for i in range(first, last + 1):
            left, bottom, right, top = textpage.get_charbox(i)
            x, y = (left + right) / 2, (bottom + top) / 2
            for k, (l, b, r, t) in enumerate(rects):
                if l - _SLACK <= x <= r + _SLACK and b - _SLACK <= y <= t + _SLACK:
                    spans.setdefault(k, []).append(i)
                    break
        for k, rect in enumerate(rects):
            if k in spans:
                lo, hi = min(spans[k]), max(spans[k])
                # (without the line break PDFium writes after an object: no word space)
                while hi > lo and textpage.get_text_range(hi, 1) in ("\r", "\n"):
                    hi -= 1
                out.append((*rect, lo, hi))
    typed = {id(c): [p for p in out if c.holds_centre(p)] for c in found}
    placed = {id(p) for group in typed.values() for p in group}
    ordered = [p for p in out if id(p) not in placed]
    for cover in sorted(found, key=lambda c: -min(c.hidden)):
        before = [n for n, p in enumerate(ordered) if p[5] < min(cover.hidden)]
        at = before[-1] + 1 if before else 0
        ordered[at:at] = typed[id(cover)]
    return ordered


def _bounds(handle) -> tuple[float, float, float, float]:
    # (pypdfium2 4 calls it get_pos, 5 get_bounds: the PDFium call is the same)
    import pypdfium2.raw as raw
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    raw.FPDFPageObj_GetBounds(handle, left, bottom, right, top)
    return left.value, bottom.value, right.value, top.value


def _box(handle) -> Cover | None:
    """The object as a box that can hide letters: filled opaque, and no thinner than a letter
    (rules, borders and underlines are not looked at)."""
    if not _opaque_fill(handle):
        return None
    cover = Cover(*_bounds(handle))
    return cover if cover.top - cover.bottom >= _LETTER and cover.right - cover.left >= _LETTER else None


def _opaque_fill(handle) -> bool:
    import pypdfium2.raw as raw
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(handle, mode, stroke) or mode.value == raw.FPDF_FILLMODE_NONE:
        return False
    if raw.FPDFPageObj_HasTransparency(handle):
        return False
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    return bool(raw.FPDFPageObj_GetFillColor(handle, r, g, b, a)) and a.value == 255
