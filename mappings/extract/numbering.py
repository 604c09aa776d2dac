"""Word's automatic numbering, rendered as the reader sees it ("1)", "2.", "а)", "•").

Word keeps list numbers out of the text: a paragraph only points (w:numPr, directly or through
its style) at a definition in numbering.xml, and the number is counted at display time. Neither
python-docx (no numbers at all) nor docx2python (which prints every decimal list as "1)",
whatever the w:lvlText says) renders them as written, so the counting is done here, following
ECMA-376 §17.9: counters per abstract numbering, w:start / w:startOverride, lower levels restart
when a higher one advances, w:lvlText with %1…%9 placeholders.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from docx.oxml.ns import qn

_RUSSIAN = "абвгдежзиклмнопрстуфхцчшщэюя"


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int, alphabet: str) -> str:
    # Word's letter lists go a … z, aa … zz: the letter repeats.
    return alphabet[(n - 1) % len(alphabet)] * ((n - 1) // len(alphabet) + 1)


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerRoman", "upperRoman"):
        r = _roman(n)
        return r.upper() if fmt == "upperRoman" else r
    if fmt in ("lowerLetter", "upperLetter"):
        s = _letters(n, "abcdefghijklmnopqrstuvwxyz")
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("russianLower", "russianUpper"):
        s = _letters(n, _RUSSIAN)
        return s.upper() if fmt == "russianUpper" else s
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _val(el, tag: str) -> str | None:
    child = el.find(qn(tag)) if el is not None else None
    return child.get(qn("w:val")) if child is not None else None


class Numbering:
    """Counts the numbered paragraphs of one document in reading order."""

    def __init__(self, document):
        self._levels: dict[str, dict[int, _Level]] = {}   # abstractNumId → ilvl → level
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}   # numId → (abstractNumId, start overrides)
        self._counters: dict[str, dict[int, int]] = {}
        self._overridden: set[str] = set()
        # The levels of a list that number headings (abstractNumId, ilvl): an item's number
        # shown under them ("3.1." under heading "3.") carries the heading's place.
        self._heading_levels: set[tuple[str, int]] = set()
        self._styles = document.styles
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        for a in root.iterfind(qn("w:abstractNum")):
            levels = {}
            for lvl in a.iterfind(qn("w:lvl")):
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = _Level(
                    _val(lvl, "w:numFmt") or "decimal", _val(lvl, "w:lvlText") or "",
                    int(_val(lvl, "w:start") or 1))
            self._levels[a.get(qn("w:abstractNumId"))] = levels
        for num in root.iterfind(qn("w:num")):
            overrides = {}
            for o in num.iterfind(qn("w:lvlOverride")):
                start = _val(o, "w:startOverride")
                if start is not None:
                    overrides[int(o.get(qn("w:ilvl"), "0"))] = int(start)
            self._nums[num.get(qn("w:numId"))] = (_val(num, "w:abstractNumId"), overrides)

    def _num_pr(self, paragraph) -> tuple[str, int] | None:
        ppr = paragraph._p.pPr
        num_pr = ppr.numPr if ppr is not None else None
        style = paragraph.style
        while num_pr is None and style is not None:
            sppr = style.element.pPr
            num_pr = sppr.numPr if sppr is not None else None
            style = style.base_style
        if num_pr is None or num_pr.numId is None:
            return None
        ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        return str(num_pr.numId.val), int(ilvl)

    def marker(self, paragraph, heading: bool = False) -> str:
        """The paragraph's list marker as displayed ("1)", "ә)", "•"), or "" when unnumbered.

        One multilevel list may number the headings (level 1, "3.") and the items under them
        (level 2, "3.1.", "3.2."): the heading's part of an item's number is the section's place,
        not the item's, so the item reads "1.", "2." as a list of its own under its heading would
        (kept, "3.1." is no list marker to the lists reader and stays in the item's text)."""
        found = self._num_pr(paragraph)
        if not found or found[0] not in self._nums:
            return ""
        num_id, ilvl = found
        abstract_id, overrides = self._nums[num_id]
        levels = self._levels.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self._counters.setdefault(abstract_id, {})
        if (num_id, ilvl) not in self._overridden and ilvl in overrides:
            self._overridden.add((num_id, ilvl))
            counters[ilvl] = overrides[ilvl] - 1
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt in ("bullet", "none"):
            # A reader sees a bullet whatever the glyph (■, ➢, a Symbol-font private-use code
            # point): the lists know "•", and a glyph they do not know became the item's first word.
            return "" if level.fmt == "none" else "•"
        if heading:
            self._heading_levels.add((abstract_id, ilvl))
        out = level.text
        if not heading:
            for k in range(1, 10):
                if k - 1 != ilvl and (abstract_id, k - 1) in self._heading_levels and f"%{k}" in out:
                    out = re.sub(rf"%{k}[^%]*(?=%)", "", out, count=1)
        for k in range(9, 0, -1):
            if f"%{k}" in out:
                lvl = levels.get(k - 1, _Level())
                n = counters.get(k - 1, lvl.start)
                out = out.replace(f"%{k}", _format(n, lvl.fmt))
        return out
