"""An Evernote export (`.enex`, whatever the file is named): the note's body as Evernote shows it.

An ENEX file is XML: `<en-export>` holds `<note>`s, each with its `<title>`, its tags and
attributes (the clipping's source URL, the account's e-mail as `author`) and its `<content>`, an
ENML document (XHTML in an `<en-note>` root) inside a CDATA section. The body is the note: its
`<div>`s and paragraphs are lines, `<h1>`–`<h6>` headings, `<ol>` items numbered as displayed and
`<ul>` items bulleted, a table's cells lines of their own; attachments (`<en-media>`) and the
note's metadata are no part of its text. The note's title is printed above the body when the body
does not open with it.

The outer XML is read with ElementTree (expat: no external entity or DTD is fetched, and
entity expansion is bounded), the ENML with the standard library's HTML parser; no library reads
ENEX, and the body's markup is the little XHTML listed above.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser

_ROOT = re.compile(r"\A\ufeff?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE\s+en-export[^>]*>\s*)?<en-export[\s>]")
_BLOCKS = frozenset({"div", "p", "br", "tr", "table", "blockquote", "pre", "hr", "en-note"})
_SKIPPED = frozenset({"en-media", "en-crypt", "style", "script"})


def is_enex(source: str) -> bool:
    return bool(_ROOT.match(source[:600]))


def text(source: str) -> str:
    """Every note's text, one after another; any other text as it is."""
    if not is_enex(source):
        return source
    try:
        root = ElementTree.fromstring(source.lstrip("\ufeff"))
    except ElementTree.ParseError:
        return source   # damaged: read as the text it is
    notes = []
    for note in root.iter("note"):
        title = " ".join((note.findtext("title") or "").split())
        body = _Enml()
        body.feed(note.findtext("content") or "")
        lines = body.lines()
        if title and (not lines or lines[0].strip() != title):
            lines = [title, ""] + lines
        notes.append("\n".join(lines))
    return "\n\n".join(notes) + "\n" if notes else source


class _Enml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.lists: list[list] = []   # [kind, counter] of each open list
        self.skipping = 0
        self.item_opened = False      # a marker written and no text after it yet

    def _break(self) -> None:
        # (an item's <div> opens no line of its own: the marker stays with its text)
        if not self.item_opened:
            self.parts.append("\n")

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in ("ol", "ul"):
            self.lists.append([tag, 0])
        elif tag == "li":
            kind = self.lists[-1] if self.lists else ["ul", 0]
            kind[1] += 1
            depth = len(self.lists)
            marker = f"{kind[1]}. " if kind[0] == "ol" and depth <= 1 else ("– " if depth > 1 else "• ")
            self.parts.append("\n" + marker)
            self.item_opened = True
        elif re.fullmatch(r"h[1-6]", tag) or tag in _BLOCKS or tag in ("td", "th"):
            self._break()

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in ("ol", "ul"):
            if self.lists:
                self.lists.pop()
            self.parts.append("\n")
        elif re.fullmatch(r"h[1-6]", tag) or tag in _BLOCKS or tag in ("td", "th", "li"):
            self._break()

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data.replace("\n", " "))
            self.item_opened = self.item_opened and not data.strip()

    def lines(self) -> list[str]:
        """The note's lines, one blank line at most between two."""
        self.close()
        out: list[str] = []
        for line in "".join(self.parts).split("\n"):
            line = " ".join(line.split())
            if line or (out and out[-1]):
                out.append(line)
        return out
