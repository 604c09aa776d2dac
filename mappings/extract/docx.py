"""Word (.docx) → text: one line per paragraph, list numbers as displayed, body only.

Headers, footers and footnotes are left out (they are not the abstract's text); a heading
(a Heading or Title style) is its own paragraph and so its own line, as in any Word file.
"""
from __future__ import annotations

import io
import re
import zipfile
from importlib.metadata import version

from docx.oxml.ns import qn

from ..errors import MappingError
from . import MEDIA_TYPES, Extracted
from .numbering import Numbering


# The paragraph's visible text in order: runs anywhere below it (inside hyperlinks, content
# controls, tracked insertions) but not text moved away; deleted text is w:delText, never w:t.
# python-docx's Paragraph.text reads only direct runs and hyperlinks, so a tracked insertion
# would be lost.
# A w:tab under w:pPr is a tab stop's definition, not a tab in the text.
# A field shows its result (the runs between its separate and end marks), never its code; a
# MACROBUTTON field has no result and shows the display text of its code ("MACROBUTTON NoMacro
# Scientific novelty": a template's click-here heading, which python-docx reads as empty).
# Hidden text (w:vanish on the run, as Word keeps an earlier version's sentence out of view) is
# not shown on the page or printed: a reader never sees it, so it is no part of the text.
_VANISH = "w:rPr/w:vanish[not(@w:val='0' or @w:val='false' or @w:val='off')]"
# A non-breaking hyphen is an element of its own (w:noBreakHyphen: «пациент‑центрированный»),
# printed as a hyphen; an optional hyphen (w:softHyphen) is printed only where a line breaks.
_TEXT = ("./descendant::*[self::w:t or self::w:tab or self::w:br or self::w:cr or self::w:noBreakHyphen"
         " or self::w:fldChar or self::w:instrText or self::w:fldSimple]"
         "[not(ancestor::w:moveFrom)]"
         f"[not(ancestor::w:pPr)][not(ancestor::w:r[1]/{_VANISH})]")


_MACROBUTTON = re.compile(r"\s*MACROBUTTON\s+\S+\s+(.*?)\s*$", re.S)


def _text(p) -> str:
    parts = []
    leader = " ........ " if _has_leader(p) else " "
    caps = _Caps(p)
    elements = p._p.xpath(_TEXT)
    # Small capitals (w:smallCaps) print lower-case letters as capitals of a smaller size: a
    # paragraph set wholly in them («зерттеудің ғылыми жаңалығы» typed, «ЗЕРТТЕУДІҢ ҒЫЛЫМИ
    # ЖАҢАЛЫҒЫ» on the page) is a heading in capitals to a reader. Only the whole paragraph:
    # a surname in small capitals inside a sentence stays as typed, as it reads as a name.
    lettered = [el for el in elements if el.tag.endswith("}t") and any(c.isalpha() for c in el.text or "")]
    small = bool(lettered) and all(caps.shown(el, "x", "w:smallCaps") == "X" for el in lettered)
    fields: list[list] = []      # the open fields: [code so far, whether the result has begun]
    for el in elements:
        if el.tag.endswith("}fldChar"):
            kind = el.get(qn("w:fldCharType"))
            if kind == "begin":
                fields.append(["", False])
            elif kind == "separate" and fields:
                fields[-1][1] = True
            elif kind == "end" and fields:
                code, shown = fields.pop()
                button = _MACROBUTTON.match(code)
                if button and not shown:
                    parts.append(button.group(1))
            continue
        if el.tag.endswith("}fldSimple"):
            # (a simple field's result is its runs, read as any run; with none, a button's text)
            button = _MACROBUTTON.match(el.get(qn("w:instr")) or "")
            if button and not el.xpath("./descendant::w:t"):
                parts.append(button.group(1))
            continue
        if el.tag.endswith("}instrText"):
            if fields and not fields[-1][1]:
                fields[-1][0] += el.text or ""
            continue
        if el.tag.endswith("}t"):
            shown = caps.shown(el, el.text or "")
            parts.append(shown.upper() if small else shown)
        elif el.tag.endswith("}noBreakHyphen"):
            parts.append("-")
        else:
            parts.append(leader if el.tag.endswith("}tab") else " ")
    return "".join(parts)


