"""A MediaWiki page's source saved as text (a university wiki's page of a dissertation project):
its markup undone as the rendered page shows it. "== Heading ==" is a heading on its own line,
"[[Target|shown text]]" its shown text, "'''bold'''" and "''italic''" plain, "# item" a
numbered item ("1. item": left as "#", Markdown and the section reader would take it for a
heading), an infobox's "| label = value" rows "label: value" lines, as a title page's labels;
magic words (__TOC__), references and single-line templates are the wiki's, not the text.

A DokuWiki page (its headings are MediaWiki's, "====== Title ======", the top level with the most
"=") differs in the rest, and is told by its own marks: "~~NOTOC~~" macros, "{{tag>…}}" plugins,
tables of "^ header | cell |" rows, list items indented by two spaces ("  - " numbered, "  * "
bulleted: a "**bold**" word at a line's start is no item), "//italic//". A table row of a
header cell and a value is a labelled line ("Магистрант: …"), as an infobox's.

Read by hand: no wikitext parser is among the project's dependencies, and only the markup a
wiki's article page uses for prose, headings, lists and an infobox is undone.
"""
from __future__ import annotations

import re

_HEADING = re.compile(r"^(={1,6})[ \t]*(?P<text>[^=].*?)[ \t]*\1[ \t]*$")
_LINK = re.compile(r"\[\[(?:[^\[\]|]*\|)?(?P<shown>[^\[\]|]*)\]\]")
_EXTERNAL = re.compile(r"\[(?:https?|ftp)://\S+(?:[ \t]+(?P<shown>[^\]]*))?\]")
_EMPHASIS = re.compile(r"'{2,5}")
_MAGIC = re.compile(r"__[A-Z]+__")
_REF = re.compile(r"<ref[^>/]*/>|<ref[^>]*>.*?</ref>|<references\s*/>", re.S | re.I)
_TEMPLATE_LINE = re.compile(r"^\{\{[^{}]*\}\}[ \t]*$")
_INFOBOX_ROW = re.compile(r"^\|[ \t]*(?P<label>[^=|]+?)[ \t]*=[ \t]*(?P<value>.*)$")
_NUMBERED = re.compile(r"^(#+)[ \t]*(?=\S)")
_BULLETED = re.compile(r"^(\*+)[ \t]*(?=\S)")

_DOKU_MACRO = re.compile(r"~~[A-Z_]+(?::[^~]*)?~~")
_DOKU_PLUGIN = re.compile(r"\{\{(?:tag|wrap|tabinclude|pagequery|indexmenu)>")
_DOKU_ROW = re.compile(r"^[ \t]*[\^|].*[\^|][ \t]*$")
_DOKU_ITEM = re.compile(r"^(?P<indent>(?:  |\t)+)(?P<mark>[-*])[ \t]+(?=\S)")
_DOKU_ITALIC = re.compile(r"(?<![:/\w])//(?=\S)(.+?)(?<=\S)//")
_DOKU_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_DOKU_UNDERLINE = re.compile(r"__(?=\S)(.+?)(?<=\S)__")
_DOKU_FOOTNOTE = re.compile(r"\(\((.+?)\)\)")


def is_wikitext(text: str) -> bool:
    """Two "== … ==" heading lines at least: the wiki's heading syntax, which no other format
    a dissertation abstract comes in writes."""
    return sum(bool(_HEADING.match(line.strip("\r"))) for line in text.split("\n")) >= 2


def is_dokuwiki(text: str) -> bool:
    """A wiki page with two of DokuWiki's own marks: a macro, a plugin, a table row, an indented item."""
    lines = text.split("\n")
    marks = (any(_DOKU_MACRO.fullmatch(line.strip()) for line in lines), bool(_DOKU_PLUGIN.search(text)),
             sum(bool(_DOKU_ROW.match(line)) and line.strip()[:1] == "^" for line in lines) >= 1,
             sum(bool(_DOKU_ITEM.match(line)) for line in lines) >= 2)
    return sum(marks) >= 2


