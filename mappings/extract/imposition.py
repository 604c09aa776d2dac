"""Booklet pages imposed two to a sheet: a landscape sheet holding two portrait pages side by side
(an A5 autoreferat printed two-up on A4, a saddle-stitched booklet) is read as two pages, left
then right, and a booklet's sheets in printer's order (12│1, 2│11, 10│3 …) are put back in the
order of their printed page numbers.

Read as one page, a sheet's two running headers and the left page's number stand in the middle
of its text, where nothing takes them for page furniture, and a two-column reading of the lines
can interleave the pages. Told apart from a landscape page set in two columns by its gutter: two
pages side by side leave a margin on each side of the fold (each page's inner margin), whereas
columns stand a narrow gap apart inside one page's margins.
"""
from __future__ import annotations

import re

# A sheet this much wider than tall can hold two portrait pages.
_LANDSCAPE = 1.2
# Each page's text stands off the fold by at least this share of its outer margin (mirror
# margins make the inner one narrower, but never as narrow as a column gap).
_INNER_MARGIN = 0.4
# A printed page number standing alone: "7", "– 7 –".
_PAGE_NUMBER = re.compile(r"[-–—]?\s*(\d{1,4})\s*[-–—]?")


def halves(rects: list[tuple[float, float, float, float]], width: float,
           height: float) -> list[list[tuple[float, float, float, float]]]:
    """The sheet's text boxes (left, bottom, right, top) split into the pages it holds: two
    (left page, right page) on a two-up sheet, one otherwise."""
    if width < height * _LANDSCAPE or not rects:
        return [rects]
    fold = width / 2
    left = [r for r in rects if r[2] <= fold]
    right = [r for r in rects if r[0] >= fold]
    if len(left) + len(right) != len(rects):
        return [rects]   # a line runs across the middle: one page
    for side, outer, inner in ((left, lambda r: r[0], lambda r: fold - r[2]),
                               (right, lambda r: width - r[2], lambda r: r[0] - fold)):
        if not side:
            continue
        outer_margin = min(outer(r) for r in side)
        inner_margin = min(inner(r) for r in side)
        if outer_margin <= 0 or inner_margin < _INNER_MARGIN * outer_margin:
            return [rects]
    return [left, right]


def printed_number(lines: list[str]) -> int | None:
    """The page number printed at the page's foot or head, if it has one."""
    filled = [line for line in lines if line.strip()]
    for line in (filled[-1:] + filled[:1]) if filled else []:
        m = _PAGE_NUMBER.fullmatch(line.strip())
        if m:
            return int(m.group(1))
    return None


def in_reading_order(pages: list[list[str]]) -> list[list[str]]:
    """Pages cut from imposed sheets in the order of their printed numbers. A page without a
    number (the title page, a blank) keeps its place after the page read before it. Left as
    they are unless the numbers are distinct and fit the pages there are: a stray bare number
    at a page's foot must not shuffle a document."""
    numbers = [printed_number(page) for page in pages]
    known = [n for n in numbers if n is not None]
    if len(known) < 3 or len(set(known)) != len(known) or known == sorted(known) \
            or max(known) - min(known) + 1 > len(pages):
        return pages
    anchors = []
    last = float("-inf")
    for n in numbers:
        last = n if n is not None else last
        anchors.append(last)
    # an unnumbered page sorts just after the numbered page it followed, before the next one
    order = sorted(range(len(pages)), key=lambda i: (anchors[i], numbers[i] is None, i))
    return [pages[i] for i in order]