def _on(el) -> bool | None:
    """A toggle property's value (w:caps, w:b …): None when it is not set here."""
    if el is None:
        return None
    return el.get(qn("w:val")) not in ("0", "false", "off")


class _Caps:
    """Whether a run is shown in capitals (w:caps on the run, its character style or the
    paragraph's style): Word then prints «зерттеудің мақсаты» as «ЗЕРТТЕУДІҢ МАҚСАТЫ», and
    the page, not the typed letters, is what a reader and the section reader go by (a heading
    typed in lower case would read as the middle of a sentence)."""

    def __init__(self, p):
        self._styles = p.part.styles.element
        ppr = p._p.pPr
        self._paragraph_style = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None

    def _style_caps(self, style_id, tag: str) -> bool | None:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self._styles.get_by_id(style_id)
            if style is None:
                return None
            found = _on(style.rPr.find(qn(tag))) if style.rPr is not None else None
            if found is not None:
                return found
            style_id = style.basedOn_val
        return None

    def shown(self, t, text: str, tag: str = "w:caps") -> str:
        run = t.getparent()
        rpr = run.find(qn("w:rPr")) if run.tag == qn("w:r") else None
        found = _on(rpr.find(qn(tag))) if rpr is not None else None
        style = rpr.find(qn("w:rStyle")) if rpr is not None else None
        if found is None and style is not None:
            found = self._style_caps(style.get(qn("w:val")), tag)
        if found is None:
            found = self._style_caps(self._paragraph_style, tag)
        return text.upper() if found else text


def _has_leader(p) -> bool:
    """Whether the paragraph's tab stops draw a leader (a contents entry's dots to its page
    number): the tab is then shown as the dots a reader sees, not as a space."""
    from docx.enum.text import WD_TAB_LEADER
    formats = [p.paragraph_format]
    style = p.style
    while style is not None:
        formats.append(style.paragraph_format)
        style = style.base_style
    return any(stop.leader not in (None, WD_TAB_LEADER.SPACES) for f in formats for stop in f.tab_stops)


def _is_heading(p) -> bool:
    style = p.style
    while style is not None:
        if style.name and style.name.lower().startswith(("heading", "title")):
            return True
        style = style.base_style
    return False


# A section number of two levels or more typed at the start of a heading ("1.2.2 Objectives",
# "2.3 Methods"): what Word's heading numbering would display, typed by hand. Like the automatic
# number (dropped below), it is the heading's place, not its words; kept, it makes "1.2.2
# Objectives" read as a numbered line where the sections reader expects a heading ("1.2 Aim and
# objectives" above it has already named the tasks). A one-level "II." stays: a list item set
# in a heading style by mistake keeps its number.
_TYPED_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?[ \t]+(?=[^\W\d_])")
_ROW_NUMBER = re.compile(r"^(\d{1,2})([.)]?)$")
_BARE_NUMBER = re.compile(r"^[\d.,–-]{1,8}$")


def _distinct(cells) -> list:
    # A merged cell comes back once per grid column it spans: read it once.
    out = []
    for cell in cells:
        if not out or cell._tc is not out[-1]._tc:
            out.append(cell)
    return out


def _numbered_row(row) -> str:
    """A table row numbered in its first cell ("1 | To model the … | 2") as one list item,
    "1. To model the …": read cell by cell, the number, the item and the chapter number would
    be three lines, and the item no longer an item. Cells holding only numbers (a chapter, a
    page) are left out. "" for any other row."""
    cells = [" ".join(_text(p).strip() for p in cell.paragraphs).strip() for cell in _distinct(row.cells)]
    number = _ROW_NUMBER.match(cells[0]) if cells else None
    words = [c for c in cells[1:] if c and not _BARE_NUMBER.match(c)]
    if number is None or not words:
        return ""
    return f"{number.group(1)}{number.group(2) or '.'} {' – '.join(' '.join(w.split()) for w in words)}"


