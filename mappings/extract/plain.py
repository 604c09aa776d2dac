"""Plain text and Markdown: strict UTF-8 (mappings/text.py says why strict).

Markdown's own syntax that is not the author's text is undone here, so that the rest of the
pipeline reads a Markdown file like any other text: YAML front matter (a site generator's
settings, whose `title:` is a page title, not the work's), setext underlines (`===` / `---`
under a heading) and table pipes (a title page typed as a table: each cell its own line, as
the Word extractor gives a table's cells). `#` headings, `**bold**` lines and list markers
are read downstream as in plain text.
"""
from __future__ import annotations

import platform
import re

from .. import text
from . import Extracted

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?:.*\n)*?(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_SETEXT = re.compile(r"^[ ]{0,3}(?:=+|-+)[ \t]*$")
_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def extract(data: bytes, source: str, media_type: str) -> Extracted:
    decoded = text.decode(data, source)
    if media_type == "text/markdown":
        decoded = markdown_text(decoded)
    # The decoder is CPython's own UTF-8 codec: the version recorded is Python's.
    return Extracted(decoded, media_type, "python-utf-8-codec", platform.python_version())


def markdown_text(md: str) -> str:
    """The text of a Markdown document without front matter, setext underlines and table
    syntax. Hand-written rather than a CommonMark parser: everything else (emphasis, lists,
    `#` headings) must stay as typed, since the section and list readers take it as text."""
    md = _FRONT_MATTER.sub("", md.replace("\r\n", "\n"), count=1)
    out: list[str] = []
    for line in md.split("\n"):
        # A setext underline (the heading is the line above it, kept as a line of its own)
        # or, after a blank line, a thematic break: neither carries text.
        if _SETEXT.match(line) and (len(line.strip()) > 1 or not out or out[-1].strip()):
            continue
        if _TABLE_RULE.match(line) and "|" in line:
            continue
        row = _TABLE_ROW.match(line)
        if row:
            out.extend(cell.strip() for cell in re.split(r"(?<!\\)\|", row.group(1)) if cell.strip())
            continue
        out.append(line)
    return "\n".join(out)