def text(source: str) -> str:
    """The rendered page's text of a wiki page's source; any other text as it is."""
    if not is_wikitext(source):
        return source
    if is_dokuwiki(source):
        return _dokuwiki(source)
    source = _REF.sub("", source)
    out: list[str] = []
    counter = 0
    in_box = False
    for line in source.split("\n"):
        line = line.rstrip("\r")
        if line.startswith("{{") and not _TEMPLATE_LINE.match(line):
            in_box = True
            continue
        if in_box:
            if line.strip().startswith("}}"):
                in_box = False
                continue
            row = _INFOBOX_ROW.match(line.strip())
            if row and row.group("value").strip():
                label = row.group("label").strip()
                out.append(f"{label[:1].upper()}{label[1:]}: {_inline(row.group('value'))}")
            continue
        if _TEMPLATE_LINE.match(line) or _MAGIC.fullmatch(line.strip()):
            continue
        heading = _HEADING.match(line)
        if heading:
            out += ["", _inline(heading.group("text")), ""]
            counter = 0
            continue
        numbered = _NUMBERED.match(line)
        if numbered and len(numbered.group(1)) == 1:
            counter += 1
            out.append(f"{counter}. {_inline(line[numbered.end():])}")
            continue
        if numbered:
            # a sub-item ("## …") of the numbered item before: a point inside it
            out.append("– " + _inline(line[numbered.end():]))
            continue
        counter = 0
        bulleted = _BULLETED.match(line)
        if bulleted:
            out.append("• " + _inline(line[bulleted.end():]))
            continue
        out.append(_inline(_MAGIC.sub("", line)))
    return "\n".join(out)


def _inline(s: str) -> str:
    s = _LINK.sub(lambda m: m.group("shown").replace("_", " "), s)
    s = _EXTERNAL.sub(lambda m: m.group("shown") or "", s)
    s = re.sub(r"\{\{[^{}]*\}\}", "", s)
    return _EMPHASIS.sub("", s).strip()


def _dokuwiki(source: str) -> str:
    out: list[str] = []
    counter = 0
    for line in source.split("\n"):
        line = line.rstrip("\r")
        stripped = line.strip()
        if _DOKU_MACRO.fullmatch(stripped) or _TEMPLATE_LINE.match(stripped):
            continue
        heading = _HEADING.match(line)
        if heading:
            out += ["", _doku_inline(heading.group("text")), ""]
            counter = 0
            continue
        if _DOKU_ROW.match(line):
            cells = [c.strip() for c in re.split(r"[\^|]", stripped)[1:-1]]
            cells = [_doku_inline(c) for c in cells if c]
            if len(cells) == 2 and stripped.startswith("^"):
                out.append(f"{cells[0]}: {cells[1]}")
            else:
                out.extend(cells)
            continue
        item = _DOKU_ITEM.match(line)
        if item:
            depth = len(item.group("indent").replace("\t", "  ")) // 2
            words = _doku_inline(line[item.end():])
            if depth > 1:
                out.append("– " + words)
            elif item.group("mark") == "-":
                counter += 1
                out.append(f"{counter}. {words}")
            else:
                out.append("• " + words)
            continue
        counter = 0
        out.append(_doku_inline(_DOKU_MACRO.sub("", line)))
    return "\n".join(out)


def _doku_inline(s: str) -> str:
    s = _LINK.sub(lambda m: m.group("shown").replace("_", " "), s)
    s = re.sub(r"\{\{[^{}]*\}\}", "", s)
    s = _DOKU_FOOTNOTE.sub(lambda m: f"({m.group(1)})", s)
    for pattern in (_DOKU_BOLD, _DOKU_ITALIC, _DOKU_UNDERLINE):
        s = pattern.sub(r"\1", s)
    return s.strip()