def _blocks(element, parent):
    """The paragraphs and tables under a body or a table cell in document order, those inside
    block-level content controls (w:sdt → w:sdtContent, as a template's locked section titles
    are) and custom XML wrappers included: python-docx's paragraphs and iter_inner_content list
    only the direct children, so a heading in a content control would be lost."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, parent)
        elif child.tag == qn("w:tbl"):
            yield Table(child, parent)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content, parent)
        elif child.tag == qn("w:customXml"):
            yield from _blocks(child, parent)


# ISO/IEC 29500 Strict (Word's "Strict Open XML Document"): the same parts under other namespace
# IRIs (http://purl.oclc.org/ooxml/…), which python-docx does not know. Each Strict namespace is
# a Transitional one renamed, so the package is read with its names mapped back (ECMA-376 Part 1,
# the namespaces table); what Strict writes differently inside an attribute (percentages, "start"
# for "left") is layout, which is not read.
_STRICT = b"http://purl.oclc.org/ooxml/"
_STRICT_TO_TRANSITIONAL = [
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    (b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/customProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/", b"http://schemas.openxmlformats.org/officeDocument/2006/"),
    (b"http://purl.oclc.org/ooxml/drawingml/", b"http://schemas.openxmlformats.org/drawingml/2006/"),
]


def _transitional(data: bytes) -> bytes:
    """A Strict package with its XML parts in Transitional namespaces; any other as it is."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if _STRICT not in package.read("_rels/.rels"):
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
                for item in package.infolist():
                    part = package.read(item)
                    if item.filename.endswith((".xml", ".rels")):
                        for strict, transitional in _STRICT_TO_TRANSITIONAL:
                            part = part.replace(strict, transitional)
                        part = part.replace(b' w:conformance="strict"', b"")
                    copy.writestr(item, part)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError):
        return data   # python-docx reports what is wrong with it


def extract(data: bytes, source: str) -> Extracted:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    try:
        document = docx.Document(io.BytesIO(_transitional(data)))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise MappingError(source, f"this is not a readable Word .docx file ({type(exc).__name__}: {exc})",
                           "open it in Word or LibreOffice and save it again as .docx (a .doc must be "
                           "converted: soffice --headless --convert-to docx FILE), or export it as .txt") from None
    except Exception as exc:  # lxml's XMLSyntaxError and kin: a damaged part inside the archive
        raise MappingError(source, f"the Word file is damaged ({type(exc).__name__}: {exc})",
                           "open it in Word or LibreOffice and save it again as .docx") from None
    numbering = Numbering(document)
    lines = []
    drop_cap = ""

    def paragraph(p) -> None:
        nonlocal drop_cap
        if p._p.xpath(f"./w:pPr/{_VANISH}") and not " ".join(_text(p).split()):
            return   # a hidden paragraph: its mark hidden and no visible text, so not even its number shows
        if p._p.xpath("./w:pPr/w:framePr[@w:dropCap='drop' or @w:dropCap='margin']"):
            # A drop cap is the next paragraph's first letter set in a frame of its own: Word
            # stores «М» and «ақта шаруашылығы …» as two paragraphs, the page shows one word.
            drop_cap += "".join(_text(p).split())
            return
        heading = _is_heading(p)
        marker = numbering.marker(p, heading=heading)
        if marker and heading:
            # A heading numbered automatically ("4. Scientific novelty", the 4 from
            # numbering.xml) is still a heading: its number would make it read as a list item.
            marker = ""
        text = drop_cap + " ".join(_text(p).split())
        drop_cap = ""
        if heading:
            text = _TYPED_SECTION_NUMBER.sub("", text, count=1)
        if text or marker:
            lines.append(f"{marker} {text}".strip() if marker else text)

    def table(t) -> None:
        for row in t.rows:
            item = _numbered_row(row)
            if item:
                lines.append(item)
                continue
            for cell in _distinct(row.cells):
                blocks(cell._tc, cell)

    def blocks(element, parent) -> None:
        for block in _blocks(element, parent):
            table(block) if isinstance(block, Table) else paragraph(block)

    blocks(document.element.body, document._body)
    if drop_cap:
        lines.append(drop_cap)
    text = "\n".join(lines)
    if not text.strip():
        raise MappingError(source, "the Word file has no text", "check that this is the abstract, not an empty template")
    # Headers and footers are not read, so a number alone on its line is a table cell's, never a page's.
    return Extracted(text, MEDIA_TYPES[".docx"], "python-docx", version("python-docx"), body_only=True)
