"""The text of the little HTML that notes and chat messages store (an Evernote note's ENML, a
Microsoft Teams message): what a reader sees, line by line. Read with the standard library's HTML
parser: the markup is a handful of block, list and styling tags, not a page to lay out.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset({"div", "p", "br", "tr", "table", "blockquote", "pre", "hr", "en-note"})
_SKIPPED = frozenset({"en-media", "en-crypt", "style", "script"})


class HtmlText(HTMLParser):
    """The lines a reader sees in a little HTML: blocks and table cells are lines, `<ol>` items
    numbered as displayed and `<ul>` items bulleted (a nested list's items dashed); media,
    styles and scripts are no text."""

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


def lines(markup: str) -> list[str]:
    parser = HtmlText()
    parser.feed(markup)
    return parser.lines()
