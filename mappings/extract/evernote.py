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

from . import html_text

_ROOT = re.compile(r"\A\ufeff?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE\s+en-export[^>]*>\s*)?<en-export[\s>]")


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
        lines = html_text.lines(note.findtext("content") or "")
        if title and (not lines or lines[0].strip() != title):
            lines = [title, ""] + lines
        notes.append("\n".join(lines))
    return "\n\n".join(notes) + "\n" if notes else source
